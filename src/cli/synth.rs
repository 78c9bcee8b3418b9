//! `podium synth DIR --quotes N --files F`: a deterministic synthetic library for benchmarks,
//! and `quotes.txt` with the same quotes one per line, for tools such as `fzf --filter`.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, bail};

pub struct Synth {
    pub dir: PathBuf,
    pub quotes: usize,
    pub files: usize,
}

impl Synth {
    pub fn run(self) -> anyhow::Result<ExitCode> {
        std::fs::create_dir_all(&self.dir)
            .with_context(|| format!("{}: cannot create", self.dir.display()))?;
        let quotes_path = self.dir.join("quotes.list");
        if quotes_path.exists() {
            bail!(
                "{}: already exists; synth never overwrites",
                quotes_path.display()
            );
        }
        let mut lines = std::io::BufWriter::new(std::fs::File::create(&quotes_path)?);
        let per_file = self.quotes.div_ceil(self.files);
        let mut left = self.quotes;
        for i in 0..self.files {
            let n = per_file.min(left);
            if n == 0 {
                break;
            }
            left -= n;
            let (text, quotes) = podium::synth::session(i as u64 + 1, n);
            let path = self.dir.join(format!("session-{:05}.txt", i + 1));
            if path.exists() {
                bail!("{}: already exists; synth never overwrites", path.display());
            }
            std::fs::write(&path, text)
                .with_context(|| format!("{}: cannot write", path.display()))?;
            for q in quotes {
                writeln!(lines, "{q}")?;
            }
        }
        lines.flush()?;
        eprintln!(
            "podium: wrote {} quotes in {} sessions and {} to {}",
            self.quotes,
            self.files.min(self.quotes),
            quotes_path.display(),
            self.dir.display()
        );
        Ok(ExitCode::SUCCESS)
    }
}
