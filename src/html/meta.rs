//! A page's metadata: title, author, date, canonical URL and site name,
//! from `<meta>`, `<link rel=canonical>`, `<title>` and JSON-LD, for
//! `--keep-fields title,author,date,url,site`.

use scraper::{Html, Node};
use serde_json::Value;

/// The fields `--keep-fields` can take from a page.
pub const FIELDS: &[&str] = &["title", "author", "date", "url", "site"];

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Meta {
    pub title: Option<String>,
    pub author: Option<String>,
    pub date: Option<String>,
    pub url: Option<String>,
    pub site: Option<String>,
}

impl Meta {
    /// The value of one of [`FIELDS`].
    pub fn get(&self, field: &str) -> Option<&str> {
        match field {
            "title" => self.title.as_deref(),
            "author" => self.author.as_deref(),
            "date" => self.date.as_deref(),
            "url" => self.url.as_deref(),
            "site" => self.site.as_deref(),
            _ => None,
        }
    }
}

/// Reads the metadata of a parsed page; the first source found wins, in
/// the order of each field's list.
pub fn read(doc: &Html) -> Meta {
    let mut tags: Vec<(String, String)> = Vec::new(); // (key, value)
    let mut title = None;
    let mut ld = Vec::new();
    for node in doc.tree.nodes() {
        let Node::Element(el) = node.value() else { continue };
        match el.name() {
            "meta" => {
                let key = el.attr("property").or(el.attr("name")).or(el.attr("itemprop"));
                if let (Some(k), Some(v)) = (key, el.attr("content")) {
                    tags.push((k.to_ascii_lowercase(), v.trim().to_string()));
                }
            }
            "link" if el.attr("rel").is_some_and(|r| r.eq_ignore_ascii_case("canonical")) => {
                if let Some(href) = el.attr("href") {
                    tags.push(("canonical".into(), href.trim().to_string()));
                }
            }
            "time" if el.attr("itemprop") == Some("datePublished") => {
                if let Some(dt) = el.attr("datetime") {
                    tags.push(("datepublished".into(), dt.trim().to_string()));
                }
            }
            "title" if title.is_none() => title = Some(super::collapse(&text_of(node))),
            "script"
                if el
                    .attr("type")
                    .is_some_and(|t| t.eq_ignore_ascii_case("application/ld+json")) =>
            {
                if let Ok(v) = serde_json::from_str::<Value>(&text_of(node)) {
                    ld.push(v);
                }
            }
            _ => {}
        }
    }
    let article = ld.iter().find_map(find_article);
    let tag = |keys: &[&str]| {
        keys.iter().find_map(|k| {
            tags.iter()
                .find(|(t, v)| t == k && !v.is_empty())
                .map(|(_, v)| v.clone())
        })
    };
    let from_ld = |f: fn(&Value) -> Option<String>| article.and_then(f);
    Meta {
        title: tag(&["og:title", "twitter:title"])
            .or_else(|| from_ld(|a| str_of(a.get("headline")?)))
            .or(title.filter(|t| !t.is_empty())),
        author: tag(&["author", "article:author", "byl", "parsely-author", "dc.creator"])
            .filter(|a| !a.starts_with("http"))
            .or_else(|| from_ld(|a| name_of(a.get("author")?))),
        date: tag(&[
            "article:published_time",
            "datepublished",
            "date",
            "pubdate",
            "publishdate",
            "dc.date.issued",
        ])
        .or_else(|| from_ld(|a| str_of(a.get("datePublished")?))),
        url: tag(&["canonical", "og:url"]).or_else(|| from_ld(|a| str_of(a.get("url")?))),
        site: tag(&["og:site_name", "application-name"]).or_else(|| from_ld(|a| name_of(a.get("publisher")?))),
    }
}

/// The text inside an element (a `<title>` or a `<script>`).
fn text_of(node: ego_tree::NodeRef<'_, Node>) -> String {
    node.descendants()
        .filter_map(|n| n.value().as_text())
        .map(|t| &**t)
        .collect()
}

/// The first JSON-LD object that is an article (`@graph` and arrays searched).
fn find_article(v: &Value) -> Option<&Value> {
    match v {
        Value::Array(items) => items.iter().find_map(find_article),
        Value::Object(o) => {
            let is_article = |t: &Value| t.as_str().is_some_and(|t| t.ends_with("Article") || t == "BlogPosting");
            let typed = match o.get("@type") {
                Some(Value::Array(ts)) => ts.iter().any(is_article),
                Some(t) => is_article(t),
                None => false,
            };
            if typed {
                Some(v)
            } else {
                o.get("@graph").and_then(find_article)
            }
        }
        _ => None,
    }
}

fn str_of(v: &Value) -> Option<String> {
    v.as_str().map(|s| s.trim().to_string()).filter(|s| !s.is_empty())
}

/// A person or organisation: a string, `{"name": …}`, or a list of them (joined).
fn name_of(v: &Value) -> Option<String> {
    match v {
        Value::Array(items) => {
            let names: Vec<String> = items.iter().filter_map(name_of).collect();
            (!names.is_empty()).then(|| names.join(", "))
        }
        Value::Object(o) => o.get("name").and_then(str_of),
        v => str_of(v),
    }
}
