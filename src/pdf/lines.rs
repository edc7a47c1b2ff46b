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
    /// The hyphen repeated at the start of a line after a compound broken at its hyphen
    /// („polsko-” / „-niemiecki”, the Polish rule), a piece of its own. It stays text: poppler
    /// (pdftotext), like many extractors, drops a hyphen that ends a line as if it were a soft
    /// one, so the repeated hyphen is what makes extraction give „polsko-niemiecki” (an empty
    /// `/ActualText` on it gave „polskoniemiecki”); speech does not pronounce the two hyphens.
    pub repeated_hyphen: bool,
}

/// One laid-out line: pieces with their x offset from the line start.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Line {
    /// Pieces and their x offsets in points.
    pub pieces: Vec<(f32, Piece)>,
    /// Total advance width in points.
    pub width: f32,
}

/// Attributes of a stretch of text: what makes two pieces different.
#[derive(Clone, PartialEq)]
struct Attrs<'a> {
    font: FontStyle,
    lang: Option<&'a str>,
    link: Option<&'a str>,
    repeated_hyphen: bool,
}

impl Attrs<'_> {
    fn piece(&self, text: &str) -> Piece {
        Piece {
            font: self.font,
            lang: self.lang.map(str::to_string),
            link: self.link.map(str::to_string),
            text: text.to_string(),
            repeated_hyphen: self.repeated_hyphen,
        }
    }

    fn matches(&self, piece: &Piece) -> bool {
        self.font == piece.font
            && self.lang == piece.lang.as_deref()
            && self.link == piece.link.as_deref()
            && self.repeated_hyphen == piece.repeated_hyphen
    }
}

/// Inline content flattened into runs of text with their attributes, and hard breaks.
enum Run<'a> {
    Text(&'a str, Attrs<'a>),
    Break,
}

fn flatten<'a>(inlines: &'a [Inline], attrs: &Attrs<'a>, runs: &mut Vec<Run<'a>>) {
    for inline in inlines {
        match inline {
            Inline::Text(t) => runs.push(Run::Text(t, attrs.clone())),
            Inline::Strong(c) => {
                let a = Attrs {
                    font: FontStyle::Bold,
                    ..attrs.clone()
                };
                flatten(c, &a, runs);
            }
            Inline::Emphasis(c) => {
                // No bold italic is shipped: emphasis inside bold stays bold.
                let font = if attrs.font == FontStyle::Bold {
                    FontStyle::Bold
                } else {
                    FontStyle::Italic
                };
                let a = Attrs {
                    font,
                    ..attrs.clone()
                };
                flatten(c, &a, runs);
            }
            Inline::Lang { lang, content } => {
                let a = Attrs {
                    lang: Some(lang),
                    ..attrs.clone()
                };
                flatten(content, &a, runs);
            }
            Inline::Link { url, content } => {
                let a = Attrs {
                    link: Some(url),
                    ..attrs.clone()
                };
                flatten(content, &a, runs);
            }
            Inline::LineBreak => runs.push(Run::Break),
        }
    }
}

/// A part of a word in one style: run index, byte range in the run's text, width.
#[derive(Clone, Copy)]
struct Part {
    run: usize,
    start: usize,
    end: usize,
    width: f32,
}

/// Something the line breaker handles: a word (its parts are in the breaker's buffer),
/// a breakable space in a font, or a hard break.
enum Item {
    Word,
    Space(FontStyle),
    Break,
}

/// Splits runs into words, spaces and breaks; a word may span runs („ + an English phrase).
/// Runs of spaces collapse to one, as in HTML, and leading spaces are dropped.
struct Words<'r, 'a> {
    runs: &'r [Run<'a>],
    run: usize,
    pos: usize,
    size: f32,
    /// Whether anything was produced yet, and whether the last item was a space.
    started: bool,
    after_space: bool,
}

fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\n' | '\t' | '\r')
}

