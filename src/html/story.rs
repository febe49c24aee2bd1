//! Which element holds the story.
//!
//! In order: the CMS's own marks (`itemprop=articleBody`, body classes such
//! as `entry-content`), then the `<article>` with the most text, then
//! `<main>`; when none holds a real story, a readability-style choice: each
//! paragraph's text counts for its parent (and half for its grandparent),
//! scaled down by the share of the candidate's text that is links. Text
//! inside furniture (`boilerplate::drops`) counts for nothing, so a related
//! rail of teaser `<article>`s never wins.

use super::boilerplate;
use ego_tree::{iter::Edge, NodeId};
use scraper::{Html, Node};
use std::collections::BTreeMap;

/// Class names that CMSs give the story body.
const BODY_CLASSES: &[&str] = &[
    "entry-content",
    "article-body",
    "articleBody",
    "story-body",
    "article-content",
    "post-content",
    "story-content",
    "article__body",
    "body-text",
    "c-entry-content",
    "post-body",
];

/// A story shorter than this (characters of text) is a teaser, not a story.
const MIN_STORY: usize = 140;

/// Text counts per element, furniture excluded.
#[derive(Clone, Copy, Default)]
struct Stats {
    text: usize,
    links: usize,
    /// Readability score: paragraph text of children and grandchildren.
    paragraphs: usize,
}

/// The element whose content is the story (the document itself if none).
pub fn root(doc: &Html) -> NodeId {
    let stats = measure(doc);
    let text = |id: &NodeId| stats.get(id).map_or(0, |s| s.text);
    let best = |ids: Vec<NodeId>| ids.into_iter().filter(|id| text(id) >= MIN_STORY).max_by_key(text);
    let marked = |f: &dyn Fn(&scraper::node::Element) -> bool| {
        stats
            .keys()
            .copied()
            .filter(|id| doc.tree.get(*id).and_then(|n| n.value().as_element()).is_some_and(f))
            .collect::<Vec<_>>()
    };
    best(marked(&|e| {
        e.attr("itemprop")
            .is_some_and(|p| p.split_whitespace().any(|p| p == "articleBody"))
            || e.classes().any(|c| BODY_CLASSES.contains(&c))
    }))
    .or_else(|| best(marked(&|e| e.name() == "article")))
    .or_else(|| best(marked(&|e| e.name() == "main" || e.attr("role") == Some("main"))))
    .or_else(|| densest(&stats))
    .or_else(|| best(marked(&|e| e.name() == "body")))
    .unwrap_or_else(|| doc.tree.root().id())
}

/// The readability choice: most paragraph text, fewest links.
fn densest(stats: &BTreeMap<NodeId, Stats>) -> Option<NodeId> {
    let score = |s: &Stats| s.paragraphs as f64 * (1.0 - s.links as f64 / s.text.max(1) as f64);
    stats
        .iter()
        .filter(|(_, s)| s.paragraphs > 0)
        .max_by(|a, b| score(a.1).total_cmp(&score(b.1)).then(b.0.cmp(a.0)))
        .map(|(id, _)| *id)
}

/// One pass over the tree, without recursion (pages can nest deeply).
fn measure(doc: &Html) -> BTreeMap<NodeId, Stats> {
    let mut stats: BTreeMap<NodeId, Stats> = BTreeMap::new();
    let mut stack: Vec<(NodeId, Stats, bool)> = Vec::new(); // (element, counts, dropped)
    for edge in doc.tree.root().traverse() {
        match edge {
            Edge::Open(n) => match n.value() {
                Node::Element(el) => {
                    let dropped = stack.last().is_some_and(|f| f.2) || boilerplate::drops(el);
                    stack.push((n.id(), Stats::default(), dropped));
                }
                Node::Text(t) => {
                    if let Some(top) = stack.last_mut().filter(|f| !f.2) {
                        top.1.text += t.trim().chars().count();
                    }
                }
                _ => {}
            },
            Edge::Close(n) => {
                let Some(el) = n.value().as_element() else { continue };
                let Some((id, mut s, dropped)) = stack.pop() else {
                    continue;
                };
                if dropped {
                    continue;
                }
                if el.name() == "a" {
                    s.links = s.text;
                }
                if let Some(parent) = stack.last_mut() {
                    parent.1.text += s.text;
                    parent.1.links += s.links;
                    if el.name() == "p" && s.text >= 25 {
                        parent.1.paragraphs += s.text;
                    }
                }
                if el.name() == "p" && s.text >= 25 && stack.len() >= 2 {
                    let gp = stack.len() - 2;
                    stack[gp].1.paragraphs += s.text / 2;
                }
                stats.insert(id, s);
            }
        }
    }
    stats
}
