"""Every key the platform writes is built here, so that item layouts stay consistent.

Prefixes name the item type; division codes sit inside keys so that district and street
roll-ups are `begins_with` conditions. Every item family, with its purpose,
indexes and expected size, is listed in ACCESS_PATTERNS.md beside this file: a new family
built here gets its row there.
"""

from __future__ import annotations

import hashlib
from datetime import date

from chalicelib.division_codes import parent_of

ROOT = "ROOT"


def division_key(code: str) -> dict[str, str]:
    """A division lives in its parent's partition, so listing children is one Query."""
    return {"PK": division_children_partition(parent_of(code) or ROOT), "SK": f"DIV#{code}"}


def division_children_partition(code: str) -> str:
    return f"DIV#{code}"


def audit_key(subject: str, at_iso: str, event_id: str) -> dict[str, str]:
    """History of one subject, oldest first; never overwritten (see storage/audit.py)."""
    return {"PK": f"AUDIT#{subject}", "SK": f"{at_iso}#{event_id}"}


CALENDAR_PARTITION = "CALENDAR"
CALENDAR_YEAR_PREFIX = "YEAR#"


def calendar_year_key(year: int) -> dict[str, str]:
    """Every stored year sits in one small partition, so the whole calendar is one Query."""
    return {"PK": CALENDAR_PARTITION, "SK": f"{CALENDAR_YEAR_PREFIX}{year:04d}"}


HEALTH_KEY = {"PK": "HEALTH", "SK": "HEALTH"}


# Suggestions: the case, its timeline, its queue entries and its ratings share one
# partition, so one Query reads a case whole (see suggestions/repository.py).
def suggestion_partition(suggestion_id: str) -> str:
    return f"SUG#{suggestion_id}"


def suggestion_key(suggestion_id: str) -> dict[str, str]:
    return {"PK": suggestion_partition(suggestion_id), "SK": "CASE"}


def suggestion_event_key(suggestion_id: str, at_iso: str, event_id: str) -> dict[str, str]:
    return {"PK": suggestion_partition(suggestion_id), "SK": f"EVT#{at_iso}#{event_id}"}


def suggestion_queue_entry_key(suggestion_id: str, scope: str) -> dict[str, str]:
    return {"PK": suggestion_partition(suggestion_id), "SK": f"Q#{scope}"}


def suggestion_rating_key(suggestion_id: str, reply_round: int, submitter: str) -> dict[str, str]:
    return {"PK": suggestion_partition(suggestion_id), "SK": f"RATING#{reply_round:03d}#{submitter}"}


def tracking_number_key(tracking_no: str) -> dict[str, str]:
    return {"PK": f"TRACK#{tracking_no}", "SK": "TRACK"}


def submitter_partition(submitter: str) -> str:
    return f"SUBMITTER#{submitter}"


def queue_partition(scope: str, bucket: str) -> str:
    return f"QUEUE#{scope}#{bucket}"


def due_partition(scope: str) -> str:
    return f"DUE#{scope}"


def inbox_key(recipient: str, at_iso: str, notification_id: str) -> dict[str, str]:
    return {"PK": inbox_partition(recipient), "SK": f"{at_iso}#{notification_id}"}


def inbox_partition(recipient: str) -> str:
    return f"INBOX#{recipient}"


# Apart from the inbox's partition, which is read newest first and would list the marker.
def inbox_read_key(person: str) -> dict[str, str]:
    return {"PK": f"INBOXREAD#{person}", "SK": "READ"}


# Participatory budgeting: a round and everything public about it share one partition;
# rosters live apart in the main table; voters' one-ballot records, used paper codes and the
# ballots live in the ballots table, out of the main table's stream (voting/repository.py).
def round_partition(round_id: str) -> str:
    return f"ROUND#{round_id}"


def round_key(round_id: str) -> dict[str, str]:
    return {"PK": round_partition(round_id), "SK": "ROUND"}


