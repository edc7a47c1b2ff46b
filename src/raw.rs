//! The raw data set: structs that mirror the YAML files one to one, strictly (unknown keys are errors).
//!
//! Nothing here is checked beyond types; `validate` turns these into the `model`, where every rule holds.
//! Field docs are written for the people who edit the YAML.

use schemars::JsonSchema;
use serde::Deserialize;

use crate::date::Date;

/// `report.yaml`: who publishes the report and what it is called.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Report {
    /// The city, nominative: "Poznań".
    pub city: String,
    /// The city in the genitive, as in "Urząd Miasta Poznania": "Poznania".
    pub city_genitive: String,
    /// The office that publishes the report (PDF author): "Urząd Miasta Poznania".
    pub office: String,
    /// The office's abbreviation, used in source lines ("Źródło: UMP"); the full name if omitted.
    #[serde(default)]
    pub office_abbreviation: Option<String>,
    /// The report's name without the year: "Raport o stanie Miasta Poznania".
    pub report_title: String,
    /// The chapter's title: "Współpraca międzynarodowa".
    pub chapter_title: String,
}

/// `registry/countries.yaml`: one entry per country.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Country {
    /// Short id, the ISO 3166 two-letter code in lowercase: `cz`, `us`.
    pub id: String,
    /// Short name, nominative: "Czechy", "Stany Zjednoczone".
    pub name: String,
    /// Official name, nominative: "Republika Czeska".
    #[serde(default)]
    pub official: Option<String>,
    /// Official name, genitive, as in "Ambasador Republiki Czeskiej": "Republiki Czeskiej".
    #[serde(default)]
    pub official_genitive: Option<String>,
    /// Wrong or non-standard spellings seen in published texts; `lint` flags them.
    #[serde(default)]
    pub aliases: Vec<String>,
}

/// What kind of place an entry is; decides how it is counted ("14 miast partnerskich i hrabstwo").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum PlaceKind {
    /// A city or town.
    City,
    /// A metropolitan city (Città metropolitana di Bologna); counted as a city.
    MetropolitanCity,
    /// A county (Nottinghamshire); counted apart from cities.
    County,
    /// A region, land or other territory (Land Brema, Bretania).
    Region,
}

/// `registry/places.yaml` and `registry/partners.yaml`: a city, county or region.
/// Partners are places that have `agreements`.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Place {
    /// Short id used everywhere else: `brno`, `gyor`, `nottinghamshire`.
    pub id: String,
    /// Polish name, nominative: "Hanower", "Győr".
    pub name: String,
    /// Full official name when the table needs it: "Miasto Metropolitalne Bolonia".
    #[serde(default)]
    pub full_name: Option<String>,
    /// Name in the local language: "Hannover", "Bologna".
    #[serde(default)]
    pub native_name: Option<String>,
    /// `city`, `metropolitan_city`, `county` or `region`.
    pub kind: PlaceKind,
    /// Country id from `countries.yaml`.
    pub country: String,
    /// Agreements with the city, oldest first. A place with a partnership agreement is a partner.
    #[serde(default)]
    pub agreements: Vec<Agreement>,
    /// Wrong spellings seen in published texts ("Gyor", "Raanana"); `lint` flags them.
    #[serde(default)]
    pub aliases: Vec<String>,
}

/// Whether an agreement makes the place a partner.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema, Default)]
#[serde(rename_all = "snake_case")]
pub enum AgreementType {
    /// A partnership (twinning) agreement: the place counts as a partner city or county.
    #[default]
    Partnership,
    /// A memorandum or letter of intent: recorded, but it does not make a partner.
    Memorandum,
}

