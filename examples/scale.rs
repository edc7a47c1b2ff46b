//! Synthetic data sets for the scaling benchmarks: N partners and M events in one year.
//!
//! The data is made to look like the real thing where it costs time: Polish text with
//! diacritics and „quotes”, partners with one to three agreements and long scopes (a long
//! agreement table), events spread over every section kind and style, titled and untitled,
//! day/range/month/year dates, diplomatic meetings, `{dekady:ID}` placeholders, `[en]…[/en]`
//! marks, and figures without image files. The output passes `report-gen check`. It is
//! deterministic (a fixed-seed generator), so two runs write the same bytes.
//!
//! `--short` makes every event one short sentence and every partner one agreement with a
//! one- or two-field scope: a chapter of about the length the 1,000/5,000 target
//! was set for, where the default texts make one several times longer.
//!
//!     cargo run --release --example scale -- --partners 1000 --events 5000 --out /tmp/scale
//!     target/release/report-gen build --data /tmp/scale --year 2023 --format all

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

/// The report year of the generated data.
const YEAR: i32 = 2023;

fn main() {
    let args = match Args::parse(std::env::args().skip(1)) {
        Ok(a) => a,
        Err(msg) => {
            eprintln!("error: {msg}\nusage: scale --partners N --events M [--short] --out DIR");
            std::process::exit(2);
        }
    };
    if let Err(e) = write_data_set(&args) {
        eprintln!("error: {e}");
        std::process::exit(1);
    }
    println!(
        "wrote {} partners, {} events to {}",
        args.partners,
        args.events,
        args.out.display()
    );
}

struct Args {
    partners: usize,
    events: usize,
    out: PathBuf,
    short: bool,
}

impl Args {
    fn parse(mut it: impl Iterator<Item = String>) -> Result<Args, String> {
        let (mut partners, mut events, mut out, mut short) = (40, 200, None, false);
        while let Some(flag) = it.next() {
            let mut value = || it.next().ok_or(format!("{flag} needs a value"));
            match flag.as_str() {
                "--partners" => partners = value()?.parse().map_err(|_| "--partners: a number")?,
                "--events" => events = value()?.parse().map_err(|_| "--events: a number")?,
                "--out" => out = Some(PathBuf::from(value()?)),
                "--short" => short = true,
                other => return Err(format!("unknown argument `{other}`")),
            }
        }
        let out = out.ok_or("--out DIR is required")?;
        if partners == 0 {
            return Err("--partners must be at least 1".into());
        }
        Ok(Args {
            partners,
            events,
            out,
            short,
        })
    }
}

/// A small fixed-seed generator (xorshift64*): the data must not change between runs.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

/// Countries: id, short name, official name in the genitive (for diplomats).
const COUNTRIES: &[(&str, &str, &str)] = &[
    ("cz", "Czechy", "Republiki Czeskiej"),
    ("de", "Niemcy", "Republiki Federalnej Niemiec"),
    ("fr", "Francja", "Republiki Francuskiej"),
    ("hu", "Węgry", "Węgier"),
    ("fi", "Finlandia", "Republiki Finlandii"),
    ("es", "Hiszpania", "Królestwa Hiszpanii"),
    ("it", "Włochy", "Republiki Włoskiej"),
    ("nl", "Holandia", "Królestwa Niderlandów"),
    ("gb", "Wielka Brytania", "Zjednoczonego Królestwa"),
    ("ua", "Ukraina", "Ukrainy"),
    ("lt", "Litwa", "Republiki Litewskiej"),
    ("lv", "Łotwa", "Republiki Łotewskiej"),
    ("dk", "Dania", "Królestwa Danii"),
    ("se", "Szwecja", "Królestwa Szwecji"),
    ("no", "Norwegia", "Królestwa Norwegii"),
    ("pt", "Portugalia", "Republiki Portugalskiej"),
    ("ge", "Gruzja", "Gruzji"),
    ("il", "Izrael", "Państwa Izrael"),
    ("kr", "Korea Południowa", "Republiki Korei"),
    ("jp", "Japonia", "Japonii"),
    ("us", "Stany Zjednoczone", "Stanów Zjednoczonych Ameryki"),
    ("mx", "Meksyk", "Meksykańskich Stanów Zjednoczonych"),
    ("ch", "Szwajcaria", "Konfederacji Szwajcarskiej"),
    ("at", "Austria", "Republiki Austrii"),
    ("be", "Belgia", "Królestwa Belgii"),
    ("sk", "Słowacja", "Republiki Słowackiej"),
    ("si", "Słowenia", "Republiki Słowenii"),
    ("hr", "Chorwacja", "Republiki Chorwacji"),
    ("ro", "Rumunia", "Rumunii"),
    ("is", "Islandia", "Islandii"),
];

