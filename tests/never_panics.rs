//! The importer never panics: not on arbitrary bytes, not on real reports with lines deleted,
//! duplicated or cut short. It returns a session or an error naming a line.

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
    fn edited_seeds(seed in 0usize..2, edits in proptest::collection::vec(edit(), 1..6)) {
        import(apply(SEEDS[seed], &edits).as_bytes());
    }
}