/// One signed document.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Agreement {
    /// The document as worded: "Umowa o współpracy", "Karta o partnerstwie".
    pub document: String,
    /// `partnership` (default) or `memorandum`.
    #[serde(default, rename = "type")]
    pub kind: AgreementType,
    /// Signing date: `1966-09-16` (or `2023` when only the year is known).
    pub signed: Date,
    /// Scope of cooperation as listed in the agreement: "Kultura, sport, administracja, gospodarka".
    pub scope: String,
    /// The year the partnership ended, if it did (it is counted up to and including that year).
    #[serde(default)]
    pub ended: Option<Date>,
}

/// Which membership list an organisation appears on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum MembershipList {
    /// "Organizacje międzynarodowe".
    International,
    /// "Organizacje krajowe".
    National,
}

/// `registry/organisations.yaml`: a network or organisation the city belongs or belonged to.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Organisation {
    /// Short id: `eurocities`, `citydna`.
    pub id: String,
    /// Names over time, oldest first. A name without `since`/`until` is valid for all years.
    pub names: Vec<OrgName>,
    /// Membership periods, one per list the organisation appears on.
    pub memberships: Vec<Membership>,
    /// Wrong spellings seen in published texts ("Cities for Cyclists’"); `lint` flags them.
    #[serde(default)]
    pub aliases: Vec<String>,
}

/// One name of an organisation, valid from `since` to `until` (both inclusive, both optional).
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct OrgName {
    /// The name: "European Cities Marketing".
    pub name: String,
    /// Abbreviation: "ECM".
    #[serde(default)]
    pub short: Option<String>,
    /// Polish name used on the national list, if different: "Fundacja Poznań – Ille-et-Vilaine".
    #[serde(default)]
    pub polish: Option<String>,
    /// First day (or month, or year) of this name.
    #[serde(default)]
    pub since: Option<Date>,
    /// Last day (or month, or year) of this name.
    #[serde(default)]
    pub until: Option<Date>,
}

/// One membership period.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Membership {
    /// `international` or `national`.
    pub list: MembershipList,
    /// When the city joined (omit if unknown: a member since before the first report).
    #[serde(default)]
    pub since: Option<Date>,
    /// The last year (or day) the city was a member (omit while it still is).
    #[serde(default)]
    pub until: Option<Date>,
}

/// `registry/projects.yaml`: an international project.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Project {
    /// Short id: `gen-y-city`.
    pub id: String,
    /// Name as used in text: "Gen-Y City".
    pub name: String,
    /// Full title, may mark a foreign phrase: "[en]Gen-Y City. Get into the swing of the city![/en]".
    #[serde(default)]
    pub title: Option<String>,
    /// Programme: "URBACT III".
    #[serde(default)]
    pub programme: Option<String>,
    /// Is the city the lead partner? (`true` for Gen-Y City.)
    #[serde(default)]
    pub lead: bool,
    /// Project partners (other than the city itself), in the order they are listed.
    #[serde(default)]
    pub partners: Vec<ProjectPartner>,
}

/// A project partner: a place from the registry, or a named body with its country.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ProjectPartner {
    /// Place id (the name and country come from the registry).
    #[serde(default)]
    pub place: Option<String>,
    /// Name of a partner that is not a place: "Agencja Rozwoju Gospodarczego Sabadell".
    #[serde(default)]
    pub name: Option<String>,
    /// Country id, needed with `name`.
    #[serde(default)]
    pub country: Option<String>,
}

/// Gender, for titles that agree with it ("Ambasadorem" / "Ambasador").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Gender {
    /// Male.
    M,
    /// Female.
    F,
}

/// A diplomatic function.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Function {
    /// Ambassador to Poland.
    Ambassador,
    /// Consul general.
    ConsulGeneral,
}

/// `registry/people.yaml`: a person met in an official capacity (diplomats).
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Person {
    /// Short id: `ole-toft`.
    pub id: String,
    /// Name, nominative: "Ole Toft".
    pub name: String,
    /// Name in the instrumental, as in "spotkanie z …": "Ole Toftem".
    pub name_instrumental: String,
    /// `m` or `f`.
    pub gender: Gender,
    /// `ambassador` or `consul_general`.
    pub function: Function,
    /// Country the person represents.
    pub country: String,
    /// Wrong spellings seen in published texts ("Jakub Durr"); `lint` flags them.
    #[serde(default)]
    pub aliases: Vec<String>,
}

