//! Arbitrary text as the chapter's Markdown → typography, the document tree, the HTML body and
//! the PDF. The writers must not panic on any document (a user's template can produce anything).
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use report_gen::doc::Document;

fuzz_target!(|data: &[u8]| {
    let Ok(md) = std::str::from_utf8(data) else {
        return;
    };
    let typeset = report_gen::chapter::markdown::typeset_markdown(md);
    let doc = report_gen::chapter::markdown::parse(&typeset, Document::sample().meta);
    // No image exists under this root: figures fall back to their placeholders or fail cleanly.
    let root = Path::new("/nonexistent-report-gen-fuzz");
    let _ = report_gen::html::body(&doc, root);
    let opts = report_gen::pdf::PdfOptions {
        source_date_epoch: 0,
    };
    let _ = report_gen::pdf::render(&doc, root, &opts);
});
