//! Typographic defects and forbidden forms in one text: quotes, hyphens, spaces, apostrophes,
//! `m.in:`, „Miasta Poznań” before a verb.
//!
//! Not checked: a one-letter word („w”, „z”, „i”) followed by a plain space. The chapter adds
//! the non-breaking space when it is rendered (`polish::typeset`), so the YAML stays plain and
//! staff are not asked to type invisible characters.

use super::Finding;
use crate::tr;

/// Words after which `krótko- ` is a suspended hyphen („krótko- i długofalowe”), not a defect.
const SUSPENDING: [&str; 8] = ["i", "lub", "albo", "czy", "oraz", "a", "ani", "bądź"];

/// Character ranges of `[en]…[/en]` (any language mark): text in another language, where
/// straight or English quotes may be right.
pub fn foreign_spans(chars: &[char]) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut open: Option<usize> = None;
    let mut i = 0;
    while i < chars.len() {
        if chars[i] == '[' {
            let close = chars.get(i + 1) == Some(&'/');
            let from = i + 1 + usize::from(close);
            let len = chars[from..]
                .iter()
                .take_while(|c| c.is_ascii_lowercase())
                .count();
            if (2..=3).contains(&len) && chars.get(from + len) == Some(&']') {
                match (close, open) {
                    (false, None) => open = Some(i),
                    (true, Some(s)) => {
                        spans.push((s, from + len + 1));
                        open = None;
                    }
                    _ => {}
                }
                i = from + len + 1;
                continue;
            }
        }
        i += 1;
    }
    spans
}

/// Typographic defects of `text`.
pub fn check(text: &str) -> Vec<Finding> {
    let chars: Vec<char> = text.chars().collect();
    let foreign = foreign_spans(&chars);
    let in_foreign = |i: usize| foreign.iter().any(|(s, e)| (*s..*e).contains(&i));
    let mut out = Vec::new();
    let word_at = |i: usize| word_around(&chars, i);
    for (i, &c) in chars.iter().enumerate() {
        let prev = i.checked_sub(1).map(|j| chars[j]);
        let next = chars.get(i + 1).copied();
        match c {
            '"' if !in_foreign(i) => out.push(
                Finding::new(
                    i,
                    1,
                    tr!("lint-straight-quote"),
                    tr!("lint-straight-quote-help"),
                )
                .in_context(),
            ),
            '“' if !in_foreign(i) => out.push(
                Finding::new(
                    i,
                    1,
                    tr!("lint-english-quote"),
                    tr!("lint-english-quote-help"),
                )
                .in_context(),
            ),
            '\'' if prev.is_some_and(char::is_alphabetic)
                && next.is_some_and(char::is_alphanumeric) =>
            {
                let (s, e) = word_at(i);
                let word: String = chars[s..e].iter().collect();
                out.push(Finding::new(
                    s,
                    e - s,
                    tr!("lint-apostrophe", word = word),
                    tr!("lint-apostrophe-help", fixed = word.replace('\'', "’")),
                ));
            }
            '-' if next == Some(' ') && prev.is_some_and(char::is_alphabetic) => {
                let after: String = chars[i + 2..]
                    .iter()
                    .take_while(|c| c.is_alphabetic())
                    .collect();
                if !SUSPENDING.contains(&after.as_str()) && !after.is_empty() {
                    let (s, _) = word_at(i - 1);
                    let found: String = chars[s..i + 2 + after.chars().count()].iter().collect();
                    out.push(Finding::new(
                        s,
                        found.chars().count(),
                        tr!("lint-hyphen-space", found = found),
                        tr!("lint-hyphen-space-help", fixed = found.replace("- ", "-")),
                    ));
                }
            }
            '-' if next == Some(' ') && prev == Some(' ') => out.push(
                Finding::new(i, 1, tr!("lint-hyphen-dash"), tr!("lint-hyphen-dash-help"))
                    .in_context(),
            ),
            ' ' if next == Some(' ')
                && prev.is_some_and(|p| !p.is_whitespace())
                && chars[i..]
                    .iter()
                    .find(|c| **c != ' ')
                    .is_some_and(|c| !c.is_whitespace()) =>
            {
                out.push(
                    Finding::new(
                        i,
                        chars[i..].iter().take_while(|c| **c == ' ').count(),
                        tr!("lint-double-space"),
                        tr!("lint-double-space-help"),
                    )
                    .in_context(),
                )
            }
            ',' | '.' | ';' | ':'
                if prev == Some(' ')
                    && i >= 2
                    && !chars[i - 2].is_whitespace()
                    // „ .5”, „ .pl”, „ …”: a decimal, a domain or an ellipsis, not punctuation.
                    && !next.is_some_and(|n| n.is_alphanumeric() || n == '.') =>
            {
                out.push(
                    Finding::new(
                        i - 1,
                        2,
                        tr!("lint-space-before", char = c),
                        tr!("lint-space-before-help", char = c),
                    )
                    .in_context(),
                )
            }
            _ => {}
        }
    }
    out.extend(forbidden(&chars));
    out
}

