//! An overlay of lines that scrolls: the help, the warnings, a library's failures. Its frame
//! says when there is more above or below, and with which keys to see it. `update` asks here
//! how far it may scroll, so a key past the end does not leave the position out of reach.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use super::{fit_line, frame_block, popup};
use crate::tui::layout;
use crate::tui::theme::Theme;

/// How wide the warnings overlay is at most.
pub const WARNINGS_WIDTH: u16 = 100;

/// The overlay's box for `lines` lines at most `width` wide, centred in `area`.
fn rect(area: Rect, width: u16, lines: usize) -> Rect {
    // At least five rows, so even one line gets its frame and title.
    let height = u16::try_from(lines + 2)
        .unwrap_or(u16::MAX)
        .max(5)
        .min(area.height);
    let width = width.min(area.width);
    Rect {
        x: area.x + (area.width - width) / 2,
        y: area.y + (area.height - height) / 2,
        width,
        height,
    }
}

/// The furthest the overlay of `lines` lines scrolls in `area`.
pub fn max_scroll(area: Rect, width: u16, lines: usize) -> usize {
    let inner = layout::inner(rect(area, width, lines));
    lines.saturating_sub(usize::from(inner.height))
}

pub struct Scrolled<'a> {
    pub title: &'a str,
    pub lines: Vec<Line<'a>>,
    pub scroll: usize,
    pub width: u16,
    pub theme: Theme,
}

impl Scrolled<'_> {
    pub fn draw(self, frame: &mut Frame<'_>, area: Rect) {
        let n = self.lines.len();
        let r = rect(area, self.width, n);
        let r = popup(frame, r, r.width, r.height);
        let max = max_scroll(area, self.width, n);
        let scroll = self.scroll.min(max);
        let mut block = frame_block(r, self.title, true, self.theme);
        let more = match (scroll > 0, scroll < max) {
            (true, true) => Some(" ↑↓ more: PgUp PgDn "),
            (false, true) => Some(" ↓ more: PgDn End "),
            (true, false) => Some(" ↑ more: PgUp g "),
            (false, false) => None,
        };
        if let Some(more) = more
            && layout::bordered(r)
        {
            block = block.title_bottom(Line::styled(more, self.theme.key()).right_aligned());
        }
        frame.render_widget(block, r);
        let inner = layout::inner(r);
        // A line wider than the box ends in `…`, so a cut is never mistaken for the whole.
        let shown: Vec<Line<'_>> = self
            .lines
            .into_iter()
            .skip(scroll)
            .map(|l| fit_line(l, inner.width))
            .collect();
        frame.render_widget(Paragraph::new(shown), inner);
    }
}
