//! Podium's own session JSON: the [`Session`] model serialised with `format_version`.

use crate::formats::ParseError;
use crate::session::{FORMAT_VERSION, Session};

/// Parses Podium JSON. Derived data (sentence spans) is rebuilt rather than trusted.
pub fn parse(text: &str) -> Result<Session, ParseError> {
    let value: serde_json::Value = serde_json::from_str(text).map_err(json_error)?;
    match value
        .get("format_version")
        .and_then(serde_json::Value::as_u64)
    {
        Some(v) if v == u64::from(FORMAT_VERSION) => {}
        Some(v) => {
            return Err(ParseError::at(
                1,
                format!(
                    "Podium JSON format_version {v}; this Podium reads version {FORMAT_VERSION}"
                ),
            ));
        }
        None => {
            return Err(ParseError::at(
                1,
                "JSON without a \"format_version\"; expected Podium session JSON (from `podium import`)",
            ));
        }
    }
    let mut session: Session = serde_json::from_str(text).map_err(json_error)?;
    session.refresh_derived();
    Ok(session)
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
    let mut out = serde_json::to_string_pretty(session).unwrap_or_default();
    out.push('\n');
    out
}
