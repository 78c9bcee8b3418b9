//! The library view's state and its update: sessions (sortable, by house and dates), the
//! people index (by party), one person's turns everywhere, and a search over every session.
//! Sessions arrive one by one while the library loads; the view is usable for what has loaded.

mod entries;
pub mod filters;

use std::sync::Arc;

use podium::library::{Digested, Person};
use podium::search::QuoteIndex;
use podium::session::QuoteRef;
use podium::text::natural_cmp;
use ratatui::layout::Rect;

use super::action::{Action, Effect};
use super::keymap::{Context, Keymap};
use super::search_state::SearchState;
use super::theme::Theme;
pub use entries::{Entry, Row};
use filters::{Dates, Filters, PersonInfo};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    Sessions,
    People,
    /// One person's turns across the library (an index into `people`).
    PersonTurns(usize),
    /// One person's most distinctive words against everyone else (W).
    PersonWords(usize),
    /// One person's sentences using the word chosen in their words.
    WordUses(usize),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SortKey {
    File,
    Title,
    Date,
    Speakers,
    Turns,
    Words,
}

impl SortKey {
    pub fn label(self) -> &'static str {
        match self {
            SortKey::File => "file",
            SortKey::Title => "title",
            SortKey::Date => "date",
            SortKey::Speakers => "speakers",
            SortKey::Turns => "turns",
            SortKey::Words => "words",
        }
    }

    /// Whether the column sorts ascending at first (names, files) or descending (dates,
    /// counts: the newest and biggest first).
    pub fn ascending(self) -> bool {
        matches!(self, SortKey::File | SortKey::Title)
    }

    fn next(self) -> SortKey {
        match self {
            SortKey::File => SortKey::Title,
            SortKey::Title => SortKey::Date,
            SortKey::Date => SortKey::Speakers,
            SortKey::Speakers => SortKey::Turns,
            SortKey::Turns => SortKey::Words,
            SortKey::Words => SortKey::File,
        }
    }
}

/// What the event loop does for the library.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Open {
    /// Show session `session` at its start, at a turn, or at a quote with its matched letters.
    Session {
        session: usize,
        turn: Option<usize>,
        quote: Option<(QuoteRef, Vec<usize>)>,
        /// A summary sentence (its number and matched letters), shown in the summaries.
        summary: Option<(usize, Vec<usize>)>,
    },
}

pub struct Library {
    /// What is kept of each session loaded, in the order they arrived.
    pub items: Vec<Entry>,
    /// Every sentence and summary of the sessions loaded, from their digests: what the search,
    /// a person's turns and their words read.
    pub index: Arc<QuoteIndex>,
    pub rows: Vec<Row>,
    /// Row indices in display order.
    pub order: Vec<usize>,
    pub failures: Vec<String>,
    /// (loaded, total) while loading.
    pub loading: Option<(usize, usize)>,
    pub view: View,
    pub sort: SortKey,
    /// The sort column's order is reversed (a second `o`).
    pub reversed: bool,
    pub selected: usize,
    pub people: Vec<Person>,
    /// Parties and years of each of `people`.
    pub info: Vec<PersonInfo>,
    /// Indices of `people` the party filter lets through, in list order.
    pub shown_people: Vec<usize>,
    /// The parties among `people`, most words first (what `P` cycles through).
    pub parties: Vec<String>,
    pub filters: Filters,
    /// The range of dates being typed (`D`).
    pub date_prompt: Option<String>,
    /// (session, turn) of the person shown in `View::PersonTurns`.
    pub person_turns: Vec<(usize, usize)>,
    pub search_open: bool,
    pub help_open: bool,
    pub help_scroll: usize,
    /// The files that failed are listed (`!`).
    pub warnings_open: bool,
    pub warnings_scroll: usize,
    pub keymap: Keymap,
    pub search: SearchState,
    pub theme: Theme,
    pub area: Rect,
    pub message: Option<String>,
    pub quit: bool,
    /// Set by `update` for the loop to act on.
    pub open: Option<Open>,
    /// A person's words (W) and the sentences using one.
    pub words: super::library_words::PersonWords,
    /// Sessions arrived since the list was last sorted.
    unsorted: bool,
    /// Sessions in the index when the search shown was asked for: a search typed while the
    /// library loads is run again as it grows.
    searched: usize,
    /// The reader chose a sort (`o`): a parliament's sittings no longer sort by date alone.
    sort_chosen: bool,
}

