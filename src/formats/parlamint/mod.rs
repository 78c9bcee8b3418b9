//! ParlaMint: parliamentary debates of 29 parliaments in Parla-CLARIN TEI XML, one file per
//! sitting, speakers named through the corpus's person and organisation lists.
//!
//! - [`tei`] reads a sitting (`<TEI>` with `<u who=…>` utterances) as a stream of events;
//! - [`txt`] reads the plain-text rendering (`ID<TAB>text` lines);
//! - [`corpus`] finds the corpus root above a sitting and reads the lists it includes, once
//!   per process; [`lists`] is that reader;
//! - [`meta_tsv`] reads the `-meta.tsv` beside a sitting, the second source of names;
//! - [`names`] makes an id readable when nothing else names a speaker;
//! - [`build`] turns what was read into a [`Session`].
//!
//! Names are resolved in that order: corpus lists on the sitting's date, the `-meta.tsv`, the
//! id itself (`#StephenKinnock` → "Stephen Kinnock") — each step down is a warning, never a
//! failure.

pub mod build;
pub mod corpus;
pub mod lists;
pub mod meta_tsv;
pub mod names;
pub mod tei;
pub mod txt;
mod xml;

use std::path::Path;

use crate::formats::ParseError;
use crate::session::{Session, Warning};

/// Root elements of the files a ParlaMint corpus is made of, and what each is.
const ROOTS: &[(&str, &str)] = &[
    ("TEI", "a sitting"),
    (
        "teiCorpus",
        "a ParlaMint corpus root (teiCorpus), not a sitting; open its folder as a library",
    ),
    ("listPerson", "a ParlaMint person list, not a sitting"),
    ("listOrg", "a ParlaMint organisation list, not a sitting"),
    ("taxonomy", "a ParlaMint taxonomy, not a sitting"),
];

/// The name of the first element, skipping the declaration, comments and a doctype; looked for
/// in the first 64 KB only.
fn root_element(joined: &str) -> Option<&str> {
    let mut rest = joined.get(..joined.len().min(64 * 1024)).unwrap_or(joined);
    loop {
        let at = rest.find('<')?;
        rest = &rest[at + 1..];
        if rest.starts_with(['?', '!']) {
            continue;
        }
        let end = rest
            .find(|c: char| c.is_whitespace() || c == '>' || c == '/')
            .unwrap_or(rest.len());
        let name = &rest[..end];
        return Some(name.rsplit_once(':').map_or(name, |(_, l)| l));
    }
}

/// Whether the text is a ParlaMint file: TEI XML with one of the corpus's root elements and
/// the TEI namespace, or the plain-text variant's `ID<TAB>text` lines.
pub fn looks_like(lines: &[String], joined: &str) -> bool {
    let tei = root_element(joined).is_some_and(|r| ROOTS.iter().any(|(n, _)| *n == r))
        && joined.contains("http://www.tei-c.org/ns/1.0");
    tei || txt::looks_like(lines)
}

/// Imports a sitting. `origin`, the file's path when there is one, is where the corpus root and
/// the `-meta.tsv` are looked for; without it speakers are named from their ids.
pub fn parse(origin: Option<&Path>, lines: &[String], joined: &str) -> Result<Session, ParseError> {
    let mut extra: Vec<Warning> = Vec::new();
    let tsv = origin.and_then(meta_tsv::beside).and_then(|p| {
        match crate::files::read_bounded(&p, crate::files::MAX_INPUT, &|_| Ok(())) {
            Ok(bytes) => Some(meta_tsv::parse(&String::from_utf8_lossy(&bytes))),
            Err(e) => {
                extra.push(Warning {
                    line: None,
                    message: format!("{e}; names come from elsewhere"),
                });
                None
            }
        }
    });
    if let Some(root) = root_element(joined)
        && root != "TEI"
        && let Some((_, what)) = ROOTS.iter().find(|(n, _)| *n == root)
    {
        return Err(ParseError::at(1, *what));
    }
    let (sitting, format) = if !joined.trim_start().starts_with('<') && txt::looks_like(lines) {
        (txt::read(lines, tsv.as_ref())?, "parlamint/txt")
    } else {
        let s = tei::read(joined)?;
        if s.utterances().next().is_none() {
            return Err(ParseError::at(
                1,
                "no <u> utterances; expected a ParlaMint sitting",
            ));
        }
        let format = if s.tokens {
            "parlamint/ana"
        } else {
            "parlamint/tei"
        };
        (s, format)
    };
    let corpus = origin
        .and_then(|p| corpus::find_root(p, sitting.id.as_deref()))
        .map(|root| corpus::load(&root));
    let mut session = build::build(
        sitting,
        build::Sources {
            corpus: corpus.as_deref(),
            tsv: tsv.as_ref(),
        },
        format,
    );
    session.warnings.splice(0..0, extra);
    Ok(session)
}

