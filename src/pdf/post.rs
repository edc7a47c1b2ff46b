//! lopdf post-processing of printpdf's output: language, viewer settings, nested outline, stable /ID.
//!
//! printpdf 0.12.8 writes no `/Lang`, only a flat outline sorted by (page, title) that points
//! at page tops, `/PageMode` as a string, an empty `/Identifier`, a `/GTS_PDFXVersion` that
//! makes `pdfinfo` claim PDF/X, a PDF 1.3 header and a counter-based `/ID`. All fixed here.

use anyhow::{anyhow, Context, Result};
use lopdf::{Dictionary, Object, ObjectId, StringFormat};
use printpdf::{PdfDocument, PdfSaveOptions};
use sha2::{Digest, Sha256};

use super::model::OutlineEntry;

/// Placeholder written as the trailer /ID, then replaced by a hash of the finished file.
const ID_PLACEHOLDER: [u8; 16] = [0; 16];

/// Serialises `pdf` with the fixes above. `lang` is the BCP 47 tag for `/Lang`.
pub fn finish(pdf: &PdfDocument, outline: &[OutlineEntry], lang: &str) -> Result<Vec<u8>> {
    let mut warnings = Vec::new();
    let mut lo = pdf.to_lopdf_document(&PdfSaveOptions::default(), &mut warnings);
    lo.version = "1.7".into();

    let pages: Vec<ObjectId> = lo.get_pages().values().copied().collect();
    let outline_root = build_outline(&mut lo, outline, &pages);

    let root = lo
        .trailer
        .get(b"Root")
        .and_then(Object::as_reference)
        .map_err(|e| anyhow!("PDF has no catalog: {e}"))?;
    let catalog = lo
        .get_object_mut(root)
        .and_then(Object::as_dict_mut)
        .context("PDF catalog is not a dictionary")?;
    catalog.set("Lang", Object::string_literal(lang));
    catalog.set(
        "ViewerPreferences",
        lopdf::dictionary! { "DisplayDocTitle" => true },
    );
    match outline_root {
        Some(id) => {
            catalog.set("Outlines", Object::Reference(id));
            catalog.set("PageMode", Object::Name(b"UseOutlines".to_vec()));
        }
        None => {
            catalog.remove(b"Outlines");
            catalog.set("PageMode", Object::Name(b"UseNone".to_vec()));
        }
    }

    if let Ok(info) = lo.trailer.get(b"Info").and_then(Object::as_reference) {
        if let Ok(info) = lo.get_object_mut(info).and_then(Object::as_dict_mut) {
            info.remove(b"GTS_PDFXVersion");
            let empty_identifier =
                matches!(info.get(b"Identifier"), Ok(Object::String(s, _)) if s.is_empty());
            if empty_identifier {
                info.remove(b"Identifier");
            }
        }
    }
    let placeholder = Object::String(ID_PLACEHOLDER.to_vec(), StringFormat::Hexadecimal);
    lo.trailer
        .set("ID", Object::Array(vec![placeholder.clone(), placeholder]));

    lo.compress();
    let mut out = Vec::new();
    lo.save_to(&mut out).context("cannot serialise the PDF")?;
    stamp_id(&mut out)?;
    Ok(out)
}

