//! Reading the data directory: every file parsed into raw structs, with its source kept for diagnostics.

use crate::tr;
use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use serde::de::DeserializeOwned;

use crate::data::yaml::{self, PathIndex, Value};
use crate::data::{chars, raw};
use crate::diag::{Diagnostic, Span};

/// Files larger than this are refused rather than parsed (a data file is a few tens of KB).
pub const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;

/// The registry files, in the order they are read, with what each holds.
pub const REGISTRY_FILES: [(&str, &str); 6] = [
    ("countries.yaml", "countries"),
    (
        "partners.yaml",
        "partner cities and regions with their agreements",
    ),
    ("places.yaml", "other places"),
    ("organisations.yaml", "organisations"),
    ("projects.yaml", "projects"),
    ("people.yaml", "people met (diplomats)"),
];

/// Index of a file in [`Sources`].
pub type FileId = usize;

/// A file that was read, kept for excerpts and positions.
#[derive(Debug)]
pub struct SourceFile {
    /// The path as shown to the user.
    pub path: PathBuf,
    /// Its text (empty if it could not be read).
    pub text: String,
    /// The text as parsed, when it differs: with each invisible control character replaced by
    /// a space (they are reported, and the rest of the file is still read; see `chars::scrub`).
    scrubbed: Option<String>,
    /// Positions of its keys and values, built on first use (see [`SourceFile::index`]).
    index: OnceLock<PathIndex>,
    /// Its nesting depth and the characters of its values (measured once, when read).
    survey: yaml::Survey,
    /// List items left out because they had problems (paths into the data read from this file
    /// are mapped over them to point at the right place).
    pub removed: yaml::Removed,
    /// Whether parts of the file could not be read (checks that need the whole file, such as
    /// "this figure is never used", are skipped for it).
    pub incomplete: bool,
}

impl SourceFile {
    /// Positions of the file's keys and values. Only diagnostics need them, and most files have
    /// none: the index (a second parse of the file, with a path per value) is built the first
    /// time it is asked for.
    pub fn index(&self) -> &PathIndex {
        self.index
            .get_or_init(|| PathIndex::build(self.parsed_text()))
    }

    /// The non-ASCII characters used in the file's values (not its comments), sorted; `None`
    /// when the file could not be read to its end.
    pub fn value_chars(&self) -> Option<&[char]> {
        self.survey.scalar_chars.as_deref()
    }

    /// Parses the file's text (again).
    pub fn parse(&self) -> Result<Value, yaml::Problem> {
        yaml::parse_measured(self.parsed_text(), self.survey.too_deep)
    }

    /// The text the parser reads (see `scrubbed`).
    fn parsed_text(&self) -> &str {
        self.scrubbed.as_deref().unwrap_or(&self.text)
    }
}

/// All files read, so that any later step can point into them.
#[derive(Debug, Default)]
pub struct Sources {
    files: Vec<SourceFile>,
}

impl Sources {
    /// How many files were read.
    pub fn len(&self) -> usize {
        self.files.len()
    }

