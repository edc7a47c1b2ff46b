//! The `.md` file as a CMS takes it (issue 13): rendered by cmark-gfm (GitHub's CommonMark
//! parser, as a portal's editor would read it), it shows no broken image, its lists are tight,
//! its table is a GFM table with the caption „Tabela 1. …”, and the photos copied beside it
//! are found through relative links.

use std::fs;
use std::path::Path;

use crate::formats::tool;
use crate::support::harness::{run, shipped_data};
use crate::support::html_fixtures::write_png;

const YEARS: [i32; 5] = [2017, 2018, 2019, 2022, 2023];

/// The Markdown file `md` as HTML, the way cmark-gfm renders it (GFM tables on).
fn cmark(md: &Path) -> String {
    tool("cmark-gfm", &["-e", "table", md.to_str().unwrap()])
}

/// Every `src` of an `<img>` in `html`.
fn image_sources(html: &str) -> Vec<String> {
    html.split("<img src=\"")
        .skip(1)
        .map(|rest| rest[..rest.find('"').unwrap()].to_string())
        .collect()
}

/// Asserts what a CMS user would check in the rendered `.md` at `md`: every image is there,
/// no list is loose (an `<li>` that opens a `<p>`), no internal convention shows.
fn assert_publishable(md: &Path, what: &str) -> String {
    let html = cmark(md);
    let folder = md.parent().unwrap();
    for src in image_sources(&html) {
        assert!(!src.is_empty(), "{what}: an image without a file:\n{html}");
        assert!(
            folder.join(&src).is_file(),
            "{what}: the image `{src}` is not beside the .md"
        );
    }
    for (i, _) in html.match_indices("<li>") {
        let item = &html[i + 4..];
        assert!(
            !item.trim_start().starts_with("<p>"),
            "{what}: a loose list item: {}",
            &item[..item.len().min(200)]
        );
    }
    assert!(
        !html.contains("Tabela:"),
        "{what}: the internal caption label"
    );
    assert!(
        !html.contains("BRAK ZDJĘCIA") || what.contains("draft"),
        "{what}"
    );
    html
}

#[test]
fn every_year_renders_in_cmark_gfm_with_no_broken_image_a_tight_list_and_a_numbered_table() {
    let tmp = shipped_data();
    let mut tables = 0;
    for year in YEARS {
        for draft in [false, true] {
            let y = year.to_string();
            let out_dir = format!("{y}{}", if draft { "-draft" } else { "" });
            let mut args = vec![
                "build", "--year", &y, "--format", "md", "--data", "data", "--out", &out_dir,
            ];
            if draft {
                args.push("--draft");
            }
            run(tmp.path(), &args).assert_ok();
            let md = tmp
                .path()
                .join(&out_dir)
                .join(format!("wspolpraca-miedzynarodowa-{y}.md"));
            let what = format!("{year}{}", if draft { " (draft)" } else { "" });
            let html = assert_publishable(&md, &what);
            // The shipped data has no photo yet: no image at all, also in a draft (its
            // placeholder is text, not a broken image).
            assert!(image_sources(&html).is_empty(), "{what}");
            if draft && year == 2022 {
                assert_eq!(html.matches("[BRAK ZDJĘCIA").count(), 8, "{what}");
            }
            // Each table a GFM table, right after its caption „Tabela N.”.
            let n = html.matches("<table>").count();
            for k in 1..=n {
                let caption = format!("<p><strong>Tabela\u{a0}{k}.</strong> ");
                let at = html
                    .find(&caption)
                    .unwrap_or_else(|| panic!("{what}: no caption „Tabela {k}.”"));
                let after = &html[at..];
                let table = after.find("</p>\n<table>\n<thead>\n<tr>\n<th>");
                assert!(table.is_some(), "{what}: table {k} not after its caption");
            }
            if !draft {
                tables += n;
            }
        }
    }
    // The partner table of 2018 (the only year whose chapter has it).
    assert_eq!(tables, 1, "tables in the five years");
}

