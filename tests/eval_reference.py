#!/usr/bin/env python3
"""Reference scorer for whosaid, written from DESIGN.md ("Evaluation"), Python 3 stdlib only.

This is a second, independent implementation of the scoring that `whosaid eval` performs
(src/eval.rs). tests/eval_crosscheck.rs runs both and requires the same numbers.

    python3 tests/eval_reference.py --gold GOLD.jsonl --pred PRED.jsonl

prints {"direct": {...}, "reported": {...}, "all": {...}} where each task has gold, pred, tp,
speaker_right, p, r, f1, speaker_acc, e2e_p, e2e_r, e2e_f1.

Where DESIGN.md leaves room, this follows the choices written down in src/eval.rs:
  * gold = non-optional gold entries of the task; pred = predictions of the task minus those
    matched to an optional gold entry; tp = matches with non-optional gold; counts are summed
    over documents before dividing; a ratio with a zero denominator is 0.
  * the trim's whitespace is the Unicode White_Space property;
  * tie-breaking uses the trimmed offsets, then the prediction's order (records in file order,
    parts in listed order), then the gold entry's position in its document;
  * prediction offsets that are missing, negative or not integers give an empty span (the
    prediction still counts); offsets past the text are clamped; `parts` is used when it is a
    non-empty list;
  * a kind outside direct/mixed/indirect only takes part in the "all" task;
  * ids may be strings or integers (compared as decimal text); records that are not objects,
    or whose doc is not a gold id, are ignored; a record with an "error" key is skipped;
  * speaker: a predicted speaker without tokens is never right; where the gold entry has a
    speaker_name only names(P, speaker_name) counts; otherwise both mentions must be present and
    share a position, or names(P, N) for each alias, then the speaker; set inclusion on token
    sets; a name without tokens has no head; titles are dropped only when a non-title remains.
"""

import argparse
import json
import re
import sys
from fractions import Fraction

TRIM_CHARS = frozenset("\"'\u201c\u201d\u2018\u2019\u00ab\u00bb\u201e\u201a\u2039\u203a`,.;:!?\u2014\u2013-()[]\u2026")

# Unicode White_Space (PropList.txt), spelled out so that the set does not depend on str.isspace.
WHITE_SPACE = frozenset(
    [chr(c) for c in range(0x09, 0x0E)]
    + ["\u0020", "\u0085", "\u00a0", "\u1680"]
    + [chr(c) for c in range(0x2000, 0x200B)]
    + ["\u2028", "\u2029", "\u202f", "\u205f", "\u3000"]
)

ARTICLES = {"the", "a", "an"}
HEAD_BREAKERS = {"in", "of", "at", "from", "for", "with", "on", "who", "which", "that",
                 "whose", "to", "by"}

TITLES = set("""mr mrs ms miss mx dr prof professor sen senator rep gov governor president gen general
col lt sgt capt adm rev sir dame judge justice mayor coun councillor minister secretary chairman
chairwoman""".split())
NAME_SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}
INITIAL_PARTICLES = {"of", "and", "for", "the", "on", "in", "at", "de", "du", "la", "le", "von", "van", "der"}

TASKS = ("direct", "reported", "all")
TASK_KINDS = {"direct": {"direct"}, "reported": {"mixed", "indirect"}}

POSSESSIVE = re.compile(r"['\u2019]s(?!\w)")
WORD = re.compile(r"\w+")


class InputError(Exception):
    pass


# ---------------------------------------------------------------- reading

def json_values(path):
    """All JSON values in a file: JSONL, concatenated objects, or arrays (flattened)."""
    if path == "-":
        data = sys.stdin.read()
    else:
        with open(path, encoding="utf-8") as handle:
            data = handle.read()
    if data.startswith("\ufeff"):
        data = data[1:]
    decoder = json.JSONDecoder()
    values = []
    pos = 0
    while True:
        while pos < len(data) and data[pos] in " \t\r\n":
            pos += 1
        if pos >= len(data):
            break
        try:
            value, pos = decoder.raw_decode(data, pos)
        except json.JSONDecodeError as err:
            raise InputError(f"{path}: {err}") from None
        if isinstance(value, list):
            values.extend(value)
        else:
            values.append(value)
    return values


def as_id(value):
    if isinstance(value, str):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return None


def as_offset(value):
    if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
        return value
    return None


