//! Where each text node of the parsed page lies in its source.
//!
//! html5ever builds the tree but keeps no source positions. So this module
//! scans the source for its text regions (the stretches between tags,
//! outside comments and attribute values, with the raw text of `<script>`,
//! `<style>` …) and aligns every text node of the tree, in document order,
//! against them: verbatim bytes are mapped, a character reference or a CR
//! is decoded here and compared, and a node that does not align (the tree
//! builder moved it, or the scan disagrees with the parser) is left
//! unmapped. A mapped piece is always a place where the source bytes equal
//! the node's bytes; the order of the walk keeps it the right place.

use html5ever::data::{C1_REPLACEMENTS, NAMED_ENTITIES};
use std::ops::Range;

/// Elements whose content is raw text up to their end tag.
const RAW_TEXT: &[&str] = &[
    "script",
    "style",
    "textarea",
    "title",
    "xmp",
    "iframe",
    "noembed",
    "noframes",
    "noscript",
    "plaintext",
];

/// How many regions past the cursor a node may start in: the tree builder
/// drops whitespace regions (before `<body>`) and moves a few nodes.
const LOOKAHEAD: usize = 16;

/// A stretch of a text node that equals the source at `src`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Piece {
    /// Byte offset in the node's text.
    pub at: usize,
    /// Byte offset in the source.
    pub src: usize,
    pub len: usize,
}

/// Aligns text nodes, in document order, with the source's text regions.
pub struct Aligner<'s> {
    src: &'s str,
    regions: Vec<Region>,
    /// The cursor: region index and byte offset in the source.
    ri: usize,
    pos: usize,
}

impl<'s> Aligner<'s> {
    pub fn new(src: &'s str) -> Self {
        let regions = text_regions(src);
        let pos = regions.first().map_or(0, |r| r.range.start);
        Aligner {
            src,
            regions,
            ri: 0,
            pos,
        }
    }

    /// The pieces of `text` (the next text node) found in the source; empty
    /// when it does not align, and the cursor then stays where it was.
    pub fn align(&mut self, text: &str) -> Vec<Piece> {
        let first = (self.ri, self.pos);
        let later =
            (self.ri + 1..self.regions.len().min(self.ri + 1 + LOOKAHEAD)).map(|r| (r, self.regions[r].range.start));
        for (ri, pos) in std::iter::once(first).chain(later) {
            if let Some((pieces, end)) = self.match_at(ri, pos, text) {
                (self.ri, self.pos) = end;
                return pieces;
            }
        }
        Vec::new()
    }

    /// Matches all of `text` from region `ri` at `pos`, across regions.
    fn match_at(&self, mut ri: usize, mut pos: usize, text: &str) -> Option<(Vec<Piece>, (usize, usize))> {
        let (t, s) = (text.as_bytes(), self.src.as_bytes());
        let mut pieces: Vec<Piece> = Vec::new();
        let mut i = 0;
        while i < t.len() {
            let region = self.regions.get(ri)?;
            let end = region.range.end;
            if pos >= end {
                // The node goes on past a tag the parser ignored.
                ri += 1;
                pos = self.regions.get(ri)?.range.start;
                continue;
            }
            let k = verbatim_prefix(&s[pos..end], &t[i..], region.raw);
            if k > 0 {
                pieces.push(Piece {
                    at: i,
                    src: pos,
                    len: k,
                });
                (i, pos) = (i + k, pos + k);
                continue;
            }
            let (used, made) = decode_one(&self.src[pos..end], region.raw);
            if !t[i..].starts_with(made.as_bytes()) {
                return None;
            }
            (i, pos) = (i + made.len(), pos + used);
        }
        Some((pieces, (ri, pos)))
    }
}

/// Length of the common prefix of `src` and `text` that is plain text in
/// the source (no character reference, CR or NUL), on a char boundary.
fn verbatim_prefix(src: &[u8], text: &[u8], raw: bool) -> usize {
    let mut k = src
        .iter()
        .zip(text)
        .take_while(|(a, b)| a == b && !matches!(a, b'\r' | 0) && (raw || **a != b'&'))
        .count();
    while k > 0 && k < src.len() && (src[k] & 0xC0) == 0x80 {
        k -= 1;
    }
    k
}

