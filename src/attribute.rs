//! Sieves that turn quotations and cues into claims: who said what.
//!
//! Precise patterns run first and claim their quotation and cue; looser ones
//! only see what is left (the design of CoreNLP's quote attribution, applied
//! to news and extended to reported speech). Each claim names its sieve in
//! `rule`, with a confidence that reflects how often that sieve is right.
//!
//! Direct quotations:
//! - `quote-cue-speaker`        “Q,” said X
//! - `quote-speaker-cue`        “Q,” X said
//! - `quote-dash-speaker`       “Q” — X
//! - `speaker-cue-quote`        X said, “Q” / X said: “Q” / X said “Q.” / X told his audience on Monday, “Q”
//! - `cue-speaker-quote`        Said Ellis: “Q”
//! - `colon-intro`              The governor was blunt: “Q” / Fed chair: “Q”
//! - `lead-in-colon`            As Senator Paul Greer put it: ¶ “Q”
//! - `split-quote`              “Q1,” X said, “Q2” (one claim, two parts)
//! - `transcript-label`         "WALLACE: …" (a capitalised label inside the marks)
//! - `continuation`             a quote-only paragraph after an attributed one
//! - `next-paragraph-speaker`   “Q.” ¶ So said Mayor John Smith on Monday.
//! - `unattributed`             any other quotation: no speaker
//!
//! Reported speech (mixed when the clause holds quote marks):
//! - `speaker-cue-that`         X said (that) CLAUSE / X told Y that CLAUSE / X vowed to VERB (data/cue-infinitive.txt)
//! - `coordinated-cue`          X said … and warned that CLAUSE
//! - `participle-continuation`  …, adding that CLAUSE / …, saying CLAUSE
//! - `clause-speaker-cue`       CLAUSE, X said. / CLAUSE, said X.
//! - `parenthetical`            A, critics argue, CLAUSE
//! - `according-to`             according to X, CLAUSE / CLAUSE, according to X
//! - `possessive-claim`         X's claim / statement / warning that CLAUSE
//! - `headline-colon`           Pence: CLAUSE (the article's first line)

use crate::cues::Cue;
use crate::lexicon::{CueClass, LEXICON};
use crate::mentions::{mention_after, mention_before, mention_before_loose, Mention, MentionKind, DETERMINERS};
use crate::quotes::{Quotation, Role};
use crate::record::Kind;
use crate::segment::Segments;
use crate::text::{trim_span, Span};
use crate::tokens::{token_at, TokKind, Token};

/// A quotation or claim with its attribution, before entity resolution.
#[derive(Clone, Debug)]
pub struct Claim {
    pub kind: Kind,
    pub parts: Vec<Span>,
    pub cue: Option<Cue>,
    pub mention: Option<Mention>,
    pub rule: &'static str,
    pub confidence: f64,
}

impl Claim {
    pub fn start(&self) -> usize {
        self.parts[0].start
    }
}

struct Ctx<'a> {
    text: &'a str,
    segs: &'a Segments,
    toks: &'a [Token],
    cues: &'a [Cue],
    /// Cue index by first token index.
    cue_at_tok: CueByTok,
    /// Cue index by the token just past its end.
    cue_ending_at_tok: CueByTok,
    cue_used: Vec<bool>,
    /// See [`crate::Options::noun_phrase_claims`].
    noun_phrase_claims: bool,
}

impl Ctx<'_> {
    fn s(&self, t: usize) -> &str {
        self.toks.get(t).map_or("", |t| &self.text[t.span.clone()])
    }
    fn lower(&self, t: usize) -> std::borrow::Cow<'_, str> {
        std::borrow::Cow::Borrowed(self.toks.get(t).map_or("", |tok| tok.lower(self.text)))
    }
    fn is(&self, t: usize, what: &str) -> bool {
        self.s(t) == what
    }
    /// Token range of the sentence holding byte `pos`.
    fn sentence_toks(&self, pos: usize) -> std::ops::Range<usize> {
        let s = &self.segs.sentences[self.segs.sentence_of(pos)];
        token_at(self.toks, s.start)..token_at(self.toks, s.end)
    }
    fn para_toks(&self, pos: usize) -> std::ops::Range<usize> {
        let p = &self.segs.paragraphs[self.segs.paragraph_of(pos)];
        token_at(self.toks, p.start)..token_at(self.toks, p.end)
    }
    /// The cue starting at token `t`, if any and unused.
    fn cue_starting(&self, t: usize) -> Option<usize> {
        self.cue_at_tok.get(t).filter(|&c| !self.cue_used[c])
    }
    /// Token index just past cue `c`.
    fn cue_end_tok(&self, c: usize) -> usize {
        token_at(self.toks, self.cues[c].span.end)
    }
    fn cue_start_tok(&self, c: usize) -> usize {
        token_at(self.toks, self.cues[c].span.start)
    }
}

/// The spoken quotations are outermost, in text order and disjoint, so
/// their outer spans are sorted by start and by end: binary searches find
/// the ones near a position (every stage stays linear in the quotes).
fn quote_containing(spoken: &[&Quotation], pos: usize) -> Option<usize> {
    let i = spoken.partition_point(|q| q.outer().start <= pos).checked_sub(1)?;
    (pos < spoken[i].outer().end).then_some(i)
}

/// Quotations whose outer span lies within `span` (with a little slack for
/// closing punctuation), not yet consumed.
fn quotes_within(spoken: &[&Quotation], consumed: &[bool], span: &Span) -> Vec<usize> {
    let first = spoken.partition_point(|q| q.outer().start < span.start);
    (first..spoken.len())
        .take_while(|&i| spoken[i].outer().start <= span.end + 3)
        .filter(|&i| !consumed[i] && spoken[i].outer().end <= span.end + 3)
        .collect()
}

fn is_open_mark(s: &str) -> bool {
    matches!(s, "“" | "\"" | "«" | "„" | "‘" | "'" | "‹")
}

/// A cue index per token. The vectors span the whole document, so they
/// hold `u32`s with a "none" value: 4 bytes a token, not 16 for an
/// `Option<usize>` (issue 9: a 200 MB line has some 40 million tokens).
struct CueByTok(Vec<u32>);

impl CueByTok {
    const NONE: u32 = u32::MAX;

    fn new(len: usize) -> Self {
        CueByTok(vec![Self::NONE; len])
    }

    fn get(&self, t: usize) -> Option<usize> {
        self.0.get(t).copied().filter(|&c| c != Self::NONE).map(|c| c as usize)
    }

    fn set(&mut self, t: usize, cue: usize) {
        self.0[t] = u32::try_from(cue)
            .ok()
            .filter(|&c| c != Self::NONE)
            .expect("under 2^32 - 1 cues");
    }
}

/// Runs every sieve with the default [`crate::Options`]; returns claims in
/// text order.
pub fn attribute(text: &str, segs: &Segments, toks: &[Token], quotations: &[Quotation], cues: &[Cue]) -> Vec<Claim> {
    attribute_with(text, segs, toks, quotations, cues, &crate::Options::default())
}

/// [`attribute`] with [`crate::Options`].
pub fn attribute_with(
    text: &str,
    segs: &Segments,
    toks: &[Token],
    quotations: &[Quotation],
    cues: &[Cue],
    opts: &crate::Options,
) -> Vec<Claim> {
    let mut cue_at_tok = CueByTok::new(toks.len() + 1);
    let mut cue_ending_at_tok = CueByTok::new(toks.len() + 1);
    for (i, c) in cues.iter().enumerate() {
        let t = token_at(toks, c.span.start);
        if t < toks.len() && toks[t].span.start == c.span.start && cue_at_tok.get(t).is_none() {
            cue_at_tok.set(t, i);
            // The last cue ending at a token wins, as the reverse search did.
            cue_ending_at_tok.set(token_at(toks, c.span.end), i);
        }
    }
    let mut ctx = Ctx {
        text,
        segs,
        toks,
        cues,
        cue_at_tok,
        cue_ending_at_tok,
        cue_used: vec![false; cues.len()],
        noun_phrase_claims: opts.noun_phrase_claims,
    };
    let spoken: Vec<&Quotation> = quotations.iter().filter(|q| q.role == Role::Quotation).collect();
    // Direct quotations first: their cues are the surest.
    let mut direct: Vec<Option<Claim>> = spoken.iter().map(|q| direct_claim(&mut ctx, q)).collect();
    let mut consumed = vec![false; spoken.len()];
    merge_split_quotes(&ctx, &spoken, &mut direct, &mut consumed);
    let mut rest_of_widened = Vec::new();
    for claim in direct.iter_mut().flatten() {
        rest_of_widened.extend(widen_to_clause(&ctx, claim));
    }
    // Reported speech on the cues left over; a clause that swallows a
    // quotation makes it mixed and takes its place.
    let mut claims: Vec<Claim> = rest_of_widened;
    next_paragraph_speaker(&mut ctx, &spoken, &mut direct, &consumed);
    reported(&mut ctx, &spoken, &mut direct, &mut consumed, &mut claims);
    headline_colon(&ctx, &spoken, &mut direct, &mut consumed, &mut claims);
    possessive_claims(&ctx, &spoken, &mut consumed, &mut direct, &mut claims);
    continuation(&ctx, &spoken, &mut direct, &consumed, &claims);
    for (i, q) in spoken.iter().enumerate() {
        if consumed[i] {
            continue;
        }
        match direct[i].take() {
            Some(c) => claims.push(c),
            // A quoted fragment inside a sentence that no sieve attributed
            // is a scare quote or part of someone's paraphrase, not a quotation.
            None if is_fragment(&ctx, q) => {}
            None => claims.push(Claim {
                kind: Kind::Direct,
                parts: q.parts.iter().map(|p| p.content.clone()).collect(),
                cue: None,
                mention: None,
                rule: "unattributed",
                confidence: 0.5,
            }),
        }
    }
    claims.retain(|c| c.parts.iter().all(|p| !p.is_empty()));
    claims.sort_by_key(|c| (c.start(), c.parts.last().map_or(0, |p| p.end)));
    claims
}

