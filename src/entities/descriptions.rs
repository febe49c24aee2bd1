//! Descriptions that refer to a named source: "the president" → the person
//! titled so, "the company" → the organisation named before, "The mayor,
//! Elena Ruiz," → Elena Ruiz, "her statement" → the woman "her" refers to.

use super::*;

/// "the 36-year-old Curry": a description ending in the surname of a person
/// named before is that person.
pub(super) fn described_surname(text: &str, m: &Mention, reg: &Registry) -> Option<usize> {
    let phrase = &text[m.span.clone()];
    let mut words = phrase.split_whitespace();
    if !words.next()?.eq_ignore_ascii_case("the") {
        return None;
    }
    let rest: Vec<&str> = words.collect();
    let (last, modifiers) = rest.split_last()?;
    if modifiers.iter().any(|w| w.starts_with(char::is_uppercase)) {
        return None;
    }
    let surname = name_tokens(last);
    reg.find_by_name(&surname)
        .filter(|&e| reg.entities[e].stype == SpeakerType::Person && reg.entities[e].name_tokens.len() > 1)
}

/// A document with an owner speaks for the owner: "her statement said" →
/// the woman "her" refers to, "the union's Friday release" → the union,
/// "Dixon Hall's preliminary findings" → Dixon Hall.
pub(super) fn document_author(
    text: &str,
    m: &Mention,
    head: &str,
    reg: &mut Registry,
    last_speaker: Option<usize>,
) -> Option<usize> {
    if !LEXICON.document_nouns.contains(head) && !LEXICON.document_nouns.contains(LEXICON.singular(head).as_ref()) {
        return None;
    }
    let phrase = &text[m.span.clone()];
    let first = phrase.split_whitespace().next()?;
    let owner_at = m.span.start;
    if let Some((stype, gender)) = match first.to_lowercase().as_str() {
        "his" => Some((SpeakerType::Person, Some("male"))),
        "her" => Some((SpeakerType::Person, Some("female"))),
        "its" => Some((SpeakerType::Organization, None)),
        "their" => Some((SpeakerType::Group, None)),
        _ => None,
    } {
        let pronoun = Mention {
            span: owner_at..owner_at + first.len(),
            head: owner_at..owner_at + first.len(),
            kind: MentionKind::Pronoun,
            stype,
            name: None,
            descriptor: None,
            gender,
        };
        return resolve_mention(text, &pronoun, reg, last_speaker);
    }
    // "X's report": the owner is the name or description before 's.
    let Some(cut) = phrase.find("’s ").or_else(|| phrase.find("'s ")) else {
        // "the report", "preliminary findings": a document named before
        // ("a report", "new figures", a bare "editorials" are others).
        let first = first.to_lowercase();
        let refers_back = matches!(first.as_str(), "the" | "this" | "that" | "these" | "those")
            || (first.starts_with(char::is_lowercase) && !is_document_noun(&first) && !introduces(&first));
        return if refers_back {
            author_of_earlier_document(text, m, reg, last_speaker)
        } else {
            None
        };
    };
    let owner = &phrase[..cut];
    let owner_tokens: Vec<String> = name_tokens(owner).into_iter().filter(|t| t != "the").collect();
    if owner_tokens.is_empty() {
        return None;
    }
    reg.find_by_name_before(&owner_tokens, m.span.start)
        .or_else(|| reg.by_tokens.get(&owner_tokens).copied())
        .or_else(|| named_referent_of_head(owner_tokens.last()?, m.span.start, reg))
        .or_else(|| owner_description(text, m.span.start..m.span.start + cut, reg, last_speaker))
}

/// A determiner or adjective that brings in a new referent: "a report",
/// "new figures", "several studies".
fn introduces(word: &str) -> bool {
    matches!(
        word,
        "a" | "an" | "one" | "another" | "some" | "many" | "several" | "new" | "recent" | "other" | "two" | "three"
    ) || word.bytes().all(|b| b.is_ascii_digit())
}

