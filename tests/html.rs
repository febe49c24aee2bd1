//! Web pages in (issue 17): each fixture page gives the records of the same
//! story as plain text, no record comes from page furniture, offsets index
//! the extracted text, and `html_start`/`html_end` point at the quote's
//! bytes in the page.

mod common;

use common::check_document;
use proptest::prelude::*;
use serde_json::Value;
use std::io::Write;
use std::process::{Command, Stdio};
use whosaid::{analyze, html};

const BIN: &str = env!("CARGO_BIN_EXE_whosaid");

/// The hand-written pages, each in the shape of a real CMS, with a `.txt` beside it.
const PAGES: &[&str] = &["wordpress", "newsroom", "amp", "comments-rail", "entities", "cp1252"];

/// Text that is on the pages but not in their stories: scripts, navigation,
/// share widgets, comments, related links, cookie banners, captions.
const FURNITURE: &[&str] = &[
    "Subscribe",
    "Ferries",
    "About time",
    "nothing happened",
    "Proudly",
    "Accept all",
    "Thanks",
    "disaster",
    "bypass",
    "miracle",
    "missing dog",
    "uncle",
    "no more money",
    "Goodbye",
    "never tired of it,\u{201d} he",
    "Best pizza",
    "It is safe",
    "not afraid",
    "Share",
    "Related",
    "Advertisement",
];

fn page_path(name: &str, ext: &str) -> String {
    common::fixture(&format!("html/{name}.{ext}"))
        .to_string_lossy()
        .into_owned()
}

fn run(args: &[&str], stdin: Option<&[u8]>) -> (i32, Vec<u8>, String) {
    let mut child = Command::new(BIN)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.unwrap_or_default())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    (out.status.code().unwrap_or(-1), out.stdout, err)
}

