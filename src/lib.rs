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
//!
//! The public API, for Rust users and for the Python bindings (`python/`):
//! [`analyze`] / [`analyze_with`] over a [`Document`] with [`Options`], the
//! [`Record`]s they return, the input readers of [`input`] (files, folders,
//! `.gz`/`.zst`, JSONL) and the scoring of [`eval`]; [`sources`] aggregates
//! records per speaker, [`report`] and [`output`] write what the CLI writes.

pub mod across;
// The pipeline stages are public only for the benches, examples, tests and
// fuzz targets that drive them one by one (benches/pipeline.rs,
// examples/stage_profile.rs): hidden from the documentation, and not part of
// the API (they change without notice). Making them `pub(crate)` would break
// those callers.
#[doc(hidden)]
pub mod attribute;
#[doc(hidden)]
pub mod cues;
#[doc(hidden)]
pub mod entities;
pub mod eval;
pub mod eval_input;
pub mod furniture;
pub mod html;
pub mod input;
#[doc(hidden)]
pub mod lexicon;
#[doc(hidden)]
pub mod mentions;
pub mod output;
pub mod printable;
#[doc(hidden)]
pub mod quotes;
pub mod record;
pub mod report;
#[doc(hidden)]
pub mod segment;
pub mod sources;
#[doc(hidden)]
pub mod text;
#[doc(hidden)]
pub mod tokens;

pub use record::{Kind, Record};

/// One document: an id (path, `-`, or a JSONL id) and its text.
///
/// The id becomes every record's `doc`; offsets index `text` as it is.
///
/// ```
/// use whosaid::Document;
/// let doc = Document::new("a.txt", "“We are ready,” said Ann Lee, the mayor.");
/// assert_eq!(doc.id, "a.txt");
/// assert!(doc.html.is_none());
/// let records = whosaid::analyze(&doc);
/// assert_eq!(records[0].doc, "a.txt");
/// ```
#[derive(Clone, Debug)]
pub struct Document {
    pub id: String,
    pub text: String,
    /// For a web page: where stretches of `text` lie in the HTML source
    /// (records then carry `html_start`/`html_end`).
    pub html: Option<std::sync::Arc<html::SourceMap>>,
}

impl Document {
    /// A plain-text document (not a web page).
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
///
/// `Options::default()` is what [`analyze`] uses (the CLI's default
/// `--scope speech`; the Python `scope="speech"`).
///
/// ```
/// use whosaid::{analyze_with, Document, Options, Scope};
/// let doc = Document::new("d", "Ross dismissed the prospects for meaningful talks.");
/// let all = Options { scope: Scope::All };
/// assert!(analyze_with(&doc, &Options::default()).is_empty());
/// let recs = analyze_with(&doc, &all);
/// assert_eq!(recs[0].quote, "the prospects for meaningful talks");
/// assert_eq!(recs[0].confidence, 0.45);
/// ```
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
///
/// ```
/// let doc = whosaid::Document::new("d", "“Hi,” Ann said.");
/// let records = whosaid::analyze_guarded(&doc).expect("no bug here");
/// assert_eq!(records.len(), 1);
/// ```
pub fn analyze_guarded(doc: &Document) -> Result<Vec<Record>, String> {
    analyze_guarded_with(doc, &Options::default())
}

/// [`analyze_guarded`] with [`Options`].
pub fn analyze_guarded_with(doc: &Document, opts: &Options) -> Result<Vec<Record>, String> {
    check_indexable(doc)?;
    guarded(|| analyze_with(doc, opts))
}

/// Runs `f`, turning a panic into an error message (with where it happened,
/// when the panic hook noted it).
fn guarded<T>(f: impl FnOnce() -> T + std::panic::UnwindSafe) -> Result<T, String> {
    GUARDED.with(|g| g.set(g.get() + 1));
    let result = std::panic::catch_unwind(f);
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
    /// The tokens of the thread's last document, for the next one:
    /// allocating and freeing some 2 bytes per text byte (8-byte tokens,
    /// room for one per 4 bytes) for each document was a measurable part of
    /// a run.
    static TOKENS: std::cell::RefCell<tokens::Tokens> = const { std::cell::RefCell::new(tokens::Tokens::new()) };
}

/// Largest token allocation kept between documents (5 MiB: the tokens of a
/// 2 MB text), so that one huge document does not hold its memory for the
/// rest of the run.
const KEPT_TOKEN_BYTES: usize = 5 << 20;

/// Every quotation and claim of the document, in text order, with
/// [`Options::default`].
///
/// Records are numbered from 0 (`index`) in text order; `start`/`end`
/// count code points and `byte_start`/`byte_end` bytes of `doc.text`.
///
/// ```
/// let text = "Ünïcode first. “The bridge will open in May,” Ortiz said.";
/// let recs = whosaid::analyze(&whosaid::Document::new("d", text));
/// let r = &recs[0];
/// assert_eq!(r.kind, whosaid::Kind::Direct);
/// assert_eq!(&text[r.byte_start..r.byte_end], r.quote);
/// let chars: String = text.chars().skip(r.start).take(r.end - r.start).collect();
/// assert_eq!(chars, r.quote);
/// assert_eq!(r.cue_lemma.as_deref(), Some("say"));
/// ```
pub fn analyze(doc: &Document) -> Vec<Record> {
    analyze_with(doc, &Options::default())
}

/// [`analyze`] with [`Options`].
///
/// # Panics
///
/// When the text is longer than 2 GiB ([`analyze_guarded_with`] returns an
/// error instead).
///
/// ```
/// use whosaid::{analyze_with, Document, Options};
/// let doc = Document::new("d", "The minister said the plan would work.");
/// let recs = analyze_with(&doc, &Options::default());
/// assert_eq!(recs[0].quote, "the plan would work");
/// assert_eq!(recs[0].speaker_mention.as_deref(), Some("The minister"));
/// ```
pub fn analyze_with(doc: &Document, opts: &Options) -> Vec<Record> {
    let analysis = prepare_with(doc, opts);
    analysis.build(0..analysis.len())
}

/// Only with `--max-doc-bytes` raised past 2 GiB (or a UTF-16 input growing
/// past it as UTF-8): an error, not a panic.
fn check_indexable(doc: &Document) -> Result<(), String> {
    if doc.text.len() > tokens::MAX_TEXT_BYTES {
        return Err(format!(
            "a text of {} bytes is over the {} bytes the analysis can index",
            doc.text.len(),
            tokens::MAX_TEXT_BYTES
        ));
    }
    Ok(())
}

/// A document analysed, before its records are built: a caller writing a
/// document of many records builds them a chunk at a time
/// ([`Analysis::records`]), so that they are never all in memory at once.
///
/// ```
/// let doc = whosaid::Document::new("d", "“Hi,” Ann said. “Bye,” Bo said.");
/// let analysis = whosaid::prepare_guarded_with(&doc, &whosaid::Options::default()).unwrap();
/// assert_eq!(analysis.len(), 2);
/// let second = analysis.records(1..2).unwrap();
/// assert_eq!((second[0].index, second[0].speaker.as_deref()), (1, Some("Bo")));
/// ```
pub struct Analysis<'d> {
    doc: &'d Document,
    segs: segment::Segments,
    claims: Vec<attribute::Claim>,
    resolution: entities::Resolution,
    map: text::OffsetMap<'d>,
}

