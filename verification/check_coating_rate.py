#!/usr/bin/env python3
"""The short variant of the coating-conductivity rate study
(docs/studies/coating-rate.md) for CI: the study's cell
(params/studies/coating_rate_cell.prm, as calibrated) for the three
coatings at 0.1C (charge and discharge), the rate measured for all three.

Asserted: the ranking 450 > 350 > 550 of the discharge capacities; each
capacity equal to the study's table within 0.5 mAh/g (a regression of the
study's numbers: the time-step control may move a cut-off by a fraction of
a step, about 0.1 mAh/g); and each within the study's bars of the
measurement: 5 mAh/g for the calibrated LNTO-450, 15 for the two
predictions. Li is conserved in every run.

  check_coating_rate.py --ssbcell BIN --root SOURCE_DIR --output DIR
"""
import argparse
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ssbcell_run import run_case  # noqa: E402

# Discharge capacities at 0.1C of the study's sweep [mAh/g]
# (docs/studies/coating-rate.md, "Results").
EXPECTED = {3.87e-3: 152.28, 1.32e-3: 132.19, 2.43e-4: 71.57}
# Measured (Wang et al. 2020) and the bar each must meet [mAh/g].
MEASURED = {3.87e-3: (152.0, 5.0), 1.32e-3: (120.9, 15.0), 2.43e-4: (73.2, 15.0)}
PROTOCOL = "Charge at 0.1C until 3.7 V; Rest for 1 h; Discharge at 0.1C until 1.9 V"


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
        measured, bar = MEASURED[sigma]
        print(f"sigma {sigma:g} S/m: 0.1C discharge {q:.2f} mAh/g (study: {expected}, "
              f"measured {measured} +- {bar})")
        if abs(q - expected) > 0.5:
            failures.append(f"sigma {sigma:g}: {q:.2f} mAh/g, study {expected}")
        if abs(q - measured) > bar:
            failures.append(f"sigma {sigma:g}: {q:.2f} mAh/g, measured {measured} +- {bar}")
    q450, q350, q550 = (capacities[s] for s in (3.87e-3, 1.32e-3, 2.43e-4))
    if not q450 > q350 > q550:
        failures.append(f"ranking: 450 {q450:.1f}, 350 {q350:.1f}, 550 {q550:.1f}")
    print("PASS" if not failures else "FAIL: " + "; ".join(failures))
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
