//! Summary → sources: for each sentence of a report's summaries (the session summary and each
//! speaker's), the transcript sentences that support it, ranked. Lexical and explainable — no
//! network, no model: BM25 over the session's sentences, words stemmed (Snowball) and stop words
//! left out, names and numbers weighing double, sentences of the summarised speaker's own turns
//! preferred a little. A summary sentence whose best source shares too little of its weight is
//! marked unsupported: "no clear source in the transcript".

use std::collections::HashMap;
use std::ops::Range;

use crate::session::{QuoteRef, Session, SpeakerIx};
use crate::text;

/// One summary sentence and where the transcript says it.
#[derive(Debug, Clone, PartialEq)]
pub struct Linked {
    /// The speaker whose summary this is; `None` for the session summary.
    pub speaker: Option<SpeakerIx>,
    /// 0-based paragraph within that summary.
    pub paragraph: usize,
    /// Byte range of the sentence within the paragraph.
    pub range: Range<usize>,
    pub sentence: String,
    /// Best first; empty when nothing in the transcript shares a content word.
    pub sources: Vec<Source>,
    /// Share of the sentence's weighted words that its sources hold together (0–1).
    pub coverage: f64,
    /// Whether the sources hold at least [`SUPPORTED_COVERAGE`] of it.
    pub supported: bool,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Source {
    pub quote: QuoteRef,
    pub score: f64,
    /// Share of the summary sentence's weight this source holds (0–1).
    pub coverage: f64,
}

/// How much of a summary sentence's weight its sources together must hold to count as support.
pub const SUPPORTED_COVERAGE: f64 = 0.3;
/// Sources scoring under this share of the best one are not listed.
const LISTED_SHARE: f64 = 0.5;
const MAX_SOURCES: usize = 5;
const K1: f64 = 1.2;
const B: f64 = 0.75;
/// Preference for the summarised speaker's own sentences.
const OWN_TURN: f64 = 1.25;

/// Words reduced to what BM25 compares: lower case, stemmed, stop words dropped.
pub struct Analyzer {
    stemmer: rust_stemmers::Stemmer,
    stop: std::collections::HashSet<&'static str>,
}

impl Analyzer {
    /// For the session's language (English when unknown or unsupported).
    pub fn for_session(session: &Session) -> Analyzer {
        let lang = session.meta.language.as_deref().unwrap_or("en");
        let code = lang.split(['-', '_']).next().unwrap_or("en");
        use rust_stemmers::Algorithm as A;
        let algorithm = match code {
            "de" => A::German,
            "fr" => A::French,
            "es" => A::Spanish,
            "it" => A::Italian,
            "pt" => A::Portuguese,
            "nl" => A::Dutch,
            "sv" => A::Swedish,
            "no" | "nb" | "nn" => A::Norwegian,
            "da" => A::Danish,
            "fi" => A::Finnish,
            "hu" => A::Hungarian,
            "ro" => A::Romanian,
            "ru" => A::Russian,
            "tr" => A::Turkish,
            _ => A::English,
        };
        let stop = stop_words::lookup(code)
            .or_else(|| stop_words::lookup("en"))
            .unwrap_or_default()
            .iter()
            .copied()
            .collect();
        Analyzer {
            stemmer: rust_stemmers::Stemmer::create(algorithm),
            stop,
        }
    }

