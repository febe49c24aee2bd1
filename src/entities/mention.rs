//! One claim mention resolved to an entity, by kind (pronoun, relative,
//! name, description), with the name rules: organisation names cut at a
//! connector, party and place tags, people kept apart by title or gender.

use super::*;

/// Whether a surname mention with this gender and title can be the person
/// already known: "Mr. Obama" or "President Obama" is not Michelle Obama
/// when the text gave them other genders or other roles.
pub(super) fn compatible_person(ent: &Entity, gender: Option<&str>, title: Option<&str>) -> bool {
    if let (Some(a), Some(b)) = (gender, ent.gender) {
        if a != b {
            return false;
        }
    }
    let roles = |d: &str| -> Vec<String> {
        descriptor_words(d)
            .into_iter()
            .filter(|w| LEXICON.person_nouns.contains(w) || LEXICON.titles.contains_key(w.as_str()))
            .collect()
    };
    match (title.map(roles), ent.descriptor.as_deref().map(roles)) {
        (Some(a), Some(b)) if !a.is_empty() && !b.is_empty() => a.iter().any(|w| b.contains(w)),
        _ => true,
    }
}

/// An organisation's name that the mention reader cut at a connector: "the
/// Food and Drug Administration", "Centers for Disease Control and
/// Prevention", "Johnson & Johnson", "AT&T", "Department of Health and
/// Human Services". The run grows leftwards over capitalised words joined by
/// and, &, of, for; it is kept when it has "&" or an organisation noun.
pub(super) fn joined_org_name(text: &str, name: Span) -> Option<Span> {
    let mut start = name.start;
    let mut joined = false;
    loop {
        let before = &text[..start];
        let trimmed = before.trim_end();
        let connector = ["&", "and", "of", "for"]
            .into_iter()
            .find(|c| trimmed.ends_with(c) && (*c == "&" || trimmed[..trimmed.len() - c.len()].ends_with(' ')));
        let Some(c) = connector else { break };
        let left = trimmed[..trimmed.len() - c.len()].trim_end();
        let word_start = left
            .char_indices()
            .rev()
            .find(|&(_, ch)| ch.is_whitespace() || ch == '(')
            .map_or(0, |(i, ch)| i + ch.len_utf8());
        let word = &left[word_start..];
        if !word.starts_with(char::is_uppercase) || word.eq_ignore_ascii_case("the") {
            break;
        }
        start = word_start;
        joined = true;
        // "Centers for Disease Control": keep reading capitalised words.
        while let Some(prev) = text[..start].trim_end().rsplit(' ').next() {
            let at = text[..start].trim_end().len() - prev.len();
            if prev.is_empty() || !prev.starts_with(char::is_uppercase) || prev.eq_ignore_ascii_case("the") {
                break;
            }
            start = at;
        }
    }
    if !joined {
        return None;
    }
    let phrase = &text[start..name.end];
    let org = phrase.contains('&')
        || phrase
            .split_whitespace()
            .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase())
            .any(|w| LEXICON.org_nouns.contains(&w) || LEXICON.org_nouns.contains(w.trim_end_matches('s')));
    org.then_some(start..name.end)
}

/// A party tag or a place read as the speaker stands for the person named
/// just before it: "Pat Kim, D-Ore., said", "Donna Rawlings, 59, of Ashton,
/// Md., said", "Johnnie Wilson, of Springfield, Va., said".
pub(super) fn tagged_person(text: &str, m: &Mention, reg: &Registry) -> Option<usize> {
    let phrase = text[m.span.clone()].trim_end_matches(',');
    let party =
        phrase.len() <= 12 && matches!(phrase.as_bytes(), [b'D' | b'R' | b'I', b'-', c, ..] if c.is_ascii_uppercase());
    // "Ashton, Md.": a town is known by the state written after it.
    let town = m
        .descriptor
        .as_ref()
        .is_some_and(|d| LEXICON.places.contains(&text[d.clone()]));
    let place = town || LEXICON.places.contains(phrase) || LEXICON.places.contains(phrase.trim_end_matches('.'));
    if !(party || place) {
        return None;
    }
    let before = reg.name_spans.partition_point(|(s, _)| s.start < m.span.start);
    let (span, e) = reg.name_spans[..before].last()?;
    let between = text.get(span.end..m.span.start)?;
    let locator = between.len() <= 60
        && between.trim_start().starts_with([',', '('])
        && between
            .split(|c: char| c.is_whitespace() || c == ',' || c == '(')
            .filter(|w| !w.is_empty())
            .all(|w| {
                w == "of" || w == "from" || w.bytes().all(|b| b.is_ascii_digit()) || w.starts_with(char::is_uppercase)
            });
    locator.then_some(*e)
}

