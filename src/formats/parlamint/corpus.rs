//! A sitting's corpus: the root `ParlaMint-XX.xml` found in a folder above it, and the person
//! and organisation lists the root includes. Lists run to megabytes and a library opens
//! thousands of sittings, so each root is read once per process (per version of the file) and
//! shared; threads asking for the same root at once wait for the one read.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::SystemTime;

use super::lists::{self, Lists};

/// How many folders above a sitting the root is looked for (`ParlaMint-GB/2017/x.xml` needs one;
/// a distribution with `ParlaMint-GB.TEI/2017/` two; a copy nested once more still works).
const LEVELS: usize = 4;

/// A corpus root as read: its lists, and what was missing or broken.
#[derive(Debug, Default)]
pub struct Corpus {
    pub root: PathBuf,
    pub lists: Lists,
    /// Missing include targets, unreadable or broken lists: said once per sitting, never fatal.
    pub problems: Vec<String>,
}

/// The corpus prefix of a ParlaMint file or id: `ParlaMint-GB_2017-09-07-commons.xml` →
/// `ParlaMint-GB`; `ParlaMint-SI-en_2022…` → `ParlaMint-SI-en`.
pub fn prefix(name: &str) -> Option<&str> {
    let (head, _) = name.split_once('_')?;
    head.starts_with("ParlaMint-").then_some(head)
}

/// The corpus root for a sitting at `sitting`, looked for by the corpus prefix of the file name
/// (or of `id`, the sitting's `xml:id`) in the sitting's folder and up to [`LEVELS`] above.
pub fn find_root(sitting: &Path, id: Option<&str>) -> Option<PathBuf> {
    let file = sitting.file_name()?.to_string_lossy().into_owned();
    let mut prefixes: Vec<String> = Vec::new();
    for p in [prefix(&file), id.and_then(prefix)].into_iter().flatten() {
        if !prefixes.iter().any(|q| q == p) {
            prefixes.push(p.to_string());
        }
        // A translated corpus (`ParlaMint-SI-en`) speaks of the same people as the original.
        if let Some(base) = p.strip_suffix("-en")
            && !prefixes.iter().any(|q| q == base)
        {
            prefixes.push(base.to_string());
        }
    }
    let mut dir = sitting.parent();
    for _ in 0..=LEVELS {
        let d = dir?;
        let d = if d.as_os_str().is_empty() {
            Path::new(".")
        } else {
            d
        };
        for p in &prefixes {
            for name in [format!("{p}.xml"), format!("{p}.ana.xml")] {
                let candidate = d.join(name);
                if candidate.is_file() {
                    return Some(candidate);
                }
            }
        }
        dir = d.parent();
    }
    None
}

/// The person and organisation lists a root names by convention, beside it:
/// `ParlaMint-GB.xml` (or `.ana.xml`) → `ParlaMint-GB-listPerson.xml`, `ParlaMint-GB-listOrg.xml`.
pub fn list_paths(root: &Path) -> [PathBuf; 2] {
    let name = root
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let corpus = name
        .strip_suffix(".ana.xml")
        .or_else(|| name.strip_suffix(".xml"))
        .unwrap_or(&name);
    let at = root.parent().unwrap_or(Path::new(""));
    [
        at.join(format!("{corpus}-listPerson.xml")),
        at.join(format!("{corpus}-listOrg.xml")),
    ]
}

/// A file as it is now: modification time and length (none when it is not there).
type Stamp = Option<(Option<SystemTime>, u64)>;
/// A root file and the person and organisation lists beside it, as they are now.
type Key = (PathBuf, Stamp, Stamp, Stamp);

fn stamp(path: &Path) -> Stamp {
    std::fs::metadata(path)
        .ok()
        .map(|m| (m.modified().ok(), m.len()))
}
/// A corpus read once; threads asking while it is read wait for it.
type Cell = Arc<OnceLock<Arc<Corpus>>>;

fn cache() -> &'static Mutex<HashMap<Key, Cell>> {
    static CORPORA: OnceLock<Mutex<HashMap<Key, Cell>>> = OnceLock::new();
    CORPORA.get_or_init(|| Mutex::new(HashMap::new()))
}

