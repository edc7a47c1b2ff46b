//! JSON Schemas of the data files, generated from the raw structs so that the editor's checks
//! and the loader's checks cannot drift apart.
//!
//! The schemas are JSON Schema draft-07: the VS Code YAML extension (Red Hat), which is what
//! staff use for completion and red underlines, fully supports draft-07 and only partly the
//! later drafts. A data file points at its schema with a first line such as
//! `# yaml-language-server: $schema=../schema/year.schema.json`.

use std::borrow::Cow;
use std::path::{Path, PathBuf};

use clap::ValueEnum;
use schemars::generate::SchemaSettings;
use schemars::{json_schema, JsonSchema, Schema, SchemaGenerator};
use serde_json::{Map, Value};

use crate::data::date::Date;
use crate::data::raw;

/// The file name of the schema folder inside a data folder (`data/schema/`).
pub const SCHEMA_DIR: &str = "schema";

/// The shapes a [`Date`] may be written in, as one regular expression (ECMA 262, as JSON Schema
/// requires): a year, a month, a day, or a range of two days. Years are 1000–9999, as the loader
/// accepts. The pattern checks the shape only; whether 2022-02-30 exists is checked by
/// `report-gen check`.
pub const DATE_PATTERN: &str = concat!(
    "^(",
    "[1-9][0-9]{3}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?",
    "|",
    "[1-9][0-9]{3}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])",
    "/",
    "[1-9][0-9]{3}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])",
    ")$"
);

/// A [`Date`] is written as text (`2022-07-15`) or, for a bare year, as a number (`2018` is an
/// integer in YAML), so the schema allows both and constrains each.
impl JsonSchema for Date {
    fn schema_name() -> Cow<'static, str> {
        "Date".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "A date, as precise as you know it: a day `2022-07-15`, several days \
                `2022-07-15/2022-07-17` (first and last day joined by a slash), a month `2018-04`, \
                or only the year `2018`. Always year first, with hyphens.",
            "type": ["string", "integer"],
            "pattern": DATE_PATTERN,
            // Shown by the VS Code YAML extension instead of the regular expression.
            "patternErrorMessage": "Write the date year first, with hyphens: 2022-07-15 (a day), \
                2022-07-15/2022-07-17 (several days), 2022-07 (a month) or 2022 (a year).",
            "minimum": 1000,
            "maximum": 9999,
            "examples": ["2022-07-15", "2022-07-15/2022-07-17", "2018-04", 2018]
        })
    }
}

/// One kind of data file, and so one schema.
#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum SchemaFile {
    /// `report.yaml`.
    Report,
    /// `registry/countries.yaml`.
    Countries,
    /// `registry/partners.yaml`.
    Partners,
    /// `registry/places.yaml`.
    Places,
    /// `registry/organisations.yaml`.
    Organisations,
    /// `registry/projects.yaml`.
    Projects,
    /// `registry/people.yaml`.
    People,
    /// `years/YYYY.yaml`.
    Year,
}

impl SchemaFile {
    /// Every schema, in the order the data files are described in the README.
    pub const ALL: [SchemaFile; 8] = [
        SchemaFile::Report,
        SchemaFile::Countries,
        SchemaFile::Partners,
        SchemaFile::Places,
        SchemaFile::Organisations,
        SchemaFile::Projects,
        SchemaFile::People,
        SchemaFile::Year,
    ];

    /// The name used on the command line and in the schema's file name: `countries`.
    pub fn name(self) -> &'static str {
        match self {
            SchemaFile::Report => "report",
            SchemaFile::Countries => "countries",
            SchemaFile::Partners => "partners",
            SchemaFile::Places => "places",
            SchemaFile::Organisations => "organisations",
            SchemaFile::Projects => "projects",
            SchemaFile::People => "people",
            SchemaFile::Year => "year",
        }
    }

    /// The schema's file name: `countries.schema.json`.
    pub fn file_name(self) -> String {
        format!("{}.schema.json", self.name())
    }

    /// The schema a data file follows, from its path relative to the data folder
    /// (`registry/places.yaml`, `years/2023.yaml`); `None` for a file that is not data.
    pub fn for_data_file(relative: &Path) -> Option<SchemaFile> {
        let parts: Vec<&str> = relative.iter().filter_map(|p| p.to_str()).collect();
        match parts.as_slice() {
            ["report.yaml"] => Some(SchemaFile::Report),
            ["years", name] => name
                .strip_suffix(".yaml")
                .filter(|y| y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit()))
                .map(|_| SchemaFile::Year),
            ["registry", name] => SchemaFile::ALL
                .into_iter()
                .find(|f| *f != SchemaFile::Year && format!("{}.yaml", f.name()) == *name),
            _ => None,
        }
    }

    /// The first line of a data file of this kind in a data folder that keeps its schemas in
    /// `schema/`: `# yaml-language-server: $schema=../schema/year.schema.json`.
    pub fn modeline(self) -> String {
        let up = if self == SchemaFile::Report {
            ""
        } else {
            "../"
        };
        format!(
            "# yaml-language-server: $schema={up}{SCHEMA_DIR}/{}",
            self.file_name()
        )
    }

    /// Title and description of the whole file, shown by editors.
    fn about(self) -> (&'static str, &'static str) {
        match self {
            SchemaFile::Report => (
                "report.yaml",
                "Who publishes the report and what it is called.",
            ),
            SchemaFile::Countries => (
                "registry/countries.yaml",
                "Countries: a list with one entry per country, each starting with `- id:`.",
            ),
            SchemaFile::Partners => (
                "registry/partners.yaml",
                "Partner cities and regions with their agreements: a list, each entry starting \
                 with `- id:`.",
            ),
            SchemaFile::Places => (
                "registry/places.yaml",
                "Other cities and regions that events or projects refer to: a list, each entry \
                 starting with `- id:`.",
            ),
            SchemaFile::Organisations => (
                "registry/organisations.yaml",
                "Organisations and networks the city belongs or belonged to: a list, each entry \
                 starting with `- id:`.",
            ),
            SchemaFile::Projects => (
                "registry/projects.yaml",
                "International projects: a list, each entry starting with `- id:`.",
            ),
            SchemaFile::People => (
                "registry/people.yaml",
                "People met in an official capacity (ambassadors, consuls general): a list, \
                 each entry starting with `- id:`.",
            ),
            SchemaFile::Year => (
                "years/YYYY.yaml",
                "One report year: the chapter's sections and what happened in the year.",
            ),
        }
    }
}

