//! `lint`: finds what `check` cannot call an error in the free text of the data — misspelled
//! names, forbidden forms, typographic defects, alt texts that do not describe — as warnings that
//! point at the offending words (file, line, column) and say what to write instead.

mod alt;
mod fields;
mod items;
mod names;
mod position;
mod typography;

use crate::tr;
use std::collections::HashMap;
use std::path::Path;

use crate::data::load::{FileId, Sources};
use crate::data::{load_raw, yaml, Loaded};
use crate::diag::{has_errors, Diagnostic, Span};

pub use fields::{Field, FieldKind};
pub use names::Names;

/// One problem in one text, by character position in the value (not yet in the file).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// First character of the offending text, counted in the value.
    pub start: usize,
    /// Its length in characters.
    pub len: usize,
    /// What is wrong.
    pub message: String,
    /// What to write instead.
    pub help: String,
    /// Whether the message should quote the words around the problem (for defects such as a
    /// double space, which are invisible in the message alone).
    pub context: bool,
}

impl Finding {
    fn new(start: usize, len: usize, message: impl Into<String>, help: impl Into<String>) -> Self {
        Finding {
            start,
            len,
            message: message.into(),
            help: help.into(),
            context: false,
        }
    }

    fn in_context(mut self) -> Self {
        self.context = true;
        self
    }
}

/// What `lint` found.
#[derive(Debug)]
pub enum Outcome {
    /// The data loaded; these are the findings (warnings), possibly none.
    Linted {
        /// One warning per finding, with file, line and column.
        findings: Vec<Diagnostic>,
        /// How many texts were read.
        texts: usize,
        /// The files, for rendering.
        sources: Sources,
    },
    /// The data has errors, so it was not linted; these are the diagnostics of `check`.
    NotLoaded {
        /// Errors (and warnings) of loading and validation.
        diagnostics: Vec<Diagnostic>,
        /// The files, for rendering.
        sources: Sources,
    },
}

/// Loads and validates the data directory `root` and lints every text in it, or with `year`
/// only the texts of that year's file, the registry and report.yaml (what its chapter uses).
pub fn run(root: &Path, year: Option<i32>) -> Outcome {
    let (
        Loaded {
            set,
            diagnostics,
            sources,
        },
        raw,
    ) = load_raw(root);
    if set.is_none() || has_errors(&diagnostics) {
        return Outcome::NotLoaded {
            diagnostics,
            sources,
        };
    }
    let mut fields = fields::collect(&raw);
    // Names learn the declined forms from every text, also when only one year is linted.
    let names = Names::new(&raw, fields.iter().map(|f| f.text.as_str()));
    if let Some(set) = &set {
        if let Some(year) = year.filter(|y| !set.years.contains_key(y)) {
            return Outcome::NotLoaded {
                diagnostics: vec![crate::chapter::no_data(set, year)],
                sources,
            };
        }
        fields::mark_list_items(&mut fields, &raw, set);
    }
    if let Some(year) = year {
        let others: Vec<FileId> = raw
            .years
            .iter()
            .filter(|(y, _)| *y != year)
            .map(|(_, at)| at.file)
            .collect();
        fields.retain(|f| !others.contains(&f.file));
    }
    let city = raw
        .report
        .as_ref()
        .map(|r| (r.value.city.clone(), r.value.city_genitive.clone()));
    let mut texts: HashMap<FileId, position::FileText> = HashMap::new();
    let mut findings = Vec::new();
    for field in &fields {
        let found = check_text(field, &names, city.as_ref());
        if found.is_empty() {
            continue;
        }
        let file = sources.file(field.file);
        let text = texts
            .entry(field.file)
            .or_insert_with(|| position::FileText::new(&file.text));
        let path = yaml::original_path(&field.path, &file.removed);
        let start = file.index().value(&path);
        let spans = start.and_then(|s| text.align(s, &field.text));
        for f in found {
            findings.push(diagnostic(&file.path, field, &f, start, spans.as_deref()));
        }
    }
    Outcome::Linted {
        findings,
        texts: fields.len(),
        sources,
    }
}

/// The findings of one text.
pub fn check_text(field: &Field, names: &Names, city: Option<&(String, String)>) -> Vec<Finding> {
    let text = field.text.as_str();
    let mut out = names.aliases(text);
    let overlaps = |f: &Finding, others: &[Finding]| {
        others
            .iter()
            .any(|o| f.start < o.start + o.len && o.start < f.start + f.len)
    };
    if field.kind != FieldKind::Name {
        let near: Vec<Finding> = names
            .near_misses(text)
            .into_iter()
            .filter(|f| !overlaps(f, &out))
            .collect();
        out.extend(near);
    }
    out.extend(typography::check(text));
    if let Some((city, genitive)) = city {
        out.extend(typography::city_genitive(text, city, genitive));
    }
    if field.list_item {
        let found: Vec<Finding> = items::check(text, names, city)
            .into_iter()
            .filter(|f| !overlaps(f, &out))
            .collect();
        out.extend(found);
    }
    if field.kind == FieldKind::Alt {
        out.extend(alt::check(text, field.caption.as_deref()));
    }
    out.sort_by(|a, b| (a.start, &a.message).cmp(&(b.start, &b.message)));
    out.dedup_by(|a, b| a.start == b.start && a.len == b.len);
    out
}

/// A finding as a warning at its place in the file; at the value's start (saying so) when the
/// place inside the value cannot be worked out.
fn diagnostic(
    file: &Path,
    field: &Field,
    f: &Finding,
    start: Option<Span>,
    spans: Option<&[Span]>,
) -> Diagnostic {
    let mut message = f.message.clone();
    if f.context {
        message.push_str(&tr!("lint-in-context", excerpt = excerpt(&field.text, f)));
    }
    let span = match spans {
        Some(spans) => spans.get(f.start).or(spans.last()).copied().or(start),
        None => {
            message.push_str(&tr!("lint-somewhere-here"));
            start
        }
    };
    let width = match spans {
        // The caret covers the finding up to the end of its line (a folded text goes on).
        Some(spans) => spans
            .get(f.start..f.start + f.len)
            .map_or(1, |s| s.iter().take_while(|p| p.line == s[0].line).count()),
        None => 1,
    };
    Diagnostic::warning(file, span, message)
        .with_help(f.help.clone())
        .with_width(width)
}

/// The finding with a few words on each side, on one line.
fn excerpt(text: &str, f: &Finding) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut from = f.start.saturating_sub(12);
    let mut to = (f.start + f.len + 12).min(chars.len());
    // Widen to whole words.
    while from > 0 && !chars[from - 1].is_whitespace() {
        from -= 1;
    }
    while to < chars.len() && !chars[to].is_whitespace() {
        to += 1;
    }
    let body: String = chars[from..to]
        .iter()
        .map(|c| if *c == '\n' { ' ' } else { *c })
        .collect();
    let dots = |cond: bool| if cond { "…" } else { "" };
    format!(
        "{}{}{}",
        dots(from > 0),
        body.trim(),
        dots(to < chars.len())
    )
}
