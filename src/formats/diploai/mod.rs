//! The DiploAI / dig.watch session report in its text form: a title line (`Title | Event`), a
//! date line, the speaker list, summaries (the session's and each speaker's), the transcript
//! (`Name:` on its own line, then paragraphs) and the published speech statistics.
//!
//! Real reports vary: headings come and go ("Event report", "Knowledge Graph of Debate",
//! "Session at a glance", "Full session report" or "Session report"), disclaimers are worded
//! differently, the statistics block may be empty. The parser walks the lines once, knows the
//! headings it has seen in the wild, and puts every other non-blank line into a field or a
//! warning, so nothing is dropped silently.

mod figures;
mod header;
mod list;

use foldhash::{HashMap, HashSet};

use crate::formats::ParseError;
use crate::formats::speakers::{self as people, Entry, Registry, label_role};
use crate::session::{FORMAT_VERSION, Meta, Session, SessionKind, SpeakerIx, Turn, Warning};

/// A non-blank line with its 1-based number.
#[derive(Debug, Clone, Copy)]
pub struct Line<'a> {
    pub number: usize,
    pub text: &'a str,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Heading {
    /// Page furniture with nothing under it: "Event report", "Table of contents".
    Furniture,
    People,
    Summary,
    Transcript,
}

fn heading(text: &str) -> Option<Heading> {
    let text = text.trim();
    // A character lower-cases to a byte at least and is four at most: a line four times the
    // longest heading's length is none of them, and a transcript's lines are mostly longer.
    if text.len() > 4 * "knowledge graph of debate".len() {
        return None;
    }
    match text.to_lowercase().as_str() {
        "event report" | "table of contents" | "knowledge graph of debate" => {
            Some(Heading::Furniture)
        }
        "speakers and moderators" | "speakers & moderators" => Some(Heading::People),
        "full session report"
        | "session report"
        | "session at a glance"
        | "session summary"
        | "summary" => Some(Heading::Summary),
        "session transcript" | "full session transcript" | "transcript" => {
            Some(Heading::Transcript)
        }
        _ => None,
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Section {
    Preamble,
    People { role: Option<String> },
    Summary { speaker: Option<usize> },
    Transcript,
}

/// What the walk collects before names are linked to speakers.
#[derive(Default)]
struct Raw {
    listed: Vec<(Entry, String)>,
    summary: Vec<String>,
    /// (heading name, paragraphs) in report order.
    speaker_summaries: Vec<(String, Vec<String>)>,
    /// (label, line, paragraphs).
    turns: Vec<(String, usize, Vec<String>)>,
    figures: Vec<figures::Group>,
    figures_line: Option<usize>,
    disclaimer: Option<String>,
    saw_transcript: bool,
    warnings: Vec<Warning>,
    /// Every name listed or labelling a turn so far, folded: a long transcript asks after each
    /// `Name: text` line.
    known: HashSet<String>,
    /// The labels of turns so far as written (each folded into `known` once).
    labels: HashSet<String>,
}

impl Raw {
    fn warn(&mut self, line: usize, message: impl Into<String>) {
        self.warnings.push(Warning {
            line: Some(line),
            message: message.into(),
        });
    }

    fn known_name(&self, name: &str) -> bool {
        self.labels.contains(name.trim())
            || self.known.contains(&crate::text::fold_name(name))
            || label_role(name).is_some()
    }

    fn push_turn(&mut self, label: &str, line: usize, paragraphs: Vec<String>) {
        if !self.labels.contains(label) {
            self.known.insert(crate::text::fold_name(label));
            self.labels.insert(label.to_string());
        }
        self.turns.push((label.to_string(), line, paragraphs));
    }
}

/// The non-blank lines, trimmed, with their 1-based numbers.
fn non_blank<'a>(all_lines: &[&'a str]) -> Vec<Line<'a>> {
    all_lines
        .iter()
        .enumerate()
        .filter(|(_, t)| !t.trim().is_empty())
        .map(|(i, t)| Line {
            number: i + 1,
            text: t.trim(),
        })
        .collect()
}

