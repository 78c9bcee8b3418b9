//! A long labelled text imported a block at a time, for a reader that wants each turn once
//! (a search digest): its turns are handed on as they are made, so the session is never whole
//! in memory. The turns, speakers and warnings are those [`super::load_path`] gives — the same
//! reader and the same rules, walked in blocks.

use std::path::Path;

use super::pieces::Builder;
use super::{Format, ImportError, decode, detect, labelled, read_file};
use crate::session::{Meta, Session, SessionKind, Turn};

/// Files smaller than this are imported whole: a block walk gains nothing on them.
pub const STREAM_FROM: u64 = 8 << 20;

/// Lines read as one block.
pub const BLOCK_LINES: usize = 1 << 13;

/// Imports `path` a block of `block` lines at a time when it is labelled text of `from` bytes or
/// more (see [`STREAM_FROM`]) in a layout read line by line, handing `turns` each run of
/// finished turns (ids given, empty ones gone). Returns the session without its turns or
/// sections (a digest has neither): every speaker named (some may say nothing), the title,
/// notes and warnings. `Ok(None)` — before `turns` is called — when the file is to be imported
/// whole.
pub fn stream_turns_in(
    path: &Path,
    from: u64,
    block: usize,
    turns: &mut dyn FnMut(Vec<Turn>),
) -> Result<Option<Session>, ImportError> {
    let regular = std::fs::metadata(path).is_ok_and(|m| m.is_file() && m.len() >= from);
    // A diarization beside it names the speakers of an unlabelled text: read whole.
    if !regular || path.with_extension("rttm").is_file() {
        return Ok(None);
    }
    let shown = path.display().to_string();
    let bytes = read_file(path, &shown)?;
    let text =
        decode::decode(&bytes).map_err(|b| ImportError::at(&shown, b.line, super::BINARY))?;
    let lines = text.lines();
    if lines.iter().all(|l| l.trim().is_empty()) {
        return Ok(None);
    }
    if !matches!(detect(&lines, &text.joined()), Ok(Format::Text)) {
        return Ok(None);
    }
    let mut builder = Builder::new(0);
    let mut kept = 0;
    let mut hand_on = |made: Vec<Turn>| {
        let mut made: Vec<Turn> = made
            .into_iter()
            .filter(|t| !t.paragraphs.is_empty())
            .collect();
        for t in &mut made {
            t.id = Turn::id_of(kept);
            kept += 1;
        }
        if !made.is_empty() {
            turns(made);
        }
    };
    let read = labelled::read_blocks(&lines, block, &mut |pieces, sections| {
        for piece in pieces {
            builder.push(piece, sections);
        }
        hand_on(builder.take_finished());
    });
    let mut draft = match read {
        None => return Ok(None),
        Some(Err(e)) => return Err(e.in_file(&shown)),
        Some(Ok(draft)) => draft,
    };
    hand_on(builder.take_all());
    let mut warnings = text.warnings;
    warnings.append(&mut builder.warnings(&mut draft));
    warnings.sort_by_key(|w| w.line.unwrap_or(0));
    let source_file = path.file_name().map(|n| n.to_string_lossy().into_owned());
    let title = draft.title.unwrap_or_default();
    let title = match (&source_file, title.is_empty()) {
        (Some(f), true) => f
            .rsplit_once('.')
            .map_or(f.as_str(), |(stem, _)| stem)
            .to_string(),
        (None, true) => "Untitled session".to_string(),
        (_, false) => title,
    };
    Ok(Some(Session {
        meta: Meta {
            title,
            kind: SessionKind::Transcript,
            source_format: "text".to_string(),
            source_file,
            ..Meta::default()
        },
        speakers: builder.speakers().to_vec(),
        summary: draft.summary,
        notes: draft.notes,
        warnings,
        ..Session::default()
    }))
}
