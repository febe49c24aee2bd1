//! He, she, they: narrative subject pronouns that chain ("Clinton … She
//! started … she said") and the person an unattributed quotation follows.

use super::*;

/// The person who is the subject of the story just before `pos` (in its
/// paragraph or the one before), outside quotations, if any.
pub(super) fn narrative_subject(reg: &Registry, segs: &Segments, quoted: &QuotedSpans, pos: usize) -> Option<usize> {
    let para = segs.paragraph_of(pos);
    let window = segs.paragraphs.get(para.saturating_sub(1))?.start;
    reg.recent(pos)
        .take_while(|o| o.pos() >= window)
        .filter(|o| !quoted.contains(o.pos()))
        .find(|o| o.subject)
        .filter(|o| reg.entities[o.entity()].stype == SpeakerType::Person && reg.entities[o.entity()].head.is_none())
        .map(|o| o.entity())
}

/// A narrative subject pronoun, in 32 bytes rather than a [`Mention`]'s
/// 104 (a document of hundreds of MB has hundreds of thousands, all held
/// until the claims are resolved).
pub(super) struct SubjectPronoun {
    start: u32,
    end: u32,
    stype: SpeakerType,
    gender: Option<&'static str>,
}

impl SubjectPronoun {
    pub(super) fn start(&self) -> usize {
        self.start as usize
    }

    pub(super) fn mention(&self) -> Mention {
        let span = self.start()..self.end as usize;
        Mention {
            span: span.clone(),
            head: span,
            kind: MentionKind::Pronoun,
            stype: self.stype,
            name: None,
            descriptor: None,
            gender: self.gender,
        }
    }
}

/// Sentence-subject pronouns of the narrative (outside quotations): "He",
/// "She", "They" opening a sentence or following a leading adverbial.
pub(super) fn subject_pronouns(
    text: &str,
    sentences: &[std::ops::Range<usize>],
    toks: &Tokens,
    quoted: &QuotedSpans,
) -> Vec<SubjectPronoun> {
    let mut out = Vec::new();
    for &std::ops::Range { start: lo, end: hi } in sentences {
        for k in lo..hi.min(lo + 8) {
            let t = &toks[k];
            let Some((stype, gender)) = crate::mentions::pronoun(toks.lower(k, text)) else {
                continue;
            };
            if stype == SpeakerType::Organization || quoted.contains(t.start()) {
                break;
            }
            if is_subject_position(text, toks, lo, k) {
                let offset = |at: usize| u32::try_from(at).expect("a text under 2 GiB");
                out.push(SubjectPronoun {
                    start: offset(t.start()),
                    end: offset(t.end()),
                    stype,
                    gender,
                });
            }
            break;
        }
    }
    out
}

/// A narrative subject pronoun takes its referent as a speaker's pronoun
/// would, and becomes an occurrence of it: the next "she" follows the chain.
pub(super) fn follow_pronoun(text: &str, m: &Mention, reg: &mut Registry, last_speaker: Option<usize>) {
    let Some(e) = resolve_mention(text, m, reg, last_speaker) else {
        return;
    };
    if reg.spoken.last().is_none_or(|o| o.pos() <= m.span.start) {
        reg.spoken.push(Occurrence::new(m.span.start, e, true));
    }
}

/// The gender a person's first name implies ("Heather Smith", not "Kim
/// Moran"), for a name of two or more words.
fn first_name_gender(tokens: &[String]) -> Option<&'static str> {
    match tokens {
        [first, _, ..] => LEXICON.first_names.get(first).copied(),
        _ => None,
    }
}

/// Whether the word before `pos` opens a subordinate clause ("when he said").
fn after_subordinator(text: &str, pos: usize) -> bool {
    let word = text[..pos]
        .trim_end()
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    matches!(
        word,
        "when" | "as" | "because" | "after" | "before" | "while" | "since" | "until" | "once"
    )
}

/// He, she, they, it: the previous speaker when compatible and as recent as
/// any subject, else the latest compatible subject; a person shown to be of
/// the pronoun's gender, named after that pick, beats a pick of unknown
/// gender. The pick learns the pronoun's gender.
pub(super) fn resolve_pronoun(
    text: &str,
    m: &Mention,
    reg: &mut Registry,
    last_speaker: Option<usize>,
) -> Option<usize> {
    let entities = &reg.entities;
    let compatible = |e: usize| {
        let ent = &entities[e];
        match m.stype {
            SpeakerType::Person => {
                ent.stype == SpeakerType::Person || (ent.stype == SpeakerType::Unnamed && ent.head.is_some())
            }
            SpeakerType::Group => matches!(ent.stype, SpeakerType::Group | SpeakerType::Organization),
            _ => ent.stype == SpeakerType::Organization,
        }
    } && {
        // A first name given to one sex rules a pronoun out but, unlike a
        // title or a pronoun, is not evidence enough to pick its bearer.
        let gender = entities[e].gender.or_else(|| first_name_gender(&entities[e].name_tokens));
        m.gender.is_none() || gender.is_none() || gender == m.gender
    };
    // The previous speaker when compatible and as recent as any subject
    // (or, for a pronoun opening a subordinate clause, any person named
    // earlier in its sentence: "Morneau was clutching at straws when he
    // said").
    let sentence = reg.window_start(m.span.start, 0);
    let subordinate = after_subordinator(text, m.span.start);
    let subject = reg.recent(m.span.start).find(|o| {
        let in_sentence = subordinate && o.pos() >= sentence && reg.entities[o.entity()].stype == SpeakerType::Person;
        (o.subject || in_sentence) && compatible(o.entity())
    });
    let pick = match (last_speaker.filter(|&e| compatible(e)), subject) {
        (Some(e), Some(o)) => {
            let last_pos = reg
                .recent(m.span.start)
                .find(|x| x.entity() == e)
                .map_or(0, |x| x.pos());
            if last_pos >= o.pos() {
                Some(e)
            } else {
                Some(o.entity())
            }
        }
        (Some(e), None) => Some(e),
        (None, Some(o)) => Some(o.entity()),
        (None, None) => None,
    };
    // "Mrs. Clinton will face the fire Mr. Obama has. He noted …":
    // a person the text has shown to be of the pronoun's gender,
    // named after the pick, beats a pick of unknown gender.
    let pick_pos = |e: usize| {
        reg.recent(m.span.start)
            .find(|x| x.entity() == e)
            .map_or(0, |x| x.pos())
    };
    let pick = match (pick, m.gender) {
        (Some(e), Some(g)) if entities[e].gender.is_none() => {
            let after = pick_pos(e);
            reg.recent(m.span.start)
                .take_while(|o| o.pos() > after)
                .find(|o| entities[o.entity()].gender == Some(g) && compatible(o.entity()))
                .map_or(Some(e), |o| Some(o.entity()))
        }
        (pick, _) => pick,
    };
    if let Some(e) = pick {
        let ent = &mut reg.entities[e];
        if ent.gender.is_none() && ent.stype == SpeakerType::Person {
            ent.gender = m.gender;
        }
    }
    pick
}
