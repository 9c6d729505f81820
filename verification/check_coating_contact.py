#!/usr/bin/env python3
"""Lateral Li+ transport in a coating touching the electrolyte on one polar
cap (docs/verification.md, case k): the resolved 2D-axisymmetric coated
particle against the thin-shell closed form.

Linear kinetics and a uniform particle: the particle's resistance is
R = -(charge_transfer_V + ohmic_coating_V) / I_p, the voltage its reaction
and the coating's lateral conduction cost per particle current I_p (the
energy identity of the loss breakdown, docs/outputs.md). The closed form
(written here apart from the program's own, physics/coating_spreading.cc):
  R = 1 / [4 pi R^2 a_c / R_ct + 4 pi sigma L a_c (1 - a_c) S'(z_c)/S(z_c)],
  S(z) = sum c_n z^n, c_0 = 1, c_{n+1} = c_n (n(n+1) + k2)/(n+1)^2,
  z_c = 1 - a_c, k2 = R^2 / (sigma L R_ct), a_c = sin^2(t_c/2).
Asserted: below 1 % on every mesh (the thin-shell approximation neglects
terms of O(L/R) = 0.4 % and the current crowding within a few L of the cap
edge), and the mesh changes R by less than 0.5 % between the two finest
meshes. The error does not fall under refinement: the meshes approach the
resolved model (coating of thickness L), whose resistance lies 0.5 %
above the thin-shell limit; the closed form's own convergence order is
asserted in CoatingSpreading.ClosedFormMatchesFiniteVolumes. Measured:
0.12-0.46 % (550, 11.25 deg), 0.06-0.12 % (450), 0.11-0.19 % (550, 22.5 deg).

With --edges 2d or 3d, caps whose edge lies inside cells instead: a face
that straddles the edge touches the electrolyte wherever one of its
quadrature points is in the cap (the contact pins the coating's potential
there), so the modelled cap is off by up to one cell at the edge, and
'Geometry/Refinements at contact edges' refines those cells k times.
  2d: axisymmetric, caps of 15 and 20 degrees, 2 global refinements, k = 0..5
      (edge cells of 45/2^(2+k) degrees). Asserted: at every k the resistance
      lies within the closed forms of caps one edge cell larger and smaller
      (widened by the 1 % of the on-line cases above), and the error at k = 5
      is below 2 %. Measured: 15 deg -42, -14, -12, -1.1, -1.0, +1.1 %;
      20 deg -15, -15, -3.5, -0.4, -0.4, +0.3 %: the error steps as the
      edge passes quadrature points, within a band that halves with k.
  3d: the particle in a cube on 2 MPI ranks, cap 22.5 degrees, 1 global
      refinement, k = 2, 3, 4 (edge cells of about 1.4-2 degrees at k = 4;
      k = 5 takes minutes). Asserted: the error falls with an order of at
      least 0.75 between k = 2 and 4 (one cell of staircase: order 1) and is
      below 5 % at k = 4. Measured -19.0, -6.3, -3.75 % (order 1.17).

  check_coating_contact.py --ssbcell BIN --prm params/verification/cap_contact_2d.prm --output DIR [--edges 2d|3d]
"""
import argparse
import math
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ssbcell_run import run_case  # noqa: E402

F, R_GAS, T = 96485.33212, 8.314462618, 298.15
RADIUS, L, I0 = 2e-6, 7.5e-9, 0.5


def closed_form(sigma, cap_deg):
    a = math.sin(math.radians(cap_deg) / 2) ** 2
    sheet = sigma * L
    r_ct = R_GAS * T / (F * I0)
    k2 = RADIUS ** 2 / (sheet * r_ct)
    z = 1.0 - a
    # Sums in log space, until the terms have fallen 40 e-folds.
    log_c, log_max, s0, s1, n, previous = 0.0, 0.0, 1.0, 0.0, 0, 0.0
    while True:
        log_c += math.log((n * (n + 1) + k2) / (n + 1) ** 2)
        log_t = log_c + (n + 1) * math.log(z)
        if log_t > log_max:
            scale = math.exp(log_max - log_t)
            s0, s1, log_max = s0 * scale, s1 * scale, log_t
        w = math.exp(log_t - log_max)
        s0 += w
        s1 += (n + 1) * w
        if n + 1 > k2 and log_t < previous and log_t < log_max - 40:
            break
        previous = log_t
        n += 1
    ratio = s1 / (z * s0)
    cap = 4 * math.pi * RADIUS ** 2 * a / r_ct
    lateral = 4 * math.pi * sheet * a * (1 - a) * ratio
    return 1.0 / (cap + lateral)


