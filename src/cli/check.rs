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
            // Names, front matter and warnings come from the file: shown, never obeyed.
            let text = report.to_text();
            out.write_all(
                podium::sanitize::clean(&text, podium::sanitize::Keep::TabAndNewline).as_bytes(),
            )?;
        }
        Ok(ExitCode::SUCCESS)
    }
}
