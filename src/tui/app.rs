//! The browser's state and `update`, the one place it changes. Nothing here draws.

use std::sync::Arc;

use podium::marks::{Code, Kept, Mark};
use podium::search::{Hit, QuoteIndex};
use podium::session::{QuoteRef, Session};
use podium::stats::Figures;
use ratatui::layout::Rect;

use super::coding::CodePrompt;
use super::keymap::Keymap;
use super::layout::{self, Focus, Screen, Wants};
use super::play::Play;
use super::search_panel::SearchPanel;
use super::summaries::{Summaries, Walk};
use super::theme::Theme;
use super::timeline_view::TimelineView;
use super::transcript_layout::{TranscriptLayout, line_in_turn};
use super::who;
use super::words_view::WordsView;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overlay {
    None,
    Help,
    Search,
    Marks,
    Warnings,
    /// The codes with their counts (`'`, Tab from the marks).
    Codes,
}

/// What the middle pane shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Middle {
    Transcript,
    Summaries,
    /// The selected speaker's most frequent and most distinctive words (W).
    Words,
    /// Who spoke when (T).
    Timeline,
}

/// A line of input the footer asks for: the new name of a speaker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Prompt {
    pub speaker: String,
    pub input: String,
}

/// A sentence the transcript shows highlighted, with the letters a query matched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub quote: QuoteRef,
    pub matched: Vec<usize>,
}

pub struct App {
    pub session: Session,
    /// Derived from `session` by [`App::session_changed`], never on their own.
    pub figures: Figures,
    pub total_quotes: usize,
    /// The quotes the search worker ranks; each search request carries it.
    pub index: Arc<QuoteIndex>,
    pub theme: Theme,
    /// The terminal's size.
    pub area: Rect,
    pub focus: Focus,
    pub overlay: Overlay,
    /// The speaker the list has selected (index into `session.speakers`).
    pub selected: usize,
    /// Only this speaker's turns are shown.
    pub filter: Option<usize>,
    pub whole_session_stats: bool,
    pub layout: TranscriptLayout,
    /// The layout before the last one, kept for going back to it: opening the search panel
    /// narrows the transcript and closing it widens it again, and wrapping 300,000 cues anew
    /// each way took a third of a second.
    spare_layout: Option<TranscriptLayout>,
    /// First transcript line on screen.
    pub top: usize,
    pub found: Option<Found>,
    pub search: SearchPanel,
    /// The last chosen search's hits in transcript order, for `n` / `N`.
    pub hits_in_order: Vec<Hit>,
    pub stats_scroll: usize,
    pub help_scroll: usize,
    pub message: Option<String>,
    pub quit: bool,
    /// Opened from a library, so `Esc` goes back to it.
    pub from_library: bool,
    /// The reader asked to go back to the library.
    pub back: bool,
    pub marks: Vec<Mark>,
    pub marks_selected: usize,
    pub prompt: Option<Prompt>,
    pub keymap: Keymap,
    pub middle: Middle,
    /// Derived from `session` by [`App::session_changed`], laid out by [`App::relayout`].
    pub summaries: Summaries,
    /// The summary sentence whose sources `n` / `N` step through.
    pub walk: Option<Walk>,
    pub warnings_scroll: usize,
    /// Earlier queries, oldest first, and which one ↑ recalled.
    pub history: Vec<String>,
    pub history_pos: Option<usize>,
    /// What the side panes' content needs (from the session's names).
    pub wants: Wants,
    /// The words view's counts and place (W).
    pub words: WordsView,
    /// The timeline's place (T).
    pub timeline: TimelineView,
    /// The session's coded passages.
    pub codes: Vec<Code>,
    /// Every code used in the store, for completion.
    pub codebook: Vec<String>,
    pub code_prompt: Option<CodePrompt>,
    pub codes_selected: usize,
    /// Only the passages with this code are shown.
    pub code_filter: Option<String>,
    /// `'` opens the codes rather than the marks (a code was added last).
    pub lists_codes: bool,
    /// The recording and its player.
    pub play: Play,
}

impl App {
    /// The marks and codes, as the store keeps them.
    pub fn kept(&self) -> Kept {
        Kept {
            marks: self.marks.clone(),
            codes: self.codes.clone(),
        }
    }

