//! The rules the data must follow, checked all at once: ids, references, dates, figures, counts.

use crate::tr;
use std::collections::{BTreeMap, HashMap, HashSet};

use crate::data::date::Date;
use crate::data::load::{At, FileId, RawData, Sources};
use crate::data::model::{section_id, DataSet, YearData};
use crate::data::raw::{self, SectionKind};
use crate::diag::{suggest, Diagnostic, Severity};

/// Checks everything; returns the data set, or every error found (warnings are returned
/// alongside either way).
pub fn validate(data: &RawData, sources: &Sources) -> (Option<DataSet>, Vec<Diagnostic>) {
    let unreadable = data
        .unreadable
        .iter()
        .map(|name| match name.as_str() {
            "countries.yaml" => Ns::Countries,
            "people.yaml" => Ns::People,
            _ => Ns::Entities,
        })
        .collect();
    let mut v = Validator {
        sources,
        diags: Vec::new(),
        known: &data.ids_in_broken_files,
        unreadable,
        image_totals: HashMap::new(),
    };
    let ids = v.check_ids(data);
    v.check_registry(data, &ids);
    if let Some(r) = &data.report {
        v.check_report(r);
    }
    let mut years = BTreeMap::new();
    for (year, y) in &data.years {
        years.insert(
            *year,
            YearData {
                file: y.file,
                raw: y.value.clone(),
            },
        );
    }
    // The year files are checked even when the registry or report.yaml have errors, so that
    // every problem is reported in one run; the report's own values are not needed for that.
    let report = data.report.as_ref().map(|r| r.value.clone());
    let set = DataSet::new(data, report.clone().unwrap_or_default(), years);
    for (year, y) in &data.years {
        v.check_year(&set, *year, y, &ids);
    }
    let has_errors = v.diags.iter().any(|d| d.severity == Severity::Error);
    if has_errors || report.is_none() {
        (None, v.diags)
    } else {
        (Some(set), v.diags)
    }
}

/// Ids defined in the data set, by namespace.
#[derive(Default)]
struct Ids {
    entities: HashSet<String>,
    countries: HashSet<String>,
    people: HashSet<String>,
    figures: HashSet<String>,
}

struct Validator<'a> {
    sources: &'a Sources,
    diags: Vec<Diagnostic>,
    known: &'a std::collections::BTreeSet<String>,
    /// Namespaces with a registry file that could not be read at all.
    unreadable: HashSet<Ns>,
    /// Per year file, the bytes and pixels of its figures' images so far, and whether the
    /// chapter limits on them were reported.
    image_totals: HashMap<FileId, (u64, u64, bool)>,
}

/// The year file being checked.
struct YearFile<'y> {
    /// The report year.
    year: i32,
    /// Its file.
    file: FileId,
    /// What it says.
    value: &'y raw::Year,
    /// Parts of the file could not be read: checks for something missing are skipped, since
    /// the missing part may be the one that was left out.
    incomplete: bool,
}

/// The figures of one year and where each is shown so far.
struct FigureUse {
    /// The ids of the year's `figures:`.
    of_year: HashSet<String>,
    /// Figure id → the path where it is first shown.
    used: HashMap<String, String>,
}

/// A namespace of ids.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Ns {
    Countries,
    Entities,
    People,
    Figures,
}

