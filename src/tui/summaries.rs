//! The summaries view of the middle pane (`S`): the session summary, then each speaker's, one
//! summary sentence after another with the transcript sentences that support it (`[t4.3 t14.1]`)
//! or "no clear source in the transcript". A selected sentence, moved with the usual keys;
//! `Enter` goes to its best source in the transcript, `n` / `N` to the others, with the words
//! they share lit.

use std::ops::Range;

use podium::session::{QuoteRef, Session, SpeakerIx};
use podium::sources::{self, Linked};

use super::app::{App, Middle};
use super::wrap;

/// What a summary sentence says when nothing in the transcript holds enough of it.
pub const NO_SOURCE: &str = "no clear source in the transcript";

/// One line of the view.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Row {
    /// The heading of a summary: the session's (`None`) or a speaker's.
    Heading(Option<SpeakerIx>),
    /// Part of sentence `sentence`'s text (byte range into [`Summaries::text`]).
    Text {
        sentence: usize,
        range: Range<usize>,
    },
    Blank,
    /// The report has no summaries.
    Empty,
}

/// The summaries, their sources, and where the reader is in them.
#[derive(Debug, Clone, Default)]
pub struct Summaries {
    pub linked: Vec<Linked>,
    /// Each sentence as shown: its text, a space, and its sources label.
    pub texts: Vec<String>,
    /// Where each shown text's sources label starts.
    pub label_at: Vec<usize>,
    pub rows: Vec<Row>,
    /// First row of each sentence, and one past its last.
    pub spans: Vec<Range<usize>>,
    pub width: usize,
    pub selected: usize,
    pub top: usize,
    /// Letters a search matched in the selected sentence (char indices).
    pub lit: Vec<usize>,
}

/// `[t4.3 t14.1]`, or the sentence's lack of a source.
pub fn sources_label(session: &Session, linked: &Linked) -> String {
    if !linked.supported {
        return format!("[{NO_SOURCE}]");
    }
    let places: Vec<String> = linked
        .sources
        .iter()
        .map(|s| place(session, s.quote))
        .collect();
    format!("[{}]", places.join(" "))
}

/// `t4.3`: a quote as citations write it (sentence 1-based).
pub fn place(session: &Session, quote: QuoteRef) -> String {
    let id = session.turns.get(quote.turn).map_or("?", |t| t.id.as_str());
    format!("{id}.{}", quote.sentence + 1)
}

impl Summaries {
    /// The summaries of `session` with their sources (none are looked for when it has no
    /// summaries, so a long transcript without any costs nothing here).
    pub fn new(session: &Session) -> Summaries {
        let linked = if sources::sentences(session).is_empty() {
            Vec::new()
        } else {
            sources::link(session)
        };
        let mut texts = Vec::with_capacity(linked.len());
        let mut label_at = Vec::with_capacity(linked.len());
        for l in &linked {
            let sentence = l.sentence.trim_end();
            label_at.push(sentence.len() + 1);
            texts.push(format!("{sentence} {}", sources_label(session, l)));
        }
        Summaries {
            linked,
            texts,
            label_at,
            ..Summaries::default()
        }
    }

    /// Lays the view out at `width` columns, keeping the selection.
    pub fn layout(&mut self, width: usize) {
        self.width = width;
        self.rows.clear();
        self.spans.clear();
        if self.linked.is_empty() {
            self.rows.push(Row::Empty);
            return;
        }
        let mut previous: Option<(Option<SpeakerIx>, usize)> = None;
        for (i, l) in self.linked.iter().enumerate() {
            match previous {
                Some((speaker, _)) if speaker != l.speaker => {
                    self.rows.push(Row::Blank);
                    self.rows.push(Row::Heading(l.speaker));
                }
                Some((_, paragraph)) if paragraph != l.paragraph => self.rows.push(Row::Blank),
                Some(_) => {}
                None => self.rows.push(Row::Heading(l.speaker)),
            }
            previous = Some((l.speaker, l.paragraph));
            let start = self.rows.len();
            for range in wrap::wrap(&self.texts[i], width) {
                self.rows.push(Row::Text { sentence: i, range });
            }
            self.spans.push(start..self.rows.len());
        }
        self.selected = self.selected.min(self.linked.len().saturating_sub(1));
    }

    /// Scrolls so the selected sentence is on a screen of `view` rows.
    pub fn reveal(&mut self, view: usize) {
        let Some(span) = self.spans.get(self.selected).cloned() else {
            self.top = 0;
            return;
        };
        if span.start < self.top {
            // A heading just above the sentence comes with it.
            let heading = span.start >= 1 && matches!(self.rows[span.start - 1], Row::Heading(_));
            self.top = span.start - usize::from(heading);
        } else if span.end > self.top + view {
            self.top = span.end.saturating_sub(view).min(span.start);
        }
        self.clamp(view);
    }

    pub fn clamp(&mut self, view: usize) {
        self.top = self.top.min(self.rows.len().saturating_sub(view.max(1)));
    }

    /// Scrolls by `delta` rows and selects a sentence on screen.
    pub fn scroll_by(&mut self, delta: isize, view: usize) {
        self.top = self.top.saturating_add_signed(delta);
        self.clamp(view);
        let on_screen = |s: &Range<usize>| s.start >= self.top && s.start < self.top + view;
        if !self.spans.get(self.selected).is_some_and(on_screen) {
            let first = self.spans.iter().position(|s| s.end > self.top);
            if let Some(i) = first {
                self.selected = i;
                self.lit.clear();
            }
        }
    }

