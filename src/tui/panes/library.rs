//! The library screen: a header with counts and loading progress, the list (sessions, people,
//! or one person's turns), the search panel over every session, and the footer (or the dates
//! prompt). A parliament's sittings show their house, people their party and their years.

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
    let shown = if lib.order.len() == lib.rows.len() || lib.loading.is_some() {
        String::new()
    } else {
        format!("{} of ", lib.order.len())
    };
    let mut head = format!(
        " Library · {shown}{} sessions · {} quotes · sorted by {} {}",
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
    let hint: Vec<Span<'_>> = match (&lib.date_prompt, &lib.message) {
        (Some(text), message) => vec![
            Span::styled(" Dates: ", t.key()),
            Span::raw(clean(text).into_owned()),
            Span::styled("▏", t.key()),
            Span::styled(
                format!(
                    "  {}",
                    message.as_deref().unwrap_or(
                        "Enter show them · Esc cancel · from..to, e.g. 2017..2019, 2020-03.., ..2018-06-30; empty: all"
                    )
                ),
                t.dim(),
            ),
        ],
        (None, Some(m)) => vec![Span::styled(format!(" {}", clean(m)), t.message())],
        (None, None) => {
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

/// One line of the sessions or people table: a name cut to fit (`…` where cut), short text
/// columns of fixed widths (none wider than a quarter of the line) and right-aligned counts,
/// so every list (and its header) lines up the same way.
fn table_row(
    width: usize,
    name: &str,
    texts: &[(&str, usize)],
    counts: &[(&dyn std::fmt::Display, usize)],
) -> String {
    // Counts keep their widths; texts share what is left beside a name of ten columns.
    let numbers: usize = counts.iter().map(|(_, w)| w + 1).sum();
    let shown = texts.iter().filter(|(_, w)| *w > 0).count().max(1);
    let room = width.saturating_sub(numbers + 3 + 10) / shown;
    let texts: Vec<(&str, usize)> = texts
        .iter()
        .map(|&(t, w)| (t, w.min(width / 4).min(room.saturating_sub(1))))
        .filter(|&(_, w)| w > 0)
        .collect();
    let used: usize = texts.iter().map(|(_, w)| w + 1).sum::<usize>() + numbers;
    let name_w = width.saturating_sub(used + 3).max(10);
    let mut line = fit(name, name_w);
    for (text, w) in texts {
        line.push(' ');
        line.push_str(&fit(text, w));
    }
    for (count, w) in counts {
        line.push_str(&format!(" {:>w$}", count.to_string()));
    }
    line
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
            // A parliament's sittings say which house sat.
            let house_w = lib
                .rows
                .iter()
                .map(|r| r.house.width())
                .max()
                .unwrap_or(0)
                .min(24);
            let h = |key, text| heading(lib, key, text);
            let (date, file) = (h(SortKey::Date, "date"), h(SortKey::File, "file"));
            let (speakers, turns, words) = (
                h(SortKey::Speakers, "speakers"),
                h(SortKey::Turns, "turns"),
                h(SortKey::Words, "words"),
            );
            // A count's column is as wide as its heading, marked `▼` or not.
            let (speakers_w, turns_w, words_w) = (
                speakers.width().max(8),
                turns.width().max(6),
                words.width().max(7),
            );
            let header = table_row(
                width,
                &h(SortKey::Title, "title"),
                &[(&file, file_w), ("house", house_w), (&date, 10)],
                &[
                    (&speakers, speakers_w),
                    (&turns, turns_w),
                    (&words, words_w),
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
                        &[(&r.name, file_w), (&r.house, house_w), (&r.date, 10)],
                        &[
                            (&r.speakers, speakers_w),
                            (&r.turns, turns_w),
                            (&r.words, words_w),
                        ],
                    )
                })
                .collect();
            (header, rows)
        }
        View::People => {
            // A parliament's people have parties; elsewhere the column says person or label.
            let parties = !lib.parties.is_empty();
            let second = if parties { ("party", 12) } else { ("kind", 8) };
            let second_w = second.1;
            let header = table_row(
                width,
                "person",
                &[second],
                &[
                    (&"sessions", 8),
                    (&"turns", 6),
                    (&"words", 7),
                    (&"share", 6),
                ],
            );
            let rows = lib
                .shown_people
                .iter()
                .skip(skip)
                .take(take)
                .map(|&i| {
                    let p = &lib.people[i];
                    let info = lib.info.get(i).cloned().unwrap_or_default();
                    let kind = match p.kind {
                        podium::session::SpeakerKind::Person => "person",
                        podium::session::SpeakerKind::Label => "label",
                    };
                    let second = if parties {
                        info.party_label()
                    } else {
                        kind.to_string()
                    };
                    let share = format!("{:.1}%", info.share * 100.0);
                    // A label ("Moderator", "Speaker 1") is one session's: say which.
                    let name = match (p.kind, p.appearances.as_slice()) {
                        (podium::session::SpeakerKind::Label, [a]) => {
                            format!("{} · {}", p.name, lib.title(a.session))
                        }
                        _ => p.name.clone(),
                    };
                    table_row(
                        width,
                        &name,
                        &[(&second, second_w)],
                        &[
                            (&p.appearances.len(), 8),
                            (&p.turns(), 6),
                            (&p.words(), 7),
                            (&share, 6),
                        ],
                    )
                })
                .collect();
            (header, rows)
        }
        View::PersonTurns(p) => {
            // The header counts their turns and words in each year, or where sessions have no
            // dates, in each session.
            let header = lib.people.get(p).map_or_else(String::new, |person| {
                let dated = person
                    .appearances
                    .iter()
                    .all(|a| lib.items[a.session].facts.date.is_some());
                let per_session: Vec<String> = match lib.info.get(p) {
                    Some(info) if dated => info.years.iter().map(year_text).collect(),
                    _ => person
                        .appearances
                        .iter()
                        .map(|a| format!("{} {}t/{}w", lib.title(a.session), a.turns, a.words))
                        .collect(),
                };
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
                    let first = lib.sentence(
                        s,
                        podium::session::QuoteRef {
                            turn: ti,
                            sentence: 0,
                        },
                    );
                    fit(
                        &format!("{} · {} · {first}", lib.place(s), lib.turn_id(s, ti)),
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

/// `2017: 3 speeches · 250 words · 9.2%`: a person's year.
fn year_text(y: &podium::library::YearFigures) -> String {
    let s = if y.speeches == 1 { "" } else { "es" };
    format!(
        "{}: {} speech{s} · {} words · {:.1}%",
        y.year,
        y.speeches,
        y.words,
        y.share * 100.0
    )
}

/// The list's title: what it shows, what limits it, and the keys that change that.
fn list_title(lib: &Library) -> String {
    let key = |name| {
        lib.keymap
            .key_for(Context::Library, name)
            .unwrap_or_default()
    };
    let people = key("people");
    let narrow = if lib.houses().is_empty() {
        String::new()
    } else {
        format!(
            " · {}: house · {}: dates",
            key("house-filter"),
            key("date-range")
        )
    };
    let limits = lib.filters.sessions_label();
    match lib.view {
        View::Sessions => format!(" Sessions{limits} ({people}: people{narrow}) "),
        View::People => {
            let party = lib
                .filters
                .party
                .as_deref()
                .map_or_else(String::new, |p| format!(" · party {p}"));
            let parties = if lib.parties.is_empty() {
                String::new()
            } else {
                format!(" · {}: party", key("party-filter"))
            };
            format!(" People{limits}{party} ({people}: sessions{parties}) ")
        }
        View::PersonTurns(_) => " Turns ".to_string(),
        View::PersonWords(p) => clean(&library_words::title(lib, p)).into_owned(),
        View::WordUses(_) => " Sentences (Enter: open one) ".to_string(),
    }
}

fn draw_list(frame: &mut Frame<'_>, lib: &Library, rect: Rect) {
    let t = lib.theme;
    let title = ellipsize(&list_title(lib), usize::from(rect.width.saturating_sub(2)));
    frame.render_widget(frame_block(rect, title.as_str(), !lib.search_open, t), rect);
    let mut inner = layout::inner(rect);
    if inner.height == 0 {
        return;
    }
    // The selected person's years, on the list's last line.
    if lib.view == View::People
        && inner.height >= 6
        && let Some(info) = lib
            .shown_people
            .get(lib.selected)
            .and_then(|&i| lib.info.get(i))
        && !info.years.is_empty()
    {
        inner.height -= 1;
        let years: Vec<String> = info.years.iter().map(year_text).collect();
        frame.render_widget(
            Line::styled(
                ellipsize(
                    &format!(" {}", years.join("  │  ")),
                    usize::from(inner.width),
                ),
                t.dim(),
            ),
            Rect {
                y: inner.y + inner.height,
                height: 1,
                ..inner
            },
        );
    }
    let visible = usize::from(inner.height).saturating_sub(1);
    let offset = list_offset(lib.selected, visible);
    // Rows follow a one-column marker (`▸` on the selected one); the header keeps its place.
    let width = usize::from(inner.width).saturating_sub(1);
    let (header, rows) = rows(lib, width, offset..offset + visible);
    let mut lines = vec![Line::styled(format!(" {header}"), t.dim())];
    if lib.rows_in_view() == 0 {
        lines.push(Line::styled(
            if matches!(lib.view, View::PersonWords(_)) && lib.words.counting() {
                "  counting…"
            } else if lib.loading.is_some() {
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
        let Some(facts) = lib.items.get(hit.session).map(|e| &e.facts) else {
            return HitRow {
                session: None,
                speaker: "".into(),
                speaker_ix: hit.speaker,
                turn: "",
                summary: hit.summary.is_some(),
                quote: lib.index.quote(hit).into(),
            };
        };
        let quote = lib.index.quote(hit).into();
        if hit.summary.is_some() {
            let speaker = facts.speakers.get(hit.speaker).map(|s| s.name.as_str());
            return HitRow::summary(
                Some(facts.title.as_str().into()),
                speaker,
                hit.speaker,
                quote,
            );
        }
        let speaker = lib
            .speaker_of_turn(hit.session, hit.quote.turn)
            .and_then(|s| facts.speakers.get(s));
        let name = speaker.map_or("", |s| s.name.as_str());
        // A parliament's sitting: `date · house · speaker (party) · quote`.
        if let (Some(date), Some(house)) = (&facts.date, &facts.house) {
            return HitRow {
                session: Some(format!("{date} · {house}").into()),
                speaker: match speaker.and_then(|s| s.party.as_deref()) {
                    Some(party) => format!("{name} ({party})").into(),
                    None => name.into(),
                },
                speaker_ix: hit.speaker,
                turn: "",
                summary: false,
                quote,
            };
        }
        HitRow {
            session: Some(facts.title.as_str().into()),
            speaker: name.into(),
            speaker_ix: hit.speaker,
            turn: lib.turn_id(hit.session, hit.quote.turn),
            summary: false,
            quote,
        }
    });
}
