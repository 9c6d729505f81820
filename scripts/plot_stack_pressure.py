"""Plots of the stack-pressure study (docs/studies/stack-pressure.md) from the
output folder of `ssbcell sweep params/studies/stack_pressure.prm`, written
next to sweep.csv:
  stack_pressure_capacity.png     discharge capacity at 0.01C vs pressure
  stack_pressure_contact.png      contact fraction (mean and by angle to the
                                  pressing axis) vs pressure
  stack_pressure_resistance.png   charge-transfer resistance at 50 % state of
                                  charge vs pressure (log-log)
  stack_pressure_porosity.png     separator and composite porosity vs
                                  pressure, with the measured points; with
                                  gaps at the particle surfaces also the
                                  composite's powder pores alone and the
                                  gaps of spheres (3/2 of the section's)
  stack_pressure_conductivity.png sigma_eff / sigma of the electrolyte powder
  stack_pressure_particles.png    every particle's contact by angle bin, at
                                  the lowest and the highest pressure
  stack_pressure_table.md         the results table
The measured points are those of ../shared data (Sakka et al. 2022): 23 %
porosity in the composite and 5 % in the electrolyte layer at 100 MPa."""
import csv
import math
import os
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib import cm, colors  # noqa: E402
from matplotlib.patches import Wedge  # noqa: E402

PRESSURE = "Mechanics/Stack pressure [Pa]"
MEASURED_POROSITY = {"composite": (100.0, 0.23), "separator": (100.0, 0.05)}
BINS = [("0_30", "0-30 deg (poles)"), ("30_60", "30-60 deg"), ("60_90", "60-90 deg (sides)")]


def read_csv(path):
    with open(path, newline="") as f:
        return list(csv.DictReader(row for row in f if not row.startswith("#")))


def number(row, key):
    try:
        return float(row.get(key, "nan"))
    except ValueError:
        return float("nan")


def series(rows, key):
    return [number(r, key) for r in rows]


def write_markdown(folder, name, lines):
    """Writes the table lines to folder/name and prints them."""
    path = os.path.join(folder, name)
    with open(path, "w") as f:
        f.write("\n".join(lines) + "\n")
    print("wrote", path)
    print("\n".join(lines))


def save(fig, folder, name):
    path = os.path.join(folder, name)
    fig.tight_layout()
    fig.savefig(path, dpi=130)
    plt.close(fig)
    print("wrote", path)


def pressure_axis(ax):
    ax.set_xscale("log")
    ax.set_xlabel("stack pressure [MPa]")
    ax.set_xticks([6, 12, 25, 50, 100])
    ax.get_xaxis().set_major_formatter(matplotlib.ticker.ScalarFormatter())
    ax.grid(alpha=0.3, which="both")


def simple_plot(folder, rows, name, key, ylabel, title, log_y=False):
    p = [x / 1e6 for x in series(rows, PRESSURE)]
    fig, ax = plt.subplots(figsize=(5.5, 4))
    ax.plot(p, series(rows, key), "-o", label="model")
    pressure_axis(ax)
    if log_y:
        ax.set_yscale("log")
    ax.set_ylabel(ylabel)
    ax.set_title(title, fontsize=10)
    save(fig, folder, name)


def contact_plot(folder, rows):
    p = [x / 1e6 for x in series(rows, PRESSURE)]
    fig, ax = plt.subplots(figsize=(5.5, 4))
    ax.plot(p, series(rows, "contact_fraction_mean"), "-o", color="k", label="mean")
    for key, label in BINS:
        ax.plot(p, series(rows, f"contact_fraction_{key}_deg"), "--s", ms=4, label=label)
    pressure_axis(ax)
    ax.set_ylabel("contact fraction a_c [-]")
    ax.set_title("NCM surface touching LGPS, by angle to the pressing axis", fontsize=10)
    ax.legend(fontsize=8)
    save(fig, folder, "stack_pressure_contact.png")


