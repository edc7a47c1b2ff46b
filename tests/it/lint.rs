//! End-to-end tests of `report-gen lint`, run through the real binary.
//!
//! Fixtures: `tests/fixtures/minimal/` (read only) is copied to a temporary directory and the
//! files of `tests/fixtures/lint/<case>/` are copied over it. `expected.txt` of a case lists the
//! first line of every warning the lint must print (`data/years/2022.yaml:25:79: warning: …`),
//! and nothing else may be reported.

use crate::support::harness;

use std::fs;
use std::path::Path;

use harness::{fixtures, run, Output};
use tempfile::TempDir;

/// The first lines of the warnings printed.
fn warnings(out: &Output) -> Vec<&str> {
    out.stderr
        .lines()
        .filter(|l| l.contains(": warning: "))
        .collect()
}

/// A temporary directory holding `data/`: the minimal data set with the lint case copied over it.
fn data_dir(case: Option<&str>) -> TempDir {
    harness::data_dir(case.map(|c| fixtures().join("lint").join(c)).as_deref())
}

fn expected(case: &str) -> Vec<String> {
    let file = fixtures().join("lint").join(case).join("expected.txt");
    fs::read_to_string(&file)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", file.display()))
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(str::to_string)
        .collect()
}

#[test]
fn finds_names_forbidden_forms_typography_and_alt_texts_with_positions() {
    let tmp = data_dir(Some("defects"));
    let out = run(tmp.path(), &["lint", "--data", "data"]);
    assert_eq!(
        out.code,
        Some(0),
        "warnings alone exit 0\n{}",
        out.describe()
    );
    assert_eq!(warnings(&out), expected("defects"), "\n{}", out.describe());
    // Each finding shows the line, a caret under the words, and what to write instead.
    for fragment in [
        "25 |     text: uczestniczyli w Dniach Kultury Polskiej w Brnie razem z delegacją z Gyor\n   |                                                                               ^^^^\n  = help: write „Győr”",
        "help: write „Jakub Dürr”; declined: „Jakubem Dürrem”",
        "help: write „Polsko-Węgierskiej” without the space",
        "help: write „Korea Południowa”; officially „Republika Korei”",
        "help: write „Miasta Poznania”",
        "15 warnings in",
    ] {
        assert!(out.stderr.contains(fragment), "missing {fragment:?}\n{}", out.describe());
    }
    // Not findings: a suspended hyphen, and one-letter words before a plain space (the
    // chapter adds the non-breaking space itself).
    // Line 11 holds „Plany krótko- i długofalowe omówiono w Poznaniu z partnerami.”
    assert!(
        warnings(&out)
            .iter()
            .all(|w| !w.starts_with("data/years/2022.yaml:11:")),
        "{}",
        out.describe()
    );
}

#[test]
fn deny_warnings_turns_findings_into_exit_code_1() {
    let tmp = data_dir(Some("defects"));
    let out = run(tmp.path(), &["lint", "--data", "data", "--deny-warnings"]);
    assert_eq!(out.code, Some(1), "{}", out.describe());
    assert_eq!(warnings(&out).len(), expected("defects").len());

    let clean = data_dir(None);
    let out = run(clean.path(), &["lint", "--data", "data", "--deny-warnings"]);
    assert_eq!(out.code, Some(0), "{}", out.describe());
    assert!(
        out.stdout.starts_with("ok: nothing found in"),
        "{}",
        out.describe()
    );
    assert!(out.stderr.is_empty(), "{}", out.describe());
}

#[test]
fn shipped_data_has_only_the_justified_findings() {
    // The two alt texts were published as labels of two words; a screen-reader user learns
    // nothing from them that the caption does not say (WCAG 1.1.1). Everything else in the
    // shipped data was corrected when it was entered.
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = run(root, &["lint", "--data", "data"]);
    assert_eq!(out.code, Some(0), "{}", out.describe());
    assert_eq!(
        warnings(&out),
        [
            "data/years/2023.yaml:144:10: warning: the alt text „memorandum Changwon” is too short to describe the photo",
            "data/years/2023.yaml:157:10: warning: the alt text „targi Győr” is too short to describe the photo",
        ],
        "\n{}",
        out.describe()
    );
}

#[test]
fn data_with_errors_is_not_linted() {
    let tmp = data_dir(None);
    let year = tmp.path().join("data/years/2022.yaml");
    let text = fs::read_to_string(&year).expect("read year file");
    let broken = text.replace(
        "    caption: Eurocities 2022\n",
        "    caption: Eurocities 2022\n    alt: IMG_1234.jpg\n",
    );
    assert_ne!(text, broken, "the fixture has the caption line");
    fs::write(&year, broken).expect("write year file");
    let out = run(tmp.path(), &["lint", "--data", "data"]);
    assert_eq!(out.code, Some(1), "{}", out.describe());
    assert!(
        out.stderr.contains(
            "data/years/2022.yaml:49:10: error: the alt text `IMG_1234.jpg` looks like a file name"
        ),
        "{}",
        out.describe()
    );
    assert!(out.stderr.contains("1 error found in `data`: fix it first"));
}

#[test]
fn wrong_command_line_exits_2() {
    let tmp = data_dir(None);
    let out = run(tmp.path(), &["lint", "--deny-warning"]);
    assert_eq!(out.code, Some(2), "{}", out.describe());
}
