//! Parliamentary pages saved as text, where a line naming the member stands above the speech
//! rather than a `Name:` label before it: openparliament.ca (`NDP` then `Peter Julian NDP New
//! Westminster—Burnaby, BC`), ourcommons.ca searches (`View Dominic LeBlanc Profile`, `Lib.
//! (NB)`) and the Hansard pages of parallelparliament.co.uk and its kind (`Lindsay Hoyle Portrait
//! Mr Speaker`). The page's furniture — lines it repeats, clock times, dates, `- Hansard -` links,
//! `--- Later in debate ---` — is set aside, as are short lines without a full stop between
//! speeches (headings, dates), so only the speeches count.

use std::collections::HashMap;
use std::sync::LazyLock;

use memchr::memmem::Finder;
use rayon::prelude::*;

use crate::formats::pieces::{Draft, Piece, Who};
use crate::formats::speakers::is_name_like;

/// Parties whose name openparliament.ca puts on the line above the member's.
const PARTIES: &[&str] = &[
    "Conservative",
    "Liberal",
    "NDP",
    "Bloc",
    "Bloc Québécois",
    "Green",
    "Independent",
    "Labour",
    "Liberal Democrat",
    "SNP",
];

/// A line naming who speaks below it, and how it was recognised.
struct NameLine {
    who: Option<String>,
    how: &'static str,
}

fn name_line(lines: &[&str], i: usize) -> Option<NameLine> {
    static PORTRAIT: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new(" Portrait "));
    let t = lines[i].trim();
    if let Some(at) = PORTRAIT.find(t.as_bytes()) {
        let (name, role) = (&t[..at], &t[at + " Portrait ".len()..]);
        let name = name.trim();
        if name != "None" && !is_name_like(name) {
            return None;
        }
        let role = role.trim();
        let role = role
            .strip_suffix(&format!("({name})"))
            .map_or(role, str::trim_end);
        let who = (name != "None").then(|| match role {
            r if r.is_empty() || r == name => name.to_string(),
            r => format!("{name} ({r})"),
        });
        return Some(NameLine {
            who,
            how: "name line above the speech (`Name Portrait Role`)",
        });
    }
    if let Some(name) = t
        .strip_prefix("View ")
        .and_then(|r| r.strip_suffix(" Profile"))
    {
        if !is_name_like(name) {
            return None;
        }
        // The party and province follow: `Lib. (NB)`.
        let party = lines.get(i + 1).map(|l| l.trim()).and_then(|l| {
            let (party, province) = l.split_once(" (")?;
            let province = province.strip_suffix(')')?;
            (party.len() <= 8 && province.len() <= 4).then(|| format!("{province}, {party}"))
        });
        let who = match party {
            Some(p) => format!("{name} ({p})"),
            None => name.to_string(),
        };
        return Some(NameLine {
            who: Some(who),
            how: "name line above the speech (`View Name Profile`)",
        });
    }
    // openparliament.ca: the party alone, then `Name Party Riding, PROV`.
    let party_above = lines[..i]
        .iter()
        .rev()
        .map(|l| l.trim())
        .find(|l| !l.is_empty())
        .filter(|l| PARTIES.contains(l))?;
    let (name, _) = t.split_once(&format!(" {party_above} "))?;
    let name = name.trim();
    let words = name.split_whitespace().count();
    let bare = name.split(" (").next().unwrap_or(name);
    if !(2..=12).contains(&words) || !is_name_like(bare) {
        return None;
    }
    // `The Assistant Deputy Speaker (Mrs. Alexandra Mendès)`: the person, in the chair.
    let who = match name.strip_suffix(')').and_then(|n| n.split_once(" (")) {
        Some((office, person)) if office.starts_with("The ") => {
            let person = ["Mr. ", "Mrs. ", "Ms. ", "Hon. "]
                .iter()
                .find_map(|h| person.strip_prefix(h))
                .unwrap_or(person);
            format!("{person} ({office})")
        }
        _ => format!("{name} ({party_above})"),
    };
    Some(NameLine {
        who: Some(who),
        how: "name line above the speech (party, then `Name Party Riding`)",
    })
}

/// Page furniture: clock times, dates, `- Hansard -` links, `--- Later in debate ---`, a party
/// alone, and short lines the page repeats.
fn furniture(t: &str, repeats: &HashMap<&str, usize>) -> bool {
    let words = t.split_whitespace().count();
    let clock = t.ends_with(" a.m.") || t.ends_with(" p.m.");
    let dated = t.len() >= 10
        && t.as_bytes()[..4].iter().all(u8::is_ascii_digit)
        && t.as_bytes()[4] == b'-';
    (clock && words <= 3)
        || dated
        || t.starts_with("---")
        || (t.starts_with("- ") && t.contains("Hansard"))
        || PARTIES.contains(&t)
        || (words <= 12 && repeats.get(t).copied().unwrap_or(0) >= 2)
}

