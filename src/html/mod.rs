//! Web pages in: the story of an HTML page as text, with a map back to
//! the page's bytes.
//!
//! The page is parsed by html5ever (through `scraper`, a browser-grade
//! HTML5 tree builder: entities, implied end tags and misnested markup as a
//! browser reads them). The story's element is chosen (`story`), furniture
//! is dropped (`boilerplate`), block elements become paragraph breaks (a
//! blank line, as the segmenter expects), inline elements run on, and
//! white space collapses as a browser shows it. The page title is the first
//! paragraph. Each stretch of the text that is a verbatim copy of source
//! bytes is kept in a [`SourceMap`], so a record can say where its quote is
//! in the HTML source (`source` aligns text nodes with the source).

pub mod boilerplate;
mod charset;
pub mod meta;
mod source;
mod story;

use crate::input::{InputOptions, Item};
use ego_tree::iter::Edge;
use scraper::{Html, Node};
use serde_json::{Map, Value};
use source::{Aligner, Piece};
use std::ops::Range;
use std::sync::Arc;

pub use meta::Meta;

/// Elements that start and end a paragraph of the text.
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "blockquote",
    "body",
    "center",
    "dd",
    "details",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figure",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hgroup",
    "hr",
    "li",
    "main",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "ul",
    "br",
    "caption",
];

/// A stretch of the extracted text that equals the source bytes at `src`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Run {
    pub text: usize,
    pub src: usize,
    pub len: usize,
}

/// Where verbatim stretches of the extracted text lie in the source bytes.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SourceMap {
    runs: Vec<Run>,
}

impl SourceMap {
    /// The source bytes of a text range that lies inside one run.
    pub fn source_range(&self, range: Range<usize>) -> Option<Range<usize>> {
        let i = self.runs.partition_point(|r| r.text <= range.start).checked_sub(1)?;
        let r = self.runs[i];
        (range.start < range.end && range.end <= r.text + r.len)
            .then(|| r.src + (range.start - r.text)..r.src + (range.end - r.text))
    }

    pub fn runs(&self) -> &[Run] {
        &self.runs
    }
}

/// A page read as its story.
#[derive(Clone, Debug)]
pub struct Page {
    /// The analysed text: the headline, then the story's paragraphs.
    pub text: String,
    /// Into the bytes the page was read from.
    pub map: SourceMap,
    pub meta: Meta,
}

/// Reads a page from its bytes (encoding by BOM, `<meta charset>`, else UTF-8).
pub fn from_bytes(raw: &[u8], lossy: bool) -> Result<Page, String> {
    let decoded = charset::decode(raw, lossy)?;
    let mut page = from_str(&decoded.text);
    page.map.runs = match decoded.bytes {
        charset::Bytes::Utf8 { bom } => shifted(&page.map.runs, bom),
        charset::Bytes::SingleByte => single_byte(&page.map.runs, &page.text, &decoded.text),
        charset::Bytes::Other => Vec::new(),
    };
    page.map.runs = verified(&page.map.runs, &page.text, raw);
    Ok(page)
}

/// Reads a page from text (a JSONL field): offsets index that text.
pub fn from_str(src: &str) -> Page {
    let doc = Html::parse_document(src);
    let meta = meta::read(&doc);
    let root = story::root(&doc);
    let headline = headline(&doc, &meta);
    let mut w = Writer::default();
    if let Some(h) = &headline {
        w.text.push_str(h);
        w.block();
    }
    walk(&doc, root, headline.as_deref(), src, &mut w);
    let runs = verified(&w.runs, &w.text, src.as_bytes());
    Page {
        text: w.text,
        map: SourceMap { runs },
        meta,
    }
}

/// The headline: the page's `<h1>` when the title starts with it (titles
/// often end in " | Site"), else the title (`og:title`, JSON-LD, `<title>`).
fn headline(doc: &Html, meta: &Meta) -> Option<String> {
    let h1 = doc
        .tree
        .nodes()
        .find(|n| n.value().as_element().is_some_and(|e| e.name() == "h1"))
        .map(heading_text)
        .filter(|h| !h.is_empty());
    match (&meta.title, h1) {
        (Some(t), Some(h)) if !t.starts_with(&h) => Some(t.clone()),
        (_, Some(h)) => Some(h),
        (t, None) => t.clone(),
    }
}

