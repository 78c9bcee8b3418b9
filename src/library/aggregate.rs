//! Figures across a library: speeches, words and shares by person or by party, year by year
//! ([`aggregate`]), and one person's years as the people view shows them ([`person_years`]).

use std::collections::BTreeMap;
use std::sync::Arc;

use super::{Person, Sitting};
use crate::session::Session;
use crate::text::fold_name;

/// What [`aggregate`] groups speakers by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum By {
    /// One person across sessions: the source's person id, else the name.
    Person,
    /// The party a speaker belonged to on the session's date.
    Party,
}

impl By {
    pub fn from_name(name: &str) -> Option<By> {
        match name {
            "person" | "people" | "speaker" => Some(By::Person),
            "party" | "parties" => Some(By::Party),
            _ => None,
        }
    }
}

/// The group of speakers without a party, in [`By::Party`].
pub const NO_PARTY: &str = "(no party)";

/// Year of sessions without a date.
pub const UNDATED: &str = "undated";

/// One group's figures in one year.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct YearFigures {
    /// `2017`, or [`UNDATED`].
    pub year: String,
    pub sessions: usize,
    /// Turns: consecutive utterances of one speaker in one role are one speech.
    pub speeches: usize,
    pub words: usize,
    /// Of all words spoken in the library's sessions of that year, 0.0–1.0.
    pub share: f64,
}

/// A person's or a party's figures across a library.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Group {
    /// The person id (`StephenKinnock`), or `name:` and the folded name for a speaker the
    /// source gives no id; the party as written, or [`NO_PARTY`].
    pub key: String,
    /// The person's name as their latest session prints it; the party.
    pub name: String,
    /// For a person, the parties they spoke for, in date order; empty for a party.
    pub parties: Vec<String>,
    pub sessions: usize,
    pub speeches: usize,
    pub words: usize,
    /// Of all words in the library, 0.0–1.0.
    pub share: f64,
    /// Year by year, oldest first.
    pub years: Vec<YearFigures>,
}

/// Speeches, words and shares by person or party across `sessions`, overall and per year, most
/// words first. `counts` are each session's [`super::speaker_counts`].
pub fn aggregate(sessions: &[Arc<Session>], counts: &[Vec<(usize, usize)>], by: By) -> Vec<Group> {
    use std::collections::{HashMap, HashSet};
    // Oldest first, so the name kept is the latest and parties come in date order.
    let mut order: Vec<usize> = (0..sessions.len()).collect();
    order.sort_by_key(|&i| (sessions[i].meta.date.clone(), i));
    let mut year_words: BTreeMap<String, usize> = BTreeMap::new();
    let mut groups: Vec<Group> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    // (group, year) → (sessions seen, speeches, words).
    let mut cells: BTreeMap<(usize, String), (HashSet<usize>, usize, usize)> = BTreeMap::new();
    let mut group_sessions: Vec<HashSet<usize>> = Vec::new();
    for &si in &order {
        let session = &sessions[si];
        let year = year_of(session);
        for (spi, speaker) in session.speakers.iter().enumerate() {
            let (turns, words) = counts
                .get(si)
                .and_then(|c| c.get(spi))
                .copied()
                .unwrap_or_default();
            *year_words.entry(year.clone()).or_default() += words;
            if turns == 0 {
                continue;
            }
            let (key, name) = match by {
                By::Person => (
                    speaker
                        .person_id
                        .clone()
                        .unwrap_or_else(|| format!("name:{}", fold_name(&speaker.name))),
                    speaker.name.clone(),
                ),
                By::Party => {
                    let p = speaker
                        .party
                        .clone()
                        .unwrap_or_else(|| NO_PARTY.to_string());
                    (p.clone(), p)
                }
            };
            let g = *index.entry(key.clone()).or_insert_with(|| {
                groups.push(Group {
                    key,
                    name: name.clone(),
                    parties: Vec::new(),
                    sessions: 0,
                    speeches: 0,
                    words: 0,
                    share: 0.0,
                    years: Vec::new(),
                });
                group_sessions.push(HashSet::new());
                groups.len() - 1
            });
            let group = &mut groups[g];
            group.name = name;
            if by == By::Person
                && let Some(p) = &speaker.party
                && !group.parties.contains(p)
            {
                group.parties.push(p.clone());
            }
            group.speeches += turns;
            group.words += words;
            group_sessions[g].insert(si);
            let cell = cells.entry((g, year.clone())).or_default();
            cell.0.insert(si);
            cell.1 += turns;
            cell.2 += words;
        }
    }
    let total: usize = year_words.values().sum();
    for ((g, year), (seen, speeches, words)) in cells {
        let whole = year_words.get(&year).copied().unwrap_or(0);
        groups[g].years.push(YearFigures {
            year,
            sessions: seen.len(),
            speeches,
            words,
            share: ratio(words, whole),
        });
    }
    for (g, group) in groups.iter_mut().enumerate() {
        group.sessions = group_sessions[g].len();
        group.share = ratio(group.words, total);
    }
    groups.sort_by(|a, b| b.words.cmp(&a.words).then(a.name.cmp(&b.name)));
    groups
}

