//! Scoring predicted quotations against a gold standard (`whosaid eval`).
//!
//! This module implements the definition in `DESIGN.md`, section "Evaluation", and
//! `tests/eval_reference.py` implements the same definition independently; an integration test
//! (`tests/eval_crosscheck.rs`) checks that both give the same numbers.
//!
//! # The definition
//!
//! * **Input.** Gold documents ([`GoldDoc`], read by [`read_gold`]) with code-point offsets, and
//!   whosaid records ([`read_predictions`]). A record with an `error` key is skipped; a record whose
//!   `doc` is not a gold id is ignored; a record with `parts` is one prediction per part, each part
//!   carrying the record's `kind`, `speaker`, `speaker_start` and `speaker_end`.
//! * **Tasks.** `direct`: gold `direct` vs predicted `direct`. `reported`: gold `mixed`+`indirect`
//!   vs predicted `mixed`+`indirect`. `all`: everything vs everything. Matching is done per document
//!   and per task, independently (a prediction can be matched in `direct` and in `all`).
//! * **Trim.** Each span loses, at both ends, whitespace and the characters
//!   `" ' “ ” ‘ ’ « » „ ‚ ‹ › ` , . ; : ! ? — – - ( ) [ ] …` (see [`is_trimmed`]).
//! * **Match.** A (gold, prediction) pair is a candidate when the character Dice of the trimmed
//!   intervals, `2·|A∩B| / (|A|+|B|)`, is at least 0.5; a span that is empty after trimming matches
//!   nothing. Candidates are taken greedily in the order (Dice descending, gold start, gold end,
//!   prediction start, prediction end, prediction order), skipping any whose gold or prediction is
//!   already taken.
//! * **Optional** gold entries take part in the matching like any other; matched, neither they nor
//!   their prediction are counted anywhere; unmatched, they are not misses.
//! * **Speaker** ([`speaker_is_right`]): right when the predicted mention overlaps the gold mention,
//!   or when a gold name `N` and the predicted speaker `P` satisfy
//!   `(tokens(P) ⊆ tokens(N) or tokens(N) ⊆ tokens(P)) and head(N) ∈ tokens(P)` (see [`tokens`],
//!   [`head`]).
//! * **Metrics** ([`TaskScore`]): `p = tp/pred`, `r = tp/gold`, `f1 = 2pr/(p+r)`,
//!   `speaker_acc = right/tp`, and `e2e_p`, `e2e_r`, `e2e_f1` with `right` in place of `tp`.
//!
//! # Interpretations chosen where the definition is silent
//!
//! These are the choices made here, and `tests/eval_reference.py` makes the same ones.
//!
//! * **Counts.** `gold` = gold entries of the task that are not optional. `pred` = predictions of the
//!   task (error records and records of unknown documents excluded; a record with *n* parts counts
//!   *n*) minus those matched to an optional gold entry. `tp` = matches with a non-optional gold
//!   entry. `speaker_right` = those of the `tp` matches whose speaker is right. Everything is
//!   summed over documents before the ratios are taken (micro-average).
//! * **Undefined ratios are 0**: `p` when `pred = 0`, `r` when `gold = 0`, `f1` when `p + r = 0`,
//!   `speaker_acc` when `tp = 0`; the same for the e2e triple.
//! * **Whitespace** is the Unicode `White_Space` property (Rust [`char::is_whitespace`]).
//! * **Trimmed spans everywhere.** The Dice and the tie-breaking keys "gold start, gold end,
//!   prediction start, prediction end" use the *trimmed* offsets. Full ties (duplicate gold
//!   entries) are broken last by the gold entry's position in its document's `quotes` list.
//! * **Prediction order** is the order of the records in the file; the parts of one record follow
//!   each other in their listed order (so a prediction's order is its position in the list of
//!   predictions after every record has been expanded into its parts).
//! * **Dice is compared exactly** (integer cross-multiplication), never through floating point:
//!   `4·|A∩B| ≥ |A|+|B|` is the threshold.
//! * **Prediction offsets** `start`/`end` (of the record, or of each part) must be non-negative
//!   integers; a missing, null, negative or non-integer offset makes the prediction's span empty (it
//!   still counts as a prediction, and can match nothing). Offsets past the end of the text are
//!   clamped to its length; `start > end` gives an empty span. `parts` is used when it is a
//!   non-empty array; otherwise (absent, null, `[]`) the record's own `start`/`end` are used.
//! * **Kinds** are compared case-sensitively. A kind other than `direct`, `mixed`, `indirect`
//!   (gold or predicted, including a missing one) takes part in the `all` task only.
//! * **Document ids**: a gold `id` and a record's `doc` may be a string or an integer (an integer
//!   is compared through its decimal text). Records whose `doc` is missing or of another type are
//!   ignored like unknown documents. [`read_gold`] rejects duplicate ids; if [`evaluate`] is given
//!   duplicates anyway, the predictions go to the first document with that id, and the others are
//!   scored with no predictions. Records that are not JSON objects are ignored.
//! * **Speaker rule details.** A mention overlap needs both mentions (`speaker_start` and
//!   `speaker_end` non-null on both sides) and at least one shared position: `[a,b)` and `[c,d)`
//!   overlap when `max(a,c) < min(b,d)`; mention spans are not trimmed. The set relations `⊆` are
//!   on sets of tokens. Null or empty names are skipped; a name with no token has no head and so
//!   never matches; a null predicted speaker never matches by name. A gold entry with no speaker
//!   and no mention can therefore never have its speaker right, even against a null prediction.
//! * **`tokens(s)`**: lowercase the whole string (full Unicode lowercasing), then remove `'s` or
//!   `’s` wherever the `s` is not followed by an alphanumeric character or `_`, then take the
//!   maximal runs of characters that are alphanumeric or `_`, and drop the tokens `the`, `a`, `an`.
//!   "Alphanumeric" is a letter or a number, Unicode general category L or N (Python's
//!   `str.isalnum`); combining marks (Arabic harakat, Hebrew points, Indic vowel signs, a
//!   decomposed accent) are not, so they split tokens.
//! * **`head(N)`**: over `tokens(N)` (articles already dropped), the token just before the first
//!   token at position ≥ 1 that is one of `in of at from for with on who which that whose to by`;
//!   else the last token; none when `tokens(N)` is empty.
//! * **Gold validation**: [`read_gold`] rejects a gold entry with `start > end`, or `end` (or
//!   `speaker_end`) beyond the document's length in code points, because such a file almost always
//!   counts bytes or is misaligned.

use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;
use std::io::BufRead;

use anyhow::{bail, Context, Result};
use once_cell::sync::Lazy;
use regex::Regex;
use serde::{Deserialize, Deserializer};
use serde_json::{json, Value};

/// One annotated quotation in a gold document. Offsets are code points into [`GoldDoc::text`],
/// `end` exclusive. Missing fields (and nulls) take their default values.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub struct GoldQuote {
    pub start: usize,
    pub end: usize,
    #[serde(deserialize_with = "null_as_default")]
    pub quote: Option<String>,
    /// `direct`, `mixed` or `indirect`.
    #[serde(deserialize_with = "null_as_default")]
    pub kind: String,
    /// The source as written (or a canonical name); null when the corpus has none.
    #[serde(deserialize_with = "null_as_default")]
    pub speaker: Option<String>,
    /// Other names of the same source, all accepted by the speaker rule.
    #[serde(deserialize_with = "null_as_default")]
    pub speaker_aliases: Vec<String>,
    /// Who the source is, by name (the fullest name the article gives), or null for an
    /// unnamed source. Where present, the printed speaker must be this name.
    #[serde(deserialize_with = "null_as_default")]
    pub speaker_name: Option<String>,
    /// `person`, `organization`, `unnamed`, `group` or `other`, when the gold file says.
    #[serde(deserialize_with = "null_as_default")]
    pub speaker_type: Option<String>,
    #[serde(deserialize_with = "null_as_default")]
    pub speaker_start: Option<usize>,
    #[serde(deserialize_with = "null_as_default")]
    pub speaker_end: Option<usize>,
    /// The mention text, when the gold file gives it (only used to display errors).
    #[serde(deserialize_with = "null_as_default")]
    pub speaker_mention: Option<String>,
    #[serde(deserialize_with = "null_as_default")]
    pub cue: Option<String>,
    /// Neither rewarded nor penalised (see the module documentation).
    #[serde(deserialize_with = "null_as_default")]
    pub optional: bool,
}

