//! The load layer: a session file as every command and the browser see it — read through the
//! import cache when there is one, imported otherwise (and cached), then with the speaker names
//! of the `podium.toml` beside it applied. Formats know nothing of caches or renames.

use std::path::Path;

use crate::cache::Cache;
use crate::digest::Digest;
use crate::error::ImportError;
use crate::formats::{self, Format, Loaded};
use crate::names::Renames;
use crate::session::Warning;

/// Loads `path` as [`formats::load_path`] does, through `cache`, with renames applied. A
/// session from the cache brings the warnings of its import again (they are kept in it).
pub fn session(
    path: &Path,
    format: Option<Format>,
    cache: Option<&Cache>,
) -> Result<Loaded, ImportError> {
    // Standard input (`-`) has no file to cache nor a folder for a podium.toml.
    if path == Path::new("-") {
        return formats::load_path(path, format);
    }
    // A forced format other than the detected one must not be served what detection cached.
    let cached = match format {
        None => cache.and_then(|c| c.get(path)),
        Some(_) => None,
    };
    let mut loaded = match cached {
        Some(session) => Loaded {
            format: formats::Format::from_name(
                session
                    .meta
                    .source_format
                    .split('/')
                    .next()
                    .unwrap_or_default(),
            )
            .unwrap_or(Format::PodiumJson),
            warnings: session.warnings.clone(),
            session,
        },
        None => {
            let loaded = formats::load_path(path, format)?;
            if let Some(cache) = cache
                && format.is_none()
                && worth_caching(loaded.format, path)
            {
                cache.put(path, &loaded.session);
            }
            loaded
        }
    };
    apply_renames(path, &mut loaded.session)?;
    Ok(loaded)
}

/// Labelled text this large or larger is imported again rather than cached (its search digest
/// is read from it a block at a time, [`formats::streamed`]).
pub const TEXT_IMPORTED_AGAIN: u64 = formats::streamed::STREAM_FROM;

/// Whether a session imported from `path` is worth keeping in the cache. Podium JSON is the
/// cache's own form. Labelled text imports faster than its session's JSON reads back (the JSON
/// is larger than the text, and the text importer runs at about three quarters of serde's
/// speed): a large one read from the cache took longer and held a third more memory than
/// importing it again (1M lines: 1.17 s and 885 MB against 1.05 s and 657 MB), and writing the
/// entry was a third of its first search. Its search digest and library facts are still cached.
fn worth_caching(format: Format, path: &Path) -> bool {
    match format {
        Format::PodiumJson => false,
        Format::Text => std::fs::metadata(path).map_or(true, |m| m.len() < TEXT_IMPORTED_AGAIN),
        _ => true,
    }
}

/// A file's search digest and the warnings of its import: the cache's when it has one, else
/// made by importing the file — a long labelled text a block at a time, its session never
/// whole in memory — and kept in `cache`.
pub fn digest(
    path: &Path,
    format: Option<Format>,
    cache: Option<&Cache>,
) -> Result<(Digest, Vec<Warning>), ImportError> {
    if format.is_none() {
        if let Some(d) = cache.and_then(|c| c.get_digest(path)) {
            let warnings = d.warnings.clone();
            return Ok((d, warnings));
        }
        // Renames may merge speakers: a file with anything named podium.toml beside it is
        // imported whole (which also says what is wrong with one that cannot be read).
        if path != Path::new("-")
            && std::fs::symlink_metadata(Renames::path_beside(path)).is_err()
            && let Some(d) = streamed_digest(path, cache)?
        {
            if let Some(c) = cache {
                c.put_digest(path, &d);
            }
            let warnings = d.warnings.clone();
            return Ok((d, warnings));
        }
    }
    let loaded = session(path, format, cache)?;
    let d = Digest::new(&loaded.session);
    if let Some(c) = cache
        && format.is_none()
    {
        c.put_digest(path, &d);
    }
    Ok((d, loaded.warnings))
}

/// The digest of `path` made as its turns are read ([`formats::streamed`]), the quotes' text
/// spilled to a file beside the cache's entries and mapped back; `None` when the file is to be
/// imported whole (or the spill cannot be written).
fn streamed_digest(path: &Path, cache: Option<&Cache>) -> Result<Option<Digest>, ImportError> {
    use formats::streamed::{BLOCK_LINES, STREAM_FROM};
    streamed_digest_in(path, cache, STREAM_FROM, BLOCK_LINES)
}

/// [`streamed_digest`] from files of `from` bytes, in blocks of `block` lines.
fn streamed_digest_in(
    path: &Path,
    cache: Option<&Cache>,
    from: u64,
    block: usize,
) -> Result<Option<Digest>, ImportError> {
    // On disk beside the entries where there is a cache (a temporary folder may be memory).
    let dir = cache
        .map(Cache::dir)
        .filter(|d| std::fs::create_dir_all(d).is_ok());
    let Ok(spill) = crate::files::Spill::new(dir).or_else(|_| crate::files::Spill::new(None))
    else {
        return Ok(None);
    };
    let mut digest = crate::digest::Builder::new(spill);
    let mut failed = false;
    let skeleton = formats::streamed::stream_turns_in(path, from, block, &mut |turns| {
        failed = failed || turns.iter().any(|t| digest.push(t).is_err());
    })?;
    let Some(mut skeleton) = skeleton.filter(|_| !failed) else {
        return Ok(None);
    };
    // Speakers who say nothing go, as from a session built whole.
    let speaking = digest.speaking(skeleton.speakers.len());
    if let Some(map) = skeleton.retain_speakers(|ix, _| speaking[ix.get()]) {
        digest.renumber_speakers(&map);
    }
    Ok(digest.finish(&skeleton, crate::files::Spill::finish).ok())
}

