//! A sitting's `-meta.tsv`: one row per utterance with the speaker's name, party and role as the
//! corpus lists had them. ParlaMint writes it beside each sitting; Podium reads it when the
//! corpus root is not at hand, and for the plain-text (`.txt`) variant, whose lines carry only
//! an utterance id.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use crate::session::Role;

/// One speaker as the table describes them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TsvSpeaker {
    /// "Forenames Surname" (the table writes "Surname, Forenames").
    pub name: String,
    /// `Speaker_party` (an abbreviation), or the party name when that is missing.
    pub party: Option<String>,
    pub party_name: Option<String>,
    /// `mp`, `minister`, from `Speaker_MP` and `Speaker_minister`.
    pub roles: Vec<Role>,
}

/// What a `-meta.tsv` says.
#[derive(Debug, Clone, Default)]
pub struct MetaTsv {
    /// By speaker id (no `#`).
    pub speakers: HashMap<String, TsvSpeaker>,
    /// Utterance id → (speaker id, role of the utterance).
    pub utterances: HashMap<String, (String, Option<Role>)>,
    pub title: Option<String>,
    pub date: Option<String>,
    /// `Body`: "Lower house", "Upper house", …
    pub body: Option<String>,
    pub term: Option<String>,
}

/// The `-meta.tsv` beside `sitting` (`X.xml`, `X.ana.xml`, `X.txt` → `X-meta.tsv`, or the
/// annotated corpus's `X-ana-meta.tsv`), if there is one.
pub fn beside(sitting: &Path) -> Option<PathBuf> {
    candidates(sitting)?.into_iter().find(|p| p.is_file())
}

/// Where the `-meta.tsv` of `sitting` would be, there or not: `X-meta.tsv`, `X-ana-meta.tsv`.
pub fn candidates(sitting: &Path) -> Option<[PathBuf; 2]> {
    let name = sitting.file_name()?.to_string_lossy().into_owned();
    let stem = name
        .strip_suffix(".ana.xml")
        .or_else(|| name.strip_suffix(".xml"))
        .or_else(|| name.strip_suffix(".txt"))
        .unwrap_or(&name);
    let dir = sitting.parent().unwrap_or(Path::new(""));
    Some([
        dir.join(format!("{stem}-meta.tsv")),
        dir.join(format!("{stem}-ana-meta.tsv")),
    ])
}

/// A field that says something: not empty and not ParlaMint's `-`.
fn value(v: Option<&&str>) -> Option<String> {
    v.map(|s| s.trim())
        .filter(|s| !s.is_empty() && *s != "-")
        .map(str::to_string)
}

/// "Kinnock, Stephen Nathan" → "Stephen Nathan Kinnock".
pub fn display_name(written: &str) -> String {
    match written.split_once(',') {
        Some((surname, forenames)) if !forenames.trim().is_empty() => {
            format!("{} {}", forenames.trim(), surname.trim())
        }
        _ => written.trim().to_string(),
    }
}

/// `Speaker_role` → the role of an utterance.
fn role(written: &str) -> Option<Role> {
    match written.trim().to_lowercase().as_str() {
        "chairperson" | "chair" => Some(Role::Chair),
        "regular" => Some(Role::Regular),
        "guest" => Some(Role::Guest),
        _ => None,
    }
}

/// Reads the table; columns are found by their header, so tables of every ParlaMint version
/// (23 columns, 24 with `Topic`, …) read alike.
pub fn parse(text: &str) -> MetaTsv {
    let mut out = MetaTsv::default();
    let mut rows = text.lines().filter(|l| !l.trim().is_empty());
    let Some(header) = rows.next() else {
        return out;
    };
    let columns: Vec<&str> = header.split('\t').map(str::trim).collect();
    let col = |name: &str| columns.iter().position(|c| *c == name);
    let (id, speaker, name) = (col("ID"), col("Speaker_ID"), col("Speaker_name"));
    let (party, party_name) = (col("Speaker_party"), col("Speaker_party_name"));
    let (mp, minister, srole) = (
        col("Speaker_MP"),
        col("Speaker_minister"),
        col("Speaker_role"),
    );
    let (title, date, body, term) = (col("Title"), col("Date"), col("Body"), col("Term"));
    for row in rows {
        let cells: Vec<&str> = row.split('\t').collect();
        let get = |c: Option<usize>| value(c.and_then(|i| cells.get(i)));
        if out.title.is_none() {
            out.title = get(title);
            out.date = get(date);
            out.body = get(body);
            out.term = get(term);
        }
        let Some(who) = get(speaker).map(|s| s.trim_start_matches('#').to_string()) else {
            continue;
        };
        if let Some(u) = get(id) {
            let r = get(srole).and_then(|r| role(&r));
            out.utterances.insert(u, (who.clone(), r));
        }
        out.speakers.entry(who).or_insert_with(|| {
            let mut roles = Vec::new();
            if get(mp).is_some_and(|v| v == "MP") {
                roles.push(Role::Other("mp".into()));
            }
            if get(minister).is_some_and(|v| v == "minister") {
                roles.push(Role::Other("minister".into()));
            }
            let party_name = get(party_name);
            TsvSpeaker {
                name: get(name).map(|n| display_name(&n)).unwrap_or_default(),
                party: get(party).or_else(|| party_name.clone()),
                party_name,
                roles,
            }
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_by_header_and_dashes_are_empty() {
        let t = "ID\tTitle\tDate\tBody\tTerm\tSpeaker_role\tSpeaker_MP\tSpeaker_minister\tSpeaker_party\tSpeaker_party_name\tSpeaker_ID\tSpeaker_name\n\
                 X.u1\tMinutes\t2020-02-12\tUpper house\t58\tRegular\tMP\tnotMinister\tI\tIndependent\tPeterFowler\tFowler, Peter\n\
                 X.u2\tMinutes\t2020-02-12\tUpper house\t58\tChairperson\tnotMP\tminister\t-\t-\tAnn\tAnn\n";
        let m = parse(t);
        assert_eq!(m.date.as_deref(), Some("2020-02-12"));
        assert_eq!(m.body.as_deref(), Some("Upper house"));
        let p = &m.speakers["PeterFowler"];
        assert_eq!(p.name, "Peter Fowler");
        assert_eq!(p.party.as_deref(), Some("I"));
        assert_eq!(p.party_name.as_deref(), Some("Independent"));
        assert_eq!(p.roles, [Role::Other("mp".into())]);
        assert_eq!(m.speakers["Ann"].party, None);
        assert_eq!(m.utterances["X.u2"], ("Ann".to_string(), Some(Role::Chair)));
    }
}
