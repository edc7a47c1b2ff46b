//! YAML reading: the only module that touches serde_yaml, plus a position index of every value.
//!
//! serde_yaml (archived upstream) parses and deserializes; swapping it for a maintained fork is a
//! change to the `use` line below. Positions for errors found after parsing (wrong types in one
//! list item, dangling ids, dates outside the year) come from a second, position-aware pass over
//! the same text with yaml-rust2's event parser, keyed by the value's path (`events[3].date`).

use std::collections::HashMap;

use serde::de::DeserializeOwned;
pub(crate) use serde_yaml as backend;
use yaml_rust2::parser::{Event, MarkedEventReceiver, Parser};
use yaml_rust2::scanner::{Marker, ScanError};

use crate::diag::{suggest, Span};

/// A parsed YAML document (no positions; see [`PathIndex`]).
pub type Value = backend::Value;

/// One step of a path into a document.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Seg {
    /// A mapping key.
    Key(String),
    /// A list index, from 0.
    Index(usize),
}

/// Renders a path the way diagnostics and the index name it: `events[3].about[0]`.
pub fn path_string(segs: &[Seg]) -> String {
    let mut out = String::new();
    for seg in segs {
        match seg {
            Seg::Key(k) => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(k);
            }
            Seg::Index(i) => out.push_str(&format!("[{i}]")),
        }
    }
    out
}

/// A problem found while reading one file: where (a path, or a position) and what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Path of the offending value, when known.
    pub path: Option<String>,
    /// Position, when the parser itself reported it (syntax errors).
    pub span: Option<Span>,
    /// Whether the span should point at the key rather than the value (unknown keys).
    pub at_key: bool,
    /// What is wrong, in plain words.
    pub message: String,
    /// What to do.
    pub help: Option<String>,
}

/// How deeply lists and blocks may nest. serde_yaml refuses deeper documents anyway ("recursion
/// limit exceeded"), but only after its scanner has read the whole file, in time quadratic in the
/// depth of nested `[` or `{` (10,000 of them took 4 s, 40,000 took 27 s); so deeper files are
/// refused before serde_yaml sees them.
pub const MAX_DEPTH: usize = 128;

/// Parses YAML text into a value. A UTF-8 byte-order mark is accepted and ignored.
/// An empty file parses as null.
pub fn parse(text: &str) -> Result<Value, Problem> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    parse_measured(text, nesting_too_deep(text))
}

/// Where `text` first nests deeper than [`MAX_DEPTH`], if it does.
pub fn nesting_too_deep(text: &str) -> Option<Span> {
    survey(text).too_deep
}

/// What one event pass over a file tells before it is parsed into values.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Survey {
    /// Where the text first nests deeper than [`MAX_DEPTH`] (the parser must not see it then).
    pub too_deep: Option<Span>,
    /// The characters beyond ASCII in the scalars (keys and values as written, aliases not
    /// followed) of the first document, sorted and without repeats; `None` if the text could
    /// not be read to the end of that document.
    pub scalar_chars: Option<Vec<char>>,
    /// Where a key is itself a list or a block (`[a, b]: x`, `? {a: 1}`), which no data file
    /// has: the reader would say only "expected field identifier" at the start of the block.
    pub complex_key: Option<Span>,
    /// Where a second document starts (a `---` line after content): a data file holds one.
    pub second_document: Option<Span>,
}

/// Measures `text` in one event pass: its nesting depth, and which non-ASCII characters its
/// values use (so that the check for characters the PDF fonts lack can skip files whose only
/// such characters are in comments, without parsing them again). Files are surveyed once,
/// when read, and parsed with [`parse_measured`].
pub fn survey(text: &str) -> Survey {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut probe = DepthProbe::default();
    let result = walk(text, &mut probe);
    let complete = result.is_ok();
    let second_document = result.as_ref().ok().copied().flatten();
    let too_deep = too_deep(probe.too_deep, result.map(|_| ()));
    let scalar_chars = complete.then(|| {
        let mut chars: Vec<char> = probe.chars.into_iter().collect();
        chars.sort_unstable();
        chars
    });
    Survey {
        too_deep,
        scalar_chars,
        complex_key: probe.complex_key,
        second_document,
    }
}

/// [`parse`] for a text measured already with [`nesting_too_deep`] (which gave `too_deep`).
pub fn parse_measured(text: &str, too_deep: Option<Span>) -> Result<Value, Problem> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    parse_unless_too_deep(text, too_deep)
}

/// Where a walk found the nesting too deep: yaml-rust2 stops at 256 nested `[` or `{` before it
/// has told about the first of them. Any other syntax error is left for serde_yaml to report,
/// in its words.
fn too_deep(found: Option<Span>, walked: Result<(), ScanError>) -> Option<Span> {
    found.or_else(|| match walked {
        Err(e) if e.info().contains("recursion limit") => Some(Span {
            line: e.marker().line(),
            col: e.marker().col() + 1,
        }),
        _ => None,
    })
}

