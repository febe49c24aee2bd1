"""Type hints of whosaid (see __init__.py for the documentation)."""

import os
from typing import Any, Dict, Iterable, Iterator, List, Literal, Optional, Tuple, Union

import pandas

__version__: str
RECORD_FIELDS: Tuple[str, ...]
SOURCE_FIELDS: Tuple[str, ...]

Record = Dict[str, Any]
Scope = Literal["speech", "all"]
Errors = Literal["raise", "record"]
PathLike = Union[str, "os.PathLike[str]"]

def analyze(text: str, id: Union[str, int, None] = None, scope: Optional[Scope] = None) -> List[Record]: ...
def analyze_many(
    items: Iterable[Union[str, Tuple[Union[str, int], str]]],
    threads: Optional[int] = None,
    scope: Optional[Scope] = None,
    errors: Errors = "raise",
) -> Iterator[Record]: ...
def read(
    path: Union[PathLike, Iterable[PathLike]],
    jsonl: bool = False,
    *,
    id_field: str = "id",
    text_field: str = "text",
    html: bool = False,
    lossy: bool = False,
    keep_fields: Iterable[str] = (),
    context: bool = False,
    min_confidence: float = 0.0,
    scope: Optional[Scope] = None,
    threads: Optional[int] = None,
    errors: Errors = "raise",
    max_doc_bytes: int = 67108864,
) -> Iterator[Record]: ...
def to_pandas(records: Iterable[Record]) -> pandas.DataFrame: ...
def sources(records: Iterable[Record]) -> List[Dict[str, Any]]: ...
def evaluate(
    gold_path: PathLike, records: Optional[Iterable[Record]] = None, scope: Optional[Scope] = None
) -> Dict[str, Dict[str, Any]]: ...
