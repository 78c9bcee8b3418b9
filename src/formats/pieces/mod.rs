//! What every transcript format produces before it is a session: pieces of speech (a caption
//! cue, a labelled paragraph, a recogniser's segment) with who said them and when. One set of
//! rules turns them into turns, so every format merges, names and times speakers alike.

use foldhash::HashMap;

use rayon::prelude::*;

use crate::formats::speakers::{self, Registry};
use crate::session::{
    FORMAT_VERSION, Meta, Role, Section, SentenceScratch, Session, SessionKind, SpeakerIx, Turn,
    Warning,
};

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

/// How each speaker came to be, for `podium check`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SpeakerTrace {
    /// Index into the session's speakers.
    pub speaker: usize,
    /// How the first label naming them was recognised.
    pub how: String,
    /// The first line naming them, where the source has lines.
    pub first_line: Option<usize>,
    /// Pieces (labels, cues, segments) naming them.
    pub labels: usize,
}

/// Builds the session: consecutive pieces by one speaker merge into one turn keeping the first
/// start and the last end; a file that names nobody gets one "Unknown speaker".
pub fn build(draft: Draft, format: &str) -> Session {
    build_traced(draft, format).0
}

/// As [`build`], also saying how each speaker was recognised.
pub fn build_traced(mut draft: Draft, format: &str) -> (Session, Vec<SpeakerTrace>) {
    draft.flush_tallies();
    let mut warnings = std::mem::take(&mut draft.warnings);
    let mut cleaned: Vec<(String, String, Option<usize>)> = Vec::new();
    let mut registry = Registry::default();
    let mut traces: Vec<SpeakerTrace> = Vec::new();
    let mut section_at: Vec<(String, usize)> = Vec::new();
    let mut sections = draft.sections.iter().peekable();
    // Room for every turn there can be; the other core sets up its pages while the walk below
    // fills them.
    let mut turns: Vec<Turn> = Vec::with_capacity(turns_at_most(&draft.pieces));
    let _pages = crate::files::populate_spare(&mut turns);
    // Timed pieces' spans, each with its turn: most files time nothing, and one list for the
    // file costs nothing there, where a list per turn costs a million empty ones.
    let mut timed: Vec<(usize, (f64, f64))> = Vec::new();
    // Names as written, cleaned and resolved once each: a file repeats a few names many times,
    // and the registry gives a name the speaker it gave it before.
    let mut known: HashMap<String, (speakers::CleanName, SpeakerIx)> = HashMap::default();
    let mut notes_before: Vec<(String, Option<usize>)> = Vec::new();
    for (index, mut piece) in draft.pieces.into_iter().enumerate() {
        while let Some((title, _)) = sections.next_if(|(_, at)| *at <= index) {
            section_at.push((title.clone(), turns.len()));
        }
        let text = piece.text.trim();
        // A label with nothing after it still starts its speaker's turn; the text follows.
        if text.is_empty() && piece.start.is_none() && piece.who == Who::Same {
            continue;
        }
        let previous = turns.last().map(|t| t.speaker);
        // A note before anyone speaks (`[silence]` as a caption's first cue) names nobody and
        // says no words: no "Unknown speaker" for it.
        if previous.is_none()
            && piece.who == Who::Same
            && !text.is_empty()
            && crate::text::word_count(text) == 0
        {
            notes_before.push((text.to_string(), piece.line));
            continue;
        }
        let (speaker, continues) = match &piece.who {
            Who::Named(raw) => {
                let (name, id) = match known.get(raw.as_str()) {
                    Some(found) => found,
                    None => {
                        let name = speakers::clean_name(raw);
                        if name.name != raw.trim() && !cleaned.iter().any(|(r, _, _)| r == raw) {
                            cleaned.push((raw.clone(), name.name.clone(), piece.line));
                        }
                        let id = registry.id_of(&name.name);
                        known.entry(raw.clone()).or_insert((name, id))
                    }
                };
                let id = *id;
                let speaker = &mut registry.speakers[id.get()];
                if let Some(aside) = &name.aside {
                    apply_aside(speaker, aside);
                }
                if traces.len() < registry.speakers.len() {
                    traces.resize_with(registry.speakers.len(), SpeakerTrace::default);
                }
                let trace = &mut traces[id.get()];
                if trace.labels == 0 {
                    trace.how = piece.how.to_string();
                    trace.first_line = piece.line;
                }
                trace.labels += 1;
                (id, previous == Some(id))
            }
            Who::Same => match previous {
                Some(id) => (id, true),
                None => (registry.id_of(UNKNOWN), false),
            },
            Who::Unnamed => (registry.id_of(UNKNOWN), false),
        };
        if !continues {
            // Ids are given once the empty turns are gone.
            turns.push(Turn {
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
            });
        }
        let Some(at) = turns.len().checked_sub(1) else {
            continue;
        };
        let turn = &mut turns[at];
        if !text.is_empty() {
            // Most turns are one paragraph: room for one, not the four a first push makes.
            if turn.paragraphs.is_empty() {
                turn.paragraphs.reserve_exact(1);
            }
            match turn.paragraphs.last_mut() {
                Some(last) if !piece.new_paragraph => {
                    last.push(' ');
                    last.push_str(text);
                }
                _ => {
                    // Text that needs no trimming moves into the turn rather than being copied.
                    if text.len() == piece.text.len() {
                        turn.paragraphs.push(std::mem::take(&mut piece.text));
                    } else {
                        turn.paragraphs.push(text.to_string());
                    }
                    // A timed paragraph start is kept, one entry per paragraph.
                    if piece.start.is_some() || !turn.paragraph_starts.is_empty() {
                        let before = turn.paragraphs.len() - 1;
                        turn.paragraph_starts.resize(before, None);
                        turn.paragraph_starts.push(piece.start);
                    }
                }
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
            timed.push((at, (a, b.max(a))));
        }
    }
    warn_cleaned(&mut warnings, &cleaned);
    if let Some((first, line)) = notes_before.first() {
        let what = match notes_before.len() {
            1 => format!(
                "a note before anyone speaks ({first:?}) set aside: it names nobody and says no words"
            ),
            n => format!(
                "{n} notes before anyone speaks (first {first:?}) set aside: they name nobody and say no words"
            ),
        };
        warnings.push(Warning {
            line: *line,
            message: what,
        });
        draft.notes.extend(notes_before.into_iter().map(|(t, _)| t));
    }
    for spans in timed.chunk_by_mut(|a, b| a.0 == b.0) {
        let turn = &mut turns[spans[0].0];
        // Milliseconds are the finest any source times speech to.
        turn.spoken = Some((union_length(spans) * 1000.0).round() / 1000.0);
    }
    turns
        .par_iter_mut()
        .for_each_init(SentenceScratch::default, |scratch, t| {
            t.split_sentences_with(scratch)
        });
    // A section starts at the first turn left once empty turns go.
    let mut kept_before = Vec::with_capacity(turns.len() + 1);
    let mut kept = 0;
    for t in &turns {
        kept_before.push(kept);
        kept += usize::from(!t.paragraphs.is_empty());
    }
    kept_before.push(kept);
    if kept < turns.len() {
        turns.retain(|t| !t.paragraphs.is_empty());
    }
    turns.shrink_to_fit();
    turns
        .par_iter_mut()
        .enumerate()
        .for_each(|(i, t)| t.id = Turn::id_of(i));
    let sections: Vec<Section> = section_at
        .into_iter()
        .map(|(title, turn)| Section {
            title,
            turn: kept_before[turn.min(kept_before.len() - 1)],
        })
        .filter(|s| s.turn < turns.len())
        .collect();
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
        sections,
        notes: draft.notes,
        warnings,
    };
    traces.resize_with(session.speakers.len(), SpeakerTrace::default);
    let mut speaking = vec![false; session.speakers.len()];
    for t in &session.turns {
        speaking[t.speaker.get()] = true;
    }
    let mut new_index = 0;
    let traces: Vec<SpeakerTrace> = traces
        .into_iter()
        .enumerate()
        .filter(|(i, _)| speaking[*i])
        .map(|(_, mut t)| {
            t.speaker = new_index;
            new_index += 1;
            t
        })
        .collect();
    session.retain_speakers(|ix, _| speaking[ix.get()]);
    (session, traces)
}

