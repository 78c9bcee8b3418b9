//! `podium check FILE [--json]`: how Podium reads a file, and every guess it made.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use podium::formats::Format;

pub struct Check {
    pub file: PathBuf,
    pub format: Option<Format>,
    pub json: bool,
}

impl Check {
    pub fn run(self) -> anyhow::Result<ExitCode> {
        let report = podium::check::check(&self.file, self.format)?;
        let mut out = std::io::stdout().lock();
        if self.json {
            podium::sanitize::json(&mut out, &report, true)?;
            writeln!(out)?;
        } else {
            out.write_all(report.to_text().as_bytes())?;
        }
        Ok(ExitCode::SUCCESS)
    }
}
