from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="RecordMinutesRequest")



@_attrs_define
class RecordMinutesRequest:
    """ 
        Attributes:
            text (str):
            version (int | None | Unset):
            photos (list[str] | Unset):
     """

    text: str
    version: int | None | Unset = UNSET
    photos: list[str] | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        text = self.text

        version: int | None | Unset
        if isinstance(self.version, Unset):
            version = UNSET
        else:
            version = self.version

        photos: list[str] | Unset = UNSET
        if not isinstance(self.photos, Unset):
            photos = self.photos




        field_dict: dict[str, Any] = {}

        field_dict.update({
            "text": text,
        })
        if version is not UNSET:
            field_dict["version"] = version
        if photos is not UNSET:
            field_dict["photos"] = photos

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        text = d.pop("text")

        def _parse_version(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        version = _parse_version(d.pop("version", UNSET))


        photos = cast(list[str], d.pop("photos", UNSET))


        record_minutes_request = cls(
            text=text,
            version=version,
            photos=photos,
        )

        return record_minutes_request

