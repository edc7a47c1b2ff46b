//! End-to-end tests of `report-gen check`: the shipped data, a minimal valid data set, and broken
//! or unusual variants of it, each run through the real binary.
//!
//! Fixtures (under `tests/fixtures/`):
//!
//! - `minimal/`: a small valid data set.
//! - `invalid/<case>/`: the files that differ from `minimal/`, copied over a temporary copy of it,
//!   plus `expected.txt`. The check must exit with 1, print nothing on stdout, and print every
//!   line of `expected.txt` somewhere on stderr. The first line is the full diagnostic header
//!   (`data/years/2022.yaml:7:12: error: message`, or `path: error: message` for a whole-file
//!   problem); the other lines are further fragments (`help: …`, other headers, the count line).
//! - `valid/<case>/`: the same layout, for data that must be ACCEPTED (exit 0, a summary starting
//!   with `ok:` on stdout). `expected.txt` lists fragments (warnings) that must appear on stderr;
//!   it may be empty.
//!
//! The binary runs with the temporary directory as its working directory and `--data data`, so
//! the paths it prints are stable: `data/years/2022.yaml`.

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::thread;
use std::time::{Duration, Instant};

use tempfile::TempDir;

/// How long one run of the binary may take before it is killed and the test fails.
const TIMEOUT: Duration = Duration::from_secs(20);

