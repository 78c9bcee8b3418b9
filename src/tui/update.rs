//! `App::update`, the one place the browser's state changes, split by where the action
//! lands: an open overlay (help, marks), the rename prompt, the search panel, or the panes.
//! Mouse events are hit-tested through the widgets that drew the rows.

use super::action::{Action, Effect};
use super::app::{App, Middle, Overlay, Prompt};
use super::layout::{self, Focus};
use super::widgets::{help, hit_list, list, scrolled};

impl App {
    /// Applies one action. Returns work for the event loop to do, if any.
    pub fn update(&mut self, action: Action) -> Option<Effect> {
        if !matches!(
            action,
            Action::SearchResults { .. }
                | Action::Resize { .. }
                | Action::MarksKept(_)
                | Action::Player(_)
        ) {
            self.message = None;
        }
        if let Some(effect) = self.search.edit(&action) {
            self.history_pos = None;
            return effect;
        }
        match action {
            Action::Quit => self.quit = true,
            // The event loop suspends; it never hands this on.
            Action::Suspend => {}
            Action::Notify(text) => self.message = Some(text),
            Action::MarksKept(kept) => {
                self.marks = kept.marks;
                self.codes = kept.codes;
                self.marks_selected = self.marks_selected.min(self.marks.len().saturating_sub(1));
                let codes = self.code_counts().len();
                self.codes_selected = self.codes_selected.min(codes.saturating_sub(1));
                self.codes_changed();
            }
            Action::Player(event) => self.on_player(event),
            Action::Resize { width, height } => {
                self.area = ratatui::layout::Rect::new(0, 0, width, height);
                self.relayout(None);
            }
            Action::Wheel { column, row, down } => self.wheel(column, row, down),
            Action::Click { column, row } => self.click(column, row),
            Action::SearchResults {
                generation,
                hits,
                total,
                done,
            } => self.take_results(generation, hits, total, done),
            action => match self.overlay {
                Overlay::None
                    if self.focus == Focus::Transcript
                        && self.middle == Middle::Summaries
                        && self.prompt.is_none()
                        && self.code_prompt.is_none() =>
                {
                    if !self.update_summaries(&action) {
                        return self.update_panes(action);
                    }
                }
                Overlay::None
                    if self.focus == Focus::Transcript
                        && matches!(self.middle, Middle::Words | Middle::Timeline)
                        && self.prompt.is_none()
                        && self.code_prompt.is_none() =>
                {
                    if !self.update_analysis(&action) {
                        return self.update_panes(action);
                    }
                }
                Overlay::Help => self.update_help(action),
                Overlay::Marks => return self.update_marks(action),
                Overlay::Codes => return self.update_codes(action),
                Overlay::Warnings => self.update_warnings(action),
                _ if self.prompt.is_some() => return self.update_prompt(action),
                _ if self.code_prompt.is_some() => return self.update_code_prompt(action),
                Overlay::Search => return self.update_search(action),
                Overlay::None => return self.update_panes(action),
            },
        }
        None
    }

    fn update_help(&mut self, action: Action) {
        let lines = help::Help::session(self).lines().len();
        let max = scrolled::max_scroll(self.area, help::WIDTH, lines);
        self.help_scroll = scroll(self.help_scroll, &action, max, self.area.height);
        if action == Action::ToggleHelp {
            self.overlay = Overlay::None;
        }
    }

    fn update_warnings(&mut self, action: Action) {
        let lines = self.session.warnings.len().max(1);
        let max = scrolled::max_scroll(self.area, scrolled::WARNINGS_WIDTH, lines);
        self.warnings_scroll = scroll(self.warnings_scroll, &action, max, self.area.height);
        if action == Action::OpenWarnings {
            self.overlay = Overlay::None;
        }
    }

    /// The summaries view's own keys; `false` for keys it leaves to the panes.
    fn update_summaries(&mut self, action: &Action) -> bool {
        let view = self.summary_view();
        let page = view.saturating_sub(1).max(1) as isize;
        let s = &mut self.summaries;
        match action {
            Action::Down => s.select(s.selected + 1, view),
            Action::Up => s.select(s.selected.saturating_sub(1), view),
            Action::Top => s.select(0, view),
            Action::Bottom => s.select(usize::MAX, view),
            Action::PageDown => s.scroll_by(page, view),
            Action::PageUp => s.scroll_by(-page, view),
            Action::HalfPageDown => s.scroll_by((page + 1) / 2, view),
            Action::HalfPageUp => s.scroll_by(-(page + 1) / 2, view),
            Action::Open => self.go_to_source(),
            _ => return false,
        }
        true
    }

