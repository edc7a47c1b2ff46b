//! Render-time Polish typography: non-breaking spaces against "sierotki"
//! (hanging one-letter words, numbers, abbreviations, dashes) and Polish
//! quotation marks and apostrophes. The YAML stays plain; these functions
//! run on each text fragment when a writer renders it.

/// Non-breaking space.
const NBSP: char = '\u{a0}';

/// One-letter prepositions and conjunctions that must not end a line.
fn is_one_letter_word(c: char) -> bool {
    matches!(
        c,
        'a' | 'i' | 'o' | 'u' | 'w' | 'z' | 'A' | 'I' | 'O' | 'U' | 'W' | 'Z'
    )
}

/// Characters that may open a word: `„w`, `(w`, `[w`. (A `match`, not a list: it runs for
/// every space of the chapter.)
fn is_opener(c: char) -> bool {
    matches!(
        c,
        '„' | '(' | '[' | '{' | '"' | '\'' | '‚' | '«' | '»' | '“' | '‘'
    )
}

/// Abbreviations that stay with the next word (compared lowercased, so
/// `Nr` and `nr` both match): `m.in. Poznań`, `im. A. Mickiewicza`.
const ABBREVIATIONS: &[&str] = &[
    "m.in.", "pn.", "im.", "ul.", "nr", "ds.", "np.", "tzw.", "św.", "ok.", "al.", "prof.", "dr",
];

/// Whether a token (given as its characters) is (the start of) a URL, which is never altered.
fn starts_url(token: impl Iterator<Item = char> + Clone) -> bool {
    // Asked at every space and quote of the chapter: rule out the common case first.
    if !matches!(token.clone().next(), Some('h' | 'H' | 'w' | 'W')) {
        return false;
    }
    ["http://", "https://", "www."].iter().any(|prefix| {
        let mut token = token.clone();
        prefix
            .chars()
            .all(|p| token.next().is_some_and(|c| c.to_ascii_lowercase() == p))
    })
}

/// A number as written before a noun: `14`, `2018`, `32.` (ordinal),
/// `15–17` (range), `2,5`, `1.000`.
fn is_number(word: &str) -> bool {
    let body = word.strip_suffix('.').unwrap_or(word);
    let is_sep = |c: char| matches!(c, '.' | ',' | '–' | '-');
    let mut after_sep = false;
    body.starts_with(|c: char| c.is_ascii_digit())
        && body.ends_with(|c: char| c.is_ascii_digit())
        && body.chars().all(|c| {
            // Digits with single separators between them: no `1..2`, no `1,-2`.
            let sep = is_sep(c);
            let ok = c.is_ascii_digit() || (sep && !after_sep);
            after_sep = sep;
            ok
        })
}

/// Initials such as `A.` or `E.T.A.`, which stay with the surname.
fn is_initials(word: &str) -> bool {
    let mut chars = word.chars();
    let mut any = false;
    while let Some(letter) = chars.next() {
        if !letter.is_uppercase() || chars.next() != Some('.') {
            return false;
        }
        any = true;
    }
    any
}

/// Whether `word` is one of [`ABBREVIATIONS`], in any letter case. Compares character by
/// character instead of lowercasing into a new string: this runs for every space of the chapter.
fn is_abbreviation(word: &str) -> bool {
    // Every abbreviation ends in `.` or `r`: the last letter rules out most words at once.
    match word.as_bytes().last() {
        Some(b'.' | b'r' | b'R') => {}
        Some(b) if b.is_ascii() => return false,
        _ => {
            let last = word
                .chars()
                .next_back()
                .and_then(|c| c.to_lowercase().last());
            if !matches!(last, Some('.' | 'r')) {
                return false;
            }
        }
    }
    ABBREVIATIONS.iter().any(|abbreviation| {
        let mut lowered = word.chars().flat_map(char::to_lowercase);
        abbreviation.chars().all(|a| lowered.next() == Some(a)) && lowered.next().is_none()
    })
}

/// Whether the word at the end of `before` is an ordinary lowercase word (not an
/// abbreviation ending in a period).
fn follows_lowercase_word(before: &str) -> bool {
    before.split_whitespace().next_back().is_some_and(|word| {
        !word.ends_with('.') && word.chars().next().is_some_and(char::is_lowercase)
    })
}

/// Whether `word` is settled by its first and last byte as none of the words a space binds to:
/// it starts with a lowercase ASCII letter (no opener, initial, number or one-letter word; not
/// `h` or `w`, which could start a URL) and ends in an ASCII character other than `.` and `r`
/// (no abbreviation). Most words of the chapter are such words.
fn is_ordinary_word(word: &[u8]) -> bool {
    match (word.first(), word.last()) {
        (Some(first), Some(last)) => {
            word.len() > 1
                && first.is_ascii_lowercase()
                && !matches!(first, b'h' | b'w')
                && last.is_ascii()
                && !matches!(last, b'.' | b'r' | b'R')
        }
        _ => false,
    }
}

