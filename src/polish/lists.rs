//! Punctuation at the end of list items.
//!
//! The chapter writes short lists as one sentence: every item but the last ends with a
//! semicolon, the last with a full stop ("- 8 kwietnia – spotkanie …;" … "- 13–18 października –
//! … maratonie."). Staff write the item texts without the closing mark, but a text copied from
//! elsewhere often ends with one, and appending blindly prints „Poznaniu.;” or „Poznaniu..”.
//! [`end_item`] decides the ending from what the text already has: a sentence's own full stop
//! becomes the semicolon, the full stop of an abbreviation („w 2023 r.”) stays and doubles as
//! the sentence's, and a semicolon or comma left at the end of the last item becomes a full stop.

/// Abbreviations that end with a full stop in Polish (lower case, without the stop). Only
/// words that can plausibly end an item are listed.
const ABBREVIATIONS: &[&str] = &[
    "al", "godz", "im", "itd", "itp", "jw", "ks", "m.in", "n.e", "np", "nr", "ok", "os", "pl",
    "pn", "p.n.e", "prof", "r", "tj", "tys", "tzn", "tzw", "ul", "w", "wg", "ww", "zob", "św",
];

/// `text` with the ending it takes as an item of a list: `;` before another item, `.` as the
/// last one.
pub fn end_item(text: &str, last: bool) -> String {
    let body = text.trim_end();
    let mut out = String::with_capacity(body.len() + 1);
    let Some(end) = body.chars().next_back() else {
        return String::new();
    };
    match end {
        // „...” typed for an ellipsis, or an abbreviation: the full stop stays.
        '.' if body.ends_with("...") || ends_with_abbreviation(body) => {
            out.push_str(body);
            if !last {
                out.push(';');
            }
        }
        '.' | ';' | ',' => {
            out.push_str(&body[..body.len() - 1]);
            out.push(if last { '.' } else { ';' });
        }
        '!' | '?' | '…' => {
            out.push_str(body);
            if !last {
                out.push(';');
            }
        }
        _ => {
            out.push_str(body);
            out.push(if last { '.' } else { ';' });
        }
    }
    out
}

/// Whether the full stop that ends `text` belongs to an abbreviation: the last word (after a
/// space or a no-break space) is a known abbreviation, or a single letter (an initial).
fn ends_with_abbreviation(text: &str) -> bool {
    let word = text[..text.len() - 1]
        .rsplit(|c: char| c.is_whitespace() || c == '(' || c == '„')
        .next()
        .unwrap_or("");
    let lower = word.to_lowercase();
    ABBREVIATIONS.contains(&lower.as_str())
        || (word.chars().count() == 1 && word.chars().all(char::is_uppercase))
}

#[cfg(test)]
mod tests {
    use super::end_item;

    #[test]
    fn a_bare_text_gets_a_semicolon_or_a_full_stop() {
        assert_eq!(
            end_item("spotkanie w Poznaniu", false),
            "spotkanie w Poznaniu;"
        );
        assert_eq!(
            end_item("spotkanie w Poznaniu", true),
            "spotkanie w Poznaniu."
        );
    }

    #[test]
    fn a_sentence_full_stop_is_not_doubled() {
        assert_eq!(
            end_item("spotkanie w Poznaniu.", false),
            "spotkanie w Poznaniu;"
        );
        assert_eq!(
            end_item("spotkanie w Poznaniu.", true),
            "spotkanie w Poznaniu."
        );
        assert_eq!(
            end_item("spotkanie w Poznaniu. \n", true),
            "spotkanie w Poznaniu."
        );
    }

    #[test]
    fn an_abbreviation_keeps_its_full_stop() {
        assert_eq!(
            end_item("umowa z 2023\u{a0}r.", false),
            "umowa z 2023\u{a0}r.;"
        );
        assert_eq!(end_item("umowa z 2023 r.", true), "umowa z 2023 r.");
        assert_eq!(end_item("muzyka, taniec itp.", true), "muzyka, taniec itp.");
        assert_eq!(end_item("wizyta (m.in.", false), "wizyta (m.in.;");
        assert_eq!(end_item("list od Jana K.", false), "list od Jana K.;");
    }

    #[test]
    fn a_left_over_separator_is_replaced() {
        assert_eq!(end_item("warsztaty;", true), "warsztaty.");
        assert_eq!(end_item("warsztaty,", false), "warsztaty;");
    }

    #[test]
    fn a_question_or_exclamation_stays() {
        assert_eq!(end_item("„Czy to działa?”", true), "„Czy to działa?”.");
        assert_eq!(end_item("akcja „Stop!”", false), "akcja „Stop!”;");
        assert_eq!(end_item("Kto pyta?", true), "Kto pyta?");
        assert_eq!(end_item("i tak dalej…", false), "i tak dalej…;");
        assert_eq!(end_item("i tak dalej...", false), "i tak dalej...;");
        assert_eq!(end_item("i tak dalej...", true), "i tak dalej...");
    }

    #[test]
    fn an_empty_text_stays_empty() {
        assert_eq!(end_item("", true), "");
        assert_eq!(end_item("  ", false), "");
    }
}
