#!/usr/bin/env python3
"""Deterministic corpus generator for the `opensergo validate` benchmark.

Python 3.11 standard library only. Writes (default OUT=/tmp/opensergo-bench/corpus):

  OUT/mixed/f-NNNNN.yaml          N multi-document files (`---`), 1-3 documents each
                                  (mean ~2), kinds mixed, as a real rule repository
                                  looks; ~5% of the files hold exactly one invalid document.
  OUT/split/<Kind>/f-NNNNN-D.yaml the SAME documents, one per file (document D of
                                  mixed/f-NNNNN.yaml, byte-identical text), grouped by
                                  kind: the input for peer validators, which take one
                                  schema per invocation and (check-jsonschema, ajv-cli)
                                  cannot read multi-document YAML.
  OUT/manifest.json               seed, counts per kind, expected invalid files/documents.
  OUT/invalid-mixed.txt           relative paths of the mixed files that must fail.
  OUT/invalid-split.txt           relative paths of the split files that must fail.
  OUT/kinds.tsv                   Kind, apiVersion, document count (for validate-bench.sh).

Every invalid document violates the exported JSON Schema (draft 2020-12) of its kind
(wrong type, enum violation or missing required field), so every tool - opensergo
and the peers - must report exactly the same set.

Usage: gen_corpus.py [--files N] [--seed S] [--out DIR] [--invalid-ratio R] [--no-split]
The output directory is emptied first (only if it looks like a corpus we wrote, or
is empty) and must not be inside a git work tree.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
from pathlib import Path

FT = "fault-tolerance.opensergo.io/v1alpha1"
TR = "traffic.opensergo.io/v1alpha1"
DB = "database.opensergo.io/v1alpha1"

# kind -> (apiVersion, relative weight). Weights give ~60% fault tolerance, ~15%
# traffic, ~25% database documents.
KINDS = {
    "RateLimitStrategy": (FT, 16),
    "ThrottlingStrategy": (FT, 8),
    "ConcurrencyLimitStrategy": (FT, 10),
    "CircuitBreakerStrategy": (FT, 10),
    "FaultToleranceRule": (FT, 16),
    "TrafficRouter": (TR, 15),
    "DatabaseEndpoint": (DB, 10),
    "VirtualDatabase": (DB, 6),
    "ReadWriteSplitting": (DB, 5),
    "DistributedTransaction": (DB, 4),
}

APPS = ["order", "checkout", "payment", "user", "search", "cart", "catalog",
        "inventory", "shipping", "review", "login", "billing"]
NAMESPACES = ["shop", "default", "prod", "staging", "gray"]
UNITS = ["ms", "s", "min", "m", "h"]


def header(kind: str, name: str, ns: str, app: str, comment: str | None) -> str:
    api = KINDS[kind][0]
    lines = []
    if comment:
        lines.append(f"# {comment}")
    lines += [
        f"apiVersion: {api}",
        f"kind: {kind}",
        "metadata:",
        f"  name: {name}",
        f"  namespace: {ns}",
        "  labels:",
        f"    app: {app}-service",
    ]
    return "\n".join(lines) + "\n"


# Each builder returns (spec_lines, mutations) where mutations maps a mutation id to a
# function that rewrites spec_lines into an invalid spec. Mutation ids name the
# violation class: type / enum / required.
def rate_limit(r: random.Random, ctx: dict):
    f = {
        "metricType": "RequestAmount",
        "limitMode": r.choice(["Local", "Global"]),
        "threshold": str(r.randrange(1, 5000)),
        "statDurationSeconds": str(r.choice([1, 1, 1, 5, 10, 60])),
    }
    muts = {
        "type:threshold-string": lambda d: d.__setitem__("threshold", f'"{d["threshold"]}"'),
        "enum:limitMode": lambda d: d.__setitem__("limitMode", "GlobalToLocal"),
        "required:threshold": lambda d: d.pop("threshold"),
    }
    return f, muts


def throttling(r: random.Random, ctx: dict):
    f = {
        "minIntervalOfRequests": f"'{r.choice([0, 5, 10, 20, 50, 100])}ms'",
        "queueTimeout": f"'{r.choice([100, 200, 500, 1000])}ms'",
    }
    muts = {
        "type:queueTimeout-int": lambda d: d.__setitem__("queueTimeout", "500"),
        "required:queueTimeout": lambda d: d.pop("queueTimeout"),
    }
    return f, muts


def concurrency(r: random.Random, ctx: dict):
    f = {
        "maxConcurrency": str(r.randrange(1, 512)),
        "limitMode": r.choice(["Local", "Global"]),
    }
    muts = {
        "type:maxConcurrency-string": lambda d: d.__setitem__("maxConcurrency", f'"{d["maxConcurrency"]}"'),
        "enum:limitMode-lower": lambda d: d.__setitem__("limitMode", "local"),
        "required:limitMode": lambda d: d.pop("limitMode"),
    }
    return f, muts


def circuit_breaker(r: random.Random, ctx: dict):
    slow = r.random() < 0.5
    f = {
        "strategy": "SlowRequestRatio" if slow else "ErrorRequestRatio",
        "triggerRatio": f"'{r.choice([10, 25, 50, 60, 80])}%'",
        "statDuration": f"'{r.choice([10, 30, 60])}s'",
        "recoveryTimeout": f"'{r.choice([5, 10, 30])}s'",
        "minRequestAmount": str(r.randrange(1, 100)),
    }
    if slow:
        f["slowConditions"] = f"\n    maxAllowedRt: '{r.choice([100, 200, 500])}ms'"
    else:
        f["errorConditions"] = "\n    representation: 'HTTP 5xx'"
    muts = {
        "enum:strategy": lambda d: d.__setitem__("strategy", "ErrorCount"),
        "type:minRequestAmount-string": lambda d: d.__setitem__("minRequestAmount", f'"{d["minRequestAmount"]}"'),
        "required:statDuration": lambda d: d.pop("statDuration"),
    }
    return f, muts


def ft_rule(r: random.Random, ctx: dict):
    app = ctx["app"]
    targets = "".join(
        f"\n    - targetResourceName: '{m}:/api/{app}/{p}'"
        for m, p in r.sample([("GET", "list"), ("POST", "create"), ("GET", "{id}"),
                              ("PUT", "{id}"), ("DELETE", "{id}")], r.randrange(1, 4)))
    strategies = [("RateLimitStrategy", f"{app}-rate-limit")]
    if r.random() < 0.5:
        strategies.append(("ConcurrencyLimitStrategy", f"{app}-concurrency-limit"))
    f = {
        "targets": targets,
        "strategies": "".join(f"\n    - name: {n}\n      kind: {k}" for k, n in strategies),
    }
    muts = {
        "enum:strategies-kind": lambda d: d.__setitem__(
            "strategies", d["strategies"].replace("kind: RateLimitStrategy", "kind: ThrottlingStrategy", 1)),
        "type:targets-string": lambda d: d.__setitem__("targets", f"'POST:/api/{app}/create'"),
        "required:strategies-name": lambda d: d.__setitem__(
            "strategies", d["strategies"].replace(f"- name: {app}-rate-limit\n      kind:", "- kind:", 1)),
    }
    return f, muts


def traffic_router(r: random.Random, ctx: dict):
    host = f"{ctx['app']}-service"
    canary = r.choice([5, 10, 20, 50])
    http = (
        f"\n    - name: gray-by-header"
        f"\n      match:\n        - headers:\n            x-opensergo-tag:\n              exact: gray"
        f"\n      route:\n        - destination:\n            host: {host}\n            subset: gray"
        f"\n            fallback:\n              host: {host}\n              subset: stable"
        f"\n    - name: canary"
        f"\n      match:\n        - uri:\n            prefix: /api/v{r.randrange(2, 5)}/"
        f"\n      route:\n        - destination:\n            host: {host}\n            subset: stable"
        f"\n          weight: {100 - canary}"
        f"\n        - destination:\n            host: {host}\n            subset: gray"
        f"\n          weight: {canary}"
        f"\n    - name: default"
        f"\n      route:\n        - destination:\n            host: {host}\n            subset: stable"
    )
    f = {"hosts": f"\n    - {host}", "http": http}
    muts = {
        "type:weight-string": lambda d: d.__setitem__(
            "http", d["http"].replace(f"weight: {100 - canary}", f'weight: "{100 - canary}"', 1)),
        "type:hosts-string": lambda d: d.__setitem__("hosts", host),
    }
    return f, muts


def db_endpoint(r: random.Random, ctx: dict):
    ip = f"10.{r.randrange(0, 255)}.{r.randrange(0, 255)}.{r.randrange(1, 255)}"
    db = f"{ctx['app']}_db"
    f = {
        "database": (
            f"\n    MySQL:"
            f"\n      url: jdbc:mysql://{ip}:3306/{db}?serverTimezone=UTC&useSSL=false"
            f"\n      username: {ctx['app']}_app"
            f"\n      password: change-me"
            f"\n      connectionTimeout: {r.choice([10000, 30000])}"
            f"\n      maxPoolSize: {r.choice([10, 20, 50])}"
            f"\n      minPoolSize: 1"
        ),
    }
    muts = {
        "type:maxPoolSize-string": lambda d: d.__setitem__(
            "database", d["database"].replace("maxPoolSize: ", 'maxPoolSize: "', 1).replace(
                "\n      minPoolSize", '"\n      minPoolSize', 1)),
        "required:username": lambda d: d.__setitem__(
            "database", "\n".join(l for l in d["database"].split("\n") if "username:" not in l)),
    }
    return f, muts


def virtual_db(r: random.Random, ctx: dict):
    app = ctx["app"]
    port = r.choice([3306, 3307, 13306])
    f = {
        "services": (
            f"\n    - name: {app}-db"
            f"\n      databaseMySQL:"
            f"\n        db: {app}_db"
            f"\n        host: localhost"
            f"\n        port: {port}"
            f"\n        user: {app}_app"
            f"\n        password: change-me"
            f"\n      readWriteSplitting: {app}-db-rw"
        ),
    }
    muts = {
        "type:port-string": lambda d: d.__setitem__(
            "services", d["services"].replace(f"port: {port}", f'port: "{port}"', 1)),
        "required:host": lambda d: d.__setitem__(
            "services", d["services"].replace("\n        host: localhost", "", 1)),
    }
    return f, muts


def rw_splitting(r: random.Random, ctx: dict):
    app = ctx["app"]
    lb = r.choice(["ROUND_ROBIN", "RANDOM"])
    lbn = lb.lower().replace("_", "-")
    f = {
        "rules": (
            f"\n    staticStrategy:"
            f"\n      writeDataSourceName: {app}-db-primary"
            f"\n      readDataSourceNames:"
            + "".join(f"\n        - {app}-db-replica-{i}" for i in range(r.randrange(1, 4)))
            + f"\n      loadBalancerName: {lbn}"
            f"\n    loadBalancers:"
            f"\n      - loadBalancerName: {lbn}"
            f"\n        type: {lb}"
        ),
    }
    muts = {
        "enum:loadBalancer-type": lambda d: d.__setitem__(
            "rules", d["rules"].replace(f"type: {lb}", "type: LEAST_CONN", 1)),
        "required:writeDataSourceName": lambda d: d.__setitem__(
            "rules", d["rules"].replace(f"\n      writeDataSourceName: {app}-db-primary", "", 1)),
    }
    return f, muts


def dist_txn(r: random.Random, ctx: dict):
    t = r.choice(["xa", "base", "local"])
    f = {"transaction": f"\n    defaultType: {t}" + ("\n    providerType: Atomikos" if t == "xa" else "")}
    muts = {
        "enum:defaultType": lambda d: d.__setitem__(
            "transaction", d["transaction"].replace(f"defaultType: {t}", "defaultType: XA", 1)),
    }
    return f, muts


BUILDERS = {
    "RateLimitStrategy": (rate_limit, "rate-limit"),
    "ThrottlingStrategy": (throttling, "throttling"),
    "ConcurrencyLimitStrategy": (concurrency, "concurrency-limit"),
    "CircuitBreakerStrategy": (circuit_breaker, "breaker"),
    "FaultToleranceRule": (ft_rule, "rule"),
    "TrafficRouter": (traffic_router, "router"),
    "DatabaseEndpoint": (db_endpoint, "db-endpoint"),
    "VirtualDatabase": (virtual_db, "vdb"),
    "ReadWriteSplitting": (rw_splitting, "db-rw"),
    "DistributedTransaction": (dist_txn, "db-txn"),
}

COMMENTS = [None, None, None, None, "managed by the platform team",
            "限流规则：保护下游服务", "reviewed 2026-11", "canary rollout"]


def render_spec(fields: dict) -> str:
    out = ["spec:"]
    for k, v in fields.items():
        out.append(f"  {k}:{'' if v.startswith(chr(10)) else ' '}{v}")
    return "\n".join(out) + "\n"


def make_doc(r: random.Random, kind: str, file_no: int, doc_no: int, mutate: bool):
    app = r.choice(APPS)
    ns = r.choice(NAMESPACES)
    builder, suffix = BUILDERS[kind]
    fields, muts = builder(r, {"app": app})
    mutation = None
    if mutate:
        mutation = r.choice(sorted(muts))
        muts[mutation](fields)
    name = f"{app}-{suffix}-{file_no:05d}-{doc_no}"
    text = header(kind, name, ns, app, r.choice(COMMENTS)) + render_spec(fields)
    return text, mutation


def inside_git_tree(path: Path) -> bool:
    p = path.resolve()
    for parent in [p, *p.parents]:
        if (parent / ".git").exists():
            return True
    return False


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--files", "-n", type=int, default=5000)
    ap.add_argument("--seed", type=int, default=20261125)
    ap.add_argument("--out", type=Path, default=Path("/tmp/opensergo-bench/corpus"))
    ap.add_argument("--invalid-ratio", type=float, default=0.05)
    ap.add_argument("--no-split", action="store_true", help="skip the per-kind split copy")
    a = ap.parse_args()

    out: Path = a.out
    if inside_git_tree(out):
        print(f"refusing to write into a git work tree: {out}", file=sys.stderr)
        return 2
    if out.exists():
        if any(out.iterdir()) and not (out / "manifest.json").exists():
            print(f"{out} is not empty and holds no manifest.json: not touching it", file=sys.stderr)
            return 2
        shutil.rmtree(out)
    (out / "mixed").mkdir(parents=True)

    r = random.Random(a.seed)
    kinds = list(KINDS)
    weights = [KINDS[k][1] for k in kinds]
    n_invalid = round(a.files * a.invalid_ratio)
    # f-00000 stays valid: it is the single-file (pre-commit) benchmark input.
    invalid_files = set(r.sample(range(1, a.files), min(n_invalid, a.files - 1)))

    per_kind_docs = {k: 0 for k in kinds}
    per_kind_invalid = {k: 0 for k in kinds}
    invalid_mixed, invalid_split, invalid_docs = [], [], []
    split_files = {k: [] for k in kinds}
    total_docs = 0
    total_bytes = 0
    for i in range(a.files):
        ndocs = r.choices([1, 2, 3], weights=[1, 2, 1])[0]
        bad_doc = r.randrange(ndocs) if i in invalid_files else -1
        docs = []
        for d in range(ndocs):
            kind = r.choices(kinds, weights=weights)[0]
            text, mutation = make_doc(r, kind, i, d, d == bad_doc)
            docs.append((kind, text, mutation))
        rel = f"mixed/f-{i:05d}.yaml"
        body = "---\n".join(t for _, t, _ in docs)
        (out / rel).write_text(body, encoding="utf-8")
        total_bytes += len(body.encode())
        for d, (kind, text, mutation) in enumerate(docs):
            per_kind_docs[kind] += 1
            total_docs += 1
            srel = f"split/{kind}/f-{i:05d}-{d}.yaml"
            split_files[kind].append((srel, text))
            if mutation:
                per_kind_invalid[kind] += 1
                invalid_mixed.append(rel)
                invalid_split.append(srel)
                invalid_docs.append({"file": rel, "document": d, "kind": kind, "mutation": mutation,
                                     "split_file": srel})

    if not a.no_split:
        for kind, files in split_files.items():
            (out / "split" / kind).mkdir(parents=True, exist_ok=True)
            for srel, text in files:
                (out / srel).write_text(text, encoding="utf-8")

    (out / "invalid-mixed.txt").write_text("".join(p + "\n" for p in invalid_mixed))
    (out / "invalid-split.txt").write_text("".join(p + "\n" for p in sorted(invalid_split)))
    manifest = {
        "generator": "bench/gen_corpus.py",
        "seed": a.seed,
        "files": a.files,
        "documents": total_docs,
        "bytes": total_bytes,
        "invalid_files": len(invalid_mixed),
        "invalid_documents": len(invalid_docs),
        "kinds": {k: {"apiVersion": KINDS[k][0], "documents": per_kind_docs[k],
                      "invalid": per_kind_invalid[k]} for k in kinds},
        "split": not a.no_split,
        "invalid": invalid_docs,
    }
    (out / "manifest.json").write_text(json.dumps(manifest, indent=1) + "\n")
    # Kind<TAB>apiVersion<TAB>documents, for shell scripts (schema path = group/version/Kind.json).
    (out / "kinds.tsv").write_text("".join(
        f"{k}\t{KINDS[k][0]}\t{per_kind_docs[k]}\n" for k in kinds if per_kind_docs[k]))
    print(f"{out}: {a.files} files, {total_docs} documents, {total_bytes} bytes, "
          f"{len(invalid_mixed)} invalid files (seed {a.seed})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
