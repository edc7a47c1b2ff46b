//! Derived queries of the data model (partners, memberships, names, years of cooperation, the agreement table) on the shipped `data/`, checked against the published chapters.

use std::path::Path;
use std::sync::OnceLock;

use chrono::NaiveDate;
use report_gen::data::model::{self, DataSet};
use report_gen::data::raw::{AgreementType, MembershipList, Organisation, Place, PlaceKind};

/// The 14 partner cities in force from 2017 on, in Polish alphabetical order (2023 list).
const PARTNER_CITIES: [&str; 14] = [
    "Assen",
    "Bolonia",
    "Brno",
    "Charków",
    "Győr",
    "Hanower",
    "Jyväskylä",
    "Kutaisi",
    "Nablus",
    "Pozuelo de Alarcón",
    "Ra’anana",
    "Rennes",
    "Shenzhen",
    "Toledo",
];

/// The shipped data set, loaded and validated once; fails the test with every diagnostic
/// when it does not load.
fn set() -> &'static DataSet {
    static SET: OnceLock<DataSet> = OnceLock::new();
    SET.get_or_init(|| {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
        let report_gen::Loaded {
            set,
            diagnostics: diags,
            sources,
        } = report_gen::load_data(&root);
        set.unwrap_or_else(|| panic!("data/ does not load:\n{}", sources.render(&diags)))
    })
}

fn place(id: &str) -> &'static Place {
    set().place(id).unwrap_or_else(|| panic!("no place `{id}`"))
}

fn org(id: &str) -> &'static Organisation {
    set()
        .organisation(id)
        .unwrap_or_else(|| panic!("no organisation `{id}`"))
}

fn names(places: &[&Place]) -> Vec<String> {
    places.iter().map(|p| p.name.clone()).collect()
}

/// (partner city names, partner region names) in force in `year`.
fn partners(year: i32) -> (Vec<String>, Vec<String>) {
    let p = set().partners_in(year);
    (names(&p.cities), names(&p.regions))
}

/// Names (as of `year`) on the membership `list` of `year`, in the order returned.
fn memberships(year: i32, list: MembershipList) -> Vec<String> {
    set()
        .memberships_in(year, list)
        .iter()
        .map(|(_, n)| n.name.clone())
        .collect()
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
}

// ---------------------------------------------------------------- partners in force

#[test]
fn partners_2018_are_14_cities_and_nottinghamshire() {
    let (cities, regions) = partners(2018);
    assert_eq!(cities, PARTNER_CITIES);
    assert_eq!(regions, ["Nottinghamshire"]);
    assert_eq!(set().partners_in(2018).regions[0].kind, PlaceKind::County);
}

#[test]
fn partners_2023_do_not_count_changwon_memorandum() {
    let (cities, regions) = partners(2023);
    assert_eq!(cities, PARTNER_CITIES);
    assert_eq!(regions, ["Nottinghamshire"]);
    assert!(!cities.iter().any(|c| c == "Changwon"));

    // Changwon is in the registry, with a memorandum signed in 2023 that is not a partnership.
    let changwon = place("changwon");
    assert!(changwon
        .agreements
        .iter()
        .any(|a| a.kind == AgreementType::Memorandum && a.signed.year() == 2023));
    assert!(set().partnership_in(changwon, 2023).is_none());
    assert!(set().years_of_cooperation(changwon, 2023).is_none());
}

#[test]
fn partners_2017_include_bolonia_signed_in_december() {
    let (cities, regions) = partners(2017);
    assert_eq!(cities.len(), 14);
    assert_eq!(cities, PARTNER_CITIES);
    assert_eq!(regions, ["Nottinghamshire"]);
    // The agreement of 5.12.2017 counts for the whole report year 2017, but not for 2016.
    let (cities_2016, _) = partners(2016);
    assert_eq!(cities_2016.len(), 13);
    assert!(!cities_2016.iter().any(|c| c == "Bolonia"));
}

#[test]
fn partners_1990_are_only_those_signed_by_then() {
    let (cities, regions) = partners(1990);
    assert_eq!(cities, ["Brno", "Hanower", "Jyväskylä"]);
    assert!(
        regions.is_empty(),
        "Nottinghamshire signed in 1994: {regions:?}"
    );
    let rows: Vec<&str> = set()
        .agreements_until(1990)
        .iter()
        .map(|(p, _)| p.name.as_str())
        .collect();
    assert_eq!(rows, ["Brno", "Jyväskylä", "Hanower"]);
}

// ---------------------------------------------------------------- memberships and names

