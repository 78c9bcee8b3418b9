//! A read sitting made a session: speakers named (corpus lists, else the `-meta.tsv`, else the
//! id or the printed label), consecutive utterances of one speaker in one role merged into a
//! turn, sections from the debate sections' heads, stage directions kept as `[…]` where they
//! stand.

use std::collections::HashMap;

use super::corpus::Corpus;
use super::meta_tsv::MetaTsv;
use super::names;
use super::tei::{Item, Sitting, Utterance};
use crate::formats::pieces::UNKNOWN;
use crate::session::{
    FORMAT_VERSION, Meta, Role, Section, Session, SessionKind, Speaker, SpeakerIx, SpeakerKind,
    Turn, Warning,
};
use crate::text::slug;

/// Where names come from, best first.
#[derive(Debug, Clone, Copy, Default)]
pub struct Sources<'a> {
    pub corpus: Option<&'a Corpus>,
    pub tsv: Option<&'a MetaTsv>,
}

/// Who an utterance is by.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Key {
    /// A ParlaMint person id, without `#`.
    Person(String),
    /// No `who`, but a printed label before the speech.
    Label(String),
    /// No `who` and no label.
    Unknown,
}

/// The role an utterance's `ana` gives (`#chair`, `#regular`, `#guest`).
pub fn ana_role(ana: &str) -> Option<Role> {
    ana.split_whitespace()
        .find_map(|t| match t.trim_start_matches('#') {
            "chair" => Some(Role::Chair),
            "regular" => Some(Role::Regular),
            "guest" => Some(Role::Guest),
            _ => None,
        })
}

struct Builder<'a> {
    sources: Sources<'a>,
    date: Option<String>,
    lang: Option<String>,
    speakers: Vec<Speaker>,
    index: HashMap<Key, usize>,
    warnings: Vec<Warning>,
    /// Ids named from themselves: (id, name given).
    guessed: Vec<(String, String)>,
    /// Ids the corpus lists do not hold, when there are lists.
    unlisted: Vec<String>,
}

