//! The report's published speech statistics: for each speaker a name line, then
//! `Speech speed` / `162 words per minute`, `Speech length` / `322 words`, `Speech time` /
//! `119 secs`, sometimes `Click for more`. An unpublished block prints `0` or nothing.

use super::Line;
use crate::formats::ParseError;
use crate::session::PublishedStats;

/// One speaker's figures as printed, with the line of the name (if the block names one).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    pub name: Option<(usize, String)>,
    pub figures: PublishedStats,
    /// How many figure lines the group had; a name with none is not a speaker's group.
    pub figure_lines: usize,
    /// Which of speed, length and time the group has had: a second "Speech speed" starts a
    /// new (unnamed) group, as empty reports repeat the block without a name.
    seen: [bool; 3],
}

impl Group {
    fn new(name: Option<(usize, String)>) -> Self {
        Group {
            name,
            figures: PublishedStats::default(),
            figure_lines: 0,
            seen: [false; 3],
        }
    }
}

/// Lines that belong to the block's layout rather than to any speaker.
pub fn is_furniture(text: &str) -> bool {
    let t = text.trim();
    t == "&" || t.eq_ignore_ascii_case("click for more") || t.eq_ignore_ascii_case("speakers")
}

pub fn is_figure_heading(text: &str) -> bool {
    figure_kind(text).is_some()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Figure {
    Speed,
    Length,
    Time,
}

fn figure_kind(text: &str) -> Option<Figure> {
    let text = text.trim();
    // Four bytes a character at most, one at least once lower-cased (see `heading`).
    if text.len() > 4 * "speech length".len() {
        return None;
    }
    match text.to_lowercase().as_str() {
        "speech speed" => Some(Figure::Speed),
        "speech length" => Some(Figure::Length),
        "speech time" => Some(Figure::Time),
        _ => None,
    }
}

/// Parses the block. `lines` start at its first line and run to the end of the report.
pub fn parse(lines: &[Line<'_>]) -> Result<Vec<Group>, ParseError> {
    let mut groups: Vec<Group> = Vec::new();
    let mut current: Option<Group> = None;
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        if is_furniture(line.text) {
            i += 1;
            continue;
        }
        let Some(kind) = figure_kind(line.text) else {
            // A name starts the next speaker's group.
            groups.extend(current.take());
            current = Some(Group::new(Some((
                line.number,
                line.text.trim().to_string(),
            ))));
            i += 1;
            continue;
        };
        let Some(value) = lines.get(i + 1) else {
            return Err(ParseError::at(
                line.number,
                format!(
                    "statistics block ends after \"{}\"; expected its value on the next line, e.g. \"{}\"",
                    line.text.trim(),
                    example(kind)
                ),
            ));
        };
        if current.as_ref().is_some_and(|g| g.seen[kind as usize]) {
            groups.extend(current.take());
        }
        let group = current.get_or_insert_with(|| Group::new(None));
        group.figure_lines += 1;
        group.seen[kind as usize] = true;
        let parsed = parse_value(kind, value.text).ok_or_else(|| {
            ParseError::at(
                value.number,
                format!(
                    "expected a figure such as \"{}\" after \"{}\", found \"{}\"",
                    example(kind),
                    line.text.trim(),
                    value.text.trim()
                ),
            )
        })?;
        match kind {
            Figure::Speed => group.figures.wpm = parsed,
            Figure::Length => group.figures.words = parsed,
            Figure::Time => group.figures.seconds = parsed,
        }
        i += 2;
    }
    if let Some(last) = current {
        if last.figure_lines == 0
            && let Some((number, name)) = &last.name
        {
            return Err(ParseError::at(
                *number,
                format!(
                    "statistics block ends after \"{name}\"; expected \"Speech speed\", \"Speech length\" and \"Speech time\" for that speaker"
                ),
            ));
        }
        groups.push(last);
    }
    Ok(groups)
}

fn example(kind: Figure) -> &'static str {
    match kind {
        Figure::Speed => "162 words per minute",
        Figure::Length => "322 words",
        Figure::Time => "119 secs",
    }
}

