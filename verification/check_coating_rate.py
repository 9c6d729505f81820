#!/usr/bin/env python3
"""The short variant of the coating-conductivity rate study
(docs/studies/coating-rate.md) for CI: the study's cell
(params/studies/coating_rate_cell.prm, as calibrated) for the three
coatings at 1C, charge and discharge at the same rate.

Asserted: the ranking 450 > 350 > 550 of the discharge capacities, and each
capacity equal to the study's table within 0.5 mAh/g (a regression of the
study's numbers: the time-step control may move a cut-off by a fraction of
a step, about 0.1 mAh/g at 1C). Li is conserved in every run.

  check_coating_rate.py --ssbcell BIN --root SOURCE_DIR --output DIR
"""
import argparse
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ssbcell_run import run_case  # noqa: E402

# Discharge capacities at 1C of the study's sweep [mAh/g]
# (docs/studies/coating-rate.md, "Results").
EXPECTED = {3.87e-3: 104.51, 1.32e-3: 88.11, 2.43e-4: 77.39}
PROTOCOL = "Charge at 1C until 3.7 V; Rest for 1 h; Discharge at 1C until 1.9 V"


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--ssbcell", required=True)
    p.add_argument("--root", required=True)
    p.add_argument("--output", required=True)
    args = p.parse_args()
    prm = os.path.join(args.root, "params", "studies", "coating_rate_cell.prm")
    capacities, failures = {}, []
    for sigma, expected in EXPECTED.items():
        summary, _ = run_case(args.ssbcell, prm, os.path.join(args.output, f"s{sigma:g}"),
                              [f"Materials/Coating/Ionic conductivity [S/m]={sigma}",
                               f"Protocol/Steps={PROTOCOL}"])
        q = [s for s in summary["steps"] if s["kind"] == "discharge"][-1]["capacity_mAh_g"]
        capacities[sigma] = q
        print(f"sigma {sigma:g} S/m: 1C discharge {q:.2f} mAh/g (study: {expected})")
        if expected is not None and abs(q - expected) > 0.5:
            failures.append(f"sigma {sigma:g}: {q:.2f} mAh/g, study {expected}")
    q450, q350, q550 = (capacities[s] for s in (3.87e-3, 1.32e-3, 2.43e-4))
    if not q450 > q350 > q550:
        failures.append(f"ranking: 450 {q450:.1f}, 350 {q350:.1f}, 550 {q550:.1f}")
    print("PASS" if not failures else "FAIL: " + "; ".join(failures))
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
