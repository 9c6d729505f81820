#!/usr/bin/env python3
"""`ssbcell poisson FILE.prm` prints, on rank 0 only, one JSON line with the
size of the problem, its timings and the CG iterations, and CG converged.
A functional check: the timings must be numbers, their values are not
compared (never compare timings in tests).

  check_poisson_reference.py --ssbcell BIN --prm FILE [--mpi N] [--set S]...
"""
import argparse
import json
import os
import subprocess
import sys

KEYS = ["n_dofs", "n_cells", "setup_time_s", "assembly_time_s", "amg_setup_time_s",
        "solve_time_s", "cg_iterations", "n_ranks"]


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--ssbcell", required=True)
    p.add_argument("--prm", required=True)
    p.add_argument("--mpi", type=int, default=1)
    p.add_argument("--set", action="append", default=[])
    args = p.parse_args()

    cmd = [args.ssbcell, "poisson", args.prm]
    for s in args.set:
        cmd += ["--set", s]
    if args.mpi > 1:
        cmd = ["mpirun", "-np", str(args.mpi), "--oversubscribe"] + cmd
    env = dict(os.environ, OMPI_ALLOW_RUN_AS_ROOT="1", OMPI_ALLOW_RUN_AS_ROOT_CONFIRM="1")
    done = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=300)
    print(" ".join(cmd))
    print(f"exit status {done.returncode}\nstdout:\n{done.stdout}stderr:\n{done.stderr}")
    if done.returncode != 0:
        sys.exit("FAIL: exit status")
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    if len(lines) != 1:
        sys.exit(f"FAIL: expected one JSON line (one rank prints), got {len(lines)}")
    result = json.loads(lines[0])
    missing = [k for k in KEYS if k not in result]
    if missing:
        sys.exit(f"FAIL: missing keys {missing}")
    if not all(isinstance(result[k], (int, float)) and result[k] >= 0 for k in KEYS):
        sys.exit("FAIL: every value must be a number >= 0")
    if result["cg_iterations"] <= 0 or result["n_dofs"] <= 0 or result["n_cells"] <= 0:
        sys.exit("FAIL: no DoFs, no cells or no CG iterations")
    if result["n_ranks"] != args.mpi:
        sys.exit(f"FAIL: n_ranks {result['n_ranks']}, expected {args.mpi}")
    print("OK")


if __name__ == "__main__":
    main()
