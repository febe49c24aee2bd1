#!/usr/bin/env bash
# End-to-end benchmark of `whosaid extract` (issue 7; numbers in docs/performance.md).
#
# Builds the release binary, makes a JSONL corpus of about BENCH_SIZE_MB
# megabytes (default 100) by repeating ../shared/corpora/polnear-train.jsonl
# with unique ids ("<id>#N"), runs `whosaid extract --jsonl --format jsonl -q`
# under /usr/bin/time -v at each of BENCH_THREADS (default "1 2"), and prints
# a markdown table: wall seconds, MB/s, CPU seconds, peak RSS, speed-up.
# Then a per-stage profile (examples/stage_profile.rs) on data/iran-talks.txt
# and on the source corpus, unless BENCH_STAGES=0; with BENCH_CRITERION=1 also
# the criterion benches (benches/pipeline.rs), one stage at a time.
#
#   scripts/bench.sh                      # 100 MB corpus, 1 and 2 threads
#   BENCH_SIZE_MB=1000 scripts/bench.sh   # 1 GB: peak RSS must not grow
#
# Everything generated goes to a temporary folder that is removed at the end;
# the report goes to stdout, progress notes to stderr.
set -euo pipefail
cd "$(dirname "$0")/.."

size_mb=${BENCH_SIZE_MB:-100}
threads_list=${BENCH_THREADS:-1 2}
source_corpus=${BENCH_CORPUS:-../shared/corpora/polnear-train.jsonl}
note() { printf '%s\n' "$*" >&2; }

if [ ! -f "$source_corpus" ]; then
    note "bench: $source_corpus not found (set BENCH_CORPUS to a JSONL file with \"id\" and \"text\")"
    exit 1
fi
if [ ! -x /usr/bin/time ]; then
    note "bench: /usr/bin/time (GNU time) is missing; installing it with: apt-get install -y time"
    if command -v apt-get >/dev/null; then
        apt-get install -y time >/dev/null 2>&1 || { apt-get update >/dev/null 2>&1 && apt-get install -y time >/dev/null; }
    fi
    [ -x /usr/bin/time ] || { note "bench: could not install GNU time"; exit 1; }
fi

note "bench: cargo build --release"
cargo build --release --quiet
bin="$(cargo metadata --format-version 1 --no-deps 2>/dev/null |
    sed -n 's/.*"target_directory":"\([^"]*\)".*/\1/p')/release/whosaid"
[ -x "$bin" ] || bin=target/release/whosaid

work=$(mktemp -d "${TMPDIR:-/tmp}/whosaid-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT

# The corpus: copy N of the source, each id suffixed with #N so every
# document id is unique (the JSONL lines start with {"id": "...").
corpus="$work/corpus.jsonl"
src_bytes=$(wc -c <"$source_corpus")
copies=$(((size_mb * 1000000 + src_bytes - 1) / src_bytes))
note "bench: building a ${size_mb} MB corpus ($copies copies of $source_corpus)"
for n in $(seq 1 "$copies"); do
    sed "s/^{\"id\": *\"\([^\"]*\)\"/{\"id\": \"\1#$n\"/" "$source_corpus"
done >"$corpus"
bytes=$(wc -c <"$corpus")
docs=$(wc -l <"$corpus")
mb=$(awk -v b="$bytes" 'BEGIN { printf "%.1f", b / 1e6 }')

run() { # threads -> "wall cpu rss_kb"
    local t=$1 log="$work/time-$1.txt"
    local status=0
    /usr/bin/time -v -o "$log" "$bin" extract --jsonl --format jsonl -q --threads "$t" "$corpus" \
        >"$work/out-$t.jsonl" 2>"$work/err-$t.txt" || status=$?
    # 2: some documents are error records (listed on stderr); anything else failed.
    if [ "$status" != 0 ] && [ "$status" != 2 ]; then
        note "bench: whosaid failed with status $status"; cat "$work/err-$t.txt" "$log" >&2; return 1
    fi
    [ "$status" = 0 ] || note "bench: $(grep -c . "$work/err-$t.txt") documents are error records (see whosaid's stderr)"
    awk -F': ' '
        /Elapsed \(wall clock\)/ { n = split($2, p, ":"); w = 0; for (i = 1; i <= n; i++) w = w * 60 + p[i] }
        /User time/ { u = $2 } /System time/ { s = $2 } /Maximum resident/ { r = $2 }
        END { printf "%.2f %.2f %d\n", w, u + s, r }' "$log"
}

echo "## whosaid extract: $mb MB JSONL corpus ($docs documents), $(nproc) cores"
echo
echo "Binary: \`$bin\` ($("$bin" --version)), $(date -u +%Y-%m-%dT%H:%MZ)."
echo
echo "| threads | seconds | MB/s | CPU seconds | MB per CPU-second | peak RSS (MB) | speed-up |"
echo "|---:|---:|---:|---:|---:|---:|---:|"
base=""
first=""
for t in $threads_list; do
    note "bench: --threads $t"
    res=$(run "$t") || exit 1
    read -r wall cpu rss <<<"$res"
    if [ -z "$first" ]; then
        first=$t
    elif ! cmp -s "$work/out-$first.jsonl" "$work/out-$t.jsonl"; then
        note "bench: output with --threads $t differs from --threads $first"
        exit 1
    fi
    [ -n "$base" ] || base=$wall
    awk -v t="$t" -v w="$wall" -v c="$cpu" -v r="$rss" -v b="$bytes" -v base="$base" 'BEGIN {
        printf "| %d | %.2f | %.1f | %.2f | %.1f | %.1f | %.2f× |\n",
            t, w, b / 1e6 / w, c, b / 1e6 / c, r / 1024, base / w }'
