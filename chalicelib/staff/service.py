"""Use cases of officials' accounts.

The table's account item is the gate the API's authorizer checks on every officials' token;
Cognito decides who may sign in and what the next token carries. The two are written one
after the other, never together, so each action is ordered to fail on the safe side:
whatever narrows access (disable, move, reset_mfa) is written to the table first, so that
from that moment the authorizer refuses the old tokens whatever happens to the Cognito
step; whatever widens it (enable) goes to Cognito first and to the table last, so a failure
leaves the official still refused. A Cognito step that fails after the table was written
is answered 503, and the same action sent again (with the account's new version) finds the
table already in the target state and completes the Cognito step alone.
"""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Callable
from typing import Any

from chalicelib import clock
from chalicelib.auth import JURISDICTION_LEVEL, Principal, Role, require
from chalicelib.divisions import repository as divisions
from chalicelib.divisions.rules import is_within
from chalicelib.errors import (
    ConflictError,
    ErrorDetail,
    ForbiddenError,
    NotFoundError,
    ServiceUnavailableError,
    ValidationFailedError,
)
from chalicelib.models import action_named
from chalicelib.privacy import mask_phone
from chalicelib.staff import repository, rules
from chalicelib.staff.models import (
    AccountStatus,
    Action,
    Official,
    OfficialActionRequest,
    OfficialCreate,
    OfficialPage,
    OfficialQuery,
)
from chalicelib.storage.pagination import decode_cursor, encode_cursor

log = logging.getLogger(__name__)

NOT_FOUND = "No such official in your jurisdiction. / 您的辖区内没有这个工作人员。"
# A Cognito sub is a UUID; anything else is not an account, and must not reach a ListUsers filter.
SUB_PATTERN = re.compile(r"[0-9a-fA-F-]{8,64}")
DIGITS = {"city": 2, "district": 6, "street": 9, "committee": 12}
LEVEL_ZH = {"city": "市", "district": "区", "street": "街道", "committee": "居委会"}
IMPORTED = "imported"
SYSTEM = "system"


def _field_error(field: str, message: str, message_zh: str, kind: str = "value_error") -> ErrorDetail:
    return ErrorDetail(field=field, type=kind, message=message, message_zh=message_zh)


def _view(record: dict[str, Any]) -> Official:
    return Official(id=record["sub"], **{k: v for k, v in record.items() if k in Official.model_fields and k != "id"})


def _now_epoch() -> float:
    # Compared with a token's `iat`, which Cognito stamps from the real clock: never the
    # platform's business clock, which tests move to other years.
    return time.time()


def _check_division(role: Role, division: str) -> None:
    if not rules.fits(role, division):
        level = JURISDICTION_LEVEL[role]
        raise ValidationFailedError(details=[_field_error(
            "division", f"a {role.value} holds a {level} ({DIGITS[level]} digits)",
            f"该角色的辖区应为{LEVEL_ZH[level]}级区划",
            "wrong_level")])


def _check_exists(division: str) -> None:
    if divisions.get_division(division) is None:
        raise ValidationFailedError(details=[_field_error("division", "no such division", "区划不存在", "unknown")])


# --- create --------------------------------------------------------------------------------


def create_official(principal: Principal, body: OfficialCreate) -> Official:
    require(principal, "staff.manage")
    role = Role(body.role.value)
    if not rules.may_create(principal.role, role):
        below = rules.CREATES.get(principal.role)
        raise ForbiddenError(
            f"A {principal.role.value} creates {below.value if below else 'no'} accounts, not {role.value}. / "
            "只能创建下一级工作人员的账号。",
            details=[_field_error("role", f"may create: {below.value if below else 'none'}", "无权创建该角色", "forbidden")],
        )
    _check_division(role, body.division)
    require(principal, "staff.manage", body.division)
    _check_exists(body.division)
    # Cognito first: the number must be free there, and the account's sub is the directory
    # item's key. Cognito makes the temporary password and texts it to the number.
    sub, username = repository.create_in_pool(body.phone, body.division, role.value)
    now = clock.iso(clock.utc_now())
    record = {
        "sub": sub, "phone_masked": mask_phone(body.phone), "name": body.name, "role": role.value,
        "division": body.division, "status": AccountStatus.active.value, "created_at": now,
        "created_by": principal.user_id, "created_by_role": principal.role.value, "updated_at": now, "version": 1,
    }
    try:
        repository.insert(record, action="create", actor_id=principal.user_id, actor_role=principal.role.value, at=now)
    except Exception:
        # An account its administrators cannot see or manage, whose number a retry would
        # find taken, is worse than none: undo it (its temporary password then opens nothing).
        repository.remove_from_pool(username)
        raise
    return _view(record)


