//! The integration tests, as one test crate (one link instead of eleven), a module per area.
//! Most run the real binary on the shipped data or on fixture data sets (`tests/fixtures`);
//! `support` holds what several areas share.

mod support;

mod all_or_nothing;
mod authoring_cli;
mod build_cli;
mod chapter;
mod check_cli;
mod cms_markdown;
mod counts;
mod docx;
mod figures;
mod formats;
mod fragments;
mod guide;
#[cfg(unix)] // symbolic links are made with `std::os::unix`
mod hardening;
mod html_writer;
mod i18n;
mod lint;
mod look;
mod model;
mod pages;
mod pdf_writer;
mod pdfua;
mod process;
mod schema;
mod serve;
mod sheets;
mod sources;
mod traps;
mod untrusted_text;
mod watch;
