//! Taking a session (or part of it: one speaker's turns, marked quotes) out as Markdown, CSV,
//! Podium JSON or plain `Name: text` lines that Podium reads back.
//!
//! The plain formats (Markdown, CSV, text) are read on terminals as often as in editors: every
//! field from the session passes through [`sanitize::clean`] in them. JSON keeps the exact text.

use std::borrow::Cow;

use serde::Serialize;

use crate::sanitize::{self, Keep};
use crate::session::{Session, SpeakerIx};
use crate::stats::{Figures, TimeSource};
use crate::text::word_count;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum To {
    Markdown,
    Json,
    Csv,
    Text,
}

impl To {
    pub const ALL: [To; 4] = [To::Markdown, To::Json, To::Csv, To::Text];

    /// The name on the command line (`--to md`), also the file extension.
    pub fn name(self) -> &'static str {
        self.extension()
    }

    /// Other names accepted for it.
    pub fn aliases(self) -> &'static [&'static str] {
        match self {
            To::Markdown => &["markdown"],
            To::Text => &["text"],
            To::Json | To::Csv => &[],
        }
    }

    pub fn description(self) -> &'static str {
        match self {
            To::Markdown => "Markdown: title, date, speakers, a paragraph per turn",
            To::Json => "Podium session JSON (exact text)",
            To::Csv => "CSV: session,turn,speaker,start,end,words,text",
            To::Text => "`Name: text` lines that Podium reads back",
        }
    }

    /// By name or alias, case-insensitive.
    pub fn from_name(name: &str) -> Option<To> {
        let name = name.to_lowercase();
        To::ALL
            .into_iter()
            .find(|t| t.name() == name || t.aliases().contains(&name.as_str()))
    }

    pub fn extension(self) -> &'static str {
        match self {
            To::Markdown => "md",
            To::Json => "json",
            To::Csv => "csv",
            To::Text => "txt",
        }
    }
}

/// A name, title or id, cleaned for a one-line field.
fn field(text: &str) -> Cow<'_, str> {
    sanitize::clean(text, Keep::Nothing)
}

/// Body text, cleaned, its tabs and line breaks kept.
fn body(text: &str) -> String {
    sanitize::clean(text, Keep::TabAndNewline).into_owned()
}

/// Cleaned text for Markdown: what a renderer would take as HTML or a link (`<img …>`,
/// `[x](javascript:…)`) is escaped and shows as written.
fn md(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in field(text).chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '[' | '`' => {
                out.push('\\');
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    out
}

/// A CSV cell a spreadsheet will not run: one starting with `=`, `+`, `-`, `@`, tab or carriage
/// return gets a leading `'` (OWASP's advice against formula injection).
fn cell(text: Cow<'_, str>) -> Cow<'_, str> {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        Cow::Owned(format!("'{text}"))
    } else {
        text
    }
}

/// A one-line CSV cell from a session's text: cleaned of controls, kept from running as a
/// formula.
pub(crate) fn csv_text(text: &str) -> String {
    cell(field(text)).into_owned()
}

/// A piece to export: a whole turn, or one sentence of it (0-based).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Excerpt {
    pub turn: usize,
    pub sentence: Option<usize>,
}

/// Every turn of a session.
pub fn all(session: &Session) -> Vec<Excerpt> {
    (0..session.turns.len())
        .map(|turn| Excerpt {
            turn,
            sentence: None,
        })
        .collect()
}

/// The turns of speaker index `speaker`.
pub fn by_speaker(session: &Session, speaker: usize) -> Vec<Excerpt> {
    session
        .turns_by(SpeakerIx(speaker))
        .map(|(turn, _)| Excerpt {
            turn,
            sentence: None,
        })
        .collect()
}

/// The excerpt's text: the sentence, or the turn's paragraphs.
fn paragraphs(session: &Session, e: Excerpt) -> Vec<String> {
    let turn = &session.turns[e.turn];
    match e.sentence {
        Some(s) => turn.sentence(s).map(str::to_string).into_iter().collect(),
        None => turn.paragraphs.clone(),
    }
}

