"""What changes a round's status once it exists: the officials' `close` and `cancel`, one
function each. The moves themselves are rules.STATUS_MOVES; the tally, the third move, is
tallying.py's. Each is one transaction conditional on the version and status read."""

from __future__ import annotations

from collections.abc import Callable

from chalicelib.auth import Principal
from chalicelib.errors import ConflictError, ErrorDetail, ValidationFailedError, rule_error
from chalicelib.storage.dynamo import ConditionFailedError
from chalicelib.voting import repository, rules
from chalicelib.voting.models import RoundAction, RoundDetail
from chalicelib.voting.records import RoundRecord
from chalicelib.voting.rules import RoundMove
from chalicelib.voting.service import get_round, load_round, now_iso, phase_of, require_manager


def act_on_round(principal: Principal, round_id: str, action: str, body: RoundAction) -> RoundDetail:
    """`close` after the evaluation, or `cancel` before the tally (rules.STATUS_MOVES)."""
    record = load_round(round_id)
    require_manager(principal, record)
    if body.version is not None and body.version != record.version:
        raise ConflictError(f"The round changed (now version {record.version}). / 活动已被他人更新。")
    act = ROUND_ACTIONS.get(action)
    if act is None:
        raise rule_error("Unknown action; use close or cancel.", "未知的操作。", "action", "unknown_action")
    act(principal, record, body)
    return get_round(principal, round_id)


def close_round(principal: Principal, record: RoundRecord, body: RoundAction) -> None:
    if not rules.may_close(phase_of(record), record.schedule.evaluation[1], now_iso()):
        raise rule_error("A round closes after its evaluation period ends.", "评价期结束后方可结束活动。", "action")
    move_round(principal, record, RoundMove.close, body.reason)


def cancel_round(principal: Principal, record: RoundRecord, body: RoundAction) -> None:
    if rules.moved_status(record.status, RoundMove.cancel) is None:
        raise ConflictError("A tallied round cannot be cancelled. / 已计票的活动不能取消。")
    if body.reason is None:
        raise ValidationFailedError(details=[ErrorDetail(field="reason", type="missing", message="required for cancel",
                                                         message_zh="此操作必须填写")])
    move_round(principal, record, RoundMove.cancel, body.reason)


ROUND_ACTIONS: dict[str, Callable[[Principal, RoundRecord, RoundAction], None]] = {
    RoundMove.close.value: close_round,
    RoundMove.cancel.value: cancel_round,
}


def move_round(principal: Principal, record: RoundRecord, move: RoundMove, reason: str | None) -> None:
    """Write the round's next status, conditional on the version and status it was read with."""
    target = rules.moved_status(record.status, move)
    if target is None:
        raise ConflictError(f"The round is {record.status.value}. / 活动状态不允许此操作。")
    updated = record.model_copy(update={"status": target, "version": record.version + 1})
    try:
        repository.write([repository.round_versioned_put(updated, record),
                          repository.audit(record.id, move.value, principal.user_id, principal.role.value, reason=reason)])
    except ConditionFailedError as exc:
        raise ConflictError("The round changed meanwhile. / 活动已被他人更新。") from exc