fn jsonl(out: &[u8]) -> Vec<Value> {
    std::str::from_utf8(out)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

/// What must agree between a page and its plain-text story.
fn essence(recs: &[Value]) -> Vec<(Value, Value, Value, Value)> {
    recs.iter()
        .map(|r| {
            (
                r["quote"].clone(),
                r["speaker"].clone(),
                r["kind"].clone(),
                r["cue"].clone(),
            )
        })
        .collect()
}

/// Every record with html offsets slices the page's bytes to its quote.
fn check_html_offsets(raw: &[u8], recs: &[Value]) -> usize {
    let mut mapped = 0;
    for r in recs {
        let (Some(a), Some(b)) = (r["html_start"].as_u64(), r["html_end"].as_u64()) else {
            assert!(r["html_start"].is_null() && r["html_end"].is_null(), "{r}");
            continue;
        };
        let quote = r["quote"].as_str().unwrap();
        assert_eq!(&raw[a as usize..b as usize], quote.as_bytes(), "{r}");
        mapped += 1;
    }
    mapped
}

#[test]
fn every_page_gives_the_records_of_its_plain_text_story() {
    for name in PAGES {
        let (page, txt) = (page_path(name, "html"), page_path(name, "txt"));
        let (code, out, err) = run(&["extract", "-q", "--format", "jsonl", &page], None);
        assert_eq!(code, 0, "{name}: {err}");
        let from_page = jsonl(&out);
        let (_, out, _) = run(&["extract", "-q", "--format", "jsonl", &txt], None);
        let from_text = jsonl(&out);
        assert!(from_page.len() >= 3, "{name}: {} records", from_page.len());
        assert_eq!(essence(&from_page), essence(&from_text), "{name}");
        for r in &from_page {
            let q = r["quote"].as_str().unwrap();
            assert!(
                !FURNITURE.iter().any(|f| q.contains(f)),
                "{name}: furniture quoted: {q}"
            );
        }
        // The text `whosaid text` prints is the text the offsets index.
        let (_, shown, _) = run(&["text", &page], None);
        let shown = String::from_utf8(shown).unwrap();
        assert_eq!(
            shown.trim_end(),
            std::fs::read_to_string(&txt).unwrap().trim_end(),
            "{name}"
        );
        check_document(&shown, &from_page).unwrap_or_else(|e| panic!("{name}: {e}"));
        let mapped = check_html_offsets(&std::fs::read(&page).unwrap(), &from_page);
        assert!(mapped >= 1, "{name}: no record has html offsets");
    }
}

#[test]
fn text_records_carry_no_html_offsets() {
    let (_, out, _) = run(&["extract", "-q", "--format", "jsonl", &page_path("amp", "txt")], None);
    let recs = jsonl(&out);
    assert!(recs
        .iter()
        .all(|r| r.get("html_start").is_none() && r.get("html_end").is_none()));
}

#[test]
fn metadata_fills_keep_fields() {
    let page = page_path("wordpress", "html");
    let (_, out, _) = run(
        &[
            "extract",
            "-q",
            "--format",
            "jsonl",
            "--keep-fields",
            "title,author,date,url,site",
            &page,
        ],
        None,
    );
    let r = &jsonl(&out)[0];
    assert_eq!(r["author"], "Dana Wu");
    assert_eq!(r["date"], "2024-03-05T09:30:00+00:00");
    assert_eq!(r["url"], "https://gazette.example/2024/03/harbour-bridge-repairs/");
    assert_eq!(r["site"], "Port Alder Gazette");
    assert_eq!(r["title"], "Harbour bridge to close for repairs | Port Alder Gazette");
    let m = html::from_bytes(&std::fs::read(page_path("newsroom", "html")).unwrap(), false)
        .unwrap()
        .meta;
    assert_eq!(m.author.as_deref(), Some("Ruth Okafor"), "from JSON-LD");
    assert_eq!(m.date.as_deref(), Some("2024-05-12T06:00:00Z"), "from JSON-LD");
}

#[test]
fn html_on_stdin_is_sniffed_and_jsonl_text_can_be_html() {
    let raw = std::fs::read(page_path("entities", "html")).unwrap();
    let (_, from_file, _) = run(
        &["extract", "-q", "--format", "jsonl", &page_path("entities", "html")],
        None,
    );
    let (code, from_stdin, _) = run(&["extract", "-q", "--format", "jsonl", "-"], Some(&raw));
    assert_eq!(code, 0);
    let strip = |v: Vec<Value>| essence(&v);
    assert_eq!(strip(jsonl(&from_stdin)), strip(jsonl(&from_file)));
    let line = serde_json::json!({"id": "p1", "text": String::from_utf8(raw).unwrap(), "date": "kept"});
    let input = format!("{line}\n");
    let args = [
        "extract",
        "-q",
        "--jsonl",
        "--html",
        "--format",
        "jsonl",
        "--keep-fields",
        "title,date",
    ];
    let (_, out, _) = run(&args, Some(input.as_bytes()));
    let recs = jsonl(&out);
    assert_eq!(strip(recs.clone()), strip(jsonl(&from_file)));
    assert_eq!(
        recs[0]["title"], "Rail line reopens after storm damage",
        "from the page"
    );
    assert_eq!(recs[0]["date"], "kept", "the JSONL field wins");
    // Without --html the JSONL text is taken as it is: markup and all.
    let (_, out, _) = run(
        &["extract", "-q", "--jsonl", "--format", "jsonl"],
        Some(input.as_bytes()),
    );
    assert_ne!(strip(jsonl(&out)), strip(recs));
}

#[test]
fn a_folder_of_txt_html_and_html_gz_is_read_whole() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(page_path("amp", "txt"), dir.path().join("a.txt")).unwrap();
    std::fs::copy(page_path("newsroom", "html"), dir.path().join("b.HTML")).unwrap();
    std::fs::copy(page_path("cp1252", "html"), dir.path().join("c.htm")).unwrap();
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(&std::fs::read(page_path("entities", "html")).unwrap())
        .unwrap();
    std::fs::write(dir.path().join("d.html.gz"), gz.finish().unwrap()).unwrap();
    let folder = dir.path().to_string_lossy().into_owned();
    let (code, out, err) = run(&["extract", "--format", "jsonl", &folder], None);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("4 documents read, 4 with quotations"), "{err}");
    let docs: std::collections::BTreeSet<String> = jsonl(&out)
        .iter()
        .map(|r| r["doc"].as_str().unwrap().rsplit('/').next().unwrap().to_string())
        .collect();
    assert_eq!(
        docs.into_iter().collect::<Vec<_>>(),
        ["a.txt", "b.HTML", "c.htm", "d.html.gz"]
    );
}

