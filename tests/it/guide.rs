//! The Polish user guide (docs/przewodnik.md) is true: its YAML examples, applied to a copy of
//! the shipped data as the guide says (after `new-year 2024`), pass `check`, and the chapter
//! built from them says what the guide promises.
//!
//! Each ```yaml block of the guide follows a comment `<!-- sprawdzane: FILE [MODE] -->`:
//! without a mode the block is added to FILE (for the year file: its sections to `sections:`,
//! its events, figures and diplomatic meetings in that order after them); `zamiast` replaces
//! the entry with the same `- id:`; `fragment` must be found in FILE as it is (comments aside).
//! Then every `report-gen …` command the guide shows is run there and must succeed (`serve`
//! and `watch`, which run until stopped, with `--help` after their options, which checks
//! them and stops).

use std::fs;
use std::path::Path;
use std::process::{Command, Output};

use crate::support::harness::shipped_data;

const GUIDE: &str = include_str!("../../docs/przewodnik.md");

/// One YAML example: where it goes, how, and its text (without the fence's indentation).
struct Example {
    file: String,
    mode: Mode,
    text: String,
    line: usize,
}

#[derive(PartialEq)]
enum Mode {
    Add,
    Replace,
    Fragment,
}

/// Every ```yaml block of the guide with its comment; panics on a block without one.
fn examples() -> Vec<Example> {
    let lines: Vec<&str> = GUIDE.lines().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        if line.trim_start() != "```yaml" {
            i += 1;
            continue;
        }
        let indent = line.len() - line.trim_start().len();
        let marker = i
            .checked_sub(1)
            .map(|p| lines[p].trim())
            .and_then(|m| m.strip_prefix("<!-- sprawdzane: "))
            .and_then(|m| m.strip_suffix(" -->"))
            .unwrap_or_else(|| {
                panic!(
                    "docs/przewodnik.md:{}: a YAML example without `<!-- sprawdzane: FILE -->` before it",
                    i + 1
                )
            });
        let (file, mode) = match marker.split_once(' ') {
            Some((f, "zamiast")) => (f, Mode::Replace),
            Some((f, "fragment")) => (f, Mode::Fragment),
            None => (marker, Mode::Add),
            Some(_) => panic!("docs/przewodnik.md:{}: unknown mode in {marker:?}", i),
        };
        let mut text = String::new();
        let mut j = i + 1;
        while lines[j].trim_start() != "```" {
            text.push_str(lines[j].get(indent..).unwrap_or("").trim_end());
            text.push('\n');
            j += 1;
        }
        out.push(Example {
            file: file.to_string(),
            mode,
            text,
            line: i + 1,
        });
        i = j + 1;
    }
    out
}

/// `text` without comments (whole-line or after a value) and blank lines, to compare
/// fragments with the files they come from.
fn without_comments(text: &str) -> String {
    text.lines()
        .filter(|l| !l.trim_start().starts_with('#') && !l.trim().is_empty())
        .map(|l| l.split(" #").next().unwrap_or(l).trim_end())
        .collect::<Vec<_>>()
        .join("\n")
}

/// `file` with the entry that has the same `- id:` as `entry` replaced by it.
fn replace_entry(file: &str, entry: &str, example: &Example) -> String {
    let id_line = entry.lines().next().expect("an entry");
    let lines: Vec<&str> = file.lines().collect();
    let start = lines
        .iter()
        .position(|l| l.split(" #").next().unwrap_or(l).trim_end() == id_line)
        .unwrap_or_else(|| {
            panic!(
                "docs/przewodnik.md:{}: no `{id_line}` in {}",
                example.line, example.file
            )
        });
    // The entry runs to the next line at the margin (the next entry or its comment).
    let mut end = start + 1;
    while end < lines.len() && (lines[end].is_empty() || lines[end].starts_with(' ')) {
        end += 1;
    }
    while end > start + 1 && lines[end - 1].trim().is_empty() {
        end -= 1;
    }
    let mut out: Vec<String> = lines[..start].iter().map(|l| l.to_string()).collect();
    out.extend(entry.trim_end().lines().map(str::to_string));
    out.extend(lines[end..].iter().map(|l| l.to_string()));
    out.join("\n") + "\n"
}

