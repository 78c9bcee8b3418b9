//! Turns a file's bytes into lines of text the way real transcript files need: a BOM is dropped,
//! CRLF and lone CR line ends are accepted, UTF-16 (with its BOM) is decoded, and a line that is
//! not valid UTF-8 is read as Windows-1252 with a warning rather than refusing the file.

use crate::session::Warning;

/// A source file as numbered lines of text.
#[derive(Debug, Clone)]
pub struct Text {
    /// The lines without their line ends; `lines[0]` is line 1.
    pub lines: Vec<String>,
    pub warnings: Vec<Warning>,
}

/// Why bytes could not be read as text at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BinaryData {
    /// 1-based line of the first NUL byte.
    pub line: usize,
}

/// Decodes `bytes` into lines. Fails only on binary data (a NUL byte outside UTF-16).
pub fn decode(bytes: &[u8]) -> Result<Text, BinaryData> {
    if let Some((encoding, bom_len)) = encoding_rs::Encoding::for_bom(bytes)
        && encoding != encoding_rs::UTF_8
    {
        let (text, _) = encoding.decode_without_bom_handling(&bytes[bom_len..]);
        return Ok(split_text(&text, Vec::new()));
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if let Some(pos) = memchr_nul(bytes) {
        let line = 1 + bytes[..pos].iter().filter(|&&b| b == b'\n').count();
        return Err(BinaryData { line });
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(split_text(text, Vec::new())),
        Err(_) => Ok(decode_line_by_line(bytes)),
    }
}

fn memchr_nul(bytes: &[u8]) -> Option<usize> {
    memchr::memchr(0, bytes)
}

/// The 1-based line of the first NUL byte of `bytes`, when they are binary data rather than
/// text (UTF-16 with its BOM is text). Works on a file's first block alone.
pub fn binary_line(bytes: &[u8]) -> Option<usize> {
    if let Some((encoding, _)) = encoding_rs::Encoding::for_bom(bytes)
        && encoding != encoding_rs::UTF_8
    {
        return None;
    }
    let pos = memchr_nul(bytes)?;
    Some(1 + memchr::memchr_iter(b'\n', &bytes[..pos]).count())
}

fn split_text(text: &str, warnings: Vec<Warning>) -> Text {
    let lines = split_lines(text).map(str::to_string).collect();
    Text { lines, warnings }
}

/// Splits on `\n`, `\r\n` or a lone `\r`; a final line end does not start an empty line.
fn split_lines(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = text;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let end = rest.find(['\n', '\r']).unwrap_or(rest.len());
        let line = &rest[..end];
        let skip = match rest.as_bytes().get(end) {
            Some(b'\r') if rest.as_bytes().get(end + 1) == Some(&b'\n') => 2,
            Some(_) => 1,
            None => 0,
        };
        rest = &rest[end + skip..];
        Some(line)
    })
}

/// Most lines are UTF-8; the few that are not (a stray Latin-1 byte from a caption tool) are
/// read as Windows-1252, a superset of Latin-1's printable range, and named in a warning.
fn decode_line_by_line(bytes: &[u8]) -> Text {
    let mut lines = Vec::new();
    let mut warnings = Vec::new();
    for (i, raw) in bytes.split(|&b| b == b'\n').enumerate() {
        let raw = raw.strip_suffix(b"\r").unwrap_or(raw);
        let text = match std::str::from_utf8(raw) {
            Ok(s) => s.to_string(),
            Err(_) => {
                let (text, _, _) = encoding_rs::WINDOWS_1252.decode(raw);
                warnings.push(Warning {
                    line: Some(i + 1),
                    message: "not valid UTF-8; read as Windows-1252 (Latin-1)".to_string(),
                });
                text.into_owned()
            }
        };
        lines.push(text);
    }
    if bytes.ends_with(b"\n") {
        lines.pop();
    }
    Text { lines, warnings }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_bom_and_crlf_and_keeps_last_line_without_newline() {
        let text = decode(b"\xEF\xBB\xBFTitle\r\n\r\nBody").expect("text");
        assert_eq!(text.lines, ["Title", "", "Body"]);
        assert!(text.warnings.is_empty());
    }

    #[test]
    fn lone_cr_ends_lines() {
        assert_eq!(decode(b"a\rb\r").expect("text").lines, ["a", "b"]);
    }

    #[test]
    fn latin1_byte_is_read_and_named() {
        let text = decode(b"ok\nnon\xA0breaking caf\xE9\nok\n").expect("text");
        assert_eq!(text.lines[1], "non\u{a0}breaking café");
        assert_eq!(text.lines.len(), 3);
        assert_eq!(text.warnings.len(), 1);
        assert_eq!(text.warnings[0].line, Some(2));
    }

    #[test]
    fn nul_byte_is_binary_with_its_line() {
        assert_eq!(decode(b"a\nb\0").unwrap_err(), BinaryData { line: 2 });
    }

    #[test]
    fn utf16_with_bom_is_decoded() {
        let mut bytes = vec![0xFF, 0xFE];
        for unit in "Hi\nthere".encode_utf16() {
            bytes.extend(unit.to_le_bytes());
        }
        assert_eq!(decode(&bytes).expect("text").lines, ["Hi", "there"]);
    }
}
