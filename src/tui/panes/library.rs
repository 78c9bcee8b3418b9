//! The library screen: a header with counts and loading progress, the list (sessions, people,
//! or one person's turns), the search panel over every session, and the footer.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use super::{clean, frame_block, list_offset, lit_spans};
use crate::tui::keymap::{self, Context};
use crate::tui::layout;
use crate::tui::library::{Library, View};

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
        draw_help(frame, lib, area);
    }
}

/// The list's header and its rows `shown` (only those are formatted: a library may hold
/// thousands of sessions, a frame shows a screenful).
fn rows(lib: &Library, width: usize, shown: std::ops::Range<usize>) -> (String, Vec<String>) {
    let (skip, take) = (shown.start, shown.len());
    match lib.view {
        View::Sessions => {
            let title_w = width.saturating_sub(10 + 9 + 7 + 8 + 4).max(10);
            let header = format!(
                "{:<title_w$} {:<10} {:>8} {:>6} {:>7}",
                "title", "date", "speakers", "turns", "words"
            );
            let rows = lib
                .order
                .iter()
                .skip(skip)
                .take(take)
                .map(|&i| {
                    let r = &lib.rows[i];
                    format!(
                        "{} {:<10} {:>8} {:>6} {:>7}",
                        fit(&r.title, title_w),
                        r.date,
                        r.speakers,
                        r.turns,
                        r.words
                    )
                })
                .collect();
            (header, rows)
        }
        View::People => {
            let name_w = width.saturating_sub(8 + 9 + 7 + 8 + 4).max(10);
            let header = format!(
                "{:<name_w$} {:<8} {:>8} {:>6} {:>7}",
                "person", "kind", "sessions", "turns", "words"
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
                    format!(
                        "{} {:<8} {:>8} {:>6} {:>7}",
                        fit(&p.name, name_w),
                        kind,
                        p.appearances.len(),
                        p.turns(),
                        p.words()
                    )
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

/// `text` cut or padded to `width` display columns.
fn fit(text: &str, width: usize) -> String {
    let text = clean(text);
    let mut out = String::new();
    let mut w = 0;
    for c in text.chars() {
        let cw = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if w + cw > width {
            break;
        }
        out.push(c);
        w += cw;
    }
    out.push_str(&" ".repeat(width.saturating_sub(out.width())));
    out
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
    let t = lib.theme;
    frame.render_widget(frame_block(rect, " Search every session ", true, t), rect);
    let inner = layout::inner(rect);
    if inner.height == 0 {
        return;
    }
    let s = &lib.search;
    super::search::query_bar(frame, t, inner, s, lib.total_quotes());
    let rows = usize::from(inner.height.saturating_sub(1));
    let offset = list_offset(s.selected, rows);
    let mut lines = Vec::new();
    for (i, hit) in s.hits.iter().enumerate().skip(offset).take(rows) {
        let session = &lib.items[hit.session].session;
        let turn = &session.turns[hit.quote.turn];
        let quote = turn.sentence(hit.quote.sentence).unwrap_or_default();
        let mut spans = vec![
            Span::raw(if i == s.selected { "▸ " } else { "  " }),
            Span::styled(fit(&session.meta.title, 24), t.dim()),
            Span::raw(" · "),
            Span::styled(
                clean(session.speaker_name(turn)).into_owned(),
                t.speaker(hit.speaker),
            ),
            Span::styled(format!(" · {} · ", turn.id), t.dim()),
        ];
        spans.extend(lit_spans(quote, &s.lit(quote), Style::new(), t.matched()));
        let mut line = Line::from(spans);
        if i == s.selected {
            line = line.patch_style(Style::new().add_modifier(Modifier::BOLD));
        }
        lines.push(line);
    }
    frame.render_widget(
        Paragraph::new(lines),
        Rect {
            y: inner.y + 1,
            height: inner.height - 1,
            ..inner
        },
    );
}

fn draw_help(frame: &mut Frame<'_>, lib: &Library, area: Rect) {
    let lines: Vec<Line<'_>> = keymap::BINDINGS
        .iter()
        .filter(|b| matches!(b.context, Context::Library | Context::Search))
        .map(|b| {
            Line::from(vec![
                Span::styled(format!("  {:<16}", keymap::keys_label(b)), lib.theme.key()),
                Span::raw(b.help),
            ])
        })
        .collect();
    let width = 64.min(area.width);
    let height = (lines.len() as u16 + 2).min(area.height);
    let rect = super::popup(frame, area, width, height);
    frame.render_widget(
        frame_block(rect, " Library keys (Esc closes) ", true, lib.theme),
        rect,
    );
    let inner = layout::inner(rect);
    frame.render_widget(
        Paragraph::new(lines.into_iter().skip(lib.help_scroll).collect::<Vec<_>>()),
        inner,
    );
}
