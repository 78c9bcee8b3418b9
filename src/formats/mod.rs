//! Input formats. Each module turns one kind of file into a [`Session`]; this module reads the
//! file, picks the format by content (or takes the one the user names) and names the file in
//! every error. The rest of Podium never learns which format a session came from.

pub mod captions;
pub mod cloud_json;
pub mod court;
pub mod diploai;
pub mod evidence;
pub mod html;
pub mod labelled;
pub mod parlamint;
pub mod pieces;
pub mod podium_json;
pub mod rttm;
pub mod speakers;
pub mod srt;
pub mod streamed;
pub mod timecode;
pub mod transcript_json;
pub mod vtt;

use std::borrow::Cow;
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
    /// An HTML page holding a transcript.
    Html,
    /// Diarization RTTM: who spoke when, no words.
    Rttm,
    /// A ParlaMint (Parla-CLARIN TEI) parliamentary sitting, or its `ID<TAB>text` rendering.
    ParlaMint,
}

impl Format {
    /// In the order detection tries them: ParlaMint's TEI before HTML (a TEI `<body>` is no web
    /// page) and before the loose text formats, whose tests a page of markup might pass.
    pub const ALL: [Format; 9] = [
        Format::PodiumJson,
        Format::TranscriptJson,
        Format::WebVtt,
        Format::Srt,
        Format::Rttm,
        Format::ParlaMint,
        Format::Html,
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
            Format::Html => "html",
            Format::Rttm => "rttm",
            Format::ParlaMint => "parlamint",
        }
    }

    pub fn from_name(name: &str) -> Option<Format> {
        let name = name.to_lowercase();
        let alias = match name.as_str() {
            "vtt" => "webvtt",
            "txt" | "md" | "markdown" => "text",
            "podium" => "podium-json",
            "htm" => "html",
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
                "speaker-labelled text: Name:, **Name:**, >> NAME:, ### Name, Zoom, Otter, Rev, Trint, Happy Scribe, court and hearing pages, Hansard page text, Europarl, plain text"
            }
            Format::TranscriptJson => {
                "recogniser JSON: Whisper, whisper.cpp, WhisperX, AssemblyAI, Deepgram, AWS Transcribe, Speechmatics, Azure, Google, Trint, Rev.ai, Podcasting 2.0, {speaker, text} records"
            }
            Format::PodiumJson => "Podium session JSON (written by `podium import`)",
            Format::Html => "HTML transcript page (body text, or a table of time and words)",
            Format::ParlaMint => {
                "ParlaMint parliamentary sitting: Parla-CLARIN TEI XML (.xml, .ana.xml) or ID<TAB>text (.txt); names and parties from the corpus root's lists or the -meta.tsv"
            }
            Format::Rttm => {
                "RTTM diarization (who spoke when; names a transcript of the same name)"
            }
        }
    }

    /// Why a file is not in this format, for the error that lists every format tried.
    fn mismatch(self) -> &'static str {
        match self {
            Format::DiploAi => "no date line or report headings",
            Format::WebVtt => "no WEBVTT header",
            Format::Srt => "no cue timing line such as 00:00:01,000 --> 00:00:04,000",
            Format::Text => {
                "no speaker labels such as `Name: text`, `>> NAME:` or `**Name:**`, and too little prose"
            }
            Format::TranscriptJson | Format::PodiumJson => "not JSON",
            Format::Html => "no <html> or <body>",
            Format::ParlaMint => "no TEI <u who=…> utterances nor ParlaMint ID<TAB>text lines",
            Format::Rttm => "no `SPEAKER file 1 onset duration` lines",
        }
    }

    fn fits(self, lines: &[&str], joined: &str) -> bool {
        match self {
            Format::PodiumJson => podium_json::looks_like(joined),
            Format::TranscriptJson => transcript_json::looks_like(joined),
            Format::WebVtt => vtt::looks_like(lines),
            Format::Srt => srt::looks_like(lines),
            Format::DiploAi => diploai::looks_like(lines),
            Format::Text => labelled::looks_like(lines),
            Format::Html => html::looks_like(joined),
            Format::ParlaMint => parlamint::looks_like(&parlamint_head(lines), joined),
            Format::Rttm => rttm::looks_like(lines),
        }
    }

    /// Why a file that fits was taken for this format, in a phrase.
    fn why(self) -> &'static str {
        match self {
            Format::PodiumJson => "JSON with `format_version` first",
            Format::TranscriptJson => "JSON that is not Podium's",
            Format::WebVtt => "starts with WEBVTT",
            Format::Srt => "starts with a cue number over a timing line",
            Format::DiploAi => "a date line or the report's own headings",
            Format::Text => "text with speaker labels or prose",
            Format::Html => "an HTML document",
            Format::ParlaMint => "TEI utterances <u who=…>, or ParlaMint ID<TAB>text lines",
            Format::Rttm => "every line an RTTM record",
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

/// How a load went, for `podium check`: why the format was chosen and what the reader saw, and
/// how each speaker was recognised.
#[derive(Debug, Clone, Default)]
pub struct Trace {
    pub why: String,
    /// One per speaker of the session, in its order (empty for Podium JSON and reports).
    pub speakers: Vec<pieces::SpeakerTrace>,
}

const BINARY: &str = "binary data (a NUL byte); expected a text transcript";

/// Reads (bounded, regular files only) and imports a session file, in `format` or the format
/// its content shows, with names exactly as the file writes them. The file is only read; binary
/// data is refused from its first block. A diarization RTTM and a transcript of the same stem
/// side by side are read together (see [`rttm`]).
pub fn load_path(path: &Path, format: Option<Format>) -> Result<Loaded, ImportError> {
    inspect_path(path, format).map(|(loaded, _)| loaded)
}

/// As [`load_path`], also saying how the load went.
pub fn inspect_path(path: &Path, format: Option<Format>) -> Result<(Loaded, Trace), ImportError> {
    let shown = path.display().to_string();
    let bytes = read_file(path, &shown)?;
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
    load_inner(
        &shown,
        name.as_deref(),
        Cow::Owned(bytes),
        format,
        Some(path),
    )
}

fn read_file(path: &Path, shown: &str) -> Result<Vec<u8>, ImportError> {
    let binary_at = std::cell::Cell::new(None);
    let sniff = |first: &[u8]| match decode::binary_line(first) {
        Some(line) => {
            binary_at.set(Some(line));
            Err(crate::files::FileErrorKind::Refused(BINARY.to_string()))
        }
        None => Ok(()),
    };
    // `-` is standard input, read under the same limit.
    let read = if path == Path::new("-") {
        crate::files::read_stdin_bounded(crate::files::MAX_INPUT, &sniff)
    } else {
        crate::files::read_bounded(path, crate::files::MAX_INPUT, &sniff)
    };
    read.map_err(|e| match binary_at.get() {
        Some(line) => ImportError::at(shown, line, BINARY),
        None => ImportError::File(e),
    })
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
    load_inner(shown, source_file, Cow::Borrowed(bytes), format, None).map(|(loaded, _)| loaded)
}

/// As [`load_bytes_as`], for bytes read from `origin`: formats that draw on files beside a
/// session (ParlaMint's corpus lists and `-meta.tsv`) look for them there.
pub fn load_bytes_from(
    shown: &str,
    origin: Option<&Path>,
    source_file: Option<&str>,
    bytes: &[u8],
    format: Option<Format>,
) -> Result<Loaded, ImportError> {
    load_inner(shown, source_file, Cow::Borrowed(bytes), format, origin).map(|(loaded, _)| loaded)
}

fn load_inner(
    shown: &str,
    source_file: Option<&str>,
    bytes: Cow<'_, [u8]>,
    format: Option<Format>,
    path: Option<&Path>,
) -> Result<(Loaded, Trace), ImportError> {
    let (format, mut why, parsed, decode_warnings) = {
        let text = decode::decode(&bytes).map_err(|b| ImportError::at(shown, b.line, BINARY))?;
        let lines = text.lines();
        if lines.iter().all(|l| l.trim().is_empty()) {
            return Err(ImportError::at(
                shown,
                1,
                "empty file; expected a transcript or session report",
            ));
        }
        let joined = text.joined();
        let (format, why) = match format {
            Some(f) => (f, "named with --format".to_string()),
            None => {
                let f = detect(&lines, &joined).map_err(|e| e.in_file(shown))?;
                (f, f.why().to_string())
            }
        };
        let parsed = parse_as(format, path, &lines, &joined).map_err(|e| e.in_file(shown))?;
        (format, why, parsed, text.warnings)
    };
    // The pieces own their text: the file's bytes can go before the session is built.
    drop(bytes);
    let (mut session, speakers) = match parsed {
        Parsed::Session(s) => (s, Vec::new()),
        Parsed::Draft(mut draft, mut source_format) => {
            if let Some(path) = path {
                pair_with_rttm(path, format, &mut draft, &mut source_format);
            }
            if let Some(layout) = &draft.layout {
                why = format!("{why}; {layout}");
            }
            pieces::build_traced(draft, &source_format)
        }
    };
    let warnings = if format == Format::PodiumJson {
        decode_warnings
    } else {
        session.meta.source_file = source_file.map(str::to_string);
        if session.meta.title.is_empty() {
            session.meta.title = source_file
                .map(|f| f.rsplit_once('.').map_or(f, |(stem, _)| stem).to_string())
                .unwrap_or_else(|| "Untitled session".to_string());
        }
        let mut all = decode_warnings;
        all.append(&mut session.warnings);
        all.sort_by_key(|w| w.line.unwrap_or(0));
        session.warnings.clone_from(&all);
        all
    };
    Ok((
        Loaded {
            session,
            format,
            warnings,
        },
        Trace { why, speakers },
    ))
}

/// What a format's reader gives: a whole session (Podium JSON, reports) or pieces still to be
/// made into one, with the name the session records as its source format.
#[allow(clippy::large_enum_variant)] // one value per load, moved once: size does not matter
enum Parsed {
    Session(Session),
    Draft(pieces::Draft, String),
}

fn parse_as(
    format: Format,
    origin: Option<&Path>,
    lines: &[&str],
    joined: &str,
) -> Result<Parsed, ParseError> {
    let draft = |d: pieces::Draft, name: &str| Parsed::Draft(d, name.to_string());
    Ok(match format {
        Format::ParlaMint => {
            let owned: Vec<String> = lines.iter().map(|l| (*l).to_string()).collect();
            Parsed::Session(parlamint::parse(origin, &owned, joined)?)
        }
        Format::PodiumJson => Parsed::Session(podium_json::parse(joined)?),
        Format::DiploAi => Parsed::Session(diploai::parse(lines)?),
        Format::WebVtt => draft(vtt::parse(lines)?, "webvtt"),
        Format::Srt => draft(srt::parse(lines)?, "srt"),
        Format::Text => draft(labelled::parse(lines)?, "text"),
        Format::Html => draft(html::parse(joined)?, "html"),
        Format::Rttm => draft(rttm::parse(lines)?, "rttm"),
        Format::TranscriptJson => {
            let (d, variant) = transcript_json::parse(joined)?;
            draft(d, &format!("json/{variant}"))
        }
    })
}

/// Transcripts an RTTM of the same stem can name the speakers of, by extension.
const PAIRED: [&str; 5] = ["json", "srt", "vtt", "txt", "tsv"];

/// A diarization RTTM and a transcript of the same stem, side by side, are read together: the
/// transcript's words, the RTTM's speakers by time overlap. Opening either gives the pair; a
/// transcript that names its own speakers keeps them.
fn pair_with_rttm(
    path: &Path,
    format: Format,
    draft: &mut pieces::Draft,
    source_format: &mut String,
) {
    let sibling = |ext: &str| {
        let p = path.with_extension(ext);
        p.is_file().then_some(p)
    };
    let shown = |p: &Path| {
        p.file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned())
    };
    let timed = |d: &pieces::Draft| d.pieces.iter().any(|p| p.start.is_some());
    if format == Format::Rttm {
        let Ok(turns) = rttm_turns_of(draft) else {
            return;
        };
        for p in PAIRED.iter().filter_map(|e| sibling(e)) {
            let Some((mut other, other_format)) = draft_of(&p) else {
                continue;
            };
            if other.names_anyone() {
                draft.warn(
                    None,
                    format!("{} beside it names its own speakers; not merged", shown(&p)),
                );
                return;
            }
            if !timed(&other) {
                continue;
            }
            rttm::assign(&mut other, &turns, &shown(path));
            other.warn(None, format!("words from {}", shown(&p)));
            *draft = other;
            *source_format = format!("{other_format}+rttm");
            return;
        }
        return;
    }
    if draft.names_anyone()
        || !timed(draft)
        || !PAIRED
            .iter()
            .any(|e| path.extension().is_some_and(|x| x == *e))
    {
        return;
    }
    let Some(rttm_path) = sibling("rttm") else {
        return;
    };
    let Ok(bytes) = read_file(&rttm_path, &shown(&rttm_path)) else {
        return;
    };
    let Ok(text) = decode::decode(&bytes) else {
        return;
    };
    match rttm::turns(&text.lines()) {
        Ok(turns) => {
            rttm::assign(draft, &turns, &shown(&rttm_path));
            source_format.push_str("+rttm");
        }
        Err(e) => draft.warn(
            None,
            format!(
                "{} beside it is not RTTM that can be read: {}",
                shown(&rttm_path),
                e.message
            ),
        ),
    }
}

