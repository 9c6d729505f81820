"""Measures the cost of a run in one go (docs/performance.md): for each rank
count, a short run of the cell and the reference Poisson solve
(`ssbcell poisson`) on the same mesh, then one table of DoFs, Newton and
linear iterations, assembly and linear-solver times, the time of a step in
Poisson solves, and the speed-up over the first rank count beside the
machine's memory bandwidth (STREAM triad), measured again before each run.

  scripts/bench [FILE.prm] [--steps "Discharge at 1C for 60 s"] [--ranks 1,2]
                [--refinements 0,1,2] [--set "Section/Name=value"]... [--output DIR]

  scripts/bench --1d [--sweep-cases 1000] [--sweep-ranks 2]

  scripts/bench --all

Writes bench.json and bench.csv (and the runs) into DIR, by default
output/bench/<FILE without .prm>. --refinements runs each rank count at each
of these Geometry/Global refinements (sizes), and adds the growth of the
linear iterations from one size to the next. With --1d it measures the 1D
default cell and a sweep of its variants instead (scripts/bench_1d.py), into
output/bench/1d. --all runs everything docs/performance.md reports: the 1D
part, then the 3D coated particle (resolved coating) at 1, 2, 3 and the 3D
composite at 0, 1, 2 refinements (about 21,000 to 1.08 million unknowns),
each on 1 and 2 ranks. Timings are measured, never asserted."""
import argparse
import csv
import json
import os
import platform
import shutil
import subprocess
import sys

import bench_1d

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_PRM = "params/examples/composite_3d.prm"
DEFAULT_STEPS = "Discharge at 1C for 60 s"
# --all: (parameter file, refinements, steps) of the 3D part.
ALL_3D = [
    ("params/examples/coated_particle_3d.prm", [1, 2, 3], "Discharge at 1C for 30 s"),
    ("params/examples/composite_3d.prm", [0, 1, 2], "Discharge at 1C for 3 s"),
]

# (key, label, format) of the table, in order.
ROWS = [
    ("n_dofs", "DoFs", "{:.0f}"),
    ("n_cells", "cells", "{:.0f}"),
    ("linear_solver", "linear solver", "{}"),
    ("time_steps", "time steps accepted", "{:.0f}"),
    ("time_steps_rejected", "time steps rejected", "{:.0f}"),
    ("newton_per_step", "Newton iterations per step", "{:.2f}"),
    ("linear_per_newton", "linear iterations per Newton step", "{:.2f}"),
    ("linear_per_solve", "linear iterations per solve (all)", "{:.2f}"),
    ("linear_growth", "  growth over the previous size", "{:.2f}"),
    ("assembly_us_per_dof", "assembly per DoF and assembly [us]", "{:.3f}"),
    ("linear_setup_per_newton_s", "linear set-up per Newton step [s]", "{:.4g}"),
    ("linear_solve_per_newton_s", "linear solves per Newton step [s]", "{:.4g}"),
    ("setup_s", "set-up of the run (mesh, spaces) [s]", "{:.3g}"),
    ("wall_per_step_s", "wall time per time step [s]", "{:.4g}"),
    ("poisson_n_dofs", "Poisson: DoFs", "{:.0f}"),
    ("poisson_cg_iterations", "Poisson: CG iterations", "{:.0f}"),
    ("poisson_assembly_s", "Poisson: assembly [s]", "{:.4g}"),
    ("poisson_amg_setup_s", "Poisson: AMG set-up [s]", "{:.4g}"),
    ("poisson_cg_s", "Poisson: CG solve [s]", "{:.4g}"),
    ("poisson_solve_s", "Poisson solve (assembly + AMG + CG) [s]", "{:.4g}"),
    ("step_over_poisson", "time step / Poisson solve", "{:.1f}"),
    ("speed_up", "speed-up (wall time per step)", "{:.2f}"),
    ("poisson_speed_up", "speed-up of the Poisson solve", "{:.2f}"),
    ("triad_GB_s", "memory bandwidth before the run [GB/s]", "{:.1f}"),
    ("bandwidth_ratio", "  over the first rank count", "{:.2f}"),
]


class BenchError(Exception):
    pass


def ratio(a, b):
    return a / b if a is not None and b else None


