//! Page content streams, written directly as PDF operators.
//!
//! printpdf's op list → lopdf conversion formatted every glyph id through `core::fmt` and
//! built a lopdf object per operator; on a long chapter that was most of the PDF's cost.
//! The layout already knows every position, so the operators are simple enough to write
//! by hand: text runs as `Tm` + hex glyph codes inside one text object per stretch of text,
//! rules and fills as paths, images as XObjects.

use super::fonts::FontStyle;
use super::model::{Mark, PageLayout};

/// Maps a character to its two-byte code in the embedded (subset) font of a style.
pub trait GlyphCodes {
    /// The code of `c` in `style`'s subset; 0 (.notdef) if the character was not collected.
    fn code(&self, style: FontStyle, c: char) -> u16;
}

/// Resource name of a font style in the page resources.
pub fn font_resource(style: FontStyle) -> &'static str {
    match style {
        FontStyle::Regular => "NSREGU",
        FontStyle::Bold => "NSBOLD",
        FontStyle::Italic => "NSITAL",
    }
}

/// Resource name of the image with this index in [`super::model::Layout::images`].
pub fn image_resource(index: usize) -> String {
    format!("IMG{index:03}")
}

/// The uncompressed content stream of one page.
pub fn page_stream(page: &PageLayout, codes: &impl GlyphCodes) -> Vec<u8> {
    let mut w = Writer {
        out: Vec::with_capacity(page.items.len() * 64),
        in_text: false,
        font: None,
    };
    for item in &page.items {
        match &item.mark {
            Mark::Text { x, y, size, piece } => {
                w.begin_text();
                if w.font != Some((piece.font, *size)) {
                    w.font = Some((piece.font, *size));
                    w.raw("/");
                    w.raw(font_resource(piece.font));
                    w.raw(" ");
                    w.op(&[*size], "Tf");
                }
                // Absolute text matrix: every run stands on its own, as the layout placed it.
                w.op(&[1.0, 0.0, 0.0, 1.0, *x, *y], "Tm");
                w.raw("(");
                for c in piece.text.chars() {
                    w.code(codes.code(piece.font, c));
                }
                w.raw(") Tj\n");
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
                w.raw("q\n");
                w.op(&[*gray], "g");
                w.op(&[*x, *y, *width, *h], "re");
                w.raw("f\nQ\n");
            }
            Mark::Image {
                x,
                y,
                w: width,
                h,
                image,
            } => {
                w.end_text();
                w.raw("q\n");
                w.op(&[*width, 0.0, 0.0, *h, *x, *y], "cm");
                w.raw("/");
                w.raw(&image_resource(*image));
                w.raw(" Do\nQ\n");
            }
        }
    }
    w.end_text();
    w.out
}

struct Writer {
    out: Vec<u8>,
    in_text: bool,
    /// Font and size set in the current text object (reset by `ET`).
    font: Option<(FontStyle, f32)>,
}

impl Writer {
    fn raw(&mut self, s: &str) {
        self.out.extend_from_slice(s.as_bytes());
    }

    fn begin_text(&mut self) {
        if !self.in_text {
            self.raw("BT\n");
            self.in_text = true;
            self.font = None;
        }
    }

