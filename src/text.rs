//! Text rules every part of Podium shares: what a word is, where a sentence ends, how names are
//! compared.

use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;

/// Counts words the way Podium defines them everywhere: Unicode word segmentation (UAX #29),
/// keeping the segments that contain a letter or digit. So `I’d` and `8.30` are one word each,
/// `Mashiko-san` is two, punctuation and emoji are none, and each CJK ideograph is one.
/// Annotations (`[laughter]`, `(inaudible)`, see [`annotation_spans`]) are not speech and do not
/// count.
pub fn word_count(text: &str) -> usize {
    let notes = annotation_spans(text);
    if notes.is_empty() {
        return count_words(text);
    }
    let mut count = 0;
    let mut at = 0;
    for note in notes {
        count += count_words(&text[at..note.start]);
        at = note.end;
    }
    count + count_words(&text[at..])
}

/// The number of UAX #29 words (segments holding a letter or digit) of `text`: ASCII stretches
/// by [`ascii_words`], the rest by full segmentation.
///
/// A stretch ends before an ASCII space that follows an ASCII character other than a space:
/// no UAX #29 rule joins such a character to the space, or carries a word across one (the
/// space may only join further spaces and the marks after them, which the next stretch reads
/// with it), so counting stretch by stretch counts the same words.
fn count_words(text: &str) -> usize {
    let b = text.as_bytes();
    let cut_at = |p: usize| b[p] == b' ' && b[p - 1] != b' ' && b[p - 1].is_ascii();
    let mut count = 0;
    let mut start = 0;
    loop {
        let Some(off) = b[start..].iter().position(|c| !c.is_ascii()) else {
            return count + ascii_words(&b[start..]);
        };
        let wide = start + off;
        let cut = (start + 1..wide)
            .rev()
            .find(|&p| cut_at(p))
            .unwrap_or(start);
        count += ascii_words(&b[start..cut]);
        let end = (wide + 1..b.len()).find(|&p| cut_at(p)).unwrap_or(b.len());
        count += text[cut..end].unicode_words().count();
        start = end;
    }
}

/// What UAX #29 says an ASCII character is, as far as words go.
#[derive(Clone, Copy, PartialEq, Eq)]
enum WordClass {
    /// ALetter: `A`–`Z`, `a`–`z`.
    Letter,
    /// Numeric: `0`–`9`.
    Digit,
    /// ExtendNumLet: `_`, which joins letters and digits on either side.
    Joiner,
    /// MidLetter: `:`, inside a word between letters only.
    MidLetter,
    /// MidNumLet and Single_Quote: `.` and `'`, between letters or between digits.
    MidNumLet,
    /// MidNum: `,` and `;`, between digits only.
    MidNum,
    Other,
}

fn word_class(c: u8) -> WordClass {
    match c {
        b'A'..=b'Z' | b'a'..=b'z' => WordClass::Letter,
        b'0'..=b'9' => WordClass::Digit,
        b'_' => WordClass::Joiner,
        b':' => WordClass::MidLetter,
        b'.' | b'\'' => WordClass::MidNumLet,
        b',' | b';' => WordClass::MidNum,
        _ => WordClass::Other,
    }
}

