//! End-to-end test of `report-gen watch`: a first build, a rebuild after an edit, a YAML error
//! reported without stopping, a rebuild after the fix, and a clean stop on Ctrl-C (SIGINT).
//! Every wait is bounded; the child is killed when the test ends, whatever happened.

use std::fs;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{self, Receiver};
use std::thread;
use std::time::{Duration, Instant};

/// How long to wait for the first build (the binary starts cold) and for each rebuild.
const WAIT: Duration = Duration::from_secs(15);

/// Kills the watcher when the test ends, even when an assertion failed.
struct Watcher {
    child: Child,
    /// Lines of stdout and stderr, as they come: ("out" | "err", line).
    lines: Receiver<(&'static str, String)>,
    /// Everything read so far, for failure messages.
    seen: Vec<String>,
}

impl Drop for Watcher {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Watcher {
    fn start(cwd: &Path) -> Watcher {
        let mut child = Command::new(env!("CARGO_BIN_EXE_report-gen"))
            .args(["watch", "--year", "2022", "--format", "md"])
            .args(["--data", "data", "--out", "out"])
            .current_dir(cwd)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("the report-gen binary starts");
        let (tx, lines) = mpsc::channel();
        let pipes: [(&'static str, Box<dyn Read + Send>); 2] = [
            ("out", Box::new(child.stdout.take().expect("piped stdout"))),
            ("err", Box::new(child.stderr.take().expect("piped stderr"))),
        ];
        for (name, pipe) in pipes {
            let tx = tx.clone();
            thread::spawn(move || {
                for line in BufReader::new(pipe).lines().map_while(Result::ok) {
                    let _ = tx.send((name, line));
                }
            });
        }
        Watcher {
            child,
            lines,
            seen: Vec::new(),
        }
    }

    /// Waits for a line of `stream` containing `fragment`; fails after [`WAIT`].
    fn expect_line(&mut self, stream: &str, fragment: &str) -> String {
        let deadline = Instant::now() + WAIT;
        while let Some(left) = deadline.checked_duration_since(Instant::now()) {
            match self.lines.recv_timeout(left) {
                Ok((s, line)) => {
                    self.seen.push(format!("{s}: {line}"));
                    if s == stream && line.contains(fragment) {
                        return line;
                    }
                }
                Err(_) => break,
            }
        }
        panic!(
            "no line with {fragment:?} on std{stream} within {WAIT:?}; seen:\n{}",
            self.seen.join("\n")
        );
    }
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

    let mut w = Watcher::start(tmp.path());
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

    let mut w = Watcher::start(tmp.path());
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
