//! Polish language rules.
