"""A resident's rights over their personal data (PIPL arts. 45 and 47): a copy of
everything the platform holds about them, and erasure of their account and data.

A person is their account (auth.Principal.person, a keyed digest of the Cognito sub). Their
cases and messages sit under that key and, for cases staff entered for a number before any
account had proven it, under the number's claim key (Principal.owner_keys); their fund
applications under their sub; their objections under their key. Every read is a Query on a
key or index made for it.

Erasure keeps what others rely on and takes out who the person was:
- a case keeps its text only if its submitter consented to publication (scrubbed of phone,
  ID and flat numbers, as publication would show it); otherwise its title and text become
  ERASED. Place and photos go in every case: publication never shows them, so the consent
  does not cover them, and they are what most often points to a home. The submitter
  becomes a tombstone, the phone number goes, the officials' steps on the timeline stay.
- ratings stay counted in the case's figures, without their comments or rater;
- the inbox is deleted;
- a fund application keeps its team name, plan, money and receipts (accounting records,
  kept 30 years under 会计档案管理办法), without the lead's name or account; one staff entered
  from paper naming them as lead (found by its trace, storage/traces.py) also loses the
  number and the scans of the form, and the officials' steps stay;
- an objection stays on the application's public record, without who filed it;
- a residence request keeps its committee and status, without building, room, note or proof;
- ballots were never tied to anyone, so they stay counted as they are;
- topics, supports, comments, reports and appeals as deliberation/erasure.py says (a topic
  keeps its scrubbed text without author or photos, a support and a report stay counted under
  a tombstone, a comment becomes a deletion's tombstone, an appeal loses its text); a meeting
  registration stays counted without name, phone or who registered.
Each tombstone is new, so erased records cannot be linked to each other either. Every step
finds only what is still the person's, so a repeat after a failure finishes the job; the
account is deleted last, and a marker written first refuses the person's remaining tokens
(accounts/guard.py).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from functools import partial
from typing import TYPE_CHECKING, Any

from chalicelib import clock, directory
from chalicelib.accounts import repository
from chalicelib.accounts.models import (
    Account,
    DataExport,
    Erased,
    ErasureReceipt,
    ErasureState,
    ExportedObjection,
    ExportedRating,
    ExportedResidenceRequest,
    ExportedSuggestion,
    Kept,
    NotLinked,
    Retention,
)
from chalicelib.auth import ERASED_OWNER_PREFIX, Principal, require
from chalicelib.errors import ConflictError
from chalicelib.ids import new_id
from chalicelib.privacy import mask_phone

if TYPE_CHECKING:
    from chalicelib.funds.records import Objection

PAGE = 100
ATTEMPTS = 3
ERASED = "已应本人要求删除 / erased at the resident's request"
ERASED_NAME = "（已删除）/ (erased)"

# Plain data: the response models are built when asked for, not at import (cold start).
NOT_LINKED = [
    dict(what="ballots and the record that you voted in a round",
              why="A ballot holds no voter. The record that you voted is a digest made for that round alone; it "
                  "points at your ballot only so that you, signed in, can see or replace it, and no key finds your "
                  "rounds from your account. Nothing public links you to a ballot. Ballots stay counted. / "
                  "选票不含投票人信息。投票记录仅为按活动生成的摘要，它指向您的选票只为让您登录后查看或更改；"
                  "无法据您的账户查到您参加了哪些活动，公开文件也不会把您与选票联系起来。选票照常计入。"),
    dict(what="evaluations of finished projects and objections to a round's result",
              why="Stored without their author (an evaluation's one-per-person record is a digest made for that "
                  "round). / 项目评价和对投票结果的异议不记录提出人。"),
    dict(what="projects you proposed in a round",
              why="A proposal carries a digest of your account but no index finds proposals by it; once proposed it "
                  "is the neighbourhood's project. / 提出的项目只带有账号摘要，无法按人检索，提出后即为社区项目。"),
    dict(what="rate-limit counters and answers kept for retried requests",
              why="Counters hold a count under a digest and expire after their window; a retried request's answer "
                  "is kept under a digest of your account and the request's key for 24 hours (48 for the claim). / "
                  "限流计数和重试记录以摘要保存，到期自动删除。"),
    dict(what="monthly published summaries",
              why="Anonymous aggregates and, for suggestions whose senders consented, scrubbed text: they hold "
                  "nothing about you. / 每月公开的汇总为匿名统计数据。"),
]

RETENTION = [
    dict(what="inbox messages", kept_for="2 years, then deleted automatically / 两年后自动删除"),
    dict(what="suggestions with their timelines and ratings",
              kept_for="as long as the case: they are the street's record of its answer / 与案件同期保存"),
    dict(what="fund applications, ledger entries and receipts",
              kept_for="30 years, as accounting vouchers and books (会计档案管理办法, 财政部 国家档案局令第79号)"),
    dict(what="residence requests", kept_for="as long as the account; then without the flat and proof"),
    dict(what="answers kept for retried requests (Idempotency-Key)",
              kept_for="24 hours; the key's claim 48 hours / 24小时"),
    dict(what="rate-limit counters", kept_for="two of their windows (2 hours, 2 days or 20 minutes)"),
    dict(what="uploads never attached to a record", kept_for="2 days / 两天"),
]

KEPT = [
    dict(what="suggestions you consented to publish: title and text, scrubbed of numbers",
         why="You allowed their publication; nobody can tell they were yours. / 您已同意公开，且不再关联到您。"),
    dict(what="the officials' steps on your cases' timelines, and the replies",
         why="They are the administration's record of its work. / 属于政府部门的办理记录。"),
    dict(what="your ratings' scores", why="Counted in the cases' satisfaction figures, without your comments."),
    dict(what="fund applications you led: team name, plan, amounts, ledger and receipts",
         why="Accounting records are kept 30 years (会计档案管理办法); the lead's name and account are removed, "
             "and for one staff entered from paper your number and the scans of the form."),
    dict(what="your objections to fund applications", why="Part of the public notice record; who filed them is removed."),
    dict(what="residence requests' committee and status", why="The committee's record of its decisions."),
    dict(what="ballots", why="Never tied to you: they stay anonymous and counted. / 选票本就匿名，继续计入结果。"),
    dict(what="topics you raised: title, background and proposal, scrubbed of numbers, without photos",
         why="Posted to your committee, supported by neighbours and perhaps decided on at a meeting; nobody can "
             "tell they were yours. / 议题已公开并经邻居附议，不再关联到您。"),
    dict(what="your supports, reports and meeting registrations, as counts",
         why="The thresholds, hidings and attendance the committee acted on stay true; who gave them is removed, "
             "and your comments' and appeals' texts are deleted. / 附议、举报和报名仍计入数量，但不再关联到您。"),
]


def _now() -> str:
    return clock.iso(clock.utc_now())


def _tombstone() -> str:
    """Who an erased record belonged to: nobody, and not the same nobody as any other record."""
    return f"{ERASED_OWNER_PREFIX}{new_id()}"


def _pages(fetch: Callable[[dict[str, Any] | None], tuple[list[Any], Any]]) -> Iterator[Any]:
    start = None
    while True:
        items, start = fetch(start)
        yield from items
        if not start:
            return


def _retrying(step: Callable[[], Any]) -> Any:
    """Run a read-then-write step again when the record moved in between (an official acted)."""
    for attempt in range(ATTEMPTS):
        try:
            return step()
        except ConflictError:
            if attempt == ATTEMPTS - 1:
                raise
    return None


# --- what the person holds ------------------------------------------------------------------


def _own_case_ids(principal: Principal) -> list[str]:
    from chalicelib.suggestions import repository as suggestions

    ids: list[str] = []
    for key in principal.owner_keys:
        ids += [case.id for case in _pages(partial(suggestions.list_by_submitter, key, PAGE))]
    return list(dict.fromkeys(ids))


def _case_records(principal: Principal) -> tuple[list[Any], list[Any]]:
    """The caller's own cases and the cases theirs were merged into (whose submitters they joined)."""
    from chalicelib.suggestions import repository as suggestions

    own = [r for r in (suggestions.get_case_record(i) for i in _own_case_ids(principal)) if r is not None]
    keys = set(principal.owner_keys)
    own = [r for r in own if r.case.submitter in keys]
    primary_ids = {r.case.merged_into for r in own if r.case.merged_into} - {r.case.id for r in own}
    primaries = [r for r in (suggestions.get_case_record(i) for i in sorted(primary_ids)) if r is not None]
    return own, [r for r in primaries if keys & set(r.case.co_submitters)]


