//! The document's XMP metadata stream (`/Metadata` in the catalog).
//!
//! PDF/UA-1 (ISO 14289-1, 5 and 7.1) asks for an XMP packet that carries the title
//! (`dc:title`) and the PDF/UA identifier (`pdfuaid:part` 1); screen readers, search engines and
//! document management systems read the title from here before `/Info`. The values are the
//! same as in `/Info` ([`super::info`]), so the two never disagree. The stream is not
//! compressed: metadata is meant to be readable by tools that do not parse PDF.

use lopdf::{dictionary, Stream};

use super::info::Info;

/// The XMP packet for `info`, as an uncompressed `/Type /Metadata /Subtype /XML` stream.
pub fn stream(info: &Info) -> Stream {
    super::deflate::raw_stream(
        dictionary! { "Type" => "Metadata", "Subtype" => "XML" },
        packet(info).into_bytes(),
    )
}

/// The XMP packet (RDF/XML in an `<?xpacket?>` wrapper).
fn packet(info: &Info) -> String {
    let date = info.time().format("%Y-%m-%dT%H:%M:%SZ").to_string();
    let lang = escape(info.lang);
    let keywords = escape(&info.keywords.join(", "));
    let subjects: String = info
        .keywords
        .iter()
        .map(|k| format!("<rdf:li>{}</rdf:li>", escape(k)))
        .collect();
    format!(
        r#"<?xpacket begin="{bom}" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about=""
 xmlns:dc="http://purl.org/dc/elements/1.1/"
 xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
 xmlns:xmp="http://ns.adobe.com/xap/1.0/"
 xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">
<dc:format>application/pdf</dc:format>
<dc:title><rdf:Alt><rdf:li xml:lang="x-default">{title}</rdf:li></rdf:Alt></dc:title>
<dc:creator><rdf:Seq><rdf:li>{author}</rdf:li></rdf:Seq></dc:creator>
<dc:description><rdf:Alt><rdf:li xml:lang="x-default">{subject}</rdf:li></rdf:Alt></dc:description>
<dc:subject><rdf:Bag>{subjects}</rdf:Bag></dc:subject>
<dc:language><rdf:Bag><rdf:li>{lang}</rdf:li></rdf:Bag></dc:language>
<pdf:Keywords>{keywords}</pdf:Keywords>
<pdf:Producer>{producer}</pdf:Producer>
<xmp:CreatorTool>report-gen</xmp:CreatorTool>
<xmp:CreateDate>{date}</xmp:CreateDate>
<xmp:ModifyDate>{date}</xmp:ModifyDate>
<xmp:MetadataDate>{date}</xmp:MetadataDate>
<pdfuaid:part>1</pdfuaid:part>
</rdf:Description>
</rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>"#,
        bom = '\u{feff}',
        title = escape(info.title),
        author = escape(info.author),
        subject = escape(info.subject),
        producer = escape(&super::info::producer()),
    )
}

/// `s` with the five XML special characters escaped; characters XML 1.0 cannot hold at all
/// (controls other than tab and line breaks) are left out.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{fffe}' || c == '\u{ffff}' => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn info<'a>(title: &'a str, keywords: &'a [String]) -> Info<'a> {
        Info {
            title,
            author: "Urząd Miasta Poznania",
            subject: "Raport o stanie Miasta Poznania",
            keywords,
            epoch: 1_700_000_000,
            lang: "pl-PL",
            first_page: 1,
        }
    }

    #[test]
    fn the_packet_names_the_title_language_and_pdf_ua() {
        let keywords = vec!["współpraca".to_string(), "miasta partnerskie".to_string()];
        let xml = packet(&info("Współpraca międzynarodowa – 2023 r.", &keywords));
        assert!(xml.starts_with("<?xpacket begin=\"\u{feff}\""));
        assert!(xml.ends_with("<?xpacket end=\"w\"?>"));
        assert!(xml.contains(
            "<rdf:li xml:lang=\"x-default\">Współpraca międzynarodowa – 2023 r.</rdf:li>"
        ));
        assert!(xml.contains("<pdfuaid:part>1</pdfuaid:part>"));
        assert!(xml.contains("<dc:language><rdf:Bag><rdf:li>pl-PL</rdf:li></rdf:Bag>"));
        assert!(xml.contains("<rdf:li>miasta partnerskie</rdf:li>"));
        assert!(xml.contains("<xmp:CreateDate>2023-11-14T22:13:20Z</xmp:CreateDate>"));
    }

    #[test]
    fn markup_in_values_is_escaped() {
        let xml = packet(&info("A & B <script> \"x\"\u{1}", &[]));
        assert!(xml.contains(">A &amp; B &lt;script&gt; &quot;x&quot;</rdf:li>"));
        assert!(!xml.contains("<script>"));
        assert!(!xml.contains('\u{1}'));
    }
}
