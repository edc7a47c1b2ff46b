//! Stage 4, `build`: render the requested formats in memory, then write them as one set (all
//! or none, see [`output`]); nothing is written if any format fails. (The agreement table on
//! its own, `table`, is [`crate::table`].)

use std::path::{Path, PathBuf};

use crate::chapter;
use crate::chapter::templates::Templates;
use crate::data::model::DataSet;
use crate::diag::Located;
use crate::output;

/// Output formats of a build.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// Markdown, for the portal's editor.
    Md,
    /// A self-contained, accessible web page.
    Html,
    /// PDF for print.
    Pdf,
    /// A Word document, for assembling the whole report.
    Docx,
    /// All four.
    All,
}

/// Why a build failed.
#[derive(Debug)]
pub enum BuildError {
    /// A problem in the user's templates or data, with its location and the file's text.
    Diagnostic(Box<Located>),
    /// Anything else (an image that cannot be read).
    Other(anyhow::Error),
    /// The files could not be written; says whether the earlier ones are intact.
    Write(output::WriteError),
}

impl From<Box<Located>> for BuildError {
    fn from(d: Box<Located>) -> Self {
        BuildError::Diagnostic(d)
    }
}

impl From<anyhow::Error> for BuildError {
    fn from(e: anyhow::Error) -> Self {
        BuildError::Other(e)
    }
}

/// What a build writes besides each format's own file.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Extras {
    /// With the HTML page, one HTML fragment per top-level section, for a CMS that publishes
    /// each section as its own page: `<chapter>-<year>-fragmenty/01-<id>.html`, … (see
    /// [`crate::html::fragments`]). Ignored when the format has no HTML.
    pub html_fragments: bool,
    /// A draft for the office, not for publication: a figure whose photo is missing shows a
    /// visible placeholder with its caption where the photo belongs (a published build leaves
    /// such figures out).
    pub draft: bool,
}

/// Renders `year` in `format` (every format for `All`) and writes the files into `out_dir`,
/// all of them or none (see [`output`]). `pdf_epoch`: the date written into the PDF and the
/// DOCX (see [`render`]). Returns the files written.
pub fn build(
    set: &DataSet,
    year: i32,
    format: Format,
    templates: &Templates,
    pdf_epoch: Option<i64>,
    out_dir: &Path,
) -> Result<Vec<PathBuf>, BuildError> {
    build_with(
        set,
        year,
        format,
        Extras::default(),
        templates,
        pdf_epoch,
        out_dir,
    )
}

/// [`build`] with [`Extras`]. Fragments of an earlier build that this one did not write
/// again (the chapter had more sections then) are removed from the fragments folder, so the
/// folder holds one chapter's sections only.
pub fn build_with(
    set: &DataSet,
    year: i32,
    format: Format,
    extras: Extras,
    templates: &Templates,
    pdf_epoch: Option<i64>,
    out_dir: &Path,
) -> Result<Vec<PathBuf>, BuildError> {
    let files = render_with(set, year, format, extras, templates, pdf_epoch)?;
    let mut files_set = output::FileSet::new(out_dir);
    for (name, bytes) in files {
        files_set.replace(name, bytes);
    }
    let written = files_set.commit().map_err(BuildError::Write)?;
    // After the set is in place: fragments of an earlier build that this one did not write
    // again (the chapter had more sections then). A run stopped before this leaves them,
    // which the next build removes.
    if extras.html_fragments && wants(format, Format::Html) {
        let folder = out_dir.join(fragments_folder(set, year));
        output::remove_others(&folder, &written, is_fragment_name)?;
    }
    // The same for the Markdown's images: photos taken out of the chapter since.
    if wants(format, Format::Md) {
        let folder = out_dir.join(images_folder(set, year));
        output::remove_others(&folder, &written, is_image_copy_name)?;
        // An emptied folder goes too (a folder with other files in it stays, and that is
        // not an error).
        let _ = std::fs::remove_dir(&folder);
    }
    Ok(written)
}

/// Renders `year` in `format` without writing anything: (file name, bytes) per format.
///
/// `pdf_epoch` is the date written into the PDF and the DOCX, in seconds since 1970: the
/// caller passes `SOURCE_DATE_EPOCH` when it is set, so that packagers and archives can pin
/// it. Without it the date is 1 January after the report year, a date taken from the data,
/// so that the same data always gives the same bytes.
pub fn render(
    set: &DataSet,
    year: i32,
    format: Format,
    templates: &Templates,
    pdf_epoch: Option<i64>,
) -> Result<Vec<(String, Vec<u8>)>, BuildError> {
    render_with(set, year, format, Extras::default(), templates, pdf_epoch)
}

/// Does a build of `format` make `part`?
fn wants(format: Format, part: Format) -> bool {
    format == part || format == Format::All
}