def command(ssbcell, ranks, arguments):
    if ranks == 1 and not shutil.which("mpirun"):
        return [ssbcell] + arguments
    return ["mpirun", "-np", str(ranks), "--oversubscribe", ssbcell] + arguments


def execute(cmd, log_file):
    """Runs cmd, keeps its output in log_file; returns its stdout."""
    env = dict(os.environ, OMPI_ALLOW_RUN_AS_ROOT="1", OMPI_ALLOW_RUN_AS_ROOT_CONFIRM="1")
    print("  " + " ".join(f'"{c}"' if " " in c else c for c in cmd), flush=True)
    done = subprocess.run(cmd, env=env, capture_output=True, text=True)
    with open(log_file, "w") as f:
        f.write(f"$ {' '.join(cmd)}\n--- stdout\n{done.stdout}--- stderr\n{done.stderr}")
    if done.returncode != 0:
        tail = "\n".join((done.stderr or done.stdout).strip().splitlines()[-5:])
        raise BenchError(f"exit status {done.returncode} of\n  {' '.join(cmd)}\n{tail}\n"
                         f"(full output in {log_file})")
    return done.stdout


def poisson_total(p):
    return p["assembly_time_s"] + p["amg_setup_time_s"] + p["solve_time_s"]


def read_prm_value(path, section, name):
    """A value of a parameters.prm written by ssbcell (None if absent)."""
    stack = []
    with open(path) as f:
        for line in f:
            words = line.split("#")[0].strip()
            if words.startswith("subsection "):
                stack.append(words[len("subsection "):].strip())
            elif words == "end":
                stack.pop()
            elif words.startswith("set ") and "=" in words:
                key, value = words[4:].split("=", 1)
                if "/".join(stack) == section and key.strip() == name:
                    return value.strip()
    return None


def resolved_solver(run_dir, n_dofs):
    """Linear solver/Type of a run, 'auto' resolved as the solver does."""
    prm = os.path.join(run_dir, "parameters.prm")
    solver = read_prm_value(prm, "Linear solver", "Type")
    if solver != "auto":
        return solver
    if read_prm_value(prm, "Model", "Cell model") != "electrochemistry":
        return "auto"
    # ElectrochemicalCell's direct limit (3D: 8000) and LinearSolver.
    limit = 8000 if read_prm_value(prm, "Geometry", "Dimension") == "3" else 200000
    return "auto: " + ("direct" if n_dofs < limit else "fieldsplit")


