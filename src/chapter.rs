//! One year's chapter: view → template → Markdown (typeset) → document tree.

use crate::diag::Diagnostic;
use crate::doc::{DocMeta, Document};
use crate::markdown;
use crate::model::DataSet;
use crate::templates::Templates;
use crate::view;

/// The chapter of one year in its two source forms.
#[derive(Debug, Clone)]
pub struct Chapter {
    /// The Markdown output, with Polish typography applied.
    pub markdown: String,
    /// The same chapter as a document tree, for the HTML and PDF writers.
    pub document: Document,
}

/// Renders the chapter of `year`. The year must exist in the data set (the caller checks and
/// reports the available years).
pub fn render(set: &DataSet, year: i32, templates: &Templates) -> Result<Chapter, Diagnostic> {
    let view = view::chapter(set, year).ok_or_else(|| {
        Diagnostic::error(
            &set.root.join("years").join(format!("{year}.yaml")),
            None,
            format!("there is no data for {year}"),
        )
    })?;
    let raw = templates.render(
        "chapter.md.j2",
        minijinja::Value::from(minijinja::value::Serde(&view)),
    )?;
    let markdown = markdown::typeset_markdown(&tidy(&raw));
    let document = markdown::parse(&markdown, meta(set, year));
    Ok(Chapter { markdown, document })
}

/// Metadata of the chapter of `year`.
pub fn meta(set: &DataSet, year: i32) -> DocMeta {
    let r = &set.report;
    let report_title = markdown::typeset_text(&format!("{} za {year} r.", r.report_title));
    DocMeta {
        title: r.chapter_title.clone(),
        full_title: markdown::typeset_text(&format!(
            "{} – {} za {year} r.",
            r.chapter_title, r.report_title
        )),
        report_title,
        author: r.office.clone(),
        subject: markdown::typeset_text(&format!(
            "{} Miasta {} w {year} r.",
            r.chapter_title, r.city_genitive
        )),
        keywords: vec![
            r.chapter_title.clone(),
            "miasta partnerskie".into(),
            r.city.clone(),
            year.to_string(),
        ],
        lang: "pl".into(),
        year,
    }
}

/// The file name of the chapter in `ext`: `wspolpraca-miedzynarodowa-2023.md`.
pub fn file_name(set: &DataSet, year: i32, ext: &str) -> String {
    format!("{}-{year}.{ext}", markdown::slug(&set.report.chapter_title))
}

/// Collapses the blank lines templates leave behind: at most one empty line in a row, none at
/// the start, one newline at the end.
fn tidy(md: &str) -> String {
    let mut out = String::with_capacity(md.len());
    let mut blank = 0;
    for line in md.lines() {
        let line = line.trim_end();
        if line.is_empty() {
            blank += 1;
            continue;
        }
        if !out.is_empty() && blank > 0 {
            out.push('\n');
        }
        blank = 0;
        out.push_str(line);
        out.push('\n');
    }
    out
}
