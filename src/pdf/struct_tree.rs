//! Writes the structure tree of a tagged PDF: `/StructTreeRoot`, one `/StructElem` per element
//! of [`Structure`], the `/ParentTree` that leads from a page's marked content back to its
//! element, and the shared attribute objects (`/Scope` of header cells, list numbering). A
//! phrase of an element's content (bold, or in another language: [`Phrase`]) becomes an
//! element of its own inside it, between the element's other content in reading order.

use std::collections::HashMap;

use lopdf::{dictionary, Dictionary, Object, ObjectId};

use super::marks::{Mark, PageLayout, Tag};

use super::info::text_string;
use super::structure::{ElemId, Kind, Marked, Phrase, Scope, Structure};

/// Attribute dictionaries shared by every element that needs them: written once each.
struct Attributes {
    scope_column: ObjectId,
    scope_row: ObjectId,
    numbered: ObjectId,
    bulleted: ObjectId,
}

impl Attributes {
    fn write(lo: &mut lopdf::Document) -> Attributes {
        let table = |scope: &str| dictionary! { "O" => "Table", "Scope" => scope };
        let list = |numbering: &str| dictionary! { "O" => "List", "ListNumbering" => numbering };
        Attributes {
            scope_column: lo.add_object(table("Column")),
            scope_row: lo.add_object(table("Row")),
            numbered: lo.add_object(list("Decimal")),
            bulleted: lo.add_object(list("Disc")),
        }
    }

    /// The `/A` of an element of this kind, if it has one.
    fn of(&self, kind: &Kind) -> Option<ObjectId> {
        match kind {
            Kind::HeaderCell(Scope::Column) => Some(self.scope_column),
            Kind::HeaderCell(Scope::Row) => Some(self.scope_row),
            Kind::List { ordered: true } => Some(self.numbered),
            Kind::List { ordered: false } => Some(self.bulleted),
            _ => None,
        }
    }
}

/// Writes the tree and returns the `/StructTreeRoot`. `marked[p]` lists what each MCID on
/// page `p` belongs to (from the content streams); the page's `/StructParents` must be `p`.
/// A figure gets the box its image is drawn in as its layout attribute `/BBox` (ISO 32000-1,
/// 14.8.5.4.3: required for a figure that appears in the content), from [`figure_boxes`].
pub fn write(
    lo: &mut lopdf::Document,
    structure: &Structure,
    pages: &[ObjectId],
    marked: &[Vec<Marked>],
    boxes: &HashMap<ElemId, [f32; 4]>,
) -> ObjectId {
    let root = lo.new_object_id();
    let ids: Vec<ObjectId> = structure
        .elements
        .iter()
        .map(|_| lo.new_object_id())
        .collect();
    let content = content_by_element(structure, marked);
    let attributes = Attributes::write(lo);
    // The object each MCID belongs to, for the parent tree: its element, or its phrase.
    let mut owners: Vec<Vec<ObjectId>> = marked
        .iter()
        .map(|page| page.iter().map(|m| ids[m.element as usize]).collect())
        .collect();
    for (i, element) in structure.elements.iter().enumerate() {
        // No `/Type /StructElem`: it is optional, and leaving it out of every element keeps
        // the 2018 chapter under its 60 KB budget.
        let mut d = dictionary! {
            "S" => element.kind.name(),
            "P" => if i == Structure::ROOT as usize { root } else { ids[element.parent as usize] },
        };
        if let Kind::Figure { alt } = &element.kind {
            d.set("Alt", text_string(alt));
            if let Some(b) = boxes.get(&(i as ElemId)) {
                let bbox: Vec<Object> = b.iter().map(|&v| Object::Real(v)).collect();
                d.set("A", dictionary! { "O" => "Layout", "BBox" => bbox });
            }
        }
        if let Some(a) = attributes.of(&element.kind) {
            d.set("A", a);
        }
        let children = element
            .children
            .iter()
            .map(|&c| Object::Reference(ids[c as usize]));
        let mut own = Vec::new();
        if let Some(&(first_page, _, _)) = content[i].first() {
            d.set("Pg", pages[first_page]);
            own = content_kids(lo, ids[i], &content[i], first_page, pages, &mut owners);
        }
        // A figure's image comes before its caption; other elements hold either content or
        // elements, never both.
        let mut kids: Vec<Object> = own;
        kids.extend(children);
        match kids.len() {
            0 => {}
            1 => d.set("K", kids.pop().unwrap_or(Object::Null)),
            _ => d.set("K", kids),
        }
        lo.objects.insert(ids[i], Object::Dictionary(d));
    }
    let parent_tree = lo.add_object(parent_tree(&owners));
    lo.objects.insert(
        root,
        Object::Dictionary(dictionary! {
            "Type" => "StructTreeRoot",
            "K" => ids[Structure::ROOT as usize],
            "ParentTree" => parent_tree,
            "ParentTreeNextKey" => pages.len() as i64,
            // `Strong` is standard in PDF 2.0 only: PDF 1.7 (PDF/UA-1) readers get a `Span`.
            "RoleMap" => dictionary! { "Strong" => "Span" },
        }),
    );
    root
}

