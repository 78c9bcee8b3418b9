//! Pieces into turns: consecutive pieces by one speaker merge, names are cleaned and resolved
//! once each, empty turns and silent speakers go. [`Builder`] takes the pieces one at a time, so
//! a long file can be read block by block and its finished turns handed on as it goes.

use foldhash::HashMap;

use rayon::prelude::*;

use super::{Draft, Piece, UNKNOWN, Who};
use crate::formats::speakers::{self, Registry};
use crate::session::{
    FORMAT_VERSION, Meta, Role, Section, SentenceScratch, Session, SessionKind, SpeakerIx, Turn,
    Warning,
};

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
    let pieces = std::mem::take(&mut draft.pieces);
    let mut builder = Builder::new(turns_at_most(&pieces));
    // The other core sets up the turns' pages while the walk below fills them.
    let _pages = crate::files::populate_spare(&mut builder.turns);
    for piece in pieces {
        builder.push(piece, &draft.sections);
    }
    builder.finish(draft, format)
}

/// Turns made of pieces pushed in order.
pub struct Builder {
    cleaned: Vec<(String, String, Option<usize>)>,
    registry: Registry,
    traces: Vec<SpeakerTrace>,
    /// Each section's title and the turn it starts at (counting turns handed on).
    section_at: Vec<(String, usize)>,
    /// Sections of the draft already placed.
    sections_placed: usize,
    turns: Vec<Turn>,
    /// Turns handed on by [`Builder::take_finished`] before `turns[0]`.
    done: usize,
    /// Timed pieces' spans, each with its turn: most files time nothing, and one list for the
    /// file costs nothing there, where a list per turn costs a million empty ones.
    timed: Vec<(usize, (f64, f64))>,
    /// Names as written, cleaned and resolved once each: a file repeats a few names many
    /// times, and the registry gives a name the speaker it gave it before.
    known: HashMap<String, (speakers::CleanName, SpeakerIx)>,
    notes_before: Vec<(String, Option<usize>)>,
    /// Pieces pushed so far.
    pieces: usize,
}

impl Builder {
    /// A builder with room for `turns` turns.
    pub fn new(turns: usize) -> Self {
        Builder {
            cleaned: Vec::new(),
            registry: Registry::default(),
            traces: Vec::new(),
            section_at: Vec::new(),
            sections_placed: 0,
            turns: Vec::with_capacity(turns),
            done: 0,
            timed: Vec::new(),
            known: HashMap::default(),
            notes_before: Vec::new(),
            pieces: 0,
        }
    }

