#!/usr/bin/env bash
# End-to-end benchmark of `whosaid extract` on article text (issue 20;
# numbers in docs/performance.md and the README).
#
# Builds the release binary and examples/floor.rs, makes a text-only JSONL
# corpus ({"id", "text"} lines: the texts of ../shared/corpora/polnear-train.jsonl
# repeated with unique ids "<id>#N") of about BENCH_SIZE_MB megabytes (default
# 50), then runs, alternating, BENCH_ROUNDS rounds (default 3) of:
#
#   whosaid   `whosaid extract --jsonl --format jsonl -q` at each of
#             BENCH_THREADS (default "1 2")
#   python    scripts/naive_quotes.py: json.loads per line, one regex for
#             “…” and "…" pairs, each match written as a JSON line
#   floor     examples/floor.rs: parse each line (serde_json), the cue
#             automaton, a quote-mark scan, the tokenizer, one JSON line per
#             quote-mark pair: the least an extractor on whosaid's parts does
#   baseline  with BENCH_BASELINE=/path/to/whosaid: another whosaid binary,
#             to measure a change as a ratio (before/after in one command)
#
# Each run is under GNU time; the report (stdout, markdown) gives the medians:
# MB/s of article text (the JSON "text" strings as UTF-8) and of the file,
# peak RSS, and each reference's speed as a ratio to whosaid. This VM's speed
# drifts by up to 50 % over minutes, hence the alternation and the medians.
#
#   scripts/bench.sh                                  # 50 MB, 3 rounds
#   BENCH_SIZE_MB=200 BENCH_ROUNDS=5 scripts/bench.sh
#   BENCH_BASELINE=/tmp/old-whosaid scripts/bench.sh  # old against new
#   BENCH_ALLOW_DIFF=1 BENCH_BASELINE=…              # a baseline whose records differ
#   BENCH_STAGES=1 scripts/bench.sh                   # also the stage profile
#
# Everything generated goes to a temporary folder that is removed at the end;
# progress notes go to stderr.
set -euo pipefail
cd "$(dirname "$0")/.."

size_mb=${BENCH_SIZE_MB:-50}
rounds=${BENCH_ROUNDS:-3}
threads_list=${BENCH_THREADS:-1 2}
source_corpus=${BENCH_CORPUS:-../shared/corpora/polnear-train.jsonl}
baseline=${BENCH_BASELINE:-}
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
command -v python3 >/dev/null || { note "bench: python3 is needed (the corpus and the naive reference)"; exit 1; }

note "bench: cargo build --release (whosaid and examples/floor.rs)"
cargo build --release --quiet --bin whosaid --example floor
target=$(cargo metadata --format-version 1 --no-deps 2>/dev/null |
    sed -n 's/.*"target_directory":"\([^"]*\)".*/\1/p')
bin=${BENCH_BIN:-$target/release/whosaid}
floor=$target/release/examples/floor

work=$(mktemp -d "${TMPDIR:-/tmp}/whosaid-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT

# The corpus: only ids and texts (the source's annotations are most of its
# bytes), copied until the file reaches the size. Prints the text bytes.
corpus="$work/corpus.jsonl"
note "bench: building a ${size_mb} MB text-only corpus from $source_corpus"
text_bytes=$(python3 - "$source_corpus" "$corpus" "$size_mb" <<'PY'
import json, sys
src, dst, mb = sys.argv[1], sys.argv[2], float(sys.argv[3])
docs = [json.loads(l) for l in open(src, encoding="utf-8") if l.strip()]
size = text = 0
n = 0
with open(dst, "w", encoding="utf-8") as out:
    while size < mb * 1e6:
        n += 1
        for d in docs:
            line = json.dumps({"id": f"{d['id']}#{n}", "text": d["text"]}, ensure_ascii=False) + "\n"
            out.write(line)
            size += len(line.encode("utf-8"))
            text += len(d["text"].encode("utf-8"))
print(text)
PY
)
file_bytes=$(wc -c <"$corpus")
docs=$(wc -l <"$corpus")

run() { # name command... -> "wall rss_kb" (the output goes to $work/out-NAME)
    local name=$1 log="$work/time.txt" status=0
    shift
    /usr/bin/time -v -o "$log" "$@" "$corpus" >"$work/out-$name" 2>"$work/err.txt" || status=$?
    # whosaid exits 2 when some documents are error records; anything else failed.
    if [ "$status" != 0 ] && [ "$status" != 2 ]; then
        note "bench: $name failed with status $status"; cat "$work/err.txt" "$log" >&2; return 1
    fi
    awk -F': ' '
        /Elapsed \(wall clock\)/ { n = split($2, p, ":"); w = 0; for (i = 1; i <= n; i++) w = w * 60 + p[i] }
        /Maximum resident/ { r = $2 }
        END { printf "%.3f %d\n", w, r }' "$log"
}

# The contestants, in the order they alternate within a round.
names=()
declare -A cmd
for t in $threads_list; do
    names+=("whosaid-$t"); cmd[whosaid-$t]="$bin extract --jsonl --format jsonl -q --threads $t"
    if [ -n "$baseline" ]; then
        names+=("baseline-$t"); cmd[baseline-$t]="$baseline extract --jsonl --format jsonl -q --threads $t"
    fi
done
names+=(python floor)
cmd[python]="python3 scripts/naive_quotes.py"
cmd[floor]="$floor"

declare -A walls rsss
for r in $(seq 1 "$rounds"); do
    for name in "${names[@]}"; do
        note "bench: round $r/$rounds: $name"
        # shellcheck disable=SC2086 # the command is words on purpose
        read -r wall rss <<<"$(run "$name" ${cmd[$name]})"
        walls[$name]+="$wall "
        rsss[$name]+="$rss "
    done
    first=${names[0]}
    for name in "${names[@]}"; do
        case $name in whosaid-* | baseline-*)
            # (BENCH_ALLOW_DIFF=1: a baseline from before a quality change
            # writes other records; its speed still compares.)
            [ "${BENCH_ALLOW_DIFF:-0}" != 0 ] && [ "${name#baseline-}" != "$name" ] && continue
            cmp -s "$work/out-$first" "$work/out-$name" ||
                { note "bench: the output of $name differs from $first's"; exit 1; } ;;
        esac
    done