def round_item_key(round_id: str, kind: str, *parts: str) -> dict[str, str]:
    return {"PK": round_partition(round_id), "SK": "#".join((kind, *parts))}


def tally_job_key(round_id: str) -> dict[str, str]:
    """Where a round's count stands (voting/tally_jobs.py): one job per round, beside its result."""
    return {"PK": round_partition(round_id), "SK": "TALLY"}


def rounds_of_scope_partition(scope: str) -> str:
    return f"ROUNDS#{scope}"


# Every round in one small index partition by scope, so any division's rounds and those of
# every division inside it are one `begins_with` Query (review/repository.py).
ROUNDS_TREE = "ROUNDTREE"


def rounds_tree_keys(scope: str, voting_starts: str, round_id: str) -> dict[str, str]:
    return {"GSI1PK": ROUNDS_TREE, "GSI1SK": f"{scope}#{voting_starts}#{round_id}"}


def roster_key(round_id: str, phone_digest: str) -> dict[str, str]:
    return {"PK": f"ROSTER#{round_id}#{phone_digest}", "SK": "ROSTER"}


def voting_code_key(round_id: str, code_digest: str) -> dict[str, str]:
    return {"PK": f"CODE#{round_id}#{code_digest}", "SK": "CODE"}


def voter_record_key(round_id: str, voter_digest: str) -> dict[str, str]:
    return {"PK": f"VOTER#{round_id}#{voter_digest}", "SK": "VOTER"}


def ballot_partition(round_id: str, shard: int) -> str:
    return f"BALLOT#{round_id}#{shard:02d}"


def ballot_key(round_id: str, shard: int, ballot_id: str) -> dict[str, str]:
    """The shard is drawn at random and the id is random: the key says nothing of the voter."""
    return {"PK": ballot_partition(round_id, shard), "SK": f"B#{ballot_id}"}


def legacy_ballot_key(round_id: str, shard: int, receipt: str) -> dict[str, str]:
    """Where ballots cast before the ballots table sat: under their voter's shard and receipt."""
    return {"PK": ballot_partition(round_id, shard), "SK": f"R#{receipt}"}


def evaluator_record_key(round_id: str, voter_digest: str, project_id: str) -> dict[str, str]:
    return {"PK": f"EVALUATOR#{round_id}#{voter_digest}#{project_id}", "SK": "EVALUATOR"}


# Autonomy funds: a pool and its ledger share one partition; an application, its timeline
# and its objections another; a team's yearly grant total a third (funds/repository.py).
def pool_partition(committee: str, year: int) -> str:
    return f"POOL#{committee}#{year:04d}"


def pool_key(committee: str, year: int) -> dict[str, str]:
    return {"PK": pool_partition(committee, year), "SK": "POOL"}


def ledger_entry_key(committee: str, year: int, at_iso: str, entry_id: str) -> dict[str, str]:
    return {"PK": pool_partition(committee, year), "SK": f"LEDGER#{at_iso}#{entry_id}"}


def pools_of_street_partition(street: str, year: int) -> str:
    return f"POOLS#{street}#{year:04d}"


def fund_application_partition(application_id: str) -> str:
    return f"FUNDAPP#{application_id}"


def fund_application_key(application_id: str) -> dict[str, str]:
    return {"PK": fund_application_partition(application_id), "SK": "APP"}


def fund_application_item_key(application_id: str, kind: str, *parts: str) -> dict[str, str]:
    return {"PK": fund_application_partition(application_id), "SK": "#".join((kind, *parts))}


def applications_of_pool_partition(committee: str, year: int) -> str:
    return f"FUNDAPPS#{committee}#{year:04d}"


def applicant_partition(user_id: str) -> str:
    return f"APPLICANT#{user_id}"


def fund_review_entry_key(application_id: str) -> dict[str, str]:
    """Beside the application: what officials owe it, indexed only while they owe something."""
    return fund_application_item_key(application_id, "REVIEW")


