#!/usr/bin/env python3
"""Runs ssbcell once (and optionally a reference run) and checks its outputs:
summary.json values, statistics.csv columns, the files of the output folder.

  check_run.py --ssbcell BIN [--prm FILE] [--set NAME=VALUE]... [--mpi N]
      [--expect KEY=VALUE+-TOL]... [--expect-max KEY=BOUND]... [--expect-min KEY=BOUND]...
      [--expect-text KEY=TEXT]... [--columns c1,c2,...] [--files f1,f2,...]
      [--reference-mpi N --reference-set NAME=VALUE... --same KEY+-RELTOL...]

KEY is a dotted path into summary.json (list indices as numbers). A
reference run uses the same file; --same compares KEY of both runs with a
relative tolerance.
"""
import argparse
import csv
import json
import os
import subprocess
import sys


def run(args, mpi, sets, out_dir):
    cmd = [args.ssbcell] + ([args.prm] if args.prm else []) + ["--quiet", "--output", out_dir]
    for s in sets:
        cmd += ["--set", s]
    if mpi > 1:
        cmd = ["mpirun", "-np", str(mpi), "--oversubscribe"] + cmd
    env = dict(os.environ, OMPI_ALLOW_RUN_AS_ROOT="1", OMPI_ALLOW_RUN_AS_ROOT_CONFIRM="1")
    done = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=1200)
    print("$ " + " ".join(cmd) + f"\n  exit status {done.returncode}")
    if done.returncode != 0:
        print(done.stderr)
        sys.exit("FAIL: the run did not succeed")
    with open(os.path.join(out_dir, "summary.json")) as f:
        return json.load(f)


def lookup(summary, key):
    node = summary
    for part in key.split("."):
        node = node[int(part)] if isinstance(node, list) else node[part]
    return node


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--ssbcell", required=True)
    p.add_argument("--prm", default=None)
    p.add_argument("--set", action="append", default=[])
    p.add_argument("--mpi", type=int, default=1)
    p.add_argument("--output", default="check_run_output")
    p.add_argument("--expect", action="append", default=[])
    p.add_argument("--expect-max", action="append", default=[])
    p.add_argument("--expect-min", action="append", default=[])
    p.add_argument("--expect-text", action="append", default=[])
    p.add_argument("--columns", default="")
    p.add_argument("--files", default="")
    p.add_argument("--reference-mpi", type=int, default=0)
    p.add_argument("--reference-set", action="append", default=[])
    p.add_argument("--same", action="append", default=[])
    args = p.parse_args()

    failures = []
    summary = run(args, args.mpi, args.set, os.path.join(args.output, "run"))
    for e in args.expect:
        key, rest = e.split("=", 1)
        value, tol = (float(x) for x in rest.split("+-"))
        got = float(lookup(summary, key))
        status = "ok" if abs(got - value) <= tol else "FAIL"
        print(f"  {key} = {got:.10g} (expected {value:g} +- {tol:g}) {status}")
        if status != "ok":
            failures.append(key)
    for e in args.expect_max:
        key, bound = e.split("=", 1)
        got = float(lookup(summary, key))
        status = "ok" if got <= float(bound) else "FAIL"
        print(f"  {key} = {got:.4g} (at most {bound}) {status}")
        if status != "ok":
            failures.append(key)
    for e in args.expect_min:
        key, bound = e.split("=", 1)
        got = float(lookup(summary, key))
        status = "ok" if got >= float(bound) else "FAIL"
        print(f"  {key} = {got:.4g} (at least {bound}) {status}")
        if status != "ok":
            failures.append(key)
    for e in args.expect_text:
        key, text = e.split("=", 1)
        got = str(lookup(summary, key))
        status = "ok" if got == text else "FAIL"
        print(f"  {key} = '{got}' (expected '{text}') {status}")
        if status != "ok":
            failures.append(key)
    out_dir = os.path.join(args.output, "run")
    if args.columns:
        with open(os.path.join(out_dir, "statistics.csv")) as f:
            header = next(csv.reader(f))
            rows = sum(1 for _ in f)
        wanted = args.columns.split(",")
        status = "ok" if header[: len(wanted)] == wanted and rows > 0 else "FAIL"
        print(f"  statistics.csv columns {header}, {rows} rows {status}")
        if status != "ok":
            failures.append("columns")
    for name in filter(None, args.files.split(",")):
        status = "ok" if os.path.exists(os.path.join(out_dir, name)) else "FAIL"
        print(f"  file {name} {status}")
        if status != "ok":
            failures.append(name)
    if args.reference_mpi:
        reference = run(args, args.reference_mpi, args.reference_set,
                        os.path.join(args.output, "reference"))
        for e in args.same:
            key, tol = e.split("+-")
            a, b = float(lookup(summary, key)), float(lookup(reference, key))
            rel = abs(a - b) / max(abs(b), 1e-300)
            status = "ok" if rel <= float(tol) else "FAIL"
            print(f"  {key}: {a:.12g} vs reference {b:.12g} (relative {rel:.2e} <= {tol}) {status}")
            if status != "ok":
                failures.append(key)
    print("PASS" if not failures else f"FAIL: {', '.join(failures)}")
    sys.exit(0 if not failures else 1)


if __name__ == "__main__":
    main()