    /// Whether no file was read.
    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }

    /// The file with this id.
    pub fn file(&self, id: FileId) -> &SourceFile {
        &self.files[id]
    }

    /// An error about the value at `path` in `file` (`at_key`: point at its key).
    pub fn error(
        &self,
        file: FileId,
        path: &str,
        at_key: bool,
        message: impl Into<String>,
    ) -> Diagnostic {
        let f = &self.files[file];
        let path = yaml::original_path(path, &f.removed);
        Diagnostic::error(&f.path, f.index().locate(&path, at_key), message)
    }

    /// A warning about the value at `path` in `file`.
    pub fn warning(&self, file: FileId, path: &str, message: impl Into<String>) -> Diagnostic {
        let f = &self.files[file];
        let path = yaml::original_path(path, &f.removed);
        Diagnostic::warning(&f.path, f.index().locate(&path, false), message)
    }

    /// Text of the file a diagnostic points into, for its excerpt.
    pub fn text_of(&self, path: &Path) -> Option<&str> {
        self.files
            .iter()
            .find(|f| f.path == path)
            .map(|f| f.text.as_str())
    }

    /// Renders diagnostics with excerpts, sorted by file and position.
    pub fn render(&self, diagnostics: &[Diagnostic]) -> String {
        let mut sorted: Vec<&Diagnostic> = diagnostics.iter().collect();
        sorted.sort_by(|a, b| (&a.file, a.span, a.severity).cmp(&(&b.file, b.span, b.severity)));
        // Each file is split into lines once: searching a 10 MB file for the line of each of
        // thousands of diagnostics took minutes.
        let mut lines: std::collections::HashMap<&Path, Vec<&str>> = Default::default();
        sorted
            .iter()
            .map(|d| {
                let line = d.span.and_then(|span| {
                    let text = self.text_of(&d.file)?;
                    let of_file = lines
                        .entry(d.file.as_path())
                        .or_insert_with(|| text.lines().collect());
                    of_file.get(span.line.checked_sub(1)?).copied()
                });
                d.render_with_line(line)
            })
            .collect::<Vec<_>>()
            .join("\n")
    }

    fn add(&mut self, path: PathBuf, text: String, scrubbed: Option<String>) -> FileId {
        let survey = yaml::survey(scrubbed.as_deref().unwrap_or(&text));
        self.files.push(SourceFile {
            path,
            text,
            scrubbed,
            index: OnceLock::new(),
            survey,
            removed: yaml::Removed::new(),
            incomplete: false,
        });
        self.files.len() - 1
    }
}

/// A value read from a file, with where it came from.
#[derive(Debug, Clone)]
pub struct At<T> {
    /// The file.
    pub file: FileId,
    /// Path of the value in the file: `[3]` for the fourth entry of a registry list.
    pub path: String,
    /// The value.
    pub value: T,
}

/// Everything read from a data directory, before validation.
#[derive(Debug, Default)]
pub struct RawData {
    /// The data directory.
    pub root: PathBuf,
    /// `report.yaml`.
    pub report: Option<At<raw::Report>>,
    /// `registry/countries.yaml`.
    pub countries: Vec<At<raw::Country>>,
    /// `registry/partners.yaml` and `registry/places.yaml`.
    pub places: Vec<At<raw::Place>>,
    /// `registry/organisations.yaml`.
    pub organisations: Vec<At<raw::Organisation>>,
    /// `registry/projects.yaml`.
    pub projects: Vec<At<raw::Project>>,
    /// `registry/people.yaml`.
    pub people: Vec<At<raw::Person>>,
    /// `years/*.yaml`, by year (the year in the file name).
    pub years: Vec<(i32, At<raw::Year>)>,
    /// Ids defined in files that could not be read in full, so that references to them are not
    /// reported as unknown on top of the file's own errors.
    pub ids_in_broken_files: BTreeSet<String>,
    /// Registry files that could not be read at all (syntax error, not a list): references to
    /// the ids they define cannot be checked.
    pub unreadable: BTreeSet<String>,
}

