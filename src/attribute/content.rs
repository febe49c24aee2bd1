//! Where a cue's content begins: after "that", an infinitive, a hearer, a
//! time phrase, or straight after the cue.

use super::clause::{is_clausal, opens_object, verb_like};
use super::ctx::{is_open_mark, Ctx};
use crate::lexicon::LEXICON;
use crate::tokens::TokKind;

/// Words that may sit between a cue and "that": an object or adverbial
/// ("told protesters that", "said on Friday that").
pub(super) fn find_that(ctx: &Ctx, from: usize, sent_end: usize) -> Option<usize> {
    let that = find_that_after(ctx, from, sent_end)?;
    // "dismissed Trump's claim that …": the clause is the claim's, not the cue's.
    let possessed_claim = that >= 2
        && LEXICON.claim_nouns.contains(&ctx.lower(that - 1))
        && (ctx.s(that - 2).ends_with("’s")
            || ctx.s(that - 2).ends_with("'s")
            || matches!(&*ctx.lower(that - 2), "his" | "her" | "their" | "its"));
    (!possessed_claim).then_some(that)
}

pub(super) fn find_that_after(ctx: &Ctx, from: usize, sent_end: usize) -> Option<usize> {
    that_after(ctx, from, sent_end).filter(|&k| !(k > from && relative_that(ctx, k, sent_end)))
}

/// "said the demands that come with the job erase …": a relative "that" on
/// the cue's object was passed over; what follows the cue is a clause whose
/// subject it modifies (its verb may be a bare form the clause test misses).
pub(super) fn relative_that_on_object(ctx: &Ctx, from: usize, sent_end: usize) -> bool {
    that_after(ctx, from, sent_end).is_some_and(|k| k > from && relative_that(ctx, k, sent_end))
}

/// The first "that" after a cue ending at token `from`, past an object or
/// an adverbial, that is not a pronoun.
fn that_after(ctx: &Ctx, from: usize, sent_end: usize) -> Option<usize> {
    // "says at a campaign stop in Toledo, Ohio, that …": a place phrase may
    // hold commas.
    if matches!(&*ctx.lower(from), "at" | "in" | "on" | "during" | "after" | "before") {
        if let Some(k) = (from..(from + 14).min(sent_end))
            .take_while(|&k| ctx.toks[k].kind() == TokKind::Word || ctx.is(k, ",") || ctx.is(k, "’") || ctx.is(k, "'"))
            .find(|&k| ctx.lower(k) == "that" && ctx.is(k - 1, ","))
        {
            return Some(k);
        }
    }
    // (Not past an -ing cue: in "praised the deal before suggesting that …"
    // the clause is the second cue's.)
    (from..(from + 7).min(sent_end))
        .take_while(|&k| ctx.toks[k].kind() == TokKind::Word || ctx.is(k, "’") || ctx.is(k, "'"))
        .take_while(|&k| {
            k == from
                || !ctx
                    .cue_at_tok
                    .get(k)
                    .is_some_and(|c| ctx.cues[c].form().ends_with("ing"))
        })
        // (Nor past a verb: in "said the layoffs were unfair but that …" the
        // content has begun.)
        .take_while(|&k| {
            !matches!(
                &*ctx.lower(k),
                "is" | "was" | "were" | "are" | "will" | "would" | "has" | "had"
            )
        })
        .find(|&k| ctx.lower(k) == "that")
        .filter(|&k| !demonstrative_that(ctx, k, sent_end))
}

