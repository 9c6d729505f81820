#!/usr/bin/env python3
"""Verification of the Impedance step (docs/characterisation.md).

1. Randles (params/verification/eis_planar_cell.prm): the planar single-ion
   cell about its rested state has the closed-form impedance
     Z = L/sigma + 1/(i0_a f + i w C_a)
         + 1/(i w C_dl + 1/(1/(i0 f) + (-dU/dc)/F coth(k l)/(D k))),
   k = sqrt(i w/D), f = F/(RT). The error of the computed spectrum is the
   diffusion layer's in the active layer: with 8, 16 and 32 Q2 cells it must
   fall with an order of at least ORDER_MIN, and at 32 cells stay below
   PLANAR_TOLERANCE. The same cell in 2D and 3D on 2 ranks (fields vary along
   the axis only) must give the 1D spectrum to SAME_TOLERANCE. With a
   resolved coating behind an ion-transfer resistance (and its
   coating|electrolyte double layer) or a resolved electronic potential,
   the series terms they add must appear to PLANAR_TOLERANCE.
2. Spherical diffusion (params/verification/eis_sphere.prm): a 1D particle
   of radius R in a thin electrolyte shell with the lumped anode:
     Z = R_shell + 1/(i0_a f + i w C_a) + (rho R/(3 loading)) z_s,
     z_s = 1/(i w C_dl + 1/(1/(i0 f) + (-dU/dc)/F (R/D) tanh(s)/(s - tanh(s)))),
   s = R sqrt(i w/D), per particle surface; to SPHERE_TOLERANCE. The same
   with the coating as a thin layer: its resistance across its geometric
   capacitance and its ion transfer across the coating|electrolyte double
   layer in series with z_s.
   With a binary electrolyte (anions carry the double layers' current,
   Li+ the reactions'), the salt's diffusion and diffusion potential add
   a closed-form term (binary_electrolyte_impedance): its error falls at
   order ORDER_MIN or more and is below PLANAR_TOLERANCE of that term.
3. Zero frequency: Re Z at the lowest frequency equals the slope of the
   planar cell's pseudo-steady polarisation in the time domain, from a
   discharge and a charge at C/200 for 10 l^2/D (the mean of the two cancels
   the even-order nonlinearity; the OCV of the mean stoichiometry is the
   'open_circuit_V' of the loss breakdown), to DC_TOLERANCE.
4. The fitted equivalent circuit of the planar cell: two arcs, R_s to 2 %
   of L/sigma and the arcs' sum within FIT_TOLERANCE of the two
   resistances 1/(i0 f) + 1/(i0_a f).

  check_impedance.py --ssbcell BIN --root SOURCE_DIR --output DIR
"""
import cmath
import csv
import math
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ssbcell_run import check_arguments, report, run_case  # noqa: E402

F, R_GAS, T = 96485.33212, 8.314462618, 298.15
FT = F / (R_GAS * T)
C_MAX, DENSITY = 35380.0, 4770.0
DU_DTHETA = -0.8          # the verification OCPs, 4.2 - 0.8 theta
I0_C, I0_A = 0.5, 10.0    # A/m^2, cathode (constant model) and anode defaults
C_DL, C_A = 0.1, 0.05     # F/m^2, as in the .prm files
SIGMA = 0.28              # S/m, the default electrolyte
ORDER_MIN = 2.0
PLANAR_TOLERANCE = 2e-3
SAME_TOLERANCE = 1e-8
SPHERE_TOLERANCE = 2e-3
DC_TOLERANCE = 2e-3
FIT_TOLERANCE = 0.05


def read_spectrum(folder, name="impedance.csv"):
    with open(os.path.join(folder, name), newline="") as f:
        rows = list(csv.DictReader(f))
    return ([float(r["frequency_Hz"]) for r in rows],
            [complex(float(r["Z_real_ohm_m2"]), float(r["Z_imag_ohm_m2"])) for r in rows])


def coth(x):
    return 1 / cmath.tanh(x)


def active_layer_faradaic(f, l=2e-6, D=1e-12):
    """The active layer's reaction in series with its finite-length
    (reflective) solid diffusion: R_ct + (-dU/dc)/F coth(k l)/(D k)."""
    k = cmath.sqrt(1j * 2 * math.pi * f / D)
    return 1 / (I0_C * FT) - DU_DTHETA / (C_MAX * F) * coth(k * l) / (D * k)


def randles(f, L=1e-5):
    iw = 1j * 2 * math.pi * f
    return (L / SIGMA + 1 / (I0_A * FT + iw * C_A)
            + 1 / (iw * C_DL + 1 / active_layer_faradaic(f)))


