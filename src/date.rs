//! Dates at their real precision.
