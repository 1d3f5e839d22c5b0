"""Estimated AWS cost per 1,000,000 ballots and per 1,000,000 suggestions, line by line.

Measures, through the HTTP layer (chalice.test.Client, real tokens, embedded AWS with the
divisions loaded), what one request of each kind uses: DynamoDB calls and request units and
the other AWS calls (bench/meter.py), on N requests from N fresh residents; then, on N more
with nothing metered, the CPU this process spends per request (the app and its authorizer;
the embedded AWS is another process) and the bytes the app writes to stdout and stderr,
which Lambda sends to CloudWatch Logs. Lambda's billed duration is estimated from that CPU,
scaled to the share of a vCPU the configured memory buys, plus an assumed latency per AWS
call; the platform's own log lines and API Gateway's access-log line are sized from their
formats. Prices are bench/prices.py's. Target: ≤ US$3 per 1,000,000 ballots.
Prints its BENCHMARKS.md section.
Run: .venv/bin/python -W ignore bench/cost.py [--requests 20]
"""

from __future__ import annotations

import argparse
import json
import math
import os
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import machine, meter, prices  # noqa: E402
from bench.stack import at, bearer, embedded_aws, sign_in_accounts  # noqa: E402

COMMITTEE = "310110012001"
TARGET_PER_MILLION_BALLOTS = 3.00
MILLION = 1_000_000
# AWS Lambda allocates CPU in proportion to memory: one full vCPU at 1,769 MB (Lambda
# Developer Guide, "Configuring function memory").
FULL_VCPU_MB = 1_769
# Assumed, not measured: one call from Lambda to DynamoDB, SNS or S3 in the same region,
# HTTPS round trip included (DynamoDB answers in single-digit milliseconds).
AWS_CALL_MS = 8
# The authorizer's answer is cached for its TTL (chalicelib/web/authorizer.py, 300 s) per
# token; a resident's session is counted as one authorizer run, charged to the request measured.
AUTHORIZER_RUNS_PER_SIGNED_IN_REQUEST = 1
AUTHORIZER_LINE = "Lambda requests and compute, authorizer"
CLOUDFRONT_LINE = "CloudFront requests (the pages' /api)"


@dataclass
class Kind:
    """One kind of request: its measurements, then its cost."""

    name: str
    signed_in: bool
    metered: meter.Usage = field(default_factory=meter.Usage)
    count: int = 0
    cpu_ms: list[float] = field(default_factory=list)
    log_bytes: list[int] = field(default_factory=list)

    def mean(self, value: float) -> float:
        return value / self.count


class Capture:
    """Everything written to file descriptors 1 and 2 while open: what Lambda would ship to CloudWatch."""

    def __enter__(self) -> Capture:
        sys.stdout.flush()
        sys.stderr.flush()
        self.file = tempfile.TemporaryFile()
        self.saved = os.dup(1), os.dup(2)
        os.dup2(self.file.fileno(), 1)
        os.dup2(self.file.fileno(), 2)
        return self

    def __exit__(self, *_: Any) -> None:
        sys.stdout.flush()
        sys.stderr.flush()
        os.dup2(self.saved[0], 1)
        os.dup2(self.saved[1], 2)
        os.close(self.saved[0])
        os.close(self.saved[1])
        self.size = self.file.seek(0, os.SEEK_END)
        self.file.close()


def lambda_platform_lines(duration_ms: float, memory_mb: int) -> int:
    """START, END and REPORT, as Lambda writes them for every invocation (text log format)."""
    request = str(uuid.uuid4())
    lines = (f"START RequestId: {request} Version: $LATEST\n", f"END RequestId: {request}\n",
             f"REPORT RequestId: {request}\tDuration: {duration_ms:.2f} ms\tBilled Duration: {math.ceil(duration_ms)} ms\t"
             f"Memory Size: {memory_mb} MB\tMax Memory Used: 150 MB\t\n")
    return sum(len(line.encode()) for line in lines)


def access_log_line(path: str, status: int) -> int:
    """One line of the API stage's access log, in infra/monitoring.py's format."""
    from infra.monitoring import ACCESS_LOG_FORMAT

    values = {"$context.requestId": str(uuid.uuid4()), "$context.requestTime": "23/Nov/2026:20:40:00 +0000",
              "$context.httpMethod": "POST", "$context.resourcePath": path, "$context.status": str(status),
              "$context.responseLatency": "57"}
    line = json.dumps({name: values.get(variable, "-") for name, variable in ACCESS_LOG_FORMAT.items()})
    return len(line.encode()) + 1


