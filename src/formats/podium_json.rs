//! Podium's own session JSON: the [`Session`] model serialised with `format_version`.

use crate::formats::ParseError;
use crate::session::{FORMAT_VERSION, Session};

/// Parses Podium JSON in one pass. Derived data (sentence spans) is rebuilt rather than
/// trusted. A document that does not fit gets the most useful complaint: a version this Podium
/// does not read, a missing `format_version`, or where the JSON breaks.
pub fn parse(text: &str) -> Result<Session, ParseError> {
    match serde_json::from_str::<Session>(text) {
        Ok(mut session) if session.format_version == FORMAT_VERSION => {
            session.refresh_derived();
            Ok(session)
        }
        Ok(session) => Err(version_error(session.format_version)),
        Err(e) => {
            #[derive(serde::Deserialize)]
            struct Version {
                format_version: Option<u64>,
            }
            match serde_json::from_str::<Version>(text) {
                Ok(Version {
                    format_version: None,
                }) => Err(ParseError::at(
                    1,
                    "JSON without a \"format_version\"; expected Podium session JSON (from `podium import`)",
                )),
                Ok(Version {
                    format_version: Some(v),
                }) if v != u64::from(FORMAT_VERSION) => Err(version_error(v as u32)),
                _ => Err(json_error(e)),
            }
        }
    }
}

fn version_error(v: u32) -> ParseError {
    ParseError::at(
        1,
        format!("Podium JSON format_version {v}; this Podium reads version {FORMAT_VERSION}"),
    )
}

/// Podium writes `format_version` first; a cheap look at the start tells its JSON apart.
pub fn looks_like(text: &str) -> bool {
    let t = text.trim_start();
    let head: String = t.chars().take(256).collect();
    t.starts_with('{') && head.contains("\"format_version\"")
}

fn json_error(e: serde_json::Error) -> ParseError {
    let mut message = e.to_string();
    // serde_json appends " at line L column C"; the line goes in front instead.
    if let Some(pos) = message.find(" at line ") {
        message.truncate(pos);
    }
    ParseError::at(
        e.line().max(1),
        format!(
            "{message} (column {}); expected Podium session JSON",
            e.column()
        ),
    )
}

/// Serialises a session as pretty-printed Podium JSON with a final newline.
pub fn to_string(session: &Session) -> String {
    let mut out = crate::sanitize::json_string(session, true);
    out.push('\n');
    out
}
