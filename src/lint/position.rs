//! Where a character of a parsed YAML value is in the file: line and column of a finding.
//!
//! The index knows where each value starts. A value's text differs from what is typed when the
//! value is quoted (`"…"`, `'…'` with `''`), folded over several lines (`>-`, or a plain value
//! continued on the next line), or has escapes. So the value is aligned with the file text from
//! its start: every character of the value is matched, in order, with the same character in the
//! file, skipping only what YAML syntax adds (quotes, the `>-` header, line breaks and
//! indentation, backslashes). If that fails (an escape such as `\u00a0`), the caller points at
//! the value's start and says so.

use crate::diag::Span;

/// A file's text, prepared for converting positions.
pub struct FileText {
    chars: Vec<char>,
    /// Index in `chars` of the first character of each line.
    line_starts: Vec<usize>,
}

impl FileText {
    /// Prepares `text`.
    pub fn new(text: &str) -> FileText {
        let chars: Vec<char> = text.chars().collect();
        let mut line_starts = vec![0];
        line_starts.extend(
            chars
                .iter()
                .enumerate()
                .filter(|(_, c)| **c == '\n')
                .map(|(i, _)| i + 1),
        );
        FileText { chars, line_starts }
    }

    fn index_of(&self, span: Span) -> Option<usize> {
        let start = *self.line_starts.get(span.line.checked_sub(1)?)?;
        let i = start + span.col.checked_sub(1)?;
        (i <= self.chars.len()).then_some(i)
    }

    fn span_of(&self, index: usize) -> Span {
        let line = self.line_starts.partition_point(|&s| s <= index);
        Span {
            line,
            col: index - self.line_starts[line - 1] + 1,
        }
    }

    /// Aligns `value`, which starts at `start` in the file, with the file text: the file
    /// position of each of its characters, or `None` if the two cannot be matched.
    pub fn align(&self, start: Span, value: &str) -> Option<Vec<Span>> {
        let mut i = self.index_of(start)?;
        let mut out = Vec::with_capacity(value.len());
        let mut started = false;
        for v in value.chars() {
            loop {
                let c = *self.chars.get(i)?;
                if c == v || (v.is_whitespace() && c.is_whitespace() && started) {
                    out.push(self.span_of(i));
                    i += 1;
                    started = true;
                    break;
                }
                // What YAML adds around and inside a value: quotes, a block header (`>-`, `|2`),
                // a comment after the header, line breaks and indentation, escapes.
                let skippable = c.is_whitespace()
                    || matches!(c, '"' | '\'' | '\\')
                    || (!started && matches!(c, '>' | '|' | '-' | '+' | '0'..='9'));
                if !started && c == '#' {
                    while self.chars.get(i).is_some_and(|c| *c != '\n') {
                        i += 1;
                    }
                } else if skippable {
                    i += 1;
                } else {
                    return None;
                }
            }
        }
        Some(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::yaml::PathIndex;

    /// Position of the `n`th character of the value at `path`.
    fn at(text: &str, path: &str, n: usize) -> Option<Span> {
        let index = PathIndex::build(text);
        let value = crate::data::yaml::parse(text).ok()?;
        let mut v = &value;
        for key in path.split('.') {
            v = v.get(key)?;
        }
        let s = v.as_str()?;
        FileText::new(text)
            .align(index.value(path)?, s)?
            .get(n)
            .copied()
    }

    fn span(line: usize, col: usize) -> Option<Span> {
        Some(Span { line, col })
    }

    #[test]
    fn plain_and_quoted_values() {
        let text = "a:\n  b: Polsko- Węgierskiej\n  c: \"Źródło :  UMP\"\n  d: 'it''s x'\n";
        assert_eq!(at(text, "a.b", 6), span(2, 12));
        assert_eq!(at(text, "a.c", 6), span(3, 13));
        assert_eq!(at(text, "a.d", 5), span(4, 13));
    }

    #[test]
    fn folded_values_over_several_lines() {
        let text = "e:\n  t: >-  # note\n    jeden dwa\n    trzy  cztery\n\n    pięć\n";
        // "jeden dwa trzy  cztery\npięć": "trzy" starts at character 10, "pięć" at 23.
        assert_eq!(at(text, "e.t", 10), span(4, 5));
        assert_eq!(at(text, "e.t", 23), span(6, 5));
        let text = "e:\n  t: jeden dwa\n    trzy\n";
        assert_eq!(at(text, "e.t", 10), span(3, 5));
    }

    #[test]
    fn escapes_that_change_characters_give_up() {
        let text = "e: \"a\\u00a0b\"\n";
        assert_eq!(at(text, "e", 2), None);
    }
}
