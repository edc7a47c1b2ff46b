//! Writes a lopdf object tree as a PDF 1.7 file: streams as they are, every other object in
//! compressed object streams, and a cross-reference stream.
//!
//! lopdf's own writer formats through `dyn Write` byte by byte and clones every object it
//! puts into an object stream; a tagged 290-page chapter has some 21,000 small dictionaries
//! (structure elements), and writing them that way cost more than the whole layout and twice
//! the memory. Here each object is written once, straight into a byte buffer.
//!
//! The trailer `/ID` is a SHA-256 of everything before the cross-reference stream: the same
//! content gives the same `/ID`, any change a new one.

use anyhow::{anyhow, Result};
use lopdf::{Dictionary, Object, StringFormat};
use sha2::{Digest, Sha256};

use super::content::{push_number, push_uint};
use super::deflate::{Deflater, STREAM_LEVEL};

/// Objects per object stream: larger streams compress better; a reader decompresses one
/// stream to reach any object in it, so they are kept moderate.
const OBJECTS_PER_STREAM: usize = 200;

/// Where an object is, for the cross-reference stream.
#[derive(Clone, Copy)]
enum Entry {
    Free,
    /// Byte offset of an object written directly.
    At(u64),
    /// (object stream number, index inside it).
    Packed(u32, u16),
}

/// Serialises `doc` (objects and the trailer's `/Root` and `/Info`).
pub fn serialize(doc: &lopdf::Document) -> Result<Vec<u8>> {
    let mut out = Vec::with_capacity(1 << 16);
    out.extend_from_slice(b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n");
    let mut next_id = doc.max_id + 1;
    let mut entries = vec![Entry::Free; next_id as usize];
    let mut deflater = Deflater::new(STREAM_LEVEL);
    let mut packer = Packer::default();

    for (&(id, generation), object) in &doc.objects {
        let slot = entries
            .get_mut(id as usize)
            .ok_or_else(|| anyhow!("internal error: PDF object {id} beyond max_id"))?;
        match object {
            Object::Stream(stream) => {
                *slot = Entry::At(out.len() as u64);
                write_stream(&mut out, id, generation, &stream.dict, &stream.content);
            }
            _ => {
                *slot = Entry::Packed(next_id, packer.ids.len() as u16);
                packer.add(id, object);
                if packer.ids.len() == OBJECTS_PER_STREAM {
                    packer.flush(&mut out, &mut entries, next_id, &mut deflater)?;
                    next_id += 1;
                }
            }
        }
    }
    if !packer.ids.is_empty() {
        packer.flush(&mut out, &mut entries, next_id, &mut deflater)?;
        next_id += 1;
    }
    write_xref_stream(&mut out, doc, &mut entries, next_id, &mut deflater)?;
    Ok(out)
}

/// Non-stream objects collected for one object stream.
#[derive(Default)]
struct Packer {
    ids: Vec<(u32, usize)>,
    body: Vec<u8>,
}

impl Packer {
    fn add(&mut self, id: u32, object: &Object) {
        self.ids.push((id, self.body.len()));
        write_object(&mut self.body, object);
        self.body.push(b'\n');
    }

    /// Writes the collected objects as object stream `number` and starts afresh.
    fn flush(
        &mut self,
        out: &mut Vec<u8>,
        entries: &mut Vec<Entry>,
        number: u32,
        deflater: &mut Deflater,
    ) -> Result<()> {
        let mut content = Vec::with_capacity(self.body.len() + self.ids.len() * 12);
        for (id, offset) in &self.ids {
            push_uint(&mut content, u64::from(*id));
            content.push(b' ');
            push_uint(&mut content, *offset as u64);
            content.push(b' ');
        }
        let first = content.len();
        content.extend_from_slice(&self.body);
        let mut dict = Dictionary::new();
        dict.set("Type", Object::Name(b"ObjStm".to_vec()));
        dict.set("N", self.ids.len() as i64);
        dict.set("First", first as i64);
        dict.set("Filter", Object::Name(b"FlateDecode".to_vec()));
        if entries.len() <= number as usize {
            entries.resize(number as usize + 1, Entry::Free);
        }
        entries[number as usize] = Entry::At(out.len() as u64);
        write_stream(out, number, 0, &dict, &deflater.deflate(&content)?);
        self.ids.clear();
        self.body.clear();
        Ok(())
    }
}

/// The cross-reference stream (the file's last object, carrying the trailer entries).
fn write_xref_stream(
    out: &mut Vec<u8>,
    doc: &lopdf::Document,
    entries: &mut Vec<Entry>,
    number: u32,
    deflater: &mut Deflater,
) -> Result<()> {
    let hash = Sha256::digest(&*out);
    let start = out.len() as u64;
    entries.resize(number as usize + 1, Entry::Free);
    entries[number as usize] = Entry::At(start);
    // Fields: type (1 byte), offset or object stream number (4), generation or index (2).
    let mut rows = Vec::with_capacity(entries.len() * 7);
    for entry in entries.iter() {
        let (kind, field2, field3): (u8, u32, u16) = match *entry {
            Entry::Free => (0, 0, 0xFFFF),
            Entry::At(offset) => (
                1,
                u32::try_from(offset).map_err(|_| anyhow!("the PDF would exceed 4 GB"))?,
                0,
            ),
            Entry::Packed(stream, index) => (2, stream, index),
        };
        rows.push(kind);
        rows.extend_from_slice(&field2.to_be_bytes());
        rows.extend_from_slice(&field3.to_be_bytes());
    }
    let id = Object::String(hash[..16].to_vec(), StringFormat::Hexadecimal);
    let mut dict = Dictionary::new();
    dict.set("Type", Object::Name(b"XRef".to_vec()));
    dict.set("Size", entries.len() as i64);
    dict.set("W", vec![1.into(), 4.into(), 2.into()]);
    for key in [b"Root".as_slice(), b"Info"] {
        if let Ok(value) = doc.trailer.get(key) {
            dict.set(key, value.clone());
        }
    }
    dict.set("ID", vec![id.clone(), id]);
    dict.set("Filter", Object::Name(b"FlateDecode".to_vec()));
    write_stream(out, number, 0, &dict, &deflater.deflate(&rows)?);
    out.extend_from_slice(b"startxref\n");
    push_uint(out, start);
    out.extend_from_slice(b"\n%%EOF\n");
    Ok(())
}

/// `N G obj <<dict /Length n>> stream … endstream endobj`; `/Length` is set from `content`.
fn write_stream(out: &mut Vec<u8>, id: u32, generation: u16, dict: &Dictionary, content: &[u8]) {
    push_uint(out, u64::from(id));
    out.push(b' ');
    push_uint(out, u64::from(generation));
    out.extend_from_slice(b" obj\n<<");
    for (key, value) in dict.iter().filter(|(k, _)| k.as_slice() != b"Length") {
        write_name(out, key);
        out.push(b' ');
        write_object(out, value);
    }
    out.extend_from_slice(b"/Length ");
    push_uint(out, content.len() as u64);
    out.extend_from_slice(b">>\nstream\n");
    out.extend_from_slice(content);
    out.extend_from_slice(b"\nendstream\nendobj\n");
}

/// Any non-stream object (a stream inside another object is not valid PDF and not made here).
pub fn write_object(out: &mut Vec<u8>, object: &Object) {
    match object {
        Object::Null => out.extend_from_slice(b"null"),
        Object::Boolean(b) => out.extend_from_slice(if *b { b"true" } else { b"false" }),
        Object::Integer(i) => {
            if *i < 0 {
                out.push(b'-');
            }
            push_uint(out, i.unsigned_abs());
        }
        Object::Real(r) => push_number(out, *r),
        Object::Name(name) => write_name(out, name),
        Object::String(bytes, StringFormat::Literal) => {
            out.push(b'(');
            for &b in bytes {
                match b {
                    b'(' | b')' | b'\\' => out.extend_from_slice(&[b'\\', b]),
                    b'\r' => out.extend_from_slice(b"\\r"),
                    _ => out.push(b),
                }
            }
            out.push(b')');
        }
        Object::String(bytes, StringFormat::Hexadecimal) => {
            const HEX: &[u8; 16] = b"0123456789ABCDEF";
            out.push(b'<');
            for &b in bytes {
                out.extend_from_slice(&[HEX[usize::from(b >> 4)], HEX[usize::from(b & 15)]]);
            }
            out.push(b'>');
        }
        Object::Array(items) => {
            out.push(b'[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(b' ');
                }
                write_object(out, item);
            }
            out.push(b']');
        }
        Object::Dictionary(dict) => {
            out.extend_from_slice(b"<<");
            for (key, value) in dict.iter() {
                write_name(out, key);
                out.push(b' ');
                write_object(out, value);
            }
            out.extend_from_slice(b">>");
        }
        Object::Stream(_) => out.extend_from_slice(b"null"),
        Object::Reference((id, generation)) => {
            push_uint(out, u64::from(*id));
            out.push(b' ');
            push_uint(out, u64::from(*generation));
            out.extend_from_slice(b" R");
        }
    }
}

