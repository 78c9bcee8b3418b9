//! What the library shows of itself: sessions of one house (`H`) and within a range of dates
//! (`D`), which the people index follows too, and people of one party (`P`). A parliament's
//! sittings carry a house and a date; a filter nothing in the library has is never offered.

use podium::library::{self, Facts, Person, YearFigures};

use super::{Library, Row, View};

/// A range of ISO dates, each end at any precision: `2017`, `2017-09`, `2017-09-07`; both ends
/// included (`..2017` takes all of 2017).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Dates {
    pub from: Option<String>,
    pub to: Option<String>,
}

/// Text that is not a range of dates.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadDates;

/// How the prompt explains a range.
pub const DATES_HELP: &str = "from..to, e.g. 2017..2019, 2020-03.., ..2018-06-30, 2017; empty: all";

impl Dates {
    /// `2017..2019`, `2017-09..`, `..2018-06-30`, or one date for that year, month or day;
    /// `None` for empty text (every date).
    pub fn parse(text: &str) -> Result<Option<Dates>, BadDates> {
        let text = text.trim();
        if text.is_empty() || text == ".." {
            return Ok(None);
        }
        let (from, to) = match text.split_once("..") {
            Some((a, b)) => (a.trim(), b.trim()),
            None => (text, text),
        };
        let end = |s: &str| -> Result<Option<String>, BadDates> {
            if s.is_empty() {
                return Ok(None);
            }
            let ok = matches!(s.len(), 4 | 7 | 10)
                && s.bytes().enumerate().all(|(i, b)| {
                    if i == 4 || i == 7 {
                        b == b'-'
                    } else {
                        b.is_ascii_digit()
                    }
                });
            if ok && real_date(s) {
                Ok(Some(s.to_string()))
            } else {
                Err(BadDates)
            }
        };
        let dates = Dates {
            from: end(from)?,
            to: end(to)?,
        };
        if let (Some(a), Some(b)) = (&dates.from, &dates.to) {
            let n = a.len().min(b.len());
            if a[..n] > b[..n] {
                return Err(BadDates);
            }
        }
        Ok(Some(dates))
    }

    /// Whether an ISO date (`2017-09-07`) is in the range; an unknown date never is.
    pub fn holds(&self, date: &str) -> bool {
        let after = |from: &str| date.get(..from.len()).is_some_and(|d| d >= from);
        let before = |to: &str| date.get(..to.len()).is_some_and(|d| d <= to);
        !date.is_empty()
            && self.from.as_deref().is_none_or(after)
            && self.to.as_deref().is_none_or(before)
    }

