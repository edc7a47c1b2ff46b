//! The process and its environment (issue 12, class 5): a closed pipe ends the program quietly,
//! a full stdout is an error, and a folder of the data that cannot be read is an error naming
//! it.
//!
//! Unreadable folders are read as the user nobody (`setpriv`) when the tests run as root, whom
//! permissions do not stop.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

use crate::support::harness::{data_dir, run, Output};

fn bin() -> &'static str {
    env!("CARGO_BIN_EXE_report-gen")
}

#[cfg(unix)]
#[test]
fn a_closed_pipe_ends_the_program_quietly() {
    use std::io::Read as _;
    use std::os::unix::process::ExitStatusExt as _;
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    for args in [
        vec!["check", "--data"],
        vec!["table", "--year", "2018", "--data"],
        vec!["lint", "--data"],
    ] {
        // stdout: a pipe whose reader is gone before the program starts.
        let (reader, writer) = std::io::pipe().expect("a pipe");
        drop(reader);
        let mut child = Command::new(bin())
            .env("REPORT_GEN_LANG", "en")
            .args(&args)
            .arg(&data)
            .stdout(writer)
            .stderr(Stdio::piped())
            .spawn()
            .expect("start report-gen");
        let mut stderr = String::new();
        child
            .stderr
            .take()
            .expect("stderr")
            .read_to_string(&mut stderr)
            .expect("read stderr");
        let status = child.wait().expect("wait");
        assert!(
            !stderr.contains("panicked") && status.code() != Some(101),
            "{args:?}: {status} {stderr}"
        );
        assert!(
            status.signal() == Some(libc::SIGPIPE) || status.code() == Some(0),
            "{args:?}: ended by the closed pipe, not otherwise: {status} {stderr}"
        );

        // Both closed, as in `report-gen check 2>&1 | head -c0`.
        let (reader, writer) = std::io::pipe().expect("a pipe");
        drop(reader);
        let status = Command::new(bin())
            .env("REPORT_GEN_LANG", "en")
            .args(&args)
            .arg(&data)
            .stdout(writer.try_clone().expect("clone the pipe"))
            .stderr(writer)
            .status()
            .expect("run report-gen");
        assert_ne!(status.code(), Some(101), "{args:?}: {status}");
    }
}

#[cfg(unix)]
#[test]
fn a_full_stdout_is_an_error_not_a_panic() {
    let Ok(full) = fs::OpenOptions::new().write(true).open("/dev/full") else {
        return;
    };
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    let out = Command::new(bin())
        .env("REPORT_GEN_LANG", "en")
        .args(["table", "--year", "2018", "--data"])
        .arg(&data)
        .stdout(full)
        .output()
        .expect("run report-gen");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(
        stderr.contains("error: cannot write the output"),
        "{stderr}"
    );
}

/// Runs `report-gen check` on `data` in `cwd` as the user nobody when this runs as root (whom
/// permissions do not stop), else as the user running the tests.
#[cfg(unix)]
fn check_as_a_user(cwd: &Path) -> Option<Output> {
    let root = fs::metadata("/proc/self").map(|m| {
        use std::os::unix::fs::MetadataExt as _;
        m.uid() == 0
    });
    if root.unwrap_or(false) {
        let setpriv = Command::new("setpriv").arg("--version").output();
        if !setpriv.is_ok_and(|o| o.status.success()) {
            return None;
        }
        let out = Command::new("setpriv")
            .env("REPORT_GEN_LANG", "en")
            .args(["--reuid=65534", "--regid=65534", "--clear-groups", bin()])
            .args(["check", "--data", "data"])
            .current_dir(cwd)
            .output()
            .ok()?;
        Some(Output {
            code: out.status.code(),
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
            elapsed: Duration::ZERO,
            peak_kib: 0,
        })
    } else {
        Some(run(cwd, &["check", "--data", "data"]))
    }
}

#[test]
fn a_folder_of_the_data_that_cannot_be_read_is_an_error_naming_it() {
    for folder in ["years", "registry"] {
        let tmp = data_dir(None);
        let path = tmp.path().join("data").join(folder);
        fs::remove_dir_all(&path).expect("remove the folder");
        fs::write(&path, "not a folder").expect("a file in its place");
        let out = run(tmp.path(), &["check", "--data", "data"]);
        assert_eq!(out.code, Some(1), "{}", out.describe());
        let first = out.stderr.lines().next().unwrap_or_default();
        assert_eq!(
            first,
            format!("data/{folder}: error: this should be a folder, but it is a file"),
            "{}",
            out.describe()
        );
        assert!(out.stderr.contains("1 error found"), "{}", out.describe());
    }

    #[cfg(unix)]
    for folder in ["years", "registry", ""] {
        use std::os::unix::fs::PermissionsExt as _;
        let tmp = data_dir(None);
        // Others may enter the temporary folder (nobody must reach the data).
        fs::set_permissions(tmp.path(), fs::Permissions::from_mode(0o755)).expect("chmod");
        let path = tmp.path().join("data").join(folder);
        fs::set_permissions(&path, fs::Permissions::from_mode(0o000)).expect("chmod 000");
        let out = check_as_a_user(tmp.path());
        fs::set_permissions(&path, fs::Permissions::from_mode(0o755)).expect("chmod back");
        let Some(out) = out else {
            eprintln!("skipped: no setpriv to drop root's rights");
            return;
        };
        let name = if folder.is_empty() {
            PathBuf::from("data")
        } else {
            Path::new("data").join(folder)
        };
        let first = out.stderr.lines().next().unwrap_or_default().to_string();
        assert!(
            first.starts_with(&format!(
                "{}: error: the folder cannot be opened: Permission denied",
                name.display()
            )),
            "{}",
            out.describe()
        );
        assert!(out.stderr.contains("1 error found"), "{}", out.describe());
        assert!(
            !out.stdout.contains("no report years"),
            "{}",
            out.describe()
        );
    }
}
