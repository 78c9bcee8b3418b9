//! The session's quote search as the reader sees it: opening the panel (remembering where they
//! were), previewing the selected hit behind it, taking the worker's rankings, going to a hit or
//! back, and `n` / `N` through the chosen search's hits in transcript order.

use podium::search::Hit;
use podium::session::QuoteRef;

use super::app::{App, Found, Overlay};
use super::search_state::SearchState;

/// Where the reader was, to go back to when a search is closed without a choice.
#[derive(Debug, Clone)]
struct Saved {
    top: usize,
    turn: Option<usize>,
    filter: Option<usize>,
    found: Option<Found>,
}

/// The panel's query and hits, and where to go back to.
#[derive(Debug, Clone, Default)]
pub struct SearchPanel {
    pub state: SearchState,
    saved: Option<Saved>,
}

impl std::ops::Deref for SearchPanel {
    type Target = SearchState;
    fn deref(&self) -> &SearchState {
        &self.state
    }
}

impl std::ops::DerefMut for SearchPanel {
    fn deref_mut(&mut self) -> &mut SearchState {
        &mut self.state
    }
}

impl App {
    pub(super) fn open_search(&mut self) {
        self.search = SearchPanel {
            state: SearchState {
                generation: self.search.generation + 1,
                ..SearchState::default()
            },
            saved: Some(Saved {
                top: self.top,
                turn: self.current_turn(),
                filter: self.filter,
                found: self.found.clone(),
            }),
        };
        self.overlay = Overlay::Search;
        self.relayout(None);
    }

    pub(super) fn close_search(&mut self, restore: bool) {
        let saved = self.search.saved.take();
        self.overlay = Overlay::None;
        if restore {
            if let Some(saved) = saved {
                self.filter = saved.filter;
                self.found = saved.found;
                self.relayout(saved.turn);
                self.scroll_to(saved.top);
            }
        } else {
            self.relayout(None);
        }
    }

    /// The matched letters of a hit's quote under the current query.
    fn lit(&self, hit: &Hit) -> Vec<usize> {
        self.search.lit(self.index.quote(hit))
    }

    /// Shows the selected hit in the transcript behind the panel.
    fn preview_hit(&mut self) {
        if let Some(hit) = self.search.hits.get(self.search.selected).cloned() {
            let lit = self.lit(&hit);
            self.jump_to_quote(hit.quote, lit);
        }
    }

    pub(super) fn move_hit(&mut self, delta: isize) {
        self.search.move_by(delta);
        self.preview_hit();
    }

    pub(super) fn accept_hit(&mut self) {
        let Some(hit) = self.search.hits.get(self.search.selected).cloned() else {
            self.close_search(true);
            self.message = Some("No hit to go to".into());
            return;
        };
        let mut in_order = self.search.hits.clone();
        in_order.sort_by_key(|h| h.quote);
        let n = in_order.len();
        let rank = in_order
            .iter()
            .position(|h| h.quote == hit.quote)
            .unwrap_or(0);
        self.hits_in_order = in_order;
        self.close_search(false);
        let lit = self.lit(&hit);
        self.jump_to_quote(hit.quote, lit);
        if let Some(s) = self.speaker_of(hit.quote.turn) {
            self.selected = s;
        }
        self.message = Some(format!(
            "Hit {}/{n} in transcript order (n / N for the others)",
            rank + 1
        ));
    }

    pub(super) fn next_hit(&mut self, forward: bool) {
        if self.hits_in_order.is_empty() {
            self.message = Some("No search yet: press / to search quotes".into());
            return;
        }
        let anchor = self.found.as_ref().map(|f| f.quote).unwrap_or(QuoteRef {
            turn: self.current_turn().unwrap_or(0),
            sentence: 0,
        });
        let n = self.hits_in_order.len();
        let next = if forward {
            let i = self.hits_in_order.partition_point(|h| h.quote <= anchor);
            if i == n { 0 } else { i }
        } else {
            let i = self.hits_in_order.partition_point(|h| h.quote < anchor);
            if i == 0 { n - 1 } else { i - 1 }
        };
        let hit = self.hits_in_order[next].clone();
        let lit = self.lit(&hit);
        self.jump_to_quote(hit.quote, lit);
        self.message = Some(format!("Hit {}/{n}", next + 1));
    }

    /// The worker's ranking for `generation`: shown if it is for the open panel's query; the
    /// transcript previews the best hit when it changed and the reader has not moved away.
    pub(super) fn take_results(
        &mut self,
        generation: u64,
        hits: Vec<Hit>,
        total: usize,
        done: bool,
    ) {
        if self.overlay != Overlay::Search {
            return;
        }
        let first = self.search.hits.first().map(|h| h.quote);
        let new_first = hits.first().map(|h| h.quote);
        if self.search.take(generation, hits, total, done)
            && first != new_first
            && self.search.selected == 0
        {
            self.preview_hit();
        }
    }
}