/// Syllables for place names; several carry diacritics from the languages of partner cities.
const SYLLABLES: &[&str] = &[
    "Poz", "nań", "Gy", "őr", "Jy", "väs", "ky", "lä", "Brze", "ść", "Łód", "ź", "Gnie", "zno",
    "Kra", "ków", "Żół", "ty", "Sząb", "rów", "Bam", "berg", "Ha", "no", "wer", "Ren", "nes", "Ku",
    "tai", "si", "Ra", "’a", "na", "Ala", "rcón", "Fürth", "Pécs", "Miš", "kolc", "ice",
];

/// Fields of cooperation, combined into long agreement scopes.
const SCOPES: &[&str] = &[
    "kultura",
    "sport",
    "administracja",
    "gospodarka komunalna",
    "budownictwo, urbanistyka i architektura",
    "turystyka",
    "nauka i oświata",
    "opieka nad dziećmi i młodzieżą",
    "opieka i pomoc społeczna",
    "komunikacja i transport publiczny",
    "ochrona środowiska",
    "wymiana młodzieży szkolnej i akademickiej",
    "współpraca gospodarcza, wspieranie inwestycji i przedsiębiorczości",
    "ochrona zdrowia",
    "bezpieczeństwo publiczne",
    "zarządzanie kryzysowe",
];

const DOCUMENTS: &[&str] = &[
    "Umowa o współpracy",
    "Umowa o przyjaźni i współpracy",
    "Ramowe porozumienie o współpracy",
    "Deklaracja intencji współpracy",
    "Karta o partnerstwie miast",
    "Porozumienie o współpracy partnerskiej",
];

/// Sentence parts for event texts: who, what, and a closing clause.
const WHO: &[&str] = &[
    "przedstawiciele Miasta Poznania",
    "delegacja z miasta partnerskiego",
    "uczniowie poznańskich szkół ponadpodstawowych",
    "Zastępca Prezydenta Miasta Poznania",
    "reprezentanci instytucji kultury",
    "poznańscy przedsiębiorcy",
];
const WHAT: &[&str] = &[
    "wzięli udział w międzynarodowych targach turystycznych i zaprezentowali ofertę miasta",
    "uczestniczyli w obchodach Dnia Miasta oraz w spotkaniu z władzami samorządowymi",
    "omówili dalsze kierunki współpracy w dziedzinie kultury, edukacji i gospodarki",
    "spotkali się z przedstawicielami mniejszości polskiej i instytucji miejskich",
    "zwiedzili żłobki, przedszkola i szkoły, wymieniając się doświadczeniami",
    "przygotowali wspólną wystawę fotografii o historii obu miast",
    "wzięli udział w konferencji „Miasta przyszłości – mądrze, zielono, razem”",
];
/// One-line event texts for `--short`.
const SHORT_WHAT: &[&str] = &[
    "wzięli udział w targach turystycznych",
    "uczestniczyli w obchodach Dnia Miasta",
    "omówili dalsze kierunki współpracy",
    "spotkali się z mniejszością polską",
    "przygotowali wspólną wystawę",
];
const CLOSING: &[&str] = &[
    "Spotkanie było okazją do podsumowania dotychczasowych działań i zaplanowania kolejnych.",
    "W programie znalazły się także warsztaty dla młodzieży i koncert galowy.",
    "Goście zapoznali się z funkcjonowaniem poznańskiego transportu publicznego.",
    "Rozmawiano również o przygotowaniach do jubileuszu współpracy.",
    "Uczestnicy wymienili się doświadczeniami w zakresie zrównoważonego rozwoju.",
];
const TITLES: &[&str] = &[
    "Targi Regionów i Produktów Turystycznych Tour Salon w Poznaniu",
    "Dni Kultury Polskiej",
    "Wizyta studyjna delegacji w Poznaniu",
    "Półmaraton i Maraton Poznański",
    "Międzynarodowe Targi Książki",
    "Forum Współpracy Samorządowej",
];
const MONTHS: [u32; 12] = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/// The registry sizes that follow from the partner count.
struct Sizes {
    /// `--short`: one-line events, one agreement per partner with a one- or two-field scope.
    short: bool,
    partners: usize,
    places: usize,
    organisations: usize,
    projects: usize,
    people: usize,
}

