//! Page furniture: paragraphs of a copied web page that are not the story.
//!
//! Link and label lines ("READ MORE: …", "WATCH: …", "Related: …", "Sign up
//! for …", "Story continues below advertisement"; the starts are listed in
//! `data/furniture-prefixes.txt`), photo credits ("(Dana Wu/Port Alder
//! Press)", "Tijana Martin / The Canadian Press Anne Marie Cerato and …"),
//! bylines ("By Ann Lee", "Jeff Karoub, The Associated Press"), embedded-post
//! signatures ("— Ann Lee (@annlee) March 3, 2019") and subheads (a short
//! line in quote marks standing alone: "'A long winter ahead'"). A quoted
//! line signed by a name line below it is a pull quote, not a subhead.
//!
//! The text is never changed: [`classify`] marks paragraphs, and the
//! quotation finder, the cue reader and the sieves skip the marked ones.

use crate::lexicon::LEXICON;
use crate::text::Span;
use once_cell::sync::Lazy;

/// One flag per paragraph: whether it is page furniture.
pub fn classify(text: &str, paragraphs: &[Span]) -> Vec<bool> {
    (0..paragraphs.len())
        .map(|i| {
            let p = &text[paragraphs[i].clone()];
            let next = paragraphs.get(i + 1).map(|n| &text[n.clone()]);
            is_furniture(p, next)
        })
        .collect()
}

/// Whether one paragraph (trimmed) is furniture; `next` is the paragraph after it.
pub fn is_furniture(p: &str, next: Option<&str>) -> bool {
    listed_prefix(p)
        || byline(p)
        || photo_credit(p)
        || captioned(p)
        || post_signature(p)
        || follow_line(p)
        || subhead(p, next)
}

/// "Follow Pam Key on Twitter @pamkeyNEN.", "Follow @politico.": an
/// author's social-media line under the story. A short line opening with
/// "Follow" that names a handle or a network ("Follow the money, he said"
/// is story text).
fn follow_line(p: &str) -> bool {
    // A transcript copied with a quote mark opening every paragraph puts one
    // here too.
    let p = p.trim_start_matches(['"', '“']);
    let Some(rest) = p.strip_prefix("Follow ").or_else(|| p.strip_prefix("FOLLOW ")) else {
        return false;
    };
    if words(p) > 15 {
        return false;
    }
    let rest = rest.to_ascii_lowercase();
    rest.contains('@')
        || ["twitter", "facebook", "instagram", "threads", "bluesky"]
            .iter()
            .any(|n| rest.contains(n))
}

/// The number of words of `p`, counted up to 16: every rule here compares it
/// with a smaller bound, and a whole paragraph need not be walked.
fn words(p: &str) -> usize {
    p.split_whitespace().take(16).count()
}

fn capitalised(w: &str) -> bool {
    w.trim_start_matches(['(', '"', '“', '‘', '\''])
        .chars()
        .next()
        .is_some_and(char::is_uppercase)
}

/// "READ MORE: …", "Story continues below advertisement": a listed start.
/// A start that ends in ':' or '(' may begin a line of any length; a plain
/// word start ("read more", "advertisement") only a short line without a
/// comma ("Read more carefully, the judge said" is story text).
fn listed_prefix(p: &str) -> bool {
    let body = p.trim_start_matches(['•', '*', '–', '—', '-', ' ', '\u{a0}']);
    // The first 40 chars in lowercase. Nearly every paragraph opens in
    // ASCII, lowercased on the stack: this runs for every paragraph, and
    // two allocations and the Unicode tables per paragraph showed up in
    // profiles.
    let mut ascii = [0u8; 40];
    let owned: String;
    let head: &str = match body.as_bytes().get(..40.min(body.len())) {
        Some(b) if b.is_ascii() => {
            let h = &mut ascii[..b.len()];
            h.copy_from_slice(b);
            h.make_ascii_lowercase();
            std::str::from_utf8(h).expect("ASCII is UTF-8")
        }
        _ => {
            owned = body.chars().take(40).collect::<String>().to_lowercase();
            &owned
        }
    };
    prefixes_that_may_start(head).iter().any(|pre| {
        if !head.starts_with(pre) {
            return false;
        }
        if pre.ends_with([':', '(']) {
            return true;
        }
        let after = head[pre.len()..].chars().next();
        let boundary = after.is_none_or(|c| !c.is_alphanumeric());
        // Three words ("sign up for") are a notice whatever follows; one or
        // two ("read more") only in a short line without a comma.
        boundary && (words(pre) >= 3 || (words(body) <= 12 && !body.contains(", ")))
    })
}

