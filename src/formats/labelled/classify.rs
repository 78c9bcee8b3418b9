//! One line of labelled text, classified: a label of some layout, a heading, an examination
//! mark, a Europarl tag, or text. Every layout's header is recognised here.

use std::borrow::Cow;

use crate::formats::captions::label_prefix_judged;
use crate::formats::evidence::{self, Refusal, Shape, Shapes};
use crate::formats::speakers::{is_name_like, label_role};
use crate::formats::timecode;

/// Who a speaker mark names: somebody by name, or somebody new and unnamed (a bare `>>`).
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Mark<'t> {
    Named(Cow<'t, str>),
    Unnamed,
}

/// What one line of the file is.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Line<'t> {
    Blank,
    /// `#` to `######` and the heading's text.
    Heading(usize, &'t str),
    /// A speaker mark or a `Name:` candidate, the time it gives and the words after it.
    Label {
        who: Mark<'t>,
        at: Option<f64>,
        said: &'t str,
        shape: Shape,
        refused: Option<Refusal>,
        how: &'static str,
    },
    /// `Q.` and `A.` in examination, and `BY MR. X:` naming the examiner.
    Question(&'t str),
    Answer(&'t str),
    Examiner(&'t str),
    /// Europarl's `<CHAPTER ID=…>`: the next line is its title.
    Chapter,
    /// A line that is only markup: an image, a link, an HTML tag or embed, a bare address. Set
    /// aside as a note, never speech.
    Markup(&'t str),
    Text {
        at: Option<f64>,
        text: Cow<'t, str>,
    },
}

/// Lines after the markup every layout shares is undone: Markdown's escaped brackets
/// (`\[00:03:58.22\]`) and a time in backticks (`` `[00:00]` ``).
pub(super) fn unescape(raw: &str) -> Cow<'_, str> {
    let t = raw.trim();
    if !t.starts_with('`') && memchr::memchr(b'\\', t.as_bytes()).is_none() {
        return Cow::Borrowed(t);
    }
    let mut s = t.replace("\\[", "[").replace("\\]", "]");
    if s.starts_with("`[")
        && let Some(close) = s.find("]`")
    {
        s.replace_range(close + 1..close + 2, "");
        s.remove(0);
    }
    Cow::Owned(s)
}

fn label<'t>(
    shapes: &mut Shapes,
    who: Mark<'t>,
    at: Option<f64>,
    said: &'t str,
    how: &'static str,
) -> Line<'t> {
    let refused = match &who {
        Mark::Named(n) => shapes
            .judge_name(n)
            .and_then(|v| evidence::with_title(v, n, said).1),
        Mark::Unnamed => None,
    };
    Line::Label {
        who,
        at,
        said,
        shape: Shape::Strong,
        refused,
        how,
    }
}

/// What a line (unescaped) is; `shapes` remembers verdicts on names across the file's lines.
pub(super) fn classify<'t>(t: &'t str, court: bool, shapes: &mut Shapes) -> Line<'t> {
    if t.is_empty() || t == "<P>" {
        return Line::Blank;
    }
    if let Some(line) = europarl(t, shapes) {
        return line;
    }
    if let Some(rest) = t.strip_prefix(">>") {
        let rest = rest.trim_start();
        let named = match label_prefix_judged(rest, shapes) {
            Some((name, said, Shape::Proper | Shape::Strong, None)) => Some((name, said)),
            _ => None,
        };
        return match named {
            Some((name, said)) => label(
                shapes,
                Mark::Named(Cow::Borrowed(name)),
                None,
                said,
                "`>> NAME:` caption mark",
            ),
            None => label(shapes, Mark::Unnamed, None, rest, "bare `>>` caption mark"),
        };
    }
    let hashes = t.bytes().take_while(|&c| c == b'#').count();
    if (1..=6).contains(&hashes) && t[hashes..].starts_with(' ') {
        return Line::Heading(hashes, t[hashes..].trim());
    }
    if is_markup(t) {
        return Line::Markup(t);
    }
    if (court || t.starts_with(['Q', 'A', 'B']))
        && let Some(line) = examination(t)
    {
        return line;
    }
    // Only a time in brackets opens a line.
    let leading = match t.starts_with(['[', '(']) {
        true => timecode::leading(t),
        false => None,
    };
    let (at, rest) = match leading {
        Some((at, rest)) => (Some(at), rest),
        None => (None, t),
    };
    if let Some(found) = markdown_label(rest, at, shapes)
        .or_else(|| bold_heading(rest))
        .or_else(|| zoom_header(rest, shapes))
        .or_else(|| rev_header(rest, shapes))
        .or_else(|| otter_header(rest, shapes))
    {
        return found;
    }
    // Happy Scribe: `[00:00:00.00] - Speaker 1` above the text.
    if at.is_some()
        && let Some(name) = rest.strip_prefix("- ").filter(|l| is_label(l))
    {
        return label(
            shapes,
            Mark::Named(Cow::Borrowed(name.trim())),
            at,
            "",
            "Happy Scribe header",
        );
    }
    if let Some((name, said, shape, refused)) = label_prefix_judged(rest, shapes) {
        // A list item or a link is never a label, whatever its shape.
        let refused = if t.starts_with(['-', '*', '•', '[']) && at.is_none() {
            Some(Refusal::Markup)
        } else {
            refused
        };
        return Line::Label {
            who: Mark::Named(Cow::Borrowed(name)),
            at,
            said,
            shape,
            refused,
            how: "",
        };
    }
    let text = if court && rest.starts_with('(') && rest.ends_with(')') {
        // A stage direction (`(Jury present)`): an annotation, not speech.
        Cow::Owned(format!("[{}]", &rest[1..rest.len() - 1]))
    } else {
        Cow::Borrowed(rest)
    };
    Line::Text { at, text }
}

