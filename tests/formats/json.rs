//! Recogniser JSON: Whisper, WhisperX, AssemblyAI, Deepgram, AWS Transcribe, Podcasting 2.0,
//! records.

use super::*;

#[test]
fn json_whisper_without_speakers_is_one_unknown_speaker() {
    let l = load("whisper.json");
    assert_eq!(
        (l.format, l.session.meta.source_format.as_str()),
        (Format::TranscriptJson, "json/whisper")
    );
    assert_eq!(turns(&l.session), owned(&[("Unknown speaker", 10)]));
    assert_eq!(l.session.turns[0].end, Some(5.8));
}

#[test]
fn json_whisperx_speaker_on_segments_or_only_on_words() {
    let l = load("whisperx.json");
    assert_eq!(
        turns(&l.session),
        owned(&[("SPEAKER_00", 3), ("SPEAKER_01", 3)])
    );
}

#[test]
fn json_assemblyai_utterances_in_milliseconds() {
    let l = load("assemblyai.json");
    assert_eq!(
        turns(&l.session),
        owned(&[("Speaker A", 3), ("Speaker B", 3), ("Speaker A", 4)])
    );
    assert_eq!(
        (l.session.turns[1].start, l.session.turns[1].end),
        (Some(2.1), Some(4.05))
    );
}

#[test]
fn json_deepgram_words_with_speaker() {
    let l = load("deepgram.json");
    assert_eq!(
        turns(&l.session),
        owned(&[("Speaker 0", 3), ("Speaker 1", 1)])
    );
    assert_eq!(l.session.turns[0].paragraphs, ["Hello and welcome."]);
}

#[test]
fn json_aws_transcribe_items_string_times_and_punctuation() {
    let l = load("aws-transcribe.json");
    assert_eq!(turns(&l.session), owned(&[("spk_0", 2), ("spk_1", 3)]));
    assert_eq!(l.session.turns[1].paragraphs, ["Thank you, Chair."]);
    assert_eq!(l.session.turns[1].start, Some(1.8));
}

#[test]
fn json_podcasting_one_word_segments_merge() {
    let l = load("podcasting.json");
    assert_eq!(
        turns(&l.session),
        owned(&[("Adam Curry", 4), ("Dave Jones", 2)])
    );
    assert_eq!(l.session.turns[0].paragraphs, ["Welcome to the show."]);
}

#[test]
fn json_records_under_one_key_with_epoch_times() {
    let l = load("records.json");
    assert_eq!(
        turns(&l.session),
        owned(&[("Chair", 6), ("Ms. Okafor", 7), ("Chair", 3)])
    );
    assert_eq!(
        l.session.turns[1].start,
        Some(6.0),
        "relative to the first segment"
    );
}
