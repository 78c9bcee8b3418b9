//! The session model: plain serde data, shared by every input format, the statistics, the search
//! index and the browser. Podium's own JSON is this model serialised (see `README.md`, "Session
//! JSON").

use serde::{Deserialize, Serialize};

use crate::text;

/// Bumped whenever a change to these types would make older Podium JSON load differently.
pub const FORMAT_VERSION: u32 = 1;

/// One meeting on the record: who was there, what they said, what was published about it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Session {
    pub format_version: u32,
    pub meta: Meta,
    pub speakers: Vec<Speaker>,
    /// The report's overall summary, one string per paragraph (empty when it has none).
    #[serde(default)]
    pub summary: Vec<String>,
    pub turns: Vec<Turn>,
    /// What the importer could not place in a field, or had to guess. Kept so nothing is lost.
    #[serde(default)]
    pub warnings: Vec<Warning>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Meta {
    pub title: String,
    /// The part of the title line after ` | `, e.g. "IGF 2023 Networking Session #44".
    pub event: Option<String>,
    /// ISO date, `2023-10-09`.
    pub date: Option<String>,
    /// Local clock time as written, `00:30`.
    pub start_time: Option<String>,
    pub end_time: Option<String>,
    /// The zone as written (`UTC`); `None` when the report gives none.
    pub time_zone: Option<String>,
    /// The date line exactly as written, for display and for anything the parse missed.
    pub date_text: Option<String>,
    pub kind: SessionKind,
    pub disclaimer: Option<String>,
    /// Name of the file the session was imported from (no directories).
    pub source_file: Option<String>,
    /// Name of the input format, as `podium formats` lists it.
    pub source_format: String,
}

/// What the source holds: a full report (with transcript), a summary-only report, or a bare
/// transcript from a caption or speech-recognition tool.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SessionKind {
    #[default]
    FullReport,
    SummaryOnly,
    Transcript,
}

impl SessionKind {
    pub fn label(self) -> &'static str {
        match self {
            SessionKind::FullReport => "full report",
            SessionKind::SummaryOnly => "summary only",
            SessionKind::Transcript => "transcript",
        }
    }
}

/// Whether a speaker is a person or a label a transcript uses for whoever held the microphone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SpeakerKind {
    Person,
    /// "Moderator", "Audience", "Speaker 2": not a person from the speaker list.
    Label,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Speaker {
    /// Stable, URL-safe id derived from the name (`masae-toyama`), unique in the session.
    pub id: String,
    pub name: String,
    /// Other spellings this speaker appears under in the source.
    #[serde(default)]
    pub aliases: Vec<String>,
    pub kind: SpeakerKind,
    /// True when the report's speaker list names this speaker.
    #[serde(default)]
    pub listed: bool,
    pub organisation: Option<String>,
    pub stakeholder_group: Option<String>,
    pub region: Option<String>,
    /// `speaker`, `moderator`, `audience`, or another role the source names.
    #[serde(default)]
    pub roles: Vec<String>,
    /// The report's summary of what this speaker said, one string per paragraph.
    #[serde(default)]
    pub summary: Vec<String>,
    /// Figures the report publishes, exactly as printed; `None` when it publishes none.
    pub published: Option<PublishedStats>,
}

impl Speaker {
    pub fn new(id: String, name: String, kind: SpeakerKind) -> Self {
        Speaker {
            id,
            name,
            aliases: Vec::new(),
            kind,
            listed: false,
            organisation: None,
            stakeholder_group: None,
            region: None,
            roles: Vec::new(),
            summary: Vec::new(),
            published: None,
        }
    }

    pub fn has_role(&self, role: &str) -> bool {
        self.roles.iter().any(|r| r == role)
    }

    /// The name and every alias, for matching a user's `--speaker` or a transcript label.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.name.as_str()).chain(self.aliases.iter().map(String::as_str))
    }
}

/// Per-speaker figures as the source prints them. A field the source leaves blank or at zero is
/// `None`: DiploAI prints zeros for "not measured".
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PublishedStats {
    pub wpm: Option<u64>,
    pub words: Option<u64>,
    pub seconds: Option<u64>,
}

impl PublishedStats {
    pub fn is_empty(&self) -> bool {
        self.wpm.is_none() && self.words.is_none() && self.seconds.is_none()
    }
}

