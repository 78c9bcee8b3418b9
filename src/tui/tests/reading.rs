//! Issue 13: the whole report readable — summaries beside the transcript and linked to it,
//! panes that fit their content, problems visible, help that reaches every key, and the fixes
//! a new user asked for.

use podium::session::{Session, Warning};

use super::*;
use crate::tui::app::Middle;

fn session_from(text: &str) -> Session {
    podium::formats::load_bytes("s.txt", Some("s.txt"), text.as_bytes())
        .expect("loads")
        .session
}

/// Moves the summaries' selection to the sentence starting with `start`.
fn select_summary(a: &mut Driver, start: &str) -> usize {
    let i = a
        .summaries
        .linked
        .iter()
        .position(|l| l.sentence.starts_with(start))
        .unwrap_or_else(|| panic!("no summary sentence {start:?}"));
    while a.summaries.selected < i {
        keys(a, "j");
    }
    i
}

#[test]
fn s_shows_the_summaries_with_their_sources() {
    let mut a = app(100, 30);
    keys(&mut a, "S");
    assert_eq!(a.middle, Middle::Summaries);
    let s = screen(&a);
    assert!(s.contains("Summaries (S: transcript)"), "{s}");
    assert!(
        s.contains("■ Masae Toyama"),
        "a speaker's summary under their name"
    );
    assert!(s.contains("[t"), "sources as citations: {s}");
    insta::assert_snapshot!("summaries_100x30", s);
    // It scrolls with the usual keys; S goes back to the transcript where it was.
    keys(&mut a, "<PgDn>");
    assert!(a.summaries.top > 0);
    keys(&mut a, "G");
    assert_eq!(a.summaries.selected, a.summaries.linked.len() - 1);
    keys(&mut a, "g");
    assert_eq!((a.summaries.selected, a.summaries.top), (0, 0));
    keys(&mut a, "S");
    assert_eq!(
        (a.middle, current_id(&a).as_str()),
        (Middle::Transcript, "t1")
    );
}

#[test]
fn enter_goes_to_the_best_source_and_n_walks_the_others() {
    let mut a = app(100, 30);
    keys(&mut a, "S");
    let i = select_summary(
        &mut a,
        "Masae Toyama, a cybersecurity practitioner, has drawn",
    );
    let sources = a.summaries.linked[i].sources.clone();
    assert!(sources.len() > 1, "{sources:?}");
    keys(&mut a, "<Enter>");
    assert_eq!(a.middle, Middle::Transcript);
    assert_eq!(current_id(&a), "t6");
    let found = a.found.clone().expect("the source is marked");
    assert_eq!(found.quote, sources[0].quote);
    assert!(!found.matched.is_empty(), "the shared words are lit");
    assert!(
        a.message
            .as_deref()
            .is_some_and(|m| m.contains("Source 1/")),
        "{:?}",
        a.message
    );
    keys(&mut a, "n");
    assert_eq!(a.found.as_ref().map(|f| f.quote), Some(sources[1].quote));
    keys(&mut a, "N");
    assert_eq!(a.found.as_ref().map(|f| f.quote), Some(sources[0].quote));
    // Back in the summaries, the same sentence is still selected.
    keys(&mut a, "S");
    assert_eq!(a.summaries.selected, i);
}

#[test]
fn a_sentence_without_support_says_so() {
    let mut s = podium::bundled::session().expect("bundled");
    s.summary = vec!["Penguins organised a glacier marathon in Antarctica.".into()];
    let mut a = Driver::new(s, 160, 30);
    keys(&mut a, "S");
    let shown = screen(&a);
    assert!(
        shown.contains("[no clear source in the transcript]"),
        "{shown}"
    );
    keys(&mut a, "<Enter>");
    let m = a.message.clone().unwrap_or_default();
    assert!(m.contains("o clear source in the transcript"), "{m}");
}

