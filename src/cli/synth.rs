//! `podium synth DIR --quotes N --files F`: a deterministic synthetic library for benchmarks,
//! and `quotes.txt` with the same quotes one per line, for tools such as `fzf --filter`;
//! `podium synth --parlamint DIR --sittings N`: a ParlaMint-shaped corpus.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, bail};

pub struct Synth {
    pub dir: PathBuf,
    pub quotes: usize,
    pub files: usize,
    /// Write a ParlaMint corpus of this many sittings instead.
    pub parlamint_sittings: Option<usize>,
}

/// Utterances in each synthetic ParlaMint sitting: 2,000 sittings make about 2 million.
const UTTERANCES: usize = 1_000;

impl Synth {
    pub fn run(self) -> anyhow::Result<ExitCode> {
        if let Some(sittings) = self.parlamint_sittings {
            return self.parlamint(sittings);
        }
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
            // Never over an existing file, as every writer of Podium's.
            podium::files::write_output(&path, text.as_bytes(), false)?;
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

impl Synth {
    fn parlamint(&self, sittings: usize) -> anyhow::Result<ExitCode> {
        use podium::synth::parlamint;
        let write = |rel: &str, text: &str| -> anyhow::Result<()> {
            let path = self.dir.join(rel);
            if path.exists() {
                bail!("{}: already exists; synth never overwrites", path.display());
            }
            if let Some(parent) = path.parent() {
                std::fs::create_dir_all(parent)
                    .with_context(|| format!("{}: cannot create", parent.display()))?;
            }
            podium::files::write_output(&path, text.as_bytes(), false).map_err(Into::into)
        };
        let (people, orgs) = parlamint::lists();
        write(
            &format!("{}.xml", parlamint::CORPUS),
            &parlamint::root(sittings),
        )?;
        write(&format!("{}-listPerson.xml", parlamint::CORPUS), &people)?;
        write(&format!("{}-listOrg.xml", parlamint::CORPUS), &orgs)?;
        let (mut utterances, mut bytes) = (0, 0);
        for i in 0..sittings {
            let (text, counts) = parlamint::sitting(i, UTTERANCES);
            write(&parlamint::path(i), &text)?;
            utterances += counts.utterances;
            bytes += counts.bytes;
        }
        eprintln!(
            "podium: wrote a ParlaMint corpus of {sittings} sittings, {utterances} utterances, {:.1} MB to {}",
            bytes as f64 / 1e6,
            self.dir.display()
        );
        Ok(ExitCode::SUCCESS)
    }
}