/// Says which names were cleaned of markup, once: one warning naming the first few.
fn warn_cleaned(warnings: &mut Vec<Warning>, cleaned: &[(String, String, Option<usize>)]) {
    let Some((_, _, first)) = cleaned.first() else {
        return;
    };
    let shown: Vec<String> = cleaned
        .iter()
        .take(4)
        .map(|(raw, name, _)| format!("{:?} → {:?}", raw.trim(), name))
        .collect();
    let more = cleaned.len().saturating_sub(4);
    let tail = if more > 0 {
        format!(" and {more} more")
    } else {
        String::new()
    };
    warnings.push(Warning {
        line: *first,
        message: format!(
            "{} speaker name{} cleaned of markup or asides: {}{tail}",
            cleaned.len(),
            if cleaned.len() == 1 { "" } else { "s" },
            shown.join(", ")
        ),
    });
}

/// A parenthetical after a name: a riding and party (`West Vancouver, Lib.`), an office
/// (`Minister of …`) or an organisation.
fn apply_aside(speaker: &mut crate::session::Speaker, aside: &speakers::Aside) {
    if let Some(office) = &aside.office {
        speaker.add_role(Role::Other(office.clone()));
    }
    if speaker.organisation.is_none() {
        speaker.organisation.clone_from(&aside.organisation);
    }
    if speaker.party.is_none() {
        speaker.party.clone_from(&aside.party);
    }
}

/// How many turns `pieces` can make: one more than the pieces that may change the speaker (a
/// name other than the one before, somebody unnamed).
fn turns_at_most(pieces: &[Piece]) -> usize {
    let mut last: Option<&str> = None;
    let mut turns = 1;
    for piece in pieces {
        match &piece.who {
            Who::Named(name) if last != Some(name.as_str()) => {
                turns += 1;
                last = Some(name);
            }
            Who::Unnamed => {
                turns += 1;
                last = None;
            }
            Who::Named(_) | Who::Same => {}
        }
    }
    turns
}

/// Total length covered by possibly overlapping intervals.
fn union_length(spans: &mut [(usize, (f64, f64))]) -> f64 {
    spans.sort_by(|a, b| a.1.0.total_cmp(&b.1.0));
    let mut total = 0.0;
    let mut current: Option<(f64, f64)> = None;
    for &mut (_, (a, b)) in spans {
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
