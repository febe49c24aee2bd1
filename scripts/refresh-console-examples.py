#!/usr/bin/env python3
"""Re-runs the ```console examples of README.md and docs/*.md whose output changed, and
writes the binary's output into them (what tests/readme.rs checks). An example's `...`
lines are kept: the head and tail lines around them are refreshed, the middle stays elided.

    python3 scripts/refresh-console-examples.py [target/release/whosaid] [FILE.md ...]
"""
import os
import subprocess
import sys
import tempfile

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
args = sys.argv[1:]
binary = os.path.abspath(args.pop(0)) if args and not args[0].endswith(".md") else os.path.join(root, "target/release/whosaid")
files = args or ["README.md"] + [os.path.join("docs", f) for f in sorted(os.listdir(os.path.join(root, "docs"))) if f.endswith(".md")]

scratch = tempfile.mkdtemp()
for name in ("data", "tests", "docs"):
    os.symlink(os.path.join(root, name), os.path.join(scratch, name))
open(os.path.join(scratch, "empty.txt"), "w").close()
env = dict(os.environ, PATH=os.path.dirname(binary) + ":" + os.environ.get("PATH", ""))
env.pop("COLUMNS", None)


def run(command):
    out = subprocess.run(["sh", "-c", command], cwd=scratch, env=env, capture_output=True, text=True)
    return [l.rstrip() for l in (out.stdout + out.stderr).splitlines()]


def refreshed(expected, got):
    if "..." not in expected:
        return got
    i = expected.index("...")
    head, tail = expected[:i], expected[i + 1:]
    return got[:len(head)] + ["..."] + (got[len(got) - len(tail):] if tail else [])


for path in files:
    lines = open(os.path.join(root, path), encoding="utf-8").read().split("\n")
    out, k, changed = [], 0, 0
    while k < len(lines):
        out.append(lines[k])
        if lines[k].strip() != "```console":
            k += 1
            continue
        k += 1
        while k < len(lines) and lines[k].strip() != "```":
            if not lines[k].startswith("$ "):
                out.append(lines[k])
                k += 1
                continue
            command = lines[k][2:]
            out.append(lines[k])
            k += 1
            expected = []
            while k < len(lines) and lines[k].strip() != "```" and not lines[k].startswith("$ "):
                expected.append(lines[k])
                k += 1
            new = refreshed(expected, run(command))
            changed += new != expected
            out.extend(new)
    open(os.path.join(root, path), "w", encoding="utf-8").write("\n".join(out))
    print(f"{path}: {changed} example(s) refreshed")
