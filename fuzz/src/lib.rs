//! The record contract, checked on `whosaid::analyze`'s output by both fuzz
//! targets. Panics (so libFuzzer reports a crash) on the first violation.

/// The file layer and the writers (issue 16); `path` so that `tests/fuzz_files.rs`
/// can include this crate as a module.
#[path = "files.rs"]
pub mod files;

use whosaid::{quotes, segment, Kind, Record};

/// Offsets of one text, computed independently of whosaid.
struct Index<'t> {
    text: &'t str,
    /// `byte_of[i]` = byte offset of code point i; `byte_of[n]` = text length.
    byte_of: Vec<usize>,
    /// `cp_of[b]` = code point starting at byte b, for char boundaries only.
    cp_of: Vec<Option<usize>>,
    /// Code-point offsets where lines start (after `\n`, `\r\n`, lone `\r`).
    line_starts: Vec<usize>,
}

impl<'t> Index<'t> {
    fn new(text: &'t str) -> Self {
        let mut byte_of: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
        byte_of.push(text.len());
        let mut cp_of = vec![None; text.len() + 1];
        for (cp, &b) in byte_of.iter().enumerate() {
            cp_of[b] = Some(cp);
        }
        let chars: Vec<char> = text.chars().collect();
        let mut line_starts = vec![0];
        for (i, &c) in chars.iter().enumerate() {
            if c == '\n' || (c == '\r' && chars.get(i + 1) != Some(&'\n')) {
                line_starts.push(i + 1);
            }
        }
        Index {
            text,
            byte_of,
            cp_of,
            line_starts,
        }
    }

    fn chars(&self) -> usize {
        self.byte_of.len() - 1
    }

    /// The code point at byte `b`, which must be a char boundary of the text.
    fn cp(&self, b: usize, what: &str, r: &Record) -> usize {
        match self.cp_of.get(b).copied().flatten() {
            Some(cp) => cp,
            None => panic!(
                "{what} = {b} is not a char boundary of the text ({} bytes): {r:?}",
                self.text.len()
            ),
        }
    }

    /// The text between two code-point offsets.
    fn slice_cp(&self, start: usize, end: usize, what: &str, r: &Record) -> &'t str {
        assert!(
            start <= end && end <= self.chars(),
            "{what} {start}..{end} out of range ({} code points): {r:?}",
            self.chars()
        );
        &self.text[self.byte_of[start]..self.byte_of[end]]
    }
}

