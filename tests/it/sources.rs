//! Faithful to the published chapters: every capitalised word (names of cities, countries,
//! organisations, people, projects) and every number (dates, counts, years) of each published
//! chapter in `../shared/sources/YEAR.txt` is in the chapter generated for that year, unless
//! `tests/fixtures/sources/differences.tsv` says how and why it is printed differently.
//!
//! The comparison ignores letter case (the 2019 source sets its headings in capitals), quote
//! and dash styles, non-breaking spaces and Markdown markup. The Markdown is what the HTML,
//! PDF and other writers are made from; their own tests check that every word of it is in them.
//! It is the draft's (`build --draft`): the published chapter leaves out the figures whose photo
//! is missing (captions and credits with nothing above them), which the draft shows, so every
//! fact is still in the data and in the draft.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use report_gen::{load_data, Templates};

const YEARS: [i32; 5] = [2017, 2018, 2019, 2022, 2023];

/// The published chapters: `../shared/sources` beside the repository.
fn sources_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/sources")
}

/// Text with the typographic variants that do not change a fact made equal.
fn normalise(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_tag = false;
    for c in text.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            _ if in_tag => {}
            '\u{a0}' => out.push(' '),
            '„' | '”' | '“' | '"' | '«' | '»' => out.push('"'),
            '’' | '‘' | '`' => out.push('\''),
            '–' | '—' | '\u{2011}' => out.push('-'),
            '\\' => {}
            _ => out.push(c),
        }
    }
    out
}

/// Words (letters, with inner hyphens or apostrophes) and numbers (`16.09.1966`, `2022`).
fn tokens(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let chars: Vec<char> = text.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        let joins = |c: char| {
            (c == '-' || c == '\'' || c == '.' || c == ',')
                && !cur.is_empty()
                && chars.get(i + 1).is_some_and(|n| {
                    let first = cur.chars().next().unwrap_or(' ');
                    if first.is_ascii_digit() {
                        (c == '.' || c == ',') && n.is_ascii_digit()
                    } else {
                        (c == '-' || c == '\'') && n.is_alphabetic()
                    }
                })
        };
        let same_kind = |c: char| {
            cur.is_empty()
                || (c.is_ascii_digit() == cur.chars().next().is_some_and(|f| f.is_ascii_digit()))
        };
        if (c.is_alphabetic() || c.is_ascii_digit()) && same_kind(c) || joins(c) {
            cur.push(c);
        } else {
            if !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            if c.is_alphabetic() || c.is_ascii_digit() {
                cur.push(c);
            }
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// The facts of a text: its words with a capital letter, and its numbers.
fn facts(text: &str) -> BTreeSet<String> {
    tokens(text)
        .into_iter()
        .filter(|w| w.chars().any(|c| c.is_uppercase() || c.is_ascii_digit()))
        .collect()
}

/// year → published word → printed word, from differences.tsv.
fn differences() -> BTreeMap<i32, BTreeMap<String, String>> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/sources/differences.tsv");
    let text = std::fs::read_to_string(&path).expect("differences.tsv");
    let mut out: BTreeMap<i32, BTreeMap<String, String>> = BTreeMap::new();
    for line in text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        let cols: Vec<&str> = line.split('\t').collect();
        assert_eq!(
            cols.len(),
            4,
            "differences.tsv: year, published, printed, why: {line:?}"
        );
        let year: i32 = cols[0].parse().expect("a year");
        out.entry(year)
            .or_default()
            .insert(normalise(cols[1]), normalise(cols[2]));
    }
    out
}

