//! Concordance (keyword in context): every occurrence of a word, with the words around it, the
//! view researchers use to see how a term is used.

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

use crate::session::Session;

/// One occurrence: the context either side (as written), the word as written, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub turn: usize,
    pub left: String,
    pub word: String,
    pub right: String,
}

/// Every occurrence of `word` (a whole word, case-insensitive) in the session's turns.
pub fn find(session: &Session, word: &str) -> Vec<Hit> {
    let wanted = word.trim().to_lowercase();
    if wanted.is_empty() {
        return Vec::new();
    }
    let mut out = Vec::new();
    for (t, turn) in session.turns.iter().enumerate() {
        for p in &turn.paragraphs {
            for (at, w) in p.unicode_word_indices() {
                if w.to_lowercase() == wanted {
                    out.push(Hit {
                        turn: t,
                        left: p[..at].to_string(),
                        word: w.to_string(),
                        right: p[at + w.len()..].to_string(),
                    });
                }
            }
        }
    }
    out
}

/// The last `width` display columns of `text`, white space folded, `…` where it was cut,
/// padded on the left.
pub fn tail(text: &str, width: usize) -> String {
    let kept = cut(text, width, true);
    " ".repeat(width.saturating_sub(kept.width())) + &kept
}

/// The first `width` display columns of `text`, white space folded, `…` where it was cut,
/// padded on the right.
pub fn head(text: &str, width: usize) -> String {
    let kept = cut(text, width, false);
    let pad = width.saturating_sub(kept.width());
    kept + &" ".repeat(pad)
}

/// `text` with white space folded, cut to `width` columns from its start (or its end), with
/// `…` on the side that was cut.
fn cut(text: &str, width: usize, from_end: bool) -> String {
    let folded = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if folded.width() <= width {
        return folded;
    }
    let mut kept: Vec<char> = Vec::new();
    let mut w = 1;
    let chars: Box<dyn Iterator<Item = char>> = if from_end {
        Box::new(folded.chars().rev())
    } else {
        Box::new(folded.chars())
    };
    for c in chars {
        let cw = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if w + cw > width {
            break;
        }
        kept.push(c);
        w += cw;
    }
    if from_end {
        std::iter::once('…').chain(kept.into_iter().rev()).collect()
    } else {
        kept.into_iter().chain(std::iter::once('…')).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_words_case_insensitive() {
        let s = crate::bundled::session().expect("bundled");
        let hits = find(&s, "HYGIENE");
        assert_eq!(hits.len(), 3);
        assert!(hits.iter().all(|h| h.word == "hygiene"));
        assert!(find(&s, "hygien").is_empty(), "whole words only");
        assert!(hits[0].left.ends_with("personal cyber cyber "));
    }

    #[test]
    fn contexts_fit_their_width_by_display_columns() {
        assert_eq!(tail("a  b c", 8), "   a b c");
        assert_eq!(tail("one two three four", 8), "…ee four");
        assert_eq!(head("東京 会議 です", 7), "東京 … ");
        assert_eq!(head("short", 7), "short  ");
        assert_eq!(tail("東京会議", 5).width(), 5);
    }
}
