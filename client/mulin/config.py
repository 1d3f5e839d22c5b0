"""Which Mulin stack the client talks to: the API's address and the officials' user pool.

Two files describe a stack: `.local/stack.json`, written by `make run` (local_stack/provision.py's
Stack), and the JSON `cdk deploy --outputs-file out.json` writes for infra/
(`{"StackName": {"OutputKey": value}}`).
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

STACK_VARIABLE = "MULIN_STACK"
DEFAULT_PATH = Path(".local") / "stack.json"
# infra/stack.py's CfnOutput names.
OUTPUTS = {"api_url": "ApiUrl", "user_pool_id": "OfficialsUserPoolId", "client_id": "OfficialsUserPoolClientId"}
LOCAL_FIELDS = {"api_url": "api_url", "user_pool_id": "officials_user_pool_id",
                "client_id": "officials_user_pool_client_id", "region": "region"}


class StackFileError(ValueError):
    """The stack file is missing, unreadable, or lacks what the client needs."""


@dataclass(frozen=True)
class Stack:
    api_url: str
    region: str
    user_pool_id: str
    client_id: str
    cognito_endpoint: str | None = None

    @property
    def key(self) -> str:
        """A stable short name for this stack's token cache file."""
        return hashlib.sha256(f"{self.api_url}|{self.user_pool_id}".encode()).hexdigest()[:16]


def load_stack(path: str | os.PathLike[str] | None = None) -> Stack:
    """`path`, else $MULIN_STACK, else ./.local/stack.json."""
    chosen = Path(path if path is not None else os.environ.get(STACK_VARIABLE) or DEFAULT_PATH)
    try:
        data = json.loads(chosen.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise StackFileError(f"{chosen}: no such stack file (run `make run`, or pass the file "
                             "`cdk deploy --outputs-file` wrote)") from None
    except (OSError, ValueError) as error:
        raise StackFileError(f"{chosen}: not a readable JSON stack file ({error})") from None
    if not isinstance(data, dict):
        raise StackFileError(f"{chosen}: not a stack file (expected a JSON object)")
    if "officials_user_pool_id" in data or "aws_endpoint_url" in data:
        return _local(chosen, data)
    return _outputs(chosen, data)


def _local(path: Path, data: dict[str, Any]) -> Stack:
    values = {name: _required(path, data, field) for name, field in LOCAL_FIELDS.items()}
    return Stack(api_url=values["api_url"].rstrip("/"), region=values["region"], user_pool_id=values["user_pool_id"],
                 client_id=values["client_id"], cognito_endpoint=data.get("aws_endpoint_url") or None)


def _outputs(path: Path, data: dict[str, Any]) -> Stack:
    stacks = {name: outputs for name, outputs in data.items()
              if isinstance(outputs, dict) and any(key in outputs for key in OUTPUTS.values())}
    if not stacks:
        raise StackFileError(f"{path}: neither `.local/stack.json` nor a CDK outputs file with "
                             f"{', '.join(OUTPUTS.values())}")
    if len(stacks) > 1:
        raise StackFileError(f"{path}: outputs of several stacks ({', '.join(sorted(stacks))}): "
                             "keep only the one to use")
    name, outputs = next(iter(stacks.items()))
    values = {field: _required(path, outputs, key, stack=name) for field, key in OUTPUTS.items()}
    # A pool id starts with its region ("ap-east-1_AbC…"); the outputs name no region.
    region = values["user_pool_id"].split("_", 1)[0]
    if "_" not in values["user_pool_id"] or not region:
        raise StackFileError(f"{path}: {name}.OfficialsUserPoolId {values['user_pool_id']!r} is not a Cognito pool id")
    return Stack(api_url=values["api_url"].rstrip("/"), region=region, user_pool_id=values["user_pool_id"],
                 client_id=values["client_id"])


def _required(path: Path, data: dict[str, Any], field: str, *, stack: str | None = None) -> str:
    value = data.get(field)
    if not isinstance(value, str) or not value:
        where = f"{stack}.{field}" if stack else field
        raise StackFileError(f"{path}: the field {where!r} is missing or empty")
    return value
