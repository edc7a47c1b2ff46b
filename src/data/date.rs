//! Dates at their real precision (year, month, day, day range): parsing the
//! ISO 8601 subset used in the YAML, plain-English errors, ordering and serde.

use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, NaiveDate};
use serde::de::{self, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A date exactly as precise as the source knows it.
///
/// Ordering is chronological: by first day, then by last day, so a month
/// sorts after a day or a shorter range that starts on the same day.
/// Dates covering exactly the same days are ordered from the most precise
/// kind to the least (day, range, month, year) so that `Ord` agrees with `Eq`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Date {
    /// A whole year, written `2018`.
    Year(i32),
    /// A whole month, written `2018-04`.
    Month {
        /// The year, 1000..=9999 when parsed.
        year: i32,
        /// The month, 1..=12 when parsed.
        month: u32,
    },
    /// One day, written `2022-07-15`.
    Day(NaiveDate),
    /// A range of days, both ends included, written `2022-07-15/2022-07-17`.
    Range(NaiveDate, NaiveDate),
}

/// Why a text is not a [`Date`]. The message is meant for the office staff
/// who edit the YAML: it quotes the offending text and shows the expected form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateError {
    message: String,
    /// The text has the wrong shape (as opposed to naming a day that does not exist).
    malformed: bool,
}

impl DateError {
    fn shape(input: &str) -> Self {
        let mut message = crate::tr!("date-shape", input = input);
        if let Some(s) = suggest(input) {
            message.push_str(&crate::tr!("date-did-you-mean", date = s));
        }
        DateError {
            message,
            malformed: true,
        }
    }

    fn range_shape(input: &str) -> Self {
        DateError {
            message: crate::tr!("date-range-shape", input = input),
            malformed: true,
        }
    }

    fn day(input: &str, year: i32, month: u32, day: u32) -> Self {
        let message = if day == 0 {
            crate::tr!("date-day-zero", input = input)
        } else {
            let days = days_in_month(year, month);
            crate::tr!(
                "date-no-such-day",
                input = input,
                month = month,
                year = year,
                days = days
            )
        };
        DateError::invalid(message)
    }

    fn invalid(message: String) -> Self {
        DateError {
            message,
            malformed: false,
        }
    }
}

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for DateError {}

/// Number of days in a month; 31 for an invalid month so callers never panic.
fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        _ => 31,
    }
}

/// `ymd` clamped into chrono's range, so hand-built out-of-range values
/// still give a usable (if meaningless) day instead of a panic.
fn clamped_ymd(year: i32, month: u32, day: u32) -> NaiveDate {
    let month = month.clamp(1, 12);
    let day = day.clamp(1, days_in_month(year, month));
    NaiveDate::from_ymd_opt(year, month, day).unwrap_or(if year < 0 {
        NaiveDate::MIN
    } else {
        NaiveDate::MAX
    })
}

impl Date {
    /// The first day the date covers (1 January for a year, the 1st for a month).
    pub fn first_day(&self) -> NaiveDate {
        match self {
            Date::Year(y) => clamped_ymd(*y, 1, 1),
            Date::Month { year, month } => clamped_ymd(*year, *month, 1),
            Date::Day(d) | Date::Range(d, _) => *d,
        }
    }

    /// The last day the date covers (31 December for a year, the month's last day).
    pub fn last_day(&self) -> NaiveDate {
        match self {
            Date::Year(y) => clamped_ymd(*y, 12, 31),
            Date::Month { year, month } => clamped_ymd(*year, *month, 31),
            Date::Day(d) | Date::Range(_, d) => *d,
        }
    }

    /// The year the date starts in.
    pub fn year(&self) -> i32 {
        match self {
            Date::Year(y) | Date::Month { year: y, .. } => *y,
            Date::Day(d) | Date::Range(d, _) => d.year(),
        }
    }

    /// The years of the start and of the end (equal except for ranges).
    pub fn years(&self) -> (i32, i32) {
        match self {
            Date::Range(a, b) => (a.year(), b.year()),
            other => (other.year(), other.year()),
        }
    }

    /// Rank used only to break ties between dates covering the same days.
    fn precision_rank(&self) -> u8 {
        match self {
            Date::Day(_) => 0,
            Date::Range(..) => 1,
            Date::Month { .. } => 2,
            Date::Year(_) => 3,
        }
    }
}

impl Ord for Date {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        (self.first_day(), self.last_day(), self.precision_rank())
            .cmp(&(other.first_day(), other.last_day(), other.precision_rank()))
            // Only hand-built invalid values (month 13) can still tie here.
            .then_with(|| self.to_string().cmp(&other.to_string()))
    }
}

