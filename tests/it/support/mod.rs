//! What several test areas share: running the binary on fixtures (`harness`), documents for the
//! writers (`documents`, `html_fixtures`), and checks of the PDFs (`boxes`, `tagged`),
//! and of the Word documents (`ooxml`).

pub mod boxes;
pub mod documents;
pub mod harness;
pub mod html_fixtures;
pub mod ooxml;
pub mod running;
pub mod tagged;

/// Converts `files` with LibreOffice in one run (one start-up for all) to `filter` (`pdf`,
/// `csv:…`), into `out`; a profile of its own, so that it never meets a running LibreOffice
/// or the user's.
pub fn libreoffice_convert(files: &[std::path::PathBuf], filter: &str, out: &std::path::Path) {
    let profile = tempfile::tempdir().unwrap();
    let result = std::process::Command::new("soffice")
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.path().display()
        ))
        .args([
            "--headless",
            "--norestore",
            "--convert-to",
            filter,
            "--outdir",
        ])
        .arg(out)
        .args(files)
        .env("HOME", profile.path())
        .output()
        .unwrap_or_else(|e| {
            panic!("LibreOffice (`soffice`) is needed: run tests/run.sh, which installs it: {e}")
        });
    assert!(
        result.status.success(),
        "soffice failed: {}{}",
        String::from_utf8_lossy(&result.stdout),
        String::from_utf8_lossy(&result.stderr)
    );
}

/// The first line of a page's text that is not blank (its running head), or "".
pub fn first_line(page: &str) -> &str {
    page.lines()
        .find(|l| !l.trim().is_empty())
        .unwrap_or_default()
}

/// The last line of a page's text that is not blank (its footer), or "".
pub fn last_line(page: &str) -> &str {
    page.lines()
        .rev()
        .find(|l| !l.trim().is_empty())
        .unwrap_or_default()
}

/// Parses "16.09.1966 r." into (year, month, day), checking the printed form: day without a
/// leading zero, two-digit month, four-digit year, then " r.".
pub fn numeric_date(s: &str) -> (u32, u32, u32) {
    let digits = s
        .strip_suffix(" r.")
        .unwrap_or_else(|| panic!("no \" r.\" after the date {s:?}"));
    let parts: Vec<&str> = digits.split('.').collect();
    assert_eq!(parts.len(), 3, "not d.mm.yyyy: {s:?}");
    assert!(
        !parts[0].starts_with('0') && (1..=2).contains(&parts[0].len()),
        "day printed with a leading zero or badly: {s:?}"
    );
    assert_eq!(parts[1].len(), 2, "month not two digits: {s:?}");
    assert_eq!(parts[2].len(), 4, "year not four digits: {s:?}");
    let n = |p: &str| p.parse::<u32>().unwrap_or_else(|_| panic!("{s:?}"));
    (n(parts[2]), n(parts[1]), n(parts[0]))
}

/// Splits CSV text (RFC 4180 with `separator` between fields, CRLF line ends) into records of
/// fields.
pub fn parse_csv(csv: &str, separator: char) -> Vec<Vec<String>> {
    let mut records = Vec::new();
    let mut record = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = csv.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            ('"', true) => quoted = false,
            ('"', false) if field.is_empty() => quoted = true,
            (c, false) if c == separator => record.push(std::mem::take(&mut field)),
            ('\r', false) if chars.peek() == Some(&'\n') => {}
            ('\n', false) => {
                record.push(std::mem::take(&mut field));
                records.push(std::mem::take(&mut record));
            }
            _ => field.push(c),
        }
    }
    if !field.is_empty() || !record.is_empty() {
        record.push(field);
        records.push(record);
    }
    records
}
