//! Text from the data, made ready for the Markdown template: quotes, escaping, language marks, placeholders.
//!
//! Data text is plain text, not Markdown: a `*` or `20.` at the start of a paragraph in YAML must
//! come out as typed. The only markup staff write is `[en]…[/en]` for a phrase in another
//! language (it becomes `<span lang="en">…</span>`, the chapter's Markdown convention) and
//! `{lat:ID}` / `{dekady:ID}` placeholders.

use std::borrow::Cow;

use crate::polish;

/// Checks that every `[xx]` language mark is closed by `[/xx]`, and not nested.
pub fn check_lang_marks(text: &str) -> Result<(), String> {
    let mut open: Option<String> = None;
    for token in tokens(text) {
        match token {
            Token::Open(lang) => {
                if let Some(o) = &open {
                    return Err(crate::tr!(
                        "text-mark-nested",
                        lang = lang,
                        open = o.as_str()
                    ));
                }
                open = Some(lang.to_string());
            }
            Token::Close(lang) => match open.take() {
                Some(o) if o == lang => {}
                Some(o) => {
                    return Err(crate::tr!(
                        "text-mark-mismatch",
                        lang = lang,
                        open = o.as_str()
                    ))
                }
                None => return Err(crate::tr!("text-mark-unopened", lang = lang)),
            },
            Token::Text(_) => {}
        }
    }
    match open {
        Some(o) => Err(crate::tr!("text-mark-unclosed", open = o.as_str())),
        None => Ok(()),
    }
}

/// Turns data text into Markdown paragraphs: Polish quotes, Markdown characters escaped, language
/// marks as `<span lang>`, placeholders replaced by `resolve(name, arg)`. Paragraphs are
/// separated by blank lines in the data; line breaks inside a paragraph become spaces.
pub fn to_markdown(text: &str, resolve: &dyn Fn(&str, &str) -> Option<String>) -> Vec<String> {
    let quoted = polish::smart_quotes_changed(text);
    let text = quoted.as_deref().unwrap_or(text);
    text.split("\n\n")
        .map(collapse_whitespace)
        .filter(|p| !p.is_empty())
        .map(|p| paragraph(&p, resolve))
        .collect()
}

/// `text` with every run of whitespace made one space and none at the ends (as
/// `split_whitespace` and `join(" ")`). Most texts are like that already (one line, single
/// spaces): they are borrowed, not rebuilt.
fn collapse_whitespace(text: &str) -> Cow<'_, str> {
    // Tidy: every whitespace character is a space between two other characters.
    let mut last_space: Option<usize> = None;
    let tidy = polish::typography::whitespace(text).all(|(i, c)| {
        let single = c == ' ' && i > 0 && i + 1 < text.len() && last_space != Some(i - 1);
        last_space = Some(i);
        single
    });
    if tidy {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(text.split_whitespace().collect::<Vec<_>>().join(" "))
    }
}

/// Like [`to_markdown`], for a text that must stay one line (titles, list items, captions).
pub fn inline_markdown(text: &str, resolve: &dyn Fn(&str, &str) -> Option<String>) -> String {
    to_markdown(text, resolve).join(" ")
}

/// Plain text (no Markdown), for alt texts and captions: quotes and typography applied, marks
/// dropped, placeholders resolved.
pub fn plain(text: &str, resolve: &dyn Fn(&str, &str) -> Option<String>) -> String {
    let quoted = polish::smart_quotes_changed(text);
    let text = collapse_whitespace(quoted.as_deref().unwrap_or(text));
    let mut out = String::new();
    for token in tokens(&text) {
        if let Token::Text(t) = token {
            out.push_str(&typeset(&replace_placeholders(t, resolve)));
        }
    }
    out
}

fn paragraph(p: &str, resolve: &dyn Fn(&str, &str) -> Option<String>) -> String {
    let mut out = String::new();
    for token in tokens(p) {
        match token {
            Token::Open(lang) => out.push_str(&format!("<span lang=\"{lang}\">")),
            Token::Close(_) => out.push_str("</span>"),
            Token::Text(t) => {
                let at_start = out.is_empty();
                // Typeset before escaping: "30. Konferencja" must get its no-break space before
                // it becomes "30\\. Konferencja", which the Markdown pass cannot see whole.
                let replaced = replace_placeholders(t, resolve);
                out.push_str(&escape(&typeset(&replaced), at_start));
            }
        }
    }
    out
}

/// Polish typography for a text run; borrowed when nothing changes.
fn typeset(text: &str) -> Cow<'_, str> {
    match polish::typeset_changed(text) {
        Some(typeset) => Cow::Owned(typeset),
        None => Cow::Borrowed(text),
    }
}

