//! What `t`, `m`, `y` and `p` work on while the words view (W) or the timeline (T) hides the
//! transcript: the sentence selected in W's list of sentences using a word, the turn under
//! T's mark; and the code prompt takes its keys whichever view is open.

use podium::marks::{Code, Mark};

use super::play::ready;
use super::*;
use crate::tui::app::Middle;

/// The sentence selected in W's list of sentences, as `t4.3` would name it: (turn id, index).
fn selected_use(a: &App) -> (String, usize) {
    let u = a.words.using.as_ref().expect("the sentences using a word");
    let q = u.quotes[u.selected].0;
    (a.session.turns[q.turn].id.clone(), q.sentence)
}

#[test]
fn t_in_the_sentences_using_a_word_codes_the_selected_sentence() {
    let mut a = app(120, 35);
    keys(&mut a, "W<Enter>j");
    let (turn, sentence) = selected_use(&a);
    assert_ne!(
        (turn.as_str(), Some(sentence)),
        ("t1", None),
        "not the hidden place"
    );
    keys(&mut a, "t");
    let place = format!("{turn}.{}", sentence + 1);
    let s = screen(&a);
    assert!(s.contains(&format!("Code {place}: ")), "{s}");
    // Every key reaches the prompt, though the words view is open.
    let effects = keys(&mut a, "trusx<BS>t<Enter>");
    assert!(a.code_prompt.is_none(), "Enter closes the prompt");
    assert_eq!(
        a.codes,
        [Code {
            turn: turn.clone(),
            sentence: Some(sentence),
            code: "trust".into()
        }]
    );
    assert!(matches!(effects.last(), Some(Effect::SaveMarks(_))));
    assert_eq!(a.middle, Middle::Words, "the view stays");
    // Esc closes the prompt, and the view stays too.
    keys(&mut a, "tabc<Esc>");
    assert!(a.code_prompt.is_none());
    assert_eq!(a.codes.len(), 1);
    assert!(
        a.words.using.is_some(),
        "Esc closed the prompt, not the list"
    );
    // m and y: the selected sentence too.
    keys(&mut a, "m");
    assert_eq!(
        a.marks,
        [Mark {
            turn: turn.clone(),
            sentence: Some(sentence)
        }]
    );
    assert_eq!(
        a.message.as_deref(),
        Some(format!("Marked {place} (1 mark; ' lists them)").as_str())
    );
}

#[test]
fn t_in_the_timeline_codes_the_turn_under_the_mark_and_the_prompt_takes_keys() {
    let mut a = app(120, 35);
    keys(&mut a, "Tllllllllll");
    let under = current_id(&a);
    keys(&mut a, "t");
    assert!(screen(&a).contains(&format!("Code {under}: ")));
    keys(&mut a, "abc<Esc>");
    assert!(a.code_prompt.is_none(), "Esc closes the prompt");
    assert_eq!(a.middle, Middle::Timeline);
    keys(&mut a, "tfear<Enter>");
    assert_eq!(
        a.codes,
        [Code {
            turn: under,
            sentence: None,
            code: "fear".into()
        }]
    );
}

#[test]
fn in_the_lists_of_words_t_m_and_p_say_they_work_on_a_sentence() {
    let mut a = app(120, 35);
    keys(&mut a, "W");
    for key in ["t", "m", "y", "p"] {
        assert!(keys(&mut a, key).is_empty(), "{key}");
        assert!(a.code_prompt.is_none() && a.marks.is_empty());
        assert!(
            screen(&a).contains("work on a sentence: Enter lists those using the word"),
            "{key}: {}",
            screen(&a)
        );
    }
}

#[test]
fn p_in_the_sentences_using_a_word_plays_the_selected_sentence() {
    let mut a = ready(120, 35);
    keys(&mut a, "2W");
    let lindqvist = a
        .words
        .lists(1)
        .expect("counted")
        .frequent
        .iter()
        .position(|(w, _)| *w == "lindqvist")
        .expect("Rosa says lindqvist");
    keys(&mut a, "l");
    for _ in 0..lindqvist {
        keys(&mut a, "j");
    }
    keys(&mut a, "<Enter>j");
    let u = a.words.using.as_ref().expect("sentences");
    let q = u.quotes[u.selected].0;
    let turn = &a.session.turns[q.turn];
    let paragraph = turn.sentences[q.sentence].paragraph;
    let at = turn
        .paragraph_start(paragraph)
        .or(turn.start)
        .expect("timed");
    let effects = keys(&mut a, "p");
    let [Effect::Play { start_ms, .. }] = effects.as_slice() else {
        panic!("p plays: {effects:?}");
    };
    assert_eq!(*start_ms, (at * 1000.0).round() as u64);
    assert_ne!(*start_ms, 5_000, "not the hidden transcript's first turn");
}

#[test]
fn one_sentence_using_a_word_is_one_sentence() {
    let mut a = app(120, 35);
    keys(&mut a, "W");
    let once = a
        .words
        .lists(0)
        .expect("counted")
        .frequent
        .iter()
        .position(|&(_, n)| n == 1)
        .expect("a word said once");
    keys(&mut a, "l");
    for _ in 0..once {
        keys(&mut a, "j");
    }
    keys(&mut a, "<Enter>");
    let m = a.message.clone().unwrap_or_default();
    assert!(m.contains(": 1 sentence by "), "{m}");
}