/// UAX #29 words of ASCII text, counted without segmenting it: a word is a run of letters,
/// digits and `_` (rules WB5, WB8–WB10, WB13a/b), through single `:`, `.` or `'` between two
/// letters (WB6/WB7) and single `,`, `;`, `.` or `'` between two digits (WB11/WB12), holding a
/// letter or digit. Property tests below hold it to `unicode_words`.
fn ascii_words(b: &[u8]) -> usize {
    use WordClass::{Digit, Joiner, Letter, MidLetter, MidNum, MidNumLet};
    let mut count = 0;
    let mut in_word = false;
    let mut alnum = false;
    let mut previous = WordClass::Other;
    let mut i = 0;
    while i < b.len() {
        let class = word_class(b[i]);
        match class {
            Letter | Digit | Joiner => {
                if !in_word {
                    in_word = true;
                    alnum = false;
                }
                alnum |= class != Joiner;
            }
            MidLetter | MidNumLet | MidNum if in_word => {
                let next = b.get(i + 1).map_or(WordClass::Other, |&c| word_class(c));
                let joins = match (previous, next) {
                    (Letter, Letter) => class != MidNum,
                    (Digit, Digit) => class != MidLetter,
                    _ => false,
                };
                if !joins {
                    count += usize::from(alnum);
                    in_word = false;
                }
            }
            _ => {
                if in_word {
                    count += usize::from(alnum);
                    in_word = false;
                }
            }
        }
        previous = class;
        i += 1;
    }
    count + usize::from(in_word && alnum)
}

/// The words of `text` by the same rule as [`word_count`], with their byte offsets; annotations
/// are skipped.
pub fn words(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let notes = annotation_spans(text);
    text.unicode_word_indices()
        .filter(move |(at, _)| !notes.iter().any(|n| n.contains(at)))
}

/// Words that, in parentheses, are a transcriber's note rather than speech.
const NOTE_WORDS: &[&str] = &[
    "inaudible",
    "unintelligible",
    "indiscernible",
    "laughter",
    "laughs",
    "laughing",
    "applause",
    "crosstalk",
    "cross talk",
    "silence",
    "pause",
    "music",
    "coughs",
    "cough",
    "background noise",
    "no audio",
    "audio cuts out",
    "overlapping",
    "foreign language",
    "speaking foreign language",
    "off mic",
    "off-mic",
    "mic off",
    "sic",
    "chuckles",
    "sighs",
    "beep",
    "noise",
];

/// Byte ranges of annotations: any `[...]` (`[laughter]`, `[unintelligible 00:08:54]`) and a
/// `(...)` that holds a transcriber's note word (`(inaudible)`, `(laughs)`), not an aside such
/// as `(IGF)`.
pub fn annotation_spans(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(open) = text[from..].find(['[', '(']).map(|p| p + from) {
        let close = if text.as_bytes()[open] == b'[' {
            ']'
        } else {
            ')'
        };
        let Some(end) = text[open + 1..].find(close).map(|p| p + open + 1) else {
            break;
        };
        let inner = text[open + 1..end].trim().to_lowercase();
        let is_note = close == ']'
            || NOTE_WORDS
                .iter()
                .any(|w| inner == *w || inner.starts_with(&format!("{w} ")));
        if is_note {
            out.push(open..end + 1);
        }
        from = if is_note { end + 1 } else { open + 1 };
    }
    out
}

/// Abbreviations whose full stop never ends a sentence (compared lowercase, without the dot).
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "st", "sr", "jr", "gen", "sen", "rep", "hon", "rev", "fr",
    "mt", "vs", "cf", "e.g", "i.e", "no", "nos", "fig", "vol", "approx", "dept", "est", "govt",
    "inc", "ltd", "co", "corp", "u.s", "u.n", "u.k", "e.u", "amb", "pres", "h.e", "excl", "incl",
];

/// Characters that can close a sentence after its terminator: quotes and brackets.
fn is_closer(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '”' | '’' | '»' | ')' | ']' | '」' | '』' | '）'
    )
}

fn is_terminator(c: char) -> bool {
    matches!(c, '.' | '?' | '!' | '…' | '。' | '？' | '！')
}

/// Full-width terminators end a sentence with no space after them, as CJK text is written.
fn is_wide_terminator(c: char) -> bool {
    matches!(c, '。' | '？' | '！')
}