/// The RTTM turns back from an RTTM draft's pieces.
fn rttm_turns_of(draft: &pieces::Draft) -> Result<Vec<rttm::Turn>, ()> {
    draft
        .pieces
        .iter()
        .map(|p| match (&p.who, p.start, p.end) {
            (pieces::Who::Named(s), Some(start), Some(end)) => Ok(rttm::Turn {
                start,
                end,
                speaker: s.clone(),
                line: p.line.unwrap_or(0),
            }),
            _ => Err(()),
        })
        .collect()
}

/// A sibling file's pieces, when it is a transcript Podium reads into pieces.
fn draft_of(path: &Path) -> Option<(pieces::Draft, String)> {
    let bytes = read_file(path, "").ok()?;
    let text = decode::decode(&bytes).ok()?;
    let lines = text.lines();
    let joined = text.joined();
    let format = detect(&lines, &joined).ok()?;
    if format == Format::Rttm {
        return None;
    }
    match parse_as(format, Some(path), &lines, &joined).ok()? {
        Parsed::Draft(d, name) => Some((d, name)),
        Parsed::Session(_) => None,
    }
}

/// Picks a format by content; when none fits, says what each format looked for.
pub fn detect(lines: &[&str], joined: &str) -> Result<Format, ParseError> {
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

/// The lines ParlaMint's detection reads, as it takes them: up to its third non-blank line (it
/// looks no further), so a big file of another format is not copied to be turned down.
fn parlamint_head(lines: &[&str]) -> Vec<String> {
    let mut non_blank = 0;
    let end = lines
        .iter()
        .position(|l| {
            non_blank += usize::from(!l.trim().is_empty());
            non_blank == 3
        })
        .map_or(lines.len(), |i| i + 1);
    lines[..end].iter().map(|l| (*l).to_string()).collect()
}

/// A text as owned lines, for the tests of ParlaMint, which takes them so.
#[cfg(test)]
pub(crate) fn test_lines(text: &str) -> Vec<String> {
    text.lines().map(str::to_string).collect()
}

/// A text as the lines importers take, for their tests.
#[cfg(test)]
pub(crate) fn test_strs(text: &str) -> Vec<&str> {
    text.lines().collect()
}

/// Formats a warning for the terminal: `FILE:LINE: message`.
pub fn describe_warning(file: &str, warning: &Warning) -> String {
    match warning.line {
        Some(line) => format!("{file}:{line}: {}", warning.message),
        None => format!("{file}: {}", warning.message),
    }
}
