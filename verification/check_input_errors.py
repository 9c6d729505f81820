#!/usr/bin/env python3
"""Bad input must give exit status 2 and, as the first line on stderr,
'ssbcell: error: FILE:LINE: <what> (<hint>)', never a crash.

  check_input_errors.py --ssbcell BIN --case NAME [--mpi N]
"""
import argparse
import os
import re
import subprocess
import sys

GEOMETRY = "subsection Geometry\n  set Particle radius [m] = {}\nend\n"

# name: (file content or None, extra arguments, expected location regex)
CASES = {
    "negative_radius": (GEOMETRY.format("-2e-6"), [], r"bad\.prm:2: "),
    "text_for_number": (GEOMETRY.format("two microns"), [], r"bad\.prm:2: "),
    "unknown_section": ("subsection Geometri\nend\n", [], r"bad\.prm:1: "),
    "unknown_name": ("subsection Geometry\n  set Radius = 1\nend\n", [], r"bad\.prm:2: "),
    "unterminated_subsection": ("subsection Geometry\n  set Dimension = 1\n", [], r"bad\.prm:\d+: "),
    "stray_end": ("end\n", [], r"bad\.prm:1: "),
    "binary_garbage": (bytes(range(256)) * 4, [], r"bad\.prm:\d+: "),
    "stoichiometry_out_of_range": (
        "subsection Materials\n subsection Active material\n"
        "  set Initial stoichiometry = 1.5\n end\nend\n", [], r"bad\.prm:3: "),
    "malformed_protocol": ("subsection Protocol\n  set Steps = Charge at lots until 4 V\nend\n",
                           [], r"bad\.prm:2: "),
    "hold_without_cell_voltage": ("subsection Model\n  set Cell model = diffusion\nend\n"
                                  "subsection Protocol\n  set Steps = Hold at 3.7 V for 1 h\n"
                                  "end\n", [], r"bad\.prm:5: "),
    "sweep_without_cell_voltage": ("subsection Model\n  set Cell model = diffusion\nend\n"
                                   "subsection Protocol\n  set Steps = Sweep at 1 mV/s from 3 V "
                                   "to 4 V\nend\n", [], r"bad\.prm:5: "),
    "malformed_sweep": ("subsection Protocol\n  set Steps = Sweep at 1 mV/s from 3 V to 3 V\n"
                        "end\n", [], r"bad\.prm:2: "),
    "impedance_without_interfaces": ("subsection Model\n  set Cell model = diffusion\nend\n"
                                     "subsection Protocol\n  set Steps = Impedance from 1 kHz to "
                                     "1 Hz, 5 points per decade\nend\n", [], r"bad\.prm:5: "),
    "malformed_impedance": ("subsection Protocol\n  set Steps = Impedance from 1 mhz to 1 Hz, 5 "
                            "points per decade\nend\n", [], r"bad\.prm:2: "),
    "negative_double_layer": ("subsection Materials\n subsection Double layer\n"
                              "  set Anode [F/m^2] = -1\n end\nend\n", [], r"bad\.prm:3: "),
    "zero_conductivity": ("subsection Materials\n subsection Electrolyte\n"
                          "  set Ionic conductivity [S/m] = 0\n end\nend\n", [], r"bad\.prm:3: "),
    "poisson_ratio_incompressible": ("subsection Materials\n subsection Electrolyte\n"
                                     "  set Poisson's ratio = 0.5\n end\nend\n", [],
                                     r"bad\.prm:3: "),
    "stress_free_concentration_text": ("subsection Materials\n subsection Active material\n"
                                       "  set Stress-free concentration [mol/m^3] = full\n"
                                       " end\nend\n", [], r"bad\.prm:3: "),
    "mechanics_enabled": ("subsection Model\n  set Cell model = diffusion\nend\n"
                          "subsection Mechanics\n  set Enabled = true\nend\n", [],
                          r"bad\.prm:5: "),
    "bad_override": ("", ["--set", "Geometry/Particle radius [m]=-1"], r"--set #1: "),
    "unknown_override": ("", ["--set", "Geometry/Nope=1"], r"--set #1: "),
    "missing_file": (None, ["does-not-exist.prm"], r"does-not-exist\.prm: "),
    "folder_as_file": (None, ["."], r"\.: '\.' is a folder"),
    "unknown_option": (None, ["--frobnicate"], r"command line: "),
    "sweep_unknown_parameter": ("subsection Sweep\n subsection Parameter 1\n"
                                "  set Name = Geometry/Radius\n  set Values = 1, 2\n end\nend\n",
                                ["sweep"], r"bad\.prm:3: "),
    "sweep_bad_range": ("subsection Sweep\n subsection Parameter 1\n"
                        "  set Name = Geometry/Particle radius [m]\n"
                        "  set Values = logspace(0, 1e-6, 3)\n end\nend\n",
                        ["sweep"], r"bad\.prm:4: "),
    "sweep_without_file": (None, ["sweep"], r"command line: "),
    # The reference Poisson solve of benchmarks reads the file as a run does.
    "poisson_negative_radius": (GEOMETRY.format("-2e-6"), ["poisson"], r"bad\.prm:2: "),
    # Local refinement at contact edges needs a contact pattern (2D/3D).
    "edge_refinement_without_contact": ("subsection Geometry\n  set Refinements at contact "
                                        "edges = 1\nend\n", [], r"bad\.prm:2: "),
    # Torre's compaction law needs the electrolyte's yield stress.
    "compaction_without_yield": ("subsection Cell\n  set Compaction law = hollow sphere\nend\n",
                                 [], r"bad\.prm:2: "),
    # On a 2D mesh a compaction law takes the local stress: the mechanics
    # must be on.
    "compaction_on_a_mesh": ("subsection Geometry\n set Dimension = 2\n"
                             " set Coordinate system = axisymmetric\n"
                             " set Mesh generator = particle in box\nend\n"
                             "subsection Cell\n set Compaction law = heckel\nend\n", [],
                             r"bad\.prm:7: "),
    # A lumped layer below the percolation threshold would have an infinite
    # resistance (1D: the composite's default electrolyte fraction 0.4 is
    # below the default threshold 0.5).
    "lumped_layer_below_percolation": ("subsection Cell\n set Composite thickness [m] = 5e-5\n"
                                       " set Effective conductivity model = percolation\n"
                                       "end\n", [], r"bad\.prm:3: "),
    # The powder's stiffness follows its porosity only where there is a
    # resolved, compacting powder (here: 1D, no compaction law).
    "powder_stiffness_without_compaction": ("subsection Mechanics\n set Enabled = true\n"
                                            " set Powder stiffness = contact network\nend\n",
                                            [], r"bad\.prm:3: "),
    "missing_gmsh_file": ("subsection Geometry\n set Dimension = 2\n set Coordinate system = "
                          "cartesian\n set Mesh generator = gmsh\n subsection Gmsh\n"
                          "  set File name = nowhere.msh\n end\nend\n", [], r"bad\.prm:6: "),
}


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--ssbcell", required=True)
    p.add_argument("--case", required=True, choices=sorted(CASES))
    p.add_argument("--mpi", type=int, default=1)
    p.add_argument("--workdir", default=".")
    args = p.parse_args()

    content, extra, location = CASES[args.case]
    work = os.path.join(args.workdir, f"input_error_{args.case}_np{args.mpi}")
    os.makedirs(work, exist_ok=True)
    cmd = [args.ssbcell]
    if extra[:1] in (["sweep"], ["poisson"]):  # the command comes before the file
        cmd, extra = cmd + extra[:1], extra[1:]
    if content is not None:
        with open(os.path.join(work, "bad.prm"), "wb") as f:
            f.write(content if isinstance(content, bytes) else content.encode())
        cmd.append("bad.prm")
    cmd += extra + ["--quiet"]
    if args.mpi > 1:
        cmd = ["mpirun", "-np", str(args.mpi), "--oversubscribe"] + cmd
    env = dict(os.environ, OMPI_ALLOW_RUN_AS_ROOT="1", OMPI_ALLOW_RUN_AS_ROOT_CONFIRM="1")
    done = subprocess.run(cmd, cwd=work, env=env, capture_output=True, timeout=120)
    stderr = done.stderr.decode(errors="replace")
    first = stderr.splitlines()[0] if stderr else ""
    print(f"exit status {done.returncode}; stderr:\n{stderr}")
    ok = done.returncode == 2
    ok = ok and re.match(r"^ssbcell: error: " + location + r"\S", first) is not None
    # One message, not one per rank, and no trace of a crash.
    ok = ok and stderr.count("ssbcell: error:") == 1
    ok = ok and not re.search(r"Segmentation|Aborted|core dumped|MPI_ABORT|terminate called",
                              stderr)
    print("PASS" if ok else f"FAIL: expected exit 2 and a first line matching '{location}'")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
