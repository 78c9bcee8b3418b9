//! A long file of labelled text read a block of lines at a time: the label evidence is
//! gathered over the whole file first ([`Survey`]), then each block is classified again and
//! walked, its pieces handed on before the next block is read. The file's text stays in
//! memory (with a pointer a line), but not its lines classified, nor its pieces.
//!
//! Layouts whose reading needs the whole file at once — court pages, names on lines of their
//! own, Europarl tags, a stamp on every line, examination, Markdown headings, show notes ending
//! at a "Transcript" line, a label-less text, front matter longer than a block — are left to the
//! whole-file reader: for them this says so before handing on anything.

use super::classify::Line;
use super::plan::{Plan, Survey, is_marker_line};
use super::walk::Walk;
use super::{classify_all, court, namelines, split, unescape_all};
use crate::formats::ParseError;
use crate::formats::pieces::{Draft, Piece};

/// Takes a block's pieces, with the draft's sections so far.
pub type PieceSink<'a> = dyn FnMut(Vec<Piece>, &[(String, usize)]) + 'a;

/// Reads `lines` in blocks of `block` lines, giving `sink` each block's pieces with the
/// sections so far (each at the index of its first piece, counting every piece handed on). The
/// draft comes back without pieces. `None`, before `sink` is called, when the layout needs the
/// whole-file reader ([`super::parse`]).
pub fn read_blocks(
    lines: &[&str],
    block: usize,
    sink: &mut PieceSink,
) -> Option<Result<Draft, ParseError>> {
    let block = block.max(1);
    if court::looks_like(lines)
        || split::has_inline_tags(lines)
        || split::common_stamp(lines).is_some()
        || namelines::applies(lines)
    {
        return None;
    }
    let numbered = |at: usize| -> Vec<(usize, &str)> {
        let end = (at + block).min(lines.len());
        (at..end).map(|i| (i + 1, lines[i])).collect()
    };
    // The first block is kept classified: the front matter and the first label are in it.
    let head_source = numbered(0);
    let head_texts = unescape_all(&head_source);
    let head = classify_all(&head_source, &head_texts, false);
    let whole = head.len() == lines.len();
    let mut survey = Survey::default();
    if needs_whole_file(&head) {
        return None;
    }
    survey.add(&head);
    for at in (block..lines.len()).step_by(block) {
        let source = numbered(at);
        let texts = unescape_all(&source);
        let classified = classify_all(&source, &texts, false);
        if needs_whole_file(&classified) {
            return None;
        }
        survey.add(&classified);
    }
    let mut draft = Draft::default();
    let plan = match Plan::new(
        &mut draft,
        &head,
        &head_texts,
        0,
        false,
        false,
        &survey,
        whole,
    ) {
        Ok(Some(plan)) if plan.labelled => plan,
        Ok(_) => return None,
        Err(e) => return Some(Err(e)),
    };
    let mut walk = Walk::new(&plan);
    let mut hand_on = |walk: &mut Walk, draft: &mut Draft| {
        let pieces = std::mem::take(&mut draft.pieces);
        walk.handed_on(pieces.len());
        sink(pieces, &draft.sections);
    };
    walk.lines(&[], &head, &head_texts, plan.body..head.len(), &mut draft);
    hand_on(&mut walk, &mut draft);
    for at in (block..lines.len()).step_by(block) {
        let source = numbered(at);
        let texts = unescape_all(&source);
        let classified = classify_all(&source, &texts, false);
        walk.lines(&[], &classified, &texts, 0..classified.len(), &mut draft);
        hand_on(&mut walk, &mut draft);
    }
    walk.finish(&mut draft);
    Some(Ok(draft))
}

/// Lines whose reading depends on lines far from them: examination marks (`Q.`/`A.` are
/// examination only when both recur), Markdown headings (speakers only when most headings
/// name one), a "Transcript" line that may end show notes.
fn needs_whole_file(lines: &[(usize, Line<'_>)]) -> bool {
    lines.iter().any(|(_, l)| {
        matches!(
            l,
            Line::Question(_) | Line::Answer(_) | Line::Examiner(_) | Line::Heading(..)
        ) || is_marker_line(l)
    })
}
