from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.community_type import CommunityType
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="DivisionProfileUpdate")



@_attrs_define
class DivisionProfileUpdate:
    """ 
        Attributes:
            population (int | None | Unset): registered residents
            households (int | None | Unset):
            community_type (CommunityType | None | Unset): committees only
     """

    population: int | None | Unset = UNSET
    households: int | None | Unset = UNSET
    community_type: CommunityType | None | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
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


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if population is not UNSET:
            field_dict["population"] = population
        if households is not UNSET:
            field_dict["households"] = households
        if community_type is not UNSET:
            field_dict["community_type"] = community_type

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
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


        division_profile_update = cls(
            population=population,
            households=households,
            community_type=community_type,
        )

        return division_profile_update

