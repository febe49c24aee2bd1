//! Reported speech: one claim per cue left over by the direct sieves
//! (`speaker-cue-that`, `coordinated-cue`, `participle-continuation`,
//! `according-to`, and `clause-speaker-cue`/`parenthetical` through
//! `clause.rs`); a clause holding quotation marks is mixed.

use super::clause::{
    clause_before, clause_end, comment_participle_at, is_auxiliary, is_clausal, sentence_subject, verb_like,
};
use super::content::{
    clause_after_adverbial_comma, content_start, find_that, find_that_after, finite_verb_within, hearer_then_clause,
    infinitive_start, is_weekday, pronoun_after_adverbial, relative_gap, relative_that_on_object,
    subject_after_adverbial, zero_relative_subject,
};
use super::ctx::{is_open_mark, quote_containing, quotes_within, Ctx};
use super::headline::own_headline;
use super::passive::passive_agent;
use super::senses::{
    call_names, court_plea, evidence_subject, knows_someone, market_figure, object_to_request, passive_hearer, refusal,
    topic_cue, withholding,
};
use super::Claim;
use super::Direct;
use crate::lexicon::{CueClass, LEXICON};
use crate::mentions::{contracted_subject, mention_after, mention_before, noun_type, Mention, MentionKind};
use crate::quotes::Quotation;
use crate::record::Kind;
use crate::text::{trim_span, Span};
use crate::tokens::{token_at, TokKind};

/// Reported speech, one claim per cue left over by the direct sieves, in
/// text order: a cue inside the last claim's span reports nothing new.
pub(super) fn reported(
    ctx: &mut Ctx,
    spoken: &[&Quotation],
    direct: &mut [Direct],
    consumed: &mut [bool],
    claims: &mut Vec<Claim>,
) {
    let mut covered_until = 0usize;
    // (Once per document: scanning the first paragraph per cue would be
    // quadratic on a one-paragraph document.)
    let one_line_headline = own_headline(ctx).is_some();
    for c in 0..ctx.cues.len() {
        if ctx.cue_used[c] || ctx.cues[c].span().start < covered_until {
            continue;
        }
        // Under `--scope speech` a belief or a finding reports nothing, nor
        // does a refusal ("declined to comment").
        if !ctx.all_scope() && (!ctx.cues[c].class().is_speech() || refusal(ctx.cues[c].lemma()) || negated(ctx, c)) {
            continue;
        }
        // A passive reports only through its agent: "was told by officials
        // that …", "was criticized by the union".
        let claim = match passive_agent(ctx, c, &ctx.sentence_toks(ctx.cues[c].span().start)) {
            Some(claim) => Some(claim),
            None if passive_hearer(ctx, c) || !may_report(ctx, spoken, c, one_line_headline) => None,
            None => cue_claim(ctx, spoken, direct, claims, c),
        };
        let Some(mut claim) = claim else {
            continue;
        };
        if !settle_quotes(ctx, spoken, direct, consumed, c, &mut claim) {
            continue;
        }
        ctx.cue_used[c] = true;
        covered_until = claim.parts.last().map_or(0, |p| p.end).max(ctx.cues[c].span().end);
        claims.push(claim);
    }
}

/// "Facebook did not say whether …", "would not say", "has never said":
/// a cue denied by "not" or "never" (or a form in "n't") just before it
/// reports that nothing was said.
fn negated(ctx: &Ctx, c: usize) -> bool {
    let cue = &ctx.cues[c];
    let ct = ctx.cue_start_tok(c);
    cue.form()
        .split(' ')
        .any(|w| matches!(w, "not" | "never") || w.ends_with("n't"))
        || (ct.saturating_sub(2)..ct).any(|k| {
            let w = ctx.lower(k);
            matches!(&*w, "not" | "never") || w.ends_with("n't") || w == "n’t"
        })
}

/// Whether cue `c` can report at all: not the speaker's own word inside a
/// quotation, not a headline's capitalised word, not a bare -ing after a noun.
fn may_report(ctx: &Ctx, spoken: &[&Quotation], c: usize, one_line_headline: bool) -> bool {
    let cue = &ctx.cues[c];
    // A cue inside a quotation is the speaker's own word.
    if quote_containing(spoken, cue.span().start).is_some_and(|i| {
        // Parts are in text order: one binary search finds the candidate.
        let parts = &spoken[i].parts;
        let k = parts.partition_point(|p| p.content.start <= cue.span().start);
        k > 0 && cue.span().end <= parts[k - 1].content.end
    }) {
        return false;
    }
    let ct = ctx.cue_start_tok(c);
    let ce = ctx.cue_end_tok(c);
    let sent = ctx.sentence_toks(cue.span().start);
    // A capitalised cue inside a sentence belongs to a headline
    // ("Reports Indicated That …"), not to reported speech.
    let headline_end = ce + 1 >= sent.end || (ce + 1 == sent.end - 1 && ctx.is(sent.end - 1, "."));
    // In the article's own headline (its first line) a capitalised cue
    // is the verb: "Sanders Vows To Eliminate Tax Breaks".
    let own_headline = one_line_headline && ctx.segs.paragraph_of(cue.span().start) == 0;
    if ct > sent.start && ctx.s(ct).starts_with(|c: char| c.is_uppercase()) && !headline_end && !own_headline {
        return false;
    }
    if parenthetical_participle(ctx, c, &sent) {
        return false;
    }
    // "sugars – those added to foods": a participle on "those" is no verb.
    if ct > sent.start && matches!(&*ctx.lower(ct - 1), "those" | "ones") {
        return false;
    }
    // "analysts asking what …": an -ing form straight after a noun is
    // not a finite report; it needs a comma (", adding that") or an
    // auxiliary ("is saying").
    // ("before suggesting that …" is the subject's act: `who_speaks`.)
    let first_word = cue.form().split(' ').next().unwrap_or("");
    !(first_word.ends_with("ing")
        && ct > sent.start
        && ctx.toks[ct - 1].kind() == TokKind::Word
        && !preposition_before_participle(&ctx.lower(ct - 1))
        && !pronoun_with_be(&ctx.lower(ct - 1)))
}

