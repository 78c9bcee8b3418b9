//! The speaker list: a colour swatch, a number for `1`–`9`, the name, role marks, turns and a
//! share-of-words bar. The selected speaker is marked `▸` and reversed, so it shows without
//! colour; `◂` marks whoever holds the floor at the reader's position.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{bar, frame_block};
use crate::tui::app::App;
use crate::tui::layout::Focus;
use crate::tui::who;
use crate::tui::widgets::ellipsize;
use crate::tui::widgets::list::speaker_list;
use unicode_width::UnicodeWidthStr;

pub fn draw(frame: &mut Frame<'_>, app: &App, rect: Rect) {
    let t = app.theme;
    let focused = app.focus == Focus::Speakers;
    let block = frame_block(rect, " Speakers ", focused, t);
    frame.render_widget(block, rect);
    let list = speaker_list(rect, app.selected, app.session.speakers.len());
    let width = usize::from(list.area.width);
    let stats = app
        .figures
        .speakers(&app.session, 0..app.session.turns.len());
    let speaking = app.current_turn().and_then(|turn| app.speaker_of(turn));
    let mut lines: Vec<Line<'_>> = Vec::new();
    for i in list.shown() {
        let sp = &app.session.speakers[i];
        let selected = i == app.selected;
        let number = if i < 9 {
            format!("{}", i + 1)
        } else {
            " ".into()
        };
        // The floor mark is never what gets cut: the name gives way, ending in `…`.
        let floor = if speaking == Some(i) { " ◂" } else { "" };
        let room = width.saturating_sub(5 + floor.chars().count());
        let name_line = vec![
            Span::raw(if selected { "▸" } else { " " }),
            Span::styled("■", t.speaker(i)),
            Span::raw(format!(" {number} ")),
            Span::styled(ellipsize(&sp.name, room), t.speaker(i)),
            Span::raw(floor),
        ];
        let mut line = Line::from(name_line);
        if selected {
            line = line.style(t.selected());
        }
        lines.push(line);
        let st = &stats[i];
        let marks = who::role_marks(sp);
        let mut detail = format!("{:>3}t {marks:<2}", st.turns);
        let pct = format!("{:>3.0}%", st.share * 100.0);
        // A party (a parliament's speakers) takes what the bar can spare, cut with `…`.
        if let Some(party) = &sp.party {
            let spare = width.saturating_sub(4 + detail.width() + 1 + pct.len() + 1 + 3);
            let room = party.width().min(spare);
            if room == party.width() || room >= 2 {
                detail.push(' ');
                detail.push_str(&ellipsize(party, room));
            }
        }
        let bar_w = width.saturating_sub(4 + detail.width() + 1 + pct.len() + 1);
        lines.push(Line::from(vec![
            Span::styled(format!("    {detail} "), t.dim()),
            Span::styled(bar(st.share, bar_w), t.speaker(i)),
            Span::styled(format!(" {pct}"), t.dim()),
        ]));
    }
    frame.render_widget(Paragraph::new(lines), list.area);
}

/// The one-line bar that replaces the list on narrow terminals: `‹ 2/6 ■ Hiroki Mashiko ›`.
pub fn draw_bar(frame: &mut Frame<'_>, app: &App, rect: Rect) {
    let t = app.theme;
    let n = app.session.speakers.len();
    let Some(sp) = app.session.speakers.get(app.selected) else {
        frame.render_widget(Line::from("no speakers"), rect);
        return;
    };
    let head = format!("‹{}/{n} ", app.selected + 1);
    let room = usize::from(rect.width).saturating_sub(head.chars().count() + 2 + 2);
    let mut line = Line::from(vec![
        Span::raw(head),
        Span::styled("■ ", t.speaker(app.selected)),
        Span::styled(ellipsize(&sp.name, room), t.speaker(app.selected)),
        Span::raw(" ›"),
    ]);
    if app.focus == Focus::Speakers {
        line = line.style(t.selected());
    }
    frame.render_widget(line, rect);
}
