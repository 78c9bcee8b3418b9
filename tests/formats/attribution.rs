//! Issue 12: attribution you can trust. Each fixture is made in its exporter's real shape; the
//! counts in each test are made by hand from the fixture and written beside it.

use super::*;

/// A fixture of issue 12, kept in its own folder so the fixture library other tests open
/// keeps its size.
fn load12(name: &str) -> Loaded {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/attribution")
        .join(name);
    formats::load_path(&path, None).unwrap_or_else(|e| panic!("{e}"))
}

/// Speakers in order of first turn, with (turns, words) each.
fn speakers(s: &Session) -> Vec<(String, usize, usize)> {
    s.speakers
        .iter()
        .enumerate()
        .map(|(i, sp)| {
            let ix = podium::session::SpeakerIx(i);
            let turns = s.turns_by(ix).count();
            let words = s
                .turns_by(ix)
                .flat_map(|(_, t)| t.paragraphs.iter())
                .map(|p| podium::text::word_count(p))
                .sum();
            (sp.name.clone(), turns, words)
        })
        .collect()
}

fn has_warning(l: &Loaded, needle: &str) -> bool {
    l.warnings.iter().any(|w| w.message.contains(needle))
}

#[test]
fn issue_12_zoom_vtt_lower_case_names_follow_the_files_convention() {
    // By hand: 6 cues, 5 open with `Name:`. Anita 5+4, latha 7+1, krithika 5+5 (cue 5 has no
    // label and continues her turn).
    let l = load12("zoom-lowercase.vtt");
    assert_eq!(
        turns(&l.session),
        owned(&[
            ("Anita Desai", 5),
            ("latha sriram", 7),
            ("Anita Desai", 4),
            ("krithika S", 10),
            ("latha sriram", 1)
        ])
    );
    assert!(has_warning(&l, "lower-case"));
    assert!(has_warning(&l, "inherit the previous speaker"));
}

#[test]
fn issue_12_hearing_front_matter_goes_to_notes_not_speakers() {
    // By hand: title, 7 lines of front matter (two of them label-shaped headings), then
    // SENATOR WALSH 6, MR. McNALLY 7, SENATOR WALSH 3.
    let l = load12("hearing.txt");
    let s = &l.session;
    assert_eq!(s.meta.title, "ROUGH EDITED COPY");
    assert_eq!(s.notes.len(), 7);
    assert!(s.notes.contains(&"ALSO IN ATTENDANCE:".to_string()));
    assert_eq!(
        turns(s),
        owned(&[
            ("SENATOR WALSH", 6),
            ("MR. McNALLY", 7),
            ("SENATOR WALSH", 3)
        ])
    );
    assert!(has_warning(&l, "front-matter heading"));
    assert!(has_warning(&l, "set aside as front matter"));
}

#[test]
fn issue_12_court_pages_lose_furniture_and_q_a_resolve_to_examiner_and_witness() {
    // By hand: 2 pages, 12 numbered lines of speech. THE COURT 3+1, MS. ALVAREZ (`BY`) 4+9+4,
    // Nichols (running head `Nichols - Cross`) 2+2+4 (`THE WITNESS:`)+2, MR. FOLLY 1.
    let l = load12("court.txt");
    assert_eq!(l.format, Format::Text);
    assert_eq!(
        turns(&l.session),
        owned(&[
            ("THE COURT", 3),
            ("MS. ALVAREZ", 4),
            ("Nichols", 2),
            ("MS. ALVAREZ", 9),
            ("Nichols", 2),
            ("MR. FOLLY", 1),
            ("THE COURT", 1),
            ("Nichols", 4),
            ("MS. ALVAREZ", 4),
            ("Nichols", 2),
        ])
    );
    assert_eq!(
        l.session.turns[3].paragraphs,
        ["Where were you on the night of March 3rd?"],
        "line numbers gone, the wrapped line joined"
    );
    assert!(has_warning(&l, "page numbers dropped"));
    assert!(has_warning(
        &l,
        "running heads and reporter footers dropped"
    ));
}

#[test]
fn issue_12_speechmatics_words_punctuation_and_uu() {
    // By hand: S1 "Welcome everyone." 2, S2 "Thank you." 2, UU "Applause" 1, S1 "Shall we
    // begin?" 3.
    let l = load12("speechmatics.json");
    assert_eq!(l.session.meta.source_format, "json/speechmatics");
    assert_eq!(
        turns(&l.session),
        owned(&[
            ("Speaker 1", 2),
            ("Speaker 2", 2),
            ("Unknown speaker", 1),
            ("Speaker 1", 3)
        ])
    );
    assert_eq!(l.session.turns[0].paragraphs, ["Welcome everyone."]);
    assert!(has_warning(&l, "`UU`"));
}

