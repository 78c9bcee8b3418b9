//! Quote search: a query (fzf's syntax, see [`query`]) against every sentence of one session or
//! a whole library — and, when asked, the report's summaries — ranked by nucleo-matcher's
//! score, then by position.
//!
//! Built for size: quotes live in one text buffer with offsets; a memchr subsequence test
//! rejects most quotes before the scorer runs; scoring runs in parallel chunks with a matcher
//! per thread; only the best hits are selected (no full sort) and only they get match
//! positions; a query that extends the previous one scores only the previous matches.

pub mod query;

use rayon::prelude::*;

pub use query::Query;

use crate::session::{QuoteRef, Session};

/// The turn number summary entries carry: they belong to no turn.
const SUMMARY: u32 = u32::MAX;

/// Every quote of one or more sessions in one text buffer.
#[derive(Debug, Clone, Default)]
pub struct QuoteIndex {
    /// Owned, or a digest's text still in its cache file's map.
    text: crate::files::SharedText,
    entries: Vec<Entry>,
}

#[derive(Debug, Clone, Copy)]
struct Entry {
    session: u32,
    /// The quote's turn, or [`SUMMARY`] for a summary sentence (`sentence` then numbers it in
    /// [`crate::sources::sentences`] order).
    turn: u32,
    sentence: u32,
    /// Index into the session's speakers (`u32::MAX` when unknown, or for the session summary).
    speaker: u32,
    /// Where the quote's text ends in the index's text; it starts where the previous entry's
    /// ends (texts are added one after another), so no start is kept.
    end: usize,
}

impl QuoteIndex {
    pub fn new(session: &Session) -> Self {
        Self::from_sessions([session])
    }

    /// One index over many sessions; hits carry the session's position in the iteration.
    pub fn from_sessions<'a>(sessions: impl IntoIterator<Item = &'a Session>) -> Self {
        let mut index = QuoteIndex::default();
        for (si, session) in sessions.into_iter().enumerate() {
            index.push_session(si, session);
        }
        index
    }

    /// Adds a session's quotes as session number `si`; the session itself can then be dropped,
    /// so a large library need not be held twice.
    pub fn push_session(&mut self, si: usize, session: &Session) {
        let speakers: Vec<u32> = session
            .turns
            .iter()
            .map(|t| t.speaker.get() as u32)
            .collect();
        for (quote, text) in session.quotes() {
            self.push(
                si,
                quote.turn as u32,
                quote.sentence as u32,
                speakers[quote.turn],
                text,
            );
        }
    }

    /// As [`QuoteIndex::push_session`], with the sentences of the report's summaries after the
    /// transcript's (their hits carry [`Hit::summary`]).
    pub fn push_session_with_summaries(&mut self, si: usize, session: &Session) {
        self.push_session(si, session);
        for (i, s) in crate::sources::sentences(session).iter().enumerate() {
            let speaker = s.speaker.map_or(u32::MAX, |x| x.get() as u32);
            self.push(si, SUMMARY, i as u32, speaker, &s.sentence);
        }
    }

    fn push(&mut self, si: usize, turn: u32, sentence: u32, speaker: u32, text: &str) {
        self.text.to_mut().push_str(text);
        self.entries.push(Entry {
            session: si as u32,
            turn,
            sentence,
            speaker,
            end: self.text.len(),
        });
    }

    /// Adds a session's quotes from its digest as session number `si`, taking the digest's
    /// text (it is left empty: the index holds the quotes now).
    pub fn push_digest(&mut self, si: usize, digest: &mut crate::digest::Digest) {
        // Exactly the room needed: grown by doubling, a one-file index would hold (and copy)
        // up to twice its entries at its peak.
        self.entries
            .reserve_exact(digest.quotes.len() + digest.summaries.len());
        let mut start = self.text.len();
        if self.text.is_empty() {
            self.text = std::mem::take(&mut digest.text);
        } else {
            self.text.to_mut().push_str(digest.text.as_str());
            digest.text = Default::default();
        }
        for &(turn, sentence, len) in &digest.quotes {
            let end = start + len as usize;
            self.entries.push(Entry {
                session: si as u32,
                turn,
                sentence,
                speaker: digest.turns.get(turn as usize).map_or(u32::MAX, |t| t.1),
                end,
            });
            start = end;
        }
        for (i, &(speaker, len)) in digest.summaries.iter().enumerate() {
            let end = start + len as usize;
            self.entries.push(Entry {
                session: si as u32,
                turn: SUMMARY,
                sentence: i as u32,
                speaker,
                end,
            });
            start = end;
        }
    }

    /// Frees spare capacity once every session is in.
    pub fn shrink(&mut self) {
        self.text.shrink_to_fit();
        self.entries.shrink_to_fit();
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The text of the `i`-th quote.
    pub fn text(&self, i: usize) -> &str {
        &self.text.as_str()[self.span(i)]
    }

    /// Where entry `i`'s text is in the index's text.
    fn span(&self, i: usize) -> std::ops::Range<usize> {
        let start = i.checked_sub(1).map_or(0, |p| self.entries[p].end);
        start..self.entries[i].end
    }

    /// The text of a hit's quote (hits carry no entry number; session, turn and sentence find it).
    pub fn quote(&self, hit: &Hit) -> &str {
        match hit.summary {
            Some(i) => self.summary(hit.session, i),
            None => self.sentence(hit.session, hit.quote),
        }
    }

    /// Sentence `quote` of session `session`, or `""` when the index has no such sentence.
    pub fn sentence(&self, session: usize, quote: QuoteRef) -> &str {
        self.lookup(session, quote.turn, quote.sentence)
    }

    /// Summary sentence `i` of session `session` ([`crate::sources::sentences`] order), or
    /// `""`.
    pub fn summary(&self, session: usize, i: usize) -> &str {
        self.lookup(session, SUMMARY as usize, i)
    }

    fn lookup(&self, session: usize, turn: usize, sentence: usize) -> &str {
        let key = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        let (s, t, n) = (key(session), key(turn), key(sentence));
        let at = self
            .entries
            .partition_point(|e| (e.session, e.turn, e.sentence) < (s, t, n));
        self.entries
            .get(at)
            .filter(|e| (e.session, e.turn, e.sentence) == (s, t, n))
            .map_or("", |_| self.text(at))
    }

    /// Every sentence said in session `session` (no summaries), in transcript order, with its
    /// speaker index (`u32::MAX` when unknown).
    pub fn sentences_of(&self, session: usize) -> impl Iterator<Item = (QuoteRef, u32, &str)> {
        let s = u32::try_from(session).unwrap_or(u32::MAX);
        let start = self.entries.partition_point(|e| e.session < s);
        let end = self
            .entries
            .partition_point(|e| (e.session, e.turn) < (s, SUMMARY));
        (start..end.max(start)).map(move |i| {
            let e = &self.entries[i];
            (
                QuoteRef {
                    turn: e.turn as usize,
                    sentence: e.sentence as usize,
                },
                e.speaker,
                self.text(i),
            )
        })
    }

    /// Where entry `id` is: its session, turn (`None` for a summary sentence), sentence and
    /// speaker index — what a printer needs beside the text, without building a [`Hit`].
    pub fn place(&self, id: u32) -> Place {
        let e = &self.entries[id as usize];
        Place {
            session: e.session as usize,
            turn: (e.turn != SUMMARY).then_some(e.turn as usize),
            sentence: e.sentence as usize,
            speaker: e.speaker,
        }
    }

    /// Bytes of quote text held.
    pub fn text_bytes(&self) -> usize {
        self.text.len()
    }

    fn hit(&self, id: u32, score: i64, matched: Vec<usize>) -> Hit {
        let e = &self.entries[id as usize];
        let summary = (e.turn == SUMMARY).then_some(e.sentence as usize);
        Hit {
            session: e.session as usize,
            quote: match summary {
                Some(_) => QuoteRef {
                    turn: 0,
                    sentence: 0,
                },
                None => QuoteRef {
                    turn: e.turn as usize,
                    sentence: e.sentence as usize,
                },
            },
            speaker: e.speaker as usize,
            summary,
            score,
            matched,
        }
    }
}

