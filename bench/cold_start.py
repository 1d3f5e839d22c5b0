"""Cold start: `import app` against `import boto3`, each in 5 fresh interpreters.

Prints the medians and their ratio (target: ratio ≤ 1.5). Also prints what the first
request adds on top of the import (building the DynamoDB client), because boto3 is
imported lazily and that cost moves there rather than disappearing.
Run: .venv/bin/python bench/cold_start.py
"""

from __future__ import annotations

import os
import platform
import statistics
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RUNS = 5
# The variables `import app` and its settings need; no AWS is reached.
APP_ENV = {
    "AWS_DEFAULT_REGION": "ap-east-1",
    "MULIN_TABLE": "bench",
    "MULIN_IDEMPOTENCY_TABLE": "bench-idempotency",
    "MULIN_PUBLIC_BUCKET": "bench",
    "MULIN_ATTACHMENTS_BUCKET": "bench",
    "MULIN_USER_POOL_ID": "ap-east-1_bench",
    "MULIN_USER_POOL_CLIENT_ID": "bench",
    "MULIN_CURSOR_SECRET": "bench",
}

PROBES = {
    "import boto3": "import boto3",
    "import app": "import app",
    "import app + first DynamoDB client": (
        "import app\n"
        "from chalicelib import aws\n"
        "aws.client('dynamodb')"
    ),
}


def measure(statement: str) -> float:
    code = (
        "import time\n"
        "start = time.perf_counter()\n"
        f"{statement}\n"
        "print(time.perf_counter() - start)\n"
    )
    env = {"PATH": os.environ.get("PATH", ""), "PYTHONPATH": str(ROOT), **APP_ENV}
    output = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, check=True,
                            capture_output=True, text=True).stdout
    return float(output.strip().splitlines()[-1])


def main() -> None:
    # One warm-up each so that the first figure is not the filesystem cache filling.
    for statement in PROBES.values():
        measure(statement)
    medians = {name: statistics.median(measure(stmt) for _ in range(RUNS)) for name, stmt in PROBES.items()}
    print(f"# cold start — {datetime.now(UTC):%Y-%m-%d %H:%M} UTC, {os.cpu_count()} cores, "
          f"Python {platform.python_version()}, median of {RUNS} fresh interpreters")
    for name, seconds in medians.items():
        print(f"{name:<40} {seconds * 1000:8.1f} ms")
    ratio = medians["import app"] / medians["import boto3"]
    print(f"{'ratio import app / import boto3':<40} {ratio:8.2f}   (target ≤ 1.5)")


if __name__ == "__main__":
    main()
