//! The search worker on its own thread, as the browser uses it: snapshots while it ranks,
//! cancellation by a newer query, narrowing from the previous query's matches, and a new index
//! after the session changed.

use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, Sender};

use podium::search::{self, Hit, QuoteIndex};

use super::*;
use crate::tui::who;
use crate::tui::worker::{SHOWN, Tuning};

/// One message of the worker's, as a test reads it.
#[derive(Debug)]
struct Answer {
    generation: u64,
    hits: Vec<Hit>,
    total: usize,
    done: bool,
}

fn answer(rx: &Receiver<Msg>) -> Answer {
    match rx
        .recv_timeout(Duration::from_secs(20))
        .expect("the worker answers")
    {
        Msg::Hits {
            generation,
            hits,
            total,
            done,
            ..
        } => Answer {
            generation,
            hits,
            total,
            done,
        },
        _ => panic!("the worker sends hits only"),
    }
}

/// Everything the worker sends up to and including the final ranking of `generation`.
fn until_done(rx: &Receiver<Msg>, generation: u64) -> Vec<Answer> {
    let mut out = Vec::new();
    loop {
        let a = answer(rx);
        let last = a.done && a.generation == generation;
        out.push(a);
        if last {
            return out;
        }
    }
}

fn bundled_index() -> Arc<QuoteIndex> {
    Arc::new(QuoteIndex::new(
        &podium::bundled::session().expect("bundled"),
    ))
}

/// How many quotes match `query`, counted directly.
fn count(index: &QuoteIndex, query: &str) -> usize {
    search::matches(index, &search::Query::new(query), search::Scope::default()).len()
}

/// A worker that posts a snapshot after every batch of `batch` quotes.
fn worker(batch: usize, step: Option<Receiver<()>>) -> (SearchWorker, Receiver<Msg>) {
    let (tx, rx): (Sender<Msg>, Receiver<Msg>) = mpsc::channel();
    let tuning = Tuning {
        batch,
        snapshot_every: Duration::ZERO,
        step,
    };
    (SearchWorker::spawn_tuned(tx, tuning).expect("worker"), rx)
}

#[test]
fn the_worker_posts_growing_snapshots_then_the_full_ranking() {
    let index = bundled_index();
    let (mut w, rx) = worker(16, None);
    w.request(1, "e".into(), &index);
    let answers = until_done(&rx, 1);
    let (last, snapshots) = answers.split_last().expect("answers");
    // One snapshot after each batch, then the final ranking.
    assert_eq!(snapshots.len(), index.len().div_ceil(16));
    assert!(snapshots.iter().all(|a| !a.done && a.generation == 1));
    assert!(snapshots.windows(2).all(|p| p[0].total <= p[1].total));
    assert_eq!(last.total, count(&index, "e"));
    assert_eq!(snapshots.last().map(|a| a.total), Some(last.total));
    assert_eq!(last.hits.len(), last.total.min(SHOWN));
    assert!(
        last.hits.windows(2).all(|p| p[0].score >= p[1].score),
        "best first"
    );
}

#[test]
fn a_newer_query_cancels_the_one_being_ranked() {
    let index = bundled_index();
    let (step, steps) = mpsc::channel();
    let (mut w, rx) = worker(16, Some(steps));
    w.request(1, "e".into(), &index);
    step.send(()).expect("step");
    let first = answer(&rx);
    assert_eq!(
        (first.generation, first.done),
        (1, false),
        "ranking 1 has begun"
    );
    // Ranking 1 is between batches; a newer query arrives before its next one.
    w.request(2, "cyber".into(), &index);
    for _ in 0..index.len() * 2 {
        step.send(()).expect("step");
    }
    let answers = until_done(&rx, 2);
    assert!(
        answers.iter().all(|a| a.generation == 2),
        "ranking 1 stopped at its next batch: {:?}",
        answers
            .iter()
            .map(|a| (a.generation, a.done))
            .collect::<Vec<_>>()
    );
    assert_eq!(
        answers.last().map(|a| a.total),
        Some(count(&index, "cyber"))
    );
}