impl Builder<'_> {
    fn speaker(&mut self, key: &Key, label: Option<&str>) -> usize {
        if let Some(&i) = self.index.get(key) {
            if let Some(l) = label {
                add_alias(&mut self.speakers[i], l);
            }
            return i;
        }
        let mut speaker = match key {
            Key::Person(id) => self.person(id, label),
            Key::Label(l) => Speaker::new(String::new(), l.clone(), SpeakerKind::Person),
            Key::Unknown => Speaker::new(String::new(), UNKNOWN.to_string(), SpeakerKind::Label),
        };
        let base = slug(&speaker.name);
        let mut id = base.clone();
        let mut n = 2;
        while self.speakers.iter().any(|s| s.id == id) {
            id = format!("{base}-{n}");
            n += 1;
        }
        speaker.id = id;
        if let Some(l) = label {
            add_alias(&mut speaker, l);
        }
        self.speakers.push(speaker);
        self.index.insert(key.clone(), self.speakers.len() - 1);
        self.speakers.len() - 1
    }

    /// Names person `id`: the corpus lists on the sitting's date, else the `-meta.tsv`, else
    /// the id made readable.
    fn person(&mut self, id: &str, label: Option<&str>) -> Speaker {
        let mut s = Speaker::new(String::new(), String::new(), SpeakerKind::Person);
        s.person_id = Some(id.to_string());
        let lists = self
            .sources
            .corpus
            .map(|c| &c.lists)
            .filter(|l| !l.is_empty());
        if let Some(r) =
            lists.and_then(|l| l.resolve(id, self.date.as_deref(), self.lang.as_deref()))
        {
            s.name = r.name;
            s.party = r.party;
            s.organisation = r.party_name;
            s.roles = r.roles;
            s.listed = true;
            return s;
        }
        if lists.is_some() {
            self.unlisted.push(id.to_string());
        }
        if let Some(t) = self
            .sources
            .tsv
            .and_then(|t| t.speakers.get(id))
            .filter(|t| !t.name.is_empty())
        {
            s.name.clone_from(&t.name);
            s.party.clone_from(&t.party);
            s.organisation.clone_from(&t.party_name);
            s.roles.clone_from(&t.roles);
            s.listed = true;
            return s;
        }
        // An id that reads as no name (a Wikidata `Q44620`) gives way to the label printed
        // before the speech, `Strauss (CSU):`, whose parenthesis is the party.
        let readable = names::readable_id(id);
        let printed = label.map(names::label_party);
        match printed {
            Some((name, party)) if readable.is_empty() || names::opaque(id) => {
                s.name = name;
                s.party = party;
            }
            None if readable.is_empty() || names::opaque(id) => s.name = id.to_string(),
            _ => s.name = readable,
        }
        self.guessed.push((id.to_string(), s.name.clone()));
        s
    }

    fn warn(&mut self, line: Option<usize>, message: String) {
        self.warnings.push(Warning { line, message });
    }

    /// The speaker key of an utterance, with warnings for what is odd about its `who`.
    fn key_of(&mut self, u: &Utterance, label: Option<&str>) -> Key {
        let who = u.who.as_deref().map(str::trim).unwrap_or_default();
        let mut ids = who.split_whitespace();
        let Some(first) = ids.next() else {
            let (key, named) = match label {
                Some(l) => (
                    Key::Label(names::label(l)),
                    format!("named “{}” from the label before it", names::label(l)),
                ),
                None => (Key::Unknown, format!("given to “{UNKNOWN}”")),
            };
            self.warn(Some(u.line), format!("an utterance without `who`; {named}"));
            return key;
        };
        if ids.next().is_some() {
            self.warn(
                Some(u.line),
                format!("`who=\"{who}\"` names several people; the turn is given to the first"),
            );
        }
        let id = match first.strip_prefix('#') {
            Some(id) => id,
            None => {
                self.warn(
                    Some(u.line),
                    format!("`who=\"{first}\"` lacks the `#` of a reference; read as #{first}"),
                );
                first
            }
        };
        // A full reference (`ParlaMint-GB-listPerson.xml#X`) names the person after the `#`.
        let id = id.rsplit('#').next().unwrap_or(id);
        if id.is_empty() {
            self.warn(
                Some(u.line),
                format!("`who=\"{who}\"` names nobody; given to “{UNKNOWN}”"),
            );
            return Key::Unknown;
        }
        Key::Person(id.to_string())
    }
}

fn add_alias(s: &mut Speaker, label: &str) {
    let l = names::label(label);
    let folded = crate::text::fold_name(&l);
    if !l.is_empty()
        && s.names().all(|n| crate::text::fold_name(n) != folded)
        && s.aliases.len() < 8
    {
        s.aliases.push(l);
    }
}

/// The header title in the sitting's language (else the first) of `kind`.
fn title(sitting: &Sitting, kind: &str) -> Option<String> {
    let of_kind: Vec<_> = sitting.titles.iter().filter(|t| t.kind == kind).collect();
    of_kind
        .iter()
        .find(|t| t.lang.is_none() || t.lang == sitting.language)
        .or_else(|| of_kind.first())
        .map(|t| t.text.clone())
        .filter(|t| !t.is_empty())
}

/// The sitting's date as its id writes it: `ParlaMint-GB_2017-09-07-commons` → `2017-09-07`.
fn date_in_id(id: &str) -> Option<String> {
    let (_, rest) = id.split_once('_')?;
    let d = rest.get(..10)?;
    let ok = d.bytes().enumerate().all(|(i, b)| {
        if i == 4 || i == 7 {
            b == b'-'
        } else {
            b.is_ascii_digit()
        }
    });
    ok.then(|| d.to_string())
}

