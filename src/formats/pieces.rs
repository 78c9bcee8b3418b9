//! What every transcript format produces before it is a session: pieces of speech (a caption
//! cue, a labelled paragraph, a recogniser's segment) with who said them and when. One set of
//! rules turns them into turns, so every format merges, names and times speakers alike.

use crate::formats::speakers::Registry;
use crate::session::{FORMAT_VERSION, Meta, Session, SessionKind, Turn, Warning};

/// Who said a piece.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Who {
    /// A named speaker; names are trimmed and compared case-insensitively.
    Named(String),
    /// Whoever spoke the piece before (a caption continuing, an unlabelled paragraph).
    Same,
    /// Somebody new whose name the source does not give (a bare `>>`, a `- ` dialogue dash).
    Unnamed,
}

/// The speaker of pieces that name nobody.
pub const UNKNOWN: &str = "Unknown speaker";

#[derive(Debug, Clone, PartialEq)]
pub struct Piece {
    pub who: Who,
    pub text: String,
    pub start: Option<f64>,
    pub end: Option<f64>,
    /// The piece starts a new paragraph of its turn (a blank line in text; cues run on).
    pub new_paragraph: bool,
}

impl Piece {
    pub fn new(who: Who, text: impl Into<String>) -> Self {
        Piece {
            who,
            text: text.into(),
            start: None,
            end: None,
            new_paragraph: false,
        }
    }

    pub fn timed(mut self, start: Option<f64>, end: Option<f64>) -> Self {
        self.start = start;
        self.end = end;
        self
    }
}

/// A format's reading of a file, before the common rules apply.
#[derive(Debug, Clone, Default)]
pub struct Draft {
    pub title: Option<String>,
    pub summary: Vec<String>,
    pub pieces: Vec<Piece>,
    pub warnings: Vec<Warning>,
}

impl Draft {
    pub fn warn(&mut self, line: Option<usize>, message: impl Into<String>) {
        self.warnings.push(Warning {
            line,
            message: message.into(),
        });
    }
}

/// Builds the session: consecutive pieces by one speaker merge into one turn keeping the first
/// start and the last end; a file that names nobody gets one "Unknown speaker".
pub fn build(draft: Draft, format: &str) -> Session {
    let mut registry = Registry::default();
    let mut turns: Vec<Turn> = Vec::new();
    let mut intervals: Vec<Vec<(f64, f64)>> = Vec::new();
    for piece in draft.pieces {
        let text = piece.text.trim();
        // A label with nothing after it still starts its speaker's turn; the text follows.
        if text.is_empty() && piece.start.is_none() && piece.who == Who::Same {
            continue;
        }
        let previous = turns.last().map(|t| t.speaker);
        let (speaker, continues) = match &piece.who {
            Who::Named(name) => {
                let id = registry.id_of(name);
                (id, previous == Some(id))
            }
            Who::Same => match previous {
                Some(id) => (id, true),
                None => (registry.id_of(UNKNOWN), false),
            },
            Who::Unnamed => (registry.id_of(UNKNOWN), false),
        };
        if !continues {
            turns.push(Turn::new(turns.len(), speaker, Vec::new()));
            intervals.push(Vec::new());
        }
        let (Some(turn), Some(spans)) = (turns.last_mut(), intervals.last_mut()) else {
            continue;
        };
        if !text.is_empty() {
            match turn.paragraphs.last_mut() {
                Some(last) if !piece.new_paragraph => {
                    last.push(' ');
                    last.push_str(text);
                }
                _ => turn.paragraphs.push(text.to_string()),
            }
        }
        if turn.start.is_none() {
            turn.start = piece.start;
        }
        // Sources that time only starts (Otter, Rev, Zoom) leave the end to the next turn.
        if let Some(end) = piece.end {
            turn.end = Some(turn.end.map_or(end, |e: f64| e.max(end)));
        }
        if let (Some(a), Some(b)) = (piece.start, piece.end) {
            spans.push((a, b.max(a)));
        }
    }
    for (turn, spans) in turns.iter_mut().zip(intervals) {
        // Milliseconds are the finest any source times speech to.
        turn.spoken = (!spans.is_empty()).then(|| (union_length(spans) * 1000.0).round() / 1000.0);
        turn.split_sentences();
    }
    turns.retain(|t| !t.paragraphs.is_empty());
    for (i, t) in turns.iter_mut().enumerate() {
        t.id = format!("t{}", i + 1);
    }
    let mut session = Session {
        format_version: FORMAT_VERSION,
        meta: Meta {
            title: draft.title.unwrap_or_default(),
            kind: SessionKind::Transcript,
            source_format: format.to_string(),
            ..Meta::default()
        },
        speakers: registry.speakers,
        summary: draft.summary,
        turns,
        sections: Vec::new(),
        notes: Vec::new(),
        warnings: draft.warnings,
    };
    let mut speaking = vec![false; session.speakers.len()];
    for t in &session.turns {
        speaking[t.speaker.get()] = true;
    }
    session.retain_speakers(|ix, _| speaking[ix.get()]);
    session
}

