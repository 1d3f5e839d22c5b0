from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="TextPreference")



@_attrs_define
class TextPreference:
    """ 
        Attributes:
            sms (bool): decisions on my cases also reach me by SMS (replies, decisions, requests for more)
            phone_masked (None | str | Unset): the verified number texts go to, 138****1234
     """

    sms: bool
    phone_masked: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        sms = self.sms

        phone_masked: None | str | Unset
        if isinstance(self.phone_masked, Unset):
            phone_masked = UNSET
        else:
            phone_masked = self.phone_masked


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "sms": sms,
        })
        if phone_masked is not UNSET:
            field_dict["phone_masked"] = phone_masked

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        sms = d.pop("sms")

        def _parse_phone_masked(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        phone_masked = _parse_phone_masked(d.pop("phone_masked", UNSET))


        text_preference = cls(
            sms=sms,
            phone_masked=phone_masked,
        )


        text_preference.additional_properties = d
        return text_preference

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
