//! Property tests of the record contract (issues 2 and 9): on random text
//! rich in quote marks, apostrophes, cue words, names and line breaks, and on
//! arbitrary unicode, `whosaid::analyze` never panics, every record's offsets
//! slice back to its quote (code points and bytes, part by part),
//! `line`/`column` point at `start`, records come in text order and direct
//! quotations never overlap. The same checks run on every fixture text.

mod common;

use common::{analyze_json, check_document, fixture_texts};
use proptest::prelude::*;

/// Pieces of text that stress the quote finder and the attribution rules.
const VOCABULARY: &[&str] = &[
    // Quote marks of every family, straight and curly.
    "“",
    "”",
    "\"",
    "'",
    "‘",
    "’",
    "«",
    "»",
    "„",
    "‹",
    "›",
    "‚",
    " “",
    "” ",
    " \"",
    "\" ",
    " '",
    "' ",
    " ‘",
    "’ ",
    "« ",
    " »",
    // Apostrophes inside and after words.
    "don’t",
    "Iran’s",
    "sides’",
    "’90s",
    "rock ’n’ roll",
    "O’Brien",
    "it's",
    "'em",
    "senators’",
    // Words, cue words and names.
    "the",
    "a",
    "talks",
    "will",
    "open",
    "in",
    "May",
    "we",
    "are",
    "not",
    "done",
    "yet",
    "that",
    "said",
    "says",
    "told",
    "reporters",
    "wrote",
    "argued",
    "warned",
    "according to",
    "he",
    "she",
    "they",
    "it",
    "who",
    "added",
    "asked",
    "Ortiz",
    "Karen Walsh",
    "Mr.",
    "Dr.",
    "U.S.",
    "Gen.",
    "Marc Champion",
    "the ministry",
    "critics",
    "an official",
    "a spokeswoman for the union",
    // Punctuation and spacing.
    " ",
    " ",
    " ",
    " ",
    ",",
    ".",
    "?",
    "!",
    ":",
    ";",
    "—",
    "–",
    "-",
    "…",
    "(",
    ")",
    "[",
    "]",
    "\n",
    "\n\n",
    "\r",
    "\r\n",
    "\r\n\r\n",
    "\t",
    "\u{a0}",
    "\u{2028}",
    // Multi-byte and unusual code points.
    "é",
    "日本語",
    "🙂",
    "ǅ",
    "\u{301}",
    "\u{feff}",
    "\u{fffd}",
    "\0",
    "İ",
    "ß",
];

fn token() -> impl Strategy<Value = String> {
    prop_oneof![
        8 => prop::sample::select(VOCABULARY).prop_map(str::to_string),
        1 => any::<char>().prop_map(String::from),
    ]
}

/// Random text: up to 300 tokens of the vocabulary.
fn quote_rich_text() -> impl Strategy<Value = String> {
    prop::collection::vec(token(), 0..300).prop_map(|t| t.concat())
}

/// Sentences shaped like news quotations, with random marks and breaks, so
/// that attribution rules fire often.
fn quotation_sentences() -> impl Strategy<Value = String> {
    let open = prop::sample::select(&["“", "\"", "'", "‘", "«", "„", "‹", ""][..]);
    let close = prop::sample::select(&["”", "\"", "'", "’", "»", "“", "›", ""][..]);
    let words = prop::collection::vec(token(), 0..12).prop_map(|t| t.concat());
    let attribution = prop::sample::select(
        &[
            " she said.",
            " said Karen Walsh, a spokeswoman for the union.",
            " Ortiz told reporters.",
            ", according to the ministry.",
            " he added. ",
            "",
            ": ",
            "\n\n",
            "\r\n",
        ][..],
    );
    let sep = prop::sample::select(&[" ", "\n", "\n\n", "\r", " That is what he said: ", ""][..]);
    prop::collection::vec((open, words, close, attribution, sep), 0..12).prop_map(|v| {
        v.into_iter()
            .map(|(o, w, c, a, s)| format!("{o}{w},{c}{a}{s}"))
            .collect()
    })
}

fn check(text: &str) -> Result<(), TestCaseError> {
    let records = analyze_json(text);
    check_document(text, &records).map_err(|e| TestCaseError::fail(format!("{e}\ntext: {text:?}")))
}

/// 256 cases per property (the suite stays fast on two cores); set
/// `PROPTEST_CASES` to search longer.
fn config() -> ProptestConfig {
    let mut config = ProptestConfig::default();
    if std::env::var_os("PROPTEST_CASES").is_none() {
        config.cases = 256;
    }
    config
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn records_slice_back_on_quote_rich_text(text in quote_rich_text()) {
        check(&text)?;
    }

    #[test]
    fn records_slice_back_on_quotation_sentences(text in quotation_sentences()) {
        check(&text)?;
    }

    #[test]
    fn records_slice_back_on_arbitrary_unicode(text in any::<String>()) {
        check(&text)?;
    }

    #[test]
    fn records_slice_back_on_arbitrary_chars(chars in prop::collection::vec(any::<char>(), 0..400)) {
        let text: String = chars.into_iter().collect();
        check(&text)?;
    }
}

#[test]
fn records_slice_back_on_every_fixture() {
    let fixtures = fixture_texts();
    assert!(
        fixtures.len() >= 30,
        "expected the fixture texts (iran-talks, hard cases), found {}",
        fixtures.len()
    );
    let mut records = 0;
    for (name, text) in &fixtures {
        let recs = analyze_json(text);
        records += recs.len();
        if let Err(e) = check_document(text, &recs) {
            panic!("{name}: {e}");
        }
        // The same text with CRLF and with lone CR line breaks: offsets and
        // line/column still hold.
        for eol in ["\r\n", "\r"] {
            let t = text.replace('\n', eol);
            if let Err(e) = check_document(&t, &analyze_json(&t)) {
                panic!("{name} with {eol:?} line breaks: {e}");
            }
        }
    }
    assert!(records > 0, "no fixture produced a record");
}

/// Texts that once broke the pipeline, found by the properties above.
fn assert_contract(text: &str) {
    let records = analyze_json(text);
    if let Err(e) = check_document(text, &records) {
        panic!("{text:?}: {e}");
    }
}

/// quotes.rs measured an elided word ('em, 'n') by its lowercase form,
/// which can be longer than the word (Ⱥ is 2 bytes, ⱥ 3): a slice panic.
#[test]
fn regression_a_word_longer_in_lowercase_after_an_apostrophe() {
    for text in [" 'Ⱥ‘", "'Ⱥ", "'Ⱥ¡", "'Ⱥm", "‘Ⱦ’ he said. 'ȺȺ ȾȾ' x"] {
        assert_contract(text);
    }
}

/// attribute.rs (continuation) sliced `text[q.outer().end..para.end]` for a
/// quotation that opens a paragraph, but a quotation that runs on into the
/// next paragraph ends after `para.end`: a "begin > end" slice panic.
#[test]
fn regression_a_quotation_running_into_the_next_paragraph() {
    for text in [
        "«,” she said.\n«,” she said. ",
        "“'\n \" '",
        "«Yes, he said\n\n«No,» she said.",
        "“,' she said.\n„,” ",
        "“'\"„\n\"'",
        "\"straight\r\n\"straight",
    ] {
        assert_contract(text);
    }
}
