//! End-to-end test of `report-gen watch`: a first build, a rebuild after an edit, a YAML error
//! reported without stopping, a rebuild after the fix, and a clean stop on Ctrl-C (SIGINT).
//! Every wait is bounded; the child is killed when the test ends, whatever happened.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::thread;
use std::time::{Duration, Instant};

use crate::support::running::Running;

/// How long to wait for the first build (the binary starts cold) and for each rebuild.
const WAIT: Duration = Duration::from_secs(15);

/// `report-gen watch` of 2022 in Markdown, in `cwd` (which holds `data/`).
fn start_watch(cwd: &Path) -> Running {
    Running::start(
        cwd,
        &[
            "watch", "--year", "2022", "--format", "md", "--data", "data", "--out", "out",
        ],
        WAIT,
    )
}

/// Waits until `file` contains `text`; fails after [`WAIT`].
fn wait_for_content(file: &Path, text: &str) -> Duration {
    let start = Instant::now();
    while start.elapsed() < WAIT {
        if fs::read_to_string(file).is_ok_and(|s| s.contains(text)) {
            return start.elapsed();
        }
        thread::sleep(Duration::from_millis(5));
    }
    panic!("{} did not get {text:?} within {WAIT:?}", file.display());
}

fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).expect("create directory");
    for entry in fs::read_dir(from).expect("read fixture directory") {
        let path = entry.expect("directory entry").path();
        let target = to.join(path.file_name().expect("entry has a name"));
        if path.is_dir() {
            copy_dir(&path, &target);
        } else {
            fs::copy(&path, &target).expect("copy fixture file");
        }
    }
}

fn edit(file: &PathBuf, from: &str, to: &str) {
    let text = fs::read_to_string(file).expect("read year file");
    assert!(text.contains(from), "{} has {from:?}", file.display());
    fs::write(file, text.replace(from, to)).expect("write year file");
}

#[test]
fn rebuilds_on_change_reports_errors_and_keeps_watching() {
    let tmp = tempfile::tempdir().expect("temporary directory");
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/minimal");
    copy_dir(&fixtures, &tmp.path().join("data"));
    let year = tmp.path().join("data/years/2022.yaml");
    let chapter = tmp.path().join("out/wspolpraca-miedzynarodowa-2022.md");

    let mut w = start_watch(tmp.path());
    w.expect_line("out", "watching `data`");
    let first = w.expect_line("out", "rebuilt in");
    assert!(
        first.ends_with("out/wspolpraca-miedzynarodowa-2022.md"),
        "{first}"
    );
    wait_for_content(&chapter, "spotkanie podsumowujące w\u{a0}Birmingham");

    // An edit appears in the chapter.
    edit(&year, "spotkanie podsumowujące", "spotkanie końcowe");
    let took = wait_for_content(&chapter, "spotkanie końcowe w\u{a0}Birmingham");
    w.expect_line("out", "changed: data/years/2022.yaml");
    w.expect_line("out", "rebuilt in");
    eprintln!("save to new chapter: {took:?} (debug build, polling every 5 ms)");

    // A YAML error is reported with its place; the watcher goes on and keeps the last chapter.
    edit(&year, "year: 2022", "year: [2022");
    w.expect_line("err", "data/years/2022.yaml:");
    w.expect_line("err", "not rebuilt");
    assert!(
        w.child.try_wait().expect("child status").is_none(),
        "still running"
    );
    let kept = fs::read_to_string(&chapter).expect("chapter still there");
    assert!(
        kept.contains("spotkanie końcowe"),
        "the last good chapter is kept"
    );

    // Fixing it rebuilds.
    edit(&year, "year: [2022", "year: 2022");
    edit(&year, "spotkanie końcowe", "spotkanie ostatnie");
    wait_for_content(&chapter, "spotkanie ostatnie w\u{a0}Birmingham");
    w.expect_line("out", "rebuilt in");

    // Ctrl-C stops it cleanly.
    #[cfg(unix)]
    {
        let pid = w.child.id().to_string();
        let sent = Command::new("kill").args(["-INT", &pid]).status();
        assert!(sent.is_ok_and(|s| s.success()), "SIGINT sent");
        w.expect_line("out", "stopped");
        let deadline = Instant::now() + WAIT;
        let status = loop {
            if let Some(status) = w.child.try_wait().expect("child status") {
                break status;
            }
            assert!(
                Instant::now() < deadline,
                "the watcher did not stop on Ctrl-C"
            );
            thread::sleep(Duration::from_millis(10));
        };
        assert_eq!(status.code(), Some(0), "Ctrl-C exits with 0");
    }
}

#[test]
fn recovers_when_the_data_folder_is_removed_and_restored() {
    let tmp = tempfile::tempdir().expect("temporary directory");
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/minimal");
    let data = tmp.path().join("data");
    copy_dir(&fixtures, &data);
    let chapter = tmp.path().join("out/wspolpraca-miedzynarodowa-2022.md");

    let mut w = start_watch(tmp.path());
    w.expect_line("out", "rebuilt in");

    // Moved away and a copy put back (a restore from a backup): another folder at the path.
    let backup = tmp.path().join("data.bak");
    fs::rename(&data, &backup).expect("move the data folder away");
    w.expect_line("err", "the folder `data` was removed or replaced");
    copy_dir(&backup, &data);
    w.expect_line("out", "the folder `data` is back");
    w.expect_line("out", "rebuilt in");
    edit(
        &data.join("years/2022.yaml"),
        "spotkanie podsumowujące",
        "spotkanie po powrocie",
    );
    wait_for_content(&chapter, "spotkanie po powrocie w\u{a0}Birmingham");
    w.expect_line("out", "changed: data/years/2022.yaml");

    // Removed outright and restored.
    fs::remove_dir_all(&data).expect("remove the data folder");
    w.expect_line("err", "the folder `data` was removed or replaced");
    fs::rename(&backup, &data).expect("restore the data folder");
    w.expect_line("out", "the folder `data` is back");
    edit(
        &data.join("years/2022.yaml"),
        "spotkanie podsumowujące",
        "spotkanie po kopii",
    );
    wait_for_content(&chapter, "spotkanie po kopii w\u{a0}Birmingham");
    assert!(
        w.child.try_wait().expect("child status").is_none(),
        "still watching"
    );
}