/// One gold document: `{"id", "text", "quotes"}`; other fields are ignored.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub struct GoldDoc {
    #[serde(deserialize_with = "string_or_integer")]
    pub id: String,
    #[serde(deserialize_with = "null_as_default")]
    pub text: String,
    #[serde(deserialize_with = "null_as_default")]
    pub quotes: Vec<GoldQuote>,
}

fn null_as_default<'de, D, T>(deserializer: D) -> std::result::Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: Default + Deserialize<'de>,
{
    Ok(Option::<T>::deserialize(deserializer)?.unwrap_or_default())
}

fn string_or_integer<'de, D>(deserializer: D) -> std::result::Result<String, D::Error>
where
    D: Deserializer<'de>,
{
    match Value::deserialize(deserializer)? {
        Value::Null => Ok(String::new()),
        v => id_text(&v)
            .ok_or_else(|| serde::de::Error::custom(format!("document id must be a string or an integer, not {v}"))),
    }
}

/// A document id as text: a string as is, an integer through its decimal form.
fn id_text(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) if n.is_i64() || n.is_u64() => Some(n.to_string()),
        _ => None,
    }
}

/// Parses a stream of JSON values (JSONL, concatenated or pretty-printed objects, or arrays of
/// them, which are flattened one level). A leading byte-order mark is skipped.
fn read_values(mut reader: impl BufRead, what: &str) -> Result<Vec<Value>> {
    let mut text = String::new();
    reader
        .read_to_string(&mut text)
        .with_context(|| format!("reading the {what} file"))?;
    let body = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let mut out = Vec::new();
    for value in serde_json::Deserializer::from_str(body).into_iter::<Value>() {
        match value.with_context(|| format!("parsing the {what} file"))? {
            Value::Array(items) => out.extend(items),
            v => out.push(v),
        }
    }
    Ok(out)
}

/// Reads gold documents: JSONL (one document per line; a file holding a single document on one
/// line, like `iran-talks.gold.json`, is the one-line case), or a JSON array of documents.
///
/// Fails on malformed JSON, on a value that is not a document object, on a duplicate id, and on a
/// gold entry whose offsets do not fit its text (see the module documentation).
pub fn read_gold(reader: impl BufRead) -> Result<Vec<GoldDoc>> {
    let values = read_values(reader, "gold")?;
    let mut docs = Vec::with_capacity(values.len());
    let mut seen = HashSet::new();
    for (i, value) in values.into_iter().enumerate() {
        if !value.is_object() {
            bail!("gold record {} is not a JSON object", i + 1);
        }
        let doc: GoldDoc =
            serde_json::from_value(value).with_context(|| format!("gold record {} is not a valid document", i + 1))?;
        if !seen.insert(doc.id.clone()) {
            bail!("gold record {}: duplicate document id {:?}", i + 1, doc.id);
        }
        let len = doc.text.chars().count();
        for (j, q) in doc.quotes.iter().enumerate() {
            if q.start > q.end || q.end > len {
                bail!(
                    "gold document {:?}, quote {}: span {}..{} does not fit a text of {} code points",
                    doc.id,
                    j,
                    q.start,
                    q.end,
                    len
                );
            }
            if let (Some(s), Some(e)) = (q.speaker_start, q.speaker_end) {
                if s > e || e > len {
                    bail!(
                        "gold document {:?}, quote {}: speaker span {}..{} does not fit a text of {} code points",
                        doc.id,
                        j,
                        s,
                        e,
                        len
                    );
                }
            }
        }
        docs.push(doc);
    }
    Ok(docs)
}

/// Reads whosaid records: JSONL (`--format jsonl`) or a JSON array (`--format json`). Every JSON
/// value is returned as it is; [`evaluate`] decides which ones count.
pub fn read_predictions(reader: impl BufRead) -> Result<Vec<Value>> {
    read_values(reader, "prediction")
}

/// The three tasks, in report order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Task {
    Direct,
    Reported,
    All,
}

impl Task {
    pub const ALL: [Task; 3] = [Task::Direct, Task::Reported, Task::All];

    pub fn name(self) -> &'static str {
        match self {
            Task::Direct => "direct",
            Task::Reported => "reported",
            Task::All => "all",
        }
    }

    /// Whether an entry of this kind (gold or predicted) takes part in the task.
    pub fn includes(self, kind: &str) -> bool {
        match self {
            Task::Direct => kind == "direct",
            Task::Reported => kind == "mixed" || kind == "indirect",
            Task::All => true,
        }
    }
}

/// The scores of one task. See the module documentation for the counts.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TaskScore {
    /// Non-optional gold entries.
    pub gold: usize,
    /// Predictions, minus those matched to an optional gold entry.
    pub pred: usize,
    /// Predictions matched to a non-optional gold entry.
    pub tp: usize,
    /// Of the `tp` matches, those whose speaker is right.
    pub speaker_right: usize,
    pub p: f64,
    pub r: f64,
    pub f1: f64,
    pub speaker_acc: f64,
    pub e2e_p: f64,
    pub e2e_r: f64,
    pub e2e_f1: f64,
}

fn ratio(num: usize, den: usize) -> f64 {
    if den == 0 {
        0.0
    } else {
        num as f64 / den as f64
    }
}

fn harmonic(p: f64, r: f64) -> f64 {
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

impl TaskScore {
    /// Computes the ratios from the four counts.
    pub fn from_counts(gold: usize, pred: usize, tp: usize, speaker_right: usize) -> TaskScore {
        let p = ratio(tp, pred);
        let r = ratio(tp, gold);
        let e2e_p = ratio(speaker_right, pred);
        let e2e_r = ratio(speaker_right, gold);
        TaskScore {
            gold,
            pred,
            tp,
            speaker_right,
            p,
            r,
            f1: harmonic(p, r),
            speaker_acc: ratio(speaker_right, tp),
            e2e_p,
            e2e_r,
            e2e_f1: harmonic(e2e_p, e2e_r),
        }
    }

    pub fn to_json(&self) -> Value {
        json!({
            "gold": self.gold,
            "pred": self.pred,
            "tp": self.tp,
            "speaker_right": self.speaker_right,
            "p": self.p,
            "r": self.r,
            "f1": self.f1,
            "speaker_acc": self.speaker_acc,
            "e2e_p": self.e2e_p,
            "e2e_r": self.e2e_r,
            "e2e_f1": self.e2e_f1,
        })
    }
}

/// A non-optional gold entry that no prediction matched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Missed {
    /// Index of the document in the gold slice given to [`evaluate`].
    pub doc: usize,
    /// Index of the entry in that document's `quotes`.
    pub quote: usize,
}

/// A prediction that matched no gold entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Spurious {
    pub doc: usize,
    /// Index of the record in the predictions given to [`evaluate`].
    pub record: usize,
    /// The prediction's span (clamped to the text).
    pub start: usize,
    pub end: usize,
    pub speaker: Option<String>,
}

/// A match with a non-optional gold entry whose predicted speaker is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WrongSpeaker {
    pub doc: usize,
    pub quote: usize,
    pub record: usize,
    pub speaker: Option<String>,
    pub speaker_start: Option<usize>,
    pub speaker_end: Option<usize>,
}

/// The errors of one task, in document order, then gold order (missed, wrong speaker) or
/// prediction order (spurious).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TaskErrors {
    pub missed: Vec<Missed>,
    pub spurious: Vec<Spurious>,
    pub wrong_speaker: Vec<WrongSpeaker>,
}

/// The result of [`evaluate`].
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Evaluation {
    pub direct: TaskScore,
    pub reported: TaskScore,
    pub all: TaskScore,
    pub direct_errors: TaskErrors,
    pub reported_errors: TaskErrors,
    pub all_errors: TaskErrors,
    /// Records skipped because they carry `error`.
    pub error_records: usize,
    /// Records ignored because their `doc` is not a gold id (or they are not objects).
    pub ignored_records: usize,
}

/// One prediction after `parts` expansion.
#[derive(Debug, Clone)]
struct Pred {
    doc: usize,
    /// Index of the record in the predictions given to [`evaluate`].
    record: usize,
    /// Position among all predictions once every record is expanded into its parts: the
    /// "prediction order" of the tie-breaking rule.
    seq: usize,
    start: Option<usize>,
    end: Option<usize>,
    kind: String,
    speaker: Option<String>,
    speaker_start: Option<usize>,
    speaker_end: Option<usize>,
}

fn offset(v: Option<&Value>) -> Option<usize> {
    v.and_then(Value::as_u64).and_then(|n| usize::try_from(n).ok())
}

