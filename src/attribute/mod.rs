//! Sieves that turn quotations and cues into claims: who said what.
//!
//! Precise patterns run first and claim their quotation and cue; looser ones
//! only see what is left (the design of CoreNLP's quote attribution, applied
//! to news and extended to reported speech). Each claim names its sieve in
//! `rule`, with a confidence that reflects how often that sieve is right.
//!
//! The sieves in run order ([`attribute_with`] is the driver); each file of
//! this folder holds one family:
//! 1. `direct.rs` `direct_claim`              per quotation: `transcript-label` (`transcript.rs`),
//!    else the cue and speaker next to the marks (`quote-cue-speaker` … `lead-in-colon`)
//! 2. `direct.rs` `merge_split_quotes`        “Q1,” X said, “Q2”: one `split-quote` claim
//! 3. `direct.rs` `widen_to_clause`           words before the marks make the quote mixed
//! 4. `continuation.rs` `next_paragraph_speaker`  “Q.” ¶ So said X: the next paragraph names it
//! 5. `reported.rs` `reported`                per cue left over, reported speech; `content.rs`
//!    finds where it starts, `clause.rs` where it ends and the clause before a cue
//! 6. `headline.rs` `headline_colon`          "Pence: CLAUSE" as the article's first line
//! 7. `possessive.rs` `possessive_claims`     X's claim that CLAUSE
//! 8. `continuation.rs` `continuation`        a quote after an attributed one goes on with it;
//!    `narrative_subject`                     else a quote-only paragraph after narrative about someone
//! 9. the driver: the rest is `unattributed`, but fragments (`direct.rs` `is_fragment`) go
//!
//! (`ctx.rs`: the context every sieve reads and the quotation lookups;
//! `document.rs`: a document's author speaks for it, after every sieve.)
//!
//! The rules, by kind:
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
//! - `narrative-subject`        Ortiz sold the farm. ¶ “Q.” (a quote-only paragraph after narrative)
//! - `unattributed`             any other quotation: no speaker
//!
//! Reported speech (mixed when the clause holds quote marks):
//! - `speaker-cue-that`         X said (that) CLAUSE / X told Y that CLAUSE / X vowed to VERB (data/cue-infinitive.txt)
//! - `coordinated-cue`          X said … and warned that CLAUSE
//! - `coordinated-quote`        “Q1,” X said, but “Q2” (the second fragment, with its conjunction)
//! - `participle-continuation`  …, adding that CLAUSE / …, saying CLAUSE
//! - `clause-speaker-cue`       CLAUSE, X said. / CLAUSE, said X.
//! - `parenthetical`            A, critics argue, CLAUSE / A, X said, “Q” (A beside the quotation)
//! - `according-to`             according to X, CLAUSE / CLAUSE, according to X
//! - `passive-agent`            CONTENT was criticized by X / It was reported by X that CLAUSE (`passive.rs`)
//! - `possessive-claim`         X's claim / statement / warning that CLAUSE
//! - `headline-colon`           Pence: CLAUSE (the article's first line)

mod clause;
mod content;
mod continuation;
mod ctx;
mod direct;
mod document;
mod headline;
mod passive;
mod possessive;
mod reported;
mod senses;
mod transcript;

use crate::cues::Cue;
use crate::mentions::Mention;
use crate::quotes::{Quotation, Role};
use crate::record::Kind;
use crate::segment::Segments;
use crate::text::Span;
use crate::tokens::Tokens;
use continuation::{continuation, narrative_subject, next_paragraph_speaker};
use ctx::Ctx;
use direct::{direct_claim, fragment_before_attribution, merge_split_quotes, unattributed, widen_to_clause};
use document::author_of_document;
use headline::headline_colon;
use possessive::possessive_claims;
use reported::reported;
use senses::{base_form_noun_use, plural_noun_use};

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

/// A quotation's direct claim while the sieves run, boxed: the claims move
/// out one by one at the end, each freeing its box, rather than all staying
/// in a vector the size of the quotations beside the final one (the peak
/// memory of a document of hundreds of MB).
pub(super) type Direct = Option<Box<Claim>>;

impl Claim {
    /// Reported speech in one part: `span` said by `mention`.
    fn indirect(span: Span, cue: Option<Cue>, mention: Mention, rule: &'static str, confidence: f64) -> Claim {
        Claim {
            kind: Kind::Indirect,
            parts: vec![span],
            cue,
            mention: Some(mention),
            rule,
            confidence,
        }
    }

