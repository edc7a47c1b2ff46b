//! Fuzzed bytes as `years/2022.yaml` of the minimal data set → load, validate, the glyph check
//! and the rendered diagnostics (what `check` does). Nothing may panic, whatever the bytes.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    common::write_year(data);
    let report_gen::Loaded { set: _, diagnostics: mut diags, sources } = report_gen::load_data(common::data_dir());
    diags.extend(report_gen::glyphs::unprintable(&sources));
    let _ = sources.render(&diags);
});
