//! Documents from files, folders, stdin and JSONL, read as a stream.
//!
//! Input policy (also in the README):
//! - a UTF-8 BOM is skipped; UTF-16 with a BOM is decoded;
//! - invalid UTF-8 makes the document an error, unless `lossy` replaces the
//!   bad bytes with U+FFFD (offsets then index the decoded text);
//! - `.gz` and `.zst` files are decompressed (extensions in any case);
//! - folders are walked recursively in sorted order, taking `.txt` and `.md`
//!   files (`.jsonl`/`.json` with `--jsonl`), compressed or not, without
//!   following symlinked folders inside them; a file with
//!   NUL bytes met in a folder is skipped with a message, a named one is an
//!   error; so is anything but a regular file met in a folder (a FIFO would
//!   block, a device never ends), and the run's own output file;
//! - web pages (`.html`/`.htm`, HTML sniffed on stdin, or `--html`, also for
//!   a JSONL text field) are read as their story (`crate::html`);
//! - a document (a file, stdin, a JSONL line; decompressed) of more than
//!   `max_doc_bytes` is an error record, read no further than the cap; after
//!   such a JSONL line the rest of that input is not read (it may have no
//!   line end at all).
//!
//! ```
//! use whosaid::input::{documents, InputOptions, Item};
//! // A file, a folder or `-`; here the example article of the repository.
//! let mut docs = documents(&["data/iran-talks.txt".to_string()], InputOptions::default());
//! let Some(Item::Doc(doc, _kept)) = docs.next() else { panic!("a document") };
//! assert_eq!(doc.id, "data/iran-talks.txt");
//! assert!(!whosaid::analyze(&doc).is_empty());
//! assert!(docs.next().is_none());
//!
//! // A missing file is an error item (a record in the CLI's output), not a panic.
//! let mut docs = documents(&["no/such.txt".to_string()], InputOptions::default());
//! assert!(matches!(docs.next(), Some(Item::Error { error, .. }) if error == "no such file or folder"));
//! ```

mod bounded;
mod utf16;

pub use bounded::DEFAULT_MAX_DOC_BYTES;

use serde_json::{Map, Value};
use std::collections::VecDeque;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

/// How inputs are read (the CLI's input flags).
#[derive(Clone, Debug)]
pub struct InputOptions {
    /// Inputs are JSONL, one object per line (`--jsonl`).
    pub jsonl: bool,
    /// JSONL field of the document id (`"id"`); a line without one is
    /// named `FILE:LINE`.
    pub id_field: String,
    /// JSONL field of the text (`"text"`).
    pub text_field: String,
    /// JSONL fields returned beside each document (`--keep-fields`).
    pub keep_fields: Vec<String>,
    /// Invalid UTF-8 becomes U+FFFD instead of an error (`--lossy`).
    pub lossy: bool,
    /// Every input (or JSONL text field) is a web page.
    pub html: bool,
    /// The largest document read, in bytes (see `bounded`).
    pub max_doc_bytes: u64,
    /// The identity (device, inode) of the output file: a walk skips it.
    pub skip_file: Option<(u64, u64)>,
}

impl Default for InputOptions {
    fn default() -> Self {
        InputOptions {
            jsonl: false,
            id_field: "id".into(),
            text_field: "text".into(),
            keep_fields: Vec::new(),
            lossy: false,
            html: false,
            max_doc_bytes: DEFAULT_MAX_DOC_BYTES,
            skip_file: None,
        }
    }
}

/// One unit of input.
#[derive(Debug)]
pub enum Item {
    /// A document, with the `--keep-fields` values of its JSONL record.
    Doc(crate::Document, Map<String, Value>),
    /// A document that could not be read: an error record.
    Error { doc: String, error: String },
    /// A file passed over while walking a folder (a message, no record).
    Skipped { path: String, reason: String },
}

/// Iterates over the documents of `inputs` (`-` is stdin), lazily: see
/// [`documents`].
pub struct Documents {
    opts: InputOptions,
    pending: VecDeque<(PathBuf, bool)>,
    jsonl: Option<(String, Box<dyn BufRead + Send>, usize)>,
    /// Bytes read so far (decompressed), for progress reports.
    pub bytes_read: u64,
    /// The JSONL line being read, kept between lines: growing a new buffer
    /// to the size of each line was a chain of reallocations per document.
    line: Vec<u8>,
}

