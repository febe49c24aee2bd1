//! Who is quoted across a corpus (`whosaid sources --across`): one row per
//! source over all documents, optionally per value of input fields (`--by
//! outlet`, `--by date:month`), and one summary row per such group.
//!
//! - A source is grouped by its type and a normalised name key
//!   ([`name_key`]): case, diacritics, leading titles, possessives and the
//!   spelling of initials are folded, so "Dr. José Ruiz" and "Jose Ruiz" are
//!   one person. Nothing else is: a document's "Ruiz" is already "José Ruiz"
//!   in its records when that document named him (speakers are resolved per
//!   document), and a bare "Ruiz" stays its own row, so two people who share
//!   a surname are never merged.
//! - Unnamed people, groups and organisations without a name are one row per
//!   type ("(unnamed person)", "(group)", "(unnamed organization)"), never
//!   merged into a person; their `speakers` counts the per-document speakers.
//! - The state is one [`Entry`] per distinct source per group, not per
//!   record; everything in it is a count or an order-independent extreme, so
//!   tables of disjoint shards merge ([`Across::merge_row`]) into exactly the
//!   table of a single run.

use crate::lexicon::LEXICON;
use crate::record::Record;
use once_cell::sync::Lazy;
use serde::ser::{Serialize, SerializeMap, Serializer};
use serde_json::{Map, Value};
use std::collections::{BTreeMap, HashMap, HashSet};
use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// How a `--by` field's value is cut.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cut {
    Whole,
    /// `YYYY-MM`, the first seven characters of an ISO date.
    Month,
    /// `YYYY`.
    Year,
}

/// One `--by` field: an input JSONL field, maybe cut (`date:month`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct By {
    /// The column of the output: the spec as given (`outlet`, `date:month`).
    pub column: String,
    /// The input field read.
    pub field: String,
    pub cut: Cut,
}

/// Parses `--by outlet,date:month`.
pub fn parse_by(spec: &str) -> Result<Vec<By>, String> {
    let mut out: Vec<By> = Vec::new();
    for part in spec.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        let (field, cut) = match part.split_once(':') {
            None => (part, Cut::Whole),
            Some((f, "month")) => (f, Cut::Month),
            Some((f, "year")) => (f, Cut::Year),
            Some((_, c)) => return Err(format!("{part}: unknown cut {c:?} (month or year)")),
        };
        if field.is_empty() {
            return Err(format!("{part}: no field name"));
        }
        if out.iter().any(|b| b.column == part) {
            return Err(format!("{part}: given twice"));
        }
        out.push(By {
            column: part.to_string(),
            field: field.to_string(),
            cut,
        });
    }
    if out.is_empty() {
        return Err("no field given".into());
    }
    Ok(out)
}

/// A JSON value as a group value: strings as they are (trimmed), numbers
/// and booleans as JSON writes them; null, missing, empty, arrays and objects
/// are no value.
fn text_of(v: Option<&Value>) -> Option<String> {
    match v? {
        Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_string()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

/// `YYYY-MM…` → its first `n` characters (7 for a month, 4 for a year), or
/// nothing when the value does not start like an ISO date.
fn date_prefix(s: &str, n: usize) -> Option<String> {
    let b = s.as_bytes();
    let digits = |r: std::ops::Range<usize>| b.get(r).is_some_and(|d| d.iter().all(u8::is_ascii_digit));
    let ok = digits(0..4) && (n == 4 || (b.get(4) == Some(&b'-') && digits(5..7)));
    ok.then(|| s[..n].to_string())
}

impl By {
    /// This field's value for a document with these input fields.
    pub fn value(&self, fields: &Map<String, Value>) -> Option<String> {
        let v = text_of(fields.get(&self.field))?;
        match self.cut {
            Cut::Whole => Some(v),
            Cut::Month => date_prefix(&v, 7),
            Cut::Year => date_prefix(&v, 4),
        }
    }
}

/// The titles of `data/titles.txt`, folded as names are ("sen", "prime minister").
static TITLES: Lazy<HashSet<String>> = Lazy::new(|| {
    let mut set: HashSet<String> = LEXICON.titles.keys().map(|t| fold_words(t).join(" ")).collect();
    set.remove("");
    set
});

/// Words before a title or a name that the title list leaves to the code.
const MODIFIERS: &[&str] = &[
    "former",
    "the",
    "then",
    "ex",
    "late",
    "acting",
    "interim",
    "outgoing",
    "incoming",
    "presumptive",
];

/// The longest title (in words) in [`TITLES`].
static TITLE_WORDS: Lazy<usize> = Lazy::new(|| TITLES.iter().map(|t| t.split(' ').count()).max().unwrap_or(1));

/// Where the words before a person's name end: after the last title (or
/// leading modifier) that is followed by a name. A title at the start may
/// leave one word ("Dr. Ruiz"); one after other words ("White House Press
/// Secretary Josh Earnest", "Air Force Gen. Norman Ham") must leave two, so
/// that a name with a title word inside ("Mary King Smith") keeps it.
fn title_end(words: &[String]) -> Option<usize> {
    let n = words.len();
    for i in (1..n).rev() {
        for j in i.saturating_sub(*TITLE_WORDS)..i {
            let t = words[j..i].join(" ");
            let title = TITLES.contains(&t);
            let at_start = j == 0 && (title || (i == 1 && MODIFIERS.contains(&t.as_str())));
            if at_start || (title && n - i >= 2) {
                return Some(i);
            }
        }
    }
    None
}

/// Name suffixes dropped at the end of a person's name.
const SUFFIXES: &[&str] = &["jr", "sr", "ii", "iii", "iv"];

/// The words of a name, folded: NFD with combining marks removed,
/// lowercase, curly apostrophes straight, hyphens as spaces, periods and
/// surrounding punctuation removed, possessive `'s` removed, and a run of
/// single letters (initials, "J. K." or "J.K.") written as one word ("jk").
fn fold_words(name: &str) -> Vec<String> {
    let folded: String = name
        .nfd()
        .filter(|c| !is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            '’' | '‘' | '`' | 'ʼ' => '\'',
            '-' | '‐' | '‑' | '–' | '—' => ' ',
            c => c,
        })
        .collect();
    let mut words: Vec<String> = Vec::new();
    let mut initials = String::new();
    for raw in folded.split_whitespace() {
        let w = raw.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'');
        let w = w.strip_suffix("'s").unwrap_or(w);
        let w = w.trim_matches('\'');
        // "J.K." is two initials, "J." one.
        let pieces: Vec<&str> = w.split('.').filter(|p| !p.is_empty()).collect();
        let is_initials = !pieces.is_empty() && pieces.iter().all(|p| p.chars().count() == 1);
        if is_initials {
            initials.extend(pieces);
            continue;
        }
        if !initials.is_empty() {
            words.push(std::mem::take(&mut initials));
        }
        let w: String = w.chars().filter(|&c| c != '.').collect();
        if !w.is_empty() {
            words.push(w);
        }
    }
    if !initials.is_empty() {
        words.push(initials);
    }
    words
}

