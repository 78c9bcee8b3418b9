//! What `y`, `Y`, `m`, `'`, `e` and `r` do to the browser's state: copying with a citation,
//! marks, export of what is shown, renaming a speaker. The I/O they need is asked of the event
//! loop as effects.

use podium::export::{self, Excerpt};
use podium::marks::{self, Mark};

use super::action::Effect;
use super::app::{App, Overlay};

impl App {
    /// The excerpts `y`, `m`, `t` and `e` work on: the sentence selected in the words view's
    /// list of sentences, else the found quote if it is in the current turn, else the current
    /// turn.
    pub(super) fn here(&self) -> Option<Excerpt> {
        if let Some(q) = self.selected_use() {
            return Some(Excerpt {
                turn: q.turn,
                sentence: Some(q.sentence),
            });
        }
        let turn = self.current_turn()?;
        let sentence = self
            .found
            .as_ref()
            .filter(|f| f.quote.turn == turn)
            .map(|f| f.quote.sentence);
        Some(Excerpt { turn, sentence })
    }

    pub(super) fn copy(&mut self, whole_turn: bool) -> Option<Effect> {
        let place = if self.overlay == Overlay::Marks {
            let m = self.marks.get(self.marks_selected)?;
            let (turn, sentence) = marks::resolve(&self.session, m)?;
            Excerpt { turn, sentence }
        } else {
            let here = self.here()?;
            Excerpt {
                turn: here.turn,
                // A quote means a sentence: the found one, else the turn's first.
                sentence: if whole_turn {
                    None
                } else {
                    Some(here.sentence.unwrap_or(0))
                },
            }
        };
        let text = podium::cite::cite(
            &self.session,
            podium::cite::Place {
                turn: place.turn,
                sentence: place.sentence,
            },
        )?;
        Some(Effect::Copy { text })
    }

    pub(super) fn toggle_mark(&mut self) -> Option<Effect> {
        let here = self.here()?;
        let mark = Mark {
            turn: self.session.turns[here.turn].id.clone(),
            sentence: here.sentence,
        };
        let place = match mark.sentence {
            Some(s) => format!("{}.{}", mark.turn, s + 1),
            None => mark.turn.clone(),
        };
        self.lists_codes = false;
        if let Some(i) = self.marks.iter().position(|m| *m == mark) {
            self.marks.remove(i);
            self.message = Some(format!("Unmarked {place}"));
        } else {
            self.marks.push(mark);
            let n = self.marks.len();
            let marks = if n == 1 { "mark" } else { "marks" };
            self.message = Some(format!("Marked {place} ({n} {marks}; ' lists them)"));
        }
        Some(Effect::SaveMarks(self.kept()))
    }

    pub(super) fn go_to_mark(&mut self) {
        if self.overlay != Overlay::Marks {
            return;
        }
        let Some((turn, sentence)) = self
            .marks
            .get(self.marks_selected)
            .and_then(|m| marks::resolve(&self.session, m))
        else {
            return;
        };
        self.overlay = Overlay::None;
        match sentence {
            Some(s) => {
                self.jump_to_quote(podium::session::QuoteRef { turn, sentence: s }, Vec::new())
            }
            None => self.jump_to_turn(turn),
        }
    }

    /// What is on screen, as Markdown: a code's passages (from the codes list, or under the
    /// code filter), the marks (when listed), the filtered speaker, or all.
    pub(super) fn export(&mut self) -> Option<Effect> {
        let slug = podium::text::slug(&self.session.meta.title);
        let code = match self.overlay {
            Overlay::Codes => self
                .code_counts()
                .get(self.codes_selected)
                .map(|(c, _)| c.clone()),
            _ => self.code_filter.clone(),
        };
        let (excerpts, stem) = if let Some(code) = code {
            let mut picked = podium::codes::excerpts(&self.session, &self.codes, &code);
            if let Some(s) = self.filter {
                picked.retain(|e| self.speaker_of(e.turn) == Some(s));
            }
            (picked, format!("{slug}-code-{}", podium::text::slug(&code)))
        } else if self.overlay == Overlay::Marks {
            let mut picked: Vec<Excerpt> = self
                .marks
                .iter()
                .filter_map(|m| marks::resolve(&self.session, m))
                .map(|(turn, sentence)| Excerpt { turn, sentence })
                .collect();
            picked.sort();
            (picked, format!("{slug}-marks"))
        } else if let Some(s) = self.filter {
            let who = podium::text::slug(&self.session.speakers[s].name);
            (
                export::by_speaker(&self.session, s),
                format!("{slug}-{who}"),
            )
        } else {
            (export::all(&self.session), slug)
        };
        if excerpts.is_empty() {
            self.message = Some("Nothing to export".into());
            return None;
        }
        let text = export::export(&self.session, &excerpts, export::To::Markdown);
        Some(Effect::Export { stem, text })
    }

    pub(super) fn accept_rename(&mut self) -> Option<Effect> {
        let prompt = self.prompt.take()?;
        let to = prompt.input.trim().to_string();
        if to.is_empty() {
            self.message = Some("Rename cancelled: no name".into());
            return None;
        }
        let before = self.session.speakers.len();
        if !podium::names::rename(&mut self.session, &prompt.speaker, &to) {
            self.message = Some(format!("{} is already called {to}", prompt.speaker));
            return None;
        }
        self.filter = None;
        self.session_changed();
        let name_now = podium::text::fold_name(&to);
        self.selected = self
            .session
            .speakers
            .iter()
            .position(|s| podium::text::fold_name(&s.name) == name_now)
            .unwrap_or(0);
        let merged = self.session.speakers.len() < before;
        self.message = Some(if merged {
            format!("Merged {} into {to}", prompt.speaker)
        } else {
            format!("Renamed {} to {to}", prompt.speaker)
        });
        Some(Effect::SaveRename {
            from: prompt.speaker,
            to,
            merged,
        })
    }
}