    /// Adds the next piece. `sections` are the draft's sections so far (each with the index of
    /// the first piece under it, counting every piece pushed).
    pub fn push(&mut self, mut piece: Piece, sections: &[(String, usize)]) {
        let index = self.pieces;
        self.pieces += 1;
        while let Some((title, _)) = sections
            .get(self.sections_placed)
            .filter(|(_, at)| *at <= index)
        {
            self.section_at
                .push((title.clone(), self.done + self.turns.len()));
            self.sections_placed += 1;
        }
        let text = piece.text.trim();
        // A label with nothing after it still starts its speaker's turn; the text follows.
        if text.is_empty() && piece.start.is_none() && piece.who == Who::Same {
            return;
        }
        let previous = self.turns.last().map(|t| t.speaker);
        // A note before anyone speaks (`[silence]` as a caption's first cue) names nobody and
        // says no words: no "Unknown speaker" for it.
        if previous.is_none()
            && self.done == 0
            && piece.who == Who::Same
            && !text.is_empty()
            && crate::text::word_count(text) == 0
        {
            self.notes_before.push((text.to_string(), piece.line));
            return;
        }
        let (speaker, continues) = match &piece.who {
            Who::Named(raw) => {
                let (name, id) = match self.known.get(raw.as_str()) {
                    Some(found) => found,
                    None => {
                        let name = speakers::clean_name(raw);
                        if name.name != raw.trim() && !self.cleaned.iter().any(|(r, _, _)| r == raw)
                        {
                            self.cleaned
                                .push((raw.clone(), name.name.clone(), piece.line));
                        }
                        let id = self.registry.id_of(&name.name);
                        self.known.entry(raw.clone()).or_insert((name, id))
                    }
                };
                let id = *id;
                let speaker = &mut self.registry.speakers[id.get()];
                if let Some(aside) = &name.aside {
                    apply_aside(speaker, aside);
                }
                if self.traces.len() < self.registry.speakers.len() {
                    self.traces
                        .resize_with(self.registry.speakers.len(), SpeakerTrace::default);
                }
                let trace = &mut self.traces[id.get()];
                if trace.labels == 0 {
                    trace.how = piece.how.to_string();
                    trace.first_line = piece.line;
                }
                trace.labels += 1;
                (id, previous == Some(id))
            }
            Who::Same => match previous {
                Some(id) => (id, true),
                None => (self.registry.id_of(UNKNOWN), false),
            },
            Who::Unnamed => (self.registry.id_of(UNKNOWN), false),
        };
        if !continues {
            // Ids are given once the empty turns are gone.
            self.turns.push(Turn::blank(speaker));
        }
        let Some(at) = self.turns.len().checked_sub(1) else {
            return;
        };
        let turn = &mut self.turns[at];
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
            self.timed.push((self.done + at, (a, b.max(a))));
        }
    }

    /// The turns no later piece can add to (all but the last), handed on with their sentences
    /// split and their time spoken; empty turns among them are not dropped yet.
    pub fn take_finished(&mut self) -> Vec<Turn> {
        let keep = self.turns.len().min(1);
        self.take(self.turns.len() - keep)
    }

    /// Every turn left, once the last piece is pushed.
    pub fn take_all(&mut self) -> Vec<Turn> {
        self.take(self.turns.len())
    }

    fn take(&mut self, n: usize) -> Vec<Turn> {
        let mut taken: Vec<Turn> = self.turns.drain(..n).collect();
        self.spoken(&mut taken, self.done);
        split_sentences(&mut taken);
        self.done += n;
        taken
    }

    /// Sets the time spoken of `turns`, which start at turn `first`: the union of their timed
    /// pieces.
    fn spoken(&mut self, turns: &mut [Turn], first: usize) {
        let end = first + turns.len();
        let split = self.timed.partition_point(|(t, _)| *t < end);
        for spans in self.timed[..split].chunk_by_mut(|a, b| a.0 == b.0) {
            if let Some(turn) = spans[0].0.checked_sub(first).and_then(|t| turns.get_mut(t)) {
                // Milliseconds are the finest any source times speech to.
                turn.spoken = Some((union_length(spans) * 1000.0).round() / 1000.0);
            }
        }
        self.timed.drain(..split);
    }

    /// The warnings the pieces gave (`draft`'s own first, then names cleaned and notes set
    /// aside), the notes before anyone spoke added to `draft`'s.
    pub fn warnings(&mut self, draft: &mut Draft) -> Vec<Warning> {
        draft.flush_tallies();
        let mut warnings = std::mem::take(&mut draft.warnings);
        warn_cleaned(&mut warnings, &self.cleaned);
        let notes_before = std::mem::take(&mut self.notes_before);
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
        warnings
    }

    /// The speakers so far, in the order they were first named.
    pub fn speakers(&self) -> &[crate::session::Speaker] {
        &self.registry.speakers
    }

    /// The session, every piece pushed.
    pub fn finish(mut self, mut draft: Draft, format: &str) -> (Session, Vec<SpeakerTrace>) {
        let warnings = self.warnings(&mut draft);
        let mut turns = std::mem::take(&mut self.turns);
        let first = self.done;
        self.spoken(&mut turns, first);
        split_sentences(&mut turns);
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
        let sections: Vec<Section> = self
            .section_at
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
            speakers: self.registry.speakers,
            summary: draft.summary,
            turns,
            sections,
            notes: draft.notes,
            warnings,
        };
        let mut traces = self.traces;
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
}

/// Splits every turn's sentences, a long run of them in parallel.
fn split_sentences(turns: &mut [Turn]) {
    turns
        .par_iter_mut()
        .for_each_init(SentenceScratch::default, |scratch, t| {
            t.split_sentences_with(scratch)
        });
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