#[test]
fn issue_12_azure_batch_and_fast_transcription_keep_their_speakers() {
    // By hand: batch: Speaker 1 6, Speaker 2 4, Speaker 1 3; fast: Speaker 1 4, Speaker 2 4.
    let l = load12("azure-batch.json");
    assert_eq!(
        turns(&l.session),
        owned(&[("Speaker 1", 6), ("Speaker 2", 4), ("Speaker 1", 3)])
    );
    let t = &l.session.turns[1];
    assert_eq!((t.start, t.end), (Some(4.2), Some(6.0)));
    let l = load12("azure-fast.json");
    assert_eq!(
        turns(&l.session),
        owned(&[("Speaker 1", 4), ("Speaker 2", 4)])
    );
    assert_eq!(l.session.turns[1].start, Some(2.5));
}

#[test]
fn issue_12_google_speaker_tags_from_the_last_result_only() {
    // By hand: 6 words, each once (the diarized last result repeats the first two results).
    let l = load12("google-stt.json");
    assert_eq!(
        turns(&l.session),
        owned(&[("Speaker 1", 3), ("Speaker 2", 3)])
    );
    assert_eq!(l.session.turns[1].start, Some(2.2));
}

#[test]
fn issue_12_trint_words_in_milliseconds_struck_words_dropped() {
    // By hand: Ana 3 (the struck "hum" is not said), Rui 2 + 1 (a word with no speaker
    // continues the turn).
    let l = load12("trint.json");
    assert_eq!(
        turns(&l.session),
        owned(&[("Ana Lopes", 3), ("Rui Costa", 3)])
    );
    assert_eq!(l.session.turns[0].start, Some(3.05));
}

#[test]
fn issue_12_json_tool_segments_with_speaker_name_and_start_time() {
    // By hand: Priya 6, Tom 4, Priya 2; times from start_time/end_time.
    let l = load12("tool-segments.json");
    assert_eq!(
        turns(&l.session),
        owned(&[("Priya Nair", 6), ("Tom Berg", 4), ("Priya Nair", 2)])
    );
    let t = &l.session.turns[1];
    assert_eq!((t.start, t.end), (Some(3.8), Some(6.0)));
}

#[test]
fn issue_12_rttm_alone_is_turns_by_time_and_names_a_transcript_beside_it() {
    // By hand: 3 turns, 2 speakers, no words; SPEAKER_00 speaks 4.0 + 1.9 s.
    let l = load12("diarization.rttm");
    assert_eq!(l.format, Format::Rttm);
    assert_eq!(
        speakers(&l.session),
        [
            ("SPEAKER_00".to_string(), 2, 0),
            ("SPEAKER_01".to_string(), 1, 0)
        ]
    );
    let spoken: f64 = l
        .session
        .turns_by(podium::session::SpeakerIx(0))
        .filter_map(|(_, t)| t.spoken)
        .sum();
    assert!((spoken - 5.9).abs() < 1e-9, "{spoken}");
    // Whisper segments 0.2–3.6, 4.3–6.8, 7.2–8.6 against the turns above: 00, 01, 00.
    for name in ["pair/talk.json", "pair/talk.rttm"] {
        let l = load12(name);
        assert_eq!(l.session.meta.source_format, "json/whisper+rttm", "{name}");
        assert_eq!(
            turns(&l.session),
            owned(&[("SPEAKER_00", 4), ("SPEAKER_01", 4), ("SPEAKER_00", 2)]),
            "{name}"
        );
        assert!(has_warning(&l, "by time overlap"), "{name}");
    }
}

#[test]
fn issue_12_europarl_speaker_tags_chapters_and_groups() {
    // By hand: President 9+6, Evans 7, President 6; two chapters.
    let l = load12("europarl.txt");
    let s = &l.session;
    assert_eq!(
        turns(s),
        owned(&[("President", 15), ("Evans, Robert J", 7), ("President", 6)])
    );
    let evans = s.find_speaker("Evans").expect("evans");
    assert_eq!(evans.party.as_deref(), Some("PSE"));
    let sections: Vec<(&str, usize)> = s
        .sections
        .iter()
        .map(|x| (x.title.as_str(), x.turn))
        .collect();
    assert_eq!(sections, [("Resumption of the session", 0), ("Agenda", 2)]);
}

#[test]
fn issue_12_html_body_text_and_time_tables() {
    // By hand: Mayor 3 ("&" is no word), Resident 4+6, Mayor 2; the script's label is not read.
    let l = load12("transcript.html");
    assert_eq!(l.format, Format::Html);
    assert_eq!(l.session.meta.title, "Town hall, 4 May");
    assert_eq!(
        turns(&l.session),
        owned(&[("Mayor Diaz", 3), ("Resident", 10), ("Mayor Diaz", 2)])
    );
    // By hand: rows 00:00:05 Sam 5, 00:00:09 Sam 3, 00:00:12 Kim 4; the header row is no row.
    let l = load12("table.html");
    assert_eq!(l.format, Format::Html, "a table is not a DiploAI report");
    assert_eq!(turns(&l.session), owned(&[("Sam Lee", 8), ("Kim Ode", 4)]));
    assert_eq!(l.session.turns[1].start, Some(12.0));
}

