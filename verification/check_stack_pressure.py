#!/usr/bin/env python3
"""The coarse stack-pressure study (params/studies/stack_pressure_ci.prm,
docs/studies/stack-pressure.md): the sweep runs on 2 ranks with one
command, sweep.csv carries the study's columns, and the cell at 100 MPa
against the one at 6 MPa shows what the study predicts:
  - the separator's porosity at 100 MPa is the 5 % its Heckel constant was
    calibrated on (it is die-pressed away from the particles: 1e-3
    absolute, the composite's stress field reaches a little into it), and
    falls with pressure, as the composite's does, whose gaps at the particle
    surfaces (Mechanics/Contact/Surface gap) open as its powder densifies;
  - contact and conductivity rise, the charge-transfer resistance at 50 %
    state of charge falls, and the discharge capacity rises.
These are trends of one small section, not the study's numbers; the plots
are made from it (scripts/plot_stack_pressure) to check that they can be.
The study iterates the coupling of each step to the tolerance of
Mechanics/Coupling (1e-4 on a_c) with one Newton iteration per coupling
iteration; the 6 MPa case, where the contact is smallest and the coupling
takes the most iterations, is run again as a reference with a coupling
tolerance 10 times tighter and every re-solve to convergence. Discharge
capacity and charge-transfer resistance within 2 % (measured -0.02 % and
+0.02 % with the contact's elastic unloading; -0.01 % and -0.06 % with
the reversible contact law and the powder's stiffness following its porosity; -0.83 % and
+0.08 % with the dense modulus, where contact was nearly lost and the
capacity of 10 mAh/g was set by the last contact spots). The time-step
tolerance stays the study's: 1e-3 instead of 1e-4 of c_max moved the
dense-modulus capacity by +6.5 %.

  check_stack_pressure.py --ssbcell BIN --root SOURCE_DIR --output DIR
"""
import argparse
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ssbcell_run import report, run_case, run_sweep  # noqa: E402

PRESSURE = "Mechanics/Stack pressure [Pa]"
R_CT = "charge_transfer_resistance_mid_discharge_ohm_m2"  # at 50 % SOC of the discharge
COLUMNS = ["discharge_capacity_mAh_g", "contact_fraction_mean", "contact_fraction_0_30_deg",
           "contact_fraction_30_60_deg", "contact_fraction_60_90_deg",
           R_CT, "inactive_active_material_fraction",
           "separator_porosity", "composite_porosity", "composite_surface_gap_porosity",
           "separator_conductivity_factor"]


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--ssbcell", required=True)
    p.add_argument("--root", required=True)
    p.add_argument("--output", required=True)
    args = p.parse_args()
    prm = os.path.join(args.root, "params", "studies", "stack_pressure_ci.prm")
    # A sweep skips the cases it finds finished: start from nothing.
    rows = sorted(run_sweep(args.ssbcell, prm, args.output, timeout=1800),
                  key=lambda r: float(r[PRESSURE]))
    if len(rows) != 2 or any(r["status"] != "ok" for r in rows):
        sys.exit("FAIL: expected two finished cases in sweep.csv")
    missing = [c for c in COLUMNS if c not in rows[0] or rows[0][c] == ""]
    if missing:
        sys.exit(f"FAIL: sweep.csv lacks {missing}")
    low, high = ({c: float(r[c]) for c in COLUMNS} for r in rows)
    for name, r in (("6 MPa", low), ("100 MPa", high)):
        print(name + ": " + ", ".join(f"{c} {r[c]:.4g}" for c in COLUMNS))
    plot = subprocess.run(["/usr/bin/python3",
                           os.path.join(args.root, "scripts", "plot_stack_pressure.py"),
                           args.output], capture_output=True, text=True)
    print(plot.stdout + plot.stderr)
    # Li balance to 1e-7: the study's cells end their Newton iterations at
    # 1e-10 of a residual that starts large on the first steps (measured
    # up to 1.3e-8 on the full cell). The reference re-solves every
    # coupling iteration: about 10 minutes alone on this machine's cores,
    # more than 15 beside other jobs.
    tight, _ = run_case(args.ssbcell, prm, os.path.join(args.output, "reference_6MPa"),
                        [f"{PRESSURE}=6e6", "Mechanics/Coupling/Tolerance=1e-5",
                         "Mechanics/Coupling/Maximum iterations=60",
                         "Mechanics/Coupling/Newton iterations per coupling iteration=0"],
                        li_tolerance=1e-7, timeout=2400)
    steps = [st for st in tight["steps"] if st["kind"] == "discharge"]
    capacity_change = steps[-1]["capacity_mAh_g"] / low["discharge_capacity_mAh_g"] - 1
    r_ct_change = tight["diagnostics"][R_CT] / low[R_CT] - 1
    checks = [
        (abs(capacity_change) <= 0.02 and abs(r_ct_change) <= 0.02,
         f"the study's solver settings against a tight reference at 6 MPa: capacity"
         f" {100 * capacity_change:+.2f} %"
         f" (2 %), R_ct {100 * r_ct_change:+.2f} % (2 %)"),
        (abs(high["separator_porosity"] - 0.05) <= 1e-3,
         f"separator porosity at 100 MPa {high['separator_porosity']:.4f} (calibrated on 0.05)"),
        (high["separator_porosity"] < low["separator_porosity"]
         and high["composite_porosity"] < low["composite_porosity"],
         "porosity falls with pressure in both layers"),
        (high["composite_surface_gap_porosity"] > max(0.02, low["composite_surface_gap_porosity"]),
         f"the gaps at the particle surfaces open as the powder densifies: "
         f"{low['composite_surface_gap_porosity']:.4f} of the composite at 6 MPa, "
         f"{high['composite_surface_gap_porosity']:.4f} at 100 MPa (above 0.02)"),
        (high["separator_conductivity_factor"] > low["separator_conductivity_factor"],
         "the powder conducts better when pressed harder"),
        (high["contact_fraction_mean"] > low["contact_fraction_mean"],
         "contact rises with pressure"),
        (high[R_CT] < low[R_CT],
         "the charge-transfer resistance at 50 % SOC falls with pressure"),
        (high["discharge_capacity_mAh_g"] > low["discharge_capacity_mAh_g"],
         "the discharge capacity rises with pressure"),
        (plot.returncode == 0 and os.path.exists(
            os.path.join(args.output, "stack_pressure_particles.png")),
         "scripts/plot_stack_pressure draws the study's plots"),
    ]
    ok = report(checks)
    print("verify_stack_pressure_short:", "passed" if ok else "FAILED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
