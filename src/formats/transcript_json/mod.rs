//! JSON from speech recognisers and meeting tools, read through `serde_json::Value` so that
//! unknown extra fields are ignored:
//! - Whisper: `segments[]` with `start`, `end` (seconds) and `text`, no speakers;
//! - WhisperX: `speaker` on segments (or only on their `words`);
//! - AssemblyAI: `utterances[]` with `speaker`, `text`, `start`, `end` in milliseconds;
//! - Deepgram: `results.utterances[]`, or `results.channels[].alternatives[]` with `paragraphs`
//!   or per-word `speaker`;
//! - AWS Transcribe: `results.audio_segments[]`, or `results.items[]` with speakers from
//!   `results.speaker_labels.segments[]`, times as strings;
//! - Podcasting 2.0: `segments[]` of `speaker`, `startTime`, `endTime`, `body` (often a word each);
//! - Rev.ai: `monologues[]` of `speaker` and `elements[]` (`text` and `punct` values, `ts`);
//! - whisper.cpp: `transcription[]` with `offsets` (milliseconds) and `text`;
//! - arrays of `{speaker, text | content | body}` records, at the top level or under one key.
//!
//! Absolute Unix-epoch times are made relative to the first piece.

use serde_json::Value;

use crate::formats::ParseError;
use crate::formats::cloud_json;
use crate::formats::pieces::{Draft, Piece, Who};

/// JSON (an object or an array) that is not Podium's own. `[Name] 10:02:03` text starts
/// with a bracket too, so the text must parse.
pub fn looks_like(text: &str) -> bool {
    let t = text.trim_start();
    (t.starts_with('{') || t.starts_with('['))
        && !crate::formats::podium_json::looks_like(t)
        && (serde_json::from_str::<serde::de::IgnoredAny>(t).is_ok() || json_lines(t).is_some())
}

/// JSON Lines (`.jsonl` saved as `.json`): one object a line, two lines or more; read as an
/// array of them.
fn json_lines(text: &str) -> Option<Value> {
    let mut records = Vec::new();
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
        if !line.starts_with('{') {
            return None;
        }
        records.push(serde_json::from_str::<Value>(line).ok()?);
    }
    (records.len() >= 2).then_some(Value::Array(records))
}

/// The variant read and the pieces.
pub fn parse(text: &str) -> Result<(Draft, &'static str), ParseError> {
    let mut notes = Vec::new();
    let value: Value = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(e) => match json_lines(text) {
            Some(v) => {
                notes.push("JSON Lines: one record a line, read as a list of records".to_string());
                v
            }
            None => {
                return Err(ParseError::at(
                    e.line().max(1),
                    format!("invalid JSON: {e}"),
                ));
            }
        },
    };
    let found = cloud_json::read(&value, &mut notes).or_else(|| read(&value));
    let (variant, mut pieces) = found.ok_or_else(|| {
        ParseError::at(
            1,
            "JSON, but no transcript in it: expected `segments` (Whisper, WhisperX, Podcasting 2.0), \
             `utterances` (AssemblyAI), `results` (Deepgram, AWS Transcribe, Speechmatics, Google), \
             `recognizedPhrases` or `phrases` (Azure), `words` (Trint) or an array of \
             {speaker, text} records",
        )
    })?;
    let mut draft = Draft::default();
    for n in notes {
        draft.warn(None, n);
    }
    if let Some(origin) = relative_to_first(&mut pieces) {
        draft.warn(
            None,
            format!(
                "times look like Unix-epoch seconds; made relative to the first piece ({origin})"
            ),
        );
    }
    draft.title = value
        .get("title")
        .and_then(Value::as_str)
        .map(str::to_string);
    // Speaker-less segments are one long turn: paragraphs at pauses keep its times readable.
    if !pieces.iter().any(|p| matches!(p.who, Who::Named(_))) {
        crate::formats::pieces::paragraphs_at_pauses(&mut pieces);
    }
    draft.pieces = pieces;
    Ok((draft, variant))
}

