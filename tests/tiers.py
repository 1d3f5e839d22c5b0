"""`make test`: the browser tier and everything else run at once, one pytest on each core.

The browser tier drives a local stack of its own through chromium and spends most of its time
waiting on pages; the rest is CPU-bound Python against its own embedded AWS. Neither shares a
process, a port or a temporary directory with the other, so running them side by side halves the
wall time of a run without changing what any test sees. The rest streams its output as it goes;
the browser tier's is printed whole when it ends. The run fails if either tier fails, and a tier
that collected no test counts as failed (pytest's exit 5).
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BROWSER = "tests/browser"


def pytest(arguments: list[str], basetemp: Path, **streams) -> subprocess.Popen:
    command = [sys.executable, "-m", "pytest", f"--basetemp={basetemp}", *arguments]
    return subprocess.Popen(command, cwd=ROOT, **streams)


def main(extra: list[str]) -> int:
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="mulin-tiers-") as scratch, \
            tempfile.TemporaryFile(mode="w+b") as browser_log:
        browser = pytest([BROWSER, *extra], Path(scratch) / "browser", stdout=browser_log, stderr=subprocess.STDOUT)
        rest = pytest(["tests", f"--ignore={BROWSER}", *extra], Path(scratch) / "rest")
        codes = {"everything but the browser": rest.wait(), "browser": browser.wait()}
        browser_log.seek(0)
        sys.stdout.flush()
        print("\n" + " browser tier ".center(80, "="), flush=True)
        sys.stdout.buffer.write(browser_log.read())
    print(" tiers ".center(80, "="))
    for tier, code in codes.items():
        print(f"{tier}: {'passed' if code == 0 else f'exit code {code}'}")
    print(f"both tiers in {time.monotonic() - started:.0f} s", flush=True)
    return 0 if all(code == 0 for code in codes.values()) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
