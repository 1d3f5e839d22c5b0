from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="TextPreferenceChange")



@_attrs_define
class TextPreferenceChange:
    """ 
        Attributes:
            sms (bool): true: text me; false: the inbox only
     """

    sms: bool





    def to_dict(self) -> dict[str, Any]:
        sms = self.sms


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "sms": sms,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        sms = d.pop("sms")

        text_preference_change = cls(
            sms=sms,
        )

        return text_preference_change