impl Sizes {
    fn new(partners: usize, short: bool) -> Sizes {
        Sizes {
            short,
            partners,
            places: (partners / 2).max(4),
            organisations: (partners / 10).clamp(4, 60),
            projects: (partners / 20).clamp(2, 40),
            people: (partners / 5).clamp(5, 200),
        }
    }
}

fn write_data_set(args: &Args) -> std::io::Result<()> {
    let sizes = Sizes::new(args.partners, args.short);
    let mut rng = Rng(0x5EED_0000_0000_0001 ^ (args.partners as u64) << 20 ^ args.events as u64);
    let root = &args.out;
    fs::create_dir_all(root.join("registry"))?;
    fs::create_dir_all(root.join("years"))?;
    write(
        root,
        "report.yaml",
        "city: Poznań\ncity_genitive: Poznania\noffice: Urząd Miasta Poznania\n\
         office_abbreviation: UMP\nreport_title: Raport o stanie Miasta Poznania\n\
         chapter_title: Współpraca międzynarodowa\n",
    )?;
    write(root, "registry/countries.yaml", &countries())?;
    write(root, "registry/partners.yaml", &partners(&sizes, &mut rng))?;
    write(root, "registry/places.yaml", &places(&sizes, &mut rng))?;
    write(root, "registry/organisations.yaml", &organisations(&sizes))?;
    write(root, "registry/projects.yaml", &projects(&sizes, &mut rng))?;
    write(root, "registry/people.yaml", &people(&sizes, &mut rng))?;
    write(
        root,
        &format!("years/{YEAR}.yaml"),
        &year(&sizes, args.events, &mut rng),
    )
}

fn write(root: &Path, rel: &str, text: &str) -> std::io::Result<()> {
    fs::write(root.join(rel), text)
}

/// A place name from 2–4 syllables, with a number suffix so that names stay unique.
fn place_name(rng: &mut Rng, n: usize) -> String {
    let mut name = String::new();
    for _ in 0..2 + rng.below(3) {
        name.push_str(rng.pick(SYLLABLES));
    }
    let mut chars = name.chars();
    let first: String = chars
        .next()
        .map(|c| c.to_uppercase().collect())
        .unwrap_or_default();
    format!("{first}{} {}", chars.as_str().to_lowercase(), n + 1)
}

fn scope(rng: &mut Rng, short: bool) -> String {
    let n = if short {
        1 + rng.below(2)
    } else {
        3 + rng.below(6)
    };
    let mut parts: Vec<&str> = Vec::new();
    while parts.len() < n {
        let s = rng.pick(SCOPES);
        if !parts.contains(&s) {
            parts.push(s);
        }
    }
    let joined = parts.join(", ");
    let mut c = joined.chars();
    c.next()
        .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
        .unwrap_or_default()
}

fn countries() -> String {
    let mut out = String::new();
    for (id, name, genitive) in COUNTRIES {
        let _ = writeln!(
            out,
            "- id: {id}\n  name: {name}\n  official_genitive: {genitive}\n"
        );
    }
    out
}

fn country(rng: &mut Rng) -> &'static str {
    COUNTRIES[rng.below(COUNTRIES.len())].0
}

fn partners(s: &Sizes, rng: &mut Rng) -> String {
    let mut out = String::new();
    for i in 0..s.partners {
        let kind = if i % 50 == 7 { "county" } else { "city" };
        let _ = writeln!(
            out,
            "- id: p{i:04}\n  name: {}\n  kind: {kind}\n  country: {}\n  agreements:",
            place_name(rng, i),
            country(rng)
        );
        // Signed no later than 2022, so that every partner is a partner in the report year.
        let mut signed_year = 1966 + rng.below(50) as i32;
        let agreements = if s.short { 1 } else { 1 + rng.below(3) };
        for a in 0..agreements {
            let month = 1 + rng.below(12);
            let day = 1 + rng.below(28);
            let memo = if a == 0 && i % 9 == 4 {
                "      type: memorandum\n"
            } else {
                ""
            };
            let _ = writeln!(
                out,
                "    - document: {}\n{memo}      signed: {signed_year}-{month:02}-{day:02}\n      scope: {}",
                rng.pick(DOCUMENTS),
                scope(rng, s.short)
            );
            signed_year = (signed_year + 1 + rng.below(6) as i32).min(2022);
        }
        out.push('\n');
    }
    out
}

