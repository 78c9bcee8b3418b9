//! `podium stats [FILE] [--json]`: computed figures per speaker beside the published ones.

use std::io::Write;
use std::process::ExitCode;

use podium::session::{PublishedStats, Session, SpeakerKind};
use podium::stats::{self, Figures, SpeakerStats, TimeSource, Timed};
use serde::Serialize;

use super::input::Source;
use super::out::clean;
use super::table::{self, Align};

pub struct Stats {
    pub source: Source,
    pub json: bool,
    /// Bold table header.
    pub colour: bool,
}

impl Stats {
    pub fn run(self) -> anyhow::Result<ExitCode> {
        let session = self.source.load()?;
        // Per-turn facts are only printed in JSON: the table need not make a million of them.
        let report = Report::new(&session, self.json);
        let mut out = std::io::stdout().lock();
        if self.json {
            podium::sanitize::json(&mut out, &report, true)?;
            writeln!(out)?;
        } else {
            out.write_all(report.to_text(self.colour).as_bytes())?;
        }
        out.flush()?;
        // Freeing a large session piece by piece takes longer than the process's exit does.
        std::mem::forget(session);
        Ok(ExitCode::SUCCESS)
    }
}

/// The `--json` document: `{"session": {...}, "speakers": [...]}`.
#[derive(Serialize)]
pub struct Report {
    session: SessionFacts,
    speakers: Vec<SpeakerFacts>,
    turns: Vec<TurnFacts>,
}

/// One turn: its words and when it starts, measured or estimated (`time_source`).
#[derive(Serialize)]
struct TurnFacts {
    id: String,
    speaker: String,
    words: usize,
    questions: usize,
    start_seconds: f64,
    start_clock: String,
    end_seconds: f64,
    /// Silence before the turn, where times are measured.
    gap_before_seconds: Option<f64>,
    time_source: TimeSource,
}

#[derive(Serialize)]
struct SessionFacts {
    title: String,
    event: Option<String>,
    date: Option<String>,
    start_time: Option<String>,
    end_time: Option<String>,
    time_zone: Option<String>,
    /// The date line as every printer writes it ([`podium::session::Meta::when`]).
    #[serde(skip)]
    when: Option<String>,
    kind: &'static str,
    source_format: String,
    source_file: Option<String>,
    speakers: usize,
    turns: usize,
    words: usize,
}

#[derive(Serialize)]
struct SpeakerFacts {
    id: String,
    name: String,
    kind: SpeakerKind,
    roles: Vec<String>,
    /// The source's own id of the person (ParlaMint's `StephenKinnock`), when it has one.
    person_id: Option<String>,
    /// The party on the session's date, as the source abbreviates it (`LAB`).
    party: Option<String>,
    /// The organisation: for a parliament, the party's full name.
    organisation: Option<String>,
    turns: usize,
    words: usize,
    share: f64,
    longest_turn: Option<LongestTurn>,
    questions: usize,
    published: Option<PublishedStats>,
    published_to_computed_words: Option<f64>,
    speaking_time: Option<Timed>,
    /// Words per minute of measured speaking time (sources with timestamps only).
    wpm: Option<f64>,
}

#[derive(Serialize)]
struct LongestTurn {
    turn: String,
    words: usize,
}

fn round(x: f64, places: i32) -> f64 {
    let f = 10f64.powi(places);
    (x * f).round() / f
}

impl Report {
    /// The report of `session`; its per-turn facts only `with_turns`.
    pub fn new(session: &Session, with_turns: bool) -> Self {
        let figures = Figures::new(session);
        let all = 0..session.turns.len();
        let speakers = figures
            .speakers(session, all.clone())
            .into_iter()
            .map(|st| speaker_facts(session, &st))
            .collect();
        let m = &session.meta;
        Report {
            session: SessionFacts {
                title: m.title.clone(),
                event: m.event.clone(),
                date: m.date.clone(),
                start_time: m.start_time.map(|t| t.to_string()),
                end_time: m.end_time.map(|t| t.to_string()),
                time_zone: m.time_zone.clone(),
                when: m.when(),
                kind: m.kind.label(),
                source_format: m.source_format.clone(),
                source_file: m.source_file.clone(),
                speakers: session.speakers.len(),
                turns: session.turns.len(),
                words: figures.total_words(all),
            },
            speakers,
            turns: session
                .turns
                .iter()
                .take(if with_turns { usize::MAX } else { 0 })
                .zip(&figures.turns)
                .zip(&figures.times)
                .enumerate()
                .map(|(i, ((turn, fig), time))| TurnFacts {
                    id: turn.id.clone(),
                    speaker: session.speaker_name(turn).to_string(),
                    words: fig.words,
                    questions: fig.questions,
                    start_seconds: round(time.start, 1),
                    start_clock: stats::clock_at(session, time.start),
                    end_seconds: round(time.end, 1),
                    gap_before_seconds: (time.source == TimeSource::Measured && i > 0)
                        .then(|| round((time.start - figures.times[i - 1].end).max(0.0), 1)),
                    time_source: time.source,
                })
                .collect(),
        }
    }

