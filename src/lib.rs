//! Podium's core: everything but the terminal.
//!
//! - [`session`]: the session model (speakers, turns, quotes, published figures), plain serde data;
//! - [`formats`]: one module per input format, and detection by content;
//! - [`decode`]: bytes to lines, tolerant of BOMs, CRLF and stray Latin-1 bytes;
//! - [`text`]: what a word and a sentence are;
//! - [`stats`]: figures computed from a session, beside the published ones;
//! - [`search`]: ranked fuzzy quote search;
//! - [`bundled`]: the session compiled into the binary.
//!
//! Nothing here knows about terminals or command lines.

pub mod bundled;
pub mod decode;
pub mod formats;
pub mod search;
pub mod session;
pub mod stats;
pub mod text;
