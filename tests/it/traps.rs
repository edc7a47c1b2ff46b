//! Issue 14, "no silent traps" and "scaffolds that are complete": each trap a new user fell into
//! (../shared/research/reviews/new-user-2024.md) is now correct output or a clear message.
//! Each test changes a copy of `tests/fixtures/minimal` (or of the shipped data) the way the
//! user did and asserts what they would see: the message with its file:line:col, or the text
//! of the chapter.

use std::fs;
use std::path::Path;

use crate::support::harness::{data_dir, run, Output};

/// Replaces `from` by `to` in the file `data/<file>` under `root`; `from` must be there.
fn edit(root: &Path, file: &str, from: &str, to: &str) {
    let path = root.join("data").join(file);
    let text = fs::read_to_string(&path).expect("read the data file");
    assert!(text.contains(from), "`{from}` is not in {file}");
    fs::write(&path, text.replacen(from, to, 1)).expect("write the data file");
}

/// Appends `text` to the file `data/<file>` under `root`.
fn append(root: &Path, file: &str, text: &str) {
    let path = root.join("data").join(file);
    let mut old = fs::read_to_string(&path).expect("read the data file");
    old.push_str(text);
    fs::write(&path, old).expect("write the data file");
}

/// `report-gen ARGS --data data` in `root`.
fn rg(root: &Path, args: &[&str]) -> Output {
    let mut all = args.to_vec();
    all.extend(["--data", "data"]);
    run(root, &all)
}

/// The chapter of `year` as Markdown, built in `root` (the build must succeed), with its
/// non-breaking spaces as plain ones (the typography has its own tests).
fn markdown(root: &Path, year: &str) -> String {
    rg(root, &["build", "--year", year, "--format", "md"]).assert_ok();
    let dir = root.join("out").join(year);
    let md = fs::read_dir(&dir)
        .expect("the build wrote its folder")
        .map(|e| e.expect("entry").path())
        .find(|p| p.extension().is_some_and(|x| x == "md"))
        .expect("the build wrote a .md file");
    fs::read_to_string(md)
        .expect("read the Markdown")
        .replace('\u{a0}', " ")
}

/// The line (1-based) of `data/<file>` that contains `fragment`.
fn line_of(root: &Path, file: &str, fragment: &str) -> usize {
    let text = fs::read_to_string(root.join("data").join(file)).expect("read the data file");
    text.lines()
        .position(|l| l.contains(fragment))
        .unwrap_or_else(|| panic!("`{fragment}` is not in {file}"))
        + 1
}

// ---- 1. An ambassador whose country has no official genitive

const LITHUANIAN_AMBASSADOR: &str = "
- id: eitvydas-bajarunas
  name: Eitvydas Bajarūnas
  name_instrumental: Eitvydasem Bajarūnasem
  gender: m
  function: ambassador
  country: lt
";

#[test]
fn ambassador_of_a_country_without_official_genitive_is_refused_with_the_line_to_add() {
    let tmp = data_dir(None);
    let root = tmp.path();
    append(
        root,
        "registry/countries.yaml",
        "\n- id: lt\n  name: Litwa\n",
    );
    append(root, "registry/people.yaml", LITHUANIAN_AMBASSADOR);
    edit(
        root,
        "years/2022.yaml",
        "      people: [jakub-durr]",
        "      people: [jakub-durr, eitvydas-bajarunas]",
    );
    let out = rg(root, &["check"]);
    assert_eq!(out.code, Some(1), "{}", out.describe());
    let line = line_of(root, "years/2022.yaml", "eitvydas-bajarunas]");
    assert!(
        out.stderr.contains(&format!(
            "data/years/2022.yaml:{line}:28: error: the country `lt` of `eitvydas-bajarunas` has no official name in the genitive: the chapter would print „Ambasadorem Litwa w Polsce”"
        )),
        "{}",
        out.describe()
    );
    assert!(
        out.stderr.contains("in data/registry/countries.yaml, add to the entry `- id: lt` the line `  official_genitive: …`")
            && out.stderr.contains("as `cz` has `official_genitive: Republiki Czeskiej`"),
        "{}",
        out.describe()
    );

    // With the line added, the chapter reads right.
    edit(
        root,
        "registry/countries.yaml",
        "  name: Litwa\n",
        "  name: Litwa\n  official_genitive: Republiki Litewskiej\n",
    );
    let md = markdown(root, "2022");
    assert!(
        md.contains("Ambasadorem Republiki Litewskiej w Polsce Eitvydasem Bajarūnasem"),
        "{md}"
    );
}