def porosity_plot(folder, rows):
    p = [x / 1e6 for x in series(rows, PRESSURE)]
    fig, ax = plt.subplots(figsize=(5.5, 4))
    for layer, colour in (("composite", "tab:blue"), ("separator", "tab:red")):
        ax.plot(p, series(rows, f"{layer}_porosity"), "-o", color=colour,
                label=f"{layer} (model)")
        mp, mv = MEASURED_POROSITY[layer]
        ax.plot(mp, mv, "*", ms=14, color=colour, mfc="none", label=f"{layer} (measured)")
    # The composite's pores are its powder's, the gaps at the particle
    # surfaces (share g of the composite) and the voids inside the carbon
    # (share v): the powder's alone; the composite of spheres, whose surface
    # per volume is 3/2 of the 2D section's cylinders (docs/physics.md,
    # "Gaps at the particle surfaces"), so half as much gap again; and the
    # pores with the carbon's aggregates whole (share c, voids included),
    # what a tomogram that cannot tell carbon from pores would count.
    total = series(rows, "composite_porosity")
    gap = series(rows, "composite_surface_gap_porosity")
    voids = [0.0 if math.isnan(x) else x
             for x in series(rows, "composite_carbon_void_porosity")]
    carbon = series(rows, "composite_carbon_fraction")
    if not any(math.isnan(g) for g in gap):
        powder = [(t - g - v) / (1 - g - v) for t, g, v in zip(total, gap, voids)]
        spheres = [(t + 0.5 * g) / (1 + 0.5 * g) for t, g in zip(total, gap)]
        ax.plot(p, powder, ":", color="tab:blue", label="composite: powder's pores only")
        ax.plot(p, spheres, "--", color="tab:blue", label="composite: gaps of 3D spheres")
    if not any(math.isnan(c) for c in carbon):
        seen = [t + c - v for t, c, v in zip(total, carbon, voids)]
        ax.plot(p, seen, "-.", color="tab:green",
                label="composite: pores + carbon aggregates")
    pressure_axis(ax)
    ax.set_ylabel("porosity [-]")
    ax.set_title("separator: calibrated at 100 MPa; composite: predicted", fontsize=10)
    ax.legend(fontsize=8)
    save(fig, folder, "stack_pressure_porosity.png")


