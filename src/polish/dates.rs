//! Polish date wording: month names in the three cases the chapter needs,
//! numeric dates (`6.04.1991 r.`) and the forms used in running text.

use chrono::{Datelike, NaiveDate};

use super::prepositions::w_or_we;
use crate::data::date::Date;

/// Non-breaking space: keeps a day with its month and a year with `r.`.
const NBSP: char = '\u{a0}';

/// The grammatical case of a month name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MonthCase {
    /// Stand-alone form, for labels: `kwiecień 2022 r.`
    Nominative,
    /// After a day number: `4 kwietnia`.
    Genitive,
    /// After `w`/`we`: `w kwietniu`, `we wrześniu`.
    Locative,
}

/// Month names in nominative, genitive and locative (glibc `pl_PL`, CLDR).
const MONTHS: [[&str; 3]; 12] = [
    ["styczeń", "stycznia", "styczniu"],
    ["luty", "lutego", "lutym"],
    ["marzec", "marca", "marcu"],
    ["kwiecień", "kwietnia", "kwietniu"],
    ["maj", "maja", "maju"],
    ["czerwiec", "czerwca", "czerwcu"],
    ["lipiec", "lipca", "lipcu"],
    ["sierpień", "sierpnia", "sierpniu"],
    ["wrzesień", "września", "wrześniu"],
    ["październik", "października", "październiku"],
    ["listopad", "listopada", "listopadzie"],
    ["grudzień", "grudnia", "grudniu"],
];

/// The lowercase name of `month` (1..=12) in `case`; an empty string for a
/// month outside 1..=12 (parsed dates never have one).
pub fn month_name(month: u32, case: MonthCase) -> &'static str {
    let column = match case {
        MonthCase::Nominative => 0,
        MonthCase::Genitive => 1,
        MonthCase::Locative => 2,
    };
    MONTHS
        .get((month as usize).wrapping_sub(1))
        .map_or("", |names| names[column])
}

/// `2018 r.` with a non-breaking space, so `r.` never starts a line.
fn year_r(year: i32) -> String {
    format!("{year}{NBSP}r.")
}

/// A full numeric date as in the tables: `6.04.1991 r.` (day without and
/// month with a leading zero; not the locale's `%d.%m.%Y`).
pub fn numeric(d: NaiveDate) -> String {
    format!("{}.{:02}.{}", d.day(), d.month(), year_r(d.year()))
}

/// Day and month in the genitive, unbreakable: `4 kwietnia`.
pub fn day_month(d: NaiveDate) -> String {
    format!(
        "{}{NBSP}{}",
        d.day(),
        month_name(d.month(), MonthCase::Genitive)
    )
}

/// Day, month and year: `4 kwietnia 2022 r.`
fn day_month_year(d: NaiveDate) -> String {
    format!("{} {}", day_month(d), year_r(d.year()))
}

/// A day range without its year: `15–17 lipca` within a month (unspaced en
/// dash), `30 czerwca – 2 lipca` across months (spaced dash, NBSP before it
/// so the dash never starts a line).
fn range_in_year(a: NaiveDate, b: NaiveDate) -> String {
    if a.month() == b.month() {
        format!(
            "{}–{}{NBSP}{}",
            a.day(),
            b.day(),
            month_name(b.month(), MonthCase::Genitive)
        )
    } else {
        format!("{}{NBSP}– {}", day_month(a), day_month(b))
    }
}

/// A range with its year(s); used whenever a range is not in the report year.
fn range_with_years(a: NaiveDate, b: NaiveDate) -> String {
    if a.year() == b.year() {
        format!("{} {}", range_in_year(a, b), year_r(b.year()))
    } else {
        format!("{}{NBSP}– {}", day_month_year(a), day_month_year(b))
    }
}

/// The form of `date` in the running text and dated lists of the chapter
/// for `year_of_report`: the year is left out of days and ranges that lie
/// in that year (`4 kwietnia`, `15–17 lipca`) and written otherwise
/// (`4 kwietnia 2022 r.`); a month is a label (`kwiecień 2018 r.`), a year
/// is `2018 r.`. A range whose ends are the same day is written as that day.
pub fn format_date(date: &Date, year_of_report: i32) -> String {
    match *date {
        Date::Year(y) => year_r(y),
        Date::Month { year, month } => format!(
            "{} {}",
            month_name(month, MonthCase::Nominative),
            year_r(year)
        ),
        Date::Day(d) | Date::Range(d, _) if date.first_day() == date.last_day() => {
            if d.year() == year_of_report {
                day_month(d)
            } else {
                day_month_year(d)
            }
        }
        Date::Day(d) => day_month_year(d),
        Date::Range(a, b) if a.year() == year_of_report && b.year() == year_of_report => {
            range_in_year(a, b)
        }
        Date::Range(a, b) => range_with_years(a, b),
    }
}

