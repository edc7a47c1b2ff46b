//! The relationships of the main document part (`word/_rels/document.xml.rels`): which part
//! or address each `r:id` in the body names.

use std::fmt::Write as _;

use super::xml::attr;

/// The namespace of relationships, and the prefix of their types.
pub(crate) const REL_NS: &str =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

const XML_DECL: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";

/// The relationships of `word/document.xml`: the fixed parts first (ids `rId1`…`rId5`), then
/// images and links in the order the body meets them, so the ids never depend on anything
/// but the document.
pub(crate) struct Relationships {
    entries: Vec<(String, &'static str, String, bool)>,
}

impl Relationships {
    /// The fixed parts: styles, numbering, settings, header, footer.
    pub(crate) fn new() -> Self {
        let mut r = Relationships {
            entries: Vec::new(),
        };
        for (kind, target) in [
            ("styles", "styles.xml"),
            ("numbering", "numbering.xml"),
            ("settings", "settings.xml"),
            ("header", "header1.xml"),
            ("footer", "footer1.xml"),
        ] {
            r.push(kind, target.to_string(), false);
        }
        r
    }

    fn push(&mut self, kind: &'static str, target: String, external: bool) -> String {
        let id = format!("rId{}", self.entries.len() + 1);
        self.entries.push((id.clone(), kind, target, external));
        id
    }

    /// The id of the header part.
    pub(crate) const HEADER: &'static str = "rId4";
    /// The id of the footer part.
    pub(crate) const FOOTER: &'static str = "rId5";

    /// A new relationship to an external web or e-mail address.
    pub(crate) fn hyperlink(&mut self, url: &str) -> String {
        self.push("hyperlink", url.to_string(), true)
    }

    /// A new relationship to an image part (`media/image1.png`).
    pub(crate) fn image(&mut self, target: &str) -> String {
        self.push("image", target.to_string(), false)
    }

    /// `word/_rels/document.xml.rels`.
    pub(crate) fn to_xml(&self) -> String {
        let mut s = format!("{XML_DECL}<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">");
        for (id, kind, target, external) in &self.entries {
            let _ = write!(
                s,
                r#"<Relationship Id="{id}" Type="{REL_NS}/{kind}" Target="{}"{}/>"#,
                attr(target),
                if *external {
                    r#" TargetMode="External""#
                } else {
                    ""
                }
            );
        }
        s.push_str("</Relationships>");
        s
    }
}