def fund_review_partition(awaiting: str) -> str:
    """`awaiting`: committee or street. One partition per level, sorted by committee code, so a
    committee, a street, a district or the city is one `begins_with` Query."""
    return f"FUNDREVIEW#{awaiting}"


def team_grant_key(committee: str, year: int, team_digest: str) -> dict[str, str]:
    return {"PK": f"FUNDTEAM#{committee}#{year:04d}#{team_digest}", "SK": "TEAM"}


# Monthly publication: where each month's latest run stands (publishing/repository.py).
def publication_key(month: str) -> dict[str, str]:
    return {"PK": f"PUBLICATION#{month}", "SK": "STATUS"}


HELD_BACK_PREFIX = "HELD#"


# Texts a month's publication held back sit beside its status: one Query lists them.
def held_back_key(month: str, source_key: str) -> dict[str, str]:
    """`source_key`: {kind}#{record id}#{field} (publishing/held_back.py)."""
    return {"PK": f"PUBLICATION#{month}", "SK": f"{HELD_BACK_PREFIX}{source_key}"}


# Residence verification: a request and its timeline share one partition; a person's
# current residence and pending request live in the person's own (residence/repository.py).
def residence_request_partition(request_id: str) -> str:
    return f"RESIDENCE#{request_id}"


def residence_request_key(request_id: str) -> dict[str, str]:
    return {"PK": residence_request_partition(request_id), "SK": "REQUEST"}


def residence_event_key(request_id: str, at_iso: str, event_id: str) -> dict[str, str]:
    return {"PK": residence_request_partition(request_id), "SK": f"EVT#{at_iso}#{event_id}"}


def resident_partition(person: str) -> str:
    return f"RESIDENT#{person}"


def current_residence_key(person: str) -> dict[str, str]:
    return {"PK": resident_partition(person), "SK": "CURRENT"}


def pending_residence_key(person: str) -> dict[str, str]:
    return {"PK": resident_partition(person), "SK": "PENDING"}


def residence_queue_partition(district: str, status: str) -> str:
    return f"RESIDENCES#{district}#{status}"


# Officials' accounts: one item per official, keyed on their Cognito sub (the authorizer
# reads it by that key); GSI1 lists a division's officials and those below it (staff/repository.py).
OFFICIALS_DIRECTORY = "OFFICIALS"


def official_key(sub: str) -> dict[str, str]:
    return {"PK": f"OFFICIAL#{sub}", "SK": "ACCOUNT"}


def officials_directory_keys(division: str, sub: str) -> dict[str, str]:
    """The division leads the sort key, so `begins_with(division)` lists it and every division inside."""
    return {"GSI1PK": OFFICIALS_DIRECTORY, "GSI1SK": f"{division}#{sub}"}


# The officials' morning digest: one marker per official and Shanghai day, written with the
# digest's inbox message, so that a rerun or a second run at once sends nothing twice.
DIGEST_PREFIX = "DIGEST#"


def digest_marker_key(sub: str, day: str) -> dict[str, str]:
    return {"PK": f"{DIGEST_PREFIX}{sub}", "SK": day}


# Personal data rights: an erased person's marker, which refuses their writes while a token
# issued before the erasure still verifies (accounts/repository.py).
def erasure_key(person: str) -> dict[str, str]:
    return {"PK": f"ERASURE#{person}", "SK": "ERASURE"}


def objections_by_partition(objector: str) -> str:
    """A person's objections to fund applications, for their data export and erasure (GSI1)."""
    return f"OBJECTIONS_BY#{objector}"


# The activity index (storage/activity.py): GSI1 keys added to the events a month's
# summary counts, so that the publication reads a month without a read per record.
def activity_partition(month: str, shard: int) -> str:
    return f"ACTIVITY#{month}#{shard:02d}"


