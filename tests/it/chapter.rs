//! The Markdown chapter of each report year (snapshots, and what a reader checks against the published chapters), Polish typography in it, and the `build`, `table` and `templates` commands.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::OnceLock;

use report_gen::data::model::DataSet;
use report_gen::Templates;

use crate::support::{numeric_date, parse_csv};

/// The report years in `data/`.
const YEARS: [i32; 5] = [2017, 2018, 2019, 2022, 2023];

const NBSP: char = '\u{a0}';

/// Month names in the genitive, as printed after a day ("4 kwietnia").
const MONTHS_GENITIVE: [&str; 12] = [
    "stycznia",
    "lutego",
    "marca",
    "kwietnia",
    "maja",
    "czerwca",
    "lipca",
    "sierpnia",
    "września",
    "października",
    "listopada",
    "grudnia",
];

// ================================================================ helpers

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The shipped data set, loaded once.
fn set() -> &'static DataSet {
    static SET: OnceLock<DataSet> = OnceLock::new();
    SET.get_or_init(|| {
        let report_gen::Loaded {
            set,
            diagnostics: diags,
            sources,
        } = report_gen::load_data(&root().join("data"));
        set.unwrap_or_else(|| panic!("data/ does not load:\n{}", sources.render(&diags)))
    })
}

/// The Markdown chapter of `year` with the built-in templates, rendered once per year.
fn markdown(year: i32) -> &'static str {
    static CHAPTERS: OnceLock<BTreeMap<i32, String>> = OnceLock::new();
    let chapters = CHAPTERS.get_or_init(|| {
        let templates = Templates::new(None).expect("built-in templates");
        YEARS
            .iter()
            .map(|&y| {
                let ch = report_gen::chapter::render(set(), y, &templates)
                    .unwrap_or_else(|d| panic!("{y} does not render: {d:?}"));
                (y, ch.markdown)
            })
            .collect()
    });
    &chapters[&year]
}

/// `s` with no-break spaces turned into spaces, for assertions about wording.
fn plain(s: &str) -> String {
    s.replace(NBSP, " ")
}

/// The chapter of `year` with no-break spaces turned into spaces.
fn text(year: i32) -> String {
    plain(markdown(year))
}

/// Asserts that the chapter of `year` (NBSP-normalised) contains `needle`.
fn assert_says(year: i32, needle: &str) {
    let t = text(year);
    assert!(
        t.contains(needle),
        "the {year} chapter does not say {needle:?}"
    );
}

/// The part of `md` under the level-2 heading `heading`, up to the next level-2 heading.
fn section<'a>(md: &'a str, heading: &str) -> &'a str {
    let start_marker = format!("\n## {heading}\n");
    let start = md
        .find(&start_marker)
        .unwrap_or_else(|| panic!("no section {heading:?}"))
        + start_marker.len();
    let end = md[start..].find("\n## ").map_or(md.len(), |i| start + i);
    &md[start..end]
}

/// The headings of `level` in `md`, in order, without the `#`s.
fn headings(md: &str, level: usize) -> Vec<String> {
    let prefix = format!("{} ", "#".repeat(level));
    md.lines()
        .filter_map(|l| l.strip_prefix(&prefix))
        .map(str::to_string)
        .collect()
}

/// The items of the first top-level bullet list after `marker` in `md`, without "- ".
/// Blank lines and indented lines (figures, nested items) inside the list are skipped.
fn list_after(md: &str, marker: &str) -> Vec<String> {
    let at = md
        .find(marker)
        .unwrap_or_else(|| panic!("{marker:?} not found"));
    let mut items = Vec::new();
    for line in md[at + marker.len()..].lines().skip(1) {
        if let Some(item) = line.strip_prefix("- ") {
            items.push(item.to_string());
        } else if items.is_empty() || line.is_empty() || line.starts_with("  ") {
            continue;
        } else {
            break;
        }
    }
    assert!(!items.is_empty(), "no list after {marker:?}");
    items
}

/// Every top-level bullet item of `md`.
fn top_bullets(md: &str) -> Vec<&str> {
    md.lines().filter_map(|l| l.strip_prefix("- ")).collect()
}

/// A list item without its final ";" or ".".
fn item_text(item: &str) -> &str {
    item.trim_end_matches([';', '.', ','])
}

/// (month, first day) of a dated list item: "25–27 maja – …" → (5, 25).
fn item_date(item: &str) -> (u32, u32) {
    let (date, _) = item
        .split_once(" – ")
        .unwrap_or_else(|| panic!("no date in {item:?}"));
    let (days, month) = date
        .split_once(' ')
        .unwrap_or_else(|| panic!("bad date {date:?}"));
    let first_day = days.split('–').next().unwrap_or(days);
    let month = MONTHS_GENITIVE
        .iter()
        .position(|m| *m == month)
        .unwrap_or_else(|| panic!("not a month in the genitive: {month:?}"));
    (
        month as u32 + 1,
        first_day
            .parse()
            .unwrap_or_else(|_| panic!("bad day {date:?}")),
    )
}

/// Asserts that `items` are in chronological order (ties allowed: two meetings on one day).
fn assert_date_order(items: &[String]) {
    let dates: Vec<(u32, u32)> = items.iter().map(|i| item_date(i)).collect();
    let mut sorted = dates.clone();
    sorted.sort();
    assert_eq!(dates, sorted, "not in date order: {items:#?}");
}

