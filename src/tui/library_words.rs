//! A person's words in a library (`W` in the people list): the words most distinctive of them
//! against everyone else in the library, with their most frequent ones; `Enter` lists their
//! sentences that use a word, everywhere, and `Enter` on one opens that session there with the
//! word lit. `Esc` steps back. The counting and scoring are the core's
//! ([`podium::analysis::words`]), over the library's people as the people list joins them.
//!
//! Counting needs every session's text, which the library does not hold: the first `W` (or one
//! after more sessions have loaded) asks the event loop to count on a background thread, shows
//! "counting…", and takes the result when it comes back with the request's generation; an older
//! request's result is dropped.

use std::ops::Range;
use std::sync::Arc;

use podium::analysis::words::{self, LibraryWords, Scored};
use podium::session::QuoteRef;

use super::action::Effect;
use super::library::{Library, Open, View};
use super::widgets::{bar, fit};

/// Words listed at most.
const LIMIT: usize = 200;
/// Frequent words named in the title.
const FREQUENT: usize = 8;

#[derive(Default)]
pub struct PersonWords {
    /// The library's words, counted the first time `W` is pressed, with how many sessions
    /// they cover (counted again when more have loaded since).
    counted: Option<(usize, Arc<LibraryWords>)>,
    /// The newest count asked for: its generation, and how many sessions it covers.
    counting: Option<(u64, usize)>,
    /// Numbers the counts asked for; a result of an older one is dropped.
    generation: u64,
    /// The person's words, most distinctive first.
    pub scored: Vec<Scored>,
    /// Their most frequent words.
    pub frequent: Vec<(String, usize)>,
    /// Their content words, and everyone else's.
    pub totals: (usize, usize),
    /// The word whose sentences are listed, and its row in the word list.
    pub word: Option<(String, usize)>,
    /// The person's sentences using it: session, sentence, the word's byte ranges in it.
    pub uses: Vec<(usize, QuoteRef, Vec<Range<usize>>)>,
}

impl PersonWords {
    /// Whether a count is under way (the words view says "counting…").
    pub fn counting(&self) -> bool {
        self.counting.is_some()
    }
}

impl Library {
    /// `W`: the selected person's words (in the people list or their turns); again, back. The
    /// first time, the library's words are counted off the screen's thread.
    pub(super) fn toggle_words(&mut self) -> Option<Effect> {
        let person = match self.view {
            // The cursor is on a row of the people shown (a party filter hides some).
            View::People => match self.shown_people.get(self.selected) {
                Some(&p) => p,
                None => return None,
            },
            View::PersonTurns(p) => p,
            View::PersonWords(p) | View::WordUses(p) => {
                self.back_to_person(p);
                return None;
            }
            View::Sessions => {
                self.message = Some("W shows a person's words: in the people list (p)".into());
                return None;
            }
        };
        if person >= self.people.len() {
            return None;
        }
        let sessions = self.items.len();
        if self
            .words
            .counted
            .as_ref()
            .is_some_and(|(n, _)| *n == sessions)
        {
            self.show_words(person);
            return None;
        }
        self.words.scored.clear();
        self.words.frequent.clear();
        self.words.totals = (0, 0);
        self.view = View::PersonWords(person);
        self.selected = 0;
        if self.words.counting.is_some_and(|(_, n)| n == sessions) {
            return None;
        }
        self.words.generation += 1;
        let generation = self.words.generation;
        self.words.counting = Some((generation, sessions));
        Some(Effect::CountWords { generation })
    }

    /// After loading: the words view of a person counted before every session had loaded is
    /// counted again over all of them (the count shown meanwhile covers those loaded then).
    pub(super) fn recount_words(&mut self) -> Option<Effect> {
        let sessions = self.items.len();
        let reading = matches!(self.view, View::PersonWords(_) | View::WordUses(_));
        let behind = self
            .words
            .counted
            .as_ref()
            .is_some_and(|(n, _)| *n < sessions);
        if self.loading.is_some() || !reading || self.words.counting.is_some() || !behind {
            return None;
        }
        self.words.generation += 1;
        let generation = self.words.generation;
        self.words.counting = Some((generation, sessions));
        Some(Effect::CountWords { generation })
    }

    /// The library's words, counted: shown at once for the person waiting for them, kept for
    /// the next `W`. A result of an older request is dropped. `failed` sessions could not be
    /// read again (changed or removed since the library loaded them).
    pub fn words_counted(
        &mut self,
        generation: u64,
        sessions: usize,
        words: Arc<LibraryWords>,
        failed: usize,
    ) {
        if self.words.counting.is_none_or(|(g, _)| g != generation) {
            return;
        }
        self.words.counting = None;
        // A count over more sessions replaces what is shown; the first one shows at once.
        let more = self
            .words
            .counted
            .as_ref()
            .is_some_and(|(n, _)| *n < sessions);
        self.words.counted = Some((sessions, words));
        if let View::PersonWords(p) = self.view
            && (self.words.scored.is_empty() || more)
        {
            self.show_words(p);
        }
        if failed > 0 {
            self.message = Some(format!(
                "{failed} sessions could not be read again for their words (changed or removed)"
            ));
        }
    }

