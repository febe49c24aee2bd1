//! Shared checks for the record contract (DESIGN.md, "The record"): every
//! field present, offsets that slice back to the quote, `line`/`column`
//! at `start`, records in text order, direct quotations disjoint.
//!
//! The checks work on JSON values, so the same code verifies the binary's
//! output and `whosaid::analyze` (records serialised with serde).

#![allow(dead_code)]

use serde_json::Value;
use std::path::{Path, PathBuf};

/// Every field of DESIGN.md's record table, in order.
pub const FIELDS: &[&str] = &[
    "doc",
    "index",
    "kind",
    "quote",
    "start",
    "end",
    "byte_start",
    "byte_end",
    "parts",
    "line",
    "column",
    "paragraph",
    "sentence",
    "speaker",
    "speaker_id",
    "speaker_mention",
    "speaker_start",
    "speaker_end",
    "speaker_type",
    "speaker_descriptor",
    "speaker_gender",
    "cue",
    "cue_lemma",
    "cue_class",
    "cue_start",
    "cue_end",
    "confidence",
    "rule",
];

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn fixture(name: &str) -> PathBuf {
    root().join("tests/fixtures").join(name)
}

/// A document's text seen by code point: `byte_of[i]` is the byte offset of
/// code point `i` (and `byte_of[len]` is the text length), and the 1-based
/// line/column of every code point, computed independently of whosaid.
pub struct TextIndex<'t> {
    pub text: &'t str,
    pub byte_of: Vec<usize>,
    /// Code-point offsets where lines start (after `\n`, `\r\n` or a lone `\r`).
    line_starts: Vec<usize>,
}

impl<'t> TextIndex<'t> {
    pub fn new(text: &'t str) -> Self {
        let mut byte_of: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
        byte_of.push(text.len());
        let chars: Vec<char> = text.chars().collect();
        let mut line_starts = vec![0];
        for (i, &c) in chars.iter().enumerate() {
            let breaks = c == '\n' || (c == '\r' && chars.get(i + 1) != Some(&'\n'));
            if breaks {
                line_starts.push(i + 1);
            }
        }
        TextIndex {
            text,
            byte_of,
            line_starts,
        }
    }

    pub fn chars(&self) -> usize {
        self.byte_of.len() - 1
    }

    /// The text between two code-point offsets.
    pub fn slice_chars(&self, start: usize, end: usize) -> Result<&'t str, String> {
        if start > end || end > self.chars() {
            return Err(format!(
                "code points {start}..{end} out of range (text has {})",
                self.chars()
            ));
        }
        Ok(&self.text[self.byte_of[start]..self.byte_of[end]])
    }

    /// The text between two byte offsets, which must be char boundaries.
    pub fn slice_bytes(&self, start: usize, end: usize) -> Result<&'t str, String> {
        self.text
            .get(start..end)
            .ok_or_else(|| format!("bytes {start}..{end} are not a valid range of the text"))
    }

    /// 1-based line and column (in code points) of a code-point offset.
    pub fn line_col(&self, cp: usize) -> (usize, usize) {
        let line = self.line_starts.partition_point(|&s| s <= cp) - 1;
        (line + 1, cp - self.line_starts[line] + 1)
    }
}

fn uint(rec: &Value, field: &str) -> Result<usize, String> {
    rec.get(field)
        .and_then(Value::as_u64)
        .map(|n| n as usize)
        .ok_or_else(|| format!("field {field} is not a number: {:?}", rec.get(field)))
}

fn opt_uint(rec: &Value, field: &str) -> Result<Option<usize>, String> {
    match rec.get(field) {
        Some(Value::Null) => Ok(None),
        _ => uint(rec, field).map(Some),
    }
}

fn opt_str<'a>(rec: &'a Value, field: &str) -> Result<Option<&'a str>, String> {
    match rec.get(field) {
        Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s)),
        other => Err(format!("field {field} is not a string or null: {other:?}")),
    }
}

/// Checks one record against the text it came from.
pub fn check_record(ix: &TextIndex, rec: &Value) -> Result<(), String> {
    let ctx = |e: String| format!("{e}\nin record {rec}");
    check_record_inner(ix, rec).map_err(ctx)
}

