//! Integration tests of `whosaid extract`: the foundation contract (issue 2)
//! and hardening (issue 9), run on the real binary in temporary folders.
//!
//! Covered: every record field in every format, the example article's
//! quotations, offsets that slice back, RFC 4180 CSV, `--excel`, bad input
//! (one test each: error record, stderr message, exit code 2, every other
//! input still processed), folders, stdin, compressed input, `--keep-fields`,
//! `--shard`, `--threads`, `--output`, broken pipes, BOMs and UTF-16,
//! `--min-confidence`, and the end-of-run summary.

mod common;

use common::{check_document, check_record, fixture, root, TextIndex, FIELDS};
use proptest::prelude::*;
use serde_json::{json, Value};
use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use whosaid::record::COLUMNS;

const BIN: &str = env!("CARGO_BIN_EXE_whosaid");

/// What one run of the binary gave.
struct Run {
    code: i32,
    stdout: Vec<u8>,
    stderr: String,
}

impl Run {
    fn text(&self) -> &str {
        std::str::from_utf8(&self.stdout).expect("stdout is UTF-8")
    }

    /// stdout as JSON Lines.
    fn jsonl(&self) -> Vec<Value> {
        self.text()
            .lines()
            .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON ({e}): {l}")))
            .collect()
    }

    /// The records (not the error records) of stdout as JSON Lines.
    fn records(&self) -> Vec<Value> {
        self.jsonl().into_iter().filter(|v| v.get("error").is_none()).collect()
    }

    /// The error records of stdout as JSON Lines.
    fn errors(&self) -> Vec<Value> {
        self.jsonl().into_iter().filter(|v| v.get("error").is_some()).collect()
    }

    /// The end-of-run summary: documents read, with quotations, records, errors.
    fn summary(&self) -> [u64; 4] {
        let re =
            regex::Regex::new(r"(\d+) documents? read, (\d+) with quotations, (\d+) records?, (\d+) errors?").unwrap();
        let c = re
            .captures(&self.stderr)
            .unwrap_or_else(|| panic!("no summary line on stderr:\n{}", self.stderr));
        [1, 2, 3, 4].map(|i| c[i].parse().unwrap())
    }

    fn assert_code(&self, code: i32) -> &Self {
        assert_eq!(
            self.code, code,
            "exit code {} (expected {code})\nstderr:\n{}",
            self.code, self.stderr
        );
        self
    }
}

