//! The DiploAI importer against the real reports and the variants found in the wild.

#![allow(clippy::unwrap_used)] // a failing unwrap in a test is a failing test

use podium::formats::{self, Format, Loaded, podium_json};
use podium::session::{PublishedStats, Role, SessionKind, SpeakerKind};

const FULL: &str = include_str!("../data/igf2023-ns44-csirt.txt");
const SUMMARY: &str = include_str!("fixtures/igf2023-ns44-csirt-summary-only.txt");

fn load(bytes: &[u8]) -> Loaded {
    formats::load_bytes("test.txt", Some("test.txt"), bytes).expect("loads")
}

fn names(l: &Loaded) -> Vec<&str> {
    l.session.speakers.iter().map(|s| s.name.as_str()).collect()
}

#[test]
fn full_report_has_19_turns_by_6_labels_with_published_figures() {
    let l = load(FULL.as_bytes());
    let s = &l.session;
    assert_eq!(l.format, Format::DiploAi);
    assert_eq!(s.turns.len(), 19);
    assert_eq!(
        names(&l),
        [
            "Masae Toyama",
            "Hiroki Mashiko",
            "Adli Wahid",
            "Bernhards Blumbergs",
            "Moderator",
            "Audience"
        ]
    );
    let ids: Vec<&str> = s.turns.iter().map(|t| t.id.as_str()).collect();
    assert_eq!(ids[0], "t1");
    assert_eq!(ids[18], "t19");
    let published: Vec<(&str, PublishedStats)> = s
        .speakers
        .iter()
        .map(|sp| (sp.name.as_str(), sp.published.expect("published")))
        .collect();
    let p = |wpm, words, seconds| PublishedStats {
        wpm: Some(wpm),
        words: Some(words),
        seconds: Some(seconds),
    };
    assert_eq!(
        published,
        [
            ("Masae Toyama", p(111, 433, 234)),
            ("Hiroki Mashiko", p(129, 106, 49)),
            ("Adli Wahid", p(162, 322, 119)),
            ("Bernhards Blumbergs", p(180, 634, 211)),
            ("Moderator", p(114, 1687, 885)),
            ("Audience", p(134, 1063, 475)),
        ]
    );
    assert!(l.warnings.is_empty(), "{:?}", l.warnings);
}

#[test]
fn full_report_metadata() {
    let m = load(FULL.as_bytes()).session.meta;
    assert_eq!(
        m.title,
        "Meeting Spot for CSIRT Practitioners: Share Your Experiences"
    );
    assert_eq!(m.event.as_deref(), Some("IGF 2023 Networking Session #44"));
    assert_eq!(m.date.as_deref(), Some("2023-10-09"));
    assert_eq!(
        m.start_time.map(|t| t.to_string()).as_deref(),
        Some("00:30")
    );
    assert_eq!(m.end_time.map(|t| t.to_string()).as_deref(), Some("01:30"));
    assert_eq!(m.time_zone.as_deref(), Some("UTC"));
    assert_eq!(m.kind, SessionKind::FullReport);
    assert!(
        m.disclaimer
            .expect("disclaimer")
            .starts_with("It should be noted")
    );
    assert_eq!(m.source_file.as_deref(), Some("test.txt"));
}

#[test]
fn labels_are_not_people_and_people_keep_their_details() {
    let s = load(FULL.as_bytes()).session;
    let moderator = s.find_speaker("moderator").expect("moderator");
    assert_eq!(moderator.kind, SpeakerKind::Label);
    assert!(!moderator.listed);
    assert!(moderator.has_role(&Role::from("moderator")));
    let audience = s.find_speaker("Audience").expect("audience");
    assert_eq!(
        (audience.kind, audience.has_role(&Role::from("audience"))),
        (SpeakerKind::Label, true)
    );
    let adli = s.find_speaker("adli").expect("adli");
    assert_eq!(adli.id, "adli-wahid");
    assert_eq!(adli.kind, SpeakerKind::Person);
    assert_eq!(adli.organisation.as_deref(), Some("APNIC"));
    assert_eq!(
        adli.stakeholder_group.as_deref(),
        Some("Technical Community")
    );
    assert_eq!(adli.region.as_deref(), Some("Asia-Pacific Group"));
    assert!(adli.has_role(&Role::from("speaker")) && adli.has_role(&Role::from("moderator")));
    // Speech keeps its spelling: "Adly" in what was said, "Adli" as the label.
    let t4 = &s.turns[3];
    assert_eq!(s.speaker_of(t4).id, "adli-wahid");
    assert!(t4.paragraphs[0].contains("My name is Adly Wahid"));
    assert!(!adli.summary.is_empty());
}

