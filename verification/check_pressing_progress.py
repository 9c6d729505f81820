#!/usr/bin/env python3
"""What a run shows while it presses a resolved powder (docs/outputs.md):
runs the pressed packing without --quiet, on 1 or 2 ranks, and checks that
  - the screen has one progress line per pressing iteration, as many as
    summary.json's powder_pressing_iterations, numbered 1, 2, ..., with
    the last change at or below the 1e-3 at which the pressing stops and
    the others above it;
  - log.txt holds the screen's other lines, in order: the progress lines
    (these and the time steps') are the screen's alone."""
import argparse
import json
import os
import re
import subprocess
import sys

LINE = re.compile(r"^  pressing the powder: iteration (\d+), largest stiffness change "
                  r"(\S+) \(settled below 1\.00e-03\), \d+ s$")
STEP = re.compile(r"^  step \d+: t = ")


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--ssbcell", required=True)
    p.add_argument("--prm", required=True)
    p.add_argument("--output", required=True)
    p.add_argument("--mpi", type=int, default=1)
    args = p.parse_args()
    cmd = [args.ssbcell, args.prm, "--output", args.output,
           "--set", "Cell/Compaction law=heckel",
           "--set", "Cell/Effective conductivity model=percolation",
           "--set", "Mechanics/Powder stiffness=contact network",
           "--set", "Protocol/Steps=Rest for 1 s"]
    if args.mpi > 1:
        cmd = ["mpirun", "-np", str(args.mpi), "--oversubscribe"] + cmd
    env = dict(os.environ, OMPI_ALLOW_RUN_AS_ROOT="1", OMPI_ALLOW_RUN_AS_ROOT_CONFIRM="1")
    done = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=600)
    if done.returncode != 0:
        sys.exit(f"FAIL: {' '.join(cmd)}: exit {done.returncode}\n{done.stdout}{done.stderr}")
    screen = done.stdout.splitlines()
    progress = [m for m in map(LINE.match, screen) if m]
    with open(os.path.join(args.output, "summary.json")) as f:
        iterations = json.load(f)["diagnostics"]["powder_pressing_iterations"]
    with open(os.path.join(args.output, "log.txt")) as f:
        log = f.read().splitlines()
    changes = [float(m.group(2)) for m in progress]
    checks = [
        (len(progress) == iterations > 1,
         f"{len(progress)} progress lines for {iterations:.0f} pressing iterations"),
        ([int(m.group(1)) for m in progress] == list(range(1, len(progress) + 1)),
         "the iterations numbered 1, 2, ... in order"),
        (bool(changes) and changes[-1] <= 1e-3 and all(c > 1e-3 for c in changes[:-1]),
         f"the last change {changes[-1] if changes else float('nan'):.1e} <= 1e-3, "
         "the others above"),
        (log == [s for s in screen if not (LINE.match(s) or STEP.match(s))],
         f"log.txt holds the screen's {len(log)} other lines, in order"),
    ]
    for ok, text in checks:
        print(("ok   " if ok else "FAIL ") + text)
    sys.exit(0 if all(ok for ok, _ in checks) else 1)


if __name__ == "__main__":
    main()
