//! Where each pane goes for a terminal size. `App::update` (for paging and mouse hits) and
//! `draw` both ask here, so they always agree.

use ratatui::layout::{Constraint, Layout, Rect};

/// The pane that has the keyboard.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    Speakers,
    Transcript,
    Stats,
}

/// The screen's regions; a pane that does not fit is `None`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Screen {
    pub header: Option<Rect>,
    pub footer: Option<Rect>,
    pub speakers: Option<Rect>,
    /// The one-line speaker bar that replaces the list on narrow terminals.
    pub speaker_bar: Option<Rect>,
    pub transcript: Option<Rect>,
    pub stats: Option<Rect>,
    pub search: Option<Rect>,
}

/// Widths at which panes fold away.
pub const WIDE: u16 = 100;
pub const NARROW: u16 = 60;
pub const LIST_WIDTH: u16 = 25;
pub const STATS_WIDTH: u16 = 31;

/// The widths (borders included) the side panes' content needs to show whole: the longest
/// speaker name with its marks, the longest organisation line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Wants {
    pub list: u16,
    pub stats: u16,
}

impl Default for Wants {
    fn default() -> Self {
        Wants {
            list: LIST_WIDTH,
            stats: STATS_WIDTH,
        }
    }
}

/// Side pane widths on a terminal `width` wide (at least [`WIDE`]): each grows from its
/// minimum toward what its content wants, out of at most three quarters of the columns past
/// [`WIDE`], so the transcript always grows too.
pub fn side_widths(width: u16, wants: Wants) -> (u16, u16) {
    let mut spare = width.saturating_sub(WIDE) * 3 / 4;
    let list_grow = wants.list.saturating_sub(LIST_WIDTH).min(spare);
    spare -= list_grow;
    let stats_grow = wants.stats.saturating_sub(STATS_WIDTH).min(spare);
    (LIST_WIDTH + list_grow, STATS_WIDTH + stats_grow)
}

pub fn screen(area: Rect, focus: Focus, search_open: bool, wants: Wants) -> Screen {
    let mut s = Screen::default();
    let mut body = area;
    if body.height >= 3 {
        s.header = Some(Rect { height: 1, ..body });
        body.y += 1;
        body.height -= 1;
    }
    if body.height >= 2 {
        s.footer = Some(Rect {
            y: body.y + body.height - 1,
            height: 1,
            ..body
        });
        body.height -= 1;
    }
    if search_open {
        if body.height >= 12 {
            let [top, bottom] =
                Layout::vertical([Constraint::Percentage(40), Constraint::Fill(1)]).areas(body);
            s.transcript = Some(top);
            s.search = Some(bottom);
        } else {
            s.search = Some(body);
        }
        return s;
    }
    if area.width >= WIDE {
        let (list_w, stats_w) = side_widths(area.width, wants);
        let [list, text, stats] = Layout::horizontal([
            Constraint::Length(list_w),
            Constraint::Fill(1),
            Constraint::Length(stats_w),
        ])
        .areas(body);
        s.speakers = Some(list);
        s.transcript = Some(text);
        s.stats = Some(stats);
    } else if area.width >= NARROW {
        let [left, text] =
            Layout::horizontal([Constraint::Length(LIST_WIDTH), Constraint::Fill(1)]).areas(body);
        s.transcript = Some(text);
        if body.height >= 16 {
            let [list, stats] =
                Layout::vertical([Constraint::Percentage(45), Constraint::Fill(1)]).areas(left);
            s.speakers = Some(list);
            s.stats = Some(stats);
        } else {
            s.speakers = Some(left);
            if focus == Focus::Stats {
                s.stats = s.transcript.take();
            }
        }
    } else {
        let mut rest = body;
        if rest.height >= 3 {
            s.speaker_bar = Some(Rect { height: 1, ..rest });
            rest.y += 1;
            rest.height -= 1;
        }
        if focus == Focus::Stats {
            s.stats = Some(rest);
        } else {
            s.transcript = Some(rest);
        }
    }
    s
}

/// Panes are boxed when there is room; on tiny terminals every cell goes to text.
pub fn bordered(rect: Rect) -> bool {
    rect.height >= 5 && rect.width >= 20
}

/// The inside of a pane: within its border when it has one.
pub fn inner(rect: Rect) -> Rect {
    if bordered(rect) {
        Rect {
            x: rect.x + 1,
            y: rect.y + 1,
            width: rect.width - 2,
            height: rect.height - 2,
        }
    } else {
        rect
    }
}

/// Columns left of the transcript text for the current-turn bar.
pub const GUTTER: u16 = 2;

/// Width the transcript text wraps at inside `rect`: the gutter on the left, one column of air
/// before the scrollbar on the right.
pub fn text_width(rect: Rect) -> usize {
    let air = u16::from(bordered(rect));
    usize::from(inner(rect).width.saturating_sub(GUTTER + air)).max(1)
}

pub fn contains(rect: Option<Rect>, column: u16, row: u16) -> bool {
    rect.is_some_and(|r| {
        column >= r.x && column < r.x + r.width && row >= r.y && row < r.y + r.height
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(w: u16, h: u16, focus: Focus, search: bool) -> Screen {
        screen(Rect::new(0, 0, w, h), focus, search, Wants::default())
    }

    #[test]
    fn side_panes_grow_toward_what_they_need() {
        let wants = Wants {
            list: 28,
            stats: 48,
        };
        assert_eq!(side_widths(100, wants), (25, 31));
        assert_eq!(side_widths(120, wants), (28, 43));
        assert_eq!(side_widths(160, wants), (28, 48));
        assert_eq!(side_widths(300, wants), (28, 48));
        assert_eq!(side_widths(160, Wants::default()), (25, 31));
    }

    #[test]
    fn three_panes_when_wide() {
        let s = at(120, 30, Focus::Transcript, false);
        assert!(s.speakers.is_some() && s.transcript.is_some() && s.stats.is_some());
        assert_eq!(s.transcript.map(|r| r.width), Some(120 - 25 - 31));
    }

    #[test]
    fn stats_fold_under_the_list_then_behind_focus() {
        let s = at(80, 30, Focus::Transcript, false);
        assert_eq!(s.speakers.map(|r| r.x), s.stats.map(|r| r.x));
        let s = at(80, 12, Focus::Transcript, false);
        assert!(s.stats.is_none());
        let s = at(80, 12, Focus::Stats, false);
        assert!(s.stats.is_some() && s.transcript.is_none());
    }

    #[test]
    fn narrow_has_a_speaker_bar_and_tiny_still_has_text() {
        let s = at(50, 20, Focus::Transcript, false);
        assert!(s.speaker_bar.is_some() && s.speakers.is_none());
        let s = at(20, 5, Focus::Transcript, false);
        let t = s.transcript.expect("text");
        assert_eq!((t.height, bordered(t)), (2, false));
        for (w, h) in [(0, 0), (1, 1), (3, 2), (20, 5)] {
            for search in [false, true] {
                let _ = at(w, h, Focus::Stats, search);
            }
        }
    }
}
