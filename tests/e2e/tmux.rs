//! A tmux server of a test's own, to run the real binary in a real terminal: send-keys types
//! as a person would and capture-pane reads the screen.

use std::process::{Command, Output};
use std::time::{Duration, Instant};

pub struct Tmux {
    socket: String,
    /// Data and cache folders of the session's own, so a person's marks and renames never
    /// change what the test sees.
    home: tempfile::TempDir,
}

impl Tmux {
    /// The folder the session's `XDG_CONFIG_HOME` points at (podium/config.toml goes in it).
    pub fn config_home(&self) -> std::path::PathBuf {
        self.home.path().join("config")
    }

    /// A tmux server of the test's own (`name` keeps parallel tests apart).
    pub fn start(name: &str, width: u16, height: u16) -> Option<Tmux> {
        if Command::new("tmux").arg("-V").output().is_err() {
            let test = std::thread::current().name().unwrap_or(name).to_string();
            let note = skip_or_fail(&test, std::env::var_os("CI").is_some_and(|v| !v.is_empty()));
            // libtest hides what `eprintln!` prints for a passing test; this line shows.
            use std::io::Write as _;
            let _ = writeln!(std::io::stderr().lock(), "{note}");
            return None;
        }
        let home = tempfile::tempdir().expect("tmp");
        let data = format!("XDG_DATA_HOME={}", home.path().join("data").display());
        let cache = format!("XDG_CACHE_HOME={}", home.path().join("cache").display());
        let config = format!("XDG_CONFIG_HOME={}", home.path().join("config").display());
        let tmux = Tmux {
            socket: format!("podium-e2e-{}-{name}", std::process::id()),
            home,
        };
        let ok = tmux
            .run(&[
                "-f",
                "/dev/null",
                "new-session",
                "-d",
                "-s",
                "e2e",
                "-x",
                &width.to_string(),
                "-y",
                &height.to_string(),
                // Not `env -i`: podium must see $TMUX to copy into tmux's buffer.
                "env",
                &data,
                &cache,
                &config,
                "TERM=xterm-256color",
                "PS1=PROMPT$ ",
                "bash",
                "--norc",
                "--noprofile",
            ])
            .status
            .success();
        assert!(ok, "tmux could not start a session");
        Some(tmux)
    }

    pub fn run(&self, args: &[&str]) -> Output {
        Command::new("tmux")
            .args(["-L", &self.socket])
            .args(args)
            .output()
            .expect("tmux runs")
    }

    pub fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", "e2e"];
        args.extend(keys);
        assert!(self.run(&args).status.success());
    }

    pub fn type_text(&self, text: &str) {
        assert!(
            self.run(&["send-keys", "-t", "e2e", "-l", text])
                .status
                .success()
        );
    }

    pub fn screen(&self) -> String {
        String::from_utf8_lossy(&self.run(&["capture-pane", "-p", "-t", "e2e"]).stdout).into_owned()
    }

    /// Polls the screen until it shows every one of `wanted` (a deadline, not a fixed sleep).
    pub fn wait_for(&self, wanted: &[&str]) -> String {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            let screen = self.screen();
            if wanted.iter().all(|w| screen.contains(w)) {
                return screen;
            }
            assert!(
                Instant::now() < deadline,
                "waited for {wanted:?}; the screen shows:\n{screen}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Starts podium at the shell prompt and waits for its transcript pane.
    pub fn open_podium(&self) {
        self.wait_for(&["PROMPT$"]);
        self.type_text(env!("CARGO_BIN_EXE_podium"));
        self.keys(&["Enter"]);
        self.wait_for(&["Transcript"]);
    }

    /// Waits for the shell prompt on the normal screen: podium has quit and restored it.
    pub fn wait_for_prompt(&self) -> String {
        let screen = self.wait_for(&["PROMPT$ "]);
        let deadline = Instant::now() + Duration::from_secs(5);
        while self.alternate_screen() {
            assert!(Instant::now() < deadline, "still on the alternate screen");
            std::thread::sleep(Duration::from_millis(50));
        }
        screen
    }

    pub fn alternate_screen(&self) -> bool {
        self.flag("alternate_on") == "1"
    }

    /// One of tmux's pane flags (`alternate_on`, `cursor_flag`, `mouse_any_flag`, …).
    pub fn flag(&self, name: &str) -> String {
        let out = self.run(&[
            "display-message",
            "-p",
            "-t",
            "e2e",
            &format!("#{{{name}}}"),
        ]);
        String::from_utf8_lossy(&out.stdout).trim().to_string()
    }

    /// The pid of the program the pane's shell runs in the foreground.
    pub fn child_pid(&self) -> String {
        let shell = self.flag("pane_pid");
        let deadline = Instant::now() + Duration::from_secs(5);
        loop {
            let out = Command::new("pgrep")
                .args(["-P", &shell])
                .output()
                .expect("pgrep runs");
            let pids = String::from_utf8_lossy(&out.stdout).trim().to_string();
            if !pids.is_empty() {
                assert!(!pids.contains('\n'), "one child: {pids}");
                return pids;
            }
            assert!(Instant::now() < deadline, "podium is not running");
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// The terminal as a shell wants it: the normal screen, the cursor shown, no mouse
    /// reporting of any kind.
    pub fn assert_restored(&self) {
        assert_eq!(
            self.flag("alternate_on"),
            "0",
            "the alternate screen is off"
        );
        assert_eq!(self.flag("cursor_flag"), "1", "the cursor is shown");
        for mouse in [
            "mouse_any_flag",
            "mouse_button_flag",
            "mouse_standard_flag",
            "mouse_all_flag",
            "mouse_sgr_flag",
            "mouse_utf8_flag",
        ] {
            assert_eq!(self.flag(mouse), "0", "{mouse} is off");
        }
    }

    /// Checks the shell's terminal is in cooked mode with echo: what it types shows, a line
    /// is read when Enter is pressed.
    pub fn assert_cooked(&self) {
        self.keys(&["C-l"]);
        self.type_text("stty -a | grep -ow -e -icanon -e icanon -e -echo -e echo | sort | tr '\\n' ' '; echo =$((6*7))");
        self.keys(&["Enter"]);
        let s = self.wait_for(&["=42"]);
        let line = s.lines().find(|l| l.ends_with("=42")).unwrap_or_default();
        assert_eq!(line, "echo icanon =42", "raw mode is off:\n{s}");
    }
}

/// Without tmux: fails under CI; elsewhere returns the note that says the test was skipped.
pub fn skip_or_fail(test: &str, ci: bool) -> String {
    let why = "tmux is missing (apt-get install tmux)";
    assert!(!ci, "{why}, and CI is set: the end-to-end tests must run");
    format!("test {test} ... SKIPPED: {why}")
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.run(&["kill-server"]);
    }
}
