//! One document's section: its counts, the marked-up text, and beside it
//! the chart and the sources table.

use super::chart::chart;
use super::labels::{escape, pct};
use super::look::looks;
use super::marks::spans_of;
use super::markup::markup;
use super::table::table;
use crate::record::Record;
use crate::sources;
use crate::Document;
use std::fmt::Write as _;

/// One document's section.
pub(super) fn section(di: usize, doc: &Document, records: &[Record]) -> String {
    let rows = sources::sources(records);
    let looks = looks(&rows);
    let summary = sources::summarize(&doc.id, records);
    let mut s = String::new();
    let _ = write!(
        s,
        r#"<section class="doc" id="doc-{di}" aria-labelledby="doc-{di}-h"><h2 id="doc-{di}-h">{}</h2>"#,
        escape(&doc.id)
    );
    let plural = |n: usize, w: &str| format!("{n} {w}{}", if n == 1 { "" } else { "s" });
    s.push_str(r#"<ul class="stats">"#);
    let _ = write!(s, "<li><b>{}</b></li>", plural(summary.records, "quotation"));
    let _ = write!(s, "<li><b>{}</b></li>", plural(summary.sources, "source"));
    if summary.sources > 0 {
        let _ = write!(s, "<li>named people <b>{}</b></li>", pct(summary.named));
        let _ = write!(s, "<li>unnamed people <b>{}</b></li>", pct(summary.unnamed));
        let _ = write!(s, "<li>organizations <b>{}</b></li>", pct(summary.organization));
        let _ = write!(s, "<li>groups <b>{}</b></li>", pct(summary.group));
        let _ = write!(
            s,
            r#"<li title="share of attributed quotes from the most quoted source">top source <b>{}</b></li>"#,
            pct(summary.top_source_share)
        );
    }
    let _ = write!(s, "<li><b>{}</b> unattributed</li>", summary.unattributed);
    let _ = write!(s, "<li><b>{}</b> words quoted</li>", summary.words_quoted);
    s.push_str("</ul>");
    s.push_str(r#"<div class="cols"><article class="text">"#);
    if doc.text.trim().is_empty() {
        s.push_str(r#"<p class="note">(empty document)</p>"#);
    }
    s.push_str(&markup(&doc.text, spans_of(di, &doc.text, records, &looks)));
    s.push_str(r#"</article><aside class="side">"#);
    if records.is_empty() {
        s.push_str(r#"<p class="note">No quotation found in this document.</p>"#);
    } else {
        s.push_str(&chart(di, &rows, &looks));
        s.push_str(&table(di, records, &rows, &looks));
    }
    s.push_str("</aside></div></section>\n");
    s
}
