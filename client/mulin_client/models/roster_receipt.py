from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset






T = TypeVar("T", bound="RosterReceipt")



@_attrs_define
class RosterReceipt:
    """ 
        Attributes:
            round_id (str):
            added (int):
            residences_verified (int | Unset):  Default: 0.
     """

    round_id: str
    added: int
    residences_verified: int | Unset = 0
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        round_id = self.round_id

        added = self.added

        residences_verified = self.residences_verified


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "round_id": round_id,
            "added": added,
        })
        if residences_verified is not UNSET:
            field_dict["residences_verified"] = residences_verified

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        round_id = d.pop("round_id")

        added = d.pop("added")

        residences_verified = d.pop("residences_verified", UNSET)

        roster_receipt = cls(
            round_id=round_id,
            added=added,
            residences_verified=residences_verified,
        )


        roster_receipt.additional_properties = d
        return roster_receipt

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
