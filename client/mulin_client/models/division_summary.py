from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="DivisionSummary")



@_attrs_define
class DivisionSummary:
    """ 
        Attributes:
            code (str):
            name (str):
            level (str): city, district, street or committee
            kind (str): 街道, 镇, 乡, 居委会, 村委会 … as the statistics name it
            is_administrative (bool): False for statistical units such as 开发区 or 虚拟社区
     """

    code: str
    name: str
    level: str
    kind: str
    is_administrative: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        code = self.code

        name = self.name

        level = self.level

        kind = self.kind

        is_administrative = self.is_administrative


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "code": code,
            "name": name,
            "level": level,
            "kind": kind,
            "is_administrative": is_administrative,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        code = d.pop("code")

        name = d.pop("name")

        level = d.pop("level")

        kind = d.pop("kind")

        is_administrative = d.pop("is_administrative")

        division_summary = cls(
            code=code,
            name=name,
            level=level,
            kind=kind,
            is_administrative=is_administrative,
        )


        division_summary.additional_properties = d
        return division_summary

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
