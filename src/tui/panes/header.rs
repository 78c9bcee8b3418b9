//! The top line: title, event, date and time.

use podium::session::Meta;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::tui::app::App;

pub fn draw(frame: &mut Frame<'_>, app: &App, rect: Rect) {
    let m = &app.session.meta;
    let mut spans = vec![Span::styled(
        format!(" {}", super::clean(&m.title)),
        app.theme.title(),
    )];
    for part in m.event.iter().cloned().chain(when(m)) {
        spans.push(Span::styled(" · ", app.theme.dim()));
        spans.push(Span::raw(super::clean(&part).into_owned()));
    }
    frame.render_widget(Line::from(spans), rect);
}

/// When the session took place, `2023-10-09 00:30–01:30 UTC`: the date, the start time (with
/// the end time when known) and the zone. `None` without a date.
pub fn when(m: &Meta) -> Option<String> {
    let mut when = m.date.clone()?;
    if let Some(start) = &m.start_time {
        when.push(' ');
        when.push_str(start);
        if let Some(end) = &m.end_time {
            when.push('–');
            when.push_str(end);
        }
    }
    if let Some(zone) = &m.time_zone {
        when.push(' ');
        when.push_str(zone);
    }
    Some(when)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_date_line_names_what_is_known() {
        let mut m = Meta {
            date: Some("2023-10-09".into()),
            start_time: Some("00:30".into()),
            end_time: Some("01:30".into()),
            time_zone: Some("UTC".into()),
            ..Meta::default()
        };
        assert_eq!(when(&m).as_deref(), Some("2023-10-09 00:30–01:30 UTC"));
        m.end_time = None;
        assert_eq!(when(&m).as_deref(), Some("2023-10-09 00:30 UTC"));
        m.time_zone = None;
        m.start_time = None;
        assert_eq!(when(&m).as_deref(), Some("2023-10-09"));
        m.date = None;
        m.start_time = Some("00:30".into());
        assert_eq!(when(&m), None);
    }
}
