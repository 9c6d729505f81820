#!/usr/bin/env python3
"""A compaction law on a resolved mesh (docs/physics.md, "Compaction of a
resolved electrolyte"): every electrolyte cell takes the law's porosity at
its own mean compressive stress.

  --case die      The 2D planar cell (electrolyte separator on a dense
                  active-material layer) in the confined die, elastic
                  (q = P (1 - 2 nu)/(1 - nu) < sigma_y at every pressure).
                  The separator's stress is sigma_yy = -P, sigma_xx =
                  sigma_zz = -P nu/(1 - nu), so every electrolyte cell has
                  p = P (1 + nu)/(3 (1 - nu)) and
                    hollow sphere: phi = min(phi0, exp(-3 p / (2 sigma_y))),
                    heckel:        phi = min(phi0, exp(-A - p / P_y)).
                  electrolyte_porosity_min/mean/max and separator_porosity
                  equal phi, composite_porosity is 0 (a dense layer), on 1
                  and 2 ranks; contact_fraction_mean is (1 - phi) times that
                  of the same run without a compaction law (the constant
                  law's a_0 = 1 capped at the powder's solid fraction). The separator
                  conducts with sigma f(1 - phi) (Bruggeman, and the
                  percolation law in one case): electrolyte_conductivity_
                  factor_mean and separator_conductivity_factor equal f,
                  and its ohmic drop (ohmic_electrolyte_V) is 1/f times
                  that of the dense run. Tolerance 1e-9 (1e-8 relative for
                  the drop): the die stress is constant and the potential
                  linear, exact in the finite-element space, so only the
                  solver tolerances are left.
                  With `Mechanics/Powder stiffness = contact network` (two
                  cases) every separator cell also has E_eff/E = f
                  (electrolyte_stiffness_factor_mean, separator_stiffness_
                  factor): the die's stress does not depend on the moduli,
                  so the pressing settles at once. Every compacting case
                  checks the collector's displacement against the die's
                    u = P (H_se / M(e E_se) + H_am / M(E_am)),
                    M(E) = E (1 - nu) / ((1 + nu)(1 - 2 nu)),
                  e = f with the contact network, 1 otherwise (the
                  constrained modulus of each layer in series; 1e-9
                  relative: linear in the element space).
                  Gaps against porous powder: with the constant contact law
                  (a_0 = 0.1) and 'Surface gap = truncated grains' at 80 MPa
                  (phi = 0.226 from the hollow-sphere law), the mean gap
                  depth is the model's g(a_c, phi) and the composite's
                  porosity g / (H_am + g), on 1 and 2 ranks (1e-9).
  --case packing  The pressed 2D packing (verification/pressed_packing_2d.prm)
                  with the hollow-sphere law: the porosity statistics are
                  consistent (min <= mean <= max, layer porosities within
                  [0, 1]), 1 and 2 ranks agree (1e-8 relative), and the
                  separator and composite porosities are printed: a
                  prediction, not asserted. Then the same packing with
                  Heckel's law, the percolation factor and `Powder
                  stiffness = contact network` (no yield stress): the
                  pressing from loose settles after more than one
                  mechanics solve (the stiffness varies from cell to cell
                  here), the stiffness factors are consistent (within
                  (0, 1], separator and electrolyte means equal to the
                  conductivity factors within 1e-3 + 1 %: the floors of
                  unpressed cells differ by up to 1e-3, and a cell's
                  stiffness is refreshed only when it moves by more than
                  1 %), and 1 and 2 ranks agree (1e-8 relative).
                  Voids inside the carbon: the hollow-sphere packing with
                  carbon (5 % of the composite) run with `Materials/Carbon/
                  Aggregate porosity` 0 and 0.6. With r = 0.6/0.4 voids per
                  unit of solid carbon, c0 the carbon's share and P0 the
                  porosity of the composite without them, the voids are
                  pores outside the mesh:
                    composite_porosity             (P0 + c0 r)/(1 + c0 r),
                    composite_carbon_void_porosity c0 r/(1 + c0 r),
                    composite_carbon_fraction      c0 (1 + r)/(1 + c0 r),
                  to 1e-12 (arithmetic on the same sums), and nothing else
                  moves: every other diagnostic and the voltage equal those
                  without the voids to 1e-12 relative.

  check_resolved_compaction.py --case die|packing --ssbcell BIN --prm PRM --output DIR
"""
import argparse
import math
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ssbcell_run import run_case, report  # noqa: E402