/// Runs `whosaid ARGS` in `dir`, with `stdin` (or nothing) as its input.
fn run_in(dir: &Path, args: &[&str], stdin: Option<&[u8]>) -> Run {
    let mut child = Command::new(BIN)
        .args(args)
        .current_dir(dir)
        .stdin(if stdin.is_some() { Stdio::piped() } else { Stdio::null() })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the whosaid binary runs");
    let feeder = stdin.map(|bytes| {
        let mut pipe = child.stdin.take().unwrap();
        let bytes = bytes.to_vec();
        std::thread::spawn(move || {
            let _ = pipe.write_all(&bytes);
        })
    });
    let out = child.wait_with_output().expect("whosaid finishes");
    if let Some(f) = feeder {
        f.join().unwrap();
    }
    Run {
        code: out.status.code().expect("whosaid exited (not killed by a signal)"),
        stdout: out.stdout,
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

fn run(dir: &Path, args: &[&str]) -> Run {
    run_in(dir, args, None)
}

fn tempdir() -> tempfile::TempDir {
    tempfile::tempdir().expect("a temporary folder")
}

fn write(dir: &Path, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
    let p = dir.join(name);
    if let Some(parent) = p.parent() {
        fs::create_dir_all(parent).unwrap();
    }
    fs::write(&p, bytes).unwrap();
    p
}

fn iran_text() -> String {
    fs::read_to_string(root().join("data/iran-talks.txt")).unwrap()
}

/// A JSONL line for a document.
fn doc_line(id: &str, text: &str) -> String {
    json!({ "id": id, "text": text }).to_string()
}

/// Records grouped by `doc`, in output order.
fn by_doc(records: &[Value]) -> BTreeMap<String, Vec<Value>> {
    let mut m: BTreeMap<String, Vec<Value>> = BTreeMap::new();
    for r in records {
        m.entry(r["doc"].as_str().unwrap().to_string())
            .or_default()
            .push(r.clone());
    }
    m
}

/// Records without their `doc` field, to compare runs on renamed inputs.
fn without_doc(records: &[Value]) -> Vec<Value> {
    records
        .iter()
        .map(|r| {
            let mut r = r.clone();
            r.as_object_mut().unwrap().remove("doc");
            r
        })
        .collect()
}

/// An error record is exactly `{"doc", "error"}`.
fn assert_error_record(e: &Value, doc: &str) {
    let keys: BTreeSet<&str> = e.as_object().unwrap().keys().map(String::as_str).collect();
    assert_eq!(keys, BTreeSet::from(["doc", "error"]), "{e}");
    assert_eq!(e["doc"], doc, "{e}");
    assert!(!e["error"].as_str().unwrap().is_empty(), "{e}");
}

const GOOD: &str = "“The bridge will open in May,” Ortiz said.\n";

// ---------------------------------------------------------------------------
// The record contract on the example article

#[test]
fn jsonl_records_carry_every_field() {
    let r = run(&root(), &["extract", "data/iran-talks.txt", "--format", "jsonl"]);
    r.assert_code(0);
    let recs = r.jsonl();
    assert!(recs.len() >= 10, "only {} records", recs.len());
    for rec in &recs {
        for f in FIELDS {
            assert!(rec.get(*f).is_some(), "field {f} missing in {rec}");
        }
        assert_eq!(rec["doc"], "data/iran-talks.txt");
    }
    check_document(&iran_text(), &recs).unwrap();
}

/// The spans of the gold file that are inside quote marks: the `direct`
/// entries, and each “…” fragment inside a `mixed` one (code points).
fn marked_passages(gold: &Value) -> Vec<(usize, usize)> {
    let text: Vec<char> = gold["text"].as_str().unwrap().chars().collect();
    let mut out = Vec::new();
    for q in gold["quotes"].as_array().unwrap() {
        let (s, e) = (
            q["start"].as_u64().unwrap() as usize,
            q["end"].as_u64().unwrap() as usize,
        );
        match q["kind"].as_str().unwrap() {
            "direct" => out.push((s, e)),
            "mixed" => {
                let mut open = None;
                for (i, &c) in text.iter().enumerate().take(e + 1).skip(s) {
                    match (c, open) {
                        ('“', None) => open = Some(i + 1),
                        ('”', Some(o)) => {
                            out.push((o, i));
                            open = None;
                        }
                        _ => {}
                    }
                }
                assert!(open.is_none(), "unclosed fragment in gold {q}");
            }
            _ => {}
        }
    }
    out
}

/// The spans of a record: its parts, or its single span.
fn spans(rec: &Value) -> Vec<(usize, usize)> {
    let u = |v: &Value, f: &str| v[f].as_u64().unwrap() as usize;
    match rec["parts"].as_array() {
        Some(parts) => parts.iter().map(|p| (u(p, "start"), u(p, "end"))).collect(),
        None => vec![(u(rec, "start"), u(rec, "end"))],
    }
}

#[test]
fn the_example_article_has_every_quoted_passage_and_nothing_else() {
    let gold: Value = serde_json::from_str(&fs::read_to_string(fixture("iran-talks.gold.json")).unwrap()).unwrap();
    let text = iran_text();
    assert_eq!(gold["text"], text.as_str(), "gold and data/iran-talks.txt differ");
    let r = run(&root(), &["extract", "data/iran-talks.txt", "--format", "jsonl"]);
    r.assert_code(0);
    let recs = r.records();
    let passages = marked_passages(&gold);
    assert!(passages.len() >= 8, "gold has {} marked passages", passages.len());

    // Every passage inside quote marks is a direct record (or one part of
    // one), or lies inside a mixed record.
    for &(s, e) in &passages {
        let covered = recs.iter().any(|rec| match rec["kind"].as_str().unwrap() {
            "direct" => spans(rec).contains(&(s, e)),
            "mixed" => rec["start"].as_u64().unwrap() as usize <= s && e <= rec["end"].as_u64().unwrap() as usize,
            _ => false,
        });
        let passage: String = text.chars().skip(s).take(e - s).collect();
        assert!(covered, "no record for the quoted passage {s}..{e} {passage:?}");
    }
    // And every direct record is one of those passages: nothing from an
    // apostrophe (sides’, Iran’s, don’t) or anywhere else.
    for rec in recs.iter().filter(|r| r["kind"] == "direct") {
        for span in spans(rec) {
            assert!(
                passages.contains(&span),
                "direct record {span:?} is not a quoted passage: {rec}"
            );
        }
    }
    // No record starts or ends at an apostrophe.
    let chars: Vec<char> = text.chars().collect();
    let apostrophe = |i: usize| i > 0 && matches!(chars.get(i), Some('’' | '\'')) && chars[i - 1].is_alphabetic();
    for rec in &recs {
        for (s, e) in spans(rec) {
            assert!(
                !apostrophe(e) && (s == 0 || !apostrophe(s - 1)),
                "record at an apostrophe: {rec}"
            );
        }
    }
    // Nothing from the footer headlines.
    let footer = text.find("See more from this Author").expect("footer");
    let footer = text[..footer].chars().count();
    for rec in &recs {
        assert!(
            rec["start"].as_u64().unwrap() < footer as u64,
            "record in the footer: {rec}"
        );
    }
}

#[test]
fn offsets_slice_back_on_the_fixtures_through_the_binary() {
    let hard = fixture("hard-cases.jsonl");
    let r = run(&root(), &["extract", "--jsonl", hard.to_str().unwrap()]);
    r.assert_code(0);
    let recs = by_doc(&r.records());
    let mut docs = 0;
    for line in fs::read_to_string(&hard).unwrap().lines() {
        let v: Value = serde_json::from_str(line).unwrap();
        let id = v["id"].as_str().unwrap();
        let got = recs.get(id).cloned().unwrap_or_default();
        check_document(v["text"].as_str().unwrap(), &got).unwrap_or_else(|e| panic!("{id}: {e}"));
        docs += 1;
    }
    assert!(docs >= 20 && !recs.is_empty());
}

#[test]
fn crlf_and_lone_cr_line_breaks_give_lines_and_columns() {
    let d = tempdir();
    let text = iran_text();
    let lf = run(&root(), &["extract", "data/iran-talks.txt"]).records();
    for (name, eol) in [("crlf.txt", "\r\n"), ("cr.txt", "\r"), ("mixed.txt", "\r\n\r")] {
        let t = text.replace('\n', eol);
        write(d.path(), name, &t);
        let r = run(d.path(), &["extract", name]);
        r.assert_code(0);
        let recs = r.records();
        check_document(&t, &recs).unwrap_or_else(|e| panic!("{name}: {e}"));
        // Same quotations on the same lines as with \n.
        let lines = |rs: &[Value]| {
            rs.iter()
                .map(|r| (r["quote"].clone(), r["line"].clone()))
                .collect::<Vec<_>>()
        };
        if eol != "\r\n\r" {
            assert_eq!(lines(&recs), lines(&lf), "{name}");
        }
    }
}

// ---------------------------------------------------------------------------
// Formats

/// Checks that CSV/TSV bytes are one header row and rows of equal length,
/// with CRLF record terminators when `crlf`; returns the rows.
fn parse_delimited(bytes: &[u8], delimiter: u8, crlf: bool) -> (Vec<String>, Vec<Vec<String>>) {
    let mut rdr = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(false)
        .from_reader(bytes);
    let header: Vec<String> = rdr.headers().expect("a header row").iter().map(String::from).collect();
    let mut rows: Vec<Vec<String>> = Vec::new();
    for rec in rdr.records() {
        let rec = rec.expect("a well-formed row with as many fields as the header");
        rows.push(rec.iter().map(String::from).collect());
    }
    if crlf {
        // Outside quoted fields, every line break is CRLF, and there is one
        // after each row (header included).
        let (mut quoted, mut breaks) = (false, 0);
        for (i, &b) in bytes.iter().enumerate() {
            match b {
                b'"' => quoted = !quoted,
                b'\n' if !quoted => {
                    assert!(i > 0 && bytes[i - 1] == b'\r', "a bare LF ends a record at byte {i}");
                    breaks += 1;
                }
                b'\r' if !quoted => {
                    assert_eq!(bytes.get(i + 1), Some(&b'\n'), "a bare CR at byte {i}")
                }
                _ => {}
            }
        }
        assert!(
            !quoted && bytes.ends_with(b"\r\n"),
            "the last record does not end with CRLF"
        );
        assert_eq!(breaks, rows.len() + 1, "records and line breaks");
    }
    (header, rows)
}

/// A document whose quote needs CSV quoting: commas, a straight double
/// quote, a tab. (A line break inside a cell: see the `--keep-fields` test.)
const AWKWARD: &str = "“We said \"no,\" twice, and\tmeant it,” Karen Walsh said.\n";
const AWKWARD_QUOTE: &str = "We said \"no,\" twice, and\tmeant it,";

#[test]
fn csv_is_rfc_4180_with_one_header_row() {
    let d = tempdir();
    fs::copy(root().join("data/iran-talks.txt"), d.path().join("iran.txt")).unwrap();
    write(d.path(), "awkward.txt", AWKWARD);
    let jsonl = run(d.path(), &["extract", "iran.txt", "awkward.txt"]).records();
    let r = run(d.path(), &["extract", "iran.txt", "awkward.txt", "--format", "csv"]);
    r.assert_code(0);
    let (header, rows) = parse_delimited(&r.stdout, b',', true);
    assert_eq!(header, COLUMNS);
    assert_eq!(rows.len(), jsonl.len());
    for (row, rec) in rows.iter().zip(&jsonl) {
        assert_eq!(row.len(), COLUMNS.len());
        for (col, cell) in COLUMNS.iter().zip(row) {
            let want = match &rec[*col] {
                Value::Null => String::new(),
                Value::String(s) => s.clone(),
                Value::Number(n) if *col == "confidence" => format!("{:.2}", n.as_f64().unwrap()),
                v => v.to_string(),
            };
            assert_eq!(cell, &want, "column {col}");
        }
    }
    assert!(rows.iter().any(|row| row[3] == AWKWARD_QUOTE));
}

#[test]
fn the_csv_header_is_written_even_without_records() {
    let d = tempdir();
    write(d.path(), "empty.txt", "");
    let r = run(d.path(), &["extract", "empty.txt", "--format", "csv"]);
    r.assert_code(0);
    let (header, rows) = parse_delimited(&r.stdout, b',', true);
    assert_eq!(header, COLUMNS);
    assert!(rows.is_empty());
}

#[test]
fn tsv_has_one_header_row_and_equal_rows() {
    let d = tempdir();
    fs::copy(root().join("data/iran-talks.txt"), d.path().join("iran.txt")).unwrap();
    write(d.path(), "awkward.txt", AWKWARD);
    let n = run(d.path(), &["extract", "iran.txt", "awkward.txt"]).records().len();
    let r = run(d.path(), &["extract", "iran.txt", "awkward.txt", "--format", "tsv"]);
    r.assert_code(0);
    let (header, rows) = parse_delimited(&r.stdout, b'\t', false);
    assert_eq!(header, COLUMNS);
    assert_eq!(rows.len(), n);
    // A tab inside a cell is written \t (issue 16): a row stays one line of cells.
    assert!(rows.iter().any(|row| row[3] == AWKWARD_QUOTE.replace('\t', "\\t")));
}

#[test]
fn json_is_one_array_of_the_jsonl_records() {
    let d = tempdir();
    fs::copy(root().join("data/iran-talks.txt"), d.path().join("iran.txt")).unwrap();
    let jsonl = run(d.path(), &["extract", "iran.txt", "missing.txt", "--format", "jsonl"]);
    let r = run(d.path(), &["extract", "iran.txt", "missing.txt", "--format", "json"]);
    r.assert_code(2);
    let v: Value = serde_json::from_slice(&r.stdout).expect("JSON");
    assert_eq!(v.as_array().expect("an array"), &jsonl.jsonl());
    // No input, no records: still an array.
    write(d.path(), "empty.txt", "");
    let r = run(d.path(), &["extract", "empty.txt", "--format", "json"]);
    r.assert_code(0);
    let v: Value = serde_json::from_slice(&r.stdout).expect("JSON");
    assert_eq!(v, json!([]));
}

#[test]
fn table_is_readable() {
    let r = run(&root(), &["extract", "data/iran-talks.txt", "--format", "table"]);
    r.assert_code(0);
    let out = r.text();
    assert!(out.contains("data/iran-talks.txt"));
    for h in ["kind", "speaker", "cue", "quote"] {
        assert!(out.contains(h), "no {h} column:\n{out}");
    }
    let recs = run(&root(), &["extract", "data/iran-talks.txt"]).records();
    let lines: Vec<&str> = out.lines().collect();
    assert!(lines.len() > recs.len(), "one line per record and a header");
    for line in &lines {
        assert!(line.chars().count() <= 160, "line too wide for a terminal: {line}");
    }
    // Each record's quote begins its line's last column.
    let first: String = recs[0]["quote"].as_str().unwrap().chars().take(30).collect();
    assert!(out.contains(&first), "no {first:?} in:\n{out}");
}

#[test]
fn excel_csv_has_a_bom_and_guards_formulas() {
    let d = tempdir();
    write(d.path(), "f.txt", "“=SUM(A1) is the answer,” she said.\n");
    write(
        d.path(),
        "g.txt",
        "“-1 is less than zero,” he said. “@everyone will see it,” she said. “+44 is the code,” he said.\n",
    );
    let r = run(d.path(), &["extract", "f.txt", "g.txt", "--format", "csv", "--excel"]);
    r.assert_code(0);
    assert!(r.stdout.starts_with("\u{feff}".as_bytes()), "no UTF-8 BOM");
    let (header, rows) = parse_delimited(&r.stdout[3..], b',', true);
    assert_eq!(header, COLUMNS);
    let quotes: Vec<&str> = rows.iter().map(|r| r[3].as_str()).collect();
    assert_eq!(
        quotes,
        [
            "'=SUM(A1) is the answer,",
            "'-1 is less than zero,",
            "'@everyone will see it,",
            "'+44 is the code,"
        ]
    );
    for row in &rows {
        for cell in row {
            assert!(!cell.starts_with(['=', '+', '-', '@']), "unguarded cell {cell:?}");
        }
    }
    // Without --excel: no BOM, cells as they are.
    let r = run(d.path(), &["extract", "f.txt", "--format", "csv"]);
    assert!(r.stdout.starts_with(b"doc,"));
    assert_eq!(
        parse_delimited(&r.stdout, b',', true).1[0][3],
        "=SUM(A1) is the answer,"
    );
}

#[test]
fn the_default_format_in_a_pipe_is_jsonl() {
    let r = run(&root(), &["extract", "data/iran-talks.txt"]);
    r.assert_code(0);
    assert!(!r.records().is_empty());
}

#[test]
fn context_adds_the_sentences_around_each_quote() {
    let r = run(&root(), &["extract", "data/iran-talks.txt", "--context"]);
    r.assert_code(0);
    for rec in r.records() {
        let ctx = rec["context"].as_str().unwrap_or_else(|| panic!("no context: {rec}"));
        for piece in rec["quote"].as_str().unwrap().split(" … ") {
            assert!(ctx.contains(piece), "context {ctx:?} lacks {piece:?}");
        }
    }
}

// ---------------------------------------------------------------------------
// Bad input: a message naming the input and the reason, an error record in
// JSON/JSONL, every other input still processed, exit code 2.

/// Runs `extract` on `bad` (then a good file) and checks the common contract:
/// exit 2, one error record for `doc`, a stderr line naming `named` with
/// `reason`, and the good file's records after it.
fn bad_input(dir: &Path, extra: &[&str], bad: &str, doc: &str, named: &str, reason: &str) -> Run {
    let jsonl = extra.contains(&"--jsonl");
    let (good_name, good_doc) = if jsonl {
        ("good.jsonl", "good")
    } else {
        ("good.txt", "good.txt")
    };
    if jsonl {
        write(dir, good_name, doc_line(good_doc, GOOD) + "\n");
    } else {
        write(dir, good_name, GOOD);
    }
    let mut args = vec!["extract"];
    args.extend_from_slice(extra);
    args.extend([bad, good_name, "--format", "jsonl"]);
    let r = run(dir, &args);
    r.assert_code(2);
    let errors = r.errors();
    assert_eq!(errors.len(), 1, "{}", r.text());
    assert_error_record(&errors[0], doc);
    let line = r
        .stderr
        .lines()
        .find(|l| l.contains(named) && l.to_lowercase().contains(reason))
        .unwrap_or_else(|| panic!("no stderr line naming {named:?} and {reason:?}:\n{}", r.stderr));
    assert!(line.starts_with("whosaid: "), "{line}");
    let good: Vec<Value> = r.records().into_iter().filter(|v| v["doc"] == good_doc).collect();
    assert_eq!(good.len(), 1, "the good input after the bad one was not processed");
    assert_eq!(good[0]["quote"], "The bridge will open in May,");
    // JSON holds the same error record.
    let mut args_json = args.clone();
    let n = args_json.len();
    args_json[n - 1] = "json";
    let v: Value = serde_json::from_slice(&run(dir, &args_json).assert_code(2).stdout).unwrap();
    let in_json: Vec<&Value> = v
        .as_array()
        .unwrap()
        .iter()
        .filter(|v| v.get("error").is_some())
        .collect();
    assert_eq!(in_json, [&errors[0]]);
    // CSV and table: the message on stderr, exit 2, the good records.
    for format in ["csv", "table"] {
        let mut a = args.clone();
        a[n - 1] = format;
        let r = run(dir, &a);
        r.assert_code(2);
        assert!(r.stderr.contains(named), "{format}: {}", r.stderr);
        assert!(r.text().contains("The bridge will open in May,"), "{format}");
    }
    r
}

#[test]
fn a_missing_file() {
    let d = tempdir();
    bad_input(
        d.path(),
        &[],
        "missing.txt",
        "missing.txt",
        "missing.txt",
        "no such file",
    );
}

#[test]
fn an_unreadable_folder() {
    use std::os::unix::fs::PermissionsExt;
    let d = tempdir();
    write(d.path(), "locked/inside.txt", GOOD);
    let locked = d.path().join("locked");
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o000)).unwrap();
    if fs::read_dir(&locked).is_ok() {
        // Root reads every folder: nothing to test here.
        eprintln!("skipped: running as root, chmod 000 does not stop reading");
        fs::set_permissions(&locked, fs::Permissions::from_mode(0o755)).unwrap();
        return;
    }
    bad_input(d.path(), &[], "locked", "locked", "locked", "permission denied");
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o755)).unwrap();
}

