//! A deterministic generator of synthetic sessions for benchmarks: speaker-labelled English
//! text (Podium's `text` format) with some non-ASCII names, places and punctuation, so that
//! libraries of any size can be made and measured the same way on every machine; and a
//! ParlaMint-shaped corpus (root, person and organisation lists, sittings in year folders),
//! see [`parlamint`].

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

    pub fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
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

/// A ParlaMint-shaped corpus, for benchmarks of the ParlaMint importer and of corpus libraries:
/// `ParlaMint-XX.xml` including `ParlaMint-XX-listPerson.xml` and `ParlaMint-XX-listOrg.xml`,
/// and sittings `YYYY/ParlaMint-XX_YYYY-MM-DD.xml`, each with debate sections, a chair, notes
/// between and inside speeches, and now and then one speaker going on after a note (two
/// utterances that make one turn). People change party on 2018-01-01, some are ministers.
pub mod parlamint {
    use super::{FIRST, LAST, OBJECTS, Rng, sentence};

    /// The corpus prefix of every file written.
    pub const CORPUS: &str = "ParlaMint-XX";
    const PEOPLE: usize = 200;
    const PARTIES: [(&str, &str); 5] = [
        ("GRN", "Green Alliance"),
        ("SOC", "Social Democrats"),
        ("LIB", "Liberal Forum"),
        ("CHR", "Christian Union"),
        ("NAT", "Národní strana"),
    ];

    /// What was written, for checking a read-back.
    #[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
    pub struct Counts {
        pub sittings: usize,
        pub utterances: usize,
        /// Utterances less those that continue the turn before.
        pub turns: usize,
        /// Podium words of the speech (annotations excluded).
        pub words: usize,
        pub bytes: usize,
    }

    /// A person's id (`KowalskiŁukasz`) and name (`Łukasz Kowalski`); unique for k < 400.
    pub fn person(k: usize) -> (String, String) {
        let (last, first) = (LAST[k % 20], FIRST[(k / 20 + k) % 20]);
        (format!("{last}{first}"), format!("{first} {last}"))
    }

