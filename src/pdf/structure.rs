//! The logical structure of a laid-out document: the tree a tagged PDF's `/StructTreeRoot` holds.
//!
//! The layout engine builds it while it places blocks (it alone knows which items form a list,
//! which cells a row, which caption belongs to which table), and every placed mark names the
//! element it belongs to ([`super::marks::Tag`]). The PDF writer only serialises the tree.

/// Index of an element in [`Structure::elements`]; [`Structure::ROOT`] is the `Document`.
pub type ElemId = u32;

/// How a table header cell relates to the data cells (`/Scope` of the `Table` attributes).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// A cell of the header row: heads its column.
    Column,
    /// The first cell of a body row (the partner city): heads its row.
    Row,
}

/// A phrase inside a paragraph, cell or heading that gets a structure element of its own
/// (a child of the element, around its marked content): bold text as `Strong`, text in
/// another language as `Span` with `/Lang` (bold text in another language: `Strong` with
/// `/Lang`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Phrase {
    /// Bold in running text: the run-in title of an event. `Strong` is a PDF 2.0 type; the
    /// tree's `/RoleMap` maps it to `Span` for PDF 1.7 (PDF/UA-1) readers.
    pub strong: bool,
    /// The phrase's language (`en`, `fr`), when it is not the document's.
    pub lang: Option<String>,
}

impl Phrase {
    /// The structure type of the phrase's element.
    pub fn name(&self) -> &'static str {
        if self.strong {
            "Strong"
        } else {
            "Span"
        }
    }
}

/// What one marked-content sequence (one MCID) of a page belongs to: an element, and the
/// phrase inside it, if any.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Marked {
    /// The element whose content it is.
    pub element: ElemId,
    /// The phrase element around it inside `element`, if it is one.
    pub phrase: Option<Phrase>,
}

/// A standard structure type (ISO 32000-1, 14.8.4), so no `/RoleMap` is needed (phrases, see
/// [`Phrase`], add `Strong`, role-mapped to `Span`).
#[derive(Debug, Clone, PartialEq)]
pub enum Kind {
    /// The whole chapter.
    Document,
    /// A heading; levels above 6 are written as `H6`.
    Heading(u8),
    /// A paragraph, also a paragraph inside a list item and a table's source line.
    Paragraph,
    /// A list; `ordered` decides its `/ListNumbering` (decimal or disc).
    List {
        /// Numbered rather than bulleted.
        ordered: bool,
    },
    /// A list item: a [`Kind::Label`] followed by a [`Kind::ListBody`].
    ListItem,
    /// The bullet or number of a list item.
    Label,
    /// The content of a list item (paragraphs, nested lists, figures).
    ListBody,
    /// A table: its caption, then its head and body.
    Table,
    /// The header rows of a table.
    TableHead,
    /// The body rows of a table.
    TableBody,
    /// A table row.
    Row,
    /// A header cell.
    HeaderCell(Scope),
    /// A data cell.
    DataCell,
    /// The caption of a table, or the caption and credit of a figure.
    Caption,
    /// A figure with its caption: the `Figure` and then its `Caption` (see the figure layout
    /// for why they are grouped rather than nested).
    FigureGroup,
    /// An image with its alternative text.
    Figure {
        /// Alternative text (`/Alt`).
        alt: String,
    },
}

impl Kind {
    /// The structure type name written as `/S` and as the marked-content tag.
    pub fn name(&self) -> &'static str {
        match self {
            Kind::Document => "Document",
            Kind::Heading(level) => {
                ["H1", "H2", "H3", "H4", "H5", "H6"][usize::from(*level).clamp(1, 6) - 1]
            }
            Kind::Paragraph => "P",
            Kind::List { .. } => "L",
            Kind::ListItem => "LI",
            Kind::Label => "Lbl",
            Kind::ListBody => "LBody",
            Kind::Table => "Table",
            Kind::TableHead => "THead",
            Kind::TableBody => "TBody",
            Kind::Row => "TR",
            Kind::HeaderCell(_) => "TH",
            Kind::DataCell => "TD",
            Kind::Caption => "Caption",
            Kind::FigureGroup => "Div",
            Kind::Figure { .. } => "Figure",
        }
    }
}

/// One structure element: its type and its place in the tree.
#[derive(Debug, Clone, PartialEq)]
pub struct Element {
    /// Structure type and its attributes.
    pub kind: Kind,
    /// The parent element (the root is its own parent).
    pub parent: ElemId,
    /// Child elements in reading order. Elements that hold drawn content (headings,
    /// paragraphs, cells, labels, captions, figures) have none: content and child elements
    /// never mix, so the order of an element's kids is simply the order they were made in.
    pub children: Vec<ElemId>,
}

/// The structure tree, built top-down while the layout runs.
#[derive(Debug, Clone, PartialEq)]
pub struct Structure {
    /// All elements; index 0 is the `Document` root.
    pub elements: Vec<Element>,
    /// Elements opened and not yet closed; new elements become children of the last.
    open: Vec<ElemId>,
}

impl Default for Structure {
    fn default() -> Self {
        Structure {
            elements: vec![Element {
                kind: Kind::Document,
                parent: Self::ROOT,
                children: Vec::new(),
            }],
            open: vec![Self::ROOT],
        }
    }
}

impl Structure {
    /// The `Document` element.
    pub const ROOT: ElemId = 0;

    /// Adds an element under the innermost open one and returns it (it stays closed: use
    /// it for elements that hold content, or [`Structure::open`] for containers).
    pub fn leaf(&mut self, kind: Kind) -> ElemId {
        let parent = *self.open.last().unwrap_or(&Self::ROOT);
        let id = self.elements.len() as ElemId;
        self.elements.push(Element {
            kind,
            parent,
            children: Vec::new(),
        });
        self.elements[parent as usize].children.push(id);
        id
    }

    /// Adds a container element; what is added until [`Structure::close`] goes inside it.
    pub fn open(&mut self, kind: Kind) -> ElemId {
        let id = self.leaf(kind);
        self.open.push(id);
        id
    }

    /// Closes the innermost open container (never the root).
    pub fn close(&mut self) {
        if self.open.len() > 1 {
            self.open.pop();
        }
    }

    /// The element with this id.
    pub fn get(&self, id: ElemId) -> &Element {
        &self.elements[id as usize]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn containers_nest_and_leaves_stay_closed() {
        let mut s = Structure::default();
        let list = s.open(Kind::List { ordered: false });
        let item = s.open(Kind::ListItem);
        let label = s.leaf(Kind::Label);
        let body = s.open(Kind::ListBody);
        let p = s.leaf(Kind::Paragraph);
        s.close();
        s.close();
        s.close();
        let after = s.leaf(Kind::Paragraph);
        assert_eq!(s.get(Structure::ROOT).children, vec![list, after]);
        assert_eq!(s.get(item).children, vec![label, body]);
        assert_eq!(s.get(body).children, vec![p]);
        assert_eq!(s.get(p).parent, body);
    }

    #[test]
    fn heading_levels_beyond_six_are_h6() {
        assert_eq!(Kind::Heading(2).name(), "H2");
        assert_eq!(Kind::Heading(9).name(), "H6");
    }
}