def _timeline(events: list[dict[str, Any]], principal: Principal) -> list[Any]:
    from chalicelib.suggestions.models import SuggestionTimelineEvent

    shown = []
    for event in sorted(events, key=lambda e: (e["at"], e.get("seq", 0))):
        mine = event.get("actor_id") == principal.user_id
        shown.append(SuggestionTimelineEvent(
            at=event["at"], action=event["action"], status_from=event.get("before"), status_to=event.get("after"),
            actor_role=event["actor_role"], actor_division=event.get("actor_division"),
            # Another submitter's rating comment is theirs, not the caller's.
            message=event.get("message") if mine or event["action"] != "rate" else None,
            reason=event.get("reason"),
            details={k: v for k, v in (event.get("details") or {}).items() if isinstance(v, str | int)},
        ))
    return shown


def _exported_case(record: Any, principal: Principal) -> ExportedSuggestion:
    case = record.case
    return ExportedSuggestion(
        id=case.id, tracking_no=case.tracking_no, title=case.title, content=case.content, category=case.category,
        division=case.division, jurisdiction=case.jurisdiction, location=case.location, photos=case.photos,
        publish_consent=case.publish_consent, channel=case.channel, submitter_phone=case.submitter_phone,
        entered_by_role=case.entered_by.role if case.entered_by else None, status=case.status,
        submitted_at=case.submitted_at, acknowledge_by=case.acknowledge_by, reply_by=case.reply_by, reply=case.reply,
        merged_into=case.merged_into, timeline=_timeline(record.events, principal),
    )