/// Parses a report from its lines (already decoded, `lines[0]` is line 1).
pub fn parse(all_lines: &[&str]) -> Result<Session, ParseError> {
    let lines = non_blank(all_lines);
    let Some(first) = lines.first() else {
        return Err(ParseError::at(
            1,
            "empty file; expected a DiploAI session report",
        ));
    };
    if !looks_like_report(&lines) {
        return Err(ParseError::at(
            first.number,
            "not a DiploAI session report: expected a title line, then a date such as \
             \"9 Oct 2023 00:30h - 01:30h UTC\" and headings such as \"Session transcript\"",
        ));
    }
    let mut raw = Raw::default();
    let mut meta = Meta {
        source_format: "diploai".to_string(),
        ..Meta::default()
    };
    let mut rest = &lines[..];
    if heading(first.text).is_none() && header::parse_date_line(first.text).is_none() {
        let (title, event) = header::split_title(first.text);
        meta.title = title;
        meta.event = event;
        rest = &rest[1..];
    } else {
        meta.title = "Untitled session".to_string();
        raw.warn(
            first.number,
            "no title line; expected \"Title | Event\" first",
        );
    }
    if let Some(line) = rest.first() {
        match header::parse_date_line(line.text) {
        Some(d) => {
            meta.date = Some(d.date);
            meta.start_time = d.start;
            meta.end_time = d.end;
            meta.time_zone = d.zone;
            meta.date_text = Some(line.text.to_string());
            rest = &rest[1..];
        }
        None => raw.warn(
            line.number,
            "no date line; expected a date such as \"9 Oct 2023 00:30h - 01:30h UTC\" after the title",
        ),
    }
    }
    walk(rest, &mut raw)?;
    meta.disclaimer = raw.disclaimer.take();
    meta.kind = if raw.saw_transcript {
        SessionKind::FullReport
    } else {
        SessionKind::SummaryOnly
    };
    Ok(assemble(meta, raw))
}

/// Whether decoded lines read as a DiploAI report (for detection by content).
pub fn looks_like(all_lines: &[&str]) -> bool {
    // The report's test reads the first 400 non-blank lines at most.
    let mut non_blank_seen = 0;
    let end = all_lines
        .iter()
        .position(|l| {
            non_blank_seen += usize::from(!l.trim().is_empty());
            non_blank_seen == 400
        })
        .map_or(all_lines.len(), |i| i + 1);
    let lines = non_blank(&all_lines[..end]);
    looks_like_report(&lines)
}