/// Europarl: `<SPEAKER ID=2 NAME="Evans, Robert J" LANGUAGE="EN">`, `<CHAPTER ID=1>`, `<P>`.
fn europarl<'t>(t: &'t str, shapes: &mut Shapes) -> Option<Line<'t>> {
    if t.starts_with("<CHAPTER") && t.ends_with('>') {
        return Some(Line::Chapter);
    }
    let tag = t.strip_prefix("<SPEAKER")?.strip_suffix('>')?;
    let name = attribute(tag, "NAME")?;
    let name = match attribute(tag, "AFFILIATION") {
        Some(a) if !name.contains('(') => format!("{name} ({a})"),
        _ => name,
    };
    Some(label(
        shapes,
        Mark::Named(Cow::Owned(name)),
        None,
        "",
        "Europarl `<SPEAKER NAME=…>`",
    ))
}

/// `NAME="Evans, Robert J"` or `NAME=President` in a tag's attributes.
fn attribute(tag: &str, key: &str) -> Option<String> {
    let at = tag.find(&format!("{key}="))? + key.len() + 1;
    let rest = &tag[at..];
    let value = match rest.strip_prefix('"') {
        Some(q) => &q[..q.find('"')?],
        None => rest.split_whitespace().next().unwrap_or_default(),
    };
    let value = value.trim();
    (!value.is_empty()).then(|| value.to_string())
}

/// `Q.`, `A.` (or `Q:`, `Q` and spaces) and `BY MR. SMITH:`.
fn examination(t: &str) -> Option<Line<'_>> {
    if let Some(name) = t
        .strip_prefix("BY ")
        .and_then(|r| r.trim().strip_suffix(':'))
    {
        // `BY THE WITNESS:` resumes the answer after an objection; nobody examines.
        if name.trim().eq_ignore_ascii_case("the witness") {
            return Some(Line::Blank);
        }
        return (name.split_whitespace().count() <= 4).then(|| Line::Examiner(name.trim()));
    }
    let mut chars = t.chars();
    let letter = chars.next()?;
    let rest = chars.as_str();
    let said = if let Some(r) = rest.strip_prefix(['.', ':']) {
        r
    } else if rest.starts_with("  ") || rest.starts_with('\t') || rest.is_empty() {
        rest
    } else {
        return None;
    };
    if !(said.is_empty() || said.starts_with(char::is_whitespace)) {
        return None;
    }
    let said = said.trim();
    match letter {
        'Q' => Some(Line::Question(said)),
        'A' => Some(Line::Answer(said)),
        _ => None,
    }
}

