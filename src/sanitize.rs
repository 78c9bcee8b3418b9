//! Text from an input made safe to print on a terminal.
//!
//! A transcript is untrusted: a speaker name holding `ESC ] 52 ; c ; … BEL` would set the
//! clipboard of a terminal that obeys OSC 52, `ESC [ 2 J` would clear the screen, and a
//! right-to-left override would make a line read differently from what it holds. Importers keep
//! the original text; everything Podium prints as plain text passes through [`clean`], and
//! every JSON it prints through [`json`]: serde escapes C0 controls, and [`json`] escapes DEL,
//! C1 and the bidi controls too (`\u009b`), so JSON stays exact and still carries nothing a
//! terminal would obey.
//!
//! What [`clean`] does, one character for one character (so character offsets into the text,
//! such as search match positions, stay valid):
//!
//! - a C0 control (U+0000–U+001F) or DEL (U+007F) becomes its Unicode control picture: ESC is
//!   shown as `␛`, BEL as `␇`, NUL as `␀`, DEL as `␡`; tab and line feed are kept when the
//!   caller says the output needs them ([`Keep`]), and shown as `␉` and `␊` otherwise;
//! - a C1 control (U+0080–U+009F, such as the one-character CSI U+009B), which has no picture,
//!   becomes U+FFFD `�`;
//! - a bidi embedding, override or isolate (U+202A–U+202E, U+2066–U+2069) becomes U+FFFD too:
//!   shown, never obeyed.
//!
//! Everything else — letters of any script, emoji, the marks U+200E/U+200F that only set a
//! direction for neutral characters — is left as it is.

use std::borrow::Cow;

/// Which layout controls the output format needs kept as they are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Keep {
    /// One line or one cell: tab and line feed are shown as `␉` and `␊` like any control.
    Nothing,
    /// Tabs kept; line feeds shown.
    Tab,
    /// Tabs and line feeds kept: documents (Markdown, CSV, text) whose text spans lines.
    TabAndNewline,
}

/// `text` with every control character shown and every bidi override neutralised (see the
/// module docs); borrowed, without copying, when there is nothing to clean.
pub fn clean(text: &str, keep: Keep) -> Cow<'_, str> {
    let Some(at) = first_to_clean(text.as_bytes(), keep) else {
        return Cow::Borrowed(text);
    };
    let mut out = String::with_capacity(text.len() + 8);
    out.push_str(&text[..at]);
    out.extend(text[at..].chars().map(|c| shown_as(c, keep).unwrap_or(c)));
    Cow::Owned(out)
}

/// The byte offset of the first character [`clean`] changes. A byte scan: every such character
/// starts with a byte below 0x20, 0x7F, 0xC2 (C1: `C2 80`–`C2 9F`) or 0xE2 (bidi: `E2 80 AA`–
/// `E2 80 AE`, `E2 81 A6`–`E2 81 A9`), and no continuation byte is one of those.
fn first_to_clean(bytes: &[u8], keep: Keep) -> Option<usize> {
    let needs = |i: usize| match bytes[i] {
        b'\t' => keep == Keep::Nothing,
        b'\n' => keep != Keep::TabAndNewline,
        0..=0x1f | 0x7f => true,
        0xc2 => matches!(bytes.get(i + 1), Some(0x80..=0x9f)),
        0xe2 => matches!(
            (bytes.get(i + 1), bytes.get(i + 2)),
            (Some(0x80), Some(0xaa..=0xae)) | (Some(0x81), Some(0xa6..=0xa9))
        ),
        _ => false,
    };
    // Eight bytes at a time: a word holding none of those first bytes is skipped whole (most
    // text is such words); a word holding one is looked at byte by byte.
    let mut at = 0;
    for word in bytes.chunks_exact(8) {
        let w = u64::from_le_bytes([
            word[0], word[1], word[2], word[3], word[4], word[5], word[6], word[7],
        ]);
        if may_need_cleaning(w)
            && let Some(i) = (at..at + 8).find(|&i| needs(i))
        {
            return Some(i);
        }
        at += 8;
    }
    (at..bytes.len()).find(|&i| needs(i))
}