impl<'r, 'a> Words<'r, 'a> {
    /// The next item; for a word, its parts replace the contents of `parts`.
    fn next(&mut self, parts: &mut Vec<Part>) -> Option<Item> {
        let fonts = Fonts::get();
        parts.clear();
        loop {
            let Some(run) = self.runs.get(self.run) else {
                return (!parts.is_empty()).then_some(Item::Word);
            };
            let (text, attrs) = match run {
                Run::Break => {
                    if !parts.is_empty() {
                        return Some(Item::Word);
                    }
                    self.run += 1;
                    self.pos = 0;
                    self.started = true;
                    self.after_space = false;
                    return Some(Item::Break);
                }
                Run::Text(text, attrs) => (*text, attrs),
            };
            let rest = &text[self.pos..];
            let Some(first) = rest.chars().next() else {
                self.run += 1;
                self.pos = 0;
                continue;
            };
            if is_space(first) {
                if !parts.is_empty() {
                    return Some(Item::Word);
                }
                self.pos += rest.len() - rest.trim_start_matches(is_space).len();
                if self.started && !self.after_space {
                    self.after_space = true;
                    return Some(Item::Space(attrs.font));
                }
                continue;
            }
            let len = rest.find(is_space).unwrap_or(rest.len());
            let word = &rest[..len];
            parts.push(Part {
                run: self.run,
                start: self.pos,
                end: self.pos + len,
                width: fonts.width(attrs.font, word, self.size),
            });
            self.pos += len;
            self.started = true;
            self.after_space = false;
        }
    }
}