def activity_index_keys(month: str, shard: int, at_iso: str, record_id: str) -> dict[str, str]:
    return {"GSI1PK": activity_partition(month, shard), "GSI1SK": f"{at_iso}#{record_id}"}


# Per-identity limits (ratelimit.py): one counter per identity, limit and window, so no key
# is shared between people; the identity is a keyed digest (an address is personal data).
def limit_counter_key(limit_name: str, identity_digest: str, window_start: int) -> dict[str, str]:
    return {"PK": f"LIMIT#{limit_name}#{identity_digest}", "SK": f"WINDOW#{window_start}"}


# Idempotency claims (idempotency.py): written in the transaction of the record a request
# creates, keyed by a digest of the caller and their Idempotency-Key.
def idempotency_claim_key(claim_digest: str) -> dict[str, str]:
    return {"PK": f"CLAIM#{claim_digest}", "SK": "CLAIM"}


# Live counters (live/repository.py): one item per division, Shanghai day and shard; the
# day first in the sort key, so a range of days is one Query per division.
def live_counter_partition(division: str) -> str:
    return f"LIVE#{division}"


def live_counter_key(division: str, day: str, shard: int) -> dict[str, str]:
    return {"PK": live_counter_partition(division), "SK": f"DAY#{day}#{shard:02d}"}


def live_counter_range(division: str, first_day: str, last_day: str) -> tuple[str, str]:
    """The sort keys bounding every shard of every day from `first_day` to `last_day`."""
    return f"DAY#{first_day}#00", f"DAY#{last_day}#99"


def live_counter_day(sort_key: str) -> str:
    return sort_key.split("#")[1]


# A closed ISO week's counters of one division, summed over its days and shards by the hourly
# publisher (live/rollups.py), in the counters' partition: the year a read spans is then about
# 64 of these and the few days around its edges, not 450 days × 8 shards.
def live_rollup_key(division: str, monday: str) -> dict[str, str]:
    return {"PK": live_counter_partition(division), "SK": f"WEEK#{monday}"}


def live_rollup_range(first_monday: str, last_monday: str) -> tuple[str, str]:
    return f"WEEK#{first_monday}", f"WEEK#{last_monday}"


# The live index (chalicelib/live/). Committee counter items carry GSI1 keys by ISO week so
# that the hourly publisher finds the committees active in the last weeks with a Query per
# week and part, never a Scan; the parts spread one week's index writes.
LIVE_ACTIVE_PARTS = 8


def live_active_partition(committee: str, day: str) -> str:
    year, week, _ = date.fromisoformat(day).isocalendar()
    part = int.from_bytes(hashlib.blake2b(committee.encode(), digest_size=2).digest(), "big") % LIVE_ACTIVE_PARTS
    return live_active_part(f"{year}-W{week:02d}", part)


def live_active_part(iso_week: str, part: int) -> str:
    return f"LIVEACTIVE#{iso_week}#{part}"


def live_active_sort_key(committee: str, day: str) -> str:
    return f"{committee}#{day}"


def index_entry_partition(division: str) -> str:
    """A division's quarterly entered indicators: one item per quarter, one Query for all."""
    return f"INDEXENTRY#{division}"


def index_entry_key(division: str, quarter: str) -> dict[str, str]:
    return {"PK": index_entry_partition(division), "SK": f"QUARTER#{quarter}"}


# Deliberation (议题): a topic with its supports, comments, reports, appeal and path share one
# partition, so a topic page is one Query (deliberation/repository.py). GSI1 lists a division's
# topics, newest first; GSI2 holds a street's moderation and scheduling queue, committee first.
def topic_partition(topic_id: str) -> str:
    return f"TOPIC#{topic_id}"


def topic_key(topic_id: str) -> dict[str, str]:
    return {"PK": topic_partition(topic_id), "SK": "TOPIC"}


