//! Speaker-labelled text, as people save transcripts: `Name: text`; Markdown `**Name:** text`;
//! caption (CART) transcripts `>> Name: text` or `>> NAME:`, where a bare `>>` starts a turn by
//! an unnamed speaker; Zoom's saved transcript (`[Name] 01:02:03`, the text below); Otter and
//! Rev exports (`Name  0:02`, `Name (00:01:02):` header lines). Paragraphs without a label
//! continue the previous turn; an inline `[00:03:58.22]` gives the turn its time; `[laughter]`
//! and `(inaudible)` stay in the text as annotations that are not counted as words.

use crate::formats::ParseError;
use crate::formats::captions::name_prefix;
use crate::formats::pieces::{Draft, Piece, Who};
use crate::formats::speakers::{is_name_like, label_role};
use crate::formats::timecode;

/// What one line of the file is.
#[derive(Debug, Clone, PartialEq)]
enum Line<'a> {
    Blank,
    /// A speaker mark, the time it gives and any words after it on the same line.
    Speaker {
        who: Who,
        at: Option<f64>,
        said: &'a str,
        strong: bool,
    },
    /// A `# Title` heading.
    Heading(&'a str),
    Text {
        at: Option<f64>,
        text: &'a str,
    },
}

fn classify(raw: &str) -> Line<'_> {
    let t = raw.trim();
    if t.is_empty() {
        return Line::Blank;
    }
    if let Some(rest) = t.strip_prefix(">>") {
        let rest = rest.trim_start();
        let (who, said) = match name_prefix(rest) {
            Some((name, said)) => (Who::Named(name.to_string()), said),
            None => (Who::Unnamed, rest),
        };
        return Line::Speaker {
            who,
            at: None,
            said,
            strong: true,
        };
    }
    if let Some(h) = t.strip_prefix("# ") {
        return Line::Heading(h.trim());
    }
    if let Some(found) = markdown_label(t)
        .or_else(|| zoom_header(t))
        .or_else(|| rev_header(t))
        .or_else(|| otter_header(t))
    {
        return found;
    }
    let (at, rest) = match timecode::leading(t) {
        Some((at, rest)) if t.starts_with(['[', '(']) => (Some(at), rest),
        _ => (None, t),
    };
    // Happy Scribe: `[00:00:00.00] - Speaker 1` above the text.
    if at.is_some()
        && let Some(label) = rest.strip_prefix("- ").filter(|l| is_label(l))
    {
        return Line::Speaker {
            who: Who::Named(label.trim().to_string()),
            at,
            said: "",
            strong: true,
        };
    }
    if let Some(label) = rest.strip_suffix(':').filter(|l| is_label(l)) {
        return Line::Speaker {
            who: Who::Named(label.trim().to_string()),
            at,
            said: "",
            strong: false,
        };
    }
    if let Some((name, said)) = name_prefix(rest) {
        return Line::Speaker {
            who: Who::Named(name.to_string()),
            at,
            said,
            strong: false,
        };
    }
    Line::Text { at, text: rest }
}

fn is_label(name: &str) -> bool {
    let n = name.trim();
    !n.is_empty()
        && n.split_whitespace().count() <= 5
        && (is_name_like(n) || label_role(n).is_some())
}

/// `**Name:** text` or `**Name**: text`.
fn markdown_label(t: &str) -> Option<Line<'_>> {
    let rest = t.strip_prefix("**")?;
    let close = rest.find("**")?;
    let inner = &rest[..close];
    let after = &rest[close + 2..];
    let (name, said) = match inner.strip_suffix(':') {
        Some(name) => (name, after),
        None => (inner, after.strip_prefix(':')?),
    };
    is_label(name).then(|| Line::Speaker {
        who: Who::Named(name.trim().to_string()),
        at: None,
        said: said.trim_start(),
        strong: true,
    })
}

/// Zoom's saved transcript: `[Jane Doe] 10:02:03`.
fn zoom_header(t: &str) -> Option<Line<'_>> {
    let rest = t.strip_prefix('[')?;
    let (name, time) = rest.split_once(']')?;
    let at = timecode::parse(time.trim())?;
    is_label(name).then(|| Line::Speaker {
        who: Who::Named(name.trim().to_string()),
        at: Some(at),
        said: "",
        strong: true,
    })
}

