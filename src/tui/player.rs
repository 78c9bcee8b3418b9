//! The recording's player, off the drawing thread: a worker starts mpv with
//! `--start=SECONDS --input-ipc-server=SOCKET FILE`, talks to it over its JSON IPC (one JSON
//! object a line on a Unix socket), polls `time-pos` a few times a second and posts what
//! happens to the event loop as messages. The frame never waits on mpv.
//!
//! The socket lives in a folder of its own under `$XDG_RUNTIME_DIR` (or the temporary
//! folder), removed with the worker. mpv is killed when the worker stops — when the session
//! closes or Podium quits — and, on Linux, when the thread that started it ends for any reason
//! (`PR_SET_PDEATHSIG`), so a Podium ended by a signal leaves no player behind.

use std::io::{BufRead, BufReader, Write};
use std::os::unix::net::UnixStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command as Process, Stdio};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::thread;
use std::time::{Duration, Instant};

use serde_json::{Value, json};

use super::Msg;

/// How often the worker asks mpv for its time.
const POLL: Duration = Duration::from_millis(250);
/// How long mpv may take to open its socket.
const STARTUP: Duration = Duration::from_secs(10);

/// What the player did, for `update`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PlayerEvent {
    /// mpv runs and answers on its socket.
    Started,
    /// mpv's `time-pos`.
    Time { millis: u64 },
    /// mpv has gone (the reader closed it, or the recording ended).
    Ended(String),
    /// mpv could not be started or reached.
    Failed(String),
}

/// What the event loop asks of the worker.
#[derive(Debug)]
enum Command {
    Start {
        program: PathBuf,
        media: PathBuf,
        start_ms: u64,
    },
    Pause,
    Resume {
        seek_ms: Option<u64>,
    },
    Stop,
}

/// The worker's handle; dropping it stops the player and waits a moment for the worker.
pub struct Player {
    commands: Sender<Command>,
    /// Closed when the worker ends.
    done: Receiver<()>,
}

/// How long closing a session waits for mpv to be ended.
const STOP_WAIT: Duration = Duration::from_secs(2);

impl Player {
    pub fn spawn(events: Sender<Msg>) -> std::io::Result<Player> {
        let (commands, inbox) = mpsc::channel();
        let (ended, done) = mpsc::channel::<()>();
        thread::Builder::new()
            .name("podium-player".into())
            .spawn(move || {
                serve(&inbox, &events);
                drop(ended);
            })?;
        Ok(Player { commands, done })
    }

    pub fn start(&self, program: PathBuf, media: PathBuf, start_ms: u64) {
        self.send(Command::Start {
            program,
            media,
            start_ms,
        });
    }

    pub fn pause(&self) {
        self.send(Command::Pause);
    }

    pub fn resume(&self, seek_ms: Option<u64>) {
        self.send(Command::Resume { seek_ms });
    }

    fn send(&self, command: Command) {
        // A worker that has gone has said why (Failed/Ended) already.
        let _ = self.commands.send(command);
    }
}

impl Drop for Player {
    /// Stops mpv; waits for that at most [`STOP_WAIT`], so closing a session never hangs on a
    /// player that is slow to start (its thread ends it when it can, and on Linux the kernel
    /// does when Podium exits first).
    fn drop(&mut self) {
        self.send(Command::Stop);
        let _ = self.done.recv_timeout(STOP_WAIT);
    }
}

/// `102`, `102.25`: seconds as mpv reads them.
pub fn seconds(ms: u64) -> String {
    if ms.is_multiple_of(1000) {
        (ms / 1000).to_string()
    } else {
        format!("{}.{:03}", ms / 1000, ms % 1000)
            .trim_end_matches('0')
            .to_string()
    }
}

