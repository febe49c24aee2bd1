//! Corpus scale (issue 7): `--shard K/N` splits a corpus so that the shards
//! together give exactly the records of the full run, and the number of
//! threads never changes a byte of the output.
//!
//! The corpus is generated here: a few hundred short articles with direct
//! and reported quotations, enough documents for several chunks of work.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::{Command, Output};

const NAMES: &[&str] = &[
    "Maria Lopez",
    "John Okafor",
    "Elena Petrova",
    "Samuel Reyes",
    "Aiko Tanaka",
    "Peter Brandt",
    "Fatima Haddad",
    "Tom Walsh",
];
const ROLES: &[&str] = &["the mayor", "a council member", "the minister", "a union leader"];
const TOPICS: &[&str] = &[
    "the new bridge",
    "the budget",
    "the harbour project",
    "the school reform",
    "the water tariff",
    "the rail strike",
];

/// A short news item; `i` varies names, topics and sentence shapes.
fn article(i: usize) -> String {
    let name = NAMES[i % NAMES.len()];
    let other = NAMES[(i * 5 + 3) % NAMES.len()];
    let surname = name.split(' ').nth(1).unwrap();
    let role = ROLES[i % ROLES.len()];
    let topic = TOPICS[(i / 3) % TOPICS.len()];
    let mut text = format!("Council debates {topic} (item {i})\n\n");
    text += &format!("“We will not accept delays on {topic},” said {name}, {role}. ");
    match i % 4 {
        0 => text += &format!("{other} said the plan for {topic} was {} weeks late.\n\n", i % 9 + 2),
        1 => {
            text += &format!(
                "According to {other}, the cost of {topic} rose by {} percent.\n\n",
                i % 7 + 1
            )
        }
        2 => text += &format!("{other} told reporters: “The numbers for {topic} do not add up.”\n\n"),
        _ => text += "\n\n",
    }
    if i % 3 == 0 {
        text += &format!("“It is a matter of trust,” {surname} added. “People want answers by June.”\n");
    } else {
        text += &format!("The vote on {topic} is expected next month.\n");
    }
    text
}

fn write_corpus(dir: &Path, n: usize) -> std::path::PathBuf {
    let path = dir.join("corpus.jsonl");
    let body: String = (0..n)
        .map(|i| serde_json::json!({ "id": format!("news-{i:04}"), "text": article(i) }).to_string() + "\n")
        .collect();
    std::fs::write(&path, body).unwrap();
    path
}

fn extract(corpus: &Path, extra: &[&str]) -> Output {
    let out = Command::new(env!("CARGO_BIN_EXE_whosaid"))
        .args(["extract", "--jsonl", "-q"])
        .args(if extra.contains(&"--format") {
            &[][..]
        } else {
            &["--format", "jsonl"][..]
        })
        .args(extra)
        .arg(corpus)
        .output()
        .expect("whosaid runs");
    assert!(
        out.status.success(),
        "whosaid {extra:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

/// The output lines as a multiset.
fn lines(out: &Output) -> BTreeMap<String, usize> {
    let mut m = BTreeMap::new();
    for l in String::from_utf8(out.stdout.clone()).unwrap().lines() {
        *m.entry(l.to_string()).or_insert(0) += 1;
    }
    m
}

#[test]
fn three_shards_together_are_exactly_the_full_run() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = write_corpus(dir.path(), 200);
    let full = lines(&extract(&corpus, &[]));
    assert!(
        full.len() > 200,
        "the corpus should give hundreds of records, got {}",
        full.len()
    );
    let mut union: BTreeMap<String, usize> = BTreeMap::new();
    for k in 0..3 {
        let shard = lines(&extract(&corpus, &["--shard", &format!("{k}/3")]));
        assert!(!shard.is_empty(), "shard {k}/3 is empty");
        for (l, n) in shard {
            *union.entry(l).or_insert(0) += n;
        }
    }
    assert_eq!(union, full, "the shards' records differ from the full run's");
}

#[test]
fn one_and_two_threads_give_byte_identical_output() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = write_corpus(dir.path(), 200);
    for extra in [&[][..], &["--shard", "1/3"][..], &["--format", "csv", "--context"][..]] {
        let one = extract(&corpus, &[extra, &["--threads", "1"]].concat());
        let two = extract(&corpus, &[extra, &["--threads", "2"]].concat());
        let four = extract(&corpus, &[extra, &["--threads", "4"]].concat());
        assert!(!one.stdout.is_empty());
        assert!(one.stdout == two.stdout, "{extra:?}: 1 and 2 threads differ");
        assert!(one.stdout == four.stdout, "{extra:?}: 1 and 4 threads differ");
    }
}
