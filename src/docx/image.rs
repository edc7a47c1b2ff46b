//! Figure images for the package: the file as it is, its kind and its size in pixels.
//!
//! The image is embedded unchanged (no re-encoding, no quality lost); only its header is read,
//! for the size the picture gets on the page. It is read through the rule of every writer
//! (`image_file`: PNG or JPEG inside the data folder), so Word gets what the PDF gets.

use crate::tr;
use std::path::Path;

use anyhow::{bail, Context, Result};

/// An image file read for embedding.
pub(crate) struct Image {
    /// The file's bytes.
    pub bytes: Vec<u8>,
    /// File extension inside the package, which also gives its content type.
    pub ext: &'static str,
    /// Size in pixels.
    pub width: u32,
    pub height: u32,
}

/// Reads `image_root/relative` through the rule `check` applies (inside the data folder with
/// links followed, a whole PNG or JPEG within the limits: [`crate::image_file::read`]); errors
/// name the file and say what to do.
pub(crate) fn load(image_root: &Path, relative: &str) -> Result<Image> {
    let path = image_root.join(relative);
    let bytes = crate::image_file::read(image_root, relative)
        .map_err(|p| anyhow::anyhow!("{p}"))
        .with_context(|| tr!("writer-in-figure-image", path = relative))?
        .bytes;
    let (ext, size) = if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        ("png", png_size(&bytes))
    } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        ("jpeg", jpeg_size(&bytes))
    } else if bytes.starts_with(b"GIF87a") || bytes.starts_with(b"GIF89a") {
        ("gif", gif_size(&bytes))
    } else {
        bail!(
            "{} is not a PNG, JPEG or GIF image, which is what Word shows; save it in one of \
             these formats",
            path.display()
        );
    };
    let Some((width, height)) = size.filter(|&(w, h)| w > 0 && h > 0) else {
        bail!(
            "{} is damaged: its size cannot be read; save it again from an image editor",
            path.display()
        );
    };
    Ok(Image {
        bytes,
        ext,
        width,
        height,
    })
}

/// Width and height from the IHDR chunk, which a PNG must start with.
fn png_size(b: &[u8]) -> Option<(u32, u32)> {
    if b.get(12..16)? != b"IHDR" {
        return None;
    }
    let be = |r: std::ops::Range<usize>| Some(u32::from_be_bytes(b.get(r)?.try_into().ok()?));
    Some((be(16..20)?, be(20..24)?))
}

/// Width and height from the logical screen descriptor.
fn gif_size(b: &[u8]) -> Option<(u32, u32)> {
    let le = |i: usize| Some(u32::from(u16::from_le_bytes([*b.get(i)?, *b.get(i + 1)?])));
    Some((le(6)?, le(8)?))
}

/// Width and height from the first start-of-frame segment.
fn jpeg_size(b: &[u8]) -> Option<(u32, u32)> {
    let mut i = 2;
    loop {
        // Fill bytes (0xFF) may precede a marker.
        while *b.get(i)? == 0xFF && *b.get(i + 1)? == 0xFF {
            i += 1;
        }
        if *b.get(i)? != 0xFF {
            return None;
        }
        let marker = *b.get(i + 1)?;
        // Markers without a length: TEM and RST0–7.
        if marker == 0x01 || (0xD0..=0xD7).contains(&marker) {
            i += 2;
            continue;
        }
        let len = usize::from(u16::from_be_bytes([*b.get(i + 2)?, *b.get(i + 3)?]));
        // SOF0–SOF15, except DHT (C4), JPG (C8) and DAC (CC).
        if (0xC0..=0xCF).contains(&marker) && !matches!(marker, 0xC4 | 0xC8 | 0xCC) {
            let h = u16::from_be_bytes([*b.get(i + 5)?, *b.get(i + 6)?]);
            let w = u16::from_be_bytes([*b.get(i + 7)?, *b.get(i + 8)?]);
            return Some((u32::from(w), u32::from(h)));
        }
        if marker == 0xD9 || len < 2 {
            return None;
        }
        i += 2 + len;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_from_headers() {
        let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR".to_vec();
        png.extend(640u32.to_be_bytes());
        png.extend(480u32.to_be_bytes());
        assert_eq!(png_size(&png), Some((640, 480)));
        assert_eq!(gif_size(b"GIF89a\x20\x03\x58\x02"), Some((800, 600)));
        // SOI, an APP0 segment of length 4, then SOF0 with height 300 and width 400.
        let jpeg = [
            0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x04, 0x00, 0x00, 0xFF, 0xC0, 0x00, 0x11, 0x08, 0x01,
            0x2C, 0x01, 0x90, 0x03,
        ];
        assert_eq!(jpeg_size(&jpeg), Some((400, 300)));
        assert_eq!(jpeg_size(&[0xFF, 0xD8, 0xFF]), None);
    }

    #[test]
    fn unsupported_and_missing_files_are_named() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.webp"), b"RIFF\0\0\0\0WEBPVP8 ").unwrap();
        let err = format!("{:#}", load(dir.path(), "a.webp").err().unwrap());
        assert!(
            err.contains("a.webp") && err.contains("only JPEG and PNG"),
            "{err}"
        );
        let err = format!("{:#}", load(dir.path(), "img/brak.png").err().unwrap());
        assert!(err.contains("img/brak.png"), "{err}");
    }
}