impl Validator<'_> {
    fn error(&mut self, file: FileId, path: &str, message: impl Into<String>) -> &mut Diagnostic {
        self.diags
            .push(self.sources.error(file, path, false, message));
        self.diags.last_mut().expect("just pushed")
    }

    fn warn(&mut self, file: FileId, path: &str, message: impl Into<String>) -> &mut Diagnostic {
        self.diags.push(self.sources.warning(file, path, message));
        self.diags.last_mut().expect("just pushed")
    }

    /// Registers ids per namespace; duplicates and malformed ids are errors.
    fn check_ids(&mut self, data: &RawData) -> Ids {
        let mut ids = Ids::default();
        let mut first: HashMap<(Ns, String), (FileId, String)> = HashMap::new();
        let mut register =
            |v: &mut Self, ns: Ns, what: &str, file: FileId, path: String, id: &str| {
                if !valid_id(id) {
                    v.error(file, &format!("{path}.id"), tr!("validate-bad-id", id = id))
                        .help = Some(tr!("validate-bad-id-help"));
                }
                match first.get(&(ns, id.to_string())) {
                    Some((f, p)) => {
                        let f = v.sources.file(*f);
                        let at = f
                            .index()
                            .locate(&format!("{p}.id"), false)
                            .map(|s| format!("{}:{}", s.line, s.col));
                        v.error(
                            file,
                            &format!("{path}.id"),
                            tr!("validate-id-twice", what = what, id = id),
                        )
                        .help = Some(tr!(
                            "validate-id-twice-help",
                            id = id,
                            file = format!(
                                "{}{}",
                                f.path.display(),
                                at.map(|a| format!(":{a}")).unwrap_or_default()
                            )
                        ));
                    }
                    None => {
                        first.insert((ns, id.to_string()), (file, path));
                    }
                }
            };
        for c in &data.countries {
            register(
                self,
                Ns::Countries,
                "country",
                c.file,
                c.path.clone(),
                &c.value.id,
            );
            ids.countries.insert(c.value.id.clone());
        }
        for p in &data.people {
            register(
                self,
                Ns::People,
                "person",
                p.file,
                p.path.clone(),
                &p.value.id,
            );
            ids.people.insert(p.value.id.clone());
        }
        let entities = data
            .places
            .iter()
            .map(|p| (p.file, &p.path, &p.value.id))
            .chain(
                data.organisations
                    .iter()
                    .map(|p| (p.file, &p.path, &p.value.id)),
            )
            .chain(data.projects.iter().map(|p| (p.file, &p.path, &p.value.id)));
        for (file, path, id) in entities {
            register(self, Ns::Entities, "registry", file, path.clone(), id);
            ids.entities.insert(id.clone());
        }
        for (_, y) in &data.years {
            for (i, f) in y.value.figures.iter().enumerate() {
                register(
                    self,
                    Ns::Figures,
                    "figure",
                    y.file,
                    format!("figures[{i}]"),
                    &f.id,
                );
                ids.figures.insert(f.id.clone());
            }
        }
        ids
    }

    /// An error at `path` when a period ends (`to`) before it starts (`from`).
    fn ordered(
        &mut self,
        file: FileId,
        path: &str,
        from: Option<&Date>,
        to: Option<&Date>,
        message: impl FnOnce() -> String,
    ) {
        if let (Some(from), Some(to)) = (from, to) {
            if to.last_day() < from.first_day() {
                self.error(file, path, message());
            }
        }
    }

    /// A reference to an id of one namespace: an error with "did you mean" if it does not exist.
    fn reference(
        &mut self,
        file: FileId,
        path: &str,
        id: &str,
        set: &HashSet<String>,
        ns: Ns,
        what: &str,
    ) {
        let defined_in = match ns {
            Ns::Countries => "countries",
            Ns::Entities => "registry",
            Ns::People => "people",
            Ns::Figures => "figures",
        };
        // An id may be defined in a file that could not be read: no error on top of that file's.
        if set.contains(id) || self.known.contains(id) || self.unreadable.contains(&ns) {
            return;
        }
        let candidates = set.iter().chain(self.known.iter()).map(String::as_str);
        let help = match suggest(id, candidates) {
            Some(s) => tr!("did-you-mean", suggestion = s),
            None => tr!("validate-unknown-id-help", id = id, file = defined_in),
        };
        self.error(file, path, tr!("validate-unknown-id", what = what, id = id))
            .help = Some(help);
    }

    /// `report.yaml`: the chapter title becomes the output's file name, which the file system
    /// limits to 255 bytes.
    fn check_report(&mut self, r: &At<raw::Report>) {
        if let Some(color) = &r.value.accent_color {
            self.check_accent(r.file, color);
        }
        let chars = r.value.chapter_title.chars().count();
        if chars > MAX_CHAPTER_TITLE_CHARS {
            self.error(
                r.file,
                "chapter_title",
                tr!(
                    "validate-title-too-long",
                    chars = chars,
                    max = MAX_CHAPTER_TITLE_CHARS
                ),
            )
            .help = Some(tr!("validate-title-too-long-help"));
        }
    }

    /// `accent_color:` must be a colour that headings can be read in: `#rrggbb` with at least
    /// 4.5:1 contrast on white (WCAG AA).
    fn check_accent(&mut self, file: FileId, color: &str) {
        use crate::color::{Rgb, MIN_CONTRAST};
        match Rgb::parse(color) {
            None => {
                self.error(
                    file,
                    "accent_color",
                    tr!("validate-accent-not-a-colour", color = color),
                )
                .help = Some(tr!("validate-accent-not-a-colour-help"));
            }
            Some(rgb) if rgb.contrast_on_white() < MIN_CONTRAST => {
                self.error(
                    file,
                    "accent_color",
                    tr!(
                        "validate-accent-too-light",
                        color = color,
                        // Rounded down, so that a colour just below the limit never reads 4.50.
                        contrast = crate::i18n::decimal(
                            (rgb.contrast_on_white() * 100.0).floor() / 100.0,
                            2
                        ),
                        min = crate::i18n::decimal(MIN_CONTRAST, 1)
                    ),
                )
                .help = Some(tr!("validate-accent-too-light-help"));
            }
            Some(_) => {}
        }
    }

    fn check_registry(&mut self, data: &RawData, ids: &Ids) {
        for p in &data.places {
            self.reference(
                p.file,
                &format!("{}.country", p.path),
                &p.value.country,
                &ids.countries,
                Ns::Countries,
                "country",
            );
            for (i, a) in p.value.agreements.iter().enumerate() {
                let at = format!("{}.agreements[{i}]", p.path);
                // A range would make the place a partner from its first day and print in the
                // table as „30 grudnia 1994 r. – 2 stycznia 1995 r.”, unlike every other row.
                for (key, date) in [("signed", Some(&a.signed)), ("ended", a.ended.as_ref())] {
                    if let Some(Date::Range(from, _)) = date {
                        self.error(
                            p.file,
                            &format!("{at}.{key}"),
                            tr!("validate-agreement-range", key = key),
                        )
                        .help = Some(tr!(
                            "validate-agreement-range-help",
                            key = key,
                            date = from.to_string()
                        ));
                    }
                }
                self.ordered(
                    p.file,
                    &format!("{at}.ended"),
                    Some(&a.signed),
                    a.ended.as_ref(),
                    || tr!("validate-agreement-reversed"),
                );
                if a.document.trim().is_empty() {
                    self.error(
                        p.file,
                        &format!("{at}.document"),
                        tr!("validate-document-empty"),
                    );
                }
            }
        }
        for p in &data.people {
            self.reference(
                p.file,
                &format!("{}.country", p.path),
                &p.value.country,
                &ids.countries,
                Ns::Countries,
                "country",
            );
        }
        for o in &data.organisations {
            if o.value.names.is_empty() {
                self.error(
                    o.file,
                    &format!("{}.names", o.path),
                    tr!("validate-organisation-no-name"),
                );
            }
            let periods = (o.value.names.iter().map(|n| ("names", &n.since, &n.until))).chain(
                o.value
                    .memberships
                    .iter()
                    .map(|m| ("memberships", &m.since, &m.until)),
            );
            let mut index: HashMap<&str, usize> = HashMap::new();
            for (list, since, until) in periods {
                let i = index.entry(list).or_default();
                let path = format!("{}.{list}[{i}].until", o.path);
                *i += 1;
                self.ordered(o.file, &path, since.as_ref(), until.as_ref(), || {
                    tr!("validate-until-before-since")
                });
            }
        }
        for p in &data.projects {
            for (i, partner) in p.value.partners.iter().enumerate() {
                let at = format!("{}.partners[{i}]", p.path);
                match (&partner.place, &partner.name, &partner.country) {
                    (Some(place), None, None) => {
                        self.reference(
                            p.file,
                            &format!("{at}.place"),
                            place,
                            &ids.entities,
                            Ns::Entities,
                            "place",
                        );
                    }
                    (None, Some(_), Some(c)) => {
                        self.reference(
                            p.file,
                            &format!("{at}.country"),
                            c,
                            &ids.countries,
                            Ns::Countries,
                            "country",
                        );
                    }
                    _ => {
                        self.error(p.file, &at, tr!("validate-project-partner"));
                    }
                }
            }
        }
    }

    fn check_year(&mut self, set: &DataSet, year: i32, y: &At<raw::Year>, ids: &Ids) {
        let file = y.file;
        let yr = &y.value;
        if yr.year != year {
            self.error(
                file,
                "year",
                tr!("validate-year-mismatch", year = year, says = yr.year),
            )
            .help = Some(tr!("validate-year-mismatch-help", year = year));
        }
        let mut section_ids: HashMap<&str, usize> = HashMap::new();
        for (i, s) in yr.sections.iter().enumerate() {
            let id = section_id(s);
            if section_ids.insert(id, i).is_some() {
                self.error(
                    file,
                    &format!("sections[{i}]"),
                    tr!("validate-section-twice", id = id),
                )
                .help = Some(tr!("validate-section-twice-help"));
            }
            self.check_section(set, (file, year), i, s, ids);
        }
        let mut figures = FigureUse {
            of_year: yr.figures.iter().map(|f| f.id.clone()).collect(),
            used: HashMap::new(),
        };
        for (i, s) in yr.sections.iter().enumerate() {
            for (org, figs) in &s.figures {
                for (j, f) in figs.iter().enumerate() {
                    self.use_figure(
                        file,
                        format!("sections[{i}].figures.{org}[{j}]"),
                        f,
                        &mut figures,
                    );
                }
            }
        }
        let here = YearFile {
            year,
            file,
            value: yr,
            incomplete: self.sources.file(file).incomplete,
        };
        for (i, e) in yr.events.iter().enumerate() {
            self.check_event(set, &here, i, e, ids, &mut figures);
        }
        if let Some(d) = &yr.diplomatic {
            self.check_diplomatic(set, &here, d, ids, &mut figures);
        }
        self.check_figures(set, &here, &figures);
    }

    /// A figure shown at `path`: it must be one of the year's, and shown only once.
    fn use_figure(&mut self, file: FileId, path: String, fig: &str, figures: &mut FigureUse) {
        self.reference(file, &path, fig, &figures.of_year, Ns::Figures, "figure");
        if let Some(first) = figures.used.insert(fig.to_string(), path.clone()) {
            self.error(file, &path, tr!("validate-figure-twice", figure = fig))
                .help = Some(tr!("validate-figure-twice-help", first = first));
        }
    }

    /// One event: its date, what it is about, its section, texts and figures.
    fn check_event(
        &mut self,
        set: &DataSet,
        y: &YearFile,
        i: usize,
        e: &raw::Event,
        ids: &Ids,
        figures: &mut FigureUse,
    ) {
        let (year, file, yr, incomplete) = (y.year, y.file, y.value, y.incomplete);
        let at = format!("events[{i}]");
        self.check_date(file, &format!("{at}.date"), &e.date, year);
        for (j, id) in e.about.iter().enumerate() {
            self.reference(
                file,
                &format!("{at}.about[{j}]"),
                id,
                &ids.entities,
                Ns::Entities,
                "about",
            );
        }
        match set.section_of(yr, e) {
            Some(s) if s.kind == SectionKind::Partners => {
                for (j, id) in e.about.iter().enumerate() {
                    if let Some(p) = set.place(id) {
                        if set.partnership_in(p, year).is_none()
                            && s.kind == SectionKind::Partners
                            && j == 0
                        {
                            self.error(
                                file,
                                &format!("{at}.about[{j}]"),
                                tr!(
                                    "validate-not-a-partner",
                                    name = p.name.as_str(),
                                    year = year
                                ),
                            )
                            .help = Some(tr!("validate-not-a-partner-help"));
                        }
                    }
                }
            }
            Some(_) => {}
            None if incomplete => {} // its section may be one that could not be read
            None => {
                let (path, msg) = match &e.section {
                    Some(s) => (
                        format!("{at}.section"),
                        tr!("validate-no-such-section", section = s),
                    ),
                    None => (
                        at.clone(),
                        tr!(
                            "validate-no-section-kind",
                            kind = set.default_section_kind(year, e).name()
                        ),
                    ),
                };
                let ids_here: Vec<&str> = yr.sections.iter().map(section_id).collect();
                let help = match e
                    .section
                    .as_deref()
                    .and_then(|s| suggest(s, ids_here.iter().copied()))
                {
                    Some(s) => tr!("did-you-mean", suggestion = s),
                    None if ids_here.is_empty() => tr!("validate-add-section"),
                    None => tr!("validate-sections-are", sections = ids_here.join(", ")),
                };
                self.error(file, &path, msg).help = Some(help);
            }
        }
        if e.text.trim().is_empty() {
            self.error(file, &format!("{at}.text"), tr!("validate-event-no-text"));
        }
        if e.project_partners && !e.about.iter().any(|id| set.project(id).is_some()) {
            self.error(
                file,
                &format!("{at}.project_partners"),
                tr!("validate-project-partners"),
            );
        }
        for (field, text) in [
            ("text", Some(&e.text)),
            ("title", e.title.as_ref()),
            ("text_after", e.text_after.as_ref()),
        ] {
            if let Some(text) = text {
                self.check_text(set, file, &format!("{at}.{field}"), text, year);
            }
        }
        for (j, f) in e.figures.iter().enumerate() {
            self.use_figure(file, format!("{at}.figures[{j}]"), f, figures);
        }
    }

    /// The diplomatic meetings: countries, people, the stated total, the section showing them.
    fn check_diplomatic(
        &mut self,
        set: &DataSet,
        y: &YearFile,
        d: &raw::Diplomatic,
        ids: &Ids,
        figures: &mut FigureUse,
    ) {
        let (year, file, yr, incomplete) = (y.year, y.file, y.value, y.incomplete);
        for (i, c) in d.countries.iter().enumerate() {
            self.reference(
                file,
                &format!("diplomatic.countries[{i}]"),
                c,
                &ids.countries,
                Ns::Countries,
                "country",
            );
        }
        if let Some(total) = d.total {
            if !d.meetings.is_empty() && total as usize != d.meetings.len() {
                self.error(
                    file,
                    "diplomatic.total",
                    tr!(
                        "validate-total-mismatch",
                        total = total,
                        listed = d.meetings.len()
                    ),
                )
                .help = Some(tr!("validate-total-mismatch-help"));
            }
        }
        if d.total.is_none() && d.meetings.is_empty() && !incomplete {
            self.error(file, "diplomatic", tr!("validate-no-meetings"));
        }
        let mut genitive_reported = HashSet::new();
        for (i, m) in d.meetings.iter().enumerate() {
            let at = format!("diplomatic.meetings[{i}]");
            self.check_date(file, &format!("{at}.date"), &m.date, year);
            for (j, p) in m.people.iter().enumerate() {
                self.reference(
                    file,
                    &format!("{at}.people[{j}]"),
                    p,
                    &ids.people,
                    Ns::People,
                    "person",
                );
            }
            for (j, p) in m.people.iter().enumerate() {
                self.check_country_genitive(
                    set,
                    file,
                    &format!("{at}.people[{j}]"),
                    p,
                    &mut genitive_reported,
                );
            }
            if m.people.is_empty() && m.body.is_none() {
                self.error(file, &at, tr!("validate-meeting-who"));
            }
            for (j, f) in m.figures.iter().enumerate() {
                self.use_figure(file, format!("{at}.figures[{j}]"), f, figures);
            }
        }
        if !incomplete
            && !yr
                .sections
                .iter()
                .any(|s| s.kind == SectionKind::Diplomatic)
        {
            self.error(file, "diplomatic", tr!("validate-no-diplomatic-section"))
                .help = Some(tr!("validate-no-diplomatic-section-help"));
        }
    }

    /// A diplomat's title names the country in the genitive („Ambasadorem Republiki Litewskiej
    /// w Polsce”); without `official_genitive` the chapter would print the nominative
    /// („Ambasadorem Litwa w Polsce”). Reported once per country and year file, at its first
    /// meeting.
    fn check_country_genitive(
        &mut self,
        set: &DataSet,
        file: FileId,
        path: &str,
        person: &str,
        reported: &mut HashSet<String>,
    ) {
        let Some(p) = set.people.iter().find(|p| p.id == person) else {
            return;
        };
        let Some(c) = set.countries.iter().find(|c| c.id == p.country) else {
            return;
        };
        if c.official_genitive.is_some() || !reported.insert(c.id.clone()) {
            return;
        }
        let title = match (p.function, p.gender) {
            (raw::Function::Ambassador, raw::Gender::F) => "Ambasador",
            (raw::Function::Ambassador, raw::Gender::M) => "Ambasadorem",
            (raw::Function::ConsulGeneral, raw::Gender::F) => "Konsul Generalną",
            (raw::Function::ConsulGeneral, raw::Gender::M) => "Konsulem Generalnym",
        };
        let in_poland = if p.function == raw::Function::Ambassador {
            " w Polsce"
        } else {
            ""
        };
        let (example_id, example) = set
            .countries
            .iter()
            .find_map(|c| Some((c.id.as_str(), c.official_genitive.as_deref()?)))
            .unwrap_or(("cz", "Republiki Czeskiej"));
        self.error(
            file,
            path,
            tr!(
                "validate-country-no-genitive",
                country = c.id.as_str(),
                person = person,
                printed = format!("{title} {}{in_poland}", c.name)
            ),
        )
        .help = Some(tr!(
            "validate-country-no-genitive-help",
            country = c.id.as_str(),
            example_id = example_id,
            example = example
        ));
    }

    /// The year's figures: each well formed, and each shown somewhere.
    fn check_figures(&mut self, set: &DataSet, y: &YearFile, figures: &FigureUse) {
        let (file, yr, incomplete) = (y.file, y.value, y.incomplete);
        for (i, f) in yr.figures.iter().enumerate() {
            self.check_figure(set, file, &format!("figures[{i}]"), f);
            if !figures.used.contains_key(f.id.as_str()) && !incomplete {
                self.warn(
                    file,
                    &format!("figures[{i}].id"),
                    tr!("validate-figure-unused", figure = f.id.as_str()),
                )
                .help = Some(tr!("validate-figure-unused-help"));
            }
        }
    }

    fn check_section(
        &mut self,
        set: &DataSet,
        (file, year): (FileId, i32),
        i: usize,
        s: &raw::Section,
        ids: &Ids,
    ) {
        let at = format!("sections[{i}]");
        if s.summary_above_heading && s.kind != SectionKind::Partners {
            self.error(
                file,
                &format!("{at}.summary_above_heading"),
                tr!("validate-summary-above-heading"),
            )
            .help = Some(tr!("validate-summary-above-heading-help"));
        }
        let counted = matches!(
            s.kind,
            SectionKind::Partners | SectionKind::Memberships | SectionKind::Diplomatic
        );
        if !s.count && !counted {
            self.warn(
                file,
                &format!("{at}.count"),
                tr!("validate-count-false-unused", kind = s.kind.name()),
            )
            .help = Some(tr!("validate-count-false-unused-help"));
        }
        if s.kind == SectionKind::Memberships && s.list.is_none() {
            self.error(file, &at, tr!("validate-memberships-list"));
        }
        for key in s.notes.keys().chain(s.figures.keys()) {
            self.reference(
                file,
                &format!("{at}.notes"),
                key,
                &ids.entities,
                Ns::Entities,
                "section-about",
            );
        }
        for (j, id) in s.organisations.iter().enumerate() {
            let path = format!("{at}.organisations[{j}]");
            if set.organisation(id).is_none() {
                self.reference(file, &path, id, &ids.entities, Ns::Entities, "organisation");
                continue;
            }
            let list = s.list.unwrap_or(raw::MembershipList::International);
            if !set
                .memberships_in(year, list)
                .iter()
                .any(|(o, _)| o.id == *id)
            {
                let list = match list {
                    raw::MembershipList::International => "international",
                    raw::MembershipList::National => "national",
                };
                self.error(
                    file,
                    &path,
                    tr!("validate-not-a-member", id = id, list = list, year = year),
                )
                .help = Some(tr!("validate-not-a-member-help"));
            }
        }
        for (j, id) in s.acronyms.iter().enumerate() {
            let path = format!("{at}.acronyms[{j}]");
            match set.organisation(id) {
                None => {
                    self.reference(file, &path, id, &ids.entities, Ns::Entities, "organisation")
                }
                Some(o) if crate::data::model::name_in(o, year).short.is_none() => {
                    self.error(
                        file,
                        &path,
                        tr!("validate-no-abbreviation", id = id, year = year),
                    )
                    .help = Some(tr!("validate-no-abbreviation-help"));
                }
                Some(_) => {}
            }
        }
        for (j, p) in s.projects.iter().enumerate() {
            if set.project(p).is_none() {
                let projects: Vec<&str> = set.projects.iter().map(|p| p.id.as_str()).collect();
                let help = suggest(p, projects.iter().copied())
                    .map(|s| tr!("did-you-mean", suggestion = s));
                let d = self.error(
                    file,
                    &format!("{at}.projects[{j}]"),
                    tr!("validate-unknown-id", what = "project", id = p),
                );
                d.help = help;
            }
        }
    }

    fn check_date(&mut self, file: FileId, path: &str, date: &Date, year: i32) {
        let (from, to) = date.years();
        if from > year || to < year {
            self.error(
                file,
                path,
                tr!(
                    "validate-date-other-year",
                    date = date.to_string(),
                    year = year
                ),
            )
            .help = Some(tr!("validate-date-other-year-help", from = from));
        }
    }

    fn check_text(&mut self, set: &DataSet, file: FileId, path: &str, text: &str, year: i32) {
        for (name, arg) in placeholders(text) {
            if name != "lat" && name != "dekady" {
                self.error(
                    file,
                    path,
                    tr!(
                        "validate-unknown-placeholder",
                        placeholder = format!("{{{name}:{arg}}}")
                    ),
                )
                .help = Some(tr!("validate-unknown-placeholder-help"));
                continue;
            }
            if self.known.contains(&arg) || self.unreadable.contains(&Ns::Entities) {
                continue; // defined in a file that has errors of its own
            }
            let place = set.place(&arg);
            match place.and_then(|p| Some((p, set.years_of_cooperation(p, year)?))) {
                Some((p, years)) if years < 1 || (name == "dekady" && years < 10) => {
                    let signed = year - years;
                    let (message, help) = if years < 1 {
                        (
                            tr!(
                                "validate-placeholder-too-young",
                                placeholder = format!("{{{name}:{arg}}}"),
                                year = year,
                                name = p.name.as_str(),
                                signed = signed
                            ),
                            tr!(
                                "validate-placeholder-too-young-help",
                                from = signed + 1,
                                year = year
                            ),
                        )
                    } else {
                        (
                            tr!(
                                "validate-placeholder-under-ten",
                                placeholder = format!("{{{name}:{arg}}}"),
                                year = year,
                                name = p.name.as_str(),
                                years = years
                            ),
                            tr!(
                                "validate-placeholder-under-ten-help",
                                instead = format!("{{lat:{arg}}} lat")
                            ),
                        )
                    };
                    self.error(file, path, message).help = Some(help);
                }
                Some(_) => {}
                None => {
                    self.error(
                        file,
                        path,
                        tr!(
                            "validate-placeholder-needs-partner",
                            placeholder = format!("{{{name}:{arg}}}")
                        ),
                    )
                    .help = suggest(
                        &arg,
                        set.places
                            .iter()
                            .filter(|p| !p.agreements.is_empty())
                            .map(|p| p.id.as_str()),
                    )
                    .map(|s| tr!("did-you-mean", suggestion = s));
                }
            }
        }
        if let Err(msg) = crate::text::check_lang_marks(text) {
            self.error(file, path, msg).help = Some(tr!("validate-lang-marks-help"));
        }
    }

    /// Adds an image to its year's totals; the figure that passes a chapter limit is an error.
    fn count_image(&mut self, file: FileId, path: &str, img: &crate::image_file::ImageFile) {
        use crate::limits::{MAX_CHAPTER_IMAGE_BYTES, MAX_CHAPTER_IMAGE_PIXELS, PHOTO_SIDE};
        let (w, h) = (img.info.width, img.info.height);
        if w.max(h) > PHOTO_SIDE {
            self.warn(
                file,
                path,
                tr!(
                    "validate-photo-too-large",
                    width = w,
                    height = h,
                    megabytes = img.bytes.len().div_ceil(1_000_000)
                ),
            )
            .help = Some(tr!("validate-photo-too-large-help", side = PHOTO_SIDE));
        }
        let t = self.image_totals.entry(file).or_default();
        t.0 += img.bytes.len() as u64;
        t.1 += u64::from(img.info.width) * u64::from(img.info.height);
        if t.2 || (t.0 <= MAX_CHAPTER_IMAGE_BYTES && t.1 <= MAX_CHAPTER_IMAGE_PIXELS) {
            return;
        }
        t.2 = true;
        self.error(
            file,
            path,
            tr!(
                "validate-images-over-limit",
                megabytes = MAX_CHAPTER_IMAGE_BYTES / 1_000_000,
                millions = MAX_CHAPTER_IMAGE_PIXELS / 1_000_000
            ),
        )
        .help = Some(tr!("validate-images-over-limit-help"));
    }

    fn check_figure(&mut self, set: &DataSet, file: FileId, at: &str, f: &raw::Figure) {
        if let Some(alt) = &f.alt {
            if looks_like_file_name(alt) {
                self.error(
                    file,
                    &format!("{at}.alt"),
                    tr!("validate-alt-file-name", alt = alt),
                )
                .help = Some(tr!("validate-alt-file-name-help"));
            }
            if f.caption
                .as_deref()
                .is_some_and(|c| c.trim().eq_ignore_ascii_case(alt.trim()))
            {
                self.error(
                    file,
                    &format!("{at}.alt"),
                    tr!("validate-alt-repeats-caption"),
                )
                .help = Some(tr!("validate-alt-repeats-caption-help"));
            }
        }
        if let Some(image) = &f.image {
            if f.alt.as_deref().is_none_or(|a| a.trim().is_empty()) {
                self.error(file, at, tr!("validate-alt-missing")).help =
                    Some(tr!("validate-alt-missing-help"));
            }
            // The same rule and reading as the writers', so the file checked is the file read.
            match crate::image_file::read(&set.root, image) {
                Err(p) => self.error(file, &format!("{at}.image"), p.message).help = Some(p.help),
                Ok(img) => self.count_image(file, &format!("{at}.image"), &img),
            }
        }
        if f.caption.is_none() && f.credit.is_none() && f.image.is_none() {
            self.error(file, at, tr!("validate-figure-empty"));
        }
    }
}

