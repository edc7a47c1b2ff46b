//! In-process benchmarks of the pipeline on the shipped data: loading and checking, each
//! writer for a short (2023) and a long (2018) chapter, and all three formats together.
//!
//!     cargo bench --bench pipeline                 # full measurement
//!     cargo bench --bench pipeline -- pdf/2018     # one group or benchmark
//!
//! Under `cargo test --all-targets` criterion runs every benchmark once, as a smoke test.
//! Whole-process time and peak memory are measured by `tests/bench/process.py` (BENCHMARKS.md).

use std::hint::black_box;
use std::path::{Path, PathBuf};

use criterion::{criterion_group, criterion_main, Criterion};
use report_gen::data::model::DataSet;
use report_gen::Format;
use report_gen::Templates;
use report_gen::{build, chapter, html, pdf};

/// The two real chapters benchmarked: 2018 is the longest (a table and 30 events), 2023 a
/// typical recent one.
const YEARS: [i32; 2] = [2018, 2023];

fn data_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("data")
}

fn load() -> DataSet {
    let report_gen::Loaded {
        set,
        diagnostics: diags,
        sources: _,
    } = report_gen::load_data(&data_dir());
    set.unwrap_or_else(|| panic!("the shipped data does not load: {diags:?}"))
}

fn load_and_check(c: &mut Criterion) {
    let root = data_dir();
    c.bench_function("load+validate", |b| {
        b.iter(|| report_gen::load_data(black_box(&root)))
    });
}

fn writers(c: &mut Criterion) {
    let set = load();
    let templates = Templates::new(None).expect("built-in templates");
    let css = templates.raw("style.css").expect("built-in stylesheet");
    for year in YEARS {
        let ch = chapter::render(&set, year, &templates).expect("chapter renders");
        // The Markdown writer is the chapter itself: view → template → typography → tree.
        c.bench_function(&format!("md/{year}"), |b| {
            b.iter(|| chapter::render(black_box(&set), year, &templates).unwrap())
        });
        c.bench_function(&format!("html/{year}"), |b| {
            b.iter(|| {
                html::render(black_box(&ch.document), templates.env(), &css, &set.root).unwrap()
            })
        });
        let opts = pdf::PdfOptions::default();
        c.bench_function(&format!("pdf/{year}"), |b| {
            b.iter(|| pdf::render(black_box(&ch.document), &set.root, &opts).unwrap())
        });
        c.bench_function(&format!("all/{year}"), |b| {
            b.iter(|| build::render(black_box(&set), year, Format::All, &templates, None).unwrap())
        });
    }
}

criterion_group! {
    name = benches;
    // A PDF render takes milliseconds; 50 samples keep a full run near a minute on 2 cores.
    config = Criterion::default().sample_size(50);
    targets = load_and_check, writers
}
criterion_main!(benches);
