//! Which character encoding a page's bytes are in, and their text.
//!
//! The order of the HTML standard's "determining the character encoding",
//! without the network: a byte-order mark, then a `<meta charset>` or
//! `<meta http-equiv="Content-Type" content="…; charset=…">` in the first
//! 1024 bytes, then UTF-8 (whosaid's default for every input; invalid UTF-8
//! is an error unless `--lossy`, as for plain text).

use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};

/// How positions in the decoded page map back to bytes of the file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Bytes {
    /// UTF-8: a decoded byte offset is the file offset after a BOM of `bom` bytes.
    Utf8 { bom: usize },
    /// A single-byte encoding (windows-1252 …): one file byte per character.
    SingleByte,
    /// Anything else (UTF-16, Shift_JIS …): no source offsets.
    Other,
}

/// A page's text and how to find its bytes in the file.
pub struct Decoded {
    pub text: String,
    pub bytes: Bytes,
}

/// Decodes a page by its BOM, its `<meta>` declaration or as UTF-8.
pub fn decode(raw: &[u8], lossy: bool) -> Result<Decoded, String> {
    let (enc, bom) = match Encoding::for_bom(raw) {
        Some((enc, len)) => (enc, len),
        None => (prescan(raw).unwrap_or(UTF_8), 0),
    };
    if enc == UTF_8 {
        let text = crate::input::decode(raw.to_vec(), lossy)?;
        return Ok(Decoded {
            text,
            bytes: Bytes::Utf8 { bom },
        });
    }
    let (text, had_errors) = enc.decode_without_bom_handling(&raw[bom..]);
    if had_errors && !lossy {
        return Err(format!("invalid {} (use --lossy to replace bad bytes)", enc.name()));
    }
    let bytes = if enc.is_single_byte() && bom == 0 {
        Bytes::SingleByte
    } else {
        Bytes::Other
    };
    Ok(Decoded {
        text: text.into_owned(),
        bytes,
    })
}

/// The encoding a `<meta>` in the first 1024 bytes declares, if any.
fn prescan(raw: &[u8]) -> Option<&'static Encoding> {
    let head = raw[..raw.len().min(1024)].to_ascii_lowercase();
    let mut at = 0;
    while let Some(i) = find(&head[at..], b"<meta") {
        let start = at + i + 5;
        let end = head[start..]
            .iter()
            .position(|&b| b == b'>')
            .map_or(head.len(), |e| start + e);
        if let Some(enc) = charset_in(&head[start..end]) {
            return Some(standard_override(enc));
        }
        at = end;
    }
    None
}

/// The label after `charset=` in a meta tag's attributes.
fn charset_in(tag: &[u8]) -> Option<&'static Encoding> {
    let i = find(tag, b"charset")? + 7;
    let rest = &tag[i..];
    let rest = rest.trim_ascii_start().strip_prefix(b"=")?.trim_ascii_start();
    let rest = rest
        .strip_prefix(b"\"")
        .or_else(|| rest.strip_prefix(b"'"))
        .unwrap_or(rest);
    let len = rest
        .iter()
        .position(|&b| b"\"'; \t\r\n/>".contains(&b))
        .unwrap_or(rest.len());
    Encoding::for_label(&rest[..len])
}

/// The standard's overrides: a page cannot declare itself UTF-16 in ASCII
/// bytes, so that means UTF-8; `x-user-defined` means windows-1252.
fn standard_override(enc: &'static Encoding) -> &'static Encoding {
    match enc.name() {
        "UTF-16LE" | "UTF-16BE" => UTF_8,
        "x-user-defined" => WINDOWS_1252,
        _ => enc,
    }
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(hay, needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn meta_charset_declares_windows_1252() {
        let page = b"<html><head><meta charset=\"windows-1252\"></head><p>\x93Yes,\x94 she said.";
        let d = decode(page, false).unwrap();
        assert!(d.text.contains("\u{201c}Yes,\u{201d} she said."));
        assert_eq!(d.bytes, Bytes::SingleByte);
    }

    #[test]
    fn http_equiv_and_default() {
        let page = b"<meta http-equiv=Content-Type content='text/html; charset=ISO-8859-1'>\xe9";
        assert_eq!(decode(page, false).unwrap().text.chars().last(), Some('\u{e9}'));
        assert_eq!(decode(b"<p>caf\xc3\xa9", false).unwrap().bytes, Bytes::Utf8 { bom: 0 });
        assert!(decode(b"<p>caf\xe9", false).is_err(), "undeclared: UTF-8, strict");
        assert_eq!(
            decode(b"\xEF\xBB\xBF<p>x", false).unwrap().bytes,
            Bytes::Utf8 { bom: 3 }
        );
    }
}