/// The documents of files, folders and `-` (stdin; also when `inputs` is
/// empty), read one at a time in order by the input policy (module
/// documentation): an iterator of [`Item`]s.
pub fn documents(inputs: &[String], opts: InputOptions) -> Documents {
    let mut pending: VecDeque<(PathBuf, bool)> = inputs.iter().map(|s| (PathBuf::from(s), true)).collect();
    if pending.is_empty() {
        pending.push_back((PathBuf::from("-"), true));
    }
    Documents {
        opts,
        pending,
        jsonl: None,
        bytes_read: 0,
        line: Vec::new(),
    }
}

fn is_stdin(p: &Path) -> bool {
    p.as_os_str() == "-"
}

/// Opens an input; a file met in a walk only when it is a regular file (it
/// is opened non-blocking, so that a FIFO put there meanwhile cannot hang
/// the run, then checked).
fn open(path: &Path, named: bool, skip_file: Option<(u64, u64)>) -> io::Result<Opened> {
    let raw: Box<dyn Read + Send> = if is_stdin(path) {
        Box::new(io::stdin())
    } else if named {
        Box::new(File::open(path)?)
    } else {
        use std::os::unix::fs::{MetadataExt, OpenOptionsExt};
        let f = std::fs::OpenOptions::new()
            .read(true)
            .custom_flags(libc::O_NONBLOCK)
            .open(path)?;
        let meta = f.metadata()?;
        if !meta.is_file() {
            return Ok(Opened::Skip("not a regular file"));
        }
        if Some((meta.dev(), meta.ino())) == skip_file {
            return Ok(Opened::Skip("it is the output file"));
        }
        Box::new(f)
    };
    let name = path.to_string_lossy().to_lowercase();
    Ok(Opened::Reader(if name.ends_with(".gz") {
        Box::new(flate2::read::MultiGzDecoder::new(raw))
    } else if name.ends_with(".zst") {
        Box::new(zstd::stream::read::Decoder::new(raw)?)
    } else {
        raw
    }))
}

enum Opened {
    Reader(Box<dyn Read + Send>),
    /// A file met in a walk that is not read, and why.
    Skip(&'static str),
}

fn wanted(path: &Path, jsonl: bool) -> bool {
    let name = path.to_string_lossy().to_lowercase();
    let name = name.trim_end_matches(".gz").trim_end_matches(".zst");
    if jsonl {
        name.ends_with(".jsonl") || name.ends_with(".json") || name.ends_with(".ndjson")
    } else {
        name.ends_with(".txt") || name.ends_with(".md") || crate::html::is_html_name(name)
    }
}

/// Decodes a document's bytes into text by the input policy.
///
/// ```
/// use whosaid::input::decode;
/// assert_eq!(decode(b"\xEF\xBB\xBFhi".to_vec(), false).unwrap(), "hi");
/// assert_eq!(
///     decode(b"caf\xE9".to_vec(), false).unwrap_err(),
///     "invalid UTF-8 at byte 3 (use --lossy to replace bad bytes)"
/// );
/// assert_eq!(decode(b"caf\xE9".to_vec(), true).unwrap(), "caf\u{FFFD}");
/// ```
pub fn decode(bytes: Vec<u8>, lossy: bool) -> Result<String, String> {
    if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return decode(rest.to_vec(), lossy);
    }
    let utf16 = |le: bool, b: &[u8]| {
        let units: Vec<u16> = b
            .chunks_exact(2)
            .map(|c| {
                let pair = [c[0], c[1]];
                if le {
                    u16::from_le_bytes(pair)
                } else {
                    u16::from_be_bytes(pair)
                }
            })
            .collect();
        // An odd last byte is half a code unit: a truncated file.
        let odd = b.len() % 2 == 1;
        if lossy {
            let mut s = String::from_utf16_lossy(&units);
            if odd {
                s.push('\u{FFFD}');
            }
            Ok(s)
        } else if odd {
            Err("invalid UTF-16: odd number of bytes (use --lossy to replace bad bytes)".to_string())
        } else {
            String::from_utf16(&units).map_err(|_| "invalid UTF-16 (use --lossy to replace bad bytes)".to_string())
        }
    };
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        return utf16(true, rest);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        return utf16(false, rest);
    }
    match String::from_utf8(bytes) {
        Ok(s) => Ok(s),
        Err(e) if lossy => Ok(String::from_utf8_lossy(e.as_bytes()).into_owned()),
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            Err(format!("invalid UTF-8 at byte {at} (use --lossy to replace bad bytes)"))
        }
    }
}

