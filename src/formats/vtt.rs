//! WebVTT (Zoom, Teams, YouTube, caption editors): `WEBVTT` header, cues of an optional
//! identifier, a timing line `00:01.000 --> 00:04.000 align:start` and payload lines.
//!
//! Handled as they occur in real files: `<v Name>` voices, closed or not; Zoom's `Name: text`;
//! Teams' `GUID/12-0` identifiers; `NOTE`, `STYLE` and `REGION` blocks; header lines; cue
//! settings; inline timing and class tags; unpadded times and hours past 99; a cue not followed
//! by a blank line; YouTube's rolling automatic captions, whose lines repeat from cue to cue,
//! de-duplicated; a speaker named on a turn's first cue only (later cues inherit the name).

use crate::formats::ParseError;
use crate::formats::captions::{self, strip_markup};
use crate::formats::pieces::{Draft, Piece, Who};
use crate::formats::timecode;

pub fn looks_like(lines: &[&str]) -> bool {
    first_text(lines).is_some_and(|(_, l)| l.starts_with("WEBVTT"))
}

fn first_text<'a>(lines: &[&'a str]) -> Option<(usize, &'a str)> {
    lines
        .iter()
        .enumerate()
        .map(|(i, l)| (i, l.trim()))
        .find(|(_, l)| !l.is_empty())
}

/// A timing line's start and end, or `None` when the line has no `-->`.
pub fn timing(line: &str) -> Option<(Option<f64>, Option<f64>)> {
    let (a, b) = line.split_once("-->")?;
    let end = b.split_whitespace().next().unwrap_or_default();
    Some((timecode::parse(a), timecode::parse(end)))
}

/// An identifier line: a cue number or a Teams `GUID/12-0`, directly above a timing line.
fn is_identifier(line: &str) -> bool {
    let t = line.trim();
    !t.is_empty()
        && !t.contains("-->")
        && (t.chars().all(|c| c.is_ascii_digit())
            || (t.contains('/') && !t.contains(' '))
            || t.chars().all(|c| c.is_ascii_hexdigit() || c == '-'))
}

pub fn parse(lines: &[&str]) -> Result<Draft, ParseError> {
    let Some((first, header)) = first_text(lines) else {
        return Err(ParseError::at(1, "empty file; expected a WEBVTT header"));
    };
    if !header.starts_with("WEBVTT") {
        return Err(ParseError::at(first + 1, "expected the WEBVTT header"));
    }
    let mut draft = Draft::default();
    let mut lines_read: Vec<CueLine> = Vec::new();
    let mut cues = 0usize;
    // The header block runs to the first blank line (`Kind:`, `Language:`).
    let mut i = first + 1;
    while i < lines.len() && !lines[i].trim().is_empty() && !lines[i].contains("-->") {
        i += 1;
    }
    while i < lines.len() {
        let line = lines[i].trim();
        if line.is_empty() {
            i += 1;
            continue;
        }
        let word = line.split_whitespace().next().unwrap_or_default();
        if matches!(word, "NOTE" | "STYLE" | "REGION") {
            while i < lines.len() && !lines[i].trim().is_empty() {
                i += 1;
            }
            continue;
        }
        let Some((start, end)) = timing(line) else {
            if !lines.get(i + 1).is_some_and(|n| n.contains("-->")) {
                draft.warn(
                    Some(i + 1),
                    format!("text outside any cue, kept here: {line}"),
                );
            }
            i += 1;
            continue;
        };
        if start.is_none() || end.is_none() {
            draft.warn_few("unreadable cue timings", Some(i + 1), || {
                "unreadable cue timing; expected `00:00:01.000 --> 00:00:04.000`".to_string()
            });
        }
        i += 1;
        cues += 1;
        let mut voice: Option<String> = None;
        let mut opens = true;
        // Only an empty line ends a payload: YouTube's cues start with a line of one space.
        while i < lines.len() && !lines[i].is_empty() && !lines[i].contains("-->") {
            if is_identifier(lines[i]) && lines.get(i + 1).is_some_and(|n| n.contains("-->")) {
                break;
            }
            let (v, text) = strip_markup(lines[i].trim());
            if v.is_some() {
                voice = v;
            }
            let text = text.trim();
            i += 1;
            // Rolling captions repeat one of the last three lines kept.
            if text.is_empty() || lines_read.iter().rev().take(3).any(|c| c.text == text) {
                continue;
            }
            let text = text.to_string();
            lines_read.push(CueLine {
                line: i,
                start,
                end,
                voice: voice.clone(),
                text,
                opens,
            });
            opens = false;
        }
    }
    pieces_of(&mut draft, lines_read, cues);
    Ok(draft)
}

