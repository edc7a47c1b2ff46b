//! End-to-end tests of the authoring commands (`init`, `new-year`, `schema`, `completions`,
//! `man`), each run through the real binary in a temporary folder, the way staff would run them.

use crate::support::harness;

use std::fs;
use std::path::Path;

use harness::{copy_over, run};

fn read(path: &Path) -> String {
    fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

/// The Markdown chapter `build --format md` wrote into `out`, with its non-breaking spaces
/// (after "z", "w" …) as plain ones so that assertions read naturally.
fn built_markdown(out: &Path, year: i32) -> String {
    read(&out.join(format!("wspolpraca-miedzynarodowa-{year}.md"))).replace('\u{a0}', " ")
}

#[test]
fn a_new_data_set_checks_and_builds_and_takes_a_new_year() {
    let tmp = tempfile::tempdir().expect("temporary directory");
    let cwd = tmp.path();
    let init = run(
        cwd,
        &[
            "init",
            "dane",
            "--city",
            "Kalisz",
            "--city-genitive",
            "Kalisza",
            "--year",
            "2024",
        ],
    );
    init.assert_ok();
    for line in [
        "created dane/report.yaml",
        "created dane/registry/partners.yaml",
        "created dane/years/2024.yaml",
        "created dane/schema/year.schema.json",
        "report-gen check --data dane",
    ] {
        assert!(init.stdout.contains(line), "{line}\n{}", init.describe());
    }
    let report = read(&cwd.join("dane/report.yaml"));
    assert!(report.starts_with("# yaml-language-server: $schema=schema/report.schema.json\n"));
    assert!(
        report.contains("\noffice: Urząd Miasta Kalisza\n"),
        "{report}"
    );

    let new_year = run(cwd, &["new-year", "2025", "--data", "dane"]);
    new_year.assert_ok();
    assert!(
        new_year.stdout.contains("created dane/years/2025.yaml"),
        "{}",
        new_year.describe()
    );
    assert!(
        new_year.stdout.contains("sections of 2024"),
        "{}",
        new_year.describe()
    );

    let check = run(cwd, &["check", "--data", "dane"]);
    check.assert_ok();
    assert!(
        check.stdout.contains("events per year: 2024: 1, 2025: 0"),
        "{}",
        check.describe()
    );
    assert!(
        check.stderr.is_empty(),
        "no warnings either: {}",
        check.describe()
    );

    for year in ["2024", "2025"] {
        let out = format!("out/{year}");
        run(
            cwd,
            &[
                "build", "--data", "dane", "--year", year, "--format", "md", "--out", &out,
            ],
        )
        .assert_ok();
    }
    let md = built_markdown(&cwd.join("out/2024"), 2024);
    assert!(
        md.contains("Miasto Kalisz kontynuowało współpracę z 1 miastem partnerskim"),
        "{md}"
    );
    assert!(
        md.contains("| Brno, Czechy | Umowa o współpracy, 15.05.1990 r. |"),
        "{md}"
    );
    assert!(md.contains("Dniach Kultury Polskiej w Brnie"), "{md}");
    let md = built_markdown(&cwd.join("out/2025"), 2025);
    assert!(md.contains("## Miasta partnerskie"), "{md}");
    assert!(
        !md.contains("Dniach Kultury"),
        "the new year has no events: {md}"
    );
}

#[test]
fn init_without_a_city_uses_a_placeholder_and_says_so() {
    let tmp = tempfile::tempdir().expect("temporary directory");
    let init = run(tmp.path(), &["init", "dane", "--year", "2024"]);
    init.assert_ok();
    assert!(
        init.stdout.contains("replace the placeholder city"),
        "{}",
        init.describe()
    );
    let report = read(&tmp.path().join("dane/report.yaml"));
    assert!(report.contains("\ncity: Przykładowo\n"), "{report}");
    assert!(report.contains("is a placeholder"), "{report}");
    run(tmp.path(), &["check", "--data", "dane"]).assert_ok();
}

#[test]
fn init_wants_the_genitive_with_the_city() {
    let tmp = tempfile::tempdir().expect("temporary directory");
    let out = run(tmp.path(), &["init", "dane", "--city", "Kalisz"]);
    assert_eq!(out.code, Some(2), "{}", out.describe());
    assert!(out.stderr.contains("--city-genitive"), "{}", out.describe());
    assert!(!tmp.path().join("dane").exists(), "nothing was written");
}

#[test]
fn nothing_is_ever_overwritten() {
    let tmp = tempfile::tempdir().expect("temporary directory");
    let cwd = tmp.path();
    run(cwd, &["init", "dane", "--year", "2024"]).assert_ok();
    let report = cwd.join("dane/report.yaml");
    fs::write(&report, "# my edits\n").expect("edit report.yaml");

    let again = run(cwd, &["init", "dane", "--year", "2030"]);
    assert_eq!(again.code, Some(1), "{}", again.describe());
    assert!(again
        .stderr
        .contains("dane/report.yaml: error: the file already exists"));
    assert!(
        again.stderr.contains("nothing was written"),
        "{}",
        again.describe()
    );
    assert_eq!(read(&report), "# my edits\n");
    assert!(
        !cwd.join("dane/years/2030.yaml").exists(),
        "no file of the refused run is written"
    );

    let year = run(cwd, &["new-year", "2024", "--data", "dane"]);
    assert_eq!(year.code, Some(1), "{}", year.describe());
    assert!(
        year.stderr
            .contains("dane/years/2024.yaml: error: the file already exists"),
        "{}",
        year.describe()
    );
}

#[test]
fn new_year_needs_an_existing_data_folder() {
    let tmp = tempfile::tempdir().expect("temporary directory");
    let out = run(tmp.path(), &["new-year", "2025", "--data", "nowhere"]);
    assert_eq!(out.code, Some(1), "{}", out.describe());
    assert!(
        out.stderr.contains("`nowhere` does not exist"),
        "{}",
        out.describe()
    );
    assert!(out.stderr.contains("report-gen init"), "{}", out.describe());
}

/// The shipped 2023 has sections with figures and a summary-only diplomatic section: the new
/// year keeps the outline and is valid without any events.
#[test]
fn new_year_after_the_shipped_data_is_valid() {
    let tmp = tempfile::tempdir().expect("temporary directory");
    let cwd = tmp.path();
    copy_over(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("data"),
        &cwd.join("data"),
        false,
    );
    let out = run(cwd, &["new-year", "2024"]);
    out.assert_ok();
    assert!(
        out.stdout.contains("sections of 2023"),
        "{}",
        out.describe()
    );
    let text = read(&cwd.join("data/years/2024.yaml"));
    assert!(text.contains("  - kind: memberships\n"), "{text}");
    assert!(
        text.contains("heading: Współpraca z miastami partnerskimi"),
        "{text}"
    );
    let check = run(cwd, &["check"]);
    check.assert_ok();
    assert!(check.stdout.contains("2024: 0"), "{}", check.describe());
    run(cwd, &["build", "--year", "2024", "--format", "md"]).assert_ok();
}

#[test]
fn schema_prints_what_is_committed() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = run(root, &["schema", "--file", "year"]);
    out.assert_ok();
    assert_eq!(out.stdout, read(&root.join("data/schema/year.schema.json")));
    let none = run(root, &["schema"]);
    assert_eq!(none.code, Some(2), "{}", none.describe());
}

