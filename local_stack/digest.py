"""Send the officials' morning digest against the stack `make run` started (its .local/stack.json).

    python -m local_stack.digest [--state .local/stack.json] [--at 2026-12-07T08:30]

`--at` is a Shanghai time (or any ISO time with an offset); by default now. A day that is not
a working day sends nothing, and a day's digest is sent once: run it again and it finishes
only what a run cut short. The messages land in the officials' inboxes (GET /notifications/mine).
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import datetime
from pathlib import Path

from local_stack.provision import DemoUser, Stack, apply_environment

STATE = Path(__file__).resolve().parent.parent / ".local" / "stack.json"


def moment(text: str | None) -> datetime | None:
    if text is None:
        return None
    from chalicelib.clock import SHANGHAI

    parsed = datetime.fromisoformat(text.replace("Z", "+00:00"))
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=SHANGHAI)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--state", default=str(STATE))
    parser.add_argument("--at", help="Shanghai time to run as, e.g. 2026-12-07T08:30 (default: now)")
    args = parser.parse_args(argv)
    state = Path(args.state)
    if not state.exists():
        print(f"error: {state} not found; start the platform with `make run` first", file=sys.stderr)
        return 2
    try:
        at = moment(args.at)
    except ValueError:
        print(f"error: --at {args.at!r} is not an ISO time, e.g. 2026-12-07T08:30", file=sys.stderr)
        return 2
    saved = json.loads(state.read_text(encoding="utf-8"))
    saved["demo_users"] = [DemoUser(**user) for user in saved.get("demo_users", [])]
    apply_environment(Stack(**saved))
    from chalicelib.review.digest import send_digests

    print(json.dumps(send_digests(at).totals(), ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
