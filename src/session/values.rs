//! Small typed values of the model: clock times and roles.

use serde::{Deserialize, Serialize};

/// A local clock time of day, minutes since midnight; written `HH:MM` in Podium JSON.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct ClockTime {
    minutes: u16,
}

impl ClockTime {
    /// `hours:minutes`, when both are in range.
    pub fn new(hours: u32, minutes: u32) -> Option<ClockTime> {
        (hours < 24 && minutes < 60).then(|| ClockTime {
            minutes: (hours * 60 + minutes) as u16,
        })
    }

    /// Reads `HH:MM` (or `H:MM`).
    pub fn parse(text: &str) -> Option<ClockTime> {
        let (h, m) = text.trim().split_once(':')?;
        if h.is_empty() || m.len() != 2 {
            return None;
        }
        ClockTime::new(h.parse().ok()?, m.parse().ok()?)
    }

    pub fn minutes_since_midnight(self) -> u32 {
        u32::from(self.minutes)
    }

    /// Seconds since midnight.
    pub fn seconds(self) -> u64 {
        u64::from(self.minutes) * 60
    }
}

impl std::fmt::Display for ClockTime {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:02}:{:02}", self.minutes / 60, self.minutes % 60)
    }
}

impl From<ClockTime> for String {
    fn from(t: ClockTime) -> String {
        t.to_string()
    }
}

/// A clock time that is not `HH:MM`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0:?} is not a clock time (HH:MM)")]
pub struct ClockTimeError(pub String);

impl TryFrom<String> for ClockTime {
    type Error = ClockTimeError;
    fn try_from(text: String) -> Result<ClockTime, ClockTimeError> {
        ClockTime::parse(&text).ok_or(ClockTimeError(text))
    }
}

/// What part a speaker plays. Written in Podium JSON as a lower-case word; a role Podium has
/// no name for keeps the source's word.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(from = "String", into = "String")]
pub enum Role {
    Moderator,
    Chair,
    Speaker,
    Audience,
    /// A parliament's ordinary member speaking (ParlaMint `#regular`).
    Regular,
    /// A guest of a parliament (ParlaMint `#guest`).
    Guest,
    Other(String),
}

impl Role {
    pub fn as_str(&self) -> &str {
        match self {
            Role::Moderator => "moderator",
            Role::Chair => "chair",
            Role::Speaker => "speaker",
            Role::Audience => "audience",
            Role::Regular => "regular",
            Role::Guest => "guest",
            Role::Other(s) => s,
        }
    }
}

impl From<&str> for Role {
    fn from(s: &str) -> Role {
        match s {
            "moderator" => Role::Moderator,
            "chair" => Role::Chair,
            "speaker" => Role::Speaker,
            "audience" => Role::Audience,
            "regular" => Role::Regular,
            "guest" => Role::Guest,
            other => Role::Other(other.to_string()),
        }
    }
}

impl From<String> for Role {
    fn from(s: String) -> Role {
        Role::from(s.as_str())
    }
}

impl From<Role> for String {
    fn from(r: Role) -> String {
        r.as_str().to_string()
    }
}

impl std::fmt::Display for Role {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}
