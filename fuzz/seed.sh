#!/usr/bin/env bash
# Seeds fuzz/corpus/{analyze,jsonl} from the test fixtures (the corpora are
# not committed: libFuzzer grows them). Run from anywhere; idempotent.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
fixtures="$here/../tests/fixtures"
mkdir -p "$here/corpus/analyze" "$here/corpus/jsonl"
python3 - "$fixtures" "$here/corpus" <<'PY'
import json, sys, pathlib
fixtures, corpus = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
analyze, jsonl = corpus / "analyze", corpus / "jsonl"
iran = (fixtures / "iran-talks.txt").read_bytes()
(analyze / "iran-talks.txt").write_bytes(iran)
paras = iran.split(b"\n\n")
for i in range(0, len(paras), 3):
    (analyze / f"iran-talks-{i:02}.txt").write_bytes(b"\n\n".join(paras[i:i + 3]))
lines = (fixtures / "hard-cases.jsonl").read_text(encoding="utf-8").splitlines()
for n, line in enumerate(lines):
    rec = json.loads(line)
    (analyze / f"hard-{n:02}-{rec['id']}.txt").write_text(rec["text"], encoding="utf-8")
    # JSONL: the record as found, and slimmed to the fields the reader uses.
    (jsonl / f"hard-{n:02}.jsonl").write_text(line + "\n", encoding="utf-8")
    slim = {"id": rec["id"], "source": rec.get("source"), "text": rec["text"]}
    (jsonl / f"slim-{n:02}.jsonl").write_text(json.dumps(slim, ensure_ascii=n % 2 == 0) + "\n", encoding="utf-8")
(jsonl / "all.jsonl").write_text("\n".join(lines[:8]) + "\n", encoding="utf-8")
(jsonl / "iran.jsonl").write_text(json.dumps({"id": 7, "text": iran.decode()}) + "\n", encoding="utf-8")
extra = [
    b'{"id": "crlf", "text": "\\u201cYes,\\u201d she said."}\r\n\r\n{"text": "x"}\n',
    b'\xef\xbb\xbf{"id": "bom", "text": "\\"No,\\" he said."}\n',
    b'{"id": 1, "text": 5}\n{"id": null}\n[1, 2]\nnot json\n',
    b'{"id": "bad", "text": "caf\xe9 \xe2\x80\x9cok,\xe2\x80\x9d said Lee."}\n',
    b'{"id": "nul", "text": "a\\u0000b \\u201cc\\u201d"}\n',
]
for i, e in enumerate(extra):
    (jsonl / f"extra-{i}.jsonl").write_bytes(e)
PY
echo "seeded: $(ls "$here/corpus/analyze" | wc -l) analyze, $(ls "$here/corpus/jsonl" | wc -l) jsonl"
