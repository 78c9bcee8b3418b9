//! Turns a file's bytes into lines of text the way real transcript files need: a BOM is dropped,
//! CRLF and lone CR line ends are accepted, UTF-16 (with its BOM) is decoded, and a line that is
//! not valid UTF-8 is read as Windows-1252 with a warning rather than refusing the file.

use std::borrow::Cow;

use rayon::prelude::*;

use crate::session::Warning;

/// A source file as text, split into numbered lines on demand. The text is borrowed from the
/// bytes when they are UTF-8 already (the common case), so decoding a file copies nothing.
#[derive(Debug, Clone)]
pub struct Text<'a> {
    text: Cow<'a, str>,
    /// How `text` splits into lines: on `\n`, `\r\n` or a lone `\r` (a final line end starting
    /// no empty line), or — a text without `\r` less its final line end, or one re-assembled
    /// line by line — on `\n` alone.
    newline_only: bool,
    pub warnings: Vec<Warning>,
}

impl Text<'_> {
    /// The lines without their line ends; `lines()[0]` is line 1.
    pub fn lines(&self) -> Vec<&str> {
        if self.newline_only {
            // A long text is split in parallel.
            if self.text.len() >= BLOCK {
                self.text.par_split('\n').collect()
            } else {
                self.text.split('\n').collect()
            }
        } else {
            split_lines(&self.text).collect()
        }
    }

    /// The lines joined with `\n`: the text itself (borrowed) unless it has `\r` line ends.
    pub fn joined(&self) -> Cow<'_, str> {
        let text: &str = &self.text;
        if self.newline_only {
            return Cow::Borrowed(text);
        }
        if memchr::memchr(b'\r', text.as_bytes()).is_some() {
            return Cow::Owned(self.lines().join("\n"));
        }
        Cow::Borrowed(text.strip_suffix('\n').unwrap_or(text))
    }
}

/// Why bytes could not be read as text at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BinaryData {
    /// 1-based line of the first NUL byte.
    pub line: usize,
}

/// Decodes `bytes` into text. Fails only on binary data (a NUL byte outside UTF-16).
pub fn decode(bytes: &[u8]) -> Result<Text<'_>, BinaryData> {
    if let Some((encoding, bom_len)) = encoding_rs::Encoding::for_bom(bytes)
        && encoding != encoding_rs::UTF_8
    {
        let (text, _) = encoding.decode_without_bom_handling(&bytes[bom_len..]);
        return Ok(Text {
            text: Cow::Owned(text.into_owned()),
            newline_only: false,
            warnings: Vec::new(),
        });
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if let Some(pos) = memchr_nul(bytes) {
        let line = 1 + memchr::memchr_iter(b'\n', &bytes[..pos]).count();
        return Err(BinaryData { line });
    }
    match std::str::from_utf8(bytes) {
        // Without a `\r`, lines end at `\n` alone: the text less its final line end splits
        // the same way, and is the joined text as it stands.
        Ok(text) if !text.is_empty() && scan(bytes, |b| memchr::memchr(b'\r', b)).is_none() => {
            Ok(Text {
                text: Cow::Borrowed(text.strip_suffix('\n').unwrap_or(text)),
                newline_only: true,
                warnings: Vec::new(),
            })
        }
        Ok(text) => Ok(Text {
            text: Cow::Borrowed(text),
            newline_only: false,
            warnings: Vec::new(),
        }),
        Err(_) => Ok(decode_line_by_line(bytes)),
    }
}

/// Texts at least this long are scanned and split in parallel, in blocks of this size.
const BLOCK: usize = 1 << 22;

/// Where `find` first finds something in `bytes`, looked for block by block, in parallel when
/// long.
fn scan(bytes: &[u8], find: impl Fn(&[u8]) -> Option<usize> + Sync) -> Option<usize> {
    if bytes.len() < BLOCK {
        return find(bytes);
    }
    bytes
        .par_chunks(BLOCK)
        .enumerate()
        .find_map_first(|(i, block)| find(block).map(|at| i * BLOCK + at))
}

