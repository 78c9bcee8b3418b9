//! The IPC client against a socket served in the test (a stand-in for mpv's side), and the
//! worker's report when the player cannot start. The whole path with a stand-in mpv process
//! is tested in tmux (tests/e2e/player.rs).

use std::io::{BufRead, BufReader, Write};
use std::os::unix::net::UnixListener;

use super::*;

/// Serves one connection: answers each request line with `answer(line)`, after an event.
fn serve_one(
    socket: &Path,
    answer: impl Fn(&Value) -> String + Send + 'static,
) -> thread::JoinHandle<Vec<String>> {
    let listener = UnixListener::bind(socket).expect("bind");
    thread::spawn(move || {
        let (stream, _) = listener.accept().expect("accept");
        let mut out = stream.try_clone().expect("clone");
        let mut seen = Vec::new();
        for line in BufReader::new(stream).lines() {
            let Ok(line) = line else { break };
            let request: Value = serde_json::from_str(&line).expect("JSON");
            seen.push(request["command"].to_string());
            let reply = format!("{{\"event\":\"property-change\"}}\n{}\n", answer(&request));
            if out.write_all(reply.as_bytes()).is_err() {
                break;
            }
        }
        seen
    })
}

#[test]
fn requests_are_matched_to_their_answers_past_events() {
    let dir = tempfile::tempdir().expect("tmp");
    let socket = dir.path().join("mpv.sock");
    let server = serve_one(&socket, |r| {
        let id = &r["request_id"];
        if r["command"][0] == "get_property" {
            format!("{{\"data\":102.25,\"error\":\"success\",\"request_id\":{id}}}")
        } else {
            format!("{{\"data\":null,\"error\":\"success\",\"request_id\":{id}}}")
        }
    });
    let mut ipc = Ipc::new(UnixStream::connect(&socket).expect("connect")).expect("ipc");
    assert_eq!(ipc.time_pos(), Ok(Some(102_250)));
    assert_eq!(
        ipc.request(&json!(["set_property", "pause", true])),
        Ok(Value::Null)
    );
    drop(ipc);
    assert_eq!(
        server.join().expect("server"),
        [
            r#"["get_property","time-pos"]"#,
            r#"["set_property","pause",true]"#
        ]
    );
}

#[test]
fn no_time_yet_is_not_an_error() {
    let dir = tempfile::tempdir().expect("tmp");
    let socket = dir.path().join("mpv.sock");
    let _server = serve_one(&socket, |r| {
        format!(
            "{{\"error\":\"property unavailable\",\"request_id\":{}}}",
            r["request_id"]
        )
    });
    let mut ipc = Ipc::new(UnixStream::connect(&socket).expect("connect")).expect("ipc");
    assert_eq!(ipc.time_pos(), Ok(None));
    assert_eq!(
        ipc.request(&json!(["get_property", "x"])),
        Err("property unavailable".into())
    );
}

#[test]
fn seconds_are_written_as_mpv_reads_them() {
    assert_eq!(seconds(70_000), "70");
    assert_eq!(seconds(102_250), "102.25");
    assert_eq!(seconds(5), "0.005");
}

#[test]
fn a_player_that_stops_at_once_is_reported() {
    let (tx, rx) = mpsc::channel();
    let player = Player::spawn(tx).expect("spawn");
    player.start("/bin/false".into(), "/dev/null".into(), 1000);
    let Ok(Msg::Player(PlayerEvent::Failed(why))) = rx.recv_timeout(Duration::from_secs(20)) else {
        panic!("the worker reports");
    };
    assert!(why.contains("mpv stopped at once"), "{why}");
    player.start("/nonexistent/mpv".into(), "/dev/null".into(), 1000);
    let Ok(Msg::Player(PlayerEvent::Failed(why))) = rx.recv_timeout(Duration::from_secs(20)) else {
        panic!("the worker reports");
    };
    assert!(why.starts_with("Could not start /nonexistent/mpv"), "{why}");
}

#[test]
fn closing_while_mpv_starts_ends_it_at_once() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("tmp");
    // A player that never opens its socket.
    let pid_file = dir.path().join("pid");
    let program = dir.path().join("mpv");
    std::fs::write(
        &program,
        format!(
            "#!/bin/sh\necho $$ > {}\nexec sleep 30\n",
            pid_file.display()
        ),
    )
    .expect("write");
    std::fs::set_permissions(&program, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    let (tx, _rx) = mpsc::channel();
    let player = Player::spawn(tx).expect("spawn");
    player.start(program, "/dev/null".into(), 0);
    let deadline = Instant::now() + Duration::from_secs(10);
    let pid = loop {
        if let Some(pid) = std::fs::read_to_string(&pid_file)
            .ok()
            .filter(|p| p.ends_with('\n'))
        {
            break pid.trim().to_string();
        }
        assert!(Instant::now() < deadline, "the player did not start");
        thread::sleep(Duration::from_millis(20));
    };
    let closed = Instant::now();
    drop(player);
    assert!(
        closed.elapsed() < STOP_WAIT,
        "closing waited {:?}",
        closed.elapsed()
    );
    assert!(
        !Path::new("/proc").join(&pid).exists(),
        "the player {pid} is still running"
    );
}