fn read(v: &Value) -> Option<(&'static str, Vec<Piece>)> {
    if let Some(results) = v.get("results") {
        if results.get("channels").is_some() {
            return Some(("deepgram", deepgram(results)));
        }
        if ["audio_segments", "items", "speaker_labels", "transcripts"]
            .iter()
            .any(|k| results.get(k).is_some())
        {
            return Some(("aws-transcribe", aws(results)));
        }
    }
    if let Some(monologues) = v.get("monologues").and_then(Value::as_array) {
        return Some(("rev-ai", rev_ai(monologues)));
    }
    if let Some(utterances) = v.get("utterances").and_then(Value::as_array) {
        return Some(("assemblyai", assemblyai(utterances)));
    }
    if v.get("utterances").is_some_and(Value::is_null) && v.get("text").is_some() {
        let piece = Piece::new(Who::Same, str_of(v, &["text"]).unwrap_or_default());
        return Some(("assemblyai", vec![piece]));
    }
    if let Some(segments) = v.get("segments").and_then(Value::as_array) {
        let podcast = segments
            .iter()
            .any(|s| s.get("body").is_some() || s.get("startTime").is_some());
        if podcast {
            return Some(("podcasting-2.0", records(segments)));
        }
        let whisperx = segments
            .iter()
            .any(|s| s.get("speaker").is_some() || words_speaker(s).is_some());
        let named = segments
            .iter()
            .any(|s| SPEAKER_KEYS.iter().any(|k| s.get(k).is_some()));
        let variant = match (whisperx, named) {
            (true, _) => "whisperx",
            (false, true) => "segments",
            (false, false) => "whisper",
        };
        return Some((variant, whisper(segments)));
    }
    let list = match v {
        Value::Array(a) => Some(a),
        Value::Object(o) => o
            .values()
            .find_map(|x| x.as_array().filter(|a| is_records(a))),
        _ => None,
    }?;
    is_records(list).then(|| ("records", records(list)))
}

const TEXT_KEYS: &[&str] = &[
    "text",
    "content",
    "body",
    "transcript",
    "utterance",
    "sentence",
];
const SPEAKER_KEYS: &[&str] = &[
    "speaker",
    "speaker_name",
    "speakerName",
    "speaker_label",
    "name",
    "participant",
    "role",
    "user",
    "author",
    "speaker_id",
    "speakerId",
];
const START_KEYS: &[&str] = &[
    "start",
    "start_time",
    "startTime",
    "begin",
    "from",
    "offset",
    "start_ms",
    "startMs",
    "timestamp",
];
const END_KEYS: &[&str] = &[
    "end", "end_time", "endTime", "stop", "to", "end_ms", "endMs",
];

fn is_records(a: &[Value]) -> bool {
    !a.is_empty()
        && a.iter().any(|x| {
            TEXT_KEYS
                .iter()
                .any(|k| x.get(k).is_some_and(Value::is_string))
        })
}

fn str_of(v: &Value, keys: &[&str]) -> Option<String> {
    keys.iter()
        .find_map(|k| v.get(k).and_then(Value::as_str).map(str::to_string))
}

/// A speaker value: a name, or a number / letter recognisers use (`0`, `"A"`) made a label.
fn speaker_of(v: &Value, keys: &[&str]) -> Who {
    let found = keys.iter().find_map(|k| v.get(k).filter(|x| !x.is_null()));
    match found {
        Some(Value::String(s)) if s.trim().is_empty() => Who::Same,
        Some(Value::String(s)) if s.len() <= 2 && s.chars().all(|c| c.is_ascii_alphanumeric()) => {
            Who::Named(format!("Speaker {s}"))
        }
        Some(Value::String(s)) => Who::Named(s.trim().to_string()),
        Some(Value::Number(n)) => Who::Named(format!("Speaker {n}")),
        _ => Who::Same,
    }
}

/// Seconds from a number, a numeric string (`"12.5"`) or a clock (`"00:01:02.5"`); keys that
/// say `ms` are milliseconds.
fn time_of(v: &Value, keys: &[&str], millis: bool) -> Option<f64> {
    keys.iter().find_map(|k| {
        let x = v.get(k)?;
        let n = match x {
            Value::Number(n) => n.as_f64(),
            Value::String(s) => s
                .trim()
                .parse::<f64>()
                .ok()
                .or_else(|| crate::formats::timecode::parse(s)),
            _ => None,
        }?;
        let ms = millis || k.to_lowercase().ends_with("ms");
        Some(if ms { n / 1000.0 } else { n })
    })
}

