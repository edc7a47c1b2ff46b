//! The raw data set: structs that mirror the YAML files one to one, strictly (unknown keys are errors).
//!
//! Nothing here is checked beyond types; `validate` turns these into the `model`, where every rule holds.
//! Field docs are written for the people who edit the YAML.

use schemars::JsonSchema;

/// What an id may be made of, for the editor's schemas: lowercase ASCII letters, digits and
/// hyphens (the same rule `check` applies, `validate::valid_id`).
pub const ID_PATTERN: &str = "^[a-z0-9-]+$";
use serde::Deserialize;

use crate::data::date::Date;

/// `report.yaml`: who publishes the report and what it is called. (`Default`, all empty, stands
/// in while the year files are checked when report.yaml itself could not be read.)
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
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
    /// The number of the chapter's first page in the bound report (default 1): the PDF's page
    /// numbers and page labels continue the report's own numbering from it.
    #[serde(default)]
    pub first_page: Option<u32>,
    /// The chapter's number in the report, printed before its title: `7` gives
    /// „7. Współpraca międzynarodowa”. A number or a text (`"VII"`, `"7a"`). Leave out for none.
    #[serde(default, deserialize_with = "number_as_text")]
    #[schemars(with = "Option<NumberOrText>")]
    pub chapter_number: Option<String>,
    /// The colour of the chapter's headings in the PDF, the web page and the Word document, as
    /// `"#rrggbb"` (e.g. the city's blue `"#1f4e79"`). It needs a contrast of at least 4.5:1 on
    /// white (WCAG AA), so that the headings stay readable. Leave out for the default blue.
    #[serde(default)]
    #[schemars(regex(pattern = r"^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$"))]
    pub accent_color: Option<String>,
    /// The chapter's title: "Współpraca międzynarodowa". At most 200 characters: it also
    /// names the output files.
    #[schemars(length(max = 200))]
    pub chapter_title: String,
}

/// The chapter's number: a whole number (`7`) or a text (`"VII"`). (Only its schema is used.)
#[derive(JsonSchema)]
#[serde(untagged)]
#[allow(dead_code)]
enum NumberOrText {
    Number(u64),
    Text(String),
}

/// A text, or a whole number taken as its digits: `chapter_number: 7` is „7”, as `"7"` is (the
/// editors of report.yaml should not need quotes around a number). Other types are refused with
/// the usual type error.
fn number_as_text<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    struct Visitor;
    impl<'de> serde::de::Visitor<'de> for Visitor {
        type Value = Option<String>;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("a string")
        }
        fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Self::Value, E> {
            Ok(Some(v.to_string()))
        }
        fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Self::Value, E> {
            Ok(Some(v.to_string()))
        }
        fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Self::Value, E> {
            Ok(Some(v.to_string()))
        }
        fn visit_unit<E: serde::de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_none<E: serde::de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_some<D: serde::Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
            d.deserialize_any(self)
        }
    }
    d.deserialize_any(Visitor)
}

/// `registry/countries.yaml`: one entry per country.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Country {
    /// The country's id: its ISO 3166 two-letter code in lowercase (`cz`, `us`). Other files
    /// write it to name the country (`country: cz`).
    #[schemars(regex(pattern = ID_PATTERN))]
    pub id: String,
    /// Short name, nominative: "Czechy", "Stany Zjednoczone".
    pub name: String,
    /// Official name, nominative: "Republika Czeska".
    #[serde(default)]
    pub official: Option<String>,
    /// Official name in the genitive, as in "Ambasador Republiki Czeskiej": "Republiki Czeskiej".
    /// Needed for every country whose diplomats are listed among the diplomatic meetings.
    #[serde(default)]
    pub official_genitive: Option<String>,
    /// Wrong or non-standard spellings seen in published texts, so that they can be found
    /// and corrected (`report-gen lint`). A list: `[Czechosłowacja]`.
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
    /// A short name other files use to refer to this place (`about: [brno]`): lowercase letters
    /// without Polish accents, digits and hyphens, unique in the registry. `brno`, `gyor`.
    #[schemars(regex(pattern = ID_PATTERN))]
    pub id: String,
    /// Polish name, nominative: "Hanower", "Győr".
    pub name: String,
    /// Full official name when the table needs it: "Miasto Metropolitalne Bolonia".
    #[serde(default)]
    pub full_name: Option<String>,
    /// Name in the local language: "Hannover", "Bologna".
    #[serde(default)]
    pub native_name: Option<String>,
    /// What kind of place it is: `city`, `metropolitan_city`, `county` or `region` (a county
    /// or region is counted apart from the partner cities).
    pub kind: PlaceKind,
    /// The country's id from `countries.yaml`: `cz`.
    pub country: String,
    /// The agreements signed with the city, oldest first. A place with a partnership agreement
    /// is a partner (it belongs in `partners.yaml`).
    #[serde(default)]
    pub agreements: Vec<Agreement>,
    /// Wrong spellings seen in published texts ("Gyor", "Raanana"), so that they can be found
    /// and corrected (`report-gen lint`).
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
    /// Leave out for a partnership agreement; `memorandum` for a memorandum or letter of intent
    /// (recorded, but it does not make the place a partner).
    #[serde(default, rename = "type")]
    pub kind: AgreementType,
    /// The signing date, year first: `1966-09-16` (or only `2023` when the day is not known).
    pub signed: Date,
    /// The fields of cooperation, as printed in the table, without a final full stop:
    /// "Kultura, sport, administracja, gospodarka".
    pub scope: String,
    /// When the partnership ended, if it did: the year (`2022`) or the day. The place is still
    /// counted as a partner in that year. Leave out while the partnership lasts.
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
    /// A short name the year files use to refer to it (`about: [eurocities]`): lowercase
    /// letters without Polish accents, digits and hyphens.
    #[schemars(regex(pattern = ID_PATTERN))]
    pub id: String,
    /// Its name(s) over time, oldest first. A name without `since` and `until` is used in every
    /// year.
    pub names: Vec<OrgName>,
    /// When the city was a member: one entry per list the organisation appears on
    /// (`list: international` or `list: national`).
    pub memberships: Vec<Membership>,
    /// Wrong spellings seen in published texts ("Cities for Cyclists’"), so that they can be
    /// found and corrected (`report-gen lint`).
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
    /// When this name was first used: a year, month or day. Leave out if it always was.
    #[serde(default)]
    pub since: Option<Date>,
    /// When this name was last used: a year, month or day. Leave out if it is still used.
    #[serde(default)]
    pub until: Option<Date>,
}