    pub fn new(session: Session, theme: Theme, area: Rect) -> Self {
        let mut app = App {
            figures: Figures::new(&session),
            total_quotes: 0,
            index: Arc::default(),
            theme,
            area,
            focus: Focus::Transcript,
            overlay: Overlay::None,
            selected: 0,
            filter: None,
            whole_session_stats: false,
            layout: TranscriptLayout::default(),
            spare_layout: None,
            top: 0,
            found: None,
            search: SearchPanel::default(),
            hits_in_order: Vec::new(),
            stats_scroll: 0,
            help_scroll: 0,
            message: None,
            quit: false,
            from_library: false,
            back: false,
            marks: Vec::new(),
            marks_selected: 0,
            prompt: None,
            keymap: Keymap::default(),
            middle: Middle::Transcript,
            summaries: Summaries::default(),
            walk: None,
            warnings_scroll: 0,
            history: Vec::new(),
            history_pos: None,
            wants: Wants::default(),
            words: WordsView::default(),
            timeline: TimelineView::default(),
            codes: Vec::new(),
            codebook: Vec::new(),
            code_prompt: None,
            codes_selected: 0,
            code_filter: None,
            lists_codes: false,
            play: Play::default(),
            session,
        };
        app.derive_from_figures();
        // A report of summaries only opens on them.
        if app.session.turns.is_empty() && !app.summaries.linked.is_empty() {
            app.middle = Middle::Summaries;
        }
        app
    }

    /// Rebuilds everything derived from the session — figures, quote count, search index,
    /// transcript layout — after it was loaded or changed (a rename or merge), keeping the
    /// reader's place. Hits kept from an earlier search take their speakers from the session
    /// now (a merge renumbers speakers); the next search sends the worker the new index.
    pub(super) fn session_changed(&mut self) {
        self.figures = Figures::new(&self.session);
        self.derive_from_figures();
    }

    /// [`App::session_changed`] once the figures are fresh (`new` has just computed them).
    fn derive_from_figures(&mut self) {
        let mut index = QuoteIndex::default();
        index.push_session_with_summaries(0, &self.session);
        self.total_quotes = index.len();
        self.index = Arc::new(index);
        let session = &self.session;
        for hit in self.search.hits.iter_mut().chain(&mut self.hits_in_order) {
            if hit.summary.is_none() {
                hit.speaker = who::speaker_of(session, hit.quote.turn).unwrap_or(0);
            }
        }
        self.wants = wants(&self.session);
        self.refresh_analysis();
        let (selected, top) = (self.summaries.selected, self.summaries.top);
        self.summaries = Summaries::new(&self.session);
        self.summaries.selected = selected;
        self.summaries.top = top;
        let speakers = self.session.speakers.len();
        self.selected = self.selected.min(speakers.saturating_sub(1));
        self.filter = self.filter.filter(|&s| s < speakers);
        let anchor = self.current_turn();
        self.layout = TranscriptLayout::default();
        self.spare_layout = None;
        self.relayout(anchor);
    }

    pub fn screen(&self) -> Screen {
        layout::screen(
            self.area,
            self.focus,
            self.overlay == Overlay::Search,
            self.wants,
        )
    }

    /// Lines of transcript on screen.
    pub fn viewport(&self) -> usize {
        self.screen()
            .transcript
            .map_or(1, |r| usize::from(layout::inner(r).height).max(1))
    }

    /// The shown turn at the top of the screen: the reader's position.
    pub fn current_pos(&self) -> Option<usize> {
        self.layout.pos_at_line(self.top)
    }

    /// The turn index at the reader's position.
    pub fn current_turn(&self) -> Option<usize> {
        self.current_pos().map(|p| self.layout.turns[p])
    }

    fn max_top(&self) -> usize {
        let last_start = self.layout.start(self.layout.turns.len().saturating_sub(1));
        self.layout
            .total_lines()
            .saturating_sub(self.viewport())
            .max(last_start)
    }

    pub(super) fn scroll_to(&mut self, line: usize) {
        self.top = line.min(self.max_top());
    }

    pub(super) fn scroll_by(&mut self, delta: isize) {
        self.scroll_to(self.top.saturating_add_signed(delta));
    }

