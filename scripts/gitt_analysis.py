"""GITT analysis of an ssbcell run: per current pulse the IR drop, the
Weppner-Huggins diffusivity and the overpotential, against the mean
stoichiometry of the active material.

  scripts/gitt_analysis RUN_FOLDER [--radius R] [--output DIR] [--no-plots]

A pulse is a charge or discharge step that ran its full time, with a rest
before it and a rest after it (`Repeat N times: Discharge at ... for ..., Rest for ...`). For each one,
with t the time since the current was switched on and tau the pulse length:

- the voltage during the pulse is fitted by E(t) = a + b sqrt(t) (least
  squares over every time step of the pulse);
- IR drop = E_0 - a in a discharge (a - E_0 in a charge), E_0 the voltage
  at the end of the rest before: the jump when the current starts (ohmic and charge-transfer parts; the model
  has no double layer, so nothing relaxes faster than the first step);
- dE_t = b sqrt(tau): the transient change without the IR drop;
- dE_s = E_rest - E_0, E_rest the voltage at the end of the rest after;
- Weppner and Huggins (J. Electrochem. Soc. 124 (1977) 1569):

      D = 4 / (pi tau) (V/S)^2 (dE_s / dE_t)^2,

  with V/S = R/3 for spheres of radius R (Geometry/Particle radius of the
  run; for a particle population of the 1D model, 3 V/S of all its
  classes; or --radius). It assumes semi-infinite planar diffusion into the
  particle (tau << R^2/D), a linear OCP over the pulse and a constant
  kinetic overpotential; the column `diffusion_time_ratio` = D tau / R^2
  says how well the first holds (docs/characterisation.md gives the bias the
  verification measured: about 1.5 sqrt(D tau)/R, low);
- overpotential = E_rest - E_end in a discharge (the opposite in a charge),
  E_end the voltage at the end of the pulse.

IR drop and overpotential are positive for a loss; a negative value means
the sqrt(t) law does not describe the pulse (see sqrt_fit_r2).

Writes DIR/gitt.csv (one row per pulse), DIR/gitt.json (the assumptions and
the median diffusivity) and, unless --no-plots, DIR/gitt.png. DIR defaults to
RUN_FOLDER/gitt. The core uses only the standard library, so the
verification can run it with any Python; the plots need matplotlib.
"""
import argparse
import csv
import json
import math
import os
import re
import statistics
import sys

COLUMNS = ["pulse", "step", "kind", "current_A_m2", "duration_s", "theta_before",
           "theta_after", "E_before_V", "E_pulse_end_V", "E_after_V", "ir_drop_V",
           "ir_resistance_ohm_m2", "dE_s_V", "dE_t_V", "sqrt_fit_r2",
           "diffusivity_m2_s", "diffusivity_sphere_m2_s", "diffusion_time_ratio", "overpotential_V",
           "rest_end_drift_V_h"]


def read_rows(path):
    with open(path, newline="") as f:
        return [{k: float(v) for k, v in row.items()} for row in csv.DictReader(f)]


def read_parameter(parameters_prm, path, name):
    """The value of `set NAME = ...` in subsection PATH (a list) of a
    parameters.prm, or None."""
    section = []
    with open(parameters_prm) as f:
        for line in f:
            text = line.split("#", 1)[0].strip()
            if text.startswith("subsection "):
                section.append(text[len("subsection "):].strip())
            elif text == "end":
                section.pop()
            elif section == path and text.startswith("set "):
                key, _, value = text[4:].partition("=")
                if key.strip() == name:
                    return value.strip()
    return None


def read_radius(parameters_prm):
    """The radius R with V/S = R/3 of the run's active material: one
    particle's radius, or for a population of the 1D model 3 V/S of all its
    classes (the volume-weighted harmonic mean of their radii)."""
    value = read_parameter(parameters_prm, ["Geometry"], "Particle radius [m]")
    if not value:
        return None
    radius = float(value)
    section = ["Geometry", "Spherical particle"]
    n = int(read_parameter(parameters_prm, section, "Size classes") or 0)
    radii = read_parameter(parameters_prm, section, "Particle class radii [m]") or ""
    if n > 0:
        # The classes' radii: quantiles (k + 1/2)/n of a log-normal by volume
        # (docs/parameters-reference.prm, 'Size classes'), equal volumes.
        spread = float(read_parameter(parameters_prm, section,
                                      "Particle radius spread [decades]"))
        normal = statistics.NormalDist()
        classes = [radius * 10 ** (spread * normal.inv_cdf((k + 0.5) / n)) for k in range(n)]
        return 1.0 / (sum(1.0 / r for r in classes) / n)
    if radii.strip():
        classes = [float(x) for x in radii.split(",")]
        text = read_parameter(parameters_prm, section, "Particle class volume fractions") or ""
        fractions = ([float(x) for x in text.split(",")] if text.strip()
                     else [1.0 / len(classes)] * len(classes))
        return sum(fractions) / sum(f / r for f, r in zip(fractions, classes))
    return radius


