"""The Lambda bundle stays clean: no dev tooling inside, nothing AWS at import time."""

import ast
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FORBIDDEN = {"moto", "pytest", "playwright", "hypothesis", "schemathesis", "local_stack", "tests"}


def test_chalicelib_imports_no_dev_tooling():
    offenders = []
    for path in (ROOT / "chalicelib").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names = [node.module]
            offenders += [f"{path.relative_to(ROOT)}: {n}" for n in names if n.split(".")[0] in FORBIDDEN]
    assert offenders == []


def test_importing_the_app_touches_no_aws_and_reads_no_settings():
    # A bare environment: no table names, no region, no credentials. If anything read the
    # settings or built a client at import, this would fail; boto3 must not even load.
    probe = (
        "import sys, socket\n"
        "def refuse(*a, **k): raise SystemExit('network used at import')\n"
        "socket.socket.connect = refuse\n"
        "import app\n"
        "assert 'boto3' not in sys.modules and 'botocore.client' not in sys.modules, 'AWS SDK loaded'\n"
        "assert app.app.routes\n"
    )
    env = {"PATH": os.environ.get("PATH", ""), "PYTHONPATH": str(ROOT)}
    result = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_importing_the_app_leaves_what_only_some_requests_need_for_later():
    # Each of these cost the cold start of every API container (BENCHMARKS.md, cold start):
    # Jinja2 only renders the monthly pages; python-ulid pulls in importlib.metadata.
    deferred = ("jinja2", "ulid", "importlib.metadata", "jwt", "rsa")
    probe = f"import sys, app\nprint([m for m in {deferred!r} if m in sys.modules])"
    env = {"PATH": os.environ.get("PATH", ""), "PYTHONPATH": str(ROOT)}
    result = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
