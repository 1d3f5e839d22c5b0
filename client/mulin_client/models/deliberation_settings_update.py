from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="DeliberationSettingsUpdate")



@_attrs_define
class DeliberationSettingsUpdate:
    """ 
        Attributes:
            support_threshold (int): supports that enqueue a topic
            household_percent (int | None | Unset): or this share of the committee's households, if fewer
     """

    support_threshold: int
    household_percent: int | None | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        support_threshold = self.support_threshold

        household_percent: int | None | Unset
        if isinstance(self.household_percent, Unset):
            household_percent = UNSET
        else:
            household_percent = self.household_percent


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "support_threshold": support_threshold,
        })
        if household_percent is not UNSET:
            field_dict["household_percent"] = household_percent

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        support_threshold = d.pop("support_threshold")

        def _parse_household_percent(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        household_percent = _parse_household_percent(d.pop("household_percent", UNSET))


        deliberation_settings_update = cls(
            support_threshold=support_threshold,
            household_percent=household_percent,
        )

        return deliberation_settings_update

