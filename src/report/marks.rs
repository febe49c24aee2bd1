//! The spans a document's records put on its text: one `<mark
//! class="quote">` per record part (with the record's details for the
//! tooltip), the speaker mentions and the cues.

use super::labels::{attr, escape};
use super::look::Look;
use super::markup::Span;
use crate::record::Record;
use std::collections::{BTreeSet, HashMap};
use std::fmt::Write as _;

/// The record's pieces as byte ranges (one unless it has `parts`).
fn record_parts(r: &Record) -> Vec<(usize, usize)> {
    match &r.parts {
        Some(p) if !p.is_empty() => p.iter().map(|p| (p.byte_start, p.byte_end)).collect(),
        _ => vec![(r.byte_start, r.byte_end)],
    }
}

/// The number of `<mark class="quote">` elements the report has for these
/// records: one per part.
pub fn mark_count(records: &[Record]) -> usize {
    records.iter().map(|r| record_parts(r).len()).sum()
}

/// The spans of a document's records: the quotation parts, the speaker
/// mentions and the cues.
pub(super) fn spans_of(di: usize, text: &str, records: &[Record], looks: &HashMap<String, Look>) -> Vec<Span> {
    let char_byte: Vec<usize> = text.char_indices().map(|(b, _)| b).chain([text.len()]).collect();
    let byte = |c: usize| char_byte.get(c).copied().unwrap_or(text.len());
    let grey = Look::unattributed();
    let mut spans = Vec::new();
    let mut seen: BTreeSet<(usize, usize, u8)> = BTreeSet::new();
    for r in records {
        let look = r.speaker_id.as_ref().and_then(|id| looks.get(id)).unwrap_or(&grey);
        let who = match (&r.speaker, &r.speaker_id) {
            (Some(s), Some(id)) => format!("{s} ({id})"),
            (Some(s), None) => s.clone(),
            _ => "unattributed".into(),
        };
        let confidence = format!("{:.2}", r.confidence);
        let cue = r.cue.as_ref().map(|c| match &r.cue_lemma {
            Some(l) if l != c => format!("{c} ({l})"),
            _ => c.clone(),
        });
        let mut tip = format!("Speaker: {who}\nType: {}", r.speaker_type.unwrap_or("—"));
        for (k, v) in [
            ("Descriptor", r.speaker_descriptor.as_deref()),
            ("Mention", r.speaker_mention.as_deref()),
            ("Cue", cue.as_deref()),
        ] {
            if let Some(v) = v {
                let _ = write!(tip, "\n{k}: {v}");
            }
        }
        let _ = write!(
            tip,
            "\nKind: {}\nRule: {}\nConfidence: {confidence}",
            r.kind.as_str(),
            r.rule
        );
        for (pi, (a, b)) in record_parts(r).into_iter().enumerate() {
            let mut open = format!(r#"<mark class="quote" data-index="{}""#, r.index);
            attr(&mut open, "data-speaker", Some(r.speaker.as_deref().unwrap_or("")));
            if pi == 0 {
                let _ = write!(open, r#" id="d{di}-q{}""#, r.index);
            }
            let _ = write!(open, r#" data-part="{pi}""#);
            attr(&mut open, "data-sid", r.speaker_id.as_deref());
            attr(&mut open, "data-type", Some(r.speaker_type.unwrap_or("none")));
            attr(&mut open, "data-descriptor", r.speaker_descriptor.as_deref());
            attr(&mut open, "data-mention", r.speaker_mention.as_deref());
            attr(&mut open, "data-cue", cue.as_deref());
            attr(&mut open, "data-kind", Some(r.kind.as_str()));
            attr(&mut open, "data-rule", Some(r.rule));
            attr(&mut open, "data-confidence", Some(&confidence));
            let _ = write!(
                open,
                r#" data-tip="{}" tabindex="0" style="{}">"#,
                escape(&tip).replace('\n', "&#10;"),
                look.style()
            );
            if pi == 0 {
                open.push_str(&look.badge(&who));
            }
            let mut reopen = format!(r#"<mark class="qcont" data-index="{}""#, r.index);
            attr(&mut reopen, "data-sid", r.speaker_id.as_deref());
            attr(&mut reopen, "data-type", Some(r.speaker_type.unwrap_or("none")));
            attr(&mut reopen, "data-kind", Some(r.kind.as_str()));
            let _ = write!(reopen, r#" style="{}">"#, look.style());
            spans.push(Span {
                start: a,
                end: b,
                order: 0,
                open,
                reopen,
                close: "</mark>",
            });
        }
        if let (Some(a), Some(b)) = (r.speaker_start, r.speaker_end) {
            let (a, b) = (byte(a), byte(b));
            if a < b && seen.insert((a, b, 1)) {
                let mut open = String::from(r#"<span class="who""#);
                attr(&mut open, "data-sid", r.speaker_id.as_deref());
                let _ = write!(
                    open,
                    r#" style="--c:{}" title="speaker: {}">"#,
                    look.colour,
                    escape(&who)
                );
                spans.push(Span {
                    start: a,
                    end: b,
                    order: 1,
                    reopen: open.clone(),
                    open,
                    close: "</span>",
                });
            }
        }
        if let (Some(a), Some(b)) = (r.cue_start, r.cue_end) {
            let (a, b) = (byte(a), byte(b));
            if a < b && seen.insert((a, b, 2)) {
                let open = format!(
                    r#"<span class="cue" title="cue: {}">"#,
                    escape(cue.as_deref().unwrap_or(""))
                );
                spans.push(Span {
                    start: a,
                    end: b,
                    order: 2,
                    reopen: open.clone(),
                    open,
                    close: "</span>",
                });
            }
        }
    }
    spans
}
