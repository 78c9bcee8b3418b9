//! The importer never panics: not on arbitrary bytes, not on real reports with lines deleted,
//! duplicated or cut short. It returns a session or an error naming a line.

#![allow(clippy::unwrap_used)] // a failing unwrap in a test is a failing test

use proptest::prelude::*;

const SEEDS: [&str; 2] = [
    include_str!("../data/igf2023-ns44-csirt.txt"),
    include_str!("fixtures/igf2023-ns44-csirt-summary-only.txt"),
];

fn import(bytes: &[u8]) {
    if let Err(e) = podium::formats::load_bytes("fuzz.txt", None, bytes) {
        assert!(e.to_string().starts_with("fuzz.txt:"), "{e}");
    }
}

/// Every importer, forced, whatever the bytes look like.
fn import_as_each(bytes: &[u8]) {
    for format in podium::formats::Format::ALL {
        if let Err(e) = podium::formats::load_bytes_as("fuzz.txt", None, bytes, Some(format)) {
            assert!(e.to_string().starts_with("fuzz.txt:"), "{e}");
        }
    }
}

/// One file per transcript format, to mutate.
const FORMAT_SEEDS: [&str; 8] = [
    include_str!("fixtures/formats/teams.vtt"),
    include_str!("fixtures/formats/youtube-auto.vtt"),
    include_str!("fixtures/formats/subtitles.srt"),
    include_str!("fixtures/formats/cart.txt"),
    include_str!("fixtures/formats/rev.txt"),
    include_str!("fixtures/formats/aws-transcribe.json"),
    include_str!("fixtures/formats/deepgram.json"),
    include_str!("fixtures/formats/records.json"),
];

#[derive(Debug, Clone)]
enum Edit {
    Delete(usize),
    Duplicate(usize),
    /// Cut line `.0` after `.1` bytes (at a char boundary at or before it), dropping the rest of
    /// the file, as a truncated download does.
    Truncate(usize, usize),
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        any::<usize>().prop_map(Edit::Delete),
        any::<usize>().prop_map(Edit::Duplicate),
        (any::<usize>(), 0usize..200).prop_map(|(l, b)| Edit::Truncate(l, b)),
    ]
}

fn apply(seed: &str, edits: &[Edit]) -> String {
    let mut lines: Vec<String> = seed.lines().map(str::to_string).collect();
    for e in edits {
        if lines.is_empty() {
            break;
        }
        match *e {
            Edit::Delete(i) => {
                lines.remove(i % lines.len());
            }
            Edit::Duplicate(i) => {
                let i = i % lines.len();
                lines.insert(i, lines[i].clone());
            }
            Edit::Truncate(i, at) => {
                let i = i % lines.len();
                let line = &lines[i];
                let mut cut = at.min(line.len());
                while !line.is_char_boundary(cut) {
                    cut -= 1;
                }
                let kept = line[..cut].to_string();
                lines.truncate(i);
                lines.push(kept);
            }
        }
    }
    lines.join("\n")
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn arbitrary_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        import(&bytes);
    }

    #[test]
    fn arbitrary_text_lines(lines in proptest::collection::vec("[A-Za-z:&’• ,.0-9|-]{0,40}", 0..40)) {
        import(lines.join("\n").as_bytes());
    }

    #[test]
    fn arbitrary_bytes_in_every_format(bytes in proptest::collection::vec(any::<u8>(), 0..1024)) {
        import_as_each(&bytes);
    }

    #[test]
    fn caption_like_text_in_every_format(lines in proptest::collection::vec("[0-9:.,> -]{0,30}|<v [A-Z][a-z]{0,5}>[a-z ]{0,10}|[A-Z][a-z]{0,6}: [a-z ]{0,10}|WEBVTT|\\[[0-9:.]{0,10}\\]|\\{\"[a-z]{1,8}\": \\[|\\}|\\]", 0..30)) {
        import_as_each(lines.join("\n").as_bytes());
    }

    #[test]
    fn edited_format_files(seed in 0usize..FORMAT_SEEDS.len(), edits in proptest::collection::vec(edit(), 1..6)) {
        let text = apply(FORMAT_SEEDS[seed], &edits);
        import(text.as_bytes());
        import_as_each(text.as_bytes());
    }

    #[test]
    fn edited_seeds(seed in 0usize..2, edits in proptest::collection::vec(edit(), 1..6)) {
        import(apply(SEEDS[seed], &edits).as_bytes());
    }
}
