//! Who is who in a report: entries of the speaker list, labels such as "Moderator", and the
//! registry that links every name the report uses to one speaker.

use crate::session::{Speaker, SpeakerKind};
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
    let folded = fold_name(name);
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

/// Stakeholder groups as the IGF names them; the entry field that starts with one is the group.
const STAKEHOLDER_GROUPS: &[&str] = &[
    "civil society",
    "private sector",
    "government",
    "technical community",
    "intergovernmental organization",
    "intergovernmental organisation",
    "international organization",
    "international organisation",
    "academia",
    "academic",
    "youth",
];

/// One line of the speaker list: `• Name, Organisation, Stakeholder group, Region`. Every field
/// but the name is optional; an organisation may itself contain commas.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Entry {
    pub name: String,
    pub organisation: Option<String>,
    pub stakeholder_group: Option<String>,
    pub region: Option<String>,
}

pub fn parse_entry(line: &str) -> Entry {
    let line = line
        .trim()
        .trim_start_matches(['•', '·', '-', '*', '–'])
        .trim();
    let mut parts: Vec<&str> = line
        .split(',')
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    let name = if parts.is_empty() {
        String::new()
    } else {
        parts.remove(0).to_string()
    };
    let mut entry = Entry {
        name,
        ..Entry::default()
    };
    if parts.last().is_some_and(|p| is_region(p)) {
        entry.region = parts.pop().map(str::to_string);
    }
    if parts.last().is_some_and(|p| is_stakeholder_group(p)) {
        entry.stakeholder_group = parts.pop().map(str::to_string);
    }
    if !parts.is_empty() {
        entry.organisation = Some(parts.join(", "));
    }
    entry
}

/// UN regional groups: "Asia-Pacific Group", "Western European and Others Group (WEOG)".
fn is_region(field: &str) -> bool {
    let f = field.to_lowercase();
    f.contains(" group") && !is_stakeholder_group(field) || f == "weog" || f == "grulac"
}

fn is_stakeholder_group(field: &str) -> bool {
    let f = field.to_lowercase();
    STAKEHOLDER_GROUPS.iter().any(|g| f.starts_with(g))
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
#[derive(Debug, Default)]
pub struct Registry {
    pub speakers: Vec<Speaker>,
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
        if !s.has_role(role) {
            s.roles.push(role.to_string());
        }
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
                    self.speakers[i].roles.push(role.to_string());
                    i
                }
                None => self.push(raw, SpeakerKind::Person),
            });
        let s = &mut self.speakers[index];
        let cleaned = raw.trim_matches(|c: char| matches!(c, '’' | '‘' | '\'' | '&'));
        if cleaned != s.name && !s.aliases.iter().any(|a| a == cleaned) {
            s.aliases.push(cleaned.to_string());
        }
        index
    }

    fn find_exact(&self, name: &str) -> Option<usize> {
        let f = fold_name(name);
        self.speakers
            .iter()
            .position(|s| s.names().any(|n| fold_name(n) == f))
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
        while self.speakers.iter().any(|s| s.id == id) {
            id = format!("{base}-{n}");
            n += 1;
        }
        let name = name
            .trim_matches(|c: char| matches!(c, '’' | '‘' | '\'' | '&'))
            .to_string();
        self.speakers.push(Speaker::new(id, name, kind));
        self.speakers.len() - 1
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
    fn full_entry() {
        let e = parse_entry(
            "  • Bernhards Blumbergs, CERT.LV, Government of Latvia, Western European and Others Group",
        );
        assert_eq!(e.name, "Bernhards Blumbergs");
        assert_eq!(e.organisation.as_deref(), Some("CERT.LV"));
        assert_eq!(e.stakeholder_group.as_deref(), Some("Government of Latvia"));
        assert_eq!(
            e.region.as_deref(),
            Some("Western European and Others Group")
        );
    }

    #[test]
    fn entries_with_missing_fields() {
        let e = parse_entry("• Nighat Dad, Civil Society, Asia-Pacific Group");
        assert_eq!(e.organisation, None);
        assert_eq!(e.stakeholder_group.as_deref(), Some("Civil Society"));
        let e = parse_entry("• Masae Toyama, JPCERT/CC");
        assert_eq!(e.organisation.as_deref(), Some("JPCERT/CC"));
        assert_eq!((e.stakeholder_group, e.region), (None, None));
        let e = parse_entry("• Jane Roe, Ministry of X, Y and Z, Government, African Group");
        assert_eq!(e.organisation.as_deref(), Some("Ministry of X, Y and Z"));
    }

    #[test]
    fn labels_are_recognised() {
        assert_eq!(label_role("Moderator"), Some("moderator"));
        assert_eq!(label_role("AUDIENCE"), Some("audience"));
        assert_eq!(label_role("Speaker 2"), Some("speaker"));
        assert_eq!(label_role("Masae Toyama"), None);
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
        r.add_listed(&parse_entry("• Adli Wahid, APNIC"), "speaker");
        r.add_listed(&parse_entry("• Masae Toyama"), "moderator");
        assert_eq!(r.resolve("Adli Wahid"), 0);
        assert_eq!(r.resolve("’Adli"), 0);
        assert_eq!(r.resolve("MASAE TOYAMA"), 1);
        let m = r.resolve("Moderator");
        assert_eq!(r.speakers[m].kind, SpeakerKind::Label);
        assert_eq!(r.speakers[0].aliases, ["Adli"]);
        assert_eq!(r.speakers[1].aliases, ["MASAE TOYAMA"]);
    }
}
