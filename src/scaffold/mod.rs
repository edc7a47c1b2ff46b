//! New data files for staff to fill in: a whole data set for another city (`init`) and the
//! file of a new report year (`new-year`), every one commented and valid as written.
//!
//! The files' text lives in `files/` (plain YAML with `{{name}}` placeholders), so that the
//! comments staff will read can be reviewed as they will see them.

mod sections;

use crate::tr;
use std::path::{Path, PathBuf};

use crate::data::load::{self, year_path};
use crate::data::raw::SectionKind;
use crate::data::schema::{self, SchemaFile};
use crate::diag::{Diagnostic, Severity};

/// The city used when `init` is not told one: obviously not real, so it is noticed and replaced.
pub const PLACEHOLDER_CITY: (&str, &str) = ("Przykładowo", "Przykładowa");

/// What `init` needs to know about the city; every other value has a default.
#[derive(Debug, Clone)]
pub struct CityInfo {
    /// The city, nominative.
    pub city: String,
    /// The city, genitive.
    pub city_genitive: String,
    /// The publishing office (default: "Urząd Miasta <genitive>").
    pub office: Option<String>,
    /// Its abbreviation (default: "UM" and the genitive's first letter, as UMP for Poznań).
    pub office_abbreviation: Option<String>,
}

/// A file to create: its path and its text.
pub type NewFile = (PathBuf, String);

/// Why nothing was written.
#[derive(Debug)]
pub enum ScaffoldError {
    /// Files that are already there (nothing is ever overwritten), each as a diagnostic.
    Exists(Vec<Diagnostic>),
    /// The files could not be written (and whether anything was).
    Write(crate::output::WriteError),
    /// Anything else, in plain words.
    Other(anyhow::Error),
}

impl From<anyhow::Error> for ScaffoldError {
    fn from(e: anyhow::Error) -> Self {
        ScaffoldError::Other(e)
    }
}

/// The files of a new data set in `dir`: report, registry (one example partner and its
/// country), the year file of `year` with one example event, and the schemas.
pub fn init_files(dir: &Path, info: &CityInfo, year: i32) -> Vec<NewFile> {
    let placeholder = info.city == PLACEHOLDER_CITY.0;
    let office = info
        .office
        .clone()
        .unwrap_or_else(|| format!("Urząd Miasta {}", info.city_genitive));
    let abbreviation = info.office_abbreviation.clone().unwrap_or_else(|| {
        let initial: String = info.city_genitive.chars().take(1).collect();
        format!("UM{}", initial.to_uppercase())
    });
    let note = if placeholder {
        format!(
            "#\n{}\n",
            tr!("scaffold-placeholder-note", city = PLACEHOLDER_CITY.0)
        )
    } else {
        String::new()
    };
    let report = fill(
        localized("report.yaml"),
        &[
            ("placeholder_note", note),
            ("city", quote(&info.city)),
            ("city_genitive", quote(&info.city_genitive)),
            ("office", quote(&office)),
            ("office_abbreviation", quote(&abbreviation)),
            (
                "report_title",
                quote(&format!("Raport o stanie Miasta {}", info.city_genitive)),
            ),
        ],
    );
    let registry = dir.join("registry");
    let mut files = vec![
        (dir.join("report.yaml"), report),
        (
            registry.join("countries.yaml"),
            localized("countries.yaml").to_string(),
        ),
        (
            registry.join("partners.yaml"),
            localized("partners.yaml").to_string(),
        ),
        (
            registry.join("places.yaml"),
            localized("places.yaml").to_string(),
        ),
        (
            registry.join("organisations.yaml"),
            localized("organisations.yaml").to_string(),
        ),
        (
            registry.join("projects.yaml"),
            localized("projects.yaml").to_string(),
        ),
        (
            registry.join("people.yaml"),
            localized("people.yaml").to_string(),
        ),
    ];
    let events = fill(localized("events-init.yaml"), &[("year", year.to_string())]);
    files.push((
        year_path(dir, year),
        year_file(
            year,
            localized("sections-init.yaml"),
            &events,
            &abbreviation,
            &format!(
                "people: [jan-novak]             # {}",
                tr!("scaffold-add-person-first")
            ),
        ),
    ));
    files.extend(schema_files(dir));
    files
}