/// A preposition that makes an -ing cue the act of the clause's subject:
/// "by telling them that …", "After saying …", "criticized for saying that
/// …", "aside from saying he wants …", "despite admitting that …".
fn preposition_before_participle(w: &str) -> bool {
    matches!(
        w,
        "by" | "after" | "before" | "while" | "when" | "without" | "in" | "for" | "from" | "despite" | "upon"
    )
}

/// "He’s claiming", "they're arguing": a subject pronoun with "is" or
/// "are" in it makes the -ing form a finite verb.
fn pronoun_with_be(w: &str) -> bool {
    matches!(
        contracted_subject(w),
        Some(("he" | "she" | "it", "s") | ("they" | "we" | "you", "re") | ("i", "m"))
    )
}

/// "The reports, citing unnamed sources, said …": an -ing cue set off by
/// commas between a subject and its cue says where the subject's claim
/// comes from; the claim is the cue's, not the participle's.
fn parenthetical_participle(ctx: &Ctx, c: usize, sent: &std::ops::Range<usize>) -> bool {
    let ct = ctx.cue_start_tok(c);
    let ce = ctx.cue_end_tok(c);
    if !ctx.cues[c].form().ends_with("ing") || ct <= sent.start || !ctx.is(ct - 1, ",") {
        return false;
    }
    let Some(comma) = (ce..(ce + 12).min(sent.end)).find(|&k| ctx.is(k, ",")) else {
        return false;
    };
    // (Only before a cue: in "Trump, suggesting the U.S. outsource the
    // fight, was tepid about …" the participle's content is his claim.)
    comma + 1 < sent.end
        && ctx
            .cue_at_tok
            .get(comma + 1)
            .is_some_and(|n| !ctx.cues[n].form().ends_with("ing"))
}

/// The claim of cue `c` before its quotations are looked at: its speaker and
/// its content, after the cue or before it.
fn cue_claim(ctx: &Ctx, spoken: &[&Quotation], direct: &[Direct], claims: &[Claim], c: usize) -> Option<Claim> {
    let cue = &ctx.cues[c];
    let sent = ctx.sentence_toks(cue.span().start);
    if cue.class() == CueClass::According {
        return according_to(ctx, c, sent);
    }
    let ct = ctx.cue_start_tok(c);
    let belief = !cue.class().is_speech();
    let confidence = if belief { 0.4 } else { 0.8 };
    // "Citing an unfounded theory, Trump accused …": a participle
    // opening the sentence; its subject follows the comma.
    let opening_participle = cue.form().ends_with("ing") && !cue.form().contains(' ') && ct == sent.start && !belief;
    let (mention, rule) = who_speaks(ctx, spoken, direct, claims, c, &sent, opening_participle);
    match mention {
        Some(m) if ct > sent.start || opening_participle => content_after_cue(ctx, c, sent, m, rule, confidence),
        _ => clause_before(ctx, c, sent.clone(), None, confidence),
    }
}

/// Who speaks, and the rule that says so: the subject before the cue, or
/// the subject of the claim this cue continues (", adding that", "and warned").
fn who_speaks(
    ctx: &Ctx,
    spoken: &[&Quotation],
    direct: &[Direct],
    claims: &[Claim],
    c: usize,
    sent: &std::ops::Range<usize>,
    opening_participle: bool,
) -> (Option<Mention>, &'static str) {
    let cue = &ctx.cues[c];
    let ct = ctx.cue_start_tok(c);
    let ce = ctx.cue_end_tok(c);
    let belief = !cue.class().is_speech();
    let before = ctx.s(ct.saturating_sub(1)).to_lowercase();
    let after_comma = before == "," || (matches!(&*before, "”" | "\"" | "»") && ctx.is(ct.saturating_sub(2), ","));
    let by_ing = cue.form().ends_with("ing") && ct > sent.start && preposition_before_participle(&before);
    if opening_participle {
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
            // "…,” Mr. Corbyn told the House before slamming …": the
            // speaker of the sentence's claim, else its subject.
            last_mention_in(claims, direct, spoken, ctx, sent.clone(), cue.span().start)
                .or_else(|| sentence_subject(ctx, sent.start, ct - 1))
        };
        (m, "participle-continuation")
    } else if ct > sent.start && after_comma && cue.form().ends_with("ing") && !belief {
        let m = last_mention_in(claims, direct, spoken, ctx, sent.clone(), cue.span().start)
            .or_else(|| sentence_subject(ctx, sent.start, ct - 1));
        (m, "participle-continuation")
    } else if ct > sent.start && (before == "and" || (before == "but" && !object_then_to(ctx, ce, sent.end))) {
        let m = last_mention_in(claims, direct, spoken, ctx, sent.clone(), cue.span().start)
            .or_else(|| sentence_subject(ctx, sent.start, ct - 1));
        (m, "coordinated-cue")
    } else if before == "," && inverted_attribution_ends(ctx, ce, sent.end) {
        // "CLAUSE, but for some, the losses would outstrip the gains,
        // said Batchelder.": the speaker follows; what precedes the
        // comma is the claim, not an appositive.
        (None, "clause-speaker-cue")
    } else {
        // "The senator apparently suggested …", "Members of Parliament
        // soundly rejected …": an adverb before the cue is not the subject's.
        let adverb = ct > sent.start + 1 && adverb_at(ctx, ct - 1);
        let m = adverb
            .then(|| mention_before(ctx.text, ctx.toks, sent.start, ct - 1))
            .flatten()
            .or_else(|| mention_before(ctx.text, ctx.toks, sent.start, ct))
            .or_else(|| subject_before_participle(ctx, sent.start, ct))
            .or_else(|| subject_after_fronted_phrase(ctx, sent.start, ct));
        (m, "speaker-cue-that")
    }
}

