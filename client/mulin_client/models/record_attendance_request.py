from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="RecordAttendanceRequest")



@_attrs_define
class RecordAttendanceRequest:
    """ 
        Attributes:
            count (int): people in the room, registered or not
            version (int | None | Unset):
            present (list[str] | Unset): registration ids of those present
     """

    count: int
    version: int | None | Unset = UNSET
    present: list[str] | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        count = self.count

        version: int | None | Unset
        if isinstance(self.version, Unset):
            version = UNSET
        else:
            version = self.version

        present: list[str] | Unset = UNSET
        if not isinstance(self.present, Unset):
            present = self.present




        field_dict: dict[str, Any] = {}

        field_dict.update({
            "count": count,
        })
        if version is not UNSET:
            field_dict["version"] = version
        if present is not UNSET:
            field_dict["present"] = present

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        count = d.pop("count")

        def _parse_version(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        version = _parse_version(d.pop("version", UNSET))


        present = cast(list[str], d.pop("present", UNSET))


        record_attendance_request = cls(
            count=count,
            version=version,
            present=present,
        )

        return record_attendance_request