/// The key sources are grouped by: the folded words of the name
/// ([`fold_words`]), for a person without leading titles and modifiers
/// ("Dr.", "Sen.", "former") or a final "Jr."; the second value says whether
/// a title was removed. Empty when nothing of a name is left.
pub fn name_key_titled(name: &str, person: bool) -> (String, bool) {
    let mut words = fold_words(name);
    let mut titled = false;
    if person {
        while let Some(i) = title_end(&words) {
            words.drain(..i);
            titled = true;
        }
        // Middle initials are folded away ("Donald J. Trump" is "Donald
        // Trump"); a run of them stays ("George H. W. Bush" is "george hw
        // bush", not George W. Bush).
        if words.len() >= 3 {
            let last = words.len() - 1;
            let mut i = 0;
            words.retain(|w| {
                i += 1;
                i == 1 || i - 1 == last || w.chars().count() > 1
            });
        }
        while words.len() > 1 && words.last().is_some_and(|w| SUFFIXES.contains(&w.as_str())) {
            words.pop();
        }
    }
    (words.join(" "), titled)
}

/// [`name_key_titled`] without the flag.
pub fn name_key(name: &str, person: bool) -> String {
    name_key_titled(name, person).0
}

/// The (type, key) of a speaker: named people and organisations by their
/// name key, everybody else by type alone (an empty key).
fn source_key(name: Option<&str>, stype: Option<&str>) -> (String, String) {
    let t = stype.unwrap_or("").to_string();
    let key = match stype {
        Some("unnamed" | "group") => String::new(),
        _ => name.map(|n| name_key(n, stype == Some("person"))).unwrap_or_default(),
    };
    // A person with nothing left of a name is an unnamed person.
    if key.is_empty() && t == "person" {
        return ("unnamed".into(), String::new());
    }
    (t, key)
}

/// A person's name as written, without the titles and modifiers before it
/// ("Dr. José Ruiz" → "José Ruiz").
pub fn without_titles(name: &str) -> String {
    let mut words: Vec<&str> = name.split_whitespace().collect();
    loop {
        let folded: Vec<String> = words.iter().map(|w| fold_words(w).join(" ")).collect();
        match title_end(&folded) {
            Some(i) => drop(words.drain(..i)),
            None => return words.join(" "),
        }
    }
}

/// The name shown for a row without a name key.
fn unnamed_label(stype: &str) -> String {
    match stype {
        "unnamed" => "(unnamed person)".into(),
        "group" => "(group)".into(),
        "organization" => "(unnamed organization)".into(),
        "" => "(unknown type)".into(),
        t => format!("(unnamed {t})"),
    }
}

/// How good a spelling of a name is to show: no title before it and no
/// possessive after it, then more letters with diacritics, then not all
/// capitals, then shorter (no middle initial or "Jr."), then alphabetically
/// first. A total order, so the best of several shards' bests is the best of
/// all.
fn better_name(a: &str, b: &str) -> bool {
    let score = |s: &str| {
        let (_, titled) = name_key_titled(s, true);
        let possessive = ["'s", "’s", "'", "’"].iter().any(|p| s.ends_with(p));
        (
            !titled && !possessive,
            s.chars().filter(|c| !c.is_ascii()).count(),
            s.chars().any(char::is_lowercase),
            std::cmp::Reverse(s.chars().count()),
        )
    };
    match score(a).cmp(&score(b)) {
        std::cmp::Ordering::Equal => a < b,
        o => o == std::cmp::Ordering::Greater,
    }
}

