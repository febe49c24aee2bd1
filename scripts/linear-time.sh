#!/usr/bin/env bash
# Linear time (issue 9): for each pathological shape of input, times
# `whosaid extract -q --format jsonl` on a document of size S and one of
# size 10·S (best of 3 runs each) and prints a markdown table. The
# acceptance criterion is time(10S) / time(S) <= 12 for every shape; the
# script exits 1 if a shape is over.
#
#   scripts/linear-time.sh            # all shapes (2 to 4 minutes on 2 cores)
#   scripts/linear-time.sh marks huge # only these shapes
#   SCALE=0.1 scripts/linear-time.sh  # smaller inputs, for a quick look
#   WHOSAID=path/to/whosaid scripts/linear-time.sh  # time another binary
#   (also RUNS=3: runs per size; CAP=60: seconds before a run is stopped)
#
# Inputs are generated into a mktemp folder and removed at the end.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
if [[ -n "${WHOSAID:-}" ]]; then
  bin="$WHOSAID" # another build, e.g. to compare a change
else
  cargo build --release --quiet --bin whosaid
  bin="$root/target/release/whosaid"
fi
scale="${SCALE:-1}"
runs="${RUNS:-3}"
cap="${CAP:-60}" # seconds: a run over this is stopped (and over the limit)
limit=12

work="$(mktemp -d "${TMPDIR:-/tmp}/whosaid-linear.XXXXXX")"
trap 'rm -rf "$work"' EXIT

# shape | unit of S | S (in units) | what it is
shapes=(
  "marks|quote marks|100000|mixed “ ” \" ' ‘ ’ marks, some words, one paragraph"
  "huge|MB|20|one line of words, no punctuation, no line break"
  "nested|levels|100000|“a ‘b “a ‘b … deep, then every closer, one paragraph"
  "scoped|marks|200000|‘ ‹‹‹… “ then ’’’…: single closers under an open double mark"
  "nopunct|MB|1|hard-wrapped words and names, no punctuation (one paragraph)"
  "apostrophes|apostrophes|1000000|one line of ' and ’"
  "cues|cue words|200000|said says told according to … on one line"
  "names|names|100000|capitalised names on one line"
  "speakers|quotations|10000|“…,” Name said. with distinct speakers, one paragraph"
  "paragraphs|paragraphs|5000|short paragraphs with quotations and names"
  "split|quotations|2000|“…,” Ann Ortiz said at the talks. “…” in one paragraph"
  "claims|paragraphs|2000|Ortiz rejected the claim that …. “…,” he said."
  "unattributed|paragraphs|5000|paragraphs that are one quotation each"
  "running|paragraphs|5000|one quotation re-opened in every paragraph, a cue in each"
  "possessive|sentences|5000|Trump's claim that … (possessive claims)"
  "cr|lines|100000|short lines ending in a lone CR"
)