    /// The abbreviation of person `k`'s party on `date`.
    pub fn party(k: usize, date: &str) -> &'static str {
        let switch = k.is_multiple_of(7) && date >= "2018-01-01";
        PARTIES[(k + usize::from(switch)) % PARTIES.len()].0
    }

    fn date(i: usize) -> String {
        // Two hundred sittings a year: days 1–20 of months 1–10.
        format!(
            "{}-{:02}-{:02}",
            2015 + i / 200,
            1 + (i % 200) / 20,
            1 + i % 20
        )
    }

    /// The person and organisation lists, and the root including them and the sittings.
    pub fn lists() -> (String, String) {
        let mut people = String::from(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<listPerson xmlns=\"http://www.tei-c.org/ns/1.0\" xml:id=\"ParlaMint-XX-listPerson\" xml:lang=\"en\">\n",
        );
        for k in 0..PEOPLE {
            let (id, name) = person(k);
            let (first, last) = name.split_once(' ').unwrap_or((&name, ""));
            people.push_str(&format!(
                "   <person xml:id=\"{id}\">\n      <persName>\n         <forename>{first}</forename>\n         <surname>{last}</surname>\n      </persName>\n      <affiliation role=\"member\" ref=\"#parliament.XX\" from=\"2014-01-01\"/>\n"
            ));
            let before = party(k, "2017-12-31");
            let after = party(k, "2018-01-01");
            if before == after {
                people.push_str(&format!(
                    "      <affiliation role=\"member\" ref=\"#party.{before}\" from=\"2014-01-01\"/>\n"
                ));
            } else {
                people.push_str(&format!(
                    "      <affiliation role=\"member\" ref=\"#party.{before}\" from=\"2014-01-01\" to=\"2017-12-31\"/>\n      <affiliation role=\"member\" ref=\"#party.{after}\" from=\"2018-01-01\"/>\n"
                ));
            }
            if k.is_multiple_of(11) {
                people.push_str(
                    "      <affiliation role=\"minister\" ref=\"#GOV\" from=\"2016-01-01\" to=\"2019-12-31\"/>\n",
                );
            }
            people.push_str("   </person>\n");
        }
        people.push_str("</listPerson>\n");
        let mut orgs = String::from(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<listOrg xmlns=\"http://www.tei-c.org/ns/1.0\" xml:id=\"ParlaMint-XX-listOrg\" xml:lang=\"en\">\n   <org xml:id=\"parliament.XX\" role=\"parliament\" ana=\"#parla.national #parla.uni\">\n      <orgName full=\"yes\" xml:lang=\"en\">Synthetic Assembly</orgName>\n   </org>\n   <org xml:id=\"GOV\" role=\"government\">\n      <orgName full=\"yes\" xml:lang=\"en\">Synthetic Government</orgName>\n   </org>\n",
        );
        for (abb, name) in PARTIES {
            orgs.push_str(&format!(
                "   <org xml:id=\"party.{abb}\" role=\"politicalParty\">\n      <orgName full=\"yes\" xml:lang=\"en\">{name}</orgName>\n      <orgName full=\"abb\">{abb}</orgName>\n   </org>\n"
            ));
        }
        orgs.push_str("</listOrg>\n");
        (people, orgs)
    }

    /// The corpus root for `sittings` sittings.
    pub fn root(sittings: usize) -> String {
        let mut out = String::from(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<teiCorpus xmlns=\"http://www.tei-c.org/ns/1.0\" xml:lang=\"en\" xml:id=\"ParlaMint-XX\">\n   <teiHeader>\n      <fileDesc>\n         <titleStmt>\n            <title type=\"main\">Synthetic parliamentary corpus ParlaMint-XX</title>\n         </titleStmt>\n      </fileDesc>\n      <profileDesc>\n         <particDesc>\n            <xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\" href=\"ParlaMint-XX-listOrg.xml\"/>\n            <xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\" href=\"ParlaMint-XX-listPerson.xml\"/>\n         </particDesc>\n      </profileDesc>\n   </teiHeader>\n",
        );
        for i in 0..sittings {
            out.push_str(&format!(
                "   <xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\" href=\"{}\"/>\n",
                path(i)
            ));
        }
        out.push_str("</teiCorpus>\n");
        out
    }

    /// Where sitting `i` goes, relative to the corpus folder.
    pub fn path(i: usize) -> String {
        let d = date(i);
        format!("{}/{CORPUS}_{d}.xml", &d[..4])
    }

    /// Sitting `i` with about `utterances` utterances, and its counts.
    pub fn sitting(i: usize, utterances: usize) -> (String, Counts) {
        let mut rng = Rng::new(0x5EED ^ (i as u64 + 1));
        let d = date(i);
        let id = format!("{CORPUS}_{d}");
        let mut out = format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<TEI xmlns=\"http://www.tei-c.org/ns/1.0\" xml:id=\"{id}\" xml:lang=\"en\" ana=\"#parla.sitting\">\n   <teiHeader>\n      <fileDesc>\n         <titleStmt>\n            <title type=\"main\" xml:lang=\"en\">Synthetic parliamentary corpus ParlaMint-XX, sitting {d}</title>\n            <title type=\"sub\" xml:lang=\"en\">Minutes of the Synthetic Assembly, {d}</title>\n            <meeting n=\"{}\" corresp=\"#parliament.XX\" ana=\"#parla.uni #parla.term\"/>\n         </titleStmt>\n      </fileDesc>\n      <profileDesc>\n         <settingDesc>\n            <setting>\n               <date when=\"{d}\"/>\n            </setting>\n         </settingDesc>\n      </profileDesc>\n   </teiHeader>\n   <text>\n      <body>\n",
            1 + (i / 200) / 4
        );
        let mut c = Counts {
            sittings: 1,
            ..Counts::default()
        };
        let mut n = 0;
        let mut last: Option<usize> = None;
        while n < utterances {
            out.push_str(&format!(
                "         <div type=\"debateSection\">\n            <head>Item {}: {}</head>\n",
                n / 50 + 1,
                rng.pick(OBJECTS)
            ));
            let chair = i % 3;
            let in_division = (utterances - n).min(50);
            for j in 0..in_division {
                let (who, ana) = if j == 0 {
                    (chair, "#chair")
                } else if j % 10 == 5 && last.is_some_and(|l| l != chair) {
                    // The same member goes on after a note: one turn.
                    out.push_str("            <note>Interruption from the floor.</note>\n");
                    (last.unwrap_or_default(), "#regular")
                } else {
                    let mut k = 3 + rng.below(PEOPLE - 3);
                    if Some(k) == last {
                        k = 3 + (k - 2) % (PEOPLE - 3);
                    }
                    (k, "#regular")
                };
                if j == 0 || Some(who) != last || ana == "#chair" {
                    c.turns += 1;
                }
                last = Some(who);
                n += 1;
                c.utterances += 1;
                out.push_str(&format!(
                    "            <u xml:id=\"{id}.u{n}\" who=\"#{}\" ana=\"{ana}\">\n",
                    person(who).0
                ));
                for s in 0..1 + rng.below(3) {
                    let said: Vec<String> =
                        (0..1 + rng.below(4)).map(|_| sentence(&mut rng)).collect();
                    let mut text = said.join(" ");
                    c.words += crate::text::word_count(&text);
                    if s == 1 && rng.below(4) == 0 {
                        text.push_str(
                            " <vocal type=\"laughter\"><desc>Laughter</desc></vocal> Indeed.",
                        );
                        c.words += 1;
                    }
                    out.push_str(&format!(
                        "               <seg>{}</seg>\n",
                        text.replace('&', "&amp;")
                    ));
                }
                out.push_str("            </u>\n");
            }
            out.push_str("         </div>\n");
            last = None;
        }
        out.push_str("      </body>\n   </text>\n</TEI>\n");
        c.bytes = out.len();
        (out, c)
    }
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
    #[test]
    fn parlamint_corpus_reads_back_with_its_counts() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        let (people, orgs) = parlamint::lists();
        std::fs::write(d.join("ParlaMint-XX-listPerson.xml"), people).unwrap();
        std::fs::write(d.join("ParlaMint-XX-listOrg.xml"), orgs).unwrap();
        std::fs::write(d.join("ParlaMint-XX.xml"), parlamint::root(3)).unwrap();
        // Sitting 600 is in 2018, after some members changed party.
        let mut want = parlamint::Counts::default();
        let mut got = parlamint::Counts::default();
        for i in [0, 1, 600] {
            let (text, c) = parlamint::sitting(i, 120);
            assert_eq!(parlamint::sitting(i, 120).0, text, "deterministic");
            want.utterances += c.utterances;
            want.turns += c.turns;
            want.words += c.words;
            let path = d.join(parlamint::path(i));
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(&path, text).unwrap();
            let l = crate::formats::load_path(&path, None).unwrap();
            assert_eq!(l.format, crate::formats::Format::ParlaMint);
            assert!(l.warnings.is_empty(), "{:?}", l.warnings);
            let s = &l.session;
            got.utterances += c.utterances;
            got.turns += s.turns.len();
            got.words += s
                .turns
                .iter()
                .flat_map(|t| &t.paragraphs)
                .map(|p| crate::text::word_count(p))
                .sum::<usize>();
            assert_eq!(s.sections.len(), 3, "120 utterances, 50 to a section");
            let date = s.meta.date.clone().unwrap();
            for sp in &s.speakers {
                let k = (0..400)
                    .find(|&k| Some(parlamint::person(k).0) == sp.person_id)
                    .unwrap();
                assert_eq!(sp.name, parlamint::person(k).1, "named from the list");
                assert_eq!(sp.party.as_deref(), Some(parlamint::party(k, &date)));
            }
            assert_eq!(s.turns[0].role, Some(crate::session::Role::Chair));
        }
        assert_eq!(got, want);
        assert!(
            want.turns < want.utterances,
            "some utterances continue a turn"
        );
    }
}
