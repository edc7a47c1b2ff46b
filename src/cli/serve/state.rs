//! What `serve` shows: the data set as last loaded, every chapter rendered from it (in memory,
//! on demand, cached until the next change), the last good chapter of each year and format, and
//! the problems of a failed rebuild, as values the pages and the event stream read.

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::time::Duration;

use serde::Serialize;

use super::super::report::one_line;
use report_gen::build::{self, BuildError, Format};
use report_gen::chapter::templates::Templates;
use report_gen::data::load::Sources;
use report_gen::data::model::DataSet;
use report_gen::data::{load_data, Loaded};
use report_gen::diag::{has_errors, Diagnostic, Located, Severity};

/// At most this many problems are sent to the page; a data set with an error in every one of
/// thousands of events would otherwise make an overlay of megabytes.
const MAX_PROBLEMS: usize = 100;

/// The formats a page can ask for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(super) enum Kind {
    Html,
    Pdf,
    Md,
}

impl Kind {
    /// The `Content-Type` it is served with; Markdown as plain text, so that the browser shows
    /// it instead of downloading it.
    pub(super) fn content_type(self) -> &'static str {
        match self {
            Kind::Html => "text/html; charset=utf-8",
            Kind::Pdf => "application/pdf",
            Kind::Md => "text/plain; charset=utf-8",
        }
    }

    fn format(self) -> Format {
        match self {
            Kind::Html => Format::Html,
            Kind::Pdf => Format::Pdf,
            Kind::Md => Format::Md,
        }
    }
}

/// One problem as the page's overlay shows it.
#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub(super) struct Problem {
    /// "error" or "warning".
    pub level: &'static str,
    /// `data/years/2022.yaml:5:9`, or the file alone, or empty.
    pub place: String,
    /// What is wrong.
    pub message: String,
    /// What to do, when known.
    pub help: Option<String>,
    /// The lines of the file around the place, with a caret under it, as the terminal shows
    /// them (empty when the problem has no line).
    pub excerpt: String,
    /// The whole diagnostic as the terminal shows it (place, message, excerpt, help).
    #[serde(skip)]
    pub text: String,
}

impl Problem {
    fn of(d: &Diagnostic, file_text: Option<&str>) -> Problem {
        let place = match d.span {
            Some(s) => format!("{}:{}:{}", d.file.display(), s.line, s.col),
            None => d.file.display().to_string(),
        };
        Problem {
            level: match d.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
            },
            place,
            message: d.message.clone(),
            help: d.help.clone(),
            excerpt: String::new(),
            text: d.render(file_text),
        }
        .with_excerpt()
    }

    /// Takes the excerpt out of the rendered text: the lines between the first (place and
    /// message, shown on their own) and the help.
    fn with_excerpt(mut self) -> Problem {
        let lines: Vec<&str> = self
            .text
            .lines()
            .skip(1)
            .filter(|l| !l.starts_with("  = help:"))
            .collect();
        self.excerpt = lines.join("\n");
        self
    }

    fn located(d: &Located) -> Problem {
        Problem::of(&d.diagnostic, d.text.as_deref())
    }

    fn other(e: &anyhow::Error) -> Problem {
        let message = one_line(e);
        Problem {
            level: "error",
            place: String::new(),
            text: format!("error: {message}\n"),
            message,
            help: None,
            excerpt: String::new(),
        }
    }

    fn all(sources: &Sources, diags: &[Diagnostic]) -> Vec<Problem> {
        let mut sorted: Vec<&Diagnostic> = diags
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .collect();
        sorted.sort_by(|a, b| (&a.file, a.span).cmp(&(&b.file, b.span)));
        sorted
            .into_iter()
            .take(MAX_PROBLEMS)
            .map(|d| Problem::of(d, sources.text_of(&d.file)))
            .collect()
    }
}

/// Why a chapter is not there: every problem (at most [`MAX_PROBLEMS`]) and how many there were.
#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub(super) struct Problems {
    pub total: usize,
    pub problems: Vec<Problem>,
}

impl Problems {
    fn from(problems: Vec<Problem>) -> Problems {
        Problems {
            total: problems.len(),
            problems,
        }
    }
}

/// A data set that loaded without errors, with its templates.
struct Good {
    set: DataSet,
    sources: Sources,
    templates: Templates,
}

