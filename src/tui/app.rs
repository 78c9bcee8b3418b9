//! The browser's state and `update`, the one place it changes. Nothing here draws.

use podium::marks::Mark;
use podium::search::Hit;
use podium::session::{QuoteRef, Session};
use podium::stats::Figures;
use ratatui::layout::Rect;

use super::action::{Action, Effect};
use super::layout::{self, Focus, Screen};
use super::panes;
use super::search_state::SearchState;
use super::theme::Theme;
use super::transcript_layout::{TranscriptLayout, line_in_turn};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overlay {
    None,
    Help,
    Search,
    Marks,
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

/// Where the reader was, to go back to when a search is closed without a choice.
#[derive(Debug, Clone)]
struct Saved {
    top: usize,
    turn: Option<usize>,
    filter: Option<usize>,
    found: Option<Found>,
}

#[derive(Debug, Clone, Default)]
pub struct SearchPanel {
    pub state: SearchState,
    saved: Option<Saved>,
}

impl std::ops::Deref for SearchPanel {
    type Target = SearchState;
    fn deref(&self) -> &SearchState {
        &self.state
    }
}

impl std::ops::DerefMut for SearchPanel {
    fn deref_mut(&mut self) -> &mut SearchState {
        &mut self.state
    }
}

pub struct App {
    pub session: Session,
    pub figures: Figures,
    pub total_quotes: usize,
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
}

impl App {
    pub fn new(session: Session, theme: Theme, area: Rect) -> Self {
        let figures = Figures::new(&session);
        let total_quotes = session.turns.iter().map(|t| t.sentences.len()).sum();
        let mut app = App {
            figures,
            total_quotes,
            theme,
            area,
            focus: Focus::Transcript,
            overlay: Overlay::None,
            selected: 0,
            filter: None,
            whole_session_stats: false,
            layout: TranscriptLayout::default(),
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
            session,
        };
        app.relayout(None);
        app
    }

    pub fn screen(&self) -> Screen {
        layout::screen(self.area, self.focus, self.overlay == Overlay::Search)
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

    fn scroll_to(&mut self, line: usize) {
        self.top = line.min(self.max_top());
    }

    fn scroll_by(&mut self, delta: isize) {
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
        let turns: Vec<usize> = (0..self.session.turns.len())
            .filter(|&t| {
                self.filter
                    .is_none_or(|s| self.session.turns[t].speaker.get() == s)
            })
            .collect();
        if anchor.is_none() && width == self.layout.width && turns == self.layout.turns {
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
        self.layout = TranscriptLayout::new(&self.session, turns, width);
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

    fn speaker_of(&self, turn: usize) -> Option<usize> {
        self.session.turns.get(turn).map(|t| t.speaker.get())
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
    fn find_turn(&self, forward: bool, want: impl Fn(usize) -> bool) -> Option<usize> {
        let pos = self.current_pos()?;
        let turns = &self.layout.turns;
        if forward {
            turns[pos + 1..].iter().copied().find(|&t| want(t))
        } else {
            turns[..pos].iter().rev().copied().find(|&t| want(t))
        }
    }

    fn selected_name(&self) -> String {
        self.session
            .speakers
            .get(self.selected)
            .map_or_else(String::new, |s| s.name.clone())
    }

    fn selected_id(&self) -> Option<String> {
        self.session
            .speakers
            .get(self.selected)
            .map(|s| s.id.clone())
    }

    fn jump_to_speaker_turn(&mut self, forward: bool) {
        let Some(id) = self.selected_id() else {
            return;
        };
        let wanted = |t: usize| self.session.speaker_of(&self.session.turns[t]).id == id;
        if !(0..self.session.turns.len()).any(wanted) {
            self.message = Some(format!(
                "{} has no turns in the transcript",
                self.selected_name()
            ));
            return;
        }
        match self.find_turn(forward, wanted) {
            Some(t) => self.jump_to_turn(t),
            None => {
                let which = if forward { "later" } else { "earlier" };
                self.message = Some(format!("No {which} turn by {}", self.selected_name()));
            }
        }
    }

    fn jump_to_speaker_change(&mut self, forward: bool) {
        let Some(cur) = self.current_turn() else {
            return;
        };
        let speaker = |t: usize| self.session.turns[t].speaker;
        let here = speaker(cur);
        let Some(mut target) = self.find_turn(forward, |t| speaker(t) != here) else {
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
            let who = speaker(target);
            let mut pos = self.layout.pos_of_turn(target).unwrap_or(0);
            while pos > 0 && speaker(self.layout.turns[pos - 1]) == who {
                pos -= 1;
            }
            target = self.layout.turns[pos];
        }
        self.jump_to_turn(target);
    }

    fn toggle_filter(&mut self) {
        if let Some(s) = self.filter.take() {
            let name = self.session.speakers[s].name.clone();
            self.relayout(None);
            self.message = Some(format!("Showing every speaker again (was {name} only)"));
            return;
        }
        let Some(id) = self.selected_id() else {
            return;
        };
        let count = self
            .session
            .turns
            .iter()
            .filter(|t| self.session.speaker_of(t).id == id)
            .count();
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

    fn move_selection(&mut self, delta: isize) {
        let n = self.session.speakers.len();
        if n > 0 {
            self.selected = self.selected.saturating_add_signed(delta).min(n - 1);
        }
    }

    fn open_search(&mut self) {
        self.search = SearchPanel {
            state: SearchState {
                generation: self.search.generation + 1,
                ..SearchState::default()
            },
            saved: Some(Saved {
                top: self.top,
                turn: self.current_turn(),
                filter: self.filter,
                found: self.found.clone(),
            }),
        };
        self.overlay = Overlay::Search;
        self.relayout(None);
    }

    fn close_search(&mut self, restore: bool) {
        let saved = self.search.saved.take();
        self.overlay = Overlay::None;
        if restore {
            if let Some(saved) = saved {
                self.filter = saved.filter;
                self.found = saved.found;
                self.relayout(saved.turn);
                self.scroll_to(saved.top);
            }
        } else {
            self.relayout(None);
        }
    }

    /// The matched letters of a hit's quote under the current query.
    fn lit(&self, hit: &Hit) -> Vec<usize> {
        if !hit.matched.is_empty() {
            return hit.matched.clone();
        }
        let quote = self.session.turns[hit.quote.turn]
            .sentence(hit.quote.sentence)
            .unwrap_or_default();
        self.search.lit(quote)
    }

    /// Shows the selected hit in the transcript behind the panel.
    fn preview_hit(&mut self) {
        if let Some(hit) = self.search.hits.get(self.search.selected).cloned() {
            let lit = self.lit(&hit);
            self.jump_to_quote(hit.quote, lit);
        }
    }

    fn move_hit(&mut self, delta: isize) {
        self.search.move_by(delta);
        self.preview_hit();
    }

    fn accept_hit(&mut self) {
        let Some(hit) = self.search.hits.get(self.search.selected).cloned() else {
            self.close_search(true);
            self.message = Some("No hit to go to".into());
            return;
        };
        let mut in_order = self.search.hits.clone();
        in_order.sort_by_key(|h| h.quote);
        let n = in_order.len();
        let rank = in_order
            .iter()
            .position(|h| h.quote == hit.quote)
            .unwrap_or(0);
        self.hits_in_order = in_order;
        self.close_search(false);
        let lit = self.lit(&hit);
        self.jump_to_quote(hit.quote, lit);
        self.selected = hit
            .speaker
            .min(self.session.speakers.len().saturating_sub(1));
        self.message = Some(format!(
            "Hit {}/{n} in transcript order (n / N for the others)",
            rank + 1
        ));
    }

    fn next_hit(&mut self, forward: bool) {
        if self.hits_in_order.is_empty() {
            self.message = Some("No search yet: press / to search quotes".into());
            return;
        }
        let anchor = self.found.as_ref().map(|f| f.quote).unwrap_or(QuoteRef {
            turn: self.current_turn().unwrap_or(0),
            sentence: 0,
        });
        let n = self.hits_in_order.len();
        let next = if forward {
            let i = self.hits_in_order.partition_point(|h| h.quote <= anchor);
            if i == n { 0 } else { i }
        } else {
            let i = self.hits_in_order.partition_point(|h| h.quote < anchor);
            if i == 0 { n - 1 } else { i - 1 }
        };
        let hit = self.hits_in_order[next].clone();
        let lit = self.lit(&hit);
        self.jump_to_quote(hit.quote, lit);
        self.message = Some(format!("Hit {}/{n}", next + 1));
    }

    fn cycle_focus(&mut self, forward: bool) {
        const ORDER: [Focus; 3] = [Focus::Speakers, Focus::Transcript, Focus::Stats];
        let i = ORDER.iter().position(|&f| f == self.focus).unwrap_or(1);
        let next = if forward { i + 1 } else { i + ORDER.len() - 1 };
        self.focus = ORDER[next % ORDER.len()];
        // Narrow screens show the statistics in the transcript's place while they have focus.
        self.relayout(None);
    }

    fn wheel(&mut self, column: u16, row: u16, down: bool) {
        let s = self.screen();
        let step: isize = if down { 1 } else { -1 };
        if self.overlay == Overlay::Search && layout::contains(s.search, column, row) {
            self.move_hit(step);
        } else if layout::contains(s.speakers, column, row)
            || layout::contains(s.speaker_bar, column, row)
        {
            self.move_selection(step);
        } else if layout::contains(s.stats, column, row) {
            self.stats_scroll = self.stats_scroll.saturating_add_signed(step * 3);
        } else if layout::contains(s.transcript, column, row) {
            self.scroll_by(step * 3);
        }
    }

    fn click(&mut self, column: u16, row: u16) {
        let s = self.screen();
        if self.overlay == Overlay::Search {
            let panel = s.search.filter(|&r| layout::contains(Some(r), column, row));
            if let Some(i) = panel.and_then(|r| panes::search::hit_at(self, r, row)) {
                self.search.selected = i;
                self.accept_hit();
            }
            return;
        }
        let speakers = s
            .speakers
            .filter(|&r| layout::contains(Some(r), column, row));
        if let Some(i) = speakers.and_then(|r| panes::speakers::speaker_at(self, r, row)) {
            self.selected = i;
            self.focus = Focus::Speakers;
        } else if let Some(r) = s
            .transcript
            .filter(|&r| layout::contains(Some(r), column, row))
        {
            let inner = layout::inner(r);
            let line = self.top + usize::from(row.saturating_sub(inner.y));
            if let Some(pos) = self.layout.pos_at_line(line) {
                let turn = self.layout.turns[pos];
                self.focus = Focus::Transcript;
                if let Some(sp) = self.speaker_of(turn) {
                    self.selected = sp;
                }
                self.jump_to_turn(turn);
            }
        } else if layout::contains(s.stats, column, row) {
            self.focus = Focus::Stats;
        }
    }

    /// Applies one action. Returns work for the event loop to do, if any.
    pub fn update(&mut self, action: Action) -> Option<Effect> {
        if !matches!(action, Action::SearchResults { .. } | Action::Resize { .. }) {
            self.message = None;
        }
        let page = self.viewport().saturating_sub(1).max(1) as isize;
        if let Some(effect) = self.search.edit(&action) {
            return effect;
        }
        match action {
            Action::Quit => self.quit = true,
            Action::ToggleHelp => {
                self.overlay = if self.overlay == Overlay::Help {
                    Overlay::None
                } else {
                    self.help_scroll = 0;
                    Overlay::Help
                };
            }
            Action::FocusNext => self.cycle_focus(true),
            Action::FocusPrev => self.cycle_focus(false),
            Action::Down | Action::Up => {
                let step: isize = if action == Action::Down { 1 } else { -1 };
                match (self.overlay, self.focus) {
                    (Overlay::Help, _) => {
                        self.help_scroll = self.help_scroll.saturating_add_signed(step);
                    }
                    (Overlay::Marks, _) => {
                        let n = self.marks.len();
                        if n > 0 {
                            self.marks_selected =
                                self.marks_selected.saturating_add_signed(step).min(n - 1);
                        }
                    }
                    (_, Focus::Transcript) => self.scroll_by(step),
                    (_, Focus::Speakers) => self.move_selection(step),
                    (_, Focus::Stats) => {
                        self.stats_scroll = self.stats_scroll.saturating_add_signed(step);
                    }
                }
            }
            Action::Top | Action::Bottom => {
                let top = action == Action::Top;
                match self.focus {
                    Focus::Transcript => self.scroll_to(if top { 0 } else { usize::MAX }),
                    Focus::Speakers => {
                        self.selected = if top {
                            0
                        } else {
                            self.session.speakers.len().saturating_sub(1)
                        };
                    }
                    Focus::Stats => self.stats_scroll = 0,
                }
            }
            Action::PageDown => self.scroll_by(page),
            Action::PageUp => self.scroll_by(-page),
            Action::HalfPageDown => self.scroll_by((page + 1) / 2),
            Action::HalfPageUp => self.scroll_by(-(page + 1) / 2),
            Action::OpenSearch => self.open_search(),
            Action::NextHit => self.next_hit(true),
            Action::PrevHit => self.next_hit(false),
            Action::NextTurnOfSpeaker | Action::JumpToSpeaker => self.jump_to_speaker_turn(true),
            Action::PrevTurnOfSpeaker => self.jump_to_speaker_turn(false),
            Action::NextSpeakerChange => self.jump_to_speaker_change(true),
            Action::PrevSpeakerChange => self.jump_to_speaker_change(false),
            Action::SelectSpeaker(i) => {
                if i < self.session.speakers.len() {
                    self.selected = i;
                } else {
                    self.message = Some(format!("There is no speaker {}", i + 1));
                }
            }
            Action::ToggleFilter => self.toggle_filter(),
            Action::ToggleStatsScope => self.whole_session_stats = !self.whole_session_stats,
            Action::Back => {
                if self.from_library {
                    self.back = true;
                }
            }
            Action::Open => self.go_to_mark(),
            Action::CycleSort | Action::TogglePeople => {}
            Action::CopyQuote => return self.copy(false),
            Action::CopyTurn => return self.copy(true),
            Action::ToggleMark => return self.toggle_mark(),
            Action::OpenMarks => {
                self.overlay = if self.overlay == Overlay::Marks {
                    Overlay::None
                } else {
                    self.marks_selected =
                        self.marks_selected.min(self.marks.len().saturating_sub(1));
                    Overlay::Marks
                };
            }
            Action::DeleteMark => {
                if self.marks_selected < self.marks.len() {
                    self.marks.remove(self.marks_selected);
                    self.marks_selected =
                        self.marks_selected.min(self.marks.len().saturating_sub(1));
                    self.message = Some("Mark removed".into());
                    return Some(Effect::SaveMarks(self.marks.clone()));
                }
            }
            Action::Export => return self.export(),
            Action::RenameSpeaker => {
                if let Some(sp) = self.session.speakers.get(self.selected) {
                    self.prompt = Some(Prompt {
                        speaker: sp.name.clone(),
                        input: String::new(),
                    });
                }
            }
            Action::PromptInput(c) => {
                if let Some(p) = &mut self.prompt {
                    p.input.push(c);
                }
            }
            Action::PromptBackspace => {
                if let Some(p) = &mut self.prompt {
                    p.input.pop();
                }
            }
            Action::PromptCancel => self.prompt = None,
            Action::PromptAccept => return self.accept_rename(),
            Action::Notify(text) => self.message = Some(text),
            Action::MarksKept(marks) => {
                self.marks = marks;
                self.marks_selected = self.marks_selected.min(self.marks.len().saturating_sub(1));
            }
            // Query edits were applied by `SearchState::edit` above.
            Action::SearchInput(_) | Action::SearchBackspace | Action::SearchClear => {}
            Action::SearchNext => self.move_hit(1),
            Action::SearchPrev => self.move_hit(-1),
            Action::SearchAccept => self.accept_hit(),
            Action::SearchCancel => self.close_search(true),
            Action::SearchResults {
                generation,
                hits,
                total,
                done,
            } => {
                let first = self.search.hits.first().map(|h| h.quote);
                let new_first = hits.first().map(|h| h.quote);
                if self.overlay == Overlay::Search
                    && self.search.take(generation, hits, total, done)
                    && first != new_first
                    && self.search.selected == 0
                {
                    self.preview_hit();
                }
            }
            Action::Resize { width, height } => {
                self.area = Rect::new(0, 0, width, height);
                self.relayout(None);
            }
            Action::Wheel { column, row, down } => self.wheel(column, row, down),
            Action::Click { column, row } => self.click(column, row),
        }
        None
    }
}
