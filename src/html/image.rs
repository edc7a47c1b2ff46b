//! Images as `data:` URIs, so the HTML file is one self-contained document.

use std::path::Path;

use anyhow::{bail, Context, Result};
use base64::prelude::{Engine as _, BASE64_STANDARD};

/// Reads the image at `image_root/relative` and returns it as a `data:` URI.
///
/// The media type comes from the file's first bytes rather than its extension, because
/// photos exported from phones and CMSs are often misnamed (`.jpg` holding a PNG); a file
/// that is none of the formats every browser shows is refused before it reaches readers.
pub(crate) fn data_uri(image_root: &Path, relative: &str) -> Result<String> {
    let path = image_root.join(relative);
    let bytes = std::fs::read(&path).with_context(|| {
        format!(
            "cannot read the image file {} (figure image \"{relative}\"); check the path \
             in the data, it is relative to the data directory",
            path.display()
        )
    })?;
    let Some(mime) = sniff(&bytes) else {
        bail!(
            "{} is not a PNG, JPEG, GIF, WebP or SVG image; save it in one of these formats",
            path.display()
        );
    };
    let mut uri = format!("data:{mime};base64,");
    BASE64_STANDARD.encode_string(&bytes, &mut uri);
    Ok(uri)
}

/// The media type of an image from its magic bytes.
fn sniff(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some("image/png")
    } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Some("image/jpeg")
    } else if bytes.starts_with(b"GIF87a") || bytes.starts_with(b"GIF89a") {
        Some("image/gif")
    } else if bytes.len() >= 12 && &bytes[..4] == b"RIFF" && &bytes[8..12] == b"WEBP" {
        Some("image/webp")
    } else if looks_like_svg(bytes) {
        Some("image/svg+xml")
    } else {
        None
    }
}

/// SVG is text: an `<svg` element near the start, after an optional XML prolog or comment.
/// Scripts in an SVG do not run when it is shown through `<img>`, so embedding is safe.
fn looks_like_svg(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(1024)];
    let head = String::from_utf8_lossy(head);
    let head = head.trim_start_matches('\u{feff}').trim_start();
    head.starts_with('<') && head.contains("<svg")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sniffs_common_formats() {
        assert_eq!(sniff(b"\x89PNG\r\n\x1a\n...."), Some("image/png"));
        assert_eq!(sniff(&[0xFF, 0xD8, 0xFF, 0xE0]), Some("image/jpeg"));
        assert_eq!(sniff(b"GIF89a...."), Some("image/gif"));
        assert_eq!(sniff(b"RIFF\0\0\0\0WEBPVP8 "), Some("image/webp"));
        assert_eq!(
            sniff(b"<?xml version=\"1.0\"?>\n<svg xmlns=\"\"/>"),
            Some("image/svg+xml")
        );
        assert_eq!(sniff(b"%PDF-1.7"), None);
    }

    #[test]
    fn missing_file_names_the_path() {
        let err = data_uri(Path::new("/nonexistent-dir"), "img/gyor.jpg")
            .err()
            .map(|e| format!("{e:#}"))
            .unwrap_or_default();
        assert!(err.contains("/nonexistent-dir/img/gyor.jpg"), "{err}");
    }
}
