//! Nothing is read from outside what the user gave, and nothing read costs without bound: the
//! cases the fixture corpora cannot hold (symbolic links, files of a gigabyte), made in a
//! temporary copy of `tests/fixtures/minimal`, and a property test of the image path rule.

use crate::support::harness::{data_dir, fixtures, run};

use std::collections::BTreeMap;
use std::fs;
use std::os::unix::fs::symlink;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use base64::prelude::{Engine as _, BASE64_STANDARD};
use report_gen::chapter::markdown;
use report_gen::doc::Block;
use report_gen::image_file;

/// Where the figure's `image:` value is in the year file used here.
const IMAGE_AT: &str = "data/years/2022.yaml:48:12: error: ";

/// `minimal/` with a figure whose image is `images/2022/eurocities.jpg` (not created).
fn data_with_figure() -> tempfile::TempDir {
    let tmp = data_dir(None);
    fs::copy(
        fixtures().join("invalid_build/image-not-an-image/years/2022.yaml"),
        tmp.path().join("data/years/2022.yaml"),
    )
    .expect("copy the year file");
    fs::create_dir_all(tmp.path().join("data/images/2022")).expect("images folder");
    tmp
}

/// A small JPEG whose pixels depend on `seed`, so that two files are told apart by their bytes.
fn jpeg(seed: u8) -> Vec<u8> {
    let img = image::RgbImage::from_fn(24, 16, |x, y| {
        image::Rgb([seed, (x * 10) as u8, (y * 15) as u8])
    });
    let mut out = std::io::Cursor::new(Vec::new());
    img.write_to(&mut out, image::ImageFormat::Jpeg)
        .expect("encode a JPEG");
    out.into_inner()
}

/// Writes `text` as the chapter template of `templates/` under `tmp`.
fn with_chapter_template(tmp: &Path, text: &str) {
    fs::create_dir_all(tmp.join("templates")).unwrap();
    fs::write(tmp.join("templates/chapter.md.j2"), text).unwrap();
}

fn check(tmp: &Path) -> crate::support::harness::Output {
    run(tmp, &["check", "--data", "data"])
}

/// Asserts the run failed with exit code 1 and a stderr line starting with `first`.
fn assert_refused(out: &crate::support::harness::Output, first: &str) {
    assert_eq!(out.code, Some(1), "{}", out.describe());
    assert!(
        out.stderr.lines().any(|l| l.starts_with(first)),
        "no stderr line starts with {first:?}\n{}",
        out.describe()
    );
}

#[test]
fn image_linked_to_a_file_outside_the_data_folder_is_refused() {
    let tmp = data_with_figure();
    let outside = tmp.path().join("outside.jpg");
    fs::write(&outside, jpeg(1)).unwrap();
    symlink(&outside, tmp.path().join("data/images/2022/eurocities.jpg")).unwrap();
    let out = check(tmp.path());
    assert_refused(
        &out,
        &format!("{IMAGE_AT}the image `images/2022/eurocities.jpg` is a link to `"),
    );
    assert!(
        out.stderr.contains("outside the data folder"),
        "{}",
        out.describe()
    );
    assert!(out
        .stderr
        .contains("help: copy the file into the data folder"));
}

#[test]
fn image_in_a_folder_linked_outside_the_data_folder_is_refused() {
    let tmp = data_with_figure();
    let elsewhere = tmp.path().join("elsewhere/2022");
    fs::create_dir_all(&elsewhere).unwrap();
    fs::write(elsewhere.join("eurocities.jpg"), jpeg(2)).unwrap();
    fs::remove_dir_all(tmp.path().join("data/images")).unwrap();
    symlink(tmp.path().join("elsewhere"), tmp.path().join("data/images")).unwrap();
    let out = check(tmp.path());
    assert_refused(
        &out,
        &format!("{IMAGE_AT}the image `images/2022/eurocities.jpg` is a link to `"),
    );
}

#[test]
fn image_linked_to_a_device_is_refused_without_reading_it() {
    let tmp = data_with_figure();
    symlink(
        "/dev/zero",
        tmp.path().join("data/images/2022/eurocities.jpg"),
    )
    .unwrap();
    let out = check(tmp.path());
    assert_refused(
        &out,
        &format!("{IMAGE_AT}the image `images/2022/eurocities.jpg` is a link to `/dev/zero`"),
    );
}

