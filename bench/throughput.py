"""End-to-end throughput of the local stack: ballots and suggestions over HTTP, from fresh residents.

Starts `python -m local_stack` on free ports (as `make run` does, demo data included), waits
until its start-up publication has finished, signs the demo resident in to find the open
approval round, creates N residents of the demo committee in the embedded Cognito and signs
each in, then sends N ballots (one per resident, signed in) and N suggestions (one per
resident, with an Idempotency-Key as the site sends them) from a few client threads.
Reports requests per second and latency, and the CPU the two server processes spent per
request, read from /proc/<pid>/stat before and after each phase: the API (the local
server running the app) and the embedded AWS (moto), each a process of its own, less what
each spends idle over the same time (the publications queue is long-polled every second).
Prints its BENCHMARKS.md section.
Run: .venv/bin/python -W ignore bench/throughput.py [--requests 200] [--threads 4]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import machine  # noqa: E402

COMMITTEE = "310110012001"
PASSWORD = "Bench-throughput-1"
TICKS = os.sysconf("SC_CLK_TCK")
IDLE_SECONDS = 5.0


def cpu_seconds(pid: int) -> float:
    """User + system CPU of one process (not its children), from /proc/<pid>/stat."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS


def children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        found += [int(child) for child in (task / "children").read_text().split()]
    return found


def embedded_aws_pid(api_pid: int) -> int:
    for pid in children(api_pid):
        if b"local_stack.embedded_aws" in Path(f"/proc/{pid}/cmdline").read_bytes():
            return pid
    raise RuntimeError("the local stack's embedded AWS process was not found")


@dataclass
class Cpu:
    api: float
    aws: float
    at: float

    @classmethod
    def now(cls, api_pid: int, aws_pid: int) -> Cpu:
        return cls(cpu_seconds(api_pid), cpu_seconds(aws_pid), time.monotonic())

    def since(self, earlier: Cpu) -> Cpu:
        return Cpu(self.api - earlier.api, self.aws - earlier.aws, self.at - earlier.at)