impl Library {
    pub fn new(theme: Theme, area: Rect) -> Self {
        Library {
            items: Vec::new(),
            index: Arc::default(),
            rows: Vec::new(),
            order: Vec::new(),
            failures: Vec::new(),
            loading: None,
            view: View::Sessions,
            sort: SortKey::File,
            reversed: false,
            selected: 0,
            people: Vec::new(),
            info: Vec::new(),
            shown_people: Vec::new(),
            parties: Vec::new(),
            filters: Filters::default(),
            date_prompt: None,
            person_turns: Vec::new(),
            search_open: false,
            help_open: false,
            help_scroll: 0,
            warnings_open: false,
            warnings_scroll: 0,
            keymap: Keymap::default(),
            search: SearchState::default(),
            theme,
            area,
            message: None,
            quit: false,
            open: None,
            words: Default::default(),
            unsorted: false,
            sort_chosen: false,
            searched: 0,
        }
    }

    /// Keymap contexts to try, most specific first.
    pub fn contexts(&self) -> Vec<Context> {
        if self.help_open {
            vec![Context::Help]
        } else if self.warnings_open {
            vec![Context::Warnings]
        } else if self.date_prompt.is_some() {
            vec![Context::Prompt]
        } else if self.search_open {
            vec![Context::Search]
        } else {
            vec![Context::Library]
        }
    }

    pub fn total_quotes(&self) -> usize {
        self.rows.iter().map(|r| r.quotes).sum()
    }

    /// A session has loaded: its digest's text goes into the quote index, its facts and turns
    /// are kept. The list is re-sorted once per batch of arrivals ([`Library::settle`]).
    pub fn add(&mut self, digested: Digested, row: Row) {
        // A parliament's sittings are listed by date, until the reader sorts otherwise.
        if !self.sort_chosen && !row.house.is_empty() && self.sort == SortKey::File {
            self.sort = SortKey::Date;
        }
        let Digested {
            path,
            facts,
            mut digest,
        } = digested;
        // A search running over the index keeps its copy; the next search sends this one.
        Arc::make_mut(&mut self.index).push_digest(self.items.len(), &mut digest);
        self.rows.push(row);
        self.items.push(Entry {
            path,
            facts,
            turns: digest.turns,
        });
        if let Some((done, _)) = &mut self.loading {
            *done += 1;
        }
        self.unsorted = true;
    }

    /// What the library asks for because it grew: a search typed while it loads is run again
    /// each time the sessions loaded have doubled and once loading ends; a person's words
    /// counted while it loaded are counted again over every session.
    pub fn catch_up(&mut self) -> Vec<Effect> {
        let grown = self.items.len() > self.searched
            && (self.loading.is_none() || self.items.len() >= 2 * self.searched);
        let mut effects = Vec::new();
        if grown && !self.search.query.trim().is_empty() {
            let selected = self.search.selected;
            let effect = self.search.changed();
            effects.extend(self.searching(effect));
            self.search.selected = selected;
        }
        effects.extend(self.recount_words());
        effects
    }

    /// Notes the sessions a search is asked over.
    fn searching(&mut self, effect: Option<Effect>) -> Option<Effect> {
        if matches!(effect, Some(Effect::Search { .. })) {
            self.searched = self.items.len();
        }
        effect
    }

    /// Sorts what arrived since the last frame.
    pub fn settle(&mut self) {
        if self.unsorted {
            self.unsorted = false;
            self.resort();
        }
    }

    pub fn fail(&mut self, error: String) {
        self.failures.push(error);
        if let Some((done, _)) = &mut self.loading {
            *done += 1;
        }
    }

    /// Loading has finished: the people index can be built.
    pub fn loaded(&mut self) {
        self.loading = None;
        // Spare room freed, unless a search holds the index (no copy is worth that).
        if let Some(index) = Arc::get_mut(&mut self.index) {
            index.shrink();
        }
        self.settle();
        self.refresh_people();
        if !self.failures.is_empty() {
            let key = self
                .keymap
                .key_for(super::keymap::Context::Library, "warnings")
                .unwrap_or_default();
            self.message = Some(format!(
                "{} could not be read and {} skipped ({key} lists them)",
                match self.failures.len() {
                    1 => "1 file".to_string(),
                    n => format!("{n} files"),
                },
                if self.failures.len() == 1 {
                    "was"
                } else {
                    "were"
                },
            ));
        }
    }