/// [`aggregate`], counting each session's words first.
pub fn aggregate_sessions(sessions: &[Arc<Session>], by: By) -> Vec<Group> {
    let counts: Vec<Vec<(usize, usize)>> =
        sessions.iter().map(|s| super::speaker_counts(s)).collect();
    aggregate(sessions, &counts, by)
}

/// The year of a session's date (`2017`), or [`UNDATED`].
pub fn year_of<S: Sitting + ?Sized>(session: &S) -> String {
    session
        .date()
        .and_then(|d| d.get(..4))
        .filter(|y| y.bytes().all(|b| b.is_ascii_digit()))
        .map_or_else(|| UNDATED.to_string(), str::to_string)
}

/// Words spoken in each year of `sessions`, for shares; `counts` are each session's
/// [`super::speaker_counts`].
pub fn year_words<S: Sitting>(
    sessions: &[S],
    counts: &[Vec<(usize, usize)>],
) -> BTreeMap<String, usize> {
    let mut out: BTreeMap<String, usize> = BTreeMap::new();
    for (s, c) in sessions.iter().zip(counts) {
        *out.entry(year_of(s)).or_default() += c.iter().map(|c| c.1).sum::<usize>();
    }
    out
}

/// A person's sittings, speeches, words and share year by year, oldest first; `totals` are
/// [`year_words`] of the same sessions.
pub fn person_years<S: Sitting>(
    person: &Person,
    sessions: &[S],
    totals: &BTreeMap<String, usize>,
) -> Vec<YearFigures> {
    let mut years: BTreeMap<String, YearFigures> = BTreeMap::new();
    for a in &person.appearances {
        let Some(session) = sessions.get(a.session) else {
            continue;
        };
        let year = year_of(session);
        let y = years.entry(year.clone()).or_insert_with(|| YearFigures {
            year,
            sessions: 0,
            speeches: 0,
            words: 0,
            share: 0.0,
        });
        y.sessions += 1;
        y.speeches += a.turns;
        y.words += a.words;
    }
    years
        .into_values()
        .map(|mut y| {
            y.share = ratio(y.words, totals.get(&y.year).copied().unwrap_or(0));
            y
        })
        .collect()
}

/// The parties a person spoke for, in the order of `sessions` (oldest first when they are
/// sorted by date), each once.
pub fn person_parties<S: Sitting>(person: &Person, sessions: &[S]) -> Vec<String> {
    let mut dated: Vec<(Option<&str>, &str)> = person
        .appearances
        .iter()
        .filter_map(|a| {
            let s = sessions.get(a.session)?;
            let party = s.speakers().get(a.speaker)?.party.as_deref()?;
            Some((s.date(), party))
        })
        .collect();
    dated.sort_by(|a, b| a.0.cmp(&b.0));
    let mut out: Vec<String> = Vec::new();
    for (_, p) in dated {
        if !out.iter().any(|o| o == p) {
            out.push(p.to_string());
        }
    }
    out
}

