//! Mentions grouped into speakers across the document, so that every record
//! prints a name ("he", "Ross", "the former diplomat" → Dennis Ross).
//!
//! [`resolve`] runs, in order:
//! 1. `names`: every full-name run outside quotations is a referent (not
//!    only the speakers of claims: "Former senior U.S. diplomat Dennis Ross
//!    has also dismissed …" introduces the Ross that "he argued" refers to),
//!    unless it is page furniture (a dateline, a photo credit, a subhead, a
//!    title of a work, a place); later one-word mentions ("Jamil said", "Mr.
//!    Obama") are referents too; a referent near a sentence start, after a
//!    title or after a leading clause is a subject.
//! 2. `mention` then, for each claim in text order: a name merges with the
//!    fullest earlier name that ends with it ("Champion" → "Marc Champion")
//!    unless title or gender say otherwise; party and place tags ("Pat Kim,
//!    D-Ore.") stand for the person before them; organisation names cut at a
//!    connector grow back ("Food and Drug Administration").
//! 3. `descriptions`: "The mayor, Elena Ruiz," → Elena Ruiz; "the president"
//!    → the person titled so, or the subject just before; "the company" →
//!    the organisation named before; "her statement" → whom "her" refers to.
//! 4. `pronouns`: "he"/"she" take the previous speaker or the latest subject
//!    (gender permitting), and narrative subject pronouns between claims
//!    chain ("Clinton … She started … she said"); a quotation nobody
//!    attributes takes the person the story was just about.
//! 5. `speaker_id`s are numbered by first mention among entities that speak.

use crate::attribute::Claim;
use crate::lexicon::{FastHash, LEXICON};
use crate::mentions::{mention_after, Mention, MentionKind, SpeakerType};
use crate::quotes::Quotation;
use crate::segment::Segments;
use crate::text::Span;
use crate::tokens::{token_at, token_ranges, TokKind, Token, Tokens};
use std::collections::HashMap;

mod descriptions;
mod documents;
mod mention;
mod names;
mod pronouns;

use descriptions::*;
use documents::*;
use mention::*;
use names::*;
use pronouns::*;

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

impl Entity {
    /// A one-word name typed a person only for want of evidence: no first
    /// name, title, gender or role ("Facebook", "Suncor").
    fn could_be_organisation(&self) -> bool {
        self.stype == SpeakerType::Person
            && self.name_tokens.len() == 1
            && self.gender.is_none()
            && self.head.is_none()
            && self.descriptor.is_none()
    }

    /// A company's name: "Suncor Energy", "Rogers Communications".
    fn has_company_name(&self) -> bool {
        is_company_name(&self.name_tokens)
    }

    /// Referred to as an organisation ("the company", "it"), such a name is one.
    fn learn_organisation(&mut self, referred_as: SpeakerType) {
        if referred_as == SpeakerType::Organization && self.could_be_organisation() {
            self.stype = SpeakerType::Organization;
        }
    }
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
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        // ("Bashar al-Assad" is "Assad" on second mention: the article apart.)
        .flat_map(|w| match crate::text::arabic_article_name(w) {
            true => vec![lowercase_word(&w[..2]), lowercase_word(&w[3..])],
            false => vec![lowercase_word(w)],
        })
        .filter(|w| !w.is_empty())
        .collect()
}

/// `word.to_lowercase()`, by bytes when it is ASCII (most names): without
/// the Unicode tables' walk of every char.
fn lowercase_word(word: &str) -> String {
    if word.is_ascii() {
        word.to_ascii_lowercase()
    } else {
        word.to_lowercase()
    }
}

/// Surnames compared for misspellings, at most (each lookup reads them all).
const MISSPELLING_SCAN_LIMIT: usize = 256;

/// Whether two words differ by one inserted, deleted or replaced letter,
/// with the same first letter ("mclenney", "mcclenney").
fn one_edit_apart(a: &str, b: &str) -> bool {
    // Asked of every known surname at many capitalised words: ASCII names
    // (most) are compared as bytes, without collecting their chars.
    if a.is_ascii() && b.is_ascii() {
        return one_item_apart(a.as_bytes(), b.as_bytes());
    }
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    one_item_apart(&a, &b)
}