/// `years/YYYY.yaml`: what happened in one report year, and how the chapter is laid out.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Year {
    /// The report year; must match the file name.
    pub year: i32,
    /// The chapter's sections, in order.
    pub sections: Vec<Section>,
    /// Events, contacts, visits, meetings and activities of the year.
    #[serde(default)]
    pub events: Vec<Event>,
    /// Diplomatic meetings of the year.
    #[serde(default)]
    pub diplomatic: Option<Diplomatic>,
    /// Photos and other figures, referred to by id from events, meetings and sections.
    #[serde(default)]
    pub figures: Vec<Figure>,
}

/// What a section shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum SectionKind {
    /// Partner cities: the derived count sentence, then the section's events.
    Partners,
    /// Contacts with foreign cities and bodies that are not partners.
    Contacts,
    /// Membership list (`list:`), with each organisation's activity nested or as subsections.
    Memberships,
    /// International projects and their events.
    Projects,
    /// Diplomatic meetings: a dated list, or the summary (count, countries, annex).
    Diplomatic,
    /// The table of partner agreements signed by the end of the year.
    AgreementTable,
    /// Free text only (`intro`).
    Text,
}

impl SectionKind {
    /// The kind as written in YAML (`partners`, `agreement_table`, …), also a section's default id.
    pub fn name(self) -> &'static str {
        match self {
            SectionKind::Partners => "partners",
            SectionKind::Contacts => "contacts",
            SectionKind::Memberships => "memberships",
            SectionKind::Projects => "projects",
            SectionKind::Diplomatic => "diplomatic",
            SectionKind::AgreementTable => "agreement_table",
            SectionKind::Text => "text",
        }
    }
}

/// How a section arranges its events.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema, Default)]
#[serde(rename_all = "snake_case")]
pub enum Style {
    /// A subsection per partner, place or organisation (alphabetical), events as paragraphs.
    #[default]
    ByEntity,
    /// One bulleted list in date order; day dates are printed ("4 kwietnia – …").
    List,
    /// Plain paragraphs in date order.
    Paragraphs,
}

/// How the partner count is shown in a `partners` section.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema, Default)]
#[serde(rename_all = "snake_case")]
pub enum PartnerSummary {
    /// "Miasto Poznań kontynuowało współpracę z 14 miastami partnerskimi i Hrabstwem Nottinghamshire."
    #[default]
    Sentence,
    /// The same sentence with the partner cities listed.
    List,
    /// No count sentence.
    None,
}

/// One section of the chapter.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Section {
    /// Id that events name in `section:` (defaults to the kind: `partners`, `contacts`, …).
    #[serde(default)]
    pub id: Option<String>,
    /// What the section shows.
    pub kind: SectionKind,
    /// Section heading (omit for none).
    #[serde(default)]
    pub heading: Option<String>,
    /// How events are arranged.
    #[serde(default)]
    pub style: Style,
    /// In `by_entity` style: event titles as subheadings (`true`) or bold lead-ins (`false`).
    #[serde(default)]
    pub title_headings: bool,
    /// Paragraph(s) before the events (blank line between paragraphs).
    #[serde(default)]
    pub intro: Option<String>,
    /// Paragraph(s) after the events.
    #[serde(default)]
    pub outro: Option<String>,
    /// `partners` only: how the partner count is shown.
    #[serde(default)]
    pub summary: PartnerSummary,
    /// `partners` only: words that continue the count sentence after a comma.
    #[serde(default)]
    pub summary_continues: Option<String>,
    /// `memberships` only: which list.
    #[serde(default)]
    pub list: Option<MembershipList>,
    /// `memberships` only: sentence before the organisations' activity subsections.
    #[serde(default)]
    pub activity_intro: Option<String>,
    /// `memberships` only: per organisation id, figures shown with it in the list.
    #[serde(default)]
    pub figures: std::collections::BTreeMap<String, Vec<String>>,
    /// `by_entity` only: per partner/place/organisation id, a line under its heading.
    #[serde(default)]
    pub notes: std::collections::BTreeMap<String, String>,
    /// `projects` only: the projects to show, in order (default: those with events).
    #[serde(default)]
    pub projects: Vec<String>,
}