impl PartialOrd for Date {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Date::Year(y) => write!(f, "{y:04}"),
            Date::Month { year, month } => write!(f, "{year:04}-{month:02}"),
            Date::Day(d) => write!(f, "{}", d.format("%Y-%m-%d")),
            Date::Range(a, b) => write!(f, "{}/{}", a.format("%Y-%m-%d"), b.format("%Y-%m-%d")),
        }
    }
}

/// Parses a fixed-width run of ASCII digits; `None` for anything else.
fn digits(s: &str, width: usize) -> Option<u32> {
    if s.len() == width && s.bytes().all(|b| b.is_ascii_digit()) {
        s.parse().ok()
    } else {
        None
    }
}

/// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (no range).
fn parse_single(s: &str) -> Result<Date, DateError> {
    let parts: Vec<&str> = s.split('-').collect();
    let widths = [4, 2, 2];
    if parts.len() > widths.len() {
        return Err(DateError::shape(s));
    }
    let mut nums = [0u32; 3];
    for ((part, width), num) in parts.iter().zip(widths).zip(nums.iter_mut()) {
        *num = digits(part, width).ok_or_else(|| DateError::shape(s))?;
    }
    let [year, month, day] = nums;
    if !(1000..=9999).contains(&year) {
        let message = crate::tr!("date-year-range", input = s);
        return Err(DateError::invalid(message));
    }
    // Four digits always fit in i32.
    let year = year as i32;
    if parts.len() == 1 {
        return Ok(Date::Year(year));
    }
    if !(1..=12).contains(&month) {
        let message = crate::tr!("date-no-such-month", input = s, month = month);
        return Err(DateError::invalid(message));
    }
    if parts.len() == 2 {
        return Ok(Date::Month { year, month });
    }
    NaiveDate::from_ymd_opt(year, month, day)
        .map(Date::Day)
        .ok_or_else(|| DateError::day(s, year, month, day))
}

/// Suggests the ISO spelling of common hand-typed forms (`15.07.2022`,
/// `2022-7-5`), only when the suggestion itself is a valid date.
fn suggest(s: &str) -> Option<String> {
    let nums: Vec<&str> = s
        .split(['.', '-', '/', ' '])
        .filter(|p| !p.is_empty())
        .collect();
    if nums.len() != 3 || !nums.iter().all(|p| p.bytes().all(|b| b.is_ascii_digit())) {
        return None;
    }
    let n: Vec<u32> = nums.iter().filter_map(|p| p.parse().ok()).collect();
    let (y, m, d) = match (nums.first().map(|p| p.len()), nums.get(2).map(|p| p.len())) {
        (Some(4), _) => (*n.first()?, *n.get(1)?, *n.get(2)?),
        (_, Some(4)) => (*n.get(2)?, *n.get(1)?, *n.first()?),
        _ => return None,
    };
    let candidate = format!("{y:04}-{m:02}-{d:02}");
    (candidate != s && parse_single(&candidate).is_ok()).then_some(candidate)
}

impl FromStr for Date {
    type Err = DateError;

