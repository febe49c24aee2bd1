//! Transcript lines: a capitalised speaker label inside the marks
//! (`transcript-label`).

use super::ctx::Ctx;
use super::direct::direct;
use super::Claim;
use crate::mentions::Mention;
use crate::quotes::Quotation;
use crate::tokens::token_at;

/// `"WALLACE: Let's start …"`: a transcript line inside the marks names its
/// speaker in capitals before a colon (rule `transcript-label`).
pub(super) fn transcript_label(ctx: &Ctx, q: &Quotation) -> Option<Claim> {
    let first = &q.parts[0];
    // The same label rule that splits a quoted transcript into turns.
    if !crate::quotes::opens_turn(ctx.text, first.content.start) {
        return None;
    }
    let ft = token_at(ctx.toks, first.content.start);
    let k = (ft + 1..(ft + 5).min(ctx.toks.len())).find(|&k| ctx.is(k, ":"))?;
    if k + 1 >= ctx.toks.len() || ctx.toks[k + 1].start() >= first.content.end {
        return None;
    }
    let label = ctx.toks[ft].start()..ctx.toks[k - 1].end();
    let mention = Mention {
        span: label.clone(),
        head: ctx.toks[k - 1].span(),
        kind: crate::mentions::MentionKind::Name,
        stype: crate::mentions::SpeakerType::Person,
        name: Some(label),
        descriptor: None,
        gender: None,
    };
    let mut claim = direct(q, None, Some(mention), "transcript-label", 0.85);
    claim.parts[0].start = ctx.toks[k + 1].start();
    Some(claim)
}