fn meta(sitting: &Sitting, sources: &Sources<'_>, format: &str) -> Meta {
    let tsv = sources.tsv;
    let date = sitting
        .date
        .clone()
        .or_else(|| tsv.and_then(|t| t.date.clone()))
        .or_else(|| sitting.id.as_deref().and_then(date_in_id));
    let lang = sitting.language.as_deref();
    let house = sitting.meetings.iter().find_map(|m| {
        let id = m.corresp.as_deref()?.trim_start_matches('#');
        sources
            .corpus
            .and_then(|c| c.lists.orgs.get(id))
            .and_then(|o| o.name(lang))
            .map(str::to_string)
    });
    let chamber = sitting.meetings.iter().find_map(|m| {
        let ana = m.ana.as_deref()?;
        if ana.contains("#parla.upper") {
            Some("Upper house".to_string())
        } else if ana.contains("#parla.lower") {
            Some("Lower house".to_string())
        } else {
            None
        }
    });
    let term = sitting
        .meetings
        .iter()
        .find(|m| m.ana.as_deref().is_some_and(|a| a.contains("#parla.term")))
        .and_then(|m| {
            if m.text.is_empty() {
                m.n.clone()
            } else {
                Some(m.text.clone())
            }
        });
    Meta {
        title: title(sitting, "main")
            .or_else(|| sitting.titles.first().map(|t| t.text.clone()))
            .or_else(|| tsv.and_then(|t| t.title.clone()))
            .unwrap_or_default(),
        event: title(sitting, "sub"),
        date,
        kind: SessionKind::Transcript,
        source_format: format.to_string(),
        house: house
            .or_else(|| tsv.and_then(|t| t.body.clone()))
            .or(chamber),
        term: term.or_else(|| tsv.and_then(|t| t.term.clone())),
        language: sitting.language.clone(),
        source_id: sitting.id.clone(),
        ..Meta::default()
    }
}

/// An utterance's id as a turn keeps it: after the sitting's id and a dot where it starts with
/// them (`u12` for `ParlaMint-GB_2017-09-07-commons.u12`), else whole.
fn short_id(id: String, sitting: Option<&str>) -> String {
    match sitting
        .and_then(|s| id.strip_prefix(s))
        .and_then(|rest| rest.strip_prefix('.'))
    {
        Some(rest) if !rest.is_empty() => rest.to_string(),
        _ => id,
    }
}

