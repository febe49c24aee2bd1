//! Paragraphs and sentences, as byte ranges of the text.
//!
//! Paragraphs end at blank lines, and at single line breaks unless the text
//! looks hard-wrapped (most lines of similar, moderate length), where only a
//! short line (a headline, a byline) ends a paragraph. Sentences end at `.`,
//! `?`, `!` or `…` (followed by any closing marks) before a capital, an
//! opening mark or a digit, except after an abbreviation, an initial, or a
//! quotation whose attribution follows ("So what?" said Harry).

use crate::lexicon::LEXICON;
use crate::text::{char_after, trim_span, NextMatch, Span};

/// Byte ranges in text order, as `u32` pairs: half the memory of a
/// `Vec<Span>` on a document of millions of sentences. Read by value.
#[derive(Debug, Default)]
pub struct Spans(Vec<(u32, u32)>);

impl Spans {
    /// Appends `span` (of a text under 2 GiB, after the others).
    pub fn push(&mut self, span: Span) {
        let at = |o: usize| u32::try_from(o).expect("a text under 2 GiB");
        self.0.push((at(span.start), at(span.end)));
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Span `i`, if there is one.
    pub fn get(&self, i: usize) -> Option<Span> {
        self.0.get(i).map(|&(s, e)| s as usize..e as usize)
    }

    /// Span `i`.
    ///
    /// # Panics
    ///
    /// When there is no span `i`.
    pub fn at(&self, i: usize) -> Span {
        let (s, e) = self.0[i];
        s as usize..e as usize
    }

    pub fn first(&self) -> Option<Span> {
        self.get(0)
    }

    pub fn iter(&self) -> SpansIter<'_> {
        SpansIter(self.0.iter())
    }

    /// Index of the span holding byte `pos` (or the last one before it).
    fn index_of(&self, pos: usize) -> usize {
        self.0.partition_point(|&(s, _)| s as usize <= pos).saturating_sub(1)
    }
}

/// The spans of a [`Spans`], by value.
pub struct SpansIter<'a>(std::slice::Iter<'a, (u32, u32)>);

impl Iterator for SpansIter<'_> {
    type Item = Span;

    #[inline]
    fn next(&mut self) -> Option<Span> {
        self.0.next().map(|&(s, e)| s as usize..e as usize)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.0.size_hint()
    }
}

impl<'a> IntoIterator for &'a Spans {
    type Item = Span;
    type IntoIter = SpansIter<'a>;

    fn into_iter(self) -> SpansIter<'a> {
        self.iter()
    }
}

impl FromIterator<Span> for Spans {
    fn from_iter<I: IntoIterator<Item = Span>>(spans: I) -> Self {
        let mut out = Spans::default();
        for s in spans {
            out.push(s);
        }
        out
    }
}

/// Paragraphs and sentences of one document.
#[derive(Debug, Default)]
pub struct Segments {
    /// Non-empty paragraphs in text order, trimmed of surrounding whitespace.
    pub paragraphs: Spans,
    /// Sentences in text order; each lies inside one paragraph and they
    /// cover each paragraph without gaps (apart from whitespace between them).
    pub sentences: Spans,
    /// `furniture[i]`: paragraph i is page furniture, not story text ("READ
    /// MORE: …", a photo credit, a byline, a quoted subhead; see
    /// [`crate::furniture`]). It gives no record and no speaker.
    pub furniture: Vec<bool>,
}

impl Segments {
    /// Index of the paragraph holding byte `pos` (or the last one before it).
    pub fn paragraph_of(&self, pos: usize) -> usize {
        self.paragraphs.index_of(pos)
    }

    /// Whether paragraph `i` is page furniture.
    pub fn is_furniture_paragraph(&self, i: usize) -> bool {
        self.furniture.get(i).copied().unwrap_or(false)
    }

    /// Whether byte `pos` lies in a page-furniture paragraph (a link line,
    /// credit, byline or subhead): no quotation, cue or speaker comes from it.
    pub fn is_furniture(&self, pos: usize) -> bool {
        let i = self.paragraph_of(pos);
        self.paragraphs.get(i).is_some_and(|p| p.contains(&pos)) && self.is_furniture_paragraph(i)
    }

    /// The paragraph index of sentence `i`. (Found, not stored: a vector of
    /// them took 8 bytes a sentence on a document of millions.)
    pub fn paragraph_of_sentence(&self, i: usize) -> usize {
        self.paragraph_of(self.sentences.at(i).start)
    }

    /// Index of the sentence holding byte `pos` (or the last one before it).
    pub fn sentence_of(&self, pos: usize) -> usize {
        self.sentences.index_of(pos)
    }

