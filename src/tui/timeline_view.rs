//! The timeline (T) in the middle pane: one row per speaker across the session, the reading
//! position marked. `←`/`→` move the mark a column, and the reading position with it, so the
//! statistics' "so far" and the speaker list's floor mark follow; `Enter` (or a click) goes to
//! the turn there, `Esc` back to where you were. The columns are the core's
//! ([`podium::analysis::timeline`]); this keeps the mark and answers where the rows are, for
//! drawing and for clicks alike.

use podium::analysis::timeline::Timeline;
use ratatui::layout::Rect;
use unicode_width::UnicodeWidthStr;

use super::action::Action;
use super::app::{App, Middle};
use super::layout;
use super::widgets::list_offset;

#[derive(Debug, Clone, Default)]
pub struct TimelineView {
    /// Every turn's place, made when the timeline first opens (and again after a rename).
    pub line: Option<Timeline>,
    /// The column the mark was moved to; it holds while the reading position is that
    /// column's turn (another key that moves the reader moves the mark to their turn).
    pub cursor: Option<usize>,
    /// Where the reader was when the timeline opened: the turn, and lines into it.
    pub origin: Option<(usize, usize)>,
}

/// Where the timeline's parts go in the pane's inner area.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Geometry {
    /// The names, one a row.
    pub labels: Rect,
    /// The columns, one row per speaker shown.
    pub bars: Rect,
    /// The line under the rows that names the marked turn (none on the smallest screens).
    pub mark: Option<Rect>,
    /// The axis: where it starts and ends.
    pub axis: Option<Rect>,
    /// The first speaker shown (rows scroll to keep the selected one in sight).
    pub first: usize,
    /// Lines from one speaker's row to the next: 2 (a blank line between) when there is room.
    pub pitch: u16,
}

impl Geometry {
    /// The speaker whose row (or the blank line under it) is on screen row `row`.
    pub fn speaker_at(&self, row: u16) -> Option<usize> {
        let y = row.checked_sub(self.bars.y)?;
        (y < self.bars.height).then(|| self.first + usize::from(y / self.pitch.max(1)))
    }
}

/// The timeline's parts in `inner` for the session's speakers, `selected` kept in sight.
pub fn geometry(inner: Rect, names: &[&str], selected: usize) -> Geometry {
    let longest = names.iter().map(|n| n.width()).max().unwrap_or(0);
    // `■ ` and the name, within a quarter of the width (at least 8 columns).
    let label = u16::try_from(longest + 2)
        .unwrap_or(u16::MAX)
        .min((inner.width / 4).max(8))
        .min(inner.width.saturating_sub(1));
    let extra = if inner.height >= 4 { 2 } else { 0 };
    let speakers = u16::try_from(names.len()).unwrap_or(u16::MAX);
    let room = inner.height - extra;
    let pitch = if speakers > 0 && speakers.saturating_mul(2) - 1 <= room {
        2
    } else {
        1
    };
    // The mark and the axis right under the last row.
    let rows = room.min(speakers.saturating_mul(pitch).saturating_sub(pitch - 1));
    let first = list_offset(selected, usize::from(rows.div_ceil(pitch)));
    let line = |y: u16| Rect {
        y,
        height: 1,
        ..inner
    };
    let bars_x = inner.x + label + 1;
    Geometry {
        labels: Rect {
            width: label,
            height: rows,
            ..inner
        },
        bars: Rect {
            x: bars_x,
            width: (inner.x + inner.width).saturating_sub(bars_x),
            height: rows,
            ..inner
        },
        mark: (extra > 0).then(|| line(inner.y + rows)),
        axis: (extra > 0).then(|| line(inner.y + rows + 1)),
        first,
        pitch,
    }
}

impl TimelineView {
    /// The marked column at `width` columns: the mark moved there while its turn is the one
    /// read, else where the turn read starts.
    pub fn mark(&self, current: Option<usize>, width: usize) -> Option<usize> {
        let line = self.line.as_ref()?;
        let turn = current?;
        if let Some(c) = self.cursor
            && c < width
            && line.turn_at(c, width) == Some(turn)
        {
            return Some(c);
        }
        line.column_of_turn(turn, width)
    }
}

