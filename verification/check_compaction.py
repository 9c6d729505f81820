#!/usr/bin/env python3
"""A compaction law through the program (docs/physics.md, "Compaction of the
lumped layers"): the default 1D cell with a lumped separator and composite,
Cell/Compaction law = hollow sphere, charged at 1C at five stack pressures.

  - summary.json reports the Torre porosity of the separator,
    phi = min(phi0, exp(-3 p / (2 sigma_y))), the composite's porosity
    phi_c = s phi / (1 - phi + s phi) and electrolyte fraction f_c = s (1 -
    phi) / (1 - phi + s phi), and the thicknesses of the loose layers shrunk
    by their solid fractions, L (1 - phi(0)) / (1 - phi(p)), to round-off
    (1e-12);
  - the lumped electrolyte's ohmic loss changes between two pressures by
    exactly -I (R(p2) - R(p1)), R = L_sep / (sigma (1 - phi)^1.5) + (L_c / 2)
    / (sigma f_c^1.5) (Bruggeman, b = 1.5): nothing else in the cell depends
    on the pressure here, so the rest of the loss cancels (asserted 1e-6
    relative, the Newton tolerance);
  - it falls as the pressure rises, and Li is conserved in every run.

  check_compaction.py --ssbcell BIN --output DIR
"""
import argparse
import math
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ssbcell_run import run_case  # noqa: E402
from check_particle_voltage import SIGMA_SE  # noqa: E402

YIELD = 1e8          # Materials/Electrolyte/Yield stress [Pa]
PHI0 = 0.6           # Cell/Porosity before pressing
SHARE = 0.6          # Cell/Composite electrolyte share of solids
L_SEP, L_COMP = 100e-6, 60e-6
# 0 and 2e7 Pa lie below the collapse pressure of the loose powder,
# (2/3) sigma_y ln(1/phi0) = 34 MPa: same porosity, same loss.
PRESSURES = [0., 2e7, 5e7, 1e8, 2e8]


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--ssbcell", required=True)
    p.add_argument("--output", required=True)
    args = p.parse_args()
    common = ["Cell/Compaction law=hollow sphere",
              f"Materials/Electrolyte/Yield stress [Pa]={YIELD}",
              f"Cell/Porosity before pressing={PHI0}",
              f"Cell/Composite electrolyte share of solids={SHARE}",
              f"Cell/Separator thickness [m]={L_SEP}",
              f"Cell/Composite thickness [m]={L_COMP}",
              "Protocol/Steps=Charge at 1C for 5 min",
              "Output/Write solution=false"]
    ok, results = True, []
    for pressure in PRESSURES:
        summary, _ = run_case(args.ssbcell, None, os.path.join(args.output, f"p{pressure:g}"),
                              common + [f"Mechanics/Stack pressure [Pa]={pressure}"])
        d = summary["diagnostics"]
        phi = min(PHI0, math.exp(-1.5 * pressure / YIELD))
        total = 1.0 - phi + SHARE * phi
        loose = SHARE * PHI0 / (1.0 - PHI0 + SHARE * PHI0)
        expected = {"separator_porosity": phi,
                    "composite_porosity": SHARE * phi / total,
                    "composite_electrolyte_fraction": SHARE * (1.0 - phi) / total,
                    "separator_thickness_m": L_SEP * (1.0 - PHI0) / (1.0 - phi),
                    "composite_thickness_m": L_COMP * (1.0 - loose) / (1.0 - SHARE * phi / total)}
        for key, value in expected.items():
            good = abs(d[key] - value) <= 1e-12 * (abs(value) if key.endswith("_m") else 1.0)
            ok = ok and good
            print(f"{'ok  ' if good else 'FAIL'} p = {pressure:g} Pa: {key} {d[key]:.15g}"
                  f" (closed form {value:.15g})")
        step = summary["steps"][0]
        results.append((pressure, 1.0 - phi, expected["composite_electrolyte_fraction"],
                        step["voltage_losses"]["ohmic_electrolyte_V"],
                        step["end_current_A_m2"], expected["separator_thickness_m"],
                        expected["composite_thickness_m"]))
    for (p1, f_s1, f_c1, loss1, i1, ls1, lc1), (p2, f_s2, f_c2, loss2, i2, ls2, lc2) in \
            zip(results, results[1:]):
        r1 = (ls1 / f_s1 ** 1.5 + 0.5 * lc1 / f_c1 ** 1.5) / SIGMA_SE
        r2 = (ls2 / f_s2 ** 1.5 + 0.5 * lc2 / f_c2 ** 1.5) / SIGMA_SE
        expected = -i1 * (r2 - r1)
        good = (abs((loss2 - loss1) - expected) <= 1e-6 * abs(expected) + 1e-12
                and abs(i1 - i2) <= 1e-12 * abs(i1))
        ok = ok and good
        print(f"{'ok  ' if good else 'FAIL'} {p1:g} -> {p2:g} Pa: ohmic electrolyte loss "
              f"changes by {loss2 - loss1:.9g} V (closed form {expected:.9g})")
    losses = [abs(r[3]) for r in results]
    good = all(b <= a + 1e-15 for a, b in zip(losses, losses[1:])) and losses[-1] < losses[0]
    print(f"{'ok  ' if good else 'FAIL'} |ohmic electrolyte loss| falls with pressure: "
          + ", ".join(f"{v:.4g}" for v in losses) + " V")
    ok = ok and good
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
