//! JSON from cloud recognisers whose shapes the generic reader would misread:
//! - Speechmatics (`results[]` of words and punctuation, speaker `S1`… or `UU` on the
//!   alternative, `attaches_to` for punctuation);
//! - Azure batch transcription (`recognizedPhrases[]`, `speaker`, ticks or ISO durations,
//!   `nBest[0].display`) and fast transcription (`phrases[]`, `speaker`, milliseconds);
//! - Google Speech-to-Text (`results[].alternatives[0].words[]` with `speakerTag` (v1) or
//!   `speakerLabel` (v2), times as `"1.300s"` or `{seconds, nanos}`; with diarization the last
//!   result repeats every word with its speaker, and is the one read);
//! - Trint (`words[]` of `value`, `time` and `duration` in milliseconds, `paragraphId`,
//!   `speaker`).

use serde_json::Value;

use crate::formats::pieces::{Piece, UNKNOWN, Who};

/// The variant and its pieces, when `v` is one of these shapes; warnings as (line, message).
pub fn read(v: &Value, warnings: &mut Vec<String>) -> Option<(&'static str, Vec<Piece>)> {
    if let Some(results) = v.get("results").and_then(Value::as_array) {
        fn alt(r: &Value) -> Option<&Value> {
            r.pointer("/alternatives/0")
        }
        if results
            .iter()
            .any(|r| alt(r).is_some_and(|a| a.get("content").is_some()))
        {
            return Some(("speechmatics", speechmatics(results, warnings)));
        }
        if results.iter().any(|r| {
            alt(r).is_some_and(|a| a.get("transcript").is_some() || a.get("words").is_some())
        }) {
            return Some(("google-stt", google(results)));
        }
    }
    if let Some(phrases) = v.get("recognizedPhrases").and_then(Value::as_array) {
        return Some(("azure-batch", azure(phrases)));
    }
    if let Some(phrases) = v.get("phrases").and_then(Value::as_array)
        && phrases.iter().any(|p| p.get("text").is_some())
    {
        return Some(("azure-fast", azure(phrases)));
    }
    if let Some(words) = v.get("words").and_then(Value::as_array)
        && words
            .iter()
            .any(|w| w.get("paragraphId").is_some() && w.get("value").is_some())
    {
        return Some(("trint", trint(words)));
    }
    None
}

fn number(v: Option<&Value>) -> Option<f64> {
    match v? {
        Value::Number(n) => n.as_f64(),
        Value::String(s) => s.trim().trim_end_matches('s').parse().ok(),
        Value::Object(o) => {
            // Google's protobuf Duration: {"seconds": "12", "nanos": 900000000}.
            let seconds = number(o.get("seconds")).unwrap_or(0.0);
            let nanos = number(o.get("nanos")).unwrap_or(0.0);
            (o.contains_key("seconds") || o.contains_key("nanos")).then_some(seconds + nanos / 1e9)
        }
        _ => None,
    }
}

/// `PT1M2.5S` (an ISO 8601 duration, as Azure writes offsets) in seconds.
fn iso_duration(text: &str) -> Option<f64> {
    let rest = text.strip_prefix("PT")?;
    let mut total = 0.0;
    let mut digits = String::new();
    for c in rest.chars() {
        match c {
            'H' => total += digits.parse::<f64>().ok()? * 3600.0,
            'M' => total += digits.parse::<f64>().ok()? * 60.0,
            'S' => total += digits.parse::<f64>().ok()?,
            _ => {
                digits.push(c);
                continue;
            }
        }
        digits.clear();
    }
    Some(total)
}

fn speechmatics(results: &[Value], warnings: &mut Vec<String>) -> Vec<Piece> {
    let mut pieces: Vec<Piece> = Vec::new();
    let mut unknown = 0;
    for r in results {
        let Some(alt) = r.pointer("/alternatives/0") else {
            continue;
        };
        let content = alt
            .get("content")
            .and_then(Value::as_str)
            .unwrap_or_default();
        let punctuation = r.get("type").and_then(Value::as_str) == Some("punctuation");
        if punctuation
            && r.get("attaches_to").and_then(Value::as_str) != Some("next")
            && let Some(last) = pieces.last_mut()
        {
            last.text.push_str(content);
            continue;
        }
        let who = match alt.get("speaker").and_then(Value::as_str) {
            Some("UU") => {
                unknown += 1;
                Who::Named(UNKNOWN.to_string())
            }
            Some(s) => Who::Named(match s.strip_prefix('S') {
                Some(n) if n.chars().all(|c| c.is_ascii_digit()) && !n.is_empty() => {
                    format!("Speaker {n}")
                }
                _ => s.to_string(),
            }),
            None => match r.get("channel").and_then(Value::as_str) {
                Some(c) => Who::Named(c.replace('_', " ").replacen('c', "C", 1)),
                None => Who::Same,
            },
        };
        pieces.push(
            Piece::new(who, content)
                .timed(number(r.get("start_time")), number(r.get("end_time")))
                .because("Speechmatics `speaker`"),
        );
    }
    if unknown > 0 {
        warnings.push(format!(
            "{unknown} words have speaker `UU` (Speechmatics could not tell who): given to \"{UNKNOWN}\""
        ));
    }
    pieces
}