/// The corpus whose root is `root`, read at most once per version of the root file and of the
/// lists beside it (`ParlaMint-GB-listPerson.xml`, `-listOrg.xml`), so an edited list is read
/// again.
pub fn load(root: &Path) -> Arc<Corpus> {
    let canonical = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
    let [person, org] = list_paths(&canonical);
    let key = (
        canonical.clone(),
        stamp(&canonical),
        stamp(&person),
        stamp(&org),
    );
    let cell = {
        let mut map = match cache().lock() {
            Ok(m) => m,
            Err(poisoned) => poisoned.into_inner(),
        };
        map.entry(key).or_default().clone()
    };
    cell.get_or_init(|| Arc::new(read(&canonical))).clone()
}

/// Reads the root and the lists it includes (never the sittings it includes).
fn read(root: &Path) -> Corpus {
    let mut corpus = Corpus {
        root: root.to_path_buf(),
        ..Corpus::default()
    };
    let shown = |p: &Path| {
        p.file_name().map_or_else(
            || p.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        )
    };
    let includes = match read_file(root, &mut corpus.lists) {
        Ok((includes, broken)) => {
            if let Some(why) = broken {
                corpus.problems.push(format!("{}: {why}", shown(root)));
            }
            includes
        }
        Err(e) => {
            corpus.problems.push(format!("{}: {}", shown(root), e.kind));
            return corpus;
        }
    };
    let dir = root.parent().unwrap_or(Path::new("."));
    for href in includes {
        // Only the lists carry names; taxonomies are not needed to show a sitting.
        if !(href.contains("listPerson") || href.contains("listOrg")) {
            continue;
        }
        let path = dir.join(&href);
        if !path.is_file() {
            corpus.problems.push(format!(
                "{} includes {href}, which is not there; names and parties come from elsewhere",
                shown(root)
            ));
            continue;
        }
        match read_file(&path, &mut corpus.lists) {
            Ok((_, None)) => {}
            Ok((_, Some(why))) => corpus.problems.push(format!("{href}: {why}")),
            Err(e) => corpus.problems.push(format!("{href}: {}", e.kind)),
        }
    }
    corpus
}

/// The includes of a list or root file, and what broke it off, if anything did.
fn read_file(
    path: &Path,
    lists: &mut Lists,
) -> Result<(Vec<String>, Option<String>), crate::files::FileError> {
    let (file, _) = crate::files::open_regular(path)?;
    Ok(lists::read(std::io::BufReader::new(file), lists))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefixes_of_sittings_and_translations() {
        assert_eq!(
            prefix("ParlaMint-GB_2017-09-07-commons.xml"),
            Some("ParlaMint-GB")
        );
        assert_eq!(
            prefix("ParlaMint-SI-en_2022-04-06.ana.xml"),
            Some("ParlaMint-SI-en")
        );
        assert_eq!(prefix("ParlaMint-GB.xml"), None);
        assert_eq!(prefix("notes_2017.xml"), None);
    }

    #[test]
    fn the_root_is_found_above_and_read_once() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        std::fs::create_dir_all(d.join("2017")).unwrap();
        std::fs::write(
            d.join("ParlaMint-XX.xml"),
            r#"<teiCorpus xmlns:xi="http://www.w3.org/2001/XInclude"><teiHeader><particDesc>
            <xi:include href="ParlaMint-XX-listPerson.xml"/><xi:include href="ParlaMint-XX-listOrg.xml"/>
            </particDesc></teiHeader><xi:include href="2017/ParlaMint-XX_2017-01-01.xml"/></teiCorpus>"#,
        )
        .unwrap();
        std::fs::write(
            d.join("ParlaMint-XX-listPerson.xml"),
            r#"<listPerson><person xml:id="A"><persName>Ann Example</persName></person></listPerson>"#,
        )
        .unwrap();
        let sitting = d.join("2017/ParlaMint-XX_2017-01-01.xml");
        let root = find_root(&sitting, None).unwrap();
        assert_eq!(root, d.join("ParlaMint-XX.xml"));
        let c = load(&root);
        assert_eq!(
            c.lists.resolve("A", None, None).unwrap().name,
            "Ann Example"
        );
        assert_eq!(c.problems.len(), 1, "{:?}", c.problems);
        assert!(c.problems[0].contains("ParlaMint-XX-listOrg.xml"));
        assert!(Arc::ptr_eq(&c, &load(&root)), "read once");
    }
}
