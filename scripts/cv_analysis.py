"""Cyclic-voltammetry analysis of an ssbcell run: the peak of every Sweep
step, and per pair of opposite sweeps the peak separation.

  scripts/cv_analysis RUN_FOLDER [--output DIR] [--no-plots]

Sign convention (docs/model.md): the cell current is positive in discharge.
For the positive electrode a sweep up in voltage delithiates it (a charge:
anodic, current < 0) and a sweep down lithiates it (cathodic, current > 0).
In each sweep the peak is the largest current of that sign, located between
time steps by a parabola through the largest sample and its neighbours. A
sweep whose largest current is at one of its ends has no peak (`has_peak` =
0): the sweep did not reach or did not pass the reaction.

Writes DIR/cv.csv (one row per sweep), DIR/cv_pairs.csv (one row per sweep
up followed by a sweep down, or the reverse, at the same rate: E_pa, E_pc,
their separation and the ratio of the peak currents) and, unless
--no-plots, DIR/cv.png (current against voltage). DIR defaults to
RUN_FOLDER/cv. The core uses only the standard library.
"""
import argparse
import csv
import json
import os
import re
import sys

SWEEP_COLUMNS = ["sweep", "step", "cycle", "direction", "rate_mV_s", "start_V", "end_V",
                 "has_peak", "peak_kind", "peak_potential_V", "peak_current_A_m2"]
PAIR_COLUMNS = ["pair", "rate_mV_s", "anodic_peak_V", "cathodic_peak_V",
                "peak_separation_V", "anodic_peak_A_m2", "cathodic_peak_A_m2",
                "peak_current_ratio"]


def read_rows(path):
    with open(path, newline="") as f:
        return [{k: float(v) for k, v in row.items()} for row in csv.DictReader(f)]


def sweep_rate_mV_s(text):
    """The rate of a 'Sweep at <v> mV/s|V/s from ...' step text [mV/s]."""
    m = re.search(r"at\s+([0-9.eE+-]+)\s*(mV|V|volts?)\s*/\s*s", text, re.IGNORECASE)
    if not m:
        raise SystemExit(f"cannot read the sweep rate of '{text}'")
    return float(m.group(1)) * (1.0 if m.group(2).lower() == "mv" else 1e3)


def sweep_limits(text):
    """(a, b) of a 'Sweep ... from <a> V to <b> V' step text [V]."""
    m = re.search(r"from\s+([0-9.eE+-]+)\s*(?:V|volts?)\s+to\s+([0-9.eE+-]+)", text,
                  re.IGNORECASE)
    return (float(m.group(1)), float(m.group(2))) if m else (None, None)


def locate_peak(voltages, currents, sign):
    """(has_peak, E_p, i_p) of the largest sign*current; a parabola through
    the largest sample and its neighbours (in voltage) refines it."""
    values = [sign * i for i in currents]
    k = max(range(len(values)), key=values.__getitem__)
    if k == 0 or k == len(values) - 1:
        return False, voltages[k], currents[k]
    (x0, x1, x2), (y0, y1, y2) = voltages[k - 1:k + 2], values[k - 1:k + 2]
    # Lagrange parabola through the three points; its vertex.
    d0, d1, d2 = (x0 - x1) * (x0 - x2), (x1 - x0) * (x1 - x2), (x2 - x0) * (x2 - x1)
    a = y0 / d0 + y1 / d1 + y2 / d2
    b = -(y0 * (x1 + x2) / d0 + y1 * (x0 + x2) / d1 + y2 * (x0 + x1) / d2)
    c = y0 * x1 * x2 / d0 + y1 * x0 * x2 / d1 + y2 * x0 * x1 / d2
    if a >= 0:
        return True, x1, currents[k]
    xv = -b / (2 * a)
    return True, xv, sign * (a * xv * xv + b * xv + c)