fn replace_placeholders<'a>(
    text: &'a str,
    resolve: &dyn Fn(&str, &str) -> Option<String>,
) -> Cow<'a, str> {
    if !text.contains('{') {
        return Cow::Borrowed(text);
    }
    let mut out = String::new();
    let mut rest = text;
    while let Some(start) = rest.find('{') {
        out.push_str(&rest[..start]);
        let after = &rest[start + 1..];
        let replaced = after.find('}').and_then(|end| {
            let (name, arg) = after[..end].split_once(':')?;
            Some((resolve(name.trim(), arg.trim())?, end))
        });
        match replaced {
            Some((value, end)) => {
                out.push_str(&value);
                rest = &after[end + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// `text` on one line: each line break, with the spaces around it, becomes one space, and
/// breaks at its ends are dropped. A data text is one paragraph, a name or a table cell: a line
/// break typed in a `|` block (or `\n` in quotes) would otherwise end a table row or a heading,
/// or start a heading or list in the Markdown.
pub fn fold_lines(text: &str) -> Cow<'_, str> {
    if !text.contains(['\n', '\r']) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    for (i, part) in text
        .split(['\n', '\r'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .enumerate()
    {
        if i > 0 {
            out.push(' ');
        }
        out.push_str(part);
    }
    // Spaces at the very start or end of the text were not next to a break: keep them.
    let lead = &text[..text.len() - text.trim_start().len()];
    let trail = &text[text.trim_end().len()..];
    if !lead.contains(['\n', '\r']) {
        out.insert_str(0, lead);
    }
    if !trail.contains(['\n', '\r']) {
        out.push_str(trail);
    }
    Cow::Owned(out)
}

/// Escapes what Markdown would interpret, with the text folded onto one line first
/// ([`fold_lines`]). `at_start`: the text starts a paragraph, where `#`, `-`, `+`, `>` and
/// `20.` would start a heading, list or quote.
pub fn escape(text: &str, at_start: bool) -> String {
    let text = &*fold_lines(text);
    let mut out = String::with_capacity(text.len() + 8);
    // Every character to escape is ASCII (and so is every byte that decides it), so the text
    // is scanned as bytes and copied in stretches between the escapes.
    let bytes = text.as_bytes();
    let mut copied = 0;
    for (i, &b) in bytes.iter().enumerate() {
        let next = bytes.get(i + 1).copied();
        let special = matches!(
            b,
            b'\\' | b'*' | b'_' | b'[' | b']' | b'<' | b'>' | b'`' | b'|' | b'~'
        ) || (b == b'&'
            && next.is_some_and(|n| n.is_ascii_alphanumeric() || n == b'#'))
            || (b == b'!' && next == Some(b'['));
        if special {
            out.push_str(&text[copied..i]);
            out.push('\\');
            copied = i;
        }
    }
    out.push_str(&text[copied..]);
    if at_start {
        let first = out.chars().next();
        if matches!(first, Some('#' | '-' | '+' | '=')) {
            out.insert(0, '\\');
        } else if let Some(pos) = out.find(|c: char| !c.is_ascii_digit()) {
            let tail = &out[pos..];
            if pos > 0
                && pos <= 9
                && (tail.starts_with(". ") || tail.starts_with(") ") || tail == "." || tail == ")")
            {
                out.insert(pos, '\\');
            }
        }
    }
    out
}

enum Token<'a> {
    Open(&'a str),
    Close(&'a str),
    Text(&'a str),
}

/// Splits text into language marks (`[en]`, `[/en]`: 2–3 lowercase letters) and the rest.
fn tokens(text: &str) -> Vec<Token<'_>> {
    let mut out = Vec::new();
    let mut last = 0;
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'[' {
            let close = bytes.get(i + 1) == Some(&b'/');
            let start = if close { i + 2 } else { i + 1 };
            let mut j = start;
            while j < bytes.len() && bytes[j].is_ascii_lowercase() && j - start < 3 {
                j += 1;
            }
            if (2..=3).contains(&(j - start)) && bytes.get(j) == Some(&b']') {
                if last < i {
                    out.push(Token::Text(&text[last..i]));
                }
                let lang = &text[start..j];
                out.push(if close {
                    Token::Close(lang)
                } else {
                    Token::Open(lang)
                });
                i = j + 1;
                last = i;
                continue;
            }
        }
        i += 1;
    }
    if last < text.len() {
        out.push(Token::Text(&text[last..]));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn none(_: &str, _: &str) -> Option<String> {
        None
    }

    #[test]
    fn marks_become_spans_and_quotes_polish() {
        let md = to_markdown("projekt \"[en]Future Mentors[/en]\"", &none);
        assert_eq!(
            md,
            vec!["projekt „<span lang=\"en\">Future Mentors</span>”"]
        );
    }

    #[test]
    fn markdown_characters_are_escaped() {
        assert_eq!(escape("20. PKO Maraton", true), "20\\. PKO Maraton");
        assert_eq!(escape("a *b* <script>", false), "a \\*b\\* \\<script\\>");
        assert_eq!(escape("- x", true), "\\- x");
        assert_eq!(escape("Open & Agile", false), "Open & Agile");
    }

    #[test]
    fn paragraphs_and_placeholders() {
        let resolve = |n: &str, a: &str| (n == "dekady" && a == "brno").then(|| "50".to_string());
        let md = to_markdown(
            "ponad {dekady:brno}-letniej\nwspółpracy.\n\nDrugi akapit.",
            &resolve,
        );
        assert_eq!(md, vec!["ponad 50-letniej współpracy.", "Drugi akapit."]);
        let md = to_markdown("30. Konferencja w Dubrowniku", &resolve);
        // The no-break space after "30." also keeps it from being read as a numbered list.
        assert_eq!(md, vec!["30.\u{a0}Konferencja w\u{a0}Dubrowniku"]);
    }

    #[test]
    fn unbalanced_marks_are_reported() {
        assert!(check_lang_marks("[en]Future Mentors").is_err());
        assert!(check_lang_marks("Future[/en]").is_err());
        assert!(check_lang_marks("[en]a[/fr]").is_err());
        assert!(check_lang_marks("[en]a[/en] i [fr]b[/fr]").is_ok());
        assert_eq!(plain("[en]Gen-Y[/en] City", &none), "Gen-Y City");
    }

    #[test]
    fn whitespace_is_collapsed_as_split_and_join_would() {
        for text in [
            "", " ", "a", "a b", " a", "a ", "a  b", "a\nb", "a\tb", "a\u{a0}b", "ą ę", "a \n b",
        ] {
            let want = text.split_whitespace().collect::<Vec<_>>().join(" ");
            assert_eq!(collapse_whitespace(text), want, "{text:?}");
        }
    }
}
