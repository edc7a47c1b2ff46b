//! What several test areas share: running the binary on fixtures (`harness`), documents for the
//! writers (`documents`, `html_fixtures`), and checks of the PDFs (`boxes`, `tagged`),
//! and of the Word documents (`ooxml`).

pub mod boxes;
pub mod documents;
pub mod harness;
pub mod html_fixtures;
pub mod ooxml;
pub mod running;
pub mod tagged;

/// The first line of a page's text that is not blank (its running head), or "".
pub fn first_line(page: &str) -> &str {
    page.lines()
        .find(|l| !l.trim().is_empty())
        .unwrap_or_default()
}

/// The last line of a page's text that is not blank (its footer), or "".
pub fn last_line(page: &str) -> &str {
    page.lines()
        .rev()
        .find(|l| !l.trim().is_empty())
        .unwrap_or_default()
}
