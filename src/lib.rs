//! whosaid: who said what, and where.
//!
//! A deterministic pipeline over one document's text: segment → quotes →
//! cues → mentions → entities → attribute → records. Every span is a byte
//! range of the untouched text; records carry code-point and byte offsets.
//!
//! ```
//! let doc = whosaid::Document::new("ex", "“The bridge will open in May,” Ortiz said.");
//! let records = whosaid::analyze(&doc);
//! assert_eq!(records[0].quote, "The bridge will open in May,");
//! assert_eq!(records[0].speaker.as_deref(), Some("Ortiz"));
//! ```

pub mod attribute;
pub mod cues;
pub mod entities;
pub mod eval;
pub mod input;
pub mod lexicon;
pub mod mentions;
pub mod output;
pub mod quotes;
pub mod record;
pub mod report;
pub mod segment;
pub mod sources;
pub mod text;
pub mod tokens;

pub use record::{Kind, Record};

/// One document: an id (path, `-`, or a JSONL id) and its text.
#[derive(Clone, Debug)]
pub struct Document {
    pub id: String,
    pub text: String,
}

impl Document {
    pub fn new(id: impl Into<String>, text: impl Into<String>) -> Self {
        Document {
            id: id.into(),
            text: text.into(),
        }
    }
}

/// Like [`analyze`], but a bug that panics becomes an error for this
/// document instead of ending the run: one bad document never stops a batch.
pub fn analyze_guarded(doc: &Document) -> Result<Vec<Record>, String> {
    std::panic::catch_unwind(|| analyze(doc)).map_err(|e| {
        let msg = e
            .downcast_ref::<String>()
            .map(String::as_str)
            .or_else(|| e.downcast_ref::<&str>().copied())
            .unwrap_or("unknown panic");
        let msg: String = msg.chars().take(200).collect();
        let at = PANIC_LOCATION
            .with(|l| l.take())
            .map(|l| format!(" at {l}"))
            .unwrap_or_default();
        format!("internal error{at} (please report): {msg}")
    })
}

thread_local! {
    static PANIC_LOCATION: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
}

/// Remembers where the current thread panicked, for [`analyze_guarded`]'s
/// error message (a binary's panic hook calls it instead of printing).
pub fn note_panic_location(at: String) {
    PANIC_LOCATION.with(|l| *l.borrow_mut() = Some(at));
}

/// Every quotation and claim of the document, in text order.
pub fn analyze(doc: &Document) -> Vec<Record> {
    let text = doc.text.as_str();
    let segs = segment::segment(text);
    let quotations = quotes::find_quotations(text, &segs);
    let cues = cues::find_cues(text, 0..text.len());
    let toks = tokens::tokenize(text, &segs.paragraphs);
    let claims = attribute::attribute(text, &segs, &toks, &quotations, &cues);
    let resolution = entities::resolve(text, &segs, &toks, &claims);
    record::build(doc, &segs, &claims, &resolution)
}
