//! The article text as `<p>` paragraphs with spans (quotation parts,
//! speaker mentions, cues) wrapped in elements that always nest: a span
//! crossing another or a paragraph break is closed and re-opened.

use std::collections::BTreeSet;

/// A range of the text to wrap in an element.
#[derive(Clone, Debug)]
pub(super) struct Span {
    pub(super) start: usize,
    pub(super) end: usize,
    /// Among spans with the same range, lower is outer.
    pub(super) order: u8,
    /// The first opening tag (and what follows it, e.g. a badge).
    pub(super) open: String,
    /// The opening tag when the element is split and continues.
    pub(super) reopen: String,
    pub(super) close: &'static str,
}

/// Paragraphs: maximal runs of non-blank lines, as byte ranges from the
/// first to the last non-space character.
pub(super) fn paragraphs(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut cur: Option<(usize, usize)> = None;
    let mut pos = 0;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim();
        if trimmed.is_empty() {
            if let Some(p) = cur.take() {
                out.push(p);
            }
        } else {
            let lead = line.len() - line.trim_start().len();
            let end = pos + lead + trimmed.len();
            cur = Some(match cur {
                None => (pos + lead, end),
                Some((s, _)) => (s, end),
            });
        }
        pos += line.len();
    }
    out.extend(cur);
    if out.is_empty() {
        out.push((0, 0));
    }
    out
}

/// A heading-like leading paragraph: one short line without final
/// punctuation (a headline, a standfirst).
fn is_heading(p: &str) -> bool {
    !p.contains('\n') && p.chars().count() <= 160 && !p.ends_with(['.', '!', '?', ':', '"', '”', '’', '»', ')'])
}

fn push_text(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '\n' => out.push_str("<br>\n"),
            '\r' => {}
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
}

/// The text as `<p>` paragraphs with the spans wrapped in their elements.
/// Each span is opened once with `open` (a zero-length one too), and
/// re-opened with `reopen` after a crossing span or a paragraph break.
pub(super) fn markup(text: &str, mut spans: Vec<Span>) -> String {
    let paras = paragraphs(text);
    // Spans start and end inside paragraphs: a start in a gap moves to the
    // next paragraph, an end to the previous one.
    let floor = |mut p: usize| {
        p = p.min(text.len());
        while !text.is_char_boundary(p) {
            p -= 1;
        }
        p
    };
    let clamp_start = |p: usize| {
        let i = paras.partition_point(|q| q.1 <= p);
        paras.get(i).map_or(paras[paras.len() - 1].1, |q| p.max(q.0))
    };
    let clamp_end = |p: usize| {
        let i = paras.partition_point(|q| q.0 < p);
        if i == 0 {
            paras[0].0
        } else {
            p.min(paras[i - 1].1)
        }
    };
    for s in &mut spans {
        let (a, b) = (floor(s.start), floor(s.end.max(s.start)));
        s.start = clamp_start(a);
        s.end = clamp_end(b).max(s.start);
    }
    spans.sort_by(|a, b| {
        a.start
            .cmp(&b.start)
            .then(b.end.cmp(&a.end))
            .then(a.order.cmp(&b.order))
    });
    let mut points: BTreeSet<usize> = spans.iter().flat_map(|s| [s.start, s.end]).collect();
    points.extend(paras.iter().flat_map(|p| [p.0, p.1]));

    let mut out = String::with_capacity(text.len() * 2);
    let mut stack: Vec<usize> = Vec::new();
    let mut carry: Vec<usize> = Vec::new();
    let mut next = 0;
    let mut heading = true;
    for (pi, &(ps, pe)) in paras.iter().enumerate() {
        heading = heading && pi < 3 && pi + 1 < paras.len() && is_heading(&text[ps..pe]);
        out.push_str(match (heading, pi) {
            (true, 0) => r#"<p class="headline">"#,
            (true, _) => r#"<p class="standfirst">"#,
            _ => "<p>",
        });
        for s in carry.drain(..) {
            if spans[s].end > ps {
                out.push_str(&spans[s].reopen);
                stack.push(s);
            }
        }
        let pts: Vec<usize> = points.range(ps..=pe).copied().collect();
        for (k, &p) in pts.iter().enumerate() {
            // Close what ends here; what was opened inside it and goes on
            // is closed too and re-opened.
            if let Some(first) = stack.iter().position(|&s| spans[s].end == p) {
                let popped: Vec<usize> = stack.drain(first..).collect();
                for &s in popped.iter().rev() {
                    out.push_str(spans[s].close);
                }
                let mut goes_on: Vec<usize> = popped.into_iter().filter(|&s| spans[s].end != p).collect();
                goes_on.sort_by(|&a, &b| {
                    spans[b]
                        .end
                        .cmp(&spans[a].end)
                        .then(spans[a].order.cmp(&spans[b].order))
                });
                for s in goes_on {
                    out.push_str(&spans[s].reopen);
                    stack.push(s);
                }
            }
            while next < spans.len() && spans[next].start == p {
                out.push_str(&spans[next].open);
                if spans[next].end == p {
                    out.push_str(spans[next].close);
                } else {
                    stack.push(next);
                }
                next += 1;
            }
            if let Some(&np) = pts.get(k + 1) {
                push_text(&mut out, &text[p..np]);
            }
        }
        for &s in stack.iter().rev() {
            out.push_str(spans[s].close);
        }
        carry.append(&mut stack);
        out.push_str("</p>\n");
    }
    out
}