fn is_label(name: &str) -> bool {
    let n = name.trim();
    !n.is_empty()
        && n.split_whitespace().count() <= 5
        && (is_name_like(n) || label_role(n).is_some())
}

/// `**Name:** text`, `**Name**: text`, WhisperX's `**[00:18] SPEAKER_00:** text`, a time in
/// the label (`**Jane Doe (00:15):**`, Otter's Markdown) and a header with its time after the
/// bold name (`**Speaker 1** · 00:00:07`, the text below). HTML's `&nbsp;` inside the bold
/// (`**CHUCK:&nbsp;**`) is a space. A bold label of lower-case words (`**School librarian:**`)
/// is a name where the file's convention says so, as any lower-case label.
fn markdown_label<'t>(t: &'t str, at: Option<f64>, shapes: &mut Shapes) -> Option<Line<'t>> {
    let rest = t.strip_prefix("**")?;
    let close = rest.find("**")?;
    let inner = trim_spaces(&rest[..close]);
    let after = &rest[close + 2..];
    let (name, said, header_at) = match inner.strip_suffix(':') {
        Some(name) => (name, after, None),
        None => match after.strip_prefix(':') {
            Some(said) => (inner, said, None),
            None => (inner, "", Some(header_time(after)?)),
        },
    };
    let (at, name) = match timecode::leading(name) {
        Some((time, n)) if name.starts_with('[') => (Some(time), n),
        _ => (at.or(header_at), name),
    };
    let (at, name) = match trailing_time(name) {
        Some((n, time)) => (Some(time), n),
        None => (at, name),
    };
    let name = trim_spaces(name);
    let said = said.trim_start();
    if is_label(name) {
        return Some(label(
            shapes,
            Mark::Named(Cow::Borrowed(name)),
            at,
            said,
            "bold `**Name:**` label",
        ));
    }
    match shapes.judge_name(name) {
        Some((Shape::Lower, None)) if name.split_whitespace().count() <= 4 => Some(Line::Label {
            who: Mark::Named(Cow::Borrowed(name)),
            at,
            said,
            shape: Shape::Lower,
            refused: None,
            how: "bold `**Name:**` label",
        }),
        _ => None,
    }
}

/// Whitespace, no-break spaces and HTML's `&nbsp;` trimmed from both ends.
fn trim_spaces(s: &str) -> &str {
    let mut s = s;
    loop {
        let before = s;
        s = s.trim_matches(|c: char| c.is_whitespace() || c == '\u{a0}');
        s = s.strip_prefix("&nbsp;").unwrap_or(s);
        s = s.strip_suffix("&nbsp;").unwrap_or(s);
        if s == before {
            return s;
        }
    }
}

/// What follows a bold name when it heads the text below: only a time, maybe after a
/// separator (`· 00:00:07`, `- 1:02`, `(00:15)`).
fn header_time(after: &str) -> Option<f64> {
    let t = trim_spaces(after);
    let t = t
        .strip_prefix(['·', '-', '–', '—', '|', '@'])
        .map_or(t, str::trim_start);
    let t = t
        .strip_prefix(['(', '['])
        .and_then(|x| x.strip_suffix([')', ']']))
        .unwrap_or(t);
    timecode::parse(t.trim())
}

/// `Jane Doe (00:15)` → (`Jane Doe`, 15 s).
fn trailing_time(name: &str) -> Option<(&str, f64)> {
    let body = name.trim_end().strip_suffix(')')?;
    let open = body.rfind('(')?;
    let at = timecode::parse(body[open + 1..].trim())?;
    let name = body[..open].trim_end();
    (!name.is_empty()).then_some((name, at))
}

/// A line that is all bold and names nobody (`**Cross-Account Drift Detection**`): a heading,
/// not speech. Long bold lines (a sponsor's notice) stay text.
fn bold_heading(t: &str) -> Option<Line<'_>> {
    let inner = t.strip_prefix("**")?.strip_suffix("**")?.trim();
    (!inner.is_empty()
        && !inner.contains("**")
        && inner.split_whitespace().count() <= 12
        && !ends_sentence(inner))
    .then_some(Line::Heading(7, inner))
}