/// A short quotation, or one that starts in lowercase after words of its
/// sentence ("called it “a disaster in slow motion”").
fn is_fragment(ctx: &Ctx, q: &Quotation) -> bool {
    let first = &q.parts[0];
    let content = &ctx.text[first.content.clone()];
    let words = q
        .parts
        .iter()
        .map(|p| ctx.text[p.content.clone()].split_whitespace().count())
        .sum::<usize>();
    if words < 4 {
        return true;
    }
    let sent = &ctx.segs.sentences[ctx.segs.sentence_of(first.open.start)];
    let lowercase_start = content.chars().next().is_some_and(|c| c.is_lowercase());
    let mid_sentence = !ctx.text[sent.start..first.open.start].trim().is_empty();
    lowercase_start && mid_sentence
}

fn direct(q: &Quotation, cue: Option<Cue>, mention: Option<Mention>, rule: &'static str, confidence: f64) -> Claim {
    Claim {
        kind: Kind::Direct,
        parts: q.parts.iter().map(|p| p.content.clone()).collect(),
        cue,
        mention,
        rule,
        confidence,
    }
}

fn direct_claim(ctx: &mut Ctx, q: &Quotation) -> Option<Claim> {
    if let Some(claim) = transcript_label(ctx, q) {
        return Some(claim);
    }
    let last = q.parts.last()?;
    let para = ctx.para_toks(last.content.start);
    // After the closing mark.
    if let Some(close) = &last.close {
        let mut t = token_at(ctx.toks, close.end);
        if ctx.is(t, ",") {
            t += 1;
        }
        // After “… .” a following "X said" usually starts a new sentence with
        // its own content ("Ross concluded that …"); it attributes the quote
        // only when nothing but punctuation follows the attribution.
        let full_stop = ctx.text[last.content.clone()].ends_with('.');
        let attribution_ends = |end_tok: usize| {
            !full_stop || end_tok >= para.end || matches!(ctx.s(end_tok), "." | "," | ";" | "”" | "\"")
        };
        if t < para.end {
            // “Q,” said X
            if let Some(c) = ctx.cue_starting(t) {
                if ctx.cues[c].class().attributes_quotes() {
                    let after = ctx.cue_end_tok(c);
                    let m = mention_after(ctx.text, ctx.toks, after, para.end).filter(|m| {
                        attribution_ends(token_at(
                            ctx.toks,
                            m.descriptor.as_ref().map_or(m.span.end, |d| d.end.max(m.span.end)),
                        ))
                    });
                    if let Some(m) = m {
                        ctx.cue_used[c] = true;
                        return Some(direct(q, Some(ctx.cues[c].clone()), Some(m), "quote-cue-speaker", 0.95));
                    }
                }
            }
            // “Q,” X said
            if let Some(c) = (t + 1..(t + 40).min(para.end)).find_map(|k| ctx.cue_starting(k)) {
                let ct = ctx.cue_start_tok(c);
                let between_clean = (t..ct).all(|k| {
                    ctx.toks[k].kind == TokKind::Word || matches!(ctx.s(k), "’" | "'" | "," | "(" | ")" | "-" | "&")
                });
                if between_clean && ctx.cues[c].class().attributes_quotes() && attribution_ends(ctx.cue_end_tok(c)) {
                    // The phrase starts the attribution, or follows one or
                    // two lowercase modifiers ("retired Air Force general …").
                    let m = mention_before_loose(ctx.text, ctx.toks, t, ct)
                        .filter(|m| {
                            let mt = token_at(ctx.toks, m.span.start);
                            // Not a subordinator: “…,” when Clinton blasted him.
                            let modifiers = (t..mt).all(|k| {
                                ctx.toks[k].kind == TokKind::Word
                                    && ctx.s(k).starts_with(|c: char| c.is_lowercase())
                                    && !matches!(
                                        &*ctx.lower(k),
                                        "when" | "while" | "as" | "after" | "before" | "because" | "if" | "and" | "but"
                                    )
                            });
                            mt == t || (mt <= t + 2 && modifiers)
                        })
                        // "“Q,” Scott Pruitt, the attorney general of Oklahoma,
                        // one of the states suing, said": a name, then appositives.
                        .or_else(|| {
                            let m = mention_after(ctx.text, ctx.toks, t, ct)?;
                            let after = token_at(ctx.toks, m.span.end);
                            (m.kind == MentionKind::Name
                                && token_at(ctx.toks, m.span.start) == t
                                && ctx.is(after.min(ct), ",")
                                && ctx.is(ct - 1, ","))
                            .then_some(m)
                        });
                    if let Some(m) = m {
                        ctx.cue_used[c] = true;
                        return Some(direct(q, Some(ctx.cues[c].clone()), Some(m), "quote-speaker-cue", 0.95));
                    }
                }
            }
            // “Q” — X
            if matches!(ctx.s(t), "—" | "–" | "―") || (ctx.is(t, "-") && ctx.is(t + 1, "-")) {
                let from = if ctx.is(t + 1, "-") { t + 2 } else { t + 1 };
                if let Some(m) = mention_after(ctx.text, ctx.toks, from, para.end) {
                    return Some(direct(q, None, Some(m), "quote-dash-speaker", 0.85));
                }
            }
        }
    }
    // Before the opening mark.
    let first = &q.parts[0];
    let open_t = token_at(ctx.toks, first.open.start);
    let sent = ctx.sentence_toks(first.open.start);
    let para0 = ctx.para_toks(first.open.start);
    let lo = sent.start.max(para0.start);
    if open_t > lo {
        let mut b = open_t;
        let sep = if ctx.is(b - 1, ",") || ctx.is(b - 1, ":") {
            b -= 1;
            Some(ctx.s(b).to_string())
        } else {
            None
        };
        // X said, “Q” — the cue ends right before the separator.
        // "asking her, “…”", "told reporters, “…”": a hearer may sit between.
        let hearer = b > lo
            && matches!(
                &*ctx.lower(b - 1),
                "him" | "her" | "them" | "me" | "us" | "reporters" | "you"
            );
        let cue_end = if hearer { b - 1 } else { b };
        let ending = |at: usize| ctx.cue_ending_at_tok.get(at);
        // "Limbaugh told his radio audience of Monday, “…”", "Trump said in
        // an interview, “…”": a short hearer or adverbial with no verb of its
        // own between the cue and the separator.
        let phrase_end = || {
            sep.as_ref()?;
            // ending(k): a cue that ends right before token k.
            (b.saturating_sub(8).max(lo)..b).find(|&k| {
                ending(k).is_some()
                    && (k..b).all(|j| {
                        ctx.toks[j].kind == TokKind::Word
                            && !verb_like(ctx, j)
                            && !matches!(
                                &*ctx.lower(j),
                                "that" | "if" | "whether" | "how" | "what" | "why" | "who" | "when" | "to"
                            )
                            || ctx.is(j, "’s")
                            || ctx.is(j, "'s")
                    })
            })
        };
        if let Some(c) = [ending(b), ending(cue_end), phrase_end().and_then(ending)]
            .into_iter()
            .flatten()
            .find(|&c| !ctx.cue_used[c] && ctx.cue_start_tok(c) >= lo)
        {
            if ctx.cues[c].class().attributes_quotes() {
                let ct = ctx.cue_start_tok(c);
                // "…,” Trump said, adding later, “…”: the participle's subject.
                // (Or "… before asking her, “…”".)
                let participle = ctx.cues[c].form().ends_with("ing")
                    && ct > lo
                    && matches!(&*ctx.lower(ct - 1), "," | "before" | "after" | "while" | "by" | "when");
                let m = if participle {
                    (lo..ct)
                        .rev()
                        .find_map(|k| {
                            ctx.cue_at_tok
                                .get(k)
                                .filter(|&pc| pc != c && ctx.cue_used[pc])
                                .map(|_| k)
                        })
                        .and_then(|k| {
                            mention_after(ctx.text, ctx.toks, k + 1, ct)
                                .or_else(|| mention_before(ctx.text, ctx.toks, lo, k))
                        })
                        // "He then defended the remark, saying, “…”".
                        .or_else(|| sentence_subject(ctx, lo, ct - 1))
                } else {
                    mention_before_loose(ctx.text, ctx.toks, lo, ct).or_else(|| sentence_subject(ctx, lo, ct))
                };
                if let Some(m) = m {
                    // Without a separator, the quotation must be the whole clause.
                    if sep.is_some() {
                        ctx.cue_used[c] = true;
                        return Some(direct(q, Some(ctx.cues[c].clone()), Some(m), "speaker-cue-quote", 0.9));
                    }
                }
            }
        }
        // "Said Ellis: “Q”", "Added Smith, “Q”": the cue before its speaker.
        if sep.is_some() {
            if let Some(c) = ctx
                .cue_starting(lo)
                .filter(|&c| ctx.cues[c].class().attributes_quotes())
            {
                let m = mention_after(ctx.text, ctx.toks, ctx.cue_end_tok(c), b)
                    .filter(|m| token_at(ctx.toks, m.span.end.max(m.descriptor.as_ref().map_or(0, |d| d.end))) == b);
                if let Some(m) = m {
                    ctx.cue_used[c] = true;
                    return Some(direct(q, Some(ctx.cues[c].clone()), Some(m), "cue-speaker-quote", 0.85));
                }
            }
        }
        // The governor was blunt: “Q” / Fed chair: “Q”
        if sep.as_deref() == Some(":") {
            if let Some(m) = sentence_subject(ctx, lo, b) {
                return Some(direct(q, None, Some(m), "colon-intro", 0.75));
            }
        }
    }
    // As Senator Paul Greer put it: ¶ “Q”
    if open_t == para0.start && para0.start > 0 && ctx.is(para0.start - 1, ":") {
        let prev = ctx.para_toks(ctx.toks[para0.start - 1].span.start);
        let end = para0.start - 1;
        if let Some(c) = (prev.start..end).rev().find_map(|k| ctx.cue_starting(k)) {
            let ct = ctx.cue_start_tok(c);
            if let Some(m) = mention_before(ctx.text, ctx.toks, prev.start, ct) {
                ctx.cue_used[c] = true;
                return Some(direct(q, Some(ctx.cues[c].clone()), Some(m), "lead-in-colon", 0.85));
            }
        }
        if let Some(m) = mention_after(ctx.text, ctx.toks, prev.start, end) {
            return Some(direct(q, None, Some(m), "lead-in-colon", 0.7));
        }
    }
    None
}

