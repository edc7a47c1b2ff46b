//! The shipped font family (Noto Sans, SIL OFL 1.1): loading, glyph coverage and advance widths.
//!
//! Noto Sans was chosen for a printed municipal report because it is a humanist sans with a
//! large x-height that stays legible at the 8.5 pt of table cells, covers Polish and all of
//! Latin Extended (ő ä ç é ü ā), „ ” ’ – •, and is licensed without a Reserved Font Name.
//! The TTFs are compiled into the binary; the PDF embeds only the used glyphs.

use std::sync::atomic::{AtomicI32, Ordering};
use std::sync::OnceLock;

use printpdf::ParsedFont;

/// Typeface of a piece of text. Bold italic is not shipped: strong inside emphasis is bold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FontStyle {
    /// Body text.
    Regular,
    /// Headings, `Strong`, table header cells.
    Bold,
    /// `Emphasis`, figure captions.
    Italic,
}

impl FontStyle {
    /// All shipped styles, in the order they are registered in the PDF.
    pub const ALL: [FontStyle; 3] = [FontStyle::Regular, FontStyle::Bold, FontStyle::Italic];

    /// Resource name of the font in the page resources. Six uppercase letters, because the
    /// name is also the subset tag ("NSREGU+NotoSans-Regular"), which `pdffonts` only
    /// recognises in that form.
    pub fn resource_name(self) -> &'static str {
        match self {
            FontStyle::Regular => "NSREGU",
            FontStyle::Bold => "NSBOLD",
            FontStyle::Italic => "NSITAL",
        }
    }

    /// Position in [`FontStyle::ALL`], for per-style tables.
    pub(super) fn index(self) -> usize {
        match self {
            FontStyle::Regular => 0,
            FontStyle::Bold => 1,
            FontStyle::Italic => 2,
        }
    }
}

const REGULAR_TTF: &[u8] = include_bytes!("fonts/NotoSans-Regular.ttf");
const BOLD_TTF: &[u8] = include_bytes!("fonts/NotoSans-Bold.ttf");
const ITALIC_TTF: &[u8] = include_bytes!("fonts/NotoSans-Italic.ttf");

/// The three parsed faces. Parsed once per process: parsing is the costliest part of a render.
pub struct Fonts {
    faces: [ParsedFont; 3],
    /// [`Fonts::covers`] for the characters below [`COMMON_CHARS`], looked up once: `check`
    /// asks about every character of the data, and the font tables made a 10 MB file take
    /// seconds.
    common: Vec<bool>,
}

/// Characters up to U+05FF (Latin, Greek, Cyrillic and more): nearly every character of the
/// data, so their coverage is kept in a table.
const COMMON_CHARS: u32 = 0x600;

