//! Renders the sample or the 2018-like chapter to a PDF file and times the render.
//!
//! `cargo run --release --example pdf_render -- OUT.pdf [sample|chapter|longtable] [RUNS]`

#[allow(dead_code)] // the example uses a few of the test documents
#[path = "../tests/it/support/documents.rs"]
mod common;

use std::path::Path;
use std::time::Instant;

use report_gen::pdf::{render, PdfOptions};

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let out = args.first().map(String::as_str).unwrap_or("out.pdf");
    let doc = match args.get(1).map(String::as_str).unwrap_or("chapter") {
        "sample" => report_gen::doc::Document::sample(),
        "longtable" => common::long_table_document(),
        "awkward" => common::awkward_document(),
        "figure" => {
            // A generated gradient stands in for a photo.
            let img = image::RgbImage::from_fn(600, 400, |x, y| {
                image::Rgb([(x / 3) as u8, (y / 2) as u8, 150])
            });
            img.save("/tmp/pdf_render_figure.png")?;
            common::figure_document("/tmp/pdf_render_figure.png")
        }
        _ => common::chapter_2018(),
    };
    let runs: u32 = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(1);
    let opts = PdfOptions::default();
    // The first render also parses the fonts once per process; time it separately.
    let t0 = Instant::now();
    let mut bytes = render(&doc, Path::new("."), &opts)?;
    let first = t0.elapsed();
    let t1 = Instant::now();
    for _ in 1..runs {
        bytes = render(&doc, Path::new("."), &opts)?;
    }
    if runs > 1 {
        let avg = t1.elapsed() / (runs - 1);
        eprintln!(
            "first render {first:?}, then {avg:?} per render over {} runs",
            runs - 1
        );
    } else {
        eprintln!("render {first:?}");
    }
    std::fs::write(out, &bytes)?;
    eprintln!("{out}: {} bytes", bytes.len());
    Ok(())
}