done

median() { tr ' ' '\n' | grep . | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
maxof() { tr ' ' '\n' | grep . | sort -g | tail -1; }

ref=whosaid-$(echo "$threads_list" | awk '{ print $1 }')
ref_wall=$(median <<<"${walls[$ref]}")
text_mb=$(awk -v b="$text_bytes" 'BEGIN { printf "%.1f", b / 1e6 }')
file_mb=$(awk -v b="$file_bytes" 'BEGIN { printf "%.1f", b / 1e6 }')

echo "## whosaid extract on article text: $text_mb MB of text in a $file_mb MB JSONL file ($docs documents)"
echo
echo "$(nproc) cores, $rounds alternating rounds, medians; $(date -u +%Y-%m-%dT%H:%MZ); \`$("$bin" --version)\`."
echo "Speed is relative to $ref (above 1: faster than it)."
echo
echo "| run | seconds (runs) | MB/s of text | MB/s of file | peak RSS (MB) | speed relative to $ref |"
echo "|---|---|---:|---:|---:|---:|"
for name in "${names[@]}"; do
    w=$(median <<<"${walls[$name]}")
    rss=$(maxof <<<"${rsss[$name]}")
    awk -v n="$name" -v runs="${walls[$name]% }" -v w="$w" -v r="$rss" -v t="$text_bytes" -v f="$file_bytes" -v base="$ref_wall" 'BEGIN {
        gsub(/ /, ", ", runs)
        printf "| %s | %s | %.1f | %.1f | %.1f | %.2f× |\n", n, runs, t / 1e6 / w, f / 1e6 / w, r / 1024, base / w }'
done
echo
speed() { awk -v a="$(median <<<"${walls[$1]}")" -v b="$(median <<<"${walls[$2]}")" 'BEGIN { printf "%.2f", b / a }'; }
echo "whosaid, $ref: $(speed "$ref" python)× the naive Python scan (target ≥ 1.2), $(speed "$ref" floor)× the floor (target ≥ 0.5)."
for name in "${names[@]}"; do
    case $name in
        "$ref") ;;
        whosaid-*) echo "whosaid, $name: $(speed "$name" "$ref")× $ref (target for 2 threads ≥ 1.7), $(speed "$name" python)× the Python scan, $(speed "$name" floor)× the floor." ;;
        baseline-*) echo "whosaid, whosaid-${name#baseline-}: $(speed "whosaid-${name#baseline-}" "$name")× the baseline binary at the same thread count." ;;
    esac
done
echo
echo "Output: $(wc -l <"$work/out-$ref") records, identical for every whosaid run."

if [ "${BENCH_STAGES:-0}" != 0 ]; then
    # Stage by stage, in pipeline order (examples/stage_profile.rs): each
    # stage meets the caches the others left, as in a real run.
    note "bench: per-stage profile (examples/stage_profile.rs)"
    cargo build --release --quiet --example stage_profile
    echo
    echo "## Per-stage profile: $(basename "$source_corpus")"
    echo
    "$target/release/examples/stage_profile" "$source_corpus" | sed 1,2d
fi
