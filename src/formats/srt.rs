//! SubRip (SRT): numbered (or unnumbered) cues of a timing line `00:00:01,000 --> 00:00:04,000`
//! and text lines. A malformed timestamp (`00:00:0,000`) is read with a warning; cues that
//! overlap, contain each other or come out of order are ordered by start; `Name:` prefixes and
//! `- ` dialogue dashes name or change the speaker.

use std::borrow::Cow;

use crate::formats::ParseError;
use crate::formats::captions::{self, strip_markup};
use crate::formats::evidence;
use crate::formats::pieces::{Draft, Piece, Who};
use crate::formats::timecode;
use crate::formats::vtt::timing;

/// The first text line is a cue number over a timing line, or a timing line.
pub fn looks_like(lines: &[&str]) -> bool {
    let mut text = lines.iter().map(|l| l.trim()).filter(|l| !l.is_empty());
    match (text.next(), text.next()) {
        (Some(a), _) if a.contains("-->") => timing(a).is_some_and(|(s, _)| s.is_some()),
        (Some(a), Some(b)) => a.chars().all(|c| c.is_ascii_digit()) && b.contains("-->"),
        _ => false,
    }
}

struct Cue<'a> {
    line: usize,
    start: Option<f64>,
    end: Option<f64>,
    /// The cue's lines as the file has them (trimmed), not copies.
    text: Vec<&'a str>,
}

/// A cue's text line: (line, text, opens its cue, start, end).
type CueText<'a> = (usize, Cow<'a, str>, bool, Option<f64>, Option<f64>);

