//! One open session in the event loop: the app, the worker that searches it, and the I/O its
//! effects ask for — the clipboard, marks, exports and renames kept in podium.toml.

use std::path::PathBuf;
use std::sync::mpsc;

use anyhow::Context as _;
use podium::session::Session;
use ratatui::layout::Rect;

use super::action::{self, Action};
use super::app::App;
use super::theme::Theme;
use super::worker::SearchWorker;
use super::{Msg, clipboard, to_action};

/// One open session: its state, the worker that searches it, and where its marks and
/// renames are kept.
pub struct SessionView {
    pub app: App,
    worker: SearchWorker,
    /// The session's file (`None` for the bundled session).
    file: Option<PathBuf>,
}

impl SessionView {
    pub fn open(
        session: Session,
        file: Option<PathBuf>,
        area: Rect,
        tx: &mpsc::Sender<Msg>,
    ) -> anyhow::Result<Self> {
        let mut app = App::new(session, Theme::from_env(), area);
        if let Some(dir) = podium::marks::MarkStore::default_dir() {
            let (marks, warning) = podium::marks::MarkStore::at(&dir, &app.session).load();
            app.marks = marks;
            if let Some(w) = warning {
                app.update(Action::Notify(w));
            }
        }
        let worker = SearchWorker::spawn(tx.clone()).context("cannot start the search thread")?;
        Ok(SessionView { app, worker, file })
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
            action::Effect::SaveMarks(marks) => match podium::marks::MarkStore::default_dir() {
                Some(dir) => match podium::marks::MarkStore::at(&dir, &self.app.session)
                    .save(&self.app.session, &marks)
                {
                    Ok(()) => return,
                    Err(e) => format!("Could not keep the marks: {e}"),
                },
                None => "No data directory to keep marks in (set XDG_DATA_HOME or HOME)".into(),
            },
            action::Effect::Export { stem, text } => match export_file(&stem, &text) {
                Ok(path) => format!("Exported to {}", path.display()),
                Err(e) => format!("Could not export: {e}"),
            },
            action::Effect::SaveRename { from, to } => {
                match save_rename(self.file.as_deref(), &from, &to) {
                    Ok(path) => format!("Renamed {from} to {to}; kept in {}", path.display()),
                    Err(e) => format!("Renamed for now, but could not keep it: {e}"),
                }
            }
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

/// The start of a copied text, for the footer.
fn preview(text: &str) -> String {
    let short: String = text.chars().take(48).collect();
    if short.len() < text.len() {
        format!("{short}…")
    } else {
        short
    }
}

/// Writes `stem.md` in the current folder, or `stem-2.md`, … : never over an existing file.
fn export_file(stem: &str, text: &str) -> std::io::Result<PathBuf> {
    use std::io::Write as _;
    for n in 1..1000 {
        let name = if n == 1 {
            format!("{stem}.md")
        } else {
            format!("{stem}-{n}.md")
        };
        let path = PathBuf::from(name);
        match std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&path)
        {
            Ok(mut f) => {
                f.write_all(text.as_bytes())?;
                return Ok(path);
            }
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
            Err(e) => return Err(e),
        }
    }
    Err(std::io::Error::other("too many exports with this name"))
}

/// Adds `from = to` to the podium.toml beside the session (or the bundled session's), keeping
/// earlier renames that led to `from` pointing at `to`.
fn save_rename(file: Option<&std::path::Path>, from: &str, to: &str) -> anyhow::Result<PathBuf> {
    let path = match file {
        Some(f) => podium::names::Renames::path_beside(f),
        None => podium::names::Renames::bundled_path()
            .ok_or_else(|| anyhow::anyhow!("no data directory (set XDG_DATA_HOME or HOME)"))?,
    };
    let mut renames = podium::names::Renames::load(&path).map_err(|e| anyhow::anyhow!(e))?;
    for target in renames.rename.values_mut() {
        if podium::text::fold_name(target) == podium::text::fold_name(from) {
            *target = to.to_string();
        }
    }
    renames.rename.insert(from.to_string(), to.to_string());
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    renames.save(&path)?;
    Ok(path)
}
