//! A stand-in for mpv in the end-to-end tests, so no real player is needed: the test compiles
//! this file with rustc (std only) into a folder it puts first on PATH, as `mpv`.
//!
//! It appends what it is asked to `$FAKE_MPV_LOG` — `pid N`, each argument as `arg …`, each IPC
//! request as `ipc …` — and speaks mpv's JSON IPC on the socket `--input-ipc-server=` names: an
//! event line on connecting, then an answer per request with its `request_id`. `time-pos` is
//! the number in `$FAKE_MPV_TIME_FILE` when that file exists, else the `--start=` second, so
//! the test decides when the recording "moves on". It runs until it is killed.

use std::io::{BufRead, BufReader, Write};
use std::os::unix::net::UnixListener;

fn log(line: &str) {
    let Some(path) = std::env::var_os("FAKE_MPV_LOG") else {
        return;
    };
    if let Ok(mut f) = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(path)
    {
        let _ = writeln!(f, "{line}");
    }
}

/// The number after `"request_id":` in a request line.
fn request_id(line: &str) -> String {
    line.split("\"request_id\":")
        .nth(1)
        .map(|rest| rest.chars().take_while(char::is_ascii_digit).collect())
        .unwrap_or_else(|| "0".to_string())
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    log(&format!("pid {}", std::process::id()));
    for a in &args {
        log(&format!("arg {a}"));
    }
    let start = args
        .iter()
        .find_map(|a| a.strip_prefix("--start="))
        .and_then(|s| s.parse::<f64>().ok())
        .unwrap_or(0.0);
    let Some(socket) = args
        .iter()
        .find_map(|a| a.strip_prefix("--input-ipc-server="))
    else {
        log("no --input-ipc-server");
        std::process::exit(2);
    };
    let listener = match UnixListener::bind(socket) {
        Ok(l) => l,
        Err(e) => {
            log(&format!("cannot bind {socket}: {e}"));
            std::process::exit(2);
        }
    };
    for stream in listener.incoming() {
        let Ok(stream) = stream else { continue };
        let Ok(mut out) = stream.try_clone() else {
            continue;
        };
        let _ = out.write_all(b"{\"event\":\"file-loaded\"}\n");
        for line in BufReader::new(stream).lines() {
            let Ok(line) = line else { break };
            log(&format!("ipc {line}"));
            let data = if line.contains("\"get_property\"") && line.contains("\"time-pos\"") {
                std::env::var_os("FAKE_MPV_TIME_FILE")
                    .and_then(|f| std::fs::read_to_string(f).ok())
                    .and_then(|t| t.trim().parse::<f64>().ok())
                    .unwrap_or(start)
                    .to_string()
            } else {
                "null".to_string()
            };
            let reply = format!(
                "{{\"data\":{data},\"error\":\"success\",\"request_id\":{}}}\n",
                request_id(&line)
            );
            if out.write_all(reply.as_bytes()).is_err() {
                break;
            }
        }
    }
}
