//! Live statistics: the selected speaker's computed and published figures side by side, and a
//! share-of-words chart for the session so far (up to the turn at the reader's position) or the
//! whole session (`s`). Estimated figures carry `~`.

use podium::stats::{self, SpeakerStats};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use unicode_width::UnicodeWidthStr;

use super::{bar, frame_block};
use crate::tui::app::App;
use crate::tui::layout::{self, Focus};
use crate::tui::widgets::{ellipsize, fit};

pub fn draw(frame: &mut Frame<'_>, app: &App, rect: Rect) {
    let t = app.theme;
    let focused = app.focus == Focus::Stats;
    let block = frame_block(rect, " Statistics ", focused, t);
    frame.render_widget(block, rect);
    let inner = layout::inner(rect);
    let lines = lines(app, usize::from(inner.width));
    let max_scroll = lines.len().saturating_sub(usize::from(inner.height));
    let scroll = app.stats_scroll.min(max_scroll);
    let shown: Vec<Line<'_>> = lines.into_iter().skip(scroll).collect();
    frame.render_widget(Paragraph::new(shown), inner);
}

/// Turns the statistics cover: up to and including the current one, or all of them.
fn scope(app: &App) -> (std::ops::Range<usize>, String) {
    let n = app.session.turns.len();
    match app.current_turn() {
        Some(turn) if !app.whole_session_stats => (
            0..turn + 1,
            format!("so far, to {} (s: whole)", app.session.turns[turn].id),
        ),
        _ => (0..n, "whole session (s: so far)".to_string()),
    }
}

fn lines(app: &App, width: usize) -> Vec<Line<'static>> {
    let t = app.theme;
    let mut out = Vec::new();
    let Some(sp) = app.session.speakers.get(app.selected) else {
        out.push(Line::from("No speakers"));
        return out;
    };
    let (range, scope_label) = scope(app);
    let all = app.figures.speakers(&app.session, range);
    let st = &all[app.selected];
    out.push(Line::from(vec![
        Span::styled("■ ", t.speaker(app.selected)),
        Span::styled(
            ellipsize(&sp.name, width.saturating_sub(2)),
            t.speaker(app.selected).patch(t.title()),
        ),
    ]));
    // A parliament's speaker: the party as abbreviated, then its name (the organisation).
    let party = sp
        .party
        .as_ref()
        .filter(|p| sp.organisation.as_ref() != Some(*p));
    let about: Vec<&str> = [
        party,
        sp.organisation.as_ref(),
        sp.stakeholder_group.as_ref(),
        sp.region.as_ref(),
    ]
    .into_iter()
    .filter_map(|f| f.map(String::as_str))
    .collect();
    if !about.is_empty() {
        out.push(Line::styled(ellipsize(&about.join(" · "), width), t.dim()));
    }
    let mut kind = crate::tui::who::roles_text(sp);
    if sp.kind == podium::session::SpeakerKind::Label {
        kind.push_str(if kind.is_empty() {
            "label"
        } else {
            " (a label, not a person)"
        });
    }
    if !kind.is_empty() {
        out.push(Line::styled(ellipsize(&kind, width), t.dim()));
    }
    out.push(Line::styled(ellipsize(&scope_label, width), t.dim()));
    out.push(Line::from(""));
    // Two figure columns share what the label leaves; short headings when they are narrow.
    let col = (width.saturating_sub(9) / 2).clamp(5, 10);
    let (c, p) = if col >= 10 {
        ("computed", "published")
    } else {
        ("comp.", "publ.")
    };
    out.push(Line::styled(
        format!("{:<9}{c:>col$}{p:>col$}", ""),
        t.title(),
    ));
    for (label, computed, published) in figure_rows(app, st) {
        out.push(Line::from(format!(
            "{label:<9}{computed:>col$}{published:>col$}"
        )));
    }
    out.push(Line::from(""));
    out.push(Line::styled("Share of words", t.title()));
    // Names by display width (a Japanese name takes two columns a character), so the bars
    // and the percentages line up whatever the script.
    let longest = app
        .session
        .speakers
        .iter()
        .map(|s| s.name.width())
        .max()
        .unwrap_or(0);
    let name_w = longest.min(10.max(width.saturating_sub(20))).min(width / 2);
    for (i, s) in all.iter().enumerate() {
        let pct = format!("{:>4.0}%", s.share * 100.0);
        let bar_w = width.saturating_sub(2 + name_w + 1 + pct.len());
        let mut line = Line::from(vec![
            Span::styled("■ ", t.speaker(i)),
            Span::raw(format!("{} ", fit(&app.session.speakers[i].name, name_w))),
            Span::styled(bar(s.share, bar_w), t.speaker(i)),
            Span::raw(pct),
        ]);
        if i == app.selected {
            line = line.style(t.selected());
        }
        out.push(line);
    }
    out
}

/// (label, computed, published) rows; `-` where a figure does not exist.
fn figure_rows(app: &App, st: &SpeakerStats) -> Vec<(&'static str, String, String)> {
    let dash = || "-".to_string();
    let p = st.published.unwrap_or_default();
    let opt = |v: Option<u64>| v.map_or_else(dash, |v| v.to_string());
    // The one definition `podium stats` prints too (stats::SpeakerStats::speaking_time).
    let time = st.speaking_time.map_or_else(dash, stats::time_label);
    // A rate is only computed from real times; otherwise the published one stands alone.
    let wpm = st.wpm.map_or_else(dash, |w| format!("{w:.0}"));
    let longest = st.longest_turn.map_or_else(dash, |(turn, words)| {
        format!("{} {words}w", app.session.turns[turn].id)
    });
    vec![
        ("turns", st.turns.to_string(), dash()),
        ("words", st.words.to_string(), opt(p.words)),
        ("share", format!("{:.1}%", st.share * 100.0), dash()),
        ("wpm", wpm, opt(p.wpm)),
        (
            "time",
            time,
            p.seconds
                .map_or_else(dash, |s| stats::format_duration(s as f64)),
        ),
        ("longest", longest, dash()),
        ("questions", st.questions.to_string(), dash()),
    ]
}