def load_gold(path):
    documents = []
    known = set()
    for number, raw in enumerate(json_values(path), 1):
        if not isinstance(raw, dict):
            raise InputError(f"gold record {number} is not an object")
        ident = raw.get("id")
        ident = "" if ident is None else as_id(ident)
        if ident is None:
            raise InputError(f"gold record {number}: id must be a string or an integer")
        if ident in known:
            raise InputError(f"gold record {number}: duplicate id {ident!r}")
        known.add(ident)
        text = raw.get("text") or ""
        entries = []
        for k, q in enumerate(raw.get("quotes") or []):
            start, end = q.get("start", 0), q.get("end", 0)
            if not (isinstance(start, int) and isinstance(end, int)) or start < 0 or end < 0:
                raise InputError(f"gold {ident!r} quote {k}: bad offsets")
            if start > end or end > len(text):
                raise InputError(f"gold {ident!r} quote {k}: {start}..{end} outside the text")
            s_start, s_end = q.get("speaker_start"), q.get("speaker_end")
            if s_start is not None and s_end is not None and (s_start > s_end or s_end > len(text)):
                raise InputError(f"gold {ident!r} quote {k}: bad speaker span")
            entries.append({
                "position": k,
                "start": start,
                "end": end,
                "kind": q.get("kind") or "",
                "speaker": q.get("speaker"),
                "aliases": list(q.get("speaker_aliases") or []),
                "name": q.get("speaker_name"),
                "type": q.get("speaker_type"),
                "mention": (s_start, s_end) if s_start is not None and s_end is not None else None,
                "optional": q.get("optional") is True,
            })
        documents.append({"id": ident, "text": text, "quotes": entries})
    return documents


# ---------------------------------------------------------------- the rules

def trimmed(text, start, end):
    end = min(end, len(text))
    start = min(start, end)
    while start < end and (text[start] in WHITE_SPACE or text[start] in TRIM_CHARS):
        start += 1
    while end > start and (text[end - 1] in WHITE_SPACE or text[end - 1] in TRIM_CHARS):
        end -= 1
    return start, end


def char_dice(a, b):
    """Dice of two intervals as a Fraction; None when one of them is empty."""
    size_a, size_b = a[1] - a[0], b[1] - b[0]
    if size_a <= 0 or size_b <= 0:
        return None
    overlap = max(0, min(a[1], b[1]) - max(a[0], b[0]))
    return Fraction(2 * overlap, size_a + size_b)


def tokens(name):
    lowered = POSSESSIVE.sub("", name.lower())
    words = [w for w in WORD.findall(lowered) if w not in ARTICLES]
    untitled = [w for w in words if w not in TITLES]
    return untitled if untitled else words


def head(name):
    words = tokens(name)
    while words and words[-1] in NAME_SUFFIXES:
        words = words[:-1]
    if not words:
        return None
    for i in range(1, len(words)):
        if words[i] in HEAD_BREAKERS:
            return words[i - 1]
    return words[-1]


def initials_of(one, other):
    """`one` is a single token of 2+ characters spelling the initials of `other`'s tokens."""
    if len(one) != 1 or len(one[0]) < 2:
        return False
    return one[0] == "".join(w[0] for w in other if w not in INITIAL_PARTICLES)


def names(predicted_name, gold_name, organization):
    p_list, n_list = tokens(predicted_name), tokens(gold_name)
    if not p_list or not n_list:
        return False
    p_set, n_set = set(p_list), set(n_list)
    if (p_set <= n_set or n_set <= p_set) and head(gold_name) in p_set:
        return True
    if initials_of(p_list, n_list) or initials_of(n_list, p_list):
        return True
    return organization and p_set <= n_set and n_list[0] in p_set


def same_speaker(gold, speaker, mention):
    if not isinstance(speaker, str) or not tokens(speaker):
        return False
    organization = gold["type"] == "organization"
    if gold["name"]:
        return names(speaker, gold["name"], organization)
    if gold["mention"] is not None and mention is not None:
        lo = max(gold["mention"][0], mention[0])
        hi = min(gold["mention"][1], mention[1])
        if lo < hi:
            return True
    candidates = list(gold["aliases"])
    if gold["speaker"] is not None:
        candidates.append(gold["speaker"])
    return any(name and names(speaker, name, organization) for name in candidates)


def in_task(task, kind):
    return task == "all" or kind in TASK_KINDS[task]


# ---------------------------------------------------------------- scoring