    fn update_marks(&mut self, action: Action) -> Option<Effect> {
        match action {
            Action::Down | Action::Up => {
                let step: isize = if action == Action::Down { 1 } else { -1 };
                let n = self.marks.len();
                if n > 0 {
                    self.marks_selected =
                        self.marks_selected.saturating_add_signed(step).min(n - 1);
                }
            }
            Action::Open => self.go_to_mark(),
            Action::OpenMarks => self.overlay = Overlay::None,
            Action::SwitchList => self.overlay = Overlay::Codes,
            Action::CopyQuote | Action::CopyTurn => return self.copy(false),
            Action::Export => return self.export(),
            Action::DeleteMark if self.marks_selected < self.marks.len() => {
                self.marks.remove(self.marks_selected);
                self.marks_selected = self.marks_selected.min(self.marks.len().saturating_sub(1));
                self.message = Some("Mark removed".into());
                return Some(Effect::SaveMarks(self.kept()));
            }
            _ => {}
        }
        None
    }

    fn update_prompt(&mut self, action: Action) -> Option<Effect> {
        let prompt = self.prompt.as_mut()?;
        match action {
            Action::PromptInput(c) => prompt.input.push(c),
            Action::PromptBackspace => {
                prompt.input.pop();
            }
            Action::PromptClear => prompt.input.clear(),
            Action::PromptCancel => self.prompt = None,
            Action::PromptAccept => return self.accept_rename(),
            _ => {}
        }
        None
    }

    fn update_search(&mut self, action: Action) -> Option<Effect> {
        match action {
            Action::SearchNext => self.move_hit(1),
            Action::SearchPrev => return self.previous_hit_or_query(),
            Action::SearchAccept => return self.accept_hit(),
            Action::SearchCancel => self.close_search(true),
            _ => {}
        }
        None
    }

    /// No overlay: the keys of the focused pane and the global ones.
    fn update_panes(&mut self, action: Action) -> Option<Effect> {
        let page = self.viewport().saturating_sub(1).max(1) as isize;
        match action {
            Action::ToggleHelp => {
                self.help_scroll = 0;
                self.overlay = Overlay::Help;
            }
            Action::FocusNext => self.cycle_focus(true),
            Action::FocusPrev => self.cycle_focus(false),
            Action::Down | Action::Up => {
                let step: isize = if action == Action::Down { 1 } else { -1 };
                match self.focus {
                    Focus::Transcript => self.scroll_by(step),
                    Focus::Speakers => self.move_selection(step),
                    Focus::Stats => {
                        self.stats_scroll = self.stats_scroll.saturating_add_signed(step);
                    }
                }
            }
            Action::Top | Action::Bottom => {
                let top = action == Action::Top;
                match self.focus {
                    Focus::Transcript if top => self.scroll_to(0),
                    Focus::Transcript => self.scroll_to_end(),
                    Focus::Speakers => {
                        let last = self.session.speakers.len().saturating_sub(1);
                        self.selected = if top { 0 } else { last };
                    }
                    Focus::Stats => self.stats_scroll = 0,
                }
            }
            Action::PageDown => self.scroll_by(page),
            Action::PageUp => self.scroll_by(-page),
            Action::HalfPageDown => self.scroll_by((page + 1) / 2),
            Action::HalfPageUp => self.scroll_by(-(page + 1) / 2),
            Action::OpenSearch => self.open_search(),
            Action::NextHit if !self.step_source(true) => self.next_hit(true),
            Action::PrevHit if !self.step_source(false) => self.next_hit(false),
            Action::ToggleSummaries => self.toggle_summaries(),
            Action::ToggleWords => self.toggle_words(),
            Action::ToggleTimeline => self.toggle_timeline(),
            Action::OpenWarnings => {
                self.warnings_scroll = 0;
                self.overlay = Overlay::Warnings;
            }
            Action::NextTurnOfSpeaker | Action::JumpToSpeaker => self.jump_to_speaker_turn(true),
            Action::PrevTurnOfSpeaker => self.jump_to_speaker_turn(false),
            Action::NextSpeakerChange => self.jump_to_speaker_change(true),
            Action::PrevSpeakerChange => self.jump_to_speaker_change(false),
            Action::SelectSpeaker(i) if i < self.session.speakers.len() => self.selected = i,
            Action::SelectSpeaker(i) => {
                self.message = Some(format!("There is no speaker {}", i + 1));
            }
            Action::ToggleFilter => self.toggle_filter(),
            Action::ToggleStatsScope => self.whole_session_stats = !self.whole_session_stats,
            Action::Back if self.code_filter.is_some() => self.clear_code_filter(),
            Action::Back => self.back = self.from_library,
            Action::CopyQuote => return self.copy(false),
            Action::CopyTurn => return self.copy(true),
            Action::ToggleMark => return self.toggle_mark(),
            Action::OpenMarks => {
                self.marks_selected = self.marks_selected.min(self.marks.len().saturating_sub(1));
                let codes = self.code_counts().len();
                self.codes_selected = self.codes_selected.min(codes.saturating_sub(1));
                self.overlay = if self.lists_codes {
                    Overlay::Codes
                } else {
                    Overlay::Marks
                };
            }
            Action::CodePassage => self.code_passage(),
            Action::Play => return self.play_here(),
            Action::ToggleFollow => self.toggle_follow(),
            Action::Export => return self.export(),
            Action::RenameSpeaker => {
                if let Some(sp) = self.session.speakers.get(self.selected) {
                    self.prompt = Some(Prompt {
                        speaker: sp.name.clone(),
                        input: String::new(),
                    });
                }
            }
            _ => {}
        }
        None
    }

