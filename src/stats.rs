//! Figures computed from a session, always kept apart from the figures a report publishes.
//!
//! A word is what [`text::word_count`] counts (Unicode word segmentation). Where the source has
//! no times, speaking time and turn start times are estimated from word counts and the published
//! speech rates, and say so.

use std::ops::Range;

use rayon::prelude::*;

use crate::session::{PublishedStats, Session};
use crate::text;

/// Speech rate assumed when a session publishes none and has no times: a common conversational
/// rate, used only for estimates that are labelled as such.
pub const DEFAULT_WPM: f64 = 130.0;

/// Figures of one turn, counted once per session load.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct TurnFigures {
    pub words: usize,
    pub questions: usize,
}

/// How a time was obtained.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum TimeSource {
    /// From the transcript's own timestamps.
    Measured,
    /// As the report prints it.
    Published,
    /// From word counts and speech rates.
    Estimated,
}

#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
pub struct Timed {
    pub seconds: f64,
    pub source: TimeSource,
}

/// When a turn starts and ends, in seconds from the session's start.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TurnTime {
    pub start: f64,
    pub end: f64,
    pub source: TimeSource,
}

/// One speaker's figures over a range of turns.
#[derive(Debug, Clone, PartialEq)]
pub struct SpeakerStats {
    /// Index into `Session::speakers`.
    pub speaker: usize,
    pub turns: usize,
    pub words: usize,
    /// Share of the words spoken in the range, 0.0–1.0.
    pub share: f64,
    /// (turn index, words) of the speaker's longest turn.
    pub longest_turn: Option<(usize, usize)>,
    pub questions: usize,
    pub published: Option<PublishedStats>,
    /// Published words divided by computed words.
    pub published_to_computed: Option<f64>,
    pub speaking_time: Option<Timed>,
    /// Words per minute over measured speaking time; `None` unless the source has times.
    pub wpm: Option<f64>,
}

/// Everything derived from a session once, so that statistics over any range of turns (the
/// browser's "so far") cost a pass over the turns and no text processing.
#[derive(Debug, Clone)]
pub struct Figures {
    pub turns: Vec<TurnFigures>,
    pub times: Vec<TurnTime>,
    /// Published words per minute over all speakers that publish both words and seconds.
    pub session_wpm: Option<f64>,
    /// Each turn's speaker, as an index into `Session::speakers`.
    speaker_of: Vec<Option<usize>>,
    /// Per speaker, their figures summed after each of their turns: made the first time a
    /// range short of the end asks (the browser's "so far"), since commands that report whole
    /// sessions never do.
    running: std::sync::OnceLock<Vec<Vec<Running>>>,
    /// Per speaker, their figures over the whole session.
    totals: Vec<Running>,
    /// Words of all turns before turn `i`; one more entry than turns.
    words_before: Vec<usize>,
}

impl Figures {
    pub fn new(session: &Session) -> Self {
        // Counting words is most of the work; turns are counted in parallel.
        let turns: Vec<TurnFigures> = session
            .turns
            .par_iter()
            .map(|t| TurnFigures {
                words: t.paragraphs.iter().map(|p| text::word_count(p)).sum(),
                questions: (0..t.sentences.len())
                    .filter(|&i| t.sentence(i).is_some_and(text::is_question))
                    .count(),
            })
            .collect();
        let session_wpm = published_rate(session);
        let times = turn_times(session, &turns, session_wpm);
        let speaker_of: Vec<Option<usize>> = session
            .turns
            .iter()
            .map(|t| Some(t.speaker.get()))
            .collect();
        let mut words_before = Vec::with_capacity(turns.len() + 1);
        words_before.push(0);
        for t in &turns {
            words_before.push(words_before.last().copied().unwrap_or(0) + t.words);
        }
        let mut figures = Figures {
            turns,
            times,
            session_wpm,
            speaker_of,
            running: std::sync::OnceLock::new(),
            totals: Vec::new(),
            words_before,
        };
        figures.totals = figures.scan(session, 0..figures.turns.len());
        figures
    }