/// `year` (the text `new-year` wrote) with `sections` added to the end of its `sections:`
/// list and `rest` (events, figures, diplomatic meetings) at the end.
fn year_file(year: &str, sections: &str, rest: &str) -> String {
    let lines: Vec<&str> = year.lines().collect();
    let start = lines
        .iter()
        .position(|l| *l == "sections:")
        .expect("the new year file has `sections:`");
    let mut last = start;
    for (i, l) in lines.iter().enumerate().skip(start + 1) {
        if !l.is_empty() && !l.starts_with(' ') {
            break;
        }
        if !l.trim().is_empty() {
            last = i;
        }
    }
    let mut out: Vec<&str> = lines[..=last].to_vec();
    out.push("");
    out.extend(sections.lines());
    out.extend(&lines[last + 1..]);
    out.join("\n") + "\n\n" + rest
}

/// Every `report-gen …` command of the guide (in code blocks and code spans), each once, in
/// order; without `report-gen 0.1.0` (the answer to `--version`) and the comments for editors
/// (`<!-- TODO lead: … -->` names commands still to come).
fn commands() -> Vec<String> {
    let mut shown = String::new();
    let mut rest = GUIDE;
    while let Some(start) = rest.find("<!--") {
        shown.push_str(&rest[..start]);
        let end = rest[start..]
            .find("-->")
            .map_or(rest.len(), |e| start + e + 3);
        rest = &rest[end..];
    }
    shown.push_str(rest);
    let mut out: Vec<String> = Vec::new();
    let mut add = |c: &str| {
        let c = c.trim();
        let first = c.split_whitespace().nth(1).unwrap_or("");
        if c.starts_with("report-gen ")
            && !first.starts_with(|ch: char| ch.is_ascii_digit())
            && !out.iter().any(|o| o == c)
        {
            out.push(c.to_string());
        }
    };
    for line in shown.lines() {
        if line.starts_with("    ") && !line.trim_start().starts_with('-') {
            add(line);
        }
        for (i, span) in line.split('`').enumerate() {
            if i % 2 == 1 {
                add(span);
            }
        }
    }
    out
}

fn run(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_report-gen"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("report-gen runs")
}

