//! Candidate speakers: the noun phrase before or after a cue.
//!
//! No parser: a mention is read off the tokens by shape. Leftward from a cue
//! it is the longest run of noun-phrase-like tokens (capitalised words,
//! determiners, modifiers, possessives, "in"/"of" phrases) inside the clause,
//! and it must end in a head we can vouch for: a pronoun, a capitalised name,
//! or a noun from `data/` (person, organisation and group nouns).

use crate::lexicon::{word_set, FastHash, StaticWords, WordShapes, LEXICON};
use once_cell::sync::Lazy;
use std::collections::HashMap;

type Words = Lazy<StaticWords>;
pub static DETERMINERS: Words = Lazy::new(|| word_set(DETERMINERS_LIST));
static STOP: Words = Lazy::new(|| word_set(STOP_LIST));
pub static BETWEEN_SUBJECT_AND_CUE: Words = Lazy::new(|| word_set(BETWEEN_SUBJECT_AND_CUE_LIST));
static PARTICLES: Words = Lazy::new(|| word_set(PARTICLES_LIST));
static PREPOSITIONS_IN_NP: Words = Lazy::new(|| word_set(PREPOSITIONS_IN_NP_LIST));
static WEEKDAYS: Words = Lazy::new(|| word_set(WEEKDAYS_LIST));
use crate::text::Span;
use crate::tokens::{TokKind, Token, Tokens};

/// What kind of source a mention names (the `speaker_type` field).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SpeakerType {
    Person,
    Organization,
    Unnamed,
    Group,
}

