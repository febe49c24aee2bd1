//! Small pieces of text every part of the page writes: escaped text and
//! attributes, percentages, speaker-type labels, cut labels.

use std::fmt::Write as _;

/// Escapes text for HTML content and (quoted) attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

pub(super) fn attr(out: &mut String, name: &str, value: Option<&str>) {
    if let Some(v) = value {
        let _ = write!(out, r#" {name}="{}""#, escape(v));
    }
}

pub(super) fn pct(x: Option<f64>) -> String {
    x.map_or("—".into(), |x| format!("{:.0}%", x * 100.0))
}

pub(super) fn type_label(t: Option<&str>) -> &'static str {
    match t {
        Some("person") => "named person",
        Some("unnamed") => "unnamed person",
        Some("organization") => "organization",
        Some("group") => "group",
        _ => "unknown",
    }
}

/// Cuts a label to `n` characters (with …).
pub(super) fn cut(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        s.chars().take(n - 1).collect::<String>() + "…"
    }
}
