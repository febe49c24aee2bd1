//! Text safe to show on a terminal: control characters (C0, DEL, C1) and
//! bidirectional overrides are shown escaped (`\x1b`, `\n`, `\u{202e}`), so
//! that a quotation, a name or a file name can never retitle the terminal,
//! write the clipboard (OSC 52) or split a message into two lines.

use std::borrow::Cow;

/// Whether `c` would act on a terminal instead of being shown.
fn acts(c: char) -> bool {
    c.is_control() || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// `s` with every acting character escaped; borrowed when there is none.
pub fn printable(s: &str) -> Cow<'_, str> {
    if !s.chars().any(acts) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if acts(c) && (c as u32) < 0x80 => out.push_str(&format!("\\x{:02x}", c as u32)),
            c if acts(c) => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::printable;

    #[test]
    fn escape_sequences_are_shown_not_run() {
        assert_eq!(printable("plain “text”"), "plain “text”");
        assert_eq!(printable("\x1b]0;owned\x07"), "\\x1b]0;owned\\x07");
        assert_eq!(printable("a\nb\tc\r"), "a\\nb\\tc\\r");
        assert_eq!(printable("\u{9b}31m \u{202e}"), "\\u{9b}31m \\u{202e}");
        assert_eq!(printable("\x7f"), "\\x7f");
    }
}