/// A document position: its index in the input (0-based, counting every
/// document read, in every shard) and its id.
pub type DocAt = (u64, String);

/// What is known of one source in one group.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Entry {
    pub name: String,
    /// Documents whose text gave each gender for the source.
    pub gender_docs: BTreeMap<String, u64>,
    pub documents: u64,
    /// Per-document speakers merged into this row.
    pub speakers: u64,
    pub quotes: u64,
    pub direct: u64,
    pub mixed: u64,
    pub indirect: u64,
    pub words_quoted: u64,
    pub first_date: Option<String>,
    pub last_date: Option<String>,
    pub first_doc: Option<DocAt>,
    pub last_doc: Option<DocAt>,
    /// Descriptor → documents that gave it.
    pub descriptors: BTreeMap<String, u64>,
}

fn min_opt<T: Ord + Clone>(a: &mut Option<T>, b: &Option<T>) {
    if let Some(b) = b {
        if a.as_ref().is_none_or(|a| b < a) {
            *a = Some(b.clone());
        }
    }
}

fn max_opt<T: Ord + Clone>(a: &mut Option<T>, b: &Option<T>) {
    if let Some(b) = b {
        if a.as_ref().is_none_or(|a| b > a) {
            *a = Some(b.clone());
        }
    }
}

impl Entry {
    /// Adds another entry of the same source (another document, another shard).
    fn absorb(&mut self, o: &Entry) {
        if self.name.is_empty() || better_name(&o.name, &self.name) {
            self.name = o.name.clone();
        }
        for (g, n) in &o.gender_docs {
            *self.gender_docs.entry(g.clone()).or_default() += n;
        }
        self.documents += o.documents;
        self.speakers += o.speakers;
        self.quotes += o.quotes;
        self.direct += o.direct;
        self.mixed += o.mixed;
        self.indirect += o.indirect;
        self.words_quoted += o.words_quoted;
        min_opt(&mut self.first_date, &o.first_date);
        max_opt(&mut self.last_date, &o.last_date);
        min_opt(&mut self.first_doc, &o.first_doc);
        max_opt(&mut self.last_doc, &o.last_doc);
        for (d, n) in &o.descriptors {
            *self.descriptors.entry(d.clone()).or_default() += n;
        }
    }

    /// The majority gender over the documents that gave one (none on a tie).
    pub fn gender(&self) -> Option<&str> {
        let top = self.gender_docs.values().max()?;
        let mut at_top = self.gender_docs.iter().filter(|(_, n)| *n == top);
        let (g, _) = at_top.next()?;
        at_top.next().is_none().then_some(g.as_str())
    }
}

/// Counts of one group (one value of the `--by` fields).
#[derive(Clone, Debug, Default)]
pub struct Group {
    /// Documents read, with quotations or not.
    pub documents: u64,
    /// All records, attributed or not.
    pub records: u64,
    sources: HashMap<(String, String), Entry>,
}

/// The aggregate of a corpus.
#[derive(Clone, Debug)]
pub struct Across {
    pub by: Vec<By>,
    /// The input field whose value is a document's date (for `first_seen`).
    pub date_field: String,
    groups: BTreeMap<Vec<Option<String>>, Group>,
}

/// One row of the across table.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    /// The `--by` columns and their values.
    pub by: Vec<(String, Option<String>)>,
    pub stype: String,
    pub entry: Entry,
}

/// The fixed columns of the across table, after the `--by` ones.
pub const COLUMNS: &[&str] = &[
    "name",
    "type",
    "gender",
    "gender_evidence_docs",
    "gender_docs",
    "documents",
    "speakers",
    "quotes",
    "direct",
    "mixed",
    "indirect",
    "words_quoted",
    "first_seen",
    "last_seen",
    "first_doc",
    "first_doc_index",
    "last_doc",
    "last_doc_index",
    "descriptors",
];

impl Across {
    /// `date_field`: the field holding an ISO date (the field of a `--by
    /// date:month`, else `date`).
    pub fn new(by: Vec<By>) -> Self {
        let date_field = by
            .iter()
            .find(|b| b.cut != Cut::Whole)
            .map_or("date".to_string(), |b| b.field.clone());
        Across {
            by,
            date_field,
            groups: BTreeMap::new(),
        }
    }

    /// The input fields the aggregate reads from each JSONL record.
    pub fn fields(&self) -> Vec<String> {
        let mut f: Vec<String> = self.by.iter().map(|b| b.field.clone()).collect();
        f.push(self.date_field.clone());
        f.dedup();
        let mut seen = HashSet::new();
        f.retain(|x| seen.insert(x.clone()));
        f
    }

    fn group_of(&self, fields: &Map<String, Value>) -> Vec<Option<String>> {
        self.by.iter().map(|b| b.value(fields)).collect()
    }