/// Whether `path` is part of a ParlaMint corpus but not a sitting to list: the corpus root
/// (`ParlaMint-GB.xml`, `ParlaMint-GB.ana.xml`), its person and organisation lists, its
/// taxonomies, the `-meta.tsv` tables, a corpus README, and the annotated copy (`X.ana.xml`)
/// of a sitting whose plain `X.xml` lies beside it. Decided by name, without reading the file.
pub fn is_corpus_file(path: &Path) -> bool {
    let Some(name) = path.file_name().map(|n| n.to_string_lossy().into_owned()) else {
        return false;
    };
    let lower = name.to_lowercase();
    if lower.ends_with(".tsv") {
        return true;
    }
    if name.starts_with("ParlaMint")
        && let Some(stem) = name.strip_suffix(".txt")
    {
        return has_xml_twin(path, stem);
    }
    if !lower.ends_with(".xml") {
        return lower == "readme.md" && path.parent().is_some_and(holds_corpus_root);
    }
    if lower.contains("-listperson") || lower.contains("-listorg") || lower.contains("taxonomy-") {
        return true;
    }
    if name.starts_with("ParlaMint") && !name.contains('_') {
        return true;
    }
    match name.strip_suffix(".ana.xml") {
        Some(stem) => path.with_file_name(format!("{stem}.xml")).is_file(),
        None => false,
    }
}

/// Whether the sitting `stem` (of a `.txt` rendering) is also here as TEI: `stem.xml` or
/// `stem.ana.xml` beside it, or in the folder of its year (`2017/`), as the corpus's samples lay
/// them out. The text is then the same sitting a second time.
fn has_xml_twin(path: &Path, stem: &str) -> bool {
    let dir = path.parent().unwrap_or(Path::new(""));
    let year = stem
        .split_once('_')
        .and_then(|(_, rest)| rest.get(..4))
        .filter(|y| y.bytes().all(|b| b.is_ascii_digit()));
    let folders = std::iter::once(dir.to_path_buf()).chain(year.map(|y| dir.join(y)));
    folders
        .flat_map(|d| {
            [
                d.join(format!("{stem}.xml")),
                d.join(format!("{stem}.ana.xml")),
            ]
        })
        .any(|p| p.is_file())
}

/// The other files a sitting's import reads, for the cache to notice their edits: the
/// `-meta.tsv` beside it and the corpus root above it with the person and organisation lists
/// beside that root — whether or not they are there now, so one added later counts too. None
/// for a file whose name is not a ParlaMint sitting's.
pub fn inputs_of(sitting: &Path) -> Vec<std::path::PathBuf> {
    let Some(name) = sitting
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
    else {
        return Vec::new();
    };
    if !name.starts_with("ParlaMint") || !name.contains('_') {
        return Vec::new();
    }
    let mut out: Vec<std::path::PathBuf> = meta_tsv::candidates(sitting)
        .into_iter()
        .flatten()
        .collect();
    if let Some(root) = corpus::find_root(sitting, None) {
        out.extend(corpus::list_paths(&root));
        out.push(root);
    }
    out
}

/// Whether `dir` holds a ParlaMint corpus root.
fn holds_corpus_root(dir: &Path) -> bool {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return false;
    };
    entries.flatten().any(|e| {
        let n = e.file_name().to_string_lossy().into_owned();
        n.starts_with("ParlaMint-") && n.ends_with(".xml") && !n.contains('_')
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn root_elements() {
        assert_eq!(
            root_element("<?xml version=\"1.0\"?>\n<!-- c -->\n<TEI xmlns=\"x\">"),
            Some("TEI")
        );
        assert_eq!(root_element("<tei:teiCorpus>"), Some("teiCorpus"));
        assert_eq!(root_element("no xml"), None);
    }

    #[test]
    fn corpus_files_by_name() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        std::fs::create_dir(d.join("2018")).unwrap();
        for f in [
            "ParlaMint-GB.xml",
            "ParlaMint-GB_2017-01-01.xml",
            "ParlaMint-GB_2017-01-01.ana.xml",
            "2018/ParlaMint-GB_2018-02-02.xml",
        ] {
            std::fs::write(d.join(f), "x").unwrap();
        }
        let yes = [
            "ParlaMint-GB.xml",
            "ParlaMint-GB.ana.xml",
            "ParlaMint-GB-listPerson.xml",
            "ParlaMint-GB-listOrg.xml",
            "ParlaMint-taxonomy-speaker_types.xml",
            "ParlaMint-GB_2017-01-01-meta.tsv",
            "ParlaMint-GB_2017-01-01.ana.xml",
            "ParlaMint-GB_2017-01-01.txt",
            "ParlaMint-GB_2018-02-02.txt",
            "README.md",
        ];
        for f in yes {
            assert!(is_corpus_file(&d.join(f)), "{f}");
        }
        let no = [
            "ParlaMint-GB_2017-01-01.xml",
            "ParlaMint-GB_2018-01-01.ana.xml",
            "ParlaMint-GB_2019-01-01.txt",
            "notes.md",
            "x.txt",
        ];
        for f in no {
            assert!(!is_corpus_file(&d.join(f)), "{f}");
        }
    }
}