#[test]
fn image_linked_inside_the_data_folder_is_the_one_embedded() {
    let tmp = data_with_figure();
    let photo = jpeg(3);
    fs::create_dir_all(tmp.path().join("data/photos")).unwrap();
    fs::write(tmp.path().join("data/photos/original.jpg"), &photo).unwrap();
    symlink(
        "../../photos/original.jpg",
        tmp.path().join("data/images/2022/eurocities.jpg"),
    )
    .unwrap();
    check(tmp.path()).assert_ok();
    run(
        tmp.path(),
        &[
            "build", "--year", "2022", "--format", "all", "--data", "data", "--out", "out",
        ],
    )
    .assert_ok();
    let html = fs::read_to_string(tmp.path().join("out/wspolpraca-miedzynarodowa-2022.html"))
        .expect("the HTML was written");
    assert!(
        html.contains(&BASE64_STANDARD.encode(&photo)),
        "the HTML embeds the linked photo"
    );
}

#[test]
fn image_larger_than_the_limit_is_refused_before_it_is_read() {
    let tmp = data_with_figure();
    // A sparse file of 1 GB: reading it whole would pass the test's 1 GiB address space limit.
    let file = fs::File::create(tmp.path().join("data/images/2022/eurocities.jpg")).unwrap();
    file.set_len(1_000_000_000).unwrap();
    let out = check(tmp.path());
    assert_refused(
        &out,
        &format!("{IMAGE_AT}the image `images/2022/eurocities.jpg` is too large (1000 MB; at most 20 MB)"),
    );
    assert!(out.peak_kib < 100 * 1024, "{}", out.describe());
}

#[test]
fn year_file_linked_outside_the_data_folder_is_refused() {
    let tmp = data_dir(None);
    let year = tmp.path().join("data/years/2022.yaml");
    let outside = tmp.path().join("2022-elsewhere.yaml");
    fs::rename(&year, &outside).unwrap();
    symlink(&outside, &year).unwrap();
    let out = check(tmp.path());
    assert_refused(
        &out,
        "data/years/2022.yaml: error: this file is a link to `",
    );
    assert!(
        out.stderr.contains("outside the data folder"),
        "{}",
        out.describe()
    );
}

#[test]
fn registry_file_linked_outside_is_one_error_without_a_cascade() {
    let tmp = data_dir(None);
    let file = tmp.path().join("data/registry/partners.yaml");
    let outside = tmp.path().join("partners-elsewhere.yaml");
    fs::rename(&file, &outside).unwrap();
    symlink(&outside, &file).unwrap();
    let out = check(tmp.path());
    assert_refused(
        &out,
        "data/registry/partners.yaml: error: this file is a link to `",
    );
    // The ids it would define are not reported as unknown on top of it.
    assert_eq!(
        out.stderr.matches(": error: ").count(),
        1,
        "{}",
        out.describe()
    );
}

#[test]
fn registry_file_linked_inside_the_data_folder_is_read() {
    let tmp = data_dir(None);
    let registry = tmp.path().join("data/registry");
    fs::create_dir_all(tmp.path().join("data/shared")).unwrap();
    fs::rename(
        registry.join("countries.yaml"),
        tmp.path().join("data/shared/countries.yaml"),
    )
    .unwrap();
    symlink("../shared/countries.yaml", registry.join("countries.yaml")).unwrap();
    check(tmp.path()).assert_ok();
}

/// Every file under `dir` (also in its folders: the Markdown's copied photos), with its bytes
/// and modification time.
fn snapshot(dir: &Path) -> BTreeMap<PathBuf, (Vec<u8>, SystemTime)> {
    let mut files = BTreeMap::new();
    for p in fs::read_dir(dir)
        .into_iter()
        .flatten()
        .map(|e| e.expect("entry").path())
    {
        let m = fs::metadata(&p).expect("metadata");
        if m.is_dir() {
            files.extend(snapshot(&p));
        } else {
            let bytes = fs::read(&p).expect("read");
            files.insert(p, (bytes, m.modified().expect("mtime")));
        }
    }
    files
}

