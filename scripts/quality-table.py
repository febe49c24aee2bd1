#!/usr/bin/env python3
"""Prints README's quality table (markdown rows) from `whosaid eval --format json`.

    python3 scripts/quality-table.py [target/release/whosaid] [extra eval args...]
"""
import json
import subprocess
import sys

BIN = sys.argv[1] if len(sys.argv) > 1 else "target/release/whosaid"
EXTRA = sys.argv[2:]
SETS = [
    ("PolNeAR dev (84 articles)", "../shared/corpora/polnear-dev.jsonl"),
    ("GGT dev (47 articles)", "../shared/corpora/ggt-dev.jsonl"),
    ("iran-talks example", "tests/fixtures/iran-talks.gold.json"),
]
print("| corpus | task | gold | pred | P | R | F1 | speaker acc. | end-to-end F1 |")
print("|---|---|---:|---:|---:|---:|---:|---:|---:|")
for name, gold in SETS:
    out = subprocess.run([BIN, "eval", "--gold", gold, "--format", "json", *EXTRA],
                         check=True, capture_output=True, text=True).stdout
    scores = json.loads(out)
    for task in ("direct", "reported", "all"):
        s = scores[task]
        print(f"| {name} | {task} | {s['gold']} | {s['pred']} | {s['p']:.3f} | {s['r']:.3f} | "
              f"{s['f1']:.3f} | {s['speaker_acc']:.3f} | {s['e2e_f1']:.3f} |")
