//! The "floor" of `scripts/bench.sh`: the least work any extractor built on
//! whosaid's parts must do per document, to compare `whosaid extract` with.
//!
//! Reads JSONL `{"id", "text"}` lines from a file (or stdin), and for each:
//! parses the line (serde_json), runs the cue automaton over the text
//! ([`whosaid::cues::find_cues`]), scans for quotation marks (“…” and "…"
//! pairs, with memchr), tokenises ([`whosaid::tokens::tokenize_into`]), and
//! writes one JSON line per quote-mark pair to stdout. No segmentation,
//! attribution, speakers or code-point offsets.
//!
//!     cargo run --release --example floor -- corpus.jsonl > pairs.jsonl

use std::io::{BufRead, BufReader, BufWriter, Read, Write};
use whosaid::{cues, tokens};

#[derive(serde::Deserialize)]
struct Line {
    id: String,
    text: String,
}

#[derive(serde::Serialize)]
struct Pair<'a> {
    doc: &'a str,
    byte_start: usize,
    byte_end: usize,
    quote: &'a str,
    cues: usize,
    tokens: usize,
}

fn main() -> std::io::Result<()> {
    let input: Box<dyn Read> = match std::env::args().nth(1) {
        Some(path) if path != "-" => Box::new(std::fs::File::open(path)?),
        _ => Box::new(std::io::stdin()),
    };
    let mut out = BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
    let mut toks = tokens::Tokens::new();
    for line in BufReader::with_capacity(1 << 16, input).lines() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let doc: Line = serde_json::from_str(&line).map_err(std::io::Error::other)?;
        let text = doc.text.as_str();
        let found = cues::find_cues(text, 0..text.len()).len();
        tokens::tokenize_into(text, std::iter::once(0), &mut toks);
        for (start, end) in quote_pairs(text) {
            let pair = Pair {
                doc: &doc.id,
                byte_start: start,
                byte_end: end,
                quote: &text[start..end],
                cues: found,
                tokens: toks.len(),
            };
            serde_json::to_writer(&mut out, &pair).map_err(std::io::Error::other)?;
            out.write_all(b"\n")?;
        }
    }
    out.flush()
}

/// Byte spans of the contents of “…” and "…" pairs: each opening mark with
/// the next matching close, as the naive regex `“[^”]*”|"[^"]*"` pairs them.
fn quote_pairs(text: &str) -> Vec<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut pairs = Vec::new();
    let mut i = 0;
    // '"' is one byte; '“' and '”' are E2 80 9C / E2 80 9D.
    while let Some(k) = memchr::memchr2(b'"', 0xE2, &bytes[i..]) {
        let at = i + k;
        let (close, open_len): (&[u8], usize) = if bytes[at] == b'"' {
            (b"\"", 1)
        } else if bytes[at..].starts_with("“".as_bytes()) {
            ("”".as_bytes(), 3)
        } else {
            i = at + 1;
            continue;
        };
        let from = at + open_len;
        match memchr::memmem::find(&bytes[from..], close) {
            Some(len) => {
                pairs.push((from, from + len));
                i = from + len + close.len();
            }
            None => i = from,
        }
    }
    pairs
}