/// "railed against the provisions that pock the tax code", "a plan that
/// would cut jobs": "that" after the cue's object, with a verb and no subject
/// after it, opens a relative clause on the object, not the content.
fn relative_that(ctx: &Ctx, that: usize, sent_end: usize) -> bool {
    if that + 2 >= sent_end || ctx.toks[that + 1].kind() != TokKind::Word {
        return false;
    }
    let next = ctx.lower(that + 1);
    let modal = matches!(
        &*next,
        "will"
            | "would"
            | "could"
            | "can"
            | "may"
            | "might"
            | "should"
            | "must"
            | "has"
            | "have"
            | "had"
            | "is"
            | "are"
            | "was"
            | "were"
    );
    let subject_word = matches!(
        &*next,
        "the"
            | "a"
            | "an"
            | "he"
            | "she"
            | "it"
            | "they"
            | "we"
            | "i"
            | "you"
            | "his"
            | "her"
            | "their"
            | "its"
            | "our"
            | "this"
            | "these"
            | "those"
            | "there"
            | "some"
            | "many"
            | "most"
            | "all"
            | "no"
            | "any"
            | "every"
            | "each"
            | "what"
            | "who"
            | "how"
            | "why"
            | "when"
            | "if"
            | "whether"
    ) || next.ends_with("ing")
        || ctx
            .s(that + 1)
            .starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit());
    // A bare verb, then its object or adverbial: "that pock the tax code".
    // (A noun after "that" may be the clause's subject: "warned Tehran that
    // failure to negotiate …"; only a determiner after the word tells a bare
    // verb with its object.)
    let then_object = matches!(
        &*ctx.lower(that + 2),
        "the" | "a" | "an" | "his" | "her" | "their" | "its" | "our"
    );
    // A known verb, then a preposition: "demands that come with the job",
    // "countries that stand to benefit".
    let verb_then_preposition = LEXICON.base_verbs.contains(&next)
        && matches!(
            &*ctx.lower(that + 2),
            "to" | "in" | "on" | "at" | "for" | "with" | "from" | "by" | "into" | "out" | "up"
        );
    // (After a name the name is a hearer: "told Smith that …".)
    let after_name = ctx.s(that - 1).starts_with(char::is_uppercase);
    !after_name
        && (modal
            || verb_then_preposition
            || (!subject_word && !next.ends_with("ly") && then_object)
            || finite_verb_on_thing(ctx, that, sent_end))
}

/// "announced a policy that diverged sharply from …", "revealing a program
/// that seems to lack …": after a noun that is not a person (a person is a
/// hearer: "told voters that …"), a past or present verb straight after
/// "that", then an adverb, a preposition or a determiner, has no subject of
/// its own: the clause is the noun's.
fn finite_verb_on_thing(ctx: &Ctx, that: usize, sent_end: usize) -> bool {
    if that + 2 >= sent_end || ctx.toks[that - 1].kind() != TokKind::Word {
        return false;
    }
    let noun = ctx.lower(that - 1);
    let person = LEXICON.person_nouns.contains(&LEXICON.singular(&noun))
        || LEXICON.group_nouns.contains(&LEXICON.singular(&noun))
        || matches!(
            &*noun,
            "him" | "her" | "them" | "us" | "me" | "you" | "reporters" | "people"
        );
    if person || ctx.s(that - 1).starts_with(char::is_uppercase) {
        return false;
    }
    let next = ctx.lower(that + 1);
    let past = next.len() > 4 && next.ends_with("ed") || LEXICON.irregular_past.contains(&next);
    let present = LEXICON.present_verbs.contains(&next)
        || next.strip_suffix('s').is_some_and(|stem| {
            LEXICON.base_verbs.contains(stem)
                || stem.strip_suffix('e').is_some_and(|st| LEXICON.base_verbs.contains(st))
        });
    let after = ctx.lower(that + 2);
    // (An object: "dresses that showed more cleavage", "a nation that
    // borders China".)
    let opens_rest = opens_object(&after)
        || ctx.s(that + 2).starts_with(char::is_uppercase)
        || matches!(
            &*after,
            "less" | "to" | "in" | "on" | "at" | "for" | "with" | "from" | "by" | "into" | "out" | "up"
        );
    (past || present) && opens_rest
}

