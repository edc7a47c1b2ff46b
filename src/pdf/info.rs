//! Document information: the `/Info` dictionary and what it shares with the XMP metadata and
//! the structure tree (the producer's name, PDF text strings), so that those modules need not
//! reach into the file assembly.

use lopdf::{dictionary, Dictionary, Object, StringFormat};

/// Document information written to `/Info`.
pub struct Info<'a> {
    /// Title (the chapter's full title).
    pub title: &'a str,
    /// Author.
    pub author: &'a str,
    /// Subject.
    pub subject: &'a str,
    /// Keywords.
    pub keywords: &'a [String],
    /// Creation and modification time, Unix seconds.
    pub epoch: i64,
    /// BCP 47 language of the document, for `/Lang`.
    pub lang: &'a str,
    /// The number of the first page in the bound report, for `/PageLabels`.
    pub first_page: u32,
}

impl Info<'_> {
    /// The creation (and modification) time.
    pub fn time(&self) -> chrono::DateTime<chrono::Utc> {
        chrono::DateTime::from_timestamp(self.epoch, 0).unwrap_or_default()
    }
}

/// `/Info`: title, author, subject, keywords, producer and dates (`D:YYYYMMDDHHmmSSZ`).
pub(super) fn info_dict(info: &Info) -> Dictionary {
    let date = info.time().format("D:%Y%m%d%H%M%S+00'00'").to_string();
    dictionary! {
        "Title" => text_string(info.title),
        "Author" => text_string(info.author),
        "Subject" => text_string(info.subject),
        "Keywords" => text_string(&info.keywords.join(", ")),
        "Creator" => text_string("report-gen"),
        "Producer" => text_string(&producer()),
        "CreationDate" => Object::string_literal(date.clone()),
        "ModDate" => Object::string_literal(date),
        "Trapped" => "False",
    }
}

/// The producer named in `/Info` and in the XMP metadata.
pub(super) fn producer() -> String {
    format!(
        "report-gen {} (printpdf fonts, lopdf)",
        env!("CARGO_PKG_VERSION")
    )
}

/// A PDF text string: UTF-16BE with BOM, so Polish titles survive in every viewer.
pub(super) fn text_string(s: &str) -> Object {
    let mut bytes = vec![0xFE, 0xFF];
    for u in s.encode_utf16() {
        bytes.extend_from_slice(&u.to_be_bytes());
    }
    Object::String(bytes, StringFormat::Hexadecimal)
}
