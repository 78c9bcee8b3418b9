//! `podium import FILE [-o OUT]`: any format Podium reads → Podium JSON.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use podium::formats::podium_json;

use super::input::Source;

pub struct Import {
    pub source: Source,
    pub output: Option<PathBuf>,
}

impl Import {
    pub fn run(self) -> anyhow::Result<ExitCode> {
        let session = self.source.load()?;
        let json = podium_json::to_string(&session);
        match self.output {
            None => std::io::stdout().lock().write_all(json.as_bytes())?,
            Some(out) => write_atomically(&out, json.as_bytes())
                .with_context(|| format!("{}: cannot write", out.display()))?,
        }
        Ok(ExitCode::SUCCESS)
    }
}

/// Writes beside the target, then renames, so a reader never sees half a file.
fn write_atomically(path: &std::path::Path, bytes: &[u8]) -> std::io::Result<()> {
    let name = path
        .file_name()
        .map_or_else(|| "podium".into(), |n| n.to_string_lossy().into_owned());
    let tmp = path.with_file_name(format!(".{name}.{}.tmp", std::process::id()));
    std::fs::write(&tmp, bytes)?;
    std::fs::rename(&tmp, path).inspect_err(|_| {
        let _ = std::fs::remove_file(&tmp);
    })
}