#[test]
fn an_unreadable_file() {
    use std::os::unix::fs::PermissionsExt;
    let d = tempdir();
    let p = write(d.path(), "secret.txt", GOOD);
    fs::set_permissions(&p, fs::Permissions::from_mode(0o000)).unwrap();
    if fs::read(&p).is_ok() {
        eprintln!("skipped: running as root, chmod 000 does not stop reading");
        return;
    }
    bad_input(
        d.path(),
        &[],
        "secret.txt",
        "secret.txt",
        "secret.txt",
        "permission denied",
    );
}

#[test]
fn invalid_utf8_is_an_error_unless_lossy() {
    let d = tempdir();
    write(
        d.path(),
        "latin1.txt",
        b"\xe2\x80\x9cCaf\xe9 is open,\xe2\x80\x9d she said.\n",
    );
    bad_input(d.path(), &[], "latin1.txt", "latin1.txt", "latin1.txt", "utf-8");
    // --lossy: replacement characters, offsets into the decoded text.
    let r = run(d.path(), &["extract", "latin1.txt", "--lossy"]);
    r.assert_code(0);
    let recs = r.records();
    assert_eq!(recs.len(), 1);
    assert_eq!(recs[0]["quote"], "Caf\u{fffd} is open,");
    check_document("“Caf\u{fffd} is open,” she said.\n", &recs).unwrap();
}

