//! Where output goes: stdout, or the `-o` path judged by what it is.
//!
//! - A regular file, or a path that does not exist yet: written to a
//!   temporary file in the same folder (random name, created with O_EXCL by
//!   the `tempfile` crate, so nobody can plant a link for it) and moved into
//!   place at the end, so an interrupted run never leaves a file that looks
//!   complete. An existing file keeps its mode (and owner, where we may set
//!   it). A file with several hard links is copied over at the end instead
//!   of renamed, so that every link sees the new output.
//! - A symlink is resolved and judged by its target.
//! - Anything else (a device, a FIFO, a socket, what `/dev/stdout` points
//!   to): opened and written directly; never replaced.
//! - A folder: an error before the run.
//!
//! Every error names the path the user gave.

use anyhow::{bail, Context};
use std::fs::{File, Metadata, OpenOptions};
use std::io::{self, BufWriter, IsTerminal, Write};
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};

pub use super::notice::{remove_tmp, warn};

/// A file's identity (device, inode): how an output is told from an input.
pub type FileId = (u64, u64);

pub fn file_id(m: &Metadata) -> FileId {
    (m.dev(), m.ino())
}

/// What `-o PATH` is, decided before anything is read or written.
enum Target {
    Stdout,
    /// Written directly (a device, FIFO, socket).
    Direct(PathBuf),
    /// Written through a temporary file; `existing` when it is there already.
    Replace {
        dest: PathBuf,
        existing: Option<Metadata>,
    },
}

fn judge(path: Option<&Path>) -> anyhow::Result<Target> {
    let Some(p) = path.filter(|p| p.as_os_str() != "-") else {
        return Ok(Target::Stdout);
    };
    let shown = p.display();
    match std::fs::metadata(p) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            // A dangling symlink is written through to its target's path.
            let dest = std::fs::read_link(p).map_or_else(|_| p.to_path_buf(), |t| link_target(p, &t));
            Ok(Target::Replace { dest, existing: None })
        }
        Err(e) => Err(e).with_context(|| format!("cannot write {shown}")),
        Ok(m) if m.is_dir() => bail!("cannot write {shown}: it is a folder"),
        Ok(m) if m.is_file() => {
            // A symlink (or /dev/stdout onto a file) is replaced at its target.
            let dest = if p.symlink_metadata().is_ok_and(|l| l.file_type().is_symlink()) {
                match std::fs::canonicalize(p) {
                    Ok(d) => d,
                    Err(_) => return Ok(Target::Direct(p.to_path_buf())),
                }
            } else {
                p.to_path_buf()
            };
            Ok(Target::Replace {
                dest,
                existing: Some(m),
            })
        }
        Ok(_) => Ok(Target::Direct(p.to_path_buf())),
    }
}

/// Where a relative symlink target points, seen from the link's folder.
fn link_target(link: &Path, target: &Path) -> PathBuf {
    match link.parent() {
        Some(dir) if target.is_relative() => dir.join(target),
        _ => target.to_path_buf(),
    }
}

pub struct Output {
    /// The path the user gave, for messages.
    shown: String,
    tmp: Option<Pending>,
    /// The output's identity when it already exists: never read as input.
    id: Option<FileId>,
}

/// A temporary file waiting to be moved (or copied) into place.
struct Pending {
    tmp: tempfile::TempPath,
    dest: PathBuf,
    /// Several hard links: copy over the file rather than replace it.
    copy: bool,
}

