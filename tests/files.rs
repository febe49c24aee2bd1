//! Files, devices and hostile output (issue 16), on the real binary: `-o`
//! never replaces what is not a regular file, never follows a planted name,
//! never eats its input; inputs are read within `--max-doc-bytes`; walks
//! read regular files only; output cannot inject into a terminal, a
//! spreadsheet or a JSON reader; every write error is an error.
//! Each test is a reproduction from the issue that failed before the fix.

use std::fs;
use std::io::Write;
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_whosaid");
const ARTICLE: &str = "“We will go on,” said Ann Ortiz, a spokeswoman.\n";

fn run(dir: &Path, args: &[&str]) -> Output {
    Command::new(BIN)
        .args(args)
        .current_dir(dir)
        .output()
        .expect("whosaid runs")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// A folder with `a.txt` (one quotation).
fn folder() -> tempfile::TempDir {
    let d = tempfile::tempdir().unwrap();
    fs::write(d.path().join("a.txt"), ARTICLE).unwrap();
    d
}

fn is_root() -> bool {
    // Root owns /proc/self's files.
    fs::metadata("/proc/self").is_ok_and(|m| m.uid() == 0)
}

/// The run's folder holds only these names (no temporary file left).
fn assert_only(dir: &Path, names: &[&str]) {
    let mut found: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    found.sort();
    let mut want: Vec<String> = names.iter().map(|s| s.to_string()).collect();
    want.sort();
    assert_eq!(found, want);
}

/// A device to write to: as root a copy of `/dev/full` in `dir` (a broken
/// build must never replace the machine's device), else `/dev/full` itself
/// (which only root could replace).
fn full_device(dir: &Path) -> String {
    if !is_root() {
        return "/dev/full".into();
    }
    let copy = dir.join("full");
    let made = Command::new("mknod").arg(&copy).args(["c", "1", "7"]).status().unwrap();
    assert!(made.success());
    copy.to_string_lossy().into_owned()
}

#[test]
fn a_copy_of_dev_null_stays_a_device() {
    if !is_root() {
        eprintln!("skipped: not root (mknod needs root)");
        return;
    }
    let d = folder();
    let null = d.path().join("null");
    let made = Command::new("mknod").arg(&null).args(["c", "1", "3"]).status().unwrap();
    assert!(made.success());
    for cmd in ["extract", "sources"] {
        let o = run(d.path(), &[cmd, "a.txt", "-q", "-o", "null"]);
        assert_eq!(o.status.code(), Some(0), "{cmd}: {}", stderr(&o));
        let m = fs::symlink_metadata(&null).unwrap();
        assert!(
            std::os::unix::fs::FileTypeExt::is_char_device(&m.file_type()),
            "{cmd} replaced the device"
        );
    }
    let o = Command::new(BIN)
        .args(["report", "a.txt", "-q", "-o", "null"])
        .current_dir(d.path())
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(std::os::unix::fs::FileTypeExt::is_char_device(
        &fs::symlink_metadata(&null).unwrap().file_type()
    ));
    assert_only(d.path(), &["a.txt", "null"]);
}

#[test]
fn a_full_disk_is_an_error_in_every_subcommand() {
    let d = folder();
    let gold = d.path().join("g.jsonl");
    // One quotation: a gold file without any is refused (issue 21).
    let line = "{\"id\": \"a\", \"text\": \"x\", \"quotes\": [{\"start\": 0, \"end\": 1, \"kind\": \"direct\"}]}\n";
    fs::write(&gold, line).unwrap();
    let dev = full_device(d.path());
    for cmd in ["extract", "sources", "report"] {
        let o = run(d.path(), &[cmd, "a.txt", "-q", "-o", &dev]);
        assert_eq!(o.status.code(), Some(2), "{cmd}");
        assert!(
            stderr(&o).contains(&format!("cannot write {dev}")),
            "{cmd}: {}",
            stderr(&o)
        );
    }
    assert!(
        fs::symlink_metadata(&dev).is_ok_and(|m| !m.is_file()),
        "{dev} is still a device"
    );
    let full = || fs::OpenOptions::new().write(true).open(&dev).unwrap();
    for args in [
        &["extract", "a.txt", "-q"][..],
        &["eval", "--gold", "g.jsonl"],
        &["--help"],
        &["--version"],
    ] {
        let o = Command::new(BIN)
            .args(args)
            .current_dir(d.path())
            .stdout(full())
            .output()
            .unwrap();
        assert_eq!(o.status.code(), Some(2), "{args:?} > /dev/full: {}", stderr(&o));
        assert!(stderr(&o).contains("No space left"), "{args:?}: {}", stderr(&o));
    }
}

#[test]
fn a_fifo_is_written_through_not_replaced() {
    let d = folder();
    let fifo = d.path().join("pipe");
    assert!(Command::new("mkfifo").arg(&fifo).status().unwrap().success());
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || fs::read_to_string(fifo).unwrap())
    };
    let o = run(d.path(), &["extract", "a.txt", "-q", "-o", "pipe"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    // Checked before joining: a replaced FIFO would leave the reader blocked.
    assert!(
        std::os::unix::fs::FileTypeExt::is_fifo(&fs::symlink_metadata(&fifo).unwrap().file_type()),
        "the FIFO was replaced"
    );
    let got = reader.join().unwrap();
    assert!(got.contains("We will go on"), "the reader got {got:?}");
    assert_only(d.path(), &["a.txt", "pipe"]);
}

/// Through a copy of the /dev/stdout link (to /proc/self/fd/1): a broken
/// build replaces the copy, never the machine's link.
#[test]
fn dev_stdout_is_written_not_replaced() {
    let d = folder();
    std::os::unix::fs::symlink("/proc/self/fd/1", d.path().join("stdout")).unwrap();
    let o = Command::new(BIN)
        .args(["extract", "a.txt", "-q", "-o", "stdout"])
        .current_dir(d.path())
        .stdout(Stdio::piped())
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(String::from_utf8_lossy(&o.stdout).contains("We will go on"));
    assert!(fs::symlink_metadata(d.path().join("stdout"))
        .unwrap()
        .file_type()
        .is_symlink());
}

#[test]
fn a_symlink_is_written_through_to_its_target() {
    let d = folder();
    fs::write(d.path().join("target.jsonl"), "old\n").unwrap();
    std::os::unix::fs::symlink("target.jsonl", d.path().join("link.jsonl")).unwrap();
    let o = run(d.path(), &["extract", "a.txt", "-q", "-o", "link.jsonl"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(fs::symlink_metadata(d.path().join("link.jsonl"))
        .unwrap()
        .file_type()
        .is_symlink());
    assert!(fs::read_to_string(d.path().join("target.jsonl"))
        .unwrap()
        .contains("We will go on"));
    assert_only(d.path(), &["a.txt", "link.jsonl", "target.jsonl"]);
}

#[test]
fn a_replaced_file_keeps_its_mode_and_hard_links() {
    let d = folder();
    let out = d.path().join("out.jsonl");
    fs::write(&out, "old\n").unwrap();
    fs::set_permissions(&out, fs::Permissions::from_mode(0o600)).unwrap();
    let o = run(d.path(), &["sources", "a.txt", "-q", "-o", "out.jsonl"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(fs::metadata(&out).unwrap().mode() & 0o777, 0o600);
    fs::hard_link(&out, d.path().join("link.jsonl")).unwrap();
    let o = run(d.path(), &["extract", "a.txt", "-q", "-o", "out.jsonl"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let linked = fs::read_to_string(d.path().join("link.jsonl")).unwrap();
    assert!(
        linked.contains("We will go on"),
        "the hard link kept the old output: {linked:?}"
    );
    assert_eq!(fs::metadata(&out).unwrap().nlink(), 2);
    assert_only(d.path(), &["a.txt", "link.jsonl", "out.jsonl"]);
}

#[test]
fn an_output_that_is_an_input_is_refused_before_reading() {
    let d = folder();
    let corpus = "{\"id\": \"a\", \"text\": \"“Go,” said Ann Ortiz.\"}\n";
    fs::write(d.path().join("c.jsonl"), corpus).unwrap();
    let o = run(d.path(), &["extract", "--jsonl", "c.jsonl", "-o", "c.jsonl"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("cannot write c.jsonl: it is also an input"),
        "{}",
        stderr(&o)
    );
    assert_eq!(
        fs::read_to_string(d.path().join("c.jsonl")).unwrap(),
        corpus,
        "the corpus is intact"
    );
    // Through stdin, and through a link to it.
    std::os::unix::fs::symlink("c.jsonl", d.path().join("l.jsonl")).unwrap();
    let o = Command::new(BIN)
        .args(["sources", "--jsonl", "-o", "l.jsonl"])
        .current_dir(d.path())
        .stdin(fs::File::open(d.path().join("c.jsonl")).unwrap())
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert_eq!(fs::read_to_string(d.path().join("c.jsonl")).unwrap(), corpus);
}

#[test]
fn an_output_inside_a_walked_folder_is_not_read_back() {
    let d = folder();
    fs::write(d.path().join("out.txt"), "“Old output,” said Ann Ortiz.\n").unwrap();
    let o = run(d.path(), &["extract", ".", "-o", "out.txt", "-j", "1"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("out.txt: skipped: it is the output file"),
        "{}",
        stderr(&o)
    );
    let out = fs::read_to_string(d.path().join("out.txt")).unwrap();
    assert!(!out.contains("Old output"), "the output was read as input: {out}");
}

#[test]
fn an_output_folder_fails_before_the_run() {
    let d = folder();
    fs::create_dir(d.path().join("out")).unwrap();
    for cmd in ["extract", "sources", "report"] {
        let o = run(d.path(), &[cmd, "a.txt", "-q", "-o", "out"]);
        assert_eq!(o.status.code(), Some(2));
        assert!(
            stderr(&o).contains("cannot write out: it is a folder"),
            "{cmd}: {}",
            stderr(&o)
        );
    }
    assert_only(d.path(), &["a.txt", "out"]);
    assert_eq!(fs::read_dir(d.path().join("out")).unwrap().count(), 0);
}

/// A long run, stopped by each signal: no temporary file is left.
#[test]
fn sigterm_and_sighup_remove_the_temporary_file() {
    for sig in ["TERM", "HUP", "INT"] {
        let d = tempfile::tempdir().unwrap();
        let big = "“We will go on,” said Ann Ortiz, a spokeswoman.\n\n".repeat(200_000);
        fs::write(d.path().join("big.txt"), big).unwrap();
        let mut child = Command::new(BIN)
            .args(["extract", "big.txt", "-q", "-j", "1", "-o", "out.jsonl"])
            .current_dir(d.path())
            .spawn()
            .unwrap();
        // Wait for the temporary file to appear.
        let t0 = Instant::now();
        while fs::read_dir(d.path()).unwrap().count() < 2 && t0.elapsed() < Duration::from_secs(20) {
            std::thread::sleep(Duration::from_millis(20));
        }
        std::thread::sleep(Duration::from_millis(100));
        let killed = Command::new("kill")
            .args([&format!("-{sig}"), &child.id().to_string()])
            .status();
        assert!(killed.unwrap().success());
        let status = child.wait().unwrap();
        if status.success() {
            continue; // finished before the signal: nothing to check
        }
        assert_eq!(status.code(), Some(130), "SIG{sig}");
        assert_only(d.path(), &["big.txt"]);
    }
}

#[test]
fn endless_and_huge_inputs_stop_at_the_cap() {
    let d = folder();
    let cap = ["--max-doc-bytes", "1000000"];
    let check = |o: &Output, what: &str| {
        assert_eq!(o.status.code(), Some(2), "{what}: {}", stderr(o));
        let out = String::from_utf8_lossy(&o.stdout);
        assert!(
            out.contains("larger than --max-doc-bytes") || out.contains("longer than --max-doc-bytes"),
            "{what}: {out}"
        );
    };
    let o = run(d.path(), &[&["extract", "/dev/zero", "a.txt", "-q"][..], &cap].concat());
    check(&o, "/dev/zero");
    assert!(
        String::from_utf8_lossy(&o.stdout).contains("We will go on"),
        "the batch goes on"
    );
    for jsonl in [false, true] {
        let mut args = vec!["extract", "-q"];
        if jsonl {
            args.push("--jsonl");
        }
        let o = Command::new(BIN)
            .args([&args[..], &cap].concat())
            .stdin(fs::File::open("/dev/zero").unwrap())
            .output()
            .unwrap();
        check(&o, "stdin from /dev/zero");
    }
    // A 50 MB text in a 50 KB .zst, a 10 MB one in a .GZ (upper case).
    let text = vec![b'a'; 50_000_000];
    fs::write(d.path().join("bomb.txt.zst"), zstd::encode_all(&text[..], 19).unwrap()).unwrap();
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    gz.write_all(&text[..10_000_000]).unwrap();
    fs::write(d.path().join("bomb.TXT.GZ"), gz.finish().unwrap()).unwrap();
    let mut line = b"{\"text\": \"".to_vec();
    line.extend_from_slice(&text[..5_000_000]);
    line.extend_from_slice(b"\"}\n{\"id\": \"x\", \"text\": \"y\"}\n");
    fs::write(d.path().join("long.jsonl.zst"), zstd::encode_all(&line[..], 3).unwrap()).unwrap();
    for f in ["bomb.txt.zst", "bomb.TXT.GZ"] {
        check(&run(d.path(), &[&["extract", f, "-q"][..], &cap].concat()), f);
    }
    check(
        &run(
            d.path(),
            &[&["extract", "--jsonl", "long.jsonl.zst", "-q"][..], &cap].concat(),
        ),
        "long line",
    );
}

#[test]
fn walks_skip_fifos_and_links_to_devices() {
    let d = folder();
    assert!(Command::new("mkfifo")
        .arg(d.path().join("fifo.txt"))
        .status()
        .unwrap()
        .success());
    std::os::unix::fs::symlink("/dev/zero", d.path().join("zero.txt")).unwrap();
    let mut child = Command::new(BIN)
        .args(["extract", ".", "-j", "1"])
        .current_dir(d.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let t0 = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if t0.elapsed() > Duration::from_secs(30) {
            child.kill().unwrap();
            panic!("the walk hung on a FIFO or /dev/zero");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let o = child.wait_with_output().unwrap();
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(0), "{err}");
    assert!(err.contains("fifo.txt: skipped: not a regular file"), "{err}");
    assert!(err.contains("zero.txt: skipped: not a regular file"), "{err}");
    assert!(String::from_utf8_lossy(&o.stdout).contains("We will go on"));
}

#[test]
fn kept_fields_never_collide_with_record_fields() {
    let d = folder();
    fs::write(
        d.path().join("k.jsonl"),
        "{\"id\": \"a\", \"text\": \"“Go,” said Ann Ortiz.\", \"doc\": \"evil\"}\n",
    )
    .unwrap();
    for field in [
        "doc",
        "quote",
        "start",
        "speaker",
        "error",
        "parts",
        "context",
        "source,source",
    ] {
        let o = run(
            d.path(),
            &["extract", "--jsonl", "k.jsonl", "-q", "--keep-fields", field],
        );
        assert_eq!(o.status.code(), Some(2), "{field}");
        assert!(o.stdout.is_empty());
        assert!(stderr(&o).contains("--keep-fields"), "{field}: {}", stderr(&o));
    }
}

#[test]
fn sources_csv_guards_formulas_with_excel() {
    let d = folder();
    let line = "{\"id\": \"=HYPERLINK(\\\"http://evil/\\\",\\\"x\\\")\", \"text\": \"“Go,” said Ann Ortiz.\"}\n";
    fs::write(d.path().join("e.jsonl"), line).unwrap();
    for per_document in [false, true] {
        let mut args = vec!["sources", "--jsonl", "e.jsonl", "-q", "--format", "csv", "--excel"];
        if per_document {
            args.push("--per-document");
        }
        let o = run(d.path(), &args);
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        let out = String::from_utf8(o.stdout).unwrap();
        assert!(out.starts_with('\u{feff}'), "a BOM for Excel");
        let row = out.lines().nth(1).unwrap();
        assert!(row.starts_with("\"'=HYPERLINK("), "{row}");
    }
}

#[test]
fn control_characters_are_escaped_on_the_terminal_and_in_messages() {
    let d = folder();
    let lines = "{\"id\": \"\\u001b]0;title\\u0007\", \"text\": \"“Go\\u001b]52;c;eA==\\u0007,” said Ann Ortiz.\"}\n\
                 {\"id\": \"bad\\u001b[2J\"}\n";
    fs::write(d.path().join("x.jsonl"), lines).unwrap();
    fs::write(d.path().join("n\u{1b}[31m.txt"), "\u{0}").unwrap();
    for args in [
        &["extract", "--jsonl", "x.jsonl", "--format", "table"][..],
        &["sources", "--jsonl", "x.jsonl", "--format", "table"],
        &["sources", "--jsonl", "x.jsonl", "--per-document", "--format", "table"],
        &["extract", "n\u{1b}[31m.txt"],
    ] {
        let o = run(d.path(), args);
        for (what, bytes) in [("stdout", &o.stdout), ("stderr", &o.stderr)] {
            assert!(
                !bytes.contains(&0x1b) && !bytes.contains(&0x07),
                "{args:?}: raw ESC/BEL on {what}"
            );
        }
        assert!(stderr(&o).contains("\\x1b"), "{args:?}: {}", stderr(&o));
    }
}

#[test]
fn tsv_cells_stay_on_one_line() {
    let d = folder();
    fs::write(
        d.path().join("t.jsonl"),
        "{\"id\": \"a\\tb\\nc\", \"text\": \"“Go\\tthere,” said Ann Ortiz.\"}\n",
    )
    .unwrap();
    let o = run(d.path(), &["extract", "--jsonl", "t.jsonl", "-q", "--format", "tsv"]);
    let out = String::from_utf8(o.stdout).unwrap();
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 2, "{out}");
    assert_eq!(lines[0].split('\t').count(), lines[1].split('\t').count());
    assert!(lines[1].starts_with("a\\tb\\nc\t"), "{}", lines[1]);
    let o = run(d.path(), &["sources", "--jsonl", "t.jsonl", "-q", "--format", "tsv"]);
    let out = String::from_utf8(o.stdout).unwrap();
    assert_eq!(out.lines().count(), 2, "{out}");
}

#[test]
fn utf16_jsonl_with_a_bom_is_decoded() {
    let d = folder();
    let text = "{\"id\": \"u\", \"text\": \"“Go,” said Ann Ortiz.\"}\n";
    let mut le = vec![0xFF, 0xFE];
    le.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    let mut be = vec![0xFE, 0xFF];
    be.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
    fs::write(d.path().join("le.jsonl"), le).unwrap();
    fs::write(d.path().join("be.JSONL"), be).unwrap();
    let o = run(d.path(), &["extract", "--jsonl", ".", "-q"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = String::from_utf8(o.stdout).unwrap();
    assert_eq!(out.matches("\"doc\":\"u\"").count(), 2, "{out}");
}

#[test]
fn eval_output_handles_pipes_and_checks_its_files() {
    let d = folder();
    let gold = root().join("tests/fixtures/eval/rules.gold.jsonl");
    let pred = root().join("tests/fixtures/eval/rules.pred.json");
    let (gold, pred) = (gold.to_str().unwrap(), pred.to_str().unwrap());
    // A closed pipe after the first line: quiet, 0.
    let mut child = Command::new(BIN)
        .args(["eval", "--gold", gold, "--pred", pred, "--errors", "100000"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let o = child.wait_with_output().unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(!stderr(&o).contains("panicked"));
    // Offsets past the text are named with file and line.
    let o = run(d.path(), &["eval", "--gold", gold, "--pred", pred]);
    assert!(
        stderr(&o).contains("rules.pred.json:1, item 18: offsets do not fit"),
        "{}",
        stderr(&o)
    );
    for (bad, message) in [
        (
            "{\"id\": \"a\", \"text\": \"x\"}\n{\"text\": \"y\"}\n",
            "g.jsonl:2: no \"id\"",
        ),
        ("{\"id\": \"a\", \"quotes\": []}\n", "g.jsonl:1: no \"text\""),
        (
            "{\"id\": \"a\", \"text\": \"xy\", \"quotes\": [{\"start\": 0, \"end\": 1}]}\n",
            "g.jsonl:1: quote 0 has no \"kind\"",
        ),
    ] {
        fs::write(d.path().join("g.jsonl"), bad).unwrap();
        let o = run(d.path(), &["eval", "--gold", "g.jsonl"]);
        assert_eq!(o.status.code(), Some(2));
        assert!(stderr(&o).contains(message), "{}", stderr(&o));
    }
}

#[test]
fn too_many_threads_is_a_clear_error() {
    let d = folder();
    let o = run(d.path(), &["extract", "a.txt", "-q", "-j", "100000"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("--threads"), "{}", stderr(&o));
}

fn root() -> std::path::PathBuf {
    std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}
