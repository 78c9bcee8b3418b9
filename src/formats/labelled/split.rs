//! Lines as a reader takes them when the file's own lines do not carry one thing each:
//! Europarl's tags running inline (`<CHAPTER ID=1> Resumption of the session <SPEAKER ID=1
//! NAME="President"> I declare…`), and an exporter's stamp opening every line (`0:00 ` before each
//! line of some Otter exports).

use crate::formats::pieces::Draft;
use crate::formats::timecode;

/// The file's lines, each with its 1-based source line; a line may come from part of one.
pub(super) type Lines = Vec<(usize, String)>;

/// Europarl tags after the start of a line.
pub(super) fn has_inline_tags(lines: &[&str]) -> bool {
    lines.iter().take(400).any(|l| {
        let t = l.trim();
        ["<SPEAKER ", "<CHAPTER ", "<P>"]
            .iter()
            .any(|tag| t.find(tag).is_some_and(|at| at > 0))
    })
}

/// Each `<SPEAKER …>` and `<CHAPTER …>` tag on a line of its own, what follows it on the next;
/// `<P>` a paragraph break.
pub(super) fn europarl_lines(lines: &[&str]) -> Lines {
    let mut out = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let n = i + 1;
        let mut rest = line.trim();
        while !rest.is_empty() {
            let next = ["<SPEAKER ", "<CHAPTER ", "<P>"]
                .iter()
                .filter_map(|tag| rest.find(tag))
                .min();
            match next {
                Some(0) => {
                    let end = if rest.starts_with("<P>") {
                        3
                    } else {
                        rest.find('>').map_or(rest.len(), |e| e + 1)
                    };
                    let tag = &rest[..end];
                    out.push((
                        n,
                        if tag == "<P>" {
                            String::new()
                        } else {
                            tag.to_string()
                        },
                    ));
                    rest = rest[end..].trim_start();
                }
                Some(at) => {
                    out.push((n, rest[..at].trim().to_string()));
                    rest = &rest[at..];
                }
                None => {
                    out.push((n, rest.to_string()));
                    rest = "";
                }
            }
        }
        if line.trim().is_empty() {
            out.push((n, String::new()));
        }
    }
    out
}

/// The stamp that opens nearly every non-blank line (`0:00 `), when there is one: a time, the
/// same on at least nine lines in ten, and at least four lines.
pub(super) fn common_stamp(lines: &[&str]) -> Option<String> {
    let mut seen = 0usize;
    let mut stamped = 0usize;
    let mut stamp: Option<&str> = None;
    for l in lines.iter().map(|l| l.trim()).filter(|l| !l.is_empty()) {
        // Past a tenth of all lines unstamped, nine in ten cannot be: a long file of other
        // lines is not read to its end.
        if (seen - stamped) * 10 > lines.len() {
            return None;
        }
        seen += 1;
        let first = l.split_whitespace().next()?;
        if timecode::parse(first).is_none() || first.len() == l.len() {
            continue;
        }
        match stamp {
            None => {
                stamp = Some(first);
                stamped += 1;
            }
            Some(s) if s == first => stamped += 1,
            Some(_) => {}
        }
    }
    let stamp = stamp?;
    (seen >= 4 && stamped * 10 >= seen * 9).then(|| format!("{stamp} "))
}

/// The lines without the stamp, saying so once.
pub(super) fn without_stamp(lines: &[&str], stamp: &str, draft: &mut Draft) -> Lines {
    let line = lines
        .iter()
        .position(|l| !l.trim().is_empty())
        .map(|i| i + 1);
    draft.warn(
        line,
        format!(
            "every line opens with `{}`, the same time: removed as the exporter's stamp, not speech",
            stamp.trim()
        ),
    );
    lines
        .iter()
        .enumerate()
        .map(|(i, l)| {
            let t = l.trim();
            (i + 1, t.strip_prefix(stamp).unwrap_or(t).to_string())
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inline_europarl_tags_get_lines_of_their_own() {
        let lines = [
            r#"<CHAPTER ID=1> Opening <SPEAKER ID=1 NAME="President"> Welcome.<P>Sit down.<SPEAKER ID=2 NAME="Lynne">Thanks."#,
        ];
        assert!(has_inline_tags(&lines));
        let got: Vec<String> = europarl_lines(&lines).into_iter().map(|(_, l)| l).collect();
        assert_eq!(
            got,
            [
                "<CHAPTER ID=1>",
                "Opening",
                r#"<SPEAKER ID=1 NAME="President">"#,
                "Welcome.",
                "",
                "Sit down.",
                r#"<SPEAKER ID=2 NAME="Lynne">"#,
                "Thanks."
            ]
        );
    }

    #[test]
    fn a_stamp_on_every_line_is_found_and_a_real_time_is_not() {
        let lines = [
            "0:00 Ann  00:00",
            "",
            "0:00 Hello.",
            "0:00 Bo  00:04",
            "0:00 Hi.",
        ];
        assert_eq!(common_stamp(&lines).as_deref(), Some("0:00 "));
        let otter = [
            "Ann  0:00",
            "Hello.",
            "Bo  0:04",
            "Hi.",
            "Ann  0:09",
            "Bye.",
        ];
        assert_eq!(common_stamp(&otter), None);
    }

    #[test]
    fn nine_in_ten_is_the_line_wherever_the_unstamped_lines_are() {
        let file = |unstamped: usize, first: bool| {
            let mut lines = vec!["Speech without a stamp."; unstamped];
            let stamped = vec!["0:00 Ann: Hello."; 100 - unstamped];
            if first {
                lines.extend(stamped);
            } else {
                lines.splice(0..0, stamped);
            }
            common_stamp(&lines)
        };
        for first in [true, false] {
            assert_eq!(file(10, first).as_deref(), Some("0:00 "), "first {first}");
            assert_eq!(file(11, first), None, "first {first}");
        }
    }
}
