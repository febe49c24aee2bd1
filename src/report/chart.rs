//! A document's bar chart: quotes and words quoted per source (SVG).

use super::labels::{cut, escape, type_label};
use super::look::Look;
use crate::sources::SourceRow;
use std::collections::HashMap;
use std::fmt::Write as _;

const CHART_MAX_ROWS: usize = 25;

/// Horizontal bars of quotes and words quoted per source. Unnamed people
/// and groups are hatched and labelled; named sources are solid.
pub(super) fn chart(di: usize, rows: &[SourceRow], looks: &HashMap<String, Look>) -> String {
    if rows.is_empty() {
        return String::new();
    }
    let shown = &rows[..rows.len().min(CHART_MAX_ROWS)];
    let (w, bar_x, row_h, top) = (480.0_f64, 204.0, 34.0, 40.0);
    let bar_w = w - bar_x - 44.0;
    let max_q = shown.iter().map(|r| r.quotes).max().unwrap_or(1).max(1) as f64;
    let max_w = shown.iter().map(|r| r.words_quoted).max().unwrap_or(1).max(1) as f64;
    let h = top + row_h * shown.len() as f64 + 6.0;
    let mut s = String::new();
    let _ = write!(
        s,
        r#"<svg class="chart" viewBox="0 0 {w} {h}" width="{w}" height="{h}" role="img" aria-labelledby="d{di}-ct"><title id="d{di}-ct">Quotes and words quoted per source; hatched bars are unnamed people or groups</title>"#
    );
    s.push_str("<defs>");
    for r in shown {
        let look = &looks[&r.speaker_id];
        if matches!(r.speaker_type, Some("unnamed") | Some("group")) {
            let _ = write!(
                s,
                r#"<pattern id="d{di}-h-{id}" patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)"><rect width="6" height="6" fill="{t}"/><rect width="3" height="6" fill="{c}"/></pattern>"#,
                id = escape(&r.speaker_id),
                t = look.tint,
                c = look.colour
            );
        }
    }
    let _ = write!(
        s,
        r##"<pattern id="d{di}-h-key" patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)"><rect width="6" height="6" fill="#ddd"/><rect width="3" height="6" fill="#555"/></pattern>"##
    );
    s.push_str("</defs>");
    // Key.
    let _ = write!(
        s,
        r##"<g class="key" font-size="11" fill="#444"><rect x="0" y="6" width="14" height="11" fill="#555"/><text x="19" y="15">quotes</text><rect x="72" y="9" width="14" height="6" fill="#999"/><text x="91" y="15">words quoted</text><rect x="190" y="6" width="14" height="11" fill="url(#d{di}-h-key)"/><text x="209" y="15">unnamed person or group</text></g>"##
    );
    let _ = write!(
        s,
        r##"<line x1="{bar_x}" y1="{y1}" x2="{bar_x}" y2="{y2}" stroke="#bbb"/>"##,
        y1 = top - 6.0,
        y2 = h - 4.0
    );
    for (i, r) in shown.iter().enumerate() {
        let look = &looks[&r.speaker_id];
        let y = top + row_h * i as f64;
        let hatched = matches!(r.speaker_type, Some("unnamed") | Some("group"));
        let fill = if hatched {
            format!("url(#d{di}-h-{})", escape(&r.speaker_id))
        } else {
            look.colour.to_string()
        };
        let name = r.speaker.as_deref().unwrap_or(&r.speaker_id);
        let qw = (r.quotes as f64 / max_q * bar_w).max(2.0);
        let ww = (r.words_quoted as f64 / max_w * bar_w).max(if r.words_quoted > 0 { 2.0 } else { 0.0 });
        let _ = write!(
            s,
            r#"<g class="bar" data-sid="{sid}"><title>{title}</title>"#,
            sid = escape(&r.speaker_id),
            title = escape(&format!(
                "{name} ({}): {} quote{}, {} words quoted",
                type_label(r.speaker_type),
                r.quotes,
                if r.quotes == 1 { "" } else { "s" },
                r.words_quoted
            ))
        );
        // Badge: filled for named sources, outlined for unnamed ones.
        let (bfill, btext, dash) = match r.speaker_type {
            Some("unnamed") => ("#fff", look.colour, r#" stroke-dasharray="3 2""#),
            Some("group") => ("#fff", look.colour, r#" stroke-dasharray="1 2""#),
            _ => (look.colour, "#fff", ""),
        };
        let rx = if r.speaker_type == Some("organization") { 1 } else { 8 };
        let _ = write!(
            s,
            r#"<rect x="1" y="{by}" width="30" height="16" rx="{rx}" fill="{bfill}" stroke="{c}" stroke-width="1.5"{dash}/><text x="16" y="{ty}" font-size="10" font-weight="700" text-anchor="middle" fill="{btext}">{ini}</text>"#,
            by = y + 2.0,
            ty = y + 14.0,
            c = look.colour,
            ini = escape(&look.initials)
        );
        let _ = write!(
            s,
            r##"<text x="38" y="{y1}" font-size="12.5" fill="#222">{name}</text><text x="38" y="{y2}" font-size="10.5" fill="#666">{kind}</text>"##,
            y1 = y + 13.0,
            y2 = y + 26.0,
            name = escape(&cut(name, 24)),
            kind = type_label(r.speaker_type)
        );
        let _ = write!(
            s,
            r##"<rect x="{bar_x}" y="{y1}" width="{qw:.1}" height="13" fill="{fill}" stroke="{c}" stroke-width="1"/><text x="{tx:.1}" y="{ty1}" font-size="11.5" font-weight="700" fill="#222">{q}</text><rect x="{bar_x}" y="{y2}" width="{ww:.1}" height="7" fill="{c}" opacity="0.55"/><text x="{tx2:.1}" y="{ty2}" font-size="10" fill="#555">{words} w</text></g>"##,
            y1 = y + 2.0,
            ty1 = y + 13.0,
            tx = bar_x + qw + 5.0,
            c = look.colour,
            q = r.quotes,
            y2 = y + 18.0,
            ty2 = y + 25.0,
            tx2 = bar_x + ww + 5.0,
            words = r.words_quoted
        );
    }
    s.push_str("</svg>");
    if rows.len() > shown.len() {
        let _ = write!(
            s,
            r#"<p class="note">The chart shows the {} most quoted of {} sources.</p>"#,
            shown.len(),
            rows.len()
        );
    }
    s
}
