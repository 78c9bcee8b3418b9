//! A search query in fzf's syntax, scored with nucleo-matcher (the matcher of helix and
//! television).
//!
//! White space separates terms that must all match; `a | b` matches either. A term is matched
//! fuzzily (its letters in order) unless marked: `'exact` (a substring), `^prefix` (the quote
//! starts with it), `suffix$` (ends with it), `^whole$`, and `!term` excludes quotes holding it
//! (`!^pre`, `!suf$` too). An uppercase letter makes a term case-sensitive (smart case); accents
//! in the quote match plain letters in the term (`cafe` finds `café`). Quotes holding all the
//! fuzzy terms as one phrase rank first. `\ ` is a literal space inside a term.

use nucleo_matcher::pattern::{Atom, AtomKind, CaseMatching, Normalization};
use nucleo_matcher::{Config, Matcher, Utf32Str};

/// One term of a query, with what the prefilter needs to know of it.
#[derive(Debug, Clone)]
struct Term {
    atom: Atom,
    /// The needle as typed (without its marks), for the prefilter and the phrase.
    text: String,
    case_sensitive: bool,
}

/// A parsed query; reuse it across quotes (and threads: matching needs a [`Matcher`] per
/// thread, see [`Query::matcher`]).
#[derive(Debug, Clone)]
pub struct Query {
    source: String,
    /// Groups that must all match; a group matches when any of its terms does.
    groups: Vec<Vec<Term>>,
    /// The fuzzy terms joined by one space, when there are several: a quote holding them as
    /// a phrase ranks above one that holds them apart.
    phrase: Option<String>,
}

/// What a quote earns per character for holding the whole query as a phrase: enough to rank
/// phrases first without drowning the fuzzy ranking (nucleo scores a matched letter ~16).
const PHRASE_BONUS_PER_CHAR: i64 = 8;

/// Splits on white space not escaped with a backslash.
fn tokens(query: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    let mut chars = query.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\\' && chars.peek() == Some(&' ') {
            current.push_str("\\ ");
            chars.next();
        } else if c.is_whitespace() {
            if !current.is_empty() {
                out.push(std::mem::take(&mut current));
            }
        } else {
            current.push(c);
        }
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

/// A term's needle without fzf's marks.
fn needle(token: &str) -> String {
    let t = token.strip_prefix('!').unwrap_or(token);
    let t = t.strip_prefix(['\'', '^']).unwrap_or(t);
    let t = t.strip_suffix('$').unwrap_or(t);
    t.replace("\\ ", " ")
}

impl Query {
    pub fn new(query: &str) -> Self {
        let mut groups: Vec<Vec<Term>> = Vec::new();
        let mut join_next = false;
        for token in tokens(query) {
            if token == "|" {
                join_next = !groups.is_empty();
                continue;
            }
            let text = needle(&token);
            if text.is_empty() {
                continue;
            }
            let case_sensitive = text.chars().any(char::is_uppercase);
            let term = Term {
                atom: Atom::parse(&token, CaseMatching::Smart, Normalization::Smart),
                text,
                case_sensitive,
            };
            match groups.last_mut() {
                Some(group) if join_next => group.push(term),
                _ => groups.push(vec![term]),
            }
            join_next = false;
        }
        let fuzzy: Vec<&str> = groups
            .iter()
            .filter_map(|g| match g.as_slice() {
                [t] if t.atom.kind == AtomKind::Fuzzy && !t.atom.negative => Some(t.text.as_str()),
                _ => None,
            })
            .collect();
        let phrase = (fuzzy.len() > 1).then(|| fuzzy.join(" "));
        Query {
            source: tokens(query).join(" "),
            groups,
            phrase,
        }
    }

    /// The query as typed, white space folded.
    pub fn text(&self) -> &str {
        &self.source
    }

    pub fn is_empty(&self) -> bool {
        !self.groups.iter().flatten().any(|t| !t.atom.negative)
    }

