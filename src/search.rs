//! Quote search: a query against every sentence of one session or a whole library, ranked by
//! fuzzy-matcher's Skim v2 score, then by position.
//!
//! The query follows fzf: white space separates terms that must all match; a term is matched
//! fuzzily (its letters in order) unless it starts with `'`, which asks for that exact substring;
//! a term with an uppercase letter is case-sensitive, otherwise case is ignored (smart case).
//! Quotes holding all the fuzzy terms as one phrase rank first.
//!
//! Built for size: quotes live in one text buffer with offsets; a memchr subsequence test
//! rejects most quotes before the scorer runs; scoring runs in parallel chunks; only the best
//! hits are selected (no full sort) and only they get match positions; a query that extends the
//! previous one scores only the previous matches.

use fuzzy_matcher::skim::SkimMatcherV2;
use rayon::prelude::*;

use crate::session::{QuoteRef, Session};

/// Every quote of one or more sessions in one text buffer.
#[derive(Debug, Clone, Default)]
pub struct QuoteIndex {
    text: String,
    entries: Vec<Entry>,
}

#[derive(Debug, Clone, Copy)]
struct Entry {
    session: u32,
    turn: u32,
    sentence: u32,
    /// Index into the session's speakers (`u32::MAX` when the turn's speaker is unknown).
    speaker: u32,
    start: usize,
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
            let start = self.text.len();
            self.text.push_str(text);
            self.entries.push(Entry {
                session: si as u32,
                turn: quote.turn as u32,
                sentence: quote.sentence as u32,
                speaker: speakers[quote.turn],
                start,
                end: self.text.len(),
            });
        }
    }

    /// Adds a session's quotes from its digest as session number `si`.
    pub fn push_digest(&mut self, si: usize, digest: &crate::digest::Digest) {
        let mut start = self.text.len();
        self.text.push_str(&digest.text);
        for &(turn, sentence, len) in &digest.quotes {
            let end = start + len as usize;
            self.entries.push(Entry {
                session: si as u32,
                turn,
                sentence,
                speaker: digest.turns.get(turn as usize).map_or(u32::MAX, |t| t.1),
                start,
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
        let e = &self.entries[i];
        &self.text[e.start..e.end]
    }

    /// The text of a hit's quote (hits carry no entry number; session, turn and sentence find it).
    pub fn quote(&self, hit: &Hit) -> &str {
        let (s, t, n) = (
            hit.session as u32,
            hit.quote.turn as u32,
            hit.quote.sentence as u32,
        );
        let at = self
            .entries
            .partition_point(|e| (e.session, e.turn, e.sentence) < (s, t, n));
        self.entries
            .get(at)
            .filter(|e| (e.session, e.turn, e.sentence) == (s, t, n))
            .map_or("", |e| &self.text[e.start..e.end])
    }

    /// Bytes of quote text held.
    pub fn text_bytes(&self) -> usize {
        self.text.len()
    }

    fn hit(&self, id: u32, score: i64, matched: Vec<usize>) -> Hit {
        let e = &self.entries[id as usize];
        Hit {
            session: e.session as usize,
            quote: QuoteRef {
                turn: e.turn as usize,
                sentence: e.sentence as usize,
            },
            speaker: e.speaker as usize,
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
    pub quote: QuoteRef,
    pub speaker: usize,
    pub score: i64,
    /// Indices of the matched characters (chars, not bytes) in the quote; empty for hits whose
    /// positions were not asked for.
    pub matched: Vec<usize>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Term {
    Fuzzy { text: String, case_sensitive: bool },
    Exact { text: String, case_sensitive: bool },
}

/// A parsed query; reuse it across quotes.
pub struct Query {
    source: String,
    terms: Vec<Term>,
    /// The fuzzy terms joined by one space, when there are several: a quote holding them as
    /// a phrase ranks above one that holds them apart.
    phrase: Option<String>,
    matcher: SkimMatcherV2,
}

/// What a quote earns per character for holding the whole query as a phrase: half a matched
/// letter's score, enough to rank phrases first without drowning the fuzzy ranking.
const PHRASE_BONUS_PER_CHAR: i64 = 8;

impl Query {
    pub fn new(query: &str) -> Self {
        let terms: Vec<Term> = query
            .split_whitespace()
            .filter_map(|t| {
                let (exact, text) = match t.strip_prefix('\'') {
                    Some("") => return None,
                    Some(e) => (true, e),
                    None => (false, t),
                };
                let case_sensitive = text.chars().any(char::is_uppercase);
                let text = text.to_string();
                Some(if exact {
                    Term::Exact {
                        text,
                        case_sensitive,
                    }
                } else {
                    Term::Fuzzy {
                        text,
                        case_sensitive,
                    }
                })
            })
            .collect();
        let fuzzy: Vec<&str> = terms
            .iter()
            .filter_map(|t| match t {
                Term::Fuzzy { text, .. } => Some(text.as_str()),
                Term::Exact { .. } => None,
            })
            .collect();
        let phrase = (fuzzy.len() > 1).then(|| fuzzy.join(" "));
        Query {
            source: query.split_whitespace().collect::<Vec<_>>().join(" "),
            terms,
            phrase,
            matcher: SkimMatcherV2::default().smart_case(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// Whether every quote this query matches is also matched by `previous`, so a search can
    /// start from `previous`'s matches: the same terms, the last one typed further.
    pub fn narrows(&self, previous: &Query) -> bool {
        !previous.is_empty()
            && self.source.starts_with(&previous.source)
            && previous.terms.len() <= self.terms.len()
            && previous
                .terms
                .iter()
                .zip(&self.terms)
                .all(|(a, b)| match (a, b) {
                    (Term::Fuzzy { text: x, .. }, Term::Fuzzy { text: y, .. })
                    | (Term::Exact { text: x, .. }, Term::Exact { text: y, .. }) => {
                        y.starts_with(x.as_str())
                    }
                    _ => false,
                })
    }

    /// Cheap rejection: each ASCII fuzzy term's letters must occur in order (memchr), each exact
    /// case-sensitive term as a substring. `true` means "score it".
    fn may_match(&self, quote: &str) -> bool {
        let hay = quote.as_bytes();
        self.terms.iter().all(|t| match t {
            Term::Fuzzy {
                text,
                case_sensitive,
            } if text.is_ascii() => subsequence(hay, text.as_bytes(), *case_sensitive),
            Term::Exact {
                text,
                case_sensitive: true,
            } => memchr::memmem::find(hay, text.as_bytes()).is_some(),
            _ => true,
        })
    }

    /// Score and matched char indices of one quote, or `None` when a term does not match.
    pub fn score(&self, quote: &str) -> Option<(i64, Vec<usize>)> {
        self.score_with(quote, true)
    }

    fn score_with(&self, quote: &str, positions: bool) -> Option<(i64, Vec<usize>)> {
        if !self.may_match(quote) {
            return None;
        }
        let mut total = 0i64;
        let mut fuzzy_hits = Vec::new();
        let mut exact_hits = Vec::new();
        for term in &self.terms {
            match term {
                Term::Fuzzy { text, .. } => {
                    let (score, indices) = self.matcher.fuzzy(quote, text, positions)?;
                    total += score;
                    fuzzy_hits.extend(indices);
                }
                Term::Exact {
                    text,
                    case_sensitive,
                } => {
                    let start = find_chars(quote, text, *case_sensitive)?;
                    let len = text.chars().count();
                    total += self.matcher.fuzzy(text, text, false).map_or(0, |(s, _)| s);
                    if positions {
                        exact_hits.extend(start..start + len);
                    }
                }
            }
        }
        if let Some(phrase) = &self.phrase {
            let case_sensitive = phrase.chars().any(char::is_uppercase);
            if let Some(start) = find_chars(quote, phrase, case_sensitive) {
                let len = phrase.chars().count();
                total += PHRASE_BONUS_PER_CHAR * len as i64;
                // Light the phrase itself rather than letters scattered before it.
                if positions {
                    fuzzy_hits = (start..start + len).collect();
                }
            }
        }
        let mut matched = fuzzy_hits;
        matched.append(&mut exact_hits);
        matched.sort_unstable();
        matched.dedup();
        Some((total, matched))
    }
}

/// Whether `needle`'s bytes occur in `hay` in order, ASCII case folded unless asked not to.
fn subsequence(hay: &[u8], needle: &[u8], case_sensitive: bool) -> bool {
    let mut at = 0;
    for &b in needle {
        let rest = &hay[at..];
        let found = if case_sensitive || !b.is_ascii_alphabetic() {
            memchr::memchr(b, rest)
        } else {
            memchr::memchr2(b.to_ascii_lowercase(), b.to_ascii_uppercase(), rest)
        };
        match found {
            Some(p) => at += p + 1,
            None => return false,
        }
    }
    true
}

/// Char index of the first occurrence of `needle` in `hay`.
fn find_chars(hay: &str, needle: &str, case_sensitive: bool) -> Option<usize> {
    let fold = |c: char| -> char {
        if case_sensitive {
            c
        } else {
            c.to_lowercase().next().unwrap_or(c)
        }
    };
    let hay: Vec<char> = hay.chars().map(fold).collect();
    let needle: Vec<char> = needle.chars().map(fold).collect();
    if needle.is_empty() || needle.len() > hay.len() {
        return None;
    }
    hay.windows(needle.len())
        .position(|w| w == needle.as_slice())
}

/// Which quotes to search.
#[derive(Debug, Clone, Copy, Default)]
pub struct Scope<'a> {
    /// Only quotes by this speaker index (one-session indexes).
    pub speaker: Option<usize>,
    /// Only these entries (the matches of a query this one narrows).
    pub candidates: Option<&'a [u32]>,
}

/// Quotes per parallel work item: large enough to amortise, small enough to balance two cores.
const CHUNK: usize = 4096;

/// All matches of a query: `(score, entry)` pairs, unordered.
pub fn matches(index: &QuoteIndex, query: &Query, scope: Scope<'_>) -> Vec<(i64, u32)> {
    if query.is_empty() {
        return Vec::new();
    }
    let keep = |id: u32| {
        let e = &index.entries[id as usize];
        let text = &index.text[e.start..e.end];
        if scope.speaker.is_some_and(|s| e.speaker as usize != s) {
            return None;
        }
        query.score_with(text, false).map(|(score, _)| (score, id))
    };
    match scope.candidates {
        Some(ids) => ids
            .par_chunks(CHUNK)
            .flat_map_iter(|c| c.iter().filter_map(|&id| keep(id)))
            .collect(),
        None => (0..index.entries.len() as u32)
            .into_par_iter()
            .with_min_len(CHUNK)
            .filter_map(keep)
            .collect(),
    }
}

/// Best first; ties in index order (session, then transcript order).
fn better(a: &(i64, u32), b: &(i64, u32)) -> std::cmp::Ordering {
    b.0.cmp(&a.0).then(a.1.cmp(&b.1))
}

/// The `k` best of `found`, in rank order, with match positions. Partial selection: the rest
/// is never sorted.
pub fn top(index: &QuoteIndex, query: &Query, found: &mut [(i64, u32)], k: usize) -> Vec<Hit> {
    best(index, query, found, k, true)
}

/// The `k` best of `found` without match positions: the browser lights only the rows it draws.
pub fn top_unlit(
    index: &QuoteIndex,
    query: &Query,
    found: &mut [(i64, u32)],
    k: usize,
) -> Vec<Hit> {
    best(index, query, found, k, false)
}

fn best(
    index: &QuoteIndex,
    query: &Query,
    found: &mut [(i64, u32)],
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
        .map(|&(score, id)| {
            let matched = if positions {
                query
                    .score(index.text(id as usize))
                    .map(|(_, m)| m)
                    .unwrap_or_default()
            } else {
                Vec::new()
            };
            index.hit(id, score, matched)
        })
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

    fn q(query: &str, text: &str) -> Option<Vec<usize>> {
        Query::new(query).score(text).map(|(_, m)| m)
    }

    #[test]
    fn all_terms_must_match() {
        assert!(q("info shar", "information sharing matters").is_some());
        assert!(q("info zzz", "information sharing matters").is_none());
    }

    #[test]
    fn smart_case() {
        assert!(q("cert", "National CERT").is_some());
        assert!(q("CERT", "certainly").is_none());
    }

    #[test]
    fn exact_terms_are_substrings() {
        assert_eq!(q("'hyg", "cyber hygiene"), Some(vec![6, 7, 8]));
        assert!(q("'hgy", "cyber hygiene").is_none());
        assert_eq!(q("'É", "café É"), Some(vec![5]));
    }

    #[test]
    fn a_phrase_outranks_its_words_apart() {
        let query = Query::new("information sharing");
        let (together, lit) = query.score("we do information sharing").expect("match");
        let (apart, _) = query.score("sharing information is hard").expect("match");
        assert!(together > apart, "{together} <= {apart}");
        assert_eq!(lit, (6..25).collect::<Vec<_>>());
    }

    #[test]
    fn typo_still_matches_fuzzily() {
        assert!(q("hygene", "cyber hygiene").is_some());
    }

    #[test]
    fn matched_indices_are_chars() {
        let m = q("’s", "let’s go").expect("match");
        assert_eq!(m, vec![3, 4]);
    }

    #[test]
    fn empty_query_matches_nothing() {
        assert!(rank(&QuoteIndex::default(), "   ", None).is_empty());
    }

    proptest::proptest! {
        /// The prefilter only ever skips quotes the scorer would reject: over random quotes and
        /// queries mixing cases, accents, curly quotes, dashes and spaces.
        #[test]
        fn the_prefilter_never_rejects_what_the_scorer_accepts(
            text in "[a-cA-CéÉ’'\\- .]{0,24}",
            query in "'?[a-cA-CéÉ’\\- ]{1,6}",
        ) {
            let query = Query::new(&query);
            proptest::prop_assume!(!query.terms.is_empty());
            let scored = query.score(&text).is_some();
            proptest::prop_assert!(query.may_match(&text) || !scored, "{} / {}", query.source, text);
        }
    }

    #[test]
    fn narrowing_queries() {
        let narrows = |a: &str, b: &str| Query::new(b).narrows(&Query::new(a));
        assert!(narrows("inf", "info"));
        assert!(narrows("info", "info sha"));
        assert!(narrows("'ab", "'abc"));
        assert!(!narrows("info", "inf"));
        assert!(!narrows("info", "'info"));
        assert!(!narrows("", "a"));
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