/// Splits text into sentences, returned as trimmed byte ranges. A sentence ends at `.`, `?`, `!`
/// or `…` (plus any closing quotes or brackets) when what follows starts a new sentence: a capital,
/// a digit or an opening quote after white space. A full stop after a known abbreviation ("Mr.",
/// "e.g.") or a single initial ("J. Smith") does not end one.
pub fn sentence_spans(text: &str) -> Vec<Range<usize>> {
    if text.is_ascii() {
        // Bytes are characters: the same walk, without a table of character offsets.
        let b = text.as_bytes();
        return spans_by(text, b.len(), |i| char::from(b[i]), |i| i);
    }
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    spans_by(text, chars.len(), |i| chars[i].1, |i| chars[i].0)
}

/// [`sentence_spans`] over `n` characters, the `i`-th being `char_at(i)` at byte `byte_at(i)`.
fn spans_by(
    text: &str,
    n: usize,
    char_at: impl Fn(usize) -> char,
    byte_at: impl Fn(usize) -> usize,
) -> Vec<Range<usize>> {
    let mut spans = Vec::new();
    let mut start = 0usize;
    let mut i = 0usize;
    while i < n {
        let c = char_at(i);
        if !is_terminator(c) {
            i += 1;
            continue;
        }
        let term_at = i;
        // A run of terminators ("?!", "...") ends together, then any closing quotes.
        while i < n && is_terminator(char_at(i)) {
            i += 1;
        }
        let single_dot = c == '.' && i - term_at == 1;
        while i < n && is_closer(char_at(i)) {
            i += 1;
        }
        let end = if i < n { byte_at(i) } else { text.len() };
        let wide = is_wide_terminator(char_at(i - 1)) || is_wide_terminator(c);
        let at_space = i >= n || char_at(i).is_whitespace();
        if !(at_space || wide) {
            continue;
        }
        let mut j = i;
        while j < n && char_at(j).is_whitespace() {
            j += 1;
        }
        let starts_new = if j < n {
            let next = char_at(j);
            wide || next.is_uppercase() || next.is_numeric() || opens_quote(next)
        } else {
            true
        };
        if starts_new && !(single_dot && is_abbreviation(text, byte_at(term_at))) {
            push_trimmed(text, start..end, &mut spans);
            start = end;
        }
    }
    push_trimmed(text, start..text.len(), &mut spans);
    spans
}

/// [`sentence_spans`] as it was written first, over a table of characters: the reference the
/// property tests hold the ASCII walk to.
#[cfg(test)]
fn sentence_spans_by_chars(text: &str) -> Vec<Range<usize>> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    spans_by(text, chars.len(), |i| chars[i].1, |i| chars[i].0)
}

/// [`word_count`] by full UAX #29 segmentation alone: the reference the property tests hold
/// the ASCII counting to.
#[cfg(test)]
fn word_count_segmented(text: &str) -> usize {
    let notes = annotation_spans(text);
    let mut count = 0;
    let mut at = 0;
    for note in notes {
        count += text[at..note.start].unicode_words().count();
        at = note.end;
    }
    count + text[at..].unicode_words().count()
}

fn opens_quote(c: char) -> bool {
    matches!(
        c,
        '"' | '“' | '‘' | '«' | '(' | '[' | '「' | '『' | '¿' | '¡'
    ) || (!c.is_lowercase() && !c.is_uppercase() && c.is_alphabetic())
}

/// Whether the word ending just before the full stop at byte `dot` is an abbreviation.
fn is_abbreviation(text: &str, dot: usize) -> bool {
    let before = &text[..dot];
    let word_start = before
        .rfind(|c: char| c.is_whitespace() || matches!(c, '(' | '"' | '“' | '‘'))
        .map_or(0, |p| {
            p + before[p..].chars().next().map_or(1, char::len_utf8)
        });
    let word = &before[word_start..];
    let mut letters = word.chars();
    // A single capital letter is an initial: "J. Smith".
    if let (Some(first), None) = (letters.next(), letters.next())
        && first.is_uppercase()
    {
        return true;
    }
    let lower = word.to_lowercase();
    ABBREVIATIONS.contains(&lower.as_str())
}