fn parse_unless_too_deep(text: &str, too_deep: Option<Span>) -> Result<Value, Problem> {
    if let Some(span) = too_deep {
        return Err(Problem {
            path: None,
            span: Some(span),
            at_key: false,
            message: crate::tr!("yaml-too-deep", depth = MAX_DEPTH),
            help: Some(syntax_help("recursion limit")),
        });
    }
    backend::from_str::<Value>(text).map_err(|e| {
        let span = e.location().map(|l| Span {
            line: l.line(),
            col: l.column(),
        });
        let raw = e.to_string();
        if let Some(h) = span.and_then(|at| super::yaml_hints::explain(text, at, &raw)) {
            return Problem {
                path: None,
                span: Some(h.span),
                at_key: false,
                message: crate::tr!("yaml-invalid", detail = h.message),
                help: Some(h.help),
            };
        }
        Problem {
            path: None,
            span,
            at_key: false,
            message: plain_syntax_message(&e.to_string()),
            help: Some(syntax_help(&e.to_string())),
        }
    })
}

/// Feeds the events of the first document of `text` to `recv`; returns where a second
/// document starts, if one does. yaml-rust2's own `load` recurses once per nesting level and
/// overflowed the stack on a line of 5,000 `- `; this loop does not.
fn walk(text: &str, recv: &mut impl MarkedEventReceiver) -> Result<Option<Span>, ScanError> {
    let mut parser = Parser::new_from_str(text);
    loop {
        let (ev, mark) = parser.next_token()?;
        let stream_end = matches!(ev, Event::StreamEnd);
        let end = stream_end || matches!(ev, Event::DocumentEnd);
        recv.on_event(ev, mark);
        if end {
            if stream_end {
                return Ok(None);
            }
            // Whatever follows the first document is not read; only whether there is one.
            return Ok(match parser.next_token() {
                Ok((Event::DocumentStart, m)) => Some(Span {
                    line: m.line(),
                    col: m.col() + 1,
                }),
                _ => None,
            });
        }
    }
}

/// Finds where a document first nests deeper than [`MAX_DEPTH`], and collects the non-ASCII
/// characters of its scalars.
#[derive(Default)]
struct DepthProbe {
    depth: usize,
    too_deep: Option<Span>,
    chars: std::collections::HashSet<char>,
    /// Per open collection: for a block of `key: value` lines, whether its next node is a key.
    expects_key: Vec<Option<bool>>,
    complex_key: Option<Span>,
}

impl DepthProbe {
    /// A node starts: notes whether it is a key that is itself a collection.
    fn node(&mut self, collection: bool, mark: Marker) {
        if let Some(Some(key_next)) = self.expects_key.last_mut() {
            if *key_next && collection && self.complex_key.is_none() {
                self.complex_key = Some(Span {
                    line: mark.line(),
                    col: mark.col() + 1,
                });
            }
            *key_next = !*key_next;
        }
    }
}

impl MarkedEventReceiver for DepthProbe {
    fn on_event(&mut self, ev: Event, mark: Marker) {
        match &ev {
            Event::SequenceStart(..) | Event::MappingStart(..) => {
                self.node(true, mark);
                self.expects_key
                    .push(matches!(ev, Event::MappingStart(..)).then_some(true));
            }
            Event::SequenceEnd | Event::MappingEnd => {
                self.expects_key.pop();
            }
            Event::Scalar(..) | Event::Alias(..) => self.node(false, mark),
            _ => {}
        }
        match ev {
            Event::SequenceStart(..) | Event::MappingStart(..) => {
                self.depth += 1;
                if self.depth > MAX_DEPTH && self.too_deep.is_none() {
                    self.too_deep = Some(Span {
                        line: mark.line(),
                        col: mark.col() + 1,
                    });
                }
            }
            Event::SequenceEnd | Event::MappingEnd => self.depth = self.depth.saturating_sub(1),
            Event::Scalar(value, ..) if !value.is_ascii() => {
                self.chars.extend(value.chars().filter(|c| !c.is_ascii()));
            }
            _ => {}
        }
    }
}

/// A character no value may hold, found in a parsed document: the path of the value (or of the
/// key, when `in_key`) and the character.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadChar {
    /// Path of the value, as the index names it.
    pub path: String,
    /// Whether the character is in the key rather than the value.
    pub in_key: bool,
    /// The character.
    pub c: char,
}

/// Puts every text value of `value` into normalisation form C, and returns the values and keys
/// that hold a character `forbidden` refuses (the first such character of each).
pub fn clean_values(value: &mut Value, forbidden: fn(char) -> bool) -> Vec<BadChar> {
    let mut found = Vec::new();
    // Paths are spelled out only in the rare file that has such a character.
    if normalize_walk(value, forbidden) {
        find_bad(value, &mut String::new(), forbidden, &mut found);
    }
    found
}

