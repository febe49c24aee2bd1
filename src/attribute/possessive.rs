//! "X's claim that CLAUSE" (`possessive-claim`).

use super::clause::clause_end;
use super::ctx::{quotes_within, Ctx};
use super::Claim;
use super::Direct;
use crate::cues::Cue;
use crate::lexicon::LEXICON;
use crate::mentions::{mention_before, Mention, DETERMINERS};
use crate::quotes::Quotation;
use crate::record::Kind;
use crate::text::{trim_span, Span};
use crate::tokens::TokKind;

/// "Trump's claim that …", "her warning that …": the possessor is the
/// source, the clause after "that" the content (rule `possessive-claim`).
pub(super) fn possessive_claims(
    ctx: &Ctx,
    spoken: &[&Quotation],
    consumed: &mut [bool],
    direct: &mut [Direct],
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
        if ctx.lower(t + 1) != "that" || !LEXICON.claim_nouns.contains(&ctx.lower(t)) {
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
        let at = ctx.toks[start].start();
        let k = covered.partition_point(|p| p.start <= at);
        if (k > 0 && at < covered_max_end[k - 1]) || at < pushed_until {
            continue;
        }
        let sent = ctx.sentence_toks(ctx.toks[t].start());
        let Some(mention) = owner_mention(ctx, t, pronoun, sent.start) else {
            continue;
        };
        let end = clause_end(ctx, start, sent.end);
        let span = trim_span(ctx.text, ctx.toks[start].start()..end.max(ctx.toks[start].start()));
        if ctx.text[span.clone()].split_whitespace().count() < 2 {
            continue;
        }
        let inside = quotes_within(spoken, consumed, &span);
        for &i in &inside {
            consumed[i] = true;
            direct[i] = None;
        }
        let cue = crate::cues::entry_of(&ctx.lower(t)).map(|entry| Cue::new(ctx.toks[t].span(), entry));
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

/// The owner of the claim noun at token `t`: the pronoun's referent
/// ("his" → he) or the name or short description right before "’s".
fn owner_mention(ctx: &Ctx, t: usize, pronoun: Option<&str>, sent_start: usize) -> Option<Mention> {
    if let Some(p) = pronoun {
        let (stype, gender) = crate::mentions::pronoun(p).expect("a subject pronoun");
        Some(Mention {
            span: ctx.toks[t - 1].span(),
            head: ctx.toks[t - 1].span(),
            kind: crate::mentions::MentionKind::Pronoun,
            stype,
            name: None,
            descriptor: None,
            gender,
        })
    } else {
        // The owner is the name or short description right before "’s".
        let mut lo = t - 1;
        while lo > sent_start && lo + 6 > t && ctx.toks[lo - 1].kind() == TokKind::Word {
            let w = ctx.s(lo - 1);
            let cap = w.starts_with(|c: char| c.is_uppercase());
            if !cap && !DETERMINERS.contains(w.to_lowercase().as_str()) {
                break;
            }
            lo -= 1;
            if !cap {
                break;
            }
        }
        mention_before(ctx.text, ctx.toks, lo, t)
    }
}
