//! Whether the words before a colon name a speaker, judged from the whole file rather than one
//! line: how often a name recurs, whether it opens a cue or a paragraph, the file's own
//! convention (when nearly every cue of a Zoom VTT starts `Name: text`, `latha sriram:` is a
//! name there), and its shape (a title with a long subtitle, a list item, link text, a heading, a
//! word such as "Resources" or "For example" are not names). Every guess that could be wrong
//! becomes a warning with its line.

use foldhash::HashMap;
use std::borrow::Cow;

mod tally;
mod words;

pub use tally::Tallies;
use tally::Tally;

use crate::formats::speakers::{clean_name, is_name_like, label_role};
use crate::session::Warning;
use crate::text::fold_name;
use words::{FRONT_MATTER, NOT_NAMES, NUMBER_WORDS};

/// What the words before the colon look like.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// A mark only speakers get: `>> NAME:`, `**Name:**`, a Rev or Otter header.
    Strong,
    /// Capitalised words (`Jane Roe`, `MR. McNALLY`, `Dr. Ana de la Cruz`) or a label
    /// (`Speaker 2`, `Moderator`).
    Proper,
    /// Lower-case words (`latha sriram`, `krithika S`): a name only where the file's convention
    /// says so.
    Lower,
}

/// Why something shaped like a label is not one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// A word prose puts before a colon ("Note", "Resources", "For example", "One").
    Word,
    /// A front-matter heading ("CART CAPTIONING PROVIDED BY", "ALSO IN ATTENDANCE").
    FrontMatter,
    /// A title with its subtitle ("Project Necromancy: How to Revive a Dead Rust Project").
    Title,
    /// A Markdown heading, list item or link.
    Markup,
}

impl Refusal {
    fn reason(self) -> &'static str {
        match self {
            Refusal::Word => "a word prose puts before a colon",
            Refusal::FrontMatter => "a front-matter heading",
            Refusal::Title => "a title with its subtitle",
            Refusal::Markup => "a heading, list item or link",
        }
    }
}

/// Something that may be a speaker label, where it is and what it looks like.
#[derive(Debug, Clone)]
pub struct Candidate<'a> {
    pub name: Cow<'a, str>,
    /// 1-based source line.
    pub line: usize,
    pub shape: Shape,
    /// It opens a cue or a paragraph (rather than continuing one).
    pub opens: bool,
    pub refused: Option<Refusal>,
}

/// Shape and refusal of the words before a colon (`None` when they read as prose). `after` is
/// what follows the colon on the line.
pub fn judge_shape(name: &str, after: &str) -> Option<(Shape, Option<Refusal>)> {
    judge_name(name).map(|verdict| with_title(verdict, name, after))
}

/// A verdict on the name alone completed by what follows it: a name not refused otherwise is
/// refused as a title when a subtitle follows.
pub fn with_title(
    (shape, refused): (Shape, Option<Refusal>),
    name: &str,
    after: &str,
) -> (Shape, Option<Refusal>) {
    // `MR. FOSTER:  Jason Foster, I'm the Chief` (a hearing's line, wrapped): an honorific names
    // a person, never a title.
    let refused =
        refused.or_else(|| (!honorific(name) && title_like(after)).then_some(Refusal::Title));
    (shape, refused)
}

/// The name opens with a courtesy title or office: `MR.`, `Ms`, `Dr.`, `SENATOR`, `Judge`.
pub fn honorific(name: &str) -> bool {
    const TITLES: &[&str] = &[
        "mr",
        "mrs",
        "ms",
        "miss",
        "dr",
        "prof",
        "sen",
        "senator",
        "rep",
        "representative",
        "judge",
        "justice",
        "hon",
        "sir",
        "dame",
        "lord",
        "lady",
        "chairman",
        "chairwoman",
        "chair",
        "commissioner",
        "councillor",
        "councilmember",
        "mayor",
        "governor",
    ];
    let first = name
        .split_whitespace()
        .next()
        .unwrap_or_default()
        .trim_end_matches('.')
        .to_lowercase();
    TITLES.contains(&first.as_str())
}