/// NFC for every text; whether any text or key holds a forbidden character.
fn normalize_walk(value: &mut Value, forbidden: fn(char) -> bool) -> bool {
    match value {
        Value::String(s) => {
            if s.is_ascii() {
                return s.bytes().any(|b| forbidden(b as char));
            }
            if let Some(nfc) = crate::data::chars::to_nfc(s) {
                *s = nfc;
            }
            s.chars().any(forbidden)
        }
        Value::Sequence(items) => items
            .iter_mut()
            .fold(false, |bad, item| normalize_walk(item, forbidden) | bad),
        Value::Mapping(map) => map.iter_mut().fold(false, |bad, (k, v)| {
            let key_bad = k.as_str().is_some_and(|k| k.chars().any(forbidden));
            normalize_walk(v, forbidden) | key_bad | bad
        }),
        Value::Tagged(t) => normalize_walk(&mut t.value, forbidden),
        _ => false,
    }
}

fn find_bad(value: &Value, path: &mut String, forbidden: fn(char) -> bool, out: &mut Vec<BadChar>) {
    match value {
        Value::String(s) => {
            if let Some(c) = s.chars().find(|&c| forbidden(c)) {
                out.push(BadChar {
                    path: path.clone(),
                    in_key: false,
                    c,
                });
            }
        }
        Value::Sequence(items) => {
            let len = path.len();
            for (i, item) in items.iter().enumerate() {
                path.push_str(&format!("[{i}]"));
                find_bad(item, path, forbidden, out);
                path.truncate(len);
            }
        }
        Value::Mapping(map) => {
            let len = path.len();
            for (k, v) in map {
                let key = k.as_str().unwrap_or("?");
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(key);
                if let Some(c) = key.chars().find(|&c| forbidden(c)) {
                    out.push(BadChar {
                        path: path.clone(),
                        in_key: true,
                        c,
                    });
                }
                find_bad(v, path, forbidden, out);
                path.truncate(len);
            }
        }
        Value::Tagged(t) => find_bad(&t.value, path, forbidden, out),
        _ => {}
    }
}

fn plain_syntax_message(raw: &str) -> String {
    // serde_yaml reads a number too large for 128 bits as this type error, though the YAML is fine.
    if raw.contains(" as u128, ") || raw.contains(" as i128, ") {
        if let Some(number) = raw.split('`').nth(1) {
            return crate::tr!("yaml-number-too-large", number = number);
        }
    }
    // serde_yaml appends " at line X column Y"; the diagnostic prints the position itself.
    let msg = raw.split(" at line ").next().unwrap_or(raw).trim();
    crate::tr!("yaml-invalid", detail = scanner_words(msg))
}

/// The parser's own words for a syntax error, in the language in force when the catalog has
/// them (the common ones); otherwise as the parser said it.
fn scanner_words(msg: &str) -> String {
    let id = match msg {
        "mapping values are not allowed in this context" => "yaml-detail-mapping-values",
        "did not find expected key" => "yaml-detail-expected-key",
        "could not find expected ':'" => "yaml-detail-expected-colon",
        "did not find expected '-' indicator" => "yaml-detail-expected-dash",
        "found a tab character that violates indentation" => "yaml-detail-tab",
        "found unexpected end of stream" => "yaml-detail-end-of-stream",
        "found character that cannot start any token" => "yaml-detail-bad-character",
        "did not find expected node content" => "yaml-detail-node-content",
        "found undefined alias" | "unknown anchor" => "yaml-detail-alias",
        _ => return msg.to_string(),
    };
    crate::i18n::text(id, &[])
}

fn syntax_help(raw: &str) -> String {
    if raw.contains(" as u128, ") || raw.contains(" as i128, ") {
        crate::tr!("yaml-help-number")
    } else if raw.contains("tab") {
        crate::tr!("yaml-help-tab")
    } else if raw.contains("duplicate") {
        crate::tr!("yaml-help-duplicate")
    } else if raw.contains("recursion limit") || raw.contains("repetition limit") {
        crate::tr!("yaml-help-too-deep")
    } else {
        crate::tr!("yaml-help-syntax")
    }
}

