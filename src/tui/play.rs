//! Playing the recording from the reading position: `p` asks the event loop to start mpv at
//! the time of what is read (the found sentence's paragraph, the paragraph at the top of the
//! screen, or the turn), `p` again pauses and plays on; `F` lets the reading position follow
//! the player's time. Without a recording, without mpv or without times the footer says why.
//! The player itself runs in [`super::player`]; this is only the state `update` keeps.

use std::path::PathBuf;

use super::action::Effect;
use super::app::App;
use super::player::PlayerEvent;
use super::transcript_layout;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum PlayState {
    #[default]
    Stopped,
    /// Asked to start; the player has not said it plays yet.
    Starting,
    Playing,
    /// Paused with the screen's top line here: `p` plays on from there when the reader has not
    /// moved, else from where they now read.
    Paused {
        top: usize,
    },
}

#[derive(Debug, Clone, Default)]
pub struct Play {
    /// The recording: `--media`, or the media file beside the transcript.
    pub media: Option<PathBuf>,
    /// mpv, found on PATH.
    pub program: Option<PathBuf>,
    /// The transcript's file, to say where a recording was looked for.
    pub transcript: Option<PathBuf>,
    pub state: PlayState,
    /// The player's last reported time.
    pub at_ms: Option<u64>,
    /// The reading position follows the player.
    pub follow: bool,
    /// The (turn, paragraph) follow mode last moved to.
    followed: Option<(usize, usize)>,
}

/// Why `p` and `F` cannot work on a transcript without times.
const NO_TIMES: &str =
    "This transcript has no times, so there is no place in a recording to play from";

fn ms(seconds: f64) -> u64 {
    (seconds.max(0.0) * 1000.0).round() as u64
}

impl App {
    /// `p`: start playing from here, pause, or play on.
    pub(super) fn play_here(&mut self) -> Option<Effect> {
        match self.play.state {
            PlayState::Playing => {
                self.play.state = PlayState::Paused { top: self.top };
                self.message = Some(format!("Paused{} (p plays on)", self.play_clock()));
                Some(Effect::Pause)
            }
            PlayState::Starting => {
                self.message = Some("The player is starting…".into());
                None
            }
            PlayState::Paused { top } => {
                let seek_ms = if top == self.top && self.selected_use().is_none() {
                    None
                } else {
                    match self.time_here() {
                        Ok(at) => Some(at),
                        Err(why) => {
                            self.message = Some(why);
                            return None;
                        }
                    }
                };
                self.play.state = PlayState::Playing;
                self.message = Some("Playing on (p pauses)".into());
                Some(Effect::Resume { seek_ms })
            }
            PlayState::Stopped => self.start_playing(),
        }
    }

    fn start_playing(&mut self) -> Option<Effect> {
        let why = if !self.session.turns.iter().any(|t| t.start.is_some()) {
            Some(NO_TIMES.to_string())
        } else if self.play.media.is_none() {
            let looked = self.play.transcript.as_ref().map_or_else(
                || "the bundled session has no recording".to_string(),
                |t| {
                    let stem = t
                        .file_stem()
                        .map_or_else(String::new, |s| s.to_string_lossy().into_owned());
                    format!(
                        "no {stem}.mp3 (.m4a .wav .ogg .opus .mp4 .webm .mkv) beside the transcript"
                    )
                },
            );
            Some(format!("Nothing to play: {looked}; --media FILE names one"))
        } else if self.play.program.is_none() {
            Some("mpv is not on PATH: install mpv to play the recording".to_string())
        } else {
            None
        };
        if let Some(why) = why {
            self.message = Some(why);
            return None;
        }
        let start_ms = match self.time_here() {
            Ok(at) => at,
            Err(why) => {
                self.message = Some(why);
                return None;
            }
        };
        let (program, media) = (self.play.program.clone()?, self.play.media.clone()?);
        self.play.state = PlayState::Starting;
        self.play.at_ms = Some(start_ms);
        self.play.followed = None;
        self.message = Some(format!("Starting mpv at{}…", self.play_clock()));
        Some(Effect::Play {
            program,
            media,
            start_ms,
        })
    }