/// [`judge_shape`] on the words before the colon alone: every refusal but [`Refusal::Title`],
/// which depends on what follows.
pub fn judge_name(name: &str) -> Option<(Shape, Option<Refusal>)> {
    let name = name.trim();
    if name.is_empty() || name.chars().count() > 60 {
        return None;
    }
    let words: Vec<&str> = name.split_whitespace().collect();
    // A name has no sentence inside it (`（Yoshi）最後にアクション。今日中：…`) and opens with no
    // bracket.
    if words.len() > 6
        || name.contains(['。', '！', '？', '、', '．'])
        || name.starts_with(['(', '（'])
    {
        return None;
    }
    let lower = fold_name(name);
    let role = label_role(name).is_some();
    // Digits belong to clock times and lists ("at 10:30", "1."), except in labels.
    if !role && name.chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    let shape = if role || is_name_like(name) {
        Shape::Proper
    } else if words.len() <= 4
        && words.iter().all(|w| {
            w.chars()
                .all(|c| c.is_alphabetic() || matches!(c, '.' | '\'' | '’' | '-'))
        })
        && words.iter().any(|w| w.chars().any(char::is_lowercase))
    {
        Shape::Lower
    } else {
        return None;
    };
    let refused = if name.starts_with(['#', '[', '-', '*', '•']) || name.contains("](") {
        Some(Refusal::Markup)
    } else if NOT_NAMES.contains(&lower.as_str())
        || (!role
            && words.len() >= 2
            && lower
                .rsplit(' ')
                .next()
                .is_some_and(|w| NUMBER_WORDS.contains(&w)))
    {
        // `Tip two:` numbers an item of a list.
        Some(Refusal::Word)
    } else if !role && FRONT_MATTER.iter().any(|f| lower.contains(f)) {
        Some(Refusal::FrontMatter)
    } else {
        None
    };
    Some((shape, refused))
}

/// Verdicts on names already judged in this file: a transcript names the same few speakers on
/// thousands of lines, and judging a name costs more than reading its line.
#[derive(Debug, Default)]
pub struct Shapes {
    names: HashMap<Box<str>, Option<(Shape, Option<Refusal>)>>,
}

impl Shapes {
    /// [`judge_name`], remembered.
    pub fn judge_name(&mut self, name: &str) -> Option<(Shape, Option<Refusal>)> {
        self.remember(name, judge_name)
    }

    /// `judge(name)` for a name remembered under the words as written; `judge` must depend on
    /// `name` alone.
    pub fn remember(
        &mut self,
        name: &str,
        judge: impl FnOnce(&str) -> Option<(Shape, Option<Refusal>)>,
    ) -> Option<(Shape, Option<Refusal>)> {
        if let Some(v) = self.names.get(name) {
            return *v;
        }
        let v = judge(name);
        // Long runs of text before a colon are judged afresh rather than kept.
        if name.len() <= 128 {
            self.names.insert(name.into(), v);
        }
        v
    }
}

/// A subtitle: a few words, most capitalised, no sentence punctuation at the end.
fn title_like(after: &str) -> bool {
    let after = after.trim();
    if after.ends_with(['.', '?', '!', '…', ',', '"', '”']) {
        return false;
    }
    let mut words = 0usize;
    let mut capital = 0usize;
    for w in after.split_whitespace() {
        words += 1;
        if words > 14 {
            return false;
        }
        capital += usize::from(w.chars().next().is_some_and(char::is_uppercase));
    }
    words >= 3 && capital * 10 >= words * 6
}

/// The verdict on every candidate name of a file.
#[derive(Debug, Default)]
pub struct Judgement {
    accepted: HashMap<String, &'static str>,
    /// The verdict by name as the candidates wrote it, so a name seen on many lines is folded
    /// once.
    as_written: HashMap<String, Option<&'static str>>,
    /// Warnings about guesses: labels taken on thin evidence, label-like text refused.
    pub warnings: Vec<Warning>,
    /// Share of units (cues, paragraphs) that open with a label, 0..=1.
    pub share: f64,
}

impl Judgement {
    /// Whether `name` was taken as a label, and how it was recognised.
    pub fn how(&self, name: &str) -> Option<&'static str> {
        match self.as_written.get(name) {
            Some(how) => *how,
            None => self.accepted.get(&key(name)).copied(),
        }
    }
}