/// Files of a case directory that describe the case and are not copied into the data.
const CASE_FILES: [&str; 1] = ["expected.txt"];

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// What one run of the binary produced.
struct Output {
    /// Exit code (`None` if killed by a signal).
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

impl Output {
    fn describe(&self) -> String {
        format!(
            "exit code: {:?}\n--- stdout ---\n{}--- stderr ---\n{}--------------",
            self.code, self.stdout, self.stderr
        )
    }
}

/// Runs the binary with `args` in `cwd`; fails if it does not finish within [`TIMEOUT`].
fn run(cwd: &Path, args: &[&str]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_report-gen"))
        .args(args)
        .current_dir(cwd)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the report-gen binary starts");
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
    let status = loop {
        if let Some(status) = child.try_wait().expect("waiting for report-gen") {
            break status;
        }
        if start.elapsed() > TIMEOUT {
            let _ = child.kill();
            let _ = child.wait();
            panic!(
                "`report-gen {}` did not finish within {TIMEOUT:?} (in {})",
                args.join(" "),
                cwd.display()
            );
        }
        thread::sleep(Duration::from_millis(10));
    };
    Output {
        code: status.code(),
        stdout: stdout.join().expect("stdout reader"),
        stderr: stderr.join().expect("stderr reader"),
    }
}

/// Copies the files of `from` into `to` (recursively, overwriting), except the case files at
/// the top of `from`.
fn copy_over(from: &Path, to: &Path, top: bool) {
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

/// A temporary directory holding `data/`: `minimal/`, with `case` (if any) copied over it.
fn data_dir(case: Option<&Path>) -> TempDir {
    let tmp = tempfile::tempdir().expect("temporary directory");
    let data = tmp.path().join("data");
    copy_over(&fixtures().join("minimal"), &data, false);
    if let Some(case) = case {
        copy_over(case, &data, true);
    }
    tmp
}

/// Runs `report-gen check --data data` on `minimal/` with `case` copied over it.
fn check(case: Option<&Path>) -> Output {
    let tmp = data_dir(case);
    run(tmp.path(), &["check", "--data", "data"])
}

/// One fixture case.
struct Case {
    name: String,
    dir: PathBuf,
    /// Lines of `expected.txt` (blank lines dropped).
    expected: Vec<String>,
}

/// The cases under `tests/fixtures/<kind>/`, sorted by name.
fn cases(kind: &str) -> Vec<Case> {
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
struct Header {
    path: PathBuf,
    /// Line and column, when the diagnostic has a position.
    pos: Option<(usize, usize)>,
    error: bool,
}

fn parse_header(line: &str) -> Option<Header> {
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
fn headers(stderr: &str) -> Vec<Header> {
    stderr.lines().filter_map(parse_header).collect()
}

/// The diagnostics must be sorted by file, then line and column.
fn check_sorted(stderr: &str) -> Result<(), String> {
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

/// Checks one case; returns what is wrong with the output.
fn check_case(case: &Case, valid: bool) -> Result<(), String> {
    let out = check(Some(&case.dir));
    let mut problems = Vec::new();
    if out.stderr.contains("panicked") {
        problems.push("the binary panicked".to_string());
    }
    if valid {
        if out.code != Some(0) {
            problems.push(format!("expected exit code 0, got {:?}", out.code));
        }
        if !out.stdout.starts_with("ok:") {
            problems.push("stdout does not start with `ok:`".to_string());
        }
        if headers(&out.stderr).iter().any(|h| h.error) {
            problems.push("an error was reported for data that must be accepted".to_string());
        }
    } else {
        if out.code != Some(1) {
            problems.push(format!("expected exit code 1, got {:?}", out.code));
        }
        if !out.stdout.is_empty() {
            problems.push("stdout is not empty: every diagnostic belongs on stderr".to_string());
        }
        match case.expected.first() {
            None => problems.push("expected.txt is empty".to_string()),
            Some(first) if parse_header(first).is_none() => problems.push(format!(
                "the first line of expected.txt is not a diagnostic header: {first}"
            )),
            Some(_) => {}
        }
    }
    for fragment in &case.expected {
        if !out.stderr.contains(fragment.as_str()) {
            problems.push(format!("missing on stderr: {fragment}"));
        }
    }
    if let Err(e) = check_sorted(&out.stderr) {
        problems.push(e);
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(format!("{}\n{}", problems.join("\n"), out.describe()))
    }
}

/// Runs the cases of `kind` selected by `keep`; fails with every failing case and its output.
fn run_cases(kind: &str, keep: impl Fn(&Case) -> bool, min: usize) {
    let all = cases(kind);
    let selected: Vec<&Case> = all.iter().filter(|c| keep(c)).collect();
    assert!(
        selected.len() >= min,
        "expected at least {min} cases under tests/fixtures/{kind}/, found {}",
        selected.len()
    );
    let failures: Vec<String> = selected
        .iter()
        .filter_map(|case| {
            check_case(case, kind == "valid")
                .err()
                .map(|e| format!("=== {kind}/{}\n{e}", case.name))
        })
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n\n{}",
        failures.len(),
        selected.len(),
        failures.join("\n\n")
    );
}

#[test]
fn every_invalid_case_is_reported() {
    run_cases("invalid", |_| true, 25);
}

#[test]
fn every_valid_case_is_accepted() {
    run_cases("valid", |_| true, 1);
}

#[test]
fn minimal_fixture_checks_clean() {
    let out = check(None);
    assert_eq!(out.code, Some(0), "{}", out.describe());
    assert!(out.stdout.starts_with("ok:"), "{}", out.describe());
    assert!(out.stderr.is_empty(), "{}", out.describe());
}

#[test]
fn shipped_data_checks_clean() {
    let out = run(Path::new(env!("CARGO_MANIFEST_DIR")), &["check"]);
    assert_eq!(out.code, Some(0), "{}", out.describe());
    assert!(out.stdout.starts_with("ok:"), "{}", out.describe());
    assert!(!out.stderr.contains("panicked"), "{}", out.describe());
}

#[test]
fn misspelled_command_is_a_usage_error() {
    let tmp = tempfile::tempdir().expect("temporary directory");
    let out = run(tmp.path(), &["chek"]);
    assert_eq!(out.code, Some(2), "{}", out.describe());
    assert!(out.stdout.is_empty(), "{}", out.describe());
    assert!(out.stderr.contains("check"), "{}", out.describe());
}

#[test]
fn missing_data_dir_is_named() {
    let tmp = tempfile::tempdir().expect("temporary directory");
    let out = run(tmp.path(), &["check", "--data", "nonexistent"]);
    assert_eq!(out.code, Some(1), "{}", out.describe());
    assert!(out.stdout.is_empty(), "{}", out.describe());
    assert!(
        out.stderr
            .contains("nonexistent: error: the data directory does not exist"),
        "{}",
        out.describe()
    );
    assert!(out.stderr.contains("--data DIR"), "{}", out.describe());
}

/// A file saved as Windows-1250 (Polish letters as single bytes) is refused with the position of
/// the first byte that is not UTF-8, not read as garbage.
#[test]
fn non_utf8_file_is_refused_with_its_position() {
    let tmp = data_dir(None);
    let report = tmp.path().join("data/report.yaml");
    let text = fs::read_to_string(&report).expect("minimal report.yaml");
    let cp1250: Vec<u8> = text
        .chars()
        .flat_map(|c| match c {
            'ą' => vec![0xB9],
            'ę' => vec![0xEA],
            'ł' => vec![0xB3],
            'ń' => vec![0xF1],
            'ó' => vec![0xF3],
            other => other.to_string().into_bytes(),
        })
        .collect();
    assert!(String::from_utf8(cp1250.clone()).is_err());
    fs::write(&report, cp1250).expect("write report.yaml");
    let out = run(tmp.path(), &["check", "--data", "data"]);
    assert_eq!(out.code, Some(1), "{}", out.describe());
    // Line 4 is `city: Poznań` (after the schema line and a comment): the `ń` is the 12th
    // character.
    assert!(
        out.stderr
            .contains("data/report.yaml:4:12: error: the file is not UTF-8 text"),
        "{}",
        out.describe()
    );
    assert!(
        out.stderr
            .contains("help: save the file with the encoding UTF-8"),
        "{}",
        out.describe()
    );
    assert!(!out.stderr.contains("panicked"), "{}", out.describe());
}

/// Guards the BOM fixture against an editor that silently drops the byte-order mark.
#[test]
fn bom_fixture_starts_with_a_bom() {
    let dir = fixtures().join("valid/bom-is-accepted");
    for file in ["report.yaml", "registry/places.yaml", "years/2022.yaml"] {
        let bytes = fs::read(dir.join(file)).expect("BOM fixture file");
        assert!(
            bytes.starts_with(b"\xEF\xBB\xBF"),
            "{file} lost its byte-order mark"
        );
    }
}

/// The diagnostics of `errors-sorted-by-file-and-line` are found in another order than the one
/// of the files (registry files are read countries, partners, places, organisations…; in an
/// event `about` is checked before `text`): they must be printed sorted by file, then line.
#[test]
fn errors_are_sorted_by_file_and_line() {
    let case = cases("invalid")
        .into_iter()
        .find(|c| c.name == "errors-sorted-by-file-and-line")
        .expect("the case exists");
    let out = check(Some(&case.dir));
    let expected: Vec<&String> = case
        .expected
        .iter()
        .filter(|l| parse_header(l).is_some())
        .collect();
    let printed: Vec<&str> = out
        .stderr
        .lines()
        .filter(|l| parse_header(l).is_some())
        .collect();
    assert_eq!(printed, expected, "{}", out.describe());
    check_sorted(&out.stderr).unwrap_or_else(|e| panic!("{e}\n{}", out.describe()));
}

/// Errors in several files and several items are all reported in one run.
#[test]
fn every_problem_is_reported_at_once() {
    let case = cases("invalid")
        .into_iter()
        .find(|c| c.name == "many-errors-at-once")
        .expect("the case exists");
    let out = check(Some(&case.dir));
    let printed = headers(&out.stderr);
    let files: std::collections::BTreeSet<&Path> =
        printed.iter().map(|h| h.path.as_path()).collect();
    assert_eq!(printed.len(), 8, "{}", out.describe());
    assert_eq!(files.len(), 4, "{}", out.describe());
}

#[test]
fn header_parser_reads_both_forms() {
    assert_eq!(
        parse_header("data/years/2022.yaml:7:12: error: unknown key `x`"),
        Some(Header {
            path: PathBuf::from("data/years/2022.yaml"),
            pos: Some((7, 12)),
            error: true
        })
    );
    assert_eq!(
        parse_header("data/registry/person.yaml: warning: this file is not read"),
        Some(Header {
            path: PathBuf::from("data/registry/person.yaml"),
            pos: None,
            error: false
        })
    );
    assert_eq!(parse_header("7 |     about: [gyor]"), None);
    assert_eq!(parse_header("  = help: did you mean `gyor`?"), None);
}
