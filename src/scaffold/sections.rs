//! The `sections:` of a new year, written out from last year's: the outline is kept, the texts
//! that belong to one year (intro, outro, notes, figures) are offered as comments or left out,
//! so the new file is valid before a single event is added.

use std::fmt::Write as _;

use crate::data::raw::{MembershipList, PartnerSummary, Section, SectionKind, Style};

use super::quote;

/// Lines longer than this are wrapped when last year's texts are copied as comments.
const WIDTH: usize = 92;

/// Section kinds a year may need, in the order they are offered when last year had none, with
/// the heading used when no year of the data set had one.
const OFFERED: [(SectionKind, &str); 6] = [
    (SectionKind::Partners, "Współpraca z miastami partnerskimi"),
    (
        SectionKind::Contacts,
        "Współpraca z partnerami zagranicznymi",
    ),
    (
        SectionKind::Memberships,
        "Członkostwo w organizacjach międzynarodowych",
    ),
    (SectionKind::Projects, "Projekty międzynarodowe"),
    (SectionKind::Diplomatic, "Spotkania dyplomatyczne"),
    (SectionKind::AgreementTable, "Miasta partnerskie"),
];

/// `sections:` with every section of `from_year` (its `sections`), as YAML with comments, then
/// each kind of section it lacks commented out, ready to switch on. `used` are the sections of
/// every year, latest first: a kind offered takes its heading and style from the latest one.
pub fn render(sections: &[Section], from_year: i32, used: &[&Section]) -> String {
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
    let missing: Vec<_> = OFFERED
        .iter()
        .filter(|(kind, _)| !sections.iter().any(|s| s.kind == *kind))
        .collect();
    if !missing.is_empty() {
        out.push('\n');
        let note = crate::tr!("scaffold-sections-missing", year = from_year);
        for line in note.lines() {
            let _ = writeln!(out, "  # {line}");
        }
    }
    for (kind, heading) in missing {
        let mut block = String::new();
        match used.iter().find(|s| s.kind == *kind) {
            Some(s) => {
                let mut s = (*s).clone();
                // Only the outline: texts of another year are not offered here.
                (s.intro, s.outro, s.summary_continues, s.activity_intro) =
                    (None, None, None, None);
                s.notes.clear();
                s.figures.clear();
                s.organisations.clear();
                s.acronyms.clear();
                s.projects.clear();
                s.id = None;
                s.summary_above_heading = false;
                section(&mut block, &s, from_year);
            }
            None => {
                let _ = writeln!(block, "  - kind: {}", kind.name());
                let _ = writeln!(block, "    heading: {}", quote(heading));
                let style = match kind {
                    SectionKind::Memberships | SectionKind::Diplomatic => Style::List,
                    _ => Style::default(),
                };
                if style != Style::default() {
                    block.push_str("    style: list\n");
                }
                dates_line(&mut block, *kind, style, None);
                if *kind == SectionKind::Memberships {
                    block.push_str("    list: international\n");
                }
            }
        }
        out.push('\n');
        for line in block.lines() {
            let _ = writeln!(out, "  # {}", &line[2..]);
        }
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
    dates(out, s);
    if s.summary_above_heading {
        out.push_str("    summary_above_heading: true\n");
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
    if !s.count {
        out.push_str("    count: false\n");
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
            "    # {}",
            crate::tr!("scaffold-section-had-notes", year = from_year)
        );
    }
}

/// `dates:` of a section that shows events, with what its style prints: written out where it
/// is what the style does anyway, offered as a comment where switching it changes the chapter.
fn dates(out: &mut String, s: &Section) {
    dates_line(out, s.kind, s.style, s.dates);
}

/// [`dates`] of a section of `kind` and `style` whose `dates:` is `given`.
fn dates_line(out: &mut String, kind: SectionKind, style: Style, given: Option<bool>) {
    use crate::data::raw::SectionKind as K;
    if !matches!(
        kind,
        K::Partners | K::Contacts | K::Projects | K::Memberships
    ) {
        return;
    }
    let line = |out: &mut String, on: bool, commented: bool, what: &str| {
        let key = format!("{}dates: {on}", if commented { "# " } else { "" });
        let _ = writeln!(out, "    {key:<30} # {what}");
    };
    let what = crate::tr!(
        "scaffold-dates-comment",
        style = match (kind, style) {
            (K::Memberships, _) => "memberships",
            (_, Style::List) => "list",
            (_, Style::Paragraphs) => "paragraphs",
            (_, Style::ByEntity) => "by_entity",
        }
    );
    let what = what.as_str();
    match given {
        Some(on) => line(out, on, false, what),
        None if kind == K::Memberships => line(out, true, true, what),
        None => match style {
            Style::List => line(out, true, false, what),
            Style::Paragraphs => line(out, false, false, what),
            Style::ByEntity => line(out, true, true, what),
        },
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
        let text = render(&input, 2023, &[]);
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
