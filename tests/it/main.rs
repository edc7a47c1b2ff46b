//! The integration tests, as one test crate (one link instead of eleven), a module per area.
//! Most run the real binary on the shipped data or on fixture data sets (`tests/fixtures`);
//! `support` holds what several areas share.

mod support;

mod all_or_nothing;
mod authoring_cli;
mod build_cli;
mod chapter;
mod check_cli;
mod docx;
mod figures;
mod formats;
mod fragments;
#[cfg(unix)] // symbolic links are made with `std::os::unix`
mod hardening;
mod html_writer;
mod lint;
mod look;
mod model;
mod pages;
mod pdf_writer;
mod process;
mod schema;
mod serve;
mod sources;
mod untrusted_text;
mod watch;
