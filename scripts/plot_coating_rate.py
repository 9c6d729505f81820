"""Plots of the coating-conductivity rate study (docs/studies/coating-rate.md)
from the output folder of `ssbcell sweep params/studies/coating_rate.prm`:
  coating_rate_capacity.png   discharge capacity vs C-rate, model and experiment
  coating_rate_voltage.png    discharge voltage curves, per cathode and rate
  coating_rate_losses.png     the voltage-loss breakdown over the 1C discharge
  coating_rate_table.md       model against measurement
written next to sweep.csv."""
import csv
import os
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
EXPERIMENT = os.path.join(HERE, "..", "params", "studies", "data",
                          "coating_rate_experiment.csv")
SIGMA = "Materials/Coating/Ionic conductivity [S/m]"
NAMES = {3.87e-3: "LNTO-450", 1.32e-3: "LNTO-350", 2.43e-4: "LNTO-550"}
COLOURS = {"LNTO-450": "tab:blue", "LNTO-350": "tab:green", "LNTO-550": "tab:red"}


def read_csv(path):
    with open(path, newline="") as f:
        return list(csv.DictReader(row for row in f if not row.startswith("#")))


def cathode(row):
    sigma = float(row[SIGMA])
    return min(NAMES.items(), key=lambda kv: abs(kv[0] / sigma - 1))[1]


def discharge_rows(folder, case_id, step="2"):
    path = os.path.join(folder, "cases", case_id, "statistics.csv")
    return [r for r in read_csv(path) if r["step"] == step] if os.path.exists(path) else []


def capacity_plot(folder, rows, experiment):
    fig, ax = plt.subplots(figsize=(6, 4.2))
    for name, colour in COLOURS.items():
        model = sorted((float(r["discharge_c_rate"]), float(r["discharge_capacity_mAh_g"]))
                       for r in rows if cathode(r) == name and r["status"] == "ok")
        if model:
            ax.plot(*zip(*model), "-o", color=colour, label=f"{name} model")
        for e in experiment:
            if e["cathode"] != name:
                continue
            rate = float(e["c_rate"])
            if e["capacity_mAh_g"]:
                ax.plot(rate, float(e["capacity_mAh_g"]), "s", color=colour, mfc="none", ms=9,
                        label=f"{name} measured" if rate == 0.1 else None)
            else:
                lo, hi = float(e["capacity_min_mAh_g"]), float(e["capacity_max_mAh_g"])
                ax.plot([rate, rate], [lo, hi], ":", color=colour, lw=3, alpha=0.6,
                        label=f"{name} measured range")
    ax.set_xscale("log")
    ax.set_xlabel("discharge C-rate")
    ax.set_ylabel("discharge capacity [mAh/g]")
    ax.set_title("LNTO@NMC532 | LGPS | In-Li: rate capability")
    ax.legend(fontsize=7, ncol=2)
    ax.grid(alpha=0.3)
    fig.tight_layout()
    fig.savefig(os.path.join(folder, "coating_rate_capacity.png"), dpi=150)


def voltage_plot(folder, rows):
    fig, axes = plt.subplots(1, 3, figsize=(12, 4), sharey=True)
    for ax, name in zip(axes, COLOURS):
        for r in sorted((r for r in rows if cathode(r) == name),
                        key=lambda r: float(r["discharge_c_rate"] or 0)):
            data = discharge_rows(folder, r["case_id"])
            if data:
                ax.plot([float(d["capacity_mAh_g"]) for d in data],
                        [float(d["voltage_V"]) for d in data],
                        label=f"{float(r['discharge_c_rate']):g}C")
        ax.set_title(name)
        ax.set_xlabel("discharge capacity [mAh/g]")
        ax.grid(alpha=0.3)
        ax.legend(fontsize=8)
    axes[0].set_ylabel("voltage [V vs In-Li]")
    fig.tight_layout()
    fig.savefig(os.path.join(folder, "coating_rate_voltage.png"), dpi=150)


