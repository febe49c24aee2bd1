//! A record's JSON, written directly rather than through serde: on article
//! text the records' JSON is longer than the input (4.7 MB for 2.3 MB of
//! JSONL), and serde_json's per-field and per-byte work was about 7 % of a
//! run's instructions. The bytes are exactly `serde_json::to_writer`'s for
//! [`Record`]'s derived `Serialize` (tests below compare the two); the rare
//! cases (a string with a char to escape, the confidence, kept field values)
//! are handed to serde_json itself.

use crate::record::{PartOffsets, Record};
use std::io;

/// Appends `r` as serde_json's compact JSON for it (no line end).
pub fn write_record(r: &Record, out: &mut Vec<u8>) -> io::Result<()> {
    out.extend_from_slice(b"{\"doc\":");
    string(out, &r.doc)?;
    out.extend_from_slice(b",\"index\":");
    number(out, r.index);
    out.extend_from_slice(b",\"kind\":\"");
    out.extend_from_slice(r.kind.as_str().as_bytes());
    out.extend_from_slice(b"\",\"quote\":");
    string(out, &r.quote)?;
    field_number(out, "start", r.start);
    field_number(out, "end", r.end);
    field_number(out, "byte_start", r.byte_start);
    field_number(out, "byte_end", r.byte_end);
    out.extend_from_slice(b",\"parts\":");
    match &r.parts {
        Some(parts) => write_parts(out, parts),
        None => out.extend_from_slice(b"null"),
    }
    field_number(out, "line", r.line);
    field_number(out, "column", r.column);
    field_number(out, "paragraph", r.paragraph);
    field_number(out, "sentence", r.sentence);
    field_str(out, "speaker", r.speaker.as_deref())?;
    field_str(out, "speaker_id", r.speaker_id.as_deref())?;
    field_str(out, "speaker_mention", r.speaker_mention.as_deref())?;
    field_opt_number(out, "speaker_start", r.speaker_start);
    field_opt_number(out, "speaker_end", r.speaker_end);
    field_str(out, "speaker_type", r.speaker_type)?;
    field_str(out, "speaker_descriptor", r.speaker_descriptor.as_deref())?;
    field_str(out, "speaker_gender", r.speaker_gender)?;
    field_str(out, "cue", r.cue.as_deref())?;
    field_str(out, "cue_lemma", r.cue_lemma.as_deref())?;
    field_str(out, "cue_class", r.cue_class)?;
    field_opt_number(out, "cue_start", r.cue_start);
    field_opt_number(out, "cue_end", r.cue_end);
    out.extend_from_slice(b",\"confidence\":");
    // The derived serializer's `two_decimals`, then serde_json's float
    // formatting (ryu; null when not finite).
    let rounded = (r.confidence * 100.0).round() / 100.0;
    let confidence = if rounded.is_finite() { rounded } else { r.confidence };
    serde_json::to_writer(&mut *out, &confidence)?;
    field_str(out, "rule", Some(r.rule))?;
    // Present only for web pages (`skip_serializing_if = "Option::is_none"`).
    if let Some(start) = r.html_start {
        field_opt_number(out, "html_start", start);
    }
    if let Some(end) = r.html_end {
        field_opt_number(out, "html_end", end);
    }
    for (key, value) in r.extra.iter() {
        out.push(b',');
        string(out, key)?;
        out.push(b':');
        serde_json::to_writer(&mut *out, value)?;
    }
    out.push(b'}');
    Ok(())
}

/// `"parts"`'s value: an array of `PartOffsets` objects.
fn write_parts(out: &mut Vec<u8>, parts: &[PartOffsets]) {
    out.push(b'[');
    for (i, p) in parts.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        out.extend_from_slice(b"{\"start\":");
        number(out, p.start);
        field_number(out, "end", p.end);
        field_number(out, "byte_start", p.byte_start);
        field_number(out, "byte_end", p.byte_end);
        out.push(b'}');
    }
    out.push(b']');
}

/// `,"key":` (the keys are plain ASCII: no escaping).
fn key(out: &mut Vec<u8>, key: &str) {
    out.extend_from_slice(b",\"");
    out.extend_from_slice(key.as_bytes());
    out.extend_from_slice(b"\":");
}

fn field_number(out: &mut Vec<u8>, name: &str, n: usize) {
    key(out, name);
    number(out, n);
}

