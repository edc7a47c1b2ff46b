//! The `sections:` of a new year, written out from last year's: the outline is kept, the texts
//! that belong to one year (intro, outro, notes, figures) are offered as comments or left out,
//! so the new file is valid before a single event is added.

use std::fmt::Write as _;

use crate::data::raw::{MembershipList, PartnerSummary, Section, Style};

use super::quote;

/// Lines longer than this are wrapped when last year's texts are copied as comments.
const WIDTH: usize = 92;

/// `sections:` with every section of `from_year` (its `sections`), as YAML with comments.
pub fn render(sections: &[Section], from_year: i32) -> String {
    let mut out = format!(
        "{}\nsections:\n",
        crate::tr!("scaffold-sections-header", year = from_year)
    );
    for (i, s) in sections.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        section(&mut out, s, from_year);
    }
    out
}

fn section(out: &mut String, s: &Section, from_year: i32) {
    let _ = writeln!(out, "  - kind: {}", s.kind.name());
    if let Some(id) = &s.id {
        let _ = writeln!(out, "    id: {}", quote(id));
    }
    if let Some(heading) = &s.heading {
        let _ = writeln!(out, "    heading: {}", quote(heading));
    }
    if s.style != Style::default() {
        let style = match s.style {
            Style::ByEntity => "by_entity",
            Style::List => "list",
            Style::Paragraphs => "paragraphs",
        };
        let _ = writeln!(out, "    style: {style}");
    }
    if s.title_headings {
        out.push_str("    title_headings: true\n");
    }
    if let Some(list) = s.list {
        let list = match list {
            MembershipList::International => "international",
            MembershipList::National => "national",
        };
        let _ = writeln!(out, "    list: {list}");
    }
    if s.summary != PartnerSummary::default() {
        let summary = match s.summary {
            PartnerSummary::Sentence => "sentence",
            PartnerSummary::List => "list",
            PartnerSummary::None => "none",
        };
        let _ = writeln!(out, "    summary: {summary}");
    }
    if !s.projects.is_empty() {
        let ids: Vec<String> = s.projects.iter().map(|p| quote(p)).collect();
        let _ = writeln!(out, "    projects: [{}]", ids.join(", "));
    }
    let texts = [
        ("intro", &s.intro),
        ("summary_continues", &s.summary_continues),
        ("activity_intro", &s.activity_intro),
        ("outro", &s.outro),
    ];
    for (key, text) in texts {
        if let Some(text) = text {
            commented_text(out, key, text, from_year);
        }
    }
    if !s.notes.is_empty() || !s.figures.is_empty() {
        let _ = writeln!(
            out,
            "    # ({from_year} also had `notes` or `figures` here; add this year's if needed.)"
        );
    }
}

/// `key: >-` and `text`, wrapped, every line commented out; paragraphs stay apart.
fn commented_text(out: &mut String, key: &str, text: &str, from_year: i32) {
    let _ = writeln!(out, "    # {key} ({from_year}):");
    let _ = writeln!(out, "    # {key}: >-");
    let prefix = "    #   ";
    let paragraphs: Vec<&str> = text
        .split('\n')
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    for (i, paragraph) in paragraphs.iter().enumerate() {
        if i > 0 {
            out.push_str("    #\n");
        }
        let mut line = String::new();
        for word in paragraph.split_whitespace() {
            if !line.is_empty()
                && prefix.len() + line.chars().count() + 1 + word.chars().count() > WIDTH
            {
                let _ = writeln!(out, "{prefix}{line}");
                line.clear();
            }
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
        }
        let _ = writeln!(out, "{prefix}{line}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sections(yaml: &str) -> Vec<Section> {
        serde_yaml::from_str(yaml).expect("valid sections")
    }

    #[test]
    fn keeps_the_outline_and_comments_out_the_texts() {
        let input = sections(
            "- kind: memberships\n  heading: 'Członkostwo: lista'\n  list: national\n  \
             style: list\n  intro: Pierwszy akapit.\n\n    Drugi akapit.\n  figures: {x: [f]}\n\
             - kind: partners\n  summary: list\n  projects: [a]\n",
        );
        let text = render(&input, 2023);
        let back: Vec<Section> = {
            let v: serde_yaml::Value = serde_yaml::from_str(&text).expect("valid YAML");
            serde_yaml::from_value(v["sections"].clone()).expect("valid sections")
        };
        assert_eq!(back.len(), 2);
        assert_eq!(back[0].heading.as_deref(), Some("Członkostwo: lista"));
        assert_eq!(back[0].list, Some(MembershipList::National));
        assert_eq!(back[0].style, Style::List);
        assert!(back[0].intro.is_none() && back[0].figures.is_empty());
        assert_eq!(back[1].summary, PartnerSummary::List);
        assert_eq!(back[1].projects, vec!["a".to_string()]);
        assert!(
            text.contains(
                "    # intro: >-\n    #   Pierwszy akapit.\n    #\n    #   Drugi akapit.\n"
            ),
            "{text}"
        );
        assert!(
            text.contains("2023 also had `notes` or `figures`"),
            "{text}"
        );
    }
}
