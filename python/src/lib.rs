//! `whosaid._whosaid`: the native half of the Python package (the Python
//! half, `python/whosaid/__init__.py`, wraps it and documents the API).
//!
//! Records become `dict`s with exactly the fields, order and values of the
//! CLI's JSONL (`src/output/json.rs` serialises the same [`Record`]). The
//! analysis runs with the GIL released, on this thread (`threads=1`) or on a
//! rayon pool, a chunk of documents at a time, so that memory holds one
//! chunk whatever the length of the input.

use pyo3::exceptions::{PyOSError, PyRuntimeError, PyTypeError, PyValueError};
use pyo3::intern;
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict, PyFloat, PyInt, PyIterator, PyList, PyString, PyTuple};
use rayon::prelude::*;
use serde_json::{Map, Value};
use std::collections::VecDeque;
use std::sync::Mutex;
use whosaid::input::{documents, Documents, InputOptions, Item};
use whosaid::{analyze_guarded_with, Document, Options, Record};

// As in the binary: the pipeline's many small allocations are faster with
// mimalloc (see src/main.rs).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Documents per chunk: the unit handed to the workers.
const CHUNK_DOCS: usize = 256;
/// Text bytes per chunk: a chunk of long documents closes earlier.
const CHUNK_BYTES: usize = 16 << 20;

/// `scope`: `"speech"` (the default: what people said) or `"all"` (also
/// beliefs, findings and noun-phrase contents, as `--scope all`).
fn options(scope: Option<&str>) -> PyResult<Options> {
    match scope.unwrap_or("speech") {
        "speech" => Ok(Options::default()),
        "all" => Ok(Options {
            scope: whosaid::Scope::All,
        }),
        other => Err(PyValueError::new_err(format!(
            "scope must be \"speech\" or \"all\", not {other:?}"
        ))),
    }
}

/// What becomes of one input item.
enum Out {
    Records(Vec<Record>),
    Error { doc: String, error: String },
    Skipped { path: String, reason: String },
}

/// How records are made from documents (`read`'s and `analyze_many`'s options).
#[derive(Clone)]
struct Analysis {
    opts: Options,
    min_confidence: f64,
    context: bool,
}

impl Analysis {
    /// The records of one document, as `whosaid extract` makes them
    /// (`records_of` in src/cli/cmd/extract.rs: confidence filter, kept JSONL
    /// fields, `context`).
    fn records(&self, doc: &Document, kept: &Map<String, Value>) -> Result<Vec<Record>, String> {
        let mut recs = analyze_guarded_with(doc, &self.opts)?;
        if self.min_confidence > 0.0 {
            recs.retain(|r| r.confidence >= self.min_confidence);
        }
        if !kept.is_empty() || self.context {
            let segs = self.context.then(|| whosaid::segment::segment(&doc.text));
            for r in &mut recs {
                for (k, v) in kept {
                    r.extra.insert(k.clone(), v.clone());
                }
                if let Some(segs) = &segs {
                    let context = segs.context_of(r.byte_start, r.byte_end);
                    r.extra
                        .insert("context".into(), Value::String(doc.text[context].to_string()));
                }
            }
        }
        Ok(recs)
    }

    fn item(&self, item: Item) -> Out {
        match item {
            Item::Doc(doc, kept) => match self.records(&doc, &kept) {
                Ok(recs) => Out::Records(recs),
                Err(error) => Out::Error { doc: doc.id, error },
            },
            Item::Error { doc, error } => Out::Error { doc, error },
            Item::Skipped { path, reason } => Out::Skipped { path, reason },
        }
    }

    /// Analyses a chunk, in order, on this thread or on `pool`.
    fn chunk(&self, items: Vec<Item>, pool: &Workers) -> Vec<Out> {
        match pool {
            Workers::This => items.into_iter().map(|i| self.item(i)).collect(),
            Workers::Global => items.into_par_iter().map(|i| self.item(i)).collect(),
            Workers::Pool(p) => p.install(|| items.into_par_iter().map(|i| self.item(i)).collect()),
        }
    }
}