/// `"WALLACE: Let's start …"`: a transcript line inside the marks names its
/// speaker in capitals before a colon (rule `transcript-label`).
fn transcript_label(ctx: &Ctx, q: &Quotation) -> Option<Claim> {
    let first = &q.parts[0];
    // The same label rule that splits a quoted transcript into turns.
    if !crate::quotes::opens_turn(ctx.text, first.content.start) {
        return None;
    }
    let ft = token_at(ctx.toks, first.content.start);
    let k = (ft + 1..(ft + 5).min(ctx.toks.len())).find(|&k| ctx.is(k, ":"))?;
    if k + 1 >= ctx.toks.len() || ctx.toks[k + 1].span.start >= first.content.end {
        return None;
    }
    let label = ctx.toks[ft].span.start..ctx.toks[k - 1].span.end;
    let mention = Mention {
        span: label.clone(),
        head: ctx.toks[k - 1].span.clone(),
        kind: crate::mentions::MentionKind::Name,
        stype: crate::mentions::SpeakerType::Person,
        name: Some(label),
        descriptor: None,
        gender: None,
    };
    let mut claim = direct(q, None, Some(mention), "transcript-label", 0.85);
    claim.parts[0].start = ctx.toks[k + 1].span.start;
    Some(claim)
}

/// The subject at the start of a sentence, after a leading adverbial
/// ("At the same time, the U.S. administration has …").
fn sentence_subject(ctx: &Ctx, lo: usize, hi: usize) -> Option<Mention> {
    let mut start = lo;
    if let Some(comma) = (lo..hi.min(lo + 24)).find(|&k| ctx.is(k, ",")) {
        let lead = ctx.lower(lo);
        if matches!(
            &*lead,
            "at" | "on"
                | "in"
                | "yet"
                | "but"
                | "still"
                | "meanwhile"
                | "however"
                | "earlier"
                | "later"
                | "last"
                | "then"
                | "after"
                | "before"
                | "writing"
                | "speaking"
                | "asked"
                | "with"
                | "during"
                | "amid"
                | "despite"
                | "as"
                | "when"
                | "while"
                | "if"
                | "although"
                | "though"
                | "because"
                | "since"
                | "following"
                | "ahead"
                | "and"
                | "so"
                | "now"
                | "today"
                | "instead"
                | "separately"
                | "also"
        ) || (lead.len() > 4 && (lead.ends_with("ed") || lead.ends_with("ing")) && lo + 1 < comma)
        {
            // Or a participle phrase: "Worried about turnout, President Obama …".
            start = comma + 1;
        }
    }
    mention_after(ctx.text, ctx.toks, start, hi)
}

/// `Mills “got an immunity agreement,” Jordan said`: words of the same
/// sentence before the opening mark make the claim mixed, and its span
/// starts with the sentence.
/// The pieces after the attribution stay a direct quotation: they come back
/// as a claim of their own.
fn widen_to_clause(ctx: &Ctx, claim: &mut Claim) -> Option<Claim> {
    if !matches!(claim.rule, "quote-cue-speaker" | "quote-speaker-cue" | "split-quote") {
        return None;
    }
    let first = claim.parts[0].clone();
    let sent = &ctx.segs.sentences[ctx.segs.sentence_of(first.start)];
    let before = &ctx.text[sent.start..first.start];
    // The opening mark itself (and any whitespace) is not "words before".
    let words =
        before.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '“' | '"' | '«' | '„' | '‘' | '\'' | '‹'));
    if words.chars().any(char::is_alphanumeric) && sent.start < first.start {
        claim.kind = Kind::Mixed;
        claim.parts[0] = sent.start..first.end;
        if claim.parts.len() > 1 {
            let rest = Claim {
                kind: Kind::Direct,
                parts: claim.parts.split_off(1),
                ..claim.clone()
            };
            return Some(rest);
        }
    }
    None
}

/// “Q1,” X said, “Q2” and “Q1,” X said. “Q2”: one claim in two parts.
fn merge_split_quotes(ctx: &Ctx, spoken: &[&Quotation], direct: &mut [Option<Claim>], consumed: &mut [bool]) {
    for i in 0..spoken.len().saturating_sub(1) {
        let Some(claim) = &direct[i] else { continue };
        if !matches!(
            claim.rule,
            "quote-cue-speaker" | "quote-speaker-cue" | "split-quote" | "speaker-cue-quote"
        ) || direct[i + 1].is_some()
        {
            continue;
        }
        let next = spoken[i + 1];
        let (Some(m), Some(c)) = (&claim.mention, &claim.cue) else {
            continue;
        };
        let attribution_end = m.span.end.max(c.span.end);
        let attribution_end = m
            .descriptor
            .as_ref()
            .map_or(attribution_end, |d| d.end.max(attribution_end));
        let last_end = claim.parts.last().map_or(0, |p| p.end);
        let attribution_end = attribution_end.max(last_end);
        if next.parts[0].open.start < attribution_end {
            continue;
        }
        let gap_span = attribution_end..next.parts[0].open.start;
        // Words after the attribution ("said at a campaign stop this week.")
        // may sit in the gap, but no other cue and no other quotation.
        // Quotation marks of a title ("on Fox News’s “Fox and Friends.”")
        // do not interrupt; another quotation does.
        let first = spoken.partition_point(|q| q.outer().end <= gap_span.start);
        let other_quote = (first..spoken.len())
            .take_while(|&j| spoken[j].outer().start < gap_span.end)
            .any(|j| j != i + 1);
        let gap_toks = token_at(ctx.toks, gap_span.start)..token_at(ctx.toks, gap_span.end);
        let cue_in_gap = gap_toks.into_iter().any(|k| {
            ctx.cue_at_tok
                .get(k)
                .is_some_and(|c| ctx.cues[c].span.end <= gap_span.end && ctx.cues[c].class() == CueClass::Speech)
        });
        let quiet = !other_quote && !cue_in_gap;
        let same_para = ctx.segs.paragraph_of(attribution_end) == ctx.segs.paragraph_of(next.start());
        // “Q2” must be speech of its own, not a fragment inside a new clause
        // (“…” to drive up the stock price, she said).
        let embedded = next.parts[0].close.as_ref().is_some_and(|close| {
            let after = token_at(ctx.toks, close.end);
            after < ctx.toks.len()
                && ctx.toks[after].kind == TokKind::Word
                && ctx.s(after).starts_with(|c: char| c.is_lowercase())
                && ctx.cue_at_tok.get(after).is_none()
                && !matches!(&*ctx.lower(after), "he" | "she" | "they" | "it" | "we" | "i")
        });
        if same_para && quiet && !embedded && next.parts.len() == 1 {
            let mut merged = direct[i].take().expect("checked");
            merged.parts.extend(next.parts.iter().map(|p| p.content.clone()));
            merged.rule = "split-quote";
            direct[i + 1] = Some(merged);
            // The merged claim lives at i+1; i is now part of it.
            consumed[i] = true;
        }
    }
}

/// The article's own headline: its first paragraph when that is one short
/// line.
fn own_headline<'c>(ctx: &Ctx<'c>) -> Option<&'c Span> {
    ctx.segs
        .paragraphs
        .first()
        .filter(|p| p.len() <= 400 && !ctx.text[(*p).clone()].contains('\n'))
}