def model_diffusivity(parameters_prm):
    """The run's constant D, for the plot; None for other models."""
    material = ["Materials", "Active material"]
    if read_parameter(parameters_prm, material, "Diffusivity model") != "constant":
        return None
    return float(read_parameter(parameters_prm, material, "Diffusivity [m^2/s]"))


def fit_sqrt_t(times, voltages):
    """Least squares E = a + b sqrt(t); returns a, b and r^2."""
    x = [math.sqrt(t) for t in times]
    n = len(x)
    mx, my = sum(x) / n, sum(voltages) / n
    sxx = sum((xi - mx) ** 2 for xi in x)
    sxy = sum((xi - mx) * (yi - my) for xi, yi in zip(x, voltages))
    syy = sum((yi - my) ** 2 for yi in voltages)
    b = sxy / sxx
    a = my - b * mx
    r2 = sxy * sxy / (sxx * syy) if syy > 0 else 1.0
    return a, b, r2


def weppner_huggins(tau, volume_to_surface, de_s, de_t):
    return 4.0 / (math.pi * tau) * volume_to_surface ** 2 * (de_s / de_t) ** 2


def sphere_roots(n):
    """The first n positive roots of tan(a) = a."""
    roots = []
    for k in range(1, n + 1):
        a = (k + 0.5) * math.pi - 1e-3
        for _ in range(50):  # Newton on a cos(a) - sin(a), near (k + 1/2) pi
            f = a * math.cos(a) - math.sin(a)
            a -= f / (-a * math.sin(a))
        roots.append(a)
    return roots


ROOTS = sphere_roots(200)


def sphere_surface_response(t, d, radius, tau):
    """Surface concentration change of a sphere under a constant inward flux
    switched on at t = 0, over the change of its mean concentration at t =
    tau: g(t) = (c_s(t) - c_0) / (c_mean(tau) - c_0). Crank, The
    Mathematics of Diffusion (1975), eq. 6.51 as a series at later times; at
    early times its Laplace-domain form with tanh(qR) = 1 (error of order
    exp(-2 R / sqrt(D t))): (R/D)(exp(x^2) erfc(-x) - 1) per unit flux,
    x = sqrt(D t)/R."""
    s = d * t / radius ** 2
    if s < 0.01:
        x = math.sqrt(s)
        per_flux = radius / d * (math.exp(x * x) * math.erfc(-x) - 1.0)
    else:
        series = sum(math.exp(-a * a * s) / (a * a) for a in ROOTS)
        per_flux = radius / d * (3.0 * s + 0.2 - 2.0 * series)
    return per_flux / (3.0 * tau / radius)


def sphere_fit_ratio(times, d, radius):
    """What the sqrt(t) fit gives for dE_t/dE_s on an exact sphere, at the
    pulse's own sample times: the intercept and the ratio."""
    tau = times[-1]
    a, b, _ = fit_sqrt_t(times, [sphere_surface_response(t, d, radius, tau) for t in times])
    return a, b * math.sqrt(tau)


def sphere_diffusivity(times, radius, ratio, guess):
    """D for which an exact sphere gives the measured dE_t/dE_s (bisection in
    log D; the ratio falls as D grows). None if not bracketed: a transient
    flatter than a well-mixed particle's, e.g. where the OCP bends."""
    # Weppner-Huggins reads low (the sphere's transient is larger than the
    # planar one), so the bracket reaches further up than down.
    lo, hi = math.log(guess) - 6.0, math.log(guess) + 12.0
    f = lambda log_d: sphere_fit_ratio(times, math.exp(log_d), radius)[1] - ratio  # noqa
    f_lo, f_hi = f(lo), f(hi)
    if f_lo * f_hi > 0:
        return None
    for _ in range(60):
        mid = 0.5 * (lo + hi)
        f_mid = f(mid)
        if f_mid * f_lo > 0:
            lo, f_lo = mid, f_mid
        else:
            hi = mid
    return math.exp(0.5 * (lo + hi))


