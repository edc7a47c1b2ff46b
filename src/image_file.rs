//! Figure image files: the one rule for which file a figure's path names, and what that file
//! must be. `check` and every writer go through [`read`], so the file checked is the file read.
//!
//! The rule, for a path relative to the data folder:
//! - it is written so that it survives the chapter's Markdown unchanged (see
//!   [`path_problem`]): the writers read the path back from the Markdown a template wrote;
//! - it names a file inside the data folder once links are followed: a link (symlink) inside
//!   the folder to a file inside it is fine, one to a file outside is refused;
//! - the file is a PNG or JPEG that every writer can embed (8 bits per channel; a JPEG the
//!   decoder can read), whole (a PNG to its `IEND` with every checksum right, a JPEG to its
//!   end marker), within [`MAX_IMAGE_BYTES`] and [`MAX_IMAGE_PIXELS`], both learnt before the
//!   file is read or decoded.
//!
//! The check is structural: chunks, checksums and markers are read to the end of the file,
//! the pixels are not decoded (the PDF writer decodes them once, in `build`). Measured on a
//! 4000 × 3000 photo (release build): the check takes 0.6 ms for its JPEG (417 KB) and 4 ms
//! for its PNG (14 MB); decoding them takes 101 ms and 225 ms. The checks run on every
//! rebuild of `watch` too, so they do not decode. What only a decoder finds (a PNG whose
//! compressed data is broken under correct checksums) fails in `build`, naming the file.

use crate::tr;
use std::fmt;
use std::fs;
use std::io::Read as _;
use std::path::{Component, Path, PathBuf};

use crate::limits::{MAX_IMAGE_BYTES, MAX_IMAGE_PIXELS};

/// An image format every writer embeds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// PNG, 8 bits per channel.
    Png,
    /// JPEG (baseline, extended or progressive, 8 bits).
    Jpeg,
}

impl Format {
    /// The media type, for `data:` URIs.
    pub fn mime(self) -> &'static str {
        match self {
            Format::Png => "image/png",
            Format::Jpeg => "image/jpeg",
        }
    }
}

/// What the header of a valid image says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ImageInfo {
    /// PNG or JPEG.
    pub format: Format,
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
}

/// A figure image that passed the rule: its real path and its bytes.
#[derive(Debug, Clone)]
pub struct ImageFile {
    /// The file's real path (links followed), inside the data folder.
    pub path: PathBuf,
    /// Its whole content.
    pub bytes: Vec<u8>,
    /// Format and size.
    pub info: ImageInfo,
}

/// Why a figure's image cannot be used, in plain words, with what to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// What is wrong, naming the path as written.
    pub message: String,
    /// What to do about it.
    pub help: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({})", self.message, self.help)
    }
}

impl std::error::Error for Problem {}

fn problem(message: impl Into<String>, help: impl Into<String>) -> Problem {
    Problem {
        message: message.into(),
        help: help.into(),
    }
}

/// Characters a path may not contain, and why (a key of the message `image-bad-char`).
fn forbidden(c: char) -> Option<&'static str> {
    match c {
        // The Markdown figure `![alt](<path> "caption")` ends the path at `>` and drops `<`;
        // a backslash escapes the next character and `&amp;` is read as `&`.
        '<' | '>' | '\\' | '&' => Some("markdown"),
        // Not allowed in file names on Windows: the data folder could not be copied there.
        ':' | '"' | '|' | '?' | '*' => Some("windows"),
        c if c.is_control() => Some("control"),
        // Invisible formatting characters: the name would not look like what it is.
        '\u{ad}'
        | '\u{200b}'..='\u{200f}'
        | '\u{202a}'..='\u{202e}'
        | '\u{2060}'..='\u{2069}'
        | '\u{feff}' => Some("formatting"),
        _ => None,
    }
}

