//! Who speaks: the browser's only reads of a turn's speaker and of speaker roles. Every pane,
//! jump, filter and list asks here, so a change in how the model names speakers (a typed index,
//! a role enum) is a change to this file.

use podium::session::{Role, Session, Speaker, SpeakerIx};

/// Index into `session.speakers` of the speaker of turn `turn`.
pub fn speaker_of(session: &Session, turn: usize) -> Option<usize> {
    session.turns.get(turn).map(|t| t.speaker.get())
}

/// Whether turn `turn` is spoken by speaker index `speaker`.
pub fn spoken_by(session: &Session, turn: usize, speaker: usize) -> bool {
    speaker_of(session, turn) == Some(speaker)
}

/// Whether turns `a` and `b` have the same speaker.
pub fn same_speaker(session: &Session, a: usize, b: usize) -> bool {
    match (session.turns.get(a), session.turns.get(b)) {
        (Some(a), Some(b)) => a.speaker == b.speaker,
        _ => false,
    }
}

/// The indices of speaker `speaker`'s turns, in transcript order.
pub fn turns_of(session: &Session, speaker: usize) -> Vec<usize> {
    session
        .turns_by(SpeakerIx(speaker))
        .map(|(t, _)| t)
        .collect()
}

/// Short role marks that read without colour: `M` moderator (or chair), `A` audience.
pub fn role_marks(speaker: &Speaker) -> String {
    let mut marks = String::new();
    if speaker.has_role(&Role::Moderator) || speaker.has_role(&Role::Chair) {
        marks.push('M');
    }
    if speaker.has_role(&Role::Audience) {
        marks.push('A');
    }
    marks
}

/// The speaker's roles as the statistics pane lists them: `speaker, moderator`.
pub fn roles_text(speaker: &Speaker) -> String {
    speaker
        .roles
        .iter()
        .map(Role::as_str)
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn turns_and_speakers_agree() {
        let s = podium::bundled::session().expect("bundled");
        // Bernhards Blumbergs (the fourth speaker) speaks in t5, t12 and t18.
        let turns = turns_of(&s, 3);
        let ids: Vec<&str> = turns.iter().map(|&t| s.turns[t].id.as_str()).collect();
        assert_eq!(ids, ["t5", "t12", "t18"]);
        assert!(turns.iter().all(|&t| speaker_of(&s, t) == Some(3)));
        assert!(turns.iter().all(|&t| spoken_by(&s, t, 3)));
        assert!(!spoken_by(&s, 0, 3) && !spoken_by(&s, 999, 3));
        assert!(same_speaker(&s, turns[0], turns[1]) && !same_speaker(&s, 0, turns[0]));
        assert!(turns_of(&s, 99).is_empty());
        assert_eq!(speaker_of(&s, 999), None);
        assert_eq!(role_marks(&s.speakers[4]), "M");
        assert_eq!(role_marks(&s.speakers[5]), "A");
    }
}
