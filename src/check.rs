//! `podium check FILE`: what the importer made of a file and every guess it made — the format
//! and why, each speaker with how it was recognised (first line, how many labels), what was set
//! aside as front matter, and the warnings. Plain data, printed as text or JSON by the command
//! line.

use std::path::Path;

use serde::Serialize;

use crate::error::ImportError;
use crate::formats::{self, Format};
use crate::session::{SpeakerKind, Warning};
use crate::text::word_count;

/// One speaker as the importer recognised them.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SpeakerReport {
    pub name: String,
    /// "person" or "label" (`Speaker 2`, `Moderator`).
    pub kind: &'static str,
    /// How the first label naming them was recognised.
    pub how: String,
    pub first_line: Option<usize>,
    /// Labels (or cues, segments) naming them.
    pub labels: usize,
    pub turns: usize,
    pub words: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub organisation: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub party: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
}

/// What `podium check` reports about one file.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    pub file: String,
    pub format: &'static str,
    /// The source format as recorded (`json/speechmatics`, `srt+rttm`).
    pub variant: String,
    pub why: String,
    pub turns: usize,
    pub words: usize,
    pub speakers: Vec<SpeakerReport>,
    /// Front matter set aside: neither speakers nor counted words.
    pub front_matter: Vec<String>,
    pub warnings: Vec<Warning>,
}

/// Imports `path` afresh (no cache, no renames) and reports how.
pub fn check(path: &Path, format: Option<Format>) -> Result<Report, ImportError> {
    let (loaded, trace) = formats::inspect_path(path, format)?;
    let s = &loaded.session;
    let speakers = s
        .speakers
        .iter()
        .enumerate()
        .map(|(i, sp)| {
            let t = trace.speakers.get(i).cloned().unwrap_or_default();
            let ix = crate::session::SpeakerIx(i);
            let turns = s.turns_by(ix).count();
            let words = s
                .turns_by(ix)
                .flat_map(|(_, t)| t.paragraphs.iter())
                .map(|p| word_count(p))
                .sum();
            let how = if t.labels == 0 {
                "pieces that name nobody".to_string()
            } else if t.how.is_empty() {
                "the source's speaker field".to_string()
            } else {
                t.how
            };
            SpeakerReport {
                name: sp.name.clone(),
                kind: match sp.kind {
                    SpeakerKind::Person => "person",
                    SpeakerKind::Label => "label",
                },
                how,
                first_line: t.first_line,
                labels: t.labels,
                turns,
                words,
                organisation: sp.organisation.clone(),
                party: sp.party.clone(),
                aliases: sp.aliases.clone(),
            }
        })
        .collect();
    Ok(Report {
        file: path.display().to_string(),
        format: loaded.format.name(),
        variant: s.meta.source_format.clone(),
        why: trace.why,
        turns: s.turns.len(),
        words: s
            .turns
            .iter()
            .flat_map(|t| t.paragraphs.iter())
            .map(|p| word_count(p))
            .sum(),
        speakers,
        front_matter: s.notes.clone(),
        warnings: loaded.warnings,
    })
}

/// `1 speaker`, `3 speakers`.
fn plural(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

impl Report {
    /// The report as a few lines of plain text.
    pub fn to_text(&self) -> String {
        use std::fmt::Write;
        let mut out = String::new();
        let _ = writeln!(out, "{}", self.file);
        let _ = writeln!(
            out,
            "format: {} ({}): {}",
            self.format, self.variant, self.why
        );
        let _ = writeln!(
            out,
            "{}, {}, {}",
            plural(self.speakers.len(), "speaker"),
            plural(self.turns, "turn"),
            plural(self.words, "word")
        );
        for sp in &self.speakers {
            let at = sp
                .first_line
                .map_or_else(String::new, |l| format!(", first at line {l}"));
            let org = match (&sp.organisation, &sp.party) {
                (Some(o), Some(p)) => format!(" ({o}, {p})"),
                (Some(o), None) | (None, Some(o)) => format!(" ({o})"),
                (None, None) => String::new(),
            };
            // A speaker no label names (the unknown speaker of unlabelled text) has no count.
            let how = match sp.labels {
                0 => sp.how.clone(),
                n => format!("{} ×{n}", sp.how),
            };
            let _ = writeln!(
                out,
                "  {}{org}: {}, {}; {how}{at}",
                sp.name,
                plural(sp.turns, "turn"),
                plural(sp.words, "word")
            );
        }
        if !self.front_matter.is_empty() {
            let _ = writeln!(
                out,
                "front matter set aside ({}):",
                plural(self.front_matter.len(), "line")
            );
            for n in self.front_matter.iter().take(8) {
                let short: String = n.chars().take(100).collect();
                let _ = writeln!(out, "  {short}");
            }
            if self.front_matter.len() > 8 {
                let _ = writeln!(out, "  … and {} more", self.front_matter.len() - 8);
            }
        }
        if self.warnings.is_empty() {
            let _ = writeln!(out, "no warnings");
        } else {
            let _ = writeln!(out, "warnings ({}):", self.warnings.len());
            for w in &self.warnings {
                match w.line {
                    Some(l) => {
                        let _ = writeln!(out, "  line {l}: {}", w.message);
                    }
                    None => {
                        let _ = writeln!(out, "  {}", w.message);
                    }
                }
            }
        }
        out
    }
}