/// One membership period.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Membership {
    /// Which list the organisation appears on: `international` or `national`.
    pub list: MembershipList,
    /// When the city joined. Leave out if it is not known (a member since before the first
    /// report).
    #[serde(default)]
    pub since: Option<Date>,
    /// The last year (or day) the city was a member. Leave out while it still is one.
    #[serde(default)]
    pub until: Option<Date>,
}

/// `registry/projects.yaml`: an international project.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Project {
    /// A short name the year files use to refer to the project (`about: [gen-y-city]`):
    /// lowercase letters without Polish accents, digits and hyphens.
    #[schemars(regex(pattern = ID_PATTERN))]
    pub id: String,
    /// Name as used in text: "Gen-Y City".
    pub name: String,
    /// The full title. Mark words in another language with `[en]…[/en]`:
    /// "[en]Gen-Y City. Get into the swing of the city![/en]" (in quotes, because it starts
    /// with a bracket).
    #[serde(default)]
    pub title: Option<String>,
    /// Programme: "URBACT III".
    #[serde(default)]
    pub programme: Option<String>,
    /// `true` if the city leads the project (is its lead partner); leave out otherwise.
    #[serde(default)]
    pub lead: bool,
    /// The other partners (not the city itself), in the order they should be listed. Each is
    /// either `place: <id>` or `name: <name>` with `country: <id>`.
    #[serde(default)]
    pub partners: Vec<ProjectPartner>,
}

/// A project partner: a place from the registry, or a named body with its country.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ProjectPartner {
    /// The id of a place or partner city from the registry (its name and country are taken
    /// from there).
    #[serde(default)]
    pub place: Option<String>,
    /// Name of a partner that is not a place: "Agencja Rozwoju Gospodarczego Sabadell".
    #[serde(default)]
    pub name: Option<String>,
    /// The country's id from `countries.yaml`; needed with `name`.
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
    /// A short name the year files use to refer to the person (`people: [ole-toft]`): the name
    /// in lowercase letters without accents, with hyphens.
    #[schemars(regex(pattern = ID_PATTERN))]
    pub id: String,
    /// Name, nominative: "Ole Toft".
    pub name: String,
    /// Name in the instrumental, as in "spotkanie z …": "Ole Toftem".
    pub name_instrumental: String,
    /// `m` or `f`: the chapter prints "Ambasadorem" for a man and "Ambasador" for a woman.
    pub gender: Gender,
    /// `ambassador` or `consul_general`.
    pub function: Function,
    /// The country the person represents: its id from `countries.yaml` (which needs
    /// `official_genitive` for this).
    pub country: String,
    /// Wrong spellings seen in published texts ("Jakub Durr"), so that they can be found and
    /// corrected (`report-gen lint`).
    #[serde(default)]
    pub aliases: Vec<String>,
}

