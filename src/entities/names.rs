//! Who is named where: full-name runs, later one-word mentions ("Jamil
//! said", "Mr. Obama"), subject positions, and what looks like a name but is
//! not one (datelines, photo credits, subheads, titles of works, places).

use super::*;
use crate::lexicon::lowercase;

/// Whether a capitalised run is a person of the story rather than page
/// furniture: not an all-capitals dateline or subhead ("MIDWAY ATOLL",
/// "ROADS BLOCKED"), not a photo credit ("(Adrian Wyld/The Canadian Press)"),
/// not inside a paragraph with no sentence end (a subhead: "Divisive
/// Legacy"), not a title of a work ("Baking With Julia"), not a thing named
/// with "the" ("the Starlight Tours"), not a day ("Christmas Day").
pub(super) fn is_story_name(text: &str, segs: &Segments, name: &Span) -> bool {
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
        .is_some_and(|w| LEXICON.person_nouns.contains(&lowercase(w)));
    let place = LEXICON.places.contains(&text[name.clone()]);
    !(shouting || credit || work_title || the_before || day || role || place || in_subhead(text, segs, name.start))
}

/// A paragraph without a sentence end: a headline, a subhead, a caption
/// credit line.
pub(super) fn in_subhead(text: &str, segs: &Segments, pos: usize) -> bool {
    let Some(p) = segs.paragraphs.get(segs.paragraph_of(pos)) else {
        return false;
    };
    let para = text[p.clone()].trim_end();
    !para.ends_with(['.', '!', '?', '"', '”', '’', '\'', ')', ':', ';', '…'])
}

/// The sentence (token range) and whether a name starting at token `k`
/// is its subject: near the sentence start with no verb before it, after a
/// title of a few words, or after a leading adverbial and a comma.
pub(super) fn is_subject_position(text: &str, toks: &Tokens, lo: usize, k: usize) -> bool {
    let verbless = |from: usize| {
        (from..k).all(|j| {
            let w = toks.lower(j, text);
            !crate::cues::is_cue_word(w)
                && !matches!(
                    w,
                    "is" | "was" | "are" | "were" | "has" | "had" | "have" | "will" | "would"
                )
        })
    };
    let after_comma = k >= 1 && &text[toks[k - 1].span()] == ",";
    // "TROUT BROOK, N.B. — Kevin Vickers, who …": after a dateline's dash.
    let after_dateline = k >= 1
        && k - lo < 12
        && matches!(&text[toks[k - 1].span()], "—" | "–" | "-")
        && text[toks[lo].span()].chars().all(|c| !c.is_lowercase());
    if after_dateline {
        return true;
    }
    // The three short-prefix tests share one verb scan from `lo` (this runs
    // at every capitalised pair and surname, each scan hashing its words).
    let near_start = k - lo <= 3;
    let titled = k - lo <= 6 && (lo..k).all(|j| toks[j].kind() == TokKind::Word);
    let after_adverbial = after_comma && k - lo < 8;
    if (near_start || titled || after_adverbial) && verbless(lo) {
        return true;
    }
    // "Speaking in Vaughan, Ont., on Thursday morning, Trudeau denied …",
    // "When asked what is harder, Mulder didn't hesitate": a leading
    // subordinate or participle clause of any length.
    after_comma && k - lo < 40 && opens_subordinate(toks.lower(lo, text)) && verbless((lo + 2).min(k))
}

/// Words that open a leading clause or phrase before the subject.
pub(super) fn opens_subordinate(w: &str) -> bool {
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
pub(super) fn person_title(w: &str) -> Option<Option<&'static str>> {
    match w {
        "Mr." | "Mr" => Some(Some("male")),
        "Mrs." | "Mrs" | "Ms." | "Ms" | "Miss" => Some(Some("female")),
        "Dr." | "Sen." | "Rep." | "Gov." | "Prof." | "President" | "Senator" | "Premier" | "Mayor" => Some(None),
        _ => None,
    }
}

