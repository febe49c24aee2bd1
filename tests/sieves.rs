//! One fixture per attribution sieve (see the list in `src/attribute/mod.rs`):
//! each short text must give exactly the claim the sieve exists for, with
//! its kind, content, speaker and rule.

use whosaid::{analyze, Document, Record};

struct Case {
    text: &'static str,
    kind: &'static str,
    quote: &'static str,
    speaker: &'static str,
    rule: &'static str,
}

const CASES: &[Case] = &[
    Case { text: "“The bridge will open in May,” said Ana Ortiz.", kind: "direct", quote: "The bridge will open in May,", speaker: "Ana Ortiz", rule: "quote-cue-speaker" },
    Case { text: "“The bridge will open in May,” Ortiz said.", kind: "direct", quote: "The bridge will open in May,", speaker: "Ortiz", rule: "quote-speaker-cue" },
    Case { text: "“Fix the roads first.” — Commissioner Dana Lee", kind: "direct", quote: "Fix the roads first.", speaker: "Dana Lee", rule: "quote-dash-speaker" },
    Case { text: "The mayor said: “We will rebuild the bridge.”", kind: "direct", quote: "We will rebuild the bridge.", speaker: "The mayor", rule: "speaker-cue-quote" },
    Case { text: "The governor was blunt: “Nobody gets a pass.”", kind: "direct", quote: "Nobody gets a pass.", speaker: "The governor", rule: "colon-intro" },
    Case { text: "As Senator Paul Greer put it:\n\n“You cannot cut your way to growth.”", kind: "direct", quote: "You cannot cut your way to growth.", speaker: "Paul Greer", rule: "lead-in-colon" },
    Case { text: "“The numbers are bad,” Hale said. “But they are getting better.”", kind: "direct", quote: "The numbers are bad, … But they are getting better.", speaker: "Hale", rule: "split-quote" },
    Case { text: "“We will appeal,” said Marta Klein, the family’s lawyer.\n\n“This ruling ignores every piece of evidence we presented.”", kind: "direct", quote: "This ruling ignores every piece of evidence we presented.", speaker: "Marta Klein", rule: "continuation" },
    Case { text: "Mills “got an immunity agreement,” Jordan said.", kind: "mixed", quote: "Mills “got an immunity agreement,", speaker: "Jordan", rule: "quote-speaker-cue" },
    Case { text: "Ross argued that the talks were futile.", kind: "indirect", quote: "the talks were futile", speaker: "Ross", rule: "speaker-cue-that" },
    Case { text: "Smith said the plan was “a disaster in slow motion” and vowed to fight it.", kind: "mixed", quote: "the plan was “a disaster in slow motion”", speaker: "Smith", rule: "speaker-cue-that" },
    Case { text: "The minister told reporters that the agreement was effectively dead.", kind: "indirect", quote: "the agreement was effectively dead", speaker: "The minister", rule: "speaker-cue-that" },
    Case { text: "President Donald Trump began deploying forces and told protesters that help was coming.", kind: "indirect", quote: "help was coming", speaker: "Donald Trump", rule: "coordinated-cue" },
    Case { text: "The bridge will close for a month, the city said.", kind: "indirect", quote: "The bridge will close for a month", speaker: "the city", rule: "clause-speaker-cue" },
    Case { text: "The bridge will close for a month, said a city spokesman.", kind: "indirect", quote: "The bridge will close for a month", speaker: "a city spokesman", rule: "clause-speaker-cue" },
    Case { text: "The plan, officials said, would cost at least $2 billion over a decade.", kind: "indirect", quote: "The plan … would cost at least $2 billion over a decade", speaker: "officials", rule: "parenthetical" },
    Case { text: "According to the Foreign Ministry, the talks will resume on Monday in Oman.", kind: "indirect", quote: "the talks will resume on Monday in Oman", speaker: "the Foreign Ministry", rule: "according-to" },
    Case { text: "The talks will resume on Monday, according to the Foreign Ministry.", kind: "indirect", quote: "The talks will resume on Monday", speaker: "the Foreign Ministry", rule: "according-to" },
    Case { text: "The senator criticized the bill. She rejected the compromise, saying it gave away too much.", kind: "indirect", quote: "it gave away too much", speaker: "She", rule: "participle-continuation" },
    Case { text: "Critics dismissed Trump's claim that the election was rigged against him.", kind: "indirect", quote: "the election was rigged against him", speaker: "Trump's", rule: "possessive-claim" },
    Case { text: "Mr. Kamin, who emphasized that her proposals would simplify returns, spoke first.", kind: "indirect", quote: "her proposals would simplify returns", speaker: "Kamin", rule: "speaker-cue-that" },
    Case { text: "Partial transcript as follows:\n\n\"WALLACE: Will she be there tomorrow night?\"", kind: "direct", quote: "Will she be there tomorrow night?", speaker: "WALLACE", rule: "transcript-label" },
    Case { text: "“This is the end of an era.”\n\nSo said Mayor John Smith on Monday.", kind: "direct", quote: "This is the end of an era.", speaker: "John Smith", rule: "next-paragraph-speaker" },
    Case { text: "“We will not stop,” said Maria de la Cruz, the union leader.", kind: "direct", quote: "We will not stop,", speaker: "Maria de la Cruz", rule: "quote-cue-speaker" },
    Case { text: "Rep. Gwen Moore (D-Wis.) said the remark was a dog whistle.", kind: "indirect", quote: "the remark was a dog whistle", speaker: "Gwen Moore", rule: "speaker-cue-that" },
    Case { text: "The governor vowed to veto any bill that raises taxes.", kind: "indirect", quote: "to veto any bill that raises taxes", speaker: "The governor", rule: "speaker-cue-that" },
    Case { text: "The company vowed to settle the lawsuit.", kind: "indirect", quote: "to settle the lawsuit", speaker: "The company", rule: "speaker-cue-that" },
    Case { text: "“It is an invasion of our domain,” Scott Pruitt, the attorney general of Oklahoma, one of the states suing, said on Monday.", kind: "direct", quote: "It is an invasion of our domain,", speaker: "Scott Pruitt", rule: "quote-speaker-cue" },
    Case { text: "Said Ellis: “I don’t see any interest in reform.”", kind: "direct", quote: "I don’t see any interest in reform.", speaker: "Ellis", rule: "cue-speaker-quote" },
    Case { text: "Limbaugh told his radio audience on Monday, “What has happened is simple.”", kind: "direct", quote: "What has happened is simple.", speaker: "Limbaugh", rule: "speaker-cue-quote" },
    Case { text: "“We can’t afford this,” Trump said, adding later, “NATO is costing us a fortune.”", kind: "direct", quote: "NATO is costing us a fortune.", speaker: "Trump", rule: "speaker-cue-quote" },
    Case { text: "In an interview Trump declared “I think NATO may be obsolete.  ...  Things are different now.”", kind: "direct", quote: "I think NATO may be obsolete.  ...  Things are different now.", speaker: "Trump", rule: "speaker-cue-quote" },
    Case { text: "On July 6, Sanders made the following comment:\n\n“Young people need jobs, not speeches.”", kind: "direct", quote: "Young people need jobs, not speeches.", speaker: "Sanders", rule: "lead-in-colon" },
    Case { text: "“Our children deserve better schools,” the letter reads.", kind: "direct", quote: "Our children deserve better schools,", speaker: "the letter", rule: "quote-speaker-cue" },
    Case { text: "“My name is not on the ballot,” Mr. Obama said at the dinner, where Mrs. Clinton also spoke. “Tolerance is on the ballot. Democracy is on the ballot.”", kind: "direct", quote: "Tolerance is on the ballot. Democracy is on the ballot.", speaker: "Mr. Obama", rule: "continuation" },
    Case { text: "With party leaders increasingly worried about a lack of passion among young voters, President Obama is rolling out a new message: \"It's about me.\"", kind: "direct", quote: "It's about me.", speaker: "President Obama", rule: "colon-intro" },
    Case { text: "People were hurt by an explosion that Mayor Bill de Blasio described as “an intentional act.”", kind: "direct", quote: "an intentional act.", speaker: "Bill de Blasio", rule: "speaker-cue-quote" },
    Case { text: "“Promise you’ll keep your hands in sight,” Blige sings to the candidate.", kind: "direct", quote: "Promise you’ll keep your hands in sight,", speaker: "Blige", rule: "quote-speaker-cue" },
    Case { text: "Pence: Gennifer Flowers Won’t Be at Debate, Trump Was Mocking Clinton Camp.\n\nThe running mate spoke on Sunday.", kind: "indirect", quote: "Gennifer Flowers Won’t Be at Debate, Trump Was Mocking Clinton Camp", speaker: "Pence", rule: "headline-colon" },
    Case { text: "Railing Against Trump, Sanders Vows To Eliminate Tax Breaks Used By Developers\n\nThe senator spoke in Ohio.", kind: "indirect", quote: "To Eliminate Tax Breaks Used By Developers", speaker: "Sanders", rule: "speaker-cue-that" },
    Case { text: "Authorities announced on Friday a man had been arrested in the shooting.", kind: "indirect", quote: "a man had been arrested in the shooting", speaker: "Authorities", rule: "speaker-cue-that" },
    Case { text: "As Ms. Simonyan put it in a statement in July, the network offers a perspective you will not get elsewhere.", kind: "indirect", quote: "the network offers a perspective you will not get elsewhere", speaker: "Ms. Simonyan", rule: "speaker-cue-that" },
    Case { text: "The president told voters this weekend he would consider it a personal insult.", kind: "indirect", quote: "he would consider it a personal insult", speaker: "The president", rule: "speaker-cue-that" },
    Case { text: "“They are 100 percent wrong,” said 9/11 widow Terry Strada.", kind: "direct", quote: "They are 100 percent wrong,", speaker: "Terry Strada", rule: "quote-cue-speaker" },
    Case { text: "“Keep your hands in sight,” Blige sings to Clinton before asking her, “Where do we go from here?”", kind: "direct", quote: "Where do we go from here?", speaker: "Blige", rule: "speaker-cue-quote" },
    Case { text: "People familiar with the matter said the talks had stalled.", kind: "indirect", quote: "the talks had stalled", speaker: "People familiar with the matter", rule: "speaker-cue-that" },
    Case { text: "All the experts I interviewed said her plan was more detailed.", kind: "indirect", quote: "her plan was more detailed", speaker: "the experts I interviewed", rule: "speaker-cue-that" },
    Case { text: "“It is over,” said a person familiar with the talks.", kind: "direct", quote: "It is over,", speaker: "a person familiar with the talks", rule: "quote-cue-speaker" },
    Case { text: "The president said he would consider it an insult, implicitly putting his name on the line.", kind: "indirect", quote: "he would consider it an insult", speaker: "The president", rule: "speaker-cue-that" },
    Case { text: "Trump would expand the deduction, but for some, the losses would outstrip the gains, said Batchelder.", kind: "indirect", quote: "Trump would expand the deduction, but for some, the losses would outstrip the gains", speaker: "Batchelder", rule: "clause-speaker-cue" },
    Case { text: "Citing an unfounded conspiracy theory, Trump repeatedly attacked Rafael Cruz.", kind: "indirect", quote: "an unfounded conspiracy theory", speaker: "Trump", rule: "participle-continuation" },
    Case { text: "The obsession is an insult to all black people, top black lawmakers said Friday afternoon, a day after he conceded.", kind: "indirect", quote: "The obsession is an insult to all black people", speaker: "top black lawmakers", rule: "clause-speaker-cue" },
    Case { text: "Partial transcript:\n\n\"WALLACE: Will she be there tomorrow night?\n\n\"PENCE: She will not be attending the debate.\"", kind: "direct", quote: "She will not be attending the debate.", speaker: "PENCE", rule: "transcript-label" },
    Case { text: "The strike began at dawn.\n\n“We will strike if we must,” according to a statement from the union.", kind: "direct", quote: "We will strike if we must,", speaker: "the union", rule: "quote-according-to" },
    Case { text: "The strike began at dawn.\n\nAna Ortiz sold the farm after the flood.\n\n“We couldn’t face another spring.”", kind: "direct", quote: "We couldn’t face another spring.", speaker: "Ana Ortiz", rule: "narrative-subject" },
];

