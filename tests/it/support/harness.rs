//! Running the real binary on fixture data sets, bounded in time and memory, for the `check` and
//! `build` corpora (`check_cli.rs`, `build_cli.rs`).

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::thread;
use std::time::{Duration, Instant};

use tempfile::TempDir;

/// How long one run of the binary may take before it is killed and the test fails.
pub const TIMEOUT: Duration = Duration::from_secs(20);

/// The address space one run may use (`ulimit -v`, in KiB): 1 GiB. Data files are refused above
/// 16 MB, so no input may make the program need more; a run that does aborts with "memory
/// allocation failed" and the test fails.
pub const MEMORY_LIMIT_KIB: u64 = 1024 * 1024;

/// Files of a case directory that describe the case and are not copied into the data.
pub const CASE_FILES: [&str; 4] = ["expected.txt", "args.txt", "templates", "setup.txt"];

/// Held by the tests that each keep both cores busy for seconds (the 10 MB check, the
/// LibreOffice conversion), so that they never run at the same time: together they pushed the
/// 10 MB check past [`TIMEOUT`] on a loaded 2-core machine.
pub fn one_heavy_test_at_a_time() -> std::sync::MutexGuard<'static, ()> {
    static HEAVY: std::sync::Mutex<()> = std::sync::Mutex::new(());
    HEAVY
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// `tests/fixtures`.
pub fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// What one run of the binary produced.
pub struct Output {
    /// Exit code (`None` if killed by a signal, e.g. aborted at the memory limit).
    pub code: Option<i32>,
    pub stdout: String,
    pub stderr: String,
    /// Wall-clock time of the run.
    pub elapsed: Duration,
    /// Peak resident memory in KiB (`VmHWM`, sampled while the process ran; 0 where `/proc`
    /// is not available).
    pub peak_kib: u64,
}

impl Output {
    /// Everything known about the run, for a failure message.
    pub fn describe(&self) -> String {
        format!(
            "exit code: {:?} ({} ms, peak {} MiB)\n--- stdout ---\n{}--- stderr ---\n{}--------------",
            self.code,
            self.elapsed.as_millis(),
            self.peak_kib / 1024,
            self.stdout,
            self.stderr
        )
    }

    /// Asserts that the run succeeded (exit code 0), showing everything about it if not.
    pub fn assert_ok(&self) -> &Self {
        assert_eq!(self.code, Some(0), "{}", self.describe());
        self
    }

    /// Whether the program panicked or was killed (a crash rather than a reported problem).
    pub fn crashed(&self) -> bool {
        self.code.is_none() || self.stderr.contains("panicked")
    }
}