/// Replaces the placeholder /ID with the first 16 bytes of the SHA-256 of the file: identical
/// content gives an identical /ID, any change gives a new one. Same length, so offsets hold.
fn stamp_id(out: &mut [u8]) -> Result<()> {
    let hash = Sha256::digest(&*out);
    let hex: String = hash[..16].iter().map(|b| format!("{b:02X}")).collect();
    let needle = format!("<{}>", "00".repeat(ID_PLACEHOLDER.len()));
    let tail_start = out.len().saturating_sub(4096);
    let mut replaced = 0;
    let mut i = tail_start;
    while let Some(pos) = find(&out[i..], needle.as_bytes()) {
        let at = i + pos + 1;
        out[at..at + hex.len()].copy_from_slice(hex.as_bytes());
        replaced += 1;
        i = at + hex.len();
    }
    if replaced == 2 {
        Ok(())
    } else {
        Err(anyhow!(
            "internal error: PDF trailer /ID placeholder found {replaced} times, expected 2"
        ))
    }
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// A PDF text string: UTF-16BE with BOM, so Polish titles survive in every viewer.
fn text_string(s: &str) -> Object {
    let mut bytes = vec![0xFE, 0xFF];
    for u in s.encode_utf16() {
        bytes.extend_from_slice(&u.to_be_bytes());
    }
    Object::String(bytes, StringFormat::Hexadecimal)
}

/// Builds a nested outline (levels nest by heading level; a skipped level nests under the
/// nearest shallower heading). Destinations are `/XYZ 0 top null`: the heading itself.
fn build_outline(
    lo: &mut lopdf::Document,
    entries: &[OutlineEntry],
    pages: &[ObjectId],
) -> Option<ObjectId> {
    if entries.is_empty() || pages.is_empty() {
        return None;
    }
    // parent[i]: index of the parent entry, None for top level.
    let mut parent: Vec<Option<usize>> = Vec::with_capacity(entries.len());
    let mut stack: Vec<usize> = Vec::new();
    for (i, e) in entries.iter().enumerate() {
        while stack
            .last()
            .is_some_and(|&top| entries[top].level >= e.level)
        {
            stack.pop();
        }
        parent.push(stack.last().copied());
        stack.push(i);
    }
    let root = lo.new_object_id();
    let ids: Vec<ObjectId> = entries.iter().map(|_| lo.new_object_id()).collect();
    let children = |p: Option<usize>| -> Vec<usize> {
        (0..entries.len()).filter(|&i| parent[i] == p).collect()
    };
    let descendants = |i: usize| -> i64 {
        let mut n = 0;
        let mut j = i + 1;
        while j < entries.len() && is_descendant(&parent, j, i) {
            n += 1;
            j += 1;
        }
        n
    };

    for (i, e) in entries.iter().enumerate() {
        let siblings = children(parent[i]);
        let pos = siblings.iter().position(|&s| s == i).unwrap_or(0);
        let page = pages[e.page.min(pages.len() - 1)];
        let mut d = Dictionary::new();
        d.set("Title", text_string(&e.title));
        d.set(
            "Parent",
            Object::Reference(parent[i].map_or(root, |p| ids[p])),
        );
        d.set(
            "Dest",
            Object::Array(vec![
                Object::Reference(page),
                Object::Name(b"XYZ".to_vec()),
                Object::Integer(0),
                Object::Real(e.top.round()),
                Object::Null,
            ]),
        );
        if pos > 0 {
            d.set("Prev", Object::Reference(ids[siblings[pos - 1]]));
        }
        if let Some(&next) = siblings.get(pos + 1) {
            d.set("Next", Object::Reference(ids[next]));
        }
        let kids = children(Some(i));
        if let (Some(&first), Some(&last)) = (kids.first(), kids.last()) {
            d.set("First", Object::Reference(ids[first]));
            d.set("Last", Object::Reference(ids[last]));
            // Positive count: the item is open, showing the structure at once.
            d.set("Count", Object::Integer(descendants(i)));
        }
        lo.objects.insert(ids[i], Object::Dictionary(d));
    }
    let top = children(None);
    let mut r = Dictionary::new();
    r.set("Type", Object::Name(b"Outlines".to_vec()));
    r.set("First", Object::Reference(ids[top[0]]));
    r.set(
        "Last",
        Object::Reference(ids[*top.last().unwrap_or(&top[0])]),
    );
    r.set("Count", Object::Integer(entries.len() as i64));
    lo.objects.insert(root, Object::Dictionary(r));
    Some(root)
}

fn is_descendant(parent: &[Option<usize>], mut j: usize, ancestor: usize) -> bool {
    while let Some(p) = parent[j] {
        if p == ancestor {
            return true;
        }
        j = p;
    }
    false
}
