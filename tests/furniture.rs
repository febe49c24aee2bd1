//! Page furniture (issue 14): link lines, labels, credits, bylines,
//! embedded-post signatures and quoted subheads give no record and no
//! speaker, and every other record keeps its exact offsets.

use whosaid::{analyze, Document, Record};

fn records(text: &str) -> Vec<Record> {
    let recs = analyze(&Document::new("t", text));
    for r in &recs {
        if r.parts.is_none() {
            assert_eq!(&text[r.byte_start..r.byte_end], r.quote, "offsets of {:?}", r.quote);
        }
    }
    recs
}

fn quotes(text: &str) -> Vec<(String, Option<String>)> {
    records(text).into_iter().map(|r| (r.quote, r.speaker)).collect()
}

fn none_from(line: &str) {
    let text =
        format!("The bridge closed on Monday, Mayor Ann Lee said.\n\n{line}\n\n“It will take all winter,” Lee said.\n");
    let got = quotes(&text);
    assert_eq!(
        got,
        [
            ("The bridge closed on Monday".to_string(), Some("Ann Lee".to_string())),
            ("It will take all winter,".to_string(), Some("Ann Lee".to_string())),
        ],
        "{line}"
    );
}

#[test]
fn link_and_label_lines() {
    none_from("READ MORE: Lee says the bridge will reopen in May");
    none_from("WATCH: Councillor Raj Patel says “this is a disgrace” for drivers");
    none_from("Related: Patel said the vote was rushed");
    none_from("Sign up for our newsletter, says the editor");
    none_from("Share this story: Lee says the bridge will close");
    none_from("Story continues below advertisement");
    none_from("Article Continued Below");
    none_from("Headline: Lee says the bridge is closed");
    none_from("Subtitle: Patel said it was rushed");
    none_from("Caption: Lee told reporters the bridge was unsafe");
}

#[test]
fn credits_and_captions() {
    none_from("(Dana Wu/Port Alder Press)");
    none_from("Photo: Raj Patel says the bridge is unsafe");
    none_from("Image caption Raj Patel said the bridge was unsafe");
    none_from("Tijana Martin / The Canadian Press Anne Marie Cerato and her husband said they would stay");
}

#[test]
fn bylines_and_signatures() {
    none_from("Jeff Karoub, The Associated Press");
    none_from("By Raj Patel");
    none_from("— Raj Patel (@rajpatel) March 3, 2019");
}

#[test]
fn quoted_subheads() {
    none_from("'A long winter ahead'");
    none_from("“Just listen to us”");
}

#[test]
fn a_signed_pull_quote_is_a_quote_by_that_name() {
    let got =
        quotes("“We will not leave anyone behind”\n\n— Ann Lee, mayor of Port Alder\n\nThe storm hit on Monday.\n");
    assert_eq!(
        got,
        [(
            "We will not leave anyone behind".to_string(),
            Some("Ann Lee".to_string())
        )]
    );
}

#[test]
fn a_quotation_runs_on_over_a_furniture_line() {
    let text = "“The first part of it,\n\nStory continues below advertisement\n\n“and the rest of it,” Lee said.\n";
    let recs = records(text);
    assert_eq!(recs.len(), 1, "{recs:?}");
    assert_eq!(recs[0].speaker.as_deref(), Some("Lee"));
    assert!(recs[0].quote.contains("and the rest of it"), "{}", recs[0].quote);
    assert!(!recs[0].quote.contains("Story"), "{}", recs[0].quote);
}
