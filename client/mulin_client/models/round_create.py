from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.round_kind import RoundKind
from ..models.selection_rule import SelectionRule
from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.eligibility import Eligibility
  from ..models.schedule import Schedule
  from ..models.voting_method import VotingMethod





T = TypeVar("T", bound="RoundCreate")



@_attrs_define
class RoundCreate:
    """ 
        Attributes:
            scope (str): a committee, street or district; a selection: a street, a district or the city (31)
            title (str):
            schedule (Schedule):
            method (VotingMethod):
            kind (RoundKind | Unset):
            year (int | None | Unset): selection only (required): the year whose completed projects may be nominated
            description (str | Unset):  Default: ''.
            budget_fen (int | None | Unset): pb: required; a selection has no budget and takes none
            rule (None | SelectionRule | Unset): pb: greedy (the default) or mes; selection: top_k (the default and only
                rule)
            eligibility (Eligibility | Unset):
            allow_ballot_change (bool | Unset): a voter may replace their ballot until voting closes Default: False.
     """

    scope: str
    title: str
    schedule: Schedule
    method: VotingMethod
    kind: RoundKind | Unset = UNSET
    year: int | None | Unset = UNSET
    description: str | Unset = ''
    budget_fen: int | None | Unset = UNSET
    rule: None | SelectionRule | Unset = UNSET
    eligibility: Eligibility | Unset = UNSET
    allow_ballot_change: bool | Unset = False





    def to_dict(self) -> dict[str, Any]:
        from ..models.eligibility import Eligibility # noqa: PLC0415
        from ..models.schedule import Schedule # noqa: PLC0415
        from ..models.voting_method import VotingMethod # noqa: PLC0415
        scope = self.scope

        title = self.title

        schedule = self.schedule.to_dict()

        method = self.method.to_dict()

        kind: str | Unset = UNSET
        if not isinstance(self.kind, Unset):
            kind = self.kind.value


        year: int | None | Unset
        if isinstance(self.year, Unset):
            year = UNSET
        else:
            year = self.year

        description = self.description

        budget_fen: int | None | Unset
        if isinstance(self.budget_fen, Unset):
            budget_fen = UNSET
        else:
            budget_fen = self.budget_fen

        rule: None | str | Unset
        if isinstance(self.rule, Unset):
            rule = UNSET
        elif isinstance(self.rule, SelectionRule):
            rule = self.rule.value
        else:
            rule = self.rule

        eligibility: dict[str, Any] | Unset = UNSET
        if not isinstance(self.eligibility, Unset):
            eligibility = self.eligibility.to_dict()

        allow_ballot_change = self.allow_ballot_change


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "scope": scope,
            "title": title,
            "schedule": schedule,
            "method": method,
        })
        if kind is not UNSET:
            field_dict["kind"] = kind
        if year is not UNSET:
            field_dict["year"] = year
        if description is not UNSET:
            field_dict["description"] = description
        if budget_fen is not UNSET:
            field_dict["budget_fen"] = budget_fen
        if rule is not UNSET:
            field_dict["rule"] = rule
        if eligibility is not UNSET:
            field_dict["eligibility"] = eligibility
        if allow_ballot_change is not UNSET:
            field_dict["allow_ballot_change"] = allow_ballot_change

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.eligibility import Eligibility # noqa: PLC0415
        from ..models.schedule import Schedule # noqa: PLC0415
        from ..models.voting_method import VotingMethod # noqa: PLC0415
        d = dict(src_dict)
        scope = d.pop("scope")

        title = d.pop("title")

        schedule = Schedule.from_dict(d.pop("schedule"))




        method = VotingMethod.from_dict(d.pop("method"))




        _kind = d.pop("kind", UNSET)
        kind: RoundKind | Unset
        if isinstance(_kind,  Unset):
            kind = UNSET
        else:
            kind = RoundKind(_kind)




        def _parse_year(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        year = _parse_year(d.pop("year", UNSET))


        description = d.pop("description", UNSET)

        def _parse_budget_fen(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        budget_fen = _parse_budget_fen(d.pop("budget_fen", UNSET))


        def _parse_rule(data: object) -> None | SelectionRule | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                rule_type_0 = SelectionRule(data)



                return rule_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | SelectionRule | Unset, data)

        rule = _parse_rule(d.pop("rule", UNSET))


        _eligibility = d.pop("eligibility", UNSET)
        eligibility: Eligibility | Unset
        if isinstance(_eligibility,  Unset):
            eligibility = UNSET
        else:
            eligibility = Eligibility.from_dict(_eligibility)




        allow_ballot_change = d.pop("allow_ballot_change", UNSET)

        round_create = cls(
            scope=scope,
            title=title,
            schedule=schedule,
            method=method,
            kind=kind,
            year=year,
            description=description,
            budget_fen=budget_fen,
            rule=rule,
            eligibility=eligibility,
            allow_ballot_change=allow_ballot_change,
        )

        return round_create

