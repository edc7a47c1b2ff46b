//! The shipped font family (Noto Sans, SIL OFL 1.1): loading, glyph coverage and advance widths.
//!
//! Noto Sans was chosen for a printed municipal report because it is a humanist sans with a
//! large x-height that stays legible at the 8.5 pt of table cells, covers Polish and all of
//! Latin Extended (ő ä ç é ü ā), „ ” ’ – •, and is licensed without a Reserved Font Name.
//! The TTFs are compiled into the binary; the PDF embeds only the used glyphs.

use std::sync::atomic::{AtomicI32, AtomicU16, Ordering};
use std::sync::OnceLock;

use printpdf::ParsedFont;

use super::kerning::Kerning;

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
    /// Pair kerning of each face, from its GPOS table.
    kerning: [Kerning<'static>; 3],
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
                kerning: [REGULAR_TTF, BOLD_TTF, ITALIC_TTF].map(Kerning::parse),
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

    /// Kerning between `a` and the character `b` after it, in thousandths of an em (negative:
    /// closer), from the face's own pair data. Spaces take part in no pair, so a word's width
    /// does not depend on what is around it and a line measures as the sum of its words.
    ///
    /// Every adjacent pair of every measured word asks this, so the answers for the common
    /// characters (Latin-1, Latin Extended-A, the general punctuation „ ” – …) are remembered.
    pub fn kern_milli(&self, style: FontStyle, a: char, b: char) -> i64 {
        const UNKNOWN: u16 = 0;
        static MEMO: [[AtomicU16; KERN_MEMO * KERN_MEMO]; 3] =
            [const { [const { AtomicU16::new(UNKNOWN) }; KERN_MEMO * KERN_MEMO] }; 3];
        let (Some(i), Some(j)) = (kern_index(a), kern_index(b)) else {
            return self.kern_uncached(style, a, b);
        };
        let slot = &MEMO[style.index()][i * KERN_MEMO + j];
        match slot.load(Ordering::Relaxed) {
            UNKNOWN => {
                let k = self.kern_uncached(style, a, b);
                // Stored offset by 0x8000, so that 0 stays "not looked up yet".
                if let Ok(v) = u16::try_from(k + 0x8000) {
                    if v != UNKNOWN {
                        slot.store(v, Ordering::Relaxed);
                    }
                }
                k
            }
            v => i64::from(v) - 0x8000,
        }
    }

    fn kern_uncached(&self, style: FontStyle, a: char, b: char) -> i64 {
        let spaceless = |c: char| !c.is_whitespace() && c != '\u{a0}';
        if !spaceless(a) || !spaceless(b) {
            return 0;
        }
        let face = self.face(style);
        let (Some(l), Some(r)) = (
            face.lookup_glyph_index(a as u32),
            face.lookup_glyph_index(b as u32),
        ) else {
            return 0;
        };
        let units = self.kerning[style.index()].pair(l, r);
        let upem = face.pdf_font_metrics.units_per_em.max(1) as f32;
        (f32::from(units) * 1000.0 / upem).round() as i64
    }

    /// Advance of `s` in thousandths of an em: glyph advances plus the kerning of its pairs.
    pub fn milli(&self, style: FontStyle, s: &str) -> i64 {
        let mut sum = 0;
        let mut prev = None;
        for c in s.chars() {
            sum += self.advance_milli(style, c);
            if let Some(p) = prev {
                sum += self.kern_milli(style, p, c);
            }
            prev = Some(c);
        }
        sum
    }

    /// Width of `s` in points at `size`, kerned.
    pub fn width(&self, style: FontStyle, s: &str, size: f32) -> f32 {
        self.milli(style, s) as f32 * size / 1000.0
    }
}

/// Characters whose kerning pairs are remembered: U+0020–U+017F and U+2010–U+203F.
const KERN_MEMO: usize = 0x160 + 0x30;

fn kern_index(c: char) -> Option<usize> {
    match c as usize {
        u @ 0x20..0x180 => Some(u - 0x20),
        u @ 0x2010..0x2040 => Some(u - 0x2010 + 0x160),
        _ => None,
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
    fn kerning_is_the_fonts_own_pair_data() {
        // Values as HarfBuzz applies Noto Sans Regular's `kern` feature (hb-shape, 1000 upem).
        let f = Fonts::get();
        let k = |a, b| f.kern_milli(FontStyle::Regular, a, b);
        assert_eq!(
            [
                k('A', 'V'),
                k('T', 'o'),
                k('T', 'y'),
                k('W', 'o'),
                k('T', '.')
            ],
            [-40, -70, -20, -20, -60]
        );
        assert_eq!([k('a', 'b'), k('n', 'o'), k('r', 'z')], [0, 0, 0]);
        // Asked twice (the second answer comes from the memo) and outside the memo's range.
        assert_eq!(k('T', 'o'), -70);
        assert_eq!(k('A', ' '), 0);
        let to = f.width(FontStyle::Regular, "To", 10.0);
        assert!((to - (556.0 + 605.0 - 70.0) / 100.0).abs() < 1e-4, "{to}");
    }

    #[test]
    fn kerned_words_measure_as_harfbuzz_sets_them() {
        // Total advances of each word from `hb-shape` with Noto Sans Regular at 1000 upem.
        let words = "Współpraca z Toledo, Stany Zjednoczone – wizyta delegacji w Poznaniu; \
                     „Future Mentors” Kraków Wrocław Győr";
        let expected = [
            5487, 470, 3401, 2599, 5969, 500, 2946, 4173, 786, 4611, 3489, 4306, 3478, 4003, 2256,
        ];
        let f = Fonts::get();
        let got: Vec<i64> = words
            .split(' ')
            .map(|w| f.milli(FontStyle::Regular, w))
            .collect();
        assert_eq!(got, expected);
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
