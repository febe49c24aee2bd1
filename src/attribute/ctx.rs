//! The reading context every sieve shares (text, segments, tokens, cues and
//! which cues are used) and lookups of the quotations near a position.

use crate::cues::Cue;
use crate::quotes::Quotation;
use crate::segment::Segments;
use crate::text::Span;
use crate::tokens::{token_at, Tokens};

/// What every sieve reads, and which cues earlier sieves have taken.
pub(super) struct Ctx<'a> {
    pub(super) text: &'a str,
    pub(super) segs: &'a Segments,
    pub(super) toks: &'a Tokens,
    pub(super) cues: &'a [Cue],
    /// Cue index by first token index.
    pub(super) cue_at_tok: CueByTok,
    /// Cue index by the token just past its end. Read only by the direct
    /// sieve (`cue_before_separator`), and emptied after it
    /// ([`Ctx::forget_cue_endings`]).
    pub(super) cue_ending_at_tok: CueByTok,
    pub(super) cue_used: Vec<bool>,
    /// The token range of each sentence (the sieves ask for the sentence at
    /// a position at every cue: one search instead of three), as `u32`s:
    /// half the memory of a `Range<usize>` on a document of millions of
    /// sentences.
    sentence_tok_ranges: Vec<(u32, u32)>,
    /// See [`crate::Options::scope`].
    pub(super) scope: crate::Scope,
}

impl<'a> Ctx<'a> {
    /// The context of one document, every cue unused.
    pub(super) fn new(
        text: &'a str,
        segs: &'a Segments,
        toks: &'a Tokens,
        cues: &'a [Cue],
        opts: &crate::Options,
    ) -> Self {
        let (cue_at_tok, cue_ending_at_tok) = cues_by_token(toks, cues);
        Ctx {
            text,
            segs,
            toks,
            cues,
            cue_at_tok,
            cue_ending_at_tok,
            cue_used: vec![false; cues.len()],
            sentence_tok_ranges: segs
                .sentences
                .iter()
                .map(|s| (tok_index(token_at(toks, s.start)), tok_index(token_at(toks, s.end))))
                .collect(),
            scope: opts.scope,
        }
    }
}

impl Ctx<'_> {
    /// Frees the cue-by-end table once the direct sieve, its only reader,
    /// has run: some 12 MB on a document of a million cues, at the
    /// attribution's peak memory.
    pub(super) fn forget_cue_endings(&mut self) {
        self.cue_ending_at_tok = CueByTok::default();
    }

    /// Whether every attribution is reported, not only speech (`--scope all`).
    pub(super) fn all_scope(&self) -> bool {
        self.scope == crate::Scope::All
    }
    pub(super) fn s(&self, t: usize) -> &str {
        self.toks.get(t).map_or("", |t| &self.text[t.span()])
    }
    pub(super) fn lower(&self, t: usize) -> std::borrow::Cow<'_, str> {
        std::borrow::Cow::Borrowed(self.toks.get(t).map_or("", |tok| self.toks.lower_of(tok, self.text)))
    }
    pub(super) fn is(&self, t: usize, what: &str) -> bool {
        self.s(t) == what
    }
    /// Token range of the sentence holding byte `pos`.
    pub(super) fn sentence_toks(&self, pos: usize) -> std::ops::Range<usize> {
        let (start, end) = self.sentence_tok_ranges[self.segs.sentence_of(pos)];
        start as usize..end as usize
    }
    pub(super) fn para_toks(&self, pos: usize) -> std::ops::Range<usize> {
        let p = self.segs.paragraphs.at(self.segs.paragraph_of(pos));
        token_at(self.toks, p.start)..token_at(self.toks, p.end)
    }
    /// The cue starting at token `t`, if any and unused.
    pub(super) fn cue_starting(&self, t: usize) -> Option<usize> {
        self.cue_at_tok.get(t).filter(|&c| !self.cue_used[c])
    }
    /// Token index just past cue `c`.
    pub(super) fn cue_end_tok(&self, c: usize) -> usize {
        token_at(self.toks, self.cues[c].span().end)
    }
    pub(super) fn cue_start_tok(&self, c: usize) -> usize {
        token_at(self.toks, self.cues[c].span().start)
    }
}

/// A token index as a `u32` (a text under 2 GiB has fewer tokens).
fn tok_index(t: usize) -> u32 {
    u32::try_from(t).expect("under 2^32 tokens")
}