# gen SHAPE N FILE: writes the input of SHAPE at size N (units of the table).
gen() {
  python3 - "$1" "$2" "$3" <<'PY'
import random, sys
shape, n, path = sys.argv[1], int(sys.argv[2]), sys.argv[3]
rng = random.Random(9)
first = ["Ann", "Omar", "Li", "Karen", "Jose", "Mira", "Tom", "Ines", "Yuki", "Abdul"]
last = ["Ortiz", "Walsh", "Chen", "Reyes", "Okafor", "Novak", "Haddad", "Kim", "Silva", "Berg"]
words = "the minister talks said that Smith they told according to report week plan".split()

def name(i):
    # Distinct names: a first and last name and a number-free suffix.
    return f"{first[i % 10]} {last[(i // 10) % 10]}{'son' * (i // 100 % 3)} {chr(65 + i // 300 % 26)}{chr(97 + i // 7800 % 26)}"

with open(path, "w", encoding="utf-8") as f:
    out = []
    if shape == "marks":
        marks = ["“", "”", '"', "'", "‘", "’"]
        fill = [" ", "a", " word ", ",", ". "]
        for i in range(n):
            out.append(rng.choice(marks))
            if rng.random() < 0.5:
                out.append(rng.choice(fill))
    elif shape == "huge":
        chunk = " ".join(rng.choice(words) for _ in range(20000)) + " "
        size = n * 1_000_000
        reps = size // len(chunk) + 1
        for _ in range(reps):
            f.write(chunk)
        f.write("\n")
    elif shape == "nested":
        out.append("“a ‘b " * (n // 2))
        out.append("deep ")
        out.append("x,’ y,” " * (n // 2))
        out.append("she said.\n")
    elif shape == "scoped":
        out.append("‘" + "‹" * (n // 2) + "“" + "’" * (n // 2) + "\n")
    elif shape == "nopunct":
        size = n * 1_000_000
        line_words, total = [], 0
        while total < size:
            w = rng.choice(words + first + last)
            line_words.append(w)
            total += len(w) + 1
            if sum(len(x) + 1 for x in line_words) > 70:
                out.append(" ".join(line_words) + "\n")
                line_words = []
        out.append(" ".join(line_words) + "\n")
    elif shape == "apostrophes":
        out.append("".join(rng.choice("''’") for _ in range(n)))
        out.append("\n")
    elif shape == "cues":
        cues = ["said", "says", "told", "according to", "added", "warned", "said that", "claimed"]
        out.append(" ".join(rng.choice(cues) for _ in range(n)))
        out.append("\n")
    elif shape == "names":
        out.append(" ".join(name(i) for i in range(n)))
        out.append("\n")
    elif shape == "speakers":
        for i in range(n):
            out.append(f"“We will talk about plan {i},” {name(i)} said. ")
        out.append("\n")
    elif shape == "paragraphs":
        for i in range(n):
            k = i % 3
            if k == 0:
                out.append(f"“Yes, we will,” said {name(i)}.\n\n")
            elif k == 1:
                out.append(f"{name(i)} said the talks would resume.\n\n")
            else:
                out.append("The talks went on.\n\n")
    elif shape == "split":
        out.append(" ".join("“We will go on,” Ann Ortiz said at the talks. “Then we will stop.”" for _ in range(n)))
        out.append("\n")
    elif shape == "claims":
        out.append("\n\n".join("Ortiz rejected the claim that the talks failed. “Yes, we will,” he said." for _ in range(n)))
    elif shape == "unattributed":
        out.append("\n\n".join("“We will go on with the talks.”" for _ in range(n)))
    elif shape == "running":
        out.append("“He said yes and they told us so.\n\n" * n + "“End,” she said.\n")
    elif shape == "possessive":
        out.append("Trump's claim that the talks failed was wrong. " * n + "\n")
    elif shape == "cr":
        for i in range(n):
            out.append(f"the talks went on and Ann Ortiz said no {i % 10}\r")
    f.write("".join(out))
PY
}

# best PATH: the best of $runs wall-clock times of whosaid on PATH, in
# seconds (one run when it takes over 5 s: noise is small beside it), or
# ">CAP" when a run takes over $cap seconds.
best() {
  local best="" t0 t1 t rc
  for _ in $(seq "$runs"); do
    t0=$(date +%s.%N)
    rc=0
    timeout "$cap" "$bin" extract -q --format jsonl "$1" >/dev/null || rc=$?
    t1=$(date +%s.%N)
    if ((rc == 124)); then
      echo ">$cap"
      return
    elif ((rc != 0)); then
      echo "whosaid failed (exit $rc) on $1" >&2
      exit 2
    fi
    t=$(echo "$t1 - $t0" | bc -l)
    if [[ -z "$best" ]] || (($(echo "$t < $best" | bc -l))); then best=$t; fi
    if (($(echo "$best > 5" | bc -l))); then break; fi
  done
  printf '%.3f' "$best"
}

want=("$@")
fail=0
echo "| shape | S | time(S) s | time(10S) s | ratio |"
echo "|---|---|---:|---:|---:|"
for entry in "${shapes[@]}"; do
  IFS='|' read -r shape unit size what <<<"$entry"
  if ((${#want[@]})) && [[ ! " ${want[*]} " == *" $shape "* ]]; then continue; fi
  s=$(python3 -c "print(max(1, int($size * $scale)))")
  small="$work/$shape-1.txt"
  big="$work/$shape-10.txt"
  gen "$shape" "$s" "$small"
  gen "$shape" $((s * 10)) "$big"
  t1=$(best "$small")
  t10=$(best "$big")
  bytes=$(stat -c %s "$small")
  if [[ "$t1" == ">"* ]]; then
    ratio="?"
    fail=1
  else
    # A run stopped at the cap gives a lower bound of the ratio.
    over=""
    [[ "$t10" == ">"* ]] && over=">"
    ratio=$(printf '%s%.1f' "$over" "$(echo "${t10#>} / ($t1 + 0.0005)" | bc -l)")
    if (($(echo "${ratio#>} > $limit" | bc -l))); then
      ratio="$ratio **over $limit**"
      fail=1
    fi
  fi
  printf '| %s (%s) | %s %s (%s bytes) | %s | %s | %s |\n' \
    "$shape" "$what" "$s" "$unit" "$bytes" "$t1" "$t10" "$ratio"
  rm -f "$small" "$big"
done
exit "$fail"