/// The cells of the Markdown table rows (header and separator excluded) in `md`.
fn table_rows(md: &str) -> Vec<Vec<String>> {
    md.lines()
        .skip_while(|l| !l.starts_with("|---"))
        .skip(1)
        .take_while(|l| l.starts_with('|'))
        .map(|l| {
            l.trim_matches('|')
                .split(" | ")
                .map(|c| c.trim().to_string())
                .collect()
        })
        .collect()
}

/// The prose of `md`: without figure lines (whose `"caption"` is link syntax), credits right
/// after them, and `<span lang="…">` tags.
fn prose(md: &str) -> String {
    let mut out = String::new();
    let mut after_figure = false;
    for line in md.lines() {
        let trimmed = line.trim_start();
        if trimmed.starts_with("![") {
            after_figure = true;
            continue;
        }
        if after_figure {
            after_figure = false;
            continue;
        }
        let mut l = trimmed.replace("</span>", "");
        while let Some(i) = l.find("<span lang=\"") {
            let end = l[i..].find('>').map_or(l.len(), |j| i + j + 1);
            l.replace_range(i..end, "");
        }
        out.push_str(&l);
        out.push('\n');
    }
    out
}

/// Up to 20 bytes of `s` either side of byte `i`, for messages (on character boundaries).
fn around(s: &str, i: usize) -> &str {
    let mut start = i.saturating_sub(20);
    while !s.is_char_boundary(start) {
        start -= 1;
    }
    let mut end = (i + 20).min(s.len());
    while !s.is_char_boundary(end) {
        end += 1;
    }
    &s[start..end]
}

