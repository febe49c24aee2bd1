//! Quotation marks, paired into quotations.
//!
//! One left-to-right pass per paragraph with a stack of open marks, so the
//! whole stage is linear in the text length whatever the marks.
//!
//! - Mark families: double (“ ” " „), guillemets (« »), single (‘ ’ ' ‚) and
//!   single guillemets (‹ ›). A closing mark closes the nearest open mark of
//!   its family; unclosed marks above it are dropped (strays). A single mark
//!   never closes across an open double mark or guillemet.
//! - Apostrophes are not marks: a mark between two letters or digits
//!   (don’t, Iran’s, O’Brien), a ’ after whitespace (’90s, ’n’), the second
//!   mark of ’n’, and a closing-looking ’ when no single quotation is open
//!   (sides’, senators’).
//! - A double quotation still open at the end of a paragraph continues when
//!   the next paragraph opens with a mark of the same family (each paragraph
//!   of a long quotation re-opens, only the last closes): one quotation, one
//!   part per paragraph. Otherwise it is recovered at the paragraph end. An
//!   unclosed single mark at a paragraph end is dropped.
//! - Only outermost quotations are kept; nested ones stay inside their
//!   parent's text. Scare quotes and titles are flagged (see [`Role`]).

use crate::lexicon::LEXICON;
use crate::segment::Segments;
use crate::text::{char_after, char_before, trim_span, NextMatch, Span};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Family {
    Double,
    Guillemet,
    Single,
    SingleGuillemet,
}

impl Family {
    fn is_primary(self) -> bool {
        matches!(self, Family::Double | Family::Guillemet)
    }
}

/// One contiguous piece of a quotation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Part {
    /// The opening mark.
    pub open: Span,
    /// The text inside the marks, trimmed of whitespace.
    pub content: Span,
    /// The closing mark, if the piece was closed.
    pub close: Option<Span>,
}

/// Why a quotation is, or is not, a quotation of speech.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    /// Quoted words: a candidate for a record.
    Quotation,
    /// A scare quote or a quoted term: "so-called “reforms”", one or two
    /// words without closing punctuation.
    Scare,
    /// A title of a work: two to eight words in title case, no sentence end.
    Title,
}

/// An outermost quotation: one part, or one per paragraph it runs over.
#[derive(Clone, Debug)]
pub struct Quotation {
    pub parts: Vec<Part>,
    /// False when the last part was recovered at a paragraph end.
    pub closed: bool,
    pub role: Role,
}

impl Quotation {
    pub fn start(&self) -> usize {
        self.parts[0].content.start
    }
    pub fn end(&self) -> usize {
        self.parts.last().map_or(0, |p| p.content.end)
    }
    /// From the first opening mark to the last closing mark (or content end).
    pub fn outer(&self) -> Span {
        let last = self.parts.last().expect("a quotation has parts");
        self.parts[0].open.start..last.close.as_ref().map_or(last.content.end, |c| c.end)
    }
}

#[derive(Clone, Copy, Debug)]
enum Mark {
    Open(Family),
    Close(Family),
    /// A straight mark whose direction depends on what is open.
    Either(Family),
}

struct OpenMark {
    family: Family,
    mark: Span,
    ch: char,
}