/// The longest chapter title: its file name (`chapter::file_name`: the title as ASCII, at most
/// one character per character, then `-2023.html`) stays under the 255 bytes file systems allow.
pub const MAX_CHAPTER_TITLE_CHARS: usize = 200;

/// Ids: lowercase ASCII letters, digits and hyphens (for the editor: `raw::ID_PATTERN`).
fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// `IMG_1234.jpg`, `tagi-gyor`, `dsc0001`: an alt text that is a file name or slug.
fn looks_like_file_name(alt: &str) -> bool {
    let a = alt.trim().to_lowercase();
    let ext = [".jpg", ".jpeg", ".png", ".gif", ".webp", ".tif", ".heic"];
    ext.iter().any(|e| a.ends_with(e))
        || (!a.contains(' ') && (a.contains('-') || a.contains('_')))
        || a.starts_with("img") && a.chars().any(|c| c.is_ascii_digit())
        || a.starts_with("dsc") && a.chars().any(|c| c.is_ascii_digit())
}

/// `{name:arg}` placeholders in a text.
pub(crate) fn placeholders(text: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find('{') {
        let after = &rest[start + 1..];
        match after.find('}') {
            Some(end) => {
                let inner = &after[..end];
                if let Some((n, a)) = inner.split_once(':') {
                    out.push((n.trim().to_string(), a.trim().to_string()));
                }
                rest = &after[end + 1..];
            }
            None => break,
        }
    }
    out
}
