//! Word and punctuation tokens, as byte ranges: the unit the attribution
//! patterns walk over. Built once per document, no copies of the text.

use crate::lexicon::LEXICON;
use crate::text::{is_word_char, Span};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokKind {
    /// Letters and digits, with inner apostrophes, hyphens and the periods of
    /// abbreviations ("U.S.", "Mr.", "J.").
    Word,
    /// Any other non-space character.
    Punct,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    pub span: Span,
    pub kind: TokKind,
    /// A paragraph break (blank line or paragraph end) precedes this token.
    pub para_start: bool,
    /// The word in lowercase when that differs from the text (the patterns
    /// compare lowercase words many times; most words need no copy).
    pub lower: Option<Box<str>>,
}

impl Token {
    /// The token's text in lowercase.
    // Inlined across modules: the readers call it at nearly every token.
    #[inline]
    pub fn lower<'t>(&'t self, text: &'t str) -> &'t str {
        self.lower.as_deref().unwrap_or(&text[self.span.clone()])
    }
}

/// Tokens of `text`, with `para_start` set from the paragraph list.
pub fn tokenize(text: &str, paragraphs: &[Span]) -> Vec<Token> {
    let mut out = Vec::new();
    tokenize_into(text, paragraphs, &mut out);
    out
}

/// [`tokenize`] into `out` (cleared first), whose allocation can then serve
/// document after document.
pub fn tokenize_into(text: &str, paragraphs: &[Span], out: &mut Vec<Token>) {
    let bytes = text.as_bytes();
    out.clear();
    // News text has a token every 5 bytes or so: one allocation, not a
    // regrowth and copy of the whole vector per document.
    out.reserve(text.len() / 4);
    let mut next_para = 0;
    let mut i = 0;
    // Walks bytes rather than `char_indices`: most text is ASCII, and
    // decoding every char was the largest part of this function's cost.
    while i < bytes.len() {
        if matches!(bytes[i], b' ' | b'\t'..=b'\r') {
            i += 1;
            continue;
        }
        let (c, len) = char_len_at(text, i);
        // Zero-width spaces and joiners, word joiners and stray byte-order
        // marks separate words like spaces ("Traeger\u{200b} said").
        if c.is_whitespace() || matches!(c, '\u{200b}'..='\u{200d}' | '\u{2060}' | '\u{feff}') {
            i += len;
            continue;
        }
        let mut para_start = false;
        while next_para < paragraphs.len() && paragraphs[next_para].start <= i {
            para_start = true;
            next_para += 1;
        }
        if !is_word_char(c) {
            out.push(Token {
                span: i..i + len,
                kind: TokKind::Punct,
                para_start,
                lower: None,
            });
            i += len;
            continue;
        }
        let mut end = i + len;
        loop {
            // Runs of ASCII letters and digits first, by table lookup.
            end += bytes[end..]
                .iter()
                .position(|&b| !ASCII_WORD[usize::from(b)])
                .unwrap_or(bytes.len() - end);
            if end == bytes.len() {
                break;
            }
            let (d, d_len) = char_len_at(text, end);
            let joins = is_word_char(d)
                || (matches!(d, '\'' | '’' | '-' | '.' | '‑')
                    && end + d_len < bytes.len()
                    && is_word_char(char_len_at(text, end + d_len).0));
            if !joins {
                break;
            }
            end += d_len;
        }
        // Keep the period of an abbreviation or an initial with its word.
        if bytes.get(end) == Some(&b'.') {
            let word = &text[i..end];
            let with_dot = &text[i..end + 1];
            let initial = word.chars().count() == 1 && c.is_uppercase();
            // "(D-Mo.)": the part after the last hyphen may be the abbreviation.
            let tail = with_dot.rsplit('-').next().unwrap_or(with_dot);
            if initial
                || word.contains('.')
                || LEXICON.abbreviations.contains(with_dot)
                || LEXICON.abbreviations.contains(tail)
            {
                end += 1;
            }
        }
        let word = &text[i..end];
        let lower = if word.is_ascii() {
            // ASCII lowercases byte by byte: no need for the Unicode tables.
            word.bytes()
                .any(|b| b.is_ascii_uppercase())
                .then(|| word.to_ascii_lowercase().into_boxed_str())
        } else {
            Some(word.to_lowercase())
                .filter(|l| l != word)
                .map(String::into_boxed_str)
        };
        out.push(Token {
            span: i..end,
            kind: TokKind::Word,
            para_start,
            lower,
        });
        i = end;
    }
}

/// The bytes that are ASCII word chars (letters, digits, `_`), as a table:
/// the inner loop of `tokenize` tests every byte of the text with it.
static ASCII_WORD: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 128 {
        t[b] = (b as u8).is_ascii_alphanumeric() || b == b'_' as usize;
        b += 1;
    }
    t
};

/// The char starting at byte `i` of `text` (a char boundary, before the
/// end) and its length in bytes, without decoding when it is ASCII.
#[inline]
fn char_len_at(text: &str, i: usize) -> (char, usize) {
    let b = text.as_bytes()[i];
    if b < 0x80 {
        return (char::from(b), 1);
    }
    let c = text[i..].chars().next().expect("i is a char boundary before the end");
    (c, c.len_utf8())
}

/// Index of the first token starting at or after byte `pos`.
pub fn token_at(tokens: &[Token], pos: usize) -> usize {
    tokens.partition_point(|t| t.span.start < pos)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn abbreviations_keep_their_period() {
        let t = "Mr. Ross of the U.S. said J. Smith’s plan failed.";
        let para: Vec<Span> = std::iter::once(0..t.len()).collect();
        let toks = tokenize(t, &para);
        let w: Vec<&str> = toks.iter().map(|k| &t[k.span.clone()]).collect();
        assert_eq!(
            w,
            [
                "Mr.",
                "Ross",
                "of",
                "the",
                "U.S.",
                "said",
                "J.",
                "Smith’s",
                "plan",
                "failed",
                "."
            ]
        );
    }
}