def model_resistance(args, sigma, cap_deg, refinements, edge_refinements=0, dim=2):
    out = os.path.join(args.output, f"d{dim}_s{sigma:g}_cap{cap_deg:g}_r{refinements}"
                       f"_e{edge_refinements}")
    settings = [f"Materials/Coating/Ionic conductivity [S/m]={sigma}",
                f"Materials/Coating/Electrolyte contact/Polar caps/Cap half-angle [deg]={cap_deg}",
                f"Geometry/Global refinements={refinements}",
                f"Geometry/Refinements at contact edges={edge_refinements}"]
    if dim == 3:
        settings += ["Geometry/Dimension=3", "Geometry/Coordinate system=cartesian"]
    # Li is closed to 1e-8 of the inventory here (a 1 s step at a tiny
    # current, a stiff c block with D = 1e-9 m^2/s, closed by the Newton
    # tolerance, not round-off); 1e-7 still catches a lost current.
    summary, _ = run_case(args.ssbcell, args.prm, out, li_tolerance=1e-7, settings=settings,
                          ranks=2 if dim == 3 else 1)
    step = summary["steps"][0]
    losses = step["voltage_losses"]
    current = step["end_current_A_m2"] * summary["diagnostics"]["boundary_areas_m2"]["anode"]
    return -(losses["charge_transfer_V"] + losses["ohmic_coating_V"]) / current


def check_edges_2d(args, failures):
    sigma, levels = 2.43e-4, 2
    for cap_deg in (15.0, 20.0):
        exact = closed_form(sigma, cap_deg)
        errors = []
        for k in range(6):
            model = model_resistance(args, sigma, cap_deg, levels, k)
            errors.append(model / exact - 1)
            cell = 45.0 / 2 ** (levels + k)
            larger, smaller = closed_form(sigma, cap_deg + cell), closed_form(sigma, cap_deg - cell)
            inside = 0.99 * larger <= model <= 1.01 * smaller
            print(f"cap {cap_deg:g} deg, edge refinements {k} (edge cells {cell:.3g} deg): "
                  f"R = {model:.6e} ohm, closed form {exact:.6e}, error {errors[-1]:+.2e}; "
                  f"caps one cell larger/smaller {larger:.4e}/{smaller:.4e}"
                  f"{'' if inside else ' (outside)'}")
            if not inside:
                failures.append(f"cap {cap_deg:g}, k = {k}: outside the one-cell bracket")
        if abs(errors[-1]) > 2e-2:
            failures.append(f"cap {cap_deg:g}: error {errors[-1]:+.2e} at k = 5 above 2 %")


def check_edges_3d(args, failures):
    sigma, cap_deg, levels = 2.43e-4, 22.5, 1
    exact = closed_form(sigma, cap_deg)
    errors = {}
    for k in (2, 3, 4):
        model = model_resistance(args, sigma, cap_deg, levels, k, dim=3)
        errors[k] = model / exact - 1
        print(f"3D, cap {cap_deg:g} deg, edge refinements {k}: R = {model:.6e} ohm, "
              f"closed form {exact:.6e}, error {errors[k]:+.2e}")
    order = math.log2(abs(errors[2]) / abs(errors[4])) / 2
    print(f"  order between k = 2 and 4: {order:.2f}")
    if order < 0.75:
        failures.append(f"3D: order {order:.2f} < 0.75")
    if abs(errors[4]) > 5e-2:
        failures.append(f"3D: error {errors[4]:+.2e} at k = 4 above 5 %")


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--ssbcell", required=True)
    p.add_argument("--prm", required=True)
    p.add_argument("--output", required=True)
    p.add_argument("--edges", choices=["2d", "3d"],
                   help="caps whose edges lie inside cells (see above)")
    args = p.parse_args()
    failures = []
    if args.edges:
        (check_edges_2d if args.edges == "2d" else check_edges_3d)(args, failures)
        print("PASS" if not failures else "FAIL: " + "; ".join(failures))
        sys.exit(1 if failures else 0)
    # The cap edges (11.25 and 22.5 degrees) lie on the mesh lines of every
    # refinement from 3 on (45 degrees / 2^k from the pole).
    for sigma, cap_deg, levels in [(2.43e-4, 11.25, [3, 4, 5]), (3.87e-3, 11.25, [3, 4]),
                                   (2.43e-4, 22.5, [3, 4])]:
        exact = closed_form(sigma, cap_deg)
        errors = []
        for r in levels:
            model = model_resistance(args, sigma, cap_deg, r)
            errors.append(abs(model / exact - 1))
            print(f"sigma {sigma:g} S/m, cap {cap_deg:g} deg, refinements {r}: "
                  f"R = {model:.6e} ohm, closed form {exact:.6e}, error {errors[-1]:.2e}")
        change = abs(errors[-1] - errors[-2])
        print(f"  change between the finest meshes {change:.2e}")
        if max(errors) > 1e-2:
            failures.append(f"sigma {sigma:g}, cap {cap_deg:g}: error {max(errors):.2e} > 1 %")
        if change > 5e-3:
            failures.append(f"sigma {sigma:g}, cap {cap_deg:g}: mesh change {change:.2e}")
    print("PASS" if not failures else "FAIL: " + "; ".join(failures))
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
