//! The recording of a session: a media file beside the transcript with the same stem
//! (`talk.vtt` and `talk.mp3`), which the browser's player plays from a turn's time.

use std::path::{Path, PathBuf};

/// The extensions looked for, in this order.
pub const EXTENSIONS: [&str; 8] = ["mp3", "m4a", "wav", "ogg", "opus", "mp4", "webm", "mkv"];

/// The media file beside `transcript` with its stem, if there is one (a regular file, or a
/// symlink to one).
pub fn beside(transcript: &Path) -> Option<PathBuf> {
    let stem = transcript.file_stem()?;
    EXTENSIONS.iter().find_map(|ext| {
        let mut name = stem.to_owned();
        name.push(".");
        name.push(ext);
        let path = transcript.with_file_name(name);
        path.is_file().then_some(path)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_recording_with_the_transcripts_stem() {
        let dir = tempfile::tempdir().expect("tmp");
        let talk = dir.path().join("talk.vtt");
        std::fs::write(&talk, "WEBVTT\n").expect("write");
        assert_eq!(beside(&talk), None);
        std::fs::create_dir(dir.path().join("talk.mp3")).expect("a folder is not media");
        std::fs::write(dir.path().join("other.mp3"), "").expect("write");
        assert_eq!(beside(&talk), None);
        std::fs::write(dir.path().join("talk.webm"), "").expect("write");
        std::fs::write(dir.path().join("talk.opus"), "").expect("write");
        assert_eq!(beside(&talk), Some(dir.path().join("talk.opus")));
    }
}
