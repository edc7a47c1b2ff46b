//! An independent check of the PDF's accessibility (issue 13): the `pdfua` checker (PyPI,
//! pinned in tests/run.sh; built on pikepdf, it runs the machine-checkable PDF/UA-1 rules it
//! implements — 16 of 106 — and the WCAG 2.1 criteria they map to) finds nothing in any
//! year's PDF, also with photos, besides the project's own Matterhorn checks
//! (`formats`, `pdf_writer`, `support/tagged.rs`).

use std::path::Path;
use std::process::Command;

use crate::cms_markdown::with_photos;
use crate::support::harness::{run, shipped_data};

const YEARS: [i32; 5] = [2017, 2018, 2019, 2022, 2023];

/// The version tests/run.sh installs.
const PDFUA_VERSION: &str = "0.1.3";

/// `pdfua check --format json` on `pdf`: the rules it ran and the findings (rule and message).
fn pdfua(pdf: &Path) -> (u64, Vec<String>) {
    let out = Command::new("python3")
        .args(["-m", "pdfua", "check", "--format", "json"])
        .arg(pdf)
        .output()
        .expect("python3 runs (tests/run.sh installs the pdfua package)");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let report: serde_json::Value = serde_json::from_str(&stdout).unwrap_or_else(|e| {
        panic!(
            "pdfua {PDFUA_VERSION} is needed (tests/run.sh installs it): {e}\n{stdout}{}",
            String::from_utf8_lossy(&out.stderr)
        )
    });
    let rules_run = report["summary"]["rules_run"].as_u64().unwrap_or(0);
    let findings = report["findings"]
        .as_array()
        .map(|f| {
            f.iter()
                .map(|f| format!("{}: {}", f["rule_id"], f["message"]))
                .collect()
        })
        .unwrap_or_default();
    (rules_run, findings)
}

fn installed_version() -> String {
    let out = Command::new("python3")
        .args(["-m", "pdfua", "--version"])
        .output()
        .expect("python3 runs");
    String::from_utf8_lossy(&out.stdout).trim().to_string()
}

#[test]
fn the_pdfua_checker_finds_nothing_in_any_year_with_or_without_photos() {
    assert!(
        installed_version().ends_with(PDFUA_VERSION),
        "pdfua {PDFUA_VERSION} is needed (tests/run.sh installs it), found `{}`",
        installed_version()
    );
    let tmp = shipped_data();
    let mut pdfs = Vec::new();
    for year in YEARS {
        let y = year.to_string();
        run(
            tmp.path(),
            &[
                "build", "--year", &y, "--format", "pdf", "--data", "data", "--out", &y,
            ],
        )
        .assert_ok();
        pdfs.push(
            tmp.path()
                .join(&y)
                .join(format!("wspolpraca-miedzynarodowa-{y}.pdf")),
        );
    }
    // 2022 with a photo for each of its eight figures: Figure elements with /Alt and BBox.
    let photos = shipped_data();
    with_photos(photos.path());
    run(
        photos.path(),
        &[
            "build", "--year", "2022", "--format", "pdf", "--data", "data", "--out", "out",
        ],
    )
    .assert_ok();
    pdfs.push(photos.path().join("out/wspolpraca-miedzynarodowa-2022.pdf"));
    for pdf in &pdfs {
        let (rules_run, findings) = pdfua(pdf);
        assert_eq!(
            rules_run,
            12,
            "{}: every implemented check ran",
            pdf.display()
        );
        assert_eq!(findings, Vec::<String>::new(), "{}", pdf.display());
    }

    // The checker is live: the same PDF without its /MarkInfo and with an empty /Alt fails.
    let mut doc = lopdf::Document::load(&pdfs[5]).expect("lopdf reads the PDF");
    let catalog = doc.catalog_mut().unwrap();
    catalog.remove(b"MarkInfo");
    for object in doc.objects.values_mut() {
        if let Ok(d) = object.as_dict_mut() {
            if d.get(b"S").and_then(|s| s.as_name()).ok() == Some(b"Figure") {
                d.remove(b"Alt");
            }
        }
    }
    let broken = photos.path().join("broken.pdf");
    doc.save(&broken).unwrap();
    let (_, findings) = pdfua(&broken);
    let rules: Vec<&str> = findings
        .iter()
        .map(|f| f.split(':').next().unwrap().trim_matches('"'))
        .collect();
    assert!(rules.contains(&"UA-01-002"), "no MarkInfo: {findings:?}");
    assert!(
        rules.contains(&"UA-13-004"),
        "a Figure without /Alt: {findings:?}"
    );
}