def measure(args, ranks, folder, refinement=None):
    os.makedirs(folder, exist_ok=True)
    run_dir = os.path.join(folder, "run")
    sets = []
    for s in args.set + ([] if refinement is None
                         else [f"Geometry/Global refinements={refinement}"]):
        sets += ["--set", s]
    run_sets = sets + ["--set", f"Protocol/Steps={args.steps}"]
    if not args.write_solution:
        run_sets += ["--set", "Output/Write solution=false"]
    # The machine's memory bandwidth on these ranks just before the run: the
    # ceiling of a bandwidth-bound speed-up, which on a virtual machine that
    # shares its host moves from one minute to the next.
    triad = memory_bandwidth(args.ssbcell, [ranks], os.path.join(folder, "bandwidth"))
    # The fastest of --run-repeats runs (wall time per step), as for the
    # Poisson solve: on a shared machine a single run can be slowed by
    # another process, which would bias the speed-up either way.
    best = None
    for i in range(args.run_repeats):
        trial_dir = run_dir if args.run_repeats == 1 else f"{run_dir}-{i}"
        log = os.path.join(folder, "run.log" if args.run_repeats == 1 else f"run-{i}.log")
        execute(command(args.ssbcell, ranks,
                        [args.prm] + run_sets + ["--output", trial_dir, "--quiet"]), log)
        with open(os.path.join(trial_dir, "summary.json")) as f:
            trial = json.load(f)
        if trial.get("status") != "ok":
            raise BenchError(f"the run on {ranks} rank(s) ended with status "
                             f"'{trial.get('status')}': {trial.get('message')}")
        t = trial["diagnostics"]
        per_step = (t["wall_time_s"] - t.get("setup_time_s", 0.)) / t["time_steps_accepted"]
        if best is None or per_step < best[0]:
            best = (per_step, trial_dir, trial)
    run_dir, summary = best[1], best[2]
    # The fastest of a few: the reference is short, so another process on
    # the machine can double a single measurement.
    poisson = None
    for i in range(args.poisson_repeats):
        log = os.path.join(folder, f"poisson-{i}.log")
        stdout = execute(command(args.ssbcell, ranks, ["poisson", args.prm] + sets), log)
        lines = [line for line in stdout.splitlines() if line.startswith("{")]
        if not lines:
            raise BenchError(f"ssbcell poisson printed no JSON line (see {log})")
        trial = json.loads(lines[-1])
        if poisson is None or poisson_total(trial) < poisson_total(poisson):
            poisson = trial
    with open(os.path.join(folder, "poisson.json"), "w") as f:
        json.dump(poisson, f, indent=1)

    d = summary["diagnostics"]
    with open(os.path.join(run_dir, "statistics.csv"), newline="") as f:
        rows = list(csv.DictReader(f))
    newton = sum(float(r["newton_iterations"]) for r in rows)
    linear = sum(float(r["linear_iterations"]) for r in rows)
    steps = d["time_steps_accepted"]
    work = d.get("work", {})
    n_dofs = d["n_dofs"]

    solver = resolved_solver(run_dir, n_dofs)

    wall = d["wall_time_s"]
    setup = d.get("setup_time_s")
    wall_loop = wall - setup if setup is not None else wall
    newton_all = work.get("linear_setups")  # one set-up per Newton iteration
    m = {
        "ranks": ranks,
        "refinements": refinement,
        "n_dofs": n_dofs,
        "n_cells": d["n_cells"],
        "linear_solver": solver,
        "time_steps": steps,
        "time_steps_rejected": d["time_steps_rejected"],
        "newton_per_step": ratio(newton, steps),
        "linear_per_newton": ratio(linear, newton),
        # Every solve of the run (rejected steps and event trials too).
        "linear_per_solve": work.get("linear_iterations_per_solve"),
        "newton_iterations_all": newton_all,
        "assembly_us_per_dof": ratio(1e6 * work["assembly_time_s"],
                                     work["assemblies"] * n_dofs) if work else None,
        "linear_setup_per_newton_s": ratio(work.get("linear_setup_time_s"), newton_all),
        "linear_solve_per_newton_s": ratio(work.get("linear_solve_time_s"), newton_all),
        "setup_s": setup,
        "wall_s": wall,
        "wall_per_step_s": ratio(wall_loop, steps),
        "poisson_n_dofs": poisson["n_dofs"],
        "poisson_cg_iterations": poisson["cg_iterations"],
        "poisson_assembly_s": poisson["assembly_time_s"],
        "poisson_amg_setup_s": poisson["amg_setup_time_s"],
        "poisson_cg_s": poisson["solve_time_s"],
        "poisson_solve_s": poisson_total(poisson),
        "triad_GB_s": triad.get(ranks),
    }
    m["step_over_poisson"] = ratio(m["wall_per_step_s"], m["poisson_solve_s"])
    if not work:
        print("  note: the cell model reports no work counters (summary.json "
              "diagnostics.work); assembly and linear-solver rows are empty")
    if setup is None:
        print("  note: summary.json has no setup_time_s (an older ssbcell): the wall "
              "time per step includes the set-up")
    return m


def machine():
    model = platform.processor() or "unknown"
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    model = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    return {"cores": os.cpu_count(), "cpu": model, "system": platform.platform()}


def memory_bandwidth(ssbcell, ranks, folder):
    """STREAM triad bandwidth [GB/s] of the machine on each rank count (the
    ranks run it together): the ceiling of a bandwidth-bound speed-up."""
    program = os.path.join(os.path.dirname(ssbcell), "ssbcell_bandwidth")
    if not os.path.isfile(program):
        print(f"  note: {program} not built: no memory bandwidth")
        return {}
    os.makedirs(folder, exist_ok=True)
    bandwidth = {}
    for n in ranks:
        stdout = execute(command(program, n, []), os.path.join(folder, f"bandwidth-np{n}.log"))
        bandwidth[n] = json.loads(stdout.strip().splitlines()[-1])["triad_GB_s"]
    first = bandwidth[ranks[0]]
    print("  memory bandwidth (STREAM triad): " + ", ".join(
        f"{n} rank(s) {b:.1f} GB/s" + (f" ({b / first:.2f}x)" if len(ranks) > 1 else "")
        for n, b in bandwidth.items()))
    return bandwidth