/// What is wrong with how `rel` is written, before any file is looked at: empty, spaces at
/// either end, a character that does not survive the Markdown or that Windows forbids,
/// an absolute path or `..`. Every path without a problem here reads back from the
/// chapter's Markdown exactly as written (tested for every character of this rule).
pub fn path_problem(rel: &str) -> Option<Problem> {
    if rel.trim().is_empty() {
        return Some(problem(
            tr!("image-path-empty"),
            tr!("image-path-empty-help"),
        ));
    }
    if rel.trim() != rel {
        return Some(problem(
            tr!("image-path-spaces", path = rel),
            tr!("image-path-spaces-help"),
        ));
    }
    if let Some((c, why)) = rel.chars().find_map(|c| forbidden(c).map(|why| (c, why))) {
        let shown = if c.is_ascii_graphic() {
            format!("`{c}`")
        } else {
            format!("U+{:04X}", c as u32)
        };
        let visible: String = rel
            .chars()
            .map(|c| match forbidden(c) {
                Some(_) if !c.is_ascii_graphic() => c.escape_debug().to_string(),
                _ => c.to_string(),
            })
            .collect();
        let help = if c == '\\' {
            tr!("image-backslash-help")
        } else {
            tr!("image-rename-help")
        };
        return Some(problem(
            tr!("image-bad-char", path = visible, char = shown, why = why),
            help,
        ));
    }
    let path = Path::new(rel);
    if path.is_absolute()
        || path.components().any(|c| {
            matches!(
                c,
                Component::ParentDir | Component::RootDir | Component::Prefix(_)
            )
        })
    {
        return Some(problem(
            tr!("image-outside", path = rel),
            tr!("image-outside-help"),
        ));
    }
    None
}

/// The real path of the image `rel` in the data folder `root`: links followed, inside the
/// folder, a regular file within [`MAX_IMAGE_BYTES`] (asked of the file system, nothing is read).
pub fn resolve(root: &Path, rel: &str) -> Result<PathBuf, Problem> {
    if let Some(p) = path_problem(rel) {
        return Err(p);
    }
    let missing = || {
        problem(
            tr!("image-missing", path = rel),
            tr!("image-missing-help", folder = root),
        )
    };
    let real_root = fs::canonicalize(root).map_err(|_| missing())?;
    let real = fs::canonicalize(root.join(rel)).map_err(|_| missing())?;
    if !real.starts_with(&real_root) {
        return Err(problem(
            tr!("image-link-outside", path = rel, target = &real),
            tr!("image-link-outside-help"),
        ));
    }
    let meta = fs::metadata(&real).map_err(|_| missing())?;
    if !meta.is_file() {
        return Err(problem(
            tr!("image-not-a-file", path = rel),
            tr!("image-not-a-file-help"),
        ));
    }
    if meta.len() > MAX_IMAGE_BYTES {
        return Err(too_large(rel, meta.len()));
    }
    Ok(real)
}

fn too_large(rel: &str, len: u64) -> Problem {
    problem(
        tr!(
            "image-too-large",
            path = rel,
            mb = len.div_ceil(1_000_000),
            max = MAX_IMAGE_BYTES / 1_000_000
        ),
        tr!("image-too-large-help"),
    )
}

/// Resolves, reads and checks the image `rel` of the data folder `root` (see the module's
/// rule). `check` calls it for every figure of the data, the writers for every figure of the
/// chapter, whatever the template wrote.
pub fn read(root: &Path, rel: &str) -> Result<ImageFile, Problem> {
    let path = resolve(root, rel)?;
    let file = fs::File::open(&path).map_err(|e| {
        problem(
            tr!("image-unreadable", path = rel, cause = e.to_string()),
            tr!("image-unreadable-help"),
        )
    })?;
    // The size was checked, but the file may have grown since: never read more than the limit.
    let mut bytes = Vec::new();
    file.take(MAX_IMAGE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| {
            problem(
                tr!("image-unreadable", path = rel, cause = e.to_string()),
                tr!("image-check-file"),
            )
        })?;
    if bytes.len() as u64 > MAX_IMAGE_BYTES {
        return Err(too_large(rel, bytes.len() as u64));
    }
    let info = inspect(&bytes).map_err(|why| why.about(rel))?;
    Ok(ImageFile { path, bytes, info })
}