/// "a report in The Globe that, citing confidential sources, alleged …":
/// before a participle set off by commas (ending at the cue `ct`), the
/// subject, or the antecedent of a relative "that"/"which"/"who".
fn subject_before_participle(ctx: &Ctx, sent_start: usize, ct: usize) -> Option<Mention> {
    if ct < sent_start + 3 || !ctx.is(ct - 1, ",") {
        return None;
    }
    let open = (ct.saturating_sub(14).max(sent_start)..ct - 1)
        .rev()
        .find(|&k| ctx.is(k, ","))?;
    let participle = ctx
        .cue_at_tok
        .get(open + 1)
        .is_some_and(|c| ctx.cues[c].form().ends_with("ing"));
    if !participle || open <= sent_start {
        return None;
    }
    let end = if matches!(&*ctx.lower(open - 1), "that" | "which" | "who") {
        open - 1
    } else {
        open
    };
    mention_before(ctx.text, ctx.toks, sent_start, end)
}

/// "In a 2016 meeting with the editorial board of the Washington Post Trump
/// said …": a fronted prepositional phrase with no comma that ends in a
/// name runs straight into the subject's; the subject is the last one or
/// two capitalised words before the cue (token `ct`).
fn subject_after_fronted_phrase(ctx: &Ctx, sent_start: usize, ct: usize) -> Option<Mention> {
    let fronted = LEXICON.in_sense("fronted-preposition", &ctx.lower(sent_start));
    if !fronted || ct < sent_start + 5 || (sent_start..ct).any(|k| ctx.toks[k].kind() != TokKind::Word) {
        return None;
    }
    let capitalised = |k: usize| ctx.s(k).starts_with(char::is_uppercase);
    let run = (sent_start + 1..ct).rev().take_while(|&k| capitalised(k)).count();
    if run < 2 {
        return None;
    }
    (1..=2.min(run - 1)).find_map(|len| {
        mention_before(ctx.text, ctx.toks, ct - len, ct).filter(|m| token_at(ctx.toks, m.span.start) == ct - len)
    })
}

/// A lowercase "-ly" adverb ("apparently", "soundly"), not a noun in "-ly"
/// ("family", "ally", "assembly").
fn adverb_at(ctx: &Ctx, t: usize) -> bool {
    let w = ctx.lower(t);
    ctx.s(t).starts_with(|c: char| c.is_lowercase())
        && w.len() > 4
        && w.ends_with("ly")
        && noun_type(&w).is_none()
        && !matches!(
            &*w,
            "family" | "ally" | "assembly" | "rally" | "supply" | "monopoly" | "anomaly" | "bully" | "reply"
        )
}

/// "… but urged Trump not to abandon them": an object and an infinitive
/// after the cue (from token `ce`), an appeal rather than a claim; after
/// "but" it is not read as the subject's next report.
fn object_then_to(ctx: &Ctx, ce: usize, sent_end: usize) -> bool {
    (ce + 1..(ce + 4).min(sent_end)).any(|k| ctx.is(k, "to"))
}

