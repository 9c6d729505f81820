#!/usr/bin/env python3
"""Near zero current the cell voltage is linear in the current, and its
slope is the linear-kinetics resistance of the 1D coated particle (per cell
area):

    R = RT/(F i0 a_s) + R_coating/a_s + L_sep/sigma_SE + RT/(F i0_anode)

with a_s the particle surface per cell area and R_coating the spherical
shell's R^2 (1/R - 1/(R+L))/sigma. The sweep (`ssbcell sweep`) runs short
discharge and charge pulses at I and 2I; the slope from a discharge/charge
pair, (V(-I) - V(I))/(2I) after removing the open-circuit and diffusion
parts the run reports, is exact up to O(I^2). The two pairs give
Richardson's extrapolation to I -> 0, asserted to 1e-6 relative (Newton
tolerance; the pairs themselves differ by about 1e-5).

  check_small_current.py --ssbcell BIN --prm FILE --output DIR
"""
import argparse
import csv
import json
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from check_particle_voltage import (F, R_GAS, T, RADIUS, COATING, SIGMA_COAT, L_SEP,  # noqa
                                    SIGMA_SE, I0_ANODE, DENSITY, LOADING, I_1C)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--ssbcell", required=True)
    p.add_argument("--prm", required=True)
    p.add_argument("--output", required=True)
    args = p.parse_args()
    env = dict(os.environ, OMPI_ALLOW_RUN_AS_ROOT="1", OMPI_ALLOW_RUN_AS_ROOT_CONFIRM="1")
    done = subprocess.run([args.ssbcell, "sweep", args.prm, "--output", args.output],
                          env=env, capture_output=True, text=True, timeout=600)
    if done.returncode != 0:
        sys.exit(f"FAIL: ssbcell sweep: exit {done.returncode}\n{done.stderr}")
    with open(os.path.join(args.output, "sweep.csv"), newline="") as f:
        cases = list(csv.DictReader(f))
    reduced = {}  # current density [A/m^2, > 0 discharge] -> V - OCV - diffusion
    for case in cases:
        if case["status"] != "ok":
            sys.exit(f"FAIL: case {case['case_id']}: {case['message']}")
        with open(os.path.join(args.output, "cases", case["case_id"], "summary.json")) as f:
            s = json.load(f)
        step = s["steps"][-1]
        losses = step["voltage_losses"]
        current = step["end_current_A_m2"]
        reduced[current] = (step["end_voltage_V"] - losses["open_circuit_V"]
                            - losses["diffusion_V"])
        r_ct = s["diagnostics"]["charge_transfer_resistance_ohm_m2"]
    currents = sorted(i for i in reduced if i > 0)
    slopes = [(reduced[-i] - reduced[i]) / (2 * i) for i in currents]
    # Odd terms beyond the slope are O(I^3): the error of a pair is O(I^2).
    small, large = currents
    extrapolated = slopes[0] + (slopes[0] - slopes[1]) / ((large / small) ** 2 - 1)
    a_s = LOADING / DENSITY * 3 / RADIUS
    r_coating = RADIUS**2 * (1 / RADIUS - 1 / (RADIUS + COATING)) / SIGMA_COAT / a_s
    r_exact = r_ct + r_coating + L_SEP / SIGMA_SE + R_GAS * T / (F * I0_ANODE)
    for i, slope in zip(currents, slopes):
        print(f"I = {i:.4g} A/m^2 ({i / I_1C:g}C): slope {slope:.9g} ohm m^2")
    error = abs(extrapolated - r_exact) / r_exact
    ok = error <= 1e-6
    print(f"extrapolated to I -> 0: {extrapolated:.9g} ohm m^2; linear-kinetics resistance "
          f"{r_exact:.9g} ohm m^2 (R_ct {r_ct:.6g}, coating {r_coating:.6g}, separator "
          f"{L_SEP / SIGMA_SE:.6g}, anode {R_GAS * T / (F * I0_ANODE):.6g}); relative "
          f"difference {error:.1e} {'ok' if ok else 'FAIL (> 1e-6)'}")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
