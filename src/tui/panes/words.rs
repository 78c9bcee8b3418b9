//! The middle pane's words view (W): the most frequent content words beside the most
//! distinctive ones, with count, the rest's count, z and a bar of z; or, after `Enter`, the
//! sentences using the word, each with its place and the word lit.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use super::{bar, bottom_label, frame_block};
use crate::tui::app::App;
use crate::tui::layout::{self, Focus};
use crate::tui::widgets::{clean, ellipsize, fit, lit_spans};
use crate::tui::words_view::{self, List, Lists, Using};
use crate::tui::wrap;

pub fn draw(frame: &mut Frame<'_>, app: &App, rect: Rect) {
    let focused = app.focus == Focus::Transcript;
    let t = app.theme;
    let inner = layout::inner(rect);
    let w = &app.words;
    if let Some(using) = &w.using {
        let head = format!(
            " “{}” · {} sentences by ",
            clean(&using.word),
            using.quotes.len()
        );
        let room = usize::from(rect.width).saturating_sub(head.width() + 3);
        let title = format!("{head}{} ", ellipsize(&whose(app, using.speaker), room));
        frame.render_widget(frame_block(rect, title, focused, t), rect);
        draw_using(frame, app, using, inner);
        return;
    }
    let Some(lists) = w.lists(app.selected) else {
        frame.render_widget(frame_block(rect, " Words ", focused, t), rect);
        return;
    };
    // The title names whose words, cut to fit.
    let room = usize::from(rect.width).saturating_sub(4);
    let title = match lists.speaker {
        Some(s) => {
            let name = ellipsize(
                &whose(app, Some(s)),
                room.saturating_sub(" Words ·  vs the rest".width()),
            );
            format!(" Words · {name} vs the rest ")
        }
        None => " Words · the whole session ".to_string(),
    };
    let mut block = frame_block(rect, title, focused, t);
    if layout::bordered(rect) {
        let figures = format!(
            " {} content words of {} ",
            lists.counts.total, lists.counts.spoken
        );
        block = bottom_label(block, &figures);
    }
    frame.render_widget(block, rect);
    let active = w.active();
    for (list, area) in words_view::columns(inner, w.whole, active) {
        if area.height == 0 || area.width == 0 {
            continue;
        }
        let selected =
            (list == active).then_some(w.selected.min(lists.len(list).saturating_sub(1)));
        let lines = match list {
            List::Frequent => frequent(app, &lists, area, selected),
            List::Distinctive => distinctive(app, &lists, area, selected),
        };
        frame.render_widget(Paragraph::new(lines), area);
    }
}

/// The speaker's name, or "everyone".
fn whose(app: &App, speaker: Option<usize>) -> String {
    speaker
        .and_then(|s| app.session.speakers.get(s))
        .map_or_else(|| "everyone".to_string(), |s| clean(&s.name).into_owned())
}

/// The heading of a list: its name (the short one when the long one does not fit), and what
/// its numbers are.
fn heading<'a>(app: &App, names: [&str; 2], numbers: &str, width: usize) -> Line<'a> {
    let t = app.theme;
    let room = width.saturating_sub(numbers.width() + 1);
    let name = if names[0].width() <= room {
        names[0]
    } else {
        names[1]
    };
    Line::from(vec![
        Span::styled(fit(name, room), t.title()),
        Span::styled(format!(" {numbers}"), t.dim()),
    ])
}

fn row_style(app: &App, selected: bool) -> Style {
    if selected && app.focus == Focus::Transcript {
        app.theme.selected()
    } else if selected {
        app.theme.title()
    } else {
        Style::new()
    }
}

fn frequent<'a>(
    app: &App,
    lists: &Lists<'_>,
    area: Rect,
    selected: Option<usize>,
) -> Vec<Line<'a>> {
    let width = usize::from(area.width);
    let title = if lists.speaker.is_some() {
        ["Most frequent", "Frequent"]
    } else {
        ["Most frequent in the session", "Most frequent"]
    };
    let mut lines = vec![heading(app, title, "said", width)];
    if lists.frequent.is_empty() {
        lines.push(Line::styled("No content words", app.theme.dim()));
        return lines;
    }
    let most = lists.frequent.first().map_or(1, |w| w.1).max(1);
    // The whole session's list has room for a bar of counts.
    let bar_w = if app.words.whole {
        (width / 3).min(30)
    } else {
        0
    };
    let first = words_view::first_row(area, selected);
    for (i, (word, count)) in lists
        .frequent
        .iter()
        .enumerate()
        .skip(first)
        .take(usize::from(area.height.saturating_sub(1)))
    {
        let count = format!(" {count:>5}");
        let word_w = width.saturating_sub(count.width() + if bar_w > 0 { bar_w + 1 } else { 0 });
        let mut spans = vec![
            Span::raw(fit(word, word_w)),
            Span::styled(count, app.theme.dim()),
        ];
        if bar_w > 0 {
            let share = lists.frequent[i].1 as f64 / most as f64;
            spans.push(Span::styled(
                format!(" {}", bar(share, bar_w)),
                app.theme.key(),
            ));
        }
        lines.push(Line::from(spans).style(row_style(app, selected == Some(i))));
    }
    lines
}

