//! Reading a clause: its subject, where it ends, whether words form a clause
//! or a noun phrase, and content before its attribution (`clause-speaker-cue`,
//! `parenthetical`).

use super::content::plural_then_plain_verb;
use super::ctx::{is_open_mark, Ctx};
use super::Claim;
use crate::lexicon::{CueClass, LEXICON};
use crate::mentions::{contracted_subject, mention_after, mention_before, Mention, DETERMINERS};
use crate::record::Kind;
use crate::text::{trim_span, Span};
use crate::tokens::{token_at, TokKind};

/// The subject at the start of a sentence, after a leading adverbial
/// ("At the same time, the U.S. administration has …").
pub(super) fn sentence_subject(ctx: &Ctx, lo: usize, hi: usize) -> Option<Mention> {
    let mut start = lo;
    // "Decades later economists still debate …": a time phrase, not the subject.
    let time_noun = matches!(
        &*ctx.lower(lo),
        "decades" | "years" | "months" | "weeks" | "days" | "hours" | "minutes" | "moments"
    );
    if lo + 2 < hi && time_noun && matches!(&*ctx.lower(lo + 1), "later" | "ago" | "earlier") {
        start = lo + 2;
    }
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

/// Whether a token can open a new clause with its own subject (ends the
/// reported clause at ", while …" / ", but …").
fn new_subject(ctx: &Ctx, t: usize) -> bool {
    let w = ctx.lower(t);
    // (", but that talks would continue": a second that-clause of the same
    // content, not a new subject.)
    if w.ends_with("ing") || matches!(&*w, "instead" | "also" | "not" | "then" | "only" | "rather" | "that") {
        return false;
    }
    true
}

/// End (exclusive, in bytes) of a reported clause starting at token `from`,
/// and the token where the scan stopped.
pub(super) fn clause_end(ctx: &Ctx, from: usize, sent_end: usize) -> usize {
    let mut k = from;
    let mut depth = 0i32;
    // "said that if he decides to run, he would …": a content that opens
    // with a subordinate clause goes on past the comma that closes it.
    let mut subordinate_open = matches!(
        &*ctx.lower(from),
        "if" | "when" | "unless" | "once" | "because" | "although" | "while" | "after" | "before" | "until"
    );
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
        // (Unless a new speaker's cue follows: "admitted that while the
        // server was never central, he argued …".)
        // An embedded post's link and signature are not the claim's words:
        // "… missing the mark. pic.twitter.com/HRlO8 — Alicia Draus (@…)".
        if link_at(ctx, k) {
            break;
        }
        if comma && std::mem::take(&mut subordinate_open) && !speaker_then_cue_at(ctx, k + 1) {
            k += 1;
            continue;
        }
        match s {
            // A new claim, clause or attribution after the comma.
            _ if comma && ends_at_comma(ctx, from, k, sent_end) => break,
            // "expressed skepticism … but urged Trump …": after a noun-phrase
            // content, "and/but" + a verb starts the subject's next act.
            // ("American- and Israeli-backed": a suspended hyphen, no verb.)
            "and" | "but"
                if depth <= 0 && verb_like(ctx, k + 1) && !ctx.is(k - 1, "-") && !is_clausal(ctx, from, k) =>
            {
                break
            }
            // "… and questioned whether …": a coordinated cue; "… but
            // Chapman says …": a new speaker's.
            "and" | "but" if depth <= 0 && (finite_speech_cue_at(ctx, k + 1) || name_then_cue_at(ctx, k + 1)) => break,
            // "… and then quipped to Colton": an adverb, then the cue.
            "and" | "but"
                if depth <= 0
                    && matches!(&*ctx.lower(k + 1), "then" | "later" | "also")
                    && finite_speech_cue_at(ctx, k + 2) =>
            {
                break
            }
            // "praised the deal before suggesting that …": the next act.
            "before" | "after" | "while" | "by"
                if depth <= 0 && k > from && ing_speech_cue_at(ctx, k + 1) && !is_clausal(ctx, from, k) =>
            {
                break
            }
            _ => {}
        }
        k += 1;
    }
    if k == from {
        return ctx.toks.get(from).map_or(0, |t| t.start());
    }
    let mut end = ctx.toks[k - 1].end();
    // A sentence-final period outside any quote mark is not part of the claim.
    if k == sent_end && ctx.is(k - 1, ".") {
        end = ctx.toks[k - 1].start();
    }
    end
}

