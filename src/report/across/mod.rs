//! The corpus page (`whosaid report --across`): one self-contained HTML
//! page for a whole corpus, built from the across aggregate
//! ([`crate::across`]) and nothing else, so its numbers are those of
//! `whosaid sources --across --summary`.
//!
//! - [`groups`]: per group (and for the whole corpus), bars of the shares
//!   of sources by type and of quoted people by gender.
//! - [`top`]: the most quoted sources of each group, a table that the
//!   page's script sorts (click a column header) and filters (a text box).
//! - [`timeline`]: the same shares by month, when documents carry a date.
//!
//! Its size follows the number of groups and distinct sources shown, both
//! capped, never the number of documents or quotations: no text and no
//! quotation is on the page. CSS and JavaScript are `across.css` and
//! `across.js` beside this file; nothing is loaded from the network.

mod bars;
mod groups;
mod timeline;
mod top;

use super::labels::escape;
use crate::across::{Across, By, Cut};
use crate::record::Record;
use serde_json::{Map, Value};
use std::fmt::Write as _;

/// The aggregates the page is drawn from, fed one document at a time.
pub struct Corpus {
    /// By the `--by` fields (one group when there are none).
    pub groups: Across,
    /// The whole corpus as one group.
    pub total: Across,
    /// By the month of the date field, for the timeline.
    pub months: Across,
}

impl Corpus {
    /// The date field of the timeline is that of a `--by FIELD:month` (or
    /// `:year`), else `date`, as for `first_seen`.
    pub fn new(by: Vec<By>) -> Corpus {
        let groups = Across::new(by);
        let month = By {
            column: format!("{}:month", groups.date_field),
            field: groups.date_field.clone(),
            cut: Cut::Month,
        };
        Corpus {
            total: Across::new(Vec::new()),
            months: Across::new(vec![month]),
            groups,
        }
    }

    /// The input fields to read from each JSONL record.
    pub fn fields(&self) -> Vec<String> {
        let mut f = self.groups.fields();
        for x in self.months.fields() {
            if !f.contains(&x) {
                f.push(x);
            }
        }
        f
    }

    /// Adds one document to each aggregate (see [`Across::add_document`]).
    pub fn add_document(&mut self, index: u64, doc: &str, fields: &Map<String, Value>, records: &[Record]) {
        self.groups.add_document(index, doc, fields, records);
        self.total.add_document(index, doc, fields, records);
        self.months.add_document(index, doc, fields, records);
    }
}

/// Caps that keep the page's size bounded.
#[derive(Clone, Copy, Debug)]
pub struct Limits {
    /// Sources shown per group in the table.
    pub top: usize,
    /// Groups shown (the ones with the most documents).
    pub groups: usize,
    /// Months on the timeline (the latest).
    pub months: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            top: 20,
            groups: 100,
            months: 600,
        }
    }
}

/// The label of a group: its `--by` values joined ("nyt · 2016-09"), "—"
/// for no value.
fn group_label(by: &[(String, Option<String>)]) -> String {
    by.iter()
        .map(|(_, v)| v.as_deref().unwrap_or("—"))
        .collect::<Vec<_>>()
        .join(" · ")
}

/// The corpus page. `errors` is the number of documents that could not be
/// read (they are in no count).
pub fn render(corpus: &Corpus, limits: Limits, errors: u64) -> String {
    let total = corpus.total.summary_with_top(limits.top);
    let documents = total.first().map_or(0, |(s, _)| s.documents);
    let records = total.first().map_or(0, |(s, _)| s.records);
    let by: Vec<String> = corpus.groups.by.iter().map(|b| b.column.clone()).collect();
    let title = if by.is_empty() {
        "Sources across the corpus".to_string()
    } else {
        format!("Sources across the corpus, by {}", by.join(", "))
    };
    let mut s = String::with_capacity(1 << 16);
    super::page_head(&mut s, &title, CSS, "across");
    let _ = write!(
        s,
        r#"<h1>{}</h1><p class="meta">{} · {} · {} distinct sources{} · made by whosaid {}, a rule-based extractor: gender is only what the text says (pronouns, honorifics), never guessed from a name.</p>"#,
        escape(&title),
        plural(documents, "document"),
        plural(records, "quotation"),
        corpus.total.len(),
        if errors > 0 {
            format!(" · {} could not be read", plural(errors, "document"))
        } else {
            String::new()
        },
        env!("CARGO_PKG_VERSION")
    );
    s.push_str("\n</header>\n<main>\n");
    let grouped = (!by.is_empty()).then(|| corpus.groups.summary_with_top(limits.top));
    s.push_str(&groups::section(&total, grouped.as_deref(), limits));
    s.push_str(&timeline::section(&corpus.months.summary(), limits));
    s.push_str(&top::section(&total, grouped.as_deref(), limits));
    s.push_str("</main>\n<script>\n");
    s.push_str(JS);
    s.push_str("</script>\n</body>\n</html>\n");
    s
}

fn plural(n: u64, word: &str) -> String {
    format!("{n} {word}{}", if n == 1 { "" } else { "s" })
}

/// The groups to show: at most `limits.groups`, those with the most
/// documents, kept in their table order; and how many were left out.
fn shown<T>(groups: &[(crate::across::Summary, T)], cap: usize) -> (Vec<usize>, usize) {
    let mut order: Vec<usize> = (0..groups.len()).collect();
    order.sort_by(|&a, &b| groups[b].0.documents.cmp(&groups[a].0.documents).then(a.cmp(&b)));
    order.truncate(cap);
    order.sort_unstable();
    let left = groups.len() - order.len();
    (order, left)
}

/// The page's style (readable and lintable as CSS in its own file).
const CSS: &str = include_str!("across.css");

/// Sorting and filtering of the sources table; the page reads fine without it.
const JS: &str = include_str!("across.js");