def loss_plot(folder, rows, rate=1.0):
    fig, axes = plt.subplots(1, 3, figsize=(12, 4), sharey=True)
    for ax, name in zip(axes, COLOURS):
        match = [r for r in rows if cathode(r) == name and r["discharge_c_rate"] and
                 abs(float(r["discharge_c_rate"]) - rate) < 1e-9]
        data = discharge_rows(folder, match[0]["case_id"]) if match else []
        columns = [c for c in (data[0] if data else [])
                   if c.startswith("loss_") and c != "loss_open_circuit_V"]
        labels = [c[5:].replace("_V", "") for c in columns]
        if not data and match:
            # The discharge ended as the current started (the losses at once
            # exceed the voltage window): nothing to plot.
            ax.text(0.5, 0.5, "the discharge ends as soon as\nthe current flows (no capacity)",
                    transform=ax.transAxes, ha="center", fontsize=9)
            ax.set_xlabel("discharge capacity [mAh/g]")
        elif len(data) == 1:
            # The discharge ends at its first step (the losses already exceed
            # the voltage window): the breakdown of that step, as bars.
            ax.bar(labels, [float(data[0][c]) for c in columns],
                   color=[f"C{i}" for i in range(len(columns))])
            ax.tick_params(axis="x", labelrotation=45, labelsize=7)
            ax.text(0.55, 0.45, "the discharge ends\nat its first step", transform=ax.transAxes,
                    ha="left", fontsize=8)
            ax.set_xlabel("at the first step")
        else:
            x = [float(d["capacity_mAh_g"]) for d in data]
            for column, label in zip(columns, labels):
                ax.plot(x, [float(d[column]) for d in data], label=label)
            ax.set_xlabel("discharge capacity [mAh/g]")
            ax.legend(fontsize=7)
        ax.set_title(f"{name}, {rate:g}C discharge")
        ax.grid(alpha=0.3)
    axes[0].set_ylabel("contribution to the cell voltage [V]")
    fig.tight_layout()
    fig.savefig(os.path.join(folder, "coating_rate_losses.png"), dpi=150)


def table(folder, rows, experiment):
    lines = ["| cathode | C-rate | model [mAh/g] | measured [mAh/g] | difference |",
             "|---|---|---|---|---|"]
    for name in COLOURS:
        for r in sorted((r for r in rows if cathode(r) == name),
                        key=lambda r: float(r["discharge_c_rate"] or 0)):
            rate = float(r["discharge_c_rate"]) if r["discharge_c_rate"] else float("nan")
            model = float(r["discharge_capacity_mAh_g"]) if r["status"] == "ok" else None
            measured, diff = "-", "-"
            for e in experiment:
                if e["cathode"] == name and abs(float(e["c_rate"]) - rate) < 1e-9:
                    if e["capacity_mAh_g"]:
                        measured = e["capacity_mAh_g"]
                        if model is not None:
                            diff = f"{model - float(measured):+.1f}"
                    else:
                        measured = (f"between {e['capacity_min_mAh_g']} and "
                                    f"{e['capacity_max_mAh_g']}")
            shown = f"{model:.1f}" if model is not None else r["status"]
            lines.append(f"| {name} | {rate:g} | {shown} | {measured} | {diff} |")
    with open(os.path.join(folder, "coating_rate_table.md"), "w") as f:
        f.write("\n".join(lines) + "\n")
    print("\n".join(lines))


def main(folder):
    rows = read_csv(os.path.join(folder, "sweep.csv"))
    experiment = read_csv(EXPERIMENT)
    capacity_plot(folder, rows, experiment)
    voltage_plot(folder, rows)
    loss_plot(folder, rows)
    table(folder, rows, experiment)
    print(f"Wrote coating_rate_capacity.png, coating_rate_voltage.png, "
          f"coating_rate_losses.png and coating_rate_table.md into {folder}")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: scripts/plot_coating_rate OUTPUT_FOLDER (of the sweep)")
    main(sys.argv[1])