/// A value line. `Ok(None)` inside means printed blank or zero: not published.
fn parse_value(kind: Figure, text: &str) -> Option<Option<u64>> {
    let t = text.trim().to_lowercase();
    let value = match kind {
        Figure::Speed => number_before(&t, &["words per minute", "wpm"])?,
        Figure::Length => number_before(&t, &["words", "word"])?,
        Figure::Time => duration_seconds(&t)?,
    };
    Some(value.filter(|&v| v > 0))
}

/// `1,687 words` → Some(Some(1687)); `words` → Some(None); `about words` → None.
fn number_before(text: &str, units: &[&str]) -> Option<Option<u64>> {
    let unit = units.iter().find(|u| text.ends_with(*u))?;
    let number = text[..text.len() - unit.len()].trim();
    if number.is_empty() {
        return Some(None);
    }
    number
        .replace([',', '\u{a0}', ' '], "")
        .parse()
        .ok()
        .map(Some)
}

/// `119 secs`, `2 mins 5 secs`, `1 h 2 min`, `secs` (blank) → seconds.
fn duration_seconds(text: &str) -> Option<Option<u64>> {
    let tokens: Vec<&str> = text.split_whitespace().collect();
    if tokens.iter().all(|t| unit_seconds(t).is_some()) {
        return Some(None);
    }
    let mut total = 0u64;
    let mut it = tokens.iter();
    while let Some(number) = it.next() {
        let n: u64 = number.replace(',', "").parse().ok()?;
        let unit = unit_seconds(it.next()?)?;
        total = total.checked_add(n.checked_mul(unit)?)?;
    }
    Some(Some(total))
}

fn unit_seconds(unit: &str) -> Option<u64> {
    match unit {
        "s" | "sec" | "secs" | "second" | "seconds" => Some(1),
        "m" | "min" | "mins" | "minute" | "minutes" => Some(60),
        "h" | "hr" | "hrs" | "hour" | "hours" => Some(3600),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str) -> Vec<Line<'_>> {
        text.lines()
            .enumerate()
            .filter(|(_, t)| !t.trim().is_empty())
            .map(|(i, text)| Line {
                number: i + 1,
                text,
            })
            .collect()
    }

    #[test]
    fn published_group() {
        let groups = parse(&lines(
            "Moderator\nSpeech speed\n114 words per minute\nSpeech length\n1,687 words\nSpeech time\n885 secs",
        ))
        .expect("groups");
        assert_eq!(groups.len(), 1);
        assert_eq!(groups[0].name, Some((1, "Moderator".to_string())));
        assert_eq!(groups[0].figure_lines, 3);
        assert_eq!(
            groups[0].figures,
            PublishedStats {
                wpm: Some(114),
                words: Some(1687),
                seconds: Some(885)
            }
        );
    }

    #[test]
    fn zero_and_blank_mean_not_published() {
        let groups = parse(&lines(
            "&\n’Adli\nSpeech speed\n0 words per minute\nSpeech length\nwords\nSpeech time\n0 secs\nClick for more\nSpeech speed\n0 words per minute",
        ))
        .expect("groups");
        assert_eq!(groups.len(), 2);
        assert!(groups.iter().all(|g| g.figures.is_empty()));
        assert_eq!(groups[1].name, None);
    }

    #[test]
    fn truncated_block_names_the_line() {
        let err = parse(&lines("Adli Wahid\nSpeech speed")).unwrap_err();
        assert_eq!(err.line, Some(2));
        let err = parse(&lines("A\nSpeech speed\n1 words per minute\nB")).unwrap_err();
        assert_eq!(err.line, Some(4));
        let err = parse(&lines("A\nSpeech time\nlots")).unwrap_err();
        assert!(err.message.contains("119 secs"), "{}", err.message);
    }

    #[test]
    fn durations_in_minutes() {
        assert_eq!(duration_seconds("2 mins 5 secs"), Some(Some(125)));
        assert_eq!(duration_seconds("secs"), Some(None));
    }
}
