//! Checks of `eval`'s input files, with the file and line of each problem:
//! a gold document without an id, a text or a kind for each quotation is an
//! error (it would be scored silently as something else); a prediction with
//! offsets past its document's text is a warning (it is scored, clamped, as
//! DESIGN.md "Evaluation" defines).

use anyhow::{bail, Result};
use serde_json::Value;
use std::collections::HashMap;

/// Each JSON value of a file with the line it starts on; the items of a
/// top-level array are numbered after their array's line (`12, item 3`).
pub fn values_with_lines(text: &str) -> Result<Vec<(String, Value)>> {
    let body = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut out = Vec::new();
    let mut stream = serde_json::Deserializer::from_str(body).into_iter::<Value>();
    let (mut counted, mut line) = (0, 1);
    loop {
        let at = stream.byte_offset();
        let start = at + body[at..].len() - body[at..].trim_start().len();
        line += body.as_bytes()[counted..start].iter().filter(|&&b| b == b'\n').count();
        counted = start;
        match stream.next() {
            None => return Ok(out),
            Some(Err(e)) => bail!("line {line}: not JSON: {e}"),
            Some(Ok(Value::Array(items))) => out.extend(
                items
                    .into_iter()
                    .enumerate()
                    .map(|(i, v)| (format!("{line}, item {}", i + 1), v)),
            ),
            Some(Ok(v)) => out.push((line.to_string(), v)),
        }
    }
}

/// Checks a gold file's documents; the error names `file` and the line.
pub fn check_gold(file: &str, values: &[(String, Value)]) -> Result<()> {
    for (line, v) in values {
        let Some(obj) = v.as_object() else {
            bail!("{file}:{line}: a gold document must be a JSON object")
        };
        match obj.get("id") {
            Some(Value::String(s)) if !s.is_empty() => {}
            Some(Value::Number(n)) if n.is_u64() || n.is_i64() => {}
            _ => bail!("{file}:{line}: no \"id\" (a non-empty string or an integer)"),
        }
        if !obj.get("text").is_some_and(Value::is_string) {
            bail!("{file}:{line}: no \"text\" string");
        }
        let quotes = obj
            .get("quotes")
            .and_then(Value::as_array)
            .map_or(&[][..], Vec::as_slice);
        for (i, q) in quotes.iter().enumerate() {
            if !q.get("kind").is_some_and(Value::is_string) {
                bail!("{file}:{line}: quote {i} has no \"kind\" (direct, mixed or indirect)");
            }
        }
    }
    Ok(())
}

/// Warnings for predictions whose offsets do not fit their document's text
/// (`lengths`: code points per gold id); at most `max` are listed.
pub fn check_predictions(
    file: &str,
    values: &[(String, Value)],
    lengths: &HashMap<String, usize>,
    max: usize,
) -> Vec<String> {
    let mut out = Vec::new();
    let mut more = 0;
    for (line, v) in values {
        let Some(obj) = v.as_object().filter(|o| !o.contains_key("error")) else {
            continue;
        };
        let doc = match obj.get("doc") {
            Some(Value::String(s)) => s.clone(),
            Some(Value::Number(n)) => n.to_string(),
            _ => continue,
        };
        let Some(&len) = lengths.get(&doc) else { continue };
        let mut spans = vec![(obj.get("start"), obj.get("end"))];
        if let Some(Value::Array(parts)) = obj.get("parts") {
            spans.extend(parts.iter().map(|p| (p.get("start"), p.get("end"))));
        }
        let bad = spans.iter().any(|(s, e)| {
            let (s, e) = (s.and_then(Value::as_u64), e.and_then(Value::as_u64));
            s.is_some_and(|s| s as usize > len)
                || e.is_some_and(|e| e as usize > len)
                || s.zip(e).is_some_and(|(s, e)| s > e)
        });
        if bad && out.len() < max {
            out.push(format!(
                "{file}:{line}: offsets do not fit document {doc:?} ({len} code points); clamped"
            ));
        } else if bad {
            more += 1;
        }
    }
    if more > 0 {
        out.push(format!(
            "{file}: {more} more records with offsets that do not fit their text"
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_know_their_lines() {
        let v = values_with_lines("{\"a\":1}\n\n{\"b\":2}\n[{\"c\":3},\n{\"d\":4}]").unwrap();
        let lines: Vec<&str> = v.iter().map(|(l, _)| l.as_str()).collect();
        assert_eq!(lines, ["1", "3", "4, item 1", "4, item 2"]);
        assert!(values_with_lines("{}\n{oops")
            .unwrap_err()
            .to_string()
            .starts_with("line 2"));
    }

    #[test]
    fn gold_without_id_text_or_kind_is_refused() {
        let check = |s: &str| check_gold("g.jsonl", &values_with_lines(s).unwrap());
        assert!(check(r#"{"id": "a", "text": "x", "quotes": [{"kind": "direct"}]}"#).is_ok());
        let err = check("{\"id\": \"a\", \"text\": \"x\"}\n{\"text\": \"y\"}")
            .unwrap_err()
            .to_string();
        assert_eq!(err, "g.jsonl:2: no \"id\" (a non-empty string or an integer)");
        assert!(check(r#"{"id": "a"}"#).is_err());
        assert!(check(r#"{"id": "a", "text": "x", "quotes": [{"start": 0}]}"#).is_err());
    }

    #[test]
    fn predictions_past_the_text_are_named() {
        let lengths = HashMap::from([("a".to_string(), 5)]);
        let v =
            values_with_lines("{\"doc\": \"a\", \"start\": 0, \"end\": 5}\n{\"doc\": \"a\", \"start\": 2, \"end\": 9}")
                .unwrap();
        assert_eq!(
            check_predictions("p.jsonl", &v, &lengths, 10),
            ["p.jsonl:2: offsets do not fit document \"a\" (5 code points); clamped"]
        );
    }
}
