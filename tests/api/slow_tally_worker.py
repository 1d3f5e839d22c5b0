"""A tallies-queue worker in a process of its own, for tests/api/test_tally_job.py: the local
stack's worker loop around the app's count_round, with every count slowed down by
MULIN_TEST_COUNT_SECONDS (read here only, never by the app), so that a count outlasts the
API's timeout and the test can kill the process in the middle of it.

Prints one JSON line when it takes a message up (with its receipt handle, which the test
hands back to the queue as the visibility timeout would) and one when the count starts.
"""

from __future__ import annotations

import json
import os
import threading
import time
from typing import Any


def slowed(count: Any) -> Any:
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        print(json.dumps({"counting": True}), flush=True)
        time.sleep(float(os.environ["MULIN_TEST_COUNT_SECONDS"]))
        return count(*args, **kwargs)

    return wrapper


def main() -> None:
    from app import count_round
    from chalicelib.voting import tally
    from local_stack.queue_worker import run_queue_worker

    tally.greedy = slowed(tally.greedy)  # type: ignore[method-assign]
    tally.mes = slowed(tally.mes)  # type: ignore[method-assign]

    def handler(event: dict[str, Any], context: Any) -> Any:
        print(json.dumps({"receipt": event["Records"][0]["receiptHandle"]}), flush=True)
        result = count_round(event, context)
        print(json.dumps({"result": result}), flush=True)
        return result

    run_queue_worker(os.environ["MULIN_TALLIES_QUEUE_URL"], handler, threading.Event(), "count_round")


if __name__ == "__main__":
    main()
