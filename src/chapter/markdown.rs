//! The chapter's Markdown: Polish typography applied to its text, and parsing into the `doc` tree.

use std::collections::{HashMap, HashSet};

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use crate::doc::{Block, DocMeta, Document, Figure, Inline, Table};
use crate::polish;

/// The label of the paragraph before a table that is its caption (`doc`'s convention).
pub(crate) const CAPTION_LABEL: &str = "Tabela:";

/// The Markdown extensions the chapter uses (GFM tables).
pub(crate) fn options() -> Options {
    Options::ENABLE_TABLES
}

/// Polish typography for one run of text: „quotes”, ’ apostrophes, and no-break spaces after
/// one-letter words, before `r.`, between numbers and words, before dashes.
pub fn typeset_text(text: &str) -> String {
    typeset_changed(text).unwrap_or_else(|| text.to_string())
}

/// [`typeset_text`], or `None` when the text stays as it is. The chapter's text is typeset
/// before it is escaped, and again in the Markdown and in the tree, where it rarely changes:
/// no copy is made then.
fn typeset_changed(text: &str) -> Option<String> {
    match polish::smart_quotes_changed(text) {
        Some(quoted) => Some(polish::typeset_changed(&quoted).unwrap_or(quoted)),
        None => polish::typeset_changed(text),
    }
}

/// Applies [`typeset_text`] to the text of a Markdown document, leaving its syntax untouched
/// (only the source ranges of plain text runs are rewritten).
pub fn typeset_markdown(md: &str) -> String {
    let mut out = String::with_capacity(md.len() + md.len() / 16);
    let mut last = 0;
    for (event, range) in Parser::new_ext(md, options()).into_offset_iter() {
        if let Event::Text(t) = event {
            // Skip text whose source differs from its value (escapes, entities): rewriting the
            // source there could change its meaning.
            if range.start >= last && md.get(range.clone()) == Some(&*t) {
                out.push_str(&md[last..range.start]);
                out.push_str(typeset_changed(&t).as_deref().unwrap_or(&t));
                last = range.end;
            }
        }
    }
    out.push_str(&md[last..]);
    out
}

/// The image of a figure in the chapter's Markdown, `![alt](<path> "caption")`, as [`parse`]
/// reads it back: `alt` is Markdown already (escaped text), `caption` plain text. An empty
/// `path` means the figure has no image file yet (`<>`).
///
/// The path is written as it is, between `<` and `>`: every path that `check` accepts
/// (`image_file::path_problem`) reads back unchanged (tested for every character). Characters
/// that could not are dropped here as a last resort; the writers check the path they read
/// back with the same rule.
pub fn figure_image(alt: &str, path: &str, caption: &str) -> String {
    format!(
        "![{alt}](<{}> \"{}\")",
        path.replace(['<', '>', '\n'], ""),
        caption.replace('\\', "\\\\").replace('"', "\\\"")
    )
}

/// Parses the chapter's Markdown into the document tree, following the conventions documented
/// in `doc` (table caption and source, figures, `<span lang>`).
pub fn parse(md: &str, meta: DocMeta) -> Document {
    let mut events = Parser::new_ext(md, options()).peekable();
    let mut blocks = Vec::new();
    while events.peek().is_some() {
        parse_blocks_into(&mut events, &mut blocks, None);
    }
    let mut blocks = attach_captions(blocks);
    let mut tables = 0;
    number_tables(&mut blocks, &mut tables);
    assign_heading_ids(&mut blocks, &mut HeadingIds::default());
    Document { meta, blocks }
}

type Events<'a> = std::iter::Peekable<Parser<'a>>;

/// An inline, or an image (which turns its paragraph into a figure).
enum Piece {
    Inline(Inline),
    Image {
        url: String,
        title: String,
        alt: String,
    },
}

