//! The most quoted sources: the `limits.top` first rows of the across
//! table for the whole corpus and for each group shown, in one table that
//! the page's script sorts (a click on a column header) and filters (the
//! text box above it). Without the script it is a plain table in table
//! order.

use super::{group_label, shown, Limits};
use crate::across::{descriptors_ranked, Row, Summary};
use crate::report::labels::{cut, escape};
use std::fmt::Write as _;

/// Column headers and how the script compares their cells.
const HEAD: &[(&str, &str)] = &[
    ("Name", "text"),
    ("Type", "text"),
    ("Gender", "text"),
    ("Documents", "num"),
    ("Quotes", "num"),
    ("Direct", "num"),
    ("Mixed", "num"),
    ("Indirect", "num"),
    ("Words", "num"),
    ("First seen", "text"),
    ("Last seen", "text"),
    ("Descriptor", "text"),
];

pub(super) fn section(
    total: &[(Summary, Vec<Row>)],
    grouped: Option<&[(Summary, Vec<Row>)]>,
    limits: Limits,
) -> String {
    let mut s = format!(
        r#"<section class="top" aria-labelledby="top-h"><h2 id="top-h">Most quoted sources</h2><p class="note">The {} most quoted sources{}. Click a column header to sort; type in the box to filter.</p>"#,
        limits.top,
        if grouped.is_some() {
            " of the corpus and of each group"
        } else {
            " of the corpus"
        }
    );
    s.push_str(r#"<p class="filter" hidden><label>Filter <input type="search" id="filter" placeholder="name, type, group…" autocomplete="off"></label> <output id="shown" for="filter"></output></p>"#);
    s.push_str(r#"<table class="sources sortable" id="sources"><thead><tr>"#);
    if grouped.is_some() {
        s.push_str(r#"<th scope="col" data-sort="text" aria-sort="none"><button type="button">Group</button></th>"#);
    }
    for (name, kind) in HEAD {
        let class = if *kind == "num" { r#" class="n""# } else { "" };
        let _ = write!(
            s,
            r#"<th scope="col"{class} data-sort="{kind}" aria-sort="none"><button type="button">{name}</button></th>"#
        );
    }
    s.push_str("</tr></thead><tbody>\n");
    let mut n = 0;
    for (_, rows) in total {
        for r in rows {
            s.push_str(&row(r, grouped.map(|_| "(all)")));
            n += 1;
        }
    }
    if let Some(groups) = grouped {
        let (keep, _) = shown(groups, limits.groups);
        for i in keep {
            let label = group_label(&groups[i].0.by);
            for r in &groups[i].1 {
                s.push_str(&row(r, Some(&label)));
                n += 1;
            }
        }
    }
    let _ = write!(
        s,
        r#"</tbody></table><p class="note" id="rows" data-rows="{n}">{n} rows.</p></section>"#
    );
    s.push('\n');
    s
}

/// One source's row.
fn row(r: &Row, group: Option<&str>) -> String {
    let e = &r.entry;
    let mut s = String::from("<tr>");
    if let Some(g) = group {
        let _ = write!(s, r#"<td class="group">{}</td>"#, escape(g));
    }
    let descriptor = descriptors_ranked(e)
        .first()
        .map(|(d, n)| format!("{} ({n})", cut(d, 60)))
        .unwrap_or_default();
    let _ = write!(
        s,
        r#"<td class="name">{}</td><td>{}</td><td>{}</td>"#,
        escape(&e.name),
        escape(if r.stype.is_empty() { "—" } else { &r.stype }),
        e.gender().unwrap_or("—")
    );
    for v in [e.documents, e.quotes, e.direct, e.mixed, e.indirect, e.words_quoted] {
        let _ = write!(s, r#"<td class="n">{v}</td>"#);
    }
    let _ = writeln!(
        s,
        r#"<td class="seen">{}</td><td class="seen">{}</td><td class="desc">{}</td></tr>"#,
        escape(r.first_seen().as_deref().unwrap_or("—")),
        escape(r.last_seen().as_deref().unwrap_or("—")),
        escape(&descriptor)
    );
    s
}