/// The result of one (re)load: the data or why there is none.
type Load = Result<Arc<Good>, Arc<Problems>>;

/// A rendered chapter, or why it could not be made.
pub(super) type Rendered = Result<Arc<Vec<u8>>, Arc<Problems>>;

/// What a reload rendered for the open pages: year, format, result.
pub(super) type Renders = Vec<(i32, Kind, Rendered)>;

struct State {
    /// Counts the loads; a page knows which one it shows.
    generation: u64,
    load: Load,
    /// The years of the last data set that loaded.
    years: Vec<i32>,
    /// Renders of this generation.
    rendered: HashMap<(i32, Kind), Rendered>,
    /// Renders under way (of any generation), so that a second caller waits instead.
    rendering: HashSet<(i32, Kind)>,
    /// The last good render of each year and format, of any generation.
    last_good: HashMap<(i32, Kind), Arc<Vec<u8>>>,
    /// What the open pages show (the chapter's page or the PDF view of a year), with how many
    /// pages show each: rendered right after a change.
    shown: HashMap<(i32, Kind), usize>,
}

/// The state every request thread reads and the rebuild loop writes.
pub(super) struct Shared {
    state: Mutex<State>,
    /// Notified after every reload.
    reloaded: Condvar,
    /// Notified after every render.
    rendered: Condvar,
    data: PathBuf,
    templates: Option<PathBuf>,
    pdf_epoch: Option<i64>,
}

impl Shared {
    /// Nothing loaded yet (call [`Shared::reload`]); `pdf_epoch` is `SOURCE_DATE_EPOCH`, when set.
    pub(super) fn new(
        data: PathBuf,
        templates: Option<PathBuf>,
        pdf_epoch: Option<i64>,
    ) -> Arc<Shared> {
        Arc::new(Shared {
            state: Mutex::new(State {
                generation: 0,
                load: Err(Arc::new(Problems::from(Vec::new()))),
                years: Vec::new(),
                rendered: HashMap::new(),
                rendering: HashSet::new(),
                last_good: HashMap::new(),
                shown: HashMap::new(),
            }),
            reloaded: Condvar::new(),
            rendered: Condvar::new(),
            data,
            templates,
            pdf_epoch,
        })
    }

    fn lock(&self) -> MutexGuard<'_, State> {
        // A panicking request thread must not take the server down with it.
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Reloads the templates and the data, renders what the open pages show, and
    /// wakes the event streams. Returns the problems when the data does not load, and the
    /// renders done.
    pub(super) fn reload(&self) -> (Option<Arc<Problems>>, Renders) {
        let load = self.load();
        let years = {
            let mut st = self.lock();
            st.generation += 1;
            if let Ok(good) = &load {
                st.years = good.set.years.keys().copied().collect();
            }
            st.load = load.clone();
            st.rendered.clear();
            let mut shown: Vec<(i32, Kind)> = st.shown.keys().copied().collect();
            shown.sort_unstable_by_key(|&(y, k)| (y, k as u8));
            shown
        };
        // The pages first, then the event streams are woken (a PDF view waits for its PDF, in
        // `render`), then the PDFs: a slower PDF never holds up a page.
        let (pages, pdfs): (Vec<_>, Vec<_>) = years.into_iter().partition(|&(_, k)| k != Kind::Pdf);
        let mut renders: Renders = pages
            .into_iter()
            .map(|(y, k)| (y, k, self.render(y, k)))
            .collect();
        self.reloaded.notify_all();
        renders.extend(pdfs.into_iter().map(|(y, k)| (y, k, self.render(y, k))));
        (load.err(), renders)
    }

    fn load(&self) -> Load {
        let templates = Templates::new(self.templates.as_deref())
            .map_err(|e| Arc::new(Problems::from(vec![Problem::other(&e)])))?;
        let Loaded {
            set,
            diagnostics,
            sources,
        } = load_data(&self.data);
        match set {
            Some(set) if !has_errors(&diagnostics) => Ok(Arc::new(Good {
                set,
                sources,
                templates,
            })),
            _ => {
                let errors = diagnostics
                    .iter()
                    .filter(|d| d.severity == Severity::Error)
                    .count();
                Err(Arc::new(Problems {
                    total: errors,
                    problems: Problem::all(&sources, &diagnostics),
                }))
            }
        }
    }

    /// Why the data or templates did not load, if they did not.
    pub(super) fn load_problems(&self) -> Option<Arc<Problems>> {
        self.lock().load.clone().err()
    }