/// `[00:14:32]` from real times, `~00:31:46` from estimates.
fn time_label(session: &Session, figures: &Figures, turn: usize) -> String {
    figures.times.get(turn).map_or_else(String::new, |t| {
        let clock = crate::stats::clock_at(session, t.start);
        match t.source {
            TimeSource::Estimated => format!("~{clock}"),
            _ => clock,
        }
    })
}

/// One session's excerpts in `to`. Several sessions are exported by joining these (CSV rows,
/// Markdown sections); JSON callers wrap them in an array.
pub fn export(session: &Session, excerpts: &[Excerpt], to: To) -> String {
    match to {
        To::Markdown => markdown(session, excerpts),
        To::Json => json(session, excerpts),
        To::Csv => csv(&[(session, excerpts)]),
        To::Text => text(session, excerpts),
    }
}

fn markdown(session: &Session, excerpts: &[Excerpt]) -> String {
    let m = &session.meta;
    let figures = Figures::new(session);
    let mut out = format!("# {}\n\n", md(&m.title));
    let mut line: Vec<String> = Vec::new();
    line.extend(m.event.clone());
    line.extend(m.when().or_else(|| m.date_text.clone()));
    if !line.is_empty() {
        out.push_str(&format!("{}\n\n", md(&line.join(" · "))));
    }
    let speakers: Vec<String> = session
        .speakers
        .iter()
        .enumerate()
        .filter(|(i, _)| {
            excerpts
                .iter()
                .any(|e| session.turns[e.turn].speaker.get() == *i)
        })
        .map(|(_, s)| s)
        .map(|s| match &s.organisation {
            Some(org) => format!("{} ({})", md(&s.name), md(org)),
            None => md(&s.name),
        })
        .collect();
    out.push_str(&format!("**Speakers:** {}\n\n", speakers.join(", ")));
    for &e in excerpts {
        let turn = &session.turns[e.turn];
        let time = time_label(session, &figures, e.turn);
        let place = match e.sentence {
            Some(s) => format!("{}.{}", field(&turn.id), s + 1),
            None => field(&turn.id).into_owned(),
        };
        let when = if time.is_empty() {
            place
        } else {
            format!("{place}, {time}")
        };
        out.push_str(&format!(
            "**{}** ({when}): {}\n\n",
            md(session.speaker_name(turn)),
            md(&body(&paragraphs(session, e).join(" ")))
        ));
    }
    out
}

fn json(session: &Session, excerpts: &[Excerpt]) -> String {
    crate::formats::podium_json::to_string(&subset(session, excerpts))
}

/// The session with only the excerpts' turns (a sentence excerpt keeps just that sentence).
pub fn subset(session: &Session, excerpts: &[Excerpt]) -> Session {
    let mut out = session.clone();
    out.turns = excerpts
        .iter()
        .map(|&e| {
            let mut t = session.turns[e.turn].clone();
            t.paragraphs = paragraphs(session, e);
            if e.sentence.is_some() {
                t.paragraph_starts.clear();
            }
            t.split_sentences();
            t
        })
        .collect();
    out
}

#[derive(Serialize)]
struct CsvRow<'a> {
    session: Cow<'a, str>,
    turn: String,
    speaker: Cow<'a, str>,
    start: Option<f64>,
    end: Option<f64>,
    words: usize,
    text: String,
}

