//! Content words: counted per speaker, the most frequent, and the most distinctive of one
//! speaker (or one person across a library) against everyone else.
//!
//! A word is what [`text::words`] yields (Podium's one word rule: UAX #29 segments holding a
//! letter or digit, annotations left out), lower-cased and never stemmed. A *content* word holds
//! a letter and is not a stop word of the session's language ([`StopWords`]).
//!
//! Distinctiveness is the weighted log-odds ratio with an informative Dirichlet prior of Monroe,
//! Colaresi & Quinn (2008), "Fightin' Words" (their eq. 16–22). For a word w said y_i times in
//! the group's n_i content words and y_j times in the rest's n_j, with prior α_w and α₀ = Σα_w:
//!
//! ```text
//! δ_w = log((y_i + α_w) / (n_i + α₀ − y_i − α_w)) − log((y_j + α_w) / (n_j + α₀ − y_j − α_w))
//! σ²_w ≈ 1/(y_i + α_w) + 1/(y_j + α_w)          z_w = δ_w / σ_w
//! ```
//!
//! The prior is the paper's informative one: α_w is the word's count in the whole session (or
//! library), so α₀ is the whole's number of content words. A word said often everywhere needs
//! a large difference to stand out; a word said twice by one speaker does not outrank it.

use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::sync::Arc;

use rayon::prelude::*;

use crate::library::{Appearance, Person};
use crate::session::{QuoteRef, Session, SpeakerLookupError};
use crate::text;

/// A language's stop words (the NLTK lists, else the stopwords-iso ones; English when the
/// session's language is unknown or has no list).
#[derive(Debug, Clone)]
pub struct StopWords {
    words: HashSet<&'static str>,
}

impl StopWords {
    /// For a BCP 47 tag (`en`, `sl`, `pt-BR`); English when `None` or unknown.
    pub fn for_language(language: Option<&str>) -> StopWords {
        let tag = language.unwrap_or("en").to_lowercase();
        let code = tag.split(['-', '_']).next().unwrap_or("en");
        let list = stop_words::lookup(code)
            .or_else(|| stop_words::lookup("en"))
            .unwrap_or_default();
        StopWords {
            words: list.iter().copied().collect(),
        }
    }

    /// For the session's language (`Meta::language`).
    pub fn for_session(session: &Session) -> StopWords {
        StopWords::for_language(session.meta.language.as_deref())
    }

    /// Whether `word` (lower case) is a stop word: on the list, reading a typographic `’` as
    /// `'` (`don’t`), or a contraction of one (`that’s`, `we’ve`).
    pub fn contains(&self, word: &str) -> bool {
        if self.words.contains(word) {
            return true;
        }
        let Some((head, _)) = word.split_once(['\'', '’']) else {
            return false;
        };
        (word.contains('’') && self.words.contains(word.replace('’', "'").as_str()))
            || (!head.is_empty() && self.words.contains(head))
    }
}

/// Whether a lower-cased word counts as content: it holds a letter and is not a stop word.
pub fn is_content(word: &str, stop: &StopWords) -> bool {
    word.chars().any(char::is_alphabetic) && !stop.contains(word)
}

/// Content words of one speaker, one person or a whole session.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Counts {
    /// Each content word, lower case, and how often it was said.
    pub words: HashMap<String, usize>,
    /// Content words in all: the sum of `words`.
    pub total: usize,
    /// Every word said, stop words too ([`text::word_count`]'s count).
    pub spoken: usize,
    /// Turns counted.
    pub turns: usize,
}

impl Counts {
    /// Counts the words of `text`.
    pub fn add_text(&mut self, text: &str, stop: &StopWords) {
        for (_, word) in text::words(text) {
            self.spoken += 1;
            let lower = word.to_lowercase();
            if !is_content(&lower, stop) {
                continue;
            }
            self.total += 1;
            match self.words.get_mut(lower.as_str()) {
                Some(n) => *n += 1,
                None => {
                    self.words.insert(lower, 1);
                }
            }
        }
    }

    /// Adds another group's counts to these.
    pub fn add(&mut self, other: &Counts) {
        for (word, n) in &other.words {
            match self.words.get_mut(word.as_str()) {
                Some(m) => *m += n,
                None => {
                    self.words.insert(word.clone(), *n);
                }
            }
        }
        self.total += other.total;
        self.spoken += other.spoken;
        self.turns += other.turns;
    }

