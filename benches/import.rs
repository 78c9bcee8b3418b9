//! Importing a 10,000-quote speaker-labelled session, against a reference measured in the same
//! run: splitting the same text into lines and counting its words (the least any importer does).

use criterion::{Criterion, criterion_group, criterion_main};

fn bench(c: &mut Criterion) {
    let (text, _) = podium::synth::session(1, 10_000);
    let mut group = c.benchmark_group("import_10k_quotes");
    group.bench_function("reference: lines and words", |b| {
        b.iter(|| text.lines().map(podium::text::word_count).sum::<usize>())
    });
    group.bench_function("text import", |b| {
        b.iter(|| {
            podium::formats::load_bytes("s.txt", Some("s.txt"), text.as_bytes())
                .map(|l| l.session.turns.len())
        })
    });
    let json = podium::formats::podium_json::to_string(
        &podium::formats::load_bytes("s.txt", Some("s.txt"), text.as_bytes())
            .unwrap_or_else(|e| panic!("{e}"))
            .session,
    );
    group.bench_function("podium json load", |b| {
        b.iter(|| {
            podium::formats::load_bytes("s.json", None, json.as_bytes())
                .map(|l| l.session.turns.len())
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
