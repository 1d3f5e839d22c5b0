from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="Account")



@_attrs_define
class Account:
    """ 
        Attributes:
            user_id (str): the account's Cognito `sub`
            phone_verified (bool):
            phone (None | str | Unset): the full number: it is the caller's own
            phone_masked (None | str | Unset): as officials see it
            residence (None | str | Unset): the committee staff verified, as the token carries it
            created_at (None | str | Unset): when the account was made (from the user pool)
            status (None | str | Unset): the user pool's account status, e.g. CONFIRMED
     """

    user_id: str
    phone_verified: bool
    phone: None | str | Unset = UNSET
    phone_masked: None | str | Unset = UNSET
    residence: None | str | Unset = UNSET
    created_at: None | str | Unset = UNSET
    status: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        user_id = self.user_id

        phone_verified = self.phone_verified

        phone: None | str | Unset
        if isinstance(self.phone, Unset):
            phone = UNSET
        else:
            phone = self.phone

        phone_masked: None | str | Unset
        if isinstance(self.phone_masked, Unset):
            phone_masked = UNSET
        else:
            phone_masked = self.phone_masked

        residence: None | str | Unset
        if isinstance(self.residence, Unset):
            residence = UNSET
        else:
            residence = self.residence

        created_at: None | str | Unset
        if isinstance(self.created_at, Unset):
            created_at = UNSET
        else:
            created_at = self.created_at

        status: None | str | Unset
        if isinstance(self.status, Unset):
            status = UNSET
        else:
            status = self.status


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "user_id": user_id,
            "phone_verified": phone_verified,
        })
        if phone is not UNSET:
            field_dict["phone"] = phone
        if phone_masked is not UNSET:
            field_dict["phone_masked"] = phone_masked
        if residence is not UNSET:
            field_dict["residence"] = residence
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if status is not UNSET:
            field_dict["status"] = status

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        user_id = d.pop("user_id")

        phone_verified = d.pop("phone_verified")

        def _parse_phone(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        phone = _parse_phone(d.pop("phone", UNSET))


        def _parse_phone_masked(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        phone_masked = _parse_phone_masked(d.pop("phone_masked", UNSET))


        def _parse_residence(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        residence = _parse_residence(d.pop("residence", UNSET))


        def _parse_created_at(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        created_at = _parse_created_at(d.pop("created_at", UNSET))


        def _parse_status(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        status = _parse_status(d.pop("status", UNSET))


        account = cls(
            user_id=user_id,
            phone_verified=phone_verified,
            phone=phone,
            phone_masked=phone_masked,
            residence=residence,
            created_at=created_at,
            status=status,
        )


        account.additional_properties = d
        return account

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