fn whisper(segments: &[Value]) -> Vec<Piece> {
    segments
        .iter()
        .map(|s| {
            // A tool's own segments name their fields `speaker_name`, `start_time`, `end_time`.
            let who = match speaker_of(s, SPEAKER_KEYS) {
                Who::Same => words_speaker(s).map_or(Who::Same, Who::Named),
                named => named,
            };
            Piece::new(who, str_of(s, TEXT_KEYS).unwrap_or_default())
                .timed(time_of(s, START_KEYS, false), time_of(s, END_KEYS, false))
                .because("JSON `speaker` field")
        })
        .collect()
}

/// The speaker most of a segment's words carry (WhisperX leaves some segments without one).
fn words_speaker(segment: &Value) -> Option<String> {
    let words = segment.get("words")?.as_array()?;
    let mut counts: Vec<(String, usize)> = Vec::new();
    for w in words {
        if let Some(s) = w.get("speaker").and_then(Value::as_str) {
            match counts.iter_mut().find(|(n, _)| n == s) {
                Some((_, c)) => *c += 1,
                None => counts.push((s.to_string(), 1)),
            }
        }
    }
    counts.into_iter().max_by_key(|(_, c)| *c).map(|(n, _)| n)
}

fn assemblyai(utterances: &[Value]) -> Vec<Piece> {
    utterances
        .iter()
        .map(|u| {
            Piece::new(
                speaker_of(u, &["speaker"]),
                str_of(u, &["text"]).unwrap_or_default(),
            )
            .timed(time_of(u, &["start"], true), time_of(u, &["end"], true))
        })
        .collect()
}

fn deepgram(results: &Value) -> Vec<Piece> {
    if let Some(utterances) = results.get("utterances").and_then(Value::as_array) {
        return utterances
            .iter()
            .map(|u| {
                Piece::new(
                    speaker_of(u, &["speaker"]),
                    str_of(u, &["transcript"]).unwrap_or_default(),
                )
                .timed(time_of(u, &["start"], false), time_of(u, &["end"], false))
            })
            .collect();
    }
    let channels = results
        .get("channels")
        .and_then(Value::as_array)
        .map_or(&[][..], Vec::as_slice);
    let many = channels.len() > 1;
    let mut pieces = Vec::new();
    for (ci, channel) in channels.iter().enumerate() {
        let Some(alt) = channel.pointer("/alternatives/0") else {
            continue;
        };
        let channel_who = || {
            if many {
                Who::Named(format!("Channel {}", ci + 1))
            } else {
                Who::Same
            }
        };
        if let Some(paragraphs) = alt
            .pointer("/paragraphs/paragraphs")
            .and_then(Value::as_array)
        {
            for p in paragraphs {
                let who = match speaker_of(p, &["speaker"]) {
                    Who::Same => channel_who(),
                    named => named,
                };
                let text: Vec<String> = p
                    .get("sentences")
                    .and_then(Value::as_array)
                    .map(|ss| ss.iter().filter_map(|s| str_of(s, &["text"])).collect())
                    .unwrap_or_default();
                let mut piece = Piece::new(who, text.join(" "))
                    .timed(time_of(p, &["start"], false), time_of(p, &["end"], false));
                piece.new_paragraph = true;
                pieces.push(piece);
            }
            continue;
        }
        let words = alt
            .get("words")
            .and_then(Value::as_array)
            .map_or(&[][..], Vec::as_slice);
        if words.is_empty() {
            pieces.push(Piece::new(
                channel_who(),
                str_of(alt, &["transcript"]).unwrap_or_default(),
            ));
            continue;
        }
        for w in words {
            let who = match speaker_of(w, &["speaker"]) {
                Who::Same => channel_who(),
                named => named,
            };
            let word = str_of(w, &["punctuated_word", "word"]).unwrap_or_default();
            pieces.push(
                Piece::new(who, word)
                    .timed(time_of(w, &["start"], false), time_of(w, &["end"], false)),
            );
        }
    }
    if many {
        pieces.sort_by(|a, b| a.start.unwrap_or(0.0).total_cmp(&b.start.unwrap_or(0.0)));
    }
    pieces
}