/// X said (that) CLAUSE: the content after the cue, or (when what follows
/// is only a hearer or a dropped noun phrase) the clause before it.
fn content_after_cue(
    ctx: &Ctx,
    c: usize,
    sent: std::ops::Range<usize>,
    m: Mention,
    rule: &'static str,
    confidence: f64,
) -> Option<Claim> {
    let cue = &ctx.cues[c];
    let ce = ctx.cue_end_tok(c);
    // "Robby Mook said as much", "has said so", "said the same thing": a
    // pro-form object stands for the content.
    if let Some(end) = pro_form_object(ctx, cue.lemma(), ce, sent.end) {
        let span = ctx.toks[ce].start()..ctx.toks[end - 1].end();
        return Some(Claim::indirect(span, Some(cue.clone()), m, rule, confidence * 0.8));
    }
    // "a move the company said was needed": the subject is "the company",
    // not the whole noun phrase the mention builder read.
    let mut m = m;
    if let Some(j) = zero_relative_subject(ctx, token_at(ctx.toks, m.span.start), ctx.cue_start_tok(c), ce) {
        let hi = ctx.cue_start_tok(c);
        match mention_after(ctx.text, ctx.toks, j, hi).filter(|s| token_at(ctx.toks, s.span.end) == hi) {
            Some(subject) => m = subject,
            None => return None,
        }
    }
    // "During his years in office, Mr. Obama said, a majority … believe
    // “that …”": set off by commas on both sides, the attribution
    // interrupts one claim (`clause_before`'s two pieces), whatever a
    // "that" further on looks like.
    let mt = token_at(ctx.toks, m.span.start);
    // (Not before a relative: in "this is a place, it suggests, where …"
    // the attribution interrupts a noun phrase.)
    // ("The difference now, he told me on Friday, is that …": the hearer
    // and a short adverbial may come before the closing comma.)
    let closing = (ce..(ce + 6).min(sent.end))
        .take_while(|&k| k == ce || ctx.toks[k].kind() == TokKind::Word || ctx.is(k, ","))
        .find(|&k| ctx.is(k, ","))
        .filter(|&k| k == ce || hearer_and_time(ctx, cue.lemma(), ce, k));
    let relative_next = closing.is_some_and(|k| {
        let w = ctx.lower(k + 1);
        w.ends_with("ing")
            || matches!(
                &*w,
                "where" | "which" | "who" | "whom" | "when" | "how" | "what" | "whether" | "why"
            )
    });
    if closing.is_some() && mt > sent.start + 1 && ctx.is(mt - 1, ",") && !relative_next {
        if let Some(claim) = clause_before(ctx, c, sent.clone(), Some(m.clone()), confidence) {
            return Some(claim);
        }
    }
    // The clause: an infinitive ("vowed to repeal"), after
    // "that", or straight after the cue.
    // Only for the main verb: "said … and vowed to fight it",
    // "…, refusing to address it" add an intention or act to
    // the clause, not a claim of their own (the project's
    // hard cases and example; PolNeAR would count them).
    let infinitive = infinitive_start(ctx, cue.lemma(), ce, sent.end).filter(|_| rule == "speaker-cue-that");
    // The "that" after the cue, read once (every test below asks for it).
    let that = find_that(ctx, ce, sent.end);
    // "dismissed Trump's claim that …" belongs to the claim's owner.
    if infinitive.is_none() && that.is_none() && find_that_after(ctx, ce, sent.end).is_some() {
        return None;
    }
    let start_t = content_start_after(ctx, ce, &sent, &m, cue.lemma(), infinitive);

    // Under `--scope speech`: "A review suggests …" is evidence, and "asked
    // Easley to climb in" a request.
    if !ctx.all_scope()
        && (evidence_subject(cue.lemma(), &m, ctx.text)
            || (infinitive.is_none()
                && that.is_none()
                && start_t.is_some_and(|st| object_to_request(ctx, cue.lemma(), st, sent.end))))
    {
        return None;
    }
    // A noun phrase after a cue that mostly takes a clause
    // ("dismissed the prospects") is no claim by default (a
    // claim's content is a clause); with --noun-phrase-claims
    // it is one, at a lower confidence.
    // Under `--scope speech` no noun phrase is content, whatever the cue
    // ("criticized the plan" reports no words); under `--scope all` every
    // one is, at 0.45 after a cue that mostly takes a clause.
    if let Some(st) = start_t {
        if market_figure(ctx, cue.lemma(), st, sent.end)
            // (A plea is an attribution in PolNeAR's sense: `--scope all`.)
            || (!ctx.all_scope() && court_plea(ctx, cue.lemma(), st, sent.end))
            || withholding(ctx, cue.lemma(), st, sent.end)
        {
            return None;
        }
    }
    // "call" reports speech only when it names something.
    let naming = cue.lemma() == "call" && start_t.is_some_and(|st| call_names(ctx, st, sent.end));
    if cue.lemma() == "call" && !naming && start_t.is_some() {
        return None;
    }
    if !ctx.all_scope() && topic_cue(cue.lemma()) && that.is_none() {
        return None;
    }
    // Under `--scope speech`: "must have said something to redeem himself"
    // reports no words, and "told an audience about the first time he …" a
    // topic.
    let vague = matches!(cue.lemma(), "say" | "tell") && start_t.is_some_and(|st| vague_object(ctx, ce, st));
    if !ctx.all_scope()
        && (vague
            || that.is_none()
                && start_t.is_some_and(|st| {
                    (cue.lemma() == "tell" && topic_after_cue(ctx, ce, st))
                        || made_object(ctx, cue.lemma(), st, sent.end)
                }))
    {
        return None;
    }
    // "argued that the records show nothing improper": after "that" the
    // content is a clause even when its verb is not one we recognise.
    let that_clause = infinitive.is_none()
        && (that.is_some()
            || (!LEXICON.np_content.contains(cue.lemma()) && relative_that_on_object(ctx, ce, sent.end)));
    // "When Ms. Diaz said the plant would close, workers walked out": the
    // content ends with the subordinate clause the cue is in.
    // ("As Ms. Simonyan put it in July, CLAUSE": there the content is after
    // the comma.)
    let content_end = subordinate_clause_end(ctx, sent.start, ctx.cue_start_tok(c))
        .filter(|&comma| start_t.is_some_and(|st| st < comma))
        .unwrap_or(sent.end);
    // "which officials said will take effect soon, will not apply …": a
    // gapped relative clause is a clause, and ends at its comma.
    let subject = token_at(ctx.toks, m.span.start);
    let gapped = start_t.is_some_and(|st| relative_gap(ctx, subject, st, sent.end).is_some());
    // "the gap between what Trump says his plan would do and what it would
    // actually do": in a free relative the content ends with it.
    let free_relative = subject > sent.start && matches!(&*ctx.lower(subject - 1), "what" | "how");
    let content_end = match (gapped, free_relative) {
        (true, _) => (ce..content_end).find(|&k| ctx.is(k, ",")).unwrap_or(content_end),
        (false, true) => (ce..content_end)
            .find(|&k| ctx.is(k, ",") || matches!(&*ctx.lower(k), "and" | "or" | "but" | "than"))
            .unwrap_or(content_end),
        (false, false) => content_end,
    };
    // (Clausal within the content's own clause: in "criticized the prime
    // minister, saying he …" the verbs after the comma are another claim's,
    // and in "When the engineer wrote the memo, she was tired" the main
    // clause's.)
    let noun_phrase = !naming
        && !that_clause
        && !gapped
        && start_t.is_some_and(|st| !is_clausal(ctx, st, clause_end_tok(ctx, st, content_end)));
    if knows_someone(cue.lemma(), noun_phrase) {
        return None;
    }
    let np_after_clause_cue = noun_phrase && !LEXICON.np_content.contains(cue.lemma());
    let np_dropped = np_after_clause_cue && !ctx.all_scope() && !clause_missed(ctx, cue.lemma(), start_t, content_end);
    let confidence = if np_after_clause_cue { 0.45 } else { confidence };
    // "CLAUSE, X told The Huffington Post.": a short phrase
    // ending the sentence is the hearer, the content is before.
    // (Only with a clause before the subject: in "Experts say the virus
    // spreads quickly." nothing precedes "Experts" to be the content.)
    let subject_opens_sentence = token_at(ctx.toks, m.span.start) <= sent.start;
    let hearer_only = that.is_none()
        && !subject_opens_sentence
        && start_t
            .is_some_and(|st| sent.end - st <= 8 && ctx.is(sent.end - 1, ".") && !is_clausal(ctx, st, sent.end - 1))
        && clause_before(ctx, c, sent.clone(), Some(m.clone()), confidence).is_some();
    match start_t {
        Some(_) if hearer_only => clause_before(ctx, c, sent.clone(), Some(m), confidence),
        Some(_) if np_dropped => clause_before(ctx, c, sent.clone(), Some(m), 0.8),
        // Clause before the subject: "CLAUSE, X said." is handled by clause_before.
        Some(st) if st < content_end => {
            // "attacked Machado in early-morning tweets", "acknowledged the
            // reality of climate change, which makes him …": a noun phrase
            // ends before a time adjunct or a comment on it.
            let content_end = match noun_phrase {
                true => noun_phrase_end(ctx, st, content_end),
                false => np_before_comment(ctx, cue.lemma(), st, content_end).unwrap_or(content_end),
            };
            Some(clause_from(ctx, c, st, content_end, m, rule, confidence))
        }
        _ => clause_before(ctx, c, sent.clone(), Some(m), confidence),
    }
}