    /// Adds one document: its position in the input, id, input fields and records.
    pub fn add_document(&mut self, index: u64, doc: &str, fields: &Map<String, Value>, records: &[Record]) {
        let date = text_of(fields.get(&self.date_field)).filter(|d| date_prefix(d, 4).is_some());
        let g = self.group_of(fields);
        let group = self.groups.entry(g).or_default();
        group.documents += 1;
        group.records += records.len() as u64;
        let at: DocAt = (index, doc.to_string());
        // This document's sources, by key (two speakers of one document can
        // share a key: two unnamed people, "Jose Ruiz" and "José Ruiz").
        let mut here: HashMap<(String, String), Entry> = HashMap::new();
        let mut genders: HashMap<(String, String), HashSet<&'static str>> = HashMap::new();
        for row in crate::sources::sources(records) {
            let key = source_key(row.speaker.as_deref(), row.speaker_type);
            let e = here.entry(key.clone()).or_insert_with(|| Entry {
                documents: 1,
                first_date: date.clone(),
                last_date: date.clone(),
                first_doc: Some(at.clone()),
                last_doc: Some(at.clone()),
                ..Entry::default()
            });
            let name = if key.1.is_empty() {
                unnamed_label(&key.0)
            } else if key.0 == "person" {
                without_titles(row.speaker.as_deref().unwrap_or_default())
            } else {
                row.speaker.clone().unwrap_or_default()
            };
            if e.name.is_empty() || better_name(&name, &e.name) {
                e.name = name;
            }
            e.speakers += 1;
            e.quotes += row.quotes as u64;
            e.direct += row.direct as u64;
            e.mixed += row.mixed as u64;
            e.indirect += row.indirect as u64;
            e.words_quoted += row.words_quoted as u64;
            if let Some(d) = row
                .speaker_descriptor
                .as_deref()
                .map(str::trim)
                .filter(|d| !d.is_empty())
            {
                // Counted once per document, however many speakers had it.
                e.descriptors.insert(d.to_string(), 1);
            }
            if let Some(g) = row.speaker_gender {
                genders.entry(key).or_default().insert(g);
            }
        }
        for (key, mut e) in here {
            for g in genders.get(&key).into_iter().flatten() {
                e.gender_docs.insert((*g).to_string(), 1);
            }
            match group.sources.get_mut(&key) {
                Some(have) => have.absorb(&e),
                None => {
                    group.sources.insert(key, e);
                }
            }
        }
    }

    /// Adds a row of another run's table (`sources --merge`).
    pub fn merge_row(&mut self, row: Row) {
        let g: Vec<Option<String>> = row.by.iter().map(|(_, v)| v.clone()).collect();
        let key = if row.entry.name.starts_with('(') {
            (row.stype.clone(), String::new())
        } else {
            source_key(
                Some(&row.entry.name),
                (!row.stype.is_empty()).then_some(row.stype.as_str()),
            )
        };
        let group = self.groups.entry(g).or_default();
        match group.sources.get_mut(&key) {
            Some(have) => have.absorb(&row.entry),
            None => {
                group.sources.insert(key, row.entry);
            }
        }
    }

    /// Adds a group's totals of another run's table (`sources --merge`).
    pub fn merge_totals(&mut self, t: &Totals) {
        let g: Vec<Option<String>> = t.by.iter().map(|(_, v)| v.clone()).collect();
        let group = self.groups.entry(g).or_default();
        group.documents += t.documents;
        group.records += t.records;
    }

    /// Each group's totals, in table order.
    pub fn totals(&self) -> Vec<Totals> {
        self.groups
            .iter()
            .map(|(g, group)| Totals {
                by: self.by_values(g),
                documents: group.documents,
                records: group.records,
            })
            .collect()
    }

