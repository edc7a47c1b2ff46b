//! The HTML writer: the document tree as one accessible, self-contained HTML page.
//!
//! [`body`] turns the tree into the chapter's HTML fragment; [`render`] puts that fragment,
//! the stylesheet and the metadata into the page shell template `page.html.j2`.
//! [`fragments`] cuts the same fragment at its top-level sections, for a CMS that publishes
//! one page per section.
//!
//! Choices a reader of the output may ask about:
//! - **Self-contained.** Images are embedded as base64 `data:` URIs and the CSS is inlined,
//!   so the page is one file that can be mailed, attached to the BIP or opened offline, and
//!   it makes no network request (no web fonts either). The price is size: base64 adds a
//!   third to each image, so photos should be resized before they go into the data.
//! - **Escaped, never rewritten.** Text from the tree is final (no-break spaces, „quotes”,
//!   dashes); it is only escaped. Links are kept for `http`, `https`, `mailto` and relative
//!   URLs; any other scheme is dropped and the link text shown.
//! - **Accessible structure** (WCAG 2.1 AA, required by the Polish *ustawa o dostępności
//!   cyfrowej*): one `h1`, headings with the tree's ids, real lists, tables with
//!   `<caption>`, `th scope="col"` and `th scope="row"` inside a focusable scroll region,
//!   figures with `<figcaption>` holding the credit, `lang` on foreign phrases.

mod blocks;
mod image;
mod inline;

use crate::tr;
use std::collections::HashSet;
use std::path::Path;

use anyhow::{bail, Context, Result};
use minijinja::value::Serde;
use minijinja::{context, Environment, Value};

use crate::doc::{Block, Document, Inline};
use blocks::BlockWriter;

/// Name of the page shell template that [`render`] looks up in the environment.
pub const PAGE_TEMPLATE_NAME: &str = "page.html.j2";

/// The built-in page shell, for registering under [`PAGE_TEMPLATE_NAME`] when the user has
/// not supplied their own.
pub const DEFAULT_PAGE_TEMPLATE: &str = include_str!("../../templates/page.html.j2");

/// The built-in stylesheet, inlined into the page by [`render`].
pub const DEFAULT_CSS: &str = include_str!("../../templates/style.css");

/// Renders the whole page: the template [`PAGE_TEMPLATE_NAME`] from `env`, given `meta`
/// (the [`DocMeta`](crate::doc::DocMeta)), `body` (the chapter, from [`body`]) and `css`
/// (inlined in `<style>`); `body` and `css` are marked safe, `meta` is escaped by the
/// environment's auto-escaping, which minijinja turns on for `.html.j2` names by default.
///
/// Figure paths are resolved against `image_root` (the data directory).
pub fn render(
    doc: &Document,
    env: &Environment<'_>,
    css: &str,
    image_root: &Path,
) -> Result<Vec<u8>> {
    // The stylesheet goes inside <style>, whose content ends at the first "</style";
    // such text in a user's CSS would end it early and spill the rest into the page.
    if css.to_ascii_lowercase().contains("</style") {
        bail!(tr!("html-style-end"));
    }
    let body = body(doc, image_root)?;
    let template = env
        .get_template(PAGE_TEMPLATE_NAME)
        .with_context(|| tr!("html-cannot-load-page", name = PAGE_TEMPLATE_NAME))?;
    let given = body.len() + css.len();
    let ctx = context! {
        meta => Value::from(Serde(&doc.meta)),
        body => Value::from_safe_string(body),
        css => Value::from_safe_string(css.to_string()),
        print_css => Value::from_safe_string(print_css(&doc.meta)),
    };
    let html = crate::limits::render_bounded(&template, ctx, given)
        .with_context(|| tr!("html-cannot-render-page", name = PAGE_TEMPLATE_NAME))?;
    Ok(html.into_bytes())
}

/// What the page takes from the document's metadata: the headings' colour, and the printed
/// page's furniture: the running head over a rule
/// at the top of every page, the chapter title and the page number at the foot, the numbers
/// starting at `first_page` (page-margin boxes, which Chromium prints; the page counter is
/// reset on the root element, the one place Chromium takes it from).
fn print_css(meta: &crate::doc::DocMeta) -> String {
    format!(
        ":root {{ --heading: {accent}; }}\n@page {{\n  @top-left {{ content: {head}; font-family: {FONTS}; font-size: 8pt; color: #333; vertical-align: bottom; padding-bottom: 3pt; border-bottom: 0.4pt solid #666; }}\n  @bottom-left {{ content: {title}; font-family: {FONTS}; font-size: 8pt; color: #333; vertical-align: top; padding-top: 3pt; border-top: 0.4pt solid #666; }}\n  @bottom-right {{ content: counter(page); font-family: {FONTS}; font-size: 8pt; color: #333; vertical-align: top; padding-top: 3pt; border-top: 0.4pt solid #666; }}\n}}\nhtml {{ counter-reset: page {start}; }}\n",
        head = css_string(&meta.running_head),
        title = css_string(&meta.title),
        start = meta.first_page.max(1) - 1,
        accent = meta.accent.css(),
    )
}

