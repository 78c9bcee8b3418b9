//! Who is who: labels such as "Moderator" or "SPEAKER_00" that stand for a role rather than a
//! person, and the registry that links every name a source uses to one speaker (names compared
//! case-insensitively, shown as first written, other spellings kept as aliases).

use foldhash::{HashMap, HashSet};

use crate::session::{Role, Speaker, SpeakerIx, SpeakerKind};
use crate::text::{fold_name, slug};

/// Words a transcript uses for a role rather than a person, with the role they imply.
const LABELS: &[(&str, &str)] = &[
    ("moderator", "moderator"),
    ("co-moderator", "moderator"),
    ("online moderator", "moderator"),
    ("chair", "moderator"),
    ("host", "moderator"),
    ("facilitator", "moderator"),
    ("audience", "audience"),
    ("audience member", "audience"),
    ("participant", "audience"),
    ("online participant", "audience"),
    ("attendee", "audience"),
    ("speaker", "speaker"),
    ("panelist", "speaker"),
    ("panellist", "speaker"),
    ("presenter", "speaker"),
    ("interpreter", "interpreter"),
    ("rapporteur", "rapporteur"),
    ("unknown speaker", "speaker"),
    ("unidentified speaker", "speaker"),
    ("unknown", "speaker"),
];

/// The role a label implies, when `name` is a label ("Moderator", "Speaker 2", "Audience B").
pub fn label_role(name: &str) -> Option<&'static str> {
    // ASR labels: SPEAKER_00, spk_0, Speaker-2.
    let folded = fold_name(name).replace(['_', '-'], " ");
    let folded = match folded.strip_prefix("spk") {
        Some(rest) if rest.trim().chars().all(|c| c.is_ascii_digit()) => {
            format!("speaker {}", rest.trim())
        }
        _ => folded,
    };
    let base = match folded.rsplit_once(' ') {
        Some((head, tail))
            if tail.chars().all(|c| c.is_ascii_digit())
                || (tail.len() == 1 && tail.chars().all(|c| c.is_ascii_alphabetic())) =>
        {
            head
        }
        _ => folded.as_str(),
    };
    LABELS
        .iter()
        .find(|(l, _)| *l == base)
        .map(|&(_, role)| role)
}

/// What a parenthetical after a name says: `(West Vancouver—Sunshine Coast, Lib.)` is a riding
/// (kept as the organisation) and a party; `(Minister of Employment)` an office; `(PSE)` a group.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Aside {
    pub office: Option<String>,
    pub organisation: Option<String>,
    pub party: Option<String>,
}

/// A label's name without its markup, and the parenthetical after it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CleanName {
    pub name: String,
    pub aside: Option<Aside>,
}

/// Words that start an office rather than a place or an organisation.
const OFFICES: &[&str] = &[
    "minister",
    "prime minister",
    "deputy",
    "parliamentary secretary",
    "secretary",
    "president",
    "vice",
    "speaker",
    "leader",
    "chair",
    "attorney",
    "solicitor",
    "associate minister",
    "acting",
    "government",
    "house leader",
    "whip",
];

/// Strips what sources wrap names in: heading marks (`### `), bold (`**`), a list dash, a
/// leading `[00:18]` time, a trailing colon or full stop; splits off a trailing parenthetical.
pub fn clean_name(raw: &str) -> CleanName {
    let mut name = raw.trim();
    loop {
        let before = name;
        name = name.trim_start_matches('#').trim();
        name = name
            .trim_matches(|c| c == '*' || c == '_' || c == '`')
            .trim();
        for dash in ["- ", "– ", "— ", "• ", "· "] {
            name = name.strip_prefix(dash).unwrap_or(name).trim();
        }
        if name.starts_with('[')
            && let Some(close) = name.find(']')
            && crate::formats::timecode::parse(&name[1..close]).is_some()
        {
            name = name[close + 1..].trim();
        }
        name = name.strip_suffix(':').unwrap_or(name).trim_end();
        if name.ends_with(").") {
            name = &name[..name.len() - 1];
        }
        if name == before {
            break;
        }
    }
    let (mut name, aside) = match split_aside(name) {
        Some((n, inside)) => (n.trim(), Some(read_aside(inside))),
        None => (name, None),
    };
    // `President.` (Europarl), but `Robert J.` and `Jr.` keep theirs.
    if let Some(stem) = name.strip_suffix('.') {
        let last = stem.rsplit([' ', '.']).next().unwrap_or_default();
        let keep = ["jr", "sr", "inc", "ltd", "mr", "ms", "mrs", "dr", "st"];
        if last.chars().count() >= 3 && !keep.contains(&last.to_lowercase().as_str()) {
            name = stem;
        }
    }
    let name = if name.is_empty() { raw.trim() } else { name };
    CleanName {
        name: name.to_string(),
        aside,
    }
}