/// Characters lost at both ends of a span before comparison: Unicode whitespace and
/// `" ' “ ” ‘ ’ « » „ ‚ ‹ › ` , . ; : ! ? — – - ( ) [ ] …`.
pub fn is_trimmed(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '"' | '\''
                | '\u{201C}'
                | '\u{201D}'
                | '\u{2018}'
                | '\u{2019}'
                | '\u{AB}'
                | '\u{BB}'
                | '\u{201E}'
                | '\u{201A}'
                | '\u{2039}'
                | '\u{203A}'
                | '`'
                | ','
                | '.'
                | ';'
                | ':'
                | '!'
                | '?'
                | '\u{2014}'
                | '\u{2013}'
                | '-'
                | '('
                | ')'
                | '['
                | ']'
                | '\u{2026}'
        )
}

/// Trims `[start, end)` of `text` (code points); offsets are first clamped to the text.
pub fn trim_span(text: &[char], start: usize, end: usize) -> (usize, usize) {
    let mut end = end.min(text.len());
    let mut start = start.min(end);
    while start < end && is_trimmed(text[start]) {
        start += 1;
    }
    while end > start && is_trimmed(text[end - 1]) {
        end -= 1;
    }
    (start, end)
}

/// Character Dice of two (trimmed) intervals as an exact fraction `(2·|A∩B|, |A|+|B|)`;
/// `None` when either interval is empty.
pub fn dice(a: (usize, usize), b: (usize, usize)) -> Option<(u64, u64)> {
    let (la, lb) = (a.1.saturating_sub(a.0), b.1.saturating_sub(b.0));
    if la == 0 || lb == 0 {
        return None;
    }
    let inter = a.1.min(b.1).saturating_sub(a.0.max(b.0));
    Some((2 * inter as u64, (la + lb) as u64))
}

const ARTICLES: [&str; 3] = ["the", "a", "an"];
const HEAD_STOPS: [&str; 13] = [
    "in", "of", "at", "from", "for", "with", "on", "who", "which", "that", "whose", "to", "by",
];
/// Titles that `tokens` drops when another token remains ("President Obama" → obama).
const TITLES: [&str; 33] = [
    "mr",
    "mrs",
    "ms",
    "miss",
    "mx",
    "dr",
    "prof",
    "professor",
    "sen",
    "senator",
    "rep",
    "gov",
    "governor",
    "president",
    "gen",
    "general",
    "col",
    "lt",
    "sgt",
    "capt",
    "adm",
    "rev",
    "sir",
    "dame",
    "judge",
    "justice",
    "mayor",
    "coun",
    "councillor",
    "minister",
    "secretary",
    "chairman",
    "chairwoman",
];
/// Generational suffixes that `head` skips at the end of a name ("Joseph R. Biden Jr." → biden).
const SUFFIXES: [&str; 5] = ["jr", "sr", "ii", "iii", "iv"];
/// Words left out when a name is spelled by its initials ("International Monetary Fund" → imf).
const PARTICLES: [&str; 14] = [
    "of", "and", "for", "the", "on", "in", "at", "de", "du", "la", "le", "von", "van", "der",
];

fn is_title(t: &str) -> bool {
    TITLES.contains(&t)
}

fn is_particle(t: &str) -> bool {
    PARTICLES.contains(&t)
}

/// A letter or a number (Unicode general category L or N), or `_`. Combining marks are not
/// word characters (unlike [`char::is_alphanumeric`], which accepts some of them), which is what
/// Python's `str.isalnum` and `\w` do.
fn is_word_char(c: char) -> bool {
    static LETTER_OR_NUMBER: Lazy<Regex> = Lazy::new(|| Regex::new(r"^[\p{L}\p{N}_]$").expect("valid regex"));
    if c.is_ascii() {
        return c.is_ascii_alphanumeric() || c == '_';
    }
    let mut buf = [0u8; 4];
    LETTER_OR_NUMBER.is_match(c.encode_utf8(&mut buf))
}

