//! `extract --kind`, `--type` and `--speaker`: which records are written.
//! A filtered-out record keeps its place: the others keep their `index`
//! (as with `--min-confidence`).

use once_cell::sync::Lazy;
use std::collections::HashSet;
use whosaid::Record;

pub struct Filter<'a> {
    pub kinds: &'a [String],
    pub types: &'a [String],
    /// The folded words of `--speaker`, if given.
    pub speaker: Option<&'a [String]>,
}

/// Whether the record passes every filter given.
pub fn keeps(r: &Record, f: &Filter) -> bool {
    if !f.kinds.is_empty() && !f.kinds.iter().any(|k| k == r.kind.as_str()) {
        return false;
    }
    if !f.types.is_empty() && !r.speaker_type.is_some_and(|t| f.types.iter().any(|x| x == t)) {
        return false;
    }
    if let Some(words) = f.speaker {
        let Some(name) = &r.speaker else { return false };
        let have = fold(name);
        return have.windows(words.len()).any(|w| w == words);
    }
    true
}

/// Title words ("Dr.", "Sen.", "President") that a name is matched without,
/// lowercased, without their period: one-word titles of `data/titles.txt`.
static TITLES: Lazy<HashSet<String>> = Lazy::new(|| {
    include_str!("../../data/titles.txt")
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split('\t').next())
        .map(|t| fold_word(t.trim().trim_end_matches('.')))
        .filter(|t| !t.is_empty() && !t.contains(' '))
        .collect()
});

/// A name as words to compare: lowercase, without accents, without titles
/// and the modifiers before them ("Former", "the"), split at anything that
/// is not a letter or digit. "Dr. José Ruiz" → ["jose", "ruiz"].
pub fn fold(name: &str) -> Vec<String> {
    let words: Vec<String> = name
        .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
        .map(fold_word)
        .filter(|w| !w.is_empty())
        .collect();
    words
        .into_iter()
        .filter(|w| !TITLES.contains(w) && !matches!(w.as_str(), "the" | "former" | "late" | "acting"))
        .collect()
}

fn fold_word(w: &str) -> String {
    w.chars()
        .filter(|c| *c != '\'' && *c != '’')
        .flat_map(char::to_lowercase)
        .map(base_letter)
        .collect()
}

/// A Latin letter without its accent (é → e, ñ → n, ø → o, ł → l).
fn base_letter(c: char) -> char {
    const FROM: &str = "àáâãäåāăąçćĉċčďđèéêëēĕėęěĝğġģĥħìíîïĩīĭįıĵķĺļľŀłñńņňòóôõöøōŏőŕŗřśŝşšţťŧùúûüũūŭůűųŵýÿŷźżžß";
    const TO: &str = "aaaaaaaaacccccddeeeeeeeeegggghhiiiiiiiiijklllllnnnnooooooooorrrsssstttuuuuuuuuuuwyyyzzzs";
    if c.is_ascii() {
        return c;
    }
    FROM.chars()
        .position(|f| f == c)
        .and_then(|i| TO.chars().nth(i))
        .unwrap_or(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_fold_case_accents_and_titles() {
        assert_eq!(fold("Dr. José Ruiz"), ["jose", "ruiz"]);
        assert_eq!(fold("dr. jose ruiz"), fold("José Ruiz"));
        assert_eq!(fold("Former Sen. Łukasz Ó Briain"), ["lukasz", "o", "briain"]);
        assert_eq!(fold("O’Brien"), ["obrien"]);
    }
}
