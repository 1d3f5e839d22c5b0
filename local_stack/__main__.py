"""`make run`: the whole platform on http://127.0.0.1:8000 with demo data.

Starts the embedded AWS, creates the resources, loads the Shanghai divisions and the demo
accounts, writes .local/stack.json, then serves the Chalice app until Ctrl-C, which stops
everything this started.
"""

from __future__ import annotations

import argparse
import json
import signal
import sys
import threading
import time
from pathlib import Path

from local_stack.moto_server import start_moto_server
from local_stack.provision import apply_environment, provision

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--aws-port", type=int, default=0, help="port of the embedded AWS (default: any free one)")
    parser.add_argument("--state", default=str(ROOT / ".local" / "stack.json"))
    args = parser.parse_args(argv)

    started = time.monotonic()
    # Beside the state file: what the embedded Cognito "sends" by SMS (codes, temporary passwords).
    sms_outbox = Path(args.state).resolve().with_name("sms-outbox.jsonl")
    moto = start_moto_server(args.aws_port or None, sms_outbox=sms_outbox)
    # SIGTERM (from a supervisor or a test) stops us as cleanly as Ctrl-C.
    signal.signal(signal.SIGTERM, lambda *_: (_ for _ in ()).throw(KeyboardInterrupt()))
    try:
        stack = provision(moto.url)
        stack.api_url = f"http://127.0.0.1:{args.port}"
        apply_environment(stack)

        from local_stack.demo import add_demo_funds, add_demo_suggestions, add_demo_users, load_divisions
        from local_stack.demo_history import add_last_months_history, add_overdue_case
        from local_stack.demo_rounds import add_demo_rounds
        from local_stack.server import make_server, site_config

        divisions = load_divisions()
        users = add_demo_users(stack)
        suggestions = add_demo_suggestions(users)
        fund_applications = add_demo_funds(users)
        rounds = add_demo_rounds(users)
        from local_stack.demo_meetings import add_demo_meeting

        add_demo_meeting(users)
        from local_stack.demo_topics import add_demo_topics

        add_demo_topics(users)
        history_month = add_last_months_history(users)
        add_overdue_case(users)
        suggestions += 1
        state = Path(args.state)
        state.parent.mkdir(parents=True, exist_ok=True)
        state.write_text(json.dumps(stack.to_json(), ensure_ascii=False, indent=2), encoding="utf-8")

        server = make_server(args.port, config_for_pages=site_config(stack), sms_outbox=stack.sms_outbox)
        from app import count_round, publish_requested_month
        from local_stack.queue_worker import start_queue_worker

        start_queue_worker(stack.publications_queue_url, publish_requested_month, threading.Event())
        start_queue_worker(stack.tallies_queue_url, count_round, threading.Event(), name="count_round", memory_mb=3008)
        from app import send_texts
        from local_stack.texts import start_deferred_texts

        # Residents' texts (to the SMS outbox, /local/sms), and each minute the ones the quiet hours held back.
        start_queue_worker(stack.texts_queue_url, send_texts, threading.Event(), name="send_texts", memory_mb=512)
        start_deferred_texts(threading.Event())
        from app import count_live
        from local_stack.stream_poller import start_stream_poller

        # The live counters, from the stream's start: the demo data written above counts too.
        start_stream_poller(stack.table_name, count_live, threading.Event())
        from local_stack.live_index import start_live_publisher

        # The live index's files, every minute instead of hourly.
        start_live_publisher(threading.Event())
        publish_on_start(users, history_month)
        digest = digest_on_start()
        print(f"Mulin is up in {time.monotonic() - started:.1f} s ({divisions} divisions, {suggestions} demo suggestions, "
              f"{fund_applications} demo fund applications, {rounds} demo voting rounds)")
        print(f"  pages        {stack.api_url}/  (residents' site; 中文, English)")
        print(f"  API          {stack.api_url}  (health: {stack.api_url}/health, contract: {stack.api_url}/openapi.json)")
        print(f"  embedded AWS {moto.url}  (region {stack.region})")
        print(f"  stack        {state}")
        print(f"  SMS codes    {stack.api_url}/local/sms?phone=+8613912345678  (sign-up and reset codes, "
              f"temporary passwords; newest first; also in {stack.sms_outbox})")
        print("  demo accounts (sign in with the phone number):")
        # Every account made, including the newcomer whose residence request waits in the queue.
        for user in stack.demo_users:
            print(f"    {user.role:<16} {user.username}  {user.password}  {user.division or ''}")
        print(f"  digest       {digest.sent} officials' morning digest of {digest.day} in their inboxes "
              "(GET /notifications/mine); again: python -m local_stack.digest [--at 2026-12-07T08:30]")
        print(f"  summaries    {moto.url}/{stack.public_bucket}/summaries/{history_month}/index.html"
              " (last month's demo history, published from the queue within a minute of start)")
        print(f"  live index   {moto.url}/{stack.public_bucket}/live/index/city.json (rewritten every minute;"
              " GET /index/{division} computes it when asked)")
        print("Ctrl-C stops everything.", flush=True)
        server.serve_forever()
    except KeyboardInterrupt:
        print("\nstopping", file=sys.stderr)
    finally:
        moto.stop()
    return 0


def publish_on_start(users, month: str) -> None:
    """Ask for last month as the platform admin would; the queue worker publishes it."""
    from chalicelib.auth import Principal, Role
    from chalicelib.publishing import jobs

    admin = next(user for user in users if user.role == "platform_admin")
    jobs.request(Principal(user_id=admin.user_id, role=Role.platform_admin, jurisdiction=admin.division), month)


def digest_on_start():
    """The officials' morning digest once, as of the last working day's 08:30 (today's if it is
    one): the demo street official has new cases, so their inbox has a digest. No timer runs it again."""
    from chalicelib import clock
    from chalicelib.review.digest import send_digests
    from chalicelib.review.digest_rules import latest_send_moment
    from chalicelib.workdays.service import load_calendar

    return send_digests(latest_send_moment(clock.utc_now(), load_calendar()))


if __name__ == "__main__":
    sys.exit(main())