    /// The terms of `text` with their byte ranges, and whether each is a name or number (a
    /// capitalised word not opening the text, or a word with a digit).
    pub fn terms<'a>(&'a self, text: &'a str) -> impl Iterator<Item = Term> + 'a {
        text::words(text)
            .enumerate()
            .filter_map(move |(i, (at, w))| {
                let lower = w.to_lowercase();
                if self.stop.contains(lower.as_str()) {
                    return None;
                }
                let strong = w.chars().any(|c| c.is_ascii_digit())
                    || (i > 0 && w.chars().next().is_some_and(char::is_uppercase));
                Some(Term {
                    stem: self.stemmer.stem(&lower).into_owned(),
                    range: at..at + w.len(),
                    strong,
                })
            })
    }
}

pub struct Term {
    pub stem: String,
    pub range: Range<usize>,
    pub strong: bool,
}

/// BM25 over a session's sentences.
struct Index {
    postings: HashMap<String, Vec<(u32, u16)>>,
    lengths: Vec<u32>,
    quotes: Vec<QuoteRef>,
    speakers: Vec<SpeakerIx>,
    average: f64,
}

impl Index {
    fn new(session: &Session, analyzer: &Analyzer) -> Index {
        let mut postings: HashMap<String, Vec<(u32, u16)>> = HashMap::new();
        let mut lengths = Vec::new();
        let mut quotes = Vec::new();
        let mut speakers = Vec::new();
        for (q, sentence) in session.quotes() {
            let doc = quotes.len() as u32;
            let mut tf: HashMap<String, u16> = HashMap::new();
            let mut n = 0;
            for term in analyzer.terms(sentence) {
                *tf.entry(term.stem).or_default() += 1;
                n += 1;
            }
            for (stem, count) in tf {
                postings.entry(stem).or_default().push((doc, count));
            }
            lengths.push(n);
            quotes.push(q);
            speakers.push(session.turns[q.turn].speaker);
        }
        let average = if lengths.is_empty() {
            1.0
        } else {
            lengths.iter().map(|&l| f64::from(l)).sum::<f64>() / lengths.len() as f64
        };
        Index {
            postings,
            lengths,
            quotes,
            speakers,
            average: average.max(1.0),
        }
    }

    fn idf(&self, stem: &str) -> f64 {
        let n = self.lengths.len() as f64;
        let df = self.postings.get(stem).map_or(0, Vec::len) as f64;
        ((n - df + 0.5) / (df + 0.5) + 1.0).ln()
    }

