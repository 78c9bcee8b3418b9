//! Names when nothing names a speaker: a ParlaMint id made readable, or the label printed before
//! a speech.

/// Prefixes that are not a name of their own: `McDonald` stays one word.
const JOINED: &[&str] = &["Mc", "Mac", "O'", "O’"];

/// A person id as a reader would write it: `StephenKinnock` → "Stephen Kinnock",
/// `PečeSašo` → "Peče Sašo", `ДончевТомислав` → "Дончев Томислав"; `_`, `.` and `-` between
/// parts are spaces too, and digits that only tell namesakes apart are dropped.
pub fn readable_id(id: &str) -> String {
    let mut out = String::with_capacity(id.len() + 4);
    let mut word = String::new();
    let mut prev: Option<char> = None;
    for c in id.trim_start_matches('#').chars() {
        if matches!(c, '_' | '.' | '-') || c.is_whitespace() {
            flush(&mut out, &mut word);
            prev = None;
            continue;
        }
        if c.is_ascii_digit() {
            continue;
        }
        let boundary = c.is_uppercase()
            && prev.is_some_and(char::is_lowercase)
            && !JOINED.contains(&word.as_str());
        if boundary {
            flush(&mut out, &mut word);
        }
        word.push(c);
        prev = Some(c);
    }
    flush(&mut out, &mut word);
    out
}

fn flush(out: &mut String, word: &mut String) {
    if word.is_empty() {
        return;
    }
    if !out.is_empty() {
        out.push(' ');
    }
    out.push_str(word);
    word.clear();
}

/// A `<note type="speaker">` label as a name: `IGOR ZORČIČ (PS NP):` → "IGOR ZORČIČ (PS NP)".
pub fn label(text: &str) -> String {
    text.trim().trim_end_matches([':', '：']).trim().to_string()
}

/// Whether an id reads as no name: mostly digits (`Q44620`, `12345`), at most one letter.
pub fn opaque(id: &str) -> bool {
    let id = id.trim_start_matches('#');
    let letters = id.chars().filter(|c| c.is_alphabetic()).count();
    let digits = id.chars().filter(char::is_ascii_digit).count();
    letters <= 1 || digits > letters
}

/// Offices a chair's label starts with (`Vizepräsidentin Aydan Özoğuz:`), in the forms the
/// corpora print them: the office is the chair's role, not part of the name.
const OFFICES: &[&str] = &["präsident", "präsidentin", "predsednik", "predsednica"];

/// A label as a name and the party in its last parenthesis: `Strauss (CSU):` → ("Strauss",
/// "CSU"), `Erhard Grundl (BÜNDNIS 90/DIE GRÜNEN):` → ("Erhard Grundl", "BÜNDNIS 90/DIE
/// GRÜNEN"), `Präsident Dr. Köhler:` → ("Dr. Köhler", none); a label without a party is all
/// name, less a leading office.
pub fn label_party(text: &str) -> (String, Option<String>) {
    let mut whole = label(text);
    if let Some((first, rest)) = whole.split_once(' ') {
        let first = first.to_lowercase();
        if !rest.trim().is_empty() && OFFICES.iter().any(|o| first.ends_with(o)) {
            whole = rest.trim().to_string();
        }
    }
    if let Some(inner) = whole.strip_suffix(')')
        && let Some((name, party)) = inner.rsplit_once('(')
        && !name.trim().is_empty()
        && !party.trim().is_empty()
    {
        return (name.trim().to_string(), Some(party.trim().to_string()));
    }
    (whole, None)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_read_as_names() {
        assert_eq!(readable_id("#StephenKinnock"), "Stephen Kinnock");
        assert_eq!(readable_id("PečeSašo"), "Peče Sašo");
        assert_eq!(readable_id("#ДончевТомислав"), "Дончев Томислав");
        assert_eq!(
            readable_id("#ApohalVučkovićLidija"),
            "Apohal Vučković Lidija"
        );
        assert_eq!(readable_id("#McDonaldAndy"), "McDonald Andy");
        assert_eq!(readable_id("#Schmidt_Ulla.2"), "Schmidt Ulla");
        assert_eq!(readable_id("#DeSUS"), "De SUS");
        assert_eq!(readable_id(""), "");
    }

    #[test]
    fn opaque_ids_and_parties_in_labels() {
        assert!(opaque("#Q44620") && opaque("12345") && opaque("Q1"));
        assert!(!opaque("StephenKinnock") && !opaque("Schmidt_Ulla.2"));
        assert_eq!(
            label_party("Strauss (CSU):"),
            ("Strauss".to_string(), Some("CSU".to_string()))
        );
        assert_eq!(
            label_party("Erhard Grundl (BÜNDNIS 90/DIE GRÜNEN):")
                .1
                .as_deref(),
            Some("BÜNDNIS 90/DIE GRÜNEN")
        );
        assert_eq!(
            label_party("Präsident Dr. Köhler:"),
            ("Dr. Köhler".to_string(), None)
        );
        assert_eq!(
            label_party("Vizepräsidentin Aydan Özoğuz:").0,
            "Aydan Özoğuz"
        );
        assert_eq!(
            label_party("Präsident:").0,
            "Präsident",
            "an office alone stays"
        );
        assert_eq!(label_party("(CSU)").1, None);
    }

    #[test]
    fn labels_lose_their_colon() {
        assert_eq!(label(" PREDSEDNIK IGOR ZORČIČ: "), "PREDSEDNIK IGOR ZORČIČ");
    }
}