/// Collapses white space as a browser shows it.
pub fn collapse(s: &str) -> String {
    s.split_ascii_whitespace().collect::<Vec<_>>().join(" ")
}

/// Walks the whole tree in order (to keep the aligner in step) and writes
/// the text of `root`, furniture and the repeated headline left out.
fn walk(doc: &Html, root: ego_tree::NodeId, headline: Option<&str>, src: &str, w: &mut Writer) {
    let mut aligner = Aligner::new(src);
    let mut in_root = false;
    let mut skip: Option<ego_tree::NodeId> = None;
    let mut headline = headline;
    for edge in doc.tree.root().traverse() {
        match edge {
            Edge::Open(n) => {
                if n.id() == root {
                    in_root = true;
                }
                match n.value() {
                    Node::Text(t) => {
                        let pieces = aligner.align(t);
                        if in_root && skip.is_none() {
                            w.node(t, &pieces);
                        }
                    }
                    Node::Element(el) if in_root && skip.is_none() => {
                        let repeats = headline.is_some_and(|h| is_heading(el.name()) && heading_text(n) == h);
                        if repeats {
                            headline = None;
                        }
                        if repeats || (n.id() != root && boilerplate::drops(el)) {
                            skip = Some(n.id());
                        } else if BLOCKS.contains(&el.name()) {
                            w.block();
                        }
                    }
                    _ => {}
                }
            }
            Edge::Close(n) => {
                if skip == Some(n.id()) {
                    skip = None;
                } else if skip.is_none()
                    && in_root
                    && n.value().as_element().is_some_and(|e| BLOCKS.contains(&e.name()))
                {
                    w.block();
                }
                if n.id() == root {
                    in_root = false;
                }
            }
        }
    }
}

fn is_heading(name: &str) -> bool {
    matches!(name, "h1" | "h2" | "h3")
}

fn heading_text(n: ego_tree::NodeRef<'_, Node>) -> String {
    scraper::ElementRef::wrap(n).map_or_else(String::new, |e| collapse(&e.text().collect::<String>()))
}

/// Builds the text and its runs, node by node.
#[derive(Default)]
struct Writer {
    text: String,
    runs: Vec<Run>,
    /// White space seen since the last word.
    space: bool,
    /// A block boundary since the last word.
    brk: bool,
}

impl Writer {
    fn block(&mut self) {
        self.brk = !self.text.is_empty();
    }

    /// One text node and its pieces of source.
    fn node(&mut self, t: &str, pieces: &[Piece]) {
        let b = t.as_bytes();
        let mut i = 0;
        let mut pi = 0;
        while i < b.len() {
            let ws = b[i..].iter().take_while(|c| c.is_ascii_whitespace()).count();
            if ws > 0 {
                self.space = true;
                i += ws;
                continue;
            }
            let word = b[i..].iter().take_while(|c| !c.is_ascii_whitespace()).count();
            // A single space inside this node is copied, so a run goes on.
            let single = i > 0 && b[i - 1] == b' ' && (i < 2 || !b[i - 2].is_ascii_whitespace());
            let from = if self.space && !self.brk && !self.text.is_empty() && single {
                self.space = false;
                i - 1
            } else {
                i
            };
            self.separate();
            self.copy(t, from..i + word, pieces, &mut pi);
            i += word;
        }
    }

    /// The break or space owed before the next word.
    fn separate(&mut self) {
        if self.brk {
            self.text.push_str("\n\n");
        } else if self.space && !self.text.is_empty() {
            self.text.push(' ');
        }
        self.brk = false;
        self.space = false;
    }

    /// Copies `t[range]`, mapping what the pieces cover.
    fn copy(&mut self, t: &str, range: Range<usize>, pieces: &[Piece], pi: &mut usize) {
        let out = self.text.len();
        self.text.push_str(&t[range.clone()]);
        while *pi < pieces.len() && pieces[*pi].at + pieces[*pi].len <= range.start {
            *pi += 1;
        }
        for p in &pieces[*pi..] {
            if p.at >= range.end {
                break;
            }
            let (lo, hi) = (p.at.max(range.start), (p.at + p.len).min(range.end));
            self.push_run(Run {
                text: out + lo - range.start,
                src: p.src + lo - p.at,
                len: hi - lo,
            });
        }
    }