impl Documents {
    fn next_jsonl_line(&mut self) -> Option<Item> {
        loop {
            let (name, rdr, line_no) = self.jsonl.as_mut()?;
            // Past 1 MB, a line's buffer is not kept for the next ones.
            if self.line.capacity() > 1 << 20 {
                self.line = Vec::new();
            }
            let buf = &mut self.line;
            match bounded::read_line(rdr, self.opts.max_doc_bytes, buf) {
                Ok(bounded::Line::End) => {
                    self.jsonl = None;
                    return None;
                }
                Ok(bounded::Line::TooLong) => {
                    let item = Item::Error {
                        doc: format!("{name}:{}", *line_no + 1),
                        error: format!(
                            "line longer than --max-doc-bytes ({} bytes); the rest of {name} is not read",
                            self.opts.max_doc_bytes
                        ),
                    };
                    self.jsonl = None;
                    return Some(item);
                }
                Err(e) => {
                    let item = Item::Error {
                        doc: format!("{name}:{}", *line_no + 1),
                        error: format!("read error: {e}"),
                    };
                    self.jsonl = None;
                    return Some(item);
                }
                Ok(bounded::Line::Read(n)) => {
                    *line_no += 1;
                    self.bytes_read += n as u64;
                    // A blank line (often the file's last) holds no document:
                    // passed over without a message for each one.
                    if buf.iter().all(u8::is_ascii_whitespace) {
                        continue;
                    }
                    let loc = format!("{name}:{line_no}");
                    let item = parse_jsonl_line(buf, &loc, &self.opts);
                    // A long line's buffer goes now, not at the next read:
                    // the document is analysed meanwhile, and a 200 MB line
                    // would otherwise sit beside its parsed text.
                    if self.line.capacity() > 1 << 20 {
                        self.line = Vec::new();
                    }
                    return Some(item);
                }
            }
        }
    }
}

/// One line of a JSONL input (with or without its `\n`), read by the input
/// policy: a blank line is skipped, bytes that do not decode or a line that
/// is no JSON object with a string text field are an error record at `loc`.
///
/// ```
/// use whosaid::input::{parse_jsonl_line, InputOptions, Item};
/// let opts = InputOptions { keep_fields: vec!["outlet".into()], ..InputOptions::default() };
/// let line = br#"{"id": 7, "text": "Hi.", "outlet": "AP"}"#;
/// let Item::Doc(doc, kept) = parse_jsonl_line(line, "f.jsonl:1", &opts) else { panic!() };
/// assert_eq!((doc.id.as_str(), doc.text.as_str()), ("7", "Hi."));
/// assert_eq!(kept["outlet"], "AP");
/// assert!(matches!(parse_jsonl_line(b"[1]", "f.jsonl:2", &opts), Item::Error { .. }));
/// ```
pub fn parse_jsonl_line(line: &[u8], loc: &str, opts: &InputOptions) -> Item {
    if line.iter().all(u8::is_ascii_whitespace) {
        return Item::Skipped {
            path: loc.to_string(),
            reason: "blank line".into(),
        };
    }
    // Valid UTF-8 is parsed in place (a BOM is trimmed by `parse_record`);
    // anything else goes through `decode` (UTF-16 BOMs, `--lossy`, errors).
    let decoded;
    let line = match std::str::from_utf8(line) {
        Ok(s) => s,
        Err(_) => match decode(line.to_vec(), opts.lossy) {
            Ok(s) => {
                decoded = s;
                decoded.as_str()
            }
            Err(e) => {
                return Item::Error {
                    doc: loc.to_string(),
                    error: e,
                }
            }
        },
    };
    parse_record(line, loc, opts)
}

/// Reads only the fields whosaid uses from a JSON object; every other field
/// is skipped without being built (corpus lines often carry large
/// annotations beside the text).
struct Wanted<'o>(&'o InputOptions);

impl<'de> serde::de::DeserializeSeed<'de> for Wanted<'_> {
    type Value = Option<Map<String, Value>>;

    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> serde::de::Visitor<'de> for Wanted<'_> {
    type Value = Option<Map<String, Value>>;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a JSON object")
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut out = Map::new();
        while let Some(key) = map.next_key::<std::borrow::Cow<'de, str>>()? {
            let key: &str = &key;
            if key == self.0.id_field || key == self.0.text_field || self.0.keep_fields.iter().any(|f| f == key) {
                out.insert(key.to_string(), map.next_value::<Value>()?);
            } else {
                map.next_value::<serde::de::IgnoredAny>()?;
            }
        }
        Ok(Some(out))
    }

    // Anything but an object parses, and is then reported as not an object.
    fn visit_bool<E>(self, _: bool) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_i64<E>(self, _: i64) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_u64<E>(self, _: u64) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_f64<E>(self, _: f64) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_str<E>(self, _: &str) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_unit<E>(self) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        while seq.next_element::<serde::de::IgnoredAny>()?.is_some() {}
        Ok(None)
    }
}