/// `years/YYYY.yaml`: what happened in one report year, and how the chapter is laid out.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Year {
    /// The report year: the same as the file name (`2023` in `2023.yaml`).
    pub year: i32,
    /// The chapter's sections, in the order they are printed. Each starts with `- kind:`.
    pub sections: Vec<Section>,
    /// What happened in the year: events, contacts, visits and activities. Each starts with
    /// `- date:`.
    #[serde(default)]
    pub events: Vec<Event>,
    /// The year's diplomatic meetings (shown in a `diplomatic` section).
    #[serde(default)]
    pub diplomatic: Option<Diplomatic>,
    /// Photos and other figures. Events, meetings and sections show them by naming their id
    /// (`figures: [2023-bamberg]`).
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
    /// A subsection per partner, place or organisation, events as paragraphs.
    #[default]
    ByEntity,
    /// One bulleted list; day dates are printed ("4 kwietnia – …").
    List,
    /// Plain paragraphs.
    Paragraphs,
}

/// The order a section lists its events, subsections, organisations or meetings in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema, Default)]
#[serde(rename_all = "snake_case")]
pub enum Order {
    /// As written in the data: events in the order of `events:`, subsections in the order of
    /// their first event, organisations in the order of organisations.yaml (as published).
    #[default]
    Data,
    /// Alphabetically (Polish order: Łódź after Lublin) by the name shown; events by date.
    Alphabetical,
    /// Events and meetings by date (the data's order among those of the same date);
    /// subsections and organisations as written in the data.
    Date,
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
    /// A name for the section that events can give in `section:`. Needed only when a year has
    /// two sections of the same kind; otherwise the kind is its name (`partners`, `contacts` …).
    #[serde(default)]
    pub id: Option<String>,
    /// What the section shows.
    pub kind: SectionKind,
    /// The section's heading. Leave out for none.
    #[serde(default)]
    pub heading: Option<String>,
    /// How the events are arranged: `by_entity` (the default), `list` or `paragraphs`.
    #[serde(default)]
    pub style: Style,
    /// The order of what the section lists: `data` (the default: as written in the data, which
    /// is the order of the published chapter), `alphabetical` or `date`.
    #[serde(default)]
    pub order: Order,
    /// Only with `style: by_entity`: `true` prints event titles as subheadings; leave out to print
    /// them in bold at the start of the paragraph.
    #[serde(default)]
    pub title_headings: bool,
    /// Whether the day dates of the events are printed („9–11 maja – …”): `true` or `false`.
    /// Leave out for the style's usual way: `list` prints them; `paragraphs` does not;
    /// `by_entity` prints them only where several untitled events of one partner form a list.
    /// With `true`, a paragraph starts with its date („9–11 maja – W Poznaniu …”, or
    /// „**Tytuł** (9–11 maja) – …”). A month or a year is never printed.
    #[serde(default)]
    pub dates: Option<bool>,
    /// Text printed before the events. Leave an empty line between paragraphs.
    #[serde(default)]
    pub intro: Option<String>,
    /// Text printed after the events. Leave an empty line between paragraphs.
    #[serde(default)]
    pub outro: Option<String>,
    /// Only in a `partners` section: how the number of partners is shown: `sentence` (the
    /// default), `list` (the sentence, naming them) or `none`.
    #[serde(default)]
    pub summary: PartnerSummary,
    /// Only in a `partners`, `memberships` or `diplomatic` section: `false` leaves the number
    /// out of the sentence before the list, as some published chapters wrote it („było
    /// członkiem następujących organizacji”, „odbyli spotkania dyplomatyczne z:”). Leave out to
    /// print the number, which is counted from the list („było członkiem 9 organizacji”).
    #[serde(default = "yes")]
    #[schemars(default = "yes")]
    pub count: bool,
    /// Only in a `partners` section: words that continue the sentence about the number of
    /// partners, after a comma.
    #[serde(default)]
    pub summary_continues: Option<String>,
    /// Only in a `partners` section: `true` prints the sentence about the number of partners
    /// above the section's heading, as the opening of the chapter (the 2018 layout, where this
    /// section comes first). Leave out to print it under the heading.
    #[serde(default)]
    pub summary_above_heading: bool,
    /// Only in a `memberships` section (and needed there): `international` or `national`.
    #[serde(default)]
    pub list: Option<MembershipList>,
    /// Only in a `memberships` section: the ids of organisations to list first, in this order
    /// (as the published chapter lists them); the other members of the year follow in the
    /// order of organisations.yaml.
    #[serde(default)]
    pub organisations: Vec<String>,
    /// Only in a `memberships` section: the ids of organisations whose abbreviation is printed
    /// after the name in the list, as the published chapter did: `acronyms: [icca]` gives
    /// „International Congress and Convention Association (ICCA)”.
    #[serde(default)]
    pub acronyms: Vec<String>,
    /// Only in a `memberships` section: a sentence printed before the organisations' activities.
    #[serde(default)]
    pub activity_intro: Option<String>,
    /// Only in a `memberships` section: photos shown next to an organisation in the list. Write the
    /// organisation's id, a colon and the figure ids: `eurocities: [2022-eurocities]`.
    #[serde(default)]
    pub figures: std::collections::BTreeMap<String, Vec<String>>,
    /// Only with `style: by_entity`: a line printed under the heading of a partner, place or
    /// organisation. Write its id, a colon and the text: `brno: Miasto partnerskie od 1966 r.`
    #[serde(default)]
    pub notes: std::collections::BTreeMap<String, String>,
    /// Only in a `projects` section: the ids of the projects to show, in order. Leave out to show
    /// every project that has events in the year.
    #[serde(default)]
    pub projects: Vec<String>,
}