/// `session,turn,speaker,start,end,words,text`; start and end are seconds where the source has
/// times, empty otherwise.
pub fn csv(sessions: &[(&Session, &[Excerpt])]) -> String {
    let mut w = csv::Writer::from_writer(Vec::new());
    for (session, excerpts) in sessions {
        for &e in *excerpts {
            let turn = &session.turns[e.turn];
            let text = paragraphs(session, e).join("\n\n");
            let row = CsvRow {
                session: cell(field(&session.meta.title)),
                turn: match e.sentence {
                    Some(s) => format!("{}.{}", field(&turn.id), s + 1),
                    None => field(&turn.id).into_owned(),
                },
                speaker: cell(field(session.speaker_name(turn))),
                start: turn.start,
                end: turn.end,
                words: word_count(&text),
                text: cell(Cow::Owned(body(&text))).into_owned(),
            };
            // Writing to memory cannot fail but for an unrepresentable row; skip it then.
            let _ = w.serialize(row);
        }
    }
    String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
}

/// `Name: text`, or `Name (00:01:42): text` where the turn has a time (Rev's header, which the
/// labelled-text reader takes back with the time). A later paragraph with a time of its own
/// starts `(00:03:10) ` (a timestamp at a line's start, which the reader takes back too).
fn text(session: &Session, excerpts: &[Excerpt]) -> String {
    let mut out = format!("# {}\n\n", field(&session.meta.title));
    for &e in excerpts {
        let turn = &session.turns[e.turn];
        let time = turn
            .start
            .map_or_else(String::new, |s| format!(" ({})", timecode(s)));
        let mut text = paragraphs(session, e);
        if e.sentence.is_none() {
            for (p, paragraph) in text.iter_mut().enumerate().skip(1) {
                if let Some(at) = turn.paragraph_start(p) {
                    paragraph.insert_str(0, &format!("({}) ", timecode(at)));
                }
            }
        }
        out.push_str(&format!(
            "{}{time}: {}\n\n",
            field(session.speaker_name(turn)),
            body(&text.join("\n\n"))
        ));
    }
    out
}

