//! Tests of `typography`: every rule with exact strings (`~` stands for NBSP).

use super::*;

/// Expected values are written with `~` for NBSP, as in TeX.
fn nb(s: &str) -> String {
    s.replace('~', "\u{a0}")
}

/// `typeset` gives `want` and is idempotent on it.
fn check(input: &str, want: &str) {
    let got = typeset(input);
    assert_eq!(got, nb(want), "typeset({input:?})");
    assert_eq!(typeset(&got), got, "typeset is not idempotent on {input:?}");
}

#[test]
fn one_letter_words() {
    check("w Poznaniu", "w~Poznaniu");
    check("(w Brnie", "(w~Brnie");
    check("„z Brna”", "„z~Brna”");
    check("Brnow Brnie", "Brnow Brnie");
    check("spotkanie w ", "spotkanie w~");
    check("a i o u w z A I O U W Z x", "a~i~o~u~w~z~A~I~O~U~W~Z~x");
    check("ą b e y", "ą b e y");
    check("w. Poznaniu, a) punkt", "w. Poznaniu, a) punkt");
    check(
        "Miasto Poznań kontynuowało współpracę z 14 miastami partnerskimi i Hrabstwem Nottinghamshire",
        "Miasto Poznań kontynuowało współpracę z~14~miastami partnerskimi i~Hrabstwem Nottinghamshire",
    );
}

#[test]
fn numbers_years_and_dates() {
    check("W 2018 r. miasto", "W~2018~r. miasto");
    check("16.09.1966 r.", "16.09.1966~r.");
    check("1966 r.", "1966~r.");
    check("z 14 miastami", "z~14~miastami");
    check("32. Konferencji", "32.~Konferencji");
    check("4 kwietnia", "4~kwietnia");
    check("15–17 lipca", "15–17~lipca");
    check("2,5 mln zł i 50 %", "2,5~mln zł i~50~%");
    check("ponad 50 ", "ponad 50~");
    check("2018 – 2019", "2018~– 2019");
    check("20 000 osób", "20 000~osób");
    check("w 2018, a potem", "w~2018, a~potem");
    check("20-lecia Poznania", "20-lecia Poznania");
}

#[test]
fn dashes() {
    check("Poznaniu – głównym", "Poznaniu~– głównym");
    check("Brnie — delegacja", "Brnie~— delegacja");
    check(" – koniec", "~– koniec");
    check("słowo –", "słowo~–");
    check("polsko-węgierskiej i-", "polsko-węgierskiej i-");
    check("x –y", "x –y");
}

#[test]
fn abbreviations_and_initials() {
    check("m.in. Poznań", "m.in.~Poznań");
    check("(m.in. Lwów)", "(m.in.~Lwów)");
    check("pn. „Future Mentors”", "pn.~„Future Mentors”");
    check("im. A. Mickiewicza", "im.~A.~Mickiewicza");
    check("E.T.A. Hoffmann", "E.T.A.~Hoffmann");
    check("pokolenia Y. Uczestnicy", "pokolenia Y. Uczestnicy");
    check("Jan K. Nowak", "Jan K.~Nowak");
    check("ul. Ratajczaka nr 5 Nr 7", "ul.~Ratajczaka nr~5~Nr~7");
    check("A. i B.", "A. i~B.");
}

#[test]
fn spaces_and_urls_left_alone() {
    check("w  Poznaniu", "w  Poznaniu");
    check("Poznań\u{a0}i Lwów", "Poznań~i~Lwów");
    check("w\tPoznaniu", "w\tPoznaniu");
    check(
        "https://www.poznan.pl/a_b i www.x.pl w",
        "https://www.poznan.pl/a_b i~www.x.pl w",
    );
    check("", "");
    check(" ", " ");
    check("  w", "  w");
}

#[test]
fn quotes_and_apostrophes() {
    let q = |s: &str| {
        let got = smart_quotes(s);
        assert_eq!(
            smart_quotes(&got),
            got,
            "smart_quotes is not idempotent on {s:?}"
        );
        got
    };
    assert_eq!(q(r#"projekt "Labo Europe" w"#), "projekt „Labo Europe” w");
    assert_eq!(q("“Labo Europe”"), "„Labo Europe”");
    assert_eq!(q("„Labo Europe“."), "„Labo Europe”.");
    assert_eq!(q(r#"("Gen-Y City")"#), "(„Gen-Y City”)");
    assert_eq!(q(r#"""#), "”");
    assert_eq!(q(r#"" dalej"#), "” dalej");
    assert_eq!(q(r#""Tytuł"."#), "„Tytuł”.");
    assert_eq!(
        q("Ra'anana, O'Connell, Impact'22"),
        "Ra’anana, O’Connell, Impact’22"
    );
    assert_eq!(q("'cytat' i '22"), "'cytat' i '22");
    assert_eq!(q("„Polacy i Gruzini”"), "„Polacy i Gruzini”");
    let url = r#"see "https://x.pl/?q="a"&b='c'" or www.it's.pl"#;
    assert_eq!(q(url), r#"see „https://x.pl/?q="a"&b='c'” or www.it's.pl"#);
    assert_eq!(q(""), "");
}

#[test]
fn abbreviations_end_in_period_or_r() {
    // `is_abbreviation` rules words out by their last letter.
    assert!(ABBREVIATIONS.iter().all(|a| a.ends_with(['.', 'r'])));
}

#[test]
fn whitespace_is_found_as_char_is_whitespace_finds_it() {
    // Every character, each between two letters.
    let text: String = (0..=char::MAX as u32)
        .filter_map(char::from_u32)
        .flat_map(|c| [c, 'x'])
        .collect();
    let want: Vec<(usize, char)> = text
        .char_indices()
        .filter(|(_, c)| c.is_whitespace())
        .collect();
    assert_eq!(whitespace(&text).collect::<Vec<_>>(), want);
}
