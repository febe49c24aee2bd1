//! Cue senses: a cue word reports speech only in its speech sense. Each
//! filter below names one other sense and says how to see it from the words
//! around the cue (lists in `data/cue-senses.tsv`); `reported.rs` asks them
//! before it reads a cue's content.

use super::ctx::{is_open_mark, Ctx};
use crate::lexicon::LEXICON;
use crate::tokens::TokKind;

/// "She was told her flight was cancelled", "They were informed that …":
/// a passive cue's subject is the hearer, never the speaker. The cue is a
/// participle right after a form of "be" or "get" (an adverb may sit
/// between: "was later told").
pub(super) fn passive_hearer(ctx: &Ctx, c: usize) -> bool {
    let cue = &ctx.cues[c];
    let form = cue.form();
    if form.contains(' ') || form.ends_with("ing") || form.ends_with('s') && !form.ends_with("ss") {
        return false;
    }
    let ct = ctx.cue_start_tok(c);
    let sent = ctx.sentence_toks(cue.span().start);
    let mut k = ct;
    // One adverb may sit between: "was also told", "were later informed".
    if k > sent.start + 1
        && (ctx.lower(k - 1).ends_with("ly")
            || matches!(&*ctx.lower(k - 1), "also" | "later" | "then" | "never" | "not"))
    {
        k -= 1;
    }
    k > sent.start
        && (LEXICON.in_sense("passive-aux", &ctx.lower(k - 1))
            || (LEXICON.in_sense("hearer-cue", cue.lemma()) && coordinated_passive(ctx, sent.start, k)))
}

/// "had been diagnosed with cancer and told he had three months": a cue
/// that takes a hearer, after "and" (at token `k - 1`), shares the passive
/// of the verb before it (a form of "be" or "get", then a participle, with
/// no comma between). ("was arrested and said …" is active: "say" takes no
/// hearer.)
fn coordinated_passive(ctx: &Ctx, sent_start: usize, k: usize) -> bool {
    if k < sent_start + 3 || ctx.lower(k - 1) != "and" {
        return false;
    }
    (sent_start.max(k.saturating_sub(9))..k - 2)
        .rev()
        .take_while(|&j| !ctx.is(j, ","))
        .any(|j| {
            let participle = ctx.lower(j + 1);
            LEXICON.in_sense("passive-aux", &ctx.lower(j))
                && (participle.ends_with("ed") || LEXICON.irregular_past.contains(&participle))
        })
}

/// "received expert reports it had requested", "conflicting claims",
/// "Local media reports say …": an "-s" cue is a plural noun, not a present
/// verb, after a past verb or a modifier from the `noun-modifier` list, or
/// right before a verb of its own.
pub(super) fn plural_noun_use(ctx: &Ctx, c: usize) -> bool {
    let form = ctx.cues[c].form();
    if form.contains(' ') || !form.ends_with('s') || form.ends_with("ss") || form == "says" {
        return false;
    }
    let ct = ctx.cue_start_tok(c);
    let sent = ctx.sentence_toks(ctx.cues[c].span().start);
    let after_past_verb = ct > sent.start && ctx.toks[ct - 1].kind() == TokKind::Word && {
        let before = ctx.lower(ct - 1);
        (before.len() > 4 && before.ends_with("ed") && !before.contains('-'))
            || LEXICON.irregular_past.contains(&before)
    };
    // (Lowercase or opening the sentence: in "CBS News reports" the name is
    // the subject.)
    let after_modifier = ct > sent.start
        && (ct - 1 == sent.start || ctx.s(ct - 1).starts_with(|c: char| c.is_lowercase()))
        && LEXICON.in_sense("noun-modifier", &ctx.lower(ct - 1));
    let verb_follows = ct + 1 < sent.end
        && ctx
            .cue_at_tok
            .get(ct + 1)
            .is_some_and(|n| !ctx.cues[n].form().ends_with("ing") && !ctx.cues[n].form().ends_with("ed"));
    after_past_verb || after_modifier || verb_follows
}

/// "the report said", "a pledge to …": the base form of a `noun-verb` cue
/// is a noun unless a plural subject ("Residents report"), a plural
/// pronoun, a modal or "to", or an adverb comes right before it.
pub(super) fn base_form_noun_use(ctx: &Ctx, c: usize) -> bool {
    let cue = &ctx.cues[c];
    if cue.form() != cue.lemma() || !LEXICON.in_sense("noun-verb", cue.lemma()) {
        return false;
    }
    let ct = ctx.cue_start_tok(c);
    let sent = ctx.sentence_toks(cue.span().start);
    if ct <= sent.start || ctx.toks[ct - 1].kind() != TokKind::Word {
        return true;
    }
    let before = ctx.lower(ct - 1);
    let plural_subject =
        before.len() > 3 && before.ends_with('s') && !before.ends_with("ss") && !before.ends_with("’s");
    let verb_slot = matches!(
        &*before,
        "they"
            | "we"
            | "you"
            | "i"
            | "people"
            | "to"
            | "will"
            | "would"
            | "can"
            | "could"
            | "may"
            | "might"
            | "must"
            | "should"
            | "do"
            | "did"
            | "also"
            | "often"
            | "now"
            | "still"
            | "and"
    ) || (before.len() > 4 && before.ends_with("ly"));
    !(plural_subject || verb_slot)
}