/// `one_edit_apart` on the words' chars (or bytes, when all are ASCII).
fn one_item_apart<T: PartialEq>(a: &[T], b: &[T]) -> bool {
    if a == b || a.first() != b.first() || a.len().abs_diff(b.len()) > 1 {
        return false;
    }
    let prefix = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let suffix = a.iter().rev().zip(b.iter().rev()).take_while(|(x, y)| x == y).count();
    prefix + suffix + 1 >= a.len().max(b.len())
}

/// Whether name tokens are a company's name: two or more words, the last a
/// company word ("suncor energy", "rogers communications").
fn is_company_name(tokens: &[String]) -> bool {
    tokens.len() >= 2 && tokens.last().is_some_and(|w| LEXICON.company_name_words.contains(w))
}

/// Name tokens without a leading article ("the globe and mail").
fn significant_tokens(tokens: &[String]) -> &[String] {
    match tokens {
        [first, rest @ ..] if first == "the" => rest,
        _ => tokens,
    }
}

/// A person named somewhere in the text (a name run of two or more words,
/// or any name that speaks), used as a referent for surnames and pronouns.
/// (`u32`s: a document of hundreds of MB has millions of occurrences.)
struct Occurrence {
    at: u32,
    who: u32,
    subject: bool,
}

impl Occurrence {
    fn new(pos: usize, entity: usize, subject: bool) -> Occurrence {
        Occurrence {
            at: u32::try_from(pos).expect("a text under 2 GiB"),
            who: u32::try_from(entity).expect("fewer entities than bytes"),
            subject,
        }
    }

    /// Where the occurrence starts.
    fn pos(&self) -> usize {
        self.at as usize
    }

    /// The entity it names.
    fn entity(&self) -> usize {
        self.who as usize
    }
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
    /// First name token → entities with longer names ("Suncor" →
    /// "Suncor Energy", "Hua" → "Hua Chunying").
    by_first: HashMap<String, Vec<usize>, FastHash>,
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
    /// Document nouns outside quotations, sorted by position.
    documents: Vec<DocumentNoun>,
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
        } else if let [first, rest @ ..] = significant_tokens(&e.name_tokens) {
            // "Obama Sees …" read from a headline is no longer name of Obama.
            // ("Suncor Energy" is a company's name: "Suncor" is its short form.)
            let company = e.stype == SpeakerType::Organization && rest.len() == 1 && e.has_company_name();
            if !rest.is_empty() && (company || !rest.iter().any(|w| LEXICON.lowercase_words.contains(w))) {
                self.by_first.entry(first.clone()).or_default().push(id);
            }
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
        // (No copy when every candidate counts: find_by_name, at every name run.)
        let earlier: Vec<usize>;
        let candidates: &[usize] = if pos == usize::MAX {
            candidates
        } else {
            earlier = candidates
                .iter()
                .copied()
                .filter(|&i| self.entities[i].first <= pos)
                .collect();
            &earlier
        };
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

    /// The one entity named before `pos` whose longer name starts with this
    /// one word: "Calgary-based Suncor Energy" … "Suncor said", "spokeswoman
    /// Hua Chunying" … "Hua told reporters". Two such names make it no one's.
    fn find_by_first_word(&self, word: &str, pos: usize) -> Option<usize> {
        let mut earlier = self
            .by_first
            .get(word)?
            .iter()
            .filter(|&&e| self.entities[e].first < pos);
        let e = *earlier.next()?;
        earlier.next().is_none().then_some(e)
    }

    /// The one person named before `pos` whose surname this word misspells
    /// by one letter ("McLenney" after "Tyresha McClenney"); long surnames
    /// only, and not in a text of hundreds of surnames.
    fn find_by_misspelt_surname(&self, word: &str, pos: usize) -> Option<usize> {
        if word.chars().count() < 6 || self.by_last.len() > MISSPELLING_SCAN_LIMIT {
            return None;
        }
        // (The first byte first: one_edit_apart wants the first letters equal.)
        let first = word.as_bytes().first();
        let mut found = self
            .by_last
            .iter()
            .filter(|(last, _)| last.as_bytes().first() == first && one_edit_apart(last, word))
            .flat_map(|(_, ids)| ids.iter().copied())
            .filter(|&e| {
                let ent = &self.entities[e];
                ent.first < pos && ent.stype == SpeakerType::Person && ent.name_tokens.len() > 1
            });
        let e = found.next()?;
        found.next().is_none().then_some(e)
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

    /// The start of the sentence `n` sentences after the one holding `pos`
    /// (the text's end when there is none).
    fn window_end(&self, pos: usize, n: usize) -> usize {
        let i = self.sentence_starts.partition_point(|&s| s <= pos).saturating_sub(1);
        self.sentence_starts.get(i + n).copied().unwrap_or(usize::MAX)
    }

    /// The latest occurrences before `pos`, newest first, at most LOOKBACK of each kind.
    fn recent(&self, pos: usize) -> impl Iterator<Item = &Occurrence> {
        let n = self.names.partition_point(|o| o.pos() < pos);
        let s = self.spoken.partition_point(|o| o.pos() < pos);
        NewestFirst {
            names: &self.names[n.saturating_sub(LOOKBACK)..n],
            spoken: &self.spoken[s.saturating_sub(LOOKBACK)..s],
            at_names: &[],
            at_spoken: &[],
        }
    }
}

/// Name-run and claim occurrences (each slice sorted by position) merged
/// newest first, in the order a stable sort of the names, then the spoken,
/// by descending position gives: at one position the names first, each
/// kind in its own order. (Read lazily: most readers stop at the first few,
/// and a sort of up to 128 per pronoun or description was a large part of
/// resolution.)
struct NewestFirst<'a> {
    /// The occurrences not yet reached, oldest first.
    names: &'a [Occurrence],
    spoken: &'a [Occurrence],
    /// Those at the position being read, still to give.
    at_names: &'a [Occurrence],
    at_spoken: &'a [Occurrence],
}

