//! The session model: plain serde data, shared by every input format, the statistics, the search
//! index and the browser. Podium's own JSON is this model serialised (see `README.md`, "Session
//! JSON").

use serde::{Deserialize, Serialize};

use crate::text;

/// Bumped whenever a change to these types would make older Podium JSON load differently.
pub const FORMAT_VERSION: u32 = 1;

/// One meeting on the record: who was there, what they said, what was published about it.
///
/// In Podium JSON a turn names its speaker by the speaker's string `id`; in memory it holds a
/// [`SpeakerIx`] (see [`repr`] for the mapping).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(from = "repr::SessionIn")]
pub struct Session {
    pub format_version: u32,
    pub meta: Meta,
    pub speakers: Vec<Speaker>,
    /// The report's overall summary, one string per paragraph (empty when it has none).
    #[serde(default)]
    pub summary: Vec<String>,
    pub turns: Vec<Turn>,
    /// Parts of the session with their headings (a parliament's debate sections), in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sections: Vec<Section>,
    /// What the source holds besides what was said: front matter (titles, captioning notices,
    /// attendance lists, show notes) set aside so it is neither a speaker nor counted as words.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
    /// What the importer could not place in a field, or had to guess. Kept so nothing is lost.
    #[serde(default)]
    pub warnings: Vec<Warning>,
}

impl Default for Session {
    fn default() -> Self {
        Session {
            format_version: FORMAT_VERSION,
            meta: Meta::default(),
            speakers: Vec::new(),
            summary: Vec::new(),
            turns: Vec::new(),
            sections: Vec::new(),
            notes: Vec::new(),
            warnings: Vec::new(),
        }
    }
}

