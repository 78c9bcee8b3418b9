//! Archives bigger than memory: a library searched through an on-disk index (tantivy) kept
//! under the XDG cache, built once and brought up to date file by file when files are added,
//! changed or removed. A query's terms are looked up with typo tolerance (an edit distance that
//! grows with the term's length), the last term as a prefix (the reader may still be typing it),
//! a phrase of all terms boosted; the best candidates are then re-ranked by the same scorer as a
//! session in memory ([`crate::search::Query`]), so results read the same and fzf's marks
//! (`'exact`, `!not`, `a | b`) hold. Quote text stays on disk: only the hits are read.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use tantivy::collector::TopDocs;
use tantivy::query::{
    BooleanQuery, BoostQuery, FuzzyTermQuery, Occur, PhraseQuery, Query as TantivyQuery,
};
use tantivy::schema::{Field, STORED, STRING, Schema, TEXT, Value};
use tantivy::{Index, IndexReader, TantivyDocument, Term, doc};

use crate::files;

/// Bumped with the schema: an older index is rebuilt.
const SCHEMA_VERSION: u32 = 1;
/// The indexing writer's memory budget.
const WRITER_HEAP: usize = 64 << 20;
/// Candidates the index hands to the re-ranking scorer per hit asked for.
const CANDIDATES_PER_HIT: usize = 10;

#[derive(Debug, thiserror::Error)]
pub enum ArchiveError {
    #[error("{}: the search index cannot be used: {source}", dir.display())]
    Index {
        dir: PathBuf,
        source: tantivy::TantivyError,
    },
    #[error(transparent)]
    File(#[from] files::FileError),
}

/// One quote as an index hit, re-ranked.
#[derive(Debug, Clone, PartialEq)]
pub struct ArchiveHit {
    pub file: String,
    pub session: String,
    pub speaker: String,
    /// The turn id (`t12`), or `summary`.
    pub turn: String,
    /// 1-based sentence, as in citations.
    pub sentence: u64,
    pub quote: String,
    pub score: i64,
    /// Char indices of the matched letters in `quote`.
    pub matched: Vec<usize>,
}

#[derive(Clone, Copy)]
struct Fields {
    text: Field,
    file: Field,
    session: Field,
    speaker: Field,
    turn: Field,
    sentence: Field,
}

fn schema() -> (Schema, Fields) {
    let mut b = Schema::builder();
    let fields = Fields {
        text: b.add_text_field("text", TEXT | STORED),
        file: b.add_text_field("file", STRING | STORED),
        session: b.add_text_field("session", STORED),
        speaker: b.add_text_field("speaker", STORED),
        turn: b.add_text_field("turn", STORED),
        sentence: b.add_u64_field("sentence", STORED),
    };
    (b.build(), fields)
}

/// What identifies the version of a file the index holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct Version {
    size: u64,
    mtime: i64,
    mtime_nsec: i64,
    ctime: i64,
    ctime_nsec: i64,
    ino: u64,
}

impl Version {
    fn of(path: &Path) -> Option<Version> {
        use std::os::unix::fs::MetadataExt;
        let m = std::fs::metadata(path).ok()?;
        Some(Version {
            size: m.len(),
            mtime: m.mtime(),
            mtime_nsec: m.mtime_nsec(),
            ctime: m.ctime(),
            ctime_nsec: m.ctime_nsec(),
            ino: m.ino(),
        })
    }
}

#[derive(Debug, Default, Serialize, Deserialize)]
struct Manifest {
    schema: u32,
    files: BTreeMap<String, Version>,
}

/// What an update did.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Update {
    pub added: usize,
    pub changed: usize,
    pub removed: usize,
    pub unchanged: usize,
    pub quotes_added: usize,
}

/// A session's quotes as the index takes them.
pub struct Quotes {
    pub session: String,
    /// (speaker name, turn id or `summary`, 1-based sentence, text)
    pub quotes: Vec<(String, String, u64, String)>,
}

impl Quotes {
    /// From a search digest (see [`crate::digest`]).
    pub fn from_digest(d: &crate::digest::Digest) -> Quotes {
        let mut quotes: Vec<(String, String, u64, String)> = d
            .quotes()
            .map(|(t, s, text)| {
                let turn = d.turns.get(t as usize).map_or("", |x| x.0);
                (
                    d.speaker_name(t as usize).to_string(),
                    turn.to_string(),
                    u64::from(s) + 1,
                    text.to_string(),
                )
            })
            .collect();
        let mut at = d.quotes.iter().map(|q| q.2 as usize).sum::<usize>();
        for (i, &(speaker, len)) in d.summaries.iter().enumerate() {
            let text = d
                .text
                .as_str()
                .get(at..at + len as usize)
                .unwrap_or_default();
            at += len as usize;
            let name = d
                .speakers
                .get(speaker as usize)
                .map_or("(session summary)", |s| s.0.as_str());
            quotes.push((
                name.to_string(),
                "summary".into(),
                i as u64 + 1,
                text.into(),
            ));
        }
        Quotes {
            session: d.title.clone(),
            quotes,
        }
    }
}

