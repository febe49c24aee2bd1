//! Offsets into the document text.
//!
//! Every stage works on byte ranges of the untouched text; records also carry
//! code-point offsets (what Python's `str` indexes) and 1-based line/column.
//! Converting a byte offset by counting characters from the start of the text
//! would make a document with many quotes quadratic, so `OffsetMap` keeps a
//! checkpoint every `STRIDE` bytes and a table of line starts.

use std::ops::Range;

/// A byte range into the document text.
pub type Span = Range<usize>;

const STRIDE: usize = 128;

/// Converts byte offsets into code-point offsets and line/column positions.
pub struct OffsetMap<'t> {
    text: &'t str,
    /// `checkpoints[k]` = number of code points in `text[..k * STRIDE]`
    /// (the checkpoint byte is moved back to a char boundary, see `char_at`).
    checkpoints: Vec<usize>,
    /// Byte offsets where each line starts (after `\n`, `\r\n` or a lone `\r`).
    line_starts: Vec<usize>,
}

impl<'t> OffsetMap<'t> {
    pub fn new(text: &'t str) -> Self {
        let bytes = text.as_bytes();
        let mut checkpoints = Vec::with_capacity(bytes.len() / STRIDE + 1);
        let mut line_starts = vec![0];
        let mut chars = 0usize;
        for block in bytes.chunks(STRIDE) {
            checkpoints.push(chars);
            chars += count_chars(block);
        }
        for i in memchr::memchr2_iter(b'\n', b'\r', bytes) {
            if bytes[i] == b'\n' || bytes.get(i + 1) != Some(&b'\n') {
                line_starts.push(i + 1);
            }
        }
        OffsetMap {
            text,
            checkpoints,
            line_starts,
        }
    }

    /// Code-point offset of the byte offset `byte` (which must be a char boundary).
    pub fn char_at(&self, byte: usize) -> usize {
        let byte = byte.min(self.text.len());
        if self.checkpoints.is_empty() {
            return 0;
        }
        let k = (byte / STRIDE).min(self.checkpoints.len() - 1);
        // The checkpoint counts code points *starting* before k*STRIDE, so
        // counting starts of code points in [k*STRIDE, byte) is exact even when
        // k*STRIDE falls inside a multi-byte character.
        self.checkpoints[k] + count_chars(&self.text.as_bytes()[k * STRIDE..byte])
    }

    /// 1-based line and 1-based column (in code points) of a byte offset.
    pub fn line_col(&self, byte: usize) -> (usize, usize) {
        let line = match self.line_starts.binary_search(&byte) {
            Ok(i) => i,
            Err(i) => i - 1,
        };
        let col = self.char_at(byte) - self.char_at(self.line_starts[line]);
        (line + 1, col + 1)
    }
}

/// The code points that start in `bytes`: the bytes that are not UTF-8
/// continuation bytes (`0b10xx_xxxx`). Eight bytes at a time: every record
/// converts some eight offsets, and `OffsetMap::new` counts the whole text;
/// byte by byte this was some 7 instructions per byte of text.
fn count_chars(bytes: &[u8]) -> usize {
    const HIGH_BITS: u64 = 0x8080_8080_8080_8080;
    let mut words = bytes.chunks_exact(8);
    let mut continuations = 0;
    for word in &mut words {
        let w = u64::from_le_bytes(word.try_into().expect("chunks of 8"));
        // Bit 7 of each byte set where bit 7 is set and bit 6 (shifted up
        // into bit 7 of the same byte) is not.
        continuations += (w & !(w << 1) & HIGH_BITS).count_ones() as usize;
    }
    let rest = words.remainder();
    continuations += rest.iter().filter(|&&b| b & 0xC0 == 0x80).count();
    bytes.len() - continuations
}

/// The char just before byte offset `i`, if any.
pub fn char_before(text: &str, i: usize) -> Option<char> {
    text[..i].chars().next_back()
}

/// The char at byte offset `i`, if any.
pub fn char_after(text: &str, i: usize) -> Option<char> {
    text[i..].chars().next()
}

/// Shrinks `span` so that it has no leading or trailing whitespace.
pub fn trim_span(text: &str, span: Span) -> Span {
    let s = &text[span.clone()];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    if lead == s.len() {
        return span.start..span.start;
    }
    span.start + lead..span.end - trail
}