/// The word runs of a name before articles and titles are dropped: lowercase, `'s`/`’s` at a
/// word end removed, maximal runs of alphanumeric characters or `_`.
fn word_runs(s: &str) -> Vec<String> {
    let lower: Vec<char> = s.to_lowercase().chars().collect();
    let mut out = Vec::new();
    let mut current = String::new();
    let mut i = 0;
    while i < lower.len() {
        let c = lower[i];
        let possessive = (c == '\'' || c == '\u{2019}')
            && lower.get(i + 1) == Some(&'s')
            && !lower.get(i + 2).is_some_and(|&n| is_word_char(n));
        if possessive {
            i += 2;
        } else {
            i += 1;
        }
        if !possessive && is_word_char(c) {
            current.push(c);
        } else if !current.is_empty() {
            out.push(std::mem::take(&mut current));
        }
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

/// `tokens(s)` of the speaker rule: the word runs without `the`, `a`, `an`, then without titles
/// when a token that is not a title remains ("the minister" keeps minister).
pub fn tokens(s: &str) -> Vec<String> {
    let mut out = word_runs(s);
    out.retain(|t| !ARTICLES.contains(&t.as_str()));
    if out.iter().any(|t| !is_title(t)) {
        out.retain(|t| !is_title(t));
    }
    out
}

/// `head(N)` of the speaker rule: over `tokens(N)` less trailing jr/sr/ii/iii/iv, the token
/// before the first of `in of at from for with on who which that whose to by` that is not N's
/// first token, else the last token.
pub fn head(name: &str) -> Option<String> {
    let mut toks = tokens(name);
    while toks.last().is_some_and(|t| SUFFIXES.contains(&t.as_str())) {
        toks.pop();
    }
    for i in 1..toks.len() {
        if HEAD_STOPS.contains(&toks[i].as_str()) {
            return Some(toks[i - 1].clone());
        }
    }
    toks.last().cloned()
}

/// Whether `short` (one token of two or more characters) spells the initials of `long`'s
/// tokens, particles left out ("imf" for international monetary fund).
fn spells_initials(short: &[String], long: &[String]) -> bool {
    let [single] = short else {
        return false;
    };
    if single.chars().count() < 2 {
        return false;
    }
    let initials: String = long
        .iter()
        .filter(|t| !is_particle(t))
        .filter_map(|t| t.chars().next())
        .collect();
    *single == initials
}

/// `names(P, N)` of the speaker rule: token-set inclusion with N's head in P, the initials
/// rule, or (for an organisation) P a part of N that keeps N's first token ("Peabody" for
/// Peabody Energy).
pub fn name_matches(gold_name: &str, predicted: &str, organization: bool) -> bool {
    let (n_list, p_list) = (tokens(gold_name), tokens(predicted));
    if n_list.is_empty() || p_list.is_empty() {
        return false;
    }
    let n: HashSet<&String> = n_list.iter().collect();
    let p: HashSet<&String> = p_list.iter().collect();
    let head_in_p = head(gold_name).is_some_and(|h| p.contains(&h));
    if (p.is_subset(&n) || n.is_subset(&p)) && head_in_p {
        return true;
    }
    if spells_initials(&p_list, &n_list) || spells_initials(&n_list, &p_list) {
        return true;
    }
    organization && p.is_subset(&n) && p.contains(&n_list[0])
}

/// The speaker rule for one match. A predicted speaker with no tokens is never right. Where the
/// gold names the source (`speaker_name`), only that name counts; otherwise a mention overlap,
/// or a gold name (each alias, then `speaker`) that agrees by [`name_matches`].
pub fn speaker_is_right(
    gold: &GoldQuote,
    speaker: Option<&str>,
    speaker_start: Option<usize>,
    speaker_end: Option<usize>,
) -> bool {
    let Some(p) = speaker.filter(|p| !tokens(p).is_empty()) else {
        return false;
    };
    let organization = gold.speaker_type.as_deref() == Some("organization");
    if let Some(name) = gold.speaker_name.as_deref().filter(|n| !n.is_empty()) {
        return name_matches(name, p, organization);
    }
    if let (Some(gs), Some(ge), Some(ps), Some(pe)) = (gold.speaker_start, gold.speaker_end, speaker_start, speaker_end)
    {
        if gs.max(ps) < ge.min(pe) {
            return true;
        }
    }
    gold.speaker_aliases
        .iter()
        .map(String::as_str)
        .chain(gold.speaker.as_deref())
        .filter(|n| !n.is_empty())
        .any(|n| name_matches(n, p, organization))
}

#[derive(Debug, Default)]
struct Tally {
    gold: usize,
    pred: usize,
    tp: usize,
    right: usize,
    errors: TaskErrors,
}

/// The Match rule of the module documentation, without building every
/// (gold, prediction) pair: 5,000 overlapping spans made 25 million
/// candidates (69 s, 3.7 GB).
///
/// Equal spans are grouped: every pair of a gold group and a prediction
/// group has the same Dice and the same sort keys up to (prediction order,
/// gold index), so such a block is contiguous in the candidate order, and
/// greedy matching inside it pairs the untaken golds (by index) with the
/// untaken predictions (by order), one to one. A group is only ever taken
/// from its front, so a cursor per group says what is left. Blocks come from
/// a sweep over predictions sorted by start: Dice ≥ 0.5 needs an overlap
/// and a prediction starting at most 2·|gold| before the gold
/// (4·|A∩B| ≥ |A|+|B| with |B| ≥ d + |A∩B| gives d ≤ 2·|A|).
///
/// Returns, per gold span, the index of its prediction, and per prediction
/// whether it is taken. `preds` holds (trimmed span, prediction order).
fn greedy_match(golds: &[(usize, usize)], preds: &[((usize, usize), usize)]) -> (Vec<Option<usize>>, Vec<bool>) {
    let groups = |spans: Vec<((usize, usize), usize, usize)>| {
        let mut spans = spans;
        spans.sort_unstable();
        let mut out: Vec<((usize, usize), Vec<usize>)> = Vec::new();
        for (span, _, i) in spans {
            match out.last_mut() {
                Some((s, members)) if *s == span => members.push(i),
                _ => out.push((span, vec![i])),
            }
        }
        out
    };
    // Gold members in index order; prediction members in prediction order.
    let gold_groups = groups(golds.iter().enumerate().map(|(i, &g)| (g, i, i)).collect());
    let pred_groups = groups(preds.iter().enumerate().map(|(i, &(p, order))| (p, order, i)).collect());
    let mut blocks = Vec::new();
    for (gg, (g, _)) in gold_groups.iter().enumerate() {
        let len = g.1 - g.0;
        if len == 0 {
            continue;
        }
        let from = pred_groups.partition_point(|(p, _)| p.0 + 2 * len < g.0);
        for (pg, (p, _)) in pred_groups.iter().enumerate().skip(from) {
            if p.0 >= g.1 {
                break;
            }
            if let Some((num, den)) = dice(*g, *p) {
                if 2 * num >= den {
                    blocks.push((num, den, gg, pg));
                }
            }
        }
    }
    // Dice descending (exactly), then gold span, then prediction span.
    blocks.sort_unstable_by(|a, b| {
        let (ga, gb) = (gold_groups[a.2].0, gold_groups[b.2].0);
        let (pa, pb) = (pred_groups[a.3].0, pred_groups[b.3].0);
        (u128::from(b.0) * u128::from(a.1))
            .cmp(&(u128::from(a.0) * u128::from(b.1)))
            .then(ga.cmp(&gb))
            .then(pa.cmp(&pb))
    });
    let mut gold_match = vec![None; golds.len()];
    let mut pred_taken = vec![false; preds.len()];
    let (mut gold_next, mut pred_next) = (vec![0; gold_groups.len()], vec![0; pred_groups.len()]);
    for &(_, _, gg, pg) in &blocks {
        let (gm, pm) = (&gold_groups[gg].1, &pred_groups[pg].1);
        while gold_next[gg] < gm.len() && pred_next[pg] < pm.len() {
            let (gi, pi) = (gm[gold_next[gg]], pm[pred_next[pg]]);
            gold_match[gi] = Some(pi);
            pred_taken[pi] = true;
            gold_next[gg] += 1;
            pred_next[pg] += 1;
        }
    }
    (gold_match, pred_taken)
}

/// Scores one document in one task and adds it to the tally.
fn score_document(task: Task, doc_index: usize, doc: &GoldDoc, text: &[char], preds: &[&Pred], tally: &mut Tally) {
    let golds: Vec<(usize, &GoldQuote, (usize, usize))> = doc
        .quotes
        .iter()
        .enumerate()
        .filter(|(_, q)| task.includes(&q.kind))
        .map(|(i, q)| (i, q, trim_span(text, q.start, q.end)))
        .collect();
    let preds: Vec<(&Pred, (usize, usize))> = preds
        .iter()
        .filter(|p| task.includes(&p.kind))
        .map(|p| {
            let span = match (p.start, p.end) {
                (Some(s), Some(e)) => trim_span(text, s, e),
                _ => (0, 0),
            };
            (*p, span)
        })
        .collect();

    let gold_spans: Vec<(usize, usize)> = golds.iter().map(|g| g.2).collect();
    let pred_spans: Vec<((usize, usize), usize)> = preds.iter().map(|(p, span)| (*span, p.seq)).collect();
    let (gold_match, pred_taken) = greedy_match(&gold_spans, &pred_spans);

    let mut matched_to_optional = 0;
    for (gi, (qi, q, _)) in golds.iter().enumerate() {
        match (q.optional, gold_match[gi]) {
            (true, Some(_)) => matched_to_optional += 1,
            (true, None) => {}
            (false, None) => {
                tally.gold += 1;
                tally.errors.missed.push(Missed {
                    doc: doc_index,
                    quote: *qi,
                });
            }
            (false, Some(pi)) => {
                tally.gold += 1;
                tally.tp += 1;
                let pred = preds[pi].0;
                if speaker_is_right(q, pred.speaker.as_deref(), pred.speaker_start, pred.speaker_end) {
                    tally.right += 1;
                } else {
                    tally.errors.wrong_speaker.push(WrongSpeaker {
                        doc: doc_index,
                        quote: *qi,
                        record: pred.record,
                        speaker: pred.speaker.clone(),
                        speaker_start: pred.speaker_start,
                        speaker_end: pred.speaker_end,
                    });
                }
            }
        }
    }
    tally.pred += preds.len() - matched_to_optional;
    for (pi, (pred, _)) in preds.iter().enumerate() {
        if !pred_taken[pi] {
            let end = pred.end.unwrap_or(0).min(text.len());
            tally.errors.spurious.push(Spurious {
                doc: doc_index,
                record: pred.record,
                start: pred.start.unwrap_or(0).min(end),
                end,
                speaker: pred.speaker.clone(),
            });
        }
    }
}

/// Expands the prediction records into predictions of gold documents (see the module
/// documentation); returns them with the counts of error records and ignored records.
fn expand(ids: &HashMap<&str, usize>, preds: &[Value]) -> (Vec<Pred>, usize, usize) {
    let mut out = Vec::new();
    let (mut error_records, mut ignored_records) = (0, 0);
    for (record, value) in preds.iter().enumerate() {
        let Some(obj) = value.as_object() else {
            ignored_records += 1;
            continue;
        };
        if obj.contains_key("error") {
            error_records += 1;
            continue;
        }
        let Some(&doc) = obj.get("doc").and_then(id_text).and_then(|id| ids.get(id.as_str())) else {
            ignored_records += 1;
            continue;
        };
        let kind = obj.get("kind").and_then(Value::as_str).unwrap_or_default().to_string();
        let speaker = obj.get("speaker").and_then(Value::as_str).map(str::to_string);
        let speaker_start = offset(obj.get("speaker_start"));
        let speaker_end = offset(obj.get("speaker_end"));
        let spans: Vec<(Option<usize>, Option<usize>)> = match obj.get("parts") {
            Some(Value::Array(parts)) if !parts.is_empty() => parts
                .iter()
                .map(|part| (offset(part.get("start")), offset(part.get("end"))))
                .collect(),
            _ => vec![(offset(obj.get("start")), offset(obj.get("end")))],
        };
        for (start, end) in spans {
            out.push(Pred {
                doc,
                record,
                seq: out.len(),
                start,
                end,
                kind: kind.clone(),
                speaker: speaker.clone(),
                speaker_start,
                speaker_end,
            });
        }
    }
    (out, error_records, ignored_records)
}

/// Scores predictions (whosaid records, as read by [`read_predictions`]) against gold documents.
pub fn evaluate(gold: &[GoldDoc], preds: &[Value]) -> Evaluation {
    let mut ids: HashMap<&str, usize> = HashMap::new();
    for (i, doc) in gold.iter().enumerate() {
        ids.entry(doc.id.as_str()).or_insert(i);
    }
    let (expanded, error_records, ignored_records) = expand(&ids, preds);
    let mut by_doc: Vec<Vec<&Pred>> = vec![Vec::new(); gold.len()];
    for pred in &expanded {
        by_doc[pred.doc].push(pred);
    }

    let mut tallies: [Tally; 3] = Default::default();
    for (doc_index, doc) in gold.iter().enumerate() {
        let text: Vec<char> = doc.text.chars().collect();
        for (task, tally) in Task::ALL.iter().zip(tallies.iter_mut()) {
            score_document(*task, doc_index, doc, &text, &by_doc[doc_index], tally);
        }
    }

    let [direct, reported, all] = tallies.map(|t| (TaskScore::from_counts(t.gold, t.pred, t.tp, t.right), t.errors));
    Evaluation {
        direct: direct.0,
        reported: reported.0,
        all: all.0,
        direct_errors: direct.1,
        reported_errors: reported.1,
        all_errors: all.1,
        error_records,
        ignored_records,
    }
}

/// A span of text for display: whitespace runs as one space, at most `max` characters.
fn excerpt(text: &[char], start: usize, end: usize, max: usize) -> String {
    let end = end.min(text.len());
    let start = start.min(end);
    let mut out = String::new();
    let mut count = 0;
    let mut last_space = false;
    for &c in &text[start..end] {
        let c = if c.is_whitespace() { ' ' } else { c };
        if c == ' ' && last_space {
            continue;
        }
        last_space = c == ' ';
        if count == max {
            out.push('…');
            break;
        }
        out.push(c);
        count += 1;
    }
    out
}

fn mention_text(text: &[char], start: Option<usize>, end: Option<usize>) -> String {
    match (start, end) {
        (Some(s), Some(e)) => format!("“{}” {s}..{e}", excerpt(text, s, e, 40)),
        _ => "no mention".to_string(),
    }
}

impl Evaluation {
    /// The scores of one task.
    pub fn score(&self, task: Task) -> &TaskScore {
        match task {
            Task::Direct => &self.direct,
            Task::Reported => &self.reported,
            Task::All => &self.all,
        }
    }

    /// The errors of one task.
    pub fn errors(&self, task: Task) -> &TaskErrors {
        match task {
            Task::Direct => &self.direct_errors,
            Task::Reported => &self.reported_errors,
            Task::All => &self.all_errors,
        }
    }

    /// `{"direct": {...}, "reported": {...}, "all": {...}}`, each task with the keys `gold`,
    /// `pred`, `tp`, `speaker_right`, `p`, `r`, `f1`, `speaker_acc`, `e2e_p`, `e2e_r`, `e2e_f1`.
    pub fn to_json(&self) -> Value {
        json!({
            "direct": self.direct.to_json(),
            "reported": self.reported.to_json(),
            "all": self.all.to_json(),
        })
    }

    /// A plain-text table, one row per task, ratios to four decimals.
    pub fn render_table(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(
            out,
            "{:<9} {:>6} {:>6} {:>6} {:>7} {:>7} {:>7} {:>8} {:>7} {:>7} {:>7}",
            "task", "gold", "pred", "tp", "P", "R", "F1", "spk acc", "e2e P", "e2e R", "e2e F1"
        );
        for task in Task::ALL {
            let s = self.score(task);
            let _ = writeln!(
                out,
                "{:<9} {:>6} {:>6} {:>6} {:>7.4} {:>7.4} {:>7.4} {:>8.4} {:>7.4} {:>7.4} {:>7.4}",
                task.name(),
                s.gold,
                s.pred,
                s.tp,
                s.p,
                s.r,
                s.f1,
                s.speaker_acc,
                s.e2e_p,
                s.e2e_r,
                s.e2e_f1
            );
        }
        if self.error_records > 0 || self.ignored_records > 0 {
            let _ = writeln!(
                out,
                "skipped {} error record(s); ignored {} record(s) of documents not in the gold",
                self.error_records, self.ignored_records
            );
        }
        out
    }

    /// Up to `n` missed gold entries, `n` spurious predictions and `n` wrong-speaker matches per
    /// task. `gold` must be the slice given to [`evaluate`].
    pub fn render_errors(&self, gold: &[GoldDoc], n: usize) -> String {
        let mut out = String::new();
        for task in Task::ALL {
            let errors = self.errors(task);
            let _ = writeln!(
                out,
                "== {}: {} missed, {} spurious, {} wrong speaker ==",
                task.name(),
                errors.missed.len(),
                errors.spurious.len(),
                errors.wrong_speaker.len()
            );
            let text_of =
                |doc: usize| -> Vec<char> { gold.get(doc).map(|d| d.text.chars().collect()).unwrap_or_default() };
            let id_of = |doc: usize| gold.get(doc).map(|d| d.id.as_str()).unwrap_or("?");
            let quote_of = |doc: usize, quote: usize| gold.get(doc).and_then(|d| d.quotes.get(quote));

            if !errors.missed.is_empty() {
                let _ = writeln!(out, "missed (gold entries no prediction matched):");
            }
            for m in errors.missed.iter().take(n) {
                let text = text_of(m.doc);
                if let Some(q) = quote_of(m.doc, m.quote) {
                    let _ = writeln!(
                        out,
                        "  [{} {}..{} {}] “{}” — speaker: {}",
                        id_of(m.doc),
                        q.start,
                        q.end,
                        q.kind,
                        excerpt(&text, q.start, q.end, 100),
                        q.speaker.as_deref().unwrap_or("none")
                    );
                }
            }
            more(&mut out, errors.missed.len(), n);

            if !errors.spurious.is_empty() {
                let _ = writeln!(out, "spurious (predictions matching no gold entry):");
            }
            for s in errors.spurious.iter().take(n) {
                let text = text_of(s.doc);
                let _ = writeln!(
                    out,
                    "  [{} {}..{} record {}] “{}” — speaker: {}",
                    id_of(s.doc),
                    s.start,
                    s.end,
                    s.record,
                    excerpt(&text, s.start, s.end, 100),
                    s.speaker.as_deref().unwrap_or("none")
                );
            }
            more(&mut out, errors.spurious.len(), n);

            if !errors.wrong_speaker.is_empty() {
                let _ = writeln!(out, "wrong speaker (matched quote, speaker not right):");
            }
            for w in errors.wrong_speaker.iter().take(n) {
                let text = text_of(w.doc);
                if let Some(q) = quote_of(w.doc, w.quote) {
                    let mut names: Vec<&str> = vec![];
                    for name in q.speaker.iter().chain(q.speaker_aliases.iter()) {
                        if !names.contains(&name.as_str()) {
                            names.push(name);
                        }
                    }
                    let _ = writeln!(
                        out,
                        "  [{} {}..{} record {}] “{}”\n      gold: {} ({})\n      pred: {} ({})",
                        id_of(w.doc),
                        q.start,
                        q.end,
                        w.record,
                        excerpt(&text, q.start, q.end, 60),
                        if names.is_empty() {
                            "none".to_string()
                        } else {
                            names.join(" | ")
                        },
                        mention_text(&text, q.speaker_start, q.speaker_end),
                        w.speaker.as_deref().unwrap_or("none"),
                        mention_text(&text, w.speaker_start, w.speaker_end)
                    );
                }
            }
            more(&mut out, errors.wrong_speaker.len(), n);
        }
        out
    }
}

fn more(out: &mut String, total: usize, shown: usize) {
    if total > shown {
        let _ = writeln!(out, "  … and {} more", total - shown);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const LETTERS: &str = "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz";

    fn quote(start: usize, end: usize, kind: &str) -> GoldQuote {
        GoldQuote {
            start,
            end,
            kind: kind.to_string(),
            ..GoldQuote::default()
        }
    }

    fn doc(id: &str, text: &str, quotes: Vec<GoldQuote>) -> GoldDoc {
        GoldDoc {
            id: id.to_string(),
            text: text.to_string(),
            quotes,
        }
    }

    fn pred(doc: &str, kind: &str, start: usize, end: usize) -> Value {
        json!({"doc": doc, "kind": kind, "start": start, "end": end, "speaker": null})
    }

    fn counts(s: &TaskScore) -> (usize, usize, usize, usize) {
        (s.gold, s.pred, s.tp, s.speaker_right)
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    #[test]
    fn trims_whitespace_and_listed_characters() {
        let text: Vec<char> = " \t`-–—…([“Hi there”])…, \n".chars().collect();
        let (s, e) = trim_span(&text, 0, text.len());
        assert_eq!(text[s..e].iter().collect::<String>(), "Hi there");
        // Offsets past the end are clamped; an all-trimmed span is empty.
        assert_eq!(trim_span(&text, 0, 1000), (s, e));
        let dots: Vec<char> = "... — ...".chars().collect();
        let (s, e) = trim_span(&dots, 0, dots.len());
        assert_eq!(s, e);
        // Apostrophes and letters inside stay.
        let inner: Vec<char> = "'don’t'".chars().collect();
        assert_eq!(trim_span(&inner, 0, inner.len()), (1, 6));
    }

    #[test]
    fn trimmed_spans_match_exactly() {
        // The prediction takes the marks, the comma and a space; the gold only the words.
        let text = "He said: “Hello, world,” and left.";
        let gold = [doc("d", text, vec![quote(10, 22, "direct")])];
        let preds = [pred("d", "direct", 9, 25)];
        let ev = evaluate(&gold, &preds);
        assert_eq!(counts(&ev.direct), (1, 1, 1, 0));
        assert!(close(ev.direct.f1, 1.0));
    }

    #[test]
    fn dice_threshold_is_inclusive() {
        // gold [0,10): pred [5,15) has Dice 10/20 = 0.5 (match), pred [6,16) 8/20 (no match).
        let gold = [doc("d", LETTERS, vec![quote(0, 10, "direct")])];
        assert_eq!(evaluate(&gold, &[pred("d", "direct", 5, 15)]).direct.tp, 1);
        assert_eq!(evaluate(&gold, &[pred("d", "direct", 6, 16)]).direct.tp, 0);
        // pred [0,29): 20/39 = 0.513 (just over); pred [0,31): 20/41 = 0.488 (just under).
        assert_eq!(evaluate(&gold, &[pred("d", "direct", 0, 29)]).direct.tp, 1);
        assert_eq!(evaluate(&gold, &[pred("d", "direct", 0, 31)]).direct.tp, 0);
        assert_eq!(dice((0, 10), (0, 31)), Some((20, 41)));
        assert_eq!(dice((0, 10), (10, 10)), None);
    }

    #[test]
    fn empty_span_matches_nothing() {
        let gold = [doc("d", "“…” he said.", vec![quote(1, 2, "direct")])];
        let ev = evaluate(&gold, &[pred("d", "direct", 1, 2)]);
        assert_eq!(counts(&ev.direct), (1, 1, 0, 0));
    }

    #[test]
    fn ties_follow_the_documented_order() {
        // Two predictions with the same Dice (0.5) against gold [10,20): the one that starts
        // first wins, although it comes second in the file.
        let gold = [doc("d", LETTERS, vec![quote(10, 20, "direct")])];
        let preds = [pred("d", "direct", 15, 25), pred("d", "direct", 5, 15)];
        let ev = evaluate(&gold, &preds);
        assert_eq!(ev.direct.tp, 1);
        assert_eq!(ev.direct_errors.spurious.len(), 1);
        assert_eq!(ev.direct_errors.spurious[0].record, 0);
        // Identical predictions: the first in the file wins.
        let preds = [pred("d", "direct", 10, 20), pred("d", "direct", 10, 20)];
        let ev = evaluate(&gold, &preds);
        assert_eq!(ev.direct_errors.spurious[0].record, 1);
        // Two gold entries with the same Dice (0.8) against pred [0,15): the one that starts
        // first wins, although it is listed second.
        let gold = [doc("d", LETTERS, vec![quote(5, 15, "direct"), quote(0, 10, "direct")])];
        let ev = evaluate(&gold, &[pred("d", "direct", 0, 15)]);
        assert_eq!(counts(&ev.direct), (2, 1, 1, 0));
        assert_eq!(ev.direct_errors.missed, vec![Missed { doc: 0, quote: 0 }]);
        // Greedy by Dice, not a maximum matching: pred [0,10) goes to gold [0,10) (Dice 1),
        // leaving gold [2,12) unmatched even though pred [0,10) could have covered it too.
        let gold = [doc("d", LETTERS, vec![quote(2, 12, "direct"), quote(0, 10, "direct")])];
        let preds = [pred("d", "direct", 0, 10), pred("d", "direct", 30, 40)];
        let ev = evaluate(&gold, &preds);
        assert_eq!(counts(&ev.direct), (2, 2, 1, 0));
        assert_eq!(ev.direct_errors.missed, vec![Missed { doc: 0, quote: 0 }]);
    }

    #[test]
    fn optional_entries_count_nowhere() {
        let mut opt_matched = quote(20, 30, "indirect");
        opt_matched.optional = true;
        let mut opt_unmatched = quote(40, 50, "indirect");
        opt_unmatched.optional = true;
        let gold = [doc(
            "d",
            LETTERS,
            vec![quote(0, 10, "indirect"), opt_matched, opt_unmatched],
        )];
        let preds = [pred("d", "indirect", 0, 10), pred("d", "indirect", 20, 30)];
        let ev = evaluate(&gold, &preds);
        assert_eq!(counts(&ev.reported), (1, 1, 1, 0));
        assert!(close(ev.reported.p, 1.0) && close(ev.reported.r, 1.0));
        assert!(ev.reported_errors.missed.is_empty());
        assert!(ev.reported_errors.spurious.is_empty());

        // An optional entry takes part in the matching: with the better Dice it takes the
        // prediction, and the non-optional entry is missed.
        let mut opt = quote(0, 10, "indirect");
        opt.optional = true;
        let gold = [doc("d", LETTERS, vec![quote(0, 12, "indirect"), opt])];
        let ev = evaluate(&gold, &[pred("d", "indirect", 0, 10)]);
        assert_eq!(counts(&ev.reported), (1, 0, 0, 0));
        assert!(close(ev.reported.p, 0.0) && close(ev.reported.f1, 0.0));
    }

    #[test]
    fn parts_are_one_prediction_each() {
        let text = "“The numbers are bad,” Hale said. “But they are getting better.”";
        let mut q1 = quote(1, 21, "direct");
        let mut q2 = quote(35, 63, "direct");
        for q in [&mut q1, &mut q2] {
            q.speaker = Some("Hale".into());
            q.speaker_aliases = vec!["Hale".into()];
        }
        let gold = [doc("d", text, vec![q1, q2])];
        let record = json!({"doc": "d", "kind": "direct", "start": 1, "end": 63,
            "parts": [{"start": 1, "end": 21, "byte_start": 3, "byte_end": 23},
                      {"start": 35, "end": 63, "byte_start": 39, "byte_end": 67}],
            "speaker": "Hale", "speaker_start": 23, "speaker_end": 27});
        let ev = evaluate(&gold, &[record]);
        assert_eq!(counts(&ev.direct), (2, 2, 2, 2));
        // The whole-record span would have matched neither piece (Dice 40/82 and 56/90 < 0.5
        // for the first; the second is 56/90 = 0.62, so without parts one piece would match).
        let record = json!({"doc": "d", "kind": "direct", "start": 1, "end": 63,
            "parts": [{"start": 1, "end": 21}, {"start": 40, "end": 44}], "speaker": "Ortiz"});
        let ev = evaluate(&gold, &[record]);
        assert_eq!(counts(&ev.direct), (2, 2, 1, 0));
        assert_eq!(ev.direct_errors.wrong_speaker.len(), 1);
        assert_eq!(ev.direct_errors.spurious.len(), 1);
        assert_eq!(
            (ev.direct_errors.spurious[0].start, ev.direct_errors.spurious[0].end),
            (40, 44)
        );
    }

    #[test]
    fn kinds_select_tasks() {
        let gold = [doc(
            "d",
            LETTERS,
            vec![quote(0, 10, "indirect"), quote(20, 30, "direct")],
        )];
        // A direct prediction over an indirect gold entry, and a mixed one over a direct entry.
        let preds = [pred("d", "direct", 0, 10), pred("d", "mixed", 20, 30)];
        let ev = evaluate(&gold, &preds);
        assert_eq!(counts(&ev.direct), (1, 1, 0, 0));
        assert_eq!(counts(&ev.reported), (1, 1, 0, 0));
        assert_eq!(counts(&ev.all), (2, 2, 2, 0));
        // mixed and indirect are the same task.
        let ev = evaluate(&gold, &[pred("d", "mixed", 0, 10)]);
        assert_eq!(counts(&ev.reported), (1, 1, 1, 0));
        // An unknown kind only takes part in `all`.
        let ev = evaluate(&gold, &[pred("d", "claim", 0, 10)]);
        assert_eq!(counts(&ev.reported), (1, 0, 0, 0));
        assert_eq!(counts(&ev.all), (2, 1, 1, 0));
    }

    fn champion() -> GoldQuote {
        GoldQuote {
            speaker: Some("Marc Champion".into()),
            speaker_start: Some(2500),
            speaker_end: Some(2508),
            ..quote(2401, 2498, "direct")
        }
    }

    fn journalist() -> GoldQuote {
        GoldQuote {
            speaker: Some("An Iranian journalist in London".into()),
            speaker_aliases: vec!["An Iranian journalist in London".into(), "Iranian journalist".into()],
            speaker_start: Some(3018),
            speaker_end: Some(3032),
            ..quote(2994, 3016, "direct")
        }
    }

    #[test]
    fn speaker_by_mention_overlap() {
        let g = journalist();
        // "he" at 3020..3025 overlaps "the journalist" 3018..3032.
        assert!(speaker_is_right(&g, Some("he"), Some(3020), Some(3025)));
        // The same pronoun without a mention, or touching without overlap, is wrong.
        assert!(!speaker_is_right(&g, Some("he"), None, None));
        assert!(!speaker_is_right(&g, Some("he"), Some(3032), Some(3034)));
        // Overlap is enough for an unnamed source, but a null speaker is never right.
        assert!(speaker_is_right(&g, Some("they"), Some(3010), Some(3019)));
        assert!(!speaker_is_right(&g, None, Some(3010), Some(3019)));
        assert!(!speaker_is_right(&g, Some("—"), Some(3010), Some(3019)));
    }

    #[test]
    fn speaker_name_beats_mention_overlap() {
        let c = GoldQuote {
            speaker: Some("he".into()),
            speaker_name: Some("Marc Champion".into()),
            ..champion()
        };
        // "he" at the right place, resolved to the wrong person: wrong.
        assert!(!speaker_is_right(&c, Some("Dennis Ross"), Some(2500), Some(2502)));
        assert!(!speaker_is_right(&c, Some("he"), Some(2500), Some(2502)));
        assert!(!speaker_is_right(&c, Some("the columnist"), Some(2500), Some(2508)));
        assert!(!speaker_is_right(&c, Some("Bloomberg"), None, None));
        assert!(speaker_is_right(&c, Some("Champion"), Some(10), Some(18)));
        assert!(speaker_is_right(&c, Some("Mr. Champion"), None, None));
    }

    #[test]
    fn titles_initials_and_organisations() {
        assert_eq!(tokens("President Obama"), ["obama"]);
        assert_eq!(tokens("the minister"), ["minister"]);
        assert_eq!(tokens("Sen. Dr. Rand Paul"), ["rand", "paul"]);
        assert_eq!(head("Joseph R. Biden Jr.").as_deref(), Some("biden"));
        assert_eq!(head("Martin Luther King III").as_deref(), Some("king"));
        assert!(name_matches("Barack Obama", "President Obama", false));
        assert!(name_matches("International Monetary Fund", "IMF", false));
        assert!(name_matches("IMF", "the International Monetary Fund", false));
        assert!(name_matches("Bank of Canada", "BC", false));
        assert!(!name_matches("International Monetary Fund", "I", false));
        assert!(!name_matches("Peabody Energy", "Peabody", false));
        assert!(name_matches("Peabody Energy", "Peabody", true));
        assert!(!name_matches("Peabody Energy", "Peabody Coal", true));
        assert!(!name_matches("Barack Obama", "", false));
    }

    #[test]
    fn speaker_by_name() {
        let c = champion();
        assert!(speaker_is_right(&c, Some("Champion"), None, None));
        assert!(speaker_is_right(&c, Some("Marc Champion"), None, None));
        assert!(speaker_is_right(
            &c,
            Some("Bloomberg columnist Marc Champion"),
            None,
            None
        ));
        assert!(speaker_is_right(&c, Some("Champion’s"), None, None));
        assert!(!speaker_is_right(&c, Some("Marc"), None, None));
        // tokens(N) ⊆ tokens(P) and the head is in P: right, even with an extra token.
        assert!(speaker_is_right(&c, Some("Marc Champion Smith"), None, None));
        assert!(!speaker_is_right(&c, None, None, None));

        let j = journalist();
        assert_eq!(head("An Iranian journalist in London").as_deref(), Some("journalist"));
        assert!(speaker_is_right(&j, Some("journalist"), None, None));
        assert!(speaker_is_right(&j, Some("the journalist"), None, None));
        assert!(speaker_is_right(
            &j,
            Some("An Iranian journalist in London"),
            None,
            None
        ));
        assert!(!speaker_is_right(&j, Some("London"), None, None));
        assert!(!speaker_is_right(&j, Some("Iranian"), None, None));
        // A pronoun with no overlapping mention is wrong.
        assert!(!speaker_is_right(&j, Some("he"), Some(2000), Some(2002)));
    }

    #[test]
    fn tokens_and_heads() {
        assert_eq!(tokens("Iran’s Supreme Leader"), ["iran", "supreme", "leader"]);
        assert_eq!(tokens("The journalist's"), ["journalist"]);
        assert_eq!(tokens("O'Shea's  U.S. aide_2"), ["o", "shea", "u", "s", "aide_2"]);
        assert_eq!(tokens("A an THE"), Vec::<String>::new());
        // Full lowercasing (final sigma); a combining mark is not alphanumeric.
        assert_eq!(tokens("ΣΟΦΟΣ said"), ["σοφος", "said"]);
        assert_eq!(tokens("Jose\u{301}"), ["jose"]);
        assert_eq!(tokens("Ali\u{64b}\u{650}x"), ["ali", "x"]);
        assert_eq!(head("Marc Champion").as_deref(), Some("champion"));
        assert_eq!(head("A spokesman for the union").as_deref(), Some("spokesman"));
        assert_eq!(head("the head of the agency").as_deref(), Some("head"));
        // A stop word as the first token is skipped.
        assert_eq!(head("Of Montreal").as_deref(), Some("montreal"));
        assert_eq!(head("critics who spoke to us").as_deref(), Some("critics"));
        assert_eq!(head("—"), None);
        assert!(name_matches("the Post", "The Washington Post", false));
        assert!(!name_matches("", "anyone", false));
    }

    #[test]
    fn speaker_and_e2e_metrics_in_evaluate() {
        let text = "x".repeat(4000);
        let gold = [doc("iran", &text, vec![champion(), journalist()])];
        let preds = [
            json!({"doc": "iran", "kind": "direct", "start": 2401, "end": 2498,
                   "speaker": "Marc", "speaker_start": 2400, "speaker_end": 2401}),
            json!({"doc": "iran", "kind": "direct", "start": 2994, "end": 3016,
                   "speaker": "he", "speaker_start": 3018, "speaker_end": 3020}),
            pred("iran", "direct", 100, 200),
        ];
        let ev = evaluate(&gold, &preds);
        let s = &ev.direct;
        assert_eq!(counts(s), (2, 3, 2, 1));
        assert!(close(s.p, 2.0 / 3.0) && close(s.r, 1.0) && close(s.f1, 0.8));
        assert!(close(s.speaker_acc, 0.5));
        assert!(close(s.e2e_p, 1.0 / 3.0) && close(s.e2e_r, 0.5) && close(s.e2e_f1, 0.4));
        assert_eq!(ev.direct_errors.wrong_speaker.len(), 1);
        assert_eq!(ev.direct_errors.wrong_speaker[0].speaker.as_deref(), Some("Marc"));
    }

    #[test]
    fn metric_formulas() {
        let s = TaskScore::from_counts(4, 5, 3, 2);
        assert!(close(s.p, 0.6) && close(s.r, 0.75) && close(s.f1, 2.0 / 3.0));
        assert!(close(s.speaker_acc, 2.0 / 3.0));
        assert!(close(s.e2e_p, 0.4) && close(s.e2e_r, 0.5) && close(s.e2e_f1, 4.0 / 9.0));
        let zero = TaskScore::from_counts(0, 0, 0, 0);
        assert_eq!((zero.p, zero.r, zero.f1, zero.speaker_acc), (0.0, 0.0, 0.0, 0.0));
        let json = Evaluation::default().to_json();
        for task in ["direct", "reported", "all"] {
            for key in ["gold", "pred", "p", "r", "f1", "speaker_acc", "e2e_f1"] {
                assert!(json[task].get(key).is_some(), "{task}.{key}");
            }
        }
    }

    #[test]
    fn error_records_and_unknown_documents_are_skipped() {
        let gold = [doc("d", LETTERS, vec![quote(0, 10, "direct")])];
        let preds = [
            json!({"doc": "d", "error": "could not read"}),
            json!({"doc": "d", "kind": "direct", "start": 0, "end": 10, "error": null}),
            pred("elsewhere", "direct", 0, 10),
            json!({"kind": "direct", "start": 0, "end": 10}),
            json!(42),
        ];
        let ev = evaluate(&gold, &preds);
        assert_eq!(counts(&ev.all), (1, 0, 0, 0));
        assert_eq!((ev.error_records, ev.ignored_records), (2, 3));
        assert!(ev.render_table().contains("skipped 2 error record(s)"));
    }

    #[test]
    fn bad_prediction_offsets_count_but_match_nothing() {
        let gold = [doc("d", LETTERS, vec![quote(0, 10, "direct")])];
        let preds = [
            json!({"doc": "d", "kind": "direct", "start": -1, "end": 10}),
            json!({"doc": "d", "kind": "direct", "start": 0}),
            json!({"doc": "d", "kind": "direct", "start": 12, "end": 8}),
            json!({"doc": "d", "kind": "direct", "start": 0.0, "end": 10}),
            // Clamped to the text: [50,52) is "yz".
            json!({"doc": "d", "kind": "direct", "start": 50, "end": 9999}),
        ];
        let ev = evaluate(&gold, &preds);
        assert_eq!(counts(&ev.direct), (1, 5, 0, 0));
        assert_eq!(ev.direct_errors.spurious[4].end, 52);
    }

    #[test]
    fn integer_document_ids() {
        let input = r#"{"id": 7, "text": "abc", "quotes": [{"start": 0, "end": 3, "kind": "direct"}]}"#;
        let gold = read_gold(input.as_bytes()).unwrap();
        assert_eq!(gold[0].id, "7");
        let ev = evaluate(&gold, &[json!({"doc": 7, "kind": "direct", "start": 0, "end": 3})]);
        assert_eq!(ev.direct.tp, 1);
    }

    #[test]
    fn reads_jsonl_arrays_and_single_objects() {
        let one_line = r#"{"id": "a", "text": "“Hi,” she said.", "source": "x", "quotes": [{"start": 1, "end": 4, "quote": "Hi,", "kind": "direct", "speaker": "she", "speaker_aliases": null, "speaker_start": 6, "speaker_end": 9, "optional": null}]}"#;
        let gold = read_gold(one_line.as_bytes()).unwrap();
        assert_eq!(gold.len(), 1);
        assert!(!gold[0].quotes[0].optional);
        assert!(gold[0].quotes[0].speaker_aliases.is_empty());
        let two = format!("\u{feff}{one_line}\n\n{}\n", one_line.replace("\"a\"", "\"b\""));
        assert_eq!(read_gold(two.as_bytes()).unwrap().len(), 2);
        let array = format!("[{one_line},\n {}]", one_line.replace("\"a\"", "\"b\""));
        assert_eq!(read_gold(array.as_bytes()).unwrap()[1].id, "b");
        let dup = format!("{one_line}\n{one_line}\n");
        assert!(read_gold(dup.as_bytes()).is_err());
        let bad = one_line.replace("\"end\": 4", "\"end\": 40");
        assert!(read_gold(bad.as_bytes()).is_err());

        let preds = read_predictions(r#"[{"doc": "a"}, {"doc": "b"}]"#.as_bytes()).unwrap();
        assert_eq!(preds.len(), 2);
        let preds = read_predictions("{\"doc\": \"a\"}\n{\"doc\": \"b\"}\n".as_bytes()).unwrap();
        assert_eq!(preds.len(), 2);
        assert!(read_predictions("{\"doc\": ".as_bytes()).is_err());
    }

    #[test]
    fn renders_errors() {
        let text = "“The numbers are bad,” Hale said. “But they are getting better.”";
        let mut q1 = quote(1, 21, "direct");
        q1.speaker = Some("Hale".into());
        q1.speaker_start = Some(23);
        q1.speaker_end = Some(27);
        let mut q2 = q1.clone();
        q2.start = 35;
        q2.end = 63;
        let gold = [doc("split", text, vec![q1, q2])];
        let preds = [
            json!({"doc": "split", "kind": "direct", "start": 1, "end": 21, "speaker": "Ruiz"}),
            pred("split", "indirect", 23, 32),
        ];
        let ev = evaluate(&gold, &preds);
        let out = ev.render_errors(&gold, 5);
        assert!(out.contains("== direct: 1 missed, 0 spurious, 1 wrong speaker =="));
        assert!(out.contains("“But they are getting better.”"), "{out}");
        assert!(out.contains("“Hale said” — speaker: none"), "{out}");
        assert!(out.contains("gold: Hale (“Hale” 23..27)"), "{out}");
        assert!(out.contains("pred: Ruiz (no mention)"), "{out}");
        let short = ev.render_errors(&gold, 0);
        assert!(short.contains("… and 1 more"));
    }
}

#[cfg(test)]
struct Candidate {
    num: u64,
    den: u64,
    g: (usize, usize),
    p: (usize, usize),
    p_order: usize,
    gi: usize,
    pi: usize,
}

#[cfg(test)]
fn candidate_order(a: &Candidate, b: &Candidate) -> std::cmp::Ordering {
    // Dice descending: a before b when a.num/a.den > b.num/b.den.
    let lhs = u128::from(b.num) * u128::from(a.den);
    let rhs = u128::from(a.num) * u128::from(b.den);
    lhs.cmp(&rhs)
        .then(a.g.0.cmp(&b.g.0))
        .then(a.g.1.cmp(&b.g.1))
        .then(a.p.0.cmp(&b.p.0))
        .then(a.p.1.cmp(&b.p.1))
        .then(a.p_order.cmp(&b.p_order))
        .then(a.gi.cmp(&b.gi))
}

/// The Match rule as first written (every pair built, then sorted): the
/// reference that `greedy_match` must agree with.
#[cfg(test)]
fn all_pairs_match(golds: &[(usize, usize)], preds: &[((usize, usize), usize)]) -> (Vec<Option<usize>>, Vec<bool>) {
    let mut candidates = Vec::new();
    for (gi, g) in golds.iter().enumerate() {
        for (pi, (p, p_order)) in preds.iter().enumerate() {
            if let Some((num, den)) = dice(*g, *p) {
                if 2 * num >= den {
                    candidates.push(Candidate {
                        num,
                        den,
                        g: *g,
                        p: *p,
                        p_order: *p_order,
                        gi,
                        pi,
                    });
                }
            }
        }
    }
    candidates.sort_by(candidate_order);
    let mut gold_match: Vec<Option<usize>> = vec![None; golds.len()];
    let mut pred_taken = vec![false; preds.len()];
    for c in &candidates {
        if gold_match[c.gi].is_none() && !pred_taken[c.pi] {
            gold_match[c.gi] = Some(c.pi);
            pred_taken[c.pi] = true;
        }
    }
    (gold_match, pred_taken)
}

#[cfg(test)]
mod sweep_tests {
    use super::*;

    /// Random small documents full of equal, nested and shifted spans.
    #[test]
    fn the_sweep_matches_as_every_pair_does() {
        let x = std::cell::Cell::new(0x9E37_79B9_7F4A_7C15_u64);
        let below = |n: u64| {
            let mut v = x.get();
            v ^= v << 13;
            v ^= v >> 7;
            v ^= v << 17;
            x.set(v);
            (v % n) as usize
        };
        let span = || {
            let s = below(30);
            (s, s + below(15))
        };
        for _ in 0..3000 {
            let n = below(12) + 1;
            let golds: Vec<(usize, usize)> = (0..n).map(|_| span()).collect();
            let m = below(12) + 1;
            let mut preds: Vec<((usize, usize), usize)> = (0..m).map(|_| (span(), 0)).collect();
            // Equal spans often: copies of gold spans.
            for (i, p) in preds.iter_mut().enumerate() {
                if i % 3 == 0 {
                    p.0 = golds[i % golds.len()];
                }
            }
            let mut order: Vec<usize> = (0..preds.len()).collect();
            for i in (1..order.len()).rev() {
                order.swap(i, below(i as u64 + 1));
            }
            for (p, o) in preds.iter_mut().zip(order) {
                p.1 = o;
            }
            assert_eq!(
                greedy_match(&golds, &preds),
                all_pairs_match(&golds, &preds),
                "{golds:?} {preds:?}"
            );
        }
    }

    #[test]
    fn five_thousand_equal_spans_are_quick() {
        let golds = vec![(10, 500); 5000];
        let preds: Vec<((usize, usize), usize)> = (0..5000).map(|i| ((10, 500), i)).collect();
        let t0 = std::time::Instant::now();
        let (m, taken) = greedy_match(&golds, &preds);
        assert!(m.iter().enumerate().all(|(i, p)| *p == Some(i)) && taken.iter().all(|&t| t));
        assert!(t0.elapsed().as_secs() < 5, "{:?}", t0.elapsed());
    }
}