pub(super) fn resolve_mention(
    text: &str,
    m: &Mention,
    reg: &mut Registry,
    last_speaker: Option<usize>,
) -> Option<usize> {
    if let Some(e) = surname_of_named_person(text, m, reg) {
        return Some(e);
    }
    match m.kind {
        MentionKind::Pronoun => resolve_pronoun(text, m, reg, last_speaker),
        MentionKind::Relative => resolve_relative(text, m, reg),
        MentionKind::Name => {
            resolve_name(text, m, reg, last_speaker).inspect(|&e| apposed_organisation(text, m, reg, e))
        }
        MentionKind::Description => resolve_description(text, m, reg, last_speaker),
    }
}

/// "Alex King … King said", "Michael Jordan … Jordan said": one capitalised
/// word that the mention reader took for a role, a place or a thing (king,
/// Jordan, church) is the surname of a person the article named in full
/// before it.
fn surname_of_named_person(text: &str, m: &Mention, reg: &Registry) -> Option<usize> {
    if m.kind == MentionKind::Pronoun || m.kind == MentionKind::Relative {
        return None;
    }
    let word = &text[m.span.clone()];
    if !word.starts_with(char::is_uppercase) || word.contains(char::is_whitespace) {
        return None;
    }
    let tokens = name_tokens(word);
    let e = reg.find_by_name_before(&tokens, m.span.start)?;
    let ent = &reg.entities[e];
    (ent.stype == SpeakerType::Person && ent.head.is_none() && ent.name_tokens.len() >= 2 && ent.first < m.span.start)
        .then_some(e)
}

/// "Rally Canada, the group that organized the event, said": a name set
/// beside "the group" (or a company, union, party …) and given no person's
/// features is an organisation, so that "the group" can refer back to it.
fn apposed_organisation(text: &str, m: &Mention, reg: &mut Registry, e: usize) {
    let Some(d) = m.descriptor.clone() else { return };
    // (An appositive after the name, not a phrase the name ends:
    // "the Office of the Independent Police Review Director".)
    if m.name.as_ref().is_none_or(|n| d.start < n.end) {
        return;
    }
    let words: Vec<String> = text[d]
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase())
        .collect();
    let determined = words.first().is_some_and(|w| matches!(w.as_str(), "the" | "a" | "an"));
    // The phrase's head: its last word before a relative clause or a
    // preposition ("the group that organized …", "a coalition of unions").
    let head_at = words
        .iter()
        .position(|w| {
            matches!(
                w.as_str(),
                "that" | "which" | "who" | "of" | "for" | "in" | "with" | "based"
            )
        })
        .unwrap_or(words.len());
    let org_head = (2..=4).contains(&head_at)
        && words
            .get(head_at - 1)
            .is_some_and(|w| LEXICON.org_nouns.contains(w) && !LEXICON.person_nouns.contains(w));
    let ent = &mut reg.entities[e];
    if determined && org_head && ent.gender.is_none() && ent.stype == SpeakerType::Person && ent.head.is_none() {
        ent.stype = SpeakerType::Organization;
    }
}

