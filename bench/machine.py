"""The line under each benchmark's heading: when, on what machine, and the exact command.

Every bench script prints its own markdown section through `section()`, so that BENCHMARKS.md
(written by bench/report.py) holds the figures exactly as the script printed them, next to
the conditions they were measured in. The load average is taken when this module is first
imported and again when the header is printed: a figure measured while the other core was
busy is worth less, and the reader should see that.
"""

from __future__ import annotations

import os
import platform
import shlex
import sys
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LOAD_AT_START = os.getloadavg()


def memory_bytes() -> int:
    try:
        with open("/proc/meminfo", encoding="ascii") as lines:
            for line in lines:
                name, _, value = line.partition(":")
                if name == "MemTotal":
                    return int(value.split()[0]) * 1024
    except OSError:
        pass
    return os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")


def command_line() -> str:
    """The command that ran this process, as typed from the project's root."""
    executable = os.path.relpath(sys.executable, ROOT) if Path(sys.executable).is_relative_to(ROOT) else sys.executable
    options = [f"-W {option}" for option in sys.warnoptions]
    script = os.path.relpath(os.path.abspath(sys.argv[0]), ROOT)
    return " ".join([executable, *options, shlex.join([script, *sys.argv[1:]])])


def conditions() -> str:
    load_now = os.getloadavg()
    return (f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC, {os.cpu_count()} cores, "
            f"{memory_bytes() / 2**30:.1f} GiB memory, Python {platform.python_version()}, "
            f"load average {LOAD_AT_START[0]:.2f} at start and {load_now[0]:.2f} at end (1 min), "
            f"`{command_line()}`")


def section(title: str, method: str) -> None:
    """Print the section's heading, the conditions line and the method paragraph."""
    script = os.path.relpath(os.path.abspath(sys.argv[0]), ROOT)
    print(f"## {title} (`{script}`)")
    print()
    print(conditions())
    print()
    paragraphs(method)


def table(headers: Sequence[str], rows: Iterable[Sequence[object]], right: Sequence[int] = ()) -> None:
    """A markdown table; columns whose index is in `right` are right-aligned (figures)."""
    print("| " + " | ".join(headers) + " |")
    print("| " + " | ".join("---:" if i in right else "---" for i in range(len(headers))) + " |")
    for row in rows:
        print("| " + " | ".join(str(cell) for cell in row) + " |")
    print()


def paragraphs(text: str) -> None:
    """Prose written as an indented triple-quoted string, one output line per paragraph."""
    for block in text.strip().split("\n\n"):
        print(" ".join(block.split()))
        print()


def progress(message: str) -> None:
    """Where a long bench is, on stderr, so that stdout stays the section alone."""
    print(f"  {message}", file=sys.stderr, flush=True)
