//! The JSON Schemas: the committed files are what the code generates, the shipped data (and the
//! data `init` writes) follows them, and they reject what the loader rejects (an unknown key,
//! a date in the wrong shape). Validation uses the `jsonschema` crate as an independent
//! validator, the way an editor would read the files.

use std::fs;
use std::path::{Path, PathBuf};

use report_gen::data::schema::{self, SchemaFile};
use serde_json::Value;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A YAML file as JSON, the way the YAML editor extension sees it.
fn yaml_as_json(text: &str) -> Value {
    let yaml: serde_yaml::Value = serde_yaml::from_str(text).expect("valid YAML");
    serde_json::to_value(yaml).expect("YAML that maps to JSON")
}

/// Every problem the schema finds in `instance`, one line each: `/events/0/date: …`.
fn problems(schema_text: &str, instance: &Value) -> Vec<String> {
    let schema: Value = serde_json::from_str(schema_text).expect("the schema is JSON");
    let validator = jsonschema::draft7::new(&schema).expect("the schema is valid draft-07");
    validator
        .iter_errors(instance)
        .map(|e| match e.instance_path().to_string() {
            at if at.is_empty() => format!("(top level): {e}"),
            at => format!("{at}: {e}"),
        })
        .collect()
}

/// The data files under `dir` (`report.yaml`, `registry/*.yaml`, `years/*.yaml`), relative.
fn data_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = vec![PathBuf::from("report.yaml")];
    for sub in ["registry", "years"] {
        let mut names: Vec<PathBuf> = fs::read_dir(dir.join(sub))
            .unwrap_or_else(|e| panic!("cannot read {}/{sub}: {e}", dir.display()))
            .map(|e| e.expect("directory entry").path())
            .filter(|p| p.extension().is_some_and(|x| x == "yaml"))
            .map(|p| PathBuf::from(sub).join(p.file_name().expect("a file name")))
            .collect();
        names.sort();
        out.extend(names);
    }
    out
}

/// Checks every data file of `dir`: its first line names the right schema by a relative path
/// that exists, and the file follows that schema. Returns every failure.
fn check_data_set(dir: &Path) -> Vec<String> {
    let mut failures = Vec::new();
    for rel in data_files(dir) {
        let path = dir.join(&rel);
        let text = fs::read_to_string(&path).expect("readable data file");
        let Some(kind) = SchemaFile::for_data_file(&rel) else {
            failures.push(format!("{}: not a data file name", path.display()));
            continue;
        };
        let first = text.lines().next().unwrap_or_default();
        let Some(target) = first.strip_prefix("# yaml-language-server: $schema=") else {
            failures.push(format!(
                "{}: the first line should be `{}`, not `{first}`",
                path.display(),
                kind.modeline()
            ));
            continue;
        };
        if !target.ends_with(&format!("/{}", kind.file_name())) {
            failures.push(format!(
                "{}: names `{target}`, not {}",
                path.display(),
                kind.file_name()
            ));
        }
        let schema_path = path.parent().expect("in a folder").join(target);
        let Ok(schema_text) = fs::read_to_string(&schema_path) else {
            failures.push(format!(
                "{}: its schema `{}` does not exist",
                path.display(),
                schema_path.display()
            ));
            continue;
        };
        for p in problems(&schema_text, &yaml_as_json(&text)) {
            failures.push(format!("{}: {p}", path.display()));
        }
    }
    failures
}

#[test]
fn committed_schemas_are_what_the_code_generates() {
    let dir = root().join("data").join(schema::SCHEMA_DIR);
    let stale: Vec<String> = SchemaFile::ALL
        .iter()
        .filter(|f| fs::read_to_string(dir.join(f.file_name())).ok() != Some(schema::render(**f)))
        .map(|f| format!("data/schema/{}", f.file_name()))
        .collect();
    assert!(
        stale.is_empty(),
        "these schema files differ from what the code generates: {}\n\
         run `report-gen schema --write data/schema` to update them (and commit them)",
        stale.join(", ")
    );
}

