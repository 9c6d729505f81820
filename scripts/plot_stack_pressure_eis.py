"""Impedance of the stack-pressure cell at each pressure (a sweep of
params/studies/stack_pressure_eis.prm, docs/studies/stack-pressure.md).

  scripts/plot_stack_pressure_eis SWEEP_FOLDER

Writes into SWEEP_FOLDER:
- stack_pressure_eis.csv: per pressure the fitted series resistance, the
  arcs' resistance (R_ct) and each arc's, the low-frequency real part;
- stack_pressure_nyquist.png: the spectra, one colour per pressure;
- stack_pressure_rct_eis.png: R_ct from the fit against pressure (log axes),
  with the linearised R_ct of the model at the same state for comparison.
"""
import csv
import math
import os
import sys

PRESSURE = "Mechanics/Stack pressure [Pa]"
FIELDS = [("R_s_ohm_m2", "impedance_fit_R_s_ohm_m2"),
          ("R_ct_ohm_m2", "impedance_fit_R_ct_ohm_m2"),
          ("arcs", "impedance_fit_arcs"),
          ("arc1_R_ohm_m2", "impedance_fit_arc1_R_ohm_m2"),
          ("arc1_apex_frequency_Hz", "impedance_fit_arc1_apex_frequency_Hz"),
          ("arc2_R_ohm_m2", "impedance_fit_arc2_R_ohm_m2"),
          ("arc2_apex_frequency_Hz", "impedance_fit_arc2_apex_frequency_Hz"),
          ("fit_rms_relative_error", "impedance_fit_rms_relative_error"),
          ("R_low_frequency_ohm_m2", "impedance_R_low_frequency_ohm_m2"),
          ("linearised_R_ct_ohm_m2", "charge_transfer_resistance_ohm_m2"),
          ("contact_fraction_mean", "contact_fraction_mean")]


def number(text):
    try:
        return float(text)
    except (TypeError, ValueError):
        return float("nan")


def read_spectrum(path):
    with open(path, newline="") as f:
        rows = list(csv.DictReader(f))
    return ([float(r["frequency_Hz"]) for r in rows],
            [complex(float(r["Z_real_ohm_m2"]), float(r["Z_imag_ohm_m2"])) for r in rows])


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    folder = sys.argv[1]
    with open(os.path.join(folder, "sweep.csv"), newline="") as f:
        cases = sorted((c for c in csv.DictReader(f) if c["status"] == "ok"),
                       key=lambda c: float(c[PRESSURE]))
    if not cases:
        sys.exit(f"plot_stack_pressure_eis: no finished case in {folder}/sweep.csv")
    table = []
    for c in cases:
        row = {"pressure_MPa": float(c[PRESSURE]) / 1e6}
        row.update({name: number(c.get(column)) for name, column in FIELDS})
        table.append(row)
    path = os.path.join(folder, "stack_pressure_eis.csv")
    with open(path, "w", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(table[0]))
        w.writeheader()
        for row in table:
            w.writerow({k: f"{v:.6g}" for k, v in row.items()})
    with open(path) as f:
        print(f.read().rstrip())

    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(6.5, 5))
    for c, row in zip(cases, table):
        f, z = read_spectrum(os.path.join(folder, "cases", c["case_id"], "impedance.csv"))
        # The arcs and the start of the diffusion tail.
        limit = 1.5 * row["R_low_frequency_ohm_m2"]
        shown = [v for v in z if v.real <= limit and -v.imag <= limit]
        ax.plot([v.real for v in shown], [-v.imag for v in shown], "o-", ms=2, lw=1,
                label=f"{row['pressure_MPa']:g} MPa")
    ax.set_xlabel("Re Z [ohm m$^2$ of cell]")
    ax.set_ylabel("-Im Z [ohm m$^2$]")
    ax.set_aspect("equal", adjustable="datalim")
    ax.set_title("virtual EIS after the first charge (3.7 V, 1 h rest)", fontsize=9)
    ax.grid(alpha=0.3)
    ax.legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(os.path.join(folder, "stack_pressure_nyquist.png"), dpi=120)
    plt.close(fig)

    fig, ax = plt.subplots(figsize=(6, 4.5))
    p = [r["pressure_MPa"] for r in table]
    ax.loglog(p, [r["R_ct_ohm_m2"] for r in table], "o-", label="EIS fit: the arcs' sum")
    ax.loglog(p, [r["linearised_R_ct_ohm_m2"] for r in table], "s--",
              label="the model's linearised R_ct (kinetics only)")
    ax.set_xlabel("stack pressure [MPa]")
    ax.set_ylabel("charge-transfer resistance [ohm m$^2$ of cell]")
    ax.grid(alpha=0.3, which="both")
    ax.legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(os.path.join(folder, "stack_pressure_rct_eis.png"), dpi=120)
    print(f"wrote {path}, stack_pressure_nyquist.png and stack_pressure_rct_eis.png")


if __name__ == "__main__":
    main()
