//! Measuring and line-breaking styled inline text by real glyph advances.
//!
//! Text is set **ragged-right**, not justified: there is no Polish hyphenation here, and
//! justifying long Polish words (and the no-break spaces that glue one-letter words to the
//! next one) over a 160 mm measure, or over 40 mm table cells, opens wide, uneven gaps; even
//! word spacing also reads better for people with dyslexia (WCAG 1.4.8 advises against
//! justified text). Lines break only at ordinary spaces: U+00A0 is never a break opportunity
//! and is drawn as a space. A word wider than the line is broken between characters as a last
//! resort, so no line ever exceeds its width.

use crate::doc::Inline;

use super::fonts::{FontStyle, Fonts};

/// A run of text in one font and language, the unit drawn with one text operation.
#[derive(Debug, Clone, PartialEq)]
pub struct Piece {
    /// Typeface.
    pub font: FontStyle,
    /// Language of a foreign phrase (`Inline::Lang`), kept for tagging.
    pub lang: Option<String>,
    /// Target of a link, kept for link annotations.
    pub link: Option<String>,
    /// The text, possibly containing U+00A0.
    pub text: String,
}

impl Piece {
    fn same_attrs(&self, other: &Piece) -> bool {
        self.font == other.font && self.lang == other.lang && self.link == other.link
    }
}

/// One laid-out line: pieces with their x offset from the line start.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Line {
    /// Pieces and their x offsets in points.
    pub pieces: Vec<(f32, Piece)>,
    /// Total advance width in points.
    pub width: f32,
}

/// Inline content after style resolution: words, breakable spaces and hard breaks.
#[derive(Debug, Clone, PartialEq)]
enum Token {
    Word(Vec<Piece>),
    Space(FontStyle),
    Break,
}

#[derive(Clone)]
struct Attrs {
    font: FontStyle,
    lang: Option<String>,
    link: Option<String>,
}

/// Tokenises inlines into words (which may mix styles, e.g. „ + an English phrase).
fn tokenize(inlines: &[Inline], base: FontStyle) -> Vec<Token> {
    let mut tokens = Vec::new();
    let attrs = Attrs {
        font: base,
        lang: None,
        link: None,
    };
    push_inlines(inlines, &attrs, &mut tokens);
    tokens
}

fn push_inlines(inlines: &[Inline], attrs: &Attrs, tokens: &mut Vec<Token>) {
    for inline in inlines {
        match inline {
            Inline::Text(t) => push_text(t, attrs, tokens),
            Inline::Strong(c) => {
                let a = Attrs {
                    font: FontStyle::Bold,
                    ..attrs.clone()
                };
                push_inlines(c, &a, tokens);
            }
            Inline::Emphasis(c) => {
                // No bold italic is shipped: emphasis inside bold stays bold.
                let font = if attrs.font == FontStyle::Bold {
                    FontStyle::Bold
                } else {
                    FontStyle::Italic
                };
                push_inlines(
                    c,
                    &Attrs {
                        font,
                        ..attrs.clone()
                    },
                    tokens,
                );
            }
            Inline::Lang { lang, content } => {
                let a = Attrs {
                    lang: Some(lang.clone()),
                    ..attrs.clone()
                };
                push_inlines(content, &a, tokens);
            }
            Inline::Link { url, content } => {
                let a = Attrs {
                    link: Some(url.clone()),
                    ..attrs.clone()
                };
                push_inlines(content, &a, tokens);
            }
            Inline::LineBreak => tokens.push(Token::Break),
        }
    }
}

fn push_text(text: &str, attrs: &Attrs, tokens: &mut Vec<Token>) {
    for c in text.chars() {
        if matches!(c, ' ' | '\n' | '\t' | '\r') {
            // Runs of spaces collapse, as in HTML.
            if !matches!(tokens.last(), Some(Token::Space(_)) | None) {
                tokens.push(Token::Space(attrs.font));
            }
            continue;
        }
        let piece_matches =
            |p: &Piece| p.font == attrs.font && p.lang == attrs.lang && p.link == attrs.link;
        match tokens.last_mut() {
            Some(Token::Word(pieces)) => match pieces.last_mut() {
                Some(p) if piece_matches(p) => p.text.push(c),
                _ => pieces.push(new_piece(attrs, c)),
            },
            _ => tokens.push(Token::Word(vec![new_piece(attrs, c)])),
        }
    }
}

fn new_piece(attrs: &Attrs, c: char) -> Piece {
    Piece {
        font: attrs.font,
        lang: attrs.lang.clone(),
        link: attrs.link.clone(),
        text: c.to_string(),
    }
}

