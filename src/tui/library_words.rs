//! A person's words in a library (`W` in the people list): the words most distinctive of them
//! against everyone else in the library, with their most frequent ones; `Enter` lists their
//! sentences that use a word, everywhere, and `Enter` on one opens that session there with the
//! word lit. `Esc` steps back. The counting and scoring are the core's
//! ([`podium::analysis::words`]), over the library's people as the people list joins them.

use std::ops::Range;
use std::sync::Arc;

use podium::analysis::words::{self, LibraryWords, Scored};
use podium::session::{QuoteRef, Session};

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
    counted: Option<(usize, LibraryWords)>,
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

impl Library {
    /// `W`: the selected person's words (in the people list or their turns); again, back.
    pub(super) fn toggle_words(&mut self) {
        let person = match self.view {
            View::People => self.selected,
            View::PersonTurns(p) => p,
            View::PersonWords(p) | View::WordUses(p) => {
                self.view = View::People;
                self.selected = p;
                return;
            }
            View::Sessions => {
                self.message = Some("W shows a person's words: in the people list (p)".into());
                return;
            }
        };
        if person >= self.people.len() {
            return;
        }
        let sessions: Vec<Arc<Session>> = self.items.iter().map(|i| i.session.clone()).collect();
        if self
            .words
            .counted
            .as_ref()
            .is_none_or(|(n, _)| *n != sessions.len())
        {
            self.words.counted = Some((sessions.len(), LibraryWords::new(&sessions)));
        }
        let Some((_, all)) = &self.words.counted else {
            return;
        };
        let counts = all.of(&self.people[person].appearances);
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
        self.words.uses = p
            .appearances
            .iter()
            .flat_map(|a| {
                let session = &self.items[a.session].session;
                words::sentences_using(session, &word, Some(a.speaker))
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
        let text = self.items[session].session.turns[quote.turn]
            .sentence(quote.sentence)
            .unwrap_or_default();
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
            View::PersonWords(p) => {
                self.view = View::People;
                self.selected = p;
            }
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
            " {} {:>6} {:>6} {:>7}  most distinctive against everyone else",
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
        &format!(" “{word}” in {} sentences (Esc: the words)", w.uses.len()),
        width,
    );
    let rows = w
        .uses
        .iter()
        .skip(skip)
        .take(take)
        .map(|(s, q, _)| {
            let session = &lib.items[*s].session;
            let turn = &session.turns[q.turn];
            let text = turn.sentence(q.sentence).unwrap_or_default();
            fit(
                &format!(
                    "{} · {}.{} · {text}",
                    session.meta.title,
                    turn.id,
                    q.sentence + 1
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