def column_title(r):
    title = str(r["ranks"]) + (" rank" if r["ranks"] == 1 else " ranks")
    return title if r.get("refinements") is None else f"g{r['refinements']}, {title}"


def print_table(results, first_ranks):
    width = max(len(label) for _, label, _ in ROWS) + 2
    header = "".join(f"{column_title(r):>14}" for r in results)
    print("\n" + " " * width + header)
    for key, label, fmt in ROWS:
        if key == "speed_up":
            label = f"speed-up over {first_ranks} rank(s) (wall/step)"
        cells = []
        for r in results:
            v = r.get(key)
            cells.append(f"{'n/a' if v is None else fmt.format(v):>14}")
        print(f"{label:<{width}}" + "".join(cells))


def parse_list(text, what):
    try:
        values = [int(v) for v in text.split(",") if v.strip()]
    except ValueError:
        values = []
    if not values or min(values) < 0:
        sys.exit(f"bench: {what} wants integers >= 0 separated by ',', not '{text}'")
    return values


def bench_file(args, prm, steps, ranks, refinements, output, version, host):
    """The 3D table of one parameter file: every size on every rank count."""
    if not os.path.isfile(prm):
        sys.exit(f"bench: no parameter file {prm}")
    os.makedirs(output, exist_ok=True)
    args.prm, args.steps = prm, steps  # what measure() runs
    print(f"bench: {prm}, Protocol/Steps = {steps}" + "".join(f", {s}" for s in args.set))
    results = []
    try:
        for g in refinements:
            sized = []
            for n in ranks:
                label = f"{n} rank(s)" + ("" if g is None else f", {g} global refinements")
                print(f"bench: {label}", flush=True)
                folder = f"np{n}" if g is None else os.path.join(f"g{g}", f"np{n}")
                sized.append(measure(args, n, os.path.join(output, folder), g))
            for r in sized:
                r["speed_up"] = ratio(sized[0]["wall_per_step_s"], r["wall_per_step_s"])
                r["poisson_speed_up"] = ratio(sized[0]["poisson_solve_s"],
                                              r["poisson_solve_s"])
                r["bandwidth_ratio"] = ratio(r["triad_GB_s"], sized[0]["triad_GB_s"])
                # Only between sizes solved alike (a direct solve counts 1).
                previous = [q for q in results if q["ranks"] == r["ranks"]]
                if previous and previous[-1]["linear_solver"] == r["linear_solver"]:
                    r["linear_growth"] = ratio(r["linear_per_solve"],
                                               previous[-1]["linear_per_solve"])
            results += sized
    except BenchError as e:
        sys.exit(f"bench: error: {e}")

    print_table(results, ranks[0])
    report = {"parameter_file": prm, "steps": steps, "overrides": args.set,
              "refinements": refinements, "write_solution": args.write_solution,
              "poisson_repeats": args.poisson_repeats, "ssbcell": version,
              "machine": host, "results": results}
    with open(os.path.join(output, "bench.json"), "w") as f:
        json.dump(report, f, indent=1)
    with open(os.path.join(output, "bench.csv"), "w", newline="") as f:
        fields = list(dict.fromkeys(k for r in results for k in r))
        writer = csv.DictWriter(f, fieldnames=fields)
        writer.writeheader()
        writer.writerows(results)
    print(f"\nbench: wrote {output}/bench.json and bench.csv\n")
    return results


