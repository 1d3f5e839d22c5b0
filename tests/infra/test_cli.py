"""The deploy path users take: the pinned CDK CLI from npm synthesizes the app offline."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from tests.local_stack_process import ROOT

CDK = ROOT / "node_modules" / ".bin" / "cdk"


def test_the_pinned_cdk_cli_synthesizes_the_dev_stage_without_credentials(tmp_path):
    version = subprocess.run([str(CDK), "--version"], capture_output=True, text=True, timeout=120)
    assert version.stdout.startswith(json.loads((ROOT / "package.json").read_text())["devDependencies"]["aws-cdk"])
    env = {k: v for k, v in os.environ.items() if not k.startswith(("AWS_", "MULIN_"))}
    env.update(AWS_DEFAULT_REGION="ap-east-1", CDK_DISABLE_CLI_TELEMETRY="true", AWS_EC2_METADATA_DISABLED="true",
               JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION="1")
    result = subprocess.run(
        [str(CDK), "synth", "-c", "stage=dev", "--app", f"{sys.executable} app.py", "-o", str(tmp_path),
         "--no-notices", "--quiet"],
        cwd=ROOT / "infra", env=env, capture_output=True, text=True, timeout=600,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    template = json.loads((tmp_path / "dev.template.json").read_text())
    assert template["Resources"]["APIHandler"]["Properties"]["Environment"]["Variables"]["MULIN_STAGE"] == "dev"
    output = result.stdout + result.stderr
    assert "(Construct Annotations)" not in output and "is deprecated" not in output, output[-3000:]