/// Whether one of the eight bytes of `w` is below 0x20, 0x7F, 0xC2 or 0xE2 (exact: never
/// false when one is).
fn may_need_cleaning(w: u64) -> bool {
    const LO: u64 = u64::from_ne_bytes([0x01; 8]);
    const HI: u64 = u64::from_ne_bytes([0x80; 8]);
    let zero_byte = |v: u64| v.wrapping_sub(LO) & !v & HI != 0;
    let below_0x20 = w.wrapping_sub(LO * 0x20) & !w & HI != 0;
    below_0x20
        || zero_byte(w ^ (LO * 0x7f))
        || zero_byte(w ^ (LO * 0xc2))
        || zero_byte(w ^ (LO * 0xe2))
}

/// What `c` is printed as, when it is not printed as itself.
pub fn shown_as(c: char, keep: Keep) -> Option<char> {
    match c {
        '\t' if keep != Keep::Nothing => None,
        '\n' if keep == Keep::TabAndNewline => None,
        // U+2400 CONTROL PICTURE FOR NULL onwards, in the order of the C0 codes.
        '\0'..='\x1f' => char::from_u32(0x2400 + c as u32),
        '\x7f' => Some('\u{2421}'),
        '\u{80}'..='\u{9f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' => {
            Some(char::REPLACEMENT_CHARACTER)
        }
        _ => None,
    }
}

/// Whether JSON output writes `c` as a `\uXXXX` escape beyond what serde escapes.
fn json_escaped(c: char) -> bool {
    matches!(c, '\u{7f}'..='\u{9f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// Writes string fragments with DEL, C1 and bidi controls escaped; the rest as `F` does.
struct Safe<F>(F);

impl<F: serde_json::ser::Formatter> serde_json::ser::Formatter for Safe<F> {
    fn write_string_fragment<W: ?Sized + std::io::Write>(
        &mut self,
        w: &mut W,
        fragment: &str,
    ) -> std::io::Result<()> {
        let mut from = 0;
        for (i, c) in fragment.char_indices().filter(|(_, c)| json_escaped(*c)) {
            w.write_all(&fragment.as_bytes()[from..i])?;
            write!(w, "\\u{:04x}", c as u32)?;
            from = i + c.len_utf8();
        }
        w.write_all(&fragment.as_bytes()[from..])
    }
    fn begin_array<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.begin_array(w)
    }
    fn end_array<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.end_array(w)
    }
    fn begin_array_value<W: ?Sized + std::io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        self.0.begin_array_value(w, first)
    }
    fn end_array_value<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.end_array_value(w)
    }
    fn begin_object<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.begin_object(w)
    }
    fn end_object<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.end_object(w)
    }
    fn begin_object_key<W: ?Sized + std::io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        self.0.begin_object_key(w, first)
    }
    fn begin_object_value<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.begin_object_value(w)
    }
    fn end_object_value<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.end_object_value(w)
    }
}

/// Writes `value` as JSON (pretty-printed when asked) with every control a terminal could obey
/// escaped: the one JSON printer of every `--json` output, `import` and `export --to json`.
pub fn json<W: std::io::Write, T: serde::Serialize + ?Sized>(
    w: W,
    value: &T,
    pretty: bool,
) -> serde_json::Result<()> {
    if pretty {
        let f = Safe(serde_json::ser::PrettyFormatter::new());
        value.serialize(&mut serde_json::Serializer::with_formatter(w, f))
    } else {
        let f = Safe(serde_json::ser::CompactFormatter);
        value.serialize(&mut serde_json::Serializer::with_formatter(w, f))
    }
}