pub struct Archive {
    dir: PathBuf,
    index: Index,
    reader: IndexReader,
    fields: Fields,
}

impl Archive {
    /// The index of the library rooted at `roots`, under `cache_root/index/<hash of roots>`.
    pub fn dir_for(cache_root: &Path, roots: &[PathBuf]) -> PathBuf {
        let key: Vec<String> = roots
            .iter()
            .map(|r| {
                r.canonicalize()
                    .unwrap_or_else(|_| r.clone())
                    .display()
                    .to_string()
            })
            .collect();
        cache_root
            .join("index")
            .join(format!("{:016x}", files::hash(key.join("\0").as_bytes())))
    }

    fn fail(&self, e: tantivy::TantivyError) -> ArchiveError {
        ArchiveError::Index {
            dir: self.dir.clone(),
            source: e,
        }
    }

    /// Opens the index in `dir`, creating it (or starting over when its schema is older).
    pub fn open(dir: &Path) -> Result<Archive, ArchiveError> {
        let fail = |e| ArchiveError::Index {
            dir: dir.to_path_buf(),
            source: e,
        };
        let (schema, fields) = schema();
        let manifest = read_manifest(dir);
        if manifest.schema != SCHEMA_VERSION && dir.exists() {
            std::fs::remove_dir_all(dir).map_err(|e| files::FileError::io(dir, e))?;
        }
        std::fs::create_dir_all(dir).map_err(|e| files::FileError::io(dir, e))?;
        let mmap = tantivy::directory::MmapDirectory::open(dir)
            .map_err(|e| fail(tantivy::TantivyError::from(e)))?;
        let index = Index::open_or_create(mmap, schema).map_err(fail)?;
        let reader = index.reader().map_err(fail)?;
        Ok(Archive {
            dir: dir.to_path_buf(),
            index,
            reader,
            fields,
        })
    }

    /// Brings the index up to date with `files`: files new or changed since the last update are
    /// (re)indexed with the quotes `load` gives for them, files gone are removed, the rest left
    /// alone. `progress` is called once per file looked at. A file `load` cannot read is
    /// reported through `failed` and left out.
    pub fn update(
        &mut self,
        files_now: &[PathBuf],
        load: &(dyn Fn(&Path) -> Option<Quotes> + Sync),
        progress: &(dyn Fn() + Sync),
    ) -> Result<Update, ArchiveError> {
        use rayon::prelude::*;
        let _lock = LockGuard::take(&self.dir)?;
        let mut manifest = read_manifest(&self.dir);
        manifest.schema = SCHEMA_VERSION;
        let mut writer: tantivy::IndexWriter =
            self.index.writer(WRITER_HEAP).map_err(|e| self.fail(e))?;
        let mut done = Update::default();
        let now: BTreeMap<String, (PathBuf, Option<Version>)> = files_now
            .iter()
            .map(|p| (p.display().to_string(), (p.clone(), Version::of(p))))
            .collect();
        let gone: Vec<String> = manifest
            .files
            .keys()
            .filter(|k| !now.contains_key(*k))
            .cloned()
            .collect();
        for key in gone {
            writer.delete_term(Term::from_field_text(self.fields.file, &key));
            manifest.files.remove(&key);
            done.removed += 1;
        }
        let stale: Vec<(&String, &PathBuf, Option<Version>, bool)> = now
            .iter()
            .filter_map(|(key, (path, version))| {
                let known = manifest.files.get(key);
                if version.is_some() && known == version.as_ref() {
                    done.unchanged += 1;
                    progress();
                    None
                } else {
                    Some((key, path, version.clone(), known.is_some()))
                }
            })
            .collect();
        for step in stale.chunks(256) {
            let loaded: Vec<_> = step
                .par_iter()
                .map(|(key, path, version, known)| {
                    let q = load(path);
                    progress();
                    (*key, version.clone(), *known, q)
                })
                .collect();
            for (key, version, known, quotes) in loaded {
                if known {
                    writer.delete_term(Term::from_field_text(self.fields.file, key));
                    done.changed += 1;
                } else {
                    done.added += 1;
                }
                manifest.files.remove(key);
                let (Some(quotes), Some(version)) = (quotes, version) else {
                    continue;
                };
                for (speaker, turn, sentence, text) in quotes.quotes {
                    writer
                        .add_document(doc!(
                            self.fields.text => text,
                            self.fields.file => key.as_str(),
                            self.fields.session => quotes.session.as_str(),
                            self.fields.speaker => speaker,
                            self.fields.turn => turn,
                            self.fields.sentence => sentence,
                        ))
                        .map_err(|e| self.fail(e))?;
                    done.quotes_added += 1;
                }
                manifest.files.insert(key.clone(), version);
            }
        }
        writer.commit().map_err(|e| self.fail(e))?;
        writer.wait_merging_threads().map_err(|e| self.fail(e))?;
        write_manifest(&self.dir, &manifest)?;
        self.reader.reload().map_err(|e| self.fail(e))?;
        Ok(done)
    }

