//! The package's fixed parts (ECMA-376 Part 2, Open Packaging Conventions): content types,
//! relationships, document properties, settings, page header and footer.

use std::fmt::Write as _;

use super::inline::{push_run, RunStyle};
use super::styles;
use super::xml::{attr, push_text};
use crate::doc::DocMeta;

const XML_DECL: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
use super::rels::REL_NS;
const W_NS: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

/// `[Content_Types].xml`: what each part is.
pub(crate) fn content_types(image_exts: &[&str]) -> String {
    let mut s = format!(
        "{XML_DECL}<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">\
         <Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>\
         <Default Extension=\"xml\" ContentType=\"application/xml\"/>"
    );
    for ext in ["png", "jpeg", "gif"] {
        if image_exts.contains(&ext) {
            let _ = write!(
                s,
                r#"<Default Extension="{ext}" ContentType="image/{ext}"/>"#
            );
        }
    }
    let wml = "application/vnd.openxmlformats-officedocument.wordprocessingml";
    for (part, kind) in [
        ("/word/document.xml", "document.main+xml"),
        ("/word/styles.xml", "styles+xml"),
        ("/word/numbering.xml", "numbering+xml"),
        ("/word/settings.xml", "settings+xml"),
        ("/word/header1.xml", "header+xml"),
        ("/word/footer1.xml", "footer+xml"),
    ] {
        let _ = write!(
            s,
            r#"<Override PartName="{part}" ContentType="{wml}.{kind}"/>"#
        );
    }
    s.push_str(concat!(
        r#"<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>"#,
        r#"<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>"#,
        "</Types>"
    ));
    s
}

/// `_rels/.rels`: where the document and its properties are.
pub(crate) fn root_rels() -> String {
    format!(
        concat!(
            "{decl}<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">",
            r#"<Relationship Id="rId1" Type="{ns}/officeDocument" Target="word/document.xml"/>"#,
            r#"<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>"#,
            r#"<Relationship Id="rId3" Type="{ns}/extended-properties" Target="docProps/app.xml"/>"#,
            "</Relationships>"
        ),
        decl = XML_DECL,
        ns = REL_NS
    )
}

/// `docProps/core.xml`: title, subject, author, keywords, language and dates — what Word
/// shows under *File → Info → Properties* and document systems index. `date` is W3CDTF.
pub(crate) fn core_xml(meta: &DocMeta, lang: &str, date: &str) -> String {
    let mut s = format!(
        "{XML_DECL}<cp:coreProperties \
         xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" \
         xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" \
         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">"
    );
    let mut element = |name: &str, value: &str| {
        let _ = write!(s, "<{name}>");
        push_text(&mut s, value);
        let _ = write!(s, "</{name}>");
    };
    element("dc:title", &meta.full_title);
    element("dc:subject", &meta.subject);
    element("dc:creator", &meta.author);
    element("cp:keywords", &meta.keywords.join(", "));
    element("dc:language", lang);
    element("cp:lastModifiedBy", &meta.author);
    let _ = write!(
        s,
        concat!(
            r#"<dcterms:created xsi:type="dcterms:W3CDTF">{date}</dcterms:created>"#,
            r#"<dcterms:modified xsi:type="dcterms:W3CDTF">{date}</dcterms:modified>"#,
            "</cp:coreProperties>"
        ),
        date = date
    );
    s
}

/// `docProps/app.xml`: the program and the publishing office (*Company* in Word).
pub(crate) fn app_xml(meta: &DocMeta) -> String {
    let mut s = format!(
        "{XML_DECL}<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\">\
         <Application>report-gen</Application><Company>"
    );
    push_text(&mut s, &meta.author);
    s.push_str("</Company></Properties>");
    s
}

/// `word/settings.xml`: Word 2013+ layout (no compatibility mode), Polish as the language of
/// the theme fonts, Polish decimal and list separators for fields.
pub(crate) fn settings_xml(lang: &str) -> String {
    format!(
        concat!(
            "{decl}<w:settings xmlns:w=\"{w}\">",
            r#"<w:defaultTabStop w:val="708"/><w:characterSpacingControl w:val="doNotCompress"/>"#,
            r#"<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>"#,
            r#"<w:themeFontLang w:val="{lang}"/><w:decimalSymbol w:val=","/><w:listSeparator w:val=";"/>"#,
            "</w:settings>"
        ),
        decl = XML_DECL,
        w = W_NS,
        lang = attr(lang)
    )
}

/// `word/header1.xml`: the running head on every page (the report, its year and the chapter),
/// as in the PDF, so a printed page says where it belongs.
pub(crate) fn header_xml(meta: &DocMeta) -> String {
    let mut s = format!(
        "{XML_DECL}<w:hdr xmlns:w=\"{W_NS}\" xmlns:r=\"{REL_NS}\"><w:p><w:pPr><w:pStyle w:val=\"{}\"/></w:pPr>",
        styles::HEADER
    );
    push_run(&mut s, &meta.running_head, RunStyle::default());
    s.push_str("</w:p></w:hdr>");
    s
}

/// `word/footer1.xml`: the page number, as in the PDF, from Word's PAGE field (the section
/// starts it at the chapter's first page in the bound report, `DocMeta::first_page`; a count
/// of pages would be wrong once the chapter is bound into the report).
pub(crate) fn footer_xml(meta: &DocMeta) -> String {
    let mut s = format!(
        "{XML_DECL}<w:ftr xmlns:w=\"{W_NS}\" xmlns:r=\"{REL_NS}\"><w:p><w:pPr><w:pStyle w:val=\"{}\"/></w:pPr>",
        styles::FOOTER
    );
    push_field(&mut s, "PAGE", &meta.first_page.max(1).to_string());
    s.push_str("</w:p></w:ftr>");
    s
}

/// A simple field (`PAGE`, `SEQ Tabela`) with the value shown until Word updates it.
pub(crate) fn push_field(out: &mut String, instr: &str, shown: &str) {
    push_field_styled(out, instr, shown, RunStyle::default());
}

/// [`push_field`] with the run properties of the shown value.
pub(crate) fn push_field_styled(out: &mut String, instr: &str, shown: &str, style: RunStyle<'_>) {
    let _ = write!(out, r#"<w:fldSimple w:instr=" {} ">"#, attr(instr));
    push_run(out, shown, style);
    out.push_str("</w:fldSimple>");
}
