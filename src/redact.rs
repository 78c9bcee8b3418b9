//! Redaction for export: the names a researcher lists are replaced with stable pseudonyms
//! (`Person A`, `Person B`, …) in speaker labels, text, titles, summaries and notes, so an
//! interview can leave the machine without the people in it (an ethics requirement of
//! interview research).
//!
//! What is matched, for each listed name (and each other spelling given with it after `|`):
//!
//! - the **full name**, whole-word and case-insensitive, its words separated by any run of
//!   spaces, `-` or `_` (`Jane Doe`, `JANE DOE`, `jane-doe`);
//! - the **surname and the given name** — the last and the first word of a name of two words
//!   or more — whole-word, only where written with a capital (`Doe`, `DOE`, `Doe's`, `Jane`),
//!   so that names that are also words (`Young`, `Do`, `Will`) stay words in lowercase prose
//!   (a capitalised one at the start of a sentence goes too: redaction errs on the safe side);
//! - where the name is a **speaker's** (their name or an alias, compared as names are), every
//!   other name and alias of that speaker too, and the speaker's label becomes the pseudonym.
//!
//! Nicknames and other spellings are matched only when listed, after `|`
//! (`Bernhards Blumbergs | Bibi`, `Adli Wahid | Adly Wahid`); a capitalised word left right
//! before a pseudonym (`Adly Person A`) is reported by [`suspects`].
//! Pseudonyms are given in order of first appearance in the sessions exported, in transcript
//! order (a turn's speaker label, then its text), then the summaries, notes and titles; a
//! listed name that appears nowhere comes after, in list order. The same name gets the same
//! pseudonym in every session of one export.
//!
//! Redacting a turn keeps its sentences where they were (each sentence is redacted in place,
//! not split again), so marks and codes, which address sentences by number, still point at the
//! same passages.

use std::borrow::Cow;

use crate::session::{SentenceSpan, Session, Turn};
use crate::text::fold_name;

/// One person to redact: the spellings given for them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Name {
    pub spellings: Vec<String>,
}

/// Reads a list of names: entries separated by commas or new lines (a file of one name per
/// line), other spellings of one person after `|`; blank entries and `#` comment lines are
/// skipped.
pub fn parse_names(text: &str) -> Vec<Name> {
    text.lines()
        .filter(|l| !l.trim_start().starts_with('#'))
        .flat_map(|l| l.split(','))
        .filter_map(|entry| {
            let spellings: Vec<String> = entry
                .split('|')
                .map(|s| s.split_whitespace().collect::<Vec<_>>().join(" "))
                .filter(|s| !s.is_empty())
                .collect();
            (!spellings.is_empty()).then_some(Name { spellings })
        })
        .collect()
}

/// What one pattern matches: its words, lowercased, and whether case matters for it.
#[derive(Debug, Clone)]
struct Pattern {
    words: Vec<Vec<char>>,
    /// Surnames must start with a capital letter.
    capital: bool,
    /// Which person.
    person: usize,
}

/// Replaces the listed names with pseudonyms; built once for all the sessions of an export.
#[derive(Debug, Clone)]
pub struct Redactor {
    /// Longest first, so `Jane Doe` wins over `Doe`.
    patterns: Vec<Pattern>,
    /// `Person A`, … by person index.
    pseudonyms: Vec<String>,
    /// Each person's full names, folded, to recognise their speaker labels.
    folded: Vec<Vec<String>>,
    /// Whether each person was found anywhere in the sessions.
    found: Vec<bool>,
}

