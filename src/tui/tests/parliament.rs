//! Issue 15: a parliament's sitting in the browser shows each speaker's party, in the speaker
//! list and in the statistics, cut with `…` where the pane is narrow.

use unicode_width::UnicodeWidthStr;

use super::*;

/// The real ParlaMint-GB Lords sample, its speakers named by the corpus lists beside it.
fn lords(width: u16, height: u16) -> Driver {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/parlamint/ParlaMint-GB/2020/ParlaMint-GB_2020-02-12-lords.xml");
    let loaded = podium::formats::load_path(&path, None).expect("loads");
    Driver::new(loaded.session, width, height)
}

#[test]
fn the_speaker_list_and_the_statistics_show_parties() {
    let mut a = lords(100, 30);
    keys(&mut a, "3");
    let s = screen(&a);
    // Speaker 3 is Leslie Griffiths (Labour), speaker 4 Diana Barran (Conservative); Lord
    // Fowler sat as an independent (I) that day.
    let line_after = |name: &str| {
        let lines: Vec<&str> = s.lines().collect();
        let at = lines
            .iter()
            .position(|l| l.contains(name))
            .unwrap_or_else(|| panic!("{name}: {s}"));
        lines[at + 1].to_string()
    };
    assert!(
        line_after("3 Leslie John Griff").contains("1t    LAB"),
        "{s}"
    );
    assert!(line_after("4 Diana Barran").contains("1t    CON"), "{s}");
    assert!(line_after("1 Peter Fowler").contains("1t    I "), "{s}");
    assert!(
        s.contains("│LAB · Labour "),
        "the statistics name the party: {s}"
    );
    // Narrow: the list folds under the statistics or into a bar, and nothing overflows.
    for (w, h) in [(60, 20), (40, 12)] {
        resize(&mut a, w, h);
        let s = screen(&a);
        assert!(s.lines().all(|l| l.width() <= usize::from(w)), "{s}");
    }
}

#[test]
fn a_long_party_gives_way_with_an_ellipsis() {
    let mut session = podium::session::Session::default();
    let mut sp = podium::session::Speaker::new(
        "a".into(),
        "Erhard Grundl".into(),
        podium::session::SpeakerKind::Person,
    );
    sp.party = Some("BÜNDNIS 90/DIE GRÜNEN".into());
    session.speakers.push(sp);
    let mut turn = podium::session::Turn::new(
        0,
        podium::session::SpeakerIx(0),
        vec!["Sehr verehrte Frau Präsidentin!".into()],
    );
    turn.split_sentences();
    session.turns.push(turn);
    let a = Driver::new(session, 100, 30);
    let s = screen(&a);
    let detail = s
        .lines()
        .find(|l| l.contains("1t"))
        .unwrap_or_else(|| panic!("{s}"));
    assert!(
        detail.contains("1t    BÜ") && detail.contains('…'),
        "cut to what the bar spares: {s}"
    );
    assert!(detail.contains("100%"), "the share stays: {s}");
}
