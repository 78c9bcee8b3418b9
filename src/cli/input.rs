//! Where a command's session comes from, and loading it with warnings on stderr.

use std::path::PathBuf;

use podium::formats::{self, ImportError};
use podium::session::Session;

/// A session file, or the one compiled into the binary.
#[derive(Debug, Clone)]
pub enum Source {
    Bundled,
    File(PathBuf),
}

impl Source {
    pub fn from_arg(file: Option<PathBuf>) -> Self {
        file.map_or(Source::Bundled, Source::File)
    }

    /// Loads the session; warnings of this load go to stderr as `podium: warning: FILE:LINE: …`.
    pub fn load(&self) -> Result<Session, ImportError> {
        let (shown, loaded) = match self {
            Source::Bundled => (
                podium::bundled::NAME.to_string(),
                formats::load_bytes(
                    podium::bundled::NAME,
                    None,
                    podium::bundled::JSON.as_bytes(),
                )?,
            ),
            Source::File(path) => (path.display().to_string(), formats::load_path(path)?),
        };
        for w in &loaded.warnings {
            eprintln!("podium: warning: {}", formats::describe_warning(&shown, w));
        }
        Ok(loaded.session)
    }
}