/// Where a chunk is analysed.
enum Workers {
    /// `threads=1`: on the calling thread.
    This,
    /// `threads=None`: rayon's global pool (one thread per core).
    Global,
    Pool(rayon::ThreadPool),
}

fn workers(threads: Option<usize>) -> PyResult<Workers> {
    match threads {
        None => Ok(Workers::Global),
        Some(0) => Err(PyValueError::new_err("threads must be at least 1")),
        Some(1) => Ok(Workers::This),
        Some(n) => rayon::ThreadPoolBuilder::new()
            .num_threads(n)
            .build()
            .map(Workers::Pool)
            .map_err(|e| PyRuntimeError::new_err(format!("cannot start {n} threads: {e}"))),
    }
}

/// Whether a document error comes from its content (`ValueError`) rather
/// than from the file system (`OSError`); the messages are those of
/// `src/input.rs` and `src/html`.
fn is_content_error(error: &str) -> bool {
    [
        "invalid ",
        "not JSON",
        "not a JSON",
        "field \"",
        "no \"",
        "binary data",
        "larger than",
    ]
    .iter()
    .any(|p| error.starts_with(p))
}

/// The exception for a document that could not be read or analysed: the
/// CLI's message (`whosaid: DOC: ERROR` without the program name).
fn doc_error(doc: &str, error: &str) -> PyErr {
    let msg = format!("{doc}: {error}");
    if error.starts_with("internal error") {
        PyRuntimeError::new_err(msg)
    } else if is_content_error(error) {
        PyValueError::new_err(msg)
    } else {
        PyOSError::new_err(msg)
    }
}

/// A JSON value as a Python object.
fn value_to_py<'py>(py: Python<'py>, v: &Value) -> PyResult<Bound<'py, PyAny>> {
    Ok(match v {
        Value::Null => py.None().into_bound(py),
        Value::Bool(b) => PyBool::new(py, *b).to_owned().into_any(),
        Value::Number(n) => {
            if let Some(i) = n.as_i64() {
                i.into_pyobject(py)?.into_any()
            } else if let Some(u) = n.as_u64() {
                u.into_pyobject(py)?.into_any()
            } else {
                PyFloat::new(py, n.as_f64().unwrap_or(f64::NAN)).into_any()
            }
        }
        Value::String(s) => PyString::new(py, s).into_any(),
        Value::Array(a) => {
            let list = PyList::empty(py);
            for x in a {
                list.append(value_to_py(py, x)?)?;
            }
            list.into_any()
        }
        Value::Object(o) => {
            let d = PyDict::new(py);
            for (k, x) in o {
                d.set_item(k, value_to_py(py, x)?)?;
            }
            d.into_any()
        }
    })
}

/// A Python object (of JSON's types) as a JSON value.
fn py_to_value(o: &Bound<'_, PyAny>) -> PyResult<Value> {
    if o.is_none() {
        return Ok(Value::Null);
    }
    if let Ok(b) = o.downcast::<PyBool>() {
        return Ok(Value::Bool(b.is_true()));
    }
    if o.is_instance_of::<PyInt>() {
        if let Ok(i) = o.extract::<i64>() {
            return Ok(Value::from(i));
        }
        return Ok(Value::from(o.extract::<u64>()?));
    }
    if let Ok(f) = o.downcast::<PyFloat>() {
        return Ok(serde_json::Number::from_f64(f.value()).map_or(Value::Null, Value::Number));
    }
    if let Ok(s) = o.downcast::<PyString>() {
        return Ok(Value::String(s.to_cow()?.into_owned()));
    }
    if let Ok(d) = o.downcast::<PyDict>() {
        let mut m = Map::new();
        for (k, v) in d.iter() {
            let k = k
                .downcast::<PyString>()
                .map_err(|_| PyTypeError::new_err("record keys must be str"))?
                .to_cow()?
                .into_owned();
            m.insert(k, py_to_value(&v)?);
        }
        return Ok(Value::Object(m));
    }
    if o.is_instance_of::<PyList>() || o.is_instance_of::<PyTuple>() {
        return Ok(Value::Array(
            o.try_iter()?.map(|x| py_to_value(&x?)).collect::<PyResult<_>>()?,
        ));
    }
    Err(PyTypeError::new_err(format!(
        "cannot read a {} as JSON",
        o.get_type().name()?
    )))
}

