"""1,000 supports sent at once by 100 neighbours (ten presses each) store exactly 100, the
count on the topic agrees, and the crossing of the threshold enqueues the topic once. Threads
call the service layer against the embedded AWS server, each call its own HTTP request."""

from __future__ import annotations

import threading
import uuid
from concurrent.futures import ThreadPoolExecutor

from chalicelib.auth import Principal, Role
from chalicelib.deliberation import repository, service
from chalicelib.deliberation.models import PathStep, TopicSubmission
from chalicelib.errors import ConflictError

RESIDENTS = 100
PRESSES = 10
WORKERS = 48
COMMITTEE = "310110012001"


def _resident(tag: str) -> Principal:
    return Principal(user_id=f"support-race-{tag}-{uuid.uuid4()}", role=Role.resident, residence=COMMITTEE)


def test_a_thousand_supports_from_a_hundred_residents_store_a_hundred_and_enqueue_once(api_env):
    author = _resident("author")
    topic = service.raise_topic(author, TopicSubmission(
        division=COMMITTEE, title="楼道加装扶手", background="老人上下楼不便", proposal="每层加装扶手"), None)
    assert topic.threshold <= 10
    residents = [_resident(str(n)) for n in range(RESIDENTS)]
    start = threading.Barrier(WORKERS, timeout=60)

    def press(index: int):
        if index < WORKERS:
            start.wait()  # the first wave leaves together
        try:
            return service.support_topic(residents[index % RESIDENTS], topic.id)
        except ConflictError as exc:
            return exc

    with ThreadPoolExecutor(max_workers=WORKERS) as pool:
        outcomes = list(pool.map(press, range(RESIDENTS * PRESSES), timeout=600))

    accepted = [o for o in outcomes if not isinstance(o, ConflictError)]
    assert len(accepted) == RESIDENTS
    assert len(outcomes) - len(accepted) == RESIDENTS * (PRESSES - 1)
    whole = repository.read_whole(topic.id)
    assert len(whole.supporters) == RESIDENTS
    assert whole.topic.supports == RESIDENTS
    assert whole.topic.status == "queued" and whole.topic.due_at
    steps = [p.step for p in whole.path]
    assert steps.count(PathStep.queued.value) == 1
    assert steps.count(PathStep.supported.value) == 1
    queue, _ = repository.queue_page("310110012", COMMITTEE, 100, None)
    assert [i["id"] for i in queue if i.get("id") == topic.id] == [topic.id]
