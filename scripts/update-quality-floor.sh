#!/usr/bin/env bash
# Rewrites tests/quality-floor.json from the current `whosaid eval` numbers.
# Run it after a change that raises quality (never to hide a regression).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release -q
bin=${CARGO_TARGET_DIR:-target}/release/whosaid
shared=${SHARED:-../shared}
python3 - "$bin" "$shared" <<'PY'
import json, subprocess, sys
bin, shared = sys.argv[1], sys.argv[2]
def run(gold):
    out = subprocess.run([bin, "eval", "--gold", gold, "--format", "json"], check=True, capture_output=True, text=True).stdout
    got = json.loads(out)
    return {t: {m: round(got[t][m] - 0.0005, 3) for m in ("f1", "speaker_acc", "e2e_f1")} for t in ("direct", "reported", "all")}
floor = {
    "iran-talks": run("tests/fixtures/iran-talks.gold.json"),
    "polnear-dev": run(f"{shared}/corpora/polnear-dev.jsonl"),
    "ggt-dev": run(f"{shared}/corpora/ggt-dev.jsonl"),
}
with open("tests/quality-floor.json", "w") as f:
    json.dump(floor, f, indent=2)
    f.write("\n")
print(json.dumps(floor, indent=2))
PY