impl<'a> Iterator for NewestFirst<'a> {
    type Item = &'a Occurrence;

    fn next(&mut self) -> Option<&'a Occurrence> {
        if self.at_names.is_empty() && self.at_spoken.is_empty() {
            let newest = self.names.last().into_iter().chain(self.spoken.last());
            let pos = newest.map(Occurrence::pos).max()?;
            (self.names, self.at_names) = split_at_position(self.names, pos);
            (self.spoken, self.at_spoken) = split_at_position(self.spoken, pos);
        }
        let group = if self.at_names.is_empty() {
            &mut self.at_spoken
        } else {
            &mut self.at_names
        };
        let (first, rest) = group.split_first()?;
        *group = rest;
        Some(first)
    }
}

/// A slice sorted by position split before its occurrences at `pos`, the
/// latest position in it.
fn split_at_position(occurrences: &[Occurrence], pos: usize) -> (&[Occurrence], &[Occurrence]) {
    let at = occurrences.iter().rev().take_while(|o| o.pos() == pos).count();
    occurrences.split_at(occurrences.len() - at)
}

pub fn resolve(text: &str, segs: &Segments, toks: &Tokens, quotations: &[Quotation], claims: &[Claim]) -> Resolution {
    scan(text, segs, toks, QuotedSpans::new(quotations), claims).link(text, segs, claims)
}

/// Resolution's first half, the only one that reads the tokens: the
/// referents and pronouns found in the text. [`Scanned::link`] does the rest
/// without them, so that a caller can free the tokens (the largest part of a
/// document's memory) first.
pub struct Scanned {
    reg: Registry,
    quoted: QuotedSpans,
    /// Narrative subject pronouns that no claim has as its mention, in order.
    pronouns: Vec<SubjectPronoun>,
}

/// Steps 1 and 2's pronouns (see the module notes): names, surnames, document
/// nouns and subject pronouns; `quoted` from [`QuotedSpans::new`].
pub fn scan(text: &str, segs: &Segments, toks: &Tokens, quoted: QuotedSpans, claims: &[Claim]) -> Scanned {
    let mut reg = Registry {
        sentence_starts: segs.sentences.iter().map(|s| s.start).collect(),
        ..Registry::default()
    };
    // Each sentence's tokens, found once for the four scans below.
    let sentences = token_ranges(toks, &segs.sentences);
    add_name_runs(text, segs, &sentences, toks, &quoted, &mut reg);
    // Later one-word mentions of those people ("Jamil said …", "Mr. Obama").
    let speakers = speaker_surnames(text, claims);
    let surnames = scan_surnames(text, &sentences, toks, &quoted, &speakers, &mut reg);
    reg.names.extend(surnames);
    reg.names.sort_by_key(|o| o.pos());
    reg.documents = scan_documents(text, &sentences, toks, &quoted);
    // Sorted starts rather than a hash set: a third of the memory.
    let mut claimed: Vec<usize> = claims
        .iter()
        .filter_map(|c| c.mention.as_ref().map(|m| m.span.start))
        .collect();
    claimed.sort_unstable();
    let mut pronouns = subject_pronouns(text, &sentences, toks, &quoted);
    pronouns.retain(|p| claimed.binary_search(&p.start()).is_err());
    Scanned { reg, quoted, pronouns }
}

