//! Direct quotations: the cue and speaker next to the marks (`quote-cue-speaker`,
//! `quote-speaker-cue`, `quote-dash-speaker`, `speaker-cue-quote`,
//! `cue-speaker-quote`, `colon-intro`, `lead-in-colon`), split quotes
//! (`split-quote`), mixed quotes widened to their clause, and the fragments
//! that stay unattributed.

use super::clause::{sentence_subject, verb_like};
use super::ctx::Ctx;
use super::transcript::transcript_label;
use super::Claim;
use super::Direct;
use crate::cues::Cue;
use crate::lexicon::{CueClass, LEXICON};
use crate::mentions::{mention_after, mention_before, mention_before_loose, Mention, MentionKind, SpeakerType};
use crate::quotes::{Part, Quotation};
use crate::record::Kind;
use crate::segment::Segments;
use crate::text::Span;
use crate::tokens::{token_at, TokKind};

/// Every quotation no claim consumed: its direct claim, or an `unattributed`
/// one, but for fragments, which are no quotations.
pub(super) fn unattributed(
    text: &str,
    segs: &Segments,
    spoken: &[&Quotation],
    direct: &mut [Direct],
    consumed: &[bool],
    claims: &mut Vec<Claim>,
) {
    for (i, q) in spoken.iter().enumerate() {
        if consumed[i] {
            continue;
        }
        match direct[i].take() {
            Some(c) => claims.push(*c),
            // A quoted fragment inside a sentence that no sieve attributed
            // is a scare quote or part of someone's paraphrase, not a quotation.
            None if is_fragment(text, segs, q) => {}
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
}

/// A short quotation, or one that starts in lowercase after words of its
/// sentence ("called it “a disaster in slow motion”").
fn is_fragment(text: &str, segs: &Segments, q: &Quotation) -> bool {
    let first = &q.parts[0];
    let content = &text[first.content.clone()];
    let words = q
        .parts
        .iter()
        .map(|p| text[p.content.clone()].split_whitespace().count())
        .sum::<usize>();
    if words < 4 {
        return true;
    }
    let sent = segs.sentences.at(segs.sentence_of(first.open.start));
    let lowercase_start = content.chars().next().is_some_and(|c| c.is_lowercase());
    let mid_sentence = !text[sent.start..first.open.start].trim().is_empty();
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

/// The direct sieves for one quotation, surest first; the first that finds a
/// speaker claims the quotation (and its cue).
pub(super) fn direct_claim(ctx: &mut Ctx, q: &Quotation) -> Option<Claim> {
    if let Some(claim) = transcript_label(ctx, q) {
        return Some(claim);
    }
    let last = q.parts.last()?;
    // `Hugh Hill, a doctor, said: "… ¶ "…," he added.`: a quotation over
    // paragraphs is first of the lead-in that opens it.
    if ctx.segs.paragraph_of(q.start()) != ctx.segs.paragraph_of(last.content.start) {
        if let Some(claim) = before_open(ctx, q) {
            return Some(claim);
        }
    }
    if let Some(claim) = after_close(ctx, q, last) {
        return Some(claim);
    }
    if let Some(claim) = before_open(ctx, q) {
        return Some(claim);
    }
    lead_in_colon(ctx, q)
}

/// Where an attribution after the closing mark starts, in the paragraph of
/// the quotation's last part.
struct AfterClose {
    /// The first token after the mark (and a comma).
    t: usize,
    para_end: usize,
    /// The quotation ends with a full stop.
    full_stop: bool,
}

impl AfterClose {
    /// After “… .” a following "X said" usually starts a new sentence with
    /// its own content ("Ross concluded that …"); it attributes the quote
    /// only when nothing but punctuation follows the attribution.
    fn attribution_ends(&self, ctx: &Ctx, end_tok: usize) -> bool {
        !self.full_stop || end_tok >= self.para_end || matches!(ctx.s(end_tok), "." | "," | ";" | "”" | "\"")
    }
}

/// The attribution right after the closing mark: “Q,” said X / “Q,” X said / “Q” — X.
fn after_close(ctx: &mut Ctx, q: &Quotation, last: &Part) -> Option<Claim> {
    let para = ctx.para_toks(last.content.start);
    let close = last.close.as_ref()?;
    let mut t = token_at(ctx.toks, close.end);
    if ctx.is(t, ",") {
        t += 1;
    }
    if t >= para.end {
        return None;
    }
    let at = AfterClose {
        t,
        para_end: para.end,
        full_stop: ctx.text[last.content.clone()].ends_with('.'),
    };
    if let Some(claim) = quote_cue_speaker(ctx, q, &at) {
        return Some(claim);
    }
    if let Some(claim) = quote_speaker_cue(ctx, q, &at) {
        return Some(claim);
    }
    if let Some(claim) = quote_according_to(ctx, q, &at) {
        return Some(claim);
    }
    quote_dash_speaker(ctx, q, &at)
}

/// “Q,” according to a statement from the union: the source after
/// "according to" (the body behind a document: "a statement from X" is X).
fn quote_according_to(ctx: &mut Ctx, q: &Quotation, at: &AfterClose) -> Option<Claim> {
    let c = ctx.cue_starting(at.t)?;
    // Only a quotation that opens its sentence: in "introducing “…,”
    // according to the memo" the whole sentence is the claim (reported.rs).
    let open = q.parts[0].open.start;
    let sent_start = ctx.toks[ctx.sentence_toks(open).start].start();
    if ctx.cues[c].class() != CueClass::According || sent_start < open {
        return None;
    }
    let after = ctx.cue_end_tok(c);
    let mut m = mention_after(ctx.text, ctx.toks, after, at.para_end)?;
    let m_end = token_at(ctx.toks, m.span.end);
    let head = ctx.text[m.head.clone()].to_lowercase();
    if LEXICON.document_nouns.contains(&LEXICON.singular(&head)) && matches!(&*ctx.lower(m_end), "from" | "by" | "of") {
        if let Some(body) = mention_after(ctx.text, ctx.toks, m_end + 1, at.para_end) {
            m = body;
        }
    }
    let end = token_at(ctx.toks, m.span.end);
    if !at.attribution_ends(ctx, end) {
        return None;
    }
    ctx.cue_used[c] = true;
    Some(direct(q, Some(ctx.cues[c].clone()), Some(m), "quote-according-to", 0.9))
}

/// “Q,” said X: the cue right after the mark, its speaker after it.
fn quote_cue_speaker(ctx: &mut Ctx, q: &Quotation, at: &AfterClose) -> Option<Claim> {
    let c = ctx.cue_starting(at.t)?;
    if !ctx.cues[c].class().attributes_quotes() {
        return None;
    }
    let after = ctx.cue_end_tok(c);
    let m = mention_after(ctx.text, ctx.toks, after, at.para_end).filter(|m| {
        at.attribution_ends(
            ctx,
            token_at(
                ctx.toks,
                m.descriptor.as_ref().map_or(m.span.end, |d| d.end.max(m.span.end)),
            ),
        )
    })?;
    ctx.cue_used[c] = true;
    Some(direct(q, Some(ctx.cues[c].clone()), Some(m), "quote-cue-speaker", 0.95))
}

/// “Q,” X said: a speaker, then the cue, within a few words of the mark.
fn quote_speaker_cue(ctx: &mut Ctx, q: &Quotation, at: &AfterClose) -> Option<Claim> {
    let t = at.t;
    let c = (t + 1..(t + 40).min(at.para_end)).find_map(|k| ctx.cue_starting(k))?;
    let ct = ctx.cue_start_tok(c);
    let between_clean = (t..ct).all(|k| {
        ctx.toks[k].kind() == TokKind::Word || matches!(ctx.s(k), "’" | "'" | "," | "(" | ")" | "-" | "&" | "+" | "/")
    });
    if !(between_clean && ctx.cues[c].class().attributes_quotes() && at.attribution_ends(ctx, ctx.cue_end_tok(c))) {
        return None;
    }
    let m = speaker_between(ctx, t, ct)?;
    ctx.cue_used[c] = true;
    Some(direct(q, Some(ctx.cues[c].clone()), Some(m), "quote-speaker-cue", 0.95))
}

/// The speaker between a closing mark (token `t`) and its cue (token `ct`).
fn speaker_between(ctx: &Ctx, t: usize, ct: usize) -> Option<Mention> {
    // The phrase starts the attribution, or follows one or
    // two lowercase modifiers ("retired Air Force general …").
    mention_before_loose(ctx.text, ctx.toks, t, ct)
        .filter(|m| {
            let mt = token_at(ctx.toks, m.span.start);
            // Not a subordinator: “…,” when Clinton blasted him.
            let modifiers = (t..mt).all(|k| {
                ctx.toks[k].kind() == TokKind::Word
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
        })
}

/// “Q” — X: a dash and a speaker, no cue.
fn quote_dash_speaker(ctx: &mut Ctx, q: &Quotation, at: &AfterClose) -> Option<Claim> {
    let t = at.t;
    if !(matches!(ctx.s(t), "—" | "–" | "―") || (ctx.is(t, "-") && ctx.is(t + 1, "-"))) {
        return None;
    }
    let from = if ctx.is(t + 1, "-") { t + 2 } else { t + 1 };
    // “Hello”--said Dana Cole: a cue after the dash, its speaker after it.
    if let Some(c) = ctx
        .cue_starting(from)
        .filter(|&c| ctx.cues[c].class().attributes_quotes())
    {
        let m = mention_after(ctx.text, ctx.toks, ctx.cue_end_tok(c), at.para_end)?;
        ctx.cue_used[c] = true;
        return Some(direct(q, Some(ctx.cues[c].clone()), Some(m), "quote-dash-speaker", 0.9));
    }
    let m = mention_after(ctx.text, ctx.toks, from, at.para_end)?;
    Some(direct(q, None, Some(m), "quote-dash-speaker", 0.85))
}

/// The words of the sentence before the opening mark, up to a separator.
struct BeforeOpen {
    /// First token of the sentence (within the paragraph).
    lo: usize,
    /// The separator (`,` or `:`) right before the mark.
    b: usize,
    colon: bool,
    /// Where a cue ends when a hearer sits before the separator
    /// ("told reporters, “…”"); else `b`.
    cue_end: usize,
}

/// The attribution before the opening mark: X said, “Q” / Said X: “Q” / X was blunt: “Q”.
fn before_open(ctx: &mut Ctx, q: &Quotation) -> Option<Claim> {
    let first = &q.parts[0];
    let open_t = token_at(ctx.toks, first.open.start);
    let sent = ctx.sentence_toks(first.open.start);
    let para0 = ctx.para_toks(first.open.start);
    let lo = sent.start.max(para0.start);
    if open_t <= lo {
        return None;
    }
    // Every sieve here needs a separator: without one the quotation is the
    // whole clause of its cue (reported.rs makes it `speaker-cue-quote`).
    let b = open_t - 1;
    if !(ctx.is(b, ",") || ctx.is(b, ":")) {
        return None;
    }
    // X said, “Q” — the cue ends right before the separator.
    // "asking her, “…”", "told reporters, “…”": a hearer may sit between.
    let hearer = b > lo
        && matches!(
            &*ctx.lower(b - 1),
            "him" | "her" | "them" | "me" | "us" | "reporters" | "you"
        );
    let at = BeforeOpen {
        lo,
        b,
        colon: ctx.is(b, ":"),
        cue_end: if hearer { b - 1 } else { b },
    };
    if let Some(claim) = clause_cue_name_quote(ctx, q, &at) {
        return Some(claim);
    }
    if let Some(claim) = speaker_cue_quote(ctx, q, &at) {
        return Some(claim);
    }
    if let Some(claim) = cue_speaker_quote(ctx, q, &at) {
        return Some(claim);
    }
    colon_intro(ctx, q, &at)
}

/// X said, “Q” / X said: “Q”: a cue ending at the separator, its speaker before it.
fn speaker_cue_quote(ctx: &mut Ctx, q: &Quotation, at: &BeforeOpen) -> Option<Claim> {
    let c = cue_before_separator(ctx, at)?;
    if !ctx.cues[c].class().attributes_quotes() {
        return None;
    }
    let m = speaker_of_cue_before(ctx, at.lo, c)?;
    ctx.cue_used[c] = true;
    Some(direct(q, Some(ctx.cues[c].clone()), Some(m), "speaker-cue-quote", 0.9))
}

/// The unused cue of the sentence that ends at the separator, at the hearer,
/// or before a short phrase.
fn cue_before_separator(ctx: &Ctx, at: &BeforeOpen) -> Option<usize> {
    let (lo, b) = (at.lo, at.b);
    let ending = |at: usize| ctx.cue_ending_at_tok.get(at);
    // "Limbaugh told his radio audience of Monday, “…”", "Trump said in
    // an interview, “…”": a short hearer or adverbial with no verb of its
    // own between the cue and the separator.
    let phrase_end = || {
        // ending(k): a cue that ends right before token k.
        (b.saturating_sub(8).max(lo)..b).find(|&k| {
            ending(k).is_some()
                && (k..b).all(|j| {
                    ctx.toks[j].kind() == TokKind::Word
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
    [ending(b), ending(at.cue_end), phrase_end().and_then(ending)]
        .into_iter()
        .flatten()
        .find(|&c| !ctx.cue_used[c] && ctx.cue_start_tok(c) >= lo)
}

/// The speaker of cue `c` before an opening mark: the subject before it, or
/// for a participle ("…,” Trump said, adding later, “…”) the subject of the
/// cue it continues.
fn speaker_of_cue_before(ctx: &Ctx, lo: usize, c: usize) -> Option<Mention> {
    let ct = ctx.cue_start_tok(c);
    // (Or "… before asking her, “…”".)
    let participle = ctx.cues[c].form().ends_with("ing")
        && ct > lo
        && matches!(&*ctx.lower(ct - 1), "," | "before" | "after" | "while" | "by" | "when");
    if participle {
        (lo..ct)
            .rev()
            .find_map(|k| {
                ctx.cue_at_tok
                    .get(k)
                    .filter(|&pc| pc != c && ctx.cue_used[pc])
                    .map(|_| k)
            })
            .and_then(|k| {
                mention_after(ctx.text, ctx.toks, k + 1, ct).or_else(|| mention_before(ctx.text, ctx.toks, lo, k))
            })
            // "He then defended the remark, saying, “…”".
            .or_else(|| sentence_subject(ctx, lo, ct - 1))
    } else {
        mention_before_loose(ctx.text, ctx.toks, lo, ct).or_else(|| sentence_subject(ctx, lo, ct))
    }
}

/// "Said Ellis: “Q”", "Added Smith, “Q”": the cue before its speaker.
fn cue_speaker_quote(ctx: &mut Ctx, q: &Quotation, at: &BeforeOpen) -> Option<Claim> {
    let c = ctx
        .cue_starting(at.lo)
        .filter(|&c| ctx.cues[c].class().attributes_quotes())?;
    let m = mention_after(ctx.text, ctx.toks, ctx.cue_end_tok(c), at.b)
        .filter(|m| token_at(ctx.toks, m.span.end.max(m.descriptor.as_ref().map_or(0, |d| d.end))) == at.b)?;
    ctx.cue_used[c] = true;
    Some(direct(q, Some(ctx.cues[c].clone()), Some(m), "cue-speaker-quote", 0.85))
}

/// "Rather than the current layout, …, asks Policy Options editor Jennifer
/// Ditchburn, “Q”": a cue after a comma, then a name that runs to the
/// separator, is inverted: the name speaks, not the phrase before the cue.
fn clause_cue_name_quote(ctx: &mut Ctx, q: &Quotation, at: &BeforeOpen) -> Option<Claim> {
    let c = (at.lo + 1..at.b)
        .filter(|&k| ctx.is(k - 1, ","))
        .find_map(|k| ctx.cue_starting(k))
        .filter(|&c| !ctx.cue_used[c] && ctx.cues[c].class().attributes_quotes())?;
    let m = mention_after(ctx.text, ctx.toks, ctx.cue_end_tok(c), at.b).filter(|m| {
        m.kind == MentionKind::Name
            && token_at(ctx.toks, m.span.end.max(m.descriptor.as_ref().map_or(0, |d| d.end))) == at.b
    })?;
    ctx.cue_used[c] = true;
    Some(direct(q, Some(ctx.cues[c].clone()), Some(m), "cue-speaker-quote", 0.85))
}

/// The governor was blunt: “Q” / Fed chair: “Q”: the subject before a colon, no cue.
fn colon_intro(ctx: &Ctx, q: &Quotation, at: &BeforeOpen) -> Option<Claim> {
    if !at.colon {
        return None;
    }
    let m = last_clause_subject(ctx, at.lo, at.b).or_else(|| sentence_subject(ctx, at.lo, at.b))?;
    Some(direct(q, None, Some(m), "colon-intro", 0.75))
}

/// "Governance lassitude was on display when Musk took to Twitter with
/// this: “Q”": the name opening the last clause before the colon.
fn last_clause_subject(ctx: &Ctx, lo: usize, b: usize) -> Option<Mention> {
    let k = (lo + 1..b).rev().find(|&k| {
        matches!(
            &*ctx.lower(k),
            "when" | "as" | "after" | "before" | "while" | "and" | "but"
        )
    })?;
    mention_after(ctx.text, ctx.toks, k + 1, b)
        .filter(|m| m.kind == MentionKind::Name && m.stype == SpeakerType::Person)
}

/// As Senator Paul Greer put it: ¶ “Q”: the paragraph before ends with a colon.
fn lead_in_colon(ctx: &mut Ctx, q: &Quotation) -> Option<Claim> {
    let first = &q.parts[0];
    let open_t = token_at(ctx.toks, first.open.start);
    let para0 = ctx.para_toks(first.open.start);
    if !(open_t == para0.start && para0.start > 0 && ctx.is(para0.start - 1, ":")) {
        return None;
    }
    let prev = ctx.para_toks(ctx.toks[para0.start - 1].start());
    let end = para0.start - 1;
    if let Some(c) = (prev.start..end).rev().find_map(|k| ctx.cue_starting(k)) {
        let ct = ctx.cue_start_tok(c);
        if let Some(m) = mention_before(ctx.text, ctx.toks, prev.start, ct) {
            ctx.cue_used[c] = true;
            return Some(direct(q, Some(ctx.cues[c].clone()), Some(m), "lead-in-colon", 0.85));
        }
    }
    let m = mention_after(ctx.text, ctx.toks, prev.start, end)?;
    Some(direct(q, None, Some(m), "lead-in-colon", 0.7))
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
    let sent = ctx.segs.sentences.at(ctx.segs.sentence_of(first.start));
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

/// "These and other sources, the lawyers said, “all command the same
/// conclusion”", "Schumer, he said, “knows the minds …”": the words before
/// an attribution set off by commas, ahead of its quotation, are the claim's
/// first piece in the speaker's voice but not verbatim: an indirect claim of
/// their own beside the quotation.
pub(super) fn fragment_before_attribution(ctx: &Ctx, claim: &Claim) -> Option<Claim> {
    if claim.rule != "speaker-cue-quote" || claim.kind != Kind::Direct {
        return None;
    }
    let (m, cue) = (claim.mention.as_ref()?, claim.cue.as_ref()?);
    let mt = token_at(ctx.toks, m.span.start);
    let sent = ctx.sentence_toks(m.span.start);
    let after_cue = token_at(ctx.toks, cue.span().end);
    // X said, “Q”: the cue right after the speaker, a comma, the quotation.
    let quote_start = claim.parts[0].start;
    if mt < sent.start + 2
        || !ctx.is(mt - 1, ",")
        || token_at(ctx.toks, m.span.end) != token_at(ctx.toks, cue.span().start)
        || !ctx.is(after_cue, ",")
        || ctx.toks.get(after_cue + 2).is_none_or(|t| t.start() > quote_start)
    {
        return None;
    }
    let lead = sent.start..mt - 1;
    let plain = lead
        .clone()
        .all(|k| ctx.toks[k].kind() == TokKind::Word || matches!(ctx.s(k), "’" | "'" | "-"));
    let cue_in_lead = lead.clone().any(|k| ctx.cue_at_tok.get(k).is_some());
    // ("Schumer, he said, “knows …”": a pronoun in the attribution is not
    // the name before it, which the pronoun would be resolved to.)
    let named_lead = m.kind == MentionKind::Pronoun
        && (lead
            .clone()
            .any(|k| ctx.s(k).starts_with(char::is_uppercase) && k > lead.start)
            || mention_after(ctx.text, ctx.toks, lead.start, lead.end).is_some());
    if !plain || cue_in_lead || lead.len() > 15 || named_lead {
        return None;
    }
    let span = ctx.toks[lead.start].start()..ctx.toks[lead.end - 1].end();
    Some(Claim {
        kind: Kind::Indirect,
        parts: vec![span],
        rule: "parenthetical",
        confidence: claim.confidence * 0.8,
        ..claim.clone()
    })
}

/// “Q1,” X said, “Q2” and “Q1,” X said. “Q2”: one claim in two parts.
pub(super) fn merge_split_quotes(ctx: &Ctx, spoken: &[&Quotation], direct: &mut [Direct], consumed: &mut [bool]) {
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
        let attribution_end = m.span.end.max(c.span().end);
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
                .is_some_and(|c| ctx.cues[c].span().end <= gap_span.end && ctx.cues[c].class() == CueClass::Speech)
        });
        let quiet = !other_quote && !cue_in_gap;
        let same_para = ctx.segs.paragraph_of(attribution_end) == ctx.segs.paragraph_of(next.start());
        // “Q2” must be speech of its own, not a fragment inside a new clause
        // (“…” to drive up the stock price, she said).
        let embedded = next.parts[0].close.as_ref().is_some_and(|close| {
            let after = token_at(ctx.toks, close.end);
            after < ctx.toks.len()
                && ctx.toks[after].kind() == TokKind::Word
                && ctx.s(after).starts_with(|c: char| c.is_lowercase())
                && ctx.cue_at_tok.get(after).is_none()
                && !matches!(&*ctx.lower(after), "he" | "she" | "they" | "it" | "we" | "i")
        });
        // “Q1,” he said, but “Q2”: the second fragment is a clause of its
        // own, coordinated with the first; with its conjunction it is
        // reported speech (mixed) of the same speaker.
        if same_para && quiet && next.parts.len() == 1 {
            if let Some(conj) = coordinated_fragment(ctx, &gap_span, next) {
                let span: Span = conj..next.parts[0].close.as_ref().map_or(next.outer().end, |cl| cl.end);
                direct[i + 1] = Some(Box::new(Claim {
                    kind: Kind::Mixed,
                    parts: vec![span],
                    rule: "coordinated-quote",
                    ..(**direct[i].as_ref().expect("checked")).clone()
                }));
                continue;
            }
        }
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

/// `, but “Q2”`, `, and still “Q2”`: after the attribution (the gap,
/// bytes `gap`) a comma, "but" or "and", at most two lowercase words and
/// the opening mark of a quotation that ends its sentence. The conjunction's
/// start.
fn coordinated_fragment(ctx: &Ctx, gap: &Span, next: &Quotation) -> Option<usize> {
    let text = &ctx.text[gap.clone()];
    let rest = text.trim_start().strip_prefix(',')?;
    let words: Vec<&str> = rest.split_whitespace().collect();
    if !matches!(words.first(), Some(&"but") | Some(&"and")) || words.len() > 3 {
        return None;
    }
    if !words[1..].iter().all(|w| w.chars().all(|c| c.is_lowercase())) {
        return None;
    }
    // (The quotation ends the sentence: not “…” to drive up the price.)
    let close = next.parts[0].close.as_ref()?;
    let after = ctx.text[close.end..].trim_start_matches([' ', '\t']);
    let last = ctx.text[..close.start].trim_end().chars().next_back();
    let ends = after.is_empty()
        || after.starts_with(['\n', '.'])
        || (matches!(last, Some('.' | '?' | '!')) && !after.starts_with(char::is_lowercase));
    if !ends {
        return None;
    }
    Some(gap.start + (text.len() - rest.len()) + (rest.len() - rest.trim_start().len()))
}

pub(super) fn direct_from(q: &Quotation) -> Claim {
    direct(q, None, None, "unattributed", 0.5)
}