/// `A`, `B`, … `Z`, `AA`, `AB`, …
fn letters(mut n: usize) -> String {
    let mut out = Vec::new();
    loop {
        out.push(b'A' + (n % 26) as u8);
        if n < 26 {
            break;
        }
        n = n / 26 - 1;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

fn words_of(name: &str) -> Vec<Vec<char>> {
    name.split(|c: char| c.is_whitespace() || c == '-' || c == '_')
        .filter(|w| !w.is_empty())
        .map(|w| w.chars().flat_map(char::to_lowercase).collect())
        .collect()
}

impl Redactor {
    /// A redactor for `names` over `sessions`: each name widened by the names of the speaker
    /// it is (if any), pseudonyms in order of first appearance.
    pub fn new(names: &[Name], sessions: &[&Session]) -> Redactor {
        let mut full: Vec<Vec<String>> = names.iter().map(|n| n.spellings.clone()).collect();
        for (person, spellings) in full.iter_mut().enumerate() {
            let folded: Vec<String> = names[person]
                .spellings
                .iter()
                .map(|s| fold_name(s))
                .collect();
            for session in sessions {
                for sp in &session.speakers {
                    if sp.names().any(|n| folded.contains(&fold_name(n))) {
                        for n in sp.names() {
                            if !spellings.iter().any(|s| fold_name(s) == fold_name(n)) {
                                spellings.push(n.to_string());
                            }
                        }
                    }
                }
            }
        }
        let mut patterns = Vec::new();
        for (person, spellings) in full.iter().enumerate() {
            for s in spellings {
                let words = words_of(s);
                if words.is_empty() {
                    continue;
                }
                if words.len() > 1 {
                    for word in [&words[0], &words[words.len() - 1]] {
                        patterns.push(Pattern {
                            words: vec![word.clone()],
                            capital: true,
                            person,
                        });
                    }
                }
                patterns.push(Pattern {
                    words,
                    capital: false,
                    person,
                });
            }
        }
        let len = |p: &Pattern| p.words.iter().map(Vec::len).sum::<usize>() + p.words.len();
        patterns.sort_by_key(|p| std::cmp::Reverse(len(p)));
        let mut redactor = Redactor {
            patterns,
            pseudonyms: vec![String::new(); names.len()],
            folded: full
                .iter()
                .map(|s| s.iter().map(|n| fold_name(n)).collect())
                .collect(),
            found: vec![false; names.len()],
        };
        redactor.name_in_order(sessions);
        redactor
    }

    /// Gives pseudonyms in order of first appearance.
    fn name_in_order(&mut self, sessions: &[&Session]) {
        let mut order: Vec<usize> = Vec::new();
        // Found: as a speaker, or by a full name in the text (a given name or a surname alone
        // may be someone else's: `Rosa Okafr` is not found because a Rosa speaks).
        let mut found = vec![false; self.pseudonyms.len()];
        let mut seen = |person: usize, full: bool| {
            if !order.contains(&person) {
                order.push(person);
            }
            found[person] |= full;
        };
        let look = |text: &str, seen: &mut dyn FnMut(usize, bool)| {
            for (range, who) in self.find(text) {
                let full = self.folded[who].contains(&fold_name(&text[range]));
                seen(who, full);
            }
        };
        for session in sessions {
            for turn in &session.turns {
                if let Some(p) = self.speaker_person(session.speaker_name(turn)) {
                    seen(p, true);
                }
                for p in &turn.paragraphs {
                    look(p, &mut seen);
                }
            }
            let rest = session
                .summary
                .iter()
                .chain(session.speakers.iter().flat_map(|s| &s.summary))
                .chain(&session.notes)
                .chain(std::iter::once(&session.meta.title));
            for text in rest {
                look(text, &mut seen);
            }
        }
        self.found = found;
        for person in 0..self.pseudonyms.len() {
            if !order.contains(&person) {
                order.push(person);
            }
        }
        for (i, person) in order.into_iter().enumerate() {
            self.pseudonyms[person] = format!("Person {}", letters(i));
        }
    }

    /// The listed names found nowhere in the sessions (their first spelling).
    pub fn unmatched<'a>(&self, names: &'a [Name]) -> Vec<&'a str> {
        names
            .iter()
            .zip(&self.found)
            .filter(|(_, found)| !**found)
            .filter_map(|(n, _)| n.spellings.first().map(String::as_str))
            .collect()
    }

    /// The listed person a speaker label names, if any.
    fn speaker_person(&self, label: &str) -> Option<usize> {
        let label = fold_name(label);
        self.folded.iter().position(|names| names.contains(&label))
    }

    /// The pseudonyms given, in order (`Person A` first).
    pub fn pseudonyms(&self) -> Vec<&str> {
        let mut all: Vec<&str> = self.pseudonyms.iter().map(String::as_str).collect();
        all.sort_by_key(|p| (p.len(), *p));
        all
    }

    /// Every match in `text`, in order, as (byte range, person).
    fn find(&self, text: &str) -> Vec<(std::ops::Range<usize>, usize)> {
        let mut out = Vec::new();
        if self.patterns.is_empty() {
            return out;
        }
        let mut prev_alnum = false;
        let mut at = 0;
        while at < text.len() {
            let Some(c) = text[at..].chars().next() else {
                break;
            };
            if !prev_alnum && c.is_alphanumeric() {
                let found = self
                    .patterns
                    .iter()
                    .find_map(|p| matches(text, at, p).map(|end| (end, p.person)));
                if let Some((end, person)) = found {
                    out.push((initial_before(text, at)..end, person));
                    at = end;
                    prev_alnum = true;
                    continue;
                }
            }
            prev_alnum = c.is_alphanumeric();
            at += c.len_utf8();
        }
        out
    }

    /// `text` with every listed name replaced by its pseudonym.
    pub fn text<'a>(&self, text: &'a str) -> Cow<'a, str> {
        let found = self.find(text);
        if found.is_empty() {
            return Cow::Borrowed(text);
        }
        let mut out = String::with_capacity(text.len());
        let mut last = 0;
        for (range, person) in found {
            out.push_str(&text[last..range.start]);
            out.push_str(&self.pseudonyms[person]);
            last = range.end;
        }
        out.push_str(&text[last..]);
        Cow::Owned(out)
    }

    fn text_in_place(&self, text: &mut String) {
        if let Cow::Owned(new) = self.text(text) {
            *text = new;
        }
    }

    /// Redacts everything in `session` that can hold a name: speaker labels, aliases,
    /// organisations, text, summaries, notes, titles, warnings, the source file's name.
    pub fn session(&self, session: &mut Session) {
        let mut ids: Vec<String> = Vec::new();
        for sp in &mut session.speakers {
            let person = sp.names().find_map(|n| self.speaker_person(n));
            let mut renamed = false;
            match person {
                Some(p) => {
                    sp.name.clone_from(&self.pseudonyms[p]);
                    sp.aliases.clear();
                    sp.person_id = None;
                }
                None => {
                    let before = sp.name.clone();
                    self.text_in_place(&mut sp.name);
                    sp.aliases.iter_mut().for_each(|a| self.text_in_place(a));
                    renamed = sp.name != before;
                }
            }
            // Ids are made from names (`jane-doe`, `r-okafor` for `R. Okafor`): one that held a
            // name is made again, from the redacted name.
            let base = if person.is_some() || renamed {
                Some(crate::text::slug(&sp.name))
            } else {
                match self.text(&sp.id) {
                    Cow::Owned(id) => Some(crate::text::slug(&id)),
                    Cow::Borrowed(_) => None,
                }
            };
            if let Some(base) = base {
                let mut id = base.clone();
                let mut n = 2;
                while ids.contains(&id) {
                    id = format!("{base}-{n}");
                    n += 1;
                }
                sp.id = id;
            }
            ids.push(sp.id.clone());
            for field in [
                &mut sp.organisation,
                &mut sp.stakeholder_group,
                &mut sp.region,
            ]
            .into_iter()
            .flatten()
            {
                self.text_in_place(field);
            }
            sp.summary.iter_mut().for_each(|p| self.text_in_place(p));
        }
        let m = &mut session.meta;
        self.text_in_place(&mut m.title);
        for field in [
            &mut m.event,
            &mut m.date_text,
            &mut m.disclaimer,
            &mut m.source_file,
            &mut m.house,
        ]
        .into_iter()
        .flatten()
        {
            self.text_in_place(field);
        }
        session
            .summary
            .iter_mut()
            .for_each(|p| self.text_in_place(p));
        session.notes.iter_mut().for_each(|p| self.text_in_place(p));
        for s in &mut session.sections {
            self.text_in_place(&mut s.title);
        }
        for w in &mut session.warnings {
            self.text_in_place(&mut w.message);
        }
        for turn in &mut session.turns {
            self.turn(turn);
        }
    }

    /// Redacts a turn's text sentence by sentence, keeping each sentence's place.
    fn turn(&self, turn: &mut Turn) {
        let mut spans = Vec::with_capacity(turn.sentences.len());
        let mut paragraphs = Vec::with_capacity(turn.paragraphs.len());
        for (p, text) in turn.paragraphs.iter().enumerate() {
            let mut out = String::with_capacity(text.len());
            let mut last = 0;
            for s in turn.sentences.iter().filter(|s| s.paragraph == p) {
                out.push_str(&self.text(&text[last..s.start]));
                let start = out.len();
                out.push_str(&self.text(&text[s.start..s.end]));
                spans.push(SentenceSpan {
                    paragraph: p,
                    start,
                    end: out.len(),
                });
                last = s.end;
            }
            out.push_str(&self.text(&text[last..]));
            paragraphs.push(out);
        }
        turn.paragraphs = paragraphs;
        turn.sentences = spans;
    }
}