fn check_record_inner(ix: &TextIndex, rec: &Value) -> Result<(), String> {
    let obj = rec.as_object().ok_or("a record is not a JSON object")?;
    for f in FIELDS {
        if !obj.contains_key(*f) {
            return Err(format!("field {f} is missing"));
        }
    }
    let kind = rec["kind"].as_str().ok_or("kind is not a string")?;
    if !matches!(kind, "direct" | "mixed" | "indirect") {
        return Err(format!("unknown kind {kind}"));
    }
    let quote = rec["quote"].as_str().ok_or("quote is not a string")?;
    let (start, end) = (uint(rec, "start")?, uint(rec, "end")?);
    let (bstart, bend) = (uint(rec, "byte_start")?, uint(rec, "byte_end")?);
    if start > end || bstart > bend {
        return Err("span ends before it starts".into());
    }
    if ix.slice_chars(0, start)?.len() != bstart || ix.slice_chars(0, end)?.len() != bend {
        return Err("code-point and byte offsets disagree".into());
    }
    match &rec["parts"] {
        Value::Null => {
            let by_chars = ix.slice_chars(start, end)?;
            if by_chars != quote {
                return Err(format!("text[start..end] = {by_chars:?} but quote = {quote:?}"));
            }
            let by_bytes = ix.slice_bytes(bstart, bend)?;
            if by_bytes != quote {
                return Err(format!(
                    "text[byte_start..byte_end] = {by_bytes:?} but quote = {quote:?}"
                ));
            }
        }
        Value::Array(parts) => {
            if parts.len() < 2 {
                return Err("parts is present with fewer than two parts".into());
            }
            let mut pieces_c = Vec::new();
            let mut pieces_b = Vec::new();
            let mut prev_end = 0;
            for (k, p) in parts.iter().enumerate() {
                let (s, e) = (uint(p, "start")?, uint(p, "end")?);
                let (bs, be) = (uint(p, "byte_start")?, uint(p, "byte_end")?);
                if k > 0 && s < prev_end {
                    return Err(format!("part {k} starts before the previous part ends"));
                }
                prev_end = e;
                pieces_c.push(ix.slice_chars(s, e)?);
                pieces_b.push(ix.slice_bytes(bs, be)?);
                if ix.slice_chars(0, s)?.len() != bs || ix.slice_chars(0, e)?.len() != be {
                    return Err(format!("part {k}: code-point and byte offsets disagree"));
                }
            }
            let first = &parts[0];
            let last = &parts[parts.len() - 1];
            if uint(first, "start")? != start
                || uint(last, "end")? != end
                || uint(first, "byte_start")? != bstart
                || uint(last, "byte_end")? != bend
            {
                return Err("the record's span is not first part start .. last part end".into());
            }
            let joined_c = pieces_c.join(" … ");
            let joined_b = pieces_b.join(" … ");
            if joined_c != quote || joined_b != quote {
                return Err(format!(
                    "parts joined = {joined_c:?} / {joined_b:?} but quote = {quote:?}"
                ));
            }
        }
        other => return Err(format!("parts is neither null nor an array: {other}")),
    }
    let (line, column) = (uint(rec, "line")?, uint(rec, "column")?);
    let want = ix.line_col(start);
    if (line, column) != want {
        return Err(format!("line:column = {line}:{column}, expected {}:{}", want.0, want.1));
    }
    uint(rec, "paragraph")?;
    uint(rec, "sentence")?;
    let conf = rec["confidence"].as_f64().ok_or("confidence is not a number")?;
    if !(0.0..=1.0).contains(&conf) {
        return Err(format!("confidence {conf} is outside 0..1"));
    }
    if !rec["rule"].is_string() {
        return Err("rule is not a string".into());
    }
    // The speaker mention and the cue are spans of the text, like the quote.
    for (value, s, e) in [
        ("speaker_mention", "speaker_start", "speaker_end"),
        ("cue", "cue_start", "cue_end"),
    ] {
        let v = opt_str(rec, value)?;
        let (s, e) = (opt_uint(rec, s)?, opt_uint(rec, e)?);
        if let (Some(v), Some(s), Some(e)) = (v, s, e) {
            let got = ix.slice_chars(s, e)?;
            if got != v {
                return Err(format!("text at {s}..{e} is {got:?} but {value} = {v:?}"));
            }
        } else if v.is_some() != s.is_some() || s.is_some() != e.is_some() {
            return Err(format!("{value} and its span are not all null or all set"));
        }
    }
    for f in [
        "speaker",
        "speaker_id",
        "speaker_type",
        "speaker_descriptor",
        "speaker_gender",
        "cue_lemma",
        "cue_class",
    ] {
        opt_str(rec, f)?;
    }
    if let Some(c) = opt_str(rec, "cue_class")? {
        if !matches!(c, "speech" | "according" | "quote" | "belief" | "evidence") {
            return Err(format!("cue_class is {c:?}"));
        }
    }
    if let Some(g) = opt_str(rec, "speaker_gender")? {
        if g != "female" && g != "male" {
            return Err(format!("speaker_gender is {g:?}"));
        }
    }
    if let Some(t) = opt_str(rec, "speaker_type")? {
        if !matches!(t, "person" | "organization" | "unnamed" | "group") {
            return Err(format!("speaker_type is {t:?}"));
        }
    }
    Ok(())
}

