//! One ParlaMint sitting (a Parla-CLARIN `<TEI>` file), read as a stream of pull events: the
//! header fields Podium shows, then the body as a flat list of what happened in order —
//! sections, speaker labels, stage directions and utterances. Who is who is decided later
//! ([`super::build`]); this module only reads.
//!
//! Text rules: each `<seg>` is a paragraph; `<note>`, `<gap>`, `<incident>`, `<kinesic>` and
//! `<vocal>` become `[…]` annotations (never words) where they stand, and text after one inside a
//! `<seg>` is still speech. In the linguistically annotated variant (`.ana.xml`) the words are
//! `<w>`/`<pc>` tokens, joined with a space unless a token says `join="right"`.

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

use super::xml::{Lines, attr, bracket, collapse, entity, local, local_end, push_text};
use crate::formats::ParseError;
use crate::session::Warning;

/// Elements that record what happened besides speech.
const ANNOTATIONS: &[&str] = &["note", "gap", "incident", "kinesic", "vocal"];

/// A `<title>` of the header.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Title {
    /// `main`, `sub`, or empty.
    pub kind: String,
    pub lang: Option<String>,
    pub text: String,
}

/// A `<meeting>` of the header: the term, the sitting, the house it belongs to.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Meeting {
    pub n: Option<String>,
    pub corresp: Option<String>,
    pub ana: Option<String>,
    pub text: String,
}

/// An utterance, `<u>`, as written.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Utterance {
    /// The `who` attribute exactly as written (`#StephenKinnock`), when there is one.
    pub who: Option<String>,
    /// The `ana` attribute (`#regular topic:inter`).
    pub ana: Option<String>,
    /// 1-based line of the `<u>` tag.
    pub line: usize,
    /// Its `xml:id`.
    pub id: Option<String>,
    pub paragraphs: Vec<String>,
}

/// What the body holds, in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Item {
    /// A `<div>` begins, with its `<head>`s (none for a division without a heading).
    Section(Vec<String>),
    /// A stage direction outside utterances, as `[text]`.
    Annotation(String),
    /// A `<note type="speaker">`: the label printed before a speech.
    SpeakerLabel(String),
    Utterance(Utterance),
}

/// A sitting as read, before names are resolved.
#[derive(Debug, Clone, Default)]
pub struct Sitting {
    /// The root's `xml:id` (`ParlaMint-GB_2017-09-07-commons`).
    pub id: Option<String>,
    /// The root's `xml:lang`.
    pub language: Option<String>,
    pub titles: Vec<Title>,
    pub meetings: Vec<Meeting>,
    /// ISO date of the sitting, from the setting or the source description.
    pub date: Option<String>,
    pub items: Vec<Item>,
    /// True when the words are `<w>` tokens (the `.ana.xml` variant).
    pub tokens: bool,
    pub warnings: Vec<Warning>,
}

impl Sitting {
    pub fn utterances(&self) -> impl Iterator<Item = &Utterance> {
        self.items.iter().filter_map(|i| match i {
            Item::Utterance(u) => Some(u),
            _ => None,
        })
    }
}

/// Text being gathered for a header field.
#[derive(Debug)]
enum Field {
    Title(Title),
    Meeting(Meeting),
}

/// An annotation element being read, with the depth of elements open inside it.
#[derive(Debug)]
struct Annotation {
    kind: String,
    fallback: String,
    depth: usize,
    text: String,
}

/// A `<seg>` (or loose text in a `<u>`) being read.
#[derive(Debug, Default)]
struct Paragraph {
    text: String,
    /// Inside `<w>`/`<pc>`: how deep.
    token_depth: usize,
    /// The last token asked for no space after it.
    join_right: bool,
}