    /// Per speaker, their figures summed after each of their turns.
    fn running(&self, session: &Session) -> &[Vec<Running>] {
        self.running.get_or_init(|| {
            let mut running = vec![Vec::new(); session.speakers.len()];
            for t in 0..self.turns.len() {
                if let Some(si) = self.speaker_of[t] {
                    let runs: &mut Vec<Running> = &mut running[si];
                    let mut next = runs.last().copied().unwrap_or_default();
                    next.add(t, self.turns[t], self.measured(session, t));
                    runs.push(next);
                }
            }
            running
        })
    }

    pub fn total_words(&self, range: Range<usize>) -> usize {
        let r = clamp(range, self.turns.len());
        self.words_before[r.end.max(r.start)] - self.words_before[r.start]
    }

    /// Per-speaker figures over `range` of turns, in `session.speakers` order. Ranges from the
    /// first turn (the browser's "so far", the whole session) cost a lookup per speaker, not a
    /// pass over the turns, so a 100,000-turn session draws as fast as a short one.
    pub fn speakers(&self, session: &Session, range: Range<usize>) -> Vec<SpeakerStats> {
        let range = clamp(range, self.turns.len());
        let total = self.total_words(range.clone());
        let sums = if range == (0..self.turns.len()) {
            self.totals.clone()
        } else if range.start == 0 {
            self.running(session)
                .iter()
                .map(|runs| {
                    let upto = runs.partition_point(|r| r.turn < range.end);
                    upto.checked_sub(1).map(|i| runs[i]).unwrap_or_default()
                })
                .collect()
        } else {
            self.scan(session, range)
        };
        session
            .speakers
            .iter()
            .zip(sums)
            .enumerate()
            .map(|(i, (s, sum))| self.finish(i, s.published, sum, total))
            .collect()
    }

    /// Sums per speaker by walking the turns of `range`.
    fn scan(&self, session: &Session, range: Range<usize>) -> Vec<Running> {
        let mut sums = vec![Running::default(); session.speakers.len()];
        for t in range {
            if let Some(si) = self.speaker_of[t] {
                sums[si].add(t, self.turns[t], self.measured(session, t));
            }
        }
        sums
    }

    /// Seconds a turn was measured to take: spoken time where the source timed its pieces,
    /// else the turn's measured span.
    fn measured(&self, session: &Session, t: usize) -> f64 {
        match (session.turns[t].spoken, self.times.get(t)) {
            (Some(spoken), _) => spoken,
            (None, Some(time)) if time.source == TimeSource::Measured => {
                (time.end - time.start).max(0.0)
            }
            _ => 0.0,
        }
    }

    fn finish(
        &self,
        speaker: usize,
        published: Option<crate::session::PublishedStats>,
        sum: Running,
        total: usize,
    ) -> SpeakerStats {
        let measured = sum.measured;
        let words = sum.words;
        // The one "time": measured from the transcript's own times, else estimated from the
        // words at the speaker's published rate (or the session's). A published total is a
        // figure of its own, never this one: it covers the whole session, not these turns.
        let speaking_time = if measured > 0.0 {
            Some(Timed {
                seconds: measured,
                source: TimeSource::Measured,
            })
        } else {
            let wpm = published.and_then(|p| p.wpm).map(|w| w as f64);
            wpm.or(self.session_wpm)
                .filter(|_| words > 0)
                .map(|wpm| Timed {
                    seconds: words as f64 * 60.0 / wpm,
                    source: TimeSource::Estimated,
                })
        };
        SpeakerStats {
            speaker,
            turns: sum.turns,
            words,
            share: if total == 0 {
                0.0
            } else {
                words as f64 / total as f64
            },
            longest_turn: sum.longest,
            questions: sum.questions,
            published,
            published_to_computed: match (published.and_then(|p| p.words), words) {
                (Some(p), w) if w > 0 => Some(p as f64 / w as f64),
                _ => None,
            },
            speaking_time,
            wpm: (measured > 0.0 && words > 0).then(|| words as f64 * 60.0 / measured),
        }
    }
}

