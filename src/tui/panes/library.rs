//! The library screen: a header with counts and loading progress, the list (sessions, people,
//! or one person's turns), the search panel over every session, and the footer.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use super::{clean, frame_block, list_offset};
use crate::tui::keymap::Context;
use crate::tui::layout;
use crate::tui::library::{Library, SortKey, View};
use crate::tui::library_words;
use crate::tui::widgets::help::{self, Help};
use crate::tui::widgets::hit_list::{HitList, HitRow};
use crate::tui::widgets::scrolled::{self, Scrolled};
use crate::tui::widgets::{ellipsize, fit, fit_line};

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
        " Library · {} sessions · {} quotes · sorted by {} {}",
        lib.rows.len(),
        lib.total_quotes(),
        lib.sort.label(),
        lib.sort_mark()
    );
    if let Some((done, total)) = lib.loading {
        head.push_str(&format!(" · loading {done}/{total}…"));
    }
    if !lib.failures.is_empty() {
        let key = lib
            .keymap
            .key_for(Context::Library, "warnings")
            .unwrap_or_default();
        head.push_str(&format!(
            " · ⚠ {} skipped ({key} lists them)",
            lib.failures.len()
        ));
    }
    frame.render_widget(
        Line::styled(ellipsize(&head, usize::from(header.width)), t.title()),
        header,
    );
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
            lib.keymap
                .hints(context)
                .flat_map(|(k, h)| {
                    [
                        Span::styled(format!(" {k}"), t.key()),
                        Span::raw(format!(" {h} ")),
                    ]
                })
                .collect()
        }
    };
    frame.render_widget(fit_line(Line::from(hint), footer.width), footer);
    if lib.help_open {
        Help {
            title: " Library keys (Esc closes; names for config.toml in brackets) ",
            contexts: help::LIBRARY,
            keymap: &lib.keymap,
            scroll: lib.help_scroll,
            theme: t,
            mouse: false,
        }
        .draw(frame, area);
    } else if lib.warnings_open {
        let lines = if lib.failures.is_empty() {
            vec![Line::styled("Every file was read.", t.dim())]
        } else {
            lib.failures
                .iter()
                .map(|f| Line::from(clean(f).into_owned()))
                .collect()
        };
        Scrolled {
            title: " Files that could not be read (Esc closes) ",
            lines,
            scroll: lib.warnings_scroll,
            width: scrolled::WARNINGS_WIDTH,
            theme: t,
        }
        .draw(frame, area);
    }
}

/// One line of the sessions or people table: a name cut to fit (`…` where cut), two short
/// text columns and three counts, so both lists (and their headers) line up the same way.
fn table_row(
    width: usize,
    name: &str,
    texts: [(&str, usize); 2],
    counts: [&dyn std::fmt::Display; 3],
) -> String {
    let [(text, text_w), (file, file_w)] = texts;
    let file_w = file_w.min(width / 4);
    let name_w = width
        .saturating_sub(text_w + file_w + 9 + 7 + 8 + 5)
        .max(10);
    let [a, b, c] = counts;
    let file = if file_w == 0 {
        String::new()
    } else {
        format!("{} ", fit(file, file_w))
    };
    format!(
        "{}{file} {} {a:>8} {b:>6} {c:>7}",
        fit(name, name_w),
        fit(text, text_w)
    )
}

/// A column's heading, marked `▲`/`▼` when the list is sorted by it.
fn heading(lib: &Library, key: SortKey, text: &str) -> String {
    if lib.sort == key {
        format!("{text} {}", lib.sort_mark())
    } else {
        text.to_string()
    }
}

/// The list's header and its rows `shown` (only those are formatted: a library may hold
/// thousands of sessions, a frame shows a screenful).
fn rows(lib: &Library, width: usize, shown: std::ops::Range<usize>) -> (String, Vec<String>) {
    let (skip, take) = (shown.start, shown.len());
    match lib.view {
        View::Sessions => {
            let file_w = lib
                .rows
                .iter()
                .map(|r| r.name.width())
                .max()
                .unwrap_or(0)
                .clamp(6, 28);
            let h = |key, text| heading(lib, key, text);
            let header = table_row(
                width,
                &h(SortKey::Title, "title"),
                [
                    (&h(SortKey::Date, "date"), 10),
                    (&h(SortKey::File, "file"), file_w),
                ],
                [
                    &h(SortKey::Speakers, "speakers"),
                    &h(SortKey::Turns, "turns"),
                    &h(SortKey::Words, "words"),
                ],
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
                        [(&r.date, 10), (&r.name, file_w)],
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
                [("kind", 8), ("", 0)],
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
                    // A label ("Moderator", "Speaker 1") is one session's: say which.
                    let name = match (p.kind, p.appearances.as_slice()) {
                        (podium::session::SpeakerKind::Label, [a]) => {
                            format!("{} · {}", p.name, lib.items[a.session].session.meta.title)
                        }
                        _ => p.name.clone(),
                    };
                    table_row(width, &name, [(kind, 8), ("", 0)], counts)
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
        View::PersonWords(_) => library_words::word_rows(lib, width, skip, take),
        View::WordUses(_) => library_words::use_rows(lib, width, skip, take),
    }
}

fn draw_list(frame: &mut Frame<'_>, lib: &Library, rect: Rect) {
    let t = lib.theme;
    let title = match lib.view {
        View::Sessions => " Sessions (p: people) ".to_string(),
        View::People => " People (p: sessions) ".to_string(),
        View::PersonTurns(_) => " Turns ".to_string(),
        View::PersonWords(p) => clean(&library_words::title(lib, p)).into_owned(),
        View::WordUses(_) => " Sentences (Enter: open one) ".to_string(),
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
        match hit.summary {
            Some(i) => {
                let text = podium::sources::sentences(session)
                    .into_iter()
                    .nth(i)
                    .map(|l| l.sentence)
                    .unwrap_or_default();
                HitRow {
                    session: Some(&session.meta.title),
                    speaker: session
                        .speakers
                        .get(hit.speaker)
                        .map_or("Session", |s| s.name.as_str()),
                    speaker_ix: hit.speaker,
                    turn: "summary",
                    summary: true,
                    quote: text.into(),
                }
            }
            None => {
                let turn = &session.turns[hit.quote.turn];
                HitRow {
                    session: Some(&session.meta.title),
                    speaker: session.speaker_name(turn),
                    speaker_ix: hit.speaker,
                    turn: &turn.id,
                    summary: false,
                    quote: turn.sentence(hit.quote.sentence).unwrap_or_default().into(),
                }
            }
        }
    });
}
