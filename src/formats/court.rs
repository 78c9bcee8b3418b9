//! Court-reporter and hearing pages: every line numbered (1–25 on each page), a page number and
//! running head at the top of each page, the reporter's name and telephone at the foot, form
//! feeds between pages. What remains after the furniture goes is speaker-labelled text
//! (`THE COURT:`, `MR. McNALLY:`, `Q.`/`A.`), read by [`crate::formats::labelled`].

use crate::formats::pieces::Draft;

/// The line number a numbered line starts with, and the rest of the line.
fn line_number(raw: &str) -> Option<(u32, &str)> {
    let t = raw.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{c}');
    let digits = t.chars().take_while(char::is_ascii_digit).count();
    if digits == 0 || digits > 2 {
        return None;
    }
    let rest = &t[digits..];
    if !(rest.is_empty() || rest.starts_with(char::is_whitespace)) {
        return None;
    }
    let n: u32 = t[..digits].parse().ok()?;
    (1..=28).contains(&n).then_some((n, rest.trim()))
}

/// A file whose lines are numbered as a court reporter numbers them: most non-blank lines start
/// with a number from 1 to 28, mostly one more than the number before.
pub fn looks_like(lines: &[&str]) -> bool {
    let mut numbered = 0usize;
    let mut non_blank = 0usize;
    let mut sequential = 0usize;
    let mut previous = 0;
    for l in lines.iter().filter(|l| !l.trim().is_empty()).take(2000) {
        non_blank += 1;
        if let Some((n, _)) = line_number(l) {
            numbered += 1;
            if n == previous + 1 {
                sequential += 1;
            }
            previous = n;
        }
    }
    numbered >= 10 && numbered * 10 >= non_blank * 6 && sequential * 2 >= numbered
}

/// The transcript's own lines (1-based source line, text without its number), furniture gone,
/// and the witnesses the running heads name (`Nichols - Cross`), with the line where each is
/// named.
pub struct Cleaned<'a> {
    pub lines: Vec<(usize, &'a str)>,
    pub witnesses: Vec<(usize, String)>,
}

/// Strips line numbers, drops page numbers, form feeds, running heads and footers; says what it
/// dropped in `draft`'s tallies.
pub fn clean<'a>(lines: &[&'a str], draft: &mut Draft) -> Cleaned<'a> {
    let mut out = Vec::with_capacity(lines.len());
    let mut witnesses = Vec::new();
    let mut previous = 0u32;
    for (i, raw) in lines.iter().enumerate() {
        let line = i + 1;
        if raw.contains('\u{c}') {
            draft.tally("form feeds (page breaks) dropped", Some(line));
        }
        let t = raw.trim_matches(|c: char| c.is_whitespace() || c == '\u{c}');
        if t.is_empty() {
            continue;
        }
        match line_number(raw) {
            // A bare number is a numbered empty line when it follows on, else a page number.
            Some((n, "")) if n != previous + 1 && n != 1 => {
                draft.tally("page numbers dropped", Some(line));
            }
            Some((n, text)) => {
                previous = n;
                out.push((line, text));
            }
            None if t.chars().all(|c| c.is_ascii_digit()) => {
                draft.tally("page numbers dropped", Some(line));
            }
            None => {
                if let Some(name) = witness_in_head(t) {
                    witnesses.push((line, name));
                }
                draft.tally("running heads and reporter footers dropped", Some(line));
            }
        }
    }
    draft.layout =
        Some("court or hearing transcript: line numbers and page furniture dropped".into());
    Cleaned {
        lines: out,
        witnesses,
    }
}

/// `Nichols - Cross`, `SMITH - DIRECT`: the witness a running head names.
fn witness_in_head(head: &str) -> Option<String> {
    let lower = head.to_lowercase();
    for sep in [" - ", " – ", " — "] {
        if let Some((name, kind)) = lower.split_once(sep) {
            let kind = kind.trim();
            if ["direct", "cross", "redirect", "recross", "voir dire"]
                .iter()
                .any(|k| kind.starts_with(k))
            {
                // A running head often has the case's code first: `J591dun1    Nichols - Cross`.
                let name = head[..name.len()].trim();
                let name = name.rsplit("  ").next().unwrap_or(name).trim();
                return (!name.is_empty() && name.split_whitespace().count() <= 4)
                    .then(|| name.to_string());
            }
        }
    }
    None
}