def max_relative_error(f, z, exact):
    return max(abs(zk - exact(fk)) / abs(exact(fk)) for fk, zk in zip(f, z))


def check_planar(args, checks):
    prm = os.path.join(args.root, "params", "verification", "eis_planar_cell.prm")
    errors = []
    for n in (8, 16, 32):
        out = os.path.join(args.output, f"planar_{n}")
        run_case(args.ssbcell, prm, out, [f"Geometry/Planar cell/Cells in active material={n}"])
        f, z = read_spectrum(out)
        errors.append(max_relative_error(f, z, randles))
        print(f"planar, {n} cells: max |Z - Z_exact|/|Z_exact| = {errors[-1]:.3e}")
    orders = [math.log2(errors[k] / errors[k + 1]) for k in range(2)]
    checks.append((min(orders) >= ORDER_MIN,
                   f"Randles: error order {orders[0]:.2f}, {orders[1]:.2f} "
                   f"(at least {ORDER_MIN})"))
    checks.append((errors[-1] <= PLANAR_TOLERANCE,
                   f"Randles: 32 cells to {errors[-1]:.2e} (at most {PLANAR_TOLERANCE})"))
    f1, z1 = read_spectrum(os.path.join(args.output, "planar_32"))
    for dim in (2, 3):
        out = os.path.join(args.output, f"planar_{dim}d")
        run_case(args.ssbcell, prm, out,
                 [f"Geometry/Dimension={dim}",
                  "Geometry/Planar cell/Cells in active material=32"], ranks=2)
        f, z = read_spectrum(out)
        diff = max(abs(a - b) / abs(b) for a, b in zip(z, z1))
        checks.append((len(z) == len(z1) and diff <= SAME_TOLERANCE,
                       f"{dim}D on 2 ranks: the 1D spectrum to {diff:.1e} "
                       f"(at most {SAME_TOLERANCE:g})"))
    return f1, z1


def check_planar_variants(args, checks):
    """The planar cell with what adds in series, closed form each:
    - a resolved coating (10 nm, 3.87e-3 S/m) with its own potential behind
      an ion-transfer resistance R_t = 1e-3 ohm m^2 across the
      coating|electrolyte double layer C_t = 0.1 F/m^2:
      Z + L_c/sigma_c + R_t/(1 + i w R_t C_t);
    - a resolved electronic potential in the active layer (0.01 S/m):
      Z + l/sigma_s (the electrons cross the layer to the reacting face)."""
    prm = os.path.join(args.root, "params", "verification", "eis_planar_cell.prm")
    cells = "Geometry/Planar cell/Cells in active material=32"
    r_t, c_t, L_c, sigma_c, sigma_s = 1e-3, 0.1, 1e-8, 3.87e-3, 0.01
    cases = [("coating_double_layer",
              [cells, f"Geometry/Coating thickness [m]={L_c}",
               f"Materials/Coating/Ion-transfer resistance [ohm m^2]={r_t}",
               f"Materials/Double layer/Coating|electrolyte [F/m^2]={c_t}"],
              lambda fk: randles(fk) + L_c / sigma_c
              + r_t / (1 + 1j * 2 * math.pi * fk * r_t * c_t)),
             ("resolved_phi_s",
              [cells, "Materials/Electronic conduction/Model=resolved",
               f"Materials/Electronic conduction/Active material conductivity [S/m]={sigma_s}"],
              lambda fk: randles(fk) + 2e-6 / sigma_s)]
    for name, settings, exact in cases:
        out = os.path.join(args.output, name)
        run_case(args.ssbcell, prm, out, settings)
        f, z = read_spectrum(out)
        error = max_relative_error(f, z, exact)
        checks.append((error <= PLANAR_TOLERANCE,
                       f"planar cell, {name.replace('_', ' ')}: {error:.2e} "
                       f"(at most {PLANAR_TOLERANCE:g})"))