    /// Quotes held.
    pub fn len(&self) -> u64 {
        self.reader.searcher().num_docs()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The best `limit` quotes for `query`, re-ranked by Podium's own scorer.
    pub fn search(&self, query: &str, limit: usize) -> Result<Vec<ArchiveHit>, ArchiveError> {
        let scorer = crate::search::Query::new(query);
        if scorer.is_empty() || limit == 0 {
            return Ok(Vec::new());
        }
        let Some(q) = self.candidates_query(query) else {
            return Ok(Vec::new());
        };
        let searcher = self.reader.searcher();
        let want = limit.saturating_mul(CANDIDATES_PER_HIT).max(200);
        let top = searcher
            .search(&q, &TopDocs::with_limit(want).order_by_score())
            .map_err(|e| self.fail(e))?;
        let mut matcher = crate::search::Query::matcher();
        let mut buf = Vec::new();
        let mut hits = Vec::new();
        for (rank, (_, address)) in top.into_iter().enumerate() {
            let d: TantivyDocument = searcher.doc(address).map_err(|e| self.fail(e))?;
            let text = |f: Field| {
                d.get_first(f)
                    .and_then(|v| v.as_str())
                    .unwrap_or_default()
                    .to_string()
            };
            let quote = text(self.fields.text);
            // The scorer ranks what it matches; the index's typos it cannot follow (letters
            // swapped, `secruity`) follow, in the index's order, when the query is plain words.
            let (score, matched) = match scorer.score_with(&mut matcher, &mut buf, &quote, true) {
                Some(found) => found,
                None if scorer.is_plain() => (0, Vec::new()),
                None => continue,
            };
            hits.push((
                rank,
                ArchiveHit {
                    file: text(self.fields.file),
                    session: text(self.fields.session),
                    speaker: text(self.fields.speaker),
                    turn: text(self.fields.turn),
                    sentence: d
                        .get_first(self.fields.sentence)
                        .and_then(|v| v.as_u64())
                        .unwrap_or(0),
                    quote,
                    score,
                    matched,
                },
            ));
        }
        hits.sort_by(|(ra, a), (rb, b)| b.score.cmp(&a.score).then(ra.cmp(rb)));
        Ok(hits.into_iter().take(limit).map(|(_, h)| h).collect())
    }

    /// Every query word must be found, each with typos allowed by its length, the last as a
    /// prefix; all of them as a phrase scores higher.
    fn candidates_query(&self, query: &str) -> Option<Box<dyn TantivyQuery>> {
        let words: Vec<String> = query
            .split_whitespace()
            .filter(|w| !w.starts_with('!') && *w != "|")
            .flat_map(|w| {
                w.trim_start_matches(['\'', '^'])
                    .trim_end_matches('$')
                    .split(|c: char| !c.is_alphanumeric())
                    .filter(|s| !s.is_empty())
                    .map(str::to_lowercase)
                    .collect::<Vec<_>>()
            })
            .collect();
        if words.is_empty() {
            return None;
        }
        let alternatives = query.split_whitespace().any(|w| w == "|");
        let occur = if alternatives {
            Occur::Should
        } else {
            Occur::Must
        };
        let last = words.len() - 1;
        let mut clauses: Vec<(Occur, Box<dyn TantivyQuery>)> = words
            .iter()
            .enumerate()
            .map(|(i, w)| {
                let term = Term::from_field_text(self.fields.text, w);
                let distance = match w.chars().count() {
                    0..=3 => 0,
                    4..=7 => 1,
                    _ => 2,
                };
                let q: Box<dyn TantivyQuery> = if i == last {
                    Box::new(FuzzyTermQuery::new_prefix(term, distance, true))
                } else {
                    Box::new(FuzzyTermQuery::new(term, distance, true))
                };
                (occur, q)
            })
            .collect();
        if words.len() > 1 {
            let terms = words
                .iter()
                .map(|w| Term::from_field_text(self.fields.text, w))
                .collect();
            let phrase: Box<dyn TantivyQuery> =
                Box::new(BoostQuery::new(Box::new(PhraseQuery::new(terms)), 2.0));
            clauses.push((Occur::Should, phrase));
        }
        Some(Box::new(BooleanQuery::new(clauses)))
    }
}

fn read_manifest(dir: &Path) -> Manifest {
    files::read_state(&dir.join("manifest.json"))
        .ok()
        .flatten()
        .and_then(|b| serde_json::from_slice(&b).ok())
        .unwrap_or_default()
}

fn write_manifest(dir: &Path, m: &Manifest) -> Result<(), files::FileError> {
    let json = serde_json::to_vec(m).unwrap_or_default();
    files::atomic_write(&dir.join("manifest.json"), &json)
}

/// Two Podium processes never update one index at once (tantivy would refuse the second
/// writer anyway; this makes the second wait instead).
struct LockGuard(std::fs::File);

impl LockGuard {
    fn take(dir: &Path) -> Result<LockGuard, files::FileError> {
        let path = dir.join("podium.lock");
        let f = std::fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)
            .map_err(|e| files::FileError::io(&path, e))?;
        f.lock().map_err(|e| files::FileError::io(&path, e))?;
        Ok(LockGuard(f))
    }
}