    /// Whether the query is plain words: no fzf marks, alternatives or exclusions.
    pub fn is_plain(&self) -> bool {
        self.groups
            .iter()
            .all(|g| g.len() == 1 && g[0].atom.kind == AtomKind::Fuzzy && !g[0].atom.negative)
    }

    /// A matcher for one thread.
    pub fn matcher() -> Matcher {
        Matcher::new(Config::DEFAULT)
    }

    /// Whether every quote this query matches is also matched by `previous`, so a search can
    /// start from `previous`'s matches: the same plain terms, the last one typed further (or
    /// terms added). Alternatives, exclusions and `$` anchors never narrow.
    pub fn narrows(&self, previous: &Query) -> bool {
        let plain = |q: &Query| {
            q.groups.iter().all(|g| {
                g.len() == 1
                    && !g[0].atom.negative
                    && matches!(
                        g[0].atom.kind,
                        AtomKind::Fuzzy | AtomKind::Substring | AtomKind::Prefix
                    )
            })
        };
        !previous.is_empty()
            && plain(previous)
            && plain(self)
            && previous.groups.len() <= self.groups.len()
            && previous.groups.iter().zip(&self.groups).all(|(a, b)| {
                a[0].atom.kind == b[0].atom.kind
                    && a[0].case_sensitive == b[0].case_sensitive
                    && b[0].text.starts_with(a[0].text.as_str())
            })
    }

    /// Cheap rejection for ASCII quotes: each group needs one term whose letters occur in the
    /// quote in order (memchr) — true of every kind of positive match. `true` means "score it".
    /// Non-ASCII quotes always pass: accents fold to plain letters in matching.
    pub(crate) fn may_match(&self, quote: &str) -> bool {
        if !quote.is_ascii() {
            return true;
        }
        let hay = quote.as_bytes();
        self.groups.iter().all(|g| {
            g.iter().any(|t| {
                t.atom.negative
                    || !t.text.is_ascii()
                    || subsequence(hay, t.text.as_bytes(), t.case_sensitive)
            })
        })
    }

    /// Score and matched char indices of one quote, or `None` when it does not match.
    pub fn score(&self, quote: &str) -> Option<(i64, Vec<usize>)> {
        self.score_with(&mut Self::matcher(), &mut Vec::new(), quote, true)
    }