fn memchr_nul(bytes: &[u8]) -> Option<usize> {
    scan(bytes, |b| memchr::memchr(0, b))
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

/// Splits on `\n`, `\r\n` or a lone `\r`; a final line end does not start an empty line.
fn split_lines(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = text;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let bytes = rest.as_bytes();
        let end = memchr::memchr2(b'\n', b'\r', bytes).unwrap_or(rest.len());
        let line = &rest[..end];
        let skip = match bytes.get(end) {
            Some(b'\r') if bytes.get(end + 1) == Some(&b'\n') => 2,
            Some(_) => 1,
            None => 0,
        };
        rest = &rest[end + skip..];
        Some(line)
    })
}

/// Most lines are UTF-8; the few that are not (a stray Latin-1 byte from a caption tool) are
/// read as Windows-1252, a superset of Latin-1's printable range, and named in a warning.
/// Lines end at `\n` alone here (a `\r` before it is dropped); the text is re-assembled with
/// `\n` between lines.
fn decode_line_by_line(bytes: &[u8]) -> Text<'static> {
    let mut text = String::with_capacity(bytes.len() + bytes.len() / 8);
    let mut warnings = Vec::new();
    let body = bytes.strip_suffix(b"\n").unwrap_or(bytes);
    for (i, raw) in body.split(|&b| b == b'\n').enumerate() {
        if i > 0 {
            text.push('\n');
        }
        let raw = raw.strip_suffix(b"\r").unwrap_or(raw);
        match std::str::from_utf8(raw) {
            Ok(s) => text.push_str(s),
            Err(_) => {
                let (decoded, _, _) = encoding_rs::WINDOWS_1252.decode(raw);
                warnings.push(Warning {
                    line: Some(i + 1),
                    message: "not valid UTF-8; read as Windows-1252 (Latin-1)".to_string(),
                });
                text.push_str(&decoded);
            }
        }
    }
    Text {
        text: Cow::Owned(text),
        newline_only: true,
        warnings,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_bom_and_crlf_and_keeps_last_line_without_newline() {
        let text = decode(b"\xEF\xBB\xBFTitle\r\n\r\nBody").expect("text");
        assert_eq!(text.lines(), ["Title", "", "Body"]);
        assert!(text.warnings.is_empty());
    }

    #[test]
    fn lone_cr_ends_lines() {
        assert_eq!(decode(b"a\rb\r").expect("text").lines(), ["a", "b"]);
    }

    #[test]
    fn latin1_byte_is_read_and_named() {
        let text = decode(b"ok\nnon\xA0breaking caf\xE9\nok\n").expect("text");
        assert_eq!(text.lines()[1], "non\u{a0}breaking café");
        assert_eq!(text.lines().len(), 3);
        assert_eq!(text.warnings.len(), 1);
        assert_eq!(text.warnings[0].line, Some(2));
    }

    #[test]
    fn joined_is_the_lines_joined_with_newlines() {
        // Every string of up to 5 bytes over a, \n, \r and a stray Latin-1 byte.
        let alphabet: [&[u8]; 4] = [b"a", b"\n", b"\r", b"\xE9"];
        let mut cases: Vec<Vec<u8>> = vec![Vec::new()];
        for _ in 0..5 {
            let longer: Vec<Vec<u8>> = cases
                .iter()
                .filter(|c| c.len() == cases.last().map_or(0, Vec::len))
                .flat_map(|c| {
                    alphabet.iter().map(move |a| {
                        let mut c = c.clone();
                        c.extend_from_slice(a);
                        c
                    })
                })
                .collect();
            cases.extend(longer);
        }
        for bytes in cases {
            let text = decode(&bytes).expect("text");
            assert_eq!(text.joined(), text.lines().join("\n"), "{bytes:?}");
        }
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
        assert_eq!(decode(&bytes).expect("text").lines(), ["Hi", "there"]);
    }
}