/// Reads blocks until `end` (or the end of input), appending them to `out`.
fn parse_blocks_into(events: &mut Events<'_>, out: &mut Vec<Block>, end: Option<TagEnd>) {
    let mut loose: Vec<Piece> = Vec::new(); // inline content directly in a tight list item
    while let Some(event) = events.next() {
        match event {
            Event::End(e) if Some(e) == end => break,
            Event::Start(tag) => {
                let is_block = !matches!(
                    tag,
                    Tag::Emphasis
                        | Tag::Strong
                        | Tag::Link { .. }
                        | Tag::Image { .. }
                        | Tag::Strikethrough
                );
                if is_block {
                    flush(&mut loose, out);
                    if matches!(tag, Tag::Paragraph) {
                        let pieces = inlines_until(events, Stop::End(TagEnd::Paragraph));
                        paragraphs(pieces, out);
                    } else if let Some(b) = parse_block(events, tag) {
                        out.push(b);
                    }
                } else {
                    parse_inline_tag(events, tag, &mut loose);
                }
            }
            Event::Rule => flush(&mut loose, out),
            Event::Html(h) => {
                flush(&mut loose, out);
                out.push(Block::Paragraph(vec![Inline::Text(
                    h.trim_end().to_string(),
                )]));
            }
            other => inline_event(events, other, &mut loose),
        }
    }
    flush(&mut loose, out);
}

fn flush(pieces: &mut Vec<Piece>, out: &mut Vec<Block>) {
    if !pieces.is_empty() {
        paragraphs(std::mem::take(pieces), out);
    }
}

/// The blocks of one Markdown paragraph: a figure that starts on a line of its own after a
/// hard line break (`text\` + newline + `![alt](path "caption")`, how a list item carries its
/// figures without making the list loose) is split off as its own figure; the rest is
/// [`paragraph`].
fn paragraphs(pieces: Vec<Piece>, out: &mut Vec<Block>) {
    let mut current = Vec::new();
    let mut pieces = pieces.into_iter().peekable();
    while let Some(piece) = pieces.next() {
        let figure_follows = matches!(piece, Piece::Inline(Inline::LineBreak))
            && matches!(pieces.peek(), Some(Piece::Image { .. }));
        if figure_follows {
            out.extend(paragraph(std::mem::take(&mut current)));
        } else {
            current.push(piece);
        }
    }
    out.extend(paragraph(current));
}

fn parse_block(events: &mut Events<'_>, tag: Tag<'_>) -> Option<Block> {
    match tag {
        Tag::Paragraph => paragraph(inlines_until(events, Stop::End(TagEnd::Paragraph))),
        Tag::Heading { level, .. } => {
            let content = finish_inlines(inlines_until(events, Stop::End(TagEnd::Heading(level))));
            Some(Block::Heading {
                level: heading_level(level),
                id: String::new(),
                content,
            })
        }
        Tag::List(start) => {
            let ordered = start.is_some();
            let mut items = Vec::new();
            while let Some(event) = events.next() {
                match event {
                    Event::Start(Tag::Item) => {
                        let mut item = Vec::new();
                        parse_blocks_into(events, &mut item, Some(TagEnd::Item));
                        items.push(attach_captions(item));
                    }
                    Event::End(TagEnd::List(_)) => break,
                    _ => {}
                }
            }
            Some(Block::List {
                ordered,
                start: start.unwrap_or(1),
                items,
            })
        }
        Tag::Table(_) => Some(Block::Table(parse_table(events))),
        Tag::BlockQuote(_) | Tag::FootnoteDefinition(_) | Tag::HtmlBlock | Tag::CodeBlock(_) => {
            // Not part of the chapter's conventions: keep the text, as paragraphs.
            let end = match tag {
                Tag::BlockQuote(k) => TagEnd::BlockQuote(k),
                Tag::FootnoteDefinition(_) => TagEnd::FootnoteDefinition,
                Tag::HtmlBlock => TagEnd::HtmlBlock,
                _ => TagEnd::CodeBlock,
            };
            let mut inner = Vec::new();
            parse_blocks_into(events, &mut inner, Some(end));
            let text: Vec<Inline> = inner
                .iter()
                .filter_map(|b| match b {
                    Block::Paragraph(p) => Some(Inline::plain_text(p)),
                    _ => None,
                })
                .map(Inline::Text)
                .collect();
            (!text.is_empty()).then_some(Block::Paragraph(text))
        }
        other => {
            skip_to_end(events, other);
            None
        }
    }
}

fn skip_to_end(events: &mut Events<'_>, tag: Tag<'_>) {
    let end = tag.to_end();
    let mut depth = 0;
    for e in events.by_ref() {
        match e {
            Event::Start(t) if t.to_end() == end => depth += 1,
            Event::End(e) if e == end => {
                if depth == 0 {
                    break;
                }
                depth -= 1;
            }
            _ => {}
        }
    }
}

