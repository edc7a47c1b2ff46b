//! The tool speaks Polish by default and English on request: diagnostics, summaries with Polish
//! plural forms, `--help` and command-line errors, and how the language is chosen (`--lang`,
//! `REPORT_GEN_LANG`, the system locale).

use std::fs;
use std::path::Path;
use std::process::{Command, Output};

use crate::support::harness;

/// Runs the binary in `cwd` with only the language variables given in `env` (the others,
/// including the harness's `REPORT_GEN_LANG=en`, removed).
fn run_with(cwd: &Path, env: &[(&str, &str)], args: &[&str]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_report-gen"));
    for var in [
        "REPORT_GEN_LANG",
        "LC_ALL",
        "LC_MESSAGES",
        "LANG",
        "LANGUAGE",
    ] {
        cmd.env_remove(var);
    }
    cmd.envs(env.iter().copied())
        .args(args)
        .current_dir(cwd)
        .output()
        .expect("report-gen runs")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// The minimal data set with its year file changed by `edit`.
fn data_with(edit: impl FnOnce(String) -> String) -> tempfile::TempDir {
    let tmp = harness::data_dir(None);
    let year = tmp.path().join("data/years/2022.yaml");
    let text = fs::read_to_string(&year).expect("year file");
    fs::write(&year, edit(text)).expect("write year file");
    tmp
}

/// Runs `check` on `tmp` in `lang`; returns stderr.
fn check_in(tmp: &tempfile::TempDir, lang: &str) -> String {
    let out = run_with(tmp.path(), &[], &["check", "--lang", lang]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    stderr(&out)
}

#[test]
fn a_bad_date_an_unknown_id_and_a_missing_image_in_both_languages() {
    let tmp = data_with(|t| {
        t.replace("date: 2022-04-04", "date: 2022-02-30")
            .replace("about: [berlin]", "about: [berlni]")
            .replace(
                "    credit: \"Źródło: UMP\"",
                "    credit: \"Źródło: UMP\"\n    image: images/brak.jpg\n    alt: Delegacja przy stole obrad w sali",
            )
    });
    let pl = check_in(&tmp, "pl");
    for want in [
        "data/years/2022.yaml:23:11: błąd: 2022-02-30 nie istnieje: luty 2022 r. ma 28 dni",
        "błąd: nieznany identyfikator partnera, miejsca, organizacji lub projektu `berlni`",
        "= wskazówka: czy chodziło o `berlin`?",
        "błąd: zdjęcie `images/brak.jpg` nie istnieje",
        "= wskazówka: ścieżka jest liczona od folderu z danymi `data`",
        "znaleziono 3 błędy w folderze „data”",
    ] {
        assert!(pl.contains(want), "missing {want:?} in:\n{pl}");
    }
    assert!(!pl.contains("error:"), "{pl}");
    let en = check_in(&tmp, "en");
    for want in [
        "data/years/2022.yaml:23:11: error: 2022-02-30 does not exist: February 2022 has 28 days",
        "error: unknown partner, place, organisation or project id `berlni`",
        "= help: did you mean `berlin`?",
        "error: the image `images/brak.jpg` does not exist",
        "3 errors found in `data`",
    ] {
        assert!(en.contains(want), "missing {want:?} in:\n{en}");
    }
}

#[test]
fn a_yaml_syntax_error_in_both_languages() {
    // A colon and a space inside a plain text: YAML reads a second key.
    let tmp = data_with(|t| {
        t.replace(
            "text: spotkanie z przedstawicielką senatu Landu Berlin",
            "text: spotkanie: przedstawicielka senatu: Berlin",
        )
    });
    let pl = check_in(&tmp, "pl");
    assert!(
        pl.contains(
            "błąd: to nie jest poprawny YAML: dwukropek ze spacją w tekście `text` („spotkanie:”)"
        ),
        "{pl}"
    );
    assert!(
        pl.contains("= wskazówka: ujmij cały tekst w cudzysłów"),
        "{pl}"
    );
    assert!(pl.contains("znaleziono 1 błąd w folderze „data”"), "{pl}");
    let en = check_in(&tmp, "en");
    assert!(
        en.contains(
            "error: this is not valid YAML: a colon followed by a space inside the text of `text` („spotkanie:”)"
        ),
        "{en}"
    );
    assert!(en.contains("1 error found in `data`"), "{en}");
}

#[test]
fn the_check_summary_has_polish_plural_forms() {
    // n wrong dates give n errors.
    let dates = [
        "date: 2022-04-04",
        "date: 2022-06-06",
        "date: 2022-09-19/2022-09-22",
        "date: 2022-03-23",
        "date: 2022-10-06",
    ];
    for (n, pl, en) in [
        (1, "znaleziono 1 błąd w folderze „data”", "1 error found"),
        (2, "znaleziono 2 błędy w folderze „data”", "2 errors found"),
        (5, "znaleziono 5 błędów w folderze „data”", "5 errors found"),
    ] {
        let tmp = data_with(|mut t| {
            for d in &dates[..n] {
                t = t.replace(d, "date: 2022-13-01");
            }
            t
        });
        let got = check_in(&tmp, "pl");
        assert_eq!(got.matches("błąd: ").count(), n, "{got}");
        assert!(got.trim_end().ends_with(pl), "{n}: {got}");
        let got = check_in(&tmp, "en");
        assert!(got.contains(en), "{n}: {got}");
    }
}

#[test]
fn the_language_comes_from_the_flag_then_the_variable_then_the_locale() {
    let tmp = harness::data_dir(None);
    let summary = |env: &[(&str, &str)], args: &[&str]| {
        let mut all = vec!["check"];
        all.extend_from_slice(args);
        let out = run_with(tmp.path(), env, &all);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        stdout(&out)
    };
    let polish = |s: &str| s.starts_with("w porządku: ");
    let english = |s: &str| s.starts_with("ok: ");
    assert!(polish(&summary(&[("LANG", "pl_PL.UTF-8")], &[])));
    assert!(english(&summary(&[("LANG", "en_US.UTF-8")], &[])));
    assert!(english(&summary(&[("LANG", "de_DE.UTF-8")], &[])));
    // No locale, or the C locale of a bare server: the users are Polish.
    assert!(polish(&summary(&[], &[])));
    assert!(polish(&summary(&[("LANG", "C")], &[])));
    assert!(polish(&summary(
        &[("LC_ALL", "POSIX"), ("LANG", "en_US.UTF-8")],
        &[]
    )));
    // LC_ALL beats LC_MESSAGES beats LANG.
    assert!(english(&summary(
        &[("LC_ALL", "en_GB.UTF-8"), ("LANG", "pl_PL.UTF-8")],
        &[]
    )));
    assert!(polish(&summary(
        &[("LC_MESSAGES", "pl_PL.UTF-8"), ("LANG", "en_US.UTF-8")],
        &[]
    )));
    // The variable beats the locale, the flag beats both.
    assert!(english(&summary(
        &[("REPORT_GEN_LANG", "en"), ("LANG", "pl_PL.UTF-8")],
        &[]
    )));
    assert!(polish(&summary(
        &[("REPORT_GEN_LANG", "pl"), ("LANG", "en_US.UTF-8")],
        &[]
    )));
    assert!(polish(&summary(
        &[("REPORT_GEN_LANG", "en")],
        &["--lang", "pl"]
    )));
    assert!(english(&summary(
        &[("REPORT_GEN_LANG", "pl")],
        &["--lang=en"]
    )));
    // An unknown value of the variable is passed over.
    assert!(english(&summary(
        &[("REPORT_GEN_LANG", "xx"), ("LANG", "en_US")],
        &[]
    )));
}

#[test]
fn help_is_in_polish_by_default() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let out = run_with(dir.path(), &[], &["--help"]);
    assert_eq!(out.status.code(), Some(0));
    let help = stdout(&out);
    for want in [
        "Tworzy rozdział „Współpraca międzynarodowa”",
        "Użycie: report-gen",
        "Polecenia:",
        "  check ",
        "Sprawdza dane i wypisuje wszystkie problemy",
        "Opcje:",
        "Wyświetla pomoc.",
        "Przykłady:",
        "Kody wyjścia:",
    ] {
        assert!(help.contains(want), "missing {want:?} in:\n{help}");
    }
    assert!(
        !help.contains("Usage:") && !help.contains("Print help"),
        "{help}"
    );
    let out = run_with(dir.path(), &[], &["build", "--help"]);
    let help = stdout(&out);
    for want in [
        "Tworzy rozdział za jeden rok",
        "Rok raportu (można go też podać bez `--year`, np. `build 2024`).",
        "Folder z danymi.",
        "[domyślnie: data]",
        "Możliwe wartości:",
        "pdf – PDF do druku.",
        "Pliki trafiają do out/ROK/",
    ] {
        assert!(help.contains(want), "missing {want:?} in:\n{help}");
    }
    let out = run_with(dir.path(), &[], &["build", "--help", "--lang", "en"]);
    let help = stdout(&out);
    assert!(help.contains("Usage: report-gen build"), "{help}");
    assert!(
        help.contains("The report year (or write it without `--year`, as in `build 2024`)."),
        "{help}"
    );
    assert!(help.contains("[default: data]"), "{help}");
}

#[test]
fn command_line_mistakes_get_a_hint_in_the_users_language() {
    let dir = tempfile::tempdir().expect("temporary directory");
    // `build 2024` is a year now (as `build --year 2024`); a second one is a mistake.
    let out = run_with(dir.path(), &[], &["build", "2024", "2025"]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("błąd: nieoczekiwany argument „2025”"), "{err}");
    assert!(
        err.contains("wskazówka: rok podaje się po --year: report-gen build --year 2025"),
        "{err}"
    );
    let out = run_with(dir.path(), &[], &["buidl"]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("nieznane polecenie „buidl”"), "{err}");
    assert!(err.contains("czy chodziło o „build”?"), "{err}");
    let out = run_with(
        dir.path(),
        &[],
        &["build", "--year", "2023", "--format", "PDF"],
    );
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.contains("niepoprawna wartość „PDF” dla „--format"),
        "{err}"
    );
    assert!(
        err.contains("możliwe wartości: md, html, pdf, docx, all"),
        "{err}"
    );
    let out = run_with(dir.path(), &[], &["build", "2024", "2025", "--lang", "en"]);
    let err = stderr(&out);
    assert!(
        err.contains("error: unexpected argument '2025' found"),
        "{err}"
    );
    assert!(err.contains("report-gen build --year 2025"), "{err}");
}

