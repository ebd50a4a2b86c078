"""Instructions per briefing, counted by valgrind's cachegrind: `make instructions`.

Timings on a shared virtual machine swing by 15–20% from one minute to the next, so a
change worth 2% cannot be seen in them. Instruction counts can: this runs the warm
pipeline of measure (a) of `make bench` under cachegrind, for the same inputs, and
prints millions of instructions per briefing for

  ours     `build_file` (load, validate, check, compose, render, write);
  no check the same with `briefpdf check`'s count left out;
  floor    the plain-platypus floor of measure (a).

Each is the count of a run minus that of a run that only warms up, with
PYTHONHASHSEED=0 and the collector's old objects frozen after the warm-up: the same
commit gives the same figures to within about 0.1%. Compare two commits in the same
checkout. Some runs count about 27 M a briefing more in every mode alike (it comes and
goes with the folder's path and the code's version): compare differences, such as
ours - floor, which stay put, rather than ratios. Counts are not times: memory and
system calls cost time that they do not show.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
MODES = ("ours", "no check", "floor")


def child(mode: str, count: int) -> None:
    """In the process cachegrind counts: warm up, then build ``count`` briefings."""
    import gc

    sys.path.insert(0, str(HERE))
    from run import floor_render, make_project, prepare_floor

    import briefpdf.build as build

    work = Path(tempfile.mkdtemp(prefix="briefpdf-instructions-"))
    try:
        paths = make_project(work, count + 1)
        logo = prepare_floor(work)
        out = work / "out"
        out.mkdir()
        os.chdir(work)
        build.build_file(paths[-1], out)  # warm: imports, fonts, images, caches
        floor_render(paths[-1], out / "floor.pdf", logo)
        gc.collect()
        gc.freeze()
        if mode == "no check":
            build.check_findings = lambda *briefings, strict=False: []
        for path in paths[:count] if mode != "warm-up" else []:
            if mode == "floor":
                floor_render(path, out / "floor.pdf", logo)
            else:
                build.build_file(path, out)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def counted(mode: str, count: int) -> int:
    """The instructions cachegrind counts in a child run in ``mode``."""
    env = {**os.environ, "PYTHONHASHSEED": "0", "CI": "1",
           "SOURCE_DATE_EPOCH": "1500000000"}
    result = subprocess.run(
        ["valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null",
         sys.executable, __file__, "--child", mode, "--count", str(count)],
        capture_output=True, text=True, env=env, cwd=ROOT)
    found = re.search(r"I\s+refs:\s+([\d,]+)", result.stderr)
    if result.returncode != 0 or found is None:
        sys.exit(f"cachegrind failed in mode {mode!r}:\n{result.stderr[-2000:]}")
    return int(found.group(1).replace(",", ""))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=12, help="briefings per run (12)")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.count)
        return
    if shutil.which("valgrind") is None:
        sys.exit("valgrind is not installed (Debian: apt-get install valgrind)")
    base = counted("warm-up", args.count)
    per = {mode: (counted(mode, args.count) - base) / args.count / 1e6 for mode in MODES}
    for mode in MODES:
        print(f"{mode:9s} {per[mode]:7.1f} M instructions a briefing")
    print(f"ours - floor {per['ours'] - per['floor']:.1f} M "
          f"(ratio {per['ours'] / per['floor']:.3f}); "
          f"the check {per['ours'] - per['no check']:.1f} M")


if __name__ == "__main__":
    main()
