//! The timeline: one row per month of the documents' date field (the
//! summary of `sources --across --by date:month`), with the documents of
//! the month as a bar and the shares of named people and of women quoted.
//! Left out when no document has a date.

use super::bars::{bar, scale, Seg};
use super::Limits;
use crate::across::Summary;
use crate::report::labels::escape;
use std::fmt::Write as _;

pub(super) fn section(months: &[Summary], limits: Limits) -> String {
    let dated: Vec<&Summary> = months
        .iter()
        .filter(|m| m.by.first().is_some_and(|b| b.1.is_some()))
        .collect();
    if dated.is_empty() {
        return String::new();
    }
    let undated: u64 = months
        .iter()
        .filter(|m| m.by.first().is_none_or(|b| b.1.is_none()))
        .map(|m| m.documents)
        .sum();
    let skip = dated.len().saturating_sub(limits.months);
    let dated = &dated[skip..];
    let max = dated.iter().map(|m| m.documents).max().unwrap_or(0);
    let mut s = String::from(
        r#"<section class="timeline" aria-labelledby="timeline-h"><h2 id="timeline-h">By month</h2><table class="shares months"><thead><tr><th scope="col">Month</th><th scope="col">Documents</th><th scope="col" class="n">Quotations</th><th scope="col" class="n">Sources</th><th scope="col">Sources by type</th><th scope="col">People by gender</th></tr></thead><tbody>"#,
    );
    for m in dated {
        let month = m.by[0].1.as_deref().unwrap_or_default();
        let _ = write!(
            s,
            r#"<tr data-month="{mo}"><th scope="row">{mo}</th><td class="b">{docs}<span class="count">{d}</span></td><td class="n" data-field="records">{r}</td><td class="n" data-field="sources">{so}</td><td class="b">{types}</td><td class="b">{genders}</td></tr>"#,
            mo = escape(month),
            docs = scale("documents", m.documents, max),
            d = m.documents,
            r = m.records,
            so = m.sources,
            types = bar(
                "sources by type",
                &[
                    Seg {
                        field: "named",
                        label: "named people",
                        value: m.named
                    },
                    Seg {
                        field: "unnamed",
                        label: "unnamed people",
                        value: m.unnamed
                    },
                    Seg {
                        field: "organization",
                        label: "organisations",
                        value: m.organization
                    },
                    Seg {
                        field: "group",
                        label: "groups",
                        value: m.group
                    },
                ],
            ),
            genders = bar(
                "people by gender",
                &[
                    Seg {
                        field: "female",
                        label: "female",
                        value: m.female
                    },
                    Seg {
                        field: "male",
                        label: "male",
                        value: m.male
                    },
                    Seg {
                        field: "gender_unknown",
                        label: "not given",
                        value: m.gender_unknown
                    },
                ],
            ),
        );
    }
    s.push_str("</tbody></table>");
    if skip > 0 {
        let _ = write!(s, r#"<p class="note">The {skip} earliest months are not shown.</p>"#);
    }
    if undated > 0 {
        let _ = write!(
            s,
            r#"<p class="note">{} without a date (or not an ISO date) are in no month.</p>"#,
            super::plural(undated, "document")
        );
    }
    s.push_str("</section>\n");
    s
}