    /// The byte range of the sentences holding `start..end` (a record's
    /// `--context`, in the CLI and in Python alike).
    pub fn context_of(&self, start: usize, end: usize) -> Span {
        let a = self.sentences.at(self.sentence_of(start)).start;
        let b = self
            .sentences
            .at(self.sentence_of(end.saturating_sub(1).max(start)))
            .end;
        a..b.max(a)
    }
}

pub fn segment(text: &str) -> Segments {
    let paragraphs = paragraphs(text);
    let mut sentences = Spans::default();
    for p in &paragraphs {
        for s in sentences_in(text, p.clone()) {
            sentences.push(s);
        }
    }
    let furniture = crate::furniture::classify(text, &paragraphs);
    Segments {
        paragraphs: paragraphs.into_iter().collect(),
        sentences,
        furniture,
    }
}

/// Lines as byte ranges without their terminators (`\n`, `\r\n`, `\r`).
fn lines(text: &str) -> Vec<Span> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    for i in memchr::memchr2_iter(b'\n', b'\r', b) {
        if i < start {
            continue; // the \n of a \r\n
        }
        out.push(start..i);
        start = if b[i] == b'\r' && b.get(i + 1) == Some(&b'\n') {
            i + 2
        } else {
            i + 1
        };
    }
    out.push(start..b.len());
    out
}

/// A hard-wrapped text has most of its lines between 40 and 100 bytes and
/// none much longer: there a single line break is not a paragraph end.
fn hard_wrapped(text: &str, lines: &[Span]) -> bool {
    let nonblank: Vec<usize> = lines
        .iter()
        .filter(|l| !text[(*l).clone()].trim().is_empty())
        .map(|l| l.len())
        .collect();
    if nonblank.len() < 4 || nonblank.iter().any(|&n| n > 120) {
        return false;
    }
    let moderate = nonblank.iter().filter(|&&n| (40..=100).contains(&n)).count();
    moderate * 10 >= nonblank.len() * 7
}

fn paragraphs(text: &str) -> Vec<Span> {
    let lines = lines(text);
    let wrapped = hard_wrapped(text, &lines);
    let mut out = Vec::new();
    let mut current: Option<Span> = None;
    // The line before this one (the last line of `current`): searching back
    // for its start would be quadratic in a text of lone-CR line breaks.
    let mut prev_len = 0;
    let mut prev_open = false;
    for line in lines {
        let blank = text[line.clone()].trim().is_empty();
        let len = line.len();
        if blank {
            if let Some(p) = current.take() {
                out.push(p);
            }
            continue;
        }
        let short_prev = prev_len < 40;
        let open_prev = prev_open;
        prev_len = len;
        prev_open = ends_mid_sentence(&text[line.clone()]);
        current = Some(match current.take() {
            None => line,
            Some(p) => {
                let starts_new = text[line.clone()]
                    .trim_start()
                    .starts_with(['“', '"', '«', '„', '—', '•', '*', '-']);
                // A line that goes on in lowercase from a line left
                // mid-sentence is the same paragraph, wrapped or not
                // ("“We will not back down from this fight,⏎whatever it
                // costs us,” said Ann Lee.").
                let lowercase_next = text[line.clone()].trim_start().starts_with(|c: char| c.is_lowercase());
                if (wrapped && !short_prev && !starts_new) || (open_prev && lowercase_next) {
                    p.start..line.end
                } else {
                    out.push(p);
                    line
                }
            }
        });
    }
    if let Some(p) = current {
        out.push(p);
    }
    out.into_iter()
        .map(|p| trim_span(text, p))
        .filter(|p| !p.is_empty())
        .collect()
}

/// Whether a line stops mid-sentence: it does not end in sentence or
/// clause punctuation, or a closing mark (a heading, a list item or a
/// sentence ends there).
fn ends_mid_sentence(line: &str) -> bool {
    line.trim_end()
        .chars()
        .next_back()
        .is_some_and(|c| !matches!(c, '.' | '?' | '!' | ':' | ';' | '…') && !CLOSERS.contains(&c))
}

const CLOSERS: &[char] = &['"', '\'', '”', '’', '»', '›', '“', ')', ']'];
const OPENERS: &[char] = &['"', '\'', '“', '‘', '«', '‹', '„', '(', '['];

fn is_terminal(c: char) -> bool {
    matches!(c, '.' | '?' | '!' | '…')
}

