"""Runs whosaid under a real (local) Spark with RDD.pipe and checks that the
records equal a single-process run on the same input.

    python3 pipe_job.py WHOSAID CORPUS.jsonl

The corpus is read with `textFile` into 4 partitions; each partition is piped
through one `whosaid extract --jsonl --format jsonl -q` process, as on a
cluster. Records carry their document id and per-document index, so the
multiset of output lines must be the same whatever the partitioning.
"""

import collections
import shlex
import subprocess
import sys

from pyspark import SparkConf, SparkContext


def main() -> int:
    whosaid, corpus = sys.argv[1], sys.argv[2]
    args = ["extract", "--jsonl", "--format", "jsonl", "-q"]

    single = subprocess.run([whosaid, *args, corpus], capture_output=True, check=False)
    if single.returncode not in (0, 2):  # 2: some documents are error records
        sys.stderr.write(single.stderr.decode("utf-8", "replace"))
        print(f"single-process run failed with status {single.returncode}", file=sys.stderr)
        return 1
    expected = collections.Counter(single.stdout.decode("utf-8").splitlines())

    conf = (
        SparkConf()
        .setMaster("local[2]")
        .setAppName("whosaid-pipe-test")
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
        command = " ".join(shlex.quote(a) for a in [whosaid, *args])
        # checkCode: a whosaid failure fails the task (unless the single run
        # also reported error records, which exit with 2 by design).
        got_lines = rdd.pipe(command, checkCode=single.returncode == 0).collect()
    finally:
        sc.stop()
    got = collections.Counter(got_lines)

    if partitions != 4:
        print(f"expected 4 partitions, got {partitions}", file=sys.stderr)
        return 1
    if got != expected:
        missing, extra = expected - got, got - expected
        print(
            f"spark test FAILED: {sum(missing.values())} records missing, {sum(extra.values())} extra",
            file=sys.stderr,
        )
        for line in list(missing)[:3]:
            print(f"  missing: {line[:200]}", file=sys.stderr)
        for line in list(extra)[:3]:
            print(f"  extra:   {line[:200]}", file=sys.stderr)
        return 1
    if not expected:
        print("spark test FAILED: the corpus gave no records", file=sys.stderr)
        return 1
    print(f"spark test passed: {sum(got.values())} records ({partitions} partitions)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