/// [`json`] into a string.
pub fn json_string<T: serde::Serialize + ?Sized>(value: &T, pretty: bool) -> String {
    let mut out = Vec::new();
    if json(&mut out, value, pretty).is_err() {
        return String::new();
    }
    String::from_utf8(out).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clean_text_is_borrowed() {
        for text in [
            "",
            "plain",
            "Zoë — “quoted” 東京 ₹ 🎤",
            "tab\there",
            "\u{200f}rtl mark",
        ] {
            let keep = if text.contains('\t') {
                Keep::Tab
            } else {
                Keep::Nothing
            };
            assert!(
                matches!(clean(text, keep), Cow::Borrowed(_)),
                "{text:?} copied"
            );
        }
    }

    #[test]
    fn escapes_become_visible_pictures() {
        let osc52 = "Ann\x1b]52;c;aGk=\x07 Lee";
        assert_eq!(clean(osc52, Keep::Nothing), "Ann␛]52;c;aGk=␇ Lee");
        assert_eq!(clean("\x1b[2J", Keep::Nothing), "␛[2J");
        assert_eq!(clean("a\0b\x7fc", Keep::Nothing), "a␀b␡c");
        assert_eq!(clean("\u{9b}2J", Keep::Nothing), "\u{fffd}2J");
        assert_eq!(clean("\u{85}", Keep::Nothing), "\u{fffd}");
    }

    #[test]
    fn bidi_overrides_and_isolates_are_neutralised() {
        for c in ('\u{202a}'..='\u{202e}').chain('\u{2066}'..='\u{2069}') {
            assert_eq!(clean(&format!("a{c}b"), Keep::Nothing), "a\u{fffd}b");
        }
        // Neighbours of the ranges, and other U+20xx characters, are left alone.
        for text in ["\u{2029}", "\u{202f}", "\u{2065}", "\u{206a}", "—…€"] {
            assert_eq!(clean(text, Keep::Nothing), text);
        }
    }

    #[test]
    fn tab_and_newline_only_where_kept() {
        assert_eq!(clean("a\tb\nc", Keep::Nothing), "a␉b␊c");
        assert_eq!(clean("a\tb\nc", Keep::Tab), "a\tb␊c");
        assert_eq!(clean("a\tb\nc\r", Keep::TabAndNewline), "a\tb\nc␍");
    }

    #[test]
    fn one_character_for_one() {
        let text = "x\x1b\u{9b}\u{202e}é\ty";
        assert_eq!(
            clean(text, Keep::Nothing).chars().count(),
            text.chars().count()
        );
    }

    #[test]
    fn nothing_dangerous_survives_any_input() {
        use proptest::prelude::*;
        proptest!(|(text in "\\PC*|[\\x00-\\x20\\x7f-\\u{a0}\\u{2028}-\\u{206f}a]*", pad in 0usize..17)| {
            // Padding moves what needs cleaning across the eight-byte words the scan reads.
            let text = format!("{}{text}", "p".repeat(pad));
            for keep in [Keep::Nothing, Keep::Tab, Keep::TabAndNewline] {
                let out = clean(&text, keep);
                let unchanged = text.chars().all(|c| shown_as(c, keep).is_none());
                prop_assert_eq!(matches!(out, Cow::Borrowed(_)), unchanged);
                prop_assert_eq!(out.chars().count(), text.chars().count());
                for c in out.chars() {
                    let allowed = match c {
                        '\t' => keep != Keep::Nothing,
                        '\n' => keep == Keep::TabAndNewline,
                        _ => !c.is_control()
                            && !('\u{202a}'..='\u{202e}').contains(&c)
                            && !('\u{2066}'..='\u{2069}').contains(&c),
                    };
                    prop_assert!(allowed, "{:?} left in {:?}", c, out);
                }
            }
        });
    }

    #[test]
    fn json_escapes_what_a_terminal_would_obey_and_stays_exact() {
        let hostile = "a\u{9b}2J \u{202e}evil\u{202c} \u{7f} \x1b]0;t\x07 ok é 日本";
        let out = json_string(&hostile, false);
        assert!(
            out.is_ascii() || !out.chars().any(|c| json_escaped(c) || c.is_control()),
            "{out}"
        );
        assert!(out.contains("\\u009b") && out.contains("\\u202e") && out.contains("\\u007f"));
        assert!(
            out.contains("日本") && out.contains('é'),
            "other text stays as it is"
        );
        let back: String = serde_json::from_str(&out).expect("valid JSON");
        assert_eq!(back, hostile);
        let pretty = json_string(&serde_json::json!({"k": ["\u{2066}x"]}), true);
        assert!(
            pretty.contains("\\u2066") && pretty.contains("\n  "),
            "{pretty}"
        );
    }
}