pub fn parse<'a>(lines: &[&'a str]) -> Result<Draft, ParseError> {
    let mut draft = Draft::default();
    let mut cues: Vec<Cue<'a>> = Vec::new();
    let mut i = 0;
    let starts_cue = |i: usize| -> bool {
        let l = lines[i].trim();
        l.contains("-->")
            || (l.chars().all(|c| c.is_ascii_digit())
                && !l.is_empty()
                && lines.get(i + 1).is_some_and(|n| n.contains("-->")))
    };
    while i < lines.len() {
        let line = lines[i].trim();
        if line.is_empty() {
            i += 1;
            continue;
        }
        if !line.contains("-->") {
            if !starts_cue(i) {
                // Real files put blank lines inside a cue's text: it goes on with that cue.
                match cues.last_mut() {
                    Some(cue) => {
                        draft.warn_few(
                            "lines of text after a blank line inside a cue, kept with their cues",
                            Some(i + 1),
                            || {
                                format!(
                                    "text after a blank line inside a cue; kept with the cue at line {}",
                                    cue.line
                                )
                            },
                        );
                        cue.text.push(line);
                    }
                    None => {
                        draft.warn(
                            Some(i + 1),
                            format!("text before the first cue, set aside as a note: {line}"),
                        );
                        draft.notes.push(line.to_string());
                    }
                }
            }
            i += 1;
            continue;
        }
        // Each stamp read once (as `vtt::timing` reads them), then judged.
        let (a, b) = line.split_once("-->").unwrap_or((line, ""));
        let (a, b) = (a.trim(), b.split_whitespace().next().unwrap_or_default());
        let (start, end) = (timecode::parse(a), timecode::parse(b));
        for (stamp, read) in [(a, start), (b, end)] {
            let line = Some(i + 1);
            match read {
                None => {
                    let what = "unreadable timestamps; cues kept without a time";
                    draft.warn_few(what, line, || {
                        format!(
                            "unreadable timestamp {stamp:?}; expected HH:MM:SS,mmm; cue kept without a time"
                        )
                    });
                }
                Some(t) if !timecode::is_canonical_srt(stamp) => {
                    draft.warn_few("malformed timestamps read as times", line, || {
                        format!(
                            "malformed timestamp {stamp:?} read as {t:.3} s; expected HH:MM:SS,mmm"
                        )
                    });
                }
                Some(_) => {}
            }
        }
        let mut cue = Cue {
            line: i + 1,
            start,
            end,
            text: Vec::new(),
        };
        i += 1;
        while i < lines.len() && !lines[i].trim().is_empty() && !starts_cue(i) {
            cue.text.push(lines[i].trim());
            i += 1;
        }
        if cue.text.is_empty() {
            draft.warn_few("cues without text", Some(cue.line), || {
                "cue without text".to_string()
            });
        }
        cues.push(cue);
    }
    if cues.is_empty() {
        return Err(ParseError::at(
            1,
            "no cues; expected a timing line such as `00:00:01,000 --> 00:00:04,000`",
        ));
    }
    // Out-of-order cues go where their start puts them; untimed ones stay after their neighbour.
    let mut last = 0.0;
    let mut keyed: Vec<(f64, Cue<'a>)> = cues
        .into_iter()
        .map(|c| {
            last = c.start.unwrap_or(last);
            (last, c)
        })
        .collect();
    keyed.sort_by(|a, b| a.0.total_cmp(&b.0));
    let cue_count = keyed.len();
    // The cues' text lines without markup; a line without markup is the file's own, not a copy.
    let mut texts: Vec<CueText<'a>> = Vec::new();
    for (_, cue) in keyed {
        for (k, line) in cue.text.into_iter().enumerate() {
            let (_, text) = strip_markup(line);
            texts.push((cue.line + 1 + k, text, k == 0, cue.start, cue.end));
        }
    }
    let candidates = captions::candidates(texts.iter().map(|(l, t, o, _, _)| (*l, t.as_ref(), *o)));
    let judgement = evidence::judge(&candidates, cue_count, "cue");
    draft.warnings.extend(judgement.warnings.iter().cloned());
    if judgement.share > 0.0 {
        draft.layout = Some(format!(
            "`Name:` prefixes on {:.0}% of cues",
            judgement.share * 100.0
        ));
    }
    let labelled = judgement.share >= 0.5;
    let mut named_before = false;
    let mut shapes = crate::formats::evidence::Shapes::default();
    for (line, text, opens, start, end) in texts {
        let (who, said) =
            captions::speaker_mark_judged(&text, &|n| judgement.how(n).is_some(), &mut shapes);
        let how = match &who {
            Who::Named(n) => judgement.how(n).unwrap_or("dialogue dash or `>>` mark"),
            _ => "",
        };
        if who == Who::Same && opens && named_before && labelled {
            draft.tally(
                "cues without a speaker label inherit the previous speaker",
                Some(line),
            );
        }
        named_before |= matches!(who, Who::Named(_));
        draft.pieces.push(
            Piece::new(who, said)
                .timed(start, end)
                .at_line(line)
                .because(how),
        );
    }
    Ok(draft)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::formats::pieces::{Who, build};
    use crate::formats::test_strs as lines;

    #[test]
    fn numbered_unnumbered_and_dot_milliseconds() {
        let d = parse(&lines(
            "1\n00:00:01,000 --> 00:00:02,500\nJane: Hello\nthere.\n\n00:00:03.000 --> 00:00:04.000\n<i>Welcome.</i>\n",
        ))
        .expect("srt");
        assert_eq!(d.pieces.len(), 3);
        assert_eq!(d.pieces[0].who, Who::Named("Jane".into()));
        assert_eq!(d.pieces[2].start, Some(3.0));
        assert_eq!(
            d.warnings.len(),
            2,
            "dot milliseconds are not canonical SRT"
        );
    }

    #[test]
    fn malformed_timestamp_warns_and_out_of_order_cues_sort() {
        let d = parse(&lines(
            "2\n00:00:05,000 --> 00:00:06,000\nLater.\n\n1\n00:00:0,000 --> 00:00:01,000\nFirst.\n",
        ))
        .expect("srt");
        assert_eq!(d.pieces[0].text, "First.");
        assert!(
            d.warnings
                .iter()
                .any(|w| w.line == Some(6) && w.message.contains("00:00:0,000"))
        );
    }

    #[test]
    fn a_file_of_odd_stamps_names_the_first_few_and_counts_the_rest() {
        let text: String = (0..50)
            .map(|i| {
                format!(
                    "{}\n00:00:{i:02}.000 --> 00:00:{i:02}.500\nCue {i}.\n\n",
                    i + 1
                )
            })
            .collect();
        let s = build(parse(&lines(&text)).expect("srt"), "srt");
        let named: Vec<_> = s
            .warnings
            .iter()
            .filter(|w| w.message.starts_with("malformed timestamp"))
            .collect();
        assert_eq!(
            named.len(),
            crate::formats::pieces::NAMED_ONE_BY_ONE,
            "{:?}",
            s.warnings
        );
        assert_eq!(named[0].line, Some(2));
        assert!(
            s.warnings.iter().any(|w| w.line == Some(10)
                && w.message == "95 more malformed timestamps read as times; first at line 10"),
            "{:?}",
            s.warnings
        );
        assert_eq!(
            s.warnings.len(),
            crate::formats::pieces::NAMED_ONE_BY_ONE + 1
        );
    }

    #[test]
    fn dialogue_dashes_change_speaker_and_missing_blank_lines() {
        let d = parse(&lines(
            "1\n00:00:01,000 --> 00:00:02,000\n- Are you there?\n- Yes.\n2\n00:00:02,000 --> 00:00:03,000\n- I am.",
        ))
        .expect("srt");
        let s = build(d, "srt");
        assert_eq!(s.turns.len(), 3);
        assert_eq!(s.turns[1].paragraphs, ["Yes."]);
    }

    #[test]
    fn text_after_a_blank_line_inside_a_cue_stays_with_the_cue() {
        // As in a real interview export: a host's answer in two paragraphs of one cue.
        let d = parse(&lines(
            "4\n18:17:38,761 --> 18:18:06,834\nHost: There are several challenges.\n\nSecondly, web3 is young.\n\n5\n18:18:07,000 --> 18:18:09,000\nGuest: I see.\n",
        ))
        .expect("srt");
        let s = build(d, "srt");
        assert_eq!(s.turns.len(), 2);
        assert_eq!(
            s.turns[0].text(),
            "There are several challenges. Secondly, web3 is young."
        );
        assert!(
            s.warnings
                .iter()
                .any(|w| w.line == Some(5) && w.message.contains("kept with the cue at line 2"))
        );
    }
}
