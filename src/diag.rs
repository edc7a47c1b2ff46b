//! Diagnostics about the user's files: where (file, line, column), what is wrong, and what to do.
//!
//! They are collected, never thrown: loading and validation report every problem in one run.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// A 1-based line and column in a file (columns count characters, not bytes).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Span {
    /// Line, from 1.
    pub line: usize,
    /// Column, from 1.
    pub col: usize,
}

/// How bad a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// The data cannot be used until this is fixed.
    Error,
    /// Worth fixing; the chapter can still be built.
    Warning,
}

/// One problem in one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// The file, as the user named it (relative to where they ran the command).
    pub file: PathBuf,
    /// Where in the file, when known.
    pub span: Option<Span>,
    /// What is wrong, in plain words.
    pub message: String,
    /// What to do about it.
    pub help: Option<String>,
    /// How many characters the caret covers, when the problem is a stretch of text (a misspelled
    /// word); otherwise the token at the position.
    pub width: Option<usize>,
}

impl Diagnostic {
    /// An error in `file` at `span`.
    pub fn error(file: &Path, span: Option<Span>, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            file: file.to_path_buf(),
            span,
            message: message.into(),
            help: None,
            width: None,
        }
    }

    /// A warning in `file` at `span`.
    pub fn warning(file: &Path, span: Option<Span>, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(file, span, message)
        }
    }

    /// Adds a hint saying what to do.
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// Sets how many characters the caret covers (cut at the end of the line).
    pub fn with_width(mut self, width: usize) -> Self {
        self.width = Some(width);
        self
    }

    /// Renders the diagnostic like a compiler does: `file:line:col: error: message`, then the
    /// offending line with a caret under the column, then `help: …`.
    /// `text` is the file's content, used for the excerpt.
    pub fn render(&self, text: Option<&str>) -> String {
        let line = self
            .span
            .zip(text)
            .and_then(|(span, text)| text.lines().nth(span.line.saturating_sub(1)));
        self.render_with_line(line)
    }

    /// [`Diagnostic::render`] given only the line the span points at (so that many diagnostics
    /// of one large file do not each search the file for their line).
    pub fn render_with_line(&self, line: Option<&str>) -> String {
        let level = match self.severity {
            Severity::Error => crate::tr!("diag-error"),
            Severity::Warning => crate::tr!("diag-warning"),
        };
        let mut out = String::new();
        let path = self.file.display().to_string();
        let file = printable(&path, MESSAGE_CHARS);
        let message = printable(&self.message, MESSAGE_CHARS);
        match self.span {
            Some(s) => {
                let _ = writeln!(out, "{file}:{}:{}: {level}: {message}", s.line, s.col);
            }
            None => {
                let _ = writeln!(out, "{file}: {level}: {message}");
            }
        }
        if let (Some(span), Some(line)) = (self.span, line) {
            let number = span.line.to_string();
            let pad = " ".repeat(number.len());
            // One visible character for each invisible one, so the caret stays in its column.
            let shown: String = line.chars().map(|c| visible(c).unwrap_or(c)).collect();
            let rest = shown.chars().count().saturating_sub(span.col - 1);
            let width = match self.width {
                Some(w) => w.min(rest).max(1),
                None => caret_width(&shown, span.col),
            };
            let (shown, col, width) = excerpt_window(&shown, span.col, width);
            let _ = writeln!(out, "{pad} |");
            let _ = writeln!(out, "{number} | {shown}");
            let _ = writeln!(
                out,
                "{pad} | {}{}",
                " ".repeat(col.saturating_sub(1)),
                "^".repeat(width)
            );
        }
        if let Some(help) = &self.help {
            let _ = writeln!(
                out,
                "  = {}: {}",
                crate::tr!("diag-help"),
                printable(help, MESSAGE_CHARS)
            );
        }
        out
    }
}

/// Longest message or help printed, in characters: a message that quotes a long value (a 3 MB
/// text) is cut in its middle, keeping how it starts and ends.
pub const MESSAGE_CHARS: usize = 400;

/// The visible stand-in for a character that must not reach the terminal as it is: a tab is a
/// space, other C0 controls but the line feed their Unicode control picture (␛ for ESC), DEL
/// ␡, and C1 controls and text-direction controls the replacement character.
fn visible(c: char) -> Option<char> {
    match c {
        '\t' => Some(' '),
        '\n' => None,
        '\0'..='\u{1f}' => char::from_u32(0x2400 + c as u32),
        '\u{7f}' => Some('\u{2421}'),
        '\u{80}'..='\u{9f}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' => Some('\u{FFFD}'),
        _ => None,
    }
}

