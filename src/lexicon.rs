//! The word lists in `data/`, embedded in the binary and parsed once.
//!
//! Lists live in data files rather than code so that a linguist can edit them
//! without reading Rust; each file documents its own format in `#` comments.

use once_cell::sync::Lazy;
use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// FNV-1a: the lexicon's keys are short words, where SipHash's
/// DoS-resistance costs more than the lookup itself.
#[derive(Default)]
pub struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 { 0xcbf2_9ce4_8422_2325 } else { self.0 };
        for &b in bytes {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
        self.0 = h;
    }
}

pub type FastHash = BuildHasherDefault<Fnv>;

/// A word list of the lexicon: the words and their shapes, so that most
/// words asked about (of no listed shape) are answered without hashing.
#[derive(Default)]
pub struct WordSet {
    shapes: WordShapes,
    words: HashSet<String, FastHash>,
}

impl WordSet {
    #[inline]
    pub fn contains(&self, word: &str) -> bool {
        self.shapes.may_hold(word) && self.words.contains(word)
    }

    pub fn insert(&mut self, word: String) {
        self.shapes.add(&word);
        self.words.insert(word);
    }

    pub fn iter(&self) -> impl Iterator<Item = &String> {
        self.words.iter()
    }
}

impl FromIterator<String> for WordSet {
    fn from_iter<I: IntoIterator<Item = String>>(words: I) -> Self {
        let mut set = WordSet::default();
        for w in words {
            set.insert(w);
        }
        set
    }
}

impl IntoIterator for WordSet {
    type Item = String;
    type IntoIter = std::collections::hash_set::IntoIter<String>;
    fn into_iter(self) -> Self::IntoIter {
        self.words.into_iter()
    }
}

impl<'a> IntoIterator for &'a WordSet {
    type Item = &'a String;
    type IntoIter = std::collections::hash_set::Iter<'a, String>;
    fn into_iter(self) -> Self::IntoIter {
        self.words.iter()
    }
}

/// A map keyed by words, with the keys' shapes: most words asked about (of
/// no key's shape) are answered without hashing. (The titles are asked of
/// every word and phrase of a name the mention reader builds.)
pub struct WordMap<V> {
    shapes: WordShapes,
    map: HashMap<String, V, FastHash>,
}

impl<V> WordMap<V> {
    #[inline]
    pub fn get(&self, word: &str) -> Option<&V> {
        if !self.shapes.may_hold(word) {
            return None;
        }
        self.map.get(word)
    }

    #[inline]
    pub fn contains_key(&self, word: &str) -> bool {
        self.get(word).is_some()
    }

    pub fn keys(&self) -> impl Iterator<Item = &String> {
        self.map.keys()
    }
}

impl<V> FromIterator<(String, V)> for WordMap<V> {
    fn from_iter<I: IntoIterator<Item = (String, V)>>(entries: I) -> Self {
        let map: HashMap<String, V, FastHash> = entries.into_iter().collect();
        WordMap {
            shapes: WordShapes::of(map.keys().map(String::as_str)),
            map,
        }
    }
}

/// A set of `'static` words for the membership tests of the hot path.
pub fn word_set(words: &[&'static str]) -> StaticWords {
    StaticWords {
        shapes: WordShapes::of(words.iter().copied()),
        words: words.iter().copied().collect(),
    }
}

/// `word_set`'s set: the words and their shapes, so that most words asked
/// about (of no listed shape) are answered without hashing.
pub struct StaticWords {
    shapes: WordShapes,
    words: HashSet<&'static str, FastHash>,
}

impl StaticWords {
    #[inline]
    pub fn contains(&self, word: &str) -> bool {
        self.shapes.may_hold(word) && self.words.contains(word)
    }
}

/// Which first bytes and lengths the words of a table have: a word of
/// another shape is not in the table, known without hashing it (most words
/// a reader asks about are in no table).
pub struct WordShapes([u64; 256]);

impl Default for WordShapes {
    fn default() -> Self {
        WordShapes([0; 256])
    }
}

impl WordShapes {
    pub fn of<'a>(words: impl Iterator<Item = &'a str>) -> Self {
        let mut shapes = WordShapes::default();
        for w in words {
            shapes.add(w);
        }
        shapes
    }

    pub fn add(&mut self, word: &str) {
        if let Some(&first) = word.as_bytes().first() {
            self.0[usize::from(first)] |= Self::length_bit(word);
        }
    }

    /// False when no word of the table has `word`'s first byte and length
    /// (the empty word is left to the table).
    #[inline]
    pub fn may_hold(&self, word: &str) -> bool {
        word.as_bytes()
            .first()
            .is_none_or(|&first| self.0[usize::from(first)] & Self::length_bit(word) != 0)
    }

    /// One bit per length; lengths from 63 up share the last.
    #[inline]
    fn length_bit(word: &str) -> u64 {
        1 << word.len().min(63)
    }
}