/// `/Name`, with delimiters, whitespace and bytes outside `!`..`~` written as `#XX`.
fn write_name(out: &mut Vec<u8>, name: &[u8]) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    out.push(b'/');
    for &b in name {
        if b"()<>[]{}/%#".contains(&b) || !(b'!'..=b'~').contains(&b) {
            out.extend_from_slice(&[b'#', HEX[usize::from(b >> 4)], HEX[usize::from(b & 15)]]);
        } else {
            out.push(b);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use lopdf::dictionary;

    fn written(object: &Object) -> String {
        let mut out = Vec::new();
        write_object(&mut out, object);
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn objects_are_written_in_pdf_syntax() {
        let dict = dictionary! {
            "Type" => "Page",
            "Kids" => vec![Object::Reference((3, 0)), Object::Integer(-7)],
            "Title" => Object::string_literal("a(b)\\c\r"),
            "ID" => Object::String(vec![0, 0xAB], StringFormat::Hexadecimal),
            "Size" => Object::Real(595.276),
            "Odd name" => Object::Name(b"A#B".to_vec()),
            "On" => true,
            "Nothing" => Object::Null,
        };
        assert_eq!(
            written(&Object::Dictionary(dict)),
            "<</Type /Page/Kids [3 0 R -7]/Title (a\\(b\\)\\\\c\\r)/ID <00AB>/Size 595.276\
             /Odd#20name /A#23B/On true/Nothing null>>"
        );
    }
}
