//! The style sheet (`word/styles.xml`) and list definitions (`word/numbering.xml`).
//!
//! Headings, body text, list paragraphs, captions and the table use Word's **built-in**
//! styles, named by their built-in English names ("heading 1", "Body Text", "List Paragraph",
//! "caption", "Table Grid"): Word shows them under its own localised names („Nagłówek 1”,
//! „Tekst podstawowy”, „Legenda”), the navigation pane and a table of contents pick the
//! headings up, and a colleague who pastes the chapter into the whole report gets the
//! report's own look for them. The few lines that have no built-in style (the source line,
//! the picture's paragraph, table text) get named styles of their own, in Polish, as the
//! people who edit the report see them. Colours are the HTML page's (templates/style.css).

use std::fmt::Write as _;

/// Style ids the document refers to.
pub(crate) const BODY: &str = "BodyText";
pub(crate) const LIST: &str = "ListParagraph";
pub(crate) const CAPTION: &str = "Caption";
pub(crate) const SOURCE: &str = "Zrodlo";
pub(crate) const FIGURE: &str = "Rysunek";
pub(crate) const TABLE_TEXT: &str = "TekstTabeli";
pub(crate) const TABLE_HEADING: &str = "NaglowekTabeli";
pub(crate) const TABLE: &str = "TableGrid";
pub(crate) const HYPERLINK: &str = "Hyperlink";
pub(crate) const HEADER: &str = "Header";
pub(crate) const FOOTER: &str = "Footer";

/// `Heading1` … `Heading6`.
pub(crate) fn heading(level: u8) -> String {
    format!("Heading{level}")
}

const ACCENT: &str = "0B4A86";
const MUTED: &str = "474747";