impl Output {
    /// Opens the destination (`None` or `-` is stdout). Fails, before any
    /// input is read, when the output is a folder or one of `inputs`.
    pub fn open(path: Option<&Path>, inputs: &[String]) -> anyhow::Result<(Output, Box<dyn Write>)> {
        let shown = path.map_or("stdout".to_string(), |p| p.display().to_string());
        let target = judge(path)?;
        let id = match &target {
            Target::Stdout => None,
            Target::Direct(p) => std::fs::metadata(p).ok().map(|m| file_id(&m)),
            Target::Replace { existing, .. } => existing.as_ref().map(file_id),
        };
        if let (Some(id), Target::Replace { .. }) = (id, &target) {
            refuse_inputs(id, &shown, inputs)?;
        }
        let mut out = Output { shown, tmp: None, id };
        let file = match target {
            Target::Stdout => return Ok((out, stdout_writer())),
            Target::Direct(p) => OpenOptions::new()
                .write(true)
                .open(&p)
                .with_context(|| format!("cannot write {}", out.shown))?,
            Target::Replace { dest, existing } => {
                let (file, pending) =
                    temp_beside(&dest, existing.as_ref()).with_context(|| format!("cannot write {}", out.shown))?;
                super::notice::register_tmp(&pending.tmp);
                out.tmp = Some(pending);
                file
            }
        };
        let named = Named {
            inner: file,
            shown: out.shown.clone(),
        };
        Ok((out, Box::new(BufWriter::with_capacity(1 << 16, named))))
    }

    /// The identity of an existing output file, for the walk to skip it.
    pub fn id(&self) -> Option<FileId> {
        self.id
    }

    /// Moves the finished temporary file into place.
    pub fn commit(mut self) -> anyhow::Result<()> {
        let Some(p) = self.tmp.take() else { return Ok(()) };
        let shown = &self.shown;
        // Unregistered only once done: a signal in between finds no file.
        let done = p.finish(shown);
        super::notice::unregister_tmp();
        done
    }
}

impl Pending {
    fn finish(self, shown: &str) -> anyhow::Result<()> {
        let p = self;
        if p.copy {
            let mut from = File::open(&p.tmp).with_context(|| format!("cannot write {shown}"))?;
            let mut to = OpenOptions::new()
                .write(true)
                .truncate(true)
                .open(&p.dest)
                .with_context(|| format!("cannot write {shown}"))?;
            io::copy(&mut from, &mut to).with_context(|| format!("cannot write {shown}"))?;
            to.sync_all().with_context(|| format!("cannot write {shown}"))?;
            return Ok(()); // the TempPath removes the temporary file
        }
        p.tmp
            .persist(&p.dest)
            .map_err(|e| e.error)
            .with_context(|| format!("cannot write {shown}"))
    }
}

impl Drop for Output {
    /// A run that fails before `commit` leaves no temporary file behind (the
    /// `TempPath` removes it); the signal handler no longer needs to.
    fn drop(&mut self) {
        if self.tmp.take().is_some() {
            super::notice::unregister_tmp();
        }
    }
}

/// An output that is also an input would be destroyed by the run: refused.
fn refuse_inputs(out: FileId, shown: &str, inputs: &[String]) -> anyhow::Result<()> {
    for i in inputs {
        // stdin, when redirected from a file, is that file.
        let p = if i == "-" {
            Path::new("/dev/stdin")
        } else {
            Path::new(i)
        };
        if std::fs::metadata(p).is_ok_and(|m| file_id(&m) == out) {
            bail!("cannot write {shown}: it is also an input ({i}); write elsewhere");
        }
    }
    if inputs.is_empty() && std::fs::metadata("/dev/stdin").is_ok_and(|m| file_id(&m) == out) {
        bail!("cannot write {shown}: it is also the input (stdin); write elsewhere");
    }
    Ok(())
}

/// A temporary file next to `dest`, with the mode (and owner) of the file
/// it will replace, or the usual 0666 less the umask for a new file.
fn temp_beside(dest: &Path, existing: Option<&Metadata>) -> io::Result<(File, Pending)> {
    use std::os::unix::fs::PermissionsExt;
    let dir = dest
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = dest
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    // The suffix is no input extension: a walk never reads a temporary file.
    let tmp = tempfile::Builder::new()
        .prefix(&format!(".{name}."))
        .suffix(".whosaid.tmp")
        .permissions(std::fs::Permissions::from_mode(0o666))
        .tempfile_in(dir)?;
    if let Some(m) = existing {
        let f = tmp.as_file();
        f.set_permissions(std::fs::Permissions::from_mode(m.mode() & 0o7777))?;
        // Only root may give a file away; anyone else keeps their own.
        let _ = std::os::unix::fs::fchown(f, Some(m.uid()), Some(m.gid()));
    }
    let copy = existing.is_some_and(|m| m.nlink() > 1);
    let (file, tmp) = tmp.into_parts();
    Ok((
        file,
        Pending {
            tmp,
            dest: dest.to_path_buf(),
            copy,
        },
    ))
}

