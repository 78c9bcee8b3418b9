//! The words view (W) in the middle pane: the selected speaker's most frequent content words
//! and the words most distinctive of them against the rest of the session (or the whole
//! session's most frequent, `a`). `Enter` lists the sentences using the selected word, lit;
//! `Enter` on one goes to it in the transcript, and `Esc` steps back. The counting and scoring
//! are the core's ([`podium::analysis::words`]); this keeps the view's place and answers where
//! its rows are, for drawing and for clicks alike.

use std::ops::Range;

use podium::analysis::words::{self, Counts, Scored};
use podium::session::{QuoteRef, Session};
use ratatui::layout::Rect;

use super::action::Action;
use super::app::{App, Middle};
use super::layout::{self, Focus};
use super::widgets::list_offset;
use super::wrap;

/// Words each list holds at most.
pub const LIMIT: usize = 200;
/// Inner width from which both lists show side by side.
pub const TWO_LISTS: u16 = 60;
/// Inner height from which narrower panes show the lists one above the other.
pub const STACKED: u16 = 10;

/// What coding, marking, copying or playing says in the lists of words.
const ON_A_SENTENCE: &str =
    "Coding, marking, copying and playing work on a sentence: Enter lists those using the word";

/// Which list has the selection.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum List {
    Frequent,
    #[default]
    Distinctive,
}

#[derive(Debug, Clone, Default)]
pub struct WordsView {
    /// Each speaker's content words and the whole session's, counted when the view first
    /// opens (and again when a rename or merge changes the speakers).
    pub counts: Option<SessionWords>,
    /// The whole session instead of the selected speaker.
    pub whole: bool,
    pub list: List,
    pub selected: usize,
    /// The sentences using a word, after `Enter` on it.
    pub using: Option<Using>,
}

#[derive(Debug, Clone)]
pub struct SessionWords {
    pub by_speaker: Vec<Counts>,
    pub all: Counts,
}

impl SessionWords {
    pub fn new(session: &Session) -> SessionWords {
        let by_speaker = words::by_speaker(session);
        let all = words::sum(&by_speaker);
        SessionWords { by_speaker, all }
    }
}

/// The sentences that use one word.
#[derive(Debug, Clone)]
pub struct Using {
    pub word: String,
    /// Whose sentences: one speaker's, or everyone's.
    pub speaker: Option<usize>,
    /// Each sentence with the byte ranges of the word in it.
    pub quotes: Vec<(QuoteRef, Vec<Range<usize>>)>,
    pub selected: usize,
    /// The first sentence on screen.
    pub top: usize,
}

/// What the view lists for its scope.
pub struct Lists<'a> {
    /// Whose words: a speaker, or `None` for the whole session.
    pub speaker: Option<usize>,
    pub counts: &'a Counts,
    pub frequent: Vec<(&'a str, usize)>,
    /// Empty for the whole session: there is no rest to compare with.
    pub distinctive: Vec<Scored>,
}

impl WordsView {
    /// The lists for the selected speaker (or the whole session); `None` before counting.
    pub fn lists(&self, speaker: usize) -> Option<Lists<'_>> {
        let c = self.counts.as_ref()?;
        let group = c.by_speaker.get(speaker).filter(|_| !self.whole);
        Some(match group {
            Some(group) => {
                let mut distinctive = words::distinctive(group, &c.all);
                distinctive.truncate(LIMIT);
                Lists {
                    speaker: Some(speaker),
                    counts: group,
                    frequent: group.most_frequent(LIMIT),
                    distinctive,
                }
            }
            None => Lists {
                speaker: None,
                counts: &c.all,
                frequent: c.all.most_frequent(LIMIT),
                distinctive: Vec::new(),
            },
        })
    }

    /// The list with the selection: the frequent words when there is nothing to compare.
    pub fn active(&self) -> List {
        if self.whole {
            List::Frequent
        } else {
            self.list
        }
    }
}

impl Lists<'_> {
    pub fn len(&self, list: List) -> usize {
        match list {
            List::Frequent => self.frequent.len(),
            List::Distinctive => self.distinctive.len(),
        }
    }

    pub fn word(&self, list: List, i: usize) -> Option<&str> {
        match list {
            List::Frequent => self.frequent.get(i).map(|w| w.0),
            List::Distinctive => self.distinctive.get(i).map(|s| s.word.as_str()),
        }
    }
}