#[test]
fn an_empty_file_has_no_records_and_succeeds() {
    let d = tempdir();
    write(d.path(), "empty.txt", "");
    write(d.path(), "blank.txt", "\n\n  \r\n");
    let r = run(d.path(), &["extract", "empty.txt", "blank.txt"]);
    r.assert_code(0);
    assert!(r.stdout.is_empty(), "{}", r.text());
    assert_eq!(r.summary(), [2, 0, 0, 0]);
}

#[test]
fn binary_data_named_directly_is_an_error() {
    let d = tempdir();
    write(
        d.path(),
        "image.txt",
        b"GIF89a\x00\x01\x02\x00\xff\xfe \xe2\x80\x9cnot text\xe2\x80\x9d",
    );
    bad_input(d.path(), &[], "image.txt", "image.txt", "image.txt", "nul");
}

#[test]
fn binary_data_in_a_walked_folder_is_skipped() {
    let d = tempdir();
    write(d.path(), "corpus/a.txt", GOOD);
    write(d.path(), "corpus/b.txt", b"\x00\x01\x02binary\x00");
    write(d.path(), "corpus/c.txt", "“Yes,” he said.\n");
    let r = run(d.path(), &["extract", "corpus"]);
    r.assert_code(0);
    assert!(r.errors().is_empty(), "{}", r.text());
    let docs: BTreeSet<String> = by_doc(&r.records()).into_keys().collect();
    assert_eq!(
        docs,
        BTreeSet::from(["corpus/a.txt".to_string(), "corpus/c.txt".to_string()])
    );
    let msg = r
        .stderr
        .lines()
        .find(|l| l.contains("corpus/b.txt"))
        .expect("a message for the skipped file");
    assert!(msg.contains("skipped") && msg.to_lowercase().contains("nul"), "{msg}");
    assert_eq!(r.summary(), [2, 2, 2, 0]);
}

#[test]
fn a_jsonl_line_that_is_not_json() {
    let d = tempdir();
    let body = format!(
        "{}\nthis is not JSON\n{}\n",
        doc_line("one", GOOD),
        doc_line("three", GOOD)
    );
    write(d.path(), "docs.jsonl", &body);
    let r = bad_input(
        d.path(),
        &["--jsonl"],
        "docs.jsonl",
        "docs.jsonl:2",
        "docs.jsonl:2",
        "not json",
    );
    let docs: Vec<Value> = r.records().iter().map(|v| v["doc"].clone()).collect();
    assert_eq!(docs, ["one", "three", "good"], "the lines around the bad one");
}

#[test]
fn a_jsonl_line_that_is_not_an_object() {
    let d = tempdir();
    let body = format!("{}\n[1, 2, 3]\n", doc_line("one", GOOD));
    write(d.path(), "docs.jsonl", &body);
    let r = run(d.path(), &["extract", "--jsonl", "docs.jsonl"]);
    r.assert_code(2);
    assert_error_record(&r.errors()[0], "docs.jsonl:2");
    assert!(r.stderr.contains("docs.jsonl:2"));
    assert_eq!(r.records().len(), 1);
}

#[test]
fn a_jsonl_record_without_the_text_field() {
    let d = tempdir();
    let body = format!(
        "{}\n{}\n{}\n",
        doc_line("one", GOOD),
        json!({"id": "two", "body": GOOD}),
        doc_line("three", GOOD)
    );
    write(d.path(), "docs.jsonl", &body);
    // The error record keeps the document's id; stderr names the file and
    // line too, and the missing field.
    let r = bad_input(d.path(), &["--jsonl"], "docs.jsonl", "two", "docs.jsonl:2", "\"text\"");
    assert_eq!(r.records().len(), 3);
    // A record with neither id nor text is named by its line.
    write(
        d.path(),
        "noid.jsonl",
        format!("{}\n{{\"title\": \"x\"}}\n", doc_line("one", GOOD)),
    );
    let r = run(d.path(), &["extract", "--jsonl", "noid.jsonl"]);
    r.assert_code(2);
    assert_error_record(&r.errors()[0], "noid.jsonl:2");
    // A text that is not a string.
    write(d.path(), "num.jsonl", format!("{}\n", json!({"id": "n", "text": 42})));
    let r = run(d.path(), &["extract", "--jsonl", "num.jsonl"]);
    r.assert_code(2);
    assert_error_record(&r.errors()[0], "n");
    assert!(r.stderr.contains("num.jsonl:1"), "{}", r.stderr);
}

#[test]
fn id_and_text_fields_can_be_renamed() {
    let d = tempdir();
    let body = format!(
        "{}\n{}\n{}\n",
        json!({"key": "k1", "body": GOOD, "id": "wrong", "text": "“Wrong,” he said."}),
        json!({"key": "k2", "text": GOOD}),
        json!({"key": 3, "body": "“Three,” she said."}),
    );
    write(d.path(), "docs.jsonl", &body);
    let args = [
        "extract",
        "--jsonl",
        "--id-field",
        "key",
        "--text-field",
        "body",
        "docs.jsonl",
    ];
    let r = run(d.path(), &args);
    r.assert_code(2);
    let recs = r.records();
    let got: Vec<(&str, &str)> = recs
        .iter()
        .map(|v| (v["doc"].as_str().unwrap(), v["quote"].as_str().unwrap()))
        .collect();
    assert_eq!(got, [("k1", "The bridge will open in May,"), ("3", "Three,")]);
    assert_error_record(&r.errors()[0], "k2");
    let line = r.stderr.lines().find(|l| l.contains("k2")).expect("a message for k2");
    assert!(line.contains("docs.jsonl:2") && line.contains("\"body\""), "{line}");
    // With the default names, the same file reads "id" and "text".
    let r = run(d.path(), &["extract", "--jsonl", "docs.jsonl"]);
    r.assert_code(2);
    assert_eq!(r.records()[0]["doc"], "wrong");
    assert_eq!(r.errors().len(), 1, "line 3 has no \"text\"");
}

#[test]
fn every_input_is_analysed_means_exit_zero() {
    let d = tempdir();
    write(d.path(), "a.txt", GOOD);
    write(d.path(), "none.txt", "No quotations here at all.\n");
    let r = run(d.path(), &["extract", "a.txt", "none.txt"]);
    r.assert_code(0);
    assert_eq!(r.summary(), [2, 1, 1, 0]);
}

#[test]
fn usage_errors_exit_2() {
    let d = tempdir();
    write(d.path(), "a.txt", GOOD);
    for args in [
        &["extract", "--no-such-flag", "a.txt"][..],
        &["extract", "--format", "xml", "a.txt"],
        &["extract", "--min-confidence", "2", "a.txt"],
        &["extract", "--shard", "2/2", "a.txt"],
        &["extract", "--shard", "x", "a.txt"],
        &["no-such-command"],
    ] {
        let r = run(d.path(), args);
        r.assert_code(2);
        assert!(r.stdout.is_empty(), "{args:?}");
        assert!(!r.stderr.is_empty(), "{args:?}: no message");
    }
    run(d.path(), &["--help"]).assert_code(0);
    run(d.path(), &["extract", "--help"]).assert_code(0);
}

// ---------------------------------------------------------------------------
// Inputs

