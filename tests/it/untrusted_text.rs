//! Text that other programs interpret, run through the real binary: spreadsheet formulas in
//! the CSV, line breaks in names and cells, combining accents, control characters and huge
//! values in messages (issue 12, class 3), and hints that name only commands that work.

use std::fs;
use std::path::Path;

use crate::support::harness::{data_dir, run};

/// `minimal/` in a temporary folder as `data/`, with `edit` applied to the file `rel` in it.
fn edited(rel: &str, edit: impl Fn(String) -> String) -> tempfile::TempDir {
    let tmp = data_dir(None);
    let path = tmp.path().join("data").join(rel);
    let text = fs::read_to_string(&path).expect("read the fixture file");
    let changed = edit(text.clone());
    assert_ne!(changed, text, "the edit of {rel} changed nothing");
    fs::write(&path, changed).expect("write the edited fixture file");
    tmp
}

fn no_control_characters(text: &str) {
    let bad: Vec<char> = text
        .chars()
        .filter(|c| c.is_control() && *c != '\n')
        .collect();
    assert!(
        bad.is_empty(),
        "control characters {bad:?} printed:\n{text}"
    );
}

#[test]
fn csv_cells_a_spreadsheet_would_run_as_formulas_are_neutralised() {
    let tmp = edited("registry/partners.yaml", |t| {
        t.replace(
            "scope: Kultura, sport, administracja, gospodarka",
            "scope: '=HYPERLINK(\"http://example.org\",\"Kultura\")'",
        )
        .replace(
            "scope: Edukacja, turystyka, urbanistyka",
            "scope: '+48 61 878'",
        )
    });
    let out = run(
        tmp.path(),
        &[
            "table", "--year", "2022", "--format", "csv", "--data", "data",
        ],
    );
    out.assert_ok();
    let lines: Vec<&str> = out.stdout.lines().collect();
    assert_eq!(
        lines[1],
        "Brno,Czechy,Umowa o współpracy,16.09.1966 r.,\"'=HYPERLINK(\"\"http://example.org\"\",\"\"Kultura\"\")\""
    );
    assert_eq!(
        lines[2],
        "Nottinghamshire,Wielka Brytania,Karta o partnerstwie,23.09.1994 r.,'+48 61 878"
    );
}

#[test]
fn a_line_break_in_a_name_or_scope_keeps_the_agreement_table_whole() {
    let tmp = edited("registry/partners.yaml", |t| {
        t.replace("  name: Brno\n", "  name: \"Br\\nno\"\n")
            .replace(
                "scope: Kultura, sport, administracja, gospodarka",
                "scope: |\n        Kultura, sport,\n\n        # administracja\n        gospodarka",
            )
    });
    for format in ["md", "csv"] {
        let out = run(
            tmp.path(),
            &[
                "table", "--year", "2022", "--format", format, "--data", "data",
            ],
        );
        out.assert_ok();
        let rows: Vec<&str> = out.stdout.lines().collect();
        let header_lines = if format == "md" { 2 } else { 1 };
        assert_eq!(rows.len(), header_lines + 2, "{format}:\n{}", out.stdout);
        let brno = rows[header_lines];
        if format == "md" {
            assert_eq!(
                brno,
                "| Br no, Czechy | Umowa o\u{a0}współpracy, 16.09.1966\u{a0}r. | Kultura, sport, # administracja gospodarka |"
            );
        } else {
            assert_eq!(
                brno,
                "Br no,Czechy,Umowa o współpracy,16.09.1966 r.,\"Kultura, sport, # administracja gospodarka\""
            );
        }
    }
}

#[test]
fn text_typed_with_combining_accents_is_the_same_word_in_the_chapter() {
    // „współpracy” as o + U+0301 COMBINING ACUTE ACCENT (as some keyboards and PDFs give it).
    let tmp = edited("years/2022.yaml", |t| {
        t.replace(
            "({lat:brno} lat współpracy)",
            "({lat:brno} lat wspo\u{301}łpracy)",
        )
    });
    let out = run(
        tmp.path(),
        &[
            "build", "--year", "2022", "--format", "md", "--data", "data", "--out", "out",
        ],
    );
    out.assert_ok();
    let md = fs::read_to_string(tmp.path().join("out/wspolpraca-miedzynarodowa-2022.md"))
        .expect("the chapter");
    assert!(md.contains("lat współpracy)"), "{md}");
    assert!(
        !md.contains('\u{301}'),
        "a combining accent is left in the chapter"
    );
}

#[test]
fn control_characters_in_the_data_never_reach_the_terminal() {
    let tmp = edited("years/2022.yaml", |t| {
        t.replace(
            "text: spotkanie z przedstawicielką senatu Landu Berlin",
            "text: \"spotkanie \\e]0;PWNED\\a z senatem \u{7}\"\n    titel: \"\\e[2J\"",
        )
    });
    let out = run(tmp.path(), &["check", "--data", "data"]);
    assert_eq!(out.code, Some(1), "{}", out.describe());
    no_control_characters(&out.stderr);
    assert!(
        out.stderr.contains("U+0007 (BEL), is in the text here"),
        "{}",
        out.stderr
    );
    // The raw BEL is shown as the control picture ␇ in the excerpt.
    assert!(out.stderr.contains("z senatem ␇\""), "{}", out.stderr);
}

#[test]
fn a_huge_value_is_quoted_shortened_in_the_message() {
    let id = "x".repeat(1_000_000);
    let tmp = edited("years/2022.yaml", |t| {
        t.replace("about: [berlin]", &format!("about: [{id}]"))
    });
    let out = run(tmp.path(), &["check", "--data", "data"]);
    assert_eq!(out.code, Some(1), "{}", out.describe());
    assert!(
        out.stderr
            .contains("data/years/2022.yaml:27:13: error: unknown"),
        "{}",
        &out.stderr[..out.stderr.len().min(2000)]
    );
    assert!(
        out.stderr.len() < 5_000,
        "{} bytes of messages for one error",
        out.stderr.len()
    );
}

#[test]
fn a_hint_never_suggests_a_command_that_would_be_refused() {
    let tmp = data_dir(None);
    let out = run(tmp.path(), &["build", "--year", "0", "--data", "data"]);
    assert_eq!(out.code, Some(1), "{}", out.describe());
    assert!(
        out.stderr.contains("there is no data for 0"),
        "{}",
        out.stderr
    );
    assert!(!out.stderr.contains("new-year 0"), "{}", out.stderr);
    assert!(out.stderr.contains("`--year 2024`"), "{}", out.stderr);
    // And a four-digit year gets the command that starts it, which works.
    let out = run(tmp.path(), &["build", "--year", "2031", "--data", "data"]);
    assert!(
        out.stderr
            .contains("`report-gen new-year 2031 --data data`"),
        "{}",
        out.stderr
    );
    let started = run(tmp.path(), &["new-year", "2031", "--data", "data"]);
    started.assert_ok();
    assert!(Path::new(&tmp.path().join("data/years/2031.yaml")).is_file());
}