/// Finds the outermost quotations of the text, paragraph by paragraph.
pub fn find_quotations(text: &str, segs: &Segments) -> Vec<Quotation> {
    let mut out: Vec<Quotation> = Vec::new();
    // A quotation that runs on into the next paragraph.
    let mut running: Option<Quotation> = None;
    // Page furniture is not read: a quotation runs on over a "Story
    // continues below advertisement" line to the paragraph after it.
    let story: Vec<Span> = (segs.paragraphs.iter().enumerate())
        .filter(|&(i, _)| !segs.is_furniture_paragraph(i))
        .map(|(_, p)| p)
        .collect();
    for (pi, para) in story.iter().enumerate() {
        let next_para = story.get(pi + 1);
        let mut stack: Vec<OpenMark> = Vec::new();
        // For each family, the stack indexes of its open marks (ascending).
        let mut by_family: [Vec<usize>; 4] = Default::default();
        let fam_ix = |f: Family| f as usize;
        let bytes = text.as_bytes();
        let mut pos = para.start;
        // Only these bytes can begin a quotation mark: " ' and the lead
        // bytes of “ ” ‘ ’ „ ‚ ‹ › (0xE2) and « » (0xC2); skipping to them
        // keeps the scan cheap on ordinary text. memchr takes three bytes
        // at most, so 0xC2 (rare) is searched for apart.
        let mut next_mark = NextMatch::default();
        let mut next_c2 = NextMatch::default();
        while pos < para.end {
            let mark = next_mark.at_or_after(pos, |from| {
                memchr::memchr3(b'"', b'\'', 0xE2, &bytes[from..para.end]).map(|k| from + k)
            });
            let c2 = next_c2.at_or_after(pos, |from| {
                memchr::memchr(0xC2, &bytes[from..para.end]).map(|k| from + k)
            });
            match mark.into_iter().chain(c2).min() {
                Some(k) => pos = k,
                None => break,
            }
            let i = pos;
            let Some(c) = char_after(text, i) else { break };
            let prev = if i == para.start { None } else { char_before(text, i) };
            let in_para = |at: usize| char_after(text, at).filter(|_| at < para.end);
            let mut next = in_para(i + c.len_utf8());
            // Two straight apostrophes ('') are a typewriter double mark.
            let doubled = c == '\'' && next == Some('\'');
            let (c, width) = if doubled {
                next = in_para(i + 2);
                ('"', 2)
            } else {
                (c, c.len_utf8())
            };
            pos = i + width;
            let mark = classify(text, i, c, prev, next, &stack, &by_family);
            let (fam, is_open) = match mark {
                None => continue,
                Some(Mark::Open(f)) => (f, true),
                Some(Mark::Close(f)) => (f, false),
                Some(Mark::Either(f)) => (f, by_family[fam_ix(f)].is_empty()),
            };
            let span = i..i + width;
            if is_open {
                by_family[fam_ix(fam)].push(stack.len());
                stack.push(OpenMark {
                    family: fam,
                    mark: span,
                    ch: c,
                });
                continue;
            }
            let Some(&at) = by_family[fam_ix(fam)].last() else {
                continue; // a stray closing mark
            };
            if !fam.is_primary() && primary_open_above(&by_family, at) {
                continue;
            }
            // Drop unclosed marks opened inside this one, then the opener.
            while stack.len() > at {
                let o = stack.pop().expect("non-empty");
                by_family[fam_ix(o.family)].pop();
                if stack.len() == at && at == 0 {
                    let part = Part {
                        open: o.mark.clone(),
                        content: trim_span(text, o.mark.end..span.start),
                        close: Some(span.clone()),
                    };
                    finish(&mut out, &mut running, part, true, text);
                }
            }
        }
        // Paragraph end: only the outermost open mark matters.
        if let Some(o) = stack.first() {
            if !o.family.is_primary() {
                continue;
            }
            let part = Part {
                open: o.mark.clone(),
                content: trim_span(text, o.mark.end..para.end),
                close: None,
            };
            let continues = next_para.is_some_and(|n| {
                char_after(text, n.start).is_some_and(|c| opens_family(c, o.family, o.ch))
                    || (o.family == Family::Double && text[n.start..].starts_with("''"))
            });
            if continues {
                let q = running.get_or_insert_with(|| Quotation {
                    parts: Vec::new(),
                    closed: false,
                    role: Role::Quotation,
                });
                if !part.content.is_empty() {
                    q.parts.push(part);
                }
            } else {
                finish(&mut out, &mut running, part, false, text);
            }
        } else if let Some(q) = running.take() {
            // The next paragraph did not re-open after all: keep what we have.
            push(&mut out, q, text);
        }
    }
    if let Some(q) = running.take() {
        push(&mut out, q, text);
    }
    out
}