/// Breaks `inlines` into lines no wider than `width` points at font `size`.
/// `base` is the face of unstyled text (Bold for headings, Italic for captions).
pub fn wrap(inlines: &[Inline], base: FontStyle, size: f32, width: f32) -> Vec<Line> {
    let fonts = Fonts::get();
    let mut runs = Vec::new();
    let attrs = Attrs {
        font: base,
        lang: None,
        link: None,
        repeated_hyphen: false,
    };
    flatten(inlines, &attrs, &mut runs);
    let text = |p: &Part| match &runs[p.run] {
        Run::Text(t, a) => (&t[p.start..p.end], a),
        Run::Break => ("", &attrs),
    };

    let mut words = Words {
        runs: &runs,
        run: 0,
        pos: 0,
        size,
        started: false,
        after_space: false,
    };
    let mut lines = Vec::new();
    let mut line = Line::default();
    let mut pending_space: Option<FontStyle> = None;
    let mut parts = Vec::new();

    while let Some(item) = words.next(&mut parts) {
        match item {
            Item::Space(font) => pending_space = Some(font),
            Item::Break => {
                lines.push(std::mem::take(&mut line));
                pending_space = None;
            }
            Item::Word => {
                let word_width: f32 = parts.iter().map(|p| p.width).sum();
                let space_width = match (pending_space.take(), line.pieces.is_empty()) {
                    (Some(font), false) => Some((font, fonts.width(font, " ", size))),
                    _ => None,
                };
                let needed = word_width + space_width.map_or(0.0, |(_, w)| w);
                if line.width + needed <= width + 0.01 {
                    if let Some((font, w)) = space_width {
                        // A space between two pieces of one phrase keeps the phrase's attributes.
                        let (_, first) = text(&parts[0]);
                        // (Matching attributes are equal, so the first part's will do.)
                        let space = if line.pieces.last().is_some_and(|(_, p)| first.matches(p)) {
                            first.clone()
                        } else {
                            Attrs {
                                font,
                                lang: None,
                                link: None,
                                repeated_hyphen: false,
                            }
                        };
                        push_text(&mut line, &space, " ", w, size);
                    }
                    for p in &parts {
                        let (t, a) = text(p);
                        push_text(&mut line, a, t, p.width, size);
                    }
                    continue;
                }
                // A compound („polsko-niemiecki”) may break after one of its hyphens.
                if let [part] = parts[..] {
                    let (t, a) = text(&part);
                    let room = width - line.width - space_width.map_or(0.0, |(_, w)| w);
                    if let Some(cut) = hyphen_cut(t, a.font, size, room) {
                        if let Some((_, w)) = space_width {
                            push_text(&mut line, a, " ", w, size);
                        }
                        let head = &t[..cut];
                        push_text(&mut line, a, head, fonts.width(a.font, head, size), size);
                        lines.push(std::mem::take(&mut line));
                        continue_compound(&mut lines, &mut line, a, &t[cut..], size, width);
                        continue;
                    }
                }
                if !line.pieces.is_empty() {
                    if let (Some(_), Some((_, last))) = (space_width, line.pieces.last_mut()) {
                        // The space the line breaks at stays in the text, without width, at the
                        // end of the line: invisible, but a screen reader reading the tagged
                        // PDF gets "Hrabstwem Nottinghamshire", not "HrabstwemNottinghamshire".
                        last.text.push(' ');
                    }
                    lines.push(std::mem::take(&mut line));
                }
                if word_width <= width + 0.01 {
                    for p in &parts {
                        let (t, a) = text(p);
                        push_text(&mut line, a, t, p.width, size);
                    }
                } else {
                    // Last resort for a word wider than the whole line: break between characters.
                    for p in &parts {
                        let (t, a) = text(p);
                        for c in t.chars() {
                            let s = c.encode_utf8(&mut [0; 4]).to_string();
                            let w = fonts.width(a.font, &s, size);
                            if line.width + w > width + 0.01 && !line.pieces.is_empty() {
                                lines.push(std::mem::take(&mut line));
                            }
                            push_text(&mut line, a, &s, w, size);
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

/// Where a compound may break within `room`: the byte index just after the last hyphen that
/// joins two words of letters (at least two letters each side, so „e-mail” and „20-lecia”
/// stay whole) and whose head fits. Not in addresses, which a repeated hyphen would change.
fn hyphen_cut(word: &str, font: FontStyle, size: f32, room: f32) -> Option<usize> {
    if word.contains(['/', '@', ':']) {
        return None;
    }
    let fonts = Fonts::get();
    let letters_before = |i: usize| word[..i].chars().rev().take_while(|c| c.is_alphabetic());
    let letters_after = |i: usize| word[i + 1..].chars().take_while(|c| c.is_alphabetic());
    word.match_indices('-')
        .map(|(i, _)| i)
        .filter(|&i| letters_before(i).count() >= 2 && letters_after(i).count() >= 2)
        .map(|i| i + 1)
        .filter(|&cut| fonts.width(font, &word[..cut], size) <= room + 0.01)
        .last()
}

/// The rest of a compound broken at a hyphen, from the start of a new line: the repeated
/// hyphen, then as much of the rest as fits, breaking again at a hyphen if it must.
fn continue_compound<'a>(
    lines: &mut Vec<Line>,
    line: &mut Line,
    attrs: &Attrs<'a>,
    mut rest: &str,
    size: f32,
    width: f32,
) {
    let fonts = Fonts::get();
    let hyphen = Attrs {
        repeated_hyphen: true,
        ..attrs.clone()
    };
    loop {
        push_text(line, &hyphen, "-", fonts.width(attrs.font, "-", size), size);
        let w = fonts.width(attrs.font, rest, size);
        if line.width + w <= width + 0.01 {
            push_text(line, attrs, rest, w, size);
            return;
        }
        match hyphen_cut(rest, attrs.font, size, width - line.width) {
            Some(cut) => {
                let head = &rest[..cut];
                push_text(line, attrs, head, fonts.width(attrs.font, head, size), size);
                lines.push(std::mem::take(line));
                rest = &rest[cut..];
            }
            None => {
                // Too long even for a line of its own: break between characters, as any word.
                for c in rest.chars() {
                    let s = c.encode_utf8(&mut [0; 4]).to_string();
                    let w = fonts.width(attrs.font, &s, size);
                    if line.width + w > width + 0.01 && !line.pieces.is_empty() {
                        lines.push(std::mem::take(line));
                    }
                    push_text(line, attrs, &s, w, size);
                }
                return;
            }
        }
    }
}

/// Appends text to a line, into the previous piece when the attributes match. Joined text is
/// drawn kerned across the join, so the pair's kerning is added to the line's width too.
fn push_text(line: &mut Line, attrs: &Attrs, text: &str, width: f32, size: f32) {
    match line.pieces.last_mut() {
        Some((_, last)) if attrs.matches(last) => {
            if let (Some(a), Some(b)) = (last.text.chars().next_back(), text.chars().next()) {
                let kern = Fonts::get().kern_milli(last.font, a, b);
                line.width += kern as f32 * size / 1000.0;
            }
            last.text.push_str(text)
        }
        _ => line.pieces.push((line.width, attrs.piece(text))),
    }
    line.width += width;
}

/// Plain text of a line (for tests).
#[cfg(test)]
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
                let line = line_text(l);
                // Every line but the last ends with the (zero-width) space it broke at.
                let t = line.strip_suffix(' ').unwrap_or(&line);
                assert!(
                    !t.ends_with(" z") && !t.ends_with(" i") && !t.ends_with('\u{a0}'),
                    "{t:?}"
                );
                assert!(l.width <= width + 0.01, "{t:?} {} > {width}", l.width);
            }
            let joined: Vec<String> = lines.iter().map(line_text).collect();
            assert_eq!(
                joined.concat(),
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