/// Names are judged without their markup and asides: `Mr. Weiler (West Vancouver, Lib.)` and
/// `Mr. Weiler` are one name.
fn key(name: &str) -> String {
    fold_name(&clean_name(name).name)
}

/// Judges every candidate of a file of `units` cues or paragraphs (`unit` names them: "cue").
pub fn judge(candidates: &[Candidate], units: usize, unit: &str) -> Judgement {
    judge_tallies(&Tallies::of(candidates), units, unit)
}

/// [`judge`] of candidates already tallied.
pub fn judge_tallies(tallies: &Tallies, units: usize, unit: &str) -> Judgement {
    // Names as written, in the order the file first writes them; folding a name costs more
    // than a lookup, so each is folded once.
    let mut by_name: Vec<(&str, Tally, &Candidate)> = tallies
        .by_name
        .iter()
        .map(|(name, (t, c))| (name.as_str(), *t, c))
        .collect();
    by_name.sort_by_key(|(_, t, _)| t.first);
    let mut groups: Vec<(String, Tally)> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::default();
    let mut group_of: Vec<usize> = Vec::with_capacity(by_name.len());
    let mut firsts: Vec<&Candidate> = Vec::new();
    for (name, t, c) in &by_name {
        let key = key(name);
        let i = *index.entry(key.clone()).or_insert_with(|| {
            groups.push((key, *t));
            firsts.push(c);
            groups.len() - 1
        });
        if groups[i].1.first != t.first {
            groups[i].1.add(t);
        }
        group_of.push(i);
    }
    // Lower-case names count towards the convention when they look like names: two words, or
    // one used twice. Capitalised labels must be there too.
    let proper = by_name.iter().any(|(_, t, _)| t.opening > 0);
    let opening: usize = by_name
        .iter()
        .zip(&group_of)
        .map(|((name, t, _), &g)| {
            let lower_counts = proper && (words(name) >= 2 || groups[g].1.count >= 2);
            t.opening + if lower_counts { t.opening_lower } else { 0 }
        })
        .sum();
    let share = if units == 0 {
        0.0
    } else {
        (opening as f64 / units as f64).min(1.0)
    };
    // The file's convention: most units open with a label.
    let convention = units >= 4 && share >= 0.5;
    let mut j = Judgement {
        share,
        ..Judgement::default()
    };
    let mut once: Vec<(String, usize)> = Vec::new();
    let mut lower: Vec<(String, usize)> = Vec::new();
    let mut refused: Vec<(String, usize, Refusal)> = Vec::new();
    for ((key, group), first) in groups.iter().zip(&firsts) {
        let (opens, count, plain) = (group.opens, group.count, group.plain);
        // A refusal holds only while the name is never used plainly as a label elsewhere.
        if plain == 0 || (plain == 1 && count > 1 && first.refused == Some(Refusal::Word)) {
            if let Some(r) = first.refused
                && (first.shape != Shape::Lower || convention)
            {
                refused.push((first.name.to_string(), first.line, r));
            }
            continue;
        }
        let strong = group.strong;
        let role = label_role(&first.name).is_some();
        let how: Option<&'static str> = match first.shape {
            _ if strong => Some("speaker mark"),
            Shape::Proper if role => Some("label word"),
            Shape::Proper if count >= 2 => Some("recurring label"),
            Shape::Proper if opens => {
                once.push((first.name.to_string(), first.line));
                Some("label seen once")
            }
            // One lower-case word seen once is a name only where nearly every unit is labelled
            // (`shruthi:` in a Zoom file where 96% of cues open with `Name:`).
            Shape::Lower
                if convention
                    && opens
                    && (count >= 2 || words(&first.name) >= 2 || share >= 0.8) =>
            {
                lower.push((first.name.to_string(), first.line));
                Some("file's convention")
            }
            _ => None,
        };
        if let Some(how) = how {
            j.accepted.insert(key.clone(), how);
        }
    }
    for ((name, _, _), &i) in by_name.iter().zip(&group_of) {
        let how = j.accepted.get(&groups[i].0).copied();
        j.as_written.insert((*name).to_string(), how);
    }
    // Where most units open with a label, one more seen once is the file's habit, not a guess.
    if !once.is_empty() && groups.len() > 1 && share < 0.5 {
        j.warnings.push(list_warning(
            &once,
            &format!("appear only once; taken as speakers because each opens a {unit}"),
            "label",
        ));
    }
    if !lower.is_empty() {
        j.warnings.push(list_warning(
            &lower,
            &format!(
                "are lower-case; taken as speakers because {:.0}% of {unit}s open with `Name:`",
                share * 100.0
            ),
            "label",
        ));
    }
    for r in [
        Refusal::Word,
        Refusal::FrontMatter,
        Refusal::Title,
        Refusal::Markup,
    ] {
        let of: Vec<(String, usize)> = refused
            .iter()
            .filter(|(_, _, x)| *x == r)
            .map(|(n, l, _)| (n.clone(), *l))
            .collect();
        if !of.is_empty() {
            j.warnings.push(list_warning(
                &of,
                &format!("look like labels but were read as text ({})", r.reason()),
                "line",
            ));
        }
    }
    j
}