fn places(s: &Sizes, rng: &mut Rng) -> String {
    let mut out = String::new();
    for i in 0..s.places {
        let _ = writeln!(
            out,
            "- id: m{i:04}\n  name: {}\n  kind: {}\n  country: {}\n",
            place_name(rng, s.partners + i),
            if i % 10 == 3 { "region" } else { "city" },
            country(rng)
        );
    }
    out
}

fn organisations(s: &Sizes) -> String {
    let mut out = String::new();
    for i in 0..s.organisations {
        let list = if i % 3 == 2 {
            "national"
        } else {
            "international"
        };
        let _ = writeln!(
            out,
            "- id: o{i:03}\n  names:\n    - name: Stowarzyszenie Miast Współpracujących nr {}\n      short: SMW{}\n  memberships:\n    - list: {list}\n      since: {}\n",
            i + 1,
            i + 1,
            1990 + i % 30
        );
    }
    out
}

fn projects(s: &Sizes, rng: &mut Rng) -> String {
    let mut out = String::new();
    for i in 0..s.projects {
        let _ = writeln!(
            out,
            "- id: pr{i:03}\n  name: Projekt Miejski {n}\n  title: \"[en]Urban Futures {n}: Cities Together[/en]\"\n  programme: URBACT IV\n  lead: {}\n  partners:",
            i % 2 == 0,
            n = i + 1
        );
        for _ in 0..3 + rng.below(5) {
            let _ = writeln!(out, "    - place: m{:04}", rng.below(s.places));
        }
        let _ = writeln!(
            out,
            "    - name: Agencja Rozwoju Gospodarczego\n      country: {}\n",
            country(rng)
        );
    }
    out
}

fn people(s: &Sizes, rng: &mut Rng) -> String {
    const FIRST: &[(&str, &str, &str)] = &[
        ("Ole", "Ole", "m"),
        ("Jakub", "Jakubem", "m"),
        ("Daphne", "Daphne", "f"),
        ("Łucja", "Łucją", "f"),
        ("Mátyás", "Mátyásem", "m"),
        ("Søren", "Sørenem", "m"),
    ];
    const LAST: &[(&str, &str)] = &[
        ("Toft", "Toftem"),
        ("Dürr", "Dürrem"),
        ("Kovács", "Kovácsem"),
        ("Nowak", "Nowakiem"),
        ("Żeleński", "Żeleńskim"),
    ];
    let mut out = String::new();
    for i in 0..s.people {
        let (first, first_ins, gender) = FIRST[rng.below(FIRST.len())];
        let (last, last_ins) = LAST[rng.below(LAST.len())];
        let _ = writeln!(
            out,
            "- id: d{i:03}\n  name: {first} {last}\n  name_instrumental: {first_ins} {last_ins}\n  gender: {gender}\n  function: {}\n  country: {}\n",
            if i % 3 == 0 { "consul_general" } else { "ambassador" },
            country(rng)
        );
    }
    out
}

/// A date in the report year: mostly days, some ranges, months and the bare year.
fn date(rng: &mut Rng) -> String {
    let m = 1 + rng.below(12);
    let d = 1 + rng.below(MONTHS[m - 1] as usize - 3);
    match rng.below(10) {
        0 => format!("{YEAR}"),
        1 => format!("{YEAR}-{m:02}"),
        2 => format!("{YEAR}-{m:02}-{d:02}/{YEAR}-{m:02}-{:02}", d + 2),
        _ => format!("{YEAR}-{m:02}-{d:02}"),
    }
}

fn event_text(rng: &mut Rng, partner: Option<usize>, short: bool) -> String {
    if short {
        return format!("{} {}.", rng.pick(WHO), rng.pick(SHORT_WHAT));
    }
    let mut text = format!("{} {}.", rng.pick(WHO), rng.pick(WHAT));
    for _ in 0..rng.below(3) {
        text.push(' ');
        text.push_str(rng.pick(CLOSING));
    }
    if let Some(p) = partner.filter(|_| rng.below(8) == 0) {
        let _ = write!(
            text,
            " Podkreślono znaczenie ponad {{dekady:p{p:04}}}-letniej współpracy."
        );
    }
    if rng.below(6) == 0 {
        text.push_str(" Projekt nosi nazwę [en]Future Mentors[/en].");
    }
    text
}

