//! Building each section's view: which events go where, in what order, grouped how.

use std::collections::HashMap;

use crate::data::date::Date;
use crate::data::model::{name_in, renamed_in, section_id, DataSet, Entity};
use crate::data::raw::{
    Event, Figure, Function, Gender, MembershipList, Order, PlaceKind, Section, SectionKind, Style,
    Year,
};
use crate::polish;
use crate::text;

use super::{
    agreement_rows, place_with_country, DiplomaticView, EventView, GroupView, MeetingView,
    MembershipsView, OrgView, PartnersView, PersonView, SectionView,
};

/// Builds every section of `year`, in the year's order. Figures without a photo are left out,
/// or with `draft` shown as a placeholder.
pub fn build_sections(set: &DataSet, year: &Year, draft: bool) -> Vec<SectionView> {
    let ctx = Ctx {
        set,
        year,
        figures: year.figures.iter().map(|f| (f.id.as_str(), f)).collect(),
        draft,
    };
    year.sections.iter().map(|s| ctx.section(s)).collect()
}

struct Ctx<'a> {
    set: &'a DataSet,
    year: &'a Year,
    figures: HashMap<&'a str, &'a Figure>,
    /// A draft: figures without a photo show a placeholder instead of being left out.
    draft: bool,
}

impl Ctx<'_> {
    fn md(&self, text: &str) -> Vec<String> {
        text::to_markdown(text, &|name, arg| self.placeholder(name, arg))
    }

    fn inline(&self, text: &str) -> String {
        text::inline_markdown(text, &|name, arg| self.placeholder(name, arg))
    }

    fn placeholder(&self, name: &str, arg: &str) -> Option<String> {
        let years = self
            .set
            .years_of_cooperation(self.set.place(arg)?, self.year.year)?;
        match name {
            "lat" => Some(years.to_string()),
            "dekady" => Some((years / 10 * 10).to_string()),
            _ => None,
        }
    }

    /// Events shown in `section`, in the order it asks for (see [`Order`]): as written, or by
    /// date when every one has a day (or day range) date ("2018" cannot be placed against
    /// "2018-04"; the data's order stays then).
    fn events_in(&self, section: &Section) -> Vec<&Event> {
        let id = section_id(section);
        let mut events: Vec<&Event> = self
            .year
            .events
            .iter()
            .filter(|e| {
                self.set
                    .section_of(self.year, e)
                    .is_some_and(|s| section_id(s) == id)
            })
            .collect();
        let by_date = matches!(section.order, Order::Date | Order::Alphabetical);
        if by_date
            && events
                .iter()
                .all(|e| matches!(e.date, Date::Day(_) | Date::Range(..)))
        {
            events.sort_by(|a, b| a.date.cmp(&b.date));
        }
        events
    }

    fn section(&self, s: &Section) -> SectionView {
        let events = self.events_in(s);
        let mut view = SectionView {
            kind: s.kind.name(),
            id: section_id(s).to_string(),
            heading: s
                .heading
                .as_deref()
                .map(|h| self.inline(h))
                .unwrap_or_default(),
            style: match s.style {
                Style::ByEntity => "by_entity",
                Style::List => "list",
                Style::Paragraphs => "paragraphs",
            },
            title_headings: s.title_headings,
            dates: s.dates == Some(true),
            summary_above_heading: s.summary_above_heading,
            count: s.count,
            intro: s.intro.as_deref().map(|t| self.md(t)).unwrap_or_default(),
            outro: s.outro.as_deref().map(|t| self.md(t)).unwrap_or_default(),
            ..SectionView::default()
        };
        match s.kind {
            SectionKind::Partners => view.partners = Some(self.partners(s)),
            SectionKind::Memberships => view.memberships = Some(self.memberships(s, &events)),
            SectionKind::Diplomatic => view.diplomatic = self.diplomatic(s),
            SectionKind::AgreementTable => view.table = agreement_rows(self.set, self.year.year),
            _ => {}
        }
        let nested_in_list = s.kind == SectionKind::Memberships && s.style == Style::List;
        if s.style == Style::ByEntity && s.kind != SectionKind::Projects {
            view.groups = self.groups(s, &events);
        } else if !nested_in_list {
            view.events = events.iter().map(|e| self.event(e)).collect();
        }
        if s.dates == Some(false) {
            let groups = view.groups.iter_mut().flat_map(|g| g.events.iter_mut());
            groups
                .chain(view.events.iter_mut())
                .for_each(|e| e.date.clear());
        }
        view.has_content = has_content(&view);
        view
    }

    fn event(&self, e: &Event) -> EventView {
        let date = match e.date {
            Date::Day(_) | Date::Range(..) => polish::format_date(&e.date, self.year.year),
            _ => String::new(),
        };
        let project_partners = if e.project_partners {
            e.about
                .iter()
                .find_map(|id| self.set.project(id))
                .map(|p| self.project_partners(p))
                .unwrap_or_default()
        } else {
            Vec::new()
        };
        EventView {
            date,
            title: e
                .title
                .as_deref()
                .map(|t| self.inline(t))
                .unwrap_or_default(),
            paragraphs: self.md(&e.text),
            project_partners,
            after: e
                .text_after
                .as_deref()
                .map(|t| self.md(t))
                .unwrap_or_default(),
            figures: self.figures_md(&e.figures),
        }
    }

    fn project_partners(&self, p: &crate::data::raw::Project) -> Vec<String> {
        p.partners
            .iter()
            .filter_map(|partner| {
                let (name, country) = match (&partner.place, &partner.name, &partner.country) {
                    (Some(id), _, _) => {
                        let place = self.set.place(id)?;
                        (place.name.clone(), place.country.clone())
                    }
                    (None, Some(n), Some(c)) => (n.clone(), c.clone()),
                    _ => return None,
                };
                Some(self.inline(&format!("{name} – {}", self.set.country(&country).name)))
            })
            .collect()
    }

    fn figures_md(&self, ids: &[String]) -> Vec<String> {
        ids.iter()
            .filter_map(|id| self.figures.get(id.as_str()))
            .filter_map(|f| match (&f.image, self.draft) {
                (Some(_), _) => Some(self.figure_md(f)),
                (None, true) => Some(self.placeholder_md(f)),
                // A caption or credit without its photo is never published.
                (None, false) => None,
            })
            .collect()
    }

    /// In a draft, where a photo is still missing: a bold, bracketed note with its caption and
    /// credit, so staff see what to add.
    fn placeholder_md(&self, f: &Figure) -> String {
        let mut out = String::from("**[BRAK ZDJĘCIA");
        if let Some(caption) = &f.caption {
            out.push_str(": ");
            out.push_str(&self.inline(caption));
        }
        if let Some(credit) = &f.credit {
            out.push_str(" – ");
            out.push_str(&self.inline(credit));
        }
        out.push_str("]**");
        if let Some(alt) = &f.alt {
            // What the photo should show, as its description says.
            out.push_str(" (opis zdjęcia: ");
            out.push_str(&self.inline(alt));
            out.push(')');
        }
        out
    }

    /// `![alt](path "caption")` + newline + credit: the figure convention of `doc`.
    fn figure_md(&self, f: &Figure) -> String {
        let none = |_: &str, _: &str| None;
        let alt = f
            .alt
            .as_deref()
            .map(|a| text::plain(a, &none))
            .unwrap_or_default();
        let caption = f
            .caption
            .as_deref()
            .map(|c| text::plain(c, &none))
            .unwrap_or_default();
        let mut out = crate::chapter::markdown::figure_image(
            &text::escape(&alt, false),
            f.image.as_deref().unwrap_or(""),
            &caption,
        );
        if let Some(credit) = &f.credit {
            out.push('\n');
            out.push_str(&self.inline(credit));
        }
        out
    }

    fn groups(&self, s: &Section, events: &[&Event]) -> Vec<GroupView> {
        let mut groups: Vec<(String, Option<String>, Vec<&Event>)> = Vec::new();
        // Group of each key: a search through the groups per event grew with partners × events.
        let mut group_of: HashMap<String, usize> = HashMap::new();
        for e in events {
            let key = e.about.first().cloned();
            match key.as_ref().and_then(|k| group_of.get(k)) {
                Some(&g) => groups[g].2.push(e),
                None => {
                    if let Some(k) = &key {
                        group_of.insert(k.clone(), groups.len());
                    }
                    let heading = match key.as_deref().and_then(|k| self.set.entity(k)) {
                        Some(Entity::Place(p)) => place_with_country(self.set, p),
                        Some(Entity::Organisation(o)) => {
                            let n = name_in(o, self.year.year);
                            match &n.short {
                                Some(short) => format!("{} ({short})", n.name),
                                None => n.name.clone(),
                            }
                        }
                        Some(Entity::Project(p)) => p.name.clone(),
                        None => e.title.clone().unwrap_or_default(),
                    };
                    groups.push((heading, key, vec![e]));
                }
            }
        }
        // As the data has them (the order of each group's first event), or alphabetically:
        // partners, places and organisations, then groups headed by an event's own title (a
        // concert, not a city).
        if s.order == Order::Alphabetical {
            groups.sort_by_cached_key(|g| (g.1.is_none(), polish::sort_key(&g.0)));
        }
        groups
            .into_iter()
            .map(|(heading, key, evs)| {
                let untitled_group = key.is_none();
                let mut views: Vec<EventView> = evs.iter().map(|e| self.event(e)).collect();
                if untitled_group {
                    // The event's title became the group's heading.
                    views.iter_mut().for_each(|v| v.title.clear());
                }
                let note = key
                    .as_ref()
                    .and_then(|k| s.notes.get(k))
                    .map(|n| self.inline(n))
                    .unwrap_or_default();
                GroupView {
                    heading: self.inline(&heading),
                    note,
                    as_list: views.len() > 1 && views.iter().all(|v| v.title.is_empty()),
                    events: views,
                }
            })
            .collect()
    }

    fn partners(&self, s: &Section) -> PartnersView {
        let p = self.set.partners_in(self.year.year);
        PartnersView {
            summary: match s.summary {
                crate::data::raw::PartnerSummary::Sentence => "sentence",
                crate::data::raw::PartnerSummary::List => "list",
                crate::data::raw::PartnerSummary::None => "none",
            },
            summary_continues: s
                .summary_continues
                .as_deref()
                .map(|t| self.inline(t))
                .unwrap_or_default(),
            cities: p
                .cities
                .iter()
                .map(|c| self.inline(&place_with_country(self.set, c)))
                .collect(),
            regions_instrumental: p
                .regions
                .iter()
                .map(|r| {
                    let kind = match r.kind {
                        PlaceKind::County => "Hrabstwem",
                        _ => "regionem",
                    };
                    self.inline(&format!("{kind} {}", r.name))
                })
                .collect(),
        }
    }

    fn memberships(&self, s: &Section, events: &[&Event]) -> MembershipsView {
        let list = s.list.unwrap_or(MembershipList::International);
        let year = self.year.year;
        let mut members = self.set.memberships_in(year, list);
        // The organisations the section names come first, in its order (a stable sort keeps
        // the registry's order for the rest).
        members.sort_by_key(|(org, _)| {
            s.organisations
                .iter()
                .position(|id| *id == org.id)
                .unwrap_or(usize::MAX)
        });
        let organisations = members
            .into_iter()
            .map(|(org, name)| {
                let shown = match (list, &name.polish) {
                    (MembershipList::National, Some(pl)) => pl,
                    _ => &name.name,
                };
                let nested = if s.style == Style::List {
                    events
                        .iter()
                        .filter(|e| e.about.first() == Some(&org.id))
                        .map(|e| self.event(e))
                        .collect()
                } else {
                    Vec::new()
                };
                let short = name
                    .short
                    .as_deref()
                    .map(|t| self.inline(t))
                    .unwrap_or_default();
                OrgView {
                    name: self.inline(shown),
                    acronym: if s.acronyms.contains(&org.id) {
                        short.clone()
                    } else {
                        String::new()
                    },
                    short,
                    renamed_from: renamed_in(org, year)
                        .map(|(old, _, _)| self.inline(&old.name))
                        .unwrap_or_default(),
                    events: nested,
                    figures: s
                        .figures
                        .get(&org.id)
                        .map(|ids| self.figures_md(ids))
                        .unwrap_or_default(),
                }
            })
            .collect::<Vec<OrgView>>();
        // Sort by the name shown (the Polish name on the national list).
        let mut organisations = organisations;
        // A renamed organisation is listed under the name printed first (its old name).
        let shown = |o: &OrgView| {
            if o.renamed_from.is_empty() {
                o.name.clone()
            } else {
                o.renamed_from.clone()
            }
        };
        if s.order == Order::Alphabetical {
            organisations.sort_by_cached_key(|o| polish::sort_key(&shown(o)));
        }
        MembershipsView {
            list: match list {
                MembershipList::International => "international",
                MembershipList::National => "national",
            },
            activity_intro: s
                .activity_intro
                .as_deref()
                .map(|t| self.inline(t))
                .unwrap_or_default(),
            organisations,
        }
    }

    fn diplomatic(&self, s: &Section) -> Option<DiplomaticView> {
        let d = self.year.diplomatic.as_ref()?;
        let mut meetings: Vec<&crate::data::raw::Meeting> = d.meetings.iter().collect();
        if s.order != Order::Data {
            meetings.sort_by(|a, b| a.date.cmp(&b.date));
        }
        Some(DiplomaticView {
            count: d.total.map(|t| t as usize).unwrap_or(d.meetings.len()),
            meetings: meetings
                .into_iter()
                .map(|m| MeetingView {
                    date: polish::format_date(&m.date, self.year.year),
                    people: m
                        .people
                        .iter()
                        .map(|id| {
                            let p = self.set.person(id);
                            let c = self.set.country(&p.country);
                            PersonView {
                                name_instrumental: self.inline(&p.name_instrumental),
                                gender: if p.gender == Gender::F { "f" } else { "m" },
                                function: match p.function {
                                    Function::Ambassador => "ambassador",
                                    Function::ConsulGeneral => "consul_general",
                                },
                                country_genitive: self
                                    .inline(c.official_genitive.as_deref().unwrap_or(&c.name)),
                            }
                        })
                        .collect(),
                    body: m
                        .body
                        .as_deref()
                        .map(|t| self.inline(t))
                        .unwrap_or_default(),
                    occasion: m
                        .occasion
                        .as_deref()
                        .map(|t| self.inline(t))
                        .unwrap_or_default(),
                    topics: m
                        .topics
                        .as_deref()
                        .map(|t| self.inline(t))
                        .unwrap_or_default(),
                    figures: self.figures_md(&m.figures),
                })
                .collect(),
            countries: d
                .countries
                .iter()
                .map(|c| self.inline(&self.set.country(c).name))
                .collect(),
            annex_number: d.annex.as_ref().map_or(0, |a| a.number),
            annex_title: d
                .annex
                .as_ref()
                .map(|a| self.inline(&a.title))
                .unwrap_or_default(),
        })
    }
}

/// Whether a section shows anything beyond its heading.
fn has_content(v: &SectionView) -> bool {
    let derived = match v.kind {
        "partners" => v.partners.as_ref().is_some_and(|p| {
            p.summary != "none" && !(p.cities.is_empty() && p.regions_instrumental.is_empty())
        }),
        "memberships" => v
            .memberships
            .as_ref()
            .is_some_and(|m| !m.organisations.is_empty()),
        "diplomatic" => v
            .diplomatic
            .as_ref()
            .is_some_and(|d| d.count > 0 || !d.meetings.is_empty()),
        "agreement_table" => !v.table.is_empty(),
        _ => false,
    };
    derived
        || !v.intro.is_empty()
        || !v.outro.is_empty()
        || !v.events.is_empty()
        || !v.groups.is_empty()
}
