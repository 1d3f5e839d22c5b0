from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.account_status import AccountStatus
from ..models.official_role import OfficialRole
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="Official")



@_attrs_define
class Official:
    """ 
        Attributes:
            id (str): the official's Cognito sub
            phone_masked (str):
            role (OfficialRole):
            division (str):
            status (AccountStatus):
            created_at (str): UTC, e.g. 2026-11-23T02:15:00.000Z
            created_by_role (str):
            updated_at (str): UTC
            version (int):
            name (None | str | Unset):
     """

    id: str
    phone_masked: str
    role: OfficialRole
    division: str
    status: AccountStatus
    created_at: str
    created_by_role: str
    updated_at: str
    version: int
    name: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        id = self.id

        phone_masked = self.phone_masked

        role = self.role.value

        division = self.division

        status = self.status.value

        created_at = self.created_at

        created_by_role = self.created_by_role

        updated_at = self.updated_at

        version = self.version

        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "phone_masked": phone_masked,
            "role": role,
            "division": division,
            "status": status,
            "created_at": created_at,
            "created_by_role": created_by_role,
            "updated_at": updated_at,
            "version": version,
        })
        if name is not UNSET:
            field_dict["name"] = name

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        phone_masked = d.pop("phone_masked")

        role = OfficialRole(d.pop("role"))




        division = d.pop("division")

        status = AccountStatus(d.pop("status"))




        created_at = d.pop("created_at")

        created_by_role = d.pop("created_by_role")

        updated_at = d.pop("updated_at")

        version = d.pop("version")

        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))


        official = cls(
            id=id,
            phone_masked=phone_masked,
            role=role,
            division=division,
            status=status,
            created_at=created_at,
            created_by_role=created_by_role,
            updated_at=updated_at,
            version=version,
            name=name,
        )


        official.additional_properties = d
        return official

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