#[test]
fn memberships_2017_are_11_international_and_15_national() {
    let international = memberships(2017, MembershipList::International);
    assert_eq!(international.len(), 11, "{international:#?}");
    assert!(international.contains(&"European Cities Marketing".to_string()));
    assert!(international.contains(&"Cities for Cyclists".to_string()));
    assert!(international.contains(&"Le Club de Strasbourg".to_string()));
    let national = memberships(2017, MembershipList::National);
    assert_eq!(national.len(), 15, "{national:#?}");
}

#[test]
fn memberships_2022_and_2023_are_the_same_9_international() {
    // In the registry's order, which is the 2022 chapter's (2023 reorders them in its section).
    let expected = [
        "Cities and Regions for Cyclists",
        "EUROCITIES",
        "City Destinations Alliance",
        "International Congress and Convention Association",
        "Mayors for Peace",
        "Oder Partnerschaft",
        "Poznań – Ille-et-Vilaine Foundation",
        "WHO Global Network for Age-friendly Cities",
        "Open & Agile Smart Cities",
    ];
    assert_eq!(memberships(2022, MembershipList::International), expected);
    assert_eq!(memberships(2023, MembershipList::International), expected);
}

#[test]
fn organisation_names_as_of_a_year() {
    assert_eq!(
        model::name_in(org("citydna"), 2017).name,
        "European Cities Marketing"
    );
    assert_eq!(
        model::name_in(org("citydna"), 2017).short.as_deref(),
        Some("ECM")
    );
    // Renamed on 31.03.2022: the name in force at the end of 2022 is the new one.
    assert_eq!(
        model::name_in(org("citydna"), 2022).name,
        "City Destinations Alliance"
    );
    assert_eq!(
        model::name_in(org("citydna"), 2023).name,
        "City Destinations Alliance"
    );
    assert_eq!(model::name_in(org("crc"), 2017).name, "Cities for Cyclists");
    assert_eq!(
        model::name_in(org("crc"), 2022).name,
        "Cities and Regions for Cyclists"
    );
}

#[test]
fn citydna_rename_is_reported_for_2022_only() {
    let citydna = org("citydna");
    let (old, new, since) = model::renamed_in(citydna, 2022).expect("renamed in 2022");
    assert_eq!(old.name, "European Cities Marketing");
    assert_eq!(new.name, "City Destinations Alliance");
    assert_eq!(since.first_day(), day(2022, 3, 31));
    for year in (2015..=2025).filter(|y| *y != 2022) {
        assert!(
            model::renamed_in(citydna, year).is_none(),
            "rename reported for {year}"
        );
    }
    // No other organisation reports a rename in any report year.
    for &year in set().years.keys() {
        for o in &set().organisations {
            if o.id != "citydna" {
                assert!(
                    model::renamed_in(o, year).is_none(),
                    "`{}` reports a rename in {year}",
                    o.id
                );
            }
        }
    }
}

// ---------------------------------------------------------------- years of cooperation

#[test]
fn brno_2018_is_52_years_of_cooperation() {
    assert_eq!(set().years_of_cooperation(place("brno"), 2018), Some(52));
    assert_eq!(set().years_of_cooperation(place("bolonia"), 2018), Some(1));
}

// ---------------------------------------------------------------- the agreement table

#[test]
fn agreements_until_2018_are_15_by_signing_date() {
    let rows = set().agreements_until(2018);
    assert_eq!(rows.len(), 15);
    let dates: Vec<NaiveDate> = rows.iter().map(|(_, a)| a.signed.first_day()).collect();
    let mut sorted = dates.clone();
    sorted.sort();
    assert_eq!(dates, sorted, "rows are not in signing-date order");

    let (first, first_agreement) = rows[0];
    assert_eq!(first.name, "Brno");
    assert_eq!(first_agreement.signed.first_day(), day(1966, 9, 16));
    let (last, last_agreement) = rows[14];
    assert_eq!(last.name, "Bolonia");
    assert_eq!(last_agreement.signed.first_day(), day(2017, 12, 5));

    // Only partnership agreements, one per partner: 14 cities and the county.
    assert!(rows
        .iter()
        .all(|(_, a)| a.kind == AgreementType::Partnership));
    let ids: std::collections::HashSet<&str> = rows.iter().map(|(p, _)| p.id.as_str()).collect();
    assert_eq!(ids.len(), 15);
}

#[test]
fn agreements_until_2023_leave_out_the_changwon_memorandum() {
    let rows = set().agreements_until(2023);
    assert_eq!(rows.len(), 15);
    assert!(rows.iter().all(|(p, _)| p.id != "changwon"));
}