    fn resort(&mut self) {
        // While sessions stream in, the cursor stays on its row; afterwards on its session.
        let keep = if self.loading.is_some() {
            None
        } else {
            self.order.get(self.selected).copied()
        };
        let rows = &self.rows;
        let mut order: Vec<usize> = (0..rows.len())
            .filter(|&i| self.filters.shows(&rows[i]))
            .collect();
        match self.sort {
            SortKey::File => order.sort_by(|&a, &b| natural_cmp(&rows[a].file, &rows[b].file)),
            SortKey::Title => order.sort_by(|&a, &b| natural_cmp(&rows[a].title, &rows[b].title)),
            SortKey::Date => order.sort_by(|&a, &b| rows[b].date.cmp(&rows[a].date)),
            SortKey::Speakers => order.sort_by(|&a, &b| rows[b].speakers.cmp(&rows[a].speakers)),
            SortKey::Turns => order.sort_by(|&a, &b| rows[b].turns.cmp(&rows[a].turns)),
            SortKey::Words => order.sort_by(|&a, &b| rows[b].words.cmp(&rows[a].words)),
        }
        if self.reversed {
            order.reverse();
        }
        self.order = order;
        if let Some(k) = keep {
            self.selected = self.order.iter().position(|&i| i == k).unwrap_or(0);
        }
    }

    /// Rows the current list has.
    pub fn rows_in_view(&self) -> usize {
        match self.view {
            View::Sessions => self.order.len(),
            View::People => self.shown_people.len(),
            View::PersonTurns(_) => self.person_turns.len(),
            View::PersonWords(_) => self.words.scored.len(),
            View::WordUses(_) => self.words.uses.len(),
        }
    }

    /// Rows of the list on screen, for paging.
    pub fn page(&self) -> usize {
        usize::from(self.area.height.saturating_sub(6)).max(1)
    }

    fn move_by(&mut self, delta: isize) {
        let n = self.rows_in_view();
        if n > 0 {
            self.selected = self.selected.saturating_add_signed(delta).min(n - 1);
        }
    }

    fn open_selected(&mut self) {
        match self.view {
            View::Sessions => {
                if let Some(&row) = self.order.get(self.selected) {
                    self.open = Some(Open::Session {
                        session: row,
                        turn: None,
                        quote: None,
                        summary: None,
                    });
                }
            }
            View::People => {
                let Some(&index) = self.shown_people.get(self.selected) else {
                    return;
                };
                let person = &self.people[index];
                self.person_turns = person
                    .appearances
                    .iter()
                    .flat_map(|a| self.turns_of(a.session, a.speaker))
                    .collect();
                self.view = View::PersonTurns(index);
                self.selected = 0;
            }
            View::PersonWords(p) => self.open_word(p),
            View::WordUses(_) => self.open_use(),
            View::PersonTurns(_) => {
                if let Some(&(session, turn)) = self.person_turns.get(self.selected) {
                    self.open = Some(Open::Session {
                        session,
                        turn: Some(turn),
                        quote: None,
                        summary: None,
                    });
                }
            }
        }
    }