/// Whether the comma (or comma-like mark) at token `k` ends a clause that
/// started at token `from`: what follows is a new claim, a new subject, the
/// subject's next act, an appositive or a new attribution.
fn ends_at_comma(ctx: &Ctx, from: usize, k: usize, sent_end: usize) -> bool {
    let s = ctx.s(k);
    let n = ctx.lower(k + 1);
    // ", adding that …", ", saying …": a new claim.
    if let Some(c) = ctx.cue_at_tok.get(k + 1) {
        if ctx.cues[c].form().ends_with("ing") && ctx.cues[c].class() == CueClass::Speech {
            return true;
        }
    }
    if matches!(&*n, "while" | "but" | "whereas" | "although" | "though") && new_subject(ctx, k + 2) {
        return true;
    }
    // "…, and human rights groups warned that …": another speaker's
    // attribution.
    if s == "," && matches!(&*n, "and" | "but") && noun_phrase_then_cue_at(ctx, k + 2) {
        return true;
    }
    // ", implicitly putting his name on the line": a participle
    // after a complete clause is the subject's act, not content.
    if s == "," && comment_participle_at(ctx, k + 1) && is_clausal(ctx, from, k) {
        return true;
    }
    // ", a claim experts dispute": a summary appositive; but not the next
    // item of a list ("a liar, a bully and a narcissist").
    if matches!(&*n, "a" | "an") && !list_of_indefinites(ctx, from, k, sent_end) {
        return true;
    }
    if n == "according" {
        return true;
    }
    // "He quit, saying he was tired, and left town": after a participle's
    // content, a past verb after ", and" with no subject of its own is the
    // speaker's next act. (After a finite cue it may be the content's own:
    // "said Taylor had a tin ear, and tended to …".)
    if s == "," && n == "and" && k + 2 < sent_end && past_verb_at(ctx, k + 2) && after_participle_cue(ctx, from) {
        return true;
    }
    // ", X said" — a new attribution.
    if let Some(c) = (k + 1..(k + 8).min(sent_end)).find_map(|j| ctx.cue_at_tok.get(j)) {
        let ct = ctx.cue_start_tok(c);
        if mention_before(ctx.text, ctx.toks, k + 1, ct).is_some_and(|m| m.span.start == ctx.toks[k + 1].start()) {
            return true;
        }
    }
    false
}

/// Whether the content starting at token `from` follows an -ing cue
/// ("saying he …", "adding that …").
fn after_participle_cue(ctx: &Ctx, from: usize) -> bool {
    let after_cue = if from > 0 && ctx.lower(from - 1) == "that" {
        from - 1
    } else {
        from
    };
    // (The cue-by-end table is freed once the direct sieves have run: the
    // cue is found by its start, one to three tokens back.)
    (after_cue.saturating_sub(3)..after_cue).any(|j| {
        ctx.cue_at_tok
            .get(j)
            .is_some_and(|c| ctx.cue_end_tok(c) == after_cue && ctx.cues[c].form().ends_with("ing"))
    })
}

/// A lowercase past-tense verb other than an auxiliary: "left", "added".
pub(super) fn past_verb_at(ctx: &Ctx, t: usize) -> bool {
    let w = ctx.lower(t);
    ctx.s(t).starts_with(|c: char| c.is_lowercase())
        && !matches!(&*w, "was" | "were" | "had" | "did")
        && ((w.len() > 4 && w.ends_with("ed") && !w.contains('-')) || LEXICON.irregular_past.contains(&w))
}

/// "a “pathological liar,” a “serial philanderer” and a “bully”": the comma
/// at token `k` parts indefinite noun phrases (the one before it opening
/// with "a" or "an" and no verb after it), and "and a" or "or a" ends the list.
fn list_of_indefinites(ctx: &Ctx, from: usize, k: usize, sent_end: usize) -> bool {
    let indefinite = |j: usize| matches!(&*ctx.lower(j), "a" | "an");
    let item_before = (from..k)
        .rev()
        .take_while(|&j| !ctx.is(j, ",") || j + 1 == k)
        .find(|&j| indefinite(j))
        .is_some_and(|a| !(a + 1..k).any(|j| verb_like(ctx, j)));
    // (The items after it are plain too: not "a claim that experts and a
    // judge dispute".)
    let plain = |j: usize| !verb_like(ctx, j) && !matches!(&*ctx.lower(j), "that" | "which" | "who" | "whom");
    item_before
        && (k + 2..sent_end.saturating_sub(1))
            .take_while(|&j| plain(j))
            .any(|j| matches!(&*ctx.lower(j), "and" | "or") && indefinite(j + 1))
}

