//! Plain-words explanations of the YAML syntax errors staff make most, from the lines around
//! the parser's position: a colon inside a text, a continuation line indented too little, a key
//! without its colon, a text that starts with a quotation mark. The parser's own words
//! („mapping values are not allowed in this context”) name none of these, and for an
//! under-indented line it points two lines too late.

use crate::diag::Span;
use crate::tr;

/// A syntax error explained: where the mistake really is, what it is, and the corrected line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hint {
    /// Where the mistake is (may be before the parser's position).
    pub span: Span,
    /// What is wrong.
    pub message: String,
    /// What to do, with the line as it should be.
    pub help: String,
}

/// Keys of the data files, to tell a key whose colon is missing (`about [brno]`) from a line of
/// text.
const KEYS: &[&str] = &[
    "about",
    "acronyms",
    "activity_intro",
    "agreements",
    "alt",
    "annex",
    "body",
    "caption",
    "chapter_number",
    "chapter_title",
    "city",
    "city_genitive",
    "countries",
    "country",
    "credit",
    "date",
    "dates",
    "document",
    "ended",
    "events",
    "figures",
    "first_page",
    "full_name",
    "gender",
    "function",
    "heading",
    "id",
    "image",
    "intro",
    "kind",
    "lead",
    "list",
    "meetings",
    "name",
    "name_instrumental",
    "names",
    "native_name",
    "notes",
    "number",
    "occasion",
    "office",
    "office_abbreviation",
    "official",
    "official_genitive",
    "order",
    "organisations",
    "outro",
    "partners",
    "people",
    "place",
    "polish",
    "programme",
    "project_partners",
    "projects",
    "report_title",
    "scope",
    "section",
    "sections",
    "short",
    "signed",
    "since",
    "style",
    "summary",
    "summary_above_heading",
    "summary_continues",
    "text",
    "text_after",
    "title",
    "title_headings",
    "topics",
    "total",
    "type",
    "until",
    "year",
    "aliases",
    "memberships",
];

/// Explains the parser's error `raw` at `at` in `text`, when it is one of the common mistakes.
pub fn explain(text: &str, at: Span, raw: &str) -> Option<Hint> {
    let lines: Vec<&str> = text.lines().collect();
    let line = *lines.get(at.line.checked_sub(1)?)?;
    if raw.contains("mapping values are not allowed") {
        return colon_in_text(at.line, line)
            .or_else(|| {
                let prev = at.line.checked_sub(1)?;
                missing_colon(prev, lines.get(prev.checked_sub(1)?)?)
            })
            .or_else(|| misaligned_key(&lines, at.line));
    }
    if raw.contains("did not find expected '-' indicator") {
        return misaligned_key(&lines, at.line);
    }
    if raw.contains("did not find expected key") {
        if let Some(h) = quote_then_text(at.line, line) {
            return Some(h);
        }
    }
    if raw.contains("could not find expected ':'") || raw.contains("did not find expected key") {
        return under_indented(&lines, at.line);
    }
    None
}

/// `key: value` split at the key's colon: (indentation and `- `, key, value).
fn key_value(line: &str) -> Option<(&str, &str, &str)> {
    let body = line.trim_start();
    let lead = &line[..line.len() - body.len()];
    let dash = if body.starts_with("- ") { 2 } else { 0 };
    let rest = &body[dash..];
    let colon = rest
        .find(": ")
        .or_else(|| rest.strip_suffix(':').map(|r| r.len()))?;
    let key = &rest[..colon];
    if key.is_empty() || key.contains(char::is_whitespace) || key.starts_with('#') {
        return None;
    }
    let value = rest[colon + 1..].trim_start();
    Some((&line[..lead.len() + dash], key, value))
}

