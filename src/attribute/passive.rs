//! Passive attribution (`passive-agent`): "The plan was criticized by Mayor
//! Elena Ruiz", "That the talks had failed was confirmed by a State
//! Department spokesman", "It was first reported by The Post that …": the
//! agent after "by" speaks; the content is the that-clause right after the
//! agent ("It was reported by X that …", "She was told by officials that
//! …"), else the sentence's subject (not a pronoun).

use super::clause::{clause_end, is_auxiliary, is_clausal};
use super::content::find_that;
use super::ctx::Ctx;
use super::Claim;
use crate::lexicon::LEXICON;
use crate::mentions::{mention_after, MentionKind};
use crate::text::trim_span;
use crate::tokens::token_at;

/// The claim of cue `c` when it is a passive participle with a "by" agent.
pub(super) fn passive_agent(ctx: &Ctx, c: usize, sent: &std::ops::Range<usize>) -> Option<Claim> {
    let cue = &ctx.cues[c];
    let (ct, ce) = (ctx.cue_start_tok(c), ctx.cue_end_tok(c));
    let participle = cue.form().ends_with("ed") || matches!(cue.form(), "told" | "written" | "shown");
    if !participle || cue.form().contains(' ') || ce + 1 >= sent.end || !ctx.is(ce, "by") {
        return None;
    }
    let aux = auxiliary_before(ctx, sent.start, ct)?;
    let agent = mention_after(ctx.text, ctx.toks, ce + 1, sent.end)?;
    if agent.kind == MentionKind::Pronoun {
        return None;
    }
    let agent_end = token_at(ctx.toks, agent.span.end);
    // "It was reported by X that …", "She was told by officials that …":
    // the that-clause after the agent is the content.
    let span = if let Some(that) = find_that(ctx, agent_end, sent.end).filter(|&t| t == agent_end) {
        ctx.toks[that + 1].start()..clause_end(ctx, that + 1, sent.end)
    } else if aux > sent.start {
        // A pronoun subject ("He was criticized by …") is no content, nor
        // is a clause whose subject is a relative pronoun ("a memo …, which
        // have been confirmed by people with knowledge").
        if aux == sent.start + 1 && matches!(&*ctx.lower(sent.start), "he" | "she" | "they" | "we" | "i" | "this") {
            return None;
        }
        if matches!(&*ctx.lower(aux - 1), "which" | "who" | "that") {
            return None;
        }
        let clausal = ctx.lower(sent.start) == "that" || is_clausal(ctx, sent.start, aux);
        if !clausal && !ctx.all_scope() && !LEXICON.np_content.contains(cue.lemma()) {
            return None;
        }
        let start = after_connective(ctx, sent.start, aux);
        ctx.toks[start].start()..ctx.toks[aux - 1].end()
    } else {
        return None;
    };
    Some(Claim::indirect(
        trim_span(ctx.text, span),
        Some(cue.clone()),
        agent,
        "passive-agent",
        0.7,
    ))
}

/// The token of "was"/"were"/"been" right before the participle at `ct`,
/// across adverbs ("was first reported", "were sharply criticized").
fn auxiliary_before(ctx: &Ctx, start: usize, ct: usize) -> Option<usize> {
    let mut k = ct;
    while k > start {
        k -= 1;
        let w = ctx.lower(k);
        if matches!(&*w, "was" | "were" | "been" | "is" | "are" | "being") {
            // "was being told", "has been confirmed": the whole verb group.
            while k > start && is_auxiliary(&ctx.lower(k - 1)) {
                k -= 1;
            }
            return Some(k);
        }
        if !(w.ends_with("ly") || matches!(&*w, "first" | "also" | "later" | "initially" | "widely")) {
            return None;
        }
    }
    None
}

/// The first token after a sentence's opening connective ("And", "However,",
/// "For instance,"), which belongs to the story, not the content.
fn after_connective(ctx: &Ctx, start: usize, end: usize) -> usize {
    let mut k = start;
    loop {
        let w = ctx.lower(k);
        let skip = match &*w {
            "and" | "but" | "yet" | "so" | "however" | "meanwhile" | "still" => 1,
            "for" if matches!(&*ctx.lower(k + 1), "instance" | "example") => 2,
            "in" if ctx.lower(k + 1) == "fact" => 2,
            _ => 0,
        };
        if skip == 0 || k + skip >= end {
            return k;
        }
        k += skip;
        if ctx.is(k, ",") && k + 1 < end {
            k += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::{analyze_with, Document, Options, Scope};

    fn claims(text: &str, scope: Scope) -> Vec<(String, Option<String>)> {
        analyze_with(&Document::new("t", text), &Options { scope })
            .into_iter()
            .map(|r| (r.quote, r.speaker))
            .collect()
    }

    #[test]
    fn an_opening_connective_is_not_content() {
        let got = claims(
            "However, the new rules were sharply criticized by the union.",
            Scope::All,
        );
        assert_eq!(got, [("the new rules".to_string(), Some("the union".to_string()))]);
    }

    #[test]
    fn the_whole_verb_group_ends_the_content() {
        let got = claims("The story of the tax plan was being told by Donald Trump.", Scope::All);
        assert_eq!(
            got,
            [(
                "The story of the tax plan".to_string(),
                Some("Donald Trump".to_string())
            )]
        );
    }

    #[test]
    fn a_noun_phrase_subject_needs_the_wider_scope() {
        let text = "The deal was first reported by The Washington Post.";
        assert!(claims(text, Scope::Speech).is_empty());
        assert_eq!(
            claims(text, Scope::All),
            [("The deal".to_string(), Some("The Washington Post".to_string()))]
        );
    }
}
