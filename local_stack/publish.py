"""Publish months against the stack `make run` started (its .local/stack.json).

    python -m local_stack.publish 2026-10 [--to 2026-11]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from local_stack.provision import DemoUser, Stack, apply_environment

STATE = Path(__file__).resolve().parent.parent / ".local" / "stack.json"


def main(argv: list[str] | None = None) -> int:
    if not STATE.exists():
        print(f"error: {STATE} not found; start the platform with `make run` first", file=sys.stderr)
        return 2
    saved = json.loads(STATE.read_text(encoding="utf-8"))
    saved["demo_users"] = [DemoUser(**user) for user in saved.get("demo_users", [])]
    apply_environment(Stack(**saved))
    from chalicelib.publishing.__main__ import main as publish

    return publish(argv)


if __name__ == "__main__":
    sys.exit(main())
