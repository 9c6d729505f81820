"""The 1D part of scripts/bench (docs/performance.md): what the many small
runs of calibrations and sweeps cost.

1. The default cell (no parameter file: charge at 0.1C to 3.7 V, rest 1 h,
   discharge at 0.1C to 1.9 V) run `repeats` times on one rank; the fastest
   counts. Reported: the run's own wall time (summary.json, from the start of
   the set-up to the end of the protocol), the time loop alone, the process
   (MPI and library start-up included), and the work counters.
2. A sweep of `cases` variants of that cell (particle radius x diffusivity)
   with `mpirun -np <ranks> ssbcell sweep`, one rank per case: the wall time
   of the whole sweep and per case.

Timings are measured, never asserted."""
import csv
import json
import os
import shutil
import time

SWEEP_PRM = """# Written by scripts/bench: {cases} variants of the default cell.
subsection Output
  set Write solution = false
end
subsection Sweep
  set Ranks per case = 1
  subsection Parameter 1
    set Name   = Geometry/Particle radius [m]
    set Values = linspace(1e-6, 4e-6, {n_radius})
  end
  subsection Parameter 2
    set Name   = Materials/Active material/Diffusivity [m^2/s]
    set Values = logspace(1e-15, 1e-13, {n_diffusivity})
  end
end
"""


def default_cell(execute, command, ssbcell, folder, repeats):
    """The fastest of `repeats` runs of the default cell on one rank."""
    best = None
    for i in range(repeats):
        out = os.path.join(folder, f"default-{i}")
        start = time.perf_counter()
        execute(command(ssbcell, 1, ["--output", out, "--quiet",
                                     "--set", "Output/Write solution=false"]),
                os.path.join(folder, f"default-{i}.log"))
        process = time.perf_counter() - start
        with open(os.path.join(out, "summary.json")) as f:
            d = json.load(f)["diagnostics"]
        with open(os.path.join(out, "statistics.csv"), newline="") as f:
            rows = list(csv.DictReader(f))
        work = d.get("work", {})
        trial = {
            "n_dofs": d["n_dofs"],
            "time_steps": d["time_steps_accepted"],
            "time_steps_rejected": d["time_steps_rejected"],
            "newton_per_step": sum(float(r["newton_iterations"]) for r in rows)
            / max(1, d["time_steps_accepted"]),
            "newton_iterations_all": work.get("linear_setups"),
            "assembly_us": 1e6 * work["assembly_time_s"] / work["assemblies"],
            "factorisation_us": 1e6 * work["linear_setup_time_s"] / work["linear_setups"],
            "solve_us": 1e6 * work["linear_solve_time_s"] / work["linear_solves"],
            "run_s": d["wall_time_s"],
            "setup_s": d["setup_time_s"],
            "time_loop_s": d["wall_time_s"] - d["setup_time_s"],
            "process_s": process,
        }
        if best is None or trial["run_s"] < best["run_s"]:
            best = trial
    return best


def sweep(execute, command, ssbcell, folder, cases, ranks):
    """Runs a sweep of about `cases` variants; returns its figures."""
    n_radius = max(1, round(cases ** 0.5))
    n_diffusivity = max(1, round(cases / n_radius))
    prm = os.path.join(folder, "sweep_1d.prm")
    with open(prm, "w") as f:
        f.write(SWEEP_PRM.format(cases=n_radius * n_diffusivity, n_radius=n_radius,
                                 n_diffusivity=n_diffusivity))
    out = os.path.join(folder, "sweep")
    # A sweep skips the cases it finds done: start afresh.
    shutil.rmtree(out, ignore_errors=True)
    start = time.perf_counter()
    execute(command(ssbcell, ranks, ["sweep", prm, "--output", out, "--quiet"]),
            os.path.join(folder, "sweep.log"))
    wall = time.perf_counter() - start
    with open(os.path.join(out, "sweep.csv"), newline="") as f:
        rows = list(csv.DictReader(f))
    failed = sum(1 for r in rows if r.get("status", "ok") != "ok")
    return {"sweep_cases": len(rows), "sweep_failed": failed, "sweep_ranks": ranks,
            "sweep_s": wall, "sweep_per_case_s": wall / max(1, len(rows))}


ROWS = [
    ("n_dofs", "DoFs", "{:.0f}"),
    ("time_steps", "time steps accepted", "{:.0f}"),
    ("time_steps_rejected", "time steps rejected", "{:.0f}"),
    ("newton_per_step", "Newton iterations per accepted step", "{:.2f}"),
    ("newton_iterations_all", "Newton iterations in all", "{:.0f}"),
    ("assembly_us", "assembly [us]", "{:.1f}"),
    ("factorisation_us", "factorisation [us]", "{:.1f}"),
    ("solve_us", "linear solve [us]", "{:.1f}"),
    ("setup_s", "set-up of the run [s]", "{:.4f}"),
    ("time_loop_s", "time loop [s]", "{:.4f}"),
    ("run_s", "run (set-up + time loop) [s]", "{:.4f}"),
    ("process_s", "process (MPI and library start-up too) [s]", "{:.3f}"),
    ("sweep_cases", "sweep: cases (failed)", "{:.0f}"),
    ("sweep_ranks", "sweep: ranks", "{:.0f}"),
    ("sweep_s", "sweep: wall time [s]", "{:.1f}"),
    ("sweep_per_case_s", "sweep: wall time per case [s]", "{:.4f}"),
]


def run(execute, command, ssbcell, output, repeats, cases, ranks):
    folder = os.path.join(output, "1d")
    os.makedirs(folder, exist_ok=True)
    print("bench: 1D default cell", flush=True)
    result = default_cell(execute, command, ssbcell, folder, repeats)
    if cases > 0:
        print(f"bench: 1D sweep of {cases} cases on {ranks} rank(s)", flush=True)
        result.update(sweep(execute, command, ssbcell, folder, cases, ranks))
    width = max(len(label) for _, label, _ in ROWS) + 2
    print()
    for key, label, fmt in ROWS:
        if key not in result:
            continue
        value = fmt.format(result[key])
        if key == "sweep_cases":
            value += f" ({result['sweep_failed']})"
        print(f"{label:<{width}}{value:>14}")
    with open(os.path.join(folder, "bench_1d.json"), "w") as f:
        json.dump(result, f, indent=1)
    print(f"\nbench: wrote {folder}/bench_1d.json")
    return result
