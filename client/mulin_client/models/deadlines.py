from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset






T = TypeVar("T", bound="Deadlines")



@_attrs_define
class Deadlines:
    """ 
        Attributes:
            acknowledge_by (str):
            reply_by (str):
            extended (bool | Unset):  Default: False.
            provisional (bool | Unset): a year on the way has no working-day calendar yet Default: False.
     """

    acknowledge_by: str
    reply_by: str
    extended: bool | Unset = False
    provisional: bool | Unset = False
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        acknowledge_by = self.acknowledge_by

        reply_by = self.reply_by

        extended = self.extended

        provisional = self.provisional


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "acknowledge_by": acknowledge_by,
            "reply_by": reply_by,
        })
        if extended is not UNSET:
            field_dict["extended"] = extended
        if provisional is not UNSET:
            field_dict["provisional"] = provisional

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        acknowledge_by = d.pop("acknowledge_by")

        reply_by = d.pop("reply_by")

        extended = d.pop("extended", UNSET)

        provisional = d.pop("provisional", UNSET)

        deadlines = cls(
            acknowledge_by=acknowledge_by,
            reply_by=reply_by,
            extended=extended,
            provisional=provisional,
        )


        deadlines.additional_properties = d
        return deadlines

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
