//! The structure tree of a tagged PDF as a screen reader gets it, parsed from the output of
//! `pdfinfo -struct-text` (poppler-utils): indentation gives the nesting, quoted lines are
//! text, `/` lines are attributes. Shared by the `pdf_writer` and `formats` tests.

use std::path::Path;
use std::process::Command;

/// One element of the structure tree.
#[derive(Debug, Default)]
pub struct Tagged {
    /// Structure type: `H1`, `P`, `TH`…
    pub name: String,
    /// Attribute lines, e.g. `/Scope /Column`.
    pub attrs: String,
    /// The text of its own marked content, joined (a phrase's text is in its kid).
    pub text: String,
    pub kids: Vec<Tagged>,
    /// Own text and kids in reading order: `Some(text)` or `None` for the next kid.
    order: Vec<Option<String>>,
}

impl Tagged {
    /// Every element of this type below (and including) this one, in reading order.
    pub fn all(&self, name: &str) -> Vec<&Tagged> {
        let mut out = Vec::new();
        if self.name == name {
            out.push(self);
        }
        for k in &self.kids {
            out.extend(k.all(name));
        }
        out
    }

    pub fn kid_names(&self) -> Vec<&str> {
        self.kids.iter().map(|k| k.name.as_str()).collect()
    }

    /// All text below this element, in reading order (a paragraph's text with its `Strong`
    /// and `Span` phrases where they are read).
    pub fn deep_text(&self) -> String {
        let mut s = String::new();
        let mut kids = self.kids.iter();
        for part in &self.order {
            match part {
                Some(text) => s.push_str(text),
                None => s.push_str(&kids.next().map(Tagged::deep_text).unwrap_or_default()),
            }
        }
        s
    }
}

/// The `Document` element of `pdf`'s structure tree (asserting that it is the only root).
pub fn structure(pdf: &Path) -> Tagged {
    let out = Command::new("pdfinfo")
        .args(["-struct-text", pdf.to_str().unwrap()])
        .output()
        .expect("pdfinfo (poppler-utils) runs; tests/run.sh installs it");
    assert!(out.status.success(), "pdfinfo -struct-text failed");
    let mut root = parse(&String::from_utf8_lossy(&out.stdout));
    assert_eq!(
        root.kid_names(),
        ["Document"],
        "one Document element at the root"
    );
    root.kids.pop().unwrap()
}

/// Parses `pdfinfo -struct-text` output into a tree under an unnamed root.
pub fn parse(out: &str) -> Tagged {
    let mut stack: Vec<(usize, Tagged)> = vec![(0, Tagged::default())];
    let fold = |stack: &mut Vec<(usize, Tagged)>| {
        let (_, done) = stack.pop().unwrap();
        let parent = &mut stack.last_mut().unwrap().1;
        parent.kids.push(done);
        parent.order.push(None);
    };
    for line in out.lines().filter(|l| !l.trim().is_empty()) {
        let indent = line.len() - line.trim_start().len() + 1;
        while stack.len() > 1 && stack.last().unwrap().0 >= indent {
            fold(&mut stack);
        }
        let t = line.trim();
        let top = &mut stack.last_mut().unwrap().1;
        if let Some(text) = t.strip_prefix('"') {
            let text = text.strip_suffix('"').unwrap_or(text);
            top.text.push_str(text);
            top.order.push(Some(text.to_string()));
        } else if t.starts_with('/') {
            top.attrs.push_str(t);
        } else {
            let name = t.split([' ', ':']).next().unwrap().to_string();
            stack.push((
                indent,
                Tagged {
                    name,
                    ..Tagged::default()
                },
            ));
        }
    }
    while stack.len() > 1 {
        fold(&mut stack);
    }
    stack.pop().unwrap().1
}

/// (structure type, `/Lang`) of every structure element that has a language of its own.
pub fn structure_languages(bytes: &[u8]) -> Vec<(String, String)> {
    let doc = lopdf::Document::load_mem(bytes).expect("lopdf reads the PDF");
    let text = |o: &lopdf::Object| String::from_utf8_lossy(o.as_str().unwrap()).into_owned();
    let mut found: Vec<(String, String)> = doc
        .objects
        .values()
        .filter_map(|o| o.as_dict().ok())
        .filter(|d| d.has(b"S") && d.has(b"P"))
        .filter_map(|d| {
            let lang = d.get(b"Lang").ok()?;
            let s = String::from_utf8_lossy(d.get(b"S").unwrap().as_name().unwrap());
            Some((s.into_owned(), text(lang)))
        })
        .collect();
    found.sort();
    found
}

/// The structure type (`/S`, as written, before the `/RoleMap`) of every structure element.
pub fn structure_types(bytes: &[u8]) -> Vec<String> {
    let doc = lopdf::Document::load_mem(bytes).expect("lopdf reads the PDF");
    doc.objects
        .values()
        .filter_map(|o| o.as_dict().ok())
        .filter(|d| d.has(b"S") && d.has(b"P"))
        .map(|d| String::from_utf8_lossy(d.get(b"S").unwrap().as_name().unwrap()).into_owned())
        .collect()
}

/// What [`marks`] found in a PDF's content streams.
#[derive(Debug)]
pub struct Marks {
    /// How many painting operators (text, strokes, fills, images) there are in all.
    pub painted: usize,
    /// Painting outside marked content, `EMC` without a `BDC`, marked content left open —
    /// one line each, with the page number.
    pub problems: Vec<String>,
}

/// Operators that put something on the page.
const PAINTING: [&str; 16] = [
    "Tj", "TJ", "'", "\"", "S", "s", "f", "F", "f*", "B", "B*", "b", "b*", "Do", "sh", "BI",
];

/// Every page of `doc` (number from 1, object id) with the operators of its content stream.
pub fn page_operations(
    doc: &lopdf::Document,
) -> Vec<(u32, lopdf::ObjectId, Vec<lopdf::content::Operation>)> {
    doc.get_pages()
        .into_iter()
        .map(|(number, page)| {
            let content = lopdf::content::Content::decode(&doc.get_page_content(page))
                .expect("the content stream parses");
            (number, page, content.operations)
        })
        .collect()
}

/// Checks that everything drawn on every page of `pdf` is inside marked content (`BDC`/`BMC` …
/// `EMC`): either content of the structure tree or an artifact, as PDF/UA-1 7.1 asks
/// (Matterhorn 01-005), and that marked content is balanced on each page.
pub fn marks(pdf: &[u8]) -> Marks {
    let doc = lopdf::Document::load_mem(pdf).expect("lopdf reads the PDF");
    let mut out = Marks {
        painted: 0,
        problems: Vec::new(),
    };
    for (number, _, operations) in page_operations(&doc) {
        let mut depth = 0i32;
        for op in &operations {
            match op.operator.as_str() {
                "BDC" | "BMC" => depth += 1,
                "EMC" if depth == 0 => out.problems.push(format!("p. {number}: EMC without BDC")),
                "EMC" => depth -= 1,
                o if PAINTING.contains(&o) => {
                    out.painted += 1;
                    if depth == 0 {
                        out.problems.push(format!(
                            "p. {number}: `{o}` {:?} drawn outside marked content",
                            op.operands
                        ));
                    }
                }
                _ => {}
            }
        }
        if depth != 0 {
            out.problems
                .push(format!("p. {number}: {depth} marked content left open"));
        }
    }
    out
}
