//! Where a command's session comes from, and loading it with warnings on stderr.

use std::path::PathBuf;

use podium::formats::{self, Format, ImportError};
use podium::session::Session;

/// A session file (the bundled session when `file` is `None`), in `format` or the format its
/// content shows.
#[derive(Debug, Clone)]
pub struct Source {
    pub file: Option<PathBuf>,
    pub format: Option<Format>,
}

impl Source {
    /// Loads the session; warnings of this load go to stderr as `podium: warning: FILE:LINE: …`.
    pub fn load(&self) -> Result<Session, ImportError> {
        let (shown, loaded) = match &self.file {
            None => (
                podium::bundled::NAME.to_string(),
                formats::load_bytes(
                    podium::bundled::NAME,
                    None,
                    podium::bundled::JSON.as_bytes(),
                )?,
            ),
            Some(path) => (
                path.display().to_string(),
                formats::load_path(path, self.format)?,
            ),
        };
        for w in &loaded.warnings {
            eprintln!("podium: warning: {}", formats::describe_warning(&shown, w));
        }
        Ok(loaded.session)
    }
}