    pub fn label(&self) -> String {
        match (&self.from, &self.to) {
            (Some(a), Some(b)) if a == b => a.clone(),
            (a, b) => format!(
                "{}..{}",
                a.as_deref().unwrap_or(""),
                b.as_deref().unwrap_or("")
            ),
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filters {
    pub house: Option<String>,
    pub dates: Option<Dates>,
    /// People who spoke for this party (in the sessions shown).
    pub party: Option<String>,
}

impl Filters {
    /// Whether a session's row passes the house and the dates.
    pub fn shows(&self, row: &Row) -> bool {
        self.house.as_ref().is_none_or(|h| *h == row.house)
            && self.dates.as_ref().is_none_or(|d| d.holds(&row.date))
    }

    /// ` · House of Commons · 2017..2019`: what limits the sessions, for the list's title.
    pub fn sessions_label(&self) -> String {
        let mut out = String::new();
        if let Some(h) = &self.house {
            out.push_str(&format!(" · {h}"));
        }
        if let Some(d) = &self.dates {
            out.push_str(&format!(" · {}", d.label()));
        }
        out
    }
}

/// The next of `options` after `current`, and none after the last: a key that cycles through
/// them comes back to "all".
pub fn cycle(current: Option<&str>, options: &[String]) -> Option<String> {
    match current {
        None => options.first().cloned(),
        Some(c) => options
            .iter()
            .position(|o| o == c)
            .and_then(|i| options.get(i + 1))
            .cloned(),
    }
}

/// `1 session`, `3 sessions`.
fn sessions(n: usize) -> String {
    format!("{n} session{}", if n == 1 { "" } else { "s" })
}

/// What the people list shows of a person beside their counts.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PersonInfo {
    /// The parties they spoke for, oldest first.
    pub parties: Vec<String>,
    /// Sittings, speeches, words and share year by year.
    pub years: Vec<YearFigures>,
    /// Of all words in the sessions shown.
    pub share: f64,
}

impl PersonInfo {
    /// `LAB`, or `CON→I` for a member who changed.
    pub fn party_label(&self) -> String {
        self.parties.join("→")
    }
}

/// Each person's parties and years over `sessions` (the ones shown, oldest first), and the
/// parties present, most words first.
pub fn people_info(
    people: &[Person],
    sessions: &[&Facts],
    counts: &[Vec<(usize, usize)>],
) -> (Vec<PersonInfo>, Vec<String>) {
    let totals = library::year_words(sessions, counts);
    let all: usize = totals.values().sum();
    let mut party_words: Vec<(String, usize)> = Vec::new();
    let info = people
        .iter()
        .map(|p| {
            for a in &p.appearances {
                let party = sessions
                    .get(a.session)
                    .and_then(|s| s.speakers.get(a.speaker))
                    .and_then(|sp| sp.party.as_deref());
                if let Some(party) = party {
                    match party_words.iter_mut().find(|(n, _)| n == party) {
                        Some((_, w)) => *w += a.words,
                        None => party_words.push((party.to_string(), a.words)),
                    }
                }
            }
            PersonInfo {
                parties: library::person_parties(p, sessions),
                years: library::person_years(p, sessions, &totals),
                share: if all == 0 {
                    0.0
                } else {
                    p.words() as f64 / all as f64
                },
            }
        })
        .collect();
    party_words.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    (info, party_words.into_iter().map(|(p, _)| p).collect())
}

impl Library {
    /// The people index over the sessions loaded and shown (house, dates), newest first and
    /// then in file order whatever order files arrived in, so a person is named the same way
    /// every time; with each person's parties and years, and the parties present.
    pub(super) fn people_now(&self) -> (Vec<Person>, Vec<PersonInfo>, Vec<String>) {
        let mut by_file: Vec<usize> = (0..self.items.len())
            .filter(|&i| self.filters.shows(&self.rows[i]))
            .collect();
        // Newest first, so a person who changed their printed name goes by the latest one.
        by_file.sort_by(|&a, &b| {
            let (a, b) = (&self.rows[a], &self.rows[b]);
            (&b.date, &a.file).cmp(&(&a.date, &b.file))
        });
        let sessions: Vec<&Facts> = by_file.iter().map(|&i| &self.items[i].facts).collect();
        let counts: Vec<Vec<(usize, usize)>> = by_file
            .iter()
            .map(|&i| self.rows[i].counts.clone())
            .collect();
        let mut people = library::people_with(&sessions, &counts);
        let (info, parties) = people_info(&people, &sessions, &counts);
        for p in &mut people {
            for a in &mut p.appearances {
                a.session = by_file[a.session];
            }
        }
        (people, info, parties)
    }

    /// Builds the people index again (after loading, or when the house or dates change) and
    /// lets the party filter through what it may.
    /// The people list, on the person with index `person` in `people`.
    pub(in crate::tui) fn back_to_person(&mut self, person: usize) {
        self.view = View::People;
        self.selected = self
            .shown_people
            .iter()
            .position(|&i| i == person)
            .unwrap_or(0);
    }

    pub(super) fn refresh_people(&mut self) {
        // A person being looked at stays in view: the rebuilt list may number them anew.
        let looked_at = match self.view {
            View::PersonTurns(p) | View::PersonWords(p) | View::WordUses(p) => {
                self.people.get(p).map(|x| (x.name.clone(), x.kind))
            }
            View::People => self
                .shown_people
                .get(self.selected)
                .and_then(|&p| self.people.get(p))
                .map(|x| (x.name.clone(), x.kind)),
            View::Sessions => None,
        };
        let (people, info, parties) = self.people_now();
        self.people = people;
        self.info = info;
        self.parties = parties;
        if self
            .filters
            .party
            .as_ref()
            .is_some_and(|p| !self.parties.contains(p))
        {
            self.filters.party = None;
        }
        self.filter_people();
        let Some((name, kind)) = looked_at else {
            return;
        };
        let now = self
            .people
            .iter()
            .position(|x| x.name == name && x.kind == kind);
        match (self.view, now) {
            (View::PersonTurns(_), Some(p)) => self.view = View::PersonTurns(p),
            (View::PersonWords(_), Some(p)) => self.view = View::PersonWords(p),
            (View::WordUses(_), Some(p)) => self.view = View::WordUses(p),
            (View::People, Some(p)) => self.back_to_person(p),
            (View::Sessions, _) => {}
            (_, None) => self.back_to_person(0),
        }
    }

    pub(super) fn filter_people(&mut self) {
        let party = self.filters.party.as_deref();
        self.shown_people = (0..self.people.len())
            .filter(|&i| party.is_none_or(|p| self.info[i].parties.iter().any(|q| q == p)))
            .collect();
    }

    /// The houses of the sessions loaded, by name.
    pub fn houses(&self) -> Vec<String> {
        let mut h: Vec<String> = self
            .rows
            .iter()
            .filter(|r| !r.house.is_empty())
            .map(|r| r.house.clone())
            .collect();
        h.sort();
        h.dedup();
        h
    }

    /// `P`: the next party among the people shown, then all of them again; from the
    /// sessions it goes to the people.
    pub(super) fn cycle_party(&mut self) {
        if self.view != View::People {
            self.view = View::People;
            self.selected = 0;
            if self.loading.is_some() {
                self.refresh_people();
            }
        }
        if self.parties.is_empty() {
            self.message = Some("No speaker here has a party".into());
            return;
        }
        self.filters.party = cycle(self.filters.party.as_deref(), &self.parties);
        self.filter_people();
        self.selected = 0;
        let key = self.key("party-filter");
        self.message = Some(match &self.filters.party {
            Some(p) => format!(
                "Party {p}: {} of {} people ({key}: the next of {} parties)",
                self.shown_people.len(),
                self.people.len(),
                self.parties.len()
            ),
            None => format!("Every party ({key}: one party)"),
        });
    }

    /// `H`: the next house, then every house again.
    pub(super) fn cycle_house(&mut self) {
        let houses = self.houses();
        if houses.is_empty() {
            self.message = Some("No session here names a house".into());
            return;
        }
        self.filters.house = cycle(self.filters.house.as_deref(), &houses);
        self.narrowed();
        let key = self.key("house-filter");
        self.message = Some(match &self.filters.house {
            Some(h) => format!(
                "{h}: {} ({key}: the next of {} houses)",
                sessions(self.order.len()),
                houses.len()
            ),
            None => format!("Every house ({key}: one house)"),
        });
    }

    /// Enter in the dates prompt: the range typed, or every date when it is empty.
    pub(super) fn accept_dates(&mut self) {
        let Some(text) = self.date_prompt.clone() else {
            return;
        };
        match Dates::parse(&text) {
            Ok(dates) => {
                self.date_prompt = None;
                self.filters.dates = dates;
                self.narrowed();
                self.message = Some(match &self.filters.dates {
                    Some(d) => format!("{}: {}", d.label(), sessions(self.order.len())),
                    None => "Every date".into(),
                });
            }
            Err(BadDates) => {
                self.message = Some(format!("Not dates: “{}”; {DATES_HELP}", text.trim()));
            }
        }
    }

    /// The house or the dates changed: the sessions and the people follow.
    fn narrowed(&mut self) {
        self.selected = 0;
        self.resort();
        if self.loading.is_none() || self.view != View::Sessions {
            self.refresh_people();
        }
        if let View::PersonTurns(_) = self.view {
            self.view = View::People;
        }
    }

    pub(super) fn key(&self, name: &str) -> String {
        self.keymap
            .key_for(crate::tui::keymap::Context::Library, name)
            .unwrap_or_default()
    }
}

/// Whether `YYYY[-MM[-DD]]` (digits checked) names a month and a day that exist.
fn real_date(s: &str) -> bool {
    let num = |r: std::ops::Range<usize>| s.get(r).and_then(|t| t.parse::<u32>().ok());
    let Some(year) = num(0..4) else {
        return false;
    };
    let Some(month) = num(5..7) else {
        return true;
    };
    if !(1..=12).contains(&month) {
        return false;
    }
    let Some(day) = num(8..10) else {
        return true;
    };
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let days = match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    };
    (1..=days).contains(&day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_ranges_at_any_precision() {
        let d = |t: &str| Dates::parse(t).expect("parses").expect("a range");
        assert!(d("2017..2019").holds("2019-12-31"));
        assert!(!d("2017..2019").holds("2020-01-01"));
        assert!(d("2017").holds("2017-09-07") && !d("2017").holds("2018-01-01"));
        assert!(d("2020-03..").holds("2020-03-01") && !d("2020-03..").holds("2020-02-29"));
        assert!(d("..2018-06-30").holds("2018-06-30") && !d("..2018-06-30").holds("2018-07-01"));
        assert!(
            !d("2017..").holds(""),
            "an unknown date is outside every range"
        );
        assert_eq!(d("2017..2019").label(), "2017..2019");
        assert_eq!(d("2017").label(), "2017");
        assert_eq!(Dates::parse("  "), Ok(None));
        assert!(d("2020-02-29").holds("2020-02-29"), "a leap day");
        for bad in [
            "17..19",
            "2019..2017",
            "abc",
            "2017-9",
            "2020-13..",
            "2020-00..",
            "2019-02-29",
            "2019-02-30..",
            "2021-04-31",
            "2021-05-00",
        ] {
            assert_eq!(Dates::parse(bad), Err(BadDates), "{bad}");
        }
    }

    #[test]
    fn cycling_comes_back_to_all() {
        let o = vec!["A".to_string(), "B".to_string()];
        assert_eq!(cycle(None, &o).as_deref(), Some("A"));
        assert_eq!(cycle(Some("A"), &o).as_deref(), Some("B"));
        assert_eq!(cycle(Some("B"), &o), None);
        assert_eq!(cycle(Some("gone"), &o), None);
        assert_eq!(cycle(None, &[]), None);
    }
}
