from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="ExportedAppeal")



@_attrs_define
class ExportedAppeal:
    """ 
        Attributes:
            topic_id (str):
            target (str): TOPIC, or the id of the hidden comment
            text (str):
            status (str):
            at (str):
            decided_at (None | str | Unset):
            decision (None | str | Unset): the street's reason, when it rejected the appeal
     """

    topic_id: str
    target: str
    text: str
    status: str
    at: str
    decided_at: None | str | Unset = UNSET
    decision: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        topic_id = self.topic_id

        target = self.target

        text = self.text

        status = self.status

        at = self.at

        decided_at: None | str | Unset
        if isinstance(self.decided_at, Unset):
            decided_at = UNSET
        else:
            decided_at = self.decided_at

        decision: None | str | Unset
        if isinstance(self.decision, Unset):
            decision = UNSET
        else:
            decision = self.decision


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "topic_id": topic_id,
            "target": target,
            "text": text,
            "status": status,
            "at": at,
        })
        if decided_at is not UNSET:
            field_dict["decided_at"] = decided_at
        if decision is not UNSET:
            field_dict["decision"] = decision

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        topic_id = d.pop("topic_id")

        target = d.pop("target")

        text = d.pop("text")

        status = d.pop("status")

        at = d.pop("at")

        def _parse_decided_at(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        decided_at = _parse_decided_at(d.pop("decided_at", UNSET))


        def _parse_decision(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        decision = _parse_decision(d.pop("decision", UNSET))


        exported_appeal = cls(
            topic_id=topic_id,
            target=target,
            text=text,
            status=status,
            at=at,
            decided_at=decided_at,
            decision=decision,
        )


        exported_appeal.additional_properties = d
        return exported_appeal

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
