//! What several test areas share: running the binary on fixtures (`harness`), documents for the
//! writers (`documents`, `html_fixtures`), and checks of the PDFs (`boxes`, `tagged`),
//! and of the Word documents (`ooxml`).

pub mod boxes;
pub mod documents;
pub mod harness;
pub mod html_fixtures;
pub mod ooxml;
pub mod tagged;
