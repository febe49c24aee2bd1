//! Arbitrary bytes as a JSONL input: split into lines as the reader does,
//! each line read by `whosaid::input::parse_jsonl_line` (strict and
//! `--lossy`), every document analysed and its records checked.
#![no_main]

use libfuzzer_sys::fuzz_target;
use whosaid::input::{parse_jsonl_line, InputOptions, Item};

fuzz_target!(|data: &[u8]| {
    let strict = InputOptions {
        jsonl: true,
        keep_fields: vec!["source".into(), "id".into()],
        ..InputOptions::default()
    };
    let lossy = InputOptions {
        lossy: true,
        ..strict.clone()
    };
    for (n, line) in data.split_inclusive(|&b| b == b'\n').enumerate() {
        let loc = format!("fuzz.jsonl:{}", n + 1);
        let a = parse_jsonl_line(line, &loc, &strict);
        let b = parse_jsonl_line(line, &loc, &lossy);
        match (&a, &b) {
            (Item::Skipped { path, .. }, Item::Skipped { .. }) => assert_eq!(path, &loc),
            (Item::Skipped { .. }, _) | (_, Item::Skipped { .. }) => panic!("only one reading skips the line"),
            // What decodes strictly reads the same with --lossy.
            (Item::Doc(d, kept), Item::Doc(e, kept2)) => {
                assert_eq!((&d.id, &d.text, kept), (&e.id, &e.text, kept2));
                assert_eq!(kept.len(), 2, "every kept field is present");
            }
            (Item::Doc(..), Item::Error { .. }) => panic!("a line read strictly fails with --lossy"),
            (Item::Error { doc, error }, _) => assert!(!doc.is_empty() && !error.is_empty()),
        }
        if let Item::Doc(doc, _) = b {
            let records = whosaid::analyze(&doc);
            whosaid_fuzz::check(&doc.text, &records);
        }
    }
});
