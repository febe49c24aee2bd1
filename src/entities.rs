//! Mentions grouped into speakers across the document.
//!
//! - Every capitalised name run in the text is a possible referent, not only
//!   the speakers of claims: "Former senior U.S. diplomat Dennis Ross has also
//!   dismissed …" introduces the Ross that "he argued" refers to.
//! - A name merges with an earlier, fuller name that ends with it
//!   ("Champion" → "Marc Champion"); titles never split an entity.
//! - "he"/"she" take the most recent person who was a sentence subject or a
//!   speaker (gender permitting); "they" a group, "it" an organisation.
//! - "the journalist" takes an earlier described speaker with the same head.
//! - `speaker_id`s are numbered by first mention among entities that speak.

use crate::attribute::Claim;
use crate::lexicon::{FastHash, LEXICON};
use crate::mentions::{mention_after, Mention, MentionKind, SpeakerType};
use crate::quotes::Quotation;
use crate::segment::Segments;
use crate::text::Span;
use crate::tokens::{token_at, TokKind, Token};
use std::collections::HashMap;

/// A resolved speaker.
#[derive(Clone, Debug)]
pub struct Entity {
    pub canonical: String,
    pub stype: SpeakerType,
    pub descriptor: Option<String>,
    pub gender: Option<&'static str>,
    /// Lowercase name tokens of the fullest name (for surname matching).
    name_tokens: Vec<String>,
    /// Lowercase head noun, for descriptions.
    head: Option<String>,
    pub first: usize,
}

/// For each claim, the entity that speaks it (index into the entity list).
pub struct Resolution {
    pub entities: Vec<Entity>,
    pub speaker_of: Vec<Option<usize>>,
    /// `S1`, `S2`, … for the entities that speak, by first mention.
    pub ids: Vec<Option<String>>,
    /// Claims with no attribution whose speaker is the narrative subject
    /// before them (rule `narrative-subject`).
    pub inferred: Vec<bool>,
}

fn name_tokens(s: &str) -> Vec<String> {
    s.split(|c: char| c.is_whitespace())
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase())
        .filter(|w| !w.is_empty())
        .collect()
}

/// A person named somewhere in the text (a name run of two or more words,
/// or any name that speaks), used as a referent for surnames and pronouns.
struct Occurrence {
    pos: usize,
    entity: usize,
    subject: bool,
}

/// How far back a pronoun looks among earlier mentions: enough for news
/// paragraphs, and it keeps resolution linear on pathological input.
const LOOKBACK: usize = 64;

/// Entities with the indexes that keep every lookup constant-time.
#[derive(Default)]
struct Registry {
    entities: Vec<Entity>,
    /// Last name token → entities (names grow: "Trump" → "Donald Trump").
    by_last: HashMap<String, Vec<usize>, FastHash>,
    /// Head noun → described entities ("journalist").
    by_head: HashMap<String, Vec<usize>, FastHash>,
    /// Exact token list → entity, for organisations and descriptions.
    by_tokens: HashMap<Vec<String>, usize, FastHash>,
    /// Name-run occurrences (sorted by position) and claim-mention
    /// occurrences (appended in text order, so sorted too).
    names: Vec<Occurrence>,
    spoken: Vec<Occurrence>,
    /// Sentence start offsets, for "within the last sentences" windows.
    sentence_starts: Vec<usize>,
    /// Spans of the full-name runs and their entities, sorted by start.
    name_spans: Vec<(Span, usize)>,
}

impl Registry {
    fn add(&mut self, e: Entity) -> usize {
        let id = self.entities.len();
        if let Some(last) = e.name_tokens.last() {
            if e.head.is_none() {
                self.by_last.entry(last.clone()).or_default().push(id);
            }
        }
        if let Some(h) = &e.head {
            self.by_head.entry(h.clone()).or_default().push(id);
        }
        self.by_tokens.entry(e.name_tokens.clone()).or_insert(id);
        self.entities.push(e);
        id
    }

    fn find_by_name(&self, tokens: &[String]) -> Option<usize> {
        self.find_by_name_before(tokens, usize::MAX)
    }