    /// The table `podium stats` prints, every name and date from the input cleaned for the
    /// terminal; `colour` makes the table's header bold.
    pub fn to_text(&self, colour: bool) -> String {
        let s = &self.session;
        let mut out = format!("{}\n", clean(&s.title));
        let mut line: Vec<String> = Vec::new();
        line.extend(s.event.clone());
        line.extend(s.when.clone());
        line.push(format!("{} ({})", s.kind, s.source_format));
        out.push_str(&clean(&line.join(" · ")));
        out.push_str(&format!(
            "\n{} speakers · {} turns · {} words\n\n",
            s.speakers, s.turns, s.words
        ));
        let published = self.speakers.iter().any(|sp| sp.published.is_some());
        let parties = self.speakers.iter().any(|sp| sp.party.is_some());
        let rows: Vec<Vec<String>> = self
            .speakers
            .iter()
            .map(|sp| sp.row(published, parties))
            .collect();
        let mut header = vec!["speaker"];
        if parties {
            header.push("party");
        }
        header.extend([
            "role",
            "turns",
            "words",
            "share",
            "longest",
            "questions",
            "time",
            "wpm",
        ]);
        if published {
            header.extend(["pub wpm", "pub words", "pub time", "pub/comp"]);
        }
        let mut aligns = vec![Align::Left; if parties { 3 } else { 2 }];
        aligns.resize(header.len(), Align::Right);
        let table = table::render(&header, &aligns, &rows);
        match table.split_once('\n') {
            Some((head, body)) if colour => {
                out.push_str(&format!("\x1b[1m{head}\x1b[0m\n{body}"));
            }
            _ => out.push_str(&table),
        }
        out.push_str(if published {
            "\ntime: measured from the transcript's timestamps, or ~ estimated from words and published \
             speech rates (as in the browser); wpm: from measured times; pub = published in the \
             report, - = not published\n"
        } else {
            "\ntime: measured from the transcript's timestamps, ~ estimated; wpm: words per minute of that time\n"
        });
        out
    }
}

fn speaker_facts(session: &Session, st: &SpeakerStats) -> SpeakerFacts {
    let sp = &session.speakers[st.speaker];
    SpeakerFacts {
        id: sp.id.clone(),
        name: sp.name.clone(),
        kind: sp.kind,
        roles: sp.roles.iter().map(|r| r.as_str().to_string()).collect(),
        person_id: sp.person_id.clone(),
        party: sp.party.clone(),
        organisation: sp.organisation.clone(),
        turns: st.turns,
        words: st.words,
        share: round(st.share, 4),
        longest_turn: st.longest_turn.map(|(t, words)| LongestTurn {
            turn: session.turns[t].id.clone(),
            words,
        }),
        questions: st.questions,
        published: st.published,
        published_to_computed_words: st.published_to_computed.map(|r| round(r, 3)),
        speaking_time: st.speaking_time.map(|t| Timed {
            seconds: round(t.seconds, 1),
            ..t
        }),
        wpm: st.wpm.map(|w| round(w, 1)),
    }
}

impl SpeakerFacts {
    fn row(&self, published: bool, parties: bool) -> Vec<String> {
        let dash = || "-".to_string();
        let opt = |v: Option<u64>| v.map_or_else(dash, |v| v.to_string());
        let p = self.published.unwrap_or_default();
        let role = if self.roles.is_empty() {
            dash()
        } else {
            clean(&self.roles.join(",")).into_owned()
        };
        let mut row = vec![clean(&self.name).into_owned()];
        if parties {
            row.push(
                self.party
                    .as_deref()
                    .map_or_else(dash, |p| clean(p).into_owned()),
            );
        }
        row.extend([
            role,
            self.turns.to_string(),
            self.words.to_string(),
            format!("{:.1}%", self.share * 100.0),
            self.longest_turn
                .as_ref()
                .map_or_else(dash, |l| format!("{} ({})", clean(&l.turn), l.words)),
            self.questions.to_string(),
            self.speaking_time.map_or_else(dash, stats::time_label),
            self.wpm.map_or_else(dash, |w| format!("{w:.0}")),
        ]);
        if published {
            row.extend([
                opt(p.wpm),
                opt(p.words),
                p.seconds
                    .map_or_else(dash, |s| stats::format_duration(s as f64)),
                self.published_to_computed_words
                    .map_or_else(dash, |r| format!("{r:.2}")),
            ]);
        }
        row
    }
}
