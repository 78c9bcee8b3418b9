//! What the whole file decides before any line is read as speech: which names are speakers
//! (the label evidence), whether `Q.`/`A.` is examination, where front matter ends. A
//! [`Survey`] gathers it a block of lines at a time, so a long file need not be held
//! classified all at once.

use rayon::prelude::*;
use std::borrow::Cow;

use super::classify::{Line, Mark, ends_sentence};
use super::front::{
    front_matter, heading_speakers, is_marker, is_prose, once_labels_until, witness_label,
};
use crate::formats::ParseError;
use crate::formats::evidence::{self, Candidate, Judgement, Refusal, Shape, Tallies};
use crate::formats::pieces::Draft;

/// Whether the line after `line` opens a paragraph.
fn opens_after(line: &Line) -> bool {
    match line {
        Line::Blank
        | Line::Label { .. }
        | Line::Heading(..)
        | Line::Chapter
        | Line::Markup(_)
        | Line::Question(_)
        | Line::Answer(_)
        | Line::Examiner(_) => true,
        Line::Text { text, .. } => ends_sentence(text) || text.is_empty(),
    }
}

/// Whether `line` says something: a unit of speech where it opens a paragraph.
fn is_speech(line: &Line) -> bool {
    matches!(
        line,
        Line::Label { .. } | Line::Question(_) | Line::Answer(_)
    ) || matches!(line, Line::Text { text, .. } if !text.is_empty())
}

/// A "Transcript" line, ending show notes when labels follow it.
pub(super) fn is_marker_line(line: &Line) -> bool {
    match line {
        Line::Text { text, .. } => is_marker(text),
        Line::Heading(_, text) => is_marker(text),
        Line::Label {
            who: Mark::Named(n),
            said,
            ..
        } => said.is_empty() && is_marker(n),
        _ => false,
    }
}

/// The paragraphs of the file and its label candidates, added up block by block.
pub(super) struct Survey {
    /// Paragraphs that say something.
    pub units: usize,
    pub tallies: Tallies,
    /// Whether the next line added opens a paragraph.
    opens_next: bool,
}

impl Default for Survey {
    fn default() -> Self {
        Survey {
            units: 0,
            tallies: Tallies::default(),
            opens_next: true,
        }
    }
}

impl Survey {
    /// Adds `lines`, the ones after all added before.
    pub(super) fn add(&mut self, lines: &[(usize, Line)]) {
        let first = self.opens_next;
        let opens = |i: usize| i.checked_sub(1).map_or(first, |p| opens_after(&lines[p].1));
        self.units += (0..lines.len())
            .into_par_iter()
            .filter(|&i| opens(i) && is_speech(&lines[i].1))
            .count();
        let candidates: Vec<Candidate> = (0..lines.len())
            .into_par_iter()
            .filter_map(|i| match &lines[i].1 {
                Line::Label {
                    who: Mark::Named(name),
                    shape,
                    refused,
                    ..
                } => Some(Candidate {
                    name: Cow::Borrowed(name.as_ref()),
                    line: lines[i].0,
                    shape: *shape,
                    opens: opens(i),
                    refused: *refused,
                }),
                _ => None,
            })
            .collect();
        self.tallies.add(&candidates);
        if let Some((_, last)) = lines.last() {
            self.opens_next = opens_after(last);
        }
    }
}

/// What the walk over the file's speech needs to know of the whole file.
pub(super) struct Plan {
    pub court: bool,
    /// `Q.` and `A.` are examination (both are there).
    pub qa: bool,
    pub units: usize,
    pub judgement: Judgement,
    /// Names Markdown headings give speakers.
    headed: Vec<String>,
    /// Labels read as front-matter headings: their lines and names.
    demoted: Vec<(usize, String)>,
    /// The index of the first line of speech, and its source line.
    pub body: usize,
    pub body_line: usize,
    pub labelled: bool,
    /// The witness the front matter names, under the label they answer as.
    pub witness: Option<String>,
}

