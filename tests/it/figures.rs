//! A published chapter never prints a caption or credit without its photo (issue 13): such
//! figures are left out of every format, the build says so once with where each one is, and
//! `--draft` shows a visible placeholder where the photo belongs.

use std::fs;

use crate::formats::tool;
use crate::support::harness::{run, shipped_data};

const YEARS: [i32; 5] = [2017, 2018, 2019, 2022, 2023];

#[test]
fn a_published_build_has_no_caption_without_its_photo_and_says_which_it_left_out() {
    let tmp = shipped_data();
    let mut left_out = 0;
    for year in YEARS {
        let y = year.to_string();
        let out = run(
            tmp.path(),
            &[
                "build", "--year", &y, "--format", "all", "--data", "data", "--out", &y,
            ],
        );
        out.assert_ok();
        let md = fs::read_to_string(
            tmp.path()
                .join(format!("{y}/wspolpraca-miedzynarodowa-{y}.md")),
        )
        .expect("the chapter");
        // No image syntax without a file, and no credit line standing alone.
        assert!(
            !md.contains("](<>"),
            "{year}: an image without a file:\n{md}"
        );
        // The only credit-like lines left are the source lines under the tables.
        let credits = md
            .lines()
            .map(|l| l.trim().replace('\u{a0}', " "))
            .filter(|l| l == "arch. UMP" || l == "Źródło: UMP")
            .count();
        assert_eq!(
            credits,
            md.matches("**Tabela\u{a0}").count(),
            "{year}: a credit without its photo"
        );
        let html = fs::read_to_string(
            tmp.path()
                .join(format!("{y}/wspolpraca-miedzynarodowa-{y}.html")),
        )
        .expect("the page");
        assert!(
            !html.contains("<figure class=\"no-image\">"),
            "{year}: a figure without its image in the HTML"
        );
        // Said once, with where each figure is.
        let data_file = format!("data/years/{year}.yaml:");
        let notes: Vec<&str> = out
            .stderr
            .lines()
            .filter(|l| l.starts_with(&data_file) && l.contains("has no photo: it is left out"))
            .collect();
        left_out += notes.len();
        if !notes.is_empty() {
            assert!(
                out.stderr.contains(&format!(
                    "note: {} figure{} left out of the chapter",
                    notes.len(),
                    if notes.len() == 1 { "" } else { "s" }
                )),
                "{year}: {}",
                out.stderr
            );
        }
    }
    // 2018: five „arch. UMP”, 2022: eight, 2023: four (the review counted 17).
    assert_eq!(left_out, 17, "figures left out in the five years");
}

#[test]
fn a_draft_shows_where_each_missing_photo_goes() {
    let tmp = shipped_data();
    let out = run(
        tmp.path(),
        &[
            "build", "--year", "2022", "--format", "pdf", "--draft", "--data", "data", "--out",
            "out",
        ],
    );
    out.assert_ok();
    assert!(
        !out.stderr.contains("left out of the chapter"),
        "{}",
        out.stderr
    );
    let pdf = tmp.path().join("out/wspolpraca-miedzynarodowa-2022.pdf");
    let text = tool("pdftotext", &[pdf.to_str().unwrap(), "-"]).replace(['\u{a0}', '\n'], " ");
    assert_eq!(text.matches("[BRAK ZDJĘCIA").count(), 8, "{text}");
    assert!(
        text.contains("[BRAK ZDJĘCIA: Eurocities 2022 – Źródło: UMP]"),
        "{text}"
    );
}
