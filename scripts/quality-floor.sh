#!/usr/bin/env bash
# Regenerates tests/quality-floor.json from `whosaid eval` (release build) on the example
# article and the dev corpora in ../shared/corpora. Run it when quality rises, and commit
# the file with the numbers in the commit message.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --locked -q
bin=target/release/whosaid
declare -A gold=(
    [iran-talks]=tests/fixtures/iran-talks.gold.json
    [polnear-dev]=../shared/corpora/polnear-dev.jsonl
    [ggt-dev]=../shared/corpora/ggt-dev.jsonl
)
{
    echo "{"
    sep=""
    for name in iran-talks polnear-dev ggt-dev; do
        printf '%s  "%s": ' "$sep" "$name"
        "$bin" eval --gold "${gold[$name]}" --format json | python3 -c '
import json, sys
d = json.load(sys.stdin)
keep = {t: {m: round(d[t][m], 3) for m in ("f1", "speaker_acc", "e2e_f1")} for t in ("direct", "reported", "all")}
print(json.dumps(keep), end="")'
        sep=$',\n'
    done
    printf '\n}\n'
} > tests/quality-floor.json
cat tests/quality-floor.json
