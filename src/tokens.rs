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

/// The largest text the tokens can index: offsets are `u32`s whose top bit
/// holds a flag (see [`Token`]). `--max-doc-bytes` defaults to 64 MiB;
/// [`crate::analyze_guarded`] turns a larger text into an error.
pub const MAX_TEXT_BYTES: usize = (1 << 31) - 1;

/// The top bit of [`Token`]'s words, free since texts are under 2 GiB.
const FLAG: u32 = 1 << 31;

/// Bits of a token's length in [`Token`] (a longer word, a rare one, keeps
/// its end instead).
const LEN_BITS: u32 = 18;
const LEN_MASK: u32 = (1 << LEN_BITS) - 1;
/// Bits of the lowercase code in [`Token`]: a [`LOWER_BLOCK`] delta, or
/// one of the two markers.
const LOWER_MASK: u32 = (1 << 13) - 1;
/// Text bytes per entry of [`Tokens`]' lowercase-buffer bases: a form's
/// offset is its block's base plus the lengths of the forms before it in the
/// block, under the block's size, so it fits the token's 13 bits.
const LOWER_BLOCK_BITS: u32 = 12;

/// One token in 8 bytes (a 200 MB document has some 37 million): its start
/// offset and, in a second `u32`, the word flag, its length and where its
/// lowercase form lies; a word of 2^18 bytes or more keeps its end there
/// instead (and its lowercase form, if it has one, apart). (Whether a
/// paragraph break precedes it is in [`Tokens::para_start`].)
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    /// Start offset; the top bit says the token is long (see above).
    start_and_long: u32,
    /// Top bit: the token is a [`TokKind::Word`]. Below it, for a long
    /// token, the end offset; for the others, the lowercase code (13 bits:
    /// [`SAME_AS_TEXT`], [`OTHER_LENGTH`] or the form's offset from its
    /// block's base in [`Tokens`]' buffer) above the length (18 bits).
    word_and_rest: u32,
}

/// The lowercase code: the lowercase form is the token's text (punctuation,
/// and most words: the patterns compare lowercase words many times, but few
/// need a copy).
const SAME_AS_TEXT: u32 = LOWER_MASK;
/// The lowercase code: the lowercase form has another length than the text
/// ("İ" is 2 bytes, "i̇" 3), and is kept apart, by token start. (A long
/// token's form, if any, is kept there too.)
const OTHER_LENGTH: u32 = LOWER_MASK - 1;

impl Token {
    /// Byte offset where the token starts.
    #[inline]
    pub fn start(&self) -> usize {
        (self.start_and_long & !FLAG) as usize
    }

    /// Byte offset just past the token.
    #[inline]
    pub fn end(&self) -> usize {
        if self.is_long() {
            (self.word_and_rest & !FLAG) as usize
        } else {
            self.start() + (self.word_and_rest & LEN_MASK) as usize
        }
    }

    /// The token's byte range of the text.
    #[inline]
    pub fn span(&self) -> Span {
        self.start()..self.end()
    }

    #[inline]
    pub fn kind(&self) -> TokKind {
        if self.word_and_rest & FLAG != 0 {
            TokKind::Word
        } else {
            TokKind::Punct
        }
    }

    #[inline]
    fn is_long(&self) -> bool {
        self.start_and_long & FLAG != 0
    }

    /// The lowercase code (see `word_and_rest`) of a token that is not long.
    #[inline]
    fn lower_code(&self) -> u32 {
        (self.word_and_rest >> LEN_BITS) & LOWER_MASK
    }
}

/// The tokens of one document, with the buffer holding the lowercase forms
/// that differ from the text (one allocation, not one per capitalised word).
/// Reads as a slice of [`Token`]s.
#[derive(Clone, Debug, Default)]
pub struct Tokens {
    list: Vec<Token>,
    /// The lowercase forms as long as their words, one after another.
    lowered: String,
    /// Where the forms of the words starting in each [`LOWER_BLOCK_BITS`]
    /// block of the text start in `lowered` (up to the last such block).
    lower_base: Vec<u32>,
    /// The lowercase forms of another length (and of long tokens), by token
    /// start, in order.
    other_length: Vec<(u32, Box<str>)>,
    /// Bit `k`: a paragraph break (blank line or paragraph end) precedes
    /// token `k`.
    para: Vec<u64>,
}

impl std::ops::Deref for Tokens {
    type Target = [Token];

    fn deref(&self) -> &[Token] {
        &self.list
    }
}

impl Tokens {
    pub const fn new() -> Self {
        Tokens {
            list: Vec::new(),
            lowered: String::new(),
            lower_base: Vec::new(),
            other_length: Vec::new(),
            para: Vec::new(),
        }
    }

