//! The output contract: one [`Record`] per quotation or claim (see
//! DESIGN.md, "The record"). Field order here is the column order of CSV/TSV.

use serde::Serialize;

/// One contiguous piece of a quotation in several parts.
#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct PartOffsets {
    pub start: usize,
    pub end: usize,
    pub byte_start: usize,
    pub byte_end: usize,
}

/// `direct`, `mixed` or `indirect`.
#[derive(Clone, Copy, Debug, Serialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Direct,
    Mixed,
    Indirect,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Direct => "direct",
            Kind::Mixed => "mixed",
            Kind::Indirect => "indirect",
        }
    }
}

/// One quotation with its speaker, cue and offsets. Every field is always
/// present; those the pipeline could not fill are null.
///
/// Its JSON (serde) is the CLI's JSONL record, field for field and in this
/// order; the Python package gives the same fields as a `dict`.
///
/// ```
/// let doc = whosaid::Document::new("d", "“Hi,” Ann said.");
/// let r = &whosaid::analyze(&doc)[0];
/// assert_eq!((r.start, r.end, r.byte_start, r.byte_end), (1, 4, 3, 6));
/// assert_eq!(r.speaker_type, Some("person"));
/// let json = serde_json::to_value(r).unwrap();
/// assert_eq!(json["quote"], "Hi,");
/// assert!(json["parts"].is_null());
/// assert!(json.get("html_start").is_none(), "web pages only");
/// ```
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct Record {
    pub doc: String,
    pub index: usize,
    pub kind: Kind,
    pub quote: String,
    pub start: usize,
    pub end: usize,
    pub byte_start: usize,
    pub byte_end: usize,
    /// Null unless the quotation has several pieces.
    pub parts: Option<Vec<PartOffsets>>,
    pub line: usize,
    pub column: usize,
    pub paragraph: usize,
    pub sentence: usize,
    pub speaker: Option<String>,
    pub speaker_id: Option<String>,
    pub speaker_mention: Option<String>,
    pub speaker_start: Option<usize>,
    pub speaker_end: Option<usize>,
    pub speaker_type: Option<&'static str>,
    pub speaker_descriptor: Option<String>,
    pub speaker_gender: Option<&'static str>,
    pub cue: Option<String>,
    pub cue_lemma: Option<String>,
    /// The cue's class in `data/cues.tsv`: `speech`, `according`, `quote`
    /// (words quoted: read, sing), `belief` or `evidence` (the last two only
    /// under `--scope all`); null for a quote with no cue.
    pub cue_class: Option<&'static str>,
    pub cue_start: Option<usize>,
    pub cue_end: Option<usize>,
    /// Written with two decimals in every format (0.72, as CSV prints it).
    #[serde(serialize_with = "two_decimals")]
    pub confidence: f64,
    pub rule: &'static str,
    /// Web pages only (absent otherwise): the quote's byte range in the HTML
    /// source, null unless the quote is one verbatim stretch of it (no tag,
    /// character reference or collapsed white space inside).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub html_start: Option<Option<usize>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub html_end: Option<Option<usize>>,
    /// Fields asked for on the command line (`--keep-fields`, `--context`),
    /// after the fixed ones.
    #[serde(flatten, skip_serializing_if = "Extra::is_empty")]
    pub extra: Extra,
}

/// A number as CSV writes it, two decimals: 0.72, never 0.7200000000000001.
fn two_decimals<S: serde::Serializer>(x: &f64, s: S) -> Result<S::Ok, S::Error> {
    let r = (x * 100.0).round() / 100.0;
    s.serialize_f64(if r.is_finite() { r } else { *x })
}

/// The extra fields of a record, in the order they were added (the order of
/// `--keep-fields`, then `context`) in every format; inserting a name again
/// replaces its value in place.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Extra(Vec<(String, serde_json::Value)>);

impl Extra {
    pub fn new() -> Self {
        Extra(Vec::new())
    }
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
    pub fn len(&self) -> usize {
        self.0.len()
    }
    pub fn insert(&mut self, key: String, value: serde_json::Value) {
        match self.0.iter_mut().find(|(k, _)| *k == key) {
            Some(slot) => slot.1 = value,
            None => self.0.push((key, value)),
        }
    }
    pub fn get(&self, key: &str) -> Option<&serde_json::Value> {
        self.0.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }
    pub fn iter(&self) -> impl Iterator<Item = (&str, &serde_json::Value)> {
        self.0.iter().map(|(k, v)| (k.as_str(), v))
    }
}

impl Serialize for Extra {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut m = s.serialize_map(Some(self.0.len()))?;
        for (k, v) in &self.0 {
            m.serialize_entry(k, v)?;
        }
        m.end()
    }
}