fn stdout_writer() -> Box<dyn Write> {
    let stdout = io::stdout();
    let named = Named {
        inner: stdout,
        shown: "stdout".into(),
    };
    if io::stdout().is_terminal() {
        Box::new(io::LineWriter::new(named))
    } else {
        Box::new(BufWriter::with_capacity(1 << 16, named))
    }
}

/// A writer whose errors name the output (`cannot write out.jsonl: No
/// space left on device`), keeping their kind so a closed pipe is still one.
pub struct Named<W> {
    pub inner: W,
    pub shown: String,
}

impl<W> Named<W> {
    fn name(&self, e: io::Error) -> io::Error {
        io::Error::new(e.kind(), format!("cannot write {}: {e}", self.shown))
    }
}

impl<W: Write> Write for Named<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.inner.write(buf).map_err(|e| self.name(e))
    }
    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush().map_err(|e| self.name(e))
    }
}

/// The format asked for; else the `-o` file's extension (`.csv`, `.tsv`,
/// `.json`, `.jsonl`/`.ndjson`); else a table on a terminal and JSONL in a
/// pipe or a file with another extension. `-o x.html` is refused: web pages
/// are what `whosaid report` writes.
pub fn resolve_format(
    asked: Option<whosaid::output::Format>,
    output: Option<&Path>,
) -> anyhow::Result<whosaid::output::Format> {
    use whosaid::output::Format;
    if let Some(f) = asked {
        return Ok(f);
    }
    let file = output.filter(|p| p.as_os_str() != "-");
    let Some(file) = file else {
        return Ok(if stdout_is_terminal() {
            Format::Table
        } else {
            Format::Jsonl
        });
    };
    let ext = file
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    Ok(match ext.as_str() {
        "csv" => Format::Csv,
        "tsv" | "tab" => Format::Tsv,
        "json" => Format::Json,
        "html" | "htm" => bail!(
            "-o {}: an HTML page is what `whosaid report` writes; give --format to write another format there",
            file.display()
        ),
        _ => Format::Jsonl,
    })
}

/// A format's name as `--format` takes it.
pub fn format_name(f: whosaid::output::Format) -> String {
    use clap::ValueEnum;
    f.to_possible_value()
        .map_or_else(String::new, |v| v.get_name().to_string())
}

/// `--excel` shapes a spreadsheet file: with any other format it is an error,
/// not an option silently ignored.
pub fn check_excel(excel: bool, format: whosaid::output::Format) -> anyhow::Result<()> {
    use whosaid::output::Format;
    if excel && !matches!(format, Format::Csv | Format::Tsv) {
        bail!(
            "--excel applies to CSV and TSV (--format csv, or -o FILE.csv), not to {}",
            format_name(format)
        );
    }
    Ok(())
}

/// The width the table must fit: `$COLUMNS`, else the terminal's width,
/// else 100.
pub fn table_width() -> usize {
    if let Some(n) = std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.trim().parse::<usize>().ok())
        .filter(|&n| n > 0)
    {
        return n;
    }
    terminal_width().unwrap_or(100)
}

fn terminal_width() -> Option<usize> {
    for fd in [libc::STDOUT_FILENO, libc::STDERR_FILENO] {
        // SAFETY: TIOCGWINSZ writes a `winsize` into the struct we own.
        let mut ws: libc::winsize = unsafe { std::mem::zeroed() };
        let ok = unsafe { libc::ioctl(fd, libc::TIOCGWINSZ, &mut ws) } == 0;
        if ok && ws.ws_col > 0 {
            return Some(usize::from(ws.ws_col));
        }
    }
    None
}

/// Whether stdout is a terminal (table by default) or a pipe (JSONL).
pub fn stdout_is_terminal() -> bool {
    io::stdout().is_terminal()
}