def analyse(run):
    with open(os.path.join(run, "summary.json")) as f:
        steps = json.load(f)["steps"]
    rows = read_rows(os.path.join(run, "statistics.csv"))
    by_step = {}
    for r in rows:
        by_step.setdefault(int(r["step"]), []).append(r)
    sweeps = []
    for s in steps:
        part = by_step.get(s["index"], [])
        if s["kind"] != "sweep" or len(part) < 3:
            continue
        voltages = [r["voltage_V"] for r in part]
        currents = [r["current_A_m2"] for r in part]
        start, end = sweep_limits(s["text"])
        up = end > start if start is not None else voltages[-1] > voltages[0]
        sign = -1.0 if up else 1.0  # anodic (charge) currents are negative
        has_peak, e_p, i_p = locate_peak(voltages, currents, sign)
        sweeps.append({
            "sweep": len(sweeps), "step": s["index"], "cycle": s.get("cycle", -1),
            "direction": "up" if up else "down", "rate_mV_s": sweep_rate_mV_s(s["text"]),
            "start_V": start, "end_V": end, "has_peak": int(has_peak),
            "peak_kind": "anodic" if up else "cathodic", "peak_potential_V": e_p,
            "peak_current_A_m2": i_p, "voltages": voltages, "currents": currents})
    pairs = []
    k = 0
    while k + 1 < len(sweeps):  # a cycle: a sweep and the reverse one after it
        first, second = sweeps[k], sweeps[k + 1]
        if (first["direction"] == second["direction"] or first["rate_mV_s"] != second["rate_mV_s"]
                or not (first["has_peak"] and second["has_peak"])
                or second["step"] != first["step"] + 1):
            k += 1
            continue
        k += 2
        anodic, cathodic = (first, second) if first["direction"] == "up" else (second, first)
        pairs.append({
            "pair": len(pairs), "rate_mV_s": first["rate_mV_s"],
            "anodic_peak_V": anodic["peak_potential_V"],
            "cathodic_peak_V": cathodic["peak_potential_V"],
            "peak_separation_V": anodic["peak_potential_V"] - cathodic["peak_potential_V"],
            "anodic_peak_A_m2": anodic["peak_current_A_m2"],
            "cathodic_peak_A_m2": cathodic["peak_current_A_m2"],
            "peak_current_ratio": abs(anodic["peak_current_A_m2"]
                                      / cathodic["peak_current_A_m2"])})
    return sweeps, pairs


def write_csv(path, columns, rows):
    with open(path, "w", newline="") as f:
        w = csv.DictWriter(f, fieldnames=columns, extrasaction="ignore")
        w.writeheader()
        for r in rows:
            w.writerow({k: (f"{v:.10g}" if isinstance(v, float) else v) for k, v in r.items()})


def plot(out, sweeps):
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(6.5, 4.5))
    rates = sorted({s["rate_mV_s"] for s in sweeps})
    colours = {r: plt.cm.viridis(k / max(1, len(rates) - 1)) for k, r in enumerate(rates)}
    labelled = set()
    for s in sweeps:
        label = None if s["rate_mV_s"] in labelled else f"{s['rate_mV_s']:g} mV/s"
        labelled.add(s["rate_mV_s"])
        ax.plot(s["voltages"], s["currents"], color=colours[s["rate_mV_s"]], lw=1, label=label)
        if s["has_peak"]:
            ax.plot(s["peak_potential_V"], s["peak_current_A_m2"], "kx", ms=5)
    ax.axhline(0, color="k", lw=0.5)
    ax.set_xlabel("cell voltage [V]")
    ax.set_ylabel("current density [A/m$^2$] (> 0: discharge, cathodic)")
    ax.set_title("cyclic voltammetry (x: peaks)")
    ax.legend(fontsize=8)
    ax.grid(alpha=0.3)
    fig.tight_layout()
    path = os.path.join(out, "cv.png")
    fig.savefig(path, dpi=120)
    return path


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("run", help="output folder of an ssbcell run")
    p.add_argument("--output", help="folder for cv.csv/cv_pairs.csv/cv.png (default RUN/cv)")
    p.add_argument("--no-plots", action="store_true")
    args = p.parse_args()
    out = args.output or os.path.join(args.run, "cv")
    sweeps, pairs = analyse(args.run)
    if not sweeps:
        sys.exit(f"{args.run}: no Sweep step in the run")
    os.makedirs(out, exist_ok=True)
    write_csv(os.path.join(out, "cv.csv"), SWEEP_COLUMNS, sweeps)
    write_csv(os.path.join(out, "cv_pairs.csv"), PAIR_COLUMNS, pairs)
    for s in sweeps:
        peak = (f"{s['peak_kind']} peak {s['peak_current_A_m2']:.5g} A/m^2 at "
                f"{s['peak_potential_V']:.5f} V" if s["has_peak"] else "no peak")
        print(f"sweep {s['sweep']} ({s['direction']}, {s['rate_mV_s']:g} mV/s): {peak}")
    for q in pairs:
        print(f"pair {q['pair']} ({q['rate_mV_s']:g} mV/s): separation "
              f"{q['peak_separation_V'] * 1e3:.2f} mV, |i_pa/i_pc| {q['peak_current_ratio']:.4f}")
    print(f"wrote {os.path.join(out, 'cv.csv')} and cv_pairs.csv")
    if not args.no_plots:
        print(f"wrote {plot(out, sweeps)}")


if __name__ == "__main__":
    main()
