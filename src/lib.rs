//! report-gen: the "Współpraca międzynarodowa" chapter of a city's annual report, from YAML.
//!
//! The pipeline, one folder or file per stage, in the order the data flows:
//! [`data`] (YAML → raw structs with positions → every rule checked → [`DataSet`]) →
//! [`chapter`] (one year: view → Markdown template → typeset Markdown → [`doc`] tree) →
//! the writers [`html`], [`pdf`] and [`docx`] (all read only the document tree) → [`build`] (every
//! format rendered in memory, then written all at once). Problems are
//! [`diag::Diagnostic`] values with file, line and column, collected and never thrown.
//! The command line (`src/cli/`) is in the binary, on top of this library: the only code that
//! reads flags or the environment, prints, or returns an exit code.
//!
//! This library exists for the `report-gen` binary, its tests, benchmarks, examples and fuzz
//! targets. It makes **no stability promise**: anything here may change in any release.

pub mod build;
pub mod chapter;
pub mod color;
pub mod data;
pub mod diag;
pub mod doc;
pub mod docx;
pub mod glyphs;
pub mod html;
pub mod i18n;
pub mod image_file;
pub mod limits;
pub mod lint;
pub mod output;
pub mod pdf;
pub mod scaffold;
pub mod table;

pub mod polish;
mod text;

pub use build::{render, BuildError, Format};
pub use chapter::templates::Templates;
pub use chapter::{render as render_chapter, Chapter};
pub use data::model::DataSet;
pub use data::{load_data, Loaded};