#[test]
fn folders_are_walked_recursively_for_txt_and_md() {
    let d = tempdir();
    write(d.path(), "corpus/a.txt", GOOD);
    write(d.path(), "corpus/z.md", GOOD);
    write(d.path(), "corpus/sub/b.txt", GOOD);
    write(d.path(), "corpus/sub/deeper/c.md", GOOD);
    write(d.path(), "corpus/sub/deeper/d.TXT", GOOD);
    // Web pages are walked too (issue 17).
    write(d.path(), "corpus/sub/deeper/e.html", GOOD);
    for ignored in [
        "corpus/x.csv",
        "corpus/sub/y.json",
        "corpus/sub/notes",
        "corpus/sub/deeper/e.xml",
    ] {
        write(d.path(), ignored, GOOD);
    }
    let r = run(d.path(), &["extract", "corpus"]);
    r.assert_code(0);
    let docs: Vec<String> = r
        .records()
        .iter()
        .map(|v| v["doc"].as_str().unwrap().to_string())
        .collect();
    let mut want = vec![
        "corpus/a.txt",
        "corpus/sub/b.txt",
        "corpus/sub/deeper/c.md",
        "corpus/sub/deeper/d.TXT",
        "corpus/sub/deeper/e.html",
        "corpus/z.md",
    ];
    want.sort();
    assert_eq!(docs, want, "each wanted file once, in sorted order");
    assert_eq!(r.summary()[0], 6);
}

#[test]
fn stdin_with_a_dash_and_with_no_argument() {
    let d = tempdir();
    for args in [&["extract", "-"][..], &["extract"]] {
        let r = run_in(d.path(), args, Some(GOOD.as_bytes()));
        r.assert_code(0);
        let recs = r.records();
        assert_eq!(recs.len(), 1, "{args:?}");
        assert_eq!(recs[0]["doc"], "-");
        assert_eq!(recs[0]["quote"], "The bridge will open in May,");
    }
    // JSONL on stdin: errors are named by line.
    let body = format!("{}\nnope\n", doc_line("a", GOOD));
    let r = run_in(d.path(), &["extract", "--jsonl"], Some(body.as_bytes()));
    r.assert_code(2);
    assert_eq!(r.records()[0]["doc"], "a");
    assert_error_record(&r.errors()[0], "-:2");
}

#[test]
fn gzip_and_zstd_inputs_are_decompressed() {
    let d = tempdir();
    let text = iran_text();
    let plain = run(&root(), &["extract", "data/iran-talks.txt"]).records();
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(text.as_bytes()).unwrap();
    write(d.path(), "corpus/a.txt.gz", gz.finish().unwrap());
    write(
        d.path(),
        "corpus/b.txt.zst",
        zstd::encode_all(text.as_bytes(), 3).unwrap(),
    );
    let r = run(d.path(), &["extract", "corpus/a.txt.gz", "corpus/b.txt.zst"]);
    r.assert_code(0);
    let docs = by_doc(&r.records());
    assert_eq!(without_doc(&docs["corpus/a.txt.gz"]), without_doc(&plain));
    assert_eq!(without_doc(&docs["corpus/b.txt.zst"]), without_doc(&plain));
    // Found by walking a folder too.
    let r = run(d.path(), &["extract", "corpus"]);
    r.assert_code(0);
    assert_eq!(by_doc(&r.records()).len(), 2);
    // Compressed JSONL.
    let lines = format!("{}\n{}\n", doc_line("x", &text), doc_line("y", GOOD));
    write(
        d.path(),
        "docs.jsonl.zst",
        zstd::encode_all(lines.as_bytes(), 3).unwrap(),
    );
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(lines.as_bytes()).unwrap();
    write(d.path(), "docs.jsonl.gz", gz.finish().unwrap());
    for name in ["docs.jsonl.zst", "docs.jsonl.gz"] {
        let r = run(d.path(), &["extract", "--jsonl", name]);
        r.assert_code(0);
        let docs = by_doc(&r.records());
        assert_eq!(without_doc(&docs["x"]), without_doc(&plain), "{name}");
        assert_eq!(docs["y"].len(), 1, "{name}");
    }
    // A corrupt compressed file is an error for that input only.
    write(d.path(), "bad.txt.gz", b"\x1f\x8b\x08\x00garbage");
    bad_input(d.path(), &[], "bad.txt.gz", "bad.txt.gz", "bad.txt.gz", "");
}

#[test]
fn keep_fields_are_copied_into_records_and_csv_columns() {
    let d = tempdir();
    let body = format!(
        "{}\n{}\n",
        json!({"id": "a", "text": GOOD, "date": "2026-02-06", "outlet": "Wire,\r\n\"Inc\"", "n": 3, "ignored": "x"}),
        json!({"id": "b", "text": "“Yes,” he said. “No,” she said.", "date": "2026-02-07"}),
    );
    write(d.path(), "docs.jsonl", &body);
    let r = run(
        d.path(),
        &["extract", "--jsonl", "docs.jsonl", "--keep-fields", "date,outlet,n"],
    );
    r.assert_code(0);
    let recs = r.records();
    assert_eq!(recs.len(), 3);
    assert_eq!(
        (&recs[0]["date"], &recs[0]["outlet"], &recs[0]["n"]),
        (&json!("2026-02-06"), &json!("Wire,\r\n\"Inc\""), &json!(3))
    );
    for rec in &recs[1..] {
        assert_eq!(
            (&rec["date"], &rec["outlet"], &rec["n"]),
            (&json!("2026-02-07"), &Value::Null, &Value::Null)
        );
    }
    assert!(recs.iter().all(|r| r.get("ignored").is_none()));
    let r = run(
        d.path(),
        &[
            "extract",
            "--jsonl",
            "docs.jsonl",
            "--keep-fields",
            "date,outlet,n",
            "--format",
            "csv",
        ],
    );
    r.assert_code(0);
    let (header, rows) = parse_delimited(&r.stdout, b',', true);
    let mut want: Vec<&str> = COLUMNS.to_vec();
    want.extend(["date", "outlet", "n"]);
    assert_eq!(header, want);
    let extra: Vec<&[String]> = rows.iter().map(|r| &r[COLUMNS.len()..]).collect();
    assert_eq!(extra[0], ["2026-02-06", "Wire,\r\n\"Inc\"", "3"]);
    assert_eq!(extra[1], ["2026-02-07", "", ""]);
}

/// A JSONL corpus of `n` generated documents, some without quotations,
/// plus one line that is not JSON.
fn corpus(n: usize) -> String {
    let names = ["Karen Walsh", "Ortiz", "the ministry", "Marc Champion", "an official"];
    let mut out = String::new();
    for i in 0..n {
        let text = match i % 4 {
            0 => format!("“Plan {i} is on track,” {} said.", names[i % names.len()]),
            1 => format!(
                "{} said that the budget for {i} would rise.\n\n“We agree,” she said.",
                names[i % names.len()]
            ),
            2 => format!("Nothing was said about item {i}."),
            _ => format!(
                "“First {i},” he said. “Second,” he added.\r\nAccording to {}, it works.",
                names[i % names.len()]
            ),
        };
        out.push_str(&doc_line(&format!("doc-{i}"), &text));
        out.push('\n');
        if i == n / 2 {
            out.push_str("{\"id\": \"broken\", \"text\": \n");
        }
    }
    out
}

#[test]
fn two_shards_together_are_the_full_run() {
    let d = tempdir();
    write(d.path(), "docs.jsonl", corpus(50));
    let full = run(d.path(), &["extract", "--jsonl", "docs.jsonl"]);
    full.assert_code(2);
    let mut all: Vec<String> = full.text().lines().map(String::from).collect();
    let mut shards: Vec<String> = Vec::new();
    let mut docs: Vec<BTreeSet<String>> = Vec::new();
    for k in ["0/2", "1/2"] {
        let r = run(d.path(), &["extract", "--jsonl", "docs.jsonl", "--shard", k]);
        assert!(r.code == 0 || r.code == 2, "{}", r.stderr);
        docs.push(
            r.jsonl()
                .iter()
                .map(|v| v["doc"].as_str().unwrap().to_string())
                .collect(),
        );
        shards.extend(r.text().lines().map(String::from));
    }
    assert!(!docs[0].is_empty() && !docs[1].is_empty(), "a shard is empty");
    assert!(docs[0].is_disjoint(&docs[1]), "a document in both shards");
    all.sort();
    shards.sort();
    assert_eq!(shards, all, "the shards' records differ from the full run's");
}