/// One record as a `dict`, with the fields of its JSON in the same order.
fn record_to_py<'py>(py: Python<'py>, r: &Record) -> PyResult<Bound<'py, PyDict>> {
    let d = PyDict::new(py);
    d.set_item(intern!(py, "doc"), &r.doc)?;
    d.set_item(intern!(py, "index"), r.index)?;
    d.set_item(intern!(py, "kind"), r.kind.as_str())?;
    d.set_item(intern!(py, "quote"), &r.quote)?;
    d.set_item(intern!(py, "start"), r.start)?;
    d.set_item(intern!(py, "end"), r.end)?;
    d.set_item(intern!(py, "byte_start"), r.byte_start)?;
    d.set_item(intern!(py, "byte_end"), r.byte_end)?;
    match &r.parts {
        None => d.set_item(intern!(py, "parts"), py.None())?,
        Some(parts) => {
            let list = PyList::empty(py);
            for p in parts {
                let pd = PyDict::new(py);
                pd.set_item(intern!(py, "start"), p.start)?;
                pd.set_item(intern!(py, "end"), p.end)?;
                pd.set_item(intern!(py, "byte_start"), p.byte_start)?;
                pd.set_item(intern!(py, "byte_end"), p.byte_end)?;
                list.append(pd)?;
            }
            d.set_item(intern!(py, "parts"), list)?;
        }
    }
    d.set_item(intern!(py, "line"), r.line)?;
    d.set_item(intern!(py, "column"), r.column)?;
    d.set_item(intern!(py, "paragraph"), r.paragraph)?;
    d.set_item(intern!(py, "sentence"), r.sentence)?;
    d.set_item(intern!(py, "speaker"), r.speaker.as_deref())?;
    d.set_item(intern!(py, "speaker_id"), r.speaker_id.as_deref())?;
    d.set_item(intern!(py, "speaker_mention"), r.speaker_mention.as_deref())?;
    d.set_item(intern!(py, "speaker_start"), r.speaker_start)?;
    d.set_item(intern!(py, "speaker_end"), r.speaker_end)?;
    d.set_item(intern!(py, "speaker_type"), r.speaker_type)?;
    d.set_item(intern!(py, "speaker_descriptor"), r.speaker_descriptor.as_deref())?;
    d.set_item(intern!(py, "speaker_gender"), r.speaker_gender)?;
    d.set_item(intern!(py, "cue"), r.cue.as_deref())?;
    d.set_item(intern!(py, "cue_lemma"), r.cue_lemma.as_deref())?;
    d.set_item(intern!(py, "cue_class"), r.cue_class)?;
    d.set_item(intern!(py, "cue_start"), r.cue_start)?;
    d.set_item(intern!(py, "cue_end"), r.cue_end)?;
    // Two decimals, as the JSON writer rounds it (0.72, not 0.7200000000000001).
    let confidence = (r.confidence * 100.0).round() / 100.0;
    d.set_item(
        intern!(py, "confidence"),
        if confidence.is_finite() {
            confidence
        } else {
            r.confidence
        },
    )?;
    d.set_item(intern!(py, "rule"), r.rule)?;
    // As in the JSON: absent unless the document is a web page.
    if let Some(h) = r.html_start {
        d.set_item(intern!(py, "html_start"), h)?;
    }
    if let Some(h) = r.html_end {
        d.set_item(intern!(py, "html_end"), h)?;
    }
    for (k, v) in r.extra.iter() {
        d.set_item(k, value_to_py(py, v)?)?;
    }
    Ok(d)
}

