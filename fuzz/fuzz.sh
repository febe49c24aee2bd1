#!/usr/bin/env bash
# Runs one fuzz target for SECONDS of fuzzing on one core, restarting
# libFuzzer after each crash or timeout (the artifact is kept under
# fuzz/artifacts/TARGET/), and prints the executions reached in total.
#
#   fuzz/fuzz.sh analyze 1800            # half an hour
#   fuzz/fuzz.sh jsonl 600 -max_len=4096 # extra libFuzzer flags
#
# Needs cargo-fuzz and a nightly toolchain; seeds the corpus on first use.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
target="${1:?target: analyze or jsonl}"
budget="${2:?seconds}"
shift 2
cd "$here"
[[ -d "corpus/$target" ]] || ./seed.sh
dict="whosaid.dict"
[[ "$target" == jsonl ]] && dict="jsonl.dict"
logs="$(mktemp -d "${TMPDIR:-/tmp}/whosaid-fuzz.XXXXXX")"
cargo +nightly fuzz build -s none "$target"
total=0
runs=0
start=$(date +%s)
while :; do
  left=$((budget - ($(date +%s) - start)))
  ((left > 5)) || break
  log="$logs/run-$runs.log"
  cargo +nightly fuzz run -s none "$target" -- -max_total_time="$left" -timeout=5 \
    -dict="$dict" -print_final_stats=1 "$@" >"$log" 2>&1 || true
  n=$(grep -o 'stat::number_of_executed_units: [0-9]*' "$log" | grep -o '[0-9]*$' || echo 0)
  total=$((total + n))
  runs=$((runs + 1))
  if grep -q -E 'ERROR: libFuzzer|panicked|SUMMARY' "$log"; then
    echo "run $runs: $n executions, stopped by: $(grep -m1 -E 'ERROR: libFuzzer|panicked at' "$log")" >&2
    grep -m1 -o 'Test unit written to .*' "$log" >&2 || true
  else
    echo "run $runs: $n executions" >&2
  fi
done
echo "$target: $total executions in $runs run(s) of libFuzzer, logs in $logs"