/// "the union's Friday release", "the city's assessment": an owner that is
/// itself a description speaks, as that description ("the union"), not as
/// its document.
fn owner_description(text: &str, owner: Span, reg: &mut Registry, last_speaker: Option<usize>) -> Option<usize> {
    let phrase = &text[owner.clone()];
    let (det, rest) = phrase.split_once(' ')?;
    if !det.eq_ignore_ascii_case("the") || rest.starts_with(char::is_uppercase) {
        return None;
    }
    let head_word = phrase.rsplit(' ').next()?;
    let stype = crate::mentions::noun_type(&head_word.to_lowercase())?;
    let owner_m = Mention::description(owner.clone(), owner.end - head_word.len()..owner.end, stype);
    resolve_description(text, &owner_m, reg, last_speaker)
}

/// The named organisation a bare head ("union", "city") refers back to:
/// the latest organisation named within ten sentences.
pub(super) fn named_referent_of_head(head: &str, pos: usize, reg: &Registry) -> Option<usize> {
    if !LEXICON.org_nouns.contains(head) {
        return None;
    }
    let window = reg.window_start(pos, 10);
    reg.recent(pos)
        .take_while(|o| o.pos() >= window)
        .find(|o| {
            let ent = &reg.entities[o.entity()];
            ent.head.is_none()
                && ent.stype == SpeakerType::Organization
                && (!ent.has_company_name() || LEXICON.business_nouns.contains(head))
        })
        .map(|o| o.entity())
}

/// A name set beside a description by commas is the description's person:
/// "The mayor, Elena Ruiz, said", "Michael Mulgrew, president of the
/// United Federation of Teachers, said".
pub(super) fn apposed_name(text: &str, desc: &Span, reg: &Registry) -> Option<usize> {
    let comma_between = |a: usize, b: usize| a <= b && text[a..b].trim() == ",";
    let after = reg.name_spans.partition_point(|(s, _)| s.start < desc.end);
    if let Some((s, e)) = reg.name_spans.get(after) {
        if comma_between(desc.end, s.start) && text[s.end..].trim_start().starts_with(',') {
            return Some(*e);
        }
    }
    let before = reg.name_spans.partition_point(|(s, _)| s.start < desc.start);
    reg.name_spans[..before]
        .iter()
        .rev()
        .take(2)
        .find(|(s, _)| comma_between(s.end, desc.start))
        .map(|(_, e)| *e)
}

/// The named person or organisation that a definite description refers
/// back to: "the president" → Barack Obama when the article titled him so
/// ("President Barack Obama"), "The Republican presidential nominee noted …"
/// → the subject of the sentence before (Donald Trump), "the company" → the
/// organisation that spoke last.
pub(super) fn named_referent(text: &str, m: &Mention, head: &str, reg: &Registry) -> Option<usize> {
    let modifiers: Vec<String> = descriptor_words(&text[m.span.clone()])
        .into_iter()
        .filter(|t| !matches!(t.as_str(), "the" | "former" | "then" | "current") && t != head)
        .collect();
    let named = |e: usize| reg.entities[e].head.is_none();
    if m.stype == SpeakerType::Organization {
        let window = reg.window_start(m.span.start, 10);
        return reg
            .recent(m.span.start)
            .take_while(|o| o.pos() >= window)
            .find(|o| {
                let ent = &reg.entities[o.entity()];
                // "the U.S. administration" is not "Washington": its
                // modifiers must be part of the name.
                named(o.entity())
                    && ent.stype == SpeakerType::Organization
                    && modifiers.iter().all(|t| ent.name_tokens.contains(t))
                    // ("the union" and "the government" are not Peabody Energy.)
                    && (!ent.has_company_name() || LEXICON.business_nouns.contains(head))
            })
            .map(|o| o.entity())
            .or_else(|| {
                LEXICON
                    .business_nouns
                    .contains(head)
                    .then(|| one_word_organisation(reg, m.span.start))
                    .flatten()
            });
    }
    let person = |e: usize| named(e) && reg.entities[e].stype == SpeakerType::Person;
    // Evidence: the entity's title or descriptor names this role.
    let described = reg.recent(m.span.start).find(|o| {
        person(o.entity()) && {
            let words = descriptor_words(reg.entities[o.entity()].descriptor.as_deref().unwrap_or(""));
            words.iter().any(|w| w == head) && modifiers.iter().all(|t| words.contains(t))
        }
    });
    if let Some(o) = described {
        return Some(o.entity());
    }
    // Elegant variation: a description in subject place takes the subject of
    // one of the two sentences before (not one after its cue: "said the
    // rookie winger" introduces someone).
    let previous_word = text[..m.span.start]
        .rsplit(|c: char| !c.is_alphanumeric())
        .find(|w| !w.is_empty())
        .unwrap_or("")
        .to_lowercase();
    if !reg.opens_sentence(text, m.span.start) && crate::cues::is_cue_word(&previous_word) {
        return None;
    }
    let window = reg.window_start(m.span.start, 2);
    reg.recent(m.span.start)
        .take_while(|o| o.pos() >= window)
        .find(|o| o.subject)
        .filter(|o| person(o.entity()))
        .map(|o| o.entity())
}

