"""Calibrates the coating-rate cell (params/studies/coating_rate_cell.prm) on
the LNTO-450 series only, from scratch (docs/studies/coating-rate.md).

Calibrated inputs (the only ones; everything else has a source):
  x0 = log10 of Geometry/Spherical particle/Contact fraction median
  x1 = theta_h, the stoichiometry above which the NMC diffusivity falls
       (Materials/Active material/Diffusivity expression: D_ref times
       10^(-4 (theta - theta_h)/(1 - theta_h)) above theta_h: four decades
       down to full lithiation, an assumption of docs/studies/coating-rate.md)
Objective: the sum over the two measured LNTO-450 discharges (0.1C: 152.0,
1C: 107.5 mAh/g) of the squared capacity error in mAh/g; each run charges
at 0.1C and discharges at the measured rate (the protocol of
params/studies/coating_rate.prm).
Optimiser: Nelder-Mead (written out below, standard coefficients 1, 2, 1/2,
1/2) from a fixed start, stopped when the simplex's objective values agree
to 0.25 (mAh/g)^2 or after 30 evaluations (about 7 minutes on 2 cores). The
two runs of an evaluation go in parallel. Writes calibration.json and calibration.csv (every evaluation)
to the output folder and prints the --set lines of the optimum.

  scripts/calibrate_coating_rate [--ssbcell build/ssbcell] [--output output/calibration]
                                 [--set NAME=VALUE ...]
"""
import argparse
import csv
import json
import math
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
CELL = os.path.join(ROOT, "params", "studies", "coating_rate_cell.prm")
MEASURED = {0.1: 152.0, 1.0: 107.5}  # LNTO-450, mAh/g (Wang et al. 2020)
START = [math.log10(1e-3), 0.6]
STEP = [-0.7, 0.05]


def protocol(rate):
    return (f"Charge at 0.1C until 3.7 V; Rest for 1 h; "
            f"Discharge at {rate:g}C until 1.9 V")


def diffusivity_expression(theta_h):
    return (f"D_ref * 10^(-4 * (theta > {theta_h:.6f}) * "
            f"(theta - {theta_h:.6f}) / {1 - theta_h:.6f})")


def settings(x):
    return [f"Geometry/Spherical particle/Contact fraction median={10 ** x[0]:.6g}",
            "Materials/Active material/Diffusivity model=expression",
            "Materials/Active material/Diffusivity expression/Function of theta [m^2/s]="
            + diffusivity_expression(x[1])]


def capacities(args, x, tag):
    runs = {}
    for rate in MEASURED:
        out = os.path.join(args.output, "runs", f"{tag}_{rate:g}C")
        cmd = [args.ssbcell, CELL, "--quiet", "--output", out,
               "--set", f"Protocol/Steps={protocol(rate)}"]
        for s in settings(x) + args.set:
            cmd += ["--set", s]
        runs[rate] = (subprocess.Popen(cmd, stdout=subprocess.DEVNULL,
                                       stderr=subprocess.PIPE, text=True), out)
    result = {}
    for rate, (proc, out) in runs.items():
        _, err = proc.communicate()
        if proc.returncode != 0:
            sys.exit(f"calibration run failed ({out}):\n{err}")
        with open(os.path.join(out, "summary.json")) as f:
            steps = json.load(f)["steps"]
        result[rate] = [s for s in steps if s["kind"] == "discharge"][-1]["capacity_mAh_g"]
    return result


def nelder_mead(f, start, step, tolerance, max_evaluations):
    simplex = [list(start)] + [
        [s + (step[i] if i == j else 0.) for i, s in enumerate(start)]
        for j in range(len(start))]
    values = [f(p) for p in simplex]
    evaluations = len(simplex)
    while evaluations < max_evaluations:
        order = sorted(range(len(simplex)), key=lambda i: values[i])
        simplex = [simplex[i] for i in order]
        values = [values[i] for i in order]
        if values[-1] - values[0] < tolerance:
            break
        n = len(start)
        centroid = [sum(p[i] for p in simplex[:-1]) / n for i in range(n)]

        def toward(t):
            return [c + t * (w - c) for c, w in zip(centroid, simplex[-1])]

        reflected = toward(-1.)
        fr = f(reflected)
        evaluations += 1
        if fr < values[0]:
            expanded = toward(-2.)
            fe = f(expanded)
            evaluations += 1
            simplex[-1], values[-1] = (expanded, fe) if fe < fr else (reflected, fr)
        elif fr < values[-2]:
            simplex[-1], values[-1] = reflected, fr
        else:
            contracted = toward(0.5)
            fc = f(contracted)
            evaluations += 1
            if fc < values[-1]:
                simplex[-1], values[-1] = contracted, fc
            else:
                for k in range(1, len(simplex)):
                    simplex[k] = [b + 0.5 * (p - b) for b, p in zip(simplex[0], simplex[k])]
                    values[k] = f(simplex[k])
                    evaluations += 1
    best = min(range(len(simplex)), key=lambda i: values[i])
    return simplex[best], values[best], evaluations


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--ssbcell", default=os.path.join(ROOT, "build", "ssbcell"))
    p.add_argument("--output", default=os.path.join(ROOT, "output", "calibration"))
    p.add_argument("--max-evaluations", type=int, default=30)
    p.add_argument("--set", action="append", default=[], metavar="NAME=VALUE",
                   help="a setting for every run (to calibrate a variant of the "
                        "cell, e.g. another size spread)")
    args = p.parse_args()
    os.makedirs(args.output, exist_ok=True)
    log = []

    def objective(x):
        # Keep the onset inside (0, 0.98) and the median inside (1e-8, 1].
        if not (0. < x[1] < 0.98 and -8. < x[0] <= 0.):
            return 1e6
        tag = f"e{len(log):03d}"
        q = capacities(args, x, tag)
        value = sum((q[r] - MEASURED[r]) ** 2 for r in MEASURED)
        log.append({"evaluation": len(log), "log10_contact_median": x[0], "theta_h": x[1],
                    "capacity_0.1C": q[0.1], "capacity_1C": q[1.0], "objective": value})
        print(f"[{len(log):2d}] median {10 ** x[0]:.3g}, theta_h {x[1]:.3f}: "
              f"{q[0.1]:.1f} / {q[1.0]:.1f} mAh/g, objective {value:.2f}", flush=True)
        return value

    x, value, n = nelder_mead(objective, START, STEP, 0.25, args.max_evaluations)
    with open(os.path.join(args.output, "calibration.csv"), "w", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(log[0]))
        w.writeheader()
        w.writerows(log)
    best = min(log, key=lambda r: r["objective"])
    result = {"contact_fraction_median": 10 ** x[0], "diffusivity_onset_theta": x[1],
              "objective_mAh2_g2": value, "evaluations": n,
              "capacity_0.1C_mAh_g": best["capacity_0.1C"],
              "capacity_1C_mAh_g": best["capacity_1C"], "settings": settings(x)}
    with open(os.path.join(args.output, "calibration.json"), "w") as f:
        json.dump(result, f, indent=2)
    print("optimum:")
    for s in settings(x):
        print(f"  --set \"{s}\"")


if __name__ == "__main__":
    main()
