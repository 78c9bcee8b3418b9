//! Timestamps as caption files and transcripts write them: `01:02:03.456`, `01:02:03,456`,
//! `2:03.4`, unpadded `0:0:0.570`, hours past 99, `[00:03:58.22]`.

/// Seconds of a timestamp, or `None` when `text` is not one. Hours, minutes and seconds may
/// have any number of digits; the fraction follows `.` or `,`.
pub fn parse(text: &str) -> Option<f64> {
    let t = text.trim();
    // Every clock starts with a digit: words are turned down before any splitting.
    if !t.as_bytes().first().is_some_and(u8::is_ascii_digit) {
        return None;
    }
    let (clock, fraction) = match t.rfind(['.', ',']) {
        Some(p) if t[p + 1..].chars().all(|c| c.is_ascii_digit()) && p + 1 < t.len() => {
            (&t[..p], Some(&t[p + 1..]))
        }
        _ => (t, None),
    };
    // Two or three parts (a caption file has a million stamps: no vector for them).
    let mut parts = [""; 3];
    let mut count = 0;
    for part in clock.split(':') {
        if count == parts.len() || part.is_empty() || !part.bytes().all(|c| c.is_ascii_digit()) {
            return None;
        }
        parts[count] = part;
        count += 1;
    }
    if count < 2 {
        return None;
    }
    let parts = &parts[..count];
    let mut seconds = 0f64;
    for p in parts {
        seconds = seconds * 60.0 + p.parse::<f64>().ok()?;
    }
    if let Some(f) = fraction {
        seconds += fraction_of(f)?;
    }
    let minutes_ok = parts[count - 2].len() <= 2 || count == 2;
    (minutes_ok && seconds.is_finite()).then_some(seconds)
}

/// `0.{digits}` as a number, read as Rust reads it (correctly rounded), without a string made
/// for it unless the digits are many.
fn fraction_of(digits: &str) -> Option<f64> {
    let mut buf = [0u8; 40];
    let Some(room) = buf.get_mut(2..2 + digits.len()) else {
        return format!("0.{digits}").parse().ok();
    };
    room.copy_from_slice(digits.as_bytes());
    buf[..2].copy_from_slice(b"0.");
    std::str::from_utf8(&buf[..2 + digits.len()])
        .ok()?
        .parse()
        .ok()
}

/// Whether a timestamp is written the canonical way for SRT: `HH:MM:SS,mmm`, with more digits
/// of hours past 99 (a long recording has no other way to write them).
pub fn is_canonical_srt(text: &str) -> bool {
    let b = text.trim().as_bytes();
    let Some(hours) = b.len().checked_sub(10).filter(|&h| h >= 2) else {
        return false;
    };
    b.iter()
        .enumerate()
        .all(|(i, &c)| match i.checked_sub(hours) {
            Some(0 | 3) => c == b':',
            Some(6) => c == b',',
            _ => c.is_ascii_digit(),
        })
}

/// `[00:03:58.22]`, `(00:03:58)` or `00:03:58` at the start of a line: its seconds and the
/// rest of the line.
pub fn leading(line: &str) -> Option<(f64, &str)> {
    let t = line.trim_start();
    let (inner, rest) = match t.chars().next()? {
        '[' => {
            let end = t.find(']')?;
            (&t[1..end], &t[end + 1..])
        }
        '(' => {
            let end = t.find(')')?;
            (&t[1..end], &t[end + 1..])
        }
        _ => {
            let end = t.find(char::is_whitespace).unwrap_or(t.len());
            (&t[..end], &t[end..])
        }
    };
    Some((parse(inner)?, rest.trim_start()))
}

/// Removes bracketed timestamps (`[00:03:58.22]`) from anywhere in `text`, returning the text
/// and the first time found. Annotations that merely contain a time (`[unintelligible
/// 00:08:54]`) stay.
pub fn take_inline(text: &str) -> (String, Option<f64>) {
    if memchr::memchr(b'[', text.as_bytes()).is_none() {
        return (text.trim().to_string(), None);
    }
    let mut out = String::with_capacity(text.len());
    let mut first = None;
    let mut rest = text;
    while let Some(open) = rest.find('[') {
        let Some(close) = rest[open..].find(']').map(|c| c + open) else {
            break;
        };
        match parse(&rest[open + 1..close]) {
            Some(t) => {
                first = first.or(Some(t));
                out.push_str(rest[..open].trim_end());
                rest = &rest[close + 1..];
                if !out.is_empty() && !rest.starts_with(char::is_whitespace) && !rest.is_empty() {
                    out.push(' ');
                }
            }
            None => {
                out.push_str(&rest[..=close]);
                rest = &rest[close + 1..];
            }
        }
    }
    out.push_str(rest);
    (out.trim().to_string(), first)
}