#[test]
fn report_shows_the_story_not_the_page() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("r.html");
    let page = page_path("wordpress", "html");
    let (code, _, err) = run(&["report", "-q", &page, "-o", out.to_str().unwrap()], None);
    assert_eq!(code, 0, "{err}");
    let report = std::fs::read_to_string(out).unwrap();
    assert!(report.contains("Omar Haddad"));
    assert!(!report.contains("wpemojiSettings") && !report.contains("Leave a Reply"));
}

#[test]
fn block_and_inline_elements() {
    let p = html::from_str("<body><div>One <em>two</em>\n  three<br>four</div><ul><li>five</li><li>six</li></ul>");
    assert_eq!(p.text, "One two three\n\nfour\n\nfive\n\nsix");
    let p = html::from_str("<p>a &amp; b</p><script>x()</script><p>c</p>");
    assert_eq!(p.text, "a & b\n\nc");
}

/// Random pages: words, quotes and names in random tags, entities and white space.
fn page() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        4 => prop::sample::select(vec![
            "said", "Ortiz", "Ana", "the", "mayor", "that", "we", "will", "win", "told", "reporters", ",", ".",
            "\u{201c}", "\u{201d}", "\"", "'", "caf\u{e9}",
        ])
        .prop_map(str::to_string),
        1 => prop::sample::select(vec![
            "&ldquo;", "&rdquo;", "&amp;", "&#8220;", "&#x201D;", "&nbsp;", "&copy", "&bogus;", "\r\n", "\n\n", "  ",
            "<p>", "</p>", "<em>", "</em>", "<a href=\"x>y\">", "</a>", "<br>", "<div class=share>", "</div>",
            "<script>if (a<b) x(\"said\")</script>", "<!-- said -->", "<li>", "<blockquote>", "<h1>", "</h1>",
            "<article>", "</article>", "<table><tr><td>", "<title>", "</title>",
        ])
        .prop_map(str::to_string),
    ];
    prop::collection::vec(piece, 0..200).prop_map(|p| p.join(" "))
}

fn check_page(src: &str) -> Result<(), TestCaseError> {
    let page = html::from_str(src);
    let mut doc = whosaid::Document::new("p", page.text.clone());
    doc.html = Some(std::sync::Arc::new(page.map.clone()));
    for r in page.map.runs() {
        prop_assert_eq!(
            &src.as_bytes()[r.src..r.src + r.len],
            &page.text.as_bytes()[r.text..r.text + r.len]
        );
    }
    for r in analyze(&doc) {
        if r.parts.is_none() {
            prop_assert_eq!(&page.text[r.byte_start..r.byte_end], r.quote.as_str());
        }
        prop_assert!(r.html_start.is_some(), "a page's records have the field");
        if let (Some(Some(a)), Some(Some(b))) = (r.html_start, r.html_end) {
            prop_assert_eq!(&src[a..b], r.quote.as_str());
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn offsets_hold_on_random_pages(src in page()) {
        check_page(&src)?;
    }

    #[test]
    fn random_bytes_as_html_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..2000)) {
        if let Ok(page) = html::from_bytes(&bytes, true) {
            let doc = whosaid::Document::new("p", page.text);
            let _ = analyze(&doc);
        }
    }
}
