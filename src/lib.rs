//! report-gen: the "Współpraca międzynarodowa" chapter of a city's annual report, from YAML.
//!
//! Pipeline: `load` (YAML → raw structs, with positions) → `validate` (→ `model::DataSet`, every
//! rule checked, all problems reported at once) → `view` (one year, sorted, counted, formatted)
//! → the Markdown template → `markdown` (→ `doc` tree) → the HTML and PDF writers.

pub mod authoring;
pub mod build;
pub mod chapter;
pub mod cli;
pub mod date;
pub mod diag;
pub mod doc;
pub mod glyphs;
pub mod html;
pub mod lint;
pub mod load;
pub mod markdown;
pub mod model;
pub mod output;
pub mod pdf;
pub mod polish;
pub mod raw;
pub mod scaffold;
pub mod schema;
pub mod templates;
pub mod text;
pub mod validate;
pub mod view;
pub mod watch;
pub mod yaml;

use std::path::Path;

use diag::{Diagnostic, Severity};
use load::Sources;
use model::DataSet;

/// Loads and validates the data directory: the data set (if there are no errors), every
/// diagnostic (errors and warnings), and the sources for rendering them.
pub fn load_data(root: &Path) -> (Option<DataSet>, Vec<Diagnostic>, Sources) {
    let (raw, sources, mut diags) = load::load(root);
    let load_failed = diags.iter().any(|d| d.severity == Severity::Error);
    let (set, more) = validate::validate(raw, &sources);
    diags.extend(more);
    let set = if load_failed { None } else { set };
    (set, diags, sources)
}
