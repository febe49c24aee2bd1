//! Every input the fuzzers (fuzz/, see fuzz/README.md) found to crash or hang
//! whosaid, kept as a test: the analysis must finish within a deadline,
//! without a panic, and its records must honour the contract (offsets that
//! slice back to the quote, text order, …; see tests/common).
//!
//! Inputs are inline byte strings, or files under tests/fixtures/crashes/
//! (the fuzzer's artifact as found). Bytes are decoded as the `analyze`
//! fuzz target and `--lossy` decode them; JSONL inputs are read line by line
//! with `whosaid::input::parse_jsonl_line`, as the `jsonl` target reads them.

mod common;

use common::{analyze_json, check_document, fixture};
use std::sync::mpsc;
use std::time::Duration;
use whosaid::input::{parse_jsonl_line, InputOptions, Item};

/// Far above what any of these inputs takes once fixed, even in a debug
/// build; a hang fails the test instead of stalling `cargo test`.
const DEADLINE: Duration = Duration::from_secs(20);

fn survives(name: &str, bytes: &[u8]) {
    let text = String::from_utf8_lossy(bytes).into_owned();
    let (tx, rx) = mpsc::channel();
    let input = text.clone();
    std::thread::spawn(move || {
        let _ = tx.send(std::panic::catch_unwind(|| analyze_json(&input)));
    });
    match rx.recv_timeout(DEADLINE) {
        Ok(Ok(records)) => {
            if let Err(e) = check_document(&text, &records) {
                panic!("{name}: {e}");
            }
        }
        Ok(Err(_)) => panic!("{name}: whosaid::analyze panicked (message above)"),
        Err(_) => panic!("{name}: not finished after {DEADLINE:?}: a hang"),
    }
}

fn crash_file(name: &str) -> Vec<u8> {
    std::fs::read(fixture("crashes").join(name)).expect("a crash fixture")
}

/// Fuzzer (analyze target): 413 bytes that took more than 12 s (after 3.17M
/// executions), and 462 bytes that took more than 7 s (another 0.42M).
/// `mentions::mention_before_opts` recursed twice at each comma of a run of
/// commas before "which" (the ", who/which" search and the comma appositive
/// loop), so the work doubled with each "…,,,,, which ask". Fixed by bounding
/// the nesting (`MAX_NESTING` in src/mentions.rs).
#[test]
fn relative_pronoun_after_comma_runs_is_not_exponential() {
    survives(
        "timeout-relative-comma-recursion.bin",
        &crash_file("timeout-relative-comma-recursion.bin"),
    );
    survives(
        "timeout-relative-comma-recursion-2.bin",
        &crash_file("timeout-relative-comma-recursion-2.bin"),
    );
    // The same, minimised by hand: ten "…,,,,,,,,,,,, which ask" took over 20 s.
    let text = format!("s{},,", ",,,,,,,,,,,, which ask".repeat(10));
    survives("minimal", text.as_bytes());
    survives(
        "longer",
        format!("s{},,", ",,,,,,,,,,,, which ask".repeat(40)).as_bytes(),
    );
}

/// Reads `bytes` as a JSONL input the way the `jsonl` fuzz target does
/// (strictly and with `--lossy`); every error names its document, every
/// document survives analysis. Returns the items of the strict reading.
fn jsonl_survives(name: &str, bytes: &[u8]) -> Vec<Item> {
    let strict = InputOptions {
        jsonl: true,
        keep_fields: vec!["source".into(), "id".into()],
        ..InputOptions::default()
    };
    let lossy = InputOptions {
        lossy: true,
        ..strict.clone()
    };
    let mut items = Vec::new();
    for (n, line) in bytes.split_inclusive(|&b| b == b'\n').enumerate() {
        let loc = format!("{name}:{}", n + 1);
        for opts in [&lossy, &strict] {
            match parse_jsonl_line(line, &loc, opts) {
                Item::Error { doc, error } => {
                    assert!(!doc.is_empty(), "{loc}: an error record without a document ({error})")
                }
                Item::Doc(doc, _) => {
                    assert!(!doc.id.is_empty(), "{loc}: a document without an id");
                    survives(&loc, doc.text.as_bytes());
                }
                Item::Skipped { .. } => {}
            }
        }
        items.push(parse_jsonl_line(line, &loc, &strict));
    }
    items
}

/// Fuzzer (jsonl target, 34,229 executions, then 16 more artifacts of the
/// same kind): `{"id": ""}` made an error record whose `doc` was empty, so
/// nothing said which line failed; a document with an empty id had the same
/// problem. Fixed in a4bf7cb: an empty id falls back to `file:line`.
#[test]
fn an_empty_jsonl_id_falls_back_to_the_line() {
    // The smallest artifact as found (crash-b4e1ef73…), 35 bytes.
    let items = jsonl_survives("crash.jsonl", b"{\"id\": {\"id\": 1, \"t: 5}\n{\"id\": \"\"}\r");
    assert!(matches!(&items[1], Item::Error { doc, .. } if doc == "crash.jsonl:2"));
    let items = jsonl_survives(
        "f.jsonl",
        b"{\"id\": \"\", \"text\": \"\xe2\x80\x9cYes,\xe2\x80\x9d she said.\"}\n{\"id\": \"\", \"tex[t\": \"x\"}\n",
    );
    assert!(matches!(&items[0], Item::Doc(d, _) if d.id == "f.jsonl:1"));
    assert!(matches!(&items[1], Item::Error { doc, .. } if doc == "f.jsonl:2"));
}
