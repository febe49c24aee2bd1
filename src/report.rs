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

use crate::record::Record;
use crate::sources::{self, SourceRow};
use crate::Document;
use std::collections::{BTreeSet, HashMap};
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

/// Speaker colours: dark enough for white initials (contrast ≥ 4.5:1),
/// distinct for the most quoted sources; they repeat after twelve.
const PALETTE: &[&str] = &[
    "#1f5fa8", "#b6400c", "#257a3e", "#a3245a", "#5e3fae", "#0b6e6b", "#8a6400", "#b02a2a", "#46586b", "#7d4a1f",
    "#2d6d8f", "#7a2f87",
];
const GREY: &str = "#6b6b6b";

/// How one speaker is drawn.
#[derive(Clone, Debug)]
struct Look {
    colour: &'static str,
    /// Background of direct quotations and of reported speech.
    tint: String,
    light: String,
    initials: String,
    stype: &'static str,
}

impl Look {
    fn new(colour: &'static str, initials: String, stype: &'static str) -> Look {
        Look {
            colour,
            tint: mix_white(colour, 0.26),
            light: mix_white(colour, 0.13),
            initials,
            stype,
        }
    }
    fn unattributed() -> Look {
        Look::new(GREY, "?".into(), "none")
    }
    fn style(&self) -> String {
        format!("--c:{};--t:{};--u:{}", self.colour, self.tint, self.light)
    }
    fn badge(&self, title: &str) -> String {
        format!(
            r#"<span class="badge" data-type="{}" style="--c:{}" title="{}" aria-hidden="true">{}</span>"#,
            self.stype,
            self.colour,
            escape(title),
            escape(&self.initials)
        )
    }
}

/// `#rrggbb` mixed with white: `alpha` of the colour.
fn mix_white(hex: &str, alpha: f64) -> String {
    let ch = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).unwrap_or(0) as f64;
    let m = |c: f64| (c * alpha + 255.0 * (1.0 - alpha)).round() as u8;
    format!("#{:02x}{:02x}{:02x}", m(ch(1)), m(ch(3)), m(ch(5)))
}

/// Words of a name that initials are made of.
fn name_words(name: &str) -> Vec<&str> {
    const STOP: &[&str] = &[
        "the", "a", "an", "one", "some", "many", "several", "of", "in", "at", "for", "to", "and", "on", "from", "with",
        "by",
    ];
    name.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && !STOP.contains(&w.to_lowercase().as_str()))
        .collect()
}

/// Initials for a badge: "Marc Champion" → MC, "critics" → Cr,
/// "the U.S. administration" → UA; for an unnamed person or a group, the
/// head noun's first letters: "An Iranian journalist in London" → Jo.
pub fn initials(name: &str, stype: Option<&str>) -> String {
    if matches!(stype, Some("unnamed") | Some("group")) {
        const AFTER_HEAD: &[&str] = &[
            "in", "of", "at", "from", "for", "with", "on", "who", "which", "that", "whose", "to", "by",
        ];
        let ws: Vec<&str> = name.split_whitespace().collect();
        let cut = ws
            .iter()
            .skip(1)
            .position(|w| AFTER_HEAD.contains(&w.to_lowercase().as_str()))
            .map_or(ws.len(), |i| i + 1);
        if let Some(head) = ws[..cut].last() {
            return initials(head, None);
        }
    }
    let words = name_words(name);
    let upper = |w: &str| {
        w.chars()
            .next()
            .map(|c| c.to_uppercase().collect::<String>())
            .unwrap_or_default()
    };
    match words.as_slice() {
        [] => "?".into(),
        [w] => {
            let mut cs = w.chars();
            let first: String = cs.next().map(|c| c.to_uppercase().collect()).unwrap_or_default();
            let second: String = cs.next().map(|c| c.to_lowercase().collect()).unwrap_or_default();
            first + &second
        }
        [first, .., last] => upper(first) + &upper(last),
    }
}

/// Looks of the sources (in table order: the most quoted get the first
/// colours), initials made unique within the document.
fn looks(rows: &[SourceRow]) -> HashMap<String, Look> {
    let mut used: HashMap<String, usize> = HashMap::new();
    let mut out = HashMap::new();
    for (rank, r) in rows.iter().enumerate() {
        let base = initials(r.speaker.as_deref().unwrap_or(&r.speaker_id), r.speaker_type);
        let n = used.entry(base.clone()).or_insert(0);
        *n += 1;
        let ini = if *n == 1 { base } else { format!("{base}{n}") };
        let stype = r.speaker_type.unwrap_or("unknown");
        out.insert(
            r.speaker_id.clone(),
            Look::new(PALETTE[rank % PALETTE.len()], ini, stype),
        );
    }
    out
}

/// A range of the text to wrap in an element.
#[derive(Clone, Debug)]
struct Span {
    start: usize,
    end: usize,
    /// Among spans with the same range, lower is outer.
    order: u8,
    /// The first opening tag (and what follows it, e.g. a badge).
    open: String,
    /// The opening tag when the element is split and continues.
    reopen: String,
    close: &'static str,
}

