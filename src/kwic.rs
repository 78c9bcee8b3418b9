//! Concordance (keyword in context): every occurrence of a word, with the words around it, the
//! view researchers use to see how a term is used.
//!
//! Bounded: a hit borrows its paragraph instead of copying it, and its context is cut from the
//! text next to the word, looking at a number of characters proportional to the width, so a
//! concordance costs O(text + hits × width) however long a paragraph is.

use unicode_width::UnicodeWidthChar;

use crate::sanitize::{self, Keep};
use crate::session::Session;

/// The widest context either side that [`Hit::context`] is asked for on the command line.
pub const MAX_WIDTH: usize = 500;

/// One occurrence: the paragraph's text before and after it, the word as written, and the turn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit<'a> {
    pub turn: usize,
    pub before: &'a str,
    pub word: &'a str,
    pub after: &'a str,
}

/// Every occurrence of `word` in the session's turns, case-insensitive: a whole word, or a
/// phrase of words (`cyber hygiene`, also written `'cyber hygiene'` or `"cyber hygiene"` as a
/// search would; any run of white space between its words). Scripts written without spaces
/// between words (Chinese, Japanese, Korean, Thai…) match anywhere in the text: `進捗` is found
/// inside `進捗を共有します`. Hits come as they are found: nothing is collected, so a million
/// hits cost no more memory than one.
pub fn find<'a>(session: &'a Session, word: &str) -> impl Iterator<Item = Hit<'a>> + 'a {
    let pattern = std::rc::Rc::new(Pattern::new(word));
    let empty = pattern.chars.is_empty();
    session
        .turns
        .iter()
        .enumerate()
        .filter(move |_| !empty)
        .flat_map(|(t, turn)| turn.paragraphs.iter().map(move |p| (t, p)))
        .flat_map(move |(t, p)| {
            let pattern = pattern.clone();
            let mut from = 0;
            std::iter::from_fn(move || {
                let (at, end) = pattern.next_in(p, from)?;
                from = end;
                Some(Hit {
                    turn: t,
                    before: &p[..at],
                    word: &p[at..end],
                    after: &p[end..],
                })
            })
        })
}

/// What [`find`] looks for: the characters of the words, `None` for white space between them.
struct Pattern {
    chars: Vec<Option<char>>,
    /// Whether a match must start (end) at a word boundary: not for unspaced scripts.
    bounded_start: bool,
    bounded_end: bool,
}

/// Scripts whose words are not separated by spaces.
fn unspaced(c: char) -> bool {
    matches!(c as u32,
        0x0E00..=0x0EFF // Thai, Lao
        | 0x1000..=0x109F // Myanmar
        | 0x1100..=0x11FF // Hangul Jamo
        | 0x1780..=0x17FF // Khmer
        | 0x3040..=0x30FF // Hiragana, Katakana
        | 0x3130..=0x318F // Hangul compatibility Jamo
        | 0x31F0..=0x31FF
        | 0x3400..=0x4DBF // CJK extension A
        | 0x4E00..=0x9FFF // CJK unified ideographs
        | 0xAC00..=0xD7AF // Hangul syllables
        | 0xF900..=0xFAFF
        | 0xFF66..=0xFF9F // half-width Katakana
        | 0x20000..=0x3134F)
}

fn word_char(c: char) -> bool {
    c.is_alphanumeric() && !unspaced(c)
}

fn same(a: char, b: char) -> bool {
    a == b || a.to_lowercase().eq(b.to_lowercase())
}

impl Pattern {
    fn new(word: &str) -> Pattern {
        let mut w = word.trim();
        for q in ['\'', '"', '‘', '“'] {
            let close = match q {
                '‘' => '’',
                '“' => '”',
                q => q,
            };
            if let Some(inner) = w.strip_prefix(q) {
                w = inner.strip_suffix(close).unwrap_or(inner).trim();
            }
        }
        let mut chars: Vec<Option<char>> = Vec::new();
        for c in w.chars() {
            if c.is_whitespace() {
                if chars.last().is_some_and(Option::is_some) {
                    chars.push(None);
                }
            } else {
                chars.push(Some(c));
            }
        }
        let first = w.chars().next().unwrap_or(' ');
        let last = w.chars().last().unwrap_or(' ');
        Pattern {
            chars,
            bounded_start: word_char(first),
            bounded_end: word_char(last),
        }
    }

