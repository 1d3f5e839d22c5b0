from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.community_type import CommunityType
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="Pool")



@_attrs_define
class Pool:
    """ 
        Attributes:
            committee (str):
            year (int):
            allocated_fen (int): everything put into the pool this year
            available_fen (int): not yet promised to any application
            committed_fen (int): approved, not yet paid
            disbursed_fen (int): paid out
            per_application_cap_fen (int):
            per_team_cap_fen (int):
            notice_days (int):
            is_open (bool): False after 31 December (Shanghai time): nothing carries over
            community_type (CommunityType | None | Unset):
     """

    committee: str
    year: int
    allocated_fen: int
    available_fen: int
    committed_fen: int
    disbursed_fen: int
    per_application_cap_fen: int
    per_team_cap_fen: int
    notice_days: int
    is_open: bool
    community_type: CommunityType | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        committee = self.committee

        year = self.year

        allocated_fen = self.allocated_fen

        available_fen = self.available_fen

        committed_fen = self.committed_fen

        disbursed_fen = self.disbursed_fen

        per_application_cap_fen = self.per_application_cap_fen

        per_team_cap_fen = self.per_team_cap_fen

        notice_days = self.notice_days

        is_open = self.is_open

        community_type: None | str | Unset
        if isinstance(self.community_type, Unset):
            community_type = UNSET
        elif isinstance(self.community_type, CommunityType):
            community_type = self.community_type.value
        else:
            community_type = self.community_type


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "committee": committee,
            "year": year,
            "allocated_fen": allocated_fen,
            "available_fen": available_fen,
            "committed_fen": committed_fen,
            "disbursed_fen": disbursed_fen,
            "per_application_cap_fen": per_application_cap_fen,
            "per_team_cap_fen": per_team_cap_fen,
            "notice_days": notice_days,
            "is_open": is_open,
        })
        if community_type is not UNSET:
            field_dict["community_type"] = community_type

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        committee = d.pop("committee")

        year = d.pop("year")

        allocated_fen = d.pop("allocated_fen")

        available_fen = d.pop("available_fen")

        committed_fen = d.pop("committed_fen")

        disbursed_fen = d.pop("disbursed_fen")

        per_application_cap_fen = d.pop("per_application_cap_fen")

        per_team_cap_fen = d.pop("per_team_cap_fen")

        notice_days = d.pop("notice_days")

        is_open = d.pop("is_open")

        def _parse_community_type(data: object) -> CommunityType | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                community_type_type_0 = CommunityType(data)



                return community_type_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CommunityType | None | Unset, data)

        community_type = _parse_community_type(d.pop("community_type", UNSET))


        pool = cls(
            committee=committee,
            year=year,
            allocated_fen=allocated_fen,
            available_fen=available_fen,
            committed_fen=committed_fen,
            disbursed_fen=disbursed_fen,
            per_application_cap_fen=per_application_cap_fen,
            per_team_cap_fen=per_team_cap_fen,
            notice_days=notice_days,
            is_open=is_open,
            community_type=community_type,
        )


        pool.additional_properties = d
        return pool

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
