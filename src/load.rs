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
                && loaded.format != Format::PodiumJson
            {
                cache.put(path, &loaded.session);
            }
            loaded
        }
    };
    apply_renames(path, &mut loaded.session)?;
    Ok(loaded)
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
