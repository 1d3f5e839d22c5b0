"""What the daily 08:00 `send_deferred_texts` schedule does in AWS, for the local stack: look for
texts the quiet hours held back every minute. Before 08:00 Shanghai nothing is due, so nothing
goes; the run at or after 08:00 sends the night's texts to the SMS outbox."""

from __future__ import annotations

import threading
import traceback

INTERVAL_SECONDS = 60.0


def start_deferred_texts(stop: threading.Event, interval: float = INTERVAL_SECONDS) -> threading.Thread:
    from chalicelib import clock
    from chalicelib.texts.rules import quiet_until
    from chalicelib.texts.service import send_deferred

    def run() -> None:
        while not stop.wait(interval):
            now = clock.utc_now()
            if quiet_until(now) is not None:
                continue  # held back until 08:00, as the schedule would
            try:
                send_deferred(now)
            except Exception:  # noqa: BLE001 - retried at the next tick
                traceback.print_exc()

    thread = threading.Thread(target=run, name="send_deferred_texts", daemon=True)
    thread.start()
    return thread
