//! Render-time Polish typography: non-breaking spaces against "sierotki"
//! (hanging one-letter words, numbers, abbreviations, dashes) and Polish
//! quotation marks and apostrophes. The YAML stays plain; these functions
//! run on each text fragment when a writer renders it.

/// Non-breaking space.
const NBSP: char = '\u{a0}';

/// One-letter prepositions and conjunctions that must not end a line.
const ONE_LETTER_WORDS: &str = "aiouwzAIOUWZ";

/// Characters that may open a word: `„w`, `(w`, `[w`.
const OPENERS: &[char] = &['„', '(', '[', '{', '"', '\'', '‚', '«', '»', '“', '‘'];

/// Abbreviations that stay with the next word (compared lowercased, so
/// `Nr` and `nr` both match): `m.in. Poznań`, `im. A. Mickiewicza`.
const ABBREVIATIONS: &[&str] = &[
    "m.in.", "pn.", "im.", "ul.", "nr", "ds.", "np.", "tzw.", "św.", "ok.", "al.", "prof.", "dr",
];

/// Whether a token is (the start of) a URL, which is never altered.
fn starts_url(chars: &[char]) -> bool {
    // Asked at every character of the chapter: rule out the common case first.
    if !matches!(chars.first(), Some('h' | 'H' | 'w' | 'W')) {
        return false;
    }
    ["http://", "https://", "www."].iter().any(|prefix| {
        prefix.chars().count() <= chars.len()
            && prefix
                .chars()
                .zip(chars)
                .all(|(p, c)| c.to_ascii_lowercase() == p)
    })
}

/// A number as written before a noun: `14`, `2018`, `32.` (ordinal),
/// `15–17` (range), `2,5`, `1.000`.
fn is_number(word: &[char]) -> bool {
    let body = word.strip_suffix(&['.']).unwrap_or(word);
    let is_sep = |c: &char| matches!(c, '.' | ',' | '–' | '-');
    body.first().is_some_and(char::is_ascii_digit)
        && body.last().is_some_and(char::is_ascii_digit)
        && body.iter().all(|c| c.is_ascii_digit() || is_sep(c))
        && !body.windows(2).any(|w| is_sep(&w[0]) && is_sep(&w[1]))
}

/// Initials such as `A.` or `E.T.A.`, which stay with the surname.
fn is_initials(word: &[char]) -> bool {
    !word.is_empty()
        && word.chunks(2).all(|pair| match pair {
            [letter, '.'] => letter.is_uppercase(),
            _ => false,
        })
}

/// Whether the word before position `start` is an ordinary lowercase word (not an
/// abbreviation ending in a period).
fn follows_lowercase_word(chars: &[char], start: usize) -> bool {
    let before: Vec<char> = chars[..start]
        .iter()
        .rev()
        .skip_while(|c| c.is_whitespace())
        .copied()
        .collect();
    let word: Vec<char> = before
        .iter()
        .take_while(|c| !c.is_whitespace())
        .copied()
        .collect();
    // `word` is reversed: its first element is the last character of the word.
    !word.is_empty() && word.first() != Some(&'.') && word.last().is_some_and(|c| c.is_lowercase())
}

/// Whether the regular space at `i` must become a non-breaking space.
fn binds(chars: &[char], i: usize) -> bool {
    let start = chars[..i]
        .iter()
        .rposition(|c| c.is_whitespace())
        .map_or(0, |p| p + 1);
    let end = chars[i + 1..]
        .iter()
        .position(|c| c.is_whitespace())
        .map_or(chars.len(), |p| i + 1 + p);
    let (before, after) = (&chars[start..i], &chars[i + 1..end]);
    if after.is_empty() && end < chars.len() {
        // A double space: left as typed (a lint reports it).
        return false;
    }
    if matches!(after, ['–' | '—']) {
        // A spaced dash must not start a line: "Poznaniu – głównym".
        return true;
    }
    let first_letter = before.iter().position(|c| !OPENERS.contains(c));
    let word = &before[first_letter.unwrap_or(before.len())..];
    if starts_url(word) {
        return false;
    }
    let next = after.first();
    // At the end of a fragment the next word is unknown; binding is the
    // safe guess, since a fragment usually ends before emphasised words.
    let next_is_word = next.is_none_or(|c| c.is_alphabetic() || *c == '%');
    let lower: String = word.iter().flat_map(|c| c.to_lowercase()).collect();
    match word {
        [c] if ONE_LETTER_WORDS.contains(*c) => true,
        _ if ABBREVIATIONS.contains(&lower.as_str()) => true,
        // A lone capital after a lowercase word ends a sentence ("pokolenia Y. Uczestnicy");
        // after an abbreviation, a name or at the start it is an initial ("im. A. Mickiewicza").
        _ if is_initials(word) => {
            next.is_some_and(|c| c.is_uppercase())
                && (word.len() > 2 || !follows_lowercase_word(chars, start))
        }
        _ if is_number(word) => next_is_word,
        _ => false,
    }
}

