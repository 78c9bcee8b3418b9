//! The library screen: a header with counts and loading progress, the list (sessions, people,
//! or one person's turns), the search panel over every session, and the footer.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{frame_block, list_offset};
use crate::tui::keymap::{self, Context};
use crate::tui::layout;
use crate::tui::library::{Library, View};
use crate::tui::widgets::fit;
use crate::tui::widgets::help::{self, Help};
use crate::tui::widgets::hit_list::{HitList, HitRow};

pub fn draw(frame: &mut Frame<'_>, lib: &Library) {
    let area = frame.area();
    let t = lib.theme;
    let [header, body, footer] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(1),
    ])
    .areas(area);
    let mut head = format!(
        " Library · {} sessions · {} quotes · sorted by {}",
        lib.rows.len(),
        lib.total_quotes(),
        lib.sort.label()
    );
    if let Some((done, total)) = lib.loading {
        head.push_str(&format!(" · loading {done}/{total}…"));
    }
    if !lib.failures.is_empty() {
        head.push_str(&format!(" · {} skipped", lib.failures.len()));
    }
    frame.render_widget(Line::styled(head, t.title()), header);
    let (list, panel) = if lib.search_open && body.height >= 10 {
        let [a, b] =
            Layout::vertical([Constraint::Percentage(40), Constraint::Fill(1)]).areas(body);
        (Some(a), Some(b))
    } else if lib.search_open {
        (None, Some(body))
    } else {
        (Some(body), None)
    };
    if let Some(r) = list {
        draw_list(frame, lib, r);
    }
    if let Some(r) = panel {
        draw_search(frame, lib, r);
    }
    let hint: Vec<Span<'_>> = match &lib.message {
        Some(m) => vec![Span::styled(format!(" {m}"), t.message())],
        None => {
            let context = if lib.search_open {
                Context::Search
            } else {
                Context::Library
            };
            keymap::hints(context)
                .flat_map(|(k, h)| {
                    [
                        Span::styled(format!(" {k}"), t.key()),
                        Span::raw(format!(" {h} ")),
                    ]
                })
                .collect()
        }
    };
    frame.render_widget(Line::from(hint), footer);
    if lib.help_open {
        Help {
            title: " Library keys (Esc closes) ",
            contexts: help::LIBRARY,
            scroll: lib.help_scroll,
            theme: t,
            mouse: false,
        }
        .draw(frame, area);
    }
}

/// One line of the sessions or people table: a name cut to fit, a short text column and three
/// counts, so both lists (and their headers) line up the same way.
fn table_row(
    width: usize,
    name: &str,
    text: &str,
    text_w: usize,
    counts: [&dyn std::fmt::Display; 3],
) -> String {
    let name_w = width.saturating_sub(text_w + 9 + 7 + 8 + 4).max(10);
    let [a, b, c] = counts;
    format!(
        "{} {} {a:>8} {b:>6} {c:>7}",
        fit(name, name_w),
        fit(text, text_w)
    )
}

/// The list's header and its rows `shown` (only those are formatted: a library may hold
/// thousands of sessions, a frame shows a screenful).
fn rows(lib: &Library, width: usize, shown: std::ops::Range<usize>) -> (String, Vec<String>) {
    let (skip, take) = (shown.start, shown.len());
    match lib.view {
        View::Sessions => {
            let header = table_row(
                width,
                "title",
                "date",
                10,
                [&"speakers", &"turns", &"words"],
            );
            let rows = lib
                .order
                .iter()
                .skip(skip)
                .take(take)
                .map(|&i| {
                    let r = &lib.rows[i];
                    table_row(
                        width,
                        &r.title,
                        &r.date,
                        10,
                        [&r.speakers, &r.turns, &r.words],
                    )
                })
                .collect();
            (header, rows)
        }
        View::People => {
            let header = table_row(
                width,
                "person",
                "kind",
                8,
                [&"sessions", &"turns", &"words"],
            );
            let rows = lib
                .people
                .iter()
                .skip(skip)
                .take(take)
                .map(|p| {
                    let kind = match p.kind {
                        podium::session::SpeakerKind::Person => "person",
                        podium::session::SpeakerKind::Label => "label",
                    };
                    let counts: [&dyn std::fmt::Display; 3] =
                        [&p.appearances.len(), &p.turns(), &p.words()];
                    table_row(width, &p.name, kind, 8, counts)
                })
                .collect();
            (header, rows)
        }
        View::PersonTurns(p) => {
            // The header counts their turns and words in each session.
            let header = lib.people.get(p).map_or_else(String::new, |person| {
                let per_session: Vec<String> = person
                    .appearances
                    .iter()
                    .map(|a| {
                        format!(
                            "{} {}t/{}w",
                            lib.items[a.session].session.meta.title, a.turns, a.words
                        )
                    })
                    .collect();
                fit(
                    &format!("{} (Esc: back) · {}", person.name, per_session.join(" · ")),
                    width,
                )
            });
            let rows = lib
                .person_turns
                .iter()
                .skip(skip)
                .take(take)
                .map(|&(s, ti)| {
                    let session = &lib.items[s].session;
                    let turn = &session.turns[ti];
                    let first = turn.sentence(0).unwrap_or_default();
                    fit(
                        &format!("{} · {} · {}", session.meta.title, turn.id, first),
                        width,
                    )
                })
                .collect();
            (header, rows)
        }
    }
}

fn draw_list(frame: &mut Frame<'_>, lib: &Library, rect: Rect) {
    let t = lib.theme;
    let title = match lib.view {
        View::Sessions => " Sessions (p: people) ",
        View::People => " People (p: sessions) ",
        View::PersonTurns(_) => " Turns ",
    };
    frame.render_widget(frame_block(rect, title, !lib.search_open, t), rect);
    let inner = layout::inner(rect);
    if inner.height == 0 {
        return;
    }
    let visible = usize::from(inner.height).saturating_sub(1);
    let offset = list_offset(lib.selected, visible);
    let (header, rows) = rows(lib, usize::from(inner.width), offset..offset + visible);
    let mut lines = vec![Line::styled(header, t.dim())];
    if lib.rows_in_view() == 0 {
        lines.push(Line::styled(
            if lib.loading.is_some() {
                "  loading…"
            } else {
                "  nothing here"
            },
            t.dim(),
        ));
    }
    for (i, row) in (offset..).zip(rows) {
        let marker = if i == lib.selected { "▸" } else { " " };
        let mut line = Line::from(format!("{marker}{row}"));
        if i == lib.selected {
            line = line.style(t.selected());
        }
        lines.push(line);
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

fn draw_search(frame: &mut Frame<'_>, lib: &Library, rect: Rect) {
    let list = HitList {
        title: " Search every session ",
        state: &lib.search,
        quotes: lib.total_quotes(),
        theme: lib.theme,
    };
    list.draw(frame, rect, |hit| {
        let session = &lib.items[hit.session].session;
        let turn = &session.turns[hit.quote.turn];
        HitRow {
            session: Some(&session.meta.title),
            speaker: session.speaker_name(turn),
            speaker_ix: hit.speaker,
            turn: &turn.id,
            quote: turn.sentence(hit.quote.sentence).unwrap_or_default(),
        }
    });
}
