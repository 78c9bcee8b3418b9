//! The corpus's people and organisations (`ParlaMint-XX-listPerson.xml`,
//! `ParlaMint-XX-listOrg.xml`, or the same lists inline in an older corpus root), streamed into
//! small maps, and what they say about one person on one day: the name, the party they belonged
//! to then, whether they sat in parliament or government.

use std::collections::HashMap;
use std::io::BufRead;

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

use super::xml::{attr, collapse, entity, local, local_end, push_text};
use crate::session::Role;

/// Organisation roles that make an affiliation a party membership, most telling first.
const PARTY_ROLES: &[&str] = &[
    "politicalParty",
    "parliamentaryGroup",
    "politicalGroup",
    "ethnicCommunity",
];

/// A time span as ParlaMint writes it: ISO dates, possibly only a year or a month.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Span {
    pub from: Option<String>,
    pub to: Option<String>,
    pub when: Option<String>,
}

impl Span {
    fn of(e: &BytesStart<'_>) -> Span {
        Span {
            from: attr(e, "from"),
            to: attr(e, "to"),
            when: attr(e, "when"),
        }
    }

    /// Whether the span holds `date` (`YYYY-MM-DD`); open ends hold everything, and no date
    /// holds every span.
    pub fn holds(&self, date: Option<&str>) -> bool {
        let Some(date) = date else {
            return true;
        };
        // "2017" ends at the end of 2017: compare as many characters as the bound has.
        let head = |bound: &str| {
            date.get(..bound.len().min(date.len()))
                .unwrap_or(date)
                .to_string()
        };
        if let Some(when) = &self.when {
            return head(when) == *when || date.starts_with(when.as_str());
        }
        let after_from = self.from.as_ref().is_none_or(|f| date >= f.as_str());
        let before_to = self
            .to
            .as_ref()
            .is_none_or(|t| head(t).as_str() <= t.as_str());
        after_from && before_to
    }
}

/// One `<persName>`: a person may have several over time.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PersName {
    pub span: Span,
    pub forenames: Vec<String>,
    pub surnames: Vec<String>,
    /// Text outside forename/surname, for names written without them.
    pub text: String,
}