/// `word/styles.xml`; `lang` is the document's language (`pl-PL`), the default of every run.
/// Headings are in `accent`, the report's colour (report.yaml `accent_color`).
pub(crate) fn styles_xml(lang: &str, accent: crate::color::Rgb) -> String {
    let heading_color = accent.word();
    let mut s = String::from(concat!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
        "\n",
        r#"<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">"#,
    ));
    let _ = write!(
        s,
        concat!(
            r#"<w:docDefaults><w:rPrDefault><w:rPr>"#,
            r#"<w:rFonts w:ascii="Calibri" w:hAnsi="Calibri" w:eastAsia="Calibri" w:cs="Calibri"/>"#,
            r#"<w:color w:val="1B1B1B"/><w:sz w:val="22"/><w:szCs w:val="22"/>"#,
            r#"<w:lang w:val="{lang}"/>"#,
            r#"</w:rPr></w:rPrDefault>"#,
            r#"<w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="276" w:lineRule="auto"/></w:pPr></w:pPrDefault>"#,
            r#"</w:docDefaults>"#,
        ),
        lang = lang
    );
    s.push_str(concat!(
        r#"<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>"#,
        r#"<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/></w:style>"#,
        r#"<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/>"#,
        r#"<w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>"#,
        r#"<w:style w:type="numbering" w:default="1" w:styleId="NoList"><w:name w:val="No List"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/></w:style>"#,
        r#"<w:style w:type="paragraph" w:styleId="BodyText"><w:name w:val="Body Text"/><w:basedOn w:val="Normal"/><w:qFormat/>"#,
        r#"<w:pPr><w:spacing w:after="160"/></w:pPr></w:style>"#,
    ));
    // Sizes in half-points: 16, 14, 12.5, 11.5, 11, 11 pt.
    for (level, size, before) in [
        (1u8, 32, 0),
        (2, 28, 360),
        (3, 25, 280),
        (4, 23, 240),
        (5, 22, 200),
        (6, 22, 200),
    ] {
        let _ = write!(
            s,
            concat!(
                r#"<w:style w:type="paragraph" w:styleId="Heading{level}"><w:name w:val="heading {level}"/>"#,
                r#"<w:basedOn w:val="Normal"/><w:next w:val="BodyText"/><w:uiPriority w:val="9"/><w:qFormat/>"#,
                r#"<w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before="{before}" w:after="120"/><w:outlineLvl w:val="{outline}"/></w:pPr>"#,
                r#"<w:rPr><w:b/><w:bCs/><w:color w:val="{color}"/><w:sz w:val="{size}"/><w:szCs w:val="{size}"/></w:rPr></w:style>"#,
            ),
            level = level,
            outline = level - 1,
            before = before,
            size = size,
            color = heading_color,
        );
    }
    let _ = write!(
        s,
        concat!(
            r#"<w:style w:type="paragraph" w:styleId="ListParagraph"><w:name w:val="List Paragraph"/><w:basedOn w:val="BodyText"/><w:uiPriority w:val="34"/><w:qFormat/>"#,
            r#"<w:pPr><w:spacing w:after="160"/><w:ind w:left="720"/><w:contextualSpacing/></w:pPr></w:style>"#,
            r#"<w:style w:type="paragraph" w:styleId="Caption"><w:name w:val="caption"/><w:basedOn w:val="Normal"/><w:next w:val="BodyText"/><w:uiPriority w:val="35"/><w:unhideWhenUsed/><w:qFormat/>"#,
            r#"<w:pPr><w:spacing w:before="120" w:after="60"/></w:pPr><w:rPr><w:sz w:val="20"/><w:szCs w:val="20"/></w:rPr></w:style>"#,
            r#"<w:style w:type="paragraph" w:customStyle="1" w:styleId="Zrodlo"><w:name w:val="Źródło"/><w:basedOn w:val="Normal"/><w:next w:val="BodyText"/><w:qFormat/>"#,
            r#"<w:pPr><w:spacing w:before="60" w:after="240"/></w:pPr><w:rPr><w:color w:val="{muted}"/><w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr></w:style>"#,
            r#"<w:style w:type="paragraph" w:customStyle="1" w:styleId="Rysunek"><w:name w:val="Rysunek"/><w:basedOn w:val="Normal"/><w:next w:val="Caption"/><w:qFormat/>"#,
            r#"<w:pPr><w:keepNext/><w:spacing w:before="240" w:after="0"/></w:pPr></w:style>"#,
            r#"<w:style w:type="paragraph" w:customStyle="1" w:styleId="TekstTabeli"><w:name w:val="Tekst tabeli"/><w:basedOn w:val="Normal"/><w:qFormat/>"#,
            r#"<w:pPr><w:spacing w:before="40" w:after="40" w:line="240" w:lineRule="auto"/></w:pPr><w:rPr><w:sz w:val="20"/><w:szCs w:val="20"/></w:rPr></w:style>"#,
            r#"<w:style w:type="paragraph" w:customStyle="1" w:styleId="NaglowekTabeli"><w:name w:val="Nagłówek tabeli"/><w:basedOn w:val="TekstTabeli"/><w:qFormat/>"#,
            r#"<w:pPr><w:keepNext/></w:pPr><w:rPr><w:b/><w:bCs/></w:rPr></w:style>"#,
            r#"<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:basedOn w:val="TableNormal"/><w:uiPriority w:val="39"/>"#,
            r#"<w:tblPr><w:tblBorders>"#,
            r#"<w:top w:val="single" w:sz="4" w:space="0" w:color="B9C2CC"/><w:left w:val="single" w:sz="4" w:space="0" w:color="B9C2CC"/>"#,
            r#"<w:bottom w:val="single" w:sz="4" w:space="0" w:color="B9C2CC"/><w:right w:val="single" w:sz="4" w:space="0" w:color="B9C2CC"/>"#,
            r#"<w:insideH w:val="single" w:sz="4" w:space="0" w:color="B9C2CC"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="B9C2CC"/>"#,
            r#"</w:tblBorders><w:tblCellMar><w:left w:w="108" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>"#,
            r#"<w:style w:type="character" w:styleId="Hyperlink"><w:name w:val="Hyperlink"/><w:basedOn w:val="DefaultParagraphFont"/><w:uiPriority w:val="99"/><w:unhideWhenUsed/>"#,
            r#"<w:rPr><w:color w:val="{accent}"/><w:u w:val="single"/></w:rPr></w:style>"#,
            r#"<w:style w:type="paragraph" w:styleId="Header"><w:name w:val="header"/><w:basedOn w:val="Normal"/><w:uiPriority w:val="99"/><w:unhideWhenUsed/>"#,
            r#"<w:pPr><w:spacing w:after="0"/><w:jc w:val="right"/></w:pPr><w:rPr><w:color w:val="{muted}"/><w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr></w:style>"#,
            r#"<w:style w:type="paragraph" w:styleId="Footer"><w:name w:val="footer"/><w:basedOn w:val="Normal"/><w:uiPriority w:val="99"/><w:unhideWhenUsed/>"#,
            r#"<w:pPr><w:spacing w:after="0"/><w:jc w:val="center"/></w:pPr><w:rPr><w:color w:val="{muted}"/><w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr></w:style>"#,
            r#"</w:styles>"#,
        ),
        muted = MUTED,
        accent = ACCENT,
    );
    s
}