impl Drop for LockGuard {
    fn drop(&mut self) {
        let _ = self.0.unlock();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quotes_of(path: &Path) -> Option<Quotes> {
        let s = crate::formats::load_path(path, None).ok()?.session;
        Some(Quotes::from_digest(&crate::digest::Digest::new(&s)))
    }

    #[test]
    fn builds_once_updates_by_file_and_reranks_like_memory() {
        let dir = tempfile::tempdir().expect("tmp");
        let lib = dir.path().join("lib");
        std::fs::create_dir_all(&lib).expect("dir");
        let a = lib.join("a.txt");
        let b = lib.join("b.txt");
        std::fs::write(
            &a,
            "Ann Lee: Cyber hygiene starts at home.\nBen Ray: Agreed.\n",
        )
        .expect("w");
        std::fs::write(&b, "Cy Dee: Information sharing is vital.\nDee Fox: Yes.\n").expect("w");
        let idx = dir.path().join("index");
        let mut archive = Archive::open(&idx).expect("open");
        let first = archive
            .update(&[a.clone(), b.clone()], &quotes_of, &|| {})
            .expect("update");
        assert_eq!((first.added, first.quotes_added), (2, 4));
        // A typo, found through the index and re-ranked by the scorer.
        let hits = archive.search("cyber hygene", 5).expect("search");
        assert_eq!(hits.len(), 1, "{hits:?}");
        assert_eq!(hits[0].speaker, "Ann Lee");
        assert_eq!(hits[0].turn, "t1");
        assert!(!hits[0].matched.is_empty());
        // The last word as a prefix, as while typing.
        assert_eq!(archive.search("information shar", 5).expect("s").len(), 1);
        // Nothing changed: nothing reindexed.
        let again = archive
            .update(&[a.clone(), b.clone()], &quotes_of, &|| {})
            .expect("update");
        assert_eq!((again.unchanged, again.added, again.changed), (2, 0, 0));
        // One file changed, one removed: only they are touched.
        std::fs::write(
            &a,
            "Ann Lee: Cyber security begins with people.\nBen Ray: Sure.\n",
        )
        .expect("w");
        let third = archive
            .update(std::slice::from_ref(&a), &quotes_of, &|| {})
            .expect("update");
        assert_eq!((third.changed, third.removed), (1, 1));
        assert!(archive.search("hygiene", 5).expect("s").is_empty());
        assert_eq!(archive.search("security", 5).expect("s").len(), 1);
        assert!(archive.search("information", 5).expect("s").is_empty());
        // Reopened from disk, the index is the same.
        drop(archive);
        let reopened = Archive::open(&idx).expect("reopen");
        assert_eq!(reopened.len(), 2);
        // fzf's marks still hold: the exclusion filters what the index finds.
        assert!(
            reopened
                .search("security !people", 5)
                .expect("s")
                .is_empty()
        );
    }
}
