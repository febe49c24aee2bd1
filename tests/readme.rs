//! The examples of README.md and docs/*.md cannot go stale: every ```console
//! block is run here on the built binary and its output compared.
//!
//! In a block, a line starting with `$ ` is a command line run by `sh -c`, with
//! the built `whosaid` first on the PATH (so `NAME=value whosaid ARGS | jq …`
//! works; an example whose other tools are not installed is skipped, and says
//! so); the lines after it, up to the
//! next `$ ` line or the end of the block, are what it prints (stdout, then
//! stderr). A line `...` stands for any number of lines. Trailing white space
//! is not compared (editors strip it). Commands run in a scratch folder where
//! `data/`, `tests/` and `docs/` are the repository's (so paths read as in the
//! README, and `-o report.html` writes there), with an empty `empty.txt`, and
//! without `$COLUMNS` (the table is then 100 columns wide) unless the command
//! sets it.

use std::path::{Path, PathBuf};
use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_whosaid");

struct Example {
    /// `file:line` of the command.
    at: String,
    line: String,
    expected: Vec<String>,
}

/// The words of a command line: white space separates, '…' and "…" quote.
fn words(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut quote = None;
    let mut any = false;
    for c in line.chars() {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => cur.push(c),
            None if c == '\'' || c == '"' => {
                quote = Some(c);
                any = true;
            }
            None if c.is_whitespace() => {
                if any || !cur.is_empty() {
                    out.push(std::mem::take(&mut cur));
                    any = false;
                }
            }
            None => cur.push(c),
        }
    }
    assert!(quote.is_none(), "unclosed quote in {line:?}");
    if any || !cur.is_empty() {
        out.push(cur);
    }
    out
}

fn examples(file: &Path) -> Vec<Example> {
    let text = std::fs::read_to_string(file).unwrap();
    let name = file.file_name().unwrap().to_string_lossy().into_owned();
    let shown = if file.parent().is_some_and(|p| p.ends_with("docs")) {
        format!("docs/{name}")
    } else {
        name
    };
    let mut out: Vec<Example> = Vec::new();
    let mut in_block = false;
    for (i, line) in text.lines().enumerate() {
        if !in_block {
            in_block = line.trim_end() == "```console";
            continue;
        }
        if line.trim_end() == "```" {
            in_block = false;
            continue;
        }
        if let Some(cmd) = line.strip_prefix("$ ") {
            let w = words(cmd);
            let first = w.iter().find(|x| !x.contains('='));
            assert_eq!(
                first.map(String::as_str),
                Some("whosaid"),
                "{shown}:{}: a console example runs whosaid",
                i + 1
            );
            out.push(Example {
                at: format!("{shown}:{}", i + 1),
                line: cmd.to_string(),
                expected: Vec::new(),
            });
        } else {
            let ex = out
                .last_mut()
                .unwrap_or_else(|| panic!("{shown}:{}: output before any `$ ` command", i + 1));
            ex.expected.push(line.trim_end().to_string());
        }
    }
    assert!(!in_block, "{shown}: a console block is not closed");
    out
}

/// Whether `got` matches `want`, where a `...` line of `want` matches any
/// number of lines.
fn matches(want: &[String], got: &[String]) -> bool {
    match want.split_first() {
        None => got.is_empty(),
        Some((w, rest)) if w == "..." => (0..=got.len()).any(|k| matches(rest, &got[k..])),
        Some((w, rest)) => got.first() == Some(w) && matches(rest, &got[1..]),
    }
}

fn on_path(tool: &str) -> bool {
    std::env::var_os("PATH").is_some_and(|p| std::env::split_paths(&p).any(|d| d.join(tool).is_file()))
}

fn scratch() -> PathBuf {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let dir = std::env::temp_dir().join(format!("whosaid-readme-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    for sub in ["data", "tests", "docs"] {
        std::os::unix::fs::symlink(root.join(sub), dir.join(sub)).unwrap();
    }
    std::fs::write(dir.join("empty.txt"), "").unwrap();
    dir
}

fn documents() -> Vec<PathBuf> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut files = vec![root.join("README.md")];
    let mut docs: Vec<PathBuf> = std::fs::read_dir(root.join("docs"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect();
    docs.sort();
    files.extend(docs);
    files
}

#[test]
fn every_console_example_gives_what_it_shows() {
    let dir = scratch();
    let mut failures = Vec::new();
    let mut n = 0;
    for file in documents() {
        for ex in examples(&file) {
            n += 1;
            // The other programs of a pipeline must be there to run it.
            let missing: Vec<String> = ex
                .line
                .split(" | ")
                .skip(1)
                .filter_map(|seg| words(seg).into_iter().next())
                .filter(|tool| !on_path(tool))
                .collect();
            if !missing.is_empty() {
                let _ = std::io::Write::write_all(
                    &mut std::io::stderr(),
                    format!("skipped: {} needs {}\n", ex.at, missing.join(", ")).as_bytes(),
                );
                continue;
            }
            let bin_dir = Path::new(BIN).parent().unwrap();
            let path = format!("{}:{}", bin_dir.display(), std::env::var("PATH").unwrap_or_default());
            let out = Command::new("sh")
                .args(["-c", &ex.line])
                .current_dir(&dir)
                .env_remove("COLUMNS")
                .env("PATH", path)
                .output()
                .unwrap();
            let text = String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
            let got: Vec<String> = text.lines().map(|l| l.trim_end().to_string()).collect();
            if !matches(&ex.expected, &got) {
                failures.push(format!(
                    "{}: `{}` printed:\n{}\n--- but the example shows:\n{}\n",
                    ex.at,
                    ex.line,
                    got.join("\n"),
                    ex.expected.join("\n")
                ));
            }
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
    assert!(n >= 5, "only {n} console examples found");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_matcher_takes_dots_as_any_lines() {
    let v = |s: &[&str]| s.iter().map(|x| x.to_string()).collect::<Vec<_>>();
    assert!(matches(&v(&["a", "...", "d"]), &v(&["a", "b", "c", "d"])));
    assert!(matches(&v(&["a", "...", "b"]), &v(&["a", "b"])));
    assert!(!matches(&v(&["a", "c"]), &v(&["a", "b"])));
    assert_eq!(
        words(r#"COLUMNS=80 whosaid x --speaker "dr. jose ruiz""#),
        ["COLUMNS=80", "whosaid", "x", "--speaker", "dr. jose ruiz"]
    );
}