/// The hanging indent of a list item: where its text starts after the bullet or number.
pub(crate) const HANGING: u32 = 360;

/// The left indent (in twentieths of a point) of a list item's text at nesting `level`.
pub(crate) fn list_indent(level: u32) -> u32 {
    360 + 360 * (level + 1)
}

/// Abstract list definitions: 0 bullets, 1 numbers; nine levels each, with hanging indents.
pub(crate) const BULLETS: u32 = 0;
pub(crate) const NUMBERS: u32 = 1;

/// Each list of the chapter, in order: (abstract definition, first number). List `i` is
/// `w:num` `i + 1`.
pub(crate) fn numbering_xml(lists: &[(u32, u64)]) -> String {
    let mut s = String::from(concat!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
        "\n",
        r#"<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">"#,
    ));
    for id in [BULLETS, NUMBERS] {
        let _ = write!(
            s,
            r#"<w:abstractNum w:abstractNumId="{id}"><w:multiLevelType w:val="hybridMultilevel"/>"#
        );
        for level in 0..9u32 {
            // Bullets: •, –, ◦ by depth (the Polish convention, as in the PDF and the HTML), in
            // the body font (Calibri and Carlito have all three), so no symbol font is needed.
            let (format, text) = if id == BULLETS {
                ("bullet", ["•", "–", "◦"][level as usize % 3].to_string())
            } else {
                ("decimal", format!("%{}.", level + 1))
            };
            let _ = write!(
                s,
                concat!(
                    r#"<w:lvl w:ilvl="{level}"><w:start w:val="1"/><w:numFmt w:val="{format}"/>"#,
                    r#"<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>"#,
                    r#"<w:pPr><w:ind w:left="{left}" w:hanging="{hanging}"/></w:pPr>"#,
                ),
                level = level,
                format = format,
                text = text,
                left = list_indent(level),
                hanging = HANGING,
            );
            s.push_str("</w:lvl>");
        }
        s.push_str("</w:abstractNum>");
    }
    for (i, (abstract_id, start)) in lists.iter().enumerate() {
        let _ = write!(
            s,
            r#"<w:num w:numId="{}"><w:abstractNumId w:val="{abstract_id}"/>"#,
            i + 1
        );
        // Every numbered list restarts at its own first number: without an override Word
        // continues the count of the previous list that shares the definition.
        if *abstract_id == NUMBERS {
            for level in 0..9 {
                let _ = write!(
                    s,
                    r#"<w:lvlOverride w:ilvl="{level}"><w:startOverride w:val="{start}"/></w:lvlOverride>"#
                );
            }
        }
        s.push_str("</w:num>");
    }
    s.push_str("</w:numbering>");
    s
}
