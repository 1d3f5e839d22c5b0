"""What the hourly `publish_live_index` schedule does in AWS, for the local stack: write the
live index's files (live/index/*.json) every minute, so that the pages' live figures move
while one watches (the cache in AWS is five minutes, the schedule hourly)."""

from __future__ import annotations

import threading
import traceback

INTERVAL_SECONDS = 60.0
# The first run waits for the stream poller to count the demo data written at start.
FIRST_RUN_SECONDS = 10.0


def start_live_publisher(stop: threading.Event, interval: float = INTERVAL_SECONDS,
                         first_run: float = FIRST_RUN_SECONDS) -> threading.Thread:
    from chalicelib.live.publish import publish_all

    def run() -> None:
        stop.wait(first_run)
        while not stop.is_set():
            try:
                publish_all()
            except Exception:  # noqa: BLE001 - a failed run is retried at the next tick, as the schedule would
                traceback.print_exc()
            stop.wait(interval)

    thread = threading.Thread(target=run, name="publish_live_index", daemon=True)
    thread.start()
    return thread
