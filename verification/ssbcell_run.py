"""Runs the ssbcell program for the check scripts and reads what it wrote.

run_case(ssbcell, prm, out, settings, ranks) runs `ssbcell prm --quiet
--output out --set s...` (under mpirun for ranks > 1), stops the check with
the program's stderr if it fails, asserts that Li was conserved (the BDF
charge count closes the inventory to round-off: 1e-9 relative), and returns
summary.json and the rows of statistics.csv (dicts of floats).
"""
import argparse
import csv
import importlib
import json
import os
import shutil
import subprocess
import sys


def run_case(ssbcell, prm, out, settings=(), ranks=1, li_tolerance=1e-9, timeout=900):
    cmd = [ssbcell] + ([prm] if prm else []) + ["--quiet", "--output", out]
    for s in settings:
        cmd += ["--set", s]
    if ranks > 1:
        cmd = ["mpirun", "-np", str(ranks), "--oversubscribe"] + cmd
    env = dict(os.environ, OMPI_ALLOW_RUN_AS_ROOT="1", OMPI_ALLOW_RUN_AS_ROOT_CONFIRM="1")
    done = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=timeout)
    if done.returncode != 0:
        sys.exit(f"FAIL: {' '.join(cmd)}: exit {done.returncode}\n{done.stderr}")
    with open(os.path.join(out, "summary.json")) as f:
        summary = json.load(f)
    with open(os.path.join(out, "statistics.csv")) as f:
        rows = [{k: float(v) for k, v in row.items()} for row in csv.DictReader(f)]
    if summary["diagnostics"]["li_inventory_error_rel_max"] > li_tolerance:
        sys.exit(f"FAIL: {out}: Li inventory error above {li_tolerance:g}")
    return summary, rows


def run_sweep(ssbcell, prm, out, ranks=2, timeout=1800):
    """Runs `mpirun -np ranks ssbcell sweep prm --output out` from nothing
    (a sweep skips the cases it finds finished), prints its output, stops
    the check if it fails, and returns the rows of sweep.csv."""
    shutil.rmtree(out, ignore_errors=True)
    env = dict(os.environ, OMPI_ALLOW_RUN_AS_ROOT="1", OMPI_ALLOW_RUN_AS_ROOT_CONFIRM="1")
    cmd = ["mpirun", "-np", str(ranks), "--oversubscribe", ssbcell, "sweep", prm,
           "--output", out]
    done = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=timeout)
    print("$ " + " ".join(cmd) + "\n" + done.stdout + done.stderr)
    if done.returncode != 0:
        sys.exit(f"FAIL: exit status {done.returncode}")
    with open(os.path.join(out, "sweep.csv"), newline="") as f:
        return list(csv.DictReader(f))


def report(checks):
    """Prints each (passed, text) check as ok/FAIL; True if all passed."""
    ok = True
    for good, text in checks:
        ok = ok and good
        print(("ok: " if good else "FAIL: ") + text)
    return ok


def check_arguments():
    """--ssbcell BIN --root SOURCE_DIR --output DIR, as the checks take them."""
    p = argparse.ArgumentParser()
    p.add_argument("--ssbcell", required=True)
    p.add_argument("--root", required=True)
    p.add_argument("--output", required=True)
    return p.parse_args()


def load_script(root, name):
    """A module of scripts/: the analysis that a check verifies."""
    sys.path.insert(0, os.path.join(root, "scripts"))
    return importlib.import_module(name)