def lambda_memory_mb() -> int:
    config = json.loads((ROOT / ".chalice" / "config.json").read_text(encoding="utf-8"))
    return int(config["stages"]["prod"]["lambda_memory_size"])


def measure(args: argparse.Namespace) -> tuple[dict[str, Kind], float]:
    count = args.requests
    kinds = {"ballot": Kind("ballot, signed in", True), "code": Kind("ballot, paper code", False),
             "suggestion": Kind("suggestion (with Idempotency-Key)", True)}
    with embedded_aws("mulin-bench-cost") as stack:
        os.environ["POWERTOOLS_LOG_LEVEL"] = "INFO"  # the prod stage's level (.chalice/config.json)
        from chalice.test import Client

        from app import app
        from chalicelib.auth import authenticate

        round_id, projects, codes = voting_round(count * 2)
        voters = sign_in_accounts(stack, {f"voter {n}": ("resident", COMMITTEE) for n in range(count * 2)})
        residents = list(voters.values())
        with Client(app) as client:
            def requests(resident: str, code: str) -> dict[str, Callable[[], Any]]:
                return {
                    "ballot": lambda: post(client, f"/rounds/{round_id}/ballots", {"picks": projects[:2]}, resident),
                    "code": lambda: post(client, f"/rounds/{round_id}/code-ballots", {"picks": projects[:1], "code": code}),
                    "suggestion": lambda: post(client, "/suggestions", suggestion(), resident,
                                               {"Idempotency-Key": str(uuid.uuid4())}),
                }

            # Paper-code ballots are limited per address and window: each pass gets a window of its own.
            at("2027-03-22T10:00:00")
            machine.progress(f"metering {count} requests of each kind")
            for resident, code in zip(residents[:count], codes[:count], strict=True):
                for name, request in requests(resident, code).items():
                    with meter.metering() as usage:
                        request()
                    kinds[name].metered.add(usage)
                    kinds[name].count += 1
            at("2027-03-22T10:20:00")
            machine.progress(f"timing {count} more requests of each kind, unmetered")
            for resident, code in zip(residents[count:], codes[count:], strict=True):
                for name, request in requests(resident, code).items():
                    with Capture() as captured:
                        started = time.process_time()
                        request()
                        kinds[name].cpu_ms.append((time.process_time() - started) * 1000)
                    kinds[name].log_bytes.append(captured.size)
            authorizer = []
            for resident in residents[count:]:
                started = time.process_time()
                authenticate(resident)
                authorizer.append((time.process_time() - started) * 1000)
    return kinds, statistics.median(authorizer)


def voting_round(codes: int) -> tuple[str, list[str], list[str]]:
    from chalicelib.auth import Principal, Role
    from chalicelib.voting import service
    from chalicelib.voting.models import CodeRequest, ProjectReview, ProposalCreate, RoundCreate
    from tests.api.test_round_lifecycle import SCHEDULE

    staff = Principal(user_id="bench-staff", role=Role.committee_staff, jurisdiction=COMMITTEE)
    at("2027-02-20T10:00:00")
    created = service.create_round(staff, RoundCreate(
        scope=COMMITTEE, title="控一小区微更新", budget_fen=10_000_000, schedule=SCHEDULE,
        method={"kind": "approval", "min_picks": 1, "max_picks": 2},
        eligibility={"accounts": True, "paper_codes": True}))
    at("2027-03-02T10:00:00")
    projects = [service.propose_project(staff, created.id, ProposalCreate(
        title=title, description=f"{title}：具体方案见附件。", estimated_cost_fen=cost)).id
        for title, cost in (("楼道加装扶手", 3_200_000), ("口袋花园", 4_500_000), ("非机动车棚", 5_800_000))]
    at("2027-03-12T10:00:00")
    for project in projects:
        service.review_project(staff, created.id, project, ProjectReview(feasible=True, final_cost_fen=3_000_000))
    printed = service.generate_codes(staff, created.id, CodeRequest(count=codes)).codes
    return created.id, projects, printed


def suggestion() -> dict[str, Any]:
    return {"title": "楼道照明", "content": "楼道灯坏了一个月，晚上看不清台阶，建议尽快修复。", "category": "public_safety",
            "division": COMMITTEE, "publish_consent": True, "channel": "mobile"}


