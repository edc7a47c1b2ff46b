//! Page content streams, written directly as PDF operators.
//!
//! printpdf's op list → lopdf conversion formatted every glyph id through `core::fmt` and
//! built a lopdf object per operator; on a long chapter that was most of the PDF's cost.
//! The layout already knows every position, so the operators are simple enough to write
//! by hand: text runs as `Tm` + hex glyph codes inside one text object per stretch of text,
//! rules and fills as paths, images as XObjects.
//!
//! Every mark is inside marked content: `/Tag <</MCID n>> BDC … EMC` for content of a structure
//! element (with `/Lang` for a foreign phrase), `/Artifact` for borders, repeated headers and
//! the footer. Consecutive marks of one element share one sequence; a sequence never crosses
//! a `BT`/`ET`, as ISO 32000 requires of marked content and text objects.

use super::fonts::{FontStyle, Fonts};
use super::marks::{Mark, PageLayout, Role, Tag};
use super::structure::{Kind, Marked, Phrase, Structure};

/// Maps a character to its two-byte code in the embedded (subset) font of a style.
pub trait GlyphCodes {
    /// The code of `c` in `style`'s subset; 0 (.notdef) if the character was not collected.
    fn code(&self, style: FontStyle, c: char) -> u16;
}

/// Resource name of the image with this index in [`super::marks::Layout::images`].
pub fn image_resource(index: usize) -> String {
    format!("IMG{index:03}")
}

/// A page's content stream and what its marked content belongs to.
pub struct PageStream {
    /// The uncompressed content stream.
    pub bytes: Vec<u8>,
    /// What each marked-content id (MCID) of the page belongs to, in MCID order: the page's
    /// entry in the parent tree.
    pub elements: Vec<Marked>,
}

/// The content stream of one page; `structure` names the marked-content tags. Headings are
/// filled in `accent` (RGB, 0–1), everything else in black.
pub fn page_stream(
    page: &PageLayout,
    structure: &Structure,
    codes: &impl GlyphCodes,
    accent: [f32; 3],
) -> PageStream {
    let mut w = Writer {
        out: Vec::with_capacity(page.items.len() * 64),
        in_text: false,
        font: None,
        accented: false,
        marked: None,
        elements: Vec::new(),
    };
    for item in &page.items {
        match &item.mark {
            Mark::Text { x, y, size, piece } => {
                w.begin_text();
                let strong = piece.font == FontStyle::Bold && in_running_text(item.tag, structure);
                w.mark(item.tag, piece.lang.as_deref(), strong, structure);
                if w.font != Some((piece.font, *size)) {
                    w.font = Some((piece.font, *size));
                    w.raw("/");
                    w.raw(piece.font.resource_name());
                    w.raw(" ");
                    w.op(&[*size], "Tf");
                }
                let heading = matches!(item.role, Role::Heading(_));
                if heading != w.accented {
                    w.accented = heading;
                    if heading {
                        w.op(&accent, "rg");
                    } else {
                        w.op(&[0.0], "g");
                    }
                }
                // Absolute text matrix: every run stands on its own, as the layout placed it.
                w.op(&[1.0, 0.0, 0.0, 1.0, *x, *y], "Tm");
                w.text(piece.font, &piece.text, codes);
            }
            Mark::Line {
                x1,
                y1,
                x2,
                y2,
                width,
                gray,
            } => {
                w.end_text();
                w.mark(item.tag, None, false, structure);
                w.raw("q\n");
                w.op(&[*width], "w");
                w.op(&[*gray], "G");
                w.op(&[*x1, *y1], "m");
                w.op(&[*x2, *y2], "l");
                w.raw("S\nQ\n");
            }
            Mark::Fill {
                x,
                y,
                w: width,
                h,
                gray,
            } => {
                w.end_text();
                w.mark(item.tag, None, false, structure);
                w.raw("q\n");
                w.op(&[*gray], "g");
                w.op(&[*x, *y, *width, *h], "re");
                w.raw("f\nQ\n");
            }
            Mark::Ring { x, y, r, width } => {
                w.end_text();
                w.mark(item.tag, None, false, structure);
                w.raw("q\n");
                w.op(&[*width], "w");
                w.op(&[0.0], "G");
                w.circle(*x, *y, *r);
                w.raw("S\nQ\n");
            }
            Mark::Image {
                x,
                y,
                w: width,
                h,
                image,
            } => {
                w.end_text();
                w.mark(item.tag, None, false, structure);
                w.raw("q\n");
                w.op(&[*width, 0.0, 0.0, *h, *x, *y], "cm");
                w.raw("/");
                w.raw(&image_resource(*image));
                w.raw(" Do\nQ\n");
            }
        }
    }
    w.end_text();
    w.end_marked();
    PageStream {
        bytes: w.out,
        elements: w.elements,
    }
}