/// Where the lists go in the pane's inner area: each one's rectangle (its heading on the first
/// row, its words below). Side by side when wide enough, else one above the other, else the
/// active one alone.
pub fn columns(inner: Rect, whole: bool, active: List) -> [(List, Rect); 2] {
    let none = Rect::default();
    if whole {
        return [(List::Frequent, inner), (List::Distinctive, none)];
    }
    if inner.width < TWO_LISTS && inner.height >= STACKED {
        let top = inner.height * 2 / 5;
        // A blank row between the two.
        let frequent = Rect {
            height: top - 1,
            ..inner
        };
        let distinctive = Rect {
            y: inner.y + top,
            height: inner.height - top,
            ..inner
        };
        return [(List::Frequent, frequent), (List::Distinctive, distinctive)];
    }
    if inner.width < TWO_LISTS {
        let other = match active {
            List::Frequent => List::Distinctive,
            List::Distinctive => List::Frequent,
        };
        return [(active, inner), (other, none)];
    }
    let left = (inner.width * 2 / 5).max(20);
    let frequent = Rect {
        width: left,
        ..inner
    };
    let distinctive = Rect {
        x: inner.x + left + 2,
        width: inner.width - left - 2,
        ..inner
    };
    [(List::Frequent, frequent), (List::Distinctive, distinctive)]
}

/// The first row shown of a column `rect` whose selected row is `selected` (the other column
/// shows from its top).
pub fn first_row(rect: Rect, selected: Option<usize>) -> usize {
    selected.map_or(0, |s| {
        list_offset(s, usize::from(rect.height.saturating_sub(1)))
    })
}

/// Rows a sentence takes in the list of sentences: its place, then its wrapped text.
pub fn sentence_height(session: &Session, quote: QuoteRef, width: usize) -> usize {
    let text = session.turns[quote.turn]
        .sentence(quote.sentence)
        .unwrap_or_default();
    1 + wrap::height(text, width.saturating_sub(2).max(1))
}

impl Using {
    /// The first sentence to show so that the selected one is whole on screen, from `top`.
    pub fn first_shown(&self, session: &Session, width: usize, rows: usize) -> usize {
        let mut top = self.top.min(self.selected);
        let height = |i: usize| sentence_height(session, self.quotes[i].0, width);
        while top < self.selected && (top..=self.selected).map(height).sum::<usize>() > rows {
            top += 1;
        }
        top
    }
}

impl App {
    /// `W`: the words view, counted the first time; again, back to the transcript.
    pub(super) fn toggle_words(&mut self) {
        if self.middle == Middle::Words {
            self.middle = Middle::Transcript;
            return;
        }
        if self.words.counts.is_none() {
            self.words.counts = Some(SessionWords::new(&self.session));
        }
        self.middle = Middle::Words;
        self.focus_middle();
        if self.session.turns.is_empty() {
            self.message = Some("No transcript: nothing to count (W goes back)".into());
        }
    }

    /// The middle pane takes the keys (narrow screens show it in the statistics' place).
    pub(super) fn focus_middle(&mut self) {
        if self.focus != Focus::Transcript {
            self.focus = Focus::Transcript;
            self.relayout(None);
        }
    }

    /// Counts again what was counted, after the session changed (a rename or merge).
    pub(super) fn refresh_analysis(&mut self) {
        if self.words.counts.is_some() {
            self.words.counts = Some(SessionWords::new(&self.session));
            self.words.using = None;
        }
        if self.timeline.line.is_some() {
            self.timeline.line = Some(podium::analysis::timeline::Timeline::new(
                &self.session,
                &self.figures,
            ));
        }
    }

    /// The words view's and the timeline's own keys; `false` for keys they leave to the panes.
    pub(super) fn update_analysis(&mut self, action: &Action) -> bool {
        match self.middle {
            Middle::Words if self.words.using.is_some() => self.update_using(action),
            Middle::Words => self.update_words(action),
            Middle::Timeline => self.update_timeline(action),
            _ => false,
        }
    }

    fn words_inner(&self) -> Rect {
        self.screen()
            .transcript
            .map(layout::inner)
            .unwrap_or_default()
    }

    fn update_words(&mut self, action: &Action) -> bool {
        let inner = self.words_inner();
        let Some(lists) = self.words.lists(self.selected) else {
            return false;
        };
        let active = self.words.active();
        let len = lists.len(active);
        let word = lists.word(active, self.words.selected).map(str::to_string);
        let speaker = lists.speaker;
        let page = usize::from(inner.height.saturating_sub(2)).max(1);
        let w = &mut self.words;
        let last = len.saturating_sub(1);
        match action {
            Action::Down => w.selected = (w.selected + 1).min(last),
            Action::Up => w.selected = w.selected.saturating_sub(1).min(last),
            Action::Top => w.selected = 0,
            Action::Bottom => w.selected = last,
            Action::PageDown | Action::HalfPageDown => w.selected = (w.selected + page).min(last),
            Action::PageUp | Action::HalfPageUp => w.selected = w.selected.saturating_sub(page),
            Action::Left | Action::Right if !w.whole => {
                w.list = match w.list {
                    List::Frequent => List::Distinctive,
                    List::Distinctive => List::Frequent,
                };
            }
            Action::Left | Action::Right => {
                self.message = Some("The whole session has one list (a: a speaker's)".into());
            }
            Action::ToggleWordsScope => {
                w.whole = !w.whole;
                w.selected = 0;
            }
            Action::Open => match word {
                Some(word) => self.open_word(word, speaker),
                None => self.message = Some("No word to show".into()),
            },
            Action::Back => self.middle = Middle::Transcript,
            // The transcript is hidden: its place is not what the reader is looking at.
            Action::CodePassage | Action::ToggleMark | Action::CopyQuote | Action::CopyTurn => {
                self.message = Some(ON_A_SENTENCE.into());
            }
            Action::Play if self.play.state == super::play::PlayState::Stopped => {
                self.message = Some(ON_A_SENTENCE.into());
            }
            _ => return false,
        }
        true
    }

