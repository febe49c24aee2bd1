"""Throughput of whosaid.analyze_many (one thread) against the CLI
(`whosaid extract --jsonl -j 1`) on the same texts: polnear-train.

    python python/bench.py [--corpus ../shared/corpora/polnear-train.jsonl] [--bin target/release/whosaid]

The CLI reads a temporary JSONL of just id and text and writes JSONL to
/dev/null; Python iterates over every record (dicts) of analyze_many over
(id, text) pairs already in memory. Runs alternate, 3 each; the best of each
is reported in MB/s of text (UTF-8 bytes), by wall time and by CPU time
(the steadier measure on a shared machine).
"""

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

# python/ is on sys.path as this script's folder: import the installed
# package (with its compiled module), not the source folder python/whosaid.
sys.path = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]
import whosaid  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpora" / "polnear-train.jsonl"))
    ap.add_argument("--bin", default=os.environ.get("WHOSAID_BIN", str(ROOT / "target" / "release" / "whosaid")))
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()

    with open(args.corpus, encoding="utf-8") as f:
        pairs = [(d["id"], d["text"]) for d in map(json.loads, f) if d]
    mb = sum(len(t.encode("utf-8")) for _, t in pairs) / 1e6
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as tmp:
        for i, t in pairs:
            tmp.write(json.dumps({"id": i, "text": t}, ensure_ascii=False) + "\n")
    cmd = [args.bin, "extract", "--jsonl", tmp.name, "--format", "jsonl", "-q", "-j", "1"]
    print(f"{len(pairs)} documents, {mb:.2f} MB of text")

    def children_cpu():
        r = resource.getrusage(resource.RUSAGE_CHILDREN)
        return r.ru_utime + r.ru_stime

    # (wall seconds, CPU seconds): on a shared machine the CPU time is the
    # steadier measure of the work done.
    def run_cli():
        t, c = time.perf_counter(), children_cpu()
        # Exit code 2: some document was an error record (reported, not fatal).
        rc = subprocess.run(cmd, stdout=subprocess.DEVNULL).returncode
        if rc not in (0, 2):
            raise SystemExit(f"{cmd[0]} failed with exit code {rc}")
        return time.perf_counter() - t, children_cpu() - c

    def run_python():
        t, c = time.perf_counter(), time.process_time()
        n = 0
        for _ in whosaid.analyze_many(pairs, threads=1, errors="record"):
            n += 1
        return time.perf_counter() - t, time.process_time() - c

    run_python()  # warm up both (lexicons, page cache)
    run_cli()
    cli, py = [], []
    try:
        for i in range(args.runs):
            cli.append(run_cli())
            py.append(run_python())
            print(
                f"run {i + 1}: cli {mb / cli[-1][0]:.2f} MB/s ({mb / cli[-1][1]:.2f} per CPU s), "
                f"python {mb / py[-1][0]:.2f} MB/s ({mb / py[-1][1]:.2f} per CPU s)"
            )
    finally:
        os.unlink(tmp.name)
    for what, i in (("wall", 0), ("CPU", 1)):
        c, p = mb / min(r[i] for r in cli), mb / min(r[i] for r in py)
        print(f"best ({what} time): cli {c:.2f} MB/s, analyze_many(threads=1) {p:.2f} MB/s, python/cli = {p / c:.3f}")


if __name__ == "__main__":
    main()