done
records=$(wc -l <"$work/out-$first.jsonl")
echo
echo "Output: $records records, identical at every thread count."

if [ "${BENCH_STAGES:-1}" != 0 ]; then
    # Stage by stage, in pipeline order (examples/stage_profile.rs): each
    # stage meets the caches the others left, as in a real run.
    note "bench: per-stage profile (examples/stage_profile.rs)"
    cargo build --release --quiet --example stage_profile
    profile=$(dirname "$bin")/examples/stage_profile
    echo
    echo "## Per-stage profile: data/iran-talks.txt, 300 passes"
    echo
    "$profile" data/iran-talks.txt 300 | sed 1,2d
    echo
    echo "## Per-stage profile: $(basename "$source_corpus")"
    echo
    "$profile" "$source_corpus" | sed 1,2d
fi

if [ "${BENCH_CRITERION:-0}" != 0 ]; then
    note "bench: cargo bench --bench pipeline (criterion, one stage at a time)"
    cargo bench --quiet --bench pipeline -- --warm-up-time 1 --measurement-time 3 >"$work/stages.txt" 2>&1 ||
        { cat "$work/stages.txt" >&2; exit 1; }
    echo
    echo "## Criterion: data/iran-talks.txt ($(wc -c <data/iran-talks.txt) bytes), each stage alone (warm caches)"
    echo
    echo "| stage | µs per document | share of the stages |"
    echo "|---|---:|---:|"
    # "stage/segment  time:   [24.3 µs 25.2 µs 26.1 µs]": the middle value is the estimate.
    awk '
        function us(v, u) { return u == "ns" ? v / 1000 : u == "ms" ? v * 1000 : u == "s" ? v * 1e6 : v }
        /^stage\// { name = substr($1, 7); if (NF == 1) { getline } }
        /time:/ && name != "" {
            for (i = 1; i <= NF; i++) if ($i ~ /^\[/) break
            t = us($(i + 2), $(i + 3)); name_of[++n] = name; t_of[n] = t
            if (name != "analyze") sum += t
            name = ""
        }
        END {
            for (k = 1; k <= n; k++) if (name_of[k] != "analyze")
                printf "| %s | %.1f | %.0f%% |\n", name_of[k], t_of[k], 100 * t_of[k] / sum
            for (k = 1; k <= n; k++) if (name_of[k] == "analyze")
                printf "| **analyze** (whole pipeline, without output) | %.1f | |\n", t_of[k]
        }' "$work/stages.txt"
fi
