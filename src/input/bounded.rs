//! Reading with a cap (`--max-doc-bytes`): a document, a JSONL line or a
//! decompressed stream larger than the cap is never held whole; reading
//! stops one byte past it (`/dev/zero`, a compression bomb, a 2 GB file).

use std::io::{self, BufRead, Read};

/// The default `--max-doc-bytes`: 64 MiB.
pub const DEFAULT_MAX_DOC_BYTES: u64 = 64 * 1024 * 1024;

/// A whole document of at most `cap` bytes, or `None` when it is larger
/// (then `cap + 1` bytes were read and the rest is left unread).
pub fn read_doc(r: impl Read, cap: u64) -> io::Result<Option<Vec<u8>>> {
    let mut buf = Vec::new();
    r.take(cap.saturating_add(1)).read_to_end(&mut buf)?;
    Ok((buf.len() as u64 <= cap).then_some(buf))
}

/// What [`read_line`] found.
#[derive(Debug, PartialEq, Eq)]
pub enum Line {
    /// The end of the input.
    End,
    /// A line of this many bytes (with its `\n`, if any) is in the buffer.
    Read(usize),
    /// The line holds more than `cap` bytes before its `\n`.
    TooLong,
}

/// Reads one line into `buf` (cleared first), holding at most `cap + 1`
/// bytes of it.
pub fn read_line(r: &mut impl BufRead, cap: u64, buf: &mut Vec<u8>) -> io::Result<Line> {
    buf.clear();
    let n = r.take(cap.saturating_add(1)).read_until(b'\n', buf)?;
    Ok(match n {
        0 => Line::End,
        n if n as u64 > cap && buf.last() != Some(&b'\n') => Line::TooLong,
        n => Line::Read(n),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn documents_stop_one_byte_past_the_cap() {
        assert_eq!(read_doc(&b"abcd"[..], 4).unwrap().unwrap(), b"abcd");
        assert_eq!(read_doc(&b"abcde"[..], 4).unwrap(), None);
        assert_eq!(read_doc(io::repeat(0), 1000).unwrap(), None, "an endless input ends");
    }

    #[test]
    fn lines_stop_one_byte_past_the_cap() {
        let mut buf = Vec::new();
        let mut r = &b"abcd\nabcde\n"[..];
        assert_eq!(
            read_line(&mut r, 4, &mut buf).unwrap(),
            Line::Read(5),
            "cap bytes and a newline"
        );
        assert_eq!(read_line(&mut r, 4, &mut buf).unwrap(), Line::TooLong);
        let mut z = io::BufReader::new(io::repeat(b'x'));
        assert_eq!(read_line(&mut z, 1000, &mut buf).unwrap(), Line::TooLong);
        assert!(buf.len() <= 1001);
        let mut e = &b""[..];
        assert_eq!(read_line(&mut e, 4, &mut buf).unwrap(), Line::End);
    }
}