#[test]
fn new_year_writes_its_comments_in_the_users_language() {
    let tmp = harness::data_dir(None);
    let out = run_with(tmp.path(), &[], &["new-year", "2023"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("utworzono data/years/2023.yaml"),
        "{}",
        stdout(&out)
    );
    assert!(
        stdout(&out).contains("Plik ma części z 2022 r. i nie ma jeszcze wydarzeń."),
        "{}",
        stdout(&out)
    );
    let year = fs::read_to_string(tmp.path().join("data/years/2023.yaml")).expect("year file");
    for want in [
        "# Rozdział za rok raportu 2023",
        "# Te same części co w 2022 r.",
        "# Co wydarzyło się w roku.",
        "# Spotkania dyplomatyczne;",
    ] {
        assert!(year.contains(want), "missing {want:?} in:\n{year}");
    }
    // The file is valid as written: the check passes with it, in either language.
    let out = run_with(tmp.path(), &[], &["check", "--lang", "en"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));

    let tmp = harness::data_dir(None);
    let out = run_with(tmp.path(), &[], &["new-year", "2023", "--lang", "en"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let year = fs::read_to_string(tmp.path().join("data/years/2023.yaml")).expect("year file");
    assert!(
        year.contains("# The chapter for the report year 2023"),
        "{year}"
    );
    assert!(year.contains("# The same sections as in 2022."), "{year}");
}

#[test]
fn init_says_what_to_replace_in_the_users_language() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let out = run_with(dir.path(), &[], &["init", "dane", "--year", "2024"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let said = stdout(&out);
    assert!(said.contains("Co dalej:"), "{said}");
    assert!(
        said.contains("W pliku dane/report.yaml wpisz swoje miasto"),
        "{said}"
    );
    let report = fs::read_to_string(dir.path().join("dane/report.yaml")).expect("report.yaml");
    assert!(
        report.contains("# Miasto poniżej to nazwa zastępcza („Przykładowo”)"),
        "{report}"
    );
    let year = fs::read_to_string(dir.path().join("dane/years/2024.yaml")).expect("year file");
    assert!(
        year.contains("# PRZYKŁAD: zastąp go prawdziwym wydarzeniem"),
        "{year}"
    );
    let partners =
        fs::read_to_string(dir.path().join("dane/registry/partners.yaml")).expect("partners");
    assert!(
        partners.contains("# Miasta i regiony partnerskie"),
        "{partners}"
    );
    let out = run_with(dir.path(), &[], &["check", "--data", "dane"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
}

/// Messages added by the branches merged beside the catalogs (a YAML slip explained, the
/// diplomat's genitive, `table --output` naming a folder) speak the user's language too.
#[test]
fn messages_of_the_merged_branches_in_both_languages() {
    // A colon inside a plain text.
    let tmp = data_with(|t| t.replace("    credit: \"Źródło: UMP\"", "    credit: Źródło: UMP"));
    let pl = check_in(&tmp, "pl");
    for want in [
        "błąd: to nie jest poprawny YAML: dwukropek ze spacją w tekście `credit` („Źródło:”): YAML odczytuje go jako początek kolejnego klucza",
        "= wskazówka: ujmij cały tekst w cudzysłów: `credit: \"Źródło: UMP\"` albo wpisz `credit: >-`",
    ] {
        assert!(pl.contains(want), "missing {want:?} in:\n{pl}");
    }
    let en = check_in(&tmp, "en");
    for want in [
        "error: this is not valid YAML: a colon followed by a space inside the text of `credit` („Źródło:”): YAML reads it as the start of another key",
        "= help: put the whole text in quotes: `credit: \"Źródło: UMP\"`; or write `credit: >-`",
    ] {
        assert!(en.contains(want), "missing {want:?} in:\n{en}");
    }

    // An ambassador whose country has no official name in the genitive.
    let tmp = harness::data_dir(None);
    let data = tmp.path().join("data");
    let append = |file: &str, text: &str| {
        let path = data.join(file);
        let old = fs::read_to_string(&path).expect("data file");
        fs::write(&path, old + text).expect("write data file");
    };
    append("registry/countries.yaml", "\n- id: lt\n  name: Litwa\n");
    append(
        "registry/people.yaml",
        "\n- id: eitvydas-bajarunas\n  name: Eitvydas Bajarūnas\n  name_instrumental: Eitvydasem Bajarūnasem\n  gender: m\n  function: ambassador\n  country: lt\n",
    );
    let year = data.join("years/2022.yaml");
    let text = fs::read_to_string(&year).expect("year file");
    assert!(text.contains("      people: [jakub-durr]"), "{text}");
    fs::write(
        &year,
        text.replace(
            "      people: [jakub-durr]",
            "      people: [jakub-durr, eitvydas-bajarunas]",
        ),
    )
    .expect("write year file");
    let pl = check_in(&tmp, "pl");
    for want in [
        "błąd: kraj `lt` osoby `eitvydas-bajarunas` nie ma oficjalnej nazwy w dopełniaczu: w rozdziale byłoby „Ambasadorem Litwa w Polsce”",
        "= wskazówka: w pliku data/registry/countries.yaml dopisz do wpisu `- id: lt` wiersz `  official_genitive: …`",
    ] {
        assert!(pl.contains(want), "missing {want:?} in:\n{pl}");
    }
    let en = check_in(&tmp, "en");
    for want in [
        "error: the country `lt` of `eitvydas-bajarunas` has no official name in the genitive: the chapter would print „Ambasadorem Litwa w Polsce”",
        "= help: in data/registry/countries.yaml, add to the entry `- id: lt` the line `  official_genitive: …`",
    ] {
        assert!(en.contains(want), "missing {want:?} in:\n{en}");
    }

    // `table --output` naming a folder.
    let args = ["table", "2022", "--format", "xlsx", "--output", "out/"];
    let out = run_with(tmp.path(), &[], &[&args[..], &["--lang", "pl"]].concat());
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains(
            "błąd: --output `out/` wskazuje folder, a nie plik: podaj plik do zapisania, na przykład --output umowy.xlsx"
        ),
        "{}",
        stderr(&out)
    );
    let out = run_with(tmp.path(), &[], &[&args[..], &["--lang", "en"]].concat());
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains(
            "error: --output `out/` names a folder, not a file: give the file to write, for example --output umowy.xlsx"
        ),
        "{}",
        stderr(&out)
    );
}
