//! The example article (data/iran-talks.txt) against its hand annotation:
//! every direct quotation found with the right speaker and no other direct
//! record (issue 3), and the speakers described as a journalist expects
//! (issue 6).

use std::path::PathBuf;
use whosaid::eval::{evaluate, read_gold};
use whosaid::{analyze, Document, Kind, Record};

fn records() -> Vec<Record> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data/iran-talks.txt");
    let text = std::fs::read_to_string(path).unwrap();
    analyze(&Document::new("iran-talks", text))
}

#[test]
fn every_direct_quotation_is_found_with_its_speaker_and_nothing_else() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/iran-talks.gold.json");
    let gold = read_gold(std::io::BufReader::new(std::fs::File::open(path).unwrap())).unwrap();
    let text = gold[0].text.clone();
    let preds: Vec<_> = analyze(&Document::new(gold[0].id.clone(), text))
        .iter()
        .map(|r| serde_json::to_value(r).unwrap())
        .collect();
    let direct = evaluate(&gold, &preds).direct;
    assert_eq!(
        (direct.gold, direct.pred, direct.tp, direct.speaker_right),
        (4, 4, 4, 4)
    );
}

#[test]
fn direct_quotes_name_their_speakers() {
    let recs = records();
    let direct: Vec<(&str, Option<&str>, Option<&str>)> = recs
        .iter()
        .filter(|r| r.kind == Kind::Direct)
        .map(|r| (r.quote.as_str(), r.speaker.as_deref(), r.speaker_mention.as_deref()))
        .collect();
    assert_eq!(direct.len(), 2, "{direct:?}");
    assert!(direct[0].0.starts_with("That confusion is a mark"));
    assert_eq!(direct[0].1, Some("Marc Champion"));
    assert_eq!(direct[0].2, Some("Champion"));
    assert!(direct[1].0.starts_with("Under such conditions"));
    assert_eq!(direct[1].1, Some("An Iranian journalist in London"));
    assert_eq!(direct[1].2, Some("the journalist"));
}

fn speaker<'a>(recs: &'a [Record], name: &str) -> &'a Record {
    recs.iter()
        .find(|r| r.speaker.as_deref() == Some(name))
        .unwrap_or_else(|| panic!("no record by {name}"))
}

#[test]
fn speakers_have_types_and_descriptors() {
    let recs = records();
    for (name, descriptor) in [
        ("Marc Champion", "Bloomberg columnist"),
        ("Michael McFaul", "a former U.S. ambassador to Russia"),
        ("Dennis Ross", "Former senior U.S. diplomat"),
    ] {
        let r = speaker(&recs, name);
        assert_eq!(r.speaker_type, Some("person"), "{name}");
        assert_eq!(r.speaker_descriptor.as_deref(), Some(descriptor), "{name}");
    }
    assert_eq!(
        speaker(&recs, "An Iranian journalist in London").speaker_type,
        Some("unnamed")
    );
    assert_eq!(
        speaker(&recs, "The Trump administration").speaker_type,
        Some("organization")
    );
    assert_eq!(speaker(&recs, "Ali Khamenei").speaker_type, Some("person"));
}

#[test]
fn one_speaker_keeps_one_id_and_pronouns_give_gender() {
    let recs = records();
    let ross: Vec<&Record> = recs
        .iter()
        .filter(|r| r.speaker.as_deref() == Some("Dennis Ross"))
        .collect();
    assert!(ross.len() >= 3, "he argued / adding / Ross concluded");
    assert!(ross.iter().all(|r| r.speaker_id == ross[0].speaker_id));
    assert!(ross.iter().any(|r| r.speaker_mention.as_deref() == Some("he")));
    assert!(ross.iter().any(|r| r.speaker_mention.as_deref() == Some("Ross")));
    assert_eq!(ross[0].speaker_gender, Some("male"), "from “he argued”");
    // Gender is never guessed from a first name.
    assert_eq!(speaker(&recs, "Marc Champion").speaker_gender, None);
}
