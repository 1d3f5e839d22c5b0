"""Deployment package: the Lambda bundle's size, and `import app` from it with and without bytecode.

Packages a copy of the project (app.py, chalicelib/, requirements.txt, .chalice/config.json,
no `__pycache__`) with `chalice package` for stage prod, which downloads the Lambda wheels
from PyPI, then rewrites the bundle with infra/packaging.py without and with bytecode. Prints
the three zip sizes (MB = 10^6 bytes), the biggest top-level entries of the bundle with
bytecode, and `import app` from each unpacked bundle: median of N fresh interpreters after one
warm-up, PYTHONDONTWRITEBYTECODE=1, the bundle first on PYTHONPATH and boto3 from the venv, as
the Lambda runtime provides it; `import boto3` alone for reference. Target: the zip with
bytecode ≤ 10 MB.
`--requirements FILE` packages with another requirements file instead (what a dependency
would cost). Prints its BENCHMARKS.md section.
Run: .venv/bin/python bench/deployment_package.py [--runs 5] [--requirements FILE]
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import zipfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import machine  # noqa: E402
from bench.cold_start import APP_ENV  # noqa: E402
from infra.packaging import rebuild_bundle  # noqa: E402

TARGET_BYTES = 10_000_000
STAGE = "prod"
PROJECT_FILES = ("app.py", "requirements.txt", ".chalice/config.json")
# Printed once per bundle: third-party modules `import app` took from the venv rather than
# the bundle; the Lambda runtime has boto3 and botocore, and nothing else of the venv.
OUTSIDE_PROBE = """
import sys, os
import app
bundle = os.path.realpath(sys.argv[1])
stdlib = os.path.realpath(os.path.join(sys.base_prefix, "lib"))
outside = sorted({
    name.split(".")[0] for name, module in list(sys.modules.items())
    if getattr(module, "__file__", None) and name.split(".")[0] not in sys.stdlib_module_names
    and name != "_distutils_hack"  # setuptools' hook in the venv's site-packages
    and not os.path.realpath(module.__file__).startswith((bundle + os.sep, stdlib + os.sep))
})
print(" ".join(outside) or "none")
"""


def mb(size: int) -> str:
    return f"{size / 1_000_000:.2f} MB"


def project_copy(destination: Path, requirements: Path) -> Path:
    project = destination / "project"
    for name in PROJECT_FILES:
        (project / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(requirements if name == "requirements.txt" else ROOT / name, project / name)
    shutil.copytree(ROOT / "chalicelib", project / "chalicelib",
                    ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    return project


def chalice_package(project: Path, output: Path) -> Path:
    from chalice.api import package_app

    os.environ.setdefault("AWS_DEFAULT_REGION", APP_ENV["AWS_DEFAULT_REGION"])
    # Chalice reports its progress on stdout, which is this bench's section.
    with contextlib.redirect_stdout(sys.stderr):
        package_app(project_dir=str(project), output_dir=str(output), stage=STAGE)
    return output / "deployment.zip"


def top_level_entries(bundle: Path, count: int) -> list[tuple[str, int, int, int]]:
    """(entry, zipped bytes, unzipped bytes, files), the biggest zipped first."""
    zipped: dict[str, int] = defaultdict(int)
    unzipped: dict[str, int] = defaultdict(int)
    files: dict[str, int] = defaultdict(int)
    with zipfile.ZipFile(bundle) as archive:
        for info in archive.infolist():
            if info.is_dir():
                continue
            top = info.filename.split("/", 1)[0]
            if top.endswith(".dist-info"):
                top = "*.dist-info (all)"
            zipped[top] += info.compress_size
            unzipped[top] += info.file_size
            files[top] += 1
    rows = sorted(zipped, key=zipped.__getitem__, reverse=True)[:count]
    return [(top, zipped[top], unzipped[top], files[top]) for top in rows]


def probe_env(bundle_dir: Path | None) -> dict[str, str]:
    return {
        "PATH": os.environ.get("PATH", ""),
        "PYTHONDONTWRITEBYTECODE": "1",
        **({"PYTHONPATH": str(bundle_dir)} if bundle_dir else {}),
        **APP_ENV,
    }


def measure(statement: str, bundle_dir: Path | None, cwd: Path) -> float:
    code = (
        "import time\n"
        "start = time.perf_counter()\n"
        f"{statement}\n"
        "print(time.perf_counter() - start)\n"
    )
    output = subprocess.run([sys.executable, "-c", code], cwd=cwd, env=probe_env(bundle_dir), check=True,
                            capture_output=True, text=True).stdout
    return float(output.strip().splitlines()[-1])


def median_of(statement: str, bundle_dir: Path | None, cwd: Path, runs: int) -> float:
    measure(statement, bundle_dir, cwd)  # warm-up: the first figure would be the file cache filling
    return statistics.median(measure(statement, bundle_dir, cwd) for _ in range(runs))


def unpack(bundle: Path, destination: Path) -> Path:
    with zipfile.ZipFile(bundle) as archive:
        archive.extractall(destination)
    return destination


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--top", type=int, default=12)
    parser.add_argument("--requirements", type=Path, default=ROOT / "requirements.txt")
    args = parser.parse_args()

    import chalice

    with tempfile.TemporaryDirectory(prefix="mulin-package-") as scratch_name:
        scratch = Path(scratch_name)
        machine.progress("chalice package (downloads the Lambda wheels)")
        built = chalice_package(project_copy(scratch, args.requirements.resolve()), scratch / "out")
        sources_only = scratch / "sources-only.zip"
        with_bytecode = scratch / "with-bytecode.zip"
        shutil.copy(built, sources_only)
        shutil.copy(built, with_bytecode)
        rebuild_bundle(sources_only, with_bytecode=False)
        compiled = rebuild_bundle(with_bytecode, with_bytecode=True)
        top = top_level_entries(with_bytecode, args.top)

        dirs = {
            "without bytecode": unpack(sources_only, scratch / "unpacked-sources"),
            "with bytecode": unpack(with_bytecode, scratch / "unpacked-bytecode"),
        }
        outside = {}
        for name, bundle_dir in dirs.items():
            outside[name] = subprocess.run([sys.executable, "-c", OUTSIDE_PROBE, str(bundle_dir)], cwd=scratch,
                                           env=probe_env(bundle_dir), check=True, capture_output=True,
                                           text=True).stdout.strip()
        machine.progress(f"import app from each unpacked bundle, {args.runs} runs each")
        medians = {"`import boto3` (venv, for reference)": median_of("import boto3", None, scratch, args.runs)}
        for name, bundle_dir in dirs.items():
            medians[f"`import app`, bundle {name}"] = median_of("import app", bundle_dir, scratch, args.runs)
        sizes = {path: path.stat().st_size for path in (built, sources_only, with_bytecode)}

    requirements = ("" if args.requirements.resolve() == (ROOT / "requirements.txt").resolve()
                    else f" Requirements from `{args.requirements}` instead of requirements.txt.")
    machine.section("Deployment package", f"""
    `chalice package` (chalice {chalice.__version__}) for stage {STAGE} from a copy of the project without
    `__pycache__`, then `infra.packaging.rebuild_bundle` without and with bytecode; MB = 10^6 bytes.
    Target: the zip with bytecode ≤ {mb(TARGET_BYTES)}.{requirements}
    """)
    verdict = "met" if sizes[with_bytecode] <= TARGET_BYTES and compiled else "not met"
    machine.table(("bundle", "zip size"), [
        ["as `chalice package` builds it", f"{mb(sizes[built])} ({sizes[built]:,} bytes)"],
        ["rebuilt, sources only (`with_bytecode=False`)", f"{mb(sizes[sources_only])} ({sizes[sources_only]:,} bytes)"],
        ["**rebuilt with bytecode (`with_bytecode=True`)**" + ("" if compiled else ", compilation FAILED"),
         f"**{mb(sizes[with_bytecode])}** ({sizes[with_bytecode]:,} bytes; target ≤ {mb(TARGET_BYTES)}: {verdict})"],
    ], right=(1,))
    machine.paragraphs("Biggest top-level entries of the bundle with bytecode:")
    machine.table(("entry", "zipped", "unzipped", "files"),
                  ([entry, mb(zipped), mb(unzipped), f"{files:,}"] for entry, zipped, unzipped, files in top),
                  right=(1, 2, 3))
    machine.paragraphs(f"""
    `import app` from the unpacked bundle, median of {args.runs} fresh interpreters after one warm-up
    (`PYTHONDONTWRITEBYTECODE=1`, the bundle first on `PYTHONPATH`, boto3 from the venv as the
    Lambda runtime provides it). Third-party modules `import app` took from outside the bundle:
    {outside['without bytecode']} (without bytecode), {outside['with bytecode']} (with bytecode); the
    Lambda runtime has boto3 and botocore and nothing else of the venv.
    """)
    ratio = medians["`import app`, bundle without bytecode"] / medians["`import app`, bundle with bytecode"]
    machine.table(("probe", "median"), [*([name, f"{seconds * 1000:.1f} ms"] for name, seconds in medians.items()),
                                        ["ratio without / with bytecode", f"{ratio:.2f}"]], right=(1,))
    machine.paragraphs("""
    RS256 signatures are checked with the pure-Python `rsa` (`chalicelib/tokens.py`), which brings
    `pyasn1` with it; PyJWT still checks every claim. `cryptography`, which `PyJWT[crypto]` would
    bring, is not in the bundle; `--requirements FILE` prices such a dependency.
    """)


if __name__ == "__main__":
    main()
