"""The CDK app: `cdk synth -c stage=dev|prod` from this folder (see infra/README.md)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import aws_cdk as cdk

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from infra.stack import MulinStack  # noqa: E402


def build(app: cdk.App) -> MulinStack:
    stage = app.node.try_get_context("stage") or "dev"
    if stage not in ("dev", "prod"):
        raise ValueError(f"unknown stage {stage!r}: use dev or prod (.chalice/config.json)")
    # Server access logs are granted by bucket policy, not by the legacy LogDeliveryWrite ACL.
    app.node.set_context("@aws-cdk/aws-s3:serverAccessLogsUseBucketPolicy", True)
    env = cdk.Environment(account=os.environ.get("CDK_DEFAULT_ACCOUNT"), region=os.environ.get("CDK_DEFAULT_REGION"))
    return MulinStack(app, stage, stack_name=f"mulin-{stage}", stage=stage, env=env)


if __name__ == "__main__":
    cdk_app = cdk.App()
    build(cdk_app)
    cdk_app.synth()