/// Applies the Polish non-breaking-space rules to a plain-text fragment:
/// after one-letter words (`w Poznaniu`, also at the fragment's end),
/// between a number and the next word (`2018 r.`, `14 miastami`,
/// `32. Konferencji`, `15–17 lipca`), after `m.in.`, `im.`, `nr`… and
/// initials, and before a spaced dash (`Poznaniu – głównym`). Only regular
/// spaces change; double spaces and URLs are left alone. Idempotent.
pub fn typeset(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    chars
        .iter()
        .enumerate()
        .map(|(i, &c)| {
            if c == ' ' && binds(&chars, i) {
                NBSP
            } else {
                c
            }
        })
        .collect()
}

/// Marks the characters of `chars` that belong to a URL (from `http://`,
/// `https://` or `www.` to the end of the token, minus trailing punctuation).
fn url_mask(chars: &[char]) -> Vec<bool> {
    let mut mask = vec![false; chars.len()];
    let mut i = 0;
    while i < chars.len() {
        if starts_url(&chars[i..]) && (i == 0 || !chars[i - 1].is_alphanumeric()) {
            let end = chars[i..]
                .iter()
                .position(|c| c.is_whitespace())
                .map_or(chars.len(), |p| i + p);
            let trailing = chars[i..end]
                .iter()
                .rev()
                .take_while(|c| "\"'”’“).,;:!?»".contains(**c))
                .count();
            mask[i..end - trailing].iter_mut().for_each(|m| *m = true);
            i = end;
        } else {
            i += 1;
        }
    }
    mask
}

/// Whether a double quote between `prev` and `next` opens a quotation: it
/// follows the start, a space or a bracket, and text follows it. A quote
/// followed by a space, punctuation or the end closes, so a fragment that
/// starts with a closing quote (after emphasis) is still right.
fn is_opening(prev: Option<char>, next: Option<char>) -> bool {
    let after_gap = prev.is_none_or(|p| p.is_whitespace() || "([{„‚«»".contains(p));
    let before_text = next.is_some_and(|n| !n.is_whitespace() && !".,;:!?)]}”".contains(n));
    after_gap && before_text
}

/// Polish quotation marks and apostrophes: straight `"…"` and English
/// `“…”` become `„…”`; a straight apostrophe after a letter and before a
/// letter or digit becomes `’` (`Ra’anana`, `O’Connell`, `Impact’22`).
/// Other single quotes and URLs are left alone. Idempotent.
pub fn smart_quotes(text: &str) -> String {
    // Only these characters change; most texts have none (it runs on the whole chapter).
    if !text.contains(['"', '“', '\'']) {
        return text.to_string();
    }
    let chars: Vec<char> = text.chars().collect();
    let in_url = url_mask(&chars);
    let mut out = String::with_capacity(text.len());
    for (i, &c) in chars.iter().enumerate() {
        let prev = i.checked_sub(1).and_then(|j| chars.get(j)).copied();
        let next = chars.get(i + 1).copied();
        let protected = in_url.get(i).copied().unwrap_or(false);
        out.push(match c {
            _ if protected => c,
            '"' | '“' if is_opening(prev, next) => '„',
            '"' | '“' => '”',
            '\'' if prev.is_some_and(char::is_alphabetic)
                && next.is_some_and(char::is_alphanumeric) =>
            {
                '’'
            }
            _ => c,
        });
    }
    out
}

#[cfg(test)]
#[path = "typography_tests.rs"]
mod tests;