/// "said that on Monday", "said that." — "that" as a pronoun (it points
/// back at something said), not as the start of a content clause.
pub(super) fn demonstrative_that(ctx: &Ctx, that: usize, sent_end: usize) -> bool {
    let next = that + 1;
    // ("said that about 4 million people …": "about" a number is the
    // content's subject.)
    let about_a_number = next + 1 < sent_end
        && matches!(&*ctx.lower(next), "about" | "nearly" | "almost" | "roughly")
        && ctx.s(next + 1).starts_with(|c: char| c.is_ascii_digit() || c == '$');
    if about_a_number {
        return false;
    }
    next >= sent_end
        || ctx.toks[next].kind() == TokKind::Punct && !is_open_mark(ctx.s(next))
        || matches!(
            &*ctx.lower(next),
            "on" | "at"
                | "during"
                | "after"
                | "before"
                | "to"
                | "about"
                | "of"
                | "too"
                | "again"
                | "yesterday"
                | "today"
        )
}

/// Where the content of a cue begins when no "that" follows: PolNeAR-style
/// content is the rest of the clause ("urged supporters to vote", "spoke
/// about the debate"), so only punctuation or an adverbial preposition ("said
/// on Friday.") rules it out.
pub(super) fn content_start(ctx: &Ctx, t: usize, sent_end: usize) -> Option<usize> {
    if t >= sent_end {
        return None;
    }
    if ctx.toks[t].kind() == TokKind::Punct {
        return is_open_mark(ctx.s(t)).then_some(t);
    }
    let w = ctx.lower(t);
    // "announced on Friday the arrest of …": a time phrase before the content.
    let time_words = match &*w {
        "on" if is_weekday(&ctx.lower(t + 1)) => 2,
        "last" | "this" | "earlier" if matches!(&*ctx.lower(t + 1), "week" | "month" | "year" | "weekend") => 2,
        "yesterday" | "today" | "tonight" => 1,
        w if is_weekday(w) => 1,
        _ => 0,
    };
    if time_words > 0 {
        // "said Friday afternoon, …": the part of the day goes with it.
        let day_part = matches!(
            &*ctx.lower(t + time_words),
            "morning" | "afternoon" | "evening" | "night"
        );
        let next = t + time_words + usize::from(day_part);
        return (next < sent_end && !ctx.is(next, ".") && !ctx.is(next, ","))
            .then(|| content_start(ctx, next, sent_end))
            .flatten()
            .filter(|&k| {
                ctx.toks[k].kind() == TokKind::Word && !matches!(&*ctx.lower(k), "that" | "at" | "in" | "on")
            });
    }
    if opens_subordinate_content(ctx, t, sent_end) {
        return Some(t);
    }
    match &*w {
        "about" | "of" | "over" | "against" => (t + 1 < sent_end).then_some(t + 1),
        "on" | "in" | "at" | "to" | "with" | "by" | "from" | "during" | "after" | "before" | "as" | "and" | "but"
        | "or" | "so" | "into" | "onto" | "for" | "until" | "through" | "under" | "within" | "without" | "toward"
        | "towards" | "across" | "around" | "behind" | "beyond" | "near" | "since" | "upon" | "via" | "amid"
        | "despite" | "like" | "briefly" | "here" | "now" | "up" | "out" | "off" | "down" | "back" | "away"
        | "forward" | "not" | "never" | "thursday" | "friday" | "monday" | "tuesday" | "wednesday" | "saturday"
        | "sunday" | "yesterday" | "today" | "tonight" | "earlier" | "later" | "last" | "also" | "again"
        | "repeatedly" => None,
        // "Health worries have dogged …": the "cue" was a noun, the verb follows.
        "have" | "has" | "had" | "is" | "was" | "are" | "were" | "will" | "would" | "can" | "could" => None,
        // "said nearly a third of the members opposed …": an adverb of
        // degree before a quantity starts the content.
        w if w.len() > 4 && w.ends_with("ly") && opens_quantity(ctx, t + 1, sent_end) => Some(t),
        // "it has declined slightly from …": an adverb, no content.
        w if w.len() > 4 && w.ends_with("ly") => None,
        _ => Some(t),
    }
}

