//! The view of one report year: the only thing templates see — sorted, grouped, counted, with
//! dates formatted and every string already safe to put into Markdown.
//!
//! Field names are the template contract; `templates/chapter.md.j2` documents how each is used.

mod sections;

use serde::Serialize;

use crate::data::model::DataSet;
use crate::data::raw::Place;
use crate::polish;
use crate::text;

pub use sections::build_sections;

/// Everything the chapter template gets for one year.
#[derive(Debug, Clone, Serialize)]
pub struct ChapterView {
    /// The report year.
    pub year: i32,
    /// Chapter title: "Współpraca międzynarodowa".
    pub title: String,
    /// The chapter's number in the report ("7"), or empty.
    pub chapter_number: String,
    /// City, nominative: "Poznań".
    pub city: String,
    /// City, genitive: "Poznania".
    pub city_genitive: String,
    /// Publishing office: "Urząd Miasta Poznania".
    pub office: String,
    /// Abbreviation of the office for source lines: "UMP".
    pub office_abbreviation: String,
    /// Report title with year: "Raport o stanie Miasta Poznania za 2023 r.".
    pub report_title: String,
    /// Sections in chapter order.
    pub sections: Vec<SectionView>,
}

/// One section; which optional parts are filled depends on `kind`.
#[derive(Debug, Clone, Serialize, Default)]
pub struct SectionView {
    /// `partners`, `contacts`, `memberships`, `projects`, `diplomatic`, `agreement_table`, `text`.
    pub kind: &'static str,
    /// The section's id.
    pub id: String,
    /// Heading (Markdown-safe), or empty for none.
    pub heading: String,
    /// `by_entity`, `list` or `paragraphs`.
    pub style: &'static str,
    /// Event titles as subheadings (`true`) or bold lead-ins.
    pub title_headings: bool,
    /// Day dates lead each event's first paragraph (`dates: true`); a list prints its events'
    /// dates whenever they are not empty (`dates: false` empties them).
    pub dates: bool,
    /// `partners`: the count sentence goes above the heading (`summary_above_heading: true`).
    pub summary_above_heading: bool,
    /// Paragraphs before the events.
    pub intro: Vec<String>,
    /// Paragraphs after the events.
    pub outro: Vec<String>,
    /// `by_entity`: one group per partner, place or organisation, alphabetical.
    pub groups: Vec<GroupView>,
    /// `list` and `paragraphs`: events in date order.
    pub events: Vec<EventView>,
    /// `partners`: partners in force this year.
    pub partners: Option<PartnersView>,
    /// `memberships`: the membership list.
    pub memberships: Option<MembershipsView>,
    /// `diplomatic`: meetings or their summary.
    pub diplomatic: Option<DiplomaticView>,
    /// `agreement_table`: the rows.
    pub table: Vec<AgreementRow>,
    /// Whether the section has anything to show; an empty section is left out, heading and all.
    pub has_content: bool,
    /// Print the number of what the section lists („członkiem 9 organizacji”), or leave it out
    /// as the published wording did (`count: false` in the year file).
    pub count: bool,
}

/// Events about one partner, place or organisation.
#[derive(Debug, Clone, Serialize)]
pub struct GroupView {
    /// Heading: "Brno (Czechy)", "European Cities Marketing (ECM)", or an event's title.
    pub heading: String,
    /// A line under the heading ("W 2017 r. odbyły się:"), or empty.
    pub note: String,
    /// Show the events as a bulleted list (several untitled events) rather than paragraphs.
    pub as_list: bool,
    /// The events, in date order.
    pub events: Vec<EventView>,
}

/// One event.
#[derive(Debug, Clone, Serialize)]
pub struct EventView {
    /// The date as printed in a dated list ("4 kwietnia", "15–17 lipca"), or empty when only
    /// the month or year is known.
    pub date: String,
    /// Lead-in title, or empty.
    pub title: String,
    /// The text's paragraphs.
    pub paragraphs: Vec<String>,
    /// The project's partners ("Bolonia – Włochy") when the event asks for them.
    pub project_partners: Vec<String>,
    /// Paragraphs after the partner list.
    pub after: Vec<String>,
    /// Figures shown after the event, as Markdown (see `doc` for the convention).
    pub figures: Vec<String>,
}

/// Partners in force in the year.
#[derive(Debug, Clone, Serialize)]
pub struct PartnersView {
    /// `sentence`, `list` or `none`.
    pub summary: &'static str,
    /// Words continuing the count sentence after a comma, or empty.
    pub summary_continues: String,
    /// Partner cities, alphabetical: "Assen (Holandia)".
    pub cities: Vec<String>,
    /// Partner counties and regions in the instrumental: "Hrabstwem Nottinghamshire".
    pub regions_instrumental: Vec<String>,
}

/// Organisations on a membership list.
#[derive(Debug, Clone, Serialize)]
pub struct MembershipsView {
    /// `international` or `national`.
    pub list: &'static str,
    /// Sentence before the activity subsections ("2017 r. był okresem…"), or empty.
    pub activity_intro: String,
    /// The organisations, alphabetical.
    pub organisations: Vec<OrgView>,
}