/// Paragraphs: maximal runs of non-blank lines, as byte ranges from the
/// first to the last non-space character.
fn paragraphs(text: &str) -> Vec<(usize, usize)> {
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
fn markup(text: &str, mut spans: Vec<Span>) -> String {
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

/// The record's pieces as byte ranges (one unless it has `parts`).
fn record_parts(r: &Record) -> Vec<(usize, usize)> {
    match &r.parts {
        Some(p) if !p.is_empty() => p.iter().map(|p| (p.byte_start, p.byte_end)).collect(),
        _ => vec![(r.byte_start, r.byte_end)],
    }
}

/// The number of `<mark class="quote">` elements the report has for these
/// records: one per part.
pub fn mark_count(records: &[Record]) -> usize {
    records.iter().map(|r| record_parts(r).len()).sum()
}

fn attr(out: &mut String, name: &str, value: Option<&str>) {
    if let Some(v) = value {
        let _ = write!(out, r#" {name}="{}""#, escape(v));
    }
}

/// The spans of a document's records: the quotation parts, the speaker
/// mentions and the cues.
fn spans_of(di: usize, text: &str, records: &[Record], looks: &HashMap<String, Look>) -> Vec<Span> {
    let char_byte: Vec<usize> = text.char_indices().map(|(b, _)| b).chain([text.len()]).collect();
    let byte = |c: usize| char_byte.get(c).copied().unwrap_or(text.len());
    let grey = Look::unattributed();
    let mut spans = Vec::new();
    let mut seen: BTreeSet<(usize, usize, u8)> = BTreeSet::new();
    for r in records {
        let look = r.speaker_id.as_ref().and_then(|id| looks.get(id)).unwrap_or(&grey);
        let who = match (&r.speaker, &r.speaker_id) {
            (Some(s), Some(id)) => format!("{s} ({id})"),
            (Some(s), None) => s.clone(),
            _ => "unattributed".into(),
        };
        let confidence = format!("{:.2}", r.confidence);
        let cue = r.cue.as_ref().map(|c| match &r.cue_lemma {
            Some(l) if l != c => format!("{c} ({l})"),
            _ => c.clone(),
        });
        let mut tip = format!("Speaker: {who}\nType: {}", r.speaker_type.unwrap_or("—"));
        for (k, v) in [
            ("Descriptor", r.speaker_descriptor.as_deref()),
            ("Mention", r.speaker_mention.as_deref()),
            ("Cue", cue.as_deref()),
        ] {
            if let Some(v) = v {
                let _ = write!(tip, "\n{k}: {v}");
            }
        }
        let _ = write!(
            tip,
            "\nKind: {}\nRule: {}\nConfidence: {confidence}",
            r.kind.as_str(),
            r.rule
        );
        for (pi, (a, b)) in record_parts(r).into_iter().enumerate() {
            let mut open = format!(r#"<mark class="quote" data-index="{}""#, r.index);
            attr(&mut open, "data-speaker", Some(r.speaker.as_deref().unwrap_or("")));
            if pi == 0 {
                let _ = write!(open, r#" id="d{di}-q{}""#, r.index);
            }
            let _ = write!(open, r#" data-part="{pi}""#);
            attr(&mut open, "data-sid", r.speaker_id.as_deref());
            attr(&mut open, "data-type", Some(r.speaker_type.unwrap_or("none")));
            attr(&mut open, "data-descriptor", r.speaker_descriptor.as_deref());
            attr(&mut open, "data-mention", r.speaker_mention.as_deref());
            attr(&mut open, "data-cue", cue.as_deref());
            attr(&mut open, "data-kind", Some(r.kind.as_str()));
            attr(&mut open, "data-rule", Some(r.rule));
            attr(&mut open, "data-confidence", Some(&confidence));
            let _ = write!(
                open,
                r#" data-tip="{}" tabindex="0" style="{}">"#,
                escape(&tip).replace('\n', "&#10;"),
                look.style()
            );
            if pi == 0 {
                open.push_str(&look.badge(&who));
            }
            let mut reopen = format!(r#"<mark class="qcont" data-index="{}""#, r.index);
            attr(&mut reopen, "data-sid", r.speaker_id.as_deref());
            attr(&mut reopen, "data-type", Some(r.speaker_type.unwrap_or("none")));
            attr(&mut reopen, "data-kind", Some(r.kind.as_str()));
            let _ = write!(reopen, r#" style="{}">"#, look.style());
            spans.push(Span {
                start: a,
                end: b,
                order: 0,
                open,
                reopen,
                close: "</mark>",
            });
        }
        if let (Some(a), Some(b)) = (r.speaker_start, r.speaker_end) {
            let (a, b) = (byte(a), byte(b));
            if a < b && seen.insert((a, b, 1)) {
                let mut open = String::from(r#"<span class="who""#);
                attr(&mut open, "data-sid", r.speaker_id.as_deref());
                let _ = write!(
                    open,
                    r#" style="--c:{}" title="speaker: {}">"#,
                    look.colour,
                    escape(&who)
                );
                spans.push(Span {
                    start: a,
                    end: b,
                    order: 1,
                    reopen: open.clone(),
                    open,
                    close: "</span>",
                });
            }
        }
        if let (Some(a), Some(b)) = (r.cue_start, r.cue_end) {
            let (a, b) = (byte(a), byte(b));
            if a < b && seen.insert((a, b, 2)) {
                let open = format!(
                    r#"<span class="cue" title="cue: {}">"#,
                    escape(cue.as_deref().unwrap_or(""))
                );
                spans.push(Span {
                    start: a,
                    end: b,
                    order: 2,
                    reopen: open.clone(),
                    open,
                    close: "</span>",
                });
            }
        }
    }
    spans
}

fn pct(x: Option<f64>) -> String {
    x.map_or("—".into(), |x| format!("{:.0}%", x * 100.0))
}

fn type_label(t: Option<&str>) -> &'static str {
    match t {
        Some("person") => "named person",
        Some("unnamed") => "unnamed person",
        Some("organization") => "organization",
        Some("group") => "group",
        _ => "unknown",
    }
}

/// Cuts a label to `n` characters (with …).
fn cut(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        s.chars().take(n - 1).collect::<String>() + "…"
    }
}

const CHART_MAX_ROWS: usize = 25;

/// Horizontal bars of quotes and words quoted per source. Unnamed people
/// and groups are hatched and labelled; named sources are solid.
fn chart(di: usize, rows: &[SourceRow], looks: &HashMap<String, Look>) -> String {
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

/// The sources table (the same rows as `whosaid sources`), which is also
/// the colour legend.
fn table(di: usize, records: &[Record], rows: &[SourceRow], looks: &HashMap<String, Look>) -> String {
    let unattributed: Vec<&Record> = records.iter().filter(|r| r.speaker_id.is_none()).collect();
    let mut s = String::from(
        r#"<table class="sources"><caption>Sources, most quoted first</caption><thead><tr><th scope="col">Source</th><th scope="col" class="n" title="quotations and claims">Quotes</th><th scope="col" class="n" title="direct · mixed · indirect">Dir · mix · ind</th><th scope="col" class="n">Words</th></tr></thead><tbody>"#,
    );
    for r in rows {
        let look = &looks[&r.speaker_id];
        let name = r.speaker.as_deref().unwrap_or(&r.speaker_id);
        let first = records
            .iter()
            .find(|x| x.speaker_id.as_deref() == Some(r.speaker_id.as_str()))
            .map_or(0, |x| x.index);
        let _ = write!(
            s,
            r##"<tr data-sid="{sid}"><td class="src">{badge}<a class="jump" href="#d{di}-q{first}" title="go to the first quote">{name}</a>"##,
            sid = escape(&r.speaker_id),
            badge = look.badge(name),
            name = escape(name)
        );
        let mut sub = vec![type_label(r.speaker_type).to_string()];
        if let Some(d) = &r.speaker_descriptor {
            sub.push(escape(d));
        }
        if let Some(g) = r.speaker_gender {
            sub.push(g.to_string());
        }
        sub.push(escape(&r.speaker_id));
        let _ = write!(
            s,
            r#"<div class="desc">{}</div></td><td class="n q">{}</td><td class="n">{} · {} · {}</td><td class="n">{}</td></tr>"#,
            sub.join(" · "),
            r.quotes,
            r.direct,
            r.mixed,
            r.indirect,
            r.words_quoted
        );
    }
    if !unattributed.is_empty() {
        let count = |k: crate::Kind| unattributed.iter().filter(|r| r.kind == k).count();
        let words: usize = unattributed.iter().map(|r| sources::words(&r.quote)).sum();
        let _ = write!(
            s,
            r##"<tr class="unattributed"><td class="src">{badge}<a class="jump" href="#d{di}-q{first}">Unattributed</a><div class="desc">no speaker found</div></td><td class="n q">{n}</td><td class="n">{d} · {m} · {i}</td><td class="n">{words}</td></tr>"##,
            badge = Look::unattributed().badge("unattributed"),
            first = unattributed[0].index,
            n = unattributed.len(),
            d = count(crate::Kind::Direct),
            m = count(crate::Kind::Mixed),
            i = count(crate::Kind::Indirect),
        );
    }
    s.push_str("</tbody></table>");
    s
}

/// One document's section.
fn section(di: usize, doc: &Document, records: &[Record]) -> String {
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
    s.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    let _ = writeln!(
        s,
        "<meta name=\"generator\" content=\"whosaid {}\">",
        env!("CARGO_PKG_VERSION")
    );
    let _ = writeln!(s, "<title>{}</title>", escape(&title));
    s.push_str("<style>\n");
    s.push_str(CSS);
    s.push_str("</style>\n</head>\n<body>\n<header class=\"top\">\n");
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

const CSS: &str = r##"
:root { --ink: #1c1c1e; --muted: #5f6368; --line: #dcdad5; --paper: #ffffff; --bg: #f4f2ee; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; background: var(--bg); color: var(--ink); font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
header.top { background: var(--paper); border-bottom: 1px solid var(--line); padding: 18px 32px 14px; }
header.top h1 { margin: 0 0 2px; font-size: 21px; font-weight: 700; letter-spacing: -0.01em; overflow-wrap: anywhere; }
.meta { color: var(--muted); font-size: 13px; margin: 0 0 10px; }
.key { display: flex; flex-wrap: wrap; gap: 6px 18px; font-size: 13px; color: #333; align-items: center; }
.key .k { white-space: nowrap; }
.key .hint { color: var(--muted); white-space: normal; }
.key .sample { padding: 0 3px; border-bottom: 2px solid var(--c); background: var(--u); }
.key .sample.direct { background: var(--t); }
nav.toc { background: var(--paper); margin: 18px max(24px, calc((100% - 1400px) / 2)) 0; padding: 12px 32px; border: 1px solid var(--line); border-radius: 8px; }
nav.toc h2 { font-size: 15px; margin: 0 0 4px; }
nav.toc ol { margin: 0; padding-left: 22px; columns: 2 320px; }
nav.toc .meta { margin-left: 6px; }
main { padding: 0 24px 40px; }
section.doc { max-width: 1400px; margin: 22px auto 0; }
section.doc > h2 { font-size: 17px; margin: 0 0 6px; overflow-wrap: anywhere; }
ul.stats { list-style: none; display: flex; flex-wrap: wrap; gap: 6px; margin: 0 0 14px; padding: 0; font-size: 13px; }
ul.stats li { background: var(--paper); border: 1px solid var(--line); border-radius: 999px; padding: 2px 10px; color: #333; }
.cols { display: grid; grid-template-columns: minmax(0, 1fr) 500px; gap: 24px; align-items: start; }
article.text { background: var(--paper); border: 1px solid var(--line); border-radius: 8px; padding: 28px 40px; font-family: Georgia, "Times New Roman", "Liberation Serif", serif; font-size: 17px; line-height: 1.75; max-width: 50em; overflow-wrap: break-word; }
article.text p { margin: 0 0 1em; }
article.text p.headline { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; font-size: 26px; line-height: 1.25; font-weight: 700; margin-bottom: 0.4em; }
article.text p.standfirst { font-size: 19px; line-height: 1.4; color: #444; font-style: italic; }
aside.side { position: sticky; top: 12px; max-height: calc(100vh - 24px); overflow: auto; background: var(--paper); border: 1px solid var(--line); border-radius: 8px; padding: 14px 10px 10px; }
svg.chart { display: block; width: 100%; max-width: 520px; height: auto; font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; }
svg.chart g.bar.on rect, svg.chart g.bar:hover rect { stroke-width: 2.5; }
.note { color: var(--muted); font-size: 13px; }
.err { color: #a11; font-weight: 600; }
mark.quote, mark.qcont { color: inherit; background: var(--u); border-bottom: 2px solid var(--c); padding: 1px 1px 0; border-radius: 2px; -webkit-box-decoration-break: clone; box-decoration-break: clone; cursor: help; }
mark[data-kind="direct"] { background: var(--t); }
mark[data-type="organization"] { border-bottom: 3px double var(--c); }
mark[data-type="unnamed"] { border-bottom-style: dashed; }
mark[data-type="group"] { border-bottom-style: dotted; border-bottom-width: 3px; }
mark[data-type="none"] { border-bottom: 2px dashed #888; background: repeating-linear-gradient(135deg, #ececec 0 4px, #f8f8f8 4px 8px); }
mark.quote:focus { outline: 3px solid var(--c); outline-offset: 1px; }
mark.on { background: var(--c) !important; color: #fff; }
mark.on .who, mark.on .cue { text-decoration-color: #fff; }
article.dim mark:not(.on) { opacity: 0.35; }
.badge { display: inline-block; min-width: 1.9em; padding: 0 4px; margin: 0 3px 0 0; border: 1.5px solid var(--c); border-radius: 999px; background: var(--c); color: #fff; font: 700 10.5px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; text-align: center; vertical-align: 2px; letter-spacing: 0.02em; }
.badge[data-type="organization"] { border-radius: 2px; }
.badge[data-type="unnamed"] { background: #fff; color: var(--c); border-style: dashed; }
.badge[data-type="group"] { background: #fff; color: var(--c); border-style: dotted; border-width: 2px; }
.badge[data-type="none"] { background: #fff; color: #555; border: 1.5px dashed #888; }
mark.on .badge { box-shadow: 0 0 0 1.5px #fff; }
.who { text-decoration: underline solid var(--c) 2px; text-underline-offset: 4px; text-decoration-skip-ink: none; font-weight: 600; }
.cue { text-decoration: underline dotted #333 2px; text-underline-offset: 4px; text-decoration-skip-ink: none; font-style: italic; }
table.sources { width: 100%; border-collapse: collapse; font-size: 13px; margin-top: 10px; }
table.sources caption { text-align: left; font-weight: 700; font-size: 14px; padding: 4px 4px 6px; }
table.sources th { text-align: left; font-weight: 600; color: var(--muted); border-bottom: 2px solid var(--line); padding: 4px; font-size: 12px; }
table.sources td { border-bottom: 1px solid #eeece8; padding: 5px 4px; vertical-align: top; }
table.sources .n { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
table.sources td.q { font-weight: 700; font-size: 14px; }
table.sources td.src a { color: inherit; text-decoration: none; font-weight: 600; }
table.sources td.src a:hover, table.sources td.src a:focus { text-decoration: underline; }
table.sources .desc { color: var(--muted); font-size: 11.5px; margin-left: 2.6em; }
table.sources tr.on td, table.sources tr:focus td { background: #f3f1ec; }
table.sources tr:focus { outline: 2px solid #333; }
table.sources tr.unattributed td { color: #555; }
#tip { position: absolute; z-index: 20; max-width: 340px; background: #1f1f22; color: #fff; border-radius: 6px; padding: 8px 10px; font: 12.5px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; box-shadow: 0 4px 18px rgba(0,0,0,.25); pointer-events: none; }
#tip dl { display: grid; grid-template-columns: auto 1fr; gap: 1px 10px; margin: 0; }
#tip dt { color: #b9b9c0; }
#tip dd { margin: 0; overflow-wrap: anywhere; }
#tip[hidden] { display: none; }
html:not(.js) mark.quote { position: relative; }
html:not(.js) mark.quote:hover::after, html:not(.js) mark.quote:focus::after { content: attr(data-tip); white-space: pre-line; position: absolute; left: 0; top: 100%; z-index: 20; width: 300px; background: #1f1f22; color: #fff; border-radius: 6px; padding: 8px 10px; font: 12.5px/1.4 system-ui, sans-serif; font-style: normal; font-weight: 400; }
@media (max-width: 1100px) {
  .cols { grid-template-columns: minmax(0, 1fr); }
  aside.side { position: static; max-height: none; }
  article.text { max-width: none; padding: 20px; }
}
@media print {
  body { background: #fff; font-size: 10.5pt; }
  header.top { border: 0; padding: 0 0 8pt; }
  .key .hint, #tip, nav.toc .meta { display: none; }
  main { padding: 0; }
  nav.toc { border: 0; padding: 0; }
  section.doc { margin: 0; max-width: none; }
  section.doc + section.doc { break-before: page; }
  .cols { display: block; }
  article.text { border: 0; padding: 0; max-width: none; font-size: 11pt; line-height: 1.6; }
  aside.side { position: static; max-height: none; overflow: visible; border: 0; padding: 0; break-inside: avoid; }
  table.sources tr { break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
  mark, .badge, .key, svg.chart, ul.stats li { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  html:not(.js) mark.quote:hover::after, html:not(.js) mark.quote:focus::after { display: none; }
}
"##;

/// Tooltips and highlighting; the page reads fine without it.
const JS: &str = r##"
(function () {
  var root = document.documentElement;
  root.classList.add('js');
  var tip = document.getElementById('tip');
  var lit = [], current = null;
  function all(s, sel) { return s ? Array.prototype.slice.call(s.querySelectorAll(sel)) : []; }
  function sectionOf(el) { return el.closest('section.doc'); }
  function primary(m) {
    if (m.classList.contains('quote')) return m;
    var s = sectionOf(m);
    return (s && s.querySelector('mark.quote[data-index="' + m.getAttribute('data-index') + '"]')) || m;
  }
  function clear() {
    lit.forEach(function (el) { el.classList.remove('on'); el.classList.remove('dim'); });
    lit = [];
  }
  function light(els) { els.forEach(function (el) { el.classList.add('on'); lit.push(el); }); }
  function hide() {
    if (current) current.removeAttribute('aria-describedby');
    current = null;
    tip.hidden = true;
    clear();
  }
  function open(m) {
    var p = primary(m), d = p.dataset, s = sectionOf(p);
    tip.textContent = '';
    var dl = document.createElement('dl');
    function row(k, v) {
      if (!v) return;
      var dt = document.createElement('dt'); dt.textContent = k;
      var dd = document.createElement('dd'); dd.textContent = v;
      dl.appendChild(dt); dl.appendChild(dd);
    }
    row('Speaker', d.speaker ? d.speaker + (d.sid ? ' (' + d.sid + ')' : '') : 'unattributed');
    row('Type', d.type === 'none' ? '' : d.type);
    row('Descriptor', d.descriptor);
    row('Mention', d.mention);
    row('Cue', d.cue);
    row('Kind', d.kind);
    row('Rule', d.rule);
    row('Confidence', d.confidence);
    row('Record', '#' + d.index);
    tip.appendChild(dl);
    tip.hidden = false;
    clear();
    light(all(s, 'mark[data-index="' + d.index + '"]'));
    if (d.sid) light(all(s, 'tr[data-sid="' + d.sid + '"], g.bar[data-sid="' + d.sid + '"]'));
    if (current) current.removeAttribute('aria-describedby');
    current = m;
    m.setAttribute('aria-describedby', 'tip');
  }
  function place(m, x, y) {
    var r = m.getClientRects()[0] || m.getBoundingClientRect();
    var vw = root.clientWidth, vh = window.innerHeight;
    var left = x === undefined ? r.left : x + 14;
    var top = y === undefined ? r.bottom + 6 : y + 18;
    if (left + tip.offsetWidth > vw - 8) left = vw - 8 - tip.offsetWidth;
    if (top + tip.offsetHeight > vh - 8) top = (y === undefined ? r.top : y) - tip.offsetHeight - 8;
    tip.style.left = Math.max(8, left) + window.scrollX + 'px';
    tip.style.top = Math.max(8, top) + window.scrollY + 'px';
  }
  function markOf(t) { return t && t.closest ? t.closest('mark.quote, mark.qcont') : null; }
  function sourceOf(t) { return t && t.closest ? t.closest('tr[data-sid], g.bar[data-sid]') : null; }
  function showSource(el) {
    var s = sectionOf(el), sid = el.getAttribute('data-sid');
    clear();
    light(all(s, 'mark[data-sid="' + sid + '"], tr[data-sid="' + sid + '"], g.bar[data-sid="' + sid + '"]'));
    var a = s && s.querySelector('article.text');
    if (a) { a.classList.add('dim'); lit.push(a); }
  }
  document.addEventListener('mousemove', function (e) {
    var m = markOf(e.target);
    if (m) {
      if (m !== current) open(m);
      place(m, e.clientX, e.clientY);
      return;
    }
    if (current) hide();
    var src = sourceOf(e.target);
    if (src) showSource(src); else if (lit.length) clear();
  });
  document.addEventListener('focusin', function (e) {
    var m = markOf(e.target);
    if (m) { open(m); place(m); return; }
    hide();
    var src = sourceOf(e.target);
    if (src) showSource(src);
  });
  document.addEventListener('focusout', hide);
  document.addEventListener('keydown', function (e) { if (e.key === 'Escape') hide(); });
  document.addEventListener('click', function (e) {
    var a = e.target.closest && e.target.closest('a.jump');
    var t = a && document.getElementById(a.getAttribute('href').slice(1));
    if (t) { e.preventDefault(); t.scrollIntoView({ block: 'center' }); t.focus({ preventScroll: true }); }
  });
})();
"##;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::PartOffsets;
    use crate::sources::tests::rec;
    use crate::Kind;

    /// Checks that the elements nest properly; returns the text content
    /// (tags and badges removed, entities decoded), only the text inside an
    /// element with `data-index="N"` when `index` is given.
    fn text_in(html: &str, index: Option<usize>) -> String {
        let want = index.map(|i| format!(r#"data-index="{i}""#));
        let mut stack: Vec<(String, bool, bool)> = Vec::new(); // name, badge, wanted
        let mut text = String::new();
        let mut rest = html;
        let keep = |stack: &[(String, bool, bool)]| {
            !stack.iter().any(|e| e.1) && (want.is_none() || stack.iter().any(|e| e.2))
        };
        while let Some(i) = rest.find('<') {
            if keep(&stack) {
                // The page's own line breaks; the text's are <br>.
                text.push_str(&rest[..i].replace('\n', ""));
            }
            let j = rest[i..].find('>').expect("unclosed tag") + i;
            let tag = &rest[i + 1..j];
            rest = &rest[j + 1..];
            if let Some(name) = tag.strip_prefix('/') {
                let open = stack.pop().unwrap_or_else(|| panic!("</{name}> closes nothing"));
                assert_eq!(open.0, name, "</{name}> closes <{}>", open.0);
            } else {
                let name = tag.split_whitespace().next().unwrap().to_string();
                if name == "br" {
                    if keep(&stack) {
                        text.push('\n');
                    }
                    continue;
                }
                let wanted = want.as_ref().is_some_and(|w| tag.contains(w.as_str()));
                stack.push((name, tag.contains(r#"class="badge""#), wanted));
            }
        }
        text.push_str(&rest.replace('\n', ""));
        assert!(stack.is_empty(), "left open: {stack:?}");
        text.replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&#39;", "'")
            .replace("&amp;", "&")
    }

    fn check_well_formed(html: &str) -> String {
        text_in(html, None)
    }

    fn count(html: &str, what: &str) -> usize {
        html.matches(what).count()
    }

    fn doc(text: &str, recs: Vec<Record>) -> Vec<(Document, Vec<Record>)> {
        vec![(Document::new("t.txt", text), recs)]
    }

    fn at(mut r: Record, text: &str, a: usize, b: usize) -> Record {
        r.byte_start = a;
        r.byte_end = b;
        r.start = text[..a].chars().count();
        r.end = text[..b].chars().count();
        r.quote = text[a..b].to_string();
        r
    }

    fn article(html: &str) -> &str {
        let a = html.find(r#"<article class="text">"#).unwrap();
        let b = html[a..].find("</article>").unwrap() + a;
        &html[a..b + "</article>".len()]
    }

    #[test]
    fn escapes_everything() {
        assert_eq!(escape(r#"<a href="x">&'"#), "&lt;a href=&quot;x&quot;&gt;&amp;&#39;");
    }

    #[test]
    fn article_text_is_escaped_and_runs_nothing() {
        let text = "Headline <script>alert(1)</script>\n\n\"><img src=x onerror=alert(1)> said the man.\n\n“<b>bold</b>,” she said.";
        let q = text.find("<b>").unwrap();
        let mut r = rec(
            "<script>alert(2)</script>",
            0,
            Kind::Direct,
            "",
            2,
            Some(("S1", "\"><img src=y onerror=alert(3)>", "person")),
        );
        r.speaker_descriptor = Some("<script>alert(4)</script>".into());
        r = at(r, text, q, q + "<b>bold</b>".len());
        r.cue = Some("<i>said</i>".into());
        let html = render(&[(Document::new("<script>alert(5)</script>.txt", text), vec![r])]);
        if let Some(i) = html.find("<script>alert") {
            panic!("unescaped script: {}", &html[i.saturating_sub(200)..i + 50]);
        }
        assert!(!html.contains("<img"), "unescaped img");
        assert!(!html.contains("<b>bold"), "unescaped b");
        assert!(!html.contains("<i>said"), "unescaped cue");
        assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(html.contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"));
        assert!(html.contains("&lt;script&gt;alert(5)&lt;/script&gt;.txt"));
        assert!(html.contains("&lt;script&gt;alert(4)&lt;/script&gt;"));
        // Only the report's own script element.
        assert_eq!(count(&html, "<script"), 1);
        let text_back = check_well_formed(article(&html));
        assert!(text_back.contains("<script>alert(1)</script>"));
    }

    #[test]
    fn one_mark_per_part_and_nothing_external() {
        let text = "“One,” Ann said, “two.”\n\nBob said that rain is wet.";
        let mut a = rec("t.txt", 0, Kind::Direct, "", 0, Some(("S1", "Ann", "person")));
        a.parts = Some(vec![
            PartOffsets {
                start: 1,
                end: 5,
                byte_start: 3,
                byte_end: 7,
            },
            PartOffsets {
                start: 18,
                end: 22,
                byte_start: 24,
                byte_end: 28,
            },
        ]);
        a.byte_start = 3;
        a.byte_end = 28;
        a.speaker_start = Some(7);
        a.speaker_end = Some(10);
        a.cue_start = Some(11);
        a.cue_end = Some(15);
        a.cue = Some("said".into());
        let b0 = text.find("rain").unwrap();
        let b = at(
            rec("t.txt", 1, Kind::Indirect, "", 2, None),
            text,
            b0,
            b0 + "rain is wet".len(),
        );
        let recs = vec![a, b];
        assert_eq!(mark_count(&recs), 3);
        let html = render(&doc(text, recs));
        assert_eq!(count(&html, r#"<mark class="quote""#), 3);
        assert_eq!(count(&html, r#"<mark class="qcont""#), 0);
        assert!(!html.contains("http://") && !html.contains("https://") && !html.contains("src="));
        assert!(!html.contains("@import") && !html.contains("url(http"));
        let back = check_well_formed(article(&html));
        assert_eq!(back, "“One,” Ann said, “two.”Bob said that rain is wet.");
        // Speaker mention and cue are underlined, in the text order.
        let art = article(&html);
        assert!(art.find(r#"<span class="who""#).unwrap() < art.find(r#"<span class="cue""#).unwrap());
        assert!(
            html.contains(r##"<a class="jump" href="#d1-q0""##)
                && html.contains(r#"<mark class="quote" data-index="0" data-speaker="Ann" id="d1-q0""#)
        );
        assert!(html.contains("Unattributed"));
    }

    #[test]
    fn crossing_spans_split_into_continuations() {
        // A: "Alpha beta" (0..10), B: "beta gamma" (6..16): they cross.
        let text = "Alpha beta gamma delta";
        let a = at(
            rec("t.txt", 0, Kind::Mixed, "", 0, Some(("S1", "Ann", "person"))),
            text,
            0,
            10,
        );
        let b = at(
            rec("t.txt", 1, Kind::Direct, "", 0, Some(("S2", "Bob", "person"))),
            text,
            6,
            16,
        );
        // C nests inside B; D covers everything; E is empty.
        let c = at(rec("t.txt", 2, Kind::Direct, "", 0, None), text, 11, 16);
        let d = at(
            rec("t.txt", 3, Kind::Indirect, "", 0, Some(("S1", "Ann", "person"))),
            text,
            0,
            text.len(),
        );
        let e = at(rec("t.txt", 4, Kind::Direct, "", 0, None), text, 17, 17);
        let html = render(&doc(text, vec![a, b, c, d, e]));
        let art = article(&html);
        assert_eq!(count(art, r#"<mark class="quote""#), 5);
        assert!(count(art, r#"<mark class="qcont""#) >= 1);
        assert_eq!(check_well_formed(art), text);
        // The marks of each record together hold exactly its text.
        assert_eq!(text_in(art, Some(0)), "Alpha beta");
        assert_eq!(text_in(art, Some(1)), "beta gamma");
        assert_eq!(text_in(art, Some(2)), "gamma");
        assert_eq!(text_in(art, Some(3)), text);
        assert_eq!(text_in(art, Some(4)), "");
    }

    #[test]
    fn paragraphs_split_on_blank_lines_and_spans_cross_them() {
        let text = "First para\nsecond line.\n\n  \nNext “para\n\nruns on” here.\n";
        assert_eq!(paragraphs(text).len(), 3);
        let q0 = text.find("para\n\nruns").unwrap();
        let q1 = text.find("” here").unwrap();
        let r = at(
            rec("t.txt", 0, Kind::Direct, "", 1, Some(("S1", "Ann", "person"))),
            text,
            q0,
            q1,
        );
        // A span that starts and ends in a blank gap still gets its mark.
        let gap = text.find("\n\n  \n").unwrap() + 1;
        let g = at(rec("t.txt", 1, Kind::Direct, "", 1, None), text, gap, gap + 2);
        let html = render(&doc(text, vec![r, g]));
        let art = article(&html);
        assert_eq!(count(art, "<p"), 3);
        assert_eq!(count(art, "<br>"), 1);
        assert_eq!(count(art, r#"<mark class="quote""#), 2);
        assert_eq!(count(art, r#"<mark class="qcont""#), 1);
        assert_eq!(
            check_well_formed(art),
            "First para\nsecond line.Next “para\n\nruns on” here.".replace("\n\n", "")
        );
    }

    #[test]
    fn offsets_out_of_range_or_inside_a_character_are_clamped() {
        let text = "héllo wörld";
        let mut r = rec("t.txt", 0, Kind::Direct, "x", 0, None);
        r.byte_start = 2; // inside é
        r.byte_end = 999;
        r.speaker_start = Some(6);
        r.speaker_end = Some(500);
        let html = render(&doc(text, vec![r]));
        assert_eq!(check_well_formed(article(&html)), text);
        assert_eq!(count(&html, r#"<mark class="quote""#), 1);
    }

    #[test]
    fn empty_and_quoteless_documents() {
        let html = render(&[
            (Document::new("a", ""), vec![]),
            (Document::new("b", "No quotes here."), vec![]),
        ]);
        assert!(html.contains(r#"<nav class="toc""#));
        assert!(html.contains("(empty document)"));
        assert_eq!(count(&html, "No quotation found"), 2);
        check_well_formed(&html[html.find("<main>").unwrap()..html.find("</main>").unwrap() + 7]);
    }

    #[test]
    fn errors_get_a_section() {
        let html = render_entries(&[Entry::Error {
            doc: "x<y>.txt",
            error: "invalid UTF-8 <at> 3",
        }]);
        assert!(html.contains("Could not be read: invalid UTF-8 &lt;at&gt; 3"));
        assert!(html.contains("x&lt;y&gt;.txt"));
    }

    #[test]
    fn initials_and_colours() {
        assert_eq!(initials("Marc Champion", Some("person")), "MC");
        assert_eq!(initials("critics", Some("group")), "Cr");
        assert_eq!(initials("the U.S. administration", Some("organization")), "UA");
        assert_eq!(initials("An Iranian journalist in London", Some("unnamed")), "Jo");
        assert_eq!(initials("some analysts", Some("group")), "An");
        assert_eq!(initials("the Iranian leadership", Some("organization")), "IL");
        assert_eq!(initials("—", None), "?");
        assert_eq!(mix_white("#000000", 0.5), "#808080");
        let rows = sources::sources(&[
            rec("a", 0, Kind::Direct, "x", 0, Some(("S1", "Mary Chan", "person"))),
            rec("a", 1, Kind::Direct, "x", 0, Some(("S2", "Marc Champion", "person"))),
        ]);
        let l = looks(&rows);
        assert_eq!(l["S1"].initials, "MC");
        assert_eq!(l["S2"].initials, "MC2");
        assert_ne!(l["S1"].colour, l["S2"].colour);
    }

    #[test]
    fn chart_distinguishes_unnamed_sources_without_colour() {
        let recs = vec![
            rec("a", 0, Kind::Direct, "one two", 0, Some(("S1", "Ann Lee", "person"))),
            rec("a", 1, Kind::Direct, "three", 0, Some(("S2", "an official", "unnamed"))),
        ];
        let rows = sources::sources(&recs);
        let svg = chart(1, &rows, &looks(&rows));
        assert!(svg.contains(r#"fill="url(#d1-h-S2)""#));
        assert!(!svg.contains("url(#d1-h-S1)"));
        assert!(svg.contains(">unnamed person<") && svg.contains(">named person<"));
        assert!(!svg.contains("xmlns"));
    }

    mod prop {
        use super::*;
        use proptest::prelude::*;

        proptest! {
            #[test]
            fn any_spans_give_well_formed_html(
                text in "[ab <&\"é\n]{0,40}",
                raw in proptest::collection::vec((0usize..50, 0usize..50), 0..8),
            ) {
                let recs: Vec<Record> = raw
                    .iter()
                    .enumerate()
                    .map(|(i, &(a, b))| {
                        let mut r = rec("t.txt", i, Kind::Direct, "q", 0, Some(("S1", "Ann", "person")));
                        r.byte_start = a.min(b);
                        r.byte_end = a.max(b);
                        r.cue_start = Some(b / 2);
                        r.cue_end = Some(b);
                        r
                    })
                    .collect();
                let html = render(&doc(&text, recs));
                let art = article(&html);
                check_well_formed(art);
                prop_assert_eq!(count(art, r#"<mark class="quote""#), raw.len());
            }
        }
    }
}
