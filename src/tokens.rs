//! Word and punctuation tokens, as byte ranges: the unit the attribution
//! patterns walk over. Built once per document, no copies of the text.

use crate::lexicon::LEXICON;
use crate::text::{char_after, is_word_char, Span};

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
    pub fn lower<'t>(&'t self, text: &'t str) -> &'t str {
        self.lower.as_deref().unwrap_or(&text[self.span.clone()])
    }
}

/// Tokens of `text`, with `para_start` set from the paragraph list.
pub fn tokenize(text: &str, paragraphs: &[Span]) -> Vec<Token> {
    let mut out = Vec::with_capacity(text.len() / 8);
    let mut next_para = 0;
    let mut it = text.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if c.is_whitespace() {
            continue;
        }
        let mut para_start = false;
        while next_para < paragraphs.len() && paragraphs[next_para].start <= i {
            para_start = true;
            next_para += 1;
        }
        if !is_word_char(c) {
            out.push(Token {
                span: i..i + c.len_utf8(),
                kind: TokKind::Punct,
                para_start,
                lower: None,
            });
            continue;
        }
        let mut end = i + c.len_utf8();
        while let Some(&(j, d)) = it.peek() {
            let joins = is_word_char(d)
                || (matches!(d, '\'' | '’' | '-' | '.' | '‑')
                    && char_after(text, j + d.len_utf8()).is_some_and(is_word_char));
            if !joins {
                break;
            }
            end = j + d.len_utf8();
            it.next();
        }
        // Keep the period of an abbreviation or an initial with its word.
        if text[end..].starts_with('.') {
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
                it.next();
            }
        }
        let word = &text[i..end];
        let lower = (word.bytes().any(|b| b.is_ascii_uppercase()) || !word.is_ascii())
            .then(|| word.to_lowercase())
            .filter(|l| l != word)
            .map(String::into_boxed_str);
        out.push(Token {
            span: i..end,
            kind: TokKind::Word,
            para_start,
            lower,
        });
    }
    out
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
