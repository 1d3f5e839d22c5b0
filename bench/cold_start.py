"""Cold start: `import app` against `import boto3`, each in 5 fresh interpreters.

Prints the medians and their ratio (target: ratio ≤ 1.5). Also prints what the first
request adds on top of the import (building the DynamoDB client), because boto3 is
imported lazily and that cost moves there rather than disappearing, and where `import app`
spends its time by top-level package (`-X importtime`, one more interpreter). Prints its
BENCHMARKS.md section.
Run: .venv/bin/python bench/cold_start.py
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import machine  # noqa: E402

RUNS = 5
TARGET_RATIO = 1.5
TOP_PACKAGES = 8
# The variables `import app` and its settings need; no AWS is reached (a plain cursor secret
# stands in for Secrets Manager's, as outside AWS it may).
APP_ENV = {
    "AWS_DEFAULT_REGION": "ap-east-1",
    "MULIN_TABLE": "bench",
    "MULIN_IDEMPOTENCY_TABLE": "bench-idempotency",
    "MULIN_BALLOTS_TABLE": "bench-ballots",
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
    # What the first request that signs a cursor or hashes an identity adds before its one
    # GetSecretValue: the Secrets Manager client and Powertools parameters (no AWS reached).
    "import app + first DynamoDB and Secrets Manager clients": (
        "import app\n"
        "from chalicelib import aws\n"
        "aws.client('dynamodb')\n"
        "aws.client('secretsmanager')\n"
        "from aws_lambda_powertools.utilities.parameters import SecretsProvider"
    ),
}


def probe_env() -> dict[str, str]:
    return {"PATH": os.environ.get("PATH", ""), "PYTHONPATH": str(ROOT), **APP_ENV}


def measure(statement: str) -> float:
    code = (
        "import time\n"
        "start = time.perf_counter()\n"
        f"{statement}\n"
        "print(time.perf_counter() - start)\n"
    )
    output = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=probe_env(), check=True,
                            capture_output=True, text=True).stdout
    return float(output.strip().splitlines()[-1])


def import_time_by_package() -> tuple[Counter[str], int]:
    """Self time of every module `import app` loads, summed by top-level package (µs), and the total."""
    lines = subprocess.run([sys.executable, "-X", "importtime", "-c", "import app"], cwd=ROOT, env=probe_env(),
                           check=True, capture_output=True, text=True).stderr.splitlines()
    by_package: Counter[str] = Counter()
    total = 0
    for line in lines:
        if not line.startswith("import time:") or "self [us]" in line:
            continue
        own, cumulative, name = (part.strip() for part in line.removeprefix("import time:").split("|"))
        by_package[name.split(".")[0]] += int(own)
        if name == "app":
            total = int(cumulative)
    return by_package, total


def main() -> None:
    # One warm-up each so that the first figure is not the filesystem cache filling.
    for statement in PROBES.values():
        measure(statement)
    medians = {name: statistics.median(measure(stmt) for _ in range(RUNS)) for name, stmt in PROBES.items()}
    by_package, total = import_time_by_package()
    ratio = medians["import app"] / medians["import boto3"]

    machine.section("Cold start", f"""
    Median of {RUNS} fresh interpreters for each probe, after one warm-up each (the first figure would
    be the file cache filling), with the app's settings in the environment and no AWS reached.
    Target: `import app` ≤ {TARGET_RATIO}× `import boto3`.
    """)
    rows = [[f"`{name}`", f"{seconds * 1000:.1f} ms"] for name, seconds in medians.items()]
    verdict = "met" if ratio <= TARGET_RATIO else "not met"
    rows.append(["**ratio `import app` / `import boto3`**", f"**{ratio:.2f}** (target ≤ {TARGET_RATIO}: {verdict})"])
    machine.table(("probe", "median"), rows, right=(1,))
    machine.paragraphs("""
    boto3 and the token verification (PyJWT, rsa) are imported on first use, not at import: the
    Lambda init phase pays only for Chalice, pydantic, Powertools and our models. The third line
    shows that the first request still pays for boto3; the saving is real only for requests that
    need no AWS client (health of a warm container, rejected input), and for init-phase time that
    API Gateway would otherwise count against the first caller. The fourth line adds what the first
    request needing a key pays before reading it from Secrets Manager (one GetSecretValue per secret,
    then kept for the container's life).
    """)
    machine.paragraphs(f"""
    Where `import app` spends its time, from `-X importtime` in one more fresh interpreter ({total / 1000:.1f} ms
    in all, with the profiler's own overhead): each module's self time, summed by top-level package, the
    {TOP_PACKAGES} biggest.
    """)
    machine.table(("package", "self time", "share"),
                  ([f"`{name}`", f"{micro / 1000:.1f} ms", f"{micro / total:.0%}"]
                   for name, micro in by_package.most_common(TOP_PACKAGES)), right=(1, 2))


if __name__ == "__main__":
    main()