    /// The next match in `text` at or after byte `from`: its byte range.
    fn next_in(&self, text: &str, from: usize) -> Option<(usize, usize)> {
        let first = self.chars.first().copied().flatten()?;
        let mut prev = text[..from].chars().next_back();
        for (i, c) in text[from..].char_indices() {
            let at = from + i;
            let ok_start = !self.bounded_start || !prev.is_some_and(word_char);
            prev = Some(c);
            if !ok_start || !same(c, first) {
                continue;
            }
            if let Some(end) = self.match_at(text, at)
                && (!self.bounded_end || !text[end..].chars().next().is_some_and(word_char))
            {
                return Some((at, end));
            }
        }
        None
    }

    /// Where a match starting at byte `at` ends, if one does.
    fn match_at(&self, text: &str, at: usize) -> Option<usize> {
        let mut rest = text[at..].char_indices().peekable();
        let mut end = at;
        for want in &self.chars {
            match want {
                Some(w) => {
                    let (i, c) = rest.next()?;
                    if !same(c, *w) {
                        return None;
                    }
                    end = at + i + c.len_utf8();
                }
                None => {
                    let mut spaced = false;
                    while rest.peek().is_some_and(|(_, c)| c.is_whitespace()) {
                        rest.next();
                        spaced = true;
                    }
                    if !spaced {
                        return None;
                    }
                }
            }
        }
        Some(end)
    }
}

impl Hit<'_> {
    /// The context either side, each exactly `width` display columns (at least 2): white
    /// space folded, `…` where it was cut, control characters shown (see [`sanitize`]), and
    /// the space next to the word kept only where the text has one, so `hygiene.` stays
    /// joined to its full stop.
    pub fn context(&self, width: usize) -> (String, String) {
        let width = width.max(2);
        let left = if self.before.ends_with(char::is_whitespace) {
            tail(self.before, width - 1) + " "
        } else {
            tail(self.before, width)
        };
        let right = if self.after.starts_with(char::is_whitespace) {
            " ".to_string() + &head(self.after, width - 1)
        } else {
            head(self.after, width)
        };
        (left, right)
    }
}

/// The last `width` display columns of `text`, white space folded, `…` where it was cut,
/// padded on the left.
pub fn tail(text: &str, width: usize) -> String {
    let (kept, w) = cut(text.chars().rev(), width);
    let mut out = " ".repeat(width.saturating_sub(w));
    out.extend(kept.into_iter().rev());
    out
}

/// The first `width` display columns of `text`, white space folded, `…` where it was cut,
/// padded on the right.
pub fn head(text: &str, width: usize) -> String {
    let (kept, w) = cut(text.chars(), width);
    let mut out: String = kept.into_iter().collect();
    out.extend(std::iter::repeat_n(' ', width.saturating_sub(w)));
    out
}

