//! End-to-end tests of a FAILED `report-gen build`: each case must exit with 1, say what is wrong
//! and where (the file, and the line and column where that applies), not panic, write nothing,
//! and leave the files of an earlier good build exactly as they were.
//!
//! Fixtures: `tests/fixtures/invalid_build/<case>/` holds
//!
//! - `args.txt`: the command line after `report-gen` (`build --year 2022 --templates templates`);
//!   `--data data --out out` are added;
//! - optionally `templates/`: copied next to `data/` (for `--templates templates`);
//! - the data files that differ from `minimal/`, as for `check` (`years/2022.yaml`, `images/…`);
//! - `expected.txt`: fragments that must all appear on stderr; the first one names the file
//!   (a diagnostic header such as `templates/chapter.md.j2:15:1: error: …` where the problem has
//!   a position).
//! - optionally `setup.txt`: what to do after the good build, one step a line, with a path
//!   relative to the folder holding `data/` and `out/`: `folder PATH` (the file becomes a
//!   folder holding a file), `read-only PATH`, `file PATH` (the folder becomes a file). For
//!   the faults of writing, and folders of the data that cannot be read.
//!
//! Each case first builds `minimal/` into `out/` (all formats), applies `setup.txt`,
//! records every file's bytes and modification time, then applies the case and runs the bad
//! build into the same `out/`.

use crate::support::harness;

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;
use std::time::SystemTime;

use harness::{cases, copy_over, data_dir, parse_header, print_slowest, run, Case};

/// Every file under `dir` (names relative to it, hidden ones too), with its bytes and
/// modification time; a file at `dir` itself is named `.`.
fn snapshot(dir: &Path) -> BTreeMap<String, (Vec<u8>, SystemTime)> {
    let mut out = BTreeMap::new();
    if dir.is_file() {
        let meta = fs::metadata(dir).expect("metadata of the output path");
        let bytes = fs::read(dir).expect("read the output path");
        out.insert(
            ".".to_string(),
            (bytes, meta.modified().expect("modification time")),
        );
        return out;
    }
    let Ok(entries) = fs::read_dir(dir) else {
        return out;
    };
    for entry in entries {
        let path = entry.expect("directory entry").path();
        let name = path
            .file_name()
            .expect("a name")
            .to_string_lossy()
            .into_owned();
        if path.is_dir() {
            for (sub, v) in snapshot(&path) {
                out.insert(format!("{name}/{sub}"), v);
            }
        } else {
            let meta = fs::metadata(&path).expect("metadata of an output file");
            let bytes = fs::read(&path).expect("read an output file");
            out.insert(name, (bytes, meta.modified().expect("modification time")));
        }
    }
    out
}

/// Applies the steps of `setup.txt` (see the module's documentation) in `root`.
fn set_up(setup: &Path, root: &Path) {
    let Ok(text) = fs::read_to_string(setup) else {
        return;
    };
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
        let Some((step, rel)) = line.split_once(' ') else {
            panic!("a step and a path in {}: {line}", setup.display());
        };
        let path = root.join(rel);
        match step {
            "folder" => {
                fs::remove_file(&path).expect("remove the file");
                fs::create_dir(&path).expect("a folder in its place");
                fs::write(path.join("keep.txt"), "a file of the user's").expect("write into it");
            }
            "read-only" => {
                let mut perms = fs::metadata(&path).expect("the file").permissions();
                perms.set_readonly(true);
                fs::set_permissions(&path, perms).expect("make it read-only");
            }
            "file" => {
                fs::remove_dir_all(&path).expect("remove the folder");
                fs::write(&path, "a file where a folder should be").expect("write it");
            }
            _ => panic!("unknown step in {}: {line}", setup.display()),
        }
    }
}

/// Runs one case; returns the bad build's time and peak memory, and what went wrong.
fn build_case(case: &Case) -> (std::time::Duration, u64, Result<(), String>) {
    let tmp = data_dir(None);
    let good = run(
        tmp.path(),
        &[
            "build", "--year", "2022", "--format", "all", "--data", "data", "--out", "out",
        ],
    );
    assert_eq!(
        good.code,
        Some(0),
        "the good build must succeed\n{}",
        good.describe()
    );
    let out_dir = tmp.path().join("out");
    assert_eq!(
        snapshot(&out_dir).len(),
        4,
        "md, html, pdf and docx: {:?}",
        snapshot(&out_dir).keys()
    );
    set_up(&case.dir.join("setup.txt"), tmp.path());
    let before = snapshot(&out_dir);

    copy_over(&case.dir, &tmp.path().join("data"), true);
    let templates = case.dir.join("templates");
    if templates.is_dir() {
        copy_over(&templates, &tmp.path().join("templates"), false);
    }
    let args_file = case.dir.join("args.txt");
    let args_text = fs::read_to_string(&args_file)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", args_file.display()));
    let mut args: Vec<&str> = args_text.split_whitespace().collect();
    args.extend(["--data", "data", "--out", "out"]);
    let out = run(tmp.path(), &args);

    let mut problems = Vec::new();
    if out.crashed() {
        problems.push("the binary panicked or was killed".to_string());
    }
    if out.code != Some(1) {
        problems.push(format!("expected exit code 1, got {:?}", out.code));
    }
    if out.stdout.contains("wrote") {
        problems.push("stdout says a file was written".to_string());
    }
    match case.expected.first() {
        None => problems.push("expected.txt is empty".to_string()),
        Some(first) if !first.contains(':') || first.starts_with("help") => problems.push(format!(
            "the first line of expected.txt must name the file: {first}"
        )),
        Some(first) => {
            // A diagnostic header must be printed as a whole line, so its position is checked.
            if parse_header(first).is_some() && !out.stderr.lines().any(|l| l.starts_with(first)) {
                problems.push(format!("no stderr line starts with: {first}"));
            }
        }
    }
    for fragment in &case.expected {
        if !out.stderr.contains(fragment.as_str()) {
            problems.push(format!("missing on stderr: {fragment}"));
        }
    }
    let after = snapshot(&tmp.path().join("out"));
    if after.keys().ne(before.keys()) {
        problems.push(format!(
            "the output folder changed: before {:?}, after {:?}",
            before.keys().collect::<Vec<_>>(),
            after.keys().collect::<Vec<_>>()
        ));
    }
    for (name, (bytes, mtime)) in &before {
        match after.get(name) {
            Some((b, m)) if b == bytes && m == mtime => {}
            Some(_) => problems.push(format!("the earlier good `{name}` was replaced")),
            None => problems.push(format!("the earlier good `{name}` was removed")),
        }
    }
    let verdict = if problems.is_empty() {
        Ok(())
    } else {
        Err(format!("{}\n{}", problems.join("\n"), out.describe()))
    };
    (out.elapsed, out.peak_kib, verdict)
}

#[test]
fn every_failed_build_says_where_and_keeps_the_last_good_output() {
    let all = cases("invalid_build");
    assert!(
        all.len() >= 15,
        "expected at least 15 cases under tests/fixtures/invalid_build/, found {}",
        all.len()
    );
    let mut failures = Vec::new();
    let mut timings = Vec::new();
    for case in &all {
        let (time, peak, verdict) = build_case(case);
        timings.push((case.name.clone(), time, peak));
        if let Err(e) = verdict {
            failures.push(format!("=== invalid_build/{}\n{e}", case.name));
        }
    }
    print_slowest("invalid_build", timings);
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n\n{}",
        failures.len(),
        all.len(),
        failures.join("\n\n")
    );
}
