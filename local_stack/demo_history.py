"""Last month's demo history, dated in last month, so that `make run` has a month to publish
and the published page shows numbers rather than only suppressed cells."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from chalicelib import clock
from chalicelib.clock import SHANGHAI
from local_stack.provision import DemoUser

HISTORY = (
    ("sanitation", "垃圾厢房增加洗手池", "投放垃圾后没有地方洗手，建议在垃圾厢房旁加装洗手池。", "adopted", 5),
    ("sanitation", "湿垃圾桶加盖除臭", "夏天湿垃圾桶气味大，建议加盖并定期除臭。", "adopted", 4),
    ("urban_renewal", "楼前绿地补种灌木", "3号楼前绿地有几处裸土，下雨就泥泞，建议补种灌木。", "adopted", 5),
    ("transport", "小区门口增设非机动车停放线", "门口电动车乱停，挡住消防通道，建议划线停放。", "partly_adopted", 4),
    ("elderly_care", "活动室加装扶手", "老年活动室门口有台阶，建议加装扶手和防滑条。", "adopted", 5),
    ("public_safety", "地下车库照明改造", "地下车库灯光昏暗，晚上回家不安全，建议更换节能灯。", "adopted", 3),
    ("transport", "公交站增加候车座椅", "控江路公交站没有座椅，老人候车很辛苦。", "not_adopted", 4),
)


@contextmanager
def _as_of(shanghai: datetime) -> Iterator[None]:
    """The platform's clock at a past moment, as the tests move it, so the history is dated then."""
    real = clock.utc_now
    clock.utc_now = lambda: shanghai.astimezone(ZoneInfo("UTC"))  # type: ignore[assignment]
    try:
        yield
    finally:
        clock.utc_now = real  # type: ignore[assignment]


def last_month(now: datetime) -> str:
    first = now.astimezone(SHANGHAI).replace(day=1)
    return (first - timedelta(days=1)).strftime("%Y-%m")


def add_last_months_history(users: list[DemoUser]) -> str:
    """Suggestions sent, accepted, answered and rated in the month before this one; returns that month."""
    from chalicelib.suggestions import service
    from chalicelib.suggestions.models import ActionRequest, RatingRequest, SuggestionSubmission
    from local_stack.demo import suggestion_actors

    resident, street, committee = suggestion_actors(users)
    month = last_month(clock.utc_now())
    start = datetime.fromisoformat(f"{month}-02T09:00:00").replace(tzinfo=SHANGHAI)
    for n, (category, title, content, adoption, score) in enumerate(HISTORY):
        sent = start + timedelta(days=n, hours=n % 3)
        with _as_of(sent):
            receipt = service.submit_suggestion(resident, SuggestionSubmission(
                title=title, content=content, category=category, division=committee, publish_consent=n % 2 == 0), None)
        with _as_of(sent + timedelta(days=1)):
            service.act_on_suggestion(street, receipt.id, "accept", ActionRequest())
        reply = {"message": f"已收到，{title}由街道统筹安排。", "adoption": adoption}
        if adoption != "adopted":
            reply["reason"] = "受场地和经费所限，先实施其中一部分。"
        with _as_of(sent + timedelta(days=4)):
            service.act_on_suggestion(street, receipt.id, "reply", ActionRequest(**reply))
        with _as_of(sent + timedelta(days=5)):
            service.rate_suggestion(resident, receipt.id, RatingRequest(score=score))
    return month


def add_overdue_case(users: list[DemoUser]) -> str:
    """A case sent on the 20th of the month before last and never accepted: past its 15 working
    days to acknowledge whatever today is (at least 40 days on, a Spring Festival included), so
    the street's overdue queue, its summary and the morning digest have something in them. Kept
    out of last month, whose published counts the history fixes. Returns its id."""
    from chalicelib.suggestions import service
    from chalicelib.suggestions.models import SuggestionSubmission
    from local_stack.demo import suggestion_actors

    resident, _, committee = suggestion_actors(users)
    first_of_last = datetime.fromisoformat(f"{last_month(clock.utc_now())}-01T10:00:00").replace(tzinfo=SHANGHAI)
    month_before = last_month(first_of_last)
    with _as_of(datetime.fromisoformat(f"{month_before}-20T10:00:00").replace(tzinfo=SHANGHAI)):
        receipt = service.submit_suggestion(resident, SuggestionSubmission(
            title="楼道堆物堵塞消防通道", content="5号楼楼道堆放旧家具和纸箱，堵住了消防通道，多次提醒仍未清理。",
            category="public_safety", division=committee, publish_consent=True), None)
    return receipt.id