    /// The generation now and the years of the data set (of the last good load).
    pub(super) fn now(&self) -> (u64, Vec<i32>) {
        let st = self.lock();
        (st.generation, st.years.clone())
    }

    /// `year` in `kind`, from the data as loaded now (cached until the next change).
    /// Rendered once per generation: a second caller waits for the first one's result.
    pub(super) fn render(&self, year: i32, kind: Kind) -> Rendered {
        let key = (year, kind);
        let (generation, load) = {
            let mut st = self.lock();
            loop {
                if let Some(r) = st.rendered.get(&key) {
                    return r.clone();
                }
                if !st.rendering.contains(&key) {
                    break;
                }
                st = self.rendered.wait(st).unwrap_or_else(|e| e.into_inner());
            }
            st.rendering.insert(key);
            (st.generation, st.load.clone())
        };
        // Marked as done even if rendering panics, so that no one waits for it forever.
        let _done = Done { shared: self, key };
        // Rendered without the lock: a PDF must not hold up the other requests.
        let rendered = load.and_then(|good| self.render_good(&good, year, kind));
        let mut st = self.lock();
        if st.generation == generation {
            if let Ok(bytes) = &rendered {
                st.last_good.insert(key, bytes.clone());
            }
            st.rendered.insert(key, rendered.clone());
        }
        rendered
    }

    fn render_good(&self, good: &Good, year: i32, kind: Kind) -> Rendered {
        let fail = |p: Vec<Problem>| Err(Arc::new(Problems::from(p)));
        if !good.set.years.contains_key(&year) {
            return fail(vec![Problem::of(
                &report_gen::chapter::no_data(&good.set, year),
                None,
            )]);
        }
        if kind == Kind::Pdf {
            // As `build` does: checked first, so that the message names the data file and line.
            let unprintable =
                report_gen::glyphs::as_errors(report_gen::glyphs::unprintable(&good.sources));
            if !unprintable.is_empty() {
                return fail(Problem::all(&good.sources, &unprintable));
            }
        }
        match build::render(
            &good.set,
            year,
            kind.format(),
            &good.templates,
            self.pdf_epoch,
        ) {
            // The chapter's file comes first; the Markdown's image copies follow it.
            Ok(mut files) if !files.is_empty() => Ok(Arc::new(files.swap_remove(0).1)),
            Ok(_) => fail(vec![Problem::other(&anyhow::anyhow!(report_gen::tr!(
                "serve-internal-no-file"
            )))]),
            Err(BuildError::Diagnostic(d)) => fail(vec![Problem::located(&d)]),
            Err(BuildError::Other(e)) => fail(vec![Problem::other(&e)]),
            // render() writes nothing; a write error cannot come from it.
            Err(BuildError::Write(e)) => fail(vec![Problem::other(&anyhow::anyhow!("{e}"))]),
        }
    }

    /// The last good render of `year` in `kind`, of any generation.
    pub(super) fn last_good(&self, year: i32, kind: Kind) -> Option<Arc<Vec<u8>>> {
        self.lock().last_good.get(&(year, kind)).cloned()
    }

    /// Waits until the generation is past `seen`, at most `timeout`; returns the generation now.
    pub(super) fn wait_past(&self, seen: u64, timeout: Duration) -> u64 {
        let st = self.lock();
        let (st, _) = self
            .reloaded
            .wait_timeout_while(st, timeout, |st| st.generation <= seen)
            .unwrap_or_else(|e| e.into_inner());
        st.generation
    }

    /// A page showing `year` in `kind` opened (`+1`) or closed (`-1`).
    pub(super) fn count_shown(&self, year: i32, kind: Kind, opened: bool) {
        let mut st = self.lock();
        let n = st.shown.entry((year, kind)).or_insert(0);
        if opened {
            *n += 1;
        } else {
            *n = n.saturating_sub(1);
            if *n == 0 {
                st.shown.remove(&(year, kind));
            }
        }
    }
}

/// Ends a render under way when dropped: wakes those waiting for it.
struct Done<'a> {
    shared: &'a Shared,
    key: (i32, Kind),
}

impl Drop for Done<'_> {
    fn drop(&mut self) {
        self.shared.lock().rendering.remove(&self.key);
        self.shared.rendered.notify_all();
    }
}