#[test]
fn one_and_two_threads_give_identical_output() {
    let d = tempdir();
    // More documents than one batch, and a folder of files.
    write(d.path(), "docs.jsonl", corpus(1200));
    let hard = fs::read_to_string(fixture("hard-cases.jsonl")).unwrap();
    for (i, line) in hard.lines().enumerate() {
        let v: Value = serde_json::from_str(line).unwrap();
        write(d.path(), &format!("corpus/{i:03}.txt"), v["text"].as_str().unwrap());
    }
    fs::copy(root().join("data/iran-talks.txt"), d.path().join("corpus/iran.txt")).unwrap();
    for args in [&["extract", "--jsonl", "docs.jsonl"][..], &["extract", "corpus"]] {
        let outs: Vec<Run> = ["1", "2"]
            .iter()
            .map(|t| {
                let mut a = args.to_vec();
                a.extend(["--threads", t]);
                run(d.path(), &a)
            })
            .collect();
        assert!(!outs[0].stdout.is_empty());
        assert!(
            outs[0].stdout == outs[1].stdout,
            "{args:?}: output differs between 1 and 2 threads"
        );
        assert_eq!(outs[0].stderr, outs[1].stderr);
        assert_eq!(outs[0].code, outs[1].code);
    }
}

/// `extract` builds and writes a document's records 512 at a time: a
/// document of 1,300 gives the library's records, in order, however many
/// threads, in every format.
#[test]
fn a_document_of_many_records_is_written_whole_in_chunks() {
    let d = tempdir();
    let text: String = (0..1300)
        .map(|i| format!("“Point {i} stands,” Ann Lee said.\n\n"))
        .collect();
    write(d.path(), "many.txt", &text);
    let library = whosaid::analyze(&whosaid::Document::new("many.txt", text.clone()));
    assert_eq!(library.len(), 1300);
    let r = run(d.path(), &["extract", "many.txt", "--format", "jsonl", "-j", "1"]);
    r.assert_code(0);
    let lines: Vec<Value> = r.text().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 1300);
    for (line, rec) in lines.iter().zip(&library) {
        assert_eq!(line["index"], json!(rec.index));
        assert_eq!(line["quote"], json!(rec.quote));
        assert_eq!(line["speaker"], json!(rec.speaker));
    }
    for format in ["jsonl", "csv", "table", "json"] {
        let one = run(d.path(), &["extract", "many.txt", "--format", format, "-j", "1"]);
        let two = run(d.path(), &["extract", "many.txt", "--format", format, "-j", "2"]);
        assert!(one.stdout == two.stdout, "{format}: 1 and 2 threads differ");
    }
}

#[test]
fn output_file_is_written_whole_with_no_temporary_left() {
    let d = tempdir();
    write(d.path(), "in/a.txt", GOOD);
    fs::copy(root().join("data/iran-talks.txt"), d.path().join("in/iran.txt")).unwrap();
    let stdout = run(d.path(), &["extract", "in"]);
    for (name, format) in [("out.jsonl", "jsonl"), ("out.csv", "csv")] {
        let r = run(d.path(), &["extract", "in", "--format", format, "--output", name]);
        r.assert_code(0);
        assert!(r.stdout.is_empty(), "records went to stdout too");
        let written = fs::read(d.path().join(name)).unwrap();
        if format == "jsonl" {
            assert_eq!(written, stdout.stdout);
        } else {
            parse_delimited(&written, b',', true);
        }
    }
    // Into a subfolder, with a failing input: the file is still written.
    fs::create_dir(d.path().join("sub")).unwrap();
    let r = run(
        d.path(),
        &["extract", "in", "missing.txt", "-o", "sub/out.json", "--format", "json"],
    );
    r.assert_code(2);
    let v: Value = serde_json::from_slice(&fs::read(d.path().join("sub/out.json")).unwrap()).unwrap();
    assert_eq!(v.as_array().unwrap().len(), stdout.jsonl().len() + 1);
    // Nothing else left behind.
    let mut left: Vec<String> = fs::read_dir(d.path())
        .unwrap()
        .chain(fs::read_dir(d.path().join("sub")).unwrap())
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    left.sort();
    assert_eq!(left, ["in", "out.csv", "out.json", "out.jsonl", "sub"]);
    // A folder that does not exist: a message and exit 2.
    let r = run(d.path(), &["extract", "in", "-o", "nowhere/out.jsonl"]);
    r.assert_code(2);
    assert!(r.stderr.contains("nowhere"), "{}", r.stderr);
}

/// 3,000 small documents: cheap to analyse, and megabytes of output in
/// any format, far more than a pipe holds.
fn many_small_documents() -> String {
    (0..3000)
        .map(|i| doc_line(&format!("d{i}"), "“Yes,” he said. “No,” she said.\n") + "\n")
        .collect()
}