fn field_opt_number(out: &mut Vec<u8>, name: &str, n: Option<usize>) {
    key(out, name);
    match n {
        Some(n) => number(out, n),
        None => out.extend_from_slice(b"null"),
    }
}

fn field_str(out: &mut Vec<u8>, name: &str, s: Option<&str>) -> io::Result<()> {
    key(out, name);
    match s {
        Some(s) => string(out, s),
        None => {
            out.extend_from_slice(b"null");
            Ok(())
        }
    }
}

/// A number as serde_json writes a `usize` (itoa, as serde_json itself).
fn number(out: &mut Vec<u8>, n: usize) {
    out.extend_from_slice(itoa::Buffer::new().format(n).as_bytes());
}

/// A JSON string: copied between quotes when nothing in it needs escaping
/// (nearly always), else written by serde_json.
fn string(out: &mut Vec<u8>, s: &str) -> io::Result<()> {
    if needs_escape(s.as_bytes()) {
        return serde_json::to_writer(&mut *out, s).map_err(io::Error::from);
    }
    out.push(b'"');
    out.extend_from_slice(s.as_bytes());
    out.push(b'"');
    Ok(())
}

/// Whether `bytes` has a byte JSON escapes: a control char, `"` or `\`.
/// Tested 16 bytes at a time without an early exit per byte, so that the
/// compiler can use vector instructions.
fn needs_escape(bytes: &[u8]) -> bool {
    let escapes = |b: &u8| *b < 0x20 || *b == b'"' || *b == b'\\';
    let mut chunks = bytes.chunks_exact(16);
    for chunk in &mut chunks {
        if chunk.iter().fold(false, |any, b| any | escapes(b)) {
            return true;
        }
    }
    chunks.remainder().iter().any(escapes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Document;

    /// The bytes serde_json writes for the same record.
    fn serde_bytes(r: &Record) -> Vec<u8> {
        serde_json::to_vec(r).unwrap()
    }

    fn direct_bytes(r: &Record) -> Vec<u8> {
        let mut out = Vec::new();
        write_record(r, &mut out).unwrap();
        out
    }

    #[test]
    fn records_are_written_as_serde_json_writes_them() {
        let texts = [
            "“The bridge will open in May,” Ortiz said.",
            "“We are ready,” said Ann Lee, the mayor. “But,” she added, “not yet.”",
            "Ross said the \"plan\"\twould\\fail\u{1}.\r\nThe minister said the plan would work.",
            "Ünïcode first. “Tax cuts,” said Mr. O’Brien, “are over.”",
        ];
        let mut seen = 0;
        for (i, text) in texts.iter().enumerate() {
            let doc = Document::new(format!("d\"{i}\n"), *text);
            for mut r in crate::analyze(&doc) {
                assert_eq!(direct_bytes(&r), serde_bytes(&r), "{text}");
                r.extra
                    .insert("outlet".into(), serde_json::json!({"a": [1, "x\"y"], "b": null}));
                r.extra.insert("k\u{7}ey".into(), serde_json::json!(0.1));
                r.html_start = Some(Some(3));
                r.html_end = Some(None);
                r.confidence = 0.7200000000000001;
                assert_eq!(direct_bytes(&r), serde_bytes(&r), "{text}");
                r.parts = Some(vec![
                    PartOffsets {
                        start: 1,
                        end: 2,
                        byte_start: 3,
                        byte_end: 4,
                    },
                    PartOffsets {
                        start: 10,
                        end: 20,
                        byte_start: 30,
                        byte_end: 40,
                    },
                ]);
                r.confidence = f64::NAN;
                assert_eq!(direct_bytes(&r), serde_bytes(&r), "{text}");
                seen += 1;
            }
        }
        assert!(seen >= 5, "the texts give records ({seen})");
    }

    #[test]
    fn only_control_chars_quotes_and_backslashes_need_escapes() {
        assert!(!needs_escape(
            "plain text, “curly” and é / ' \u{7f}".repeat(3).as_bytes()
        ));
        for bad in ["\"", "\\", "\n", "\u{0}", "\u{1f}"] {
            let long = format!("{}{bad}{}", "x".repeat(20), "y".repeat(7));
            assert!(needs_escape(long.as_bytes()), "{bad:?}");
            assert!(needs_escape(bad.as_bytes()), "{bad:?}");
        }
    }
}
