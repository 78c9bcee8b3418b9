//! Quote search: a query against every sentence of a session, ranked by fuzzy-matcher's Skim v2
//! score, then by position in the transcript.
//!
//! The query follows fzf: white space separates terms that must all match; a term is matched
//! fuzzily (its letters in order) unless it starts with `'`, which asks for that exact substring;
//! a term with an uppercase letter is case-sensitive, otherwise case is ignored (smart case).

use std::ops::Range;

use fuzzy_matcher::skim::SkimMatcherV2;

use crate::session::{QuoteRef, Session};

/// Every quote of a session in one text buffer, so a search walks contiguous memory.
#[derive(Debug, Clone, Default)]
pub struct QuoteIndex {
    text: String,
    entries: Vec<Entry>,
}

#[derive(Debug, Clone)]
struct Entry {
    quote: QuoteRef,
    /// Index into `Session::speakers` (`usize::MAX` when the turn's speaker is unknown).
    speaker: usize,
    span: Range<usize>,
}

impl QuoteIndex {
    pub fn new(session: &Session) -> Self {
        let mut index = QuoteIndex::default();
        for (quote, text) in session.quotes() {
            let speaker = session
                .speaker_index(&session.turns[quote.turn].speaker)
                .unwrap_or(usize::MAX);
            let start = index.text.len();
            index.text.push_str(text);
            index.entries.push(Entry {
                quote,
                speaker,
                span: start..index.text.len(),
            });
        }
        index
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The text of the `i`-th quote in transcript order.
    pub fn text(&self, i: usize) -> &str {
        &self.text[self.entries[i].span.clone()]
    }
}

/// One ranked quote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub quote: QuoteRef,
    pub speaker: usize,
    pub score: i64,
    /// Indices of the matched characters (chars, not bytes) in the quote.
    pub matched: Vec<usize>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Term {
    Fuzzy(String),
    Exact { text: String, case_sensitive: bool },
}

/// A parsed query; reuse it across quotes.
pub struct Query {
    terms: Vec<Term>,
    /// The fuzzy terms joined by one space, when there are several: a quote holding them as
    /// a phrase ranks above one that holds them apart.
    phrase: Option<String>,
    matcher: SkimMatcherV2,
}

impl Query {
    pub fn new(query: &str) -> Self {
        let terms = query
            .split_whitespace()
            .filter_map(|t| match t.strip_prefix('\'') {
                Some("") => None,
                Some(exact) => Some(Term::Exact {
                    text: exact.to_string(),
                    case_sensitive: exact.chars().any(char::is_uppercase),
                }),
                None => Some(Term::Fuzzy(t.to_string())),
            })
            .collect::<Vec<_>>();
        let fuzzy: Vec<&str> = terms
            .iter()
            .filter_map(|t| match t {
                Term::Fuzzy(f) => Some(f.as_str()),
                Term::Exact { .. } => None,
            })
            .collect();
        let phrase = (fuzzy.len() > 1).then(|| fuzzy.join(" "));
        Query {
            terms,
            phrase,
            matcher: SkimMatcherV2::default().smart_case(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// Score and matched char indices of one quote, or `None` when a term does not match.
    pub fn score(&self, quote: &str) -> Option<(i64, Vec<usize>)> {
        let mut total = 0i64;
        let mut fuzzy_hits = Vec::new();
        let mut exact_hits = Vec::new();
        for term in &self.terms {
            match term {
                Term::Fuzzy(t) => {
                    let (score, indices) = self.matcher.fuzzy(quote, t, true)?;
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
                    exact_hits.extend(start..start + len);
                }
            }
        }
        if let Some(phrase) = &self.phrase {
            let case_sensitive = phrase.chars().any(char::is_uppercase);
            if let Some(start) = find_chars(quote, phrase, case_sensitive) {
                let len = phrase.chars().count();
                total += PHRASE_BONUS_PER_CHAR * len as i64;
                // Light the phrase itself rather than letters scattered before it.
                fuzzy_hits = (start..start + len).collect();
            }
        }
        let mut matched = fuzzy_hits;
        matched.append(&mut exact_hits);
        matched.sort_unstable();
        matched.dedup();
        Some((total, matched))
    }
}

/// What a quote earns per character for holding the whole query as a phrase: half a matched
/// letter's score, enough to rank phrases first without drowning the fuzzy ranking.
const PHRASE_BONUS_PER_CHAR: i64 = 8;

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

/// Ranks the quotes of `index` against `query`, best first; ties keep transcript order.
/// `speaker` restricts the search to one speaker (an index into `Session::speakers`).
pub fn rank(index: &QuoteIndex, query: &str, speaker: Option<usize>) -> Vec<Hit> {
    let query = Query::new(query);
    if query.is_empty() {
        return Vec::new();
    }
    let mut hits: Vec<Hit> = index
        .entries
        .iter()
        .filter(|e| speaker.is_none_or(|s| e.speaker == s))
        .filter_map(|e| {
            let (score, matched) = query.score(&index.text[e.span.clone()])?;
            Some(Hit {
                quote: e.quote,
                speaker: e.speaker,
                score,
                matched,
            })
        })
        .collect();
    hits.sort_by(|a, b| b.score.cmp(&a.score).then(a.quote.cmp(&b.quote)));
    hits
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
}
