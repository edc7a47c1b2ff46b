//! Embedded fonts: the glyphs a layout uses, subset by printpdf, written as Type 0 fonts.
//!
//! Each used style becomes a `/Type0` font with `/Identity-H` encoding over a
//! `/CIDFontType2` descendant: two-byte codes in the content stream are glyph ids of the
//! subset font program. `/W` gives each glyph the advance the layout measured it with, and
//! `/ToUnicode` maps it back to its character, so text can be copied, searched and read aloud.

use std::collections::{BTreeMap, HashMap};

use anyhow::{anyhow, Result};
use lopdf::{dictionary, Dictionary, Object};
use printpdf::{FontId, ParsedFont};

use super::content::GlyphCodes;
use super::deflate::{deflate, raw_stream};
use super::fonts::{FontStyle, Fonts};
use super::marks::{Layout, Mark};

/// Characters below this code point have their glyph code in a table; the rest in a map.
const TABLE_CHARS: usize = 0x3000;

/// One style's glyphs: character → code in the subset, and code → character for `/ToUnicode`.
#[derive(Default)]
struct StyleGlyphs {
    /// Code of each character below [`TABLE_CHARS`] (0: not used). Every drawn character is
    /// looked up here, so this is a table rather than a hash map.
    table: Vec<u16>,
    /// Codes of the other characters.
    rare: HashMap<char, u16>,
    /// Original glyph id → the character it is extracted as.
    used: BTreeMap<u16, char>,
}

/// One used style's subset font.
struct Subset {
    style: FontStyle,
    /// The subset font program (TrueType).
    program: Vec<u8>,
    /// Code → (original glyph id, the character it stands for).
    codes: BTreeMap<u16, (u16, char)>,
}

/// The subset fonts of a document and the codes of its characters.
pub struct EmbeddedFonts {
    styles: [StyleGlyphs; 3],
    /// Subsets of the used styles, in style order.
    subsets: Vec<Subset>,
}

/// Layout treats line-break whitespace as a space; so does the font.
fn drawn(c: char) -> char {
    if matches!(c, '\n' | '\t' | '\r') {
        ' '
    } else {
        c
    }
}

impl EmbeddedFonts {
    /// Collects every character drawn in `layout` and subsets the faces that are used.
    pub fn for_layout(layout: &Layout) -> Result<EmbeddedFonts> {
        let fonts = Fonts::get();
        let mut styles: [StyleGlyphs; 3] = Default::default();
        // Original glyph id of every drawn character, per style: a table for the common
        // characters (each drawn character is seen here once per occurrence), a map for the rest.
        let mut seen: [Vec<Option<u16>>; 3] = Default::default();
        let mut seen_rare: [HashMap<char, u16>; 3] = Default::default();
        for item in layout.pages.iter().flat_map(|p| &p.items) {
            let Mark::Text { piece, .. } = &item.mark else {
                continue;
            };
            let i = piece.font.index();
            let face = fonts.face(piece.font);
            if seen[i].is_empty() {
                seen[i] = vec![None; TABLE_CHARS];
            }
            for c in piece.text.chars().map(drawn) {
                let gid = || face.lookup_glyph_index(c as u32).unwrap_or(0);
                let gid = match seen[i].get_mut(c as usize) {
                    Some(Some(_)) => continue,
                    Some(slot) => *slot.insert(gid()),
                    None if seen_rare[i].contains_key(&c) => continue,
                    None => *seen_rare[i].entry(c).or_insert_with(gid),
                };
                if gid != 0 {
                    // Two characters on one glyph (e.g. a space and a no-break space):
                    // text extraction gives the plainer one, the lower code point.
                    let entry = styles[i].used.entry(gid).or_insert(c);
                    *entry = (*entry).min(c);
                }
            }
        }
        let mut subsets = Vec::new();
        for style in FontStyle::ALL {
            let i = style.index();
            if styles[i].used.is_empty() {
                continue;
            }
            let request: BTreeMap<u16, String> = styles[i]
                .used
                .iter()
                .map(|(gid, c)| (*gid, c.to_string()))
                .collect();
            let subset = printpdf::subset_font(fonts.face(style), &request)
                .map_err(|e| anyhow!("internal error: cannot subset the {style:?} font: {e}"))?;
            let mut codes = BTreeMap::new();
            for (gid, (code, _)) in &subset.glyph_mapping {
                codes.insert(*code, (*gid, styles[i].used[gid]));
            }
            let by_gid: HashMap<u16, u16> = subset
                .glyph_mapping
                .iter()
                .map(|(gid, (code, _))| (*gid, *code))
                .collect();
            let code = |gid: &u16| by_gid.get(gid).copied().unwrap_or(0);
            let glyphs = &mut styles[i];
            glyphs.table = seen[i]
                .iter()
                .map(|gid| gid.as_ref().map_or(0, code))
                .collect();
            glyphs.rare = seen_rare[i]
                .iter()
                .map(|(c, gid)| (*c, code(gid)))
                .collect();
            subsets.push(Subset {
                style,
                program: subset.bytes,
                codes,
            });
        }
        Ok(EmbeddedFonts { styles, subsets })
    }

