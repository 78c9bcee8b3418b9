//! Taking quotes out on the command line: `podium cite`, `podium export`, `podium kwic`.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, anyhow, bail};
use podium::export::{self, Excerpt, To};
use podium::library::Item;
use podium::marks::{self, MarkStore};
use podium::session::Session;

use super::input::Source;

/// The one session of a command, or every session of a library.
fn sessions(source: &Source) -> anyhow::Result<Vec<(PathBuf, Session)>> {
    if !source.is_library() {
        return Ok(vec![(
            source.paths.first().cloned().unwrap_or_default(),
            source.load()?,
        )]);
    }
    let files = source.discover();
    let cache = source.cache();
    let (items, failures) = podium::library::load(&files, source.format, cache.as_ref(), &|| {});
    for f in &failures {
        eprintln!("podium: skipped {f}");
    }
    if items.is_empty() {
        bail!("no session could be read");
    }
    Ok(items
        .into_iter()
        .map(|Item { path, session, .. }| (path, std::sync::Arc::unwrap_or_clone(session)))
        .collect())
}

pub struct Cite {
    pub source: Source,
    pub place: String,
}

impl Cite {
    pub fn run(self) -> anyhow::Result<ExitCode> {
        let session = self.source.load()?;
        let place = podium::cite::parse_place(&session, &self.place).map_err(|e| anyhow!(e))?;
        let text = podium::cite::cite(&session, place)
            .ok_or_else(|| anyhow!("{}: nothing to cite", self.place))?;
        writeln!(std::io::stdout().lock(), "{text}")?;
        Ok(ExitCode::SUCCESS)
    }
}

pub struct Export {
    pub source: Source,
    pub to: To,
    pub speaker: Option<String>,
    pub marks: bool,
    pub output: Option<PathBuf>,
    pub force: bool,
}

impl Export {
    pub fn run(self) -> anyhow::Result<ExitCode> {
        if let Some(out) = &self.output
            && out.exists()
            && !self.force
        {
            bail!(
                "{}: already exists; add --force to overwrite it",
                out.display()
            );
        }
        let sessions = sessions(&self.source)?;
        let mut chosen: Vec<(&Session, Vec<Excerpt>)> = Vec::new();
        for (path, session) in &sessions {
            let excerpts = self.excerpts(path, session)?;
            if !excerpts.is_empty() || sessions.len() == 1 {
                chosen.push((session, excerpts));
            }
        }
        let text = match self.to {
            To::Csv => {
                let parts: Vec<(&Session, &[Excerpt])> =
                    chosen.iter().map(|(s, e)| (*s, e.as_slice())).collect();
                export::csv(&parts)
            }
            To::Json if chosen.len() > 1 => {
                let all: Vec<Session> = chosen.iter().map(|(s, e)| export::subset(s, e)).collect();
                serde_json::to_string_pretty(&all)? + "\n"
            }
            to => chosen
                .iter()
                .map(|(s, e)| export::export(s, e, to))
                .collect::<Vec<_>>()
                .join("\n"),
        };
        match &self.output {
            None => std::io::stdout().lock().write_all(text.as_bytes())?,
            Some(out) => write_new(out, text.as_bytes(), self.force)
                .with_context(|| format!("{}: cannot write", out.display()))?,
        }
        Ok(ExitCode::SUCCESS)
    }

    fn excerpts(&self, path: &std::path::Path, session: &Session) -> anyhow::Result<Vec<Excerpt>> {
        // The bundled session has no file.
        let file = (!path.as_os_str().is_empty()).then_some(path);
        let mut excerpts = match &self.speaker {
            Some(name) => match session.find_speaker(name) {
                Ok(sp) => {
                    let i = session.speaker_index(&sp.id).unwrap_or(0);
                    export::by_speaker(session, i)
                }
                Err(_) if self.source.is_library() => Vec::new(),
                Err(e) => bail!("--speaker: {e}"),
            },
            None => export::all(session),
        };
        if self.marks {
            let dir = MarkStore::default_dir().ok_or_else(|| {
                anyhow!("no data directory for marks (set XDG_DATA_HOME or HOME)")
            })?;
            let (marked, warning) = MarkStore::open(&dir, file, session).load();
            if let Some(w) = warning {
                eprintln!("podium: warning: {w}");
            }
            let mut picked: Vec<Excerpt> = marked
                .iter()
                .filter_map(|m| marks::resolve(session, m))
                .map(|(turn, sentence)| Excerpt { turn, sentence })
                .filter(|e| excerpts.iter().any(|x| x.turn == e.turn))
                .collect();
            picked.sort();
            excerpts = picked;
        }
        Ok(excerpts)
    }
}

/// Writes `bytes` to `path` through a temporary file; refuses to replace a file unless `force`.
pub fn write_new(path: &std::path::Path, bytes: &[u8], force: bool) -> std::io::Result<()> {
    if path.exists() && !force {
        return Err(std::io::Error::new(
            std::io::ErrorKind::AlreadyExists,
            "already exists",
        ));
    }
    let tmp = path.with_extension(format!("tmp{}", std::process::id()));
    std::fs::write(&tmp, bytes)?;
    std::fs::rename(&tmp, path).inspect_err(|_| {
        let _ = std::fs::remove_file(&tmp);
    })
}

pub struct Kwic {
    pub source: Source,
    pub word: String,
    pub width: usize,
}

impl Kwic {
    pub fn run(self) -> anyhow::Result<ExitCode> {
        let sessions = sessions(&self.source)?;
        let library = sessions.len() > 1;
        let mut out = std::io::BufWriter::new(std::io::stdout().lock());
        let mut found = 0;
        for (path, session) in &sessions {
            for hit in podium::kwic::find(session, &self.word) {
                found += 1;
                let turn = &session.turns[hit.turn];
                // Keep the space (or its absence, before punctuation) that the text has.
                let left = if hit.left.ends_with(char::is_whitespace) {
                    podium::kwic::tail(&hit.left, self.width - 1) + " "
                } else {
                    podium::kwic::tail(&hit.left, self.width)
                };
                let right = if hit.right.starts_with(char::is_whitespace) {
                    " ".to_string() + &podium::kwic::head(&hit.right, self.width - 1)
                } else {
                    podium::kwic::head(&hit.right, self.width)
                };
                write!(
                    out,
                    "{left}{}{right}  {} {}",
                    hit.word,
                    session.speaker_name(turn),
                    turn.id
                )?;
                if library {
                    write!(out, "  {}", path.display())?;
                }
                writeln!(out)?;
            }
        }
        out.flush()?;
        Ok(if found == 0 {
            ExitCode::from(1)
        } else {
            ExitCode::SUCCESS
        })
    }
}