/// "The PBO suggested …", "A review suggests …": after a document or a
/// body, "suggest" and "indicate" report evidence, not speech (a
/// government named by its capital still speaks).
pub(super) fn evidence_subject(lemma: &str, m: &crate::mentions::Mention, text: &str) -> bool {
    use crate::mentions::{MentionKind, SpeakerType};
    let by_any_body = LEXICON.in_sense("evidence-subject", lemma);
    // ("The PBO report concluded …" is a finding; "The FBI concluded …"
    // is the bureau's word.)
    if !by_any_body && !LEXICON.in_sense("document-evidence", lemma) {
        return false;
    }
    let head = text[m.head.clone()].to_lowercase();
    // "it suggests": a thing or a body, evidence either way.
    let it = m.kind == MentionKind::Pronoun && head == "it";
    LEXICON.document_nouns.contains(&LEXICON.singular(&head))
        || (by_any_body && it)
        || (by_any_body
            && m.stype == SpeakerType::Organization
            && m.kind != MentionKind::Pronoun
            // A capital speaks for its government: "Washington has indicated".
            && !LEXICON.places.contains(&text[m.head.clone()]))
}

/// "asked Easley to climb in", "ordered it to pay", "urged the council to
/// act": after a request cue, an object of one to four words and "to" with
/// a verb is a request, not a claim (tokens from `st`, the content start).
pub(super) fn object_to_request(ctx: &Ctx, lemma: &str, st: usize, sent_end: usize) -> bool {
    if !LEXICON.in_sense("request", lemma) || ctx.is(st, "to") || ctx.lower(st) == "that" {
        return false;
    }
    (st + 1..(st + 5).min(sent_end))
        .find(|&k| ctx.is(k, "to"))
        .is_some_and(|k| {
            let object_words = (st..k).all(|j| {
                let w = ctx.s(j);
                w.chars()
                    .all(|c| c.is_alphanumeric() || matches!(c, '\'' | '’' | '-' | '.'))
                    && !matches!(&*ctx.lower(j), "that" | "if" | "whether" | "why" | "how" | "what")
            });
            let verb = ctx.s(k + 1).chars().next().is_some_and(char::is_lowercase) || is_open_mark(ctx.s(k + 1));
            object_words && verb
        })
}

/// "declined to comment", "refused to say why": a refusal reports no
/// content, whatever follows it.
pub(super) fn refusal(lemma: &str) -> bool {
    LEXICON.in_sense("refusal", lemma)
}

/// "talked about all he has been through", "railed against him": the
/// object of these cues is a topic; only a that-clause after them is
/// reported speech.
pub(super) fn topic_cue(lemma: &str) -> bool {
    LEXICON.in_sense("topic-cue", lemma)
}

/// "The index added 1.2 per cent", "Suncor reported a profit of
/// $3.3-billion", "The Kospi declined 1.2 per cent": after a market cue,
/// content that opens with a figure (a number, a currency amount, or
/// "a"/"an" and a figure's noun) is a figure moving, not speech.
pub(super) fn market_figure(ctx: &Ctx, lemma: &str, st: usize, sent_end: usize) -> bool {
    // "reported that 48 people were dead" is a report, whatever its figures.
    if !LEXICON.in_sense("market-cue", lemma) || st >= sent_end || st > 0 && ctx.lower(st - 1) == "that" {
        return false;
    }
    let is_figure = |k: usize| {
        let s = ctx.s(k);
        s.starts_with(|ch: char| ch.is_ascii_digit() || matches!(ch, '$' | '€' | '£' | '¥'))
            || LEXICON.in_sense("market-noun", &ctx.lower(k))
    };
    let mut k = st;
    // "reported receiving $300-million": a gerund before the figure.
    if ctx.lower(k).ends_with("ing") && k + 1 < sent_end {
        k += 1;
    }
    if matches!(&*ctx.lower(k), "a" | "an" | "its" | "their" | "record" | "net") {
        k += 1;
        // "a quarterly profit", "a record loss": one adjective may come first.
        if k + 1 < sent_end && !is_figure(k) {
            k += 1;
        }
    }
    k < sent_end && is_figure(k)
}

