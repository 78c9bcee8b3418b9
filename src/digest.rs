//! What searching a library needs of a session — its title, speakers, turn ids and quotes —
//! and a compact binary form of it for the cache, so `podium search DIR` reads little more
//! than the quote text itself instead of every whole session.

use crate::session::{Session, Speaker, SpeakerKind, Warning};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Digest {
    pub title: String,
    /// (name, aliases) of each speaker, in `Session::speakers` order.
    pub speakers: Vec<(String, Vec<String>)>,
    /// Each turn's id and speaker index (`u32::MAX` when unknown).
    pub turns: Turns,
    /// Every quote's (turn, sentence, byte length) in transcript order; their texts follow
    /// one another in `text`.
    pub quotes: Vec<(u32, u32, u32)>,
    /// Every summary sentence's (speaker index or `u32::MAX`, byte length), in
    /// [`crate::sources::sentences`] order; their texts follow the quotes' in `text`.
    pub summaries: Vec<(u32, u32)>,
    pub text: crate::files::SharedText,
    /// The import's warnings, said again whenever the digest stands in for the session.
    pub warnings: Vec<Warning>,
}

impl Digest {
    pub fn new(session: &Session) -> Self {
        let mut digest = Builder::new(Vec::new());
        for turn in &session.turns {
            digest.push(turn).expect("writing to memory does not fail");
        }
        digest
            .finish(session, |text| {
                Ok(String::from_utf8(text)
                    .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
                    .into())
            })
            .expect("writing to memory does not fail")
    }

    /// Quote `i`'s (turn, sentence, text).
    pub fn quotes(&self) -> impl Iterator<Item = (u32, u32, &str)> {
        let mut at = 0usize;
        self.quotes.iter().map(move |&(t, s, len)| {
            let text = self
                .text
                .as_str()
                .get(at..at + len as usize)
                .unwrap_or_default();
            at += len as usize;
            (t, s, text)
        })
    }

    /// The name of turn `t`'s speaker.
    pub fn speaker_name(&self, turn: usize) -> &str {
        self.turns
            .get(turn)
            .and_then(|(_, s)| self.speakers.get(s as usize))
            .map_or("", |(n, _)| n.as_str())
    }

    /// The speaker a person means by `query` (name, alias or unique prefix), as an index.
    pub fn find_speaker(&self, query: &str) -> Result<usize, crate::session::SpeakerLookupError> {
        let probe = Session {
            format_version: crate::session::FORMAT_VERSION,
            meta: crate::session::Meta::default(),
            speakers: self
                .speakers
                .iter()
                .enumerate()
                .map(|(i, (name, aliases))| {
                    let mut s = Speaker::new(i.to_string(), name.clone(), SpeakerKind::Person);
                    s.aliases.clone_from(aliases);
                    s
                })
                .collect(),
            summary: Vec::new(),
            turns: Vec::new(),
            sections: Vec::new(),
            notes: Vec::new(),
            warnings: Vec::new(),
        };
        probe
            .find_speaker(query)
            .map(|s| s.id.parse().unwrap_or(usize::MAX))
    }

    /// Binary form: a tag, then counts and length-prefixed UTF-8 strings, little-endian.
    pub fn encode(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(64 + self.text.len() + self.quotes.len() * 12);
        // Writing into memory cannot fail.
        let _ = self.encode_to(&mut out);
        out
    }

