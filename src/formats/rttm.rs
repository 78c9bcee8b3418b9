//! RTTM, what diarization tools (pyannote, NeMo, WhisperX) write: who spoke when, and no words.
//! `SPEAKER file 1 onset duration <NA> <NA> speaker <NA> <NA>`, one line a turn. Read alone, it
//! gives turns with times and no text, so statistics are by time. Beside a transcript of the
//! same stem, it names that transcript's speakers instead: each timed piece goes to the speaker
//! who overlaps it most, as WhisperX assigns speakers.

use crate::formats::ParseError;
use crate::formats::pieces::{Draft, Piece, Who};

/// What an RTTM turn is in a session without words: an annotation, so no words are counted.
pub const NO_WORDS: &str = "[speech, no transcript]";

/// One `SPEAKER` line: onset, end, speaker, 1-based line.
#[derive(Debug, Clone, PartialEq)]
pub struct Turn {
    pub start: f64,
    pub end: f64,
    pub speaker: String,
    pub line: usize,
}

fn turn(line: &str) -> Option<(f64, f64, &str)> {
    let f: Vec<&str> = line.split_whitespace().collect();
    if f.len() < 8 || f[0] != "SPEAKER" {
        return None;
    }
    let onset: f64 = f[3].parse().ok()?;
    let duration: f64 = f[4].parse().ok()?;
    (onset.is_finite() && duration.is_finite() && duration >= 0.0)
        .then(|| (onset, onset + duration, f[7]))
}

/// Every non-blank line is an RTTM record (`SPEAKER …`, or another RTTM type, or a `;;`
/// comment), and at least one is a `SPEAKER` turn.
pub fn looks_like(lines: &[&str]) -> bool {
    let mut turns = 0;
    for l in lines
        .iter()
        .map(|l| l.trim())
        .filter(|l| !l.is_empty())
        .take(200)
    {
        if turn(l).is_some() {
            turns += 1;
        } else if !(l.starts_with(";;")
            || [
                "SPKR-INFO",
                "LEXEME",
                "NON-LEX",
                "NON-SPEECH",
                "SEGMENT",
                "NOSCORE",
                "NO_RT_METADATA",
            ]
            .iter()
            .any(|k| l.starts_with(k)))
        {
            return false;
        }
    }
    turns > 0
}

/// The turns, in time order.
pub fn turns(lines: &[&str]) -> Result<Vec<Turn>, ParseError> {
    let mut out = Vec::new();
    for (i, l) in lines.iter().enumerate() {
        let t = l.trim();
        if t.starts_with("SPEAKER") {
            let (start, end, speaker) = turn(t).ok_or_else(|| {
                ParseError::at(
                    i + 1,
                    "unreadable RTTM line; expected `SPEAKER file 1 onset duration <NA> <NA> speaker <NA> <NA>`",
                )
            })?;
            out.push(Turn {
                start,
                end,
                speaker: speaker.to_string(),
                line: i + 1,
            });
        }
    }
    if out.is_empty() {
        return Err(ParseError::at(1, "no `SPEAKER` lines; expected RTTM"));
    }
    out.sort_by(|a, b| a.start.total_cmp(&b.start));
    Ok(out)
}

/// The RTTM alone: turns with times and no words.
pub fn parse(lines: &[&str]) -> Result<Draft, ParseError> {
    let turns = turns(lines)?;
    let mut draft = Draft::default();
    draft.layout = Some(format!(
        "RTTM diarization: {} `SPEAKER` turns, no words (statistics by time)",
        turns.len()
    ));
    draft.warn(
        None,
        "RTTM has no words: turns are by time only; put the transcript of the same name beside it to name its speakers",
    );
    for t in turns {
        draft.pieces.push(
            Piece::new(Who::Named(t.speaker), NO_WORDS)
                .timed(Some(t.start), Some(t.end))
                .at_line(t.line)
                .because("RTTM `SPEAKER` line"),
        );
    }
    Ok(draft)
}

/// Names the speakers of `draft` (a transcript whose pieces name nobody) from `turns`: each
/// timed piece goes to the speaker who overlaps it most, or, with no overlap, to the nearest
/// turn's speaker. Says what it did in `draft`'s warnings.
pub fn assign(draft: &mut Draft, turns: &[Turn], rttm_name: &str) {
    let mut overlapped = 0;
    let mut nearest = 0;
    let mut untimed = 0;
    for piece in &mut draft.pieces {
        let (Some(a), Some(b)) = (piece.start, piece.end.or(piece.start)) else {
            untimed += 1;
            continue;
        };
        let mut best: Option<(&str, f64)> = None;
        let mut totals: Vec<(&str, f64)> = Vec::new();
        for t in turns.iter().filter(|t| t.start < b && t.end > a) {
            let overlap = t.end.min(b) - t.start.max(a);
            match totals.iter_mut().find(|(s, _)| *s == t.speaker) {
                Some((_, o)) => *o += overlap,
                None => totals.push((&t.speaker, overlap)),
            }
        }
        for (s, o) in totals {
            if best.is_none_or(|(_, b)| o > b) {
                best = Some((s, o));
            }
        }
        let speaker = match best {
            Some((s, _)) => {
                overlapped += 1;
                s
            }
            None => {
                let Some(t) = turns.iter().min_by(|x, y| {
                    let d = |t: &Turn| (t.start - a).abs().min((t.end - a).abs());
                    d(x).total_cmp(&d(y))
                }) else {
                    continue;
                };
                nearest += 1;
                &t.speaker
            }
        };
        piece.who = Who::Named(speaker.to_string());
        piece.how = "RTTM overlap (WhisperX-style merge)";
    }
    draft.warn(
        None,
        format!(
            "speakers assigned from {rttm_name} by time overlap: {overlapped} pieces by overlap, {nearest} by the nearest turn, {untimed} untimed left as they were"
        ),
    );
    draft.layout = Some(match draft.layout.take() {
        Some(l) => format!("{l}; speakers from {rttm_name}"),
        None => format!("speakers from {rttm_name}"),
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::formats::test_strs as lines;

    #[test]
    fn rttm_turns_and_overlap_assignment() {
        let l = lines(
            ";; pyannote\nSPEAKER talk 1 0.500 2.000 <NA> <NA> SPEAKER_00 <NA> <NA>\nSPEAKER talk 1 2.600 1.400 <NA> <NA> SPEAKER_01 <NA> <NA>\n",
        );
        assert!(looks_like(&l));
        assert!(!looks_like(&lines("SPEAKER 1: hello there")));
        let t = turns(&l).expect("turns");
        assert_eq!((t[1].start, t[1].end), (2.6, 4.0));
        let mut d = Draft::default();
        d.pieces = vec![
            Piece::new(Who::Same, "Hi.").timed(Some(0.4), Some(2.4)),
            Piece::new(Who::Same, "Yo.").timed(Some(2.3), Some(3.9)),
            Piece::new(Who::Same, "Late.").timed(Some(9.0), Some(9.5)),
        ];
        assign(&mut d, &t, "talk.rttm");
        let who: Vec<Who> = d.pieces.iter().map(|p| p.who.clone()).collect();
        assert_eq!(
            who,
            [
                Who::Named("SPEAKER_00".into()),
                Who::Named("SPEAKER_01".into()),
                Who::Named("SPEAKER_01".into())
            ]
        );
    }
}