/// One uninterrupted stretch of speech by one speaker.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Turn {
    /// `t1`, `t2`, … in order of the transcript.
    pub id: String,
    /// A `Speaker::id`.
    pub speaker: String,
    pub paragraphs: Vec<String>,
    /// Seconds from the start of the recording, where the source gives times.
    pub start: Option<f64>,
    pub end: Option<f64>,
    /// Seconds actually spoken: the union of the source's timed pieces (cues, segments), so
    /// pauses inside a turn and overlapping cues are not counted twice. `None` without times.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub spoken: Option<f64>,
    /// The turn's sentences (quotes). Derived from `paragraphs` on every load, never trusted
    /// from a file; serialised so that other tools can address quotes as Podium does.
    #[serde(default)]
    pub sentences: Vec<SentenceSpan>,
}

impl Turn {
    pub fn new(index: usize, speaker: String, paragraphs: Vec<String>) -> Self {
        let mut turn = Turn {
            id: format!("t{}", index + 1),
            speaker,
            paragraphs,
            start: None,
            end: None,
            spoken: None,
            sentences: Vec::new(),
        };
        turn.split_sentences();
        turn
    }

    /// Recomputes `sentences` from `paragraphs`.
    pub fn split_sentences(&mut self) {
        self.sentences = self
            .paragraphs
            .iter()
            .enumerate()
            .flat_map(|(p, para)| {
                text::sentence_spans(para)
                    .into_iter()
                    .map(move |r| SentenceSpan {
                        paragraph: p,
                        start: r.start,
                        end: r.end,
                    })
            })
            .collect();
    }

    /// The text of the `i`-th sentence (0-based).
    pub fn sentence(&self, i: usize) -> Option<&str> {
        let s = self.sentences.get(i)?;
        self.paragraphs.get(s.paragraph)?.get(s.start..s.end)
    }

    pub fn text(&self) -> String {
        self.paragraphs.join("\n\n")
    }
}

/// Where a sentence sits: paragraph index and UTF-8 byte range within that paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct SentenceSpan {
    pub paragraph: usize,
    pub start: usize,
    pub end: usize,
}

/// Something the importer noticed: a line it could not place, a guess it made.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Warning {
    /// 1-based line in the source file, when the warning is about one line.
    pub line: Option<usize>,
    pub message: String,
}

/// A quote's address: (turn index, sentence index), both 0-based.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct QuoteRef {
    pub turn: usize,
    pub sentence: usize,
}

impl Session {
    pub fn speaker(&self, id: &str) -> Option<&Speaker> {
        self.speakers.iter().find(|s| s.id == id)
    }

    pub fn speaker_index(&self, id: &str) -> Option<usize> {
        self.speakers.iter().position(|s| s.id == id)
    }

    /// The display name of a turn's speaker.
    pub fn speaker_name<'a>(&'a self, turn: &'a Turn) -> &'a str {
        self.speaker(&turn.speaker)
            .map_or(turn.speaker.as_str(), |s| s.name.as_str())
    }

    /// Every quote in transcript order with its text.
    pub fn quotes(&self) -> impl Iterator<Item = (QuoteRef, &str)> {
        self.turns.iter().enumerate().flat_map(|(t, turn)| {
            (0..turn.sentences.len()).filter_map(move |s| {
                turn.sentence(s).map(|text| {
                    (
                        QuoteRef {
                            turn: t,
                            sentence: s,
                        },
                        text,
                    )
                })
            })
        })
    }

    /// Rebuilds everything derived, after loading from a file that may be stale or hand-edited.
    pub fn refresh_derived(&mut self) {
        for turn in &mut self.turns {
            turn.split_sentences();
        }
    }

    /// Looks a speaker up by what a person types: exact name or alias first, then a unique
    /// prefix of a name or alias, all case-insensitive.
    pub fn find_speaker(&self, query: &str) -> Result<&Speaker, SpeakerLookupError> {
        let q = text::fold_name(query);
        if q.is_empty() {
            return Err(SpeakerLookupError::NotFound(query.to_string()));
        }
        if let Some(s) = self
            .speakers
            .iter()
            .find(|s| s.names().any(|n| text::fold_name(n) == q))
        {
            return Ok(s);
        }
        let matches: Vec<&Speaker> = self
            .speakers
            .iter()
            .filter(|s| s.names().any(|n| text::fold_name(n).starts_with(&q)))
            .collect();
        match matches.as_slice() {
            [one] => Ok(one),
            [] => Err(SpeakerLookupError::NotFound(query.to_string())),
            many => Err(SpeakerLookupError::Ambiguous {
                query: query.to_string(),
                names: many.iter().map(|s| s.name.clone()).collect(),
            }),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SpeakerLookupError {
    #[error("no speaker matches {0:?}")]
    NotFound(String),
    #[error("{query:?} matches several speakers: {}", .names.join(", "))]
    Ambiguous { query: String, names: Vec<String> },
}