    /// How often `word` (lower case) was said.
    pub fn get(&self, word: &str) -> usize {
        self.words.get(word).copied().unwrap_or(0)
    }

    /// The `n` most frequent words, most first (ties in alphabetical order).
    pub fn most_frequent(&self, n: usize) -> Vec<(&str, usize)> {
        let mut all: Vec<(&str, usize)> =
            self.words.iter().map(|(w, &c)| (w.as_str(), c)).collect();
        all.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        all.truncate(n);
        all
    }
}

/// The sum of several groups' counts.
pub fn sum<'a>(groups: impl IntoIterator<Item = &'a Counts>) -> Counts {
    let mut out = Counts::default();
    for g in groups {
        out.add(g);
    }
    out
}

/// Each speaker's content words, in `Session::speakers` order, by the session's stop list.
/// Turns are counted in parallel.
pub fn by_speaker(session: &Session) -> Vec<Counts> {
    let stop = StopWords::for_session(session);
    let n = session.speakers.len();
    session
        .turns
        .par_iter()
        .fold(
            || vec![Counts::default(); n],
            |mut acc, turn| {
                if let Some(c) = acc.get_mut(turn.speaker.get()) {
                    c.turns += 1;
                    for p in &turn.paragraphs {
                        c.add_text(p, &stop);
                    }
                }
                acc
            },
        )
        .reduce(
            || vec![Counts::default(); n],
            |mut a, b| {
                for (x, y) in a.iter_mut().zip(&b) {
                    x.add(y);
                }
                a
            },
        )
}

/// A word scored by how distinctive it is of a group against the rest.
#[derive(Debug, Clone, PartialEq)]
pub struct Scored {
    pub word: String,
    /// Times the group said it.
    pub count: usize,
    /// Times everyone else said it.
    pub rest_count: usize,
    /// The log-odds ratio δ (group against the rest), shrunk by the prior.
    pub delta: f64,
    /// δ over its standard deviation.
    pub z: f64,
}

/// The weighted log-odds ratio of one word and its z-score (see the module's docs): `y_i` of
/// `n_i` in the group, `y_j` of `n_j` in the rest, prior `alpha` of `alpha0`. Zero when a
/// denominator would be empty (the word is the only one said).
pub fn log_odds(y_i: f64, n_i: f64, y_j: f64, n_j: f64, alpha: f64, alpha0: f64) -> (f64, f64) {
    let (rest_i, rest_j) = (n_i + alpha0 - y_i - alpha, n_j + alpha0 - y_j - alpha);
    if rest_i <= 0.0 || rest_j <= 0.0 || alpha <= 0.0 {
        return (0.0, 0.0);
    }
    let delta = ((y_i + alpha) / rest_i).ln() - ((y_j + alpha) / rest_j).ln();
    let variance = 1.0 / (y_i + alpha) + 1.0 / (y_j + alpha);
    (delta, delta / variance.sqrt())
}

/// Every word `group` says, scored against the rest of `all` (which holds the group's words
/// too) with `all` as the prior: most distinctive first (ties: more said, then alphabetical).
pub fn distinctive(group: &Counts, all: &Counts) -> Vec<Scored> {
    let n_i = group.total as f64;
    let n_j = all.total.saturating_sub(group.total) as f64;
    let alpha0 = all.total as f64;
    let mut scored: Vec<Scored> = group
        .words
        .iter()
        .map(|(word, &count)| {
            // A group's word is in the whole; `max` keeps a caller's mismatch from underflowing.
            let whole = all.get(word).max(count);
            let rest_count = whole - count;
            let (delta, z) = log_odds(
                count as f64,
                n_i,
                rest_count as f64,
                n_j,
                whole as f64,
                alpha0,
            );
            Scored {
                word: word.clone(),
                count,
                rest_count,
                delta,
                z,
            }
        })
        .collect();
    scored.sort_unstable_by(|a, b| {
        b.z.total_cmp(&a.z)
            .then(b.count.cmp(&a.count))
            .then(a.word.cmp(&b.word))
    });
    scored
}

/// The sentences that use `word` (lower case), of one speaker or everyone's, with the byte
/// ranges of each use in the sentence.
pub fn sentences_using(
    session: &Session,
    word: &str,
    speaker: Option<usize>,
) -> Vec<(QuoteRef, Vec<Range<usize>>)> {
    uses_in(
        session
            .quotes()
            .filter(|(q, _)| speaker.is_none_or(|s| session.turns[q.turn].speaker.get() == s)),
        word,
    )
}

