//! The label candidates of a file added up per name as written: all [`super::judge`] needs of
//! them. A long file is tallied in parallel, or block by block as it is read
//! ([`Tallies::add`]), to the same sums.

use foldhash::HashMap;
use rayon::prelude::*;

use super::{Candidate, Shape};

/// What the candidates written one way add up to.
#[derive(Debug, Clone, Copy)]
pub(super) struct Tally {
    /// The first of them, as its place among all the file's candidates.
    pub first: usize,
    pub count: usize,
    /// Not refused.
    pub plain: usize,
    pub opens: bool,
    pub strong: bool,
    /// Opening a unit, not refused, by shape: other than lower-case, and lower-case.
    pub opening: usize,
    pub opening_lower: usize,
}

impl Tally {
    fn of(at: usize, c: &Candidate) -> Self {
        let opening = c.opens && c.refused.is_none();
        let lower = c.shape == Shape::Lower;
        Tally {
            first: at,
            count: 1,
            plain: usize::from(c.refused.is_none()),
            opens: c.opens,
            strong: c.shape == Shape::Strong,
            opening: usize::from(opening && !lower),
            opening_lower: usize::from(opening && lower),
        }
    }

    pub(super) fn add(&mut self, other: &Tally) {
        self.first = self.first.min(other.first);
        self.count += other.count;
        self.plain += other.plain;
        self.opens |= other.opens;
        self.strong |= other.strong;
        self.opening += other.opening;
        self.opening_lower += other.opening_lower;
    }
}

/// Each name as written with its tally and its first candidate.
#[derive(Debug, Clone, Default)]
pub struct Tallies {
    pub(super) by_name: HashMap<String, (Tally, Candidate<'static>)>,
    /// How many candidates were added: the place of the next one.
    seen: usize,
}

impl Tallies {
    /// The tallies of `candidates`, the file's first.
    pub fn of(candidates: &[Candidate]) -> Self {
        let mut t = Tallies::default();
        t.add(candidates);
        t
    }

    /// Adds `candidates`, the ones after all added before.
    pub fn add(&mut self, candidates: &[Candidate]) {
        type Map<'c> = HashMap<&'c str, (Tally, &'c Candidate<'c>)>;
        fn merge<'c>(mut a: Map<'c>, b: Map<'c>) -> Map<'c> {
            for (name, (t, c)) in b {
                a.entry(name)
                    .and_modify(|(x, first)| {
                        if t.first < x.first {
                            *first = c;
                        }
                        x.add(&t);
                    })
                    .or_insert((t, c));
            }
            a
        }
        let offset = self.seen;
        let block: Map = candidates
            .par_iter()
            .enumerate()
            .with_min_len(1 << 14)
            .fold(Map::default, |mut m, (at, c)| {
                let t = Tally::of(offset + at, c);
                m.entry(c.name.as_ref())
                    .and_modify(|(x, _)| x.add(&t))
                    .or_insert((t, c));
                m
            })
            .reduce(Map::default, merge);
        for (name, (t, c)) in block {
            match self.by_name.get_mut(name) {
                // Blocks come in order: a name seen before keeps its first candidate.
                Some((x, _)) => x.add(&t),
                None => {
                    let owned = Candidate {
                        name: std::borrow::Cow::Owned(c.name.to_string()),
                        ..c.clone()
                    };
                    self.by_name.insert(name.to_string(), (t, owned));
                }
            }
        }
        self.seen += candidates.len();
    }
}