/// "said as much", "said so", "said the same thing", "said much the same":
/// right after a cue of saying (token `ce` on), a pro-form standing for what
/// was said, then the sentence's end or an adverbial; the token after it.
fn pro_form_object(ctx: &Ctx, lemma: &str, ce: usize, sent_end: usize) -> Option<usize> {
    if !LEXICON.in_sense("pro-form-cue", lemma) || ce >= sent_end {
        return None;
    }
    let w = |k: usize| {
        if k < sent_end {
            ctx.lower(k).into_owned()
        } else {
            String::new()
        }
    };
    let end = match (&*w(ce), &*w(ce + 1), &*w(ce + 2)) {
        ("so", _, _) => ce + 1,
        ("as", "much", _) => ce + 2,
        ("the", "same", "thing") => ce + 3,
        ("the", "same", _) => ce + 2,
        ("much", "the", "same") => ce + 3,
        _ => return None,
    };
    // (Then the sentence ends, or an adverbial: "in an interview", "last
    // week", "publicly"; not "said so many things", "said as much as $5",
    // nor a comma: in "said the same thing, including X -- “…”" the
    // quotation after it is the content.)
    let next = w(end);
    let closes = end >= sent_end
        || matches!(ctx.s(end), "." | ";" | "!" | "?" | ")")
        || matches!(
            &*next,
            "in" | "on"
                | "at"
                | "during"
                | "last"
                | "this"
                | "before"
                | "after"
                | "when"
                | "while"
                | "publicly"
                | "repeatedly"
                | "again"
                | "too"
                | "earlier"
                | "yesterday"
                | "today"
                | "to"
                | "about"
                | "of"
                | "and"
                | "but"
        );
    let same_as = next == "as" || next == "that";
    (closes && !(end == ce + 2 && w(ce) == "as" && next == "as") && !same_as).then_some(end)
}

/// "told me on Friday", "told reporters", "said last week": between a cue
/// (ending at token `ce`) and the comma at `comma`, only the hearer of
/// "tell" (an object pronoun or "reporters") and a short time phrase.
fn hearer_and_time(ctx: &Ctx, lemma: &str, ce: usize, comma: usize) -> bool {
    let mut k = ce;
    if lemma == "tell" && matches!(&*ctx.lower(k), "me" | "us" | "him" | "her" | "them" | "reporters") {
        k += 1;
    }
    if k < comma && matches!(&*ctx.lower(k), "on" | "last" | "this" | "earlier" | "later") {
        k += 1;
        while k < comma && k < ce + 4 && !matches!(&*ctx.lower(k), "and" | "to" | "that") {
            k += 1;
        }
    }
    k == comma
}

/// "said something", "told them nothing": an indefinite pronoun right
/// after the cue (token `ce`), where the content (from `st`) starts. (Only
/// after "say" and "tell": "proposed something else" is a proposal.)
fn vague_object(ctx: &Ctx, ce: usize, st: usize) -> bool {
    // (Also when a relative clause on it was taken for the content: "would
    // say something to Colton that would screw up …".)
    st >= ce && matches!(&*ctx.lower(ce), "something" | "anything" | "nothing" | "everything")
}

/// "Tesla posted a fun little video …", "She wrote her first cookbook in
/// 1991": after a cue of making or sharing (`maker-cue` in
/// `data/cue-senses.tsv`), a thing made (a video, a book) in the first words
/// of the object is the object, not a claim.
fn made_object(ctx: &Ctx, lemma: &str, st: usize, sent_end: usize) -> bool {
    LEXICON.in_sense("maker-cue", lemma)
        && (st..(st + 5).min(sent_end))
            .take_while(|&k| ctx.toks[k].kind() == TokKind::Word && !verb_like(ctx, k) && ctx.lower(k) != "that")
            .any(|k| LEXICON.in_sense("made-object", &LEXICON.singular(&ctx.lower(k))))
}

/// "told an audience about the first time he …": "about" between "tell
/// (ending at token `ce`) and the content start `st` makes what follows a
/// topic; "about how …" or "about whether …" is still a content. (After
/// other cues PolNeAR counts the topic: "joked about moving to …".)
fn topic_after_cue(ctx: &Ctx, ce: usize, st: usize) -> bool {
    (ce..st).any(|k| {
        ctx.lower(k) == "about"
            && !matches!(
                &*ctx.lower(k + 1),
                "how" | "what" | "why" | "whether" | "who" | "where" | "when"
            )
    })
}

/// "said the agreement deals with funding": after "say" (or another cue that
/// takes a clause: "argue", "insist", "note" …) a content of four words or
/// more is a clause whose verb the clause test did not know ("say" hardly
/// takes a noun phrase: "said a prayer"; "write" does, "writes code").
fn clause_missed(ctx: &Ctx, lemma: &str, start_t: Option<usize>, content_end: usize) -> bool {
    matches!(
        lemma,
        "say" | "argue" | "insist" | "claim" | "add" | "note" | "warn" | "predict" | "contend" | "explain"
    ) && start_t.is_some_and(|st| {
        (st..content_end.min(st + 4)).all(|k| ctx.toks[k].kind() == TokKind::Word) && content_end >= st + 4
    })
}

/// Where a noun-phrase content starting at token `st` ends (exclusive): at a
/// time adjunct ("during the debate", "since Monday", "on Tuesday", "in
/// early-morning tweets") or a comma before "which"/"who".
fn noun_phrase_end(ctx: &Ctx, st: usize, end: usize) -> usize {
    (st + 1..end)
        .find(|&k| {
            let w = ctx.lower(k);
            let next = ctx.lower(k + 1);
            let weekday = is_weekday(&next);
            matches!(
                &*w,
                "during" | "since" | "amid" | "following" | "because" | "while" | "although" | "though"
            ) || (w == "on" && weekday)
                || (w == "in" && k + 2 < end && in_a_medium(ctx, k + 1))
                || (ctx.is(k, ",") && matches!(&*next, "which" | "who"))
                || is_dash(&w)
                || (ctx.is(k, ",") && comment_participle_at(ctx, k + 1))
                || (w == "as" && subject_like(ctx, k + 1) && finite_verb_within(ctx, k + 1, (k + 6).min(end)))
        })
        .unwrap_or(end)
}

