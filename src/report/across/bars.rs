//! A stacked bar of shares (`<div class="bar">` with one segment per
//! share): drawn with CSS widths, each segment carrying the exact value it
//! shows (`data-field`, `data-value`) and a text label, so colour is never
//! the only signal and a test can read the numbers back.

use std::fmt::Write as _;

/// One segment: the summary field it shows, a label, and its share (0–1).
pub(super) struct Seg<'a> {
    pub field: &'a str,
    pub label: &'a str,
    pub value: Option<f64>,
}

/// The bar, or a dash when no share is defined (nothing to share out).
pub(super) fn bar(what: &str, segs: &[Seg]) -> String {
    if segs.iter().all(|s| s.value.is_none()) {
        return r#"<span class="none">—</span>"#.to_string();
    }
    let text: Vec<String> = segs
        .iter()
        .filter_map(|s| Some(format!("{} {}", s.label, percent(s.value?))))
        .collect();
    let mut out = format!(
        r#"<div class="bar" role="img" aria-label="{what}: {}">"#,
        text.join(", ")
    );
    for s in segs {
        let Some(v) = s.value else { continue };
        let _ = write!(
            out,
            r#"<span class="seg {f}" data-field="{f}" data-value="{v}" style="width:{w:.2}%" title="{l}: {p}"></span>"#,
            f = s.field,
            w = v * 100.0,
            l = s.label,
            p = percent(v)
        );
    }
    out.push_str("</div>");
    out
}

/// A share as a whole percentage ("43%").
pub(super) fn percent(v: f64) -> String {
    format!("{:.0}%", v * 100.0)
}

/// A single bar of `n` against the largest `max` (documents per month).
pub(super) fn scale(field: &str, n: u64, max: u64) -> String {
    let w = if max == 0 { 0.0 } else { n as f64 / max as f64 * 100.0 };
    format!(
        r#"<div class="bar scale"><span class="seg {field}" data-field="{field}" data-value="{n}" style="width:{w:.2}%"></span></div>"#
    )
}
