from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

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
            scope (str):
            title (str):
            budget_fen (int):
            schedule (Schedule):
            method (VotingMethod):
            description (str | Unset):  Default: ''.
            rule (SelectionRule | Unset):
            eligibility (Eligibility | Unset):
            allow_ballot_change (bool | Unset): a voter may replace their ballot until voting closes Default: False.
     """

    scope: str
    title: str
    budget_fen: int
    schedule: Schedule
    method: VotingMethod
    description: str | Unset = ''
    rule: SelectionRule | Unset = UNSET
    eligibility: Eligibility | Unset = UNSET
    allow_ballot_change: bool | Unset = False





    def to_dict(self) -> dict[str, Any]:
        from ..models.eligibility import Eligibility # noqa: PLC0415
        from ..models.schedule import Schedule # noqa: PLC0415
        from ..models.voting_method import VotingMethod # noqa: PLC0415
        scope = self.scope

        title = self.title

        budget_fen = self.budget_fen

        schedule = self.schedule.to_dict()

        method = self.method.to_dict()

        description = self.description

        rule: str | Unset = UNSET
        if not isinstance(self.rule, Unset):
            rule = self.rule.value


        eligibility: dict[str, Any] | Unset = UNSET
        if not isinstance(self.eligibility, Unset):
            eligibility = self.eligibility.to_dict()

        allow_ballot_change = self.allow_ballot_change


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "scope": scope,
            "title": title,
            "budget_fen": budget_fen,
            "schedule": schedule,
            "method": method,
        })
        if description is not UNSET:
            field_dict["description"] = description
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

        budget_fen = d.pop("budget_fen")

        schedule = Schedule.from_dict(d.pop("schedule"))




        method = VotingMethod.from_dict(d.pop("method"))




        description = d.pop("description", UNSET)

        _rule = d.pop("rule", UNSET)
        rule: SelectionRule | Unset
        if isinstance(_rule,  Unset):
            rule = UNSET
        else:
            rule = SelectionRule(_rule)




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
            budget_fen=budget_fen,
            schedule=schedule,
            method=method,
            description=description,
            rule=rule,
            eligibility=eligibility,
            allow_ballot_change=allow_ballot_change,
        )

        return round_create