/// "told African-Americans this weekend he would …": after a cue that takes
/// a hearer, a subject pronoun within a few words starts the clause.
pub(super) fn hearer_then_clause(ctx: &Ctx, lemma: &str, t: usize, sent_end: usize) -> Option<usize> {
    if !matches!(
        lemma,
        "tell"
            | "assure"
            | "reassure"
            | "inform"
            | "notify"
            | "brief"
            | "advise"
            | "remind"
            | "warn"
            | "promise"
            | "convince"
    ) {
        return None;
    }
    // (A hearer may be long: "told USA TODAY's weekly video newsmaker series
    // it is clear …"; not a pronoun of a relative clause or a phrase in it:
    // "told the panel about a meeting in which he …".)
    let words = (t + 1..(t + 10).min(sent_end))
        .take_while(|&k| ctx.toks[k].kind() == TokKind::Word || ctx.is(k, "’") || ctx.is(k, "'"))
        .take_while(|&k| !relative(&ctx.lower(k)) && !matches!(&*ctx.lower(k), "about" | "if" | "whether"));
    let pronoun = words
        .clone()
        .find(|&k| matches!(&*ctx.lower(k), "he" | "she" | "they" | "it" | "i" | "we"))
        .filter(|&k| k + 1 < sent_end && ctx.toks[k + 1].kind() == TokKind::Word);
    // "told police the driver ran a red light", "told the court the
    // letter was forged": a short hearer, then a subject opening with a
    // determiner and its finite verb.
    let determined_subject = || {
        words
            .clone()
            .take(4)
            .find(|&k| {
                matches!(&*ctx.lower(k), "the" | "a" | "an" | "his" | "her" | "their" | "its")
                    && !matches!(&*ctx.lower(k - 1), "the" | "a" | "an" | "his" | "her" | "their" | "its")
                    && finite_verb_within(ctx, k + 2, (k + 6).min(sent_end))
            })
            .filter(|&k| !(t..k).any(|j| verb_like(ctx, j)))
    };
    pronoun.or_else(determined_subject)
}

/// "said in retrospect he feels …", "stated in July it opposed …": a short
/// adverbial phrase between the cue and a subject pronoun; the clause starts
/// at the pronoun.
pub(super) fn pronoun_after_adverbial(ctx: &Ctx, t: usize, sent_end: usize) -> Option<usize> {
    if !matches!(
        &*ctx.lower(t),
        "in" | "on" | "at" | "during" | "after" | "last" | "earlier" | "this"
    ) {
        return None;
    }
    (t + 1..(t + 6).min(sent_end))
        .take_while(|&k| ctx.toks[k].kind() == TokKind::Word)
        .find(|&k| matches!(&*ctx.lower(k), "he" | "she" | "they" | "it" | "we" | "i"))
        .filter(|&k| k + 1 < sent_end && ctx.toks[k + 1].kind() == TokKind::Word)
}

/// "said in his speech the plan would work", "says in rural areas buses are
/// empty": a short phrase after a preposition, then a subject (a determiner
/// after the phrase's noun, or a bare noun before an auxiliary) and its verb
/// within a few words; the clause starts at the subject.
pub(super) fn subject_after_adverbial(ctx: &Ctx, t: usize, sent_end: usize) -> Option<usize> {
    if !matches!(
        &*ctx.lower(t),
        "in" | "on" | "at" | "during" | "after" | "by" | "via" | "over" | "through"
    ) {
        return None;
    }
    let determiner = |w: &str| {
        matches!(
            w,
            "the" | "a" | "an" | "his" | "her" | "their" | "its" | "this" | "these" | "those" | "our" | "some" | "most"
        )
    };
    let auxiliary = |w: &str| {
        matches!(
            w,
            "is" | "are" | "was" | "were" | "will" | "would" | "can" | "could" | "have" | "has" | "had" | "should"
        )
    };
    (t + 2..(t + 6).min(sent_end))
        .take_while(|&k| ctx.toks[k].kind() == TokKind::Word && !relative(&ctx.lower(k)))
        .find(|&k| {
            let (w, before) = (ctx.lower(k), ctx.lower(k - 1));
            let after_noun =
                !determiner(&before) && !matches!(&*before, "in" | "on" | "at" | "during" | "after" | "of");
            let next_is_auxiliary = k + 1 < sent_end && auxiliary(&ctx.lower(k + 1));
            after_noun
                && ((determiner(&w) && finite_verb_within(ctx, k + 1, (k + 5).min(sent_end)))
                    || (!determiner(&w) && !auxiliary(&w) && !relative(&w) && next_is_auxiliary)
                    || (!determiner(&w) && plural_then_plain_verb(ctx, k, sent_end)))
        })
}

