//! The codes list (`'`, Tab from the marks): every code of the session with how many passages
//! have it; Enter shows only those passages, `e` exports them.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use super::{clean, frame_block, list_offset};
use crate::tui::app::App;
use crate::tui::layout;
use crate::tui::widgets::fit_line;

pub fn draw(frame: &mut Frame<'_>, app: &App, area: Rect) {
    let t = app.theme;
    let counts = app.code_counts();
    let width = 70.min(area.width);
    let height = (counts.len() as u16 + 3).clamp(6, 20).min(area.height);
    let rect = super::popup(frame, area, width, height);
    let title = format!(
        " Codes ({}) · Enter show its passages · e export · Tab marks ",
        counts.len()
    );
    frame.render_widget(frame_block(rect, title, true, t), rect);
    let inner = layout::inner(rect);
    let mut lines: Vec<Line<'_>> = Vec::new();
    if counts.is_empty() {
        lines.push(Line::styled(
            "No codes yet: t codes the found quote or the current turn",
            t.dim(),
        ));
    }
    let rows = usize::from(inner.height);
    let name_width = counts
        .iter()
        .map(|(c, _)| clean(c).width())
        .max()
        .unwrap_or(0)
        .min(usize::from(inner.width).saturating_sub(16));
    for (i, (code, n)) in counts
        .iter()
        .enumerate()
        .skip(list_offset(app.codes_selected, rows))
        .take(rows)
    {
        let name = clean(code).into_owned();
        let pad = name_width.saturating_sub(name.width());
        let passages = if *n == 1 { "passage" } else { "passages" };
        let mut line = fit_line(
            Line::from(vec![
                Span::raw(if i == app.codes_selected {
                    "▸ "
                } else {
                    "  "
                }),
                Span::styled(name, t.key()),
                Span::raw(" ".repeat(pad)),
                Span::styled(format!("  {n:>3} {passages}"), t.dim()),
            ]),
            inner.width,
        );
        if i == app.codes_selected {
            line = line.style(t.selected());
        }
        lines.push(line);
    }
    frame.render_widget(Paragraph::new(lines), inner);
}
