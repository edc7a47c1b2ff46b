//! Templates: the built-in ones compiled into the binary, shadowed file by file by `--templates DIR`.

use crate::tr;
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
                anyhow::bail!(tr!("templates-no-folder", folder = d));
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
        // Every render stops after this many instructions: a loop that never ends (which in
        // `watch` would block every later rebuild) becomes an error naming the template.
        env.set_fuel(Some(crate::limits::TEMPLATE_FUEL));
        let user_dir = dir.map(Path::to_path_buf);
        let loader_dir = user_dir.clone();
        let read: Arc<Mutex<HashMap<String, String>>> = Arc::default();
        let loader_read = Arc::clone(&read);
        env.set_loader(move |name| {
            let invalid =
                |msg: String| minijinja::Error::new(minijinja::ErrorKind::InvalidOperation, msg);
            if let Some(problem) = name_problem(name) {
                return Err(invalid(problem));
            }
            if let Some(d) = &loader_dir {
                if let Some(text) = read_user_file(d, name).map_err(invalid)? {
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
        let result = self
            .env
            .get_template(name)
            .and_then(|t| crate::limits::render_bounded(&t, ctx, 0));
        result.map_err(|e| Box::new(self.diagnostic(name, &e)))
    }

    /// The text of a non-template file (a stylesheet), user copy first; the same rule as for
    /// templates ([`read_user_file`]).
    pub fn raw(&self, name: &str) -> anyhow::Result<String> {
        if let Some(d) = &self.dir {
            if let Some(text) = read_user_file(d, name).map_err(anyhow::Error::msg)? {
                return Ok(text);
            }
        }
        BUILTIN
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, s)| s.to_string())
            .with_context(|| tr!("templates-no-builtin", name = name))
    }

    /// Where template `name` comes from, for messages: the user's file or "built-in".
    pub fn origin(&self, name: &str) -> PathBuf {
        match &self.dir {
            Some(d) if d.join(name).is_file() => d.join(name),
            _ => PathBuf::from(tr!("templates-builtin-origin", name = name)),
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
        let mut range = e.range();
        while let Some(cur) = err {
            if let Some(me) = cur.downcast_ref::<minijinja::Error>() {
                if let Some(n) = me.name() {
                    at = (n.to_string(), me.line());
                    range = me.range().or(range);
                }
            }
            err = cur.source();
        }
        let source = self.text(&at.0);
        let mut detail = e
            .detail()
            .map(str::to_string)
            .unwrap_or_else(|| e.kind().to_string());
        let mut col = 1;
        // The words at the error's place: the undefined name when minijinja says only
        // "undefined value" (inside a macro), and the column.
        if let (Some(r), Some(text)) = (range.clone(), source.as_deref()) {
            if let Some(expr) = text.get(r.clone()) {
                let line_start = text[..r.start].rfind('\n').map_or(0, |i| i + 1);
                if at.1 == Some(text[..r.start].matches('\n').count() + 1) {
                    col = text[line_start..r.start].chars().count() + 1;
                }
                if e.kind() == minijinja::ErrorKind::UndefinedError
                    && !detail.contains('`')
                    && !expr.trim().is_empty()
                {
                    detail = tr!("templates-undefined-name", name = expr.trim());
                }
            }
        }
        // A tag left open (`{% if x %`) is noticed only on the next line: point at the line
        // that opens it.
        if e.kind() == minijinja::ErrorKind::SyntaxError {
            if let (Some(line), Some(text)) = (at.1, source.as_deref()) {
                if let Some((n, open)) = unclosed_tag(text, line) {
                    at.1 = Some(n);
                    col = 1;
                    detail = tr!(
                        "templates-unclosed-tag",
                        open = open,
                        close = if open == "{%" { "%}" } else { "}}" },
                        detail = detail
                    );
                }
            }
        }
        let message = match e.kind() {
            minijinja::ErrorKind::UndefinedError => tr!("templates-undefined", detail = detail),
            minijinja::ErrorKind::SyntaxError => tr!("templates-syntax", detail = detail),
            minijinja::ErrorKind::TemplateNotFound => tr!("templates-not-found", detail = detail),
            minijinja::ErrorKind::OutOfFuel => tr!(
                "templates-out-of-fuel",
                millions = crate::limits::TEMPLATE_FUEL / 1_000_000
            ),
            minijinja::ErrorKind::WriteFailure => tr!(
                "templates-too-much-output",
                mb = crate::limits::MAX_TEMPLATE_OUTPUT / 1_000_000
            ),
            _ => tr!("templates-failed", detail = detail),
        };
        let span = at.1.map(|line| Span { line, col });
        let help = match e.kind() {
            minijinja::ErrorKind::UndefinedError => tr!("templates-undefined-help"),
            minijinja::ErrorKind::OutOfFuel | minijinja::ErrorKind::WriteFailure => {
                tr!("templates-loop-help")
            }
            _ => tr!("templates-help"),
        };
        let diagnostic = Diagnostic::error(&self.origin(&at.0), span, message).with_help(help);
        Located {
            diagnostic,
            text: source,
        }
    }
}

/// The line (from 1) at or just before `line` of `text` that opens a tag (`{%` or `{{`) and
/// does not close it, with the opening it lacks a close for.
fn unclosed_tag(text: &str, line: usize) -> Option<(usize, &'static str)> {
    let lines: Vec<&str> = text.lines().collect();
    (line.saturating_sub(2)..line.min(lines.len()))
        .rev()
        .find_map(|i| {
            let l = lines[i];
            for (open, close) in [("{%", "%}"), ("{{", "}}")] {
                if l.matches(open).count() > l.matches(close).count() {
                    return Some((i + 1, open));
                }
            }
            None
        })
}

/// What is wrong with a template name (as given to `{% include %}`, `{% extends %}` or
/// `{% import %}`): only plain relative names inside the templates folder are allowed, so
/// that a template cannot put another file of the computer into the chapter.
fn name_problem(name: &str) -> Option<String> {
    let plain = !name.is_empty()
        && !name.contains(['\\', ':', '\0'])
        && Path::new(name).components().all(|c| {
            matches!(
                c,
                std::path::Component::Normal(_) | std::path::Component::CurDir
            )
        });
    (!plain).then(|| tr!("templates-bad-name", name = name.escape_debug().to_string()))
}

/// The user's file `name` in the templates folder `dir`, or `None` when there is none (the
/// built-in is used). Refused: a name that is not plain ([`name_problem`]), a link to a file
/// outside the folder, a file over [`MAX_TEMPLATE_BYTES`](crate::limits::MAX_TEMPLATE_BYTES)
/// (measured before it is read).
fn read_user_file(dir: &Path, name: &str) -> Result<Option<String>, String> {
    use std::io::Read as _;
    if let Some(problem) = name_problem(name) {
        return Err(problem);
    }
    let path = dir.join(name);
    if std::fs::symlink_metadata(&path).is_err() {
        return Ok(None);
    }
    let cannot =
        |e: std::io::Error| tr!("templates-unreadable", file = &path, cause = e.to_string());
    let real_dir = std::fs::canonicalize(dir).map_err(cannot)?;
    let real = std::fs::canonicalize(&path).map_err(cannot)?;
    if !real.starts_with(&real_dir) {
        return Err(tr!("templates-link-outside", file = &path, target = &real));
    }
    let meta = std::fs::metadata(&real).map_err(cannot)?;
    if !meta.is_file() {
        return Ok(None);
    }
    let limit = crate::limits::MAX_TEMPLATE_BYTES;
    if meta.len() > limit {
        return Err(tr!(
            "templates-too-large",
            file = &path,
            kb = meta.len() / 1000,
            max = limit / 1000
        ));
    }
    let mut text = String::new();
    std::fs::File::open(&real)
        .and_then(|f| f.take(limit).read_to_string(&mut text))
        .map_err(cannot)?;
    Ok(Some(text))
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_plain_names_inside_the_folder_are_template_names() {
        for bad in [
            "/etc/passwd",
            "../secret.txt",
            "parts/../../x",
            "a\\b",
            "C:x",
            "",
            "a\0",
        ] {
            assert!(name_problem(bad).is_some(), "{bad:?}");
        }
        for good in [
            "chapter.md.j2",
            "parts/list.md.j2",
            "./part.md.j2",
            "ó.md.j2",
        ] {
            assert_eq!(name_problem(good), None, "{good:?}");
        }
    }

    #[test]
    #[cfg(unix)]
    fn a_user_template_linked_outside_is_refused_and_one_inside_is_read() {
        let tmp = tempfile::tempdir().expect("temp dir");
        let dir = tmp.path().join("templates");
        std::fs::create_dir_all(dir.join("parts")).expect("folders");
        std::fs::write(tmp.path().join("secret.md.j2"), "tajne").expect("write");
        std::fs::write(dir.join("parts/real.md.j2"), "jawne").expect("write");
        std::os::unix::fs::symlink(tmp.path().join("secret.md.j2"), dir.join("out.md.j2"))
            .expect("link");
        std::os::unix::fs::symlink("parts/real.md.j2", dir.join("in.md.j2")).expect("link");
        let err = read_user_file(&dir, "out.md.j2").expect_err("outside");
        assert!(err.contains("outside the templates folder"), "{err}");
        assert_eq!(read_user_file(&dir, "in.md.j2"), Ok(Some("jawne".into())));
        assert_eq!(read_user_file(&dir, "missing.md.j2"), Ok(None));
    }
}
