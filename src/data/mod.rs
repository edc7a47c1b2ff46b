//! Stage 1, the data: the data folder's YAML files → raw structs with positions (`load`,
//! through the serde_yaml boundary in `yaml`) → every rule checked (`validate`) → the
//! `DataSet` the chapter asks its questions of (`model`). Also the JSON Schemas of the files
//! (`schema`) and dates at their real precision (`date`).

pub mod chars;
pub mod date;
pub mod load;
pub mod model;
pub mod raw;
pub mod schema;
pub mod validate;
pub mod yaml;
mod yaml_hints;

use std::path::Path;

use crate::diag::{has_errors, Diagnostic};
use load::{RawData, Sources};
use model::DataSet;

/// A loaded and validated data folder.
#[derive(Debug)]
pub struct Loaded {
    /// The data set, when there are no errors.
    pub set: Option<DataSet>,
    /// Every diagnostic of loading and validation (errors and warnings).
    pub diagnostics: Vec<Diagnostic>,
    /// The files read, for rendering the diagnostics with excerpts.
    pub sources: Sources,
}

/// Loads and validates the data folder `root`.
pub fn load_data(root: &Path) -> Loaded {
    load_raw(root).0
}

/// [`load_data`], also returning the raw structs (for `lint`, which reads their texts).
pub(crate) fn load_raw(root: &Path) -> (Loaded, RawData) {
    let (raw, sources, mut diagnostics) = load::load(root);
    let load_failed = has_errors(&diagnostics);
    let (set, more) = validate::validate(&raw, &sources);
    diagnostics.extend(more);
    let set = if load_failed { None } else { set };
    (
        Loaded {
            set,
            diagnostics,
            sources,
        },
        raw,
    )
}