fn ratio(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        0.0
    } else {
        part as f64 / whole as f64
    }
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;

    use crate::session::{Speaker, SpeakerIx, SpeakerKind, Turn};

    pub(in crate::library) fn sitting(
        date: &str,
        speakers: &[(Option<&str>, &str, Option<&str>)],
        turns: &[(usize, &str)],
    ) -> Arc<Session> {
        let mut s = Session::default();
        s.meta.date = Some(date.to_string());
        for (i, (id, name, party)) in speakers.iter().enumerate() {
            let mut sp = Speaker::new(format!("s{i}"), (*name).to_string(), SpeakerKind::Person);
            sp.person_id = id.map(str::to_string);
            sp.party = party.map(str::to_string);
            s.speakers.push(sp);
        }
        for (i, (who, text)) in turns.iter().enumerate() {
            s.turns
                .push(Turn::new(i, SpeakerIx(*who), vec![(*text).to_string()]));
        }
        Arc::new(s)
    }

    fn two_years() -> Vec<Arc<Session>> {
        vec![
            sitting(
                "2018-05-01",
                &[
                    (Some("A"), "Ann Changed", Some("IND")),
                    (None, "Unknown speaker", None),
                ],
                &[(0, "a b"), (1, "c d e f")],
            ),
            sitting(
                "2017-01-01",
                &[
                    (Some("A"), "Ann", Some("LAB")),
                    (Some("B"), "Ben", Some("CON")),
                ],
                &[
                    (0, "one two three"),
                    (1, "five six"),
                    (0, "four [applause]"),
                ],
            ),
        ]
    }

    #[test]
    fn aggregate_by_person_joins_ids_across_years() {
        let groups = aggregate_sessions(&two_years(), By::Person);
        let keys: Vec<&str> = groups.iter().map(|g| g.key.as_str()).collect();
        assert_eq!(keys, ["A", "name:unknown speaker", "B"]);
        let a = &groups[0];
        assert_eq!(a.name, "Ann Changed", "the latest name");
        assert_eq!(a.parties, ["LAB", "IND"], "in date order");
        assert_eq!((a.sessions, a.speeches, a.words), (2, 3, 6));
        assert!((a.share - 0.5).abs() < 1e-9, "6 of 12 words");
        let years: Vec<(&str, usize, usize)> = a
            .years
            .iter()
            .map(|y| (y.year.as_str(), y.speeches, y.words))
            .collect();
        assert_eq!(years, [("2017", 2, 4), ("2018", 1, 2)]);
        assert!((a.years[0].share - 4.0 / 6.0).abs() < 1e-9);
        assert!((a.years[1].share - 2.0 / 6.0).abs() < 1e-9);
    }

    #[test]
    fn aggregate_by_party_on_the_sessions_date() {
        let groups = aggregate_sessions(&two_years(), By::Party);
        let got: Vec<(&str, usize, usize)> = groups
            .iter()
            .map(|g| (g.name.as_str(), g.speeches, g.words))
            .collect();
        assert_eq!(
            got,
            [
                (NO_PARTY, 1, 4),
                ("LAB", 2, 4),
                ("CON", 1, 2),
                ("IND", 1, 2)
            ]
        );
        assert!(groups.iter().all(|g| g.parties.is_empty()));
        assert_eq!(By::from_name("party"), Some(By::Party));
    }

    #[test]
    fn a_persons_years_and_parties() {
        let sessions = two_years();
        let counts: Vec<Vec<(usize, usize)>> = sessions
            .iter()
            .map(|s| super::super::speaker_counts(s))
            .collect();
        let people = super::super::people_with(&sessions, &counts);
        let ann = people
            .iter()
            .find(|p| p.name == "Ann Changed")
            .expect("ann");
        let totals = year_words(&sessions, &counts);
        assert_eq!(totals.get("2017"), Some(&6));
        let years: Vec<(String, usize, usize, usize)> = person_years(ann, &sessions, &totals)
            .into_iter()
            .map(|y| (y.year, y.sessions, y.speeches, y.words))
            .collect();
        assert_eq!(years, [("2017".into(), 1, 2, 4), ("2018".into(), 1, 1, 2)]);
        assert_eq!(person_parties(ann, &sessions), ["LAB", "IND"]);
    }
}
