//! `whosaid report --across` (issue 18): the corpus page.
//!
//! - Its numbers are those of `sources --across --summary`: every share a
//!   bar shows (`data-field`, `data-value`) and every count of a group row
//!   equals the field of the same name in the summary's JSON, for the whole
//!   corpus and for each `--by` group; the timeline's months are those of
//!   `--by date:month`.
//! - Its size follows the distinct sources, not the quotations: the same
//!   corpus three times over gives a page of (nearly) the same size, with no
//!   quotation or text on it, and at most `--top` sources per group.
//!
//! A small corpus written here is always used; PolNeAR dev + GGT dev (in
//! `../shared/corpora`) too when present.

use regex::Regex;
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_whosaid");

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("whosaid-report-across-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn run(args: &[&str]) -> String {
    let out = Command::new(BIN).args(args).output().unwrap();
    assert!(
        out.status.success(),
        "whosaid {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// Four short articles in two outlets and two months, one undated.
const SMALL: &[(&str, &str, Option<&str>, &str)] = &[
    (
        "a1",
        "north",
        Some("2024-01-05"),
        "“The bridge will open in May,” Maria Ortiz said. She added that costs had risen. \
         “We are not done yet,” said Karen Walsh, a spokeswoman for the union. \
         A spokesman for the city said the work was on schedule.",
    ),
    (
        "a2",
        "north",
        Some("2024-02-11"),
        "“It is late,” Mr. Tom Reed said. Critics said the plan was too costly. \
         “We will pay for it,” Maria Ortiz said.",
    ),
    (
        "b1",
        "south",
        Some("2024-02-20"),
        "The council said in a statement that the vote was delayed. \
         “Nobody asked us,” said Ana Lima, a farmer. She said the road floods every spring.",
    ),
    (
        "b2",
        "south",
        None,
        "“No comment,” an official said. “Perhaps next year,” Tom Reed said.",
    ),
];

fn small_corpus(dir: &Path, copies: usize) -> PathBuf {
    let mut out = String::new();
    for copy in 0..copies {
        for (id, outlet, date, text) in SMALL {
            let mut v = serde_json::json!({"id": format!("{id}-{copy}"), "outlet": outlet, "text": text});
            if let Some(d) = date {
                v["date"] = (*d).into();
            }
            out.push_str(&v.to_string());
            out.push('\n');
        }
    }
    let path = dir.join(format!("small-{copies}.jsonl"));
    std::fs::write(&path, out).unwrap();
    path
}

/// PolNeAR dev + GGT dev with `outlet` and `date` from the PolNeAR ids
/// (`polnear/dev/nyt_2016-09-08_…`), outlet `ggt` for the GGT articles.
fn shared_corpus(dir: &Path) -> Option<PathBuf> {
    let shared = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpora");
    let files = [shared.join("polnear-dev.jsonl"), shared.join("ggt-dev.jsonl")];
    if files.iter().any(|f| !f.is_file()) {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI is set but the shared corpora are missing"
        );
        eprintln!("skipped: ../shared/corpora/polnear-dev.jsonl and ggt-dev.jsonl are not here");
        return None;
    }
    let ids = Regex::new(r"^polnear/\w+/([^_/]+)_(\d{4}-\d{2}-\d{2})_").unwrap();
    let mut out = String::new();
    for f in &files {
        for line in std::fs::read_to_string(f).unwrap().lines() {
            let v: Value = serde_json::from_str(line).unwrap();
            let id = v["id"].as_str().unwrap();
            let mut keep = serde_json::json!({"id": id, "text": v["text"], "outlet": "ggt"});
            if let Some(c) = ids.captures(id) {
                keep["outlet"] = c[1].into();
                keep["date"] = c[2].into();
            }
            out.push_str(&keep.to_string());
            out.push('\n');
        }
    }
    let path = dir.join("corpus.jsonl");
    std::fs::write(&path, out).unwrap();
    Some(path)
}

/// The rows of a table of the page, by their `data-ATTR` key: each row's
/// `data-field` values (counts as written, shares as `data-value`).
fn page_rows(html: &str, attr: &str) -> BTreeMap<String, BTreeMap<String, String>> {
    let row = Regex::new(&format!(r#"(?s)<tr[^>]* data-{attr}="([^"]*)">(.*?)</tr>"#)).unwrap();
    let count = Regex::new(r#"<td class="n" data-field="([a-z_]+)">([^<]*)</td>"#).unwrap();
    let seg = Regex::new(r#"data-field="([a-z_]+)" data-value="([^"]*)""#).unwrap();
    let mut out = BTreeMap::new();
    for r in row.captures_iter(html) {
        let mut fields = BTreeMap::new();
        for c in count.captures_iter(&r[2]).chain(seg.captures_iter(&r[2])) {
            assert!(
                fields.insert(c[1].to_string(), c[2].to_string()).is_none(),
                "{} twice",
                &c[1]
            );
        }
        assert!(
            out.insert(r[1].replace("&amp;", "&"), fields).is_none(),
            "group {} twice",
            &r[1]
        );
    }
    out
}

/// The summary of `sources --across --summary --format json`, by group
/// label (`--by` values joined with " · ", "—" for none).
fn summary(corpus: &Path, by: Option<&str>) -> BTreeMap<String, Value> {
    let c = corpus.to_str().unwrap();
    let mut args = vec![
        "sources",
        "--across",
        "--summary",
        "--jsonl",
        c,
        "--format",
        "json",
        "-q",
    ];
    if let Some(b) = by {
        args.extend(["--by", b]);
    }
    let rows: Vec<Value> = serde_json::from_str(&run(&args)).unwrap();
    let columns: Vec<&str> = by.map_or(Vec::new(), |b| b.split(',').collect());
    rows.into_iter()
        .map(|r| {
            let label = columns
                .iter()
                .map(|c| r[c].as_str().unwrap_or("—").to_string())
                .collect::<Vec<_>>()
                .join(" · ");
            (label, r)
        })
        .collect()
}

/// Every value the page shows for a group equals the summary's.
fn same_numbers(what: &str, page: &BTreeMap<String, String>, summary: &Value) {
    assert!(page.len() >= 6, "{what}: only {page:?}");
    for (field, shown) in page {
        // Compared as numbers: the page writes 0.0 as "0".
        let want = summary[field]
            .as_f64()
            .unwrap_or_else(|| panic!("{what}: {field} is {}", summary[field]));
        let shown: f64 = shown.parse().unwrap_or_else(|_| panic!("{what}: {field}={shown}"));
        assert_eq!(shown, want, "{what}: {field}");
    }
    for share in ["named", "unnamed", "organization", "group"] {
        if !summary[share].is_null() {
            assert!(page.contains_key(share), "{what}: no bar segment for {share}");
        }
    }
}

fn page(corpus: &Path, extra: &[&str], dir: &Path, name: &str) -> String {
    let out = dir.join(name);
    let mut args = vec!["report", "--across", "--jsonl", corpus.to_str().unwrap(), "-q", "-o"];
    args.push(out.to_str().unwrap());
    args.extend(extra);
    run(&args);
    std::fs::read_to_string(out).unwrap()
}

fn check_numbers(corpus: &Path, by: &str, dir: &Path) -> String {
    let html = page(corpus, &["--by", by], dir, "page.html");
    let groups = page_rows(&html, "group");
    let all = summary(corpus, None);
    same_numbers("all documents", &groups[""], &all[""]);
    let by_group = summary(corpus, Some(by));
    assert_eq!(groups.len(), by_group.len() + 1, "one row per group and one for all");
    for (label, s) in &by_group {
        same_numbers(label, &groups[label], s);
    }
    // The timeline: the months of `--by date:month`, documents included.
    let months = page_rows(&html, "month");
    let by_month = summary(corpus, Some("date:month"));
    let dated: Vec<&String> = by_month.keys().filter(|k| *k != "—").collect();
    assert_eq!(months.keys().collect::<Vec<_>>(), dated);
    for (month, fields) in &months {
        same_numbers(month, fields, &by_month[month]);
    }
    html
}

#[test]
fn page_numbers_are_the_summary() {
    let dir = scratch("numbers");
    let html = check_numbers(&small_corpus(&dir, 1), "outlet", &dir);
    assert!(html.contains(r#"<tr data-month="2024-02">"#));
    if let Some(corpus) = shared_corpus(&dir) {
        check_numbers(&corpus, "outlet", &dir);
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn page_is_self_contained_and_sized_by_sources() {
    let dir = scratch("size");
    let one = page(&small_corpus(&dir, 1), &["--by", "outlet"], &dir, "one.html");
    let three = page(&small_corpus(&dir, 3), &["--by", "outlet"], &dir, "three.html");
    // Three times the quotations, the same sources: the same page but for
    // the counts (and the ids of the last documents seen).
    let (a, b) = (one.len() as f64, three.len() as f64);
    assert!((b - a).abs() / a < 0.02, "{a} bytes for one copy, {b} for three");
    for html in [&one, &three] {
        assert!(
            !html.contains("<mark") && !html.contains("bridge will open"),
            "quotations on the page"
        );
        for external in ["http://", "https://", "src=", "@import", "url("] {
            assert!(!html.contains(external), "{external} on the page");
        }
        assert_eq!(html.matches("<script").count(), 1);
        assert!(html.contains(r#"<table class="sources sortable" id="sources">"#));
    }
    // --top caps the sources per group: the corpus and each outlet.
    let top = page(
        &small_corpus(&dir, 1),
        &["--by", "outlet", "--top", "2"],
        &dir,
        "top.html",
    );
    let rows = Regex::new(r#"data-rows="(\d+)""#).unwrap();
    let n: usize = rows.captures(&top).unwrap()[1].parse().unwrap();
    assert!(n <= 2 * 3, "{n} rows with --top 2 and two outlets");
    assert_eq!(top.matches(r#"<tr><td class="group">"#).count(), n);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn no_timeline_without_dates() {
    let dir = scratch("undated");
    let fixtures = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/hard-cases.jsonl");
    let html = page(&fixtures, &["--by", "source"], &dir, "page.html");
    assert!(!html.contains(r#"class="timeline""#));
    assert!(html.contains(r#"class="groups""#));
    let _ = std::fs::remove_dir_all(&dir);
}
