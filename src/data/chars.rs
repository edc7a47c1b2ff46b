//! Characters no data text may hold, and the one form every text is kept in.
//!
//! Control characters do not print, reach the terminal when a message quotes them (an escape
//! sequence can retitle it or hide text), and confuse the programs that read the chapter. They
//! come into YAML files as raw bytes (text pasted from another program) or as escapes in
//! double quotes (`"\e"`, `"\a"`, `"\0"`, `"\x07"`, `"\u202E"`). Both are refused by `check`
//! at the line and column where they are. Bidirectional overrides and isolates (U+202A–U+202E,
//! U+2066–U+2069) are refused too: they reorder what a reader sees, and Polish text never needs
//! them.
//!
//! Every text is kept in Unicode normalisation form C, so „współpracy” typed with combining
//! accents is the same word as the precomposed one in the PDF, in searches and in `lint`.

use std::borrow::Cow;

use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization as _};

use crate::diag::Span;

/// Whether `c` may not appear in a file's text as written (tabs, line feeds and carriage
/// returns are YAML's own).
pub fn forbidden_raw(c: char) -> bool {
    forbidden(c) && !matches!(c, '\t' | '\n' | '\r')
}

/// Whether `c` may not appear in a value (a text may hold tabs and line breaks).
pub fn forbidden_in_value(c: char) -> bool {
    forbidden(c) && !matches!(c, '\t' | '\n')
}

fn forbidden(c: char) -> bool {
    c.is_control() || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// How a message names the character: `U+001B (ESC)`.
pub fn describe(c: char) -> String {
    let name = match c {
        '\0' => " (NUL)",
        '\u{7}' => " (BEL)",
        '\u{8}' => " (BS)",
        '\u{b}' => " (VT)",
        '\u{c}' => " (FF)",
        '\r' => " (CR)",
        '\u{1b}' => " (ESC)",
        '\u{7f}' => " (DEL)",
        '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' => {
            return format!(
                "U+{:04X} ({})",
                c as u32,
                crate::tr!("char-direction-control")
            );
        }
        _ => "",
    };
    format!("U+{:04X}{name}", c as u32)
}

/// The raw forbidden characters of `text`, with their positions, and the text with each of them
/// replaced by one space (so that the file still parses, and every line and column stays where
/// it was). The text is returned unchanged, without copying, when it has none.
pub fn scrub(text: &str) -> (Cow<'_, str>, Vec<(Span, char)>) {
    // Nearly every file has none, and is passed over without a copy: every forbidden character
    // starts with a byte below 0x20, 0x7F, 0xC2 (C1 controls) or 0xE2 (direction controls).
    let suspicious = |b: u8| {
        (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r')) || matches!(b, 0x7F | 0xC2 | 0xE2)
    };
    // Each of those bytes starts a character (continuation bytes are 0x80–0xBF), so the text
    // is sliced there without decoding the characters between.
    let at: Vec<usize> = (text.as_bytes().iter().enumerate())
        .filter(|&(_, &b)| suspicious(b))
        .map(|(i, _)| i)
        .filter(|&i| text[i..].chars().next().is_some_and(forbidden_raw))
        .collect();
    if at.is_empty() {
        return (Cow::Borrowed(text), Vec::new());
    }
    let mut found = Vec::with_capacity(at.len());
    let mut out = String::with_capacity(text.len());
    let mut copied = 0;
    for &i in &at {
        let before = &text[..i];
        let line = before.matches('\n').count() + 1;
        let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        let c = text[i..].chars().next().unwrap_or(' ');
        found.push((Span { line, col }, c));
        out.push_str(&text[copied..i]);
        out.push(' ');
        copied = i + c.len_utf8();
    }
    out.push_str(&text[copied..]);
    (Cow::Owned(out), found)
}

/// `text` in normalisation form C; `None` when it is in that form already (nearly always).
pub fn to_nfc(text: &str) -> Option<String> {
    match is_nfc_quick(text.chars()) {
        IsNormalized::Yes => None,
        _ => {
            let nfc: String = text.nfc().collect();
            (nfc != text).then_some(nfc)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn raw_controls_are_found_where_they_are_and_replaced_by_one_space() {
        let text =
            "year: 2022\nevents:\n  - text: a\u{7}b \u{1b}]0;x\u{7}\n  - text: \u{202E}c\u{85}\n";
        let (clean, found) = scrub(text);
        let at: Vec<(usize, usize, char)> =
            found.iter().map(|(s, c)| (s.line, s.col, *c)).collect();
        assert_eq!(
            at,
            [
                (3, 12, '\u{7}'),
                (3, 15, '\u{1b}'),
                (3, 20, '\u{7}'),
                (4, 11, '\u{202E}'),
                (4, 13, '\u{85}')
            ]
        );
        assert_eq!(clean.chars().count(), text.chars().count());
        assert_eq!(clean.lines().count(), text.lines().count());
        assert!(!clean.chars().any(forbidden_raw));
    }

    #[test]
    fn ordinary_text_is_not_copied() {
        let text = "text: „Współpraca” – Győr, Kraków\r\n\tinne\n";
        assert!(matches!(scrub(text).0, Cow::Borrowed(_)));
        assert!(scrub(text).1.is_empty());
    }

    #[test]
    fn tabs_and_line_breaks_are_allowed_in_values_but_not_carriage_returns() {
        assert!(!forbidden_in_value('\t') && !forbidden_in_value('\n'));
        assert!(
            forbidden_in_value('\r') && forbidden_in_value('\0') && forbidden_in_value('\u{1b}')
        );
        assert!(!forbidden_in_value('ł') && !forbidden_in_value('\u{a0}'));
    }

    #[test]
    fn combining_accents_become_precomposed_letters() {
        let nfd = "wspo\u{301}łpraca";
        assert_eq!(to_nfc(nfd).as_deref(), Some("współpraca"));
        assert_eq!(to_nfc("współpraca"), None);
    }
}
