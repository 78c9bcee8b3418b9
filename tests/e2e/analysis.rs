//! Issue 16 in a real terminal: the words view (W) and its sentences, and the timeline (T)
//! whose mark moves the reader and the statistics with it.

use super::tmux::Tmux;

#[test]
fn w_lists_a_speakers_words_and_the_sentences_using_one() {
    let Some(t) = Tmux::start("words", 100, 30) else {
        return;
    };
    t.open_podium();
    t.keys(&["4", "W"]);
    let s = t.wait_for(&[
        "Words · Bernhards Blumbergs vs the rest",
        "Most frequent",
        "Most distinctive",
    ]);
    assert!(s.contains('█'), "bars of z:\n{s}");
    t.keys(&["Enter"]);
    let s = t.wait_for(&[
        "sentences by Bernhards Blumbergs",
        "(Enter: go to one, Esc: the words)",
    ]);
    assert!(s.contains("▌ t"), "the first sentence is selected:\n{s}");
    t.keys(&["Enter"]);
    t.wait_for(&["Sentence 1/", "(W: back to the sentences)"]);
    t.keys(&["W"]);
    t.wait_for(&["sentences by Bernhards"]);
    t.keys(&["Escape"]);
    t.wait_for(&["Most distinctive"]);
    t.keys(&["a"]);
    t.wait_for(&["Words · the whole session", "Most frequent in the session"]);
    // Esc: the transcript, at the sentence Enter went to.
    t.keys(&["Escape"]);
    t.wait_for(&["┏ Transcript", "/19 ·"]);
    t.keys(&["q"]);
    t.wait_for_prompt();
}

#[test]
fn t_draws_the_timeline_and_its_mark_moves_the_statistics() {
    let Some(t) = Tmux::start("timeline", 100, 30) else {
        return;
    };
    t.open_podium();
    t.keys(&["T"]);
    let s = t.wait_for(&["Timeline · by words", "▲ t1 · word 1", "3761 words"]);
    assert!(s.contains("so far, to t1"), "{s}");
    for _ in 0..4 {
        t.keys(&["PageDown"]);
    }
    // j selects the next speaker: once the list shows it, every key before it was read.
    t.keys(&["j"]);
    let s = t.wait_for(&["▸■ 2 Hiroki Mashiko"]);
    // The mark names its turn (`▲ t12 · word 2001`, or `t12 · word 2001 ▲` near the right
    // end), and the statistics count to it.
    let turn = s
        .lines()
        .find(|l| l.contains('▲'))
        .and_then(|l| {
            l.split_whitespace().find(|w| {
                w.len() > 1 && w.starts_with('t') && w[1..].chars().all(|c| c.is_ascii_digit())
            })
        })
        .expect("the mark names its turn")
        .to_string();
    assert_ne!(turn, "t1", "{s}");
    assert!(s.contains(&format!("so far, to {turn} ")), "{s}");
    t.keys(&["Enter"]);
    t.wait_for(&[&format!("{turn}/19")]);
    // T and Esc come back to where the reader was.
    t.keys(&["T"]);
    t.wait_for(&["Timeline · by words"]);
    t.keys(&["End", "Escape"]);
    t.wait_for(&[&format!("{turn}/19")]);
    t.keys(&["q"]);
    t.wait_for_prompt();
}

#[test]
fn podium_timeline_prints_block_rows() {
    let Some(t) = Tmux::start("timeline-cli", 100, 30) else {
        return;
    };
    t.wait_for(&["PROMPT$"]);
    // On a terminal, the width is the terminal's.
    t.type_text(&format!(
        "{} timeline; echo rc=$?",
        env!("CARGO_BIN_EXE_podium")
    ));
    t.keys(&["Enter"]);
    let s = t.wait_for(&["rc=0", "by words"]);
    let row = s
        .lines()
        .find(|l| l.starts_with("Moderator"))
        .expect("a row for the Moderator");
    assert!(row.contains('█'), "{s}");
    let axis = s
        .lines()
        .find(|l| l.ends_with("3761 words"))
        .expect("the axis");
    assert_eq!(
        unicode_width::UnicodeWidthStr::width(axis),
        100,
        "the axis spans the terminal:\n{s}"
    );
}

#[test]
fn w_in_a_library_shows_a_persons_words_and_opens_a_sentence() {
    let Some(t) = Tmux::start("library-words", 100, 24) else {
        return;
    };
    let dir = tempfile::tempdir().expect("tmp");
    std::fs::write(
        dir.path().join("a.txt"),
        "Ana Lee: Security matters. Security teams share data.\n\n\
         Bo Chan: Data is everything. Data wins.\n\nAna Lee: Security again.\n",
    )
    .expect("write");
    std::fs::write(
        dir.path().join("b.txt"),
        "Ana Lee: Security never sleeps.\n\nCy Dee: Data data data.\n\n\
         Cy Dee: Security too.\n\nAna Lee: Fine.\n",
    )
    .expect("write");
    t.wait_for(&["PROMPT$"]);
    t.type_text(&format!(
        "{} {}",
        env!("CARGO_BIN_EXE_podium"),
        dir.path().display()
    ));
    t.keys(&["Enter"]);
    t.wait_for(&["Library · 2 sessions"]);
    // The people list, most words first: Ana Lee.
    t.keys(&["p"]);
    t.wait_for(&["▸Ana Lee"]);
    t.keys(&["W"]);
    t.wait_for(&["Words of Ana Lee", "▸security"]);
    t.keys(&["Enter"]);
    t.wait_for(&[
        "“security” in 4 sentences",
        "b · t1.1 · Security never sleeps.",
    ]);
    t.keys(&["Enter"]);
    t.wait_for(&["Transcript", "Security matters."]);
    t.keys(&["q"]);
    t.wait_for_prompt();
}