/// The listed starts by their first byte (an empty one under every byte),
/// and all of them last, at [`ALL_PREFIXES`]. Every paragraph is tested,
/// and comparing its head with all fifty-odd starts was most of the
/// furniture rules' time.
static PREFIXES_BY_FIRST_BYTE: Lazy<Vec<Vec<&'static str>>> = Lazy::new(|| {
    let mut by_byte = vec![Vec::new(); ALL_PREFIXES + 1];
    for pre in &LEXICON.furniture_prefixes {
        match pre.as_bytes().first() {
            Some(&b) => by_byte[usize::from(b)].push(pre.as_str()),
            None => by_byte[..ALL_PREFIXES]
                .iter_mut()
                .for_each(|list| list.push(pre.as_str())),
        }
        by_byte[ALL_PREFIXES].push(pre.as_str());
    }
    by_byte
});

/// `PREFIXES_BY_FIRST_BYTE`'s slot for the whole list.
const ALL_PREFIXES: usize = 256;

/// The listed starts that `head` may start with: those of its first byte
/// (all of them for an empty head).
fn prefixes_that_may_start(head: &str) -> &'static [&'static str] {
    let slot = head.as_bytes().first().map_or(ALL_PREFIXES, |&b| usize::from(b));
    &PREFIXES_BY_FIRST_BYTE[slot]
}

/// Words that may stand in a name or an outlet's name without a capital.
fn name_particle(w: &str) -> bool {
    matches!(w, "and" | "of" | "the" | "de" | "van" | "von" | "la" | "du" | "&")
}

fn name_words(s: &str, max: usize) -> bool {
    let ws: Vec<&str> = s.split_whitespace().collect();
    !ws.is_empty()
        && ws.len() <= max
        && ws.first().is_some_and(|w| capitalised(w))
        && ws
            .iter()
            .all(|w| capitalised(w) || name_particle(w.trim_end_matches(',')))
}

/// "By Ann Lee", "By Ann Lee and Raj Patel", "Jeff Karoub, The Associated
/// Press": names only, no sentence end.
fn byline(p: &str) -> bool {
    // The end first: most paragraphs end a sentence, and counting words
    // walks the paragraph's start.
    if p.ends_with(['.', '?', '!', ':', '"', '”']) || words(p) > 9 {
        return false;
    }
    if let Some(rest) = p.strip_prefix("By ").or_else(|| p.strip_prefix("BY ")) {
        return name_words(rest, 7);
    }
    let Some((who, outlet)) = p.split_once(", ") else {
        return false;
    };
    let outlet_word = outlet.split_whitespace().last().unwrap_or("");
    let outlets = [
        "Press",
        "News",
        "Reuters",
        "AFP",
        "Post",
        "Times",
        "Herald",
        "Star",
        "Journal",
        "Globe",
        "Mail",
        "Sun",
        "Bloomberg",
        "Tribune",
        "Network",
        "Agency",
        "Wire",
    ];
    name_words(who, 4) && words(who) >= 2 && name_words(outlet, 5) && outlets.contains(&outlet_word)
}