/// "After a passer-by called 911", "called police", "Green called
/// Schniederjans on Thursday night": "call" is speech only when it names
/// something ("called the plan a disaster", "called it “reckless”",
/// "called the program one of the biggest commitments"): its object is
/// followed, within a few words and before any comma, by a complement (an
/// article, "one", or a quotation mark). A phone number or a service
/// straight after the cue is a telephone call.
pub(super) fn call_names(ctx: &Ctx, st: usize, sent_end: usize) -> bool {
    if st >= sent_end
        || LEXICON.in_sense("phone-object", &ctx.lower(st))
        || ctx.s(st).starts_with(|c: char| c.is_ascii_digit())
    {
        return false;
    }
    // A quotation right after the cue names the thing in the speaker's words.
    if is_open_mark(ctx.s(st)) {
        return true;
    }
    // (A comma or "to" ends the object: "called Schniederjans on Thursday
    // night to confirm the deal" names nothing. A complement right after a
    // preposition is the preposition's: "called police at the scene".)
    (st + 1..(st + 10).min(sent_end))
        .take_while(|&k| {
            (ctx.toks[k].kind() == TokKind::Word || is_open_mark(ctx.s(k))) && !matches!(&*ctx.lower(k), "to" | "and")
        })
        .any(|k| {
            let before = ctx.lower(k - 1);
            if is_preposition(&before) {
                return false;
            }
            let w = ctx.lower(k);
            is_open_mark(ctx.s(k))
                || matches!(&*w, "a" | "an" | "one" | "the")
                || (!is_determiner(&before) && adjective_like(ctx.s(k)))
        })
}

fn is_preposition(w: &str) -> bool {
    matches!(
        w,
        "on" | "in" | "at" | "for" | "with" | "from" | "after" | "before" | "by" | "during" | "about" | "of"
    )
}

fn is_determiner(w: &str) -> bool {
    matches!(
        w,
        "the" | "a" | "an" | "his" | "her" | "their" | "its" | "our" | "this" | "that"
    )
}

/// A lowercase word with an adjective's ending ("unsubstantiated",
/// "ridiculous", "irresponsible"): the complement of "called the charges
/// unsubstantiated".
fn adjective_like(w: &str) -> bool {
    w.len() > 5
        && w.starts_with(|c: char| c.is_ascii_lowercase())
        && ["ed", "ous", "ful", "ive", "less", "able", "ible", "ic"]
            .iter()
            .any(|e| w.ends_with(e))
}

/// "pleaded guilty to violating …", "pleaded not guilty": a plea entered in
/// court is no one's words (under `--scope speech`).
pub(super) fn court_plea(ctx: &Ctx, lemma: &str, st: usize, sent_end: usize) -> bool {
    lemma == "plead"
        && (st..(st + 3).min(sent_end))
            .take_while(|&k| ctx.toks[k].kind() == TokKind::Word)
            .any(|k| LEXICON.in_sense("court-plea", &ctx.lower(k)))
}

/// "Democrats denied Republicans the votes needed …": a cue of withholding
/// with two objects (the second opening with an article) gives something
/// to no one; it reports no words. ("denied the report" has one object.)
pub(super) fn withholding(ctx: &Ctx, lemma: &str, st: usize, sent_end: usize) -> bool {
    if !LEXICON.in_sense("withholding", lemma)
        || st + 1 >= sent_end
        || matches!(&*ctx.lower(st), "the" | "a" | "an" | "that" | "any")
    {
        return false;
    }
    (st + 1..(st + 4).min(sent_end))
        .take_while(|&k| ctx.toks[k].kind() == TokKind::Word)
        .any(|k| matches!(&*ctx.lower(k), "the" | "a" | "an" | "any"))
}

/// "She knew the late poet": "know" with a noun phrase is knowing a person
/// or a place, not a fact; only a clause after it is an attribution.
pub(super) fn knows_someone(lemma: &str, noun_phrase: bool) -> bool {
    lemma == "know" && noun_phrase
}

#[cfg(test)]
mod tests {
    use crate::{analyze_with, Document, Options, Scope};

    fn quotes(text: &str, scope: Scope) -> Vec<String> {
        analyze_with(&Document::new("t", text), &Options { scope })
            .into_iter()
            .map(|r| r.quote)
            .collect()
    }

    #[test]
    fn a_passive_cue_makes_no_speaker_of_its_hearer() {
        for scope in [Scope::Speech, Scope::All] {
            assert!(quotes("She was told her flight was cancelled.", scope).is_empty());
            assert!(quotes("Residents were informed that the water was unsafe.", scope).is_empty());
            assert!(quotes("He was later told he had three months to live.", scope).is_empty());
        }
        assert_eq!(
            quotes("She told him that her flight was cancelled.", Scope::Speech),
            ["her flight was cancelled"]
        );
    }