def analyse_pulse(before, pulse, after, radius):
    """One pulse from the rows of the rest before it, its own and the rest
    after it (each a list of statistics.csv rows)."""
    t0, e0 = before[-1]["time_s"], before[-1]["voltage_V"]
    times = [r["time_s"] - t0 for r in pulse]
    voltages = [r["voltage_V"] for r in pulse]
    tau = times[-1]
    current = pulse[-1]["current_A_m2"]
    a, b, r2 = fit_sqrt_t(times, voltages)
    # Discharge (current > 0) lowers the voltage: losses are positive.
    sign = 1.0 if current > 0 else -1.0
    ir_drop = sign * (e0 - a)
    de_t = b * math.sqrt(tau)
    de_s = after[-1]["voltage_V"] - e0
    d = weppner_huggins(tau, radius / 3.0, de_s, de_t)
    d_sphere = sphere_diffusivity(times, radius, de_t / de_s, d)
    rest_t = [r["time_s"] for r in after]
    drift = 0.0
    if len(after) >= 2 and rest_t[-1] > rest_t[-2]:
        drift = ((after[-1]["voltage_V"] - after[-2]["voltage_V"])
                 / (rest_t[-1] - rest_t[-2]) * 3600.0)
    return {
        "current_A_m2": current, "duration_s": tau,
        "theta_before": before[-1]["soc"], "theta_after": after[-1]["soc"],
        "E_before_V": e0, "E_pulse_end_V": voltages[-1], "E_after_V": after[-1]["voltage_V"],
        "ir_drop_V": ir_drop, "ir_resistance_ohm_m2": ir_drop / abs(current),
        "dE_s_V": de_s, "dE_t_V": de_t, "sqrt_fit_r2": r2, "diffusivity_m2_s": d,
        "diffusivity_sphere_m2_s": d_sphere if d_sphere else float("nan"),
        "diffusion_time_ratio": (d_sphere or d) * tau / radius ** 2,
        "overpotential_V": sign * (after[-1]["voltage_V"] - voltages[-1]),
        "rest_end_drift_V_h": drift,
    }


def find_pulses(steps, rows):
    """(step index, kind, rows before, rows of the pulse, rows after) for
    every current step between two rests."""
    by_step = {}
    for r in rows:
        by_step.setdefault(int(r["step"]), []).append(r)
    kinds = {s["index"]: s["kind"] for s in steps}
    # A pulse cut short by a voltage limit is not a constant-current pulse
    # of known length followed by a relaxation: left out.
    ended = {s["index"]: s.get("end_reason", "time") for s in steps}
    pulses = []
    for index, kind in sorted(kinds.items()):
        if kind not in ("charge", "discharge"):
            continue
        if kinds.get(index - 1) != "rest" or kinds.get(index + 1) != "rest":
            continue
        if ended[index] != "time":
            continue
        parts = [by_step.get(index - 1), by_step.get(index), by_step.get(index + 1)]
        if any(not p for p in parts) or len(parts[1]) < 3:
            continue
        pulses.append((index, kind, *parts))
    return pulses


def analyse(run, radius=None):
    with open(os.path.join(run, "summary.json")) as f:
        summary = json.load(f)
    rows = read_rows(os.path.join(run, "statistics.csv"))
    if radius is None:
        prm = os.path.join(run, "parameters.prm")
        dimension = read_parameter(prm, ["Geometry"], "Dimension")
        if dimension and dimension != "1":
            # Discs in 2D (V/S = R/2), meshes of any shape: only the user
            # knows the active material's 3 V/S.
            raise SystemExit(f"{run}: a {dimension}D run; give --radius (3 V/S of the "
                             f"active material)")
        radius = read_radius(prm)
    if not radius or radius <= 0:
        raise SystemExit(f"{run}: no Geometry/Particle radius in parameters.prm; give --radius")
    results = []
    for n, (index, kind, before, pulse, after) in enumerate(find_pulses(summary["steps"], rows)):
        result = {"pulse": n, "step": index, "kind": kind}
        result.update(analyse_pulse(before, pulse, after, radius))
        results.append(result)
    return radius, rows, results