// ---- 4. A rename known only by its year

#[test]
fn rename_known_only_by_its_year_prints_the_note_in_that_year() {
    let tmp = data_dir(None);
    let root = tmp.path();
    edit(
        root,
        "registry/organisations.yaml",
        "    - name: EUROCITIES\n",
        "    - name: EUROCITIES\n    - name: Eurocities\n      since: 2022\n",
    );
    let md = markdown(root, "2022");
    assert!(
        md.contains("- EUROCITIES – organizacja, która w 2022 r. zmieniła nazwę na Eurocities"),
        "{md}"
    );

    // The old name ended the year before: the name changed between two reports, no note.
    edit(
        root,
        "registry/organisations.yaml",
        "    - name: EUROCITIES\n",
        "    - name: EUROCITIES\n      until: 2021\n",
    );
    let md = markdown(root, "2022");
    assert!(!md.contains("zmieniła nazwę"), "{md}");
    assert!(md.contains("- Eurocities."), "{md}");
}

// ---- 2. Dates typed carefully, and the styles that print them

#[test]
fn dates_option_prints_day_dates_in_paragraphs_and_by_entity_and_hides_them_in_a_list() {
    let tmp = data_dir(None);
    let root = tmp.path();
    // As copied by new-year from 2023: paragraphs, which print no dates.
    edit(
        root,
        "years/2022.yaml",
        "    heading: Współpraca z partnerami zagranicznymi\n    style: list\n",
        "    heading: Współpraca z partnerami zagranicznymi\n    style: paragraphs\n",
    );
    let md = markdown(root, "2022");
    assert!(
        md.contains("\nspotkanie z przedstawicielką senatu Landu Berlin\n"),
        "{md}"
    );
    // Asked for: each paragraph starts with its date.
    edit(
        root,
        "years/2022.yaml",
        "    style: paragraphs\n",
        "    style: paragraphs\n    dates: true\n",
    );
    let md = markdown(root, "2022");
    assert!(
        md.contains("\n6 czerwca – spotkanie z przedstawicielką senatu Landu Berlin\n"),
        "{md}"
    );

    // by_entity with a bold title: the date follows the title.
    edit(
        root,
        "years/2022.yaml",
        "    heading: Współpraca z miastami partnerskimi\n    style: list\n",
        "    heading: Współpraca z miastami partnerskimi\n    style: by_entity\n    dates: true\n",
    );
    edit(
        root,
        "years/2022.yaml",
        "    about: [brno]\n",
        "    about: [brno]\n    title: Dni Kultury Polskiej\n",
    );
    let md = markdown(root, "2022");
    assert!(
        md.contains("**Dni Kultury Polskiej** (4 kwietnia) – uczestniczyli w Dniach"),
        "{md}"
    );

    // A list prints its dates unless told not to.
    assert!(
        md.contains("- 19–22 września – spotkanie podsumowujące"),
        "{md}"
    );
    edit(
        root,
        "years/2022.yaml",
        "    heading: Projekt USE-IT\n    style: list\n",
        "    heading: Projekt USE-IT\n    style: list\n    dates: false\n",
    );
    let md = markdown(root, "2022");
    assert!(
        md.contains("\n- spotkanie podsumowujące w Birmingham"),
        "{md}"
    );
}

// ---- 3. The partner summary of a by_entity section stays under its own heading

