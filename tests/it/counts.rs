//! Counts derived from the listed items (issue 13): printed by default („było członkiem
//! 9 organizacji”), and left out with `count: false` on the section, so that a year can
//! follow its published wording; the option in a section that prints no number is a warning.

use std::fs;
use std::path::Path;

use crate::support::harness::{run, shipped_data};

/// The 2022 year file of the data under `tmp`, with `count: false` after `- kind: {kind}`.
fn without_count(tmp: &Path, kinds: &[&str]) {
    let file = tmp.join("data/years/2022.yaml");
    let mut text = fs::read_to_string(&file).unwrap();
    for kind in kinds {
        let line = format!("  - kind: {kind}\n");
        assert!(text.contains(&line), "2022 has a {kind} section");
        text = text.replacen(&line, &format!("{line}    count: false\n"), 1);
    }
    fs::write(&file, text).unwrap();
}

/// The 2022 chapter built from the data under `tmp`, as Markdown and HTML text with plain
/// spaces.
fn chapter_2022(tmp: &Path) -> (String, String) {
    run(
        tmp,
        &[
            "build", "--year", "2022", "--format", "all", "--data", "data", "--out", "out",
        ],
    )
    .assert_ok();
    let read = |ext: &str| {
        fs::read_to_string(tmp.join(format!("out/wspolpraca-miedzynarodowa-2022.{ext}")))
            .unwrap()
            .replace('\u{a0}', " ")
    };
    (read("md"), read("html"))
}

/// The line of the published 2022 chapter (`../shared/sources/2022.txt`) that contains `part`.
fn published_2022(part: &str) -> String {
    let source = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/sources/2022.txt");
    let text = fs::read_to_string(&source)
        .expect("the published 2022 chapter")
        .replace('\u{a0}', " ");
    text.lines()
        .find(|l| l.contains(part))
        .unwrap_or_else(|| panic!("`{part}` is not in the 2022 source"))
        .trim()
        .to_string()
}

#[test]
fn a_count_is_printed_by_default_and_left_out_with_count_false_as_published() {
    let tmp = shipped_data();
    let (md, _) = chapter_2022(tmp.path());
    // Derived from the lists: 18 meetings listed, 9 organisations listed, 14 partner cities.
    assert!(md.contains("odbyli 18 spotkań dyplomatycznych z:"), "{md}");
    assert!(
        md.contains("było członkiem 9 organizacji i platform"),
        "{md}"
    );
    assert!(
        md.contains("z 14 miastami partnerskimi i Hrabstwem"),
        "{md}"
    );

    let tmp = shipped_data();
    without_count(tmp.path(), &["diplomatic", "memberships", "partners"]);
    let (md, html) = chapter_2022(tmp.path());
    // The published sentence, word for word.
    let diplomatic = published_2022("odbyli spotkania dyplomatyczne z:");
    assert_eq!(
        diplomatic,
        "W 2022 r. Prezydent Miasta Poznania i jego zastępcy odbyli spotkania dyplomatyczne z:"
    );
    assert!(md.contains(&format!("\n{diplomatic}\n")), "{md}");
    let memberships = "członkiem następujących organizacji i platform współpracy \
                       międzynarodowej zrzeszających miasta i regiony:";
    assert!(published_2022(memberships).contains(memberships));
    assert!(md.contains(memberships), "{md}");
    assert!(
        md.contains("W 2022 r. Miasto Poznań kontynuowało współpracę z miastami partnerskimi i Hrabstwem Nottinghamshire."),
        "{md}"
    );
    assert!(
        !md.contains("18 spotkań") && !md.contains("członkiem 9"),
        "{md}"
    );
    // The same words in every format (the HTML is typeset from the same Markdown).
    assert!(html.contains(&diplomatic), "the HTML differs");
    assert!(html.contains(memberships), "the HTML differs");
    // The lists themselves are unchanged.
    assert!(md.matches("\n- ").count() > 30);
}

#[test]
fn count_false_where_no_number_is_printed_is_a_warning_with_its_place() {
    let tmp = shipped_data();
    without_count(tmp.path(), &["contacts"]);
    let out = run(tmp.path(), &["check", "--data", "data"]);
    assert_eq!(
        out.code,
        Some(0),
        "a warning, not an error: {}",
        out.describe()
    );
    let file = fs::read_to_string(tmp.path().join("data/years/2022.yaml")).unwrap();
    let line = file
        .lines()
        .position(|l| l == "    count: false")
        .expect("the line")
        + 1;
    // At the value, `false`, after `    count: `.
    let place = format!("data/years/2022.yaml:{line}:12");
    let message = out
        .stderr
        .lines()
        .find(|l| l.contains("`count: false` does nothing in a `contacts` section"))
        .unwrap_or_else(|| panic!("{}", out.describe()));
    assert!(message.starts_with(&place), "{message} (expected {place})");
    assert!(
        out.stderr
            .contains("`count` is for `partners`, `memberships` and `diplomatic`"),
        "{}",
        out.describe()
    );
}

#[test]
fn the_new_year_keeps_the_sections_count_option() {
    let tmp = shipped_data();
    // 2023 is the latest year: the new year's sections are copied from it.
    let file = tmp.path().join("data/years/2023.yaml");
    let text = fs::read_to_string(&file).unwrap();
    let line = "  - kind: diplomatic\n";
    assert!(text.contains(line));
    fs::write(
        &file,
        text.replacen(line, &format!("{line}    count: false\n"), 1),
    )
    .unwrap();
    run(tmp.path(), &["new-year", "2024", "--data", "data"]).assert_ok();
    let new = fs::read_to_string(tmp.path().join("data/years/2024.yaml")).unwrap();
    let at = new
        .find("  - kind: diplomatic\n")
        .expect("the diplomatic section");
    let section = &new[at..];
    let end = section[3..]
        .find("  - kind:")
        .map_or(section.len(), |e| e + 3);
    assert!(
        section[..end].contains("    count: false\n"),
        "{}",
        &section[..end]
    );
    run(tmp.path(), &["check", "--data", "data"]).assert_ok();
}