/// "Pence: Gennifer Flowers Won’t Be at Debate": a headline (the first
/// paragraph, one short line) that names its source before a colon (rule
/// `headline-colon`).
fn headline_colon(
    ctx: &Ctx,
    spoken: &[&Quotation],
    direct: &mut [Option<Claim>],
    consumed: &mut [bool],
    claims: &mut Vec<Claim>,
) {
    let Some(para) = own_headline(ctx) else {
        return;
    };
    let toks = token_at(ctx.toks, para.start)..token_at(ctx.toks, para.end);
    if toks.len() > 40 {
        return;
    }
    let Some(colon) = (toks.start + 1..(toks.start + 6).min(toks.end)).find(|&k| ctx.is(k, ":")) else {
        return;
    };
    let named = (toks.start..colon)
        .all(|k| ctx.toks[k].kind == TokKind::Word && ctx.s(k).starts_with(|c: char| c.is_uppercase()));
    let Some(m) = mention_after(ctx.text, ctx.toks, toks.start, colon).filter(|m| {
        named && m.span.start == ctx.toks[toks.start].span.start && token_at(ctx.toks, m.span.end) == colon
    }) else {
        return;
    };
    let content = trim_span(ctx.text, ctx.toks[colon].span.end..para.end);
    let content = trim_span(
        ctx.text,
        content.start..content.end - usize::from(ctx.text[content.clone()].ends_with('.')),
    );
    if ctx.text[content.clone()].split_whitespace().count() < 2 {
        return;
    }
    let inside = quotes_within(spoken, consumed, &content);
    let whole_quote = inside.len() == 1 && {
        let outer = spoken[inside[0]].outer();
        outer.start == content.start && outer.end + 1 >= content.end
    };
    if whole_quote {
        // "Warren: ‘You Should Be Criminally Investigated.’": a quotation.
        let i = inside[0];
        if direct[i].as_ref().is_none_or(|d| d.mention.is_none()) {
            let mut claim = direct_from(spoken[i]);
            claim.mention = Some(m);
            claim.rule = "headline-colon";
            claim.confidence = 0.6;
            direct[i] = Some(claim);
        }
        return;
    }
    for &i in &inside {
        consumed[i] = true;
        direct[i] = None;
    }
    claims.push(Claim {
        kind: if inside.is_empty() { Kind::Indirect } else { Kind::Mixed },
        parts: vec![content],
        cue: None,
        mention: Some(m),
        rule: "headline-colon",
        confidence: 0.6,
    });
}

/// "Trump's claim that …", "her warning that …": the possessor is the
/// source, the clause after "that" the content (rule `possessive-claim`).
fn possessive_claims(
    ctx: &Ctx,
    spoken: &[&Quotation],
    consumed: &mut [bool],
    direct: &mut [Option<Claim>],
    claims: &mut Vec<Claim>,
) {
    // Spans already claimed, sorted, with the running maximum of their ends,
    // so each candidate is one binary search (not a scan of every claim).
    let mut covered: Vec<Span> = claims.iter().flat_map(|c| c.parts.iter().cloned()).collect();
    covered.sort_by_key(|p| p.start);
    let covered_max_end: Vec<usize> = covered
        .iter()
        .scan(0usize, |m, p| {
            *m = (*m).max(p.end);
            Some(*m)
        })
        .collect();
    // The end of the last claim this sieve added (candidates come in text order).
    let mut pushed_until = 0usize;
    for t in 1..ctx.toks.len().saturating_sub(2) {
        if ctx.lower(t + 1) != "that" || !LEXICON.claim_nouns.contains(&*ctx.lower(t)) {
            continue;
        }
        let owner = ctx.s(t - 1);
        let lower_owner = owner.to_lowercase();
        let possessive = owner.ends_with("’s") || owner.ends_with("'s");
        let pronoun = match &*lower_owner {
            "his" => Some("he"),
            "her" => Some("she"),
            "their" => Some("they"),
            "its" => Some("it"),
            _ => None,
        };
        if !possessive && pronoun.is_none() {
            continue;
        }
        let start = t + 2;
        let at = ctx.toks[start].span.start;
        let k = covered.partition_point(|p| p.start <= at);
        if (k > 0 && at < covered_max_end[k - 1]) || at < pushed_until {
            continue;
        }
        let sent = ctx.sentence_toks(ctx.toks[t].span.start);
        let mention = if let Some(p) = pronoun {
            let (stype, gender) = crate::mentions::pronoun(p).expect("a subject pronoun");
            Some(Mention {
                span: ctx.toks[t - 1].span.clone(),
                head: ctx.toks[t - 1].span.clone(),
                kind: crate::mentions::MentionKind::Pronoun,
                stype,
                name: None,
                descriptor: None,
                gender,
            })
        } else {
            // The owner is the name or short description right before "’s".
            let mut lo = t - 1;
            while lo > sent.start && lo + 6 > t && ctx.toks[lo - 1].kind == TokKind::Word {
                let w = ctx.s(lo - 1);
                let cap = w.starts_with(|c: char| c.is_uppercase());
                if !cap && !DETERMINERS.contains(&w.to_lowercase().as_str()) {
                    break;
                }
                lo -= 1;
                if !cap {
                    break;
                }
            }
            mention_before(ctx.text, ctx.toks, lo, t)
        };
        let Some(mention) = mention else { continue };
        let end = clause_end(ctx, start, sent.end);
        let span = trim_span(
            ctx.text,
            ctx.toks[start].span.start..end.max(ctx.toks[start].span.start),
        );
        if ctx.text[span.clone()].split_whitespace().count() < 2 {
            continue;
        }
        let inside = quotes_within(spoken, consumed, &span);
        for &i in &inside {
            consumed[i] = true;
            direct[i] = None;
        }
        let cue = crate::cues::entry_of(&ctx.lower(t)).map(|entry| Cue {
            span: ctx.toks[t].span.clone(),
            entry,
        });
        pushed_until = span.end;
        claims.push(Claim {
            kind: if inside.is_empty() { Kind::Indirect } else { Kind::Mixed },
            parts: vec![span],
            cue,
            mention: Some(mention),
            rule: "possessive-claim",
            confidence: 0.6,
        });
    }
}

/// A quote-only paragraph (or a quote opening the paragraph right after an
/// attributed quotation) continues the previous speaker.
fn continuation(ctx: &Ctx, spoken: &[&Quotation], direct: &mut [Option<Claim>], consumed: &[bool], claims: &[Claim]) {
    // Attributed reported claims by start, for a binary search per quotation.
    let mut claim_starts: Vec<(usize, usize)> = (0..claims.len())
        .filter(|&c| claims[c].mention.is_some())
        .map(|c| (claims[c].start(), c))
        .collect();
    claim_starts.sort_unstable();
    for i in 0..spoken.len() {
        if direct[i].is_some() || consumed[i] {
            continue;
        }
        let q = spoken[i];
        let p_now = ctx.segs.paragraph_of(q.start());
        let para = &ctx.segs.paragraphs[p_now];
        let opens_para = q.parts[0].open.start == para.start;
        // A quotation may run over paragraphs: what follows it is in its last one.
        let end = q.outer().end;
        let last_para = &ctx.segs.paragraphs[ctx.segs.paragraph_of(end.saturating_sub(1))];
        let quote_only = opens_para && ctx.text[end.min(last_para.end)..last_para.end].trim().is_empty();
        // Or a quotation that makes up a whole sentence right after an
        // attributed sentence of the same paragraph ("…, Schiff said. “…”").
        let s_now = ctx.segs.sentence_of(q.parts[0].open.start);
        let sentence = &ctx.segs.sentences[s_now];
        // The quotation may hold several sentences: look after its end.
        let last_sentence = &ctx.segs.sentences[ctx.segs.sentence_of(end.saturating_sub(1))];
        let whole_sentence = q.parts[0].open.start == sentence.start
            && ctx.text[end.min(last_sentence.end)..last_sentence.end.max(end)]
                .trim_matches(|c: char| c.is_whitespace() || c == '.')
                .is_empty();
        if !quote_only && !whole_sentence {
            continue;
        }
        // The nearest attributed claim before it: a direct quotation, or a
        // reported claim that introduced the speaker ("Mr. Obama said.").
        let before_q = |c: &&Claim| c.start() < q.start() && c.mention.is_some();
        let prev_direct = (0..i)
            .rev()
            .take(64)
            .find_map(|j| direct[j].as_ref().filter(|_| !consumed[j]))
            .filter(|c| c.mention.is_some());
        let k = claim_starts.partition_point(|&(start, _)| start < q.start());
        let prev_claim = k.checked_sub(1).map(|k| &claims[claim_starts[k].1]).filter(before_q);
        let prev = match (prev_direct, prev_claim) {
            (Some(d), Some(c)) => {
                if d.start() >= c.start() {
                    d
                } else {
                    c
                }
            }
            (Some(d), None) => d,
            (None, Some(c)) => c,
            (None, None) => continue,
        };
        let prev_end = prev.parts.last().map_or(0, |p| p.start);
        let p_prev = ctx.segs.paragraph_of(prev_end);
        let next_sentence = p_now == p_prev
            && ctx
                .segs
                .sentence_of(prev.mention.as_ref().map_or(prev_end, |m| m.span.start).max(prev_end))
                + 1
                == s_now;
        if (quote_only && p_now == p_prev + 1) || (whole_sentence && next_sentence) {
            let mut c = direct_from(q);
            c.mention = prev.mention.clone();
            c.rule = "continuation";
            c.confidence = 0.7;
            direct[i] = Some(c);
        }
    }
}

