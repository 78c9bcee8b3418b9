//! The store kept on disk: persistence, set-aside, merging of two writers, moved files.

use super::*;

fn mark(turn: &str, sentence: Option<usize>) -> Mark {
    Mark {
        turn: turn.into(),
        sentence,
    }
}

fn code(turn: &str, sentence: Option<usize>, code: &str) -> Code {
    Code::new(turn, sentence, code)
}

fn marks(marks: &[Mark]) -> Kept {
    Kept {
        marks: marks.to_vec(),
        codes: Vec::new(),
    }
}

fn codes(codes: &[Code]) -> Kept {
    Kept {
        marks: Vec::new(),
        codes: codes.to_vec(),
    }
}

#[test]
fn marks_persist_and_a_corrupt_file_is_set_aside() {
    let dir = tempfile::tempdir().expect("tmp");
    let s = crate::bundled::session().expect("bundled");
    let store = MarkStore::open(dir.path(), None, &s);
    assert_eq!(store.load(), (Kept::default(), None));
    let wanted = marks(&[mark("t4", Some(3)), mark("t18", None)]);
    let none = Kept::default();
    assert_eq!(store.save(&s, &none, &wanted).expect("save"), wanted);
    assert_eq!(store.load().0, wanted);
    assert_eq!(resolve(&s, &wanted.marks[0]), Some((3, Some(3))));
    for bad in [&b"{ broken"[..], b"\xff\xfe not utf-8"] {
        std::fs::write(store.path(), bad).expect("write");
        let (loaded, warning) = store.load();
        assert!(loaded.is_empty());
        assert!(warning.expect("warning").contains("set aside"));
    }
    let mut aside: Vec<Vec<u8>> = std::fs::read_dir(dir.path())
        .expect("dir")
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().contains("corrupt"))
        .map(|e| std::fs::read(e.path()).expect("read"))
        .collect();
    aside.sort();
    assert_eq!(
        aside,
        [b"{ broken".to_vec(), b"\xff\xfe not utf-8".to_vec()]
    );
}

#[test]
fn two_writers_keep_each_others_marks() {
    let dir = tempfile::tempdir().expect("tmp");
    let s = crate::bundled::session().expect("bundled");
    let one = MarkStore::open(dir.path(), None, &s);
    let two = MarkStore::open(dir.path(), None, &s);
    let none = Kept::default();
    let a = one
        .save(&s, &none, &marks(&[mark("t1", None)]))
        .expect("one");
    let b = two
        .save(&s, &none, &marks(&[mark("t2", Some(0))]))
        .expect("two");
    assert_eq!(
        b.marks.len(),
        2,
        "the second writer keeps the first one's mark"
    );
    // The first removes its own mark and adds another: the second's stays.
    let c = one
        .save(&s, &a, &marks(&[mark("t3", None)]))
        .expect("one again");
    assert_eq!(c.marks, [mark("t2", Some(0)), mark("t3", None)]);
}

#[test]
fn same_name_in_two_folders_never_shares_marks_and_a_moved_file_finds_them() {
    let dir = tempfile::tempdir().expect("tmp");
    let marks_dir = dir.path().join("marks");
    for d in ["A", "B"] {
        std::fs::create_dir_all(dir.path().join(d)).expect("dir");
    }
    let a = dir.path().join("A/x.txt");
    let b = dir.path().join("B/x.txt");
    std::fs::write(&a, "Ann: One.\nBen: Two.\n").expect("w");
    std::fs::write(&b, "Ann: One.\nBen: Two.\n").expect("w");
    let sa = crate::formats::load_path(&a, None).expect("a").session;
    let sb = crate::formats::load_path(&b, None).expect("b").session;
    MarkStore::open(&marks_dir, Some(&a), &sa)
        .save(&sa, &Kept::default(), &marks(&[mark("t1", None)]))
        .expect("save");
    assert_eq!(
        MarkStore::open(&marks_dir, Some(&b), &sb).load(),
        (Kept::default(), None),
        "B/x.txt has no marks of A/x.txt's"
    );
    // A moves to C: its marks follow by content, with a warning.
    let c = dir.path().join("C.txt");
    std::fs::rename(&a, &c).expect("move");
    let (kept, warning) = MarkStore::open(&marks_dir, Some(&c), &sa).load();
    assert_eq!(kept.marks, [mark("t1", None)]);
    assert!(warning.expect("warning").contains("moved"));
}

