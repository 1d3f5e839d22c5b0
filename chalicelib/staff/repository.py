"""Officials' accounts: the directory items in the table, and the officials' Cognito pool
(through chalicelib.directory).

Cognito cannot list users by a custom attribute, so each official has one item in the
table: the listing source, and the state the API's authorizer checks on every officials'
token (disabled; tokens issued before `tokens_valid_after` refused; the jurisdiction).

| pattern                               | index | key condition                                      | example                   |
| ------------------------------------- | ----- | -------------------------------------------------- | ------------------------- |
| an official's account (authorizer)    | table | PK = OFFICIAL#{sub} AND SK = ACCOUNT               | GetItem, consistent       |
| officials of a division and below it  | GSI1  | GSI1PK = OFFICIALS AND begins_with(GSI1SK, {code}) | GSI1SK=310110012001#{sub} |
| create an account                     | table | TransactWrite: Put ACCOUNT (new) + audit event     | AUDIT#official#{sub}      |
| change an account (versioned)         | table | TransactWrite: Put ACCOUNT (version) + audit event | AUDIT#official#{sub}      |
| an account's history                  | table | PK = AUDIT#official#{sub}                          | oldest first              |

The directory is one GSI1 partition for the whole city, so that any division, the city
included, lists in one Query a page with `begins_with`: Shanghai has some tens of thousands
of officials (a few MB), written a few times a day and read by administrators, far below a
partition's limits. Its sort key leads with the division, so a move rewrites it in the same
Put. The index is eventually consistent: an account appears in a listing a moment after it
is made, while the authorizer's and the actions' reads of the item itself are consistent.
Phone numbers are stored masked only; the number itself lives in Cognito.
"""

from __future__ import annotations

from typing import Any

from chalicelib import aws, clock, directory
from chalicelib.errors import ConflictError, ErrorDetail, NotFoundError, ServiceUnavailableError
from chalicelib.storage import dynamo
from chalicelib.storage.audit import audit_put
from chalicelib.storage.items import from_item, to_item
from chalicelib.storage.keys import OFFICIALS_DIRECTORY, official_key, officials_directory_keys
from chalicelib.storage.table import GSI1

# What the authorizer needs of an account, and nothing more.
STATE_ATTRIBUTES = ("status", "tokens_valid_after", "division")
RECORD_FIELDS = ("sub", "phone_masked", "name", "role", "division", "status", "created_at", "created_by",
                 "created_by_role", "updated_at", "version", "tokens_valid_after", "digest_enabled", "digest_channel")
TAKEN_MESSAGE = ("This mobile number already has an official's account. / 该手机号已有工作人员账号。")


def _record(item: dict[str, Any]) -> dict[str, Any]:
    return {k: item[k] for k in RECORD_FIELDS if k in item}


def subject_of(sub: str) -> str:
    return f"official#{sub}"


# --- the table ----------------------------------------------------------------------------


def get_account(sub: str) -> dict[str, Any] | None:
    item = dynamo.get_item(official_key(sub), consistent=True)
    return _record(item) if item else None


def access_state(sub: str) -> dict[str, Any] | None:
    """The few attributes the authorizer checks; a consistent read, so that a disable is
    seen by the very next request."""
    try:
        response = dynamo.db().get_item(
            TableName=dynamo.table_name(), Key=to_item(official_key(sub)),
            ConsistentRead=True, ProjectionExpression=", ".join(f"#{a}" for a in STATE_ATTRIBUTES),
            ExpressionAttributeNames={f"#{a}": a for a in STATE_ATTRIBUTES},
        )
    except aws.failures() as exc:
        raise dynamo.translate_client_error(exc) from exc
    item = response.get("Item")
    return from_item(item) if item else None


def list_page(division: str, limit: int, start_key: dict[str, Any] | None) -> tuple[list[dict[str, Any]], Any]:
    items, last = dynamo.query_page(
        index=GSI1, key_condition="GSI1PK = :pk AND begins_with(GSI1SK, :division)",
        values={":pk": OFFICIALS_DIRECTORY, ":division": f"{division}"}, limit=limit, start_key=start_key,
    )
    return [_record(item) for item in items], last


def _item(record: dict[str, Any]) -> dict[str, Any]:
    return {**official_key(record["sub"]), **officials_directory_keys(record["division"], record["sub"]),
            "type": "official", **record}


def _public(record: dict[str, Any]) -> dict[str, Any]:
    """What the audit trail keeps of an account's state: no phone number, masked or not."""
    return {**{k: record.get(k) for k in ("role", "division", "status", "name", "version", "tokens_valid_after")},
            **{k: record[k] for k in ("digest_enabled", "digest_channel") if k in record}}