/// Breaks `inlines` into lines no wider than `width` points at font `size`.
/// `base` is the face of unstyled text (Bold for headings, Italic for captions).
pub fn wrap(inlines: &[Inline], base: FontStyle, size: f32, width: f32) -> Vec<Line> {
    let fonts = Fonts::get();
    let measure = |p: &Piece| fonts.width(p.font, &p.text, size);
    let mut lines = Vec::new();
    let mut line = Line::default();
    let mut pending_space: Option<FontStyle> = None;

    for token in tokenize(inlines, base) {
        match token {
            Token::Space(font) => pending_space = Some(font),
            Token::Break => {
                lines.push(std::mem::take(&mut line));
                pending_space = None;
            }
            Token::Word(pieces) => {
                let word_width: f32 = pieces.iter().map(measure).sum();
                let space_width = match (pending_space.take(), line.pieces.is_empty()) {
                    (Some(font), false) => Some((font, fonts.width(font, " ", size))),
                    _ => None,
                };
                let needed = word_width + space_width.map_or(0.0, |(_, w)| w);
                if line.width + needed <= width + 0.01 {
                    if let Some((font, w)) = space_width {
                        let space = Piece {
                            font,
                            lang: None,
                            link: None,
                            text: " ".into(),
                        };
                        // A space between two pieces of one phrase keeps the phrase's attributes.
                        let space = match (line.pieces.last(), pieces.first()) {
                            (Some((_, prev)), Some(next)) if prev.same_attrs(next) => Piece {
                                text: " ".into(),
                                ..prev.clone()
                            },
                            _ => space,
                        };
                        push_piece(&mut line, space, w);
                    }
                    for p in pieces {
                        let w = measure(&p);
                        push_piece(&mut line, p, w);
                    }
                    continue;
                }
                if !line.pieces.is_empty() {
                    lines.push(std::mem::take(&mut line));
                }
                if word_width <= width + 0.01 {
                    for p in pieces {
                        let w = measure(&p);
                        push_piece(&mut line, p, w);
                    }
                } else {
                    // Last resort for a word wider than the whole line: break between characters.
                    for p in pieces {
                        for c in p.text.chars() {
                            let w = fonts.width(p.font, c.encode_utf8(&mut [0; 4]), size);
                            if line.width + w > width + 0.01 && !line.pieces.is_empty() {
                                lines.push(std::mem::take(&mut line));
                            }
                            push_piece(
                                &mut line,
                                Piece {
                                    text: c.to_string(),
                                    ..p.clone()
                                },
                                w,
                            );
                        }
                    }
                }
            }
        }
    }
    if !line.pieces.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    // An empty paragraph yields one empty line; callers treat it as zero content.
    lines
}

/// Appends a piece, merging it into the previous one when the attributes match.
fn push_piece(line: &mut Line, piece: Piece, width: f32) {
    if let Some((_, last)) = line.pieces.last_mut() {
        if last.same_attrs(&piece) {
            last.text.push_str(&piece.text);
            line.width += width;
            return;
        }
    }
    line.pieces.push((line.width, piece));
    line.width += width;
}

/// Plain text of a line (for tests and debugging).
pub fn line_text(line: &Line) -> String {
    line.pieces.iter().map(|(_, p)| p.text.as_str()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> Vec<Inline> {
        vec![Inline::Text(s.to_string())]
    }

    #[test]
    fn never_breaks_at_no_break_space() {
        // Width fits "współpracę z" but the NBSP glues "z" to "14".
        let inl =
            text("kontynuowało współpracę z\u{a0}14\u{a0}miastami partnerskimi i\u{a0}Hrabstwem");
        for width in [90.0, 110.0, 140.0, 200.0] {
            let lines = wrap(&inl, FontStyle::Regular, 10.0, width);
            for l in &lines {
                let t = line_text(l);
                assert!(
                    !t.ends_with(" z") && !t.ends_with(" i") && !t.ends_with('\u{a0}'),
                    "{t:?}"
                );
                assert!(l.width <= width + 0.01, "{t:?} {} > {width}", l.width);
            }
            let joined: Vec<String> = lines.iter().map(line_text).collect();
            assert_eq!(
                joined.join(" "),
                "kontynuowało współpracę z\u{a0}14\u{a0}miastami partnerskimi i\u{a0}Hrabstwem"
            );
        }
    }

    #[test]
    fn over_long_word_is_broken_by_character() {
        let word = "Konstantynopolitańczykowianeczka".repeat(3);
        let lines = wrap(&text(&word), FontStyle::Regular, 10.0, 50.0);
        assert!(lines.len() > 3);
        assert!(lines.iter().all(|l| l.width <= 50.01));
        assert_eq!(lines.iter().map(line_text).collect::<String>(), word);
    }

    #[test]
    fn styles_become_pieces_with_offsets() {
        let inl = vec![
            Inline::Strong(text("Dzień Przyjaźni")),
            Inline::Text(" – projekt „".into()),
            Inline::Lang {
                lang: "en".into(),
                content: text("Gen-Y City"),
            },
            Inline::Text("”.".into()),
        ];
        let lines = wrap(&inl, FontStyle::Regular, 10.0, 1000.0);
        assert_eq!(lines.len(), 1);
        let p = &lines[0].pieces;
        assert_eq!(p[0].1.font, FontStyle::Bold);
        assert_eq!(p[0].1.text, "Dzień Przyjaźni");
        let en = p
            .iter()
            .find(|(_, p)| p.lang.as_deref() == Some("en"))
            .unwrap();
        assert_eq!(en.1.text, "Gen-Y City");
        assert!(p.windows(2).all(|w| w[0].0 < w[1].0));
        assert_eq!(
            line_text(&lines[0]),
            "Dzień Przyjaźni – projekt „Gen-Y City”."
        );
    }

    #[test]
    fn hard_break_and_empty_input() {
        let inl = vec![
            Inline::Text("a".into()),
            Inline::LineBreak,
            Inline::Text("b".into()),
        ];
        assert_eq!(wrap(&inl, FontStyle::Regular, 10.0, 100.0).len(), 2);
        assert_eq!(wrap(&[], FontStyle::Regular, 10.0, 100.0).len(), 1);
    }
}
