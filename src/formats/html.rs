//! HTML transcripts, as saved from a web page: the text of the body (headings, paragraphs, bold
//! `Name:` labels) read as speaker-labelled text, or a table of rows holding a time and the
//! words (and a speaker) read as timed pieces. Scripts, styles and the head are skipped.

use crate::formats::ParseError;
use crate::formats::labelled;
use crate::formats::pieces::{Draft, Piece, Who};
use crate::formats::speakers::is_name_like;
use crate::formats::timecode;

/// An HTML document: a doctype, an `<html>` element, or markup with a `<body>`.
pub fn looks_like(joined: &str) -> bool {
    let head: String = joined
        .trim_start()
        .chars()
        .take(2048)
        .collect::<String>()
        .to_lowercase();
    head.starts_with("<!doctype html")
        || head.starts_with("<html")
        || (head.starts_with('<') && (head.contains("<body") || head.contains("<table")))
}

/// What the page holds: its lines of text with their source lines, its table rows, its title.
#[derive(Debug, Default)]
struct Page {
    lines: Vec<(usize, String)>,
    rows: Vec<(usize, Vec<String>)>,
    title: Option<String>,
}

const SKIP: &[&str] = &[
    "script", "style", "head", "noscript", "template", "svg", "nav",
];
const BLOCK: &[&str] = &[
    "p",
    "div",
    "br",
    "li",
    "ul",
    "ol",
    "table",
    "section",
    "article",
    "blockquote",
    "dt",
    "dd",
    "header",
    "footer",
    "main",
    "pre",
    "hr",
    "body",
    "dl",
    "figure",
    "figcaption",
    "aside",
];