#[test]
fn summary_hits_are_searched_and_enter_shows_them_in_the_summaries() {
    let mut a = app(100, 30);
    keys(&mut a, "/'underscored 'prioritize");
    let hit = a.search.hits.first().cloned().expect("a hit");
    let i = hit.summary.expect("a summary sentence");
    assert!(screen(&a).contains(" · summary · "));
    // The preview already shows it in the summaries.
    assert_eq!(a.middle, Middle::Summaries);
    keys(&mut a, "<Enter>");
    assert_eq!((a.middle, a.summaries.selected), (Middle::Summaries, i));
    assert!(!a.summaries.lit.is_empty(), "the matched letters are lit");
    // Esc after a search that was not taken goes back to the transcript where it was.
    keys(&mut a, "S/'underscored<Esc>");
    assert_eq!(a.middle, Middle::Transcript);
}

#[test]
fn wide_panes_show_names_and_organisations_whole() {
    let mut a = app(160, 40);
    let s = screen(&a);
    assert!(s.contains("4 Bernhards Blumbergs "), "{s}");
    assert!(
        s.contains("JPCERT/CC · Civil Society · Asia-Pacific Group"),
        "{s}"
    );
    assert!(!s.contains('…') || !s.lines().nth(1).unwrap_or("").contains('…'));
    keys(&mut a, "4]");
    let s = screen(&a);
    assert!(s.contains("4 Bernhards Blumbergs ◂"), "the floor mark: {s}");
    insta::assert_snapshot!("speaker_4_at_t5_160x40", s);
    // Narrower, the name gives way to the mark, never the other way round.
    resize(&mut a, 100, 30);
    let s = screen(&a);
    assert!(s.contains("4 Bernhards Blumb… ◂"), "{s}");
}

#[test]
fn japanese_names_keep_the_share_bars_aligned() {
    let s = session_from(
        "戸山正恵: 進捗を共有します。皆さんの意見を聞かせてください。よろしくお願いします。\n\
         真鍋博樹: ありがとうございます。\n\
         Adli Wahid: Thank you. I agree with the points made about information sharing.\n\
         戸山正恵: では次の議題に進みます。\n",
    );
    let mut a = Driver::new(s, 100, 30);
    keys(&mut a, "s");
    let shown = screen(&a);
    // The column of each `%` on screen, cell by cell (a wide character takes two cells).
    let mut terminal = Terminal::new(TestBackend::new(100, 30)).expect("terminal");
    terminal.draw(|f| draw::draw(f, &a)).expect("draw");
    let buf = terminal.backend().buffer();
    let percent =
        |y: u16, xs: std::ops::Range<u16>| xs.rev().find(|&x| buf[(x, y)].symbol() == "%");
    let stats_x = a.screen().stats.expect("stats").x;
    // The chart: one row a speaker, `■ name bar  nn%`.
    let chart: Vec<u16> = (0..30)
        .filter(|&y| buf[(stats_x + 1, y)].symbol() == "■")
        .filter_map(|y| percent(y, stats_x..100))
        .collect();
    // The speaker list: the second row of each speaker, `3t M ▋ 10%`.
    let list: Vec<u16> = (0..30).filter_map(|y| percent(y, 0..25)).collect();
    for columns in [&chart, &list] {
        assert_eq!(columns.len(), 3, "{columns:?}\n{shown}");
        assert!(
            columns.windows(2).all(|w| w[0] == w[1]),
            "{columns:?}\n{shown}"
        );
    }
    assert_eq!(chart[0], 98, "the % is the pane's last column:\n{shown}");
    insta::assert_snapshot!("cjk_stats_100x30", shown);
}

#[test]
fn warnings_show_in_the_header_and_list_with_bang() {
    let mut s = podium::bundled::session().expect("bundled");
    s.warnings = (1..=40)
        .map(|i| Warning {
            line: Some(i * 3),
            message: format!("could not place line {i}"),
        })
        .collect();
    let mut a = Driver::new(s, 100, 30);
    assert!(screen(&a).lines().next().unwrap_or("").contains("⚠ 40 (!)"));
    keys(&mut a, "!");
    let shown = screen(&a);
    assert!(shown.contains("Warnings (40)") && shown.contains("line 3    could not place line 1"));
    assert!(shown.contains("more"), "{shown}");
    keys(&mut a, "G");
    assert!(screen(&a).contains("could not place line 40"));
    keys(&mut a, "<Esc>");
    assert_eq!(a.overlay, Overlay::None);
}

