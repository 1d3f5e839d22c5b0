"""`python -m local_stack` as a subprocess on free loopback ports, for tests that need the
whole platform: the make-run test and the browser tests."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

from local_stack.moto_server import free_port

ROOT = Path(__file__).resolve().parents[1]
# About 15 s on an idle machine; a loaded shared one has needed more than 60.
READY_WITHIN_SECONDS = 180


def http_get(url, token=None):
    request = urllib.request.Request(url, headers={"Authorization": f"Bearer {token}"} if token else {})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def client_for(state: dict, role: str) -> str:
    """Residents sign in through the residents' pool client, officials through the officials' pool's."""
    return state["user_pool_client_id"] if role == "resident" else state["officials_user_pool_client_id"]


def port_open(port):
    with socket.socket() as sock:
        return sock.connect_ex(("127.0.0.1", port)) == 0


@contextlib.contextmanager
def running_local_stack(state: Path) -> Iterator[dict]:
    """Yields the process, its state file's content and both ports once /health answers."""
    api_port, aws_port = free_port(), free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("MULIN_", "AWS_ENDPOINT"))}
    # Tests run at any hour and read the SMS outbox at once: a text held back to 08:00 would not be there.
    env["MULIN_SMS_QUIET_HOURS"] = "off"
    # A file, not a pipe: every request is logged, and a pipe nobody reads fills up and
    # then blocks the server in the middle of a request.
    log = state.with_suffix(".log")
    with log.open("w") as output:
        process = subprocess.Popen(
            [sys.executable, "-m", "local_stack", "--port", str(api_port), "--aws-port", str(aws_port),
             "--state", str(state)],
            cwd=ROOT, env=env, stdout=output, stderr=subprocess.STDOUT, text=True,
        )
    started = time.monotonic()
    try:
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"make run exited early:\n{log.read_text()}")
            if state.exists() and port_open(api_port) and http_get(f"http://127.0.0.1:{api_port}/health")[0] == 200:
                break
            if time.monotonic() - started > READY_WITHIN_SECONDS:
                raise RuntimeError(f"the API did not answer /health with 200 within {READY_WITHIN_SECONDS} s:\n"
                                   + log.read_text()[-4000:])
            time.sleep(0.25)
        yield {"process": process, "state": json.loads(state.read_text()), "api_port": api_port, "aws_port": aws_port,
               "log": log}
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGINT)
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