/// Checks every record of `text` against the contract: offsets are char
/// boundaries that slice back to the quote (part by part, joined by " … ",
/// for quotations in several parts), code-point offsets agree with byte
/// offsets, line/column are right, mentions and cues slice back, records
/// are in text order with consecutive indexes, direct quotations disjoint.
pub fn check(text: &str, records: &[Record]) {
    let ix = Index::new(text);
    for (i, r) in records.iter().enumerate() {
        assert_eq!(r.index, i, "record index: {r:?}");
        assert!(r.byte_start <= r.byte_end, "byte_start > byte_end: {r:?}");
        let start = ix.cp(r.byte_start, "byte_start", r);
        let end = ix.cp(r.byte_end, "byte_end", r);
        assert_eq!(
            (r.start, r.end),
            (start, end),
            "code-point offsets disagree with byte offsets: {r:?}"
        );
        match &r.parts {
            None => assert_eq!(
                &text[r.byte_start..r.byte_end],
                r.quote,
                "byte_start..byte_end does not slice back to the quote: {r:?}"
            ),
            Some(parts) => {
                assert!(parts.len() >= 2, "parts given for a quotation in one piece: {r:?}");
                assert_eq!(
                    parts[0].byte_start, r.byte_start,
                    "first part does not start the record: {r:?}"
                );
                assert_eq!(
                    parts[parts.len() - 1].byte_end,
                    r.byte_end,
                    "last part does not end the record: {r:?}"
                );
                let mut pieces = Vec::new();
                let mut prev_end = r.byte_start;
                for p in parts {
                    assert!(
                        prev_end <= p.byte_start && p.byte_start <= p.byte_end,
                        "parts out of order: {r:?}"
                    );
                    prev_end = p.byte_end;
                    let s = ix.cp(p.byte_start, "part byte_start", r);
                    let e = ix.cp(p.byte_end, "part byte_end", r);
                    assert_eq!((p.start, p.end), (s, e), "part code points disagree with bytes: {r:?}");
                    pieces.push(&text[p.byte_start..p.byte_end]);
                }
                assert_eq!(pieces.join(" … "), r.quote, "parts do not join to the quote: {r:?}");
            }
        }
        // Line and column of `start`.
        let line = ix.line_starts.partition_point(|&s| s <= start) - 1;
        assert_eq!(
            (r.line, r.column),
            (line + 1, start - ix.line_starts[line] + 1),
            "line/column: {r:?}"
        );
        match (r.speaker_start, r.speaker_end, &r.speaker_mention) {
            (Some(s), Some(e), Some(m)) => {
                assert_eq!(ix.slice_cp(s, e, "speaker", r), m, "speaker offsets: {r:?}")
            }
            (None, None, None) => {}
            _ => panic!("speaker mention and offsets not all set or all null: {r:?}"),
        }
        match (r.cue_start, r.cue_end, &r.cue) {
            (Some(s), Some(e), Some(c)) => assert_eq!(ix.slice_cp(s, e, "cue", r), c, "cue offsets: {r:?}"),
            (None, None, None) => {}
            _ => panic!("cue and cue offsets not all set or all null: {r:?}"),
        }
        assert!((0.0..=1.0).contains(&r.confidence), "confidence out of range: {r:?}");
    }
    for w in records.windows(2) {
        assert!(
            w[0].start <= w[1].start && w[0].paragraph <= w[1].paragraph && w[0].sentence <= w[1].sentence,
            "records out of text order:\n{:?}\n{:?}",
            w[0],
            w[1]
        );
    }
    let direct: Vec<&Record> = records.iter().filter(|r| r.kind == Kind::Direct).collect();
    for w in direct.windows(2) {
        assert!(
            w[0].byte_end <= w[1].byte_start,
            "direct quotations overlap:\n{:?}\n{:?}",
            w[0],
            w[1]
        );
    }
}

/// The stages' own contracts, which later stages rely on: paragraphs and
/// sentences are ordered, disjoint, trimmed char-boundary spans (sentences
/// inside their paragraph); outermost quotations are ordered and disjoint,
/// each part's content inside its marks.
pub fn check_stages(text: &str) {
    let segs = segment::segment(text);
    let boundary = |b: usize| text.is_char_boundary(b);
    let mut prev = 0;
    for p in &segs.paragraphs {
        assert!(
            prev <= p.start && p.start < p.end && boundary(p.start) && boundary(p.end),
            "paragraph {p:?}"
        );
        let s = &text[p.clone()];
        assert_eq!(s, s.trim(), "paragraph {p:?} is not trimmed");
        prev = p.end;
    }
    let mut prev = 0;
    for (i, s) in segs.sentences.iter().enumerate() {
        let p = segs.paragraphs.at(segs.paragraph_of_sentence(i));
        assert!(
            prev <= s.start && s.start < s.end && p.start <= s.start && s.end <= p.end,
            "sentence {s:?} of paragraph {p:?}"
        );
        assert!(boundary(s.start) && boundary(s.end), "sentence {s:?}");
        prev = s.end;
    }
    let qs = quotes::find_quotations(text, &segs);
    let mut prev = 0;
    for q in &qs {
        assert!(!q.parts.is_empty(), "a quotation without parts");
        let o = q.outer();
        assert!(
            prev <= o.start && o.start <= o.end,
            "quotations out of order or overlapping at {o:?}"
        );
        prev = o.end;
        for part in &q.parts {
            assert!(part.open.end <= part.content.start && part.content.start <= part.content.end);
            assert!(part.close.as_ref().is_none_or(|c| part.content.end <= c.start));
            assert!(boundary(part.content.start) && boundary(part.content.end));
            assert!(
                o.start <= part.open.start && part.content.end <= o.end,
                "part outside its quotation"
            );
        }
    }
}
