//! Figure images as PDF image XObjects.
//!
//! printpdf decodes the file (PNG or JPEG, through the `image` crate); the XObject is
//! written here. A JPEG in gray or RGB is embedded as it is (`/DCTDecode`): no second lossy
//! compression, no quality lost, and nothing to re-encode. Everything else (PNG, CMYK JPEG)
//! is embedded as its decoded 8-bit pixels, deflated, with the alpha channel, if any, as a
//! soft mask.

use anyhow::Result;
use lopdf::{dictionary, Dictionary, Object, Stream};

use super::deflate::{deflate, raw_stream};
use printpdf::{RawImage, RawImageData, RawImageFormat};

/// A decoded figure image, ready to be written.
pub struct LoadedImage {
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    /// How the pixels go into the PDF.
    encoding: Encoding,
}

enum Encoding {
    /// The JPEG file itself, with 1 (gray) or 3 (RGB) components.
    Jpeg { bytes: Vec<u8>, components: u8 },
    /// Decoded 8-bit pixels: 1 (gray) or 3 (RGB) colour components, and an optional alpha plane.
    Pixels {
        color: Vec<u8>,
        components: u8,
        alpha: Option<Vec<u8>>,
    },
}

impl LoadedImage {
    /// Decodes `bytes` (PNG or JPEG). The error is printpdf's decoder message.
    pub fn decode(bytes: &[u8]) -> Result<LoadedImage, String> {
        let mut warnings = Vec::new();
        let raw = RawImage::decode_from_bytes(bytes, &mut warnings)?;
        let (width, height) = (raw.width as u32, raw.height as u32);
        let encoding = match jpeg_components(bytes) {
            Some(components @ (1 | 3)) => Encoding::Jpeg {
                bytes: bytes.to_vec(),
                components,
            },
            _ => split_pixels(raw)?,
        };
        Ok(LoadedImage {
            width,
            height,
            encoding,
        })
    }

    /// The image XObject; a soft mask, when there is one, is added to `doc` first.
    pub fn to_stream(&self, doc: &mut lopdf::Document) -> Result<Stream> {
        let mut dict = image_dict(self.width, self.height);
        let content = match &self.encoding {
            Encoding::Jpeg { bytes, components } => {
                dict.set("ColorSpace", color_space(*components));
                dict.set("Filter", Object::Name(b"DCTDecode".to_vec()));
                bytes.clone()
            }
            Encoding::Pixels {
                color,
                components,
                alpha,
            } => {
                dict.set("ColorSpace", color_space(*components));
                dict.set("Filter", Object::Name(b"FlateDecode".to_vec()));
                if let Some(alpha) = alpha {
                    let mut mask = image_dict(self.width, self.height);
                    mask.set("ColorSpace", color_space(1));
                    mask.set("Filter", Object::Name(b"FlateDecode".to_vec()));
                    let id = doc.add_object(raw_stream(mask, deflate(alpha)?));
                    dict.set("SMask", Object::Reference(id));
                }
                deflate(color)?
            }
        };
        Ok(raw_stream(dict, content))
    }
}

fn image_dict(width: u32, height: u32) -> Dictionary {
    dictionary! {
        "Type" => "XObject",
        "Subtype" => "Image",
        "Width" => i64::from(width),
        "Height" => i64::from(height),
        "BitsPerComponent" => 8,
    }
}

fn color_space(components: u8) -> Object {
    Object::Name(if components == 1 {
        b"DeviceGray".to_vec()
    } else {
        b"DeviceRGB".to_vec()
    })
}

/// Splits decoded 8-bit pixels into colour and alpha planes.
fn split_pixels(raw: RawImage) -> Result<Encoding, String> {
    let RawImageData::U8(pixels) = raw.pixels else {
        return Err("unsupported pixel depth (8-bit images expected)".into());
    };
    let (components, has_alpha) = match raw.data_format {
        RawImageFormat::R8 => (1, false),
        RawImageFormat::RG8 => (1, true),
        RawImageFormat::RGB8 => (3, false),
        RawImageFormat::RGBA8 => (3, true),
        other => return Err(format!("unsupported pixel format {other:?}")),
    };
    if !has_alpha {
        return Ok(Encoding::Pixels {
            color: pixels,
            components,
            alpha: None,
        });
    }
    let stride = usize::from(components) + 1;
    let mut color = Vec::with_capacity(pixels.len() / stride * usize::from(components));
    let mut alpha = Vec::with_capacity(pixels.len() / stride);
    for px in pixels.chunks_exact(stride) {
        color.extend_from_slice(&px[..stride - 1]);
        alpha.push(px[stride - 1]);
    }
    // A fully opaque alpha plane is left out: it would only cost space.
    let alpha = alpha.iter().any(|&a| a != 255).then_some(alpha);
    Ok(Encoding::Pixels {
        color,
        components,
        alpha,
    })
}

/// Number of colour components of a baseline or progressive JPEG (from its SOF marker),
/// or `None` when `bytes` is not a JPEG that can be read that far.
fn jpeg_components(bytes: &[u8]) -> Option<u8> {
    if bytes.get(..2)? != [0xFF, 0xD8] {
        return None;
    }
    let mut i = 2;
    loop {
        // Skip fill bytes before a marker.
        while *bytes.get(i)? == 0xFF && *bytes.get(i + 1)? == 0xFF {
            i += 1;
        }
        if *bytes.get(i)? != 0xFF {
            return None;
        }
        let marker = *bytes.get(i + 1)?;
        let len = usize::from(u16::from_be_bytes([*bytes.get(i + 2)?, *bytes.get(i + 3)?]));
        // SOF0–SOF15 except DHT (C4), JPG (C8) and DAC (CC).
        if matches!(marker, 0xC0..=0xCF) && !matches!(marker, 0xC4 | 0xC8 | 0xCC) {
            // Segment: length (2), precision (1), height (2), width (2), components (1).
            return bytes.get(i + 9).copied();
        }
        if marker == 0xDA || len < 2 {
            return None;
        }
        i += 2 + len;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jpeg_components_are_read_from_the_frame_header() {
        // SOI, APP0 (length 4, two bytes of payload), SOF0 with 3 components.
        let jpeg = [
            0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x04, 0x00, 0x00, 0xFF, 0xC0, 0x00, 0x11, 0x08, 0x00,
            0x10, 0x00, 0x20, 0x03,
        ];
        assert_eq!(jpeg_components(&jpeg), Some(3));
        assert_eq!(jpeg_components(b"\x89PNG\r\n"), None);
        assert_eq!(jpeg_components(&jpeg[..10]), None);
    }

    #[test]
    fn opaque_alpha_is_dropped_and_real_alpha_kept() {
        let raw = |pixels: Vec<u8>| RawImage {
            pixels: RawImageData::U8(pixels),
            width: 2,
            height: 1,
            data_format: RawImageFormat::RGBA8,
            tag: Vec::new(),
        };
        let Ok(Encoding::Pixels { color, alpha, .. }) =
            split_pixels(raw(vec![1, 2, 3, 255, 4, 5, 6, 255]))
        else {
            panic!("RGBA splits");
        };
        assert_eq!(color, vec![1, 2, 3, 4, 5, 6]);
        assert_eq!(alpha, None);
        let Ok(Encoding::Pixels { alpha, .. }) = split_pixels(raw(vec![1, 2, 3, 0, 4, 5, 6, 128]))
        else {
            panic!("RGBA splits");
        };
        assert_eq!(alpha, Some(vec![0, 128]));
    }
}