/// "cited criticism of Matt Lauer, who took heat for …", "attacked the USS
/// Cole, killing 17 American sailors": after a cue that takes a
/// noun phrase, a content read as a clause for the verbs of a comment on it
/// is the noun phrase before the comment, when that has no verb and the
/// comment runs to the end (no later comma, where a clause on the noun
/// phrase could go on: "the plan, which passed Monday, would fail").
fn np_before_comment(ctx: &Ctx, lemma: &str, st: usize, end: usize) -> Option<usize> {
    // ("called Mr. Obama's remarks on Saturday “a wake-up call”": naming.)
    if !LEXICON.np_content.contains(lemma) || lemma == "call" {
        return None;
    }
    let cut = noun_phrase_end(ctx, st, end);
    (cut < end && !is_clausal(ctx, st, cut) && !(cut + 1..end).any(|k| ctx.is(k, ","))).then_some(cut)
}

/// "as Pyongyang fired …", "as he left": a word that can open a clause's
/// subject (a name, a pronoun, "the"), not "as a reason to …".
fn subject_like(ctx: &Ctx, k: usize) -> bool {
    let w = ctx.lower(k);
    matches!(&*w, "he" | "she" | "they" | "it" | "we" | "i" | "the")
        || (w != "a" && ctx.s(k).chars().next().is_some_and(char::is_uppercase))
}

/// A dash between words: "their support -- who cited her years …".
fn is_dash(w: &str) -> bool {
    matches!(w, "--" | "-" | "—" | "–")
}

/// "(in) early-morning tweets", "(in) a statement", "(in) remarks": the
/// medium of what was said, from token `k`.
fn in_a_medium(ctx: &Ctx, k: usize) -> bool {
    let medium = |w: &str| {
        matches!(
            w,
            "tweet"
                | "tweets"
                | "statement"
                | "statements"
                | "interview"
                | "interviews"
                | "speech"
                | "speeches"
                | "post"
                | "remarks"
                | "ruling"
                | "letter"
                | "filing"
                | "memo"
                | "video"
                | "column"
                | "op-ed"
        )
    };
    let w = ctx.lower(k);
    medium(&w)
        || w.ends_with("-morning")
        || w.ends_with("-night")
        || (matches!(&*w, "a" | "an") && medium(&ctx.lower(k + 1)))
}

/// The first token of the content after the cue (ending at token `ce`).
fn content_start_after(
    ctx: &Ctx,
    ce: usize,
    sent: &std::ops::Range<usize>,
    m: &Mention,
    lemma: &str,
    infinitive: Option<usize>,
) -> Option<usize> {
    if let Some(st) = clause_after_comma(ctx, ce, sent, m) {
        return Some(st);
    }
    if let Some(after) = parenthetical_after_cue(ctx, ce, sent.end) {
        return find_that(ctx, after, sent.end).map(|that| that + 1).or_else(|| {
            is_clausal(ctx, after, sent.end)
                .then(|| content_start(ctx, after, sent.end))
                .flatten()
        });
    }
    // "As Ms. Simonyan put it in July, CLAUSE": the clause follows the comma.
    let as_clause = (ctx.lower(sent.start) == "as" && token_at(ctx.toks, m.span.start) == sent.start + 1)
        .then(|| (ce..(ce + 16).min(sent.end)).find(|&k| ctx.is(k, ",")))
        .flatten()
        .filter(|&k| k + 2 < sent.end);
    match (as_clause, infinitive, find_that(ctx, ce, sent.end)) {
        (Some(comma), _, _) => Some(comma + 1),
        (None, Some(to), _) => Some(to),
        (None, None, Some(that)) => Some(that + 1),
        (None, None, None) => relative_gap(ctx, token_at(ctx.toks, m.span.start), ce, sent.end)
            .or_else(|| hearer_then_clause(ctx, lemma, ce, sent.end))
            .or_else(|| content_start(ctx, ce, sent.end))
            .or_else(|| pronoun_after_adverbial(ctx, ce, sent.end))
            .or_else(|| clause_after_adverbial_comma(ctx, ce, sent.end))
            .or_else(|| subject_after_adverbial(ctx, ce, sent.end)),
    }
}

/// "Obama said, a majority of Americans have come to believe …": a comma
/// after the cue, then a clause, when the speaker opens the sentence (with
/// nothing before it, the clause after the comma is the content; "A, X said,
/// B" is `clause_before`'s). Not a participle, a quotation or a parenthetical.
fn clause_after_comma(ctx: &Ctx, ce: usize, sent: &std::ops::Range<usize>, m: &Mention) -> Option<usize> {
    let st = ce + 1;
    if !ctx.is(ce, ",") || token_at(ctx.toks, m.span.start) != sent.start || st + 2 >= sent.end {
        return None;
    }
    let first = ctx.lower(st);
    let plain = ctx.toks[st].kind() == TokKind::Word
        && !first.ends_with("ing")
        && ctx.cue_at_tok.get(st).is_none()
        && !matches!(
            &*first,
            "in" | "on"
                | "at"
                | "during"
                | "after"
                | "before"
                | "via"
                | "through"
                | "however"
                | "though"
                | "again"
                | "according"
                | "and"
                | "but"
                | "or"
                | "as"
                | "who"
                | "which"
                | "per"
                | "by"
                | "with"
                | "from"
                | "for"
                | "to"
                | "of"
        )
        && !(first.len() > 4 && first.ends_with("ly"));
    let quoted = (st..sent.end).any(|k| is_open_mark(ctx.s(k)));
    (plain && !quoted && is_clausal(ctx, st, sent.end) && finite_verb_within(ctx, st, (st + 8).min(sent.end)))
        .then_some(st)
}

