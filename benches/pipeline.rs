//! Per-stage benchmarks on the example article (`data/iran-talks.txt`).
//!
//! `cargo bench --bench pipeline` runs them all; `cargo bench --bench pipeline
//! -- cues` only those whose name contains "cues". Each stage gets the output
//! of the stages before it, computed once outside the timed loop, so the
//! times add up to (roughly) `analyze`. `scripts/bench.sh` turns them into the
//! per-stage profile of `docs/performance.md`.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::hint::black_box;
use whosaid::output::{sink, Format, SinkOptions};
use whosaid::{attribute, cues, entities, quotes, record, segment, tokens, Document};

const TEXT: &str = include_str!("../data/iran-talks.txt");

fn stages(c: &mut Criterion) {
    let doc = Document::new("iran-talks", TEXT);
    let text = doc.text.as_str();
    let segs = segment::segment(text);
    let quotations = quotes::find_quotations(text, &segs);
    let found = cues::find_cues(text, 0..text.len());
    let toks = tokens::tokenize(text, segs.paragraphs.iter().map(|p| p.start));
    let claims = attribute::attribute(text, &segs, &toks, &quotations, &found);
    let resolution = entities::resolve(text, &segs, &toks, &quotations, &claims);
    let records = record::build(&doc, &segs, &claims, &resolution);

    let mut g = c.benchmark_group("stage");
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.bench_function("segment", |b| b.iter(|| segment::segment(black_box(text))));
    g.bench_function("quotes", |b| b.iter(|| quotes::find_quotations(black_box(text), &segs)));
    g.bench_function("cues", |b| b.iter(|| cues::find_cues(black_box(text), 0..text.len())));
    g.bench_function("tokens", |b| {
        b.iter(|| tokens::tokenize(black_box(text), segs.paragraphs.iter().map(|p| p.start)))
    });
    g.bench_function("attribute", |b| {
        b.iter(|| attribute::attribute(black_box(text), &segs, &toks, &quotations, &found))
    });
    g.bench_function("entities", |b| {
        b.iter(|| entities::resolve(black_box(text), &segs, &toks, &quotations, &claims))
    });
    g.bench_function("records", |b| {
        b.iter(|| record::build(black_box(&doc), &segs, &claims, &resolution))
    });
    g.bench_function("output_jsonl", |b| {
        let mut buf: Vec<u8> = Vec::with_capacity(1 << 16);
        b.iter(|| {
            buf.clear();
            let mut s = sink(Format::Jsonl, Box::new(&mut buf), SinkOptions::default());
            s.records(black_box(&records)).unwrap();
            s.finish().unwrap();
        })
    });
    g.bench_function("analyze", |b| b.iter(|| whosaid::analyze(black_box(&doc))));
    g.finish();
}

criterion_group!(benches, stages);
criterion_main!(benches);