/// "Facebook said … The company said" (a business noun): a one-word name the article gives
/// no person's features (no first name, title, gender or role) may be an
/// organisation; the latest within five sentences, when no named
/// organisation is.
pub(super) fn one_word_organisation(reg: &Registry, pos: usize) -> Option<usize> {
    let window = reg.window_start(pos, 5);
    reg.recent(pos)
        .take_while(|o| o.pos() >= window)
        .find(|o| reg.entities[o.entity()].could_be_organisation())
        .map(|o| o.entity())
}

/// "The Times", "The Globe": a capitalised head closing a "the" phrase is
/// the short form of a name, not a description of the latest newspaper.
fn is_capitalised_head(text: &str, m: &Mention) -> bool {
    m.span.end == m.head.end && text[m.head.clone()].starts_with(char::is_uppercase)
}

/// The fuller name given before that a short form ends with ("a New York
/// Times article" … "The Times").
fn name_of_short_form(text: &str, m: &Mention, reg: &Registry) -> Option<usize> {
    let tokens = name_tokens(&text[m.span.clone()]);
    let words = tokens.get(1..)?;
    let e = reg.find_by_name_before(words, m.span.start)?;
    (reg.entities[e].name_tokens.len() > words.len()).then_some(e)
}

/// A description that introduces someone the next sentences name: "A
/// Superior Court of Ontario judge chastised … ¶ Justice Sean Dunphy
/// directed …", "Connecticut's tax commissioner says … Kevin Sullivan says",
/// "the WHL commissioner said … WHL commissioner Ron Robison said". The
/// person is named there for the first time, and either holds the
/// description's role or, when the description opened its sentence, opens
/// the next one.
pub(super) fn introduced_after(text: &str, m: &Mention, head: &str, reg: &Registry) -> Option<usize> {
    let next_sentence = reg.window_end(m.span.start, 1);
    let window_end = reg.window_end(m.span.start, 3);
    let opens = reg.opens_sentence(text, m.span.start);
    let first_new_subject = reg
        .names
        .iter()
        .skip(reg.names.partition_point(|o| o.pos() < next_sentence))
        .take_while(|o| o.pos() < reg.window_end(next_sentence, 1))
        .next()
        .filter(|o| o.subject);
    let after = reg.name_spans.partition_point(|(s, _)| s.start < m.span.end);
    reg.name_spans[after..]
        .iter()
        .take_while(|(s, _)| s.start < window_end)
        .filter(|(s, e)| {
            let ent = &reg.entities[*e];
            ent.first == s.start && ent.stype == SpeakerType::Person && ent.head.is_none()
        })
        .find(|(s, e)| {
            let holds_role = descriptor_words(reg.entities[*e].descriptor.as_deref().unwrap_or(""))
                .iter()
                .any(|w| w == head);
            let opens_next = opens && first_new_subject.is_some_and(|o| o.pos() == s.start);
            holds_role || opens_next
        })
        .map(|(_, e)| *e)
}