fn aws(results: &Value) -> Vec<Piece> {
    if let Some(segments) = results.get("audio_segments").and_then(Value::as_array) {
        return segments
            .iter()
            .map(|s| {
                Piece::new(
                    speaker_of(s, &["speaker_label"]),
                    str_of(s, &["transcript"]).unwrap_or_default(),
                )
                .timed(
                    time_of(s, &["start_time"], false),
                    time_of(s, &["end_time"], false),
                )
            })
            .collect();
    }
    // Speakers by item start time, from the speaker_labels segments (the first label given a
    // time is its speaker).
    let mut speaker_at: foldhash::HashMap<&str, &str> = foldhash::HashMap::default();
    if let Some(segs) = results
        .pointer("/speaker_labels/segments")
        .and_then(Value::as_array)
    {
        for seg in segs {
            for item in seg
                .get("items")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
            {
                if let (Some(t), Some(s)) = (
                    item.get("start_time").and_then(Value::as_str),
                    item.get("speaker_label")
                        .or_else(|| seg.get("speaker_label"))
                        .and_then(Value::as_str),
                ) {
                    speaker_at.entry(t).or_insert(s);
                }
            }
        }
    }
    let Some(items) = results.get("items").and_then(Value::as_array) else {
        let text = results
            .pointer("/transcripts/0/transcript")
            .and_then(Value::as_str)
            .unwrap_or_default();
        return vec![Piece::new(Who::Same, text)];
    };
    let mut pieces: Vec<Piece> = Vec::new();
    let mut who = Who::Same;
    for item in items {
        let content = item
            .pointer("/alternatives/0/content")
            .and_then(Value::as_str)
            .unwrap_or_default();
        if item.get("type").and_then(Value::as_str) == Some("punctuation") {
            if let Some(last) = pieces.last_mut() {
                last.text.push_str(content);
            }
            continue;
        }
        let start = item.get("start_time").and_then(Value::as_str);
        if let Some(label) = item
            .get("speaker_label")
            .and_then(Value::as_str)
            .map(str::to_string)
            .or_else(|| start.and_then(|t| speaker_at.get(t).map(|l| (*l).to_string())))
        {
            who = Who::Named(label);
        }
        pieces.push(Piece::new(who.clone(), content).timed(
            time_of(item, &["start_time"], false),
            time_of(item, &["end_time"], false),
        ));
    }
    pieces
}

fn rev_ai(monologues: &[Value]) -> Vec<Piece> {
    monologues
        .iter()
        .map(|m| {
            let elements = m
                .get("elements")
                .and_then(Value::as_array)
                .map_or(&[][..], Vec::as_slice);
            let text: String = elements
                .iter()
                .filter_map(|e| e.get("value").and_then(Value::as_str))
                .collect();
            let start = elements.iter().find_map(|e| time_of(e, &["ts"], false));
            let end = elements
                .iter()
                .rev()
                .find_map(|e| time_of(e, &["end_ts"], false));
            let who = match speaker_of(m, &["speaker_name"]) {
                Who::Same => speaker_of(m, &["speaker"]),
                named => named,
            };
            Piece::new(who, text.trim()).timed(start, end)
        })
        .collect()
}

fn records(list: &[Value]) -> Vec<Piece> {
    list.iter()
        .filter(|r| r.is_object())
        .map(|r| {
            let text = str_of(r, TEXT_KEYS).unwrap_or_default();
            // whisper.cpp nests its times: `offsets` in ms, `timestamps` as clocks.
            let start = time_of(r, START_KEYS, false)
                .or_else(|| r.get("offsets").and_then(|o| time_of(o, &["from"], true)))
                .or_else(|| {
                    r.get("timestamps")
                        .and_then(|o| time_of(o, &["from"], false))
                });
            let end = time_of(r, END_KEYS, false)
                .or_else(|| r.get("offsets").and_then(|o| time_of(o, &["to"], true)))
                .or_else(|| r.get("timestamps").and_then(|o| time_of(o, &["to"], false)));
            Piece::new(speaker_of(r, SPEAKER_KEYS), text)
                .timed(start, end)
                .because("JSON `speaker` field")
        })
        .collect()
}

/// Unix-epoch seconds (or milliseconds) become seconds from the first piece; returns the
/// origin taken away, when it did.
fn relative_to_first(pieces: &mut [Piece]) -> Option<f64> {
    let first = pieces.iter().filter_map(|p| p.start).reduce(f64::min)?;
    let (scale, origin) = if first > 1e11 {
        (1000.0, first)
    } else if first > 1e8 {
        (1.0, first)
    } else {
        return None;
    };
    for p in pieces {
        p.start = p.start.map(|t| (t - origin) / scale);
        p.end = p.end.map(|t| (t - origin) / scale);
    }
    Some(origin)
}

#[cfg(test)]
mod tests;