#[test]
fn by_entity_partner_summary_is_printed_under_its_heading_in_markdown_and_pdf() {
    let tmp = data_dir(None);
    let root = tmp.path();
    edit(
        root,
        "years/2022.yaml",
        "    heading: Współpraca z miastami partnerskimi\n    style: list\n",
        "    heading: Współpraca z miastami partnerskimi\n    style: by_entity\n    summary: list\n",
    );
    let md = markdown(root, "2022");
    let heading = md
        .find("## Współpraca z miastami partnerskimi")
        .expect("the partners heading");
    let summary = md
        .find("kontynuowało współpracę z 1 miastem partnerskim")
        .expect("the count sentence");
    let contacts = md
        .find("## Współpraca z partnerami zagranicznymi")
        .expect("the contacts heading");
    assert!(contacts < heading && heading < summary, "{md}");

    rg(root, &["build", "--year", "2022", "--format", "pdf"]).assert_ok();
    let pdf = root.join("out/2022/wspolpraca-miedzynarodowa-2022.pdf");
    let text = std::process::Command::new("pdftotext")
        .args(["-layout"])
        .arg(&pdf)
        .arg("-")
        .output()
        .expect("pdftotext runs (tests/run.sh installs poppler-utils)");
    let text = String::from_utf8_lossy(&text.stdout).replace('\u{a0}', " ");
    let heading = text
        .find("Współpraca z miastami partnerskimi")
        .expect("the heading in the PDF");
    let summary = text
        .find("kontynuowało")
        .expect("the count sentence in the PDF");
    assert!(heading < summary, "{text}");

    // The 2018 layout, where the sentence opens the chapter above the first heading, is asked
    // for by name.
    edit(
        root,
        "years/2022.yaml",
        "    summary: list\n",
        "    summary: list\n    summary_above_heading: true\n",
    );
    let md = markdown(root, "2022");
    let heading = md.find("## Współpraca z miastami partnerskimi").unwrap();
    let summary = md.find("kontynuowało współpracę").unwrap();
    assert!(summary < heading, "{md}");
}

// ---- 5. List-item conventions

#[test]
fn list_item_full_stop_is_dropped_before_the_semicolon_and_capitals_are_linted() {
    let tmp = data_dir(None);
    let root = tmp.path();
    // An organisation's activity nested in a `list` memberships section, typed as a sentence.
    edit(
        root,
        "years/2022.yaml",
        "    list: international\n",
        "    list: international\n    style: list\n",
    );
    edit(
        root,
        "years/2022.yaml",
        "    text: realizowano projekt „[en]Future Mentors[/en]”\n",
        "    text: uczestniczono w konferencji o polityce klimatycznej.\n",
    );
    let md = markdown(root, "2022");
    assert!(
        md.contains("  - uczestniczono w konferencji o polityce klimatycznej;"),
        "{md}"
    );
    assert!(!md.contains(".;"), "{md}");

    // Capitals that the list would print as „4 kwietnia – Omówiono” or „…; Omówiono”.
    edit(
        root,
        "years/2022.yaml",
        "    text: spotkanie z przedstawicielką senatu Landu Berlin\n",
        "    text: Omówiono współpracę z senatem Landu Berlin; Ustalono plan wizyt\n",
    );
    let out = rg(root, &["lint"]);
    out.assert_ok();
    let line = line_of(root, "years/2022.yaml", "Omówiono współpracę");
    for (col, message, help) in [
        (
            11,
            "a list item starts with a capital letter: „Omówiono”",
            "write „omówiono”",
        ),
        (
            55,
            "a capital letter after „;” in a list item: „Ustalono”",
            "write „; ustalono”",
        ),
    ] {
        assert!(
            out.stderr.contains(&format!(
                "data/years/2022.yaml:{line}:{col}: warning: {message}"
            )),
            "{}",
            out.describe()
        );
        assert!(out.stderr.contains(help), "{}", out.describe());
    }
}

// ---- 7. The year without `--year`, and `lint --year`

