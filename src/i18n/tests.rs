//! The catalogs agree with each other and with the code that uses them.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use super::*;

/// Message id → the variables it uses, from a catalog's source.
fn messages(source: &str) -> BTreeMap<String, BTreeSet<String>> {
    let mut out: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    // A message starts on a line `id =` and runs to the next one; its variables are the
    // `$name`s in its lines.
    let mut current: Option<String> = None;
    for line in source.lines() {
        if line.starts_with('#') {
            continue;
        }
        if let Some((id, _)) = line.split_once(" =") {
            if id.starts_with(|c: char| c.is_ascii_alphabetic())
                && id
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
            {
                assert!(!out.contains_key(id), "`{id}` is defined twice");
                out.insert(id.to_string(), BTreeSet::new());
                current = Some(id.to_string());
            }
        }
        if let Some(id) = &current {
            let vars = out.get_mut(id).expect("known id");
            let mut rest = line;
            while let Some(at) = rest.find('$') {
                // Only a reference in a placeable, `{ $name }`; a `$` in the text is text.
                let placeable = rest[..at].trim_end().ends_with('{');
                rest = &rest[at + 1..];
                if !placeable {
                    continue;
                }
                let name: String = rest
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '-')
                    .collect();
                if !name.is_empty() {
                    vars.insert(name);
                }
            }
        }
    }
    out
}

#[test]
fn catalogs_parse() {
    for c in CATALOGS {
        let resource = FluentResource::try_new(c.source.to_string());
        assert!(
            resource.is_ok(),
            "locales/{}.ftl: {:?}",
            c.code,
            resource.err().map(|e| e.1)
        );
    }
}

#[test]
fn every_catalog_has_the_same_messages_with_the_same_variables() {
    let primary = messages(CATALOGS[0].source);
    for c in &CATALOGS[1..] {
        let other = messages(c.source);
        let missing: Vec<_> = primary.keys().filter(|k| !other.contains_key(*k)).collect();
        let extra: Vec<_> = other.keys().filter(|k| !primary.contains_key(*k)).collect();
        assert!(
            missing.is_empty(),
            "missing from {}.ftl: {missing:?}",
            c.code
        );
        assert!(extra.is_empty(), "only in {}.ftl: {extra:?}", c.code);
        for (id, vars) in &primary {
            assert_eq!(
                vars, &other[id],
                "`{id}`: variables in pl.ftl and {}.ftl differ",
                c.code
            );
        }
    }
}

/// Every `tr!("id", name = …)` in src/: (file, id, variable names).
fn uses() -> Vec<(String, String, BTreeSet<String>)> {
    let mut out = Vec::new();
    let mut stack = vec![Path::new(env!("CARGO_MANIFEST_DIR")).join("src")];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("src/ is readable") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            if path.extension().is_none_or(|e| e != "rs")
                || path.parent().is_some_and(|p| p.ends_with("i18n"))
            {
                continue;
            }
            let text = std::fs::read_to_string(&path).expect("source is readable");
            let mut rest = text.as_str();
            while let Some(at) = rest.find("tr!(\"") {
                // `tr!(` itself, not the end of `include_str!(`.
                let own = rest[..at]
                    .chars()
                    .next_back()
                    .is_none_or(|c| !(c.is_alphanumeric() || c == '_'));
                rest = &rest[at + 5..];
                if !own {
                    continue;
                }
                let Some(end) = rest.find('"') else { break };
                let id = rest[..end].to_string();
                out.push((
                    path.display().to_string(),
                    id,
                    call_variables(&rest[end + 1..]),
                ));
            }
        }
    }
    out
}

/// The `name` of each `name = value` in the rest of a `tr!(…)` call.
fn call_variables(rest: &str) -> BTreeSet<String> {
    let mut depth = 0usize;
    let mut piece = String::new();
    let mut pieces = Vec::new();
    let mut in_str = false;
    let mut prev = ' ';
    for c in rest.chars() {
        if in_str {
            if c == '"' && prev != '\\' {
                in_str = false;
            }
            prev = c;
            continue;
        }
        match c {
            '"' => in_str = true,
            '(' | '[' | '{' => depth += 1,
            ')' | ']' | '}' if depth == 0 => break,
            ')' | ']' | '}' => depth -= 1,
            ',' if depth == 0 => pieces.push(std::mem::take(&mut piece)),
            _ => piece.push(c),
        }
        prev = c;
    }
    pieces.push(piece);
    pieces
        .iter()
        .filter_map(|p| {
            let (name, _) = p.split_once('=')?;
            let name = name.trim();
            (!name.is_empty() && name.chars().all(|c| c.is_alphanumeric() || c == '_'))
                .then(|| name.to_string())
        })
        .collect()
}

#[test]
fn every_message_the_code_uses_is_in_the_catalogs_with_its_variables() {
    let catalog = messages(CATALOGS[0].source);
    let uses = uses();
    assert!(uses.len() > 50, "found only {} uses of tr!", uses.len());
    let mut problems = Vec::new();
    for (file, id, vars) in &uses {
        match catalog.get(id) {
            None => problems.push(format!("{file}: `{id}` is not in the catalogs")),
            Some(wanted) if wanted != vars => problems.push(format!(
                "{file}: `{id}` is given {vars:?}, the catalogs use {wanted:?}"
            )),
            Some(_) => {}
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn polish_plurals_follow_cldr() {
    let errors = |n: usize| text_in(Lang::PL, "count-errors", &[("count", &n)]);
    assert_eq!(errors(1), "1 błąd");
    assert_eq!(errors(2), "2 błędy");
    assert_eq!(errors(5), "5 błędów");
    assert_eq!(errors(12), "12 błędów");
    assert_eq!(errors(22), "22 błędy");
    let errors_en = |n: usize| text_in(Lang::EN, "count-errors", &[("count", &n)]);
    assert_eq!(errors_en(1), "1 error");
    assert_eq!(errors_en(2), "2 errors");
}

#[test]
fn a_missing_message_falls_back_and_never_panics() {
    assert_eq!(text_in(Lang::EN, "no-such-message", &[]), "no-such-message");
    // No isolation marks around values.
    let s = text_in(Lang::EN, "count-errors", &[("count", &3usize)]);
    assert!(!s.contains('\u{2068}'), "{s:?}");
}

#[test]
fn locales_choose_the_language() {
    assert_eq!(Lang::from_locale("pl_PL.UTF-8"), Lang::PL);
    assert_eq!(Lang::from_locale("pl-PL"), Lang::PL);
    assert_eq!(Lang::from_locale("en_US.UTF-8"), Lang::EN);
    assert_eq!(Lang::from_locale("de_DE@euro"), Lang::EN);
    assert_eq!(Lang::from_locale("C"), Lang::PL);
    assert_eq!(Lang::from_locale("POSIX"), Lang::PL);
    assert_eq!(Lang::from_locale(""), Lang::PL);
    assert_eq!(Lang::from_code("EN"), Some(Lang::EN));
    assert_eq!(Lang::from_code("fr"), None);
}