/// Builds the session of a read sitting.
pub fn build(sitting: Sitting, sources: Sources<'_>, format: &str) -> Session {
    let meta = meta(&sitting, &sources, format);
    let meta_id = meta.source_id.clone();
    let mut b = Builder {
        sources,
        date: meta.date.clone(),
        lang: sitting.language.clone(),
        speakers: Vec::new(),
        index: HashMap::new(),
        warnings: sitting.warnings.clone(),
        guessed: Vec::new(),
        unlisted: Vec::new(),
    };
    if let Some(c) = sources.corpus {
        for p in &c.problems {
            b.warn(None, p.clone());
        }
    }
    let mut turns: Vec<Turn> = Vec::new();
    let mut sections: Vec<Section> = Vec::new();
    let mut notes: Vec<String> = Vec::new();
    let mut pending: Vec<String> = Vec::new();
    let mut label: Option<String> = None;
    // A section starts a new turn even when the same person goes on speaking.
    let mut boundary = true;
    for item in sitting.items {
        match item {
            Item::Section(heads) => {
                // What was noted before a division ends belongs to the one before.
                if let Some(last) = turns.last_mut()
                    && !pending.is_empty()
                {
                    last.paragraphs.push(std::mem::take(&mut pending).join(" "));
                }
                let mut heads = heads.into_iter();
                if let Some(title) = heads.next() {
                    sections.push(Section {
                        title,
                        turn: turns.len(),
                    });
                }
                notes.extend(heads);
                boundary = true;
            }
            Item::Annotation(a) => pending.push(a),
            Item::SpeakerLabel(l) => label = Some(l),
            Item::Utterance(u) => {
                // An empty utterance says nothing and names nobody (its label goes with it).
                if u.paragraphs.is_empty() {
                    label = None;
                    continue;
                }
                let key = b.key_of(&u, label.as_deref());
                let ix = b.speaker(&key, label.take().as_deref());
                let role = u.ana.as_deref().and_then(ana_role);
                if let Some(r) = &role {
                    b.speakers[ix].add_role(r.clone());
                }
                let mut paragraphs = Vec::with_capacity(u.paragraphs.len() + 1);
                if !pending.is_empty() {
                    paragraphs.push(std::mem::take(&mut pending).join(" "));
                }
                paragraphs.extend(u.paragraphs);
                let source_id = u.id.map(|id| short_id(id, meta_id.as_deref()));
                let merge = !boundary
                    && matches!(key, Key::Person(_))
                    && turns
                        .last()
                        .is_some_and(|t| t.speaker.get() == ix && t.role == role);
                match turns.last_mut() {
                    Some(last) if merge => {
                        last.paragraphs.extend(paragraphs);
                        last.source_ids.extend(source_id);
                    }
                    _ => {
                        let mut t = Turn::new(turns.len(), SpeakerIx(ix), Vec::new());
                        t.paragraphs = paragraphs;
                        t.role = role;
                        t.source_ids.extend(source_id);
                        turns.push(t);
                    }
                }
                boundary = false;
            }
        }
    }
    if !pending.is_empty() {
        match turns.last_mut() {
            Some(last) => last.paragraphs.push(pending.join(" ")),
            None => notes.extend(pending),
        }
    }
    for t in &mut turns {
        t.split_sentences();
    }
    // A section with no turn after it (its speeches sampled out) has nowhere to jump to.
    sections.retain(|s| s.turn < turns.len());
    if !b.unlisted.is_empty() {
        let msg = list_some(&b.unlisted, |id| format!("#{id}"));
        b.warn(
            None,
            format!(
                "{} speaker(s) not in the corpus's person list: {msg}",
                b.unlisted.len()
            ),
        );
    }
    if !b.guessed.is_empty() {
        let msg = list_some(&b.guessed, |(id, name)| format!("#{id} → “{name}”"));
        b.warn(
            None,
            format!(
                "{} speaker(s) named by neither the corpus lists nor a -meta.tsv, so named from their ids or the labels printed before their speeches: {msg}",
                b.guessed.len()
            ),
        );
    }
    let mut session = Session {
        format_version: FORMAT_VERSION,
        meta,
        speakers: b.speakers,
        summary: Vec::new(),
        turns,
        sections,
        notes,
        warnings: b.warnings,
    };
    let mut speaking = vec![false; session.speakers.len()];
    for t in &session.turns {
        speaking[t.speaker.get()] = true;
    }
    session.retain_speakers(|ix, _| speaking[ix.get()]);
    session
}

/// The first few of `items`, then how many more.
fn list_some<T>(items: &[T], show: impl Fn(&T) -> String) -> String {
    const SHOWN: usize = 5;
    let mut out: Vec<String> = items.iter().take(SHOWN).map(show).collect();
    if items.len() > SHOWN {
        out.push(format!("and {} more", items.len() - SHOWN));
    }
    out.join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_from_ana_and_dates_from_ids() {
        assert_eq!(ana_role("#regular topic:inter"), Some(Role::Regular));
        assert_eq!(ana_role("chair"), Some(Role::Chair));
        assert_eq!(ana_role("topic:x"), None);
        assert_eq!(
            date_in_id("ParlaMint-GB_2017-09-07-commons").as_deref(),
            Some("2017-09-07")
        );
        assert_eq!(date_in_id("ParlaMint-GB_x"), None);
    }
}