    /// [`Digest::encode`]'s form, written to `out` as it is made.
    pub fn encode_to(&self, out: &mut dyn std::io::Write) -> std::io::Result<()> {
        out.write_all(TAG)?;
        put_str(out, &self.title)?;
        put_u32(out, self.speakers.len() as u32)?;
        for (name, aliases) in &self.speakers {
            put_str(out, name)?;
            put_u32(out, aliases.len() as u32)?;
            for a in aliases {
                put_str(out, a)?;
            }
        }
        put_u32(out, self.turns.len() as u32)?;
        for (id, s) in self.turns.iter() {
            put_str(out, id)?;
            put_u32(out, s)?;
        }
        put_u32(out, self.quotes.len() as u32)?;
        for (t, s, len) in &self.quotes {
            put_u32(out, *t)?;
            put_u32(out, *s)?;
            put_u32(out, *len)?;
        }
        put_u32(out, self.summaries.len() as u32)?;
        for (s, len) in &self.summaries {
            put_u32(out, *s)?;
            put_u32(out, *len)?;
        }
        put_str(out, self.text.as_str())?;
        put_u32(out, self.warnings.len() as u32)?;
        for w in &self.warnings {
            put_u32(out, w.line.map_or(u32::MAX, |l| l as u32))?;
            put_str(out, &w.message)?;
        }
        Ok(())
    }

    /// Reads [`Digest::encode`]'s form; `None` for anything else (a cache entry to rebuild).
    pub fn decode(bytes: &[u8]) -> Option<Digest> {
        let (mut digest, text) = Self::parse(bytes, 0)?;
        digest.text = String::from_utf8(bytes.get(text)?.to_vec()).ok()?.into();
        digest.consistent().then_some(digest)
    }

    /// [`Digest::decode`] of `map[start..]`, the quote text left in the map: the text is most
    /// of a digest, and a copy of it would double what a search holds at its peak.
    pub fn decode_mapped(
        map: std::sync::Arc<crate::files::Mapped>,
        start: usize,
    ) -> Option<Digest> {
        let (mut digest, text) = Self::parse(&map, start)?;
        digest.text = crate::files::SharedText::mapped(map, text)?;
        digest.consistent().then_some(digest)
    }

    /// Everything of `bytes[start..]` but the quote text (left empty), and where that is.
    fn parse(bytes: &[u8], start: usize) -> Option<(Digest, std::ops::Range<usize>)> {
        let (digest, text) = {
            let mut r = Reader {
                bytes: bytes.get(start..)?.strip_prefix(TAG)?,
                at: 0,
            };
            let title = r.string()?;
            let speakers = (0..r.u32()?)
                .map(|_| {
                    let name = r.string()?;
                    let aliases = (0..r.u32()?)
                        .map(|_| r.string())
                        .collect::<Option<Vec<_>>>()?;
                    Some((name, aliases))
                })
                .collect::<Option<Vec<_>>>()?;
            let mut turns = Turns::default();
            for _ in 0..r.u32()? {
                let n = r.u32()? as usize;
                let at = r.at;
                r.take(n)?;
                let speaker = r.u32()?;
                let id = std::str::from_utf8(r.bytes.get(at..at + n)?).ok()?;
                turns.push(id, speaker);
            }
            let quotes = (0..r.u32()?)
                .map(|_| Some((r.u32()?, r.u32()?, r.u32()?)))
                .collect::<Option<Vec<_>>>()?;
            let summaries = (0..r.u32()?)
                .map(|_| Some((r.u32()?, r.u32()?)))
                .collect::<Option<Vec<_>>>()?;
            let n = r.u32()? as usize;
            let text_at = start + TAG.len() + r.at;
            r.take(n)?;
            let warnings = (0..r.u32()?)
                .map(|_| {
                    let line = r.u32()?;
                    Some(Warning {
                        line: (line != u32::MAX).then_some(line as usize),
                        message: r.string()?,
                    })
                })
                .collect::<Option<Vec<_>>>()?;
            if r.at != r.bytes.len() {
                return None;
            }
            let digest = Digest {
                title,
                speakers,
                turns,
                quotes,
                summaries,
                text: crate::files::SharedText::default(),
                warnings,
            };
            (digest, text_at..text_at + n)
        };
        Some((digest, text))
    }

