//! `whosaid sources` and `whosaid report` run as a journalist would, on the
//! example article: their numbers must agree with `extract`.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const ARTICLE: &str = "data/iran-talks.txt";

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn whosaid(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_whosaid"))
        .current_dir(root())
        .args(args)
        .output()
        .expect("run whosaid")
}

fn stdout_of(args: &[&str]) -> String {
    let out = whosaid(args);
    assert!(
        out.status.success(),
        "whosaid {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

/// The records of `extract --format jsonl`.
fn records(path: &str) -> Vec<Value> {
    stdout_of(&["extract", "--format", "jsonl", "-q", path])
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSONL record"))
        .collect()
}

fn csv_rows(text: &str) -> (Vec<String>, Vec<Vec<String>>) {
    let mut rdr = csv::Reader::from_reader(text.as_bytes());
    let header = rdr.headers().expect("header").iter().map(String::from).collect();
    let rows = rdr
        .records()
        .map(|r| r.expect("row").iter().map(String::from).collect())
        .collect();
    (header, rows)
}

#[test]
fn sources_agree_with_extract() {
    let recs = records(ARTICLE);
    let attributed = recs.iter().filter(|r| !r["speaker_id"].is_null()).count();
    let (header, rows) = csv_rows(&stdout_of(&["sources", "--format", "csv", "-q", ARTICLE]));
    assert_eq!(
        header,
        [
            "doc",
            "speaker_id",
            "speaker",
            "speaker_type",
            "speaker_descriptor",
            "speaker_gender",
            "quotes",
            "direct",
            "mixed",
            "indirect",
            "words_quoted",
            "first_paragraph"
        ]
    );
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    let quotes: Vec<usize> = rows.iter().map(|r| r[col("quotes")].parse().unwrap()).collect();
    assert_eq!(quotes.iter().sum::<usize>(), attributed);
    // Most quoted first; kinds add up; one row per speaker id.
    assert!(quotes.windows(2).all(|w| w[0] >= w[1]), "not sorted: {quotes:?}");
    for r in &rows {
        let n = |c: &str| r[col(c)].parse::<usize>().unwrap();
        assert_eq!(n("direct") + n("mixed") + n("indirect"), n("quotes"));
        let id = &r[col("speaker_id")];
        let by_extract = recs.iter().filter(|x| x["speaker_id"].as_str() == Some(id)).count();
        assert_eq!(n("quotes"), by_extract, "speaker {id}");
    }
    let mut ids: Vec<&String> = rows.iter().map(|r| &r[col("speaker_id")]).collect();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), rows.len());
    // The article's sources (issue 8, "done when").
    let speakers: Vec<&str> = rows.iter().map(|r| r[col("speaker")].as_str()).collect();
    for name in ["Marc Champion", "Dennis Ross", "Michael McFaul", "Ali Khamenei"] {
        assert!(speakers.contains(&name), "{name} missing from {speakers:?}");
    }
    assert!(
        rows.iter().any(|r| r[col("speaker_type")] == "unnamed"),
        "no unnamed source"
    );
}

#[test]
fn sources_json_formats_match_csv() {
    let (_, rows) = csv_rows(&stdout_of(&["sources", "--format", "csv", "-q", ARTICLE]));
    let jsonl: Vec<Value> = stdout_of(&["sources", "--format", "jsonl", "-q", ARTICLE])
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let json: Value = serde_json::from_str(&stdout_of(&["sources", "--format", "json", "-q", ARTICLE])).unwrap();
    assert_eq!(jsonl.len(), rows.len());
    assert_eq!(json.as_array().unwrap(), &jsonl);
    assert_eq!(jsonl[0]["speaker_id"].as_str().unwrap(), rows[0][1]);
    let table = stdout_of(&["sources", "--format", "table", "-q", ARTICLE]);
    assert!(table.contains(ARTICLE) && table.contains("quotes"));
}

#[test]
fn per_document_rows_include_documents_without_quotations() {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("empty.txt");
    let plain = dir.path().join("plain.txt");
    std::fs::write(&empty, "").unwrap();
    std::fs::write(&plain, "The bridge opened in May. Traffic was light.\n").unwrap();
    let (e, p) = (empty.to_str().unwrap(), plain.to_str().unwrap());
    let (header, rows) = csv_rows(&stdout_of(&[
        "sources",
        "--per-document",
        "--format",
        "csv",
        "-q",
        ARTICLE,
        e,
        p,
    ]));
    assert_eq!(
        header,
        [
            "doc",
            "records",
            "sources",
            "named",
            "unnamed",
            "organization",
            "group",
            "top_source_share",
            "unattributed",
            "words_quoted"
        ]
    );
    assert_eq!(rows.len(), 3);
    let recs = records(ARTICLE);
    let article = &rows[0];
    assert_eq!(article[0], ARTICLE);
    assert_eq!(article[1].parse::<usize>().unwrap(), recs.len());
    let unattributed = recs.iter().filter(|r| r["speaker_id"].is_null()).count();
    assert_eq!(article[8].parse::<usize>().unwrap(), unattributed);
    let shares: f64 = (3..7).map(|i| article[i].parse::<f64>().unwrap()).sum();
    assert!((shares - 1.0).abs() < 0.01, "type shares sum to {shares}");
    for (row, doc) in rows[1..].iter().zip([e, p]) {
        assert_eq!(row[0], doc);
        assert_eq!(&row[1..3], ["0", "0"]);
        assert_eq!(row[7], "", "no top source");
    }
}