    /// Distinct sources held (the size of the state).
    pub fn len(&self) -> usize {
        self.groups.values().map(|g| g.sources.len()).sum()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    fn by_values(&self, g: &[Option<String>]) -> Vec<(String, Option<String>)> {
        self.by
            .iter()
            .map(|b| b.column.clone())
            .zip(g.iter().cloned())
            .collect()
    }

    /// The rows of one group, most quoted first (ties: more documents, then
    /// name, then type).
    fn group_rows(&self, g: &[Option<String>], group: &Group) -> Vec<Row> {
        let by = self.by_values(g);
        let mut rows: Vec<Row> = group
            .sources
            .iter()
            .map(|((t, _), e)| Row {
                by: by.clone(),
                stype: t.clone(),
                entry: e.clone(),
            })
            .collect();
        rows.sort_by(|a, b| {
            b.entry
                .quotes
                .cmp(&a.entry.quotes)
                .then(b.entry.documents.cmp(&a.entry.documents))
                .then_with(|| a.entry.name.cmp(&b.entry.name))
                .then_with(|| a.stype.cmp(&b.stype))
        });
        rows
    }

    /// The table: groups in order of their values (no value first), then
    /// [`Across::group_rows`] order. Independent of the input order.
    pub fn rows(&self) -> Vec<Row> {
        self.groups
            .iter()
            .flat_map(|(g, group)| self.group_rows(g, group))
            .collect()
    }

    /// One summary row per group (as [`Across::summary`]) with the group's
    /// `top` most quoted rows (as in [`Across::rows`]): what the corpus page
    /// of `report --across` shows.
    pub fn summary_with_top(&self, top: usize) -> Vec<(Summary, Vec<Row>)> {
        self.groups
            .iter()
            .map(|(g, group)| {
                let mut rows = self.group_rows(g, group);
                let summary = summarize(self.by_values(g), group, &rows);
                rows.truncate(top);
                (summary, rows)
            })
            .collect()
    }

    /// One summary row per group.
    pub fn summary(&self) -> Vec<Summary> {
        self.groups
            .iter()
            .map(|(g, group)| summarize(self.by_values(g), group, &self.group_rows(g, group)))
            .collect()
    }
}

/// One group's sourcing (`--summary`).
#[derive(Clone, Debug, PartialEq)]
pub struct Summary {
    pub by: Vec<(String, Option<String>)>,
    pub documents: u64,
    pub records: u64,
    /// Records without a speaker.
    pub unattributed: u64,
    /// Named sources (one per row) plus unnamed ones (one per document).
    pub sources: u64,
    /// Shares of `sources` by type.
    pub named: Option<f64>,
    pub unnamed: Option<f64>,
    pub organization: Option<f64>,
    pub group: Option<f64>,
    /// Named persons, and the shares of them by majority gender.
    pub persons: u64,
    pub female: Option<f64>,
    pub male: Option<f64>,
    pub gender_unknown: Option<f64>,
    /// The same, weighted by quotes.
    pub person_quotes: u64,
    pub female_quotes: Option<f64>,
    pub male_quotes: Option<f64>,
    pub gender_unknown_quotes: Option<f64>,
    /// The five most quoted named sources (people and organisations).
    pub top_sources: Vec<(String, u64)>,
}

/// The columns of `--summary`, after the `--by` ones.
pub const SUMMARY_COLUMNS: &[&str] = &[
    "documents",
    "records",
    "unattributed",
    "sources",
    "named",
    "unnamed",
    "organization",
    "group",
    "persons",
    "female",
    "male",
    "gender_unknown",
    "person_quotes",
    "female_quotes",
    "male_quotes",
    "gender_unknown_quotes",
    "top_sources",
];

/// `n / of` rounded to four decimals (none when `of` is 0).
pub fn share(n: u64, of: u64) -> Option<f64> {
    (of > 0).then(|| (n as f64 / of as f64 * 10_000.0).round() / 10_000.0)
}

fn summarize(by: Vec<(String, Option<String>)>, group: &Group, rows: &[Row]) -> Summary {
    let named_row = |r: &Row| !r.entry.name.starts_with('(');
    let count = |r: &Row| if named_row(r) { 1 } else { r.entry.speakers };
    let sources: u64 = rows.iter().map(count).sum();
    let of_type = |t: &str, named: bool| {
        let n = rows
            .iter()
            .filter(|r| r.stype == t && named_row(r) == named)
            .map(count)
            .sum();
        share(n, sources)
    };
    let orgs: u64 = rows.iter().filter(|r| r.stype == "organization").map(count).sum();
    let persons: Vec<&Row> = rows.iter().filter(|r| r.stype == "person" && named_row(r)).collect();
    let n_persons = persons.len() as u64;
    let person_quotes: u64 = persons.iter().map(|r| r.entry.quotes).sum();
    let by_gender = |g: Option<&str>| {
        let of: Vec<&&Row> = persons.iter().filter(|r| r.entry.gender() == g).collect();
        (of.len() as u64, of.iter().map(|r| r.entry.quotes).sum::<u64>())
    };
    let (f, fq) = by_gender(Some("female"));
    let (m, mq) = by_gender(Some("male"));
    let (u, uq) = (n_persons - f - m, person_quotes - fq - mq);
    let attributed: u64 = rows.iter().map(|r| r.entry.quotes).sum();
    Summary {
        by,
        documents: group.documents,
        records: group.records,
        unattributed: group.records.saturating_sub(attributed),
        sources,
        named: of_type("person", true),
        unnamed: of_type("unnamed", false),
        organization: share(orgs, sources),
        group: of_type("group", false),
        persons: n_persons,
        female: share(f, n_persons),
        male: share(m, n_persons),
        gender_unknown: share(u, n_persons),
        person_quotes,
        female_quotes: share(fq, person_quotes),
        male_quotes: share(mq, person_quotes),
        gender_unknown_quotes: share(uq, person_quotes),
        top_sources: rows
            .iter()
            .filter(|r| named_row(r))
            .take(5)
            .map(|r| (r.entry.name.clone(), r.entry.quotes))
            .collect(),
    }
}

fn opt<T: ToString>(v: &Option<T>) -> String {
    v.as_ref().map(ToString::to_string).unwrap_or_default()
}

/// Descriptors, most frequent first (ties alphabetical).
pub fn descriptors_ranked(e: &Entry) -> Vec<(&str, u64)> {
    let mut d: Vec<(&str, u64)> = e.descriptors.iter().map(|(k, n)| (k.as_str(), *n)).collect();
    d.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    d
}

impl Row {
    pub fn first_seen(&self) -> Option<String> {
        self.entry
            .first_date
            .clone()
            .or_else(|| self.entry.first_doc.as_ref().map(|d| d.1.clone()))
    }
    pub fn last_seen(&self) -> Option<String> {
        self.entry
            .last_date
            .clone()
            .or_else(|| self.entry.last_doc.as_ref().map(|d| d.1.clone()))
    }
    pub fn gender_evidence_docs(&self) -> u64 {
        self.entry.gender_docs.values().sum()
    }