    /// Selects sentence `i` (clamped).
    pub fn select(&mut self, i: usize, view: usize) {
        self.selected = i.min(self.linked.len().saturating_sub(1));
        self.lit.clear();
        self.reveal(view);
    }

    /// The sentence drawn on row `row` of the view.
    pub fn sentence_at(&self, row: usize) -> Option<usize> {
        match self.rows.get(self.top + row)? {
            Row::Text { sentence, .. } => Some(*sentence),
            _ => None,
        }
    }
}

/// Where `n` / `N` go after `Enter` on a summary sentence: its sources in rank order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Walk {
    pub sentence: usize,
    pub at: usize,
}

impl App {
    /// Rows of the summaries on screen.
    pub(super) fn summary_view(&self) -> usize {
        self.viewport()
    }

    pub(super) fn toggle_summaries(&mut self) {
        self.middle = match self.middle {
            Middle::Summaries => Middle::Transcript,
            _ => Middle::Summaries,
        };
        if self.middle == Middle::Summaries {
            let view = self.summary_view();
            self.summaries.reveal(view);
            if self.summaries.linked.is_empty() {
                self.message = Some("This report has no summaries (S goes back)".into());
            }
        } else if self.session.turns.is_empty() {
            self.message = Some("No transcript: this report has summaries only (S)".into());
        }
    }

    /// `Enter` on a summary sentence: to its best source, lit; `n` / `N` then walk the rest.
    pub(super) fn go_to_source(&mut self) {
        let i = self.summaries.selected;
        let Some(linked) = self.summaries.linked.get(i) else {
            return;
        };
        if self.session.turns.is_empty() {
            self.message = Some("No transcript: this report has summaries only".into());
            return;
        }
        if linked.sources.is_empty() {
            self.message = Some("No clear source in the transcript for this sentence".into());
            return;
        }
        self.walk = Some(Walk { sentence: i, at: 0 });
        self.show_source();
    }

    /// Steps the walk through the sources; `false` when there is no walk.
    pub(super) fn step_source(&mut self, forward: bool) -> bool {
        let Some(walk) = self.walk else {
            return false;
        };
        let n = self
            .summaries
            .linked
            .get(walk.sentence)
            .map_or(0, |l| l.sources.len());
        if n == 0 {
            return false;
        }
        let at = if forward {
            (walk.at + 1) % n
        } else {
            (walk.at + n - 1) % n
        };
        self.walk = Some(Walk { at, ..walk });
        self.show_source();
        true
    }

    fn show_source(&mut self) {
        let Some(walk) = self.walk else {
            return;
        };
        let Some(linked) = self.summaries.linked.get(walk.sentence) else {
            return;
        };
        let Some(source) = linked.sources.get(walk.at).copied() else {
            return;
        };
        let n = linked.sources.len();
        let supported = linked.supported;
        let summary = linked.sentence.clone();
        let text = self.session.turns[source.quote.turn]
            .sentence(source.quote.sentence)
            .unwrap_or_default();
        let analyzer = sources::Analyzer::for_session(&self.session);
        let lit = char_indices(text, &sources::shared_words(&analyzer, &summary, text));
        self.middle = Middle::Transcript;
        self.jump_to_quote(source.quote, lit);
        if let Some(s) = self.speaker_of(source.quote.turn) {
            self.selected = s;
        }
        let at = place(&self.session, source.quote);
        self.message = Some(if supported {
            format!(
                "Source {}/{n} of the summary sentence: {at} (n / N the others, S back)",
                walk.at + 1
            )
        } else {
            format!(
                "{NO_SOURCE}; nearest {}/{n}: {at} (n / N the others, S back)",
                walk.at + 1
            )
        });
    }

    /// Shows summary sentence `i` in the summaries view with the letters a search matched.
    pub(super) fn show_summary(&mut self, i: usize, lit: Vec<usize>) {
        self.middle = Middle::Summaries;
        let view = self.summary_view();
        self.summaries.select(i, view);
        self.summaries.lit = lit;
    }
}

/// Char indices of `text` inside the byte `ranges`.
pub(super) fn char_indices(text: &str, ranges: &[Range<usize>]) -> Vec<usize> {
    text.char_indices()
        .enumerate()
        .filter(|(_, (b, _))| ranges.iter().any(|r| r.contains(b)))
        .map(|(i, _)| i)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_sentence_has_rows_and_a_label() {
        let s = podium::bundled::session().expect("bundled");
        let mut sum = Summaries::new(&s);
        sum.layout(60);
        assert!(!sum.linked.is_empty());
        assert_eq!(sum.spans.len(), sum.linked.len());
        assert!(matches!(sum.rows[0], Row::Heading(_)));
        assert!(sum.texts.iter().all(|t| t.ends_with(']')));
        let adly = sum
            .linked
            .iter()
            .position(|l| l.sentence.starts_with("Previously, Adly Wahid"))
            .expect("adly");
        assert!(sum.texts[adly].contains("[t4."), "{}", sum.texts[adly]);
        sum.select(adly, 10);
        assert!(sum.top <= sum.spans[adly].start && sum.spans[adly].end <= sum.top + 10);
        assert_eq!(sum.sentence_at(sum.spans[adly].start - sum.top), Some(adly));
        assert_eq!(char_indices("añb c", &[1..4, 5..6]), [1, 2, 4]);
    }
}
