//! Inline elements to HTML: escaping, emphasis, language spans and links.

use std::fmt::Write as _;

use anyhow::{bail, Result};

use crate::doc::Inline;

/// Appends `text` escaped for HTML text content.
///
/// Only the markup characters are replaced; everything else (U+00A0, „quotes”, en dashes)
/// is kept byte for byte, because the tree's typography is final.
pub(crate) fn push_text(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            _ => out.push(c),
        }
    }
}

/// Appends body text escaped, with each compound of words („polsko-niemieckiej”,
/// „Ille-et-Vilaine”) in a `<span class="nobr">` that style.css keeps on one line: a browser
/// would break after the hyphen and leave it bare at the line end, which Polish typesetting
/// does not allow (it repeats the hyphen, which no browser can do). The text itself keeps its
/// plain hyphen-minus, so copying, searching and screen readers are unaffected (U+2011, the
/// other way to forbid the break, is not found by a search for „polsko-niemiecki”).
fn push_text_keeping_compounds(out: &mut String, text: &str) {
    let mut rest = text;
    while !rest.is_empty() {
        let start = rest
            .find(|c: char| !c.is_whitespace())
            .unwrap_or(rest.len());
        push_text(out, &rest[..start]);
        rest = &rest[start..];
        let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
        let word = &rest[..end];
        if is_compound(word) {
            out.push_str("<span class=\"nobr\">");
            push_text(out, word);
            out.push_str("</span>");
        } else {
            push_text(out, word);
        }
        rest = &rest[end..];
    }
}

/// A word with a hyphen between two runs of at least two letters, and no address in it.
fn is_compound(word: &str) -> bool {
    !word.contains(['/', '@', ':'])
        && word.match_indices('-').any(|(i, _)| {
            let before = word[..i]
                .chars()
                .rev()
                .take_while(|c| c.is_alphabetic())
                .count();
            let after = word[i + 1..]
                .chars()
                .take_while(|c| c.is_alphabetic())
                .count();
            before >= 2 && after >= 2
        })
}

/// Appends `value` escaped for a double-quoted attribute value.
pub(crate) fn push_attr(out: &mut String, value: &str) {
    for c in value.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
}

/// Appends a run of inlines as HTML.
pub(crate) fn push_inlines(out: &mut String, inlines: &[Inline]) -> Result<()> {
    for inline in inlines {
        push_inline(out, inline, false)?;
    }
    Ok(())
}

/// `in_link` is set inside an `<a>`: HTML forbids nested links, so an inner link
/// contributes only its text.
fn push_inline(out: &mut String, inline: &Inline, in_link: bool) -> Result<()> {
    let children = |out: &mut String, content: &[Inline], in_link: bool| -> Result<()> {
        for child in content {
            push_inline(out, child, in_link)?;
        }
        Ok(())
    };
    match inline {
        Inline::Text(text) => push_text_keeping_compounds(out, text),
        Inline::Emphasis(content) => {
            out.push_str("<em>");
            children(out, content, in_link)?;
            out.push_str("</em>");
        }
        Inline::Strong(content) => {
            out.push_str("<strong>");
            children(out, content, in_link)?;
            out.push_str("</strong>");
        }
        Inline::Lang { lang, content } => {
            if !is_language_tag(lang) {
                bail!(
                    "\"{lang}\" is not a language tag; a phrase in another language needs \
                     a tag such as \"en\", \"de\" or \"fr\" (<span lang=\"en\">…</span>)"
                );
            }
            let _ = write!(out, "<span lang=\"{lang}\">");
            children(out, content, in_link)?;
            out.push_str("</span>");
        }
        Inline::Link { url, content } if !in_link && is_allowed_url(url) => {
            out.push_str("<a href=\"");
            push_attr(out, url.trim());
            out.push_str("\">");
            children(out, content, true)?;
            out.push_str("</a>");
        }
        // A link we will not emit (unsafe scheme, or nested) still shows its words.
        Inline::Link { content, .. } => children(out, content, in_link)?,
        Inline::LineBreak => out.push_str("<br>"),
    }
    Ok(())
}