/// Deserializes `value` into `T`, collecting every problem instead of stopping at the first:
/// after each error the offending key (or, failing that, the list item holding it) is removed
/// and deserialization is retried, so one bad event does not hide the next one.
pub fn deserialize_all<T: DeserializeOwned>(value: &Value) -> Result<T, Partial<T>> {
    // Most files have no problem: read them straight from the parsed value. Only a file with
    // problems pays for the copy that the recovery below prunes and retries on.
    if let Ok(v) = T::deserialize(value) {
        return Ok(v);
    }
    let mut work = value.clone();
    let mut problems = Vec::new();
    let mut pruned_keys: Vec<(Vec<Seg>, String)> = Vec::new();
    let mut meant: Vec<(Vec<Seg>, String)> = Vec::new();
    // List items removed so far, by the list's path in the original document, so that paths
    // reported after a removal still name the item's original position.
    let mut removed: Removed = HashMap::new();
    // Each round removes at least one node, so this terminates. Each round also reads the whole
    // document again, so the rounds are capped by the document's size: a 10 MB file with an
    // error in every event took 100 s for 500 rounds.
    let rounds = (MAX_NODE_VISITS / count_nodes(value)).clamp(MIN_ROUNDS, MAX_ROUNDS);
    for _ in 0..rounds {
        let result: Result<T, serde_path_to_error::Error<backend::Error>> =
            serde_path_to_error::deserialize(&work);
        let err = match result {
            Ok(v) if problems.is_empty() => return Ok(v),
            Ok(v) => {
                return Err(Partial {
                    value: Some(v),
                    problems,
                    removed,
                })
            }
            Err(err) => err,
        };
        let segs = to_segs(err.path());
        let original = to_original(&segs, &removed);
        let raw = err.inner().to_string();
        let (message, help, at_key) = plain_message(&raw);
        // A "missing field" for a key we removed ourselves, or for the key a misspelled one was
        // meant to be ("dat" → "date"), is an echo of a problem already reported.
        let echo = missing_field(&raw).is_some_and(|f| {
            pruned_keys.iter().any(|(p, k)| *p == segs && *k == f)
                || meant.iter().any(|(p, k)| *p == segs && *k == f)
        });
        if let (Some(Seg::Key(_)), Some(s)) = (segs.last(), suggested_key(&raw)) {
            meant.push((segs[..segs.len() - 1].to_vec(), s.to_string()));
        }
        if !echo {
            problems.push(Problem {
                path: Some(path_string(&original)),
                span: None,
                at_key,
                message,
                help,
            });
        }
        let removed_key =
            !echo && matches!(segs.last(), Some(Seg::Key(_))) && remove_at(&mut work, &segs);
        if removed_key {
            if let Some(Seg::Key(k)) = segs.last() {
                pruned_keys.push((segs[..segs.len() - 1].to_vec(), k.clone()));
            }
            continue;
        }
        // Remove the innermost list item holding the problem.
        let Some(cut) = segs.iter().rposition(|s| matches!(s, Seg::Index(_))) else {
            return Err(Partial {
                value: None,
                problems,
                removed,
            });
        };
        if !remove_at(&mut work, &segs[..=cut]) {
            return Err(Partial {
                value: None,
                problems,
                removed,
            });
        }
        // Paths after the removed item have shifted: earlier key removals no longer match.
        pruned_keys.clear();
        meant.clear();
        if let Some(Seg::Index(i)) = original.get(cut) {
            let list = removed.entry(original[..cut].to_vec()).or_default();
            list.push(*i);
            list.sort_unstable();
        }
    }
    problems.push(Problem {
        path: None,
        span: None,
        at_key: false,
        message: crate::tr!("yaml-too-many", count = problems.len()),
        help: Some(crate::tr!("yaml-too-many-help")),
    });
    Err(Partial {
        value: None,
        problems,
        removed,
    })
}

/// Problems one file may report: at most this many rounds of [`deserialize_all`]…
const MAX_ROUNDS: usize = 500;
/// …and at least this many, however large the file…
const MIN_ROUNDS: usize = 20;
/// …within about this many values read in all rounds (20 rounds of a 10 MB year file).
const MAX_NODE_VISITS: usize = 20_000_000;

/// How many values (scalars, lists, blocks) `value` holds.
fn count_nodes(value: &Value) -> usize {
    1 + match value {
        Value::Sequence(items) => items.iter().map(count_nodes).sum(),
        Value::Mapping(map) => map
            .iter()
            .map(|(k, v)| count_nodes(k) + count_nodes(v))
            .sum(),
        Value::Tagged(t) => count_nodes(&t.value),
        _ => 0,
    }
}

/// List items removed while reading a file, by the list's path (original positions).
pub type Removed = HashMap<Vec<Seg>, Vec<usize>>;

/// What could be read from a file with problems: the rest of the data (without the keys and
/// list items that had problems), the problems, and which list items were left out.
#[derive(Debug)]
pub struct Partial<T> {
    /// The data without the offending parts, if anything could be read.
    pub value: Option<T>,
    /// Every problem found.
    pub problems: Vec<Problem>,
    /// List items left out, so paths into `value` can be mapped back to the file.
    pub removed: Removed,
}

/// Maps a path into the partially read data (`events[3].date`) to the same place in the file,
/// accounting for the list items that were left out.
pub fn original_path(path: &str, removed: &Removed) -> String {
    if removed.is_empty() {
        return path.to_string();
    }
    path_string(&to_original(&parse_path(path), removed))
}

