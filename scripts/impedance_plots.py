"""Nyquist and Bode plots of the impedance spectra of an ssbcell run.

  scripts/impedance_plots RUN_FOLDER [--output DIR]

For every impedance step of RUN_FOLDER/summary.json (its file, e.g.
impedance.csv) writes DIR/<file>_nyquist.png (-Im Z against Re Z, equal
axes) and DIR/<file>_bode.png (|Z| and the phase against frequency), with
the fitted equivalent circuit (docs/characterisation.md) drawn over the
computed points. DIR defaults to RUN_FOLDER. Z is per m^2 of cell area.
"""
import argparse
import cmath
import csv
import json
import math
import os
import sys


def read_spectrum(path):
    with open(path, newline="") as f:
        rows = list(csv.DictReader(f))
    return ([float(r["frequency_Hz"]) for r in rows],
            [complex(float(r["Z_real_ohm_m2"]), float(r["Z_imag_ohm_m2"])) for r in rows])


def circuit(fit, f):
    """The fitted R_s + arcs (R_k || CPE_k) + finite-space Warburg at f [Hz]."""
    iw = 1j * 2 * math.pi * f
    s = cmath.sqrt(iw * fit["fit_tau_W_s"])
    warburg = 1 / s if abs(s) > 20 else 1 / (cmath.tanh(s) * s)
    z = fit["fit_R_s_ohm_m2"] + fit["fit_R_W_ohm_m2"] * warburg
    for k in range(1, int(fit["fit_arcs"]) + 1):
        arc = f"fit_arc{k}_"
        cpe = fit[arc + "Q_F_s_n_minus_1_m2"] * iw ** fit[arc + "n"]
        z += 1 / (1 / fit[arc + "R_ohm_m2"] + cpe)
    return z


def plot(step, folder, out):
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    name = step["impedance_file"]
    f, z = read_spectrum(os.path.join(folder, name))
    values = step.get("impedance", {})
    fitted = None
    if "fit_R_ct_ohm_m2" in values:
        lo, hi = math.log10(min(f)), math.log10(max(f))
        ff = [10 ** (lo + (hi - lo) * k / 400) for k in range(401)]
        fitted = (ff, [circuit(values, x) for x in ff])
    label = f"step {step['index']}: {step['text']}"
    stem = os.path.join(out, os.path.splitext(name)[0])

    fig, ax = plt.subplots(figsize=(6, 5))
    ax.plot([v.real for v in z], [-v.imag for v in z], "o", ms=3, label="ssbcell")
    if fitted:
        ax.plot([v.real for v in fitted[1]], [-v.imag for v in fitted[1]], "-", lw=1,
                label=f"fit: R_ct = {values['fit_R_ct_ohm_m2']:.3g} ohm m$^2$")
    ax.set_xlabel("Re Z [ohm m$^2$]")
    ax.set_ylabel("-Im Z [ohm m$^2$]")
    ax.set_aspect("equal", adjustable="datalim")
    ax.set_title(label, fontsize=8)
    ax.legend(fontsize=8)
    ax.grid(alpha=0.3)
    fig.tight_layout()
    fig.savefig(stem + "_nyquist.png", dpi=120)
    plt.close(fig)

    fig, (a1, a2) = plt.subplots(2, 1, figsize=(6, 6), sharex=True)
    a1.loglog(f, [abs(v) for v in z], "o", ms=3, label="ssbcell")
    a2.semilogx(f, [math.degrees(cmath.phase(v)) for v in z], "o", ms=3)
    if fitted:
        a1.loglog(fitted[0], [abs(v) for v in fitted[1]], "-", lw=1, label="fit")
        a2.semilogx(fitted[0], [math.degrees(cmath.phase(v)) for v in fitted[1]], "-", lw=1)
    a1.set_ylabel("|Z| [ohm m$^2$]")
    a2.set_ylabel("phase [deg]")
    a2.set_xlabel("frequency [Hz]")
    a1.set_title(label, fontsize=8)
    a1.legend(fontsize=8)
    for a in (a1, a2):
        a.grid(alpha=0.3, which="both")
    fig.tight_layout()
    fig.savefig(stem + "_bode.png", dpi=120)
    plt.close(fig)
    return [stem + "_nyquist.png", stem + "_bode.png"]


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("folder")
    p.add_argument("--output", help="where the plots go (default: the run folder)")
    a = p.parse_args()
    try:
        with open(os.path.join(a.folder, "summary.json")) as f:
            summary = json.load(f)
    except OSError as e:
        sys.exit(f"impedance_plots: {e}")
    steps = [s for s in summary.get("steps", []) if s.get("impedance_file")]
    if not steps:
        sys.exit(f"impedance_plots: {a.folder} has no impedance step")
    out = a.output or a.folder
    os.makedirs(out, exist_ok=True)
    for step in steps:
        for png in plot(step, a.folder, out):
            print(png)


if __name__ == "__main__":
    main()
