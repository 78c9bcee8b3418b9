//! Drawing pieces that know nothing of the app's state: a pane's frame, bars, lit text, the
//! geometry of scrolled lists, the hit list of a search panel, the help overlay. A widget that
//! draws rows also answers which row a click fell on, so `App` hit-tests through the widget
//! without importing any pane.

pub mod help;
pub mod hit_list;
pub mod list;
pub mod scrolled;

use std::borrow::Cow;

use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Block, BorderType, Borders};
use unicode_width::UnicodeWidthStr;

use super::layout;
use super::theme::Theme;

/// Text from a file, safe to draw: the one output cleaner every printer uses
/// ([`podium::sanitize::clean`]): control characters shown as control pictures (`␛`), C1 and
/// bidi overrides as `�`.
pub fn clean(text: &str) -> Cow<'_, str> {
    podium::sanitize::clean(text, podium::sanitize::Keep::Nothing)
}

/// `text` cut to `width` display columns, ending in `…` when it was cut; cleaned as [`clean`]
/// does.
pub fn ellipsize(text: &str, width: usize) -> String {
    let text = clean(text);
    if text.width() <= width {
        return text.into_owned();
    }
    let mut out = String::new();
    let mut w = 0;
    for c in text.chars() {
        let cw = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if w + cw + 1 > width {
            break;
        }
        out.push(c);
        w += cw;
    }
    if width > 0 {
        out.push('…');
    }
    out
}

/// `text` cut (ending in `…`) or padded to exactly `width` display columns.
pub fn fit(text: &str, width: usize) -> String {
    let mut out = ellipsize(text, width);
    let w = out.width();
    out.extend(std::iter::repeat_n(' ', width.saturating_sub(w)));
    out
}

/// A line cut to `width` columns, its last cell `…` when anything was cut; spans keep their
/// styles.
pub fn fit_line(line: Line<'_>, width: u16) -> Line<'_> {
    let width = usize::from(width);
    if line.width() <= width {
        return line;
    }
    let style = line.style;
    let alignment = line.alignment;
    let mut spans = Vec::new();
    let mut used = 0;
    for span in line.spans {
        let w = span.content.width();
        if used + w < width {
            used += w;
            spans.push(span);
            continue;
        }
        let cut = ellipsize(&span.content, width - used);
        spans.push(ratatui::text::Span::styled(cut, span.style));
        break;
    }
    let mut out = Line::from(spans).style(style);
    out.alignment = alignment;
    out
}

/// `block` with `label` at its bottom right, cleaned as [`clean`] does (it may name a speaker).
pub fn bottom_label<'a>(block: Block<'a>, label: &str) -> Block<'a> {
    block.title_bottom(Line::from(clean(label).into_owned()).right_aligned())
}

/// A pane's frame: a border with its title when there is room, nothing on tiny terminals.
pub fn frame_block<'a>(
    rect: Rect,
    title: impl Into<Line<'a>>,
    focused: bool,
    theme: Theme,
) -> Block<'a> {
    if layout::bordered(rect) {
        // Titles name speakers and codes from the file: cleaned here, once for every frame.
        let mut title = title.into();
        for span in &mut title.spans {
            if let Cow::Owned(cleaned) = clean(&span.content) {
                span.content = Cow::Owned(cleaned);
            }
        }
        let title = if focused {
            title.style(theme.title())
        } else {
            title
        };
        Block::new()
            .borders(Borders::ALL)
            .border_type(if focused {
                BorderType::Thick
            } else {
                BorderType::Rounded
            })
            .border_style(theme.border(focused))
            .title(title)
    } else {
        Block::new()
    }
}

/// A `width`×`height` box centred in `area`, cleared for an overlay.
pub fn popup(frame: &mut ratatui::Frame<'_>, area: Rect, width: u16, height: u16) -> Rect {
    let (width, height) = (width.min(area.width), height.min(area.height));
    let rect = Rect {
        x: area.x + (area.width - width) / 2,
        y: area.y + (area.height - height) / 2,
        width,
        height,
    };
    frame.render_widget(ratatui::widgets::Clear, rect);
    rect
}

pub use list::list_offset;

/// A percentage bar of `width` cells: `███▌   `.
pub fn bar(fraction: f64, width: usize) -> String {
    const PARTS: [char; 8] = ['▏', '▎', '▍', '▌', '▋', '▊', '▉', '█'];
    let eighths = (fraction.clamp(0.0, 1.0) * width as f64 * 8.0).round() as usize;
    let mut s: String = std::iter::repeat_n('█', eighths / 8).collect();
    if !eighths.is_multiple_of(8) {
        s.push(PARTS[eighths % 8 - 1]);
    }
    let used = s.chars().count();
    s.extend(std::iter::repeat_n(' ', width.saturating_sub(used)));
    s
}

/// `c` as [`clean`] shows it, one character for one, so positions counted in the text (lit
/// letters, a sentence's range) hold on screen.
pub fn shown(c: char) -> char {
    podium::sanitize::shown_as(c, podium::sanitize::Keep::Nothing).unwrap_or(c)
}

/// Styles each char of `text` whose index is in `matched` (sorted) with `lit`, the rest with
/// `base`, merging runs into spans.
pub fn lit_spans<'a>(
    text: &str,
    matched: &[usize],
    base: Style,
    lit: Style,
) -> Vec<ratatui::text::Span<'a>> {
    let mut spans = Vec::new();
    let mut run = String::new();
    let mut run_lit = false;
    for (i, c) in text.chars().enumerate() {
        let is_lit = matched.binary_search(&i).is_ok();
        if is_lit != run_lit && !run.is_empty() {
            spans.push(ratatui::text::Span::styled(
                std::mem::take(&mut run),
                if run_lit { lit } else { base },
            ));
        }
        run_lit = is_lit;
        run.push(shown(c));
    }
    if !run.is_empty() {
        spans.push(ratatui::text::Span::styled(
            run,
            if run_lit { lit } else { base },
        ));
    }
    spans
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_have_fixed_width() {
        assert_eq!(bar(0.0, 4), "    ");
        assert_eq!(bar(1.0, 4), "████");
        assert_eq!(bar(0.5, 4), "██  ");
        assert_eq!(bar(0.1, 4).chars().count(), 4);
    }

    #[test]
    fn cut_text_ends_in_an_ellipsis_by_display_width() {
        assert_eq!(ellipsize("Bernhards Blumbergs", 10), "Bernhards…");
        assert_eq!(ellipsize("short", 10), "short");
        assert_eq!(ellipsize("戸山正恵さん", 7), "戸山正…");
        assert_eq!(fit("戸山正恵さん", 8), "戸山正… ");
        assert_eq!(fit("ab", 4), "ab  ");
        let line = Line::from(vec![
            ratatui::text::Span::raw("▸■ 4 "),
            ratatui::text::Span::raw("Bernhards Blumbergs"),
        ]);
        let cut = fit_line(line, 12);
        assert_eq!(cut.to_string(), "▸■ 4 Bernha…");
        assert_eq!(cut.width(), 12);
    }

    #[test]
    fn control_characters_are_replaced() {
        assert_eq!(clean("a\x1b[2Jb"), "a␛[2Jb");
        assert_eq!(
            clean("a\u{202e}b\u{9b}"),
            "a\u{FFFD}b\u{FFFD}",
            "bidi and C1 too"
        );
        assert!(matches!(clean("plain"), Cow::Borrowed(_)));
    }
}
