//! What of a page is not the story: elements dropped with all they hold.
//!
//! By tag (scripts, forms, navigation, headers, footers, asides, embeds),
//! by attribute (`hidden`, `aria-hidden`, landmark roles), and by the words
//! of `class`/`id` that CMSs use for share widgets, comments, cookie
//! banners, newsletters, related links and ads. Captions are dropped too:
//! they describe a picture, and quotes in them would be counted twice (the
//! furniture rule of issue 14 would skip them anyway).

use scraper::node::Element;

/// Tags whose content is never story text.
const TAGS: &[&str] = &[
    "head",
    "title",
    "script",
    "style",
    "noscript",
    "template",
    "form",
    "nav",
    "header",
    "footer",
    "aside",
    "iframe",
    "object",
    "embed",
    "svg",
    "math",
    "canvas",
    "video",
    "audio",
    "button",
    "select",
    "textarea",
    "input",
    "label",
    "dialog",
    "menu",
    "figcaption",
];

/// Words of `class`/`id` names (split at `-`, `_` and case) that mark page
/// furniture.
const WORDS: &[&str] = &[
    "share",
    "sharing",
    "sharedaddy",
    "social",
    "cookie",
    "cookies",
    "consent",
    "gdpr",
    "newsletter",
    "subscribe",
    "subscription",
    "signup",
    "related",
    "comment",
    "comments",
    "respond",
    "promo",
    "ad",
    "ads",
    "advert",
    "advertisement",
    "sponsored",
    "sidebar",
    "breadcrumb",
    "breadcrumbs",
    "popup",
    "modal",
    "paywall",
    "caption",
    "credit",
    "byline",
    "tags",
    "recommended",
    "trending",
    "outbrain",
    "taboola",
    "jp",
];

/// Whether an element is page furniture, to be dropped with its content.
pub fn drops(el: &Element) -> bool {
    let name = el.name();
    if TAGS.contains(&name) || (name.starts_with("amp-") && name != "amp-fit-text") {
        return true;
    }
    if el.attr("hidden").is_some() || el.attr("aria-hidden") == Some("true") {
        return true;
    }
    if matches!(
        el.attr("role"),
        Some("navigation" | "banner" | "contentinfo" | "complementary" | "dialog")
    ) {
        return true;
    }
    el.classes().chain(el.id()).any(furniture_name)
}

/// A class or id such as `sharedaddy`, `cookie-banner`, `relatedStories`,
/// `ad-slot`, `wp-caption-text`.
fn furniture_name(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    if lower.starts_with("ad-") || lower.starts_with("share") || lower.starts_with("comment") {
        return true;
    }
    words(name).any(|w| WORDS.contains(&w.as_str()))
}

/// `relatedStories` → related, stories; `wp-caption-text` → wp, caption, text.
fn words(name: &str) -> impl Iterator<Item = String> + '_ {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut prev_lower = false;
    for c in name.chars() {
        let split = !c.is_alphanumeric() || (c.is_uppercase() && prev_lower);
        if split && !cur.is_empty() {
            out.push(std::mem::take(&mut cur));
        }
        if c.is_alphanumeric() {
            cur.extend(c.to_lowercase());
        }
        prev_lower = c.is_lowercase();
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out.into_iter()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn furniture_names() {
        for n in [
            "sharedaddy",
            "cookie-banner",
            "relatedStories",
            "ad-slot",
            "wp-caption-text",
            "comments",
        ] {
            assert!(furniture_name(n), "{n}");
        }
        for n in [
            "entry-content",
            "article-body",
            "story-body",
            "headline",
            "shadow",
            "lead",
        ] {
            assert!(!furniture_name(n), "{n}");
        }
    }
}
