//! Podium JSON's shape of a session: turns name their speaker by string id, mapped to and
//! from the in-memory [`SpeakerIx`].

use serde::{Deserialize, Serialize, Serializer};

use super::{
    Meta, Role, Section, SentenceSpan, Session, Speaker, SpeakerIx, SpeakerKind, Turn, Warning,
};

#[derive(Serialize)]
struct SessionOut<'a> {
    format_version: u32,
    meta: &'a Meta,
    speakers: &'a [Speaker],
    summary: &'a [String],
    turns: Vec<TurnOut<'a>>,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    sections: &'a [Section],
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    notes: &'a [String],
    warnings: &'a [Warning],
}

#[derive(Serialize)]
struct TurnOut<'a> {
    id: &'a str,
    speaker: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    role: Option<&'a Role>,
    paragraphs: &'a [String],
    #[serde(skip_serializing_if = "no_times")]
    paragraph_starts: &'a [Option<f64>],
    start: Option<f64>,
    end: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    spoken: Option<f64>,
    sentences: &'a [SentenceSpan],
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    source_ids: &'a [String],
}

/// No paragraph has a known start: nothing to write.
fn no_times(starts: &[Option<f64>]) -> bool {
    starts.iter().all(Option::is_none)
}

impl Serialize for Session {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        SessionOut {
            format_version: self.format_version,
            meta: &self.meta,
            speakers: &self.speakers,
            summary: &self.summary,
            turns: self
                .turns
                .iter()
                .map(|t| TurnOut {
                    id: &t.id,
                    speaker: &self.speaker_of(t).id,
                    role: t.role.as_ref(),
                    paragraphs: &t.paragraphs,
                    paragraph_starts: &t.paragraph_starts,
                    start: t.start,
                    end: t.end,
                    spoken: t.spoken,
                    sentences: &t.sentences,
                    source_ids: &t.source_ids,
                })
                .collect(),
            sections: &self.sections,
            notes: &self.notes,
            warnings: &self.warnings,
        }
        .serialize(serializer)
    }
}

#[derive(Deserialize)]
pub struct SessionIn {
    format_version: u32,
    meta: Meta,
    speakers: Vec<Speaker>,
    #[serde(default)]
    summary: Vec<String>,
    turns: Vec<TurnIn>,
    #[serde(default)]
    sections: Vec<Section>,
    #[serde(default)]
    notes: Vec<String>,
    #[serde(default)]
    warnings: Vec<Warning>,
}

#[derive(Deserialize)]
struct TurnIn {
    id: String,
    speaker: String,
    #[serde(default)]
    role: Option<Role>,
    paragraphs: Vec<String>,
    #[serde(default)]
    paragraph_starts: Vec<Option<f64>>,
    start: Option<f64>,
    end: Option<f64>,
    #[serde(default)]
    spoken: Option<f64>,
    #[serde(default)]
    sentences: Vec<SentenceSpan>,
    #[serde(default)]
    source_ids: Vec<String>,
}

impl From<SessionIn> for Session {
    /// A turn naming a speaker the list lacks gets a speaker of that name and a warning:
    /// nothing said is dropped.
    fn from(s: SessionIn) -> Session {
        let mut speakers = s.speakers;
        let mut warnings = s.warnings;
        let mut index: std::collections::HashMap<String, usize> = speakers
            .iter()
            .enumerate()
            .map(|(i, sp)| (sp.id.clone(), i))
            .collect();
        let turns = s
            .turns
            .into_iter()
            .map(|t| {
                let ix = match index.get(&t.speaker) {
                    Some(&i) => i,
                    None => {
                        warnings.push(Warning {
                            line: None,
                            message: format!(
                                "turn {} names speaker {:?}, who is not in the speaker list; added",
                                t.id, t.speaker
                            ),
                        });
                        speakers.push(Speaker::new(
                            t.speaker.clone(),
                            t.speaker.clone(),
                            SpeakerKind::Label,
                        ));
                        index.insert(t.speaker.clone(), speakers.len() - 1);
                        speakers.len() - 1
                    }
                };
                // One time per paragraph, or none: a file's stray entries are dropped.
                let mut paragraph_starts = t.paragraph_starts;
                if no_times(&paragraph_starts) {
                    paragraph_starts.clear();
                } else {
                    paragraph_starts.resize(t.paragraphs.len(), None);
                }
                Turn {
                    id: t.id,
                    speaker: SpeakerIx(ix),
                    role: t.role,
                    paragraphs: t.paragraphs,
                    paragraph_starts,
                    start: t.start,
                    end: t.end,
                    spoken: t.spoken,
                    sentences: t.sentences,
                    source_ids: t.source_ids,
                }
            })
            .collect();
        Session {
            format_version: s.format_version,
            meta: s.meta,
            speakers,
            summary: s.summary,
            turns,
            sections: s.sections,
            notes: s.notes,
            warnings,
        }
    }
}
