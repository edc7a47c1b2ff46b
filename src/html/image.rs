//! Images as `data:` URIs, so the HTML file is one self-contained document.

use std::path::Path;

use anyhow::Result;
use base64::prelude::{Engine as _, BASE64_STANDARD};

use crate::image_file;

/// Reads the image `relative` of the data folder `image_root` and returns it as a `data:` URI.
///
/// The file goes through the same rule as in `check` ([`image_file::read`]): inside the data
/// folder once links are followed, a whole PNG or JPEG within the limits, whatever path the
/// template wrote. The media type comes from the file's first bytes rather than its
/// extension, because photos exported from phones and CMSs are often misnamed (`.jpg`
/// holding a PNG).
pub(crate) fn data_uri(image_root: &Path, relative: &str) -> Result<String> {
    let image = image_file::read(image_root, relative)?;
    let mut uri = format!("data:{};base64,", image.info.format.mime());
    BASE64_STANDARD.encode_string(&image.bytes, &mut uri);
    Ok(uri)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_file_names_the_path() {
        let err = data_uri(Path::new("/nonexistent-dir"), "img/gyor.jpg")
            .err()
            .map(|e| format!("{e:#}"))
            .unwrap_or_default();
        assert!(err.contains("img/gyor.jpg"), "{err}");
        assert!(err.contains("/nonexistent-dir"), "{err}");
    }
}