fn direct_from(q: &Quotation) -> Claim {
    direct(q, None, None, "unattributed", 0.5)
}

/// Whether a token can open a new clause with its own subject (ends the
/// reported clause at ", while …" / ", but …").
fn new_subject(ctx: &Ctx, t: usize) -> bool {
    let w = ctx.lower(t);
    if w.ends_with("ing") || matches!(&*w, "instead" | "also" | "not" | "then" | "only" | "rather") {
        return false;
    }
    true
}

/// End (exclusive, in bytes) of a reported clause starting at token `from`,
/// and the token where the scan stopped.
fn clause_end(ctx: &Ctx, from: usize, sent_end: usize) -> usize {
    let mut k = from;
    let mut depth = 0i32;
    while k < sent_end {
        let s = ctx.s(k);
        match s {
            "“" | "«" | "„" => depth += 1,
            "”" | "»" => depth -= 1,
            ";" if depth <= 0 => break,
            _ => {}
        }
        // A comma, or a closing mark right after a comma (“…,” adding),
        // may end the clause.
        // A dash works as a comma here ("… made public ― Trump boasted, …").
        let comma = (matches!(s, "," | "—" | "―" | "–") && depth <= 0)
            || (depth <= 0 && matches!(s, "”" | "»" | "\"") && ctx.is(k.saturating_sub(1), ","));
        match s {
            _ if comma => {
                let n = ctx.lower(k + 1);
                // ", adding that …", ", saying …": a new claim.
                if let Some(c) = ctx.cue_at_tok.get(k + 1) {
                    if ctx.cues[c].form().ends_with("ing") && ctx.cues[c].class() == CueClass::Speech {
                        break;
                    }
                }
                if matches!(&*n, "while" | "but" | "whereas" | "although" | "though") && new_subject(ctx, k + 2) {
                    break;
                }
                // ", implicitly putting his name on the line": a participle
                // after a complete clause is the subject's act, not content.
                let participle = |t: usize| {
                    let w = ctx.lower(t);
                    w.len() > 5 && w.ends_with("ing") && !matches!(&*w, "including" | "according" | "regarding")
                };
                if s == ","
                    && (participle(k + 1) || (n.len() > 4 && n.ends_with("ly") && participle(k + 2)))
                    && is_clausal(ctx, from, k)
                {
                    break;
                }
                if matches!(&*n, "a" | "an") {
                    break;
                }
                if n == "according" {
                    break;
                }
                // ", X said" — a new attribution.
                if let Some(c) = (k + 1..(k + 8).min(sent_end)).find_map(|j| ctx.cue_at_tok.get(j)) {
                    let ct = ctx.cue_start_tok(c);
                    if mention_before(ctx.text, ctx.toks, k + 1, ct)
                        .is_some_and(|m| m.span.start == ctx.toks[k + 1].span.start)
                    {
                        break;
                    }
                }
            }
            // "expressed skepticism … but urged Trump …": after a noun-phrase
            // content, "and/but" + a verb starts the subject's next act.
            // ("American- and Israeli-backed": a suspended hyphen, no verb.)
            "and" | "but"
                if depth <= 0 && verb_like(ctx, k + 1) && !ctx.is(k - 1, "-") && !is_clausal(ctx, from, k) =>
            {
                break
            }
            "and" if depth <= 0 => {
                // "… and questioned whether …": a coordinated cue.
                if let Some(c) = ctx.cue_at_tok.get(k + 1) {
                    if ctx.cues[c].class() == CueClass::Speech && !ctx.cues[c].form().ends_with("ing") {
                        break;
                    }
                }
            }
            _ => {}
        }
        k += 1;
    }
    if k == from {
        return ctx.toks.get(from).map_or(0, |t| t.span.start);
    }
    let mut end = ctx.toks[k - 1].span.end;
    // A sentence-final period outside any quote mark is not part of the claim.
    if k == sent_end && ctx.is(k - 1, ".") {
        end = ctx.toks[k - 1].span.start;
    }
    end
}

/// A finite verb or auxiliary ("… and has since left", "… but urged").
fn verb_like(ctx: &Ctx, t: usize) -> bool {
    let w = ctx.lower(t);
    matches!(
        &*w,
        "has" | "had" | "have" | "was" | "is" | "were" | "are" | "did" | "does"
    ) || (w.len() > 4 && w.ends_with("ed") && !w.contains('-'))
}

/// Words that may sit between a cue and "that": an object or adverbial
/// ("told protesters that", "said on Friday that").
fn find_that(ctx: &Ctx, from: usize, sent_end: usize) -> Option<usize> {
    let that = find_that_after(ctx, from, sent_end)?;
    // "dismissed Trump's claim that …": the clause is the claim's, not the cue's.
    let possessed_claim = that >= 2
        && LEXICON.claim_nouns.contains(&*ctx.lower(that - 1))
        && (ctx.s(that - 2).ends_with("’s")
            || ctx.s(that - 2).ends_with("'s")
            || matches!(&*ctx.lower(that - 2), "his" | "her" | "their" | "its"));
    (!possessed_claim).then_some(that)
}

fn find_that_after(ctx: &Ctx, from: usize, sent_end: usize) -> Option<usize> {
    // "says at a campaign stop in Toledo, Ohio, that …": a place phrase may
    // hold commas.
    if matches!(&*ctx.lower(from), "at" | "in" | "on" | "during" | "after" | "before") {
        if let Some(k) = (from..(from + 14).min(sent_end))
            .take_while(|&k| ctx.toks[k].kind == TokKind::Word || ctx.is(k, ",") || ctx.is(k, "’") || ctx.is(k, "'"))
            .find(|&k| ctx.lower(k) == "that" && ctx.is(k - 1, ","))
        {
            return Some(k);
        }
    }
    (from..(from + 7).min(sent_end))
        .take_while(|&k| ctx.toks[k].kind == TokKind::Word || ctx.is(k, "’") || ctx.is(k, "'"))
        .find(|&k| ctx.lower(k) == "that")
        .filter(|&k| !demonstrative_that(ctx, k, sent_end))
}

/// "said that on Monday", "said that." — "that" as a pronoun (it points
/// back at something said), not as the start of a content clause.
fn demonstrative_that(ctx: &Ctx, that: usize, sent_end: usize) -> bool {
    let next = that + 1;
    next >= sent_end
        || ctx.toks[next].kind == TokKind::Punct && !is_open_mark(ctx.s(next))
        || matches!(
            &*ctx.lower(next),
            "on" | "at"
                | "during"
                | "after"
                | "before"
                | "to"
                | "about"
                | "of"
                | "too"
                | "again"
                | "yesterday"
                | "today"
        )
}

/// `“Q.” ¶ So said Mayor John Smith on Monday.` / `¶ Smith said that at …`:
/// a quote-only paragraph takes the speaker of the next paragraph's opening
/// attribution when that attribution reports nothing of its own.
fn next_paragraph_speaker(ctx: &mut Ctx, spoken: &[&Quotation], direct: &mut [Option<Claim>], consumed: &[bool]) {
    for i in 0..spoken.len() {
        if direct[i].is_some() || consumed[i] {
            continue;
        }
        let q = spoken[i];
        let p_now = ctx.segs.paragraph_of(q.start());
        let para = &ctx.segs.paragraphs[p_now];
        let end = q.outer().end;
        if q.parts[0].open.start != para.start || end < para.end.saturating_sub(1) {
            continue;
        }
        let Some(next) = ctx
            .segs
            .paragraphs
            .get(ctx.segs.paragraph_of(end.saturating_sub(1)) + 1)
        else {
            continue;
        };
        let sent = ctx.sentence_toks(next.start);
        let Some(c) = (sent.start..sent.end.min(sent.start + 10)).find_map(|k| ctx.cue_starting(k)) else {
            continue;
        };
        if !ctx.cues[c].class().attributes_quotes() {
            continue;
        }
        let ct = ctx.cue_start_tok(c);
        let ce = ctx.cue_end_tok(c);
        let m = if ct == sent.start || (ct == sent.start + 1 && ctx.lower(sent.start) == "so") {
            mention_after(ctx.text, ctx.toks, ce, sent.end)
        } else {
            mention_before(ctx.text, ctx.toks, sent.start, ct)
                .filter(|m| m.span.start == ctx.toks[sent.start].span.start)
        };
        let Some(m) = m else { continue };
        let after = token_at(ctx.toks, m.span.end.max(ctx.cues[c].span.end));
        let reports_nothing = after >= sent.end
            || ctx.is(after, ".")
            || (matches!(&*ctx.lower(after), "that" | "this" | "so" | "it")
                && demonstrative_that(ctx, after, sent.end))
            || matches!(
                &*ctx.lower(after),
                "on" | "at" | "in" | "during" | "after" | "before" | "yesterday" | "today"
            );
        if reports_nothing {
            ctx.cue_used[c] = true;
            let claim = self::direct(q, Some(ctx.cues[c].clone()), Some(m), "next-paragraph-speaker", 0.7);
            direct[i] = Some(claim);
        }
    }
}