def post(client: Any, path: str, body: dict[str, Any], token: str | None = None,
         headers: dict[str, str] | None = None) -> Any:
    sent = {"Content-Type": "application/json", **(bearer(token) if token else {}), **(headers or {})}
    response = client.http.post(path, body=json.dumps(body, ensure_ascii=False).encode(), headers=sent)
    if response.status_code >= 300:
        raise RuntimeError(f"POST {path}: {response.status_code} {response.body!r}")
    return response


def write_breakdown(kind: Kind) -> str:
    by_prefix: dict[str, float] = {}
    for (space, key), units in kind.metered.partition_writes.items():
        # The ballots table shares the main table's key prefixes (VOTER#, CODE#, BALLOT#).
        name = (key.split("#")[0] if space == "table" or space.endswith("-ballots")
                else "idempotency record" if space.endswith("-idempotency") else space)
        by_prefix[name] = by_prefix.get(name, 0) + units
    return ", ".join(f"{name} {meter.units(round(kind.mean(units), 2))}"
                     for name, units in sorted(by_prefix.items(), key=lambda item: -item[1]))


@dataclass
class Line:
    item: str
    quantity: str
    dollars: float


def floor_of(ballot: Kind, lines: list[Line], through_http_api: float) -> str:
    """What no saving in our code can go below: the API's request, Lambda's, and the ballot's
    own transaction, whose two items (the voter's record and the anonymous ballot) keep the
    ballot secret and single, so neither can be dropped."""
    write_units = ballot.mean(ballot.metered.all_write_units)
    on_demand_writes = next(line.dollars for line in lines if line.item == "DynamoDB write request units")
    floor = (prices.HTTP_API_PER_MILLION_REQUESTS + prices.LAMBDA_PER_MILLION_REQUESTS
             + write_units * prices.DYNAMODB_PER_MILLION_WRITE_UNITS)
    # Provisioned capacity bills each write unit held for an hour; at full use, 3,600 writes.
    provisioned_per_million = prices.DYNAMODB_PER_WRITE_CAPACITY_UNIT_HOUR / 3600 * MILLION
    room = TARGET_PER_MILLION_BALLOTS - (through_http_api - on_demand_writes)
    needed = provisioned_per_million * write_units / room if room > 0 else math.inf
    capacity = (f"US${prices.DYNAMODB_PER_WRITE_CAPACITY_UNIT_HOUR} per write-capacity-unit hour, "
                f"US${provisioned_per_million:.2f} per million writes at full use")
    provisioned = (f"would meet the target only if its writes ran on provisioned capacity used at least {needed:.0%} "
                   f"of every hour it is held for ({capacity}): a question of how evenly a round's ballots arrive, "
                   "which on-demand capacity does not ask" if needed <= 1 else
                   f"would miss the target even with its writes on fully used provisioned capacity ({capacity})")
    return f"""
    The floor: an HTTP API request (US${prices.HTTP_API_PER_MILLION_REQUESTS:.2f}), a Lambda request
    (US${prices.LAMBDA_PER_MILLION_REQUESTS:.2f}) and the ballot's {write_units:g} write units on on-demand capacity
    (US${write_units * prices.DYNAMODB_PER_MILLION_WRITE_UNITS:.2f}) come to US${floor:.2f} per million before any
    compute, logging, CDN or firewall: the target cannot be met on on-demand capacity by any API front while a ballot is its
    voter's record and its anonymous ballot written in one transaction, which is what keeps it secret and
    single. Through an HTTP API with its JWT authorizer, and with the CDN and firewall lines above, the ballot
    {provisioned}.
    """