/// `credit: Źródło: UMP`, `intro: … m.in.: …`: a colon and a space inside a plain text.
fn colon_in_text(n: usize, line: &str) -> Option<Hint> {
    let (lead, key, value) = key_value(line)?;
    if value.is_empty() || value.starts_with(['"', '\'', '[', '{', '>', '|']) {
        return None;
    }
    let inner = value
        .find(": ")
        .or_else(|| value.strip_suffix(':').map(|v| v.len()))?;
    let before = value[..inner].rsplit(' ').next().unwrap_or_default();
    let quoted = if value.contains('"') {
        format!("{lead}{key}: '{}'", value.replace('\'', "''"))
    } else {
        format!("{lead}{key}: \"{value}\"")
    };
    let col = line[..line.len() - value.len() + inner].chars().count() + 1;
    Some(Hint {
        span: Span { line: n, col },
        message: tr!("yaml-hint-colon-in-text", key = key, before = before),
        help: tr!(
            "yaml-hint-colon-in-text-help",
            quoted = quoted.trim_start(),
            key = key
        ),
    })
}

/// `about:` indented more or less than the key above it in the same entry (`date:`).
fn misaligned_key(lines: &[&str], n: usize) -> Option<Hint> {
    let line = lines.get(n.checked_sub(1)?)?;
    let (lead, key, _) = key_value(line)?;
    if lead.trim_start().starts_with('-') {
        return None;
    }
    let (p, prev) = lines[..n - 1].iter().enumerate().rev().find(|(_, l)| {
        let b = l.trim_start();
        !b.is_empty() && !b.starts_with('#')
    })?;
    let (prev_lead, prev_key, prev_value) = key_value(prev)?;
    let (col, wanted) = (lead.len(), prev_lead.len());
    // A key under a key without a value (`diplomatic:` then `meetings:`) is nested: not this.
    if col == wanted || prev_value.is_empty() {
        return None;
    }
    Some(Hint {
        span: Span {
            line: n,
            col: col + 1,
        },
        message: tr!(
            "yaml-hint-misaligned-key",
            key = key,
            column = col + 1,
            above = prev_key,
            above_line = p + 1,
            above_column = wanted + 1
        ),
        help: tr!(
            "yaml-hint-misaligned-key-help",
            spaces = wanted,
            line = format!("{}{key}: …", " ".repeat(wanted))
        ),
    })
}

/// `  - date 2024-11-20` followed by a valid line: the key on line `n` has no colon.
fn missing_colon(n: usize, line: &str) -> Option<Hint> {
    let body = line.trim_start();
    let dash = if body.starts_with("- ") { 2 } else { 0 };
    let rest = &body[dash..];
    let key = rest.split(|c: char| c.is_whitespace() || c == '[').next()?;
    if !KEYS.contains(&key) || rest[key.len()..].starts_with(':') {
        return None;
    }
    let value = rest[key.len()..].trim_start();
    let col = line.len() - rest.len();
    let fixed = format!("{}{key}: {value}", &line[..col]);
    Some(Hint {
        span: Span {
            line: n,
            col: line[..col].chars().count() + 1,
        },
        message: tr!("yaml-hint-missing-colon", key = key),
        help: tr!("yaml-hint-missing-colon-help", line = fixed.trim_start()),
    })
}

/// `text: "Dni Hanoweru" w Poznaniu`: a quoted text followed by more words.
fn quote_then_text(n: usize, line: &str) -> Option<Hint> {
    let (lead, key, value) = key_value(line)?;
    let q = value.chars().next().filter(|c| *c == '"' || *c == '\'')?;
    let close = value[1..].find(q)? + 1;
    let after = value[close + 1..].trim();
    if after.is_empty() || after.starts_with('#') {
        return None;
    }
    let inner = &value[1..close];
    let col = line.len() - value.len();
    Some(Hint {
        span: Span {
            line: n,
            col: line[..col].chars().count() + 1,
        },
        message: tr!(
            "yaml-hint-quote-then-text",
            key = key,
            quoted = format!("{q}{inner}{q}"),
            after = after.chars().take(20).collect::<String>().trim_end()
        ),
        help: tr!(
            "yaml-hint-quote-then-text-help",
            line = format!("{}{key}: „{inner}” {after}", lead.trim_start())
        ),
    })
}