def topic_item_key(topic_id: str, kind: str, *parts: str) -> dict[str, str]:
    """kind: SUPPORT (#{person}), COMMENT (#{at}#{id}), REPORT (#{target}#{person}), APPEAL (#{target}), PATH (#{at}#{step})."""
    return {"PK": topic_partition(topic_id), "SK": "#".join((kind, *parts))}


def topics_of_division_partition(division: str) -> str:
    return f"TOPICS#{division}"


def topic_queue_partition(street: str) -> str:
    return f"TOPICQUEUE#{street}"


def deliberation_settings_key(division: str) -> dict[str, str]:
    return {"PK": f"DELIBSET#{division}", "SK": "SETTINGS"}


# Where a person took part in deliberation (storage/traces.py): one item per topic or meeting
# partition holding their key, written with their post, support or registration, so that
# erasing them finds those partitions by a Query instead of reading every topic.
def person_trace_partition(person: str) -> str:
    return f"TRACE#{person}"


def person_trace_key(person: str, kind: str, ref_id: str) -> dict[str, str]:
    return {"PK": person_trace_partition(person), "SK": f"{kind}#{ref_id}"}


# Meetings (meetings/repository.py): a meeting with its registrations and decisions in one
# partition, read whole in one Query; listed by division on GSI1, by start time.
def meeting_partition(meeting_id: str) -> str:
    return f"MEETING#{meeting_id}"


def meeting_key(meeting_id: str) -> dict[str, str]:
    return {"PK": meeting_partition(meeting_id), "SK": "MEETING"}


def meeting_registration_key(meeting_id: str, person: str) -> dict[str, str]:
    return {"PK": meeting_partition(meeting_id), "SK": f"REG#{person}"}


def meeting_decision_key(meeting_id: str, decision_id: str) -> dict[str, str]:
    return {"PK": meeting_partition(meeting_id), "SK": f"DECISION#{decision_id}"}


def meetings_of_division_keys(division: str, starts_at: str, meeting_id: str) -> dict[str, str]:
    return {"GSI1PK": meetings_of_division_partition(division), "GSI1SK": f"{starts_at}#{meeting_id}"}


def meetings_of_division_partition(division: str) -> str:
    return f"MEETINGS#{division}"


# Residents' conventions (居民公约) a meeting's decision published; listed by division on GSI1.
def convention_key(convention_id: str) -> dict[str, str]:
    return {"PK": f"CONVENTION#{convention_id}", "SK": "CONVENTION"}


def conventions_of_division_keys(division: str, published_at: str, convention_id: str) -> dict[str, str]:
    return {"GSI1PK": conventions_of_division_partition(division), "GSI1SK": f"{published_at}#{convention_id}"}


def conventions_of_division_partition(division: str) -> str:
    return f"CONVENTIONS#{division}"


def index_entry_audit_key(division: str, quarter: str, at_iso: str, event_id: str) -> dict[str, str]:
    """An entry's audit events beside it, so that one Query returns the entries with their trail."""
    return {"PK": index_entry_partition(division), "SK": f"AUDIT#{quarter}#{at_iso}#{event_id}"}


# --- residents' text messages (texts/) -------------------------------------------------------
def text_preference_key(owner: str) -> dict[str, str]:
    """Whether texts go to this owner key (a person, or a pending number's key) and, for a
    person, the `sub` their verified number is read by."""
    return {"PK": f"SMSPREF#{owner}", "SK": "PREF"}


def texts_of_day_key(owner: str, day: str) -> dict[str, str]:
    return {"PK": f"SMSDAY#{owner}", "SK": day}


def deferred_texts_partition(day: str) -> str:
    """Texts held back by the quiet hours, by the Shanghai day they go out on (at 08:00)."""
    return f"SMSLATER#{day}"


def deferred_text_key(day: str, message_id: str) -> dict[str, str]:
    return {"PK": deferred_texts_partition(day), "SK": message_id}
