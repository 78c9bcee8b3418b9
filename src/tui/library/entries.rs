//! What the library holds of each session: its row in the list, its counted facts and its
//! turns' ids and speakers — never the session. The words of every sentence and summary are in
//! the library's one quote index (built from the sessions' digests as they arrive), so lists,
//! hits and a person's turns read their text there; a session is loaded whole only to open it.

use std::path::{Path, PathBuf};

use podium::digest::Turns;
use podium::library::{Digested, Facts};
use podium::session::QuoteRef;

use super::Library;

/// One session of the library, as the list keeps it.
#[derive(Debug, Clone)]
pub struct Entry {
    pub path: PathBuf,
    pub facts: Facts,
    /// Each turn's id and speaker index.
    pub turns: Turns,
}

/// A session's line in the list, counted once when it arrives.
#[derive(Debug, Clone)]
pub struct Row {
    pub file: String,
    /// The file's name without its folder: two reports with one title are told apart.
    pub name: String,
    pub title: String,
    pub date: String,
    /// The house of a parliament's sitting (empty for other sessions).
    pub house: String,
    pub speakers: usize,
    pub turns: usize,
    pub words: usize,
    pub quotes: usize,
    /// (turns, words) per speaker, for the people index.
    pub counts: Vec<(usize, usize)>,
}

impl Row {
    /// A session's figures as its line shows them; the loader makes it on its threads.
    pub fn new(path: &Path, facts: &Facts) -> Self {
        Row {
            file: path.display().to_string(),
            name: path.file_name().map_or_else(
                || path.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            ),
            title: facts.title.clone(),
            date: facts.date.clone().unwrap_or_default(),
            house: facts.house.clone().unwrap_or_default(),
            speakers: facts.speakers.len(),
            turns: facts.turns,
            words: facts.words(),
            quotes: facts.quotes,
            counts: facts.counts.clone(),
        }
    }

    /// The row of a session just read.
    pub fn of(digested: &Digested) -> Self {
        Row::new(&digested.path, &digested.facts)
    }
}

impl Library {
    /// Sentence `quote` of session `session`, from the quote index (`""` if it has none).
    pub fn sentence(&self, session: usize, quote: QuoteRef) -> &str {
        self.index.sentence(session, quote)
    }

    /// Turn `turn`'s id in session `session`.
    pub fn turn_id(&self, session: usize, turn: usize) -> &str {
        self.items
            .get(session)
            .and_then(|e| e.turns.get(turn))
            .map_or("", |(id, _)| id)
    }

    /// The speaker index of turn `turn` in session `session`, when it is known.
    pub fn speaker_of_turn(&self, session: usize, turn: usize) -> Option<usize> {
        let (_, s) = self.items.get(session)?.turns.get(turn)?;
        (s != u32::MAX).then_some(s as usize)
    }

    /// (session, turn) of every turn speaker `speaker` holds in session `session`.
    pub fn turns_of(&self, session: usize, speaker: usize) -> Vec<(usize, usize)> {
        self.items.get(session).map_or_else(Vec::new, |e| {
            e.turns.of_speaker(speaker).map(|t| (session, t)).collect()
        })
    }

    /// Where a session is, as a hit or a turn names it: a parliament's sitting by its date and
    /// house, anything else by its title.
    pub fn place(&self, session: usize) -> String {
        let Some(f) = self.items.get(session).map(|e| &e.facts) else {
            return String::new();
        };
        match (&f.date, &f.house) {
            (Some(date), Some(house)) => format!("{date} · {house}"),
            _ => f.title.clone(),
        }
    }

    /// Session `session`'s title.
    pub fn title(&self, session: usize) -> &str {
        self.items
            .get(session)
            .map_or("", |e| e.facts.title.as_str())
    }
}
