//! Issue 21, "the small promises": options that do not apply are an error
//! or a warning, the format follows `-o`, kept fields keep their order, the
//! summary reads the same in every subcommand, the table fits its width, and
//! the generated extras (completions, man page, version) exist. One test per
//! promise, on the real binary.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_whosaid");
const ARTICLE: &str = "data/iran-talks.txt";

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn run_env(args: &[&str], env: &[(&str, &str)], stdin: Option<&str>) -> Run {
    let mut cmd = Command::new(BIN);
    cmd.args(args).current_dir(root()).env_remove("COLUMNS");
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.stdin(if stdin.is_some() { Stdio::piped() } else { Stdio::null() })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = cmd.spawn().unwrap();
    if let Some(text) = stdin {
        use std::io::Write;
        child.stdin.take().unwrap().write_all(text.as_bytes()).unwrap();
    }
    let out = child.wait_with_output().unwrap();
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

fn run(args: &[&str]) -> Run {
    run_env(args, &[], None)
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("whosaid-promises-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

#[test]
fn the_format_follows_the_output_extension() {
    let dir = scratch("ext");
    for (name, check) in [
        ("q.csv", "doc,index,kind,quote"),
        ("q.CSV", "doc,index,kind,quote"),
        ("q.tsv", "doc\tindex\tkind\tquote"),
        ("q.json", "[\n{\"doc\""),
        ("q.jsonl", "{\"doc\""),
        ("q.out", "{\"doc\""),
    ] {
        let out = dir.join(name);
        let r = run(&["extract", "-q", ARTICLE, "-o", s(&out)]);
        assert_eq!(r.code, 0, "{name}: {}", r.stderr);
        let text = std::fs::read_to_string(&out).unwrap();
        assert!(text.starts_with(check), "{name}: {}", &text[..40]);
    }
    // --format says otherwise: it wins.
    let out = dir.join("really-jsonl.csv");
    let r = run(&["extract", "-q", ARTICLE, "--format", "jsonl", "-o", s(&out)]);
    assert_eq!(r.code, 0);
    assert!(std::fs::read_to_string(&out).unwrap().starts_with("{\"doc\""));
    // sources too.
    let out = dir.join("sources.csv");
    assert_eq!(run(&["sources", "-q", ARTICLE, "-o", s(&out)]).code, 0);
    assert!(std::fs::read_to_string(&out).unwrap().starts_with("doc,speaker_id,"));
    // An HTML page is what report writes.
    let r = run(&["extract", ARTICLE, "-o", s(&dir.join("q.html"))]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("whosaid report"), "{}", r.stderr);
    let r = run(&["report", ARTICLE, "-o", s(&dir.join("report.txt"))]);
    assert_eq!(r.code, 0);
    assert!(r.stderr.contains("HTML page whatever the name"), "{}", r.stderr);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn excel_without_csv_is_an_error() {
    for sub in ["extract", "sources"] {
        let r = run(&[sub, ARTICLE, "--excel", "--format", "jsonl"]);
        assert_eq!(r.code, 2, "{sub}");
        assert!(
            r.stderr.contains("--excel applies to CSV and TSV"),
            "{sub}: {}",
            r.stderr
        );
        assert!(r.stdout.is_empty());
    }
    let dir = scratch("excel");
    let out = dir.join("q.csv");
    let r = run(&["extract", "-q", ARTICLE, "--excel", "-o", s(&out)]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(std::fs::read(&out).unwrap().starts_with("\u{feff}doc,".as_bytes()));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn keep_fields_on_plain_text_is_a_warning_even_with_quiet() {
    let r = run(&["extract", "-q", ARTICLE, "--keep-fields", "date"]);
    assert_eq!(r.code, 0);
    assert_eq!(
        r.stderr.trim(),
        "whosaid: --keep-fields: plain-text input has no fields (only --jsonl records and web pages do); nothing kept"
    );
}

const JSONL: &str = concat!(
    r#"{"id":"a","text":"“We will win,” Ann Ortiz said.","url":"u1","date":"d1"}"#,
    "\n",
    r#"{"id":"b","text":"“We will lose,” Bo Lee said. “Not at all,” Ann Ortiz said.","url":"u2","date":"d2"}"#,
    "\n"
);

#[test]
fn a_kept_field_no_document_has_is_named_once() {
    let r = run_env(
        &["extract", "--jsonl", "-q", "--keep-fields", "url,nosuch", "-"],
        &[],
        Some(JSONL),
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(
        r.stderr.trim(),
        "whosaid: --keep-fields: no document has a field \"nosuch\"; its values are null"
    );
}

#[test]
fn kept_fields_keep_their_order_in_every_format() {
    for format in ["jsonl", "json", "csv", "tsv"] {
        let r = run_env(
            &[
                "extract",
                "--jsonl",
                "-q",
                "--keep-fields",
                "url,date",
                "--context",
                "--format",
                format,
                "-",
            ],
            &[],
            Some(JSONL),
        );
        assert_eq!(r.code, 0, "{format}: {}", r.stderr);
        let (u, d, c) = (
            r.stdout.find("url").unwrap(),
            r.stdout.find("date").unwrap(),
            r.stdout.find("context").unwrap(),
        );
        assert!(
            u < d && d < c,
            "{format}: url, date, context in that order:\n{}",
            r.stdout
        );
        let r2 = run_env(
            &[
                "extract",
                "--jsonl",
                "-q",
                "--keep-fields",
                "date,url",
                "--format",
                format,
                "-",
            ],
            &[],
            Some(JSONL),
        );
        assert!(
            r2.stdout.find("date").unwrap() < r2.stdout.find("url").unwrap(),
            "{format}"
        );
    }
    // Records without kept fields: the fixed fields only, in record order.
    let r = run(&["extract", "-q", ARTICLE]);
    let first = r.stdout.lines().next().unwrap();
    assert!(first.starts_with("{\"doc\":\"data/iran-talks.txt\",\"index\":0,\"kind\":"));
    assert!(first.ends_with("\"rule\":\"indirect-subject-cue\"}") || first.contains(",\"rule\":\""));
}

#[test]
fn threads_zero_chooses() {
    let one = run(&["extract", "-q", ARTICLE, "-j", "1"]);
    let zero = run(&["extract", "-q", ARTICLE, "-j", "0"]);
    assert_eq!(zero.code, 0, "{}", zero.stderr);
    assert_eq!(one.stdout, zero.stdout);
    assert!(run(&["extract", "--help"]).stdout.contains("0 chooses"));
}

#[test]
fn eval_refuses_a_gold_file_without_quotes() {
    let dir = scratch("eval");
    let gold = dir.join("gold.jsonl");
    std::fs::write(&gold, "{\"id\": \"a\", \"text\": \"“Yes,” Ann said.\"}\n").unwrap();
    let r = run(&["eval", "--gold", s(&gold)]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains(s(&gold)) && r.stderr.contains("no gold quotation"),
        "{}",
        r.stderr
    );
    // -f is --format.
    let r = run(&["eval", "--gold", "tests/fixtures/iran-talks.gold.json", "-f", "json"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let v: Value = serde_json::from_str(&r.stdout).unwrap();
    assert!(v.is_object());
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn json_numbers_are_rounded_as_in_csv() {
    let re = regex::Regex::new(r#""confidence":([0-9.]+)"#).unwrap();
    let jsonl = run(&["extract", "-q", ARTICLE]);
    let csv = run(&["extract", "-q", ARTICLE, "--format", "csv"]);
    let mut rows = csv::Reader::from_reader(csv.stdout.as_bytes());
    let header = rows.headers().unwrap().clone();
    let col = header.iter().position(|h| h == "confidence").unwrap();
    let from_csv: Vec<String> = rows.records().map(|r| r.unwrap()[col].to_string()).collect();
    let from_json: Vec<String> = re.captures_iter(&jsonl.stdout).map(|c| c[1].to_string()).collect();
    assert_eq!(from_json.len(), from_csv.len());
    for (j, c) in from_json.iter().zip(&from_csv) {
        assert!(j.len() <= 4, "{j}");
        assert_eq!(j.parse::<f64>().unwrap(), c.parse::<f64>().unwrap());
    }
}

#[test]
fn one_summary_wording_with_plurals() {
    let dir = scratch("summary");
    let r = run(&["extract", "--format", "jsonl", ARTICLE]);
    let n = r.stdout.lines().count();
    let line = format!("whosaid: 1 document read, 1 with quotations, {n} records, 0 errors");
    assert_eq!(r.stderr.trim(), line);
    let r = run(&["sources", "--format", "jsonl", ARTICLE]);
    assert!(
        r.stderr.starts_with(&line) && r.stderr.contains(" sources"),
        "{}",
        r.stderr
    );
    let html = dir.join("r.html");
    let r = run(&["report", ARTICLE, "-o", s(&html)]);
    assert!(
        r.stderr.starts_with(&format!("{line}; report written to ")),
        "{}",
        r.stderr
    );
    let r = run_env(
        &["extract", "--jsonl", "-"],
        &[],
        Some("{\"id\":\"x\",\"text\":\"“Yes,” Ann Ortiz said.\"}\n"),
    );
    assert_eq!(
        r.stderr.trim(),
        "whosaid: 1 document read, 1 with quotations, 1 record, 0 errors"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_table_fits_columns_and_wide_prints_whole_quotes() {
    for width in [80usize, 100, 140] {
        let w = width.to_string();
        let r = run_env(
            &["extract", "-q", "--format", "table", ARTICLE],
            &[("COLUMNS", &w)],
            None,
        );
        assert_eq!(r.code, 0);
        assert!(r.stdout.contains("  #  kind"), "a table in a pipe when asked for");
        for l in r.stdout.lines() {
            assert!(l.chars().count() <= width, "wider than {width}: {l}");
        }
    }
    // Unknown width (no terminal, no $COLUMNS): 100.
    let r = run(&["extract", "-q", "--format", "table", ARTICLE]);
    assert!(r.stdout.lines().all(|l| l.chars().count() <= 100));
    assert!(r.stdout.lines().any(|l| l.chars().count() > 90));
    let wide = run_env(
        &["extract", "-q", "--format", "table", "--wide", ARTICLE],
        &[("COLUMNS", "80")],
        None,
    );
    let quotes = run(&["extract", "-q", ARTICLE]);
    let longest = quotes
        .stdout
        .lines()
        .map(|l| {
            serde_json::from_str::<Value>(l).unwrap()["quote"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .max_by_key(|q| q.len())
        .unwrap();
    assert!(longest.chars().count() > 100);
    assert!(
        wide.stdout.contains(&longest.replace('\n', " ")),
        "--wide prints {longest}"
    );
}

#[test]
fn an_unresolved_speaker_shows_as_a_dash_with_its_mention() {
    let text = "“We will not give in,” she said.\n";
    let json = run_env(&["extract", "-q", "-"], &[], Some(text));
    let rec: Value = serde_json::from_str(json.stdout.lines().next().unwrap()).unwrap();
    assert!(rec["speaker"].is_null(), "{rec}");
    assert_eq!(rec["speaker_mention"], "she");
    let table = run_env(&["extract", "-q", "--format", "table", "-"], &[], Some(text));
    assert!(table.stdout.contains("— (she)"), "{}", table.stdout);
}

#[test]
fn report_warns_above_200_documents() {
    let mut jsonl = String::new();
    for i in 0..201 {
        jsonl += &format!("{{\"id\":\"d{i}\",\"text\":\"“Yes,” Ann Ortiz said.\"}}\n");
    }
    let dir = scratch("report");
    let html = dir.join("r.html");
    let r = run_env(&["report", "-q", "--jsonl", "-", "-o", s(&html)], &[], Some(&jsonl));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stderr.contains("201 documents in one report"), "{}", r.stderr);
    let few: String = jsonl.lines().take(200).map(|l| format!("{l}\n")).collect();
    let r = run_env(&["report", "-q", "--jsonl", "-", "-o", s(&html)], &[], Some(&few));
    assert!(r.stderr.is_empty(), "{}", r.stderr);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn bare_extract_on_a_terminal_says_it_reads_stdin() {
    // `script` gives the command a terminal; its stdin is /dev/null, so the
    // terminal ends at once.
    let Ok(out) = Command::new("timeout")
        .args(["10", "script", "-qec", &format!("{BIN} extract -q"), "/dev/null"])
        .stdin(Stdio::null())
        .output()
    else {
        let _ = std::io::Write::write_all(&mut std::io::stderr(), b"skipped: no `script` (util-linux)\n");
        return;
    };
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("whosaid: reading stdin"), "{text}");
    // Not on a pipe.
    let r = run_env(&["extract", "-q"], &[], Some(""));
    assert!(r.stderr.is_empty(), "{}", r.stderr);
}

#[test]
fn completions_man_page_and_version() {
    let r = run(&["completions", "bash"]);
    assert_eq!(r.code, 0);
    assert!(r.stdout.contains("_whosaid()") && r.stdout.contains("--keep-fields"));
    for shell in ["zsh", "fish"] {
        assert!(run(&["completions", shell]).stdout.contains("extract"), "{shell}");
    }
    let r = run(&["man"]);
    assert_eq!(r.code, 0);
    assert!(
        r.stdout.starts_with(".ie") || r.stdout.contains(".TH whosaid"),
        "{}",
        &r.stdout[..200]
    );
    let r = run(&["--version"]);
    let version = r.stdout.trim();
    assert!(
        version.starts_with(&format!("whosaid {}", env!("CARGO_PKG_VERSION"))),
        "{version}"
    );
    let commit = Command::new("git")
        .args(["rev-parse", "--short", "HEAD"])
        .current_dir(root())
        .output()
        .ok()
        .filter(|o| o.status.success())
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string());
    if let Some(c) = commit {
        // The binary was built at some commit of this checkout: a hex id in brackets.
        let re = regex::Regex::new(r"^whosaid \S+ \([0-9a-f]{7,}\)$").unwrap();
        assert!(re.is_match(version), "{version} (HEAD is {c})");
    }
}

#[test]
fn extract_filters_kind_type_and_speaker() {
    let all = run(&["extract", "-q", ARTICLE]);
    let recs = |out: &str| -> Vec<Value> { out.lines().map(|l| serde_json::from_str(l).unwrap()).collect() };
    let all = recs(&all.stdout);
    let direct = recs(&run(&["extract", "-q", ARTICLE, "--kind", "direct"]).stdout);
    assert!(!direct.is_empty() && direct.iter().all(|r| r["kind"] == "direct"));
    assert_eq!(direct.len(), all.iter().filter(|r| r["kind"] == "direct").count());
    let mixed = recs(&run(&["extract", "-q", ARTICLE, "--kind", "direct,mixed"]).stdout);
    assert!(mixed.iter().all(|r| r["kind"] != "indirect") && mixed.len() > direct.len());
    let groups = recs(&run(&["extract", "-q", ARTICLE, "--type", "group"]).stdout);
    assert!(!groups.is_empty() && groups.iter().all(|r| r["speaker_type"] == "group"));
    for name in ["dr. marc champion", "MARC CHAMPION", "champion", "Mr. Champion"] {
        let got = recs(&run(&["extract", "-q", ARTICLE, "--speaker", name]).stdout);
        assert!(!got.is_empty(), "{name}");
        assert!(got.iter().all(|r| r["speaker"] == "Marc Champion"), "{name}");
    }
    assert!(recs(&run(&["extract", "-q", ARTICLE, "--speaker", "marc ross"]).stdout).is_empty());
    let r = run(&["extract", ARTICLE, "--speaker", "Dr."]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("--speaker"));
    let bad = run(&["extract", ARTICLE, "--kind", "quoted"]);
    assert_eq!(bad.code, 2);
}

#[test]
fn speaker_folds_accents() {
    let text = "“The bridge will open in May,” Dr. José Ruiz said.\n";
    let r = run_env(&["extract", "-q", "--speaker", "dr. jose ruiz", "-"], &[], Some(text));
    let rec: Value = serde_json::from_str(r.stdout.lines().next().expect("a record")).unwrap();
    assert_eq!(rec["speaker"], "José Ruiz");
}