    fn wheel(&mut self, column: u16, row: u16, down: bool) {
        let s = self.screen();
        let step: isize = if down { 1 } else { -1 };
        let area = Some(self.area);
        if self.overlay == Overlay::Help && layout::contains(area, column, row) {
            self.update_help(if down { Action::Down } else { Action::Up });
        } else if self.overlay == Overlay::Warnings && layout::contains(area, column, row) {
            self.update_warnings(if down { Action::Down } else { Action::Up });
        } else if self.overlay == Overlay::Search && layout::contains(s.search, column, row) {
            self.move_hit(step);
        } else if layout::contains(s.speakers, column, row)
            || layout::contains(s.speaker_bar, column, row)
        {
            self.move_selection(step);
        } else if layout::contains(s.stats, column, row) {
            self.stats_scroll = self.stats_scroll.saturating_add_signed(step * 3);
        } else if layout::contains(s.transcript, column, row) {
            if self.middle == Middle::Summaries {
                let view = self.summary_view();
                self.summaries.scroll_by(step * 3, view);
            } else if self.middle == Middle::Words {
                self.wheel_words(down);
            } else {
                self.scroll_by(step * 3);
            }
        }
    }

    fn click(&mut self, column: u16, row: u16) {
        let s = self.screen();
        if self.overlay == Overlay::Search {
            if let Some(i) = s
                .search
                .and_then(|r| hit_list::hit_at(r, &self.search, column, row))
            {
                self.search.selected = i;
                // The query is kept with the next Enter's; a click only goes.
                let _ = self.accept_hit();
            }
            return;
        }
        let n = self.session.speakers.len();
        if let Some(i) = s
            .speakers
            .and_then(|r| list::speaker_list(r, self.selected, n).item_at(column, row))
        {
            self.selected = i;
            self.focus = Focus::Speakers;
        } else if layout::contains(s.transcript, column, row)
            && matches!(self.middle, Middle::Words | Middle::Timeline)
        {
            self.focus = Focus::Transcript;
            if self.middle == Middle::Words {
                self.click_words(column, row);
            } else {
                self.click_timeline(column, row);
            }
        } else if let Some(r) = s
            .transcript
            .filter(|&r| layout::contains(Some(r), column, row))
            .filter(|_| self.middle == Middle::Summaries)
        {
            let inner = layout::inner(r);
            self.focus = Focus::Transcript;
            if let Some(i) = self
                .summaries
                .sentence_at(usize::from(row.saturating_sub(inner.y)))
            {
                let view = self.summary_view();
                self.summaries.select(i, view);
            }
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
}

/// A scroll position after a scrolling action, within `0..=max`; pages are the terminal's
/// height less the frame.
fn scroll(at: usize, action: &Action, max: usize, height: u16) -> usize {
    let page = usize::from(height.saturating_sub(4)).max(1);
    let to = match action {
        Action::Down => at.saturating_add(1),
        Action::Up => at.saturating_sub(1),
        Action::PageDown | Action::HalfPageDown => at.saturating_add(page),
        Action::PageUp | Action::HalfPageUp => at.saturating_sub(page),
        Action::Top => 0,
        Action::Bottom => max,
        _ => at,
    };
    to.min(max)
}
