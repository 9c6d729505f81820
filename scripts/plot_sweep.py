"""Plots the headline results of a sweep.csv: the discharge capacity (and
every step's capacity) against the first numeric varied parameter, one line
per combination of the others. Writes <csv folder>/sweep_<quantity>.png."""
import csv
import os
import re
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402


def as_float(text):
    try:
        return float(text)
    except ValueError:
        return None


def c_rate(text):
    """The last C-rate of a protocol text, e.g. 'Discharge at 1C ...' -> 1."""
    rates = re.findall(r"at\s*([0-9.eE+-]+)\s*C\b", text)
    return float(rates[-1]) if rates else None


def main(path):
    with open(path, newline="") as f:
        rows = list(csv.DictReader(f))
    if not rows:
        sys.exit(f"{path}: no cases")
    columns = list(rows[0].keys())
    varied = columns[1:columns.index("status")]
    # x: a varied protocol, by the C-rate of its last step (a rate study),
    # else the first numeric varied parameter; the others label the lines.
    x_name, x_of = None, None
    for name in varied:
        if all(as_float(r[name]) is None and c_rate(r[name]) is not None for r in rows):
            x_name, x_of = name + " (C-rate of the last step)", (lambda r, n=name: c_rate(r[n]))
            break
    for name in varied if x_name is None else []:
        if all(as_float(r[name]) is not None for r in rows):
            x_name, x_of = name, (lambda r, n=name: as_float(r[n]))
            break
    if x_name is None:
        x_name, x_of = "case", (lambda r: float(r["case_id"].split("-")[1]))
    others = [n for n in varied if not x_name.startswith(n)]

    quantities = [c for c in columns if c.endswith("capacity_mAh_g")]
    written = []
    for q in quantities:
        fig, ax = plt.subplots(figsize=(6, 4))
        groups = {}
        for r in rows:
            if r["status"] != "ok" or as_float(r[q]) is None:
                continue
            label = ", ".join(f"{n.split('/')[-1]} = {r[n]}" for n in others) or None
            groups.setdefault(label, []).append((x_of(r), as_float(r[q])))
        for label, points in groups.items():
            points.sort()
            ax.plot([p[0] for p in points], [p[1] for p in points], "o-", label=label)
        ax.set_xlabel(x_name)
        ax.set_ylabel(q.replace("_mAh_g", " [mAh/g]").replace("_", " "))
        if any(label for label in groups):
            ax.legend(fontsize=7)
        ax.grid(alpha=0.3)
        fig.tight_layout()
        out = os.path.join(os.path.dirname(os.path.abspath(path)), f"sweep_{q}.png")
        fig.savefig(out, dpi=120)
        plt.close(fig)
        written.append(out)
    print("\n".join(written))


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: scripts/plot_sweep SWEEP.csv")
    main(sys.argv[1])