/// The page-margin boxes do not inherit the page's font: the body's, from style.css.
const FONTS: &str = "system-ui, -apple-system, \"Segoe UI\", Roboto, \"Noto Sans\", \"Liberation Sans\", sans-serif";

/// `text` as a CSS string literal that cannot end its `<style>` element: quotes and
/// backslashes escaped, `<` and line breaks as hexadecimal escapes.
fn css_string(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            '<' | '>' | '\n' | '\r' | '\u{a0}' => out.push_str(&format!("\\{:X} ", c as u32)),
            c if c.is_control() => out.push_str(&format!("\\{:X} ", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Renders the chapter's HTML fragment: the blocks of `doc`, without page shell.
///
/// Figure images are read from `image_root`; a missing or unreadable image is an error that
/// names the path. The chapter must have exactly one level-1 heading (the page's `h1`).
pub fn body(doc: &Document, image_root: &Path) -> Result<String> {
    let mut writer = block_writer(doc, image_root)?;
    writer.blocks(&doc.blocks)?;
    Ok(writer.finish())
}

/// One top-level section of the chapter as HTML, without page shell: what [`fragments`]
/// returns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fragment {
    /// The anchor id of the section's heading (ASCII), for the fragment's file name.
    pub id: String,
    /// The heading's text.
    pub title: String,
    /// The section's HTML: exactly the part of [`body`] from its heading to the next one.
    pub html: String,
}

/// The chapter's HTML fragment ([`body`]) cut before each level-2 heading: first the chapter
/// title with the text before the first section, then one fragment per section, in order.
/// Same markup, escaping and ids as the page, so that the fragments put together are
/// byte for byte the page's body.
pub fn fragments(doc: &Document, image_root: &Path) -> Result<Vec<Fragment>> {
    let mut writer = block_writer(doc, image_root)?;
    let mut out: Vec<Fragment> = Vec::new();
    let mut current: Option<(String, String)> = None;
    for block in &doc.blocks {
        if let Block::Heading { level, id, content } = block {
            if *level <= 2 {
                if let Some((id, title)) = current.take() {
                    out.push(Fragment {
                        id,
                        title,
                        html: writer.take(),
                    });
                }
                current = Some((id.clone(), Inline::plain_text(content)));
            }
        }
        writer.blocks(std::slice::from_ref(block))?;
    }
    let (id, title) = current.unwrap_or_default();
    out.push(Fragment {
        id,
        title,
        html: writer.finish(),
    });
    Ok(out)
}

/// A block writer for `doc`, after checking its headings (unique ids, one `h1`).
fn block_writer<'a>(doc: &Document, image_root: &'a Path) -> Result<BlockWriter<'a>> {
    let mut heading_ids = HashSet::new();
    let mut h1_count = 0;
    collect_headings(&doc.blocks, &mut heading_ids, &mut h1_count)?;
    if h1_count != 1 {
        bail!(tr!(
            "html-h1-count",
            count = h1_count,
            title = doc.meta.title.as_str()
        ));
    }
    Ok(BlockWriter::new(image_root, heading_ids))
}

/// Gathers heading ids (refusing duplicates, which would break anchors) and counts `h1`s,
/// including headings nested in list items.
fn collect_headings(
    blocks: &[Block],
    ids: &mut HashSet<String>,
    h1_count: &mut usize,
) -> Result<()> {
    for block in blocks {
        match block {
            Block::Heading { level, id, .. } => {
                if *level == 1 {
                    *h1_count += 1;
                }
                if !ids.insert(id.clone()) {
                    bail!(tr!("html-anchor-twice", id = id.as_str()));
                }
            }
            Block::List { items, .. } => {
                for item in items {
                    collect_headings(item, ids, h1_count)?;
                }
            }
            Block::Paragraph(_) | Block::Table(_) | Block::Figure(_) => {}
        }
    }
    Ok(())
}
