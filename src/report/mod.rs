//! The HTML report (`whosaid report`): one self-contained page (inline CSS,
//! JS and SVG; no external asset of any kind) with, for each document, the
//! article text with every quotation highlighted in its speaker's colour,
//! a bar chart and a table of its sources.
//!
//! - Every record part is wrapped in exactly one `<mark class="quote" …>`.
//!   Where spans cross (a mixed claim overlapping another record, a cue
//!   inside a quote) or run over a paragraph break, the element is closed and
//!   re-opened as `<mark class="qcont" …>`, so the HTML stays well formed and
//!   `mark.quote` still counts the parts.
//! - All text (article, ids, speakers, descriptors, cues) is escaped.
//! - Colour is never the only signal: each speaker has initials on a badge,
//!   and the speaker type sets the badge shape and the underline style.
//!
//! The page is built by one module per part: [`document`] (the page of
//! documents), [`section`] (one document), [`markup`] and [`marks`] (the
//! highlighted text), [`chart`], [`table`], and [`look`] (colours and
//! badges). Its CSS and JavaScript are files beside them (`report.css`,
//! `report.js`), embedded with `include_str!`. The corpus page of `report
//! --across` is [`across`], with its own sections, CSS and script.

pub mod across;
mod chart;
mod document;
mod labels;
mod look;
mod marks;
mod markup;
mod section;
mod table;

pub use document::{render, render_entries, Entry};
pub use labels::escape;
pub use look::initials;
pub use marks::mark_count;

/// The start of a report page, through the opening `<header class="top">`:
/// doctype, metadata, the title and the inline style. `body_class` is
/// empty for the document page.
fn page_head(out: &mut String, title: &str, css: &str, body_class: &str) {
    use std::fmt::Write;
    out.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    let _ = writeln!(
        out,
        "<meta name=\"generator\" content=\"whosaid {}\">",
        env!("CARGO_PKG_VERSION")
    );
    let _ = writeln!(out, "<title>{}</title>", escape(title));
    out.push_str("<style>\n");
    out.push_str(css);
    out.push_str("</style>\n</head>\n");
    if body_class.is_empty() {
        out.push_str("<body>\n");
    } else {
        let _ = writeln!(out, "<body class=\"{body_class}\">");
    }
    out.push_str("<header class=\"top\">\n");
}

#[cfg(test)]
mod tests;