fn words(name: &str) -> usize {
    name.split_whitespace().count()
}

/// "3 labels appear only once …: Ann (line 4), Bo (line 9), Cy (line 20)".
fn list_warning(items: &[(String, usize)], what: &str, noun: &str) -> Warning {
    let shown: Vec<String> = items
        .iter()
        .take(5)
        .map(|(n, l)| format!("{n:?} (line {l})"))
        .collect();
    let more = if items.len() > 5 {
        format!(" and {} more", items.len() - 5)
    } else {
        String::new()
    };
    let plural = if items.len() == 1 { "" } else { "s" };
    let verb_fix = if items.len() == 1 {
        what.replacen("appear ", "appears ", 1)
            .replacen("are lower-case", "is lower-case", 1)
            .replacen("look like labels", "looks like a label", 1)
            .replacen("were read", "was read", 1)
            .replacen(
                "taken as speakers because each opens",
                "taken as a speaker because it opens",
                1,
            )
            .replacen("taken as speakers because", "taken as a speaker because", 1)
    } else {
        what.to_string()
    };
    Warning {
        line: items.first().map(|(_, l)| *l),
        message: format!(
            "{} {noun}{plural} {verb_fix}: {}{more}",
            items.len(),
            shown.join(", ")
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cand(name: &str, line: usize, after: &str) -> Candidate<'static> {
        let (shape, refused) = judge_shape(name, after).expect("shaped");
        Candidate {
            name: Cow::Owned(name.to_string()),
            line,
            shape,
            opens: true,
            refused,
        }
    }

    #[test]
    fn shapes() {
        assert_eq!(
            judge_shape("Jane Roe", "Hello."),
            Some((Shape::Proper, None))
        );
        assert_eq!(
            judge_shape("latha sriram", "so yes"),
            Some((Shape::Lower, None))
        );
        assert_eq!(
            judge_shape("the point is", "this"),
            Some((Shape::Lower, None))
        );
        assert_eq!(judge_shape("at 10", "30"), None);
        assert_eq!(
            judge_shape("Project Necromancy", "How to Revive a Dead Rust Project"),
            Some((Shape::Proper, Some(Refusal::Title)))
        );
        assert_eq!(
            judge_shape("CART CAPTIONING PROVIDED BY", ""),
            Some((Shape::Proper, Some(Refusal::FrontMatter)))
        );
        assert_eq!(
            judge_shape("For example", "we could"),
            Some((Shape::Lower, Some(Refusal::Word)))
        );
        assert_eq!(
            judge_shape("Resources", ""),
            Some((Shape::Proper, Some(Refusal::Word)))
        );
    }

    #[test]
    fn lower_case_names_follow_the_files_convention() {
        let c = vec![
            cand("Ann Lee", 3, "Hi."),
            cand("Ann Lee", 7, "So."),
            cand("latha sriram", 11, "yes"),
            cand("Bo Chen", 15, "Right."),
            cand("Bo Chen", 19, "Right."),
        ];
        let j = judge(&c, 5, "cue");
        assert_eq!(j.how("Latha Sriram"), Some("file's convention"));
        assert!(
            j.warnings[0].message.contains("lower-case"),
            "{:?}",
            j.warnings
        );
        // The same line in prose: a paragraph of ten, one label.
        let j = judge(&c[2..3], 10, "paragraph");
        assert_eq!(j.how("latha sriram"), None);
    }
}
