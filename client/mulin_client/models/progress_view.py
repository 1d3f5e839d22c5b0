from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="ProgressView")



@_attrs_define
class ProgressView:
    """ 
        Attributes:
            project_id (str):
            at (str):
            status (str):
            percent (int):
            note (str):
            photos (list[str]):
            photo_urls (list[str] | Unset): links a browser can show, lapsing after an hour
     """

    project_id: str
    at: str
    status: str
    percent: int
    note: str
    photos: list[str]
    photo_urls: list[str] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        project_id = self.project_id

        at = self.at

        status = self.status

        percent = self.percent

        note = self.note

        photos = self.photos



        photo_urls: list[str] | Unset = UNSET
        if not isinstance(self.photo_urls, Unset):
            photo_urls = self.photo_urls




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "project_id": project_id,
            "at": at,
            "status": status,
            "percent": percent,
            "note": note,
            "photos": photos,
        })
        if photo_urls is not UNSET:
            field_dict["photo_urls"] = photo_urls

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        project_id = d.pop("project_id")

        at = d.pop("at")

        status = d.pop("status")

        percent = d.pop("percent")

        note = d.pop("note")

        photos = cast(list[str], d.pop("photos"))


        photo_urls = cast(list[str], d.pop("photo_urls", UNSET))


        progress_view = cls(
            project_id=project_id,
            at=at,
            status=status,
            percent=percent,
            note=note,
            photos=photos,
            photo_urls=photo_urls,
        )


        progress_view.additional_properties = d
        return progress_view

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
