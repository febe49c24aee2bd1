//! A document's author speaks for it: "said a statement released by the
//! Prime Minister's Office", "according to a report from the union" — the
//! speaker is the office or the union, not the statement or the report.
//! (It runs after every sieve, once the attribution context is freed: it
//! reads only the text, its sentences and its tokens.)

use crate::lexicon::LEXICON;
use crate::mentions::{mention_after, Mention, MentionKind};
use crate::segment::Segments;
use crate::tokens::{token_at, TokKind, Tokens};

/// The author named after a document mention `m` ("a statement released by
/// X", "a report from X", "a memo issued by X"), when there is one.
pub(super) fn author_of_document(text: &str, segs: &Segments, toks: &Tokens, m: &Mention) -> Option<Mention> {
    if m.kind == MentionKind::Pronoun {
        return None;
    }
    let head = text[m.head.clone()].to_lowercase();
    if !LEXICON.document_nouns.contains(&LEXICON.singular(&head)) {
        return None;
    }
    let sentence = segs.sentences.at(segs.sentence_of(m.span.start));
    let sent_end = token_at(toks, sentence.end);
    // (The mention may hold the phrase: "A statement from the union".)
    let mut k = token_at(toks, m.head.end);
    // One participle of issuing may sit between: "released by", "issued by".
    if k < sent_end
        && matches!(
            toks.lower(k, text),
            "released" | "issued" | "sent" | "published" | "posted"
        )
    {
        k += 1;
    }
    if k + 1 >= sent_end || !matches!(toks.lower(k, text), "by" | "from") || toks[k + 1].kind() != TokKind::Word {
        return None;
    }
    mention_after(text, toks, k + 1, sent_end).filter(|a| a.kind != MentionKind::Pronoun)
}

#[cfg(test)]
mod tests {
    use crate::{analyze, Document};

    fn speakers(text: &str) -> Vec<Option<String>> {
        analyze(&Document::new("t", text))
            .into_iter()
            .map(|r| r.speaker)
            .collect()
    }

    #[test]
    fn a_document_released_by_a_body_speaks_for_it() {
        assert_eq!(
            speakers("“We are ready,” said a statement released by the Prime Minister's Office."),
            [Some("the Prime Minister's Office".to_string())]
        );
        assert_eq!(
            speakers("A statement from the union said that talks had failed."),
            [Some("the union".to_string())]
        );
        // Without an author the document itself is the source.
        assert_eq!(
            speakers("A statement said that talks had failed."),
            [Some("A statement".to_string())]
        );
    }
}