def binary_electrolyte_impedance(f, L=1e-5, sigma=0.002, t_plus=0.3, c0=100.0):
    """The binary electrolyte's part of the planar cell's impedance. Anions
    are blocked for the Faradaic current only: at each electrode the
    double-layer current i_C is carried by anions (N- = -i_C/F) and the
    reaction's i_F by Li+ (N+ = i_F/F), so the salt gradient at the wall is
    -(D- h - D+ (1 - h)) i/(2 F D+ D-), h = i_F/i of that interface. The
    salt obeys i w dc = D_a c'' (D_a = 2 D+ D-/(D+ + D-)), and Ohm's law
    gains the diffusion potential F (D+ - D-) grad c:
      Z_e = [L - (D+ - D-)(g_a + g_c)/(2 D+ D-) tanh(kL/2)/k]/sigma,
      g = D- h - D+ (1 - h),  k = sqrt(i w/D_a),
    with h_a = 1/(1 + i w C_a R_a) at the anode and h_c = 1/(1 + i w C_dl
    Z_F) at the active layer (Z_F its reaction and solid diffusion)."""
    iw = 1j * 2 * math.pi * f
    d = sigma / (F * FT * c0)
    d_plus, d_minus = t_plus * d, (1 - t_plus) * d
    k = cmath.sqrt(iw * (d_plus + d_minus) / (2 * d_plus * d_minus))
    h_a = 1 / (1 + iw * C_A / (I0_A * FT))
    h_c = 1 / (1 + iw * C_DL * active_layer_faradaic(f))
    g = (d_minus * h_a - d_plus * (1 - h_a)) + (d_minus * h_c - d_plus * (1 - h_c))
    return (L - (d_plus - d_minus) * g / (2 * d_plus * d_minus) * cmath.tanh(k * L / 2) / k) / sigma


def check_binary_electrolyte(args, checks):
    """The planar cell with a binary electrolyte (t+ = 0.3, 0.002 S/m,
    100 mol/m^3: L^2/D_a = 45 s), 1 Hz to 1 mHz (above, the salt's
    boundary layer needs a graded mesh): Randles with L/sigma replaced by
    binary_electrolyte_impedance. The error, against the size of the
    salt's part |Z_e - L/sigma|, must fall with the electrolyte's cells at
    order ORDER_MIN or more and be below PLANAR_TOLERANCE at 32 cells."""
    prm = os.path.join(args.root, "params", "verification", "eis_planar_cell.prm")

    def exact(fk):
        return randles(fk) - 1e-5 / SIGMA + binary_electrolyte_impedance(fk)
    errors = []
    for n in (8, 16, 32):
        out = os.path.join(args.output, f"binary_{n}")
        run_case(args.ssbcell, prm, out, [
            "Geometry/Planar cell/Cells in active material=32",
            f"Geometry/Planar cell/Cells in electrolyte={n}",
            "Materials/Electrolyte/Model=binary",
            "Materials/Electrolyte/Transference number=0.3",
            "Materials/Electrolyte/Li+ concentration [mol/m^3]=100",
            "Materials/Electrolyte/Ionic conductivity [S/m]=0.002",
            "Protocol/Steps=Impedance from 1 Hz to 1 mHz, 8 points per decade"])
        f, z = read_spectrum(out)
        salt = max(abs(binary_electrolyte_impedance(fk) - 1e-5 / 0.002) for fk in f)
        errors.append(max(abs(zk - exact(fk)) for fk, zk in zip(f, z)) / salt)
        print(f"binary electrolyte, {n} cells: max |Z - Z_exact|/|Z_e - L/sigma| = "
              f"{errors[-1]:.3e}")
    orders = [math.log2(errors[k] / errors[k + 1]) for k in range(2)]
    checks.append((min(orders) >= ORDER_MIN and errors[-1] <= PLANAR_TOLERANCE,
                   f"binary electrolyte: error order {orders[0]:.2f}, {orders[1]:.2f} (at "
                   f"least {ORDER_MIN}), 32 cells to {errors[-1]:.2e} of the salt's part "
                   f"(at most {PLANAR_TOLERANCE:g})"))


def check_zero_frequency(args, checks, f, z):
    prm = os.path.join(args.root, "params", "verification", "eis_planar_cell.prm")
    slopes = []
    for kind, sign in (("Discharge", 1), ("Charge", -1)):
        out = os.path.join(args.output, f"dc_{kind.lower()}")
        summary, _ = run_case(args.ssbcell, prm, out, [
            f"Protocol/Steps={kind} at C/200 for 40 s",
            "Time stepping/Relative tolerance=1e-8"])
        step = summary["steps"][-1]
        current, losses = step["end_current_A_m2"], step["voltage_losses"]
        slopes.append((losses["open_circuit_V"] - step["end_voltage_V"]) / current)
    slope = sum(slopes) / 2
    low = min(range(len(f)), key=lambda k: f[k])
    rel = abs(z[low].real / slope - 1)
    checks.append((rel <= DC_TOLERANCE,
                   f"zero frequency: Re Z({f[low]:g} Hz) = {z[low].real:.6g} ohm m^2, "
                   f"polarisation slope {slope:.6g} (discharge {slopes[0]:.6g}, charge "
                   f"{slopes[1]:.6g}): {rel:.1e} apart (at most {DC_TOLERANCE:g})"))