/// A part of a session under its own heading, from the turn it starts at.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Section {
    pub title: String,
    /// Index of the section's first turn.
    pub turn: usize,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Meta {
    pub title: String,
    /// The part of the title line after ` | `, e.g. "IGF 2023 Networking Session #44".
    pub event: Option<String>,
    /// ISO date, `2023-10-09`.
    pub date: Option<String>,
    /// Local clock time the session started (`00:30` in JSON).
    pub start_time: Option<ClockTime>,
    pub end_time: Option<ClockTime>,
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
    /// The house or body that met (a parliament's chamber, a committee).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub house: Option<String>,
    /// The legislative term or period, as the source names it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub term: Option<String>,
    /// The main language, as a BCP 47 tag (`en`, `sl`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// The source's own id of the session (a ParlaMint sitting's `xml:id`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_id: Option<String>,
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

impl Meta {
    /// When the session took place, `2023-10-09 00:30–01:30 UTC`: the date, the start time
    /// (with the end time when known) and the zone. `None` without a date. The one date line of
    /// the browser's header, `stats` and exports.
    pub fn when(&self) -> Option<String> {
        let mut when = self.date.clone()?;
        if let Some(start) = self.start_time {
            when.push_str(&format!(" {start}"));
            if let Some(end) = self.end_time {
                when.push_str(&format!("–{end}"));
            }
        }
        if let Some(zone) = &self.time_zone {
            when.push(' ');
            when.push_str(zone);
        }
        Some(when)
    }
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
    /// Political party or group, where the source says (valid on the session's date).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub party: Option<String>,
    /// The source's own stable id of the person (ParlaMint `#StephenKinnock`), which joins one
    /// person across sessions even when the printed name changes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub person_id: Option<String>,
    /// What part they play: moderator, speaker, audience, or another role the source names.
    #[serde(default)]
    pub roles: Vec<Role>,
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
            party: None,
            person_id: None,
            roles: Vec::new(),
            summary: Vec::new(),
            published: None,
        }
    }

    pub fn has_role(&self, role: &Role) -> bool {
        self.roles.contains(role)
    }

    /// Adds `role` unless the speaker has it already.
    pub fn add_role(&mut self, role: Role) {
        if !self.has_role(&role) {
            self.roles.push(role);
        }
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

mod repr;
mod values;

pub use values::{ClockTime, ClockTimeError, Role};

/// Which speaker: an index into [`Session::speakers`], so finding a turn's speaker costs
/// nothing. Podium JSON writes the speaker's string id instead (see [`Session`]'s serde).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct SpeakerIx(pub usize);

impl SpeakerIx {
    pub fn get(self) -> usize {
        self.0
    }
}

/// One uninterrupted stretch of speech by one speaker.
#[derive(Debug, Clone, PartialEq)]
pub struct Turn {
    /// `t1`, `t2`, … in order of the transcript.
    pub id: String,
    /// Who speaks. Always a valid index into the session's speakers; in Podium JSON, the
    /// speaker's `id`.
    pub speaker: SpeakerIx,
    /// The part the speaker plays in this turn, where the source says per turn (a member who
    /// chairs part of a sitting).
    pub role: Option<Role>,
    pub paragraphs: Vec<String>,
    /// When each paragraph starts, in seconds from the start of the recording: one entry per
    /// paragraph where the source times its pieces (a speaker-less Whisper file's pauses), else
    /// empty. Readers index it with `get`: a shorter vector means the rest are unknown.
    pub paragraph_starts: Vec<Option<f64>>,
    /// Seconds from the start of the recording, where the source gives times.
    pub start: Option<f64>,
    pub end: Option<f64>,
    /// Seconds actually spoken: the union of the source's timed pieces (cues, segments), so
    /// pauses inside a turn and overlapping cues are not counted twice. `None` without times.
    pub spoken: Option<f64>,
    /// The turn's sentences (quotes). Derived from `paragraphs` on every load, never trusted
    /// from a file; serialised so that other tools can address quotes as Podium does.
    pub sentences: Vec<SentenceSpan>,
    /// The source's ids of the pieces merged into this turn (a ParlaMint sitting's `<u>`s),
    /// after [`Meta::source_id`] and a dot where they start with it (`u12` for
    /// `ParlaMint-GB_2017-09-07-commons.u12`); empty where the source has none.
    pub source_ids: Vec<String>,
}

/// Buffers for [`Turn::split_sentences_with`].
#[derive(Debug, Default)]
pub struct SentenceScratch {
    ranges: Vec<std::ops::Range<usize>>,
    spans: Vec<SentenceSpan>,
}

impl Turn {
    /// The id of the turn at `index`: `t1` for the first. Made without `format!`, which costs
    /// more than the rest of naming a million turns.
    pub fn id_of(index: usize) -> String {
        let mut digits = [0u8; 20];
        let mut at = digits.len();
        let mut n = index + 1;
        loop {
            at -= 1;
            digits[at] = b'0' + (n % 10) as u8;
            n /= 10;
            if n == 0 {
                break;
            }
        }
        let mut id = String::with_capacity(1 + digits.len() - at);
        id.push('t');
        id.extend(digits[at..].iter().map(|&d| char::from(d)));
        id
    }

    pub fn new(index: usize, speaker: SpeakerIx, paragraphs: Vec<String>) -> Self {
        let mut turn = Turn {
            id: Turn::id_of(index),
            paragraphs,
            ..Turn::blank(speaker)
        };
        turn.split_sentences();
        turn
    }

    /// A turn of `speaker` with no id, nothing said and no times yet.
    pub fn blank(speaker: SpeakerIx) -> Self {
        Turn {
            id: String::new(),
            speaker,
            role: None,
            paragraphs: Vec::new(),
            paragraph_starts: Vec::new(),
            start: None,
            end: None,
            spoken: None,
            sentences: Vec::new(),
            source_ids: Vec::new(),
        }
    }

    /// Recomputes `sentences` from `paragraphs`.
    pub fn split_sentences(&mut self) {
        self.split_sentences_with(&mut SentenceScratch::default());
    }

    /// [`Turn::split_sentences`] with buffers used again from turn to turn: a million turns
    /// cost a million allocations less.
    pub fn split_sentences_with(&mut self, scratch: &mut SentenceScratch) {
        scratch.spans.clear();
        for (p, para) in self.paragraphs.iter().enumerate() {
            scratch.ranges.clear();
            text::sentence_spans_into(para, &mut scratch.ranges);
            scratch
                .spans
                .extend(scratch.ranges.iter().map(|r| SentenceSpan {
                    paragraph: p,
                    start: r.start,
                    end: r.end,
                }));
        }
        // Exactly the room the sentences take: most turns are a sentence or two.
        self.sentences = scratch.spans.as_slice().to_vec();
    }

    /// The text of the `i`-th sentence (0-based).
    pub fn sentence(&self, i: usize) -> Option<&str> {
        let s = self.sentences.get(i)?;
        self.paragraphs.get(s.paragraph)?.get(s.start..s.end)
    }

    pub fn text(&self) -> String {
        self.paragraphs.join("\n\n")
    }

    /// When paragraph `p` starts, where the source says.
    pub fn paragraph_start(&self, p: usize) -> Option<f64> {
        self.paragraph_starts.get(p).copied().flatten()
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
    /// The speaker with string id `id` (as Podium JSON and marks name them).
    pub fn speaker(&self, id: &str) -> Option<&Speaker> {
        self.speakers.iter().find(|s| s.id == id)
    }

    pub fn speaker_index(&self, id: &str) -> Option<usize> {
        self.speakers.iter().position(|s| s.id == id)
    }

    /// Who speaks `turn`: one index, no search.
    pub fn speaker_of(&self, turn: &Turn) -> &Speaker {
        &self.speakers[turn.speaker.0]
    }

    /// The display name of a turn's speaker.
    pub fn speaker_name(&self, turn: &Turn) -> &str {
        &self.speaker_of(turn).name
    }

    /// The turns `speaker` holds, with their indices, in transcript order.
    pub fn turns_by(&self, speaker: SpeakerIx) -> impl Iterator<Item = (usize, &Turn)> {
        self.turns
            .iter()
            .enumerate()
            .filter(move |(_, t)| t.speaker == speaker)
    }

    /// Puts the speakers in order of their first turn, those who never speak last (in their
    /// order), keeping every turn's index right.
    pub fn order_speakers_by_first_turn(&mut self) {
        let mut first = vec![usize::MAX; self.speakers.len()];
        for (i, t) in self.turns.iter().enumerate() {
            let f = &mut first[t.speaker.0];
            *f = (*f).min(i);
        }
        let mut order: Vec<usize> = (0..self.speakers.len()).collect();
        order.sort_by_key(|&i| first[i]);
        let mut new_of_old = vec![0; order.len()];
        for (new, &old) in order.iter().enumerate() {
            new_of_old[old] = new;
        }
        let mut old: Vec<Option<Speaker>> = self.speakers.drain(..).map(Some).collect();
        self.speakers = order.iter().filter_map(|&i| old[i].take()).collect();
        for t in &mut self.turns {
            t.speaker = SpeakerIx(new_of_old[t.speaker.0]);
        }
    }

    /// Removes the speakers `keep` says no to, keeping every turn's index right. A turn whose
    /// speaker is removed must have been moved to another speaker first. Returns each old
    /// speaker's new index (`None` for those removed), when any was removed.
    pub fn retain_speakers(
        &mut self,
        mut keep: impl FnMut(SpeakerIx, &Speaker) -> bool,
    ) -> Option<Vec<Option<usize>>> {
        let mut map = Vec::with_capacity(self.speakers.len());
        let mut next = 0;
        for (i, sp) in self.speakers.iter().enumerate() {
            if keep(SpeakerIx(i), sp) {
                map.push(Some(next));
                next += 1;
            } else {
                map.push(None);
            }
        }
        if next == self.speakers.len() {
            return None;
        }
        let mut i = 0;
        self.speakers.retain(|_| {
            i += 1;
            map[i - 1].is_some()
        });
        for t in &mut self.turns {
            t.speaker = SpeakerIx(map[t.speaker.0].unwrap_or(0));
        }
        Some(map)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_date_line_names_what_is_known() {
        let mut m = Meta {
            date: Some("2023-10-09".into()),
            start_time: ClockTime::parse("00:30"),
            end_time: ClockTime::parse("01:30"),
            time_zone: Some("UTC".into()),
            ..Meta::default()
        };
        assert_eq!(m.when().as_deref(), Some("2023-10-09 00:30–01:30 UTC"));
        m.end_time = None;
        assert_eq!(m.when().as_deref(), Some("2023-10-09 00:30 UTC"));
        m.time_zone = None;
        m.start_time = None;
        assert_eq!(m.when().as_deref(), Some("2023-10-09"));
        m.date = None;
        m.start_time = ClockTime::parse("00:30");
        assert_eq!(m.when(), None);
    }

    #[test]
    fn clock_times_read_and_write_hh_mm() {
        assert_eq!(
            ClockTime::parse("9:05").map(|t| t.to_string()).as_deref(),
            Some("09:05")
        );
        assert_eq!(ClockTime::parse("24:00"), None);
        assert_eq!(ClockTime::parse("10:7"), None);
        assert_eq!(ClockTime::parse("nope"), None);
    }

    #[test]
    fn turn_ids_count_from_one() {
        for i in [0, 8, 9, 10, 99, 123_456, usize::MAX - 1] {
            assert_eq!(Turn::id_of(i), format!("t{}", i as u128 + 1));
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
