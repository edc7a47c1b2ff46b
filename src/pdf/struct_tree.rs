//! Writes the structure tree of a tagged PDF: `/StructTreeRoot`, one `/StructElem` per element
//! of [`Structure`], the `/ParentTree` that leads from a page's marked content back to its
//! element, and the shared attribute objects (`/Scope` of header cells, list numbering).

use std::collections::HashMap;

use lopdf::{dictionary, Dictionary, Object, ObjectId};

use super::marks::{Mark, PageLayout, Tag};

use super::info::text_string;
use super::structure::{ElemId, Kind, Scope, Structure};

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

/// Writes the tree and returns the `/StructTreeRoot`. `marked[p]` lists the element of each
/// MCID on page `p` (from the content streams); the page's `/StructParents` must be `p`.
/// A figure gets the box its image is drawn in as its layout attribute `/BBox` (ISO 32000-1,
/// 14.8.5.4.3: required for a figure that appears in the content), from [`figure_boxes`].
pub fn write(
    lo: &mut lopdf::Document,
    structure: &Structure,
    pages: &[ObjectId],
    marked: &[Vec<ElemId>],
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
        let mut kids: Vec<Object> = element
            .children
            .iter()
            .map(|&c| Object::Reference(ids[c as usize]))
            .collect();
        if let Some(&(first_page, _)) = content[i].first() {
            d.set("Pg", pages[first_page]);
            kids.extend(
                content[i]
                    .iter()
                    .map(|&(page, mcid)| marked_content_ref(page, mcid, first_page, pages)),
            );
        }
        match kids.len() {
            0 => {}
            1 => d.set("K", kids.pop().unwrap_or(Object::Null)),
            _ => d.set("K", kids),
        }
        lo.objects.insert(ids[i], Object::Dictionary(d));
    }
    let parent_tree = lo.add_object(parent_tree(marked, &ids));
    lo.objects.insert(
        root,
        Object::Dictionary(dictionary! {
            "Type" => "StructTreeRoot",
            "K" => ids[Structure::ROOT as usize],
            "ParentTree" => parent_tree,
            "ParentTreeNextKey" => pages.len() as i64,
        }),
    );
    root
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

/// (page, MCID) of every element's marked content, in reading order: pages in order, and
/// within a page in MCID order, which is the order the content stream draws them in.
fn content_by_element(structure: &Structure, marked: &[Vec<ElemId>]) -> Vec<Vec<(usize, i64)>> {
    let mut content = vec![Vec::new(); structure.elements.len()];
    for (page, elements) in marked.iter().enumerate() {
        for (mcid, &elem) in elements.iter().enumerate() {
            content[elem as usize].push((page, mcid as i64));
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

/// The number tree from `/StructParents` (the page index) to the elements of its MCIDs;
/// a flat `/Nums` array (a valid tree of one node at any size; no reader needs it split).
fn parent_tree(marked: &[Vec<ElemId>], ids: &[ObjectId]) -> Dictionary {
    let mut nums = Vec::with_capacity(2 * marked.len());
    for (page, elements) in marked.iter().enumerate() {
        nums.push(Object::Integer(page as i64));
        nums.push(Object::Array(
            elements
                .iter()
                .map(|&e| Object::Reference(ids[e as usize]))
                .collect(),
        ));
    }
    dictionary! { "Nums" => nums }
}