/// A report has a date line second or one of the report's own headings early on.
fn looks_like_report(lines: &[Line<'_>]) -> bool {
    let dated = lines
        .iter()
        .take(2)
        .any(|l| header::parse_date_line(l.text).is_some());
    dated
        || lines.iter().take(400).any(|l| {
            heading(l.text).is_some_and(|h| h != Heading::Furniture)
                || l.text.starts_with("Disclaimer:")
                || figures::is_figure_heading(l.text)
        })
}

fn walk(lines: &[Line<'_>], raw: &mut Raw) -> Result<(), ParseError> {
    let mut section = Section::Preamble;
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        let text = line.text;
        if let Some(rest) = text.strip_prefix("Disclaimer:") {
            raw.disclaimer = Some(rest.trim().to_string());
            i += 1;
            continue;
        }
        if let Some(h) = heading(text) {
            if h != Heading::Furniture && i + 1 == lines.len() {
                return Err(ParseError::at(
                    line.number,
                    format!(
                        "report ends after the heading \"{text}\"; expected its content below it"
                    ),
                ));
            }
            section = match h {
                Heading::Furniture => section,
                Heading::People => Section::People { role: None },
                Heading::Summary => Section::Summary { speaker: None },
                Heading::Transcript => {
                    raw.saw_transcript = true;
                    Section::Transcript
                }
            };
            i += 1;
            continue;
        }
        if section != Section::Preamble && starts_figures(lines, i) {
            raw.figures_line = Some(line.number);
            raw.figures = figures::parse(&lines[i..])?;
            return Ok(());
        }
        match &mut section {
            Section::Preamble => raw.warn(
                line.number,
                format!("text before the report's sections, kept here: {text}"),
            ),
            Section::People { role } => people_line(line, role, raw, lines.get(i + 1))?,
            Section::Summary { speaker } => summary_line(line, speaker, raw),
            Section::Transcript => transcript_line(line, raw, lines.get(i + 1))?,
        }
        i += 1;
    }
    Ok(())
}

/// The statistics block starts with a figure heading, a name just above one, or its own
/// furniture ("Speakers", "&") just above either.
fn starts_figures(lines: &[Line<'_>], i: usize) -> bool {
    let is_fig = |j: usize| {
        lines
            .get(j)
            .is_some_and(|l| figures::is_figure_heading(l.text))
    };
    let text = lines[i].text;
    if is_fig(i) || (is_fig(i + 1) && people::is_name_like(text)) {
        return true;
    }
    let furniture = text.eq_ignore_ascii_case("speakers") || figures::is_furniture(text);
    furniture && (i + 1..i + 4).any(is_fig)
}

fn people_line(
    line: Line<'_>,
    role: &mut Option<String>,
    raw: &mut Raw,
    next: Option<&Line<'_>>,
) -> Result<(), ParseError> {
    let text = line.text;
    let bullet = text.starts_with(['•', '·', '*', '-', '–']);
    if !bullet && text.ends_with(':') && text.split_whitespace().count() <= 4 {
        if next.is_none() {
            return Err(ParseError::at(
                line.number,
                format!("report ends after \"{text}\"; expected the list of names below it"),
            ));
        }
        *role = Some(role_of(text.trim_end_matches(':')));
        return Ok(());
    }
    let entry = list::parse_entry(text);
    match role {
        Some(role) if !entry.name.is_empty() && (bullet || text.split_whitespace().count() <= 12) => {
            raw.known.insert(crate::text::fold_name(&entry.name));
            raw.listed.push((entry, role.clone()));
        }
        _ => raw.warn(
            line.number,
            format!("expected a speaker list entry (\"• Name, Organisation, Group, Region\") under \"Speakers:\" or \"Moderators:\", kept here: {text}"),
        ),
    }
    Ok(())
}

/// "Speakers" → "speaker", "Online moderators" → "moderator", "Rapporteurs" → "rapporteur".
fn role_of(heading: &str) -> String {
    let lower = heading.trim().to_lowercase();
    if lower.contains("moderator") {
        return "moderator".to_string();
    }
    if lower.contains("speaker") || lower.contains("panel") {
        return "speaker".to_string();
    }
    lower.strip_suffix('s').unwrap_or(&lower).to_string()
}

fn summary_line(line: Line<'_>, speaker: &mut Option<usize>, raw: &mut Raw) {
    let text = line.text;
    if people::is_name_like(text) {
        raw.speaker_summaries.push((text.to_string(), Vec::new()));
        *speaker = Some(raw.speaker_summaries.len() - 1);
        return;
    }
    let headline = !text.ends_with(['.', '!', '?', '"', '”', ')', ':']);
    if headline {
        // A headline such as "UNESCO Representative Highlights …" starts a section of the
        // session's own summary.
        *speaker = None;
    }
    match speaker {
        Some(s) => raw.speaker_summaries[*s].1.push(text.to_string()),
        None => raw.summary.push(text.to_string()),
    }
}

fn transcript_line(
    line: Line<'_>,
    raw: &mut Raw,
    next: Option<&Line<'_>>,
) -> Result<(), ParseError> {
    let text = line.text;
    if let Some(label) = text.strip_suffix(':')
        && people::is_name_like(label)
    {
        match next {
            None => {
                return Err(ParseError::at(
                    line.number,
                    format!("report ends after the label \"{text}\"; expected what {label} said"),
                ));
            }
            Some(n) if is_label_line(n.text) => {
                raw.warn(
                    line.number,
                    format!("\"{text}\" has no text before the next label"),
                );
            }
            Some(_) => raw.push_turn(label.trim(), line.number, Vec::new()),
        }
        return Ok(());
    }
    if let Some((name, said)) = split_at_colon(text)
        && name.split_whitespace().count() <= 6
        && raw.known_name(name)
    {
        raw.push_turn(name.trim(), line.number, vec![said.trim().to_string()]);
        return Ok(());
    }
    match raw.turns.last_mut() {
        Some((_, _, paragraphs)) => paragraphs.push(text.to_string()),
        None => {
            raw.warn(
                line.number,
                "transcript text before any speaker label; attributed to \"Unknown speaker\"",
            );
            raw.push_turn("Unknown speaker", line.number, vec![text.to_string()]);
        }
    }
    Ok(())
}

/// `text.split_once(": ")`, looking for the colon alone (a transcript line has few).
fn split_at_colon(text: &str) -> Option<(&str, &str)> {
    memchr::memchr_iter(b':', text.as_bytes())
        .find(|&at| text.as_bytes().get(at + 1) == Some(&b' '))
        .map(|at| (&text[..at], &text[at + 2..]))
}

fn is_label_line(text: &str) -> bool {
    text.strip_suffix(':').is_some_and(people::is_name_like)
}

/// Links every name to a speaker and builds the session.
fn assemble(meta: Meta, mut raw: Raw) -> Session {
    let mut registry = Registry::default();
    for (entry, role) in &raw.listed {
        registry.add_listed(entry, role);
    }
    // A label is resolved once: a long transcript repeats a few labels many times.
    let mut resolved: HashMap<String, usize> = HashMap::default();
    let turns: Vec<Turn> = std::mem::take(&mut raw.turns)
        .into_iter()
        .enumerate()
        .map(|(n, (label, _, paragraphs))| {
            let s = match resolved.get(&label) {
                Some(&s) => s,
                None => {
                    let s = registry.resolve(&label);
                    resolved.insert(label, s);
                    s
                }
            };
            Turn::new(n, SpeakerIx(s), paragraphs)
        })
        .collect();
    for (name, paragraphs) in &raw.speaker_summaries {
        let s = registry.resolve(name);
        registry.speakers[s]
            .summary
            .extend(paragraphs.iter().cloned());
    }
    let all_empty = raw.figures.iter().all(|g| g.figures.is_empty());
    if let (Some(line), true) = (raw.figures_line, all_empty) {
        raw.warn(
            line,
            "the speech statistics block is empty (zero or blank figures): treated as not published",
        );
    }
    for group in &raw.figures {
        if group.figure_lines == 0 {
            if let Some((line, name)) = &group.name {
                raw.warnings.push(Warning {
                    line: Some(*line),
                    message: format!(
                        "line in the statistics block without figures, kept here: {name}"
                    ),
                });
            }
            continue;
        }
        if group.figures.is_empty() {
            continue;
        }
        match &group.name {
            Some((_, name)) => {
                let s = registry.resolve(name);
                registry.speakers[s].published = Some(group.figures);
            }
            None => raw.warnings.push(Warning {
                line: raw.figures_line,
                message: format!(
                    "published figures without a speaker name: {:?}",
                    group.figures
                ),
            }),
        }
    }
    let mut session = Session {
        format_version: FORMAT_VERSION,
        meta,
        speakers: registry.speakers,
        summary: raw.summary,
        turns,
        sections: Vec::new(),
        notes: Vec::new(),
        warnings: raw.warnings,
    };
    // Speakers in order of their first turn, then those who never speak, in report order.
    session.order_speakers_by_first_turn();
    session
}

#[cfg(test)]
mod tests {
    proptest::proptest! {
        #[test]
        fn split_at_colon_is_split_once(text in "[a-z: é\u{2028}]{0,12}") {
            proptest::prop_assert_eq!(super::split_at_colon(&text), text.split_once(": "));
        }
    }
}