fn reported(
    ctx: &mut Ctx,
    spoken: &[&Quotation],
    direct: &mut [Option<Claim>],
    consumed: &mut [bool],
    claims: &mut Vec<Claim>,
) {
    let mut covered_until = 0usize;
    // (Once per document: scanning the first paragraph per cue would be
    // quadratic on a one-paragraph document.)
    let one_line_headline = own_headline(ctx).is_some();
    for c in 0..ctx.cues.len() {
        if ctx.cue_used[c] {
            continue;
        }
        let cue = ctx.cues[c].clone();
        if cue.span.start < covered_until {
            continue;
        }
        // A cue inside a quotation is the speaker's own word.
        if quote_containing(spoken, cue.span.start).is_some_and(|i| {
            // Parts are in text order: one binary search finds the candidate.
            let parts = &spoken[i].parts;
            let k = parts.partition_point(|p| p.content.start <= cue.span.start);
            k > 0 && cue.span.end <= parts[k - 1].content.end
        }) {
            continue;
        }
        let ct = ctx.cue_start_tok(c);
        let ce = ctx.cue_end_tok(c);
        let sent = ctx.sentence_toks(cue.span.start);
        // A capitalised cue inside a sentence belongs to a headline
        // ("Reports Indicated That …"), not to reported speech.
        let headline_end = ce + 1 >= sent.end || (ce + 1 == sent.end - 1 && ctx.is(sent.end - 1, "."));
        // In the article's own headline (its first line) a capitalised cue
        // is the verb: "Sanders Vows To Eliminate Tax Breaks".
        let own_headline = one_line_headline && ctx.segs.paragraph_of(cue.span.start) == 0;
        if ct > sent.start && ctx.s(ct).starts_with(|c: char| c.is_uppercase()) && !headline_end && !own_headline {
            continue;
        }
        // "analysts asking what …": an -ing form straight after a noun is
        // not a finite report; it needs a comma (", adding that") or an
        // auxiliary ("is saying").
        if cue.form().ends_with("ing")
            && !cue.form().contains(' ')
            && ct > sent.start
            && ctx.toks[ct - 1].kind == TokKind::Word
        {
            continue;
        }
        let belief = cue.class() == CueClass::Belief;
        let confidence = if belief { 0.4 } else { 0.8 };
        let claim = if cue.class() == CueClass::According {
            according_to(ctx, c, sent.clone())
        } else {
            let before = ctx.s(ct.saturating_sub(1)).to_lowercase();
            // Who speaks: the subject before the cue, or the subject of the
            // claim this cue continues (", adding that", "and warned").
            let after_comma =
                before == "," || (matches!(&*before, "”" | "\"" | "»") && ctx.is(ct.saturating_sub(2), ","));
            let by_ing = cue.form().ends_with("ing")
                && ct > sent.start
                && matches!(
                    &*before,
                    "by" | "after" | "before" | "while" | "when" | "without" | "in"
                );
            // "Citing an unfounded theory, Trump accused …": a participle
            // opening the sentence; its subject follows the comma.
            let opening_participle =
                cue.form().ends_with("ing") && !cue.form().contains(' ') && ct == sent.start && !belief;
            let (mention, rule) = if opening_participle {
                let m = (ce..sent.end)
                    .find(|&k| ctx.is(k, ","))
                    .and_then(|k| mention_after(ctx.text, ctx.toks, k + 1, sent.end));
                (m, "participle-continuation")
            } else if by_ing {
                // "… pitched himself by telling them that …": the clause's subject.
                let m = if ct - 1 == sent.start {
                    // "After saying …, she was …": the subject follows the phrase.
                    (ce..sent.end)
                        .find(|&k| ctx.is(k, ","))
                        .and_then(|k| mention_after(ctx.text, ctx.toks, k + 1, sent.end))
                } else {
                    sentence_subject(ctx, sent.start, ct - 1)
                };
                (m, "participle-continuation")
            } else if ct > sent.start && after_comma && cue.form().ends_with("ing") && !belief {
                let m = last_mention_in(claims, direct, spoken, ctx, sent.clone(), cue.span.start)
                    .or_else(|| sentence_subject(ctx, sent.start, ct - 1));
                (m, "participle-continuation")
            } else if ct > sent.start && before == "and" {
                let m = last_mention_in(claims, direct, spoken, ctx, sent.clone(), cue.span.start)
                    .or_else(|| sentence_subject(ctx, sent.start, ct - 1));
                (m, "coordinated-cue")
            } else if before == "," && inverted_attribution_ends(ctx, ce, sent.end) {
                // "CLAUSE, but for some, the losses would outstrip the gains,
                // said Batchelder.": the speaker follows; what precedes the
                // comma is the claim, not an appositive.
                (None, "clause-speaker-cue")
            } else {
                (mention_before(ctx.text, ctx.toks, sent.start, ct), "speaker-cue-that")
            };
            match mention {
                Some(m) if ct > sent.start || opening_participle => {
                    // The clause: an infinitive ("vowed to repeal"), after
                    // "that", or straight after the cue.
                    // Only for the main verb: "said … and vowed to fight it",
                    // "…, refusing to address it" add an intention or act to
                    // the clause, not a claim of their own (the project's
                    // hard cases and example; PolNeAR would count them).
                    let infinitive =
                        infinitive_start(ctx, cue.lemma(), ce, sent.end).filter(|_| rule == "speaker-cue-that");
                    // "dismissed Trump's claim that …" belongs to the claim's owner.
                    if infinitive.is_none()
                        && find_that(ctx, ce, sent.end).is_none()
                        && find_that_after(ctx, ce, sent.end).is_some()
                    {
                        continue;
                    }
                    // "As Ms. Simonyan put it in July, CLAUSE": the clause follows the comma.
                    let as_clause = (ctx.lower(sent.start) == "as"
                        && token_at(ctx.toks, m.span.start) == sent.start + 1)
                        .then(|| (ce..(ce + 16).min(sent.end)).find(|&k| ctx.is(k, ",")))
                        .flatten()
                        .filter(|&k| k + 2 < sent.end);
                    let start_t = match (as_clause, infinitive, find_that(ctx, ce, sent.end)) {
                        (Some(comma), _, _) => Some(comma + 1),
                        (None, Some(to), _) => Some(to),
                        (None, None, Some(that)) => Some(that + 1),
                        (None, None, None) => hearer_then_clause(ctx, cue.lemma(), ce, sent.end)
                            .or_else(|| content_start(ctx, ce, sent.end)),
                    };
                    // A noun phrase after a cue that mostly takes a clause
                    // ("dismissed the prospects") is no claim by default (a
                    // claim's content is a clause); with --noun-phrase-claims
                    // it is one, at a lower confidence.
                    let np_after_clause_cue = start_t
                        .is_some_and(|st| !LEXICON.np_content.contains(cue.lemma()) && !is_clausal(ctx, st, sent.end));
                    let np_dropped = np_after_clause_cue && !ctx.noun_phrase_claims;
                    let confidence = if np_after_clause_cue { 0.45 } else { confidence };
                    // "CLAUSE, X told The Huffington Post.": a short phrase
                    // ending the sentence is the hearer, the content is before.
                    let hearer_only = find_that(ctx, ce, sent.end).is_none()
                        && start_t.is_some_and(|st| {
                            sent.end - st <= 8 && ctx.is(sent.end - 1, ".") && !is_clausal(ctx, st, sent.end - 1)
                        })
                        && clause_before(ctx, c, sent.clone(), Some(m.clone()), confidence).is_some();
                    match start_t {
                        Some(_) if hearer_only => clause_before(ctx, c, sent.clone(), Some(m), confidence),
                        Some(_) if np_dropped => clause_before(ctx, c, sent.clone(), Some(m), 0.8),
                        Some(st) if st < sent.end => {
                            // Clause before the subject: "CLAUSE, X said." is handled below.
                            let mut end = clause_end(ctx, st, sent.end);
                            // "X, who emphasized that …, spoke": a relative
                            // clause ends at its comma.
                            if m.kind == crate::mentions::MentionKind::Relative {
                                if let Some(comma) = (st..token_at(ctx.toks, end)).find(|&k| ctx.is(k, ",")) {
                                    end = end.min(ctx.toks[comma].span.start);
                                }
                            }
                            let span = trim_span(ctx.text, ctx.toks[st].span.start..end.max(ctx.toks[st].span.start));
                            Some(Claim {
                                kind: Kind::Indirect,
                                parts: vec![span],
                                cue: Some(cue.clone()),
                                mention: Some(m),
                                rule,
                                confidence,
                            })
                        }
                        _ => clause_before(ctx, c, sent.clone(), Some(m), confidence),
                    }
                }
                _ => clause_before(ctx, c, sent.clone(), None, confidence),
            }
        };
        let Some(mut claim) = claim else { continue };
        claim.parts.retain(|p| !p.is_empty());
        if claim.parts.is_empty()
            || claim
                .parts
                .iter()
                .map(|p| ctx.text[p.clone()].split_whitespace().count())
                .sum::<usize>()
                < 2
        {
            continue;
        }
        // A clause that opens with a quotation runs at least to its end: the
        // sentence splitter may have cut inside it ("declared “… obsolete. …
        // Things are different now.”").
        if let (Some(i), [part]) = (quote_containing(spoken, claim.parts[0].start), &mut claim.parts[..]) {
            let outer = spoken[i].outer();
            if outer.start == part.start && outer.end > part.end && !consumed[i] {
                part.end = outer.end;
            }
        }
        // Quotations inside the clause: mixed, or direct when it is all quote.
        let span = claim.parts[0].start..claim.parts.last().map_or(0, |p| p.end);
        let inside = quotes_within(spoken, consumed, &span);
        let quote_only = cue.class() == CueClass::Quote;
        if !inside.is_empty() {
            let q = spoken[inside[0]];
            // "X declared “…”" quotes; "X says that “…”" reports (mixed).
            let after_that = ctx.lower(token_at(ctx.toks, span.start).saturating_sub(1)) == "that";
            let all_quote =
                inside.len() == 1 && q.outer().start == span.start && q.outer().end + 1 >= span.end && !after_that;
            if all_quote {
                if direct[inside[0]].as_ref().is_some_and(|d| d.mention.is_some()) {
                    continue;
                }
                claim.kind = Kind::Direct;
                claim.parts = q.parts.iter().map(|p| p.content.clone()).collect();
                claim.rule = "speaker-cue-quote";
            } else if quote_only {
                continue;
            } else {
                claim.kind = Kind::Mixed;
            }
            for &i in &inside {
                consumed[i] = true;
                direct[i] = None;
            }
        } else if quote_only && short_quote_span(ctx.text, &span).is_none() {
            // "read", "sang": they attribute words quoted, never a report.
            continue;
        } else if quote_containing(spoken, span.start).is_some_and(|i| spoken[i].outer().start < span.start) {
            // The clause starts inside a quotation: not reported speech.
            continue;
        } else if let Some(inner) = short_quote_span(ctx.text, &span).filter(|_| {
            // Not "what it calls “…”": that names the thing in the speaker's words.
            claim.mention.as_ref().is_some_and(|m| {
                let mt = token_at(ctx.toks, m.span.start);
                mt == 0 || ctx.lower(mt - 1) != "what"
            })
        }) {
            // "… that Mayor de Blasio described as “an intentional act.”": a
            // short quotation taken for a term, but the cue has a speaker.
            claim.kind = Kind::Direct;
            claim.parts = vec![inner];
            claim.rule = "speaker-cue-quote";
        }
        ctx.cue_used[c] = true;
        covered_until = claim.parts.last().map_or(0, |p| p.end).max(cue.span.end);
        claims.push(claim);
    }
}