/// "buses run empty", "schools close early": a bare plural noun at token
/// `k`, then a lowercase word that can only be its verb there (no
/// preposition, article, conjunction or adverb; no -s, -ing or -ly form),
/// before more words. A verb no word list knows still makes the clause.
pub(super) fn plural_then_plain_verb(ctx: &Ctx, k: usize, sent_end: usize) -> bool {
    let noun = ctx.lower(k);
    let plural = noun.len() > 3 && noun.ends_with('s') && !noun.ends_with("ss") && !noun.ends_with("us");
    let verb_at = k + 1;
    if !plural || verb_at + 1 >= sent_end || ctx.toks[verb_at].kind() != TokKind::Word {
        return false;
    }
    let verb = ctx.lower(verb_at);
    let lowercase = ctx.s(verb_at).starts_with(|c: char| c.is_ascii_lowercase());
    lowercase
        && verb.len() > 1
        && !verb.ends_with('s')
        && !verb.ends_with("ing")
        && !verb.ends_with("ly")
        && !relative(&verb)
        && !matches!(
            &*verb,
            "of" | "in"
                | "on"
                | "at"
                | "for"
                | "with"
                | "from"
                | "by"
                | "to"
                | "and"
                | "or"
                | "but"
                | "nor"
                | "the"
                | "a"
                | "an"
                | "than"
                | "into"
                | "over"
                | "under"
                | "after"
                | "before"
                | "about"
                | "around"
                | "across"
                | "like"
                | "per"
                | "alone"
                | "too"
                | "also"
                | "not"
                | "only"
                | "even"
                | "here"
                | "there"
                | "now"
                | "then"
        )
        && ctx.toks[verb_at + 1].kind() == TokKind::Word
}

/// "which he said were at his side", "what the senators said was economic
/// gerrymandering", "that many economists say is the future": the cue's
/// subject (its mention starting at token `subject`) follows a relative word
/// and the cue is followed straight by an auxiliary (or an adverb and a
/// verb: "which state media claimed now allows …"); the relative clause's
/// own verb phrase is the content, its subject gapped. With no relative
/// word ("a provision they say could exclude …", "a move the company said
/// was needed"), a noun opens the clause and a modal or a passive follows.
pub(super) fn relative_gap(ctx: &Ctx, subject: usize, t: usize, sent_end: usize) -> Option<usize> {
    if t + 1 >= sent_end || ctx.toks[t + 1].kind() != TokKind::Word {
        return None;
    }
    let after_relative = subject > 0 && matches!(&*ctx.lower(subject - 1), "which" | "that" | "what" | "who" | "whom");
    let w = ctx.lower(t);
    let auxiliary = matches!(
        &*w,
        "is" | "are"
            | "was"
            | "were"
            | "will"
            | "would"
            | "could"
            | "should"
            | "might"
            | "may"
            | "had"
            | "has"
            | "have"
    );
    if after_relative {
        // ("now allows", "also has": an adverb, then the verb.)
        let adverb = matches!(&*w, "now" | "also" | "still" | "already" | "only") || (w.len() > 4 && w.ends_with("ly"));
        let v = ctx.lower(t + 1);
        let verb_next = adverb
            && ctx.s(t + 1).starts_with(char::is_lowercase)
            && (is_auxiliary_word(&v)
                || LEXICON.present_verbs.contains(&v)
                || LEXICON.irregular_past.contains(&v)
                || verb_like(ctx, t + 1)
                || (v.len() > 3 && v.ends_with('s') && !v.ends_with("ss")));
        return (auxiliary || verb_next).then_some(t);
    }
    (zero_relative(ctx, subject) && modal_or_passive_at(ctx, t)).then_some(t)
}