def settle(api_pid: int, aws_pid: int, timeout: float = 120.0) -> None:
    """Waits until both processes are nearly idle (the start-up publication has finished)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        before = Cpu.now(api_pid, aws_pid)
        time.sleep(1.0)
        spent = Cpu.now(api_pid, aws_pid).since(before)
        if spent.api + spent.aws < 0.15:
            return
    machine.progress("the stack did not settle; measuring anyway")


@dataclass
class Phase:
    name: str
    latencies: list[float]
    failures: list[str]
    wall: float
    cpu: Cpu


def run_phase(name: str, requests: list[Callable[[Any], Any]], threads: int, api_pid: int, aws_pid: int) -> Phase:
    import requests as http

    local = threading.local()
    latencies: list[float] = []
    failures: list[str] = []

    def send(request: Callable[[Any], Any]) -> None:
        if not hasattr(local, "session"):
            local.session = http.Session()
        started = time.perf_counter()
        response = request(local.session)
        latencies.append(time.perf_counter() - started)
        if response.status_code >= 300:
            failures.append(f"{response.status_code} {response.text[:200]}")

    before = Cpu.now(api_pid, aws_pid)
    with ThreadPoolExecutor(threads) as pool:
        list(pool.map(send, requests))
    spent = Cpu.now(api_pid, aws_pid).since(before)
    return Phase(name, latencies, failures, spent.at, spent)


def residents(state: dict[str, Any], count: int) -> list[str]:
    """`count` new residents of the demo committee, each signed in: their ID tokens."""
    import boto3

    from chalicelib.identity import create_user

    cognito = boto3.client("cognito-idp", endpoint_url=state["aws_endpoint_url"], region_name=state["region"],
                           aws_access_key_id="testing", aws_secret_access_key="testing")
    tokens = []
    for number in range(count):
        phone = f"+86135{number:08d}"
        create_user(cognito, state["user_pool_id"], phone=phone, password=PASSWORD, group=None, division=COMMITTEE)
        tokens.append(sign_in(cognito, state, phone, PASSWORD))
    return tokens


def sign_in(cognito: Any, state: dict[str, Any], username: str, password: str) -> str:
    return cognito.initiate_auth(ClientId=state["user_pool_client_id"], AuthFlow="USER_PASSWORD_AUTH",
                                 AuthParameters={"USERNAME": username, "PASSWORD": password},
                                 )["AuthenticationResult"]["IdToken"]


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=200, help="ballots, and as many suggestions")
    parser.add_argument("--threads", type=int, default=4, help="client threads")
    args = parser.parse_args()

    import boto3

    from tests.local_stack_process import running_local_stack

    with tempfile.TemporaryDirectory(prefix="mulin-throughput-") as scratch:
        machine.progress("starting the local stack")
        with running_local_stack(Path(scratch) / "stack.json") as running:
            state, api = running["state"], running["state"]["api_url"]
            api_pid = running["process"].pid
            aws_pid = embedded_aws_pid(api_pid)
            cognito = boto3.client("cognito-idp", endpoint_url=state["aws_endpoint_url"], region_name=state["region"],
                                   aws_access_key_id="testing", aws_secret_access_key="testing")
            demo = next(user for user in state["demo_users"] if user["role"] == "resident")
            demo_token = sign_in(cognito, state, demo["username"], demo["password"])
            import requests as http

            rounds = http.get(f"{api}/rounds", params={"division": COMMITTEE}, timeout=30).json()["items"]
            round_id = next(r["id"] for r in rounds if r["method"] == "approval")
            projects = http.get(f"{api}/rounds/{round_id}", headers={"Authorization": f"Bearer {demo_token}"},
                                timeout=30).json()["projects"]
            pick = projects[0]["id"]
            machine.progress(f"signing in {args.requests} new residents")
            tokens = residents(state, args.requests)
            machine.progress("waiting for the stack to go idle")
            settle(api_pid, aws_pid)
            idle_start = Cpu.now(api_pid, aws_pid)
            time.sleep(IDLE_SECONDS)
            idle = Cpu.now(api_pid, aws_pid).since(idle_start)

            def ballot(token: str) -> Callable[[Any], Any]:
                return lambda session: session.post(f"{api}/rounds/{round_id}/ballots", json={"picks": [pick]},
                                                    headers={"Authorization": f"Bearer {token}"}, timeout=60)

            def suggestion(token: str, number: int) -> Callable[[Any], Any]:
                body = {"title": f"楼道照明 {number}", "content": "楼道灯坏了一个月，晚上看不清台阶，建议尽快修复。",
                        "category": "public_safety", "division": COMMITTEE, "publish_consent": False}
                headers = {"Authorization": f"Bearer {token}", "Idempotency-Key": str(uuid.uuid4())}
                return lambda session: session.post(f"{api}/suggestions", json=body, headers=headers, timeout=60)

            machine.progress(f"{args.requests} ballots from {args.threads} threads")
            phases = [run_phase("ballots (`POST /rounds/{id}/ballots`, signed in)", [ballot(t) for t in tokens],
                                args.threads, api_pid, aws_pid)]
            machine.progress(f"{args.requests} suggestions from {args.threads} threads")
            phases.append(run_phase("suggestions (`POST /suggestions`, with Idempotency-Key)",
                                    [suggestion(t, n) for n, t in enumerate(tokens)], args.threads, api_pid, aws_pid))

    report(args, phases, idle)
    return 0


def report(args: argparse.Namespace, phases: list[Phase], idle: Cpu) -> None:
    machine.section("End-to-end throughput of the local stack", f"""
    `python -m local_stack` on free ports (the app under Chalice's local server, the embedded AWS
    in a child process of its own, demo data loaded), left to go idle after its start-up
    publication; {args.requests} residents of the demo committee created in the embedded Cognito and
    signed in beforehand. Each phase sends {args.requests} requests, one per resident, from
    {args.threads} client threads over HTTP keep-alive. CPU per request is read from `/proc/<pid>/stat`
    of each server process before and after the phase, less that process's idle rate measured over
    {IDLE_SECONDS:.0f} s beforehand (API {idle.api / idle.at * 1000:.0f} ms/s, embedded AWS
    {idle.aws / idle.at * 1000:.0f} ms/s: the publications queue is long-polled). The client runs on
    the same machine and competes for its {os.cpu_count()} cores.
    """)
    rows = []
    for phase in phases:
        count = len(phase.latencies)
        api = max(0.0, phase.cpu.api - idle.api / idle.at * phase.wall) / count * 1000
        aws = max(0.0, phase.cpu.aws - idle.aws / idle.at * phase.wall) / count * 1000
        rows.append([phase.name, f"{count:,}", f"{len(phase.failures)}", f"{phase.wall:.1f} s",
                     f"{count / phase.wall:.1f}", f"{statistics.median(phase.latencies) * 1000:.0f} ms",
                     f"{percentile(phase.latencies, 0.95) * 1000:.0f} ms", f"{api:.1f} ms", f"{aws:.1f} ms",
                     f"{aws / (api + aws):.0%}"])
    machine.table(("phase", "requests", "failed", "wall time", "requests/s", "p50", "p95", "API CPU per request",
                   "embedded AWS CPU per request", "embedded AWS share"), rows, right=tuple(range(1, 10)))
    for phase in phases:
        if phase.failures:
            machine.paragraphs(f"{phase.name}: {len(phase.failures)} failed, the first: `{phase.failures[0]}`.")
    verdicts = []
    for phase, row in zip(phases, rows, strict=True):
        api, aws = float(row[7].split()[0]), float(row[8].split()[0])
        moto, ours = "the embedded AWS (moto)", "the API process (our code under Chalice's local server)"
        slower, faster = (moto, ours) if aws > api else (ours, moto)
        verdicts.append(f"{phase.name.split(' (')[0].capitalize()}: the bottleneck is {slower}, "
                        f"{max(api, aws):.1f} ms of CPU per request against {min(api, aws):.1f} ms for {faster}; "
                        f"on one core it caps the stack at about {1000 / max(api, aws, 0.001):.0f} requests/s")
    machine.paragraphs(f"""
    Each server is one Python process, bound to one core by its interpreter lock; whichever spends
    more CPU per request is the bottleneck. {'. '.join(verdicts)}. These are figures of the local
    stack on this machine; in AWS the API runs as Lambda and DynamoDB is not moto (the cost section
    estimates that).
    """)


if __name__ == "__main__":
    sys.exit(main())
