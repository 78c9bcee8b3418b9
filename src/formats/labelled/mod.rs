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
mod namelines;
mod plan;
mod split;
mod stream;
mod walk;

use rayon::prelude::*;
use std::borrow::Cow;

use crate::formats::ParseError;
use crate::formats::court;
use crate::formats::evidence::{Shape, Shapes};
use crate::formats::pieces::Draft;
use crate::formats::speakers::label_role;
use classify::{Line, Mark, classify, unescape};
use front::{heading_speakers, is_prose};
use plan::{Plan, Survey, is_marker_line};
pub use stream::read_blocks;
use walk::Walk;

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
    if let Some(draft) = namelines::read(lines) {
        return Ok(draft);
    }
    let owned = if split::has_inline_tags(lines) {
        Some(split::europarl_lines(lines))
    } else {
        split::common_stamp(lines).map(|stamp| split::without_stamp(lines, &stamp, &mut draft))
    };
    let source: Vec<(usize, &str)> = match &owned {
        Some(o) => o.iter().map(|(n, l)| (*n, l.as_str())).collect(),
        None => lines.iter().enumerate().map(|(i, l)| (i + 1, *l)).collect(),
    };
    read(&source, false, &[], draft)
}

/// Reads lines another layout extracted (an HTML page's text), with their source lines.
pub fn read_source(source: &Source) -> Result<Draft, ParseError> {
    let source: Vec<(usize, &str)> = source.iter().map(|(n, l)| (*n, l.as_str())).collect();
    read(&source, false, &[], Draft::default())
}

/// Classifies `source`'s lines: each is judged on its own (`Shapes` only remembers verdicts that
/// depend on the name alone), so a long file is classified in parallel, each thread with its
/// own memory. `texts` are `source`'s lines unescaped.
fn classify_all<'t>(
    source: &[(usize, &str)],
    texts: &'t [Cow<'t, str>],
    court: bool,
) -> Vec<(usize, Line<'t>)> {
    source
        .par_iter()
        .zip(texts)
        .map_init(Shapes::default, |shapes, ((n, _), t)| {
            (*n, classify(t, court, shapes))
        })
        .collect()
}

fn unescape_all<'s>(source: &[(usize, &'s str)]) -> Vec<Cow<'s, str>> {
    source.par_iter().map(|(_, l)| unescape(l)).collect()
}

fn read(
    source: &[(usize, &str)],
    court: bool,
    witnesses: &[(usize, String)],
    mut draft: Draft,
) -> Result<Draft, ParseError> {
    let texts = unescape_all(source);
    let mut lines = classify_all(source, &texts, court);
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
    let marker = lines.iter().position(|(_, l)| is_marker_line(l));
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
    let mut survey = Survey::default();
    survey.add(&lines[from..]);
    let plan = Plan::new(&mut draft, &lines, &texts, from, court, qa, &survey, true)?
        .ok_or_else(|| ParseError::at(1, "the whole file left its reading undecided"))?;
    // A piece a line of speech at most; the other core sets up their pages while the walk
    // below fills them.
    let speech = lines[plan.body..]
        .par_iter()
        .filter(|(_, l)| {
            matches!(
                l,
                Line::Label { .. }
                    | Line::Text { .. }
                    | Line::Heading(..)
                    | Line::Question(_)
                    | Line::Answer(_)
            )
        })
        .count();
    draft.pieces.reserve(speech);
    let _pages = crate::files::populate_spare(&mut draft.pieces);
    let mut walk = Walk::new(&plan);
    walk.lines(
        witnesses,
        &lines,
        &texts,
        plan.body..lines.len(),
        &mut draft,
    );
    walk.finish(&mut draft);
    Ok(draft)
}

#[cfg(test)]
mod tests;
