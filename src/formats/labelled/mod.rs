//! Speaker-labelled text, as people save transcripts: `Name: text`; Markdown `**Name:** text`,
//! `### Name` headings and WhisperX's `**[00:18] SPEAKER_00:**`; caption (CART) transcripts
//! `>> Name: text` or `>> NAME:`, where a bare `>>` starts a turn by an unnamed speaker; Zoom's
//! saved transcript (`[Name] 01:02:03`, the text below); Otter, Rev, Trint and Happy Scribe
//! headers; Europarl's `<SPEAKER ID=… NAME="…">` markup; court and hearing transcripts
//! (`THE COURT:`, `Q.`/`A.` resolved to the examiner and the witness).
//!
//! Labels are judged over the whole file (see [`evidence`]). Lines before the first label —
//! titles, dates, captioning notices, attendance lists, show notes up to a "Transcript" line —
//! are front matter: the title and the session's notes, never a speaker. Paragraphs without a
//! label continue the previous turn; an inline `[00:03:58.22]` (or Markdown's `\[00:03:58.22\]`)
//! gives the turn its time; `[laughter]` and `(inaudible)` stay as annotations. A text with no
//! labels at all is one unnamed speaker, with a warning.

mod classify;
mod front;

use std::borrow::Cow;

use crate::formats::ParseError;
use crate::formats::court;
use crate::formats::evidence::{self, Candidate, Refusal, Shape, Shapes};
use crate::formats::pieces::{Draft, Piece, Who};
use crate::formats::speakers::label_role;
use crate::formats::timecode;
use classify::{Line, Mark, classify, ends_sentence, unescape};
use front::{front_matter, heading_speakers, is_marker, is_prose};

/// The transcript's lines as the reader takes them: 1-based source line and text.
pub type Source = Vec<(usize, String)>;

/// A file is labelled text when it has a speaker mark that is not refused (`>>`, `**Name:**`,
/// a Zoom, Otter or Rev header, a Europarl tag, `Speaker 1:`), a name used twice as a `Name:`
/// label, numbered court pages — or is prose without labels, read as one speaker.
pub fn looks_like(lines: &[&str]) -> bool {
    if court::looks_like(lines) {
        return true;
    }
    let mut shapes = Shapes::default();
    let texts: Vec<Cow<str>> = lines.iter().take(400).map(|l| unescape(l)).collect();
    let head: Vec<(usize, Line)> = texts
        .iter()
        .enumerate()
        .map(|(i, t)| (i + 1, classify(t, false, &mut shapes)))
        .collect();
    if !heading_speakers(&head).is_empty() {
        return true;
    }
    let mut seen: Vec<String> = Vec::new();
    for l in lines.iter().filter(|l| !l.trim().is_empty()).take(400) {
        let text = unescape(l);
        if let Line::Label {
            who,
            shape,
            refused: None,
            ..
        } = classify(&text, false, &mut shapes)
        {
            let name = match who {
                Mark::Named(n) => n.into_owned(),
                Mark::Unnamed => String::new(),
            };
            if shape == Shape::Strong || label_role(&name).is_some() {
                return true;
            }
            if shape == Shape::Proper {
                if !seen.is_empty() {
                    return true;
                }
                seen.push(name);
            }
        }
    }
    is_prose(lines)
}

/// Reads a text file: court pages lose their furniture first.
pub fn parse(lines: &[&str]) -> Result<Draft, ParseError> {
    let mut draft = Draft::default();
    if court::looks_like(lines) {
        let cleaned = court::clean(lines, &mut draft);
        return read(&cleaned.lines, true, &cleaned.witnesses, draft);
    }
    let source: Vec<(usize, &str)> = lines.iter().enumerate().map(|(i, l)| (i + 1, *l)).collect();
    read(&source, false, &[], draft)
}