impl Analysis<'_> {
    /// How many records the document has.
    pub fn len(&self) -> usize {
        self.claims.len()
    }

    pub fn is_empty(&self) -> bool {
        self.claims.is_empty()
    }

    /// The records numbered `range` (an error, not a panic, on a bug).
    pub fn records(&self, range: std::ops::Range<usize>) -> Result<Vec<Record>, String> {
        let range = range.start.min(self.len())..range.end.min(self.len());
        guarded(|| self.build(range))
    }

    fn build(&self, range: std::ops::Range<usize>) -> Vec<Record> {
        record::build_range(self.doc, &self.segs, &self.claims, &self.resolution, &self.map, range)
    }
}

/// [`analyze_guarded_with`], up to the records: see [`Analysis`].
pub fn prepare_guarded_with<'d>(doc: &'d Document, opts: &Options) -> Result<Analysis<'d>, String> {
    check_indexable(doc)?;
    guarded(|| prepare_with(doc, opts))
}

fn prepare_with<'d>(doc: &'d Document, opts: &Options) -> Analysis<'d> {
    let text = doc.text.as_str();
    let segs = segment::segment(text);
    let quotations = quotes::find_quotations(text, &segs);
    let mut cues = cues::find_cues(text, 0..text.len());
    cues.retain(|c| !segs.is_furniture(c.span().start));
    let mut toks = TOKENS.with(|t| std::mem::take(&mut *t.borrow_mut()));
    tokens::tokenize_into(text, segs.paragraphs.iter().map(|p| p.start), &mut toks);
    let claims = attribute::attribute_with(text, &segs, &toks, &quotations, &cues, opts);
    // Each structure is freed once no later stage reads it: on a document of
    // hundreds of MB, holding them all at once made the peak memory.
    drop(cues);
    let quoted = entities::QuotedSpans::new(&quotations);
    drop(quotations);
    let scanned = entities::scan(text, &segs, &toks, quoted, &claims);
    // Neither the rest of the resolution nor the records read the tokens.
    if toks.allocated_bytes() <= KEPT_TOKEN_BYTES {
        TOKENS.with(|t| *t.borrow_mut() = toks);
    } else {
        drop(toks);
    }
    let resolution = scanned.link(text, &segs, &claims);
    Analysis {
        doc,
        segs,
        resolution,
        // A document without records needs no map (it costs a pass over
        // the text).
        map: text::OffsetMap::new(if claims.is_empty() { "" } else { text }),
        claims,
    }
}

/// The README's Rust examples run as doc tests (`cargo test`), so they
/// cannot go stale.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