/// The error record of the JSONL output: `{"doc": ..., "error": ...}`.
fn error_to_py<'py>(py: Python<'py>, doc: &str, error: &str) -> PyResult<Bound<'py, PyDict>> {
    let d = PyDict::new(py);
    d.set_item(intern!(py, "doc"), doc)?;
    d.set_item(intern!(py, "error"), error)?;
    Ok(d)
}

/// Analyses one text; the records as dicts.
#[pyfunction]
#[pyo3(signature = (text, id=None, scope=None))]
fn analyze<'py>(
    py: Python<'py>,
    text: &Bound<'py, PyAny>,
    id: Option<&Bound<'py, PyAny>>,
    scope: Option<&str>,
) -> PyResult<Bound<'py, PyList>> {
    let opts = options(scope)?;
    let text = text_of(text, "text")?;
    let id = match id {
        None => "-".to_string(),
        Some(id) => id_of(id)?,
    };
    let doc = Document::new(id, text);
    let recs = py
        .allow_threads(|| analyze_guarded_with(&doc, &opts))
        .map_err(|e| doc_error(&doc.id, &e))?;
    let list = PyList::empty(py);
    for r in &recs {
        list.append(record_to_py(py, r)?)?;
    }
    Ok(list)
}

fn text_of(o: &Bound<'_, PyAny>, what: &str) -> PyResult<String> {
    match o.downcast::<PyString>() {
        Ok(s) => Ok(s.to_cow()?.into_owned()),
        Err(_) => Err(PyTypeError::new_err(format!(
            "{what} must be str, not {}",
            o.get_type().name()?
        ))),
    }
}

/// A document id: a str, or an int (as a JSONL number id is).
fn id_of(o: &Bound<'_, PyAny>) -> PyResult<String> {
    if let Ok(s) = o.downcast::<PyString>() {
        return Ok(s.to_cow()?.into_owned());
    }
    if o.is_instance_of::<PyInt>() && !o.is_instance_of::<PyBool>() {
        return Ok(o.str()?.to_cow()?.into_owned());
    }
    Err(PyTypeError::new_err(format!(
        "a document id must be str or int, not {}",
        o.get_type().name()?
    )))
}

/// Where the documents come from.
enum Source {
    /// Texts or (id, text) pairs from a Python iterator; `usize` counts them.
    Python(Py<PyIterator>, usize),
    /// Files, folders and JSONL read by `whosaid::input`.
    Files(Box<Documents>),
}

struct State {
    source: Option<Source>,
    analysis: Analysis,
    workers: Workers,
    /// Analysed items not yet handed out, in order.
    ready: VecDeque<Out>,
    /// The records of the front item not yet handed out.
    records: VecDeque<Record>,
    /// Error records (`{"doc", "error"}`) instead of exceptions.
    error_records: bool,
}

/// An iterator over records (dicts), in input order.
#[pyclass(module = "whosaid._whosaid")]
struct Records {
    state: Mutex<State>,
}

impl State {
    /// The next chunk of items from a Python iterator (with the GIL).
    fn pull_python(py: Python<'_>, it: &Py<PyIterator>, seen: &mut usize) -> PyResult<(Vec<Item>, bool)> {
        let mut it = it.bind(py).clone();
        let mut items = Vec::new();
        let mut bytes = 0;
        while items.len() < CHUNK_DOCS && bytes < CHUNK_BYTES {
            let Some(obj) = it.next() else {
                return Ok((items, true));
            };
            let obj = obj?;
            let n = *seen;
            *seen += 1;
            let doc = if obj.is_instance_of::<PyString>() {
                Document::new(n.to_string(), text_of(&obj, "text")?)
            } else if let Ok(pair) = obj.downcast::<PyTuple>() {
                if pair.len() != 2 {
                    return Err(PyTypeError::new_err(format!(
                        "item {n}: expected a str or an (id, text) pair, got a tuple of {}",
                        pair.len()
                    )));
                }
                let text = text_of(&pair.get_item(1)?, &format!("item {n}: the text"))?;
                Document::new(id_of(&pair.get_item(0)?)?, text)
            } else {
                return Err(PyTypeError::new_err(format!(
                    "item {n}: expected a str or an (id, text) pair, not {}",
                    obj.get_type().name()?
                )));
            };
            bytes += doc.text.len();
            items.push(Item::Doc(doc, Map::new()));
        }
        Ok((items, false))
    }