fn parse_record(line: &str, loc: &str, opts: &InputOptions) -> Item {
    use serde::de::DeserializeSeed;
    let mut de = serde_json::Deserializer::from_str(line.trim_start_matches('\u{feff}'));
    let parsed = Wanted(opts).deserialize(&mut de).and_then(|v| de.end().map(|()| v));
    let mut obj = match parsed {
        Ok(Some(obj)) => obj,
        Ok(None) => {
            return Item::Error {
                doc: loc.to_string(),
                error: "not a JSON object".into(),
            }
        }
        Err(e) => {
            return Item::Error {
                doc: loc.to_string(),
                error: format!("not JSON: {e}"),
            }
        }
    };
    let id = match obj.get(&opts.id_field) {
        // An empty id would make records and errors unattributable: use the line.
        Some(Value::String(s)) if !s.is_empty() => s.clone(),
        Some(Value::Number(n)) => n.to_string(),
        _ => loc.to_string(),
    };
    // The error record keeps the id; the message also names the line.
    let at = if id == loc {
        String::new()
    } else {
        format!(" (at {loc})")
    };
    // The text is moved out of the parsed object rather than copied, unless
    // `--keep-fields` also keeps it (read from the object below).
    let text_kept = opts.keep_fields.contains(&opts.text_field);
    let text = match obj.get_mut(&opts.text_field) {
        Some(Value::String(s)) if !text_kept => std::mem::take(s),
        Some(Value::String(s)) => s.clone(),
        Some(_) => {
            return Item::Error {
                doc: id,
                error: format!("field \"{}\" is not a string{at}", opts.text_field),
            }
        }
        None => {
            return Item::Error {
                doc: id,
                error: format!("no \"{}\" field{at}", opts.text_field),
            }
        }
    };
    let kept = opts
        .keep_fields
        .iter()
        .map(|f| (f.clone(), obj.get(f).cloned().unwrap_or(Value::Null)))
        .collect();
    if opts.html {
        return crate::html::item_from_str(id, &text, kept, opts);
    }
    Item::Doc(crate::Document::new(id, text), kept)
}

impl Iterator for Documents {
    type Item = Item;

    fn next(&mut self) -> Option<Item> {
        loop {
            if let Some(item) = self.next_jsonl_line() {
                return Some(item);
            }
            let (path, named) = self.pending.pop_front()?;
            let name = path.to_string_lossy().into_owned();
            if !is_stdin(&path) && path.is_dir() {
                match std::fs::read_dir(&path) {
                    Ok(rd) => {
                        let mut children: Vec<PathBuf> = rd.filter_map(|e| e.ok().map(|e| e.path())).collect();
                        children.sort();
                        // Depth-first, in sorted order: children go first.
                        for child in children.into_iter().rev() {
                            // A symlinked folder is not followed (as ripgrep
                            // does): a link to a parent would read it again.
                            // Files are checked when opened (see `open`).
                            let link = child.symlink_metadata().is_ok_and(|m| m.file_type().is_symlink());
                            let take = if child.is_dir() {
                                !link
                            } else {
                                wanted(&child, self.opts.jsonl)
                            };
                            if take {
                                self.pending.push_front((child, false));
                            }
                        }
                        continue;
                    }
                    Err(e) => {
                        return Some(Item::Error {
                            doc: name,
                            error: format!("cannot read folder: {e}"),
                        })
                    }
                }
            }
            let rdr = match open(&path, named, self.opts.skip_file) {
                Ok(Opened::Reader(r)) => r,
                Ok(Opened::Skip(reason)) => {
                    return Some(Item::Skipped {
                        path: name,
                        reason: reason.into(),
                    })
                }
                Err(e) => {
                    return Some(Item::Error {
                        doc: name,
                        error: describe(&e),
                    })
                }
            };
            if self.opts.jsonl {
                self.jsonl = Some((name, jsonl_reader(rdr, self.opts.lossy), 0));
                continue;
            }
            let cap = self.opts.max_doc_bytes;
            let bytes = match bounded::read_doc(rdr, cap) {
                Ok(Some(bytes)) => bytes,
                Ok(None) => {
                    self.bytes_read += cap;
                    return Some(Item::Error {
                        doc: name,
                        error: format!("larger than --max-doc-bytes ({cap} bytes); not read further"),
                    });
                }
                Err(e) => {
                    return Some(Item::Error {
                        doc: name,
                        error: describe(&e),
                    })
                }
            };
            self.bytes_read += bytes.len() as u64;
            let utf16 = bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]);
            if !utf16 && bytes.contains(&0) {
                if named {
                    return Some(Item::Error {
                        doc: name,
                        error: "binary data (NUL bytes)".into(),
                    });
                }
                return Some(Item::Skipped {
                    path: name,
                    reason: "binary file (NUL bytes)".into(),
                });
            }
            if self.opts.html || crate::html::is_html_name(&name) || (is_stdin(&path) && crate::html::sniff(&bytes)) {
                return Some(crate::html::item(name, &bytes, &self.opts));
            }
            return Some(match decode(bytes, self.opts.lossy) {
                Ok(text) => Item::Doc(crate::Document::new(name, text), Map::new()),
                Err(e) => Item::Error { doc: name, error: e },
            });
        }
    }
}

