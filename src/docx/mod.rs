//! The DOCX writer: the document tree as a Word document, for the colleagues who assemble the
//! whole annual report in Word.
//!
//! WordprocessingML is written by hand (ECMA-376 / ISO/IEC 29500, transitional) into a ZIP
//! made here ([`zip`]), rather than through docx-rs: that crate cannot mark a table's header
//! row to repeat on each page (`w:tblHeader`) nor give a picture its description
//! (`wp:docPr descr`), and both are what this writer is for. The parts are few and fixed, so
//! by hand they are also fully under control: element order as the schema wants it (Word
//! refuses a file whose run properties are out of order), no random ids, fixed timestamps.
//!
//! What a colleague opening the file gets:
//! - Word's **built-in styles** (see [`styles`]): headings in the navigation pane and in a
//!   table of contents, body text in „Tekst podstawowy”, bold run-in titles, lists as Word
//!   lists with hanging indents (nested lists one level deeper);
//! - the agreement table with its header row repeated on every page, rows that never split
//!   across pages, the caption „Tabela 1.” (a SEQ field) above and the source line below;
//! - figures with the image embedded unchanged, its alt text as the picture's description
//!   (*Alt Text* in Word), the caption and credit below;
//! - Polish (`pl-PL`) as the language of all text, phrases marked in another language in
//!   theirs; no-break spaces and „quotes” exactly as in the other formats;
//! - title, subject, author (the office), keywords and language in the document properties,
//!   the running head in the page header, the page number (from the chapter's first page in
//!   the bound report) in the footer.
//!
//! The same document gives the same bytes: the date inside (document properties and every
//! ZIP entry) is the one the PDF gets ([`DocxOptions::source_date_epoch`]).

mod body;
mod image;
mod inline;
mod package;
mod rels;
mod styles;
mod xml;
mod zip;

use crate::tr;
use std::fmt::Write as _;
use std::path::Path;

use anyhow::{Context, Result};

use crate::doc::Document;
use body::{BodyWriter, MARGIN};
use rels::Relationships;
use zip::{Method, ZipWriter};

/// Options of the DOCX writer.
#[derive(Clone, Debug)]
pub struct DocxOptions {
    /// Creation and modification date, in seconds since 1970 (`SOURCE_DATE_EPOCH`; the build
    /// passes 1 January after the report year when it is unset).
    pub source_date_epoch: i64,
}

impl Default for DocxOptions {
    fn default() -> Self {
        DocxOptions {
            // 2000-01-01T00:00:00Z.
            source_date_epoch: 946_684_800,
        }
    }
}

/// Renders `doc` as a DOCX file. Figure paths are resolved against `image_root` (the data
/// directory); a missing or unreadable image is an error naming the figure and the path.
pub fn render(doc: &Document, image_root: &Path, opts: &DocxOptions) -> Result<Vec<u8>> {
    let lang = match doc.meta.lang.as_str() {
        "" => "pl-PL".to_string(),
        tag => inline::word_lang(tag).with_context(|| tr!("writer-bad-language", tag = tag))?,
    };
    let mut writer = BodyWriter::new(image_root);
    writer.blocks(&doc.blocks)?;
    let body = writer.take_xml();
    let document = document_xml(&body, doc.meta.first_page);

    let date = chrono::DateTime::from_timestamp(opts.source_date_epoch, 0)
        .unwrap_or_default()
        .format("%Y-%m-%dT%H:%M:%SZ")
        .to_string();
    let exts: Vec<&str> = writer.media.iter().map(|m| m.image.ext).collect();
    let mut zip = ZipWriter::new(opts.source_date_epoch);
    let parts: [(&str, String); 11] = [
        ("[Content_Types].xml", package::content_types(&exts)),
        ("_rels/.rels", package::root_rels()),
        (
            "docProps/core.xml",
            package::core_xml(&doc.meta, &lang, &date),
        ),
        ("docProps/app.xml", package::app_xml(&doc.meta)),
        ("word/document.xml", document),
        ("word/_rels/document.xml.rels", writer.rels.to_xml()),
        (
            "word/styles.xml",
            styles::styles_xml(&lang, doc.meta.accent),
        ),
        ("word/numbering.xml", styles::numbering_xml(&writer.lists)),
        ("word/settings.xml", package::settings_xml(&lang)),
        ("word/header1.xml", package::header_xml(&doc.meta)),
        ("word/footer1.xml", package::footer_xml(&doc.meta)),
    ];
    for (name, xml) in &parts {
        zip.add(name, xml.as_bytes(), Method::Deflated)?;
    }
    for media in &writer.media {
        zip.add(&media.part, &media.image.bytes, Method::Stored)?;
    }
    zip.finish()
}

/// `word/document.xml`: the body and the page (A4, 2 cm margins, header and footer).
fn document_xml(body: &str, first_page: u32) -> String {
    let mut s = String::with_capacity(body.len() + 1024);
    s.push_str(concat!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n",
        r#"<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" "#,
        r#"xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" "#,
        r#"xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" "#,
        r#"xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" "#,
        r#"xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"><w:body>"#,
    ));
    s.push_str(body);
    let _ = write!(
        s,
        concat!(
            r#"<w:sectPr><w:headerReference w:type="default" r:id="{header}"/>"#,
            r#"<w:footerReference w:type="default" r:id="{footer}"/>"#,
            r#"<w:pgSz w:w="11906" w:h="16838"/>"#,
            r#"<w:pgMar w:top="{m}" w:right="{m}" w:bottom="{m}" w:left="{m}" w:header="567" w:footer="567" w:gutter="0"/>"#,
            r#"<w:pgNumType w:start="{start}"/>"#,
            r#"</w:sectPr></w:body></w:document>"#
        ),
        header = Relationships::HEADER,
        footer = Relationships::FOOTER,
        m = MARGIN,
        start = first_page.max(1),
    );
    s
}
