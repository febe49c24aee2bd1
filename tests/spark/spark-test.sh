#!/usr/bin/env bash
# whosaid under Apache Spark (issue 7): RDD.pipe over a JSONL corpus in local
# mode with 4 partitions must give exactly the records of a single-process run.
# Then (issue 18) the across table as a map (`sources --across` per
# partition) and a reduce (`sources --merge`) must equal the single run's,
# on the corpus with an `outlet` and a `date` field derived from the PolNeAR
# ids (polnear/dev/nyt_2016-09-08_... -> nyt, 2016-09-08).
#
#   tests/spark/spark-test.sh [path/to/whosaid]   (default target/release/whosaid)
#
# Installs what is missing: pyspark 3.5.x from PyPI (works with Java 8/11/17)
# and a Java runtime (apt-get install default-jre-headless). Spark runs in
# local mode and needs no network. The corpus is the first 200 lines of
# ../shared/corpora/polnear-dev.jsonl when present, else
# tests/fixtures/hard-cases.jsonl; temporary files are removed at the end.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
note() { printf 'spark-test: %s\n' "$*" >&2; }

bin=${1:-target/release/whosaid}
if [ ! -x "$bin" ] && [ -x "$root/$bin" ]; then
    bin="$root/$bin"
fi
[ -x "$bin" ] || { note "no whosaid binary at $bin (cargo build --release)"; exit 1; }
bin=$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")

if ! command -v java >/dev/null; then
    note "installing a Java runtime: apt-get install -y default-jre-headless"
    apt-get install -y default-jre-headless >/dev/null 2>&1 ||
        { apt-get update >/dev/null && apt-get install -y default-jre-headless >/dev/null; }
fi
python=${PYTHON:-python3}
if ! "$python" -c 'import pyspark' 2>/dev/null; then
    note "installing pyspark 3.5.x: $python -m pip install 'pyspark>=3.5,<3.6'"
    "$python" -m pip install --quiet --disable-pip-version-check 'pyspark>=3.5,<3.6'
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/whosaid-spark.XXXXXX")
trap 'rm -rf "$work"' EXIT
source=$root/../shared/corpora/polnear-dev.jsonl
[ -f "$source" ] || source=$root/tests/fixtures/hard-cases.jsonl
head -n 200 "$source" >"$work/corpus.jsonl"
note "corpus: $(wc -l <"$work/corpus.jsonl") documents from $source"

# Local mode, loopback only; Spark's own scratch space in the temporary folder.
export SPARK_LOCAL_IP=127.0.0.1 SPARK_LOCAL_DIRS="$work/spark" PYSPARK_PYTHON="$python"
cd "$work"
timeout 600 "$python" "$here/pipe_job.py" "$bin" "$work/corpus.jsonl"

# The across table: outlet and date from the ids (documents without them get
# no value, which is a group of its own).
"$python" - "$work/corpus.jsonl" "$work/fielded.jsonl" <<'PY'
import json, re, sys
with open(sys.argv[1], encoding="utf-8") as src, open(sys.argv[2], "w", encoding="utf-8") as out:
    for line in src:
        d = json.loads(line)
        m = re.match(r"polnear/\w+/([^_/]+)_(\d{4}-\d{2}-\d{2})_", str(d.get("id", "")))
        if m:
            d["outlet"], d["date"] = m.group(1), m.group(2)
        out.write(json.dumps(d, ensure_ascii=False) + "\n")
PY
timeout 600 "$python" "$here/reduce_job.py" "$bin" "$work/fielded.jsonl"
