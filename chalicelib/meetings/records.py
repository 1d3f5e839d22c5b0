"""What a meeting, a registration, a decision and a convention are once stored."""

from __future__ import annotations

from dataclasses import dataclass, field

from chalicelib.meetings.models import CarryTarget, MeetingKind, MeetingStatus


@dataclass(frozen=True)
class Carried:
    target: CarryTarget
    ref_id: str
    at: str
    by: str


@dataclass(frozen=True)
class DecisionRecord:
    id: str
    meeting_id: str
    text: str
    votes_for: int
    votes_against: int
    votes_abstain: int
    decided_at: str
    decided_by: str
    carried: Carried | None = None
    # Who is carrying it right now (their user id) and where to: taken before the target is
    # created in its own domain, so that two officials never carry one decision twice.
    pending_by: str | None = None
    pending_target: CarryTarget | None = None

    @property
    def passed(self) -> bool:
        cast = self.votes_for + self.votes_against + self.votes_abstain
        return self.votes_for * 2 > cast


@dataclass(frozen=True)
class RegistrationRecord:
    id: str
    person: str
    registered_at: str
    name: str | None = None
    phone: str | None = None  # masked when stored


@dataclass(frozen=True)
class MeetingRecord:
    id: str
    kind: MeetingKind
    division: str
    title: str
    topic_ids: tuple[str, ...]
    starts_at: str
    ends_at: str
    place: str
    agenda: str
    status: MeetingStatus
    version: int
    created_by: str
    created_at: str
    capacity: int | None = None
    registered: int = 0
    attendance: int | None = None
    present: tuple[str, ...] = ()
    held_at: str | None = None
    minutes_text: str | None = None
    minutes_photos: tuple[str, ...] = ()
    minutes_at: str | None = None
    cancelled_reason: str | None = None


@dataclass(frozen=True)
class MeetingContents:
    meeting: MeetingRecord | None = None
    registrations: list[RegistrationRecord] = field(default_factory=list)
    decisions: list[DecisionRecord] = field(default_factory=list)


@dataclass(frozen=True)
class ConventionRecord:
    id: str
    division: str
    title: str
    text: str
    meeting_id: str
    decision_id: str
    votes_for: int
    votes_against: int
    votes_abstain: int
    published_at: str
    published_by: str