def _ratings(records: list[Any], keys: set[str]) -> list[ExportedRating]:
    return [ExportedRating(suggestion_id=r["suggestion_id"], round=int(r["round"]), score=int(r["score"]),
                           comment=r.get("comment"), at=r.get("at"))
            for record in records for r in record.ratings if r.get("submitter") in keys]


def _inbox(principal: Principal) -> list[Any]:
    from chalicelib.notifications import repository as notifications
    from chalicelib.storage.keys import inbox_partition

    messages: list[Any] = []
    for key in principal.owner_keys:
        partition = inbox_partition(key)
        messages += _pages(partial(notifications.inbox_page, partition, PAGE))
    return sorted(messages, key=lambda m: m.at, reverse=True)


def _application_ids(principal: Principal) -> list[str]:
    from chalicelib.funds import repository as funds

    return list(dict.fromkeys(
        a.id for a in _pages(lambda start: funds.my_applications_page(principal.user_id, PAGE, start))))


def _led_on_paper(principal: Principal) -> list[tuple[str, str]]:
    """(owner key, id) of the applications staff entered naming the caller as lead: for their
    account, or for their number before any account had proven it (storage/traces.py)."""
    from chalicelib.storage import traces

    return [(key, ref_id) for key in principal.owner_keys for kind, ref_id in traces.traces_of(key)
            if kind == traces.FUND_APPLICATION]


