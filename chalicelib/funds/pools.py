"""Use cases of pools: allocate a year's money to a committee (or to every committee of a
street by community type), top it up, and read it with its ledger."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from chalicelib import clock
from chalicelib.auth import Principal, require
from chalicelib.divisions.rules import DIVISION_LEVEL_BY_LENGTH, is_well_formed
from chalicelib.errors import ConflictError, ForbiddenError, NotFoundError, bilingual, rule_error
from chalicelib.funds import records, repository, rules
from chalicelib.funds.models import LedgerPage, MovementKind, Pool, PoolAllocationReport, PoolCreate, PoolSkip, TopUp
from chalicelib.funds.views import ledger_entry_of, pool_of
from chalicelib.storage.dynamo import ConditionFailedError
from chalicelib.storage.pagination import decode_cursor, encode_cursor

NO_POOL_EN, NO_POOL_ZH = "No fund pool for this committee and year.", "该居委会本年度没有自治金资金池。"
NO_POOL = bilingual(NO_POOL_EN, NO_POOL_ZH)


def checked_year(year: str | int) -> int:
    text = str(year)
    # ASCII only: str.isdigit() also takes full-width and other scripts' digits, which
    # int() would read as the same year under a second path.
    if not (len(text) == 4 and text.isascii() and text.isdigit()):
        raise NotFoundError(NO_POOL)
    return int(text)


def checked_committee(code: str) -> str:
    if not (is_well_formed(code) and DIVISION_LEVEL_BY_LENGTH.get(len(code)) == "committee"):
        raise NotFoundError(NO_POOL)
    return code


def require_reader(principal: Principal, committee: str) -> None:
    """A pool and its public applications are for the committee's residents and the
    officials above it; to other officials they do not exist."""
    if principal.is_official:
        require(principal, "fund.read", committee)
    elif principal.residence != committee:
        raise ForbiddenError("Only residents of this committee may see its funds. / 仅本居委会居民可查看。")


def load_pool(committee: str, year: int) -> records.Pool:
    pool = repository.get_pool(committee, year)
    if pool is None:
        raise NotFoundError(NO_POOL)
    return pool


def get_pool(principal: Principal, committee: str, year: str) -> Pool:
    committee = checked_committee(committee)
    require_reader(principal, committee)
    return pool_of(load_pool(committee, checked_year(year)), clock.utc_now())


def ledger(principal: Principal, committee: str, year: str, limit: int, cursor: str | None) -> LedgerPage:
    committee = checked_committee(committee)
    require_reader(principal, committee)
    number = checked_year(year)
    load_pool(committee, number)
    scope = f"ledger:{committee}:{number}"
    items, last = repository.ledger_page(committee, number, limit, decode_cursor(cursor, scope))
    return LedgerPage(items=[ledger_entry_of(i) for i in items], next_cursor=encode_cursor(last, scope))


def _pool_writes(principal: Principal, committee: str, year: int, amount: int, community_type: str | None,
                 body: PoolCreate, at: str) -> tuple[records.Pool, list[dict[str, Any]]]:
    pool = records.Pool(committee=committee, year=year, community_type=community_type, allocated_fen=amount,
                        available_fen=amount, committed_fen=0, disbursed_fen=0,
                        per_application_cap_fen=body.per_application_cap_fen, per_team_cap_fen=body.per_team_cap_fen,
                        notice_days=body.notice_days, created_by=principal.user_id, created_at=at)
    writes = [repository.pool_create(pool), repository.division_exists_check(committee),
              repository.pool_audit(committee, year, "create", principal.user_id, principal.role.value,
                                    after={"allocated_fen": amount})]
    if amount:
        writes += repository.ledger_puts(committee, year, [(MovementKind.allocate, amount)], at, principal.role.value,
                                         reason="yearly allocation")
    return pool, writes


def create_pools(principal: Principal, division: str, year: str, body: PoolCreate) -> PoolAllocationReport:
    require(principal, "fund.manage_pool", division)
    number = checked_year(year)
    now = clock.utc_now()
    if not rules.may_create_pool(number, now):
        raise rule_error("Pools are set up for this year or the next.", "只能设立本年度或下一年度的资金池。", "year",
                         "year_closed")
    level = DIVISION_LEVEL_BY_LENGTH.get(len(division)) if is_well_formed(division) else None
    at = clock.iso(now)
    if level == "committee":
        if body.allocated_fen is None:
            raise rule_error("Give allocated_fen for a committee.", "请填写该居委会的拨款金额。", "allocated_fen")
        from chalicelib.divisions.repository import get_division

        found = get_division(division)
        if found is None:
            raise NotFoundError(NO_POOL)
        pool, writes = _pool_writes(principal, division, number, body.allocated_fen,
                                    found.community_type.value if found.community_type else None, body, at)
        try:
            repository.write(writes)
        except ConditionFailedError as exc:
            raise ConflictError("This committee already has a pool for the year; top it up instead. / "
                                "该居委会本年度资金池已设立，请追加拨款。") from exc
        return PoolAllocationReport(created=[pool_of(pool, now)], skipped=[])
    if level == "street":
        from chalicelib.divisions.repository import get_division

        if get_division(division) is None:
            raise NotFoundError("No such street. / 没有这个街道。")
        if body.amounts_by_type is None:
            raise rule_error("Give amounts_by_type for a street.", "请按社区类型填写拨款金额。", "amounts_by_type")
        return _allocate_street(principal, division, number, body, now)
    raise rule_error("Pools belong to committees, allocated one by one or for a whole street.",
                     "资金池按居委会设立，可逐个或按街道设立。", "division", "wrong_level")


def _allocate_street(principal: Principal, street: str, year: int, body: PoolCreate,
                     now: datetime) -> PoolAllocationReport:
    """Every committee of the street gets the amount for its community type (社区分类治理);
    each pool is its own transaction, so a committee that has one already is skipped, not
    reset, and running the allocation twice creates nothing twice."""
    from chalicelib.divisions.repository import list_child_divisions

    amounts = {kind.value: amount for kind, amount in (body.amounts_by_type or {}).items()}
    created: list[Pool] = []
    skipped: list[PoolSkip] = []
    for committee in list_child_divisions(street):
        if committee.level != "committee" or not committee.is_administrative:
            continue
        kind = committee.community_type.value if committee.community_type else None
        amount = amounts.get(kind) if kind else None
        if amount is None:
            amount = body.default_fen
        if amount is None:
            skipped.append(PoolSkip(committee=committee.code, reason="no_amount_for_community_type"))
            continue
        pool, writes = _pool_writes(principal, committee.code, year, amount, kind, body, clock.iso(now))
        try:
            repository.write(writes)
        except ConditionFailedError:
            skipped.append(PoolSkip(committee=committee.code, reason="exists"))
            continue
        created.append(pool_of(pool, now))
    return PoolAllocationReport(created=created, skipped=skipped)


def top_up(principal: Principal, committee: str, year: str, body: TopUp) -> Pool:
    committee = checked_committee(committee)
    require(principal, "fund.manage_pool", committee)
    number = checked_year(year)
    now = clock.utc_now()
    load_pool(committee, number)
    if not rules.pool_is_open(number, now):
        raise rule_error("The pool's year is over; nothing is added after 31 December.", "年度已结束，不再追加。",
                         "year", "year_closed")
    at = clock.iso(now)
    movements = [(MovementKind.allocate, body.amount_fen)]
    repository.write([
        repository.pool_movement(committee, number, movements),
        *repository.ledger_puts(committee, number, movements, at, principal.role.value, reason=body.reason),
        repository.pool_audit(committee, number, "top_up", principal.user_id, principal.role.value,
                              after={"amount_fen": body.amount_fen}, reason=body.reason),
    ])
    return pool_of(load_pool(committee, number), now)