fn decode(text: &str) -> String {
    if !text.contains('&') {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let tail = &rest[amp..];
        let Some(semi) = tail.find(';').filter(|&s| s <= 10) else {
            out.push('&');
            rest = &tail[1..];
            continue;
        };
        let entity = &tail[1..semi];
        let decoded = match entity {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            "nbsp" => Some(' '),
            "rsquo" => Some('’'),
            "lsquo" => Some('‘'),
            "ldquo" => Some('“'),
            "rdquo" => Some('”'),
            "mdash" => Some('—'),
            "ndash" => Some('–'),
            "hellip" => Some('…'),
            _ => entity
                .strip_prefix("#x")
                .or_else(|| entity.strip_prefix("#X"))
                .and_then(|h| u32::from_str_radix(h, 16).ok())
                .or_else(|| entity.strip_prefix('#').and_then(|d| d.parse().ok()))
                .and_then(char::from_u32),
        };
        match decoded {
            Some(c) => {
                out.push(c);
                rest = &tail[semi + 1..];
            }
            None => {
                out.push('&');
                rest = &tail[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn extract(html: &str) -> Page {
    let mut page = Page::default();
    let mut line_no = 1usize;
    let mut current = String::new();
    let mut current_line = 1usize;
    let mut skip: Option<String> = None;
    let mut row: Option<(usize, Vec<String>)> = None;
    let mut cell: Option<String> = None;
    let mut in_title = false;
    let mut title = String::new();
    let flush = |page: &mut Page, current: &mut String, at: usize, blank: bool| {
        let text = decode(&current.split_whitespace().collect::<Vec<_>>().join(" "));
        if !text.is_empty() {
            page.lines.push((at, text));
        }
        if blank && page.lines.last().is_some_and(|(_, l)| !l.is_empty()) {
            page.lines.push((at, String::new()));
        }
        current.clear();
    };
    let mut rest = html;
    while !rest.is_empty() {
        let Some(open) = rest.find('<') else {
            break;
        };
        let text = &rest[..open];
        if skip.is_none() {
            let sink = match (&mut cell, in_title) {
                (_, true) => &mut title,
                (Some(c), _) => c,
                (None, _) => {
                    // White space before any text is dropped (lines are joined on white space
                    // alone), so the text so far is never long blank: a table's white space
                    // between cells would otherwise be scanned again on every cell.
                    if current.trim_start().is_empty() {
                        current.clear();
                        let lead = text.len() - text.trim_start().len();
                        current_line = line_no + text[..lead].matches('\n').count();
                    }
                    &mut current
                }
            };
            sink.push_str(text);
        }
        line_no += text.matches('\n').count();
        rest = &rest[open..];
        let Some(close) = rest.find('>') else {
            break;
        };
        let tag = &rest[1..close];
        line_no += tag.matches('\n').count();
        rest = &rest[close + 1..];
        if tag.starts_with('!') || tag.starts_with('?') {
            continue;
        }
        let closing = tag.starts_with('/');
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(char::is_ascii_alphanumeric)
            .collect::<String>()
            .to_lowercase();
        if let Some(s) = &skip {
            if closing && *s == name {
                skip = None;
            }
            continue;
        }
        if SKIP.contains(&name.as_str()) && !closing && !tag.ends_with('/') {
            if name == "head" {
                // The head holds the title; keep reading it for that alone.
                continue;
            }
            skip = Some(name);
            continue;
        }
        match (name.as_str(), closing) {
            ("title", false) => in_title = true,
            ("title", true) => in_title = false,
            ("tr", false) => row = Some((line_no, Vec::new())),
            ("tr", true) | ("table", true) => {
                if let Some((at, cells)) = row.take()
                    && !cells.is_empty()
                {
                    page.rows.push((at, cells));
                }
            }
            ("td" | "th", false) => cell = Some(String::new()),
            ("td" | "th", true) => {
                if let (Some(c), Some((_, cells))) = (cell.take(), row.as_mut()) {
                    cells.push(decode(&c.split_whitespace().collect::<Vec<_>>().join(" ")));
                }
            }
            ("b" | "strong", _) if cell.is_none() => current.push_str("**"),
            (h, false) if h.len() == 2 && h.starts_with('h') && h[1..].parse::<usize>().is_ok() => {
                flush(&mut page, &mut current, current_line, true);
                current_line = line_no;
                current.push_str(&"#".repeat(h[1..].parse().unwrap_or(1)));
                current.push(' ');
            }
            (h, true) if h.len() == 2 && h.starts_with('h') && h[1..].parse::<usize>().is_ok() => {
                flush(&mut page, &mut current, current_line, true);
            }
            (b, _) if BLOCK.contains(&b) => {
                let blank = b != "br";
                flush(&mut page, &mut current, current_line, blank);
            }
            _ => {}
        }
    }
    flush(&mut page, &mut current, current_line, false);
    let title = decode(&title.split_whitespace().collect::<Vec<_>>().join(" "));
    page.title = (!title.is_empty()).then_some(title);
    // Bold markers left alone around nothing (`****`) are no text.
    for (_, l) in &mut page.lines {
        *l = l.replace("****", "").replace("** **", " ");
    }
    page
}

/// Rows holding a time and words: (line, time, speaker, words).
fn timed_rows(rows: &[(usize, Vec<String>)]) -> Vec<(usize, f64, Option<String>, String)> {
    rows.iter()
        .filter_map(|(line, cells)| {
            let (ti, time) = cells.iter().enumerate().find_map(|(i, c)| {
                let c = c.trim().trim_start_matches('[').trim_end_matches(']');
                timecode::parse(c).map(|t| (i, t))
            })?;
            let others: Vec<(usize, &String)> = cells
                .iter()
                .enumerate()
                .filter(|(i, c)| *i != ti && !c.trim().is_empty())
                .collect();
            let (wi, words) = others.iter().max_by_key(|(_, c)| c.len())?;
            let speaker = others
                .iter()
                .find(|(i, c)| i != wi && c.split_whitespace().count() <= 5 && is_name_like(c))
                .map(|(_, c)| c.trim_end_matches(':').trim().to_string());
            Some((*line, time, speaker, (*words).clone()))
        })
        .collect()
}

pub fn parse(joined: &str) -> Result<Draft, ParseError> {
    let page = extract(joined);
    let rows = timed_rows(&page.rows);
    let mut draft = if rows.len() >= 2 {
        let mut d = Draft::default();
        d.layout = Some(format!("HTML table: {} rows of time and words", rows.len()));
        let skipped = page.rows.len() - rows.len();
        if skipped > 0 {
            d.warn(
                page.rows.first().map(|(l, _)| *l),
                format!("{skipped} table rows without a time (headers) left out"),
            );
        }
        for (line, time, speaker, words) in rows {
            let who = speaker.map_or(Who::Same, Who::Named);
            d.pieces.push(
                Piece::new(who, words)
                    .timed(Some(time), None)
                    .at_line(line)
                    .because("HTML table speaker column"),
            );
        }
        let outside: Vec<String> = page
            .lines
            .iter()
            .map(|(_, l)| l.clone())
            .filter(|l| !l.is_empty())
            .collect();
        d.notes = outside;
        d
    } else {
        let mut d = labelled::read_source(&page.lines)?;
        d.layout = Some(format!(
            "HTML page text: {}",
            d.layout.take().unwrap_or_default()
        ));
        d
    };
    if draft.title.is_none() {
        draft.title = page.title;
    }
    Ok(draft)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn body_text_and_tables() {
        let page = "<!DOCTYPE html>\n<html><head><title>Hearing</title><style>p{}</style></head>\n<body><h1>Hearing</h1>\n<p><strong>Jane Roe:</strong> Good morning &amp; welcome.</p>\n<p><b>John Doe:</b> Thank you.</p>\n<script>var x = '<p>no</p>';</script></body></html>";
        assert!(looks_like(page));
        let d = parse(page).expect("parses");
        let named: Vec<&Who> = d.pieces.iter().map(|p| &p.who).collect();
        assert_eq!(
            named,
            [
                &Who::Named("Jane Roe".into()),
                &Who::Named("John Doe".into())
            ]
        );
        assert_eq!(d.pieces[0].text, "Good morning & welcome.");
        assert_eq!(d.pieces[1].line, Some(5));
        let table = "<html><body><table><tr><th>Time</th><th>Text</th></tr>\n<tr><td>00:00:01</td><td>Hello there.</td></tr>\n<tr><td>00:00:04</td><td>Second line.</td></tr></table></body></html>";
        let d = parse(table).expect("table");
        assert_eq!(d.pieces.len(), 2);
        assert_eq!(d.pieces[1].start, Some(4.0));
    }
}
