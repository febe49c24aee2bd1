//! A UTF-16 stream (after its BOM) read as UTF-8, so that a UTF-16 JSONL
//! file is split into lines and parsed like any other.

use std::io::{self, Read};

pub struct Utf16Reader<R> {
    inner: R,
    little_endian: bool,
    lossy: bool,
    /// Bytes read but not yet decoded (half a code unit, a lone high surrogate).
    raw: Vec<u8>,
    /// Decoded UTF-8 not yet handed out, from `pos`.
    out: Vec<u8>,
    pos: usize,
    done: bool,
}

impl<R: Read> Utf16Reader<R> {
    pub fn new(inner: R, little_endian: bool, lossy: bool) -> Self {
        Utf16Reader {
            inner,
            little_endian,
            lossy,
            raw: Vec::new(),
            out: Vec::new(),
            pos: 0,
            done: false,
        }
    }

    /// Reads and decodes the next block into `out`.
    fn refill(&mut self) -> io::Result<()> {
        let mut block = [0u8; 1 << 14];
        let n = self.inner.read(&mut block)?;
        self.done = n == 0;
        self.raw.extend_from_slice(&block[..n]);
        let mut units: Vec<u16> = self
            .raw
            .chunks_exact(2)
            .map(|c| {
                if self.little_endian {
                    u16::from_le_bytes([c[0], c[1]])
                } else {
                    u16::from_be_bytes([c[0], c[1]])
                }
            })
            .collect();
        let mut keep = self.raw.len() % 2;
        // A high surrogate at the block's end waits for its pair.
        if !self.done && units.last().is_some_and(|u| (0xD800..0xDC00).contains(u)) {
            units.pop();
            keep += 2;
        }
        if self.done && keep == 1 && !self.lossy {
            return Err(bad());
        }
        self.raw.drain(..self.raw.len() - keep);
        self.out.clear();
        self.pos = 0;
        for c in char::decode_utf16(units) {
            let c = match c {
                Ok(c) => c,
                Err(_) if self.lossy => '\u{FFFD}',
                Err(_) => return Err(bad()),
            };
            self.out.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes());
        }
        if self.done && keep > 0 {
            self.raw.clear();
            self.out.extend_from_slice("\u{FFFD}".as_bytes());
        }
        Ok(())
    }
}

fn bad() -> io::Error {
    io::Error::new(
        io::ErrorKind::InvalidData,
        "invalid UTF-16 (use --lossy to replace bad bytes)",
    )
}

impl<R: Read> Read for Utf16Reader<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        while self.pos == self.out.len() {
            if self.done {
                return Ok(0);
            }
            self.refill()?;
        }
        let n = buf.len().min(self.out.len() - self.pos);
        buf[..n].copy_from_slice(&self.out[self.pos..self.pos + n]);
        self.pos += n;
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(bytes: &[u8], le: bool, lossy: bool) -> io::Result<String> {
        let mut s = String::new();
        Utf16Reader::new(bytes, le, lossy).read_to_string(&mut s)?;
        Ok(s)
    }

    #[test]
    fn decodes_both_orders_and_pairs() {
        let text = "{\"text\": \"hé 😀\"}\n";
        let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
        assert_eq!(read(&le, true, false).unwrap(), text);
        assert_eq!(read(&be, false, false).unwrap(), text);
        assert!(read(&[0x00, 0xD8], true, false).is_err(), "a lone surrogate");
        assert_eq!(read(&[0x00, 0xD8], true, true).unwrap(), "\u{FFFD}");
        assert!(read(&[b'a', 0, b'b'], true, false).is_err(), "an odd byte");
    }
}