def insert(record: dict[str, Any], *, action: str, actor_id: str, actor_role: str, at: str,
           reason: str | None = None) -> None:
    """A new account item and its audit event, in one transaction."""
    table = dynamo.table_name()
    dynamo.transact_write([
        # One item per official, ever: a second create (or import) must not overwrite the first.
        dynamo.put_op(_item(record), "attribute_not_exists(PK)"),
        audit_put(table, subject=subject_of(record["sub"]), action=action, actor_id=actor_id, actor_role=actor_role,
                  before=None, after=_public(record), reason=reason, at=at),
    ])


def replace(before: dict[str, Any], after: dict[str, Any], *, action: str, actor_id: str, actor_role: str, at: str,
            reason: str | None = None) -> None:
    """The changed account and its audit event, in one transaction; a stale version is a 409."""
    table = dynamo.table_name()
    try:
        dynamo.transact_write([
            # Exactly the version the administrator read: two of them acting at once, one wins.
            dynamo.put_op(_item(after), "#version = :seen", {":seen": before["version"]}, {"#version": "version"}),
            audit_put(table, subject=subject_of(after["sub"]), action=action, actor_id=actor_id, actor_role=actor_role,
                      before=_public(before), after=_public(after), reason=reason, at=at),
        ])
    except dynamo.ConditionFailedError as exc:
        raise ConflictError("The account changed meanwhile; reload it. / 账号已被他人更新，请刷新后重试。") from exc


def history(sub: str, limit: int = 100) -> list[dict[str, Any]]:
    items, _ = dynamo.query_page(key_condition="PK = :pk", values={":pk": f"AUDIT#{subject_of(sub)}"}, limit=limit)
    return items


# --- the officials' pool --------------------------------------------------------------------


def _cognito(call: Any, *args: Any) -> Any:
    """A Cognito call with its failures as the platform's errors."""
    try:
        return call(*args)
    except aws.failures() as exc:
        code = aws.error_code(exc)
        if code == "UsernameExistsException":
            raise ConflictError(TAKEN_MESSAGE, details=[ErrorDetail(field="phone", type="taken",
                                                                    message="already an official's account",
                                                                    message_zh="该手机号已有账号")]) from exc
        if code == "UserNotFoundException":
            raise NotFoundError() from exc
        if aws.is_transient(exc):
            raise ServiceUnavailableError(headers={"Retry-After": "1"}) from exc
        raise


def create_in_pool(phone: str, division: str, group: str) -> tuple[str, str]:
    """(sub, username) of a new official in their role's group; Cognito texts them a temporary password.

    Added to the group after being created, so a failure there deletes the account again: an
    account without a role can do nothing, but it would hold the number against a retry.
    """
    user = _cognito(directory.create_official, phone, division)
    username = user["Username"]
    try:
        _cognito(directory.add_official_to_group, username, group)
    except Exception:
        remove_from_pool(username)
        raise
    return directory.attributes_of(user)["sub"], username


def remove_from_pool(username: str) -> None:
    """Best effort: undoing a create that could not be completed."""
    try:
        directory.delete_official(username)
    except aws.failures():
        import logging

        logging.getLogger(__name__).warning("an incomplete official's account could not be deleted")


def username_of(sub: str) -> str:
    username = _cognito(directory.username_of, directory.officials_pool_id(), sub)
    if username is None:
        raise NotFoundError()
    return str(username)


def pool_user(sub: str) -> dict[str, Any] | None:
    """An account of the officials' pool as the directory would hold it, from Cognito, or None."""
    user = _cognito(directory.find_by_sub, directory.officials_pool_id(), sub)
    if user is None:
        return None
    return {**directory.attributes_of(user), "username": user["Username"], "enabled": user.get("Enabled", True),
            "created": clock.iso(user["UserCreateDate"]) if user.get("UserCreateDate") else None,
            "groups": _cognito(directory.groups_of_official, user["Username"])}


def pool_subs() -> list[str]:
    """The sub of every account in the officials' pool (for importing them into the directory)."""
    def every_page() -> list[str]:
        return [directory.attributes_of(user)["sub"] for page in directory.official_pages() for user in page]

    return list(_cognito(every_page))


def disable_in_pool(username: str) -> None:
    _cognito(directory.disable_official, username)


def enable_in_pool(username: str) -> None:
    _cognito(directory.enable_official, username)


def move_in_pool(username: str, division: str) -> None:
    _cognito(directory.set_official_division, username, division)
    _cognito(directory.sign_out_official, username)


def reset_mfa_in_pool(username: str) -> None:
    _cognito(directory.clear_official_totp, username)
    _cognito(directory.sign_out_official, username)