fn claim_of(text: &str) -> Vec<Record> {
    analyze(&Document::new("t", text))
}

#[test]
fn every_sieve_has_its_fixture() {
    let mut failures = Vec::new();
    for case in CASES {
        let recs = claim_of(case.text);
        let found = recs.iter().any(|r| {
            r.kind.as_str() == case.kind
                && r.quote == case.quote
                && r.rule == case.rule
                && (r.speaker.as_deref() == Some(case.speaker) || r.speaker_mention.as_deref() == Some(case.speaker))
        });
        if !found {
            let got: Vec<String> = recs
                .iter()
                .map(|r| {
                    format!(
                        "{} {:?} by {:?}/{:?} ({})",
                        r.kind.as_str(),
                        r.quote,
                        r.speaker,
                        r.speaker_mention,
                        r.rule
                    )
                })
                .collect();
            failures.push(format!(
                "{:?}\n    want {} {:?} by {} ({})\n    got  {}",
                case.text,
                case.kind,
                case.quote,
                case.speaker,
                case.rule,
                got.join("\n         ")
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} sieve fixtures fail:\n{}",
        failures.len(),
        CASES.len(),
        failures.join("\n")
    );
}

#[test]
fn a_quoted_fragment_inside_a_new_clause_is_not_the_second_half_of_a_split_quote() {
    let recs = claim_of("“This just isn’t right,” Warren said. “You squeezed employees to the breaking point” to drive up the stock price, she said.");
    let first = recs
        .iter()
        .find(|r| r.quote == "This just isn’t right,")
        .expect("the first quotation stands alone");
    assert_eq!(first.kind.as_str(), "direct");
    assert_eq!(first.speaker.as_deref(), Some("Warren"));
    assert!(recs.iter().all(|r| r.rule != "split-quote"), "{recs:?}");
}

#[test]
fn a_subordinate_clause_after_a_quotation_does_not_name_its_speaker() {
    let recs = claim_of(
        "The ad ends with footage of Trump saying during the debate, “That makes me smart,” when Clinton blasted him.",
    );
    let q = recs
        .iter()
        .find(|r| r.quote.contains("That makes me smart"))
        .expect("the quotation is found");
    assert_eq!(q.speaker.as_deref(), Some("Trump"), "{q:?}");
}

#[test]
fn quote_only_cues_attribute_quotations_but_report_nothing() {
    assert!(claim_of("She read the letter aloud to the crowd. The crowd sang the national anthem.").is_empty());
    let recs = claim_of("“The comeback of the decade,” the article read.");
    assert_eq!(recs.len(), 1);
    assert_eq!(recs[0].speaker_mention.as_deref(), Some("the article"));
}

#[test]
fn noun_phrase_content_needs_a_cue_that_takes_one_unless_asked_for() {
    let text = "Former senior U.S. diplomat Dennis Ross has also dismissed the prospects for meaningful talks.";
    assert!(claim_of(text).is_empty(), "{:?}", claim_of(text));
    let opts = whosaid::Options {
        scope: whosaid::Scope::All,
    };
    let recs = whosaid::analyze_with(&Document::new("t", text), &opts);
    assert_eq!(recs.len(), 1, "{recs:?}");
    assert_eq!(recs[0].quote, "the prospects for meaningful talks");
    assert_eq!(recs[0].confidence, 0.45);
    // A clause without "that" is still a claim: present and irregular past
    // verbs, contracted pronoun subjects, long subjects.
    for (text, quote) in [
        (
            "Officials said an internal review shows no one leaked the report.",
            "an internal review shows no one leaked the report",
        ),
        (
            "She says she’ll continue her march toward Election Day.",
            "she’ll continue her march toward Election Day",
        ),
        (
            "Critics said the plan gave away too much.",
            "the plan gave away too much",
        ),
    ] {
        let recs = claim_of(text);
        assert!(recs.iter().any(|r| r.quote == quote), "{text}: {recs:?}");
    }
    // Cues whose content is mostly a noun phrase (data/cue-np-content.txt) keep it.
    let recs = claim_of("The senator criticized the new budget plan.");
    assert_eq!(recs.len(), 1, "{recs:?}");
    assert_eq!(recs[0].quote, "the new budget plan");
}

#[test]
fn unattributed_quotations_keep_a_null_speaker() {
    let recs = claim_of("The crowd grew quiet.\n\n“Nobody expected this to happen so quickly here.”");
    assert_eq!(recs.len(), 1);
    assert_eq!(recs[0].rule, "unattributed");
    assert_eq!(recs[0].speaker, None);
}

#[test]
fn first_person_inside_a_quote_is_never_its_speaker() {
    let recs = claim_of("“I never said that, and we never agreed to it,” Kim told the committee.");
    assert_eq!(recs[0].speaker.as_deref(), Some("Kim"));
}

#[test]
fn a_cue_inside_a_quotation_is_not_an_attribution() {
    let recs = claim_of("“They said the plan was dead, but it is not,” Lee said.");
    assert_eq!(recs.len(), 1, "{recs:?}");
    assert_eq!(recs[0].speaker.as_deref(), Some("Lee"));
}

/// Regression (found on polnear-train): a quote-only paragraph whose
/// quotation runs into the next paragraph used to slice past its paragraph.
#[test]
fn a_quotation_over_paragraphs_after_an_attribution_does_not_panic() {
    let text = "“We start today,” the mayor said.\n\n“Para one of the quote.\n\n“Para two of the quote.”\n\nMore text.";
    let recs = claim_of(text);
    let last = recs.last().expect("records");
    assert_eq!(last.quote, "Para one of the quote. … Para two of the quote.");
    assert_eq!(last.speaker.as_deref(), Some("the mayor"));
    assert_eq!(last.rule, "continuation");
}
