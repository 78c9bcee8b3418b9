//! The middle pane's timeline (T): one row per speaker in their colour, each column shaded by
//! how much of it they spoke (`░▒▓█`), the reading position marked down every row and named
//! below them, the axis's ends under that.

use podium::analysis::timeline::{self, Axis, Timeline};
use podium::stats;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use super::{bottom_label, frame_block};
use crate::tui::app::App;
use crate::tui::layout::{self, Focus};
use crate::tui::timeline_view::geometry;
use crate::tui::widgets::fit;

pub fn draw(frame: &mut Frame<'_>, app: &App, rect: Rect) {
    let t = app.theme;
    let focused = app.focus == Focus::Transcript;
    let Some(line) = &app.timeline.line else {
        frame.render_widget(frame_block(rect, " Timeline ", focused, t), rect);
        return;
    };
    let title = match line.axis {
        Axis::Time => " Timeline · by time ",
        Axis::Words => " Timeline · by words (no times) ",
    };
    let inner = layout::inner(rect);
    let names: Vec<&str> = app
        .session
        .speakers
        .iter()
        .map(|s| s.name.as_str())
        .collect();
    let g = geometry(inner, &names, app.selected);
    let width = usize::from(g.bars.width);
    let current = app.current_turn();
    let mark = app.timeline.mark(current, width);
    // Rows that do not fit are said, never dropped silently (they scroll with the selected
    // speaker).
    let shown = usize::from(g.bars.height.div_ceil(g.pitch.max(1)));
    let visible = shown.min(names.len().saturating_sub(g.first));
    let title = if visible > 0 && visible < names.len() && !line.is_empty() {
        // The axis line below says by time or by words; room goes to what is hidden.
        format!(
            " Timeline · speakers {}–{} of {} ",
            g.first + 1,
            g.first + visible,
            names.len()
        )
    } else {
        title.to_string()
    };
    let mut block = frame_block(rect, title, focused, t);
    if layout::bordered(rect)
        && let Some(turn) = current
    {
        let place = format!(
            " {}/{} · {} ",
            app.session.turns[turn].id,
            app.session.turns.len(),
            app.session.speaker_name(&app.session.turns[turn])
        );
        block = bottom_label(block, &place);
    }
    frame.render_widget(block, rect);
    if line.is_empty() {
        frame.render_widget(
            Line::styled("Nothing to show: no turn has words or times.", t.dim()),
            inner,
        );
        return;
    }
    let rows = line.rows(width);
    let mut labels = Vec::new();
    let mut bars = Vec::new();
    // The blank line between two rows: the mark goes down it too.
    let between = || {
        let mut cells = vec![Span::raw(" ".repeat(mark.unwrap_or(0)))];
        if mark.is_some() {
            cells.push(Span::styled("│", t.key()));
        }
        Line::from(cells)
    };
    for (s, row) in rows.iter().enumerate().skip(g.first).take(shown) {
        if g.pitch > 1 && s > g.first {
            labels.push(Line::from(""));
            bars.push(between());
        }
        let colour = t.speaker(s);
        let name_style = if s == app.selected {
            colour.patch(t.selected())
        } else {
            colour
        };
        labels.push(Line::from(vec![
            Span::styled("■ ", colour),
            Span::styled(
                fit(names[s], usize::from(g.labels.width).saturating_sub(2)),
                name_style,
            ),
        ]));
        let spans: Vec<Span<'_>> = row
            .iter()
            .enumerate()
            .map(|(c, &share)| {
                let cell = timeline::shade(share);
                match mark {
                    Some(m) if m == c && cell == ' ' => Span::styled("│", t.key()),
                    Some(m) if m == c => Span::styled(cell.to_string(), colour.patch(t.selected())),
                    _ => Span::styled(cell.to_string(), colour),
                }
            })
            .collect();
        bars.push(Line::from(spans));
    }
    frame.render_widget(Paragraph::new(labels), g.labels);
    frame.render_widget(Paragraph::new(bars), g.bars);
    if let (Some(r), Some(m), Some(turn)) = (g.mark, mark, current) {
        let text = format!("{} · {}", app.session.turns[turn].id, place(line, m, width));
        let offset = usize::from(g.bars.x - inner.x);
        frame.render_widget(marker(offset, width, m, &text, t.key()), r);
    }
    if let Some(r) = g.axis {
        let (from, to) = ends(line);
        let gap = width.saturating_sub(from.width() + to.width()).max(1);
        let pad = " ".repeat(usize::from(g.bars.x - inner.x));
        frame.render_widget(
            Line::styled(format!("{pad}{from}{}{to}", " ".repeat(gap)), t.dim()),
            r,
        );
    }
}

/// Where column `m` is on the axis: `12:34`, or `word 1201`.
fn place(line: &Timeline, m: usize, width: usize) -> String {
    let (at, _) = line.column_span(m, width);
    match line.axis {
        Axis::Time => stats::format_duration(at),
        Axis::Words => format!("word {}", at.round() as u64 + 1),
    }
}

/// The axis's two ends, as labels.
fn ends(line: &Timeline) -> (String, String) {
    match line.axis {
        Axis::Time => (
            stats::format_duration(line.start),
            stats::format_duration(line.end),
        ),
        Axis::Words => ("0".to_string(), format!("{} words", line.end)),
    }
}

/// `▲ t5 · 12:34` under column `m` of columns `width` wide that start `offset` cells into the
/// line, or `t5 · 12:34 ▲` when it does not fit to the right.
fn marker<'a>(offset: usize, width: usize, m: usize, text: &str, style: Style) -> Line<'a> {
    let before = offset + m;
    let right = format!("▲ {text}");
    let line = if m + right.width() <= width {
        format!("{}{right}", " ".repeat(before))
    } else {
        let left = format!("{text} ▲");
        let start = (before + 1).saturating_sub(left.width());
        format!("{}{left}", " ".repeat(start))
    };
    Line::styled(line, style)
}
