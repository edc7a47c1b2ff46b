//! The image rule: arbitrary bytes as an image file, and arbitrary text as an image path.
//! `inspect` must not panic and must hold its pixel limit; a path `path_problem` accepts must
//! read back from the chapter's Markdown exactly as written (the file checked is the file read).
#![no_main]

use libfuzzer_sys::fuzz_target;
use report_gen::chapter::markdown;
use report_gen::doc::{Block, Document};
use report_gen::image_file;

fuzz_target!(|data: &[u8]| {
    if let Ok(info) = image_file::inspect(data) {
        let pixels = u64::from(info.width) * u64::from(info.height);
        assert!(pixels <= report_gen::limits::MAX_IMAGE_PIXELS);
    }
    let Ok(path) = std::str::from_utf8(data) else {
        return;
    };
    if image_file::path_problem(path).is_none() {
        let md = format!("{}\n", markdown::figure_image("Opis", path, "Podpis"));
        let doc = markdown::parse(&markdown::typeset_markdown(&md), Document::sample().meta);
        let read_back = doc.blocks.iter().find_map(|b| match b {
            Block::Figure(f) => f.image.clone(),
            _ => None,
        });
        assert_eq!(read_back.as_deref(), Some(path), "the path read is the path checked");
    }
});