/// A modal ("could exclude") or a passive ("was needed") at token `t`:
/// after a cue, the verb group of a gapped subject.
fn modal_or_passive_at(ctx: &Ctx, t: usize) -> bool {
    let w = ctx.lower(t);
    let modal = matches!(&*w, "will" | "would" | "could" | "should" | "might" | "may" | "can");
    let passive = matches!(&*w, "is" | "are" | "was" | "were") && {
        let v = ctx.lower(t + 1);
        v.len() > 4 && v.ends_with("ed")
    };
    t + 1 < ctx.toks.len() && ctx.toks[t + 1].kind() == TokKind::Word && (modal || passive)
}

/// "a dynamic Greenberg said could drive …", "a move the company said was
/// needed": a mention (tokens `lo..hi`, the cue after it) that swallowed the
/// antecedent of a relative clause with no relative word; the token where
/// the cue's own subject starts, when a modal or a passive follows the cue
/// (at token `ce`).
pub(super) fn zero_relative_subject(ctx: &Ctx, lo: usize, hi: usize, ce: usize) -> Option<usize> {
    if !modal_or_passive_at(ctx, ce) {
        return None;
    }
    (lo + 1..hi).find(|&j| {
        let w = ctx.lower(j);
        let opens = matches!(&*w, "the" | "they" | "he" | "she" | "we" | "it" | "i")
            || ctx.s(j).starts_with(char::is_uppercase);
        opens && zero_relative(ctx, j)
    })
}

/// "a provision they say …", "a move the company said …": a noun after a
/// determiner right before the subject (token `subject`) of a cue, the
/// antecedent of a relative clause with no relative word.
fn zero_relative(ctx: &Ctx, subject: usize) -> bool {
    if subject < 2 {
        return false;
    }
    let noun = subject - 1;
    let n = ctx.lower(noun);
    let plain_noun = ctx.toks[noun].kind() == TokKind::Word
        && ctx.s(noun).starts_with(char::is_lowercase)
        && !verb_like(ctx, noun)
        && !is_auxiliary_word(&n)
        && !LEXICON.present_verbs.contains(&n)
        && !LEXICON.irregular_past.contains(&n)
        && !matches!(
            &*n,
            "that" | "and" | "or" | "but" | "because" | "if" | "when" | "as" | "so"
        );
    plain_noun
        && (noun.saturating_sub(3)..noun)
            .rev()
            .take_while(|&k| ctx.toks[k].kind() == TokKind::Word)
            .any(|k| matches!(&*ctx.lower(k), "a" | "an" | "the" | "another" | "one" | "this"))
}

/// An auxiliary or a modal: "is", "would", "has".
fn is_auxiliary_word(w: &str) -> bool {
    super::clause::is_auxiliary(w) || matches!(w, "can" | "does" | "did" | "do")
}

