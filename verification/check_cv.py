#!/usr/bin/env python3
"""Verification of the Sweep step (cyclic voltammetry) and its analysis
(scripts/cv_analysis.py), in the two classical limits, each over a decade
of sweep rates. Both cells have a Nernstian OCP U0 + (RT/F) ln((1 -
theta)/theta) (U0 = 3.7 V vs In-Li) and fast kinetics.

1. Thin layer (params/verification/cv_thin_layer.prm: a particle that stays
   uniform). i = Q F v theta (1 - theta)/(RT), Q = F c_max V_am per cell
   area: the peaks are Q F v/(4 RT) at U0 in both directions.
   Asserted: |i_p| to 0.5 % of that at 0.01, 0.03 and 0.1 mV/s (the 1 mV
   sampling and the kinetic, coating and anode drops, measured below
   0.1 %); the peaks within 1 mV of U0 and their separation below 1 mV
   (both about 0.01 mV of ohmic and kinetic drop, plus the parabola's
   error on 1 mV samples).
2. Semi-infinite diffusion (params/verification/cv_semi_infinite.prm: D
   tiny against R^2 v F/(RT)), a cathodic sweep from equilibrium.
   Randles-Sevcik, i_p = 0.4463 F c_max sqrt(F v D/(RT)) per particle
   surface, at E_p = U0 - 1.109 RT/F. Asserted at 1, 3 and 10 mV/s: i_p to
   2 % and E_p to 1 mV. The sphere's curvature lowers the peaks by about
   1.7 sqrt(D RT/(F v))/R (1.0 % to 0.3 % of R here): the deviation must be
   of first order in that length (1 +- 0.15), and the line through the
   three deviations must meet Randles-Sevcik at zero length to 0.3 %, so
   that the peaks of a planar surface follow sqrt(v).
Li is conserved to 1e-9 in every run.

  check_cv.py --ssbcell BIN --root SOURCE_DIR --output DIR
"""
import math
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ssbcell_run import check_arguments, load_script, report, run_case  # noqa: E402

F, R_GAS, T = 96485.33212, 8.314462618, 298.15
RT_F = R_GAS * T / F  # 0.0256926 V, as in the OCP expressions
U0 = 3.7              # V vs In-Li
C_MAX = 35380.0       # mol/m^3, the default active material
LOADING = 0.08        # kg/m^2 (8 mg/cm^2, the default)
DENSITY = 4770.0      # kg/m^3
V_AM = LOADING / DENSITY  # active-material volume per cell area [m]


def check_thin_layer(cv, args):
    out = os.path.join(args.output, "thin_layer")
    prm = os.path.join(args.root, "params", "verification", "cv_thin_layer.prm")
    run_case(args.ssbcell, prm, out)
    sweeps, pairs = cv.analyse(out)
    q = F * C_MAX * V_AM
    checks = [(len(sweeps) == 6 and len(pairs) == 3,
               f"thin layer: {len(sweeps)} sweeps (6), {len(pairs)} up/down pairs (3)")]
    for s in sweeps:
        v = s["rate_mV_s"] * 1e-3
        exact = q * F * v / (4 * R_GAS * T) * (-1 if s["direction"] == "up" else 1)
        name = f"thin layer, {s['rate_mV_s']:g} mV/s {s['direction']}"
        checks.append((s["has_peak"] and abs(s["peak_current_A_m2"] / exact - 1) < 5e-3,
                       f"{name}: i_p {s['peak_current_A_m2']:.6g} A/m^2, Q F v/(4RT) "
                       f"{exact:.6g} (to 0.5 %: {s['peak_current_A_m2'] / exact - 1:+.1e})"))
        checks.append((abs(s["peak_potential_V"] - U0) < 1e-3,
                       f"{name}: E_p {s['peak_potential_V']:.5f} V, U0 {U0} V (to 1 mV)"))
    for p in pairs:
        checks.append((abs(p["peak_separation_V"]) < 1e-3,
                       f"thin layer, {p['rate_mV_s']:g} mV/s: peak separation "
                       f"{p['peak_separation_V'] * 1e3:.3f} mV (below 1 mV)"))
    return checks


def check_semi_infinite(cv, args):
    prm = os.path.join(args.root, "params", "verification", "cv_semi_infinite.prm")
    radius, d = 5e-6, 1e-16  # cv_semi_infinite.prm
    area = 3 * V_AM / radius  # particle surface per cell area
    checks, lengths, deviations = [], [], []
    for rate in (1, 3, 10):
        out = os.path.join(args.output, f"semi_infinite_{rate}mV_s")
        run_case(args.ssbcell, prm, out,
                 [f"Protocol/Steps=Sweep at {rate} mV/s from 3.95 V to 3.6 V"])
        sweeps, _ = cv.analyse(out)
        s = sweeps[0]
        v = rate * 1e-3
        exact = 0.4463 * F * C_MAX * math.sqrt(F * v * d / (R_GAS * T)) * area
        e_exact = U0 - 1.109 * RT_F
        length = math.sqrt(d * RT_F / v) / radius  # diffusion length over R
        name = f"Randles-Sevcik, {rate} mV/s (sqrt(D RT/(F v))/R = {length:.2%})"
        deviation = s["peak_current_A_m2"] / exact - 1
        checks.append((s["has_peak"] and abs(deviation) < 0.02,
                       f"{name}: i_p {s['peak_current_A_m2']:.6g} A/m^2, exact {exact:.6g} "
                       f"(to 2 %: {deviation:+.2%})"))
        checks.append((s["has_peak"] and abs(s["peak_potential_V"] - e_exact) < 1e-3,
                       f"{name}: E_p {s['peak_potential_V']:.5f} V, U0 - 1.109 RT/F = "
                       f"{e_exact:.5f} V (to 1 mV)"))
        lengths.append(length)
        deviations.append(deviation)
    # The sphere's curvature lowers the peak by a first-order term in the
    # diffusion length over R: the deviation's order is 1, and without it
    # (the intercept of a line in the length) the peaks are Randles-Sevcik's,
    # i.e. proportional to sqrt(v).
    order = math.log(deviations[0] / deviations[-1]) / math.log(lengths[0] / lengths[-1])
    n = len(lengths)
    mx, my = sum(lengths) / n, sum(deviations) / n
    slope = (sum((x - mx) * (y - my) for x, y in zip(lengths, deviations))
             / sum((x - mx) ** 2 for x in lengths))
    intercept = my - slope * mx
    checks.append((abs(order - 1) < 0.15,
                   f"Randles-Sevcik: the peaks' deviation ({', '.join(f'{y:+.2%}' for y in deviations)}) "
                   f"is of order {order:.3f} in sqrt(D RT/(F v))/R (1 +- 0.15: the sphere's "
                   f"first-order correction, {slope:.3f} times it)"))
    checks.append((abs(intercept) < 3e-3,
                   f"Randles-Sevcik: extrapolated to a planar surface the peaks are "
                   f"{intercept:+.3%} from it (to 0.3 %: the 1 mV sampling and the mesh)"))
    return checks


def main():
    args = check_arguments()
    cv = load_script(args.root, "cv_analysis")
    checks = check_thin_layer(cv, args) + check_semi_infinite(cv, args)
    sys.exit(0 if report(checks) else 1)


if __name__ == "__main__":
    main()
