//! Analysis of what was said, beyond the figures of [`crate::stats`]:
//!
//! - [`words`]: content words (stop words left out) counted per speaker, the most frequent ones,
//!   and the words most distinctive of a speaker (or a person across a library) against
//!   everyone else — Monroe, Colaresi & Quinn's weighted log-odds ratio ("Fightin' Words");
//! - [`timeline`]: who spoke when, as columns across the session, by time where the source has
//!   times and by words otherwise.
//!
//! Pure functions of sessions: no terminal, no command line.

pub mod timeline;
pub mod words;
