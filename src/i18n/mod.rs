//! Every sentence the program says, in the user's language: the message catalogs
//! (`locales/*.ftl`, Project Fluent), the language in force, and [`tr!`](crate::tr).
//!
//! A language is one file: add `locales/xx.ftl` with the same message ids as `pl.ftl` and one
//! line to [`CATALOGS`]. Polish is the primary language (the program's users are Polish office
//! staff); English is the fallback for a language that is not Polish. A message missing from
//! the language in force is taken from Polish, then English, then shown as its id: never a panic.
//!
//! The language is process-wide, set once by the command line ([`set_lang`]). A library user
//! that never sets it (the unit tests, benchmarks, fuzz targets) gets English, so that their
//! assertions read as the code's English comments do.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource};

pub use fluent_bundle::FluentValue;

/// One language: its code (ISO 639-1, as in a locale name `pl_PL.UTF-8`) and its messages.
pub struct Catalog {
    /// `pl`, `en`.
    pub code: &'static str,
    /// The language's own name, for `--help`.
    pub name: &'static str,
    /// The Fluent source.
    pub source: &'static str,
}

/// Every language the program speaks, the primary one first.
pub const CATALOGS: &[Catalog] = &[
    Catalog {
        code: "pl",
        name: "polski",
        source: include_str!("../../locales/pl.ftl"),
    },
    Catalog {
        code: "en",
        name: "English",
        source: include_str!("../../locales/en.ftl"),
    },
];

/// A language of [`CATALOGS`], by its index there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Lang(usize);

impl Lang {
    /// Polish, the primary language.
    pub const PL: Lang = Lang(0);
    /// English, the language for every other locale.
    pub const EN: Lang = Lang(1);

    /// The language with this code (`pl`, `en`; any case), if there is a catalog for it.
    pub fn from_code(code: &str) -> Option<Lang> {
        CATALOGS
            .iter()
            .position(|c| c.code.eq_ignore_ascii_case(code.trim()))
            .map(Lang)
    }

    /// The language for a locale name as the system gives it (`pl_PL.UTF-8`, `pl-PL`, `en_US`,
    /// `de_DE@euro`): its own catalog if there is one; Polish when there is no real locale
    /// (`C`, `POSIX`, empty: a bare server or container, and the users are Polish); English for
    /// any other language.
    pub fn from_locale(locale: &str) -> Lang {
        let language = locale
            .split(['_', '-', '.', '@'])
            .next()
            .unwrap_or("")
            .trim();
        if language.is_empty()
            || language.eq_ignore_ascii_case("c")
            || language.eq_ignore_ascii_case("posix")
        {
            return Lang::PL;
        }
        Lang::from_code(language).unwrap_or(Lang::EN)
    }

    /// The language's code.
    pub fn code(self) -> &'static str {
        CATALOGS[self.0].code
    }
}

/// The language in force, as an index into [`CATALOGS`]; English until [`set_lang`].
static LANG: AtomicUsize = AtomicUsize::new(1);

/// Sets the language of every message from now on (the command line does, first thing).
pub fn set_lang(lang: Lang) {
    LANG.store(lang.0, Ordering::Relaxed);
}

/// The language in force.
pub fn lang() -> Lang {
    Lang(LANG.load(Ordering::Relaxed))
}

/// `x` with `places` decimals, with the decimal sign of the language in force (Polish writes
/// „4,47”, English "4.47").
pub fn decimal(x: f64, places: usize) -> String {
    let text = format!("{x:.places$}");
    if lang() == Lang::PL {
        text.replace('.', ",")
    } else {
        text
    }
}

/// The catalog at `index` of [`CATALOGS`], parsed on its first use (a fraction of a
/// millisecond), so that a run pays only for the languages it speaks.
fn bundle(index: usize) -> Option<&'static FluentBundle<FluentResource>> {
    static BUNDLES: [OnceLock<FluentBundle<FluentResource>>; CATALOGS.len()] =
        [const { OnceLock::new() }; CATALOGS.len()];
    let catalog = CATALOGS.get(index)?;
    Some(BUNDLES[index].get_or_init(|| {
        // A syntax error in a catalog loses only the broken entries (the test
        // `catalogs_parse` keeps the shipped ones clean).
        let resource = FluentResource::try_new(catalog.source.to_string())
            .unwrap_or_else(|(partial, _)| partial);
        let id = catalog.code.parse().unwrap_or_default();
        let mut bundle = FluentBundle::new_concurrent(vec![id]);
        // No Unicode isolation marks around the values: they would reach terminals and
        // files as invisible characters.
        bundle.set_use_isolating(false);
        let _ = bundle.add_resource(resource);
        bundle
    }))
}

/// A value for a message's `{ $variable }`: text, or a number (which picks the plural form).
pub trait Arg {
    /// The value as Fluent takes it.
    fn value(&self) -> FluentValue<'_>;
}

impl Arg for str {
    fn value(&self) -> FluentValue<'_> {
        FluentValue::from(self)
    }
}
impl Arg for String {
    fn value(&self) -> FluentValue<'_> {
        FluentValue::from(self.as_str())
    }
}
impl Arg for std::borrow::Cow<'_, str> {
    fn value(&self) -> FluentValue<'_> {
        FluentValue::from(self.as_ref())
    }
}
impl Arg for std::path::Path {
    fn value(&self) -> FluentValue<'_> {
        FluentValue::from(self.to_string_lossy())
    }
}
impl Arg for std::path::PathBuf {
    fn value(&self) -> FluentValue<'_> {
        self.as_path().value()
    }
}
impl Arg for char {
    fn value(&self) -> FluentValue<'_> {
        FluentValue::from(self.to_string())
    }
}
impl<T: Arg + ?Sized> Arg for &T {
    fn value(&self) -> FluentValue<'_> {
        (**self).value()
    }
}
macro_rules! number_args {
    ($($t:ty),*) => {$(
        impl Arg for $t {
            fn value(&self) -> FluentValue<'_> {
                FluentValue::from(*self)
            }
        }
    )*};
}
number_args!(usize, u8, u16, u32, u64, i32, i64, f64);

/// The message `id` in the language in force, with its variables; see [`tr!`](crate::tr).
pub fn text(id: &str, args: &[(&str, &dyn Arg)]) -> String {
    text_in(lang(), id, args)
}

/// The message `id` in `lang`, falling back to Polish, then English, then the id itself.
pub fn text_in(lang: Lang, id: &str, args: &[(&str, &dyn Arg)]) -> String {
    let order = [lang.0, Lang::PL.0, Lang::EN.0];
    for index in order {
        let Some(bundle) = bundle(index) else {
            continue;
        };
        let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else {
            continue;
        };
        let mut fluent_args = FluentArgs::with_capacity(args.len());
        for (name, value) in args {
            fluent_args.set(*name, value.value());
        }
        let mut errors = Vec::new();
        return bundle
            .format_pattern(pattern, Some(&fluent_args), &mut errors)
            .into_owned();
    }
    id.to_string()
}

/// The message `id` of the catalog in the language in force, as a `String`:
/// `tr!("check-ok-none")`, `tr!("found-errors", count = n, folder = root)`. Each variable is
/// anything [`Arg`]: text, a path, or a number (numbers choose the plural form: „1 błąd”,
/// „2 błędy”, „5 błędów”).
#[macro_export]
macro_rules! tr {
    ($id:literal $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::i18n::text($id, &[$((stringify!($name), &$value as &dyn $crate::i18n::Arg)),*])
    };
}

#[cfg(test)]
mod tests;
