//! The HTML writer end to end: page structure parsed back from the output, then the real
//! browser check (axe-core WCAG 2.1 AA, screenshots, reflow at 320 px, no network).

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::support::html_fixtures;

use html_fixtures::{big_document, write_png};
use minijinja::Environment;
use report_gen::doc::{Block, Document};
use report_gen::html;
use scraper::{ElementRef, Html, Selector};

fn env() -> Environment<'static> {
    let mut env = Environment::new();
    env.set_undefined_behavior(minijinja::UndefinedBehavior::Strict);
    env.add_template(html::PAGE_TEMPLATE_NAME, html::DEFAULT_PAGE_TEMPLATE)
        .expect("the built-in page template parses");
    env
}

fn render(doc: &Document, image_root: &Path) -> String {
    let bytes = html::render(doc, &env(), html::DEFAULT_CSS, image_root)
        .unwrap_or_else(|e| panic!("render failed: {e:#}"));
    String::from_utf8(bytes).expect("the page is UTF-8")
}

fn selector(css: &str) -> Selector {
    Selector::parse(css).unwrap_or_else(|e| panic!("bad selector {css}: {e}"))
}

fn select<'a>(page: &'a Html, css: &str) -> Vec<ElementRef<'a>> {
    page.select(&selector(css)).collect()
}

fn text_of(el: &ElementRef) -> String {
    el.text().collect()
}

/// Structure every page must have (WCAG 1.3.1, 2.4.2, 3.1.1).
fn assert_page_basics(page: &Html, doc: &Document) {
    assert_eq!(select(page, "h1").len(), 1, "exactly one h1");
    let html_el = select(page, "html");
    assert_eq!(html_el[0].value().attr("lang"), Some("pl"));
    let title = select(page, "head > title");
    assert_eq!(title.len(), 1);
    assert_eq!(
        text_of(&title[0]),
        doc.meta.full_title,
        "title keeps its no-break spaces"
    );
    let author = select(page, "meta[name=author]");
    assert_eq!(
        author[0].value().attr("content"),
        Some("Urząd Miasta Poznania")
    );
    assert_eq!(select(page, "main").len(), 1);
    assert_eq!(
        select(page, "main script, head script").len(),
        0,
        "no script elements"
    );
    let footer = text_of(&select(page, "footer")[0]);
    assert!(footer.contains(&doc.meta.report_title), "{footer}");
    for heading in select(page, "h1, h2, h3, h4") {
        assert!(
            heading.value().attr("id").is_some_and(|id| !id.is_empty()),
            "heading without id"
        );
    }
}

fn assert_table(page: &Html, rows: usize) {
    let region = select(page, "div.table-scroll[role=region][tabindex='0']");
    assert_eq!(region.len(), 1);
    let caption = select(page, "div.table-scroll > table > caption");
    assert_eq!(caption.len(), 1);
    let caption_id = caption[0].value().attr("id").expect("caption id");
    assert_eq!(region[0].value().attr("aria-labelledby"), Some(caption_id));
    assert!(text_of(&caption[0]).starts_with("Tabela\u{a0}1. Miasta partnerskie Poznania"));
    assert_eq!(select(page, "thead th[scope=col]").len(), 3);
    let body_rows = select(page, "tbody tr");
    assert_eq!(body_rows.len(), rows);
    let (row_header, data_cell) = (selector("th[scope=row]"), selector("td"));
    for row in &body_rows {
        assert_eq!(row.select(&row_header).count(), 1, "{}", row.html());
        assert_eq!(row.select(&data_cell).count(), 2, "{}", row.html());
    }
    let source = select(page, "div.table-scroll + p.table-source");
    assert_eq!(text_of(&source[0]), "Źródło: UMP");
}

#[test]
fn sample_document_page_structure() {
    let doc = Document::sample();
    let page = Html::parse_document(&render(&doc, Path::new("/nonexistent")));
    assert_page_basics(&page, &doc);
    assert_table(&page, 2);
    let brno = select(&page, "tbody th[scope=row]");
    assert_eq!(text_of(&brno[0]), "Brno, Czechy");
    let lang = select(&page, "main p span[lang=en]");
    assert_eq!(
        text_of(&lang[0]),
        "Gen-Y City. Get into the swing of the city!"
    );
    assert_eq!(select(&page, "main ul > li").len(), 2);
    // A figure without an image file: caption and credit only.
    let figure = select(&page, "figure");
    assert_eq!(figure.len(), 1);
    assert_eq!(select(&page, "figure img").len(), 0);
    let caption = text_of(&select(&page, "figure > figcaption")[0]);
    assert_eq!(
        caption,
        "Wizyta nadburmistrza Hanoweru w\u{a0}Poznaniu Źródło: UMP"
    );
    assert_eq!(
        text_of(&select(&page, "figcaption > span.credit")[0]),
        "Źródło: UMP"
    );
}