#[test]
fn completions_and_manual_page() {
    let tmp = tempfile::tempdir().expect("temporary directory");
    for shell in ["bash", "zsh", "fish", "powershell"] {
        let out = run(tmp.path(), &["completions", shell]);
        out.assert_ok();
        assert!(
            out.stdout.contains("new-year"),
            "{shell}: {}",
            out.describe()
        );
    }
    let man = run(tmp.path(), &["man"]);
    man.assert_ok();
    assert!(
        man.stdout.starts_with(".ie") || man.stdout.contains(".TH report-gen"),
        "{}",
        man.describe()
    );
}

#[test]
fn every_command_shows_an_example_in_its_help() {
    let tmp = tempfile::tempdir().expect("temporary directory");
    let commands: [&[&str]; 11] = [
        &[],
        &["check"],
        &["build"],
        &["table"],
        &["templates"],
        &["templates", "export"],
        &["init"],
        &["new-year"],
        &["schema"],
        &["completions"],
        &["man"],
    ];
    for command in commands {
        let mut args = command.to_vec();
        args.push("--help");
        let out = run(tmp.path(), &args);
        out.assert_ok();
        assert!(
            out.stdout.contains("Example:") || out.stdout.contains("Examples:"),
            "`report-gen {}` has no example\n{}",
            args.join(" "),
            out.describe()
        );
    }
}