#[test]
fn shipped_data_follows_its_schemas() {
    let failures = check_data_set(&root().join("data"));
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn minimal_fixture_follows_its_schemas() {
    let failures = check_data_set(&root().join("tests/fixtures/minimal"));
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn a_new_data_set_follows_its_schemas() {
    let tmp = tempfile::tempdir().expect("temporary directory");
    let dir = tmp.path().join("dane");
    let info = report_gen::scaffold::CityInfo {
        city: "Kalisz".into(),
        city_genitive: "Kalisza".into(),
        office: None,
        office_abbreviation: None,
    };
    report_gen::scaffold::create(&dir, &report_gen::scaffold::init_files(&dir, &info, 2024))
        .expect("init writes its files");
    let (files, _) = report_gen::scaffold::new_year_files(&dir, 2025).expect("new-year plans");
    report_gen::scaffold::create(&dir, &files).expect("new-year writes its file");
    let failures = check_data_set(&dir);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

fn year_problems(yaml: &str) -> Vec<String> {
    problems(&schema::render(SchemaFile::Year), &yaml_as_json(yaml))
}

#[test]
fn an_unknown_key_is_rejected_where_it_is() {
    let found = year_problems(
        "year: 2022\nsections: [{kind: contacts}]\n\
         events:\n  - date: 2022-04-04\n    about: [brno]\n    txt: spotkanie\n",
    );
    assert!(
        found
            .iter()
            .any(|p| p.starts_with("/events/0: ") && p.contains("txt")),
        "{found:?}"
    );
    let found = problems(
        &schema::render(SchemaFile::Report),
        &yaml_as_json("city: Poznań\ncity_genitive: Poznania\noffice: UMP\nreport_title: R\nchapter_title: W\ncolour: red\n"),
    );
    assert!(found.iter().any(|p| p.contains("colour")), "{found:?}");
}

#[test]
fn a_wrong_date_shape_is_rejected() {
    for bad in [
        "15.07.2022",
        "2022-7-5",
        "2022-13",
        "2022-07/2022-08",
        "lipiec 2022",
        "999",
    ] {
        let found = year_problems(&format!(
            "year: 2022\nsections: [{{kind: contacts}}]\nevents:\n  - date: {bad}\n    text: x\n"
        ));
        assert!(
            found.iter().any(|p| p.starts_with("/events/0/date")),
            "`{bad}` was accepted: {found:?}"
        );
    }
    let found = problems(
        &schema::render(SchemaFile::Partners),
        &yaml_as_json(
            "- id: brno\n  name: Brno\n  kind: city\n  country: cz\n  agreements:\n    - document: U\n      signed: 16.09.1966\n      scope: K\n",
        ),
    );
    assert!(
        found
            .iter()
            .any(|p| p.starts_with("/0/agreements/0/signed")),
        "{found:?}"
    );
}

/// The pattern and the loader agree on the shape of every date form (the pattern does not know
/// calendars, so 2022-02-30 is left to `check`).
#[test]
fn the_date_schema_accepts_what_the_loader_accepts() {
    let good = [
        "2018",
        "2018-04",
        "2022-07-15",
        "2022-07-15/2022-07-17",
        "2022-12-30/2023-01-02",
        "2018-12",
    ];
    let bad = [
        "22",
        "2022-07-15/",
        "2022–07–15",
        "+2022",
        "2022-07-15-01",
        "0999",
        "",
    ];
    for (text, want) in good
        .iter()
        .map(|t| (t, true))
        .chain(bad.iter().map(|t| (t, false)))
    {
        let parsed = text.parse::<report_gen::data::date::Date>().is_ok();
        let valid = year_problems(&format!(
            "year: 2022\nsections: [{{kind: contacts}}]\nevents:\n  - date: '{text}'\n    text: x\n"
        ))
        .is_empty();
        assert_eq!((parsed, valid), (want, want), "`{text}`: loader, schema");
    }
    assert!(
        year_problems("year: 2022\nsections: []\nevents:\n  - date: 2018\n    text: x\n")
            .is_empty()
    );
    assert!(
        !year_problems("year: 2022\nsections: []\nevents:\n  - date: 99999\n    text: x\n")
            .is_empty()
    );
}

/// The editor underlines an id `check` would refuse (a capital, a Polish letter, a space) and
/// accepts the shipped kind (`gyor`, `2022-hanower`).
#[test]
fn an_id_the_check_refuses_is_underlined() {
    for bad in ["Brno", "győr", "nowy sacz", "brno_2"] {
        let found = problems(
            &schema::render(SchemaFile::Partners),
            &yaml_as_json(&format!(
                "- id: {bad}\n  name: Brno\n  kind: city\n  country: cz\n  agreements: []\n"
            )),
        );
        assert!(
            found.iter().any(|p| p.starts_with("/0/id")),
            "`{bad}` was accepted: {found:?}"
        );
    }
    for good in ["gyor", "2022-hanower", "ole-toft"] {
        let found = problems(
            &schema::render(SchemaFile::Partners),
            &yaml_as_json(&format!(
                "- id: {good}\n  name: Brno\n  kind: city\n  country: cz\n  agreements: []\n"
            )),
        );
        assert!(
            !found.iter().any(|p| p.starts_with("/0/id")),
            "`{good}`: {found:?}"
        );
    }
}
