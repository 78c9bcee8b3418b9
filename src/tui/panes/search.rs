//! The session's search panel: the shared hit list, each hit as `speaker · t12 · quote`.

use ratatui::Frame;
use ratatui::layout::Rect;

use crate::tui::app::App;
use crate::tui::who;
use crate::tui::widgets::hit_list::{HitList, HitRow};

pub fn draw(frame: &mut Frame<'_>, app: &App, rect: Rect) {
    let list = HitList {
        title: " Search quotes ",
        state: &app.search,
        quotes: app.total_quotes,
        theme: app.theme,
    };
    let session = &app.session;
    list.draw(frame, rect, |hit| {
        let turn = &session.turns[hit.quote.turn];
        HitRow {
            session: None,
            speaker: session.speaker_name(turn),
            speaker_ix: who::speaker_of(session, hit.quote.turn).unwrap_or(hit.speaker),
            turn: &turn.id,
            quote: turn.sentence(hit.quote.sentence).unwrap_or_default(),
        }
    });
}