# --- list ----------------------------------------------------------------------------------


def list_officials(principal: Principal, query: OfficialQuery) -> OfficialPage:
    require(principal, "staff.read")
    division = query.division or principal.jurisdiction or ""
    require(principal, "staff.read", division)
    scope = f"staff:{division}"
    items, last = repository.list_page(division, query.limit, decode_cursor(query.cursor, scope))
    return OfficialPage(items=[_view(item) for item in items], next_cursor=encode_cursor(last, scope))


# --- actions -------------------------------------------------------------------------------


def _action(name: str) -> Action:
    return action_named(Action, name)


def _import(sub: str) -> dict[str, Any] | None:
    """The directory item of an account that predates the directory (or was made by hand in
    Cognito), written from the pool; None when the pool holds no official of that sub."""
    user = repository.pool_user(sub)
    if user is None:
        return None
    role = rules.role_of(user["groups"])
    division = user.get("custom:division") or ""
    if role is None or not rules.fits(role, division):
        return None
    now = clock.iso(clock.utc_now())
    record = {
        "sub": sub, "phone_masked": mask_phone(user.get("phone_number") or ""), "name": user.get("name"),
        "role": role.value, "division": division,
        "status": (AccountStatus.active if user["enabled"] else AccountStatus.disabled).value,
        "created_at": user.get("created") or now, "created_by": SYSTEM, "created_by_role": IMPORTED,
        "updated_at": now, "version": 1,
    }
    try:
        repository.insert(record, action="import", actor_id=SYSTEM, actor_role=SYSTEM, at=now)
    except ConflictError:
        # Imported meanwhile by another request: theirs stands.
        return repository.get_account(sub)
    return record


def _load(principal: Principal, sub: str) -> dict[str, Any]:
    record = None
    if SUB_PATTERN.fullmatch(sub):
        record = repository.get_account(sub) or _import(sub)
    if record is None or not is_within(record["division"], principal.jurisdiction or ""):
        raise NotFoundError(NOT_FOUND)
    return record


def act_on_official(principal: Principal, sub: str, action_name: str, body: OfficialActionRequest) -> Official:
    require(principal, "staff.manage")
    action = _action(action_name)
    if action is Action.move and body.division is None:
        raise ValidationFailedError(details=[_field_error("division", "required for move", "调动须填写新的区划", "missing")])
    if action is not Action.move and body.division is not None:
        raise ValidationFailedError(details=[_field_error("division", "only for move", "仅调动时填写", "extra_forbidden")])
    if sub == principal.user_id:
        raise ForbiddenError("You cannot change your own account. / 不能操作自己的账号。")
    before = _load(principal, sub)
    if not rules.outranks(principal.role, Role(before["role"])):
        raise ForbiddenError("Only a higher role may change this account. / 只能管理级别低于自己的工作人员账号。")
    if body.version != before["version"]:
        raise ConflictError(
            f"The account changed (now version {before['version']}); reload it. / 账号已被他人更新，请刷新后重试。",
            details=[ErrorDetail(field="version", type="stale_version", current_version=before["version"],
                                 message="stale version", message_zh="版本已过期")],
        )
    if action is Action.move:
        _check_move(principal, before, body.division or "")
    username = repository.username_of(sub)
    return _APPLY[action](principal, before, body, username)