    /// [`Registry::find_by_name`] among the people named before `pos`
    /// ("President Obama" early in a story is not the "Michelle Obama" of its
    /// last paragraph).
    fn find_by_name_before(&self, tokens: &[String], pos: usize) -> Option<usize> {
        let all = self.by_last.get(tokens.last()?)?;
        // Only the latest entities with this surname are compared: a text of
        // thousands of namesakes would otherwise make resolution quadratic.
        let candidates = &all[all.len().saturating_sub(LOOKBACK)..];
        let earlier: Vec<usize> = candidates
            .iter()
            .copied()
            .filter(|&i| self.entities[i].first <= pos)
            .collect();
        let candidates: &[usize] = if pos == usize::MAX { candidates } else { &earlier };
        // The fullest earlier name that ends with this one ("Champion", "Marc Champion").
        candidates
            .iter()
            .copied()
            .filter(|&i| {
                let e = &self.entities[i];
                e.name_tokens.len() >= tokens.len() && e.name_tokens.ends_with(tokens)
            })
            .max_by_key(|&i| (self.entities[i].name_tokens.len(), usize::MAX - i))
            .or_else(|| {
                // "Donald Trump" after "Trump": the earlier short name grows.
                candidates.iter().copied().find(|&i| {
                    let e = &self.entities[i];
                    tokens.ends_with(&e.name_tokens) && e.stype == SpeakerType::Person
                })
            })
    }

    /// Whether only punctuation and spaces precede `pos` in its sentence.
    fn opens_sentence(&self, text: &str, pos: usize) -> bool {
        let i = self.sentence_starts.partition_point(|&s| s <= pos).saturating_sub(1);
        let start = self.sentence_starts.get(i).copied().unwrap_or(0).min(pos);
        !text[start..pos].chars().any(char::is_alphanumeric)
    }

    /// The start of the sentence `n` sentences before the one holding `pos`.
    fn window_start(&self, pos: usize, n: usize) -> usize {
        let i = self.sentence_starts.partition_point(|&s| s <= pos).saturating_sub(1);
        self.sentence_starts.get(i.saturating_sub(n)).copied().unwrap_or(0)
    }

    /// The latest occurrences before `pos`, newest first, at most LOOKBACK of each kind.
    fn recent(&self, pos: usize) -> impl Iterator<Item = &Occurrence> {
        let n = self.names.partition_point(|o| o.pos < pos);
        let s = self.spoken.partition_point(|o| o.pos < pos);
        let mut v: Vec<&Occurrence> = self.names[n.saturating_sub(LOOKBACK)..n]
            .iter()
            .chain(self.spoken[s.saturating_sub(LOOKBACK)..s].iter())
            .collect();
        v.sort_by_key(|o| std::cmp::Reverse(o.pos));
        v.into_iter()
    }
}