/// What the parser makes of the source at a `&`, CR or NUL (or any other
/// byte): bytes used and text produced.
fn decode_one(src: &str, raw: bool) -> (usize, String) {
    let b = src.as_bytes();
    match b[0] {
        b'\r' if b.get(1) == Some(&b'\n') => (1, String::new()),
        b'\r' => (1, "\n".into()),
        0 => (1, String::new()),
        b'&' if !raw => char_ref(src).unwrap_or((1, "&".into())),
        _ => {
            let c = src.chars().next().expect("not empty");
            (c.len_utf8(), c.to_string())
        }
    }
}

/// A character reference at the start of `src` (`&amp;`, `&#8220;`, `&#x201C;`,
/// legacy `&copy` without a semicolon).
fn char_ref(src: &str) -> Option<(usize, String)> {
    let rest = &src[1..];
    if let Some(num) = rest.strip_prefix('#') {
        let (hex, digits) = match num.strip_prefix(['x', 'X']) {
            Some(h) => (true, h),
            None => (false, num),
        };
        let n = digits
            .bytes()
            .take_while(|b| if hex { b.is_ascii_hexdigit() } else { b.is_ascii_digit() })
            .count();
        if n == 0 {
            return None;
        }
        let value = u32::from_str_radix(&digits[..n.min(8)], if hex { 16 } else { 10 }).unwrap_or(u32::MAX);
        let value = if n > 8 { u32::MAX } else { value };
        let semi = usize::from(digits[n..].starts_with(';'));
        let used = 2 + usize::from(hex) + n + semi;
        return Some((used, numeric(value).to_string()));
    }
    let name_len = rest.bytes().take_while(u8::is_ascii_alphanumeric).count();
    let with_semi = name_len + usize::from(rest[name_len..].starts_with(';'));
    (1..=with_semi).rev().find_map(|len| {
        let &(a, b) = NAMED_ENTITIES.get(&rest[..len])?;
        (a != 0).then(|| {
            let mut s: String = char::from_u32(a).into_iter().collect();
            s.extend(char::from_u32(b).filter(|_| b != 0));
            (1 + len, s)
        })
    })
}

/// A numeric reference's character, with the standard's replacements.
fn numeric(n: u32) -> char {
    match n {
        0 | 0xD800..=0xDFFF => '\u{fffd}',
        0x80..=0x9F => C1_REPLACEMENTS[(n - 0x80) as usize].unwrap_or_else(|| char::from_u32(n).unwrap_or('\u{fffd}')),
        n => char::from_u32(n).unwrap_or('\u{fffd}'),
    }
}

/// A text region of the source.
struct Region {
    range: Range<usize>,
    /// Raw text (`<script>`, `<style>` …): `&` is only an ampersand there.
    raw: bool,
}

/// The text regions of the source, in order: what lies between markup, and
/// the content of raw-text elements.
fn text_regions(src: &str) -> Vec<Region> {
    let b = src.as_bytes();
    let mut regions = Vec::new();
    let (mut i, mut start) = (0, 0);
    while let Some(off) = memchr::memchr(b'<', &b[i..]) {
        let lt = i + off;
        let Some((end, raw)) = markup_at(b, lt) else {
            i = lt + 1;
            continue;
        };
        if lt > start {
            regions.push(Region {
                range: start..lt,
                raw: false,
            });
        }
        i = end;
        if let Some(name) = raw {
            let close = raw_text_end(b, end, name);
            if close > end {
                // Title and textarea content decodes references (RCDATA).
                let raw = !matches!(name, "title" | "textarea");
                regions.push(Region { range: end..close, raw });
            }
            i = close;
        }
        start = i;
    }
    if b.len() > start {
        regions.push(Region {
            range: start..b.len(),
            raw: false,
        });
    }
    regions
}