    fn from_str(input: &str) -> Result<Self, Self::Err> {
        let s = input.trim();
        let Some((start, end)) = s.split_once('/') else {
            return parse_single(s);
        };
        let (start, end) = (start.trim(), end.trim());
        // A malformed half is reported as a malformed range, other errors
        // (no such day) are more precise and are kept.
        let half = |text: &str| match parse_single(text) {
            Ok(Date::Day(day)) => Ok(day),
            Ok(_) => Err(DateError::range_shape(s)),
            Err(e) if e.malformed => Err(DateError::range_shape(s)),
            Err(e) => Err(e),
        };
        let (a, b) = (half(start)?, half(end)?);
        if b < a {
            let message = crate::tr!("date-range-reversed", start = start, end = end);
            return Err(DateError::invalid(message));
        }
        Ok(Date::Range(a, b))
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// Accepts a string, or an integer because an unquoted `2018` in YAML is one.
struct DateVisitor;

impl Visitor<'_> for DateVisitor {
    type Value = Date;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a date such as 2022-07-15, 2022-07, 2022 or 2022-07-15/2022-07-17")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Date, E> {
        v.parse().map_err(E::custom)
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Date, E> {
        self.visit_str(&v.to_string())
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Date, E> {
        self.visit_str(&v.to_string())
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Date, E> {
        self.visit_str(&v.to_string())
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(DateVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(s: &str) -> String {
        s.parse::<Date>()
            .map_or_else(|e| e.to_string(), |v| format!("parsed {v:?}"))
    }

    fn date(s: &str) -> Date {
        s.parse().unwrap_or_else(|e| panic!("{e}"))
    }

    /// First and last day of a date, as ISO text.
    fn span(s: &str) -> String {
        let d = date(s);
        format!("{} {}", d.first_day(), d.last_day())
    }

    #[test]
    fn parses_every_precision_and_writes_it_back() {
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).expect("valid test date");
        assert_eq!(date("2018"), Date::Year(2018));
        assert_eq!(
            date("2018-04"),
            Date::Month {
                year: 2018,
                month: 4
            }
        );
        assert_eq!(date("2022-07-15"), Date::Day(day(2022, 7, 15)));
        let range = Date::Range(day(2022, 7, 15), day(2022, 7, 17));
        assert_eq!(date("2022-07-15/2022-07-17"), range);
        assert_eq!(date(" 2024-02-29 "), Date::Day(day(2024, 2, 29)));
        for text in "2018 2018-04 2022-07-15 2022-07-15/2022-07-17 2022-07-15/2022-07-15".split(' ')
        {
            assert_eq!(date(text).to_string(), text);
        }
    }

    #[test]
    fn errors_speak_plain_english() {
        assert_eq!(
            err("15.07.2022"),
            "`15.07.2022` is not a date in the form YYYY-MM-DD (for example 2022-07-15), \
             YYYY-MM or YYYY; did you mean 2022-07-15?"
        );
        assert!(err("lipiec").starts_with("`lipiec` is not a date in the form"));
        assert!(!err("lipiec").contains("did you mean"));
        assert!(err("2022-7-5").ends_with("did you mean 2022-07-05?"));
        let feb = "2022-02-30 does not exist: February 2022 has 28 days";
        assert_eq!(err("2022-02-30"), feb);
        assert!(err("2024-02-30").ends_with("February 2024 has 29 days"));
        assert!(err("2022-04-00").ends_with("days are numbered from 01"));
        let month_13 = "2022-13 does not exist: there is no month 13 (months go from 01 to 12)";
        assert_eq!(err("2022-13"), month_13);
        let reversed = "the range 2022-07-17/2022-07-15 ends before it starts";
        assert_eq!(err("2022-07-17/2022-07-15"), reversed);
        assert!(err("2022-07/2022-08").contains("two full dates"));
        assert!(err("2022-07-15/x").contains("two full dates"));
        assert!(err("2022-07-15/2022-07-32").contains("July 2022 has 31 days"));
        assert!(err("0999").contains("outside 1000 to 9999"));
        for bad in [
            "",
            "22",
            "2022-07-15-01",
            "2022-07-15/",
            "２０２２",
            "2022–07–15",
            "+2022",
        ] {
            assert!(bad.parse::<Date>().is_err(), "{bad}");
        }
    }

    #[test]
    fn spans_and_years() {
        assert_eq!(span("2024-02"), "2024-02-01 2024-02-29");
        assert_eq!(span("2018"), "2018-01-01 2018-12-31");
        assert_eq!(span("2022-07-15/2022-07-17"), "2022-07-15 2022-07-17");
        let r = date("2022-12-30/2023-01-02");
        assert_eq!((r.year(), r.years()), (2022, (2022, 2023)));
        assert_eq!(date("2022-07-05").years(), (2022, 2022));
        // Hand-built nonsense must not panic.
        let bad = Date::Month {
            year: i32::MAX,
            month: 13,
        };
        let _ = (
            bad.first_day(),
            bad.last_day(),
            bad.cmp(&Date::Year(i32::MIN)),
        );
    }

    #[test]
    fn sorts_chronologically() {
        let input = "2022-07-15/2022-07-17 2022 2022-07 2022-07-15 2021-12-31 2022-07-01";
        let mut v: Vec<Date> = input.split(' ').map(date).collect();
        v.sort();
        let got: Vec<String> = v.iter().map(ToString::to_string).collect();
        let want = "2021-12-31 2022 2022-07-01 2022-07 2022-07-15 2022-07-15/2022-07-17";
        assert_eq!(got.join(" "), want);
        assert!(date("2022-07-15") < date("2022-07-15/2022-07-15"));
    }

    #[test]
    fn serde_accepts_strings_and_integers() {
        let yaml = "[2018, \"2018-04\", 2022-07-15, 2022-07-15/2022-07-17]";
        let v: Vec<Date> = crate::data::yaml::backend::from_str(yaml).expect("valid yaml dates");
        let want: Vec<Date> = "2018 2018-04 2022-07-15 2022-07-15/2022-07-17"
            .split(' ')
            .map(date)
            .collect();
        assert_eq!(v, want);
        let out = crate::data::yaml::backend::to_string(&v[3]).expect("serialises");
        assert_eq!(out, "2022-07-15/2022-07-17\n");
        let e =
            crate::data::yaml::backend::from_str::<Date>("2022-02-30").expect_err("invalid day");
        assert!(e.to_string().contains("February 2022 has 28 days"), "{e}");
        assert!(crate::data::yaml::backend::from_str::<Date>("99999").is_err());
        assert!(crate::data::yaml::backend::from_str::<Date>("2018.5").is_err());
    }
}
