//! Per-stage profile of the pipeline, stage by stage in the order `analyze`
//! runs them, so each stage meets the caches the previous ones left (the
//! criterion benches time one stage at a time, with warm caches, and so
//! understate the later ones).
//!
//!     cargo run --release --example stage_profile -- data/iran-talks.txt 300
//!     cargo run --release --example stage_profile -- corpus.jsonl
//!
//! A `.jsonl` input is read as `{"id", "text"}` records; anything else is one
//! document. The optional count repeats the whole input. Prints a markdown
//! table: microseconds per document and share of the total for each stage.

use std::time::{Duration, Instant};
use whosaid::{attribute, cues, entities, quotes, record, segment, tokens, Document};

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().expect("usage: stage_profile FILE [REPEAT]");
    let repeat: usize = args.next().map_or(1, |n| n.parse().expect("REPEAT is a number"));
    let body = std::fs::read_to_string(&path).expect("readable UTF-8 input");
    let docs: Vec<Document> = if path.ends_with(".jsonl") {
        body.lines()
            .filter(|l| !l.trim().is_empty())
            .map(|l| {
                let v: serde_json::Value = serde_json::from_str(l).expect("a JSON record per line");
                Document::new(
                    v["id"].as_str().unwrap_or(""),
                    v["text"].as_str().expect("a text field"),
                )
            })
            .collect()
    } else {
        vec![Document::new(path.as_str(), body)]
    };
    // A document whose analysis panics (a bug, reported by `extract` as an
    // error record) would stop the profile: leave it out.
    std::panic::set_hook(Box::new(|_| {}));
    let docs: Vec<Document> = docs
        .into_iter()
        .filter(|d| whosaid::analyze_guarded(d).is_ok())
        .collect();
    let _ = std::panic::take_hook();

    const STAGES: [&str; 8] = [
        "segment",
        "quotes",
        "cues",
        "tokens",
        "attribute",
        "entities",
        "records",
        "output (JSONL)",
    ];
    let mut spent = [Duration::ZERO; STAGES.len()];
    let mut out: Vec<u8> = Vec::with_capacity(1 << 20);
    let mut clock = |k: usize, t: &mut Instant| {
        let now = Instant::now();
        spent[k] += now - *t;
        *t = now;
    };
    // Reused from document to document, as `analyze` does.
    let mut toks = tokens::Tokens::new();
    for _ in 0..repeat {
        for doc in &docs {
            let text = doc.text.as_str();
            let mut t = Instant::now();
            let segs = segment::segment(text);
            clock(0, &mut t);
            let quotations = quotes::find_quotations(text, &segs);
            clock(1, &mut t);
            let found = cues::find_cues(text, 0..text.len());
            clock(2, &mut t);
            tokens::tokenize_into(text, segs.paragraphs.iter().map(|p| p.start), &mut toks);
            clock(3, &mut t);
            let claims = attribute::attribute(text, &segs, &toks, &quotations, &found);
            clock(4, &mut t);
            let resolution = entities::resolve(text, &segs, &toks, &quotations, &claims);
            clock(5, &mut t);
            let records = record::build(doc, &segs, &claims, &resolution);
            clock(6, &mut t);
            out.clear();
            for r in &records {
                serde_json::to_writer(&mut out, r).expect("records serialise");
                out.push(b'\n');
            }
            clock(7, &mut t);
        }
    }
    let n = (docs.len() * repeat).max(1) as f64;
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    let total: Duration = spent.iter().sum();
    println!(
        "{} document(s), {:.1} KB of text on average, {} pass(es)\n",
        docs.len(),
        bytes as f64 / docs.len().max(1) as f64 / 1e3,
        repeat
    );
    println!("| stage | µs per document | share |");
    println!("|---|---:|---:|");
    for (name, d) in STAGES.iter().zip(spent) {
        println!(
            "| {name} | {:.1} | {:.0}% |",
            d.as_secs_f64() * 1e6 / n,
            100.0 * d.as_secs_f64() / total.as_secs_f64().max(1e-12)
        );
    }
    println!(
        "| **total** | {:.1} | {:.1} MB/s of text |",
        total.as_secs_f64() * 1e6 / n,
        bytes as f64 * repeat as f64 / total.as_secs_f64().max(1e-12) / 1e6
    );
}
