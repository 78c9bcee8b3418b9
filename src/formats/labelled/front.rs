//! What comes before the transcript: show notes up to a "Transcript" line, the title and the
//! notes before the first label, and whether Markdown headings name the speakers.

use std::borrow::Cow;

use super::classify::Line;
use crate::formats::court;
use crate::formats::evidence::{self, Shape};
use crate::formats::pieces::Draft;
use crate::formats::speakers::label_role;

/// Lines that mark where show notes end and the transcript begins.
const MARKERS: &[&str] = &[
    "transcript",
    "full transcript",
    "episode transcript",
    "transcription",
    "meeting transcript",
    "interview transcript",
    "raw transcript",
    "verbatim transcript",
    "proceedings",
    "transcript of proceedings",
];

pub(super) fn is_marker(text: &str) -> bool {
    let t = text
        .trim_matches(|c: char| c == '#' || c == '*' || c == '_' || c == ':' || c.is_whitespace());
    // Lowercasing never shortens a text by chars, and no marker has more than 25: a text of
    // over 100 bytes (so over 25 chars) is none. ASCII compares without lowercasing.
    if t.len() > 100 {
        return false;
    }
    if t.is_ascii() {
        return MARKERS.iter().any(|m| t.eq_ignore_ascii_case(m));
    }
    MARKERS.contains(&t.to_lowercase().as_str())
}

/// Enough prose to be a transcript without labels: twenty words and two sentences.
pub(super) fn is_prose<S: AsRef<str>>(lines: &[S]) -> bool {
    let text: String = lines
        .iter()
        .take(400)
        .map(|l| format!("{}\n", l.as_ref()))
        .collect();
    crate::text::word_count(&text) >= 20 && crate::text::sentence_spans(&text).len() >= 2
}