/// `w kwietniu`, `we wrześniu`, or with a year `w kwietniu 2018 r.`
pub fn in_month(month: u32, year: Option<i32>) -> String {
    let name = month_name(month, MonthCase::Locative);
    let mut out = format!("{} {name}", w_or_we(name));
    if let Some(y) = year {
        out.push(' ');
        out.push_str(&year_r(y));
    }
    out
}

/// The "when" phrase of a sentence, always with the year: `w kwietniu
/// 2018 r.`, `w 2018 r.`, `4 kwietnia 2018 r.` (a day takes no preposition),
/// `w dniach 15–17 lipca 2022 r.` (the usual official form for a range).
pub fn in_period(date: &Date) -> String {
    match *date {
        Date::Year(y) => format!("w {}", year_r(y)),
        Date::Month { year, month } => in_month(month, Some(year)),
        Date::Day(d) => day_month_year(d),
        Date::Range(a, b) if a == b => day_month_year(a),
        Date::Range(a, b) => format!("w dniach {}", range_with_years(a, b)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(s: &str) -> Date {
        s.parse().unwrap_or_else(|e| panic!("{e}"))
    }

    /// Test expectations are written with `~` for NBSP, as in TeX.
    fn nb(s: &str) -> String {
        s.replace('~', "\u{a0}")
    }

    #[test]
    fn month_names_in_three_cases() {
        assert_eq!(month_name(1, MonthCase::Nominative), "styczeń");
        assert_eq!(month_name(1, MonthCase::Genitive), "stycznia");
        assert_eq!(month_name(1, MonthCase::Locative), "styczniu");
        assert_eq!(month_name(9, MonthCase::Locative), "wrześniu");
        assert_eq!(month_name(12, MonthCase::Genitive), "grudnia");
        assert_eq!(month_name(0, MonthCase::Genitive), "");
        assert_eq!(month_name(13, MonthCase::Genitive), "");
    }

    #[test]
    fn numeric_and_day_month() {
        let d = |s: &str| date(s).first_day();
        assert_eq!(numeric(d("1966-09-16")), nb("16.09.1966~r."));
        assert_eq!(numeric(d("1991-04-06")), "6.04.1991\u{a0}r.");
        assert_eq!(numeric(d("2017-12-05")), nb("5.12.2017~r."));
        assert_eq!(day_month(d("2022-04-04")), "4\u{a0}kwietnia");
        assert_eq!(day_month(d("2022-12-13")), nb("13~grudnia"));
    }

    #[test]
    fn format_date_in_and_outside_the_report_year() {
        let f = |s: &str, year| format_date(&date(s), year);
        assert_eq!(f("2022-04-04", 2022), nb("4~kwietnia"));
        assert_eq!(f("2022-04-04", 2023), nb("4~kwietnia 2022~r."));
        assert_eq!(f("2022-07-15/2022-07-17", 2022), nb("15–17~lipca"));
        assert_eq!(f("2022-10-13/2022-10-18", 2022), nb("13–18~października"));
        assert_eq!(f("2022-06-30/2022-07-02", 2022), nb("30~czerwca~– 2~lipca"));
        let across = nb("30~grudnia 2022~r.~– 2~stycznia 2023~r.");
        assert_eq!(f("2022-12-30/2023-01-02", 2022), across);
        assert_eq!(f("2022-12-30/2023-01-02", 2023), across);
        assert_eq!(f("2021-07-15/2021-07-17", 2022), nb("15–17~lipca 2021~r."));
        let other_year = nb("30~czerwca~– 2~lipca 2021~r.");
        assert_eq!(f("2021-06-30/2021-07-02", 2022), other_year);
        assert_eq!(f("2022-07-05/2022-07-05", 2022), nb("5~lipca"));
        assert_eq!(f("2018-04", 2018), nb("kwiecień 2018~r."));
        assert_eq!(f("2018", 2018), nb("2018~r."));
    }

    #[test]
    fn in_period_phrases() {
        let p = |s: &str| in_period(&date(s));
        assert_eq!(p("2018-04"), nb("w kwietniu 2018~r."));
        assert_eq!(p("2018-09"), nb("we wrześniu 2018~r."));
        assert_eq!(p("2018"), nb("w 2018~r."));
        assert_eq!(p("2018-04-04"), nb("4~kwietnia 2018~r."));
        assert_eq!(
            p("2022-07-15/2022-07-17"),
            nb("w dniach 15–17~lipca 2022~r.")
        );
        assert_eq!(in_month(5, None), "w maju");
        assert_eq!(in_month(9, None), "we wrześniu");
        assert_eq!(in_month(11, Some(2019)), nb("w listopadzie 2019~r."));
    }
}