impl PersName {
    /// "Forenames Surnames", or the plain text when the parts are missing.
    pub fn display(&self) -> String {
        let parts: Vec<&str> = self
            .forenames
            .iter()
            .chain(&self.surnames)
            .map(String::as_str)
            .filter(|p| !p.is_empty())
            .collect();
        if parts.is_empty() {
            collapse(&self.text)
        } else {
            parts.join(" ")
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Affiliation {
    /// `member`, `minister`, `head`, …
    pub role: String,
    /// The organisation's id, without `#` (the first when several are given).
    pub org: String,
    pub span: Span,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Person {
    pub names: Vec<PersName>,
    pub affiliations: Vec<Affiliation>,
}

/// An `<orgName>`: `full="yes"` (the name), `full="abb"` (the abbreviation).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OrgName {
    pub full: String,
    pub lang: Option<String>,
    pub text: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Org {
    /// `parliament`, `politicalParty`, `parliamentaryGroup`, `government`, …
    pub role: String,
    pub names: Vec<OrgName>,
}

impl Org {
    /// The full name, in `lang` if the list has it, else English, else the first.
    pub fn name(&self, lang: Option<&str>) -> Option<&str> {
        let full: Vec<&OrgName> = self.names.iter().filter(|n| n.full != "abb").collect();
        let pick = |l: &str| full.iter().find(|n| n.lang.as_deref() == Some(l));
        lang.and_then(pick)
            .or_else(|| pick("en"))
            .or_else(|| full.first())
            .map(|n| n.text.as_str())
    }

    /// The abbreviation (`LAB`), when the list gives one.
    pub fn abbreviation(&self) -> Option<&str> {
        self.names
            .iter()
            .find(|n| n.full == "abb")
            .map(|n| n.text.as_str())
    }
}

/// What the lists say about one person on one day.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Resolved {
    pub name: String,
    /// The party's abbreviation, or its name when it has none.
    pub party: Option<String>,
    /// The party's full name.
    pub party_name: Option<String>,
    /// `mp`, `minister`, as the affiliations valid that day say.
    pub roles: Vec<Role>,
}

/// People and organisations by id.
#[derive(Debug, Clone, Default)]
pub struct Lists {
    pub persons: HashMap<String, Person>,
    pub orgs: HashMap<String, Org>,
}

impl Lists {
    pub fn is_empty(&self) -> bool {
        self.persons.is_empty() && self.orgs.is_empty()
    }

    /// Person `id` (without `#`) on `date`, names and organisations in `lang` where the lists
    /// have it.
    pub fn resolve(&self, id: &str, date: Option<&str>, lang: Option<&str>) -> Option<Resolved> {
        let person = self.persons.get(id)?;
        let name = person
            .names
            .iter()
            .rev()
            .find(|n| n.span.holds(date))
            .or_else(|| person.names.last())
            .map(PersName::display)
            .filter(|n| !n.is_empty())?;
        let valid: Vec<&Affiliation> = person
            .affiliations
            .iter()
            .filter(|a| a.span.holds(date))
            .collect();
        let party = PARTY_ROLES.iter().find_map(|role| {
            valid
                .iter()
                .filter(|a| a.role == "member")
                .filter(|a| self.orgs.get(&a.org).is_some_and(|o| o.role == *role))
                .max_by(|a, b| a.span.from.cmp(&b.span.from))
        });
        let (party, party_name) = match party.and_then(|a| self.orgs.get(&a.org)) {
            Some(org) => {
                let full = org.name(lang).map(str::to_string);
                let short = org
                    .abbreviation()
                    .map(str::to_string)
                    .or_else(|| full.clone());
                (short, full)
            }
            None => (None, None),
        };
        let mut roles = Vec::new();
        let org_role = |a: &Affiliation| self.orgs.get(&a.org).map(|o| o.role.as_str());
        if valid
            .iter()
            .any(|a| a.role == "member" && org_role(a) == Some("parliament"))
        {
            roles.push(Role::Other("mp".into()));
        }
        // Ministers: `role="minister"`, or membership of the government (as ParlaMint-GB has it).
        if valid.iter().any(|a| {
            a.role == "minister" || (a.role == "member" && org_role(a) == Some("government"))
        }) {
            roles.push(Role::Other("minister".into()));
        }
        Some(Resolved {
            name,
            party,
            party_name,
            roles,
        })
    }
}

/// What is being read inside a `<person>` or `<org>`.
#[derive(Debug)]
enum Part {
    Forename,
    Surname,
    /// A part of a name that is not the name (a title such as `dr.`).
    Skip,
    OrgName(OrgName),
}

#[derive(Debug, Default)]
struct State {
    path: Vec<String>,
    person: Option<(String, Person)>,
    name: Option<PersName>,
    org: Option<(String, Org)>,
    /// The part being read, its text, and the element that opened it.
    part: Option<(Part, String, String)>,
}

/// Reads `<person>`s and `<org>`s from any TEI stream into `lists`; `xi:include` targets found
/// in a `teiHeader` (a corpus root's lists) are returned, so the caller can read those too.
/// Damage stops the read with a message; what came before it is kept.
pub fn read<R: BufRead>(source: R, lists: &mut Lists) -> (Vec<String>, Option<String>) {
    let mut reader = Reader::from_reader(source);
    reader.config_mut().check_end_names = false;
    let mut buf = Vec::new();
    let mut includes = Vec::new();
    let mut st = State::default();
    loop {
        let event = match reader.read_event_into(&mut buf) {
            Ok(e) => e,
            Err(e) => {
                let at = reader.error_position();
                return (includes, Some(format!("XML breaks at byte {at}: {e}")));
            }
        };
        match event {
            Event::Start(e) => {
                start(&mut st, &e, &mut includes);
                st.path.push(local(&e));
            }
            Event::Empty(e) => {
                start(&mut st, &e, &mut includes);
                end(&mut st, lists, &local(&e));
            }
            Event::End(e) => {
                let name = e.name();
                let name = local_end(name.as_ref()).to_string();
                if let Some(at) = st.path.iter().rposition(|p| *p == name) {
                    st.path.truncate(at);
                    end(&mut st, lists, &name);
                }
            }
            Event::Text(t) => text(&mut st, &t.xml10_content()),
            Event::GeneralRef(r) => text(&mut st, &entity(&r)),
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    (includes, None)
}

fn start(st: &mut State, e: &BytesStart<'_>, includes: &mut Vec<String>) {
    let name = local(e);
    match name.as_str() {
        "include" if st.path.iter().any(|p| p == "teiHeader") => {
            if let Some(href) = attr(e, "href") {
                includes.push(href);
            }
        }
        "person" => {
            if let Some(id) = attr(e, "id") {
                st.person = Some((id, Person::default()));
            }
        }
        "persName" if st.person.is_some() => {
            st.name = Some(PersName {
                span: Span::of(e),
                ..PersName::default()
            });
        }
        "forename" if st.name.is_some() && st.part.is_none() => {
            st.part = Some((Part::Forename, String::new(), name));
        }
        // "van", "de": part of the surname, written before it.
        "surname" | "nameLink" if st.name.is_some() && st.part.is_none() => {
            st.part = Some((Part::Surname, String::new(), name));
        }
        "affiliation" => {
            if let Some((_, p)) = &mut st.person {
                let org = attr(e, "ref")
                    .and_then(|r| r.split_whitespace().next().map(str::to_string))
                    .map(|r| r.trim_start_matches('#').to_string())
                    .unwrap_or_default();
                p.affiliations.push(Affiliation {
                    role: attr(e, "role").unwrap_or_default(),
                    org,
                    span: Span::of(e),
                });
            }
        }
        "org" => {
            if let Some(id) = attr(e, "id") {
                st.org = Some((
                    id,
                    Org {
                        role: attr(e, "role").unwrap_or_default(),
                        names: Vec::new(),
                    },
                ));
            }
        }
        // Only the org's own names: not those of its terms (`listEvent`) nor of the labels
        // of a classification (`state`).
        "orgName" if st.org.is_some() && st.path.last().is_some_and(|p| p == "org") => {
            st.part = Some((
                Part::OrgName(OrgName {
                    full: attr(e, "full").unwrap_or_else(|| "yes".into()),
                    lang: attr(e, "lang"),
                    text: String::new(),
                }),
                String::new(),
                name,
            ));
        }
        _ => {
            if st.name.is_some() && st.part.is_none() {
                st.part = Some((Part::Skip, String::new(), name));
            }
        }
    }
}

fn text(st: &mut State, text: &str) {
    match &mut st.part {
        Some((_, buf, _)) => push_text(buf, text),
        None => {
            if let Some(n) = &mut st.name {
                push_text(&mut n.text, text);
            }
        }
    }
}

fn end(st: &mut State, lists: &mut Lists, name: &str) {
    if st
        .part
        .as_ref()
        .is_some_and(|(_, _, opener)| opener == name)
    {
        if let Some((part, text, _)) = st.part.take() {
            let text = collapse(&text);
            match part {
                Part::Forename => push_part(&mut st.name, |n| &mut n.forenames, text),
                Part::Surname => push_part(&mut st.name, |n| &mut n.surnames, text),
                Part::Skip => {}
                Part::OrgName(mut o) => {
                    o.text = text;
                    if let Some((_, org)) = &mut st.org {
                        org.names.push(o);
                    }
                }
            }
        }
        return;
    }
    match name {
        "persName" => {
            st.part = None;
            if let (Some(n), Some((_, p))) = (st.name.take(), &mut st.person) {
                p.names.push(n);
            }
        }
        "person" => {
            if let Some((id, p)) = st.person.take() {
                lists.persons.insert(id, p);
            }
        }
        "org" => {
            if let Some((id, o)) = st.org.take() {
                lists.orgs.insert(id, o);
            }
        }
        _ => {}
    }
}

fn push_part(
    name: &mut Option<PersName>,
    field: impl Fn(&mut PersName) -> &mut Vec<String>,
    text: String,
) {
    if let Some(n) = name
        && !text.is_empty()
    {
        field(n).push(text);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PEOPLE: &str = r##"<listPerson xmlns="http://www.tei-c.org/ns/1.0">
      <person xml:id="BevkSamo">
        <persName><surname>Bevk</surname><forename>Samo</forename></persName>
        <affiliation role="member" ref="#DZ" from="2018-06-22" to="2022-05-12"><roleName xml:lang="en">MP</roleName></affiliation>
        <affiliation role="member" ref="#party.ZLSD" from="2004-10-22" to="2005-04-01"/>
        <affiliation role="member" ref="#party.SD" from="2005-04-02" to="2022-05-12"/>
      </person>
      <person xml:id="ApohalVučkovićLidija">
        <persName to="2010"><surname>Apohal</surname><forename>Lidija</forename></persName>
        <persName from="2011"><forename>Lidija</forename><surname>Apohal</surname><surname>Vučković</surname></persName>
        <affiliation role="minister" ref="#GOV" from="2020-03-13"/>
      </person>
    </listPerson>"##;

    const ORGS: &str = r##"<listOrg xmlns="http://www.tei-c.org/ns/1.0">
      <org xml:id="DZ" role="parliament"><orgName full="yes" xml:lang="en">National Assembly</orgName>
        <listEvent><event xml:id="DZ.8"><label>Term 8</label></event></listEvent></org>
      <org xml:id="party.SD" role="parliamentaryGroup"><orgName full="yes" xml:lang="sl">Socialni demokrati</orgName><orgName full="yes" xml:lang="en">Social Democrats</orgName><orgName full="abb">SD</orgName></org>
      <org xml:id="party.ZLSD" role="parliamentaryGroup"><orgName full="yes" xml:lang="sl">Združena lista</orgName></org>
      <org xml:id="GOV" role="government"><orgName full="yes">Vlada</orgName></org>
    </listOrg>"##;

    fn lists() -> Lists {
        let mut l = Lists::default();
        assert_eq!(read(PEOPLE.as_bytes(), &mut l).1, None);
        assert_eq!(read(ORGS.as_bytes(), &mut l).1, None);
        l
    }

    #[test]
    fn party_valid_on_the_day() {
        let l = lists();
        let r = l
            .resolve("BevkSamo", Some("2005-01-10"), Some("sl"))
            .unwrap();
        assert_eq!(r.name, "Samo Bevk");
        assert_eq!(
            r.party.as_deref(),
            Some("Združena lista"),
            "no abbreviation: the name"
        );
        assert!(r.roles.is_empty(), "not an MP in 2005 by this list");
        let r = l
            .resolve("BevkSamo", Some("2020-01-10"), Some("sl"))
            .unwrap();
        assert_eq!(r.party.as_deref(), Some("SD"));
        assert_eq!(r.party_name.as_deref(), Some("Socialni demokrati"));
        assert_eq!(r.roles, [Role::Other("mp".into())]);
        let r = l
            .resolve("BevkSamo", Some("2020-01-10"), Some("de"))
            .unwrap();
        assert_eq!(
            r.party_name.as_deref(),
            Some("Social Democrats"),
            "English next"
        );
    }

    #[test]
    fn names_change_over_time_and_ministers_are_seen() {
        let l = lists();
        let id = "ApohalVučkovićLidija";
        assert_eq!(
            l.resolve(id, Some("2009-05-01"), None).unwrap().name,
            "Lidija Apohal"
        );
        let r = l.resolve(id, Some("2021-05-01"), None).unwrap();
        assert_eq!(r.name, "Lidija Apohal Vučković");
        assert_eq!(r.roles, [Role::Other("minister".into())]);
        assert_eq!(
            l.orgs["DZ"].name(None),
            Some("National Assembly"),
            "term labels are not names"
        );
    }

    #[test]
    fn spans_with_partial_dates() {
        let s = Span {
            from: Some("2015".into()),
            to: Some("2017".into()),
            when: None,
        };
        assert!(s.holds(Some("2017-09-07")));
        assert!(s.holds(Some("2015-01-01")));
        assert!(!s.holds(Some("2018-01-01")));
        assert!(!s.holds(Some("2014-12-31")));
        assert!(s.holds(None));
    }
}
