//! The session's search panel: the shared hit list, each hit as `speaker · t12 · quote`, or
//! `speaker · summary · sentence` for a sentence of the report's summaries.

use ratatui::Frame;
use ratatui::layout::Rect;

use crate::tui::app::App;
use crate::tui::who;
use crate::tui::widgets::hit_list::{HitList, HitRow};

pub fn draw(frame: &mut Frame<'_>, app: &App, rect: Rect) {
    let list = HitList {
        title: " Search quotes and summaries ",
        state: &app.search,
        quotes: app.total_quotes,
        theme: app.theme,
    };
    let session = &app.session;
    list.draw(frame, rect, |hit| match hit.summary {
        Some(_) => HitRow::summary(
            None,
            session.speakers.get(hit.speaker).map(|s| s.name.as_str()),
            hit.speaker,
            app.index.quote(hit).into(),
        ),
        None => {
            let turn = &session.turns[hit.quote.turn];
            HitRow {
                session: None,
                speaker: session.speaker_name(turn).into(),
                speaker_ix: who::speaker_of(session, hit.quote.turn).unwrap_or(hit.speaker),
                turn: &turn.id,
                summary: false,
                quote: turn.sentence(hit.quote.sentence).unwrap_or_default().into(),
            }
        }
    });
}
