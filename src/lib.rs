//! Podium's core: everything but the terminal.
//!
//! - [`session`]: the session model (speakers, turns, quotes, published figures), plain serde data;
//! - [`formats`]: one module per input format, and detection by content;
//! - [`decode`]: bytes to lines, tolerant of BOMs, CRLF and stray Latin-1 bytes;
//! - [`text`]: what a word and a sentence are;
//! - [`stats`]: figures computed from a session, beside the published ones;
//! - [`analysis`]: distinctive words (Fightin' Words) and the timeline of who spoke when;
//! - [`search`]: ranked fuzzy quote search;
//! - [`library`]: many sessions at once, loaded in parallel, and the people index;
//! - [`check`]: what an import made of a file and every guess it made (`podium check`);
//! - [`cache`]: imported sessions (and search [`digest`]s) kept under the XDG cache directory;
//! - [`cite`], [`export`], [`kwic`], [`marks`], [`codes`], [`names`], [`redact`]: taking
//!   quotes out — citations, exports, concordance, marks and codes, speaker names fixed in
//!   `podium.toml`, pseudonyms for the names an export must not carry;
//! - [`media`]: the recording beside a transcript, for the browser's player;
//! - [`sanitize`]: text from an input made safe to print on a terminal (controls shown, bidi
//!   overrides neutralised), used by every plain-text printer;
//! - [`synth`]: deterministic synthetic sessions for benchmarks;
//! - [`bundled`]: the session compiled into the binary.
//!
//! Nothing here knows about terminals or command lines.

// Tests may unwrap: a failing unwrap there is a failing test.
#![cfg_attr(test, allow(clippy::unwrap_used))]

pub mod analysis;
pub mod archive;
pub mod bundled;
pub mod cache;
pub mod check;
pub mod cite;
pub mod codes;
pub mod decode;
pub mod digest;
pub mod error;
pub mod export;
pub mod files;
pub mod formats;
pub mod kwic;
pub mod library;
pub mod load;
pub mod marks;
pub mod media;
pub mod names;
pub mod redact;
pub mod sanitize;
pub mod search;
pub mod session;
pub mod sources;
pub mod stats;
pub mod synth;
pub mod text;
