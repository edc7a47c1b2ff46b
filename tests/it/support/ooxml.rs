//! Reading a DOCX the way an independent reader does: the ZIP through `unzip` (Info-ZIP,
//! installed by tests/run.sh), each XML part into a small element tree through xmlparser
//! (already in the dependency tree), refusing anything that is not well-formed.

use std::path::Path;
use std::process::Command;

/// An XML element: its qualified name (`w:p`), attributes (values unescaped), children.
#[derive(Debug, Clone, Default)]
pub struct Element {
    pub name: String,
    pub attrs: Vec<(String, String)>,
    pub children: Vec<Node>,
}

#[derive(Debug, Clone)]
pub enum Node {
    Element(Element),
    Text(String),
}

impl Element {
    /// The value of attribute `name` (`w:val`).
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    /// Child elements.
    pub fn elements(&self) -> impl Iterator<Item = &Element> {
        self.children.iter().filter_map(|n| match n {
            Node::Element(e) => Some(e),
            Node::Text(_) => None,
        })
    }

    /// The first child element called `name`.
    pub fn child(&self, name: &str) -> Option<&Element> {
        self.elements().find(|e| e.name == name)
    }

    /// Every descendant called `name`, in document order (not below a match).
    pub fn all(&self, name: &str) -> Vec<&Element> {
        let mut out = Vec::new();
        fn walk<'a>(e: &'a Element, name: &str, out: &mut Vec<&'a Element>) {
            for c in e.elements() {
                if c.name == name {
                    out.push(c);
                } else {
                    walk(c, name, out);
                }
            }
        }
        walk(self, name, &mut out);
        out
    }

    /// The text of every `w:t` below, in order (what Word shows of a paragraph).
    pub fn text(&self) -> String {
        let mut out = String::new();
        fn walk(e: &Element, out: &mut String) {
            for c in &e.children {
                match c {
                    Node::Element(x) if x.name == "w:t" => {
                        for t in &x.children {
                            if let Node::Text(s) = t {
                                out.push_str(s);
                            }
                        }
                    }
                    Node::Element(x) => walk(x, out),
                    Node::Text(_) => {}
                }
            }
        }
        walk(self, &mut out);
        out
    }

    /// All character data below, in order (for parts that are not WordprocessingML).
    pub fn text_content(&self) -> String {
        let mut out = String::new();
        for c in &self.children {
            match c {
                Node::Text(t) => out.push_str(t),
                Node::Element(e) => out.push_str(&e.text_content()),
            }
        }
        out
    }

    /// The paragraph style (`w:pPr/w:pStyle/@w:val`) of a `w:p`.
    pub fn style(&self) -> Option<&str> {
        self.child("w:pPr")?.child("w:pStyle")?.attr("w:val")
    }
}

/// Undoes XML escaping: the five entities and character references.
fn unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        let end = rest[at..].find(';').expect("an entity ends with ;") + at;
        let entity = &rest[at + 1..end];
        let c = match entity {
            "amp" => '&',
            "lt" => '<',
            "gt" => '>',
            "quot" => '"',
            "apos" => '\'',
            _ if entity.starts_with("#x") => {
                char::from_u32(u32::from_str_radix(&entity[2..], 16).unwrap()).unwrap()
            }
            _ if entity.starts_with('#') => char::from_u32(entity[1..].parse().unwrap()).unwrap(),
            _ => panic!("unknown entity &{entity};"),
        };
        out.push(c);
        rest = &rest[end + 1..];
    }
    out.push_str(rest);
    out
}

/// Parses a whole XML document into its root element; panics (failing the test) on anything
/// not well-formed, including end tags that do not match.
pub fn parse(xml: &str) -> Element {
    use xmlparser::{ElementEnd, Token};
    let qname = |prefix: &str, local: &str| {
        if prefix.is_empty() {
            local.to_string()
        } else {
            format!("{prefix}:{local}")
        }
    };
    let mut stack: Vec<Element> = vec![Element::default()];
    for token in xmlparser::Tokenizer::from(xml) {
        match token.unwrap_or_else(|e| panic!("not well-formed XML: {e}")) {
            Token::ElementStart { prefix, local, .. } => stack.push(Element {
                name: qname(prefix.as_str(), local.as_str()),
                ..Element::default()
            }),
            Token::Attribute {
                prefix,
                local,
                value,
                ..
            } => {
                let name = qname(prefix.as_str(), local.as_str());
                let top = stack.last_mut().unwrap();
                assert!(top.attr(&name).is_none(), "duplicate attribute {name}");
                top.attrs.push((name, unescape(value.as_str())));
            }
            Token::ElementEnd { end, .. } => match end {
                ElementEnd::Open => {}
                ElementEnd::Empty => {
                    let e = stack.pop().unwrap();
                    stack.last_mut().unwrap().children.push(Node::Element(e));
                }
                ElementEnd::Close(prefix, local) => {
                    let e = stack.pop().unwrap();
                    assert_eq!(
                        e.name,
                        qname(prefix.as_str(), local.as_str()),
                        "end tag does not match"
                    );
                    stack.last_mut().unwrap().children.push(Node::Element(e));
                }
            },
            Token::Text { text } => {
                let top = stack.last_mut().unwrap();
                top.children.push(Node::Text(unescape(text.as_str())));
            }
            Token::Cdata { text, .. } => {
                let top = stack.last_mut().unwrap();
                top.children.push(Node::Text(text.as_str().to_string()));
            }
            _ => {}
        }
    }
    assert_eq!(stack.len(), 1, "unclosed elements");
    let mut doc = stack.pop().unwrap();
    let mut roots: Vec<Element> = doc.elements().cloned().collect();
    assert_eq!(roots.len(), 1, "one root element");
    doc.children.clear();
    roots.pop().unwrap()
}

/// The names of the files in the archive, checked by `unzip -t` (every CRC right).
pub fn entries(docx: &Path) -> Vec<String> {
    let test = run("unzip", &["-t", "-qq", docx.to_str().unwrap()]);
    assert!(test.is_empty(), "unzip -t found problems: {test}");
    run("unzip", &["-Z1", docx.to_str().unwrap()])
        .lines()
        .map(str::to_string)
        .collect()
}

/// The bytes of one file in the archive.
pub fn read(docx: &Path, part: &str) -> Vec<u8> {
    // unzip reads the name as a pattern, in which [ and ] are special.
    let pattern = part.replace('[', "\\[").replace(']', "\\]");
    let out = Command::new("unzip")
        .args(["-p", docx.to_str().unwrap(), &pattern])
        .output()
        .unwrap_or_else(|e| panic!("`unzip` is needed (tests/run.sh installs it): {e}"));
    assert!(out.status.success(), "unzip -p {part} failed");
    out.stdout
}

/// One XML part of the archive, parsed.
pub fn part(docx: &Path, name: &str) -> Element {
    let bytes = read(docx, name);
    parse(std::str::from_utf8(&bytes).expect("XML parts are UTF-8"))
}

fn run(name: &str, args: &[&str]) -> String {
    let out = Command::new(name)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("`{name}` is needed (tests/run.sh installs it): {e}"));
    assert!(
        out.status.success(),
        "{name} {args:?} failed: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}