/// One payload line of a cue, markup stripped.
struct CueLine {
    /// 1-based source line.
    line: usize,
    start: Option<f64>,
    end: Option<f64>,
    voice: Option<String>,
    text: String,
    /// The first text line of its cue.
    opens: bool,
}

/// Judges the `Name:` prefixes over the whole file, then makes the pieces: a voice tag names
/// its cue; a prefix the file's evidence accepts names it; any other cue continues the
/// previous speaker (said once, when the file labels most of its cues).
fn pieces_of(draft: &mut Draft, cue_lines: Vec<CueLine>, cues: usize) {
    let candidates = captions::candidates(
        cue_lines
            .iter()
            .filter(|c| c.voice.is_none())
            .map(|c| (c.line, c.text.as_str(), c.opens)),
    );
    let voiced = cue_lines
        .iter()
        .filter(|c| c.voice.is_some() && c.opens)
        .count();
    let judgement =
        crate::formats::evidence::judge(&candidates, cues.saturating_sub(voiced), "cue");
    draft.warnings.extend(judgement.warnings.iter().cloned());
    let labelled = voiced > 0 || judgement.share >= 0.5;
    if voiced > 0 {
        draft.layout = Some(format!("`<v Name>` voice tags on {voiced} of {cues} cues"));
    } else if judgement.share > 0.0 {
        draft.layout = Some(format!(
            "`Name:` prefixes on {:.0}% of cues",
            judgement.share * 100.0
        ));
    }
    let mut named_before = false;
    let mut shapes = crate::formats::evidence::Shapes::default();
    for c in cue_lines {
        let piece = match &c.voice {
            Some(name) => {
                Piece::new(Who::Named(name.clone()), c.text).because("`<v Name>` voice tag")
            }
            None => {
                let (who, said) = captions::speaker_mark_judged(
                    &c.text,
                    &|n| judgement.how(n).is_some(),
                    &mut shapes,
                );
                let how = match &who {
                    Who::Named(n) => judgement.how(n).unwrap_or("`>> NAME:` caption mark"),
                    _ => "",
                };
                if who == Who::Same && c.opens && named_before && labelled {
                    draft.tally(
                        "cues without a speaker label inherit the previous speaker",
                        Some(c.line),
                    );
                }
                let said = said.to_string();
                Piece::new(who, said).because(how)
            }
        };
        named_before |= matches!(piece.who, Who::Named(_));
        draft
            .pieces
            .push(piece.timed(c.start, c.end).at_line(c.line));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::formats::pieces::build;
    use crate::formats::test_strs as lines;

    #[test]
    fn voices_inherit_and_merge() {
        let d = parse(&lines(
            "WEBVTT\nKind: captions\nLanguage: en\n\n1\n00:00:00.000 --> 00:00:02.000\n<v Ana>Hello there.\n\n2\n00:00:02.000 --> 00:00:03.000\nand welcome.\n\n00:00:03.500 --> 00:00:05.000\n<v Bo>Thanks.</v>\n",
        ))
        .expect("vtt");
        let s = build(d, "webvtt");
        assert_eq!(s.turns.len(), 2);
        assert_eq!(s.turns[0].paragraphs, ["Hello there. and welcome."]);
        assert_eq!(s.turns[1].start, Some(3.5));
    }

    #[test]
    fn rolling_youtube_captions_are_deduplicated() {
        let d = parse(&lines(
            "WEBVTT\n\n00:00:00.000 --> 00:00:02.000 align:start position:0%\nso we<00:00:00.500><c> start</c>\n\n00:00:02.000 --> 00:00:02.010\nso we start\n\n00:00:02.010 --> 00:00:04.000\nso we start\nwith<00:00:02.500><c> the</c><c> news</c>\n",
        ))
        .expect("vtt");
        let texts: Vec<&str> = d.pieces.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(texts, ["so we start", "with the news"]);
    }

    #[test]
    fn notes_styles_ids_and_missing_blank_lines() {
        let d = parse(&lines(
            "WEBVTT\n\nSTYLE\n::cue { color: red }\n\nNOTE a comment\nspanning lines\n\n6d5d57a8-4c5a-4a9b-9c2a-1b2c3d4e5f60/12-0\n0:0:0.570 --> 0:0:2.000\nJane Doe: Hi all.\n100:00:00.000 --> 100:00:01.000\nJohn: Bye.",
        ))
        .expect("vtt");
        assert_eq!(d.pieces.len(), 2);
        assert_eq!(d.pieces[0].who, Who::Named("Jane Doe".into()));
        assert_eq!(d.pieces[0].start, Some(0.57));
        assert_eq!(d.pieces[1].start, Some(360_000.0));
        assert!(d.warnings.is_empty(), "{:?}", d.warnings);
    }
}
