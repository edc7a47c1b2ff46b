//! The validated data set and the questions the chapter asks of it (partners in force in a year,
//! memberships and names as of a year, years of cooperation).
//!
//! A `DataSet` is only made by `validate::validate`, so every id in it resolves and every rule holds.

use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;

use chrono::{Datelike, NaiveDate};

use crate::data::date::Date;
use crate::data::load::{At, FileId, RawData};
use crate::data::raw::{
    Agreement, AgreementType, Country, Event, MembershipList, OrgName, Organisation, Person, Place,
    PlaceKind, Project, Report, Section, SectionKind, Year,
};
use crate::polish;

/// One report year: its file and content.
#[derive(Debug, Clone)]
pub struct YearData {
    /// The file it was read from.
    pub file: FileId,
    /// The content.
    pub raw: Year,
}

/// What an id in `about:` names.
#[derive(Debug, Clone, Copy)]
pub enum Entity<'a> {
    /// A partner or other place.
    Place(&'a Place),
    /// An organisation.
    Organisation(&'a Organisation),
    /// A project.
    Project(&'a Project),
}

/// The validated data set.
#[derive(Debug, Clone)]
pub struct DataSet {
    /// The data directory (images are relative to it).
    pub root: PathBuf,
    /// Who publishes the report.
    pub report: Report,
    /// Countries.
    pub countries: Vec<Country>,
    /// Partners and other places.
    pub places: Vec<Place>,
    /// Organisations.
    pub organisations: Vec<Organisation>,
    /// Projects.
    pub projects: Vec<Project>,
    /// People.
    pub people: Vec<Person>,
    /// Report years.
    pub years: BTreeMap<i32, YearData>,
    index: HashMap<String, (Kind, usize)>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Country,
    Place,
    Organisation,
    Project,
    Person,
}

/// Partners in force in a year.
#[derive(Debug, Clone)]
pub struct Partners<'a> {
    /// Partner cities (cities and metropolitan cities), in Polish alphabetical order.
    pub cities: Vec<&'a Place>,
    /// Partner counties and regions, in Polish alphabetical order.
    pub regions: Vec<&'a Place>,
}

impl DataSet {
    /// Builds the set and its lookup index; `validate` has checked that ids are unique.
    pub(crate) fn new(data: &RawData, report: Report, years: BTreeMap<i32, YearData>) -> DataSet {
        fn values<T: Clone>(items: &[At<T>]) -> Vec<T> {
            items.iter().map(|a| a.value.clone()).collect()
        }
        let (countries, places, organisations, projects, people) = (
            values(&data.countries),
            values(&data.places),
            values(&data.organisations),
            values(&data.projects),
            values(&data.people),
        );
        let root = data.root.clone();
        let mut index = HashMap::new();
        for (i, c) in countries.iter().enumerate() {
            index
                .entry(format!("country:{}", c.id))
                .or_insert((Kind::Country, i));
        }
        for (i, p) in people.iter().enumerate() {
            index
                .entry(format!("person:{}", p.id))
                .or_insert((Kind::Person, i));
        }
        for (i, p) in places.iter().enumerate() {
            index.entry(p.id.clone()).or_insert((Kind::Place, i));
        }
        for (i, o) in organisations.iter().enumerate() {
            index.entry(o.id.clone()).or_insert((Kind::Organisation, i));
        }
        for (i, p) in projects.iter().enumerate() {
            index.entry(p.id.clone()).or_insert((Kind::Project, i));
        }
        DataSet {
            root,
            report,
            countries,
            places,
            organisations,
            projects,
            people,
            years,
            index,
        }
    }

    /// The country with this id. Panics on an unknown id, which validation has ruled out.
    pub fn country(&self, id: &str) -> &Country {
        match self.index.get(&format!("country:{id}")) {
            Some((Kind::Country, i)) => &self.countries[*i],
            _ => panic!("validated data refers to unknown country `{id}`"),
        }
    }

    /// The person with this id (validated).
    pub fn person(&self, id: &str) -> &Person {
        match self.index.get(&format!("person:{id}")) {
            Some((Kind::Person, i)) => &self.people[*i],
            _ => panic!("validated data refers to unknown person `{id}`"),
        }
    }

    /// What an `about:` id names, if anything.
    pub fn entity(&self, id: &str) -> Option<Entity<'_>> {
        match self.index.get(id)? {
            (Kind::Place, i) => Some(Entity::Place(&self.places[*i])),
            (Kind::Organisation, i) => Some(Entity::Organisation(&self.organisations[*i])),
            (Kind::Project, i) => Some(Entity::Project(&self.projects[*i])),
            _ => None,
        }
    }

    /// The place with this id, if it is one.
    pub fn place(&self, id: &str) -> Option<&Place> {
        match self.entity(id)? {
            Entity::Place(p) => Some(p),
            _ => None,
        }
    }

    /// The project with this id, if it is one.
    pub fn project(&self, id: &str) -> Option<&Project> {
        match self.entity(id)? {
            Entity::Project(p) => Some(p),
            _ => None,
        }
    }

    /// The organisation with this id, if it is one.
    pub fn organisation(&self, id: &str) -> Option<&Organisation> {
        match self.entity(id)? {
            Entity::Organisation(o) => Some(o),
            _ => None,
        }
    }

    /// Partnership agreements of `place` in force at the end of `year`.
    pub fn partnership_in<'a>(&self, place: &'a Place, year: i32) -> Option<&'a Agreement> {
        place.agreements.iter().find(|a| {
            a.kind == AgreementType::Partnership
                && a.signed.first_day() <= end_of(year)
                && a.ended.as_ref().is_none_or(|e| e.last_day().year() >= year)
        })
    }

    /// Partner cities and regions in force in `year` (a memorandum does not count).
    pub fn partners_in(&self, year: i32) -> Partners<'_> {
        let mut cities = Vec::new();
        let mut regions = Vec::new();
        for p in &self.places {
            if self.partnership_in(p, year).is_some() {
                match p.kind {
                    PlaceKind::City | PlaceKind::MetropolitanCity => cities.push(p),
                    PlaceKind::County | PlaceKind::Region => regions.push(p),
                }
            }
        }
        // Cached keys: a collation key per comparison was a tenth of a long chapter's time.
        cities.sort_by_cached_key(|p| polish::sort_key(&p.name));
        regions.sort_by_cached_key(|p| polish::sort_key(&p.name));
        Partners { cities, regions }
    }

    /// Partnership agreements signed by the end of `year` and not ended before it, by signing date.
    pub fn agreements_until(&self, year: i32) -> Vec<(&Place, &Agreement)> {
        let mut rows: Vec<(&Place, &Agreement)> = self
            .places
            .iter()
            .flat_map(|p| p.agreements.iter().map(move |a| (p, a)))
            .filter(|(_, a)| {
                a.kind == AgreementType::Partnership
                    && a.signed.first_day() <= end_of(year)
                    && a.ended.as_ref().is_none_or(|e| e.last_day().year() >= year)
            })
            .collect();
        rows.sort_by_cached_key(|(p, a)| (a.signed.clone(), polish::sort_key(&p.name)));
        rows
    }

    /// Full years of partnership with `place` in `year` (Brno 1966 → 52 in 2018).
    pub fn years_of_cooperation(&self, place: &Place, year: i32) -> Option<i32> {
        place
            .agreements
            .iter()
            .filter(|a| a.kind == AgreementType::Partnership)
            .map(|a| year - a.signed.year())
            .max()
    }

    /// Organisations the city belongs to in `year` on `list`, with their name as of that year,
    /// in the order of the registry (organisations.yaml), which is the order the chapters list
    /// them in.
    pub fn memberships_in(
        &self,
        year: i32,
        list: MembershipList,
    ) -> Vec<(&Organisation, &OrgName)> {
        self.organisations
            .iter()
            .filter(|o| {
                o.memberships.iter().any(|m| {
                    m.list == list
                        && m.since.as_ref().is_none_or(|s| s.year() <= year)
                        && m.until.as_ref().is_none_or(|u| u.last_day().year() >= year)
                })
            })
            .map(|o| (o, name_in(o, year)))
            .collect()
    }

    /// The section an event appears in: its `section:`, else by what it is about (partner in
    /// that year → partners, organisation → memberships, project → projects, else contacts).
    pub fn section_of<'a>(&self, year: &'a Year, event: &Event) -> Option<&'a Section> {
        match &event.section {
            Some(id) => year.sections.iter().find(|s| section_id(s) == id.as_str()),
            None => {
                let kind = self.default_section_kind(year.year, event);
                year.sections.iter().find(|s| s.kind == kind)
            }
        }
    }

    /// The kind of section an event goes to when it does not name one.
    pub fn default_section_kind(&self, year: i32, event: &Event) -> SectionKind {
        match event.about.first().and_then(|id| self.entity(id)) {
            Some(Entity::Place(p)) if self.partnership_in(p, year).is_some() => {
                SectionKind::Partners
            }
            Some(Entity::Organisation(_)) => SectionKind::Memberships,
            Some(Entity::Project(_)) => SectionKind::Projects,
            _ => SectionKind::Contacts,
        }
    }
}

