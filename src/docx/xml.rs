//! Escaping text for the package's XML parts.
//!
//! Only the markup characters are replaced; everything else (U+00A0 no-break spaces,
//! „quotes”, en dashes) is written byte for byte, since the tree's typography is final and
//! Word keeps U+00A0 as its own non-breaking space. Characters that XML 1.0 forbids (C0
//! controls other than tab and line ends, U+FFFE, U+FFFF) are dropped: one of them would make
//! Word refuse to open the whole file.

/// Appends `text` escaped for element content.
pub(crate) fn push_text(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c if forbidden(c) => {}
            c => out.push(c),
        }
    }
}

/// Appends `value` escaped for a double-quoted attribute; line ends and tabs become
/// character references, so that the value reads back as written.
pub(crate) fn push_attr(out: &mut String, value: &str) {
    for c in value.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            '\t' => out.push_str("&#9;"),
            c if forbidden(c) => {}
            c => out.push(c),
        }
    }
}

/// `value` escaped for an attribute, as a new string.
pub(crate) fn attr(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    push_attr(&mut out, value);
    out
}

fn forbidden(c: char) -> bool {
    matches!(c, '\u{0}'..='\u{8}' | '\u{b}' | '\u{c}' | '\u{e}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_keeps_typography_drops_forbidden() {
        let mut out = String::new();
        push_text(&mut out, "<b> & „Łódź” – w\u{a0}2018\u{a0}r.\u{1}");
        assert_eq!(out, "&lt;b&gt; &amp; „Łódź” – w\u{a0}2018\u{a0}r.");
        assert_eq!(attr("a \"b\"\n<c>"), "a &quot;b&quot;&#10;&lt;c&gt;");
    }
}