/// The report-gen binary, run from the project folder (so `data/` is the default data).
fn report_gen(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_report-gen"))
        .env("REPORT_GEN_LANG", "en")
        .args(args)
        .current_dir(root())
        .output()
        .expect("report-gen runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("stdout is UTF-8")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn path_str(p: &Path) -> &str {
    p.to_str().expect("UTF-8 temporary path")
}

/// Runs `build --year YEAR --format md --out OUT` with extra arguments.
fn build(year: i32, out: &Path, extra: &[&str]) -> Output {
    let year = year.to_string();
    let mut args = vec!["build", "--year", &year, "--format", "md", "--out"];
    args.push(path_str(out));
    args.extend_from_slice(extra);
    report_gen(&args)
}

/// The names of the entries of `dir`, sorted.
fn entries(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("readable folder")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// A temporary folder with a copy of the shipped `data/` in it, and the copy's path.
fn shipped_data_copy() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().expect("tempdir");
    let data = tmp.path().join("data");
    let copy = Command::new("cp")
        .arg("-r")
        .arg(root().join("data"))
        .arg(&data)
        .status()
        .expect("cp");
    assert!(copy.success());
    (tmp, data)
}

/// Builds the Markdown chapter of `year` from `dir/data` into `dir/out` and returns it.
fn markdown_of_copy(dir: &Path, year: i32) -> String {
    let out_dir = dir.join("out");
    let data = dir.join("data");
    let year_arg = year.to_string();
    let out = report_gen(&[
        "build",
        "--year",
        &year_arg,
        "--format",
        "md",
        "--data",
        path_str(&data),
        "--out",
        path_str(&out_dir),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let file = out_dir.join(format!("wspolpraca-miedzynarodowa-{year}.md"));
    std::fs::read_to_string(file).expect("the chapter was written")
}

const MD_2018: &str = "wspolpraca-miedzynarodowa-2018.md";

// ================================================================ snapshots

fn snapshot(year: i32) {
    insta::assert_snapshot!(format!("chapter_{year}"), markdown(year));
}

#[test]
fn snapshot_2017() {
    snapshot(2017);
}

#[test]
fn snapshot_2018() {
    snapshot(2018);
}

#[test]
fn snapshot_2019() {
    snapshot(2019);
}

#[test]
fn snapshot_2022() {
    snapshot(2022);
}

#[test]
fn snapshot_2023() {
    snapshot(2023);
}

// ================================================================ 2018

#[test]
fn table_2018_has_caption_header_15_rows_by_date_and_source() {
    let md = text(2018);
    let table = section(&md, "Miasta partnerskie Poznania");
    let lines: Vec<&str> = table.lines().filter(|l| !l.is_empty()).collect();
    assert!(
        lines[0].starts_with("Tabela: "),
        "no caption line before the table: {:?}",
        lines[0]
    );
    assert_eq!(
        lines[1],
        "| Miasto, kraj | Dokument, data podpisania | Zakres współpracy |"
    );
    assert_eq!(lines[2], "|---|---|---|");

    let rows = table_rows(table);
    assert_eq!(rows.len(), 15, "{rows:#?}");
    assert!(rows.iter().all(|r| r.len() == 3), "{rows:#?}");
    assert_eq!(rows[0][0], "Brno, Czechy");
    assert_eq!(rows[0][1], "Umowa o współpracy, 16.09.1966 r.");
    assert_eq!(rows[14][0], "Miasto Metropolitalne Bolonia, Włochy");

    let dates: Vec<(u32, u32, u32)> = rows
        .iter()
        .map(|r| {
            let (_, date) = r[1].rsplit_once(", ").expect("document, date");
            numeric_date(date)
        })
        .collect();
    let mut sorted = dates.clone();
    sorted.sort();
    assert_eq!(dates, sorted, "rows are not in signing-date order");
    assert_eq!(dates[0], (1966, 9, 16));
    assert_eq!(dates[14], (2017, 12, 5));

    for short_day in [
        "6.04.1991 r.",
        "5.12.2017 r.",
        "9.10.1992 r.",
        "4.04.1998 r.",
    ] {
        assert!(table.contains(short_day), "{short_day} missing");
    }
    let after = &table[table.rfind("|\n").expect("table end") + 2..];
    assert_eq!(after.trim(), "Źródło: UMP", "source line after the table");
}

#[test]
fn chapter_2018_counts_14_partner_cities_and_the_county() {
    assert_says(
        2018,
        "W 2018 r. Miasto Poznań kontynuowało współpracę z 14 miastami partnerskimi i Hrabstwem Nottinghamshire",
    );
}

#[test]
fn chapter_2018_says_over_50_years_with_brno() {
    assert_says(
        2018,
        "ponad 50-letniej współpracy partnerskiej między Poznaniem i Brnem",
    );
}

#[test]
fn chapter_2018_has_a_section_per_partner_city_alphabetically() {
    let md = text(2018);
    let partners = section(&md, "Współpraca z miastami partnerskimi");
    assert_eq!(
        headings(partners, 3),
        [
            "Assen (Holandia)",
            "Brno (Czechy)",
            "Charków (Ukraina)",
            "Győr (Węgry)",
            "Hanower (Niemcy)",
            "Kutaisi (Gruzja)",
            "Ra’anana (Izrael)",
            "Rennes (Francja)",
            "Shenzhen (Chiny)",
        ]
    );
}

#[test]
fn chapter_2018_lists_the_11_gen_y_partners() {
    let items = list_after(&text(2018), "wszyscy partnerzy projektu:");
    assert_eq!(items.len(), 11, "{items:#?}");
    assert_eq!(
        items[0],
        "Agencja Rozwoju Gospodarczego Sabadell – Hiszpania,"
    );
    assert_eq!(items[1], "Bolonia – Włochy,");
    assert_eq!(items[10], "Wolverhampton – Wielka Brytania.");
    assert!(items[..10].iter().all(|i| i.ends_with(',')));
}

#[test]
fn no_published_misspelling_in_any_year() {
    // Variants from the published chapters that the registry replaces by canonical names.
    let wrong = [
        "Gyor",
        "gyor",
        "Raanana",
        "Ra’ananna",
        "Talinnie",
        "Pecs",
        "Nottighamshire",
        "Changown",
        "Bambargu",
        "Takasaky",
        "Alarçón",
        "Durrem",
        "Haughey’a",
        "Onay’em",
        "Cities for Cyclists’",
        "Ameryki Północnej",
        "Republika Korei Południowej",
        "Autonomia Palestyńska",
        "Księstwa Luksemburg ",
        "transeferu",
        "przedstwicieli",
        "zapoznanła",
        "przedstawicielani",
        "sportkanie",
        "Akademi ",
        "Miasta Poznań wzięli",
    ];
    for year in YEARS {
        let t = text(year);
        for w in wrong {
            assert!(!t.contains(w), "the {year} chapter contains {w:?}");
        }
    }
}

// ================================================================ 2023

#[test]
fn chapter_2023_lists_14_partner_cities_then_the_county() {
    let md = text(2023);
    assert_says(
        2023,
        "W 2023 r. Miasto Poznań kontynuowało współpracę z 14 miastami partnerskimi, do których należą:",
    );
    let items = list_after(&md, "do których należą:");
    let cities: Vec<&str> = items.iter().map(|i| item_text(i)).collect();
    assert_eq!(
        cities,
        [
            "Assen (Holandia)",
            "Bolonia (Włochy)",
            "Brno (Czechy)",
            "Charków (Ukraina)",
            "Győr (Węgry)",
            "Hanower (Niemcy)",
            "Jyväskylä (Finlandia)",
            "Kutaisi (Gruzja)",
            "Nablus (Palestyna)",
            "Pozuelo de Alarcón (Hiszpania)",
            "Ra’anana (Izrael)",
            "Rennes (Francja)",
            "Shenzhen (Chiny)",
            "Toledo (Stany Zjednoczone)",
        ]
    );
    assert!(items.iter().all(|i| i.ends_with(';')));
    let after_list = &md[md.find("- Toledo").expect("Toledo")..];
    let next_text = after_list
        .lines()
        .skip(1)
        .find(|l| !l.is_empty())
        .expect("text after the list");
    assert_eq!(next_text, "oraz z Hrabstwem Nottinghamshire.");
}

#[test]
fn chapter_2023_mentions_changwon_only_for_the_memorandum() {
    let md = text(2023);
    let items = list_after(&md, "do których należą:");
    assert!(!items.iter().any(|i| i.contains("Changwon")), "{items:#?}");
    assert!(md.contains(
        "podpisano Memorandum dotyczące ustanowienia współpracy miast Poznań – Changwon"
    ));
}

#[test]
fn chapter_2023_diplomatic_summary() {
    assert_says(
        2023,
        "odbyli 13 spotkań dyplomatycznych z przedstawicielami takich krajów, jak ",
    );
    let md = text(2023);
    let start = md.find("takich krajów, jak ").expect("country list") + "takich krajów, jak ".len();
    let end = start + md[start..].find(". ").expect("end of sentence");
    let countries: Vec<&str> = md[start..end].split(", ").collect();
    assert_eq!(
        countries,
        [
            "Ukraina",
            "Rwanda",
            "Arabia Saudyjska",
            "Armenia",
            "Australia",
            "Szwajcaria",
            "Stany Zjednoczone",
            "Meksyk",
            "Belgia",
            "Niemcy",
            "Korea Południowa",
            "Francja",
        ]
    );
    assert_says(
        2023,
        "Więcej informacji na ten temat znajduje się w Załączniku nr 4 do niniejszego raportu pn. „Sprawozdanie Prezydenta Miasta Poznania z działalności za 2023 rok”.",
    );
}

#[test]
fn chapter_2023_lists_9_organisations() {
    let md = text(2023);
    let orgs = section(&md, "Członkostwo w organizacjach międzynarodowych");
    assert_eq!(top_bullets(orgs).len(), 9);
    assert_says(2023, "W 2023 r. Miasto Poznań było członkiem 9 organizacji");
    assert!(orgs.contains("- City Destinations Alliance;"));
    assert!(!orgs.contains("European Cities Marketing"));
}

// ================================================================ 2022

#[test]
fn chapter_2022_day_ranges_use_an_unspaced_en_dash() {
    for range in ["25–27 maja", "15–17 lipca", "13–18 października"] {
        assert_says(2022, &format!("- {range} – "));
    }
    let t = text(2022);
    assert!(!t.contains("25 – 27"), "spaced dash in a day range");
    assert!(!t.contains("15-17"), "hyphen in a day range");
    // The range and its month stay together.
    assert!(markdown(2022).contains("25–27\u{a0}maja"));
}

#[test]
fn chapter_2022_lists_are_in_date_order() {
    let md = text(2022);
    let use_it = top_bullets(section(&md, "Projekt USE-IT"))
        .into_iter()
        .map(str::to_string)
        .collect::<Vec<_>>();
    assert_eq!(use_it.len(), 7, "{use_it:#?}");
    assert_date_order(&use_it);
    assert!(use_it[0].starts_with("9 lutego – "));
    assert!(use_it[6].starts_with("19–22 września – spotkanie podsumowujące w Birmingham"));

    let foreign = list_after(&md, "W ramach współpracy z partnerami zagranicznymi:");
    assert_eq!(foreign.len(), 7, "{foreign:#?}");
    assert_date_order(&foreign);
    let partner_events = list_after(&md, "przedstawiciele Miasta Poznania m.in.:");
    assert_eq!(partner_events.len(), 7, "{partner_events:#?}");
    assert_date_order(&partner_events);
}

#[test]
fn chapter_2022_lists_18_diplomatic_meetings() {
    let md = text(2022);
    let meetings: Vec<String> = top_bullets(section(&md, "Spotkania dyplomatyczne"))
        .into_iter()
        .map(str::to_string)
        .collect();
    assert_eq!(meetings.len(), 18, "{meetings:#?}");
    assert_date_order(&meetings);
    assert_says(2022, "odbyli 18 spotkań dyplomatycznych z:");
    assert!(meetings[0].starts_with("13 stycznia – Korpusem Konsulów Honorowych;"));
    assert!(meetings[17].ends_with('.'));
    assert!(meetings[..17].iter().all(|m| m.ends_with(';')));
}

#[test]
fn chapter_2022_titles_agree_with_gender() {
    assert_says(
        2022,
        "13 grudnia – Ambasador Republiki Finlandii w Polsce Päivi Laine;",
    );
    assert_says(2022, "Ambasadorem Królestwa Danii w Polsce Ole Toftem");
    assert_says(2022, "Ambasador Irlandii w Polsce Emer O’Connell");
    assert_says(2022, "Ambasadorem Irlandii w Polsce Patrickiem Haugheyem");
    assert_says(
        2022,
        "Ambasadorem Republiki Czeskiej w Polsce Jakubem Dürrem",
    );
    assert_says(
        2022,
        "Ambasadorem Wielkiego Księstwa Luksemburga w Polsce Paulem Schmitem",
    );
    assert!(!text(2022).contains("Ambasadorem Republiki Finlandii"));
    // One rule for every meeting: each ambassador met is "… w Polsce".
    let md = text(2022);
    for meeting in top_bullets(section(&md, "Spotkania dyplomatyczne")) {
        let counterparts = meeting.split(';').next().unwrap_or(meeting);
        assert_eq!(
            counterparts.matches("Ambasador").count(),
            counterparts.matches(" w Polsce ").count(),
            "{counterparts:?}"
        );
    }
}

#[test]
fn chapter_2022_notes_the_citydna_rename_and_lists_9_organisations() {
    let md = text(2022);
    let orgs = section(&md, "Członkostwo w organizacjach międzynarodowych");
    assert!(orgs.contains(
        "European Cities Marketing – organizacja, która w 2022 r. zmieniła nazwę na City Destinations Alliance"
    ));
    assert_eq!(top_bullets(orgs).len(), 9, "{orgs}");
    assert_says(2022, "W 2022 r. Miasto Poznań było członkiem 9 organizacji");
    // The rename is news only in 2022.
    for year in [2017, 2023] {
        assert!(!text(year).contains("zmieniła nazwę"), "{year}");
    }
}

// ================================================================ 2017

#[test]
fn chapter_2017_memberships_counted_and_in_the_published_order() {
    assert_says(2017, "Miasto Poznań było członkiem 11 organizacji");
    assert_says(
        2017,
        "Miasto Poznań było członkiem 15 krajowych organizacji",
    );
    let md = text(2017);
    let international: Vec<String> = list_after(&md, "zrzeszających miasta i regiony:");
    let international: Vec<&str> = international.iter().map(|i| item_text(i)).collect();
    // As ../shared/sources/2017.txt lists them (not alphabetical: OASC last).
    assert_eq!(
        international,
        [
            "Cities for Cyclists",
            "EUROCITIES",
            "European Cities Marketing",
            "International Congress and Convention Association",
            "Le Club de Strasbourg",
            "Mayors for Peace",
            "Oder Partnerschaft",
            "Poznań – Ille-et-Vilaine Foundation",
            "WHO Healthy Cities Network – VI Phase",
            "WHO Global Network for Age-friendly Cities",
            "Open & Agile Smart Cities",
        ]
    );
    let national = list_after(&md, "deklaracji współpracy:");
    let national: Vec<&str> = national.iter().map(|i| item_text(i)).collect();
    // Związek Miast Polskich first, as published.
    assert_eq!(
        national,
        [
            "Związek Miast Polskich",
            "Unia Metropolii Polskich",
            "Stowarzyszenie Metropolia Poznań",
            "Stowarzyszenie Gmin i Powiatów Wielkopolski",
            "Stowarzyszenie Wielkopolski Ośrodek Kształcenia i Studiów Samorządowych",
            "Fundacja Poznań – Ille-et-Vilaine",
            "Fundacja POMOST",
            "Fundacja Rozwoju Rolnictwa i Gospodarki Żywnościowej",
            "PLOT – Poznańska Lokalna Organizacja Turystyczna",
            "Stowarzyszenie „Forum Rewitalizacji”",
            "Stowarzyszenie Gmin, Powiatów i Województw „Droga S 11”",
            "Stowarzyszenie Jednostek Samorządu Terytorialnego „Komunikacja”",
            "Stowarzyszenie Zdrowych Miast Polskich",
            "Związek Stowarzyszeń Wielkopolski Bank Żywności",
            "Wielkopolski Klaster Teleinformatyczny",
        ]
    );
}

/// `order: alphabetical` sorts a section's list by the name shown, in Polish order.
#[test]
fn a_section_can_ask_for_alphabetical_order() {
    let tmp = crate::support::harness::shipped_data();
    let data = tmp.path().join("data");
    let year = data.join("years/2017.yaml");
    let text = std::fs::read_to_string(&year).expect("2017.yaml");
    let text = text.replacen(
        "    list: national\n",
        "    list: national\n    order: alphabetical\n",
        1,
    );
    std::fs::write(&year, text).expect("write 2017.yaml");
    let out = report_gen(&[
        "build",
        "--year",
        "2017",
        "--format",
        "md",
        "--data",
        data.to_str().unwrap(),
        "--out",
        tmp.path().join("out").to_str().unwrap(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let md = std::fs::read_to_string(tmp.path().join("out/wspolpraca-miedzynarodowa-2017.md"))
        .expect("the chapter");
    let national = list_after(&md, "deklaracji współpracy:");
    let national: Vec<&str> = national.iter().map(|i| item_text(i)).collect();
    let national: Vec<String> = national.iter().map(|n| n.replace('\u{a0}', " ")).collect();
    assert_eq!(
        national,
        [
            "Fundacja POMOST",
            "Fundacja Poznań – Ille-et-Vilaine",
            "Fundacja Rozwoju Rolnictwa i Gospodarki Żywnościowej",
            "PLOT – Poznańska Lokalna Organizacja Turystyczna",
            "Stowarzyszenie „Forum Rewitalizacji”",
            "Stowarzyszenie Gmin i Powiatów Wielkopolski",
            "Stowarzyszenie Gmin, Powiatów i Województw „Droga S 11”",
            "Stowarzyszenie Jednostek Samorządu Terytorialnego „Komunikacja”",
            "Stowarzyszenie Metropolia Poznań",
            "Stowarzyszenie Wielkopolski Ośrodek Kształcenia i Studiów Samorządowych",
            "Stowarzyszenie Zdrowych Miast Polskich",
            "Unia Metropolii Polskich",
            "Wielkopolski Klaster Teleinformatyczny",
            "Związek Miast Polskich",
            "Związek Stowarzyszeń Wielkopolski Bank Żywności",
        ]
    );
}

// ================================================================ 2019

#[test]
fn chapter_2019_has_the_seven_cities_in_order() {
    let md = text(2019);
    assert_eq!(
        headings(&md, 3),
        [
            "Berlin (Niemcy)",
            "Hamburg (Niemcy)",
            "Helsinki (Finlandia)",
            "Kijów (Ukraina)",
            "Laatzen (Niemcy)",
            "Mińsk (Białoruś)",
            "Takasaki (Japonia)",
        ]
    );
}

#[test]
fn headings_do_not_skip_levels_and_are_not_all_caps() {
    for year in YEARS {
        let mut previous = 0;
        for line in markdown(year).lines() {
            let level = line.chars().take_while(|c| *c == '#').count();
            if level == 0 || !line[level..].starts_with(' ') {
                continue;
            }
            assert!(
                level <= previous + 1,
                "{year}: heading level jumps from {previous} to {level} at {line:?}"
            );
            previous = level;
            // "BERLIN (NIEMCY)" as published in 2019; one-word names such as EUROCITIES are fine.
            let words = line[level..]
                .split_whitespace()
                .filter(|w| w.chars().any(char::is_alphabetic))
                .count();
            assert!(
                words < 2 || line.chars().any(char::is_lowercase),
                "{year}: heading in capitals {line:?}"
            );
        }
    }
}

// ================================================================ typography

#[test]
fn nbsp_after_one_letter_words() {
    assert!(markdown(2018).contains("w\u{a0}Poznaniu"));
    assert!(markdown(2022).contains("i\u{a0}Hrabstwem Nottinghamshire"));
    assert!(markdown(2018).contains("\nW\u{a0}2018\u{a0}r. Miasto"));
    for year in YEARS {
        let p = prose(markdown(year));
        let chars: Vec<char> = p.chars().collect();
        for i in 1..chars.len().saturating_sub(1) {
            let before = if i >= 2 { chars[i - 2] } else { ' ' };
            let starts_word = before.is_whitespace() || "(„*".contains(before);
            if "aiouwzAIOUWZ".contains(chars[i - 1]) && starts_word && chars[i] == ' ' {
                let context: String = chars[i.saturating_sub(20)..(i + 20).min(chars.len())]
                    .iter()
                    .collect();
                panic!("{year}: normal space after a one-letter word: {context:?}");
            }
        }
    }
}

#[test]
fn nbsp_before_r_and_between_numbers_and_words() {
    assert!(markdown(2018).contains("2018\u{a0}r."));
    assert!(markdown(2018).contains("16.09.1966\u{a0}r."));
    assert!(markdown(2018).contains("z\u{a0}14\u{a0}miastami partnerskimi"));
    assert!(markdown(2022).contains("8\u{a0}kwietnia"));
    assert!(markdown(2023).contains("13\u{a0}spotkań dyplomatycznych"));
    for year in YEARS {
        let md = &prose(markdown(year));
        for (i, _) in md.match_indices(" r.") {
            let prev = md[..i].chars().next_back();
            assert!(
                !prev.is_some_and(|c| c.is_ascii_digit()),
                "{year}: normal space before \"r.\" at {:?}",
                around(md, i)
            );
        }
    }
}

#[test]
fn ordinal_number_is_bound_to_the_next_word() {
    assert!(markdown(2018).contains("32.\u{a0}Konferencji"));
}

#[test]
fn escaped_ordinal_number_is_bound_to_the_next_word() {
    let unescaped = |year| markdown(year).replace("\\.", ".");
    assert!(unescaped(2017).contains("30.\u{a0}Konferencja"));
    assert!(unescaped(2019).contains("20.\u{a0}PKO Maraton"));
}

#[test]
fn spaced_dash_is_bound_to_the_word_before_it() {
    assert!(markdown(2018).contains("w\u{a0}Poznaniu**\u{a0}– głównym tematem"));
    for year in YEARS {
        let md = &prose(markdown(year));
        assert!(!md.contains(" – "), "{year}: a line may start with a dash");
        assert!(
            !md.contains("–\u{a0}"),
            "{year}: dash glued to the next word"
        );
    }
}

#[test]
fn polish_quotation_marks_and_apostrophes() {
    for year in YEARS {
        let md = markdown(year);
        let p = prose(md);
        assert!(!p.contains('"'), "{year}: straight double quote in prose");
        assert!(!p.contains('“'), "{year}: English opening quote");
        assert!(!p.contains('\''), "{year}: straight apostrophe in prose");
        assert_eq!(
            md.matches('„').count(),
            md.matches('”').count(),
            "{year}: unbalanced „…”"
        );
    }
    assert!(markdown(2018).contains("„Polacy i\u{a0}Gruzini"));
    assert!(markdown(2022).contains("Impact’22"));
}

#[test]
fn foreign_phrases_are_marked_with_their_language() {
    assert!(markdown(2022).contains("(„<span lang=\"en\">Future Mentors</span>”)"));
    assert!(markdown(2018)
        .contains("„<span lang=\"en\">Gen-Y City. Get into the swing of the city!</span>”"));
    assert!(markdown(2018).contains("„<span lang=\"fr\">Labo Europe</span>”"));
    assert!(markdown(2023).contains("„<span lang=\"en\">Pimp Your Twin Town</span>”"));
    // Spans are closed on the line they open.
    for year in YEARS {
        for line in markdown(year).lines() {
            assert_eq!(
                line.matches("<span lang=").count(),
                line.matches("</span>").count(),
                "{year}: {line:?}"
            );
        }
    }
}

// ================================================================ the table command

#[test]
fn table_csv_2018() {
    let out = report_gen(&["table", "--year", "2018", "--format", "csv"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let csv = stdout(&out);
    assert!(csv.starts_with("Miasto,"), "no BOM, header first");
    let records = parse_csv(&csv, ',');
    assert_eq!(
        records[0],
        [
            "Miasto",
            "Kraj",
            "Dokument",
            "Data podpisania",
            "Zakres współpracy"
        ]
    );
    let rows = &records[1..];
    assert_eq!(rows.len(), 15, "{rows:#?}");
    assert!(rows.iter().all(|r| r.len() == 5), "{rows:#?}");
    assert_eq!(
        rows[0],
        [
            "Brno",
            "Czechy",
            "Umowa o współpracy",
            "16.09.1966 r.",
            "Kultura, sport, administracja, gospodarka"
        ]
    );
    // The scope contains commas, so it is quoted.
    assert!(csv.contains("\"Kultura, sport, administracja, gospodarka\""));
    let dates: Vec<(u32, u32, u32)> = rows.iter().map(|r| numeric_date(&plain(&r[3]))).collect();
    let mut sorted = dates.clone();
    sorted.sort();
    assert_eq!(dates, sorted);
}

#[test]
fn table_md_2018_prints_the_rows_of_the_chapter() {
    let out = report_gen(&["table", "--year", "2018", "--format", "md"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let table = stdout(&out);
    assert!(table.starts_with("| Miasto, kraj | Dokument, data podpisania | Zakres współpracy |\n"));
    let rows = table_rows(&table);
    assert_eq!(rows.len(), 15);
    assert_eq!(rows, table_rows(markdown(2018)));
}

#[test]
fn table_for_a_year_without_a_year_file_comes_from_the_registry() {
    // The agreement table needs only the registry: 2020 has no year file, yet its table is the
    // 15 agreements signed by the end of 2020, and nothing is reported as an error.
    let out = report_gen(&["table", "--year", "2020", "--format", "csv"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).is_empty(), "{}", stderr(&out));
    let csv = stdout(&out);
    assert_eq!(csv.lines().count(), 16, "header + 15 agreements:\n{csv}");
    assert!(
        csv.lines()
            .nth(1)
            .is_some_and(|l| l.starts_with("Brno,Czechy,")),
        "{csv}"
    );
    let early = stdout(&report_gen(&["table", "--year", "1990", "--format", "csv"]));
    assert_eq!(
        early.lines().count(),
        4,
        "Brno, Jyväskylä, Hanower by 1990:\n{early}"
    );
}

// ================================================================ the build command

#[test]
fn build_of_a_year_without_data_lists_the_available_years() {
    let out_dir = tempfile::tempdir().expect("tempdir");
    let out = build(2020, out_dir.path(), &[]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("2020"), "{err}");
    assert!(err.contains("2017, 2018, 2019, 2022, 2023"), "{err}");
    assert!(entries(out_dir.path()).is_empty());
}

#[test]
fn build_md_writes_one_file_and_is_reproducible() {
    let out_dir = tempfile::tempdir().expect("tempdir");
    let out = build(2018, out_dir.path(), &[]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(entries(out_dir.path()), [MD_2018]);
    let file = out_dir.path().join(MD_2018);
    let first = std::fs::read(&file).expect("output");
    // The file is the chapter's Markdown as a CMS takes it (no photo in 2018: nothing to link).
    let published = report_gen::chapter::publish::publish(markdown(2018), |image: &str| {
        Err(format!("2018 has no photo, yet `{image}` is linked"))
    })
    .expect("publishable");
    assert_eq!(first, published.as_bytes(), "CLI and library differ");
    assert!(
        published.contains("**Tabela\u{a0}1.** Miasta"),
        "the table's caption as the reader sees it"
    );

    let out = build(2018, out_dir.path(), &[]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        std::fs::read(&file).expect("output"),
        first,
        "not byte-identical"
    );
    assert_eq!(entries(out_dir.path()), [MD_2018]);
}

#[cfg(unix)]
#[test]
fn build_output_is_readable_like_other_files() {
    use std::os::unix::fs::PermissionsExt as _;
    let out_dir = tempfile::tempdir().expect("tempdir");
    let out = build(2018, out_dir.path(), &[]);
    assert!(out.status.success(), "{}", stderr(&out));
    let mode = |p: &Path| std::fs::metadata(p).expect("metadata").permissions().mode() & 0o777;
    let reference = out_dir.path().join("reference");
    std::fs::write(&reference, b"x").expect("write");
    // Whoever may read a newly created file (per the umask) may read the chapter too.
    assert_eq!(
        mode(&out_dir.path().join(MD_2018)) & 0o444,
        mode(&reference) & 0o444,
        "output read permissions differ from a newly created file's"
    );
}

/// A template folder with `chapter.md.j2` set to `content`.
fn template_dir(content: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("chapter.md.j2");
    std::fs::write(&file, content).expect("write template");
    (dir, file)
}

/// Builds 2018 into a fresh folder, then again with a broken template: the second build must
/// fail naming `file:line`, and leave the first output as it was, with no temporary files.
fn assert_failed_build_keeps_output(template: &str, line: usize, message: &str) {
    let out_dir = tempfile::tempdir().expect("tempdir");
    assert!(build(2018, out_dir.path(), &[]).status.success());
    let good = std::fs::read(out_dir.path().join(MD_2018)).expect("output");

    let (_dir, file) = template_dir(template);
    let out = build(
        2018,
        out_dir.path(),
        &["--templates", path_str(file.parent().unwrap())],
    );
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains(&format!("{}:{line}", file.display())),
        "stderr does not name {}:{line}:\n{err}",
        file.display()
    );
    assert!(err.contains(message), "{err}");
    assert_eq!(
        std::fs::read(out_dir.path().join(MD_2018)).expect("output"),
        good,
        "the earlier output changed"
    );
    assert_eq!(entries(out_dir.path()), [MD_2018], "temporary files left");
}

#[test]
fn build_with_a_template_syntax_error_fails_and_keeps_output() {
    assert_failed_build_keeps_output("# {{ title }}\n\n{% if %}\nx\n{% endif %}\n", 3, "syntax");
}

#[test]
fn build_with_an_undefined_template_variable_fails_and_keeps_output() {
    assert_failed_build_keeps_output("# {{ title }}\n{{ nope }}\n", 2, "nope");
}

#[test]
fn templates_override_changes_the_output() {
    let (dir, _) = template_dir("{{ year }} {{ sections|length }}\n");
    let out_dir = tempfile::tempdir().expect("tempdir");
    let out = build(2018, out_dir.path(), &["--templates", path_str(dir.path())]);
    assert!(out.status.success(), "{}", stderr(&out));
    let written = std::fs::read_to_string(out_dir.path().join(MD_2018)).expect("output");
    let sections = set().years[&2018].raw.sections.len();
    assert_eq!(plain(written.trim()), format!("2018 {sections}"));
}

#[test]
fn templates_export_writes_the_chapter_template_once() {
    let dir = tempfile::tempdir().expect("tempdir");
    let target = dir.path().join("templates");
    let out = report_gen(&["templates", "export", path_str(&target)]);
    assert!(out.status.success(), "{}", stderr(&out));
    let file = target.join("chapter.md.j2");
    let exported = std::fs::read_to_string(&file).expect("exported template");
    assert_eq!(
        exported,
        std::fs::read_to_string(root().join("templates/chapter.md.j2")).expect("built-in")
    );

    std::fs::write(&file, "edited").expect("edit");
    let again = report_gen(&["templates", "export", path_str(&target)]);
    assert_eq!(again.status.code(), Some(1));
    assert!(
        stderr(&again).contains("chapter.md.j2"),
        "{}",
        stderr(&again)
    );
    assert_eq!(std::fs::read_to_string(&file).expect("kept"), "edited");
}

// ================================================================ empty sections

/// A heading directly followed by a heading of the same or a higher level heads nothing.
fn empty_headings(md: &str) -> Vec<String> {
    let headings: Vec<(usize, &str)> = md
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| (l.chars().take_while(|c| *c == '#').count(), l))
        .collect();
    headings
        .windows(2)
        .filter(|w| w[0].0 > 0 && w[1].0 > 0 && w[1].0 <= w[0].0)
        .map(|w| w[0].1.to_string())
        .collect()
}

#[test]
fn no_shipped_chapter_has_an_empty_section() {
    for year in [2017, 2018, 2019, 2022, 2023] {
        assert_eq!(
            empty_headings(markdown(year)),
            Vec::<String>::new(),
            "{year}"
        );
    }
}

#[test]
fn a_new_year_without_events_leaves_out_its_empty_sections() {
    let (tmp, data) = shipped_data_copy();
    let out = report_gen(&["new-year", "2024", "--data", path_str(&data)]);
    assert!(out.status.success(), "{}", stderr(&out));
    let md = markdown_of_copy(tmp.path(), 2024);
    assert_eq!(empty_headings(&md), Vec::<String>::new(), "{md}");
    assert!(
        !md.contains("Spotkania dyplomatyczne"),
        "no meetings yet, so no such section:\n{md}"
    );
    assert!(
        md.contains("z\u{a0}14\u{a0}miastami partnerskimi"),
        "derived sections still print:\n{md}"
    );
}

// ================================================================ list punctuation

/// A list item's text that already ends with a full stop, a semicolon or an abbreviation gets
/// one correct ending in the chapter: no „.;”, no „..”, and „r.” keeps its full stop.
#[test]
fn list_items_that_end_with_punctuation_are_not_doubled() {
    let (tmp, data) = shipped_data_copy();
    let file = data.join("years/2022.yaml");
    let mut yaml = std::fs::read_to_string(&file).unwrap();
    for (from, to) in [
        // Not the last item of „Współpraca z partnerami zagranicznymi”: a sentence's full stop.
        (
            "zarządzaniu kryzysem uchodźczym\n",
            "zarządzaniu kryzysem uchodźczym.\n",
        ),
        // Not the last: ends with an abbreviation.
        (
            "przebywających\n      w Poznaniu\n",
            "przebywających\n      w Poznaniu od 2022\u{a0}r.\n",
        ),
        // The last item: a full stop of its own.
        ("w poznańskim maratonie\n", "w poznańskim maratonie.\n"),
        // The first diplomatic meeting's topics: a semicolon left at the end.
        (
            "działań na nadchodzący rok\n",
            "działań na nadchodzący rok;\n",
        ),
    ] {
        assert_eq!(
            yaml.matches(from).count(),
            1,
            "{from:?} is in 2022.yaml once"
        );
        yaml = yaml.replace(from, to);
    }
    std::fs::write(&file, yaml).unwrap();
    let md = markdown_of_copy(tmp.path(), 2022);
    let line = |needle: &str| {
        md.lines()
            .find(|l| l.contains(needle))
            .unwrap_or_else(|| panic!("a line with {needle:?} in:\n{md}"))
            .to_string()
    };
    for (needle, ending) in [
        ("kryzysem uchodźczym", "kryzysem uchodźczym;"),
        ("przebywających", "w\u{a0}Poznaniu od 2022\u{a0}r.;"),
        ("poznańskim maratonie", "poznańskim maratonie."),
        ("nadchodzący rok", "nadchodzący rok;"),
    ] {
        assert!(line(needle).ends_with(ending), "{}", line(needle));
    }
    // „r.;” is right; a sentence's „.;” is not.
    assert_eq!(md.matches(".;").count(), 1, "only „r.;” in:\n{md}");
    for bad in ["..\n", ";;", ";."] {
        assert!(!md.contains(bad), "{bad:?} in:\n{md}");
    }
}