/// The name of `org` in force at the end of `year` (or the first name, before any is in force).
pub fn name_in(org: &Organisation, year: i32) -> &OrgName {
    let end = end_of(year);
    org.names
        .iter()
        .rev()
        .find(|n| n.since.as_ref().is_none_or(|s| s.first_day() <= end))
        .or(org.names.first())
        .expect("validated organisations have at least one name")
}

/// A rename that took effect during `year`: (old name, new name, the day it took effect).
///
/// A new name from a day or month after 1 January is a rename in that year. A new name known
/// only by its year (`since: 2024`) is one too, unless the old name ended in an earlier year
/// (`until: 2017` then `since: 2018`: the name changed between two reports).
pub fn renamed_in(org: &Organisation, year: i32) -> Option<(&OrgName, &OrgName, &Date)> {
    org.names.windows(2).find_map(|w| {
        let since = w[1].since.as_ref()?;
        let during = match since {
            Date::Year(_) => w[0].until.as_ref().is_none_or(|u| u.year() >= year),
            _ => since.first_day() > NaiveDate::from_ymd_opt(year, 1, 1)?,
        };
        (since.year() == year && during).then_some((&w[0], &w[1], since))
    })
}

/// The id of a section: its `id:`, else its kind (`partners`, `contacts`, …).
pub fn section_id(section: &Section) -> &str {
    section.id.as_deref().unwrap_or(section.kind.name())
}

fn end_of(year: i32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, 12, 31).unwrap_or(NaiveDate::MAX)
}