/// One ranked quote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    /// Which session of the index (0 for a one-session index).
    pub session: usize,
    /// Where the quote is in the transcript (unused, `t1.1`, for a summary hit).
    pub quote: QuoteRef,
    /// The speaker index; `usize::MAX` when unknown, or for the session summary.
    pub speaker: usize,
    /// `Some(i)` when the hit is the `i`-th summary sentence ([`crate::sources::sentences`]
    /// order) rather than something said.
    pub summary: Option<usize>,
    pub score: i64,
    /// Indices of the matched characters (chars, not bytes) in the quote; empty for hits whose
    /// positions were not asked for.
    pub matched: Vec<usize>,
}

/// Where an entry of a [`QuoteIndex`] is (see [`QuoteIndex::place`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Place {
    pub session: usize,
    /// `None` for a sentence of the report's summaries; `sentence` then numbers it.
    pub turn: Option<usize>,
    /// 0-based.
    pub sentence: usize,
    /// The speaker index; `u32::MAX` when unknown, or for the session summary.
    pub speaker: u32,
}

/// Which quotes to search.
#[derive(Debug, Clone, Copy, Default)]
pub struct Scope<'a> {
    /// Only quotes by this speaker index (one-session indexes).
    pub speaker: Option<usize>,
    /// Only these entries (the matches of a query this one narrows).
    pub candidates: Option<&'a [u32]>,
}

/// A match: its score and its entry in the [`QuoteIndex`]. Eight bytes, since a short query
/// may match every quote of a million.
pub type Match = (i32, u32);

/// Quotes per parallel work item: large enough to amortise, small enough to balance two cores.
const CHUNK: usize = 4096;