#[test]
fn an_unreadable_file_is_left_alone_and_not_written_over() {
    let dir = tempfile::tempdir().expect("tmp");
    let s = crate::bundled::session().expect("bundled");
    let store = MarkStore::open(dir.path(), None, &s);
    // A folder where the file should be cannot be read as marks.
    std::fs::create_dir_all(store.path()).expect("dir");
    let (kept, warning) = store.load();
    assert!(kept.is_empty());
    assert!(warning.expect("warning").contains("cannot be read"));
    assert!(
        store
            .save(&s, &Kept::default(), &marks(&[mark("t1", None)]))
            .is_err()
    );
    assert!(store.path().is_dir());
}

#[test]
fn two_writers_coding_at_once_both_keep_their_codes() {
    let dir = tempfile::tempdir().expect("tmp");
    let s = crate::bundled::session().expect("bundled");
    let one = MarkStore::open(dir.path(), None, &s);
    let two = MarkStore::open(dir.path(), None, &s);
    let none = Kept::default();
    // Both start from nothing; each codes a passage (one the same passage with two codes).
    let a = one
        .save(
            &s,
            &none,
            &codes(&[code("t4", Some(3), "trust"), code("t4", Some(3), "roles")]),
        )
        .expect("one");
    let b = two
        .save(&s, &none, &codes(&[code("t18", None, "hygiene")]))
        .expect("two");
    assert_eq!(b.codes.len(), 3, "the second keeps the first one's codes");
    // The first removes one of its codes and marks a turn: the second's code stays.
    let mut wanted = a.clone();
    wanted.codes.retain(|c| c.code != "roles");
    wanted.marks.push(mark("t2", None));
    let c = one.save(&s, &a, &wanted).expect("one again");
    assert_eq!(
        c.codes,
        [code("t4", Some(3), "trust"), code("t18", None, "hygiene")]
    );
    assert_eq!(c.marks, [mark("t2", None)]);
    assert_eq!(
        c.code_counts(),
        [("hygiene".to_string(), 1), ("trust".to_string(), 1)]
    );
    assert_eq!(codebook(dir.path()), ["hygiene", "trust"]);
    assert_eq!(
        resolve_code(&s, &c.codes[0]),
        Some((3, Some(3))),
        "t4.4 is turn 3, sentence 3"
    );
}

/// A marks file written before codes existed (no `codes` key) loads, and a store with no
/// codes is still written in that shape.
#[test]
fn an_old_marks_file_loads_and_a_store_without_codes_keeps_its_shape() {
    let dir = tempfile::tempdir().expect("tmp");
    let s = crate::bundled::session().expect("bundled");
    let store = MarkStore::open(dir.path(), None, &s);
    let old = r#"{
  "session": "Meeting Spot for CSIRT Practitioners: Share Your Experiences",
  "file": null,
  "fingerprint": 1,
  "marks": [
    { "turn": "t4", "sentence": 3 },
    { "turn": "t18", "sentence": null }
  ]
}"#;
    std::fs::write(store.path(), old).expect("write");
    let (kept, warning) = store.load();
    assert_eq!(warning, None);
    assert_eq!(kept.marks, [mark("t4", Some(3)), mark("t18", None)]);
    assert!(kept.codes.is_empty());
    // Oldest of all: no file, no fingerprint.
    std::fs::write(
        store.path(),
        r#"{"session": "x", "marks": [{"turn": "t1", "sentence": null}]}"#,
    )
    .expect("write");
    assert_eq!(store.load().0.marks, [mark("t1", None)]);
    let saved = store
        .save(
            &s,
            &store.load().0,
            &marks(&[mark("t1", None), mark("t2", None)]),
        )
        .expect("save");
    assert_eq!(saved.marks.len(), 2);
    let text = std::fs::read_to_string(store.path()).expect("read");
    assert!(!text.contains("codes"), "{text}");
    let coded = store
        .save(
            &s,
            &saved,
            &Kept {
                codes: vec![code("t1", None, "x")],
                ..saved.clone()
            },
        )
        .expect("save");
    assert_eq!(coded.codes.len(), 1);
    assert!(
        std::fs::read_to_string(store.path())
            .expect("read")
            .contains("\"codes\"")
    );
}