def arguments():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("prm", nargs="?", default=DEFAULT_PRM, help=f"default: {DEFAULT_PRM}")
    p.add_argument("--steps", default=DEFAULT_STEPS,
                   help=f"Protocol/Steps of the run (default: '{DEFAULT_STEPS}')")
    p.add_argument("--ranks", default="1,2", help="MPI rank counts, e.g. 1,2 (default)")
    p.add_argument("--refinements",
                   help="Geometry/Global refinements to run, e.g. 0,1,2 (default: the file's)")
    p.add_argument("--set", action="append", default=[],
                   help="'Section/Name=value' for the run and the Poisson solve")
    p.add_argument("--output", help="default: output/bench/<FILE without .prm>")
    p.add_argument("--poisson-repeats", type=int, default=3,
                   help="Poisson solves per rank count; the fastest counts (default 3)")
    p.add_argument("--run-repeats", type=int, default=1,
                   help="runs per rank count and size; the fastest per step counts (default 1)")
    p.add_argument("--ssbcell", default=os.path.join(ROOT, "build", "ssbcell"))
    p.add_argument("--write-solution", action="store_true",
                   help="keep the VTU output of the run (off: it is I/O, not solver work)")
    p.add_argument("--1d", dest="one_d", action="store_true",
                   help="measure the 1D default cell and a sweep of its variants")
    p.add_argument("--all", action="store_true",
                   help="1D, then the 3D coated particle and composite at three sizes "
                        "(its own files, sizes, steps and ranks 1,2)")
    p.add_argument("--repeats", type=int, default=5,
                   help="--1d: runs of the default cell; the fastest counts (default 5)")
    p.add_argument("--sweep-cases", type=int, default=1000,
                   help="--1d: cases of the 1D sweep, 0 for none (default 1000)")
    p.add_argument("--sweep-ranks", type=int, default=2,
                   help="--1d: MPI ranks of the 1D sweep, one per case (default 2)")
    return p.parse_args()


def main():
    args = arguments()
    if not (os.path.isfile(args.ssbcell) and os.access(args.ssbcell, os.X_OK)):
        sys.exit(f"bench: {args.ssbcell} not found: build ssbcell first with scripts/setup")
    ranks = parse_list(args.ranks, "--ranks")
    if min(ranks) < 1:
        sys.exit("bench: --ranks must be at least 1")
    if args.poisson_repeats < 1 or args.repeats < 1 or args.sweep_ranks < 1:
        sys.exit("bench: --poisson-repeats, --repeats and --sweep-ranks must be at least 1")
    if args.sweep_cases < 0:
        sys.exit("bench: --sweep-cases must be at least 0")
    if (max(ranks) > 1 or args.all or (args.one_d and args.sweep_ranks > 1
                                         and args.sweep_cases > 0)) \
            and not shutil.which("mpirun"):
        sys.exit("bench: mpirun not found (Debian: openmpi-bin; scripts/setup installs it)")
    root = os.path.abspath(args.output or os.path.join("output", "bench"))
    if args.one_d or args.all:
        try:
            bench_1d.run(execute, command, args.ssbcell, root, args.repeats,
                         args.sweep_cases, args.sweep_ranks)
        except BenchError as e:
            sys.exit(f"bench: error: {e}")
        if not args.all:
            return

    version = subprocess.run([args.ssbcell, "--version"], capture_output=True, text=True,
                             env=dict(os.environ, OMPI_ALLOW_RUN_AS_ROOT="1",
                                      OMPI_ALLOW_RUN_AS_ROOT_CONFIRM="1")).stdout
    version = version.splitlines()[0] if version else "unknown"
    host = machine()
    print(f"bench: {version}; {host['cores']} cores ({host['cpu']})")
    try:
        host["triad_GB_s"] = memory_bandwidth(args.ssbcell, [1, 2] if args.all else ranks,
                                              os.path.join(root, "bandwidth"))
    except BenchError as e:
        sys.exit(f"bench: error: {e}")
    stem = lambda prm: os.path.splitext(os.path.basename(prm))[0]
    if args.all:
        for prm, refinements, steps in ALL_3D:
            bench_file(args, os.path.join(ROOT, prm), steps, [1, 2], refinements,
                       os.path.join(root, stem(prm)), version, host)
        return
    refinements = [None] if args.refinements is None else \
        parse_list(args.refinements, "--refinements")
    output = os.path.abspath(args.output) if args.output else os.path.join(root, stem(args.prm))
    bench_file(args, args.prm, args.steps, ranks, refinements, output, version, host)


if __name__ == "__main__":
    main()