/// The inside of `span` when it is one quotation and nothing else (but a
/// final period or comma): “an intentional act.”
fn short_quote_span(text: &str, span: &Span) -> Option<Span> {
    let s = &text[span.clone()];
    let open = s.chars().next().filter(|&c| matches!(c, '“' | '"' | '«'))?;
    let body = s.trim_end_matches(['.', ',']);
    let close = body.chars().next_back().filter(|&c| matches!(c, '”' | '"' | '»'))?;
    // (A lone mark is both the opening and the closing one: no inside.)
    let inner = body.get(open.len_utf8()..body.len().checked_sub(close.len_utf8())?)?;
    if inner.is_empty() || inner.contains(['“', '”', '"', '«', '»']) {
        return None;
    }
    let start = span.start + open.len_utf8();
    Some(trim_span(text, start..start + inner.len()))
}

/// Where the content of a cue begins when no "that" follows: PolNeAR-style
/// content is the rest of the clause ("urged supporters to vote", "spoke
/// about the debate"), so only punctuation or an adverbial preposition ("said
/// on Friday.") rules it out.
fn content_start(ctx: &Ctx, t: usize, sent_end: usize) -> Option<usize> {
    if t >= sent_end {
        return None;
    }
    if ctx.toks[t].kind == TokKind::Punct {
        return is_open_mark(ctx.s(t)).then_some(t);
    }
    let w = ctx.lower(t);
    // "announced on Friday the arrest of …": a time phrase before the content.
    let time_words = match &*w {
        "on" if is_weekday(&ctx.lower(t + 1)) => 2,
        "last" | "this" | "earlier" if matches!(&*ctx.lower(t + 1), "week" | "month" | "year" | "weekend") => 2,
        "yesterday" | "today" | "tonight" => 1,
        w if is_weekday(w) => 1,
        _ => 0,
    };
    if time_words > 0 {
        // "said Friday afternoon, …": the part of the day goes with it.
        let day_part = matches!(
            &*ctx.lower(t + time_words),
            "morning" | "afternoon" | "evening" | "night"
        );
        let next = t + time_words + usize::from(day_part);
        return (next < sent_end && !ctx.is(next, ".") && !ctx.is(next, ","))
            .then(|| content_start(ctx, next, sent_end))
            .flatten()
            .filter(|&k| ctx.toks[k].kind == TokKind::Word && !matches!(&*ctx.lower(k), "that" | "at" | "in" | "on"));
    }
    match &*w {
        "about" | "of" | "over" | "against" => (t + 1 < sent_end).then_some(t + 1),
        "on" | "in" | "at" | "to" | "with" | "by" | "from" | "during" | "after" | "before" | "as" | "and" | "but"
        | "or" | "so" | "into" | "onto" | "for" | "until" | "through" | "under" | "within" | "without" | "toward"
        | "towards" | "across" | "around" | "behind" | "beyond" | "near" | "since" | "upon" | "via" | "amid"
        | "despite" | "like" | "briefly" | "here" | "now" | "up" | "out" | "off" | "down" | "back" | "away"
        | "forward" | "not" | "never" | "thursday" | "friday" | "monday" | "tuesday" | "wednesday" | "saturday"
        | "sunday" | "yesterday" | "today" | "tonight" | "earlier" | "later" | "last" | "also" | "again"
        | "repeatedly" => None,
        // "Health worries have dogged …": the "cue" was a noun, the verb follows.
        "have" | "has" | "had" | "is" | "was" | "are" | "were" | "will" | "would" | "can" | "could" => None,
        // "it has declined slightly from …": an adverb, no content.
        w if w.len() > 4 && w.ends_with("ly") => None,
        _ => Some(t),
    }
}

/// "told African-Americans this weekend he would …": after a cue that takes
/// a hearer, a subject pronoun within a few words starts the clause.
fn hearer_then_clause(ctx: &Ctx, lemma: &str, t: usize, sent_end: usize) -> Option<usize> {
    if !matches!(
        lemma,
        "tell" | "assure" | "inform" | "remind" | "warn" | "promise" | "convince"
    ) {
        return None;
    }
    (t + 1..(t + 8).min(sent_end))
        .take_while(|&k| ctx.toks[k].kind == TokKind::Word || ctx.is(k, "’") || ctx.is(k, "'"))
        .find(|&k| matches!(&*ctx.lower(k), "he" | "she" | "they" | "it" | "i" | "we"))
        .filter(|&k| k + 1 < sent_end && ctx.toks[k + 1].kind == TokKind::Word)
}

fn is_weekday(w: &str) -> bool {
    matches!(
        w,
        "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday"
    )
}

/// Whether a speaker phrase right after a cue ends the sentence, maybe
/// after a short adverbial: ", said Batchelder.", ", said a spokesman on Friday."
fn inverted_attribution_ends(ctx: &Ctx, ce: usize, sent_end: usize) -> bool {
    let Some(m) = mention_after(ctx.text, ctx.toks, ce, sent_end) else {
        return false;
    };
    if token_at(ctx.toks, m.span.start) != ce || m.kind == MentionKind::Pronoun {
        return false;
    }
    let end = m.descriptor.as_ref().map_or(m.span.end, |d| d.end.max(m.span.end));
    let mut k = token_at(ctx.toks, end);
    while k < sent_end && ctx.toks[k].kind == TokKind::Word && matches!(&*ctx.lower(k), "on" | "in" | "last" | "this") {
        k += 2;
    }
    k >= sent_end || matches!(ctx.s(k), "." | "!" | "?")
}

/// Where an infinitive content starts right after a cue that takes one
/// ("vowed to repeal", "declined not to"): the "to" or "not", kept in the
/// span as the corpora annotate it.
fn infinitive_start(ctx: &Ctx, lemma: &str, t: usize, sent_end: usize) -> Option<usize> {
    if !LEXICON.infinitive.contains(lemma) {
        return None;
    }
    let to = if ctx.lower(t) == "not" { t + 1 } else { t };
    (to + 1 < sent_end && ctx.lower(to) == "to" && ctx.toks[to + 1].kind == TokKind::Word).then_some(t)
}

/// Whether a clause (a verb, an infinitive, a question word or a quotation)
/// starts at token `t`, rather than a bare noun phrase.
fn is_clausal(ctx: &Ctx, t: usize, sent_end: usize) -> bool {
    let w = ctx.lower(t);
    if is_open_mark(ctx.s(t))
        || matches!(
            &*w,
            "whether" | "if" | "why" | "how" | "what" | "when" | "who" | "where"
        )
    {
        return true;
    }
    // A subject pronoun and a word: "it gave away too much", "she’ll continue".
    let pronoun_subject = |w: &str| matches!(w, "he" | "she" | "it" | "they" | "we" | "i" | "you" | "there");
    if (pronoun_subject(&w) && t + 1 < sent_end && ctx.toks[t + 1].kind == TokKind::Word)
        || w.split_once(['’', '\'']).is_some_and(|(p, _)| pronoun_subject(p))
    {
        return true;
    }
    // (A subject may be long: "Trump’s flurry of late-night tweets targeting
    // a former Miss Universe was …".)
    (t + 1..(t + 20).min(sent_end)).any(|k| {
        let v = ctx.lower(k);
        verb_like(ctx, k)
            || matches!(
                &*v,
                "will"
                    | "would"
                    | "could"
                    | "should"
                    | "can"
                    | "may"
                    | "might"
                    | "must"
                    | "do"
                    | "to"
                    | "be"
                    | "isn't"
                    | "wasn't"
                    | "won't"
                    | "can't"
                    | "don't"
                    | "doesn't"
                    | "didn't"
            )
            || LEXICON.irregular_past.contains(&*v)
            || LEXICON.present_verbs.contains(&*v)
            || is_open_mark(ctx.s(k))
    })
}

