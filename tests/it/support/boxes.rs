//! Word boxes of a rendered PDF (`pdftotext -bbox-layout`): every word inside the text block,
//! the running head or the footer, and no two words overlapping.

use std::path::Path;
use std::process::Command;

/// A4 and margins as the writer uses them (points, origin top-left as in poppler's output).
pub const PAGE_W: f64 = 595.276;
/// Page height.
pub const PAGE_H: f64 = 841.89;
/// Margin at the top and bottom.
pub const MARGIN: f64 = 70.866;
/// Margin at the left and right (the 140 mm column).
pub const MARGIN_X: f64 = 99.213;
/// The footer sits below this y (top-down): rule at 56 pt and text at 44 pt from the bottom.
pub const FOOTER_TOP: f64 = PAGE_H - 60.0;
/// The running head sits above this y (top-down): text at 42 pt, rule at 50 pt from the top.
pub const HEADER_BOTTOM: f64 = 50.0;

fn tool(name: &str, args: &[&str]) -> String {
    let out = Command::new(name).args(args).output().unwrap_or_else(|e| {
        panic!("`{name}` is needed (tests/run.sh installs poppler-utils): {e}")
    });
    assert!(
        out.status.success(),
        "{name} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Word boxes from `pdftotext -bbox-layout`: (page, xMin, yMin, xMax, yMax, word).
pub fn word_boxes(pdf: &Path) -> Vec<(usize, [f64; 4], String)> {
    let html = tool("pdftotext", &["-bbox-layout", pdf.to_str().unwrap(), "-"]);
    let attr = |tag: &str, name: &str| -> f64 {
        let key = format!("{name}=\"");
        let s = &tag[tag.find(&key).unwrap() + key.len()..];
        s[..s.find('"').unwrap()].parse().unwrap()
    };
    let mut out = Vec::new();
    let mut page = 0;
    for part in html.split('<').skip(1) {
        if part.starts_with("page ") {
            page += 1;
            assert!(
                (attr(part, "width") - PAGE_W).abs() < 0.1
                    && (attr(part, "height") - PAGE_H).abs() < 0.1
            );
        } else if part.starts_with("word ") {
            let b = [
                attr(part, "xMin"),
                attr(part, "yMin"),
                attr(part, "xMax"),
                attr(part, "yMax"),
            ];
            let word = part[part.find('>').unwrap() + 1..].to_string();
            out.push((page, b, word));
        }
    }
    out
}

pub fn assert_boxes_clean(pdf: &Path) {
    let boxes = word_boxes(pdf);
    assert!(!boxes.is_empty());
    for (page, [x0, y0, x1, y1], w) in &boxes {
        let inside_x = *x0 >= MARGIN_X - 1.0 && *x1 <= PAGE_W - MARGIN_X + 1.0;
        let body = *y0 >= MARGIN - 1.0 && *y1 <= PAGE_H - MARGIN + 1.0;
        let footer = *y0 >= FOOTER_TOP && *y1 <= PAGE_H - 30.0;
        let head = *y0 >= 25.0 && *y1 <= HEADER_BOTTOM;
        assert!(
            inside_x && (body || footer || head),
            "page {page}: word {w:?} at {x0:.1},{y0:.1}–{x1:.1},{y1:.1} is in a margin"
        );
    }
    for (i, (pa, a, wa)) in boxes.iter().enumerate() {
        for (pb, b, wb) in &boxes[i + 1..] {
            if pa != pb {
                continue;
            }
            let ox = a[2].min(b[2]) - a[0].max(b[0]);
            let oy = a[3].min(b[3]) - a[1].max(b[1]);
            assert!(
                ox <= 0.5 || oy <= 0.5,
                "page {pa}: {wa:?} {a:?} overlaps {wb:?} {b:?}"
            );
        }
    }
}
