from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="ExportedTopic")



@_attrs_define
class ExportedTopic:
    """ A topic the caller raised, as stored.

        Attributes:
            id (str):
            division (str):
            title (str):
            background (str):
            proposal (str):
            status (str):
            supports (int):
            created_at (str):
            photos (list[str] | Unset): storage keys of the topic's photos
            answer (None | str | Unset): staff's reason for holding no meeting
     """

    id: str
    division: str
    title: str
    background: str
    proposal: str
    status: str
    supports: int
    created_at: str
    photos: list[str] | Unset = UNSET
    answer: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        id = self.id

        division = self.division

        title = self.title

        background = self.background

        proposal = self.proposal

        status = self.status

        supports = self.supports

        created_at = self.created_at

        photos: list[str] | Unset = UNSET
        if not isinstance(self.photos, Unset):
            photos = self.photos



        answer: None | str | Unset
        if isinstance(self.answer, Unset):
            answer = UNSET
        else:
            answer = self.answer


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "division": division,
            "title": title,
            "background": background,
            "proposal": proposal,
            "status": status,
            "supports": supports,
            "created_at": created_at,
        })
        if photos is not UNSET:
            field_dict["photos"] = photos
        if answer is not UNSET:
            field_dict["answer"] = answer

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        division = d.pop("division")

        title = d.pop("title")

        background = d.pop("background")

        proposal = d.pop("proposal")

        status = d.pop("status")

        supports = d.pop("supports")

        created_at = d.pop("created_at")

        photos = cast(list[str], d.pop("photos", UNSET))


        def _parse_answer(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        answer = _parse_answer(d.pop("answer", UNSET))


        exported_topic = cls(
            id=id,
            division=division,
            title=title,
            background=background,
            proposal=proposal,
            status=status,
            supports=supports,
            created_at=created_at,
            photos=photos,
            answer=answer,
        )


        exported_topic.additional_properties = d
        return exported_topic

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
