//! Fuzzed bytes as `years/2022.yaml` → when the data validates, the whole chapter of 2022 in
//! Markdown, HTML and PDF (what `build --format all` renders). Failing is allowed (with an
//! error); panicking is not.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use report_gen::Format;
use report_gen::Templates;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    static TEMPLATES: OnceLock<Templates> = OnceLock::new();
    let templates = TEMPLATES.get_or_init(|| Templates::new(None).expect("built-in templates"));
    common::write_year(data);
    let report_gen::Loaded { set: Some(set), sources, .. } = report_gen::load_data(common::data_dir()) else {
        return;
    };
    if !set.years.contains_key(&2022) {
        return;
    }
    // `build` refuses a PDF with characters the fonts lack before rendering; so does this.
    let format = if report_gen::glyphs::unprintable(&sources).is_empty() {
        Format::All
    } else {
        Format::Html
    };
    let _ = report_gen::build::render(&set, 2022, format, templates, None);
});
