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
    /// Places with a local name unlike their Polish one: (local name, Polish name).
    native: Vec<(String, String)>,
    /// Capitalised words of the texts: the declined forms of names the data already uses
    /// („Hanoweru”, „Hanowerze”), from which a suggestion takes the form a sentence needs.
    seen: BTreeSet<String>,
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
        for p in &data.places {
            let v = &p.value;
            if let Some(native) = v.native_name.as_ref().filter(|n| **n != v.name) {
                // One-word local names only: „Città metropolitana di Bologna” is a title.
                if !native.contains(' ') {
                    n.native.push((native.clone(), v.name.clone()));
                }
            }
        }
        for text in texts {
            for (w, _) in words(text) {
                if w.chars().next().is_some_and(char::is_lowercase) {
                    n.ordinary.insert(w);
                } else {
                    n.seen.insert(w);
                }
            }
        }
        n
    }

    /// The Polish name of the place whose local name is `name`, if it has another.
    fn polish_of(&self, name: &str) -> Option<&str> {
        self.native
            .iter()
            .find(|(native, _)| native == name)
            .map(|(_, polish)| polish.as_str())
    }

    /// The forms of `name` a sentence may need after `before` (the word before it, lower
    /// case): those the data already uses with the case's ending (none when it uses none:
    /// a guessed ending would often be wrong, „Hanowerie” for „Hanowerze”); the name itself
    /// where no preposition asks for a case.
    fn form_after(&self, name: &str, before: Option<&str>) -> Vec<String> {
        const GENITIVE: [&str; 5] = ["a", "u", "y", "i", "ii"];
        const LOCATIVE: [&str; 5] = ["ie", "e", "ze", "zie", "ii"];
        const INSTRUMENTAL: [&str; 4] = ["em", "iem", "ą", "ią"];
        let cases: Vec<&[&str]> = match before.unwrap_or("") {
            "z" | "ze" => vec![&GENITIVE, &INSTRUMENTAL],
            "do" | "od" | "dla" | "u" | "koło" | "obok" | "spod" | "wokół" | "bez" | "według"
            | "wśród" | "miasta" => vec![&GENITIVE],
            "w" | "we" | "o" | "przy" | "na" | "po" => vec![&LOCATIVE],
            "nad" | "pod" | "przed" | "za" | "między" | "oraz" => vec![&INSTRUMENTAL],
            _ => return vec![name.to_string()],
        };
        let mut out = Vec::new();
        for endings in cases {
            let found = self.seen.iter().find(|w| {
                *w != name && is_form_of(w, name) && endings.iter().any(|e| decline(name, e) == **w)
            });
            if let Some(w) = found {
                out.push(w.clone());
            }
        }
        out
    }

    /// Whether `word` is a registry name or a declined form of one („Brnie”, „EUROCITIES”).
    pub fn is_name(&self, word: &str) -> bool {
        self.words.iter().any(|n| is_form_of(word, n))
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

    /// Capitalised words close to a registry name but not one of its forms, and local names
    /// of places that have a Polish one („Hannover” for „Hanower”). The suggestion is the
    /// Polish name in the form the word had, or that the word before it asks for.
    pub fn near_misses(&self, text: &str) -> Vec<Finding> {
        let mut out = Vec::new();
        let chars: Vec<char> = text.chars().collect();
        let foreign = super::typography::foreign_spans(&chars);
        let all = words(text);
        for (i, (w, start)) in all.iter().enumerate() {
            let (w, start) = (w.clone(), *start);
            let first_upper = w.chars().next().is_some_and(char::is_uppercase);
            if !first_upper {
                continue;
            }
            let before = i
                .checked_sub(1)
                .map(|j| all[j].0.to_lowercase())
                .filter(|_| i > 0);
            if let Some(polish) = self.polish_of(&w) {
                if !foreign.iter().any(|(a, b)| (*a..*b).contains(&start)) {
                    let forms: Vec<String> = self
                        .form_after(polish, before.as_deref())
                        .into_iter()
                        .map(|f| format!("„{f}”"))
                        .collect();
                    let write = if forms.is_empty() {
                        tr!("lint-local-name-declined", polish = polish)
                    } else {
                        tr!(
                            "lint-local-name-forms",
                            forms = forms.join(&tr!("lint-local-name-or")),
                            polish = polish
                        )
                    };
                    out.push(Finding::new(
                        start,
                        w.chars().count(),
                        tr!("lint-local-name", word = w.as_str(), polish = polish),
                        tr!("lint-local-name-help", write = write),
                    ));
                }
                continue;
            }
            if self.words.iter().any(|n| is_form_of(&w, n)) {
                continue;
            }
            // A name without its diacritics („Gyor”) is never an ordinary word, even if it was
            // also typed in lowercase somewhere; other near misses may be.
            // Polish names are preferred to local ones: „Hannoweru” is „Hanoweru”, not
            // „Hannover”.
            let polish_first = |n: &&String| self.polish_of(n).is_some();
            let hit = match self.words.iter().find(|n| dropped_diacritic(&w, n)) {
                Some(n) => Some(n.as_str()),
                None if self.ordinary.contains(&w.to_lowercase()) => None,
                None => {
                    let mut hits: Vec<&String> =
                        self.words.iter().filter(|n| near_miss(&w, n)).collect();
                    hits.sort_by_key(polish_first);
                    hits.first()
                        .map(|n| self.polish_of(n).unwrap_or(n.as_str()))
                }
            };
            if let Some(n) = hit {
                let form = form_of_word(&w, n);
                out.push(Finding::new(
                    start,
                    w.chars().count(),
                    tr!("lint-near-miss", word = w.as_str(), name = n),
                    if form == n {
                        tr!("lint-near-miss-help", name = n)
                    } else {
                        tr!("lint-near-miss-form-help", form = form.as_str(), name = n)
                    },
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

/// `name` declined with `ending`: a final vowel gives way („Praga” + „i” → „Pragi”), „ów”
/// opens to „ow” („Kijów” + „a” → „Kijowa”).
fn decline(name: &str, ending: &str) -> String {
    if ending.is_empty() {
        return name.to_string();
    }
    if let Some(stem) = name.strip_suffix("ów") {
        return format!("{stem}ow{ending}");
    }
    match name.chars().last() {
        Some('a' | 'o' | 'e') => format!("{}{ending}", &name[..name.len() - 1]),
        _ => format!("{name}{ending}"),
    }
}

/// The form of `name` that the misspelt `word` was meant to be: the case ending the word
/// carries beyond the name („Hannoweru” → „Hanoweru”), or the name itself.
fn form_of_word(word: &str, name: &str) -> String {
    let (w, n) = (word.chars().count(), name.chars().count());
    CASE_ENDINGS
        .iter()
        .filter(|e| word.ends_with(*e) && w > n.saturating_sub(1) + e.chars().count() - 1)
        .filter(|e| {
            let stem = &word[..word.len() - e.len()];
            strsim::damerau_levenshtein(stem, name) <= 2
        })
        .max_by_key(|e| e.len())
        .map_or_else(|| name.to_string(), |e| decline(name, e))
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
    fn suggestions_keep_the_case_of_the_misspelt_word() {
        assert_eq!(form_of_word("Hannoweru", "Hanower"), "Hanoweru");
        assert_eq!(form_of_word("Bambargu", "Bamberg"), "Bambergu");
        assert_eq!(form_of_word("Talinnie", "Tallinn"), "Tallinnie");
        assert_eq!(form_of_word("Changown", "Changwon"), "Changwon");
        assert_eq!(decline("Kijów", "a"), "Kijowa");
        assert_eq!(decline("Praga", "i"), "Pragi");
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
