//! `podium import FILE [-o OUT [--force]]`: any format Podium reads → Podium JSON.

use std::path::PathBuf;
use std::process::ExitCode;

use podium::formats::podium_json;

use super::input::Source;

pub struct Import {
    pub source: Source,
    pub output: Option<PathBuf>,
    /// Replace OUT when it is an existing file.
    pub force: bool,
}

impl Import {
    pub fn run(self) -> anyhow::Result<ExitCode> {
        // Refuse before the work, not after it.
        if let Some(out) = &self.output {
            super::out::refuse_existing(out, self.force)?;
        }
        let session = self.source.load()?;
        let json = podium_json::to_string(&session);
        match &self.output {
            None => super::out::print(json.as_bytes())?,
            Some(out) => podium::files::write_output(out, json.as_bytes(), self.force)?,
        }
        Ok(ExitCode::SUCCESS)
    }
}
