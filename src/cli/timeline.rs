//! `podium timeline [FILE] [--width N]`: who spoke when, one row per speaker in block
//! characters (`░▒▓█` for a quarter, a half, three quarters, all of a column), by time where the
//! source has times and by words otherwise — for pasting into notes.

use std::io::IsTerminal;
use std::process::ExitCode;

use podium::analysis::timeline::{self, Axis, Timeline as Line};
use podium::stats::{self, Figures};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use super::input::Source;
use super::out::{self, clean};

pub struct Timeline {
    pub source: Source,
    /// Columns in all, names included; `None`: the terminal's width, else 80.
    pub width: Option<usize>,
}

/// Columns when neither `--width` nor a terminal says.
const DEFAULT_WIDTH: usize = 80;

impl Timeline {
    pub fn run(self) -> anyhow::Result<ExitCode> {
        let session = self.source.load()?;
        let figures = Figures::new(&session);
        let line = Line::new(&session, &figures);
        let width = self.width.unwrap_or_else(terminal_width);
        let mut text = format!("{}\n", clean(&session.meta.title));
        if line.is_empty() {
            text.push_str("(nothing to show: no turn has words or times)\n");
            out::print(text.as_bytes())?;
            return Ok(ExitCode::SUCCESS);
        }
        let longest = session
            .speakers
            .iter()
            .map(|s| clean(&s.name).width())
            .max()
            .unwrap_or(0);
        // Names take at most a quarter of the line, and never fewer than 8 columns.
        let label = longest.min((width / 4).max(8)).max(1);
        let cols = width.saturating_sub(label + 1).max(1);
        let rows = line.rows(cols);
        for (speaker, row) in session.speakers.iter().zip(&rows) {
            let bar: String = row.iter().map(|&s| timeline::shade(s)).collect();
            let row = format!("{} {bar}", fit(&clean(&speaker.name), label));
            text.push_str(row.trim_end());
            text.push('\n');
        }
        let (from, to, unit) = match line.axis {
            Axis::Time => (
                stats::format_duration(line.start),
                stats::format_duration(line.end),
                "s",
            ),
            Axis::Words => ("0".to_string(), format!("{} words", line.end), "words"),
        };
        let gap = cols.saturating_sub(from.width() + to.width()).max(1);
        text.push_str(&format!(
            "{}{from}{}{to}\n",
            " ".repeat(label + 1),
            " ".repeat(gap)
        ));
        let step = line.length() / cols as f64;
        // A short recording's columns are fractions of a second.
        let step = if step < 10.0 {
            format!("{step:.1}")
        } else {
            format!("{step:.0}")
        };
        text.push_str(&match line.axis {
            Axis::Time => format!("by time: one column ≈ {step} {unit}\n"),
            Axis::Words => {
                format!("by words (the source has no times): one column ≈ {step} {unit}\n")
            }
        });
        out::print(text.as_bytes())?;
        Ok(ExitCode::SUCCESS)
    }
}

/// The terminal's width when standard output is one, else [`DEFAULT_WIDTH`].
fn terminal_width() -> usize {
    if std::io::stdout().is_terminal()
        && let Ok((w, _)) = ratatui::crossterm::terminal::size()
        && w > 0
    {
        return usize::from(w);
    }
    DEFAULT_WIDTH
}

/// `text` cut to `width` display columns (ending in `…` when cut) and padded to it.
fn fit(text: &str, width: usize) -> String {
    let mut out = String::new();
    let mut used = 0;
    if text.width() <= width {
        out.push_str(text);
        used = text.width();
    } else {
        for c in text.chars() {
            let w = c.width().unwrap_or(0);
            if used + w + 1 > width {
                break;
            }
            out.push(c);
            used += w;
        }
        out.push('…');
        used += 1;
    }
    out.extend(std::iter::repeat_n(' ', width.saturating_sub(used)));
    out
}

#[cfg(test)]
mod tests {
    use super::fit;

    #[test]
    fn names_are_cut_by_display_width() {
        assert_eq!(fit("Bernhards Blumbergs", 10), "Bernhards…");
        assert_eq!(fit("Adli", 6), "Adli  ");
        assert_eq!(fit("戸山正恵さん", 8), "戸山正… ");
    }
}
