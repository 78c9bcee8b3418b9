//! The side-by-side behind Podium's matcher: fuzzy-matcher's Skim v2 (what Podium used, no
//! release since 2020) against nucleo-matcher (helix, television), scoring the same 100k
//! synthetic quotes for the same queries, one thread, no prefilter — the matchers alone.

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use fuzzy_matcher::skim::SkimMatcherV2;
use nucleo_matcher::pattern::{Atom, AtomKind, CaseMatching, Normalization};
use nucleo_matcher::{Config, Matcher, Utf32Str};

const QUERIES: [(&str, &str); 3] = [("short", "cy"), ("word", "hygene"), ("no-match", "zzqqxj")];

fn quotes() -> Vec<String> {
    let mut out = Vec::new();
    let mut seed = 1;
    while out.len() < 100_000 {
        let (text, _) = podium::synth::session(seed, 100);
        seed += 1;
        let session = podium::formats::load_bytes("s.txt", Some("s.txt"), text.as_bytes())
            .unwrap_or_else(|e| panic!("{e}"))
            .session;
        out.extend(session.quotes().map(|(_, q)| q.to_string()));
    }
    out.truncate(100_000);
    out
}

fn bench(c: &mut Criterion) {
    let quotes = quotes();
    let mut group = c.benchmark_group("matcher_100k");
    group.sample_size(10);
    for (name, query) in QUERIES {
        group.bench_with_input(
            BenchmarkId::new("fuzzy-matcher skim v2", name),
            &query,
            |b, q| {
                let skim = SkimMatcherV2::default().smart_case();
                b.iter(|| {
                    quotes
                        .iter()
                        .filter(|t| skim.fuzzy(t, q, false).is_some())
                        .count()
                })
            },
        );
        group.bench_with_input(BenchmarkId::new("nucleo-matcher", name), &query, |b, q| {
            let atom = Atom::new(
                q,
                CaseMatching::Smart,
                Normalization::Smart,
                AtomKind::Fuzzy,
                false,
            );
            let mut matcher = Matcher::new(Config::DEFAULT);
            let mut buf = Vec::new();
            b.iter(|| {
                quotes
                    .iter()
                    .filter(|t| {
                        atom.score(Utf32Str::new(t, &mut buf), &mut matcher)
                            .is_some()
                    })
                    .count()
            })
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
