//! Who is quoted, how often and how much: the rows of `whosaid sources` and
//! the source table of `whosaid report`, aggregated from records.
//!
//! A source is one speaker of one document (records grouped by `doc` and
//! `speaker_id`). Records without a `speaker_id` are no source; they count as
//! `unattributed` in the per-document summary.

use crate::record::{Kind, Record};
use serde::Serialize;
use std::collections::HashMap;

/// One speaker of one document.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct SourceRow {
    pub doc: String,
    pub speaker_id: String,
    pub speaker: Option<String>,
    pub speaker_type: Option<&'static str>,
    pub speaker_descriptor: Option<String>,
    pub speaker_gender: Option<&'static str>,
    /// Records attributed to this speaker.
    pub quotes: usize,
    pub direct: usize,
    pub mixed: usize,
    pub indirect: usize,
    /// Words in the quotes of those records (see [`words`]).
    pub words_quoted: usize,
    /// 0-based paragraph of the speaker's first record (as in records).
    pub first_paragraph: usize,
}

/// Header of `sources` in CSV/TSV, in [`SourceRow`] field order.
pub const SOURCE_COLUMNS: &[&str] = &[
    "doc",
    "speaker_id",
    "speaker",
    "speaker_type",
    "speaker_descriptor",
    "speaker_gender",
    "quotes",
    "direct",
    "mixed",
    "indirect",
    "words_quoted",
    "first_paragraph",
];

fn opt<T: ToString>(v: &Option<T>) -> String {
    v.as_ref().map(ToString::to_string).unwrap_or_default()
}

impl SourceRow {
    /// The values of [`SOURCE_COLUMNS`], as text (empty for null).
    pub fn row(&self) -> Vec<String> {
        vec![
            self.doc.clone(),
            self.speaker_id.clone(),
            opt(&self.speaker),
            opt(&self.speaker_type),
            opt(&self.speaker_descriptor),
            opt(&self.speaker_gender),
            self.quotes.to_string(),
            self.direct.to_string(),
            self.mixed.to_string(),
            self.indirect.to_string(),
            self.words_quoted.to_string(),
            self.first_paragraph.to_string(),
        ]
    }

    /// Whether the speaker is a named person (not an organization, an
    /// unnamed person or a group).
    pub fn is_named_person(&self) -> bool {
        self.speaker_type == Some("person")
    }
}

/// One document's sourcing at a glance (`sources --per-document`).
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct DocSummary {
    pub doc: String,
    /// All records, attributed or not.
    pub records: usize,
    /// Distinct speakers (`speaker_id`s).
    pub sources: usize,
    /// Shares of the sources by type (null when there is no source).
    pub named: Option<f64>,
    pub unnamed: Option<f64>,
    pub organization: Option<f64>,
    pub group: Option<f64>,
    /// Quotes of the most quoted source / attributed quotes (null when there
    /// is no source).
    pub top_source_share: Option<f64>,
    /// Records with no speaker.
    pub unattributed: usize,
    /// Words in all the document's quotes, attributed or not.
    pub words_quoted: usize,
}

/// Header of `sources --per-document` in CSV/TSV.
pub const SUMMARY_COLUMNS: &[&str] = &[
    "doc",
    "records",
    "sources",
    "named",
    "unnamed",
    "organization",
    "group",
    "top_source_share",
    "unattributed",
    "words_quoted",
];

impl DocSummary {
    /// The values of [`SUMMARY_COLUMNS`], as text (empty for null).
    pub fn row(&self) -> Vec<String> {
        vec![
            self.doc.clone(),
            self.records.to_string(),
            self.sources.to_string(),
            opt(&self.named),
            opt(&self.unnamed),
            opt(&self.organization),
            opt(&self.group),
            opt(&self.top_source_share),
            self.unattributed.to_string(),
            self.words_quoted.to_string(),
        ]
    }
}

/// Words in a quote: whitespace-separated pieces holding a letter or digit
/// (so the " … " that joins the parts of a quote is not a word).
pub fn words(quote: &str) -> usize {
    quote
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}

/// Sort key for speaker ids: `S2` before `S10`.
fn id_key(id: &str) -> (usize, &str) {
    let digits = id.trim_start_matches(|c: char| !c.is_ascii_digit());
    (digits.parse().unwrap_or(usize::MAX), id)
}

