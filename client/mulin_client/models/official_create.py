from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.official_role import OfficialRole
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="OfficialCreate")



@_attrs_define
class OfficialCreate:
    """ 
        Attributes:
            phone (str): the official's mainland mobile, +86…; their sign-in name, and where Cognito sends the temporary
                password
            role (OfficialRole):
            division (str): their jurisdiction: a division of the level the role works at (district 6, street 9, committee
                12 digits), inside the caller's
            name (None | str | Unset): display name
     """

    phone: str
    role: OfficialRole
    division: str
    name: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        phone = self.phone

        role = self.role.value

        division = self.division

        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "phone": phone,
            "role": role,
            "division": division,
        })
        if name is not UNSET:
            field_dict["name"] = name

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        phone = d.pop("phone")

        role = OfficialRole(d.pop("role"))




        division = d.pop("division")

        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))


        official_create = cls(
            phone=phone,
            role=role,
            division=division,
            name=name,
        )

        return official_create