/// A line that is only markup: `![alt](img.png)`, Obsidian's `![[clip.mp3]]`, a link alone
/// (`[Listen on Spotify](https://…)`), an HTML tag or embed (`<iframe …></iframe>`,
/// `<details>`, `<summary>Translation</summary>`, `<br/>`), an HTML comment, or a bare web
/// address.
fn is_markup(t: &str) -> bool {
    if t.starts_with("![") && (t.ends_with(')') || t.ends_with("]]")) {
        return true;
    }
    if t.starts_with('[') && t.ends_with(')') && t.contains("](") {
        let close = t.find("](").unwrap_or(0);
        // One link, nothing after it.
        return !t[close + 2..].contains("](");
    }
    if (t.starts_with("http://") || t.starts_with("https://")) && !t.contains(' ') {
        return true;
    }
    if t.starts_with("<!--") && t.ends_with("-->") {
        // A comment a converter leaves (`<!-- converted from notes.docx -->`).
        return true;
    }
    if let Some(tag) = t.strip_prefix('<') {
        let tag = tag.strip_prefix('/').unwrap_or(tag);
        let name: String = tag
            .chars()
            .take_while(char::is_ascii_alphanumeric)
            .collect::<String>()
            .to_ascii_lowercase();
        return t.ends_with('>') && HTML_TAGS.contains(&name.as_str());
    }
    false
}

/// HTML elements whose lines are page furniture or embeds in a Markdown transcript.
const HTML_TAGS: &[&str] = &[
    "iframe",
    "audio",
    "video",
    "source",
    "embed",
    "object",
    "img",
    "br",
    "hr",
    "details",
    "summary",
    "div",
    "span",
    "figure",
    "figcaption",
    "picture",
    "script",
    "style",
    "center",
    "table",
    "tr",
    "td",
    "th",
    "a",
];

/// Zoom's saved transcript: `[Jane Doe] 10:02:03`.
fn zoom_header<'t>(t: &'t str, shapes: &mut Shapes) -> Option<Line<'t>> {
    let rest = t.strip_prefix('[')?;
    let (name, time) = rest.split_once(']')?;
    let at = timecode::parse(time.trim())?;
    is_label(name).then(|| {
        label(
            shapes,
            Mark::Named(Cow::Borrowed(name.trim())),
            Some(at),
            "",
            "Zoom `[Name] time` header",
        )
    })
}

/// Rev: `Jane Doe (00:01:02):` with the text below or after it.
fn rev_header<'t>(t: &'t str, shapes: &mut Shapes) -> Option<Line<'t>> {
    memchr::memchr(b'(', t.as_bytes())?;
    let open = t.find(" (")?;
    let close = t[open..].find("):").map(|p| p + open)?;
    let at = timecode::parse(&t[open + 2..close])?;
    let name = &t[..open];
    is_label(name).then(|| {
        label(
            shapes,
            Mark::Named(Cow::Borrowed(name.trim())),
            Some(at),
            t[close + 2..].trim_start(),
            "Rev `Name (time):` header",
        )
    })
}

/// Otter: `Jane Doe  0:02` — a name, then only a timestamp.
/// Also Trint, Sonix and others: `Jane Doe [00:00:05]` or `Jane Doe (00:00:05)`.
fn otter_header<'t>(t: &'t str, shapes: &mut Shapes) -> Option<Line<'t>> {
    let (name, time) = t.rsplit_once(char::is_whitespace)?;
    let time = time
        .strip_prefix(['[', '('])
        .and_then(|x| x.strip_suffix([']', ')']))
        .unwrap_or(time);
    let at = timecode::parse(time)?;
    is_label(name).then(|| {
        label(
            shapes,
            Mark::Named(Cow::Borrowed(name.trim())),
            Some(at),
            "",
            "Otter/Trint `Name time` header",
        )
    })
}

/// A line ends a sentence, so the next line opens a paragraph even without a blank line.
pub(super) fn ends_sentence(text: &str) -> bool {
    text.trim_end().ends_with([
        '.', '?', '!', '…', '"', '”', ']', ')', ':', '。', '？', '！',
    ])
}