/// The file `years/<year>.yaml` of a data set in `dir`, with the sections of the latest year
/// before it (or after it, if there is none before), and no events. Also the year schema, if
/// the data folder does not have it yet.
pub fn new_year_files(dir: &Path, year: i32) -> Result<(Vec<NewFile>, Option<i32>), ScaffoldError> {
    if !dir.is_dir() {
        return Err(ScaffoldError::Other(anyhow::anyhow!(tr!(
            "scaffold-no-data-folder",
            folder = dir
        ))));
    }
    let (raw, _, diags) = load::load(dir);
    // Without the years folder there are no sections to copy: say so rather than start afresh.
    let years_dir = dir.join(load::YEARS_DIR);
    if let Some(d) = diags
        .iter()
        .find(|d| d.file == years_dir && d.severity == Severity::Error)
    {
        return Err(ScaffoldError::Other(anyhow::anyhow!(
            "`{}`: {}",
            d.file.display(),
            d.message
        )));
    }
    let model = raw
        .years
        .iter()
        .filter(|(y, _)| *y < year)
        .max_by_key(|(y, _)| *y)
        .or_else(|| raw.years.iter().max_by_key(|(y, _)| *y));
    let partner = raw
        .places
        .iter()
        .find(|p| !p.value.agreements.is_empty())
        .map_or("brno", |p| p.value.id.as_str());
    let copied: &[crate::data::raw::Section] = model.map_or(&[], |(_, at)| &at.value.sections);
    let events = fill(
        localized("events-new-year.yaml"),
        &[
            ("year", year.to_string()),
            ("partner", partner.to_string()),
            (
                "partner_text",
                example_text(copied, SectionKind::Partners).to_string(),
            ),
            ("more_events", more_events(&raw, copied, year)),
        ],
    );
    let (sections, from) = match model {
        Some((y, at)) => {
            let used: Vec<&crate::data::raw::Section> = raw
                .years
                .iter()
                .rev()
                .flat_map(|(_, y)| y.value.sections.iter())
                .collect();
            (sections::render(&at.value.sections, *y, &used), Some(*y))
        }
        None => (localized("sections-init.yaml").to_string(), None),
    };
    let abbreviation = raw
        .report
        .as_ref()
        .and_then(|r| r.value.office_abbreviation.clone())
        .unwrap_or_else(|| "UM".to_string());
    let mut files = vec![(
        year_path(dir, year),
        year_file(
            year,
            &sections,
            &events,
            &abbreviation,
            &meeting_people(&raw),
        ),
    )];
    let schema_path = dir
        .join(schema::SCHEMA_DIR)
        .join(SchemaFile::Year.file_name());
    if !schema_path.exists() {
        files.push((schema_path, schema::render(SchemaFile::Year)));
    }
    Ok((files, from))
}

/// Writes `files` (all inside the folder `root`), all of them or none, and none if any of them
/// exists already. A run that failed or was killed leaves no file behind, so a rerun works.
pub fn create(root: &Path, files: &[NewFile]) -> Result<(), ScaffoldError> {
    let mut set = crate::output::FileSet::new(root);
    for (path, text) in files {
        let rel = path.strip_prefix(root).map_err(|_| {
            anyhow::anyhow!(
                "internal error: `{}` is not inside `{}`",
                path.display(),
                root.display()
            )
        })?;
        set.create(rel, text.as_str());
    }
    match set.commit() {
        Ok(_) => Ok(()),
        Err(crate::output::WriteError::Exists(paths)) => Err(ScaffoldError::Exists(
            paths
                .iter()
                .map(|p| Diagnostic::error(p, None, tr!("scaffold-file-exists")))
                .collect(),
        )),
        Err(e) => Err(ScaffoldError::Write(e)),
    }
}