/// Sentences of one paragraph.
fn sentences_in(text: &str, para: Span) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = para.start;
    let bytes = text.as_bytes();
    let mut i = para.start;
    // Only . ? ! and … (lead byte 0xE2) can end a sentence: jump to them.
    // memchr finds three bytes at a time, so the next . ? ! and the next
    // 0xE2 are searched for apart, each again only once `i` has passed it
    // (`i` never goes back): the paragraph is still read once.
    let mut next_stop = NextMatch::default();
    let mut next_e2 = NextMatch::default();
    while i < para.end {
        let stop = next_stop.at_or_after(i, |from| {
            memchr::memchr3(b'.', b'?', b'!', &bytes[from..para.end]).map(|k| from + k)
        });
        let e2 = next_e2.at_or_after(i, |from| memchr::memchr(0xE2, &bytes[from..para.end]).map(|k| from + k));
        match stop.into_iter().chain(e2).min() {
            Some(k) => i = k,
            None => break,
        }
        let c = match char_after(text, i) {
            Some(c) => c,
            None => break,
        };
        let next = i + c.len_utf8();
        if !is_terminal(c) {
            i = next;
            continue;
        }
        // Extend over repeated terminals and closing marks.
        let mut end = next;
        let mut closed_quote = false;
        while let Some(d) = char_after(text, end) {
            if end >= para.end || !(is_terminal(d) || CLOSERS.contains(&d)) {
                break;
            }
            closed_quote |= matches!(d, '"' | '”' | '’' | '»' | '\'');
            end += d.len_utf8();
        }
        // Must be followed by whitespace, then a sentence start.
        // (Scraped text often has a no-break space here.)
        let mut j = end;
        while let Some(w) = char_after(text, j).filter(|w| j < para.end && w.is_whitespace()) {
            j += w.len_utf8();
        }
        if j == end || j >= para.end {
            i = end.max(next);
            continue;
        }
        let starter = char_after(text, j).unwrap_or(' ');
        let starts_sentence = starter.is_uppercase() || starter.is_ascii_digit() || OPENERS.contains(&starter);
        if starts_sentence
            && !(c == '.' && ends_with_abbreviation(text, start, i, starter_word(text, j)))
            && !(closed_quote && c != '.' && attribution_follows(text, j, para.end))
        {
            out.push(trim_span(text, start..end));
            start = j;
        }
        i = end;
    }
    if start < para.end {
        out.push(trim_span(text, start..para.end));
    }
    out.retain(|s| !s.is_empty());
    out
}

/// The word a sentence would start with at `j`; after an opening quotation
/// mark and a capital, the mark itself ("U.S. “Forget about it,” he said":
/// a quotation opening after an abbreviation starts a sentence).
fn starter_word(text: &str, j: usize) -> &str {
    let rest = &text[j..];
    let mut chars = rest.chars();
    if let (Some(open @ ('“' | '"')), Some(next)) = (chars.next(), chars.next()) {
        if next.is_uppercase() {
            return &rest[..open.len_utf8()];
        }
    }
    let end = rest.find(|c: char| !c.is_alphanumeric()).unwrap_or(rest.len());
    &rest[..end]
}

/// Words that begin sentences far more often than they follow "U.S." or
/// "Sept." inside one: after such an ambiguous abbreviation, a sentence ends
/// only when one of these comes next.
const SENTENCE_STARTERS: &[&str] = &[
    "The",
    "A",
    "An",
    "He",
    "She",
    "It",
    "They",
    "We",
    "I",
    "You",
    "But",
    "And",
    "In",
    "This",
    "That",
    "There",
    "These",
    "Those",
    "His",
    "Her",
    "Their",
    "Its",
    "Our",
    "If",
    "When",
    "As",
    "On",
    "At",
    "For",
    "So",
    "Yet",
    "Still",
    "Meanwhile",
    "However",
    "After",
    "Before",
    "While",
    "“",
    "\"",
];

/// Abbreviations that never end a sentence: they always precede a name.
fn always_followed(word: &str) -> bool {
    matches!(
        word,
        "Mr."
            | "Mrs."
            | "Ms."
            | "Dr."
            | "Prof."
            | "Gen."
            | "Sen."
            | "Rep."
            | "Gov."
            | "Lt."
            | "Col."
            | "Sgt."
            | "Capt."
            | "Rev."
            | "St."
            | "Adm."
            | "Maj."
            | "Cmdr."
            | "Supt."
            | "Hon."
            | "Pres."
            | "Sec."
            | "Amb."
            | "No."
            | "vs."
            | "v."
    )
}

