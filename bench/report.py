"""Regenerate BENCHMARKS.md: run every bench script and write down exactly what each printed.

Each script runs in a subprocess with the project's venv python and prints its own markdown
section on stdout (heading, conditions line, method, tables); its stderr (progress) passes
through to the terminal. BENCHMARKS.md is the intro below followed by the sections in
BENCHES' order. `--only NAME` reruns the named scripts and replaces only their sections,
keeping the others as they are. A script that fails keeps its previous section, marked as
such, and makes this command fail.
Run: .venv/bin/python bench/report.py [--only NAME ...]
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REPORT = ROOT / "BENCHMARKS.md"
VENV_PYTHON = ROOT / ".venv" / "bin" / "python"
# (script, interpreter options, script arguments), in the order of the report. The call
# benches silence warnings: moto and botocore deprecation notices would bury the progress.
BENCHES: list[tuple[str, list[str], list[str]]] = [
    ("cold_start", [], []),
    ("deployment_package", [], []),
    ("suggestion_calls", ["-W", "ignore"], []),
    ("ballot_calls", ["-W", "ignore"], []),
    ("fund_calls", ["-W", "ignore"], []),
    ("route_calls", ["-W", "ignore"], []),
    ("cost", ["-W", "ignore"], []),
    ("throughput", ["-W", "ignore"], []),
    ("tally", [], []),
    ("publication_aggregate", [], []),
    ("live_consumer", ["-W", "ignore"], []),
    ("live_index_reads", ["-W", "ignore"], []),
    ("page_weight", [], []),
]
INTRO = """# Benchmarks

Written by `make bench` (`.venv/bin/python bench/report.py`), which runs each script in `bench/`
and copies the section it printed, figures included, without touching them: nothing here is
typed by hand. Each section opens with its date (UTC), the machine (cores, memory, Python, the
1-minute load average when the script started and when it printed) and the exact command.
`.venv/bin/python bench/report.py --only NAME` reruns one script (NAME is its file name without
`.py`) and replaces only its section. Benchmarks never pass or fail the test suite.
"""
HEADING = re.compile(r"^## .*\(`bench/(?P<name>[a-z_]+)\.py`\)\s*$")


def sections_of(text: str) -> dict[str, str]:
    """The sections of an existing report, by script name."""
    found: dict[str, str] = {}
    name = None
    for line in text.splitlines(keepends=True):
        match = HEADING.match(line)
        if match:
            name = match["name"]
            found[name] = ""
        if name:
            found[name] += line
    return {key: value.strip() + "\n" for key, value in found.items()}


def run(name: str, options: list[str], arguments: list[str]) -> tuple[str | None, float, int]:
    python = VENV_PYTHON if VENV_PYTHON.exists() else Path(sys.executable)
    command = [str(python.relative_to(ROOT)) if python.is_relative_to(ROOT) else str(python), *options,
               f"bench/{name}.py", *arguments]
    print(f"bench/report.py: {' '.join(command)}", file=sys.stderr, flush=True)
    started = time.monotonic()
    done = subprocess.run(command, cwd=ROOT, stdout=subprocess.PIPE, text=True)
    seconds = time.monotonic() - started
    if done.returncode != 0:
        return None, seconds, done.returncode
    return done.stdout.strip() + "\n", seconds, 0


def main() -> int:
    names = [name for name, _, _ in BENCHES]
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="+", choices=names, metavar="NAME", help=f"any of: {', '.join(names)}")
    args = parser.parse_args()
    previous = sections_of(REPORT.read_text(encoding="utf-8")) if REPORT.exists() else {}
    sections = dict(previous)
    failed = []
    timings = []
    for name, options, arguments in BENCHES:
        if args.only and name not in args.only:
            continue
        section, seconds, code = run(name, options, arguments)
        timings.append((name, seconds))
        if section is None:
            failed.append(name)
            note = (f"_The last run of `bench/{name}.py` failed (exit code {code}); the figures below are from the "
                    "run before it._\n\n")
            old = previous.get(name, f"## `bench/{name}.py` (`bench/{name}.py`)\n")
            heading, _, rest = old.partition("\n")
            rest = re.sub(r"^_The last run of .*?_\n\n", "", rest.strip() + "\n", flags=re.DOTALL)
            sections[name] = f"{heading}\n\n{note}{rest.strip()}\n"
        else:
            sections[name] = section
        ordered = [sections[n] for n in names if n in sections]
        REPORT.write_text(INTRO + "\n" + "\n".join(ordered), encoding="utf-8")
    for name, seconds in timings:
        print(f"bench/report.py: {name} took {seconds:.0f} s", file=sys.stderr)
    print(f"bench/report.py: {sum(s for _, s in timings) / 60:.1f} min in all; wrote {REPORT.relative_to(ROOT)}",
          file=sys.stderr)
    if failed:
        print(f"bench/report.py: failed: {', '.join(failed)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