/// "who", "which": the antecedent's entity, or a new one for it.
fn resolve_relative(text: &str, m: &Mention, reg: &mut Registry) -> Option<usize> {
    let antecedent = m.name.clone()?;
    let toks_a = name_tokens(&text[antecedent.clone()]);
    if toks_a.is_empty() {
        return None;
    }
    reg.find_by_name(&toks_a).or_else(|| {
        Some(reg.add(Entity {
            canonical: text[antecedent.clone()].to_string(),
            stype: m.stype,
            descriptor: None,
            gender: m.gender,
            name_tokens: toks_a.clone(),
            head: None,
            first: antecedent.start,
        }))
    })
}

/// A name: the person named before (the fullest earlier name ending with
/// it), an organisation by its tokens, or a new entity.
/// Whether a one-word name may be the short form of this entity: a
/// company named by its first word and a company-name word ("Suncor Energy").
fn short_name_of_company(ent: &Entity) -> bool {
    ent.stype == SpeakerType::Organization && ent.name_tokens.len() == 2 && ent.has_company_name()
}

fn resolve_name(text: &str, m: &Mention, reg: &mut Registry, last_speaker: Option<usize>) -> Option<usize> {
    if let Some(e) = tagged_person(text, m, reg) {
        return Some(e);
    }
    if let Some(full) = joined_org_name(text, m.name.clone().unwrap_or(m.span.clone())) {
        let m = Mention {
            span: full.clone(),
            name: Some(full),
            stype: SpeakerType::Organization,
            descriptor: None,
            ..m.clone()
        };
        return resolve_mention(text, &m, reg, last_speaker);
    }
    let name = &text[m.name.clone().unwrap_or(m.span.clone())];
    let tokens = name_tokens(name);
    // "Suncor" after "Suncor Energy": the company's short name (before any
    // person of that one-word name the scan for speaking names made).
    if let ([word], None) = (tokens.as_slice(), &m.descriptor) {
        if let Some(e) = reg
            .find_by_first_word(word, m.span.start)
            .filter(|&e| short_name_of_company(&reg.entities[e]))
        {
            return Some(e);
        }
    }
    if m.stype == SpeakerType::Person {
        let descriptor = m.descriptor.clone().map(|d| text[d].to_string());
        let same_person = |e: usize| compatible_person(&reg.entities[e], m.gender, descriptor.as_deref());
        if let Some(e) = reg.find_by_name_before(&tokens, m.span.end).filter(|&e| same_person(e)) {
            if tokens.len() > reg.entities[e].name_tokens.len() {
                reg.entities[e].canonical = name.to_string();
                reg.entities[e].name_tokens = tokens;
            }
            let ent = &mut reg.entities[e];
            keep_fullest(&mut ent.descriptor, m.descriptor.clone().map(|d| text[d].to_string()));
            ent.gender = ent.gender.or(m.gender);
            ent.first = ent.first.min(m.span.start);
            return Some(e);
        }
        // Untitled: "Mr. Obama" and "President Obama" go by surname.
        if let ([word], None) = (tokens.as_slice(), &m.descriptor) {
            if let Some(e) = reg.find_by_first_word(word, m.span.start).filter(|&e| same_person(e)) {
                return Some(e);
            }
        }
        if let [word] = tokens.as_slice() {
            if let Some(e) = reg
                .find_by_misspelt_surname(word, m.span.start)
                .filter(|&e| same_person(e))
            {
                return Some(e);
            }
        }
    } else if let Some(&e) = reg.by_tokens.get(&name_tokens(&text[m.span.clone()])) {
        if reg.entities[e].stype != SpeakerType::Person {
            return Some(e);
        }
    } else if let Some(e) = described_surname(text, m, reg) {
        return Some(e);
    }
    let canonical = if m.stype == SpeakerType::Person {
        name
    } else {
        &text[m.span.clone()]
    };
    Some(reg.add(Entity {
        canonical: canonical.to_string(),
        stype: m.stype,
        descriptor: m.descriptor.clone().map(|d| text[d].to_string()),
        gender: m.gender,
        name_tokens: name_tokens(canonical),
        head: None,
        first: m.span.start,
    }))
}
