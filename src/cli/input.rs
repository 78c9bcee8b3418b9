//! Where a command's sessions come from: the bundled session, one file, or a library (a
//! folder, or several files). Warnings and failed files go to stderr; a library load shows a
//! progress bar there when stderr is a terminal.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::sync::Arc;

use anyhow::bail;
use podium::cache::Cache;
use podium::formats::{self, Format, ImportError};
use podium::library::{self, Item};
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

    /// Loads the one session; warnings of this load go to stderr as `podium: warning: FILE:LINE: …`.
    pub fn load(&self) -> Result<Session, ImportError> {
        let (shown, loaded) = match self.paths.first() {
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
        print_warnings(&shown, &loaded.warnings);
        Ok(loaded.session)
    }

    pub fn cache(&self) -> Option<Cache> {
        if self.no_cache {
            None
        } else {
            Cache::default_dir().map(Cache::at)
        }
    }

    /// Loads every session of the library in parallel. Files that fail are reported and
    /// skipped; it is an error only when none loads.
    pub fn load_library(&self) -> anyhow::Result<Vec<Item>> {
        let files = library::discover(&self.paths);
        if files.is_empty() {
            bail!(
                "{}: no session files (.txt .md .vtt .srt .json) found",
                self.paths
                    .first()
                    .map_or_else(String::new, |p| p.display().to_string())
            );
        }
        let bar = (std::io::stderr().is_terminal() && files.len() > 1).then(|| {
            let bar = indicatif::ProgressBar::new(files.len() as u64);
            bar.set_style(
                indicatif::ProgressStyle::with_template(
                    "loading {pos}/{len} sessions {wide_bar} {eta}",
                )
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
            );
            bar
        });
        let cache = self.cache();
        let (items, failures) = library::load(&files, self.format, cache.as_ref(), &|| {
            if let Some(b) = &bar {
                b.inc(1);
            }
        });
        if let Some(b) = bar {
            b.finish_and_clear();
        }
        for item in &items {
            print_warnings(&item.path.display().to_string(), &item.warnings);
        }
        for f in &failures {
            eprintln!("podium: skipped {f}");
        }
        if items.is_empty() {
            bail!("no session could be read ({} files failed)", failures.len());
        }
        Ok(items)
    }

    /// The sessions to work on: the library's, or the one session's.
    pub fn load_all(&self) -> anyhow::Result<Vec<Item>> {
        if self.is_library() {
            return self.load_library();
        }
        Ok(vec![Item {
            path: self.paths.first().cloned().unwrap_or_default(),
            session: Arc::new(self.load()?),
            warnings: Vec::new(),
        }])
    }
}

fn print_warnings(shown: &str, warnings: &[podium::session::Warning]) {
    for w in warnings {
        eprintln!("podium: warning: {}", formats::describe_warning(shown, w));
    }
}