/// `text` safe to print on a terminal: control characters made visible (see [`visible`]; line
/// breaks are harmless and kept), and cut to `max` characters in its middle.
pub fn printable(text: &str, max: usize) -> std::borrow::Cow<'_, str> {
    let clean = !text.chars().any(|c| visible(c).is_some());
    let count = text.chars().count();
    if clean && count <= max {
        return std::borrow::Cow::Borrowed(text);
    }
    let chars: Vec<char> = text.chars().map(|c| visible(c).unwrap_or(c)).collect();
    if count <= max {
        return std::borrow::Cow::Owned(chars.into_iter().collect());
    }
    let head = max * 3 / 4;
    let tail = max - head - 1;
    let mut out: String = chars[..head].iter().collect();
    out.push('…');
    out.extend(&chars[count - tail..]);
    std::borrow::Cow::Owned(out)
}

/// How many errors and warnings a list of diagnostics holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Counts {
    /// Diagnostics of severity [`Severity::Error`].
    pub errors: usize,
    /// Diagnostics of severity [`Severity::Warning`].
    pub warnings: usize,
}

impl Counts {
    /// Counts `diags`.
    pub fn of(diags: &[Diagnostic]) -> Counts {
        let errors = diags
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .count();
        Counts {
            errors,
            warnings: diags.len() - errors,
        }
    }

    /// "1 error", "3 errors" („1 błąd”, „3 błędy”).
    pub fn errors_text(&self) -> String {
        crate::tr!("count-errors", count = self.errors)
    }

    /// "1 warning", "3 warnings" („1 ostrzeżenie”, „3 ostrzeżenia”).
    pub fn warnings_text(&self) -> String {
        crate::tr!("count-warnings", count = self.warnings)
    }
}

/// Whether any of `diags` is an error.
pub fn has_errors(diags: &[Diagnostic]) -> bool {
    diags.iter().any(|d| d.severity == Severity::Error)
}

/// A diagnostic together with the text of the file it points into, so that it renders its
/// excerpt without anything being read again (a template error carries its template's text).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Located {
    /// The diagnostic.
    pub diagnostic: Diagnostic,
    /// The text of `diagnostic.file`, when there is one.
    pub text: Option<String>,
}

impl Located {
    /// Renders the diagnostic with its excerpt.
    pub fn render(&self) -> String {
        self.diagnostic.render(self.text.as_deref())
    }
}

/// Longest excerpt line shown, in characters; longer lines are cut around the column.
const EXCERPT_CHARS: usize = 120;

/// Cuts a long line to [`EXCERPT_CHARS`] around `col`, marking the cuts with `…`, so that one
/// error in a file written on a single line (or 10,000 `[`) does not print the whole file.
/// Returns the line, the column and the caret width within it.
fn excerpt_window(line: &str, col: usize, width: usize) -> (String, usize, usize) {
    let chars: Vec<char> = line.chars().collect();
    if chars.len() <= EXCERPT_CHARS {
        return (line.to_string(), col, width);
    }
    let at = col.saturating_sub(1).min(chars.len());
    let start = at.saturating_sub(EXCERPT_CHARS / 3);
    let end = (start + EXCERPT_CHARS).min(chars.len());
    let mut shown: String = chars[start..end].iter().collect();
    let mut col = at - start + 1;
    if start > 0 {
        shown.insert(0, '…');
        col += 1;
    }
    if end < chars.len() {
        shown.push('…');
    }
    let width = width.min(end.saturating_sub(at)).max(1);
    (shown, col, width)
}

/// How many carets: the length of the token starting at `col` (a quoted string, or up to a
/// YAML separator), at least 1.
fn caret_width(line: &str, col: usize) -> usize {
    let rest: Vec<char> = line.chars().skip(col.saturating_sub(1)).collect();
    let Some(&first) = rest.first() else { return 1 };
    let len = if first == '"' || first == '\'' {
        rest.iter()
            .skip(1)
            .position(|&c| c == first)
            .map_or(rest.len(), |p| p + 2)
    } else {
        // A key ends at its colon; a plain value at a YAML separator or comment.
        let end = (0..rest.len())
            .find(|&i| {
                matches!(rest[i], ',' | ']' | '}' | '#')
                    || (rest[i] == ':' && rest.get(i + 1).is_none_or(|c| c.is_whitespace()))
            })
            .unwrap_or(rest.len());
        rest[..end]
            .iter()
            .collect::<String>()
            .trim_end()
            .chars()
            .count()
    };
    len.max(1)
}