/// Whether the period at `dot` ends an abbreviation or an initial.
fn ends_with_abbreviation(text: &str, sent_start: usize, dot: usize, next_word: &str) -> bool {
    let before = &text[sent_start..dot];
    let word_start = before
        .rfind(|c: char| c.is_whitespace() || OPENERS.contains(&c) || c == '—')
        .map_or(0, |k| k + before[k..].chars().next().map_or(1, char::len_utf8));
    let word = &text[sent_start + word_start..dot + 1];
    if word.len() <= 1 {
        return false;
    }
    let core = &word[..word.len() - 1];
    // An initial ("J.") or a run of initials ("U.S", "D.C").
    let initial = core.chars().count() == 1 && core.chars().all(char::is_uppercase);
    if always_followed(word) {
        return true;
    }
    // "No. 1", "no. 3": a number sign only before a number ("he would vote
    // no. Sherrod Brown said …" ends a sentence).
    if word.eq_ignore_ascii_case("no.") {
        return next_word.starts_with(|c: char| c.is_ascii_digit());
    }
    let listed = LEXICON.abbreviations.contains(word);
    let dotted = core.contains('.') && core.chars().all(|c| c.is_alphabetic() || c == '.');
    if initial || listed || dotted {
        return !SENTENCE_STARTERS.contains(&next_word);
    }
    false
}

/// After a quotation closing on a sentence end, a short attribution with a
/// cue ("So what?" said Harry. / "Ready?" Nina asked.) keeps the sentence going.
fn attribution_follows(text: &str, from: usize, limit: usize) -> bool {
    let window_end = text[from..limit]
        .char_indices()
        .filter(|&(_, c)| c.is_whitespace())
        .nth(5)
        .map_or(limit, |(k, _)| from + k);
    let window = &text[from..window_end];
    crate::cues::contains_speech_verb(window)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sents(t: &str) -> Vec<&str> {
        segment(t).sentences.into_iter().map(|s| &t[s]).collect()
    }

    #[test]
    fn abbreviations_initials_and_decimals_do_not_end_sentences() {
        let t = "Mr. Ross met Gen. J. R. Smith in the U.S. capital on Sept. 5 at 3.5 p.m. local time. He left.";
        assert_eq!(
            sents(t),
            [
                "Mr. Ross met Gen. J. R. Smith in the U.S. capital on Sept. 5 at 3.5 p.m. local time.",
                "He left."
            ]
        );
    }

    #[test]
    fn a_no_break_space_separates_sentences() {
        assert_eq!(
            sents("Funds are short.\u{a0}“We need the money,” said Joseph."),
            vec!["Funds are short.", "“We need the money,” said Joseph."]
        );
    }

    #[test]
    fn no_is_a_number_sign_only_before_a_number() {
        assert_eq!(
            sents("He would vote no. Sherrod Brown said the bill was flawed."),
            ["He would vote no.", "Sherrod Brown said the bill was flawed."]
        );
        assert_eq!(sents("It was ranked No. 1 in Ohio."), ["It was ranked No. 1 in Ohio."]);
    }

    #[test]
    fn an_abbreviation_can_end_a_sentence() {
        let t = "They flew to the U.S. The talks began.";
        assert_eq!(sents(t), ["They flew to the U.S.", "The talks began."]);
    }

    #[test]
    fn a_quote_with_its_attribution_is_one_sentence() {
        let t = "\"So what?\" said Harry. “Are you ready?” Nina asked. “Yes.” It rained.";
        assert_eq!(
            sents(t),
            [
                "\"So what?\" said Harry.",
                "“Are you ready?” Nina asked.",
                "“Yes.”",
                "It rained."
            ]
        );
    }

    #[test]
    fn paragraphs_split_on_blank_lines_and_short_lines() {
        let t = "Headline here\nBy A. Writer\n\nFirst para line one.\r\n\r\nSecond.";
        let s = segment(t);
        let p: Vec<&str> = s.paragraphs.iter().map(|p| &t[p.clone()]).collect();
        assert_eq!(p, ["Headline here", "By A. Writer", "First para line one.", "Second."]);
    }

    #[test]
    fn a_line_going_on_in_lowercase_continues_its_paragraph() {
        let t = "“We will not back down from this fight,\nwhatever it costs us,” said Ann Lee.\nShe left.\nmore text\nA list:\nmilk";
        let s = segment(t);
        let p: Vec<&str> = s.paragraphs.iter().map(|p| &t[p.clone()]).collect();
        assert_eq!(
            p,
            [
                "“We will not back down from this fight,\nwhatever it costs us,” said Ann Lee.",
                "She left.",
                "more text",
                "A list:",
                "milk"
            ]
        );
    }

    #[test]
    fn hard_wrapped_lines_join_into_one_paragraph() {
        let line = "word ".repeat(14);
        let t = format!("{line}\n{line}\n{line}\n{line}\n\nNext");
        let s = segment(&t);
        assert_eq!(s.paragraphs.len(), 2);
    }
}