def lines_of(kind: Kind, authorizer_cpu_ms: float, memory_mb: int, api_path: str, status: int) -> list[Line]:
    usage = kind.metered
    per = kind.mean
    gigabytes = memory_mb / 1024
    scale = FULL_VCPU_MB / memory_mb
    aws_calls = per(usage.dynamodb_calls + sum(usage.other.values()))
    cpu = statistics.median(kind.cpu_ms) - (authorizer_cpu_ms if kind.signed_in else 0)
    handler_ms = math.ceil(cpu * scale + aws_calls * AWS_CALL_MS)
    authorizer_runs = AUTHORIZER_RUNS_PER_SIGNED_IN_REQUEST if kind.signed_in else 0
    authorizer_ms = math.ceil(authorizer_cpu_ms * scale)
    log_bytes = (statistics.mean(kind.log_bytes) + lambda_platform_lines(handler_ms, memory_mb)
                 + authorizer_runs * lambda_platform_lines(authorizer_ms, memory_mb) + access_log_line(api_path, status))
    sns = sum(n for name, n in usage.other.items() if name.startswith("SNS"))
    s3_put = sum(n for name, n in usage.other.items() if name in ("S3 PutObject", "S3 CopyObject"))
    s3_get = sum(n for name, n in usage.other.items() if name in ("S3 HeadObject", "S3 GetObject"))
    lines = [
        # Residents' pages call the API as /api on the site's own domain (infra/site.py).
        Line(CLOUDFRONT_LINE, "1", prices.CLOUDFRONT_PER_MILLION_HTTPS_REQUESTS),
        Line("AWS WAF requests inspected (infra/firewall.py)", "1", prices.WAF_PER_MILLION_REQUESTS),
        Line("API Gateway REST API requests", "1", prices.REST_API_PER_MILLION_REQUESTS),
        Line("Lambda requests, handler", "1", prices.LAMBDA_PER_MILLION_REQUESTS),
        Line("Lambda compute, handler", f"{handler_ms} ms × {gigabytes:g} GB",
             handler_ms / 1000 * gigabytes * prices.LAMBDA_PER_GB_SECOND * MILLION),
        Line(AUTHORIZER_LINE, f"{authorizer_runs} × {authorizer_ms} ms × {gigabytes:g} GB",
             authorizer_runs * (prices.LAMBDA_PER_MILLION_REQUESTS
                                + authorizer_ms / 1000 * gigabytes * prices.LAMBDA_PER_GB_SECOND * MILLION)),
        Line("DynamoDB write request units", meter.units(round(per(usage.all_write_units), 2)),
             per(usage.all_write_units) * prices.DYNAMODB_PER_MILLION_WRITE_UNITS),
        Line("DynamoDB read request units", meter.units(round(per(usage.read_units), 2)),
             per(usage.read_units) * prices.DYNAMODB_PER_MILLION_READ_UNITS),
        Line("SNS publish requests", meter.units(round(per(sns), 2)), per(sns) * prices.SNS_PER_MILLION_PUBLISHES),
        Line("S3 requests (PUT class, GET class)", f"{meter.units(per(s3_put))}, {meter.units(per(s3_get))}",
             per(s3_put) * prices.S3_PER_THOUSAND_PUT_COPY_POST * 1000 + per(s3_get) * prices.S3_PER_THOUSAND_GET_HEAD * 1000),
        Line("CloudWatch Logs ingestion", f"{log_bytes:,.0f} bytes",
             log_bytes * MILLION / 1e9 * prices.CLOUDWATCH_LOGS_PER_GB_INGESTED),
    ]
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=20, help="requests of each kind, per pass")
    args = parser.parse_args()
    kinds, authorizer_cpu_ms = measure(args)
    memory_mb = lambda_memory_mb()
    paths = {"ballot": ("/rounds/{id}/ballots", 201), "code": ("/rounds/{id}/code-ballots", 201),
             "suggestion": ("/suggestions", 201)}
    costs = {name: lines_of(kind, authorizer_cpu_ms, memory_mb, *paths[name]) for name, kind in kinds.items()}

    machine.section("Estimated AWS cost per 1,000,000 ballots and suggestions", f"""
    Measured per request through the HTTP layer (`chalice.test.Client`, real tokens, the embedded AWS
    with the divisions loaded): DynamoDB request units and other AWS calls metered on {args.requests}
    requests of each kind from {args.requests} fresh residents (`bench/meter.py`); then, on
    {args.requests} more with nothing metered, the median CPU this process spends per request (the app
    and its token authorizer; the embedded AWS runs in another process) and the bytes the app writes
    to stdout and stderr, which Lambda ships to CloudWatch Logs. Lambda's billed duration is that CPU
    scaled by {FULL_VCPU_MB:,} MB ÷ {memory_mb} MB (the configured memory, `.chalice/config.json` stage
    prod, buys that share of a vCPU) plus an assumed {AWS_CALL_MS} ms per AWS call; the authorizer's CPU
    ({authorizer_cpu_ms:.1f} ms, verifying one token) is billed as its own function, once per signed-in
    request (its answer is cached 300 s per token, so a session pays it once). Lambda's START/END/REPORT
    lines and the API stage's access-log line are sized from their formats. Residents send these from the
    pages, which call the API as `/api` through the site's CloudFront distribution, and the API's web ACL
    inspects every request: each is one CloudFront and one WAF request (an official's API client calls the
    API directly and skips the CloudFront line). Prices: {prices.PRICES_AS_OF}
    (`bench/prices.py`, each with its source). Not counted: cold starts, the page views around a
    request, SMS or e-mail deliveries of notifications, storage, data transfer. Target: ≤
    US${TARGET_PER_MILLION_BALLOTS:.2f} per 1,000,000 ballots.
    """)
    names = list(kinds)
    machine.table(("per 1,000,000", *(f"{kinds[n].name}: per request" for n in names),
                   *(f"{kinds[n].name}: US$" for n in names)),
                  ([line.item, *(costs[n][i].quantity for n in names), *(f"{costs[n][i].dollars:,.2f}" for n in names)]
                   for i, line in enumerate(costs[names[0]])),
                  right=tuple(range(1, 1 + 2 * len(names))))
    totals = {name: sum(line.dollars for line in costs[name]) for name in names}
    machine.table(("total per 1,000,000", *(kinds[n].name for n in names)),
                  [["US$", *(f"**{totals[n]:,.2f}**" for n in names)]], right=tuple(range(1, 1 + len(names))))
    ballot_lines = sorted(costs["ballot"], key=lambda line: line.dollars, reverse=True)
    verdict = "met" if totals["ballot"] <= TARGET_PER_MILLION_BALLOTS else "not met"
    http_api = totals["ballot"] - prices.REST_API_PER_MILLION_REQUESTS + prices.HTTP_API_PER_MILLION_REQUESTS
    without_authorizer = http_api - next(line.dollars for line in costs["ballot"] if line.item == AUTHORIZER_LINE)
    rest_api_note = (f"API Gateway's REST API alone is US${prices.REST_API_PER_MILLION_REQUESTS:.2f} per million "
                     "requests, more than the target: no saving elsewhere meets it while ballots arrive through a REST API."
                     if prices.REST_API_PER_MILLION_REQUESTS > TARGET_PER_MILLION_BALLOTS else "")
    machine.paragraphs(f"""
    Target ≤ US${TARGET_PER_MILLION_BALLOTS:.2f} per 1,000,000 signed-in ballots: **{verdict}**, at
    US${totals['ballot']:,.2f}. The biggest line is {ballot_lines[0].item} (US${ballot_lines[0].dollars:,.2f},
    {ballot_lines[0].dollars / totals['ballot']:.0%}), then {ballot_lines[1].item}
    (US${ballot_lines[1].dollars:,.2f}) and {ballot_lines[2].item} (US${ballot_lines[2].dollars:,.2f}).
    {rest_api_note} The same ballot through an HTTP API (US${prices.HTTP_API_PER_MILLION_REQUESTS:.2f} per million) would
    cost US${http_api:,.2f}, and with its built-in JWT authorizer instead of the authorizer function
    about US${without_authorizer:,.2f} (AWS WAF does not attach to HTTP APIs: the web ACL would move to the
    CloudFront distribution, at the same price per request). A suggestion costs US${totals['suggestion']:,.2f} per million, mostly
    {max(costs['suggestion'], key=lambda line: line.dollars).item}.
    """)
    machine.paragraphs(floor_of(kinds["ballot"], costs["ballot"], without_authorizer))
    machine.paragraphs("Where the DynamoDB write units go, per request: by the kind of item (its partition key's "
                       "prefix), index entries by index.")
    machine.table(("request", "write units by item"), ([kinds[n].name, write_breakdown(kinds[n])] for n in names))
    photo = (2 * prices.S3_PER_THOUSAND_PUT_COPY_POST + prices.S3_PER_THOUSAND_GET_HEAD) * 1000
    machine.paragraphs(f"""
    Each photo attached to a suggestion adds its upload form (one more API request and Lambda run)
    and, in S3, the browser's POST upload and the app's CopyObject (PUT class) and HeadObject (GET
    class): US${photo:,.2f} per million photos in S3 requests alone.
    """)
    return 0


if __name__ == "__main__":
    sys.exit(main())