/// The schema of `file` as pretty JSON with keys in a fixed (alphabetical) order and a final
/// newline, so that the same program always prints the same bytes.
pub fn render(file: SchemaFile) -> String {
    let mut generator = SchemaSettings::draft07().into_generator();
    let mut schema = match file {
        SchemaFile::Report => generator.root_schema_for::<raw::Report>(),
        SchemaFile::Countries => registry_schema::<raw::Country>(&mut generator),
        SchemaFile::Partners | SchemaFile::Places => registry_schema::<raw::Place>(&mut generator),
        SchemaFile::Organisations => registry_schema::<raw::Organisation>(&mut generator),
        SchemaFile::Projects => registry_schema::<raw::Project>(&mut generator),
        SchemaFile::People => registry_schema::<raw::Person>(&mut generator),
        SchemaFile::Year => generator.root_schema_for::<raw::Year>(),
    };
    let (title, description) = file.about();
    schema.insert("title".into(), title.into());
    schema.insert("description".into(), description.into());
    let value = sorted(schema.to_value());
    // Serialising a `Value` built from strings, numbers and maps cannot fail; fall back to the
    // compact form rather than panic if it ever did.
    let mut text = serde_json::to_string_pretty(&value).unwrap_or_else(|_| value.to_string());
    text.push('\n');
    text
}

/// A registry file is a list of entries; a file with only comments (an empty registry) is valid
/// too, as the loader reads it as an empty list.
fn registry_schema<T: JsonSchema>(generator: &mut SchemaGenerator) -> Schema {
    let mut schema = generator.root_schema_for::<Vec<T>>();
    schema.insert("type".into(), serde_json::json!(["array", "null"]));
    schema
}

/// `value` with every object's keys in alphabetical order, whatever order the JSON library
/// keeps (another crate in the build may switch `serde_json` to insertion order).
fn sorted(value: Value) -> Value {
    match value {
        Value::Object(map) => {
            let mut entries: Vec<(String, Value)> = map.into_iter().collect();
            entries.sort_by(|a, b| a.0.cmp(&b.0));
            Value::Object(
                entries
                    .into_iter()
                    .map(|(k, v)| (k, sorted(v)))
                    .collect::<Map<String, Value>>(),
            )
        }
        Value::Array(items) => Value::Array(items.into_iter().map(sorted).collect()),
        other => other,
    }
}

/// Writes every schema into `dir`, all of them or none; returns the files written.
pub fn write_all(dir: &Path) -> Result<Vec<PathBuf>, crate::output::WriteError> {
    let mut set = crate::output::FileSet::new(dir);
    for file in SchemaFile::ALL {
        set.replace(file.file_name(), render(file));
    }
    set.commit()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_files_map_to_their_schema() {
        let of = |p: &str| SchemaFile::for_data_file(Path::new(p));
        assert_eq!(of("report.yaml"), Some(SchemaFile::Report));
        assert_eq!(of("registry/people.yaml"), Some(SchemaFile::People));
        assert_eq!(of("years/2023.yaml"), Some(SchemaFile::Year));
        assert_eq!(of("years/2023-szkic.yaml"), None);
        assert_eq!(of("registry/year.yaml"), None);
        assert_eq!(of("schema/report.schema.json"), None);
    }

    #[test]
    fn modelines_point_into_the_schema_folder() {
        assert_eq!(
            SchemaFile::Report.modeline(),
            "# yaml-language-server: $schema=schema/report.schema.json"
        );
        assert_eq!(
            SchemaFile::Year.modeline(),
            "# yaml-language-server: $schema=../schema/year.schema.json"
        );
    }

    #[test]
    fn output_is_stable_and_strict() {
        let text = render(SchemaFile::Year);
        assert_eq!(text, render(SchemaFile::Year));
        let value: Value = serde_json::from_str(&text).expect("valid JSON");
        assert_eq!(value["additionalProperties"], Value::Bool(false));
        assert_eq!(
            value["definitions"]["Event"]["additionalProperties"],
            Value::Bool(false)
        );
        assert_eq!(
            value["$schema"],
            Value::from("http://json-schema.org/draft-07/schema#")
        );
    }
}
