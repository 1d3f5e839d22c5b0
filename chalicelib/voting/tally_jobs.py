"""A round's tally as a job: asked for through the API, counted by the tallies queue's function.

A city-wide count outlasts the 30 s an API request may take, so POST /rounds/{id}/tally
records the job and answers 202 at once; GET /rounds/{id}/tally tells where it stands:
queued, counting, done, or failed with the reason. Asking again while a job is queued or
counting answers with that job; after done the round is tallied and a second tally is
refused by the round's rules, as before; after failed a new job is recorded.

The job is recorded before its message is sent, and removed again if the send fails, so a
worker never sees a message no job stands behind. A message that was sent but is never
handled (the queue's function kept failing before it could claim the job) leaves the job
queued: asking again after RESEND_AFTER sends it once more, which is harmless, since
only a claim counts.

One count at a time per round: a worker claims the job (queued → counting, or counting
whose lease has run out → counting, attempts + 1) with a token, and the result is written
in one transaction conditional on that claim and on the round not being tallied yet. A
duplicate delivery while a live claim holds is dropped; a worker Lambda stopped at its
timeout leaves its claim to run out (LEASE, longer than the function may run), and the
message's next delivery, which the queue's visibility timeout holds back longer still,
claims it again. A worker that fails with an exception hands the job back (queued) and
lets the queue deliver the message again; on its last delivery (MAX_RECEIVES, after which
the message goes to the dead-letter queue and raises the alarm) it marks the job failed
itself. A worker killed on that last delivery cannot: its job shows as failed once its
lease has run out (`shown_state`), and a new request may then be made.
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from typing import Any

from chalicelib import clock
from chalicelib.auth import Principal
from chalicelib.errors import NotFoundError
from chalicelib.ids import new_id
from chalicelib.observability import count, logger
from chalicelib.storage.dynamo import ConditionFailedError
from chalicelib.storage.queues import COUNT_TIMEOUT_SECONDS, MAX_RECEIVES
from chalicelib.voting import job_repository, repository, tallying
from chalicelib.voting.models import TallyRequest
from chalicelib.voting.service import load_round, require_manager

LEASE = timedelta(seconds=COUNT_TIMEOUT_SECONDS + 60)
RESEND_AFTER = timedelta(minutes=5)
GAVE_UP = ("The count did not finish after {attempts} attempts; ask again, or see the tallies' dead-letter queue. / "
           "多次计票未能完成，请重新申请计票。")


def request(principal: Principal, round_id: str, body: TallyRequest) -> dict[str, Any]:
    record = load_round(round_id)
    require_manager(principal, record)
    now = clock.utc_now()
    found = job_repository.get(round_id)
    if found is not None and shown_state(found, now) in ("queued", "counting"):
        if found["state"] == "queued" and found["requested_at"] < clock.iso(now - RESEND_AFTER):
            job_repository.enqueue(message_of(round_id, found))
        return view(round_id, found, now)
    tallying.check_can_tally(record, body.version)
    fields: dict[str, Any] = {"state": "queued", "requested_at": clock.iso(now), "attempts": 0,
              "requested_by": principal.user_id, "requested_role": principal.role.value}
    if not job_repository.request(round_id, fields, scope=record.scope, actor_id=principal.user_id,
                                  actor_role=principal.role.value):
        # Another request was recorded since the read: that job is the answer.
        return view(round_id, job_repository.get(round_id) or fields, now)
    try:
        job_repository.enqueue(message_of(round_id, fields))
    except Exception:
        job_repository.forget(round_id, fields["requested_at"])
        raise
    count("TallyRequested")
    return view(round_id, fields, now)


def status(principal: Principal, round_id: str) -> dict[str, Any]:
    record = load_round(round_id)
    require_manager(principal, record)
    now = clock.utc_now()
    found = job_repository.get(round_id)
    if found is not None:
        return view(round_id, found, now)
    result = repository.get_result(round_id)
    if result is not None:
        # Counted inside its request, before tallies were jobs.
        return view(round_id, {"state": "done", "finished_at": result.tallied_at, "attempts": 1}, now)
    raise NotFoundError("No tally has been asked for. / 尚未申请计票。")


def shown_state(job: dict[str, Any], now: datetime) -> str:
    """The job's state, but failed for a claim that ran out on the queue's last delivery."""
    state = str(job["state"])
    if (state == "counting" and str(job.get("lease_until", "")) < clock.iso(now)
            and int(job.get("attempts", 0)) >= MAX_RECEIVES):
        return "failed"
    return state


def view(round_id: str, job: dict[str, Any], now: datetime) -> dict[str, Any]:
    state = shown_state(job, now)
    reason = job.get("reason")
    if state == "failed" and job["state"] != "failed":
        reason = GAVE_UP.format(attempts=job.get("attempts", 0))
    return {"round_id": round_id, "state": state, "requested_at": job.get("requested_at"),
            "started_at": job.get("started_at"), "finished_at": job.get("finished_at"),
            "attempts": int(job.get("attempts", 0)), "reason": reason,
            "links": {"status": f"/rounds/{round_id}/tally", "results": f"/rounds/{round_id}/results"}}


def message_of(round_id: str, job: dict[str, Any]) -> dict[str, Any]:
    return {"round_id": round_id, "requested_at": job["requested_at"]}


def run_message(body: str, receive_count: int = 1) -> dict[str, Any]:
    """Count the round one queue message asks for. An exception leaves the message on the queue,
    to be delivered again and, after MAX_RECEIVES, kept in the dead-letter queue."""
    message = json.loads(body)
    round_id, requested_at = message["round_id"], message["requested_at"]
    token, now = new_id(), clock.utc_now()
    job = job_repository.claim(round_id, requested_at, token, clock.iso(now), clock.iso(now + LEASE))
    if job is None:
        logger.info("tally message dropped: its job is counted, being counted, or was replaced",
                    extra={"round_id": round_id})
        count("TallyMessageDropped")
        return {"round_id": round_id, "dropped": True}
    try:
        record = repository.get_round(round_id)
        if record is None:
            raise tallying.CannotCount("The round no longer exists. / 活动已不存在。")
        result = tallying.count_round(record, actor_id=str(job.get("requested_by", "")),
                                      actor_role=str(job.get("requested_role", "")),
                                      finish=job_repository.done_op(round_id, token, clock.iso(clock.utc_now())))
    except tallying.CannotCount as exc:
        job_repository.fail(round_id, token, str(exc), clock.iso(clock.utc_now()))
        logger.info("tally failed for good", extra={"round_id": round_id, "reason": str(exc)})
        count("TallyFailed")
        return {"round_id": round_id, "failed": str(exc)}
    except ConditionFailedError:
        # The round changed while it was counted (cancelled, edited), or this claim ran out and
        # another worker's took over: the job is handed back, and the next delivery sees which.
        job_repository.release(round_id, token)
        raise
    except Exception as exc:
        if receive_count >= MAX_RECEIVES:
            job_repository.fail(round_id, token, GAVE_UP.format(attempts=job.get("attempts", 0))
                                + f" ({type(exc).__name__})", clock.iso(clock.utc_now()))
        else:
            job_repository.release(round_id, token)
        raise
    logger.info("round tallied", extra={"round_id": round_id, "ballots": result.ballots})
    count("RoundTallied")
    return {"round_id": round_id, "ballots": result.ballots}