/// Total length covered by possibly overlapping intervals.
fn union_length(mut spans: Vec<(f64, f64)>) -> f64 {
    spans.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut total = 0.0;
    let mut current: Option<(f64, f64)> = None;
    for (a, b) in spans {
        current = match current {
            Some((s, e)) if a <= e => Some((s, e.max(b))),
            Some((s, e)) => {
                total += e - s;
                Some((a, b))
            }
            None => Some((a, b)),
        };
    }
    total + current.map_or(0.0, |(s, e)| e - s)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn named(name: &str, text: &str, start: f64, end: f64) -> Piece {
        Piece::new(Who::Named(name.into()), text).timed(Some(start), Some(end))
    }

    #[test]
    fn consecutive_pieces_merge_and_names_fold() {
        let draft = Draft {
            pieces: vec![
                named("MANISHA LIGADE", "Hello", 0.0, 1.0),
                named("Manisha Ligade", "again.", 1.0, 2.0),
                named("Bob", "Hi.", 2.5, 3.0),
                Piece::new(Who::Same, "More.").timed(Some(3.0), Some(4.0)),
            ],
            ..Draft::default()
        };
        let s = build(draft, "test");
        assert_eq!(s.turns.len(), 2);
        assert_eq!(s.turns[0].paragraphs, ["Hello again."]);
        assert_eq!((s.turns[0].start, s.turns[0].end), (Some(0.0), Some(2.0)));
        assert_eq!(s.speakers[0].name, "MANISHA LIGADE");
        assert_eq!(s.speakers[0].aliases, ["Manisha Ligade"]);
        assert_eq!(s.turns[1].paragraphs, ["Hi. More."]);
    }

    #[test]
    fn nobody_named_is_one_unknown_speaker_and_dashes_split_turns() {
        let draft = Draft {
            pieces: vec![
                Piece::new(Who::Same, "one"),
                Piece::new(Who::Same, "two"),
                Piece::new(Who::Unnamed, "three"),
            ],
            ..Draft::default()
        };
        let s = build(draft, "test");
        assert_eq!(s.speakers.len(), 1);
        assert_eq!(s.speakers[0].name, UNKNOWN);
        assert_eq!(s.turns.len(), 2);
    }

    #[test]
    fn overlapping_pieces_are_spoken_once() {
        let draft = Draft {
            pieces: vec![
                named("A", "x", 0.0, 4.0),
                named("A", "y", 2.0, 5.0),
                named("A", "z", 10.0, 11.0),
            ],
            ..Draft::default()
        };
        let s = build(draft, "test");
        assert_eq!(s.turns[0].spoken, Some(6.0));
        assert_eq!(s.turns[0].end, Some(11.0));
    }
}