/// `Name (aside)` → (`Name`, `aside`), the parenthesis balanced and closing the text.
fn split_aside(text: &str) -> Option<(&str, &str)> {
    let body = text.strip_suffix(')')?;
    let mut depth = 1usize;
    for (i, c) in body.char_indices().rev() {
        match c {
            ')' => depth += 1,
            '(' => {
                depth -= 1;
                if depth == 0 {
                    let name = &body[..i];
                    return (!name.trim().is_empty()).then(|| (name, &body[i + 1..]));
                }
            }
            _ => {}
        }
    }
    None
}

fn read_aside(inside: &str) -> Aside {
    let inside = inside.trim();
    let mut aside = Aside::default();
    let is_party = |p: &str| {
        let p = p.trim();
        let letters = p.chars().filter(|c| c.is_alphabetic()).count();
        (1..=8).contains(&letters)
            && !p.contains(' ')
            && (p.ends_with('.') || p.chars().all(|c| !c.is_lowercase()))
    };
    let rest = match inside.rsplit_once(',') {
        Some((rest, party)) if is_party(party) => {
            aside.party = Some(party.trim().to_string());
            rest.trim()
        }
        _ if is_party(inside) => {
            aside.party = Some(inside.to_string());
            ""
        }
        _ => inside,
    };
    if !rest.is_empty() {
        let lower = rest.to_lowercase();
        if OFFICES.iter().any(|o| lower.starts_with(o)) {
            aside.office = Some(rest.to_string());
        } else {
            aside.organisation = Some(rest.to_string());
        }
    }
    aside
}

/// A speaker as a source lists them, with whatever details it gives.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Entry {
    pub name: String,
    pub organisation: Option<String>,
    pub stakeholder_group: Option<String>,
    pub region: Option<String>,
}

/// Whether a line reads as a heading naming a speaker: short, no sentence punctuation at the
/// end, and every word capitalised but for name particles ("de", "van", "bin").
pub fn is_name_like(line: &str) -> bool {
    const PARTICLES: &[&str] = &[
        "de", "da", "del", "della", "der", "den", "di", "du", "la", "le", "van", "von", "bin",
        "binti", "al", "el", "y", "e", "of", "and", "dos", "das", "ten", "ter", "zu",
    ];
    let line = line.trim();
    let words: Vec<&str> = line.split_whitespace().collect();
    if words.is_empty() || words.len() > 6 || line.chars().count() > 60 {
        return false;
    }
    if line.ends_with(['.', '!', '?', ',', ';', ':']) {
        return false;
    }
    words.iter().all(|w| {
        let first = w
            .trim_start_matches(['’', '‘', '\'', '"', '“', '('])
            .chars()
            .next();
        match first {
            Some(c) if c.is_lowercase() => PARTICLES.contains(&w.to_lowercase().as_str()),
            Some(_) => true,
            None => false,
        }
    })
}

/// Every speaker the report mentions, keyed by folded name, with the line each was first seen.
///
/// Names and aliases are given only through the registry (other fields may be filled in
/// directly): it keeps them indexed, so a file naming thousands of people does not compare
/// every new name with every name before it.
#[derive(Debug, Default)]
pub struct Registry {
    pub speakers: Vec<Speaker>,
    /// Each folded name or alias, with the first speaker who has it.
    by_name: HashMap<String, usize>,
    /// The speakers' ids.
    ids: HashSet<String>,
}

impl Registry {
    /// Adds or updates a speaker from the report's speaker list.
    pub fn add_listed(&mut self, entry: &Entry, role: &str) {
        let index = match self.find_exact(&entry.name) {
            Some(i) => i,
            None => self.push(&entry.name, SpeakerKind::Person),
        };
        let s = &mut self.speakers[index];
        s.listed = true;
        fill(&mut s.organisation, &entry.organisation);
        fill(&mut s.stakeholder_group, &entry.stakeholder_group);
        fill(&mut s.region, &entry.region);
        s.add_role(Role::from(role));
    }

    /// The speaker a name in the text refers to, created when nobody matches. Exact names and
    /// aliases win; then a listed speaker whose name contains it as whole words ("Toyama",
    /// "’Adli"), when only one does.
    pub fn resolve(&mut self, raw: &str) -> usize {
        let raw = raw.trim();
        let index = self
            .find_exact(raw)
            .or_else(|| self.find_partial(raw))
            .unwrap_or_else(|| match label_role(raw) {
                Some(role) => {
                    let i = self.push(raw, SpeakerKind::Label);
                    self.speakers[i].add_role(Role::from(role));
                    i
                }
                None => self.push(raw, SpeakerKind::Person),
            });
        let s = &mut self.speakers[index];
        let cleaned = raw.trim_matches(|c: char| matches!(c, '’' | '‘' | '\'' | '&'));
        if cleaned != s.name && !s.aliases.iter().any(|a| a == cleaned) {
            s.aliases.push(cleaned.to_string());
            self.index_name(cleaned, index);
        }
        index
    }

    /// Indexes `name` as one of speaker `index`'s names.
    fn index_name(&mut self, name: &str, index: usize) {
        self.by_name
            .entry(fold_name(name))
            .and_modify(|i| *i = (*i).min(index))
            .or_insert(index);
    }