#[test]
fn summary_only_report_has_speakers_summaries_no_turns_and_a_warning() {
    let l = load(SUMMARY.as_bytes());
    let s = &l.session;
    assert_eq!(s.meta.kind, SessionKind::SummaryOnly);
    assert!(s.turns.is_empty());
    let listed: Vec<&str> = s
        .speakers
        .iter()
        .filter(|sp| sp.listed)
        .map(|sp| sp.name.as_str())
        .collect();
    assert_eq!(
        listed,
        [
            "Masae Toyama",
            "Hiroki Mashiko",
            "Bernhards Blumbergs",
            "Adli Wahid"
        ]
    );
    let bb = s.find_speaker("Bernhards").expect("bb");
    assert_eq!(bb.organisation.as_deref(), Some("CERT.LV"));
    assert_eq!(
        bb.region.as_deref(),
        Some("Western European and Others Group")
    );
    assert!(
        s.speakers.iter().all(|sp| sp.published.is_none()),
        "zeros mean not published"
    );
    for name in ["Audience", "Moderator", "Masae Toyama", "Hiroki Mashiko"] {
        assert!(
            !s.find_speaker(name).expect(name).summary.is_empty(),
            "{name}"
        );
    }
    assert_eq!(l.warnings.len(), 1);
    assert!(l.warnings[0].message.contains("statistics block is empty"));
    assert!(
        s.meta
            .disclaimer
            .as_deref()
            .is_some_and(|d| d.starts_with("This is not an official record"))
    );
}

#[test]
fn every_non_blank_line_is_kept_somewhere() {
    for source in [FULL, SUMMARY] {
        let l = load(source.as_bytes());
        let json = podium_json::to_string(&l.session);
        let kept: Vec<String> = {
            let v: serde_json::Value = serde_json::from_str(&json).expect("json");
            let mut all = Vec::new();
            collect_strings(&v, &mut all);
            all
        };
        for (n, line) in source.lines().enumerate() {
            let line = line.trim().trim_start_matches('•').trim();
            if line.is_empty() || is_structure(line) {
                continue;
            }
            // A line is kept whole, or as the fields it was split into (a title at " | ", a
            // speaker entry at commas).
            let whole = |part: &str| kept.iter().any(|k| k.contains(part.trim()));
            let found = whole(line)
                || line.split(" | ").all(whole)
                || (line.contains(", ") && line.split(", ").all(whole))
                || line.split_once(':').is_some_and(|(_, rest)| whole(rest));
            assert!(
                found,
                "line {} is not in any field or warning: {line}",
                n + 1
            );
        }
    }
}

/// Headings and the figures' own words: the structure the model represents, not content.
fn is_structure(line: &str) -> bool {
    let lower = line.to_lowercase();
    [
        "event report",
        "speakers and moderators",
        "speakers:",
        "moderators:",
        "table of contents",
        "full session report",
        "session report",
        "session transcript",
        "knowledge graph of debate",
        "speakers",
        "&",
        "click for more",
        "speech speed",
        "speech length",
        "speech time",
    ]
    .contains(&lower.as_str())
        || lower.ends_with("words per minute")
        || lower.ends_with("words")
        || lower.ends_with("secs")
        || lower.starts_with('’')
        || line.parse::<f64>().is_ok()
}

fn collect_strings(v: &serde_json::Value, out: &mut Vec<String>) {
    match v {
        serde_json::Value::String(s) => out.push(s.clone()),
        serde_json::Value::Array(a) => a.iter().for_each(|x| collect_strings(x, out)),
        serde_json::Value::Object(o) => o.values().for_each(|x| collect_strings(x, out)),
        _ => {}
    }
}

#[test]
fn json_round_trip_is_lossless() {
    for source in [FULL, SUMMARY] {
        let session = load(source.as_bytes()).session;
        let json = podium_json::to_string(&session);
        let back = load(json.as_bytes());
        assert_eq!(back.format, Format::PodiumJson);
        assert_eq!(back.session, session);
    }
}

