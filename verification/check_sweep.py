#!/usr/bin/env python3
"""`ssbcell sweep` on 2 ranks: every case runs once, into its own folder;
sweep.csv has a row per case with the headline results; a rerun skips the
finished cases; a case with bad input is recorded and the sweep goes on;
sweep.csv grows row by row while the sweep runs and carries each case's
scalar diagnostics; scripts/plot_sweep turns the table into PNG files.

  check_sweep.py --ssbcell BIN --prm params/examples/rate_sweep.prm --source DIR --output DIR
"""
import argparse
import csv
import os
import shutil
import subprocess
import sys
import time


def read_table(path):
    with open(path, newline="") as f:
        return list(csv.DictReader(f))


def sweep(args, extra=(), seen_sizes=None):
    """Runs the sweep; if `seen_sizes` is a set, adds to it the row counts of
    sweep.csv seen while the sweep runs."""
    cmd = ["mpirun", "-np", "2", "--oversubscribe", args.ssbcell, "sweep", args.prm,
           "--output", args.output] + list(extra)
    env = dict(os.environ, OMPI_ALLOW_RUN_AS_ROOT="1", OMPI_ALLOW_RUN_AS_ROOT_CONFIRM="1")
    table = os.path.join(args.output, "sweep.csv")
    with subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          text=True) as process:
        start = time.time()
        while process.poll() is None and time.time() - start < 600:
            if seen_sizes is not None and os.path.exists(table):
                seen_sizes.add(len(read_table(table)))
            time.sleep(0.05)
        stdout, stderr = process.communicate(timeout=60)
    print("$ " + " ".join(cmd) + f"\n{stdout}{stderr}")
    if process.returncode != 0:
        sys.exit(f"FAIL: exit status {process.returncode}")
    return read_table(table), stdout


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--ssbcell", required=True)
    p.add_argument("--prm", required=True)
    p.add_argument("--source", required=True)
    p.add_argument("--output", required=True)
    args = p.parse_args()
    shutil.rmtree(args.output, ignore_errors=True)
    failures = []

    seen = set()
    rows, _ = sweep(args, seen_sizes=seen)
    if len(rows) != 8 or any(r["status"] != "ok" for r in rows):
        failures.append("8 cases with status ok")
    # Rows appear as cases finish: the table was seen part-filled.
    if not any(0 < n < 8 for n in seen):
        failures.append(f"sweep.csv grows while the sweep runs (row counts seen: {sorted(seen)})")
    # Each case's scalar diagnostics and its discharge's loss breakdown.
    for column in ("charge_transfer_resistance_ohm_m2", "time_steps_accepted",
                   "discharge_charge_transfer_V", "discharge_open_circuit_V"):
        if not rows or column not in rows[0] or not all(float(r[column]) == float(r[column])
                                                        for r in rows):
            failures.append(f"sweep.csv has the column {column} with numbers")
    radius = "Geometry/Particle radius [m]"
    for r in ("2e-6", "4e-6"):
        capacities = [float(x["discharge_capacity_mAh_g"]) for x in rows if x[radius] == r]
        # Rates rise along the list: solid diffusion makes capacity fall.
        if not all(a > b for a, b in zip(capacities, capacities[1:])):
            failures.append(f"capacity falls with rate at radius {r}: {capacities}")
    small = [float(x["discharge_capacity_mAh_g"]) for x in rows if x[radius] == "2e-6"]
    large = [float(x["discharge_capacity_mAh_g"]) for x in rows if x[radius] == "4e-6"]
    if not large[-1] < small[-1]:
        failures.append("larger particles lose more capacity at 2C")
    if not all(os.path.exists(os.path.join(args.output, "cases", x["case_id"], "statistics.csv"))
               for x in rows):
        failures.append("every case has its outputs")

    rerun, out = sweep(args)
    if out.count("skipped") != 8 or rerun != rows:
        failures.append("a rerun skips all 8 finished cases and keeps the table")

    bad, _ = sweep(args, ["--set", "Sweep/Parameter 1/Values=2e-6, -1e-6"])
    statuses = sorted({x["status"] for x in bad})
    if statuses != ["error", "ok"] or sum(x["status"] == "error" for x in bad) != 4:
        failures.append(f"bad-input cases are recorded as errors: {statuses}")

    plot = subprocess.run([os.path.join(args.source, "scripts", "plot_sweep"),
                           os.path.join(args.output, "sweep.csv")],
                          capture_output=True, text=True)
    print(plot.stdout + plot.stderr)
    if plot.returncode != 0 or not os.path.exists(
            os.path.join(args.output, "sweep_discharge_capacity_mAh_g.png")):
        failures.append("plot_sweep writes sweep_discharge_capacity_mAh_g.png")

    print("PASS" if not failures else "FAIL: " + "; ".join(failures))
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
