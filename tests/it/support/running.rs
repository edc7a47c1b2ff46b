//! The real binary running in the background (`watch`, `serve`): its output read line by line
//! as it comes, and the process killed when the test ends, even when an assertion failed.

use std::io::{BufRead, BufReader, Read};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{self, Receiver};
use std::thread;
use std::time::{Duration, Instant};

/// A running `report-gen`.
pub struct Running {
    /// The process.
    pub child: Child,
    /// Lines of stdout and stderr, as they come: ("out" | "err", line).
    lines: Receiver<(&'static str, String)>,
    /// Everything read so far, for failure messages.
    pub seen: Vec<String>,
    /// How long [`Running::expect_line`] waits.
    wait: Duration,
}

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Running {
    /// Starts `report-gen ARGS` in `cwd`; `expect_line` will wait at most `wait` for a line.
    pub fn start(cwd: &Path, args: &[&str], wait: Duration) -> Running {
        let mut child = Command::new(env!("CARGO_BIN_EXE_report-gen"))
            .env("REPORT_GEN_LANG", "en")
            .args(args)
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
        Running {
            child,
            lines,
            seen: Vec::new(),
            wait,
        }
    }

    /// Waits for a line of `stream` containing `fragment`; fails after the start's `wait`.
    pub fn expect_line(&mut self, stream: &str, fragment: &str) -> String {
        let deadline = Instant::now() + self.wait;
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
            "no line with {fragment:?} on std{stream} within {:?}; seen:\n{}",
            self.wait,
            self.seen.join("\n")
        );
    }
}
