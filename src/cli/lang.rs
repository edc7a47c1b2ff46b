//! The language of everything printed: chosen from `--lang`, `REPORT_GEN_LANG` or the system
//! locale, and applied to clap's help and errors, whose texts come from the catalogs.

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::Command;

use report_gen::i18n::{self, Lang, CATALOGS};
use report_gen::tr;

/// The environment variable that chooses the language (`pl`, `en`), below `--lang`.
pub(super) const LANG_VAR: &str = "REPORT_GEN_LANG";

/// The values `--lang` accepts: the catalogs' codes, each with its language's own name.
pub(super) fn codes() -> clap::builder::PossibleValuesParser {
    clap::builder::PossibleValuesParser::new(
        CATALOGS
            .iter()
            .map(|c| clap::builder::PossibleValue::new(c.code).help(c.name)),
    )
}

/// The language of this run: `--lang X` (or `--lang=X`) anywhere on the command line, else
/// `REPORT_GEN_LANG`, else the system locale (`LC_ALL`, `LC_MESSAGES`, `LANG` on Unix; the
/// user's language on Windows and macOS), else Polish. A value that names no catalog is
/// passed over here; clap then reports a wrong `--lang`.
pub(super) fn choose(args: &[std::ffi::OsString]) -> Lang {
    let mut flag = None;
    let mut iter = args.iter().skip(1);
    while let Some(arg) = iter.next() {
        let Some(arg) = arg.to_str() else { continue };
        if arg == "--" {
            break;
        }
        if arg == "--lang" {
            flag = iter
                .next()
                .and_then(|v| v.to_str())
                .and_then(Lang::from_code);
        } else if let Some(value) = arg.strip_prefix("--lang=") {
            flag = Lang::from_code(value);
        }
    }
    flag.or_else(|| {
        std::env::var(LANG_VAR)
            .ok()
            .and_then(|v| Lang::from_code(&v))
    })
    .unwrap_or_else(|| Lang::from_locale(&system_locale()))
}

/// The system's locale name, empty when there is none. On Unix the POSIX variables in their
/// order of precedence (`LC_ALL` beats `LC_MESSAGES` beats `LANG`), read here so that `C` is
/// seen as `C`; elsewhere the system's own setting.
fn system_locale() -> String {
    #[cfg(unix)]
    {
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|v| std::env::var(v).ok())
            .find(|v| !v.is_empty())
            .unwrap_or_default()
    }
    #[cfg(not(unix))]
    {
        sys_locale::get_locale().unwrap_or_default()
    }
}

/// A catalog message by a computed id, or `None` when no catalog has it.
fn lookup(id: &str) -> Option<String> {
    let text = i18n::text(id, &[]);
    (text != id).then_some(text)
}

/// The command line's texts in the language in force: every command's `about` and
/// `after_help`, every argument's help, headings and clap's own help and version flags.
/// Ids: `cli-<command>-about`, `cli-<command>-after`, `cli-<command>-<arg>` (or `cli-arg-<arg>`
/// for an argument several commands share), `cli-value-<arg>-<value>` for a value's help.
pub(super) fn localize(mut cmd: Command) -> Command {
    // Building the root makes clap's `help` command and the root's `--help`/`--version`, so
    // that they can be translated too; each subcommand gets its own `--help` below.
    cmd.build();
    localize_command(cmd, "root")
}