    /// Bytes allocated for the tokens and their lowercase forms.
    pub fn allocated_bytes(&self) -> usize {
        self.list.capacity() * std::mem::size_of::<Token>()
            + self.lowered.capacity()
            + self.lower_base.capacity() * 4
            + self.other_length.capacity() * std::mem::size_of::<(u32, Box<str>)>()
            + self.para.capacity() * 8
    }

    /// Whether a paragraph break (blank line or paragraph end) precedes
    /// token `k`.
    #[inline]
    pub fn para_start(&self, k: usize) -> bool {
        self.para.get(k / 64).is_some_and(|w| w >> (k % 64) & 1 != 0)
    }

    /// Token `k` in lowercase.
    // Inlined across modules: the readers call it at nearly every token.
    #[inline]
    pub fn lower<'t>(&'t self, k: usize, text: &'t str) -> &'t str {
        self.lower_of(&self.list[k], text)
    }

    /// `tok` (one of these tokens) in lowercase.
    // Nearly every token is its own lowercase form or has a copy of its
    // length in `lowered`: those two cases are slices, inlined at the
    // readers; the forms kept apart are read out of line.
    #[inline]
    pub fn lower_of<'t>(&'t self, tok: &Token, text: &'t str) -> &'t str {
        if !tok.is_long() {
            let len = (tok.word_and_rest & LEN_MASK) as usize;
            match tok.lower_code() {
                SAME_AS_TEXT => return &text[tok.start()..tok.start() + len],
                OTHER_LENGTH => {}
                delta => {
                    let at = self.lower_base[tok.start() >> LOWER_BLOCK_BITS] as usize + delta as usize;
                    return &self.lowered[at..at + len];
                }
            }
        }
        self.kept_lower_of(tok, text)
    }

    /// [`Tokens::lower_of`] for a long token or one whose form has another
    /// length than its text.
    #[inline(never)]
    fn kept_lower_of<'t>(&'t self, tok: &Token, text: &'t str) -> &'t str {
        if tok.is_long() {
            return self.kept_apart(tok.start()).unwrap_or(&text[tok.span()]);
        }
        self.kept_apart(tok.start())
            .expect("a token marked OTHER_LENGTH has its form")
    }

    /// The lowercase form kept apart for the token at `start`, if any.
    fn kept_apart(&self, start: usize) -> Option<&str> {
        let i = self
            .other_length
            .binary_search_by_key(&start, |&(s, _)| s as usize)
            .ok()?;
        Some(&self.other_length[i].1)
    }

    fn clear(&mut self) {
        self.list.clear();
        self.lowered.clear();
        self.lower_base.clear();
        self.other_length.clear();
        self.para.clear();
    }

    /// Appends a token of `span`, whose lowercase code is `lower` (see
    /// `Token::word_and_rest`; ignored for a long token).
    fn push(&mut self, span: Span, kind: TokKind, para_start: bool, lower: u32) {
        let offset = |at: usize| u32::try_from(at).ok().filter(|&o| o & FLAG == 0);
        let start = offset(span.start).expect("a text under MAX_TEXT_BYTES");
        let end = offset(span.end).expect("a text under MAX_TEXT_BYTES");
        let word = if kind == TokKind::Word { FLAG } else { 0 };
        let len = end - start;
        let (start_and_long, rest) = if len < LEN_MASK {
            (start, lower << LEN_BITS | len)
        } else {
            (start | FLAG, end)
        };
        let k = self.list.len();
        if para_start {
            if self.para.len() <= k / 64 {
                self.para.resize(k / 64 + 1, 0);
            }
            self.para[k / 64] |= 1 << (k % 64);
        }
        self.list.push(Token {
            start_and_long,
            word_and_rest: word | rest,
        });
    }

    /// Keeps the lowercase form of the word at `start` when it differs from
    /// the word, and says where (the lowercase code, see
    /// `Token::word_and_rest`). `shape` is what `word_end` saw of the word
    /// while finding its end, so that the word is not read again to learn it.
    fn keep_lowercase(&mut self, start: usize, word: &str, shape: WordShape) -> u32 {
        if shape.ascii && !shape.upper {
            // ASCII lowercases byte by byte: no need for the Unicode tables.
            return SAME_AS_TEXT;
        }
        let long = word.len() >= LEN_MASK as usize;
        if shape.ascii && !long {
            let delta = self.lower_delta(start);
            self.lowered.push_str(word);
            let at = self.lowered.len() - word.len();
            self.lowered[at..].make_ascii_lowercase();
            return delta;
        }
        let lower = word.to_lowercase();
        if lower == word {
            SAME_AS_TEXT
        } else if lower.len() == word.len() && !long {
            let delta = self.lower_delta(start);
            self.lowered.push_str(&lower);
            delta
        } else {
            let start = u32::try_from(start).expect("a text under MAX_TEXT_BYTES");
            self.other_length.push((start, lower.into_boxed_str()));
            OTHER_LENGTH
        }
    }