def _fund_applications(principal: Principal) -> list[Any]:
    from chalicelib.accounts.models import ExportedFundApplication
    from chalicelib.funds import repository as funds
    from chalicelib.funds.views import detail_view

    now, shown, keys = _now(), [], set(principal.owner_keys)
    for application_id in _application_ids(principal):
        record = funds.get_application_record(application_id)
        if record is not None and record.application.applicant_id == principal.user_id:
            shown.append(ExportedFundApplication(**dict(detail_view(record, now, []))))
    for _, application_id in _led_on_paper(principal):
        record = funds.get_application_record(application_id)
        if record is not None and record.application.applicant_key in keys:
            shown.append(ExportedFundApplication(**dict(detail_view(record, now, [])),
                                                 lead_phone=record.application.lead_phone))
    return shown


def _objections(principal: Principal) -> list[Objection]:
    from chalicelib.funds import repository as funds

    return list(_pages(lambda start: funds.objections_filed_by(principal.person, PAGE, start)))


def _residence_requests(principal: Principal) -> list[ExportedResidenceRequest]:
    from chalicelib.residence import repository as residence

    requests, _ = residence.history(principal.person)
    return [ExportedResidenceRequest(
        id=r.id, committee=r.committee, building=r.building, room=r.room, basis=r.basis.value, note=r.note,
        proof_photos=r.proof_photos, status=r.status.value, requested_at=r.requested_at, decided_at=r.decided_at,
        reason=r.reason) for r in requests]


def _account(principal: Principal) -> Account:
    user = directory.find_by_sub(directory.residents_pool_id(), principal.user_id)
    created = user.get("UserCreateDate") if user else None
    return Account(
        user_id=principal.user_id, phone=principal.phone,
        phone_masked=mask_phone(principal.phone) if principal.phone else None,
        phone_verified=principal.phone_verified, residence=principal.residence,
        created_at=clock.iso(created) if created else None, status=user.get("UserStatus") if user else None,
    )


def _erasure_state(marker: dict[str, Any] | None) -> ErasureState | None:
    if marker is None:
        return None
    return ErasureState(status=marker["status"], requested_at=marker["requested_at"],
                        finished_at=marker.get("finished_at"))


def export_my_data(principal: Principal) -> DataExport:
    from chalicelib.accounts.deliberation import taking_part

    require(principal, "account.export")
    own, primaries = _case_records(principal)
    keys = set(principal.owner_keys)
    deliberation = taking_part(principal.person)
    return DataExport(
        generated_at=_now(),
        account=_account(principal),
        suggestions=[_exported_case(r, principal) for r in own],
        ratings=_ratings(own + primaries, keys),
        inbox=_inbox(principal),
        fund_applications=_fund_applications(principal),
        objections_filed=[ExportedObjection(application_id=o.application_id, id=o.id, reason=o.reason,
                                            filed_at=o.filed_at, answer=o.answer, answered_at=o.answered_at)
                          for o in _objections(principal)],
        residence_requests=_residence_requests(principal),
        topics=deliberation.topics, supports=deliberation.supports, comments=deliberation.comments,
        reports=deliberation.reports, appeals=deliberation.appeals,
        meeting_registrations=deliberation.meeting_registrations,
        not_linked=[NotLinked(**entry) for entry in NOT_LINKED],
        retention=[Retention(**entry) for entry in RETENTION],
        erasure=_erasure_state(repository.get_marker(principal.person)),
    )


# --- erasure ----------------------------------------------------------------------------------


def _anonymised_case(case: Any, now: str) -> Any:
    from chalicelib.scrub import scrub

    consented = case.publish_consent
    return case.model_copy(update={
        "submitter": _tombstone(), "submitter_phone": None, "location": None, "photos": [],
        "title": scrub(case.title)[:100] if consented else ERASED,
        "content": scrub(case.content) if consented else ERASED,
        "version": case.version + 1, "updated_at": now,
    })