#[test]
fn year_works_without_year_flag_and_check_names_the_right_command() {
    let tmp = data_dir(None);
    let root = tmp.path();
    let out = rg(root, &["build", "2022", "--format", "md"]);
    out.assert_ok();
    assert!(root
        .join("out/2022/wspolpraca-miedzynarodowa-2022.md")
        .is_file());
    let out = rg(root, &["table", "2022"]);
    out.assert_ok();
    assert!(
        out.stdout
            .replace('\u{a0}', " ")
            .contains("| Brno, Czechy | Umowa o współpracy, 16.09.1966 r. |"),
        "{}",
        out.describe()
    );
    let out = rg(root, &["check", "2022"]);
    assert_eq!(out.code, Some(2), "{}", out.describe());
    assert!(
        out.stderr
            .contains("run `report-gen check`; for the texts of 2022 only, `report-gen lint 2022`"),
        "{}",
        out.describe()
    );
    // Both forms at once, disagreeing: refused, not guessed.
    let out = rg(root, &["build", "2022", "--year", "2023"]);
    assert_eq!(out.code, Some(2), "{}", out.describe());
}

#[test]
fn watch_takes_the_year_without_year_flag() {
    let tmp = data_dir(None);
    let mut watch = crate::support::running::Running::start(
        tmp.path(),
        &[
            "watch", "2022", "--format", "md", "--data", "data", "--out", "out",
        ],
        std::time::Duration::from_secs(15),
    );
    watch.expect_line("out", "the chapter of 2022 is written to `out`");
    watch.expect_line("out", "rebuilt in");
    assert!(tmp
        .path()
        .join("out/wspolpraca-miedzynarodowa-2022.md")
        .is_file());
}

#[test]
fn lint_year_reads_only_that_years_file_and_the_registry() {
    let tmp = crate::support::harness::shipped_data();
    let root = tmp.path();
    // The shipped data has two findings, both in 2023.
    let all = rg(root, &["lint"]);
    assert!(
        all.stderr.contains("data/years/2023.yaml:144:10: warning"),
        "{}",
        all.describe()
    );
    for args in [["lint", "2022"], ["lint", "--year=2022"]] {
        let out = rg(root, &args);
        out.assert_ok();
        assert!(
            out.stdout.starts_with("ok: nothing found in"),
            "{}",
            out.describe()
        );
        assert!(out.stderr.is_empty(), "{}", out.describe());
    }
    let out = rg(root, &["lint", "--year", "2023"]);
    assert!(
        out.stderr.contains("data/years/2023.yaml:144:10: warning"),
        "{}",
        out.describe()
    );
    // A year without a file says how to start it.
    let out = rg(root, &["lint", "2031"]);
    assert_eq!(out.code, Some(1), "{}", out.describe());
    assert!(
        out.stderr
            .contains("run `report-gen new-year 2031 --data data`"),
        "{}",
        out.describe()
    );
}

// ---- 6. Common YAML traps, in words a non-programmer can act on

/// `check` on minimal/ with one replacement in the 2022 file: its stderr (exit code 1).
fn check_2022_with(from: &str, to: &str) -> String {
    let tmp = data_dir(None);
    edit(tmp.path(), "years/2022.yaml", from, to);
    let out = rg(tmp.path(), &["check"]);
    assert_eq!(out.code, Some(1), "{}", out.describe());
    out.stderr
}

#[test]
fn colon_inside_a_text_says_to_quote_it_with_the_corrected_line() {
    let err = check_2022_with("    credit: \"Źródło: UMP\"", "    credit: Źródło: UMP");
    assert!(err.contains("data/years/2022.yaml:49:19: error: this is not valid YAML: a colon followed by a space inside the text of `credit` („Źródło:”)"), "{err}");
    assert!(
        err.contains(
            "help: put the whole text in quotes: `credit: \"Źródło: UMP\"`; or write `credit: >-`"
        ),
        "{err}"
    );
    let err = check_2022_with(
        "      topics: rozmawiano o sytuacji uchodźców z Ukrainy",
        "      topics: omówiono m.in.: sytuację uchodźców",
    );
    assert!(err.contains("data/years/2022.yaml:41:29: error: this is not valid YAML: a colon followed by a space inside the text of `topics` („m.in.:”)"), "{err}");
    assert!(
        err.contains("`topics: \"omówiono m.in.: sytuację uchodźców\"`"),
        "{err}"
    );
}

