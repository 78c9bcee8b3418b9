//! The walk over a file's speech, line by line in order, into pieces: labels start pieces,
//! paragraphs without one continue the speaker before, notes and sections are set aside. Its
//! few variables carry from one block of lines to the next.

use std::borrow::Cow;

use super::classify::{Line, Mark};
use super::plan::Plan;
use crate::formats::court;
use crate::formats::pieces::{Draft, Piece, Who};
use crate::formats::timecode;

/// Where the walk is.
pub(super) struct Walk<'p> {
    /// What the whole file decided.
    plan: &'p Plan,
    paragraph_break: bool,
    pending_time: Option<f64>,
    chapter: bool,
    named_before: bool,
    /// How speakers were recognised, with how often.
    hows: Vec<(&'static str, usize)>,
    /// Witnesses named by running heads passed so far.
    witness_marks: usize,
    translation: bool,
    witness: Option<String>,
    examiner: Option<String>,
    /// Pieces handed on before the draft's.
    pieces_before: usize,
}

impl<'p> Walk<'p> {
    pub(super) fn new(plan: &'p Plan) -> Self {
        Walk {
            plan,
            paragraph_break: true,
            pending_time: None,
            chapter: false,
            named_before: false,
            hows: Vec::new(),
            witness_marks: 0,
            translation: false,
            witness: plan.witness.clone(),
            examiner: None,
            pieces_before: 0,
        }
    }

    /// The pieces of `draft` were handed on.
    pub(super) fn handed_on(&mut self, pieces: usize) {
        self.pieces_before += pieces;
    }

    /// Where the next piece will be among all the file's pieces.
    fn next_piece(&self, draft: &Draft) -> usize {
        self.pieces_before + draft.pieces.len()
    }

    /// Reads `lines[range]` into `draft`. `witnesses` are those the running heads name, with
    /// their lines (court pages).
    #[allow(clippy::too_many_lines)] // one walk over the file, in the order a reader meets it
    pub(super) fn lines(
        &mut self,
        witnesses: &[(usize, String)],
        lines: &[(usize, Line)],
        texts: &[Cow<str>],
        range: std::ops::Range<usize>,
        draft: &mut Draft,
    ) {
        for i in range {
            let (n, line) = &lines[i];
            let n = *n;
            // A collapsed block titled as a translation repeats the speech above in another
            // language: notes, not more speech.
            if self.translation || is_translation_summary(line) {
                self.translation = !matches!(line, Line::Markup(m) if m.starts_with("</details"));
                if !texts[i].is_empty() {
                    draft.notes.push(texts[i].to_string());
                    draft.tally(
                        "lines of a collapsed translation (`<summary>Translation`) set aside as notes",
                        Some(n),
                    );
                }
                continue;
            }
            while let Some((_, name)) = witnesses.get(self.witness_marks).filter(|(at, _)| *at <= n)
            {
                self.witness = Some(name.clone());
                self.witness_marks += 1;
            }
            let how = self.plan.accepted(n, line);
            if let Some(h) = how {
                match self.hows.iter_mut().find(|(x, _)| *x == h) {
                    Some((_, c)) => *c += 1,
                    None => self.hows.push((h, 1)),
                }
            }
            match (line, how) {
                (Line::Blank, _) => self.paragraph_break = true,
                (Line::Markup(markup), _) => {
                    draft.notes.push((*markup).to_string());
                    draft.tally(
                        "lines of markup (links, images, HTML embeds) set aside as notes, not speech",
                        Some(n),
                    );
                    self.paragraph_break = true;
                }
                (Line::Chapter, _) => {
                    self.chapter = true;
                    self.paragraph_break = true;
                }
                (Line::Examiner(name), _) => {
                    self.examiner = Some((*name).to_string());
                    self.paragraph_break = true;
                }
                (Line::Heading(_, text), Some(how)) => {
                    let name = crate::formats::speakers::clean_name(text).name;
                    self.label(draft, Who::Named(name), "", None, n, how);
                    self.named_before = true;
                }
                (Line::Heading(_, text), None) => {
                    let at = self.next_piece(draft);
                    draft.sections.push(((*text).to_string(), at));
                    self.paragraph_break = true;
                }
                (Line::Question(said), _) => {
                    let who = self.examiner.clone().unwrap_or_else(|| {
                        draft.tally(
                            "questions (`Q.`) before any `BY …:` line, given to \"Examiner\"",
                            Some(n),
                        );
                        "Examiner".to_string()
                    });
                    let how = "`Q.` resolved to the examiner named in `BY …:`";
                    self.label(draft, Who::Named(who), said, None, n, how);
                }
                (Line::Answer(said), _) => {
                    let who = self.witness.clone().unwrap_or_else(|| {
                        draft.tally("answers (`A.`) with no witness named on the page, given to \"THE WITNESS\"", Some(n));
                        "THE WITNESS".to_string()
                    });
                    let how = "`A.` resolved to the witness named on the page";
                    self.label(draft, Who::Named(who), said, None, n, how);
                }
                (Line::Label { who, at, said, .. }, Some(how)) => {
                    let who = match (who, &self.witness) {
                        (Mark::Named(name), Some(w))
                            if crate::text::fold_name(name) == "the witness" =>
                        {
                            Who::Named(w.clone())
                        }
                        (Mark::Named(name), _) => Who::Named(name.to_string()),
                        (Mark::Unnamed, _) => Who::Unnamed,
                    };
                    self.named_before |= matches!(who, Who::Named(_));
                    self.label(draft, who, said, *at, n, how);
                }
                (Line::Label { at, .. }, None) | (Line::Text { at, .. }, _) => {
                    let raw: &str = match line {
                        Line::Text { text, .. } => text,
                        _ => match timecode::leading(&texts[i]) {
                            Some((_, rest)) if at.is_some() => rest,
                            _ => &texts[i],
                        },
                    };
                    self.text(lines, texts, i, raw, *at, draft);
                }
            }
        }
    }

