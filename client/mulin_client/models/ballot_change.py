from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="BallotChange")



@_attrs_define
class BallotChange:
    """ 
        Attributes:
            receipt (str):
            change_code (str):
     """

    receipt: str
    change_code: str





    def to_dict(self) -> dict[str, Any]:
        receipt = self.receipt

        change_code = self.change_code


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "receipt": receipt,
            "change_code": change_code,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        receipt = d.pop("receipt")

        change_code = d.pop("change_code")

        ballot_change = cls(
            receipt=receipt,
            change_code=change_code,
        )

        return ballot_change