    #[test]
    fn an_s_cue_after_a_past_verb_or_a_modifier_is_a_plural_noun() {
        for scope in [Scope::Speech, Scope::All] {
            assert!(quotes("The board received expert reports it had asked for.", scope).is_empty());
            assert!(quotes("Conflicting claims the mine would close spread quickly.", scope).is_empty());
        }
        assert_eq!(
            quotes("The Globe reports the mine will close.", Scope::Speech),
            ["the mine will close"]
        );
    }

    #[test]
    fn a_court_plea_and_a_withholding_are_not_speech() {
        assert!(quotes(
            "Normand Morin pleaded guilty to violating election laws.",
            Scope::Speech
        )
        .is_empty());
        assert!(quotes("She pleaded not guilty to all charges.", Scope::Speech).is_empty());
        // PolNeAR counts a plea as an attribution.
        assert_eq!(
            quotes("Normand Morin pleaded guilty to violating election laws.", Scope::All),
            ["guilty to violating election laws"]
        );
        for scope in [Scope::Speech, Scope::All] {
            assert!(quotes(
                "Democrats denied Republicans the votes needed to repeal the act.",
                scope
            )
            .is_empty());
        }
        assert_eq!(quotes("Lee denied Trump had lied.", Scope::Speech), ["Trump had lied"]);
        assert_eq!(
            quotes("She pleaded with the court that her son was innocent.", Scope::Speech),
            ["her son was innocent"]
        );
    }

    #[test]
    fn figures_moving_are_not_speech() {
        for scope in [Scope::Speech, Scope::All] {
            assert!(quotes("The index added 1.2 per cent to 7,108.82.", scope).is_empty());
            assert!(quotes(
                "Suncor reported a profit of $3.3-billion on revenue of $38.98-billion.",
                scope
            )
            .is_empty());
            assert!(quotes("The Kospi in South Korea declined 1.2 per cent to 2,177.05.", scope).is_empty());
            assert!(quotes("The Greens posted their worst showing in Nanaimo since 1996.", scope).is_empty());
        }
        assert_eq!(
            quotes("The ministry reported that 48 people were dead.", Scope::Speech),
            ["48 people were dead"]
        );
    }

    #[test]
    fn a_document_or_a_body_suggests_evidence() {
        for text in [
            "The PBO suggested the pipeline would lose money.",
            "A review suggests the program failed most students.",
        ] {
            assert!(quotes(text, Scope::Speech).is_empty(), "{text}");
            assert_eq!(quotes(text, Scope::All).len(), 1, "{text}");
        }
        assert_eq!(
            quotes(
                "Washington has indicated any deal would need three concessions.",
                Scope::Speech
            )
            .len(),
            1
        );
        assert_eq!(
            quotes("Lee suggested the pipeline would lose money.", Scope::Speech),
            ["the pipeline would lose money"]
        );
    }

    #[test]
    fn a_request_with_an_object_is_not_a_claim() {
        for text in [
            "The paramedic asked Easley to climb into the ambulance.",
            "The judge ordered it to pay $20,000 of the costs.",
        ] {
            assert!(quotes(text, Scope::Speech).is_empty(), "{text}");
        }
        assert_eq!(
            quotes("The judge ordered that the station pay the costs.", Scope::Speech),
            ["the station pay the costs"]
        );
    }

    #[test]
    fn telephone_calls_are_not_speech() {
        for scope in [Scope::Speech, Scope::All] {
            assert!(quotes("After a passer-by called 911, the fire was put out.", scope).is_empty());
            assert!(quotes("The neighbours called police when they heard shouting.", scope).is_empty());
            assert!(quotes(
                "Green called Schniederjans on Thursday night to confirm the deal.",
                scope
            )
            .is_empty());
        }
    }

    #[test]
    fn naming_is_speech_but_a_name_is_not() {
        let named = quotes("The mayor called the plan a disaster for the city.", Scope::Speech);
        assert_eq!(named.len(), 1, "{named:?}");
        assert!(named[0].contains("a disaster"), "{named:?}");
        assert!(quotes("She works for a company called Acme Widgets in Halifax.", Scope::Speech).is_empty());
    }

    #[test]
    fn knowing_a_person_is_no_attribution() {
        for scope in [Scope::Speech, Scope::All] {
            assert!(quotes("She knew the late poet from her years in Montreal.", scope).is_empty());
        }
        assert_eq!(
            quotes("She knew the bridge would close.", Scope::All),
            ["the bridge would close"]
        );
        assert!(quotes("She knew the bridge would close.", Scope::Speech).is_empty());
    }

    #[test]
    fn refusals_and_topics_report_nothing_under_speech() {
        assert!(quotes("Google declined to say why it lost the certificate.", Scope::Speech).is_empty());
        assert!(quotes(
            "He began to cry when he talked about all he has been through.",
            Scope::Speech
        )
        .is_empty());
    }
}
