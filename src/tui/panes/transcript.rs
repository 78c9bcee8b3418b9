//! The transcript: each turn's header (speaker, turn id, time) and its text wrapped to the pane,
//! the current turn marked in the gutter, coded passages marked beside it (their codes in the
//! turn's header), a found sentence highlighted with its matched letters, and a scrollbar that
//! doubles as a map of who spoke where. Only the turns on screen are
//! wrapped and styled; the layout cache gives their positions.

use std::ops::Range;

use podium::stats::{self, TimeSource};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{bottom_label, clean, frame_block};
use crate::tui::app::App;
use crate::tui::layout::{self, Focus};
use crate::tui::{transcript_layout, wrap};

pub fn draw(frame: &mut Frame<'_>, app: &App, rect: Rect) {
    let t = app.theme;
    let focused = app.focus == Focus::Transcript;
    let mut title = match app.filter {
        Some(s) => format!(" Transcript · {} only ", app.session.speakers[s].name),
        None => " Transcript ".to_string(),
    };
    if let Some(code) = &app.code_filter {
        title.push_str(&format!("· coded {} ", code));
    }
    let mut block = frame_block(rect, title, focused, t);
    if layout::bordered(rect) {
        block = bottom_label(block, &position(app));
    }
    frame.render_widget(block, rect);
    let inner = layout::inner(rect);
    if app.layout.turns.is_empty() {
        frame.render_widget(no_turns(app), inner);
        return;
    }
    let lines = visible_lines(app, usize::from(inner.height));
    frame.render_widget(Paragraph::new(lines), inner);
    if layout::bordered(rect) {
        draw_turn_map(frame, app, rect);
    }
}

/// `t7/19 · 37%`: the current turn and how far down the transcript the screen is.
pub fn position(app: &App) -> String {
    let shown = app.layout.turns.len();
    let Some(pos) = app.current_pos() else {
        return " no turns ".into();
    };
    let id = &app.session.turns[app.layout.turns[pos]].id;
    let scrollable = app
        .layout
        .total_lines()
        .saturating_sub(app.viewport())
        .max(1);
    let pct = (app.top.min(scrollable) * 100) / scrollable;
    let of = if app.filter.is_some() || app.code_filter.is_some() {
        format!("{}/{shown} shown", pos + 1)
    } else {
        format!("{id}/{shown}")
    };
    format!(" {of} · {pct}% ")
}

/// The lines on screen, from `app.top`, wrapping only the turns they belong to.
fn visible_lines(app: &App, height: usize) -> Vec<Line<'static>> {
    let mut out = Vec::with_capacity(height);
    let Some(mut pos) = app.current_pos() else {
        return out;
    };
    let mut skip = app.top - app.layout.start(pos);
    while out.len() < height && pos < app.layout.turns.len() {
        let block = turn_lines(app, app.layout.turns[pos]);
        out.extend(block.into_iter().skip(skip).take(height - out.len()));
        skip = 0;
        pos += 1;
    }
    out
}

/// A summary-only report has no turns: say so, and where its summaries are.
fn no_turns(app: &App) -> Paragraph<'static> {
    let key = app
        .keymap
        .key_for(crate::tui::keymap::Context::Global, "summaries")
        .unwrap_or_default();
    Paragraph::new(Line::styled(
        format!("No transcript: this report has summaries only ({key} shows them)."),
        app.theme.dim(),
    ))
    .wrap(ratatui::widgets::Wrap { trim: true })
}

/// Every line of one turn's block, styled.
fn turn_lines(app: &App, turn: usize) -> Vec<Line<'static>> {
    let t = app.theme;
    let session = &app.session;
    let tr = &session.turns[turn];
    let speaker = app.speaker_of(turn).unwrap_or(0);
    let current = app.current_turn() == Some(turn);
    let codes = app.codes_on(turn);
    let whole_turn_coded = codes.iter().any(|(s, _)| s.is_none());
    // Byte ranges of coded sentences, by paragraph.
    let coded: Vec<(usize, Range<usize>)> = codes
        .iter()
        .filter_map(|(s, _)| tr.sentences.get((*s)?))
        .map(|span| (span.paragraph, span.start..span.end))
        .collect();
    let gutter = |code: bool| -> Vec<Span<'static>> {
        let bar = if current {
            Span::styled("▌", t.speaker(speaker))
        } else {
            Span::raw(" ")
        };
        let mark = if code {
            Span::styled("▏", t.key())
        } else {
            Span::raw(" ")
        };
        vec![bar, mark]
    };
    let mut lines = Vec::new();
    let mut header = gutter(!codes.is_empty());
    header.extend([
        Span::styled(
            clean(session.speaker_name(tr)).into_owned(),
            t.speaker(speaker).patch(t.title()),
        ),
        Span::styled(format!(" · {}", tr.id), t.dim()),
    ]);
    if let Some(time) = app.figures.times.get(turn) {
        // `[00:14:32]` from the source's own timestamps, `~00:31:46` when estimated.
        let clock = stats::clock_at(session, time.start);
        let shown = match time.source {
            TimeSource::Estimated => format!(" · ~{clock}"),
            TimeSource::Measured | TimeSource::Published => format!(" · [{clock}]"),
        };
        header.push(Span::styled(shown, t.dim()));
    }
    if !codes.is_empty() {
        // The header may use the column the text keeps free at the right.
        let used: usize = header[2..].iter().map(Span::width).sum();
        let room = (app.layout.width + 1).saturating_sub(used);
        header.push(Span::styled(code_tags(&codes, room), t.key()));
    }
    lines.push(Line::from(header));
    let found = app.found.as_ref().filter(|f| f.quote.turn == turn);
    for (p, paragraph) in tr.paragraphs.iter().enumerate() {
        if p > 0 {
            lines.push(Line::from(gutter(whole_turn_coded)));
        }
        let marks = found.and_then(|f| {
            let span = tr.sentences.get(f.quote.sentence)?;
            (span.paragraph == p)
                .then(|| sentence_marks(paragraph, span.start..span.end, &f.matched))
        });
        // The paragraph's `[hh:mm:ss] ` label is wrapped with its text and drawn dimmed.
        let shown = transcript_layout::shown(session, turn, p);
        let label = shown.len() - paragraph.len();
        for range in wrap::wrap(&shown, app.layout.width) {
            let text = range.start.max(label) - label..range.end.max(label) - label;
            let code = coded.iter().any(|(cp, r)| {
                *cp == p && r.start < text.end.max(text.start + 1) && text.start < r.end
            });
            let mut spans = gutter(code || whole_turn_coded);
            if range.start < label {
                let end = range.end.min(label);
                spans.push(Span::styled(shown[range.start..end].to_string(), t.dim()));
            }
            let range = text;
            match &marks {
                _ if range.is_empty() => {}
                Some((sentence, lit)) => spans.extend(styled_range(
                    paragraph,
                    range,
                    sentence,
                    lit,
                    t.found_sentence(),
                    t.matched(),
                )),
                None => spans.push(Span::raw(clean(&paragraph[range]).into_owned())),
            }
            lines.push(Line::from(spans));
        }
    }
    lines.push(Line::from(gutter(false)));
    lines
}