/// Something that happened in the year.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Event {
    /// When: `2022-07-15`, `2022-07-15/2022-07-17`, `2018-04` or `2018`.
    pub date: Date,
    /// Who or what it concerns: partner, place, organisation or project ids.
    #[serde(default)]
    pub about: Vec<String>,
    /// Section id where it appears (default: from `about`: partner → partners, organisation →
    /// memberships, project → projects, otherwise contacts).
    #[serde(default)]
    pub section: Option<String>,
    /// Lead-in title: "Regiontour w Brnie".
    #[serde(default)]
    pub title: Option<String>,
    /// The text. Paragraphs are separated by a blank line; `[en]…[/en]` marks a foreign phrase;
    /// `{lat:brno}` is the number of years since the partnership agreement with `brno`,
    /// `{dekady:brno}` the same rounded down to tens ("ponad {dekady:brno}-letniej").
    pub text: String,
    /// `true` to print the project's partner list after `text` (then `text_after`).
    #[serde(default)]
    pub project_partners: bool,
    /// Text after the project's partner list.
    #[serde(default)]
    pub text_after: Option<String>,
    /// Figure ids shown after the event.
    #[serde(default)]
    pub figures: Vec<String>,
}

/// Diplomatic meetings of the year: a list, or only a published summary, or both.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Diplomatic {
    /// The stated number of meetings when they are not all listed (2023: 13).
    #[serde(default)]
    pub total: Option<u32>,
    /// Countries met, when the meetings are not listed: country ids.
    #[serde(default)]
    pub countries: Vec<String>,
    /// Annex with the details.
    #[serde(default)]
    pub annex: Option<Annex>,
    /// The meetings, in any order (printed in date order).
    #[serde(default)]
    pub meetings: Vec<Meeting>,
}

/// A cross-reference to an annex of the report.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Annex {
    /// Annex number: 4.
    pub number: u32,
    /// Its title: "Sprawozdanie Prezydenta Miasta Poznania z działalności za 2023 rok".
    pub title: String,
}

/// One diplomatic meeting.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Meeting {
    /// The day.
    pub date: Date,
    /// People met: ids from `people.yaml`.
    #[serde(default)]
    pub people: Vec<String>,
    /// A body met, in the instrumental, when not a person: "Korpusem Konsulów Honorowych".
    #[serde(default)]
    pub body: Option<String>,
    /// Occasion: "Impact’22".
    #[serde(default)]
    pub occasion: Option<String>,
    /// What was discussed (continues after a semicolon).
    #[serde(default)]
    pub topics: Option<String>,
    /// Figure ids shown after the meeting.
    #[serde(default)]
    pub figures: Vec<String>,
}

/// A photo or other figure.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Figure {
    /// Short id, unique in the data set: `2022-hanower`.
    pub id: String,
    /// Image file, relative to the data directory: `images/2022/hanower.jpg` (optional).
    #[serde(default)]
    pub image: Option<String>,
    /// Caption shown under the image.
    #[serde(default)]
    pub caption: Option<String>,
    /// What the image shows, for people who cannot see it (required with `image`).
    #[serde(default)]
    pub alt: Option<String>,
    /// Credit line: "Źródło: UMP" or "arch. UMP".
    #[serde(default)]
    pub credit: Option<String>,
}
