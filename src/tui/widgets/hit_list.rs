//! A search panel, the same for a session and a library: the query with a count `23/412`
//! (hits / quotes), and the ranked hits as `[session ·] speaker · t12 · quote` with the matched
//! letters lit and the selected hit marked `▸`. It also says which hit a click fell on.

use podium::search::Hit;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use super::list::ListView;
use super::{clean, fit, fit_line, frame_block, lit_spans};
use crate::tui::layout;
use crate::tui::search_state::SearchState;
use crate::tui::theme::Theme;

/// Rows above the hit list inside the panel: the query line.
const QUERY_ROWS: u16 = 1;

/// What a row shows of one hit.
pub struct HitRow<'a> {
    /// The session's title in a library (a parliament's sitting: its date and house).
    pub session: Option<std::borrow::Cow<'a, str>>,
    pub speaker: std::borrow::Cow<'a, str>,
    /// Colours the name.
    pub speaker_ix: usize,
    /// The turn's id; empty where the row names none.
    pub turn: &'a str,
    /// A summary sentence, not something said: its place reads `summary`, marked.
    pub summary: bool,
    pub quote: std::borrow::Cow<'a, str>,
}

impl<'a> HitRow<'a> {
    /// A summary sentence's row: the session's speaker it is credited to (`Session` when
    /// none), placed as `summary`.
    pub fn summary(
        session: Option<std::borrow::Cow<'a, str>>,
        speaker: Option<&'a str>,
        speaker_ix: usize,
        quote: std::borrow::Cow<'a, str>,
    ) -> Self {
        HitRow {
            session,
            speaker: speaker.unwrap_or("Session").into(),
            speaker_ix,
            turn: "summary",
            summary: true,
            quote,
        }
    }
}

/// The panel's frame and what it counts.
pub struct HitList<'a> {
    pub title: &'a str,
    pub state: &'a SearchState,
    /// Quotes searched, for the count.
    pub quotes: usize,
    pub theme: Theme,
}

/// Where the hits of a panel drawn in `rect` go.
pub fn rows(rect: Rect, state: &SearchState) -> ListView {
    let inner = layout::inner(rect);
    let rows = inner.height.saturating_sub(QUERY_ROWS);
    ListView {
        area: Rect {
            y: inner.y + inner.height - rows,
            height: rows,
            ..inner
        },
        item_rows: 1,
        selected: state.selected,
        len: state.hits.len(),
    }
}

/// The hit drawn at the cell (`column`, `row`) of a panel drawn in `rect`.
pub fn hit_at(rect: Rect, state: &SearchState, column: u16, row: u16) -> Option<usize> {
    rows(rect, state).item_at(column, row)
}

impl HitList<'_> {
    /// Draws the panel in `rect`; `describe` says what each hit's row shows.
    pub fn draw<'d>(
        &self,
        frame: &mut Frame<'_>,
        rect: Rect,
        describe: impl Fn(&Hit) -> HitRow<'d>,
    ) {
        let t = self.theme;
        frame.render_widget(frame_block(rect, self.title, true, t), rect);
        let inner = layout::inner(rect);
        if inner.height == 0 {
            return;
        }
        let s = self.state;
        query_bar(frame, t, inner, s, self.quotes);
        let list = rows(rect, s);
        let mut lines: Vec<Line<'_>> = Vec::new();
        if s.hits.is_empty() && !s.query.trim().is_empty() && !s.pending {
            lines.push(Line::styled("  no quote matches", t.dim()));
        }
        if s.query.trim().is_empty() {
            lines.push(Line::styled(
                "  type to search every sentence; 'word for exact, Enter to go, Esc to go back",
                t.dim(),
            ));
        }
        for i in list.shown() {
            lines.push(self.line(describe(&s.hits[i]), i == s.selected, inner.width));
        }
        frame.render_widget(Paragraph::new(lines), list.area);
    }

    fn line(&self, row: HitRow<'_>, selected: bool, width: u16) -> Line<'static> {
        let t = self.theme;
        let mut spans = vec![Span::raw(if selected { "▸ " } else { "  " })];
        if let Some(session) = &row.session {
            // A date and a house are read whole; a title gives way at 24 columns.
            let room = if row.turn.is_empty() { 40 } else { 24 };
            spans.push(Span::styled(
                fit(session, room.min(session.width())),
                t.dim(),
            ));
            spans.push(Span::raw(" · "));
        }
        let name_style = if row.summary && row.speaker_ix >= u32::MAX as usize {
            t.title()
        } else {
            t.speaker(row.speaker_ix)
        };
        spans.push(Span::styled(clean(&row.speaker).into_owned(), name_style));
        if row.summary {
            spans.push(Span::styled(" · ", t.dim()));
            spans.push(Span::styled(
                "summary",
                t.key().add_modifier(Modifier::ITALIC),
            ));
            spans.push(Span::styled(" · ", t.dim()));
        } else if row.turn.is_empty() {
            spans.push(Span::styled(" · ", t.dim()));
        } else {
            spans.push(Span::styled(format!(" · {} · ", row.turn), t.dim()));
        }
        let used: usize = spans.iter().map(|s| s.content.width()).sum();
        let room = usize::from(width).saturating_sub(used);
        let (shown, matched) = window(&row.quote, &self.state.lit(&row.quote), room);
        spans.extend(lit_spans(&shown, &matched, Style::new(), t.matched()));
        let mut line = fit_line(Line::from(spans), width);
        if selected {
            line = line.patch_style(t.selected_hit());
        }
        line
    }
}

