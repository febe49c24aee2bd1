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
pub mod eval_input;
pub mod furniture;
pub mod html;
pub mod input;
pub mod lexicon;
pub mod mentions;
pub mod output;
pub mod printable;
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
    /// For a web page: where stretches of `text` lie in the HTML source
    /// (records then carry `html_start`/`html_end`).
    pub html: Option<std::sync::Arc<html::SourceMap>>,
}

impl Document {
    pub fn new(id: impl Into<String>, text: impl Into<String>) -> Self {
        Document {
            id: id.into(),
            text: text.into(),
            html: None,
        }
    }
}

/// Which attributions the analysis reports (`--scope`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Scope {
    /// What people said: speech acts (say, tell, argue, warn, write, post …)
    /// and "according to", with a clause or a quotation as content. What a
    /// sourcing audit counts, and what GGT annotates.
    #[default]
    Speech,
    /// Every attribution, PolNeAR's convention: also beliefs, knowledge,
    /// findings and evidence ("Experts believe …", "Data show …"), and a
    /// noun phrase as content ("Ross dismissed *the prospects for talks*",
    /// at confidence 0.45).
    All,
}

impl Scope {
    /// The name on the command line and in documentation.
    pub fn as_str(self) -> &'static str {
        match self {
            Scope::Speech => "speech",
            Scope::All => "all",
        }
    }
}

/// What the analysis reports beyond its defaults.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Options {
    /// Speech only (the default), or every attribution. Under
    /// [`Scope::Speech`] a claim's content is a clause or a quotation, and
    /// cues whose class is not speech (`data/cues.tsv`: belief, evidence)
    /// report nothing.
    pub scope: Scope,
}

/// Like [`analyze`], but a bug that panics becomes an error for this
/// document instead of ending the run: one bad document never stops a batch.
pub fn analyze_guarded(doc: &Document) -> Result<Vec<Record>, String> {
    analyze_guarded_with(doc, &Options::default())
}

/// [`analyze_guarded`] with [`Options`].
pub fn analyze_guarded_with(doc: &Document, opts: &Options) -> Result<Vec<Record>, String> {
    GUARDED.with(|g| g.set(g.get() + 1));
    let result = std::panic::catch_unwind(|| analyze_with(doc, opts));
    GUARDED.with(|g| g.set(g.get() - 1));
    result.map_err(|e| {
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
    /// How many `analyze_guarded` calls this thread is inside.
    static GUARDED: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
}

/// Whether a panic on this thread will be caught by `analyze_guarded` (and
/// become an error record), so that a panic hook need not report it.
pub fn panic_is_guarded() -> bool {
    GUARDED.with(|g| g.get() > 0)
}

thread_local! {
    static PANIC_LOCATION: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
}

/// Remembers where the current thread panicked, for [`analyze_guarded`]'s
/// error message (a binary's panic hook calls it instead of printing).
pub fn note_panic_location(at: String) {
    PANIC_LOCATION.with(|l| *l.borrow_mut() = Some(at));
}

thread_local! {
    /// The token vector of the thread's last document, for the next one:
    /// allocating and freeing some 10 bytes per text byte for each document
    /// was a measurable part of a run.
    static TOKENS: std::cell::RefCell<Vec<tokens::Token>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Largest token vector kept between documents (5 MB of tokens), so that
/// one huge document does not hold its memory for the rest of the run.
const KEPT_TOKENS: usize = 1 << 17;

/// Every quotation and claim of the document, in text order.
pub fn analyze(doc: &Document) -> Vec<Record> {
    analyze_with(doc, &Options::default())
}

/// [`analyze`] with [`Options`].
pub fn analyze_with(doc: &Document, opts: &Options) -> Vec<Record> {
    let text = doc.text.as_str();
    let segs = segment::segment(text);
    let quotations = quotes::find_quotations(text, &segs);
    let mut cues = cues::find_cues(text, 0..text.len());
    cues.retain(|c| !segs.is_furniture(c.span.start));
    let mut toks = TOKENS.with(|t| std::mem::take(&mut *t.borrow_mut()));
    tokens::tokenize_into(text, &segs.paragraphs, &mut toks);
    let claims = attribute::attribute_with(text, &segs, &toks, &quotations, &cues, opts);
    let resolution = entities::resolve(text, &segs, &toks, &quotations, &claims);
    // The records need no tokens: freed (or kept for the next document)
    // before they are built, not after.
    if toks.capacity() <= KEPT_TOKENS {
        toks.clear();
        TOKENS.with(|t| *t.borrow_mut() = toks);
    } else {
        drop(toks);
    }
    record::build(doc, &segs, &claims, &resolution)
}

/// The README's Rust examples run as doc tests (`cargo test`), so they
/// cannot go stale.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