    /// Reads and analyses the next chunk; false when the input is done.
    fn fill(&mut self, py: Python<'_>) -> PyResult<bool> {
        let Some(source) = self.source.as_mut() else {
            return Ok(false);
        };
        let (items, done) = match source {
            Source::Python(it, seen) => Self::pull_python(py, it, seen)?,
            Source::Files(docs) => py.allow_threads(|| {
                let mut items = Vec::new();
                let mut bytes = 0;
                while items.len() < CHUNK_DOCS && bytes < CHUNK_BYTES {
                    let Some(item) = docs.next() else {
                        return (items, true);
                    };
                    if let Item::Doc(d, _) = &item {
                        bytes += d.text.len();
                    }
                    items.push(item);
                }
                (items, false)
            }),
        };
        if done {
            self.source = None;
        }
        if items.is_empty() {
            return Ok(!done);
        }
        let (analysis, workers) = (&self.analysis, &self.workers);
        let out = py.allow_threads(|| analysis.chunk(items, workers));
        self.ready.extend(out);
        Ok(true)
    }

    fn next<'py>(&mut self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyDict>>> {
        loop {
            if let Some(r) = self.records.pop_front() {
                return record_to_py(py, &r).map(Some);
            }
            match self.ready.pop_front() {
                Some(Out::Records(recs)) => self.records = recs.into(),
                Some(Out::Error { doc, error }) => {
                    if self.error_records {
                        return error_to_py(py, &doc, &error).map(Some);
                    }
                    return Err(doc_error(&doc, &error));
                }
                Some(Out::Skipped { path, reason }) => {
                    let msg = format!("{path}: skipped: {reason}");
                    let warnings = py.import("warnings")?;
                    warnings.call_method1("warn", (msg,))?;
                }
                None => {
                    if !self.fill(py)? && self.ready.is_empty() {
                        return Ok(None);
                    }
                }
            }
        }
    }
}

#[pymethods]
impl Records {
    fn __iter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }

    fn __next__<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyDict>>> {
        let mut state = self
            .state
            .lock()
            .map_err(|_| PyRuntimeError::new_err("a previous call failed inside the iterator"))?;
        state.next(py)
    }
}

fn analysis(scope: Option<&str>, min_confidence: f64, context: bool) -> PyResult<Analysis> {
    if !(0.0..=1.0).contains(&min_confidence) {
        return Err(PyValueError::new_err("min_confidence must be between 0 and 1"));
    }
    Ok(Analysis {
        opts: options(scope)?,
        min_confidence,
        context,
    })
}

fn errors_mode(errors: &str) -> PyResult<bool> {
    match errors {
        "raise" => Ok(false),
        "record" => Ok(true),
        e => Err(PyValueError::new_err(format!(
            "errors must be \"raise\" or \"record\", not {e:?}"
        ))),
    }
}

/// Records of many texts or (id, text) pairs, in input order.
#[pyfunction]
#[pyo3(signature = (items, threads=None, scope=None, errors="raise"))]
fn analyze_many(
    items: &Bound<'_, PyAny>,
    threads: Option<usize>,
    scope: Option<&str>,
    errors: &str,
) -> PyResult<Records> {
    if items.is_instance_of::<PyString>() {
        return Err(PyTypeError::new_err(
            "analyze_many takes an iterable of texts, not one str (use analyze)",
        ));
    }
    let it = items.try_iter()?;
    Ok(Records {
        state: Mutex::new(State {
            source: Some(Source::Python(it.unbind(), 0)),
            analysis: analysis(scope, 0.0, false)?,
            workers: workers(threads)?,
            ready: VecDeque::new(),
            records: VecDeque::new(),
            error_records: errors_mode(errors)?,
        }),
    })
}