/// The word (letters, digits, apostrophes) around position `i`: its start and end.
fn word_around(chars: &[char], i: usize) -> (usize, usize) {
    let part = |c: &char| c.is_alphanumeric() || matches!(c, '\'' | '’');
    let start = chars[..i]
        .iter()
        .rposition(|c| !part(c))
        .map_or(0, |p| p + 1);
    let end = chars[i..]
        .iter()
        .position(|c| !part(c))
        .map_or(chars.len(), |p| i + p);
    (start, end)
}

/// Fixed strings that are always wrong: `m.in:` and `m.in.` glued to the next word.
fn forbidden(chars: &[char]) -> Vec<Finding> {
    let mut out = Vec::new();
    let text: String = chars.iter().collect();
    for (byte, _) in text.match_indices("m.in") {
        let i = text[..byte].chars().count();
        if i > 0 && chars[i - 1].is_alphanumeric() {
            continue;
        }
        match (chars.get(i + 4), chars.get(i + 5)) {
            (Some(':'), _) => out.push(Finding::new(
                i,
                5,
                tr!("lint-min-colon"),
                tr!("lint-min-colon-help"),
            )),
            (Some('.'), Some(c)) if c.is_alphabetic() => out.push(Finding::new(
                i,
                6,
                tr!("lint-min-space"),
                tr!("lint-min-space-help"),
            )),
            _ => {}
        }
    }
    out
}

/// „Miasta Poznań” followed by a lowercase word: the genitive is „Miasta Poznania”.
pub fn city_genitive(text: &str, city: &str, genitive: &str) -> Vec<Finding> {
    let chars: Vec<char> = text.chars().collect();
    let wrong = format!("Miasta {city} ");
    let mut out = Vec::new();
    for (byte, _) in text.match_indices(&wrong) {
        let i = text[..byte].chars().count();
        let after = i + wrong.chars().count();
        if chars.get(after).is_some_and(|c| c.is_lowercase()) {
            out.push(Finding::new(
                i,
                wrong.chars().count() - 1,
                tr!("lint-city-genitive", city = city),
                tr!("lint-city-genitive-help", genitive = genitive),
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<(usize, String)> {
        check(text)
            .into_iter()
            .map(|f| (f.start, f.message))
            .collect()
    }

    #[test]
    fn finds_each_defect() {
        assert_eq!(found("Izby Polsko- Węgierskiej")[0].0, 5);
        assert!(found("krótko- i długofalowe").is_empty());
        assert_eq!(
            found("Jej celem  jest")[0],
            (9, "two spaces in a row".into())
        );
        assert_eq!(found("Poznań , Brno")[0].0, 6);
        assert!(found("wynik 2 .5 i 3 ,5").is_empty());
        assert_eq!(
            found("„Łejery - Szkoła”")[0].1,
            "a hyphen „-” used as a dash"
        );
        assert_eq!(found("projekt \"Labo\"").len(), 2);
        assert!(found("[en]\"Labo\"[/en]").is_empty());
        assert_eq!(found("“Labo Europe”")[0].0, 0);
        assert_eq!(
            found("w Ra'anana")[0].1,
            "a straight apostrophe in „Ra'anana”"
        );
        assert_eq!(found("m.in: Brno")[0].0, 0);
        assert_eq!(found("m.in.stan")[0].1, "no space after „m.in.”");
        assert!(found("m.in. stan; w Poznaniu i z Brnem").is_empty());
    }

    #[test]
    fn city_name_not_declined() {
        let f = city_genitive(
            "przedstawiciele Miasta Poznań wzięli udział",
            "Poznań",
            "Poznania",
        );
        assert_eq!(f[0].start, 16);
        assert!(city_genitive("Miasto Poznań wzięło", "Poznań", "Poznania").is_empty());
    }
}
