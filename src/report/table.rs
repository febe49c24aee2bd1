//! A document's sources table, which is also its colour legend.

use super::labels::{escape, type_label};
use super::look::Look;
use crate::record::Record;
use crate::sources::{self, SourceRow};
use std::collections::HashMap;
use std::fmt::Write as _;

/// The sources table (the same rows as `whosaid sources`), which is also
/// the colour legend.
pub(super) fn table(di: usize, records: &[Record], rows: &[SourceRow], looks: &HashMap<String, Look>) -> String {
    let unattributed: Vec<&Record> = records.iter().filter(|r| r.speaker_id.is_none()).collect();
    let mut s = String::from(
        r#"<table class="sources"><caption>Sources, most quoted first</caption><thead><tr><th scope="col">Source</th><th scope="col" class="n" title="quotations and claims">Quotes</th><th scope="col" class="n" title="direct · mixed · indirect">Dir · mix · ind</th><th scope="col" class="n">Words</th></tr></thead><tbody>"#,
    );
    for r in rows {
        let look = &looks[&r.speaker_id];
        let name = r.speaker.as_deref().unwrap_or(&r.speaker_id);
        let first = records
            .iter()
            .find(|x| x.speaker_id.as_deref() == Some(r.speaker_id.as_str()))
            .map_or(0, |x| x.index);
        let _ = write!(
            s,
            r##"<tr data-sid="{sid}"><td class="src">{badge}<a class="jump" href="#d{di}-q{first}" title="go to the first quote">{name}</a>"##,
            sid = escape(&r.speaker_id),
            badge = look.badge(name),
            name = escape(name)
        );
        let mut sub = vec![type_label(r.speaker_type).to_string()];
        if let Some(d) = &r.speaker_descriptor {
            sub.push(escape(d));
        }
        if let Some(g) = r.speaker_gender {
            sub.push(g.to_string());
        }
        sub.push(escape(&r.speaker_id));
        let _ = write!(
            s,
            r#"<div class="desc">{}</div></td><td class="n q">{}</td><td class="n">{} · {} · {}</td><td class="n">{}</td></tr>"#,
            sub.join(" · "),
            r.quotes,
            r.direct,
            r.mixed,
            r.indirect,
            r.words_quoted
        );
    }
    if !unattributed.is_empty() {
        let count = |k: crate::Kind| unattributed.iter().filter(|r| r.kind == k).count();
        let words: usize = unattributed.iter().map(|r| sources::words(&r.quote)).sum();
        let _ = write!(
            s,
            r##"<tr class="unattributed"><td class="src">{badge}<a class="jump" href="#d{di}-q{first}">Unattributed</a><div class="desc">no speaker found</div></td><td class="n q">{n}</td><td class="n">{d} · {m} · {i}</td><td class="n">{words}</td></tr>"##,
            badge = Look::unattributed().badge("unattributed"),
            first = unattributed[0].index,
            n = unattributed.len(),
            d = count(crate::Kind::Direct),
            m = count(crate::Kind::Mixed),
            i = count(crate::Kind::Indirect),
        );
    }
    s.push_str("</tbody></table>");
    s
}
