"""The sample scatter of the stack-pressure study (docs/studies/stack-pressure.md),
from the output folder of `ssbcell sweep params/studies/stack_pressure_scatter.prm`
(section widths x random seeds at one pressure), written next to sweep.csv:
  stack_pressure_scatter.png   charge and discharge capacity, contact and R_ct
                               at 50 % SOC against the section width, one
                               marker per seed
  stack_pressure_scatter.md    per width: the mean over the seeds and the
                               relative spread (max - min) / mean; and the same
                               over all cases"""
import csv
import math
import os
import statistics
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from plot_stack_pressure import number, write_markdown  # noqa: E402

WIDTH = "Geometry/Random packing/Box width [m]"
SEED = "Geometry/Random packing/Seed"
QUANTITIES = [("charge [mAh/g]", "step0_capacity_mAh_g", "{:.1f}"),
              ("discharge [mAh/g]", "discharge_capacity_mAh_g", "{:.1f}"),
              ("a_c mean", "contact_fraction_mean", "{:.4f}"),
              ("R_ct at 50 % SOC [ohm m^2]",
               "charge_transfer_resistance_mid_discharge_ohm_m2", "{:.3g}"),
              ("composite porosity", "composite_porosity", "{:.3f}")]


def spread(values):
    """(mean, (max - min) / |mean|) of the finite values."""
    v = [x for x in values if math.isfinite(x)]
    if not v:
        return float("nan"), float("nan")
    mean = statistics.fmean(v)
    return mean, (max(v) - min(v)) / abs(mean) if mean else float("nan")


def table(folder, rows, widths):
    header = "| width [um] | cases | " + " | ".join(
        f"{name} (spread)" for name, _, _ in QUANTITIES) + " |"
    lines = [header, "|" + "---|" * (2 + len(QUANTITIES))]
    groups = [(f"{w * 1e6:g}", [r for r in rows if number(r, WIDTH) == w]) for w in widths]
    groups.append(("all", rows))
    for label, group in groups:
        cells = [label, str(len(group))]
        for _, key, fmt in QUANTITIES:
            mean, rel = spread([number(r, key) for r in group])
            cells.append("n/a" if math.isnan(mean) else
                         fmt.format(mean) + f" ({100 * rel:.1f} %)")
        lines.append("| " + " | ".join(cells) + " |")
    write_markdown(folder, "stack_pressure_scatter.md", lines)


def plot(folder, rows, widths):
    shown = QUANTITIES[:4]
    fig, axes = plt.subplots(1, len(shown), figsize=(4 * len(shown), 3.4))
    seeds = sorted({number(r, SEED) for r in rows})
    for ax, (name, key, _) in zip(axes, shown):
        for seed, marker in zip(seeds, "osd^v<>"):
            pick = sorted((r for r in rows if number(r, SEED) == seed),
                          key=lambda r: number(r, WIDTH))
            ax.plot([number(r, WIDTH) * 1e6 for r in pick], [number(r, key) for r in pick],
                    marker=marker, linestyle="none", label=f"seed {seed:g}")
        means = [spread([number(r, key) for r in rows if number(r, WIDTH) == w])[0]
                 for w in widths]
        ax.plot([w * 1e6 for w in widths], means, color="k", linewidth=1, label="mean")
        ax.set_xlabel("section width [um]")
        ax.set_ylabel(name)
        ax.grid(alpha=0.3)
    axes[0].legend(fontsize=8)
    fig.suptitle("Stack-pressure cell: scatter over section width and packing")
    fig.tight_layout()
    path = os.path.join(folder, "stack_pressure_scatter.png")
    fig.savefig(path, dpi=130)
    plt.close(fig)
    print("wrote", path)


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: scripts/stack_pressure_scatter OUTPUT_FOLDER (that holds sweep.csv)")
    folder = sys.argv[1]
    with open(os.path.join(folder, "sweep.csv"), newline="") as f:
        rows = [r for r in csv.DictReader(f) if r.get("status") == "ok"]
    if not rows:
        sys.exit(f"no finished case in {folder}/sweep.csv")
    widths = sorted({number(r, WIDTH) for r in rows})
    plot(folder, rows, widths)
    table(folder, rows, widths)


if __name__ == "__main__":
    main()