def particles_plot(folder, rows):
    """Each particle as a ring of sectors coloured by the contact fraction of
    its angle bin (the bins fold the angle between the surface normal and the
    pressing axis into 0-90 degrees, so both poles share a bin)."""
    chosen = [r for r in rows if r.get("status", "ok") == "ok"]
    if len(chosen) < 2:
        return
    chosen = [min(chosen, key=lambda r: number(r, PRESSURE)),
              max(chosen, key=lambda r: number(r, PRESSURE))]
    norm = colors.Normalize(vmin=0.0, vmax=max(0.05, max(
        number(r, f"contact_fraction_{k}_deg") for r in chosen for k, _ in BINS)))
    cmap = cm.viridis
    fig, axes = plt.subplots(1, 2, figsize=(8, 6.5), sharey=True)
    for ax, row in zip(axes, chosen):
        path = os.path.join(folder, "cases", row["case_id"], "particles.csv")
        if not os.path.exists(path):
            continue
        for prt in read_csv(path):
            x, y, radius = (number(prt, k) * 1e6 for k in ("x_m", "y_m", "radius_m"))
            # Wedges around the centre; angle from the pressing axis (y).
            for start in range(0, 360, 15):
                mid = start + 7.5
                from_axis = abs(((90.0 - mid) + 180.0) % 360.0 - 180.0)  # 0..180
                folded = min(from_axis, 180.0 - from_axis)
                key = BINS[min(2, int(folded // 30))][0]
                value = number(prt, f"contact_fraction_{key}_deg")
                face = "lightgrey" if math.isnan(value) else cmap(norm(value))
                ax.add_patch(Wedge((x, y), radius, start, start + 15, width=0.35 * radius,
                                   facecolor=face, edgecolor="none"))
            if prt.get("inactive", "0") == "1":
                ax.plot(x, y, "x", color="red")
        ax.set_aspect("equal")
        ax.autoscale_view()
        ax.set_xlabel("x [um]")
        ax.set_title(f"{number(row, PRESSURE) / 1e6:g} MPa: mean a_c "
                     f"{number(row, 'contact_fraction_mean'):.3f}", fontsize=10)
    axes[0].set_ylabel("height above the anode [um]")
    fig.colorbar(cm.ScalarMappable(norm=norm, cmap=cmap), ax=axes,
                 label="contact fraction of the angle bin", shrink=0.8)
    fig.suptitle("Contact on the particle surfaces at the end of the run "
                 "(pressing axis vertical)", fontsize=10)
    path = os.path.join(folder, "stack_pressure_particles.png")
    fig.savefig(path, dpi=130)
    plt.close(fig)
    print("wrote", path)


def table(folder, rows):
    columns = [("P [MPa]", PRESSURE, 1e-6, "{:g}"),
               ("capacity [mAh/g]", "discharge_capacity_mAh_g", 1, "{:.1f}"),
               ("a_c mean", "contact_fraction_mean", 1, "{:.4f}"),
               ("a_c 0-30", "contact_fraction_0_30_deg", 1, "{:.4f}"),
               ("a_c 60-90", "contact_fraction_60_90_deg", 1, "{:.4f}"),
               ("R_ct [ohm m^2]", "charge_transfer_resistance_mid_discharge_ohm_m2", 1, "{:.3g}"),
               ("separator porosity", "separator_porosity", 1, "{:.3f}"),
               ("composite porosity", "composite_porosity", 1, "{:.3f}"),
               ("of which surface gaps", "composite_surface_gap_porosity", 1, "{:.3f}"),
               ("of which carbon voids", "composite_carbon_void_porosity", 1, "{:.3f}"),
               ("carbon aggregates", "composite_carbon_fraction", 1, "{:.3f}"),
               ("sigma_eff/sigma (separator)", "separator_conductivity_factor", 1, "{:.3f}"),
               ("E_eff/E (separator)", "separator_stiffness_factor", 1, "{:.3f}"),
               ("inactive AM", "inactive_active_material_fraction", 1, "{:.3f}")]
    lines = ["| " + " | ".join(c[0] for c in columns) + " |",
             "|" + "---|" * len(columns)]
    for r in rows:
        cells = []
        for _, key, scale, fmt in columns:
            v = number(r, key)
            cells.append("n/a" if math.isnan(v) else fmt.format(v * scale))
        lines.append("| " + " | ".join(cells) + " |")
    write_markdown(folder, "stack_pressure_table.md", lines)


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: scripts/plot_stack_pressure OUTPUT_FOLDER (that holds sweep.csv)")
    folder = sys.argv[1]
    rows = [r for r in read_csv(os.path.join(folder, "sweep.csv")) if r.get("status") == "ok"]
    if not rows:
        sys.exit(f"no finished case in {folder}/sweep.csv")
    rows.sort(key=lambda r: number(r, PRESSURE))
    simple_plot(folder, rows, "stack_pressure_capacity.png", "discharge_capacity_mAh_g",
                "discharge capacity [mAh/g]", "Capacity vs stack pressure")
    contact_plot(folder, rows)
    simple_plot(folder, rows, "stack_pressure_resistance.png",
                "charge_transfer_resistance_mid_discharge_ohm_m2",
                "R_ct at 50 % SOC [ohm m^2 of particle surface]",
                "Charge-transfer resistance vs stack pressure", log_y=True)
    porosity_plot(folder, rows)
    simple_plot(folder, rows, "stack_pressure_conductivity.png",
                "separator_conductivity_factor", "sigma_eff / sigma in the separator [-]",
                "Electrolyte powder conductivity vs stack pressure")
    particles_plot(folder, rows)
    table(folder, rows)


if __name__ == "__main__":
    main()