    /// `▲` or `▼`: the direction the list is sorted in, as the header marks its column.
    pub fn sort_mark(&self) -> &'static str {
        if self.sort.ascending() != self.reversed {
            "▲"
        } else {
            "▼"
        }
    }

    fn scroll_overlay(&mut self, action: &Action) {
        let (at, lines, width) = if self.help_open {
            let help = super::widgets::help::Help {
                title: "",
                contexts: super::widgets::help::LIBRARY,
                keymap: &self.keymap,
                scroll: 0,
                theme: self.theme,
                mouse: false,
            };
            (
                &mut self.help_scroll,
                help.lines().len(),
                super::widgets::help::WIDTH,
            )
        } else {
            (
                &mut self.warnings_scroll,
                self.failures.len().max(1),
                super::widgets::scrolled::WARNINGS_WIDTH,
            )
        };
        let max = super::widgets::scrolled::max_scroll(self.area, width, lines);
        let page = usize::from(self.area.height.saturating_sub(4)).max(1);
        *at = match action {
            Action::Down => at.saturating_add(1),
            Action::Up => at.saturating_sub(1),
            Action::PageDown => at.saturating_add(page),
            Action::PageUp => at.saturating_sub(page),
            Action::Top => 0,
            Action::Bottom => max,
            _ => *at,
        }
        .min(max);
    }

    pub fn update(&mut self, action: Action) -> Option<Effect> {
        if !matches!(action, Action::SearchResults { .. } | Action::Resize { .. }) {
            self.message = None;
        }
        let page = self.page() as isize;
        if let Some(effect) = self.search.edit(&action) {
            return self.searching(effect);
        }
        match action {
            Action::Quit => self.quit = true,
            Action::Notify(text) => self.message = Some(text),
            Action::ToggleHelp => {
                self.help_open = !self.help_open;
                self.help_scroll = 0;
            }
            Action::OpenWarnings => {
                self.warnings_open = !self.warnings_open;
                self.warnings_scroll = 0;
            }
            action @ (Action::Down
            | Action::Up
            | Action::PageDown
            | Action::PageUp
            | Action::Top
            | Action::Bottom)
                if self.help_open || self.warnings_open =>
            {
                self.scroll_overlay(&action);
            }
            Action::Down => self.move_by(1),
            Action::Up => self.move_by(-1),
            Action::PageDown => self.move_by(page),
            Action::PageUp => self.move_by(-page),
            Action::Top => self.selected = 0,
            Action::Bottom => self.selected = self.rows_in_view().saturating_sub(1),
            Action::Open => self.open_selected(),
            Action::Back => {
                if let View::PersonTurns(p) = self.view {
                    self.back_to_person(p);
                }
                self.back_from_words();
            }
            Action::ToggleWords => return self.toggle_words(),
            Action::CycleSort if self.view != View::Sessions => {
                // People are listed most words first; the sort belongs to the sessions.
                self.message = Some(format!(
                    "People are listed by words; {} sorts the sessions ({} goes back to them)",
                    self.key("sort"),
                    self.key("people")
                ));
            }
            Action::CycleSort => {
                self.sort_chosen = true;
                // A second press reverses the column; a third goes on to the next one.
                if self.reversed {
                    self.reversed = false;
                    self.sort = self.sort.next();
                } else {
                    self.reversed = true;
                }
                self.resort();
                self.message = Some(format!(
                    "Sorted by {} {} (o again: {})",
                    self.sort.label(),
                    self.sort_mark(),
                    if self.reversed {
                        "the next column"
                    } else {
                        "reversed"
                    }
                ));
            }
            Action::TogglePeople => {
                self.view = match self.view {
                    View::Sessions => View::People,
                    _ => View::Sessions,
                };
                self.selected = 0;
                if self.view == View::People && self.loading.is_some() {
                    self.refresh_people();
                    self.message = Some("Still loading: people so far".into());
                }
            }
            Action::CycleParty => self.cycle_party(),
            Action::CycleHouse => self.cycle_house(),
            Action::OpenDates => {
                self.date_prompt = Some(
                    self.filters
                        .dates
                        .as_ref()
                        .map(Dates::label)
                        .unwrap_or_default(),
                );
            }
            Action::PromptInput(c) => {
                if let Some(p) = &mut self.date_prompt {
                    p.push(c);
                }
            }
            Action::PromptBackspace => {
                if let Some(p) = &mut self.date_prompt {
                    p.pop();
                }
            }
            Action::PromptClear => {
                if let Some(p) = &mut self.date_prompt {
                    p.clear();
                }
            }
            Action::PromptCancel => self.date_prompt = None,
            Action::PromptAccept => self.accept_dates(),
            Action::OpenSearch => {
                self.search_open = true;
                self.search.query.clear();
                let effect = self.search.changed();
                return self.searching(effect);
            }
            Action::SearchNext => self.search.move_by(1),
            Action::SearchPrev => self.search.move_by(-1),
            Action::SearchAccept => {
                let Some(hit) = self.search.hits.get(self.search.selected).cloned() else {
                    self.message = Some("No hit to go to: change the query, or Esc".into());
                    return None;
                };
                self.search_open = false;
                let query = self.search.query.trim().to_string();
                self.open = Some(match hit.summary {
                    Some(i) => {
                        let text = self.index.summary(hit.session, i);
                        Open::Session {
                            session: hit.session,
                            turn: None,
                            quote: None,
                            summary: Some((i, self.search.lit(text))),
                        }
                    }
                    None => {
                        let quote = self.sentence(hit.session, hit.quote);
                        Open::Session {
                            session: hit.session,
                            turn: None,
                            quote: Some((hit.quote, self.search.lit(quote))),
                            summary: None,
                        }
                    }
                });
                return (!query.is_empty()).then_some(Effect::SaveQuery(query));
            }
            Action::SearchCancel => self.search_open = false,
            Action::SearchResults {
                generation,
                hits,
                total,
                done,
            } => {
                self.search.take(generation, hits, total, done);
            }
            Action::Resize { width, height } => self.area = Rect::new(0, 0, width, height),
            _ => {}
        }
        None
    }
}

#[cfg(test)]
mod tests;