    /// Sources for the query terms (stem, weight), best first, and the share of the query's
    /// weight they hold together.
    fn rank(&self, query: &[(String, f64)], own: Option<SpeakerIx>) -> (Vec<Source>, f64) {
        let total: f64 = query.iter().map(|(s, w)| w * self.idf(s)).sum();
        if total <= 0.0 {
            return (Vec::new(), 0.0);
        }
        // Per sentence: score, and which query terms (up to 128) it holds.
        let mut scores: HashMap<u32, (f64, u128)> = HashMap::new();
        for (i, (stem, weight)) in query.iter().enumerate() {
            let Some(list) = self.postings.get(stem) else {
                continue;
            };
            let idf = self.idf(stem);
            for &(doc, tf) in list {
                let tf = f64::from(tf);
                let len = f64::from(self.lengths[doc as usize]);
                let s =
                    weight * idf * tf * (K1 + 1.0) / (tf + K1 * (1.0 - B + B * len / self.average));
                let e = scores.entry(doc).or_default();
                e.0 += s;
                if i < 128 {
                    e.1 |= 1 << i;
                }
            }
        }
        let held = |mask: u128| -> f64 {
            query
                .iter()
                .enumerate()
                .filter(|(i, _)| *i < 128 && mask & (1 << i) != 0)
                .map(|(_, (s, w))| w * self.idf(s))
                .sum::<f64>()
                / total
        };
        let mut ranked: Vec<(Source, u128)> = scores
            .into_iter()
            .map(|(doc, (score, mask))| {
                let mine = own == Some(self.speakers[doc as usize]);
                let source = Source {
                    quote: self.quotes[doc as usize],
                    score: if mine { score * OWN_TURN } else { score },
                    coverage: held(mask),
                };
                (source, mask)
            })
            .collect();
        ranked.sort_by(|(a, _), (b, _)| b.score.total_cmp(&a.score).then(a.quote.cmp(&b.quote)));
        let best = ranked.first().map_or(0.0, |(s, _)| s.score);
        ranked.retain(|(s, _)| s.score >= best * LISTED_SHARE);
        ranked.truncate(MAX_SOURCES);
        let union = held(ranked.iter().fold(0, |m, (_, mask)| m | mask));
        (ranked.into_iter().map(|(s, _)| s).collect(), union)
    }
}

/// The query of a summary sentence: each stem once, names and numbers weighing double.
fn query(analyzer: &Analyzer, sentence: &str) -> Vec<(String, f64)> {
    let mut q: Vec<(String, f64)> = Vec::new();
    for t in analyzer.terms(sentence) {
        let w = if t.strong { 2.0 } else { 1.0 };
        match q.iter_mut().find(|(s, _)| *s == t.stem) {
            Some(e) => e.1 = e.1.max(w),
            None => q.push((t.stem, w)),
        }
    }
    q
}

/// Every summary sentence of `session`, in reading order (session summary, then each speaker's
/// in speaker order), without sources.
pub fn sentences(session: &Session) -> Vec<Linked> {
    let summaries = std::iter::once((None, &session.summary)).chain(
        session
            .speakers
            .iter()
            .enumerate()
            .map(|(i, s)| (Some(SpeakerIx(i)), &s.summary)),
    );
    let mut out = Vec::new();
    for (speaker, paragraphs) in summaries {
        for (p, para) in paragraphs.iter().enumerate() {
            for range in text::sentence_spans(para) {
                out.push(Linked {
                    speaker,
                    paragraph: p,
                    sentence: para[range.clone()].to_string(),
                    range,
                    sources: Vec::new(),
                    coverage: 0.0,
                    supported: false,
                });
            }
        }
    }
    out
}

/// Every summary sentence of `session` with its sources.
pub fn link(session: &Session) -> Vec<Linked> {
    let analyzer = Analyzer::for_session(session);
    let index = Index::new(session, &analyzer);
    let mut all = sentences(session);
    for s in &mut all {
        let (sources, held) = index.rank(&query(&analyzer, &s.sentence), s.speaker);
        s.sources = sources;
        s.coverage = held;
        s.supported = held >= SUPPORTED_COVERAGE;
    }
    all
}

/// Byte ranges of the words of `source` that share a stem with `summary`: what to light.
pub fn shared_words(analyzer: &Analyzer, summary: &str, source: &str) -> Vec<Range<usize>> {
    let wanted: std::collections::HashSet<String> =
        analyzer.terms(summary).map(|t| t.stem).collect();
    analyzer
        .terms(source)
        .filter(|t| wanted.contains(&t.stem))
        .map(|t| t.range)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn find<'a>(linked: &'a [Linked], start: &str) -> &'a Linked {
        linked
            .iter()
            .find(|l| l.sentence.starts_with(start))
            .unwrap_or_else(|| panic!("no summary sentence starting {start:?}"))
    }

    fn turn_id(session: &Session, s: &Source) -> String {
        session.turns[s.quote.turn].id.clone()
    }

    #[test]
    fn seed_summaries_find_the_sources_a_reader_finds() {
        let s = crate::bundled::session().expect("bundled");
        let linked = link(&s);
        let adly = find(
            &linked,
            "Previously, Adly Wahid has gained valuable experience",
        );
        assert_eq!(turn_id(&s, &adly.sources[0]), "t4", "{adly:#?}");
        assert!(adly.supported);
        let masae = find(
            &linked,
            "Masae Toyama, a cybersecurity practitioner, has drawn attention",
        );
        assert_eq!(turn_id(&s, &masae.sources[0]), "t6", "{masae:#?}");
        let device = find(
            &linked,
            "The meeting also underscored the need to understand and prioritize device and personal security.",
        );
        assert_eq!(turn_id(&s, &device.sources[0]), "t18", "{device:#?}");
    }

    #[test]
    fn a_sentence_with_nothing_behind_it_is_unsupported() {
        let mut s = crate::bundled::session().expect("bundled");
        s.summary = vec!["Penguins organised a glacier marathon in Antarctica.".into()];
        let linked = link(&s);
        assert!(!linked[0].supported, "{:#?}", linked[0]);
    }

    #[test]
    fn shared_words_light_stems_not_stop_words() {
        let s = crate::bundled::session().expect("bundled");
        let a = Analyzer::for_session(&s);
        let text = "We are prioritizing the security of devices.";
        let lit: Vec<&str> = shared_words(&a, "prioritize device security", text)
            .into_iter()
            .map(|r| &text[r])
            .collect();
        assert_eq!(lit, ["prioritizing", "security", "devices"]);
    }
}