/// "(Dana Wu/Port Alder Press)", "Photo: …" (a listed start),
/// "Tijana Martin / The Canadian Press Anne Marie Cerato and …",
/// "Getty/Instagram.": a credit, its names split by a slash.
fn photo_credit(p: &str) -> bool {
    let inner = p.strip_prefix('(').and_then(|r| r.strip_suffix(')'));
    if let Some(inner) = inner {
        if let Some((a, b)) = inner.split_once('/') {
            return words(inner) <= 10 && name_words(a, 4) && name_words(b, 6);
        }
    }
    let Some((a, b)) = p.split_once('/') else {
        return false;
    };
    let a = a.trim();
    let b = b.trim();
    // The credit opens the line: one to four capitalised words before the slash.
    let b_head: String = b.split_whitespace().take(3).collect::<Vec<_>>().join(" ");
    let short_tail = words(p) <= 3;
    name_words(a, 4) && name_words(&b_head, 3) && (short_tail || p.contains(" / ")) && !a.contains(',')
}

/// "Nadia Jamil, researcher at Dixon Hall, says … shelter system. (Kali
/// Madej/ Dixon Hall)": a paragraph that ends with a photo credit is the
/// photo's caption (it repeats the story; the story's own paragraphs carry
/// no credit).
fn captioned(p: &str) -> bool {
    let p = p.trim_end();
    let Some(open) = p.rfind('(').filter(|_| p.ends_with(')')) else {
        return false;
    };
    let before = p[..open].trim_end();
    open > 0 && before.ends_with(['.', '!', '?', '”', '"']) && words(before) <= 80 && photo_credit(&p[open..])
}

pub(crate) const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// "— Ann Lee (@annlee) March 3, 2019": the signature under an embedded post.
fn post_signature(p: &str) -> bool {
    let Some(rest) = p
        .strip_prefix('—')
        .or_else(|| p.strip_prefix('―'))
        .or_else(|| p.strip_prefix('–'))
        .or_else(|| p.strip_prefix("--"))
        .or_else(|| p.strip_prefix("- "))
    else {
        return false;
    };
    let rest = rest.trim();
    if words(rest) > 14 {
        return false;
    }
    let handle = rest.contains("(@");
    let dated = MONTHS.iter().any(|m| rest.contains(m)) && rest.trim_end().ends_with(|c: char| c.is_ascii_digit());
    handle || (dated && capitalised(rest))
}

/// A name line under a pull quote: "— Ann Lee", "Ann Lee, mayor of Port Alder".
fn name_line(p: &str) -> bool {
    let rest = p.trim_start_matches(['—', '―', '–', '-', ' ']);
    let dash = rest.len() != p.len();
    let who = rest.split(',').next().unwrap_or("");
    words(rest) <= 10 && name_words(who, 4) && (dash || rest.contains(',')) && !rest.ends_with(['.', '?', '!'])
}

