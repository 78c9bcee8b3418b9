//! Counting words without segmenting: UAX #29 on ASCII is a few rules about letters, digits
//! and five marks, and most transcript text is ASCII.

use unicode_segmentation::UnicodeSegmentation;

/// The number of UAX #29 words (segments holding a letter or digit) of `text`: ASCII stretches
/// by [`ascii_words`], the rest by full segmentation.
///
/// A stretch ends before an ASCII space that follows an ASCII character other than a space:
/// no UAX #29 rule joins such a character to the space, or carries a word across one (the
/// space may only join further spaces and the marks after them, which the next stretch reads
/// with it), so counting stretch by stretch counts the same words.
pub(super) fn count_words(text: &str) -> usize {
    let b = text.as_bytes();
    if b.is_ascii() {
        return ascii_words(b);
    }
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
    if memchr::memchr(b'_', b).is_some() {
        return ascii_words_walked(b);
    }
    // Without `_`, a word is a run of letters and digits, joined through single marks: count
    // the runs' starts, then take away the starts a mark joins to the run before it. Both are
    // sums over neighbouring bytes without branches, in blocks small enough to add up in
    // bytes, so the compiler does them 32 bytes at a time.
    let Some(&first) = b.first() else {
        return 0;
    };
    let letter = |c: u8| u8::from((c | 0x20).wrapping_sub(b'a') < 26);
    let digit = |c: u8| u8::from(c.wrapping_sub(b'0') < 10);
    let core = |c: u8| letter(c) | digit(c);
    let n = b.len();
    // Each block adds at most 255 ones in a byte.
    const BLOCK: usize = 255;
    let mut starts = usize::from(core(first));
    for s in (1..n).step_by(BLOCK) {
        let e = (s + BLOCK).min(n);
        let pairs = b[s - 1..e - 1].iter().zip(&b[s..e]);
        starts += usize::from(pairs.fold(0u8, |k, (&p, &c)| k + (core(c) & (core(p) ^ 1))));
    }
    let mut joined = 0usize;
    for s in (1..n.saturating_sub(1)).step_by(BLOCK) {
        let e = (s + BLOCK).min(n - 1);
        let triples = b[s - 1..e - 1].iter().zip(&b[s..e]).zip(&b[s + 1..=e]);
        joined += usize::from(triples.fold(0u8, |k, ((&x, &m), &y)| {
            let between_letters = u8::from(m == b':' || m == b'.' || m == b'\'');
            let between_digits = u8::from(m == b'.' || m == b'\'' || m == b',' || m == b';');
            k + ((between_letters & letter(x) & letter(y)) | (between_digits & digit(x) & digit(y)))
        }));
    }
    starts - joined
}

/// [`ascii_words`] as a walk through the classes, `_` included.
fn ascii_words_walked(b: &[u8]) -> usize {
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

#[cfg(test)]
mod fast_paths {
    //! The ASCII walks against the rules they stand for: UAX #29 segmentation for words,
    //! the character-table walk for sentences, on random text and on every fixture.

    use super::super::*;
    use proptest::prelude::*;

    /// [`sentence_spans`] over the table of characters, the reference the ASCII walk is held to.
    fn sentence_spans_by_chars(text: &str) -> Vec<std::ops::Range<usize>> {
        let mut spans = Vec::new();
        spans_by_chars(text, &mut spans);
        spans
    }

    /// [`word_count`] by full UAX #29 segmentation alone: the reference the ASCII counting is
    /// held to.
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

    /// Text built from pieces where the rules differ: letters, digits, every ASCII mark
    /// UAX #29 names, brackets of annotations, white space of each kind, and some non-ASCII
    /// (curly quotes, a full-width colon, an ideographic space, combining and CJK marks).
    fn texty(ascii_only: bool) -> impl Strategy<Value = String> {
        let mut atoms: Vec<&'static str> = vec![
            "a", "Z", "mr", "Dr", "e.g", "I", "7", "0", "_", ":", ".", "'", ",", ";", "\"", "?",
            "!", "...", " ", "  ", "\t", "\n", "\r", "\u{b}", "\u{c}", "-", "(", ")", "[", "]",
            "(laughs)", "[x]", "#", "$", "@", "/", "J.", "U.S.",
        ];
        if !ascii_only {
            atoms.extend([
                "’", "“", "”", "…", "：", "\u{3000}", "\u{301}", "\u{93e}", "東", "é", "\u{a0}",
                "。", "🙂", "İ",
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
