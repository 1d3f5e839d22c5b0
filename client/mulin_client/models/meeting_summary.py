from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.meeting_kind import MeetingKind
from ..models.meeting_status import MeetingStatus
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="MeetingSummary")



@_attrs_define
class MeetingSummary:
    """ 
        Attributes:
            id (str):
            kind (MeetingKind):
            division (str):
            title (str):
            starts_at (str):
            ends_at (str):
            place (str):
            status (MeetingStatus):
            registered (int):
            capacity (int | None | Unset):
     """

    id: str
    kind: MeetingKind
    division: str
    title: str
    starts_at: str
    ends_at: str
    place: str
    status: MeetingStatus
    registered: int
    capacity: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        id = self.id

        kind = self.kind.value

        division = self.division

        title = self.title

        starts_at = self.starts_at

        ends_at = self.ends_at

        place = self.place

        status = self.status.value

        registered = self.registered

        capacity: int | None | Unset
        if isinstance(self.capacity, Unset):
            capacity = UNSET
        else:
            capacity = self.capacity


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "kind": kind,
            "division": division,
            "title": title,
            "starts_at": starts_at,
            "ends_at": ends_at,
            "place": place,
            "status": status,
            "registered": registered,
        })
        if capacity is not UNSET:
            field_dict["capacity"] = capacity

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        kind = MeetingKind(d.pop("kind"))




        division = d.pop("division")

        title = d.pop("title")

        starts_at = d.pop("starts_at")

        ends_at = d.pop("ends_at")

        place = d.pop("place")

        status = MeetingStatus(d.pop("status"))




        registered = d.pop("registered")

        def _parse_capacity(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        capacity = _parse_capacity(d.pop("capacity", UNSET))


        meeting_summary = cls(
            id=id,
            kind=kind,
            division=division,
            title=title,
            starts_at=starts_at,
            ends_at=ends_at,
            place=place,
            status=status,
            registered=registered,
            capacity=capacity,
        )


        meeting_summary.additional_properties = d
        return meeting_summary

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