fn finish(out: &mut Vec<Quotation>, running: &mut Option<Quotation>, part: Part, closed: bool, text: &str) {
    // Most quotations have one part: room for that one only (a `Vec` grows
    // to four at its first push, 168 bytes more for each quotation).
    let mut q = running.take().unwrap_or_else(|| Quotation {
        parts: Vec::with_capacity(1),
        closed,
        role: Role::Quotation,
    });
    q.closed = closed;
    if !part.content.is_empty() {
        q.parts.push(part);
    }
    push(out, q, text);
}

fn push(out: &mut Vec<Quotation>, mut q: Quotation, text: &str) {
    // A paragraph of a quoted transcript that is only "(CROSSTALK.)" or
    // "[applause]" is a stage direction, not speech.
    if q.parts.len() > 1 {
        q.parts.retain(|p| !is_stage_direction(&text[p.content.clone()]));
    }
    if q.parts.is_empty() {
        return;
    }
    // A transcript quoted over several paragraphs ("WALLACE: …" ¶ "PENCE: …"):
    // each labelled turn is a quotation of its own, so each gets its speaker.
    if let Some(k) = (1..q.parts.len())
        .rev()
        .find(|&k| opens_turn(text, q.parts[k].content.start))
    {
        let turn = Quotation {
            parts: q.parts.split_off(k),
            closed: q.closed,
            role: Role::Quotation,
        };
        q.closed = false;
        push(out, q, text);
        out.push(turn);
        return;
    }
    q.role = role(text, &q);
    out.push(q);
}

fn is_stage_direction(content: &str) -> bool {
    let c = content.trim_end_matches(['.', ' ']);
    ((c.starts_with('(') && c.ends_with(')')) || (c.starts_with('[') && c.ends_with(']')))
        && !c[1..c.len() - 1].contains([')', ']'])
}

/// Whether a speaker label in capitals ("WALLACE:", "SEN. WARREN:") starts
/// at `at`: at most three words, then a colon.
pub(crate) fn opens_turn(text: &str, at: usize) -> bool {
    for w in text[at..].split_inclusive(' ').take(3) {
        let word = w.trim_end();
        let (name, colon) = match word.strip_suffix(':') {
            Some(n) => (n, true),
            None => (word, false),
        };
        if name.chars().filter(|c| c.is_alphabetic()).count() < 2
            || !name
                .chars()
                .all(|c| c.is_uppercase() || matches!(c, '.' | '-' | '\'' | '’'))
        {
            return false;
        }
        if colon {
            return true;
        }
    }
    false
}

/// Whether a double mark or a guillemet is open above stack index `at`: the
/// top open mark of each primary family tells, so no walk over the stack
/// (which made ‘‹‹‹…“’’’… quadratic).
fn primary_open_above(by_family: &[Vec<usize>; 4], at: usize) -> bool {
    [Family::Double, Family::Guillemet]
        .iter()
        .any(|&f| by_family[f as usize].last().is_some_and(|&k| k > at))
}

fn opens_family(c: char, family: Family, first: char) -> bool {
    match family {
        Family::Double => matches!(c, '“' | '"' | '„') || (c == '”' && first == '”'),
        Family::Guillemet => c == '«',
        _ => false,
    }
}

fn is_opening_context(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '(' | '[' | '{' | '—' | '–' | '-' | '/' | '“' | '‘' | '«' | '‹' | '„' | '"' | '\''
        )
}

fn is_closing_context(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '.' | ','
                | ';'
                | ':'
                | '!'
                | '?'
                | ')'
                | ']'
                | '}'
                | '—'
                | '–'
                | '-'
                | '…'
                | '”'
                | '’'
                | '»'
                | '›'
                | '"'
                | '\''
        )
}

/// Words that an apostrophe opens: 'em, 'n', 'til, 'cause, 'tis.
fn elided_word(text: &str, after: usize) -> bool {
    let rest = &text[after..];
    // The word's own length: lowercasing can change it (Ⱥ is 2 bytes, ⱥ 3).
    let len = rest.find(|c: char| !c.is_alphabetic()).unwrap_or(rest.len());
    let w = rest[..len].to_lowercase();
    matches!(w.as_str(), "em" | "n" | "til" | "cause" | "tis" | "twas" | "bout" | "s")
}