/// Peak resident memory of a running process, in KiB.
fn peak_kib(pid: u32) -> Option<u64> {
    let status = fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// Runs the binary with `args` in `cwd` under `ulimit -v` [`MEMORY_LIMIT_KIB`]; fails the test
/// if it does not finish within [`TIMEOUT`].
pub fn run(cwd: &Path, args: &[&str]) -> Output {
    // `exec` keeps the pid, so the memory sampled below is the binary's own.
    let mut child = Command::new("sh")
        .env("REPORT_GEN_LANG", "en")
        .arg("-c")
        .arg(format!(
            "ulimit -v {MEMORY_LIMIT_KIB} && exec \"$0\" \"$@\""
        ))
        .arg(env!("CARGO_BIN_EXE_report-gen"))
        .args(args)
        .current_dir(cwd)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("sh starts the report-gen binary");
    // Read both pipes on threads so that a chatty child never blocks on a full pipe.
    let drain = |mut pipe: Box<dyn Read + Send>| {
        thread::spawn(move || {
            let mut bytes = Vec::new();
            let _ = pipe.read_to_end(&mut bytes);
            String::from_utf8_lossy(&bytes).into_owned()
        })
    };
    let stdout = drain(Box::new(child.stdout.take().expect("piped stdout")));
    let stderr = drain(Box::new(child.stderr.take().expect("piped stderr")));
    let start = Instant::now();
    let mut peak = 0;
    let status = loop {
        if let Some(status) = child.try_wait().expect("waiting for report-gen") {
            break status;
        }
        peak = peak.max(peak_kib(child.id()).unwrap_or(0));
        if start.elapsed() > TIMEOUT {
            let _ = child.kill();
            let _ = child.wait();
            panic!(
                "`report-gen {}` did not finish within {TIMEOUT:?} (in {})",
                args.join(" "),
                cwd.display()
            );
        }
        thread::sleep(Duration::from_millis(5));
    };
    let elapsed = start.elapsed();
    Output {
        code: status.code(),
        stdout: stdout.join().expect("stdout reader"),
        stderr: stderr.join().expect("stderr reader"),
        elapsed,
        peak_kib: peak,
    }
}

/// Copies the files of `from` into `to` (recursively, overwriting), except the case files at
/// the top of `from`.
pub fn copy_over(from: &Path, to: &Path, top: bool) {
    fs::create_dir_all(to).expect("create directory");
    let mut entries: Vec<_> = fs::read_dir(from)
        .expect("read fixture directory")
        .map(|e| e.expect("directory entry").path())
        .collect();
    entries.sort();
    for path in entries {
        let name = path.file_name().expect("entry has a name");
        if top && CASE_FILES.iter().any(|f| name == *f) {
            continue;
        }
        let target = to.join(name);
        if path.is_dir() {
            copy_over(&path, &target, false);
        } else {
            fs::copy(&path, &target).expect("copy fixture file");
        }
    }
}

/// A temporary directory holding `data/`: a copy of the shipped data set, for tests that
/// change it (a photo added, an option set) and build the real chapter.
pub fn shipped_data() -> TempDir {
    let tmp = tempfile::tempdir().expect("temporary directory");
    copy_over(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("data"),
        &tmp.path().join("data"),
        false,
    );
    tmp
}

/// A temporary directory holding `data/`: `minimal/`, with `case` (if any) copied over it.
pub fn data_dir(case: Option<&Path>) -> TempDir {
    let tmp = tempfile::tempdir().expect("temporary directory");
    let data = tmp.path().join("data");
    copy_over(&fixtures().join("minimal"), &data, false);
    if let Some(case) = case {
        copy_over(case, &data, true);
    }
    tmp
}

/// One fixture case.
pub struct Case {
    pub name: String,
    pub dir: PathBuf,
    /// Lines of `expected.txt` (blank lines dropped).
    pub expected: Vec<String>,
}

/// The cases under `tests/fixtures/<kind>/`, sorted by name.
pub fn cases(kind: &str) -> Vec<Case> {
    let root = fixtures().join(kind);
    let mut out: Vec<Case> = fs::read_dir(&root)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", root.display()))
        .map(|e| e.expect("directory entry").path())
        .filter(|p| p.is_dir())
        .map(|dir| {
            let expected_file = dir.join("expected.txt");
            let expected = fs::read_to_string(&expected_file)
                .unwrap_or_else(|e| panic!("cannot read {}: {e}", expected_file.display()))
                .lines()
                .map(|l| l.trim_end().to_string())
                .filter(|l| !l.is_empty())
                .collect();
            Case {
                name: dir
                    .file_name()
                    .expect("case has a name")
                    .to_string_lossy()
                    .into_owned(),
                expected,
                dir,
            }
        })
        .collect();
    out.sort_by(|a, b| a.name.cmp(&b.name));
    out
}

/// A diagnostic's first line: `path:line:col: error: message` or `path: warning: message`.
#[derive(Debug, PartialEq)]
pub struct Header {
    pub path: PathBuf,
    /// Line and column, when the diagnostic has a position.
    pub pos: Option<(usize, usize)>,
    pub error: bool,
}

/// Reads a diagnostic header; `None` for any other line (excerpts, carets, help).
pub fn parse_header(line: &str) -> Option<Header> {
    if line.starts_with(char::is_whitespace) || line.starts_with(|c: char| c.is_ascii_digit()) {
        return None; // an excerpt, a caret line or a help line
    }
    let (location, error) = if let Some((loc, _)) = line.split_once(": error: ") {
        (loc, true)
    } else {
        (line.split_once(": warning: ")?.0, false)
    };
    let mut parts = location.rsplitn(3, ':');
    let (last, middle, rest) = (parts.next()?, parts.next(), parts.next());
    let pos = match (middle, rest) {
        (Some(l), Some(path)) => match (l.parse(), last.parse()) {
            (Ok(l), Ok(c)) => Some((PathBuf::from(path), Some((l, c)))),
            _ => None,
        },
        _ => None,
    };
    let (path, pos) = pos.unwrap_or_else(|| (PathBuf::from(location), None));
    Some(Header { path, pos, error })
}

/// Every diagnostic header printed on `stderr`, in order.
pub fn headers(stderr: &str) -> Vec<Header> {
    stderr.lines().filter_map(parse_header).collect()
}

/// The diagnostics must be sorted by file, then line and column.
pub fn check_sorted(stderr: &str) -> Result<(), String> {
    let hs = headers(stderr);
    for pair in hs.windows(2) {
        let key = |h: &Header| (h.path.clone(), h.pos);
        if key(&pair[0]) > key(&pair[1]) {
            return Err(format!(
                "diagnostics are not sorted by file and line: {:?} is printed before {:?}",
                pair[0], pair[1]
            ));
        }
    }
    Ok(())
}

/// Prints the slowest runs (and their peak memory), for the test log: `cargo test -- --nocapture`.
pub fn print_slowest(kind: &str, mut runs: Vec<(String, Duration, u64)>) {
    runs.sort_by_key(|r| std::cmp::Reverse(r.1));
    eprintln!("slowest {kind} cases:");
    for (name, time, peak) in runs.iter().take(5) {
        eprintln!(
            "  {:>6} ms {:>5} MiB  {name}",
            time.as_millis(),
            peak / 1024
        );
    }
}
