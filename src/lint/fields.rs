//! Every free-text value of the data set, with the file and path it was read from.

use std::collections::HashSet;

use crate::data::load::{At, FileId, RawData};
use crate::data::model::DataSet;
use crate::data::raw::Style;

/// What a text is, which decides the checks it gets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldKind {
    /// Running text: event texts, intros, topics, captions, headings.
    Prose,
    /// A figure's alt text (also gets the alt-text checks).
    Alt,
    /// A name in the registry: it defines a spelling, so it is not compared with other names.
    Name,
}

/// One free-text value.
#[derive(Debug, Clone)]
pub struct Field {
    /// The file it is in.
    pub file: FileId,
    /// Its path in the file: `events[3].text`.
    pub path: String,
    /// The value as parsed (folded lines joined).
    pub text: String,
    /// What it is.
    pub kind: FieldKind,
    /// For an alt text: the figure's caption, to compare with.
    pub caption: Option<String>,
    /// Printed as an item of a list (an event in a `list` section, a meeting's topics): set by
    /// [`mark_list_items`].
    pub list_item: bool,
}

/// Collects the text fields of `data`, in file order.
pub fn collect(data: &RawData) -> Vec<Field> {
    let mut out = Fields(Vec::new());
    for c in &data.countries {
        let v = &c.value;
        out.name(c, "name", Some(&v.name));
        out.name(c, "official", v.official.as_ref());
        out.name(c, "official_genitive", v.official_genitive.as_ref());
    }
    for p in &data.places {
        let v = &p.value;
        out.name(p, "name", Some(&v.name));
        out.name(p, "full_name", v.full_name.as_ref());
        for (i, a) in v.agreements.iter().enumerate() {
            out.prose(p, &format!("agreements[{i}].document"), Some(&a.document));
            out.prose(p, &format!("agreements[{i}].scope"), Some(&a.scope));
        }
    }
    for o in &data.organisations {
        for (i, n) in o.value.names.iter().enumerate() {
            out.name(o, &format!("names[{i}].name"), Some(&n.name));
            out.name(o, &format!("names[{i}].polish"), n.polish.as_ref());
        }
    }
    for p in &data.projects {
        let v = &p.value;
        out.name(p, "name", Some(&v.name));
        out.prose(p, "title", v.title.as_ref());
        for (i, partner) in v.partners.iter().enumerate() {
            out.prose(p, &format!("partners[{i}].name"), partner.name.as_ref());
        }
    }
    for p in &data.people {
        out.name(p, "name", Some(&p.value.name));
        out.name(p, "name_instrumental", Some(&p.value.name_instrumental));
    }
    for (_, y) in &data.years {
        year(&mut out, y);
    }
    out.0
}

fn year(out: &mut Fields, y: &At<crate::data::raw::Year>) {
    let v = &y.value;
    for (i, s) in v.sections.iter().enumerate() {
        let at = |k: &str| format!("sections[{i}].{k}");
        out.prose(y, &at("heading"), s.heading.as_ref());
        out.prose(y, &at("intro"), s.intro.as_ref());
        out.prose(y, &at("outro"), s.outro.as_ref());
        out.prose(y, &at("summary_continues"), s.summary_continues.as_ref());
        out.prose(y, &at("activity_intro"), s.activity_intro.as_ref());
        for (id, note) in &s.notes {
            out.prose(y, &at(&format!("notes.{id}")), Some(note));
        }
    }
    for (i, e) in v.events.iter().enumerate() {
        out.prose(y, &format!("events[{i}].title"), e.title.as_ref());
        out.prose(y, &format!("events[{i}].text"), Some(&e.text));
        out.prose(y, &format!("events[{i}].text_after"), e.text_after.as_ref());
    }
    if let Some(d) = &v.diplomatic {
        if let Some(a) = &d.annex {
            out.prose(y, "diplomatic.annex.title", Some(&a.title));
        }
        for (i, m) in d.meetings.iter().enumerate() {
            let at = |k: &str| format!("diplomatic.meetings[{i}].{k}");
            out.prose(y, &at("body"), m.body.as_ref());
            out.prose(y, &at("occasion"), m.occasion.as_ref());
            out.prose(y, &at("topics"), m.topics.as_ref());
        }
    }
    for (i, f) in v.figures.iter().enumerate() {
        out.prose(y, &format!("figures[{i}].caption"), f.caption.as_ref());
        out.prose(y, &format!("figures[{i}].credit"), f.credit.as_ref());
        if let Some(alt) = &f.alt {
            out.0.push(Field {
                file: y.file,
                path: format!("figures[{i}].alt"),
                text: alt.clone(),
                kind: FieldKind::Alt,
                caption: f.caption.clone(),
                list_item: false,
            });
        }
    }
}

/// Marks the texts that the chapter prints as items of a list: event texts of a `list` section
/// (also those nested under an organisation), and the topics of listed meetings.
pub fn mark_list_items(fields: &mut [Field], data: &RawData, set: &DataSet) {
    let mut items: HashSet<(FileId, String)> = HashSet::new();
    for (_, y) in &data.years {
        let v = &y.value;
        for (i, e) in v.events.iter().enumerate() {
            if set.section_of(v, e).is_some_and(|s| s.style == Style::List) {
                items.insert((y.file, format!("events[{i}].text")));
            }
        }
        if let Some(d) = &v.diplomatic {
            for i in 0..d.meetings.len() {
                items.insert((y.file, format!("diplomatic.meetings[{i}].topics")));
            }
        }
    }
    for f in fields {
        f.list_item = items.contains(&(f.file, f.path.clone()));
    }
}

struct Fields(Vec<Field>);

impl Fields {
    fn push<T>(&mut self, at: &At<T>, key: &str, text: Option<&String>, kind: FieldKind) {
        let Some(text) = text else { return };
        // Registry entries sit at `[3]`, year files at the root: `[3].name`, `events[0].text`.
        let path = if at.path.is_empty() {
            key.to_string()
        } else {
            format!("{}.{key}", at.path)
        };
        self.0.push(Field {
            file: at.file,
            path,
            text: text.clone(),
            kind,
            caption: None,
            list_item: false,
        });
    }

    fn prose<T>(&mut self, at: &At<T>, key: &str, text: Option<&String>) {
        self.push(at, key, text, FieldKind::Prose);
    }

    fn name<T>(&mut self, at: &At<T>, key: &str, text: Option<&String>) {
        self.push(at, key, text, FieldKind::Name);
    }
}
