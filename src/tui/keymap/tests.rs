use super::*;
use ratatui::crossterm::event::{KeyEventState, KeyModifiers};

fn press(code: KeyCode, mods: KeyModifiers) -> KeyEvent {
    KeyEvent {
        code,
        modifiers: mods,
        kind: KeyEventKind::Press,
        state: KeyEventState::NONE,
    }
}

fn action_for(event: &KeyEvent, contexts: &[Context]) -> Option<Action> {
    Keymap::default().action_for(event, contexts)
}

#[test]
fn pane_bindings_win_over_global_ones() {
    let j = press(KeyCode::Char('j'), KeyModifiers::NONE);
    assert_eq!(action_for(&j, &[Transcript, Global]), Some(Action::Down));
    let q = press(KeyCode::Char('q'), KeyModifiers::NONE);
    assert_eq!(action_for(&q, &[Speakers, Global]), Some(Action::Quit));
}

#[test]
fn shifted_characters_match_and_ctrl_is_distinct() {
    let g = press(KeyCode::Char('G'), KeyModifiers::SHIFT);
    assert_eq!(action_for(&g, &[Transcript]), Some(Action::Bottom));
    let cd = press(KeyCode::Char('d'), KeyModifiers::CONTROL);
    assert_eq!(action_for(&cd, &[Transcript]), Some(Action::HalfPageDown));
    let d = press(KeyCode::Char('d'), KeyModifiers::NONE);
    assert_eq!(action_for(&d, &[Transcript, Global]), None);
}

#[test]
fn search_types_unbound_characters_and_ignores_releases() {
    let q = press(KeyCode::Char('q'), KeyModifiers::NONE);
    assert_eq!(action_for(&q, &[Search]), Some(Action::SearchInput('q')));
    let mut release = q;
    release.kind = KeyEventKind::Release;
    assert_eq!(action_for(&release, &[Search]), None);
}

#[test]
fn ctrl_z_suspends_in_every_context() {
    let z = press(KeyCode::Char('z'), KeyModifiers::CONTROL);
    for context in [
        Global, Transcript, Summaries, Speakers, Stats, Search, Help, Library, Marks, Warnings,
        Prompt, Codes, CodePrompt,
    ] {
        assert_eq!(
            action_for(&z, &[context]),
            Some(Action::Suspend),
            "{context:?}"
        );
    }
    let plain = press(KeyCode::Char('z'), KeyModifiers::NONE);
    assert_eq!(
        action_for(&plain, &[Search]),
        Some(Action::SearchInput('z'))
    );
    assert_eq!(action_for(&plain, &[Transcript, Global]), None);
}

#[test]
fn every_binding_has_a_name_and_help() {
    for b in &Keymap::default().bindings {
        assert!(!b.help.is_empty() && !b.name.is_empty(), "{b:?}");
        assert!(
            b.name
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'),
            "{}",
            b.name
        );
    }
}

#[test]
fn no_key_is_bound_twice_where_it_is_tried_together() {
    let map = Keymap::default();
    for (i, a) in map.bindings.iter().enumerate() {
        for b in &map.bindings[i + 1..] {
            if a.context != b.context {
                continue;
            }
            for key in &a.keys {
                assert!(
                    !b.keys.contains(key),
                    "{} is both {} and {} in {:?}",
                    key.label(),
                    a.name,
                    b.name,
                    a.context
                );
            }
        }
    }
}