/// Why a file's bytes are not an image the writers embed (before the path is named).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unusable {
    /// Another format, or none: the format's name when it is known.
    Format(Option<&'static str>),
    /// PNG with 16 bits per channel.
    SixteenBit,
    /// A JPEG the decoder cannot read: lossless, hierarchical, arithmetic-coded or 12-bit.
    JpegKind,
    /// The file ends early.
    CutOff,
    /// A checksum or a structure is wrong.
    Damaged,
    /// More pixels than [`MAX_IMAGE_PIXELS`].
    TooManyPixels(u32, u32),
}

impl Unusable {
    fn about(self, rel: &str) -> Problem {
        match self {
            Unusable::Format(Some(name)) => problem(
                tr!("image-format", path = rel, format = name),
                tr!("image-resave"),
            ),
            Unusable::Format(None) => problem(
                tr!("image-not-an-image", path = rel),
                tr!("image-not-an-image-help"),
            ),
            Unusable::SixteenBit => {
                problem(tr!("image-16-bit", path = rel), tr!("image-16-bit-help"))
            }
            Unusable::JpegKind => problem(tr!("image-jpeg-kind", path = rel), tr!("image-resave")),
            Unusable::CutOff => {
                problem(tr!("image-cut-off", path = rel), tr!("image-cut-off-help"))
            }
            Unusable::Damaged => {
                problem(tr!("image-damaged", path = rel), tr!("image-damaged-help"))
            }
            Unusable::TooManyPixels(w, h) => problem(
                tr!(
                    "image-too-many-pixels",
                    path = rel,
                    width = w,
                    height = h,
                    max = MAX_IMAGE_PIXELS / 1_000_000
                ),
                tr!("image-too-many-pixels-help"),
            ),
        }
    }
}

/// Checks that `bytes` are a whole PNG or JPEG that every writer embeds; its format and size.
pub fn inspect(bytes: &[u8]) -> Result<ImageInfo, Unusable> {
    let info = if bytes.starts_with(PNG_SIGNATURE) {
        png(bytes)?
    } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        jpeg(bytes)?
    } else {
        return Err(Unusable::Format(other_format(bytes)));
    };
    within_pixel_limit(info.width, info.height)?;
    Ok(info)
}

/// [`MAX_IMAGE_PIXELS`], from the header's size (a PNG checks it before inflating its data).
fn within_pixel_limit(width: u32, height: u32) -> Result<(), Unusable> {
    if u64::from(width) * u64::from(height) > MAX_IMAGE_PIXELS {
        return Err(Unusable::TooManyPixels(width, height));
    }
    Ok(())
}

const PNG_SIGNATURE: &[u8] = b"\x89PNG\r\n\x1a\n";

/// The name of a format that is not PNG or JPEG, from its first bytes.
fn other_format(bytes: &[u8]) -> Option<&'static str> {
    let head = &bytes[..bytes.len().min(512)];
    if head.starts_with(b"GIF87a") || head.starts_with(b"GIF89a") {
        Some("GIF")
    } else if head.len() >= 12 && &head[..4] == b"RIFF" && &head[8..12] == b"WEBP" {
        Some("WebP")
    } else if head.starts_with(b"II*\0") || head.starts_with(b"MM\0*") {
        Some("TIFF")
    } else if head.len() >= 12 && &head[4..8] == b"ftyp" {
        match &head[8..12] {
            b"avif" | b"avis" => Some("AVIF"),
            _ => Some("HEIC"),
        }
    } else if head.starts_with(b"BM") {
        Some("BMP")
    } else if head.starts_with(b"%PDF") {
        Some("PDF")
    } else if String::from_utf8_lossy(head).contains("<svg") {
        Some("SVG")
    } else {
        None
    }
}