/// Parses `events[3].about[0]` into segments.
fn parse_path(path: &str) -> Vec<Seg> {
    let mut segs = Vec::new();
    for part in path.split('.').filter(|p| !p.is_empty()) {
        let mut rest = part;
        if let Some(i) = rest.find('[') {
            if i > 0 {
                segs.push(Seg::Key(rest[..i].to_string()));
            }
            rest = &rest[i..];
            while let Some(stripped) = rest.strip_prefix('[') {
                let Some(end) = stripped.find(']') else { break };
                match stripped[..end].parse() {
                    Ok(n) => segs.push(Seg::Index(n)),
                    Err(_) => segs.push(Seg::Key(stripped[..end].to_string())),
                }
                rest = &stripped[end + 1..];
            }
        } else {
            segs.push(Seg::Key(rest.to_string()));
        }
    }
    segs
}

/// Maps a path in the pruned document back to the original one.
fn to_original(segs: &[Seg], removed: &HashMap<Vec<Seg>, Vec<usize>>) -> Vec<Seg> {
    let mut out: Vec<Seg> = Vec::with_capacity(segs.len());
    for seg in segs {
        match seg {
            Seg::Index(i) => {
                let mut original = *i;
                if let Some(gone) = removed.get(&out) {
                    for &r in gone {
                        if r <= original {
                            original += 1;
                        }
                    }
                }
                out.push(Seg::Index(original));
            }
            key => out.push(key.clone()),
        }
    }
    out
}

fn to_segs(path: &serde_path_to_error::Path) -> Vec<Seg> {
    use serde_path_to_error::Segment;
    path.iter()
        .filter_map(|s| match s {
            Segment::Seq { index } => Some(Seg::Index(*index)),
            Segment::Map { key } => Some(Seg::Key(key.clone())),
            Segment::Enum { .. } | Segment::Unknown => None,
        })
        .collect()
}

fn remove_at(value: &mut Value, segs: &[Seg]) -> bool {
    let Some((last, parent_path)) = segs.split_last() else {
        return false;
    };
    let mut node = value;
    for seg in parent_path {
        node = match (seg, node) {
            (Seg::Key(k), Value::Mapping(m)) => match m.get_mut(k.as_str()) {
                Some(v) => v,
                None => return false,
            },
            (Seg::Index(i), Value::Sequence(s)) => match s.get_mut(*i) {
                Some(v) => v,
                None => return false,
            },
            _ => return false,
        };
    }
    match (last, node) {
        (Seg::Key(k), Value::Mapping(m)) => m.remove(k.as_str()).is_some(),
        (Seg::Index(i), Value::Sequence(s)) if *i < s.len() => {
            s.remove(*i);
            true
        }
        _ => false,
    }
}

/// The key that an "unknown field" error of serde suggests instead ("dat" → "date").
fn suggested_key(raw: &str) -> Option<&str> {
    let words = backticked(raw.strip_prefix("unknown field ")?);
    let wrong = words.first()?;
    suggest(wrong, words[1..].iter().copied())
}

fn missing_field(raw: &str) -> Option<String> {
    raw.strip_prefix("missing field `")?
        .split('`')
        .next()
        .map(str::to_string)
}

/// Backticked words of a serde message: "unknown field `x`, expected one of `a`, `b`".
fn backticked(raw: &str) -> Vec<&str> {
    raw.split('`').skip(1).step_by(2).collect()
}

/// Turns serde's wording into plain words for people who edit YAML; returns
/// (message, help, points at the key).
fn plain_message(raw: &str) -> (String, Option<String>, bool) {
    if let Some(rest) = raw.strip_prefix("unknown field ") {
        let words = backticked(rest);
        let wrong = words.first().copied().unwrap_or("?");
        let allowed = &words[1.min(words.len())..];
        let help = match suggest(wrong, allowed.iter().copied()) {
            Some(s) => crate::tr!("did-you-mean", suggestion = s),
            None if allowed.is_empty() => crate::tr!("yaml-remove-key"),
            None => crate::tr!("yaml-allowed-keys", keys = allowed.join(", ")),
        };
        return (
            crate::tr!("yaml-unknown-key", key = wrong),
            Some(help),
            true,
        );
    }
    if let Some(field) = missing_field(raw) {
        return (
            crate::tr!("yaml-missing-key", key = field),
            Some(crate::tr!("yaml-missing-key-help", key = field)),
            true,
        );
    }
    if let Some(rest) = raw.strip_prefix("unknown variant ") {
        let words = backticked(rest);
        let wrong = words.first().copied().unwrap_or("?");
        let allowed = &words[1.min(words.len())..];
        let help = match suggest(wrong, allowed.iter().copied()) {
            Some(s) => crate::tr!("did-you-mean", suggestion = s),
            None => crate::tr!("yaml-use-one-of", values = allowed.join(", ")),
        };
        return (
            crate::tr!("yaml-not-allowed-value", value = wrong),
            Some(help),
            false,
        );
    }
    // "invalid type" (a list where text belongs) and "invalid value" (a number out of range)
    // read the same to a person; only a wrong type has a general fix to suggest.
    let wrong_type = raw.strip_prefix("invalid type: ");
    if let Some(rest) = wrong_type.or_else(|| raw.strip_prefix("invalid value: ")) {
        let (found, expected) = rest
            .split_once(", expected ")
            .unwrap_or((rest, "something else"));
        return (
            crate::tr!(
                "yaml-wrong-type",
                expected = plain_expected(expected),
                found = plain_found(found)
            ),
            wrong_type.map(|_| type_help(expected)),
            false,
        );
    }
    (raw.to_string(), None, false)
}