/// `s` in lowercase, borrowed when it already is (most words are).
pub fn lowercase(s: &str) -> Cow<'_, str> {
    if s.bytes().any(|b| b.is_ascii_uppercase()) || !s.is_ascii() {
        Cow::Owned(s.to_lowercase())
    } else {
        Cow::Borrowed(s)
    }
}

/// What a cue says about its clause.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CueClass {
    /// A speech act: said, wrote, argued.
    Speech,
    /// A belief or finding, not speech: believe, seem, polls show.
    Belief,
    /// Evidence or a finding, not speech: polls show, a study found, data
    /// point to. Its source is mostly a document, a poll or a body of data.
    Evidence,
    /// "according to": the source follows the cue.
    According,
    /// Attributes words quoted, never reported content: read, sang.
    Quote,
}

impl CueClass {
    /// The class as written in `data/cues.tsv` and in a record's `cue_class`.
    pub fn as_str(self) -> &'static str {
        match self {
            CueClass::Speech => "speech",
            CueClass::Belief => "belief",
            CueClass::Evidence => "evidence",
            CueClass::According => "according",
            CueClass::Quote => "quote",
        }
    }

    /// Whether a cue of this class reports speech (`--scope speech`):
    /// speech acts, "according to", and "read"/"sing" of words quoted.
    pub fn is_speech(self) -> bool {
        !matches!(self, CueClass::Belief | CueClass::Evidence)
    }

    /// Whether a cue of this class attributes a direct quotation.
    pub fn attributes_quotes(self) -> bool {
        matches!(self, CueClass::Speech | CueClass::Quote)
    }
}

#[derive(Clone, Debug)]
pub struct CueEntry {
    pub form: String,
    pub lemma: String,
    pub class: CueClass,
}

pub struct Lexicon {
    pub cues: Vec<CueEntry>,
    pub abbreviations: WordSet,
    /// First name (lowercase) given to one sex only → that gender.
    pub first_names: HashMap<String, &'static str, FastHash>,
    /// Title (as written, e.g. "Prime Minister") → gender it implies, if any.
    pub titles: WordMap<Option<&'static str>>,
    pub person_nouns: WordSet,
    pub org_nouns: WordSet,
    pub group_nouns: WordSet,
    /// Irregular plural → singular (men → man).
    pub irregular_plurals: HashMap<String, String, FastHash>,
    pub not_speakers: WordSet,
    /// Organisation nouns flagged `business` (company, airline, team …).
    pub business_nouns: WordSet,
    /// Last words of company names ("Suncor Energy", "Rogers Communications").
    pub company_name_words: WordSet,
    /// Ordinary words that never start a name ("Prominent Canadian examples").
    pub lowercase_words: WordSet,
    pub scare_triggers: Vec<String>,
    /// The triggers grouped by their last word, for a quick lookup.
    pub scare_triggers_by_last: HashMap<String, Vec<String>, FastHash>,
    /// Countries, capitals and seats of power: a one-word name among them
    /// stands for a government ("Washington has indicated").
    pub places: WordSet,
    /// Cue lemmas whose content may be a noun phrase ("defended the plan");
    /// other cues need a clause (`data/cue-np-content.txt`).
    pub np_content: WordSet,
    /// Cue lemmas whose content may be a to-infinitive ("vowed to repeal");
    /// after other cues "to" starts no content (`data/cue-infinitive.txt`).
    pub infinitive: WordSet,
    /// Irregular past-tense forms: a clause's verb (`data/irregular-past.txt`).
    pub irregular_past: WordSet,
    /// Present-tense forms that show a clause (`data/present-verbs.txt`).
    pub present_verbs: WordSet,
    /// Base forms of verbs learned from PolNeAR train ("include", "raise").
    pub base_verbs: WordSet,
    /// Nouns that report a claim: "Trump's claim that …" (`data/claim-nouns.txt`).
    pub claim_nouns: WordSet,
    /// Documents, polls and messages that speak for their authors ("her
    /// statement said") (`data/document-nouns.txt`).
    pub document_nouns: WordSet,
    /// Capitalised words before a name that are not part of it: "Rival",
    /// "Republican" (`data/name-modifiers.txt`).
    pub name_modifiers: WordSet,
    /// Lowercase starts of page-furniture paragraphs: "read more:", "watch:",
    /// "story continues below" (`data/furniture-prefixes.txt`).
    pub furniture_prefixes: Vec<String>,
    /// Words that tell a cue's speech sense from another one, by sense
    /// (`data/cue-senses.tsv`: market-cue, phone-object, refusal …).
    pub senses: HashMap<String, WordSet, FastHash>,
}