/// Whether a speech cue that is not an -ing form starts at token `t`.
fn finite_speech_cue_at(ctx: &Ctx, t: usize) -> bool {
    ctx.cue_at_tok
        .get(t)
        .is_some_and(|c| ctx.cues[c].class() == CueClass::Speech && !ctx.cues[c].form().ends_with("ing"))
}

/// Whether a name of one to three capitalised words, then a finite speech
/// cue, starts at token `t` ("Chapman says", "Mayor Jo Park said").
/// Whether a web link starts at token `t` ("pic.twitter.com/…", "https://…").
fn link_at(ctx: &Ctx, t: usize) -> bool {
    let rest = &ctx.text[ctx.toks[t].start()..];
    (rest.starts_with('p') || rest.starts_with('h'))
        && (rest.starts_with("pic.twitter.com/") || rest.starts_with("https://") || rest.starts_with("http://"))
}

/// A subject pronoun or a name, then a speech cue: "he argued", "Mr. Roe said".
fn speaker_then_cue_at(ctx: &Ctx, t: usize) -> bool {
    let pronoun = matches!(&*ctx.lower(t), "he" | "she" | "they" | "i" | "we");
    (pronoun && finite_speech_cue_at(ctx, t + 1)) || name_then_cue_at(ctx, t)
}

fn name_then_cue_at(ctx: &Ctx, t: usize) -> bool {
    let capitalised = |k: usize| {
        ctx.toks
            .get(k)
            .is_some_and(|tok| tok.kind() == TokKind::Word && ctx.s(k).starts_with(char::is_uppercase))
    };
    (1..=3).any(|len| (t..t + len).all(capitalised) && finite_speech_cue_at(ctx, t + len))
}

/// "…, dealing a blow to …", "…, implicitly putting …", "…, further raising
/// …": a participle (after an adverb) at token `k` opening a comment on
/// the whole clause before its comma; not "including", "according" …
pub(super) fn comment_participle_at(ctx: &Ctx, k: usize) -> bool {
    let participle = |t: usize| {
        let w = ctx.lower(t);
        w.len() > 5 && w.ends_with("ing") && !matches!(&*w, "including" | "according" | "regarding" | "concerning")
    };
    let w = ctx.lower(k);
    participle(k) || (((w.len() > 4 && w.ends_with("ly")) || w == "further") && participle(k + 1))
}

/// "human rights groups warned that …", "the union says …": a subject of up
/// to four words with no verb, then a speech cue (a present or past form).
/// (Not a pronoun: "…, and they ordered him to …" goes on with the same
/// account.)
fn noun_phrase_then_cue_at(ctx: &Ctx, t: usize) -> bool {
    (1..=4).any(|len| {
        (t..t + len).all(|k| {
            ctx.toks.get(k).is_some_and(|tok| tok.kind() == TokKind::Word)
                && !verb_like(ctx, k)
                && !matches!(
                    &*ctx.lower(k),
                    "that" | "which" | "who" | "it" | "this" | "he" | "she" | "they" | "we" | "i" | "you"
                )
        }) && !(len == 1 && alone_a_quantifier(&ctx.lower(t)))
            && finite_speech_cue_at(ctx, t + len)
    })
}

/// "…, and some speculated about …": a quantifier alone is a vague subject
/// that the account goes on with, not a new source.
fn alone_a_quantifier(w: &str) -> bool {
    matches!(
        w,
        "some" | "many" | "others" | "most" | "few" | "all" | "both" | "several"
    )
}

/// Whether a speech cue in its -ing form starts at token `t`.
fn ing_speech_cue_at(ctx: &Ctx, t: usize) -> bool {
    ctx.cue_at_tok
        .get(t)
        .is_some_and(|c| ctx.cues[c].class() == CueClass::Speech && ctx.cues[c].form().ends_with("ing"))
}

