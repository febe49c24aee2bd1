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
    /// Cue index by the token just past its end.
    pub(super) cue_ending_at_tok: CueByTok,
    pub(super) cue_used: Vec<bool>,
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
        let mut cue_at_tok = CueByTok::new(toks.len() + 1);
        let mut cue_ending_at_tok = CueByTok::new(toks.len() + 1);
        for (i, c) in cues.iter().enumerate() {
            let t = token_at(toks, c.span.start);
            if t < toks.len() && toks[t].start() == c.span.start && cue_at_tok.get(t).is_none() {
                cue_at_tok.set(t, i);
                // The last cue ending at a token wins, as the reverse search did.
                cue_ending_at_tok.set(token_at(toks, c.span.end), i);
            }
        }
        Ctx {
            text,
            segs,
            toks,
            cues,
            cue_at_tok,
            cue_ending_at_tok,
            cue_used: vec![false; cues.len()],
            scope: opts.scope,
        }
    }
}

impl Ctx<'_> {
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
        let s = &self.segs.sentences[self.segs.sentence_of(pos)];
        token_at(self.toks, s.start)..token_at(self.toks, s.end)
    }
    pub(super) fn para_toks(&self, pos: usize) -> std::ops::Range<usize> {
        let p = &self.segs.paragraphs[self.segs.paragraph_of(pos)];
        token_at(self.toks, p.start)..token_at(self.toks, p.end)
    }
    /// The cue starting at token `t`, if any and unused.
    pub(super) fn cue_starting(&self, t: usize) -> Option<usize> {
        self.cue_at_tok.get(t).filter(|&c| !self.cue_used[c])
    }
    /// Token index just past cue `c`.
    pub(super) fn cue_end_tok(&self, c: usize) -> usize {
        token_at(self.toks, self.cues[c].span.end)
    }
    pub(super) fn cue_start_tok(&self, c: usize) -> usize {
        token_at(self.toks, self.cues[c].span.start)
    }
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

/// A cue index per token. The vectors span the whole document, so they
/// hold `u32`s with a "none" value: 4 bytes a token, not 16 for an
/// `Option<usize>` (issue 9: a 200 MB line has some 40 million tokens).
pub(super) struct CueByTok(Vec<u32>);

impl CueByTok {
    const NONE: u32 = u32::MAX;

    fn new(len: usize) -> Self {
        CueByTok(vec![Self::NONE; len])
    }

    pub(super) fn get(&self, t: usize) -> Option<usize> {
        self.0.get(t).copied().filter(|&c| c != Self::NONE).map(|c| c as usize)
    }

    fn set(&mut self, t: usize, cue: usize) {
        self.0[t] = u32::try_from(cue)
            .ok()
            .filter(|&c| c != Self::NONE)
            .expect("under 2^32 - 1 cues");
    }
}
