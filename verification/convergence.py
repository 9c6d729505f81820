#!/usr/bin/env python3
"""Runs one .prm case at several resolutions and asserts the observed order
of convergence of a summary.json quantity (default: the relative L2 error
against the exact solution). Standard library only.

  convergence.py --ssbcell BIN --prm FILE --vary NAME --values v1,v2,...
                 --h {inverse,direct,refinement} --order P --order-tolerance T
                 [--max-error E] [--set NAME=VALUE]... [--mpi N]
                 [--li-tolerance L] [--self-convergence KEY]

--h says how the mesh or step size h follows from the varied value:
'inverse' (a number of cells), 'direct' (a time step), 'refinement'
(h = 2^-value). With --self-convergence KEY the error of level k is
|KEY_k - KEY_{k+1}| (for problems without an exact solution).
"""
import argparse
import json
import math
import os
import subprocess
import sys


def run_case(args, value, out_dir):
    cmd = [args.ssbcell, args.prm, "--quiet", "--output", out_dir,
           "--set", f"{args.vary}={value}"]
    for s in args.set:
        cmd += ["--set", s]
    if args.mpi > 1:
        cmd = ["mpirun", "-np", str(args.mpi), "--oversubscribe"] + cmd
    env = dict(os.environ, OMPI_ALLOW_RUN_AS_ROOT="1", OMPI_ALLOW_RUN_AS_ROOT_CONFIRM="1")
    done = subprocess.run(cmd, env=env, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"FAIL: {' '.join(cmd)} exited with {done.returncode}\n{done.stderr}")
    with open(os.path.join(out_dir, "summary.json")) as f:
        return json.load(f)


def lookup(summary, key):
    node = summary
    for part in key.split("."):
        if isinstance(node, list):
            node = node[int(part)]
        else:
            node = node[part]
    return float(node)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--ssbcell", required=True)
    p.add_argument("--prm", required=True)
    p.add_argument("--vary", required=True)
    p.add_argument("--values", required=True)
    p.add_argument("--h", choices=["inverse", "direct", "refinement"], required=True)
    p.add_argument("--order", type=float, required=True)
    p.add_argument("--order-tolerance", type=float, required=True)
    p.add_argument("--at-least", action="store_true",
                   help="assert order >= expected - tolerance only (where the "
                        "observed order may exceed the optimal one)")
    p.add_argument("--max-error", type=float, default=math.inf,
                   help="bound on the error of the finest level")
    p.add_argument("--metric", default="diagnostics.verification.error_L2_rel")
    p.add_argument("--self-convergence", default=None)
    p.add_argument("--li-tolerance", type=float, default=1e-9,
                   help="bound on diagnostics.li_inventory_error_rel of every run")
    p.add_argument("--set", action="append", default=[])
    p.add_argument("--mpi", type=int, default=1)
    p.add_argument("--output", default="convergence_output")
    args = p.parse_args()

    values = args.values.split(",")
    hs, errors = [], []
    summaries = []
    for v in values:
        out_dir = os.path.join(args.output, v.replace("/", "_"))
        summary = run_case(args, v, out_dir)
        summaries.append(summary)
        x = float(v)
        hs.append(1.0 / x if args.h == "inverse" else x if args.h == "direct" else 2.0 ** -x)
        li = lookup(summary, "diagnostics.li_inventory_error_rel")
        if not li <= args.li_tolerance:
            sys.exit(f"FAIL: Li inventory error {li:.3e} > {args.li_tolerance:.1e} at {args.vary} = {v}")
        if summary["status"] != "ok":
            sys.exit(f"FAIL: status {summary['status']} at {args.vary} = {v}")
    if args.self_convergence:
        q = [lookup(s, args.self_convergence) for s in summaries]
        errors = [abs(q[i] - q[i + 1]) for i in range(len(q) - 1)]
        hs = hs[:-1]
    else:
        errors = [lookup(s, args.metric) for s in summaries]

    print(f"{args.vary:>40}  {'h':>10}  {'error':>12}  order")
    orders = []
    for i, (h, e) in enumerate(zip(hs, errors)):
        order = ""
        if i > 0:
            o = math.log(errors[i - 1] / e) / math.log(hs[i - 1] / h)
            orders.append(o)
            order = f"{o:.3f}"
        print(f"{values[i]:>40}  {h:10.4g}  {e:12.4e}  {order}")
    if args.at_least:
        ok = all(o >= args.order - args.order_tolerance for o in orders[-2:])
    else:
        ok = all(abs(o - args.order) <= args.order_tolerance for o in orders[-2:])
    ok = ok and errors[-1] <= args.max_error
    relation = ">=" if args.at_least else "="
    print(f"expected order {relation} {args.order} +- {args.order_tolerance} (last two levels), "
          f"finest error <= {args.max_error:g}: {'PASS' if ok else 'FAIL'}")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