    /// The values of the `--by` columns then [`COLUMNS`], as text (empty for
    /// null; `gender_docs` as `female:2 male:1`, descriptors as `a (2); b (1)`).
    pub fn cells(&self) -> Vec<String> {
        let e = &self.entry;
        let mut c: Vec<String> = self.by.iter().map(|(_, v)| opt(v)).collect();
        c.extend([
            e.name.clone(),
            self.stype.clone(),
            e.gender().unwrap_or("").to_string(),
            self.gender_evidence_docs().to_string(),
            e.gender_docs
                .iter()
                .map(|(g, n)| format!("{g}:{n}"))
                .collect::<Vec<_>>()
                .join(" "),
            e.documents.to_string(),
            e.speakers.to_string(),
            e.quotes.to_string(),
            e.direct.to_string(),
            e.mixed.to_string(),
            e.indirect.to_string(),
            e.words_quoted.to_string(),
            opt(&self.first_seen()),
            opt(&self.last_seen()),
            opt(&e.first_doc.as_ref().map(|d| d.1.clone())),
            opt(&e.first_doc.as_ref().map(|d| d.0)),
            opt(&e.last_doc.as_ref().map(|d| d.1.clone())),
            opt(&e.last_doc.as_ref().map(|d| d.0)),
            descriptors_ranked(e)
                .iter()
                .map(|(d, n)| format!("{d} ({n})"))
                .collect::<Vec<_>>()
                .join("; "),
        ]);
        c
    }
}

/// A map written in the order given (serde_json's own map sorts its keys).
struct Ordered<'a>(Vec<(&'a str, Value)>);

impl Serialize for Ordered<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(self.0.len()))?;
        for (k, v) in &self.0 {
            m.serialize_entry(k, v)?;
        }
        m.end()
    }
}

fn json_opt<T: Into<Value>>(v: Option<T>) -> Value {
    v.map_or(Value::Null, Into::into)
}

impl Serialize for Row {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let e = &self.entry;
        let mut m: Vec<(&str, Value)> = self.by.iter().map(|(k, v)| (k.as_str(), json_opt(v.clone()))).collect();
        let descriptors = Ordered(descriptors_ranked(e).into_iter().map(|(d, n)| (d, n.into())).collect());
        m.extend([
            ("name", e.name.clone().into()),
            ("type", json_opt((!self.stype.is_empty()).then(|| self.stype.clone()))),
            ("gender", json_opt(e.gender().map(str::to_string))),
            ("gender_evidence_docs", self.gender_evidence_docs().into()),
            (
                "gender_docs",
                Value::Object(e.gender_docs.iter().map(|(g, n)| (g.clone(), (*n).into())).collect()),
            ),
            ("documents", e.documents.into()),
            ("speakers", e.speakers.into()),
            ("quotes", e.quotes.into()),
            ("direct", e.direct.into()),
            ("mixed", e.mixed.into()),
            ("indirect", e.indirect.into()),
            ("words_quoted", e.words_quoted.into()),
            ("first_seen", json_opt(self.first_seen())),
            ("last_seen", json_opt(self.last_seen())),
            ("first_doc", json_opt(e.first_doc.as_ref().map(|d| d.1.clone()))),
            ("first_doc_index", json_opt(e.first_doc.as_ref().map(|d| d.0))),
            ("last_doc", json_opt(e.last_doc.as_ref().map(|d| d.1.clone()))),
            ("last_doc_index", json_opt(e.last_doc.as_ref().map(|d| d.0))),
        ]);
        // Descriptors keep their rank order (an object, most frequent first).
        let mut map = s.serialize_map(Some(m.len() + 1))?;
        for (k, v) in &m {
            map.serialize_entry(k, v)?;
        }
        map.serialize_entry("descriptors", &descriptors)?;
        map.end()
    }
}

/// Reads a JSON object keeping its keys in file order.
struct InOrder(Vec<(String, Value)>);

impl<'de> serde::Deserialize<'de> for InOrder {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = InOrder;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a JSON object")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<InOrder, A::Error> {
                let mut out = Vec::new();
                while let Some((k, v)) = map.next_entry::<String, Value>()? {
                    out.push((k, v));
                }
                Ok(InOrder(out))
            }
        }
        d.deserialize_map(V)
    }
}

/// What a line of an across table is.
pub enum Line {
    Row(Box<Row>),
    /// A document error of the run that wrote the table (`{"doc", "error"}`).
    Error(String, String),
    /// A group's documents and records ([`Totals`]).
    Totals(Totals),
}

/// What a table's rows do not say of a group: the documents read (with
/// quotations or not) and the records. A JSONL table ends with one such line
/// per group (`{BY…, "group_documents", "group_records"}`, no `name`), so
/// that merged tables give the summary too (`sources --merge --summary`).
#[derive(Clone, Debug, PartialEq)]
pub struct Totals {
    pub by: Vec<(String, Option<String>)>,
    pub documents: u64,
    pub records: u64,
}

/// The keys of a [`Totals`] line, after the `--by` ones.
pub const TOTALS_COLUMNS: &[&str] = &["group_documents", "group_records"];

impl Serialize for Totals {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m: Vec<(&str, Value)> = self.by.iter().map(|(k, v)| (k.as_str(), json_opt(v.clone()))).collect();
        m.push((TOTALS_COLUMNS[0], self.documents.into()));
        m.push((TOTALS_COLUMNS[1], self.records.into()));
        Ordered(m).serialize(s)
    }
}