/// Rev: `Jane Doe (00:01:02):` with the text below or after it.
fn rev_header(t: &str) -> Option<Line<'_>> {
    let open = t.find(" (")?;
    let close = t[open..].find("):").map(|p| p + open)?;
    let at = timecode::parse(&t[open + 2..close])?;
    let name = &t[..open];
    is_label(name).then(|| Line::Speaker {
        who: Who::Named(name.trim().to_string()),
        at: Some(at),
        said: t[close + 2..].trim_start(),
        strong: true,
    })
}

/// Otter: `Jane Doe  0:02` — a name, then only a timestamp.
/// Also Trint, Sonix and others: `Jane Doe [00:00:05]` or `Jane Doe (00:00:05)`.
fn otter_header(t: &str) -> Option<Line<'_>> {
    let (name, time) = t.rsplit_once(char::is_whitespace)?;
    let time = time
        .strip_prefix(['[', '('])
        .and_then(|x| x.strip_suffix([']', ')']))
        .unwrap_or(time);
    let at = timecode::parse(time)?;
    is_label(name).then(|| Line::Speaker {
        who: Who::Named(name.trim().to_string()),
        at: Some(at),
        said: "",
        strong: true,
    })
}

/// A file is labelled text when it has a strong speaker mark (`>>`, `**Name:**`, a Zoom, Otter
/// or Rev header) or at least two `Name:` labels.
pub fn looks_like(lines: &[String]) -> bool {
    let mut weak = 0;
    for l in lines.iter().filter(|l| !l.trim().is_empty()).take(400) {
        if let Line::Speaker { strong, .. } = classify(l) {
            if strong {
                return true;
            }
            weak += 1;
            if weak >= 2 {
                return true;
            }
        }
    }
    false
}

