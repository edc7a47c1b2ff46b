//! Templates: the built-in ones compiled into the binary, shadowed file by file by `--templates DIR`.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use anyhow::Context as _;
use minijinja::{AutoEscape, Environment, UndefinedBehavior};

use crate::diag::{Diagnostic, Located, Span};
use crate::polish;

/// The built-in templates: (file name, content).
pub const BUILTIN: &[(&str, &str)] = &[
    (
        "chapter.md.j2",
        include_str!("../../templates/chapter.md.j2"),
    ),
    (
        crate::html::PAGE_TEMPLATE_NAME,
        crate::html::DEFAULT_PAGE_TEMPLATE,
    ),
    ("style.css", crate::html::DEFAULT_CSS),
];

/// The templates in use: built-ins, optionally shadowed by files in a user directory.
pub struct Templates {
    env: Environment<'static>,
    dir: Option<PathBuf>,
    /// The text of every user template read so far, by name, so that an error renders its
    /// excerpt without reading the file again.
    read: Arc<Mutex<HashMap<String, String>>>,
}

impl Templates {
    /// Built-in templates, shadowed by same-named files in `dir` when given.
    pub fn new(dir: Option<&Path>) -> anyhow::Result<Templates> {
        if let Some(d) = dir {
            if !d.is_dir() {
                anyhow::bail!(
                    "the templates folder `{}` does not exist (write the built-in templates there with `report-gen templates export {}`)",
                    d.display(),
                    d.display()
                );
            }
        }
        let mut env = Environment::new();
        env.set_undefined_behavior(UndefinedBehavior::Strict);
        env.set_syntax(
            minijinja::syntax::SyntaxConfig::builder()
                .trim_blocks(true)
                .lstrip_blocks(true)
                .build()
                .context("template syntax configuration")?,
        );
        env.set_auto_escape_callback(|name| {
            if name.ends_with(".html.j2") || name.ends_with(".html") {
                AutoEscape::Html
            } else {
                AutoEscape::None
            }
        });
        let user_dir = dir.map(Path::to_path_buf);
        let loader_dir = user_dir.clone();
        let read: Arc<Mutex<HashMap<String, String>>> = Arc::default();
        let loader_read = Arc::clone(&read);
        env.set_loader(move |name| {
            if let Some(d) = &loader_dir {
                let path = d.join(name);
                if path.is_file() {
                    let text = std::fs::read_to_string(&path).map_err(|e| {
                        minijinja::Error::new(
                            minijinja::ErrorKind::InvalidOperation,
                            format!("cannot read template `{}`: {e}", path.display()),
                        )
                    })?;
                    if let Ok(mut read) = loader_read.lock() {
                        read.insert(name.to_string(), text.clone());
                    }
                    return Ok(Some(text));
                }
            }
            Ok(BUILTIN
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, src)| src.to_string()))
        });
        env.add_function(
            "plural",
            |n: i64, one: String, few: String, many: String| {
                polish::plural(n.unsigned_abs(), &one, &few, &many).to_string()
            },
        );
        env.add_function("end_item", |text: String, last: bool| {
            polish::end_item(&text, last)
        });
        env.add_function(
            "pl_date",
            |iso: String, year: i64| -> Result<String, minijinja::Error> {
                let d: crate::data::date::Date =
                    iso.parse().map_err(|e: crate::data::date::DateError| {
                        minijinja::Error::new(minijinja::ErrorKind::InvalidOperation, e.to_string())
                    })?;
                Ok(polish::format_date(&d, year as i32))
            },
        );
        Ok(Templates {
            env,
            dir: user_dir,
            read,
        })
    }

    /// The template environment (for writers that render their own templates).
    pub fn env(&self) -> &Environment<'static> {
        &self.env
    }

    /// Renders template `name` with `ctx`; a template error becomes a diagnostic naming the
    /// template file and line.
    pub fn render(&self, name: &str, ctx: minijinja::Value) -> Result<String, Box<Located>> {
        let result = self.env.get_template(name).and_then(|t| t.render(ctx));
        result.map_err(|e| Box::new(self.diagnostic(name, &e)))
    }

    /// The text of a non-template file (a stylesheet), user copy first.
    pub fn raw(&self, name: &str) -> anyhow::Result<String> {
        if let Some(d) = &self.dir {
            let path = d.join(name);
            if path.is_file() {
                return std::fs::read_to_string(&path)
                    .with_context(|| format!("cannot read `{}`", path.display()));
            }
        }
        BUILTIN
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, s)| s.to_string())
            .with_context(|| format!("there is no built-in file `{name}`"))
    }

    /// Where template `name` comes from, for messages: the user's file or "built-in".
    pub fn origin(&self, name: &str) -> PathBuf {
        match &self.dir {
            Some(d) if d.join(name).is_file() => d.join(name),
            _ => PathBuf::from(format!("(built-in) templates/{name}")),
        }
    }

    /// The text of template `name` as it was loaded: the user's file or the built-in one.
    fn text(&self, name: &str) -> Option<String> {
        let user = self.read.lock().ok().and_then(|r| r.get(name).cloned());
        user.or_else(|| {
            BUILTIN
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, s)| s.to_string())
        })
    }

    /// A template error as a diagnostic naming the template file (the user's, or the built-in
    /// one) and line, with the template's text for the excerpt.
    pub(crate) fn diagnostic(&self, name: &str, e: &minijinja::Error) -> Located {
        // The innermost template named by the error chain is where the problem is.
        let mut err: Option<&(dyn std::error::Error + 'static)> = Some(e);
        let mut at = (e.name().unwrap_or(name).to_string(), e.line());
        while let Some(cur) = err {
            if let Some(me) = cur.downcast_ref::<minijinja::Error>() {
                if let Some(n) = me.name() {
                    at = (n.to_string(), me.line());
                }
            }
            err = cur.source();
        }
        let detail = e
            .detail()
            .map(str::to_string)
            .unwrap_or_else(|| e.kind().to_string());
        let message = match e.kind() {
            minijinja::ErrorKind::UndefinedError => {
                format!("the template uses something that does not exist: {detail}")
            }
            minijinja::ErrorKind::SyntaxError => format!("template syntax error: {detail}"),
            minijinja::ErrorKind::TemplateNotFound => format!("template not found: {detail}"),
            _ => format!("the template failed: {detail}"),
        };
        let span = at.1.map(|line| Span { line, col: 1 });
        let diagnostic = Diagnostic::error(&self.origin(&at.0), span, message)
            .with_help("compare with the built-in template (`report-gen templates export DIR`); the names the template can use are listed at its top");
        Located {
            diagnostic,
            text: self.text(&at.0),
        }
    }
}

/// Writes the built-in templates into `dir` for editing, all of them or none; nothing is
/// written if any of them exists already. Returns the files written.
pub fn export(dir: &Path) -> Result<Vec<PathBuf>, crate::output::WriteError> {
    let mut set = crate::output::FileSet::new(dir);
    for (name, content) in BUILTIN {
        set.create(*name, *content);
    }
    set.commit()
}