fn lines(data: &'static str) -> impl Iterator<Item = &'static str> {
    data.lines()
        .map(str::trim_end)
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
}

fn set(data: &'static str, lowercase: bool) -> WordSet {
    lines(data)
        .map(|l| l.split('\t').next().unwrap_or(l).trim())
        .map(|l| if lowercase { l.to_lowercase() } else { l.to_string() })
        .collect()
}

/// The entries of a `noun<TAB>flags` list that carry `flag`.
fn flagged(data: &'static str, flag: &str) -> WordSet {
    lines(data)
        .filter_map(|l| l.split_once('\t'))
        .filter(|(_, flags)| flags.split(',').any(|f| f.trim() == flag))
        .map(|(w, _)| w.trim().to_lowercase())
        .collect()
}

fn gender(s: &str) -> Option<&'static str> {
    match s.trim() {
        "male" => Some("male"),
        "female" => Some("female"),
        _ => None,
    }
}

/// The lexicon, parsed from the embedded data files on first use.
pub static LEXICON: Lazy<Lexicon> = Lazy::new(|| {
    let cues = lines(include_str!("../data/cues.tsv"))
        .filter_map(|l| {
            let mut f = l.split('\t');
            let form = f.next()?.trim().to_lowercase();
            let lemma = f.next()?.trim().to_string();
            let class = match f.next().map(str::trim) {
                Some("belief") => CueClass::Belief,
                Some("evidence") => CueClass::Evidence,
                Some("according") => CueClass::According,
                Some("quote") => CueClass::Quote,
                _ => CueClass::Speech,
            };
            (!form.is_empty()).then_some(CueEntry { form, lemma, class })
        })
        .collect();
    // Titles are keyed without their final period, so "Gen." and "Gen" are
    // one entry and lookups need no copy.
    let titles = lines(include_str!("../data/titles.txt"))
        .map(|l| {
            let mut f = l.split('\t');
            let t = f.next().unwrap_or("").trim().trim_end_matches('.').to_string();
            (t, f.next().and_then(gender))
        })
        .collect();
    let first_names = lines(include_str!("../data/first-names.tsv"))
        .chain(lines(include_str!("../data/first-names-news.tsv")))
        .filter_map(|l| {
            let (name, sex) = l.split_once('\t')?;
            Some((name.trim().to_lowercase(), gender(sex)?))
        })
        .collect();
    let irregular_plurals = lines(include_str!("../data/irregular-plurals.tsv"))
        .filter_map(|l| {
            let mut f = l.split('\t');
            let sg = f.next()?.trim().to_lowercase();
            let pl = f.next()?.trim().to_lowercase();
            Some((pl, sg))
        })
        .collect();
    Lexicon {
        cues,
        abbreviations: set(include_str!("../data/abbreviations.txt"), false),
        titles,
        first_names,
        person_nouns: set(include_str!("../data/person-nouns.txt"), true),
        // Documents, polls and statements speak like organisations ("the
        // report says"), so they share the organisation list.
        org_nouns: set(include_str!("../data/org-nouns.txt"), true)
            .into_iter()
            .chain(set(include_str!("../data/document-nouns.txt"), true))
            .collect(),
        group_nouns: set(include_str!("../data/group-nouns.txt"), true),
        irregular_plurals,
        not_speakers: set(include_str!("../data/not-speakers.txt"), true),
        business_nouns: flagged(include_str!("../data/org-nouns.txt"), "business"),
        company_name_words: set(include_str!("../data/company-name-words.txt"), true),
        lowercase_words: set(include_str!("../data/lowercase-words.txt"), true),
        scare_triggers: lines(include_str!("../data/scare-quote-triggers.txt"))
            .map(|l| l.trim().to_lowercase())
            .collect(),
        scare_triggers_by_last: lines(include_str!("../data/scare-quote-triggers.txt"))
            .map(|l| l.trim().to_lowercase())
            .fold(
                HashMap::default(),
                |mut m: HashMap<String, Vec<String>, FastHash>, t| {
                    let last = t
                        .rsplit(|c: char| !c.is_alphanumeric() && c != '-')
                        .next()
                        .unwrap_or("")
                        .to_string();
                    m.entry(last).or_default().push(t);
                    m
                },
            ),
        places: set(include_str!("../data/places.txt"), false),
        np_content: set(include_str!("../data/cue-np-content.txt"), false),
        infinitive: set(include_str!("../data/cue-infinitive.txt"), false),
        irregular_past: set(include_str!("../data/irregular-past.txt"), false),
        present_verbs: set(include_str!("../data/present-verbs.txt"), false),
        base_verbs: set(include_str!("../data/base-verbs.txt"), false),
        claim_nouns: set(include_str!("../data/claim-nouns.txt"), true),
        name_modifiers: set(include_str!("../data/name-modifiers.txt"), false),
        furniture_prefixes: lines(include_str!("../data/furniture-prefixes.txt"))
            .map(|l| l.trim().to_lowercase())
            .collect(),
        senses: lines(include_str!("../data/cue-senses.tsv")).fold(
            HashMap::default(),
            |mut m: HashMap<String, WordSet, FastHash>, l| {
                if let Some((sense, word)) = l.split_once('\t') {
                    m.entry(sense.trim().to_string())
                        .or_default()
                        .insert(word.trim().to_lowercase());
                }
                m
            },
        ),
        document_nouns: set(include_str!("../data/document-nouns.txt"), true),
    }
});

