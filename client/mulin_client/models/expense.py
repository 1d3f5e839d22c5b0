from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="Expense")



@_attrs_define
class Expense:
    """ 
        Attributes:
            line (int): index of the line item
            actual_fen (int):
            receipts (list[str] | Unset): keys from POST /uploads/receipts (for a paper or meeting application, from POST
                /review/funds/applications/{id}/receipts); required when actual_fen > 0
     """

    line: int
    actual_fen: int
    receipts: list[str] | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        line = self.line

        actual_fen = self.actual_fen

        receipts: list[str] | Unset = UNSET
        if not isinstance(self.receipts, Unset):
            receipts = self.receipts




        field_dict: dict[str, Any] = {}

        field_dict.update({
            "line": line,
            "actual_fen": actual_fen,
        })
        if receipts is not UNSET:
            field_dict["receipts"] = receipts

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        line = d.pop("line")

        actual_fen = d.pop("actual_fen")

        receipts = cast(list[str], d.pop("receipts", UNSET))


        expense = cls(
            line=line,
            actual_fen=actual_fen,
            receipts=receipts,
        )

        return expense

