//! The report's first lines: `Title | Event`, then `9 Oct 2023 00:30h - 01:30h UTC`.

/// The title line split at its last ` | `.
pub fn split_title(line: &str) -> (String, Option<String>) {
    match line.rsplit_once(" | ") {
        Some((title, event)) if !title.trim().is_empty() && !event.trim().is_empty() => {
            (title.trim().to_string(), Some(event.trim().to_string()))
        }
        _ => (line.trim().to_string(), None),
    }
}

use crate::session::ClockTime;

/// A parsed date line; the zone is `None` when absent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateLine {
    pub date: String,
    pub start: Option<ClockTime>,
    pub end: Option<ClockTime>,
    pub zone: Option<String>,
}

const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// Reads `9 Oct 2023 00:30h - 01:30h UTC` (or `31 May 2024 10:00h - 10:45h`, `9 October 2023`,
/// `00:30-01:30`). `None` when the line is not a date.
pub fn parse_date_line(line: &str) -> Option<DateLine> {
    let spaced = line.replace(['–', '—'], "-").replace('-', " - ");
    let mut tokens = spaced.split_whitespace();
    let day: u32 = tokens.next()?.trim_end_matches(',').parse().ok()?;
    let month_word = tokens.next()?.trim_end_matches([',', '.']).to_lowercase();
    if month_word.len() < 3 || !month_word.chars().all(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    let month = MONTHS.iter().position(|m| month_word.starts_with(m))?;
    let year: u32 = tokens.next()?.trim_end_matches(',').parse().ok()?;
    if !(1..=31).contains(&day) || !(1900..=2999).contains(&year) {
        return None;
    }
    let date = format!("{year:04}-{:02}-{day:02}", month + 1);
    let rest: Vec<&str> = tokens.collect();
    let (start, end, zone) = match rest.as_slice() {
        [] => (None, None, None),
        [start, "-", end, zone @ ..] => (
            Some(clock(start)?),
            Some(clock(end)?),
            (!zone.is_empty()).then(|| zone.join(" ")),
        ),
        [start, zone @ ..] => (
            Some(clock(start)?),
            None,
            (!zone.is_empty()).then(|| zone.join(" ")),
        ),
    };
    Some(DateLine {
        date,
        start,
        end,
        zone,
    })
}

/// `00:30h` → 00:30.
fn clock(token: &str) -> Option<ClockTime> {
    let t = token.trim_end_matches(['h', 'H']);
    let (h, m) = t.split_once(':')?;
    ClockTime::new(h.parse().ok()?, m.parse().ok()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_splits_at_last_bar() {
        assert_eq!(
            split_title("Meeting Spot: Share | IGF 2023 Networking Session #44"),
            (
                "Meeting Spot: Share".to_string(),
                Some("IGF 2023 Networking Session #44".to_string())
            )
        );
        assert_eq!(
            split_title("Plain title"),
            ("Plain title".to_string(), None)
        );
    }

    #[test]
    fn date_with_zone() {
        assert_eq!(
            parse_date_line("9 Oct 2023 00:30h - 01:30h UTC"),
            Some(DateLine {
                date: "2023-10-09".into(),
                start: ClockTime::parse("00:30"),
                end: ClockTime::parse("01:30"),
                zone: Some("UTC".into()),
            })
        );
    }

    #[test]
    fn date_without_zone_or_times() {
        let d = parse_date_line("31 May 2024 10:00h - 10:45h").expect("date");
        assert_eq!((d.date.as_str(), d.zone), ("2024-05-31", None));
        let d = parse_date_line("9 October 2023").expect("date");
        assert_eq!((d.date.as_str(), d.start), ("2023-10-09", None));
        let d = parse_date_line("9 Oct 2023 00:30h–01:30h CEST").expect("date");
        assert_eq!(d.end.map(|t| t.to_string()).as_deref(), Some("01:30"));
        assert_eq!(d.zone.as_deref(), Some("CEST"));
    }

    #[test]
    fn prose_is_not_a_date() {
        assert_eq!(parse_date_line("9 people met in 2023"), None);
        assert_eq!(parse_date_line("Event report"), None);
        assert_eq!(parse_date_line("9 Oct 2023 noon - later"), None);
        assert_eq!(parse_date_line("1 ’ab 2000"), None);
        assert_eq!(parse_date_line("1 Ja 2000"), None);
    }
}