/// `01:02:03`, with `.250` when the time has a fraction of a second.
fn timecode(seconds: f64) -> String {
    let ms = (seconds.max(0.0) * 1000.0).round() as u64;
    let (h, m, s, frac) = (ms / 3_600_000, ms / 60_000 % 60, ms / 1000 % 60, ms % 1000);
    if frac == 0 {
        format!("{h:02}:{m:02}:{s:02}")
    } else {
        format!("{h:02}:{m:02}:{s:02}.{frac:03}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bundled() -> Session {
        crate::bundled::session().expect("bundled")
    }

    #[test]
    fn markdown_has_title_date_speakers_and_a_paragraph_per_turn() {
        let s = bundled();
        let md = export(&s, &by_speaker(&s, 1), To::Markdown);
        assert!(md.starts_with("# Meeting Spot for CSIRT Practitioners: Share Your Experiences\n\nIGF 2023 Networking Session #44 · 2023-10-09 00:30–01:30 UTC\n\n**Speakers:** Hiroki Mashiko (NTTDATA-CERT)\n\n**Hiroki Mashiko** (t2, ~00:30:26): Hi all."), "{md}");
        assert_eq!(md.matches("**Hiroki Mashiko** (").count(), 1);
    }

    #[test]
    fn exports_neither_run_formulas_nor_render_html() {
        let mut s = bundled();
        s.speakers[0].name = "=HYPERLINK(\"http://x\")".into();
        s.turns[0].paragraphs =
            vec!["<img src=x onerror=alert(1)> [x](javascript:alert(1))".into()];
        s.refresh_derived();
        let ex = [Excerpt {
            turn: 0,
            sentence: None,
        }];
        let csv = export(&s, &ex, To::Csv);
        let mut r = csv::Reader::from_reader(csv.as_bytes());
        let row = r.records().next().expect("row").expect("record");
        assert_eq!(&row[2], "'=HYPERLINK(\"http://x\")");
        let md = export(&s, &ex, To::Markdown);
        assert!(
            md.contains("&lt;img src=x onerror=alert(1)&gt; \\[x](javascript:alert(1))"),
            "{md}"
        );
        assert!(!md.contains("<img"));
    }

    #[test]
    fn csv_quotes_commas_and_newlines() {
        let s = bundled();
        let out = export(&s, &all(&s), To::Csv);
        let mut r = csv::Reader::from_reader(out.as_bytes());
        assert_eq!(
            r.headers().expect("headers").iter().collect::<Vec<_>>(),
            [
                "session", "turn", "speaker", "start", "end", "words", "text"
            ]
        );
        let rows: Vec<csv::StringRecord> = r.records().map(|x| x.expect("row")).collect();
        assert_eq!(rows.len(), 19);
        assert_eq!(&rows[3][2], "Adli Wahid");
        assert!(rows[3][6].contains("Adly Wahid, and I am"));
    }

    #[test]
    fn text_and_json_read_back() {
        let s = bundled();
        let marks = [
            Excerpt {
                turn: 3,
                sentence: Some(3),
            },
            Excerpt {
                turn: 17,
                sentence: None,
            },
        ];
        let txt = export(&s, &marks, To::Text);
        let back =
            crate::formats::load_bytes("x.txt", Some("x.txt"), txt.as_bytes()).expect("reads");
        assert_eq!(back.session.turns.len(), 2);
        assert_eq!(back.session.meta.title, s.meta.title);
        let json = export(&s, &marks, To::Json);
        let back = crate::formats::load_bytes("x.json", None, json.as_bytes()).expect("reads");
        assert_eq!(back.session.turns[0].paragraphs.len(), 1);
        assert_eq!(back.session.turns[1].id, "t18");
    }

    #[test]
    fn text_keeps_times_and_reads_back_with_them() {
        let vtt = "WEBVTT\n\n00:01:42.000 --> 00:01:45.000\n<v Travis>Hello there.\n\n01:00:50.250 --> 01:00:52.000\n<v Ann Lee>Hi. Welcome back.\n";
        let s = crate::formats::load_bytes("ep.vtt", Some("ep.vtt"), vtt.as_bytes())
            .expect("reads")
            .session;
        let txt = export(&s, &all(&s), To::Text);
        assert!(txt.contains("Travis (00:01:42): Hello there."), "{txt}");
        assert!(
            txt.contains("Ann Lee (01:00:50.250): Hi. Welcome back."),
            "{txt}"
        );
        let back = crate::formats::load_bytes("x.txt", Some("x.txt"), txt.as_bytes())
            .expect("reads")
            .session;
        let starts: Vec<Option<f64>> = back.turns.iter().map(|t| t.start).collect();
        assert_eq!(starts, [Some(102.0), Some(3650.25)]);
        assert_eq!(back.turns[1].paragraphs, s.turns[1].paragraphs);
    }

    #[test]
    fn names_accept_their_aliases() {
        for to in To::ALL {
            assert_eq!(To::from_name(to.name()), Some(to));
            for alias in to.aliases() {
                assert_eq!(To::from_name(&alias.to_uppercase()), Some(to));
            }
        }
        assert_eq!(To::from_name("pdf"), None);
    }

    #[test]
    fn plain_formats_show_controls_json_keeps_them() {
        let mut s = bundled();
        s.meta.title = "T\x1b]0;owned\x07".into();
        s.speakers[1].name = "Hiro\x1b]52;c;aGk=\x07".into();
        s.turns[1].paragraphs = vec!["Hi \u{9b}2J\u{202e}all.".into()];
        s.turns[1].split_sentences();
        let picked = by_speaker(&s, 1);
        for to in [To::Markdown, To::Csv, To::Text] {
            let out = export(&s, &picked, to);
            assert!(
                !out.contains(['\x1b', '\x07', '\u{9b}', '\u{202e}']),
                "{to:?}: {out}"
            );
            assert!(out.contains("Hiro␛]52;c;aGk=␇"), "{to:?}: {out}");
        }
        let json = export(&s, &picked, To::Json);
        let back = crate::formats::load_bytes("x.json", None, json.as_bytes()).expect("reads");
        assert_eq!(back.session.speakers[1].name, s.speakers[1].name);
        assert_eq!(back.session.turns[0].paragraphs, s.turns[1].paragraphs);
    }
}