#[derive(Debug, Default)]
struct State {
    path: Vec<String>,
    field: Option<Field>,
    head: Option<String>,
    annotation: Option<Annotation>,
    utterance: Option<Utterance>,
    paragraph: Option<Paragraph>,
    /// Annotations between `<seg>`s before the first paragraph of this utterance.
    lead: Vec<String>,
    /// Index in `items` of the section the current `<div>` opened, while heads may still join it.
    open_section: Option<usize>,
}

impl State {
    fn within(&self, name: &str) -> bool {
        self.path.iter().any(|p| p == name)
    }
}

/// Reads a sitting. Fails only when the text is not a ParlaMint sitting at all (another root,
/// or XML broken before anything was read); damage later is a warning and what came before it
/// is kept.
pub fn read(text: &str) -> Result<Sitting, ParseError> {
    let mut reader = Reader::from_str(text);
    reader.config_mut().check_end_names = false;
    let mut lines = Lines::new(text);
    let mut sitting = Sitting::default();
    let mut st = State::default();
    let mut root_seen = false;
    loop {
        let before = reader.buffer_position();
        let event = match reader.read_event() {
            Ok(e) => e,
            Err(e) => {
                let line = lines.line_at(reader.error_position());
                if !root_seen {
                    return Err(ParseError::at(line, format!("not well-formed XML: {e}")));
                }
                sitting.warnings.push(Warning {
                    line: Some(line),
                    message: format!("XML breaks here ({e}); the rest of the file is not read"),
                });
                break;
            }
        };
        match event {
            Event::Start(e) | Event::Empty(e) if !root_seen => {
                root_seen = true;
                let name = local(&e);
                match name.as_str() {
                    "TEI" => {}
                    "teiCorpus" => {
                        return Err(ParseError::at(
                            lines.line_at(before),
                            "a ParlaMint corpus root (teiCorpus), not a sitting; open its folder as a library",
                        ));
                    }
                    other => {
                        return Err(ParseError::at(
                            lines.line_at(before),
                            format!("root element <{other}>; expected a ParlaMint sitting <TEI>"),
                        ));
                    }
                }
                sitting.id = attr(&e, "id");
                sitting.language = attr(&e, "lang");
                st.path.push(name);
            }
            Event::Start(e) => {
                let line = lines.line_at(before);
                start(&mut st, &mut sitting, &e, line, false);
                st.path.push(local(&e));
            }
            Event::Empty(e) => {
                let line = lines.line_at(before);
                start(&mut st, &mut sitting, &e, line, true);
                end(&mut st, &mut sitting, &local(&e));
            }
            Event::End(e) => {
                let name = e.name();
                let name = local_end(name.as_ref()).to_string();
                // Tolerate stray end tags: close up to the matching open element, if any.
                if let Some(at) = st.path.iter().rposition(|p| *p == name) {
                    while st.path.len() > at + 1 {
                        let inner = st.path.pop().unwrap_or_default();
                        end(&mut st, &mut sitting, &inner);
                    }
                    st.path.pop();
                    end(&mut st, &mut sitting, &name);
                }
            }
            Event::Text(t) => text_event(&mut st, &t.xml10_content()),
            Event::CData(t) => text_event(&mut st, &t),
            Event::GeneralRef(r) => text_event(&mut st, &entity(&r)),
            Event::Eof => break,
            _ => {}
        }
    }
    if !root_seen {
        return Err(ParseError::at(
            1,
            "no XML elements; expected a ParlaMint sitting <TEI>",
        ));
    }
    // A file cut short: close what is open so the last utterance is kept.
    if let Some(open) = st.path.last()
        && !sitting
            .warnings
            .iter()
            .any(|w| w.message.starts_with("XML breaks"))
    {
        sitting.warnings.push(Warning {
            line: Some(lines.line_at(text.len() as u64)),
            message: format!("the file ends inside <{open}>, cut short; what came before is kept"),
        });
    }
    while let Some(name) = st.path.pop() {
        end(&mut st, &mut sitting, &name);
    }
    Ok(sitting)
}

