//! Polish language rules for generated text: dates, plurals, prepositions,
//! alphabetical order and render-time typography.

pub mod collate;
pub mod dates;
pub mod lists;
pub mod plural;
pub mod prepositions;
pub mod typography;

pub use collate::{compare, sort, sort_key, SortKey};
pub use dates::{day_month, format_date, in_month, in_period, month_name, numeric, MonthCase};
pub use lists::end_item;
pub use plural::{category, category_f64, count, plural, PluralCategory};
pub use prepositions::{w_or_we, z_or_ze};
pub use typography::{smart_quotes, smart_quotes_changed, typeset, typeset_changed};