#[test]
fn issue_12_markdown_heading_speakers_and_whisperx_times_in_bold_labels() {
    // By hand: Audrey 5, Moderator 5, Audrey 4; `## Invisible Disabilities:` is front matter.
    let l = load12("headings.md");
    assert_eq!(
        turns(&l.session),
        owned(&[("Audrey Tang", 5), ("Moderator", 5), ("Audrey Tang", 4)])
    );
    assert!(
        l.session
            .notes
            .contains(&"Invisible Disabilities:".to_string())
    );
    // By hand: SPEAKER_00 4, SPEAKER_01 2, SPEAKER_00 5+5; times 3, 5, 18.
    let l = load12("whisperx.md");
    assert_eq!(
        turns(&l.session),
        owned(&[("SPEAKER_00", 4), ("SPEAKER_01", 2), ("SPEAKER_00", 10)])
    );
    let starts: Vec<Option<f64>> = l.session.turns.iter().map(|t| t.start).collect();
    assert_eq!(starts, [Some(3.0), Some(5.0), Some(18.0)]);
    assert_eq!(
        l.session.turns[2].paragraphs[1], "More from the host here.",
        "the escaped time is read, not kept"
    );
}

#[test]
fn issue_12_plain_text_and_one_speaker_files_open() {
    // By hand: title line, then 8 + 11 + 9 words.
    let l = load12("plain.txt");
    assert_eq!(l.session.meta.title, "Notes from the meeting");
    assert_eq!(turns(&l.session), owned(&[("Unknown speaker", 28)]));
    assert!(has_warning(&l, "no speaker labels found"));
    // By hand: 12 + 6.
    let l = load12("one-speaker.txt");
    assert_eq!(turns(&l.session), owned(&[("Speaker 1", 18)]));
}

#[test]
fn issue_12_parentheticals_go_to_organisation_party_and_office() {
    // By hand: Weiler 8, Qualtrough 4, Weiler 2.
    let l = load12("hansard.txt");
    let s = &l.session;
    assert_eq!(
        turns(s),
        owned(&[
            ("Mr. Patrick Weiler", 8),
            ("Hon. Carla Qualtrough", 4),
            ("Mr. Patrick Weiler", 2)
        ])
    );
    let w = &s.speakers[0];
    assert_eq!(
        w.organisation.as_deref(),
        Some("West Vancouver—Sunshine Coast—Sea to Sky Country")
    );
    assert_eq!(w.party.as_deref(), Some("Lib."));
    let q = &s.speakers[1];
    assert!(
        q.roles
            .iter()
            .any(|r| r.as_str().starts_with("Minister of Employment")),
        "{:?}",
        q.roles
    );
}

#[test]
fn issue_12_show_notes_before_the_transcript_line_are_front_matter() {
    // By hand: the title has a subtitle; News, Events, Resources and the list are notes; Host 4,
    // Chris Adams 4.
    let l = load12("shownotes.md");
    assert_eq!(
        l.session.meta.title,
        "Episode 40: Project Necromancy: How to Revive a Dead Rust Project"
    );
    assert_eq!(turns(&l.session), owned(&[("Host", 4), ("Chris Adams", 4)]));
    assert!(l.session.notes.iter().any(|n| n == "- Chris Adams"));
}

#[test]
fn issue_12_check_reports_format_speakers_front_matter_and_warnings() {
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_podium"))
            .env("XDG_DATA_HOME", "/nonexistent/podium-test-data")
            .env("XDG_CACHE_HOME", "/nonexistent/podium-test-cache")
            .args(args)
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .output()
            .expect("runs")
    };
    let o = run(&["check", "tests/fixtures/attribution/hearing.txt"]);
    assert!(o.status.success());
    let text = String::from_utf8_lossy(&o.stdout);
    assert!(text.contains("format: text"), "{text}");
    assert!(
        text.contains("MR. McNALLY: 1 turn, 7 words; label seen once ×1, first at line 15"),
        "{text}"
    );
    assert!(text.contains("front matter set aside (7 lines)"), "{text}");
    assert!(text.contains("line 6:"), "{text}");
    let o = run(&["check", "--json", "tests/fixtures/attribution/court.txt"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    assert_eq!(v["turns"], 10);
    assert_eq!(v["speakers"][1]["name"], "MS. ALVAREZ");
    assert_eq!(v["speakers"][1]["first_line"], 5);
}