/// The sources of the records, one row per (`doc`, `speaker_id`): documents
/// in order of first appearance, then most quoted first (ties: earlier first
/// paragraph, then speaker id).
pub fn sources(records: &[Record]) -> Vec<SourceRow> {
    let mut rows: Vec<SourceRow> = Vec::new();
    let mut doc_order: HashMap<&str, usize> = HashMap::new();
    let mut at: HashMap<(&str, &str), usize> = HashMap::new();
    for r in records {
        let n_docs = doc_order.len();
        doc_order.entry(r.doc.as_str()).or_insert(n_docs);
        let Some(id) = r.speaker_id.as_deref() else {
            continue;
        };
        let i = *at.entry((r.doc.as_str(), id)).or_insert_with(|| {
            rows.push(SourceRow {
                doc: r.doc.clone(),
                speaker_id: id.to_string(),
                speaker: None,
                speaker_type: None,
                speaker_descriptor: None,
                speaker_gender: None,
                quotes: 0,
                direct: 0,
                mixed: 0,
                indirect: 0,
                words_quoted: 0,
                first_paragraph: r.paragraph,
            });
            rows.len() - 1
        });
        let row = &mut rows[i];
        // Records of one speaker agree on these; take the first given.
        row.speaker = row.speaker.take().or_else(|| r.speaker.clone());
        row.speaker_type = row.speaker_type.or(r.speaker_type);
        row.speaker_descriptor = row.speaker_descriptor.take().or_else(|| r.speaker_descriptor.clone());
        row.speaker_gender = row.speaker_gender.or(r.speaker_gender);
        row.quotes += 1;
        match r.kind {
            Kind::Direct => row.direct += 1,
            Kind::Mixed => row.mixed += 1,
            Kind::Indirect => row.indirect += 1,
        }
        row.words_quoted += words(&r.quote);
        row.first_paragraph = row.first_paragraph.min(r.paragraph);
    }
    rows.sort_by(|a, b| {
        doc_order[a.doc.as_str()]
            .cmp(&doc_order[b.doc.as_str()])
            .then(b.quotes.cmp(&a.quotes))
            .then(a.first_paragraph.cmp(&b.first_paragraph))
            .then_with(|| id_key(&a.speaker_id).cmp(&id_key(&b.speaker_id)))
    });
    rows
}

fn share(n: usize, of: usize) -> Option<f64> {
    (of > 0).then(|| (n as f64 / of as f64 * 10_000.0).round() / 10_000.0)
}

