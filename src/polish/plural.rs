//! Polish plural categories (CLDR) and the choice of a noun form by count.

/// The CLDR plural category of a Polish number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PluralCategory {
    /// 1: `1 spotkanie`.
    One,
    /// 2–4, 22–24, 102…, but not 12–14: `2 spotkania`.
    Few,
    /// 0, 5–21, 25–31, 100, 112…: `5 spotkań`.
    Many,
    /// Fractions: `1,5 spotkania`.
    Other,
}

/// The CLDR category of a whole number:
/// one `i = 1`; few `i % 10 = 2..4 and i % 100 != 12..14`; many otherwise.
pub fn category(n: u64) -> PluralCategory {
    let (last, last_two) = (n % 10, n % 100);
    if n == 1 {
        PluralCategory::One
    } else if (2..=4).contains(&last) && !(12..=14).contains(&last_two) {
        PluralCategory::Few
    } else {
        PluralCategory::Many
    }
}

/// The CLDR category of a number written with a fraction: `Other` when it
/// has a fractional part (or is not finite), otherwise as [`category`] of
/// its absolute value. A value written "2,0" should be passed to
/// [`category`] by the caller if its visible decimals matter.
pub fn category_f64(n: f64) -> PluralCategory {
    let n = n.abs();
    if !n.is_finite() || n.fract() != 0.0 || n > u64::MAX as f64 {
        PluralCategory::Other
    } else {
        // Whole, non-negative and in range, so the cast is exact.
        category(n as u64)
    }
}

/// The form for `n` among the caller's forms for one grammatical case:
/// `one` for 1, `few` for 2–4, 22–24…, `many` for everything else.
/// Pass the forms of the case the sentence needs, e.g. nominative
/// `spotkanie/spotkania/spotkań` or instrumental
/// `miastem partnerskim/miastami partnerskimi/miastami partnerskimi`.
pub fn plural<'a>(n: u64, one: &'a str, few: &'a str, many: &'a str) -> &'a str {
    match category(n) {
        PluralCategory::One => one,
        PluralCategory::Few => few,
        PluralCategory::Many | PluralCategory::Other => many,
    }
}

/// The number and its noun form, joined by a non-breaking space:
/// `14\u{a0}miastami partnerskimi`.
pub fn count(n: u64, one: &str, few: &str, many: &str) -> String {
    format!("{n}\u{a0}{}", plural(n, one, few, many))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meetings(n: u64) -> String {
        count(n, "spotkanie", "spotkania", "spotkań")
    }

    #[test]
    fn categories_follow_cldr() {
        use PluralCategory::*;
        let cases = [
            (0, Many),
            (1, One),
            (2, Few),
            (4, Few),
            (5, Many),
            (11, Many),
            (12, Many),
            (14, Many),
            (21, Many),
            (22, Few),
            (25, Many),
            (100, Many),
            (101, Many),
            (102, Few),
            (112, Many),
            (1001, Many),
            (u64::MAX, Many),
        ];
        for (n, want) in cases {
            assert_eq!(category(n), want, "{n}");
        }
        assert_eq!(category_f64(1.5), Other);
        assert_eq!(category_f64(2.0), Few);
        assert_eq!(category_f64(-1.0), One);
        assert_eq!(category_f64(f64::NAN), Other);
        assert_eq!(category_f64(f64::INFINITY), Other);
    }

    #[test]
    fn meetings_in_the_nominative() {
        let cases = [
            (1, "1 spotkanie"),
            (2, "2 spotkania"),
            (5, "5 spotkań"),
            (12, "12 spotkań"),
            (13, "13 spotkań"),
            (21, "21 spotkań"),
            (22, "22 spotkania"),
            (112, "112 spotkań"),
            (102, "102 spotkania"),
            (0, "0 spotkań"),
        ];
        for (n, want) in cases {
            assert_eq!(meetings(n), want.replace(' ', "\u{a0}"));
        }
        assert_eq!(plural(3, "wizyta", "wizyty", "wizyt"), "wizyty");
    }

    #[test]
    fn partner_cities_in_the_instrumental() {
        let with = |n| {
            let forms = ("miastem partnerskim", "miastami partnerskimi");
            format!("z {}", count(n, forms.0, forms.1, forms.1))
        };
        assert_eq!(with(1), "z 1\u{a0}miastem partnerskim");
        assert_eq!(with(14), "z 14\u{a0}miastami partnerskimi");
        assert_eq!(with(22), "z 22\u{a0}miastami partnerskimi");
    }
}
