#!/usr/bin/env python3
"""Inputs for the scaling rows of BENCHMARKS.md (hostile-input sizes, issue #9).

    bench/scale.py OUT_DIR SCALE [CASE...]

writes (all cases, or only the CASEs named: keys, findings, didyoumean,
documents, objects), for SCALE = 1 (the sizes the issue measured), 10 or
more (`objects` at 100 is the 1,000,000-object lint run):

* keys.yaml      one RateLimitStrategy whose spec has 80,000 x SCALE unknown keys
                 (duplicate-key check, one unknown-field finding per key);
* findings.yaml  4,000 x SCALE invalid RateLimitStrategy documents in one file
                 (one finding each; rendered in the human format);
* didyoumean/    1,000 x SCALE FaultToleranceRules whose strategy names are typos
                 of existing ones (10,000 x SCALE lint "did you mean" findings);
* documents.yaml 100,000 x SCALE invalid documents in one file (per-file statuses);
* objects/       10,000 x SCALE objects over 100 files (strategies and the rules
                 using them; one lint run).
"""

import os
import sys


def write(path, text):
    with open(path, "w") as f:
        f.write(text)


def strategy(i, spec_extra="", threshold="100"):
    return (
        "apiVersion: fault-tolerance.opensergo.io/v1alpha1\n"
        "kind: RateLimitStrategy\n"
        f"metadata:\n  name: rl-{i}\n  labels:\n    app: app-{i % 100}\n"
        "spec:\n  metricType: RequestAmount\n  limitMode: Local\n"
        f"  threshold: {threshold}\n  statDurationSeconds: 1\n{spec_extra}"
    )


def main():
    out, scale = sys.argv[1], int(sys.argv[2])
    cases = set(sys.argv[3:]) or {"keys", "findings", "didyoumean", "documents", "objects"}
    os.makedirs(out, exist_ok=True)
    if "keys" in cases:
        write_keys(out, scale)
    if "findings" in cases:
        write_findings(out, scale)
    if "didyoumean" in cases:
        write_didyoumean(out, scale)
    if "documents" in cases:
        write_documents(out, scale)
    if "objects" in cases:
        write_objects(out, scale)


def write_keys(out, scale):
    keys = "".join(f"  unknown{i}: {i}\n" for i in range(80_000 * scale))
    write(os.path.join(out, "keys.yaml"), strategy(0, keys))


def write_findings(out, scale):
    write(
        os.path.join(out, "findings.yaml"),
        "---\n".join(strategy(i, threshold="ten") for i in range(4_000 * scale)),
    )


def write_didyoumean(out, scale):
    d = os.path.join(out, "didyoumean")
    os.makedirs(d, exist_ok=True)
    rules = []
    for i in range(1_000 * scale):
        app = f"app-{i % 100}"
        rules.append(strategy(i))
        refs = "".join(
            f"    - name: rl-{i}x{j}\n      kind: RateLimitStrategy\n" for j in range(10)
        )
        rules.append(
            "apiVersion: fault-tolerance.opensergo.io/v1alpha1\nkind: FaultToleranceRule\n"
            f"metadata:\n  name: rule-{i}\n  labels:\n    app: {app}\n"
            f"spec:\n  targets:\n    - targetResourceName: 'GET:/r{i}'\n  strategies:\n{refs}"
        )
    write(os.path.join(d, "rules.yaml"), "---\n".join(rules))


def write_documents(out, scale):
    write(
        os.path.join(out, "documents.yaml"),
        "".join(
            f"---\napiVersion: fault-tolerance.opensergo.io/v1alpha1\nkind: RateLimitStrategy\nmetadata: {{name: d{i}}}\nspec: {{threshold: ten}}\n"
            for i in range(100_000 * scale)
        ),
    )


def write_objects(out, scale):
    d = os.path.join(out, "objects")
    os.makedirs(d, exist_ok=True)
    per_file = 50 * scale
    for f in range(100):
        docs = []
        for k in range(per_file):
            i = f * per_file + k
            docs.append(strategy(i))
            docs.append(
                "apiVersion: fault-tolerance.opensergo.io/v1alpha1\nkind: FaultToleranceRule\n"
                f"metadata:\n  name: rule-{i}\n  labels:\n    app: app-{i % 100}\n"
                f"spec:\n  targets:\n    - targetResourceName: 'GET:/r{i}'\n"
                f"  strategies:\n    - name: rl-{i}\n      kind: RateLimitStrategy\n"
            )
        write(os.path.join(d, f"f{f:03}.yaml"), "---\n".join(docs))


if __name__ == "__main__":
    main()