    /// Line `i`, text that no label opens.
    fn text(
        &mut self,
        lines: &[(usize, Line)],
        texts: &[Cow<str>],
        i: usize,
        raw: &str,
        at: Option<f64>,
        draft: &mut Draft,
    ) {
        let n = lines[i].0;
        if self.chapter {
            let at = self.next_piece(draft);
            draft.sections.push((raw.to_string(), at));
            self.chapter = false;
            return;
        }
        if is_footer(raw) {
            draft.notes.push(raw.to_string());
            draft.tally(
                "exporters' footers (`Transcribed by …`) set aside as notes",
                Some(n),
            );
            return;
        }
        if self.plan.court || self.plan.qa {
            if let Some(name) = court::sworn_witness(raw) {
                self.witness = Some(name.to_string());
                draft.notes.push(raw.to_string());
                return;
            }
            if court::is_examination_heading(raw) {
                let at = self.next_piece(draft);
                draft.sections.push((raw.to_string(), at));
                return;
            }
        }
        if self.plan.qa && self.excerpt_furniture(lines, texts, i, raw, draft) {
            self.paragraph_break = true;
            return;
        }
        if raw.is_empty() {
            // A timestamp alone on its line times what comes next.
            self.pending_time = at;
            return;
        }
        if self.paragraph_break
            && self.named_before
            && self.plan.judgement.share >= 0.5
            && self.plan.units >= 4
        {
            draft.tally(
                "paragraphs without a label continue the previous speaker",
                Some(n),
            );
        }
        let (text, inline) = timecode::take_inline(raw);
        let start = at.or(self.pending_time.take()).or(inline);
        let mut piece = Piece::new(Who::Same, text).timed(start, None).at_line(n);
        piece.new_paragraph = self.paragraph_break;
        draft.pieces.push(piece);
        self.paragraph_break = false;
    }

    /// Between excerpts of examination (a page of court humour, a brief's quotations): a
    /// reporter's credit and the place under it go to the notes; a short line with no full stop
    /// before a label, `Q.` or `A.` is the next excerpt's title. Says whether line `i` was one
    /// of those.
    fn excerpt_furniture(
        &self,
        lines: &[(usize, Line)],
        texts: &[Cow<str>],
        i: usize,
        raw: &str,
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
        if self.paragraph_break && !stop && next_speaks && raw.split_whitespace().count() <= 8 {
            let at = self.next_piece(draft);
            draft.sections.push((raw.to_string(), at));
            return true;
        }
        false
    }

    /// A piece a label starts: by `who`, saying `said`.
    fn label(
        &mut self,
        draft: &mut Draft,
        who: Who,
        said: &str,
        at: Option<f64>,
        line: usize,
        how: &'static str,
    ) {
        let (said, inline) = timecode::take_inline(said);
        let start = at.or(self.pending_time.take()).or(inline);
        let mut piece = Piece::new(who, said)
            .timed(start, None)
            .at_line(line)
            .because(how);
        piece.new_paragraph = true;
        draft.pieces.push(piece);
        self.paragraph_break = false;
    }

    /// Says how the file was read, once every line is walked.
    pub(super) fn finish(mut self, draft: &mut Draft) {
        self.hows.sort_by_key(|(_, c)| std::cmp::Reverse(*c));
        let main = self.hows.first().map(|(h, _)| *h);
        let share = self.plan.judgement.share;
        let layout = match main {
            None => "no speaker labels: plain text, one unnamed speaker".to_string(),
            Some(h) if share > 0.0 && !h.contains('`') && h != "Markdown heading" => format!(
                "`Name:` labels ({h}) open {:.0}% of paragraphs",
                share * 100.0
            ),
            Some(h) => format!("speaker labels: mostly {h}"),
        };
        draft.layout = Some(match draft.layout.take() {
            Some(before) => format!("{before}; {layout}"),
            None => layout,
        });
        if !self.plan.labelled {
            draft.warn(
                Some(self.plan.body_line),
                "no speaker labels found: the whole text is attributed to one unnamed speaker",
            );
        }
    }
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