fn succeeded(out: &Output, what: &str) -> String {
    assert!(
        out.status.success(),
        "{what}: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn the_guides_examples_pass_check_and_make_the_chapter_it_describes() {
    let tmp = shipped_data();
    let dir = tmp.path();
    let data = dir.join("data");
    succeeded(&run(dir, &["new-year", "2024"]), "report-gen new-year 2024");
    let examples = examples();
    assert!(examples.len() >= 10, "the guide's examples were not found");
    let (mut sections, mut events, mut figures, mut diplomatic) = Default::default();
    for e in examples.iter().filter(|e| e.mode != Mode::Fragment) {
        if e.file == "years/2024.yaml" {
            let first = e.text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
            let group: &mut String = if first.starts_with("  - kind:") {
                &mut sections
            } else if first.starts_with("figures:") {
                &mut figures
            } else if first.starts_with("diplomatic:") {
                &mut diplomatic
            } else if first.starts_with("events:") || first.starts_with("  - date:") {
                &mut events
            } else {
                panic!("docs/przewodnik.md:{}: where in the year file?", e.line)
            };
            group.push_str(&e.text);
            group.push('\n');
            continue;
        }
        let path = data.join(&e.file);
        let file = fs::read_to_string(&path).unwrap_or_else(|_| panic!("{}", e.file));
        let changed = match e.mode {
            Mode::Add => file.trim_end().to_string() + "\n\n" + &e.text,
            _ => replace_entry(&file, &e.text, e),
        };
        fs::write(&path, changed).expect("write");
    }
    assert!(
        events.starts_with("events:"),
        "the first event example opens `events:`"
    );
    let year_path = data.join("years/2024.yaml");
    let year = fs::read_to_string(&year_path).expect("the new year file");
    let rest = events + "\n" + &figures + "\n" + &diplomatic;
    fs::write(&year_path, year_file(&year, &sections, &rest)).expect("write");
    // The photo of the example (4.7), in the place the guide says.
    let image = data.join("images/2024/wilno-podpisanie.jpg");
    fs::create_dir_all(image.parent().expect("folder")).expect("mkdir");
    let photo = image::RgbImage::from_fn(320, 213, |x, y| {
        image::Rgb([(x * 4 / 5) as u8, (y * 6 / 5) as u8, 140])
    });
    photo.save(&image).expect("write a JPEG");

    for e in examples.iter().filter(|e| e.mode == Mode::Fragment) {
        let file = fs::read_to_string(data.join(&e.file)).expect("file");
        assert!(
            without_comments(&file).contains(&without_comments(&e.text)),
            "docs/przewodnik.md:{}: this example is not in {}:\n{}",
            e.line,
            e.file,
            e.text
        );
    }
    let check = succeeded(&run(dir, &["check"]), "report-gen check");
    assert!(
        check.starts_with("ok: partners in 2024: cities 15, regions 1"),
        "{check}"
    );
    succeeded(
        &run(dir, &["build", "--year", "2024", "--format", "md"]),
        "report-gen build --year 2024 --format md",
    );
    let md = fs::read_to_string(dir.join("out/2024/wspolpraca-miedzynarodowa-2024.md"))
        .expect("the chapter")
        .replace('\u{a0}', " ");
    for promised in [
        // 4.2, as the guide quotes it.
        "18 kwietnia – Ambasadorem Republiki Litewskiej w Polsce Eitvydasem Bajarūnasem; rozmowy dotyczyły współpracy z Wilnem oraz obchodów rocznicy Unii Lubelskiej.",
        "odbyli 2 spotkania dyplomatyczne",
        // 4.3: counted and listed by itself, and in the table.
        "współpracę z 15 miastami partnerskimi",
        "- Wilno (Litwa);",
        "| Wilno, Litwa | Umowa o współpracy, 12.06.2024 r. |",
        // 4.5: the rename note.
        "Open & Agile Smart Cities – organizacja, która w 2024 r. zmieniła nazwę na Open & Agile Smart Cities and Communities",
        // 4.1: a list item gets its ending; the list style prints the date.
        "  - przedstawiciele Miasta wzięli udział w Dorocznej Konferencji EUROCITIES, poświęconej m.in. polityce klimatycznej;",
        "- 14 marca – spotkanie partnerów projektu w Birmingham",
        // 4.4, 4.7.
        "w Lipsku z przedstawicielami tamtejszego urzędu miasta",
        "(<images/2024/wilno-podpisanie.jpg> \"Podpisanie umowy o współpracy między Poznaniem a Wilnem\")",
        "Źródło: UMP, fot. Anna Kowalska",
    ] {
        assert!(md.contains(promised), "the chapter lacks {promised:?}:\n{md}");
    }
    // 4.1: paragraphs print no dates.
    assert!(!md.contains("9–11 maja"), "{md}");
    // 4.6: still a member in 2024, not in 2025.
    assert!(md.contains("- Mayors for Peace;"), "{md}");
    succeeded(&run(dir, &["new-year", "2025"]), "report-gen new-year 2025");
    succeeded(
        &run(dir, &["build", "--year", "2025", "--format", "md"]),
        "report-gen build --year 2025 --format md",
    );
    let next = fs::read_to_string(dir.join("out/2025/wspolpraca-miedzynarodowa-2025.md"))
        .expect("the 2025 chapter");
    assert!(!next.contains("Mayors for Peace"), "{next}");

    // Every command the guide shows, as written (the folder `dane` of its example is a copy
    // of the data).
    let copy = Command::new("cp")
        .arg("-r")
        .arg(&data)
        .arg(dir.join("dane"))
        .status()
        .expect("cp");
    assert!(copy.success());
    let commands = commands();
    assert!(commands.len() >= 15, "{commands:#?}");
    for command in &commands {
        let mut args: Vec<&str> = command.split_whitespace().skip(1).collect();
        if args[0] == "new-year" {
            continue; // done above; a second run refuses, rightly, to replace the file
        }
        if matches!(args[0], "serve" | "watch") {
            args.push("--help");
        }
        succeeded(&run(dir, &args), command);
    }
    assert!(dir.join("umowy-2024.xlsx").is_file() && dir.join("umowy-2024.csv").is_file());
}