/// Gives every figure of 2022 in the data under `tmp` a PNG of its own.
pub(crate) fn with_photos(tmp: &Path) {
    let year = tmp.join("data/years/2022.yaml");
    let text = fs::read_to_string(&year).unwrap();
    let (head, figures) = text.split_once("\nfigures:\n").expect("2022 has figures");
    fs::create_dir_all(tmp.join("data/images/2022")).unwrap();
    let mut out = String::new();
    for line in figures.lines() {
        out.push_str(line);
        out.push('\n');
        if let Some(id) = line.strip_prefix("  - id: ") {
            // A name with a space and Polish letters, as staff name photos.
            let name = format!("images/2022/{id} zdjęcie.png");
            write_png(&tmp.join("data").join(&name));
            out.push_str(&format!("    image: {name}\n"));
        }
    }
    fs::write(&year, format!("{head}\nfigures:\n{out}")).unwrap();
}

#[test]
fn photos_are_copied_beside_the_markdown_linked_relatively_and_stale_copies_removed() {
    let tmp = shipped_data();
    with_photos(tmp.path());
    let build = || {
        run(
            tmp.path(),
            &[
                "build", "--year", "2022", "--format", "md", "--data", "data", "--out", "out",
            ],
        )
        .assert_ok();
    };
    build();
    let out = tmp.path().join("out");
    let md = out.join("wspolpraca-miedzynarodowa-2022.md");
    let html = assert_publishable(&md, "2022 with photos");
    let sources = image_sources(&html);
    assert_eq!(sources.len(), 8, "{html}");
    let folder = out.join("wspolpraca-miedzynarodowa-2022-zdjecia");
    assert_eq!(
        sources[0],
        "wspolpraca-miedzynarodowa-2022-zdjecia/01-2022-biblioboxx-zdjecie.png"
    );
    // The copy is the photo itself.
    assert_eq!(
        fs::read(out.join(&sources[0])).unwrap(),
        fs::read(
            tmp.path()
                .join("data/images/2022/2022-biblioboxx zdjęcie.png")
        )
        .unwrap()
    );
    // Inside the list item, with its caption and credit on lines of their own, as a reader
    // sees them; the alt text is the image's.
    assert!(
        html.contains(
            "w\u{a0}Poznaniu;<br />\n<img src=\"wspolpraca-miedzynarodowa-2022-zdjecia/01-2022-biblioboxx-zdjecie.png\" alt=\"Wiceprezydent Mariusz Wiśniewski"
        ),
        "{html}"
    );
    assert!(
        html.contains("<br />\n<em>BiblioboXX\u{a0}– otwarcie kwiecień 2022\u{a0}r.</em><br />\nŹródło: UMP</li>"),
        "{html}"
    );

    // A photo taken out of the data: its copy goes at the next build; a file of the user's
    // own in the folder stays.
    fs::write(folder.join("notatki.txt"), "moje").unwrap();
    let year = tmp.path().join("data/years/2022.yaml");
    let text = fs::read_to_string(&year).unwrap();
    let text = text.replace("    image: images/2022/2022-biblioboxx zdjęcie.png\n", "");
    fs::write(&year, text).unwrap();
    build();
    let mut names: Vec<String> = fs::read_dir(&folder)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names.len(), 8, "{names:?}");
    assert!(!names.iter().any(|n| n.contains("biblioboxx")), "{names:?}");
    assert_eq!(names[0], "01-2022-hanower-zdjecie.png", "{names:?}");
    assert!(names.contains(&"notatki.txt".to_string()));
    assert_publishable(&md, "2022 with one photo less");

    // No photo left: no copy left, and the folder goes once it is empty.
    fs::remove_file(folder.join("notatki.txt")).unwrap();
    let text = fs::read_to_string(&year).unwrap();
    let text: String = text
        .lines()
        .filter(|l| !l.starts_with("    image: "))
        .map(|l| format!("{l}\n"))
        .collect();
    fs::write(&year, text).unwrap();
    build();
    assert!(!folder.exists(), "the emptied folder of copies is left");
    assert!(image_sources(&cmark(&md)).is_empty());
}