fn localize_command(mut cmd: Command, key: &str) -> Command {
    // clap's own `help` command (`report-gen help build`): only its description is
    // translated; clap builds the rest itself (an added `--help` there made clap panic).
    if cmd.get_name() == "help" {
        if let Some(about) = lookup(&format!("cli-{key}-about")) {
            cmd = cmd.about(about);
        }
        return cmd;
    }
    if key != "root" && cmd.get_arguments().all(|a| a.get_id() != "help") {
        cmd = cmd.disable_help_flag(true).arg(
            clap::Arg::new("help")
                .short('h')
                .long("help")
                .action(clap::ArgAction::Help),
        );
    }
    if let Some(about) = lookup(&format!("cli-{key}-about")) {
        cmd = cmd.about(about);
    }
    if let Some(after) = lookup(&format!("cli-{key}-after")) {
        cmd = cmd.after_help(after);
    }
    cmd = cmd
        .help_template(format!(
            "{{before-help}}{{about-with-newline}}\n{} {{usage}}\n\n{{all-args}}{{after-help}}\n",
            tr!("cli-heading-usage")
        ))
        .subcommand_help_heading(tr!("cli-heading-commands"))
        .subcommand_value_name(tr!("cli-value-command"));
    let ids: Vec<String> = cmd
        .get_arguments()
        .map(|a| a.get_id().to_string())
        .collect();
    for id in ids {
        let help = lookup(&format!("cli-{key}-{id}")).or_else(|| lookup(&format!("cli-arg-{id}")));
        cmd = cmd.mut_arg(&id, |mut arg| {
            let heading = if arg.is_positional() {
                tr!("cli-heading-arguments")
            } else {
                tr!("cli-heading-options")
            };
            arg = arg.help_heading(heading);
            let Some(mut help) = help else { return arg };
            let values: Vec<String> = arg
                .get_possible_values()
                .iter()
                .filter(|v| !v.is_hide_set())
                .map(|v| {
                    let name = v.get_name();
                    let own = v.get_help().map(ToString::to_string);
                    match lookup(&format!("cli-value-{id}-{name}")).or(own) {
                        Some(h) => format!("{name} – {h}"),
                        None => name.to_string(),
                    }
                })
                .collect();
            let defaults: Vec<String> = arg
                .get_default_values()
                .iter()
                .map(|v| v.to_string_lossy().into_owned())
                .collect();
            if !values.is_empty() && arg.get_action().takes_values() {
                help = format!(
                    "{help}\n{}\n  {}",
                    tr!("cli-possible-values"),
                    values.join("\n  ")
                );
            }
            if !defaults.is_empty() && arg.get_action().takes_values() {
                help = format!(
                    "{help}\n{}",
                    tr!("cli-default", value = defaults.join(", "))
                );
            }
            if id == "help" {
                // Otherwise clap puts its own English long help on its help flag.
                arg = arg.long_help(help.clone());
            }
            arg.help(help)
                .hide_default_value(true)
                .hide_possible_values(true)
        });
    }
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for name in names {
        let sub_key = sub_key(key, &name);
        cmd = cmd.mut_subcommand(&name, |sub| localize_command(sub, &sub_key));
    }
    cmd
}

/// The catalog key of the subcommand `name` of the command `key`: `build`, `templates-export`;
/// clap's `help` command is `help` wherever it is, and its subcommands (`help build`) are the
/// commands they name.
fn sub_key(key: &str, name: &str) -> String {
    let parent = match key.strip_suffix("help") {
        Some("") => "root",
        Some(p) if p.ends_with('-') => p.trim_end_matches('-'),
        _ => key,
    };
    if name == "help" {
        return match parent {
            "root" => "help".to_string(),
            p => format!("{p}-help"),
        };
    }
    match parent {
        "root" => name.to_string(),
        p => format!("{p}-{name}"),
    }
}

/// A command-line error in the language in force, with a hint saying what to type, for the
/// errors a user makes (unknown argument or command, wrong or missing value); `None` for the
/// others, which clap renders itself.
pub(super) fn usage_error(e: &clap::Error, args: &[std::ffi::OsString]) -> Option<String> {
    let text = |kind: ContextKind| match e.get(kind) {
        Some(ContextValue::String(s)) => Some(s.clone()),
        Some(ContextValue::Strings(s)) => Some(s.join(", ")),
        _ => None,
    };
    let list = |kind: ContextKind| match e.get(kind) {
        Some(ContextValue::Strings(s)) => s.clone(),
        Some(ContextValue::String(s)) => vec![s.clone()],
        _ => Vec::new(),
    };
    let command = command_of(args);
    let mut lines = Vec::new();
    match e.kind() {
        ErrorKind::UnknownArgument => {
            let arg = text(ContextKind::InvalidArg)?;
            lines.push(tr!("cli-error-unknown-argument", arg = arg));
            if arg.len() == 4 && arg.chars().all(|c| c.is_ascii_digit()) {
                lines.push(tr!(
                    "cli-hint-year",
                    command = command.as_deref().unwrap_or("build"),
                    year = arg
                ));
            } else if let Some(s) = text(ContextKind::SuggestedArg) {
                lines.push(tr!("cli-hint-did-you-mean", suggestion = s));
            }
        }
        ErrorKind::InvalidSubcommand => {
            let arg = text(ContextKind::InvalidSubcommand)?;
            lines.push(tr!("cli-error-unknown-command", command = arg));
            if let Some(s) = text(ContextKind::SuggestedSubcommand) {
                lines.push(tr!("cli-hint-did-you-mean", suggestion = s));
            }
        }
        ErrorKind::InvalidValue => {
            let arg = text(ContextKind::InvalidArg)?;
            let value = text(ContextKind::InvalidValue).unwrap_or_default();
            let valid = list(ContextKind::ValidValue);
            lines.push(if value.is_empty() {
                tr!("cli-error-empty-value", arg = arg)
            } else {
                tr!("cli-error-invalid-value", arg = arg, value = value)
            });
            if !valid.is_empty() {
                lines.push(tr!("cli-hint-valid-values", values = valid.join(", ")));
            }
        }
        ErrorKind::ValueValidation => {
            let arg = text(ContextKind::InvalidArg)?;
            let value = text(ContextKind::InvalidValue).unwrap_or_default();
            lines.push(tr!("cli-error-invalid-value", arg = arg, value = value));
            if arg.contains("YEAR") {
                lines.push(tr!("cli-hint-year-digits"));
            } else if let Some(why) = std::error::Error::source(e) {
                let why = why.to_string();
                // Rust's words for a number that does not parse.
                if why.contains("digit") || why.contains("number") || why.contains("empty string") {
                    lines.push(tr!("cli-hint-number"));
                } else {
                    lines.push(why);
                }
            }
        }
        ErrorKind::ArgumentConflict => {
            let arg = text(ContextKind::InvalidArg)?;
            let other = text(ContextKind::PriorArg)?;
            lines.push(tr!("cli-error-conflict", arg = arg, other = other));
        }
        ErrorKind::MissingRequiredArgument => {
            let missing = list(ContextKind::InvalidArg);
            if missing.is_empty() {
                return None;
            }
            lines.push(tr!(
                "cli-error-missing",
                count = missing.len(),
                args = missing.join(", ")
            ));
        }
        ErrorKind::MissingSubcommand | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            return None;
        }
        _ => return None,
    }
    let help = match &command {
        Some(c) => format!("report-gen {c} --help"),
        None => "report-gen --help".to_string(),
    };
    lines.push(tr!("cli-hint-help", command = help));
    let first = tr!("diag-error");
    let mut out = format!("{first}: {}\n", lines[0]);
    for line in &lines[1..] {
        out.push_str(&format!("  {line}\n"));
    }
    Some(out)
}