fn classify(
    text: &str,
    i: usize,
    c: char,
    prev: Option<char>,
    next: Option<char>,
    stack: &[OpenMark],
    by_family: &[Vec<usize>; 4],
) -> Option<Mark> {
    let alnum = |o: Option<char>| o.is_some_and(char::is_alphanumeric);
    let left = prev.is_none_or(is_opening_context) && next.is_some_and(|n| !n.is_whitespace());
    let right = prev.is_some_and(|p| !p.is_whitespace()) && next.is_none_or(is_closing_context);
    let single_open_in_scope = || {
        by_family[Family::Single as usize]
            .last()
            .is_some_and(|&at| !primary_open_above(by_family, at))
    };
    let after = i + c.len_utf8();
    match c {
        '“' => {
            // „…“ (German): “ closes an open „.
            let low_open = by_family[Family::Double as usize]
                .last()
                .is_some_and(|&at| stack[at].ch == '„');
            Some(if low_open {
                Mark::Close(Family::Double)
            } else {
                Mark::Open(Family::Double)
            })
        }
        '„' => Some(Mark::Open(Family::Double)),
        '”' => {
            if left && !right && by_family[Family::Double as usize].is_empty() {
                Some(Mark::Open(Family::Double))
            } else {
                Some(Mark::Close(Family::Double))
            }
        }
        '"' => Some(match (left, right) {
            (true, false) => Mark::Open(Family::Double),
            (false, true) => Mark::Close(Family::Double),
            _ => Mark::Either(Family::Double),
        }),
        '«' => Some(Mark::Open(Family::Guillemet)),
        '»' => Some(Mark::Close(Family::Guillemet)),
        '‹' => Some(Mark::Open(Family::SingleGuillemet)),
        '›' => Some(Mark::Close(Family::SingleGuillemet)),
        '‚' => (left && next.is_some_and(char::is_alphabetic)).then_some(Mark::Open(Family::Single)),
        '‘' | '’' | '\'' => {
            if alnum(prev) && alnum(next) {
                return None; // don’t, Iran’s, O’Brien
            }
            let opening = c == '‘' || (c == '\'' && left);
            if opening {
                if alnum(prev) || next.is_some_and(|n| n.is_ascii_digit()) || elided_word(text, after) && c != '‘' {
                    return None; // ‘90s, 'em, 'n'
                }
                if c == '‘' || !right {
                    return Some(Mark::Open(Family::Single));
                }
            }
            if c == '‘' || prev.is_none_or(char::is_whitespace) {
                return None; // ’90s, ’n’
            }
            // The second mark of ’n’ / 'n'.
            if prev == Some('n') {
                let before_n = char_before(text, i - 1);
                if matches!(before_n, Some('’' | '\'')) {
                    return None;
                }
            }
            (right && single_open_in_scope()).then_some(Mark::Close(Family::Single))
        }
        _ => None,
    }
}

/// “Hello”--said Dana Cole / “Enough” — said the mayor: right after the
/// closing mark (at byte `from`) a dash and a speech cue; a word or two
/// quoted so is speech, not a term.
fn cue_follows(text: &str, from: usize) -> bool {
    let rest = &text[from..];
    let after_dash = rest.trim_start().trim_start_matches(['-', '—', '–']);
    if after_dash.len() == rest.trim_start().len() {
        return false;
    }
    let window_end = after_dash
        .char_indices()
        .filter(|&(_, c)| c.is_whitespace())
        .nth(1)
        .map_or(after_dash.len(), |(k, _)| k);
    crate::cues::contains_speech_verb(&after_dash[..window_end])
}

