//! Misspelled names: the registry's recorded misspellings (`aliases:`) found in a text, and
//! capitalised words that are one or two letters away from a registry name.
//!
//! Polish declines names, so a word that differs from a registry name only in its last letters
//! („Hanoweru”, „Kijowa”, „Brnie”) is an inflected form, never a typo. A typo differs earlier
//! („Changown”, „Nottighamshire”, „Bambargu”) or drops diacritics („Gyor”, „Pecs”).

use crate::tr;
use std::collections::BTreeSet;

use unicode_normalization::UnicodeNormalization;

use super::Finding;
use crate::data::load::RawData;

/// Case endings a declined name may have after its stem: „Talinnie” is „Talinn” + „ie”.
const CASE_ENDINGS: [&str; 20] = [
    "a", "u", "e", "y", "i", "ą", "ę", "ie", "em", "om", "ach", "ami", "ów", "owi", "iem", "ii",
    "ią", "ze", "zie", "o",
];

/// Endings a declined name may add to a recorded misspelling of a person's name
/// („Jakub Durr” → „Jakubem Durrem”).
const ENDINGS: [&str; 10] = ["em", "a", "u", "owi", "ie", "y", "ą", "ę", "iem", "e"];

/// One recorded misspelling.
#[derive(Debug, Clone)]
pub struct Alias {
    /// The wrong spelling.
    pub wrong: String,
    /// How the registry spells it.
    pub right: String,
    /// Extra advice (a country's official name).
    pub note: Option<String>,
    /// A person's name: declined forms are matched too.
    pub declined: bool,
    /// What kind of name it is, for the message.
    pub what: &'static str,
}

/// What the name checks know: misspellings, the words of registry names, and ordinary words.
#[derive(Debug, Default)]
pub struct Names {
    aliases: Vec<Alias>,
    /// Capitalised words of registry names (`Győr`, `Nottinghamshire`, `EUROCITIES`).
    words: BTreeSet<String>,
    /// Words written lowercase somewhere in the data: ordinary words, even when capitalised.
    ordinary: BTreeSet<String>,
}

