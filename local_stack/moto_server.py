"""Start and stop the embedded AWS (local_stack/embedded_aws.py) as a child process bound to 127.0.0.1."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from local_stack.embedded_cognito import OUTBOX_VARIABLE

# The SMS outbox of each embedded AWS this process started, by URL, so that provision()
# describes it without every caller passing it along.
_OUTBOXES: dict[str, str] = {}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def outbox_of(url: str) -> str:
    """The SMS outbox file of the embedded AWS at `url` this process started, or ""."""
    return _OUTBOXES.get(url.rstrip("/"), "")


@dataclass
class MotoServer:
    process: subprocess.Popen
    url: str
    sms_outbox: str = ""
    # A temporary directory holding the outbox, removed on stop; None when the caller chose the file.
    own_directory: str | None = None

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        _OUTBOXES.pop(self.url, None)
        if self.own_directory:
            shutil.rmtree(self.own_directory, ignore_errors=True)


def start_moto_server(port: int | None = None, timeout: float = 30.0, sms_outbox: str | Path | None = None) -> MotoServer:
    """`sms_outbox`: the file the embedded Cognito appends its SMS to (emptied here); by
    default one in a temporary directory removed on stop."""
    port = port or free_port()
    own_directory = None
    if sms_outbox is None:
        own_directory = tempfile.mkdtemp(prefix="mulin-sms-")
        sms_outbox = Path(own_directory) / "sms-outbox.jsonl"
    outbox = Path(sms_outbox).resolve()
    outbox.parent.mkdir(parents=True, exist_ok=True)
    outbox.write_text("", encoding="utf-8")
    env = {**os.environ, "MOTO_PORT": str(port), OUTBOX_VARIABLE: str(outbox)}
    process = subprocess.Popen(
        [sys.executable, "-m", "local_stack.embedded_aws", "-H", "127.0.0.1", "-p", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=env,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the embedded AWS exited with code {process.returncode}")
        try:
            with urllib.request.urlopen(f"{url}/moto-api/data.json", timeout=1):
                _OUTBOXES[url] = str(outbox)
                return MotoServer(process=process, url=url, sms_outbox=str(outbox), own_directory=own_directory)
        except OSError:
            time.sleep(0.1)
    process.kill()
    if own_directory:
        shutil.rmtree(own_directory, ignore_errors=True)
    raise RuntimeError(f"the embedded AWS did not answer on {url} within {timeout:.0f} s")