/// Reads every file of the data directory `root`. Problems are returned as diagnostics; whatever
/// could be read is returned too.
pub fn load(root: &Path) -> (RawData, Sources, Vec<Diagnostic>) {
    let mut data = RawData {
        root: root.to_path_buf(),
        ..RawData::default()
    };
    let mut sources = Sources::default();
    let mut diags = Vec::new();
    if fs::metadata(root).is_err_and(|e| e.kind() == std::io::ErrorKind::NotFound) {
        diags.push(
            Diagnostic::error(root, None, tr!("load-no-data-dir"))
                .with_help(tr!("load-no-data-dir-help")),
        );
        return (data, sources, diags);
    }
    if let Some(problem) = folder_problem(root) {
        diags.push(problem);
        return (data, sources, diags);
    }
    let mut reader = Reader {
        real_root: fs::canonicalize(root).ok(),
        sources: &mut sources,
        diags: &mut diags,
        broken: &mut data.ids_in_broken_files,
        unreadable: &mut data.unreadable,
    };

    let report_path = root.join("report.yaml");
    if is_file_or_unreadable(&report_path) {
        data.report = reader.read_one(&report_path);
    } else {
        reader.diags.push(
            Diagnostic::error(&report_path, None, tr!("load-no-report"))
                .with_help(tr!("load-no-report-help")),
        );
    }

    let registry = root.join("registry");
    let registry_problem = folder_problem(&registry);
    let registry_broken = registry_problem.is_some();
    reader.diags.extend(registry_problem);
    for (name, _) in REGISTRY_FILES {
        let path = registry.join(name);
        if registry_broken {
            // Reported once above; the ids of the registry cannot be checked.
            reader.unreadable.insert(name.to_string());
            continue;
        }
        if !is_file_or_unreadable(&path) {
            continue;
        }
        match name {
            "countries.yaml" => data.countries = reader.read_list(&path),
            "partners.yaml" | "places.yaml" => data.places.extend(reader.read_list(&path)),
            "organisations.yaml" => data.organisations = reader.read_list(&path),
            "projects.yaml" => data.projects = reader.read_list(&path),
            _ => data.people = reader.read_list(&path),
        }
    }
    if !registry_broken {
        reader.unexpected_files(&registry, |name| {
            REGISTRY_FILES.iter().any(|(n, _)| *n == name)
        });
    }

    let years_dir = root.join(YEARS_DIR);
    let mut year_files: Vec<(i32, PathBuf)> = Vec::new();
    if let Some(problem) = folder_problem(&years_dir) {
        reader.diags.push(problem);
    }
    if let Ok(entries) = fs::read_dir(&years_dir) {
        for entry in entries.flatten() {
            let path = entry.path();
            let year = path
                .file_name()
                .and_then(|n| n.to_str())
                .and_then(|n| n.strip_suffix(".yaml"))
                .filter(|stem| stem.len() == 4)
                .and_then(|stem| stem.parse::<i32>().ok());
            match year {
                Some(y) if path.is_file() => year_files.push((y, path)),
                _ => reader.diags.push(
                    Diagnostic::warning(&path, None, tr!("load-year-file-name"))
                        .with_help(tr!("load-year-file-name-help")),
                ),
            }
        }
    }
    year_files.sort();
    for (year, path) in year_files {
        if let Some(y) = reader.read_one::<raw::Year>(&path) {
            data.years.push((year, y));
        }
    }
    (data, sources, diags)
}

/// Why the folder `dir` of the data cannot be read, if it exists and cannot: a file where the
/// folder should be, or a folder that cannot be listed (its permissions). A missing folder is
/// no problem here (an empty registry, no years yet).
fn folder_problem(dir: &Path) -> Option<Diagnostic> {
    match fs::metadata(dir) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Ok(m) if !m.is_dir() => Some(
            Diagnostic::error(dir, None, tr!("load-not-a-folder"))
                .with_help(tr!("load-not-a-folder-help")),
        ),
        Ok(_) => fs::read_dir(dir).err().map(|e| cannot_open(dir, &e)),
        Err(e) => Some(cannot_open(dir, &e)),
    }
}

fn cannot_open(dir: &Path, e: &std::io::Error) -> Diagnostic {
    Diagnostic::error(
        dir,
        None,
        tr!("load-folder-unreadable", cause = e.to_string()),
    )
    .with_help(tr!("load-folder-unreadable-help"))
}

/// Whether `path` is a file, or something that cannot even be looked at (so that reading it
/// reports why, rather than taking it for missing).
fn is_file_or_unreadable(path: &Path) -> bool {
    match fs::metadata(path) {
        Ok(m) => m.is_file(),
        Err(e) => e.kind() != std::io::ErrorKind::NotFound,
    }
}

/// The folder of a data set that holds one file per report year.
pub const YEARS_DIR: &str = "years";

/// Where the data of `year` lives in the data folder `root`: `ROOT/years/YEAR.yaml`.
pub fn year_path(root: &Path, year: i32) -> PathBuf {
    root.join(YEARS_DIR).join(format!("{year}.yaml"))
}

struct Reader<'a> {
    /// The data folder with links followed: every file read must be inside it.
    real_root: Option<PathBuf>,
    sources: &'a mut Sources,
    diags: &'a mut Vec<Diagnostic>,
    broken: &'a mut BTreeSet<String>,
    unreadable: &'a mut BTreeSet<String>,
}