impl Names {
    /// Collects names and aliases from the registry, and ordinary words from `texts`.
    pub fn new<'a>(data: &RawData, texts: impl Iterator<Item = &'a str>) -> Names {
        let mut n = Names::default();
        let mut alias =
            |wrong: &str, right: &str, note: Option<String>, declined: bool, country: bool| {
                n.aliases.push(Alias {
                    wrong: wrong.to_string(),
                    right: right.to_string(),
                    note: note.clone(),
                    declined,
                    // Country aliases are non-standard names rather than typos.
                    what: if country && note.is_some() {
                        "country"
                    } else {
                        "misspelled"
                    },
                })
            };
        for c in &data.countries {
            let c = &c.value;
            let note = c.official.as_ref().map(|o| {
                let gen = c.official_genitive.as_deref().unwrap_or(o);
                tr!("lint-officially", official = o.as_str(), genitive = gen)
            });
            for a in &c.aliases {
                alias(a, &c.name, note.clone(), false, true);
            }
        }
        for p in &data.places {
            for a in &p.value.aliases {
                alias(a, &p.value.name, None, false, false);
            }
        }
        for o in &data.organisations {
            let name = o.value.names.last().map_or("", |n| n.name.as_str());
            for a in &o.value.aliases {
                alias(a, name, None, false, false);
            }
        }
        for p in &data.people {
            let note = Some(tr!(
                "lint-declined",
                form = p.value.name_instrumental.as_str()
            ));
            for a in &p.value.aliases {
                alias(a, &p.value.name, note.clone(), true, false);
            }
        }
        // The city's own name is left out: staff do not misspell it, and Poznań is full of
        // names that are one letter from it (Posnania, a publisher and a shopping centre).
        let mut names: Vec<&str> = Vec::new();
        for c in &data.countries {
            let v = &c.value;
            names.push(&v.name);
            names.extend(
                [&v.official, &v.official_genitive]
                    .into_iter()
                    .flatten()
                    .map(String::as_str),
            );
        }
        for p in &data.places {
            let v = &p.value;
            names.push(&v.name);
            names.extend(
                [&v.full_name, &v.native_name]
                    .into_iter()
                    .flatten()
                    .map(String::as_str),
            );
        }
        for o in &data.organisations {
            for name in &o.value.names {
                names.push(&name.name);
                names.extend(
                    [&name.short, &name.polish]
                        .into_iter()
                        .flatten()
                        .map(String::as_str),
                );
            }
        }
        for p in &data.projects {
            names.push(&p.value.name);
        }
        for p in &data.people {
            names.extend([p.value.name.as_str(), &p.value.name_instrumental]);
        }
        for name in names {
            for (w, _) in words(name) {
                if w.chars().next().is_some_and(char::is_uppercase) {
                    n.words.insert(w);
                }
            }
        }
        for text in texts {
            for (w, _) in words(text) {
                if w.chars().next().is_some_and(char::is_lowercase) {
                    n.ordinary.insert(w);
                }
            }
        }
        n
    }

    /// Recorded misspellings in `text`.
    pub fn aliases(&self, text: &str) -> Vec<Finding> {
        let chars: Vec<char> = text.chars().map(straight_to_curly).collect();
        let mut out = Vec::new();
        for a in &self.aliases {
            let wrong: Vec<char> = a.wrong.chars().map(straight_to_curly).collect();
            let mut variants = vec![wrong.clone()];
            // Alt texts were published lowercase („tagi gyor”): a one-word name is matched in
            // lowercase too. Ordinary words are never recorded as misspellings, so this is safe.
            if !a.wrong.contains(' ') {
                variants.push(
                    a.wrong
                        .to_lowercase()
                        .chars()
                        .map(straight_to_curly)
                        .collect(),
                );
            }
            for v in &variants {
                for i in 0..chars.len() {
                    if let Some(len) = match_at(&chars, i, v, a.declined) {
                        let found: String = text.chars().skip(i).take(len).collect();
                        let mut help = tr!("lint-write", right = a.right.as_str());
                        if let Some(note) = &a.note {
                            help.push_str(&format!("; {note}"));
                        }
                        out.push(Finding::new(
                            i,
                            len,
                            tr!("lint-alias", what = a.what, found = found),
                            help,
                        ));
                    }
                }
            }
        }
        out
    }

    /// Capitalised words close to a registry name but not one of its forms.
    pub fn near_misses(&self, text: &str) -> Vec<Finding> {
        let mut out = Vec::new();
        for (w, start) in words(text) {
            let first_upper = w.chars().next().is_some_and(char::is_uppercase);
            if !first_upper || self.words.iter().any(|n| is_form_of(&w, n)) {
                continue;
            }
            // A name without its diacritics („Gyor”) is never an ordinary word, even if it was
            // also typed in lowercase somewhere; other near misses may be.
            let hit = match self.words.iter().find(|n| dropped_diacritic(&w, n)) {
                Some(n) => Some(n),
                None if self.ordinary.contains(&w.to_lowercase()) => None,
                None => self.words.iter().find(|n| near_miss(&w, n)),
            };
            if let Some(n) = hit {
                out.push(Finding::new(
                    start,
                    w.chars().count(),
                    tr!("lint-near-miss", word = w.as_str(), name = n.as_str()),
                    tr!("lint-near-miss-help", name = n.as_str()),
                ));
            }
        }
        out
    }
}

/// Whether `pattern` occurs at `i` in `chars` as whole words; its length in `chars`.
fn match_at(chars: &[char], i: usize, pattern: &[char], declined: bool) -> Option<usize> {
    let boundary = |c: Option<&char>| c.is_none_or(|c| !c.is_alphanumeric());
    if i > 0 && !boundary(chars.get(i - 1)) {
        return None;
    }
    let (mut ci, mut pi) = (i, 0);
    while pi < pattern.len() {
        if chars.get(ci) != Some(&pattern[pi]) {
            return None;
        }
        ci += 1;
        pi += 1;
        let word_ends = pattern.get(pi).is_none_or(|c| !c.is_alphanumeric());
        if declined && word_ends {
            // Take the longest ending that ends a word here.
            let ending = ENDINGS
                .iter()
                .filter(|e| {
                    let e: Vec<char> = e.chars().collect();
                    chars.get(ci..ci + e.len()) == Some(&e[..]) && boundary(chars.get(ci + e.len()))
                })
                .map(|e| e.chars().count())
                .max();
            ci += ending.unwrap_or(0);
        }
    }
    boundary(chars.get(ci)).then_some(ci - i)
}

fn straight_to_curly(c: char) -> char {
    if c == '\'' {
        '’'
    } else {
        c
    }
}

