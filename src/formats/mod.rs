//! Input formats. Each module turns one kind of file into a [`Session`]; this module reads the
//! file, picks the format by content (or takes the one the user names) and names the file in
//! every error. The rest of Podium never learns which format a session came from.

pub mod captions;
pub mod court;
pub mod diploai;
pub mod evidence;
pub mod labelled;
pub mod pieces;
pub mod podium_json;
pub mod speakers;
pub mod srt;
pub mod timecode;
pub mod transcript_json;
pub mod vtt;

use std::path::Path;

use crate::decode;
use crate::session::{Session, Warning};

/// A format Podium reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// The DiploAI / dig.watch session report, as text.
    DiploAi,
    WebVtt,
    Srt,
    /// Speaker-labelled text: `Name:`, `>> NAME:`, `**Name:**`, Zoom, Otter and Rev exports.
    Text,
    /// JSON from speech recognisers and meeting tools.
    TranscriptJson,
    /// Podium's own session JSON (`podium import` writes it).
    PodiumJson,
}

impl Format {
    /// In the order detection tries them.
    pub const ALL: [Format; 6] = [
        Format::PodiumJson,
        Format::TranscriptJson,
        Format::WebVtt,
        Format::Srt,
        Format::DiploAi,
        Format::Text,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Format::DiploAi => "diploai",
            Format::WebVtt => "webvtt",
            Format::Srt => "srt",
            Format::Text => "text",
            Format::TranscriptJson => "json",
            Format::PodiumJson => "podium-json",
        }
    }

    pub fn from_name(name: &str) -> Option<Format> {
        let name = name.to_lowercase();
        let alias = match name.as_str() {
            "vtt" => "webvtt",
            "txt" | "md" | "markdown" => "text",
            "podium" => "podium-json",
            other => other,
        };
        Format::ALL.into_iter().find(|f| f.name() == alias)
    }

    pub fn description(self) -> &'static str {
        match self {
            Format::DiploAi => "DiploAI / dig.watch session report (text)",
            Format::WebVtt => "WebVTT captions: Zoom, Teams, YouTube (<v Name>, Name: prefixes)",
            Format::Srt => "SubRip subtitles (Name: prefixes, - dialogue dashes)",
            Format::Text => {
                "speaker-labelled text: Name:, **Name:**, >> NAME:, Zoom, Otter, Rev, Trint, Happy Scribe"
            }
            Format::TranscriptJson => {
                "recogniser JSON: Whisper, whisper.cpp, WhisperX, AssemblyAI, Deepgram, AWS Transcribe, Rev.ai, Podcasting 2.0, {speaker, text} records"
            }
            Format::PodiumJson => "Podium session JSON (written by `podium import`)",
        }
    }

    /// Why a file is not in this format, for the error that lists every format tried.
    fn mismatch(self) -> &'static str {
        match self {
            Format::DiploAi => "no date line or report headings",
            Format::WebVtt => "no WEBVTT header",
            Format::Srt => "no cue timing line such as 00:00:01,000 --> 00:00:04,000",
            Format::Text => "no speaker labels such as `Name: text`, `>> NAME:` or `**Name:**`",
            Format::TranscriptJson | Format::PodiumJson => "not JSON",
        }
    }

    fn fits(self, lines: &[String], joined: &str) -> bool {
        match self {
            Format::PodiumJson => podium_json::looks_like(joined),
            Format::TranscriptJson => transcript_json::looks_like(joined),
            Format::WebVtt => vtt::looks_like(lines),
            Format::Srt => srt::looks_like(lines),
            Format::DiploAi => diploai::looks_like(lines),
            Format::Text => labelled::looks_like(lines),
        }
    }
}

/// A format's complaint about its input: the 1-based line, when there is one, and what was
/// expected there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    pub line: Option<usize>,
    pub message: String,
}

impl ParseError {
    pub fn at(line: usize, message: impl Into<String>) -> Self {
        ParseError {
            line: Some(line),
            message: message.into(),
        }
    }

    /// The same complaint, naming the file it is about.
    pub fn in_file(self, shown: &str) -> ImportError {
        match self.line {
            Some(line) => ImportError::at(shown, line, self.message),
            None => ImportError::whole(shown, self.message),
        }
    }
}

pub use crate::error::ImportError;

/// A session as loaded, with the warnings this load produced (a report's import warnings; for
/// Podium JSON, only decoding warnings: the ones stored in the file were shown at import).
#[derive(Debug, Clone)]
pub struct Loaded {
    pub session: Session,
    pub format: Format,
    pub warnings: Vec<Warning>,
}

const BINARY: &str = "binary data (a NUL byte); expected a text transcript";