fn be32(b: &[u8]) -> u32 {
    u32::from_be_bytes([b[0], b[1], b[2], b[3]])
}

/// A PNG: `IHDR` first and valid, every chunk whole with its CRC right, image data that
/// inflates to exactly the rows the header describes, `IEND`.
fn png(bytes: &[u8]) -> Result<ImageInfo, Unusable> {
    let mut i = PNG_SIGNATURE.len();
    let mut header: Option<(u32, u32, u8, u8, bool)> = None;
    let mut palette = false;
    let mut data: Vec<&[u8]> = Vec::new();
    loop {
        let Some(head) = bytes.get(i..i + 8) else {
            return Err(Unusable::CutOff);
        };
        let len = be32(head) as usize;
        let kind: [u8; 4] = [head[4], head[5], head[6], head[7]];
        if len > 0x7FFF_FFFF || !kind.iter().all(u8::is_ascii_alphabetic) {
            return Err(Unusable::Damaged);
        }
        let end = i + 8 + len;
        let Some(crc) = bytes.get(end..end + 4) else {
            return Err(Unusable::CutOff);
        };
        let mut sum = flate2::Crc::new();
        sum.update(&bytes[i + 4..end]);
        if sum.sum() != be32(crc) {
            return Err(Unusable::Damaged);
        }
        let body = &bytes[i + 8..end];
        match (&kind, header) {
            (b"IHDR", None) if len == 13 => {
                let (w, h) = (be32(&body[0..4]), be32(&body[4..8]));
                let (depth, color) = (body[8], body[9]);
                let valid = match color {
                    0 => matches!(depth, 1 | 2 | 4 | 8 | 16),
                    3 => matches!(depth, 1 | 2 | 4 | 8),
                    2 | 4 | 6 => matches!(depth, 8 | 16),
                    _ => false,
                };
                if w == 0
                    || h == 0
                    || w > 0x7FFF_FFFF
                    || h > 0x7FFF_FFFF
                    || !valid
                    || body[10] != 0
                    || body[11] != 0
                    || body[12] > 1
                {
                    return Err(Unusable::Damaged);
                }
                if depth == 16 {
                    return Err(Unusable::SixteenBit);
                }
                header = Some((w, h, color, depth, body[12] == 1));
            }
            (_, None) => return Err(Unusable::Damaged), // IHDR must come first, once
            (b"IHDR", Some(_)) => return Err(Unusable::Damaged),
            (b"PLTE", _) => palette = true,
            (b"IDAT", _) => data.push(body),
            (b"IEND", Some((width, height, color, depth, interlaced))) => {
                if data.is_empty() || (color == 3 && !palette) {
                    return Err(Unusable::Damaged);
                }
                // Before the data is inflated: the work is bounded by the pixel limit.
                within_pixel_limit(width, height)?;
                let bits = u64::from(depth) * channels(color);
                if !inflates_to_rows(&data, width, height, bits, interlaced) {
                    return Err(Unusable::Damaged);
                }
                return Ok(ImageInfo {
                    format: Format::Png,
                    width,
                    height,
                });
            }
            _ => {}
        }
        i = end + 4;
    }
}

/// The samples a pixel of PNG colour type `color` has.
fn channels(color: u8) -> u64 {
    match color {
        2 => 3,
        4 => 2,
        6 => 4,
        _ => 1, // grey, palette
    }
}

/// The seven passes of an interlaced PNG: first column and row, then every how many.
const ADAM7: [(u64, u64, u64, u64); 7] = [
    (0, 0, 8, 8),
    (4, 0, 8, 8),
    (0, 4, 4, 8),
    (2, 0, 4, 4),
    (0, 2, 2, 4),
    (1, 0, 2, 2),
    (0, 1, 1, 2),
];

