//! How a speaker is drawn: a colour from the palette, its tints, initials
//! on a badge, and the speaker type (which sets the badge shape, so colour
//! is never the only signal).

use super::labels::escape;
use crate::sources::SourceRow;
use std::collections::HashMap;

/// Speaker colours: dark enough for white initials (contrast ≥ 4.5:1),
/// distinct for the most quoted sources; they repeat after twelve.
const PALETTE: &[&str] = &[
    "#1f5fa8", "#b6400c", "#257a3e", "#a3245a", "#5e3fae", "#0b6e6b", "#8a6400", "#b02a2a", "#46586b", "#7d4a1f",
    "#2d6d8f", "#7a2f87",
];
const GREY: &str = "#6b6b6b";

/// How one speaker is drawn.
#[derive(Clone, Debug)]
pub(super) struct Look {
    pub(super) colour: &'static str,
    /// Background of direct quotations and of reported speech.
    pub(super) tint: String,
    pub(super) light: String,
    pub(super) initials: String,
    pub(super) stype: &'static str,
}

impl Look {
    pub(super) fn new(colour: &'static str, initials: String, stype: &'static str) -> Look {
        Look {
            colour,
            tint: mix_white(colour, 0.26),
            light: mix_white(colour, 0.13),
            initials,
            stype,
        }
    }
    pub(super) fn unattributed() -> Look {
        Look::new(GREY, "?".into(), "none")
    }
    pub(super) fn style(&self) -> String {
        format!("--c:{};--t:{};--u:{}", self.colour, self.tint, self.light)
    }
    pub(super) fn badge(&self, title: &str) -> String {
        format!(
            r#"<span class="badge" data-type="{}" style="--c:{}" title="{}" aria-hidden="true">{}</span>"#,
            self.stype,
            self.colour,
            escape(title),
            escape(&self.initials)
        )
    }
}

/// `#rrggbb` mixed with white: `alpha` of the colour.
pub(super) fn mix_white(hex: &str, alpha: f64) -> String {
    let ch = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).unwrap_or(0) as f64;
    let m = |c: f64| (c * alpha + 255.0 * (1.0 - alpha)).round() as u8;
    format!("#{:02x}{:02x}{:02x}", m(ch(1)), m(ch(3)), m(ch(5)))
}

/// Words of a name that initials are made of.
fn name_words(name: &str) -> Vec<&str> {
    const STOP: &[&str] = &[
        "the", "a", "an", "one", "some", "many", "several", "of", "in", "at", "for", "to", "and", "on", "from", "with",
        "by",
    ];
    name.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && !STOP.contains(&w.to_lowercase().as_str()))
        .collect()
}

/// Initials for a badge: "Marc Champion" → MC, "critics" → Cr,
/// "the U.S. administration" → UA; for an unnamed person or a group, the
/// head noun's first letters: "An Iranian journalist in London" → Jo.
pub fn initials(name: &str, stype: Option<&str>) -> String {
    if matches!(stype, Some("unnamed") | Some("group")) {
        const AFTER_HEAD: &[&str] = &[
            "in", "of", "at", "from", "for", "with", "on", "who", "which", "that", "whose", "to", "by",
        ];
        let ws: Vec<&str> = name.split_whitespace().collect();
        let cut = ws
            .iter()
            .skip(1)
            .position(|w| AFTER_HEAD.contains(&w.to_lowercase().as_str()))
            .map_or(ws.len(), |i| i + 1);
        if let Some(head) = ws[..cut].last() {
            return initials(head, None);
        }
    }
    let words = name_words(name);
    let upper = |w: &str| {
        w.chars()
            .next()
            .map(|c| c.to_uppercase().collect::<String>())
            .unwrap_or_default()
    };
    match words.as_slice() {
        [] => "?".into(),
        [w] => {
            let mut cs = w.chars();
            let first: String = cs.next().map(|c| c.to_uppercase().collect()).unwrap_or_default();
            let second: String = cs.next().map(|c| c.to_lowercase().collect()).unwrap_or_default();
            first + &second
        }
        [first, .., last] => upper(first) + &upper(last),
    }
}

/// Looks of the sources (in table order: the most quoted get the first
/// colours), initials made unique within the document.
pub(super) fn looks(rows: &[SourceRow]) -> HashMap<String, Look> {
    let mut used: HashMap<String, usize> = HashMap::new();
    let mut out = HashMap::new();
    for (rank, r) in rows.iter().enumerate() {
        let base = initials(r.speaker.as_deref().unwrap_or(&r.speaker_id), r.speaker_type);
        let n = used.entry(base.clone()).or_insert(0);
        *n += 1;
        let ini = if *n == 1 { base } else { format!("{base}{n}") };
        let stype = r.speaker_type.unwrap_or("unknown");
        out.insert(
            r.speaker_id.clone(),
            Look::new(PALETTE[rank % PALETTE.len()], ini, stype),
        );
    }
    out
}
