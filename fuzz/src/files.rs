//! The file layer and the writers on arbitrary bytes (issue 16), shared by
//! the `files` and `writers` fuzz targets and by `tests/fuzz_files.rs`
//! (a bounded random loop that runs on stable in `cargo test`).
//!
//! - `check_files`: the bytes as a file of each kind whosaid reads (.txt,
//!   .jsonl, UTF-16, and compressed with gzip and zstd, or as raw bytes
//!   claiming to be compressed), read by `whosaid::input::documents` with a
//!   small `--max-doc-bytes`: no panic, every item names its document, no
//!   document over the cap.
//! - `check_writers`: the bytes as a document, its records written in every
//!   format (plus `--excel`): no panic; JSON parses; CSV and TSV rows all
//!   have the header's width, and TSV rows are one line each.

use std::io::Write;
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use whosaid::input::{documents, InputOptions, Item};
use whosaid::output::{sink, Format, SinkOptions};

const CAP: u64 = 4096;

fn scratch() -> PathBuf {
    static N: AtomicUsize = AtomicUsize::new(0);
    let n = N.fetch_add(1, Ordering::Relaxed);
    let d = std::env::temp_dir().join(format!("whosaid-fuzz-{}-{n}", std::process::id()));
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// The files to write: (name, bytes).
fn variants(data: &[u8]) -> Vec<(&'static str, Vec<u8>)> {
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    gz.write_all(data).unwrap();
    let gz = gz.finish().unwrap();
    let zst = zstd::encode_all(data, 1).unwrap();
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(String::from_utf8_lossy(data).encode_utf16().flat_map(u16::to_le_bytes));
    vec![
        ("a.txt", data.to_vec()),
        ("b.txt.gz", gz.clone()),
        ("c.TXT.ZST", zst.clone()),
        ("d.txt.gz", data.to_vec()),
        ("e.txt.zst", data.to_vec()),
        ("f.jsonl", data.to_vec()),
        ("g.jsonl.GZ", gz),
        ("h.jsonl.zst", zst),
        ("i.jsonl", utf16.clone()),
        ("j.txt", utf16),
    ]
}

pub fn check_files(data: &[u8]) {
    let dir = scratch();
    for (name, bytes) in variants(data) {
        std::fs::write(dir.join(name), bytes).unwrap();
    }
    for jsonl in [false, true] {
        for lossy in [false, true] {
            let opts = InputOptions {
                jsonl,
                lossy,
                max_doc_bytes: CAP,
                keep_fields: vec!["source".into()],
                ..InputOptions::default()
            };
            for item in documents(&[dir.to_string_lossy().into_owned()], opts) {
                match item {
                    Item::Doc(d, _) => {
                        assert!(!d.id.is_empty(), "a document without a name");
                        assert!(d.text.len() as u64 <= 3 * CAP, "a document over the cap");
                        let records = whosaid::analyze(&d);
                        super::check(&d.text, &records);
                    }
                    Item::Error { doc, error } => assert!(!doc.is_empty() && !error.is_empty()),
                    Item::Skipped { path, .. } => assert!(!path.is_empty()),
                }
            }
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
}

pub fn check_writers(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let doc = whosaid::Document::new(String::from_utf8_lossy(&data[..data.len().min(12)]), text.as_ref());
    let mut records = whosaid::analyze(&doc);
    for r in &mut records {
        r.extra
            .insert("source".into(), serde_json::Value::String(doc.id.clone()));
    }
    for format in [Format::Json, Format::Jsonl, Format::Csv, Format::Tsv, Format::Table] {
        for excel in [false, true] {
            let mut out = Vec::new();
            {
                let opts = SinkOptions {
                    extra_columns: vec!["source".into()],
                    excel,
                    ..SinkOptions::default()
                };
                let mut s = sink(format, Box::new(&mut out), opts);
                s.records(&records).unwrap();
                s.error(&doc.id, "an error\twith\nbreaks").unwrap();
                s.finish().unwrap();
            }
            check_output(format, &out, records.len());
        }
    }
}

fn check_output(format: Format, out: &[u8], n: usize) {
    let text = std::str::from_utf8(out).expect("output is UTF-8");
    let text = text.trim_start_matches('\u{feff}');
    match format {
        Format::Json => {
            let v: serde_json::Value = serde_json::from_str(text).expect("JSON parses");
            assert_eq!(v.as_array().map(Vec::len), Some(n + 1));
        }
        Format::Jsonl => {
            let lines: Vec<&str> = text.lines().collect();
            assert_eq!(lines.len(), n + 1);
            for l in lines {
                let _: serde_json::Value = serde_json::from_str(l).expect("JSONL line parses");
            }
        }
        Format::Csv => {
            let mut rdr = csv::ReaderBuilder::new().from_reader(text.as_bytes());
            let width = rdr.headers().unwrap().len();
            let rows: Vec<_> = rdr.records().map(|r| r.expect("CSV parses")).collect();
            assert_eq!(rows.len(), n);
            assert!(rows.iter().all(|r| r.len() == width));
        }
        Format::Tsv => {
            // One line per row, whatever the cells hold (quoting aside).
            let lines: Vec<&str> = text.lines().collect();
            assert_eq!(lines.len(), n + 1, "a TSV row broke over lines");
        }
        Format::Table => assert!(!text.contains('\u{1b}'), "raw ESC in the table"),
    }
}