    fn end_text(&mut self) {
        if self.in_text {
            self.raw("ET\n");
            self.in_text = false;
        }
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

    /// A number with at most three decimals (1/1000 pt is far below any device's resolution),
    /// without trailing zeros: `70.866`, `56`, `-0.5`.
    fn num(&mut self, v: f32) {
        let milli = (f64::from(v) * 1000.0).round() as i64;
        if milli < 0 {
            self.out.push(b'-');
        }
        let milli = milli.unsigned_abs();
        self.uint(milli / 1000);
        let mut frac = milli % 1000;
        if frac != 0 {
            self.out.push(b'.');
            let mut digits = 3;
            while frac.is_multiple_of(10) {
                frac /= 10;
                digits -= 1;
            }
            let start = self.out.len();
            for _ in 0..digits {
                self.out.push(b'0' + (frac % 10) as u8);
                frac /= 10;
            }
            self.out[start..].reverse();
        }
    }

    fn uint(&mut self, mut n: u64) {
        let start = self.out.len();
        loop {
            self.out.push(b'0' + (n % 10) as u8);
            n /= 10;
            if n == 0 {
                break;
            }
        }
        self.out[start..].reverse();
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pdf::model::{Placed, Role};
    use crate::pdf::text::Piece;

    struct Ascii;
    impl GlyphCodes for Ascii {
        fn code(&self, _: FontStyle, c: char) -> u16 {
            c as u16
        }
    }

    fn placed(mark: Mark) -> Placed {
        Placed {
            role: Role::Paragraph,
            node: 0,
            cell: None,
            mark,
        }
    }

    fn text(x: f32, y: f32, font: FontStyle, s: &str) -> Placed {
        placed(Mark::Text {
            x,
            y,
            size: 10.0,
            piece: Piece {
                font,
                lang: None,
                link: None,
                text: s.into(),
            },
        })
    }

    #[test]
    fn numbers_have_at_most_three_decimals_and_no_trailing_zeros() {
        let mut w = Writer {
            out: Vec::new(),
            in_text: false,
            font: None,
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
        let page = PageLayout {
            items: vec![
                text(70.0, 700.5, FontStyle::Regular, "Ab"),
                text(80.0, 700.5, FontStyle::Regular, "c"),
                text(90.0, 700.5, FontStyle::Bold, "D"),
                placed(Mark::Line {
                    x1: 0.0,
                    y1: 1.0,
                    x2: 2.0,
                    y2: 1.0,
                    width: 0.4,
                    gray: 0.4,
                }),
                text(70.0, 600.0, FontStyle::Bold, "E"),
            ],
        };
        let s = String::from_utf8(page_stream(&page, &Ascii)).unwrap();
        assert_eq!(
            s,
            "BT\n/NSREGU 10 Tf\n1 0 0 1 70 700.5 Tm\n(\0A\0b) Tj\n\
             1 0 0 1 80 700.5 Tm\n(\0c) Tj\n\
             /NSBOLD 10 Tf\n1 0 0 1 90 700.5 Tm\n(\0D) Tj\nET\n\
             q\n0.4 w\n0.4 G\n0 1 m\n2 1 l\nS\nQ\n\
             BT\n/NSBOLD 10 Tf\n1 0 0 1 70 600 Tm\n(\0E) Tj\nET\n"
        );
    }

    #[test]
    fn string_delimiters_backslash_and_cr_in_codes_are_escaped() {
        struct Raw;
        impl GlyphCodes for Raw {
            fn code(&self, _: FontStyle, c: char) -> u16 {
                c as u16
            }
        }
        let page = PageLayout {
            items: vec![text(
                0.0,
                0.0,
                FontStyle::Regular,
                "\u{28}\u{29}\u{5C}\u{0D}\u{0A}\u{2829}",
            )],
        };
        let s = page_stream(&page, &Raw);
        let start = s.windows(3).position(|w| w == b"Tm\n").unwrap() + 3;
        assert_eq!(
            &s[start..],
            b"(\0\\(\0\\)\0\\\\\0\\r\0\n\\(\\)) Tj\nET\n".as_slice()
        );
    }

    #[test]
    fn images_are_scaled_by_the_current_matrix() {
        let page = PageLayout {
            items: vec![placed(Mark::Image {
                x: 10.0,
                y: 20.0,
                w: 300.0,
                h: 200.0,
                image: 2,
            })],
        };
        let s = String::from_utf8(page_stream(&page, &Ascii)).unwrap();
        assert_eq!(s, "q\n300 0 0 200 10 20 cm\n/IMG002 Do\nQ\n");
    }
}