/// Ends as speech does: a full stop, a question, a dash where the member was cut off.
fn ends_speech(t: &str) -> bool {
    t.trim_end_matches(['"', '”', '’', '\'', ')', ']'])
        .ends_with(['.', '?', '!', '…', '—', '-', ':', ';'])
}

/// The page's name lines, when it is read by them: two or more, or one with a speech below it.
fn name_lines(lines: &[&str]) -> Option<Vec<(usize, NameLine)>> {
    // Every line is looked at (a long file is judged in parallel); few are name lines.
    let names: Vec<(usize, NameLine)> = (0..lines.len())
        .into_par_iter()
        .filter_map(|i| name_line(lines, i).map(|n| (i, n)))
        .collect();
    let first = names.first()?.0;
    let prose_after = lines[first + 1..]
        .iter()
        .any(|l| l.split_whitespace().count() >= 20);
    (names.len() >= 2 || prose_after).then_some(names)
}

/// Whether the page is read by its name lines ([`read`] gives a draft).
pub(super) fn applies(lines: &[&str]) -> bool {
    name_lines(lines).is_some()
}

/// Reads the page when it has name lines: two or more, or one with a speech below it.
pub(super) fn read(lines: &[&str]) -> Option<Draft> {
    let names = name_lines(lines)?;
    let first = names.first()?.0;
    let mut repeats: HashMap<&str, usize> = HashMap::new();
    for l in lines.iter().map(|l| l.trim()).filter(|l| !l.is_empty()) {
        *repeats.entry(l).or_default() += 1;
    }
    let mut draft = Draft::default();
    let mut hows: Vec<&'static str> = Vec::new();
    for l in lines[..first]
        .iter()
        .map(|l| l.trim())
        .filter(|l| !l.is_empty())
    {
        if draft.title.is_none() && !furniture(l, &repeats) {
            draft.title = Some(l.to_string());
        } else {
            draft.notes.push(l.to_string());
        }
    }
    if first > 0 {
        draft.warn(
            Some(1),
            format!("{first} lines before the first name line set aside as front matter"),
        );
    }
    let mut by_line: HashMap<usize, &NameLine> = names.iter().map(|(i, n)| (*i, n)).collect();
    let mut current: Option<(String, &'static str)> = None;
    let mut fresh = false;
    for (i, raw) in lines.iter().enumerate().skip(first) {
        let n = i + 1;
        let t = raw.trim();
        if t.is_empty() {
            continue;
        }
        if let Some(name) = by_line.remove(&i) {
            if !hows.contains(&name.how) {
                hows.push(name.how);
            }
            match &name.who {
                Some(who) => {
                    // ourcommons.ca names the member twice, the party under the first: keep it.
                    let richer =
                        matches!(&current, Some((cur, _)) if cur.starts_with(&format!("{who} (")));
                    if !richer {
                        current = Some((who.clone(), name.how));
                    }
                    fresh = true;
                }
                None => {
                    // `None Portrait Several hon. Members rose—`: a note of the chamber.
                    current = None;
                    draft.notes.push(t.to_string());
                    draft.tally(
                        "name lines naming nobody (`None Portrait …`) set aside as notes",
                        Some(n),
                    );
                }
            }
            continue;
        }
        let words = t.split_whitespace().count();
        let speech = !furniture(t, &repeats) && (ends_speech(t) || words > 10);
        match (&current, speech) {
            (Some((who, how)), true) => {
                let who = if std::mem::take(&mut fresh) {
                    Who::Named(who.clone())
                } else {
                    Who::Same
                };
                let mut piece = Piece::new(who, t).at_line(n).because(how);
                piece.new_paragraph = true;
                draft.pieces.push(piece);
            }
            _ => {
                draft.notes.push(t.to_string());
                draft.tally(
                    "lines of page furniture (headings, dates, links, repeated lines) set aside as notes",
                    Some(n),
                );
            }
        }
    }
    draft.layout = Some(format!("page text with {}", hows.join(" and ")));
    Some(draft)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn name_lines_of_three_sites() {
        let lines = ["Ann Lee Portrait Mr Speaker", "- Hansard -", "Order."];
        assert_eq!(
            name_line(&lines, 0).and_then(|n| n.who).as_deref(),
            Some("Ann Lee (Mr Speaker)")
        );
        let lines = ["View Bo Roe Profile", "Lib. (NB)"];
        assert_eq!(
            name_line(&lines, 0).and_then(|n| n.who).as_deref(),
            Some("Bo Roe (NB, Lib.)")
        );
        let lines = ["NDP", "", "Cy Dee NDP Burnaby, BC"];
        assert_eq!(
            name_line(&lines, 2).and_then(|n| n.who).as_deref(),
            Some("Cy Dee (NDP)")
        );
        assert!(name_line(&["Conservative", "I agree with the Conservative view."], 1).is_none());
    }
}
