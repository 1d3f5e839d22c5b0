from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="Me")



@_attrs_define
class Me:
    """ 
        Attributes:
            user_id (str):
            role (str):
            jurisdiction (None | str):
            phone_masked (None | str): 138****1234: the full number is never shown
            residence (None | str | Unset): a resident's committee, once staff have verified it
     """

    user_id: str
    role: str
    jurisdiction: None | str
    phone_masked: None | str
    residence: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        user_id = self.user_id

        role = self.role

        jurisdiction: None | str
        jurisdiction = self.jurisdiction

        phone_masked: None | str
        phone_masked = self.phone_masked

        residence: None | str | Unset
        if isinstance(self.residence, Unset):
            residence = UNSET
        else:
            residence = self.residence


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "user_id": user_id,
            "role": role,
            "jurisdiction": jurisdiction,
            "phone_masked": phone_masked,
        })
        if residence is not UNSET:
            field_dict["residence"] = residence

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        user_id = d.pop("user_id")

        role = d.pop("role")

        def _parse_jurisdiction(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        jurisdiction = _parse_jurisdiction(d.pop("jurisdiction"))


        def _parse_phone_masked(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        phone_masked = _parse_phone_masked(d.pop("phone_masked"))


        def _parse_residence(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        residence = _parse_residence(d.pop("residence", UNSET))


        me = cls(
            user_id=user_id,
            role=role,
            jurisdiction=jurisdiction,
            phone_masked=phone_masked,
            residence=residence,
        )


        me.additional_properties = d
        return me

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