/// When the sentence (from token `sent_start`) opens with a subordinate
/// clause holding the cue at token `ct`, the comma that closes that clause.
fn subordinate_clause_end(ctx: &Ctx, sent_start: usize, ct: usize) -> Option<usize> {
    // The clause opens the sentence or follows a comma: "After the debate,
    // when Ms. Diaz said …, she …".
    let clause_start = (sent_start..ct)
        .rev()
        .find(|&k| ctx.is(k, ","))
        .map_or(sent_start, |k| k + 1);
    let opens = matches!(
        &*ctx.lower(clause_start),
        "when"
            | "after"
            | "before"
            | "as"
            | "while"
            | "once"
            | "if"
            | "because"
            | "since"
            | "until"
            | "although"
            | "despite"
    );
    if !opens || clause_start >= ct {
        return None;
    }
    // "Ryan, despite admitting that he had concerns, voted …": a participle
    // phrase set off inside the sentence ends where the subject's verb
    // phrase goes on.
    let participle_phrase = clause_start + 1 == ct && clause_start > sent_start;
    let mut window = (ct..(ct + 40).min(ctx.toks.len())).take_while(|&k| !ctx.is(k, "."));
    if clause_start == sent_start {
        return window.find(|&k| ctx.is(k, ","));
    }
    // Inside the sentence the clause may hold commas ("the Islamic State,
    // or ISIS, has …"): it ends at the comma before the main clause.
    let mut depth = 0i32;
    window.find(|&k| {
        match ctx.s(k) {
            "“" | "«" | "‘" => depth += 1,
            "”" | "»" | "’" => depth -= 1,
            _ => {}
        }
        depth <= 0 && ctx.is(k, ",") && (main_clause_at(ctx, k + 1) || (participle_phrase && verb_like(ctx, k + 1)))
    })
}

/// Whether a main clause (a subject, then its verb) starts at token `t`:
/// "he laughed", "Mr. Rubio only occasionally disagreed".
fn main_clause_at(ctx: &Ctx, t: usize) -> bool {
    let Some(tok) = ctx.toks.get(t) else { return false };
    if tok.kind() != TokKind::Word {
        return false;
    }
    let w = ctx.lower(t);
    if matches!(&*w, "he" | "she" | "they" | "i" | "we" | "it") {
        return true;
    }
    let subject_start = ctx.s(t).starts_with(char::is_uppercase) || matches!(&*w, "the" | "his" | "her" | "their");
    subject_start
        && !matches!(&*w, "and" | "or" | "but")
        && (t + 1..(t + 6).min(ctx.toks.len()))
            .take_while(|&k| ctx.toks[k].kind() == TokKind::Word)
            .any(|k| verb_like(ctx, k) || is_auxiliary(&ctx.lower(k)) || LEXICON.irregular_past.contains(&ctx.lower(k)))
}

/// The token where the clause starting at token `st` ends (exclusive).
fn clause_end_tok(ctx: &Ctx, st: usize, sent_end: usize) -> usize {
    let end = clause_end(ctx, st, sent_end);
    (st..sent_end).find(|&k| ctx.toks[k].start() >= end).unwrap_or(sent_end)
}

/// "said, in an email, that …", "said, however, the plan …": a phrase set
/// off by commas right after the cue (token `ce`); the token after its
/// closing comma.
fn parenthetical_after_cue(ctx: &Ctx, ce: usize, sent_end: usize) -> Option<usize> {
    if !ctx.is(ce, ",") || ce + 2 >= sent_end {
        return None;
    }
    let first = ctx.lower(ce + 1);
    let opens = matches!(
        &*first,
        "in" | "on" | "at" | "during" | "after" | "before" | "via" | "through" | "however" | "though" | "again"
    ) || (first.len() > 4 && first.ends_with("ly"));
    if !opens {
        return None;
    }
    let close = (ce + 2..(ce + 12).min(sent_end))
        .take_while(|&k| ctx.toks[k].kind() == TokKind::Word || ctx.is(k, ",") || ctx.is(k, "’") || ctx.is(k, "'"))
        .find(|&k| ctx.is(k, ","))?;
    (close + 2 < sent_end).then_some(close + 1)
}

/// The claim whose content runs from token `st` to the end of its clause.
fn clause_from(
    ctx: &Ctx,
    c: usize,
    st: usize,
    sent_end: usize,
    m: Mention,
    rule: &'static str,
    confidence: f64,
) -> Claim {
    let mut end = clause_end(ctx, st, sent_end);
    // "X, who emphasized that …, spoke": a relative
    // clause ends at its comma.
    if m.kind == crate::mentions::MentionKind::Relative {
        if let Some(comma) = (st..token_at(ctx.toks, end)).find(|&k| ctx.is(k, ",")) {
            end = end.min(ctx.toks[comma].start());
        }
    }
    let span = trim_span(ctx.text, ctx.toks[st].start()..end.max(ctx.toks[st].start()));
    Claim::indirect(
        without_closing_comma(ctx.text, span),
        Some(ctx.cues[c].clone()),
        m,
        rule,
        confidence,
    )
}

/// "said the government had failed workers, and called for …": the comma
/// (or semicolon, colon, dash) before the next act is not the content's.
/// (Not in a content holding quotation marks: there the comma may be the
/// quotation's, `“… our future,”`, and the quotation must stay whole.)
fn without_closing_comma(text: &str, span: Span) -> Span {
    let s = &text[span.clone()];
    if s.contains(['"', '“', '”', '«', '»', '„', '‘', '’', '\'']) {
        return span;
    }
    match s.char_indices().next_back() {
        Some((i, c)) if i > 0 && matches!(c, ',' | ';' | ':' | '—' | '–') => {
            trim_span(text, span.start..span.start + i)
        }
        _ => span,
    }
}