    /// `Enter` on a word: the sentences of the speaker (or everyone's) that use it.
    fn open_word(&mut self, word: String, speaker: Option<usize>) {
        let quotes = words::sentences_using(&self.session, &word, speaker);
        let whose = speaker
            .and_then(|s| self.session.speakers.get(s))
            .map_or_else(|| "everyone".to_string(), |s| s.name.clone());
        let n = quotes.len();
        let sentences = if n == 1 { "sentence" } else { "sentences" };
        self.message = Some(format!(
            "“{word}”: {n} {sentences} by {whose} (Enter: go to one, Esc: the words)"
        ));
        self.words.using = Some(Using {
            word,
            speaker,
            quotes,
            selected: 0,
            top: 0,
        });
    }

    fn update_using(&mut self, action: &Action) -> bool {
        let inner = self.words_inner();
        let (width, rows) = (usize::from(inner.width), usize::from(inner.height).max(1));
        let Some(u) = self.words.using.as_mut() else {
            return false;
        };
        let last = u.quotes.len().saturating_sub(1);
        let page = (rows / 3).max(1);
        match action {
            Action::Down => u.selected = (u.selected + 1).min(last),
            Action::Up => u.selected = u.selected.saturating_sub(1),
            Action::Top => u.selected = 0,
            Action::Bottom => u.selected = last,
            Action::PageDown | Action::HalfPageDown => u.selected = (u.selected + page).min(last),
            Action::PageUp | Action::HalfPageUp => u.selected = u.selected.saturating_sub(page),
            Action::Back => {
                self.words.using = None;
                return true;
            }
            Action::Open => {
                self.go_to_use();
                return true;
            }
            _ => return false,
        }
        u.top = u.first_shown(&self.session, width, rows);
        true
    }

    /// The sentence selected in the list of sentences using a word, while it is shown: what
    /// `t`, `m`, `y` and `p` work on there.
    pub(super) fn selected_use(&self) -> Option<QuoteRef> {
        let u = self.words.using.as_ref()?;
        (self.middle == Middle::Words)
            .then(|| u.quotes.get(u.selected).map(|(q, _)| *q))
            .flatten()
    }

    /// `Enter` on a sentence using the word: there in the transcript, the word lit.
    fn go_to_use(&mut self) {
        let Some(u) = &self.words.using else {
            return;
        };
        let Some((quote, ranges)) = u.quotes.get(u.selected).cloned() else {
            self.message = Some("No sentence uses it".into());
            return;
        };
        let (word, at, n) = (u.word.clone(), u.selected + 1, u.quotes.len());
        let text = self.session.turns[quote.turn]
            .sentence(quote.sentence)
            .unwrap_or_default();
        let lit = super::summaries::char_indices(text, &ranges);
        self.middle = Middle::Transcript;
        self.jump_to_quote(quote, lit);
        if let Some(s) = self.speaker_of(quote.turn) {
            self.selected = s;
        }
        self.message = Some(format!(
            "Sentence {at}/{n} using “{word}” (W: back to the sentences)"
        ));
    }

    /// The wheel over the words view moves its selection.
    pub(super) fn wheel_words(&mut self, down: bool) {
        let step = if down { Action::Down } else { Action::Up };
        for _ in 0..3 {
            self.update_analysis(&step);
        }
    }

    /// A click in the words view selects the word (or sentence) under it.
    pub(super) fn click_words(&mut self, column: u16, row: u16) {
        let inner = self.words_inner();
        if !layout::contains(Some(inner), column, row) {
            return;
        }
        if let Some(u) = &mut self.words.using {
            let width = usize::from(inner.width);
            let mut y = usize::from(inner.y);
            for i in u.top..u.quotes.len() {
                let h = sentence_height(&self.session, u.quotes[i].0, width);
                if usize::from(row) < y + h {
                    u.selected = i;
                    return;
                }
                y += h;
            }
            return;
        }
        let Some(lens) = self
            .words
            .lists(self.selected)
            .map(|l| [l.len(List::Frequent), l.len(List::Distinctive)])
        else {
            return;
        };
        let active = self.words.active();
        for (list, rect) in columns(inner, self.words.whole, active) {
            if !layout::contains(Some(rect), column, row) || row == rect.y {
                continue;
            }
            let first = first_row(rect, (list == active).then_some(self.words.selected));
            let i = first + usize::from(row - rect.y - 1);
            if i < lens[usize::from(list == List::Distinctive)] {
                self.words.list = list;
                self.words.selected = i;
            }
        }
    }
}
