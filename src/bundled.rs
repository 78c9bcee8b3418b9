//! The session compiled into the binary, so Podium runs with no files and no network: the
//! IGF 2023 CSIRT networking session (DiploAI full report), and its Podium JSON.

use crate::formats::{self, ImportError};
use crate::session::Session;

/// How the bundled session is named in messages.
pub const NAME: &str = "(bundled) igf2023-ns44-csirt";

/// The report as published, kept so the JSON can be checked against it.
pub const REPORT: &str = include_str!("../data/igf2023-ns44-csirt.txt");
pub const REPORT_FILE: &str = "igf2023-ns44-csirt.txt";

/// `podium import data/igf2023-ns44-csirt.txt` — what Podium actually loads.
pub const JSON: &str = include_str!("../data/igf2023-ns44-csirt.json");

/// The bundled session, from its JSON.
pub fn session() -> Result<Session, ImportError> {
    formats::load_bytes(NAME, None, JSON.as_bytes()).map(|l| l.session)
}