/// Titles that stand before a name and are not names themselves.
const TITLES: &[&str] = &[
    "mr",
    "mrs",
    "ms",
    "mx",
    "miss",
    "dr",
    "prof",
    "professor",
    "sir",
    "dame",
    "lord",
    "lady",
    "madam",
    "madame",
    "minister",
    "senator",
    "judge",
    "justice",
    "president",
    "chair",
    "chairman",
    "chairwoman",
    "mayor",
    "rev",
    "father",
    "sister",
    "brother",
    "san",
    "herr",
    "frau",
    "monsieur",
    "señor",
    "señora",
    "dear",
    "hi",
    "hello",
    "thanks",
];

/// Capitalised words standing right before a pseudonym in redacted `text` (`Adly Person A`):
/// most likely a first name, or a spelling of one, that was not listed. Titles (`Mr.`, `Dr`)
/// and English function words (`And Person A said`) are not counted. Each word once.
pub fn suspects(text: &str, redactor: &Redactor) -> Vec<String> {
    let stop = stop_words::lookup("en").unwrap_or_default();
    let mut out: Vec<String> = Vec::new();
    for pseudonym in &redactor.pseudonyms {
        for (at, _) in text.match_indices(pseudonym.as_str()) {
            let before = &text[..at];
            let Some(before) = before.strip_suffix(' ') else {
                continue;
            };
            let word: String = before
                .chars()
                .rev()
                .take_while(|c| c.is_alphanumeric() || *c == '\'' || *c == '’')
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .collect();
            let capital = word.starts_with(char::is_uppercase);
            let lower = word.to_lowercase();
            if capital
                && !TITLES.contains(&lower.as_str())
                && !stop.contains(&lower.as_str())
                && !redactor
                    .pseudonyms
                    .iter()
                    .any(|p| p.ends_with(&format!(" {word}")))
                && word != "Person"
                && !out.contains(&word)
            {
                out.push(word);
            }
        }
    }
    out
}