    /// Whether every span and index points inside what the digest holds.
    fn consistent(&self) -> bool {
        let mut at = 0usize;
        let lengths = self
            .quotes
            .iter()
            .map(|&(_, _, len)| len)
            .chain(self.summaries.iter().map(|&(_, len)| len));
        let text = self.text.as_str();
        let spans_fit = lengths.into_iter().all(|len| {
            at += len as usize;
            text.is_char_boundary(at.min(text.len())) && at <= text.len()
        }) && at == text.len();
        let speakers = self.speakers.len();
        spans_fit
            && self
                .quotes
                .iter()
                .all(|&(t, _, _)| (t as usize) < self.turns.len())
            && self
                .summaries
                .iter()
                .all(|&(s, _)| s == u32::MAX || (s as usize) < speakers)
            && self
                .turns
                .iter()
                .all(|(_, s)| s == u32::MAX || (s as usize) < speakers)
    }
}

/// Where a digest's text is written as it is made.
pub trait TextOut {
    fn push_str(&mut self, text: &str) -> std::io::Result<()>;
}

impl TextOut for Vec<u8> {
    fn push_str(&mut self, text: &str) -> std::io::Result<()> {
        self.extend_from_slice(text.as_bytes());
        Ok(())
    }
}

impl TextOut for crate::files::Spill {
    fn push_str(&mut self, text: &str) -> std::io::Result<()> {
        crate::files::Spill::push_str(self, text)
    }
}

/// A digest made a turn at a time, its quotes' text written out as they come: a long session's
/// turns need not all be in memory together.
pub struct Builder<W> {
    turns: Turns,
    quotes: Vec<(u32, u32, u32)>,
    text: W,
}

impl<W: TextOut> Builder<W> {
    pub fn new(text: W) -> Self {
        Builder {
            turns: Turns::default(),
            quotes: Vec::new(),
            text,
        }
    }

    /// Adds the session's next turn.
    pub fn push(&mut self, turn: &crate::session::Turn) -> std::io::Result<()> {
        let t = self.turns.len() as u32;
        self.turns.push(&turn.id, turn.speaker.get() as u32);
        for s in 0..turn.sentences.len() {
            if let Some(text) = turn.sentence(s) {
                self.quotes.push((t, s as u32, text.len() as u32));
                self.text.push_str(text)?;
            }
        }
        Ok(())
    }

    /// The speakers the turns pushed so far name, by index.
    pub fn speaking(&self, speakers: usize) -> Vec<bool> {
        let mut speaking = vec![false; speakers];
        for (_, s) in self.turns.iter() {
            if let Some(x) = speaking.get_mut(s as usize) {
                *x = true;
            }
        }
        speaking
    }

    /// Renumbers the turns' speakers: `map[old]` is the new index (see
    /// [`Session::retain_speakers`]).
    pub fn renumber_speakers(&mut self, map: &[Option<usize>]) {
        for s in &mut self.turns.speakers {
            *s = map
                .get(*s as usize)
                .copied()
                .flatten()
                .map_or(u32::MAX, |n| n as u32);
        }
    }

    /// The digest of `session`, whose turns were pushed (it may hold none of them itself); `text`
    /// reads back what was written.
    pub fn finish(
        mut self,
        session: &Session,
        text: impl FnOnce(W) -> std::io::Result<crate::files::SharedText>,
    ) -> std::io::Result<Digest> {
        let summaries = crate::sources::sentences(session);
        for s in &summaries {
            self.text.push_str(&s.sentence)?;
        }
        Ok(Digest {
            title: session.meta.title.clone(),
            speakers: session
                .speakers
                .iter()
                .map(|s| (s.name.clone(), s.aliases.clone()))
                .collect(),
            turns: self.turns,
            quotes: self.quotes,
            summaries: summaries
                .iter()
                .map(|s| {
                    (
                        s.speaker.map_or(u32::MAX, |x| x.get() as u32),
                        s.sentence.len() as u32,
                    )
                })
                .collect(),
            text: text(self.text)?,
            warnings: session.warnings.clone(),
        })
    }
}