/// The documented rule for marks that do not quote speech.
fn role(text: &str, q: &Quotation) -> Role {
    if q.parts.len() != 1 || !q.closed {
        return Role::Quotation;
    }
    let part = &q.parts[0];
    let content = &text[part.content.clone()];
    // The words just before the opening mark, lowercased.
    let lead_start = text[..part.open.start]
        .char_indices()
        .rev()
        .nth(24)
        .map_or(0, |(k, _)| k);
    let lead = text[lead_start..part.open.start].trim_end().to_lowercase();
    // Only triggers ending in the word right before the mark can match.
    let last_word = lead
        .rsplit(|c: char| !c.is_alphanumeric() && c != '-')
        .next()
        .unwrap_or("");
    let candidates = LEXICON
        .scare_triggers_by_last
        .get(last_word)
        .map_or(&[][..], Vec::as_slice);
    if candidates.iter().any(|t| {
        lead.ends_with(t.as_str())
            && lead[..lead.len() - t.len()]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric())
    }) {
        return Role::Scare;
    }
    // Only counts up to 9 matter below: a long quotation is not split whole.
    let words: Vec<&str> = content
        .split(|c: char| c.is_whitespace())
        .filter(|w| !w.is_empty())
        .take(9)
        .collect();
    let closing_punct = content.ends_with(['.', ',', '?', '!', '…', ';', ':']);
    let sentence_end = content.ends_with(['.', '?', '!', '…']);
    let attributed = part.close.as_ref().is_some_and(|close| cue_follows(text, close.end));
    if words.len() <= 2 && !closing_punct && !attributed {
        return Role::Scare;
    }
    if (2..=8).contains(&words.len()) && !sentence_end && title_case(&words) {
        return Role::Title;
    }
    // "said on CNN's “State of the Union.”": after a preposition, a title
    // keeps the sentence's period inside its marks (American style).
    let one_sentence = content.strip_suffix('.').is_some_and(|c| !c.contains(['.', '?', '!']));
    if (2..=8).contains(&words.len()) && one_sentence && after_preposition(&lead) && title_case(&words) {
        return Role::Title;
    }
    Role::Quotation
}

/// Whether the lead (lowercased) ends with a preposition, or with a
/// preposition and a possessive name ("on cnn's", "on fox news’s").
fn after_preposition(lead: &str) -> bool {
    let mut words = lead.split_whitespace().rev();
    let last = words.next().unwrap_or("");
    if last.ends_with("'s") || last.ends_with("’s") {
        return words.take(3).any(is_preposition);
    }
    is_preposition(last)
}

fn is_preposition(w: &str) -> bool {
    matches!(w, "on" | "to" | "from" | "of" | "at" | "in" | "with")
}

