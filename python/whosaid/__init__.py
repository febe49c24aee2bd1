"""whosaid: who said what, and where.

Quotations, reported speech and their speakers in news text, with exact
offsets, from the same engine as the ``whosaid`` command line tool.

Every record is a ``dict`` with exactly the fields of the CLI's JSONL output
(``whosaid extract --format jsonl``), in the same order. ``start``/``end``
count code points, so they index a Python ``str`` directly::

    >>> import whosaid
    >>> [r] = whosaid.analyze("“The bridge will open in May,” Ortiz said.")
    >>> r["speaker"], r["quote"]
    ('Ortiz', 'The bridge will open in May,')

``scope`` chooses what is reported, as the CLI's ``--scope``: ``"speech"``
(the default: what people said — quotations, and claims after speech cues
and "according to") or ``"all"`` (also beliefs, findings, evidence and noun
phrases as a claim's content, as PolNeAR annotates them).
"""

from __future__ import annotations

import os
import re
from typing import Any, Dict, Iterable, Iterator, List, Optional, Union

from . import _whosaid

__version__ = _whosaid.__version__

__all__ = ["analyze", "analyze_many", "read", "to_pandas", "sources", "evaluate", "RECORD_FIELDS", "SOURCE_FIELDS"]

#: The fields of a record, in order (web pages add ``html_start``/``html_end``,
#: ``read(..., keep_fields=..., context=True)`` adds those fields after them).
RECORD_FIELDS = (
    "doc", "index", "kind", "quote", "start", "end", "byte_start", "byte_end", "parts",
    "line", "column", "paragraph", "sentence", "speaker", "speaker_id", "speaker_mention",
    "speaker_start", "speaker_end", "speaker_type", "speaker_descriptor", "speaker_gender",
    "cue", "cue_lemma", "cue_class", "cue_start", "cue_end", "confidence", "rule",
)

#: The columns of ``sources``, as ``whosaid sources`` writes them.
SOURCE_FIELDS = (
    "doc", "speaker_id", "speaker", "speaker_type", "speaker_descriptor", "speaker_gender",
    "quotes", "direct", "mixed", "indirect", "words_quoted", "first_paragraph",
)

Record = Dict[str, Any]


def analyze(text: str, id: Union[str, int, None] = None, scope: Optional[str] = None) -> List[Record]:
    """Every quotation and claim of one text, in text order.

    ``id`` is the records' ``doc`` field (default ``"-"``, as for a text read
    from standard input by the CLI). ``scope`` is ``"speech"`` (default) or
    ``"all"``. Raises ``TypeError`` if ``text`` is not a ``str``.
    """
    return _whosaid.analyze(text, id, scope)


def analyze_many(
    items: Iterable[Union[str, "tuple[Union[str, int], str]"]],
    threads: Optional[int] = None,
    scope: Optional[str] = None,
    errors: str = "raise",
) -> Iterator[Record]:
    """Records of many documents, in input order, as an iterator.

    ``items`` are texts (their ``doc`` is their 0-based position, as a
    ``str``) or ``(id, text)`` pairs. The documents are taken 256 at a time
    and analysed with the GIL released, on ``threads`` threads (default: one
    per core; ``threads=1`` analyses on the calling thread), so that memory
    holds one chunk whatever the input's length and other Python threads run
    meanwhile.

    A document whose analysis fails (a bug) raises ``RuntimeError``, or with
    ``errors="record"`` yields the CLI's error record ``{"doc", "error"}``.
    """
    return _whosaid.analyze_many(items, threads, scope, errors)


def read(
    path: Union[str, "os.PathLike[str]", Iterable[Union[str, "os.PathLike[str]"]]],
    jsonl: bool = False,
    *,
    id_field: str = "id",
    text_field: str = "text",
    html: bool = False,
    lossy: bool = False,
    keep_fields: Iterable[str] = (),
    context: bool = False,
    min_confidence: float = 0.0,
    scope: Optional[str] = None,
    threads: Optional[int] = None,
    errors: str = "raise",
    max_doc_bytes: int = 64 * 1024 * 1024,
) -> Iterator[Record]:
    """Records of files and folders, read as ``whosaid extract`` reads them.

    ``path`` is a file, a folder (walked recursively in sorted order: ``.txt``,
    ``.md``, ``.html``/``.htm``, or ``.jsonl``/``.json``/``.ndjson`` with
    ``jsonl=True``), ``-`` for standard input, or a list of them; ``.gz`` and
    ``.zst`` files are decompressed. The options are the CLI's:
    ``id_field``/``text_field`` (JSONL), ``html`` (every input is a web
    page), ``lossy`` (replace invalid UTF-8), ``keep_fields`` (copy JSONL
    fields into each record), ``context`` (add the sentences holding the
    quote), ``min_confidence``, ``max_doc_bytes`` (a longer document is an
    error), ``scope``, ``threads`` (as ``analyze_many``).

    A missing path raises ``FileNotFoundError`` at once. A document that
    cannot be read raises ``OSError`` (file system) or ``ValueError`` (bad
    bytes or JSON) with the CLI's message, ``"DOC: ERROR"``; with
    ``errors="record"`` it yields the CLI's error record ``{"doc", "error"}``
    instead and the iteration goes on. Files passed over in a folder (binary
    files) are reported with ``warnings.warn``.
    """
    paths = [path] if isinstance(path, (str, bytes, os.PathLike)) else list(path)
    paths = [os.fsdecode(p) for p in paths]
    for p in paths:
        if p != "-" and not os.path.exists(p):
            raise FileNotFoundError(2, f"{p}: no such file or folder", p)
    return _whosaid.read(
        paths, jsonl, id_field, text_field, html, lossy, list(keep_fields), context,
        min_confidence, scope, threads, errors, max_doc_bytes,
    )


