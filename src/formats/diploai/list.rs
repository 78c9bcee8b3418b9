//! One line of a DiploAI speaker list: `• Name, Organisation, Stakeholder group, Region`.

use crate::formats::speakers::Entry;

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
}
