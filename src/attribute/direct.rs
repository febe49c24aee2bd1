//! Direct quotations: the cue and speaker next to the marks (`quote-cue-speaker`,
//! `quote-speaker-cue`, `quote-dash-speaker`, `speaker-cue-quote`,
//! `cue-speaker-quote`, `colon-intro`, `lead-in-colon`), split quotes
//! (`split-quote`), mixed quotes widened to their clause, and the fragments
//! that stay unattributed.

use super::clause::{sentence_subject, verb_like};
use super::ctx::Ctx;
use super::transcript::transcript_label;
use super::Claim;
use crate::cues::Cue;
use crate::lexicon::CueClass;
use crate::mentions::{mention_after, mention_before, mention_before_loose, Mention, MentionKind};
use crate::quotes::Quotation;
use crate::record::Kind;
use crate::tokens::{token_at, TokKind};

/// A short quotation, or one that starts in lowercase after words of its
/// sentence ("called it “a disaster in slow motion”").
pub(super) fn is_fragment(ctx: &Ctx, q: &Quotation) -> bool {
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

pub(super) fn direct(
    q: &Quotation,
    cue: Option<Cue>,
    mention: Option<Mention>,
    rule: &'static str,
    confidence: f64,
) -> Claim {
    Claim {
        kind: Kind::Direct,
        parts: q.parts.iter().map(|p| p.content.clone()).collect(),
        cue,
        mention,
        rule,
        confidence,
    }
}

pub(super) fn direct_claim(ctx: &mut Ctx, q: &Quotation) -> Option<Claim> {
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

/// `Mills “got an immunity agreement,” Jordan said`: words of the same
/// sentence before the opening mark make the claim mixed, and its span
/// starts with the sentence.
/// The pieces after the attribution stay a direct quotation: they come back
/// as a claim of their own.
pub(super) fn widen_to_clause(ctx: &Ctx, claim: &mut Claim) -> Option<Claim> {
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
pub(super) fn merge_split_quotes(
    ctx: &Ctx,
    spoken: &[&Quotation],
    direct: &mut [Option<Claim>],
    consumed: &mut [bool],
) {
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

pub(super) fn direct_from(q: &Quotation) -> Claim {
    direct(q, None, None, "unattributed", 0.5)
}