#[test]
fn bundled_json_is_the_import_of_the_bundled_report() {
    let imported = formats::load_bytes(
        "bundled",
        Some(podium::bundled::REPORT_FILE),
        podium::bundled::REPORT.as_bytes(),
    )
    .expect("report")
    .session;
    let bundled = podium::bundled::session().expect("bundled");
    assert_eq!(
        bundled, imported,
        "data/*.json is stale: run `cargo run -- import data/igf2023-ns44-csirt.txt -o data/igf2023-ns44-csirt.json --force`"
    );
}

#[test]
fn crlf_bom_and_no_final_newline_read_the_same() {
    let plain = load(FULL.as_bytes()).session;
    let mut messy = b"\xEF\xBB\xBF".to_vec();
    messy.extend(FULL.trim_end().replace('\n', "\r\n").as_bytes());
    assert_eq!(load(&messy).session, plain);
}

#[test]
fn a_latin1_byte_in_a_transcript_line_is_read_with_a_warning() {
    let marker = "Thank you, Mashiko-san.";
    let line = FULL
        .lines()
        .position(|l| l.contains(marker))
        .expect("marker")
        + 1;
    let bytes = FULL
        .replacen(marker, "Thank you,\u{1}Mashiko-san.", 1)
        .into_bytes();
    let bytes: Vec<u8> = bytes
        .into_iter()
        .map(|b| if b == 1 { 0xA0 } else { b })
        .collect();
    let l = load(&bytes);
    assert_eq!(l.session.turns.len(), 19);
    assert_eq!(l.warnings.len(), 1);
    assert_eq!(l.warnings[0].line, Some(line));
    assert!(l.session.turns[2].paragraphs[0].contains("Thank you,\u{a0}Mashiko-san."));
}

#[test]
fn variants_seen_in_the_wild() {
    let report = "\
Viewing Disinformation | IGF 2023 WS #209

31 May 2024 10:00h - 10:45h

Speakers and Moderators

Speakers:
  • Nighat Dad, Civil Society, Asia-Pacific Group
  • Jane Roe, Ministry of X, Y and Z, Government, African Group
Moderators:
  • Anriette Esterhuysen, Civil Society, African Group

Table of contents

Disclaimer: This is not an official record of the session.

Session at a glance

A short overview of the session.

Knowledge Graph of Debate

Session report

UNESCO Representative Highlights Digital Transformation Impact on Cultural Diversity and Creative Industries

The session opened with a presentation.

Corway Wu

Politicians also spread false information.

Session transcript

Anriette Esterhuysen:
Welcome, everyone. Mr. Wu, please?

Speaker 1: I have a point.
More on that point.

Corway Wu:
Thank you.

Anriette Esterhuysen

Speech speed

150 words per minute

Speech length

1,200 words

Speech time

8 mins 0 secs";
    let l = load(report.as_bytes());
    let s = &l.session;
    assert_eq!(s.meta.time_zone, None);
    assert_eq!(
        s.meta.start_time.map(|t| t.to_string()).as_deref(),
        Some("10:00")
    );
    assert_eq!(
        s.meta.disclaimer.as_deref(),
        Some("This is not an official record of the session.")
    );
    assert_eq!(
        s.summary,
        [
            "A short overview of the session.",
            "UNESCO Representative Highlights Digital Transformation Impact on Cultural Diversity and Creative Industries",
            "The session opened with a presentation."
        ]
    );
    let wu = s.find_speaker("Corway Wu").expect("wu");
    assert_eq!((wu.kind, wu.listed), (SpeakerKind::Person, false));
    assert_eq!(wu.summary, ["Politicians also spread false information."]);
    let roe = s.find_speaker("Jane Roe").expect("roe");
    assert_eq!(roe.organisation.as_deref(), Some("Ministry of X, Y and Z"));
    assert_eq!(s.turns.len(), 3);
    assert_eq!(
        s.turns[1].paragraphs,
        ["I have a point.", "More on that point."]
    );
    assert_eq!(s.speaker_name(&s.turns[1]), "Speaker 1");
    let ae = s.find_speaker("Anriette").expect("ae");
    assert_eq!(
        ae.published,
        Some(PublishedStats {
            wpm: Some(150),
            words: Some(1200),
            seconds: Some(480)
        })
    );
    assert!(l.warnings.is_empty(), "{:?}", l.warnings);
}