/// Applies the `podium.toml` beside `path` (if any) to `session`.
pub fn apply_renames(
    path: &Path,
    session: &mut crate::session::Session,
) -> Result<(), ImportError> {
    Renames::load(&Renames::path_beside(path))?.apply(session);
    Ok(())
}

/// The bundled session, with the renames a reader made to it (kept in the data folder).
pub fn bundled() -> Result<Loaded, ImportError> {
    let mut loaded =
        formats::load_bytes(crate::bundled::NAME, None, crate::bundled::JSON.as_bytes())?;
    if let Some(toml) = Renames::bundled_path() {
        Renames::load(&toml)?.apply(&mut loaded.session);
    }
    Ok(loaded)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labelled_text_is_cached_unless_it_is_large_and_other_formats_always() {
        let dir = tempfile::tempdir().expect("tmp");
        let cache = Cache::at(dir.path().join("cache"));
        let small = dir.path().join("small.txt");
        std::fs::write(&small, "Ann: Hello.\nBen: Hi.\n").expect("write");
        let large = dir.path().join("large.txt");
        let line = "Ann: The committee should strengthen information sharing today.\nBen: Yes.\n";
        let text = line.repeat(TEXT_IMPORTED_AGAIN as usize / line.len() + 1);
        std::fs::write(&large, &text).expect("write");
        let vtt = dir.path().join("large.vtt");
        let cues: String = (0..(TEXT_IMPORTED_AGAIN as usize / 60))
            .map(|i| {
                format!(
                    "\n00:{:02}:{:02}.000 --> 00:{:02}:{:02}.500\nAnn: Hello there.\n",
                    i / 60 % 60,
                    i % 60,
                    i / 60 % 60,
                    i % 60
                )
            })
            .collect();
        std::fs::write(&vtt, format!("WEBVTT\n{cues}")).expect("write");
        for path in [&small, &large, &vtt] {
            let first = session(path, None, Some(&cache)).expect("imports");
            let again = session(path, None, Some(&cache)).expect("imports again");
            assert_eq!(first.session, again.session, "{path:?}");
        }
        assert!(cache.get(&small).is_some(), "a small text is cached");
        assert!(
            cache.get(&large).is_none(),
            "a large text is imported again"
        );
        assert!(cache.get(&vtt).is_some(), "captions are cached at any size");
    }

    /// Every file under the fixtures whose reading allows it, and a made-up text with every
    /// kind of line the block walk carries across blocks, give the same digest read a block at
    /// a time — at every block size, down to a line — as imported whole.
    #[test]
    fn a_text_read_in_blocks_gives_the_digest_of_the_whole_import() {
        let dir = tempfile::tempdir().expect("tmp");
        let made = dir.path().join("made.txt");
        let mut text = String::from("Annual Review\nRecorded 3 May\n\n[music]\n");
        for i in 0..40 {
            let name = ["Ann Lee", "**Ben Ode (Chair):**", "Cy", "ann lee"][i % 4];
            let label = if name.starts_with("**") {
                name.to_string()
            } else {
                format!("{name}:")
            };
            text.push_str(&format!(
                "{label} Point {i} is made. It has [laughter] two sentences\n"
            ));
            match i % 5 {
                0 => text.push_str("and goes on over a line.\n\n"),
                1 => text.push_str("\nA paragraph of its own follows here.\n"),
                2 => text.push_str("![image](x.png)\n[00:0{i}:10] Timed on.\n"),
                3 => text.push_str("Note: not a speaker, only a word before a colon.\n"),
                _ => text.push('\n'),
            }
            if i == 20 {
                // A label with nothing after it, never heard again: a speaker with no turn.
                text.push_str("Dee Silent:\n");
            }
        }
        text.push_str("Transcribed by https://otter.ai\n");
        std::fs::write(&made, text.replace("{i}", "5")).expect("write");
        let mut files = vec![made];
        let mut folders = vec![std::path::PathBuf::from("tests/fixtures")];
        while let Some(d) = folders.pop() {
            for entry in std::fs::read_dir(&d).expect("fixtures") {
                let p = entry.expect("entry").path();
                if p.is_dir() {
                    folders.push(p);
                } else {
                    files.push(p);
                }
            }
        }
        let mut streamed = Vec::new();
        for path in &files {
            let Ok(whole) = formats::load_path(path, None) else {
                continue;
            };
            if path.ends_with("made.txt") {
                let names: Vec<&str> = whole
                    .session
                    .speakers
                    .iter()
                    .map(|s| s.name.as_str())
                    .collect();
                assert!(
                    !names.contains(&"Dee Silent") && names.len() == 3,
                    "{names:?}"
                );
            }
            let whole = Digest::new(&whole.session);
            for block in [1, 2, 3, 7, 64, 1 << 16] {
                if let Some(d) = streamed_digest_in(path, None, 0, block).expect("reads") {
                    assert_eq!(d, whole, "{} in blocks of {block}", path.display());
                    streamed.push(path.clone());
                }
            }
        }
        streamed.dedup();
        assert!(streamed.len() >= 6, "read in blocks: {streamed:?}");
        for declined in [
            "court.txt",
            "europarl-inline.txt",
            "headings.md",
            "shownotes.md",
        ] {
            assert!(
                !streamed.iter().any(|p| p.ends_with(declined)),
                "{declined}"
            );
        }
    }
}
