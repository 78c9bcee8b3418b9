//! Coding passages through the keymap: `t` and its prompt with completion, several codes on a
//! passage and their removal, the codes list (`'`, Tab), the code filter (Enter, Esc) and the
//! export of a code's passages, with the effects asked of the event loop.

use podium::marks::Code;

use super::*;

/// The codes the last `SaveMarks` among `effects` keeps.
fn saved(effects: &[Effect]) -> Vec<Code> {
    match effects.last() {
        Some(Effect::SaveMarks(kept)) => kept.codes.clone(),
        other => panic!("expected the codes kept, got {other:?}"),
    }
}

fn code(turn: &str, sentence: Option<usize>, code: &str) -> Code {
    Code::new(turn, sentence, code)
}

#[test]
fn t_codes_the_turn_and_the_gutter_and_header_show_it() {
    let mut a = app(130, 30);
    keys(&mut a, "]t");
    assert!(a.code_prompt.is_some());
    assert!(screen(&a).contains("Code t3: "), "{}", screen(&a));
    let effects = keys(&mut a, "trust<Enter>");
    assert_eq!(saved(&effects), [code("t3", None, "trust")]);
    assert_eq!(
        a.message.as_deref(),
        Some("Coded t3 trust (1 passage; ' lists the codes)")
    );
    // A second code on the same passage, then a quote of another turn.
    let effects = keys(&mut a, "troles<Enter>");
    assert_eq!(saved(&effects).len(), 2);
    let s = screen(&a);
    assert!(s.contains("· #roles #trust"), "{s}");
    insta::assert_snapshot!("coded_t3_130x30", s);
    let effects = keys(&mut a, "/'cyber hygiene<Enter>ttrust<Enter>");
    let found = a.found.as_ref().expect("found").quote;
    let id = a.session.turns[found.turn].id.clone();
    assert_eq!(
        saved(&effects)[2],
        code(&id, Some(found.sentence), "trust"),
        "a found quote is coded, not its turn"
    );
}

#[test]
fn t_on_a_passage_with_the_code_removes_it() {
    let mut a = app(100, 30);
    keys(&mut a, "ttrust<Enter>tfear<Enter>");
    assert_eq!(a.codes.len(), 2);
    keys(&mut a, "t");
    assert!(
        screen(&a).contains("Code t1 [fear, trust]: "),
        "the prompt says which codes the passage has:\n{}",
        screen(&a)
    );
    let effects = keys(&mut a, "trust<Enter>");
    assert_eq!(saved(&effects), [code("t1", None, "fear")]);
    assert_eq!(a.message.as_deref(), Some("Removed the code trust from t1"));
    // An empty code, or Esc, changes nothing.
    assert!(keys(&mut a, "t<Enter>").is_empty());
    assert!(keys(&mut a, "tabc<Esc>").is_empty());
    assert_eq!(a.codes.len(), 1);
    assert!(a.code_prompt.is_none());
}

#[test]
fn tab_completes_from_the_codes_used_so_far() {
    let mut a = app(100, 30);
    a.codebook = vec!["roles".into(), "trauma".into(), "trust".into()];
    keys(&mut a, "tro<Tab>");
    assert_eq!(a.code_prompt.as_ref().expect("prompt").input, "roles");
    // Two candidates share `tr` only: Tab goes through them in turn.
    keys(&mut a, "<Esc>tt<Tab>");
    assert_eq!(a.code_prompt.as_ref().expect("prompt").input, "tr");
    let s = screen(&a);
    assert!(s.contains("Tab: trauma · trust"), "{s}");
    insta::assert_snapshot!("code_prompt_completing_100x30", s);
    keys(&mut a, "<Tab>");
    assert_eq!(a.code_prompt.as_ref().expect("prompt").input, "trauma");
    keys(&mut a, "<Tab>");
    assert_eq!(a.code_prompt.as_ref().expect("prompt").input, "trust");
    keys(&mut a, "<Tab>");
    assert_eq!(a.code_prompt.as_ref().expect("prompt").input, "trauma");
    // Typing ends the cycle; a prefix nothing has says so.
    keys(&mut a, "<BS><BS><BS><BS><BS><BS>x<Tab>");
    assert_eq!(a.code_prompt.as_ref().expect("prompt").input, "x");
    assert_eq!(
        a.message.as_deref(),
        Some("No code used so far starts with \"x\"")
    );
    // Case is ignored for the prefix: `T` finds `trauma` and `trust`.
    keys(&mut a, "<BS>T<Tab><Tab>");
    assert_eq!(a.code_prompt.as_ref().expect("prompt").input, "trauma");
}