/// The witness a sworn line introduces: `JANE NICHOLS, called as a witness by the Government,
/// having been duly sworn, testified as follows:`.
pub fn sworn_witness(text: &str) -> Option<&str> {
    let (name, rest) = text.split_once(',')?;
    let rest = rest.to_lowercase();
    let sworn = [
        "having been",
        "called as a witness",
        "called by",
        "a witness",
        "being first",
        "being duly",
        "after having",
        "was sworn",
        "having first",
        "previously sworn",
    ]
    .iter()
    .any(|k| rest.trim_start().starts_with(k) || rest.contains(&format!(" {k}")));
    let name = name.trim();
    (sworn && !name.is_empty() && name.split_whitespace().count() <= 5).then_some(name)
}

/// A court reporter's credit: `Therese Casterline, RMR, CRR`.
pub fn is_credit(text: &str) -> bool {
    const CREDENTIALS: &[&str] = &[
        "RMR", "RPR", "CRR", "CSR", "CCR", "RDR", "CRI", "CLR", "CMRS", "FAPR", "CBC", "CCP",
    ];
    let mut parts = text.split(',');
    let name = parts.next().unwrap_or_default().trim();
    let mut credentials = 0;
    for p in parts {
        let p = p.trim().trim_end_matches('.');
        if !CREDENTIALS.contains(&p) {
            return false;
        }
        credentials += 1;
    }
    credentials > 0 && (1..=5).contains(&name.split_whitespace().count())
}

/// The witness a title page names: `INTERVIEW OF:  GLENN SIMPSON`, `DEPOSITION OF JANE ROE`.
pub fn witness_of_title(text: &str) -> Option<&str> {
    let t = text.trim();
    let upper = t.to_uppercase();
    let head = [
        "VIDEOTAPED DEPOSITION OF",
        "DEPOSITION OF",
        "INTERVIEW OF",
        "TESTIMONY OF",
        "EXAMINATION OF",
        "STATEMENT OF",
    ]
    .into_iter()
    .find(|h| upper.starts_with(h))?;
    let name = t[head.len()..].trim_start_matches([':', ' ', '\t']).trim();
    let words = name.split_whitespace().count();
    ((1..=5).contains(&words) && !name.ends_with(['.', '?', '!'])).then_some(name)
}

/// `DIRECT EXAMINATION`, `CROSS-EXAMINATION`, `EXAMINATION BY MR. X`: a heading, not speech.
pub fn is_examination_heading(text: &str) -> bool {
    let t = text.trim();
    let upper = t
        .chars()
        .filter(|c| c.is_alphabetic())
        .all(char::is_uppercase);
    upper && t.contains("EXAMINATION") && t.split_whitespace().count() <= 6
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::formats::test_strs as lines;

    #[test]
    fn numbered_pages_lose_their_furniture() {
        let text = "                                                  12\nJ591dun1                 Nichols - Cross\n 1   Q.   And where were you on the\n 2   night of March 3rd?\n 3   A.   I was at home.\n 4\n 5        MR. SMITH:  Objection.\n 6        THE COURT:  Overruled.\n 7   Q.   Why?\n 8   A.   Because.\n 9   Q.   Sure?\n10   A.   Yes.\nSOUTHERN DISTRICT REPORTERS, P.C.\n\u{c}                                                  13\n 1   Q.   Was anyone with you?\n";
        let l = lines(text);
        assert!(looks_like(&l));
        let mut d = Draft::default();
        let c = clean(&l, &mut d);
        assert_eq!(c.lines[0], (3, "Q.   And where were you on the"));
        assert_eq!(c.lines[3], (6, ""));
        assert_eq!(c.witnesses, [(2, "Nichols".to_string())]);
        assert_eq!(c.lines.last().map(|l| l.0), Some(15));
        assert_eq!(
            sworn_witness(
                "JANE NICHOLS, called as a witness by the Government, having been duly sworn, testified as follows:"
            ),
            Some("JANE NICHOLS")
        );
        assert!(is_examination_heading("CROSS-EXAMINATION"));
    }
}