/// The spoken quotations are outermost, in text order and disjoint, so
/// their outer spans are sorted by start and by end: binary searches find
/// the ones near a position (every stage stays linear in the quotes).
pub(super) fn quote_containing(spoken: &[&Quotation], pos: usize) -> Option<usize> {
    let i = spoken.partition_point(|q| q.outer().start <= pos).checked_sub(1)?;
    (pos < spoken[i].outer().end).then_some(i)
}

/// Quotations whose outer span lies within `span` (with a little slack for
/// closing punctuation), not yet consumed.
pub(super) fn quotes_within(spoken: &[&Quotation], consumed: &[bool], span: &Span) -> Vec<usize> {
    let first = spoken.partition_point(|q| q.outer().start < span.start);
    (first..spoken.len())
        .take_while(|&i| spoken[i].outer().start <= span.end + 3)
        .filter(|&i| !consumed[i] && spoken[i].outer().end <= span.end + 3)
        .collect()
}

pub(super) fn is_open_mark(s: &str) -> bool {
    matches!(s, "“" | "\"" | "«" | "„" | "‘" | "'" | "‹")
}

/// The cue starting at each token (the first, when several do) and the cue
/// ending just before each token (the last of those starting at a token, as
/// the reverse search did), for the cues that start at a token.
fn cues_by_token(toks: &Tokens, cues: &[Cue]) -> (CueByTok, CueByTok) {
    let index = |i: usize| u32::try_from(i).expect("under 2^32 tokens and cues");
    let mut starting: Vec<(u32, u32)> = Vec::new();
    for (i, c) in cues.iter().enumerate() {
        let t = token_at(toks, c.span().start);
        if t < toks.len() && toks[t].start() == c.span().start {
            starting.push((index(t), index(i)));
        }
    }
    // By token, then cue: the first pair of each token is its first cue.
    starting.sort_unstable();
    starting.dedup_by_key(|&mut (t, _)| t);
    let mut ending: Vec<(u32, u32)> = starting
        .iter()
        .map(|&(_, i)| (index(token_at(toks, cues[i as usize].span().end)), i))
        .collect();
    // By token, then the cue last: the last pair of each token is kept.
    ending.sort_unstable_by_key(|&(t, i)| (t, std::cmp::Reverse(i)));
    ending.dedup_by_key(|&mut (t, _)| t);
    let len = toks.len() + 1;
    (CueByTok::new(len, &starting), CueByTok::new(len, &ending))
}

/// A cue index for each of `len` tokens, or none: most tokens have none,
/// so a bit per token says which do, and their cues are listed in token
/// order (a dense `u32` per token was 1.5 bytes per byte of text for the
/// two tables; a 200 MB line has some 40 million tokens).
#[derive(Default)]
pub(super) struct CueByTok {
    /// Bit `t % 64` of `has_cue[t / 64]`: token `t` has a cue.
    has_cue: Vec<u64>,
    /// `cue_rank[w]`: how many tokens before `64 * w` have a cue.
    cue_rank: Vec<u32>,
    /// The cue of each token that has one, in token order.
    cues: Vec<u32>,
}

impl CueByTok {
    /// From `(token, cue)` pairs sorted by token, one per token, each token
    /// under `len`.
    fn new(len: usize, pairs: &[(u32, u32)]) -> Self {
        let words = len.div_ceil(64);
        let mut has_cue = vec![0u64; words];
        for &(t, _) in pairs {
            has_cue[t as usize / 64] |= 1 << (t % 64);
        }
        let mut cue_rank = Vec::with_capacity(words);
        let mut before = 0;
        for bits in &has_cue {
            cue_rank.push(before);
            before += bits.count_ones();
        }
        CueByTok {
            has_cue,
            cue_rank,
            cues: pairs.iter().map(|&(_, c)| c).collect(),
        }
    }

    pub(super) fn get(&self, t: usize) -> Option<usize> {
        let (word, bit) = (t / 64, t % 64);
        let bits = *self.has_cue.get(word)?;
        if bits & (1 << bit) == 0 {
            return None;
        }
        let below = (bits & ((1u64 << bit) - 1)).count_ones();
        Some(self.cues[(self.cue_rank[word] + below) as usize] as usize)
    }
}

#[cfg(test)]
mod tests {
    use super::CueByTok;

    #[test]
    fn cue_by_tok_finds_the_cue_of_each_token_that_has_one() {
        let table = CueByTok::new(200, &[(0, 5), (63, 1), (64, 2), (130, 7), (199, 0)]);
        let found: Vec<(usize, usize)> = (0..260).filter_map(|t| table.get(t).map(|c| (t, c))).collect();
        assert_eq!(found, [(0, 5), (63, 1), (64, 2), (130, 7), (199, 0)]);
    }
}