/// Reads lines another layout extracted (an HTML page's text), with their source lines.
pub fn read_source(source: &Source) -> Result<Draft, ParseError> {
    let source: Vec<(usize, &str)> = source.iter().map(|(n, l)| (*n, l.as_str())).collect();
    read(&source, false, &[], Draft::default())
}

#[allow(clippy::too_many_lines)] // one walk over the file, in the order a reader meets it
fn read(
    source: &[(usize, &str)],
    court: bool,
    witnesses: &[(usize, String)],
    mut draft: Draft,
) -> Result<Draft, ParseError> {
    let texts: Vec<Cow<str>> = source.iter().map(|(_, l)| unescape(l)).collect();
    let mut shapes = Shapes::default();
    let mut lines: Vec<(usize, Line)> = source
        .iter()
        .zip(&texts)
        .map(|((n, _), t)| (*n, classify(t, court, &mut shapes)))
        .collect();
    // Examination needs both questions and answers; otherwise `A.` is prose.
    let count = |f: fn(&Line) -> bool| lines.iter().filter(|(_, l)| f(l)).count();
    let qa = count(|l| matches!(l, Line::Question(_))) >= 2
        && count(|l| matches!(l, Line::Answer(_))) >= 2;
    if !qa {
        for ((_, line), text) in lines.iter_mut().zip(&texts) {
            if matches!(
                line,
                Line::Question(_) | Line::Answer(_) | Line::Examiner(_)
            ) {
                *line = Line::Text {
                    at: None,
                    text: Cow::Borrowed(text),
                };
            }
        }
    }
    // Show notes end at a "Transcript" line, when labels follow it.
    let marker = lines.iter().position(|(_, l)| match l {
        Line::Text { text, .. } => is_marker(text),
        Line::Heading(_, text) => is_marker(text),
        Line::Label {
            who: Mark::Named(n),
            said,
            ..
        } => said.is_empty() && is_marker(n),
        _ => false,
    });
    let from = match marker {
        Some(m)
            if m * 10 < lines.len() * 6
                && lines[m + 1..]
                    .iter()
                    .any(|(_, l)| matches!(l, Line::Label { refused: None, .. })) =>
        {
            m + 1
        }
        _ => 0,
    };
    // Which lines open a paragraph.
    let mut opens = vec![false; lines.len()];
    let mut units = 0;
    for i in from..lines.len() {
        let previous = lines[from..i].iter().next_back().map(|(_, l)| l);
        opens[i] = match previous {
            None | Some(Line::Blank | Line::Label { .. } | Line::Heading(..) | Line::Chapter) => {
                true
            }
            Some(Line::Question(_) | Line::Answer(_) | Line::Examiner(_)) => true,
            Some(Line::Text { text, .. }) => ends_sentence(text) || text.is_empty(),
        };
        let speech = matches!(
            &lines[i].1,
            Line::Label { .. } | Line::Question(_) | Line::Answer(_)
        ) || matches!(&lines[i].1, Line::Text { text, .. } if !text.is_empty());
        units += usize::from(opens[i] && speech);
    }
    let candidates: Vec<Candidate> = lines
        .iter()
        .enumerate()
        .skip(from)
        .filter_map(|(i, (n, l))| match l {
            Line::Label {
                who: Mark::Named(name),
                shape,
                refused,
                ..
            } => Some(Candidate {
                name: Cow::Borrowed(name.as_ref()),
                line: *n,
                shape: *shape,
                opens: opens[i],
                refused: *refused,
            }),
            _ => None,
        })
        .collect();
    let judgement = evidence::judge(&candidates, units, "paragraph");
    draft.warnings.extend(judgement.warnings.iter().cloned());
    let headed = heading_speakers(&lines[from..]);
    let is_heading_speaker = |text: &str| {
        headed.contains(&crate::text::fold_name(
            &crate::formats::speakers::clean_name(text).name,
        ))
    };
    let accepted = |line: &Line| -> Option<&'static str> {
        match line {
            Line::Label {
                who: Mark::Unnamed,
                how,
                ..
            } => Some(how),
            Line::Label {
                who: Mark::Named(name),
                shape,
                refused,
                how,
                ..
            } => {
                if matches!(refused, Some(Refusal::Markup | Refusal::FrontMatter)) {
                    return None;
                }
                match (shape, judgement.how(name)) {
                    (Shape::Strong, Some(_)) => Some(how),
                    (_, Some(h)) => Some(h),
                    _ => None,
                }
            }
            Line::Question(_) | Line::Answer(_) => Some("examination `Q.`/`A.`"),
            Line::Heading(_, text) if is_heading_speaker(text) => Some("Markdown heading"),
            _ => None,
        }
    };
    let body = (from..lines.len()).find(|&i| accepted(&lines[i].1).is_some());
    let labelled = body.is_some();
    let body = body.unwrap_or_else(|| {
        // Plain text: a short first line without a full stop is its title.
        match (from..lines.len()).find(|&i| !matches!(lines[i].1, Line::Blank)) {
            Some(i)
                if matches!(&lines[i].1, Line::Heading(..))
                    || (texts[i].split_whitespace().count() <= 12 && !ends_sentence(&texts[i])) =>
            {
                i + 1
            }
            _ => from,
        }
    });
    let mut witness: Option<String> = None;
    let mut examiner: Option<String> = None;
    front_matter(
        &mut draft,
        &lines[..body],
        &texts[..body],
        &mut witness,
        labelled,
    );
    if !labelled && !is_prose(&texts[body..]) {
        return Err(ParseError::at(
            1,
            "no speaker labels; expected lines such as `Name: text`, `>> NAME:` or `**Name:**`",
        ));
    }
    let mut paragraph_break = true;
    let mut pending_time: Option<f64> = None;
    let mut chapter = false;
    let mut named_before = false;
    let mut hows: Vec<(&'static str, usize)> = Vec::new();
    let mut witness_marks = witnesses.iter().peekable();
    for i in body..lines.len() {
        let (n, line) = &lines[i];
        let n = *n;
        while let Some((_, name)) = witness_marks.next_if(|(at, _)| *at <= n) {
            witness = Some(name.clone());
        }
        let how = accepted(line);
        if let Some(h) = how {
            match hows.iter_mut().find(|(x, _)| *x == h) {
                Some((_, c)) => *c += 1,
                None => hows.push((h, 1)),
            }
        }
        match (line, how) {
            (Line::Blank, _) => paragraph_break = true,
            (Line::Chapter, _) => {
                chapter = true;
                paragraph_break = true;
            }
            (Line::Examiner(name), _) => {
                examiner = Some((*name).to_string());
                paragraph_break = true;
            }
            (Line::Heading(_, text), Some(how)) => {
                let name = crate::formats::speakers::clean_name(text).name;
                push_label(
                    &mut draft,
                    Who::Named(name),
                    "",
                    None,
                    &mut pending_time,
                    n,
                    how,
                );
                paragraph_break = false;
                named_before = true;
            }
            (Line::Heading(_, text), None) => {
                draft
                    .sections
                    .push(((*text).to_string(), draft.pieces.len()));
                paragraph_break = true;
            }
            (Line::Question(said), _) => {
                let who = examiner.clone().unwrap_or_else(|| {
                    draft.tally(
                        "questions (`Q.`) before any `BY …:` line, given to \"Examiner\"",
                        Some(n),
                    );
                    "Examiner".to_string()
                });
                push_label(
                    &mut draft,
                    Who::Named(who),
                    said,
                    None,
                    &mut pending_time,
                    n,
                    "`Q.` resolved to the examiner named in `BY …:`",
                );
                paragraph_break = false;
            }
            (Line::Answer(said), _) => {
                let who = witness.clone().unwrap_or_else(|| {
                    draft.tally("answers (`A.`) with no witness named on the page, given to \"THE WITNESS\"", Some(n));
                    "THE WITNESS".to_string()
                });
                push_label(
                    &mut draft,
                    Who::Named(who),
                    said,
                    None,
                    &mut pending_time,
                    n,
                    "`A.` resolved to the witness named on the page",
                );
                paragraph_break = false;
            }
            (Line::Label { who, at, said, .. }, Some(how)) => {
                let who = match (who, &witness) {
                    (Mark::Named(name), Some(w))
                        if crate::text::fold_name(name) == "the witness" =>
                    {
                        Who::Named(w.clone())
                    }
                    (Mark::Named(name), _) => Who::Named(name.to_string()),
                    (Mark::Unnamed, _) => Who::Unnamed,
                };
                named_before |= matches!(who, Who::Named(_));
                push_label(&mut draft, who, said, *at, &mut pending_time, n, how);
                paragraph_break = false;
            }
            (Line::Label { at, .. }, None) | (Line::Text { at, .. }, _) => {
                let raw: &str = match line {
                    Line::Text { text, .. } => text,
                    _ => match timecode::leading(&texts[i]) {
                        Some((_, rest)) if at.is_some() => rest,
                        _ => &texts[i],
                    },
                };
                if chapter {
                    draft.sections.push((raw.to_string(), draft.pieces.len()));
                    chapter = false;
                    continue;
                }
                if court {
                    if let Some(name) = court::sworn_witness(raw) {
                        witness = Some(name.to_string());
                        draft.notes.push(raw.to_string());
                        continue;
                    }
                    if court::is_examination_heading(raw) {
                        draft.sections.push((raw.to_string(), draft.pieces.len()));
                        continue;
                    }
                }
                if raw.is_empty() {
                    // A timestamp alone on its line times what comes next.
                    pending_time = *at;
                    continue;
                }
                if paragraph_break && named_before && judgement.share >= 0.5 && units >= 4 {
                    draft.tally(
                        "paragraphs without a label continue the previous speaker",
                        Some(n),
                    );
                }
                let (text, inline) = timecode::take_inline(raw);
                let start = at.or(pending_time.take()).or(inline);
                let mut piece = Piece::new(Who::Same, text).timed(start, None).at_line(n);
                piece.new_paragraph = paragraph_break;
                draft.pieces.push(piece);
                paragraph_break = false;
            }
        }
    }
    hows.sort_by_key(|(_, c)| std::cmp::Reverse(*c));
    let main = hows.first().map(|(h, _)| *h);
    let layout = match main {
        None => "no speaker labels: plain text, one unnamed speaker".to_string(),
        Some(h) if judgement.share > 0.0 && !h.contains('`') && h != "Markdown heading" => format!(
            "`Name:` labels ({h}) open {:.0}% of paragraphs",
            judgement.share * 100.0
        ),
        Some(h) => format!("speaker labels: mostly {h}"),
    };
    draft.layout = Some(match draft.layout.take() {
        Some(before) => format!("{before}; {layout}"),
        None => layout,
    });
    if !labelled {
        draft.warn(
            Some(source.get(body).map_or(1, |(n, _)| *n)),
            "no speaker labels found: the whole text is attributed to one unnamed speaker",
        );
    }
    Ok(draft)
}

fn push_label(
    draft: &mut Draft,
    who: Who,
    said: &str,
    at: Option<f64>,
    pending_time: &mut Option<f64>,
    line: usize,
    how: &'static str,
) {
    let (said, inline) = timecode::take_inline(said);
    let start = at.or(pending_time.take()).or(inline);
    let mut piece = Piece::new(who, said)
        .timed(start, None)
        .at_line(line)
        .because(how);
    piece.new_paragraph = true;
    draft.pieces.push(piece);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::formats::pieces::build;

    fn session(text: &str) -> crate::session::Session {
        let lines: Vec<&str> = text.lines().collect();
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
        let lines = ["Shopping list", "eggs", "Note: milk"];
        assert!(!looks_like(&lines));
        assert!(parse(&lines).is_err());
    }
}
