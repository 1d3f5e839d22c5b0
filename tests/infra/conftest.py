"""Synthesize the CDK app once per stage and region, offline, with cdk-nag's AwsSolutions pack."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

import pytest

CHINA_CONTEXT = {"oidc_issuer": "https://id.example.cn", "oidc_jwks_url": "https://id.example.cn/.well-known/jwks.json",
                 "oidc_client_id": "mulin-web"}


@dataclass
class Synthesized:
    template: dict
    template_path: Path
    nag_report: dict | None
    stack: object


def synthesize(outdir: Path, stage: str, region: str, **context) -> Synthesized:
    os.environ.setdefault("JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION", "1")
    import aws_cdk as cdk
    from cdk_nag import AwsSolutionsChecks

    from infra.app import build

    # Packaging imports the app with the stage's environment put into os.environ, where the
    # functions' variables (CloudFormation tokens, secret ids among them) would stay for the
    # suites that run afterwards: the environment is put back as it was.
    previous = dict(os.environ)
    os.environ["CDK_DEFAULT_REGION"] = region
    try:
        app = cdk.App(outdir=str(outdir), context={"stage": stage, **context})
        stack = build(app)
        cdk.Validations.of(app).add_plugins(AwsSolutionsChecks(app))
        try:
            assembly = app.synth()
        except Exception as failure:  # noqa: BLE001 - a failed validation raises; the report says why
            report = outdir / "validation-report.json"
            if not report.exists():
                raise
            raise AssertionError("cdk-nag: " + report.read_text()) from failure
    finally:
        os.environ.clear()
        os.environ.update(previous)
    path = Path(assembly.get_stack_by_name(stack.stack_name).template_full_path)
    report = outdir / "validation-report.json"
    return Synthesized(json.loads(path.read_text()), path, json.loads(report.read_text()) if report.exists() else None, stack)


@pytest.fixture(scope="session")
def prod(tmp_path_factory):
    return synthesize(tmp_path_factory.mktemp("cdk-prod"), "prod", "ap-east-1")


@pytest.fixture(scope="session")
def china(tmp_path_factory):
    return synthesize(tmp_path_factory.mktemp("cdk-cn"), "prod", "cn-north-1", **CHINA_CONTEXT)


@pytest.fixture(scope="session")
def template(prod):
    return prod.template


def resources(template, kind):
    return {name: r for name, r in template["Resources"].items() if r["Type"] == kind}
