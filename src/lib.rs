//! report-gen: the "Współpraca międzynarodowa" chapter of a city's annual report, from YAML.

pub mod date;
pub mod doc;
pub mod pdf;
pub mod polish;
