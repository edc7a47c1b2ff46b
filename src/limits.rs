//! The bounds on what any input may cost: image files, template files, template work and output.
//!
//! Every limit is far above what real data needs (the numbers say by how much), so that a
//! user never meets one by accident, and low enough that a mistaken or hostile file ends
//! with a message instead of filling the memory or running forever (`watch` would then
//! block every later rebuild).

use std::io;

/// The largest figure image file read, in bytes: 20 MB. A camera original is 3–12 MB; the
/// README asks for photos reduced to about 2000 pixels wide (a few hundred KB). The size is
/// read from the file system before a byte is read, and reading stops there in any case.
pub const MAX_IMAGE_BYTES: u64 = 20 * 1000 * 1000;

/// The most pixels a figure image may have: 50 million (a 8660 × 5770 photo; a 2000-pixel
/// photo has 3 million). Read from the file's header before it is decoded: decoded, 50
/// million pixels take 200 MB (four bytes each) in the PDF writer.
pub const MAX_IMAGE_PIXELS: u64 = 50_000_000;

/// The largest template or stylesheet file read from `--templates`, in bytes: 1 MB (the
/// built-in chapter template is 9 KB).
pub const MAX_TEMPLATE_BYTES: u64 = 1000 * 1000;

/// The template instructions one render may execute (minijinja fuel). The chapters of the
/// shipped years use 759–3,097, the page template 42, the 570-page scale set (`examples/scale.rs`,
/// 1,000 partners and 5,000 events) 281,788 (measured from minijinja's fuel levels); this is
/// about 100 times that: a loop that never ends stops after 2 s (release build, on the 2-core
/// machine while other builds ran; 8 s in a debug build).
pub const TEMPLATE_FUEL: u64 = 30_000_000;

/// The most text a template may add to what it is given, in bytes: 64 MB. The Markdown of
/// the 570-page scale set is 2.6 MB. The chapter template may write this much; the HTML page
/// template this much more than the chapter's HTML and the stylesheet it is given (they
/// hold the images, as base64).
pub const MAX_TEMPLATE_OUTPUT: usize = 64 * 1000 * 1000;

/// An [`io::Write`] into memory that fails once more than `limit` bytes were written.
pub(crate) struct CappedWriter {
    /// What was written so far.
    pub bytes: Vec<u8>,
    limit: usize,
}

impl CappedWriter {
    /// An empty writer that takes at most `limit` bytes.
    pub fn new(limit: usize) -> Self {
        CappedWriter {
            bytes: Vec::new(),
            limit,
        }
    }
}

impl io::Write for CappedWriter {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if self.bytes.len() + buf.len() > self.limit {
            return Err(io::Error::other(crate::tr!(
                "limits-output-too-large",
                mb = self.limit.div_ceil(1_000_000)
            )));
        }
        self.bytes.extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// Renders `template` with `ctx` into memory, failing (with minijinja's error, which names
/// the template) once the output passes `given` (the size of the text passed in) plus
/// [`MAX_TEMPLATE_OUTPUT`]. The environment's fuel bounds the work.
pub(crate) fn render_bounded(
    template: &minijinja::Template<'_, '_>,
    ctx: minijinja::Value,
    given: usize,
) -> Result<String, minijinja::Error> {
    let mut out = CappedWriter::new(given.saturating_add(MAX_TEMPLATE_OUTPUT));
    template.render_captured_to(ctx, &mut out)?;
    String::from_utf8(out.bytes).map_err(|_| {
        minijinja::Error::new(
            minijinja::ErrorKind::InvalidOperation,
            crate::tr!("limits-not-utf8"),
        )
    })
}