fn start(st: &mut State, sitting: &mut Sitting, e: &BytesStart<'_>, line: usize, empty: bool) {
    let name = local(e);
    if let Some(a) = &mut st.annotation {
        a.depth += 1;
        return;
    }
    if ANNOTATIONS.contains(&name.as_str()) && st.within("text") {
        let kind = attr(e, "type").unwrap_or_default();
        let fallback = attr(e, "reason")
            .or_else(|| (!kind.is_empty()).then(|| kind.clone()))
            .unwrap_or_else(|| name.clone());
        st.annotation = Some(Annotation {
            kind: if name == "note" { kind } else { name },
            fallback,
            depth: 0,
            text: String::new(),
        });
        return;
    }
    if st.within("teiHeader") {
        header_start(st, sitting, e, &name);
        return;
    }
    match name.as_str() {
        // Every division is a section, titled by the heads that follow (none: untitled).
        "div" if st.utterance.is_none() => {
            st.open_section = Some(sitting.items.len());
            sitting.items.push(Item::Section(Vec::new()));
        }
        "head" if st.utterance.is_none() && st.within("body") => st.head = Some(String::new()),
        "u" => {
            flush_loose(st);
            st.open_section = None;
            st.utterance = Some(Utterance {
                who: attr(e, "who"),
                ana: attr(e, "ana"),
                line,
                id: attr(e, "id"),
                paragraphs: Vec::new(),
            });
            st.lead.clear();
        }
        "seg" if st.utterance.is_some() => {
            flush_loose(st);
            st.paragraph = Some(Paragraph::default());
        }
        "w" | "pc" => {
            sitting.tokens = true;
            if st.utterance.is_some() && st.paragraph.is_none() {
                st.paragraph = Some(Paragraph::default());
            }
            if let Some(p) = &mut st.paragraph {
                // A token inside a token (a contraction's parts) adds no space.
                if p.token_depth == 0 && !empty {
                    if !p.text.is_empty() && !p.join_right && !p.text.ends_with(' ') {
                        p.text.push(' ');
                    }
                    p.join_right = attr(e, "join").as_deref() == Some("right");
                }
                // Its end, even when empty, closes it again.
                p.token_depth += 1;
            }
        }
        _ => {}
    }
}

fn header_start(st: &mut State, sitting: &mut Sitting, e: &BytesStart<'_>, name: &str) {
    let in_title_stmt = st.path.last().is_some_and(|p| p == "titleStmt");
    match name {
        "title" if in_title_stmt => {
            st.field = Some(Field::Title(Title {
                kind: attr(e, "type").unwrap_or_default(),
                lang: attr(e, "lang"),
                text: String::new(),
            }));
        }
        "meeting" if in_title_stmt => {
            st.field = Some(Field::Meeting(Meeting {
                n: attr(e, "n"),
                corresp: attr(e, "corresp"),
                ana: attr(e, "ana"),
                text: String::new(),
            }));
        }
        "date" => {
            let when = attr(e, "when").filter(|w| w.len() >= 10);
            // The setting's date wins; the source's only stands in for a missing one.
            let setting = st.within("setting") && when.is_some();
            if setting || (st.within("sourceDesc") && sitting.date.is_none()) {
                sitting.date = when;
            }
        }
        _ => {}
    }
}

fn text_event(st: &mut State, text: &str) {
    if let Some(a) = &mut st.annotation {
        push_text(&mut a.text, text);
        return;
    }
    if let Some(field) = &mut st.field {
        match field {
            Field::Title(t) => push_text(&mut t.text, text),
            Field::Meeting(m) => push_text(&mut m.text, text),
        }
        return;
    }
    if let Some(h) = &mut st.head {
        push_text(h, text);
        return;
    }
    if st.utterance.is_none() {
        return;
    }
    match &mut st.paragraph {
        Some(p) if p.token_depth > 0 => p.text.push_str(text),
        // Between tokens, the file's indentation is not a space: tokens say how they join.
        Some(_) if st.path.iter().any(|e| e == "s") && text.trim().is_empty() => {}
        Some(p) => push_text(&mut p.text, text),
        None if text.trim().is_empty() => {}
        // Text straight inside <u> (no <seg>): a paragraph of its own.
        None => {
            let mut p = Paragraph::default();
            push_text(&mut p.text, text);
            st.paragraph = Some(p);
        }
    }
}