#[test]
fn a_broken_pipe_ends_quietly_with_exit_0() {
    let d = tempdir();
    write(d.path(), "big.jsonl", many_small_documents());
    let mut child = Command::new(BIN)
        .args(["extract", "--jsonl", "big.jsonl", "--format", "jsonl"])
        .current_dir(d.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = child.stdout.take().unwrap();
    let mut head = [0u8; 10];
    stdout.read_exact(&mut head).unwrap();
    drop(stdout); // like `| head -c 10`
    let mut stderr = String::new();
    child.stderr.take().unwrap().read_to_string(&mut stderr).unwrap();
    let status = child.wait().unwrap();
    assert_eq!(head, *b"{\"doc\":\"d0");
    assert_eq!(status.code(), Some(0), "stderr:\n{stderr}");
    assert!(stderr.is_empty(), "a broken pipe is not an error:\n{stderr}");
}

#[test]
fn a_broken_pipe_in_a_shell_pipeline() {
    let d = tempdir();
    write(d.path(), "big.jsonl", many_small_documents());
    for format in ["jsonl", "json", "csv", "tsv", "table"] {
        let script = format!(
            "'{BIN}' extract --jsonl big.jsonl --format {format} 2>err.txt | head -c 10 >/dev/null; echo ${{PIPESTATUS[0]}}"
        );
        let out = Command::new("bash")
            .arg("-c")
            .arg(&script)
            .current_dir(d.path())
            .output();
        let Ok(out) = out else {
            eprintln!("skipped: no bash");
            return;
        };
        let err = fs::read_to_string(d.path().join("err.txt")).unwrap();
        let code = String::from_utf8_lossy(&out.stdout).trim().to_string();
        assert_eq!(code, "0", "{format}: exit code {code}, stderr: {err}");
        assert!(err.is_empty(), "{format}: a broken pipe is not an error: {err}");
    }
}

#[test]
fn a_utf8_bom_is_skipped() {
    let d = tempdir();
    write(
        d.path(),
        "bom.txt",
        [b"\xef\xbb\xbf".as_slice(), GOOD.as_bytes()].concat(),
    );
    let r = run(d.path(), &["extract", "bom.txt"]);
    r.assert_code(0);
    let recs = r.records();
    assert_eq!(recs.len(), 1);
    assert_eq!(
        (&recs[0]["start"], &recs[0]["byte_start"], &recs[0]["column"]),
        (&json!(1), &json!(3), &json!(2))
    );
    check_document(GOOD, &recs).unwrap();
    // A BOM at the start of a JSONL file.
    write(d.path(), "bom.jsonl", format!("\u{feff}{}\n", doc_line("a", GOOD)));
    let r = run(d.path(), &["extract", "--jsonl", "bom.jsonl"]);
    r.assert_code(0);
    assert_eq!(r.records()[0]["start"], 1);
}

#[test]
fn utf16_with_a_bom_is_decoded() {
    let d = tempdir();
    let text = "“Caf\u{e9} at 10\u{a0}€,” she said.\r\n\r\n“𝄞 is a clef,” he said.\n";
    let le: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let be: Vec<u8> = [0xFE, 0xFF]
        .into_iter()
        .chain(text.encode_utf16().flat_map(u16::to_be_bytes))
        .collect();
    write(d.path(), "le.txt", le);
    write(d.path(), "be.txt", be);
    write(d.path(), "utf8.txt", text);
    let r = run(d.path(), &["extract", "utf8.txt", "le.txt", "be.txt"]);
    r.assert_code(0);
    let docs = by_doc(&r.records());
    assert_eq!(docs["utf8.txt"].len(), 2);
    check_document(text, &docs["le.txt"]).unwrap();
    assert_eq!(without_doc(&docs["le.txt"]), without_doc(&docs["utf8.txt"]));
    assert_eq!(without_doc(&docs["be.txt"]), without_doc(&docs["utf8.txt"]));
}

#[test]
fn min_confidence_drops_records() {
    let all = run(&root(), &["extract", "data/iran-talks.txt"]).records();
    let r = run(&root(), &["extract", "data/iran-talks.txt", "--min-confidence", "1.0"]);
    r.assert_code(0);
    let kept = r.records();
    assert!(kept.len() < all.len(), "nothing dropped: {} records", kept.len());
    assert!(kept.iter().all(|r| r["confidence"].as_f64().unwrap() >= 1.0));
    // The records kept are the full run's, unchanged.
    for k in &kept {
        assert!(all.contains(k), "{k}");
    }
    let text = iran_text();
    let ix = TextIndex::new(&text);
    for k in &kept {
        check_record(&ix, k).unwrap();
    }
    let half = run(&root(), &["extract", "data/iran-talks.txt", "--min-confidence", "0.5"]).records();
    let want: Vec<&Value> = all
        .iter()
        .filter(|r| r["confidence"].as_f64().unwrap() >= 0.5)
        .collect();
    assert_eq!(half.iter().collect::<Vec<_>>(), want);
}

// ---------------------------------------------------------------------------
// Accounting: every document is analysed (records, possibly none) or one
// error record, and the summary adds up.

/// Checks the summary against the output: documents read = documents with
/// records + documents without + error records.
fn assert_summary_adds_up(r: &Run, docs_without_records: u64) {
    let [read, quoted, records, errors] = r.summary();
    let recs = r.records();
    let with: BTreeSet<&str> = recs.iter().map(|v| v["doc"].as_str().unwrap()).collect();
    assert_eq!(quoted, with.len() as u64, "with quotations");
    assert_eq!(records, recs.len() as u64, "records");
    assert_eq!(errors, r.errors().len() as u64, "errors");
    assert_eq!(
        read,
        quoted + docs_without_records + errors,
        "documents read:\n{}",
        r.stderr
    );
    assert_eq!(r.code, if errors > 0 { 2 } else { 0 });
}

#[test]
fn the_summary_adds_up() {
    let d = tempdir();
    write(d.path(), "dir/iran.txt", iran_text());
    write(d.path(), "dir/a.txt", GOOD);
    write(d.path(), "dir/none.md", "Nothing quoted.\n");
    write(d.path(), "dir/empty.txt", "");
    write(d.path(), "dir/bad.txt", b"ab\xd8 \xff");
    write(d.path(), "dir/latin1.txt", b"caf\xe9\n");
    write(d.path(), "dir/bin.txt", b"\x00\x00");
    let r = run(d.path(), &["extract", "dir", "missing.txt"]);
    assert_summary_adds_up(&r, 2);
    assert_eq!(r.summary(), [7, 2, r.records().len() as u64, 3]);
    // JSONL: 50 documents (a quarter without quotations) and a broken line.
    write(d.path(), "docs.jsonl", corpus(50));
    let r = run(d.path(), &["extract", "--jsonl", "docs.jsonl"]);
    let without = (0..50).filter(|i| i % 4 == 2).count() as u64;
    assert_summary_adds_up(&r, without);
    assert_eq!(r.summary()[0], 51);
}

/// One random JSONL line: a document from pieces of text, or a broken line.
fn jsonl_line() -> impl Strategy<Value = (Option<String>, bool)> {
    let piece = prop::sample::select(
        &[
            "“Yes,” he said.",
            "“We will not wait,” said Karen Walsh, a spokeswoman. ",
            "Ortiz said that the bridge would open.",
            "no quotes here ",
            "\"straight",
            "’90s don’t ",
            "\n\n",
            "\r\n",
            "«Oui», dit-il.",
            "\u{0}",
            "日本語 ",
        ][..],
    );
    prop_oneof![
        6 => prop::collection::vec(piece, 0..8).prop_map(|p| (Some(p.concat()), false)),
        1 => Just((None, true)),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(12))]

    /// Every input line is accounted for (its records, possibly none, or one
    /// error record), the summary adds up, and 1 and 2 threads agree.
    #[test]
    fn every_document_is_accounted_for(lines in prop::collection::vec(jsonl_line(), 1..40)) {
        let d = tempdir();
        let mut body = String::new();
        let mut texts = BTreeMap::new();
        let mut broken = BTreeSet::new();
        for (i, (text, bad)) in lines.iter().enumerate() {
            match text {
                Some(t) => {
                    body += &doc_line(&format!("d{i}"), t);
                    texts.insert(format!("d{i}"), t.clone());
                }
                None => {
                    body += "{\"id\": ";
                    prop_assert!(bad);
                    broken.insert(format!("docs.jsonl:{}", i + 1));
                }
            }
            body.push('\n');
        }
        write(d.path(), "docs.jsonl", &body);
        let one = run(d.path(), &["extract", "--jsonl", "docs.jsonl", "--threads", "1"]);
        let two = run(d.path(), &["extract", "--jsonl", "docs.jsonl", "--threads", "2"]);
        prop_assert!(one.stdout == two.stdout);
        prop_assert_eq!(&one.stderr, &two.stderr);
        let recs = by_doc(&one.records());
        // Each broken line is exactly one error record; a valid document is
        // its records (possibly none), never an error.
        let errors: Vec<String> = one.errors().iter().map(|e| e["doc"].as_str().unwrap().to_string()).collect();
        prop_assert_eq!(errors.iter().cloned().collect::<BTreeSet<_>>(), broken.clone());
        prop_assert_eq!(errors.len(), broken.len(), "two error records for one line");
        for (id, got) in &recs {
            let text = texts.get(id).expect("records only for input documents");
            if let Err(e) = check_document(text, got) {
                return Err(TestCaseError::fail(e));
            }
        }
        let without = texts.keys().filter(|id| !recs.contains_key(*id)).count() as u64;
        assert_summary_adds_up(&one, without);
        prop_assert_eq!(one.summary()[0], lines.len() as u64);
    }
}

// ---------------------------------------------------------------------------
// Hostile JSONL (issue 9)

#[test]
fn nul_bytes_inside_a_jsonl_text_field() {
    let d = tempdir();
    let text = "“Zero\u{0} bytes\u{0},” she said.\u{0}\n\n\u{0}“Again,” he said.";
    // Escaped (\u0000), as JSON writes it: the text is analysed.
    let escaped = doc_line("escaped", text);
    assert!(escaped.contains("\\u0000"));
    // Raw NUL bytes inside a string are not JSON: an error for that line.
    let raw = "{\"id\": \"raw\", \"text\": \"“Raw\0,” she said.\"}";
    write(
        d.path(),
        "nul.jsonl",
        format!("{escaped}\n{raw}\n{}\n", doc_line("after", GOOD)),
    );
    let r = run(d.path(), &["extract", "--jsonl", "nul.jsonl"]);
    r.assert_code(2);
    let docs = by_doc(&r.records());
    check_document(text, &docs["escaped"]).unwrap();
    assert_eq!(docs["escaped"].len(), 2);
    assert_eq!(docs["after"].len(), 1);
    assert_error_record(&r.errors()[0], "nul.jsonl:2");
    assert!(r.stderr.contains("nul.jsonl:2"), "{}", r.stderr);
}

