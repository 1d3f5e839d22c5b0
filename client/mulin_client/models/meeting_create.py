from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.meeting_kind import MeetingKind
from ..types import UNSET, Unset
from typing import cast
import datetime






T = TypeVar("T", bound="MeetingCreate")



@_attrs_define
class MeetingCreate:
    """ 
        Attributes:
            kind (MeetingKind):
            division (str): the committee (or street) holding the meeting
            title (str):
            topic_ids (list[str]): the topics (议题) it deliberates, each inside `division`
            starts_at (datetime.datetime): Shanghai time unless an offset is given
            ends_at (datetime.datetime): Shanghai time unless an offset is given; after starts_at
            place (str):
            agenda (str):
            capacity (int | None | Unset): seats for registered residents; none: no limit
     """

    kind: MeetingKind
    division: str
    title: str
    topic_ids: list[str]
    starts_at: datetime.datetime
    ends_at: datetime.datetime
    place: str
    agenda: str
    capacity: int | None | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        kind = self.kind.value

        division = self.division

        title = self.title

        topic_ids = self.topic_ids



        starts_at = self.starts_at.isoformat()

        ends_at = self.ends_at.isoformat()

        place = self.place

        agenda = self.agenda

        capacity: int | None | Unset
        if isinstance(self.capacity, Unset):
            capacity = UNSET
        else:
            capacity = self.capacity


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "kind": kind,
            "division": division,
            "title": title,
            "topic_ids": topic_ids,
            "starts_at": starts_at,
            "ends_at": ends_at,
            "place": place,
            "agenda": agenda,
        })
        if capacity is not UNSET:
            field_dict["capacity"] = capacity

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        kind = MeetingKind(d.pop("kind"))




        division = d.pop("division")

        title = d.pop("title")

        topic_ids = cast(list[str], d.pop("topic_ids"))


        starts_at = datetime.datetime.fromisoformat(d.pop("starts_at"))




        ends_at = datetime.datetime.fromisoformat(d.pop("ends_at"))




        place = d.pop("place")

        agenda = d.pop("agenda")

        def _parse_capacity(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        capacity = _parse_capacity(d.pop("capacity", UNSET))


        meeting_create = cls(
            kind=kind,
            division=division,
            title=title,
            topic_ids=topic_ids,
            starts_at=starts_at,
            ends_at=ends_at,
            place=place,
            agenda=agenda,
            capacity=capacity,
        )

        return meeting_create