fn google(results: &[Value]) -> Vec<Piece> {
    fn words_of(r: &Value) -> &[Value] {
        r.pointer("/alternatives/0/words")
            .and_then(Value::as_array)
            .map_or(&[][..], Vec::as_slice)
    }
    let speaker = |w: &Value| -> Option<String> {
        match w.get("speakerTag").or_else(|| w.get("speakerLabel"))? {
            Value::Number(n) if n.as_u64() != Some(0) => Some(format!("Speaker {n}")),
            Value::String(s) if !s.is_empty() && s != "0" => Some(format!("Speaker {s}")),
            _ => None,
        }
    };
    // With diarization the last result holds every word again, each with its speaker.
    let last = results.last().map(words_of).unwrap_or_default();
    if last.iter().any(|w| speaker(w).is_some()) {
        return last
            .iter()
            .map(|w| {
                let who = speaker(w).map_or(Who::Same, Who::Named);
                Piece::new(
                    who,
                    w.get("word").and_then(Value::as_str).unwrap_or_default(),
                )
                .timed(
                    number(w.get("startTime").or_else(|| w.get("startOffset"))),
                    number(w.get("endTime").or_else(|| w.get("endOffset"))),
                )
                .because("Google `speakerTag`")
            })
            .collect();
    }
    let channels = results
        .iter()
        .filter_map(|r| r.get("channelTag").and_then(Value::as_u64))
        .max()
        .unwrap_or(0);
    results
        .iter()
        .filter_map(|r| {
            let text = r.pointer("/alternatives/0/transcript")?.as_str()?;
            let words = words_of(r);
            let start = words
                .first()
                .and_then(|w| number(w.get("startTime").or_else(|| w.get("startOffset"))));
            let end = words
                .last()
                .and_then(|w| number(w.get("endTime").or_else(|| w.get("endOffset"))))
                .or_else(|| number(r.get("resultEndTime").or_else(|| r.get("resultEndOffset"))));
            let who = match r.get("channelTag").and_then(Value::as_u64) {
                Some(c) if channels > 1 => Who::Named(format!("Channel {c}")),
                _ => Who::Same,
            };
            Some(Piece::new(who, text.trim()).timed(start, end))
        })
        .collect()
}

fn azure(phrases: &[Value]) -> Vec<Piece> {
    let channels: Vec<u64> = phrases
        .iter()
        .filter_map(|p| p.get("channel").and_then(Value::as_u64))
        .collect();
    let many_channels = channels.iter().any(|&c| c != channels[0]);
    let mut pieces: Vec<Piece> = phrases
        .iter()
        .filter(|p| {
            p.get("recognitionStatus")
                .and_then(Value::as_str)
                .is_none_or(|s| s == "Success")
        })
        .map(|p| {
            let text = p
                .pointer("/nBest/0/display")
                .or_else(|| p.get("text"))
                .and_then(Value::as_str)
                .unwrap_or_default();
            let start = number(p.get("offsetMilliseconds").or_else(|| p.get("offsetInMs")))
                .map(|ms| ms / 1000.0)
                .or_else(|| number(p.get("offsetInTicks")).map(|t| t / 1e7))
                .or_else(|| {
                    p.get("offset")
                        .and_then(Value::as_str)
                        .and_then(iso_duration)
                });
            let duration = number(
                p.get("durationMilliseconds")
                    .or_else(|| p.get("durationInMs")),
            )
            .map(|ms| ms / 1000.0)
            .or_else(|| number(p.get("durationInTicks")).map(|t| t / 1e7))
            .or_else(|| {
                p.get("duration")
                    .and_then(Value::as_str)
                    .and_then(iso_duration)
            });
            let who = match (
                p.get("speaker").and_then(Value::as_u64),
                p.get("channel").and_then(Value::as_u64),
            ) {
                (Some(s), _) => Who::Named(format!("Speaker {s}")),
                (None, Some(c)) if many_channels => Who::Named(format!("Channel {c}")),
                _ => Who::Same,
            };
            let end = match (start, duration) {
                (Some(s), Some(d)) => Some(s + d),
                _ => None,
            };
            Piece::new(who, text)
                .timed(start, end)
                .because("Azure `speaker`")
        })
        .collect();
    // Channels come one after the other; speech comes in time order.
    pieces.sort_by(|a, b| a.start.unwrap_or(0.0).total_cmp(&b.start.unwrap_or(0.0)));
    pieces
}

fn trint(words: &[Value]) -> Vec<Piece> {
    let mut pieces = Vec::with_capacity(words.len());
    let mut paragraph: Option<String> = None;
    for w in words {
        if w.get("strikethrough").and_then(Value::as_bool) == Some(true) {
            continue;
        }
        let text = w.get("value").and_then(Value::as_str).unwrap_or_default();
        let start = number(w.get("time")).map(|ms| ms / 1000.0);
        let end = match (start, number(w.get("duration"))) {
            (Some(s), Some(d)) => Some(s + d / 1000.0),
            _ => None,
        };
        let para = w
            .get("paragraphId")
            .and_then(Value::as_str)
            .map(str::to_string);
        let who = match w.get("speaker") {
            Some(Value::String(s)) if !s.trim().is_empty() => Who::Named(s.trim().to_string()),
            _ => Who::Same,
        };
        let mut piece = Piece::new(who, text)
            .timed(start, end)
            .because("Trint `speaker`");
        piece.new_paragraph = para != paragraph;
        paragraph = para;
        pieces.push(piece);
    }
    pieces
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations() {
        assert_eq!(iso_duration("PT1M2.5S"), Some(62.5));
        assert_eq!(iso_duration("PT0.36S"), Some(0.36));
        assert_eq!(
            number(Some(
                &serde_json::json!({"seconds": "12", "nanos": 900000000})
            )),
            Some(12.9)
        );
        assert_eq!(number(Some(&serde_json::json!("1.300s"))), Some(1.3));
    }
}