/// ` · #roles #trust`: the turn's codes, as many as fit in `room` columns with `+N` for the
/// rest, or ` · 3 codes` when not one fits.
fn code_tags(codes: &[(Option<usize>, &str)], room: usize) -> String {
    use unicode_width::UnicodeWidthStr;
    let mut names: Vec<&str> = codes.iter().map(|(_, c)| *c).collect();
    names.sort_unstable();
    names.dedup();
    let tags: Vec<String> = names.iter().map(|c| format!(" #{}", clean(c))).collect();
    for shown in (1..=tags.len()).rev() {
        let left = tags.len() - shown;
        let mut out = format!(" ·{}", tags[..shown].concat());
        if left > 0 {
            out.push_str(&format!(" +{left}"));
        }
        if out.width() <= room {
            return out;
        }
    }
    match names.len() {
        1 => " · 1 code".into(),
        n => format!(" · {n} codes"),
    }
}

/// The found sentence's byte range and the byte offsets of its matched letters.
fn sentence_marks(
    paragraph: &str,
    sentence: Range<usize>,
    matched: &[usize],
) -> (Range<usize>, Vec<usize>) {
    let lit = paragraph[sentence.clone()]
        .char_indices()
        .enumerate()
        .filter(|(i, _)| matched.binary_search(i).is_ok())
        .map(|(_, (b, _))| sentence.start + b)
        .collect();
    (sentence, lit)
}

/// Spans for `range` of `text`: plain, in the sentence, or a lit letter.
fn styled_range(
    text: &str,
    range: Range<usize>,
    sentence: &Range<usize>,
    lit: &[usize],
    in_sentence: Style,
    letter: Style,
) -> Vec<Span<'static>> {
    let mut spans: Vec<Span<'static>> = Vec::new();
    let mut run = String::new();
    let mut run_style = Style::new();
    for (b, c) in text[range.clone()].char_indices() {
        let at = range.start + b;
        let style = if lit.binary_search(&at).is_ok() {
            in_sentence.patch(letter)
        } else if sentence.contains(&at) {
            in_sentence
        } else {
            Style::new()
        };
        if style != run_style && !run.is_empty() {
            spans.push(Span::styled(std::mem::take(&mut run), run_style));
        }
        run_style = style;
        run.push(crate::tui::widgets::shown(c));
    }
    if !run.is_empty() {
        spans.push(Span::styled(run, run_style));
    }
    spans
}

/// The right border as a scrollbar: each cell coloured by the speaker of the turns it stands
/// for, the part on screen drawn solid.
fn draw_turn_map(frame: &mut Frame<'_>, app: &App, rect: Rect) {
    let inner = layout::inner(rect);
    let total = app.layout.total_lines();
    let rows = usize::from(inner.height);
    if total == 0 || rows == 0 {
        return;
    }
    let x = rect.x + rect.width - 1;
    let view = app.viewport();
    let buf = frame.buffer_mut();
    for row in 0..rows {
        let from = row * total / rows;
        let to = ((row + 1) * total / rows).max(from + 1);
        let on_screen = from < app.top + view && to > app.top;
        let speaker = app
            .layout
            .pos_at_line(from)
            .and_then(|p| app.speaker_of(app.layout.turns[p]));
        let cell = &mut buf[(x, inner.y + row as u16)];
        cell.set_symbol(if on_screen { "█" } else { "▐" });
        let style = match speaker {
            Some(s) => app.theme.speaker(s),
            None => app.theme.dim(),
        };
        cell.set_style(style);
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn code_tags_fit_their_room() {
        let codes = [(None, "trust"), (Some(1), "roles"), (Some(2), "trust")];
        assert_eq!(super::code_tags(&codes, 40), " · #roles #trust");
        assert_eq!(super::code_tags(&codes, 15), " · #roles +1");
        assert_eq!(super::code_tags(&codes, 5), " · 2 codes");
        assert_eq!(super::code_tags(&codes[..1], 3), " · 1 code");
    }
}