/// Byte ranges of the words (runs of letters, digits, apostrophes inside a
/// word, hyphens and periods of abbreviations) in `span`.
pub fn words(text: &str, span: Span) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    for (i, c) in text[span.clone()].char_indices() {
        let i = i + span.start;
        let inner = is_word_char(c)
            || (start.is_some()
                && matches!(c, '\'' | '’' | '-' | '.')
                && char_after(text, i + c.len_utf8()).is_some_and(is_word_char));
        match (inner, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push(s..i);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push(s..span.end);
    }
    out
}

/// The position of the next match of a forward search, kept until the
/// search point (which never goes back) passes it: a scan that takes the
/// nearest of several searches still reads the text once per search.
#[derive(Default)]
pub struct NextMatch {
    searched_from: Option<usize>,
    found: Option<usize>,
}

impl NextMatch {
    pub fn at_or_after(&mut self, i: usize, search: impl FnOnce(usize) -> Option<usize>) -> Option<usize> {
        let stale = match (self.searched_from, self.found) {
            (None, _) => true,
            (Some(_), Some(k)) => k < i,
            // Nothing was found from an earlier point: nothing is further on.
            (Some(from), None) => from > i,
        };
        if stale {
            self.searched_from = Some(i);
            self.found = search(i);
        }
        self.found
    }
}

pub fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric() || c == '_';
    }
    // Curly quotation marks, dashes and the ellipsis are the commonest
    // non-ASCII chars of news text, and no letters: answered without a
    // search of the Unicode tables.
    !GENERAL_PUNCTUATION.contains(&c) && c.is_alphanumeric()
}

/// Dashes, quotation marks, bullets and the ellipsis (U+2010 to U+2027), none
/// of them alphanumeric.
const GENERAL_PUNCTUATION: std::ops::RangeInclusive<char> = '\u{2010}'..='\u{2027}';

/// "al-Sharaa", "el-Sisi": a name written after the Arabic article, which
/// is lowercase in English text; the word counts as capitalised.
pub fn arabic_article_name(word: &str) -> bool {
    ["al-", "el-"].iter().any(|a| {
        word.strip_prefix(a)
            .is_some_and(|rest| rest.starts_with(|c: char| c.is_uppercase()))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_chars_agree_with_unicode() {
        let chars = (0..0x3000).chain([0x1_0400, 0x1_f600]).filter_map(char::from_u32);
        for c in chars {
            assert_eq!(is_word_char(c), c.is_alphanumeric() || c == '_', "{c:?}");
        }
    }

    #[test]
    fn char_offsets_match_a_naive_count() {
        let text = "é“x”\r\nab\rc\n".repeat(500);
        let map = OffsetMap::new(&text);
        for (b, _) in text.char_indices().step_by(7) {
            assert_eq!(map.char_at(b), text[..b].chars().count());
        }
        assert_eq!(map.char_at(text.len()), text.chars().count());
    }

    #[test]
    fn code_points_are_counted_in_any_slice() {
        let text = "aé“x”\u{10348}b\r\n".repeat(9);
        let bytes = text.as_bytes();
        for start in 0..20 {
            for end in start..bytes.len() {
                let naive = bytes[start..end].iter().filter(|&&b| b & 0xC0 != 0x80).count();
                assert_eq!(count_chars(&bytes[start..end]), naive, "{start}..{end}");
            }
        }
    }

    #[test]
    fn lines_and_columns_count_crlf_and_lone_cr() {
        let text = "ab\r\ncd\ref\ngh";
        let map = OffsetMap::new(text);
        assert_eq!(map.line_col(0), (1, 1));
        assert_eq!(map.line_col(5), (2, 2));
        assert_eq!(map.line_col(7), (3, 1));
        assert_eq!(map.line_col(11), (4, 2));
    }

    #[test]
    fn words_keep_apostrophes_and_abbreviations() {
        let t = "Iran’s U.S. rock ’n’ roll, O'Brien.";
        let w: Vec<&str> = words(t, 0..t.len()).into_iter().map(|s| &t[s]).collect();
        assert_eq!(w, ["Iran’s", "U.S", "rock", "n", "roll", "O'Brien"]);
    }
}