impl App {
    fn timeline_geometry(&self) -> Geometry {
        let inner = self
            .screen()
            .transcript
            .map(layout::inner)
            .unwrap_or_default();
        let names: Vec<&str> = self
            .session
            .speakers
            .iter()
            .map(|s| s.name.as_str())
            .collect();
        geometry(inner, &names, self.selected)
    }

    /// `T`: the timeline at the reading position; again, back to where you were.
    pub(super) fn toggle_timeline(&mut self) {
        if self.middle == Middle::Timeline {
            self.back_from_timeline();
            return;
        }
        if self.timeline.line.is_none() {
            self.timeline.line = Some(Timeline::new(&self.session, &self.figures));
        }
        self.timeline.cursor = None;
        self.timeline.origin = self.current_pos().map(|pos| {
            let start = self.layout.start(pos);
            (self.layout.turns[pos], self.top - start)
        });
        self.middle = Middle::Timeline;
        self.focus_middle();
        if self.timeline.line.as_ref().is_some_and(Timeline::is_empty) {
            self.message = Some("Nothing to show: no turn has words or times (T goes back)".into());
        }
    }

    /// `Esc`: the transcript where it was when the timeline opened.
    fn back_from_timeline(&mut self) {
        self.middle = super::app::Middle::Transcript;
        if let Some((turn, lines)) = self.timeline.origin.take() {
            self.jump_to_turn(turn);
            self.scroll_by(lines as isize);
        }
    }

    pub(super) fn update_timeline(&mut self, action: &Action) -> bool {
        let width = usize::from(self.timeline_geometry().bars.width);
        let mark = self.timeline.mark(self.current_turn(), width).unwrap_or(0);
        let tenth = (width / 10).max(1);
        let last = width.saturating_sub(1);
        let to = match action {
            Action::Left => mark.saturating_sub(1),
            Action::Right => (mark + 1).min(last),
            Action::PageUp | Action::HalfPageUp => mark.saturating_sub(tenth),
            Action::PageDown | Action::HalfPageDown => (mark + tenth).min(last),
            // The start and the end are the first and the last turn, whichever turn takes
            // most of the first or last column.
            Action::Top | Action::Bottom => {
                let top = *action == Action::Top;
                let turns = self.session.turns.len();
                self.timeline.cursor = Some(if top { 0 } else { last });
                let turn = if top { 0 } else { turns.saturating_sub(1) };
                if turns > 0 && self.current_turn() != Some(turn) {
                    self.jump_to_turn(turn);
                }
                return true;
            }
            Action::Down | Action::Up => {
                self.move_selection(if *action == Action::Down { 1 } else { -1 });
                return true;
            }
            Action::Open => {
                self.timeline.origin = None;
                self.middle = Middle::Transcript;
                return true;
            }
            Action::Back => {
                self.back_from_timeline();
                return true;
            }
            _ => return false,
        };
        self.move_mark(to, width);
        true
    }

    /// Puts the mark on column `to` and the reader at the turn there.
    fn move_mark(&mut self, to: usize, width: usize) {
        self.timeline.cursor = Some(to);
        let turn = self
            .timeline
            .line
            .as_ref()
            .and_then(|l| l.turn_at(to, width));
        if let Some(turn) = turn
            && self.current_turn() != Some(turn)
        {
            self.jump_to_turn(turn);
        }
    }

    /// A click on a row goes to that speaker's turn in that column (or the turn there), a
    /// click on a name selects the speaker.
    pub(super) fn click_timeline(&mut self, column: u16, row: u16) {
        let g = self.timeline_geometry();
        let Some(speaker) = g
            .speaker_at(row)
            .filter(|&s| s < self.session.speakers.len())
        else {
            return;
        };
        if layout::contains(Some(g.labels), column, row) {
            self.selected = speaker;
            return;
        }
        if !layout::contains(Some(g.bars), column, row) {
            return;
        }
        let (c, width) = (usize::from(column - g.bars.x), usize::from(g.bars.width));
        let Some(line) = &self.timeline.line else {
            return;
        };
        let Some(turn) = line
            .turn_of_speaker_at(speaker, c, width)
            .or_else(|| line.turn_at(c, width))
        else {
            return;
        };
        self.timeline.origin = None;
        self.middle = Middle::Transcript;
        self.jump_to_turn(turn);
        if let Some(s) = self.speaker_of(turn) {
            self.selected = s;
        }
    }
}
