//! The search panel: the query, a count `23/412` (hits / quotes), and the ranked hits as
//! `speaker · t12 · quote` with the matched letters lit.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use super::{clean, frame_block, list_offset, lit_spans};
use crate::tui::app::App;
use crate::tui::layout;
use crate::tui::search_state::SearchState;
use crate::tui::theme::Theme;

/// Rows above the hit list inside the panel: the query line.
const QUERY_ROWS: u16 = 1;

fn hit_rows(rect: Rect) -> usize {
    usize::from(layout::inner(rect).height.saturating_sub(QUERY_ROWS))
}

/// The hit drawn at screen row `row`, for mouse clicks.
pub fn hit_at(app: &App, rect: Rect, row: u16) -> Option<usize> {
    let inner = layout::inner(rect);
    let first = inner.y + QUERY_ROWS;
    if row < first || row >= inner.y + inner.height {
        return None;
    }
    let i = list_offset(app.search.selected, hit_rows(rect)) + usize::from(row - first);
    (i < app.search.hits.len()).then_some(i)
}

pub fn draw(frame: &mut Frame<'_>, app: &App, rect: Rect) {
    let t = app.theme;
    let block = frame_block(rect, " Search quotes ", true, t);
    frame.render_widget(block, rect);
    let inner = layout::inner(rect);
    if inner.height == 0 {
        return;
    }
    let s = &app.search;
    query_bar(frame, t, inner, s, app.total_quotes);
    let rows = hit_rows(rect);
    let mut lines: Vec<Line<'_>> = Vec::new();
    if s.hits.is_empty() && !s.query.trim().is_empty() && !s.pending {
        lines.push(Line::styled("  no quote matches", t.dim()));
    }
    if s.query.trim().is_empty() {
        lines.push(Line::styled(
            "  type to search every sentence; 'word for exact, Enter to go, Esc to go back",
            t.dim(),
        ));
    }
    let offset = list_offset(s.selected, rows);
    for (i, hit) in s.hits.iter().enumerate().skip(offset).take(rows) {
        let turn = &app.session.turns[hit.quote.turn];
        let quote = turn.sentence(hit.quote.sentence).unwrap_or_default();
        let selected = i == s.selected;
        let mut spans = vec![
            Span::raw(if selected { "▸ " } else { "  " }),
            Span::styled(
                clean(app.session.speaker_name(turn)).into_owned(),
                t.speaker(hit.speaker),
            ),
            Span::styled(format!(" · {} · ", turn.id), t.dim()),
        ];
        let used: usize = spans.iter().map(|s| s.content.width()).sum();
        let room = usize::from(inner.width).saturating_sub(used);
        let lit = if hit.matched.is_empty() {
            s.lit(quote)
        } else {
            hit.matched.clone()
        };
        let (shown, matched) = window(quote, &lit, room);
        spans.extend(lit_spans(
            &shown,
            &matched,
            ratatui::style::Style::new(),
            t.matched(),
        ));
        let mut line = Line::from(spans);
        if selected {
            line = line.patch_style(
                ratatui::style::Style::new().add_modifier(ratatui::style::Modifier::BOLD),
            );
            if t.colour {
                line = line
                    .patch_style(ratatui::style::Style::new().bg(ratatui::style::Color::DarkGray));
            }
        }
        lines.push(line);
    }
    let list = Rect {
        y: inner.y + QUERY_ROWS,
        height: inner.height - QUERY_ROWS,
        ..inner
    };
    frame.render_widget(Paragraph::new(lines), list);
}

/// The panel's first line: `/ query▏` and, at the right, `23/412` (matches / quotes; `…` while
/// the ranking is still coming).
pub fn query_bar(frame: &mut Frame<'_>, t: Theme, inner: Rect, s: &SearchState, quotes: usize) {
    let pending = if s.pending { "…" } else { "" };
    let count = format!(" {}{pending}/{quotes} ", s.total);
    let bar = Rect { height: 1, ..inner };
    frame.render_widget(
        Line::from(vec![
            Span::styled("/ ", t.key()),
            Span::raw(clean(&s.query).into_owned()),
            Span::styled("▏", t.key()),
        ]),
        bar,
    );
    let cw = (count.width() as u16).min(inner.width);
    frame.render_widget(
        Line::styled(count, t.dim()),
        Rect {
            x: inner.x + inner.width - cw,
            width: cw,
            ..bar
        },
    );
}

/// A long quote shown from a little before its first matched letter, so the match is on
/// screen; `…` marks what was cut. Returns the text and the matched indices within it.
fn window(quote: &str, matched: &[usize], room: usize) -> (String, Vec<usize>) {
    let first = matched.first().copied().unwrap_or(0);
    let start = if first + 1 > room * 2 / 3 {
        first.saturating_sub(room / 3)
    } else {
        0
    };
    if start == 0 {
        return (quote.to_string(), matched.to_vec());
    }
    let shown: String = std::iter::once('…')
        .chain(quote.chars().skip(start))
        .collect();
    let matched = matched
        .iter()
        .filter(|&&m| m >= start)
        .map(|m| m - start + 1)
        .collect();
    (shown, matched)
}

#[cfg(test)]
mod tests {
    use super::window;

    #[test]
    fn window_keeps_the_first_match_visible() {
        let quote = "a".repeat(100) + "match";
        let (shown, lit) = window(&quote, &[100, 101], 40);
        assert!(shown.starts_with('…'));
        assert_eq!(shown.chars().nth(lit[0]), Some('m'));
        let (shown, lit) = window("short match", &[6], 40);
        assert_eq!((shown.as_str(), lit), ("short match", vec![6]));
    }
}