/// A finite verb or auxiliary ("… and has since left", "… but urged").
pub(super) fn verb_like(ctx: &Ctx, t: usize) -> bool {
    let w = ctx.lower(t);
    matches!(
        &*w,
        "has" | "had" | "have" | "was" | "is" | "were" | "are" | "did" | "does"
    ) || (w.len() > 4 && w.ends_with("ed") && !w.contains('-'))
}

/// Whether a clause (a verb, an infinitive, a question word or a quotation)
/// starts at token `t`, rather than a bare noun phrase.
pub(super) fn is_clausal(ctx: &Ctx, t: usize, sent_end: usize) -> bool {
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
    // A bare plural and a verb no list knows: "buses run empty".
    if (pronoun_subject(&w) && t + 1 < sent_end && ctx.toks[t + 1].kind() == TokKind::Word)
        || contracted_subject(&w).is_some()
        || plural_then_plain_verb(ctx, t, sent_end)
    {
        return true;
    }
    // (A subject may be long: "Trump’s flurry of late-night tweets targeting
    // a former Miss Universe was …".)
    (t + 1..(t + 20).min(sent_end)).any(|k| {
        let v = ctx.lower(k);
        // ("too often, that’s not happening": a verb inside the word.)
        contracted_subject(&v).is_some()
            || verb_like(ctx, k)
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
            // ("their plans", "the costs": after a determiner a verb's form is a noun.)
            || (!after_determiner(ctx, k) && (LEXICON.irregular_past.contains(&v) || LEXICON.present_verbs.contains(&v)))
            || regular_present_at(ctx, k, sent_end)
            || plural_present_at(ctx, k)
            || is_open_mark(ctx.s(k))
            // "the records show …", "Cray anticipates …": a cue is a verb.
            || ctx.cue_at_tok.get(k).is_some_and(|c| !ctx.cues[c].form().ends_with("ing"))
    })
}

/// Whether the word before token `k` is a determiner or a possessive.
fn after_determiner(ctx: &Ctx, k: usize) -> bool {
    k > 0
        && matches!(
            &*ctx.lower(k - 1),
            "the" | "a" | "an" | "their" | "his" | "her" | "its" | "our" | "my" | "your" | "these" | "those"
        )
}

/// "the virus spreads quickly", "the city needs more buses": a regular
/// present verb (a lowercase "-s" word after a noun) is told from a plural
/// noun ("the price levels") by what follows it: an adverb, or an object's
/// determiner or pronoun (not a preposition, "to" or "that": "business
/// interests in Russia", "efforts to slow", "reports that …").
fn regular_present_at(ctx: &Ctx, k: usize, sent_end: usize) -> bool {
    let w = ctx.lower(k);
    let s_form = s_ending(&w) && ctx.s(k).starts_with(|c: char| c.is_lowercase());
    if !s_form || k == 0 || k + 1 >= sent_end || ctx.toks[k - 1].kind() != TokKind::Word {
        return false;
    }
    let before = ctx.lower(k - 1);
    let after = ctx.lower(k + 1);
    let after_noun = !matches!(
        &*before,
        "the" | "a" | "an" | "his" | "her" | "their" | "its" | "our" | "of" | "in" | "on" | "for" | "and" | "or"
    ) && !before.ends_with("ly");
    after_noun && opens_object(&after)
}

/// Whether `w` (lowercase) opens a verb's object or follows the verb as an
/// adverb: a determiner, an object pronoun, "more", "well", an "-ly" word.
pub(super) fn opens_object(w: &str) -> bool {
    (w.len() > 4 && w.ends_with("ly"))
        || matches!(
            w,
            "the"
                | "a"
                | "an"
                | "his"
                | "her"
                | "their"
                | "its"
                | "no"
                | "more"
                | "it"
                | "them"
                | "him"
                | "us"
                | "me"
                | "you"
                | "well"
        )
}

/// A word of four letters or more ending in a plural's or a present verb's
/// "-s" (not "-ss", "-us", "-is" or a possessive): "spreads", "patients".
fn s_ending(w: &str) -> bool {
    w.len() > 3 && w.ends_with('s') && !["ss", "us", "is", "’s", "'s"].iter().any(|e| w.ends_with(e))
}

