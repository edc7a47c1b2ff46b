//! The chapter's look (issue 13, "Handsome"): the headings' accent colour from report.yaml in
//! every format, and `check`'s refusal of a colour headings could not be read in.

use std::fs;
use std::path::Path;

use crate::formats::tool;
use crate::support::harness::{run, shipped_data};

/// The shipped data with `edit` appended to report.yaml, and the line `edit` starts on.
fn data_with_report(edit: &str) -> (tempfile::TempDir, usize) {
    let tmp = shipped_data();
    let report = tmp.path().join("data/report.yaml");
    let text = fs::read_to_string(&report).expect("report.yaml");
    let line = text.lines().count() + 1;
    fs::write(&report, format!("{text}{edit}")).expect("write report.yaml");
    (tmp, line)
}

/// The PDF's page content streams, uncompressed (qpdf's QDF form).
fn content_streams(pdf: &Path) -> String {
    let qdf = pdf.with_extension("qdf.pdf");
    let out = std::process::Command::new("qpdf")
        .args(["--qdf", "--object-streams=disable"])
        .arg(pdf)
        .arg(&qdf)
        .output()
        .expect("qpdf is needed (tests/run.sh installs it)");
    assert!(
        out.status.success() || out.status.code() == Some(3),
        "qpdf failed"
    );
    String::from_utf8_lossy(&fs::read(&qdf).expect("qpdf's output")).into_owned()
}