/// The end of the markup starting at `b[lt] == b'<'`, and the name of the
/// raw-text element it opens; None when this `<` is text.
fn markup_at(b: &[u8], lt: usize) -> Option<(usize, Option<&'static str>)> {
    let rest = &b[lt + 1..];
    if rest.starts_with(b"!--") {
        let body = lt + 4;
        // `<!-->` and `<!--->` are complete (empty) comments.
        for short in [&b">"[..], b"->"] {
            if b[body..].starts_with(short) {
                return Some((body + short.len(), None));
            }
        }
        let end = memchr::memmem::find(&b[body..], b"-->").map_or(b.len(), |e| body + e + 3);
        return Some((end, None));
    }
    match rest.first() {
        Some(b'!' | b'?') => Some((find_gt(b, lt + 1), None)),
        Some(b'/') if rest.get(1).is_some_and(u8::is_ascii_alphabetic) => Some((tag_end(b, lt + 2), None)),
        Some(b'/') if rest.get(1) == Some(&b'>') => Some((lt + 3, None)),
        Some(b'/') => Some((find_gt(b, lt + 2), None)), // a bogus comment
        Some(c) if c.is_ascii_alphabetic() => {
            let n = rest
                .iter()
                .take_while(|c| !c.is_ascii_whitespace() && !matches!(c, b'/' | b'>'))
                .count();
            let name = std::str::from_utf8(&rest[..n]).ok()?.to_ascii_lowercase();
            let raw = RAW_TEXT.iter().find(|r| **r == name).copied();
            Some((tag_end(b, lt + 1), raw))
        }
        _ => None,
    }
}

fn find_gt(b: &[u8], from: usize) -> usize {
    memchr::memchr(b'>', &b[from..]).map_or(b.len(), |e| from + e + 1)
}

/// The end of a tag from its name: attribute values may hold `>`.
fn tag_end(b: &[u8], from: usize) -> usize {
    let mut i = from;
    let mut after_eq = false;
    while i < b.len() {
        match b[i] {
            b'>' => return i + 1,
            b'=' => after_eq = true,
            q @ (b'"' | b'\'') if after_eq => {
                i = memchr::memchr(q, &b[i + 1..]).map_or(b.len(), |e| i + 1 + e);
                after_eq = false;
            }
            c if !c.is_ascii_whitespace() => after_eq = false,
            _ => {}
        }
        i += 1;
    }
    b.len()
}

/// Where the raw text of `name` opened at `from` ends: its end tag.
fn raw_text_end(b: &[u8], from: usize, name: &str) -> usize {
    if name == "plaintext" {
        return b.len();
    }
    let mut i = from;
    while let Some(off) = memchr::memmem::find(&b[i..], b"</") {
        let at = i + off;
        let tail = &b[at + 2..];
        let is_end = tail.len() >= name.len()
            && tail[..name.len()].eq_ignore_ascii_case(name.as_bytes())
            && tail
                .get(name.len())
                .is_none_or(|c| c.is_ascii_whitespace() || matches!(c, b'/' | b'>'));
        if is_end {
            return at;
        }
        i = at + 2;
    }
    b.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(src: &str) -> Vec<&str> {
        text_regions(src).into_iter().map(|r| &src[r.range]).collect()
    }

    #[test]
    fn regions_skip_markup_comments_and_attributes() {
        let src = "<p class=\"a>b\">One<!-- x <p>y --> two</p><script>if (a<b) {}</script>3 < 4";
        assert_eq!(texts(src), ["One", " two", "if (a<b) {}", "3 < 4"]);
    }

    #[test]
    fn nodes_align_through_references() {
        let src = "<p>He said &ldquo;We will win,&rdquo; Ortiz said.</p>";
        let mut a = Aligner::new(src);
        let node = "He said \u{201c}We will win,\u{201d} Ortiz said.";
        let pieces = a.align(node);
        assert_eq!(pieces.len(), 3);
        for p in &pieces {
            assert_eq!(&node[p.at..p.at + p.len], &src[p.src..p.src + p.len]);
        }
        assert_eq!(&node[pieces[1].at..pieces[1].at + pieces[1].len], "We will win,");
        assert!(a.align("not there").is_empty());
    }

    #[test]
    fn references_decode_as_the_parser_does() {
        assert_eq!(char_ref("&amp;x"), Some((5, "&".into())));
        assert_eq!(char_ref("&copy2020"), Some((5, "\u{a9}".into())));
        assert_eq!(char_ref("&#x201C;"), Some((8, "\u{201c}".into())));
        assert_eq!(char_ref("&#147;"), Some((6, "\u{201c}".into())));
        assert_eq!(char_ref("&nosuch;"), None);
    }
}
