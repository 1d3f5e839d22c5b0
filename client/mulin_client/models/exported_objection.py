from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="ExportedObjection")



@_attrs_define
class ExportedObjection:
    """ 
        Attributes:
            application_id (str):
            id (str):
            reason (str):
            filed_at (str):
            answer (None | str | Unset):
            answered_at (None | str | Unset):
     """

    application_id: str
    id: str
    reason: str
    filed_at: str
    answer: None | str | Unset = UNSET
    answered_at: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        application_id = self.application_id

        id = self.id

        reason = self.reason

        filed_at = self.filed_at

        answer: None | str | Unset
        if isinstance(self.answer, Unset):
            answer = UNSET
        else:
            answer = self.answer

        answered_at: None | str | Unset
        if isinstance(self.answered_at, Unset):
            answered_at = UNSET
        else:
            answered_at = self.answered_at


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "application_id": application_id,
            "id": id,
            "reason": reason,
            "filed_at": filed_at,
        })
        if answer is not UNSET:
            field_dict["answer"] = answer
        if answered_at is not UNSET:
            field_dict["answered_at"] = answered_at

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        application_id = d.pop("application_id")

        id = d.pop("id")

        reason = d.pop("reason")

        filed_at = d.pop("filed_at")

        def _parse_answer(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        answer = _parse_answer(d.pop("answer", UNSET))


        def _parse_answered_at(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        answered_at = _parse_answered_at(d.pop("answered_at", UNSET))


        exported_objection = cls(
            application_id=application_id,
            id=id,
            reason=reason,
            filed_at=filed_at,
            answer=answer,
            answered_at=answered_at,
        )


        exported_objection.additional_properties = d
        return exported_objection

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