/// `true`: the default of a yes/no option that is on unless it is turned off.
fn yes() -> bool {
    true
}

/// Something that happened in the year.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Event {
    /// When it happened, year first: a day `2022-07-15`, several days `2022-07-15/2022-07-17`,
    /// a month `2018-04`, or only the year `2018`.
    pub date: Date,
    /// Who or what it concerns: ids of partners, places, organisations or projects, in brackets:
    /// `[brno]`, `[brno, hanower]`. It decides the section the event appears in.
    #[serde(default)]
    pub about: Vec<String>,
    /// The section to show it in, when not the usual one. Usually it follows from `about`: a
    /// partner → `partners`, an organisation → `memberships`, a project → `projects`,
    /// anything else → `contacts`.
    #[serde(default)]
    pub section: Option<String>,
    /// A short title printed before the text: "Regiontour w Brnie".
    #[serde(default)]
    pub title: Option<String>,
    /// What happened, as it should read. Leave an empty line between paragraphs. Mark words in
    /// another language with `[en]…[/en]`. `{lat:brno}` is replaced by the number of years
    /// since the partnership agreement with `brno`, `{dekady:brno}` by the same rounded down to
    /// tens ("ponad {dekady:brno}-letniej współpracy").
    pub text: String,
    /// `true` to print the list of the project's partners after `text` (and then `text_after`).
    #[serde(default)]
    pub project_partners: bool,
    /// Only with `project_partners: true`: text printed after the list of the project's partners.
    #[serde(default)]
    pub text_after: Option<String>,
    /// Ids of the figures (photos) shown after the event: `[2023-bamberg]`.
    #[serde(default)]
    pub figures: Vec<String>,
}

/// Diplomatic meetings of the year: a list, or only a published summary, or both.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Diplomatic {
    /// The number of meetings, when they are not all listed under `meetings` (2023: 13).
    #[serde(default)]
    pub total: Option<u32>,
    /// The countries whose diplomats were met, when the meetings are not listed: country ids in
    /// brackets, `[cz, de]`.
    #[serde(default)]
    pub countries: Vec<String>,
    /// The annex of the report with the details (its `number` and `title`).
    #[serde(default)]
    pub annex: Option<Annex>,
    /// The meetings, each starting with `- date:`, in any order (they are printed by date).
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
    /// The day of the meeting: `2022-03-23`.
    pub date: Date,
    /// The people met: ids from `people.yaml`, in brackets: `[ole-toft]`.
    #[serde(default)]
    pub people: Vec<String>,
    /// A body met, in the instrumental, when not a person: "Korpusem Konsulów Honorowych".
    #[serde(default)]
    pub body: Option<String>,
    /// The occasion, if any: "Impact’22".
    #[serde(default)]
    pub occasion: Option<String>,
    /// What was discussed; printed after a semicolon: "rozmawiano o współpracy gospodarczej".
    #[serde(default)]
    pub topics: Option<String>,
    /// Ids of the figures (photos) shown after the meeting.
    #[serde(default)]
    pub figures: Vec<String>,
}

/// A photo or other figure.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Figure {
    /// A short name, unique in the whole data set, that events use to show the figure:
    /// `2022-hanower`.
    #[schemars(regex(pattern = ID_PATTERN))]
    pub id: String,
    /// The image file, within the data folder: `images/2022/hanower.jpg`. A JPEG (photos) or
    /// PNG (drawings, logos), at most 20 MB and 50 million pixels; no `< > \ & : " | ? *` in
    /// the name. Leave out if there is no image file yet.
    #[serde(default)]
    pub image: Option<String>,
    /// Caption shown under the image.
    #[serde(default)]
    pub caption: Option<String>,
    /// What the image shows, for people who cannot see it (screen readers read it). Required
    /// with `image`; not a file name and not the caption again.
    #[serde(default)]
    pub alt: Option<String>,
    /// The credit line: "Źródło: UMP" or "arch. UMP" (in quotes when it contains a colon).
    #[serde(default)]
    pub credit: Option<String>,
}