fn distinctive<'a>(
    app: &App,
    lists: &Lists<'_>,
    area: Rect,
    selected: Option<usize>,
) -> Vec<Line<'a>> {
    let width = usize::from(area.width);
    let mut lines = vec![heading(
        app,
        ["Most distinctive", "Distinctive"],
        " said  rest     z",
        width,
    )];
    if lists.speaker.is_none() {
        lines.push(Line::styled(
            "Distinctive words compare a speaker with the rest:",
            app.theme.dim(),
        ));
        lines.push(Line::styled("a (or 1–9) picks one.", app.theme.dim()));
        return lines;
    }
    if lists.distinctive.is_empty() {
        lines.push(Line::styled("No content words", app.theme.dim()));
        return lines;
    }
    let most = lists.distinctive.iter().map(|s| s.z).fold(0.0, f64::max);
    // word, then `  said  rest      z`, then a bar of z.
    const NUMBERS: usize = 18;
    let longest = lists
        .distinctive
        .iter()
        .map(|s| s.word.width())
        .max()
        .unwrap_or(0);
    let word_w = longest.clamp(6, 18).min(width.saturating_sub(NUMBERS));
    let bar_w = width.saturating_sub(word_w + NUMBERS + 1);
    let speaker = lists.speaker.unwrap_or(0);
    let first = words_view::first_row(area, selected);
    for (i, s) in lists
        .distinctive
        .iter()
        .enumerate()
        .skip(first)
        .take(usize::from(area.height.saturating_sub(1)))
    {
        let share = if most > 0.0 { s.z.max(0.0) / most } else { 0.0 };
        let mut spans = vec![
            Span::raw(fit(&s.word, word_w)),
            Span::styled(
                format!(" {:>5} {:>5} {:>6.1}", s.count, s.rest_count, s.z),
                app.theme.dim(),
            ),
        ];
        if bar_w > 0 {
            spans.push(Span::styled(
                format!(" {}", bar(share, bar_w)),
                app.theme.speaker(speaker),
            ));
        }
        lines.push(Line::from(spans).style(row_style(app, selected == Some(i))));
    }
    lines
}

/// The sentences using the word: each one's place (and speaker, when everyone's are listed),
/// then its text wrapped, the word lit; the selected one has the bar in the gutter.
fn draw_using(frame: &mut Frame<'_>, app: &App, using: &Using, inner: Rect) {
    let t = app.theme;
    let width = usize::from(inner.width);
    let rows = usize::from(inner.height);
    if using.quotes.is_empty() {
        frame.render_widget(Line::styled("No sentence uses it", t.dim()), inner);
        return;
    }
    let text_w = width.saturating_sub(2).max(1);
    let mut lines: Vec<Line<'_>> = Vec::new();
    let first = using.first_shown(&app.session, width, rows);
    for (i, (quote, ranges)) in using.quotes.iter().enumerate().skip(first) {
        if lines.len() >= rows {
            break;
        }
        let turn = &app.session.turns[quote.turn];
        let speaker = turn.speaker.get();
        let selected = i == using.selected;
        let gutter = || {
            if selected {
                Span::styled("▌ ", t.speaker(speaker))
            } else {
                Span::raw("  ")
            }
        };
        let mut place = format!("{}.{}", turn.id, quote.sentence + 1);
        if using.speaker.is_none() {
            place.push_str(&format!(" · {}", app.session.speaker_name(turn)));
        }
        lines.push(Line::from(vec![
            gutter(),
            Span::styled(ellipsize(&place, text_w), t.dim()),
        ]));
        let text = turn.sentence(quote.sentence).unwrap_or_default();
        let base = if selected {
            t.found_sentence()
        } else {
            Style::new()
        };
        for range in wrap::wrap(text, text_w) {
            let before = text[..range.start].chars().count();
            let lit: Vec<usize> = text
                .char_indices()
                .enumerate()
                .filter(|(_, (b, _))| ranges.iter().any(|r| r.contains(b)))
                .filter_map(|(c, _)| c.checked_sub(before))
                .collect();
            let mut spans = vec![gutter()];
            spans.extend(lit_spans(
                &clean(&text[range]),
                &lit,
                base,
                base.patch(t.matched()),
            ));
            lines.push(Line::from(spans));
        }
    }
    lines.truncate(rows);
    frame.render_widget(Paragraph::new(lines), inner);
}