YIELD = 5e7     # Materials/Electrolyte/Yield stress [Pa]
NU = 0.3        # Materials/Electrolyte/Poisson's ratio
PHI0 = 0.5      # Cell/Porosity before pressing (default)
HECKEL_PY, HECKEL_A = 4e7, 0.4
PERCOLATION = (0.3, 2.0)  # threshold, exponent
# The planar cell's layers (params/verification/symmetric_planar_cell.prm
# and the defaults of Geometry/Planar cell), with their moduli set here.
H_SE, H_AM = 1e-5, 2e-6
E_SE, E_AM, NU_AM = 2.2e10, 1.4e11, 0.25


def constrained_modulus(e, nu):
    return e * (1 - nu) / ((1 + nu) * (1 - 2 * nu))


def ohmic_drop(summary):
    """The electrolyte's ohmic drop at the end of the (one) protocol step."""
    return summary["steps"][-1]["voltage_losses"]["ohmic_electrolyte_V"]


def die(args):
    common = ["Geometry/Dimension=2", "Mechanics/Enabled=true",
              f"Materials/Electrolyte/Yield stress [Pa]={YIELD}",
              f"Materials/Electrolyte/Poisson's ratio={NU}",
              f"Materials/Electrolyte/Young's modulus [Pa]={E_SE}",
              f"Materials/Active material/Young's modulus [Pa]={E_AM}",
              f"Materials/Active material/Poisson's ratio={NU_AM}",
              # no chemical strain: the displacement is the pressure's alone
              "Materials/Active material/Partial molar volume [m^3/mol]=0",
              "Protocol/Steps=Discharge at 1C for 10 s"]
    # 1e7 Pa: below the collapse pressure of the loose powder (phi0 holds);
    # 5e7 and 8e7 Pa: compacted, still elastic.
    cases = [("hollow sphere", p, ranks, None, False) for p in (1e7, 5e7, 8e7)
             for ranks in (1, 2)]
    cases += [("heckel", 6e7, 1, None, False), ("heckel", 6e7, 2, None, False),
              ("heckel", 6e7, 2, PERCOLATION, False),
              ("heckel", 6e7, 1, PERCOLATION, True), ("heckel", 6e7, 2, PERCOLATION, True)]
    ok, dense = True, {}
    for law, pressure, ranks, percolation, stiff in cases:
        assert pressure * (1 - 2 * NU) / (1 - NU) < YIELD, "the die must stay elastic"
        mean_stress = pressure * (1 + NU) / (3 * (1 - NU))
        if law == "hollow sphere":
            phi = min(PHI0, math.exp(-1.5 * mean_stress / YIELD))
            extra = []
        else:
            phi = min(PHI0, math.exp(-HECKEL_A - mean_stress / HECKEL_PY))
            extra = [f"Cell/Heckel mean yield pressure [Pa]={HECKEL_PY}",
                     f"Cell/Heckel intercept={HECKEL_A}"]
        if percolation:
            threshold, exponent = percolation
            f = max(0.0, (1.0 - phi - threshold) / (1.0 - threshold)) ** exponent
            extra += ["Cell/Effective conductivity model=percolation",
                      f"Cell/Percolation threshold={threshold}",
                      f"Cell/Percolation exponent={exponent}"]
            name = f"{law.replace(' ', '_')}_percolation_p{pressure:g}_np{ranks}"
            if stiff:
                extra.append("Mechanics/Powder stiffness=contact network")
                name += "_stiffness"
        else:
            f = (1.0 - phi) ** 1.5  # Bruggeman, the default
            name = f"{law.replace(' ', '_')}_p{pressure:g}_np{ranks}"
        summary, _ = run_case(args.ssbcell, args.prm, os.path.join(args.output, name),
                                 common + extra + [f"Cell/Compaction law={law}",
                                                   f"Mechanics/Stack pressure [Pa]={pressure}"],
                                 ranks)
        d = summary["diagnostics"]
        if pressure not in dense:
            reference, _ = run_case(
                args.ssbcell, args.prm, os.path.join(args.output, f"dense_p{pressure:g}"),
                common + [f"Mechanics/Stack pressure [Pa]={pressure}"])
            dense[pressure] = (reference["diagnostics"]["contact_fraction_mean"],
                               ohmic_drop(reference))
        expected = {"electrolyte_porosity_min": phi, "electrolyte_porosity_mean": phi,
                    "electrolyte_porosity_max": phi, "separator_porosity": phi,
                    "composite_porosity": 0.0,
                    # the face touches the solid part of the powder only
                    "contact_fraction_mean": (1.0 - phi) * dense[pressure][0],
                    "electrolyte_conductivity_factor_mean": f,
                    "separator_conductivity_factor": f}
        if stiff:
            expected["electrolyte_stiffness_factor_mean"] = f
            expected["separator_stiffness_factor"] = f
        label = f"{law}{' + percolation' if percolation else ''}" \
                f"{' + contact-network stiffness' if stiff else ''}, P = {pressure:g} Pa, " \
                f"{ranks} rank(s)"
        for key, value in expected.items():
            good = key in d and abs(d[key] - value) <= 1e-9
            ok = ok and good
            print(f"{'ok  ' if good else 'FAIL'} {label}: "
                  f"{key} {d.get(key, float('nan')):.12f} (closed form {value:.12f})")
        e = f if stiff else 1.0
        compression = pressure * (H_SE / constrained_modulus(e * E_SE, NU)
                                  + H_AM / constrained_modulus(E_AM, NU_AM))
        measured = d.get("stack_compression_m", float("nan"))
        good = abs(measured / compression - 1.0) <= 1e-9
        ok = ok and good
        print(f"{'ok  ' if good else 'FAIL'} {label}: stack_compression_m {measured:.12e} "
              f"(closed form {compression:.12e})")
        ratio = ohmic_drop(summary) / dense[pressure][1]
        good = abs(ratio * f - 1.0) <= 1e-8
        ok = ok and good
        print(f"{'ok  ' if good else 'FAIL'} {label}: ohmic drop over the dense one "
              f"{ratio:.10f} (closed form 1/f = {1.0 / f:.10f})")
    return die_gap(args, common) and ok