#[test]
fn up_in_an_empty_query_recalls_earlier_ones() {
    let mut a = app(100, 30);
    a.history = vec!["budget".into(), "cyber hygene".into()];
    keys(&mut a, "/<Up>");
    assert_eq!(a.search.query, "cyber hygene");
    assert!(!a.search.hits.is_empty());
    keys(&mut a, "<Up>");
    assert_eq!(a.search.query, "budget");
    keys(&mut a, "<Up>");
    assert_eq!(a.search.query, "budget", "the oldest stays");
    // Typing ends the recall: ↑ moves among the hits again.
    keys(&mut a, "s<Up>");
    assert_eq!((a.search.query.as_str(), a.history_pos), ("budgets", None));
    let effects = keys(&mut a, "<BS><Enter>");
    assert_eq!(effects, [Effect::SaveQuery("budget".into())]);
    assert_eq!(a.history, ["cyber hygene", "budget"]);
}

#[test]
fn enter_with_no_hit_keeps_the_panel_and_the_query() {
    let mut a = app(100, 30);
    keys(&mut a, "/zzqqxj<Enter>");
    assert_eq!(a.overlay, Overlay::Search);
    assert_eq!(a.search.query, "zzqqxj");
    assert!(screen(&a).contains("No hit to go to"));
}

#[test]
fn the_preview_lights_the_letters_of_the_query_shown() {
    let mut a = app(100, 30);
    keys(&mut a, "/information sh");
    keys(&mut a, "aring");
    let found = a.found.clone().expect("a preview");
    let quote = a.session.turns[found.quote.turn]
        .sentence(found.quote.sentence)
        .expect("sentence");
    let wanted = podium::search::Query::new("information sharing")
        .score(quote)
        .map(|(_, m)| m)
        .unwrap_or_default();
    assert_eq!(found.matched, wanted);
}

#[test]
fn capital_g_puts_the_end_at_the_bottom() {
    let mut a = app(100, 30);
    keys(&mut a, "G");
    assert_eq!(a.top, a.layout.total_lines() - a.viewport());
    assert!(screen(&a).contains("· 100% "));
}

#[test]
fn a_key_of_another_pane_says_where_it_works() {
    let mut a = app(100, 30);
    keys(&mut a, "r");
    let m = a.message.clone().unwrap_or_default();
    assert!(
        m.contains("works in the Speaker list (Tab moves there)"),
        "{m}"
    );
    assert!(a.prompt.is_none());
}

#[test]
fn a_users_keys_drive_the_browser_help_and_footer() {
    let path = std::path::Path::new("config.toml");
    let settings = crate::tui::config::parse(
        path,
        "[keys]\nquit = [\"x\"]\nsearch = \"F2\"\n",
        Theme::new(false),
    )
    .expect("config");
    let mut a = app(100, 30);
    a.keymap = settings.keymap;
    keys(&mut a, "q");
    assert!(!a.quit);
    assert!(
        screen(&a).contains(" x quit "),
        "the footer shows the user's key"
    );
    keys(&mut a, "?");
    assert!(screen(&a).contains("  x               quit  [quit]"));
    keys(&mut a, "<Esc>x");
    assert!(a.quit);
}

#[test]
fn a_summary_only_session_opens_on_its_summaries() {
    let bytes = include_bytes!("../../../tests/fixtures/igf2023-ns44-csirt-summary-only.txt");
    let session = podium::formats::load_bytes("s.txt", None, bytes)
        .expect("loads")
        .session;
    let mut a = Driver::new(session, 100, 30);
    assert_eq!(a.middle, Middle::Summaries);
    let s = screen(&a);
    assert!(s.contains("Summaries (S: transcript)"), "{s}");
    assert!(s.contains("■ Masae Toyama"), "{s}");
    // It scrolls, and Enter says there is no transcript to go to.
    keys(&mut a, "<PgDn><PgDn>");
    assert!(a.summaries.top > 0);
    keys(&mut a, "<Enter>");
    assert!(screen(&a).contains("No transcript: this report has summaries only"));
    keys(&mut a, "jG]}f/cyber<Enter>nN6S");
    let s = screen(&a);
    assert!(
        s.contains("No transcript: this report has summaries"),
        "{s}"
    );
}