/// One organisation as of the year.
#[derive(Debug, Clone, Serialize)]
pub struct OrgView {
    /// Name as of the end of the year (the Polish name on the national list).
    pub name: String,
    /// Abbreviation, or empty.
    pub short: String,
    /// The abbreviation when the section prints it after the name in the list (`acronyms:`),
    /// else empty.
    pub acronym: String,
    /// The previous name when the organisation was renamed during the year, or empty.
    pub renamed_from: String,
    /// Activity events nested under the organisation (`list` style).
    pub events: Vec<EventView>,
    /// Figures shown with the organisation.
    pub figures: Vec<String>,
}

/// Diplomatic meetings of the year.
#[derive(Debug, Clone, Serialize)]
pub struct DiplomaticView {
    /// Number of meetings: the stated total, else the number listed.
    pub count: usize,
    /// The meetings, in date order (empty when only a summary is published).
    pub meetings: Vec<MeetingView>,
    /// Countries met (summary), short names.
    pub countries: Vec<String>,
    /// Annex number, or 0.
    pub annex_number: u32,
    /// Annex title, or empty.
    pub annex_title: String,
}

/// One diplomatic meeting.
#[derive(Debug, Clone, Serialize)]
pub struct MeetingView {
    /// "13 stycznia".
    pub date: String,
    /// People met.
    pub people: Vec<PersonView>,
    /// A body met, in the instrumental, or empty.
    pub body: String,
    /// Occasion, or empty.
    pub occasion: String,
    /// Topics, or empty.
    pub topics: String,
    /// Figures after the meeting.
    pub figures: Vec<String>,
}

/// A person met.
#[derive(Debug, Clone, Serialize)]
pub struct PersonView {
    /// Name in the instrumental: "Ole Toftem".
    pub name_instrumental: String,
    /// `m` or `f`.
    pub gender: &'static str,
    /// `ambassador` or `consul_general`.
    pub function: &'static str,
    /// The country's official name in the genitive: "Królestwa Danii".
    pub country_genitive: String,
}

/// One row of the agreement table.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct AgreementRow {
    /// "Brno, Czechy".
    pub place: String,
    /// "Umowa o współpracy, 16.09.1966 r.".
    pub document: String,
    /// "Kultura, sport, administracja, gospodarka".
    pub scope: String,
    /// Whether the partner is a region (a county, a province), not a city.
    pub region: bool,
    /// The place's name, for plain-text exports: "Brno".
    #[serde(skip)]
    pub place_plain: String,
    /// The country's name: "Czechy".
    #[serde(skip)]
    pub country_plain: String,
    /// The document: "Umowa o współpracy".
    #[serde(skip)]
    pub document_plain: String,
    /// The signing date: "16.09.1966 r.".
    #[serde(skip)]
    pub signed_plain: String,
    /// The signing date as the data gives it (a day, or only a month or year), for
    /// spreadsheets that store it as a date.
    #[serde(skip)]
    pub signed: crate::data::date::Date,
    /// The scope, unescaped.
    #[serde(skip)]
    pub scope_plain: String,
}

/// Builds the view of `year`; `None` if the data set has no such year.
pub fn chapter(set: &DataSet, year: i32, draft: bool) -> Option<ChapterView> {
    let y = set.years.get(&year)?;
    let r = &set.report;
    Some(ChapterView {
        year,
        title: text::escape(&r.chapter_title, true),
        chapter_number: r
            .chapter_number
            .as_deref()
            .map(|n| text::escape(n.trim().trim_end_matches('.'), false))
            .unwrap_or_default(),
        city: text::escape(&r.city, false),
        city_genitive: text::escape(&r.city_genitive, false),
        office: text::escape(&r.office, false),
        office_abbreviation: text::escape(
            r.office_abbreviation.as_deref().unwrap_or(&r.office),
            false,
        ),
        report_title: text::escape(&format!("{} za {year} r.", r.report_title), false),
        sections: build_sections(set, &y.raw, draft),
    })
}

/// The agreement table for `year`: partnership agreements signed by its end, by signing date.
pub fn agreement_rows(set: &DataSet, year: i32) -> Vec<AgreementRow> {
    set.agreements_until(year)
        .into_iter()
        .map(|(place, a)| {
            let name = place.full_name.as_deref().unwrap_or(&place.name);
            let country = &set.country(&place.country).name;
            let signed = match a.signed {
                crate::data::date::Date::Day(d) => polish::numeric(d),
                ref other => polish::format_date(other, year),
            };
            AgreementRow {
                place: text::escape(&format!("{name}, {country}"), false),
                document: text::escape(&format!("{}, {signed}", a.document), false),
                scope: text::escape(&a.scope, false),
                region: place.kind != crate::data::raw::PlaceKind::City,
                place_plain: name.to_string(),
                country_plain: country.clone(),
                document_plain: a.document.clone(),
                signed_plain: signed,
                signed: a.signed.clone(),
                scope_plain: a.scope.clone(),
            }
        })
        .collect()
}

/// "Brno (Czechy)".
pub(crate) fn place_with_country(set: &DataSet, place: &Place) -> String {
    format!("{} ({})", place.name, set.country(&place.country).name)
}