/// 1. Full names anywhere outside quotations: two or more capitalised
///    words, subjects when near the sentence start.
fn add_name_runs(
    text: &str,
    segs: &Segments,
    sentences: &[std::ops::Range<usize>],
    toks: &Tokens,
    quoted: &QuotedSpans,
    reg: &mut Registry,
) {
    // One run at a time, as read: a document of hundreds of MB has
    // millions of them.
    scan_names(text, sentences, toks, |name| {
        add_name_run(text, segs, quoted, reg, name)
    });
}

/// A full-name run read in the text becomes a referent, unless it is quoted
/// or no story name.
fn add_name_run(text: &str, segs: &Segments, quoted: &QuotedSpans, reg: &mut Registry, name: NameRun) {
    if quoted.contains(name.name.start) || !is_story_name(text, segs, &name.name) {
        return;
    }
    let tokens = name_tokens(&text[name.name.clone()]);
    // ("Suncor Energy", "Rogers Communications": a company's name.)
    let company = is_company_name(&tokens);
    let e = match reg.find_by_name(&tokens) {
        Some(e) => e,
        None => reg.add(Entity {
            canonical: text[name.name.clone()].to_string(),
            stype: if company {
                SpeakerType::Organization
            } else {
                SpeakerType::Person
            },
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
    reg.names.push(Occurrence::new(name.name.start, e, name.subject));
}

impl Scanned {
    /// Resolution's second half: each claim's speaker, and the speakers' ids.
    pub fn link(self, text: &str, segs: &Segments, claims: &[Claim]) -> Resolution {
        let Scanned {
            mut reg,
            quoted,
            pronouns,
        } = self;
        let mut speaker_of = claim_speakers(text, claims, pronouns, &mut reg);
        let inferred = infer_unattributed(segs, claims, &reg, &quoted, &mut speaker_of);
        let ids = speaker_ids(&reg.entities, &speaker_of);
        Resolution {
            entities: reg.entities,
            speaker_of,
            ids,
            inferred,
        }
    }
}

/// 2. Claim speakers, in text order of their mentions, with the story's
///    subject pronouns between them ("Clinton … She started … she said").
fn claim_speakers(
    text: &str,
    claims: &[Claim],
    pronouns: Vec<SubjectPronoun>,
    reg: &mut Registry,
) -> Vec<Option<usize>> {
    let mut order: Vec<usize> = (0..claims.len()).filter(|&i| claims[i].mention.is_some()).collect();
    order.sort_by_key(|&i| claims[i].mention.as_ref().map(|m| m.span.start));
    let mut chain = pronouns.into_iter().peekable();
    let mut speaker_of = vec![None; claims.len()];
    let mut last_speaker: Option<usize> = None;
    let mut by_mention: HashMap<(usize, usize), Option<usize>, FastHash> = Default::default();
    for i in order {
        let m = claims[i].mention.as_ref().expect("filtered");
        while let Some(p) = chain.next_if(|p| p.start() < m.span.start) {
            follow_pronoun(text, &p.mention(), reg, last_speaker);
        }
        let key = (m.span.start, m.span.end);
        let e = if let Some(&e) = by_mention.get(&key) {
            e
        } else {
            let e = resolve_mention(text, m, reg, last_speaker);
            by_mention.insert(key, e);
            e
        };
        if let Some(e) = e {
            if m.kind != MentionKind::Pronoun && reg.spoken.last().is_none_or(|o| o.pos() <= m.span.start) {
                reg.spoken.push(Occurrence::new(m.span.start, e, true));
            }
            last_speaker = Some(e);
        }
        speaker_of[i] = e;
    }
    speaker_of
}

/// 3. A quotation nobody attributes takes the person the story was just
///    about: "Chapman admits there were fatalities. ¶ “I can’t say …”",
///    else the person quoted last when that was two paragraphs before at
///    most ("…,” Garland said. ¶ “…” ¶ The fallout was worst for strokes.
///    ¶ “…”). Says which claims got their speaker so.
fn infer_unattributed(
    segs: &Segments,
    claims: &[Claim],
    reg: &Registry,
    quoted: &QuotedSpans,
    speaker_of: &mut [Option<usize>],
) -> Vec<bool> {
    let mut inferred = vec![false; claims.len()];
    let mut spoke: Vec<(usize, usize)> = (0..claims.len())
        .filter_map(|i| speaker_of[i].map(|e| (claims[i].start(), e)))
        .filter(|&(_, e)| reg.entities[e].stype == SpeakerType::Person && reg.entities[e].head.is_none())
        .collect();
    spoke.sort_unstable();
    for (i, c) in claims.iter().enumerate() {
        if c.mention.is_none() && c.kind == crate::record::Kind::Direct && c.rule == "unattributed" {
            let last_quoted = || {
                let n = spoke.partition_point(|&(start, _)| start < c.start());
                let (start, e) = *spoke[..n].last()?;
                (segs.paragraph_of(start) + 2 >= segs.paragraph_of(c.start())).then_some(e)
            };
            if let Some(e) = narrative_subject(reg, segs, quoted, c.start()).or_else(last_quoted) {
                speaker_of[i] = Some(e);
                inferred[i] = true;
            }
        }
    }
    inferred
}

/// 4. Ids by first mention among entities that speak.
fn speaker_ids(entities: &[Entity], speaker_of: &[Option<usize>]) -> Vec<Option<String>> {
    let mut speaking: Vec<usize> = speaker_of.iter().flatten().copied().collect();
    speaking.sort_by_key(|&e| (entities[e].first, e));
    speaking.dedup();
    let mut ids = vec![None; entities.len()];
    for (n, e) in speaking.into_iter().enumerate() {
        ids[e] = Some(format!("S{}", n + 1));
    }
    ids
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

/// The outer spans of the document's quotations, sorted: names inside a
/// quotation are the quoted speaker's words, not the story's referents
/// ("My top science adviser, John Holdren, …," he said).
pub struct QuotedSpans(Vec<Span>);

impl QuotedSpans {
    pub fn new(quotations: &[Quotation]) -> Self {
        let mut spans: Vec<Span> = quotations.iter().map(Quotation::outer).collect();
        spans.sort_by_key(|s| s.start);
        QuotedSpans(spans)
    }

    fn contains(&self, pos: usize) -> bool {
        let i = self.0.partition_point(|s| s.start <= pos);
        i > 0 && pos < self.0[i - 1].end
    }
}

struct NameRun {
    name: Span,
    descriptor: Option<Span>,
    gender: Option<&'static str>,
    subject: bool,
}

#[cfg(test)]
mod recent_tests {
    use super::*;

    /// The merge gives what the stable sort of both kinds did, ties included.
    #[test]
    fn newest_first_is_the_stable_sort() {
        let occ = |pos: usize, who: usize| Occurrence::new(pos, who, false);
        let reg = Registry {
            names: [(3, 0), (5, 1), (5, 2), (9, 3), (12, 4)].map(|(p, w)| occ(p, w)).into(),
            spoken: [(1, 10), (5, 11), (9, 12), (9, 13), (15, 14)]
                .map(|(p, w)| occ(p, w))
                .into(),
            ..Registry::default()
        };
        for pos in [0, 2, 5, 6, 10, 13, 16, 100] {
            let got: Vec<usize> = reg.recent(pos).map(Occurrence::entity).collect();
            let mut all: Vec<&Occurrence> = reg.names.iter().chain(&reg.spoken).filter(|o| o.pos() < pos).collect();
            all.sort_by_key(|o| std::cmp::Reverse(o.pos()));
            let want: Vec<usize> = all.into_iter().map(Occurrence::entity).collect();
            assert_eq!(got, want, "before {pos}");
        }
    }
}

#[cfg(test)]
mod misspelling_tests {
    use super::one_edit_apart;

    #[test]
    fn one_letter_inserted_deleted_or_replaced() {
        assert!(one_edit_apart("mclenney", "mcclenney"));
        assert!(one_edit_apart("mcclenney", "mclenney"));
        assert!(one_edit_apart("johnson", "jonnson"));
        assert!(!one_edit_apart("johnson", "johnson"));
        assert!(!one_edit_apart("johnson", "ohnson"), "the first letter must agree");
        assert!(!one_edit_apart("johnson", "jonsson"), "two letters apart");
        assert!(one_edit_apart("schröder", "schroder"), "compared by chars, not bytes");
        assert!(!one_edit_apart("schröder", "schroeder"), "two chars apart");
    }
}
