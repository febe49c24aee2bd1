"""The across table as a Spark map and reduce (issue 18): checks that it
equals a single-process `whosaid sources --across` run.

    python3 reduce_job.py WHOSAID CORPUS.jsonl

Map: each of 4 partitions is piped (RDD.pipe) through one
`whosaid sources --across --by outlet,date:month --jsonl --format jsonl`
process, which writes that partition's table (rows carry counts). Reduce: the
tables, coalesced into one partition, are piped through
`whosaid sources --merge --format jsonl`. The result must be the single run's
table, row for row, except the fields that name documents by their position
in the input (`first_doc`, `first_doc_index`, `last_doc`, `last_doc_index`,
and `first_seen`/`last_seen` when no date was given): a partition only knows
positions within itself. The same tables merged with `--summary` must give
the single run's `--summary` exactly (the tables end with each group's
documents and records).
"""

import json
import shlex
import subprocess
import sys

from pyspark import SparkConf, SparkContext

POSITIONAL = ("first_doc", "first_doc_index", "last_doc", "last_doc_index")


def comparable(line: str) -> str:
    row = json.loads(line)
    if row.get("first_seen") == row.get("first_doc"):
        row.pop("first_seen", None)
    if row.get("last_seen") == row.get("last_doc"):
        row.pop("last_seen", None)
    for k in POSITIONAL:
        row.pop(k, None)
    return json.dumps(row, sort_keys=False, ensure_ascii=False)


def main() -> int:
    whosaid, corpus = sys.argv[1], sys.argv[2]
    across = ["sources", "--across", "--by", "outlet,date:month", "--jsonl", "--format", "jsonl", "-q"]
    merge = ["sources", "--merge", "--format", "jsonl", "-q"]
    summary = ["sources", "--across", "--summary", "--by", "outlet,date:month", "--jsonl", "--format", "jsonl", "-q"]

    single = subprocess.run([whosaid, *across, "--threads", "1", corpus], capture_output=True, check=False)
    if single.returncode not in (0, 2):
        sys.stderr.write(single.stderr.decode("utf-8", "replace"))
        print(f"single-process run failed with status {single.returncode}", file=sys.stderr)
        return 1
    expected = [comparable(l) for l in single.stdout.decode("utf-8").splitlines()]
    single_summary = subprocess.run([whosaid, *summary, corpus], capture_output=True, check=False)
    expected_summary = single_summary.stdout.decode("utf-8").splitlines()

    conf = (
        SparkConf()
        .setMaster("local[2]")
        .setAppName("whosaid-reduce-test")
        .set("spark.ui.enabled", "false")
        .set("spark.ui.showConsoleProgress", "false")
        .set("spark.driver.host", "127.0.0.1")
        .set("spark.driver.bindAddress", "127.0.0.1")
    )
    sc = SparkContext(conf=conf)
    sc.setLogLevel("ERROR")
    try:
        rdd = sc.textFile(corpus, minPartitions=4)
        if rdd.getNumPartitions() > 4:
            rdd = rdd.coalesce(4)
        partitions = rdd.getNumPartitions()
        mapped = rdd.pipe(" ".join(shlex.quote(a) for a in [whosaid, *across, "--threads", "1"])).cache()
        reduced = mapped.coalesce(1).pipe(" ".join(shlex.quote(a) for a in [whosaid, *merge]))
        got_lines = reduced.collect()
        summarised = mapped.coalesce(1).pipe(" ".join(shlex.quote(a) for a in [whosaid, *merge, "--summary"]))
        got_summary = summarised.collect()
    finally:
        sc.stop()
    got = [comparable(l) for l in got_lines]

    if partitions != 4:
        print(f"expected 4 partitions, got {partitions}", file=sys.stderr)
        return 1
    if not expected:
        print("spark reduce test FAILED: the corpus gave no sources", file=sys.stderr)
        return 1
    if got != expected:
        print(f"spark reduce test FAILED: {len(got)} rows, the single run has {len(expected)}", file=sys.stderr)
        for a, b in zip(got, expected):
            if a != b:
                print(f"  got:      {a[:300]}\n  expected: {b[:300]}", file=sys.stderr)
                break
        return 1
    if not expected_summary or got_summary != expected_summary:
        print(f"spark reduce test FAILED: merged summary ({len(got_summary)} groups) differs from the single run's "
              f"({len(expected_summary)})", file=sys.stderr)
        for a, b in zip(got_summary, expected_summary):
            if a != b:
                print(f"  got:      {a[:300]}\n  expected: {b[:300]}", file=sys.stderr)
                break
        return 1
    print(f"spark reduce test: the merged summary equals the single run's ({len(got_summary)} groups)")
    print(f"spark reduce test passed: {len(got)} table lines ({partitions} partitions, merged in one reduce)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