fn plain_expected(expected: &str) -> String {
    crate::tr!("yaml-kind", kind = expected_kind(expected))
}

/// What serde expected, as one of the kinds the catalog names (`text`, `number`, `bool`,
/// `list`, `block`), or serde's own words.
fn expected_kind(expected: &str) -> &str {
    let e = expected.trim();
    if e.contains("string") || e.contains("char") {
        "text"
    } else if e.starts_with('u') || e.starts_with('i') && e[1..].chars().all(|c| c.is_ascii_digit())
    {
        "number"
    } else if e.contains("bool") {
        "bool"
    } else if e.contains("sequence") {
        "list"
    } else if e.starts_with("struct") || e.contains("map") {
        "block"
    } else {
        e
    }
}

fn plain_found(found: &str) -> String {
    let f = found.trim();
    if let Some(s) = f.strip_prefix("string ") {
        crate::tr!("yaml-found-text", text = s)
    } else if f == "sequence" {
        crate::tr!("yaml-kind", kind = "list")
    } else if f == "map" {
        crate::tr!("yaml-kind", kind = "block")
    } else if let Some(n) = f
        .strip_prefix("integer ")
        .or_else(|| f.strip_prefix("floating point "))
    {
        crate::tr!("yaml-found-number", number = n.trim_matches('`'))
    } else if let Some(b) = f.strip_prefix("boolean ") {
        b.trim_matches('`').to_string()
    } else if f == "unit value" {
        crate::tr!("yaml-found-nothing")
    } else {
        f.to_string()
    }
}

fn type_help(expected: &str) -> String {
    match expected_kind(expected) {
        "text" => crate::tr!("yaml-help-text"),
        "list" => crate::tr!("yaml-help-list"),
        _ => crate::tr!("yaml-help-write", kind = plain_expected(expected)),
    }
}

/// Positions of every key and value of a document, by path.
#[derive(Debug, Default)]
pub struct PathIndex {
    values: HashMap<String, Span>,
    keys: HashMap<String, Span>,
    /// Paths whose value is a mapping.
    collections: std::collections::HashSet<String>,
    /// The first key that repeats a key of the same block.
    duplicate_key: Option<Span>,
}

impl PathIndex {
    /// Builds the index for `text`. Text that does not parse gives a partial (or empty) index;
    /// the parse error itself is reported by [`parse`].
    pub fn build(text: &str) -> PathIndex {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let mut builder = IndexBuilder::default();
        // A walk that stops early (a syntax error) leaves a partial index.
        let _ = walk(text, &mut builder);
        builder.index
    }

    /// Where a key first repeats one of the same block. serde_yaml reports a duplicate key at
    /// the start of the block, which can be many lines above it.
    pub fn duplicate_key(&self) -> Option<Span> {
        self.duplicate_key
    }

    /// Position of the value at `path` (`""` is the whole document).
    pub fn value(&self, path: &str) -> Option<Span> {
        self.values.get(path).copied()
    }

    /// Position of the key of the value at `path`; falls back to the value.
    pub fn key(&self, path: &str) -> Option<Span> {
        self.keys.get(path).copied().or_else(|| self.value(path))
    }

    /// Best position for `path`: the value (for a block of lines, the key that opens it, where
    /// a reader looks), else the nearest enclosing value that is indexed.
    pub fn locate(&self, path: &str, at_key: bool) -> Option<Span> {
        let mut p = path.to_string();
        loop {
            let hit = if at_key || self.collections.contains(&p) {
                self.key(&p)
            } else {
                self.value(&p)
            };
            if hit.is_some() {
                return hit;
            }
            let cut = p.rfind(['.', '['])?;
            p.truncate(cut);
        }
    }
}

enum Frame {
    Seq {
        path: String,
        next: usize,
    },
    Map {
        path: String,
        key: Option<String>,
        first: bool,
    },
}

/// Collections nested deeper than this are not indexed. The parser refuses documents nested
/// deeper than 128 levels anyway, and every path repeats its parents' path, so indexing a file
/// of 10,000 `[` took seconds (and of a few MB, hours and gigabytes).
const MAX_INDEX_DEPTH: usize = 200;

