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
  from ..models.project_result import ProjectResult





T = TypeVar("T", bound="RoundResult")



@_attrs_define
class RoundResult:
    """ 
        Attributes:
            round_id (str):
            rule (SelectionRule):
            budget_fen (int):
            ballots (int):
            total_cost_fen (int):
            tie_decided (bool):
            projects (list[ProjectResult]):
            ballots_file (str): the anonymous ballots in Pabulib format, for recounting
            tallied_at (str):
            kind (RoundKind | Unset):
            eligible_known (int | None | Unset):
     """

    round_id: str
    rule: SelectionRule
    budget_fen: int
    ballots: int
    total_cost_fen: int
    tie_decided: bool
    projects: list[ProjectResult]
    ballots_file: str
    tallied_at: str
    kind: RoundKind | Unset = UNSET
    eligible_known: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.project_result import ProjectResult # noqa: PLC0415
        round_id = self.round_id

        rule = self.rule.value

        budget_fen = self.budget_fen

        ballots = self.ballots

        total_cost_fen = self.total_cost_fen

        tie_decided = self.tie_decided

        projects = []
        for projects_item_data in self.projects:
            projects_item = projects_item_data.to_dict()
            projects.append(projects_item)



        ballots_file = self.ballots_file

        tallied_at = self.tallied_at

        kind: str | Unset = UNSET
        if not isinstance(self.kind, Unset):
            kind = self.kind.value


        eligible_known: int | None | Unset
        if isinstance(self.eligible_known, Unset):
            eligible_known = UNSET
        else:
            eligible_known = self.eligible_known


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "round_id": round_id,
            "rule": rule,
            "budget_fen": budget_fen,
            "ballots": ballots,
            "total_cost_fen": total_cost_fen,
            "tie_decided": tie_decided,
            "projects": projects,
            "ballots_file": ballots_file,
            "tallied_at": tallied_at,
        })
        if kind is not UNSET:
            field_dict["kind"] = kind
        if eligible_known is not UNSET:
            field_dict["eligible_known"] = eligible_known

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.project_result import ProjectResult # noqa: PLC0415
        d = dict(src_dict)
        round_id = d.pop("round_id")

        rule = SelectionRule(d.pop("rule"))




        budget_fen = d.pop("budget_fen")

        ballots = d.pop("ballots")

        total_cost_fen = d.pop("total_cost_fen")

        tie_decided = d.pop("tie_decided")

        projects = []
        _projects = d.pop("projects")
        for projects_item_data in (_projects):
            projects_item = ProjectResult.from_dict(projects_item_data)



            projects.append(projects_item)


        ballots_file = d.pop("ballots_file")

        tallied_at = d.pop("tallied_at")

        _kind = d.pop("kind", UNSET)
        kind: RoundKind | Unset
        if isinstance(_kind,  Unset):
            kind = UNSET
        else:
            kind = RoundKind(_kind)




        def _parse_eligible_known(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        eligible_known = _parse_eligible_known(d.pop("eligible_known", UNSET))


        round_result = cls(
            round_id=round_id,
            rule=rule,
            budget_fen=budget_fen,
            ballots=ballots,
            total_cost_fen=total_cost_fen,
            tie_decided=tie_decided,
            projects=projects,
            ballots_file=ballots_file,
            tallied_at=tallied_at,
            kind=kind,
            eligible_known=eligible_known,
        )


        round_result.additional_properties = d
        return round_result

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
