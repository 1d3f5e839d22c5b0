from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="ExportedReport")



@_attrs_define
class ExportedReport:
    """ 
        Attributes:
            topic_id (str):
            id (str):
            target (str): TOPIC, or the id of the comment reported
            reason (str):
            at (str):
            note (None | str | Unset):
     """

    topic_id: str
    id: str
    target: str
    reason: str
    at: str
    note: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        topic_id = self.topic_id

        id = self.id

        target = self.target

        reason = self.reason

        at = self.at

        note: None | str | Unset
        if isinstance(self.note, Unset):
            note = UNSET
        else:
            note = self.note


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "topic_id": topic_id,
            "id": id,
            "target": target,
            "reason": reason,
            "at": at,
        })
        if note is not UNSET:
            field_dict["note"] = note

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        topic_id = d.pop("topic_id")

        id = d.pop("id")

        target = d.pop("target")

        reason = d.pop("reason")

        at = d.pop("at")

        def _parse_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        note = _parse_note(d.pop("note", UNSET))


        exported_report = cls(
            topic_id=topic_id,
            id=id,
            target=target,
            reason=reason,
            at=at,
            note=note,
        )


        exported_report.additional_properties = d
        return exported_report

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
