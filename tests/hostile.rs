//! Hostile input (issue 9): thousands of stray quote marks, megabyte lines,
//! deep nesting, text with no punctuation, only apostrophes or only line
//! breaks. Each must be analysed without a panic, in time linear enough to
//! finish in a few seconds in a debug build, into records that honour the
//! contract. The sizes are small on purpose; the benchmark covers scale.
//! The JSONL cases (NUL bytes in a text field, a 1 MB line) are in cli.rs.

mod common;

use common::{analyze_json, check_document};
use std::time::Instant;

/// Analyses `text` and checks every record; returns the number of records.
fn survives(name: &str, text: &str) -> usize {
    let t0 = Instant::now();
    let records = analyze_json(text);
    let took = t0.elapsed();
    if let Err(e) = check_document(text, &records) {
        panic!("{name}: {e}");
    }
    eprintln!("{name}: {} bytes, {} records, {:.2?}", text.len(), records.len(), took);
    records.len()
}

#[test]
fn a_hundred_thousand_quote_marks() {
    for mark in ["“", "”", "\"", "'", "‘", "’", "«", "»", "„", "‹", "›"] {
        survives(&format!("{mark:?} × 100000"), &mark.repeat(100_000));
    }
    survives("“” × 50000", &"“”".repeat(50_000));
    survives("”“ × 50000", &"”“".repeat(50_000));
    survives("\" \" × 50000", &"\" ".repeat(100_000));
    survives("all marks × 10000", &"“”\"'‘’«»„‹›".repeat(10_000));
    let n = survives("“a,” he said. × 20000", &"“a,” he said. ".repeat(20_000));
    assert!(n > 0, "a text of quotations gave no records");
}

#[test]
fn a_two_megabyte_line_without_punctuation() {
    let text = "word Smith said the talks ".repeat(80_000);
    assert!(text.len() >= 2_000_000);
    survives("2 MB line", &text);
}

#[test]
fn five_thousand_nested_quotes() {
    // “we ‘said “we ‘said … deep x,’ y,” x,’ y,” she said.
    let open = "“we ‘said ".repeat(2_500);
    let close = "x,’ y,” ".repeat(2_500);
    let text = format!("{open}deep {close}she said.");
    let records = analyze_json(&text);
    check_document(&text, &records).unwrap();
    assert_eq!(records.len(), 1, "one outermost quotation");
    let quote = records[0]["quote"].as_str().unwrap();
    assert!(quote.starts_with("we ‘said “we") && quote.ends_with("x,’ y,"));
    assert_eq!(records[0]["start"], 1);
    survives("nested marks only", &"“‘".repeat(2_500));
    survives("nested, never closed", &format!("{open}deep"));
    survives("nested, only closing", &close);
    survives(
        "nested marks, closed",
        &format!("{}deep{}", "“‘".repeat(2_500), "’”".repeat(2_500)),
    );
    survives("nested with words", &"“a ‘b ".repeat(2_500));
    survives("straight nested", &"\"a 'b ".repeat(2_500));
}

#[test]
fn text_with_no_punctuation() {
    let words = [
        "the",
        "Minister",
        "said",
        "told",
        "according",
        "to",
        "Smith",
        "they",
        "that",
    ];
    let text: String = (0..40_000)
        .map(|i| words[i * 7 % words.len()])
        .collect::<Vec<_>>()
        .join(" ");
    survives("no punctuation", &text);
    survives("one long word", &"a".repeat(200_000));
}

#[test]
fn only_apostrophes() {
    survives("’ × 100000", &"’".repeat(100_000));
    survives("' × 100000", &"'".repeat(100_000));
    survives(
        "apostrophe words",
        &"don’t Iran’s sides’ ’90s rock ’n’ roll O’Brien ".repeat(4_000),
    );
}

#[test]
fn only_line_breaks() {
    survives("\\n × 200000", &"\n".repeat(200_000));
    survives("\\r × 200000", &"\r".repeat(200_000));
    survives("\\r\\n × 100000", &"\r\n".repeat(100_000));
    survives("\\n\\r × 100000", &"\n\r".repeat(100_000));
    survives("lines of quotes", &"“\n".repeat(100_000));
    survives("short lines", &"“Yes,” he said\n".repeat(10_000));
}

#[test]
fn many_short_paragraphs_of_quotations() {
    let text = "“We will not wait,” said Karen Walsh, a spokeswoman.\n\n\"It is done.\n\n".repeat(3_000);
    let n = survives("paragraphs", &text);
    assert!(n >= 3_000);
}
