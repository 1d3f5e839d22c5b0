from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.method_kind import MethodKind
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="VotingMethod")



@_attrs_define
class VotingMethod:
    """ 
        Attributes:
            kind (MethodKind):
            min_picks (int | Unset):  Default: 1.
            max_picks (int | None | Unset): approval: at most this many projects
            min_budget_share_percent (int | Unset): knapsack: spend at least this share Default: 0.
            points (int | None | Unset): cumulative: points each voter distributes
            max_points_per_project (int | None | Unset):
     """

    kind: MethodKind
    min_picks: int | Unset = 1
    max_picks: int | None | Unset = UNSET
    min_budget_share_percent: int | Unset = 0
    points: int | None | Unset = UNSET
    max_points_per_project: int | None | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        kind = self.kind.value

        min_picks = self.min_picks

        max_picks: int | None | Unset
        if isinstance(self.max_picks, Unset):
            max_picks = UNSET
        else:
            max_picks = self.max_picks

        min_budget_share_percent = self.min_budget_share_percent

        points: int | None | Unset
        if isinstance(self.points, Unset):
            points = UNSET
        else:
            points = self.points

        max_points_per_project: int | None | Unset
        if isinstance(self.max_points_per_project, Unset):
            max_points_per_project = UNSET
        else:
            max_points_per_project = self.max_points_per_project


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "kind": kind,
        })
        if min_picks is not UNSET:
            field_dict["min_picks"] = min_picks
        if max_picks is not UNSET:
            field_dict["max_picks"] = max_picks
        if min_budget_share_percent is not UNSET:
            field_dict["min_budget_share_percent"] = min_budget_share_percent
        if points is not UNSET:
            field_dict["points"] = points
        if max_points_per_project is not UNSET:
            field_dict["max_points_per_project"] = max_points_per_project

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        kind = MethodKind(d.pop("kind"))




        min_picks = d.pop("min_picks", UNSET)

        def _parse_max_picks(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        max_picks = _parse_max_picks(d.pop("max_picks", UNSET))


        min_budget_share_percent = d.pop("min_budget_share_percent", UNSET)

        def _parse_points(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        points = _parse_points(d.pop("points", UNSET))


        def _parse_max_points_per_project(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        max_points_per_project = _parse_max_points_per_project(d.pop("max_points_per_project", UNSET))


        voting_method = cls(
            kind=kind,
            min_picks=min_picks,
            max_picks=max_picks,
            min_budget_share_percent=min_budget_share_percent,
            points=points,
            max_points_per_project=max_points_per_project,
        )

        return voting_method

