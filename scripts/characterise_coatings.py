"""Compares the virtual GITT, CV and EIS of the coating study's cathodes (a
sweep of params/studies/coating_characterisation.prm): runs the GITT and CV
analyses on every case, reads the impedance spectra, and writes, next to
sweep.csv,

- coating_characterisation.csv: one row per coating, with
  - from GITT, medians over the pulses at mean stoichiometry 0.2-0.6 (below
    the hindered range near full lithiation): the IR resistance, the
    overpotential, the apparent diffusivity (exact-sphere fit and
    Weppner-Huggins);
  - from CV (the last cycle): the anodic and cathodic peak potentials,
    their separation and the peak currents;
  - from EIS, after the first charge and after 4 h of discharge: the fitted
    series resistance, the arcs' resistance (R_ct) and the high-frequency
    arc's (the fit's arc 1), and the low-frequency real part;
- coating_gitt.png, coating_cv.png and coating_eis.png.

  scripts/characterise_coatings output/coating_characterisation
"""
import csv
import json
import os
import statistics
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import cv_analysis  # noqa: E402
import gitt_analysis  # noqa: E402

CONDUCTIVITY = "Materials/Coating/Ionic conductivity [S/m]"
LABELS = {3.87e-3: "LNTO-450", 1.32e-3: "LNTO-350", 2.43e-4: "LNTO-550"}
THETA_RANGE = (0.2, 0.6)
COLUMNS = ["cathode", "coating_conductivity_S_m", "gitt_pulses", "gitt_ir_resistance_ohm_m2",
           "gitt_overpotential_V", "gitt_diffusivity_sphere_m2_s", "gitt_diffusivity_wh_m2_s",
           "cv_anodic_peak_V", "cv_cathodic_peak_V", "cv_peak_separation_V",
           "cv_anodic_peak_A_m2", "cv_cathodic_peak_A_m2"]
EIS_STATES = ("charged", "discharging")  # the two impedance steps, in order
EIS_VALUES = [("R_s_ohm_m2", "fit_R_s_ohm_m2"), ("R_ct_ohm_m2", "fit_R_ct_ohm_m2"),
              ("R_arc1_ohm_m2", "fit_arc1_R_ohm_m2"), ("arcs", "fit_arcs"),
              ("R_low_frequency_ohm_m2", "R_low_frequency_ohm_m2")]
COLUMNS += [f"eis_{state}_{name}" for state in EIS_STATES for name, _ in EIS_VALUES]


def read_spectrum(path):
    with open(path, newline="") as f:
        rows = list(csv.DictReader(f))
    return ([float(r["frequency_Hz"]) for r in rows],
            [complex(float(r["Z_real_ohm_m2"]), float(r["Z_imag_ohm_m2"])) for r in rows])


def analyse_eis(run, row):
    """The impedance steps of a case: their fitted values into `row`; the
    spectra by state."""
    with open(os.path.join(run, "summary.json")) as f:
        steps = [s for s in json.load(f)["steps"] if s.get("impedance_file")]
    spectra = {}
    for state, step in zip(EIS_STATES, steps):
        values = step["impedance"]
        for name, key in EIS_VALUES:
            row[f"eis_{state}_{name}"] = float(values.get(key, float("nan")))
        spectra[state] = read_spectrum(os.path.join(run, step["impedance_file"]))
    return spectra


def median_in_range(results, key):
    values = [r[key] for r in results
              if THETA_RANGE[0] <= r["theta_after"] <= THETA_RANGE[1] and r[key] == r[key]]
    return statistics.median(values) if values else float("nan")


def analyse(folder):
    with open(os.path.join(folder, "sweep.csv"), newline="") as f:
        cases = list(csv.DictReader(f))
    rows, gitt, cv, eis = {}, {}, {}, {}
    for case in cases:
        if case["status"] != "ok":
            print(f"case {case['case_id']}: {case['status']}, left out")
            continue
        sigma = float(case[CONDUCTIVITY])
        run = os.path.join(folder, "cases", case["case_id"])
        row = rows.setdefault(sigma, {"cathode": LABELS.get(sigma, f"{sigma:g} S/m"),
                                      "coating_conductivity_S_m": sigma})
        if "Impedance" in case["Protocol/Steps"]:
            eis[sigma] = analyse_eis(run, row)
        elif "Sweep" in case["Protocol/Steps"]:
            sweeps, pairs = cv_analysis.analyse(run)
            cv[sigma] = sweeps
            if pairs:
                last = pairs[-1]
                row.update({"cv_anodic_peak_V": last["anodic_peak_V"],
                            "cv_cathodic_peak_V": last["cathodic_peak_V"],
                            "cv_peak_separation_V": last["peak_separation_V"],
                            "cv_anodic_peak_A_m2": last["anodic_peak_A_m2"],
                            "cv_cathodic_peak_A_m2": last["cathodic_peak_A_m2"]})
        else:
            _, _, results = gitt_analysis.analyse(run)
            gitt[sigma] = results
            row.update({
                "gitt_pulses": len(results),
                "gitt_ir_resistance_ohm_m2": median_in_range(results, "ir_resistance_ohm_m2"),
                "gitt_overpotential_V": median_in_range(results, "overpotential_V"),
                "gitt_diffusivity_sphere_m2_s": median_in_range(results,
                                                                "diffusivity_sphere_m2_s"),
                "gitt_diffusivity_wh_m2_s": median_in_range(results, "diffusivity_m2_s")})
    return rows, gitt, cv, eis


