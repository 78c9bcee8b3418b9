//! The transcript as one column of lines at a given width: each shown turn's height and the
//! prefix sums of heights, so that scrolling, "which turn is at line N" and "where does turn T
//! start" cost a lookup, and only the turns on screen are ever wrapped for drawing.
//!
//! A turn is laid out as a header line, its paragraphs (wrapped, a blank line between them, each
//! after its `[hh:mm:ss]` where the source times paragraphs) and one blank line after.

use std::borrow::Cow;

use podium::session::Session;

use super::wrap;

#[derive(Debug, Clone, Default)]
pub struct TranscriptLayout {
    /// Text width the heights were measured at.
    pub width: usize,
    /// Indices of the turns shown, in order (all turns, or one speaker's).
    pub turns: Vec<usize>,
    /// `starts[i]` is the first line of `turns[i]`; the last entry is the total line count.
    starts: Vec<usize>,
}

impl TranscriptLayout {
    pub fn new(session: &Session, turns: Vec<usize>, width: usize) -> Self {
        use rayon::prelude::*;
        // Wrapping every turn is the work (300,000 cues take most of a second): in parallel.
        let heights: Vec<usize> = turns
            .par_iter()
            .with_min_len(1024)
            .map(|&t| turn_height(session, t, width))
            .collect();
        let mut starts = Vec::with_capacity(turns.len() + 1);
        let mut line = 0;
        for h in heights {
            starts.push(line);
            line += h;
        }
        starts.push(line);
        TranscriptLayout {
            width,
            turns,
            starts,
        }
    }

    pub fn total_lines(&self) -> usize {
        self.starts.last().copied().unwrap_or(0)
    }

    /// First line of the `pos`-th shown turn.
    pub fn start(&self, pos: usize) -> usize {
        self.starts
            .get(pos)
            .copied()
            .unwrap_or_else(|| self.total_lines())
    }

    /// The shown turn (its position in `turns`) that contains `line`.
    pub fn pos_at_line(&self, line: usize) -> Option<usize> {
        if self.turns.is_empty() {
            return None;
        }
        let after = self.starts.partition_point(|&s| s <= line);
        Some(after.saturating_sub(1).min(self.turns.len() - 1))
    }

    /// Position of turn index `turn` among the shown turns.
    pub fn pos_of_turn(&self, turn: usize) -> Option<usize> {
        self.turns.binary_search(&turn).ok()
    }
}

/// Lines the turn takes at `width`, including its header and the blank line after it.
pub fn turn_height(session: &Session, turn: usize, width: usize) -> usize {
    let paragraphs = &session.turns[turn].paragraphs;
    let text: usize = (0..paragraphs.len())
        .map(|p| wrap::height(&shown(session, turn, p), width))
        .sum();
    1 + text + paragraphs.len().saturating_sub(1) + 1
}

/// `[00:01:42] `, shown dimmed before paragraph `p` of `turn` where the source times it (a
/// speaker-less Whisper file's paragraphs); empty when it has no time, or when it is the first
/// paragraph and the turn's header shows the same time.
pub fn paragraph_label(session: &Session, turn: usize, p: usize) -> String {
    let tr = &session.turns[turn];
    match tr.paragraph_start(p) {
        Some(at) if !(p == 0 && tr.start == Some(at)) => {
            format!("[{}] ", podium::stats::clock_at(session, at))
        }
        _ => String::new(),
    }
}

/// Paragraph `p` of `turn` as it is wrapped: its label, then its text.
pub fn shown(session: &Session, turn: usize, p: usize) -> Cow<'_, str> {
    let text = &session.turns[turn].paragraphs[p];
    let label = paragraph_label(session, turn, p);
    if label.is_empty() {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(label + text)
    }
}

/// The paragraph of `turn` at line `offset` of its block (the header goes with the first, a
/// blank line with the paragraph after it).
pub fn paragraph_at(session: &Session, turn: usize, offset: usize, width: usize) -> usize {
    let n = session.turns[turn].paragraphs.len();
    let mut line = 1;
    for p in 0..n {
        let height = wrap::height(&shown(session, turn, p), width);
        if offset < line + height {
            return p;
        }
        line += height + 1;
    }
    n.saturating_sub(1)
}

