"""Pools, ledger entries and applications as they are stored, as typed records.

The repository turns items into these records and back; nothing else in the package sees
an item. Records are frozen: a change is a copy (`model_copy(update=...)`) that the
repository writes under a condition on the version it was read with. Unknown attributes
of an item (its keys, index keys, `type`, the publication's `fact`) are left out on reading
and put back by the repository on writing.
"""


from pydantic import BaseModel, ConfigDict, Field

from chalicelib.funds.models import FundCategory, FundChannel, FundStatus, MovementKind


class Record(BaseModel):
    model_config = ConfigDict(frozen=True, extra="ignore", defer_build=True)


class Pool(Record):
    """A committee's money of one year. It carries no version: approvals of different
    applications must not refuse each other while the money lasts (repository.py)."""

    committee: str
    year: int
    community_type: str | None = None
    allocated_fen: int
    available_fen: int
    committed_fen: int
    disbursed_fen: int
    per_application_cap_fen: int
    per_team_cap_fen: int
    notice_days: int
    created_by: str | None = None
    created_at: str | None = None


class LedgerEntry(Record):
    """One movement of a pool's money, written once beside the pool and never changed."""

    id: str
    at: str
    kind: MovementKind
    amount_fen: int
    application_id: str | None = None
    reason: str | None = None
    actor_role: str


class Team(Record):
    name: str
    lead_name: str
    member_count: int
    building_group: str | None = None


class Line(Record):
    item: str
    unit_price_fen: int
    quantity: int
    note: str | None = None

    @property
    def total_fen(self) -> int:
        return self.unit_price_fen * self.quantity


class Spending(Record):
    """What a team spent on one line of its plan, with the receipts kept for it."""

    line: int
    actual_fen: int
    receipts: list[str] = Field(default_factory=list)


class Report(Record):
    expenses: list[Spending]
    participants: int
    outcome: str
    photos: list[str] = Field(default_factory=list)
    reported_at: str

    @property
    def actual_fen(self) -> int:
        return sum(expense.actual_fen for expense in self.expenses)


class Application(Record):
    """The whole stored state of one application (never sent as is: views.py decides who sees what)."""

    id: str
    committee: str
    year: int
    team: Team
    # Which team this is for its yearly cap, however its name is typed (rules.team_key).
    team_digest: str
    title: str
    category: FundCategory
    purpose: str
    beneficiaries: int
    beneficiary_description: str | None = None
    starts_on: str
    ends_on: str
    lines: list[Line]
    requested_fen: int
    applicant_id: str
    # The lead's inbox: an opaque owner key, a tombstone once they erased their account.
    applicant_key: str
    status: FundStatus
    version: int
    created_at: str
    updated_at: str | None = None
    submitted_at: str | None = None
    last_comment: str | None = None
    notice_starts_at: str | None = None
    notice_ends_at: str | None = None
    approved_fen: int | None = None
    advance_fen: int = 0
    disbursed_fen: int = 0
    # Counted by objections as they are filed and answered, apart from the version (repository.py).
    open_objections: int = 0
    report: Report | None = None
    # Entered by staff from a paper form or a meeting: applicant_id is then the official who
    # typed it in, the team stays the applicant of record, and officials over the committee
    # take the lead's steps for it (applications.is_applicant).
    channel: FundChannel = FundChannel.web
    lead_phone: str | None = None
    # The lead's consent to texts at lead_phone (texts/service.py); none recorded before it was asked.
    sms_consent: bool = False
    scans: list[str] = Field(default_factory=list)


class Event(Record):
    """One step on an application's timeline, which is also its audit record."""

    application_id: str
    event_id: str
    at: str
    action: str
    status: str | None = None
    actor_id: str
    actor_role: str
    reason: str | None = None
    amount_fen: int | None = None
    channel: str | None = None


class Objection(Record):
    """A resident's objection during the public notice; `objector_key` goes when they erase their account."""

    application_id: str
    id: str
    reason: str
    filed_at: str
    objector_key: str | None = None
    answer: str | None = None
    answered_at: str | None = None


class ApplicationRecord(Record):
    """An application with its timeline and objections, as one Query returns them."""

    application: Application
    events: list[Event] = Field(default_factory=list)
    objections: list[Objection] = Field(default_factory=list)

    def written(self, application: Application, event: Event | None = None,
                objections: list[Objection] | None = None) -> "ApplicationRecord":
        """The record once a transaction that wrote `application` and `event` committed: a
        change is answered from what it wrote, since a read after it could fail and turn a
        committed change into an error that invites a second one."""
        return ApplicationRecord(application=application, events=[*self.events, *([event] if event else [])],
                                 objections=self.objections if objections is None else objections)