pub fn resolve(text: &str, segs: &Segments, toks: &[Token], quotations: &[Quotation], claims: &[Claim]) -> Resolution {
    let mut reg = Registry {
        sentence_starts: segs.sentences.iter().map(|s| s.start).collect(),
        ..Registry::default()
    };
    let quoted = QuotedSpans::new(quotations);
    // 1. Full names anywhere outside quotations: two or more capitalised
    //    words, subjects when near the sentence start.
    for name in scan_names(text, segs, toks) {
        if quoted.contains(name.name.start) || !is_story_name(text, segs, &name.name) {
            continue;
        }
        let tokens = name_tokens(&text[name.name.clone()]);
        let e = match reg.find_by_name(&tokens) {
            Some(e) => e,
            None => reg.add(Entity {
                canonical: text[name.name.clone()].to_string(),
                stype: SpeakerType::Person,
                descriptor: None,
                gender: None,
                name_tokens: tokens,
                head: None,
                first: name.name.start,
            }),
        };
        keep_fullest(
            &mut reg.entities[e].descriptor,
            name.descriptor.map(|d| text[d].to_string()),
        );
        reg.entities[e].gender = reg.entities[e].gender.or(name.gender);
        reg.name_spans.push((name.name.clone(), e));
        reg.names.push(Occurrence {
            pos: name.name.start,
            entity: e,
            subject: name.subject,
        });
    }
    // Later one-word mentions of those people ("Jamil said …", "Mr. Obama").
    let speakers = speaker_surnames(text, claims);
    let surnames = scan_surnames(text, segs, toks, &quoted, &speakers, &mut reg);
    reg.names.extend(surnames);
    reg.names.sort_by_key(|o| o.pos);
    // 2. Claim speakers, in text order of their mentions, with the story's
    //    subject pronouns between them ("Clinton … She started … she said").
    let mut order: Vec<usize> = (0..claims.len()).filter(|&i| claims[i].mention.is_some()).collect();
    order.sort_by_key(|&i| claims[i].mention.as_ref().map(|m| m.span.start));
    let claimed: std::collections::HashSet<usize, FastHash> = order
        .iter()
        .filter_map(|&i| claims[i].mention.as_ref().map(|m| m.span.start))
        .collect();
    let mut chain = subject_pronouns(text, segs, toks, &quoted)
        .into_iter()
        .filter(|m| !claimed.contains(&m.span.start))
        .peekable();
    let mut speaker_of = vec![None; claims.len()];
    let mut last_speaker: Option<usize> = None;
    let mut by_mention: HashMap<(usize, usize), Option<usize>, FastHash> = Default::default();
    for i in order {
        let m = claims[i].mention.as_ref().expect("filtered");
        while let Some(p) = chain.next_if(|p| p.span.start < m.span.start) {
            follow_pronoun(text, &p, &mut reg, last_speaker);
        }
        let key = (m.span.start, m.span.end);
        let e = if let Some(&e) = by_mention.get(&key) {
            e
        } else {
            let e = resolve_mention(text, m, &mut reg, last_speaker);
            by_mention.insert(key, e);
            e
        };
        if let Some(e) = e {
            if m.kind != MentionKind::Pronoun && reg.spoken.last().is_none_or(|o| o.pos <= m.span.start) {
                reg.spoken.push(Occurrence {
                    pos: m.span.start,
                    entity: e,
                    subject: true,
                });
            }
            last_speaker = Some(e);
        }
        speaker_of[i] = e;
    }
    // 3. A quotation nobody attributes takes the person the story was just
    //    about: "Chapman admits there were fatalities. ¶ “I can’t say …”".
    let mut inferred = vec![false; claims.len()];
    for (i, c) in claims.iter().enumerate() {
        if c.mention.is_none() && c.kind == crate::record::Kind::Direct && c.rule == "unattributed" {
            if let Some(e) = narrative_subject(&reg, segs, &quoted, c.start()) {
                speaker_of[i] = Some(e);
                inferred[i] = true;
            }
        }
    }
    // 4. Ids by first mention among entities that speak.
    let entities = reg.entities;
    let mut speaking: Vec<usize> = speaker_of.iter().flatten().copied().collect();
    speaking.sort_by_key(|&e| (entities[e].first, e));
    speaking.dedup();
    let mut ids = vec![None; entities.len()];
    for (n, e) in speaking.into_iter().enumerate() {
        ids[e] = Some(format!("S{}", n + 1));
    }
    Resolution {
        entities,
        speaker_of,
        ids,
        inferred,
    }
}

/// The person who is the subject of the story just before `pos` (in its
/// paragraph or the one before), outside quotations, if any.
fn narrative_subject(reg: &Registry, segs: &Segments, quoted: &QuotedSpans, pos: usize) -> Option<usize> {
    let para = segs.paragraph_of(pos);
    let window = segs.paragraphs.get(para.saturating_sub(1))?.start;
    reg.recent(pos)
        .take_while(|o| o.pos >= window)
        .filter(|o| !quoted.contains(o.pos))
        .find(|o| o.subject)
        .filter(|o| reg.entities[o.entity].stype == SpeakerType::Person && reg.entities[o.entity].head.is_none())
        .map(|o| o.entity)
}