struct Writer<'a> {
    out: Vec<u8>,
    in_text: bool,
    /// Font and size set in the current text object (reset by `ET`).
    font: Option<(FontStyle, f32)>,
    /// Whether the fill colour is the accent (for headings) rather than black. The colour is
    /// graphics state: it outlives `ET`, and the `q`/`Q` around rules and fills keep it.
    accented: bool,
    /// The open marked-content sequence: its tag, language and boldness.
    marked: Option<(Tag, Option<&'a str>, bool)>,
    /// What each MCID written so far belongs to.
    elements: Vec<Marked>,
}

/// Is `tag` the content of running text (a paragraph or a data cell), where bold marks a
/// phrase (`Strong`)? Headings, header cells and captions are bold as a whole, by their kind.
fn in_running_text(tag: Tag, structure: &Structure) -> bool {
    match tag {
        Tag::Content(e) => matches!(structure.get(e).kind, Kind::Paragraph | Kind::DataCell),
        _ => false,
    }
}

impl<'a> Writer<'a> {
    fn raw(&mut self, s: &str) {
        self.out.extend_from_slice(s.as_bytes());
    }

    /// Puts what follows into the marked-content sequence of `tag` (and `lang`, and bold
    /// `strong`), continuing the open one when it is the same. A phrase (foreign or bold) is a
    /// sequence of its own, which the structure tree wraps in a `Span` or `Strong`.
    fn mark(&mut self, tag: Tag, lang: Option<&'a str>, strong: bool, structure: &Structure) {
        let (lang, strong) = match tag {
            Tag::Content(_) => (lang, strong),
            _ => (None, false),
        };
        if self.marked == Some((tag, lang, strong)) {
            return;
        }
        self.end_marked();
        self.marked = Some((tag, lang, strong));
        match tag {
            Tag::Content(elem) => {
                let phrase = (strong || lang.is_some()).then(|| Phrase {
                    strong,
                    lang: lang.map(str::to_string),
                });
                self.raw("/");
                self.raw(match &phrase {
                    Some(p) => p.name(),
                    None => structure.get(elem).kind.name(),
                });
                self.raw(" <</MCID ");
                push_uint(&mut self.out, self.elements.len() as u64);
                self.elements.push(Marked {
                    element: elem,
                    phrase,
                });
                if let Some(lang) = lang {
                    // Language of a foreign phrase (PDF19); tags are ASCII letters and digits.
                    self.raw(" /Lang (");
                    self.raw(&lang.replace(|c: char| !c.is_ascii_alphanumeric() && c != '-', ""));
                    self.raw(")");
                }
                self.raw(">> BDC\n");
            }
            Tag::Layout => self.raw("/Artifact <</Type /Layout>> BDC\n"),
            Tag::Repeated => self.raw("/Artifact <</Type /Pagination>> BDC\n"),
            Tag::Footer => self.raw("/Artifact <</Type /Pagination /Subtype /Footer>> BDC\n"),
            Tag::Header => self.raw("/Artifact <</Type /Pagination /Subtype /Header>> BDC\n"),
        }
    }

    fn end_marked(&mut self) {
        if self.marked.take().is_some() {
            self.raw("EMC\n");
        }
    }

