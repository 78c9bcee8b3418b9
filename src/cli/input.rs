//! Where a command's sessions come from: the bundled session, one file, or a library (a
//! folder, or several files). Warnings go to stderr.

use std::path::PathBuf;

use podium::cache::Cache;
use podium::formats::{self, Format, ImportError};
use podium::session::Session;

#[derive(Debug, Clone, Default)]
pub struct Source {
    /// Files or folders; none means the bundled session.
    pub paths: Vec<PathBuf>,
    pub format: Option<Format>,
    pub no_cache: bool,
}

impl Source {
    /// A folder or several files: a library rather than one session.
    pub fn is_library(&self) -> bool {
        self.paths.len() > 1 || self.paths.iter().any(|p| p.is_dir())
    }

    /// Loads the one session (through the cache, with podium.toml applied); warnings of this
    /// load go to stderr as `podium: warning: FILE:LINE: …`.
    pub fn load(&self) -> Result<Session, ImportError> {
        let shown = self.shown();
        let loaded = match self.paths.first() {
            None => podium::load::bundled()?,
            Some(path) => podium::load::session(path, self.format, self.cache().as_ref())?,
        };
        print_warnings(&shown, &loaded.warnings);
        Ok(loaded.session)
    }

    /// How the one session is named in messages: its file, or the bundled session's name.
    pub fn shown(&self) -> String {
        self.paths.first().map_or_else(
            || podium::bundled::NAME.to_string(),
            |p| p.display().to_string(),
        )
    }

    /// The files of a library; what the walk passed over (FIFOs, devices, symlink loops) is
    /// said on stderr.
    pub fn discover(&self) -> Vec<PathBuf> {
        let walk = podium::library::discover(&self.paths);
        for (path, why) in &walk.skipped {
            eprintln!(
                "podium: skipped {}: {why}",
                podium::sanitize::clean(
                    &path.display().to_string(),
                    podium::sanitize::Keep::Nothing
                )
            );
        }
        walk.files
    }

    pub fn cache(&self) -> Option<Cache> {
        if self.no_cache {
            None
        } else {
            Cache::default_dir().map(Cache::at)
        }
    }
}

fn print_warnings(shown: &str, warnings: &[podium::session::Warning]) {
    for w in warnings {
        super::out::warn(formats::describe_warning(shown, w));
    }
}
