from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="HiddenMark")



@_attrs_define
class HiddenMark:
    """ 
        Attributes:
            reason (str): shown in place of the hidden text
            at (str):
            appealed (bool):
            appeal_rejected (bool):
     """

    reason: str
    at: str
    appealed: bool
    appeal_rejected: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        reason = self.reason

        at = self.at

        appealed = self.appealed

        appeal_rejected = self.appeal_rejected


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "reason": reason,
            "at": at,
            "appealed": appealed,
            "appeal_rejected": appeal_rejected,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        reason = d.pop("reason")

        at = d.pop("at")

        appealed = d.pop("appealed")

        appeal_rejected = d.pop("appeal_rejected")

        hidden_mark = cls(
            reason=reason,
            at=at,
            appealed=appealed,
            appeal_rejected=appeal_rejected,
        )


        hidden_mark.additional_properties = d
        return hidden_mark

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
