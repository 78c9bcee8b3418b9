//! The state of a search panel — query, generation, ranked hits — shared by a session's search
//! and a library's, so both ask the worker and take its answers the same way.

use podium::search::{Hit, Query};

use super::action::{Action, Effect};

#[derive(Debug, Clone, Default)]
pub struct SearchState {
    pub query: String,
    /// Bumped on every query change; results for an older generation are dropped.
    pub generation: u64,
    /// The best hits (the worker keeps at most [`super::worker::SHOWN`]).
    pub hits: Vec<Hit>,
    /// Quotes matching in all.
    pub total: usize,
    pub selected: usize,
    /// A query was sent and its complete ranking has not come back yet.
    pub pending: bool,
    /// The query the hits shown were ranked for: their letters are lit from it, not from
    /// what has been typed since.
    pub shown_query: String,
}

impl SearchState {
    /// After the query changed: a new generation, and the search to run (none when empty).
    pub fn changed(&mut self) -> Option<Effect> {
        self.generation += 1;
        self.selected = 0;
        if self.query.trim().is_empty() {
            self.hits.clear();
            self.total = 0;
            self.pending = false;
            self.shown_query.clear();
            return None;
        }
        self.pending = true;
        Some(Effect::Search {
            generation: self.generation,
            query: self.query.clone(),
        })
    }

    /// Applies an edit of the query (typing, deleting, clearing). `None` when `action` is not
    /// one; otherwise the search to run, if any.
    pub fn edit(&mut self, action: &Action) -> Option<Option<Effect>> {
        match action {
            Action::SearchInput(c) => self.query.push(*c),
            Action::SearchBackspace => {
                self.query.pop();
            }
            Action::SearchClear => self.query.clear(),
            _ => return None,
        }
        Some(self.changed())
    }

    /// Takes the worker's answer if it is for the current query; says whether it was.
    pub fn take(&mut self, generation: u64, hits: Vec<Hit>, total: usize, done: bool) -> bool {
        if generation != self.generation {
            return false;
        }
        self.hits = hits;
        self.total = total;
        self.pending = !done;
        self.shown_query.clone_from(&self.query);
        self.selected = self.selected.min(self.hits.len().saturating_sub(1));
        true
    }

    /// The letters the query of the hits shown matches in `quote` (char indices), for the
    /// rows on screen and the sentence a jump highlights: the worker leaves positions out.
    pub fn lit(&self, quote: &str) -> Vec<usize> {
        Query::new(&self.shown_query)
            .score(quote)
            .map(|(_, m)| m)
            .unwrap_or_default()
    }

    /// Moves the selection by `delta` hits.
    pub fn move_by(&mut self, delta: isize) {
        let n = self.hits.len();
        if n > 0 {
            self.selected = self.selected.saturating_add_signed(delta).min(n - 1);
        }
    }
}