    /// Writes the fonts into `doc`; returns the page resources' `/Font` dictionary.
    pub fn write(&self, doc: &mut lopdf::Document) -> Result<Dictionary> {
        let fonts = Fonts::get();
        let mut resources = Dictionary::new();
        for Subset {
            style,
            program,
            codes,
        } in &self.subsets
        {
            let face = fonts.face(*style);
            let name = format!(
                "{}+{}",
                style.resource_name(),
                face.font_name.clone().unwrap_or_else(|| "NotoSans".into())
            );
            let mut file = dictionary! { "Length1" => program.len() as i64 };
            file.set("Filter", Object::Name(b"FlateDecode".to_vec()));
            let file_id = doc.add_object(raw_stream(file, deflate(program)?));
            let descriptor = doc.add_object(descriptor(face, &name, file_id));

            let widths: Vec<Object> = codes
                .values()
                .map(|(_, c)| Object::Integer(fonts.advance_milli(*style, *c)))
                .collect();
            // Codes are 1..=n in order (allsorts numbers the requested glyphs by position).
            let first = codes.keys().next().copied().unwrap_or(1);
            let contiguous = codes
                .keys()
                .zip(first..)
                .all(|(code, expected)| *code == expected);
            if !contiguous {
                return Err(anyhow!(
                    "internal error: subset glyph codes of the {style:?} font are not contiguous"
                ));
            }
            let cid_font = dictionary! {
                "Type" => "Font",
                "Subtype" => "CIDFontType2",
                "BaseFont" => Object::Name(name.clone().into_bytes()),
                "CIDSystemInfo" => dictionary! {
                    "Registry" => Object::string_literal("Adobe"),
                    "Ordering" => Object::string_literal("Identity"),
                    "Supplement" => 0,
                },
                "FontDescriptor" => descriptor,
                "CIDToGIDMap" => "Identity",
                "DW" => 1000,
                "W" => vec![Object::Integer(i64::from(first)), Object::Array(widths)],
            };
            let mappings: Vec<(u16, String)> = codes
                .iter()
                .map(|(code, (_, c))| (*code, c.to_string()))
                .collect();
            let cmap = printpdf::generate_cmap_string(
                face,
                &FontId(style.resource_name().to_string()),
                &mappings,
            );
            let to_unicode = doc.add_object(raw_stream(
                dictionary! { "Filter" => "FlateDecode" },
                deflate(cmap.as_bytes())?,
            ));
            let font = doc.add_object(dictionary! {
                "Type" => "Font",
                "Subtype" => "Type0",
                "BaseFont" => Object::Name(name.into_bytes()),
                "Encoding" => "Identity-H",
                "DescendantFonts" => vec![Object::Dictionary(cid_font)],
                "ToUnicode" => to_unicode,
            });
            resources.set(style.resource_name(), font);
        }
        Ok(resources)
    }
}

impl GlyphCodes for EmbeddedFonts {
    fn code(&self, style: FontStyle, c: char) -> u16 {
        let glyphs = &self.styles[style.index()];
        let c = drawn(c);
        match glyphs.table.get(c as usize) {
            Some(code) => *code,
            None => glyphs.rare.get(&c).copied().unwrap_or(0),
        }
    }
}

/// The font descriptor: metrics in 1/1000 em, as readers need them to substitute a face.
fn descriptor(face: &ParsedFont, name: &str, file: lopdf::ObjectId) -> Dictionary {
    let m = &face.pdf_font_metrics;
    let scale = 1000.0 / f32::from(m.units_per_em.max(1));
    let to_milli = |v: f32| (v * scale).round() as i64;
    let ascent = to_milli(face.font_metrics.ascent);
    let descent = to_milli(face.font_metrics.descent);
    let cap_height = face.font_metrics.cap_height.map_or(ascent, to_milli);
    // Slant in degrees counter-clockwise from vertical, from hhea's caret slope.
    let italic_angle = if m.caret_slope_rise == 0 {
        0
    } else {
        (-f32::from(m.caret_slope_run).atan2(f32::from(m.caret_slope_rise)))
            .to_degrees()
            .round() as i64
    };
    const NONSYMBOLIC: i64 = 1 << 5;
    const ITALIC: i64 = 1 << 6;
    let flags = NONSYMBOLIC | if italic_angle != 0 { ITALIC } else { 0 };
    // No table holds the stem width; estimate it from the weight class, as producers do.
    let stem_v = if m.us_weight_class == 0 {
        80
    } else {
        50 + (f32::from(m.us_weight_class) / 65.0).powi(2).round() as i64
    };
    dictionary! {
        "Type" => "FontDescriptor",
        "FontName" => Object::Name(name.as_bytes().to_vec()),
        "Flags" => flags,
        "FontBBox" => vec![
            to_milli(f32::from(m.x_min)).into(),
            to_milli(f32::from(m.y_min)).into(),
            to_milli(f32::from(m.x_max)).into(),
            to_milli(f32::from(m.y_max)).into(),
        ],
        "ItalicAngle" => italic_angle,
        "Ascent" => ascent,
        "Descent" => descent,
        "CapHeight" => cap_height,
        "StemV" => stem_v,
        "FontFile2" => file,
    }
}
