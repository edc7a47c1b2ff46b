//! The pages `serve` sends: the chapter's HTML as `build` makes it, with the preview's bar (the
//! years, the PDF and the Markdown), the problem overlay and the live-update script added, and
//! the page shown before any chapter could be made.

/// The preview's stylesheet, script and markup are marked with this attribute: the script keeps
/// them when it swaps in a new chapter.
const MARK: &str = "data-rg-preview";

use super::state::Kind;
use report_gen::tr;

const CSS: &str = include_str!("preview.css");
const SCRIPT: &str = include_str!("preview.js");

/// What the bar and the script need to know about the page.
pub(super) struct Shown<'a> {
    /// The year shown (0 when no data set could be loaded yet).
    pub year: i32,
    /// The years of the data set, for the switcher.
    pub years: &'a [i32],
    /// The load the chapter comes from.
    pub generation: u64,
    /// The chapter's page ([`Kind::Html`]) or the PDF view ([`Kind::Pdf`]).
    pub kind: Kind,
}

/// The chapter's page with the preview added: the stylesheet at the end of `<head>`, the bar
/// at the start of `<body>`, the overlay and the script at its end. A page template without
/// those tags still gets them, at the start and the end.
pub(super) fn inject(html: &str, shown: &Shown) -> String {
    inject_with(html, shown, false)
}

/// The page shown when there is no chapter to show yet: the problems appear over it, and the
/// page loads the chapter once they are fixed.
pub(super) fn waiting(shown: &Shown) -> String {
    let html = format!(
        "<!doctype html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <title>{title}</title>\n</head>\n<body>\n<main>\n<p>{text}</p>\n</main>\n</body>\n</html>\n",
        lang = lang(),
        title = escape(&tr!("serve-ui-waiting-title")),
        text = escape(&tr!("serve-ui-waiting")),
    );
    inject_with(&html, shown, true)
}

/// The PDF of the year in the page, under the bar; the script reloads it after each save.
pub(super) fn pdf_view(shown: &Shown) -> String {
    let y = shown.year;
    let html = format!(
        "<!doctype html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <title>{title}</title>\n\
         <style>html, body {{ height: 100%; margin: 0; }} body {{ display: flex; flex-direction: column; }} \
         #rg-pdf {{ flex: 1; width: 100%; border: 0; }} #rg-bar {{ margin: 0; }}</style>\n</head>\n<body>\n\
         <iframe id=\"rg-pdf\" title=\"{frame}\" src=\"/{y}.pdf?g={g}\"></iframe>\n\
         </body>\n</html>\n",
        g = shown.generation,
        lang = lang(),
        title = escape(&tr!("serve-ui-pdf-title", year = y)),
        frame = escape(&tr!("serve-ui-pdf-frame", year = y)),
    );
    inject_with(&html, shown, false)
}

fn inject_with(html: &str, shown: &Shown, empty: bool) -> String {
    let head =
        format!("<style {MARK}>\n{CSS}</style>\n<link {MARK} rel=\"icon\" href=\"data:,\">\n");
    let tail = format!(
        "{overlay}<script {MARK} data-year=\"{year}\" data-generation=\"{generation}\"{kind}{empty}>\n{SCRIPT}</script>\n",
        overlay = overlay(empty),
        kind = if shown.kind == Kind::Pdf {
            " data-kind=\"pdf\""
        } else {
            ""
        },
        year = if shown.years.contains(&shown.year) {
            shown.year.to_string()
        } else {
            "any".to_string()
        },
        generation = shown.generation,
        empty = if empty { " data-empty" } else { "" },
    );
    let mut out = String::with_capacity(html.len() + head.len() + tail.len() + 1024);
    let lower = html.to_ascii_lowercase();
    let head_end = lower.find("</head>");
    let body_start = lower
        .find("<body")
        .and_then(|at| lower[at..].find('>').map(|end| at + end + 1));
    let body_end = lower.rfind("</body>");
    let mut at = 0;
    match head_end {
        Some(h) if body_start.is_none_or(|b| h < b) => {
            out.push_str(&html[..h]);
            out.push_str(&head);
            at = h;
        }
        _ => out.push_str(&head),
    }
    match body_start {
        Some(b) if b >= at => {
            out.push_str(&html[at..b]);
            out.push('\n');
            out.push_str(&bar(shown));
            at = b;
        }
        _ => out.push_str(&bar(shown)),
    }
    match body_end {
        Some(e) if e >= at => {
            out.push_str(&html[at..e]);
            out.push_str(&tail);
            out.push_str(&html[e..]);
        }
        _ => {
            out.push_str(&html[at..]);
            out.push_str(&tail);
        }
    }
    out
}