/// [`render`] with [`Extras`]; file names may have a folder (`…-fragmenty/01-….html`).
pub fn render_with(
    set: &DataSet,
    year: i32,
    format: Format,
    extras: Extras,
    templates: &Templates,
    pdf_epoch: Option<i64>,
) -> Result<Vec<(String, Vec<u8>)>, BuildError> {
    let ch = chapter::render_with(set, year, templates, extras.draft)?;
    image_bytes_within_limit(&ch.document, &set.root)?;
    let wants = |f: Format| wants(format, f);
    let mut files = Vec::new();
    if wants(Format::Md) {
        files.extend(markdown_files(set, year, &ch.markdown)?);
    }
    let html = || -> Result<Vec<u8>, BuildError> {
        let css = templates.raw("style.css")?;
        crate::html::render(&ch.document, templates.env(), &css, &set.root)
            .map_err(|e| page_template_error(templates, e))
    };
    let pdf = || -> Result<Vec<u8>, BuildError> {
        let opts = crate::pdf::PdfOptions {
            source_date_epoch: pdf_epoch.unwrap_or_else(|| new_year_after(year)),
        };
        Ok(crate::pdf::render(&ch.document, &set.root, &opts)?)
    };
    // Both from the same document: the HTML on a second core while the PDF is laid out.
    let (html, pdf) = match (wants(Format::Html), wants(Format::Pdf)) {
        (true, true) => std::thread::scope(|scope| {
            let html = scope.spawn(html);
            let pdf = pdf();
            let html = html.join().unwrap_or_else(|_| {
                Err(anyhow::anyhow!("internal error: the HTML writer stopped").into())
            });
            (Some(html), Some(pdf))
        }),
        (true, false) => (Some(html()), None),
        (false, true) => (None, Some(pdf())),
        (false, false) => (None, None),
    };
    if let Some(html) = html {
        files.push((chapter::file_name(set, year, "html"), html?));
    }
    if wants(Format::Html) && extras.html_fragments {
        files.extend(fragment_files(set, year, &ch.document)?);
    }
    if let Some(pdf) = pdf {
        files.push((chapter::file_name(set, year, "pdf"), pdf?));
    }
    if wants(Format::Docx) {
        let opts = crate::docx::DocxOptions {
            source_date_epoch: pdf_epoch.unwrap_or_else(|| new_year_after(year)),
        };
        let docx = crate::docx::render(&ch.document, &set.root, &opts)?;
        files.push((chapter::file_name(set, year, "docx"), docx));
    }
    Ok(files)
}

/// Refuses a chapter whose figures show more than [`crate::limits::MAX_CHAPTER_IMAGE_BYTES`]
/// of image files, a photo counted each time it is shown, from the files' sizes (nothing is
/// read). A path the image rule refuses is left to the writers, which say why.
fn image_bytes_within_limit(doc: &crate::doc::Document, root: &Path) -> Result<(), BuildError> {
    let mut total = 0u64;
    let mut failed = None;
    // Each file's size asked once, however often it is shown.
    let mut sizes: std::collections::HashMap<&str, u64> = std::collections::HashMap::new();
    crate::doc::for_each_figure(&doc.blocks, &mut |f| {
        let Some(path) = f.image.as_deref() else {
            return;
        };
        if failed.is_some() {
            return;
        }
        let size = *sizes.entry(path).or_insert_with(|| {
            crate::image_file::resolve(root, path)
                .ok()
                .and_then(|real| std::fs::metadata(real).ok())
                .map_or(0, |m| m.len())
        });
        total += size;
        if total > crate::limits::MAX_CHAPTER_IMAGE_BYTES {
            failed = Some(path.to_string());
        }
    });
    match failed {
        Some(path) => Err(anyhow::anyhow!(crate::tr!(
            "build-images-over-limit",
            megabytes = crate::limits::MAX_CHAPTER_IMAGE_BYTES / 1_000_000,
            path = path
        ))
        .into()),
        None => Ok(()),
    }
}

/// The folder of the HTML fragments, next to the page: `wspolpraca-miedzynarodowa-2023-fragmenty`.
fn fragments_folder(set: &DataSet, year: i32) -> String {
    chapter::file_name(set, year, "html")
        .trim_end_matches(".html")
        .to_string()
        + "-fragmenty"
}

/// The folder of the Markdown's images, next to the `.md`, which is uploaded with it:
/// `wspolpraca-miedzynarodowa-2023-zdjecia`.
fn images_folder(set: &DataSet, year: i32) -> String {
    chapter::file_name(set, year, "md")
        .trim_end_matches(".md")
        .to_string()
        + "-zdjecia"
}