fn title_case(words: &[&str]) -> bool {
    const MINOR: &[&str] = &[
        "a", "an", "the", "and", "or", "of", "in", "on", "at", "to", "for", "with", "by", "from", "but", "nor", "as",
    ];
    let mut capitalised = 0;
    for w in words {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        match w.chars().next() {
            Some(c) if c.is_uppercase() => capitalised += 1,
            Some(c) if c.is_alphabetic() && !MINOR.contains(&w) => return false,
            _ => {}
        }
    }
    capitalised >= 2
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::segment;

    fn quotes(t: &str) -> Vec<(Vec<&str>, Role)> {
        let segs = segment(t);
        find_quotations(t, &segs)
            .into_iter()
            .map(|q| (q.parts.iter().map(|p| &t[p.content.clone()]).collect(), q.role))
            .collect()
    }

    #[test]
    fn a_title_case_name_after_a_preposition_is_a_title_even_with_its_period() {
        let roles: Vec<Role> = quotes("Pence said on CNN's “State of the Union.” He spoke to “Fox and Friends.”")
            .into_iter()
            .map(|(_, r)| r)
            .collect();
        assert_eq!(roles, vec![Role::Title, Role::Title]);
        let q = quotes("The band leader shouted, “It's Our Time.”");
        assert_eq!(q[0].1, Role::Quotation);
    }

    #[test]
    fn each_labelled_turn_of_a_quoted_transcript_is_its_own_quotation() {
        let t =
            "\"WALLACE: Will she be there?\n\n\"PENCE: No. She will not.\n\n\"(CROSSTALK.)\n\n\"WALLACE: Thank you.\"";
        let got: Vec<Vec<&str>> = quotes(t).into_iter().map(|(parts, _)| parts).collect();
        assert_eq!(
            got,
            vec![
                vec!["WALLACE: Will she be there?"],
                vec!["PENCE: No. She will not."],
                vec!["WALLACE: Thank you."],
            ]
        );
        assert!(opens_turn("SEN. WARREN: yes", 0));
        assert!(!opens_turn("NATO is costing us", 0));
        assert!(!opens_turn("I: no", 0));
    }

    fn spoken(t: &str) -> Vec<Vec<&str>> {
        quotes(t)
            .into_iter()
            .filter(|(_, r)| *r == Role::Quotation)
            .map(|(p, _)| p)
            .collect()
    }

    #[test]
    fn every_mark_style_pairs() {
        for t in [
            "“Hello there,” she said.",
            "\"Hello there,\" she said.",
            "«Hello there,» she said.",
            "„Hello there,“ she said.",
            "‹Hello there,› she said.",
            "‘Hello there,’ she said.",
            "'Hello there,' she said.",
        ] {
            assert_eq!(spoken(t), [["Hello there,"]], "{t}");
        }
    }

    #[test]
    fn apostrophes_are_not_marks() {
        let t = "“We don’t know what the ’90s crowd wants from rock ’n’ roll anymore,” said Liam O’Brien, the festival’s director. The two sides’ positions differ; Iran’s too.";
        assert_eq!(
            spoken(t),
            [["We don’t know what the ’90s crowd wants from rock ’n’ roll anymore,"]]
        );
        assert!(spoken("The sides’ positions and the senators’ aides. It's 'em.").is_empty());
    }

    #[test]
    fn nested_quotes_stay_inside_their_parent() {
        let t = "“He looked at me and said, ‘Never again,’ and I believed him,” said Tom Reyes.";
        assert_eq!(
            spoken(t),
            [["He looked at me and said, ‘Never again,’ and I believed him,"]]
        );
        let t = "\"He said 'no way,' then left,\" she said.";
        assert_eq!(spoken(t), [["He said 'no way,' then left,"]]);
        let t = "''This isn't tax reform,'' said Douglas Holtz-Eakin.";
        assert_eq!(spoken(t), [["This isn't tax reform,"]]);
    }

    #[test]
    fn a_quotation_runs_over_paragraphs_that_reopen() {
        let t = "Ruiz spoke. “We have waited long enough.\n\n“Every neighbourhood deserves one,” she said.";
        assert_eq!(
            spoken(t),
            [["We have waited long enough.", "Every neighbourhood deserves one,"]]
        );
        let t = "\"First paragraph.\n\n\"Second paragraph.\n\n\"Third,\" she said.";
        assert_eq!(spoken(t), [["First paragraph.", "Second paragraph.", "Third,"]]);
    }

    #[test]
    fn an_unclosed_mark_recovers_at_the_paragraph_end() {
        let t = "“We are ready for anything, the coach said after practice.\n\nThe team flies out on Sunday. “Go,” he said.";
        assert_eq!(
            spoken(t),
            [
                vec!["We are ready for anything, the coach said after practice."],
                vec!["Go,"]
            ]
        );
    }

    #[test]
    fn scare_quotes_and_titles_are_flagged() {
        let t = "The so-called “maximum pressure” campaign continued, and the “reforms” were shelved.";
        assert_eq!(
            quotes(t).iter().map(|q| q.1).collect::<Vec<_>>(),
            [Role::Scare, Role::Scare]
        );
        let t = "She starred in “The Long Night” and later wrote “Salt and Iron,” a memoir.";
        assert!(spoken(t).is_empty());
        assert_eq!(spoken("Fed chair: “Rates will stay high”"), [["Rates will stay high"]]);
    }

    #[test]
    fn stray_closing_marks_and_inch_marks_do_not_open() {
        assert_eq!(spoken("A 12\" pipe, he said, “is fine.”"), [["is fine."]]);
    }
}