def truncated_grains_gap(contact, phi, radius):
    """Excess void per unit surface of 'truncated grains' (docs/physics.md,
    "Gaps at the particle surfaces"): footprints cover s = 1 - phi, each
    touches a_f = a_c / s of its own."""
    s = 1.0 - phi
    free = 1.0 - contact / s
    return max(0.0, s * radius * (free ** 1.5 / 3.0 - phi * free ** 0.5))


def die_gap(args, common):
    """The gaps at the active-material face against porous powder: the die
    gives every separator cell the same porosity phi (closed form above), the
    constant contact law the same a_c, so the gap is uniform and its mean
    depth is the model's g(a_c, phi) exactly; it is a pore of the composite
    (the dense layer below), whose porosity becomes g / (H_am + g). This is
    the porosity each face looks up across itself, on 1 and 2 ranks (the
    face's powder cell may be a ghost)."""
    pressure, contact, radius = 8e7, 0.1, 1e-6
    phi = min(PHI0, math.exp(-1.5 * pressure * (1 + NU) / (3 * (1 - NU)) / YIELD))
    gap = truncated_grains_gap(contact, phi, radius)
    assert gap > 0.0, "the case must have a gap (powder denser than its first layer)"
    ok = True
    for ranks in (1, 2):
        summary, _ = run_case(
            args.ssbcell, args.prm, os.path.join(args.output, f"gap_np{ranks}"),
            common + ["Cell/Compaction law=hollow sphere",
                      f"Mechanics/Stack pressure [Pa]={pressure}",
                      "Mechanics/Contact/Contact law=constant",
                      f"Mechanics/Contact/Constant/Contact fraction={contact}",
                      "Mechanics/Contact/Surface gap=truncated grains",
                      f"Mechanics/Contact/Truncated grains/Grain radius [m]={radius}"],
            ranks)
        d = summary["diagnostics"]
        # Uniform stress and porosity: exact in the element space, so only
        # the solver tolerances are left (1e-9; relative for the depth).
        expected = [("separator_porosity", phi, 1e-9),
                    ("contact_fraction_mean", contact, 1e-9),
                    ("surface_gap_depth_mean_m", gap, 1e-9 * gap),
                    ("composite_porosity", gap / (H_AM + gap), 1e-9),
                    ("composite_surface_gap_porosity", gap / (H_AM + gap), 1e-9)]
        for key, value, tolerance in expected:
            good = key in d and abs(d[key] - value) <= tolerance
            ok = ok and good
            print(f"{'ok  ' if good else 'FAIL'} gap against powder of porosity {phi:.6f}, "
                  f"{ranks} rank(s): {key} {d.get(key, float('nan')):.12g} "
                  f"(closed form {value:.12g})")
    return ok


