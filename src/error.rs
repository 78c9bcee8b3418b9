//! Why an input could not be opened as a session. Every variant names the file; those about
//! one line name it too. Formatted once, as `FILE:LINE: what was expected`.

use std::path::{Path, PathBuf};

use crate::files::FileError;

#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// The file could not be read at all (missing, a directory, a FIFO, too large, binary).
    #[error(transparent)]
    File(#[from] FileError),
    /// A complaint about one line.
    #[error("{}:{line}: {message}", path.display())]
    At {
        path: PathBuf,
        line: usize,
        message: String,
    },
    /// A complaint about the whole file.
    #[error("{}: {message}", path.display())]
    Whole { path: PathBuf, message: String },
}

impl ImportError {
    pub fn at(path: impl Into<PathBuf>, line: usize, message: impl Into<String>) -> Self {
        ImportError::At {
            path: path.into(),
            line,
            message: message.into(),
        }
    }

    pub fn whole(path: impl Into<PathBuf>, message: impl Into<String>) -> Self {
        ImportError::Whole {
            path: path.into(),
            message: message.into(),
        }
    }

    /// The file the error is about.
    pub fn path(&self) -> &Path {
        match self {
            ImportError::File(e) => &e.path,
            ImportError::At { path, .. } | ImportError::Whole { path, .. } => path,
        }
    }

    /// The 1-based line, when the error is about one.
    pub fn line(&self) -> Option<usize> {
        match self {
            ImportError::At { line, .. } => Some(*line),
            _ => None,
        }
    }

    /// What went wrong, without the file and line.
    pub fn message(&self) -> String {
        match self {
            ImportError::File(e) => e.kind.to_string(),
            ImportError::At { message, .. } | ImportError::Whole { message, .. } => message.clone(),
        }
    }
}
