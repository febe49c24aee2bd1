//! Unit tests of the report page: escaping, nesting, one mark per part.

use super::chart::chart;
use super::look::{looks, mix_white};
use super::markup::paragraphs;
use super::*;
use crate::record::PartOffsets;
use crate::record::Record;
use crate::sources;
use crate::sources::tests::rec;
use crate::Document;
use crate::Kind;

/// Checks that the elements nest properly; returns the text content
/// (tags and badges removed, entities decoded), only the text inside an
/// element with `data-index="N"` when `index` is given.
fn text_in(html: &str, index: Option<usize>) -> String {
    let want = index.map(|i| format!(r#"data-index="{i}""#));
    let mut stack: Vec<(String, bool, bool)> = Vec::new(); // name, badge, wanted
    let mut text = String::new();
    let mut rest = html;
    let keep =
        |stack: &[(String, bool, bool)]| !stack.iter().any(|e| e.1) && (want.is_none() || stack.iter().any(|e| e.2));
    while let Some(i) = rest.find('<') {
        if keep(&stack) {
            // The page's own line breaks; the text's are <br>.
            text.push_str(&rest[..i].replace('\n', ""));
        }
        let j = rest[i..].find('>').expect("unclosed tag") + i;
        let tag = &rest[i + 1..j];
        rest = &rest[j + 1..];
        if let Some(name) = tag.strip_prefix('/') {
            let open = stack.pop().unwrap_or_else(|| panic!("</{name}> closes nothing"));
            assert_eq!(open.0, name, "</{name}> closes <{}>", open.0);
        } else {
            let name = tag.split_whitespace().next().unwrap().to_string();
            if name == "br" {
                if keep(&stack) {
                    text.push('\n');
                }
                continue;
            }
            let wanted = want.as_ref().is_some_and(|w| tag.contains(w.as_str()));
            stack.push((name, tag.contains(r#"class="badge""#), wanted));
        }
    }
    text.push_str(&rest.replace('\n', ""));
    assert!(stack.is_empty(), "left open: {stack:?}");
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

fn check_well_formed(html: &str) -> String {
    text_in(html, None)
}

fn count(html: &str, what: &str) -> usize {
    html.matches(what).count()
}

fn doc(text: &str, recs: Vec<Record>) -> Vec<(Document, Vec<Record>)> {
    vec![(Document::new("t.txt", text), recs)]
}

fn at(mut r: Record, text: &str, a: usize, b: usize) -> Record {
    r.byte_start = a;
    r.byte_end = b;
    r.start = text[..a].chars().count();
    r.end = text[..b].chars().count();
    r.quote = text[a..b].to_string();
    r
}

fn article(html: &str) -> &str {
    let a = html.find(r#"<article class="text">"#).unwrap();
    let b = html[a..].find("</article>").unwrap() + a;
    &html[a..b + "</article>".len()]
}

#[test]
fn escapes_everything() {
    assert_eq!(escape(r#"<a href="x">&'"#), "&lt;a href=&quot;x&quot;&gt;&amp;&#39;");
}

#[test]
fn article_text_is_escaped_and_runs_nothing() {
    let text = "Headline <script>alert(1)</script>\n\n\"><img src=x onerror=alert(1)> said the man.\n\n“<b>bold</b>,” she said.";
    let q = text.find("<b>").unwrap();
    let mut r = rec(
        "<script>alert(2)</script>",
        0,
        Kind::Direct,
        "",
        2,
        Some(("S1", "\"><img src=y onerror=alert(3)>", "person")),
    );
    r.speaker_descriptor = Some("<script>alert(4)</script>".into());
    r = at(r, text, q, q + "<b>bold</b>".len());
    r.cue = Some("<i>said</i>".into());
    let html = render(&[(Document::new("<script>alert(5)</script>.txt", text), vec![r])]);
    if let Some(i) = html.find("<script>alert") {
        panic!("unescaped script: {}", &html[i.saturating_sub(200)..i + 50]);
    }
    assert!(!html.contains("<img"), "unescaped img");
    assert!(!html.contains("<b>bold"), "unescaped b");
    assert!(!html.contains("<i>said"), "unescaped cue");
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(html.contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"));
    assert!(html.contains("&lt;script&gt;alert(5)&lt;/script&gt;.txt"));
    assert!(html.contains("&lt;script&gt;alert(4)&lt;/script&gt;"));
    // Only the report's own script element.
    assert_eq!(count(&html, "<script"), 1);
    let text_back = check_well_formed(article(&html));
    assert!(text_back.contains("<script>alert(1)</script>"));
}

#[test]
fn one_mark_per_part_and_nothing_external() {
    let text = "“One,” Ann said, “two.”\n\nBob said that rain is wet.";
    let mut a = rec("t.txt", 0, Kind::Direct, "", 0, Some(("S1", "Ann", "person")));
    a.parts = Some(vec![
        PartOffsets {
            start: 1,
            end: 5,
            byte_start: 3,
            byte_end: 7,
        },
        PartOffsets {
            start: 18,
            end: 22,
            byte_start: 24,
            byte_end: 28,
        },
    ]);
    a.byte_start = 3;
    a.byte_end = 28;
    a.speaker_start = Some(7);
    a.speaker_end = Some(10);
    a.cue_start = Some(11);
    a.cue_end = Some(15);
    a.cue = Some("said".into());
    let b0 = text.find("rain").unwrap();
    let b = at(
        rec("t.txt", 1, Kind::Indirect, "", 2, None),
        text,
        b0,
        b0 + "rain is wet".len(),
    );
    let recs = vec![a, b];
    assert_eq!(mark_count(&recs), 3);
    let html = render(&doc(text, recs));
    assert_eq!(count(&html, r#"<mark class="quote""#), 3);
    assert_eq!(count(&html, r#"<mark class="qcont""#), 0);
    assert!(!html.contains("http://") && !html.contains("https://") && !html.contains("src="));
    assert!(!html.contains("@import") && !html.contains("url(http"));
    let back = check_well_formed(article(&html));
    assert_eq!(back, "“One,” Ann said, “two.”Bob said that rain is wet.");
    // Speaker mention and cue are underlined, in the text order.
    let art = article(&html);
    assert!(art.find(r#"<span class="who""#).unwrap() < art.find(r#"<span class="cue""#).unwrap());
    assert!(
        html.contains(r##"<a class="jump" href="#d1-q0""##)
            && html.contains(r#"<mark class="quote" data-index="0" data-speaker="Ann" id="d1-q0""#)
    );
    assert!(html.contains("Unattributed"));
}

#[test]
fn crossing_spans_split_into_continuations() {
    // A: "Alpha beta" (0..10), B: "beta gamma" (6..16): they cross.
    let text = "Alpha beta gamma delta";
    let a = at(
        rec("t.txt", 0, Kind::Mixed, "", 0, Some(("S1", "Ann", "person"))),
        text,
        0,
        10,
    );
    let b = at(
        rec("t.txt", 1, Kind::Direct, "", 0, Some(("S2", "Bob", "person"))),
        text,
        6,
        16,
    );
    // C nests inside B; D covers everything; E is empty.
    let c = at(rec("t.txt", 2, Kind::Direct, "", 0, None), text, 11, 16);
    let d = at(
        rec("t.txt", 3, Kind::Indirect, "", 0, Some(("S1", "Ann", "person"))),
        text,
        0,
        text.len(),
    );
    let e = at(rec("t.txt", 4, Kind::Direct, "", 0, None), text, 17, 17);
    let html = render(&doc(text, vec![a, b, c, d, e]));
    let art = article(&html);
    assert_eq!(count(art, r#"<mark class="quote""#), 5);
    assert!(count(art, r#"<mark class="qcont""#) >= 1);
    assert_eq!(check_well_formed(art), text);
    // The marks of each record together hold exactly its text.
    assert_eq!(text_in(art, Some(0)), "Alpha beta");
    assert_eq!(text_in(art, Some(1)), "beta gamma");
    assert_eq!(text_in(art, Some(2)), "gamma");
    assert_eq!(text_in(art, Some(3)), text);
    assert_eq!(text_in(art, Some(4)), "");
}

#[test]
fn paragraphs_split_on_blank_lines_and_spans_cross_them() {
    let text = "First para\nsecond line.\n\n  \nNext “para\n\nruns on” here.\n";
    assert_eq!(paragraphs(text).len(), 3);
    let q0 = text.find("para\n\nruns").unwrap();
    let q1 = text.find("” here").unwrap();
    let r = at(
        rec("t.txt", 0, Kind::Direct, "", 1, Some(("S1", "Ann", "person"))),
        text,
        q0,
        q1,
    );
    // A span that starts and ends in a blank gap still gets its mark.
    let gap = text.find("\n\n  \n").unwrap() + 1;
    let g = at(rec("t.txt", 1, Kind::Direct, "", 1, None), text, gap, gap + 2);
    let html = render(&doc(text, vec![r, g]));
    let art = article(&html);
    assert_eq!(count(art, "<p"), 3);
    assert_eq!(count(art, "<br>"), 1);
    assert_eq!(count(art, r#"<mark class="quote""#), 2);
    assert_eq!(count(art, r#"<mark class="qcont""#), 1);
    assert_eq!(
        check_well_formed(art),
        "First para\nsecond line.Next “para\n\nruns on” here.".replace("\n\n", "")
    );
}

#[test]
fn offsets_out_of_range_or_inside_a_character_are_clamped() {
    let text = "héllo wörld";
    let mut r = rec("t.txt", 0, Kind::Direct, "x", 0, None);
    r.byte_start = 2; // inside é
    r.byte_end = 999;
    r.speaker_start = Some(6);
    r.speaker_end = Some(500);
    let html = render(&doc(text, vec![r]));
    assert_eq!(check_well_formed(article(&html)), text);
    assert_eq!(count(&html, r#"<mark class="quote""#), 1);
}

#[test]
fn empty_and_quoteless_documents() {
    let html = render(&[
        (Document::new("a", ""), vec![]),
        (Document::new("b", "No quotes here."), vec![]),
    ]);
    assert!(html.contains(r#"<nav class="toc""#));
    assert!(html.contains("(empty document)"));
    assert_eq!(count(&html, "No quotation found"), 2);
    check_well_formed(&html[html.find("<main>").unwrap()..html.find("</main>").unwrap() + 7]);
}

#[test]
fn errors_get_a_section() {
    let html = render_entries(&[Entry::Error {
        doc: "x<y>.txt",
        error: "invalid UTF-8 <at> 3",
    }]);
    assert!(html.contains("Could not be read: invalid UTF-8 &lt;at&gt; 3"));
    assert!(html.contains("x&lt;y&gt;.txt"));
}

#[test]
fn initials_and_colours() {
    assert_eq!(initials("Marc Champion", Some("person")), "MC");
    assert_eq!(initials("critics", Some("group")), "Cr");
    assert_eq!(initials("the U.S. administration", Some("organization")), "UA");
    assert_eq!(initials("An Iranian journalist in London", Some("unnamed")), "Jo");
    assert_eq!(initials("some analysts", Some("group")), "An");
    assert_eq!(initials("the Iranian leadership", Some("organization")), "IL");
    assert_eq!(initials("—", None), "?");
    assert_eq!(mix_white("#000000", 0.5), "#808080");
    let rows = sources::sources(&[
        rec("a", 0, Kind::Direct, "x", 0, Some(("S1", "Mary Chan", "person"))),
        rec("a", 1, Kind::Direct, "x", 0, Some(("S2", "Marc Champion", "person"))),
    ]);
    let l = looks(&rows);
    assert_eq!(l["S1"].initials, "MC");
    assert_eq!(l["S2"].initials, "MC2");
    assert_ne!(l["S1"].colour, l["S2"].colour);
}

#[test]
fn chart_distinguishes_unnamed_sources_without_colour() {
    let recs = vec![
        rec("a", 0, Kind::Direct, "one two", 0, Some(("S1", "Ann Lee", "person"))),
        rec("a", 1, Kind::Direct, "three", 0, Some(("S2", "an official", "unnamed"))),
    ];
    let rows = sources::sources(&recs);
    let svg = chart(1, &rows, &looks(&rows));
    assert!(svg.contains(r#"fill="url(#d1-h-S2)""#));
    assert!(!svg.contains("url(#d1-h-S1)"));
    assert!(svg.contains(">unnamed person<") && svg.contains(">named person<"));
    assert!(!svg.contains("xmlns"));
}

mod prop {
    use super::*;
    use crate::record::Record;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn any_spans_give_well_formed_html(
            text in "[ab <&\"é\n]{0,40}",
            raw in proptest::collection::vec((0usize..50, 0usize..50), 0..8),
        ) {
            let recs: Vec<Record> = raw
                .iter()
                .enumerate()
                .map(|(i, &(a, b))| {
                    let mut r = rec("t.txt", i, Kind::Direct, "q", 0, Some(("S1", "Ann", "person")));
                    r.byte_start = a.min(b);
                    r.byte_end = a.max(b);
                    r.cue_start = Some(b / 2);
                    r.cue_end = Some(b);
                    r
                })
                .collect();
            let html = render(&doc(&text, recs));
            let art = article(&html);
            check_well_formed(art);
            prop_assert_eq!(count(art, r#"<mark class="quote""#), raw.len());
        }
    }
}