/// Words of `text` (letters, digits and apostrophes inside a word) with their character start.
pub fn words(text: &str) -> Vec<(String, usize)> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_alphanumeric() {
            let start = i;
            while i < chars.len()
                && (chars[i].is_alphanumeric()
                    || (matches!(chars[i], '’' | '\'')
                        && chars.get(i + 1).is_some_and(|c| c.is_alphanumeric())))
            {
                i += 1;
            }
            out.push((chars[start..i].iter().collect(), start));
        } else {
            i += 1;
        }
    }
    out
}

/// Whether `word` is `name` or a declined form of it: only its last two letters may change.
fn is_form_of(word: &str, name: &str) -> bool {
    let (w, n): (Vec<char>, Vec<char>) = (word.chars().collect(), name.chars().collect());
    let common = w.iter().zip(&n).take_while(|(a, b)| a == b).count();
    w == n || (common >= n.len().saturating_sub(2).max(3) && w.len() <= n.len() + 4)
}

/// Letters without diacritics: `Győr` → `Gyor`, `Łódź` → `Lodz`.
fn fold(s: &str) -> String {
    s.nfd()
        .filter(|c| !('\u{300}'..='\u{36f}').contains(c))
        .map(|c| match c {
            'ł' => 'l',
            'Ł' => 'L',
            _ => c,
        })
        .collect()
}

/// Whether `word` is `name` with some of its diacritics left out („Gyor”, „Pecs”), not added
/// („Polską” is a form of „Polska”, not a misspelling).
fn dropped_diacritic(word: &str, name: &str) -> bool {
    let (w, n): (Vec<char>, Vec<char>) = (word.chars().collect(), name.chars().collect());
    w.len() == n.len()
        && w.iter()
            .zip(&n)
            .any(|(a, b)| a != b && fold(&b.to_string()) == a.to_string())
        && fold(word) == fold(name)
}

/// Whether `word` is a misspelling of `name`: the same letters without some of its diacritics,
/// or (for names of 5 letters or more) one edit away, two for names of 8 or more, allowing
/// for a declension ending of up to 3 letters.
fn near_miss(word: &str, name: &str) -> bool {
    let (w, n): (Vec<char>, Vec<char>) = (word.chars().collect(), name.chars().collect());
    if dropped_diacritic(word, name) {
        return true;
    }
    if n.len() < 5 || w.len() < 5 {
        return false;
    }
    let limit = if n.len() >= 8 { 2 } else { 1 };
    let stems = std::iter::once(word).chain(
        CASE_ENDINGS
            .iter()
            .filter_map(|e| word.strip_suffix(e))
            .filter(|stem| stem.chars().count() + 1 >= n.len()),
    );
    stems
        .map(|stem| strsim::damerau_levenshtein(stem, name))
        .min()
        .is_some_and(|d| d <= limit)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn declined_forms_are_not_typos() {
        for (w, n) in [
            ("Hanoweru", "Hanower"),
            ("Kijowa", "Kijów"),
            ("Brnie", "Brno"),
        ] {
            assert!(is_form_of(w, n), "{w} is a form of {n}");
        }
        for (w, n) in [
            ("Changown", "Changwon"),
            ("Bambargu", "Bamberg"),
            ("Gyor", "Győr"),
        ] {
            assert!(!is_form_of(w, n), "{w} is not a form of {n}");
        }
    }

    #[test]
    fn typos_are_near_misses() {
        for (w, n) in [
            ("Changown", "Changwon"),
            ("Nottighamshire", "Nottinghamshire"),
            ("Bambargu", "Bamberg"),
            ("Talinnie", "Tallinn"),
            ("Gyor", "Győr"),
            ("Pecs", "Pécs"),
            ("EUROCITES", "EUROCITIES"),
        ] {
            assert!(near_miss(w, n), "{w} is a near miss of {n}");
        }
        assert!(is_form_of("Polską", "Polska"));
        assert!(!near_miss("Hamburg", "Bamberg"));
        assert!(!near_miss("Miskolc", "Mińsk"));
        assert!(!near_miss("Dniach", "Dania"));
    }

    #[test]
    fn aliases_match_whole_words_and_declined_names() {
        let p: Vec<char> = "Jakub Durr".chars().collect();
        let t: Vec<char> = "z Jakubem Durrem.".chars().collect();
        assert_eq!(match_at(&t, 2, &p, true), Some(14));
        let p: Vec<char> = "Gyor".chars().collect();
        let t: Vec<char> = "Gyorx".chars().collect();
        assert_eq!(match_at(&t, 0, &p, false), None);
    }
}
