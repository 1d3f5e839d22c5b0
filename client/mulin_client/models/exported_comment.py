from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="ExportedComment")



@_attrs_define
class ExportedComment:
    """ 
        Attributes:
            topic_id (str):
            id (str):
            text (str): empty once the caller deleted it
            created_at (str):
            parent_id (None | str | Unset):
            edited_at (None | str | Unset):
            deleted (bool | Unset):  Default: False.
     """

    topic_id: str
    id: str
    text: str
    created_at: str
    parent_id: None | str | Unset = UNSET
    edited_at: None | str | Unset = UNSET
    deleted: bool | Unset = False
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        topic_id = self.topic_id

        id = self.id

        text = self.text

        created_at = self.created_at

        parent_id: None | str | Unset
        if isinstance(self.parent_id, Unset):
            parent_id = UNSET
        else:
            parent_id = self.parent_id

        edited_at: None | str | Unset
        if isinstance(self.edited_at, Unset):
            edited_at = UNSET
        else:
            edited_at = self.edited_at

        deleted = self.deleted


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "topic_id": topic_id,
            "id": id,
            "text": text,
            "created_at": created_at,
        })
        if parent_id is not UNSET:
            field_dict["parent_id"] = parent_id
        if edited_at is not UNSET:
            field_dict["edited_at"] = edited_at
        if deleted is not UNSET:
            field_dict["deleted"] = deleted

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        topic_id = d.pop("topic_id")

        id = d.pop("id")

        text = d.pop("text")

        created_at = d.pop("created_at")

        def _parse_parent_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        parent_id = _parse_parent_id(d.pop("parent_id", UNSET))


        def _parse_edited_at(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        edited_at = _parse_edited_at(d.pop("edited_at", UNSET))


        deleted = d.pop("deleted", UNSET)

        exported_comment = cls(
            topic_id=topic_id,
            id=id,
            text=text,
            created_at=created_at,
            parent_id=parent_id,
            edited_at=edited_at,
            deleted=deleted,
        )


        exported_comment.additional_properties = d
        return exported_comment

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
