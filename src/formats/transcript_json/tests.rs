//! The recogniser-JSON reader on small documents, one layout each.
use super::*;
use crate::formats::pieces::build;

fn session(json: &str) -> (crate::session::Session, &'static str) {
    let (draft, variant) = parse(json).expect("parses");
    (build(draft, variant), variant)
}

fn names(s: &crate::session::Session) -> Vec<String> {
    s.turns
        .iter()
        .map(|t| s.speaker_name(t).to_string())
        .collect()
}

#[test]
fn whisper_has_one_unknown_speaker() {
    let (s, v) = session(
        r#"{"text":" Hi. Bye.","segments":[{"id":0,"seek":0,"start":0.0,"end":1.5,"text":" Hi.","tokens":[1]},{"id":1,"start":1.5,"end":3.0,"text":" Bye."}],"language":"en"}"#,
    );
    assert_eq!(v, "whisper");
    assert_eq!(names(&s), ["Unknown speaker"]);
    assert_eq!(s.turns[0].paragraphs, ["Hi. Bye."]);
    assert_eq!(s.turns[0].end, Some(3.0));
}

#[test]
fn whisperx_speakers_from_segments_or_words() {
    let (s, v) = session(
        r#"{"segments":[{"start":0,"end":1,"text":"Hi","speaker":"SPEAKER_00"},{"start":1,"end":2,"text":"Yo","words":[{"word":"Yo","speaker":"SPEAKER_01"}]}]}"#,
    );
    assert_eq!(v, "whisperx");
    assert_eq!(names(&s), ["SPEAKER_00", "SPEAKER_01"]);
    assert_eq!(s.speakers[0].kind, crate::session::SpeakerKind::Label);
}

#[test]
fn assemblyai_milliseconds_and_letters() {
    let (s, v) = session(
        r#"{"id":"x","text":"...","utterances":[{"speaker":"A","text":"Hello.","start":250,"end":1250,"confidence":0.9,"words":[]},{"speaker":"B","text":"Hi.","start":1300,"end":2000}]}"#,
    );
    assert_eq!(v, "assemblyai");
    assert_eq!(names(&s), ["Speaker A", "Speaker B"]);
    assert_eq!((s.turns[0].start, s.turns[0].end), (Some(0.25), Some(1.25)));
}

#[test]
fn deepgram_words_and_paragraphs() {
    let (s, v) = session(
        r#"{"metadata":{},"results":{"channels":[{"alternatives":[{"transcript":"hello there hi","words":[{"word":"hello","punctuated_word":"Hello","start":0.1,"end":0.5,"speaker":0},{"word":"there","punctuated_word":"there.","start":0.5,"end":0.9,"speaker":0},{"word":"hi","punctuated_word":"Hi.","start":1.2,"end":1.4,"speaker":1}]}]}]}}"#,
    );
    assert_eq!(v, "deepgram");
    assert_eq!(names(&s), ["Speaker 0", "Speaker 1"]);
    assert_eq!(s.turns[0].paragraphs, ["Hello there."]);
    let (s, _) = session(
        r#"{"results":{"channels":[{"alternatives":[{"paragraphs":{"paragraphs":[{"speaker":0,"start":0,"end":2,"sentences":[{"text":"One.","start":0,"end":1},{"text":"Two.","start":1,"end":2}]}]}}]}]}}"#,
    );
    assert_eq!(s.turns[0].paragraphs, ["One. Two."]);
}

#[test]
fn aws_items_with_speaker_segments() {
    let (s, v) = session(
        r#"{"jobName":"j","results":{"transcripts":[{"transcript":"Hi, there. Yes."}],"speaker_labels":{"speakers":2,"segments":[{"start_time":"0.0","end_time":"1.0","speaker_label":"spk_0","items":[{"start_time":"0.1","end_time":"0.4","speaker_label":"spk_0"},{"start_time":"0.5","end_time":"0.9","speaker_label":"spk_0"}]},{"start_time":"1.2","end_time":"1.5","speaker_label":"spk_1","items":[{"start_time":"1.2","end_time":"1.5","speaker_label":"spk_1"}]}]},"items":[{"start_time":"0.1","end_time":"0.4","alternatives":[{"confidence":"0.9","content":"Hi"}],"type":"pronunciation"},{"alternatives":[{"content":","}],"type":"punctuation"},{"start_time":"0.5","end_time":"0.9","alternatives":[{"content":"there"}],"type":"pronunciation"},{"alternatives":[{"content":"."}],"type":"punctuation"},{"start_time":"1.2","end_time":"1.5","alternatives":[{"content":"Yes"}],"type":"pronunciation"}]}}"#,
    );
    assert_eq!(v, "aws-transcribe");
    assert_eq!(names(&s), ["spk_0", "spk_1"]);
    assert_eq!(s.turns[0].paragraphs, ["Hi, there."]);
    assert_eq!(s.turns[1].start, Some(1.2));
}

#[test]
fn podcasting_words_merge() {
    let (s, v) = session(
        r#"{"version":"1.0.0","segments":[{"speaker":"Alice","startTime":0.5,"endTime":0.8,"body":"Hello"},{"speaker":"Alice","startTime":0.8,"endTime":1.0,"body":"world."},{"speaker":"Bob","startTime":1.5,"endTime":1.9,"body":"Hi."}]}"#,
    );
    assert_eq!(v, "podcasting-2.0");
    assert_eq!(s.turns[0].paragraphs, ["Hello world."]);
    assert_eq!(names(&s), ["Alice", "Bob"]);
}

#[test]
fn records_at_top_or_under_a_key_with_epoch_times() {
    let (s, v) = session(
        r#"[{"speaker":"Ann","text":"One.","start":1700000000,"end":1700000004},{"speaker":"Ben","content":"Two.","start":1700000005}]"#,
    );
    assert_eq!(v, "records");
    assert_eq!(s.turns[1].start, Some(5.0));
    let (s, _) = session(
        r#"{"meeting":"x","transcript":[{"name":"Ann","body":"Hi."},{"name":"Ben","body":"Yo."}]}"#,
    );
    assert_eq!(names(&s), ["Ann", "Ben"]);
}

#[test]
fn rev_ai_monologues_and_whisper_cpp_offsets() {
    let (s, v) = session(
        r#"{"monologues":[{"speaker":0,"elements":[{"type":"text","value":"Hello","ts":0.5,"end_ts":0.9},{"type":"punct","value":" "},{"type":"text","value":"there","ts":1.0,"end_ts":1.3},{"type":"punct","value":"."}]},{"speaker":1,"speaker_name":"Dana","elements":[{"type":"text","value":"Hi","ts":2.0,"end_ts":2.2}]}]}"#,
    );
    assert_eq!(v, "rev-ai");
    assert_eq!(names(&s), ["Speaker 0", "Dana"]);
    assert_eq!(s.turns[0].paragraphs, ["Hello there."]);
    let (s, v) = session(
        r#"{"systeminfo":"x","transcription":[{"timestamps":{"from":"00:00:00,000","to":"00:00:02,500"},"offsets":{"from":0,"to":2500},"text":" Hello."},{"timestamps":{"from":"00:00:02,500","to":"00:00:04,000"},"offsets":{"from":2500,"to":4000},"text":" Bye."}]}"#,
    );
    assert_eq!(v, "records");
    assert_eq!((s.turns[0].start, s.turns[0].end), (Some(0.0), Some(4.0)));
}

#[test]
fn json_without_a_transcript_is_an_error() {
    assert!(parse(r#"{"a":1}"#).is_err());
    assert_eq!(parse("{\n  \"a\": ").unwrap_err().line, Some(2));
}