/// All matches of a query: `(score, entry)` pairs, unordered.
pub fn matches(index: &QuoteIndex, query: &Query, scope: Scope<'_>) -> Vec<Match> {
    if query.is_empty() {
        return Vec::new();
    }
    let keep = |(matcher, buf): &mut (nucleo_matcher::Matcher, Vec<char>), id: u32| {
        let e = &index.entries[id as usize];
        let text = index.text(id as usize);
        if scope.speaker.is_some_and(|s| e.speaker as usize != s) {
            return None;
        }
        query
            .score_with(matcher, buf, text, false)
            .map(|(score, _)| (i32::try_from(score).unwrap_or(i32::MAX), id))
    };
    let init = || (Query::matcher(), Vec::new());
    match scope.candidates {
        Some(ids) => ids
            .par_chunks(CHUNK)
            .map_init(init, |state, c| {
                c.iter()
                    .filter_map(|&id| keep(state, id))
                    .collect::<Vec<_>>()
            })
            .flatten_iter()
            .collect(),
        None => (0..index.entries.len() as u32)
            .into_par_iter()
            .with_min_len(CHUNK)
            .map_init(init, keep)
            .flatten_iter()
            .collect(),
    }
}

/// Best first; ties in index order (session, then transcript order).
fn better(a: &Match, b: &Match) -> std::cmp::Ordering {
    b.0.cmp(&a.0).then(a.1.cmp(&b.1))
}

/// The best `limit` (all without one) of `found` in rank order, as `(score, entry)` pairs: what
/// a printer streams from, asking [`QuoteIndex::place`] and [`QuoteIndex::text`] for each.
pub fn ranked(mut found: Vec<Match>, limit: Option<usize>) -> Vec<Match> {
    if let Some(k) = limit.filter(|&k| k < found.len()) {
        if k == 0 {
            return Vec::new();
        }
        found.select_nth_unstable_by(k - 1, better);
        found.truncate(k);
    }
    found.par_sort_unstable_by(better);
    found
}

/// The `k` best of `found`, in rank order, with match positions. Partial selection: the rest
/// is never sorted.
pub fn top(index: &QuoteIndex, query: &Query, found: &mut [Match], k: usize) -> Vec<Hit> {
    best(index, query, found, k, true)
}

/// The `k` best of `found` without match positions: the browser lights only the rows it draws.
pub fn top_unlit(index: &QuoteIndex, query: &Query, found: &mut [Match], k: usize) -> Vec<Hit> {
    best(index, query, found, k, false)
}

fn best(
    index: &QuoteIndex,
    query: &Query,
    found: &mut [Match],
    k: usize,
    positions: bool,
) -> Vec<Hit> {
    let k = k.min(found.len());
    if k == 0 {
        return Vec::new();
    }
    if k < found.len() {
        found.select_nth_unstable_by(k - 1, better);
    }
    let best = &mut found[..k];
    best.par_sort_unstable_by(better);
    best.par_iter()
        .with_min_len(256)
        .map_init(
            || (Query::matcher(), Vec::new()),
            |(matcher, buf), &(score, id)| {
                let matched = if positions {
                    query
                        .score_with(matcher, buf, index.text(id as usize), true)
                        .map(|(_, m)| m)
                        .unwrap_or_default()
                } else {
                    Vec::new()
                };
                index.hit(id, i64::from(score), matched)
            },
        )
        .collect()
}

/// Ranks every quote of `index` against `query`, best first (for the command line, which
/// prints every hit); match positions only when `positions` asks for them (highlighting, JSON).
/// `speaker` restricts a one-session search.
pub fn rank_all(
    index: &QuoteIndex,
    query: &str,
    speaker: Option<usize>,
    positions: bool,
) -> Vec<Hit> {
    let query = Query::new(query);
    let mut found = matches(
        index,
        &query,
        Scope {
            speaker,
            candidates: None,
        },
    );
    let n = found.len();
    best(index, &query, &mut found, n, positions)
}

/// [`rank_all`] with match positions.
pub fn rank(index: &QuoteIndex, query: &str, speaker: Option<usize>) -> Vec<Hit> {
    rank_all(index, query, speaker, true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_query_matches_nothing() {
        assert!(rank(&QuoteIndex::default(), "   ", None).is_empty());
    }

    #[test]
    fn top_selects_the_best_in_order() {
        let session = crate::bundled::session().expect("bundled");
        let index = QuoteIndex::new(&session);
        let query = Query::new("information sharing");
        let mut found = matches(&index, &query, Scope::default());
        let all = rank(&index, "information sharing", None);
        let best = top(&index, &query, &mut found, 5);
        assert_eq!(best, all[..5].to_vec());
        assert!(best.iter().all(|h| !h.matched.is_empty()));
    }

    #[test]
    fn a_narrowed_search_finds_the_same_as_a_full_one() {
        let session = crate::bundled::session().expect("bundled");
        let index = QuoteIndex::new(&session);
        let first = Query::new("inf");
        let ids: Vec<u32> = matches(&index, &first, Scope::default())
            .into_iter()
            .map(|(_, id)| id)
            .collect();
        let next = Query::new("informat sh");
        assert!(next.narrows(&first));
        let mut narrowed = matches(
            &index,
            &next,
            Scope {
                speaker: None,
                candidates: Some(&ids),
            },
        );
        let mut full = matches(&index, &next, Scope::default());
        narrowed.sort_unstable();
        full.sort_unstable();
        assert_eq!(narrowed, full);
    }
}
