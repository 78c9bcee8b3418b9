//! Taking quotes out on the command line: `podium cite`, `podium export`, `podium kwic`.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{anyhow, bail};
use podium::export::{self, Excerpt, To};
use podium::library::Item;
use podium::marks::{self, Kept};
use podium::redact::Name;
use podium::session::Session;

use super::input::Source;
use super::out::{self, clean};

/// The session's file, or `None` for the bundled session (which has none).
pub(super) fn file_of(path: &Path) -> Option<&Path> {
    (!path.as_os_str().is_empty()).then_some(path)
}

/// The one session of a command, or every session of a library.
pub(super) fn sessions(source: &Source) -> anyhow::Result<Vec<(PathBuf, Session)>> {
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
        out::note(format_args!("skipped {f}"));
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
    pub colour: bool,
}

impl Cite {
    pub fn run(self) -> anyhow::Result<ExitCode> {
        let session = self.source.load()?;
        let place = podium::cite::parse_place(&session, &self.place)
            .map_err(|e| anyhow!("{}: {e}", self.source.shown()))?;
        let text = podium::cite::cite(&session, place)
            .ok_or_else(|| anyhow!("{}: {}: nothing to cite", self.source.shown(), self.place))?;
        let text = clean(&text);
        let line = match text.rsplit_once("” — ") {
            // The attribution dimmed, so the quote stands out.
            Some((quote, by)) if self.colour => format!("{quote}”\x1b[2m — {by}\x1b[0m\n"),
            _ => format!("{text}\n"),
        };
        out::print(line.as_bytes())?;
        Ok(ExitCode::SUCCESS)
    }
}

pub struct Export {
    pub source: Source,
    pub to: To,
    pub speaker: Option<String>,
    pub marks: bool,
    /// Only the passages with this code.
    pub code: Option<String>,
    pub redact: Option<Vec<Name>>,
    pub output: Option<PathBuf>,
    pub force: bool,
}

impl Export {
    pub fn run(self) -> anyhow::Result<ExitCode> {
        // Refuse before the work, not after it.
        if let Some(path) = &self.output {
            out::refuse_existing(path, self.force)?;
        }
        let mut sessions = sessions(&self.source)?;
        let kept = if self.marks || self.code.is_some() {
            super::codes::kept(&sessions)?
        } else {
            vec![Kept::default(); sessions.len()]
        };
        // Passages are chosen on the sessions as read (marks and codes name their sentences
        // there); redaction keeps every sentence where it was.
        let mut picked: Vec<Vec<Excerpt>> = Vec::new();
        for ((path, session), kept) in sessions.iter().zip(&kept) {
            picked.push(self.excerpts(path, session, kept)?);
        }
        if (self.marks || self.code.is_some()) && picked.iter().all(Vec::is_empty) {
            // Nothing to take out: say so and write nothing, as grep finds nothing (exit 1).
            let what = match &self.code {
                Some(code) => {
                    let mut codes: Vec<&str> = kept
                        .iter()
                        .flat_map(|k| k.codes.iter().map(|c| c.code.as_str()))
                        .collect();
                    codes.sort_unstable();
                    codes.dedup();
                    let known = if codes.is_empty() {
                        "no passage is coded".to_string()
                    } else {
                        format!("codes kept: {}", codes.join(", "))
                    };
                    format!("no passage has the code {code:?} ({known}); nothing written")
                }
                None => "no marks to export; nothing written".to_string(),
            };
            out::note(what);
            return Ok(ExitCode::from(1));
        }
        let redactor = self
            .redact
            .as_ref()
            .map(|names| super::redaction::apply(names, &mut sessions))
            .transpose()?;
        let chosen: Vec<(&Session, Vec<Excerpt>)> = sessions
            .iter()
            .zip(picked)
            .filter(|(_, e)| !e.is_empty() || sessions.len() == 1)
            .map(|((_, s), e)| (s, e))
            .collect();
        let text = match self.to {
            To::Csv => {
                let parts: Vec<(&Session, &[Excerpt])> =
                    chosen.iter().map(|(s, e)| (*s, e.as_slice())).collect();
                export::csv(&parts)
            }
            To::Json if chosen.len() > 1 => {
                let all: Vec<Session> = chosen.iter().map(|(s, e)| export::subset(s, e)).collect();
                podium::sanitize::json_string(&all, true) + "\n"
            }
            to => chosen
                .iter()
                .map(|(s, e)| export::export(s, e, to))
                .collect::<Vec<_>>()
                .join("\n"),
        };
        if let Some(r) = &redactor {
            super::redaction::check(&text, r);
        }
        match &self.output {
            None => out::print(text.as_bytes())?,
            Some(path) => podium::files::write_output(path, text.as_bytes(), self.force)?,
        }
        Ok(ExitCode::SUCCESS)
    }

    fn excerpts(
        &self,
        path: &Path,
        session: &Session,
        kept: &Kept,
    ) -> anyhow::Result<Vec<Excerpt>> {
        let file = file_of(path);
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
        let shown = || file.map_or_else(|| session.meta.title.clone(), |f| f.display().to_string());
        let wanted: Option<Vec<Excerpt>> = if self.marks {
            if kept.marks.is_empty() && !self.source.is_library() {
                out::note(format!("no marks kept for {}", shown()));
            }
            let mut picked: Vec<Excerpt> = kept
                .marks
                .iter()
                .filter_map(|m| marks::resolve(session, m))
                .map(|(turn, sentence)| Excerpt { turn, sentence })
                .collect();
            picked.sort();
            Some(picked)
        } else if let Some(code) = &self.code {
            let picked = podium::codes::excerpts(session, &kept.codes, code);
            if picked.is_empty() && !self.source.is_library() {
                out::note(format!("no passages coded {code:?} in {}", shown()));
            }
            Some(picked)
        } else {
            None
        };
        if let Some(wanted) = wanted {
            excerpts = wanted
                .into_iter()
                .filter(|e| excerpts.iter().any(|x| x.turn == e.turn))
                .collect();
        }
        Ok(excerpts)
    }
}

pub struct Kwic {
    pub source: Source,
    pub word: String,
    /// Columns of context each side, at most [`podium::kwic::MAX_WIDTH`].
    pub width: usize,
    pub colour: bool,
}

impl Kwic {
    pub fn run(self) -> anyhow::Result<ExitCode> {
        let sessions = sessions(&self.source)?;
        let library = sessions.len() > 1;
        let mut out = std::io::BufWriter::new(std::io::stdout().lock());
        let (lit, unlit) = if self.colour {
            ("\x1b[1;31m", "\x1b[0m")
        } else {
            ("", "")
        };
        let mut found = 0;
        for (path, session) in &sessions {
            let file = clean(&path.display().to_string()).into_owned();
            for hit in podium::kwic::find(session, &self.word) {
                found += 1;
                let turn = &session.turns[hit.turn];
                let (left, right) = hit.context(self.width);
                write!(
                    out,
                    "{left}{lit}{}{unlit}{right}  {} {}",
                    clean(hit.word),
                    clean(session.speaker_name(turn)),
                    clean(&turn.id)
                )?;
                if library {
                    write!(out, "  {file}")?;
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
