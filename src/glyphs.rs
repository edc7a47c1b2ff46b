//! Characters the PDF's fonts cannot draw, found in the data files before anything is rendered.
//!
//! Markdown and HTML can show any character, so for `check` these are warnings; a PDF build
//! refuses to start while any remain, naming the file, line and text.

use crate::data::load::Sources;
use crate::data::yaml::Value;
use crate::diag::{Diagnostic, Severity};
use crate::tr;

/// Every text value in the data that holds a character the PDF fonts lack, as warnings.
pub fn unprintable(sources: &Sources) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for id in 0..sources.len() {
        let file = sources.file(id);
        // Nearly every file is drawable as a whole (comments included): then no value in it
        // can hold a missing character, and parsing it again to find the values is skipped.
        if crate::pdf::drawable(&file.text) {
            continue;
        }
        // The characters may be in comments only (the shipped year files have „→” there): when
        // no value has them, the file is skipped without parsing it into values. The values'
        // characters were collected when the file was read (`yaml::survey`).
        if let Some(chars) = file.value_chars() {
            if crate::pdf::drawable(&chars.iter().collect::<String>()) {
                continue;
            }
        }
        // Files that do not parse are reported elsewhere.
        let Ok(value) = file.parse() else {
            continue;
        };
        let mut found = Vec::new();
        walk(&value, String::new(), &mut found);
        for (path, text, missing) in found {
            let chars: Vec<String> = missing
                .iter()
                .map(|c| format!("`{c}` (U+{:04X})", *c as u32))
                .collect();
            let mut d = sources.warning(
                id,
                &path,
                tr!(
                    "glyphs-missing",
                    chars = chars.join(", "),
                    text = snippet(&text, missing[0])
                ),
            );
            d.help = Some(tr!("glyphs-missing-help"));
            out.push(d);
        }
    }
    out
}

/// The same diagnostics as errors, for a PDF build.
pub fn as_errors(diags: Vec<Diagnostic>) -> Vec<Diagnostic> {
    diags
        .into_iter()
        .map(|d| Diagnostic {
            severity: Severity::Error,
            ..d
        })
        .collect()
}

fn walk(value: &Value, path: String, out: &mut Vec<(String, String, Vec<char>)>) {
    match value {
        Value::String(s) => {
            // As loading keeps it: combining accents composed (`chars::to_nfc`).
            let nfc = crate::data::chars::to_nfc(s);
            let s = nfc.as_deref().unwrap_or(s);
            let missing = crate::pdf::missing_glyphs(s);
            if !missing.is_empty() {
                out.push((path, s.to_string(), missing));
            }
        }
        Value::Sequence(items) => {
            for (i, item) in items.iter().enumerate() {
                walk(item, format!("{path}[{i}]"), out);
            }
        }
        Value::Mapping(map) => {
            for (k, v) in map {
                let key = k.as_str().map(str::to_string).unwrap_or_else(|| "?".into());
                let p = if path.is_empty() {
                    key
                } else {
                    format!("{path}.{key}")
                };
                walk(v, p, out);
            }
        }
        Value::Tagged(t) => walk(&t.value, path, out),
        _ => {}
    }
}

/// Up to 30 characters around the first unprintable character.
fn snippet(text: &str, c: char) -> String {
    let chars: Vec<char> = text.chars().collect();
    let at = chars.iter().position(|x| *x == c).unwrap_or(0);
    let start = at.saturating_sub(15);
    let end = (at + 15).min(chars.len());
    let mut s: String = chars[start..end].iter().collect();
    if start > 0 {
        s.insert(0, '…');
    }
    if end < chars.len() {
        s.push('…');
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_characters_outside_the_fonts_with_their_place() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("registry")).unwrap();
        std::fs::write(root.join("report.yaml"), "city: Poznań\ncity_genitive: Poznania\noffice: Urząd 市\nreport_title: Raport\nchapter_title: Współpraca\n").unwrap();
        let (_, sources, _) = crate::data::load::load(root);
        let found = unprintable(&sources);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].span.map(|s| (s.line, s.col)), Some((3, 9)));
        assert!(
            found[0].message.contains("`市` (U+5E02)"),
            "{}",
            found[0].message
        );
        assert!(
            found[0].message.contains("Urząd 市"),
            "{}",
            found[0].message
        );
    }

    #[test]
    fn characters_in_comments_or_through_escapes() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("registry")).unwrap();
        // 市 only in comments: nothing to report. Written as an escape in a value: reported.
        std::fs::write(root.join("report.yaml"), "# 市\ncity: Poznań # 市\ncity_genitive: Poznania\noffice: \"Urząd \\u5E02\"\nreport_title: Raport\nchapter_title: Współpraca\n").unwrap();
        let (_, sources, _) = crate::data::load::load(root);
        let found = unprintable(&sources);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].span.map(|s| (s.line, s.col)), Some((4, 9)));
        std::fs::write(root.join("report.yaml"), "# 市\ncity: Poznań # 市\ncity_genitive: Poznania\noffice: Urząd\nreport_title: Raport\nchapter_title: Współpraca\n").unwrap();
        let (_, sources, _) = crate::data::load::load(root);
        assert!(unprintable(&sources).is_empty());
    }
}