/// Line offset, within its turn's block, of byte `at` of paragraph `paragraph`.
pub fn line_in_turn(
    session: &Session,
    turn: usize,
    paragraph: usize,
    at: usize,
    width: usize,
) -> usize {
    let mut line = 1;
    for i in 0..session.turns[turn].paragraphs.len() {
        let text = shown(session, turn, i);
        let lines = wrap::wrap(&text, width);
        if i == paragraph {
            // `at` counts from the paragraph's text, after its label.
            let at = at + text.len() - session.turns[turn].paragraphs[i].len();
            return line
                + lines
                    .iter()
                    .take_while(|r| r.end < at)
                    .count()
                    .min(lines.len() - 1);
        }
        line += lines.len() + 1;
    }
    line
}

#[cfg(test)]
mod tests {
    use super::*;
    use podium::session::{Speaker, SpeakerKind, Turn};

    fn session(paragraphs: &[&[&str]]) -> Session {
        Session {
            speakers: vec![Speaker::new("a".into(), "A".into(), SpeakerKind::Person)],
            turns: paragraphs
                .iter()
                .enumerate()
                .map(|(i, ps)| {
                    Turn::new(
                        i,
                        podium::session::SpeakerIx(0),
                        ps.iter().map(|p| p.to_string()).collect(),
                    )
                })
                .collect(),
            ..Session::default()
        }
    }

    #[test]
    fn heights_and_prefix_sums() {
        let s = session(&[&["one two three"], &["four", "five six seven eight"]]);
        let l = TranscriptLayout::new(&s, vec![0, 1], 9);
        // t1: header + 2 lines + blank = 4; t2: header + 1 + blank + 3 + blank = 7.
        assert_eq!(l.total_lines(), 11);
        assert_eq!((l.start(0), l.start(1)), (0, 4));
        assert_eq!(l.pos_at_line(3), Some(0));
        assert_eq!(l.pos_at_line(4), Some(1));
        assert_eq!(l.pos_at_line(500), Some(1));
    }

    #[test]
    fn resizing_changes_heights() {
        let s = session(&[&["one two three four five six seven eight nine ten"]]);
        let wide = TranscriptLayout::new(&s, vec![0], 200);
        let narrow = TranscriptLayout::new(&s, vec![0], 5);
        assert_eq!(wide.total_lines(), 3);
        assert_eq!(narrow.total_lines(), 2 + 10);
        assert_eq!(TranscriptLayout::new(&s, vec![0], 0).total_lines(), 2 + 39);
    }

    #[test]
    fn cjk_and_long_words() {
        let s = session(&[&["東京で会議を開きます", "supercalifragilistic"]]);
        let l = TranscriptLayout::new(&s, vec![0], 8);
        assert_eq!(l.total_lines(), 1 + 3 + 1 + 3 + 1);
    }

    #[test]
    fn sentence_lines() {
        let s = session(&[&["aaa bbb ccc", "ddd eee fff"]]);
        assert_eq!(line_in_turn(&s, 0, 0, 0, 4), 1);
        assert_eq!(line_in_turn(&s, 0, 0, 8, 4), 3);
        assert_eq!(line_in_turn(&s, 0, 1, 4, 4), 6);
    }

    #[test]
    fn paragraph_times_take_their_room() {
        let mut s = session(&[&["aaa bbb", "ccc ddd"]]);
        s.turns[0].start = Some(0.0);
        s.turns[0].paragraph_starts = vec![Some(0.0), Some(102.0)];
        // The first paragraph's time is the header's; the second's is `[00:01:42] `.
        assert_eq!(paragraph_label(&s, 0, 0), "");
        assert_eq!(shown(&s, 0, 1), "[00:01:42] ccc ddd");
        // At 10 columns: header, `aaa bbb`, blank, `[00:01:42]`, `ccc ddd`, blank.
        assert_eq!(TranscriptLayout::new(&s, vec![0], 10).total_lines(), 6);
        assert_eq!(line_in_turn(&s, 0, 1, 0, 10), 4);
        assert_eq!(line_in_turn(&s, 0, 1, 0, 40), 3);
        let at: Vec<usize> = (0..6).map(|l| paragraph_at(&s, 0, l, 10)).collect();
        assert_eq!(at, [0, 0, 1, 1, 1, 1]);
    }

    #[test]
    fn filtered_layout_and_empty() {
        let s = session(&[&["a"], &["b"], &["c"]]);
        let l = TranscriptLayout::new(&s, vec![0, 2], 10);
        assert_eq!(l.pos_of_turn(2), Some(1));
        assert_eq!(l.pos_of_turn(1), None);
        let empty = TranscriptLayout::new(&s, vec![], 10);
        assert_eq!((empty.total_lines(), empty.pos_at_line(0)), (0, None));
    }
}
