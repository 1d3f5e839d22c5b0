from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="BallotReceipt")



@_attrs_define
class BallotReceipt:
    """ 
        Attributes:
            round_id (str):
            receipt (str): the ballot was accepted; with the change code it replaces the ballot. It is in no public file: a
                signed-in voter finds their ballot with GET /rounds/{id}/my-ballot
            change_code (None | str | Unset): keep it private: it lets you replace this ballot
     """

    round_id: str
    receipt: str
    change_code: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        round_id = self.round_id

        receipt = self.receipt

        change_code: None | str | Unset
        if isinstance(self.change_code, Unset):
            change_code = UNSET
        else:
            change_code = self.change_code


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "round_id": round_id,
            "receipt": receipt,
        })
        if change_code is not UNSET:
            field_dict["change_code"] = change_code

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        round_id = d.pop("round_id")

        receipt = d.pop("receipt")

        def _parse_change_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        change_code = _parse_change_code(d.pop("change_code", UNSET))


        ballot_receipt = cls(
            round_id=round_id,
            receipt=receipt,
            change_code=change_code,
        )


        ballot_receipt.additional_properties = d
        return ballot_receipt

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