/// The year file: every section kind, M events over them, meetings and figures.
fn year(s: &Sizes, events: usize, rng: &mut Rng) -> String {
    let mut out = format!("year: {YEAR}\n\nsections:\n");
    out.push_str(
        "  - kind: memberships\n    heading: Członkostwo w organizacjach międzynarodowych\n    list: international\n    style: list\n\
         \n  - kind: memberships\n    id: krajowe\n    heading: Członkostwo w organizacjach krajowych\n    list: national\n    style: by_entity\n\
         \n  - kind: diplomatic\n    heading: Spotkania dyplomatyczne\n    style: list\n\
         \n  - kind: contacts\n    heading: Współpraca z partnerami zagranicznymi\n    style: list\n    intro: \"W ramach współpracy z partnerami zagranicznymi:\"\n\
         \n  - kind: partners\n    heading: Współpraca z miastami partnerskimi\n    summary: sentence\n    style: by_entity\n\
         \n  - kind: projects\n    heading: Projekty międzynarodowe\n    style: by_entity\n    title_headings: true\n\
         \n  - id: podsumowanie\n    kind: text\n    heading: Podsumowanie\n    style: paragraphs\n    intro: >-\n      Współpraca międzynarodowa Miasta Poznania obejmowała w tym roku wiele wydarzeń, spotkań i projektów.\n\
         \n  - kind: agreement_table\n    heading: Miasta partnerskie Poznania\n",
    );
    out.push_str("\nevents:\n");
    let mut figures = Vec::new();
    let orgs_international: Vec<usize> = (0..s.organisations).filter(|i| i % 3 != 2).collect();
    let orgs_national: Vec<usize> = (0..s.organisations).filter(|i| i % 3 == 2).collect();
    for i in 0..events {
        let date = date(rng);
        // 50 % partners, 20 % contacts, 15 % memberships, 10 % projects, 5 % summary text.
        let roll = rng.below(20);
        let (about, section, title, partner) = match roll {
            0..=9 => {
                // Memorandum-only places (i % 9 == 4 with one agreement) are not partners;
                // they get a `section: contacts`.
                let p = rng.below(s.partners);
                let title = (rng.below(3) == 0).then(|| rng.pick(TITLES));
                (format!("p{p:04}"), None, title, Some(p))
            }
            10..=13 => (format!("m{:04}", rng.below(s.places)), None, None, None),
            14..=16 => {
                let national = roll == 16 && !orgs_national.is_empty();
                let list = if national {
                    &orgs_national
                } else {
                    &orgs_international
                };
                let o = list[rng.below(list.len())];
                let section = national.then_some("krajowe");
                (format!("o{o:03}"), section, None, None)
            }
            17..=18 => (
                format!("pr{:03}", rng.below(s.projects)),
                None,
                Some(rng.pick(TITLES)),
                None,
            ),
            _ => (
                format!("m{:04}", rng.below(s.places)),
                Some("podsumowanie"),
                None,
                None,
            ),
        };
        let _ = write!(out, "  - date: {date}\n    about: [{about}]\n");
        if let Some(sec) = section {
            let _ = writeln!(out, "    section: {sec}");
        } else if partner.is_some_and(|p| p % 9 == 4) {
            out.push_str("    section: contacts\n");
        }
        if let Some(t) = title {
            let _ = writeln!(out, "    title: {t}");
        }
        let text = event_text(rng, partner.filter(|p| p % 9 != 4), s.short);
        let _ = writeln!(out, "    text: >-\n      {text}");
        if i % 25 == 0 {
            let id = format!("f{i:05}");
            let _ = writeln!(out, "    figures: [{id}]");
            figures.push(id);
        }
    }
    out.push_str("\ndiplomatic:\n  meetings:\n");
    for i in 0..(events / 20).max(2) {
        let m = 1 + rng.below(12);
        let d = 1 + rng.below(28);
        if i % 7 == 0 {
            let _ = writeln!(
                out,
                "    - date: {YEAR}-{m:02}-{d:02}\n      body: Korpusem Konsulów Honorowych\n      topics: podziękowano konsulom za ich działalność i przedstawiono priorytety na nadchodzący rok"
            );
        } else {
            let _ = writeln!(
                out,
                "    - date: {YEAR}-{m:02}-{d:02}\n      people: [d{:03}]\n      topics: rozmawiano o współpracy gospodarczej, kulturalnej i naukowej oraz o sytuacji mniejszości",
                rng.below(s.people)
            );
        }
    }
    out.push_str("\nfigures:\n");
    for id in figures {
        let _ = writeln!(
            out,
            "  - id: {id}\n    caption: Uczestnicy spotkania przed Ratuszem w Poznaniu\n    credit: \"Źródło: UMP\""
        );
    }
    out
}
