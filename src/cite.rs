//! Quotes taken out with their attribution:
//! `“…” — Adli Wahid (APNIC), Meeting Spot for CSIRT Practitioners, IGF 2023 Networking Session
//! #44, 9 Oct 2023, t4`; a transcript with times gives the turn's: `… — Travis, ep.vtt, t2
//! [00:01:42]`.

use crate::session::Session;

/// Where a citation points: a turn, or one sentence of it (1-based, as people write `t4.2`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Place {
    pub turn: usize,
    pub sentence: Option<usize>,
}

/// Why a place could not be read against a session.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PlaceError {
    #[error("the session has no turns to cite")]
    NoTurns,
    #[error("{0}: expected a sentence number after the dot, as in t4.2")]
    BadSentence(String),
    #[error("{place}: no such turn; expected t1 to t{turns} (optionally .N for a sentence)")]
    NoSuchTurn { place: String, turns: usize },
    #[error("{place}: {turn} has {sentences} sentences")]
    NoSuchSentence {
        place: String,
        turn: String,
        sentences: usize,
    },
}

/// Reads `t4` or `t4.2` against a session: the turn by id, the sentence 1-based.
pub fn parse_place(session: &Session, text: &str) -> Result<Place, PlaceError> {
    if session.turns.is_empty() {
        return Err(PlaceError::NoTurns);
    }
    let (turn_id, sentence) = match text.trim().split_once('.') {
        Some((t, s)) => (
            t,
            Some(
                s.parse::<usize>()
                    .ok()
                    .filter(|&n| n >= 1)
                    .ok_or_else(|| PlaceError::BadSentence(text.to_string()))?,
            ),
        ),
        None => (text.trim(), None),
    };
    let turn = session
        .turns
        .iter()
        .position(|t| t.id.eq_ignore_ascii_case(turn_id))
        .ok_or_else(|| PlaceError::NoSuchTurn {
            place: text.to_string(),
            turns: session.turns.len(),
        })?;
    let sentences = session.turns[turn].sentences.len();
    if let Some(n) = sentence
        && n > sentences
    {
        return Err(PlaceError::NoSuchSentence {
            place: text.to_string(),
            turn: session.turns[turn].id.clone(),
            sentences,
        });
    }
    Ok(Place {
        turn,
        sentence: sentence.map(|n| n - 1),
    })
}

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// `2023-10-09` → `9 Oct 2023`; anything else as it is.
fn human_date(iso: &str) -> String {
    let parts: Vec<&str> = iso.split('-').collect();
    match parts.as_slice() {
        [y, m, d] => match (m.parse::<usize>(), d.parse::<u32>()) {
            (Ok(m), Ok(d)) if (1..=12).contains(&m) => format!("{d} {} {y}", MONTHS[m - 1]),
            _ => iso.to_string(),
        },
        _ => iso.to_string(),
    }
}

/// The citation for `place`. The quote is the sentence, or the whole turn; curly quotes
/// around it, the speaker (with their organisation), the session, the event, the date and
/// the turn after it.
pub fn cite(session: &Session, place: Place) -> Option<String> {
    let turn = session.turns.get(place.turn)?;
    let quote = match place.sentence {
        Some(s) => turn.sentence(s)?.to_string(),
        None => turn.paragraphs.join(" "),
    };
    let speaker = session.speaker_of(turn);
    let mut who = speaker.name.clone();
    if let Some(org) = speaker.organisation.as_deref() {
        who.push_str(&format!(" ({org})"));
    }
    let m = &session.meta;
    let mut parts = vec![who];
    if !m.title.is_empty() {
        parts.push(m.title.clone());
    }
    parts.extend(m.event.clone());
    if let Some(date) = m
        .date
        .as_deref()
        .map(human_date)
        .or_else(|| m.date_text.clone())
    {
        parts.push(date);
    }
    // The time where the source has one (as the browser shows it), never an estimate.
    match turn.start {
        Some(start) => parts.push(format!(
            "{} [{}]",
            turn.id,
            crate::stats::clock_at(session, start)
        )),
        None => parts.push(turn.id.clone()),
    }
    Some(format!("“{}” — {}", quote.trim(), parts.join(", ")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cites_a_quote_as_the_issue_shows() {
        let s = crate::bundled::session().expect("bundled");
        let place = parse_place(&s, "t4.4").expect("place");
        assert_eq!(
            cite(&s, place).expect("cite"),
            "“My name is Adly Wahid, and I am with the Asia-Pacific Network Information Center as a security specialist.” — Adli Wahid (APNIC), Meeting Spot for CSIRT Practitioners: Share Your Experiences, IGF 2023 Networking Session #44, 9 Oct 2023, t4"
        );
        let whole = cite(&s, parse_place(&s, "T3").expect("turn")).expect("cite");
        assert!(whole.starts_with(
            "“Thank you, Mashiko-san. May I pass the floor to Ali?” — Masae Toyama (JPCERT/CC)"
        ));
        let moderator = cite(&s, parse_place(&s, "t7.1").expect("p")).expect("cite");
        assert!(
            moderator.contains("” — Moderator, Meeting Spot"),
            "{moderator}"
        );
    }

    #[test]
    fn a_timed_transcript_cites_the_time() {
        let vtt = "WEBVTT\n\n00:01:42.000 --> 00:01:45.000\n<v Travis>Hello there.\n\n00:01:50.000 --> 00:01:52.000\n<v Ann>Hi. Welcome back.\n";
        let s = crate::formats::load_bytes("ep.vtt", Some("ep.vtt"), vtt.as_bytes())
            .expect("reads")
            .session;
        let place = parse_place(&s, "t2.2").expect("place");
        let cited = cite(&s, place).expect("cite");
        assert!(cited.starts_with("“Welcome back.” — Ann, "), "{cited}");
        assert!(cited.ends_with(", t2 [00:01:50]"), "{cited}");
        let first = cite(&s, parse_place(&s, "t1").expect("t1")).expect("cite");
        assert!(first.ends_with("t1 [00:01:42]"), "{first}");
    }

    #[test]
    fn bad_places_say_what_was_expected() {
        let s = crate::bundled::session().expect("bundled");
        assert!(
            parse_place(&s, "t99")
                .unwrap_err()
                .to_string()
                .contains("expected t1 to t19")
        );
        assert!(
            parse_place(&s, "t4.x")
                .unwrap_err()
                .to_string()
                .contains("sentence number")
        );
        assert!(parse_place(&s, "t4.0").is_err());
        assert!(
            parse_place(&s, "t3.9")
                .unwrap_err()
                .to_string()
                .contains("has 2 sentences")
        );
    }

    #[test]
    fn a_session_without_turns_says_so() {
        let mut s = crate::bundled::session().expect("bundled");
        s.turns.clear();
        assert_eq!(parse_place(&s, "t1"), Err(PlaceError::NoTurns));
    }
}
