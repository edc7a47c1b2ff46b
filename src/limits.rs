//! The bounds on what any input may cost: image files, template files, template work and output.
//!
//! Every limit is far above what real data needs (the numbers say by how much), so that a
//! user never meets one by accident, and low enough that a mistaken or hostile file ends
//! with a message instead of filling the memory or running forever (`watch` would then
//! block every later rebuild).

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::io;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, OnceLock};

/// The largest figure image file read, in bytes: 20 MB. A camera original is 3–12 MB; the
/// README asks for photos reduced to about 2000 pixels wide (a few hundred KB). The size is
/// read from the file system before a byte is read, and reading stops there in any case.
pub const MAX_IMAGE_BYTES: u64 = 20 * 1000 * 1000;

/// The most pixels a figure image may have: 50 million (a 8660 × 5770 photo; a 2000-pixel
/// photo has 3 million). Read from the file's header before it is decoded: decoded, 50
/// million pixels take 200 MB (four bytes each) in the PDF writer.
pub const MAX_IMAGE_PIXELS: u64 = 50_000_000;

/// The longer side of a photo above which `check` warns that it is larger than needed: 3000
/// pixels. A 2000-pixel photo fills the PDF's 140 mm column at 360 dpi; a camera original
/// (6000 × 4000) only makes the PDF and HTML larger (the user trial's made them 2–3 MB).
pub const PHOTO_SIDE: u32 = 3000;

/// The most bytes of image files one chapter may show, counting a photo each time it is
/// shown: 200 MB (ten times a chapter with a hundred photos of 200 KB, as the README asks;
/// the shipped years show none yet). The HTML holds each as base64 and the DOCX each file,
/// so this bounds their size; the check is on the files' sizes, before a byte is read.
pub const MAX_CHAPTER_IMAGE_BYTES: u64 = 200 * 1000 * 1000;

/// The most pixels of all the different images of one chapter together: 250 million (80
/// photos of 2000 × 1500). The PDF writer holds them decoded, four bytes a pixel, so this
/// bounds its memory to 1 GB whatever the number of photos.
pub const MAX_CHAPTER_IMAGE_PIXELS: u64 = 250_000_000;

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
    let guard = memory_guard(template.name());
    template.render_captured_to(ctx, &mut out)?;
    drop(guard);
    String::from_utf8(out.bytes).map_err(|_| {
        minijinja::Error::new(
            minijinja::ErrorKind::InvalidOperation,
            crate::tr!("limits-not-utf8"),
        )
    })
}

/// The memory one template render may take beyond what its thread held when it started:
/// 1 GB. The chapter of the 570-page scale set needs about 10 MB while its template runs.
/// Fuel bounds the instructions, not what each one costs: `s ~ s` doubles a string in one
/// instruction, so thirty of them ask for a gigabyte. Only the binary enforces it (it installs
/// [`MemoryBudget`] as its allocator and a [`set_memory_hook`]); the library alone counts nothing.
pub const MAX_TEMPLATE_MEMORY: usize = 1000 * 1000 * 1000;

/// The allocator of the `report-gen` binary: the system allocator, counting the bytes a thread
/// takes while it renders a template ([`memory_guard`]) and calling the hook once that passes
/// [`MAX_TEMPLATE_MEMORY`]. Outside a render its cost is one relaxed atomic load per call.
pub struct MemoryBudget;

static GUARDS: AtomicUsize = AtomicUsize::new(0);
static HOOK: OnceLock<fn(&str) -> !> = OnceLock::new();
static GUARDED_NAME: Mutex<String> = Mutex::new(String::new());

/// [`TAKEN`] of a thread that does not render a template now.
const NOT_GUARDED: isize = isize::MIN;

thread_local! {
    /// The bytes this thread took since its template render began (allocations minus frees;
    /// memory allocated before and freed during a render makes it lower, which only errs on the
    /// side of the user), or [`NOT_GUARDED`]. One cell, so counting is one thread-local access.
    static TAKEN: Cell<isize> = const { Cell::new(NOT_GUARDED) };
}

/// Installs what the binary does when a render passes its memory bound: it is given the
/// template's name and must end the process (the library never prints or exits). Without a
/// hook, [`memory_guard`] counts nothing.
pub fn set_memory_hook(hook: fn(&str) -> !) {
    let _ = HOOK.set(hook);
}

/// Counts the memory the current thread takes until the guard is dropped, on behalf of the
/// template `name`.
pub(crate) fn memory_guard(name: &str) -> MemoryGuard {
    if HOOK.get().is_none() {
        return MemoryGuard { armed: false };
    }
    if let Ok(mut n) = GUARDED_NAME.lock() {
        n.clear();
        n.push_str(name);
    }
    TAKEN.with(|t| t.set(0));
    GUARDS.fetch_add(1, Ordering::Relaxed);
    MemoryGuard { armed: true }
}

/// Stops the counting of [`memory_guard`] when dropped.
pub(crate) struct MemoryGuard {
    armed: bool,
}

impl Drop for MemoryGuard {
    fn drop(&mut self) {
        if self.armed {
            TAKEN.with(|t| t.set(NOT_GUARDED));
            GUARDS.fetch_sub(1, Ordering::Relaxed);
        }
    }
}

/// Adds `delta` bytes to this thread's count when it is guarded; calls the hook past the bound.
#[inline]
fn count(delta: isize) {
    if GUARDS.load(Ordering::Relaxed) == 0 {
        return;
    }
    // `try_with`: never fails for this const-initialised cell, but an allocator must not panic.
    let over = TAKEN
        .try_with(|t| {
            let before = t.get();
            if before == NOT_GUARDED {
                return false;
            }
            let now = before.saturating_add(delta);
            // Stop counting once over: the hook allocates to print its message.
            t.set(if now > MAX_TEMPLATE_MEMORY as isize {
                NOT_GUARDED
            } else {
                now
            });
            now > MAX_TEMPLATE_MEMORY as isize
        })
        .unwrap_or(false);
    if over {
        let name = GUARDED_NAME.lock().map(|n| n.clone()).unwrap_or_default();
        if let Some(hook) = HOOK.get() {
            hook(&name);
        }
    }
}

// SAFETY: every call goes to the system allocator unchanged; the counting touches only atomics
// and const-initialised thread-locals without destructors, and allocates nothing itself
// (the hook runs after this thread's counting is switched off).
unsafe impl GlobalAlloc for MemoryBudget {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        count(layout.size() as isize);
        unsafe { System.alloc(layout) }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        count(layout.size() as isize);
        unsafe { System.alloc_zeroed(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        count(-(layout.size() as isize));
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        count(new_size as isize - layout.size() as isize);
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}
