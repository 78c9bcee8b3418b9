//! One open session in the event loop: the app, the worker that searches it, and the I/O its
//! effects ask for — the clipboard, marks and codes, exports, renames kept in podium.toml, and
//! the recording's player.

use std::path::PathBuf;
use std::sync::mpsc;

use anyhow::Context as _;
use podium::session::Session;
use ratatui::layout::Rect;

use super::action::{self, Action};
use super::app::App;
use super::config::Settings;
use super::player::Player;
use super::worker::SearchWorker;
use super::{Msg, clipboard, to_action};

/// One open session: its state, the worker that searches it, and where its marks and
/// renames are kept.
pub struct SessionView {
    pub app: App,
    worker: SearchWorker,
    /// The session's file (`None` for the bundled session).
    file: Option<PathBuf>,
    /// Where the marks and codes are kept, and what was last read or written there: a save
    /// keeps the change from these, merged with what another browser kept meanwhile.
    marks: Option<(podium::marks::MarkStore, podium::marks::Kept)>,
    /// The recording's player, started by the first `p`; dropping it ends mpv.
    player: Option<Player>,
    /// Where the player's worker posts.
    tx: mpsc::Sender<Msg>,
}

impl SessionView {
    pub fn open(
        session: Session,
        file: Option<PathBuf>,
        area: Rect,
        settings: &Settings,
        tx: &mpsc::Sender<Msg>,
    ) -> anyhow::Result<Self> {
        let mut app = App::new(session, settings.theme, area);
        app.keymap = settings.keymap.clone();
        app.history = super::history::path()
            .map(|p| super::history::load(&p))
            .unwrap_or_default();
        let marks = podium::marks::MarkStore::default_dir().map(|dir| {
            let store = podium::marks::MarkStore::open(&dir, file.as_deref(), &app.session);
            let (kept, warning) = store.load();
            app.marks.clone_from(&kept.marks);
            app.codes.clone_from(&kept.codes);
            app.lists_codes = !kept.codes.is_empty() && kept.marks.is_empty();
            app.codebook = podium::marks::codebook(&dir);
            if let Some(w) = warning {
                app.update(Action::Notify(w));
            }
            (store, kept)
        });
        app.play.transcript.clone_from(&file);
        app.play.media = file.as_deref().and_then(podium::media::beside);
        app.play.program = super::player::find_mpv();
        let worker = SearchWorker::spawn(tx.clone()).context("cannot start the search thread")?;
        Ok(SessionView {
            app,
            worker,
            file,
            marks,
            player: None,
            tx: tx.clone(),
        })
    }

    /// Does what `update` asked for that leaves the process, and reports back as an action.
    fn perform(&mut self, effect: action::Effect) {
        let note = match effect {
            action::Effect::Search { generation, query } => {
                self.worker.request(generation, query, &self.app.index);
                return;
            }
            action::Effect::Copy { text } => match clipboard::copy(&text) {
                Ok(how) => format!("Copied with citation ({how}): {}", preview(&text)),
                Err(e) => format!("Could not copy: {e}"),
            },
            action::Effect::SaveMarks(wanted) => match &mut self.marks {
                Some((store, base)) => match store.save(&self.app.session, base, &wanted) {
                    Ok(kept) => {
                        base.clone_from(&kept);
                        if kept != wanted {
                            self.app.update(Action::MarksKept(kept));
                        }
                        return;
                    }
                    Err(e) => format!("Could not keep the marks: {e}"),
                },
                None => "No data directory to keep marks in (set XDG_DATA_HOME or HOME)".into(),
            },
            action::Effect::Export { stem, text } => match podium::files::create_numbered(
                std::path::Path::new("."),
                &stem,
                "md",
                text.as_bytes(),
            ) {
                Ok(path) => format!(
                    "Exported to {}",
                    path.strip_prefix(".").unwrap_or(&path).display()
                ),
                Err(e) => format!("Could not export: {e}"),
            },
            action::Effect::SaveRename { from, to, merged } => {
                let done = if merged {
                    format!("Merged {from} into {to}")
                } else {
                    format!("Renamed {from} to {to}")
                };
                match save_rename(self.file.as_deref(), &from, &to) {
                    Ok(path) => format!("{done}; kept in {}", path.display()),
                    Err(e) => format!("{done} for now, but could not keep it: {e}"),
                }
            }
            action::Effect::SaveQuery(query) => {
                save_query(&query);
                return;
            }
            action::Effect::Play {
                program,
                media,
                start_ms,
            } => {
                if self.player.is_none() {
                    match Player::spawn(self.tx.clone()) {
                        Ok(p) => self.player = Some(p),
                        Err(e) => {
                            let failed = super::player::PlayerEvent::Failed(format!(
                                "Could not start the player's thread: {e}"
                            ));
                            self.app.update(Action::Player(failed));
                            return;
                        }
                    }
                }
                if let Some(p) = &self.player {
                    p.start(program, media, start_ms);
                }
                return;
            }
            action::Effect::Pause => {
                if let Some(p) = &self.player {
                    p.pause();
                }
                return;
            }
            action::Effect::Resume { seek_ms } => {
                if let Some(p) = &self.player {
                    p.resume(seek_ms);
                }
                return;
            }
            // A library's; a session never asks for it.
            action::Effect::CountWords { .. } => return,
        };
        self.app.update(Action::Notify(note));
    }

    /// Applies one message; returns whether anything changed.
    pub fn handle(&mut self, msg: Msg) -> bool {
        if let Msg::Hits { worker, .. } = &msg
            && *worker != self.worker.id
        {
            return false;
        }
        let Some(action) = to_action(&self.app, msg) else {
            return false;
        };
        if let Some(effect) = self.app.update(action) {
            self.perform(effect);
        }
        true
    }
}

/// Keeps a query in the search history; a history that cannot be written is not worth a
/// message over the hit the reader went to.
pub fn save_query(query: &str) {
    if let Some(path) = super::history::path() {
        let _ = super::history::add(&path, query);
    }
}

/// The start of a copied text, for the footer.
fn preview(text: &str) -> String {
    let short: String = text.chars().take(48).collect();
    if short.len() < text.len() {
        format!("{short}…")
    } else {
        short
    }
}

/// Adds `from = to` to the podium.toml beside the session (or the bundled session's), keeping
/// earlier renames that led to `from` pointing at `to`.
fn save_rename(file: Option<&std::path::Path>, from: &str, to: &str) -> anyhow::Result<PathBuf> {
    let path = match file {
        Some(f) => podium::names::Renames::path_beside(f),
        None => podium::names::Renames::bundled_path()
            .ok_or_else(|| anyhow::anyhow!("no data directory (set XDG_DATA_HOME or HOME)"))?,
    };
    podium::names::Renames::add(&path, from, to)?;
    Ok(path)
}
