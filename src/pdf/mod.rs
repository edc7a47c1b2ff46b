//! PDF writer: lays out a [`Document`] on A4 pages with the shipped Noto Sans and returns the bytes.
//!
//! Pipeline: check glyphs → decode images → [`layout::layout`] (pure: pages of placed marks,
//! each with a [`Role`]) → [`assemble::write`]: content streams written directly ([`content`]),
//! fonts subset by printpdf ([`embed`]), images ([`images`]), all assembled and serialised
//! with lopdf. The PDF is tagged: layout builds the structure tree ([`structure`]) as it places
//! blocks and tags every mark with its element or as an artifact; the content streams wrap
//! marks in marked content and `struct_tree` writes the tree, so screen readers get
//! headings, lists, tables with header scopes, figures with alternative text and languages.

mod assemble;
mod content;
mod deflate;
mod embed;
mod figure;
mod fonts;
mod images;
mod info;
mod kerning;
mod layout;
#[cfg(test)]
mod layout_tests;
mod lines;
mod marks;
mod serialize;
mod struct_tree;
mod structure;
mod table;
mod xmp;

use crate::tr;
use std::collections::HashMap;
use std::path::Path;

use anyhow::{anyhow, bail, Context, Result};

use crate::doc::{for_each_figure, Block, Document, Inline};

pub use fonts::{drawable, missing_glyphs};
pub use marks::{Layout, Role};

/// Options of a PDF render.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PdfOptions {
    /// Unix time written as the creation and modification date (from `SOURCE_DATE_EPOCH`,
    /// so that rebuilding the same data gives the same bytes).
    pub source_date_epoch: i64,
}

impl Default for PdfOptions {
    /// A fixed date, 2024-01-01T00:00:00Z, so that output never depends on the clock.
    fn default() -> Self {
        PdfOptions {
            source_date_epoch: 1_704_067_200,
        }
    }
}

/// Renders `doc` as a PDF. Images named by figures are read from the data folder `image_root`
/// by [`crate::image_file::read`], the rule `check` applies.
///
/// Fails, without writing anything, when a text contains a character the fonts cannot
/// draw (the message quotes the text) or when an image is missing or cannot be decoded
/// (the message names the path).
pub fn render(doc: &Document, image_root: &Path, opts: &PdfOptions) -> Result<Vec<u8>> {
    check_glyphs(doc)?;
    let (sizes, decoded) = load_images(doc, image_root)?;
    let layout = layout::layout(doc, &sizes);
    let mut decoded = decoded;
    let images: Vec<images::LoadedImage> = layout
        .images
        .iter()
        .map(|p| {
            decoded
                .remove(p)
                .ok_or_else(|| anyhow!("internal error: image {p} was not loaded"))
        })
        .collect::<Result<_>>()?;
    let lang = pdf_lang(&doc.meta.lang);
    let info = info::Info {
        title: &doc.meta.full_title,
        author: &doc.meta.author,
        subject: &doc.meta.subject,
        keywords: &doc.meta.keywords,
        epoch: opts.source_date_epoch,
        lang: &lang,
        first_page: doc.meta.first_page,
    };
    assemble::write(&layout, &images, &info)
}

/// Lays out `doc` without drawing it (for tests and tools). Images count as 4:3 boxes.
pub fn layout_only(doc: &Document) -> Layout {
    let mut sizes = HashMap::new();
    for_each_figure(&doc.blocks, &mut |f| {
        if let Some(p) = &f.image {
            sizes.insert(p.clone(), (800, 600));
        }
    });
    layout::layout(doc, &sizes)
}

/// "pl" → "pl-PL": the PDF `/Lang` of the whole document; other tags pass unchanged.
fn pdf_lang(lang: &str) -> String {
    match lang {
        "pl" | "" => "pl-PL".to_string(),
        other => other.to_string(),
    }
}