/// "those people include hikers", "they raise questions": a verb's base
/// form after a plural noun or a plural pronoun is a present verb.
fn plural_present_at(ctx: &Ctx, k: usize) -> bool {
    if k == 0 || ctx.toks[k - 1].kind() != TokKind::Word || !LEXICON.base_verbs.contains(&ctx.lower(k)) {
        return false;
    }
    let before = ctx.lower(k - 1);
    let plural_noun = s_ending(&before);
    plural_noun
        || matches!(
            &*before,
            "they" | "we" | "people" | "many" | "others" | "some" | "both" | "those"
        )
}

/// "CLAUSE, X said." / "CLAUSE, said X." / "A, X said, B".
/// How far, in tokens, a claim before its cue may reach back. Without a
/// bound, a sentence of thousands of "…, according to X," (or of commas and
/// "which ask") gave each cue a claim back to the sentence start: n² time,
/// memory and output (issue 16). The longest such claim in PolNeAR and GGT
/// is 63 words; 150 tokens leaves room and keeps every record the same.
const MAX_CLAIM_BEFORE_TOKENS: usize = 150;

/// `sent` (tokens) cut to start at most `MAX_CLAIM_BEFORE_TOKENS` before `ct`.
pub(super) fn window_before(sent: std::ops::Range<usize>, ct: usize) -> std::ops::Range<usize> {
    sent.start.max(ct.saturating_sub(MAX_CLAIM_BEFORE_TOKENS))..sent.end
}

