#!/usr/bin/env python3
"""The naive reference of scripts/bench.sh: what a user's first quote
extractor looks like. Reads JSONL {"id", "text"} lines (a file, or stdin),
finds “…” and "…" pairs with one regex, and writes each match as a JSON
line to stdout. No speakers, cues or tokens."""
import json
import re
import sys

PAIR = re.compile(r'“([^”]*)”|"([^"]*)"')


def main() -> None:
    src = open(sys.argv[1], encoding="utf-8") if len(sys.argv) > 1 else sys.stdin
    out = sys.stdout
    for line in src:
        if not line.strip():
            continue
        doc = json.loads(line)
        text = doc["text"]
        for m in PAIR.finditer(text):
            quote = m.group(1) if m.group(1) is not None else m.group(2)
            out.write(json.dumps({"doc": doc["id"], "start": m.start(), "end": m.end(), "quote": quote}))
            out.write("\n")


if __name__ == "__main__":
    main()
