//! ParlaMint's plain-text rendering of a sitting: one line per utterance, `ID<TAB>text`, the
//! speakers only in the `-meta.tsv` beside it.

use super::meta_tsv::MetaTsv;
use super::tei::{Item, Sitting, Utterance};
use crate::formats::ParseError;
use crate::session::Warning;

/// An utterance id as ParlaMint writes them: `ParlaMint-GB_2017-09-07-commons.u1`.
fn is_utterance_id(id: &str) -> bool {
    id.starts_with("ParlaMint-")
        && !id.contains(char::is_whitespace)
        && id
            .rsplit_once(".u")
            .is_some_and(|(_, n)| !n.is_empty() && n.chars().all(|c| c.is_ascii_alphanumeric()))
}

/// Whether the lines read as the plain-text variant: the first non-blank lines are
/// `ID<TAB>text` with ParlaMint utterance ids.
pub fn looks_like(lines: &[String]) -> bool {
    let mut seen = 0;
    for line in lines.iter().filter(|l| !l.trim().is_empty()).take(3) {
        match line.split_once('\t') {
            Some((id, _)) if is_utterance_id(id.trim_start_matches('\u{feff}')) => seen += 1,
            _ => return false,
        }
    }
    seen > 0
}

/// Reads the lines into a sitting; the speaker of each utterance comes from `tsv`.
pub fn read(lines: &[String], tsv: Option<&MetaTsv>) -> Result<Sitting, ParseError> {
    let mut sitting = Sitting::default();
    if tsv.is_none() {
        sitting.warnings.push(Warning {
            line: None,
            message: "no -meta.tsv beside this ParlaMint text; its speakers are unknown".into(),
        });
    }
    for (i, line) in lines.iter().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let Some((id, text)) = line.split_once('\t') else {
            sitting.warnings.push(Warning {
                line: Some(i + 1),
                message: "a line without `ID<TAB>text`; kept with the speech before it".into(),
            });
            if let Some(Item::Utterance(u)) = sitting.items.last_mut() {
                u.paragraphs.push(line.trim().to_string());
            }
            continue;
        };
        let id = id.trim();
        if sitting.id.is_none() {
            sitting.id = id.rsplit_once(".u").map(|(s, _)| s.to_string());
        }
        let row = tsv.and_then(|t| t.utterances.get(id));
        let ana = row
            .and_then(|(_, role)| role.as_ref())
            .map(|r| format!("#{r}"));
        sitting.items.push(Item::Utterance(Utterance {
            who: row.map(|(who, _)| format!("#{who}")),
            ana,
            line: i + 1,
            id: Some(id.to_string()),
            paragraphs: vec![text.trim().to_string()]
                .into_iter()
                .filter(|t| !t.is_empty())
                .collect(),
        }));
    }
    if sitting.items.is_empty() {
        return Err(ParseError::at(1, "no `ID<TAB>text` lines"));
    }
    Ok(sitting)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::formats::test_lines;

    #[test]
    fn detects_id_tab_text() {
        assert!(looks_like(&test_lines(
            "ParlaMint-GB_2017-09-07-commons.u1\tHello.\n"
        )));
        assert!(!looks_like(&test_lines("Ann: Hello.\n")));
        assert!(!looks_like(&test_lines("ParlaMint-GB\tHello.\n")));
    }
}