#[test]
fn big_document_page_structure() {
    let dir = tempfile::tempdir().expect("temp dir");
    write_png(&dir.path().join("hanower.png"));
    let doc = big_document("hanower.png");
    let raw = render(&doc, dir.path());
    let page = Html::parse_document(&raw);
    assert_page_basics(&page, &doc);
    assert_table(&page, 15);
    assert_eq!(
        text_of(&select(&page, "tbody th[scope=row]")[9]),
        "Hrabstwo Nottinghamshire, Wielka Brytania"
    );

    // The script is text, not an element.
    assert!(raw.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; nic"));
    let paragraphs: Vec<String> = select(&page, "main > p").iter().map(text_of).collect();
    assert!(paragraphs
        .iter()
        .any(|p| p.contains("<script>alert(1)</script> & nic się nie stało.")));

    assert_eq!(
        text_of(&select(&page, "span[lang=en]")[0]),
        "Pimp Your Twin Town"
    );
    assert_eq!(select(&page, "main p strong").len(), 1);
    assert_eq!(select(&page, "main p em").len(), 1);
    assert_eq!(select(&page, "main p br").len(), 1);
    let links = select(&page, "main a");
    assert_eq!(links.len(), 1, "the javascript: link is not a link");
    assert_eq!(
        links[0].value().attr("href"),
        Some("https://www.poznan.pl/mim/wortal/")
    );
    assert!(
        paragraphs.iter().any(|p| p.contains("link niebezpieczny")),
        "its text stays"
    );

    let img = select(&page, "figure > img");
    assert_eq!(img.len(), 1);
    assert_eq!(img[0].value().attr("alt"), Some(doc_alt(&doc).as_str()));
    assert!(img[0]
        .value()
        .attr("src")
        .is_some_and(|s| s.starts_with("data:image/png;base64,iVBORw0KGgo")));
    assert_eq!(
        text_of(&select(&page, "figure > figcaption > span.credit")[0]),
        "Źródło: UMP"
    );

    assert_eq!(select(&page, "main > ul > li").len(), 2);
    assert_eq!(
        select(&page, "main > ul > li > ul > li").len(),
        2,
        "nested list inside its item"
    );
    let ol = select(&page, "main > ol");
    assert_eq!(ol[0].value().attr("start"), Some("3"));
}

fn doc_alt(doc: &Document) -> String {
    doc.blocks
        .iter()
        .find_map(|b| match b {
            Block::Figure(f) => Some(f.alt.clone()),
            _ => None,
        })
        .unwrap_or_default()
}

#[test]
fn missing_image_is_an_error_naming_the_path() {
    let dir = tempfile::tempdir().expect("temp dir");
    let err = html::body(&big_document("img/brak.jpg"), dir.path()).expect_err("image is missing");
    let message = format!("{err:#}");
    // The path as the data writes it, and the folder it is relative to.
    assert!(
        message.contains("the image `img/brak.jpg` does not exist"),
        "{message}"
    );
    assert!(
        message.contains(&dir.path().display().to_string()),
        "{message}"
    );
}

#[test]
fn chapter_without_title_is_refused() {
    let mut doc = Document::sample();
    doc.blocks.remove(0);
    let err = html::body(&doc, Path::new(".")).expect_err("no h1");
    assert!(err.to_string().contains("level-1 headings"), "{err}");
}

#[test]
fn metadata_is_escaped_in_the_page_shell() {
    let mut doc = Document::sample();
    doc.meta.full_title = "Raport <b>\"pogrubiony\"</b> & spółka".into();
    doc.meta.author = "Urząd \" onload=\"alert(1)".into();
    let raw = render(&doc, Path::new("."));
    assert!(!raw.contains("<b>"), "markup from metadata must be escaped");
    let page = Html::parse_document(&raw);
    assert_eq!(
        select(&page, "meta[name=author]")[0]
            .value()
            .attr("content"),
        Some("Urząd \" onload=\"alert(1)")
    );
    assert_eq!(select(&page, "meta[onload]").len(), 0);
    let title = text_of(&select(&page, "title")[0]);
    assert_eq!(title, "Raport <b>\"pogrubiony\"</b> & spółka");
}

#[test]
fn stylesheet_cannot_close_the_style_element() {
    let css = "p { color: red } </STYLE><script>alert(1)</script>";
    let err = html::render(&Document::sample(), &env(), css, Path::new(".")).expect_err("refused");
    assert!(err.to_string().contains("</style"), "{err}");
}

/// Where the pages and screenshots of the browser check go; kept after the run so a person
/// can look at them.
fn browser_out_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("html-writer")
}

#[test]
fn pages_pass_the_browser_check() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let browser = root.join("tests/browser");
    let hint = "run tests/browser/install.sh (installs Debian chromium and the npm packages), then run the tests again";
    assert!(
        browser.join("node_modules/playwright-core").is_dir()
            && browser.join("node_modules/axe-core").is_dir(),
        "tests/browser/node_modules is missing: {hint}"
    );
    assert!(
        Path::new("/usr/bin/chromium").exists(),
        "/usr/bin/chromium is missing: {hint}"
    );

    let out = browser_out_dir();
    std::fs::create_dir_all(&out).expect("create output dir");
    write_png(&out.join("hanower.png"));
    let sample = out.join("sample.html");
    std::fs::write(&sample, render(&Document::sample(), &out)).expect("write sample.html");
    let big = out.join("big.html");
    std::fs::write(&big, render(&big_document("hanower.png"), &out)).expect("write big.html");

    let output = Command::new("node")
        .arg(browser.join("check.mjs"))
        .arg(&sample)
        .arg(&big)
        .arg("--screenshots")
        .arg(out.join("screenshots"))
        .current_dir(root)
        .output()
        .unwrap_or_else(|e| panic!("cannot run node ({e}); install Node.js 18+ and {hint}"));
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        output.status.success(),
        "browser check failed ({}):\n{stdout}\n{stderr}",
        output.status
    );
    println!("{stdout}");
}
