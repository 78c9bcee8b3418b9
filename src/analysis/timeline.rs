//! Who spoke when: the session cut into columns, each speaker's share of every column.
//!
//! The axis is time where the source times every turn (a turn runs from its start to its end,
//! or to the next turn's start), else words: each turn takes as many places as it has words, in
//! order, so a long speech is long on the line whether or not anyone timed it. A speaker's share
//! of a column is the union of their turns' spans inside it (overlapping turns count once).

use crate::session::Session;
use crate::stats::{Figures, TimeSource};

/// What the columns measure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Axis {
    /// Seconds from the recording's start, as the source times its turns.
    Time,
    /// Words said, in transcript order.
    Words,
}

/// Every turn's place on the axis.
#[derive(Debug, Clone, PartialEq)]
pub struct Timeline {
    pub axis: Axis,
    /// Where the first turn starts and the last one ends.
    pub start: f64,
    pub end: f64,
    /// Each turn's `(from, to)` on the axis, in turn order.
    pub spans: Vec<(f64, f64)>,
    /// Each turn's speaker (an index into `Session::speakers`).
    pub speaker_of: Vec<usize>,
    /// The session's number of speakers: one row each.
    pub speakers: usize,
}

impl Timeline {
    /// The session's timeline, by time when the source has times, else by words.
    pub fn new(session: &Session, figures: &Figures) -> Timeline {
        let timed = !figures.times.is_empty()
            && figures
                .times
                .iter()
                .all(|t| t.source == TimeSource::Measured)
            && figures.times.iter().any(|t| t.end > t.start);
        let (axis, spans): (Axis, Vec<(f64, f64)>) = if timed {
            let spans = figures
                .times
                .iter()
                .map(|t| (t.start, t.end.max(t.start)))
                .collect();
            (Axis::Time, spans)
        } else {
            let mut at = 0.0;
            let spans = figures
                .turns
                .iter()
                .map(|f| {
                    let from = at;
                    at += f.words as f64;
                    (from, at)
                })
                .collect();
            (Axis::Words, spans)
        };
        let start = spans.iter().map(|s| s.0).reduce(f64::min).unwrap_or(0.0);
        let end = spans.iter().map(|s| s.1).reduce(f64::max).unwrap_or(0.0);
        Timeline {
            axis,
            start,
            end,
            spans,
            speaker_of: session.turns.iter().map(|t| t.speaker.get()).collect(),
            speakers: session.speakers.len(),
        }
    }

    /// The axis's length: seconds or words.
    pub fn length(&self) -> f64 {
        (self.end - self.start).max(0.0)
    }

    /// Nothing to draw: no turns, or no time and no words.
    pub fn is_empty(&self) -> bool {
        self.length() <= 0.0
    }

    /// Where column `column` of `width` starts and ends on the axis.
    pub fn column_span(&self, column: usize, width: usize) -> (f64, f64) {
        let step = self.length() / width.max(1) as f64;
        (
            self.start + column as f64 * step,
            self.start + (column + 1) as f64 * step,
        )
    }

    /// The column of `width` that holds axis position `at`.
    pub fn column_at(&self, at: f64, width: usize) -> usize {
        if self.is_empty() || width == 0 {
            return 0;
        }
        let c = ((at - self.start) / self.length() * width as f64).floor();
        (c.max(0.0) as usize).min(width - 1)
    }

    /// The column where `turn` starts.
    pub fn column_of_turn(&self, turn: usize, width: usize) -> Option<usize> {
        self.spans.get(turn).map(|s| self.column_at(s.0, width))
    }

    /// Per speaker, the share (0–1) of each of `width` columns they spoke in.
    pub fn rows(&self, width: usize) -> Vec<Vec<f64>> {
        let mut rows = vec![vec![0.0; width]; self.speakers];
        if self.is_empty() || width == 0 {
            return rows;
        }
        let step = self.length() / width as f64;
        let mut by_speaker: Vec<Vec<(f64, f64)>> = vec![Vec::new(); self.speakers];
        for (&(a, b), &s) in self.spans.iter().zip(&self.speaker_of) {
            if b > a
                && let Some(v) = by_speaker.get_mut(s)
            {
                v.push((a, b));
            }
        }
        for (row, mut spans) in rows.iter_mut().zip(by_speaker) {
            spans.sort_unstable_by(|x, y| x.0.total_cmp(&y.0));
            let mut merged: Vec<(f64, f64)> = Vec::with_capacity(spans.len());
            for (a, b) in spans {
                match merged.last_mut() {
                    Some(last) if a <= last.1 => last.1 = last.1.max(b),
                    _ => merged.push((a, b)),
                }
            }
            for (a, b) in merged {
                let first = self.column_at(a, width);
                let last = self.column_at(b, width);
                for (c, share) in row.iter_mut().enumerate().take(last + 1).skip(first) {
                    let (lo, hi) = self.column_span(c, width);
                    let overlap = b.min(hi) - a.max(lo);
                    if overlap > 0.0 {
                        *share += overlap / step;
                    }
                }
            }
            for share in row.iter_mut() {
                *share = share.min(1.0);
            }
        }
        rows
    }

