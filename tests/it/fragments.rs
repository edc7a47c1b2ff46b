//! `build --fragments`: one HTML fragment per top-level section, for the city portal's CMS.
//! Checked as the person pasting them would: one file per section in the chapter's order, no
//! page shell, exactly the page's markup, and a note saying which report and year it is.

use std::path::Path;
use std::process::{Command, Output};

use crate::formats::{chapter, data_set};
use report_gen::doc::{Block, Inline};

fn run(args: &[&str], out: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_report-gen"))
        .env("REPORT_GEN_LANG", "en")
        .args(args)
        .arg("--out")
        .arg(out)
        .output()
        .expect("report-gen runs")
}

/// The files of a folder, sorted by name.
fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    names
}

#[test]
fn one_fragment_per_section_in_order_with_the_pages_markup() {
    for year in [2018, 2022] {
        let dir = tempfile::tempdir().unwrap();
        let out = run(
            &[
                "build",
                "--year",
                &year.to_string(),
                "--format",
                "html",
                "--fragments",
            ],
            dir.path(),
        );
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let folder = dir
            .path()
            .join(format!("wspolpraca-miedzynarodowa-{year}-fragmenty"));
        let doc = chapter(year).document;
        // The chapter title with its introduction, then one file per section.
        let mut expected = Vec::new();
        let mut titles = Vec::new();
        for block in &doc.blocks {
            if let Block::Heading { level, id, content } = block {
                if *level <= 2 {
                    expected.push(format!("{:02}-{id}.html", expected.len() + 1));
                    titles.push(Inline::plain_text(content));
                }
            }
        }
        assert!(expected.len() >= 3, "{year}: {expected:?}");
        assert_eq!(names(&folder), expected, "{year}");

        let page = std::fs::read_to_string(
            dir.path()
                .join(format!("wspolpraca-miedzynarodowa-{year}.html")),
        )
        .unwrap();
        let mut joined = String::new();
        for (i, name) in expected.iter().enumerate() {
            let text = std::fs::read_to_string(folder.join(name)).unwrap();
            let (note, html) = text.split_once('\n').expect("a note, then the section");
            assert_eq!(
                note.replace('\u{a0}', " "),
                format!(
                    "<!-- Współpraca międzynarodowa – Raport o stanie Miasta Poznania za {year} r. – część {} z {}: {} -->",
                    i + 1,
                    expected.len(),
                    titles[i].replace('\u{a0}', " ")
                ),
                "{year} {name}"
            );
            for shell in ["<html", "<head", "<body", "<main", "<style", "<!DOCTYPE"] {
                assert!(
                    !html.contains(shell),
                    "{year} {name}: no page shell ({shell})"
                );
            }
            let tag = if i == 0 { "<h1 id=" } else { "<h2 id=" };
            assert!(
                html.starts_with(tag),
                "{year} {name} starts with its heading"
            );
            assert!(page.contains(html), "{year} {name}: the page's own markup");
            joined.push_str(html);
        }
        // Put together, the fragments are the page's body, byte for byte.
        let body = report_gen::html::body(&doc, &data_set().root).unwrap();
        assert!(
            joined == body,
            "{year}: the fragments put together are the body"
        );
    }
}

#[test]
fn a_rebuild_removes_fragments_it_no_longer_has_and_keeps_other_files() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("wspolpraca-miedzynarodowa-2023-fragmenty");
    std::fs::create_dir_all(&folder).unwrap();
    std::fs::write(folder.join("09-stara-sekcja.html"), "<p>stare</p>").unwrap();
    std::fs::write(folder.join("notatki.txt"), "moje notatki").unwrap();
    let out = run(
        &["build", "--year", "2023", "--format", "all", "--fragments"],
        dir.path(),
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let files = names(&folder);
    assert!(
        !files.contains(&"09-stara-sekcja.html".to_string()),
        "{files:?}"
    );
    assert!(files.contains(&"notatki.txt".to_string()), "{files:?}");
    assert!(files[0].starts_with("01-"), "{files:?}");
    // `all` with fragments still writes every format.
    assert!(dir
        .path()
        .join("wspolpraca-miedzynarodowa-2023.docx")
        .is_file());
}

#[test]
fn fragments_need_the_html_build() {
    let dir = tempfile::tempdir().unwrap();
    let out = run(
        &["build", "--year", "2023", "--format", "pdf", "--fragments"],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("--format html"), "{stderr}");
    assert_eq!(names(dir.path()), Vec::<String>::new(), "nothing written");
}
