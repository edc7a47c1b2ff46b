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

use crate::support::harness;

use std::fs;
use std::path::{Path, PathBuf};

use harness::{
    cases, check_sorted, data_dir, fixtures, headers, parse_header, print_slowest, run, Case,
    Header, Output,
};

/// Runs `report-gen check --data data` on `minimal/` with `case` copied over it.
fn check(case: Option<&Path>) -> Output {
    let tmp = data_dir(case);
    run(tmp.path(), &["check", "--data", "data"])
}

/// Checks one case; returns the run and what is wrong with its output.
fn check_case(case: &Case, valid: bool) -> (Output, Result<(), String>) {
    let out = check(Some(&case.dir));
    let mut problems = Vec::new();
    if out.crashed() {
        problems.push("the binary panicked or was killed".to_string());
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
    let verdict = if problems.is_empty() {
        Ok(())
    } else {
        Err(format!("{}\n{}", problems.join("\n"), out.describe()))
    };
    (out, verdict)
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
    let mut failures = Vec::new();
    let mut timings = Vec::new();
    for case in &selected {
        let (out, verdict) = check_case(case, kind == "valid");
        timings.push((case.name.clone(), out.elapsed, out.peak_kib));
        if let Err(e) = verdict {
            failures.push(format!("=== {kind}/{}\n{e}", case.name));
        }
    }
    print_slowest(kind, timings);
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

/// A year file of about 10 MB (some 83,000 events) in a temporary data folder: `minimal/`'s 2022
/// file with one event repeated, then `edit` applied to the whole text. Returns the folder and
/// the line of the last event's date.
fn ten_megabyte_year(edit: impl Fn(String) -> String) -> (tempfile::TempDir, usize) {
    let tmp = data_dir(None);
    let path = tmp.path().join("data/years/2022.yaml");
    let minimal = fs::read_to_string(&path).expect("minimal 2022.yaml");
    let (head, rest) = minimal.split_once("events:\n").expect("an events list");
    let tail = &rest[rest.find("\ndiplomatic:").expect("diplomatic after events")..];
    let mut text = format!("{head}events:\n");
    let mut n = 0;
    while text.len() < 10_000_000 {
        n += 1;
        text.push_str(&format!(
            "  - date: 2022-04-04\n    about: [brno]\n    text: uczestniczyli w Dniach Kultury Polskiej w Brnie, spotkanie numer {n}\n"
        ));
    }
    let last_date_line = text.lines().count() - 2;
    text.push_str(tail);
    fs::write(&path, edit(text)).expect("write the large year file");
    (tmp, last_date_line)
}

/// 10 MB year files are checked within the time and memory bounds of every run (20 s, 1 GiB of
/// address space): valid; with a bad date at the very end (found, with its line); and with an
/// unknown key in every event (the first problems are listed, then the check says it stopped).
/// One test, so that the three runs do not compete for the processor with each other.
#[test]
fn ten_megabyte_year_files_are_checked_in_bounded_time_and_memory() {
    let _heavy = crate::support::harness::one_heavy_test_at_a_time();
    let (tmp, _) = ten_megabyte_year(|t| t);
    let out = run(tmp.path(), &["check", "--data", "data"]);
    eprintln!(
        "10 MB valid year file: {} ms, peak {} MiB",
        out.elapsed.as_millis(),
        out.peak_kib / 1024
    );
    assert_eq!(out.code, Some(0), "{}", out.describe());
    let events: usize = out
        .stdout
        .split("events per year: 2022: ")
        .nth(1)
        .and_then(|s| s.split(' ').next())
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("no event count for 2022\n{}", out.describe()));
    assert!(events > 80_000, "{}", out.describe());

    let (tmp, line) = ten_megabyte_year(|mut t| {
        let at = t.rfind("2022-04-04").expect("the last date");
        t.replace_range(at..at + 10, "2022-02-30");
        t
    });
    let out = run(tmp.path(), &["check", "--data", "data"]);
    eprintln!(
        "10 MB year file, an error at the end: {} ms, peak {} MiB",
        out.elapsed.as_millis(),
        out.peak_kib / 1024
    );
    assert_eq!(out.code, Some(1), "{}", out.describe());
    let header = format!(
        "data/years/2022.yaml:{line}:11: error: 2022-02-30 does not exist: February 2022 has 28 days"
    );
    assert!(out.stderr.contains(&header), "{}", out.describe());
    assert!(!out.crashed(), "{}", out.describe());

    let (tmp, _) = ten_megabyte_year(|t| t.replace("    about: [brno]", "    abut: [brno]"));
    let out = run(tmp.path(), &["check", "--data", "data"]);
    eprintln!(
        "10 MB year file, an error in every event: {} ms, peak {} MiB",
        out.elapsed.as_millis(),
        out.peak_kib / 1024
    );
    assert_eq!(out.code, Some(1), "{}", out.describe());
    assert!(
        out.stderr
            .contains("data/years/2022.yaml:24:5: error: unknown key `abut`"),
        "{}",
        out.describe()
    );
    assert!(
        out.stderr
            .contains("data/years/2022.yaml: error: the check stopped after the first"),
        "{}",
        out.describe()
    );
    assert!(!out.crashed(), "{}", out.describe());
}
