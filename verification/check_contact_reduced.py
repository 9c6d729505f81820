#!/usr/bin/env python3
"""The reduced contact model of the 1D particle population against the
resolved one it stands for (docs/studies/coating-rate.md, "Reduced against
resolved").

Resolved: the 2D-axisymmetric coated particle of
params/verification/cap_contact_2d.prm (7.5 nm coating in contact with the
electrolyte on one polar cap, lateral transport in the coating resolved,
the particle resolved in r and in the colatitude), with the study's NMC
(D = 8e-15 m^2/s, Butler-Volmer with i0 = 0.5 A/m^2, nonlinear).
Reduced: the 1D particle of params/studies/coating_rate_cell.prm as one
class of the same contact fraction, its spreading resistance in series
with a uniform reaction (Lateral transport from class contacts = true).
Both discharge from theta = 0.5 at the same current per particle surface
i_n (that of 0.1C and 1C in the study) for 60 s (15 s in one case, see
CASES); compared: the particle's loss (diffusion + charge transfer +
coating + spreading + transfer voltages of the loss breakdown) at the end,
over the study's coatings (550 and 450) and the caps 1.7, 2.8, 5.6 and
11.25 deg (a_c = 2.2e-4, the study's calibrated contact, 6.0e-4, 2.4e-3
and 9.6e-3).

Asserted, as measured (a regression of the agreement, not a claim of
accuracy beyond it): where the particle's loss is small (resolved below
0.1 V), the kinetics are nearly linear as the reduced model assumes, and
the reduced loss is within 10 % of the resolved one (measured -6 % ..
+1 %); beyond, the reduced model is conservative, between 0.9 and 2.5
times the resolved loss (measured +9 % .. +118 %: Butler-Volmer's
exponential lets the cap and its rim take more of the current than the
linear closed form allows; +32 % for the 550 coating on the 2.8 deg cap
already at 0.1C, where its loss is 0.23 V).

  check_contact_reduced.py --ssbcell BIN --root SOURCE_DIR --output DIR
"""
import argparse
import math
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ssbcell_run import run_case  # noqa: E402

RADIUS, DENSITY, LOADING = 2e-6, 4770.0, 0.08125  # m, kg/m^3, kg/m^2 (the study's cell)
ONE_C = 13.0  # A/m^2
# cap_contact_2d.prm: a box of 6 um, so an anode disc of radius 3 um; the
# current per anode area that gives i_n on the particle is
# i_n 4 pi R^2 / (pi r_box^2).
BOX_RADIUS = 3e-6
PARTICLE_KEYS = ("diffusion_V", "charge_transfer_V", "ohmic_coating_V", "thin_layer_V",
                 "ion_transfer_V", "contact_spreading_V")
COMMON = ["Materials/Active material/Initial stoichiometry=0.5",
          "Materials/Active material/Diffusivity [m^2/s]=8e-15",
          "Materials/Active material/Exchange current model=constant",
          "Materials/Active material/Exchange current density [A/m^2]=0.5"]


# (coating sigma [S/m], cap half-angle [deg], global refinements, C-rate,
# duration [s][, refinements at the cap edge]). Cap edges lie on mesh
# lines (45 deg / 2^refinements per cell), except the calibrated contact's
# (1.715 deg, a_c = 2.24e-4), refined twice at the edge to cells of
# 0.35 deg (once: the resolved loss changes by 0.9 %; three times would be
# 8 levels in all, where Newton fails, docs/meshes.md). At 1C the NMC next
# to so small a cap fills within
# seconds (for the 550 coating within one), and the resolved run then
# crawls behind the front that moves away from the cap: the 450 runs 15 s,
# the 550 at 0.1C only (the reduced model gives that cathode no 1C
# capacity either).
CASES = [(sigma, cap, 4, rate, 60) for sigma in (2.43e-4, 3.87e-3) for cap in (5.625, 11.25)
         for rate in (0.1, 1.0)] + [(2.43e-4, 2.8125, 5, 0.1, 60),
                                    (3.87e-3, 2.8125, 5, 0.1, 60),
                                    (3.87e-3, 2.8125, 5, 1.0, 15),
                                    (3.87e-3, 1.715, 5, 0.1, 60, 2),
                                    (2.43e-4, 1.715, 5, 0.1, 60, 2)]


def particle_loss(summary):
    losses = summary["steps"][0]["voltage_losses"]
    return -sum(losses.get(k, 0.0) for k in PARTICLE_KEYS)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--ssbcell", required=True)
    p.add_argument("--root", required=True)
    p.add_argument("--output", required=True)
    args = p.parse_args()
    resolved_prm = os.path.join(args.root, "params", "verification", "cap_contact_2d.prm")
    reduced_prm = os.path.join(args.root, "params", "studies", "coating_rate_cell.prm")
    # Particle surface per cell area of the study's cell: 3 loading/(rho R).
    surface_per_area = 3 * LOADING / (DENSITY * RADIUS)
    failures = []
    print(f"{'sigma':>9} {'cap':>6} {'rate':>5} {'t [s]':>5} {'resolved':>10} {'reduced':>10} "
          f"{'diff':>8}")
    for sigma, cap_deg, refinements, rate, duration, *edge in CASES:
        a_c = math.sin(math.radians(cap_deg) / 2) ** 2
        i_n = rate * ONE_C / surface_per_area
        tag = f"s{sigma:g}_cap{cap_deg:g}_r{rate:g}"
        resolved, _ = run_case(
            args.ssbcell, resolved_prm, os.path.join(args.output, "resolved_" + tag),
            COMMON + [
                f"Materials/Coating/Ionic conductivity [S/m]={sigma}",
                "Materials/Coating/Electrolyte contact/Polar caps/"
                f"Cap half-angle [deg]={cap_deg}",
                f"Geometry/Global refinements={refinements}",
                f"Geometry/Refinements at contact edges={edge[0] if edge else 0}",
                # Current per anode area that gives i_n on the particle.
                f"Protocol/Steps=Discharge at {i_n * 4 * RADIUS ** 2 / BOX_RADIUS ** 2:.6g} "
                f"A/m2 for {duration} s",
                "Time stepping/Fixed time step [s]=5"], li_tolerance=1e-7)
        reduced, _ = run_case(
            args.ssbcell, reduced_prm, os.path.join(args.output, "reduced_" + tag),
            COMMON + [
                f"Materials/Coating/Ionic conductivity [S/m]={sigma}",
                "Geometry/Spherical particle/Size classes=0",
                "Geometry/Spherical particle/Contact classes=1",
                f"Geometry/Spherical particle/Contact fraction median={a_c:.9g}",
                "Geometry/Spherical particle/Contact fraction spread [decades]=0",
                f"Protocol/Steps=Discharge at {rate:g}C for {duration} s"])
        v_res, v_red = particle_loss(resolved), particle_loss(reduced)
        diff = v_red - v_res
        print(f"{sigma:9.3g} {cap_deg:6.3g} {rate:5.2g} {duration:5d} {v_res:10.4f} {v_red:10.4f} "
              f"{diff / v_res:+8.1%}")
        ratio = v_red / v_res
        if (v_res < 0.1 and abs(ratio - 1) > 0.1) or (
                v_res >= 0.1 and not 0.9 <= ratio <= 2.5):
            failures.append(f"{tag}: reduced {v_red:.4f} V, resolved {v_res:.4f} V")
    print("PASS" if not failures else "FAIL: " + "; ".join(failures))
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