/// The summary of one document from its records (all of them, whatever
/// their `doc` field says). Shares are rounded to four decimals.
pub fn summarize(doc: &str, records: &[Record]) -> DocSummary {
    let rows = sources(records);
    let n = rows.len();
    let of_type = |t: &str| share(rows.iter().filter(|r| r.speaker_type == Some(t)).count(), n);
    let attributed: usize = rows.iter().map(|r| r.quotes).sum();
    let top = rows.iter().map(|r| r.quotes).max().unwrap_or(0);
    DocSummary {
        doc: doc.to_string(),
        records: records.len(),
        sources: n,
        named: of_type("person"),
        unnamed: of_type("unnamed"),
        organization: of_type("organization"),
        group: of_type("group"),
        top_source_share: if n > 0 { share(top, attributed) } else { None },
        unattributed: records.iter().filter(|r| r.speaker_id.is_none()).count(),
        words_quoted: records.iter().map(|r| words(&r.quote)).sum(),
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A record for tests: `speaker` is (id, name, type) or None.
    pub(crate) fn rec(
        doc: &str,
        index: usize,
        kind: Kind,
        quote: &str,
        paragraph: usize,
        speaker: Option<(&str, &str, &'static str)>,
    ) -> Record {
        Record {
            doc: doc.into(),
            index,
            kind,
            quote: quote.into(),
            start: 0,
            end: quote.chars().count(),
            byte_start: 0,
            byte_end: quote.len(),
            parts: None,
            line: 1,
            column: 1,
            paragraph,
            sentence: 0,
            speaker: speaker.map(|s| s.1.to_string()),
            speaker_id: speaker.map(|s| s.0.to_string()),
            speaker_mention: speaker.map(|s| s.1.to_string()),
            speaker_start: None,
            speaker_end: None,
            speaker_type: speaker.map(|s| s.2),
            speaker_descriptor: None,
            speaker_gender: None,
            cue: None,
            cue_lemma: None,
            cue_class: None,
            cue_start: None,
            cue_end: None,
            confidence: 0.9,
            rule: "test",
            html_start: None,
            html_end: None,
            extra: crate::record::Extra::new(),
        }
    }

    fn sample() -> Vec<Record> {
        let ross = Some(("S2", "Dennis Ross", "person"));
        let critics = Some(("S10", "critics", "group"));
        let agency = Some(("S3", "the agency", "organization"));
        let woman = Some(("S4", "a woman", "unnamed"));
        vec![
            rec("a", 0, Kind::Direct, "We will win, … and soon.", 1, critics),
            rec("a", 1, Kind::Indirect, "talks had failed", 2, ross),
            rec("a", 2, Kind::Mixed, "Iran “wants to talk,”", 3, ross),
            rec("a", 3, Kind::Direct, "No comment.", 3, None),
            rec("a", 4, Kind::Direct, "Fine.", 4, agency),
            rec("a", 5, Kind::Direct, "Fine.", 4, critics),
            rec("a", 6, Kind::Indirect, "it rained", 0, woman),
        ]
    }

    #[test]
    fn words_ignore_the_part_joiner_and_punctuation() {
        assert_eq!(words("We will win, … and soon."), 5);
        assert_eq!(words("  — “ ” "), 0);
        assert_eq!(words("Iran’s 60 percent"), 3);
    }

    #[test]
    fn one_row_per_speaker_most_quoted_first() {
        let rows = sources(&sample());
        let ids: Vec<&str> = rows.iter().map(|r| r.speaker_id.as_str()).collect();
        // S10 and S2 have 2 quotes each: S10's first paragraph (1) is earlier.
        // S3 and S4 have 1 each: S4's first paragraph (0) is earlier.
        assert_eq!(ids, ["S10", "S2", "S4", "S3"]);
        let ross = &rows[1];
        assert_eq!((ross.quotes, ross.direct, ross.mixed, ross.indirect), (2, 0, 1, 1));
        assert_eq!(ross.words_quoted, 7);
        assert_eq!(ross.first_paragraph, 2);
        assert_eq!(ross.speaker.as_deref(), Some("Dennis Ross"));
        assert_eq!(ross.row().len(), SOURCE_COLUMNS.len());
        // Unattributed records are no source.
        assert_eq!(rows.iter().map(|r| r.quotes).sum::<usize>(), 6);
    }

    #[test]
    fn ties_on_paragraph_break_by_numeric_id() {
        let recs = vec![
            rec("a", 0, Kind::Direct, "x", 1, Some(("S10", "Ten", "person"))),
            rec("a", 1, Kind::Direct, "y", 1, Some(("S9", "Nine", "person"))),
        ];
        let ids: Vec<String> = sources(&recs).into_iter().map(|r| r.speaker_id).collect();
        assert_eq!(ids, ["S9", "S10"]);
    }

    #[test]
    fn same_id_in_two_documents_is_two_sources() {
        let recs = vec![
            rec("b", 0, Kind::Direct, "x", 0, Some(("S1", "Ann", "person"))),
            rec("a", 0, Kind::Direct, "y", 0, Some(("S1", "Bob", "person"))),
            rec("a", 1, Kind::Direct, "z", 0, Some(("S1", "Bob", "person"))),
        ];
        let rows = sources(&recs);
        assert_eq!(rows.len(), 2);
        assert_eq!((rows[0].doc.as_str(), rows[0].quotes), ("b", 1));
        assert_eq!((rows[1].doc.as_str(), rows[1].quotes), ("a", 2));
    }

    #[test]
    fn summary_shares() {
        let s = summarize("a", &sample());
        assert_eq!((s.records, s.sources, s.unattributed), (7, 4, 1));
        assert_eq!(s.named, Some(0.25));
        assert_eq!(s.unnamed, Some(0.25));
        assert_eq!(s.organization, Some(0.25));
        assert_eq!(s.group, Some(0.25));
        // The most quoted source has 2 of the 6 attributed quotes.
        assert_eq!(s.top_source_share, Some(0.3333));
        assert_eq!(s.words_quoted, 5 + 3 + 4 + 2 + 1 + 1 + 2);
        assert_eq!(s.row().len(), SUMMARY_COLUMNS.len());
    }

    #[test]
    fn summary_of_a_document_without_quotes() {
        let s = summarize("empty", &[]);
        assert_eq!((s.records, s.sources, s.unattributed, s.words_quoted), (0, 0, 0, 0));
        assert_eq!(s.named, None);
        assert_eq!(s.top_source_share, None);
        assert_eq!(s.row()[3], "");
    }
}
