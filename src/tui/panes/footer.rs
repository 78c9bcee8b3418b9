//! The bottom line: the most useful keys for the focused pane, a message or a prompt, and on
//! the right what is on: the code and speaker filters, the player. Everything here may hold
//! a name from a file or the marks store (a code, a speaker, a file name), so every string is
//! cleaned as it is drawn.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

use crate::tui::app::{App, Overlay};
use crate::tui::keymap::Context;
use crate::tui::play::PlayState;
use crate::tui::widgets::{clean, fit_line};

pub fn draw(frame: &mut Frame<'_>, app: &App, rect: Rect) {
    let t = app.theme;
    let mut on: Vec<String> = Vec::new();
    if let Some(code) = &app.code_filter {
        on.push(format!("code: {code} (Esc)"));
    }
    if let Some(s) = app.filter {
        on.push(format!("filter: {} (f)", app.session.speakers[s].name));
    }
    if let Some(player) = player(app) {
        on.push(player);
    }
    let right = (!on.is_empty()).then(|| format!(" {} ", clean(&on.join(" · "))));
    let mut spans: Vec<Span<'_>> = Vec::new();
    if let Some(p) = &app.code_prompt {
        let has = if p.has.is_empty() {
            String::new()
        } else {
            format!(" [{}]", clean(&p.has.join(", ")))
        };
        spans.push(Span::styled(
            format!(" Code {}{has}: ", clean(&p.place(app))),
            t.key(),
        ));
        spans.push(Span::raw(clean(&p.input).into_owned()));
        spans.push(Span::styled("▏", t.dim()));
        let candidates = app.code_candidates(&p.input);
        let typed = p.input.trim();
        let tail = if p.has.iter().any(|h| h == typed) {
            " (Enter: remove it, Esc: cancel)".to_string()
        } else if candidates.is_empty() || candidates == [typed] {
            " (Enter: code it, Esc: cancel)".to_string()
        } else {
            format!(" Tab: {}", clean(&candidates.join(" · ")))
        };
        spans.push(Span::styled(tail, t.dim()));
    } else if let Some(p) = &app.prompt {
        spans.push(Span::styled(
            format!(" Rename {} to: ", clean(&p.speaker)),
            t.key(),
        ));
        spans.push(Span::raw(clean(&p.input).into_owned()));
        spans.push(Span::styled("▏ (Enter: rename, Esc: cancel)", t.dim()));
    } else if let Some(msg) = &app.message {
        spans.push(Span::styled(format!(" {}", clean(msg)), t.message()));
    } else {
        let context = crate::tui::contexts(app)[0];
        let mut hints: Vec<(String, &str)> = app.keymap.hints(context).collect();
        if app.overlay == Overlay::None && app.prompt.is_none() {
            if app.from_library
                && let Some(key) = app.keymap.key_for(Context::Global, "back")
            {
                hints.insert(0, (key, "back to the library"));
            }
            hints.extend(app.keymap.hints(Context::Global));
        }
        for (key, help) in hints {
            spans.push(Span::styled(format!(" {key}"), t.key()));
            spans.push(Span::raw(format!(" {help} ")));
        }
    }
    let right_w = right
        .as_ref()
        .map_or(0, |r| r.width() as u16)
        .min(rect.width);
    frame.render_widget(fit_line(Line::from(spans), rect.width - right_w), rect);
    if let Some(right) = right {
        let w = (right.width() as u16).min(rect.width);
        let r = Rect {
            x: rect.x + rect.width - w,
            width: w,
            ..rect
        };
        frame.render_widget(Line::from(Span::styled(right, t.selected())), r);
    }
}

/// `playing 00:04:12 · follow (F)`: the player's state and time, while there is a player.
fn player(app: &App) -> Option<String> {
    let play = &app.play;
    let state = match play.state {
        PlayState::Stopped if play.follow => return Some("follow (F)".into()),
        PlayState::Stopped => return None,
        PlayState::Starting => "starting",
        PlayState::Playing => "playing",
        PlayState::Paused { .. } => "paused",
    };
    let follow = if play.follow { " · follow (F)" } else { "" };
    Some(format!("{state}{}{follow}", app.play_clock()))
}