/// The files `init` and `new-year` write, by language: `files/xx/` holds the
/// translation of the English `files/` (same placeholders, same YAML, comments translated).
/// A language without its own copy uses the English one.
const LOCALIZED: &[(&str, &str, &str)] = &[
    ("en", "report.yaml", include_str!("files/report.yaml")),
    ("en", "countries.yaml", include_str!("files/countries.yaml")),
    ("en", "partners.yaml", include_str!("files/partners.yaml")),
    ("en", "places.yaml", include_str!("files/places.yaml")),
    (
        "en",
        "organisations.yaml",
        include_str!("files/organisations.yaml"),
    ),
    ("en", "projects.yaml", include_str!("files/projects.yaml")),
    ("en", "people.yaml", include_str!("files/people.yaml")),
    ("en", "year.yaml", include_str!("files/year.yaml")),
    (
        "en",
        "events-new-year.yaml",
        include_str!("files/events-new-year.yaml"),
    ),
    (
        "en",
        "events-init.yaml",
        include_str!("files/events-init.yaml"),
    ),
    (
        "en",
        "sections-init.yaml",
        include_str!("files/sections-init.yaml"),
    ),
    ("pl", "report.yaml", include_str!("files/pl/report.yaml")),
    (
        "pl",
        "countries.yaml",
        include_str!("files/pl/countries.yaml"),
    ),
    (
        "pl",
        "partners.yaml",
        include_str!("files/pl/partners.yaml"),
    ),
    ("pl", "places.yaml", include_str!("files/pl/places.yaml")),
    (
        "pl",
        "organisations.yaml",
        include_str!("files/pl/organisations.yaml"),
    ),
    (
        "pl",
        "projects.yaml",
        include_str!("files/pl/projects.yaml"),
    ),
    ("pl", "people.yaml", include_str!("files/pl/people.yaml")),
    ("pl", "year.yaml", include_str!("files/pl/year.yaml")),
    (
        "pl",
        "events-new-year.yaml",
        include_str!("files/pl/events-new-year.yaml"),
    ),
    (
        "pl",
        "events-init.yaml",
        include_str!("files/pl/events-init.yaml"),
    ),
    (
        "pl",
        "sections-init.yaml",
        include_str!("files/pl/sections-init.yaml"),
    ),
];

/// The file `name` of [`LOCALIZED`] in the language in force, or in English.
fn localized(name: &str) -> &'static str {
    let code = crate::i18n::lang().code();
    let find = |lang: &str| {
        LOCALIZED
            .iter()
            .find(|(l, n, _)| *l == lang && *n == name)
            .map(|(_, _, text)| *text)
    };
    find(code).or_else(|| find("en")).unwrap_or_default()
}

fn year_file(
    year: i32,
    sections: &str,
    events: &str,
    office_abbreviation: &str,
    meeting_people: &str,
) -> String {
    fill(
        localized("year.yaml"),
        &[
            ("year", year.to_string()),
            ("year2", format!("{:02}", year.rem_euclid(100))),
            ("sections", sections.trim_end().to_string()),
            ("events", events.to_string()),
            ("office_abbreviation", office_abbreviation.to_string()),
            ("meeting_people", meeting_people.to_string()),
        ],
    )
}

/// The example's `people:` line: a person of the registry whose country has its official
/// genitive (so that the example passes `check` once uncommented), else a placeholder that
/// says what to do.
fn meeting_people(raw: &load::RawData) -> String {
    let with_genitive = |country: &str| {
        raw.countries
            .iter()
            .any(|c| c.value.id == country && c.value.official_genitive.is_some())
    };
    match raw.people.iter().find(|p| with_genitive(&p.value.country)) {
        Some(p) => format!("people: [{}]", p.value.id),
        None => format!(
            "people: [id-z-people-yaml]     # {}",
            tr!("scaffold-add-person-first")
        ),
    }
}

/// An example event text written as the section of `kind` prints it: a list item continues
/// the sentence after the date (lower case, no final full stop), a paragraph is a sentence.
fn example_text(sections: &[crate::data::raw::Section], kind: SectionKind) -> &'static str {
    let list = sections
        .iter()
        .find(|s| s.kind == kind)
        .is_some_and(|s| s.style == crate::data::raw::Style::List);
    if list {
        "przedstawiciele Miasta uczestniczyli w Dniach Miasta; rozmawiano o współpracy szkół"
    } else {
        "Przedstawiciele Miasta uczestniczyli w Dniach Miasta. Rozmawiano o współpracy szkół."
    }
}