/// The kids of an element for its own content `content` (page, MCID, phrase; in reading
/// order): an MCID each, except that consecutive MCIDs of one phrase become one phrase
/// element (`Strong` or `Span`, with its `/Lang`), written here, whose MCIDs `owners` then
/// points to.
fn content_kids(
    lo: &mut lopdf::Document,
    parent: ObjectId,
    content: &[(usize, i64, Option<&Phrase>)],
    element_page: usize,
    pages: &[ObjectId],
    owners: &mut [Vec<ObjectId>],
) -> Vec<Object> {
    let mut kids = Vec::new();
    let mut i = 0;
    while i < content.len() {
        let (page, mcid, phrase) = content[i];
        let Some(phrase) = phrase else {
            kids.push(marked_content_ref(page, mcid, element_page, pages));
            i += 1;
            continue;
        };
        let run = content[i..]
            .iter()
            .take_while(|(_, _, p)| *p == Some(phrase))
            .count();
        let id = lo.new_object_id();
        let mut refs: Vec<Object> = content[i..i + run]
            .iter()
            .map(|&(p, m, _)| {
                owners[p][m as usize] = id;
                marked_content_ref(p, m, page, pages)
            })
            .collect();
        let mut d = dictionary! {
            "S" => phrase.name(),
            "P" => parent,
            "Pg" => pages[page],
            "K" => if refs.len() == 1 { refs.pop().unwrap_or(Object::Null) } else { Object::Array(refs) },
        };
        if let Some(lang) = &phrase.lang {
            // Language tags are ASCII letters, digits and hyphens.
            let lang: String = lang
                .chars()
                .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
                .collect();
            d.set("Lang", Object::string_literal(lang));
        }
        lo.objects.insert(id, Object::Dictionary(d));
        kids.push(Object::Reference(id));
        i += run;
    }
    kids
}

/// The box each figure's image is drawn in, `[left bottom right top]` in points, by element.
pub fn figure_boxes(pages: &[PageLayout]) -> HashMap<ElemId, [f32; 4]> {
    let mut boxes = HashMap::new();
    for page in pages {
        for item in &page.items {
            if let (Mark::Image { x, y, w, h, .. }, Tag::Content(e)) = (&item.mark, item.tag) {
                boxes.insert(e, [*x, *y, x + w, y + h]);
            }
        }
    }
    boxes
}

/// (page, MCID, phrase) of every element's marked content, in reading order: pages in
/// order, and within a page in MCID order, which is the order the content stream draws them in.
fn content_by_element<'m>(
    structure: &Structure,
    marked: &'m [Vec<Marked>],
) -> Vec<Vec<(usize, i64, Option<&'m Phrase>)>> {
    let mut content = vec![Vec::new(); structure.elements.len()];
    for (page, elements) in marked.iter().enumerate() {
        for (mcid, m) in elements.iter().enumerate() {
            content[m.element as usize].push((page, mcid as i64, m.phrase.as_ref()));
        }
    }
    content
}

/// A bare MCID when the content is on the element's `/Pg`, else a marked-content reference
/// naming its page (an element can continue on the next page).
fn marked_content_ref(page: usize, mcid: i64, element_page: usize, pages: &[ObjectId]) -> Object {
    if page == element_page {
        Object::Integer(mcid)
    } else {
        Object::Dictionary(dictionary! {
            "Type" => "MCR",
            "Pg" => pages[page],
            "MCID" => mcid,
        })
    }
}

/// The number tree from `/StructParents` (the page index) to the element of each of its
/// MCIDs (`owners`); a flat `/Nums` array (a valid tree of one node at any size; no reader
/// needs it split).
fn parent_tree(owners: &[Vec<ObjectId>]) -> Dictionary {
    let mut nums = Vec::with_capacity(2 * owners.len());
    for (page, elements) in owners.iter().enumerate() {
        nums.push(Object::Integer(page as i64));
        nums.push(Object::Array(
            elements.iter().map(|&e| Object::Reference(e)).collect(),
        ));
    }
    dictionary! { "Nums" => nums }
}
