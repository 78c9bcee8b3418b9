//! The middle pane's summaries view: each summary under its heading (the session's, then each
//! speaker's in their colour), sentence by sentence, each with its sources `[t4.3 t14.1]` or
//! "no clear source in the transcript". The selected sentence has the bar in the gutter and is
//! underlined, with the letters a search matched lit.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{bottom_label, frame_block};
use crate::tui::app::App;
use crate::tui::layout::{self, Focus};
use crate::tui::summaries::Row;
use crate::tui::widgets::{clean, ellipsize, lit_spans};

pub fn draw(frame: &mut Frame<'_>, app: &App, rect: Rect) {
    let t = app.theme;
    let sum = &app.summaries;
    let focused = app.focus == Focus::Transcript;
    let mut block = frame_block(rect, " Summaries (S: transcript) ", focused, t);
    if layout::bordered(rect) && !sum.linked.is_empty() {
        let unsupported = sum.linked.iter().filter(|l| !l.supported).count();
        let place = format!(
            " {}/{} · {unsupported} without a clear source ",
            sum.selected + 1,
            sum.linked.len()
        );
        block = bottom_label(block, &place);
    }
    frame.render_widget(block, rect);
    let inner = layout::inner(rect);
    let width = usize::from(inner.width);
    let lines: Vec<Line<'_>> = sum
        .rows
        .iter()
        .skip(sum.top)
        .take(usize::from(inner.height))
        .map(|row| line(app, row, width))
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}

fn line<'a>(app: &'a App, row: &Row, width: usize) -> Line<'a> {
    let t = app.theme;
    let sum = &app.summaries;
    match row {
        Row::Empty => Line::styled(
            "This report has no summaries: S goes back to the transcript.",
            t.dim(),
        ),
        Row::Blank => Line::from(""),
        Row::Heading(None) => Line::styled("Summary of the session", t.title()),
        Row::Heading(Some(ix)) => {
            let name = app
                .session
                .speakers
                .get(ix.get())
                .map_or("", |s| s.name.as_str());
            Line::from(vec![
                Span::styled("■ ", t.speaker(ix.get())),
                Span::styled(
                    ellipsize(name, width.saturating_sub(2)),
                    t.speaker(ix.get()).patch(t.title()),
                ),
            ])
        }
        Row::Text { sentence, range } => {
            let selected = *sentence == sum.selected;
            let gutter = if selected {
                let colour = sum.linked[*sentence]
                    .speaker
                    .map_or(t.key(), |s| t.speaker(s.get()));
                Span::styled("▌ ", colour)
            } else {
                Span::raw("  ")
            };
            let text = &sum.texts[*sentence];
            let label_at = sum.label_at[*sentence];
            let mut spans = vec![gutter];
            // The sentence, then its sources label, dim (or marked when there is no source).
            let said = range.start..range.end.min(label_at - 1);
            let label = range.start.max(label_at)..range.end;
            if said.start < said.end {
                let base = if selected {
                    t.found_sentence()
                } else {
                    Style::new()
                };
                let lit: Vec<usize> = if selected {
                    // Char indices of the sentence, shifted to this row.
                    let before = text[..said.start].chars().count();
                    sum.lit
                        .iter()
                        .filter_map(|&i| i.checked_sub(before))
                        .collect()
                } else {
                    Vec::new()
                };
                spans.extend(lit_spans(
                    &clean(&text[said.clone()]),
                    &lit,
                    base,
                    base.patch(t.matched()),
                ));
            }
            if label.start < label.end {
                let supported = sum.linked[*sentence].supported;
                let style = if supported {
                    t.dim()
                } else {
                    t.message().add_modifier(Modifier::ITALIC)
                };
                if said.start < said.end {
                    spans.push(Span::raw(" "));
                }
                spans.push(Span::styled(clean(&text[label]).into_owned(), style));
            }
            Line::from(spans)
        }
    }
}
