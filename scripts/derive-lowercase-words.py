#!/usr/bin/env python3
"""Derives data/lowercase-words.txt from the PolNeAR train split.

Words that the train texts write in lowercase inside sentences (at least three
times) and never capitalised there: ordinary words ("prominent", "several",
"despite") that open a sentence capitalised but do not start a name. A
capitalised run that opens a sentence with one of them ("Prominent Canadian
examples include …") is no person's name. Words also written capitalised
mid-sentence ("Mark", "Will", "Rich", "Grant") are left out: they can be first
names. Counting only: no text is copied.
Usage: scripts/derive-lowercase-words.py ../shared/corpora/polnear-train.jsonl > data/lowercase-words.txt
"""
import collections, json, re, sys

lower = collections.Counter()
capital = collections.Counter()
WORD = re.compile(r"[A-Za-z][a-z]+")
for line in open(sys.argv[1], encoding="utf-8"):
    text = json.loads(line)["text"]
    # Sentence-internal words only: skip the word after . ! ? : “ " ( or a line start.
    for m in WORD.finditer(text):
        before = text[max(0, m.start() - 3):m.start()]
        if not before or re.search(r"[.!?:;“\"'‘(\n—–-]\s*$", before) or m.start() == 0:
            continue
        if m.start() > 0 and not text[m.start() - 1].isspace():
            continue
        w = m.group()
        (capital if w[0].isupper() else lower)[w.lower()] += 1
# First names this corpus happens to write only in lowercase.
NAMES_TOO = {"joy", "crystal", "patience", "destiny", "precious", "miles", "cliff"}
words = sorted(w for w, n in lower.items() if n >= 3 and capital[w] == 0 and len(w) > 2 and w not in NAMES_TOO)
print("# whosaid lowercase words: ordinary words that never start a name (derived from the")
print("# PolNeAR train split by scripts/derive-lowercase-words.py; regenerate, do not edit).")
print("# A capitalised run opening a sentence with one of them is not a person's name.")
for w in words:
    print(w)