/// Every drawn text must be drawable; the loader reports such characters with file:line
/// earlier, so reaching this error means the text came from elsewhere (e.g. a template).
fn check_glyphs(doc: &Document) -> Result<()> {
    let mut texts: Vec<&str> = vec![doc.meta.title.as_str()];
    collect_texts(&doc.blocks, &mut texts);
    for text in texts {
        let missing = missing_glyphs(text);
        if let Some(&c) = missing.first() {
            let list: Vec<String> = missing
                .iter()
                .map(|c| format!("„{c}” (U+{:04X})", *c as u32))
                .collect();
            let fragment = fragment_around(text, c);
            bail!(tr!(
                "pdf-cannot-draw",
                chars = list.join(", "),
                text = fragment
            ));
        }
    }
    Ok(())
}

/// Up to 30 characters on each side of the first `c` in `text`.
fn fragment_around(text: &str, c: char) -> String {
    let chars: Vec<char> = text.chars().collect();
    let at = chars.iter().position(|&x| x == c).unwrap_or(0);
    let start = at.saturating_sub(30);
    let end = (at + 31).min(chars.len());
    let mut s: String = chars[start..end].iter().collect();
    if start > 0 {
        s.insert(0, '…');
    }
    if end < chars.len() {
        s.push('…');
    }
    s
}

fn collect_texts<'a>(blocks: &'a [Block], out: &mut Vec<&'a str>) {
    for block in blocks {
        match block {
            Block::Heading { content, .. } | Block::Paragraph(content) => {
                inline_texts(content, out)
            }
            Block::List { items, .. } => items.iter().for_each(|item| collect_texts(item, out)),
            Block::Table(t) => {
                inline_texts(&t.caption, out);
                t.header.iter().for_each(|c| inline_texts(c, out));
                t.rows.iter().flatten().for_each(|c| inline_texts(c, out));
                if let Some(s) = &t.source {
                    inline_texts(s, out);
                }
            }
            Block::Figure(f) => {
                inline_texts(&f.caption, out);
                if let Some(c) = &f.credit {
                    inline_texts(c, out);
                }
            }
        }
    }
}

fn inline_texts<'a>(inlines: &'a [Inline], out: &mut Vec<&'a str>) {
    for inline in inlines {
        match inline {
            Inline::Text(t) => out.push(t),
            Inline::Emphasis(c) | Inline::Strong(c) => inline_texts(c, out),
            Inline::Lang { content, .. } | Inline::Link { content, .. } => {
                inline_texts(content, out)
            }
            Inline::LineBreak => {}
        }
    }
}

type Images = (layout::ImageSizes, HashMap<String, images::LoadedImage>);

/// Reads and decodes every figure image once; errors name the path.
fn load_images(doc: &Document, image_root: &Path) -> Result<Images> {
    let mut paths: Vec<&str> = Vec::new();
    for_each_figure(&doc.blocks, &mut |f| {
        if let Some(p) = &f.image {
            if !paths.contains(&p.as_str()) {
                paths.push(p);
            }
        }
    });
    let mut sizes = HashMap::new();
    let mut decoded = HashMap::new();
    let mut pixels = 0u64;
    for path in paths {
        // The same rule as in `check`, whatever path the template wrote.
        let file =
            crate::image_file::read(image_root, path).with_context(|| tr!("pdf-in-a-figure"))?;
        pixels += u64::from(file.info.width) * u64::from(file.info.height);
        if pixels > crate::limits::MAX_CHAPTER_IMAGE_PIXELS {
            bail!(tr!(
                "pdf-images-too-many-pixels",
                millions = crate::limits::MAX_CHAPTER_IMAGE_PIXELS / 1_000_000,
                path = path
            ));
        }
        let image = images::LoadedImage::decode(&file.bytes).map_err(|e| {
            anyhow!(tr!(
                "pdf-cannot-decode",
                file = &file.path,
                cause = e.to_string()
            ))
        })?;
        sizes.insert(path.to_string(), (image.width, image.height));
        decoded.insert(path.to_string(), image);
    }
    Ok((sizes, decoded))
}
