"""The Lambda bundle, with bytecode compiled ahead of time.

Lambda's file system is read-only, so a bundle without `.pyc` files compiles every module
on every cold start; here that doubles `import app` (BENCHMARKS.md, deployment package).
`chalice package` ships sources only (and whatever stray `__pycache__` the working tree
has), so the bundle is rewritten: stray bytecode out, fresh bytecode in, written next to
each source as unchecked-hash `.pyc`, which the runtime trusts without comparing the
source's timestamp (a zip does not keep timestamps exactly).
"""

from __future__ import annotations

import compileall
import os
import py_compile
import shutil
import sys
import tempfile
import zipfile
from pathlib import Path

from chalice.cdk import Chalice

# The Lambda runtime the bundle is built for; bytecode is only valid for its own version.
LAMBDA_PYTHON = (3, 11)
# A fixed timestamp keeps the zip, and so the CDK asset hash, identical between builds.
ZIP_TIME = (2020, 1, 1, 0, 0, 0)


def strip_stray_bytecode(root: Path) -> None:
    for cache in [p for p in root.rglob("__pycache__") if p.is_dir()]:
        shutil.rmtree(cache)
    for stray in root.rglob("*.pyc"):
        stray.unlink()


def precompile(root: Path) -> bool:
    """Compile every module under `root` in place; False if this Python cannot do it for Lambda."""
    if sys.version_info[:2] != LAMBDA_PYTHON:
        return False
    return compileall.compile_dir(str(root), quiet=2, workers=0,
                                  invalidation_mode=py_compile.PycInvalidationMode.UNCHECKED_HASH)


def write_zip(root: Path, destination: Path) -> None:
    with zipfile.ZipFile(destination, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as bundle:
        for path in sorted(p for p in root.rglob("*") if p.is_file()):
            info = zipfile.ZipInfo(path.relative_to(root).as_posix(), date_time=ZIP_TIME)
            # Lambda needs read permission for everyone; shared libraries need execute.
            info.external_attr = (0o755 if os.access(path, os.X_OK) else 0o644) << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            bundle.writestr(info, path.read_bytes(), compresslevel=9)


def rebuild_bundle(bundle: Path, *, with_bytecode: bool = True) -> bool:
    """Rewrite `bundle` in place; returns whether it now carries bytecode."""
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch) / "bundle"
        with zipfile.ZipFile(bundle) as source:
            source.extractall(root)
        strip_stray_bytecode(root)
        compiled = with_bytecode and precompile(root)
        rebuilt = Path(scratch) / "bundle.zip"
        write_zip(root, rebuilt)
        shutil.move(rebuilt, bundle)
    return compiled


class PrecompiledChalice(Chalice):
    """The Chalice construct, whose bundle carries bytecode for the Lambda runtime."""

    def _package_app(self) -> None:
        super()._package_app()
        self.bundle_has_bytecode = rebuild_bundle(Path(self._sam_package_dir) / "deployment.zip")