def to_pandas(records: Iterable[Record]) -> "pandas.DataFrame":  # noqa: F821
    """A ``pandas.DataFrame`` of records, one row each, the record fields as
    columns in order (also for no records). Needs pandas (imported here)."""
    try:
        import pandas as pd
    except ImportError as e:  # pragma: no cover - depends on the environment
        raise ImportError("whosaid.to_pandas needs pandas: pip install pandas") from e
    rows = list(records)
    columns = list(RECORD_FIELDS)
    seen = set(columns)
    for r in rows:
        for k in r:
            if k not in seen:
                seen.add(k)
                columns.append(k)
    return pd.DataFrame.from_records(rows, columns=columns)


def _id_key(speaker_id: str):
    # As src/sources.rs: `S2` before `S10`; an id without a number last.
    digits = re.sub(r"^[^0-9]*", "", speaker_id)
    n = int(digits) if re.fullmatch(r"[0-9]+", digits) else float("inf")
    return (n, speaker_id)


def sources(records: Iterable[Record]) -> List[Dict[str, Any]]:
    """Who is quoted: one row per speaker per document, as ``whosaid sources``
    (the columns of ``SOURCE_FIELDS``).

    Records are grouped by ``doc`` and ``speaker_id`` (records without a
    speaker are no source); documents come in order of first appearance,
    then the most quoted speaker first (ties: earlier first paragraph, then
    speaker id). Error records are passed over.
    """
    rows: List[Dict[str, Any]] = []
    doc_order: Dict[str, int] = {}
    at: Dict[tuple, int] = {}
    for r in records:
        if "error" in r:
            continue
        doc = r["doc"]
        doc_order.setdefault(doc, len(doc_order))
        sid = r.get("speaker_id")
        if sid is None:
            continue
        i = at.get((doc, sid))
        if i is None:
            i = at[(doc, sid)] = len(rows)
            rows.append({
                "doc": doc, "speaker_id": sid, "speaker": None, "speaker_type": None,
                "speaker_descriptor": None, "speaker_gender": None, "quotes": 0, "direct": 0,
                "mixed": 0, "indirect": 0, "words_quoted": 0, "first_paragraph": r["paragraph"],
            })
        row = rows[i]
        # Records of one speaker agree on these; take the first given.
        for k in ("speaker", "speaker_type", "speaker_descriptor", "speaker_gender"):
            if row[k] is None:
                row[k] = r.get(k)
        row["quotes"] += 1
        row[r["kind"]] += 1
        row["words_quoted"] += _whosaid.words(r["quote"])
        row["first_paragraph"] = min(row["first_paragraph"], r["paragraph"])
    rows.sort(key=lambda x: (doc_order[x["doc"]], -x["quotes"], x["first_paragraph"], _id_key(x["speaker_id"])))
    return rows


def evaluate(
    gold_path: Union[str, "os.PathLike[str]"],
    records: Optional[Iterable[Record]] = None,
    scope: Optional[str] = None,
) -> Dict[str, Dict[str, Any]]:
    """Scores records against gold annotations, as ``whosaid eval --format json``.

    ``gold_path`` is a gold JSONL file (id, text, quotes). ``records`` are
    the predictions (records whose ``doc`` is no gold id are ignored); when
    ``None``, the pipeline is run on the gold texts (with ``scope``). Returns
    ``{"direct": {...}, "reported": {...}, "all": {...}}``, each with
    ``gold``, ``pred``, ``tp``, ``speaker_right``, ``p``, ``r``, ``f1``,
    ``speaker_acc``, ``e2e_p``, ``e2e_r``, ``e2e_f1``.

    Raises ``OSError`` if the gold file cannot be read, ``ValueError`` if it
    is not valid gold.
    """
    return _whosaid.evaluate(os.fsdecode(gold_path), None if records is None else list(records), scope)