    /// Scores `quote` with a thread's `matcher` and a scratch `buf`; match positions only when
    /// asked for.
    pub fn score_with(
        &self,
        matcher: &mut Matcher,
        buf: &mut Vec<char>,
        quote: &str,
        positions: bool,
    ) -> Option<(i64, Vec<usize>)> {
        if self.is_empty() || !self.may_match(quote) {
            return None;
        }
        let hay = Utf32Str::new(quote, buf);
        let mut total = 0i64;
        let mut indices: Vec<u32> = Vec::new();
        let mut scratch: Vec<u32> = Vec::new();
        for group in &self.groups {
            let mut best: Option<(u16, usize)> = None;
            for (i, term) in group.iter().enumerate() {
                if let Some(s) = term.atom.score(hay, matcher)
                    && best.is_none_or(|(b, _)| s > b)
                {
                    best = Some((s, i));
                }
            }
            let (score, i) = best?;
            total += i64::from(score);
            if positions && !group[i].atom.negative {
                scratch.clear();
                group[i].atom.indices(hay, matcher, &mut scratch);
                indices.extend_from_slice(&scratch);
            }
        }
        if let Some(phrase) = &self.phrase {
            let case_sensitive = phrase.chars().any(char::is_uppercase);
            if let Some(start) = find_chars(quote, phrase, case_sensitive) {
                let len = phrase.chars().count();
                total += PHRASE_BONUS_PER_CHAR * len as i64;
                // Light the phrase itself rather than letters scattered before it.
                if positions {
                    let fuzzy: std::collections::HashSet<u32> = self
                        .groups
                        .iter()
                        .filter(|g| g.len() == 1 && g[0].atom.kind == AtomKind::Fuzzy)
                        .flat_map(|g| {
                            scratch.clear();
                            g[0].atom.indices(hay, matcher, &mut scratch);
                            scratch.clone()
                        })
                        .collect();
                    indices.retain(|i| !fuzzy.contains(i));
                    indices.extend(start as u32..(start + len) as u32);
                }
            }
        }
        let mut matched: Vec<usize> = indices.into_iter().map(|i| i as usize).collect();
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
    if case_sensitive || (hay.is_ascii() && needle.is_ascii()) {
        let pos = if case_sensitive {
            memchr::memmem::find(hay.as_bytes(), needle.as_bytes())
        } else {
            let h = hay.to_ascii_lowercase();
            memchr::memmem::find(h.as_bytes(), needle.to_ascii_lowercase().as_bytes())
        }?;
        return Some(hay[..pos].chars().count());
    }
    let fold = |c: char| -> char { c.to_lowercase().next().unwrap_or(c) };
    let hay: Vec<char> = hay.chars().map(fold).collect();
    let needle: Vec<char> = needle.chars().map(fold).collect();
    if needle.is_empty() || needle.len() > hay.len() {
        return None;
    }
    hay.windows(needle.len())
        .position(|w| w == needle.as_slice())
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
    fn fzf_syntax_prefix_suffix_negation_and_alternatives() {
        let text = "Cyber hygiene starts at home.";
        assert!(q("^cyber", text).is_some());
        assert!(q("^hygiene", text).is_none());
        assert!(q("home.$", text).is_some());
        assert!(q("cyber$", text).is_none());
        assert!(q("^cyber\\ hygiene", text).is_some(), "an escaped space");
        assert!(q("hygiene !home", text).is_none());
        assert!(q("hygiene !office", text).is_some());
        assert!(q("!^cyber hygiene", text).is_none());
        assert!(q("!home.$ hygiene", text).is_none());
        assert!(q("'office | 'home", text).is_some());
        assert!(q("'office | 'garden", text).is_none());
        assert!(q("'office | 'home cyber", text).is_some());
        assert!(q("'office | 'home zebra", text).is_none());
        assert!(
            Query::new("!home").is_empty(),
            "an exclusion alone finds nothing"
        );
    }

    #[test]
    fn accents_fold_to_plain_letters() {
        assert!(q("cafe", "un café noir").is_some());
        assert!(q("'cafe", "un café noir").is_some());
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
    fn narrowing_queries() {
        let narrows = |a: &str, b: &str| Query::new(b).narrows(&Query::new(a));
        assert!(narrows("inf", "info"));
        assert!(narrows("info", "info sha"));
        assert!(!narrows("info", "inf"));
        assert!(!narrows("info", "'info"));
        assert!(!narrows("", "a"));
        assert!(!narrows("a", "a | b"));
        assert!(!narrows("a", "a !b"));
        assert!(!narrows("a", "ab$"));
    }

    proptest::proptest! {
        /// The prefilter only ever skips quotes the scorer would reject: over random quotes and
        /// queries mixing cases, accents, curly quotes, dashes, spaces and fzf's marks.
        #[test]
        fn the_prefilter_never_rejects_what_the_scorer_accepts(
            text in "[a-cA-CéÉ’'\\- .]{0,24}",
            query in "[!^']?[a-cA-CéÉ’\\- ]{1,6}[$]?( \\| [a-c]{1,3})?",
        ) {
            let query = Query::new(&query);
            proptest::prop_assume!(!query.is_empty());
            let mut matcher = Query::matcher();
            let mut buf = Vec::new();
            // Score without the prefilter: every group's best term, as score_with does.
            let hay = Utf32Str::new(&text, &mut buf);
            let scored = query.groups.iter().all(|g| g.iter().any(|t| t.atom.score(hay, &mut matcher).is_some()));
            proptest::prop_assert!(query.may_match(&text) || !scored, "{} / {}", query.source, text);
        }
    }
}