/// A good build into `out/`, then `args` (a failing build into the same folder): exit code 1,
/// `first` on stderr, and the earlier files untouched.
fn assert_build_refused(tmp: &Path, args: &[&str], first: &str) -> String {
    run(
        tmp,
        &[
            "build", "--year", "2022", "--format", "all", "--data", "data", "--out", "out",
        ],
    )
    .assert_ok();
    let before = snapshot(&tmp.join("out"));
    let mut all = args.to_vec();
    all.extend(["--data", "data", "--out", "out"]);
    let out = run(tmp, &all);
    assert_refused(&out, first);
    assert!(
        out.stderr.contains("nothing was written"),
        "{}",
        out.describe()
    );
    assert_eq!(
        before,
        snapshot(&tmp.join("out")),
        "the earlier output changed"
    );
    out.stderr
}

#[test]
fn template_linked_outside_the_templates_folder_is_refused() {
    let tmp = data_dir(None);
    let secret = tmp.path().join("secret.md.j2");
    fs::write(&secret, "# Tajne\n").unwrap();
    fs::create_dir_all(tmp.path().join("templates")).unwrap();
    symlink(&secret, tmp.path().join("templates/chapter.md.j2")).unwrap();
    assert_build_refused(
        tmp.path(),
        &["build", "--year", "2022", "--templates", "templates"],
        "templates/chapter.md.j2: error: the template failed: the template `templates/chapter.md.j2` is a link to `",
    );
}

#[test]
fn stylesheet_linked_outside_the_templates_folder_is_refused() {
    let tmp = data_dir(None);
    let secret = tmp.path().join("secret.css");
    fs::write(&secret, "body { color: red }\n").unwrap();
    fs::create_dir_all(tmp.path().join("templates")).unwrap();
    symlink(&secret, tmp.path().join("templates/style.css")).unwrap();
    let stderr = assert_build_refused(
        tmp.path(),
        &["build", "--year", "2022", "--templates", "templates"],
        "error: nothing was written",
    );
    assert!(stderr.contains("is a link to"), "{stderr}");
}

#[test]
fn image_a_template_writes_through_a_link_outside_is_refused() {
    let tmp = data_with_figure();
    fs::write(tmp.path().join("data/images/2022/eurocities.jpg"), jpeg(4)).unwrap();
    let outside = tmp.path().join("outside.jpg");
    fs::write(&outside, jpeg(5)).unwrap();
    symlink(&outside, tmp.path().join("data/images/link.jpg")).unwrap();
    with_chapter_template(
        tmp.path(),
        "# {{ title }}\n\n![Opis zdjęcia](<images/link.jpg> \"Podpis\")\n",
    );
    let stderr = assert_build_refused(
        tmp.path(),
        &["build", "--year", "2022", "--templates", "templates"],
        "error: nothing was written",
    );
    assert!(
        stderr.contains("the image `images/link.jpg` is a link to"),
        "{stderr}"
    );
}