/// Last name words of the people who speak in claims ("Clinton said"):
/// their earlier one-word mentions are referents too.
pub(super) fn speaker_surnames(text: &str, claims: &[Claim]) -> std::collections::HashSet<String, FastHash> {
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
pub(super) fn scan_surnames(
    text: &str,
    sentences: &[std::ops::Range<usize>],
    toks: &Tokens,
    quoted: &QuotedSpans,
    speakers: &std::collections::HashSet<String, FastHash>,
    reg: &mut Registry,
) -> Vec<Occurrence> {
    let mut out = Vec::new();
    let mut seen_lowercase = LowercaseUse::default();
    for &std::ops::Range { start: lo, end: hi } in sentences {
        for k in lo..hi {
            let t = &toks[k];
            if !is_cap(text, t) {
                continue;
            }
            // Part of a longer capitalised run: scan_names read it.
            let next_cap = k + 1 < hi && is_cap(text, &toks[k + 1]);
            let prev_cap = k > lo && is_cap(text, &toks[k - 1]) && person_title(&text[toks[k - 1].span()]).is_none();
            // "the Catholic girls' school", "a Trump rally": after an article
            // the word modifies a noun; it is no mention of the person.
            let after_article = k > lo && matches!(toks.lower(k - 1, text), "the" | "a" | "an");
            // (The quotation test, a binary search, last.)
            if next_cap || prev_cap || after_article || quoted.contains(t.start()) {
                continue;
            }
            // (Checks the next word first: cheap for most words.)
            let lone_subject = acts_as_subject(text, toks, lo, k, hi);
            let first_name = if lone_subject {
                None
            } else {
                lone_first_name(text, toks, lo, k, hi, &mut seen_lowercase)
            };
            if !lone_subject && first_name.is_none() && unknown_untitled(text, toks, lo, k, speakers, reg) {
                continue;
            }
            let word = name_tokens(&text[t.span()]);
            if word.len() != 1 || LEXICON.not_speakers.contains(&word[0]) {
                continue;
            }
            // "IRCC has told CTV": an acronym is an organisation, no person
            // for "she" to refer to.
            if t.span().len() >= 3 && crate::mentions::is_capitals(&text[t.span()]) {
                continue;
            }
            let title = (k > lo).then(|| title_before(text, toks, k)).flatten();
            let entity = match reg.find_by_name(&word) {
                Some(e) if reg.entities[e].stype == SpeakerType::Person => e,
                Some(_) => continue,
                // Untitled, a first word of a longer name: "Suncor" after
                // "Suncor Energy", "Hua" after "Hua Chunying".
                None if title.is_none() && reg.find_by_first_word(&word[0], t.span().start).is_some() => {
                    reg.find_by_first_word(&word[0], t.span().start).expect("checked")
                }
                // "McLenney" after "Tyresha McClenney": a misspelt surname.
                None if reg.find_by_misspelt_surname(&word[0], t.span().start).is_some() => {
                    reg.find_by_misspelt_surname(&word[0], t.span().start).expect("checked")
                }
                None => {
                    let gender = match title {
                        Some(g) => g,
                        None if speakers.contains(&word[0]) => None,
                        None if lone_subject => None,
                        None if first_name.is_some() => first_name,
                        None => continue,
                    };
                    reg.add(Entity {
                        canonical: text[t.span()].to_string(),
                        stype: SpeakerType::Person,
                        descriptor: None,
                        gender,
                        name_tokens: word,
                        head: None,
                        first: t.start(),
                    })
                }
            };
            if let Some(Some(g)) = title {
                reg.entities[entity].gender.get_or_insert(g);
            }
            let first = if title.is_some() { k - 1 } else { k };
            out.push(Occurrence::new(
                t.start(),
                entity,
                is_subject_position(text, toks, lo, first),
            ));
        }
    }
    out
}

/// "Melanie thought the whole thing was outrageous": a first name given to
/// one sex, alone, opening its sentence before a lowercase word, is a
/// person of that sex, unless the document also writes the word in
/// lowercase ("Hope is not a plan. We hope …": a word first).
fn lone_first_name(
    text: &str,
    toks: &Tokens,
    lo: usize,
    k: usize,
    hi: usize,
    seen: &mut LowercaseUse,
) -> Option<&'static str> {
    let gender = *LEXICON.first_names.get(toks.lower(k, text))?;
    let before_lowercase = toks
        .get(k + 1)
        .filter(|_| k + 1 < hi)
        .is_some_and(|n| n.kind() == TokKind::Word && text[n.span()].starts_with(char::is_lowercase));
    let name_only = before_lowercase
        && opens_sentence_at(toks, lo, k)
        && !seen.written_lowercase(text, toks.lower(k, text), toks[k].span().start);
    name_only.then_some(gender)
}

