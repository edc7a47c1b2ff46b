//! Stage 2, one year's chapter: view → template → Markdown (typeset) → document tree.

pub mod markdown;
pub mod publish;
pub mod templates;
pub(crate) mod view;

use crate::chapter::templates::Templates;
use crate::data::load::year_path;
use crate::data::model::DataSet;
use crate::diag::{Diagnostic, Located};
use crate::doc::{DocMeta, Document};
use crate::tr;

/// The chapter of one year in its two source forms.
#[derive(Debug, Clone)]
pub struct Chapter {
    /// The Markdown output, with Polish typography applied.
    pub markdown: String,
    /// The same chapter as a document tree, for the HTML and PDF writers.
    pub document: Document,
}

/// The one diagnostic for a year without data: it lists the years there are and says how to
/// start this one.
pub fn no_data(set: &DataSet, year: i32) -> Diagnostic {
    let years: Vec<String> = set.years.keys().map(i32::to_string).collect();
    let available = if years.is_empty() {
        tr!("chapter-no-years")
    } else {
        years.join(", ")
    };
    // Only a command that works is suggested: `new-year` takes a four-digit year.
    let next = if (1000..=9999).contains(&year) {
        tr!("chapter-start-year", year = year, folder = &set.root)
    } else {
        tr!("chapter-not-a-year", year = year)
    };
    Diagnostic::error(
        &year_path(&set.root, year),
        None,
        tr!("chapter-no-data", year = year),
    )
    .with_help(tr!("chapter-no-data-help", years = available, next = next))
}

/// Renders the chapter of `year` for publication; a year without data is the error of
/// [`no_data`].
pub fn render(set: &DataSet, year: i32, templates: &Templates) -> Result<Chapter, Box<Located>> {
    render_with(set, year, templates, false)
}

/// [`render`], or with `draft` a draft for the office: a figure without its photo then shows a
/// placeholder where the photo belongs, instead of being left out.
pub fn render_with(
    set: &DataSet,
    year: i32,
    templates: &Templates,
    draft: bool,
) -> Result<Chapter, Box<Located>> {
    let view = view::chapter(set, year, draft).ok_or_else(|| {
        Box::new(Located {
            diagnostic: no_data(set, year),
            text: None,
        })
    })?;
    let raw = templates.render(
        "chapter.md.j2",
        minijinja::Value::from(minijinja::value::Serde(&view)),
    )?;
    let markdown = markdown::typeset_markdown(&tidy(&raw));
    let document = markdown::parse(&markdown, meta(set, year));
    Ok(Chapter { markdown, document })
}

/// The figures of `year` that have no photo (`image:`), as warnings at each figure: a published
/// build leaves them out, so that no caption or credit stands alone.
pub fn figures_without_image(
    set: &DataSet,
    sources: &crate::data::load::Sources,
    year: i32,
) -> Vec<Diagnostic> {
    let Some(y) = set.years.get(&year) else {
        return Vec::new();
    };
    y.raw
        .figures
        .iter()
        .enumerate()
        .filter(|(_, f)| f.image.is_none())
        .map(|(i, f)| {
            let what = f
                .caption
                .as_deref()
                .or(f.credit.as_deref())
                .unwrap_or(&f.id);
            let mut d = sources.warning(
                y.file,
                &format!("figures[{i}]"),
                tr!("chapter-figure-no-photo", figure = what),
            );
            d.help = Some(tr!("chapter-figure-no-photo-help"));
            d
        })
        .collect()
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
        report_title: report_title.clone(),
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
        running_head: match r
            .chapter_number
            .as_deref()
            .map(|n| n.trim().trim_end_matches('.'))
        {
            Some(n) if !n.is_empty() => format!("{report_title} · {n}. {}", r.chapter_title),
            _ => format!("{report_title} · {}", r.chapter_title),
        },
        first_page: r.first_page.unwrap_or(1),
        // `check` refuses a colour that does not parse or is too light; were one to get here
        // anyway, the default keeps the headings readable.
        accent: r
            .accent_color
            .as_deref()
            .and_then(crate::color::Rgb::parse)
            .filter(|c| c.contrast_on_white() >= crate::color::MIN_CONTRAST)
            .unwrap_or(crate::color::DEFAULT_ACCENT),
    }
}

/// The file name of the chapter in `ext`: `wspolpraca-miedzynarodowa-2023.md`. The title's
/// part is cut to [`MAX_CHAPTER_TITLE_CHARS`](crate::data::validate::MAX_CHAPTER_TITLE_CHARS)
/// ASCII characters (which `check` enforces for the title itself), so that the name stays
/// under the 255 bytes file systems allow.
pub fn file_name(set: &DataSet, year: i32, ext: &str) -> String {
    let slug = markdown::slug(&set.report.chapter_title);
    let max = crate::data::validate::MAX_CHAPTER_TITLE_CHARS;
    let slug = slug
        .get(..max)
        .map_or(slug.as_str(), |s| s.trim_end_matches('-'));
    format!("{slug}-{year}.{ext}")
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