def predictions_by_document(documents, records):
    first = {}
    for number, document in enumerate(documents):
        first.setdefault(document["id"], number)
    grouped = {number: [] for number in range(len(documents))}
    for record_number, record in enumerate(records):
        if not isinstance(record, dict) or "error" in record:
            continue
        ident = as_id(record.get("doc"))
        if ident is None or ident not in first:
            continue
        kind = record.get("kind")
        speaker = record.get("speaker")
        m_start, m_end = as_offset(record.get("speaker_start")), as_offset(record.get("speaker_end"))
        mention = (m_start, m_end) if m_start is not None and m_end is not None else None
        parts = record.get("parts")
        if isinstance(parts, list) and len(parts) > 0:
            pieces = [
                (as_offset(p.get("start")), as_offset(p.get("end"))) if isinstance(p, dict) else (None, None)
                for p in parts
            ]
        else:
            pieces = [(as_offset(record.get("start")), as_offset(record.get("end")))]
        for part_number, (start, end) in enumerate(pieces):
            grouped[first[ident]].append({
                "order": (record_number, part_number),
                "start": start,
                "end": end,
                "kind": kind if isinstance(kind, str) else "",
                "speaker": speaker if isinstance(speaker, str) else None,
                "mention": mention,
            })
    return grouped


def match_document(task, document, predictions):
    """Returns (gold, pred, tp, right) for one document and one task."""
    text = document["text"]
    golds = [q for q in document["quotes"] if in_task(task, q["kind"])]
    preds = [p for p in predictions if in_task(task, p["kind"])]
    gold_spans = [trimmed(text, q["start"], q["end"]) for q in golds]
    pred_spans = [
        trimmed(text, p["start"], p["end"]) if p["start"] is not None and p["end"] is not None else (0, 0)
        for p in preds
    ]
    half = Fraction(1, 2)
    candidates = []
    for gi, g_span in enumerate(gold_spans):
        for pi, p_span in enumerate(pred_spans):
            score = char_dice(g_span, p_span)
            if score is not None and score >= half:
                candidates.append((-score, g_span[0], g_span[1], p_span[0], p_span[1],
                                   preds[pi]["order"], golds[gi]["position"], gi, pi))
    candidates.sort()
    gold_to_pred = {}
    used_preds = set()
    for candidate in candidates:
        gi, pi = candidate[-2], candidate[-1]
        if gi in gold_to_pred or pi in used_preds:
            continue
        gold_to_pred[gi] = pi
        used_preds.add(pi)

    n_gold = sum(1 for q in golds if not q["optional"])
    n_pred = len(preds) - sum(1 for gi in gold_to_pred if golds[gi]["optional"])
    tp = right = 0
    for gi, pi in gold_to_pred.items():
        if golds[gi]["optional"]:
            continue
        tp += 1
        if same_speaker(golds[gi], preds[pi]["speaker"], preds[pi]["mention"]):
            right += 1
    return n_gold, n_pred, tp, right


def divide(a, b):
    return a / b if b else 0.0


def f_measure(p, r):
    return 2 * p * r / (p + r) if p + r else 0.0


def score(documents, records):
    grouped = predictions_by_document(documents, records)
    result = {}
    for task in TASKS:
        gold = pred = tp = right = 0
        for number, document in enumerate(documents):
            g, p, t, s = match_document(task, document, grouped[number])
            gold += g
            pred += p
            tp += t
            right += s
        precision, recall = divide(tp, pred), divide(tp, gold)
        e2e_p, e2e_r = divide(right, pred), divide(right, gold)
        result[task] = {
            "gold": gold,
            "pred": pred,
            "tp": tp,
            "speaker_right": right,
            "p": precision,
            "r": recall,
            "f1": f_measure(precision, recall),
            "speaker_acc": divide(right, tp),
            "e2e_p": e2e_p,
            "e2e_r": e2e_r,
            "e2e_f1": f_measure(e2e_p, e2e_r),
        }
    return result


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", required=True, help="gold JSONL (or - for stdin)")
    parser.add_argument("--pred", required=True, help="whosaid records, JSONL or a JSON array")
    args = parser.parse_args(argv)
    try:
        documents = load_gold(args.gold)
        records = json_values(args.pred)
    except (InputError, OSError) as err:
        print(f"eval_reference: {err}", file=sys.stderr)
        return 2
    json.dump(score(documents, records), sys.stdout, indent=2, sort_keys=True, ensure_ascii=False)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