/// A short line wholly inside quote marks, standing alone: "'A long winter
/// ahead'". In single marks it is a subhead whatever it ends with; in double
/// marks only without a sentence end inside (“We were there.” alone is a
/// quotation that the next paragraphs attribute). A name line after it makes
/// it a pull quote.
fn subhead(p: &str, next: Option<&str>) -> bool {
    let mut cs = p.chars();
    let (Some(open), Some(close)) = (cs.next(), cs.next_back()) else {
        return false;
    };
    let inner: &str = cs.as_str();
    let single = matches!((open, close), ('\'', '\'') | ('‘', '’'));
    let double = matches!((open, close), ('"', '"') | ('“', '”'));
    // (The marks before the word count: few paragraphs open and close
    // with them.)
    if !(single || double) || inner.trim().is_empty() || words(p) > 15 {
        return false;
    }
    // One quotation: no mark of the same kind inside.
    let inner_marks: &[char] = if single { &['‘', '’'] } else { &['"', '“', '”'] };
    if inner.contains(inner_marks) || (single && inner.contains("' ")) {
        return false;
    }
    let ends_sentence = inner.trim_end().ends_with(['.', '?', '!', ',', '…']);
    if double && ends_sentence {
        return false;
    }
    !next.is_some_and(name_line)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f(p: &str) -> bool {
        is_furniture(p, None)
    }

    #[test]
    fn links_labels_and_notices() {
        for p in [
            "READ MORE: Here’s what to know about ‘yellow vest’ protests",
            "WATCH: A fight broke out during a protest, police said.",
            "WATCH BELOW: UCP MLA Jason Nixon is firing back",
            "Related: Mayor says the bridge will open in May",
            "Sign up for our morning newsletter",
            "Story continues below advertisement",
            "Article Continued Below",
            "Photo: Dana Wu says the shelter is full",
            "Image caption Protesters said they would return",
            "Headline: Mayor vows action",
            "Subtitle: Council says no",
            "Caption: The mayor said she was pleased",
            "• Email: jdoe@example.com | Twitter: jdoe",
            "With files from The Canadian Press",
        ] {
            assert!(f(p), "{p}");
        }
    }

    #[test]
    fn follow_lines_name_a_handle_or_network() {
        for p in [
            "Follow Pam Key on Twitter @pamkeyNEN.",
            "Follow AWR Hawkins on Twitter: @AWRHawkins. Reach him directly at awrhawkins@breitbart.com.",
            "Follow @politico.",
            "\"Follow Pam Key on Twitter @pamkeyNEN.\"",
            "Follow Jeff Horwitz and Chad Day on Twitter: https://twitter.com/JeffHorwitz",
        ] {
            assert!(f(p), "{p}");
        }
        for p in [
            "Follow the money, he said.",
            "Follow-up talks are set for May, Lee said.",
            "Follow the rules or leave, the mayor told the crowd on Twitter, a spokesperson said, adding that the account was hers.",
        ] {
            assert!(!f(p), "{p}");
        }
    }

    #[test]
    fn credits_bylines_and_signatures() {
        for p in [
            "(Dana Wu/Port Alder Press)",
            "Tijana Martin / The Canadian Press Anne Marie Cerato and her husband at home",
            "Getty/Instagram.",
            "Jeff Karoub, The Associated Press",
            "By Ann Lee",
            "By Ann Lee and Raj Patel",
            "— Ann Lee (@annlee) March 3, 2019",
        ] {
            assert!(f(p), "{p}");
        }
    }

    #[test]
    fn a_paragraph_ending_with_a_photo_credit_is_a_caption() {
        assert!(f(
            "Nadia Jamil, a researcher at Dixon Hall, says the project began in May. (Kali Madej/ Dixon Hall)"
        ));
        assert!(f(
            "An RCMP official said officers had a plan. (Chantelle Bellrichard/CBC)"
        ));
        assert!(!f("The mayor said the plan (and its budget/timeline) was sound."));
        assert!(!f("The vote was close (52/48)."));
    }

    #[test]
    fn subheads_but_not_quotations_or_pull_quotes() {
        assert!(f("'A long winter ahead'"));
        assert!(f("‘Life-changing and heartbreaking’"));
        assert!(f("“Just listen to us”"));
        assert!(f("'All Bets Are Off.'"));
        assert!(!f("“It feels good. It feels warm. And nobody can bother you.”"));
        assert!(!is_furniture(
            "'A long winter ahead'",
            Some("— Ann Lee, mayor of Port Alder")
        ));
    }

    #[test]
    fn story_text_is_not_furniture() {
        for p in [
            "Read more carefully, the judge told the jury, and you will see the gap.",
            "By Tuesday, its phones had been shut off.",
            "Advertisement spending rose 4 per cent last year, the agency said.",
            "Ross said the talks would resume in May.",
            "“We were there under legitimate pretenses,” Figueroa told USA Today.",
            "Kim Moran, the mother, said the family is overwhelmed.",
            "The 9/11 attacks changed the city, she said.",
        ] {
            assert!(!f(p), "{p}");
        }
    }
}