fn serve(inbox: &Receiver<Command>, events: &Sender<Msg>) {
    let post = |e: PlayerEvent| events.send(Msg::Player(e)).is_ok();
    let mut running: Option<Running> = None;
    let mut last_time = None;
    loop {
        let command = match inbox.recv_timeout(POLL) {
            Ok(c) => Some(c),
            Err(RecvTimeoutError::Timeout) => None,
            Err(RecvTimeoutError::Disconnected) => Some(Command::Stop),
        };
        match command {
            Some(Command::Start {
                program,
                media,
                start_ms,
            }) => {
                drop(running.take());
                last_time = None;
                // A Stop (the session closing) while mpv opens its socket ends the wait.
                let stopped = || {
                    matches!(
                        inbox.try_recv(),
                        Ok(Command::Stop) | Err(mpsc::TryRecvError::Disconnected)
                    )
                };
                match Running::start(&program, &media, start_ms, &stopped) {
                    Ok(r) => {
                        running = Some(r);
                        post(PlayerEvent::Started);
                    }
                    Err(StartError::Stopped) => return,
                    Err(StartError::Failed(why)) => {
                        post(PlayerEvent::Failed(why));
                    }
                }
            }
            Some(Command::Stop) => return,
            Some(Command::Pause) => {
                if let Some(r) = &mut running {
                    let _ = r.ipc.request(&json!(["set_property", "pause", true]));
                }
            }
            Some(Command::Resume { seek_ms }) => {
                if let Some(r) = &mut running {
                    if let Some(at) = seek_ms {
                        let at = at as f64 / 1000.0;
                        let _ = r.ipc.request(&json!(["set_property", "time-pos", at]));
                    }
                    let _ = r.ipc.request(&json!(["set_property", "pause", false]));
                }
            }
            None => {
                let Some(r) = &mut running else {
                    continue;
                };
                if let Some(why) = r.ended() {
                    running = None;
                    if !post(PlayerEvent::Ended(why)) {
                        return;
                    }
                    continue;
                }
                if let Ok(Some(millis)) = r.ipc.time_pos()
                    && last_time != Some(millis)
                {
                    last_time = Some(millis);
                    if !post(PlayerEvent::Time { millis }) {
                        return;
                    }
                }
            }
        }
    }
}

/// Why mpv is not running after a start.
enum StartError {
    /// The session closed meanwhile.
    Stopped,
    Failed(String),
}

impl From<String> for StartError {
    fn from(why: String) -> Self {
        StartError::Failed(why)
    }
}

/// mpv running, with its socket's folder (removed when this is dropped, after mpv is killed).
struct Running {
    child: Child,
    ipc: Ipc,
    _dir: tempfile::TempDir,
}

impl Running {
    /// mpv started and answering on its socket, unless `stopped` says to give up.
    fn start(
        program: &Path,
        media: &Path,
        start_ms: u64,
        stopped: &dyn Fn() -> bool,
    ) -> Result<Running, StartError> {
        let base = std::env::var_os("XDG_RUNTIME_DIR")
            .map(PathBuf::from)
            .filter(|d| d.is_dir())
            .unwrap_or_else(std::env::temp_dir);
        let dir = tempfile::Builder::new()
            .prefix("podium-mpv-")
            .tempdir_in(&base)
            .map_err(|e| {
                format!(
                    "Could not make a folder for mpv's socket in {}: {e}",
                    base.display()
                )
            })?;
        let socket = dir.path().join("mpv.sock");
        // A relative name could start with `-`, which mpv would read as an option.
        let media = std::path::absolute(media).unwrap_or_else(|_| media.to_path_buf());
        let mut process = Process::new(program);
        process
            .arg(format!("--start={}", seconds(start_ms)))
            .arg(format!("--input-ipc-server={}", socket.display()))
            // mpv must leave the terminal to Podium: no status line, no keys read from it.
            .arg("--no-terminal")
            .arg(&media)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null());
        die_with_this_thread(&mut process);
        let mut child = process
            .spawn()
            .map_err(|e| format!("Could not start {}: {e}", program.display()))?;
        let deadline = Instant::now() + STARTUP;
        let end = |mut child: Child, why: StartError| {
            let _ = child.kill();
            let _ = child.wait();
            Err(why)
        };
        let stream = loop {
            if let Ok(Some(status)) = child.try_wait() {
                return Err(StartError::Failed(format!(
                    "mpv stopped at once ({status}); is the recording readable?"
                )));
            }
            if stopped() {
                return end(child, StartError::Stopped);
            }
            match UnixStream::connect(&socket) {
                Ok(s) => break s,
                Err(_) if Instant::now() < deadline => thread::sleep(Duration::from_millis(20)),
                Err(e) => {
                    let why = format!("mpv did not open its socket: {e}");
                    return end(child, StartError::Failed(why));
                }
            }
        };
        match Ipc::new(stream) {
            Ok(ipc) => Ok(Running {
                child,
                ipc,
                _dir: dir,
            }),
            Err(e) => end(
                child,
                StartError::Failed(format!("Could not talk to mpv: {e}")),
            ),
        }
    }

    /// Why mpv has gone, if it has.
    fn ended(&mut self) -> Option<String> {
        match self.child.try_wait() {
            Ok(Some(status)) if status.success() => Some("The player has closed".into()),
            Ok(Some(status)) => Some(format!("The player has stopped ({status})")),
            Ok(None) => None,
            Err(e) => Some(format!("The player cannot be watched: {e}")),
        }
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Asks the kernel to end the child when the thread that started it ends (Linux).
#[cfg(target_os = "linux")]
fn die_with_this_thread(process: &mut Process) {
    use std::os::unix::process::CommandExt;
    // SAFETY: prctl is async-signal-safe and touches only the calling (child) process.
    unsafe {
        process.pre_exec(|| {
            if libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGTERM) == -1 {
                return Err(std::io::Error::last_os_error());
            }
            Ok(())
        });
    }
}