/// Turn ids and speakers, packed: one text for every id (a million turns would otherwise be a
/// million small strings, more memory than their quotes' offsets).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Turns {
    ids: String,
    /// Where each id ends in `ids`.
    ends: Vec<u32>,
    speakers: Vec<u32>,
}

impl Turns {
    pub fn push(&mut self, id: &str, speaker: u32) {
        self.ids.push_str(id);
        self.ends.push(self.ids.len() as u32);
        self.speakers.push(speaker);
    }

    pub fn len(&self) -> usize {
        self.ends.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// Turn `i`'s id and speaker index.
    pub fn get(&self, i: usize) -> Option<(&str, u32)> {
        let end = *self.ends.get(i)? as usize;
        let start = i.checked_sub(1).map_or(0, |p| self.ends[p] as usize);
        Some((self.ids.get(start..end)?, self.speakers[i]))
    }

    pub fn iter(&self) -> impl Iterator<Item = (&str, u32)> {
        (0..self.len()).filter_map(|i| self.get(i))
    }

    /// The indices of the turns speaker `speaker` holds, in transcript order.
    pub fn of_speaker(&self, speaker: usize) -> impl Iterator<Item = usize> + '_ {
        let speaker = u32::try_from(speaker).unwrap_or(u32::MAX);
        (0..self.len()).filter(move |&i| self.speakers[i] == speaker)
    }
}

impl<'a> FromIterator<(&'a str, u32)> for Turns {
    fn from_iter<I: IntoIterator<Item = (&'a str, u32)>>(iter: I) -> Self {
        let mut turns = Turns::default();
        for (id, s) in iter {
            turns.push(id, s);
        }
        turns
    }
}

/// Bumped with the layout: an older entry fails to decode and is rebuilt.
const TAG: &[u8] = b"PODIUM-DIGEST-3\n";

fn put_u32(out: &mut dyn std::io::Write, v: u32) -> std::io::Result<()> {
    out.write_all(&v.to_le_bytes())
}

fn put_str(out: &mut dyn std::io::Write, s: &str) -> std::io::Result<()> {
    put_u32(out, s.len() as u32)?;
    out.write_all(s.as_bytes())
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn take(&mut self, n: usize) -> Option<&[u8]> {
        let end = self.at.checked_add(n)?;
        let slice = self.bytes.get(self.at..end)?;
        self.at = end;
        Some(slice)
    }

    fn u32(&mut self) -> Option<u32> {
        Some(u32::from_le_bytes(self.take(4)?.try_into().ok()?))
    }

    fn string(&mut self) -> Option<String> {
        let n = self.u32()? as usize;
        String::from_utf8(self.take(n)?.to_vec()).ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_refuses_damage() {
        let s = crate::bundled::session().expect("bundled");
        let d = Digest::new(&s);
        assert_eq!(d.quotes.len(), s.quotes().count());
        let bytes = d.encode();
        assert_eq!(Digest::decode(&bytes), Some(d.clone()));
        assert_eq!(Digest::decode(&bytes[..bytes.len() - 1]), None);
        assert_eq!(Digest::decode(b"junk"), None);
        assert_eq!(d.speaker_name(3), "Adli Wahid");
        assert_eq!(d.find_speaker("bern"), Ok(3));
    }

    proptest::proptest! {
        /// Damage anywhere never panics the decoder, and a cut digest never decodes. (The cache
        /// checksums every entry, so damage is caught before decoding; this is the last line.)
        #[test]
        fn damage_never_panics_and_cuts_never_decode(at in 0usize..1_000_000, byte in 0u8..=255) {
            let s = crate::bundled::session().expect("bundled");
            let bytes = Digest::new(&s).encode();
            let at = at % bytes.len();
            proptest::prop_assert_eq!(Digest::decode(&bytes[..at]), None);
            let mut damaged = bytes.clone();
            damaged[at] = byte;
            let _ = Digest::decode(&damaged);
        }
    }
}