/// One speaker's figures summed up to and including `turn`.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
struct Running {
    turn: usize,
    turns: usize,
    words: usize,
    questions: usize,
    longest: Option<(usize, usize)>,
    measured: f64,
}

impl Running {
    fn add(&mut self, turn: usize, fig: TurnFigures, measured: f64) {
        self.turn = turn;
        self.turns += 1;
        self.words += fig.words;
        self.questions += fig.questions;
        if self.longest.is_none_or(|(_, w)| fig.words > w) {
            self.longest = Some((turn, fig.words));
        }
        self.measured += measured;
    }
}

fn clamp(range: Range<usize>, len: usize) -> Range<usize> {
    range.start.min(len)..range.end.min(len)
}

/// Words per minute over everything the report publishes.
fn published_rate(session: &Session) -> Option<f64> {
    let (words, secs) = session
        .speakers
        .iter()
        .filter_map(|s| s.published)
        .filter_map(|p| Some((p.words?, p.seconds?)))
        .fold((0u64, 0u64), |(w, s), (pw, ps)| (w + pw, s + ps));
    (secs > 0).then(|| words as f64 * 60.0 / secs as f64)
}

/// Turn times: measured where every turn has a start, else estimated back to back from the
/// session start, each turn lasting its words at its speaker's published rate.
fn turn_times(
    session: &Session,
    figures: &[TurnFigures],
    session_wpm: Option<f64>,
) -> Vec<TurnTime> {
    if !session.turns.is_empty() && session.turns.iter().all(|t| t.start.is_some()) {
        return session
            .turns
            .iter()
            .enumerate()
            .map(|(i, t)| {
                let start = t.start.unwrap_or(0.0);
                let next = session.turns.get(i + 1).and_then(|n| n.start);
                TurnTime {
                    start,
                    end: t.end.or(next).unwrap_or(start),
                    source: TimeSource::Measured,
                }
            })
            .collect();
    }
    let mut clock = 0.0;
    session
        .turns
        .iter()
        .zip(figures)
        .map(|(t, f)| {
            let wpm = session
                .speaker_of(t)
                .published
                .and_then(|p| p.wpm)
                .map(|w| w as f64)
                .or(session_wpm)
                .unwrap_or(DEFAULT_WPM);
            let start = clock;
            clock += f.words as f64 * 60.0 / wpm;
            TurnTime {
                start,
                end: clock,
                source: TimeSource::Estimated,
            }
        })
        .collect()
}

/// A speaking time as every printer labels it: `12:34` measured, `~12:34` estimated.
pub fn time_label(time: Timed) -> String {
    let mark = if time.source == TimeSource::Estimated {
        "~"
    } else {
        ""
    };
    format!("{mark}{}", format_duration(time.seconds))
}

/// `754.2` → `12:34`, or `1:02:03` past an hour.
pub fn format_duration(seconds: f64) -> String {
    let total = seconds.max(0.0).round() as u64;
    let (h, m, s) = (total / 3600, total / 60 % 60, total % 60);
    if h > 0 {
        format!("{h}:{m:02}:{s:02}")
    } else {
        format!("{m}:{s:02}")
    }
}