/// Whether a surname mention with this gender and title can be the person
/// already known: "Mr. Obama" or "President Obama" is not Michelle Obama
/// when the text gave them other genders or other roles.
fn compatible_person(ent: &Entity, gender: Option<&str>, title: Option<&str>) -> bool {
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

/// "the 36-year-old Curry": a description ending in the surname of a person
/// named before is that person.
fn described_surname(text: &str, m: &Mention, reg: &Registry) -> Option<usize> {
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

/// An organisation's name that the mention reader cut at a connector: "the
/// Food and Drug Administration", "Centers for Disease Control and
/// Prevention", "Johnson & Johnson", "AT&T", "Department of Health and
/// Human Services". The run grows leftwards over capitalised words joined by
/// and, &, of, for; it is kept when it has "&" or an organisation noun.
fn joined_org_name(text: &str, name: Span) -> Option<Span> {
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
            .rfind(|ch: char| ch.is_whitespace() || ch == '(')
            .map_or(0, |i| i + 1);
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
fn tagged_person(text: &str, m: &Mention, reg: &Registry) -> Option<usize> {
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
    let between = &text[span.end..m.span.start];
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

/// A document with an owner speaks for the owner: "her statement said" →
/// the woman "her" refers to, "the union's Friday release" → the union,
/// "Dixon Hall's preliminary findings" → Dixon Hall.
fn document_author(
    text: &str,
    m: &Mention,
    head: &str,
    reg: &mut Registry,
    last_speaker: Option<usize>,
) -> Option<usize> {
    if !LEXICON.document_nouns.contains(head) && !LEXICON.document_nouns.contains(&LEXICON.singular(head).to_string()) {
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
    let cut = phrase.find("’s ").or_else(|| phrase.find("'s "))?;
    let owner = &phrase[..cut];
    let owner_tokens: Vec<String> = name_tokens(owner).into_iter().filter(|t| t != "the").collect();
    if owner_tokens.is_empty() {
        return None;
    }
    reg.find_by_name_before(&owner_tokens, m.span.start)
        .or_else(|| reg.by_tokens.get(&owner_tokens).copied())
        .or_else(|| named_referent_of_head(owner_tokens.last()?, m.span.start, reg))
}

/// The named organisation a bare head ("union", "city") refers back to:
/// the latest organisation named within ten sentences.
fn named_referent_of_head(head: &str, pos: usize, reg: &Registry) -> Option<usize> {
    if !LEXICON.org_nouns.contains(head) {
        return None;
    }
    let window = reg.window_start(pos, 10);
    reg.recent(pos)
        .take_while(|o| o.pos >= window)
        .find(|o| reg.entities[o.entity].head.is_none() && reg.entities[o.entity].stype == SpeakerType::Organization)
        .map(|o| o.entity)
}

/// A name set beside a description by commas is the description's person:
/// "The mayor, Elena Ruiz, said", "Michael Mulgrew, president of the
/// United Federation of Teachers, said".
fn apposed_name(text: &str, desc: &Span, reg: &Registry) -> Option<usize> {
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
fn named_referent(text: &str, m: &Mention, head: &str, reg: &Registry) -> Option<usize> {
    let modifiers: Vec<String> = name_tokens(&text[m.span.clone()])
        .into_iter()
        .filter(|t| !matches!(t.as_str(), "the" | "former" | "then" | "current") && t != head)
        .collect();
    let named = |e: usize| reg.entities[e].head.is_none();
    if m.stype == SpeakerType::Organization {
        let window = reg.window_start(m.span.start, 10);
        return reg
            .recent(m.span.start)
            .take_while(|o| o.pos >= window)
            .find(|o| named(o.entity) && reg.entities[o.entity].stype == SpeakerType::Organization)
            .map(|o| o.entity);
    }
    let person = |e: usize| named(e) && reg.entities[e].stype == SpeakerType::Person;
    // Evidence: the entity's title or descriptor names this role.
    let described = reg.recent(m.span.start).find(|o| {
        person(o.entity) && {
            let words = descriptor_words(reg.entities[o.entity].descriptor.as_deref().unwrap_or(""));
            words.iter().any(|w| w == head) && modifiers.iter().all(|t| words.contains(t))
        }
    });
    if let Some(o) = described {
        return Some(o.entity);
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
        .take_while(|o| o.pos >= window)
        .find(|o| o.subject)
        .filter(|o| person(o.entity))
        .map(|o| o.entity)
}

/// Lowercase words of a descriptor with abbreviated titles spelled out
/// ("Indiana Gov." → indiana, governor).
fn descriptor_words(descriptor: &str) -> Vec<String> {
    name_tokens(descriptor)
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
                _ => return w,
            }
            .to_string()
        })
        .collect()
}

/// A descriptor that contains the one we have ("Former senior U.S.
/// diplomat" over "U.S. diplomat") replaces it.
fn keep_fullest(have: &mut Option<String>, new: Option<String>) {
    match (have.as_ref(), new) {
        (None, n) => *have = n,
        (Some(h), Some(n)) if n.len() > h.len() && n.contains(h.as_str()) => *have = Some(n),
        _ => {}
    }
}

fn resolve_mention(text: &str, m: &Mention, reg: &mut Registry, last_speaker: Option<usize>) -> Option<usize> {
    match m.kind {
        MentionKind::Pronoun => {
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
            } && (m.gender.is_none() || entities[e].gender.is_none() || entities[e].gender == m.gender);
            // The previous speaker when compatible and as recent as any subject.
            let subject = reg.recent(m.span.start).find(|o| o.subject && compatible(o.entity));
            let pick = match (last_speaker.filter(|&e| compatible(e)), subject) {
                (Some(e), Some(o)) => {
                    let last_pos = reg.recent(m.span.start).find(|x| x.entity == e).map_or(0, |x| x.pos);
                    if last_pos >= o.pos {
                        Some(e)
                    } else {
                        Some(o.entity)
                    }
                }
                (Some(e), None) => Some(e),
                (None, Some(o)) => Some(o.entity),
                (None, None) => None,
            };
            if let Some(e) = pick {
                let ent = &mut reg.entities[e];
                if ent.gender.is_none() && ent.stype == SpeakerType::Person {
                    ent.gender = m.gender;
                }
            }
            pick
        }
        MentionKind::Relative => {
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
        MentionKind::Name => {
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
            if m.stype == SpeakerType::Person {
                let descriptor = m.descriptor.clone().map(|d| text[d].to_string());
                let same_person = |e: usize| compatible_person(&reg.entities[e], m.gender, descriptor.as_deref());
                if let Some(e) = reg
                    .find_by_name_before(&tokens, m.span.start)
                    .filter(|&e| same_person(e))
                {
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
        MentionKind::Description => {
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
            if det == "the" {
                if let Some(e) = named_referent(text, m, &head, reg) {
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
    }
}

/// The outer spans of the document's quotations, sorted: names inside a
/// quotation are the quoted speaker's words, not the story's referents
/// ("My top science adviser, John Holdren, …," he said).
struct QuotedSpans(Vec<Span>);

impl QuotedSpans {
    fn new(quotations: &[Quotation]) -> Self {
        let mut spans: Vec<Span> = quotations.iter().map(Quotation::outer).collect();
        spans.sort_by_key(|s| s.start);
        QuotedSpans(spans)
    }

    fn contains(&self, pos: usize) -> bool {
        let i = self.0.partition_point(|s| s.start <= pos);
        i > 0 && pos < self.0[i - 1].end
    }
}

/// Whether a capitalised run is a person of the story rather than page
/// furniture: not an all-capitals dateline or subhead ("MIDWAY ATOLL",
/// "ROADS BLOCKED"), not a photo credit ("(Adrian Wyld/The Canadian Press)"),
/// not inside a paragraph with no sentence end (a subhead: "Divisive
/// Legacy"), not a title of a work ("Baking With Julia"), not a thing named
/// with "the" ("the Starlight Tours"), not a day ("Christmas Day").
fn is_story_name(text: &str, segs: &Segments, name: &Span) -> bool {
    let words: Vec<&str> = text[name.clone()].split_whitespace().collect();
    let shouting = words
        .iter()
        .all(|w| w.chars().filter(|c| c.is_alphabetic()).count() < 2 || !w.chars().any(char::is_lowercase));
    let credit = text[name.end..].starts_with('/')
        || text[name.end..].starts_with(" /")
        || text[..name.start].ends_with('/')
        || text[..name.start].ends_with("/ ");
    let work_title = words[1..]
        .iter()
        .any(|w| matches!(*w, "With" | "And" | "For" | "The" | "Of" | "In" | "On" | "To" | "From"));
    let the_before = text[..name.start]
        .trim_end()
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .is_some_and(|w| w.eq_ignore_ascii_case("the"));
    let day = words
        .last()
        .is_some_and(|w| matches!(*w, "Day" | "Eve" | "Week" | "Weekend" | "Month" | "Year"));
    // "Yellowhead MP", "Minister of Innovation": a role, not a name.
    let role = words
        .last()
        .is_some_and(|w| LEXICON.person_nouns.contains(&w.to_lowercase()));
    let place = LEXICON.places.contains(&text[name.clone()]);
    !(shouting || credit || work_title || the_before || day || role || place || in_subhead(text, segs, name.start))
}

/// A paragraph without a sentence end: a headline, a subhead, a caption
/// credit line.
fn in_subhead(text: &str, segs: &Segments, pos: usize) -> bool {
    let Some(p) = segs.paragraphs.get(segs.paragraph_of(pos)) else {
        return false;
    };
    let para = text[p.clone()].trim_end();
    !para.ends_with(['.', '!', '?', '"', '”', '’', '\'', ')', ':', ';', '…'])
}

/// The sentence (token range) and whether a name starting at token `k`
/// is its subject: near the sentence start with no verb before it, after a
/// title of a few words, or after a leading adverbial and a comma.
fn is_subject_position(text: &str, toks: &[Token], lo: usize, k: usize) -> bool {
    let verbless = |from: usize| {
        (from..k).all(|j| {
            let w = toks[j].lower(text);
            !crate::cues::is_cue_word(w)
                && !matches!(
                    w,
                    "is" | "was" | "are" | "were" | "has" | "had" | "have" | "will" | "would"
                )
        })
    };
    let titled = k - lo <= 6 && (lo..k).all(|j| toks[j].kind == TokKind::Word) && verbless(lo);
    let near_start = k - lo <= 3 && verbless(lo);
    let after_comma = k >= 1 && &text[toks[k - 1].span.clone()] == ",";
    let after_adverbial = after_comma && k - lo < 8 && verbless(lo);
    // "Speaking in Vaughan, Ont., on Thursday morning, Trudeau denied …",
    // "When asked what is harder, Mulder didn't hesitate": a leading
    // subordinate or participle clause of any length.
    let after_subordinate =
        after_comma && k - lo < 40 && opens_subordinate(toks[lo].lower(text)) && verbless((lo + 2).min(k));
    near_start || titled || after_adverbial || after_subordinate
}

/// Words that open a leading clause or phrase before the subject.
fn opens_subordinate(w: &str) -> bool {
    matches!(
        w,
        "when"
            | "while"
            | "after"
            | "as"
            | "although"
            | "though"
            | "if"
            | "before"
            | "since"
            | "because"
            | "despite"
            | "asked"
            | "given"
            | "unlike"
            | "like"
            | "in"
            | "on"
            | "at"
            | "during"
            | "following"
            | "with"
            | "for"
            | "once"
            | "until"
            | "even"
            | "now"
            | "still"
            | "but"
            | "and"
            | "yet"
    ) || (w.len() > 5 && w.ends_with("ing"))
}

/// Titles that make a one-word name a person ("Mr. Obama", "Ms. May").
fn person_title(w: &str) -> Option<Option<&'static str>> {
    match w {
        "Mr." | "Mr" => Some(Some("male")),
        "Mrs." | "Mrs" | "Ms." | "Ms" | "Miss" => Some(Some("female")),
        "Dr." | "Sen." | "Rep." | "Gov." | "Prof." | "President" | "Senator" | "Premier" | "Mayor" => Some(None),
        _ => None,
    }
}

/// Last name words of the people who speak in claims ("Clinton said"):
/// their earlier one-word mentions are referents too.
fn speaker_surnames(text: &str, claims: &[Claim]) -> std::collections::HashSet<String, FastHash> {
    claims
        .iter()
        .filter_map(|c| c.mention.as_ref())
        .filter(|m| m.kind == MentionKind::Name && m.stype == SpeakerType::Person)
        .filter_map(|m| name_tokens(&text[m.name.clone().unwrap_or(m.span.clone())]).pop())
        .collect()
}

/// One-word mentions of people outside quotations: the surname of a person
/// named earlier ("Nadia Jamil … Jamil said"), or a titled surname ("Mr.
/// Obama", "Ms. May") or a claim speaker's surname, which make a person when
/// none is known yet.
fn scan_surnames(
    text: &str,
    segs: &Segments,
    toks: &[Token],
    quoted: &QuotedSpans,
    speakers: &std::collections::HashSet<String, FastHash>,
    reg: &mut Registry,
) -> Vec<Occurrence> {
    let mut out = Vec::new();
    for s in &segs.sentences {
        let (lo, hi) = (token_at(toks, s.start), token_at(toks, s.end));
        for k in lo..hi {
            let t = &toks[k];
            if !is_cap(text, t) || quoted.contains(t.span.start) {
                continue;
            }
            // Part of a longer capitalised run: scan_names read it.
            let next_cap = k + 1 < hi && is_cap(text, &toks[k + 1]);
            let prev_cap =
                k > lo && is_cap(text, &toks[k - 1]) && person_title(&text[toks[k - 1].span.clone()]).is_none();
            if next_cap || prev_cap {
                continue;
            }
            let word = name_tokens(&text[t.span.clone()]);
            if word.len() != 1 || LEXICON.not_speakers.contains(&word[0]) {
                continue;
            }
            let title = (k > lo).then(|| title_before(text, toks, k)).flatten();
            let entity = match reg.find_by_name(&word) {
                Some(e) if reg.entities[e].stype == SpeakerType::Person => e,
                Some(_) => continue,
                None => {
                    let gender = match title {
                        Some(g) => g,
                        None if speakers.contains(&word[0]) => None,
                        None => continue,
                    };
                    reg.add(Entity {
                        canonical: text[t.span.clone()].to_string(),
                        stype: SpeakerType::Person,
                        descriptor: None,
                        gender,
                        name_tokens: word,
                        head: None,
                        first: t.span.start,
                    })
                }
            };
            if let Some(Some(g)) = title {
                reg.entities[entity].gender.get_or_insert(g);
            }
            let first = if title.is_some() { k - 1 } else { k };
            out.push(Occurrence {
                pos: t.span.start,
                entity,
                subject: is_subject_position(text, toks, lo, first),
            });
        }
    }
    out
}

/// Sentence-subject pronouns of the narrative (outside quotations): "He",
/// "She", "They" opening a sentence or following a leading adverbial.
fn subject_pronouns(text: &str, segs: &Segments, toks: &[Token], quoted: &QuotedSpans) -> Vec<Mention> {
    let mut out = Vec::new();
    for s in &segs.sentences {
        let (lo, hi) = (token_at(toks, s.start), token_at(toks, s.end));
        for k in lo..hi.min(lo + 8) {
            let t = &toks[k];
            let Some((stype, gender)) = crate::mentions::pronoun(t.lower(text)) else {
                continue;
            };
            if stype == SpeakerType::Organization || quoted.contains(t.span.start) {
                break;
            }
            if is_subject_position(text, toks, lo, k) {
                out.push(Mention {
                    span: t.span.clone(),
                    head: t.span.clone(),
                    kind: MentionKind::Pronoun,
                    stype,
                    name: None,
                    descriptor: None,
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
fn follow_pronoun(text: &str, m: &Mention, reg: &mut Registry, last_speaker: Option<usize>) {
    let Some(e) = resolve_mention(text, m, reg, last_speaker) else {
        return;
    };
    if reg.spoken.last().is_none_or(|o| o.pos <= m.span.start) {
        reg.spoken.push(Occurrence {
            pos: m.span.start,
            entity: e,
            subject: true,
        });
    }
}

/// The person title right before token `k` ("Mr." is one token or "Mr" and ".").
fn title_before(text: &str, toks: &[Token], k: usize) -> Option<Option<&'static str>> {
    let prev = &text[toks[k - 1].span.clone()];
    if prev == "." && k >= 2 {
        let w = format!("{}.", &text[toks[k - 2].span.clone()]);
        return person_title(&w);
    }
    person_title(prev)
}

struct NameRun {
    name: Span,
    descriptor: Option<Span>,
    gender: Option<&'static str>,
    subject: bool,
}

fn is_cap(text: &str, t: &Token) -> bool {
    t.kind == TokKind::Word
        && match text.as_bytes()[t.span.start] {
            b if b.is_ascii() => b.is_ascii_uppercase(),
            _ => text[t.span.clone()].chars().next().is_some_and(char::is_uppercase),
        }
}

/// Person names of two or more words, with their titles or descriptions.
fn scan_names(text: &str, segs: &Segments, toks: &[Token]) -> Vec<NameRun> {
    let mut out = Vec::new();
    for s in &segs.sentences {
        let lo = token_at(toks, s.start);
        let hi = token_at(toks, s.end);
        let mut k = lo;
        while k < hi {
            // Most words are not capitalised: the cheapest test first.
            if !is_cap(text, &toks[k]) {
                k += 1;
                continue;
            }
            // A name of two or more words starts with two capitalised words
            // (or a name particle): checking that first skips the mention
            // reader for most capitalised words ("The", "But", "Tuesday").
            let next_is_name = toks.get(k + 1).is_some_and(|n| {
                k + 1 < hi
                    && (is_cap(text, n)
                        || matches!(
                            &text[n.span.clone()],
                            "de" | "la" | "van" | "von" | "der" | "del" | "da" | "di" | "bin" | "al" | "el"
                        ))
            });
            if !next_is_name {
                k += 1;
                continue;
            }
            // Read a mention starting here, as a cue's object would be read.
            let at_start = is_subject_position(text, toks, lo, k);
            let Some(m) = mention_after(text, toks, k, hi) else {
                k += 1;
                continue;
            };
            let end = token_at(toks, m.span.end).max(k + 1);
            if m.kind == MentionKind::Name && m.stype == SpeakerType::Person {
                let name = leading_run(text, toks, k, hi, m.name.clone().expect("names have a name"));
                let words = text[name.clone()].split_whitespace().count();
                if words >= 2
                    && !LEXICON.not_speakers.contains(
                        &text[name.clone()]
                            .split_whitespace()
                            .next()
                            .unwrap_or("")
                            .to_lowercase(),
                    )
                {
                    let descriptor = m
                        .descriptor
                        .clone()
                        .or_else(|| description_before(text, toks, lo, k))
                        .or_else(|| appositive_after(text, toks, end, hi));
                    out.push(NameRun {
                        name,
                        descriptor,
                        gender: m.gender,
                        subject: at_start,
                    });
                }
            }
            k = end;
        }
    }
    out
}

/// The capitalised run that starts the phrase when the reader chose a later
/// name in it: "John Goodwin with Bumper to Bumper turned out" names John
/// Goodwin, not "Bumper".
fn leading_run(text: &str, toks: &[Token], k: usize, hi: usize, name: Span) -> Span {
    if name.start <= toks[k].span.start {
        return name;
    }
    let mut j = k;
    while j < hi && is_cap(text, &toks[j]) && toks[j].span.end <= name.start {
        j += 1;
    }
    if j - k >= 2 && j < hi && !is_cap(text, &toks[j]) {
        toks[k].span.start..toks[j - 1].span.end
    } else {
        name
    }
}

/// "Bloomberg columnist Marc Champion", "Former senior U.S. diplomat Dennis
/// Ross": a role noun right before the name, with its modifiers.
fn description_before(text: &str, toks: &[Token], lo: usize, k: usize) -> Option<Span> {
    if k == lo {
        return None;
    }
    let prev = text[toks[k - 1].span.clone()].to_lowercase();
    if !LEXICON.person_nouns.contains(&prev) {
        return None;
    }
    let mut s = k - 1;
    while s > lo && k - s < 6 && toks[s - 1].kind == TokKind::Word {
        let w = text[toks[s - 1].span.clone()].to_lowercase();
        if matches!(
            w.as_str(),
            "the" | "a" | "an" | "and" | "by" | "said" | "that" | "of" | "to" | "with" | "as"
        ) {
            break;
        }
        s -= 1;
    }
    Some(toks[s].span.start..toks[k - 1].span.end)
}

/// "Michael McFaul, a former U.S. ambassador to Russia,": an appositive.
fn appositive_after(text: &str, toks: &[Token], end: usize, hi: usize) -> Option<Span> {
    if end + 1 >= hi || &text[toks[end].span.clone()] != "," {
        return None;
    }
    let first = text[toks[end + 1].span.clone()].to_lowercase();
    if !matches!(first.as_str(), "a" | "an" | "the") {
        return None;
    }
    let mut e = end + 1;
    while e < hi && toks[e].kind == TokKind::Word && e - end < 12 {
        e += 1;
    }
    let has_role = (end + 1..e).any(|j| {
        LEXICON
            .person_nouns
            .contains(&text[toks[j].span.clone()].to_lowercase())
    });
    (has_role && e < hi).then(|| toks[end + 1].span.start..toks[e - 1].span.end)
}