/// `754.2` → `00:12:34`.
pub fn format_clock(seconds: f64) -> String {
    let total = seconds.max(0.0).round() as u64;
    format!(
        "{:02}:{:02}:{:02}",
        total / 3600,
        total / 60 % 60,
        total % 60
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms_seen_in_the_wild() {
        assert_eq!(parse("01:02:03.456"), Some(3723.456));
        assert_eq!(parse("01:02:03,456"), Some(3723.456));
        assert_eq!(parse("02:03.5"), Some(123.5));
        assert_eq!(parse("0:0:0.570"), Some(0.57));
        assert_eq!(parse("100:00:00.000"), Some(360_000.0));
        assert_eq!(parse("00:00:0,000"), Some(0.0));
        assert_eq!(parse("1:02"), Some(62.0));
        assert_eq!(parse("hello"), None);
        assert_eq!(parse("12"), None);
        assert_eq!(parse("1:2:3:4"), None);
        assert_eq!(parse(""), None);
    }

    /// The reading before it went without allocations, kept to check the one after.
    fn parse_as_before(text: &str) -> Option<f64> {
        let t = text.trim();
        if !t.as_bytes().first().is_some_and(u8::is_ascii_digit) {
            return None;
        }
        let (clock, fraction) = match t.rfind(['.', ',']) {
            Some(p) if t[p + 1..].chars().all(|c| c.is_ascii_digit()) && p + 1 < t.len() => {
                (&t[..p], Some(&t[p + 1..]))
            }
            _ => (t, None),
        };
        let parts: Vec<&str> = clock.split(':').collect();
        if !(2..=3).contains(&parts.len())
            || parts
                .iter()
                .any(|p| p.is_empty() || !p.chars().all(|c| c.is_ascii_digit()))
        {
            return None;
        }
        let mut seconds = 0f64;
        for p in &parts {
            seconds = seconds * 60.0 + p.parse::<f64>().ok()?;
        }
        if let Some(f) = fraction {
            seconds += format!("0.{f}").parse::<f64>().ok()?;
        }
        let minutes_ok = parts[parts.len() - 2].len() <= 2 || parts.len() == 2;
        (minutes_ok && seconds.is_finite()).then_some(seconds)
    }

    proptest::proptest! {
        #[test]
        fn every_stamp_reads_as_it_did(text in "[0-9:.,a ]{0,16}|[0-9]{1,3}:[0-9]{1,3}(:[0-9]{1,3})?[.,][0-9]{0,60}") {
            proptest::prop_assert_eq!(
                parse(&text).map(f64::to_bits),
                parse_as_before(&text).map(f64::to_bits)
            );
        }
    }

    #[test]
    fn canonical_srt() {
        assert!(is_canonical_srt("00:00:01,000"));
        assert!(is_canonical_srt("100:00:01,000"), "hours past 99");
        assert!(!is_canonical_srt("0:00:01,000"));
        assert!(!is_canonical_srt("00:00:01,00"));
        assert!(!is_canonical_srt("00:0001,000"));
        assert!(!is_canonical_srt("00:00:0,000"));
        assert!(!is_canonical_srt("00:00:01.000"));
    }

    #[test]
    fn leading_timestamps() {
        assert_eq!(leading("[00:03:58.22] Hello"), Some((238.22, "Hello")));
        assert_eq!(leading("(00:01:02) Hi"), Some((62.0, "Hi")));
        assert_eq!(leading("Hello [00:03:58]"), None);
        assert_eq!(format_clock(754.2), "00:12:34");
    }

    #[test]
    fn inline_timestamps_are_taken_out() {
        assert_eq!(
            take_inline("Thank you. [00:03:58.22] I will [laughter] be brief."),
            (
                "Thank you. I will [laughter] be brief.".to_string(),
                Some(238.22)
            )
        );
        assert_eq!(
            take_inline("[unintelligible 00:08:54] yes"),
            ("[unintelligible 00:08:54] yes".to_string(), None)
        );
    }
}