#[test]
fn a_whisper_turn_shows_its_paragraph_times_dimmed() {
    let json = include_str!("../../../tests/fixtures/whisper-pauses.json");
    let session = podium::formats::load_bytes("pauses.json", Some("pauses.json"), json.as_bytes())
        .expect("loads")
        .session;
    let a = Driver::new(session.clone(), 100, 30);
    let s = screen(&a);
    assert!(s.contains("[00:00:18] Thank you. The budget"), "{s}");
    assert!(s.contains("[00:01:42] Second item"), "{s}");
    assert_eq!(s.matches("[00:00:00]").count(), 1, "the header's time only");
    insta::assert_snapshot!("whisper_paragraph_times_100x30", s);
    // The layout counts the labels' lines: `G` puts the last line of the turn at the bottom.
    let mut narrow = Driver::new(session.clone(), 60, 20);
    keys(&mut narrow, "G");
    let s = screen(&narrow);
    assert!(s.contains("┃▌ second item."), "{s}");
    // The label is drawn dimmed, the text is not.
    let theme = Theme::new(true);
    let a = App::new(session, theme, Rect::new(0, 0, 100, 30));
    let mut terminal = Terminal::new(TestBackend::new(100, 30)).expect("terminal");
    terminal.draw(|f| draw::draw(f, &a)).expect("draw");
    let buf = terminal.backend().buffer();
    let (x, y) = (0..30u16)
        .flat_map(|y| (0..100u16).map(move |x| (x, y)))
        .find(|&(x, y)| {
            buf[(x, y)].symbol() == "["
                && buf[(x + 4, y)].symbol() == "0"
                && buf[(x + 7, y)].symbol() == "1"
        })
        .expect("a paragraph time on screen");
    assert_eq!(buf[(x, y)].fg, theme.dim().fg.expect("a colour"));
    assert_ne!(
        buf[(x + 11, y)].fg,
        buf[(x, y)].fg,
        "the text is not dimmed"
    );
}

#[test]
fn hostile_text_is_shown_not_obeyed_in_the_transcript_and_its_hits() {
    let text =
        "Ann: One \u{202e}two three.\nBen: Four \u{1b}[2J five \u{9b}31m six.\nAnn: Seven.\n";
    let session = podium::formats::load_bytes("h.txt", Some("h.txt"), text.as_bytes())
        .expect("loads")
        .session;
    let mut a = Driver::new(session, 100, 24);
    let obeys_nothing = |s: &str| {
        for c in ['\u{1b}', '\u{9b}', '\u{202e}'] {
            assert!(!s.contains(c), "{c:?} reached the screen: {s:?}");
        }
    };
    let s = screen(&a);
    obeys_nothing(&s);
    assert!(s.contains("One \u{fffd}two three."), "{s}");
    assert!(s.contains("Four \u{241b}[2J five \u{fffd}31m six."), "{s}");
    keys(&mut a, "/two three");
    let s = screen(&a);
    obeys_nothing(&s);
    assert!(
        s.matches("One \u{fffd}two three.").count() >= 2,
        "transcript and hit: {s}"
    );
}

/// A speaker's name from the file reaches frame titles and labels cleaned: the transcript's
/// title under the speaker filter, the timeline's label.
#[test]
fn a_hostile_name_is_shown_not_obeyed_in_frame_titles() {
    let text = "Eve\u{202e}lin: One.\nAnn: Two.\nEve\u{202e}lin: Three.\nAnn: Four.\n";
    let session = podium::formats::load_bytes("h.txt", Some("h.txt"), text.as_bytes())
        .expect("loads")
        .session;
    assert!(
        session.speakers.iter().any(|s| s.name.contains('\u{202e}')),
        "the name is read as a speaker's"
    );
    let mut a = Driver::new(session, 100, 24);
    for (typed, shows) in [("f", "Transcript · Eve\u{fffd}lin only"), ("fTG", "· Ann")] {
        keys(&mut a, typed);
        let s = screen(&a);
        assert!(!s.contains('\u{202e}'), "after {typed:?}: {s}");
        assert!(s.contains(shows), "after {typed:?}: {s}");
    }
    keys(&mut a, "g");
    let s = screen(&a);
    assert!(!s.contains('\u{202e}'), "{s}");
    assert!(s.contains("· Eve\u{fffd}lin "), "the timeline's label: {s}");
}