#[test]
fn the_codes_list_counts_filters_and_exports() {
    let mut a = app(100, 30);
    keys(&mut a, "]ttrust<Enter>]ttrust<Enter>tfear<Enter>");
    // `'` opens the codes: a code was added last.
    keys(&mut a, "'");
    assert_eq!(a.overlay, Overlay::Codes);
    let s = screen(&a);
    assert!(s.contains("Codes (2)"), "{s}");
    insta::assert_snapshot!("codes_list_100x30", s);
    // Tab: the marks, and back.
    keys(&mut a, "<Tab>");
    assert_eq!(a.overlay, Overlay::Marks);
    keys(&mut a, "<Tab>");
    assert_eq!(a.overlay, Overlay::Codes);
    // `e` exports the selected code's passages (fear: one).
    let Some(Effect::Export { stem, text }) = a.update(Action::Export) else {
        panic!("e exports the code's passages");
    };
    assert!(stem.ends_with("-code-fear"), "{stem}");
    assert_eq!(text.matches("** (t").count(), 1, "{text}");
    // Enter on trust: only t3 and t6 are shown.
    keys(&mut a, "j<Enter>");
    assert_eq!(a.overlay, Overlay::None);
    assert_eq!(a.code_filter.as_deref(), Some("trust"));
    let shown: Vec<&str> = a
        .layout
        .turns
        .iter()
        .map(|&t| a.session.turns[t].id.as_str())
        .collect();
    assert_eq!(shown, ["t3", "t6"]);
    let s = screen(&a);
    assert!(
        s.contains("Transcript · coded trust") && s.contains("code: trust (Esc)"),
        "{s}"
    );
    insta::assert_snapshot!("code_filter_trust_100x30", s);
    // Esc: every turn again, the reader where they were.
    keys(&mut a, "j<Esc>");
    assert_eq!(a.code_filter, None);
    assert_eq!(a.layout.turns.len(), 19);
    assert_eq!(current_id(&a), "t3");
    // m makes the marks list the one `'` opens.
    keys(&mut a, "m'");
    assert_eq!(a.overlay, Overlay::Marks);
}

#[test]
fn codes_kept_elsewhere_arrive_and_the_filter_follows() {
    let mut a = app(100, 30);
    keys(&mut a, "ttrust<Enter>'<Enter>");
    assert_eq!(a.layout.turns, [0]);
    // Another browser coded t2 trust meanwhile: the store's merge comes back.
    let mut kept = a.kept();
    kept.codes.push(code("t2", None, "trust"));
    a.update(Action::MarksKept(kept));
    assert_eq!(a.layout.turns, [0, 1]);
    // Removing the code from both leaves nothing to filter by: every passage again.
    let effects = keys(&mut a, "ttrust<Enter>");
    assert_eq!(saved(&effects).len(), 1);
    assert_eq!(a.layout.turns, [1]);
    keys(&mut a, "}ttrust<Enter>");
    assert_eq!(a.code_filter, None);
    assert_eq!(a.layout.turns.len(), 19);
    assert_eq!(
        a.message.as_deref(),
        Some("No passage is coded trust any more: showing every passage")
    );
}

#[test]
fn hostile_code_names_are_drawn_cleaned_and_not_taken_new() {
    let mut a = app(120, 30);
    let bidi = "\u{202e}bidi code";
    let evil = "evil\u{1b}[2Jcode";
    a.codes = vec![code("t1", None, bidi), code("t2", None, evil)];
    a.codebook = vec![bidi.into(), evil.into()];
    a.lists_codes = true;
    let unclean = |s: &str| s.contains(['\u{202e}', '\u{1b}', '\u{7}']);
    // The codes list, then the filter by each: its message and the status on the right.
    keys(&mut a, "'<Enter>");
    assert_eq!(a.code_filter.as_deref(), Some(evil));
    let s = screen(&a);
    assert!(!unclean(&s), "{s}");
    assert!(
        s.contains("Showing the passage coded evil␛[2Jcode (Esc shows all)")
            && s.contains("code: evil␛[2Jcode (Esc)"),
        "{s}"
    );
    keys(&mut a, "<Esc>'j<Enter>");
    assert_eq!(a.code_filter.as_deref(), Some(bidi));
    let s = screen(&a);
    assert!(!unclean(&s), "{s}");
    assert!(s.contains("code: �bidi code (Esc)"), "{s}");
    keys(&mut a, "<Esc>");
    let s = screen(&a);
    assert!(!unclean(&s), "{s}");
    assert!(s.contains("(was �bidi code only)"), "{s}");
    // The code prompt: the candidates Tab offers, and each one it puts in the input.
    keys(&mut a, "t");
    for _ in 0..3 {
        let s = screen(&a);
        assert!(!unclean(&s), "{s}");
        keys(&mut a, "<Tab>");
    }
    // A new code with a control character or bidi override is refused, typed or whole.
    keys(&mut a, "<Esc>tok\u{202e}");
    assert_eq!(a.code_prompt.as_ref().expect("prompt").input, "ok");
    assert_eq!(
        a.message.as_deref(),
        Some("A code cannot hold control characters or bidi overrides")
    );
    a.code_prompt.as_mut().expect("prompt").input = "new\u{7}code".into();
    assert!(keys(&mut a, "<Enter>").is_empty());
    assert_eq!(a.codes.len(), 2);
    // A code the store has already can still be given (Tab offers it).
    keys(&mut a, "j");
    a.update(Action::CodePassage);
    a.code_prompt.as_mut().expect("prompt").input = evil.into();
    assert!(!keys(&mut a, "<Enter>").is_empty());
    assert_eq!(a.codes.len(), 3);
}
