//! The session's quote search as the reader sees it: opening the panel (remembering where they
//! were), previewing the selected hit behind it, taking the worker's rankings, going to a hit or
//! back, and `n` / `N` through the chosen search's hits in transcript order.

use podium::search::Hit;
use podium::session::QuoteRef;

use super::action::Effect;
use super::app::{App, Found, Middle, Overlay};
use super::search_state::SearchState;

/// Where the reader was, to go back to when a search is closed without a choice.
#[derive(Debug, Clone)]
struct Saved {
    top: usize,
    turn: Option<usize>,
    filter: Option<usize>,
    found: Option<Found>,
    middle: Middle,
    summary: (usize, usize),
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
                middle: self.middle,
                summary: (self.summaries.selected, self.summaries.top),
            }),
        };
        self.history_pos = None;
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
                self.middle = saved.middle;
                (self.summaries.selected, self.summaries.top) = saved.summary;
                self.summaries.lit.clear();
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

    /// Shows the selected hit behind the panel: in the transcript, or in the summaries.
    fn preview_hit(&mut self) {
        if let Some(hit) = self.search.hits.get(self.search.selected).cloned() {
            self.show_hit(&hit);
        }
    }

    fn show_hit(&mut self, hit: &Hit) {
        let lit = self.lit(hit);
        match hit.summary {
            Some(i) => self.show_summary(i, lit),
            None => {
                self.middle = Middle::Transcript;
                self.jump_to_quote(hit.quote, lit);
            }
        }
    }

    /// The letters of the hit shown behind the panel, lit again from the query of the hits
    /// now shown (the reader kept typing; the hit stayed the best).
    fn relight(&mut self) {
        let Some(hit) = self.search.hits.get(self.search.selected).cloned() else {
            return;
        };
        let lit = self.lit(&hit);
        match hit.summary {
            Some(i) if self.summaries.selected == i => self.summaries.lit = lit,
            None => {
                if let Some(f) = self.found.as_mut().filter(|f| f.quote == hit.quote) {
                    f.matched = lit;
                }
            }
            Some(_) => {}
        }
    }

    /// `↑` in the panel: the previous hit, or, in an empty query (or at the first hit of a
    /// recalled one), the query before.
    pub(super) fn previous_hit_or_query(&mut self) -> Option<Effect> {
        let recalling = self.history_pos.is_some() && self.search.selected == 0;
        if !(self.search.query.is_empty() || recalling) || self.history.is_empty() {
            self.move_hit(-1);
            return None;
        }
        let at = match self.history_pos {
            Some(p) => p.saturating_sub(1),
            None => self.history.len() - 1,
        };
        self.history_pos = Some(at);
        self.search.query.clone_from(&self.history[at]);
        self.message = Some(format!(
            "Earlier query {}/{} (↑ older)",
            self.history.len() - at,
            self.history.len()
        ));
        self.search.changed()
    }

    pub(super) fn move_hit(&mut self, delta: isize) {
        self.search.move_by(delta);
        self.preview_hit();
    }

    /// `Enter`: to the selected hit, keeping the query for `↑` next time. With no hit the
    /// panel and its query stay, so the reader can fix a typo.
    pub(super) fn accept_hit(&mut self) -> Option<Effect> {
        let Some(hit) = self.search.hits.get(self.search.selected).cloned() else {
            self.message = Some(if self.search.pending {
                "Still searching…".into()
            } else {
                "No hit to go to: change the query, or Esc to go back".into()
            });
            return None;
        };
        let query = self.search.query.trim().to_string();
        let mut in_order: Vec<Hit> = self
            .search
            .hits
            .iter()
            .filter(|h| h.summary.is_none())
            .cloned()
            .collect();
        in_order.sort_by_key(|h| h.quote);
        let n = in_order.len();
        self.hits_in_order = in_order;
        self.walk = None;
        let lit = self.lit(&hit);
        self.close_search(false);
        if let Some(i) = hit.summary {
            self.show_summary(i, lit);
            self.message = Some("A summary sentence (Enter: its source in the transcript)".into());
        } else {
            let rank = self
                .hits_in_order
                .iter()
                .position(|h| h.quote == hit.quote)
                .unwrap_or(0);
            self.middle = Middle::Transcript;
            self.jump_to_quote(hit.quote, lit);
            if let Some(s) = self.speaker_of(hit.quote.turn) {
                self.selected = s;
            }
            self.message = Some(format!(
                "Hit {}/{n} in transcript order (n / N for the others)",
                rank + 1
            ));
        }
        self.remember(&query);
        (!query.is_empty()).then_some(Effect::SaveQuery(query))
    }

    /// Puts `query` last in the history this browser holds (the file keeps it too).
    fn remember(&mut self, query: &str) {
        if query.is_empty() {
            return;
        }
        self.history.retain(|q| q != query);
        self.history.push(query.to_string());
        let over = self.history.len().saturating_sub(super::history::CAP);
        self.history.drain(..over);
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
        self.middle = Middle::Transcript;
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
        let key = |h: &Hit| (h.quote, h.summary);
        let first = self.search.hits.first().map(key);
        let new_first = hits.first().map(key);
        if self.search.take(generation, hits, total, done) {
            if first != new_first && self.search.selected == 0 {
                self.preview_hit();
            } else {
                self.relight();
            }
        }
    }
}