fn push_trimmed(text: &str, range: Range<usize>, out: &mut Vec<Range<usize>>) {
    let slice = &text[range.clone()];
    let lead = slice.len() - slice.trim_start().len();
    let trail = slice.len() - slice.trim_end().len();
    if lead + trail < slice.len() {
        out.push(range.start + lead..range.end - trail);
    }
}

/// Whether a sentence asks something: it ends with a question mark, before closing quotes.
pub fn is_question(sentence: &str) -> bool {
    sentence
        .trim_end()
        .trim_end_matches(is_closer)
        .ends_with(['?', '？'])
}

/// A name folded for comparison: lowercase, single spaces, curly apostrophes made straight, and
/// stray quotes or a trailing colon removed ("’Adli" and "adli:" both fold to "adli").
pub fn fold_name(name: &str) -> String {
    let cleaned: String = name
        .trim()
        .trim_end_matches(':')
        .trim_matches(|c: char| matches!(c, '’' | '‘' | '\'' | '"' | '“' | '”' | '*' | '&'))
        .chars()
        .map(|c| if c == '’' { '\'' } else { c })
        .collect();
    cleaned
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// A stable id from a name: lowercase letters and digits joined by `-` (`Masae Toyama` →
/// `masae-toyama`). Non-Latin names keep their letters; a name with none becomes `speaker`.
pub fn slug(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    if out.is_empty() {
        out.push_str("speaker");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(text: &str) -> Vec<&str> {
        sentence_spans(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn words_follow_unicode_segmentation() {
        assert_eq!(word_count("I’d like to pass the mic."), 6);
        assert_eq!(word_count("Mashiko-san, at 8.30!"), 4);
        assert_eq!(word_count("— … 🙂"), 0);
        assert_eq!(word_count("東京 会議"), 4);
        assert_eq!(word_count(""), 0);
    }

    #[test]
    fn annotations_are_not_words() {
        assert_eq!(
            word_count("Yes [laughter] indeed (inaudible) the IGF (IGF)"),
            5
        );
        assert_eq!(word_count("[unintelligible 00:08:54] so"), 1);
        assert_eq!(
            annotation_spans("a (laughs) b [x] (aside)"),
            vec![2..10, 13..16]
        );
        assert_eq!(word_count("unclosed [ bracket"), 2);
    }

    #[test]
    fn splits_on_terminators_before_capitals() {
        assert_eq!(
            sentences("Hi all. Hello, I’m Hiroki. Is it on? Yes! Good"),
            ["Hi all.", "Hello, I’m Hiroki.", "Is it on?", "Yes!", "Good"]
        );
    }

    #[test]
    fn keeps_abbreviations_and_initials() {
        assert_eq!(
            sentences("Mr. Koch spoke, e.g. on DNS. J. Smith agreed. Dr. No."),
            [
                "Mr. Koch spoke, e.g. on DNS.",
                "J. Smith agreed.",
                "Dr. No."
            ]
        );
    }

    #[test]
    fn handles_ellipsis_numbers_and_lowercase_continuations() {
        assert_eq!(
            sentences("Does anyone… Okay. Set for. later, at 8.30 in the morning. Well..."),
            [
                "Does anyone…",
                "Okay.",
                "Set for. later, at 8.30 in the morning.",
                "Well..."
            ]
        );
    }

    #[test]
    fn closing_quotes_stay_with_their_sentence() {
        assert_eq!(
            sentences("He said “share globally.” Then left. “Why?” she asked."),
            [
                "He said “share globally.”",
                "Then left.",
                "“Why?” she asked."
            ]
        );
    }

    #[test]
    fn full_width_terminators_split_without_space() {
        assert_eq!(sentences("会議です。次へ！"), ["会議です。", "次へ！"]);
    }

    #[test]
    fn questions_are_detected_before_closers() {
        assert!(is_question("Can you hear me?"));
        assert!(is_question("“Why?”"));
        assert!(!is_question("Yes."));
    }

    #[test]
    fn names_fold_and_slug() {
        assert_eq!(fold_name("  ’Adli  "), "adli");
        assert_eq!(fold_name("MASAE  Toyama:"), "masae toyama");
        assert_eq!(slug("Masae Toyama"), "masae-toyama");
        assert_eq!(slug("Speaker 2"), "speaker-2");
        assert_eq!(slug("山田 太郎"), "山田-太郎");
        assert_eq!(slug("—"), "speaker");
    }

    mod fast_paths {
        //! The ASCII walks against the rules they stand for: UAX #29 segmentation for words,
        //! the character-table walk for sentences, on random text and on every fixture.

        use super::super::*;
        use proptest::prelude::*;

        /// Text built from pieces where the rules differ: letters, digits, every ASCII mark
        /// UAX #29 names, brackets of annotations, white space of each kind, and some non-ASCII
        /// (curly quotes, a full-width colon, an ideographic space, combining and CJK marks).
        fn texty(ascii_only: bool) -> impl Strategy<Value = String> {
            let mut atoms: Vec<&'static str> = vec![
                "a", "Z", "mr", "Dr", "e.g", "I", "7", "0", "_", ":", ".", "'", ",", ";", "\"",
                "?", "!", "...", " ", "  ", "\t", "\n", "\r", "\u{b}", "\u{c}", "-", "(", ")", "[",
                "]", "(laughs)", "[x]", "#", "$", "@", "/", "J.", "U.S.",
            ];
            if !ascii_only {
                atoms.extend([
                    "’", "“", "”", "…", "：", "\u{3000}", "\u{301}", "\u{93e}", "東", "é",
                    "\u{a0}", "。", "🙂", "İ",
                ]);
            }
            proptest::collection::vec(proptest::sample::select(atoms), 0..40)
                .prop_map(|parts| parts.concat())
        }

        fn check(text: &str) {
            assert_eq!(
                word_count(text),
                word_count_segmented(text),
                "words of {text:?}"
            );
            assert_eq!(
                sentence_spans(text),
                sentence_spans_by_chars(text),
                "sentences of {text:?}"
            );
        }

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(4000))]

            #[test]
            fn ascii_text_agrees(text in texty(true)) {
                check(&text);
            }

            #[test]
            fn mixed_text_agrees(text in texty(false)) {
                check(&text);
            }

            #[test]
            fn any_ascii_agrees(text in "[ -~\t\n]{0,60}") {
                check(&text);
            }

            #[test]
            fn any_text_agrees(text in "\\PC{0,40}") {
                check(&text);
            }
        }

        #[test]
        fn every_fixture_agrees() {
            let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
            let mut files = Vec::new();
            let mut dirs = vec![root.join("tests/fixtures"), root.join("data")];
            while let Some(dir) = dirs.pop() {
                for entry in std::fs::read_dir(dir).expect("fixtures") {
                    let path = entry.expect("entry").path();
                    if path.is_dir() {
                        dirs.push(path);
                    } else {
                        files.push(path);
                    }
                }
            }
            let (mut lines, mut paragraphs) = (0, 0);
            for path in files {
                let Ok(bytes) = std::fs::read(&path) else {
                    continue;
                };
                let text = String::from_utf8_lossy(&bytes);
                for line in text.lines() {
                    check(line);
                    lines += 1;
                }
                if let Ok(loaded) = crate::formats::load_path(&path, None) {
                    for turn in &loaded.session.turns {
                        for p in &turn.paragraphs {
                            check(p);
                            paragraphs += 1;
                        }
                    }
                }
            }
            assert!(
                lines > 3000 && paragraphs > 200,
                "{lines} lines, {paragraphs} paragraphs"
            );
            // And the synthetic sessions the benchmarks read (non-ASCII names, places and `₹`).
            let (synthetic, _) = crate::synth::session(7, 3000);
            for line in synthetic.lines() {
                check(line);
            }
        }
    }
}