/// The CSV/TSV header: every field but `parts`, in record order.
pub const COLUMNS: &[&str] = &[
    "doc",
    "index",
    "kind",
    "quote",
    "start",
    "end",
    "byte_start",
    "byte_end",
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

fn opt<T: ToString>(v: &Option<T>) -> String {
    v.as_ref().map(ToString::to_string).unwrap_or_default()
}

impl Record {
    /// The values of [`COLUMNS`], as text (empty for null).
    pub fn row(&self) -> Vec<String> {
        vec![
            self.doc.clone(),
            self.index.to_string(),
            self.kind.as_str().to_string(),
            self.quote.clone(),
            self.start.to_string(),
            self.end.to_string(),
            self.byte_start.to_string(),
            self.byte_end.to_string(),
            self.line.to_string(),
            self.column.to_string(),
            self.paragraph.to_string(),
            self.sentence.to_string(),
            opt(&self.speaker),
            opt(&self.speaker_id),
            opt(&self.speaker_mention),
            opt(&self.speaker_start),
            opt(&self.speaker_end),
            opt(&self.speaker_type),
            opt(&self.speaker_descriptor),
            opt(&self.speaker_gender),
            opt(&self.cue),
            opt(&self.cue_lemma),
            opt(&self.cue_class),
            opt(&self.cue_start),
            opt(&self.cue_end),
            format!("{:.2}", self.confidence),
            self.rule.to_string(),
        ]
    }
}

use crate::attribute::Claim;
use crate::entities::Resolution;
use crate::segment::Segments;
use crate::text::OffsetMap;
use crate::Document;

/// Turns the claims of one document into records.
pub fn build(doc: &Document, segs: &Segments, claims: &[Claim], res: &Resolution) -> Vec<Record> {
    if claims.is_empty() {
        return Vec::new();
    }
    let map = OffsetMap::new(&doc.text);
    build_range(doc, segs, claims, res, &map, 0..claims.len())
}

/// The records of `claims[range]`, numbered by their place in `claims`: a
/// document of many records can be built and written a chunk at a time.
pub fn build_range(
    doc: &Document,
    segs: &Segments,
    claims: &[Claim],
    res: &Resolution,
    map: &OffsetMap,
    range: std::ops::Range<usize>,
) -> Vec<Record> {
    let text = doc.text.as_str();
    claims[range.clone()]
        .iter()
        .zip(range)
        .map(|(c, index)| {
            let first = c.parts[0].clone();
            let last = c.parts.last().expect("claims have parts").clone();
            let (line, column) = map.line_col(first.start);
            let quote = c.parts.iter().map(|p| &text[p.clone()]).collect::<Vec<_>>().join(" … ");
            let parts = (c.parts.len() > 1).then(|| {
                c.parts
                    .iter()
                    .map(|p| PartOffsets {
                        start: map.char_at(p.start),
                        end: map.char_at(p.end),
                        byte_start: p.start,
                        byte_end: p.end,
                    })
                    .collect()
            });
            let entity = res.speaker_of[index].map(|e| &res.entities[e]);
            let html = doc
                .html
                .as_ref()
                .map(|m| m.source_range(first.start..last.end).filter(|_| parts.is_none()));
            let m = c.mention.as_ref();
            Record {
                doc: doc.id.clone(),
                index,
                kind: c.kind,
                quote,
                start: map.char_at(first.start),
                end: map.char_at(last.end),
                byte_start: first.start,
                byte_end: last.end,
                parts,
                line,
                column,
                paragraph: segs.paragraph_of(first.start),
                sentence: segs.sentence_of(first.start),
                speaker: entity.map(|e| e.canonical.clone()),
                speaker_id: res.speaker_of[index].and_then(|e| res.ids[e].clone()),
                speaker_mention: m.map(|m| text[m.span.clone()].to_string()),
                speaker_start: m.map(|m| map.char_at(m.span.start)),
                speaker_end: m.map(|m| map.char_at(m.span.end)),
                speaker_type: entity.map(|e| e.stype.as_str()).or(m.map(|m| m.stype.as_str())),
                speaker_descriptor: entity.and_then(|e| e.descriptor.clone()),
                speaker_gender: entity.and_then(|e| e.gender),
                cue: c.cue.as_ref().map(|q| text[q.span()].to_string()),
                cue_lemma: c.cue.as_ref().map(|q| q.lemma().to_string()),
                cue_class: c.cue.as_ref().map(|q| q.class().as_str()),
                cue_start: c.cue.as_ref().map(|q| map.char_at(q.span().start)),
                cue_end: c.cue.as_ref().map(|q| map.char_at(q.span().end)),
                confidence: if res.inferred[index] {
                    c.confidence.min(0.4)
                } else {
                    c.confidence
                },
                rule: if res.inferred[index] {
                    "narrative-subject"
                } else {
                    c.rule
                },
                html_start: html.clone().map(|r| r.map(|r| r.start)),
                html_end: html.map(|r| r.map(|r| r.end)),
                extra: Extra::new(),
            }
        })
        .collect()
}