    fn begin_text(&mut self) {
        if !self.in_text {
            // A sequence opened outside this text object must not end inside it.
            self.end_marked();
            self.raw("BT\n");
            self.in_text = true;
            self.font = None;
        }
    }

    fn end_text(&mut self) {
        if self.in_text {
            self.end_marked();
            self.raw("ET\n");
            self.in_text = false;
        }
    }

    /// A circle path: four Bézier quarter arcs (control points at 0.5523 of the radius).
    fn circle(&mut self, x: f32, y: f32, r: f32) {
        let k = 0.5523 * r;
        self.op(&[x + r, y], "m");
        self.op(&[x + r, y + k, x + k, y + r, x, y + r], "c");
        self.op(&[x - k, y + r, x - r, y + k, x - r, y], "c");
        self.op(&[x - r, y - k, x - k, y - r, x, y - r], "c");
        self.op(&[x + k, y - r, x + r, y - k, x + r, y], "c");
    }

    /// An operator line: its operands, then the operator.
    fn op(&mut self, operands: &[f32], operator: &str) {
        for v in operands {
            self.num(*v);
            self.out.push(b' ');
        }
        self.raw(operator);
        self.out.push(b'\n');
    }

    fn num(&mut self, v: f32) {
        push_number(&mut self.out, v);
    }

    /// Shows `text`: `(…) Tj`, or `[(…) 40 (…)] TJ` with the font's kerning between the pairs
    /// that have it, in the thousandths of an em the layout measured (a TJ number moves the
    /// next glyph left by that much, so it is the kerning negated). Kerning only moves glyphs
    /// closer or apart by a fraction of a space, so text extraction finds the same words.
    fn text(&mut self, style: FontStyle, text: &str, codes: &impl GlyphCodes) {
        let fonts = Fonts::get();
        let kern = |(a, b): (char, char)| fonts.kern_milli(style, a, b);
        let pairs = || text.chars().zip(text.chars().skip(1));
        if pairs().all(|p| kern(p) == 0) {
            self.raw("(");
            for c in text.chars() {
                self.code(codes.code(style, c));
            }
            self.raw(") Tj\n");
            return;
        }
        self.raw("[(");
        let mut chars = text.chars();
        if let Some(first) = chars.next() {
            self.code(codes.code(style, first));
        }
        for (pair, c) in pairs().zip(chars) {
            let k = kern(pair);
            if k != 0 {
                self.raw(") ");
                push_number(&mut self.out, -(k as f32));
                self.raw(" (");
            }
            self.code(codes.code(style, c));
        }
        self.raw(")] TJ\n");
    }

    /// A two-byte glyph code inside a literal string: raw bytes, half the size of hex and
    /// cheaper to compress. `(`, `)` and `\` are escaped, and so is CR, which a reader
    /// would otherwise read as a line end (a plain LF byte stands for itself).
    fn code(&mut self, code: u16) {
        for byte in code.to_be_bytes() {
            match byte {
                b'(' | b')' | b'\\' => self.out.extend_from_slice(&[b'\\', byte]),
                b'\r' => self.out.extend_from_slice(b"\\r"),
                _ => self.out.push(byte),
            }
        }
    }
}

/// A number with at most three decimals (1/1000 pt is far below any device's resolution),
/// without trailing zeros: `70.866`, `56`, `-0.5`.
pub fn push_number(out: &mut Vec<u8>, v: f32) {
    let milli = (f64::from(v) * 1000.0).round() as i64;
    if milli < 0 {
        out.push(b'-');
    }
    let milli = milli.unsigned_abs();
    push_uint(out, milli / 1000);
    let mut frac = milli % 1000;
    if frac != 0 {
        out.push(b'.');
        let mut digits = 3;
        while frac.is_multiple_of(10) {
            frac /= 10;
            digits -= 1;
        }
        let start = out.len();
        for _ in 0..digits {
            out.push(b'0' + (frac % 10) as u8);
            frac /= 10;
        }
        out[start..].reverse();
    }
}