/// Which words a document writes in lowercase, asked of a few words per
/// document: each answer is one search of the text around the word (the
/// whole of a news article), so past `LOWERCASE_LOOKUPS` distinct words
/// every word counts as written so, and a huge document costs no more.
#[derive(Default)]
struct LowercaseUse(HashMap<String, bool, FastHash>);

const LOWERCASE_LOOKUPS: usize = 32;
const LOWERCASE_WINDOW: usize = 32 * 1024;

impl LowercaseUse {
    fn written_lowercase(&mut self, text: &str, word: &str, at: usize) -> bool {
        if let Some(&known) = self.0.get(word) {
            return known;
        }
        if self.0.len() >= LOWERCASE_LOOKUPS {
            return true;
        }
        let mut start = at.saturating_sub(LOWERCASE_WINDOW);
        while !text.is_char_boundary(start) {
            start -= 1;
        }
        let mut end = (at + LOWERCASE_WINDOW).min(text.len());
        while !text.is_char_boundary(end) {
            end += 1;
        }
        let text = &text[start..end];
        let found = text.match_indices(word).any(|(i, _)| {
            let before = text[..i].chars().next_back();
            let after = text[i + word.len()..].chars().next();
            !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
        });
        self.0.insert(word.to_string(), found);
        found
    }
}

/// "When asked what is harder, Mulder didn't hesitate": a lone capitalised
/// word after a leading clause, before an auxiliary, is the sentence's
/// subject, a person known by one name (places, weekdays and ordinary words
/// aside).
fn acts_as_subject(text: &str, toks: &Tokens, lo: usize, k: usize, hi: usize) -> bool {
    let auxiliary = toks.get(k + 1).filter(|_| k + 1 < hi).is_some_and(|t| {
        matches!(
            toks.lower_of(t, text),
            "didn't"
                | "didn’t"
                | "did"
                | "wasn't"
                | "wasn’t"
                | "was"
                | "hasn't"
                | "hasn’t"
                | "has"
                | "had"
                | "won't"
                | "won’t"
                | "would"
                | "could"
                | "can't"
                | "can’t"
                | "doesn't"
                | "doesn’t"
                | "is"
                | "isn't"
                | "isn’t"
        )
    });
    let w = toks.lower(k, text);
    auxiliary
        && k > lo
        && &text[toks[k - 1].span()] == ","
        && is_subject_position(text, toks, lo, k)
        && !LEXICON.places.contains(&text[toks[k].span()])
        && !LEXICON.lowercase_words.contains(w)
        && crate::mentions::noun_type(w).is_none()
}

/// Whether the capitalised word at token `k` is neither a known surname,
/// nor a claim speaker's, nor titled: `scan_surnames` passes it over, and
/// most capitalised words ("The", "But") are such. Decided on the token's
/// stored lowercase form, without the allocation of `name_tokens`, when the
/// word is ASCII (where trimming and lowercasing commute); `false` (look
/// closer) otherwise.
fn unknown_untitled(
    text: &str,
    toks: &Tokens,
    lo: usize,
    k: usize,
    speakers: &std::collections::HashSet<String, FastHash>,
    reg: &Registry,
) -> bool {
    if !text[toks[k].span()].is_ascii() {
        return false;
    }
    let key = toks.lower(k, text).trim_matches(|c: char| !c.is_alphanumeric());
    !reg.by_last.contains_key(key) && !speakers.contains(key) && (k == lo || title_before(text, toks, k).is_none())
}

