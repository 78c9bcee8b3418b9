//! `podium bench`: what one frame costs — a PageDown and a full draw of every pane into an
//! off-screen buffer — on a 20-turn session and on a large one, in the same run, as a ratio.
//! The transcript is laid out once per width; a frame should not grow with the session.

use std::time::Instant;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;

use super::action::Action;
use super::app::App;
use super::draw;
use super::theme::Theme;

/// A synthetic session of about `turns` turns (three sentences each).
fn session(turns: usize) -> anyhow::Result<podium::session::Session> {
    let (text, _) = podium::synth::session(42, turns * 3);
    Ok(podium::formats::load_bytes("bench.txt", Some("bench.txt"), text.as_bytes())?.session)
}

/// Median microseconds of `rounds` frames: PageDown, then draw at 120×40.
fn frame_cost(app: &mut App, rounds: usize) -> anyhow::Result<f64> {
    let mut terminal = Terminal::new(TestBackend::new(120, 40))?;
    let mut times = Vec::with_capacity(rounds);
    for _ in 0..rounds {
        let start = Instant::now();
        app.update(Action::PageDown);
        let _ = terminal.draw(|f| draw::draw(f, app));
        times.push(start.elapsed().as_secs_f64() * 1e6);
    }
    times.sort_by(f64::total_cmp);
    Ok(times[times.len() / 2])
}

pub fn frame(turns: usize) -> anyhow::Result<()> {
    let area = Rect::new(0, 0, 120, 40);
    let small = session(20)?;
    let started = Instant::now();
    let large = session(turns)?;
    let import = started.elapsed();
    let started = Instant::now();
    let mut large_app = App::new(large, Theme::new(true), area);
    let layout = started.elapsed();
    let mut small_app = App::new(small, Theme::new(true), area);
    let rounds = 200;
    let small_us = frame_cost(&mut small_app, rounds)?;
    let large_us = frame_cost(&mut large_app, rounds)?;
    println!(
        "frame (PageDown + draw, 120x40, median of {rounds}): {} turns {small_us:.0} µs, {} turns {large_us:.0} µs, ratio {:.2}",
        small_app.session.turns.len(),
        large_app.session.turns.len(),
        large_us / small_us
    );
    println!(
        "large session: import {:.0} ms, open (statistics, quote index, layout) {:.0} ms",
        import.as_secs_f64() * 1e3,
        layout.as_secs_f64() * 1e3
    );
    Ok(())
}