impl Lexicon {
    /// Whether a lowercase word is listed under `sense` in `data/cue-senses.tsv`.
    pub fn in_sense(&self, sense: &str, word: &str) -> bool {
        self.senses.get(sense).is_some_and(|s| s.contains(word))
    }

    /// Every word whose singular (`singular`) can be one of `singulars`,
    /// and those words themselves: a superset of the words a test "this
    /// noun or its singular is listed" accepts, so that the test can be run
    /// once per candidate and its answers kept in a table (one lookup per
    /// word then instead of up to five).
    pub fn plural_candidates<'a>(&'a self, singulars: impl Iterator<Item = &'a str>) -> Vec<String> {
        let mut out: Vec<String> = self.irregular_plurals.keys().cloned().collect();
        for sg in singulars {
            out.push(sg.to_string());
            out.push(format!("{sg}s"));
            out.push(format!("{sg}es"));
            if let Some(stem) = sg.strip_suffix('y') {
                out.push(format!("{stem}ies"));
            }
        }
        out
    }

    /// The singular of a lowercase noun, by the irregular list or by rule
    /// (borrowed: the mention readers ask for it at most words ending in s).
    pub fn singular<'a>(&'a self, noun: &'a str) -> Cow<'a, str> {
        if let Some(sg) = self.irregular_plurals.get(noun) {
            return Cow::Borrowed(sg);
        }
        // Every rule below takes an s off the end: a word not ending in s
        // is its own singular, without the two list lookups (the document
        // nouns are tested at nearly every word of a text).
        if !noun.ends_with('s') {
            return Cow::Borrowed(noun);
        }
        // A listed word is taken as written ("times", "news", "analysis").
        if self.person_nouns.contains(noun)
            || self.org_nouns.contains(noun)
            || noun.ends_with("is")
            || noun.ends_with("us")
            || noun.ends_with("ss")
        {
            return Cow::Borrowed(noun);
        }
        if noun.ends_with("xes") {
            return Cow::Borrowed(&noun[..noun.len() - 2]);
        }
        if let Some(stem) = noun.strip_suffix("ies") {
            return Cow::Owned(format!("{stem}y"));
        }
        if noun.ends_with("sses") || noun.ends_with("ches") || noun.ends_with("shes") {
            return Cow::Borrowed(&noun[..noun.len() - 2]);
        }
        if noun.len() > 3 && noun.ends_with('s') && !noun.ends_with("ss") {
            return Cow::Borrowed(&noun[..noun.len() - 1]);
        }
        Cow::Borrowed(noun)
    }
}