/// Whether the regular space at byte `i` of `text` must become a non-breaking space; the
/// word before it starts at byte `start` (after the previous whitespace, or 0).
fn binds(text: &str, start: usize, i: usize) -> bool {
    let mut after = text[i + 1..].chars();
    let next = after.next();
    match next {
        // A double space: left as typed (a lint reports it).
        Some(c) if c.is_whitespace() => return false,
        // A spaced dash must not start a line: "Poznaniu – głównym".
        Some('–' | '—') if after.next().is_none_or(char::is_whitespace) => return true,
        _ => {}
    }
    let word = &text[start..i];
    if is_ordinary_word(word.as_bytes()) {
        return false;
    }
    // Most words start with a letter: skip the search for openers then.
    let word = match word.as_bytes().first() {
        Some(b) if b.is_ascii_alphanumeric() => word,
        _ => word.trim_start_matches(is_opener),
    };
    if starts_url(word.chars()) {
        return false;
    }
    // At the end of a fragment the next word is unknown; binding is the
    // safe guess, since a fragment usually ends before emphasised words.
    let next_is_word = next.is_none_or(|c| c.is_alphabetic() || c == '%');
    let mut letters = word.chars();
    match (letters.next(), letters.next()) {
        (Some(c), None) if is_one_letter_word(c) => true,
        _ if is_abbreviation(word) => true,
        // A lone capital after a lowercase word ends a sentence ("pokolenia Y. Uczestnicy");
        // after an abbreviation, a name or at the start it is an initial ("im. A. Mickiewicza").
        _ if is_initials(word) => {
            next.is_some_and(char::is_uppercase)
                && (word.chars().count() > 2 || !follows_lowercase_word(&text[..start]))
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
    typeset_changed(text).unwrap_or_else(|| text.to_string())
}

/// [`typeset`], or `None` when the text stays as it is (no copy is made then).
pub fn typeset_changed(text: &str) -> Option<String> {
    // The chapter's text passes here several times and is mostly typeset already: copy the
    // unchanged stretches between binding spaces rather than rebuilding it character by character.
    let mut out = String::new();
    let mut copied = 0; // bytes of `text` already in `out`
    let mut word_start = 0;
    for (i, c) in whitespace(text) {
        if c == ' ' && binds(text, word_start, i) {
            out.reserve(text.len() - copied + 1);
            out.push_str(&text[copied..i]);
            out.push(NBSP);
            copied = i + 1;
        }
        word_start = i + c.len_utf8();
    }
    if copied == 0 {
        return None;
    }
    out.push_str(&text[copied..]);
    Some(out)
}

/// The whitespace characters of `text` (as `char::is_whitespace`) with their byte offsets.
/// Looks at bytes and decodes only non-ASCII characters: the chapter's text is mostly ASCII.
pub(crate) fn whitespace(text: &str) -> impl Iterator<Item = (usize, char)> + '_ {
    let bytes = text.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || {
        while let Some(&b) = bytes.get(i) {
            let at = i;
            match b {
                b' ' | b'\t'..=b'\r' => {
                    i += 1;
                    return Some((at, char::from(b)));
                }
                0..=0x7f => i += 1,
                // Lead bytes of the non-ASCII whitespace (U+0085, U+00A0, U+1680, U+2000–U+205F,
                // U+3000): only these characters are decoded and looked up. (A test compares
                // this with `char::is_whitespace` for every character.)
                0xc2 | 0xe1 | 0xe2 | 0xe3 => {
                    let c = text[at..].chars().next()?;
                    i += c.len_utf8();
                    if c.is_whitespace() {
                        return Some((at, c));
                    }
                }
                // Any other lead byte: a character that is not whitespace, skipped whole.
                0xc0..=0xdf => i += 2,
                0xe0..=0xef => i += 3,
                _ => i += 4,
            }
        }
        None
    })
}

/// Marks the characters of `chars` that belong to a URL (from `http://`,
/// `https://` or `www.` to the end of the token, minus trailing punctuation).
fn url_mask(chars: &[char]) -> Vec<bool> {
    let mut mask = vec![false; chars.len()];
    let mut i = 0;
    while i < chars.len() {
        if starts_url(chars[i..].iter().copied()) && (i == 0 || !chars[i - 1].is_alphanumeric()) {
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
    smart_quotes_changed(text).unwrap_or_else(|| text.to_string())
}

/// [`smart_quotes`], or `None` when the text has no `"`, `“` or `'` (nothing can change, and no
/// copy is made).
pub fn smart_quotes_changed(text: &str) -> Option<String> {
    // Only these characters change; most texts have none (it runs on the whole chapter). One
    // search per character: a search for several at once decodes every char, this one does not.
    let has_quote = text.contains('"') || text.contains('\'') || text.contains('“');
    if !has_quote {
        return None;
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
    Some(out)
}

#[cfg(test)]
#[path = "typography_tests.rs"]
mod tests;