    /// The person's words, from the library's counted words.
    fn show_words(&mut self, person: usize) {
        let Some((_, all)) = &self.words.counted else {
            return;
        };
        let Some(p) = self.people.get(person) else {
            return;
        };
        let counts = all.of(&p.appearances);
        let mut scored = words::distinctive(&counts, &all.all);
        scored.truncate(LIMIT);
        self.words.frequent = counts
            .most_frequent(FREQUENT)
            .into_iter()
            .map(|(w, n)| (w.to_string(), n))
            .collect();
        self.words.totals = (counts.total, all.all.total.saturating_sub(counts.total));
        self.words.scored = scored;
        self.view = View::PersonWords(person);
        self.selected = 0;
    }

    /// `Enter` on a word: the person's sentences using it, in every session they speak in.
    pub(super) fn open_word(&mut self, person: usize) {
        let Some(word) = self.words.scored.get(self.selected).map(|s| s.word.clone()) else {
            return;
        };
        let Some(p) = self.people.get(person) else {
            return;
        };
        let index = &self.index;
        self.words.uses = p
            .appearances
            .iter()
            .flat_map(|a| {
                let said = index
                    .sentences_of(a.session)
                    .filter(|&(_, speaker, _)| speaker as usize == a.speaker)
                    .map(|(q, _, text)| (q, text));
                words::uses_in(said, &word)
                    .into_iter()
                    .map(move |(q, ranges)| (a.session, q, ranges))
            })
            .collect();
        self.message = Some(format!(
            "“{word}”: {} sentences by {} (Enter: open one, Esc: the words)",
            self.words.uses.len(),
            p.name
        ));
        self.words.word = Some((word, self.selected));
        self.view = View::WordUses(person);
        self.selected = 0;
    }

    /// `Enter` on a sentence: its session, there, the word lit.
    pub(super) fn open_use(&mut self) {
        let Some((session, quote, ranges)) = self.words.uses.get(self.selected).cloned() else {
            return;
        };
        let text = self.sentence(session, quote);
        let lit = super::summaries::char_indices(text, &ranges);
        self.open = Some(Open::Session {
            session,
            turn: None,
            quote: Some((quote, lit)),
            summary: None,
        });
    }

    /// `Esc` in the words: from the sentences to the words, from the words to the people.
    pub(super) fn back_from_words(&mut self) {
        match self.view {
            View::WordUses(p) => {
                self.view = View::PersonWords(p);
                self.selected = self.words.word.take().map_or(0, |(_, row)| row);
            }
            View::PersonWords(p) => self.back_to_person(p),
            _ => {}
        }
    }
}

/// The words list's heading and its rows `skip..skip + take`: word, said, said by the rest,
/// z and a bar of z.
pub fn word_rows(lib: &Library, width: usize, skip: usize, take: usize) -> (String, Vec<String>) {
    let w = &lib.words;
    let word_w = 20.min(width.saturating_sub(24)).max(6);
    let bar_w = width.saturating_sub(word_w + 24).min(40);
    let header = fit(
        &format!(
            "{} {:>6} {:>6} {:>7}  most distinctive against everyone else",
            fit("word", word_w),
            "said",
            "rest",
            "z"
        ),
        width,
    );
    let most = w.scored.iter().map(|s| s.z).fold(0.0, f64::max);
    let rows = w
        .scored
        .iter()
        .skip(skip)
        .take(take)
        .map(|s| {
            let share = if most > 0.0 { s.z.max(0.0) / most } else { 0.0 };
            fit(
                &format!(
                    "{} {:>6} {:>6} {:>7.2}  {}",
                    fit(&s.word, word_w),
                    s.count,
                    s.rest_count,
                    s.z,
                    bar(share, bar_w)
                ),
                width,
            )
        })
        .collect();
    (header, rows)
}

/// The sentences list's heading and its rows: session, place and the sentence.
pub fn use_rows(lib: &Library, width: usize, skip: usize, take: usize) -> (String, Vec<String>) {
    let w = &lib.words;
    let word = w.word.as_ref().map_or("", |(word, _)| word.as_str());
    let header = fit(
        &format!("“{word}” in {} sentences (Esc: the words)", w.uses.len()),
        width,
    );
    let rows = w
        .uses
        .iter()
        .skip(skip)
        .take(take)
        .map(|&(s, q, _)| {
            fit(
                &format!(
                    "{} · {}.{} · {}",
                    lib.title(s),
                    lib.turn_id(s, q.turn),
                    q.sentence + 1,
                    lib.sentence(s, q)
                ),
                width,
            )
        })
        .collect();
    (header, rows)
}

/// The words view's title: whose words, and their most frequent ones.
pub fn title(lib: &Library, person: usize) -> String {
    let name = lib.people.get(person).map_or("", |p| p.name.as_str());
    if lib.words.counting() && lib.words.scored.is_empty() {
        return format!(" Words of {name}: counting… ");
    }
    let frequent: Vec<String> = lib
        .words
        .frequent
        .iter()
        .map(|(w, n)| format!("{w} {n}"))
        .collect();
    let (mine, rest) = lib.words.totals;
    format!(
        " Words of {name}: {mine} content words, everyone else {rest} · most frequent: {} ",
        frequent.join(", ")
    )
}