impl SpeakerType {
    pub fn as_str(self) -> &'static str {
        match self {
            SpeakerType::Person => "person",
            SpeakerType::Organization => "organization",
            SpeakerType::Unnamed => "unnamed",
            SpeakerType::Group => "group",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MentionKind {
    /// A proper name, possibly with titles: "President Donald Trump".
    Name,
    /// he, she, they, it.
    Pronoun,
    /// who, which: `name` holds the antecedent's span when it was found.
    Relative,
    /// A description: "the journalist", "a senior official", "critics".
    Description,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mention {
    /// The whole phrase as the attribution used it.
    pub span: Span,
    /// Its last (head) token.
    pub head: Span,
    pub kind: MentionKind,
    pub stype: SpeakerType,
    /// The proper name within the phrase, without titles ("Donald Trump").
    pub name: Option<Span>,
    /// Title or role words before the name, or an appositive.
    pub descriptor: Option<Span>,
    pub gender: Option<&'static str>,
}

impl Mention {
    /// A description without name, title or gender ("the journalist").
    pub fn description(span: Span, head: Span, stype: SpeakerType) -> Mention {
        Mention {
            span,
            head,
            kind: MentionKind::Description,
            stype,
            name: None,
            descriptor: None,
            gender: None,
        }
    }
}

#[inline]
fn is_cap(text: &str, t: &Token) -> bool {
    // Called for most tokens the readers pass: no decoding for ASCII.
    t.kind() == TokKind::Word
        && match text.as_bytes()[t.start()] {
            // ("al-Sharaa", "el-Sisi": an Arabic article before the name.)
            b'a' | b'e' => crate::text::arabic_article_name(&text[t.span()]),
            b if b.is_ascii() => b.is_ascii_uppercase(),
            _ => text[t.span()].chars().next().is_some_and(char::is_uppercase),
        }
}

fn is_word(t: &Token) -> bool {
    t.kind() == TokKind::Word
}

const DETERMINERS_LIST: &[&str] = &[
    "the", "a", "an", "one", "another", "some", "many", "several", "most", "other", "his", "her", "their", "its",
    "our", "these", "those", "this", "all", "both", "each", "few", "various", "numerous", "multiple", "two", "three",
    "four", "five", "six", "seven", "eight", "nine", "ten", "dozens", "hundreds", "top", "senior", "former", "no",
];

/// Lowercase words that end a noun phrase read leftward from a cue.
const STOP_LIST: &[&str] = &[
    "that",
    "and",
    "or",
    "but",
    "while",
    "when",
    "as",
    "because",
    "if",
    "since",
    "who",
    "which",
    "whom",
    "whose",
    "where",
    "also",
    "has",
    "have",
    "had",
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "being",
    "will",
    "would",
    "could",
    "should",
    "may",
    "might",
    "can",
    "must",
    "not",
    "than",
    "then",
    "so",
    "after",
    "before",
    "what",
    "how",
    "why",
    "there",
    "here",
    "said",
    "says",
    "did",
    "does",
    "do",
    "even",
    "yet",
    "still",
    "though",
    "although",
    "whether",
    "until",
    "unless",
    "once",
    "just",
    "only",
    "now",
    "already",
    "it",
    "he",
    "she",
    "they",
    "we",
    "i",
    "you",
    "him",
    "them",
    "me",
    "us",
    "by",
    "about",
    "over",
    "into",
    "through",
    "during",
    "against",
    "between",
    "without",
    "under",
    "told",
    "asked",
    "later",
    "again",
    "recently",
    "previously",
    "repeatedly",
    "publicly",
    "privately",
    "reportedly",
    "quickly",
    "never",
    "always",
    "often",
    "too",
    "very",
    "more",
    "less",
    "up",
    "out",
    "off",
    "down",
    "like",
    "all",
    "were",
    "being",
    "per",
    "via",
    "amid",
    "despite",
];

/// Adverbs and auxiliaries allowed between a subject and its cue.
const BETWEEN_SUBJECT_AND_CUE_LIST: &[&str] = &[
    "also",
    "has",
    "have",
    "had",
    "later",
    "then",
    "once",
    "again",
    "repeatedly",
    "publicly",
    "privately",
    "reportedly",
    "previously",
    "recently",
    "further",
    "flatly",
    "simply",
    "quickly",
    "immediately",
    "initially",
    "first",
    "last",
    "often",
    "always",
    "never",
    "frequently",
    "subsequently",
    "separately",
    "similarly",
    "likewise",
    "already",
    "both",
    "all",
    "too",
    "himself",
    "herself",
    "themselves",
    "itself",
    "even",
    "still",
    "just",
    "only",
    "curtly",
    "bluntly",
    "angrily",
    "openly",
    "explicitly",
    "specifically",
    "previously",
    "earlier",
    "would",
    "will",
    "did",
    "does",
    "do",
    "not",
    "has",
    "is",
    "was",
    "are",
    "were",
    "may",
    "might",
    "could",
    "can",
    "should",
    "must",
    "soon",
    "now",
    "long",
    "herself",
    "ultimately",
    "eventually",
    "finally",
    "directly",
    "formally",
    "officially",
    "personally",
];

const WEEKDAYS_LIST: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "yesterday",
    "today",
];

const PARTICLES_LIST: &[&str] = &[
    "de", "la", "le", "van", "von", "der", "den", "del", "della", "da", "di", "du", "bin", "ibn", "al", "el", "ter",
    "dos", "das", "y",
];

const PREPOSITIONS_IN_NP_LIST: &[&str] = &["in", "of", "for", "at", "from", "to", "with", "on"];

/// Subject pronouns, with the speaker type and gender they imply.
/// A subject pronoun with a verb contracted into it ("he’s", "they're",
/// "I'm", "she’ll", "that’s"): the pronoun and the contracted part.
pub fn contracted_subject(w: &str) -> Option<(&str, &str)> {
    // (Asked of most heads: a word with no apostrophe is none, known by its
    // bytes. '’' is E2 80 99 in UTF-8.)
    if !w.bytes().any(|b| b == b'\'' || b == 0xE2) {
        return None;
    }
    let (p, rest) = w.split_once(['’', '\''])?;
    let verb = matches!(rest, "s" | "re" | "m" | "ll" | "ve" | "d");
    let subject = matches!(p, "he" | "she" | "it" | "they" | "we" | "i" | "you" | "there")
        || (rest == "s" && matches!(p, "that" | "what" | "who" | "here"));
    (verb && subject).then_some((p, rest))
}

pub fn pronoun(word: &str) -> Option<(SpeakerType, Option<&'static str>)> {
    match word {
        "he" => Some((SpeakerType::Person, Some("male"))),
        "she" => Some((SpeakerType::Person, Some("female"))),
        "they" => Some((SpeakerType::Group, None)),
        "it" => Some((SpeakerType::Organization, None)),
        _ => None,
    }
}

/// Whether a lowercase noun can head a source description, and as what.
// The mention readers ask at most words; one lookup replaces up to eight.
#[inline]
pub fn noun_type(noun: &str) -> Option<SpeakerType> {
    // (Ages are a pattern, not a list: the table cannot hold them.)
    if noun.starts_with(|c: char| c.is_ascii_digit()) {
        return age_noun_type(noun);
    }
    let (shapes, types) = &*NOUN_TYPES;
    if !shapes.may_hold(noun) {
        return None;
    }
    types.get(noun).copied()
}

/// `noun_type_by_rule` of every noun it types (the listed nouns and their
/// plurals), and their shapes.
static NOUN_TYPES: Lazy<(WordShapes, HashMap<String, SpeakerType, FastHash>)> = Lazy::new(|| {
    let lx = &*LEXICON;
    let singulars = lx.group_nouns.iter().chain(&lx.org_nouns).chain(&lx.person_nouns);
    let types: HashMap<String, SpeakerType, FastHash> = lx
        .plural_candidates(singulars.map(String::as_str))
        .into_iter()
        .filter_map(|w| noun_type_by_rule(&w).map(|t| (w, t)))
        .collect();
    (WordShapes::of(types.keys().map(String::as_str)), types)
});

/// "the 34-year-old said", "two 17-year-olds told police".
fn age_noun_type(noun: &str) -> Option<SpeakerType> {
    match noun
        .trim_start_matches(|c: char| c.is_ascii_digit())
        .strip_prefix('-')?
    {
        "year-old" | "month-old" => Some(SpeakerType::Unnamed),
        "year-olds" => Some(SpeakerType::Group),
        _ => None,
    }
}

fn noun_type_by_rule(noun: &str) -> Option<SpeakerType> {
    let lx = &*LEXICON;
    if lx.group_nouns.contains(noun) {
        return Some(SpeakerType::Group);
    }
    if lx.org_nouns.contains(noun) {
        return Some(SpeakerType::Organization);
    }
    if lx.person_nouns.contains(noun) {
        return Some(SpeakerType::Unnamed);
    }
    // Only a plural can name something more.
    if !noun.ends_with('s') && !lx.irregular_plurals.contains_key(noun) {
        return None;
    }
    let singular = lx.singular(noun);
    let plural = singular != noun || lx.irregular_plurals.contains_key(noun);
    if lx.group_nouns.contains(noun) {
        return Some(SpeakerType::Group);
    }
    if lx.org_nouns.contains(noun) || (plural && lx.org_nouns.contains(&singular)) {
        return Some(SpeakerType::Organization);
    }
    if lx.person_nouns.contains(noun) {
        return Some(SpeakerType::Unnamed);
    }
    if plural && lx.person_nouns.contains(&singular) {
        return Some(SpeakerType::Group);
    }
    // "goalies", "rookies": the plural of a noun in "-ie", not "-y".
    if noun.ends_with("ies") && lx.person_nouns.contains(&noun[..noun.len() - 1]) {
        return Some(SpeakerType::Group);
    }
    None
}

fn not_speaker(text: &str, toks: &Tokens, t: &Token) -> bool {
    LEXICON.not_speakers.contains(toks.lower_of(t, text))
}

/// The mention ending just before token `end` (exclusive), not reaching
/// before token `lo`. Skips adverbs and auxiliaries before the cue and an
/// appositive or parenthetical between commas ("X, a former envoy, said").
pub fn mention_before(text: &str, toks: &Tokens, lo: usize, end: usize) -> Option<Mention> {
    mention_before_opts(text, toks, lo, end, false)
}

/// [`mention_before`] that, when `loose`, also accepts a determiner and any
/// plain noun as a description ("the announcer said, “…”"): for patterns
/// whose syntax alone makes the phrase a speaker.
pub fn mention_before_loose(text: &str, toks: &Tokens, lo: usize, end: usize) -> Option<Mention> {
    mention_before_opts(text, toks, lo, end, true)
}

fn mention_before_opts(text: &str, toks: &Tokens, lo: usize, end: usize, loose: bool) -> Option<Mention> {
    mention_before_depth(text, toks, lo, end, loose, 0)
}

/// How many nested phrases (appositive, relative clause, parenthetical,
/// coordination) one reading may look through. Each level can try two
/// readings, so an unbounded depth is exponential on ",,,,, which" runs
/// (found by the fuzzer; see tests/regressions.rs).
const MAX_NESTING: u8 = 3;

/// Where a post-modifier that ends at token `j` starts: "familiar with the
/// matter", "close to him", "with knowledge of the talks", "briefed on the
/// plan", "I interviewed", "we spoke to".
fn post_modifier_start(text: &str, toks: &Tokens, lo: usize, j: usize) -> Option<usize> {
    let w = |k: usize| toks.lower(k, text);
    let words = |a: usize| (a..j).all(|k| is_word(&toks[k]) || matches!(&text[toks[k].span()], "’" | "'"));
    // A pronoun subject and a verb: "the experts I interviewed".
    if j >= lo + 3 && matches!(w(j - 2), "i" | "we") && w(j - 1).ends_with("ed") {
        return Some(j - 2);
    }
    if j >= lo + 4 && matches!(w(j - 3), "i" | "we") && matches!(w(j - 1), "to" | "with") {
        return Some(j - 3);
    }
    // A restrictive relative clause: "Those who know him", "residents who
    // live nearby" (no comma before "who").
    if let Some(k) = (j.saturating_sub(6).max(lo + 1)..j.saturating_sub(1)).find(|&k| w(k) == "who" && words(k)) {
        return Some(k);
    }
    // An adjective or participle and its prepositional object (1–5 words).
    if let Some(k) = (j.saturating_sub(7).max(lo + 1)..j.saturating_sub(1))
        .find(|&k| opens_post_modifier(w(k), w(k + 1)) && words(k))
    {
        return Some(k);
    }
    // A past participle after a group: "those involved", "people arrested
    // last week", "residents affected by the fire" (1–5 words).
    (j.saturating_sub(6).max(lo + 1)..j).find(|&k| {
        let participle = w(k);
        let group = w(k - 1);
        participle.len() > 4
            && participle.ends_with("ed")
            && (matches!(group, "those" | "people" | "residents" | "workers" | "voters" | "students" | "officials")
                || (group.len() > 4 && group.ends_with('s') && noun_type(group).is_some()))
            // (Not a past verb: "protesters continued to call for …".)
            && (k + 1 == j
                || matches!(
                    w(k + 1),
                    "by" | "in" | "at" | "on" | "during" | "last" | "this" | "after" | "from" | "with" | "for" | "since"
                ))
            && words(k)
    })
}

/// "The volunteers, many of whom say …": a part of the group named before
/// the comma, as a relative mention ending at token `j` (exclusive).
fn quantified_relative(text: &str, toks: &Tokens, lo: usize, j: usize, loose: bool, depth: u8) -> Option<Mention> {
    if j < lo + 3 || toks.lower(j - 1, text) != "whom" || toks.lower(j - 2, text) != "of" {
        return None;
    }
    let q = j - 3;
    let quantifier = matches!(
        toks.lower(q, text),
        "many" | "most" | "some" | "all" | "several" | "few" | "both" | "none" | "one" | "two" | "three" | "half"
    );
    if !quantifier {
        return None;
    }
    let antecedent = (q > lo && &text[toks[q - 1].span()] == ",")
        .then(|| mention_before_depth(text, toks, lo, q - 1, loose, depth + 1))
        .flatten();
    Some(Mention {
        span: toks[q].start()..toks[j - 1].end(),
        head: toks[q].span(),
        kind: MentionKind::Relative,
        stype: SpeakerType::Group,
        name: antecedent.map(|a| a.span),
        descriptor: None,
        gender: None,
    })
}

fn opens_post_modifier(a: &str, b: &str) -> bool {
    matches!(
        (a, b),
        ("familiar", "with")
            | ("close", "to")
            | ("with", "knowledge")
            | ("briefed", "on")
            | ("involved", "in")
            | ("knowledgeable", "about")
            | ("aware", "of")
    )
}

fn mention_before_depth(text: &str, toks: &Tokens, lo: usize, end: usize, loose: bool, depth: u8) -> Option<Mention> {
    if depth > MAX_NESTING {
        return None;
    }
    let mut j = end;
    loop {
        while j > lo
            && is_word(&toks[j - 1])
            && BETWEEN_SUBJECT_AND_CUE.contains(toks.lower(j - 1, text))
            && !is_surname_word(text, toks, j - 1)
        {
            j -= 1;
        }
        // A time between subject and cue: "Sanders on Tuesday said",
        // "Clinton last week said", "Obama Wednesday said".
        let w = if j > lo { toks.lower(j - 1, text) } else { "" };
        if WEEKDAYS.contains(w)
            || matches!(
                w,
                "week" | "month" | "year" | "night" | "morning" | "evening" | "afternoon"
            )
        {
            let mut k = j - 1;
            if k > lo
                && matches!(
                    toks.lower(k - 1, text),
                    "on" | "last"
                        | "this"
                        | "earlier"
                        | "late"
                        | "early"
                        | "wednesday"
                        | "tuesday"
                        | "monday"
                        | "thursday"
                        | "friday"
                        | "saturday"
                        | "sunday"
                )
            {
                k -= 1;
                if k > lo && toks.lower(k - 1, text) == "on" {
                    k -= 1;
                }
            }
            if k > lo {
                j = k;
                continue;
            }
        }
        break;
    }
    // "People familiar with the matter said", "the experts I interviewed
    // said", "Those close to him say": the phrase before a post-modifier,
    // its span taking the modifier in.
    if let Some(head_end) = post_modifier_start(text, toks, lo, j) {
        if let Some(mut m) = mention_before_depth(text, toks, lo, head_end, loose, depth + 1) {
            if matches!(m.kind, MentionKind::Description | MentionKind::Pronoun) {
                m.span.end = toks[j - 1].end();
                return Some(m);
            }
        }
    }
    if let Some(m) = quantified_relative(text, toks, lo, j, loose, depth) {
        return Some(m);
    }
    // "Mr. Kamin, who emphasized that …": the relative pronoun is the
    // mention the attribution uses; entities resolve it to its antecedent.
    if j > lo && j < end + 1 && matches!(toks.lower(j - 1, text), "who" | "which") {
        let t = &toks[j - 1];
        let antecedent = (j >= 2 && &text[toks[j - 2].span()] == ",")
            .then(|| mention_before_depth(text, toks, lo, j - 2, loose, depth + 1))
            .flatten();
        let (stype, gender) = antecedent
            .as_ref()
            .map_or((SpeakerType::Person, None), |a| (a.stype, a.gender));
        return Some(Mention {
            span: t.span(),
            head: t.span(),
            kind: MentionKind::Relative,
            stype,
            name: antecedent.as_ref().map(|a| a.span.clone()),
            descriptor: None,
            gender,
        });
    }
    // "Kall -- co-editor of Debating The Donald -- said": a dashed appositive.
    if j > lo && matches!(&text[toks[j - 1].span()], "—" | "–" | "-") {
        let dash = |k: usize| matches!(&text[toks[k].span()], "—" | "–" | "-");
        let mut close = j - 1;
        while close > lo && dash(close - 1) {
            close -= 1;
        }
        if let Some(mut open) = (close.saturating_sub(25).max(lo)..close).rev().find(|&k| dash(k)) {
            while open > lo && dash(open - 1) {
                open -= 1;
            }
            if open > lo {
                return mention_before_depth(text, toks, lo, open, loose, depth + 1);
            }
        }
        return None;
    }
    if j > lo && &text[toks[j - 1].span()] == "," {
        // "X, a former U.S. ambassador to Russia, said" / "X, pointing to Y, wrote"
        // / "Dr. Connie Mariano, who as a Navy captain was …, said"
        let close = j - 1;
        if let Some(who) = (close.saturating_sub(60).max(lo)..close)
            .rev()
            .find(|&k| k >= 1 && matches!(toks.lower(k, text), "who" | "which") && &text[toks[k - 1].span()] == ",")
        {
            // ("Schiff, 56, who has served …, told": an appositive before
            // the relative clause; its closing comma ends that reading.)
            if let Some(m) = mention_before_depth(text, toks, lo, who - 1, loose, depth + 1)
                .or_else(|| mention_before_depth(text, toks, lo, who, loose, depth + 1))
            {
                return Some(m);
            }
        }
        let mut k = close;
        // (Up to 30 words: "David Kamin, an outside adviser to the campaign on
        // tax and budget issues and an associate professor at …, said".)
        while k > lo && close - k < 30 {
            k -= 1;
            let s = &text[toks[k].span()];
            if s == "," {
                let inner = k + 1..close;
                // Only an appositive or a parenthetical phrase may stand
                // between subject and cue, not a clause ("…, and the meeting
                // deteriorated from there, said one source").
                let first = toks.lower(k + 1, text);
                if matches!(
                    first,
                    "and"
                        | "but"
                        | "or"
                        | "so"
                        | "while"
                        | "because"
                        | "although"
                        | "though"
                        | "if"
                        | "when"
                        | "whereas"
                        | "as"
                ) {
                    return None;
                }
                let mut m = mention_before_depth(text, toks, lo, k, loose, depth + 1)?;
                if let Some(d) = appositive(text, toks, inner) {
                    if m.kind == MentionKind::Name {
                        m.descriptor = Some(d);
                    }
                }
                return Some(m);
            }
            if toks[k].kind() == TokKind::Punct && !matches!(s, "’" | "'" | "-" | "$" | "%") || toks.para_start(k) {
                break;
            }
        }
        return None;
    }
    // "Rep. Gwen Moore (D-Wis.) said": the parenthetical is part of the phrase.
    if j > lo && &text[toks[j - 1].span()] == ")" {
        if let Some(open) = (j.saturating_sub(10).max(lo)..j - 1)
            .rev()
            .find(|&k| &text[toks[k].span()] == "(")
        {
            if open > lo {
                if let Some(mut m) = mention_before_depth(text, toks, lo, open, loose, depth + 1) {
                    m.span.end = toks[j - 1].end();
                    return Some(m);
                }
            }
        }
    }
    let end = j;
    let k = scan_phrase_left(text, toks, lo, end, end);
    if k == end {
        return None;
    }
    // "During the meeting he said": a subject pronoun ends a fronted phrase
    // that has no comma; it is the subject alone. (Elsewhere a noun and a
    // pronoun open a relative clause: "told about the first time he
    // admitted …".)
    if end > k + 1 && pronoun(toks.lower(end - 1, text)).is_some() && opens_with_preposition(text, toks, lo, k) {
        return build(text, toks, end - 1, end, loose);
    }
    // "In a statement the company said": a description after the fronted
    // phrase's last determiner is the subject.
    if opens_with_preposition(text, toks, lo, k) {
        let start = description_after_fronted_phrase(text, toks, k, end);
        if let Some(m) = (start > k).then(|| build(text, toks, start, end, loose)).flatten() {
            if m.kind == MentionKind::Description {
                return Some(m);
            }
        }
    }
    // "In May Trump said": the month is the time, not a first name.
    // (The phrase may hold the preposition: "In May Trump".)
    let k = match (k..(k + 2).min(end - 1)).find(|&t| month_after_preposition(text, toks, lo, t)) {
        Some(month) => month + 1,
        None => k,
    };
    let m = match build(text, toks, k, end, loose) {
        Some(m) => m,
        // "In a meeting with the board Trump said": a name after a fronted
        // phrase with no comma.
        None if trailing_name_start(text, toks, lo, k, end).is_some() => {
            build(text, toks, trailing_name_start(text, toks, lo, k, end)?, end, loose)?
        }
        // "Experts on North Korea and nuclear nonproliferation said": the
        // words after "and" are no phrase of their own; read on past it.
        None if k > lo + 1 && toks.lower(k - 1, text) == "and" => {
            let k2 = scan_phrase_left(text, toks, lo, k - 1, end);
            if k2 == k - 1 {
                return None;
            }
            build(text, toks, k2, end, loose)?
        }
        None => return None,
    };
    // "Many Iranian opposition activists and some analysts argue": two
    // descriptions joined by "and" are one group.
    let first = token_at_start(toks, m.span.start);
    if m.kind == MentionKind::Description && first > lo + 1 && toks.lower(first - 1, text) == "and" {
        if let Some(left) = mention_before_depth(text, toks, lo, first - 1, loose, depth + 1) {
            if left.kind == MentionKind::Description && left.span.end == toks[first - 2].end() {
                return Some(Mention {
                    span: left.span.start..m.span.end,
                    stype: SpeakerType::Group,
                    ..m
                });
            }
        }
    }
    // "Smith and Jones wrote": two names joined by "and" speak together, a
    // group described by both names (no one person's name).
    if m.kind == MentionKind::Name && first > lo + 1 && toks.lower(first - 1, text) == "and" {
        if let Some(left) = mention_before_depth(text, toks, lo, first - 1, loose, depth + 1) {
            let adjacent = left.span.end == toks[first - 2].end();
            // (People only: "The Food and Drug Administration" is one name.)
            let people = left.stype == SpeakerType::Person && m.stype == SpeakerType::Person;
            let the = toks.lower(token_at_start(toks, left.span.start), text) == "the";
            if left.kind == MentionKind::Name && adjacent && people && !the {
                return Some(Mention::description(
                    left.span.start..m.span.end,
                    m.head,
                    SpeakerType::Group,
                ));
            }
        }
    }
    Some(m)
}

/// Whether token `k` is a month name after a preposition of time ("in
/// May", "since March", "last June").
pub(crate) fn month_after_preposition(text: &str, toks: &Tokens, lo: usize, k: usize) -> bool {
    // (The preposition first: this runs at every capitalised word.)
    k > lo
        && matches!(
            toks.lower(k - 1, text),
            "in" | "since" | "until" | "by" | "through" | "last" | "early" | "late" | "mid" | "next" | "this"
        )
        && crate::furniture::MONTHS
            .iter()
            .any(|m| m.eq_ignore_ascii_case(toks.lower(k, text)))
}

/// Where the run of capitalised words that ends the phrase `k..end` starts,
/// when the sentence (from token `lo`) opens with a preposition and a lowercase
/// noun comes before the run ("In a meeting with the board Trump"; not after
/// a determiner: in "the Washington Post Trump" the run is no one name; nor
/// without the preposition: "the 10-year Treasury note rose").
fn trailing_name_start(text: &str, toks: &Tokens, lo: usize, k: usize, end: usize) -> Option<usize> {
    let start = (k..end).rev().take_while(|&t| is_cap(text, &toks[t])).last()?;
    let before = toks.lower(start.checked_sub(1)?, text);
    (opens_with_preposition(text, toks, lo, k) && start > k && !DETERMINERS.contains(before)).then_some(start)
}

/// Where a description may start in a phrase `k..end` read back from a cue
/// in a sentence that opens with a preposition and no comma: at the
/// phrase's last inner article ("In a statement the company said").
fn description_after_fronted_phrase(text: &str, toks: &Tokens, k: usize, end: usize) -> usize {
    (k + 1..end)
        .rev()
        .find(|&d| matches!(toks.lower(d, text), "the" | "a" | "an") && !is_cap(text, &toks[d - 1]))
        .unwrap_or(k)
}

/// Whether the sentence (from token `lo`, after a leading "But" or "And")
/// opens with a preposition at or before the phrase starting at token `k`,
/// with no comma between:
/// "In a meeting with the board …", "During the meeting …".
fn opens_with_preposition(text: &str, toks: &Tokens, lo: usize, k: usize) -> bool {
    let opener = if matches!(toks.lower(lo, text), "but" | "and" | "yet") {
        lo + 1
    } else {
        lo
    };
    opener <= k
        && (opener..k).all(|t| is_word(&toks[t]))
        && LEXICON.in_sense("fronted-preposition", toks.lower(opener, text))
}

/// "the report said", "according to a new report by Politico": a document
/// noun that is also a cue ("report") after the phrase's determiner (and up
/// to two modifiers) is the phrase's noun.
fn document_after_determiner(text: &str, toks: &Tokens, k: usize, start: usize, w: &str) -> bool {
    if !LEXICON.document_nouns.contains(&LEXICON.singular(w)) {
        return false;
    }
    // ("a new report", "the latest annual report": up to two modifiers
    // between the determiner and the noun.)
    let modifier = |j: usize| {
        let m = toks.lower(j, text);
        toks[j].kind() == TokKind::Word && !STOP.contains(m) && !crate::cues::is_cue_word(m)
    };
    (1..=3).any(|back| {
        k >= start + back && DETERMINERS.contains(toks.lower(k - back, text)) && (k - back + 1..k).all(modifier)
    })
}

/// Where a phrase read leftward from token `end` (exclusive) starts; `limit`
/// is where the whole phrase ends (the preposition rule looks past `end`).
fn scan_phrase_left(text: &str, toks: &Tokens, lo: usize, end: usize, limit: usize) -> usize {
    let mut k = end;
    while k > lo && limit - k < 14 {
        let t = &toks[k - 1];
        if t.kind() == TokKind::Punct {
            let s = &text[t.span()];
            // "senators’ aides": a possessive plural mark inside the phrase.
            let possessive = matches!(s, "’" | "'")
                && k >= 2
                && text[toks[k - 2].span()].ends_with('s')
                && toks[k - 2].end() == t.start();
            if !possessive {
                break;
            }
        } else {
            let w = toks.lower_of(t, text);
            if STOP.contains(w) && !(k == limit && pronoun(w).is_some()) && !is_surname_word(text, toks, k - 1) {
                break;
            }
            // ("The reports say …": a document noun is the phrase's head,
            // not a cue.)
            let document_head = k == limit && LEXICON.document_nouns.contains(&LEXICON.singular(w));
            if crate::cues::is_cue_word(w) && !is_cap(text, t) && !document_head {
                break;
            }
            if PREPOSITIONS_IN_NP.contains(w) {
                // Only "X in London", "ambassador to Russia": a preposition
                // followed by a capitalised word or a determiner.
                let after = toks.get(k);
                let ok = after
                    .is_some_and(|a| k < limit && (is_cap(text, a) || DETERMINERS.contains(toks.lower_of(a, text))));
                if !ok {
                    break;
                }
            }
        }
        if toks.para_start(k - 1) {
            k -= 1;
            break;
        }
        k -= 1;
    }
    k
}

fn token_at_start(toks: &Tokens, pos: usize) -> usize {
    toks.partition_point(|t| t.start() < pos)
}

/// An appositive between commas: a description ("a former U.S. ambassador to
/// Russia") or a title phrase, not a participle clause ("pointing to ...").
fn appositive(text: &str, toks: &Tokens, r: std::ops::Range<usize>) -> Option<Span> {
    if r.is_empty() {
        return None;
    }
    let first = toks.lower(r.start, text);
    let good = DETERMINERS.contains(first) || is_cap(text, &toks[r.start]);
    let participle = first.ends_with("ing") || first.ends_with("ed");
    (good && !participle).then(|| toks[r.start].start()..toks[r.end - 1].end())
}

/// The mention starting at token `start` ("said Karen Walsh, a spokeswoman").
pub fn mention_after(text: &str, toks: &Tokens, start: usize, hi: usize) -> Option<Mention> {
    match mention_after_at(text, toks, start, hi) {
        // "Chinese foreign ministry spokeswoman Hua Chunying shot back": a
        // capitalised modifier read alone is not the mention when a role
        // and a name follow it.
        Some(m) if m.kind == MentionKind::Name && token_at_start(toks, m.span.end) == start + 1 => {
            role_then_name(text, toks, start, hi).or(Some(m))
        }
        Some(m) => Some(m),
        None => role_then_name(text, toks, start, hi),
    }
}

/// "said oil and gas worker Mike Wipf", "says gas and diesel mechanic Sam
/// Ortiz": lowercase modifiers the reader cannot take (they hold "and")
/// before a role noun and a name. The name is the mention; the words before
/// it are its descriptor.
fn role_then_name(text: &str, toks: &Tokens, start: usize, hi: usize) -> Option<Mention> {
    let words = (start..hi.min(start + 8))
        .take_while(|&k| toks[k].kind() == TokKind::Word && !(k > start && toks.para_start(k)));
    let role = words
        .filter(|&k| k + 1 < hi && is_cap(text, &toks[k + 1]) && !is_cap(text, &toks[k]))
        .find(|&k| LEXICON.person_nouns.contains(toks.lower(k, text)))?;
    let mut m = mention_after_at(text, toks, role + 1, hi)?;
    if m.kind != MentionKind::Name || m.stype != SpeakerType::Person {
        return None;
    }
    m.descriptor = Some(toks[start].start()..toks[role].end());
    m.span.start = toks[start].start();
    Some(m)
}

fn mention_after_at(text: &str, toks: &Tokens, start: usize, hi: usize) -> Option<Mention> {
    // "said 9/11 widow Terry Strada": a date-like modifier before the phrase.
    let numeric = |k: usize| {
        toks.get(k)
            .is_some_and(|t| text[t.span()].bytes().all(|b| b.is_ascii_digit()))
    };
    let start = if start + 3 < hi && numeric(start) && &text[toks[start + 1].span()] == "/" && numeric(start + 2) {
        start + 3
    } else {
        start
    };
    let mut k = start;
    let mut last_head: Option<usize> = None;
    let mut paren_end: Option<usize> = None;
    while k < hi && k - start < 10 {
        let t = &toks[k];
        if k > start && toks.para_start(k) {
            break;
        }
        if t.kind() == TokKind::Punct {
            // "said Rep. Gwen Moore (D-Wis.)": keep a short parenthetical.
            if last_head.is_some() && &text[t.span()] == "(" {
                if let Some(close) = (k + 1..(k + 10).min(hi)).find(|&c| &text[toks[c].span()] == ")") {
                    paren_end = Some(close);
                }
            }
            break;
        }
        let w = toks.lower_of(t, text);
        if k == start {
            if let Some(_p) = pronoun(w) {
                return build(text, toks, k, k + 1, false);
            }
        }
        if (STOP.contains(w) && !is_surname_word(text, toks, k))
            || (crate::cues::is_cue_word(w)
                && !is_cap(text, t)
                && !modifies_next_noun(text, toks, k, start, hi)
                && !document_after_determiner(text, toks, k, start, w))
        {
            break;
        }
        // After a head only more of the name, a compound noun or a
        // prepositional phrase may follow ("Trump began" ends at "Trump").
        if last_head.is_some()
            && !(is_cap(text, t) || noun_type(w).is_some() || PREPOSITIONS_IN_NP.contains(w) || PARTICLES.contains(w))
        {
            break;
        }
        if PREPOSITIONS_IN_NP.contains(w) {
            let next = toks.get(k + 1);
            let ok = last_head.is_some()
                && next.is_some_and(|a| is_cap(text, a) || DETERMINERS.contains(toks.lower_of(a, text)));
            if !ok {
                break;
            }
            // "minister of foreign affairs" but not "said on Friday".
            if next.is_some_and(|a| not_speaker(text, toks, a)) {
                break;
            }
        }
        if is_cap(text, t) || noun_type(w).is_some() {
            last_head = Some(k);
        }
        k += 1;
    }
    let head = last_head?;
    let mut m = build(text, toks, start, head + 1, false)?;
    let head = match paren_end {
        Some(close) if close > head => {
            m.span.end = toks[close].end();
            close
        }
        _ => head,
    };
    // An appositive after a comma: "said Karen Walsh, a spokeswoman for the union".
    if m.kind == MentionKind::Name && toks.get(head + 1).is_some_and(|t| &text[t.span()] == ",") {
        let a = head + 2;
        let mut e = a;
        while e < hi && e - a < 12 && toks[e].kind() == TokKind::Word && !toks.para_start(e) {
            e += 1;
        }
        if let Some(d) = appositive(text, toks, a..e) {
            m.descriptor = Some(d);
        }
    }
    // "said a person familiar with the talks": the post-modifier belongs to
    // the description (to the end of its words, at most six).
    if m.kind == MentionKind::Description {
        let after = head + 1;
        let e = (after..(after + 8).min(hi))
            .take_while(|&k| toks[k].kind() == TokKind::Word && !toks.para_start(k))
            .last();
        let opens = after + 1 < hi && opens_post_modifier(toks.lower(after, text), toks.lower(after + 1, text));
        if let Some(e) = e.filter(|&e| opens && e > after + 1) {
            m.span.end = toks[e].end();
        }
    }
    Some(m)
}

/// "according to show insiders": a cue word opening the phrase, before a
/// noun of people, is the noun's modifier, not a verb.
fn modifies_next_noun(text: &str, toks: &Tokens, k: usize, start: usize, hi: usize) -> bool {
    k == start && k + 1 < hi && toks[k + 1].kind() == TokKind::Word && noun_type(toks.lower(k + 1, text)).is_some()
}

/// "Cameron Easley for Morning Consult", "Kent Moore at the University of
/// Toronto", "Mr. Morgan of the Sierra Club": a person's name of two or more
/// capitalised words before "for", "at", "with" or "from" (or "of" after a
/// title: "Bank of America" is one name) is the head; what follows is where
/// they work.
fn person_before_preposition(text: &str, toks: &Tokens, s: usize, e: usize) -> Option<usize> {
    let p = (s + 2..e).find(|&p| matches!(toks.lower(p, text), "for" | "at" | "with" | "from" | "of"))?;
    let mut run = p;
    while run > s && (is_cap(text, &toks[run - 1]) || &text[toks[run - 1].span()] == ".") {
        run -= 1;
    }
    let words = (run..p).filter(|&k| is_cap(text, &toks[k])).count();
    let org = (run..p).any(|k| LEXICON.org_nouns.contains(toks.lower(k, text)));
    let the = run > s && toks.lower(run - 1, text) == "the";
    let titled = LEXICON
        .titles
        .contains_key(text[toks[run].span()].trim_end_matches('.'));
    let of_ok = toks.lower(p, text) != "of" || titled;
    (words >= 2 && !org && !the && of_ok).then_some(p)
}

/// A capitalised modal after a capitalised first name or a title, or beside
/// a cue word, is a surname ("Theresa May", "Ms. May", "May said"), not the
/// verb "may".
fn is_surname_word(text: &str, toks: &Tokens, k: usize) -> bool {
    let prev_is_title = |k: usize| {
        let w = &text[toks[k].span()];
        (w == "." && k >= 1 && LEXICON.titles.contains_key(&text[toks[k - 1].span()]))
            || LEXICON.titles.contains_key(w.trim_end_matches('.'))
    };
    // ("“It is done,” May said", "said Will.": a capitalised modal right
    // before or after a cue word is a name; the verb "may" takes a verb.)
    let next_to_cue = |j: Option<usize>| {
        j.and_then(|j| toks.get(j))
            .is_some_and(|t| crate::cues::is_cue_word(toks.lower_of(t, text)))
    };
    let beside_cue = is_cap(text, &toks[k]) && (next_to_cue(Some(k + 1)) || next_to_cue(k.checked_sub(1)));
    beside_cue
        || (k >= 1
            && is_cap(text, &toks[k])
            && !toks.para_start(k)
            && (is_cap(text, &toks[k - 1]) || prev_is_title(k - 1))
            && toks[k - 1].end() < toks[k].start())
}

/// Builds a mention from tokens `s..e`, trimming words that cannot begin a
/// phrase; None if the head is not a credible source.
fn build(text: &str, toks: &Tokens, mut s: usize, e: usize, loose: bool) -> Option<Mention> {
    // Drop leading words that cannot start a phrase ("Yesterday", "But").
    while s < e {
        let t = &toks[s];
        let w = toks.lower_of(t, text);
        if DETERMINERS.contains(w) {
            break;
        }
        let startable = is_cap(text, t) || pronoun(w).is_some() || noun_type(w).is_some();
        if startable && !(not_speaker(text, toks, t) && s + 1 < e) {
            break;
        }
        s += 1;
    }
    if s >= e {
        return None;
    }
    let span = toks[s].start()..toks[e - 1].end();
    // "a journalist in London": the head is the noun before the preposition.
    let mut e = e;
    if let Some(p) = (s + 1..e).find(|&p| {
        PREPOSITIONS_IN_NP.contains(toks.lower(p, text))
            && (!is_cap(text, &toks[p - 1]) || (p - 1 == s && noun_type(toks.lower(p - 1, text)).is_some()))
    }) {
        e = p;
    } else if let Some(p) = person_before_preposition(text, toks, s, e) {
        e = p;
    }
    let head = &toks[e - 1];
    let hw = toks.lower_of(head, text);
    // "He’s claiming …": a pronoun with "is" or "are" in it.
    let hw = match contracted_subject(hw) {
        Some((p, "s" | "re")) if s == e - 1 && pronoun(p).is_some() => p,
        _ => hw,
    };
    if let Some((stype, gender)) = pronoun(hw) {
        return (s == e - 1).then_some(Mention {
            span: span.clone(),
            head: head.span(),
            kind: MentionKind::Pronoun,
            stype,
            name: None,
            descriptor: None,
            gender,
        });
    }
    if matches!(hw, "i" | "we" | "you") {
        return None;
    }
    if !is_cap(text, head) {
        let plain_noun = loose
            && s + 1 < e
            && DETERMINERS.contains(toks.lower(s, text))
            && hw.chars().all(char::is_alphabetic)
            && !hw.ends_with("ly")
            && !hw.ends_with("ing")
            && !hw.ends_with("ed")
            && !STOP.contains(hw);
        let stype = noun_type(hw).or(plain_noun.then_some(SpeakerType::Unnamed))?;
        let mut stype = stype;
        let det = toks.lower(s, text);
        // "Bloomberg" in "a Bloomberg reporter" does not make it a name.
        if stype == SpeakerType::Unnamed
            && matches!(det, "some" | "many" | "several" | "most" | "all" | "two" | "three")
        {
            stype = SpeakerType::Group;
        }
        return Some(Mention::description(span, head.span(), stype));
    }
    if not_speaker(text, toks, head) {
        return None;
    }
    // "Others argue", "Critics say": a capitalised common noun at a sentence
    // start is a description, not a name.
    if s == e - 1 || (s == e - 2 && DETERMINERS.contains(toks.lower(s, text))) {
        if let Some(stype) = noun_type(hw) {
            return Some(Mention::description(span, head.span(), stype));
        }
    }
    // "the Kentucky Republican", "the Vermont Democrat": a capitalised
    // person noun after a determiner and capitalised modifiers describes a
    // person; it is not a name.
    if DETERMINERS.contains(toks.lower(s, text))
        && noun_type(hw) == Some(SpeakerType::Unnamed)
        && (s + 1..e).all(|k| is_cap(text, &toks[k]))
    {
        return Some(Mention::description(span, head.span(), SpeakerType::Unnamed));
    }
    // The trailing run of capitalised words (with name particles) is the name.
    let mut n = e - 1;
    while n > s {
        let p = &toks[n - 1];
        let pw = toks.lower_of(p, text);
        let in_name = (is_cap(text, p)
            && !DETERMINERS.contains(pw)
            && !text[p.span()].ends_with("’s")
            && !text[p.span()].ends_with("'s"))
            || (PARTICLES.contains(pw) && n - 1 > s)
            || (pw == "of" && n - 1 > s && is_cap(text, &toks[n - 2]));
        if !in_name {
            break;
        }
        n -= 1;
    }
    // Titles at the front of the run belong to the descriptor.
    let (title_end, gender) = strip_titles(text, toks, n, e);
    let det = toks.lower(s, text);
    let org_head = LEXICON.org_nouns.contains(hw);
    let place = LEXICON.places.contains(&text[toks[n].span()]) && title_end == n;
    if title_end >= e {
        // Only a title ("the President", "Fed chair"): a description.
        return Some(Mention {
            span,
            head: head.span(),
            kind: MentionKind::Description,
            stype: SpeakerType::Unnamed,
            name: None,
            descriptor: None,
            gender,
        });
    }
    // "IRCC", "PBO", "UFCW": a one-word name in capitals is an organisation.
    let capitals = {
        let w = &text[toks[title_end].span()];
        is_capitals(w).then_some(w.len())
    };
    let acronym = title_end == e - 1 && capitals.is_some_and(|n| n >= 2);
    // "CTV News", "CBC Radio", "IBM Canada": a name led by an acronym of
    // three or more capitals is an organisation (two capitals are often a
    // person's initials: "JD Vance").
    let acronym_led = title_end < e - 1 && capitals.is_some_and(|n| n >= 3);
    // "Suncor Energy", "Rogers Communications": a company's name.
    let company = title_end < e - 1 && LEXICON.company_name_words.contains(hw);
    // ("the candidate Hillary Clinton", "the former diplomat Dennis Ross":
    // a person noun before the name makes it a person's.)
    let person_noun_before = (s + 1..n).any(|k| noun_type(toks.lower(k, text)) == Some(SpeakerType::Unnamed))
        && n + 1 < e
        && LEXICON.first_names.contains_key(toks.lower(n, text));
    let the_name = det == "the" && title_end == n && !person_noun_before;
    let stype = if org_head || the_name || place || acronym || acronym_led || company {
        SpeakerType::Organization
    } else {
        SpeakerType::Person
    };
    let mut name = toks[title_end].start()..head.end();
    // "Donald Trump’s claim": the name is Donald Trump.
    for suffix in ["’s", "'s"] {
        if text[name.clone()].ends_with(suffix) && name.len() > suffix.len() {
            name.end -= suffix.len();
        }
    }
    let descriptor = (title_end > s).then(|| toks[s].start()..toks[title_end - 1].end());
    Some(Mention {
        span,
        head: head.span(),
        kind: MentionKind::Name,
        stype,
        name: Some(name),
        descriptor: if stype == SpeakerType::Person { descriptor } else { None },
        gender,
    })
}

/// Skips titles ("President", "Supreme Leader", "Mr.") from token `n`;
/// returns where the name starts and the gender an honorific implies.
fn strip_titles(text: &str, toks: &Tokens, mut n: usize, e: usize) -> (usize, Option<&'static str>) {
    let mut gender = None;
    'outer: while n < e {
        // "Indiana Gov. Mike Pence", "New Jersey Gov. Chris Christie": a
        // place written before a title belongs to the descriptor.
        if let Some(len) = place_before_title(text, toks, n, e) {
            n += len;
            continue;
        }
        for len in (1..=3).rev() {
            if n + len > e {
                continue;
            }
            let phrase = &text[toks[n].start()..toks[n + len - 1].end()];
            let found = LEXICON.titles.get(phrase.trim_end_matches('.'));
            if let Some(g) = found {
                gender = gender.or(*g);
                n += len;
                continue 'outer;
            }
        }
        let w = toks.lower(n, text);
        if matches!(
            w,
            "former" | "then" | "acting" | "deputy" | "vice" | "assistant" | "senior" | "chief"
        ) || is_name_modifier(text, toks, n, e)
        {
            n += 1;
            continue;
        }
        if let Some((name_start, g)) = title_after_modifiers(text, toks, n, e) {
            gender = gender.or(g);
            n = name_start;
        }
        break;
    }
    (n, gender)
}

/// "Manhattan Supreme Court Justice Frank Nervo", "White House Press
/// Secretary Josh Earnest": capitalised words naming where someone serves,
/// then a title, then a name of two or three words. Returns where the name
/// starts and the gender the title implies.
fn title_after_modifiers(text: &str, toks: &Tokens, n: usize, e: usize) -> Option<(usize, Option<&'static str>)> {
    let capitalised = |k: usize| toks[k].kind() == TokKind::Word && is_cap(text, &toks[k]);
    (n + 1..e.saturating_sub(2)).find_map(|t| {
        if !(n..t).all(capitalised) {
            return None;
        }
        (1..=2).find_map(|len| {
            let name_start = t + len;
            let name_words = e.checked_sub(name_start)?;
            let phrase = &text[toks[t].start()..toks[name_start - 1].end()];
            let gender = *LEXICON.titles.get(phrase.trim_end_matches('.'))?;
            ((2..=3).contains(&name_words) && (name_start..e).all(capitalised)).then_some((name_start, gender))
        })
    })
}

/// The length of a place name (one or two words) at token `n` that a title
/// follows.
fn place_before_title(text: &str, toks: &Tokens, n: usize, e: usize) -> Option<usize> {
    (1..=2).find(|&len| {
        n + len < e
            && LEXICON.places.contains(&text[toks[n].start()..toks[n + len - 1].end()])
            && (1..=3).any(|t| {
                n + len + t <= e
                    && LEXICON
                        .titles
                        .contains_key(text[toks[n + len].start()..toks[n + len + t - 1].end()].trim_end_matches('.'))
            })
    })
}

/// A word of at most six ASCII capitals ("IRCC", "EDC", "JD"): an acronym,
/// or with two letters maybe a person's initials.
pub fn is_capitals(word: &str) -> bool {
    word.len() <= 6 && word.bytes().all(|b| b.is_ascii_uppercase())
}

/// "Rival Hillary Clinton", "Organizer Dwayne Croteau", "Calgary-based
/// Suncor Energy": a capitalised party label, adjective, role noun or
/// "-based" locator before a name of two or more words.
fn is_name_modifier(text: &str, toks: &Tokens, n: usize, e: usize) -> bool {
    let capitalised_after = (n + 1..e).filter(|&j| is_cap(text, &toks[j])).count();
    if capitalised_after < 2 || !is_cap(text, &toks[n]) {
        return false;
    }
    let word = &text[toks[n].span()];
    LEXICON.name_modifiers.contains(word)
        || LEXICON.person_nouns.contains(toks.lower(n, text))
        || (word.len() > "-based".len() && toks.lower(n, text).ends_with("-based"))
}

#[cfg(test)]
mod noun_type_tests {
    use super::*;

    /// The table answers as the rule on every word of an article and on
    /// every plural form of the lexicon's nouns (and their capitalised forms).
    #[test]
    fn noun_type_table_agrees_with_the_rule() {
        let lx = &*LEXICON;
        let article = include_str!("../tests/fixtures/iran-talks.txt").to_lowercase();
        let words = article.split(|c: char| !c.is_alphanumeric()).map(str::to_string);
        let nouns = lx
            .document_nouns
            .iter()
            .chain(lx.first_names.keys())
            .chain(&lx.group_nouns);
        let forms = lx.plural_candidates(nouns.map(String::as_str));
        let capitalised = forms.iter().map(|w| w.to_uppercase()).collect::<Vec<_>>();
        for w in words.chain(forms).chain(capitalised) {
            assert_eq!(noun_type(&w), noun_type_by_rule(&w), "{w}");
        }
    }
}