/// Whether the image data (the `IDAT` chunks' bodies, one zlib stream) inflates to exactly the
/// bytes of a `width` × `height` image of `bits` per pixel — each row a filter byte (0–4, checked
/// when not interlaced) and its pixels; Adam7's seven passes when `interlaced` — and ends there.
/// A PNG whose compressed data is damaged has right checksums (they are computed over the damage)
/// and would be embedded broken: this is what finds it. Inflates through a fixed buffer, so the
/// memory is the same for any image; the work is bounded by [`MAX_IMAGE_PIXELS`].
fn inflates_to_rows(data: &[&[u8]], width: u32, height: u32, bits: u64, interlaced: bool) -> bool {
    let rows = |w: u64, h: u64| {
        if w == 0 {
            0
        } else {
            h * (1 + (w * bits).div_ceil(8))
        }
    };
    let (w, h) = (u64::from(width), u64::from(height));
    let expected = if interlaced {
        ADAM7
            .iter()
            .map(|&(x0, y0, dx, dy)| {
                rows(
                    w.saturating_sub(x0).div_ceil(dx),
                    h.saturating_sub(y0).div_ceil(dy),
                )
            })
            .sum()
    } else {
        rows(w, h)
    };
    let row = (!interlaced).then(|| 1 + (w * bits).div_ceil(8));
    let mut z = flate2::Decompress::new(true);
    let mut buf = vec![0u8; 64 * 1024];
    let mut produced: u64 = 0;
    for chunk in data {
        let mut input = *chunk;
        loop {
            let (in0, out0) = (z.total_in(), z.total_out());
            let Ok(status) = z.decompress(input, &mut buf, flate2::FlushDecompress::None) else {
                return false;
            };
            let used = (z.total_in() - in0) as usize;
            let made = (z.total_out() - out0) as usize;
            if let Some(row) = row {
                // The filter byte of every row that starts in this piece.
                let mut at = (row - produced % row) % row;
                while at < made as u64 {
                    if buf[at as usize] > 4 {
                        return false;
                    }
                    at += row;
                }
            }
            produced += made as u64;
            if produced > expected {
                return false;
            }
            input = &input[used..];
            if status == flate2::Status::StreamEnd {
                return produced == expected;
            }
            if (input.is_empty() && made < buf.len()) || (used == 0 && made == 0) {
                break;
            }
        }
    }
    false
}