/// The subcommand named on the command line (`build`, `templates export`), if any.
fn command_of(args: &[std::ffi::OsString]) -> Option<String> {
    let cmd = <super::Cli as clap::CommandFactory>::command();
    let mut words = Vec::new();
    let mut current = &cmd;
    for arg in args.iter().skip(1).filter_map(|a| a.to_str()) {
        if let Some(sub) = current.find_subcommand(arg) {
            words.push(arg.to_string());
            current = sub;
        } else if !arg.starts_with('-') && !words.is_empty() {
            break;
        }
    }
    (!words.is_empty()).then(|| words.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;
    use report_gen::i18n::{text_in, Lang};

    /// Every command has its `about` in every catalog, and every argument its help (its own
    /// or a shared `cli-arg-…`): a new command or flag without them fails here, instead of
    /// showing English help to Polish users.
    #[test]
    fn every_command_and_argument_has_its_help_in_every_catalog() {
        fn walk(cmd: &Command, key: &str, missing: &mut Vec<String>) {
            let has = |id: &str| {
                (0..CATALOGS.len()).all(|i| {
                    let lang = Lang::from_code(CATALOGS[i].code).expect("a catalog's code");
                    text_in(lang, id, &[]) != id
                })
            };
            let about = format!("cli-{key}-about");
            if !has(&about) {
                missing.push(about);
            }
            for arg in cmd.get_arguments() {
                let id = arg.get_id().as_str();
                let own = format!("cli-{key}-{id}");
                if !has(&own) && !has(&format!("cli-arg-{id}")) {
                    missing.push(own);
                }
            }
            for sub in cmd.get_subcommands() {
                let name = sub.get_name();
                walk(sub, &sub_key(key, name), missing);
            }
        }
        let mut cmd = <super::super::Cli as clap::CommandFactory>::command();
        cmd.build();
        let mut missing = Vec::new();
        walk(&cmd, "root", &mut missing);
        assert!(missing.is_empty(), "not in the catalogs: {missing:?}");
    }

    #[test]
    fn the_flag_is_found_anywhere_on_the_command_line() {
        let args = |a: &[&str]| a.iter().map(std::ffi::OsString::from).collect::<Vec<_>>();
        assert_eq!(
            choose(&args(&["report-gen", "check", "--lang", "en"])),
            Lang::EN
        );
        assert_eq!(
            choose(&args(&["report-gen", "--lang=pl", "check"])),
            Lang::PL
        );
        // After `--` it is an argument, not the flag.
        assert_ne!(
            choose(&args(&["report-gen", "--lang", "pl", "--", "--lang", "en"])),
            Lang::EN
        );
    }
}
