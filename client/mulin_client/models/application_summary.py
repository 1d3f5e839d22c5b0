from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.fund_category import FundCategory
from ..models.fund_status import FundStatus
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="ApplicationSummary")



@_attrs_define
class ApplicationSummary:
    """ 
        Attributes:
            id (str):
            committee (str):
            year (int):
            team_name (str):
            title (str):
            category (FundCategory): What autonomy funds pay for, as Shanghai streets list it in their 自治金 rules.
            requested_fen (int):
            status (FundStatus):
            phase (str):
            created_at (str):
            approved_fen (int | None | Unset):
            notice_ends_at (None | str | Unset):
     """

    id: str
    committee: str
    year: int
    team_name: str
    title: str
    category: FundCategory
    requested_fen: int
    status: FundStatus
    phase: str
    created_at: str
    approved_fen: int | None | Unset = UNSET
    notice_ends_at: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        id = self.id

        committee = self.committee

        year = self.year

        team_name = self.team_name

        title = self.title

        category = self.category.value

        requested_fen = self.requested_fen

        status = self.status.value

        phase = self.phase

        created_at = self.created_at

        approved_fen: int | None | Unset
        if isinstance(self.approved_fen, Unset):
            approved_fen = UNSET
        else:
            approved_fen = self.approved_fen

        notice_ends_at: None | str | Unset
        if isinstance(self.notice_ends_at, Unset):
            notice_ends_at = UNSET
        else:
            notice_ends_at = self.notice_ends_at


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "committee": committee,
            "year": year,
            "team_name": team_name,
            "title": title,
            "category": category,
            "requested_fen": requested_fen,
            "status": status,
            "phase": phase,
            "created_at": created_at,
        })
        if approved_fen is not UNSET:
            field_dict["approved_fen"] = approved_fen
        if notice_ends_at is not UNSET:
            field_dict["notice_ends_at"] = notice_ends_at

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        committee = d.pop("committee")

        year = d.pop("year")

        team_name = d.pop("team_name")

        title = d.pop("title")

        category = FundCategory(d.pop("category"))




        requested_fen = d.pop("requested_fen")

        status = FundStatus(d.pop("status"))




        phase = d.pop("phase")

        created_at = d.pop("created_at")

        def _parse_approved_fen(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        approved_fen = _parse_approved_fen(d.pop("approved_fen", UNSET))


        def _parse_notice_ends_at(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        notice_ends_at = _parse_notice_ends_at(d.pop("notice_ends_at", UNSET))


        application_summary = cls(
            id=id,
            committee=committee,
            year=year,
            team_name=team_name,
            title=title,
            category=category,
            requested_fen=requested_fen,
            status=status,
            phase=phase,
            created_at=created_at,
            approved_fen=approved_fen,
            notice_ends_at=notice_ends_at,
        )


        application_summary.additional_properties = d
        return application_summary

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