/// A JSONL input split into lines; UTF-16 (with a BOM) is read as UTF-8.
fn jsonl_reader(rdr: Box<dyn Read + Send>, lossy: bool) -> Box<dyn BufRead + Send> {
    let mut rdr = BufReader::with_capacity(1 << 16, rdr);
    let order = match rdr.fill_buf() {
        Ok([0xFF, 0xFE, ..]) => Some(true),
        Ok([0xFE, 0xFF, ..]) => Some(false),
        _ => None,
    };
    match order {
        Some(little_endian) => {
            rdr.consume(2);
            let utf8 = utf16::Utf16Reader::new(rdr, little_endian, lossy);
            Box::new(BufReader::with_capacity(1 << 16, utf8))
        }
        None => Box::new(rdr),
    }
}

fn describe(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::NotFound => "no such file or folder".into(),
        io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => e.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decoding_follows_the_input_policy() {
        assert_eq!(decode(b"\xEF\xBB\xBFhi".to_vec(), false).unwrap(), "hi");
        assert_eq!(decode(vec![0xFF, 0xFE, b'h', 0, b'i', 0], false).unwrap(), "hi");
        assert!(decode(b"a\xFFb".to_vec(), false).is_err());
        assert_eq!(decode(b"a\xFFb".to_vec(), true).unwrap(), "a\u{FFFD}b");
    }

    #[test]
    fn jsonl_records_need_a_text_field() {
        let o = InputOptions::default();
        assert!(matches!(parse_record("{\"id\": 3, \"text\": \"x\"}", "f:1", &o), Item::Doc(d, _) if d.id == "3"));
        assert!(matches!(parse_record("{\"id\": \"a\"}", "f:1", &o), Item::Error { .. }));
        assert!(matches!(parse_record("nope", "f:2", &o), Item::Error { doc, .. } if doc == "f:2"));
    }

    #[test]
    fn jsonl_lines_follow_the_input_policy() {
        let o = InputOptions::default();
        assert!(matches!(parse_jsonl_line(b" \r\n", "f:1", &o), Item::Skipped { .. }));
        let bom = b"\xEF\xBB\xBF{\"text\": \"hi\"}\n";
        assert!(matches!(parse_jsonl_line(bom, "f:1", &o), Item::Doc(d, _) if d.text == "hi" && d.id == "f:1"));
        let bad = b"{\"text\": \"a\xFFb\"}";
        assert!(matches!(parse_jsonl_line(bad, "f:3", &o), Item::Error { doc, .. } if doc == "f:3"));
        let lossy = InputOptions {
            lossy: true,
            ..InputOptions::default()
        };
        assert!(matches!(parse_jsonl_line(bad, "f:3", &lossy), Item::Doc(d, _) if d.text == "a\u{FFFD}b"));
    }
}

#[cfg(test)]
mod empty_id_tests {
    use super::*;

    /// Found by the jsonl fuzz target: `{"id": ""}` gave an error record with
    /// an empty `doc`.
    #[test]
    fn an_empty_id_falls_back_to_the_line() {
        let o = InputOptions::default();
        assert!(
            matches!(parse_record("{\"id\": \"\"}", "f.jsonl:7", &o), Item::Error { doc, .. } if doc == "f.jsonl:7")
        );
        assert!(
            matches!(parse_record("{\"id\": \"\", \"text\": \"x\"}", "f.jsonl:8", &o), Item::Doc(d, _) if d.id == "f.jsonl:8")
        );
    }
}
