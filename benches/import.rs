//! Importing, in MB/s of input, per importer, against references measured in the same run:
//! `wc -w` done in Rust (whitespace-separated words over the bytes; what `wc -w` does, without
//! the process) and Podium's own word and sentence rules over the same text. Every input is
//! the same synthetic speech (`podium synth`'s English with some non-ASCII names, places and
//! `₹`), written as each format writes it, about 4 MB each.
//!
//! ```sh
//! cargo bench --bench import
//! python3 benches/import_speed.py      # the CLI on a 1M-line file against wc -w
//! ```

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};

/// About 4 MB of speech: enough that per-file costs do not count.
const QUOTES: usize = 30_000;

/// (speaker, text) per turn of the synthetic session.
fn turns() -> Vec<(String, String)> {
    let (text, _) = podium::synth::session(1, QUOTES);
    text.lines()
        .filter_map(|l| l.split_once(": "))
        .filter(|(name, _)| !name.starts_with('#'))
        .map(|(n, t)| (n.to_string(), t.to_string()))
        .collect()
}

fn clock(seconds: f64, comma: bool) -> String {
    let ms = (seconds * 1000.0).round() as u64;
    let sep = if comma { ',' } else { '.' };
    format!(
        "{:02}:{:02}:{:02}{sep}{:03}",
        ms / 3_600_000,
        ms / 60_000 % 60,
        ms / 1000 % 60,
        ms % 1000
    )
}

/// Each turn as one cue of `Name: text`, four seconds a cue.
fn webvtt(turns: &[(String, String)]) -> String {
    let mut out = String::from("WEBVTT\n\n");
    for (i, (name, text)) in turns.iter().enumerate() {
        let (a, b) = (i as f64 * 4.0, i as f64 * 4.0 + 3.5);
        out.push_str(&format!(
            "{}\n{} --> {}\n{name}: {text}\n\n",
            i + 1,
            clock(a, false),
            clock(b, false)
        ));
    }
    out
}

fn srt(turns: &[(String, String)]) -> String {
    let mut out = String::new();
    for (i, (name, text)) in turns.iter().enumerate() {
        let (a, b) = (i as f64 * 4.0, i as f64 * 4.0 + 3.5);
        out.push_str(&format!(
            "{}\n{} --> {}\n{name}: {text}\n\n",
            i + 1,
            clock(a, true),
            clock(b, true)
        ));
    }
    out
}

/// WhisperX-shaped JSON: segments with a speaker, start, end and text.
fn json(turns: &[(String, String)]) -> String {
    let segments: Vec<serde_json::Value> = turns
        .iter()
        .enumerate()
        .map(|(i, (name, text))| {
            serde_json::json!({
                "start": i as f64 * 4.0,
                "end": i as f64 * 4.0 + 3.5,
                "speaker": name,
                "text": text,
            })
        })
        .collect();
    serde_json::json!({ "segments": segments }).to_string()
}

/// The bundled DiploAI report, its transcript grown to the same size: the synthetic turns
/// first, as the report writes turns (`Name:` on its own line, the text below).
fn diploai(turns: &[(String, String)]) -> String {
    let report = include_str!("../data/igf2023-ns44-csirt.txt");
    let mark = "Session transcript\n";
    let at = report.find(mark).map_or(report.len(), |p| p + mark.len());
    let mut out = report[..at].to_string();
    out.push('\n');
    for (name, text) in turns {
        out.push_str(&format!("{name}:\n{text}\n\n"));
    }
    out.push_str(&report[at..]);
    out
}

/// `wc -w`: words are runs of bytes other than ASCII white space.
fn wc_words(bytes: &[u8]) -> usize {
    let mut words = 0;
    let mut in_word = false;
    for &b in bytes {
        let space = matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0b' | b'\x0c');
        words += usize::from(!space && !in_word);
        in_word = !space;
    }
    words
}

fn bench(c: &mut Criterion) {
    let turns = turns();
    let (text, _) = podium::synth::session(1, QUOTES);
    let inputs: [(&str, &str, String); 5] = [
        ("text", "s.txt", text),
        ("webvtt", "s.vtt", webvtt(&turns)),
        ("srt", "s.srt", srt(&turns)),
        ("json", "s.json", json(&turns)),
        ("diploai", "s.txt", diploai(&turns)),
    ];
    let mut group = c.benchmark_group("import");
    group.sample_size(20);
    for (format, name, input) in &inputs {
        let loaded = podium::formats::load_bytes(name, Some(name), input.as_bytes())
            .unwrap_or_else(|e| panic!("{format}: {e}"));
        assert_eq!(loaded.format.name(), *format, "detected as itself");
        group.throughput(Throughput::Bytes(input.len() as u64));
        group.bench_function(format!("{format} ({} MB)", input.len() / 1_000_000), |b| {
            b.iter(|| {
                podium::formats::load_bytes(name, Some(name), black_box(input.as_bytes()))
                    .map(|l| l.session.turns.len())
            })
        });
    }
    let text = &inputs[0].2;
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function("reference: wc -w in Rust", |b| {
        b.iter(|| wc_words(black_box(text.as_bytes())))
    });
    group.bench_function("rule: word_count per line", |b| {
        b.iter(|| {
            black_box(text)
                .lines()
                .map(podium::text::word_count)
                .sum::<usize>()
        })
    });
    group.bench_function("rule: sentence_spans per line", |b| {
        b.iter(|| {
            black_box(text)
                .lines()
                .map(|l| podium::text::sentence_spans(l).len())
                .sum::<usize>()
        })
    });
    let json = podium::formats::podium_json::to_string(
        &podium::formats::load_bytes("s.txt", Some("s.txt"), text.as_bytes())
            .unwrap_or_else(|e| panic!("{e}"))
            .session,
    );
    group.throughput(Throughput::Bytes(json.len() as u64));
    group.bench_function("podium json load", |b| {
        b.iter(|| {
            podium::formats::load_bytes("s.json", None, black_box(json.as_bytes()))
                .map(|l| l.session.turns.len())
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