/// Parses one JSONL line of an `--across --format jsonl` table.
pub fn parse_row(line: &str) -> Result<Line, String> {
    let InOrder(fields) = serde_json::from_str(line).map_err(|e| format!("not a JSON object: {e}"))?;
    let get = |k: &str| fields.iter().find(|(f, _)| f == k).map(|(_, v)| v);
    if let (Some(Value::String(d)), Some(Value::String(e))) = (get("doc"), get("error")) {
        return Ok(Line::Error(d.clone(), e.clone()));
    }
    let num = |k: &str| -> Result<u64, String> {
        get(k)
            .and_then(Value::as_u64)
            .ok_or_else(|| format!("no count \"{k}\" (is this an `sources --across --format jsonl` table?)"))
    };
    let text = |k: &str| get(k).and_then(Value::as_str).map(str::to_string);
    let doc_at = |id: &str, index: &str| match (text(id), get(index).and_then(Value::as_u64)) {
        (Some(id), Some(i)) => Some((i, id)),
        _ => None,
    };
    let counts = |k: &str| -> BTreeMap<String, u64> {
        match get(k) {
            Some(Value::Object(m)) => m.iter().filter_map(|(g, n)| Some((g.clone(), n.as_u64()?))).collect(),
            _ => BTreeMap::new(),
        }
    };
    if get("name").is_none() && get(TOTALS_COLUMNS[0]).is_some() {
        return Ok(Line::Totals(Totals {
            by: fields
                .iter()
                .filter(|(k, _)| !TOTALS_COLUMNS.contains(&k.as_str()))
                .map(|(k, v)| (k.clone(), text_of(Some(v))))
                .collect(),
            documents: num(TOTALS_COLUMNS[0])?,
            records: num(TOTALS_COLUMNS[1])?,
        }));
    }
    let name = text("name").ok_or("no \"name\"")?;
    let dated = |k: &str, doc: &Option<DocAt>| text(k).filter(|s| doc.as_ref().is_none_or(|d| &d.1 != s));
    let first_doc = doc_at("first_doc", "first_doc_index");
    let last_doc = doc_at("last_doc", "last_doc_index");
    let entry = Entry {
        first_date: dated("first_seen", &first_doc),
        last_date: dated("last_seen", &last_doc),
        first_doc,
        last_doc,
        name,
        gender_docs: counts("gender_docs"),
        documents: num("documents")?,
        speakers: num("speakers")?,
        quotes: num("quotes")?,
        direct: num("direct")?,
        mixed: num("mixed")?,
        indirect: num("indirect")?,
        words_quoted: num("words_quoted")?,
        descriptors: counts("descriptors"),
    };
    let by = fields
        .iter()
        .filter(|(k, _)| !COLUMNS.contains(&k.as_str()))
        .map(|(k, v)| (k.clone(), text_of(Some(v))))
        .collect();
    Ok(Line::Row(Box::new(Row {
        by,
        stype: text("type").unwrap_or_default(),
        entry,
    })))
}

impl Summary {
    pub fn cells(&self) -> Vec<String> {
        let mut c: Vec<String> = self.by.iter().map(|(_, v)| opt(v)).collect();
        c.extend([
            self.documents.to_string(),
            self.records.to_string(),
            self.unattributed.to_string(),
            self.sources.to_string(),
            opt(&self.named),
            opt(&self.unnamed),
            opt(&self.organization),
            opt(&self.group),
            self.persons.to_string(),
            opt(&self.female),
            opt(&self.male),
            opt(&self.gender_unknown),
            self.person_quotes.to_string(),
            opt(&self.female_quotes),
            opt(&self.male_quotes),
            opt(&self.gender_unknown_quotes),
            self.top_sources
                .iter()
                .map(|(n, q)| format!("{n} ({q})"))
                .collect::<Vec<_>>()
                .join("; "),
        ]);
        c
    }
}

