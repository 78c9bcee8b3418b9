//! What WebVTT and SRT cues share: markup to strip, and who speaks in a cue's text (`<v Name>`,
//! `Name: text`, `>> Name:`, a bare `>>`, `- ` dialogue dashes).

use std::borrow::Cow;

use crate::formats::evidence::{self, Refusal, Shape, Shapes};
use crate::formats::pieces::Who;
use crate::formats::speakers;

/// `&#237;` and `&#xED;` as the characters they name (Teams writes accented names so);
/// anything that names no character is left as written.
fn decode_numeric(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find("&#") {
        out.push_str(&rest[..at]);
        let after = &rest[at + 2..];
        let (hex, digits) = match after.strip_prefix(['x', 'X']) {
            Some(h) => (true, h),
            None => (false, after),
        };
        let end = digits
            .find(|c: char| !c.is_ascii_hexdigit())
            .unwrap_or(digits.len());
        let code = if hex {
            u32::from_str_radix(&digits[..end], 16).ok()
        } else {
            digits[..end].parse::<u32>().ok()
        };
        match (
            code.and_then(char::from_u32),
            digits[end..].strip_prefix(';'),
        ) {
            (Some(c), Some(tail)) if end > 0 => {
                out.push(c);
                rest = tail;
            }
            _ => {
                out.push_str("&#");
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// A cue line's text without markup, and the voice its `<v Name>` tag names (closed or not);
/// the line itself, not a copy, when it has neither markup nor entities (most lines).
pub fn strip_markup(line: &str) -> (Option<String>, Cow<'_, str>) {
    if memchr::memchr3(b'<', b'{', b'&', line.as_bytes()).is_none() {
        return (None, Cow::Borrowed(line));
    }
    let mut voice = None;
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    while let Some(open) = rest.find(['<', '{']) {
        out.push_str(&rest[..open]);
        let close_char = if rest.as_bytes()[open] == b'<' {
            '>'
        } else {
            '}'
        };
        let Some(close) = rest[open..].find(close_char).map(|p| p + open) else {
            out.push_str(&rest[open..]);
            rest = "";
            break;
        };
        let tag = &rest[open + 1..close];
        // Only `{\an8}`-style ASS overrides are markup among braces.
        if close_char == '}' && !tag.starts_with('\\') {
            out.push_str(&rest[open..=close]);
        } else if let Some(v) = tag.strip_prefix('v').filter(|v| v.starts_with([' ', '.'])) {
            // `<v Name>` or `<v.loud Name>`: the name follows the classes.
            let name = v
                .trim_start_matches(|c: char| c != ' ')
                .trim()
                .trim_end_matches([':', '：'])
                .trim_end();
            if !name.is_empty() {
                voice = Some(decode_entities(name));
            }
        }
        rest = &rest[close + 1..];
    }
    out.push_str(rest);
    let text = if out.contains('&') {
        decode_entities(&out)
    } else {
        out
    };
    (voice, Cow::Owned(text))
}

fn decode_entities(text: &str) -> String {
    if !text.contains('&') {
        return text.to_string();
    }
    decode_numeric(text)
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&nbsp;", "\u{a0}")
        .replace("&lrm;", "\u{200e}")
        .replace("&rlm;", "\u{200f}")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

/// The label candidates among caption lines (1-based line, text, opens its cue).
pub fn candidates<'a>(
    lines: impl Iterator<Item = (usize, &'a str, bool)>,
) -> Vec<evidence::Candidate<'a>> {
    let mut shapes = Shapes::default();
    lines
        .filter_map(|(line, text, opens)| {
            let t = text.trim();
            let t = t
                .strip_prefix(">>")
                .or_else(|| t.strip_prefix("- "))
                .or_else(|| t.strip_prefix("– "))
                .map(str::trim_start)
                .unwrap_or(t);
            let (name, _, shape, refused) = label_prefix_judged(t, &mut shapes)?;
            Some(evidence::Candidate {
                name: Cow::Borrowed(name),
                line,
                shape,
                opens,
                refused,
            })
        })
        .collect()
}

/// Who starts speaking on a caption line, and the words after the speaker mark; a `Name:`
/// prefix counts when `accept` takes the name (the file's judgement, see [`evidence`]).
/// `shapes` remembers verdicts on names across the file's cues.
pub fn speaker_mark_judged<'a>(
    line: &'a str,
    accept: &dyn Fn(&str) -> bool,
    shapes: &mut Shapes,
) -> (Who, &'a str) {
    let t = line.trim();
    if t.starts_with(">>") || t.starts_with("- ") || t.starts_with("– ") {
        return speaker_mark(t);
    }
    match label_prefix_judged(t, shapes) {
        Some((name, said, _, _)) if accept(name) => (Who::Named(name.to_string()), said),
        _ => (Who::Same, t),
    }
}

/// Who starts speaking on a caption line, and the words after the speaker mark.
pub fn speaker_mark(line: &str) -> (Who, &str) {
    let t = line.trim();
    if let Some(rest) = t.strip_prefix(">>") {
        let rest = rest.trim_start();
        return match name_prefix(rest) {
            Some((name, said)) => (Who::Named(name.to_string()), said),
            None => (Who::Unnamed, rest),
        };
    }
    if let Some(rest) = t.strip_prefix("- ").or_else(|| t.strip_prefix("– ")) {
        return match name_prefix(rest) {
            Some((name, said)) => (Who::Named(name.to_string()), said),
            None => (Who::Unnamed, rest),
        };
    }
    match name_prefix(t) {
        Some((name, said)) => (Who::Named(name.to_string()), said),
        None => (Who::Same, t),
    }
}

/// The words before a line's first colon (ASCII or full-width) and after it, when the colon
/// could end a label: not inside a URL or a clock time, and the name part short. A parenthetical
/// after the name (`Mr. Weiler (West Vancouver, Lib.):`) belongs to it.
pub fn label_prefix(text: &str) -> Option<(&str, &str, Shape, Option<Refusal>)> {
    label_prefix_judged(text, &mut Shapes::default())
}

/// As [`label_prefix`], remembering verdicts on names in `shapes` (one per file).
pub fn label_prefix_judged<'a>(
    text: &'a str,
    shapes: &mut Shapes,
) -> Option<(&'a str, &'a str, Shape, Option<Refusal>)> {
    let t = text.trim_start();
    if let Some(found) = paren_label(t, shapes) {
        return Some(found);
    }
    let colon = first_colon(t)?;
    let (name, rest) = t.split_at(colon);
    let said = rest[rest.chars().next()?.len_utf8()..].trim_start();
    if rest.starts_with("://") || name.trim().is_empty() {
        return None;
    }
    let verdict = shapes.remember(name, |name| {
        let bare = speakers::clean_name(name);
        match bare.aside {
            Some(_) => evidence::judge_name(&bare.name),
            None => evidence::judge_name(name),
        }
    })?;
    let (shape, refused) = evidence::with_title(verdict, name, said);
    Some((name.trim(), said, shape, refused))
}

/// Japanese captions name the speaker in full-width brackets before the words: `（司会）おはよう
/// ございます。`. Notes in the same brackets (`（笑）`, `（拍手）`) are refused as labels.
fn paren_label<'a>(
    t: &'a str,
    shapes: &mut Shapes,
) -> Option<(&'a str, &'a str, Shape, Option<Refusal>)> {
    const NOTES: &[&str] = &[
        "笑",
        "笑い",
        "拍手",
        "音楽",
        "沈黙",
        "咳",
        "間",
        "効果音",
        "BGM",
        "歓声",
        "会場",
        "一同笑",
    ];
    let rest = t.strip_prefix('（')?;
    let close = rest.find('）')?;
    let name = rest[..close].trim();
    let said = rest[close + '）'.len_utf8()..].trim_start();
    if name.is_empty() || name.chars().count() > 16 || said.is_empty() {
        return None;
    }
    let (shape, refused) = shapes.remember(name, evidence::judge_name)?;
    let refused = if NOTES.contains(&name) {
        Some(Refusal::Word)
    } else {
        refused
    };
    Some((name, said, shape, refused))
}

/// The byte offset of the first colon, ASCII `:` or full-width `：` (U+FF1A, `EF BC 9A`).
fn first_colon(t: &str) -> Option<usize> {
    let b = t.as_bytes();
    memchr::memchr2_iter(b':', 0xEF, b)
        .find(|&i| b[i] == b':' || b[i..].starts_with(&[0xEF, 0xBC, 0x9A]))
}

/// `Name: text` → (`Name`, `text`), when what comes before the colon reads as a name or a
/// label (`MODERATOR`, `Speaker 2`, `Dr. Jane Roe`) on its own, without the rest of the file
/// to judge by: capitalised, not a word prose puts before a colon, not a title.
pub fn name_prefix(text: &str) -> Option<(&str, &str)> {
    match label_prefix(text)? {
        (name, said, Shape::Proper | Shape::Strong, None) => Some((name, said)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numeric_entities_in_voices_and_text_are_decoded() {
        assert_eq!(
            strip_markup("<v Carlos Far&#237;as>No, caf&#xE9; &amp; &#bad; &#;</v>"),
            (
                Some("Carlos Farías".to_string()),
                "No, café & &#bad; &#;".into()
            )
        );
    }

    #[test]
    fn voices_and_tags() {
        assert_eq!(
            strip_markup("<v Roger Bingham>We are in New York City</v>"),
            (
                Some("Roger Bingham".into()),
                "We are in New York City".into()
            )
        );
        assert_eq!(
            strip_markup("<v.loud Esme>It’s a blue apple tree!"),
            (Some("Esme".into()), "It’s a blue apple tree!".into())
        );
        assert_eq!(
            strip_markup("so<00:05:04.199><c> we</c><c.colorE5E5E5> go</c> &amp; on"),
            (None, "so we go & on".into())
        );
        assert_eq!(
            strip_markup("{\\an8}<i>Top</i> {kept}"),
            (None, "Top {kept}".into())
        );
        assert_eq!(strip_markup("a < b"), (None, "a < b".into()));
    }

    #[test]
    fn speaker_marks() {
        assert_eq!(
            speaker_mark(">> MODERATOR: Welcome."),
            (Who::Named("MODERATOR".into()), "Welcome.")
        );
        assert_eq!(speaker_mark(">> Thank you."), (Who::Unnamed, "Thank you."));
        assert_eq!(
            speaker_mark("- Jane: Yes."),
            (Who::Named("Jane".into()), "Yes.")
        );
        assert_eq!(speaker_mark("- No way."), (Who::Unnamed, "No way."));
        assert_eq!(
            speaker_mark("John Smith: hello"),
            (Who::Named("John Smith".into()), "hello")
        );
        assert_eq!(
            speaker_mark("Speaker 2: hi"),
            (Who::Named("Speaker 2".into()), "hi")
        );
        assert_eq!(
            speaker_mark("the point is: this"),
            (Who::Same, "the point is: this")
        );
        assert_eq!(
            speaker_mark("at 10:30 we met"),
            (Who::Same, "at 10:30 we met")
        );
        assert_eq!(
            speaker_mark("See https://x.org"),
            (Who::Same, "See https://x.org")
        );
        assert_eq!(speaker_mark("Note: later"), (Who::Same, "Note: later"));
    }
}