/// The wall-clock time `offset` seconds after the session's start (`00:30` + 754 s → `00:42:34`),
/// when the session has a start time; otherwise the offset itself.
/// A wall clock goes round at midnight; an offset does not (a 300-hour caption file's last cue
/// is at `333:19:52`, not `21:19:52`).
pub fn clock_at(session: &Session, offset: f64) -> String {
    let offset = offset.max(0.0).round() as u64;
    let total = match session.meta.start_time {
        Some(start) => (offset + start.seconds()) % (24 * 3600),
        None => offset,
    };
    let (h, m, s) = (total / 3600, total / 60 % 60, total % 60);
    format!("{h:02}:{m:02}:{s:02}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::session::{Speaker, SpeakerIx, SpeakerKind, Turn};

    fn session() -> Session {
        let mut a = Speaker::new("a".into(), "A".into(), SpeakerKind::Person);
        a.published = Some(PublishedStats {
            wpm: Some(120),
            words: Some(12),
            seconds: None,
        });
        let b = Speaker::new("b".into(), "B".into(), SpeakerKind::Label);
        Session {
            format_version: 1,
            meta: crate::session::Meta {
                start_time: crate::session::ClockTime::parse("00:30"),
                ..Default::default()
            },
            speakers: vec![a, b],
            summary: vec![],
            turns: vec![
                Turn::new(0, SpeakerIx(0), vec!["One two three. Four?".into()]),
                Turn::new(1, SpeakerIx(1), vec!["Five six.".into()]),
                Turn::new(
                    2,
                    SpeakerIx(0),
                    vec!["Seven eight nine ten eleven twelve.".into()],
                ),
            ],
            sections: Vec::new(),
            notes: Vec::new(),
            warnings: vec![],
        }
    }

    #[test]
    fn counts_share_longest_and_questions() {
        let s = session();
        let f = Figures::new(&s);
        let st = f.speakers(&s, 0..3);
        assert_eq!((st[0].turns, st[0].words, st[0].questions), (2, 10, 1));
        assert_eq!(st[0].longest_turn, Some((2, 6)));
        assert!((st[0].share - 10.0 / 12.0).abs() < 1e-9);
        assert_eq!(st[0].published_to_computed, Some(1.2));
        let t = st[0].speaking_time.expect("estimated");
        assert_eq!(t.source, TimeSource::Estimated);
        assert!((t.seconds - 5.0).abs() < 1e-9);
        assert_eq!(st[1].speaking_time, None, "no rate published anywhere");
    }

    #[test]
    fn time_is_measured_or_estimated_never_the_published_total() {
        let s = crate::bundled::session().expect("bundled");
        let f = Figures::new(&s);
        let all = f.speakers(&s, 0..s.turns.len());
        // The bundled report publishes each speaker's total; time stays the estimate.
        assert!(
            all.iter()
                .any(|st| st.published.is_some_and(|p| p.seconds.is_some()))
        );
        for st in &all {
            if let Some(t) = st.speaking_time {
                assert_eq!(t.source, TimeSource::Estimated, "{st:?}");
                assert!(time_label(t).starts_with('~'));
            }
        }
    }

    #[test]
    fn running_sums_agree_with_a_walk_over_the_turns() {
        let s = crate::bundled::session().expect("bundled");
        let f = Figures::new(&s);
        for end in 0..=s.turns.len() {
            let walked = f.scan(&s, 0..end);
            let fast = f.speakers(&s, 0..end);
            for (w, st) in walked.iter().zip(&fast) {
                assert_eq!(
                    (w.turns, w.words, w.questions, w.longest),
                    (st.turns, st.words, st.questions, st.longest_turn),
                    "to {end}"
                );
            }
        }
    }

    #[test]
    fn so_far_covers_only_the_range() {
        let s = session();
        let f = Figures::new(&s);
        let st = f.speakers(&s, 0..1);
        assert_eq!((st[0].words, st[1].words), (4, 0));
        assert!((st[0].share - 1.0).abs() < 1e-9);
    }

    #[test]
    fn estimated_turn_times_run_back_to_back() {
        let mut s = session();
        let f = Figures::new(&s);
        assert_eq!(f.times[0].start, 0.0);
        assert!((f.times[1].start - 2.0).abs() < 1e-9, "4 words at 120 wpm");
        assert_eq!(f.times[1].source, TimeSource::Estimated);
        assert_eq!(clock_at(&s, 62.0), "00:31:02");
        assert_eq!(
            clock_at(&s, 24.0 * 3600.0),
            "00:30:00",
            "a wall clock goes round"
        );
        s.meta.start_time = None;
        assert_eq!(clock_at(&s, 1_199_992.0), "333:19:52", "an offset does not");
        assert_eq!(format_duration(3723.0), "1:02:03");
    }
}