#[test]
fn the_accent_color_of_report_yaml_colours_the_headings_in_every_format() {
    let (tmp, _) = data_with_report("accent_color: \"#1F4E79\"\n");
    run(
        tmp.path(),
        &[
            "build", "--year", "2018", "--format", "all", "--data", "data", "--out", "out",
        ],
    )
    .assert_ok();
    let out = tmp.path().join("out");
    // PDF: heading text is filled in the colour (0x1f/255 = 0.122 …), body text in black.
    let pdf = content_streams(&out.join("wspolpraca-miedzynarodowa-2018.pdf"));
    let accent = "0.122 0.306 0.475 rg";
    assert!(pdf.matches(accent).count() >= 6, "headings in {accent}");
    let after = &pdf[pdf.find(accent).unwrap()..];
    assert!(after.contains("\n0 g\n"), "the body returns to black");
    // HTML: the headings' custom property, which style.css gives every heading.
    let html = fs::read_to_string(out.join("wspolpraca-miedzynarodowa-2018.html")).unwrap();
    assert!(
        html.contains("--heading: #1f4e79;"),
        "no heading colour in the page"
    );
    assert!(html.contains("color: var(--heading);"));
    // DOCX: every heading style in that colour.
    let docx = out.join("wspolpraca-miedzynarodowa-2018.docx");
    let styles = tool("unzip", &["-p", docx.to_str().unwrap(), "word/styles.xml"]);
    for level in 1..=4 {
        let style = &styles[styles
            .find(&format!(r#"w:styleId="Heading{level}""#))
            .expect("heading style")..];
        let style = &style[..style.find("</w:style>").unwrap()];
        assert!(
            style.contains(r#"<w:color w:val="1F4E79"/>"#),
            "Heading{level}: {style}"
        );
    }
}

#[test]
fn a_light_or_malformed_accent_color_is_an_error_at_its_line_and_column() {
    for (value, message) in [
        (
            "\"#ffcc00\"",
            "its contrast on white is 1.51:1, at least 4.5:1 is needed (WCAG AA)",
        ),
        ("\"#777\"", "its contrast on white is 4.47:1"),
        ("navy", "„navy” is not a colour"),
        ("\"#1f4e7\"", "„#1f4e7” is not a colour"),
    ] {
        let (tmp, line) = data_with_report(&format!("accent_color: {value}\n"));
        let out = run(tmp.path(), &["check", "--data", "data"]);
        assert_ne!(out.code, Some(0), "{value}: {}", out.stderr);
        let at = format!("data/report.yaml:{line}:15: error:");
        assert!(
            out.stderr.contains(&at),
            "{value}: want {at} in\n{}",
            out.stderr
        );
        assert!(out.stderr.contains(message), "{value}: {}", out.stderr);
        assert!(!out.crashed());
    }
    // In Polish, with the Polish decimal comma.
    let (tmp, line) = data_with_report("accent_color: \"#777\"\n");
    let out = run(tmp.path(), &["check", "--data", "data", "--lang", "pl"]);
    assert!(
        out.stderr.contains(&format!("data/report.yaml:{line}:15: błąd: kolor #777 jest za jasny na nagłówki: jego kontrast z białym tłem to 4,47:1, a potrzeba co najmniej 4,5:1 (WCAG AA)")),
        "{}",
        out.stderr
    );
    // A dark colour passes.
    let (tmp, _) = data_with_report("accent_color: \"#1f4e79\"\n");
    run(tmp.path(), &["check", "--data", "data"]).assert_ok();
}

#[test]
fn nested_list_items_have_a_dash_not_their_parents_bullet() {
    // 2023 has a list nested in a list (the organisations and their representatives).
    let tmp = shipped_data();
    run(
        tmp.path(),
        &[
            "build", "--year", "2023", "--format", "all", "--data", "data", "--out", "out",
        ],
    )
    .assert_ok();
    let out = tmp.path().join("out");
    let text = tool(
        "pdftotext",
        &[
            "-layout",
            out.join("wspolpraca-miedzynarodowa-2023.pdf")
                .to_str()
                .unwrap(),
            "-",
        ],
    );
    let starts = |mark: &str| {
        text.lines()
            .filter(|l| l.trim_start().starts_with(mark))
            .count()
    };
    assert!(starts("• ") >= 3, "{text}");
    assert!(
        starts("– ") >= 1,
        "a second-level item starts with „–”:\n{text}"
    );
    // The DOCX's bullet list definition: •, –, ◦ for the first three levels.
    let docx = out.join("wspolpraca-miedzynarodowa-2023.docx");
    let numbering = tool(
        "unzip",
        &["-p", docx.to_str().unwrap(), "word/numbering.xml"],
    );
    let bullets = &numbering[..numbering.find("</w:abstractNum>").unwrap()];
    for (level, text) in [(0, "•"), (1, "–"), (2, "◦")] {
        let lvl = &bullets[bullets
            .find(&format!(r#"<w:lvl w:ilvl="{level}">"#))
            .unwrap()..];
        assert!(
            lvl[..lvl.find("</w:lvl>").unwrap()]
                .contains(&format!(r#"<w:lvlText w:val="{text}"/>"#)),
            "level {level}"
        );
    }
    // The HTML's stylesheet gives nested lists the same marks.
    let html = fs::read_to_string(out.join("wspolpraca-miedzynarodowa-2023.html")).unwrap();
    assert!(html.contains("ul ul {\n  list-style-type: \"– \";"));
    assert!(html.contains("ul ul ul {\n  list-style-type: \"◦ \";"));
}

#[test]
fn no_page_of_a_year_ends_five_lines_short_except_before_a_new_section() {
    use report_gen::pdf::{layout_only, Role};
    const BOTTOM: f32 = 70.866;
    const LINE: f32 = 15.2;
    for year in [2017, 2018, 2019, 2022, 2023] {
        let layout = layout_only(&crate::formats::chapter(year).document);
        let n = layout.pages.len();
        for p in 0..n.saturating_sub(1) {
            let lowest = layout
                .texts(p)
                .filter(|(r, ..)| **r != Role::Artifact)
                .map(|(_, _, y, ..)| y)
                .fold(f32::MAX, f32::min);
            // From the last baseline to the bottom margin, less the descent of a body line.
            let short = (lowest - BOTTOM - 4.0) / LINE;
            let next_opens_section = layout
                .texts(p + 1)
                .find(|(r, ..)| **r != Role::Artifact)
                .is_some_and(|(r, ..)| *r == Role::Heading(2));
            assert!(
                short < 5.0 || next_opens_section,
                "{year}, page {}: ends {short:.1} lines short",
                p + 1
            );
        }
    }
}
