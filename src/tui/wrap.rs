//! Word wrapping by display width, as byte ranges into the original text so that highlights
//! (a found sentence, matched letters) can be laid over the wrapped lines.

use std::ops::Range;

use textwrap::WordSeparator;
use textwrap::core::{Word, break_words};
use textwrap::wrap_algorithms::wrap_first_fit;

/// Wraps `text` to `width` columns: Unicode line-breaking opportunities (so CJK breaks between
/// ideographs), display widths (CJK and emoji take two columns, combining marks none), words
/// longer than a line broken where they must. Each range excludes the trailing space.
///
/// The text is measured as it is drawn: a control character shows as its picture (`␛`), one
/// column wide. (Measured raw, `ESC [2J` looked like a colour code of no width to textwrap,
/// and a line holding one ran past the pane's edge and lost its end.)
pub fn wrap(text: &str, width: usize) -> Vec<Range<usize>> {
    let shown = podium::sanitize::clean(text, podium::sanitize::Keep::Nothing);
    if matches!(shown, std::borrow::Cow::Borrowed(_)) {
        return wrap_shown(text, width);
    }
    // Cleaning changes one character for one: each of the shown text's character offsets has
    // its place in the text.
    let mut at: Vec<(usize, usize)> = shown
        .char_indices()
        .map(|(i, _)| i)
        .zip(text.char_indices().map(|(i, _)| i))
        .collect();
    at.push((shown.len(), text.len()));
    let place = |i: usize| {
        at.binary_search_by_key(&i, |&(s, _)| s)
            .map_or(text.len(), |k| at[k].1)
    };
    wrap_shown(&shown, width)
        .into_iter()
        .map(|r| place(r.start)..place(r.end))
        .collect()
}

/// [`wrap`] of text that shows as it is.
fn wrap_shown(text: &str, width: usize) -> Vec<Range<usize>> {
    let width = width.max(1);
    if text.is_empty() {
        return std::iter::once(0..0).collect();
    }
    let words: Vec<Word<'_>> = WordSeparator::UnicodeBreakProperties
        .find_words(text)
        .collect();
    let words = break_words(words, width);
    let lines = wrap_first_fit(&words, &[width as f64]);
    let base = text.as_ptr() as usize;
    let offset = |s: &str| s.as_ptr() as usize - base;
    let ranges: Vec<Range<usize>> = lines
        .iter()
        .filter_map(|line| {
            let (first, last) = (line.first()?, line.last()?);
            Some(offset(first.word)..offset(last.word) + last.word.len())
        })
        .collect();
    if ranges.is_empty() {
        std::iter::once(0..0).collect()
    } else {
        ranges
    }
}

/// How many lines `text` takes at `width`.
pub fn height(text: &str, width: usize) -> usize {
    wrap(text, width).len()
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_width::UnicodeWidthStr;

    fn lines(text: &str, width: usize) -> Vec<&str> {
        wrap(text, width).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn wraps_words_by_width() {
        assert_eq!(lines("the quick brown fox", 10), ["the quick", "brown fox"]);
        assert_eq!(lines("", 10), [""]);
    }

    #[test]
    fn breaks_words_longer_than_a_line() {
        assert_eq!(lines("abcdefghij xy", 4), ["abcd", "efgh", "ij", "xy"]);
    }

    #[test]
    fn cjk_takes_two_columns_and_breaks_between_ideographs() {
        let text = "東京で会議を開きます";
        let wrapped = lines(text, 6);
        assert!(wrapped.iter().all(|l| l.width() <= 6), "{wrapped:?}");
        assert_eq!(wrapped.concat(), text);
    }

    #[test]
    fn emoji_and_combining_marks_measure_right() {
        let wrapped = lines("🙂🙂🙂 e\u{301}e\u{301}e\u{301}", 6);
        assert_eq!(wrapped, ["🙂🙂🙂", "e\u{301}e\u{301}e\u{301}"]);
    }

    #[test]
    fn controls_take_the_column_their_picture_does_and_nothing_is_lost() {
        let text = "Hello \u{1b}[2J world \u{1b}]52;c;eA==\u{7} this is \u{202e}reversed text\u{9b}2J and \u{202e}\u{202e}\u{202e}\u{202e} trust";
        let shown =
            |s: &str| podium::sanitize::clean(s, podium::sanitize::Keep::Nothing).into_owned();
        for width in [8, 13, 20, 40] {
            let wrapped = lines(text, width);
            for l in &wrapped {
                assert!(shown(l).width() <= width, "{width}: {l:?} in {wrapped:?}");
            }
            // Every letter is on some line (long words broken, the spaces between lines gone).
            assert_eq!(
                wrapped.concat().replace(' ', ""),
                text.replace(' ', ""),
                "{width}"
            );
        }
    }

    #[test]
    fn resizing_rewraps() {
        let text = "one two three four five six";
        assert_eq!(height(text, 80), 1);
        assert_eq!(height(text, 9), 4);
        assert_eq!(height(text, 1), 27 - 5);
    }
}