fn end(st: &mut State, sitting: &mut Sitting, name: &str) {
    if let Some(a) = &mut st.annotation {
        if a.depth > 0 {
            a.depth -= 1;
            return;
        }
        if let Some(a) = st.annotation.take() {
            annotation_end(st, sitting, a);
        }
        return;
    }
    match name {
        "title" | "meeting" => match st.field.take() {
            Some(Field::Title(mut t)) => {
                t.text = collapse(&t.text);
                sitting.titles.push(t);
            }
            Some(Field::Meeting(mut m)) => {
                m.text = collapse(&m.text);
                sitting.meetings.push(m);
            }
            None => {}
        },
        "head" => {
            if let Some(h) = st.head.take() {
                let h = collapse(&h);
                if h.is_empty() {
                    return;
                }
                match st.open_section.and_then(|i| sitting.items.get_mut(i)) {
                    Some(Item::Section(heads)) => heads.push(h),
                    _ => {
                        st.open_section = Some(sitting.items.len());
                        sitting.items.push(Item::Section(vec![h]));
                    }
                }
            }
        }
        "w" | "pc" => {
            if let Some(p) = &mut st.paragraph {
                p.token_depth = p.token_depth.saturating_sub(1);
            }
        }
        "seg" => flush_paragraph(st),
        "u" => {
            flush_loose(st);
            if let Some(mut u) = st.utterance.take() {
                // Annotations with no paragraph after them close the utterance.
                if !st.lead.is_empty() {
                    u.paragraphs.push(std::mem::take(&mut st.lead).join(" "));
                }
                sitting.items.push(Item::Utterance(u));
            }
        }
        _ => {}
    }
}

fn annotation_end(st: &mut State, sitting: &mut Sitting, a: Annotation) {
    let text = collapse(&a.text);
    if a.kind == "speaker" && st.utterance.is_none() {
        if !text.is_empty() {
            sitting.items.push(Item::SpeakerLabel(text));
        }
        return;
    }
    let shown = bracket(if text.is_empty() { &a.fallback } else { &text });
    if let Some(p) = &mut st.paragraph {
        // Inside a paragraph: inline, and what follows is still speech.
        if !p.text.is_empty() && !p.text.ends_with(' ') {
            p.text.push(' ');
        }
        p.text.push_str(&shown);
        p.text.push(' ');
        p.join_right = false;
    } else if let Some(u) = &mut st.utterance {
        // Between paragraphs: at the end of the one before, or before the next one.
        match u.paragraphs.last_mut() {
            Some(last) => {
                last.push(' ');
                last.push_str(&shown);
            }
            None => st.lead.push(shown),
        }
    } else {
        sitting.items.push(Item::Annotation(shown));
    }
}

/// Ends the paragraph being read, if any, into the current utterance.
fn flush_paragraph(st: &mut State) {
    let Some(p) = st.paragraph.take() else {
        return;
    };
    let text = collapse(&p.text);
    let Some(u) = &mut st.utterance else {
        return;
    };
    let mut para = std::mem::take(&mut st.lead).join(" ");
    if !text.is_empty() {
        if !para.is_empty() {
            para.push(' ');
        }
        para.push_str(&text);
    }
    if !para.is_empty() {
        u.paragraphs.push(para);
    }
}