/// The bar above the chapter: the years, the PDF and Markdown of the year shown, the status.
/// In the language of the tool's other messages (marked with `lang` for screen readers).
fn bar(shown: &Shown) -> String {
    let pdf = shown.kind == Kind::Pdf;
    let mut years = String::new();
    for &y in shown.years {
        let href = if pdf {
            format!("/{y}/pdf/")
        } else {
            format!("/{y}/")
        };
        if y == shown.year {
            years.push_str(&format!(
                "<a aria-current=\"page\" href=\"{href}\">{y}</a> "
            ));
        } else {
            years.push_str(&format!("<a href=\"{href}\">{y}</a> "));
        }
    }
    if !years.is_empty() {
        years = format!(
            "<span class=\"rg-years\">{} {years}</span>",
            escape(&tr!("serve-ui-year"))
        );
    }
    let y = shown.year;
    let files = if !shown.years.contains(&y) {
        String::new()
    } else if pdf {
        format!(
            "<span class=\"rg-files\"><a href=\"/{y}/\">{}</a> <a href=\"/{y}.pdf\">{}</a> <a href=\"/{y}.md\">{}</a></span>",
            escape(&tr!("serve-ui-chapter-of", year = y)),
            escape(&tr!("serve-ui-pdf-file")),
            escape(&tr!("serve-ui-markdown-of", year = y)),
        )
    } else {
        format!(
            "<span class=\"rg-files\"><a href=\"/{y}/pdf/\">{}</a> <a href=\"/{y}.md\">{}</a></span>",
            escape(&tr!("serve-ui-pdf-of", year = y)),
            escape(&tr!("serve-ui-markdown-of", year = y)),
        )
    };
    format!(
        "<nav {MARK} id=\"rg-bar\" lang=\"{lang}\" aria-label=\"{label}\">\
         <strong>{preview}</strong> {years}{files}\
         <span id=\"rg-status\" role=\"status\">{connecting}</span></nav>\n",
        lang = lang(),
        label = escape(&tr!("serve-ui-bar-label")),
        preview = escape(&tr!("serve-ui-preview")),
        connecting = escape(&tr!("serve-ui-connecting")),
    )
}

/// The overlay, hidden until a rebuild fails; the script fills in the problems. `empty`: there
/// is no last good chapter beneath it.
fn overlay(empty: bool) -> String {
    let (title, beneath) = if empty {
        (tr!("serve-ui-cannot-make"), String::new())
    } else {
        (
            tr!("serve-ui-not-rebuilt"),
            format!("{} ", tr!("serve-ui-beneath")),
        )
    };
    format!(
        "<div {MARK} id=\"rg-overlay\" lang=\"{lang}\" role=\"alert\" data-texts=\"{texts}\" hidden>\
         <button type=\"button\" id=\"rg-hide\">{hide}</button>\
         <p class=\"rg-title\">{title}: <span id=\"rg-count\"></span></p>\
         <p class=\"rg-note\">{beneath}{fix}</p>\
         <ol id=\"rg-problems\"></ol></div>\n",
        lang = lang(),
        hide = escape(&tr!("serve-ui-hide")),
        title = escape(&title),
        beneath = escape(&beneath),
        fix = escape(&tr!("serve-ui-fix")),
        texts = escape(&script_texts()),
    )
}

