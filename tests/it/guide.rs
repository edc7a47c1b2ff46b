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
//! them and stops). The program runs in Polish, as the guide's readers have it.
//!
//! The messages the guide quotes are the program's: each mistake of `MISTAKES` is made on a
//! copy of that data set, and what `check` (or `lint`) then prints must contain the words the
//! guide shows for it; where the guide quotes the whole message (an indented block that starts
//! with its `file:line:col:` line), the block must be the message, line for line.

use std::fs;
use std::path::Path;
use std::process::{Command, Output};

use crate::support::harness::{copy_over, shipped_data};

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

/// A mistake the guide explains: in `file` (of the guide's data set), `from` written as `to`;
/// `command` then reports it (a `check` fails, a `lint` warns) with `shown`, words the guide
/// quotes (and, if `whole`, the whole first message, as the guide shows it).
struct Mistake {
    file: &'static str,
    from: &'static str,
    to: &'static str,
    command: &'static [&'static str],
    shown: &'static str,
    /// The guide quotes the whole message (an indented block from its `file:line:col:` line).
    whole: bool,
}

const CHECK: &[&str] = &["check"];

const MISTAKES: &[Mistake] = &[
    // 4.8: the example of how to read a message, and the table of usual mistakes.
    Mistake {
        file: "years/2024.yaml",
        from: "about: [lipsk]",
        to: "about: [lipks]",
        command: CHECK,
        shown: "czy chodziło o `lipsk`?",
        whole: true,
    },
    Mistake {
        file: "years/2024.yaml",
        from: "date: 2024-09-17",
        to: "date: 17.09.2024",
        command: CHECK,
        shown: "nie jest datą w postaci RRRR-MM-DD (np. 2022-07-15), RRRR-MM lub RRRR; czy chodziło o 2024-09-17?",
        whole: false,
    },
    Mistake {
        file: "years/2024.yaml",
        from: "credit: \"Źródło: UMP, fot. Anna Kowalska\"",
        to: "credit: Źródło: UMP, fot. Anna Kowalska",
        command: CHECK,
        shown: "credit: \"Źródło: UMP, fot. Anna Kowalska\"",
        whole: true,
    },
    Mistake {
        file: "years/2024.yaml",
        from: "      urzędu miasta; rozmawiano",
        to: "    urzędu miasta; rozmawiano",
        command: CHECK,
        shown: "      urzędu miasta; rozmawiano o transporcie publicznym.",
        whole: true,
    },
    Mistake {
        file: "years/2024.yaml",
        from: "    about: [lipsk]",
        to: "    about [lipsk]",
        command: CHECK,
        shown: "wpisz `about: [lipsk]`",
        whole: false,
    },
    Mistake {
        file: "years/2024.yaml",
        from: "    about: [lipsk]",
        to: "     about: [lipsk]",
        command: CHECK,
        shown: "klucze jednego wpisu muszą zaczynać się w tej samej kolumnie",
        whole: false,
    },
    Mistake {
        file: "years/2024.yaml",
        from: "    about: [lipsk]",
        to: "\tabout: [lipsk]",
        command: CHECK,
        shown: "wcięcie zawiera znak tabulacji",
        whole: false,
    },
    Mistake {
        file: "years/2024.yaml",
        from: "text: spotkanie partnerów projektu",
        to: "text: \"Dni Hanoweru\" spotkanie partnerów projektu",
        command: CHECK,
        shown: "zaczyna się cudzysłowem",
        whole: false,
    },
    Mistake {
        file: "years/2024.yaml",
        from: "  - kind: projects\n    heading: Projekty międzynarodowe\n    style: list\n    projects: [use-it]\n",
        to: "",
        command: CHECK,
        shown: "to wydarzenie należy do części `projects`, a w tym roku takiej nie ma",
        whole: false,
    },
    Mistake {
        file: "years/2024.yaml",
        from: "date: 2024-03-14",
        to: "date: 2024-02-30",
        command: CHECK,
        shown: "2024-02-30 nie istnieje: luty 2024 r. ma 29 dni",
        whole: false,
    },
    Mistake {
        file: "years/2024.yaml",
        from: "date: 2024-09-17",
        to: "date: 2023-09-17",
        command: CHECK,
        shown: "2023-09-17 nie należy do 2024 r., roku tego pliku",
        whole: false,
    },
    // 4.2: a diplomat's country without its official name in the genitive.
    Mistake {
        file: "registry/countries.yaml",
        from: "  official_genitive: Republiki Litewskiej\n",
        to: "",
        command: CHECK,
        shown: "„Ambasadorem Litwa w Polsce”",
        whole: true,
    },
    // 4.1: a list item written as a sentence.
    Mistake {
        file: "years/2024.yaml",
        from: "text: spotkanie partnerów projektu w Birmingham, poświęcone lokalnym inicjatywom gospodarczym",
        to: "text: Spotkanie partnerów projektu w Birmingham; Omówiono lokalne inicjatywy gospodarcze",
        command: &["lint", "2024"],
        shown: "„Spotkanie”",
        whole: true,
    },
    // 4.10: a heading colour too light to read.
    Mistake {
        file: "report.yaml",
        from: "\naccent_color: \"#1f4e79\"",
        to: "\naccent_color: \"#88aaff\"",
        command: CHECK,
        shown: "2,27:1",
        whole: false,
    },
];

