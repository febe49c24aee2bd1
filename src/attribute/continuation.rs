//! A quotation whose speaker is in another paragraph or sentence: the
//! previous speaker goes on (`continuation`) or the next paragraph names
//! them (`next-paragraph-speaker`).

use super::content::demonstrative_that;
use super::ctx::Ctx;
use super::direct::{direct, direct_from};
use super::Claim;
use super::Direct;
use crate::mentions::{mention_after, mention_before};
use crate::quotes::Quotation;
use crate::tokens::token_at;

/// A quote-only paragraph (or a quote opening the paragraph right after an
/// attributed quotation) continues the previous speaker.
pub(super) fn continuation(
    ctx: &Ctx,
    spoken: &[&Quotation],
    direct: &mut [Direct],
    consumed: &[bool],
    claims: &[Claim],
) {
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
        let para = ctx.segs.paragraphs.at(p_now);
        let opens_para = q.parts[0].open.start == para.start;
        // A quotation may run over paragraphs: what follows it is in its last one.
        let end = q.outer().end;
        let last_para = ctx.segs.paragraphs.at(ctx.segs.paragraph_of(end.saturating_sub(1)));
        let quote_only = opens_para && ctx.text[end.min(last_para.end)..last_para.end].trim().is_empty();
        // Or a quotation that makes up a whole sentence right after an
        // attributed sentence of the same paragraph ("…, Schiff said. “…”").
        let s_now = ctx.segs.sentence_of(q.parts[0].open.start);
        let sentence = ctx.segs.sentences.at(s_now);
        // The quotation may hold several sentences: look after its end.
        let last_sentence = ctx.segs.sentences.at(ctx.segs.sentence_of(end.saturating_sub(1)));
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
            .find_map(|j| direct[j].as_deref().filter(|_| !consumed[j]))
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
            direct[i] = Some(Box::new(c));
        }
    }
}

/// `Ortiz sold the farm after the flood. ¶ “We couldn't face another
/// spring.”`: a quote-only paragraph that nothing attributes, after a
/// paragraph of narrative (no quotation) whose sentences are about a
/// named person: that person speaks (the sentence subject, latest first).
pub(super) fn narrative_subject(ctx: &Ctx, spoken: &[&Quotation], direct: &mut [Direct], consumed: &[bool]) {
    for i in 0..spoken.len() {
        if direct[i].is_some() || consumed[i] {
            continue;
        }
        let q = spoken[i];
        let p_now = ctx.segs.paragraph_of(q.start());
        if !fills_its_paragraph(ctx, q) || p_now == 0 {
            continue;
        }
        let prev = ctx.segs.paragraphs.at(p_now - 1);
        let narrative = !ctx.text[prev.clone()].contains(['“', '”', '"']);
        if !narrative {
            continue;
        }
        if let Some(m) = named_subject_in(ctx, prev.clone()) {
            let mut c = direct_from(q);
            c.mention = Some(m);
            c.rule = "narrative-subject";
            c.confidence = 0.5;
            direct[i] = Some(Box::new(c));
        }
    }
}

/// Whether quotation `q` opens its paragraph and runs to its end (a
/// closing period or space aside).
fn fills_its_paragraph(ctx: &Ctx, q: &Quotation) -> bool {
    let para = ctx.segs.paragraphs.at(ctx.segs.paragraph_of(q.start()));
    q.parts[0].open.start == para.start && q.outer().end + 1 >= para.end
}

/// The subject of the last sentence of `para` (bytes) that a named person
/// opens.
fn named_subject_in(ctx: &Ctx, para: std::ops::Range<usize>) -> Option<crate::mentions::Mention> {
    use crate::mentions::{MentionKind, SpeakerType};
    let first = ctx.segs.sentence_of(para.start);
    let last = ctx.segs.sentence_of(para.end.saturating_sub(1));
    (first..=last).rev().take(4).find_map(|s| {
        let toks = ctx.sentence_toks(ctx.segs.sentences.at(s).start);
        super::clause::sentence_subject(ctx, toks.start, toks.end)
            .filter(|m| m.kind == MentionKind::Name && m.stype == SpeakerType::Person)
            .filter(|m| token_at(ctx.toks, m.span.start) == toks.start)
    })
}

/// `“Q.” ¶ So said Mayor John Smith on Monday.` / `¶ Smith said that at …`:
/// a quote-only paragraph takes the speaker of the next paragraph's opening
/// attribution when that attribution reports nothing of its own.
pub(super) fn next_paragraph_speaker(ctx: &mut Ctx, spoken: &[&Quotation], direct: &mut [Direct], consumed: &[bool]) {
    for i in 0..spoken.len() {
        if direct[i].is_some() || consumed[i] {
            continue;
        }
        let q = spoken[i];
        let end = q.outer().end;
        if !fills_its_paragraph(ctx, q) {
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
        // A pull quote signed by a name line: “Q” ¶ — Ann Lee, mayor.
        if matches!(ctx.s(sent.start), "—" | "–" | "―") {
            let para_end = token_at(ctx.toks, next.end);
            if let Some(m) = mention_after(ctx.text, ctx.toks, sent.start + 1, para_end) {
                direct[i] = Some(Box::new(self::direct(q, None, Some(m), "quote-dash-speaker", 0.8)));
                continue;
            }
        }
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
            mention_before(ctx.text, ctx.toks, sent.start, ct).filter(|m| m.span.start == ctx.toks[sent.start].start())
        };
        let Some(m) = m else { continue };
        let after = token_at(ctx.toks, m.span.end.max(ctx.cues[c].span().end));
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
            direct[i] = Some(Box::new(claim));
        }
    }
}
