//! Quote search at 10k, 100k and 1M quotes (synthetic, deterministic): the full ranking the
//! browser's worker does (all matches, the best 1000, unlit), the first screenful (the first
//! worker batch), for short, long, no-match and typo queries. Each size also measures a
//! reference in the same run — a plain substring scan of every quote — so figures read as
//! ratios on any machine.

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use podium::search::{self, Query, QuoteIndex, Scope};
use podium::session::Session;

const QUERIES: [(&str, &str); 4] = [
    ("short", "cy"),
    (
        "long",
        "the committee should strengthen information sharing",
    ),
    ("no-match", "zzqqxj"),
    ("typo", "cyber hygene"),
];

fn library(quotes: usize) -> Vec<Session> {
    let per = 100;
    (0..quotes.div_ceil(per))
        .map(|i| {
            let (text, _) = podium::synth::session(i as u64 + 1, per);
            podium::formats::load_bytes("s.txt", Some("s.txt"), text.as_bytes())
                .map(|l| l.session)
                .unwrap_or_else(|e| panic!("{e}"))
        })
        .collect()
}

fn rank(index: &QuoteIndex, query: &str, candidates: Option<&[u32]>) -> usize {
    let query = Query::new(query);
    let mut found = search::matches(
        index,
        &query,
        Scope {
            speaker: None,
            candidates,
        },
    );
    search::top_unlit(index, &query, &mut found, 1000).len()
}

fn bench(c: &mut Criterion) {
    for quotes in [10_000usize, 100_000, 1_000_000] {
        let sessions = library(quotes);
        let index = QuoteIndex::from_sessions(&sessions);
        let first_batch: Vec<u32> = (0..index.len().min(32_768) as u32).collect();
        let mut group = c.benchmark_group(format!("search_{}k", quotes / 1000));
        if quotes >= 1_000_000 {
            group.sample_size(10);
        }
        group.bench_function("reference: substring scan", |b| {
            b.iter(|| {
                (0..index.len())
                    .filter(|&i| index.text(i).contains("hygiene"))
                    .count()
            })
        });
        for (name, query) in QUERIES {
            group.bench_with_input(BenchmarkId::new("full ranking", name), &query, |b, q| {
                b.iter(|| rank(&index, q, None))
            });
        }
        group.bench_function("first screenful (typo)", |b| {
            b.iter(|| rank(&index, "cyber hygene", Some(&first_batch)))
        });
        group.finish();
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