/// [`sentences_using`] over sentences given as they are (a library's, from its quote index):
/// those that use `word`, with the byte ranges of each use.
pub fn uses_in<'a>(
    sentences: impl Iterator<Item = (QuoteRef, &'a str)>,
    word: &str,
) -> Vec<(QuoteRef, Vec<Range<usize>>)> {
    sentences
        .filter_map(|(q, sentence)| {
            let uses: Vec<Range<usize>> = text::words(sentence)
                .filter(|(_, w)| w.to_lowercase() == word)
                .map(|(at, w)| at..at + w.len())
                .collect();
            (!uses.is_empty()).then_some((q, uses))
        })
        .collect()
}

/// A library's content words: each session's speakers counted once, joined into people as
/// the library's people view joins them.
pub struct LibraryWords {
    /// Everyone who speaks, most words first ([`crate::library::people_with`]).
    pub people: Vec<Person>,
    /// Per session, per speaker.
    speakers: Vec<Vec<Counts>>,
    /// The whole library.
    pub all: Counts,
}

impl LibraryWords {
    pub fn new(sessions: &[Arc<Session>]) -> LibraryWords {
        let speakers: Vec<Vec<Counts>> = sessions.par_iter().map(|s| by_speaker(s)).collect();
        LibraryWords::from_speakers(sessions, speakers)
    }

    /// The library's words from each session's [`by_speaker`] counts, counted one session at a
    /// time elsewhere (so the sessions need not all be held at once); `sessions` give who
    /// speaks, for the people.
    pub fn from_speakers<S: crate::library::Sitting>(
        sessions: &[S],
        speakers: Vec<Vec<Counts>>,
    ) -> LibraryWords {
        let sizes: Vec<Vec<(usize, usize)>> = speakers
            .iter()
            .map(|c| c.iter().map(|c| (c.turns, c.spoken)).collect())
            .collect();
        let people = crate::library::people_with(sessions, &sizes);
        let all = sum(speakers.iter().flatten());
        LibraryWords {
            people,
            speakers,
            all,
        }
    }

    /// The words of `people[person]` in every session they speak in.
    pub fn person(&self, person: usize) -> Counts {
        self.people
            .get(person)
            .map_or_else(Counts::default, |p| self.of(&p.appearances))
    }

    /// The words said in these appearances (a person as another people index joined them).
    pub fn of(&self, appearances: &[Appearance]) -> Counts {
        sum(appearances
            .iter()
            .filter_map(|a| self.speakers.get(a.session)?.get(a.speaker)))
    }

    /// Looks a person up as `--speaker` does in a session: a name or alias they go by in any
    /// session, exactly, else a unique prefix of one; case-insensitive.
    pub fn find(
        &self,
        sessions: &[Arc<Session>],
        query: &str,
    ) -> Result<usize, SpeakerLookupError> {
        let q = text::fold_name(query);
        if q.is_empty() {
            return Err(SpeakerLookupError::NotFound(query.to_string()));
        }
        let names = |p: &Person| -> Vec<String> {
            let mut names = vec![text::fold_name(&p.name)];
            for a in &p.appearances {
                if let Some(sp) = sessions
                    .get(a.session)
                    .and_then(|s| s.speakers.get(a.speaker))
                {
                    names.extend(sp.names().map(text::fold_name));
                }
            }
            names
        };
        let all: Vec<Vec<String>> = self.people.iter().map(names).collect();
        let pick = |hit: &dyn Fn(&str) -> bool| -> Vec<usize> {
            (0..all.len())
                .filter(|&i| all[i].iter().any(|n| hit(n)))
                .collect()
        };
        let mut found = pick(&|n| n == q);
        if found.is_empty() {
            found = pick(&|n| n.starts_with(&q));
        }
        match found.as_slice() {
            [one] => Ok(*one),
            [] => Err(SpeakerLookupError::NotFound(query.to_string())),
            many => Err(SpeakerLookupError::Ambiguous {
                query: query.to_string(),
                names: many.iter().map(|&i| self.people[i].name.clone()).collect(),
            }),
        }
    }
}

#[cfg(test)]
mod tests;
