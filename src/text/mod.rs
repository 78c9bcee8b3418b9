//! Text rules every part of Podium shares: what a word is, where a sentence ends, how names are
//! compared.

use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;

mod ascii;

use ascii::count_words;

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
    while let Some(open) = memchr::memchr2(b'[', b'(', &text.as_bytes()[from..]).map(|p| p + from) {
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
    let mut spans = Vec::new();
    sentence_spans_into(text, &mut spans);
    spans
}

/// [`sentence_spans`], appended to `spans` (a buffer used again spares an allocation a text).
pub fn sentence_spans_into(text: &str, spans: &mut Vec<Range<usize>>) {
    if text.is_ascii() {
        // Bytes are characters: the same walk, without a table of character offsets, leaping
        // to the next terminator.
        let b = text.as_bytes();
        let next = |i: usize| memchr::memchr3(b'.', b'?', b'!', &b[i..]).map_or(b.len(), |p| i + p);
        return spans_by(text, b.len(), |i| char::from(b[i]), |i| i, next, spans);
    }
    spans_by_chars(text, spans);
}

/// [`sentence_spans_into`] over a table of characters: any text, and the reference the ASCII
/// walk is held to.
fn spans_by_chars(text: &str, spans: &mut Vec<Range<usize>>) {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    spans_by(
        text,
        chars.len(),
        |i| chars[i].1,
        |i| chars[i].0,
        |i| i,
        spans,
    );
}

/// [`sentence_spans`] over `n` characters, the `i`-th being `char_at(i)` at byte `byte_at(i)`;
/// no character from `i` to before `skip(i)` is a terminator.
fn spans_by(
    text: &str,
    n: usize,
    char_at: impl Fn(usize) -> char,
    byte_at: impl Fn(usize) -> usize,
    skip: impl Fn(usize) -> usize,
    spans: &mut Vec<Range<usize>>,
) {
    let mut start = 0usize;
    let mut i = 0usize;
    while i < n {
        i = skip(i);
        if i >= n {
            break;
        }
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
            push_trimmed(text, start..end, spans);
            start = end;
        }
    }
    push_trimmed(text, start..text.len(), spans);
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
    // ASCII words (most) are compared without a lower-case copy.
    if word.is_ascii() {
        return ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(word));
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

/// Orders text as a reader does: runs of digits by their value (`session 4` < `session 20` <
/// `session 200`), letters without regard to case; texts equal so are ordered as written.
pub fn natural_cmp(a: &str, b: &str) -> std::cmp::Ordering {
    use std::cmp::Ordering;
    let (mut x, mut y) = (a.as_bytes(), b.as_bytes());
    // Runs of ASCII digits compare by value; everything else byte by byte, ASCII case folded
    // (UTF-8 bytes order as their characters do).
    let digits = |s: &[u8]| s.iter().take_while(|c| c.is_ascii_digit()).count();
    while let (Some(&c), Some(&d)) = (x.first(), y.first()) {
        if c.is_ascii_digit() && d.is_ascii_digit() {
            let (m, n) = (digits(x), digits(y));
            let trim = |run: &[u8]| -> usize { run.iter().take_while(|&&b| b == b'0').count() };
            let (p, q) = (&x[trim(&x[..m])..m], &y[trim(&y[..n])..n]);
            let by_value = p.len().cmp(&q.len()).then_with(|| p.cmp(q));
            if by_value != Ordering::Equal {
                return by_value;
            }
            x = &x[m..];
            y = &y[n..];
            continue;
        }
        let by_letter = c.to_ascii_lowercase().cmp(&d.to_ascii_lowercase());
        if by_letter != Ordering::Equal {
            return by_letter;
        }
        x = &x[1..];
        y = &y[1..];
    }
    x.len().cmp(&y.len()).then_with(|| a.cmp(b))
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

    #[test]
    fn natural_order_reads_numbers_by_value() {
        let mut titles = vec![
            "IGF session 200",
            "IGF session 20",
            "igf session 4",
            "IGF session 4:",
            "IGF session 049",
            "IGF session 50",
            "Ärzte",
            "Zoom call",
        ];
        titles.sort_by(|a, b| natural_cmp(a, b));
        assert_eq!(
            titles,
            [
                "igf session 4",
                "IGF session 4:",
                "IGF session 20",
                "IGF session 049",
                "IGF session 50",
                "IGF session 200",
                "Zoom call",
                "Ärzte",
            ]
        );
        assert_eq!(
            natural_cmp("session-00010.txt", "session-00009.txt"),
            std::cmp::Ordering::Greater
        );
        assert_eq!(
            natural_cmp("a", "A"),
            std::cmp::Ordering::Greater,
            "ties as written"
        );
    }

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
}