/// The person title right before token `k` ("Mr." is one token or "Mr" and ".").
pub(super) fn title_before(text: &str, toks: &Tokens, k: usize) -> Option<Option<&'static str>> {
    let prev = &text[toks[k - 1].span()];
    if prev == "." && k >= 2 {
        let w = format!("{}.", &text[toks[k - 2].span()]);
        return person_title(&w);
    }
    person_title(prev)
}

// (Asked at every token of the scans: kept inline.)
#[inline(always)]
pub(super) fn is_cap(text: &str, t: &Token) -> bool {
    t.kind() == TokKind::Word
        && match text.as_bytes()[t.start()] {
            // ("al-Sharaa", "el-Sisi": an Arabic article before the name.)
            b'a' | b'e' => crate::text::arabic_article_name(&text[t.span()]),
            b if b.is_ascii() => b.is_ascii_uppercase(),
            _ => text[t.span()].chars().next().is_some_and(char::is_uppercase),
        }
}

/// Person names of two or more words, with their titles or descriptions.
pub(super) fn scan_names(
    text: &str,
    sentences: &[std::ops::Range<usize>],
    toks: &Tokens,
    mut emit: impl FnMut(NameRun),
) {
    for &std::ops::Range { start: lo, end: hi } in sentences {
        let mut k = lo;
        while k < hi {
            // Most words are not capitalised: the cheapest test first.
            if !is_cap(text, &toks[k]) {
                k += 1;
                continue;
            }
            // "In May Trump said": a month after a preposition of time is
            // the time, not a first name.
            if crate::mentions::month_after_preposition(text, toks, lo, k) {
                k += 1;
                continue;
            }
            // "Prominent Canadian examples include": an ordinary word
            // capitalised only because it opens the sentence starts no name.
            if opens_sentence_at(toks, lo, k) && LEXICON.lowercase_words.contains(toks.lower(k, text)) {
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
                            &text[n.span()],
                            "de" | "la" | "van" | "von" | "der" | "del" | "da" | "di" | "bin" | "al" | "el"
                        ))
            });
            if !next_is_name {
                if let Some(n) = one_word_name(text, toks, lo, k, hi) {
                    emit(n);
                }
                k += 1;
                continue;
            }
            // Read a mention starting here, as a cue's object would be read.
            let Some(m) = mention_after(text, toks, k, hi) else {
                k += 1;
                continue;
            };
            let end = token_at(toks, m.span.end).max(k + 1);
            let mut resume = end;
            // (A company's name is kept too: "Suncor" may follow "Suncor Energy".)
            let company = m.stype == SpeakerType::Organization
                && LEXICON.company_name_words.contains(&lowercase(&text[m.head.clone()]));
            if m.kind == MentionKind::Name && (m.stype == SpeakerType::Person || company) {
                let name = leading_run(text, toks, k, hi, m.name.clone().expect("names have a name"));
                // "New York choreographer Jeanine Durning’s This Shape": the
                // words of the phrase after the name are scanned too.
                resume = token_at(toks, name.end).max(k + 1);
                // (A described name keeps its run: "Iran's Supreme Leader Ali
                // Khamenei" is Ali Khamenei, described.)
                let described_before = m.descriptor.as_ref().is_some_and(|d| d.start < name.start);
                let owner = (!described_before)
                    .then(|| cut_at_possessive(text, toks[k].span().start.min(name.start)..name.end))
                    .flatten();
                let owns_what_follows = owner.is_some();
                let name = owner.unwrap_or(name);
                let words = text[name.clone()].split_whitespace().count();
                if words >= 2
                    && !LEXICON
                        .not_speakers
                        .contains(&lowercase(text[name.clone()].split_whitespace().next().unwrap_or("")))
                {
                    // The phrase's appositive describes what the name owns.
                    let descriptor = if owns_what_follows {
                        description_before(text, toks, lo, k)
                    } else {
                        m.descriptor
                            .clone()
                            .or_else(|| description_before(text, toks, lo, k))
                            .or_else(|| appositive_after(text, toks, end, hi))
                    };
                    // Asked only of a name kept (its verb scan is not free).
                    let at_start = is_subject_position(text, toks, lo, k);
                    emit(NameRun {
                        name,
                        descriptor,
                        gender: m.gender,
                        subject: at_start,
                    });
                }
            }
            k = resume;
        }
    }
}

