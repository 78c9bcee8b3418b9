//! The terminal, set up and given back in one place: raw mode, the alternate screen, mouse
//! reporting and a hidden cursor on the way in; all four undone on the way out — on quit, on
//! error, on a panic, and on the signals that end or stop a program (SIGTERM, SIGHUP, SIGINT,
//! SIGQUIT; SIGTSTP and Ctrl-Z, which in raw mode arrives as a key). A signal thread turns
//! signals into messages on the event loop's channel, so the loop restores the terminal itself
//! rather than a signal handler writing to it.

use std::io::{self, Stdout, stdout};
use std::sync::mpsc::Sender;

use anyhow::{Context as _, bail};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::cursor::{Hide, Show};
use ratatui::crossterm::event::{DisableMouseCapture, EnableMouseCapture};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{
    Clear, ClearType, EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use signal_hook::consts::{SIGCONT, SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGTSTP};
use signal_hook::iterator::Signals;

use super::Msg;

/// Signals the browser handles: the first four end it, SIGTSTP stops it, SIGCONT continues it.
const SIGNALS: [i32; 6] = [SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGTSTP, SIGCONT];

/// The terminal while the browser has it.
pub struct Term {
    terminal: Terminal<CrosstermBackend<Stdout>>,
    /// The signal that asked the browser to end, once one has.
    pub ended_by: Option<i32>,
}

/// Takes the terminal over.
fn enter() -> io::Result<()> {
    enable_raw_mode()?;
    execute!(stdout(), EnterAlternateScreen, EnableMouseCapture, Hide)
}

/// Gives the terminal back as it was: mouse reporting off, the normal screen, the cursor
/// shown, raw mode off. Never fails: each step is tried whatever the others did.
pub fn leave() {
    let _ = execute!(stdout(), DisableMouseCapture);
    let _ = execute!(stdout(), LeaveAlternateScreen);
    let _ = execute!(stdout(), Show);
    let _ = disable_raw_mode();
}

impl Term {
    pub fn draw(&mut self, render: impl FnOnce(&mut ratatui::Frame<'_>)) -> anyhow::Result<()> {
        self.terminal.draw(render)?;
        Ok(())
    }

    /// Gives the terminal back and stops, as SIGTSTP would; once continued (`fg`), takes the
    /// terminal again and makes the next draw a full one.
    pub fn suspend(&mut self) -> anyhow::Result<()> {
        leave();
        // Stops the process (SIGSTOP, which cannot be caught) until SIGCONT.
        signal_hook::low_level::emulate_default_handler(SIGTSTP)
            .context("cannot stop the process")?;
        self.resume()
    }

    /// Takes the terminal again after the process was stopped — by us, or by a SIGSTOP from
    /// elsewhere, after which the shell may have reset the terminal — and redraws everything.
    pub fn resume(&mut self) -> anyhow::Result<()> {
        // Raw mode may be remembered as on while the shell has turned it off.
        let _ = disable_raw_mode();
        enter().context("cannot set up the terminal again")?;
        // Not `Terminal::clear`: it asks the terminal where the cursor is, and the answer would
        // go to the input thread. Clear the screen and forget the last frame (swapping twice
        // leaves both buffers empty), so the next draw writes every cell.
        execute!(stdout(), Clear(ClearType::All))?;
        self.terminal.swap_buffers();
        self.terminal.swap_buffers();
        Ok(())
    }

    /// Acts on a signal the signal thread reported.
    pub fn on_signal(&mut self, signal: i32) -> anyhow::Result<()> {
        match signal {
            SIGTSTP => self.suspend(),
            SIGCONT => self.resume(),
            _ => {
                self.ended_by = Some(signal);
                Ok(())
            }
        }
    }
}

/// Sets the terminal up, runs `body`, and gives the terminal back whatever happens. Signals
/// reach `body`'s loop as [`Msg::Signal`] on `tx`; when one ended the browser, Podium then
/// ends the way that signal would have ended it (signal-hook ends SIGQUIT without a core file),
/// so the shell sees `128 + signal`.
pub fn with_terminal(
    tx: &Sender<Msg>,
    body: impl FnOnce(&mut Term) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    use std::io::IsTerminal;
    if !stdout().is_terminal() {
        bail!("the browser needs a terminal; for scripts use `podium stats` or `podium search`");
    }
    let mut signals = Signals::new(SIGNALS).context("cannot handle signals")?;
    let handle = signals.handle();
    let forward = tx.clone();
    std::thread::Builder::new()
        .name("podium-signals".into())
        .spawn(move || {
            for signal in signals.forever() {
                if forward.send(Msg::Signal(signal)).is_err() {
                    break;
                }
            }
        })
        .context("cannot start the signal thread")?;
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        leave();
        hook(info);
    }));
    let result = enter()
        .context("cannot set up the terminal")
        .and_then(|()| {
            let terminal = Terminal::new(CrosstermBackend::new(stdout()))?;
            let mut term = Term {
                terminal,
                ended_by: None,
            };
            let result = body(&mut term);
            Ok((result, term.ended_by))
        });
    leave();
    handle.close();
    let (result, ended_by) = result?;
    match ended_by {
        Some(signal) => {
            let _ = signal_hook::low_level::emulate_default_handler(signal);
            std::process::exit(128 + signal)
        }
        None => result,
    }
}