/// `01-hanower.jpg`: a number in the chapter's order, the original name as an ASCII slug, and
/// the extension of the image's real format.
fn is_image_copy_name(name: &str) -> bool {
    let (number, rest) = name.split_at(name.find('-').unwrap_or(0));
    !number.is_empty()
        && number.bytes().all(|b| b.is_ascii_digit())
        && (rest.ends_with(".jpg") || rest.ends_with(".png"))
}

/// The `.md` file as a CMS takes it ([`chapter::publish`]), and a copy of each of its images
/// in [`images_folder`], linked relatively, so that the file and the folder uploaded together
/// show every photo. Each image is read through the one rule of every writer
/// ([`crate::image_file::read`]); the copies are named `01-<name>.jpg`, … in the order the
/// chapter shows them, ASCII only, so that the link needs no escaping on any server.
fn markdown_files(
    set: &DataSet,
    year: i32,
    md: &str,
) -> Result<Vec<(String, Vec<u8>)>, BuildError> {
    let folder = images_folder(set, year);
    let mut copies: Vec<(String, Vec<u8>)> = Vec::new();
    let mut links: std::collections::HashMap<String, String> = Default::default();
    let published = chapter::publish::publish(md, |source| -> Result<String, BuildError> {
        if let Some(link) = links.get(source) {
            return Ok(link.clone());
        }
        let image = crate::image_file::read(&set.root, source).map_err(anyhow::Error::from)?;
        let ext = match image.info.format {
            crate::image_file::Format::Png => "png",
            crate::image_file::Format::Jpeg => "jpg",
        };
        let stem = Path::new(source)
            .file_stem()
            .map(|s| chapter::markdown::slug(&s.to_string_lossy()))
            .unwrap_or_default();
        let stem: String = stem.chars().take(60).collect();
        let stem = match stem.trim_end_matches('-') {
            "" => "zdjecie",
            s => s,
        };
        let link = format!("{folder}/{:02}-{stem}.{ext}", copies.len() + 1);
        copies.push((link.clone(), image.bytes));
        links.insert(source.to_string(), link.clone());
        Ok(link)
    })?;
    let mut files = vec![(chapter::file_name(set, year, "md"), published.into_bytes())];
    files.extend(copies);
    Ok(files)
}

/// `01-wspolpraca-miedzynarodowa.html`: a number, then the heading's id.
fn is_fragment_name(name: &str) -> bool {
    let (number, rest) = name.split_at(name.find('-').unwrap_or(0));
    !number.is_empty()
        && number.bytes().all(|b| b.is_ascii_digit())
        && rest.len() > ".html".len()
        && rest.ends_with(".html")
}

/// The fragments as files: numbered in chapter order, each opening with a comment that names
/// the report, the year and the section, since a fragment alone does not say where it belongs.
fn fragment_files(
    set: &DataSet,
    year: i32,
    doc: &crate::doc::Document,
) -> Result<Vec<(String, Vec<u8>)>, BuildError> {
    let fragments = crate::html::fragments(doc, &set.root)?;
    let folder = fragments_folder(set, year);
    let total = fragments.len();
    let width = total.to_string().len().max(2);
    Ok(fragments
        .into_iter()
        .enumerate()
        .map(|(i, f)| {
            let id: String =
                f.id.chars()
                    .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
                    .take(60)
                    .collect::<String>()
                    .to_ascii_lowercase();
            let id = if id.is_empty() { "sekcja".into() } else { id };
            let name = format!("{folder}/{:0width$}-{id}.html", i + 1);
            let note = format!(
                "{} – część {} z {total}: {}",
                doc.meta.full_title,
                i + 1,
                f.title
            );
            // A comment may not hold "--"; the titles are typeset, so this is only a safeguard.
            let mut note = note.replace("<!", "<\u{200b}!");
            while note.contains("--") {
                note = note.replace("--", "-\u{2010}-");
            }
            let text = format!("<!-- {note} -->\n{}", f.html);
            (name, text.into_bytes())
        })
        .collect())
}

/// An error of the HTML page template as a diagnostic naming the user's template file and line,
/// like the chapter template's; other HTML errors (an unreadable image) stay as they are.
fn page_template_error(templates: &Templates, e: anyhow::Error) -> BuildError {
    match e.chain().find_map(|c| c.downcast_ref::<minijinja::Error>()) {
        Some(te) => BuildError::Diagnostic(Box::new(
            templates.diagnostic(crate::html::PAGE_TEMPLATE_NAME, te),
        )),
        None => e.into(),
    }
}

/// 1 January after `year`, 00:00 UTC, in seconds since 1970.
pub(crate) fn new_year_after(year: i32) -> i64 {
    chrono::NaiveDate::from_ymd_opt(year + 1, 1, 1)
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .map_or(0, |t| t.and_utc().timestamp())
}