pub(super) fn clause_before(
    ctx: &Ctx,
    c: usize,
    sent: std::ops::Range<usize>,
    mention: Option<Mention>,
    confidence: f64,
) -> Option<Claim> {
    let cue = &ctx.cues[c];
    let sent = window_before(sent, ctx.cue_start_tok(c));
    let (m, comma) = attribution_comma(ctx, c, &sent, mention)?;
    // Beliefs ("the president appeared cowed") do not report a clause
    // before them; speech does ("…, police said.").
    if !cue.class().is_speech() {
        return None;
    }
    let m_end_t = token_at(ctx.toks, m.span.end.max(cue.span().end));
    // Only an adverbial or the hearer may follow the attribution
    // ("said on Friday", "told The Huffington Post"), not a predicate.
    if m_end_t < sent.end && ctx.toks[m_end_t].kind() == TokKind::Word && !adverbial_after_attribution(ctx, m_end_t) {
        return None;
    }
    // After the attribution: the sentence ends, or a parenthetical goes on.
    let mut after = m_end_t;
    // Skip a short adverbial: "on Friday", "in a statement", "last week".
    while after < sent.end && ctx.toks[after].kind() == TokKind::Word && after - m_end_t < 5 {
        after += 1;
    }
    // ("…, lawmakers said Friday, a day after …": an appositive, not more content.)
    // ("…, said Marty Puranik, CEO and founder of Atlantic.Net.": a phrase
    // with no verb after the speaker is the speaker's role, not content.)
    // (But "…, Mr. Obama said, a majority of Americans have come to …": an
    // indefinite subject with its verb group is more content.)
    let indefinite_subject = (after + 2..(after + 8).min(sent.end))
        .take_while(|&k| ctx.toks[k].kind() == TokKind::Word && !opens_adjunct_clause(&ctx.lower(k)))
        .any(|k| is_auxiliary(&ctx.lower(k)));
    let appositive_after = ctx.is(after, ",")
        && ((matches!(&*ctx.lower(after + 1), "a" | "an") && !indefinite_subject) || !is_clausal(ctx, after, sent.end));
    // "A wall would not only stop crime, she said, but also the flow of
    // drugs": a coordinated remainder of the claim, with its conjunction.
    let coordinated = ctx.is(after, ",")
        && after + 3 < sent.end
        && matches!(&*ctx.lower(after + 1), "but" | "and")
        && matches!(
            &*ctx.lower(after + 2),
            "also" | "still" | "not" | "rather" | "then" | "instead"
        );
    let appositive_after = appositive_after && !coordinated;
    let ends = after >= sent.end || matches!(ctx.s(after), "." | "!" | "?") || appositive_after;
    let parenthetical = ctx.is(after, ",") && after + 1 < sent.end && !appositive_after;
    let content_before = trim_span(ctx.text, ctx.toks[sent.start].start()..ctx.toks[comma].start());
    // "The plan, officials said, would cost …": the claim is both pieces.
    let parts = if ends {
        vec![content_before.clone()]
    } else if parenthetical {
        let st = after + 1;
        let end = clause_end(ctx, st, sent.end);
        vec![content_before.clone(), trim_span(ctx.text, ctx.toks[st].start()..end)]
    } else {
        return None;
    };
    // "Buying the arena, Ms. Reed said, would sink the city": a verb after
    // the attribution makes the phrase before it the content's subject.
    let verb_follows = parenthetical && is_auxiliary(&ctx.lower(after + 1));
    if !claim_before_comma(ctx, &sent, comma, &content_before, ends, verb_follows) {
        return None;
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

/// Words that open a clause inside a noun phrase or an adjunct ("a day
/// after it was held", "a man who was"): a verb after them is not the
/// phrase's own.
fn opens_adjunct_clause(w: &str) -> bool {
    matches!(
        w,
        "after"
            | "before"
            | "when"
            | "since"
            | "as"
            | "that"
            | "who"
            | "which"
            | "where"
            | "while"
            | "because"
            | "until"
    )
}

/// The speaker and the comma that ends the content before the attribution:
/// "CLAUSE, X said" (the comma before `mention`) or "CLAUSE, said X" (before
/// the cue).
fn attribution_comma(
    ctx: &Ctx,
    c: usize,
    sent: &std::ops::Range<usize>,
    mention: Option<Mention>,
) -> Option<(Mention, usize)> {
    let ct = ctx.cue_start_tok(c);
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
    Some((m, comma))
}

/// Whether the word at `t`, right after the attribution, starts an
/// adverbial or names the hearer ("said on Friday", "told The Huffington
/// Post") rather than a predicate.
fn adverbial_after_attribution(ctx: &Ctx, t: usize) -> bool {
    let w = ctx.lower(t);
    DETERMINERS.contains(&w)
        || ctx.s(t).starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
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
        )
}

/// Whether the words before the comma (`content_before`) can be a claim:
/// not a lone determiner phrase, a participle phrase or (when the sentence
/// ends after the attribution) a short leading adverbial.
/// Words that open or extend a verb group: auxiliaries and modals ("would
/// sink", "was being told", "could be seen").
pub(super) fn is_auxiliary(w: &str) -> bool {
    matches!(
        w,
        "would"
            | "will"
            | "could"
            | "can"
            | "might"
            | "may"
            | "should"
            | "must"
            | "is"
            | "was"
            | "are"
            | "were"
            | "has"
            | "had"
            | "have"
            | "be"
            | "been"
            | "being"
    )
}

fn claim_before_comma(
    ctx: &Ctx,
    sent: &std::ops::Range<usize>,
    comma: usize,
    content_before: &Span,
    ends: bool,
    verb_follows: bool,
) -> bool {
    if DETERMINERS.contains(&ctx.lower(sent.start)) && ctx.text[content_before.clone()].split_whitespace().count() <= 1
    {
        return false;
    }
    // "Citing a theory, Trump accused …": a participle phrase is no claim.
    // (A preposition in "-ing" is no participle: "During the war, Mr. Obama
    // said, the economy …".)
    let first = ctx.lower(sent.start);
    let preposition = matches!(
        &*first,
        "during" | "regarding" | "concerning" | "notwithstanding" | "pending"
    );
    if first.len() > 4 && first.ends_with("ing") && !preposition && !is_clausal(ctx, sent.start, comma) && !verb_follows
    {
        return false;
    }
    // "In defeat, the president …", "Through a spokesman, he declined …": a
    // leading adverbial is no claim; a claim before the comma has a verb.
    if ends && !is_clausal(ctx, sent.start, comma) && !is_open_mark(ctx.s(sent.start)) {
        let words = ctx.text[content_before.clone()].split_whitespace().count();
        let first = ctx.lower(sent.start);
        // ("Yet, observed Chad Bown, …": a lone connective is no claim.)
        if words == 1
            && matches!(
                &*first,
                "yet" | "but" | "still" | "however" | "and" | "so" | "now" | "indeed"
            )
        {
            return false;
        }
        // ("In a Wall Street Journal essay last week, she acknowledged …":
        // a phrase with no verb, however long.)
        if words <= 12
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
            return false;
        }
    }
    true
}
