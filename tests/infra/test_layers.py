"""numpy reaches the counter alone, as a layer; the API's bundle stays without it."""

from __future__ import annotations

import re
import subprocess
import zipfile
from pathlib import Path

import pytest

from tests.infra.conftest import resources

ROOT = Path(__file__).resolve().parents[2]
LAYER_LIMIT_BYTES = 25_000_000


def pins(path: Path) -> dict[str, str]:
    found = (re.match(r"([A-Za-z0-9_.-]+)==(\S+)", line) for line in path.read_text(encoding="utf-8").splitlines())
    return {m[1].lower(): m[2] for m in found if m}


def asset(synthesized, key: str) -> Path:
    return synthesized.template_path.parent / f"asset.{key}"


def test_the_layer_pins_the_numpy_the_tests_run_with():
    from infra.lambda_layers import requirement_file

    layer = pins(requirement_file("count_round"))
    assert set(layer) == {"numpy"}
    assert layer["numpy"] == pins(ROOT / "requirements-dev.txt")["numpy"]
    assert "numpy" not in pins(ROOT / "requirements.txt")


@pytest.mark.parametrize("which", ["prod", "china"])
def test_only_the_counter_has_a_layer_and_it_is_the_stacks_own(which, request):
    template = request.getfixturevalue(which).template
    functions = resources(template, "AWS::Serverless::Function")
    layered = {name: f["Properties"]["Layers"] for name, f in functions.items() if "Layers" in f["Properties"]}
    assert list(layered) == ["CountRound"]
    (reference,) = layered["CountRound"]
    layer = template["Resources"][reference["Ref"]]
    assert layer["Type"] == "AWS::Lambda::LayerVersion"
    assert layer["Properties"]["CompatibleRuntimes"] == [functions["CountRound"]["Properties"]["Runtime"]]


def test_the_layer_holds_numpy_under_python_without_tests_or_stubs_and_is_small(prod):
    # CDK's own page deployment brings the other LayerVersion (the AWS CLI), on its own function.
    (reference,) = prod.template["Resources"]["CountRound"]["Properties"]["Layers"]
    layer = prod.template["Resources"][reference["Ref"]]
    path = asset(prod, layer["Properties"]["Content"]["S3Key"])
    assert path.stat().st_size < LAYER_LIMIT_BYTES
    with zipfile.ZipFile(path) as archive:
        names = archive.namelist()
    assert "python/numpy/__init__.py" in names
    assert any(re.match(r"python/numpy/_core/_multiarray_umath\.cpython-311-x86_64-linux-gnu\.so$", n) for n in names)
    assert not [n for n in names if "/tests/" in n or n.endswith(".pyi")]
    assert all(n.startswith("python/") for n in names)


def test_the_api_bundle_still_holds_no_numpy(prod):
    key = prod.template["Resources"]["APIHandler"]["Properties"]["CodeUri"]["Key"]
    with zipfile.ZipFile(asset(prod, key)) as archive:
        assert not [n for n in archive.namelist() if n.startswith(("numpy/", "numpy.libs/"))]


def test_a_built_layer_is_reused_without_running_pip_again(tmp_path, monkeypatch):
    from infra import lambda_layers

    first = lambda_layers.build("count_round")
    copy = tmp_path / first.name
    copy.write_bytes(first.read_bytes())

    def no_download(*args, **kwargs):
        raise AssertionError("pip ran again for a layer already built")

    monkeypatch.setattr(subprocess, "run", no_download)
    assert lambda_layers.build("count_round") == first
    assert lambda_layers.build("count_round", cache=tmp_path) == copy


def test_a_changed_requirement_file_is_a_new_layer(tmp_path):
    from infra.lambda_layers import cache_key

    pinned = tmp_path / "a.txt"
    pinned.write_text("numpy==2.2.6\n")
    before = cache_key(pinned)
    pinned.write_text("numpy==2.2.5\n")
    assert cache_key(pinned) != before
