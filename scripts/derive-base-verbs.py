#!/usr/bin/env python3
"""Derives data/base-verbs.txt from the PolNeAR train split.

A content after "say" is a clause, but its verb may be a bare present form
that looks like nothing ("Doctors say patients wait too long", "those people
include hikers"). A word is taken for a verb's base form when the train texts
write it after "to" (an infinitive) at least 6 times and after "the", "a" or
"an" (a noun) at most once for every 8 of those (no pronouns,
determiners or adverbs). Counting only: no text is
copied.
Usage: scripts/derive-base-verbs.py ../shared/corpora/polnear-train.jsonl > data/base-verbs.txt
"""
import collections, json, re, sys

# Words after "to" that are no verbs: pronouns, determiners, question words.
NOT_VERBS = set("""another any anyone anything anybody everyone everything being both her him his how its our
some someone something that the their them this those what which who whom whose you your my me us it
these each every all either neither such whether where when why one two three""".split())

after_to = collections.Counter()
after_article = collections.Counter()
WORD = re.compile(r"[A-Za-z]+")
for line in open(sys.argv[1], encoding="utf-8"):
    words = WORD.findall(json.loads(line)["text"])
    for before, w in zip(words, words[1:]):
        if not w.islower() or len(w) < 3:
            continue
        b = before.lower()
        if b == "to":
            after_to[w] += 1
        elif b in ("the", "a", "an"):
            after_article[w] += 1
print("# Base forms of verbs, learned by scripts/derive-base-verbs.py from polnear-train: words")
print("# written after \"to\" at least 6 times and after an article at most 1 in 8 of those.")
for w in sorted(after_to):
    if w not in NOT_VERBS and not w.endswith("ly") and after_to[w] >= 6 and after_article[w] * 8 <= after_to[w]:
        print(w)
