//! What WebVTT and SRT cues share: markup to strip, and who speaks in a cue's text (`<v Name>`,
//! `Name: text`, `>> Name:`, a bare `>>`, `- ` dialogue dashes).

use crate::formats::pieces::Who;
use crate::formats::speakers;

/// A cue line's text without markup, and the voice its `<v Name>` tag names (closed or not).
pub fn strip_markup(line: &str) -> (Option<String>, String) {
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
            let name = v.trim_start_matches(|c: char| c != ' ').trim();
            if !name.is_empty() {
                voice = Some(decode_entities(name));
            }
        }
        rest = &rest[close + 1..];
    }
    out.push_str(rest);
    (voice, decode_entities(&out))
}

fn decode_entities(text: &str) -> String {
    if !text.contains('&') {
        return text.to_string();
    }
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&nbsp;", "\u{a0}")
        .replace("&lrm;", "\u{200e}")
        .replace("&rlm;", "\u{200f}")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
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

/// `Name: text` → (`Name`, `text`), when what comes before the colon reads as a name or a
/// label (`MODERATOR`, `Speaker 2`, `Dr. Jane Roe`), not as the start of a sentence.
pub fn name_prefix(text: &str) -> Option<(&str, &str)> {
    /// Words that end in a colon in ordinary prose and are never speakers.
    const NOT_NAMES: &[&str] = &[
        "note",
        "notes",
        "example",
        "warning",
        "update",
        "source",
        "subject",
        "tip",
        "caution",
        "important",
        "agenda",
        "topic",
        "edit",
        "ps",
        "nb",
        "todo",
        "fyi",
        "re",
        "http",
        "https",
        "date",
        "time",
        "location",
        "title",
        "link",
        "url",
        "email",
        "tel",
        "phone",
    ];
    let (name, said) = text.split_once(':')?;
    let name = name.trim();
    let lower = name.to_lowercase();
    // Digits belong to clock times and lists ("at 10:30"), except in labels ("Speaker 2").
    let digits_ok = lower.starts_with("speaker") || !name.chars().any(|c| c.is_ascii_digit());
    if said.starts_with("//")
        || name.is_empty()
        || !digits_ok
        || NOT_NAMES.contains(&lower.as_str())
    {
        return None;
    }
    let words = name.split_whitespace().count();
    let ok = words <= 5
        && name.chars().count() <= 40
        && (speakers::is_name_like(name) || speakers::label_role(name).is_some());
    ok.then(|| (name, said.trim_start()))
}

#[cfg(test)]
mod tests {
    use super::*;

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