/// Loose text straight inside a `<u>` ends where a `<seg>` or the `<u>` begins or ends.
fn flush_loose(st: &mut State) {
    if st.paragraph.is_some() && !st.within("seg") {
        flush_paragraph(st);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn body(inner: &str) -> String {
        format!(
            r##"<?xml version="1.0"?><TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="ParlaMint-XX_2020-01-01" xml:lang="sl"><teiHeader><fileDesc><titleStmt><title type="main" xml:lang="sl">Naslov</title><title type="main" xml:lang="en">Title</title><meeting n="8" corresp="#DZ" ana="#parla.lower #parla.term">8. mandat</meeting></titleStmt></fileDesc><profileDesc><settingDesc><setting><date when="2020-01-01"/></setting></settingDesc></profileDesc></teiHeader><text><body>{inner}</body></text></TEI>"##
        )
    }

    fn utterances(s: &Sitting) -> Vec<(Option<String>, Vec<String>)> {
        s.utterances()
            .map(|u| (u.who.clone(), u.paragraphs.clone()))
            .collect()
    }

    #[test]
    fn header_fields_are_read() {
        let s = read(&body("")).unwrap();
        assert_eq!(s.id.as_deref(), Some("ParlaMint-XX_2020-01-01"));
        assert_eq!(s.language.as_deref(), Some("sl"));
        assert_eq!(s.titles.len(), 2);
        assert_eq!(s.meetings[0].text, "8. mandat");
        assert_eq!(s.date.as_deref(), Some("2020-01-01"));
    }

    #[test]
    fn annotations_inside_and_between_segs() {
        let s = read(&body(
            r##"<div type="debateSection"><head>Točka</head><note>Začetek.</note>
            <u who="#A" ana="#chair"><seg>Hvala <vocal type="laughter"><desc>smeh</desc></vocal> lepa.</seg>
            <kinesic type="signal"><desc>znak</desc></kinesic>
            <seg>Naprej &amp; konec.</seg><note type="vote">Za [54].</note></u></div>"##,
        ))
        .unwrap();
        assert_eq!(s.items[0], Item::Section(vec!["Točka".into()]));
        assert_eq!(s.items.len(), 3, "a division, a note, an utterance");
        assert_eq!(s.items[1], Item::Annotation("[Začetek.]".into()));
        assert_eq!(
            utterances(&s),
            [(
                Some("#A".into()),
                vec![
                    "Hvala [smeh] lepa. [znak]".to_string(),
                    "Naprej & konec. [Za (54).]".to_string()
                ]
            )]
        );
    }

    #[test]
    fn tokens_join_as_they_say() {
        let s = read(&body(
            r##"<u who="#A"><seg><s><w>Hvala</w>
              <w join="right">lepa</w>
              <pc>.</pc>
              <name><w>Igor</w></name>
              <linkGrp><link ana="ud-syn:root" target="#a #b"/></linkGrp></s></seg></u>"##,
        ))
        .unwrap();
        assert!(s.tokens);
        assert_eq!(utterances(&s)[0].1, ["Hvala lepa. Igor"]);
    }

    #[test]
    fn a_corpus_root_is_not_a_sitting() {
        let err = read("<teiCorpus xmlns=\"http://www.tei-c.org/ns/1.0\"/>").unwrap_err();
        assert!(err.message.contains("corpus root"), "{}", err.message);
    }

    #[test]
    fn a_cut_file_keeps_what_came_before() {
        let full = body(r##"<u who="#A"><seg>One two.</seg></u><u who="#B"><seg>Three"##);
        let cut = &full[..full.find("Three").unwrap() + 5];
        let s = read(cut).unwrap();
        assert!(
            s.warnings[0].message.contains("ends inside <seg>"),
            "{:?}",
            s.warnings
        );
        assert_eq!(
            utterances(&s),
            [
                (Some("#A".into()), vec!["One two.".to_string()]),
                (Some("#B".into()), vec!["Three".to_string()])
            ]
        );
    }
}