    /// The time of the reading position: the found sentence's paragraph, else the paragraph
    /// at the top of the screen, where the source times paragraphs; else the turn's start.
    pub(super) fn time_here(&self) -> Result<u64, String> {
        if let Some(q) = self.selected_use() {
            let tr = &self.session.turns[q.turn];
            let paragraph = tr.sentences.get(q.sentence).map_or(0, |s| s.paragraph);
            return Self::paragraph_time(tr, paragraph);
        }
        let Some(pos) = self.current_pos() else {
            return Err("No turn to play from".into());
        };
        let turn = self.layout.turns[pos];
        let tr = &self.session.turns[turn];
        let found = self
            .found
            .as_ref()
            .filter(|f| f.quote.turn == turn)
            .and_then(|f| tr.sentences.get(f.quote.sentence))
            .map(|s| s.paragraph);
        let paragraph = found.unwrap_or_else(|| {
            let offset = self.top - self.layout.start(pos);
            transcript_layout::paragraph_at(&self.session, turn, offset, self.layout.width)
        });
        Self::paragraph_time(tr, paragraph)
    }

    /// When paragraph `paragraph` of `tr` starts, or the last timed one before it.
    fn paragraph_time(tr: &podium::session::Turn, paragraph: usize) -> Result<u64, String> {
        let at = (0..=paragraph)
            .rev()
            .find_map(|p| tr.paragraph_start(p))
            .or(tr.start);
        at.map(ms)
            .ok_or_else(|| format!("{} has no time in the transcript", tr.id))
    }

    /// ` 00:04:12`: the player's time, as the transcript writes times.
    pub fn play_clock(&self) -> String {
        self.play.at_ms.map_or_else(String::new, |at| {
            format!(
                " {}",
                podium::stats::clock_at(&self.session, at as f64 / 1000.0)
            )
        })
    }

    /// `F`: follow the player, or stop following.
    pub(super) fn toggle_follow(&mut self) {
        if !self.play.follow && !self.session.turns.iter().any(|t| t.start.is_some()) {
            self.message = Some(NO_TIMES.into());
            return;
        }
        self.play.follow = !self.play.follow;
        self.play.followed = None;
        self.message = Some(match (self.play.follow, self.play.state) {
            (false, _) => "Not following the player".into(),
            (true, PlayState::Stopped) => {
                "Follow on: the transcript will move with the player (p starts it)".into()
            }
            (true, _) => "Follow on: the transcript moves with the player (F stops)".into(),
        });
        if self.play.follow
            && let Some(at) = self.play.at_ms
            && self.play.state != PlayState::Stopped
        {
            self.follow_to(at);
        }
    }

    pub(super) fn on_player(&mut self, event: PlayerEvent) {
        match event {
            PlayerEvent::Started => {
                self.play.state = PlayState::Playing;
                let name = self
                    .play
                    .media
                    .as_ref()
                    .and_then(|m| m.file_name())
                    .map_or_else(String::new, |n| format!(" {}", n.to_string_lossy()));
                self.message = Some(format!(
                    "Playing{name} from{} (p pauses, F follows)",
                    self.play_clock()
                ));
            }
            PlayerEvent::Time { millis } => {
                self.play.at_ms = Some(millis);
                if self.play.follow {
                    self.follow_to(millis);
                }
            }
            PlayerEvent::Ended(why) | PlayerEvent::Failed(why) => {
                self.play.state = PlayState::Stopped;
                self.message = Some(why);
            }
        }
    }

    /// Moves the reading position to what is said at `at_ms`, when that changed since the last
    /// move (so the reader may scroll about within it), and when it is shown.
    fn follow_to(&mut self, at_ms: u64) {
        let at = at_ms as f64 / 1000.0;
        let Some(turn) = self
            .session
            .turns
            .iter()
            .rposition(|t| t.start.is_some_and(|s| s <= at + 0.001))
        else {
            return;
        };
        let tr = &self.session.turns[turn];
        let paragraph = (0..tr.paragraphs.len())
            .rev()
            .find(|&p| tr.paragraph_start(p).is_some_and(|s| s <= at + 0.001))
            .unwrap_or(0);
        if self.play.followed == Some((turn, paragraph)) {
            return;
        }
        let Some(pos) = self.layout.pos_of_turn(turn) else {
            return;
        };
        self.play.followed = Some((turn, paragraph));
        let offset = if paragraph == 0 {
            0
        } else {
            transcript_layout::line_in_turn(&self.session, turn, paragraph, 0, self.layout.width)
        };
        self.scroll_to(self.layout.start(pos) + offset);
        if let Some(s) = self.speaker_of(turn) {
            self.selected = s;
        }
    }
}