/// Commented example events about an organisation and a project of the registry, where the
/// copied sections can show them.
fn more_events(raw: &load::RawData, sections: &[crate::data::raw::Section], year: i32) -> String {
    let has = |kind: SectionKind| sections.iter().any(|s| s.kind == kind);
    let mut out = String::new();
    let member = raw.organisations.iter().find(|o| {
        o.value
            .memberships
            .iter()
            .any(|m| m.until.as_ref().is_none_or(|u| u.year() >= year))
    });
    if let (true, Some(o)) = (has(SectionKind::Memberships), member) {
        out.push_str(&format!(
            "\n#   - date: {year}-06-10/{year}-06-12\n#     about: [{}]\n#     text: uczestniczono w dorocznej konferencji sieci",
            o.value.id
        ));
    }
    if let (true, Some(p)) = (has(SectionKind::Projects), raw.projects.first()) {
        out.push_str(&format!(
            "\n#   - date: {year}-09\n#     about: [{}]\n#     text: spotkanie partnerów projektu",
            p.value.id
        ));
    }
    out
}

fn schema_files(dir: &Path) -> Vec<NewFile> {
    SchemaFile::ALL
        .iter()
        .map(|f| {
            (
                dir.join(schema::SCHEMA_DIR).join(f.file_name()),
                schema::render(*f),
            )
        })
        .collect()
}

/// `template` with every `{{name}}` replaced by its value. Values are inserted as they are
/// (placeholders are never inside values), so replacing in order is safe.
fn fill(template: &str, values: &[(&str, String)]) -> String {
    let mut out = template.to_string();
    for (name, value) in values {
        out = out.replace(&format!("{{{{{name}}}}}"), value);
    }
    out
}

/// A YAML scalar for `text`: plain when that reads back as the same string, quoted otherwise
/// (a city called "Null" or "Tak: 2" must stay text).
pub(crate) fn quote(text: &str) -> String {
    match serde_yaml::to_string(text) {
        Ok(s) if s.trim_end().lines().count() == 1 => s.trim_end().to_string(),
        _ => format!(
            "\"{}\"",
            text.replace('\\', "\\\\")
                .replace('"', "\\\"")
                .replace('\n', "\\n")
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoting_keeps_text_text() {
        assert_eq!(quote("Poznań"), "Poznań");
        assert_eq!(quote("Urząd Miasta Poznania"), "Urząd Miasta Poznania");
        for tricky in ["null", "yes", "2024", "a: b", "#1", "x\ny", "\"q\""] {
            let back: String = serde_yaml::from_str(&quote(tricky)).expect("reads back");
            assert_eq!(back, tricky);
        }
    }

    #[test]
    fn defaults_follow_the_city() {
        let info = CityInfo {
            city: "Kalisz".into(),
            city_genitive: "Kalisza".into(),
            office: None,
            office_abbreviation: None,
        };
        let files = init_files(Path::new("d"), &info, 2024);
        let report = &files[0].1;
        assert!(
            report.contains("\noffice: Urząd Miasta Kalisza\n"),
            "{report}"
        );
        assert!(report.contains("\noffice_abbreviation: UMK\n"), "{report}");
        assert!(!report.contains("placeholder"), "{report}");
        assert!(!files.iter().any(|(_, t)| t.contains("{{")), "unfilled");
    }

    /// A translation changes only comments: the YAML and the placeholders are the English
    /// file's, line for line.
    #[test]
    fn translated_files_differ_only_in_their_comments() {
        let code = |text: &str| -> Vec<String> {
            text.lines()
                .filter(|l| !l.trim_start().starts_with('#'))
                .map(str::to_string)
                .collect()
        };
        for (lang, name, text) in LOCALIZED.iter().filter(|(l, _, _)| *l != "en") {
            let english = LOCALIZED
                .iter()
                .find(|(l, n, _)| *l == "en" && n == name)
                .unwrap_or_else(|| panic!("{lang}/{name} has no English original"));
            assert_eq!(code(text), code(english.2), "files/{lang}/{name}");
        }
    }
}
