#!/usr/bin/env python3
"""Derives data/cue-infinitive.txt from the PolNeAR train split.

For each speech cue lemma, how often "FORM to VERB" (or "FORM not to VERB")
in the train texts is annotated as a non-optional reported attribution whose
content starts at "to" ("vowed to repeal", "declined to comment"). Lemmas with
at least 5 such occurrences and a share of at least 0.4 (above half the
reported F1, so each one adds more right records than wrong ones) take an
infinitive as their content; for all other cues "to" starts no content
("responded to", "referred to"). Counting only: no text is copied.
Usage: scripts/derive-infinitive-cues.py ../shared/corpora/polnear-train.jsonl
"""
import collections, json, re, sys

lemma = {}
for line in open("data/cues.tsv", encoding="utf-8"):
    if line.startswith("#") or not line.strip():
        continue
    form, lem, cls = (line.rstrip("\n").split("\t") + ["speech"])[:3]
    if cls == "speech" and " " not in form:
        lemma[form.lower()] = lem

seen, hits = collections.Counter(), collections.Counter()
for line in open(sys.argv[1], encoding="utf-8"):
    doc = json.loads(line)
    text = doc["text"]
    starts = {q["start"] for q in doc["quotes"] if q["kind"] != "direct" and not q.get("optional")}
    for m in re.finditer(r"\b([A-Za-z]+) (?:not )?(to) [a-z]", text):
        lem = lemma.get(m.group(1).lower())
        if lem is None:
            continue
        seen[lem] += 1
        if m.start(2) in starts:
            hits[lem] += 1

print("# Cue lemmas whose reported content can be a to-infinitive (\"vowed to")
print("# repeal the law\", \"declined to comment\"): at least 5 occurrences of")
print("# \"FORM to VERB\" in PolNeAR train and at least 40% of them annotated as")
print("# reported content starting at \"to\". Made by")
print("# scripts/derive-infinitive-cues.py; lemma<TAB>occurrences<TAB>share.")
for lem in sorted(seen):
    n, h = seen[lem], hits[lem]
    if h >= 5 and h / n >= 0.4:
        print(f"{lem}\t{n}\t{h / n:.2f}")