/// Records of files, folders and JSONL, read as `whosaid extract` reads them.
#[pyfunction]
#[pyo3(signature = (paths, jsonl=false, id_field="id", text_field="text", html=false, lossy=false,
    keep_fields=Vec::new(), context=false, min_confidence=0.0, scope=None, threads=None, errors="raise",
    max_doc_bytes=whosaid::input::DEFAULT_MAX_DOC_BYTES))]
#[allow(clippy::too_many_arguments)]
fn read(
    paths: Vec<String>,
    jsonl: bool,
    id_field: &str,
    text_field: &str,
    html: bool,
    lossy: bool,
    keep_fields: Vec<String>,
    context: bool,
    min_confidence: f64,
    scope: Option<&str>,
    threads: Option<usize>,
    errors: &str,
    max_doc_bytes: u64,
) -> PyResult<Records> {
    let opts = InputOptions {
        jsonl,
        id_field: id_field.to_string(),
        text_field: text_field.to_string(),
        keep_fields,
        lossy,
        html,
        max_doc_bytes,
        ..InputOptions::default()
    };
    Ok(Records {
        state: Mutex::new(State {
            source: Some(Source::Files(Box::new(documents(&paths, opts)))),
            analysis: analysis(scope, min_confidence, context)?,
            workers: workers(threads)?,
            ready: VecDeque::new(),
            records: VecDeque::new(),
            error_records: errors_mode(errors)?,
        }),
    })
}

/// `whosaid eval --format json`: the metrics of records against a gold file.
#[pyfunction]
#[pyo3(signature = (gold_path, records=None, scope=None))]
fn evaluate<'py>(
    py: Python<'py>,
    gold_path: &str,
    records: Option<&Bound<'py, PyAny>>,
    scope: Option<&str>,
) -> PyResult<Bound<'py, PyAny>> {
    let opts = options(scope)?;
    let file =
        std::fs::File::open(gold_path).map_err(|e| PyOSError::new_err(format!("cannot read {gold_path}: {e}")))?;
    let gold = py
        .allow_threads(|| whosaid::eval::read_gold(std::io::BufReader::new(file)))
        .map_err(|e| PyValueError::new_err(format!("in {gold_path}: {e:#}")))?;
    let preds: Vec<Value> = match records {
        Some(recs) => recs.try_iter()?.map(|r| py_to_value(&r?)).collect::<PyResult<_>>()?,
        None => py.allow_threads(|| {
            gold.par_iter()
                .flat_map_iter(|g| {
                    analyze_guarded_with(&Document::new(g.id.clone(), g.text.clone()), &opts).unwrap_or_default()
                })
                .map(|r| serde_json::to_value(r).expect("records serialize"))
                .collect()
        }),
    };
    let evaluation = py.allow_threads(|| whosaid::eval::evaluate(&gold, &preds));
    value_to_py(py, &evaluation.to_json())
}

/// Words in a quote, as `whosaid sources` counts them.
#[pyfunction]
fn words(quote: &str) -> usize {
    whosaid::sources::words(quote)
}

#[pymodule]
fn _whosaid(m: &Bound<'_, PyModule>) -> PyResult<()> {
    // As the binary does: a panic inside one document (a bug, caught by
    // `analyze_guarded_with`) becomes that document's error, naming where
    // it happened, instead of a backtrace notice on stderr. The hook is this
    // module's own (every Rust extension has its own runtime).
    std::panic::set_hook(Box::new(|info| {
        let at = info
            .location()
            .map(|l| format!("{}:{}", l.file(), l.line()))
            .unwrap_or_default();
        whosaid::note_panic_location(at);
    }));
    m.add_function(wrap_pyfunction!(analyze, m)?)?;
    m.add_function(wrap_pyfunction!(analyze_many, m)?)?;
    m.add_function(wrap_pyfunction!(read, m)?)?;
    m.add_function(wrap_pyfunction!(evaluate, m)?)?;
    m.add_function(wrap_pyfunction!(words, m)?)?;
    m.add_class::<Records>()?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