/// The panel's first line: `/ query▏` and, at the right, `23/412` (matches / quotes; `…` while
/// the ranking is still coming).
fn query_bar(frame: &mut Frame<'_>, t: Theme, inner: Rect, s: &SearchState, quotes: usize) {
    let pending = if s.pending { "…" } else { "" };
    let count = format!(" {}{pending}/{quotes} ", s.total);
    let bar = Rect { height: 1, ..inner };
    let cw = (count.width() as u16).min(inner.width);
    // `/ ` before, the cursor after: the query scrolls so its end and the cursor show.
    let room = usize::from(inner.width.saturating_sub(cw)).saturating_sub(3);
    frame.render_widget(
        Line::from(vec![
            Span::styled("/ ", t.key()),
            Span::raw(tail_fit(&clean(&s.query), room)),
            Span::styled("▏", t.key()),
        ]),
        bar,
    );
    frame.render_widget(
        Line::styled(count, t.dim()),
        Rect {
            x: inner.x + inner.width - cw,
            width: cw,
            ..bar
        },
    );
}

/// The end of `text` in at most `width` columns, `…` first when its start was cut.
pub fn tail_fit(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_string();
    }
    let mut kept: Vec<char> = Vec::new();
    let mut used = 1;
    for c in text.chars().rev() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + w > width {
            break;
        }
        used += w;
        kept.push(c);
    }
    std::iter::once('…').chain(kept.into_iter().rev()).collect()
}

/// A long quote shown from a little before its first matched letter, so the match is on
/// screen; `…` marks what was cut. Returns the text and the matched indices within it.
fn window(quote: &str, matched: &[usize], room: usize) -> (String, Vec<usize>) {
    let first = matched.first().copied().unwrap_or(0);
    let start = if first + 1 > room * 2 / 3 {
        first.saturating_sub(room / 3)
    } else {
        0
    };
    if start == 0 {
        return (quote.to_string(), matched.to_vec());
    }
    let shown: String = std::iter::once('…')
        .chain(quote.chars().skip(start))
        .collect();
    let matched = matched
        .iter()
        .filter(|&&m| m >= start)
        .map(|m| m - start + 1)
        .collect();
    (shown, matched)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn window_keeps_the_first_match_visible() {
        let quote = "a".repeat(100) + "match";
        let (shown, lit) = window(&quote, &[100, 101], 40);
        assert!(shown.starts_with('…'));
        assert_eq!(shown.chars().nth(lit[0]), Some('m'));
        let (shown, lit) = window("short match", &[6], 40);
        assert_eq!((shown.as_str(), lit), ("short match", vec![6]));
    }

    #[test]
    fn a_long_query_shows_its_end() {
        assert_eq!(tail_fit("short", 10), "short");
        assert_eq!(tail_fit("information sharing budget", 10), "…ng budget");
        assert_eq!(tail_fit("東京会議です", 7).width(), 7);
    }

    #[test]
    fn a_click_finds_the_hit_drawn_on_its_row() {
        let state = SearchState {
            hits: (0..30)
                .map(|i| Hit {
                    session: 0,
                    quote: podium::session::QuoteRef {
                        turn: i,
                        sentence: 0,
                    },
                    speaker: 0,
                    summary: None,
                    score: 0,
                    matched: Vec::new(),
                })
                .collect(),
            selected: 12,
            ..SearchState::default()
        };
        // A bordered panel at y 20: border, query line, then 8 rows of hits (5 to 12).
        let rect = Rect::new(0, 20, 60, 11);
        assert_eq!(rows(rect, &state).shown(), 5..13);
        assert_eq!(hit_at(rect, &state, 10, 20), None, "the border");
        assert_eq!(hit_at(rect, &state, 10, 21), None, "the query line");
        assert_eq!(hit_at(rect, &state, 10, 22), Some(5));
        assert_eq!(hit_at(rect, &state, 10, 29), Some(12));
        assert_eq!(hit_at(rect, &state, 10, 30), None, "the border");
    }
}