/// The indented block of the guide (its lines without the four spaces, blank lines inside it
/// kept) that starts with `first`, if the guide quotes one.
fn quoted_block(first: &str) -> Option<String> {
    let lines: Vec<&str> = GUIDE.lines().collect();
    let start = lines
        .iter()
        .position(|l| l.strip_prefix("    ") == Some(first))?;
    let mut block: Vec<&str> = lines[start..]
        .iter()
        .take_while(|l| l.starts_with("    ") || l.is_empty())
        .map(|l| l.get(4..).unwrap_or(""))
        .collect();
    while block.last() == Some(&"") {
        block.pop();
    }
    Some(block.join("\n"))
}

/// Makes each mistake on a copy of `data` and compares what the program says with the guide.
/// Returns how many of them the guide quotes whole.
fn the_guide_quotes_the_messages(data: &Path) -> usize {
    let mut whole = 0;
    for m in MISTAKES {
        assert!(
            GUIDE.contains(m.shown),
            "docs/przewodnik.md does not show {:?} for `{}` written as `{}`",
            m.shown,
            m.from,
            m.to
        );
        let tmp = tempfile::tempdir().expect("temporary directory");
        copy_over(data, &tmp.path().join("data"), false);
        let path = tmp.path().join("data").join(m.file);
        let text = fs::read_to_string(&path).expect(m.file);
        assert!(text.contains(m.from), "{} has no {:?}", m.file, m.from);
        fs::write(&path, text.replacen(m.from, m.to, 1)).expect("write");
        let out = run(tmp.path(), m.command);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(
            out.status.success(),
            m.command[0] == "lint",
            "`{}` written as `{}`: {stderr}",
            m.from,
            m.to
        );
        assert!(
            stderr.contains(m.shown),
            "`{}` written as `{}`: the program does not say {:?}, as the guide does:\n{stderr}",
            m.from,
            m.to,
            m.shown
        );
        // The first message, to its blank line or the closing count.
        let message: Vec<&str> = stderr
            .lines()
            .take_while(|l| !l.is_empty() && !l.starts_with("znaleziono "))
            .collect();
        if m.whole {
            assert_eq!(
                quoted_block(message[0]),
                Some(message.join("\n")),
                "the guide does not quote this message whole, as it is"
            );
        } else if let Some(block) = quoted_block(message[0]) {
            assert_eq!(block, message.join("\n"), "the guide quotes it otherwise");
        }
        whole += usize::from(m.whole);
    }
    whole
}

fn run(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_report-gen"))
        .args(args)
        .env("REPORT_GEN_LANG", "pl")
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
    let created = succeeded(&run(dir, &["new-year", "2024"]), "report-gen new-year 2024");
    assert_eq!(
        quoted_block(created.lines().next().unwrap_or("")).as_deref(),
        Some(created.trim_end()),
        "the guide quotes `new-year` otherwise (part 3, step 1)"
    );
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
        check.starts_with("w porządku: partnerzy w 2024 r.: miasta 15, regiony 1"),
        "{check}"
    );
    assert!(
        GUIDE.contains(&format!("\n    {}\n", check.trim_end())),
        "the guide does not quote what `check` says:\n{check}"
    );
    let whole = the_guide_quotes_the_messages(&data);
    assert!(whole >= 5, "only {whole} messages quoted whole");
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
        // The photo is copied beside the file, its caption on its own line, in italics.
        "![Prezydenci Poznania i Wilna podpisują umowę przy stole, za nimi flagi obu miast](wspolpraca-miedzynarodowa-2024-zdjecia/01-wilno-podpisanie.jpg)\\\n*Podpisanie umowy o współpracy między Poznaniem a Wilnem*\\\nŹródło: UMP, fot. Anna Kowalska",
        // 4.10: the chapter's number, written without quotes.
        "# 7. Współpraca międzynarodowa",
    ] {
        assert!(md.contains(promised), "the chapter lacks {promised:?}:\n{md}");
    }
    // 4.1: paragraphs print no dates.
    assert!(!md.contains("9–11 maja"), "{md}");
    assert!(
        dir.join("out/2024/wspolpraca-miedzynarodowa-2024-zdjecia/01-wilno-podpisanie.jpg")
            .is_file(),
        "the photo is not beside the Markdown file"
    );
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