#[test]
fn a_one_megabyte_jsonl_line() {
    let d = tempdir();
    let filler = "the talks went on without punctuation for a long while ".repeat(200);
    let mut text = String::new();
    while text.len() < 1_000_000 {
        text += &filler;
        text += "“We will not wait any longer,” said Karen Walsh, a spokeswoman. ";
        text += "Ortiz said that the bridge would open in May.\n\n";
    }
    let body = format!("{}\n{}\n", doc_line("big", &text), doc_line("small", GOOD));
    assert!(body.len() > 1_000_000);
    write(d.path(), "big.jsonl", &body);
    let r = run(d.path(), &["extract", "--jsonl", "big.jsonl"]);
    r.assert_code(0);
    let docs = by_doc(&r.records());
    assert!(docs["big"].len() >= 80, "{} records", docs["big"].len());
    check_document(&text, &docs["big"]).unwrap();
    assert_eq!(docs["small"].len(), 1);
}

#[test]
fn a_jsonl_file_without_a_final_newline_and_with_blank_lines() {
    let d = tempdir();
    let body = format!("\n{}\n\n  \r\n{}", doc_line("a", GOOD), doc_line("b", GOOD));
    write(d.path(), "docs.jsonl", &body);
    let r = run(d.path(), &["extract", "--jsonl", "docs.jsonl"]);
    r.assert_code(0);
    assert_eq!(by_doc(&r.records()).len(), 2);
    assert_eq!(r.summary(), [2, 2, 2, 0]);
    // Blank lines are no documents: no message about them.
    assert!(!r.stderr.contains("blank line"), "{}", r.stderr);
    // CRLF line ends in JSONL.
    write(
        d.path(),
        "crlf.jsonl",
        format!("{}\r\n{}\r\n", doc_line("a", GOOD), doc_line("b", GOOD)),
    );
    let r = run(d.path(), &["extract", "--jsonl", "crlf.jsonl"]);
    r.assert_code(0);
    assert_eq!(r.records().len(), 2);
}

#[test]
fn ctrl_c_leaves_no_output_file_behind() {
    let d = tempdir();
    let text = "“Yes,” he said. “No,” she said.\n".repeat(50);
    let body: String = (0..400).map(|i| doc_line(&format!("d{i}"), &text) + "\n").collect();
    write(d.path(), "big.jsonl", &body);
    let mut child = Command::new(BIN)
        .args(["extract", "--jsonl", "big.jsonl", "--output", "out.jsonl"])
        .current_dir(d.path())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let tmp_exists = || {
        fs::read_dir(d.path())
            .unwrap()
            .any(|e| e.unwrap().file_name().to_string_lossy().ends_with(".tmp"))
    };
    let t0 = std::time::Instant::now();
    while !tmp_exists() && t0.elapsed().as_secs() < 10 {
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    assert!(tmp_exists(), "no temporary output file while running");
    std::thread::sleep(std::time::Duration::from_millis(100));
    let Ok(kill) = Command::new("kill").args(["-INT", &child.id().to_string()]).status() else {
        eprintln!("skipped: no kill command");
        child.kill().unwrap();
        child.wait().unwrap();
        return;
    };
    assert!(kill.success());
    let status = child.wait().unwrap();
    if status.success() {
        // The run finished before the signal arrived: nothing to check.
        eprintln!("skipped: the run ended before Ctrl-C");
        return;
    }
    assert_eq!(status.code(), Some(130), "{status:?}");
    let left: Vec<String> = fs::read_dir(d.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(left, ["big.jsonl"], "an interrupted run left files behind");
}

#[test]
fn a_symlink_loop_in_a_walked_folder_reads_each_file_once() {
    let d = tempdir();
    write(d.path(), "corpus/a.txt", GOOD);
    write(d.path(), "elsewhere/b.txt", GOOD);
    std::os::unix::fs::symlink("..", d.path().join("corpus/loop")).unwrap();
    std::os::unix::fs::symlink("../elsewhere", d.path().join("corpus/linked")).unwrap();
    let r = run(d.path(), &["extract", "corpus"]);
    r.assert_code(0);
    let docs: Vec<Value> = r.records().iter().map(|v| v["doc"].clone()).collect();
    assert_eq!(
        docs,
        ["corpus/a.txt"],
        "symlinked folders inside a walk are not followed"
    );
    // A symlinked folder named on the command line is walked.
    let r = run(d.path(), &["extract", "corpus/linked"]);
    r.assert_code(0);
    assert_eq!(r.records()[0]["doc"], "corpus/linked/b.txt");
}

#[test]
fn broken_utf16_is_an_error_unless_lossy() {
    let d = tempdir();
    let text = "“Yes,” he said.";
    let mut odd: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    odd.push(b'x');
    write(d.path(), "odd.txt", &odd);
    bad_input(d.path(), &[], "odd.txt", "odd.txt", "odd.txt", "utf-16");
    let r = run(d.path(), &["extract", "odd.txt", "--lossy"]);
    r.assert_code(0);
    check_document(&format!("{text}\u{fffd}"), &r.records()).unwrap();
    // A lone surrogate.
    let units = [0xFEFF, 0xD800].into_iter().chain(text.encode_utf16());
    write(
        d.path(),
        "surrogate.txt",
        units.flat_map(u16::to_le_bytes).collect::<Vec<u8>>(),
    );
    bad_input(
        d.path(),
        &[],
        "surrogate.txt",
        "surrogate.txt",
        "surrogate.txt",
        "utf-16",
    );
    let r = run(d.path(), &["extract", "surrogate.txt", "--lossy"]);
    r.assert_code(0);
    check_document(&format!("\u{fffd}{text}"), &r.records()).unwrap();
}

#[test]
fn hostile_files_through_the_binary() {
    let d = tempdir();
    let files = [
        ("marks.txt", "“".repeat(100_000)),
        ("straight.txt", "\" ".repeat(50_000)),
        (
            "nested.txt",
            format!("{}deep{}", "“a ‘b ".repeat(2_500), "’ ”".repeat(2_500)),
        ),
        ("cr.txt", "\r".repeat(100_000)),
        ("newlines.txt", "\n".repeat(100_000)),
        ("apostrophes.txt", "’".repeat(100_000)),
        ("line.txt", "word ".repeat(100_000)),
    ];
    for (name, text) in &files {
        write(d.path(), &format!("hostile/{name}"), text);
    }
    let r = run(d.path(), &["extract", "hostile"]);
    r.assert_code(0);
    assert_eq!(r.summary()[0], files.len() as u64);
    assert!(r.errors().is_empty());
    let docs = by_doc(&r.records());
    for (name, text) in &files {
        if let Some(recs) = docs.get(&format!("hostile/{name}")) {
            check_document(text, recs).unwrap_or_else(|e| panic!("{name}: {e}"));
        }
    }
}

#[test]
fn noun_phrase_claims_come_with_scope_all() {
    let d = tempdir();
    write(
        d.path(),
        "a.txt",
        "Dennis Ross has also dismissed the prospects for meaningful talks.\n",
    );
    let r = run(d.path(), &["extract", "a.txt", "--format", "jsonl"]);
    r.assert_code(0);
    assert!(r.records().is_empty(), "{:?}", r.records());
    // `--scope all` reports it; `--noun-phrase-claims` is its old, hidden name.
    for flags in [&["--scope", "all"][..], &["--noun-phrase-claims"][..]] {
        let mut args = vec!["extract", "a.txt", "--format", "jsonl"];
        args.extend_from_slice(flags);
        let r = run(d.path(), &args);
        r.assert_code(0);
        let recs = r.records();
        assert_eq!(recs.len(), 1, "{flags:?}: {recs:?}");
        assert_eq!(recs[0]["quote"], "the prospects for meaningful talks");
        assert_eq!(recs[0]["confidence"], 0.45);
        assert_eq!(recs[0]["cue_class"], "speech");
    }
}