def on_one_and_two_ranks(args, prefix, keys, overrides):
    """The packing on 1 and 2 ranks: the 1-rank diagnostics and the largest
    relative difference of `keys` between the two (None if one is missing)."""
    results = []
    for ranks in (1, 2):
        summary, _ = run_case(args.ssbcell, args.prm,
                              os.path.join(args.output, f"{prefix}np{ranks}"), overrides, ranks)
        results.append(summary["diagnostics"])
    if not all(k in r for r in results for k in keys):
        print(f"FAIL: diagnostics missing from summary.json: {keys}")
        return None, None
    worst = max(abs(a[k] - b[k]) / max(abs(a[k]), 1e-300)
                for a, b in zip(results, results[1:]) for k in keys)
    return results[0], worst


def packing(args):
    keys = ["electrolyte_porosity_min", "electrolyte_porosity_mean",
            "electrolyte_porosity_max", "separator_porosity", "composite_porosity"]
    d, worst = on_one_and_two_ranks(args, "", keys, ["Cell/Compaction law=hollow sphere",
                                                     f"Materials/Electrolyte/Yield stress [Pa]="
                                                     f"{YIELD}"])
    if d is None:
        return False
    checks = [
        (all(k in d for k in keys), "all porosity diagnostics reported"),
        (d["electrolyte_porosity_min"] <= d["electrolyte_porosity_mean"]
         <= d["electrolyte_porosity_max"] <= PHI0,
         f"electrolyte porosity {d['electrolyte_porosity_min']:.4f} <= "
         f"{d['electrolyte_porosity_mean']:.4f} <= {d['electrolyte_porosity_max']:.4f} <= phi0"),
        (0.0 <= d["separator_porosity"] <= 1.0 and 0.0 <= d["composite_porosity"] <= 1.0,
         f"separator porosity {d['separator_porosity']:.4f}, composite porosity "
         f"{d['composite_porosity']:.4f} (a prediction: printed, not asserted)"),
        (worst <= 1e-8, f"1 and 2 ranks agree: largest relative difference {worst:.1e} (1e-8)"),
    ]
    return report(checks) and stiffness_packing(args, keys) and carbon_voids(args)


