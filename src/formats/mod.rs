//! Input formats. Each module turns one kind of file into a [`Session`]; this module reads the
//! file, picks the format by content and names the file in every error.

pub mod diploai;
pub mod podium_json;

use std::fmt;
use std::path::Path;

use crate::decode;
use crate::session::{Session, Warning};

/// A format Podium reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// The DiploAI / dig.watch session report, as text.
    DiploAi,
    /// Podium's own session JSON (`podium import` writes it).
    PodiumJson,
}

impl Format {
    pub const ALL: [Format; 2] = [Format::DiploAi, Format::PodiumJson];

    pub fn name(self) -> &'static str {
        match self {
            Format::DiploAi => "diploai",
            Format::PodiumJson => "podium-json",
        }
    }

    pub fn description(self) -> &'static str {
        match self {
            Format::DiploAi => "DiploAI / dig.watch session report (text)",
            Format::PodiumJson => "Podium session JSON (written by `podium import`)",
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
}

/// Why a file could not be opened as a session. Displays as `FILE:LINE: what was expected`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct ImportError {
    pub file: String,
    pub line: Option<usize>,
    pub message: String,
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{}: {}", self.file, line, self.message),
            None => write!(f, "{}: {}", self.file, self.message),
        }
    }
}

impl ImportError {
    fn new(file: &str, error: ParseError) -> Self {
        ImportError {
            file: file.to_string(),
            line: error.line,
            message: error.message,
        }
    }
}

/// A session as loaded, with the warnings this load produced (a report's import warnings; for
/// Podium JSON, only decoding warnings: the ones stored in the file were shown at import).
#[derive(Debug, Clone)]
pub struct Loaded {
    pub session: Session,
    pub format: Format,
    pub warnings: Vec<Warning>,
}

/// Reads and imports a session file. The file is only read.
pub fn load_path(path: &Path) -> Result<Loaded, ImportError> {
    let shown = path.display().to_string();
    let fail = |message: String| ImportError {
        file: shown.clone(),
        line: None,
        message,
    };
    if path.is_dir() {
        return Err(fail(
            "is a directory; expected a session file (a DiploAI report or Podium JSON)".into(),
        ));
    }
    let bytes = std::fs::read(path).map_err(|e| fail(format!("cannot read: {}", io_reason(&e))))?;
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
    load_bytes(&shown, name.as_deref(), &bytes)
}

fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file".to_string(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => e.to_string(),
    }
}

/// Imports a session from bytes. `shown` names the input in errors; `source_file` is recorded in
/// the session's metadata.
pub fn load_bytes(
    shown: &str,
    source_file: Option<&str>,
    bytes: &[u8],
) -> Result<Loaded, ImportError> {
    let text = decode::decode(bytes).map_err(|b| {
        ImportError::new(
            shown,
            ParseError::at(
                b.line,
                "binary data (a NUL byte); expected a text transcript",
            ),
        )
    })?;
    if text.lines.iter().all(|l| l.trim().is_empty()) {
        return Err(ImportError::new(
            shown,
            ParseError::at(1, "empty file; expected a session report or Podium JSON"),
        ));
    }
    let format = detect(&text.lines);
    let mut session = match format {
        Format::PodiumJson => podium_json::parse(&text.lines.join("\n")),
        Format::DiploAi => diploai::parse(&text.lines),
    }
    .map_err(|e| ImportError::new(shown, e))?;
    let warnings = if format == Format::PodiumJson {
        text.warnings
    } else {
        session.meta.source_file = source_file.map(str::to_string);
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

/// Picks a format by content: JSON starts with `{`; everything else is tried as a report, whose
/// parser says precisely what it expected when the text is not one.
pub fn detect(lines: &[String]) -> Format {
    let first = lines.iter().map(|l| l.trim()).find(|l| !l.is_empty());
    match first {
        Some(l) if l.starts_with('{') => Format::PodiumJson,
        _ => Format::DiploAi,
    }
}

/// Formats a warning for the terminal: `FILE:LINE: message`.
pub fn describe_warning(file: &str, warning: &Warning) -> String {
    match warning.line {
        Some(line) => format!("{file}:{line}: {}", warning.message),
        None => format!("{file}: {}", warning.message),
    }
}