/// The image path rule as a property, on a data folder with links inside and out: any path
/// the rule accepts names a file inside the data folder, reads back from the chapter's
/// Markdown unchanged, and is exactly the file the HTML writer embeds; any path whose real
/// file is outside is refused.
#[test]
fn accepted_image_paths_are_inside_and_are_the_files_the_writers_read() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("data");
    let outside = tmp.path().join("outside");
    fs::create_dir_all(root.join("images/sub")).unwrap();
    fs::create_dir_all(&outside).unwrap();
    fs::write(root.join("images/x.jpg"), jpeg(10)).unwrap();
    fs::write(root.join("images/sub/x.jpg"), jpeg(11)).unwrap();
    fs::write(root.join("images/a (1) [b].jpg"), jpeg(12)).unwrap();
    fs::write(outside.join("x.jpg"), jpeg(13)).unwrap();
    symlink("images", root.join("in")).unwrap();
    symlink(&outside, root.join("out")).unwrap();
    symlink("../outside/x.jpg", root.join("images/up.jpg")).unwrap();
    symlink("sub/x.jpg", root.join("images/down.jpg")).unwrap();
    symlink("loop", root.join("loop")).unwrap();
    let real_root = fs::canonicalize(&root).unwrap();

    let parts = [
        "images",
        "in",
        "out",
        "sub",
        "x.jpg",
        "up.jpg",
        "down.jpg",
        "a (1) [b].jpg",
        "loop",
        "..",
        ".",
        "",
        " ",
        ">",
        "<",
        "\\",
        "&amp;",
        "\"",
        "\n",
    ];
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let (mut accepted, mut outside_refused) = (0, 0);
    for _ in 0..20_000 {
        let len = 1 + next() % 4;
        let path = (0..len)
            .map(|_| parts[(next() % parts.len() as u64) as usize])
            .collect::<Vec<_>>()
            .join("/");
        let real = fs::canonicalize(root.join(&path)).ok();
        match image_file::read(&root, &path) {
            Ok(file) => {
                accepted += 1;
                assert!(
                    file.path.starts_with(&real_root),
                    "{path:?} → {:?}",
                    file.path
                );
                assert_eq!(Some(&file.path), real.as_ref(), "{path:?}");
                assert_eq!(file.bytes, fs::read(&file.path).unwrap(), "{path:?}");
                // Through the Markdown and the HTML writer: the same path, the same bytes.
                let md = format!(
                    "# T\n\n{}\n",
                    markdown::figure_image("Opis", &path, "Podpis")
                );
                let doc = markdown::parse(&md, report_gen::doc::Document::sample().meta);
                let read_back = doc.blocks.iter().find_map(|b| match b {
                    Block::Figure(f) => f.image.clone(),
                    _ => None,
                });
                assert_eq!(read_back.as_deref(), Some(path.as_str()));
                let html = report_gen::html::body(&doc, &root).expect("the HTML writer reads it");
                assert!(
                    html.contains(&BASE64_STANDARD.encode(&file.bytes)),
                    "{path:?}: the writer embeds the file that was checked"
                );
            }
            Err(_) => {
                if real.as_ref().is_some_and(|r| !r.starts_with(&real_root)) {
                    outside_refused += 1;
                }
            }
        }
        if real.as_ref().is_some_and(|r| !r.starts_with(&real_root)) {
            assert!(
                image_file::read(&root, &path).is_err(),
                "{path:?} is outside"
            );
        }
    }
    assert!(
        accepted > 50,
        "only {accepted} generated paths named an image"
    );
    assert!(
        outside_refused > 20,
        "only {outside_refused} paths led outside"
    );
}

/// A PNG of `width` × `height` one-bit grey pixels, all black: a few KB on disk however many
/// pixels it has (the rows inflate to an eighth of a byte a pixel).
fn one_bit_png(width: u32, height: u32) -> Vec<u8> {
    use std::io::Write as _;
    let row = 1 + width.div_ceil(8) as usize;
    let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
    let zeros = vec![0u8; row];
    for _ in 0..height {
        z.write_all(&zeros).unwrap();
    }
    let mut ihdr = width.to_be_bytes().to_vec();
    ihdr.extend(height.to_be_bytes());
    ihdr.extend([1, 0, 0, 0, 0]);
    let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
    for (kind, body) in [
        (&b"IHDR"[..], ihdr),
        (b"IDAT", z.finish().unwrap()),
        (b"IEND", Vec::new()),
    ] {
        out.extend((body.len() as u32).to_be_bytes());
        let mut crc = flate2::Crc::new();
        crc.update(kind);
        crc.update(&body);
        out.extend(kind);
        out.extend(&body);
        out.extend(crc.sum().to_be_bytes());
    }
    out
}

#[test]
fn the_photos_of_a_year_beyond_the_chapter_limit_are_refused_at_the_photo_that_passes_it() {
    // Six photos of 48 million pixels: each within the limit for one image (50 million),
    // five of them within the chapter's 250 million, six over it (the PDF would hold them
    // decoded: 1 GB).
    let tmp = data_with_figure();
    let year = tmp.path().join("data/years/2022.yaml");
    let mut text = fs::read_to_string(&year).unwrap();
    let ids: Vec<String> = (1..=6).map(|i| format!("2022-big-{i}")).collect();
    text = text.replace(
        "figures: [2022-eurocities]",
        &format!("figures: [2022-eurocities, {}]", ids.join(", ")),
    );
    fs::write(tmp.path().join("data/images/2022/eurocities.jpg"), jpeg(1)).unwrap();
    for id in &ids {
        fs::write(
            tmp.path().join(format!("data/images/2022/{id}.png")),
            one_bit_png(8000, 6000),
        )
        .unwrap();
        text.push_str(&format!(
            "  - id: {id}\n    image: images/2022/{id}.png\n    caption: Zdjęcie {id}\n    alt: Czarny prostokąt\n    credit: UMP\n"
        ));
    }
    fs::write(&year, &text).unwrap();
    let last = text
        .lines()
        .position(|l| l.contains("image: images/2022/2022-big-6.png"))
        .unwrap()
        + 1;
    let out = check(tmp.path());
    assert_refused(&out, &format!("data/years/2022.yaml:{last}:12: error: with this photo the year's images pass the limit for one chapter"));
    // Reported once, at the photo that passes it, not at every later one; the others are fine.
    assert_eq!(
        out.stderr.matches("pass the limit for one chapter").count(),
        1,
        "{}",
        out.describe()
    );
    assert_eq!(
        out.stderr.matches(": error:").count(),
        1,
        "{}",
        out.describe()
    );
}

