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
mod split;

use rayon::prelude::*;
use std::borrow::Cow;

use crate::formats::ParseError;
use crate::formats::court;
use crate::formats::evidence::{self, Candidate, Refusal, Shape, Shapes};
use crate::formats::pieces::{Draft, Piece, Who};
use crate::formats::speakers::label_role;
use crate::formats::timecode;
use classify::{Line, Mark, classify, ends_sentence, unescape};
use front::{front_matter, heading_speakers, is_marker, is_prose, once_labels, witness_label};

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

#[allow(clippy::too_many_lines)] // one walk over the file, in the order a reader meets it
fn read(
    source: &[(usize, &str)],
    court: bool,
    witnesses: &[(usize, String)],
    mut draft: Draft,
) -> Result<Draft, ParseError> {
    // Each line is judged on its own (`Shapes` only remembers verdicts that depend on the name
    // alone), so a long file is classified in parallel, each thread with its own memory.
    let texts: Vec<Cow<str>> = source.par_iter().map(|(_, l)| unescape(l)).collect();
    let mut lines: Vec<(usize, Line)> = source
        .par_iter()
        .zip(&texts)
        .map_init(Shapes::default, |shapes, ((n, _), t)| {
            (*n, classify(t, court, shapes))
        })
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
            None
            | Some(
                Line::Blank
                | Line::Label { .. }
                | Line::Heading(..)
                | Line::Chapter
                | Line::Markup(_),
            ) => true,
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
    let demoted = once_labels(&lines[from..], &judgement);
    if let Some((first, _)) = demoted.first() {
        let names: Vec<String> = demoted
            .iter()
            .take(5)
            .map(|(_, n)| format!("{n:?}"))
            .collect();
        let more = if demoted.len() > 5 { " and more" } else { "" };
        draft.warn(
            Some(*first),
            format!(
                "{} label{} seen once before the first recurring speaker read as front-matter heading{}: {}{more}",
                demoted.len(),
                if demoted.len() == 1 { "" } else { "s" },
                if demoted.len() == 1 { "" } else { "s" },
                names.join(", ")
            ),
        );
    }
    let accepted = |n: usize, line: &Line| -> Option<&'static str> {
        if demoted.iter().any(|(d, _)| *d == n) {
            return None;
        }
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
    let body = (from..lines.len()).find(|&i| accepted(lines[i].0, &lines[i].1).is_some());
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
    if let Some(w) = &witness
        && let Some(label) = witness_label(w, &lines[body..], &judgement)
    {
        witness = Some(label);
    }
    if !labelled && !is_prose(&texts[body..]) {
        return Err(ParseError::at(
            1,
            "no speaker labels; expected lines such as `Name: text`, `>> NAME:` or `**Name:**`",
        ));
    }
    // A piece a line of speech at most; the other core sets up their pages while the walk
    // below fills them.
    let speech = lines[body..]
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
    let mut paragraph_break = true;
    let mut pending_time: Option<f64> = None;
    let mut chapter = false;
    let mut named_before = false;
    let mut hows: Vec<(&'static str, usize)> = Vec::new();
    let mut witness_marks = witnesses.iter().peekable();
    let mut translation = false;
    for i in body..lines.len() {
        let (n, line) = &lines[i];
        let n = *n;
        // A collapsed block titled as a translation repeats the speech above in another
        // language: notes, not more speech.
        if translation || is_translation_summary(line) {
            translation = !matches!(line, Line::Markup(m) if m.starts_with("</details"));
            if !texts[i].is_empty() {
                draft.notes.push(texts[i].to_string());
                draft.tally(
                    "lines of a collapsed translation (`<summary>Translation`) set aside as notes",
                    Some(n),
                );
            }
            continue;
        }
        while let Some((_, name)) = witness_marks.next_if(|(at, _)| *at <= n) {
            witness = Some(name.clone());
        }
        let how = accepted(n, line);
        if let Some(h) = how {
            match hows.iter_mut().find(|(x, _)| *x == h) {
                Some((_, c)) => *c += 1,
                None => hows.push((h, 1)),
            }
        }
        match (line, how) {
            (Line::Blank, _) => paragraph_break = true,
            (Line::Markup(markup), _) => {
                draft.notes.push((*markup).to_string());
                draft.tally(
                    "lines of markup (links, images, HTML embeds) set aside as notes, not speech",
                    Some(n),
                );
                paragraph_break = true;
            }
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
                if is_footer(raw) {
                    draft.notes.push(raw.to_string());
                    draft.tally(
                        "exporters' footers (`Transcribed by …`) set aside as notes",
                        Some(n),
                    );
                    continue;
                }
                if court || qa {
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
                if qa && excerpt_furniture(&lines, &texts, i, raw, paragraph_break, &mut draft) {
                    paragraph_break = true;
                    continue;
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

/// `<summary>Translation 👀</summary>` (or Traducción, Übersetzung) opening a `<details>` block.
fn is_translation_summary(line: &Line) -> bool {
    let Line::Markup(m) = line else {
        return false;
    };
    let lower = m.to_lowercase();
    lower.starts_with("<summary")
        && ["translat", "traduc", "übersetz", "tradu"]
            .iter()
            .any(|w| lower.contains(w))
}

/// An exporter's line at the end: `Transcribed by https://otter.ai`.
fn is_footer(raw: &str) -> bool {
    let lower = raw.to_ascii_lowercase();
    ["transcribed by ", "transcription by ", "transcribed with "]
        .iter()
        .any(|p| lower.starts_with(p))
        && raw.split_whitespace().count() <= 6
        && (lower.contains("://") || lower.ends_with(".ai") || lower.ends_with(".com"))
}

/// Between excerpts of examination (a page of court humour, a brief's quotations): a reporter's
/// credit and the place under it go to the notes; a short line with no full stop before a label,
/// `Q.` or `A.` is the next excerpt's title. Says whether line `i` was one of those.
fn excerpt_furniture(
    lines: &[(usize, Line)],
    texts: &[Cow<str>],
    i: usize,
    raw: &str,
    paragraph_start: bool,
    draft: &mut Draft,
) -> bool {
    let after_credit =
        i > 0 && matches!(lines[i - 1].1, Line::Text { .. }) && court::is_credit(&texts[i - 1]);
    if court::is_credit(raw) || (after_credit && raw.split_whitespace().count() <= 4) {
        draft.notes.push(raw.to_string());
        draft.tally(
            "court reporters' credits set aside as notes",
            Some(lines[i].0),
        );
        return true;
    }
    let stop = raw
        .trim_end_matches(['"', '”', '’', '\'', ')', ']'])
        .ends_with(['.', '?', '!', '…', ':', ',', ';', '—', '-']);
    let next_speaks = lines[i + 1..]
        .iter()
        .find(|(_, l)| !matches!(l, Line::Blank))
        .is_some_and(|(_, l)| {
            matches!(l, Line::Label { .. } | Line::Question(_) | Line::Answer(_))
        });
    if paragraph_start && !stop && next_speaks && raw.split_whitespace().count() <= 8 {
        draft.sections.push((raw.to_string(), draft.pieces.len()));
        return true;
    }
    false
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
mod tests;