/// Where pattern `p` ends when it matches `text` at byte `at` (a word start), whole-word.
/// Where a name found at `at` starts once an initial before it is taken in (`R. Okafor`: the
/// `R. ` is the given name, and would be left beside the pseudonym).
fn initial_before(text: &str, at: usize) -> usize {
    let before = &text[..at];
    let Some(rest) = before.strip_suffix(". ") else {
        return at;
    };
    let mut chars = rest.char_indices().rev();
    match (chars.next(), chars.next()) {
        (Some((i, c)), previous)
            if c.is_uppercase() && previous.is_none_or(|(_, p)| !p.is_alphanumeric()) =>
        {
            i
        }
        _ => at,
    }
}

fn matches(text: &str, at: usize, p: &Pattern) -> Option<usize> {
    let mut pos = at;
    for (i, word) in p.words.iter().enumerate() {
        if i > 0 {
            let gap = text[pos..]
                .char_indices()
                .find(|(_, c)| !(c.is_whitespace() || *c == '-' || *c == '_'))
                .map_or(text.len() - pos, |(b, _)| b);
            if gap == 0 {
                return None;
            }
            pos += gap;
        }
        if p.capital && !text[pos..].starts_with(char::is_uppercase) {
            return None;
        }
        pos = word_at(text, pos, word)?;
    }
    let next = text[pos..].chars().next();
    (!next.is_some_and(char::is_alphanumeric)).then_some(pos)
}

/// Where `word` (lowercase) ends when `text` spells it at `at`, ignoring case.
fn word_at(text: &str, at: usize, word: &[char]) -> Option<usize> {
    let mut want = word.iter();
    let mut pending: Option<char> = want.next().copied();
    for (b, c) in text[at..].char_indices() {
        for l in c.to_lowercase() {
            if pending? != l {
                return None;
            }
            pending = want.next().copied();
        }
        if pending.is_none() {
            return Some(at + b + c.len_utf8());
        }
    }
    None
}

#[cfg(test)]
mod tests;
