//! "Who is quoted": one row per group (the whole corpus first), with bars
//! of the shares of sources by type (named people, unnamed people,
//! organisations, groups) and of quoted people by gender, by people and by
//! quotes. The values are the `--summary` ones, unchanged.

use super::bars::{bar, Seg};
use super::{group_label, shown, Limits};
use crate::across::{Row, Summary};
use crate::report::labels::escape;
use std::fmt::Write as _;

/// The legend of the bars (the segment classes, in bar order).
const LEGEND: &str = r#"<p class="legend"><span class="k"><i class="seg named"></i>named people</span><span class="k"><i class="seg unnamed"></i>unnamed people</span><span class="k"><i class="seg organization"></i>organisations</span><span class="k"><i class="seg group"></i>groups</span><span class="gap"></span><span class="k"><i class="seg female"></i>female</span><span class="k"><i class="seg male"></i>male</span><span class="k"><i class="seg gender_unknown"></i>gender not given</span></p>"#;

/// The section; `grouped` is `None` without `--by`.
pub(super) fn section(
    total: &[(Summary, Vec<Row>)],
    grouped: Option<&[(Summary, Vec<Row>)]>,
    limits: Limits,
) -> String {
    let mut s = String::from(
        r#"<section class="groups" aria-labelledby="groups-h"><h2 id="groups-h">Who is quoted</h2><p class="note">Sources are the distinct named people and organisations, plus each document's unnamed sources. Gender is that of named people, where the text gives it.</p>"#,
    );
    s.push_str(LEGEND);
    s.push_str(r#"<table class="shares"><thead><tr><th scope="col">Group</th><th scope="col" class="n">Documents</th><th scope="col" class="n">Quotations</th><th scope="col" class="n">Sources</th><th scope="col">Sources by type</th><th scope="col" class="n">People</th><th scope="col">People by gender</th><th scope="col">Quotes of people by gender</th></tr></thead><tbody>"#);
    for (summary, _) in total {
        s.push_str(&row(summary, true));
    }
    let mut left = 0;
    if let Some(groups) = grouped {
        let (keep, l) = shown(groups, limits.groups);
        left = l;
        for i in keep {
            s.push_str(&row(&groups[i].0, false));
        }
    }
    s.push_str("</tbody></table>");
    if left > 0 {
        let _ = write!(
            s,
            r#"<p class="note">{left} more groups, with fewer documents, are not shown (<code>whosaid sources --across --summary</code> lists them all).</p>"#
        );
    }
    s.push_str("</section>\n");
    s
}

/// One group's row.
fn row(g: &Summary, all: bool) -> String {
    let label = if all {
        "All documents".to_string()
    } else {
        group_label(&g.by)
    };
    let types = bar(
        "sources by type",
        &[
            Seg {
                field: "named",
                label: "named people",
                value: g.named,
            },
            Seg {
                field: "unnamed",
                label: "unnamed people",
                value: g.unnamed,
            },
            Seg {
                field: "organization",
                label: "organisations",
                value: g.organization,
            },
            Seg {
                field: "group",
                label: "groups",
                value: g.group,
            },
        ],
    );
    let genders = |what: &str, f: Option<f64>, m: Option<f64>, u: Option<f64>, q: &str| {
        let (ff, mf, uf) = match q {
            "" => ("female", "male", "gender_unknown"),
            _ => ("female_quotes", "male_quotes", "gender_unknown_quotes"),
        };
        bar(
            what,
            &[
                Seg {
                    field: ff,
                    label: "female",
                    value: f,
                },
                Seg {
                    field: mf,
                    label: "male",
                    value: m,
                },
                Seg {
                    field: uf,
                    label: "not given",
                    value: u,
                },
            ],
        )
    };
    format!(
        r#"<tr{class} data-group="{key}"><th scope="row">{label}</th><td class="n" data-field="documents">{d}</td><td class="n" data-field="records">{r}</td><td class="n" data-field="sources">{so}</td><td class="b">{types}</td><td class="n" data-field="persons">{p}</td><td class="b">{gp}</td><td class="b">{gq}</td></tr>"#,
        class = if all { r#" class="all""# } else { "" },
        key = if all { String::new() } else { escape(&label) },
        label = escape(&label),
        d = g.documents,
        r = g.records,
        so = g.sources,
        p = g.persons,
        gp = genders("people by gender", g.female, g.male, g.gender_unknown, ""),
        gq = genders(
            "quotes of people by gender",
            g.female_quotes,
            g.male_quotes,
            g.gender_unknown_quotes,
            "q"
        ),
    )
}