impl Fonts {
    /// The shared, lazily parsed font family.
    pub fn get() -> &'static Fonts {
        static FONTS: OnceLock<Fonts> = OnceLock::new();
        FONTS.get_or_init(|| {
            let parse = |bytes: &[u8]| {
                let mut warnings = Vec::new();
                // The TTFs are compiled in and known to parse; a failure here is a build defect.
                ParsedFont::from_bytes(bytes, 0, &mut warnings)
                    .expect("shipped Noto Sans TTF parses")
            };
            let mut fonts = Fonts {
                faces: [parse(REGULAR_TTF), parse(BOLD_TTF), parse(ITALIC_TTF)],
                common: Vec::new(),
            };
            fonts.common = (0..COMMON_CHARS)
                .map(|u| char::from_u32(u).is_some_and(|c| fonts.lookup_covers(c)))
                .collect();
            fonts
        })
    }

    /// The parsed face of a style.
    pub fn face(&self, style: FontStyle) -> &ParsedFont {
        &self.faces[style.index()]
    }

    /// Can every shipped face draw `c`? Whitespace the layout turns into spaces counts as drawable.
    pub fn covers(&self, c: char) -> bool {
        match self.common.get(c as usize) {
            Some(&covered) => covered,
            None => self.lookup_covers(c),
        }
    }

    fn lookup_covers(&self, c: char) -> bool {
        matches!(c, '\n' | '\t' | '\r')
            || self
                .faces
                .iter()
                .all(|f| f.lookup_glyph_index(c as u32).is_some_and(|gid| gid != 0))
    }

    /// Advance of `c` in thousandths of an em, truncated exactly like the `/W` widths printpdf
    /// writes, so that measured widths equal drawn widths.
    ///
    /// Every character of the chapter is measured at least once per line it might end up on;
    /// a cmap lookup and an hmtx read per character was most of the layout's time on long
    /// chapters, so the answers below U+3000 (Latin, Greek, Cyrillic, punctuation) are
    /// remembered per face.
    pub fn advance_milli(&self, style: FontStyle, c: char) -> i64 {
        const UNKNOWN: i32 = i32::MIN;
        const CACHED: usize = 0x3000;
        static MEMO: [[AtomicI32; CACHED]; 3] =
            [const { [const { AtomicI32::new(UNKNOWN) }; CACHED] }; 3];
        let Some(slot) = MEMO[style.index()].get(c as usize) else {
            return self.advance_uncached(style, c);
        };
        match slot.load(Ordering::Relaxed) {
            UNKNOWN => {
                let milli = self.advance_uncached(style, c);
                // Advances are a few thousand at most, so they fit; anything else is not cached.
                if let Ok(m) = i32::try_from(milli) {
                    if m != UNKNOWN {
                        slot.store(m, Ordering::Relaxed);
                    }
                }
                milli
            }
            m => i64::from(m),
        }
    }

    fn advance_uncached(&self, style: FontStyle, c: char) -> i64 {
        let face = self.face(style);
        let c = if matches!(c, '\n' | '\t' | '\r') {
            ' '
        } else {
            c
        };
        let upem = face.pdf_font_metrics.units_per_em.max(1) as f32;
        let gid = face.lookup_glyph_index(c as u32).unwrap_or(0);
        (face.get_horizontal_advance(gid) as f32 * 1000.0 / upem) as i64
    }

    /// Width of `s` in points at `size`.
    pub fn width(&self, style: FontStyle, s: &str, size: f32) -> f32 {
        let milli: i64 = s.chars().map(|c| self.advance_milli(style, c)).sum();
        milli as f32 * size / 1000.0
    }
}

/// Whether the shipped fonts can draw every character of `text`.
pub fn drawable(text: &str) -> bool {
    let fonts = Fonts::get();
    text.chars().all(|c| fonts.covers(c))
}

/// Characters of `text` the shipped fonts cannot draw, deduplicated, in order of appearance.
pub fn missing_glyphs(text: &str) -> Vec<char> {
    let fonts = Fonts::get();
    let mut missing: Vec<char> = Vec::new();
    for c in text.chars() {
        if !fonts.covers(c) && !missing.contains(&c) {
            missing.push(c);
        }
    }
    missing
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn polish_and_latin_extended_are_covered() {
        assert!(missing_glyphs("Zażółć gęślą jaźń ZAŻÓŁĆ GĘŚLĄ JAŹŃ Győr Jyväskylä Alarcón Veszprém Fürth ā ç ’„”–•\u{a0}").is_empty());
    }

    #[test]
    fn cjk_and_emoji_are_reported_once_in_order() {
        assert_eq!(missing_glyphs("Poznań 北京 😀 北"), vec!['北', '京', '😀']);
    }

    #[test]
    fn widths_add_up_and_bold_is_wider() {
        let f = Fonts::get();
        let a = f.width(FontStyle::Regular, "Poznań", 10.0);
        let b = f.width(FontStyle::Regular, "Poznań Poznań", 10.0);
        let space = f.width(FontStyle::Regular, " ", 10.0);
        assert!((b - (2.0 * a + space)).abs() < 1e-3);
        assert!(f.width(FontStyle::Bold, "Poznań", 10.0) > a);
    }
}