#[derive(Default)]
struct IndexBuilder {
    index: PathIndex,
    stack: Vec<Frame>,
    /// How many collections are open below [`MAX_INDEX_DEPTH`] (their contents are skipped).
    skipped: usize,
}

impl IndexBuilder {
    /// The path of the node that starts now, or `None` if it is a mapping key.
    fn next_path(&mut self, key_text: Option<&str>, span: Span) -> Option<String> {
        match self.stack.last_mut() {
            None => Some(String::new()),
            Some(Frame::Seq { path, next }) => {
                let p = format!("{path}[{next}]");
                *next += 1;
                Some(p)
            }
            Some(Frame::Map { path, key, first }) => match key.take() {
                Some(k) => Some(join(path, &k)),
                None => {
                    let k = key_text.unwrap_or("?").to_string();
                    if self.index.keys.insert(join(path, &k), span).is_some() {
                        self.index.duplicate_key.get_or_insert(span);
                    }
                    if std::mem::take(first) {
                        // A block mapping "starts" at its first key (the parser's mark for it
                        // is after that key), which is where a reader looks for the entry.
                        self.index.values.insert(path.clone(), span);
                    }
                    *key = Some(k);
                    None
                }
            },
        }
    }
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

impl MarkedEventReceiver for IndexBuilder {
    fn on_event(&mut self, ev: Event, mark: Marker) {
        // yaml-rust2 lines are 1-based and columns 0-based.
        let span = Span {
            line: mark.line(),
            col: mark.col() + 1,
        };
        if self.skipped > 0 {
            match ev {
                Event::SequenceStart(..) | Event::MappingStart(..) => self.skipped += 1,
                Event::SequenceEnd | Event::MappingEnd => self.skipped -= 1,
                _ => {}
            }
            return;
        }
        match ev {
            Event::Scalar(text, ..) => {
                if let Some(p) = self.next_path(Some(&text), span) {
                    self.index.values.insert(p, span);
                }
            }
            Event::Alias(_) => {
                if let Some(p) = self.next_path(Some("*alias"), span) {
                    self.index.values.insert(p, span);
                }
            }
            Event::SequenceStart(..) | Event::MappingStart(..) => {
                let is_seq = matches!(ev, Event::SequenceStart(..));
                // A collection used as a mapping key has no useful path; index it under "?".
                let path = self.next_path(None, span).unwrap_or_else(|| "?".into());
                self.index.values.entry(path.clone()).or_insert(span);
                if self.stack.len() >= MAX_INDEX_DEPTH {
                    self.skipped = 1;
                    return;
                }
                if !is_seq {
                    // A block of `key: value` lines is pointed at by the key that opens it.
                    self.index.collections.insert(path.clone());
                }
                self.stack.push(if is_seq {
                    Frame::Seq { path, next: 0 }
                } else {
                    Frame::Map {
                        path,
                        key: None,
                        first: true,
                    }
                });
            }
            Event::SequenceEnd | Event::MappingEnd => {
                self.stack.pop();
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Item {
        id: String,
        n: u32,
    }

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Doc {
        items: Vec<Item>,
    }

    #[test]
    fn index_finds_keys_and_values() {
        let text = "items:\n  - id: a\n    n: 1\n  - {id: b, n: 2}\n";
        let ix = PathIndex::build(text);
        assert_eq!(ix.value("items[0].id"), Some(Span { line: 2, col: 9 }));
        assert_eq!(ix.key("items[0].n"), Some(Span { line: 3, col: 5 }));
        assert_eq!(ix.value("items[1].n"), Some(Span { line: 4, col: 16 }));
        assert_eq!(
            ix.locate("items[1].zzz", false),
            Some(Span { line: 4, col: 6 })
        );
        // A block entry is located at its first key, not after it.
        let ix = PathIndex::build("events:\n  - date: 2022-08-12\n    about: [x]\n");
        assert_eq!(
            ix.locate("events[0]", false),
            Some(Span { line: 2, col: 5 })
        );
        assert_eq!(ix.locate("events", false), Some(Span { line: 2, col: 3 }));
    }

    #[test]
    fn a_chapter_number_may_be_written_without_quotes() {
        let report = |number: &str| {
            let text = format!(
                "city: P\ncity_genitive: P\noffice: U\nreport_title: R\nchapter_title: W\n\
                 chapter_number: {number}\n"
            );
            deserialize_all::<crate::data::raw::Report>(&parse(&text).unwrap())
                .map(|r| r.chapter_number)
                .map_err(|p| p.problems[0].message.clone())
        };
        assert_eq!(report("7"), Ok(Some("7".to_string())));
        assert_eq!(report("\"7\""), Ok(Some("7".to_string())));
        assert_eq!(report("VII"), Ok(Some("VII".to_string())));
        assert_eq!(report("~"), Ok(None));
        // Not a number that would lose its digits, nor a list.
        assert!(report("7.10").is_err());
        assert!(report("[7]").is_err());
    }

    #[test]
    fn collects_every_problem() {
        let text = "items:\n  - id: a\n    n: x\n  - id: b\n    nn: 2\n  - n: 3\n";
        let v = parse(text).unwrap();
        let partial = deserialize_all::<Doc>(&v).unwrap_err();
        // What could be read is kept: only the first item survives, and its path maps back.
        assert_eq!(partial.value.as_ref().map(|d| d.items.len()), Some(0));
        let problems = partial.problems;
        let summary: Vec<_> = problems
            .iter()
            .map(|p| (p.path.clone().unwrap_or_default(), p.message.clone()))
            .collect();
        assert_eq!(
            summary,
            vec![
                (
                    "items[0].n".to_string(),
                    "expected a whole number, found the text \"x\"".to_string()
                ),
                ("items[1].nn".to_string(), "unknown key `nn`".to_string()),
                (
                    "items[2]".to_string(),
                    "required key `id` is missing".to_string()
                ),
            ]
        );
        assert_eq!(problems[1].help.as_deref(), Some("did you mean `n`?"));
    }

    #[test]
    fn paths_map_back_over_removed_items() {
        let text = "items:\n  - id: a\n    n: x\n  - id: b\n    n: 2\n";
        let partial = deserialize_all::<Doc>(&parse(text).unwrap()).unwrap_err();
        let doc = partial.value.expect("the second item is readable");
        assert_eq!(doc.items[0].id, "b");
        assert_eq!(original_path("items[0].n", &partial.removed), "items[1].n");
        assert_eq!(
            parse_path("a.b[2][3].c"),
            vec![
                Seg::Key("a".into()),
                Seg::Key("b".into()),
                Seg::Index(2),
                Seg::Index(3),
                Seg::Key("c".into())
            ]
        );
    }

    #[test]
    fn syntax_errors_have_positions() {
        let p = parse("a: 1\n\tb: 2\n").unwrap_err();
        assert_eq!(p.span.map(|s| s.line), Some(2));
        assert!(p.message.starts_with("this is not valid YAML"));
    }

    #[test]
    fn deep_nesting_is_indexed_in_linear_time() {
        // 100,000 levels: indexing every level took minutes (each path repeats its parents').
        let text = format!("a: {}\nb: 1\n", "[".repeat(100_000));
        let start = std::time::Instant::now();
        PathIndex::build(&text);
        // 100,000 nested block lists overflowed the stack (yaml-rust2's `load` recurses).
        let text = format!("a:\n{}x\n", "- ".repeat(100_000));
        PathIndex::build(&text);
        assert!(start.elapsed() < std::time::Duration::from_secs(5));
        // Values after a deep (closed) collection are still indexed.
        let text = format!("a: {}{}\nb: 1\n", "[".repeat(250), "]".repeat(250));
        assert_eq!(
            PathIndex::build(&text).value("b"),
            Some(Span { line: 2, col: 4 })
        );
    }

    #[test]
    fn deep_nesting_is_refused_quickly_where_it_gets_too_deep() {
        let start = std::time::Instant::now();
        for text in [
            format!("a: {}\n", "[".repeat(40_000)),
            format!("a: {}\n", "{a: ".repeat(40_000)),
            format!("a:\n{}x\n", "- ".repeat(40_000)),
        ] {
            let p = parse(&text).unwrap_err();
            assert!(p.message.contains("more than 128 levels"), "{p:?}");
            assert_eq!(
                p.span.map(|s| s.line),
                Some(1 + usize::from(text.starts_with("a:\n")))
            );
        }
        assert!(start.elapsed() < std::time::Duration::from_secs(5));
        // 128 levels are still read.
        let text = format!("a: {}{}\n", "[".repeat(127), "]".repeat(127));
        assert!(parse(&text).is_ok());
    }

    #[test]
    fn survey_collects_the_characters_of_values_not_of_comments() {
        let s = survey("# → a comment\nmiasto: Győr # ←\nklucz_ł: [„a”, b]\n");
        assert_eq!(s.too_deep, None);
        assert_eq!(s.scalar_chars, Some(vec!['ł', 'ő', '”', '„']));
        assert_eq!(survey("a: 1\n").scalar_chars, Some(vec![]));
        // Unreadable to the end: unknown, so the caller must look at the values itself.
        assert_eq!(survey("a: [ż\n").scalar_chars, None);
        let deep = survey(&format!("a: {}\n", "[".repeat(200)));
        assert_eq!(deep.too_deep.map(|s| s.line), Some(1));
    }

    #[test]
    fn bom_is_accepted() {
        let v = parse("\u{feff}a: 1\n").unwrap();
        assert_eq!(v["a"].as_u64(), Some(1));
    }
}