    /// The lowercase code of a form about to be appended to `lowered` for
    /// the word at `start`: its offset from its block's base (under the
    /// block's size: the forms before it in the block are copies of the
    /// block's words before it).
    fn lower_delta(&mut self, start: usize) -> u32 {
        let block = start >> LOWER_BLOCK_BITS;
        // The buffer is no longer than the text: under 2 GiB.
        let here = u32::try_from(self.lowered.len()).expect("a buffer no longer than the text");
        if self.lower_base.len() <= block {
            self.lower_base.resize(block + 1, here);
        }
        here - self.lower_base[block]
    }
}

/// Tokens of `text`, with `para_start` set from the paragraphs (their
/// starts, in order: `segs.paragraphs.iter().map(|p| p.start)`).
///
/// # Panics
///
/// When `text` is longer than [`MAX_TEXT_BYTES`].
pub fn tokenize(text: &str, paragraph_starts: impl IntoIterator<Item = usize>) -> Tokens {
    let mut out = Tokens::new();
    tokenize_into(text, paragraph_starts, &mut out);
    out
}

/// [`tokenize`] into `out` (cleared first), whose allocations can then serve
/// document after document.
pub fn tokenize_into(text: &str, paragraph_starts: impl IntoIterator<Item = usize>, out: &mut Tokens) {
    assert!(
        text.len() <= MAX_TEXT_BYTES,
        "a text of {} bytes is over the tokens' {MAX_TEXT_BYTES}",
        text.len()
    );
    let bytes = text.as_bytes();
    out.clear();
    // News text has a token every 5 or 6 bytes: one allocation, not a
    // regrowth and copy of the whole vector per document. (The capacity
    // left unused costs address space more than memory: pages never
    // written are not resident.)
    out.list.reserve(text.len() / 4);
    let mut starts = paragraph_starts.into_iter().peekable();
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
        while starts.next_if(|&s| s <= i).is_some() {
            para_start = true;
        }
        if !is_word_char(c) {
            out.push(i..i + len, TokKind::Punct, para_start, SAME_AS_TEXT);
            i += len;
            continue;
        }
        let (end, shape) = word_end(text, i, c, len);
        let lower = out.keep_lowercase(i, &text[i..end], shape);
        out.push(i..end, TokKind::Word, para_start, lower);
        i = end;
    }
}

/// What the tokenizer learns of a word while finding its end, for its
/// lowercase form.
#[derive(Clone, Copy, Debug)]
struct WordShape {
    /// Every char of the word is ASCII.
    ascii: bool,
    /// The word has an ASCII capital (it may also have others when not
    /// `ascii`).
    upper: bool,
}

