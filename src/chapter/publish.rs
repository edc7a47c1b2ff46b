//! The Markdown file as a CMS takes it: the chapter's Markdown with its internal conventions
//! turned into what a reader should see.
//!
//! The chapter's Markdown (the template's output) is also the source of the document tree, and
//! it keeps conventions only this program reads (`doc`): `Tabela: …` before a table, the
//! caption of a figure in the image's title, image paths relative to the data folder. The
//! `.md` file is rewritten from it, only at those spots (by source position, as
//! [`typeset_markdown`](super::markdown::typeset_markdown) does):
//!
//! - `Tabela: caption` before a table → `**Tabela 1.** caption`, numbered as the PDF and HTML
//!   number it;
//! - `![alt](<images/x.jpg> "caption")` + credit → `![alt](link)\` + `*caption*\` + credit: the
//!   image linked to its copy beside the file (the `link` given by the caller), then the
//!   caption and credit visible on their own lines (a CMS shows an image's title only as a
//!   tooltip, and joined the credit to the line before);
//! - an image without a file (which a published build never writes, but a template might)
//!   loses its image syntax, so that no CMS shows a broken image: its caption stays as text.

use std::ops::Range;

use pulldown_cmark::{Event, Parser, Tag, TagEnd};

use super::markdown::CAPTION_LABEL;

/// Rewrites the chapter's Markdown `md` into the Markdown that is published (see the module).
/// `link` gets the path of each image as written (relative to the data folder) and returns
/// the link written instead (relative to the `.md` file), or the error that stops the build.
pub fn publish<E>(md: &str, mut link: impl FnMut(&str) -> Result<String, E>) -> Result<String, E> {
    let events: Vec<(Event<'_>, Range<usize>)> = Parser::new_ext(md, super::markdown::options())
        .into_offset_iter()
        .collect();
    let mut edits: Vec<(Range<usize>, String)> = Vec::new();
    let mut tables = 0;
    let mut i = 0;
    while i < events.len() {
        match &events[i].0 {
            Event::Start(Tag::Paragraph) => {
                if let Some(edit) = caption_edit(md, &events, i, tables + 1) {
                    edits.push(edit);
                }
            }
            Event::Start(Tag::Table(_)) => tables += 1,
            Event::Start(Tag::Image {
                dest_url, title, ..
            }) => {
                let end = image_end(&events, i);
                let alt = match (events.get(i + 1), end.checked_sub(1).map(|j| &events[j])) {
                    (Some((_, first)), Some((_, last))) if end > i + 1 => {
                        md.get(first.start..last.end).unwrap_or_default()
                    }
                    _ => "",
                };
                let caption = title.trim();
                let indent: String = line_prefix(md, events[i].1.start)
                    .chars()
                    .map(|c| if c == '\t' { '\t' } else { ' ' })
                    .collect();
                let mut text = if dest_url.trim().is_empty() {
                    String::new()
                } else {
                    format!("![{alt}]({})", link(dest_url.trim())?)
                };
                if !caption.is_empty() {
                    if !text.is_empty() {
                        text.push_str("\\\n");
                        text.push_str(&indent);
                    }
                    text.push('*');
                    text.push_str(&crate::text::escape(
                        &super::markdown::typeset_text(caption),
                        false,
                    ));
                    text.push('*');
                }
                edits.push((events[i].1.clone(), text));
                // The credit on the next line: a line of its own, not joined to the caption.
                if let Some((Event::SoftBreak, r)) = events.get(end + 1) {
                    edits.push((r.start..r.start, "\\".to_string()));
                }
                i = end;
            }
            _ => {}
        }
        i += 1;
    }
    let mut out = String::with_capacity(md.len() + 64);
    let mut last = 0;
    for (range, text) in edits {
        if range.start < last {
            continue; // overlapping edits cannot happen; never write text twice
        }
        out.push_str(&md[last..range.start]);
        out.push_str(&text);
        last = range.end;
    }
    out.push_str(&md[last..]);
    Ok(out)
}

/// The edit of a `Tabela: …` paragraph that starts at `events[i]`, when a table follows it.
fn caption_edit(
    md: &str,
    events: &[(Event<'_>, Range<usize>)],
    i: usize,
    number: u32,
) -> Option<(Range<usize>, String)> {
    let end = (i..events.len()).find(|&j| matches!(events[j].0, Event::End(TagEnd::Paragraph)))?;
    if !matches!(events.get(end + 1), Some((Event::Start(Tag::Table(_)), _))) {
        return None;
    }
    let (Event::Text(_), first) = events.get(i + 1)? else {
        return None;
    };
    let source = md.get(first.clone())?;
    let rest = source.strip_prefix(CAPTION_LABEL)?;
    let label_end = first.start + CAPTION_LABEL.len() + (rest.len() - rest.trim_start().len());
    Some((
        first.start..label_end,
        format!("**Tabela\u{a0}{number}.** "),
    ))
}

/// The index of the `End(Image)` that closes the image starting at `events[start]`.
fn image_end(events: &[(Event<'_>, Range<usize>)], start: usize) -> usize {
    let mut depth = 0;
    for (j, (e, _)) in events.iter().enumerate().skip(start) {
        match e {
            Event::Start(Tag::Image { .. }) => depth += 1,
            Event::End(TagEnd::Image) => {
                depth -= 1;
                if depth == 0 {
                    return j;
                }
            }
            _ => {}
        }
    }
    events.len() - 1
}

/// What stands before `at` on its line.
fn line_prefix(md: &str, at: usize) -> &str {
    let start = md[..at].rfind('\n').map_or(0, |n| n + 1);
    &md[start..at]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn published(md: &str) -> String {
        publish(md, |p: &str| {
            Ok::<_, ()>(format!("zdjecia/{}", p.replace('/', "-")))
        })
        .unwrap()
    }

    #[test]
    fn the_table_caption_is_numbered_as_the_reader_sees_it() {
        let md = "Tabela: Miasta partnerskie\n\n| a | b |\n|---|---|\n| x | y |\n\nŹródło: UMP\n\nTabela: Druga\n\n| a |\n|---|\n| z |\n";
        let out = published(md);
        assert!(
            out.starts_with("**Tabela\u{a0}1.** Miasta partnerskie\n"),
            "{out}"
        );
        assert!(out.contains("**Tabela\u{a0}2.** Druga\n"), "{out}");
        assert!(!out.contains("Tabela:"), "{out}");
        // Not before a table: left as written.
        assert_eq!(
            published("Tabela: nic\n\nTekst.\n"),
            "Tabela: nic\n\nTekst.\n"
        );
    }

    #[test]
    fn a_figure_links_its_copy_and_shows_caption_and_credit() {
        let md = "- tekst;\\\n  ![Opis \\*zdjęcia\\*](<images/a b.jpg> \"Wizyta „X”\")\n  Źródło: UMP\n- dalej.\n";
        let out = published(md);
        assert_eq!(
            out,
            "- tekst;\\\n  ![Opis \\*zdjęcia\\*](zdjecia/images-a b.jpg)\\\n  *Wizyta „X”*\\\n  Źródło: UMP\n- dalej.\n"
        );
    }

    #[test]
    fn an_image_without_a_file_is_never_image_syntax() {
        let out = published("![Opis](<> \"Podpis\")\narch. UMP\n");
        assert!(!out.contains("!["), "{out}");
        assert_eq!(out, "*Podpis*\\\narch. UMP\n");
    }

    #[test]
    fn the_link_error_stops_the_rewrite() {
        let r = publish("![a](<x.jpg> \"b\")\n", |_| Err("unreadable"));
        assert_eq!(r, Err("unreadable"));
    }
}