    pub fn start(&self) -> usize {
        self.parts[0].start
    }
}

/// Runs every sieve with the default [`crate::Options`]; returns claims in
/// text order.
pub fn attribute(text: &str, segs: &Segments, toks: &Tokens, quotations: &[Quotation], cues: &[Cue]) -> Vec<Claim> {
    attribute_with(text, segs, toks, quotations, cues, &crate::Options::default())
}

/// [`attribute`] with [`crate::Options`].
pub fn attribute_with(
    text: &str,
    segs: &Segments,
    toks: &Tokens,
    quotations: &[Quotation],
    cues: &[Cue],
    opts: &crate::Options,
) -> Vec<Claim> {
    let mut ctx = Ctx::new(text, segs, toks, cues, opts);
    // "the report said", "expert reports": a cue word used as a noun is no
    // cue for any sieve.
    for c in 0..cues.len() {
        if base_form_noun_use(&ctx, c) || plural_noun_use(&ctx, c) {
            ctx.cue_used[c] = true;
        }
    }
    let spoken: Vec<&Quotation> = quotations.iter().filter(|q| q.role == Role::Quotation).collect();
    // 1. Direct quotations first: their cues are the surest.
    let mut direct: Vec<Direct> = spoken.iter().map(|q| direct_claim(&mut ctx, q).map(Box::new)).collect();
    ctx.forget_cue_endings();
    let mut consumed = vec![false; spoken.len()];
    // 2. “Q1,” X said, “Q2”: one claim.
    merge_split_quotes(&ctx, &spoken, &mut direct, &mut consumed);
    // 3. Mixed quotes: the pieces after the attribution come back as claims.
    let mut rest_of_widened = Vec::new();
    for claim in direct.iter_mut().flatten() {
        rest_of_widened.extend(widen_to_clause(&ctx, claim));
    }
    // Room for a claim per quotation and per cue (the usual bound) from the
    // start: a vector that doubles holds its old and new buffers at once,
    // the peak memory of a document of hundreds of MB. (Room never used is
    // address space, not memory: untouched pages are not resident.)
    let mut claims: Vec<Claim> = Vec::with_capacity(spoken.len() + cues.len() + rest_of_widened.len());
    claims.append(&mut rest_of_widened);
    // "These sources, the lawyers said, “all command …”": the words before
    // the attribution.
    claims.extend(
        direct
            .iter()
            .flatten()
            .filter_map(|d| fragment_before_attribution(&ctx, d)),
    );
    // 4. A quote-only paragraph whose speaker the next paragraph names.
    next_paragraph_speaker(&mut ctx, &spoken, &mut direct, &consumed);
    // 5. Reported speech on the cues left over; a clause that swallows a
    // quotation makes it mixed and takes its place.
    reported(&mut ctx, &spoken, &mut direct, &mut consumed, &mut claims);
    // 6, 7. Claims without a cue left: the headline's "X: …", "X's claim that …".
    headline_colon(&ctx, &spoken, &mut direct, &mut consumed, &mut claims);
    possessive_claims(&ctx, &spoken, &mut consumed, &mut direct, &mut claims);
    // 8. Quotations still without a speaker continue the previous one.
    continuation(&ctx, &spoken, &mut direct, &consumed, &claims);
    // 8b. A quote-only paragraph after a narrative one about a named person.
    narrative_subject(&ctx, &spoken, &mut direct, &consumed);
    // 9. The rest.
    // (Without the context's tables: the last sieve reads only the text and
    // the segments, and moves every claim left into `claims`.)
    drop(ctx);
    unattributed(text, segs, &spoken, &mut direct, &consumed, &mut claims);
    drop((direct, consumed, spoken));
    claims.retain(|c| c.parts.iter().all(|p| !p.is_empty()) && !segs.is_furniture(c.start()));
    // A name in a credit or a link line speaks for nobody.
    for c in &mut claims {
        if c.mention.as_ref().is_some_and(|m| segs.is_furniture(m.span.start)) {
            c.mention = None;
        }
        // "a statement released by the Prime Minister's Office": its author.
        if let Some(author) = c.mention.as_ref().and_then(|m| author_of_document(text, segs, toks, m)) {
            c.mention = Some(author);
        }
    }
    // Stable, as `sort_by_key`, but with a scratch of keys and indexes
    // rather than of half the claims.
    claims.sort_by_cached_key(|c| (c.start(), c.parts.last().map_or(0, |p| p.end)));
    claims
}