/// Lowercase words of a descriptor with abbreviated titles spelled out
/// ("Indiana Gov." → indiana, governor).
pub(super) fn descriptor_words(descriptor: &str) -> Vec<String> {
    let mut words = name_tokens(descriptor)
        .into_iter()
        .map(|w| {
            match w.as_str() {
                "gov" => "governor",
                "sen" => "senator",
                "rep" => "representative",
                "gen" => "general",
                "sec" => "secretary",
                "atty" => "attorney",
                "lt" => "lieutenant",
                "pres" => "president",
                "supt" => "superintendent",
                "insp" => "inspector",
                "sgt" => "sergeant",
                "cpl" => "corporal",
                "det" => "detective",
                "coun" => "councillor",
                // "The GOP nominee" is the "Republican nominee" named before.
                "gop" => "republican",
                _ => return w,
            }
            .to_string()
        })
        .collect::<Vec<_>>();
    // "Supreme Court Justice Frank Nervo" is the judge ("Justice Minister"
    // is no judge: only a closing "justice" is the title).
    if words.last().is_some_and(|w| w == "justice") {
        words.push("judge".to_string());
    }
    words
}

/// A description: its owner for a document, its apposed name, the named
/// source it refers back to, an earlier description with the same head, or
/// a new entity.
pub(super) fn resolve_description(
    text: &str,
    m: &Mention,
    reg: &mut Registry,
    last_speaker: Option<usize>,
) -> Option<usize> {
    let phrase = &text[m.span.clone()];
    let head = text[m.head.clone()].to_lowercase();
    let det = phrase.split_whitespace().next().unwrap_or("").to_lowercase();
    if let Some(e) = document_author(text, m, &head, reg, last_speaker) {
        return Some(e);
    }
    if let Some(e) = apposed_name(text, &m.span, reg) {
        let descriptor = &mut reg.entities[e].descriptor;
        descriptor.get_or_insert_with(|| phrase.to_string());
        return Some(e);
    }
    let short_form = det == "the" && m.stype == SpeakerType::Organization && is_capitalised_head(text, m);
    if short_form {
        if let Some(e) = name_of_short_form(text, m, reg) {
            return Some(e);
        }
    }
    if det == "the" && !short_form {
        if let Some(e) = named_referent(text, m, &head, reg) {
            reg.entities[e].learn_organisation(m.stype);
            return Some(e);
        }
    }
    // "the journalist" refers back; "a journalist" introduces.
    let tokens = name_tokens(phrase);
    if det == "the" {
        // Its modifiers must not contradict the earlier description's
        // ("the Trump administration" is not "the U.S. administration").
        let mods: Vec<&String> = tokens.iter().filter(|t| *t != "the" && **t != head).collect();
        if let Some(&e) = reg.by_head.get(&head).and_then(|ids| {
            ids.iter().rev().find(|&&e| {
                let ent = &reg.entities[e];
                ent.stype == m.stype && mods.iter().all(|t| ent.name_tokens.contains(t))
            })
        }) {
            return Some(e);
        }
    }
    if let Some(&e) = reg.by_tokens.get(&tokens) {
        if reg.entities[e].head.is_some() {
            return Some(e);
        }
    }
    if m.stype == SpeakerType::Unnamed {
        if let Some(e) = introduced_after(text, m, &head, reg) {
            return Some(e);
        }
    }
    Some(reg.add(Entity {
        canonical: phrase.to_string(),
        stype: m.stype,
        descriptor: None,
        gender: m.gender,
        name_tokens: tokens,
        head: Some(head),
        first: m.span.start,
    }))
}
