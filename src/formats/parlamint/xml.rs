//! The little the ParlaMint readers need on top of quick-xml's pull parser: attribute values by
//! local name, text with entities resolved, whitespace collapsed, and byte offsets turned into
//! line numbers without rescanning the file.

use quick_xml::events::{BytesRef, BytesStart};

/// The value of the attribute whose local name is `name` (`xml:id` → `id`, `who`), entities
/// resolved; `None` when absent or unreadable.
pub fn attr(e: &BytesStart<'_>, name: &str) -> Option<String> {
    e.attributes().flatten().find_map(|a| {
        let key = a.key.as_ref();
        let local = key.rsplit_once(':').map_or(key, |(_, l)| l);
        if local != name {
            return None;
        }
        let value = a
            .normalized_value(quick_xml::XmlVersion::Implicit1_0)
            .map_or_else(|_| a.value.to_string(), std::borrow::Cow::into_owned);
        Some(value)
    })
}

/// The element's local name (`xi:include` → `include`).
pub fn local(e: &BytesStart<'_>) -> String {
    let name = e.name();
    let raw = name.as_ref();
    raw.rsplit_once(':').map_or(raw, |(_, l)| l).to_string()
}

/// The local name of an end tag.
pub fn local_end(name: &str) -> &str {
    name.rsplit_once(':').map_or(name, |(_, l)| l)
}

/// The text an entity reference stands for: `&amp;` → `&`, `&#x161;` → `š`; an entity the XML
/// specification does not define is kept as written.
pub fn entity(r: &BytesRef<'_>) -> String {
    if let Ok(Some(c)) = r.resolve_char_ref() {
        return c.to_string();
    }
    let name: &str = r;
    match quick_xml::escape::resolve_predefined_entity(name) {
        Some(s) => s.to_string(),
        None => format!("&{name};"),
    }
}

/// Runs of white space (the XML's indentation, line breaks inside a paragraph) as one space,
/// trimmed.
pub fn collapse(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Appends `text` to `buf`, keeping a single space between runs (for mixed content that arrives
/// in several text events).
pub fn push_text(buf: &mut String, text: &str) {
    let starts_space = text.starts_with(char::is_whitespace);
    let ends_space = text.ends_with(char::is_whitespace);
    let inner = collapse(text);
    if inner.is_empty() {
        if starts_space && !buf.is_empty() && !buf.ends_with(' ') {
            buf.push(' ');
        }
        return;
    }
    if starts_space && !buf.is_empty() && !buf.ends_with(' ') {
        buf.push(' ');
    }
    buf.push_str(&inner);
    if ends_space {
        buf.push(' ');
    }
}

/// Turns byte offsets, met in increasing order, into 1-based line numbers.
#[derive(Debug)]
pub struct Lines<'a> {
    text: &'a [u8],
    at: usize,
    line: usize,
}

impl<'a> Lines<'a> {
    pub fn new(text: &'a str) -> Self {
        Lines {
            text: text.as_bytes(),
            at: 0,
            line: 1,
        }
    }

    /// The line of byte `offset` (offsets earlier than the last asked give the last line).
    pub fn line_at(&mut self, offset: u64) -> usize {
        let offset = usize::try_from(offset)
            .unwrap_or(usize::MAX)
            .min(self.text.len());
        if offset > self.at {
            self.line += memchr::memchr_iter(b'\n', &self.text[self.at..offset]).count();
            self.at = offset;
        }
        self.line
    }
}

/// An annotation as Podium writes it in text: `[what happened]`, with brackets inside replaced
/// so the annotation stays one span.
pub fn bracket(text: &str) -> String {
    let inner: String = collapse(text)
        .chars()
        .map(|c| match c {
            '[' => '(',
            ']' => ')',
            c => c,
        })
        .collect();
    format!("[{inner}]")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_runs_join_with_one_space() {
        let mut b = String::new();
        push_text(&mut b, "\n   Hello ");
        push_text(&mut b, "world,");
        push_text(&mut b, "  ");
        push_text(&mut b, "again\n");
        assert_eq!(b.trim_end(), "Hello world, again");
    }

    #[test]
    fn lines_count_forward() {
        let text = "a\nb\nc\n";
        let mut l = Lines::new(text);
        assert_eq!(l.line_at(0), 1);
        assert_eq!(l.line_at(2), 2);
        assert_eq!(l.line_at(5), 3);
        assert_eq!(l.line_at(99), 4);
    }

    #[test]
    fn brackets_inside_annotations_are_softened() {
        assert_eq!(bracket(" Applause [loud] "), "[Applause (loud)]");
    }
}
