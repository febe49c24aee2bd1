//! Every case of `tests/fixtures/hard-cases.jsonl` (one hard pattern each,
//! copied from ../shared/examples) must come out exactly: every gold entry found
//! with the right speaker, nothing else (the scare-quote and title cases give
//! no record). Scored with the project's own `eval` definition.

use std::path::PathBuf;
use whosaid::eval::{evaluate, read_gold, GoldDoc};
use whosaid::{analyze, Document};

fn cases() -> Vec<GoldDoc> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/hard-cases.jsonl");
    read_gold(std::io::BufReader::new(std::fs::File::open(path).unwrap())).unwrap()
}

fn failures(case: &GoldDoc) -> Option<String> {
    let recs = analyze(&Document::new(case.id.clone(), case.text.clone()));
    let preds: Vec<_> = recs.iter().map(|r| serde_json::to_value(r).unwrap()).collect();
    let all = evaluate(std::slice::from_ref(case), &preds).all;
    let exact = all.tp == all.gold && all.tp == all.pred && all.speaker_right == all.tp;
    (!exact).then(|| {
        let got: Vec<String> = recs
            .iter()
            .map(|r| format!("{} {:?} by {:?} ({})", r.kind.as_str(), r.quote, r.speaker, r.rule))
            .collect();
        format!(
            "{}: gold {} pred {} tp {} right speaker {}\n    {}",
            case.id,
            all.gold,
            all.pred,
            all.tp,
            all.speaker_right,
            got.join("\n    ")
        )
    })
}

#[test]
fn every_hard_case_passes() {
    let cases = cases();
    assert_eq!(cases.len(), 30);
    let failed: Vec<String> = cases.iter().filter_map(failures).collect();
    assert!(
        failed.is_empty(),
        "{} hard cases fail:\n{}",
        failed.len(),
        failed.join("\n")
    );
}

#[test]
fn scare_quotes_and_titles_give_no_record() {
    for id in ["scare-quotes", "title-in-quotes"] {
        let case = cases().into_iter().find(|c| c.id == id).unwrap();
        let recs = analyze(&Document::new(case.id.clone(), case.text.clone()));
        assert!(recs.is_empty(), "{id}: {recs:?}");
    }
}