#[test]
fn under_indented_continuation_is_reported_on_its_own_line() {
    // Line 28 `text: >-`, 29 its first line, 30 the continuation with 4 spaces instead of 6;
    // the parser itself stops at line 31, the next event.
    let err = check_2022_with(
        "    text: spotkanie z przedstawicielką senatu Landu Berlin\n",
        "    text: >-\n      spotkanie z przedstawicielką senatu\n    Landu Berlin\n",
    );
    assert!(err.contains("data/years/2022.yaml:30:5: error: this is not valid YAML: this line continues the text of `text` (line 28) but is indented 4 spaces, less than the text"), "{err}");
    assert!(
        err.contains("help: indent it 6 spaces, as the text above: `      Landu Berlin`"),
        "{err}"
    );
}

#[test]
fn missing_colon_and_quoted_start_are_named() {
    let err = check_2022_with("    about: [berlin]", "    about [berlin]");
    assert!(err.contains("data/years/2022.yaml:27:5: error: this is not valid YAML: the key `about` has no colon after it"), "{err}");
    assert!(err.contains("help: write `about: [berlin]`"), "{err}");
    let err = check_2022_with(
        "    text: spotkanie z przedstawicielką senatu Landu Berlin",
        "    text: \"Dni Berlina\" w Poznaniu",
    );
    assert!(err.contains("data/years/2022.yaml:28:11: error: this is not valid YAML: the text of `text` starts with a quotation mark"), "{err}");
    assert!(err.contains("`text: „Dni Berlina” w Poznaniu`"), "{err}");
}

/// The built-in chapter template exported into `root/tpl`, with `from` replaced by `to`;
/// the stderr of a build with it (which must fail), and the line of `to`.
fn build_with_template(root: &Path, from: &str, to: &str) -> (String, usize) {
    run(root, &["templates", "export", "tpl"]).assert_ok();
    let path = root.join("tpl/chapter.md.j2");
    let text = fs::read_to_string(&path).expect("the exported template");
    assert!(text.contains(from), "`{from}` is not in the template");
    let text = text.replacen(from, to, 1);
    let line = text
        .lines()
        .position(|l| l.contains(to))
        .expect("edited line")
        + 1;
    fs::write(&path, text).expect("write the template");
    let out = rg(
        root,
        &["build", "2022", "--format", "md", "--templates", "tpl"],
    );
    assert_eq!(out.code, Some(1), "{}", out.describe());
    (out.stderr, line)
}

#[test]
fn template_errors_name_the_undefined_variable_and_the_line_of_an_open_tag() {
    // Inside a macro minijinja says only "undefined value".
    let tmp = data_dir(None);
    let (err, line) = build_with_template(
        tmp.path(),
        "W {{ year }} r. Prezydent Miasta {{ city_genitive }} i jego zastępcy odbyli {{ meetings }} z:",
        "W {{ yaer }} r. Prezydent Miasta {{ city_genitive }} i jego zastępcy odbyli {{ meetings }} z:",
    );
    assert!(
        err.contains(&format!(
            "tpl/chapter.md.j2:{line}:6: error: the template uses something that does not exist: `yaer` is undefined"
        )),
        "{err}"
    );
    assert!(err.contains("check the spelling of the name"), "{err}");

    // A `%}` left out is noticed by minijinja on the next line; the message names this one.
    let tmp = data_dir(None);
    let (err, line) = build_with_template(
        tmp.path(),
        "{% if s.kind == \"memberships\" %}",
        "{% if s.kind == \"memberships\" %",
    );
    assert!(
        err.contains(&format!(
            "tpl/chapter.md.j2:{line}:1: error: template syntax error: the tag opened with `{{%` on this line is not closed with `%}}`"
        )),
        "{err}"
    );
}

// ---- 8. new-year writes every section kind, commented and ready to switch on

