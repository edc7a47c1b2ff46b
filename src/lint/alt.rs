//! Alt texts that do not describe the photo: file names, a copy of the caption, one or two words.
//!
//! `check` already refuses the plainest cases (`IMG_1234.jpg`, an alt text equal to the
//! caption); these rules also catch what slips past it, and misspelled names in alt texts are
//! found by the name checks like in any other text.

use super::Finding;
use crate::tr;

/// Fewer words than this is a label, not a description.
const MIN_WORDS: usize = 3;

/// Problems of the alt text `alt` of a figure captioned `caption`.
pub fn check(alt: &str, caption: Option<&str>) -> Vec<Finding> {
    let len = alt.chars().count();
    let whole = |message: String, help: String| Finding::new(0, len, message, help);
    let mut out = Vec::new();
    if looks_like_file_name(alt) {
        out.push(whole(
            tr!("lint-alt-file-name", alt = alt),
            tr!("validate-alt-file-name-help"),
        ));
    } else if caption.is_some_and(|c| normalise(c) == normalise(alt)) {
        out.push(whole(
            tr!("lint-alt-repeats-caption", alt = alt),
            tr!("lint-alt-repeats-caption-help"),
        ));
    } else if alt.split_whitespace().count() < MIN_WORDS {
        out.push(whole(
            tr!("lint-alt-too-short", alt = alt),
            tr!("lint-alt-too-short-help"),
        ));
    }
    out
}

/// `IMG_1234.jpg`, `DSC 0042`, `tagi-gyor`, `zdjecie_3`: a file name or a web slug.
fn looks_like_file_name(alt: &str) -> bool {
    let a = alt.trim().to_lowercase();
    let extension = [
        ".jpg", ".jpeg", ".png", ".gif", ".webp", ".tif", ".tiff", ".heic",
    ];
    let camera = ["img", "dsc", "dscn", "dscf", "pxl", "p"].iter().any(|p| {
        a.strip_prefix(p).is_some_and(|rest| {
            let rest = rest.trim_start_matches(['_', '-', ' ']);
            !rest.is_empty() && rest.chars().all(|c| c.is_ascii_digit())
        })
    });
    extension.iter().any(|e| a.ends_with(e))
        || camera
        || (!a.contains(' ') && (a.contains('-') || a.contains('_')))
}

/// Lowercase words without punctuation, to compare an alt text with a caption.
fn normalise(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn messages(alt: &str, caption: Option<&str>) -> Vec<String> {
        check(alt, caption).into_iter().map(|f| f.message).collect()
    }

    #[test]
    fn flags_file_names_copies_and_labels() {
        assert!(messages("IMG_1234.jpg", None)[0].contains("file name"));
        assert!(messages("DSC 0042", None)[0].contains("file name"));
        assert!(messages("tagi-gyor", None)[0].contains("file name"));
        let copy = messages("Wizyta w Brnie.", Some("Wizyta w Brnie"));
        assert!(copy[0].contains("repeats the caption"));
        assert!(messages("targi Győr", None)[0].contains("too short"));
        assert!(messages("Prezydent wita delegację z Brna", Some("Wizyta")).is_empty());
    }
}