/// The language of the page's own texts.
fn lang() -> &'static str {
    report_gen::i18n::lang().code()
}

/// Text for HTML (an element's content or a quoted attribute).
fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The script's texts, as a JSON object: `{n}`, `{time}`, `{message}` are filled in by the
/// script; `problems` holds the forms of "N problems" by plural category, chosen in the
/// browser with `Intl.PluralRules` for the page's language.
fn script_texts() -> String {
    // A number of each plural category of the languages of the catalogs (1, 2, 5 in Polish;
    // 1.5 is "other"), formatted and turned back into a pattern.
    let mut forms = serde_json::Map::new();
    for (category, n) in [("one", "1"), ("few", "2"), ("many", "5"), ("other", "1.5")] {
        let number: f64 = n.parse().unwrap_or(1.0);
        let text = tr!("count-problems", count = number);
        forms.insert(category.to_string(), text.replacen(n, "{n}", 1).into());
    }
    let texts = serde_json::json!({
        "error": tr!("diag-error"),
        "warning": tr!("diag-warning"),
        "help": tr!("diag-help"),
        "problems": forms,
        "firstShown": tr!("serve-ui-first-shown"),
        "hidden": tr!("serve-ui-hidden"),
        "notRebuiltAt": tr!("serve-ui-not-rebuilt-at"),
        "couldNotUpdate": tr!("serve-ui-could-not-update"),
        "upToDate": tr!("serve-ui-up-to-date"),
        "notConnected": tr!("serve-ui-not-connected"),
    });
    texts.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    const SHOWN: Shown = Shown {
        year: 2023,
        years: &[2022, 2023],
        generation: 7,
        kind: Kind::Html,
    };

    #[test]
    fn the_preview_goes_into_head_and_body_and_the_chapter_stays_as_it_was() {
        let page = "<!doctype html>\n<html><head><title>T</title></head>\n<body>\n<main>x</main>\n</body>\n</html>\n";
        let out = inject(page, &SHOWN);
        let style = out.find("<style data-rg-preview>").unwrap();
        assert!(out.find("<title>T</title>").unwrap() < style);
        assert!(style < out.find("</head>").unwrap());
        let bar = out.find("id=\"rg-bar\"").unwrap();
        assert!(out.find("<body>").unwrap() < bar && bar < out.find("<main>").unwrap());
        let script = out
            .find("<script data-rg-preview data-year=\"2023\" data-generation=\"7\">")
            .unwrap();
        assert!(out.find("</main>").unwrap() < script && script < out.find("</body>").unwrap());
        assert!(out.contains("<a aria-current=\"page\" href=\"/2023/\">2023</a>"));
        assert!(out.contains("href=\"/2023/pdf/\"") && out.contains("href=\"/2023.md\""));
        let without: String = out
            .replace(&format!("<style data-rg-preview>\n{CSS}</style>\n<link data-rg-preview rel=\"icon\" href=\"data:,\">\n"), "");
        assert!(without.contains("<main>x</main>\n"));
    }

    #[test]
    fn a_page_template_without_head_or_body_still_gets_the_preview() {
        let out = inject("<p>only a paragraph</p>", &SHOWN);
        assert!(out.starts_with("<style data-rg-preview>"));
        assert!(out.contains("<p>only a paragraph</p>"));
        assert!(out.trim_end().ends_with("</script>"));
        let w = waiting(&Shown {
            year: 0,
            years: &[],
            generation: 1,
            kind: Kind::Html,
        });
        assert!(w.contains("data-year=\"any\" data-generation=\"1\" data-empty>"));
        assert!(w.contains("The chapter cannot be made"));
        let p = pdf_view(&Shown {
            kind: Kind::Pdf,
            ..SHOWN
        });
        assert!(p.contains("src=\"/2023.pdf?g=7\""));
        assert!(p.contains("data-generation=\"7\" data-kind=\"pdf\">"));
        assert!(p.contains("<a href=\"/2022/pdf/\">2022</a>"));
        assert!(!w.contains("PDF of") && !w.contains("Year:"));
    }
}
