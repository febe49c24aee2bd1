//! The article's own headline: "Pence: CLAUSE" (`headline-colon`).

use super::ctx::{quotes_within, Ctx};
use super::direct::direct_from;
use super::Claim;
use super::Direct;
use crate::mentions::mention_after;
use crate::quotes::Quotation;
use crate::record::Kind;
use crate::text::{trim_span, Span};
use crate::tokens::{token_at, TokKind};

/// The article's own headline: its first paragraph when that is one short
/// line.
pub(super) fn own_headline(ctx: &Ctx) -> Option<Span> {
    ctx.segs
        .paragraphs
        .first()
        .filter(|p| p.len() <= 400 && !ctx.text[p.clone()].contains('\n'))
}

/// "Pence: Gennifer Flowers Won’t Be at Debate": a headline (the first
/// paragraph, one short line) that names its source before a colon (rule
/// `headline-colon`).
pub(super) fn headline_colon(
    ctx: &Ctx,
    spoken: &[&Quotation],
    direct: &mut [Direct],
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
        .all(|k| ctx.toks[k].kind() == TokKind::Word && ctx.s(k).starts_with(|c: char| c.is_uppercase()));
    let Some(m) = mention_after(ctx.text, ctx.toks, toks.start, colon)
        .filter(|m| named && m.span.start == ctx.toks[toks.start].start() && token_at(ctx.toks, m.span.end) == colon)
    else {
        return;
    };
    let content = trim_span(ctx.text, ctx.toks[colon].end()..para.end);
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
            direct[i] = Some(Box::new(claim));
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