def sphere_impedance(f, R=2e-6, D=1e-13, L_c=7.5e-9, sigma_c=3.87e-3, loading=0.08, film=None):
    """The 1D particle: L_c, sigma_c the resolved shell (coating or
    electrolyte) around it; film(iw) a thin layer in series with the
    reacting surface [ohm m^2 of particle surface]."""
    iw = 1j * 2 * math.pi * f
    s = R * cmath.sqrt(iw / D)
    t = cmath.tanh(s)
    diffusion = -DU_DTHETA / (C_MAX * F) * (R / D) * t / (s - t)
    surface = 1 / (iw * C_DL + 1 / (1 / (I0_C * FT) + diffusion))
    if film:
        surface += film(iw)
    shell = DENSITY * R ** 3 / (3 * loading) * (1 / R - 1 / (R + L_c)) / sigma_c
    return 1 / (I0_A * FT + iw * C_A) + shell + DENSITY * R / (3 * loading) * surface


def check_thin_layer(args, checks):
    """The same particle with its coating as a thin layer (resistance L/sigma
    across its geometric capacitance eps0 eps_r/L, then the ion transfer
    R_t across the coating|electrolyte double layer) and an electrolyte
    shell: a slow coating (1e-6 S/m, R_t = 1e-3 ohm m^2) puts both arcs in
    the spectrum, near 600 Hz and 1.6 kHz."""
    L, sigma_c, r_t, c_t, eps_r = 7.5e-9, 1e-6, 1e-3, 0.1, 30.0
    c_geom = 8.8541878128e-12 * eps_r / L
    prm = os.path.join(args.root, "params", "verification", "eis_sphere.prm")
    out = os.path.join(args.output, "thin_layer")
    run_case(args.ssbcell, prm, out, [
        "Geometry/Coating thickness [m]=0",
        "Geometry/Spherical particle/Electrolyte shell thickness [m]=1e-7",
        f"Materials/Coating/Thin-layer thickness [m]={L}",
        f"Materials/Coating/Ionic conductivity [S/m]={sigma_c}",
        f"Materials/Coating/Ion-transfer resistance [ohm m^2]={r_t}",
        f"Materials/Double layer/Coating|electrolyte [F/m^2]={c_t}"])
    f, z = read_spectrum(out)

    def exact(fk):
        return sphere_impedance(
            fk, L_c=1e-7, sigma_c=SIGMA,
            film=lambda iw: (L / sigma_c) / (1 + iw * L / sigma_c * c_geom)
            + r_t / (1 + iw * r_t * c_t))
    error = max_relative_error(f, z, exact)
    checks.append((error <= SPHERE_TOLERANCE,
                   f"thin-layer coating (its capacitances across L/sigma and R_t): "
                   f"{error:.2e} (at most {SPHERE_TOLERANCE:g})"))


def check_sphere(args, checks):
    prm = os.path.join(args.root, "params", "verification", "eis_sphere.prm")
    out = os.path.join(args.output, "sphere")
    run_case(args.ssbcell, prm, out)
    f, z = read_spectrum(out)
    error = max_relative_error(f, z, sphere_impedance)
    checks.append((error <= SPHERE_TOLERANCE,
                   f"spherical diffusion: max |Z - Z_exact|/|Z_exact| = {error:.2e} "
                   f"(at most {SPHERE_TOLERANCE:g})"))


def check_fit(args, checks):
    import json
    with open(os.path.join(args.output, "planar_32", "summary.json")) as fj:
        values = json.load(fj)["steps"][-1]["impedance"]
    r_s, r_arcs = 1e-5 / SIGMA, 1 / (I0_C * FT) + 1 / (I0_A * FT)
    checks.append((abs(values["fit_R_s_ohm_m2"] / r_s - 1) <= 0.02,
                   f"fit: R_s {values['fit_R_s_ohm_m2']:.5g} ohm m^2, L/sigma {r_s:.5g}"))
    checks.append((values["fit_arcs"] == 2
                   and abs(values["fit_R_ct_ohm_m2"] / r_arcs - 1) <= FIT_TOLERANCE,
                   f"fit: {values['fit_arcs']:g} arcs (2), R_ct {values['fit_R_ct_ohm_m2']:.5g} "
                   f"ohm m^2, the two arcs {r_arcs:.5g} (to {FIT_TOLERANCE:g}); rms misfit "
                   f"{values['fit_rms_relative_error']:.2g}"))


def main():
    args = check_arguments()
    checks = []
    f, z = check_planar(args, checks)
    check_planar_variants(args, checks)
    check_binary_electrolyte(args, checks)
    check_zero_frequency(args, checks, f, z)
    check_sphere(args, checks)
    check_thin_layer(args, checks)
    check_fit(args, checks)
    sys.exit(0 if report(checks) else 1)


if __name__ == "__main__":
    main()