impl Serialize for Summary {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m: Vec<(&str, Value)> = self.by.iter().map(|(k, v)| (k.as_str(), json_opt(v.clone()))).collect();
        let f = |x: Option<f64>| x.map_or(Value::Null, Value::from);
        m.extend([
            ("documents", self.documents.into()),
            ("records", self.records.into()),
            ("unattributed", self.unattributed.into()),
            ("sources", self.sources.into()),
            ("named", f(self.named)),
            ("unnamed", f(self.unnamed)),
            ("organization", f(self.organization)),
            ("group", f(self.group)),
            ("persons", self.persons.into()),
            ("female", f(self.female)),
            ("male", f(self.male)),
            ("gender_unknown", f(self.gender_unknown)),
            ("person_quotes", self.person_quotes.into()),
            ("female_quotes", f(self.female_quotes)),
            ("male_quotes", f(self.male_quotes)),
            ("gender_unknown_quotes", f(self.gender_unknown_quotes)),
            (
                "top_sources",
                Value::Array(
                    self.top_sources
                        .iter()
                        .map(|(n, q)| serde_json::json!({"name": n, "quotes": q}))
                        .collect(),
                ),
            ),
        ]);
        Ordered(m).serialize(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::Kind;
    use crate::sources::tests::rec;

    #[test]
    fn names_fold_case_diacritics_titles_possessives_initials() {
        let k = |s| name_key(s, true);
        assert_eq!(k("Dr. José Ruiz"), "jose ruiz");
        assert_eq!(k("Jose Ruiz"), "jose ruiz");
        assert_eq!(k("JOSÉ RUIZ’s"), "jose ruiz");
        assert_eq!(k("Sen. Elizabeth Warren"), "elizabeth warren");
        assert_eq!(k("former Secretary of State Hillary Clinton"), k("Hillary Clinton"));
        assert_eq!(k("J.K. Rowling"), "jk rowling");
        assert_eq!(k("J. K. Rowling"), "jk rowling");
        assert_eq!(k("Martin Luther King Jr."), "martin luther king");
        // Kept apart: a bare surname, another first name, another initial.
        assert_ne!(k("Ruiz"), k("José Ruiz"));
        assert_ne!(k("Bill Clinton"), k("Hillary Clinton"));
        assert_ne!(k("George W. Bush"), k("George H. W. Bush"));
        assert_eq!(k("Donald J. Trump"), k("Donald Trump"));
        assert_eq!(k("White House Press Secretary Josh Earnest"), "josh earnest");
        assert_eq!(k("Mary King Smith"), "mary king smith");
        assert_eq!(without_titles("Dr. José Ruiz"), "José Ruiz");
        assert_eq!(without_titles("Air Force Gen. Norman Ham"), "Norman Ham");
        // A title alone is left as it is (nothing else would be left).
        assert_eq!(k("Dr."), "dr");
        // Organisations keep their words.
        assert_eq!(name_key("General Motors", false), "general motors");
    }

    #[test]
    fn by_fields_cut_dates() {
        let by = parse_by("outlet,date:month").unwrap();
        assert_eq!(by[1].field, "date");
        let f: Map<String, Value> = serde_json::from_str(r#"{"outlet":"nyt","date":"2016-09-08"}"#).unwrap();
        assert_eq!(by[0].value(&f).as_deref(), Some("nyt"));
        assert_eq!(by[1].value(&f).as_deref(), Some("2016-09"));
        let f: Map<String, Value> = serde_json::from_str(r#"{"date":"Sept 8"}"#).unwrap();
        assert_eq!(by[1].value(&f), None);
        assert!(parse_by("date:week").is_err());
        assert!(parse_by("").is_err());
    }

    fn sample() -> Across {
        let mut a = Across::new(Vec::new());
        let ruiz = |name| Some(("S1", name, "person"));
        let none = Map::new();
        let mut r1 = rec("a", 0, Kind::Direct, "one two", 0, ruiz("Dr. José Ruiz"));
        r1.speaker_gender = Some("male");
        let r2 = rec(
            "a",
            1,
            Kind::Indirect,
            "three",
            1,
            Some(("S2", "a spokesman", "unnamed")),
        );
        let r3 = rec("a", 2, Kind::Direct, "four", 1, Some(("S3", "a witness", "unnamed")));
        a.add_document(0, "a", &none, &[r1, r2, r3]);
        let r4 = rec("b", 0, Kind::Mixed, "five six", 0, ruiz("Jose Ruiz"));
        let r5 = rec("b", 1, Kind::Direct, "seven", 0, Some(("S2", "Ruiz", "person")));
        let r6 = rec("b", 2, Kind::Direct, "eight", 0, None);
        a.add_document(1, "b", &none, &[r4, r5, r6]);
        a
    }

    #[test]
    fn one_row_per_person_and_per_unnamed_type() {
        let a = sample();
        let rows = a.rows();
        let names: Vec<&str> = rows.iter().map(|r| r.entry.name.as_str()).collect();
        // Ruiz alone is not José Ruiz; the title-free spelling is shown.
        assert_eq!(names, ["José Ruiz", "(unnamed person)", "Ruiz"]);
        let unnamed = &rows[1].entry;
        assert_eq!((unnamed.documents, unnamed.speakers, unnamed.quotes), (1, 2, 2));
        let ruiz = &rows[0];
        assert_eq!((ruiz.entry.documents, ruiz.entry.quotes, ruiz.entry.mixed), (2, 2, 1));
        assert_eq!(ruiz.entry.gender(), Some("male"));
        assert_eq!(ruiz.gender_evidence_docs(), 1);
        assert_eq!(ruiz.first_seen().as_deref(), Some("a"));
        assert_eq!(ruiz.last_seen().as_deref(), Some("b"));
        let s = &a.summary()[0];
        assert_eq!((s.documents, s.records, s.unattributed, s.sources), (2, 6, 1, 4));
        assert_eq!(s.named, Some(0.5));
        assert_eq!(s.unnamed, Some(0.5));
        assert_eq!(s.male, Some(0.5));
        assert_eq!(s.gender_unknown, Some(0.5));
        assert_eq!(s.male_quotes, Some(0.6667));
    }

    #[test]
    fn rows_round_trip_and_merge() {
        let a = sample();
        let mut b = Across::new(Vec::new());
        for row in a.rows() {
            let line = serde_json::to_string(&row).unwrap();
            let Ok(Line::Row(back)) = parse_row(&line) else {
                panic!("{line}")
            };
            assert_eq!(*back, row);
            b.merge_row(*back.clone());
        }
        assert_eq!(b.rows(), a.rows());
        for t in a.totals() {
            let line = serde_json::to_string(&t).unwrap();
            let Ok(Line::Totals(back)) = parse_row(&line) else {
                panic!("{line}")
            };
            b.merge_totals(&back);
        }
        assert_eq!(b.summary(), a.summary());
    }
}
