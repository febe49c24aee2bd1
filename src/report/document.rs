//! The per-document report (`whosaid report`): the page head, a key to
//! reading it, a list of the documents when there are several, and one
//! section per document (an input that could not be read gets one too).

use super::labels::escape;
use super::section::section;
use crate::record::Record;
use crate::sources;
use crate::Document;
use std::fmt::Write as _;

/// One input of the report: a document with its records, or a document that
/// could not be read.
pub enum Entry<'a> {
    Doc(&'a Document, &'a [Record]),
    Error { doc: &'a str, error: &'a str },
}

/// The report of these documents, as one HTML page.
pub fn render(docs: &[(Document, Vec<Record>)]) -> String {
    let entries: Vec<Entry> = docs.iter().map(|(d, r)| Entry::Doc(d, r)).collect();
    render_entries(&entries)
}

/// The page for several inputs, errors included (each its own section).
pub fn render_entries(entries: &[Entry]) -> String {
    let n_docs = entries.len();
    let n_records: usize = entries
        .iter()
        .map(|e| match e {
            Entry::Doc(_, r) => r.len(),
            Entry::Error { .. } => 0,
        })
        .sum();
    let title = match entries {
        [Entry::Doc(d, _)] => format!("Sources: {}", d.id),
        [Entry::Error { doc, .. }] => format!("Sources: {doc}"),
        _ => format!("Sources: {n_docs} documents"),
    };
    let mut s = String::with_capacity(1 << 16);
    super::page_head(&mut s, &title, CSS, "");
    let _ = write!(
        s,
        r#"<h1>{}</h1><p class="meta">{} · {} · made by whosaid {}, a rule-based extractor: check what matters against the text.</p>"#,
        escape(&title),
        if n_docs == 1 {
            "1 document".to_string()
        } else {
            format!("{n_docs} documents")
        },
        if n_records == 1 {
            "1 quotation".to_string()
        } else {
            format!("{n_records} quotations")
        },
        env!("CARGO_PKG_VERSION")
    );
    s.push_str(KEY);
    s.push_str("</header>\n");
    if n_docs > 1 {
        s.push_str(r#"<nav class="toc" aria-label="Documents"><h2>Documents</h2><ol>"#);
        for (i, e) in entries.iter().enumerate() {
            match e {
                Entry::Doc(d, r) => {
                    let n = sources::sources(r).len();
                    let _ = write!(
                        s,
                        r##"<li><a href="#doc-{}">{}</a> <span class="meta">{} quotation{}, {} source{}</span></li>"##,
                        i + 1,
                        escape(&d.id),
                        r.len(),
                        if r.len() == 1 { "" } else { "s" },
                        n,
                        if n == 1 { "" } else { "s" }
                    );
                }
                Entry::Error { doc, .. } => {
                    let _ = write!(
                        s,
                        r##"<li><a href="#doc-{}">{}</a> <span class="meta err">could not be read</span></li>"##,
                        i + 1,
                        escape(doc)
                    );
                }
            }
        }
        s.push_str("</ol></nav>\n");
    }
    s.push_str("<main>\n");
    for (i, e) in entries.iter().enumerate() {
        match e {
            Entry::Doc(d, r) => s.push_str(&section(i + 1, d, r)),
            Entry::Error { doc, error } => {
                let _ = writeln!(
                    s,
                    r#"<section class="doc" id="doc-{}"><h2>{}</h2><p class="err">Could not be read: {}</p></section>"#,
                    i + 1,
                    escape(doc),
                    escape(error)
                );
            }
        }
    }
    s.push_str("</main>\n<div id=\"tip\" role=\"tooltip\" hidden></div>\n<script>\n");
    s.push_str(JS);
    s.push_str("</script>\n</body>\n</html>\n");
    s
}

/// How to read the report (shown once at the top).
const KEY: &str = r##"<div class="key" aria-label="How to read this report"><span class="k"><span class="badge" data-type="person" style="--c:#1f5fa8">AB</span> named person</span><span class="k"><span class="badge" data-type="organization" style="--c:#1f5fa8">AB</span> organization</span><span class="k"><span class="badge" data-type="unnamed" style="--c:#1f5fa8">Ab</span> unnamed person</span><span class="k"><span class="badge" data-type="group" style="--c:#1f5fa8">Ab</span> group</span><span class="k"><span class="badge" data-type="none" style="--c:#6b6b6b">?</span> unattributed</span><span class="k"><span class="sample direct" style="--c:#1f5fa8;--t:#c7d7ea;--u:#e4ebf4">direct quote</span> <span class="sample" style="--c:#1f5fa8;--t:#c7d7ea;--u:#e4ebf4">reported speech</span></span><span class="k"><span class="who" style="--c:#1f5fa8">speaker</span> <span class="cue">cue</span></span><span class="k hint">Hover over a quote or press Tab to move between quotes for details; hover over a source to see all its quotes.</span></div>"##;

/// The page's style, kept as CSS in its own file so it can be read and linted.
const CSS: &str = include_str!("report.css");

/// Tooltips and highlighting; the page reads fine without it.
const JS: &str = include_str!("report.js");