#[cfg(not(target_os = "linux"))]
fn die_with_this_thread(_: &mut Process) {}

/// mpv's JSON IPC: requests with an id, answers matched by it, events skipped.
pub struct Ipc {
    writer: UnixStream,
    reader: BufReader<UnixStream>,
    next_id: u64,
}

impl Ipc {
    pub fn new(stream: UnixStream) -> std::io::Result<Ipc> {
        stream.set_read_timeout(Some(Duration::from_secs(1)))?;
        stream.set_write_timeout(Some(Duration::from_secs(1)))?;
        Ok(Ipc {
            reader: BufReader::new(stream.try_clone()?),
            writer: stream,
            next_id: 1,
        })
    }

    /// Sends `{"command": command, "request_id": N}` and returns the answer's `data` (`Null`
    /// for none), or mpv's error.
    pub fn request(&mut self, command: &Value) -> Result<Value, String> {
        let id = self.next_id;
        self.next_id += 1;
        let mut line = json!({ "command": command, "request_id": id }).to_string();
        line.push('\n');
        self.writer
            .write_all(line.as_bytes())
            .map_err(|e| e.to_string())?;
        let mut answer = String::new();
        loop {
            answer.clear();
            match self.reader.read_line(&mut answer) {
                Ok(0) => return Err("mpv closed its socket".into()),
                Ok(_) => {}
                Err(e) => return Err(e.to_string()),
            }
            let Ok(value) = serde_json::from_str::<Value>(&answer) else {
                continue;
            };
            if value.get("request_id").and_then(Value::as_u64) != Some(id) {
                // An event, or the answer to a request that timed out.
                continue;
            }
            return match value.get("error").and_then(Value::as_str) {
                Some("success") => Ok(value.get("data").cloned().unwrap_or(Value::Null)),
                Some(e) => Err(e.to_string()),
                None => Err("an answer without an error field".into()),
            };
        }
    }

    /// mpv's playing position, or `None` while it has none (still opening the file).
    pub fn time_pos(&mut self) -> Result<Option<u64>, String> {
        match self.request(&json!(["get_property", "time-pos"])) {
            Ok(v) => Ok(v.as_f64().map(|s| (s.max(0.0) * 1000.0).round() as u64)),
            Err(e) if e == "property unavailable" => Ok(None),
            Err(e) => Err(e),
        }
    }
}

/// mpv, where the PATH has it.
pub fn find_mpv() -> Option<PathBuf> {
    use std::os::unix::fs::PermissionsExt;
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|dir| dir.join("mpv"))
        .find(|p| {
            p.metadata()
                .is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
        })
}

#[cfg(test)]
mod tests;