    /// The turn at a column: the one that takes most of it; in a gap, the last one to start
    /// before the column ends (or the first turn).
    pub fn turn_at(&self, column: usize, width: usize) -> Option<usize> {
        self.most_of(column, width, |_| true).or_else(|| {
            let (_, hi) = self.column_span(column, width);
            self.spans
                .iter()
                .rposition(|&(a, _)| a < hi)
                .or((!self.spans.is_empty()).then_some(0))
        })
    }

    /// The turn of `speaker` that takes most of a column, if they speak in it.
    pub fn turn_of_speaker_at(&self, speaker: usize, column: usize, width: usize) -> Option<usize> {
        self.most_of(column, width, |t| self.speaker_of.get(t) == Some(&speaker))
    }

    fn most_of(&self, column: usize, width: usize, want: impl Fn(usize) -> bool) -> Option<usize> {
        let (lo, hi) = self.column_span(column, width);
        let mut best: Option<(usize, f64)> = None;
        for (t, &(a, b)) in self.spans.iter().enumerate() {
            let overlap = b.min(hi) - a.max(lo);
            if overlap > 0.0 && want(t) && best.is_none_or(|(_, o)| overlap > o) {
                best = Some((t, overlap));
            }
        }
        best.map(|(t, _)| t)
    }
}

/// A column's block character for a share of it: nothing, `░` up to a quarter, `▒` up to a
/// half, `▓` up to three quarters, `█` beyond. A short interjection still shows.
pub fn shade(share: f64) -> char {
    match share {
        s if s <= 0.0 => ' ',
        s if s <= 0.25 => '░',
        s if s <= 0.5 => '▒',
        s if s <= 0.75 => '▓',
        _ => '█',
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::session::{Speaker, SpeakerIx, SpeakerKind, Turn};

    /// A turn: its speaker, its words, and its start and end where timed.
    type Said<'a> = (usize, &'a str, Option<(f64, f64)>);

    fn session(turns: &[Said<'_>]) -> Session {
        let speakers = ["A", "B"]
            .iter()
            .map(|n| Speaker::new(n.to_lowercase(), (*n).into(), SpeakerKind::Person))
            .collect();
        let turns = turns
            .iter()
            .enumerate()
            .map(|(i, (s, text, time))| {
                let mut t = Turn::new(i, SpeakerIx(*s), vec![(*text).to_string()]);
                t.start = time.map(|x| x.0);
                t.end = time.map(|x| x.1);
                t
            })
            .collect();
        Session {
            speakers,
            turns,
            ..Session::default()
        }
    }

    fn line(row: &[f64]) -> String {
        row.iter().map(|&s| shade(s)).collect()
    }

    #[test]
    fn by_words_without_times() {
        // A says 6 words, B 2, A 4: 12 places, 3 to a column at width 4.
        let s = session(&[
            (0, "one two three four five six", None),
            (1, "seven eight", None),
            (0, "nine ten eleven twelve", None),
        ]);
        let t = Timeline::new(&s, &Figures::new(&s));
        assert_eq!(t.axis, Axis::Words);
        assert_eq!((t.start, t.end), (0.0, 12.0));
        let rows = t.rows(4);
        // Columns: 0–3 A, 3–6 A, 6–9 B B A (A a third, B two thirds), 9–12 A.
        assert_eq!(line(&rows[0]), "██▒█");
        assert_eq!(line(&rows[1]), "  ▓ ");
        assert_eq!(t.turn_at(2, 4), Some(1), "B holds most of column 2");
        assert_eq!(t.turn_of_speaker_at(0, 2, 4), Some(2));
        assert_eq!(t.column_of_turn(2, 4), Some(2));
        assert_eq!(t.column_of_turn(1, 4), Some(2));
    }

    #[test]
    fn by_time_with_gaps_and_overlaps() {
        // A 0–10 s, B 8–12 s (overlapping A), a gap to 20, A 20–40 s.
        let s = session(&[
            (0, "a", Some((0.0, 10.0))),
            (1, "b", Some((8.0, 12.0))),
            (0, "c", Some((20.0, 40.0))),
        ]);
        let t = Timeline::new(&s, &Figures::new(&s));
        assert_eq!(t.axis, Axis::Time);
        let rows = t.rows(4);
        // Columns of 10 s: A holds 0–10, 20–30, 30–40; B 8–10 (a fifth) and 10–12 (a fifth).
        assert_eq!(line(&rows[0]), "█ ██");
        assert_eq!(line(&rows[1]), "░░  ");
        assert_eq!(t.turn_at(1, 4), Some(1), "B is the only one in 10–20 s");
        assert_eq!(t.turn_at(3, 4), Some(2));
        assert_eq!(t.turn_of_speaker_at(1, 3, 4), None);
    }

    #[test]
    fn nothing_said_is_empty() {
        let s = session(&[]);
        let t = Timeline::new(&s, &Figures::new(&s));
        assert!(t.is_empty());
        assert_eq!(t.turn_at(0, 10), None);
        assert_eq!(t.rows(3), vec![vec![0.0; 3]; 2]);
    }
}