#[test]
fn a_users_keys_replace_a_name_everywhere_and_leave_the_others() {
    let mut map = Keymap::default();
    map.with_keys("quit", &[k('x')]).expect("quit");
    let x = press(KeyCode::Char('x'), KeyModifiers::NONE);
    let q = press(KeyCode::Char('q'), KeyModifiers::NONE);
    for contexts in [&[Transcript, Global][..], &[Library], &[Marks]] {
        assert_eq!(map.action_for(&x, contexts), Some(Action::Quit));
        assert_eq!(map.action_for(&q, contexts), None, "{contexts:?}");
    }
    // The help's own close key is another name, so it keeps q.
    assert_eq!(map.action_for(&q, &[Help]), Some(Action::ToggleHelp));
    // Ctrl-c in the search field is "quit-while-typing": still there.
    let cc = press(KeyCode::Char('c'), KeyModifiers::CONTROL);
    assert_eq!(map.action_for(&cc, &[Search]), Some(Action::Quit));
    // A global key the user gives takes it from the panes, which are tried first.
    map.with_keys("filter", &[k('j')]).expect("filter");
    let j = press(KeyCode::Char('j'), KeyModifiers::NONE);
    assert_eq!(
        map.action_for(&j, &[Transcript, Global]),
        Some(Action::ToggleFilter)
    );
    let down = press(KeyCode::Down, KeyModifiers::NONE);
    assert_eq!(
        map.action_for(&down, &[Transcript, Global]),
        Some(Action::Down)
    );
    assert_eq!(map.key_for(Global, "quit").as_deref(), Some("x"));
    assert!(
        map.hints(Global)
            .any(|(key, help)| key == "x" && help == "quit")
    );
}

#[test]
fn bad_names_and_typed_keys_are_refused() {
    let mut map = Keymap::default();
    assert!(matches!(
        map.with_keys("leave", &[k('x')]),
        Err(KeymapError::UnknownAction(_))
    ));
    assert!(matches!(
        map.with_keys("search-next", &[k('x')]),
        Err(KeymapError::Typed { .. })
    ));
    map.with_keys("search-next", &[ctrl('j')])
        .expect("ctrl keys are fine");
    let earlier = vec![("quit".to_string(), vec![k('x')])];
    assert!(matches!(
        map.check_twice("filter", &earlier, &[k('x')]),
        Err(KeymapError::Twice { .. })
    ));
    // The marks list has its own quit, so delete-mark would clash there; search-clear not.
    assert!(map.check_twice("delete-mark", &earlier, &[k('x')]).is_err());
    assert!(map.check_twice("search-clear", &earlier, &[k('x')]).is_ok());
}

#[test]
fn a_pane_key_elsewhere_says_where_it_works() {
    let map = Keymap::default();
    let r = press(KeyCode::Char('r'), KeyModifiers::NONE);
    assert_eq!(map.action_for(&r, &[Transcript, Global]), None);
    let b = map.elsewhere(&r, &[Transcript, Global]).expect("r");
    assert_eq!((b.context, b.name), (Speakers, "rename"));
}

#[test]
fn the_code_prompt_types_letters_and_completes_with_tab() {
    let t = press(KeyCode::Char('t'), KeyModifiers::NONE);
    assert_eq!(
        action_for(&t, &[Transcript, Global]),
        Some(Action::CodePassage)
    );
    assert_eq!(
        action_for(&t, &[CodePrompt]),
        Some(Action::PromptInput('t'))
    );
    let tab = press(KeyCode::Tab, KeyModifiers::NONE);
    assert_eq!(
        action_for(&tab, &[CodePrompt]),
        Some(Action::PromptComplete)
    );
    assert_eq!(action_for(&tab, &[Marks]), Some(Action::SwitchList));
    assert_eq!(action_for(&tab, &[Codes]), Some(Action::SwitchList));
    let p = press(KeyCode::Char('p'), KeyModifiers::NONE);
    assert_eq!(action_for(&p, &[Transcript, Global]), Some(Action::Play));
    let f = press(KeyCode::Char('F'), KeyModifiers::SHIFT);
    assert_eq!(
        action_for(&f, &[Speakers, Global]),
        Some(Action::ToggleFollow)
    );
    let mut map = Keymap::default();
    assert!(matches!(
        map.with_keys("prompt-complete", &[k('x')]),
        Err(KeymapError::Typed {
            context: "code prompt",
            ..
        })
    ));
}
