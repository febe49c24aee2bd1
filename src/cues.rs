//! Attribution cues: reporting verbs in every inflection and cue phrases,
//! found with one Aho-Corasick automaton built from `data/cues.tsv`.

use crate::lexicon::{CueClass, FastHash, LEXICON};
use crate::text::{char_after, char_before, Span};
use aho_corasick::{AhoCorasick, AhoCorasickKind, Input, MatchKind};
use once_cell::sync::Lazy;

/// A cue found in the text, in 12 bytes (`u32` offsets and entry; a 200 MB
/// document has over a million cues, and every claim holds its own).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cue {
    start: u32,
    end: u32,
    /// Index into `LEXICON.cues`.
    entry: u32,
}

impl Cue {
    /// The cue at `span` of lexicon entry `entry` (a text under 2 GiB).
    pub fn new(span: Span, entry: usize) -> Cue {
        let at = |o: usize| u32::try_from(o).expect("a text under 2 GiB");
        Cue {
            start: at(span.start),
            end: at(span.end),
            entry: u32::try_from(entry).expect("a lexicon under 2^32 cues"),
        }
    }
    /// The cue's byte range of the text.
    pub fn span(&self) -> Span {
        self.start as usize..self.end as usize
    }
    /// Index into `LEXICON.cues`.
    pub fn entry(&self) -> usize {
        self.entry as usize
    }
    pub fn lemma(&self) -> &'static str {
        &LEXICON.cues[self.entry()].lemma
    }
    pub fn class(&self) -> CueClass {
        LEXICON.cues[self.entry()].class
    }
    pub fn form(&self) -> &'static str {
        &LEXICON.cues[self.entry()].form
    }
}

static AUTOMATON: Lazy<AhoCorasick> = Lazy::new(|| {
    AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::LeftmostLongest)
        // A full DFA: twice as fast as the default (contiguous NFA) inside
        // the pipeline, three times alone, for 2.7 MB of tables built once
        // per process (about 30 ms).
        .kind(Some(AhoCorasickKind::DFA))
        .build(LEXICON.cues.iter().map(|c| c.form.as_str()))
        .expect("the cue lexicon builds an automaton")
});

fn boundary(c: Option<char>) -> bool {
    c.is_none_or(|c| !(c.is_alphanumeric() || c == '_' || c == '-'))
}

/// Every cue in `span` of `text`, in text order, on word boundaries.
pub fn find_cues(text: &str, span: Span) -> Vec<Cue> {
    let hay = &text[span.clone()];
    let mut cues = Vec::new();
    let mut from = 0;
    while let Some(m) = AUTOMATON.find(Input::new(hay).range(from..)) {
        let s = span.start + m.start();
        let e = span.start + m.end();
        // (A double hyphen is a dash: “Hello”--said Dana Cole.)
        let starts = boundary(char_before(text, s)) || text[..s].ends_with("--");
        if !starts {
            // "Harris said": the leftmost match "is said" starts inside a
            // word; a cue may still start inside the match ("said"), so the
            // search goes on from the next character, not past the match.
            from = m.start() + hay[m.start()..].chars().next().map_or(1, char::len_utf8);
            continue;
        }
        from = m.end();
        if boundary(char_after(text, e)) {
            cues.push(Cue::new(s..e, m.pattern().as_usize()));
        } else if let Some(cue) = shorter_cue(text, s, e) {
            cues.push(cue);
        }
    }
    cues
}

/// The longest cue that starts at `s` and ends at a word boundary before
/// `e`: the automaton's longest match "said in an email" must not hide
/// "said" in "said in an emailed statement".
fn shorter_cue(text: &str, s: usize, e: usize) -> Option<Cue> {
    let matched = &text[s..e];
    matched
        .match_indices(' ')
        .map(|(k, _)| k)
        .rev()
        .find_map(|k| entry_of(&matched[..k].to_lowercase()).map(|entry| Cue::new(s..s + k, entry)))
}

// FNV rather than SipHash: the mention readers test a word here at almost
// every token.
static CUE_WORDS: Lazy<std::collections::HashSet<&'static str, FastHash>> = Lazy::new(|| {
    LEXICON
        .cues
        .iter()
        .filter(|c| !c.form.contains(' ') && c.class != CueClass::According)
        .map(|c| c.form.as_str())
        .collect()
});

/// Whether a lowercase word is a one-word cue (said, argues, warning).
#[inline]
pub fn is_cue_word(word: &str) -> bool {
    CUE_WORDS.contains(word)
}

static ENTRY_BY_FORM: Lazy<std::collections::HashMap<&'static str, usize, FastHash>> = Lazy::new(|| {
    LEXICON
        .cues
        .iter()
        .enumerate()
        .map(|(i, c)| (c.form.as_str(), i))
        .collect()
});

/// The lexicon entry of a lowercase cue form ("claim" → its index).
pub fn entry_of(form: &str) -> Option<usize> {
    ENTRY_BY_FORM.get(form).copied()
}

/// Whether `window` holds a speech cue (used to keep "So what?" said Harry
/// in one sentence).
pub fn contains_speech_verb(window: &str) -> bool {
    find_cues(window, 0..window.len())
        .iter()
        .any(|c| c.class().attributes_quotes())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cues(t: &str) -> Vec<(&str, &'static str)> {
        find_cues(t, 0..t.len())
            .into_iter()
            .map(|c| (&t[c.span()], c.lemma()))
            .collect()
    }

    #[test]
    fn inflections_map_to_their_lemma() {
        assert_eq!(cues("Ross said"), [("said", "say")]);
        assert_eq!(cues("She says"), [("says", "say")]);
        assert_eq!(cues("They told reporters"), [("told reporters", "tell")]);
        assert_eq!(cues("He has asserted it"), [("has asserted", "assert")]);
    }

    #[test]
    fn cues_need_word_boundaries() {
        assert!(cues("the unsaid thing, a sayer").is_empty());
    }

    #[test]
    fn a_cue_inside_a_match_that_starts_mid_word_is_found() {
        // The automaton's leftmost match in "Harris said" is "is said".
        assert_eq!(cues("Harris said"), [("said", "say")]);
        assert_eq!(
            cues("Chris Lewis said, then Morris says"),
            [("said", "say"), ("says", "say")]
        );
    }

    #[test]
    fn according_to_is_a_phrase_cue() {
        let t = "According to the ministry";
        let c = find_cues(t, 0..t.len());
        assert_eq!(c[0].class(), CueClass::According);
    }
}
