#!/usr/bin/env python3
"""Particle populations in the 1D model (classes of radius, volume fraction
and contact fraction sharing the electrode potential).

1. Two identical classes (volume fractions 0.3/0.7) are one particle: the
   voltage curve equals the single particle's at every (fixed) time step, to
   1e-9 V (solver tolerance; the weighting and the shared electrolyte node
   are exact).
2. Three different classes: at the end of a 1C charge the small particles
   are emptier than the large, badly contacted ones (the classes differ by
   more than 0.05 in mean stoichiometry); a long rest moves Li between them
   through the electrolyte until they agree (to 1e-6; 10 h is 70 diffusion
   times R^2/D of the largest class) and the voltage is the open-circuit
   voltage of the mean stoichiometry (to 1e-6 V). Li is conserved to 1e-9 in
   every run.

  check_population.py --ssbcell BIN --prm FILE --output DIR [--mpirun CMD]
"""
import argparse
import csv
import json
import math
import os
import shlex
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ssbcell_run import report  # noqa: E402

CLASSES = "Geometry/Spherical particle/Particle class "


def run(args, name, settings):
    out = os.path.join(args.output, name)
    cmd = shlex.split(args.mpirun) + [args.ssbcell, args.prm, "--quiet", "--output", out]
    for s in settings:
        cmd += ["--set", s]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
    if done.returncode != 0:
        sys.exit(f"FAIL: {' '.join(cmd)}: exit {done.returncode}\n{done.stderr}")
    with open(os.path.join(out, "summary.json")) as f:
        summary = json.load(f)
    with open(os.path.join(out, "statistics.csv")) as f:
        rows = list(csv.DictReader(f))
    error = summary["diagnostics"]["li_inventory_error_rel_max"]
    if not error <= 1e-9:
        sys.exit(f"FAIL: {name}: Li inventory error {error:.2e} > 1e-9")
    return summary, rows


def nmc532(theta):
    return (4.3452 - 1.6518 * theta + 1.6225 * theta**2 - 2.0843 * theta**3
            + 3.5146 * theta**4 - 2.2166 * theta**5
            - 0.5623e-4 * math.exp(109.451 * theta - 100.006))


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--ssbcell", required=True)
    p.add_argument("--prm", required=True)
    p.add_argument("--output", required=True)
    p.add_argument("--mpirun", default="")
    args = p.parse_args()
    ok = True

    fixed = ["Time stepping/Fixed time step [s]=20",
             "Protocol/Steps=Charge at 1C for 10 min; Rest for 5 min"]
    _, single = run(args, "single", fixed)
    _, twin = run(args, "twin", fixed + [CLASSES + "radii [m]=2e-6, 2e-6",
                                          CLASSES + "volume fractions=0.3, 0.7"])
    worst = max(abs(float(a["voltage_V"]) - float(b["voltage_V"]))
                for a, b in zip(single, twin))
    same = len(single) == len(twin) and worst <= 1e-9
    ok = ok and same
    print(f"two identical classes against one particle: {len(twin)} steps, largest "
          f"voltage difference {worst:.2e} V {'ok' if same else 'FAIL (> 1e-9 V)'}")

    population = [CLASSES + "radii [m]=1e-6, 2e-6, 4e-6",
                  CLASSES + "volume fractions=0.2, 0.5, 0.3",
                  CLASSES + "contact fractions=1, 0.8, 0.5"]
    charged, _ = run(args, "charged", population + [
        "Protocol/Steps=Charge at 1C for 30 min"])
    rested, _ = run(args, "rested", population + [
        "Protocol/Steps=Charge at 1C for 30 min; Rest for 10 h"])

    def thetas(summary):
        d = summary["diagnostics"]
        return [d[f"particle_class_{k}_stoichiometry"] for k in (1, 2, 3)]

    spread_charged = max(thetas(charged)) - min(thetas(charged))
    spread_rested = max(thetas(rested)) - min(thetas(rested))
    mean = sum(w * t for w, t in zip([0.2, 0.5, 0.3], thetas(rested)))
    ocv = nmc532(mean) - 0.62
    voltage = rested["steps"][-1]["end_voltage_V"]
    checks = [
        (spread_charged > 0.05, f"after the charge the classes differ by {spread_charged:.3f} "
         f"in stoichiometry {['%.4f' % t for t in thetas(charged)]} (> 0.05)"),
        (spread_rested < 1e-6, f"after the rest they differ by {spread_rested:.2e} (< 1e-6)"),
        (abs(voltage - ocv) < 1e-6, f"rest voltage {voltage:.8f} V against the OCV of the "
         f"mean stoichiometry {mean:.4f}: {ocv:.8f} V (within 1e-6 V)"),
    ]
    ok = report(checks) and ok
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