/// How far, in tokens, a claim before its cue may reach back. Without a
/// bound, a sentence of thousands of "…, according to X," (or of commas and
/// "which ask") gave each cue a claim back to the sentence start: n² time,
/// memory and output (issue 16). The longest such claim in PolNeAR and GGT
/// is 63 words; 150 tokens leaves room and keeps every record the same.
const MAX_CLAIM_BEFORE_TOKENS: usize = 150;

/// `sent` (tokens) cut to start at most `MAX_CLAIM_BEFORE_TOKENS` before `ct`.
fn window_before(sent: std::ops::Range<usize>, ct: usize) -> std::ops::Range<usize> {
    sent.start.max(ct.saturating_sub(MAX_CLAIM_BEFORE_TOKENS))..sent.end
}

/// "CLAUSE, X said." / "CLAUSE, said X." / "A, X said, B".
fn clause_before(
    ctx: &Ctx,
    c: usize,
    sent: std::ops::Range<usize>,
    mention: Option<Mention>,
    confidence: f64,
) -> Option<Claim> {
    let cue = &ctx.cues[c];
    let ct = ctx.cue_start_tok(c);
    let sent = window_before(sent, ct);
    let ce = ctx.cue_end_tok(c);
    let (m, comma) = match mention {
        Some(m) => {
            let mt = token_at(ctx.toks, m.span.start);
            (m, mt.checked_sub(1)?)
        }
        None => {
            // "…, said a spokesman."
            let m = mention_after(ctx.text, ctx.toks, ce, sent.end)?;
            (m, ct.checked_sub(1)?)
        }
    };
    // "Hawaii, as one of Mr. Obama's advisers pointed out, normally …":
    // "as" opens the parenthetical attribution.
    let comma = if ctx.lower(comma) == "as" && comma > sent.start && ctx.is(comma - 1, ",") {
        comma - 1
    } else {
        comma
    };
    if comma <= sent.start || !ctx.is(comma, ",") {
        return None;
    }
    // Beliefs ("the president appeared cowed") do not report a clause
    // before them; speech does ("…, police said.").
    if cue.class() == CueClass::Belief {
        return None;
    }
    let m_end_t = token_at(ctx.toks, m.span.end.max(cue.span.end));
    // Only an adverbial or the hearer may follow the attribution
    // ("said on Friday", "told The Huffington Post"), not a predicate.
    if m_end_t < sent.end && ctx.toks[m_end_t].kind == TokKind::Word {
        let w = ctx.lower(m_end_t);
        let adverbial = DETERMINERS.contains(&*w)
            || ctx
                .s(m_end_t)
                .starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
            || matches!(
                &*w,
                "on" | "in"
                    | "at"
                    | "to"
                    | "during"
                    | "after"
                    | "before"
                    | "last"
                    | "this"
                    | "earlier"
                    | "later"
                    | "yesterday"
                    | "today"
                    | "recently"
                    | "via"
                    | "through"
                    | "by"
                    | "me"
                    | "us"
                    | "him"
                    | "her"
                    | "them"
                    | "reporters"
                    | "told"
                    | "friday"
                    | "monday"
                    | "tuesday"
                    | "wednesday"
                    | "thursday"
                    | "saturday"
                    | "sunday"
                    | "when"
                    | "while"
                    | "as"
                    | "of"
                    | "with"
                    | "for"
                    | "about"
                    | "from"
                    | "over"
            );
        if !adverbial {
            return None;
        }
    }
    // After the attribution: the sentence ends, or a parenthetical goes on.
    let mut after = m_end_t;
    // Skip a short adverbial: "on Friday", "in a statement", "last week".
    while after < sent.end && ctx.toks[after].kind == TokKind::Word && after - m_end_t < 5 {
        after += 1;
    }
    // ("…, lawmakers said Friday, a day after …": an appositive, not more content.)
    let appositive_after = ctx.is(after, ",") && matches!(&*ctx.lower(after + 1), "a" | "an");
    let ends = after >= sent.end || matches!(ctx.s(after), "." | "!" | "?") || appositive_after;
    let parenthetical = ctx.is(after, ",") && after + 1 < sent.end && !appositive_after;
    let content_before = trim_span(ctx.text, ctx.toks[sent.start].span.start..ctx.toks[comma].span.start);
    // "The plan, officials said, would cost …": the claim is both pieces.
    let parts = if ends {
        vec![content_before.clone()]
    } else if parenthetical {
        let st = after + 1;
        let end = clause_end(ctx, st, sent.end);
        vec![
            content_before.clone(),
            trim_span(ctx.text, ctx.toks[st].span.start..end),
        ]
    } else {
        return None;
    };
    if DETERMINERS.contains(&*ctx.lower(sent.start)) && ctx.text[content_before.clone()].split_whitespace().count() <= 1
    {
        return None;
    }
    // "Citing a theory, Trump accused …": a participle phrase is no claim.
    let first = ctx.lower(sent.start);
    if first.len() > 4 && first.ends_with("ing") && !is_clausal(ctx, sent.start, comma) {
        return None;
    }
    // "In defeat, the president …", "Through a spokesman, he declined …": a
    // leading adverbial is no claim; a claim before the comma has a verb.
    if ends && !is_clausal(ctx, sent.start, comma) && !is_open_mark(ctx.s(sent.start)) {
        let words = ctx.text[content_before.clone()].split_whitespace().count();
        let first = ctx.lower(sent.start);
        if words <= 6
            && matches!(
                &*first,
                "in" | "on"
                    | "at"
                    | "through"
                    | "during"
                    | "after"
                    | "before"
                    | "with"
                    | "by"
                    | "for"
                    | "from"
                    | "but"
                    | "and"
                    | "when"
                    | "as"
                    | "if"
                    | "since"
                    | "because"
            )
        {
            return None;
        }
    }
    Some(Claim {
        kind: Kind::Indirect,
        parts,
        cue: Some(cue.clone()),
        mention: Some(m),
        rule: if ends { "clause-speaker-cue" } else { "parenthetical" },
        confidence: confidence * 0.9,
    })
}

/// "According to X, CLAUSE" and "CLAUSE, according to X".
fn according_to(ctx: &Ctx, c: usize, sent: std::ops::Range<usize>) -> Option<Claim> {
    let cue = &ctx.cues[c];
    let ct = ctx.cue_start_tok(c);
    let ce = ctx.cue_end_tok(c);
    let m = mention_after(ctx.text, ctx.toks, ce, sent.end)?;
    let m_end = token_at(ctx.toks, m.span.end);
    let sent = window_before(sent, ct);
    let span = if ct == sent.start {
        // According to X, CLAUSE
        let mut st = m_end;
        while st < sent.end && ctx.s(st) != "," {
            st += 1;
        }
        if st + 1 >= sent.end {
            return None;
        }
        let end = clause_end(ctx, st + 1, sent.end);
        ctx.toks[st + 1].span.start..end
    } else if ct > sent.start && ctx.is(ct - 1, ",") {
        ctx.toks[sent.start].span.start..ctx.toks[ct - 1].span.start
    } else {
        return None;
    };
    Some(Claim {
        kind: Kind::Indirect,
        parts: vec![trim_span(ctx.text, span)],
        cue: Some(cue.clone()),
        mention: Some(m),
        rule: "according-to",
        confidence: 0.85,
    })
}

/// The speaker of the last attribution in the sentence before `before`
/// (byte offset), among reported claims and direct quotations.
fn last_mention_in(
    claims: &[Claim],
    direct: &[Option<Claim>],
    spoken: &[&Quotation],
    ctx: &Ctx,
    sent: std::ops::Range<usize>,
    before: usize,
) -> Option<Mention> {
    let lo = ctx.toks.get(sent.start)?.span.start;
    // Only the claims near the cue can be in its sentence: the latest reported
    // claims, and the direct ones of the quotations just before it.
    let q_end = spoken.partition_point(|q| q.outer().start < before);
    let near: Vec<&Claim> = claims
        .iter()
        .rev()
        .take(64)
        .chain(direct[q_end.saturating_sub(16)..q_end].iter().flatten())
        .collect();
    near.iter()
        .filter_map(|c| c.mention.as_ref())
        .filter(|m| m.span.start >= lo && m.span.end <= before)
        .max_by_key(|m| m.span.start)
        .cloned()
        .or_else(|| {
            // The claim began in this sentence, its speaker came earlier.
            near.iter()
                .filter(|c| c.start() >= lo && c.start() < before)
                .max_by_key(|c| c.start())
                .and_then(|c| c.mention.clone())
        })
}