def carbon_voids(args):
    common = ["Cell/Compaction law=hollow sphere",
              f"Materials/Electrolyte/Yield stress [Pa]={YIELD}",
              "Geometry/Random packing/Carbon volume fraction=0.05"]
    porosity = 0.6
    runs = []
    for phi_c in (0.0, porosity):
        summary, _ = run_case(args.ssbcell, args.prm,
                              os.path.join(args.output, f"carbon_voids_{phi_c:g}"),
                              common + [f"Materials/Carbon/Aggregate porosity={phi_c}"], 1)
        runs.append(summary)
    dense, porous = (r["diagnostics"] for r in runs)
    keys = ["composite_porosity", "composite_carbon_fraction", "composite_carbon_void_porosity"]
    if not all(k in d for d in (dense, porous) for k in keys):
        print(f"FAIL: diagnostics missing from summary.json: {keys}")
        return False
    r = porosity / (1.0 - porosity)
    c0, p0 = dense["composite_carbon_fraction"], dense["composite_porosity"]
    expected = {"composite_porosity": (p0 + c0 * r) / (1.0 + c0 * r),
                "composite_carbon_void_porosity": c0 * r / (1.0 + c0 * r),
                "composite_carbon_fraction": c0 * (1.0 + r) / (1.0 + c0 * r)}
    checks = [(dense["composite_carbon_void_porosity"] == 0.0 and 0.0 < c0 < 0.2,
               f"dense carbon: {c0:.4f} of the composite, no voids")]
    for key, value in expected.items():
        checks.append((abs(porous[key] - value) <= 1e-12,
                       f"aggregate porosity {porosity}: {key} {porous[key]:.12f} "
                       f"(closed form {value:.12f})"))
    # Everything else as without the voids: they are outside the mesh.
    others = [k for k in dense if k not in keys + ["wall_time_s", "setup_time_s"]
              and isinstance(dense[k], (int, float))]
    worst = max(abs(porous[k] - dense[k]) / max(abs(dense[k]), 1e-300) for k in others)
    checks.append((worst <= 1e-12 and "final_voltage_V" in others,
                   f"the other {len(others)} diagnostics (the voltage too) unchanged "
                   f"(largest relative difference {worst:.1e}; 1e-12)"))
    return report(checks)


def stiffness_packing(args, keys):
    keys = keys + ["electrolyte_stiffness_factor_mean", "separator_stiffness_factor",
                   "powder_pressing_iterations", "contact_fraction_mean"]
    d, worst = on_one_and_two_ranks(args, "stiffness_", keys,
                                    ["Cell/Compaction law=heckel",
                                     "Cell/Effective conductivity model=percolation",
                                     "Mechanics/Powder stiffness=contact network"])
    if d is None:
        return False
    pairs = [("electrolyte_stiffness_factor_mean", "electrolyte_conductivity_factor_mean"),
             ("separator_stiffness_factor", "separator_conductivity_factor")]
    checks = [
        (d["powder_pressing_iterations"] > 1,
         f"the pressing from loose settles after {d['powder_pressing_iterations']:.0f} "
         "mechanics solves"),
        # per cell |E/E0 - sigma/sigma0| <= 1e-3 (the stiffness floor against
        # the conductivity's 1e-8) + 1 % (a cell's stiffness is refreshed
        # only when it moves by more; its conductivity at every step)
        (all(0.0 < d[a] <= 1.0 and abs(d[a] - d[b]) <= 1e-3 + 0.01 * d[b] for a, b in pairs),
         "stiffness factors " + ", ".join(f"{d[a]:.6f} (conductivity {d[b]:.6f})"
                                          for a, b in pairs)),
        (worst <= 1e-8, f"with the stiffness, 1 and 2 ranks agree: largest relative "
         f"difference {worst:.1e} (1e-8)"),
    ]
    return report(checks)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--case", choices=["die", "packing"], required=True)
    p.add_argument("--ssbcell", required=True)
    p.add_argument("--prm", required=True)
    p.add_argument("--output", required=True)
    args = p.parse_args()
    ok = {"die": die, "packing": packing}[args.case](args)
    print("verify_resolved_compaction:", "passed" if ok else "FAILED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
