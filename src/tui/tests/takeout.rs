//! Taking quotes out: `y`, `Y`, `m`, `'`, `e` and `r`, through the keymap, with the effects
//! they ask the event loop for.

use super::*;

/// The effect one key asks for, after the keys before it.
fn effect_of(app: &mut Driver, before: &str, key: Action) -> Option<Effect> {
    keys(app, before);
    app.update(key)
}

#[test]
fn y_copies_the_found_quote_with_its_citation_and_capital_y_the_turn() {
    let mut a = app(100, 30);
    let Some(Effect::Copy { text }) =
        effect_of(&mut a, "/'Adly Wahid, and<Enter>", Action::CopyQuote)
    else {
        panic!("y copies");
    };
    assert!(text.starts_with("“My name is Adly Wahid"), "{text}");
    assert!(text.ends_with("— Adli Wahid (APNIC), Meeting Spot for CSIRT Practitioners: Share Your Experiences, IGF 2023 Networking Session #44, 9 Oct 2023, t4"), "{text}");
    let Some(Effect::Copy { text }) = a.update(Action::CopyTurn) else {
        panic!("Y copies");
    };
    assert!(text.starts_with("“Yep. Ohayou gozaimasu."), "{text}");
    // The keys reach these actions through the keymap.
    let Ok([Effect::Copy { text: quote }]) = <[Effect; 1]>::try_from(keys(&mut a, "y")) else {
        panic!("y asks for one copy");
    };
    assert!(quote.starts_with("“My name is Adly Wahid"), "{quote}");
    let Ok([Effect::Copy { text: turn }]) = <[Effect; 1]>::try_from(keys(&mut a, "Y")) else {
        panic!("Y asks for one copy");
    };
    assert_eq!(turn, text, "Y copies the whole turn");
}

#[test]
fn marks_toggle_list_go_and_export() {
    let mut a = app(100, 30);
    let Some(Effect::SaveMarks(marks)) = effect_of(&mut a, "]", Action::ToggleMark) else {
        panic!("m marks");
    };
    assert_eq!(marks.marks.len(), 1);
    keys(&mut a, "/'cyber hygiene<Enter>m");
    assert_eq!(a.marks.len(), 2);
    assert_eq!(
        a.marks[1].sentence,
        Some(a.found.as_ref().expect("found").quote.sentence)
    );
    keys(&mut a, "'");
    assert_eq!(a.overlay, Overlay::Marks);
    let s = screen(&a);
    assert!(
        s.contains("Marks (2)") && s.contains("cyber hygiene"),
        "{s}"
    );
    let Some(Effect::Export { stem, text }) = a.update(Action::Export) else {
        panic!("e exports the marks");
    };
    assert!(stem.ends_with("-marks"));
    assert!(
        text.contains("cyber hygiene") && text.contains("**Masae Toyama**"),
        "{text}"
    );
    // The first mark, made after ], is Masae Toyama's t3.
    keys(&mut a, "<Enter>");
    assert_eq!((a.overlay, current_id(&a).as_str()), (Overlay::None, "t3"));
    keys(&mut a, "'");
    let Some(Effect::SaveMarks(left)) = a.update(Action::DeleteMark) else {
        panic!("d removes");
    };
    assert_eq!(left.marks.len(), 1);
    keys(&mut a, "<Esc>m");
    assert_eq!(a.marks.len(), 2, "m on t3 marks it again");
    keys(&mut a, "m");
    assert_eq!(a.marks.len(), 1, "and again unmarks");
}

#[test]
fn e_exports_what_is_shown() {
    let mut a = app(100, 30);
    let Some(Effect::Export { stem, text }) = effect_of(&mut a, "2f", Action::Export) else {
        panic!("e exports");
    };
    assert!(stem.ends_with("-hiroki-mashiko"), "{stem}");
    assert_eq!(text.matches("**Hiroki Mashiko** (").count(), 1);
    let Some(Effect::Export { text, .. }) = effect_of(&mut a, "f", Action::Export) else {
        panic!("e exports all");
    };
    assert_eq!(text.matches("** (t").count(), 19);
}

#[test]
fn r_renames_a_speaker_and_every_view_follows() {
    let mut a = app(100, 30);
    keys(&mut a, "5<S-Tab>r");
    assert!(screen(&a).contains("Rename Moderator to:"));
    keys(&mut a, "Kenny Chantre");
    let Some(Effect::SaveRename { from, to, merged }) = a.update(Action::PromptAccept) else {
        panic!("Enter renames");
    };
    assert_eq!((from.as_str(), to.as_str()), ("Moderator", "Kenny Chantre"));
    assert!(!merged);
    let s = screen(&a);
    assert!(
        s.contains("■ 5 Kenny Chantre") && !s.contains("■ 5 Moderator"),
        "{s}"
    );
    assert_eq!(a.session.speakers[a.selected].name, "Kenny Chantre");
    keys(&mut a, "rMasae Toyama");
    let Some(Effect::SaveRename { merged, .. }) = a.update(Action::PromptAccept) else {
        panic!("Enter merges");
    };
    assert_eq!(a.session.speakers.len(), 5, "a taken name merges");
    assert!(merged);
    assert_eq!(
        a.message.as_deref(),
        Some("Merged Kenny Chantre into Masae Toyama")
    );
    keys(&mut a, "r<Esc>");
    assert!(a.prompt.is_none());
}
