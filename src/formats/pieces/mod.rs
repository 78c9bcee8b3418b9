//! What every transcript format produces before it is a session: pieces of speech (a caption
//! cue, a labelled paragraph, a recogniser's segment) with who said them and when. One set of
//! rules turns them into turns, so every format merges, names and times speakers alike.

mod build;

pub use build::{Builder, SpeakerTrace, build, build_traced};

use crate::session::Warning;

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
    /// 1-based line of the source the piece starts on, where the source has lines.
    pub line: Option<usize>,
    /// How the speaker was recognised (`\`Name:\` at paragraph start`, `JSON \`speaker\``),
    /// for `podium check`; empty when the piece names nobody.
    pub how: &'static str,
}

impl Piece {
    pub fn new(who: Who, text: impl Into<String>) -> Self {
        Piece {
            who,
            text: text.into(),
            start: None,
            end: None,
            new_paragraph: false,
            line: None,
            how: "",
        }
    }

    /// The same piece, found on 1-based `line` of the source.
    pub fn at_line(mut self, line: usize) -> Self {
        self.line = Some(line);
        self
    }

    /// The same piece, its speaker recognised by `how`.
    pub fn because(mut self, how: &'static str) -> Self {
        self.how = how;
        self
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
    /// Front matter set aside: titles, dates, captioning notices, attendance lists, show notes.
    pub notes: Vec<String>,
    /// Section headings, each with the index of the first piece under it.
    pub sections: Vec<(String, usize)>,
    /// What the reader recognised, in a phrase (`\`Name:\` labels on 96% of cues`), for
    /// `podium check`.
    pub layout: Option<String>,
    /// Guesses of one kind made many times, said once each (see [`Draft::tally`]).
    tallies: Vec<Tally>,
}

/// One kind of guess, with how often it was made and where first.
#[derive(Debug, Clone)]
struct Tally {
    what: String,
    count: usize,
    first: Option<usize>,
    /// Guesses of this kind said one by one before the count began ([`Draft::warn_few`]).
    named: usize,
}

/// Guesses of one kind said one by one before the rest are counted ([`Draft::warn_few`]).
pub const NAMED_ONE_BY_ONE: usize = 5;

impl Draft {
    pub fn warn(&mut self, line: Option<usize>, message: impl Into<String>) {
        self.warnings.push(Warning {
            line,
            message: message.into(),
        });
    }

    /// Counts one more guess of the kind `what` (a plural phrase: "cues inherit the previous
    /// speaker"); [`build`] says each kind once: "12 cues inherit the previous speaker; first at
    /// line 40".
    pub fn tally(&mut self, what: &str, line: Option<usize>) {
        let t = self.tally_of(what);
        t.count += 1;
        if t.first.is_none() {
            t.first = line;
        }
    }

    /// Says a guess with its own `message` for the first [`NAMED_ONE_BY_ONE`] of the kind
    /// `what` (a plural phrase: "malformed timestamps read as times"), then counts the rest
    /// ("12 more malformed timestamps read as times; first at line 40"): a file that repeats
    /// one oddity on every cue gets a few lines, not one per cue.
    pub fn warn_few(&mut self, what: &str, line: Option<usize>, message: impl FnOnce() -> String) {
        let t = self.tally_of(what);
        if t.named < NAMED_ONE_BY_ONE {
            t.named += 1;
            self.warn(line, message());
        } else {
            self.tally(what, line);
        }
    }

    fn tally_of(&mut self, what: &str) -> &mut Tally {
        let at = match self.tallies.iter().position(|t| t.what == what) {
            Some(at) => at,
            None => {
                self.tallies.push(Tally {
                    what: what.to_string(),
                    count: 0,
                    first: None,
                    named: 0,
                });
                self.tallies.len() - 1
            }
        };
        &mut self.tallies[at]
    }

    /// Turns the tallies into one warning each.
    fn flush_tallies(&mut self) {
        for t in std::mem::take(&mut self.tallies)
            .into_iter()
            .filter(|t| t.count > 0)
        {
            let message = match (t.count, t.first) {
                // The rest of a kind named one by one first: "3 more cues without text".
                (n, Some(line)) if t.named > 0 => {
                    format!("{n} more {}; first at line {line}", t.what)
                }
                (n, None) if t.named > 0 => format!("{n} more {}", t.what),
                (1, Some(line)) => format!("{}: once, at line {line}", t.what),
                (1, None) => format!("{}: once", t.what),
                (n, Some(line)) => format!("{n} {}; first at line {line}", t.what),
                (n, None) => format!("{n} {}", t.what),
            };
            self.warn(t.first, message);
        }
    }

    /// Whether any piece names a speaker.
    pub fn names_anyone(&self) -> bool {
        self.pieces.iter().any(|p| matches!(p.who, Who::Named(_)))
    }
}

/// A pause at least this long between timed pieces starts a new paragraph (see
/// [`paragraphs_at_pauses`]).
pub const PAUSE: f64 = 2.0;
/// A paragraph longer than this ends at the next sentence end; twice as long, at the next piece.
pub const PARAGRAPH_SPAN: f64 = 60.0;

/// Starts new paragraphs in a speaker-less run of timed pieces (a Whisper file's segments), so
/// that one long turn reads in paragraphs and each paragraph keeps the time it starts at: at a
/// pause of [`PAUSE`] or more, or once a paragraph has run [`PARAGRAPH_SPAN`]. Pieces without
/// times are left as they are.
pub fn paragraphs_at_pauses(pieces: &mut [Piece]) {
    let mut paragraph_start: Option<f64> = None;
    let mut last: Option<(f64, bool)> = None;
    for piece in pieces.iter_mut().filter(|p| !p.text.trim().is_empty()) {
        let Some(start) = piece.start else {
            continue;
        };
        if let (Some(begun), Some((end, sentence_end))) = (paragraph_start, last) {
            let run = start - begun;
            if start - end >= PAUSE
                || (run >= PARAGRAPH_SPAN && sentence_end)
                || run >= 2.0 * PARAGRAPH_SPAN
            {
                piece.new_paragraph = true;
            }
        }
        if piece.new_paragraph || paragraph_start.is_none() {
            paragraph_start = Some(start);
        }
        let ends_sentence = piece
            .text
            .trim_end()
            .ends_with(['.', '?', '!', '…', '。', '？', '！']);
        last = Some((piece.end.unwrap_or(start).max(start), ends_sentence));
    }
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
