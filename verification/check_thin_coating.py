#!/usr/bin/env python3
"""The thin-layer coating (a zero-thickness resistance L/sigma on the AM|SE
interface) against the resolved coating of the same thickness L, on a 1D
coated particle in an electrolyte shell, as L goes to 0.

The resolved spherical shell has the resistance (L/sigma) R/(R+L) per
particle area, and moves the electrolyte shell outwards by L: the voltages
differ by O(L^2/R) while the coating's own drop is O(L). Asserted: the
difference falls at order >= 1.8 in L and stays below 2 L/R times the
coating drop.

  check_thin_coating.py --ssbcell BIN --prm FILE --output DIR
"""
import argparse
import json
import math
import os
import subprocess
import sys

RADIUS = 2e-6


def run(args, name, settings):
    out = os.path.join(args.output, name)
    cmd = [args.ssbcell, args.prm, "--quiet", "--output", out,
           "--set", "Geometry/Spherical particle/Electrolyte shell thickness [m]=1e-6",
           "--set", "Protocol/Steps=Discharge at 1C for 10 s"]
    for s in settings:
        cmd += ["--set", s]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
    if done.returncode != 0:
        sys.exit(f"FAIL: {' '.join(cmd)}: exit {done.returncode}\n{done.stderr}")
    with open(os.path.join(out, "summary.json")) as f:
        return json.load(f)["steps"][-1]


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--ssbcell", required=True)
    p.add_argument("--prm", required=True)
    p.add_argument("--output", required=True)
    args = p.parse_args()
    rows, ok = [], True
    for L in [4e-7, 2e-7, 1e-7, 5e-8]:
        resolved = run(args, f"resolved_{L:g}", [f"Geometry/Coating thickness [m]={L}"])
        thin = run(args, f"thin_{L:g}", ["Geometry/Coating thickness [m]=0",
                                         f"Materials/Coating/Thin-layer thickness [m]={L}"])
        difference = abs(resolved["end_voltage_V"] - thin["end_voltage_V"])
        drop = abs(thin["voltage_losses"]["thin_layer_V"])
        rows.append((L, difference, drop))
        within = difference <= 2 * L / RADIUS * drop
        ok = ok and within
        print(f"L = {L:.1e} m: V resolved {resolved['end_voltage_V']:.9f}, thin "
              f"{thin['end_voltage_V']:.9f}, difference {difference:.3e} V, coating drop "
              f"{drop:.3e} V {'ok' if within else 'FAIL (above 2 L/R of the drop)'}")
    for (l1, d1, _), (l2, d2, _) in zip(rows, rows[1:]):
        order = math.log(d1 / d2) / math.log(l1 / l2)
        print(f"  order {order:.2f} between L = {l1:.1e} and {l2:.1e}")
        ok = ok and order >= 1.8
    print("PASS" if ok else "FAIL")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