    /// Re-measures the transcript when the pane's width or the filter changed. The reader keeps
    /// their place: `anchor` (when given) goes to the top, else the current turn stays at the
    /// top at the same fraction of its height.
    pub(super) fn relayout(&mut self, anchor: Option<usize>) {
        let width = self
            .screen()
            .transcript
            .map_or(self.layout.width.max(1), layout::text_width);
        if width != self.summaries.width {
            self.summaries.layout(width);
        }
        let view = self.viewport();
        self.summaries.clamp(view);
        let mut turns: Vec<usize> = match self.filter {
            Some(s) => who::turns_of(&self.session, s),
            None => (0..self.session.turns.len()).collect(),
        };
        if let Some(coded) = self.coded_turns() {
            turns.retain(|t| coded.contains(t));
        }
        // The same turns at the same width lay out the same: only the place changes.
        let unchanged = width == self.layout.width && turns == self.layout.turns;
        if anchor.is_none() && unchanged {
            self.scroll_to(self.top);
            return;
        }
        let place = match anchor {
            Some(turn) => Some((turn, 0.0)),
            None => self.current_pos().map(|pos| {
                let start = self.layout.start(pos);
                let height = self.layout.start(pos + 1) - start;
                let fraction = (self.top - start) as f64 / height.max(1) as f64;
                (self.layout.turns[pos], fraction)
            }),
        };
        if !unchanged {
            let spare = self
                .spare_layout
                .take()
                .filter(|l| l.width == width && l.turns == turns);
            let layout =
                spare.unwrap_or_else(|| TranscriptLayout::new(&self.session, turns, width));
            self.spare_layout = Some(std::mem::replace(&mut self.layout, layout));
        }
        self.top = 0;
        if let Some((turn, fraction)) = place {
            // The turn itself, or the first shown turn after it (a filter may hide it).
            let pos = self.layout.turns.partition_point(|&t| t < turn);
            let pos = pos.min(self.layout.turns.len().saturating_sub(1));
            let start = self.layout.start(pos);
            let height = self.layout.start(pos + 1) - start;
            let within = if self.layout.turns.get(pos) == Some(&turn) {
                (fraction * height as f64) as usize
            } else {
                0
            };
            self.scroll_to(start + within.min(height.saturating_sub(1)));
        }
    }

    pub(super) fn speaker_of(&self, turn: usize) -> Option<usize> {
        who::speaker_of(&self.session, turn)
    }

    /// Puts `turn` at the top, lifting the filter when it hides that turn.
    pub(super) fn jump_to_turn(&mut self, turn: usize) {
        if self.layout.pos_of_turn(turn).is_none() {
            self.filter = None;
            self.relayout(Some(turn));
            self.message = Some("Filter off: that turn is another speaker's".into());
        }
        if let Some(pos) = self.layout.pos_of_turn(turn) {
            self.scroll_to(self.layout.start(pos));
        }
    }

    /// Shows a sentence in context: its turn at the top, or, when the sentence sits below the
    /// screen, the sentence a third of the way down.
    pub(super) fn jump_to_quote(&mut self, quote: QuoteRef, matched: Vec<usize>) {
        self.jump_to_turn(quote.turn);
        if let (Some(pos), Some(span)) = (
            self.layout.pos_of_turn(quote.turn),
            self.session.turns[quote.turn].sentences.get(quote.sentence),
        ) {
            let start = self.layout.start(pos);
            let offset = line_in_turn(
                &self.session,
                quote.turn,
                span.paragraph,
                span.start,
                self.layout.width,
            );
            let view = self.viewport();
            if offset + 1 >= view {
                self.scroll_to(start + offset - view / 3);
            }
        }
        self.found = Some(Found { quote, matched });
    }

    /// Opens at a quote, highlighted (from a library search).
    pub fn show_quote(&mut self, quote: QuoteRef, matched: Vec<usize>) {
        self.jump_to_quote(quote, matched);
        if let Some(s) = self.speaker_of(quote.turn) {
            self.selected = s;
        }
    }

    /// Opens at a turn (from a person's turns in a library).
    pub fn show_turn(&mut self, turn: usize) {
        self.jump_to_turn(turn);
        if let Some(s) = self.speaker_of(turn) {
            self.selected = s;
        }
    }

    /// The next (`forward`) or previous shown turn after/before the current one that satisfies
    /// `want`.
    pub(super) fn find_turn(&self, forward: bool, want: impl Fn(usize) -> bool) -> Option<usize> {
        let pos = self.current_pos()?;
        let turns = &self.layout.turns;
        if forward {
            turns[pos + 1..].iter().copied().find(|&t| want(t))
        } else {
            turns[..pos].iter().rev().copied().find(|&t| want(t))
        }
    }

