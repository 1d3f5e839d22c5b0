from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="Team")



@_attrs_define
class Team:
    """ 
        Attributes:
            name (str): the team's name, shown publicly
            lead_name (str): the lead resident, seen by officials only
            member_count (int):
            building_group (None | str | Unset): 楼组, optional
     """

    name: str
    lead_name: str
    member_count: int
    building_group: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        name = self.name

        lead_name = self.lead_name

        member_count = self.member_count

        building_group: None | str | Unset
        if isinstance(self.building_group, Unset):
            building_group = UNSET
        else:
            building_group = self.building_group


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "name": name,
            "lead_name": lead_name,
            "member_count": member_count,
        })
        if building_group is not UNSET:
            field_dict["building_group"] = building_group

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        lead_name = d.pop("lead_name")

        member_count = d.pop("member_count")

        def _parse_building_group(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        building_group = _parse_building_group(d.pop("building_group", UNSET))


        team = cls(
            name=name,
            lead_name=lead_name,
            member_count=member_count,
            building_group=building_group,
        )

        return team

