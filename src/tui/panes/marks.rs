//! The `'` overlay: every mark, `t4.2 · speaker · quote`, to go to, copy, remove or export.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{clean, frame_block, list_offset};
use crate::tui::app::App;
use crate::tui::layout;
use crate::tui::widgets::fit_line;

pub fn draw(frame: &mut Frame<'_>, app: &App, area: Rect) {
    let t = app.theme;
    let width = 90.min(area.width);
    let height = (app.marks.len() as u16 + 3).clamp(6, 20).min(area.height);
    let rect = super::popup(frame, area, width, height);
    let title = format!(
        " Marks ({}) · Enter go · y copy · d remove · e export · Tab codes ",
        app.marks.len()
    );
    frame.render_widget(frame_block(rect, title, true, t), rect);
    let inner = layout::inner(rect);
    let mut lines: Vec<Line<'_>> = Vec::new();
    if app.marks.is_empty() {
        lines.push(Line::styled(
            "No marks yet: m marks the found quote or the current turn",
            t.dim(),
        ));
    }
    let rows = usize::from(inner.height);
    for (i, m) in app
        .marks
        .iter()
        .enumerate()
        .skip(list_offset(app.marks_selected, rows))
        .take(rows)
    {
        let place = match m.sentence {
            Some(s) => format!("{}.{}", m.turn, s + 1),
            None => m.turn.clone(),
        };
        let (who, text, speaker) = match podium::marks::resolve(&app.session, m) {
            Some((turn, sentence)) => {
                let tr = &app.session.turns[turn];
                let text = match sentence {
                    Some(s) => tr.sentence(s).unwrap_or_default().to_string(),
                    None => tr.paragraphs.join(" "),
                };
                let sp = app.speaker_of(turn).unwrap_or(0);
                (app.session.speaker_name(tr).to_string(), text, sp)
            }
            None => (
                "(turn no longer in the session)".to_string(),
                String::new(),
                0,
            ),
        };
        let mut line = fit_line(
            Line::from(vec![
                Span::raw(if i == app.marks_selected {
                    "▸ "
                } else {
                    "  "
                }),
                Span::styled(format!("{place} · "), t.dim()),
                Span::styled(clean(&who).into_owned(), t.speaker(speaker)),
                Span::raw(" · "),
                Span::raw(clean(&text).into_owned()),
            ]),
            inner.width,
        );
        if i == app.marks_selected {
            line = line.style(t.selected());
        }
        lines.push(line);
    }
    frame.render_widget(Paragraph::new(lines), inner);
}