/// Reads (bounded, regular files only) and imports a session file, in `format` or the format
/// its content shows, with names exactly as the file writes them. The file is only read; binary
/// data is refused from its first block.
pub fn load_path(path: &Path, format: Option<Format>) -> Result<Loaded, ImportError> {
    let shown = path.display().to_string();
    let binary_at = std::cell::Cell::new(None);
    let sniff = |first: &[u8]| match decode::binary_line(first) {
        Some(line) => {
            binary_at.set(Some(line));
            Err(BINARY.to_string())
        }
        None => Ok(()),
    };
    let bytes = crate::files::read_bounded(path, crate::files::MAX_INPUT, &sniff).map_err(|e| {
        match binary_at.get() {
            Some(line) => ImportError::at(&shown, line, BINARY),
            None => ImportError::File(e),
        }
    })?;
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
    load_bytes_as(&shown, name.as_deref(), &bytes, format)
}

/// Imports a session from bytes, detecting the format. `shown` names the input in errors;
/// `source_file` is recorded in the session's metadata.
pub fn load_bytes(
    shown: &str,
    source_file: Option<&str>,
    bytes: &[u8],
) -> Result<Loaded, ImportError> {
    load_bytes_as(shown, source_file, bytes, None)
}

/// As [`load_bytes`], in `format` when given.
pub fn load_bytes_as(
    shown: &str,
    source_file: Option<&str>,
    bytes: &[u8],
    format: Option<Format>,
) -> Result<Loaded, ImportError> {
    let text = decode::decode(bytes).map_err(|b| ImportError::at(shown, b.line, BINARY))?;
    if text.lines.iter().all(|l| l.trim().is_empty()) {
        return Err(ImportError::at(
            shown,
            1,
            "empty file; expected a transcript or session report",
        ));
    }
    let joined = text.lines.join("\n");
    let format = match format {
        Some(f) => f,
        None => detect(&text.lines, &joined).map_err(|e| e.in_file(shown))?,
    };
    let mut session = parse_as(format, &text.lines, &joined).map_err(|e| e.in_file(shown))?;
    let warnings = if format == Format::PodiumJson {
        text.warnings
    } else {
        session.meta.source_file = source_file.map(str::to_string);
        if session.meta.title.is_empty() {
            session.meta.title = source_file
                .map(|f| f.rsplit_once('.').map_or(f, |(stem, _)| stem).to_string())
                .unwrap_or_else(|| "Untitled session".to_string());
        }
        let mut all = text.warnings;
        all.append(&mut session.warnings);
        all.sort_by_key(|w| w.line.unwrap_or(0));
        session.warnings.clone_from(&all);
        all
    };
    Ok(Loaded {
        session,
        format,
        warnings,
    })
}

fn parse_as(format: Format, lines: &[String], joined: &str) -> Result<Session, ParseError> {
    match format {
        Format::PodiumJson => podium_json::parse(joined),
        Format::DiploAi => diploai::parse(lines),
        Format::WebVtt => vtt::parse(lines).map(|d| pieces::build(d, "webvtt")),
        Format::Srt => srt::parse(lines).map(|d| pieces::build(d, "srt")),
        Format::Text => labelled::parse(lines).map(|d| pieces::build(d, "text")),
        Format::TranscriptJson => transcript_json::parse(joined)
            .map(|(d, variant)| pieces::build(d, &format!("json/{variant}"))),
    }
}

/// Picks a format by content; when none fits, says what each format looked for.
pub fn detect(lines: &[String], joined: &str) -> Result<Format, ParseError> {
    if let Some(f) = Format::ALL.into_iter().find(|f| f.fits(lines, joined)) {
        return Ok(f);
    }
    // Broken JSON is better told where it breaks than that it is not a transcript.
    if joined.trim_start().starts_with('{')
        && let Err(e) = serde_json::from_str::<serde_json::Value>(joined)
    {
        return Err(ParseError::at(
            e.line().max(1),
            format!("invalid JSON: {e}; expected a transcript or Podium JSON"),
        ));
    }
    let tried: Vec<String> = Format::ALL
        .iter()
        .filter(|f| **f != Format::PodiumJson)
        .map(|f| format!("{} ({})", f.name(), f.mismatch()))
        .collect();
    Err(ParseError::at(
        1,
        format!("not a transcript Podium reads; tried {}", tried.join(", ")),
    ))
}

/// A text as the lines importers take, for their tests.
#[cfg(test)]
pub(crate) fn test_lines(text: &str) -> Vec<String> {
    text.lines().map(str::to_string).collect()
}

/// Formats a warning for the terminal: `FILE:LINE: message`.
pub fn describe_warning(file: &str, warning: &Warning) -> String {
    match warning.line {
        Some(line) => format!("{file}:{line}: {}", warning.message),
        None => format!("{file}: {}", warning.message),
    }
}