    /// The speaker `name` refers to (see [`Registry::resolve`]).
    pub fn id_of(&mut self, name: &str) -> SpeakerIx {
        SpeakerIx(self.resolve(name))
    }

    /// The first speaker one of whose names folds as `name` does.
    fn find_exact(&self, name: &str) -> Option<usize> {
        self.by_name.get(&fold_name(name)).copied()
    }

    fn find_partial(&self, name: &str) -> Option<usize> {
        let f = fold_name(name);
        if f.is_empty() || label_role(name).is_some() {
            return None;
        }
        let hits: Vec<usize> = self
            .speakers
            .iter()
            .enumerate()
            .filter(|(_, s)| {
                s.listed && {
                    let full = fold_name(&s.name);
                    let words: Vec<&str> = full.split(' ').collect();
                    let parts: Vec<&str> = f.split(' ').collect();
                    words.windows(parts.len()).any(|w| w == parts.as_slice())
                }
            })
            .map(|(i, _)| i)
            .collect();
        match hits.as_slice() {
            [one] => Some(*one),
            _ => None,
        }
    }

    fn push(&mut self, name: &str, kind: SpeakerKind) -> usize {
        let base = slug(name);
        let mut id = base.clone();
        let mut n = 2;
        while self.ids.contains(&id) {
            id = format!("{base}-{n}");
            n += 1;
        }
        let name = name
            .trim_matches(|c: char| matches!(c, '’' | '‘' | '\'' | '&'))
            .to_string();
        let index = self.speakers.len();
        self.index_name(&name, index);
        self.ids.insert(id.clone());
        self.speakers.push(Speaker::new(id, name, kind));
        index
    }
}

fn fill(slot: &mut Option<String>, value: &Option<String>) {
    if slot.is_none() {
        slot.clone_from(value);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_are_recognised() {
        assert_eq!(label_role("Moderator"), Some("moderator"));
        assert_eq!(label_role("AUDIENCE"), Some("audience"));
        assert_eq!(label_role("Speaker 2"), Some("speaker"));
        assert_eq!(label_role("SPEAKER_00"), Some("speaker"));
        assert_eq!(label_role("spk_1"), Some("speaker"));
        assert_eq!(label_role("Masae Toyama"), None);
    }

    #[test]
    fn names_are_cleaned_and_asides_split() {
        let c = |s: &str| clean_name(s).name;
        assert_eq!(c("### Audrey Tang"), "Audrey Tang");
        assert_eq!(c("**Juanita Gomez:**"), "Juanita Gomez");
        assert_eq!(c("- Chris Adams"), "Chris Adams");
        assert_eq!(c("[00:18] SPEAKER_00:"), "SPEAKER_00");
        assert_eq!(c("President."), "President");
        assert_eq!(c("Evans, Robert J."), "Evans, Robert J.");
        let h = clean_name(
            "Mr. Patrick Weiler (West Vancouver—Sunshine Coast—Sea to Sky Country, Lib.)",
        );
        assert_eq!(h.name, "Mr. Patrick Weiler");
        let aside = h.aside.expect("aside");
        assert_eq!(aside.party.as_deref(), Some("Lib."));
        assert_eq!(
            aside.organisation.as_deref(),
            Some("West Vancouver—Sunshine Coast—Sea to Sky Country")
        );
        let m = clean_name(
            "Hon. Jim Peterson (Secretary of State (International Financial Institutions), Lib.)",
        );
        assert_eq!(m.name, "Hon. Jim Peterson");
        assert_eq!(
            m.aside.expect("office").office.as_deref(),
            Some("Secretary of State (International Financial Institutions)")
        );
        let e = clean_name("Napolitano (PSE).");
        assert_eq!(e.name, "Napolitano");
        assert_eq!(e.aside.expect("group").party.as_deref(), Some("PSE"));
    }

    #[test]
    fn name_like_headings() {
        assert!(is_name_like("Bernhards Blumbergs"));
        assert!(is_name_like("Maria de la Cruz"));
        assert!(is_name_like("Audience"));
        assert!(!is_name_like("Key takeaways"));
        assert!(!is_name_like("Hi all."));
        assert!(!is_name_like(
            "UNESCO Representative Laura Nunn Highlights Digital Transformation’s Impact"
        ));
    }

    #[test]
    fn registry_links_partial_and_curly_names() {
        let mut r = Registry::default();
        r.add_listed(
            &Entry {
                name: "Adli Wahid".into(),
                organisation: Some("APNIC".into()),
                ..Entry::default()
            },
            "speaker",
        );
        r.add_listed(
            &Entry {
                name: "Masae Toyama".into(),
                ..Entry::default()
            },
            "moderator",
        );
        assert_eq!(r.resolve("Adli Wahid"), 0);
        assert_eq!(r.resolve("’Adli"), 0);
        assert_eq!(r.resolve("MASAE TOYAMA"), 1);
        let m = r.resolve("Moderator");
        assert_eq!(r.speakers[m].kind, SpeakerKind::Label);
        assert_eq!(r.speakers[0].aliases, ["Adli"]);
        assert_eq!(r.speakers[1].aliases, ["MASAE TOYAMA"]);
    }
}
