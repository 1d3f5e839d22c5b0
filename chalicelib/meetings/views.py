"""What each caller sees of a meeting: officials of its jurisdiction get the registrations
(masked phones) and the texts as written; everyone else gets the texts scrubbed of phone and
ID numbers, and no one else's registration."""

from __future__ import annotations

from collections.abc import Callable

from chalicelib.meetings import rules
from chalicelib.meetings.models import (
    CarriedTo,
    CarryTarget,
    ConventionView,
    DecisionView,
    MeetingDetail,
    MeetingSummary,
    MinutesView,
    RegistrationView,
)
from chalicelib.meetings.records import ConventionRecord, DecisionRecord, MeetingContents, MeetingRecord
from chalicelib.scrub import scrub

PhotoLinks = Callable[[list[str]], list[str]]


def summary_of(meeting: MeetingRecord) -> MeetingSummary:
    return MeetingSummary(id=meeting.id, kind=meeting.kind, division=meeting.division, title=scrub(meeting.title),
                          starts_at=meeting.starts_at, ends_at=meeting.ends_at, place=scrub(meeting.place),
                          status=meeting.status, registered=meeting.registered, capacity=meeting.capacity)


def carried_view(decision: DecisionRecord) -> CarriedTo | None:
    carried = decision.carried
    if carried is None:
        return None
    round_id = project_id = None
    if carried.target is CarryTarget.pb_proposal:
        round_id, project_id = carried.ref_id.split("/", 1)
    return CarriedTo(target=carried.target, ref_id=carried.ref_id, round_id=round_id, project_id=project_id,
                     at=carried.at)


def decision_view(decision: DecisionRecord, official: bool) -> DecisionView:
    return DecisionView(id=decision.id, text=decision.text if official else scrub(decision.text),
                        votes_for=decision.votes_for, votes_against=decision.votes_against,
                        votes_abstain=decision.votes_abstain, passed=decision.passed, decided_at=decision.decided_at,
                        carried_to=carried_view(decision))


def detail_of(contents: MeetingContents, now_iso: str, official: bool, person: str | None,
              photo_links: PhotoLinks) -> MeetingDetail:
    meeting = contents.meeting
    assert meeting is not None  # the service answered 404 otherwise
    shown: Callable[[str], str] = (lambda text: text) if official else scrub
    mine = next((r for r in contents.registrations if person is not None and r.person == person), None)
    present = set(meeting.present)
    minutes = None
    if meeting.minutes_text is not None and meeting.minutes_at is not None:
        minutes = MinutesView(text=shown(meeting.minutes_text), photos=photo_links(list(meeting.minutes_photos)),
                              recorded_at=meeting.minutes_at)
    return MeetingDetail(
        **summary_of(meeting).model_dump(),
        agenda=shown(meeting.agenda),
        topic_ids=list(meeting.topic_ids),
        version=meeting.version,
        attendance=meeting.attendance,
        minutes=minutes,
        decisions=[decision_view(d, official) for d in contents.decisions],
        cancelled_reason=shown(meeting.cancelled_reason) if meeting.cancelled_reason else None,
        my_registration=mine.id if mine else None,
        registrations=[RegistrationView(id=r.id, name=r.name, phone=r.phone, registered_at=r.registered_at,
                                        present=r.id in present) for r in contents.registrations] if official else None,
        allowed_actions=rules.allowed_actions(meeting, now_iso, official, mine is not None),
    )


def convention_view(convention: ConventionRecord) -> ConventionView:
    return ConventionView(id=convention.id, division=convention.division, title=scrub(convention.title),
                          text=scrub(convention.text), meeting_id=convention.meeting_id,
                          decision_id=convention.decision_id, votes_for=convention.votes_for,
                          votes_against=convention.votes_against, votes_abstain=convention.votes_abstain,
                          published_at=convention.published_at)
