//! Inline elements to runs (`w:r`): bold and italic, phrases in another language, links,
//! line breaks.

use std::fmt::Write as _;

use anyhow::{bail, Result};

use super::rels::Relationships;
use super::styles;
use super::xml::{push_attr, push_text};
use crate::doc::Inline;

/// What a run inherits from the inlines around it.
#[derive(Clone, Copy, Default)]
pub(crate) struct RunStyle<'a> {
    pub bold: bool,
    pub italic: bool,
    /// Word language of a marked phrase (`en-GB`); `None`: the document's language.
    pub lang: Option<&'a str>,
    /// Inside a hyperlink: Word's Hyperlink character style.
    pub link: bool,
    /// Colour of the run (hex RGB), e.g. the table number's accent.
    pub color: Option<&'static str>,
}

/// Appends `inlines` as runs; links become `w:hyperlink` with a relationship in `rels`.
pub(crate) fn push_runs(
    out: &mut String,
    inlines: &[Inline],
    style: RunStyle<'_>,
    rels: &mut Relationships,
) -> Result<()> {
    for inline in inlines {
        match inline {
            Inline::Text(text) => push_run(out, text, style),
            Inline::Emphasis(content) => {
                let style = RunStyle {
                    italic: true,
                    ..style
                };
                push_runs(out, content, style, rels)?;
            }
            Inline::Strong(content) => {
                let style = RunStyle {
                    bold: true,
                    ..style
                };
                push_runs(out, content, style, rels)?;
            }
            Inline::Lang { lang, content } => {
                let Some(word) = word_lang(lang) else {
                    bail!(
                        "\"{lang}\" is not a language tag; a phrase in another language needs \
                         a tag such as \"en\", \"de\" or \"fr\" (<span lang=\"en\">…</span>)"
                    );
                };
                let style = RunStyle {
                    lang: Some(&word),
                    ..style
                };
                push_runs(out, content, style, rels)?;
            }
            // Word cannot nest links; an inner link, or one whose address is not a web or
            // e-mail address, contributes only its words, as in the HTML.
            Inline::Link { url, content } if !style.link && is_allowed_url(url) => {
                let id = rels.hyperlink(url.trim());
                let _ = write!(out, r#"<w:hyperlink r:id="{id}" w:history="1">"#);
                let style = RunStyle {
                    link: true,
                    ..style
                };
                push_runs(out, content, style, rels)?;
                out.push_str("</w:hyperlink>");
            }
            Inline::Link { content, .. } => push_runs(out, content, style, rels)?,
            Inline::LineBreak => {
                out.push_str("<w:r>");
                push_rpr(out, style);
                out.push_str("<w:br/></w:r>");
            }
        }
    }
    Ok(())
}

/// One run of text. Tabs and line ends inside text are spaces: a text node has no layout.
pub(crate) fn push_run(out: &mut String, text: &str, style: RunStyle<'_>) {
    if text.is_empty() {
        return;
    }
    out.push_str("<w:r>");
    push_rpr(out, style);
    out.push_str(r#"<w:t xml:space="preserve">"#);
    if text.contains(['\n', '\r', '\t']) {
        push_text(out, &text.replace(['\n', '\r', '\t'], " "));
    } else {
        push_text(out, text);
    }
    out.push_str("</w:t></w:r>");
}

/// Run properties, in the order the schema requires (rStyle, b, bCs, i, iCs, color, lang).
fn push_rpr(out: &mut String, style: RunStyle<'_>) {
    if !(style.bold || style.italic || style.link || style.lang.is_some() || style.color.is_some())
    {
        return;
    }
    out.push_str("<w:rPr>");
    if style.link {
        let _ = write!(out, r#"<w:rStyle w:val="{}"/>"#, styles::HYPERLINK);
    }
    if style.bold {
        out.push_str("<w:b/><w:bCs/>");
    }
    if style.italic {
        out.push_str("<w:i/><w:iCs/>");
    }
    if let Some(color) = style.color {
        let _ = write!(out, r#"<w:color w:val="{color}"/>"#);
    }
    if let Some(lang) = style.lang {
        out.push_str(r#"<w:lang w:val=""#);
        push_attr(out, lang);
        out.push_str(r#""/>"#);
    }
    out.push_str("</w:rPr>");
}

/// The language Word is given for a BCP 47 tag: a tag with a region as it is, a bare
/// language with the region Word's proofing tools use for it (`en` → `en-GB`, the English of
/// the EU institutions the chapter's sources quote; `fr` → `fr-FR`); `None` for a string that
/// is not a tag.
pub(crate) fn word_lang(tag: &str) -> Option<String> {
    let valid = tag.split('-').enumerate().all(|(i, part)| {
        (1..=8).contains(&part.len())
            && part.chars().all(|c| c.is_ascii_alphanumeric())
            && (i > 0 || part.chars().all(|c| c.is_ascii_alphabetic()))
    });
    if !valid {
        return None;
    }
    if tag.contains('-') {
        return Some(tag.to_string());
    }
    let region = match tag.to_ascii_lowercase().as_str() {
        "pl" => "PL",
        "en" => "GB",
        "de" => "DE",
        "fr" => "FR",
        "es" => "ES",
        "it" => "IT",
        "pt" => "PT",
        "nl" => "NL",
        "cs" => "CZ",
        "sk" => "SK",
        "hu" => "HU",
        "fi" => "FI",
        "sv" => "SE",
        "da" => "DK",
        "nb" => "NO",
        "lt" => "LT",
        "lv" => "LV",
        "et" => "EE",
        "uk" => "UA",
        "ru" => "RU",
        "ka" => "GE",
        "he" => "IL",
        "zh" => "CN",
        "ja" => "JP",
        "ko" => "KR",
        "la" => "VA",
        _ => return Some(tag.to_string()),
    };
    Some(format!("{}-{region}", tag.to_ascii_lowercase()))
}

/// Web and e-mail addresses become links; any other scheme, and relative addresses (which
/// point nowhere once the document is mailed), stay text.
fn is_allowed_url(url: &str) -> bool {
    let url = url.trim();
    if url.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return false;
    }
    let lower = url.to_ascii_lowercase();
    ["http://", "https://", "mailto:"]
        .iter()
        .any(|scheme| lower.starts_with(scheme) && lower.len() > scheme.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn languages_for_word() {
        assert_eq!(word_lang("en").as_deref(), Some("en-GB"));
        assert_eq!(word_lang("fr").as_deref(), Some("fr-FR"));
        assert_eq!(word_lang("en-US").as_deref(), Some("en-US"));
        assert_eq!(word_lang("eo").as_deref(), Some("eo"));
        assert_eq!(word_lang("en\" x=\"y"), None);
        assert_eq!(word_lang(""), None);
    }

    #[test]
    fn links_only_to_the_web_and_mail() {
        assert!(is_allowed_url("https://www.poznan.pl/"));
        assert!(is_allowed_url("MAILTO:a@b.pl"));
        for bad in [
            "javascript:alert(1)",
            "raport.html#a",
            "https://",
            "http://a b",
        ] {
            assert!(!is_allowed_url(bad), "{bad}");
        }
    }

    #[test]
    fn runs_carry_bold_italic_language_and_keep_nbsp() {
        let mut rels = Relationships::new();
        let mut out = String::new();
        let inlines = [
            Inline::Strong(vec![Inline::Text("Wizyta".into())]),
            Inline::Text(" w\u{a0}Rennes – „".into()),
            Inline::Lang {
                lang: "fr".into(),
                content: vec![Inline::Emphasis(vec![Inline::Text("Labo Europe".into())])],
            },
            Inline::Text("”".into()),
        ];
        push_runs(&mut out, &inlines, RunStyle::default(), &mut rels).unwrap();
        assert_eq!(
            out,
            concat!(
                r#"<w:r><w:rPr><w:b/><w:bCs/></w:rPr><w:t xml:space="preserve">Wizyta</w:t></w:r>"#,
                "<w:r><w:t xml:space=\"preserve\"> w\u{a0}Rennes – „</w:t></w:r>",
                r#"<w:r><w:rPr><w:i/><w:iCs/><w:lang w:val="fr-FR"/></w:rPr><w:t xml:space="preserve">Labo Europe</w:t></w:r>"#,
                r#"<w:r><w:t xml:space="preserve">”</w:t></w:r>"#,
            )
        );
    }
}
