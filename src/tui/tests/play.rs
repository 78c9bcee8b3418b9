//! `p` and `F` through the keymap: the reasons the footer gives when there is nothing to play,
//! the effect that starts the player at the reading position's time, pause and play on, and
//! the reading position following the player's time. The player itself is a stand-in process
//! in the tmux test (tests/e2e/player.rs).

use std::path::PathBuf;

use super::*;
use crate::tui::player::PlayerEvent;

const INTERVIEW: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/interview/interview.vtt"
);

fn interview(width: u16, height: u16) -> Driver {
    let session = podium::formats::load_path(std::path::Path::new(INTERVIEW), None)
        .expect("the interview")
        .session;
    let mut a = Driver::new(session, width, height);
    a.play.transcript = Some(PathBuf::from(INTERVIEW));
    a
}

/// With a recording and mpv (neither is looked at: the event loop starts them).
pub(super) fn ready(width: u16, height: u16) -> Driver {
    let mut a = interview(width, height);
    a.play.media = Some(PathBuf::from("/rec/interview.mp3"));
    a.play.program = Some(PathBuf::from("/bin/mpv"));
    a
}

#[test]
fn without_times_a_recording_or_mpv_the_footer_says_why() {
    let mut a = app(100, 30);
    assert!(keys(&mut a, "p").is_empty());
    assert!(
        a.message.as_deref().is_some_and(|m| m.contains("no times")),
        "{:?}",
        a.message
    );
    let mut a = interview(100, 30);
    assert!(keys(&mut a, "p").is_empty());
    let s = screen(&a);
    assert!(
        s.contains(
            "Nothing to play: no interview.mp3 (.m4a .wav .ogg .opus .mp4 .webm .mkv) beside"
        ),
        "{s}"
    );
    a.play.media = Some(PathBuf::from("/rec/interview.mp3"));
    assert!(keys(&mut a, "p").is_empty());
    assert_eq!(
        a.message.as_deref(),
        Some("mpv is not on PATH: install mpv to play the recording")
    );
}

#[test]
fn p_plays_from_the_turn_pauses_and_plays_on() {
    let mut a = ready(100, 30);
    // t2, Rosa Okafor at 00:01:10.
    let effects = keys(&mut a, "}p");
    assert_eq!(
        effects,
        [Effect::Play {
            program: "/bin/mpv".into(),
            media: "/rec/interview.mp3".into(),
            start_ms: 70_000
        }]
    );
    assert_eq!(a.message.as_deref(), Some("Starting mpv at 00:01:10…"));
    a.update(Action::Player(PlayerEvent::Started));
    a.update(Action::Player(PlayerEvent::Time { millis: 71_500 }));
    let s = screen(&a);
    assert!(s.contains("playing 00:01:12"), "{s}");
    insta::assert_snapshot!("playing_t2_100x30", s);
    assert_eq!(keys(&mut a, "p"), [Effect::Pause]);
    assert!(screen(&a).contains("paused 00:01:12"));
    // Not moved: plays on where it paused. Moved on: plays from the new place.
    assert_eq!(keys(&mut a, "p"), [Effect::Resume { seek_ms: None }]);
    keys(&mut a, "p}");
    assert_eq!(current_id(&a), "t3");
    assert_eq!(
        keys(&mut a, "p"),
        [Effect::Resume {
            seek_ms: Some(150_000)
        }]
    );
    // The player closed: p starts it again.
    a.update(Action::Player(PlayerEvent::Ended(
        "The player has closed".into(),
    )));
    assert_eq!(a.message.as_deref(), Some("The player has closed"));
    assert!(matches!(
        keys(&mut a, "p").as_slice(),
        [Effect::Play {
            start_ms: 150_000,
            ..
        }]
    ));
}

#[test]
fn f_follows_the_players_time() {
    let mut a = ready(100, 30);
    keys(&mut a, "p");
    a.update(Action::Player(PlayerEvent::Started));
    // Not following: the time moves on, the reader stays.
    a.update(Action::Player(PlayerEvent::Time { millis: 245_000 }));
    assert_eq!(current_id(&a), "t1");
    keys(&mut a, "F");
    assert_eq!(current_id(&a), "t4", "F goes to what is playing now");
    a.update(Action::Player(PlayerEvent::Time { millis: 441_000 }));
    assert_eq!(current_id(&a), "t6");
    assert_eq!(a.session.speakers[a.selected].name, "Rosa Okafor");
    // Within the same turn the reader may scroll; the next turn moves them again.
    keys(&mut a, "k");
    a.update(Action::Player(PlayerEvent::Time { millis: 450_000 }));
    assert_ne!(current_id(&a), "t6");
    a.update(Action::Player(PlayerEvent::Time { millis: 545_000 }));
    assert_eq!(current_id(&a), "t7");
    let s = screen(&a);
    assert!(s.contains("playing 00:09:05 · follow (F)"), "{s}");
    insta::assert_snapshot!("following_t7_100x30", s);
    keys(&mut a, "F");
    a.update(Action::Player(PlayerEvent::Time { millis: 600_000 }));
    assert_eq!(current_id(&a), "t7", "F again stops following");
}

#[test]
fn a_failed_start_is_said_and_p_tries_again() {
    let mut a = ready(100, 30);
    keys(&mut a, "p");
    assert!(keys(&mut a, "p").is_empty(), "p while starting waits");
    a.update(Action::Player(PlayerEvent::Failed(
        "Could not start /bin/mpv: No such file or directory".into(),
    )));
    assert!(screen(&a).contains("Could not start /bin/mpv"));
    assert_eq!(keys(&mut a, "p").len(), 1);
}

#[test]
fn f_without_times_says_why_it_cannot_follow() {
    let mut a = app(100, 30);
    keys(&mut a, "F");
    assert!(!a.play.follow);
    assert_eq!(
        a.message.as_deref(),
        Some("This transcript has no times, so there is no place in a recording to play from")
    );
    assert!(!screen(&a).contains("follow (F)"));
}