/// A JPEG: markers and segments whole up to the end marker `EOI`, a frame header the decoder
/// reads (baseline, extended or progressive; 8 bits; 1, 3 or 4 components), scans after it.
fn jpeg(bytes: &[u8]) -> Result<ImageInfo, Unusable> {
    let mut i = 2;
    let mut frame: Option<(u32, u32)> = None;
    let mut scans = false;
    loop {
        // A marker, after any fill bytes.
        if *bytes.get(i).ok_or(Unusable::CutOff)? != 0xFF {
            return Err(Unusable::Damaged);
        }
        while bytes.get(i + 1) == Some(&0xFF) {
            i += 1;
        }
        let marker = *bytes.get(i + 1).ok_or(Unusable::CutOff)?;
        i += 2;
        match marker {
            0xD9 => {
                return match frame {
                    Some((width, height)) if scans => Ok(ImageInfo {
                        format: Format::Jpeg,
                        width,
                        height,
                    }),
                    _ => Err(Unusable::Damaged),
                };
            }
            0xD0..=0xD7 | 0x01 => continue, // no length
            0x00 | 0xD8 => return Err(Unusable::Damaged),
            _ => {}
        }
        let len_bytes = bytes.get(i..i + 2).ok_or(Unusable::CutOff)?;
        let len = usize::from(u16::from_be_bytes([len_bytes[0], len_bytes[1]]));
        if len < 2 {
            return Err(Unusable::Damaged);
        }
        let segment = bytes.get(i + 2..i + len).ok_or(Unusable::CutOff)?;
        match marker {
            0xC0..=0xCF if !matches!(marker, 0xC4 | 0xC8 | 0xCC) => {
                if !matches!(marker, 0xC0..=0xC2) {
                    return Err(Unusable::JpegKind);
                }
                if frame.is_some() || segment.len() < 6 {
                    return Err(Unusable::Damaged);
                }
                let precision = segment[0];
                let height = u32::from(u16::from_be_bytes([segment[1], segment[2]]));
                let width = u32::from(u16::from_be_bytes([segment[3], segment[4]]));
                let components = segment[5];
                if precision != 8 {
                    return Err(Unusable::JpegKind);
                }
                if width == 0
                    || height == 0
                    || !matches!(components, 1 | 3 | 4)
                    || segment.len() != 6 + 3 * usize::from(components)
                {
                    return Err(Unusable::Damaged);
                }
                frame = Some((width, height));
            }
            0xDA => {
                if frame.is_none() {
                    return Err(Unusable::Damaged);
                }
                scans = true;
                // Entropy-coded data up to the next marker: 0xFF is followed by a stuffed
                // 0x00, a restart marker, or fill bytes before the next marker.
                let mut j = i + len;
                loop {
                    let at = bytes[j..]
                        .iter()
                        .position(|&b| b == 0xFF)
                        .ok_or(Unusable::CutOff)?;
                    j += at;
                    match bytes.get(j + 1) {
                        None => return Err(Unusable::CutOff),
                        Some(0x00 | 0xD0..=0xD7) => j += 2,
                        Some(0xFF) => j += 1,
                        Some(_) => break,
                    }
                }
                i = j;
                continue;
            }
            _ => {}
        }
        i += len;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forbidden_characters_are_named() {
        for bad in [
            "a<b.png",
            "a>b.png",
            "a\\b.png",
            "a&amp;b.png",
            "a\"b.png",
            "a\nb.png",
            "a\u{202e}b.png",
        ] {
            assert!(path_problem(bad).is_some(), "{bad:?}");
        }
        for good in [
            "images/2023/wizyta (2).jpg",
            "zdjęcia/Łódź [1].png",
            "a b/c.jpeg",
            "./x.png",
        ] {
            assert_eq!(path_problem(good), None, "{good:?}");
        }
        for outside in ["/etc/x.png", "../x.png", "images/../../x.png"] {
            let p = path_problem(outside).expect("refused");
            assert!(p.message.contains("outside the data folder"), "{p:?}");
        }
    }

    #[test]
    fn other_formats_are_named() {
        assert_eq!(inspect(b"GIF89a...."), Err(Unusable::Format(Some("GIF"))));
        assert_eq!(
            inspect(b"RIFF\0\0\0\0WEBPVP8 "),
            Err(Unusable::Format(Some("WebP")))
        );
        assert_eq!(
            inspect(b"<?xml version=\"1.0\"?>\n<svg xmlns=\"\"/>"),
            Err(Unusable::Format(Some("SVG")))
        );
        assert_eq!(inspect(b"hello"), Err(Unusable::Format(None)));
    }

    fn encoded(format: image::ImageFormat, img: image::DynamicImage) -> Vec<u8> {
        let mut out = std::io::Cursor::new(Vec::new());
        img.write_to(&mut out, format).expect("encodes");
        out.into_inner()
    }

    #[test]
    fn what_the_encoders_write_passes_and_every_shorter_prefix_fails() {
        let rgb =
            image::RgbImage::from_fn(40, 30, |x, y| image::Rgb([x as u8 * 6, y as u8 * 8, 90]));
        let gray = image::GrayAlphaImage::from_fn(7, 5, |x, _| image::LumaA([x as u8 * 30, 200]));
        for (format, img, kind) in [
            (
                image::ImageFormat::Jpeg,
                image::DynamicImage::ImageRgb8(rgb.clone()),
                Format::Jpeg,
            ),
            (
                image::ImageFormat::Png,
                image::DynamicImage::ImageRgb8(rgb),
                Format::Png,
            ),
            (
                image::ImageFormat::Png,
                image::DynamicImage::ImageLumaA8(gray),
                Format::Png,
            ),
        ] {
            let (w, h) = (img.width(), img.height());
            let bytes = encoded(format, img);
            assert_eq!(
                inspect(&bytes),
                Ok(ImageInfo {
                    format: kind,
                    width: w,
                    height: h
                })
            );
            for n in 0..bytes.len() {
                assert!(
                    inspect(&bytes[..n]).is_err(),
                    "{kind:?} cut to {n} of {} bytes",
                    bytes.len()
                );
            }
        }
    }

    /// A PNG of the given chunks (kind, body), each with its right CRC.
    fn png_of(chunks: &[(&[u8; 4], Vec<u8>)]) -> Vec<u8> {
        let mut out = PNG_SIGNATURE.to_vec();
        for (kind, body) in chunks {
            out.extend((body.len() as u32).to_be_bytes());
            let mut crc = flate2::Crc::new();
            crc.update(&kind[..]);
            crc.update(body);
            out.extend(&kind[..]);
            out.extend(body);
            out.extend(crc.sum().to_be_bytes());
        }
        out
    }

    /// The chunks of a PNG (kind, body).
    fn chunks_of(png: &[u8]) -> Vec<([u8; 4], Vec<u8>)> {
        let mut i = PNG_SIGNATURE.len();
        let mut out = Vec::new();
        while i < png.len() {
            let len = be32(&png[i..]) as usize;
            let kind = [png[i + 4], png[i + 5], png[i + 6], png[i + 7]];
            out.push((kind, png[i + 8..i + 8 + len].to_vec()));
            i += 12 + len;
        }
        out
    }

    fn rewritten(png: &[u8], change: impl Fn(&[u8; 4], &mut Vec<u8>)) -> Vec<u8> {
        let mut chunks = chunks_of(png);
        for (kind, body) in &mut chunks {
            change(kind, body);
        }
        let refs: Vec<(&[u8; 4], Vec<u8>)> = chunks.iter().map(|(k, b)| (k, b.clone())).collect();
        png_of(&refs)
    }

    fn ihdr(w: u32, h: u32, color: u8, interlace: u8) -> Vec<u8> {
        let mut b = w.to_be_bytes().to_vec();
        b.extend(h.to_be_bytes());
        b.extend([8, color, 0, 0, interlace]);
        b
    }

    fn zlib(raw: &[u8]) -> Vec<u8> {
        use std::io::Write as _;
        let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
        z.write_all(raw).expect("compresses");
        z.finish().expect("compresses")
    }

    #[test]
    fn a_png_whose_compressed_data_is_damaged_is_refused_though_its_checksums_are_right() {
        let img = image::RgbImage::from_fn(64, 48, |x, y| {
            image::Rgb([x as u8 * 3, y as u8 * 5, (x ^ y) as u8])
        });
        let good = encoded(image::ImageFormat::Png, image::DynamicImage::ImageRgb8(img));
        assert!(inspect(&good).is_ok());
        // Bytes in the middle of the deflate stream changed, the CRC computed over the change:
        // every chunk checks out, the pixels do not.
        let damaged = rewritten(&good, |kind, body| {
            if kind == b"IDAT" {
                let mid = body.len() / 2;
                for b in &mut body[mid..mid + 8] {
                    *b ^= 0x5A;
                }
            }
        });
        assert!(
            image::load_from_memory(&damaged).is_err(),
            "the decoder itself must fail on the fixture"
        );
        assert_eq!(inspect(&damaged), Err(Unusable::Damaged));
        // A header that promises one row more than the data holds.
        let taller = rewritten(&good, |kind, body| {
            if kind == b"IHDR" {
                body[4..8].copy_from_slice(&49u32.to_be_bytes());
            }
        });
        assert_eq!(inspect(&taller), Err(Unusable::Damaged));
        // A row whose filter byte is not one of the five filters.
        let raw: Vec<u8> = (0..3)
            .flat_map(|r| [if r == 1 { 7 } else { 0 }, 1, 2, 3])
            .collect();
        let bad_filter = png_of(&[
            (b"IHDR", ihdr(1, 3, 2, 0)),
            (b"IDAT", zlib(&raw)),
            (b"IEND", Vec::new()),
        ]);
        assert_eq!(inspect(&bad_filter), Err(Unusable::Damaged));
        let raw: Vec<u8> = (0..3).flat_map(|_| [0, 1, 2, 3]).collect();
        let fine = png_of(&[
            (b"IHDR", ihdr(1, 3, 2, 0)),
            (b"IDAT", zlib(&raw)),
            (b"IEND", Vec::new()),
        ]);
        assert!(image::load_from_memory(&fine).is_ok());
        assert!(inspect(&fine).is_ok());
    }

    #[test]
    fn an_interlaced_png_and_image_data_split_over_chunks_pass() {
        // 5 × 3 RGB, Adam7 (passes 3 and 7 have no rows at this size),
        // written out pixel by pixel: for every pass, its rows of its pixels (the decoder
        // reading it back is the independent check).
        let (w, h) = (5u64, 3u64);
        let mut raw = Vec::new();
        for (x0, y0, dx, dy) in ADAM7 {
            for y in (y0..h).step_by(dy as usize) {
                let xs: Vec<u64> = (x0..w).step_by(dx as usize).collect();
                if xs.is_empty() {
                    continue;
                }
                raw.push(0);
                for x in xs {
                    raw.extend([x as u8 * 40, y as u8 * 80, 7]);
                }
            }
        }
        let data = zlib(&raw);
        let (a, b) = data.split_at(data.len() / 2);
        let png = png_of(&[
            (b"IHDR", ihdr(w as u32, h as u32, 2, 1)),
            (b"IDAT", a.to_vec()),
            (b"IDAT", b.to_vec()),
            (b"IEND", Vec::new()),
        ]);
        let decoded = image::load_from_memory(&png)
            .expect("a valid interlaced PNG")
            .to_rgb8();
        assert_eq!(decoded.get_pixel(4, 2).0, [160, 160, 7]);
        assert_eq!(
            inspect(&png),
            Ok(ImageInfo {
                format: Format::Png,
                width: 5,
                height: 3
            })
        );
    }

    #[test]
    fn sixteen_bit_png_is_refused() {
        let deep = image::ImageBuffer::<image::Luma<u16>, Vec<u16>>::from_pixel(
            3,
            2,
            image::Luma([40_000]),
        );
        let bytes = encoded(
            image::ImageFormat::Png,
            image::DynamicImage::ImageLuma16(deep),
        );
        assert_eq!(inspect(&bytes), Err(Unusable::SixteenBit));
    }

    #[test]
    fn a_jpeg_without_its_end_is_cut_off() {
        // SOI, SOF0 1×1 gray, SOS, one byte of data: no EOI.
        let mut jpeg = vec![
            0xFF, 0xD8, 0xFF, 0xC0, 0x00, 0x0B, 0x08, 0x00, 0x01, 0x00, 0x01, 0x01, 0x01, 0x11,
            0x00,
        ];
        jpeg.extend([
            0xFF, 0xDA, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3F, 0x00, 0x12,
        ]);
        assert_eq!(inspect(&jpeg), Err(Unusable::CutOff));
        jpeg.extend([0xFF, 0xD9]);
        assert_eq!(
            inspect(&jpeg),
            Ok(ImageInfo {
                format: Format::Jpeg,
                width: 1,
                height: 1
            })
        );
    }
}