    pub(super) fn selected_name(&self) -> String {
        self.session
            .speakers
            .get(self.selected)
            .map_or_else(String::new, |s| s.name.clone())
    }

    pub(super) fn jump_to_speaker_turn(&mut self, forward: bool) {
        let who = self.selected;
        if who::turns_of(&self.session, who).is_empty() {
            self.message = Some(format!(
                "{} has no turns in the transcript",
                self.selected_name()
            ));
            return;
        }
        match self.find_turn(forward, |t| who::spoken_by(&self.session, t, who)) {
            Some(t) => self.jump_to_turn(t),
            None => {
                let which = if forward { "later" } else { "earlier" };
                self.message = Some(format!("No {which} turn by {}", self.selected_name()));
            }
        }
    }

    pub(super) fn jump_to_speaker_change(&mut self, forward: bool) {
        let Some(cur) = self.current_turn() else {
            return;
        };
        let same = |a: usize, b: usize| who::same_speaker(&self.session, a, b);
        let Some(mut target) = self.find_turn(forward, |t| !same(t, cur)) else {
            self.message = Some(if self.filter.is_some() {
                "Only one speaker is shown (f shows all)".into()
            } else {
                let which = if forward { "after" } else { "before" };
                format!("No change of speaker {which} this turn")
            });
            return;
        };
        if !forward {
            // Back to the start of that speaker's run of turns.
            let mut pos = self.layout.pos_of_turn(target).unwrap_or(0);
            while pos > 0 && same(self.layout.turns[pos - 1], target) {
                pos -= 1;
            }
            target = self.layout.turns[pos];
        }
        self.jump_to_turn(target);
    }

    pub(super) fn toggle_filter(&mut self) {
        if let Some(s) = self.filter.take() {
            let name = self.session.speakers[s].name.clone();
            self.relayout(None);
            self.message = Some(format!("Showing every speaker again (was {name} only)"));
            return;
        }
        if self.selected >= self.session.speakers.len() {
            return;
        }
        let count = who::turns_of(&self.session, self.selected).len();
        if count == 0 {
            self.message = Some(format!("{} has no turns to show", self.selected_name()));
            return;
        }
        self.filter = Some(self.selected);
        self.relayout(None);
        self.message = Some(format!(
            "Filter: {} only, {count} turns (f shows all)",
            self.selected_name()
        ));
    }

    pub(super) fn move_selection(&mut self, delta: isize) {
        let n = self.session.speakers.len();
        if n > 0 {
            self.selected = self.selected.saturating_add_signed(delta).min(n - 1);
        }
    }

    /// `G`: the end of the last turn at the bottom of the screen, as less does.
    pub(super) fn scroll_to_end(&mut self) {
        let end = self.layout.total_lines().saturating_sub(self.viewport());
        self.scroll_to(end);
    }

    pub(super) fn cycle_focus(&mut self, forward: bool) {
        const ORDER: [Focus; 3] = [Focus::Speakers, Focus::Transcript, Focus::Stats];
        let i = ORDER.iter().position(|&f| f == self.focus).unwrap_or(1);
        let next = if forward { i + 1 } else { i + ORDER.len() - 1 };
        self.focus = ORDER[next % ORDER.len()];
        // Narrow screens show the statistics in the transcript's place while they have focus.
        self.relayout(None);
    }
}

/// The side panes' widths (borders included) that show every speaker's name with its marks
/// and every organisation line whole.
fn wants(session: &Session) -> Wants {
    use unicode_width::UnicodeWidthStr;
    let name = |s: &podium::session::Speaker| s.name.width();
    let longest = session.speakers.iter().map(name).max().unwrap_or(0);
    // `▸■ 4 ` + name + ` ◂`, in a border.
    let list = longest + 5 + 2 + 2;
    let about = session
        .speakers
        .iter()
        .map(|s| {
            [&s.party, &s.organisation, &s.stakeholder_group, &s.region]
                .into_iter()
                .filter_map(|f| f.as_deref())
                .map(UnicodeWidthStr::width)
                .fold(0, |sum, w| if sum == 0 { w } else { sum + 3 + w })
        })
        .max()
        .unwrap_or(0);
    let stats = about.max(longest + 2).max(29) + 2;
    let cap = |w: usize, most: u16| u16::try_from(w).unwrap_or(most).min(most);
    Wants {
        list: cap(list, 40),
        stats: cap(stats, 50),
    }
}
