//! The load layer: a session file as every command and the browser see it — read through the
//! import cache when there is one, imported otherwise (and cached), then with the speaker names
//! of the `podium.toml` beside it applied. Formats know nothing of caches or renames.

use std::path::Path;

use crate::cache::Cache;
use crate::error::ImportError;
use crate::formats::{self, Format, Loaded};
use crate::names::Renames;

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

/// Labelled text this large or larger is imported again rather than cached.
pub const TEXT_IMPORTED_AGAIN: u64 = 8 << 20;

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
}