/// "admits in this instance, there were fatalities", "said at 7:30 p.m.,
/// there were no units": a short phrase after a preposition, a comma, then
/// a clause; the clause starts after the comma.
pub(super) fn clause_after_adverbial_comma(ctx: &Ctx, t: usize, sent_end: usize) -> Option<usize> {
    if !matches!(
        &*ctx.lower(t),
        "in" | "on" | "at" | "during" | "after" | "before" | "by" | "via" | "over" | "for" | "like" | "since"
    ) {
        return None;
    }
    let comma = (t + 1..(t + 9).min(sent_end))
        .take_while(|&k| ctx.toks[k].kind() == TokKind::Word || matches!(ctx.s(k), "," | "." | ":" | "’" | "'"))
        .find(|&k| ctx.is(k, ","))?;
    // (Not a list or a relative clause after the phrase.)
    let first = ctx.lower(comma + 1);
    // (Nor the speaker's next act: "shot back on Tuesday, saying …".)
    let opens_clause = !relative(&first)
        && !matches!(&*first, "and" | "or" | "but" | "a" | "an")
        && !first.ends_with("ing")
        && ctx.cue_at_tok.get(comma + 1).is_none();
    (comma + 2 < sent_end
        && opens_clause
        && is_clausal(ctx, comma + 1, sent_end)
        && (finite_verb_within(ctx, comma + 1, (comma + 8).min(sent_end))
            || plural_then_plain_verb(ctx, comma + 1, sent_end)))
    .then_some(comma + 1)
}

fn relative(w: &str) -> bool {
    matches!(w, "who" | "that" | "which" | "whose" | "where" | "when")
}

/// Whether a finite verb stands in tokens `from..to`, before any relative
/// pronoun or comma ("the plan would work", "the buses are"; not "a film
/// purporting to debunk", "the Americans who had gotten him here").
pub(super) fn finite_verb_within(ctx: &Ctx, from: usize, to: usize) -> bool {
    (from..to)
        .take_while(|&k| !ctx.is(k, ",") && !relative(&ctx.lower(k)))
        .any(|k| {
            let w = ctx.lower(k);
            verb_like(ctx, k)
                || matches!(
                    &*w,
                    "will" | "would" | "could" | "should" | "can" | "may" | "might" | "must"
                )
                || LEXICON.irregular_past.contains(&w)
                || LEXICON.present_verbs.contains(&w)
        })
}

/// "said as the storm hit, the power went out": a subordinate clause, a
/// comma, then a main clause; all of it is the content.
fn opens_subordinate_content(ctx: &Ctx, t: usize, sent_end: usize) -> bool {
    let subordinator = matches!(
        &*ctx.lower(t),
        "as" | "when" | "after" | "before" | "while" | "once" | "since" | "until" | "because" | "unless"
    );
    if !subordinator {
        return false;
    }
    let Some(comma) = (t + 2..(t + 16).min(sent_end)).find(|&k| ctx.is(k, ",")) else {
        return false;
    };
    let main = comma + 1;
    main + 1 < sent_end
        && ctx.toks[main].kind() == TokKind::Word
        && !ctx.lower(main).ends_with("ing")
        && is_clausal(ctx, t + 1, comma)
        && is_clausal(ctx, main, sent_end)
}

/// Whether a quantity ("a third", "half", "40 per cent", "all") that is the
/// subject of a clause starts at token `t`.
fn opens_quantity(ctx: &Ctx, t: usize, sent_end: usize) -> bool {
    if t + 1 >= sent_end {
        return false;
    }
    let w = ctx.lower(t);
    let quantity = matches!(
        &*w,
        "a" | "an" | "half" | "all" | "every" | "one" | "two" | "three" | "four" | "five"
    ) || w.starts_with(|c: char| c.is_ascii_digit());
    quantity && is_clausal(ctx, t, sent_end)
}

pub(super) fn is_weekday(w: &str) -> bool {
    matches!(
        w,
        "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday"
    )
}

/// Where an infinitive content starts right after a cue that takes one
/// ("vowed to repeal", "declined not to"): the "to" or "not", kept in the
/// span as the corpora annotate it.
pub(super) fn infinitive_start(ctx: &Ctx, lemma: &str, t: usize, sent_end: usize) -> Option<usize> {
    if !LEXICON.infinitive.contains(lemma) {
        return None;
    }
    let to = if ctx.lower(t) == "not" { t + 1 } else { t };
    (to + 1 < sent_end && ctx.lower(to) == "to" && ctx.toks[to + 1].kind() == TokKind::Word).then_some(t)
}