impl Plan {
    /// Judges the survey of the lines from `from` and reads the front matter into `draft`.
    /// `lines` are the whole file's when `whole`, else its first block only: then `None` when
    /// a decision needs lines past the block.
    #[allow(clippy::too_many_arguments)] // the whole file's verdicts, gathered once
    pub(super) fn new(
        draft: &mut Draft,
        lines: &[(usize, Line)],
        texts: &[Cow<str>],
        from: usize,
        court: bool,
        qa: bool,
        survey: &Survey,
        whole: bool,
    ) -> Result<Option<Plan>, ParseError> {
        let judgement = evidence::judge_tallies(&survey.tallies, survey.units, "paragraph");
        draft.warnings.extend(judgement.warnings.iter().cloned());
        let headed = heading_speakers(&lines[from..]);
        let demoted = match once_labels_until(&lines[from..], &judgement) {
            Some(d) => d,
            None if whole => Vec::new(),
            None => return Ok(None),
        };
        if let Some((first, _)) = demoted.first() {
            let names: Vec<String> = demoted
                .iter()
                .take(5)
                .map(|(_, n)| format!("{n:?}"))
                .collect();
            let more = if demoted.len() > 5 { " and more" } else { "" };
            let s = if demoted.len() == 1 { "" } else { "s" };
            draft.warn(
                Some(*first),
                format!(
                    "{} label{s} seen once before the first recurring speaker read as front-matter heading{s}: {}{more}",
                    demoted.len(),
                    names.join(", ")
                ),
            );
        }
        let mut plan = Plan {
            court,
            qa,
            units: survey.units,
            judgement,
            headed,
            demoted,
            body: 0,
            body_line: 1,
            labelled: false,
            witness: None,
        };
        let body = (from..lines.len()).find(|&i| plan.accepted(lines[i].0, &lines[i].1).is_some());
        if body.is_none() && !whole {
            return Ok(None);
        }
        let labelled = body.is_some();
        let body = body.unwrap_or_else(|| {
            // Plain text: a short first line without a full stop is its title.
            match (from..lines.len()).find(|&i| !matches!(lines[i].1, Line::Blank)) {
                Some(i)
                    if matches!(&lines[i].1, Line::Heading(..))
                        || (texts[i].split_whitespace().count() <= 12
                            && !ends_sentence(&texts[i])) =>
                {
                    i + 1
                }
                _ => from,
            }
        });
        let mut witness: Option<String> = None;
        front_matter(
            draft,
            &lines[..body],
            &texts[..body],
            &mut witness,
            labelled,
        );
        if let Some(w) = &witness {
            if !whole {
                return Ok(None);
            }
            if let Some(label) = witness_label(w, &lines[body..], &plan.judgement) {
                witness = Some(label);
            }
        }
        if !labelled && !is_prose(&texts[body..]) {
            return Err(ParseError::at(
                1,
                "no speaker labels; expected lines such as `Name: text`, `>> NAME:` or `**Name:**`",
            ));
        }
        plan.body = body;
        plan.body_line = lines.get(body).map_or(1, |(n, _)| *n);
        plan.labelled = labelled;
        plan.witness = witness;
        Ok(Some(plan))
    }

    /// How the speaker of line `n` was recognised, when it names one.
    pub(super) fn accepted(&self, n: usize, line: &Line) -> Option<&'static str> {
        if self.demoted.iter().any(|(d, _)| *d == n) {
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
                match (shape, self.judgement.how(name)) {
                    (Shape::Strong, Some(_)) => Some(how),
                    (_, Some(h)) => Some(h),
                    _ => None,
                }
            }
            Line::Question(_) | Line::Answer(_) => Some("examination `Q.`/`A.`"),
            Line::Heading(_, text) if self.is_heading_speaker(text) => Some("Markdown heading"),
            _ => None,
        }
    }

    fn is_heading_speaker(&self, text: &str) -> bool {
        self.headed.contains(&crate::text::fold_name(
            &crate::formats::speakers::clean_name(text).name,
        ))
    }
}