    fn push_run(&mut self, r: Run) {
        if let Some(last) = self.runs.last_mut() {
            if last.text + last.len == r.text && last.src + last.len == r.src {
                last.len += r.len;
                return;
            }
        }
        self.runs.push(r);
    }
}

fn shifted(runs: &[Run], by: usize) -> Vec<Run> {
    runs.iter().map(|r| Run { src: r.src + by, ..*r }).collect()
}

/// Runs in a single-byte page: one file byte per character, so only ASCII
/// stretches keep their bytes; a run's file offset is its character index.
fn single_byte(runs: &[Run], text: &str, decoded: &str) -> Vec<Run> {
    let mut out = Vec::new();
    let (mut at, mut chars) = (0, 0); // a byte offset of `decoded` and its char index
    for r in runs {
        if r.src < at {
            (at, chars) = (0, 0);
        }
        chars += decoded[at..r.src].chars().count();
        at = r.src;
        let bytes = &text.as_bytes()[r.text..r.text + r.len];
        let mut i = 0;
        while i < bytes.len() {
            let n = bytes[i..].iter().take_while(|b| b.is_ascii()).count();
            if n > 0 {
                let before = decoded[r.src..r.src + i].chars().count();
                out.push(Run {
                    text: r.text + i,
                    src: chars + before,
                    len: n,
                });
            }
            i += n;
            i += bytes[i..].iter().take_while(|b| !b.is_ascii()).count();
        }
    }
    out
}

/// Keeps the runs whose source bytes equal their text: an offset is given
/// only where the bytes prove it.
fn verified(runs: &[Run], text: &str, src: &[u8]) -> Vec<Run> {
    runs.iter()
        .copied()
        .filter(|r| r.len > 0 && src.get(r.src..r.src + r.len) == text.as_bytes().get(r.text..r.text + r.len))
        .collect()
}

/// Whether a file name says HTML: `.html`, `.htm`, compressed or not, any case.
pub fn is_html_name(name: &str) -> bool {
    let name = name.to_ascii_lowercase();
    let base = name.trim_end_matches(".gz").trim_end_matches(".zst");
    base.ends_with(".html") || base.ends_with(".htm")
}

/// Whether bytes on stdin look like a page: they start (after a BOM and
/// white space) with `<!doctype html` or `<html`, or with a tag and a
/// `<body>`, `<p>`, `<div>` or `<article>` early on.
pub fn sniff(bytes: &[u8]) -> bool {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let start = bytes
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(bytes.len());
    let head = bytes[start..bytes.len().min(start + 2048)].to_ascii_lowercase();
    if head.starts_with(b"<!doctype html") || head.starts_with(b"<html") {
        return true;
    }
    let early = [&b"<body"[..], b"<p>", b"<p ", b"<div", b"<article"];
    head.starts_with(b"<") && early.iter().any(|t| memchr::memmem::find(&head, t).is_some())
}

/// The `--keep-fields` of a page: its metadata where `kept` (a JSONL
/// record's fields) has none.
fn keep(meta: &Meta, opts: &InputOptions, mut kept: Map<String, Value>) -> Map<String, Value> {
    for f in &opts.keep_fields {
        let missing = kept.get(f).is_none_or(Value::is_null);
        if let (true, Some(v)) = (missing, meta.get(f)) {
            kept.insert(f.clone(), Value::String(v.to_string()));
        } else if missing {
            kept.insert(f.clone(), Value::Null);
        }
    }
    kept
}

fn doc_of(id: String, page: Page) -> crate::Document {
    let mut doc = crate::Document::new(id, page.text);
    doc.html = Some(Arc::new(page.map));
    doc
}

/// A page file's input item: its story, or an error record.
pub fn item(id: String, raw: &[u8], opts: &InputOptions) -> Item {
    match from_bytes(raw, opts.lossy) {
        Ok(page) => {
            let kept = keep(&page.meta, opts, Map::new());
            Item::Doc(doc_of(id, page), kept)
        }
        Err(error) => Item::Error { doc: id, error },
    }
}

/// A JSONL record whose text field holds a page (`--html`).
pub fn item_from_str(id: String, src: &str, kept: Map<String, Value>, opts: &InputOptions) -> Item {
    let page = from_str(src);
    let kept = keep(&page.meta, opts, kept);
    Item::Doc(doc_of(id, page), kept)
}