def write_outputs(out, radius, results):
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, "gitt.csv"), "w", newline="") as f:
        w = csv.DictWriter(f, fieldnames=COLUMNS)
        w.writeheader()
        for r in results:
            w.writerow({k: (f"{v:.10g}" if isinstance(v, float) else v) for k, v in r.items()})
    info = {
        "pulses": len(results),
        "geometry": "spheres of radius R: V/S = R/3",
        "particle_radius_m": radius,
        "assumptions": "semi-infinite planar diffusion during a pulse (tau << R^2/D), "
                       "linear OCP over a pulse, constant kinetic overpotential",
        "diffusivity_median_m2_s": (statistics.median(r["diffusivity_m2_s"] for r in results)
                                    if results else None),
        "diffusivity_sphere_median_m2_s": (
            statistics.median(r["diffusivity_sphere_m2_s"] for r in results
                              if not math.isnan(r["diffusivity_sphere_m2_s"]))
            if any(not math.isnan(r["diffusivity_sphere_m2_s"]) for r in results) else None),
        "ir_resistance_median_ohm_m2": (statistics.median(r["ir_resistance_ohm_m2"]
                                                          for r in results)
                                        if results else None),
    }
    with open(os.path.join(out, "gitt.json"), "w") as f:
        json.dump(info, f, indent=2)
    return info


def plot(out, rows, results, d_model=None):
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    theta = [r["theta_after"] for r in results]
    fig, axes = plt.subplots(2, 2, figsize=(10, 7))
    ax = axes[0][0]
    ax.plot([r["time_s"] / 3600 for r in rows], [r["voltage_V"] for r in rows], lw=0.8)
    ax.set_xlabel("time [h]")
    ax.set_ylabel("cell voltage [V]")
    ax.set_title("voltage")
    ax = axes[0][1]
    ax.semilogy(theta, [r["diffusivity_m2_s"] for r in results], "o-", ms=3,
                label="Weppner-Huggins")
    ax.semilogy(theta, [r["diffusivity_sphere_m2_s"] for r in results], "s-", ms=3,
                label="exact-sphere fit")
    if d_model:
        ax.axhline(d_model, color="k", ls="--", lw=0.8, label="the model's D")
    ax.legend(fontsize=8)
    ax.set_ylabel("D [m$^2$/s]")
    ax.set_title("diffusivity")
    ax = axes[1][0]
    ax.plot(theta, [r["ir_drop_V"] * 1e3 for r in results], "o-", ms=3)
    ax.set_ylabel("IR drop [mV]")
    ax.set_title("IR drop at the start of each pulse")
    ax = axes[1][1]
    ax.plot(theta, [r["overpotential_V"] * 1e3 for r in results], "o-", ms=3)
    ax.set_ylabel("overpotential [mV]")
    ax.set_title("overpotential at the end of each pulse")
    for ax in (axes[0][1], axes[1][0], axes[1][1]):
        ax.set_xlabel("mean stoichiometry of the active material after the pulse")
        ax.grid(alpha=0.3)
    fig.tight_layout()
    path = os.path.join(out, "gitt.png")
    fig.savefig(path, dpi=120)
    return path


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("run", help="output folder of an ssbcell run")
    p.add_argument("--radius", type=float, help="particle radius [m] (default: the run's)")
    p.add_argument("--output", help="folder for gitt.csv/json/png (default RUN/gitt)")
    p.add_argument("--no-plots", action="store_true")
    args = p.parse_args()
    out = args.output or os.path.join(args.run, "gitt")
    radius, rows, results = analyse(args.run, args.radius)
    if not results:
        sys.exit(f"{args.run}: no current pulse between two rests")
    info = write_outputs(out, radius, results)
    sphere = info["diffusivity_sphere_median_m2_s"]
    print(f"{len(results)} pulses; spheres of radius {radius:g} m (V/S = R/3); median D "
          f"{info['diffusivity_median_m2_s']:.4g} m^2/s (Weppner-Huggins), "
          f"{'none' if sphere is None else f'{sphere:.4g} m^2/s'} (exact-sphere fit); median "
          f"IR resistance {info['ir_resistance_median_ohm_m2']:.4g} ohm m^2")
    typical = statistics.median(r["diffusion_time_ratio"] for r in results)
    if typical > 0.01:
        print(f"warning: D tau / R^2 is {typical:.3g} (median); Weppner-Huggins assumes it "
              f"<< 1 and is biased low by about 1.5 sqrt(D tau)/R while that is small; "
              f"the exact-sphere fit does not need it")
    print(f"wrote {os.path.join(out, 'gitt.csv')}")
    if not args.no_plots:
        d_model = model_diffusivity(os.path.join(args.run, "parameters.prm"))
        print(f"wrote {plot(out, rows, results, d_model)}")


if __name__ == "__main__":
    main()