/// "Did you mean …?": the candidate closest to `wrong`, if it is close enough to be a typo.
pub fn suggest<'a>(wrong: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let wrong_lower = wrong.to_lowercase();
    candidates
        .into_iter()
        .map(|c| {
            let lower = c.to_lowercase();
            let score = if lower.starts_with(&wrong_lower) || wrong_lower.starts_with(&lower) {
                0.95
            } else {
                strsim::jaro_winkler(&wrong_lower, &lower)
            };
            (score, c)
        })
        .filter(|(score, _)| *score >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0).then_with(|| b.1.cmp(a.1)))
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_location_excerpt_and_help() {
        let text = "year: 2022\nevents:\n  - about: [gyor]\n";
        let d = Diagnostic::error(
            Path::new("data/years/2022.yaml"),
            Some(Span { line: 3, col: 13 }),
            "unknown id `gyor`",
        )
        .with_help("did you mean `gyor-hu`?");
        let out = d.render(Some(text));
        assert_eq!(
            out,
            "data/years/2022.yaml:3:13: error: unknown id `gyor`\n  |\n3 |   - about: [gyor]\n  |             ^^^^\n  = help: did you mean `gyor-hu`?\n"
        );
    }

    #[test]
    fn long_lines_are_cut_around_the_column() {
        let line = format!("events: {}", "[".repeat(10_000));
        let d = Diagnostic::error(
            Path::new("data/years/2022.yaml"),
            Some(Span { line: 1, col: 137 }),
            "too deep",
        );
        let out = d.render(Some(&line));
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines[2], format!("1 | …{}…", "[".repeat(120)));
        // The caret is still under column 137: 40 characters into the window, after the `…`.
        assert_eq!(
            lines[3],
            format!("  | {}{}", " ".repeat(41), "^".repeat(80))
        );
    }

    #[test]
    fn control_characters_never_reach_the_terminal() {
        let text = "  - text: \"a\u{1b}]0;PWNED\u{7}b\"\n";
        let d = Diagnostic::error(
            Path::new("data/years/2022.yaml"),
            Some(Span { line: 1, col: 13 }),
            "the text „a\u{1b}]0;PWNED\u{7}b” holds an invisible control character",
        )
        .with_help("x\u{9b}y");
        let out = d.render(Some(text));
        assert!(!out.chars().any(|c| c.is_control() && c != '\n'), "{out:?}");
        assert!(out.contains("„a␛]0;PWNED␇b”"), "{out}");
        // The caret is still under the ESC, shown as one character.
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines[2], "1 |   - text: \"a␛]0;PWNED␇b\"");
        assert_eq!(lines[3], "  |             ^");
        assert!(out.contains("help: x\u{FFFD}y"));
    }

    #[test]
    fn long_messages_are_cut_in_the_middle() {
        let value = "x".repeat(3_000_000);
        let d = Diagnostic::error(
            Path::new("data/years/2022.yaml"),
            None,
            format!("unknown id `{value}` in the list"),
        );
        let out = d.render(None);
        assert!(
            out.chars().count() < 600,
            "{} characters",
            out.chars().count()
        );
        assert!(out.contains("error: unknown id `xxx"));
        assert!(out.contains("xxx` in the list"));
        assert!(out.contains('…'));
    }

    #[test]
    fn caret_covers_quoted_strings() {
        assert_eq!(caret_width("  date: \"2022-02-30\"", 9), 12);
        assert_eq!(caret_width("  date: 2022-02-30 # x", 9), 10);
        assert_eq!(caret_width("  - dat: 2022-04-21", 5), 3);
        assert_eq!(caret_width("  url: https://example.org", 8), 19);
    }

    #[test]
    fn suggests_close_ids_only() {
        let ids = ["brno", "gyor", "hanower", "kutaisi"];
        assert_eq!(suggest("gyr", ids), Some("gyor"));
        assert_eq!(suggest("hannover", ids), Some("hanower"));
        assert_eq!(suggest("xyz", ids), None);
    }
}