/// "Jeanine Durning’s This Shape": a name run that holds a possessive ends
/// there (what follows is the thing owned).
fn cut_at_possessive(text: &str, phrase: Span) -> Option<Span> {
    let words = &text[phrase.clone()];
    let owner_end = ["’s ", "'s "].into_iter().filter_map(|p| words.find(p)).min()?;
    Some(phrase.start..phrase.start + owner_end)
}

/// "Yuni, a resident of Lampung, was watching television": one capitalised
/// word opening a sentence, set off by an appositive with a role noun, is a
/// person known by one name.
fn one_word_name(text: &str, toks: &Tokens, lo: usize, k: usize, hi: usize) -> Option<NameRun> {
    if !opens_sentence_at(toks, lo, k) || toks[k].kind() != TokKind::Word {
        return None;
    }
    let w = toks.lower(k, text);
    if LEXICON.not_speakers.contains(w) || crate::mentions::DETERMINERS.contains(w) || w.len() < 2 {
        return None;
    }
    let descriptor = appositive_after(text, toks, k + 1, hi)?;
    Some(NameRun {
        name: toks[k].span(),
        descriptor: Some(descriptor),
        gender: None,
        subject: true,
    })
}

/// Whether token `k` is the sentence's first word (after any opening
/// quotation marks or brackets). (A punctuation token is one char that is
/// no word char: none holds a letter or a digit.)
fn opens_sentence_at(toks: &Tokens, lo: usize, k: usize) -> bool {
    toks[lo..k].iter().all(|t| t.kind() != TokKind::Word)
}

/// The capitalised run that starts the phrase when the reader chose a later
/// name in it: "John Goodwin with Bumper to Bumper turned out" names John
/// Goodwin, not "Bumper".
pub(super) fn leading_run(text: &str, toks: &Tokens, k: usize, hi: usize, name: Span) -> Span {
    if name.start <= toks[k].start() {
        return name;
    }
    let mut j = k;
    while j < hi && is_cap(text, &toks[j]) && toks[j].end() <= name.start {
        j += 1;
    }
    if j - k >= 2 && j < hi && !is_cap(text, &toks[j]) {
        toks[k].start()..toks[j - 1].end()
    } else {
        name
    }
}

/// "Bloomberg columnist Marc Champion", "Former senior U.S. diplomat Dennis
/// Ross": a role noun right before the name, with its modifiers.
pub(super) fn description_before(text: &str, toks: &Tokens, lo: usize, k: usize) -> Option<Span> {
    if k == lo {
        return None;
    }
    // (The tokens' lowercase forms: no copy of each word.)
    if !LEXICON.person_nouns.contains(toks.lower(k - 1, text)) {
        return None;
    }
    let mut s = k - 1;
    while s > lo && k - s < 6 && toks[s - 1].kind() == TokKind::Word {
        let w = toks.lower(s - 1, text);
        // A cue ends the description: "asks Policy Options editor Jennifer
        // Ditchburn" is described as a Policy Options editor.
        if matches!(
            w,
            "the" | "a" | "an" | "and" | "by" | "said" | "that" | "of" | "to" | "with" | "as"
        ) || crate::cues::is_cue_word(w)
        {
            break;
        }
        s -= 1;
    }
    Some(toks[s].start()..toks[k - 1].end())
}

/// "Michael McFaul, a former U.S. ambassador to Russia,": an appositive.
pub(super) fn appositive_after(text: &str, toks: &Tokens, end: usize, hi: usize) -> Option<Span> {
    if end + 1 >= hi || &text[toks[end].span()] != "," {
        return None;
    }
    if !matches!(toks.lower(end + 1, text), "a" | "an" | "the") {
        return None;
    }
    let mut e = end + 1;
    while e < hi && toks[e].kind() == TokKind::Word && e - end < 12 {
        e += 1;
    }
    let has_role = (end + 1..e).any(|j| LEXICON.person_nouns.contains(toks.lower(j, text)));
    (has_role && e < hi).then(|| toks[end + 1].start()..toks[e - 1].end())
}