/// `text` with the commented block that starts at the line `first` switched on, as VS Code's
/// Ctrl+/ does: "# " removed after the indentation of each line up to the next blank line.
fn uncomment(text: &str, first: &str) -> String {
    let mut out = Vec::new();
    let mut on = false;
    for line in text.lines() {
        if line == first {
            on = true;
        } else if line.trim().is_empty() {
            on = false;
        }
        if on {
            let indent = line.len() - line.trim_start().len();
            let body = &line[indent..];
            out.push(format!(
                "{}{}",
                &line[..indent],
                body.strip_prefix("# ").unwrap_or(body)
            ));
        } else {
            out.push(line.to_string());
        }
    }
    out.join("\n") + "\n"
}

#[test]
fn new_year_file_passes_check_as_written_and_with_each_block_switched_on() {
    let tmp = crate::support::harness::shipped_data();
    let root = tmp.path();
    rg(root, &["new-year", "2024"]).assert_ok();
    let path = root.join("data/years/2024.yaml");
    let written = fs::read_to_string(&path).expect("the new year file");
    // The office's own abbreviation, ids that exist, every kind of section 2023 lacked, and
    // the diplomatic fields staff need.
    assert!(
        written.contains("#     credit: \"Źródło: UMP\""),
        "{written}"
    );
    for line in [
        "  # - kind: projects",
        "  # - kind: agreement_table",
        "    dates: false                   # `paragraphs` prints no dates",
        "#       body: Korpusem Konsulów Honorowych",
        "#       occasion: Impact’24",
    ] {
        assert!(written.contains(line), "`{line}` missing:\n{written}");
    }
    rg(root, &["check"]).assert_ok();

    for block in [
        "# events:",
        "# figures:",
        "# diplomatic:",
        "  # - kind: projects",
        "  # - kind: agreement_table",
    ] {
        let text = uncomment(&written, block);
        assert_ne!(text, written, "`{block}` not found");
        fs::write(&path, &text).expect("write the year file");
        let out = rg(root, &["check"]);
        assert_eq!(
            out.code,
            Some(0),
            "with `{block}` switched on:\n{}",
            out.describe()
        );
    }
    // All of them at once, built: the meeting and the table are in the chapter.
    let mut text = written.clone();
    for block in ["# events:", "# diplomatic:", "  # - kind: agreement_table"] {
        text = uncomment(&text, block);
    }
    fs::write(&path, &text).expect("write the year file");
    let md = markdown(root, "2024");
    assert!(
        md.contains("- 11 maja – Korpusem Konsulów Honorowych podczas Impact’24."),
        "{md}"
    );
    assert!(
        md.contains("**Tabela 1.** Miasta i regiony partnerskie Poznania"),
        "{md}"
    );
}

// ---- 9. Lint suggests the Polish form the sentence needs

#[test]
fn lint_suggests_the_polish_form_of_a_local_or_misspelt_name_in_its_case() {
    let tmp = crate::support::harness::shipped_data();
    let root = tmp.path();
    rg(root, &["new-year", "2024"]).assert_ok();
    append(
        root,
        "years/2024.yaml",
        "\nevents:\n  - date: 2024-05-09/2024-05-11\n    about: [hanower]\n    text: Delegacja z Hannover. Spotkanie w Hannover. Rozmowy w sprawie Hannoweru.\n",
    );
    let out = rg(root, &["lint", "2024"]);
    out.assert_ok();
    let line = line_of(root, "years/2024.yaml", "Delegacja z Hannover");
    for (col, message, help) in [
        (
            23,
            "„Hannover” is the local name; the Polish text needs „Hanower”",
            "help: write „Hanoweru” (the form of „Hanower” this sentence needs)",
        ),
        (
            45,
            "„Hannover” is the local name; the Polish text needs „Hanower”",
            "help: write „Hanowerze” (the form of „Hanower” this sentence needs)",
        ),
        (
            73,
            "„Hannoweru” looks like a misspelling of „Hanower”",
            "help: if it is „Hanoweru” (a form of „Hanower”), correct it",
        ),
    ] {
        assert!(
            out.stderr.contains(&format!(
                "data/years/2024.yaml:{line}:{col}: warning: {message}"
            )),
            "{}",
            out.describe()
        );
        assert!(out.stderr.contains(help), "{}", out.describe());
    }
    assert!(
        !out.stderr.contains("„Hannover”, correct it"),
        "{}",
        out.describe()
    );
}