def _erase_case(case_id: str, principal: Principal) -> None:
    from chalicelib.storage import dynamo
    from chalicelib.suggestions import repository as suggestions
    from chalicelib.uploads.repository import delete_under
    from chalicelib.uploads.service import ATTACHED_PREFIX

    keys, now = set(principal.owner_keys), _now()
    record = suggestions.get_case_record(case_id)
    if record is None:
        return
    case, writes, tally = record.case, [], Counter[str]()
    own = case.submitter in keys
    if own:
        writes += suggestions.anonymised_case_writes(case, _anonymised_case(case, now))
        writes.append(suggestions.erasure_event(case.id, now))
        tally["suggestions_anonymised" if case.publish_consent else "suggestions_erased"] += 1
    elif keys & set(case.co_submitters):
        after = case.model_copy(update={"co_submitters": [k for k in case.co_submitters if k not in keys],
                                        "version": case.version + 1, "updated_at": now})
        writes += suggestions.anonymised_case_writes(case, after)
        tally["co_submissions_removed"] += 1
    for event in record.events:
        if event.get("actor_id") == principal.user_id and event.get("actor_role") == "resident":
            writes.append(suggestions.event_anonymise(event, _tombstone(), drop_message=event["action"] == "rate"))
    for rating in record.ratings:
        if rating.get("submitter") in keys:
            writes += suggestions.rating_rekey(rating, _tombstone())
            tally["ratings_anonymised"] += 1
    if not writes:
        return
    if own:
        # Before the case stops being the person's: once it is not, a repeat after a failure
        # could no longer find its photos.
        repository.add_counts(principal.person, {
            "photos_deleted": delete_under(f"{ATTACHED_PREFIX}suggestions/{case.id}/")})
    dynamo.transact_write([*writes, repository.count_op(principal.person, tally)])


def _erase_suggestions(principal: Principal) -> None:
    own, primaries = _case_records(principal)
    # Merged-into cases first: once the caller's own merged case no longer names them, the
    # case it was merged into could no longer be found from it.
    for record in primaries + own:
        _retrying(partial(_erase_case, record.case.id, principal))


def _erase_application(application_id: str, principal: Principal) -> None:
    from chalicelib.funds import repository as funds

    record = funds.get_application_record(application_id)
    if record is None or record.application.applicant_id != principal.user_id:
        return
    writes = [funds.application_anonymise(record.application, _tombstone(), ERASED_NAME)]
    writes += [funds.event_actor_anonymise(e, _tombstone()) for e in record.events if e.actor_id == principal.user_id]
    funds.write([*writes, repository.count_op(principal.person, {"fund_applications_anonymised": 1})])


def _unlink_lead(owner_key: str, application_id: str, principal: Principal) -> None:
    """A paper application's lead goes as a suggestion's submitter goes: the number, the name
    and the scanned form (photos of a signed page), keeping the team's plan and money."""
    from chalicelib.funds import repository as funds
    from chalicelib.storage import traces
    from chalicelib.uploads.repository import delete_under
    from chalicelib.uploads.service import ATTACHED_PREFIX

    record = funds.get_application_record(application_id)
    forget = traces.trace_delete(owner_key, traces.FUND_APPLICATION, application_id)
    if record is None or record.application.applicant_key not in principal.owner_keys:
        funds.write([forget])
        return
    # Before the application stops being the person's: a repeat could no longer tell its scans were.
    repository.add_counts(principal.person, {
        "photos_deleted": delete_under(f"{ATTACHED_PREFIX}funds/{application_id}/scans/")})
    funds.write([funds.lead_unlink(record.application, _tombstone(), ERASED_NAME), forget,
                 repository.count_op(principal.person, {"fund_applications_anonymised": 1})])


def _unlink_objection(objection: Objection, principal: Principal) -> None:
    from chalicelib.funds import repository as funds

    record = funds.get_application_record(objection.application_id)
    writes = [funds.objection_unlink(objection)]
    # The "object" step on the application's timeline named the account.
    writes += [funds.event_actor_anonymise(e, _tombstone()) for e in (record.events if record else [])
               if e.actor_id == principal.user_id and e.action == "object"]
    funds.write([*writes, repository.count_op(principal.person, {"objections_unlinked": 1})])


