from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="ProgressUpdate")



@_attrs_define
class ProgressUpdate:
    """ 
        Attributes:
            project_id (str):
            status (str):
            percent (int):
            note (str):
            photos (list[str] | Unset):
     """

    project_id: str
    status: str
    percent: int
    note: str
    photos: list[str] | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        project_id = self.project_id

        status = self.status

        percent = self.percent

        note = self.note

        photos: list[str] | Unset = UNSET
        if not isinstance(self.photos, Unset):
            photos = self.photos




        field_dict: dict[str, Any] = {}

        field_dict.update({
            "project_id": project_id,
            "status": status,
            "percent": percent,
            "note": note,
        })
        if photos is not UNSET:
            field_dict["photos"] = photos

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        project_id = d.pop("project_id")

        status = d.pop("status")

        percent = d.pop("percent")

        note = d.pop("note")

        photos = cast(list[str], d.pop("photos", UNSET))


        progress_update = cls(
            project_id=project_id,
            status=status,
            percent=percent,
            note=note,
            photos=photos,
        )

        return progress_update