pub fn parse(lines: &[String]) -> Result<Draft, ParseError> {
    let mut draft = Draft::default();
    let mut seen_speaker = false;
    let mut paragraph_break = true;
    let mut pending_time: Option<f64> = None;
    for (i, raw) in lines.iter().enumerate() {
        match classify(raw) {
            Line::Blank => paragraph_break = true,
            Line::Heading(h) => {
                if draft.title.is_none() {
                    draft.title = Some(h.to_string());
                } else {
                    draft.warn(Some(i + 1), format!("heading kept here: {h}"));
                }
                paragraph_break = true;
            }
            Line::Speaker { who, at, said, .. } => {
                seen_speaker = true;
                let (said, inline) = timecode::take_inline(said);
                let start = at.or(pending_time.take()).or(inline);
                let mut piece = Piece::new(who, said).timed(start, None);
                piece.new_paragraph = true;
                draft.pieces.push(piece);
                paragraph_break = false;
            }
            Line::Text { at, text } if !seen_speaker => {
                if text.is_empty() {
                    pending_time = at.or(pending_time);
                } else if draft.title.is_none() && draft.summary.is_empty() {
                    draft.title = Some(text.to_string());
                } else {
                    draft.summary.push(text.to_string());
                    draft.warn(
                        Some(i + 1),
                        "text before the first speaker label, kept as the session summary",
                    );
                }
            }
            Line::Text { at, text } => {
                if text.is_empty() {
                    // A timestamp alone on its line times what comes next.
                    pending_time = at;
                    continue;
                }
                let (text, inline) = timecode::take_inline(text);
                let start = at.or(pending_time.take()).or(inline);
                let mut piece = Piece::new(Who::Same, text).timed(start, None);
                piece.new_paragraph = paragraph_break;
                draft.pieces.push(piece);
                paragraph_break = false;
            }
        }
    }
    if !seen_speaker {
        return Err(ParseError::at(
            1,
            "no speaker labels; expected lines such as `Name: text`, `>> NAME:` or `**Name:**`",
        ));
    }
    Ok(draft)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::formats::pieces::build;

    fn session(text: &str) -> crate::session::Session {
        let lines: Vec<String> = text.lines().map(str::to_string).collect();
        build(parse(&lines).expect("parses"), "text")
    }

    fn turns(s: &crate::session::Session) -> Vec<(String, Vec<String>)> {
        s.turns
            .iter()
            .map(|t| (s.speaker_name(t).to_string(), t.paragraphs.clone()))
            .collect()
    }

    #[test]
    fn name_colon_text_and_continuation_paragraphs() {
        let s = session(
            "Meeting notes\n\nAlice: Hello.\nStill me.\n\nNew paragraph.\nBob: Hi.\nALICE: Back.",
        );
        assert_eq!(s.meta.title, "Meeting notes");
        assert_eq!(
            turns(&s),
            [
                (
                    "Alice".to_string(),
                    vec!["Hello. Still me.".to_string(), "New paragraph.".to_string()]
                ),
                ("Bob".to_string(), vec!["Hi.".to_string()]),
                ("Alice".to_string(), vec!["Back.".to_string()]),
            ]
        );
    }

    #[test]
    fn cart_markers_and_bare_chevrons() {
        let s = session(
            ">> MODERATOR: Welcome.\n>> Thank you.\nglad to be here.\n>> MANISHA LIGADE: Hi.\n>> Manisha Ligade: Again.",
        );
        let t = turns(&s);
        assert_eq!(t[0].0, "MODERATOR");
        assert_eq!(
            t[1],
            (
                "Unknown speaker".to_string(),
                vec!["Thank you. glad to be here.".to_string()]
            )
        );
        assert_eq!(
            t[2],
            (
                "MANISHA LIGADE".to_string(),
                vec!["Hi.".to_string(), "Again.".to_string()]
            )
        );
    }

    #[test]
    fn markdown_zoom_rev_and_otter_headers() {
        let s = session("# Podcast\n\n**Host:** Welcome.\n\n**Guest**: Thanks.");
        assert_eq!(s.meta.title, "Podcast");
        assert_eq!(turns(&s)[1].0, "Guest");
        let s = session("[Jane Doe] 10:02:03\nHello all\n[John Roe] 10:02:09\nHi");
        assert_eq!(s.turns[1].start, Some(36129.0));
        let s = session("Speaker 1 (00:01:02):\nYes.\nSpeaker 2 (01:03): No.");
        assert_eq!(
            (s.turns[0].start, s.turns[1].paragraphs[0].as_str()),
            (Some(62.0), "No.")
        );
        let s = session("Jane Doe  0:02\nHello.\n\nJohn  1:05\nHi.");
        assert_eq!(s.turns[1].start, Some(65.0));
    }

    #[test]
    fn trint_and_happy_scribe_headers() {
        let s = session("Jane Doe [00:00:05]\nHello there.\n\nJohn Roe (00:01:10)\nHi.");
        assert_eq!(turns(&s)[1].0, "John Roe");
        assert_eq!(s.turns[1].start, Some(70.0));
        let s =
            session("[00:00:00.00] - Speaker 1\nWelcome.\n\n[00:00:04.20] - Speaker 2\nThanks.");
        assert_eq!(
            turns(&s)[1],
            ("Speaker 2".to_string(), vec!["Thanks.".to_string()])
        );
        assert_eq!(s.turns[1].start, Some(4.2));
    }

    #[test]
    fn inline_timestamps_and_annotations() {
        let s = session(
            "[00:03:58.22] Alice: We start [laughter] now.\nBob:\n[00:04:10] Sure (inaudible).",
        );
        assert_eq!(s.turns[0].start, Some(238.22));
        assert_eq!(s.turns[1].start, Some(250.0));
        assert_eq!(s.turns[0].paragraphs, ["We start [laughter] now."]);
        assert_eq!(crate::text::word_count(&s.turns[1].paragraphs[0]), 1);
    }

    #[test]
    fn prose_is_not_labelled_text() {
        let lines: Vec<String> = ["Shopping list", "eggs", "Note: milk"]
            .map(String::from)
            .to_vec();
        assert!(!looks_like(&lines));
        assert!(parse(&lines).is_err());
    }
}