/// A line of text that continues the value above it but is indented too little: the parser
/// stumbles only on the next key, a line or two later. Looks back from line `n` for it.
fn under_indented(lines: &[&str], n: usize) -> Option<Hint> {
    let mut i = n.checked_sub(2)?; // index of the line before the reported one
    loop {
        let line = lines[i];
        let body = line.trim_start();
        if !body.is_empty() && !body.starts_with('#') {
            if key_value(line).is_some() || body.starts_with("- ") {
                return None;
            }
            // A plain line: find the key whose text it continues.
            let indent = line.len() - body.len();
            let (k, owner) = lines[..i].iter().enumerate().rev().find(|(_, l)| {
                let b = l.trim_start();
                !b.is_empty() && !b.starts_with('#') && key_value(l).is_some()
            })?;
            let (lead, key, value) = key_value(owner)?;
            let key_col = lead.len();
            if indent > key_col {
                return None;
            }
            // A block (`>-`) sets its indentation with its first line; a plain text needs more
            // than the key's.
            let wanted = if value.starts_with(['>', '|']) {
                lines[k + 1..i]
                    .iter()
                    .find(|l| !l.trim().is_empty())
                    .map_or(key_col + 2, |l| l.len() - l.trim_start().len())
            } else {
                key_col + 2
            };
            if let Some(colon) = missing_colon(i + 1, line) {
                return Some(colon);
            }
            return Some(Hint {
                span: Span {
                    line: i + 1,
                    col: indent + 1,
                },
                message: tr!(
                    "yaml-hint-under-indented",
                    key = key,
                    key_line = k + 1,
                    spaces = indent
                ),
                help: tr!(
                    "yaml-hint-under-indented-help",
                    spaces = wanted,
                    line = format!("{}{body}", " ".repeat(wanted))
                ),
            });
        }
        i = i.checked_sub(1)?;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hint(text: &str, line: usize, col: usize, raw: &str) -> Hint {
        explain(text, Span { line, col }, raw).expect("explained")
    }

    #[test]
    fn colon_in_a_text_suggests_quotes() {
        let h = hint(
            "figures:\n  - id: a\n    credit: Źródło: UMP\n",
            3,
            19,
            "mapping values are not allowed in this context",
        );
        assert_eq!(h.span, Span { line: 3, col: 19 });
        assert!(h.help.contains("`credit: \"Źródło: UMP\"`"), "{}", h.help);
    }

    #[test]
    fn under_indented_text_is_found_where_it_is() {
        let text = "events:\n  - date: 2022\n    text: >-\n      spotkanie z\n    Landu Berlin\n  - date: 2022\n";
        let h = hint(text, 6, 3, "could not find expected ':'");
        assert_eq!(h.span, Span { line: 5, col: 5 });
        assert!(h.help.contains("indent it 6 spaces"), "{}", h.help);
    }

    #[test]
    fn missing_colon_is_named() {
        let text = "events:\n  - date: 2022\n    about [brno]\n  - date: 2022\n";
        let h = hint(text, 4, 3, "could not find expected ':'");
        assert_eq!(h.span, Span { line: 3, col: 5 });
        assert!(h.help.contains("`about: [brno]`"), "{}", h.help);
        let text = "events:\n  - date 2022-11-20\n    about: [brno]\n";
        let h = hint(
            text,
            3,
            10,
            "mapping values are not allowed in this context",
        );
        assert_eq!(h.span, Span { line: 2, col: 5 });
        assert!(h.help.contains("`- date: 2022-11-20`"), "{}", h.help);
    }

    #[test]
    fn a_key_out_of_line_is_named_with_its_column() {
        let text = "events:\n  - date: 2022\n      about: [brno]\n";
        let h = hint(
            text,
            3,
            12,
            "mapping values are not allowed in this context",
        );
        assert_eq!(h.span, Span { line: 3, col: 7 });
        assert!(h.help.contains("indent it 4 spaces"), "{}", h.help);
        let text = "events:\n  - date: 2022\n   about: [brno]\n";
        let h = hint(text, 3, 4, "did not find expected '-' indicator");
        assert_eq!(h.span, Span { line: 3, col: 4 });
    }

    #[test]
    fn quoted_start_suggests_polish_quotes() {
        let h = hint(
            "events:\n  - date: 2022\n    text: \"Dni Berlina\" w Poznaniu\n",
            3,
            25,
            "did not find expected key",
        );
        assert!(
            h.help.contains("`text: „Dni Berlina” w Poznaniu`"),
            "{}",
            h.help
        );
    }
}