/// Whether the claim stays, made mixed or direct by the quotations it holds
/// (which it then consumes); a claim of under two words is dropped.
fn settle_quotes(
    ctx: &Ctx,
    spoken: &[&Quotation],
    direct: &mut [Direct],
    consumed: &mut [bool],
    c: usize,
    claim: &mut Claim,
) -> bool {
    let cue = &ctx.cues[c];
    claim.parts.retain(|p| !p.is_empty());
    // ("has said so": a one-word pro-form is a content.)
    let pro_form = matches!(&claim.parts[..], [p] if ctx.text[p.clone()].eq_ignore_ascii_case("so"));
    if claim.parts.is_empty()
        || (claim
            .parts
            .iter()
            .map(|p| ctx.text[p.clone()].split_whitespace().count())
            .sum::<usize>()
            < 2
            && !pro_form)
    {
        return false;
    }
    // A quotation that opens at or inside the clause runs at least to its
    // end: the sentence splitter may have cut inside it ("declared “…
    // obsolete. … Things are different now.”", "said he was “very pleased
    // with the decision. This levels the playing field.”"). (Not over the
    // cue itself: an unclosed mark must not make a claim of its own
    // attribution, "… in the books" -- …, he said.)
    if let [part] = &mut claim.parts[..] {
        if let Some(i) = quote_containing(spoken, part.end - 1) {
            let outer = spoken[i].outer();
            let over_cue = outer.start < cue.span().start && outer.end > cue.span().start;
            if outer.start >= part.start && outer.end > part.end && !consumed[i] && !over_cue {
                part.end = outer.end;
            }
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
        let all_quote = inside.len() == 1
            && (q.outer().start == span.start || hearer_before_quote(ctx, cue.lemma(), span.start, q.outer().start))
            && q.outer().end + 1 >= span.end
            && !after_that;
        if all_quote {
            if direct[inside[0]].as_ref().is_some_and(|d| d.mention.is_some()) {
                return false;
            }
            claim.kind = Kind::Direct;
            claim.parts = q.parts.iter().map(|p| p.content.clone()).collect();
            claim.rule = "speaker-cue-quote";
        } else if quote_only {
            return false;
        } else {
            claim.kind = Kind::Mixed;
        }
        for &i in &inside {
            consumed[i] = true;
            direct[i] = None;
        }
    } else if quote_only && short_quote_span(ctx.text, &span).is_none() {
        // "read", "sang": they attribute words quoted, never a report.
        return false;
    } else if quote_containing(spoken, span.start).is_some_and(|i| spoken[i].outer().start < span.start) {
        // The clause starts inside a quotation: not reported speech.
        return false;
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
    } else if holds_marked_fragment(&ctx.text[span]) {
        // "called the trade “reckless”": a partial quote (too short to be a
        // quotation of its own) makes the claim mixed.
        claim.kind = Kind::Mixed;
    }
    true
}

/// Whether `s` holds a pair of quotation marks with words between them.
fn holds_marked_fragment(s: &str) -> bool {
    let Some((open, mark)) = s.char_indices().find(|&(_, c)| matches!(c, '“' | '"' | '«')) else {
        return false;
    };
    let rest = &s[open + mark.len_utf8()..];
    let rest = rest.trim_start_matches(|c: char| !c.is_alphanumeric() && !matches!(c, '”' | '"' | '»'));
    rest.find(['”', '"', '»']).is_some_and(|close| close > 0)
}

/// `Mark told Jacob "…"`: between the content start and the quotation's
/// opening mark (bytes) only the hearer of a cue that takes one.
fn hearer_before_quote(ctx: &Ctx, lemma: &str, from: usize, open: usize) -> bool {
    let hearer_cue = matches!(
        lemma,
        "tell" | "ask" | "assure" | "inform" | "remind" | "warn" | "promise" | "answer"
    );
    let lead = &ctx.text[from..open];
    let words = lead.split_whitespace().count();
    // The hearer: a name ("Jacob", "Mayor Ruiz") or an object pronoun.
    let hearer = lead.split_whitespace().all(|w| w.starts_with(char::is_uppercase))
        || matches!(lead.trim(), "him" | "her" | "them" | "me" | "us" | "reporters");
    hearer_cue
        && hearer
        && (1..=3).contains(&words)
        && lead
            .chars()
            .all(|c| c.is_alphanumeric() || c.is_whitespace() || matches!(c, '.' | '\'' | '’' | '-'))
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
    while k < sent_end && ctx.toks[k].kind() == TokKind::Word && matches!(&*ctx.lower(k), "on" | "in" | "last" | "this")
    {
        k += 2;
    }
    k >= sent_end || matches!(ctx.s(k), "." | "!" | "?")
}

/// "According to X, CLAUSE" and "CLAUSE, according to X".
fn according_to(ctx: &Ctx, c: usize, sent: std::ops::Range<usize>) -> Option<Claim> {
    let cue = &ctx.cues[c];
    let ct = ctx.cue_start_tok(c);
    let ce = ctx.cue_end_tok(c);
    let m = mention_after(ctx.text, ctx.toks, ce, sent.end)?;
    let m_end = token_at(ctx.toks, m.span.end);
    let sent = super::clause::window_before(sent, ct);
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
        ctx.toks[st + 1].start()..end
    } else if ct > sent.start && ctx.is(ct - 1, ",") {
        ctx.toks[sent.start].start()..ctx.toks[ct - 1].start()
    } else {
        return None;
    };
    Some(Claim::indirect(
        trim_span(ctx.text, span),
        Some(cue.clone()),
        m,
        "according-to",
        0.85,
    ))
}

/// The speaker of the last attribution in the sentence before `before`
/// (byte offset), among reported claims and direct quotations.
fn last_mention_in(
    claims: &[Claim],
    direct: &[Direct],
    spoken: &[&Quotation],
    ctx: &Ctx,
    sent: std::ops::Range<usize>,
    before: usize,
) -> Option<Mention> {
    let lo = ctx.toks.get(sent.start)?.start();
    // Only the claims near the cue can be in its sentence: the latest reported
    // claims, and the direct ones of the quotations just before it.
    let q_end = spoken.partition_point(|q| q.outer().start < before);
    let near: Vec<&Claim> = claims
        .iter()
        .rev()
        .take(64)
        .chain(
            direct[q_end.saturating_sub(16)..q_end]
                .iter()
                .filter_map(|d| d.as_deref()),
        )
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
