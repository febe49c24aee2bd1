//! Documents that speak for their authors: "A study by the University of
//! Calgary's School of Public Policy analyzed … ¶ “…,” the report said" →
//! the school; "economist Philip Cross wrote in a recent report … ¶ …, the
//! report said" → Philip Cross.

use super::*;
use crate::lexicon::{WordSet, WordShapes};
use once_cell::sync::Lazy;

/// A document noun in the story ("a study", "the report"), with the author
/// the phrase names ("by X", "from X") when it names one.
pub(super) struct DocumentNoun {
    pos: usize,
    /// Boxed: most document nouns have none ("the report by X"), and a
    /// document of hundreds of MB has millions of them.
    author: Option<Box<Mention>>,
}

/// How many sentences back "the report" looks for the document it means.
const DOCUMENT_WINDOW: usize = 6;

/// Every document noun outside quotations, in text order.
pub(super) fn scan_documents(
    text: &str,
    sentences: &[std::ops::Range<usize>],
    toks: &Tokens,
    quoted: &QuotedSpans,
) -> Vec<DocumentNoun> {
    let mut out = Vec::new();
    for &std::ops::Range { start: lo, end: hi } in sentences {
        for k in lo..hi {
            let t = &toks[k];
            if t.kind() != TokKind::Word || t.span().len() < 3 {
                continue;
            }
            // The noun first: few words are one, and the quotation test is a
            // binary search.
            if !is_document_noun(toks.lower(k, text)) || quoted.contains(t.span().start) {
                continue;
            }
            let by_author = (k + 2 < hi && matches!(toks.lower(k + 1, text), "by" | "from"))
                .then(|| mention_after(text, toks, k + 2, hi))
                .flatten()
                .filter(|m| matches!(m.kind, MentionKind::Name | MentionKind::Description));
            out.push(DocumentNoun {
                pos: t.span().start,
                author: by_author.map(Box::new),
            });
        }
    }
    out
}

pub(super) fn is_document_noun(word: &str) -> bool {
    let (shapes, forms) = &*DOCUMENT_NOUN_FORMS;
    shapes.may_hold(word) && forms.contains(word)
}

/// Every word `is_document_noun_by_rule` accepts, and their shapes:
/// `scan_documents` asks at nearly every word, and one lookup here (none
/// for most words) replaces up to five.
static DOCUMENT_NOUN_FORMS: Lazy<(WordShapes, WordSet)> = Lazy::new(|| {
    let singulars = LEXICON.document_nouns.iter().map(String::as_str);
    let forms: WordSet = LEXICON
        .plural_candidates(singulars)
        .into_iter()
        .filter(|w| is_document_noun_by_rule(w))
        .collect();
    (WordShapes::of(forms.iter().map(String::as_str)), forms)
});

/// A document noun or the plural of one.
fn is_document_noun_by_rule(word: &str) -> bool {
    LEXICON.document_nouns.contains(word) || LEXICON.document_nouns.contains(&LEXICON.singular(word))
}

/// The author of the document a bare "the report" refers back to: the
/// latest document named in the sentences before, when its phrase names
/// the author ("a study by X") or its sentence has a speaker or subject
/// before it ("X wrote in a recent report", "X released a report").
pub(super) fn author_of_earlier_document(
    text: &str,
    m: &Mention,
    reg: &mut Registry,
    last_speaker: Option<usize>,
) -> Option<usize> {
    let window = reg.window_start(m.span.start, DOCUMENT_WINDOW);
    let n = reg.documents.partition_point(|d| d.pos < m.span.start);
    let latest = reg.documents[..n]
        .iter()
        .rev()
        .find(|d| d.pos >= window && !m.span.contains(&d.pos))?;
    if let Some(author) = latest.author.as_deref().cloned() {
        return resolve_mention(text, &author, reg, last_speaker);
    }
    let sentence = reg.window_start(latest.pos, 0);
    let doc_pos = latest.pos;
    // A document speaking in its own sentence ("The legal document says")
    // is no author.
    let speaker = occurrences_between(&reg.spoken, sentence, doc_pos)
        .iter()
        .rev()
        .find(|o| reg.entities[o.entity()].head.is_none());
    let subject = || {
        occurrences_between(&reg.names, sentence, doc_pos)
            .iter()
            .rev()
            .find(|o| o.subject)
    };
    speaker.or_else(subject).map(|o| o.entity())
}

/// The occurrences (sorted by position) from `from` up to `to`.
fn occurrences_between(occurrences: &[Occurrence], from: usize, to: usize) -> &[Occurrence] {
    let start = occurrences.partition_point(|o| o.pos() < from);
    let end = occurrences.partition_point(|o| o.pos() < to);
    &occurrences[start..end.max(start)]
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The table answers as the rule on every word of an article and on
    /// every plural form of the lexicon's nouns (and their capitalised forms).
    #[test]
    fn document_noun_table_agrees_with_the_rule() {
        let article = include_str!("../../tests/fixtures/iran-talks.txt").to_lowercase();
        let words = article.split(|c: char| !c.is_alphanumeric()).map(str::to_string);
        let nouns = LEXICON
            .org_nouns
            .iter()
            .chain(&LEXICON.person_nouns)
            .map(String::as_str);
        let forms = LEXICON.plural_candidates(nouns);
        let capitalised = forms.iter().map(|w| w.to_uppercase()).collect::<Vec<_>>();
        for w in words.chain(forms).chain(capitalised) {
            assert_eq!(is_document_noun(&w), is_document_noun_by_rule(&w), "{w}");
        }
    }
}
