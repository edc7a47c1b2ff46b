//! Document assembly: catalog, pages, fonts, images, metadata, outline and a stable /ID.
//!
//! The PDF is built as a lopdf object tree and serialised by lopdf. Content streams are
//! written by [`super::content`] and compressed page by page (on as many threads as there
//! are cores, for long chapters); fonts are subset by printpdf ([`super::embed`]); images are
//! written by [`super::images`]. Catalog: `/Lang`, `DisplayDocTitle`, a nested outline
//! opened in the side panel, `/MarkInfo`, the structure tree ([`super::struct_tree`]) and the
//! XMP metadata with the PDF/UA identifier ([`super::xmp`]);
//! PDF 1.7; the trailer `/ID` is a hash of the content.

use anyhow::{anyhow, Result};
use lopdf::{dictionary, Dictionary, Object, ObjectId};

use super::content::{image_resource, page_stream};
use super::deflate::{raw_stream, Deflater, STREAM_LEVEL};
use super::embed::EmbeddedFonts;
use super::images::LoadedImage;
use super::info::{info_dict, text_string, Info};
use super::marks::{Layout, OutlineEntry, PageLayout, PAGE_H, PAGE_W};
use super::structure::Marked;

/// Serialises a laid-out document. `images[i]` is the decoded image of `layout.images[i]`.
pub fn write(layout: &Layout, images: &[LoadedImage], info: &Info) -> Result<Vec<u8>> {
    let mut lo = lopdf::Document::with_version("1.7");
    let fonts = EmbeddedFonts::for_layout(layout)?;
    let mut resources = Dictionary::new();
    resources.set("Font", fonts.write(&mut lo)?);
    let mut xobjects = Dictionary::new();
    for (i, image) in images.iter().enumerate() {
        let stream = image.to_stream(&mut lo)?;
        xobjects.set(image_resource(i), lo.add_object(stream));
    }
    if !xobjects.is_empty() {
        resources.set("XObject", xobjects);
    }
    let resources = lo.add_object(resources);

    let (streams, marked): (Vec<_>, Vec<_>) =
        compressed_page_streams(layout, &fonts)?.into_iter().unzip();
    let pages_id = lo.new_object_id();
    let mut pages = Vec::with_capacity(streams.len());
    for (i, stream) in streams.into_iter().enumerate() {
        let contents = lo.add_object(raw_stream(
            dictionary! { "Filter" => "FlateDecode" },
            stream,
        ));
        pages.push(lo.add_object(dictionary! {
            "Type" => "Page",
            "Parent" => pages_id,
            "MediaBox" => vec![0.into(), 0.into(), Object::Real(PAGE_W), Object::Real(PAGE_H)],
            "Resources" => resources,
            "Contents" => contents,
            // Key of this page's MCIDs in the parent tree.
            "StructParents" => i as i64,
            // Tab order follows the structure (PDF/UA).
            "Tabs" => "S",
        }));
    }
    let kids: Vec<Object> = pages.iter().map(|id| Object::Reference(*id)).collect();
    lo.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! {
            "Type" => "Pages",
            "Kids" => kids,
            "Count" => pages.len() as i64,
        }),
    );

    let mut catalog = dictionary! {
        "Type" => "Catalog",
        "Pages" => pages_id,
        "PageLayout" => "OneColumn",
        "Lang" => Object::string_literal(info.lang),
        "ViewerPreferences" => dictionary! { "DisplayDocTitle" => true },
        "MarkInfo" => dictionary! { "Marked" => true },
        "Metadata" => lo.add_object(super::xmp::stream(info)),
        "StructTreeRoot" => super::struct_tree::write(
            &mut lo,
            &layout.structure,
            &pages,
            &marked,
            &super::struct_tree::figure_boxes(&layout.pages),
        ),
    };
    match build_outline(&mut lo, &layout.outline, &pages) {
        Some(id) => {
            catalog.set("Outlines", Object::Reference(id));
            catalog.set("PageMode", "UseOutlines");
        }
        None => catalog.set("PageMode", "UseNone"),
    }
    // Page labels: viewers show (and print dialogs take) the page numbers of the bound
    // report, decimal from the chapter's first page.
    catalog.set(
        "PageLabels",
        dictionary! {
            "Nums" => vec![
                Object::Integer(0),
                Object::Dictionary(dictionary! {
                    "S" => "D",
                    "St" => Object::Integer(i64::from(info.first_page.max(1))),
                }),
            ],
        },
    );
    let catalog = lo.add_object(catalog);
    let info_id = lo.add_object(info_dict(info));
    lo.trailer.set("Root", catalog);
    lo.trailer.set("Info", info_id);
    super::serialize::serialize(&lo)
}

/// Pages per thread below which one thread does all: starting threads costs more than it saves.
const PAGES_PER_THREAD: usize = 16;

/// A page's deflated content stream and the element of each of its MCIDs.
type PageContent = (Vec<u8>, Vec<Marked>);

/// Every page's content stream, deflated; long documents on several threads, same bytes.
fn compressed_page_streams(layout: &Layout, fonts: &EmbeddedFonts) -> Result<Vec<PageContent>> {
    let pages = |pages: &[PageLayout]| -> Result<Vec<PageContent>> {
        let mut deflater = Deflater::new(STREAM_LEVEL);
        pages
            .iter()
            .map(|page| {
                let stream = page_stream(page, &layout.structure, fonts, layout.accent);
                Ok((deflater.deflate(&stream.bytes)?, stream.elements))
            })
            .collect()
    };
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(layout.pages.len() / PAGES_PER_THREAD)
        .max(1);
    if threads == 1 {
        return pages(&layout.pages);
    }
    let chunk = layout.pages.len().div_ceil(threads);
    std::thread::scope(|scope| {
        let workers: Vec<_> = layout
            .pages
            .chunks(chunk)
            .map(|part| scope.spawn(move || pages(part)))
            .collect();
        let mut all = Vec::with_capacity(layout.pages.len());
        for worker in workers {
            let part = worker
                .join()
                .map_err(|_| anyhow!("internal error: a PDF page writer stopped"))??;
            all.extend(part);
        }
        Ok(all)
    })
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
