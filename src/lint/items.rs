//! Texts printed as items of a list („4 kwietnia – spotkanie …;”): they continue the sentence
//! after the date and end with „;”, so they start in lower case and hold one sentence.
//!
//! A final full stop is not reported: the chapter drops it before „;” itself
//! (`polish::end_item`). A capital letter cannot be mended without knowing whether the word is
//! a name, so it is reported with the lower-case word to write.

use super::names::{words, Names};
use super::Finding;
use crate::tr;

/// Titles that official Polish writing capitalises out of courtesy („Ambasador przebywał …”),
/// and „Miasto” for the city as a body: a capital is right for them (declined forms too).
const COURTESY: [&str; 12] = [
    "Prezydent",
    "Zastępca",
    "Ambasador",
    "Konsul",
    "Burmistrz",
    "Nadburmistrz",
    "Marszałek",
    "Wojewoda",
    "Starosta",
    "Miasto",
    "Pan",
    "Pani",
];

/// The findings of `text`, an item of a list. `city` is the city's name and genitive, which
/// may start an item („Poznań odwiedziła …”).
pub fn check(text: &str, names: &Names, city: Option<&(String, String)>) -> Vec<Finding> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let is_name = |w: &str| {
        names.is_name(w)
            || COURTESY.iter().any(|t| w.starts_with(t))
            || city.is_some_and(|(c, g)| w.starts_with(c.as_str()) || w.starts_with(g.as_str()))
    };
    let all = words(text);
    for (i, (word, start)) in all.iter().enumerate() {
        let (word, start) = (word.as_str(), *start);
        // A name of several capitalised words („Festiwal Miejski URBACT”), or words inside
        // quotation marks (a title), are left as written.
        let next_capitalised = all
            .get(i + 1)
            .is_some_and(|(w, _)| w.chars().next().is_some_and(char::is_uppercase));
        if !capitalised(word) || is_name(word) || next_capitalised || quoted(&chars, start) {
            continue;
        }
        let lower = lower_first(word);
        let len = word.chars().count();
        let before: String = chars[..start].iter().collect();
        let before = before.trim_end();
        if i == 0 && before.chars().all(|c| !c.is_alphanumeric()) {
            out.push(Finding::new(
                start,
                len,
                tr!("lint-item-capital-start", word = word),
                tr!("lint-item-capital-start-help", lower = lower),
            ));
        } else if before.ends_with(';') {
            out.push(Finding::new(
                start,
                len,
                tr!("lint-item-capital-after-semicolon", word = word),
                tr!("lint-item-capital-after-semicolon-help", lower = lower),
            ));
        } else if before.ends_with('.') && !before.ends_with("..") && !abbreviation(before) {
            out.push(Finding::new(
                start,
                len,
                tr!("lint-item-new-sentence", word = word),
                tr!("lint-item-new-sentence-help", lower = lower),
            ));
        }
    }
    out
}

/// Whether the character at `at` is inside „…” or "…".
fn quoted(chars: &[char], at: usize) -> bool {
    let opening = chars[..at].iter().filter(|c| **c == '„').count();
    let closing = chars[..at].iter().filter(|c| **c == '”').count();
    let straight = chars[..at].iter().filter(|c| **c == '"').count();
    opening > closing || straight % 2 == 1
}

/// A word that starts with a capital and goes on in lower case („Omówiono”; not „EUROCITIES”).
fn capitalised(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_uppercase)
        && chars.clone().next().is_some()
        && chars.all(|c| !c.is_uppercase())
}

fn lower_first(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|c| c.to_lowercase().chain(chars).collect())
        .unwrap_or_default()
}

/// Whether the full stop that ends `before` closes an abbreviation or a number („r.”, „ul.”,
/// „2.”, an initial „J.”) rather than a sentence.
fn abbreviation(before: &str) -> bool {
    let word = before[..before.len() - 1]
        .rsplit(|c: char| c.is_whitespace() || c == '(')
        .next()
        .unwrap_or("");
    word.chars().count() <= 1
        || word.contains('.')
        || word.chars().all(|c| c.is_ascii_digit())
        || [
            "r", "ul", "al", "pl", "m.in", "tzw", "tj", "np", "ok", "godz", "św", "prof", "dr",
            "im", "nr", "pn",
        ]
        .contains(&word.to_lowercase().as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<String> {
        check(text, &Names::default(), None)
            .into_iter()
            .map(|f| f.message)
            .collect()
    }

    #[test]
    fn capitals_that_break_the_list_are_found() {
        assert_eq!(
            found("Omówiono współpracę"),
            ["a list item starts with a capital letter: „Omówiono”"]
        );
        assert_eq!(
            found("spotkanie w Brukseli; Omówiono plany"),
            ["a capital letter after „;” in a list item: „Omówiono”"]
        );
        assert_eq!(
            found("spotkanie w 2022 r. Omówiono plany. Podpisano list"),
            ["a new sentence inside a list item: „. Podpisano”"]
        );
        assert!(found("spotkanie, m.in. Omówiono").is_empty());
        assert!(found("EUROCITIES zorganizowało forum").is_empty());
        assert!(found("Festiwal Miejski URBACT 2022").is_empty());
        assert!(found("wystawa „Czech In. Światowej Renomy”; E.T.A. Hoffmanna").is_empty());
        assert!(found("spotkanie klimatyczne.").is_empty());
    }
}