/// Checks all the records of one document: each record, then their order
/// (`index` 0, 1, 2 …, sorted by start, paragraph and sentence never going
/// back) and that no two direct quotations overlap.
pub fn check_document(text: &str, records: &[Value]) -> Result<(), String> {
    let ix = TextIndex::new(text);
    for (i, r) in records.iter().enumerate() {
        check_record(&ix, r)?;
        if uint(r, "index")? != i {
            return Err(format!("record {i} has index {}", r["index"]));
        }
    }
    for w in records.windows(2) {
        let (a, b) = (&w[0], &w[1]);
        if uint(a, "start")? > uint(b, "start")? {
            return Err(format!("records out of order:\n{a}\n{b}"));
        }
        if uint(a, "paragraph")? > uint(b, "paragraph")? || uint(a, "sentence")? > uint(b, "sentence")? {
            return Err(format!("paragraph/sentence go backwards:\n{a}\n{b}"));
        }
    }
    let direct: Vec<&Value> = records.iter().filter(|r| r["kind"] == "direct").collect();
    for w in direct.windows(2) {
        if uint(w[0], "end")? > uint(w[1], "start")? {
            return Err(format!("direct quotations overlap:\n{}\n{}", w[0], w[1]));
        }
    }
    Ok(())
}

/// `whosaid::analyze` on a text, as JSON values.
pub fn analyze_json(text: &str) -> Vec<Value> {
    let doc = whosaid::Document::new("t", text);
    whosaid::analyze(&doc)
        .iter()
        .map(|r| serde_json::to_value(r).expect("a record serialises"))
        .collect()
}

/// Every text the fixtures hold: `*.txt`, and the `text` of every JSON
/// object in `*.jsonl` and `*.json` (recursively), with a name for messages.
pub fn fixture_texts() -> Vec<(String, String)> {
    let mut out = Vec::new();
    collect_fixtures(&root().join("tests/fixtures"), &mut out);
    out
}

fn collect_fixtures(dir: &Path, out: &mut Vec<(String, String)>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("fixtures folder")
        .map(|e| e.expect("fixture entry").path())
        .collect();
    entries.sort();
    for p in entries {
        let name = p.display().to_string();
        if p.is_dir() {
            collect_fixtures(&p, out);
        } else if name.ends_with(".txt") {
            out.push((name.clone(), std::fs::read_to_string(&p).expect("fixture text")));
        } else if name.ends_with(".jsonl") || name.ends_with(".json") {
            let body = std::fs::read_to_string(&p).expect("fixture json");
            let values: Vec<Value> = if name.ends_with(".json") {
                match serde_json::from_str::<Value>(&body) {
                    Ok(Value::Array(a)) => a,
                    Ok(v) => vec![v],
                    Err(_) => continue,
                }
            } else {
                body.lines().filter_map(|l| serde_json::from_str(l).ok()).collect()
            };
            for (k, v) in values.iter().enumerate() {
                if let Some(t) = v.get("text").and_then(Value::as_str) {
                    out.push((format!("{name} #{k}"), t.to_string()));
                }
            }
        }
    }
}