/// Up to `width` columns of `chars`, in the order met, with white space runs folded to one
/// space (none at either end) and control characters shown; `…` last when the text went on.
/// Looks at no more than `4 × width + 16` characters: a longer stretch of white space or
/// zero-width marks counts as cut. Returns the characters and their display width.
fn cut(chars: impl Iterator<Item = char>, width: usize) -> (Vec<char>, usize) {
    let budget = width.saturating_mul(4).saturating_add(16);
    let mut kept: Vec<(char, usize)> = Vec::new();
    let mut total = 0;
    let mut space = false;
    let mut ended = true;
    for (seen, c) in chars.enumerate() {
        if seen >= budget || total > width {
            ended = false;
            break;
        }
        if c.is_whitespace() {
            space = !kept.is_empty();
            continue;
        }
        if std::mem::take(&mut space) {
            kept.push((' ', 1));
            total += 1;
        }
        let c = sanitize::shown_as(c, Keep::Nothing).unwrap_or(c);
        let w = c.width().unwrap_or(0);
        kept.push((c, w));
        total += w;
    }
    if ended && total <= width {
        return (kept.into_iter().map(|(c, _)| c).collect(), total);
    }
    // Cut: keep what fits beside the ellipsis.
    while total + 1 > width {
        match kept.pop() {
            Some((_, w)) => total -= w,
            None => break,
        }
    }
    let mut out: Vec<char> = kept.into_iter().map(|(c, _)| c).collect();
    if width > 0 {
        out.push('…');
        total += 1;
    }
    (out, total)
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_width::UnicodeWidthStr;

    #[test]
    fn whole_words_case_insensitive() {
        let s = crate::bundled::session().expect("bundled");
        let hits: Vec<_> = find(&s, "HYGIENE").collect();
        assert_eq!(hits.len(), 3);
        assert!(hits.iter().all(|h| h.word == "hygiene"));
        assert!(find(&s, "hygien").next().is_none(), "whole words only");
        assert!(hits[0].before.ends_with("personal cyber cyber "));
    }

    #[test]
    fn phrases_and_words_of_unspaced_scripts() {
        let s = crate::bundled::session().expect("bundled");
        for phrase in [
            "cyber hygiene",
            "'cyber hygiene'",
            "\"Cyber  Hygiene\"",
            "'cyber hygiene",
        ] {
            let hits: Vec<_> = find(&s, phrase).collect();
            assert_eq!(hits.len(), 3, "{phrase}");
            assert!(
                hits.iter()
                    .all(|h| h.word.eq_ignore_ascii_case("cyber hygiene"))
            );
        }
        assert!(
            find(&s, "cyber hygien").next().is_none(),
            "whole words at the ends"
        );
        let text =
            "戸山正恵: 進捗を共有します。次の進捗は来週です。\n真鍋博樹: 了解です。進捗管理も。\n";
        let loaded = crate::formats::load_bytes("ja.txt", None, text.as_bytes()).expect("reads");
        let hits: Vec<_> = find(&loaded.session, "進捗").collect();
        assert_eq!(hits.len(), 3);
        assert!(hits[0].after.starts_with("を共有"));
        assert_eq!(find(&loaded.session, "進捗を共有").count(), 1);
        assert!(find(&loaded.session, "  ").next().is_none());
    }

    #[test]
    fn contexts_fit_their_width_by_display_columns() {
        assert_eq!(tail("a  b c", 8), "   a b c");
        assert_eq!(tail("one two three four", 8), "…ee four");
        assert_eq!(head("東京 会議 です", 7), "東京 … ");
        assert_eq!(head("short", 7), "short  ");
        assert_eq!(head("  short  ", 7), "short  ");
        assert_eq!(tail("東京会議", 5).width(), 5);
        assert_eq!(head("exactly", 7), "exactly");
        assert_eq!(head("exactly!", 7), "exactl…");
    }

    #[test]
    fn context_keeps_the_space_the_text_has() {
        let hit = Hit {
            turn: 0,
            before: "we need cyber ",
            word: "hygiene",
            after: ". So",
        };
        assert_eq!(
            hit.context(10),
            ("…ed cyber ".to_string(), ". So      ".to_string())
        );
    }

    #[test]
    fn controls_in_context_are_shown_not_sent() {
        assert_eq!(head("\x1b[2Jx\u{9b}y", 8), "␛[2Jx\u{fffd}y ");
        assert_eq!(tail("a\x07\u{202e}", 4), " a␇\u{fffd}");
    }

    #[test]
    fn a_huge_run_of_white_space_is_cut_not_walked() {
        let spaces = " ".repeat(1_000_000);
        let text = format!("{spaces}far");
        assert_eq!(head(&text, 10), "…         ");
        assert_eq!(tail(&format!("far{spaces}"), 10), "         …");
    }

    #[test]
    fn hits_borrow_a_long_paragraph_and_cost_width_per_hit() {
        // 450 KB in one paragraph: the concordance of its commonest word stays quick because
        // no hit copies the text around it.
        let sentence = "So the point is that the network of the teams is the answer. ";
        let text = format!(
            "Moderator: Go ahead.\n\nAnn: {}\n",
            sentence.repeat(450_000 / sentence.len())
        );
        let loaded = crate::formats::load_bytes("long.txt", None, text.as_bytes()).expect("reads");
        let hits: Vec<_> = find(&loaded.session, "the").collect();
        assert_eq!(hits.len(), 4 * (450_000 / sentence.len()));
        for h in &hits {
            let (l, r) = h.context(60);
            assert_eq!((l.width(), r.width()), (60, 60));
        }
    }
}
