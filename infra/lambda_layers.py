"""Lambda layers built at synthesis from a pinned requirement file in infra/layers/.

A dependency only one function needs (numpy, for the counter) would cost every function's
cold start if it were in requirements.txt, which Chalice packages into the one bundle they
share; a layer attached to that function alone keeps the API's bundle as it is. Wheels are
fetched for the Lambda runtime, not for this machine, and the zip is kept under .local/
keyed by what went into it, so repeated synths (the test tier synthesizes several stacks)
download nothing and give the same asset hash.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from infra.packaging import LAMBDA_PYTHON, strip_stray_bytecode, write_zip

ROOT = Path(__file__).resolve().parent.parent
REQUIREMENTS = Path(__file__).resolve().parent / "layers"
CACHE = ROOT / ".local" / "layers"
# The python3.11 runtime runs on Amazon Linux 2 (glibc 2.26): manylinux2014 wheels load there.
PIP_TARGET = ("--platform", "manylinux2014_x86_64", "--only-binary=:all:",
              "--python-version", ".".join(map(str, LAMBDA_PYTHON)), "--implementation", "cp")
# Where Lambda mounts a layer's python/; the bytecode's paths name it, not a scratch folder,
# so the zip is the same wherever it is built and tracebacks point at real files.
MOUNT = "/opt/python"


def requirement_file(function: str) -> Path:
    return REQUIREMENTS / f"{function}.txt"


def cache_key(requirements: Path) -> str:
    # How the layer is built is part of it too: a change here must not reuse an older zip.
    recipe = (requirements.read_bytes() + Path(__file__).read_bytes() + " ".join(PIP_TARGET).encode()
              + sys.version.split()[0].encode())
    return hashlib.sha256(recipe).hexdigest()[:16]


def strip_unused(root: Path) -> None:
    """Test suites and type stubs are never imported at run time."""
    for tests in sorted((p for p in root.rglob("tests") if p.is_dir()), reverse=True):
        shutil.rmtree(tests, ignore_errors=True)
    for stub in root.rglob("*.pyi"):
        stub.unlink()


def precompile(site: Path) -> None:
    """Unchecked-hash bytecode, as in the API's bundle, when this Python is the runtime's.

    In a fresh interpreter with a fixed hash seed: constants such as frozensets are marshalled
    in hash order, and a random seed gives other bytes, so another asset, on each build."""
    if sys.version_info[:2] != LAMBDA_PYTHON:
        return
    subprocess.run([sys.executable, "-m", "compileall", "-q", "-d", MOUNT, "--invalidation-mode", "unchecked-hash",
                    str(site)], check=True, timeout=600, env={**os.environ, "PYTHONHASHSEED": "0"})


def build(function: str, *, cache: Path = CACHE) -> Path:
    """The zip of `function`'s layer (python/… inside), built once per requirement file."""
    requirements = requirement_file(function)
    destination = cache / f"{function}-{cache_key(requirements)}.zip"
    if destination.exists():
        return destination
    cache.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=cache) as scratch:
        root = Path(scratch) / "layer"
        site = root / "python"
        subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-compile",
                        "--target", str(site), *PIP_TARGET, "--requirement", str(requirements)],
                       check=True, timeout=600)
        for metadata in site.glob("*.dist-info"):
            # RECORD lists the files as pip wrote them, stripped ones included; nothing in a layer reads it.
            (metadata / "RECORD").unlink(missing_ok=True)
        # Console scripts whose first line names this machine's Python; a layer runs none.
        shutil.rmtree(site / "bin", ignore_errors=True)
        strip_unused(site)
        strip_stray_bytecode(site)
        precompile(site)
        built = Path(scratch) / "layer.zip"
        write_zip(root, built)
        # Another synth may be building the same layer: whichever finishes first wins, atomically.
        os.replace(built, destination)
    for stale in cache.glob(f"{function}-*.zip"):
        if stale != destination:
            stale.unlink(missing_ok=True)
    return destination
