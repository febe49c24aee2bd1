//! The quality gate: `whosaid eval` on the dev corpus and the example article
//! must not fall more than 0.005 below the floors in `tests/quality-floor.json`.
//! Raise the floors when quality rises (see README, "Quality").

use serde_json::Value;
use std::path::{Path, PathBuf};
use whosaid::eval::{evaluate, read_gold};
use whosaid::{analyze, Document};

const TOLERANCE: f64 = 0.005;
const METRICS: &[&str] = &["f1", "speaker_acc", "e2e_f1"];

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn scores(gold_path: &Path) -> Value {
    let f = std::fs::File::open(gold_path).expect("gold file");
    let gold = read_gold(std::io::BufReader::new(f)).expect("gold parses");
    let preds: Vec<Value> = gold
        .iter()
        .flat_map(|g| analyze(&Document::new(g.id.clone(), g.text.clone())))
        .map(|r| serde_json::to_value(r).expect("record serializes"))
        .collect();
    evaluate(&gold, &preds).to_json()
}

/// Every (task, metric) whose score is more than TOLERANCE below its floor.
fn regressions(floor: &Value, got: &Value) -> Vec<String> {
    let mut out = Vec::new();
    for task in ["direct", "reported", "all"] {
        for m in METRICS {
            let (Some(f), Some(g)) = (floor[task][m].as_f64(), got[task][m].as_f64()) else {
                continue;
            };
            if g < f - TOLERANCE {
                out.push(format!("{task}.{m}: {g:.4} < floor {f:.4}"));
            }
        }
    }
    out
}

fn floors() -> Value {
    let text = std::fs::read_to_string(root().join("tests/quality-floor.json")).expect("floor file");
    serde_json::from_str(&text).expect("floor file is JSON")
}

fn check(name: &str, gold: PathBuf) {
    let got = scores(&gold);
    println!("{name}: {}", serde_json::to_string(&got).unwrap());
    let bad = regressions(&floors()[name], &got);
    assert!(
        bad.is_empty(),
        "{name} quality fell below the floor:\n{}",
        bad.join("\n")
    );
}

#[test]
fn example_article_stays_above_its_floor() {
    check("iran-talks", root().join("tests/fixtures/iran-talks.gold.json"));
}

/// A dev corpus from `../shared/corpora`: in CI (`CI` set) a missing corpus fails the test;
/// elsewhere the test says it skipped.
fn dev_corpus(file: &str) -> Option<PathBuf> {
    let gold = root().join("../shared/corpora").join(file);
    if gold.exists() {
        return Some(gold);
    }
    assert!(std::env::var_os("CI").is_none(), "{} is missing in CI", gold.display());
    // Straight to stderr, past the test harness's capture: a skip must show.
    let _ = std::io::Write::write_all(
        &mut std::io::stderr(),
        format!("skipped: {} not found (CI always has it)\n", gold.display()).as_bytes(),
    );
    None
}

#[test]
fn polnear_dev_stays_above_its_floor() {
    if let Some(gold) = dev_corpus("polnear-dev.jsonl") {
        check("polnear-dev", gold);
    }
}

#[test]
fn ggt_dev_stays_above_its_floor() {
    if let Some(gold) = dev_corpus("ggt-dev.jsonl") {
        check("ggt-dev", gold);
    }
}

#[test]
fn the_gate_catches_a_deliberate_regression() {
    let floor = serde_json::json!({"direct": {"f1": 0.80, "speaker_acc": 0.90, "e2e_f1": 0.70}});
    let mut got = floor.clone();
    assert!(regressions(&floor, &got).is_empty());
    got["direct"]["f1"] = serde_json::json!(0.796);
    assert!(regressions(&floor, &got).is_empty(), "within tolerance");
    got["direct"]["f1"] = serde_json::json!(0.79);
    assert_eq!(regressions(&floor, &got), ["direct.f1: 0.7900 < floor 0.8000"]);
}
