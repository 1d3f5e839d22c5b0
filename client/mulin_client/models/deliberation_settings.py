from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast






T = TypeVar("T", bound="DeliberationSettings")



@_attrs_define
class DeliberationSettings:
    """ 
        Attributes:
            division (str):
            support_threshold (int):
            household_percent (int | None):
            households (int | None): from the divisions registry
            effective_threshold (int): what a topic raised now must reach
     """

    division: str
    support_threshold: int
    household_percent: int | None
    households: int | None
    effective_threshold: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        division = self.division

        support_threshold = self.support_threshold

        household_percent: int | None
        household_percent = self.household_percent

        households: int | None
        households = self.households

        effective_threshold = self.effective_threshold


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "division": division,
            "support_threshold": support_threshold,
            "household_percent": household_percent,
            "households": households,
            "effective_threshold": effective_threshold,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        division = d.pop("division")

        support_threshold = d.pop("support_threshold")

        def _parse_household_percent(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        household_percent = _parse_household_percent(d.pop("household_percent"))


        def _parse_households(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        households = _parse_households(d.pop("households"))


        effective_threshold = d.pop("effective_threshold")

        deliberation_settings = cls(
            division=division,
            support_threshold=support_threshold,
            household_percent=household_percent,
            households=households,
            effective_threshold=effective_threshold,
        )


        deliberation_settings.additional_properties = d
        return deliberation_settings

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