fn heading_level(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

fn parse_table(events: &mut Events<'_>) -> Table {
    let mut header = Vec::new();
    let mut rows = Vec::new();
    let mut row: Vec<Vec<Inline>> = Vec::new();
    while let Some(event) = events.next() {
        match event {
            Event::Start(Tag::TableCell) => {
                row.push(finish_inlines(inlines_until(
                    events,
                    Stop::End(TagEnd::TableCell),
                )));
            }
            Event::End(TagEnd::TableHead) => header = std::mem::take(&mut row),
            Event::End(TagEnd::TableRow) => rows.push(std::mem::take(&mut row)),
            Event::End(TagEnd::Table) => break,
            _ => {}
        }
    }
    Table {
        number: 0,
        caption: Vec::new(),
        header,
        rows,
        source: None,
    }
}

enum Stop {
    End(TagEnd),
    SpanClose,
}

/// Reads inline content until `stop`.
fn inlines_until(events: &mut Events<'_>, stop: Stop) -> Vec<Piece> {
    let mut out = Vec::new();
    while let Some(event) = events.next() {
        match (&stop, event) {
            (Stop::End(end), Event::End(e)) if *end == e => break,
            (Stop::SpanClose, Event::InlineHtml(h)) if h.trim() == "</span>" => break,
            (_, Event::Start(tag)) => parse_inline_tag(events, tag, &mut out),
            (_, Event::End(_)) => {} // an unexpected end: ignore rather than fail
            (_, other) => inline_event(events, other, &mut out),
        }
    }
    out
}

fn parse_inline_tag(events: &mut Events<'_>, tag: Tag<'_>, out: &mut Vec<Piece>) {
    match tag {
        Tag::Emphasis => {
            let c = finish_inlines(inlines_until(events, Stop::End(TagEnd::Emphasis)));
            out.push(Piece::Inline(Inline::Emphasis(c)));
        }
        Tag::Strong => {
            let c = finish_inlines(inlines_until(events, Stop::End(TagEnd::Strong)));
            out.push(Piece::Inline(Inline::Strong(c)));
        }
        Tag::Strikethrough => {
            let c = inlines_until(events, Stop::End(TagEnd::Strikethrough));
            out.extend(c);
        }
        Tag::Link { dest_url, .. } => {
            let c = finish_inlines(inlines_until(events, Stop::End(TagEnd::Link)));
            out.push(Piece::Inline(Inline::Link {
                url: dest_url.to_string(),
                content: c,
            }));
        }
        Tag::Image {
            dest_url, title, ..
        } => {
            let alt = Inline::plain_text(&finish_inlines(inlines_until(
                events,
                Stop::End(TagEnd::Image),
            )));
            out.push(Piece::Image {
                url: dest_url.to_string(),
                title: title.to_string(),
                alt,
            });
        }
        other => skip_to_end(events, other),
    }
}

fn inline_event(events: &mut Events<'_>, event: Event<'_>, out: &mut Vec<Piece>) {
    match event {
        Event::Text(t) | Event::Code(t) => out.push(Piece::Inline(Inline::Text(t.to_string()))),
        Event::SoftBreak => out.push(Piece::Inline(Inline::Text(" ".into()))),
        Event::HardBreak => out.push(Piece::Inline(Inline::LineBreak)),
        Event::InlineHtml(h) => match span_lang(&h) {
            Some(lang) => {
                let content = finish_inlines(inlines_until(events, Stop::SpanClose));
                out.push(Piece::Inline(Inline::Lang { lang, content }));
            }
            // Any other HTML is shown as typed: the chapter's text is never markup.
            None => out.push(Piece::Inline(Inline::Text(h.to_string()))),
        },
        Event::Html(h) => out.push(Piece::Inline(Inline::Text(h.to_string()))),
        _ => {}
    }
}

/// `<span lang="en">` → `en`.
fn span_lang(html: &str) -> Option<String> {
    let rest = html.trim().strip_prefix("<span lang=\"")?;
    let (lang, tail) = rest.split_once('"')?;
    let valid = !lang.is_empty()
        && lang.len() <= 12
        && lang.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
    (valid && tail.trim() == ">").then(|| lang.to_string())
}

/// A paragraph of pieces: a figure if it starts with an image, else a paragraph.
fn paragraph(pieces: Vec<Piece>) -> Option<Block> {
    let mut iter = pieces.into_iter();
    let first = iter.next()?;
    match first {
        Piece::Image { url, title, alt } => {
            // The credit follows on the next line, after a soft or a hard break.
            let rest: Vec<Piece> = iter
                .skip_while(|p| matches!(p, Piece::Inline(Inline::LineBreak)))
                .collect();
            let credit = trim_inlines(finish_inlines(rest));
            let caption = if title.trim().is_empty() {
                Vec::new()
            } else {
                vec![Inline::Text(typeset_text(title.trim()))]
            };
            Some(Block::Figure(Figure {
                image: (!url.trim().is_empty()).then(|| url.trim().to_string()),
                alt: typeset_text(alt.trim()),
                caption,
                credit: (!credit.is_empty()).then_some(credit),
            }))
        }
        first => {
            let all = std::iter::once(first).chain(iter).collect();
            let inlines = trim_inlines(finish_inlines(all));
            (!inlines.is_empty()).then_some(Block::Paragraph(inlines))
        }
    }
}

/// Turns pieces into inlines: images inside text become their alt text, adjacent text runs
/// are merged, and Polish typography is applied to each run.
fn finish_inlines(pieces: Vec<Piece>) -> Vec<Inline> {
    let mut out: Vec<Inline> = Vec::new();
    for p in pieces {
        let inline = match p {
            Piece::Inline(i) => i,
            Piece::Image { alt, .. } => Inline::Text(alt),
        };
        match (out.last_mut(), inline) {
            (Some(Inline::Text(prev)), Inline::Text(t)) => prev.push_str(&t),
            (_, i) => out.push(i),
        }
    }
    for i in &mut out {
        if let Inline::Text(t) = i {
            if let Some(typeset) = typeset_changed(t) {
                *t = typeset;
            }
        }
    }
    out
}

fn trim_inlines(mut inlines: Vec<Inline>) -> Vec<Inline> {
    while let Some(Inline::Text(t)) = inlines.first_mut() {
        let trimmed = t.trim_start().to_string();
        if trimmed.is_empty() {
            inlines.remove(0);
        } else {
            *t = trimmed;
            break;
        }
    }
    while let Some(Inline::Text(t)) = inlines.last_mut() {
        let trimmed = t.trim_end().to_string();
        if trimmed.is_empty() {
            inlines.pop();
        } else {
            *t = trimmed;
            break;
        }
    }
    inlines
}

/// `Tabela: …` before a table becomes its caption, `Źródło: …` after it its source line.
fn attach_captions(blocks: Vec<Block>) -> Vec<Block> {
    let mut out: Vec<Block> = Vec::with_capacity(blocks.len());
    for block in blocks {
        match block {
            Block::Table(mut t) => {
                if let Some(Block::Paragraph(p)) = out.last() {
                    if let Some(caption) = strip_label(p, CAPTION_LABEL) {
                        t.caption = caption;
                        out.pop();
                    }
                }
                out.push(Block::Table(t));
            }
            Block::Paragraph(p) => {
                let is_source = Inline::plain_text(&p).starts_with("Źródło:");
                match out.last_mut() {
                    Some(Block::Table(t)) if is_source && t.source.is_none() => t.source = Some(p),
                    _ => out.push(Block::Paragraph(p)),
                }
            }
            other => out.push(other),
        }
    }
    out
}

fn strip_label(p: &[Inline], label: &str) -> Option<Vec<Inline>> {
    let Some(Inline::Text(first)) = p.first() else {
        return None;
    };
    let rest = first.strip_prefix(label)?;
    let mut out = p.to_vec();
    out[0] = Inline::Text(rest.trim_start().to_string());
    Some(trim_inlines(out))
}

fn number_tables(blocks: &mut [Block], n: &mut u32) {
    for b in blocks {
        match b {
            Block::Table(t) => {
                *n += 1;
                t.number = *n;
            }
            Block::List { items, .. } => items.iter_mut().for_each(|i| number_tables(i, n)),
            _ => {}
        }
    }
}

/// The ids given to headings so far.
#[derive(Default)]
struct HeadingIds {
    used: HashSet<String>,
    /// Per slug, the suffix to try next: every earlier candidate is taken (and stays taken), so
    /// a slug shared by many headings does not test its taken suffixes again each time.
    next_suffix: HashMap<String, usize>,
}

impl HeadingIds {
    /// The first of `base`, `base-2`, `base-3`… not taken yet.
    fn assign(&mut self, base: String) -> String {
        let k = self.next_suffix.entry(base.clone()).or_insert(1);
        loop {
            let candidate = if *k == 1 {
                base.clone()
            } else {
                format!("{base}-{k}")
            };
            *k += 1;
            if self.used.insert(candidate.clone()) {
                return candidate;
            }
        }
    }
}

fn assign_heading_ids(blocks: &mut [Block], ids: &mut HeadingIds) {
    for b in blocks {
        match b {
            Block::Heading { id, content, .. } => {
                let base = slug(&Inline::plain_text(content));
                let base = if base.is_empty() {
                    "sekcja".to_string()
                } else {
                    base
                };
                *id = ids.assign(base);
            }
            Block::List { items, .. } => items.iter_mut().for_each(|i| assign_heading_ids(i, ids)),
            _ => {}
        }
    }
}

/// ASCII slug of a heading: "Győr (Węgry)" → "gyor-wegry".
pub fn slug(text: &str) -> String {
    use unicode_normalization::UnicodeNormalization as _;
    let mut out = String::new();
    for c in text.nfd() {
        let c = match c {
            'ł' | 'Ł' => 'l',
            c => c.to_ascii_lowercase(),
        };
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !unicode_normalization::char::is_combining_mark(c)
            && !out.ends_with('-')
            && !out.is_empty()
        {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta() -> DocMeta {
        Document::sample().meta
    }

    #[test]
    fn typesetting_leaves_syntax_alone() {
        let md = "# W Poznaniu\n\n- 4 kwietnia – spotkanie w Brnie;\n\n| a | b |\n|---|---|\n| z Brna | 1966 r. |\n";
        let out = typeset_markdown(md);
        assert!(out.contains("# W\u{a0}Poznaniu"));
        assert!(out.contains("- 4\u{a0}kwietnia\u{a0}– spotkanie w\u{a0}Brnie;"));
        assert!(out.contains("| z\u{a0}Brna | 1966\u{a0}r. |"));
    }

    #[test]
    fn conventions_become_tree_nodes() {
        let md = "# Tytuł\n\nTabela: Miasta partnerskie\n\n| A | B |\n|---|---|\n| x | y |\n\nŹródło: UMP\n\n![Opis zdjęcia](<> \"Podpis\")\nŹródło: UMP\n\nProjekt „<span lang=\"en\">Future Mentors</span>” i <script>x</script>.\n";
        let doc = parse(md, meta());
        assert!(matches!(&doc.blocks[0], Block::Heading { level: 1, id, .. } if id == "tytul"));
        let Block::Table(t) = &doc.blocks[1] else {
            panic!("{:?}", doc.blocks[1])
        };
        assert_eq!(Inline::plain_text(&t.caption), "Miasta partnerskie");
        assert_eq!(t.number, 1);
        assert_eq!(t.rows.len(), 1);
        assert_eq!(
            t.source.as_ref().map(|s| Inline::plain_text(s)),
            Some("Źródło: UMP".into())
        );
        let Block::Figure(f) = &doc.blocks[2] else {
            panic!("{:?}", doc.blocks[2])
        };
        assert_eq!((f.image.clone(), f.alt.as_str()), (None, "Opis zdjęcia"));
        assert_eq!(Inline::plain_text(&f.caption), "Podpis");
        let Block::Paragraph(p) = &doc.blocks[3] else {
            panic!()
        };
        assert!(p
            .iter()
            .any(|i| matches!(i, Inline::Lang { lang, .. } if lang == "en")));
        assert!(
            Inline::plain_text(p).contains("<script>x</script>"),
            "unknown HTML stays text"
        );
    }

    #[test]
    fn a_figure_after_a_hard_break_in_a_list_item_is_the_item_s_figure() {
        // How the template writes figures in list items, so that the list stays tight.
        let md = "- tekst;\\\n  ![Opis](<a.jpg> \"Podpis\")\n  Źródło: UMP\\\n  ![Drugi](<b.jpg> \"\")\n- dalej.\n";
        let doc = parse(md, meta());
        let [Block::List { items, .. }] = &doc.blocks[..] else {
            panic!("{:?}", doc.blocks)
        };
        assert_eq!(items.len(), 2);
        let [Block::Paragraph(text), Block::Figure(first), Block::Figure(second)] = &items[0][..]
        else {
            panic!("{:?}", items[0])
        };
        assert_eq!(Inline::plain_text(text), "tekst;");
        assert_eq!(first.image.as_deref(), Some("a.jpg"));
        assert_eq!(Inline::plain_text(&first.caption), "Podpis");
        assert_eq!(
            first.credit.as_ref().map(|c| Inline::plain_text(c)),
            Some("Źródło: UMP".into())
        );
        assert_eq!(
            (second.image.as_deref(), second.credit.as_ref()),
            (Some("b.jpg"), None)
        );
    }

    #[test]
    fn repeated_headings_get_numbered_ids() {
        let doc = parse("# X\n\n# X\n\n# X 2\n\n# X\n\n# !\n\n# !\n", meta());
        let ids: Vec<&str> = doc
            .blocks
            .iter()
            .filter_map(|b| match b {
                Block::Heading { id, .. } => Some(id.as_str()),
                _ => None,
            })
            .collect();
        assert_eq!(ids, ["x", "x-2", "x-2-2", "x-3", "sekcja", "sekcja-2"]);
    }

    /// The image of the first figure of `md`.
    fn image_of(md: &str) -> Option<String> {
        parse(&typeset_markdown(md), meta())
            .blocks
            .into_iter()
            .find_map(|b| match b {
                Block::Figure(f) => Some(f.image),
                _ => None,
            })
            .flatten()
    }

    #[test]
    fn every_accepted_image_path_reads_back_unchanged() {
        use crate::image_file::path_problem;
        // Every character of the first two planes' interesting parts, alone and in a name.
        let chars = (0u32..0x250)
            .chain(0x2000..0x2070)
            .chain([0x3000, 0xfeff, 0xfffd, 0x1f600])
            .filter_map(char::from_u32);
        let mut accepted = 0;
        for c in chars {
            for path in [
                format!("images/a{c}b.jpg"),
                format!("{c}x.jpg"),
                format!("x.jpg{c}"),
            ] {
                if path_problem(&path).is_none() {
                    accepted += 1;
                    let md = format!("{}\n", figure_image("Opis", &path, "Podpis"));
                    assert_eq!(image_of(&md).as_deref(), Some(path.as_str()), "{path:?}");
                }
            }
        }
        assert!(accepted > 1000, "{accepted}");
        // Generated paths over the characters that matter to Markdown (a fixed-seed xorshift).
        let alphabet = [
            ".", "/", ">", "<", "\"", "\\", "(", ")", "[", "]", " ", "a", "ł", "&", "amp;", "#",
            "*", "_", "`", "%20", "!", "'", "..", "\n", "\t", "\u{a0}", ":", "{", "}", "|",
        ];
        let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut next = || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        for _ in 0..20_000 {
            let len = 1 + next() % 10;
            let path: String = (0..len)
                .map(|_| alphabet[(next() % alphabet.len() as u64) as usize])
                .collect();
            if path_problem(&path).is_none() {
                let md = format!("{}\n", figure_image("Opis", &path, "Podpis"));
                assert_eq!(image_of(&md).as_deref(), Some(path.as_str()), "{path:?}");
            }
        }
    }

    #[test]
    fn refused_characters_would_not_read_back() {
        // Why `path_problem` refuses them: the path read back is another path.
        for path in ["a\\!b.jpg", "a&amp;b.jpg", "x.jpg ", "a>b.jpg", "a\nb.jpg"] {
            let md = format!("![Opis](<{path}> \"Podpis\")\n");
            assert_ne!(image_of(&md).as_deref(), Some(path), "{path:?}");
        }
    }

    #[test]
    fn slugs_are_ascii() {
        assert_eq!(slug("Győr (Węgry)"), "gyor-wegry");
        assert_eq!(
            slug("Współpraca z miastami partnerskimi"),
            "wspolpraca-z-miastami-partnerskimi"
        );
        assert_eq!(slug("Łódź"), "lodz");
    }
}