#[test]
fn unreadable_input_is_an_error_record_and_exit_2() {
    let out = whosaid(&["sources", "--format", "jsonl", "no/such/file.txt", ARTICLE]);
    assert_eq!(out.status.code(), Some(2));
    let stdout = String::from_utf8(out.stdout).unwrap();
    let first: Value = serde_json::from_str(stdout.lines().next().unwrap()).unwrap();
    assert_eq!(first["doc"], "no/such/file.txt");
    assert!(first["error"].is_string());
    assert!(stdout.lines().count() > 1, "the other input is still processed");
    assert!(String::from_utf8_lossy(&out.stderr).contains("no/such/file.txt"));
    let out = whosaid(&["sources", "--per-document", "--format", "csv", "no/such/file.txt"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8(out.stdout).unwrap().lines().count(),
        1,
        "CSV: the header only"
    );
}

fn count(hay: &str, needle: &str) -> usize {
    hay.matches(needle).count()
}

fn report(dir: &Path, inputs: &[&str]) -> (Output, String) {
    let path = dir.join("report.html");
    let mut args = vec!["report", "-q", "-o", path.to_str().unwrap()];
    args.extend(inputs);
    let out = whosaid(&args);
    let html = std::fs::read_to_string(&path).unwrap_or_default();
    (out, html)
}

#[test]
fn report_marks_every_record_part_and_is_self_contained() {
    let dir = tempfile::tempdir().unwrap();
    let (out, html) = report(dir.path(), &[ARTICLE]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let parts: usize = records(ARTICLE)
        .iter()
        .map(|r| r["parts"].as_array().map_or(1, |p| p.len().max(1)))
        .sum();
    assert!(parts > 0);
    assert_eq!(count(&html, r#"<mark class="quote""#), parts);
    for external in ["http://", "https://", "src=", "@import", "<link", "url(http", "//cdn"] {
        assert!(!html.contains(external), "report contains {external}");
    }
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("<svg") && html.contains("<table class=\"sources\""));
    assert!(html.contains("@media print"));
    assert!(html.contains("Marc Champion"));
}

#[test]
fn report_escapes_hostile_text_and_has_a_contents_for_several_inputs() {
    let dir = tempfile::tempdir().unwrap();
    let evil = dir.path().join("evil.txt");
    std::fs::write(
        &evil,
        "<script>alert(1)</script>\n\n\"><img src=x onerror=alert(1)>, the minister said.\n\n“<b>Hello</b>,” she said.\n",
    )
    .unwrap();
    let (out, html) = report(dir.path(), &[ARTICLE, evil.to_str().unwrap()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(!html.contains("<script>alert"));
    assert!(!html.contains("<img"));
    assert!(!html.contains("<b>Hello"));
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(html.contains("&lt;img src=x onerror=alert(1)&gt;"));
    assert!(html.contains(r#"<nav class="toc""#));
    assert_eq!(count(&html, r#"<section class="doc""#), 2);
}

#[test]
fn report_of_an_unreadable_input_says_so_and_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    let (out, html) = report(dir.path(), &[ARTICLE, "no/such/file.txt"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(html.contains("Could not be read"));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no/such/file.txt"));
}

#[test]
fn sources_counts_the_mayor_named_in_apposition_as_a_named_person() {
    let dir = std::env::temp_dir().join(format!("whosaid-ruiz-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let story = dir.join("story.txt");
    std::fs::write(
        &story,
        "The mayor, Elena Ruiz, said the road would open.\n\n“It will be ready,” the mayor said.\n",
    )
    .unwrap();
    let out = stdout_of(&["sources", "--format", "jsonl", "-q", story.to_str().unwrap()]);
    let rows: Vec<Value> = out.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    std::fs::remove_dir_all(&dir).ok();
    assert_eq!(rows.len(), 1, "{rows:?}");
    assert_eq!(rows[0]["speaker"], "Elena Ruiz");
    assert_eq!(rows[0]["speaker_type"], "person");
    assert_eq!(rows[0]["quotes"], 2);
}
