"""The SMS sender: each message published to the notifications topic is texted to its recipient
if it is a decision worth a text, they agreed, the day's cap allows it and it is not the quiet
hours (then it waits for 08:00, never dropped). Also a resident's own choice.

Retries are the queue's: a message that raises stays on it and comes back, so each step is
safe to repeat. The day's count keeps the message ids it counted, the quiet hours' item is put
once per message, and the sending itself runs once per message id (Powertools idempotency on
the idempotency table): a batch handed out again never texts twice. The phone number is read
when the text goes, never stored, never logged.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime
from functools import lru_cache
from typing import Any

from chalicelib import clock
from chalicelib.auth import Principal, is_someone, require
from chalicelib.observability import count, logger
from chalicelib.privacy import mask_phone
from chalicelib.settings import get_settings
from chalicelib.texts import repository, rules
from chalicelib.texts.models import TextPreference, TextPreferenceChange


def handle_batch(event: dict[str, Any], context: Any = None) -> dict[str, Any]:
    """An SQS batch in Lambda's shape (the topic's messages, raw); answers the partial-failure response."""
    if context is not None and hasattr(context, "get_remaining_time_in_millis"):
        # A send left in progress by a timed-out invocation may be tried again once it would have ended.
        _config().register_lambda_context(context)
    from aws_lambda_powertools.utilities.batch import BatchProcessor, EventType
    from aws_lambda_powertools.utilities.data_classes.sqs_event import SQSRecord

    def one(record: SQSRecord) -> str:
        message = json.loads(record.body)
        # Messages published as the change committed carry no inbox id; the queue's own id is
        # the same on every delivery of the message, which is what a retry repeats.
        return deliver({**message, "id": message.get("id") or record.message_id}, clock.utc_now())

    processor = BatchProcessor(event_type=EventType.SQS, raise_on_entire_batch_failure=False)
    with processor(records=list(event.get("Records") or []), handler=one):
        outcomes = processor.process()
    for status, outcome, _ in outcomes:
        count(f"Text_{outcome if status == 'success' else 'failed'}")
    return dict(processor.response())


def deliver(message: dict[str, Any], now: datetime) -> str:
    """What became of one message: sent, deferred, or why not."""
    recipient = str(message.get("recipient") or "")
    if not rules.worth_a_text(message) or not is_someone(recipient) or not message.get("id"):
        return "not_worth_a_text"
    phone = _phone_for(recipient, message)
    if phone is None:
        return "not_wanted"
    epoch = int(now.timestamp())
    later = rules.quiet_until(now) if get_settings().sms_quiet_hours else None
    if later is not None:
        repository.defer(rules.shanghai_day(later), message, epoch)
        logger.info("text deferred", extra={"message_id": message["id"], "until": clock.iso(later)})
        return "deferred"
    if not repository.count_for_day(recipient, rules.shanghai_day(now), str(message["id"]),
                                    get_settings().sms_daily_cap, epoch):
        logger.info("text over the day's cap", extra={"message_id": message["id"]})
        return "over_cap"
    _send_once(str(message["id"]), phone, rules.text_of(message))
    logger.info("text sent", extra={"message_id": message["id"]})
    return "sent"


def _phone_for(recipient: str, message: dict[str, Any]) -> str | None:
    """A resident's choice wins; without one, a case or fund application staff entered for a
    number with the resident's consent is texted to that number (the form's 居民同意短信通知)."""
    chosen = repository.preference(recipient)
    if chosen is not None and not chosen.enabled:
        return None
    if chosen is not None and chosen.sub:
        phone = repository.verified_phone_of(chosen.sub)
        if phone:
            return phone
    entered = _entered_phone(recipient, message)
    if entered is None:
        return None
    phone, consent = entered
    return phone if consent or chosen is not None else None


# What staff entered for a resident: (whose inbox it reaches, the number typed in, their consent).
Entered = tuple[str, str | None, bool]


def _entered_case(case_id: str) -> Entered | None:
    from chalicelib.suggestions.repository import get_case

    case = get_case(case_id)
    return None if case is None else (case.submitter, case.submitter_phone, case.sms_consent)


def _entered_application(application_id: str) -> Entered | None:
    from chalicelib.funds.models import FundChannel
    from chalicelib.funds.repository import get_application

    application = get_application(application_id)
    if application is None or application.channel is FundChannel.web:
        return None
    return application.applicant_key, application.lead_phone, application.sms_consent


ENTERED_FOR: dict[str, Callable[[str], Entered | None]] = {
    "suggestion": _entered_case,
    "fund_application": _entered_application,
}


def _entered_phone(recipient: str, message: dict[str, Any]) -> tuple[str, bool] | None:
    """The number the subject was entered for, while the message is still for whoever it names."""
    entered_for = ENTERED_FOR.get(str(message.get("subject_type")))
    entered = entered_for(str(message.get("subject_id"))) if entered_for else None
    if entered is None:
        return None
    owner, phone, consent = entered
    if owner != recipient or not phone:
        return None
    return phone, consent


def _send_once(message_id: str, phone: str, text: str) -> None:
    """Publish once per inbox message id: a retry after the text went returns the stored result."""
    from aws_lambda_powertools.utilities.idempotency import idempotent_function

    from chalicelib import aws

    def send_text(message: dict[str, str]) -> dict[str, str]:
        return {"sms": repository.send_sms(phone, text)}

    persistence = _persistence_on(aws.client("dynamodb"), get_settings().idempotency_table_name)
    idempotent_function(data_keyword_argument="message", persistence_store=persistence,
                        config=_config())(send_text)(message={"id": message_id})


# A layer of its own: Powertools configures a layer once, with the first key expression it is
# given, and the API's layer keys by caller and Idempotency-Key.
@lru_cache(maxsize=1)
def _persistence_on(dynamodb: Any, table_name: str) -> Any:
    from aws_lambda_powertools.utilities.idempotency import DynamoDBPersistenceLayer

    return DynamoDBPersistenceLayer(table_name=table_name, boto3_client=dynamodb)


@lru_cache(maxsize=1)
def _config() -> Any:
    from aws_lambda_powertools.utilities.idempotency import IdempotencyConfig

    # Days: a message is retried for hours at most, and deferred ones go the next morning.
    return IdempotencyConfig(event_key_jmespath="id", raise_on_no_idempotency_key=True,
                             expires_after_seconds=3 * 24 * 3600)


def send_deferred(now: datetime) -> dict[str, int]:
    """08:00 Shanghai: the texts the night held back (and yesterday's, should a run have failed)."""
    from datetime import timedelta

    totals: dict[str, int] = {}
    for day in (rules.shanghai_day(now - timedelta(days=1)), rules.shanghai_day(now)):
        start: Any = None
        while True:
            held, start = repository.deferred_page(day, start)
            for key, message in held:
                try:
                    outcome = deliver(message, now)
                except Exception as exc:  # noqa: BLE001 - kept for the next run, the others still go
                    logger.warning("deferred text failed", extra={"message_id": message.get("id"),
                                                                  "error": type(exc).__name__})
                    continue
                if outcome != "deferred":
                    repository.drop_deferred(key)
                totals[outcome] = totals.get(outcome, 0) + 1
            if not start:
                break
    return totals


# --- a resident's own choice ----------------------------------------------------------------


def my_preference(principal: Principal) -> TextPreference:
    require(principal, "notification.texts_own")
    chosen = repository.preference(principal.person)
    phone = principal.verified_phone
    return TextPreference(sms=bool(chosen and chosen.enabled), phone_masked=mask_phone(phone) if phone else None)


def set_my_preference(principal: Principal, body: TextPreferenceChange) -> TextPreference:
    """Kept under each of the person's keys, so cases entered for their number follow it too."""
    require(principal, "notification.texts_own")
    if body.sms and not principal.verified_phone:
        from chalicelib.errors import rule_error

        raise rule_error("a verified mobile number is needed for texts", "需先验证手机号码才能接收短信",
                         "sms", "verified_phone_required")
    owners: list[tuple[str, str | None]] = [(key, principal.user_id if key == principal.person else None)
                                            for key in principal.owner_keys]
    repository.set_preference(owners, body.sms, clock.iso(clock.utc_now()))
    return my_preference(principal)
