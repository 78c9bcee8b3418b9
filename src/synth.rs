//! A deterministic generator of synthetic sessions for benchmarks: speaker-labelled English
//! text (Podium's `text` format) with some non-ASCII names, places and punctuation, so that
//! libraries of any size can be made and measured the same way on every machine.

/// A small, fast, seedable generator (xorshift64*): the same seed gives the same library.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// Uniform in `0..n` (n > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const FIRST: &[&str] = &[
    "Anna", "Bruno", "Chen", "Dilnath", "Esme", "Fatima", "Gustavo", "Hiroki", "Ingrid", "José",
    "Kwame", "Łukasz", "Maria", "Ngũgĩ", "Olena", "Priya", "Quentin", "Rania", "Søren", "Zoë",
];
const LAST: &[&str] = &[
    "Abebe",
    "Blumberg",
    "Costa",
    "Dubois",
    "Eriksson",
    "Fernández",
    "Gupta",
    "Haddad",
    "Ivanova",
    "Jensen",
    "Kowalski",
    "Li",
    "Mbeki",
    "Nakamura",
    "Okafor",
    "Pereira",
    "Quispe",
    "Rossi",
    "Schmidt",
    "Tanaka",
];
const SUBJECTS: &[&str] = &[
    "the committee",
    "our community",
    "the working group",
    "every government",
    "civil society",
    "the technical community",
    "this forum",
    "the private sector",
    "young people",
    "the secretariat",
];
const VERBS: &[&str] = &[
    "should strengthen",
    "needs to discuss",
    "has supported",
    "will review",
    "must protect",
    "cannot ignore",
    "is building",
    "has measured",
    "wants to share",
    "keeps improving",
];
const OBJECTS: &[&str] = &[
    "information sharing",
    "cyber hygiene",
    "data protection",
    "open standards",
    "the budget",
    "capacity building",
    "digital inclusion",
    "content moderation",
    "network resilience",
    "the multistakeholder model",
    "incident response",
    "artificial intelligence",
    "the agenda",
];
const TAILS: &[&str] = &[
    "across every region",
    "before the next meeting",
    "in São Paulo and Zürich",
    "with partners in Kraków",
    "at the national level",
    "for small businesses",
    "despite limited resources",
    "for the next five years",
    "within the existing mandate",
    "with a budget of ₹4 crore",
    "— as we said in Geneva",
    "together",
];
const OPENERS: &[&str] = &[
    "",
    "",
    "",
    "Thank you, ",
    "Indeed, ",
    "Well, ",
    "In my view, ",
    "Frankly, ",
    "As I said, ",
    "To be clear, ",
    "On the other hand, ",
];

/// One sentence (one quote).
pub fn sentence(rng: &mut Rng) -> String {
    let opener = rng.pick(OPENERS);
    let mut s = format!(
        "{opener}{} {} {} {}",
        rng.pick(SUBJECTS),
        rng.pick(VERBS),
        rng.pick(OBJECTS),
        rng.pick(TAILS)
    );
    if let Some(first) = s.get(..1) {
        let upper = first.to_uppercase();
        s.replace_range(..1, &upper);
    }
    s.push(match rng.below(10) {
        0 => '?',
        1 => '!',
        _ => '.',
    });
    s
}

/// A session of about `quotes` sentences in Podium's speaker-labelled text format, and the
/// sentences themselves in order.
pub fn session(seed: u64, quotes: usize) -> (String, Vec<String>) {
    let mut rng = Rng::new(seed);
    let speakers: Vec<String> = (0..3 + rng.below(6))
        .map(|_| format!("{} {}", rng.pick(FIRST), rng.pick(LAST)))
        .collect();
    let mut text = format!("# Synthetic session {seed}: {}\n\n", rng.pick(OBJECTS));
    let mut all = Vec::with_capacity(quotes);
    let mut last = usize::MAX;
    while all.len() < quotes {
        let mut who = rng.below(speakers.len());
        if who == last {
            who = (who + 1) % speakers.len();
        }
        last = who;
        let n = (1 + rng.below(6)).min(quotes - all.len());
        let said: Vec<String> = (0..n).map(|_| sentence(&mut rng)).collect();
        text.push_str(&format!("{}: {}\n\n", speakers[who], said.join(" ")));
        all.extend(said);
    }
    (text, all)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_seed_same_text() {
        assert_eq!(session(7, 50), session(7, 50));
        assert_ne!(session(7, 50).0, session(8, 50).0);
    }

    #[test]
    fn imports_with_the_asked_number_of_quotes() {
        let (text, quotes) = session(3, 200);
        assert_eq!(quotes.len(), 200);
        let loaded =
            crate::formats::load_bytes("s.txt", Some("s.txt"), text.as_bytes()).expect("loads");
        assert_eq!(loaded.format, crate::formats::Format::Text);
        assert_eq!(loaded.session.quotes().count(), 200);
        assert!(!text.is_ascii());
    }
}
