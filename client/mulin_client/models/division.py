from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.community_type import CommunityType
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="Division")



@_attrs_define
class Division:
    """ 
        Attributes:
            code (str):
            name (str):
            level (str): city, district, street or committee
            kind (str): 街道, 镇, 乡, 居委会, 村委会 … as the statistics name it
            is_administrative (bool): False for statistical units such as 开发区 or 虚拟社区
            parent_code (None | str | Unset):
            population (int | None | Unset):
            households (int | None | Unset):
            community_type (CommunityType | None | Unset):
            version (int | Unset):  Default: 0.
     """

    code: str
    name: str
    level: str
    kind: str
    is_administrative: bool
    parent_code: None | str | Unset = UNSET
    population: int | None | Unset = UNSET
    households: int | None | Unset = UNSET
    community_type: CommunityType | None | Unset = UNSET
    version: int | Unset = 0
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        code = self.code

        name = self.name

        level = self.level

        kind = self.kind

        is_administrative = self.is_administrative

        parent_code: None | str | Unset
        if isinstance(self.parent_code, Unset):
            parent_code = UNSET
        else:
            parent_code = self.parent_code

        population: int | None | Unset
        if isinstance(self.population, Unset):
            population = UNSET
        else:
            population = self.population

        households: int | None | Unset
        if isinstance(self.households, Unset):
            households = UNSET
        else:
            households = self.households

        community_type: None | str | Unset
        if isinstance(self.community_type, Unset):
            community_type = UNSET
        elif isinstance(self.community_type, CommunityType):
            community_type = self.community_type.value
        else:
            community_type = self.community_type

        version = self.version


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "code": code,
            "name": name,
            "level": level,
            "kind": kind,
            "is_administrative": is_administrative,
        })
        if parent_code is not UNSET:
            field_dict["parent_code"] = parent_code
        if population is not UNSET:
            field_dict["population"] = population
        if households is not UNSET:
            field_dict["households"] = households
        if community_type is not UNSET:
            field_dict["community_type"] = community_type
        if version is not UNSET:
            field_dict["version"] = version

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        code = d.pop("code")

        name = d.pop("name")

        level = d.pop("level")

        kind = d.pop("kind")

        is_administrative = d.pop("is_administrative")

        def _parse_parent_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        parent_code = _parse_parent_code(d.pop("parent_code", UNSET))


        def _parse_population(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        population = _parse_population(d.pop("population", UNSET))


        def _parse_households(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        households = _parse_households(d.pop("households", UNSET))


        def _parse_community_type(data: object) -> CommunityType | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                community_type_type_0 = CommunityType(data)



                return community_type_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CommunityType | None | Unset, data)

        community_type = _parse_community_type(d.pop("community_type", UNSET))


        version = d.pop("version", UNSET)

        division = cls(
            code=code,
            name=name,
            level=level,
            kind=kind,
            is_administrative=is_administrative,
            parent_code=parent_code,
            population=population,
            households=households,
            community_type=community_type,
            version=version,
        )


        division.additional_properties = d
        return division

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