/// End of the word starting at byte `i` with char `c` of `len` bytes, and
/// the word's shape.
#[inline]
fn word_end(text: &str, i: usize, c: char, len: usize) -> (usize, WordShape) {
    let bytes = text.as_bytes();
    let mut end = i + len;
    let mut shape = WordShape {
        ascii: len == 1,
        upper: c.is_ascii_uppercase(),
    };
    loop {
        // Runs of ASCII letters and digits first, by table lookup; the
        // table also says which are capitals.
        let mut seen = 0;
        while let Some(&b) = bytes.get(end) {
            let class = ASCII_WORD[usize::from(b)];
            if class == 0 {
                break;
            }
            seen |= class;
            end += 1;
        }
        shape.upper |= seen & ASCII_UPPER != 0;
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
        shape.ascii &= d_len == 1;
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
    (end, shape)
}

/// `ASCII_WORD`: an ASCII word char (letter, digit, `_`).
const ASCII_WORD_CHAR: u8 = 1;
/// `ASCII_WORD`: also an ASCII capital.
const ASCII_UPPER: u8 = 2;

/// The bytes that are ASCII word chars (letters, digits, `_`), and which of
/// them are capitals, as a table: the inner loop of `tokenize` tests every
/// byte of the text with it. 0 for any other byte.
static ASCII_WORD: [u8; 256] = {
    let mut t = [0; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        if c.is_ascii_alphanumeric() || c == b'_' {
            t[b] = ASCII_WORD_CHAR | if c.is_ascii_uppercase() { ASCII_UPPER } else { 0 };
        }
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
    tokens.partition_point(|t| t.start() < pos)
}

/// The token range of each span, as [`token_at`] gives for its start and
/// end. For spans in text order (sentences) the tokens are walked once,
/// instead of two binary searches per span in each scan of the sentences.
pub fn token_ranges(tokens: &[Token], spans: impl IntoIterator<Item = Span>) -> Vec<std::ops::Range<usize>> {
    let (mut lo, mut hi) = (0, 0);
    spans
        .into_iter()
        .map(|s| {
            lo = token_at_from(tokens, lo, s.start);
            hi = token_at_from(tokens, hi, s.end);
            lo..hi
        })
        .collect()
}

/// [`token_at`], walking on from token `from` when every token before it
/// starts before `pos` (the next span of a text-ordered list), else by
/// binary search.
fn token_at_from(tokens: &[Token], from: usize, pos: usize) -> usize {
    if from > 0 && tokens[from - 1].start() >= pos {
        return token_at(tokens, pos);
    }
    let mut k = from;
    while k < tokens.len() && tokens[k].start() < pos {
        k += 1;
    }
    k
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn abbreviations_keep_their_period() {
        let t = "Mr. Ross of the U.S. said J. Smith’s plan failed.";
        let para: Vec<Span> = std::iter::once(0..t.len()).collect();
        let toks = tokenize(t, para.iter().map(|p| p.start));
        let w: Vec<&str> = toks.iter().map(|k| &t[k.span()]).collect();
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

    #[test]
    fn lowercase_forms_across_blocks_and_long_words() {
        // Capitalised words over many 4 KiB blocks, and a word of over
        // 256 KiB (its end and form are kept apart), with and without capitals.
        let mut t = String::new();
        for i in 0..3000 {
            t.push_str(if i % 3 == 0 { "Ab Élan İz said " } else { "Said x " });
        }
        t.push_str(&"Qz".repeat(150_000));
        t.push_str(" Mid ");
        t.push_str(&"q".repeat(300_000));
        t.push_str(" End.");
        let para: Vec<Span> = std::iter::once(0..t.len()).collect();
        let toks = tokenize(&t, para.iter().map(|p| p.start));
        let mut at = 0;
        for k in 0..toks.len() {
            let w = &t[toks[k].span()];
            assert!(t[at..toks[k].start()].trim().is_empty(), "tokens cover the text");
            at = toks[k].end();
            assert_eq!(toks.lower(k, &t), w.to_lowercase(), "token {k}");
        }
        let long: Vec<usize> = (0..toks.len()).filter(|&k| toks[k].span().len() >= 300_000).collect();
        assert_eq!(long.len(), 2);
        assert_eq!(toks[long[0]].kind(), TokKind::Word);
    }

    #[test]
    fn token_ranges_agree_with_token_at() {
        let t = "Mr. Ross said. It failed!  “Yes,” he said.\n\nNext one.";
        let toks = tokenize(t, [0]);
        let mut spans: Vec<Span> = vec![0..14, 15..25, 27..42, 44..t.len(), 3..9, 0..0, t.len()..t.len()];
        spans.push(20..20);
        let ranges = token_ranges(&toks, spans.iter().cloned());
        for (s, r) in spans.iter().zip(&ranges) {
            assert_eq!(*r, token_at(&toks, s.start)..token_at(&toks, s.end), "{s:?}");
        }
    }

    #[test]
    fn tokens_are_8_bytes() {
        assert_eq!(std::mem::size_of::<Token>(), 8);
    }

    #[test]
    fn lowercase_forms_and_flags() {
        let t = "Mr. ÉCOLE said İstanbul, said.\n\nNext";
        let para: Vec<Span> = vec![0..31, 33..t.len()];
        let toks = tokenize(t, para.iter().map(|p| p.start));
        let lower: Vec<&str> = (0..toks.len()).map(|k| toks.lower(k, t)).collect();
        assert_eq!(
            lower,
            ["mr.", "école", "said", "i\u{307}stanbul", ",", "said", ".", "next"]
        );
        // Only the words that change are copied.
        assert_eq!(toks.lowered, "mr.écolenext");
        assert_eq!(toks.other_length.len(), 1);
        let kinds: Vec<TokKind> = toks.iter().map(Token::kind).collect();
        assert_eq!(kinds[3..5], [TokKind::Word, TokKind::Punct]);
        let paras: Vec<usize> = (0..toks.len()).filter(|&k| toks.para_start(k)).collect();
        assert_eq!(paras, [0, 7]);
        assert_eq!(&t[toks[7].span()], "Next");
    }
}