def _check_move(principal: Principal, before: dict[str, Any], division: str) -> None:
    _check_division(Role(before["role"]), division)
    if not is_within(division, principal.jurisdiction or ""):
        raise NotFoundError("No such division in your jurisdiction. / 您的辖区内没有这个区划。")
    _check_exists(division)


def _changed(principal: Principal, before: dict[str, Any], action: Action, body: OfficialActionRequest,
             **changes: Any) -> dict[str, Any]:
    """Write the changed account and its audit event; a revoking action refuses every token
    issued until now."""
    now = clock.iso(clock.utc_now())
    after = {**before, **changes, "updated_at": now, "version": before["version"] + 1}
    if action in rules.REVOKING:
        after["tokens_valid_after"] = rules.tokens_valid_after(_now_epoch())
    repository.replace(before, after, action=action.value, actor_id=principal.user_id,
                       actor_role=principal.role.value, at=now, reason=body.reason)
    return after


def _then_in_pool(step: Callable[[], None]) -> None:
    try:
        step()
    except Exception as exc:
        log.warning("the Cognito step of an account change failed: %s", type(exc).__name__)
        raise ServiceUnavailableError(
            "Saved, and the API already refuses the account's old sign-ins, but the sign-in service did not "
            "confirm; send the same action again with the new version. / 已保存，旧登录已失效，但登录服务未确认，"
            "请使用新版本号重新提交同一操作。", headers={"Retry-After": "1"}) from exc


def _disable(principal: Principal, before: dict[str, Any], body: OfficialActionRequest, username: str) -> Official:
    after = before
    if before["status"] != AccountStatus.disabled.value:
        after = _changed(principal, before, Action.disable, body, status=AccountStatus.disabled.value)
    _then_in_pool(lambda: repository.disable_in_pool(username))
    return _view(after)


def _enable(principal: Principal, before: dict[str, Any], body: OfficialActionRequest, username: str) -> Official:
    # Cognito first: until the table says active, the authorizer still refuses them. Tokens
    # from before the disable stay refused (tokens_valid_after is kept): they sign in anew.
    repository.enable_in_pool(username)
    if before["status"] == AccountStatus.active.value:
        return _view(before)
    return _view(_changed(principal, before, Action.enable, body, status=AccountStatus.active.value))


def _move(principal: Principal, before: dict[str, Any], body: OfficialActionRequest, username: str) -> Official:
    division = body.division or ""
    after = before
    if division != before["division"]:
        # The table first: from here the authorizer refuses tokens naming the old division,
        # and the new sign-ins too until Cognito carries the new one.
        after = _changed(principal, before, Action.move, body, division=division)
    _then_in_pool(lambda: repository.move_in_pool(username, division))
    return _view(after)


def _reset_mfa(principal: Principal, before: dict[str, Any], body: OfficialActionRequest, username: str) -> Official:
    # Sessions opened with the lost authenticator end first; then Cognito forgets it.
    after = _changed(principal, before, Action.reset_mfa, body)
    _then_in_pool(lambda: repository.reset_mfa_in_pool(username))
    return _view(after)


_APPLY: dict[Action, Callable[[Principal, dict[str, Any], OfficialActionRequest, str], Official]] = {
    Action.disable: _disable,
    Action.enable: _enable,
    Action.move: _move,
    Action.reset_mfa: _reset_mfa,
}


# --- the authorizer's check, and the directory's import ---------------------------------------


def still_valid(principal: Principal, claims: dict[str, Any]) -> bool:
    """Whether an official's verified token still stands: the account is not disabled, the
    token was issued after the last revoking action, and it names the account's division."""
    return rules.admits(repository.access_state(principal.user_id), claims.get("iat"), principal.jurisdiction)


def account_of(sub: str) -> dict[str, Any] | None:
    """An official's own account item, imported from the pool if it predates the directory."""
    if not SUB_PATTERN.fullmatch(sub):
        return None
    return repository.get_account(sub) or _import(sub)


def import_officials() -> int:
    """Write a directory item for every account of the officials' pool that has none (accounts
    made before the directory existed, or in the console); a second run changes nothing."""
    return sum(1 for sub in repository.pool_subs() if repository.get_account(sub) is None and _import(sub))