#[test]
fn a_longer_query_ranks_only_the_previous_matches() {
    let index = bundled_index();
    let (mut w, rx) = worker(8, None);
    w.request(1, "cy".into(), &index);
    let broad = until_done(&rx, 1);
    let matched = broad.last().expect("final").total;
    assert_eq!(
        broad.len() - 1,
        index.len().div_ceil(8),
        "every quote scored"
    );
    w.request(2, "cyb".into(), &index);
    let narrow = until_done(&rx, 2);
    assert_eq!(
        narrow.len() - 1,
        matched.div_ceil(8),
        "only the {matched} quotes that matched 'cy' scored"
    );
    let last = narrow.last().expect("final");
    assert_eq!(last.total, count(&index, "cyb"), "and none lost");
    // A query that does not extend the last one starts over.
    w.request(3, "hygiene".into(), &index);
    assert_eq!(until_done(&rx, 3).len() - 1, index.len().div_ceil(8));
    // So does any query over a new index.
    let fresh = bundled_index();
    w.request(4, "hygiene x".into(), &fresh);
    assert_eq!(until_done(&rx, 4).len() - 1, fresh.len().div_ceil(8));
}

#[test]
fn a_merge_renumbers_speakers_and_search_follows() {
    let mut a = app(100, 30);
    // Masae Toyama, the first speaker, becomes Adli Wahid: everyone after her moves up one.
    keys(&mut a, "1<S-Tab>r");
    keys(&mut a, "Adli Wahid<Enter>");
    assert_eq!(a.session.speakers.len(), 5, "a taken name merges");
    let bernhards = a
        .session
        .speakers
        .iter()
        .position(|s| s.name == "Bernhards Blumbergs")
        .expect("Bernhards");
    assert_eq!(bernhards, 2);
    keys(&mut a, "/'personal 'cyber");
    assert!(!a.search.hits.is_empty());
    for hit in a.search.hits.iter().filter(|h| h.summary.is_none()) {
        assert_eq!(
            Some(hit.speaker),
            who::speaker_of(&a.session, hit.quote.turn),
            "hit in {} names its speaker as the session does now",
            a.session.turns[hit.quote.turn].id
        );
    }
    keys(&mut a, "<Enter>");
    assert_eq!(a.selected, bernhards, "the hit's speaker is selected");
    assert!(screen(&a).contains("■ Bernhards Blumbergs"));
}

#[test]
fn mouse_wheel_and_clicks() {
    let mut a = app(100, 30);
    let mouse = |kind, column, row| {
        Msg::Term(Event::Mouse(MouseEvent {
            kind,
            column,
            row,
            modifiers: KeyModifiers::NONE,
        }))
    };
    feed(&mut a, mouse(MouseEventKind::ScrollDown, 50, 10));
    assert_eq!(a.top, 3);
    feed(&mut a, mouse(MouseEventKind::ScrollUp, 50, 10));
    assert_eq!(a.top, 0);
    // Speaker rows start below the header and the list's border; two rows each.
    feed(
        &mut a,
        mouse(MouseEventKind::Down(MouseButton::Left), 5, 2 + 2 * 3),
    );
    assert_eq!((a.selected, a.focus), (3, Focus::Speakers));
    feed(&mut a, mouse(MouseEventKind::ScrollDown, 5, 5));
    assert_eq!(a.selected, 4);
    // A click on the second turn's header selects that turn and its speaker.
    let t2_row = 2 + a.layout.start(1) as u16;
    feed(
        &mut a,
        mouse(MouseEventKind::Down(MouseButton::Left), 40, t2_row),
    );
    assert_eq!((current_id(&a).as_str(), a.selected), ("t2", 1));
    keys(&mut a, "/cyber hygene");
    // The panel: its border, the query line, then the hits; the second hit is two rows down.
    let panel = a.screen().search.expect("panel");
    let hit_row = panel.y + 3;
    let second = a.search.hits[1].clone();
    let shown = screen(&a);
    let row_text = shown.lines().nth(usize::from(hit_row)).expect("row");
    let turn_id = a.session.turns[second.quote.turn].id.clone();
    assert!(
        row_text.contains(&format!(" · {turn_id} · ")),
        "the row clicked shows the second hit ({turn_id}): {row_text}"
    );
    assert_ne!(
        a.search.hits[0].quote, second.quote,
        "the click must pick a different hit than Enter would"
    );
    feed(
        &mut a,
        mouse(MouseEventKind::Down(MouseButton::Left), 30, hit_row),
    );
    assert_eq!(a.overlay, Overlay::None);
    assert_eq!(a.found.as_ref().map(|f| f.quote), Some(second.quote));
    assert_eq!(current_id(&a), turn_id);
}

#[test]
fn closing_the_search_panel_goes_back_to_the_layout_it_left() {
    let mut a = app(120, 40);
    let before = (a.layout.width, a.layout.turns.as_ptr());
    keys(&mut a, "/cyber");
    assert_ne!(a.layout.width, before.0, "the panel narrows the transcript");
    keys(&mut a, "<Esc>");
    // The very layout it had, not one wrapped again.
    assert_eq!((a.layout.width, a.layout.turns.as_ptr()), before);
}