#[test]
fn a_template_showing_photos_beyond_the_chapter_limit_is_refused_before_reading_them() {
    // One photo of 1 MB (a small JPEG padded with comment segments), shown 250 times by the
    // template: 250 MB of image files, which the HTML would hold as base64 each time.
    let tmp = data_with_figure();
    let small = jpeg(3);
    let mut big = small[..2].to_vec();
    for _ in 0..16 {
        big.extend([0xFF, 0xFE, 0xFF, 0xFF]);
        big.extend(std::iter::repeat_n(b' ', 0xFFFF - 2));
    }
    big.extend(&small[2..]);
    assert!(big.len() > 1_000_000);
    fs::write(tmp.path().join("data/images/2022/eurocities.jpg"), &big).unwrap();
    assert_eq!(check(tmp.path()).code, Some(0), "the photo alone is fine");
    with_chapter_template(tmp.path(), "# {{ title }}\n\n{% for i in range(250) %}![Opis zdjęcia](<images/2022/eurocities.jpg> \"Podpis {{ i }}\")\n\n{% endfor %}");
    let stderr = assert_build_refused(
        tmp.path(),
        &["build", "--year", "2022", "--templates", "templates"],
        "error: nothing was written",
    );
    assert!(
        stderr.contains("the chapter's images take more than 200 MB together (a photo counts each time it is shown; the limit is passed at images/2022/eurocities.jpg)"),
        "{stderr}"
    );
    // Up to the limit is fine: 150 times is 150 MB.
    with_chapter_template(tmp.path(), "# {{ title }}\n\n{% for i in range(150) %}![Opis zdjęcia](<images/2022/eurocities.jpg> \"Podpis {{ i }}\")\n\n{% endfor %}");
    let out = run(
        tmp.path(),
        &[
            "build",
            "--year",
            "2022",
            "--templates",
            "templates",
            "--format",
            "md",
            "--data",
            "data",
            "--out",
            "out",
        ],
    );
    out.assert_ok();
}

#[test]
fn a_photo_larger_than_print_needs_is_a_warning_that_says_how_to_reduce_it() {
    let tmp = data_with_figure();
    let year = tmp.path().join("data/years/2022.yaml");
    let text = fs::read_to_string(&year)
        .unwrap()
        .replace("images/2022/eurocities.jpg", "images/2022/eurocities.png");
    fs::write(&year, text).unwrap();
    let photo = tmp.path().join("data/images/2022/eurocities.png");
    fs::write(&photo, one_bit_png(3000, 2000)).unwrap();
    let out = check(tmp.path());
    assert_eq!(out.code, Some(0), "{}", out.describe());
    assert!(
        !out.stderr.contains("warning"),
        "3000 pixels is fine\n{}",
        out.describe()
    );
    fs::write(&photo, one_bit_png(2000, 3001)).unwrap();
    let out = check(tmp.path());
    assert_eq!(out.code, Some(0), "a warning only\n{}", out.describe());
    assert!(
        out.stderr.lines().any(|l| l.starts_with(
            "data/years/2022.yaml:48:12: warning: the photo is 2000 × 3001 pixels, more than print needs"
        )),
        "{}",
        out.describe()
    );
    assert!(
        out.stderr
            .contains("help: reduce it to about 2000 pixels on the longer side"),
        "{}",
        out.describe()
    );
}