def _erase_residence(principal: Principal) -> None:
    from chalicelib.residence import repository as residence
    from chalicelib.uploads.repository import delete_under

    requests, events = residence.history(principal.person)
    for request in requests:
        repository.add_counts(principal.person, {"photos_deleted": delete_under(residence.proof_folder(request.id))})
        residence.erase_request(request, events, principal.user_id, _tombstone, _now(),
                                [repository.count_op(principal.person, {"residence_requests_erased": 1})])
    residence.erase_resident(principal.person)


def _erase_topic(topic_id: str, principal: Principal) -> None:
    from chalicelib.deliberation.erasure import topic_erasure
    from chalicelib.storage import dynamo
    from chalicelib.uploads.repository import delete_under
    from chalicelib.uploads.service import ATTACHED_PREFIX

    person = principal.person
    erasure = topic_erasure(topic_id, person, principal.user_id, _tombstone, ERASED)
    if erasure.photos_folder:
        # Before the topic stops being the person's: a repeat could no longer tell its photos were.
        repository.add_counts(person, {"photos_deleted": delete_under(f"{ATTACHED_PREFIX}{erasure.photos_folder}")})
    for chunk in erasure.chunks:
        dynamo.transact_write([*chunk.writes, repository.count_op(person, dict(chunk.tally))])


def _erase_registration(meeting_id: str, principal: Principal) -> None:
    from chalicelib.meetings import repository as meetings
    from chalicelib.storage import dynamo, traces

    person = principal.person
    writes = meetings.registration_erasure(meeting_id, person, _tombstone())
    dynamo.transact_write([*writes, traces.trace_delete(person, traces.MEETING, meeting_id),
                           repository.count_op(person, {"registrations_erased": 1 if writes else 0})])


def _erase_deliberation(principal: Principal) -> None:
    from chalicelib.storage import traces

    for kind, ref_id in traces.traces_of(principal.person):
        if kind in traces.DELIBERATION:
            step = _erase_topic if kind == traces.TOPIC else _erase_registration
            _retrying(partial(step, ref_id, principal))


def _erase_uploads(principal: Principal) -> None:
    from chalicelib.uploads.repository import delete_under
    from chalicelib.uploads.rules import PHOTOS, RECEIPTS

    for kind in (PHOTOS, RECEIPTS):
        repository.add_counts(principal.person, {"uploads_deleted": delete_under(f"{kind.prefix}{principal.user_id}/")})


def erase_me(principal: Principal) -> ErasureReceipt:
    from chalicelib.notifications import read_state
    from chalicelib.notifications.repository import delete_inbox

    require(principal, "account.erase")
    person = principal.person
    repository.begin(person, _now())
    _erase_suggestions(principal)
    for key in principal.owner_keys:
        delete_inbox(key, lambda n: repository.count_op(person, {"inbox_messages_deleted": n}))
    read_state.forget(person)
    from chalicelib.texts.repository import forget as forget_text_choice

    forget_text_choice(principal.owner_keys)  # it holds the account's sub
    for application_id in _application_ids(principal):
        _retrying(partial(_erase_application, application_id, principal))
    for owner_key, application_id in _led_on_paper(principal):
        _retrying(partial(_unlink_lead, owner_key, application_id, principal))
    for objection in _objections(principal):
        _unlink_objection(objection, principal)
    _erase_residence(principal)
    _erase_deliberation(principal)
    _erase_uploads(principal)
    # Last: while the account exists, its holder can sign in again and repeat the request.
    deleted = directory.delete_resident(principal.user_id)
    marker = repository.finish(person, deleted, _now())
    return ErasureReceipt(
        status=marker["status"], requested_at=marker["requested_at"], finished_at=marker["finished_at"],
        erased=Erased(**{name: int(marker.get(name, 0)) for name in Erased.model_fields if name != "account_deleted"},
                      account_deleted=bool(marker.get("account_deleted")) or not _account_exists(principal)),
        kept=[Kept(**entry) for entry in KEPT],
    )


def _account_exists(principal: Principal) -> bool:
    return directory.find_by_sub(directory.residents_pool_id(), principal.user_id) is not None