/// A BCP 47 tag in its common shape: ASCII letters, digits and hyphens, starting with a
/// letter ("en", "de-AT", "sr-Latn"). Anything else would be a broken `lang` attribute.
fn is_language_tag(tag: &str) -> bool {
    tag.split('-').enumerate().all(|(i, part)| {
        (1..=8).contains(&part.len())
            && part.chars().all(|c| c.is_ascii_alphanumeric())
            && (i > 0 || part.chars().all(|c| c.is_ascii_alphabetic()))
    })
}

/// Links may point to the web, to an e-mail address, or be relative. Any other scheme
/// (`javascript:`, `data:`, `file:` …) is refused, and so is any URL with whitespace or
/// control characters inside, since browsers strip those before reading the scheme
/// (`java\tscript:` is `javascript:`).
pub(crate) fn is_allowed_url(url: &str) -> bool {
    let url = url.trim();
    if url.is_empty() || url.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return false;
    }
    // A scheme is the part before the first ':' if no '/', '?' or '#' comes earlier;
    // otherwise the colon belongs to a path, query or fragment of a relative URL.
    let scheme_end = url.find(':');
    let path_start = url.find(['/', '?', '#']);
    match (scheme_end, path_start) {
        (Some(colon), Some(path)) if path < colon => true,
        (Some(colon), _) => {
            let scheme = url[..colon].to_ascii_lowercase();
            matches!(scheme.as_str(), "http" | "https" | "mailto")
        }
        (None, _) => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn html(inlines: &[Inline]) -> String {
        let mut out = String::new();
        push_inlines(&mut out, inlines).unwrap_or_else(|e| panic!("{e}"));
        out
    }

    fn text(s: &str) -> Vec<Inline> {
        vec![Inline::Text(s.into())]
    }

    #[test]
    fn compounds_are_kept_on_one_line_and_keep_their_hyphen() {
        assert_eq!(
            html(&text(
                "współpracy polsko-niemieckiej, Ille-et-Vilaine <i> 20-lecia e-mail"
            )),
            "współpracy <span class=\"nobr\">polsko-niemieckiej,</span> \
             <span class=\"nobr\">Ille-et-Vilaine</span> &lt;i&gt; 20-lecia e-mail"
        );
        assert_eq!(
            html(&text("a https://x.pl/ab-cd b")),
            "a https://x.pl/ab-cd b"
        );
    }

    #[test]
    fn escapes_markup_and_keeps_typography() {
        let out = html(&text(
            "<script>alert(1)</script> & „Łódź” – w\u{a0}2018\u{a0}r.",
        ));
        assert_eq!(
            out,
            "&lt;script&gt;alert(1)&lt;/script&gt; &amp; „Łódź” – w\u{a0}2018\u{a0}r."
        );
    }

    #[test]
    fn link_schemes() {
        for ok in [
            "https://www.poznan.pl/",
            "HTTP://x.pl",
            "mailto:a@b.pl",
            "raport.html#a",
            "/a:b",
            "?q=a:b",
        ] {
            assert!(is_allowed_url(ok), "{ok}");
        }
        for bad in [
            "javascript:alert(1)",
            "JavaScript:x",
            "java\tscript:x",
            "data:text/html,x",
            "file:///etc/passwd",
            "vbscript:x",
            "",
        ] {
            assert!(!is_allowed_url(bad), "{bad}");
        }
    }

    #[test]
    fn unsafe_link_renders_its_text_only() {
        let out = html(&[Inline::Link {
            url: "javascript:alert(1)".into(),
            content: text("kliknij"),
        }]);
        assert_eq!(out, "kliknij");
    }

    #[test]
    fn link_url_is_escaped_and_nested_links_flattened() {
        let out = html(&[Inline::Link {
            url: "https://x.pl/?a=1&b=\"2\"".into(),
            content: vec![Inline::Link {
                url: "https://y.pl".into(),
                content: text("y"),
            }],
        }]);
        assert_eq!(
            out,
            "<a href=\"https://x.pl/?a=1&amp;b=&quot;2&quot;\">y</a>"
        );
    }

    #[test]
    fn lang_span_and_bad_tag() {
        let out = html(&[Inline::Lang {
            lang: "en".into(),
            content: text("Future Mentors"),
        }]);
        assert_eq!(out, "<span lang=\"en\">Future Mentors</span>");
        let mut out = String::new();
        let bad = [Inline::Lang {
            lang: "en\" onclick=\"x".into(),
            content: text("x"),
        }];
        assert!(push_inlines(&mut out, &bad).is_err());
    }
}