#[test]
fn every_name_and_number_of_the_published_chapters_is_in_the_generated_ones() {
    let dir = sources_dir();
    assert!(
        dir.join("2018.txt").is_file(),
        "the published chapters are not at {} (shared/sources beside the repository)",
        dir.display()
    );
    let loaded = load_data(&Path::new(env!("CARGO_MANIFEST_DIR")).join("data"));
    let set = loaded.set.expect("the shipped data loads");
    let templates = Templates::new(None).expect("built-in templates");
    let differences = differences();
    let mut problems = Vec::new();
    let mut checked = 0;
    for year in YEARS {
        let published = std::fs::read_to_string(dir.join(format!("{year}.txt")))
            .unwrap_or_else(|e| panic!("{year}.txt: {e}"));
        let published = normalise(&published);
        let chapter = report_gen::chapter::render_with(&set, year, &templates, true)
            .expect("the chapter renders");
        let printed: BTreeSet<String> = tokens(&normalise(&chapter.markdown))
            .into_iter()
            .map(|w| w.to_lowercase())
            .collect();
        let known = differences.get(&year).cloned().unwrap_or_default();
        let facts = facts(&published);
        checked += facts.len();
        for fact in &facts {
            let here = printed.contains(&fact.to_lowercase());
            match known.get(fact) {
                None if !here => problems.push(format!(
                    "{year}: „{fact}” is in the published chapter but not in the generated one"
                )),
                Some(_) if here => problems.push(format!(
                    "{year}: „{fact}” is printed now; remove its line from differences.tsv"
                )),
                Some(instead) if !printed.contains(&instead.to_lowercase()) => {
                    problems.push(format!(
                        "{year}: „{fact}” is said to be printed as „{instead}”, which is not in the generated chapter either"
                    ))
                }
                _ => {}
            }
        }
        for word in known.keys().filter(|w| !facts.contains(*w)) {
            problems.push(format!(
                "{year}: differences.tsv lists „{word}”, which is not in the published chapter"
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    assert!(checked > 800, "only {checked} facts were compared");
}

/// The items of a published chapter in their order, each by its first three words: its list
/// items (`•`, `◦`) and its headings of the form „Brno (Czechy)”.
fn published_items(text: &str) -> Vec<String> {
    text.lines()
        .filter_map(|line| {
            let line = line.trim();
            let item = line
                .strip_prefix('•')
                .or_else(|| line.strip_prefix('◦'))
                .or_else(|| {
                    let heading = line.ends_with(')')
                        && line.contains(" (")
                        && line.chars().count() < 45
                        && line.chars().next().is_some_and(char::is_alphabetic);
                    heading.then_some(line)
                })?;
            let words = tokens(&normalise(item));
            (words.len() >= 2).then(|| words[..words.len().min(3)].join(" ").to_lowercase())
        })
        .collect()
}

/// Lists and subsections come out in the order the published chapter has them (EUROCITIES
/// first in 2023, Związek Miast Polskich first in 2017, Kijów before Bilbao in 2018): each
/// published item is looked for after the one before it; an item that is printed, but only
/// before that place, is out of order. (Items printed under another name are not counted.)
#[test]
fn lists_come_out_in_the_order_of_the_published_chapters() {
    let dir = sources_dir();
    let loaded = load_data(&Path::new(env!("CARGO_MANIFEST_DIR")).join("data"));
    let set = loaded.set.expect("the shipped data loads");
    let templates = Templates::new(None).expect("built-in templates");
    let mut problems = Vec::new();
    let mut in_order = 0;
    for year in YEARS {
        let published = std::fs::read_to_string(dir.join(format!("{year}.txt")))
            .unwrap_or_else(|e| panic!("{year}.txt: {e}"));
        let chapter = report_gen::chapter::render_with(&set, year, &templates, true)
            .expect("the chapter renders");
        let printed = tokens(&normalise(&chapter.markdown))
            .join(" ")
            .to_lowercase();
        let mut at = 0;
        for item in published_items(&published) {
            match printed[at..].find(&item) {
                Some(i) => {
                    at += i + item.len();
                    in_order += 1;
                }
                None if printed.contains(&item) => problems.push(format!(
                    "{year}: „{item}…” is printed before the item the published chapter has before it"
                )),
                None => {}
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    assert!(in_order > 100, "only {in_order} items were found in order");
}

#[test]
fn the_fact_tokens_are_names_and_numbers() {
    let t = tokens(&normalise(
        "Brno, 16.09.1966 r.: Ille-et-Vilaine, Ra’anana i 14 miast; „EUROCITIES”",
    ));
    assert_eq!(
        t,
        [
            "Brno",
            "16.09.1966",
            "r",
            "Ille-et-Vilaine",
            "Ra'anana",
            "i",
            "14",
            "miast",
            "EUROCITIES"
        ]
    );
    assert_eq!(
        facts("Brno, 16.09.1966 r. i 14 miast")
            .into_iter()
            .collect::<Vec<_>>(),
        ["14", "16.09.1966", "Brno"]
    );
}