def plot_eis(folder, eis):
    """Left: the spectra after the first charge as computed. Right: the
    same less their high-frequency intercept, so that the arcs compare."""
    import matplotlib.pyplot as plt

    fig, axes = plt.subplots(1, 2, figsize=(12, 4.5))
    for sigma, spectra in sorted(eis.items(), reverse=True):
        if "charged" not in spectra:
            continue
        f, z = spectra["charged"]
        high = z[max(range(len(f)), key=lambda k: f[k])].real
        # The arcs and the start of the diffusion tail.
        limit = 2 * max(v.real for v, fk in zip(z, f) if fk >= 1e-1) - high
        shown = [v for v in z if v.real <= limit]
        label = LABELS.get(sigma, f"{sigma:g} S/m")
        axes[0].plot([v.real for v in shown], [-v.imag for v in shown], "o-", ms=2, lw=1,
                     label=label)
        axes[1].plot([v.real - high for v in shown], [-v.imag for v in shown], "o-", ms=2,
                     lw=1, label=label)
    axes[0].set_xlabel("Re Z [ohm m$^2$ of cell]")
    axes[1].set_xlabel("Re Z - R(1 MHz) [ohm m$^2$ of cell]")
    for ax in axes:
        ax.set_ylabel("-Im Z [ohm m$^2$]")
        ax.set_aspect("equal", adjustable="datalim")
        ax.grid(alpha=0.3)
        ax.legend(fontsize=8)
    axes[0].set_title("virtual EIS after the first charge (3.7 V, 2 h rest)", fontsize=9)
    axes[1].set_title("the same, less the high-frequency intercept", fontsize=9)
    fig.tight_layout()
    fig.savefig(os.path.join(folder, "coating_eis.png"), dpi=120)


def plot(folder, gitt, cv):
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, axes = plt.subplots(1, 3, figsize=(13, 4))
    for sigma, results in sorted(gitt.items(), reverse=True):
        theta = [r["theta_after"] for r in results]
        label = LABELS.get(sigma, f"{sigma:g} S/m")
        axes[0].plot(theta, [r["ir_resistance_ohm_m2"] for r in results], "o-", ms=3, label=label)
        axes[1].plot(theta, [r["overpotential_V"] * 1e3 for r in results], "o-", ms=3,
                     label=label)
        axes[2].semilogy(theta, [r["diffusivity_sphere_m2_s"] for r in results], "o-", ms=3,
                         label=label)
    axes[0].set_ylabel("IR resistance [ohm m$^2$ of cell]")
    axes[1].set_ylabel("overpotential at the pulse's end [mV]")
    axes[2].set_ylabel("apparent D, exact-sphere fit [m$^2$/s]")
    for ax in axes:
        ax.set_xlabel("mean stoichiometry after the pulse")
        ax.grid(alpha=0.3)
        ax.legend(fontsize=8)
    fig.suptitle("virtual GITT: 0.1C pulses of 20 min, 1 h rests")
    fig.tight_layout()
    fig.savefig(os.path.join(folder, "coating_gitt.png"), dpi=120)

    fig, ax = plt.subplots(figsize=(6.5, 4.5))
    for sigma, sweeps in sorted(cv.items(), reverse=True):
        label = LABELS.get(sigma, f"{sigma:g} S/m")
        last_cycle = sweeps[-2:]
        for k, s in enumerate(last_cycle):
            line, = ax.plot(s["voltages"], s["currents"], lw=1,
                            label=label if k == 0 else None,
                            color=None if k == 0 else line.get_color())
            if s["has_peak"]:
                ax.plot(s["peak_potential_V"], s["peak_current_A_m2"], "kx", ms=5)
    ax.axhline(0, color="k", lw=0.5)
    ax.set_xlabel("cell voltage [V vs In-Li]")
    ax.set_ylabel("current density [A/m$^2$] (> 0: cathodic)")
    ax.set_title("virtual CV at 0.02 mV/s (second cycle; x: peaks)")
    ax.grid(alpha=0.3)
    ax.legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(os.path.join(folder, "coating_cv.png"), dpi=120)


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    folder = sys.argv[1]
    rows, gitt, cv, eis = analyse(folder)
    path = os.path.join(folder, "coating_characterisation.csv")
    with open(path, "w", newline="") as f:
        w = csv.DictWriter(f, fieldnames=COLUMNS)
        w.writeheader()
        for sigma in sorted(rows, reverse=True):
            w.writerow({k: (f"{v:.6g}" if isinstance(v, float) else v)
                        for k, v in rows[sigma].items()})
    with open(path) as f:
        print(f.read().rstrip())
    plot(folder, gitt, cv)
    if eis:
        plot_eis(folder, eis)
    print(f"wrote {path}, coating_gitt.png, coating_cv.png and coating_eis.png")


if __name__ == "__main__":
    main()