/// A non-negative integer in decimal.
pub fn push_uint(out: &mut Vec<u8>, mut n: u64) {
    let start = out.len();
    loop {
        out.push(b'0' + (n % 10) as u8);
        n /= 10;
        if n == 0 {
            break;
        }
    }
    out[start..].reverse();
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pdf::lines::Piece;
    use crate::pdf::marks::Placed;
    use crate::pdf::structure::ElemId;

    struct Ascii;
    impl GlyphCodes for Ascii {
        fn code(&self, _: FontStyle, c: char) -> u16 {
            c as u16
        }
    }

    fn placed(tag: Tag, mark: Mark) -> Placed {
        Placed {
            role: Role::Paragraph,
            tag,
            cell: None,
            mark,
        }
    }

    /// A paragraph (element 1) and a figure (element 2) under the document.
    fn structure() -> Structure {
        let mut s = Structure::default();
        s.leaf(Kind::Paragraph);
        s.leaf(Kind::Figure {
            alt: "Ratusz".into(),
        });
        s
    }

    const P: Tag = Tag::Content(1);

    fn text(x: f32, y: f32, font: FontStyle, s: &str) -> Placed {
        text_in(P, None, x, y, font, s)
    }

    fn text_in(tag: Tag, lang: Option<&str>, x: f32, y: f32, font: FontStyle, s: &str) -> Placed {
        placed(
            tag,
            Mark::Text {
                x,
                y,
                size: 10.0,
                piece: Piece {
                    font,
                    lang: lang.map(str::to_string),
                    link: None,
                    text: s.into(),
                    repeated_hyphen: false,
                },
            },
        )
    }

    fn rule(tag: Tag) -> Placed {
        placed(
            tag,
            Mark::Line {
                x1: 0.0,
                y1: 1.0,
                x2: 2.0,
                y2: 1.0,
                width: 0.4,
                gray: 0.4,
            },
        )
    }

    fn stream(items: Vec<Placed>) -> (String, Vec<ElemId>) {
        let (s, marked) = stream_marked(items);
        (s, marked.into_iter().map(|m| m.element).collect())
    }

    fn stream_marked(items: Vec<Placed>) -> (String, Vec<Marked>) {
        let s = page_stream(&PageLayout { items }, &structure(), &Ascii, [0.0, 0.3, 0.5]);
        (String::from_utf8(s.bytes).unwrap(), s.elements)
    }

    #[test]
    fn numbers_have_at_most_three_decimals_and_no_trailing_zeros() {
        let mut w = Writer {
            out: Vec::new(),
            in_text: false,
            font: None,
            accented: false,
            marked: None,
            elements: Vec::new(),
        };
        w.op(
            &[70.866, 56.0, -0.5, 0.0, 524.41003, 0.0004, 1234.5678],
            "x",
        );
        assert_eq!(
            String::from_utf8(w.out).unwrap(),
            "70.866 56 -0.5 0 524.41 0 1234.568 x\n"
        );
    }

    #[test]
    fn text_runs_share_a_text_object_and_set_the_font_only_when_it_changes() {
        let (s, elements) = stream(vec![
            text(70.0, 700.5, FontStyle::Regular, "Ab"),
            text(80.0, 700.5, FontStyle::Regular, "c"),
            text(90.0, 700.5, FontStyle::Regular, "D"),
            rule(Tag::Layout),
            text(70.0, 600.0, FontStyle::Italic, "E"),
        ]);
        assert_eq!(
            s,
            "BT\n/P <</MCID 0>> BDC\n/NSREGU 10 Tf\n1 0 0 1 70 700.5 Tm\n(\0A\0b) Tj\n\
             1 0 0 1 80 700.5 Tm\n(\0c) Tj\n\
             1 0 0 1 90 700.5 Tm\n(\0D) Tj\nEMC\nET\n\
             /Artifact <</Type /Layout>> BDC\nq\n0.4 w\n0.4 G\n0 1 m\n2 1 l\nS\nQ\nEMC\n\
             BT\n/P <</MCID 1>> BDC\n/NSITAL 10 Tf\n1 0 0 1 70 600 Tm\n(\0E) Tj\nEMC\nET\n"
        );
        assert_eq!(
            elements,
            vec![1, 1],
            "both sequences belong to the paragraph"
        );
    }

    #[test]
    fn bold_in_a_paragraph_is_a_strong_phrase_of_its_own() {
        let (s, marked) = stream_marked(vec![
            text(70.0, 700.0, FontStyle::Bold, "Tytuł"),
            text(100.0, 700.0, FontStyle::Regular, " – opis"),
        ]);
        assert!(
            s.starts_with("BT\n/Strong <</MCID 0>> BDC\n/NSBOLD 10 Tf\n"),
            "{s}"
        );
        assert!(s.contains("EMC\n/P <</MCID 1>> BDC\n"), "{s}");
        let strong = Phrase {
            strong: true,
            lang: None,
        };
        assert_eq!(
            marked,
            vec![
                Marked {
                    element: 1,
                    phrase: Some(strong)
                },
                Marked {
                    element: 1,
                    phrase: None
                }
            ]
        );
    }

    #[test]
    fn a_foreign_phrase_is_its_own_sequence_with_its_language() {
        let (s, elements) = stream(vec![
            text(70.0, 700.0, FontStyle::Regular, "hasło "),
            text_in(
                P,
                Some("en"),
                100.0,
                700.0,
                FontStyle::Regular,
                "Future Mentors",
            ),
            text(150.0, 700.0, FontStyle::Regular, " i"),
        ]);
        assert!(
            s.contains("EMC\n/Span <</MCID 1 /Lang (en)>> BDC\n1 0 0 1 100 700 Tm\n"),
            "{s}"
        );
        assert!(s.contains("EMC\n/P <</MCID 2>> BDC\n"), "{s}");
        assert_eq!(elements, vec![1, 1, 1]);
    }

    #[test]
    fn artifacts_get_no_mcid_and_the_footer_is_a_pagination_artifact() {
        let (s, elements) = stream(vec![
            rule(Tag::Footer),
            text_in(
                Tag::Footer,
                None,
                70.0,
                44.0,
                FontStyle::Regular,
                "Strona 1 z 2",
            ),
            text_in(
                Tag::Repeated,
                None,
                70.0,
                700.0,
                FontStyle::Bold,
                "Tabela 1 (cd.)",
            ),
        ]);
        assert_eq!(
            s.matches("/Artifact <</Type /Pagination /Subtype /Footer>> BDC")
                .count(),
            2,
            "{s}"
        );
        assert!(
            s.contains("EMC\n/Artifact <</Type /Pagination>> BDC\n"),
            "{s}"
        );
        assert_eq!(s.matches("BDC").count(), s.matches("EMC").count());
        assert!(elements.is_empty());
    }

    #[test]
    fn string_delimiters_backslash_and_cr_in_codes_are_escaped() {
        let (s, _) = stream(vec![text(
            0.0,
            0.0,
            FontStyle::Regular,
            "\u{28}\u{29}\u{5C}\u{0D}\u{0A}\u{2829}",
        )]);
        let s = s.into_bytes();
        let start = s.windows(3).position(|w| w == b"Tm\n").unwrap() + 3;
        assert_eq!(
            &s[start..],
            b"(\0\\(\0\\)\0\\\\\0\\r\0\n\\(\\)) Tj\nEMC\nET\n".as_slice()
        );
    }

    #[test]
    fn images_are_scaled_by_the_current_matrix_inside_their_figure() {
        let (s, elements) = stream(vec![placed(
            Tag::Content(2),
            Mark::Image {
                x: 10.0,
                y: 20.0,
                w: 300.0,
                h: 200.0,
                image: 2,
            },
        )]);
        assert_eq!(
            s,
            "/Figure <</MCID 0>> BDC\nq\n300 0 0 200 10 20 cm\n/IMG002 Do\nQ\nEMC\n"
        );
        assert_eq!(elements, vec![2]);
    }
}