impl Reader<'_> {
    /// Reads and parses a file; `None` (with diagnostics) if it cannot be read or parsed.
    fn parse_file(&mut self, path: &Path) -> Option<(FileId, Value)> {
        // A link (symlink) to a file elsewhere is not read: only what is in the data folder
        // is, so that the data set is what the folder holds (and a copy of it is complete).
        if let (Ok(real), Some(root)) = (fs::canonicalize(path), &self.real_root) {
            if !real.starts_with(root) {
                self.diags.push(
                    Diagnostic::error(path, None, tr!("load-link-outside", target = real))
                        .with_help(tr!("load-link-outside-help")),
                );
                return None;
            }
        }
        let bytes = match fs::metadata(path) {
            Ok(m) if m.len() > MAX_FILE_BYTES => {
                self.diags.push(
                    Diagnostic::error(path, None, tr!("load-too-large", mb = m.len() / 1_000_000))
                        .with_help(tr!("load-too-large-help")),
                );
                return None;
            }
            _ => match fs::read(path) {
                Ok(b) => b,
                Err(e) => {
                    self.diags.push(Diagnostic::error(
                        path,
                        None,
                        tr!("load-unreadable", cause = e.to_string()),
                    ));
                    return None;
                }
            },
        };
        let text = match String::from_utf8(bytes) {
            Ok(t) => t,
            Err(e) => {
                let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
                let before = String::from_utf8_lossy(valid);
                let line = before.matches('\n').count() + 1;
                let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
                self.diags.push(
                    Diagnostic::error(path, Some(Span { line, col }), tr!("load-not-utf8"))
                        .with_help(tr!("load-not-utf8-help")),
                );
                return None;
            }
        };
        // A byte-order mark is accepted; the text is kept without it so excerpts line up.
        let text = match text.strip_prefix('\u{feff}') {
            Some(t) => t.to_string(),
            None => text,
        };
        // Invisible control characters are reported where they are, and parsed as spaces so
        // that the rest of the file is still checked (YAML itself refuses most of them, at the
        // start of the file, by byte offset).
        let (scrubbed, controls) = match chars::scrub(&text) {
            (std::borrow::Cow::Owned(clean), found) => (Some(clean), found),
            (std::borrow::Cow::Borrowed(_), found) => (None, found),
        };
        for (span, c) in &controls {
            self.diags.push(
                Diagnostic::error(
                    path,
                    Some(*span),
                    tr!("load-control-char", char = chars::describe(*c)),
                )
                .with_help(tr!("load-control-char-help"))
                .with_width(1),
            );
        }
        let id = self.sources.add(path.to_path_buf(), text, scrubbed);
        let file = self.sources.file(id);
        if let Some(span) = file.survey.second_document {
            self.diags.push(
                Diagnostic::error(path, Some(span), tr!("load-second-document"))
                    .with_help(tr!("load-second-document-help")),
            );
            return None;
        }
        if let Some(span) = file.survey.complex_key {
            self.diags.push(
                Diagnostic::error(path, Some(span), tr!("load-complex-key"))
                    .with_help(tr!("load-complex-key-help")),
            );
            return None;
        }
        match file.parse() {
            Ok(mut v) => {
                for bad in yaml::clean_values(&mut v, chars::forbidden_in_value) {
                    let what = if bad.in_key { "key" } else { "text" };
                    let mut d = self.sources.error(
                        id,
                        &bad.path,
                        bad.in_key,
                        tr!(
                            "load-escaped-control-char",
                            what = what,
                            char = chars::describe(bad.c)
                        ),
                    );
                    d.help = Some(tr!("load-escaped-control-char-help"));
                    self.diags.push(d);
                }
                Some((id, v))
            }
            Err(p) => {
                let span = match self.sources.file(id).index().duplicate_key() {
                    Some(at) if p.message.contains("duplicate entry") => Some(at),
                    _ => p.span,
                };
                let mut d = Diagnostic::error(path, span, p.message);
                d.help = p.help;
                self.diags.push(d);
                None
            }
        }
    }

    fn report(&mut self, file: FileId, prefix: &str, problems: Vec<yaml::Problem>) {
        for p in problems {
            if p.path.is_none() && p.span.is_none() {
                // About the file as a whole ("the check stopped after …").
                let path = self.sources.file(file).path.clone();
                let mut d = Diagnostic::error(&path, None, p.message);
                d.help = p.help;
                self.diags.push(d);
                continue;
            }
            let path = match (prefix, p.path.as_deref()) {
                (pre, Some("")) => pre.to_string(),
                (pre, Some(rest)) if rest.starts_with('[') => format!("{pre}{rest}"),
                ("", Some(rest)) => rest.to_string(),
                (pre, Some(rest)) => format!("{pre}.{rest}"),
                (pre, None) => pre.to_string(),
            };
            let mut d = self.sources.error(file, &path, p.at_key, p.message);
            d.help = p.help;
            self.diags.push(d);
        }
    }

    fn read_one<T: DeserializeOwned>(&mut self, path: &Path) -> Option<At<T>> {
        let (file, value) = self.parse_file(path)?;
        if value.is_null() {
            self.diags.push(
                Diagnostic::error(path, None, tr!("load-empty")).with_help(tr!("load-empty-help")),
            );
            return None;
        }
        match yaml::deserialize_all::<T>(&value) {
            Ok(v) => Some(At {
                file,
                path: String::new(),
                value: v,
            }),
            Err(partial) => {
                let value = self.partial(file, &value, partial)?;
                Some(At {
                    file,
                    path: String::new(),
                    value,
                })
            }
        }
    }

    fn read_list<T: DeserializeOwned>(&mut self, path: &Path) -> Vec<At<T>> {
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default()
            .to_string();
        let Some((file, value)) = self.parse_file(path) else {
            self.unreadable.insert(name);
            return Vec::new();
        };
        if value.is_null() {
            return Vec::new(); // an empty registry file is an empty list
        }
        if !value.is_sequence() {
            self.diags.push(
                self.sources
                    .error(file, "", false, tr!("load-not-a-list"))
                    .with_help(tr!("load-not-a-list-help")),
            );
            self.unreadable.insert(name);
            return Vec::new();
        }
        let items = match yaml::deserialize_all::<Vec<T>>(&value) {
            Ok(items) => items,
            Err(partial) => self.partial(file, &value, partial).unwrap_or_default(),
        };
        items
            .into_iter()
            .enumerate()
            .map(|(i, v)| At {
                file,
                path: format!("[{i}]"),
                value: v,
            })
            .collect()
    }

    /// Reports the problems of a partly readable file and keeps what could be read, so that
    /// the rest of the data is still checked in this run.
    fn partial<T>(&mut self, file: FileId, value: &Value, partial: yaml::Partial<T>) -> Option<T> {
        self.remember_ids(value);
        self.report(file, "", partial.problems);
        self.sources.files[file].removed = partial.removed;
        self.sources.files[file].incomplete = true;
        partial.value
    }

    fn remember_ids(&mut self, value: &Value) {
        if let Some(items) = value.as_sequence() {
            for item in items {
                if let Some(id) = item.get("id").and_then(Value::as_str) {
                    self.broken.insert(id.to_string());
                }
            }
        }
        if let Some(figs) = value.get("figures").and_then(Value::as_sequence) {
            for f in figs {
                if let Some(id) = f.get("id").and_then(Value::as_str) {
                    self.broken.insert(id.to_string());
                }
            }
        }
    }

    fn unexpected_files(&mut self, dir: &Path, known: impl Fn(&str) -> bool) {
        let Ok(entries) = fs::read_dir(dir) else {
            return;
        };
        let mut names: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
        names.sort();
        for path in names {
            let name = path
                .file_name()
                .and_then(|n| n.to_str())
                .unwrap_or_default()
                .to_string();
            if !known(&name) {
                let expected: Vec<&str> = REGISTRY_FILES.iter().map(|(n, _)| *n).collect();
                let help = match crate::diag::suggest(&name, expected.iter().copied()) {
                    Some(s) => tr!("did-you-mean", suggestion = s),
                    None => tr!("load-registry-files", files = expected.join(", ")),
                };
                self.diags
                    .push(Diagnostic::warning(&path, None, tr!("load-not-read")).with_help(help));
            }
        }
    }
}