/// The names Markdown headings give speakers, when the file uses them so: two or more
/// name-shaped headings, one of them recurring or a label word, and most headings below the
/// title name-shaped.
pub(super) fn heading_speakers(lines: &[(usize, Line<'_>)]) -> Vec<String> {
    // (folded name, level, count)
    let mut names: Vec<(String, usize, usize)> = Vec::new();
    let mut below_title = 0;
    for (_, line) in lines {
        let Line::Heading(level, text) = line else {
            continue;
        };
        below_title += usize::from(*level >= 2);
        let name = crate::formats::speakers::clean_name(text).name;
        let shaped = matches!(
            evidence::judge_shape(&name, ""),
            Some((Shape::Proper, None))
        ) && name.split_whitespace().count() <= 5;
        if shaped {
            let f = crate::text::fold_name(&name);
            match names.iter_mut().find(|(n, l, _)| *n == f && l == level) {
                Some((_, _, c)) => *c += 1,
                None => names.push((f, *level, 1)),
            }
        }
    }
    // Levels where a heading recurs or is a label word are the file's speaker headings.
    let levels: Vec<usize> = names
        .iter()
        .filter(|(n, _, c)| *c >= 2 || label_role(n).is_some())
        .map(|(_, l, _)| *l)
        .collect();
    let names: Vec<(String, usize)> = names
        .into_iter()
        .filter(|(_, l, _)| levels.contains(l))
        .map(|(n, _, c)| (n, c))
        .collect();
    let shaped: usize = names.iter().map(|(_, c)| c).sum();
    if names.len() >= 2 && shaped * 10 >= below_title * 6 {
        names.into_iter().map(|(n, _)| n).collect()
    } else {
        Vec::new()
    }
}

/// Lines before the first label: the first heading or short line is the title, the rest notes.
pub(super) fn front_matter(
    draft: &mut Draft,
    lines: &[(usize, Line<'_>)],
    texts: &[Cow<'_, str>],
    witness: &mut Option<String>,
    labelled: bool,
) {
    let mut set_aside: Vec<usize> = Vec::new();
    let mut chapter = false;
    for ((n, line), text) in lines.iter().zip(texts) {
        if matches!(line, Line::Chapter) {
            chapter = true;
            continue;
        }
        if matches!(line, Line::Blank) || text.is_empty() {
            continue;
        }
        if let Line::Markup(markup) = line {
            // An embed or a link is never the title.
            draft.notes.push((*markup).to_string());
            set_aside.push(*n);
            continue;
        }
        if std::mem::take(&mut chapter) {
            // Europarl: the chapter's title, the first section of the session.
            draft.sections.push((text.to_string(), 0));
            continue;
        }
        let shown = match line {
            Line::Heading(_, h) => (*h).to_string(),
            _ => text.to_string(),
        };
        if let Some(name) = court::sworn_witness(&shown).or_else(|| court::witness_of_title(&shown))
        {
            *witness = Some(name.to_string());
        }
        let title_like = matches!(line, Line::Heading(..))
            || (shown.split_whitespace().count() <= 16 && !shown.ends_with(['.', '?', '!']));
        if draft.title.is_none() && title_like {
            draft.title = Some(shown.trim_start_matches('#').trim().to_string());
            continue;
        }
        if !labelled && set_aside.is_empty() && draft.title.is_some() {
            // Plain text: only the title stands apart.
            continue;
        }
        draft.notes.push(shown);
        set_aside.push(*n);
    }
    if let (Some(first), Some(last)) = (set_aside.first(), set_aside.last()) {
        let what = if set_aside.len() == 1 {
            format!(
                "1 line before the first speaker label set aside as front matter (line {first})"
            )
        } else {
            format!(
                "{} lines before the first speaker label set aside as front matter (lines {first}–{last})",
                set_aside.len()
            )
        };
        draft.warn(Some(*first), what);
    }
}

/// Capitalised labels seen once before the first speaker who recurs, each with a few words and
/// no full stop after it (`INTERVIEW OF:  GLENN SIMPSON`, `SENATE JUDICIARY COMMITTEE:`, `THE LAST PAGE: Just
/// for fun`): headings of the front matter, not speakers. Returns their lines and names.
///
/// `None` when `lines` end before the first speaker who recurs: a later line decides (and in
/// the whole file, none are headings).
pub(super) fn once_labels_until(
    lines: &[(usize, Line<'_>)],
    judgement: &evidence::Judgement,
) -> Option<Vec<(usize, String)>> {
    let mut found = Vec::new();
    for (n, line) in lines {
        match line {
            Line::Label {
                who: super::classify::Mark::Named(name),
                said,
                shape,
                ..
            } => match judgement.how(name) {
                Some("label seen once")
                    if *shape != Shape::Strong
                        && !name.chars().any(char::is_lowercase)
                        && !speaks_in_court(name)
                        && said.split_whitespace().count() <= 5
                        && !super::classify::ends_sentence(said) =>
                {
                    found.push((*n, name.to_string()));
                }
                Some(_) => return Some(found),
                None => {}
            },
            Line::Question(_) | Line::Answer(_) => return Some(found),
            _ => {}
        }
    }
    // No speaker recurs after them: they are the speakers.
    None
}

/// A person or an office that speaks in court and hearings (`MR. SMITH`, `THE CLERK`), never a
/// heading, even seen once before anyone else.
fn speaks_in_court(name: &str) -> bool {
    const OFFICES: &[&str] = &[
        "clerk",
        "court",
        "bailiff",
        "witness",
        "chairman",
        "chairwoman",
        "chair",
        "reporter",
        "interpreter",
        "marshal",
        "president",
        "speaker",
        "moderator",
        "judge",
        "foreperson",
        "foreman",
        "defendant",
        "plaintiff",
        "deponent",
        "videographer",
        "officer",
        "secretary",
    ];
    let folded = crate::text::fold_name(name);
    let office = folded.strip_prefix("the ").unwrap_or(&folded);
    evidence::honorific(name) || OFFICES.contains(&office)
}

/// The label a witness named on the title page speaks under: `GLENN SIMPSON` answers as
/// `MR. SIMPSON` when the file has that label.
pub(super) fn witness_label(
    witness: &str,
    lines: &[(usize, Line<'_>)],
    judgement: &evidence::Judgement,
) -> Option<String> {
    let surname = crate::text::fold_name(witness.split_whitespace().last()?);
    lines.iter().find_map(|(_, line)| match line {
        Line::Label {
            who: super::classify::Mark::Named(name),
            ..
        } if judgement.how(name).is_some() => {
            let folded = crate::text::fold_name(name);
            let (title, rest) = folded.split_once(' ')?;
            (matches!(
                title,
                "mr." | "ms." | "mrs." | "dr." | "mr" | "ms" | "mrs" | "dr"
            ) && rest == surname)
                .then(|| name.to_string())
        }
        _ => None,
    })
}
